"""Training costs from first principles (FLOP, chip-hours, prices, electricity), the cost of a whole
cluster, and Cahn's "$600B question" with and without depreciation.

Every assumption not read from data is a named field of :class:`CostAssumptions` or a module constant
with its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.economics.datasets import HOURS_PER_YEAR, _hardware_table, load_models
from analysis.house.validation import (require_finite, require_in_range, require_instance, require_positive,
                                       require_same_shape)

# --- A cost model from first principles --------------------------------------------------------------


@dataclass(frozen=True)
class CostAssumptions:
    """Assumptions of the first-principles cost model (ours, stated so they can be changed).

    utilization : model FLOP utilisation; default 0.38, the median of the 62 MFU values in the Epoch snapshot
        (0.37 over the 22 frontier models that record one).
    pue : power usage effectiveness of the data centre (facility power / IT power); 1.2 (assumption,
        typical of large modern data centres).
    usd_per_kwh : electricity price; 0.08 USD/kWh (assumption, order of US industrial tariffs).
    lifetime_years : straight-line amortisation period of the hardware; 4 years (assumption).
    cluster_overhead : multiplier on the chip price for servers, network and other cluster hardware; 1.0
        by default. Epoch's purchase prices mix per-GPU shares of 8-GPU servers (which include the server)
        and single-unit list prices (which do not), so the default leaves part of the cluster uncounted.
    """

    utilization: float = 0.38
    pue: float = 1.2
    usd_per_kwh: float = 0.08
    lifetime_years: float = 4.0
    cluster_overhead: float = 1.0

    def __post_init__(self) -> None:
        require_in_range("utilization", self.utilization, 0.0, 1.0, inclusive=False)
        require_in_range("pue", self.pue, 1.0, 3.0)
        require_positive("usd_per_kwh", self.usd_per_kwh)
        require_positive("lifetime_years", self.lifetime_years)
        require_positive("cluster_overhead", self.cluster_overhead)


DEFAULT_COSTS = CostAssumptions()


def training_flop(n_params, n_tokens) -> np.ndarray:
    """Training compute ``6 N D`` (FLOP) of a dense transformer with ``n_params`` parameters trained on
    ``n_tokens`` tokens (Kaplan et al. 2020; Hoffmann et al. 2022)."""
    n = require_positive("n_params", n_params)
    d = require_positive("n_tokens", n_tokens)
    if n.ndim and d.ndim:
        require_same_shape(n_params=n, n_tokens=d)
    return 6.0 * n * d


def chip_hours(flop, peak_flops_per_s, utilization) -> np.ndarray:
    """Chip-hours to perform ``flop`` FLOP on chips of peak ``peak_flops_per_s`` at ``utilization``."""
    c = require_positive("flop", flop)
    p = require_positive("peak_flops_per_s", peak_flops_per_s)
    u = require_in_range("utilization", utilization, 0.0, 1.0, inclusive=False)
    return c / (p * u) / 3600.0


@dataclass(frozen=True)
class RunCost:
    """Cost of a training (or serving) workload from chip-hours.

    Attributes
    ----------
    chip_hours : ndarray
    hardware_usd : ndarray
        Amortised hardware cost: chip_hours * price * overhead / (lifetime in hours).
    energy_kwh : ndarray
        chip_hours * TDP * PUE / 1000.
    energy_usd : ndarray
    total_usd : ndarray
    """

    chip_hours: np.ndarray
    hardware_usd: np.ndarray
    energy_kwh: np.ndarray
    energy_usd: np.ndarray
    total_usd: np.ndarray


def cost_from_chip_hours(hours, chip_price_usd, tdp_w, assumptions: CostAssumptions = DEFAULT_COSTS) -> RunCost:
    """Amortised hardware cost plus electricity for ``hours`` chip-hours on chips costing
    ``chip_price_usd`` each with thermal design power ``tdp_w`` watts."""
    h = require_positive("hours", hours)
    price = require_positive("chip_price_usd", chip_price_usd)
    tdp = require_positive("tdp_w", tdp_w)
    a = require_instance("assumptions", assumptions, CostAssumptions)
    hardware = h * price * a.cluster_overhead / (a.lifetime_years * HOURS_PER_YEAR)
    kwh = h * tdp * a.pue / 1000.0
    energy = kwh * a.usd_per_kwh
    return RunCost(h, hardware, kwh, energy, hardware + energy)


def training_cost(flop, peak_flops_per_s, chip_price_usd, tdp_w,
                  assumptions: CostAssumptions = DEFAULT_COSTS) -> RunCost:
    """First-principles cost of a training run of ``flop`` FLOP: chip-hours at the assumed utilisation,
    then :func:`cost_from_chip_hours`."""
    require_instance("assumptions", assumptions, CostAssumptions)
    hours = chip_hours(flop, peak_flops_per_s, assumptions.utilization)
    return cost_from_chip_hours(hours, chip_price_usd, tdp_w, assumptions)


@lru_cache(maxsize=4)
def _cost_check(assumptions: CostAssumptions) -> pd.DataFrame:
    models = load_models().dropna(subset=["cost_usd_2023", "Training compute (FLOP)", "Training hardware"])
    hw = _hardware_table().dropna(subset=["peak_flops", "TDP (W)"])
    per_chip = hw.groupby("Hardware model").agg(price_usd_2023=("price_usd_2023", "median"),
                                                 peak_flops=("peak_flops", "first"), tdp_w=("TDP (W)", "first"))
    merged = models.join(per_chip, on="Training hardware", how="inner")
    util = merged["Hardware utilization (MFU)"].fillna(assumptions.utilization).to_numpy()
    hours = merged["Training chip-hours"].to_numpy()
    from_flop = merged["Training compute (FLOP)"].to_numpy() / (merged["peak_flops"].to_numpy() * util) / 3600.0
    hours = np.where(np.isfinite(hours) & (hours > 0), hours, from_flop)
    run = cost_from_chip_hours(hours, merged["price_usd_2023"].to_numpy(), merged["tdp_w"].to_numpy(), assumptions)
    out = merged[["Model", "Publication date", "Training hardware", "Training compute (FLOP)", "cost_usd_2023"]].copy()
    out["model_usd"] = run.total_usd
    out["energy_kwh"] = run.energy_kwh
    out["ratio"] = out["model_usd"] / out["cost_usd_2023"]
    return out.reset_index(drop=True)


def cost_model_check(assumptions: CostAssumptions = DEFAULT_COSTS) -> pd.DataFrame:
    """Our first-principles cost next to Epoch's own estimate, for every model that has a cost estimate
    and whose training chip has a purchase price: columns ``model_usd``, ``cost_usd_2023``, ``ratio``."""
    return _cost_check(require_instance("assumptions", assumptions, CostAssumptions)).copy()


def largest_2025_run_cost(assumptions: CostAssumptions = DEFAULT_COSTS, chip: str = "NVIDIA H100 SXM5 80GB") -> tuple[str, float, float]:
    """First-principles cost (2023 USD) of the largest-compute model in the snapshot, trained on ``chip``.
    Returns (model name, training FLOP, cost in USD)."""
    require_instance("assumptions", assumptions, CostAssumptions)
    models = load_models().dropna(subset=["Training compute (FLOP)"])
    row = models.loc[models["Training compute (FLOP)"].idxmax()]
    hw = _hardware_table()
    sel = hw[hw["Hardware model"] == chip]
    if sel.empty:
        raise ValueError(f"chip must be a hardware model with a purchase price; got {chip!r}")
    run = training_cost(float(row["Training compute (FLOP)"]), float(sel["peak_flops"].iloc[0]),
                        float(sel["price_usd_2023"].median()), float(sel["TDP (W)"].iloc[0]), assumptions)
    return str(row["Model"]), float(row["Training compute (FLOP)"]), float(run.total_usd)


def hardware_acquisition_usd(model: str = "GPT-4") -> float:
    """Purchase cost (2023 USD) of the chips a model was trained on: ``Hardware quantity`` x the median
    per-chip price of its ``Training hardware`` (a mix of server-share and chip-only prices, see
    :func:`hardware_prices`; network and buildings are not counted, so this is a lower bound on the cluster)."""
    models = load_models()
    rows = models[models["Model"] == model]
    if rows.empty:
        raise ValueError(f"model must be a model of the snapshot; got {model!r}")
    row = rows.iloc[0]
    hw = _hardware_table()
    price = hw.loc[hw["Hardware model"] == row["Training hardware"], "price_usd_2023"].median()
    if not np.isfinite(price) or not np.isfinite(row["Hardware quantity"]):
        raise ValueError(f"model {model!r} lacks hardware quantity or a chip price")
    return float(row["Hardware quantity"] * price)


# --- Cahn's arithmetic --------------------------------------------------------------------------------

@dataclass(frozen=True)
class CahnInputs:
    """Inputs of David Cahn's "AI's $600B question" (Sequoia, June 2024; bibtex ``cahn2024question``).

    Nvidia's forecast data-centre run-rate revenue (USD/yr); x2 because GPUs are about half of a data
    centre's total cost of ownership; x2 again for a 50 % gross margin of the buyer of the compute. The
    AI revenue he grants: $10B/yr each for Google, Microsoft, Apple and Meta, $5B/yr each for Oracle,
    ByteDance, Alibaba, Tencent, X and Tesla.
    """

    nvidia_dc_run_rate_usd: float = 150e9
    gpu_share_of_cost: float = 0.5
    end_user_gross_margin: float = 0.5
    ai_revenue_usd: tuple[float, ...] = (10e9,) * 4 + (5e9,) * 6
    asserted_need_usd: float = 600e9
    asserted_gap_usd: float = 500e9


CAHN = CahnInputs()

#: Straight-line useful lives of servers in the hyperscalers' filings (years): Microsoft raised its
#: estimate from 4 to 6 years from fiscal 2023 (10-Q, Q2 FY23); Alphabet moved to 6 years in January 2023
#: (10-K 2022); Amazon from 4 to 5 years in 2022 and 6 in 2024, then back to 5 for a subset of servers from
#: January 2025 (10-K 2024); Meta to 5 years in 2022 and 5.5 for servers put in service from 2025.
SERVER_LIFE_YEARS = {"Microsoft": 6.0, "Alphabet": 6.0, "Amazon": 5.0, "Meta": 5.5}
#: The lives the chapter scans: 4 years (the common estimate before 2022) to 6 years.
DEPRECIATION_YEARS = (4.0, 5.0, 6.0)
#: Growth of Nvidia's data-centre revenue in fiscal 2024 (to January 2024): $47.5B, up 217 %, i.e. x3.17
#: (Nvidia's results release of 21 February 2024; bibtex ``nvidia2024fy``), a measure of how fast AI
#: data-centre spending grew when Cahn wrote.
NVIDIA_DC_REVENUE_FY2024_USD = 47.5e9
NVIDIA_DC_GROWTH_FY2024 = 1.0 + 2.17

#: Share of a cluster's hardware cost that is the network between servers: 0.19, the
#: ``CLUSTER_INTERCONNECT_COST_FRACTION`` of Cottier et al. (2024)'s code (epoch-research/
#: training-cost-trends, ``parameters.py``; bibtex ``cottier2024costs``).
CLUSTER_INTERCONNECT_FRACTION = 0.19


@dataclass(frozen=True)
class CahnResult:
    """Cahn's chain: GPU spend -> data-centre cost -> revenue needed -> gap to granted AI revenue (USD/yr)."""

    data_centre_cost_usd: float
    revenue_needed_usd: float
    ai_revenue_usd: float
    gap_usd: float


def cahn_revenue_need(nvidia_dc_run_rate_usd, *, gpu_share_of_cost=CAHN.gpu_share_of_cost,
                      end_user_gross_margin=CAHN.end_user_gross_margin, ai_revenue_usd=sum(CAHN.ai_revenue_usd)) -> CahnResult:
    """Revenue needed per year to pay for one year of AI data-centre spending (Cahn 2024).

    data-centre cost = GPU spend / ``gpu_share_of_cost``; revenue needed = cost / (1 - margin);
    gap = revenue needed - ``ai_revenue_usd``. With margin 0 the revenue needed is the data-centre
    owner's break-even.
    """
    run_rate = float(require_positive("nvidia_dc_run_rate_usd", nvidia_dc_run_rate_usd))
    share = float(require_in_range("gpu_share_of_cost", gpu_share_of_cost, 0.0, 1.0))
    if share == 0:
        raise ValueError(f"gpu_share_of_cost must lie in (0, 1]; got {gpu_share_of_cost}")
    margin = float(require_in_range("end_user_gross_margin", end_user_gross_margin, 0.0, 1.0))
    if margin == 1:
        raise ValueError(f"end_user_gross_margin must be below 1; got {end_user_gross_margin}")
    revenue = float(require_finite("ai_revenue_usd", ai_revenue_usd))
    cost = run_rate / share
    need = cost / (1.0 - margin)
    return CahnResult(cost, need, revenue, need - revenue)


@dataclass(frozen=True)
class DepreciatedNeed:
    """Cahn's chain with the hardware written off over ``lifetime_years`` instead of in one year (USD/yr).

    Attributes
    ----------
    lifetime_years : float
    capex_growth : float
        Yearly growth factor of data-centre spending assumed for the steady state.
    cohort_need_usd : float
        Revenue needed per year to cover one year's spending written off straight-line over its life,
        with Cahn's margin for the buyer of compute.
    cohort_break_even_usd : float
        The same without that margin (the owner's break-even).
    steady_need_usd : float
        Revenue needed per year once spending has grown by ``capex_growth`` a year for a whole lifetime:
        the yearly write-off of all live vintages, with the margin. At constant spending it equals Cahn's
        figure; with growing spending it is smaller.
    steady_fraction : float
        ``steady_need_usd`` over Cahn's undepreciated figure.
    cohort_gap_usd, steady_gap_usd : float
        Needs minus the AI revenue Cahn grants.
    """

    lifetime_years: float
    capex_growth: float
    cohort_need_usd: float
    cohort_break_even_usd: float
    steady_need_usd: float
    steady_fraction: float
    cohort_gap_usd: float
    steady_gap_usd: float


def writeoff_fraction(lifetime_years, capex_growth) -> np.ndarray:
    """Yearly straight-line write-off of all live vintages as a fraction of this year's spending, when
    spending grows by ``capex_growth`` a year: ``(1/L) * sum_{k=0}^{L-1} g**-k`` for an integer life
    ``L``; a fractional life counts its last vintage in part. Equals 1 at constant spending (g = 1)."""
    life = float(require_in_range("lifetime_years", lifetime_years, 1.0, 30.0))
    g = require_positive("capex_growth", capex_growth)
    whole = int(np.floor(life))
    k = np.arange(whole)
    total = np.sum(np.power.outer(np.atleast_1d(g), -k.astype(float)), axis=-1)
    total = total + (life - whole) * np.atleast_1d(g) ** (-float(whole))
    out = total / life
    return out if np.ndim(g) else float(out[0])


def cahn_depreciated(lifetime_years: float = 5.0, *, capex_growth: float = 1.0,
                     inputs: CahnInputs = CAHN) -> DepreciatedNeed:
    """Cahn's revenue need with depreciation: one year's data-centre spending (GPU spend / GPU share of
    cost) written off over ``lifetime_years``, with and without the buyer's margin, and the steady-state
    yearly write-off when spending grows ``capex_growth``-fold a year (see :func:`writeoff_fraction`).

    The whole data-centre cost is written off over the hardware life, which overstates the yearly charge
    of buildings that last longer: the cohort figures are upper bounds under the other assumptions.
    """
    life = float(require_in_range("lifetime_years", lifetime_years, 1.0, 30.0))
    g = float(require_positive("capex_growth", capex_growth))
    require_instance("inputs", inputs, CahnInputs)
    base = cahn_revenue_need(inputs.nvidia_dc_run_rate_usd, gpu_share_of_cost=inputs.gpu_share_of_cost,
                             end_user_gross_margin=inputs.end_user_gross_margin,
                             ai_revenue_usd=sum(inputs.ai_revenue_usd))
    keep = 1.0 - inputs.end_user_gross_margin
    cohort_cost = base.data_centre_cost_usd / life
    frac = float(writeoff_fraction(life, g))
    steady = base.revenue_needed_usd * frac
    return DepreciatedNeed(life, g, cohort_cost / keep, cohort_cost, steady, frac,
                           cohort_cost / keep - base.ai_revenue_usd, steady - base.ai_revenue_usd)


# --- The cost of a whole cluster -------------------------------------------------------------------


@dataclass(frozen=True)
class ClusterCost:
    """Purchase cost of the cluster a model was trained on (2023 USD), built up in named steps.

    Attributes
    ----------
    model : str
    chips : float
        ``Hardware quantity`` from the Epoch snapshot.
    chip_price_usd : float
        Median purchase price per chip (Epoch's prices mix per-GPU shares of 8-GPU servers and chip-only
        list prices, see :func:`analysis.economics.datasets.hardware_prices`).
    chips_usd : float
        chips x price: the lower bound used before.
    hardware_usd : float
        ``chips_usd / (1 - interconnect_fraction)``: servers' network added (Cottier et al. 2024).
    facility_usd : float
        ``hardware_usd / gpu_share``: the rest of the data centre (buildings, power, cooling), taking the
        computing hardware as ``gpu_share`` of the total as Cahn (2024) does.
    interconnect_fraction, gpu_share : float
    """

    model: str
    chips: float
    chip_price_usd: float
    chips_usd: float
    hardware_usd: float
    facility_usd: float
    interconnect_fraction: float
    gpu_share: float


def cluster_cost(model: str, *, interconnect_fraction: float = CLUSTER_INTERCONNECT_FRACTION,
                 gpu_share: float = CAHN.gpu_share_of_cost) -> ClusterCost:
    """The cluster of ``model`` priced in three steps: chips, hardware with network, whole data centre."""
    frac = float(require_in_range("interconnect_fraction", interconnect_fraction, 0.0, 0.9))
    share = float(require_in_range("gpu_share", gpu_share, 0.05, 1.0))
    chips = hardware_acquisition_usd(model)
    row = load_models().set_index("Model").loc[model]
    n = float(np.atleast_1d(row["Hardware quantity"])[0])
    hardware = chips / (1.0 - frac)
    return ClusterCost(model, n, chips / n, chips, hardware, hardware / share, frac, share)


# --- Servers: the cluster as Cottier et al. price it ---------------------------------------------------

#: Server price over chip price (CPUs, memory, boards, intra-server network), applied by Cottier et al. to
#: single-unit chip prices (``get_server_cost_overhead`` in epoch-research/training-cost-trends,
#: ``training_cost_trends/hardware.py`` @176b66a; stored copy read): A100 1.66, V100 1.69, P100 1.54, 1.64
#: for every other chip. Per-GPU shares of 8-GPU servers (DGX/HGX) already hold the server.
SERVER_COST_OVERHEAD = {"A100": 1.66, "V100": 1.69, "P100": 1.54}
SERVER_COST_OVERHEAD_DEFAULT = 1.64


def server_overhead(chip: str) -> float:
    """Cottier et al.'s server-to-chip price multiplier for ``chip``."""
    if not isinstance(chip, str) or not chip:
        raise ValueError(f"chip must be a non-empty hardware name; got {chip!r}")
    return next((v for k, v in SERVER_COST_OVERHEAD.items() if k in chip), SERVER_COST_OVERHEAD_DEFAULT)


def server_price_usd(chip: str) -> float:
    """Median per-chip price of ``chip`` *with its server* (2023 USD): Epoch's single-unit list prices
    multiplied by :func:`server_overhead`, its per-GPU server shares kept, as Cottier et al.'s code does."""
    hw = _hardware_table()
    rows = hw[hw["Hardware model"] == chip]
    if rows.empty:
        raise ValueError(f"chip must be a hardware model with a purchase price; got {chip!r}")
    single = rows["Notes"].fillna("").str.lower().str.contains("single-unit").to_numpy()
    prices = rows["price_usd_2023"].to_numpy(dtype=float) * np.where(single, server_overhead(chip), 1.0)
    return float(np.median(prices))


def server_cluster_usd(model: str, *, interconnect_fraction: float = CLUSTER_INTERCONNECT_FRACTION) -> float:
    """Purchase cost of ``model``'s cluster with servers and network (2023 USD): ``Hardware quantity`` x
    :func:`server_price_usd` / (1 - ``interconnect_fraction``), Cottier et al.'s hardware-acquisition method."""
    frac = float(require_in_range("interconnect_fraction", interconnect_fraction, 0.0, 0.9))
    rows = load_models()
    rows = rows[rows["Model"] == model]
    if rows.empty:
        raise ValueError(f"model must be a model of the snapshot; got {model!r}")
    row = rows.iloc[0]
    n = float(row["Hardware quantity"])
    if not np.isfinite(n) or not isinstance(row["Training hardware"], str):
        raise ValueError(f"model {model!r} lacks hardware quantity or a chip")
    return n * server_price_usd(row["Training hardware"]) / (1.0 - frac)
