"""Chapter: Economics. What frontier training and inference cost, how fast that grows, and where the
curves go if the trends hold.

Data: the Epoch AI snapshots of June 2025 kept by Cottier et al. (2024) (models, chips, hardware prices)
and the US producer price index for data processing and hosting (FRED), all in ``analysis/data/``.

The *frontier* used throughout is defined once, in :data:`FRONTIER_MAX_RANK` and :data:`FRONTIER_START`:
a model is a frontier model if Epoch's ``Compute rank when published`` is at most 10 (it was among the
ten largest training runs known on its publication date) and it was published on or after 2016-01-01.
This follows the "top 10 by compute at release" selection of Cottier et al. (2024).

Every assumption that is not read from data (utilisation, power usage effectiveness, electricity price,
hardware lifetime, tokens per query...) is a named parameter with a default stated here, and every
projection returns those assumptions next to its result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd
from scipy import stats

from .claims.legacy import Assessment, Claim, judge
from .data import DatasetSpec, decimal_years, load_csv
from .validation import (
    require_finite,
    require_in_range,
    require_int,
    require_min_length,
    require_positive,
    require_same_shape,
)

# --- Data declarations ------------------------------------------------------------------------------

EPOCH_MODELS = DatasetSpec(
    filename="epoch_ai_models_snapshot_2025-06.csv",
    sha256="89e98ef2c51837d251e262ba2bba74b15d216d615f25429aab00fadcfce6ccd6",
    columns={
        "Model": "str",
        "Publication date": "date",
        "Parameters": "float",
        "Training compute (FLOP)": "float",
        "Training dataset size (datapoints)": "float",
        "Training hardware": "str",
        "Hardware quantity": "float",
        "Training time (hours)": "float",
        "Hardware utilization (MFU)": "float",
        "Training chip-hours": "float",
        "Training power draw (W)": "float",
        "Training compute cost (2023 USD)": "str",
        "Compute rank when published": "float",
    },
    description="Epoch AI 'All ML Systems' snapshot of 2025-06 (epoch-research/training-cost-trends)",
    n_rows=1892,
    nullable=frozenset({
        "Parameters", "Training compute (FLOP)", "Training dataset size (datapoints)", "Training hardware",
        "Hardware quantity", "Training time (hours)", "Hardware utilization (MFU)", "Training chip-hours",
        "Training power draw (W)", "Training compute cost (2023 USD)", "Compute rank when published",
    }),
)

EPOCH_CHIPS = DatasetSpec(
    filename="epoch_chip_dataset_snapshot_2025-06.csv",
    sha256="b2af635edd87eb38c16467160f5e5a4e9a3b09a9bafb3ed7db6b6b2406598723",
    columns={
        "Hardware name": "str",
        "Release date": "date",
        "FP32 (single precision) performance (FLOP/s)": "float",
        "FP16 (half precision) performance (FLOP/s)": "float",
        "Tensor-FP16/BF16 performance (FLOP/s)": "float",
        "TDP (W)": "float",
        "ML hardware": "str",
    },
    description="Epoch AI chip dataset snapshot of 2025-06 (epoch-research/training-cost-trends)",
    n_rows=5775,
    nullable=frozenset({
        "Hardware name", "Release date", "FP32 (single precision) performance (FLOP/s)",
        "FP16 (half precision) performance (FLOP/s)", "Tensor-FP16/BF16 performance (FLOP/s)", "TDP (W)",
        "ML hardware",
    }),
)

EPOCH_HARDWARE_PRICES = DatasetSpec(
    filename="epoch_hardware_prices_snapshot_2025-06.csv",
    sha256="e397345924db0a6bf83bd39d27c1fc7e9ec298339261c6e5d35f535abc898d2f",
    columns={
        "Price date": "date",
        "Hardware model": "str",
        "Price per chip-hour (on-demand)": "float",
        "Price (hardware purchase)": "float",
    },
    description="Epoch AI hardware price snapshot of 2025-06, nominal USD (epoch-research/training-cost-trends)",
    n_rows=591,
    nullable=frozenset({"Price date", "Price per chip-hour (on-demand)", "Price (hardware purchase)"}),
)

FRED_PPI = DatasetSpec(
    filename="fred_PCU518210518210_ppi_data_processing_hosting.csv",
    sha256="57821a85090252fea0d2bc65645bb90021a18e7bd2b0ecff477f02ba7e2b039a",
    columns={"observation_date": "date", "PCU518210518210": "float"},
    description="US PPI, data processing and hosting (FRED PCU518210518210), Dec 2000 = 100",
    n_rows=295,
)

COST_COLUMN = "Training compute cost (2023 USD)"

# --- Published figures and the seeds' figures (defined once) -----------------------------------------


@dataclass(frozen=True)
class PublishedTrends:
    """Growth rates published by Epoch AI researchers, to compare with our fits.

    ``compute_low``/``compute_high``: training compute of frontier models grows 4-5x per year
    (Sevilla and Roldán 2024, bibtex ``sevilla2024compute``). ``cost_factor`` with its 95 % interval:
    amortised hardware and energy cost of frontier training runs grows 2.4x per year, 95 % CI 2.0-3.1
    (Cottier et al. 2024, ``cottier2024costs``, arXiv v1 abstract and Epoch's summary of the paper; the
    revised v2 states the same rate with a 90 % CI of 2.0-2.9), fitted over 2016-2023.
    """

    compute_low: float = 4.0
    compute_high: float = 5.0
    cost_factor: float = 2.4
    cost_ci_low: float = 2.0
    cost_ci_high: float = 3.1


PUBLISHED = PublishedTrends()


@dataclass(frozen=True)
class SeedFigures:
    """The money figures asserted by seed 004 (and seed 000's query arithmetic), as numbers."""

    compute_growth_low: float = 4.0
    compute_growth_high: float = 5.0
    hardware_cost_decline: float = 0.35   # fraction per year
    cost_growth: float = 3.0              # "roughly triple every year"
    gpt4_class_cost_usd: float = 500e6
    current_model_cost_usd: float = 10e9
    next_model_cost_usd: float = 100e9
    world_aum_usd: float = 100e12         # "global assets under management"
    noticeable_share: float = 0.01        # our reading of "a noticeable percentage"
    few_years: float = 5.0                # our reading of "a few years"
    queries_per_day: float = 1e9
    millions_per_week_usd: float = 1e6


SEED = SeedFigures()


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

#: The frontier: at most this compute rank at publication (Cottier et al. 2024's "top 10" selection)...
FRONTIER_MAX_RANK = 10
#: ...and published on or after this date (Epoch's rank column starts in Dec 2015).
FRONTIER_START = "2016-01-01"
#: Last publication date that Cottier et al. (2024) fitted (their cost data run to the end of 2023).
COTTIER_END = "2023-12-31"

HOURS_PER_YEAR = 8766.0  # 365.25 days

#: A dollar figure asserted by a seed counts as right if it is within this factor of ours (either way):
#: our estimates themselves scatter by about that much around Epoch's (see :func:`cost_model_check`).
CLAIM_FACTOR = 2.0

# --- Dates and the log-linear growth fit -----------------------------------------------------------


@dataclass(frozen=True)
class GrowthFit:
    """A log-linear trend ``log10(value) = intercept + slope * (year - t0)``.

    Attributes
    ----------
    factor : float
        Yearly multiplier ``10**slope`` (e.g. 2.4 means x2.4 per year).
    factor_low, factor_high : float
        Analytic confidence interval of ``factor`` at ``level`` (t distribution on the OLS slope).
    level : float
        Confidence level.
    doubling_time_years : float
        ``log(2) / log(factor)``; negative for a shrinking quantity.
    slope, intercept : float
        OLS coefficients in log10 units per year and at ``t0``.
    t0 : float
        Reference year (mean of the fitted dates).
    cov : ndarray
        2x2 covariance of (intercept, slope).
    resid_sd : float
        Residual standard deviation of log10(value) (scatter around the trend, in decades).
    n : int
        Number of points.
    """

    factor: float
    factor_low: float
    factor_high: float
    level: float
    doubling_time_years: float
    slope: float
    intercept: float
    t0: float
    cov: np.ndarray = field(repr=False)
    resid_sd: float
    n: int

    def predict(self, years) -> np.ndarray:
        """Trend value at decimal ``years``."""
        years = require_finite("years", years)
        return 10.0 ** (self.intercept + self.slope * (years - self.t0))


def annual_growth_factor(dates, values, *, level: float = 0.95) -> GrowthFit:
    """Fit ``log10(values)`` linearly on calendar time and return the yearly growth factor.

    Parameters
    ----------
    dates : array_like
        Decimal years or parseable dates (see :func:`decimal_years`).
    values : array_like
        Positive quantity (FLOP, USD, FLOP/s per USD...), same length as ``dates``, at least 3 points.
    level : float
        Confidence level of the interval on the factor, in (0, 1).

    Returns
    -------
    GrowthFit
    """
    years = decimal_years(dates)
    y = require_positive("values", values)
    require_same_shape(dates=years, values=y)
    require_min_length("values", np.ravel(y), 3)
    require_in_range("level", level, 0.0, 1.0, inclusive=False)
    if np.ptp(years) == 0:
        raise ValueError("dates must span more than one instant to fit a trend")
    t0 = float(years.mean())
    x = years - t0
    logy = np.log10(y)
    design = np.column_stack([np.ones_like(x), x])
    coef, *_ = np.linalg.lstsq(design, logy, rcond=None)
    resid = logy - design @ coef
    dof = len(x) - 2
    s2 = float(resid @ resid / dof) if dof > 0 else 0.0
    cov = s2 * np.linalg.inv(design.T @ design)
    se = float(np.sqrt(cov[1, 1]))
    tq = float(stats.t.ppf(0.5 + level / 2, dof))
    slope = float(coef[1])
    factor = 10.0**slope
    doubling = float(np.log10(2) / slope) if slope != 0 else float("inf")
    return GrowthFit(factor, 10 ** (slope - tq * se), 10 ** (slope + tq * se), level, doubling, slope,
                     float(coef[0]), t0, cov, float(np.sqrt(s2)), len(x))


# --- Loading the data -------------------------------------------------------------------------------


def parse_usd(text) -> np.ndarray:
    """Dollar strings such as ``"$40586592.58"`` (or numbers) as floats; missing values stay NaN."""
    series = pd.Series(text, dtype="object")
    cleaned = series.astype("string").str.replace(r"[$,\s]", "", regex=True)
    values = pd.to_numeric(cleaned, errors="coerce")
    bad = values.isna() & series.notna()
    if bad.any():
        raise ValueError(f"text must hold dollar amounts; got {series[bad].iloc[0]!r}")
    return values.to_numpy(dtype=float)


@lru_cache(maxsize=1)
def _models() -> pd.DataFrame:
    frame = load_csv(EPOCH_MODELS)
    frame["cost_usd_2023"] = parse_usd(frame[COST_COLUMN])
    frame["year"] = decimal_years(frame["Publication date"])
    return frame


def load_models() -> pd.DataFrame:
    """Every model of the Epoch snapshot, with ``cost_usd_2023`` (float) and ``year`` (decimal) added."""
    return _models().copy()


def frontier_models(*, max_rank: int = FRONTIER_MAX_RANK, start: str = FRONTIER_START,
                    end: str | None = None) -> pd.DataFrame:
    """The frontier: models whose compute rank at publication is at most ``max_rank``, published between
    ``start`` and ``end`` (inclusive; None = the end of the snapshot)."""
    max_rank = require_int("max_rank", max_rank, minimum=1)
    frame = load_models()
    keep = (frame["Compute rank when published"] <= max_rank) & (frame["Publication date"] >= pd.Timestamp(start))
    if end is not None:
        keep &= frame["Publication date"] <= pd.Timestamp(end)
    return frame[keep].sort_values("Publication date").reset_index(drop=True)


@lru_cache(maxsize=1)
def _ppi() -> pd.DataFrame:
    return load_csv(FRED_PPI)


def to_2023_usd(nominal_usd, dates) -> np.ndarray:
    """Convert nominal USD paid at ``dates`` into 2023 USD with the data-processing PPI (FRED
    PCU518210518210), the index Cottier et al. (2024) deflate with: value * mean(PPI over 2023) / PPI(month
    of ``dates``). Their code divides by the index of one target month instead of the 2023 average; over
    2023 the index moved by under 2 %, so the two bases agree to that precision."""
    usd = require_finite("nominal_usd", nominal_usd)
    when = pd.to_datetime(pd.Series(np.ravel(dates)), errors="coerce")
    if when.isna().any():
        raise ValueError("dates must be parseable dates")
    ppi = _ppi()
    base = ppi.loc[ppi["observation_date"].dt.year == 2023, "PCU518210518210"].mean()
    months = when.dt.to_period("M").dt.to_timestamp()
    months = months.clip(ppi["observation_date"].min(), ppi["observation_date"].max())
    index = ppi.set_index("observation_date")["PCU518210518210"].reindex(months).to_numpy()
    return usd * base / index.reshape(np.shape(usd))


def _training_flops_per_second(chips: pd.DataFrame) -> pd.Series:
    """Peak dense 16-bit FLOP/s: tensor FP16/BF16 if listed, else FP16 if faster than FP32, else FP32."""
    fp16 = chips["FP16 (half precision) performance (FLOP/s)"]
    fp32 = chips["FP32 (single precision) performance (FLOP/s)"]
    return chips["Tensor-FP16/BF16 performance (FLOP/s)"].fillna(fp16.where(fp16 > fp32)).fillna(fp32)


@lru_cache(maxsize=1)
def _hardware_table() -> pd.DataFrame:
    chips = load_csv(EPOCH_CHIPS).dropna(subset=["Hardware name"])
    chips = chips.assign(peak_flops=_training_flops_per_second(chips)).drop_duplicates("Hardware name")
    prices = load_csv(EPOCH_HARDWARE_PRICES).dropna(subset=["Price date", "Price (hardware purchase)"])
    prices = prices.assign(price_usd_2023=to_2023_usd(prices["Price (hardware purchase)"].to_numpy(), prices["Price date"]))
    merged = prices.merge(chips[["Hardware name", "peak_flops", "TDP (W)", "ML hardware"]],
                          left_on="Hardware model", right_on="Hardware name", how="left")
    return merged


def hardware_prices() -> pd.DataFrame:
    """Purchase prices per chip (nominal ``Price (hardware purchase)`` and ``price_usd_2023``), joined to each
    chip's peak 16-bit FLOP/s and TDP from the chip dataset. Epoch's rows mix two kinds of price: per-GPU
    shares of 8-GPU servers (DGX/HGX, server included) and single-unit list prices (chip only)."""
    return _hardware_table().copy()


def price_performance() -> pd.DataFrame:
    """First recorded purchase price of each ML chip (new hardware, not later second-hand prices), with
    ``flops_per_usd`` = peak 16-bit FLOP/s per 2023 USD and ``year`` of that price."""
    table = _hardware_table()
    table = table[(table["ML hardware"] == "checked") & table["peak_flops"].notna()]
    first = table.sort_values("Price date").groupby("Hardware model", as_index=False).first()
    first = first.assign(flops_per_usd=first["peak_flops"] / first["price_usd_2023"],
                         year=decimal_years(first["Price date"]))
    return first.sort_values("year").reset_index(drop=True)


# --- Trends ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trends:
    """The fitted trends of the chapter (all on the frontier selection unless said otherwise).

    Attributes
    ----------
    compute : GrowthFit
        Training compute (FLOP) of frontier models, 2016 to the snapshot.
    cost : GrowthFit
        Training cost (2023 USD, Epoch's amortised hardware + energy estimate) of frontier models.
    cost_per_flop : GrowthFit
        Cost per FLOP of the same runs (USD/FLOP); its factor below 1 is the yearly price decline.
    price_performance : GrowthFit
        Peak 16-bit FLOP/s per 2023 USD of new ML chips.
    n_frontier : int
        Frontier models in the snapshot.
    cost_end : float
        Decimal year of the latest frontier model with a cost estimate.
    """

    compute: GrowthFit
    cost: GrowthFit
    cost_per_flop: GrowthFit
    price_performance: GrowthFit
    n_frontier: int
    cost_end: float


@lru_cache(maxsize=4)
def fit_trends(level: float = 0.95) -> Trends:
    """Fit the four trends of the chapter at confidence ``level``."""
    front = frontier_models()
    with_compute = front.dropna(subset=["Training compute (FLOP)"])
    compute = annual_growth_factor(with_compute["year"], with_compute["Training compute (FLOP)"], level=level)
    with_cost = front.dropna(subset=["cost_usd_2023", "Training compute (FLOP)"])
    cost = annual_growth_factor(with_cost["year"], with_cost["cost_usd_2023"], level=level)
    per_flop = annual_growth_factor(with_cost["year"], with_cost["cost_usd_2023"] / with_cost["Training compute (FLOP)"], level=level)
    pp = price_performance()
    pp_fit = annual_growth_factor(pp["year"], pp["flops_per_usd"], level=level)
    return Trends(compute, cost, per_flop, pp_fit, len(front), float(with_cost["year"].max()))


def seed_cost_arithmetic(compute_growth, hardware_cost_decline) -> np.ndarray:
    """Yearly cost multiplier when compute grows ``compute_growth``-fold a year and the cost of a unit of
    compute falls by the fraction ``hardware_cost_decline`` a year: ``compute_growth * (1 - decline)``."""
    g = require_positive("compute_growth", compute_growth)
    d = require_in_range("hardware_cost_decline", hardware_cost_decline, 0.0, 1.0, inclusive=False)
    return g * (1.0 - d)


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
    a = assumptions
    hardware = h * price * a.cluster_overhead / (a.lifetime_years * HOURS_PER_YEAR)
    kwh = h * tdp * a.pue / 1000.0
    energy = kwh * a.usd_per_kwh
    return RunCost(h, hardware, kwh, energy, hardware + energy)


def training_cost(flop, peak_flops_per_s, chip_price_usd, tdp_w,
                  assumptions: CostAssumptions = DEFAULT_COSTS) -> RunCost:
    """First-principles cost of a training run of ``flop`` FLOP: chip-hours at the assumed utilisation,
    then :func:`cost_from_chip_hours`."""
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
    return _cost_check(assumptions).copy()


# --- Training energy ---------------------------------------------------------------------------------


def training_energy_gwh(power_draw_w, hours, *, pue: float = DEFAULT_COSTS.pue) -> np.ndarray:
    """Electricity (GWh) of a run drawing ``power_draw_w`` watts of IT power for ``hours`` hours at ``pue``."""
    p = require_positive("power_draw_w", power_draw_w)
    h = require_positive("hours", hours)
    require_in_range("pue", pue, 1.0, 3.0)
    return p * h * pue / 1e9


def frontier_training_energy(*, pue: float = DEFAULT_COSTS.pue) -> pd.DataFrame:
    """Frontier models that record both ``Training power draw (W)`` and ``Training time (hours)``, with
    their electricity in GWh at ``pue``.

    Epoch's power draw is about twice the chips' TDP (servers are counted); whether it already includes the
    facility's overhead is not stated in the snapshot, so the default PUE may count that overhead twice.
    ``pue=1.0`` takes Epoch's figure as the whole draw: the lower reading.
    """
    front = frontier_models().dropna(subset=["Training power draw (W)", "Training time (hours)"])
    gwh = training_energy_gwh(front["Training power draw (W)"].to_numpy(), front["Training time (hours)"].to_numpy(),
                              pue=pue)
    return front[["Model", "Publication date", "year", "Training power draw (W)", "Training time (hours)"]].assign(energy_gwh=gwh)


# --- Projections --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Projection:
    """Monte Carlo projection of the cost of the largest training run.

    Attributes
    ----------
    thresholds_usd : tuple of float
    median_year, low_year, high_year : ndarray
        Year each threshold is reached: median and central ``level`` interval over the draws.
    anchor_model : str
        The most expensive run in the data, the starting point of the projection.
    anchor_usd : float
    anchor_year : float
    growth_median, growth_low, growth_high : float
        Yearly cost factor drawn (median and interval).
    n_draws, seed : int
    level : float
    """

    thresholds_usd: tuple[float, ...]
    median_year: np.ndarray
    low_year: np.ndarray
    high_year: np.ndarray
    anchor_model: str
    anchor_usd: float
    anchor_year: float
    growth_median: float
    growth_low: float
    growth_high: float
    n_draws: int
    seed: int
    level: float

    def assumptions(self) -> str:
        """One line stating everything the projection assumes."""
        return (f"start: {self.anchor_model} at ${self.anchor_usd / 1e6:.1f}M (2023 USD) in {self.anchor_year:.1f}; "
                f"cost of the largest run grows x{self.growth_median:.2f}/yr "
                f"({self.level:.0%} of draws in x{self.growth_low:.2f}-x{self.growth_high:.2f}); "
                f"{self.n_draws} draws, seed {self.seed}; no slowdown, no ceiling")

    def year_of(self, threshold_usd: float) -> float:
        """Median year of a threshold (which must be one of ``thresholds_usd``)."""
        return float(self.median_year[self.thresholds_usd.index(threshold_usd)])


#: Thresholds the chapter projects: $1B, $10B, $100B, and 1 % of world GDP.
#: ASSUMPTION, not a cited figure: world GDP of about $110 trillion (nominal USD, 2024). No primary source
#: for it is kept in this project; it only places the fourth projection threshold and drives no verdict
#: (the wealth claim EC-4 uses the seed's own $100T).
WORLD_GDP_USD = 110e12
THRESHOLDS_USD = (1e9, 10e9, 100e9, 0.01 * WORLD_GDP_USD)


def _anchor() -> tuple[str, float, float]:
    front = frontier_models().dropna(subset=["cost_usd_2023"])
    row = front.loc[front["cost_usd_2023"].idxmax()]
    return str(row["Model"]), float(row["cost_usd_2023"]), float(row["year"])


def years_to_reach(threshold_usd, start_usd, growth_factor) -> np.ndarray:
    """Years for a cost of ``start_usd`` growing ``growth_factor``-fold a year to reach ``threshold_usd``."""
    t = require_positive("threshold_usd", threshold_usd)
    s = require_positive("start_usd", start_usd)
    g = require_positive("growth_factor", growth_factor)
    if np.any(g <= 1):
        raise ValueError(f"growth_factor must exceed 1 for a cost to reach a higher threshold; got {g}")
    return np.log(t / s) / np.log(g)


@lru_cache(maxsize=16)
def project_costs(n_draws: int = 4000, seed: int = 0, level: float = 0.9,
                  growth_factor: float | None = None, thresholds_usd: tuple[float, ...] = THRESHOLDS_USD) -> Projection:
    """Year the largest training run reaches each threshold if the frontier cost trend continues.

    The start is the most expensive frontier run in the data. The yearly factor is drawn ``n_draws``
    times from the fitted cost trend's sampling distribution (normal on the log10 slope, seeded); pass
    ``growth_factor`` to use a fixed factor instead (e.g. the seed's x3).
    """
    n = require_int("n_draws", n_draws, minimum=10)
    require_in_range("level", level, 0.0, 1.0, inclusive=False)
    name, usd, year = _anchor()
    if growth_factor is None:
        fit = fit_trends().cost
        rng = np.random.default_rng(seed)
        slopes = rng.normal(fit.slope, np.sqrt(fit.cov[1, 1]), n)
        factors = 10.0 ** np.clip(slopes, 1e-3, None)
    else:
        factors = np.full(n, float(require_positive("growth_factor", growth_factor)))
    thr = np.asarray(thresholds_usd, dtype=float)
    years = year + years_to_reach(thr[:, None], usd, factors[None, :])
    tail = 100 * (1 - level) / 2
    lo, med, hi = np.percentile(years, [tail, 50, 100 - tail], axis=1)
    glo, gmed, ghi = np.percentile(factors, [tail, 50, 100 - tail])
    return Projection(tuple(float(t) for t in thr), med, lo, hi, name, usd, year, float(gmed), float(glo),
                      float(ghi), n, int(seed), float(level))


def projection_fan(projection: Projection, years) -> pd.DataFrame:
    """Cost of the largest run at ``years`` under the projection: median and interval (USD)."""
    yrs = require_finite("years", years)
    fit = fit_trends().cost
    dt = yrs - projection.anchor_year
    z = stats.norm.ppf(0.5 + projection.level / 2)
    se = np.sqrt(fit.cov[1, 1])
    return pd.DataFrame({
        "year": yrs,
        "median_usd": projection.anchor_usd * 10 ** (fit.slope * dt),
        "low_usd": projection.anchor_usd * 10 ** ((fit.slope - z * se) * dt),
        "high_usd": projection.anchor_usd * 10 ** ((fit.slope + z * se) * dt),
    })


def largest_2025_run_cost(assumptions: CostAssumptions = DEFAULT_COSTS, chip: str = "NVIDIA H100 SXM5 80GB") -> tuple[str, float, float]:
    """First-principles cost (2023 USD) of the largest-compute model in the snapshot, trained on ``chip``.
    Returns (model name, training FLOP, cost in USD)."""
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


# --- Inference ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InferenceScenario:
    """A serving workload. ``active_params``: parameters used per token (2 FLOP each per token);
    ``tokens_per_query``: tokens processed and generated per query; ``utilization``: FLOP utilisation
    while serving (memory-bound decoding keeps it low); chip defaults are an H100 SXM."""

    name: str
    active_params: float
    tokens_per_query: float
    utilization: float = 0.1

    def __post_init__(self) -> None:
        require_positive("active_params", self.active_params)
        require_positive("tokens_per_query", self.tokens_per_query)
        require_in_range("utilization", self.utilization, 0.0, 1.0, inclusive=False)


#: Median energy per query (Wh) of a frontier-scale model (>200B parameters) on H100 nodes at production
#: scale, for a typical query and for a test-time-scaling query with 15x the tokens: Oviedo et al. (2025),
#: arXiv:2509.20241v1, abstract (bibtex ``oviedo2025energy``). Used as an outside check of our FLOP-based estimate.
OVIEDO_WH_PER_QUERY = {"typical": 0.34, "test-time scaling": 4.32}

#: Two illustrative workloads (our assumptions): a chat answer and a reasoning/agent answer that
#: processes 15x as many tokens (the ratio Oviedo et al. 2025 use for test-time scaling).
CHAT = InferenceScenario("chat", active_params=2e11, tokens_per_query=1_000)
REASONING = InferenceScenario("reasoning", active_params=2e11, tokens_per_query=15_000)


@dataclass(frozen=True)
class InferenceCost:
    """Per-query and fleet figures of a serving scenario.

    Attributes
    ----------
    flop_per_query, chip_seconds_per_query, wh_per_query : float
    usd_per_million_tokens : float
        Amortised hardware plus electricity.
    fleet_power_mw : float
        Average electrical power at ``queries_per_day``.
    energy_usd_per_week, hardware_usd_per_week : float
    queries_per_day : float
    """

    scenario: InferenceScenario
    flop_per_query: float
    chip_seconds_per_query: float
    wh_per_query: float
    usd_per_million_tokens: float
    fleet_power_mw: float
    energy_usd_per_week: float
    hardware_usd_per_week: float
    queries_per_day: float

    @property
    def total_usd_per_week(self) -> float:
        return self.energy_usd_per_week + self.hardware_usd_per_week


def _h100() -> tuple[float, float, float]:
    hw = _hardware_table()
    sel = hw[hw["Hardware model"] == "NVIDIA H100 SXM5 80GB"]
    return float(sel["peak_flops"].iloc[0]), float(sel["price_usd_2023"].median()), float(sel["TDP (W)"].iloc[0])


def inference_cost(scenario: InferenceScenario, *, queries_per_day: float = 1e9,
                   assumptions: CostAssumptions = DEFAULT_COSTS, wh_per_query: float | None = None) -> InferenceCost:
    """Cost and energy of serving ``scenario`` on H100s at ``queries_per_day``.

    FLOP per query = 2 * active_params * tokens_per_query; chip time = FLOP / (peak * utilization);
    energy = chip time * TDP * PUE, unless ``wh_per_query`` (a measured per-query energy, Wh) is given,
    in which case it replaces the energy estimate (the hardware estimate stays FLOP-based).
    """
    q = float(require_positive("queries_per_day", queries_per_day))
    peak, price, tdp = _h100()
    flop = 2.0 * scenario.active_params * scenario.tokens_per_query
    seconds = flop / (peak * scenario.utilization)
    wh = seconds / 3600.0 * tdp * assumptions.pue if wh_per_query is None else float(require_positive("wh_per_query", wh_per_query))
    hourly_hw = price * assumptions.cluster_overhead / (assumptions.lifetime_years * HOURS_PER_YEAR)
    usd_per_query = seconds / 3600.0 * hourly_hw + wh / 1000.0 * assumptions.usd_per_kwh
    week = 7.0 * q
    return InferenceCost(
        scenario, flop, seconds, wh, usd_per_query / scenario.tokens_per_query * 1e6,
        fleet_power_mw=wh * q / 24.0 / 1e6,
        energy_usd_per_week=week * wh / 1000.0 * assumptions.usd_per_kwh,
        hardware_usd_per_week=week * seconds / 3600.0 * hourly_hw,
        queries_per_day=q,
    )


# --- Cahn's arithmetic --------------------------------------------------------------------------------


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


# --- Charts --------------------------------------------------------------------------------------------

_USD_AXIS = alt.Axis(format="$.2s", labelExpr="replace(datum.label, 'G', 'B')")  # SI "G" -> billions


def _trend_line(fit: GrowthFit, start: float, end: float, label: str) -> pd.DataFrame:
    yrs = np.linspace(start, end, 50)
    return pd.DataFrame({"year": yrs, "value": fit.predict(yrs), "series": label})


def compute_trend_chart(trends: Trends) -> alt.LayerChart:
    """Training compute of frontier models over time with the fitted trend and the published 4-5x band."""
    front = frontier_models().dropna(subset=["Training compute (FLOP)"])
    x = alt.X("year:Q", title="publication date (year)", scale=alt.Scale(zero=False), axis=alt.Axis(format="d"))
    y = alt.Y("value:Q", title="training compute (FLOP)", scale=alt.Scale(type="log"), axis=alt.Axis(format=".0e"))
    pts = alt.Chart(front.assign(value=front["Training compute (FLOP)"])).mark_point(filled=True, opacity=0.7).encode(
        x=x, y=y, tooltip=["Model:N", alt.Tooltip("Publication date:T", format="%Y-%m-%d"),
                           alt.Tooltip("value:Q", format=".2e", title="FLOP"), alt.Tooltip("Compute rank when published:Q", title="rank")])
    t0, t1 = float(front["year"].min()), float(front["year"].max())
    mid = trends.compute.predict(np.array([trends.compute.t0]))[0]
    band = pd.concat([
        pd.DataFrame({"year": np.linspace(t0, t1, 30), "value": mid * g ** (np.linspace(t0, t1, 30) - trends.compute.t0),
                      "series": f"published x{g:.0f}/yr"}) for g in (PUBLISHED.compute_low, PUBLISHED.compute_high)])
    fitted = _trend_line(trends.compute, t0, t1, f"fitted x{trends.compute.factor:.1f}/yr")
    lines = alt.Chart(pd.concat([fitted, band])).mark_line().encode(
        x=x, y=y, color=alt.Color("series:N", title="trend"), strokeDash="series:N")
    return (pts + lines).properties(title=alt.Title(
        "Training compute of frontier models",
        subtitle=f"top {FRONTIER_MAX_RANK} by compute when published, since {FRONTIER_START[:4]} (Epoch AI)"))


def cost_projection_chart(trends: Trends, projection: Projection, until: float = 2032.0) -> alt.LayerChart:
    """Frontier training costs with the fitted trend and the projection fan from the costliest run,
    against the $1B/$10B/$100B and 1 %-of-world-GDP lines."""
    front = frontier_models().dropna(subset=["cost_usd_2023"])
    x = alt.X("year:Q", title="publication date (year)", scale=alt.Scale(domain=[2016, until]), axis=alt.Axis(format="d"))
    y = alt.Y("usd:Q", title="training cost (2023 USD)", scale=alt.Scale(type="log"), axis=_USD_AXIS)
    pts = alt.Chart(front.assign(usd=front["cost_usd_2023"])).mark_point(filled=True).encode(
        x=x, y=y, tooltip=["Model:N", alt.Tooltip("Publication date:T", format="%Y-%m-%d"), alt.Tooltip("usd:Q", format="$.3s")])
    yrs = np.linspace(float(front["year"].min()), trends.cost_end, 40)
    fit = pd.DataFrame({"year": yrs, "usd": trends.cost.predict(yrs)})
    fit_line = alt.Chart(fit).mark_line(color="#555555").encode(x=x, y=y)
    fan = projection_fan(projection, np.linspace(projection.anchor_year, until, 60))
    area = alt.Chart(fan).mark_area(opacity=0.25, color="#D55E00").encode(
        x=x, y=alt.Y("low_usd:Q", scale=alt.Scale(type="log"), axis=_USD_AXIS, title="training cost (2023 USD)"), y2="high_usd:Q")
    mid = alt.Chart(fan).mark_line(color="#D55E00", strokeDash=[6, 3]).encode(
        x=x, y=alt.Y("median_usd:Q", scale=alt.Scale(type="log")),
        tooltip=[alt.Tooltip("year:Q", format=".1f"), alt.Tooltip("median_usd:Q", format="$.3s", title="median"),
                 alt.Tooltip("low_usd:Q", format="$.3s", title="low"), alt.Tooltip("high_usd:Q", format="$.3s", title="high")])
    labels = ["$1B", "$10B", "$100B", "1% of world GDP"]
    rules = alt.Chart(pd.DataFrame({"usd": projection.thresholds_usd, "label": labels})).mark_rule(
        color="#999999", strokeDash=[2, 2]).encode(y=alt.Y("usd:Q", scale=alt.Scale(type="log")), tooltip=["label:N"])
    return (area + pts + fit_line + mid + rules).properties(title=alt.Title(
        "Frontier training costs and where the trend leads",
        subtitle=f"grey: fitted x{trends.cost.factor:.2f}/yr; orange: {projection.level:.0%} projection fan from {projection.anchor_model}"))


def growth_explorer(anchor_usd: float, anchor_year: float, until: int = 2035,
                    measured_factor: float = PUBLISHED.cost_factor) -> alt.LayerChart:
    """Interactive: cost of the largest run if it grows by a slider-chosen factor per year from an anchor,
    with the thresholds $1B, $10B, $100B and $1T drawn. The slider starts at ``measured_factor``."""
    start = round(float(require_in_range("measured_factor", measured_factor, 1.2, 5.0)), 1)
    g = alt.param(name="growth", value=start, bind=alt.binding_range(min=1.2, max=5.0, step=0.1,
                                                                   name="yearly cost growth factor "))
    years = pd.DataFrame({"year": np.arange(int(np.floor(anchor_year)), until + 1)})
    line = alt.Chart(years).transform_calculate(
        usd=f"{anchor_usd} * pow(growth, datum.year - {anchor_year})").mark_line(point=True, color="#0072B2").encode(
        x=alt.X("year:Q", title="year", axis=alt.Axis(format="d", values=list(range(int(np.floor(anchor_year)), until + 1, 2)))),
        y=alt.Y("usd:Q", title="cost of the largest run (2023 USD)", scale=alt.Scale(type="log", domain=[1e7, 1e14]),
                axis=_USD_AXIS),
        tooltip=[alt.Tooltip("year:Q", format="d"), alt.Tooltip("usd:Q", format="$.3s", title="cost")],
    ).add_params(g)
    rules = alt.Chart(pd.DataFrame({"usd": [1e9, 1e10, 1e11, 1e12], "label": ["$1B", "$10B", "$100B", "$1T (1% of $100T)"]})
                      ).mark_rule(color="#999999", strokeDash=[2, 2]).encode(y="usd:Q", tooltip=["label:N"])
    return (line + rules).properties(title=alt.Title(
        "Turn the growth rate: when does the largest run cross each line?",
        subtitle=f"measured frontier trend x{measured_factor:.2f}/yr; the seed's arithmetic x{SEED.cost_growth:.0f}/yr"))


def price_performance_chart(trends: Trends) -> alt.LayerChart:
    """Peak 16-bit FLOP/s per 2023 dollar of new ML chips, with the fitted trend."""
    pp = price_performance()
    x = alt.X("year:Q", title="date of first recorded price (year)", scale=alt.Scale(zero=False), axis=alt.Axis(format="d"))
    y = alt.Y("flops_per_usd:Q", title="peak 16-bit FLOP/s per 2023 USD", scale=alt.Scale(type="log"), axis=alt.Axis(format=".0e"))
    pts = alt.Chart(pp).mark_point(filled=True).encode(
        x=x, y=y, tooltip=["Hardware model:N", alt.Tooltip("price_usd_2023:Q", format="$,.0f", title="price (2023 USD)"),
                           alt.Tooltip("peak_flops:Q", format=".2e", title="FLOP/s")])
    yrs = np.linspace(pp["year"].min(), pp["year"].max(), 40)
    line = alt.Chart(pd.DataFrame({"year": yrs, "flops_per_usd": trends.price_performance.predict(yrs)})).mark_line(
        color="#D55E00").encode(x=x, y=y)
    return (pts + line).properties(title=alt.Title(
        "Price-performance of ML chips", subtitle=f"fitted x{trends.price_performance.factor:.2f}/yr (Epoch AI hardware prices)"))


def cost_check_chart(check: pd.DataFrame) -> alt.LayerChart:
    """Our first-principles training cost against Epoch's estimate (log-log, with the y = x line)."""
    lo, hi = 1e3, 1e9
    axis = dict(scale=alt.Scale(type="log", domain=[lo, hi]), axis=_USD_AXIS)
    pts = alt.Chart(check).mark_point(filled=True).encode(
        x=alt.X("cost_usd_2023:Q", title="Epoch's estimate (2023 USD)", **axis),
        y=alt.Y("model_usd:Q", title="first-principles estimate (2023 USD)", **axis),
        tooltip=["Model:N", "Training hardware:N", alt.Tooltip("cost_usd_2023:Q", format="$.3s", title="Epoch"),
                 alt.Tooltip("model_usd:Q", format="$.3s", title="ours"), alt.Tooltip("ratio:Q", format=".2f")])
    diag = alt.Chart(pd.DataFrame({"a": [lo, hi]})).mark_line(color="#999999", strokeDash=[4, 4]).encode(x="a:Q", y="a:Q")
    return (diag + pts).properties(title=alt.Title("A cost model from first principles, checked",
                                                   subtitle="each point a model with an Epoch cost estimate; dashed: agreement"))


# --- Claims --------------------------------------------------------------------------------------------


def _contains(low: float, high: float, a: float, b: float) -> bool:
    """Whether the interval [low, high] overlaps [a, b]."""
    return bool(low <= b and a <= high)


def _within_factor(a: float, b: float, factor: float = CLAIM_FACTOR) -> bool:
    """Whether positive ``a`` and ``b`` agree within ``factor`` either way."""
    return bool(abs(np.log(a / b)) <= np.log(factor))


def _claim_triple() -> Assessment:
    t = fit_trends()
    narrow = fit_trends(level=0.9).cost
    chips = 1 - 1 / t.price_performance.factor
    seed_mult = float(seed_cost_arithmetic(np.mean([SEED.compute_growth_low, SEED.compute_growth_high]), SEED.hardware_cost_decline))
    decline = 1 - t.cost_per_flop.factor
    compute_ok = _contains(t.compute.factor_low, t.compute.factor_high, SEED.compute_growth_low, SEED.compute_growth_high)
    decline_ok = abs(decline - SEED.hardware_cost_decline) <= 0.10
    triple_ok = t.cost.factor_low <= SEED.cost_growth <= t.cost.factor_high
    ev = (f"Frontier compute grows x{t.compute.factor:.2f}/yr (95% CI {t.compute.factor_low:.2f}-{t.compute.factor_high:.2f}); "
          f"the cost per FLOP of those runs falls {decline:.0%}/yr (new chips' FLOP/s per dollar: {chips:.0%}/yr); "
          f"the seed's own arithmetic gives x{seed_mult:.2f}/yr. Measured frontier cost grows x{t.cost.factor:.2f}/yr "
          f"(95% CI {t.cost.factor_low:.2f}-{t.cost.factor_high:.2f}; Cottier et al.: {PUBLISHED.cost_factor}, "
          f"{PUBLISHED.cost_ci_low}-{PUBLISHED.cost_ci_high}): x3 sits at the very top of that interval and outside "
          f"the 90% one ({narrow.factor_low:.2f}-{narrow.factor_high:.2f}), so this verdict is fragile.")
    return Assessment(judge([compute_ok, decline_ok, triple_ok]), ev)


def _claim_gpt4() -> Assessment:
    gpt4 = load_models().set_index("Model").loc["GPT-4"]
    amortised = float(gpt4["cost_usd_2023"])
    capex = hardware_acquisition_usd("GPT-4")
    run_ok = _within_factor(SEED.gpt4_class_cost_usd, amortised)
    capex_ok = _within_factor(SEED.gpt4_class_cost_usd, capex)
    ev = (f"Epoch's amortised hardware-and-energy cost of GPT-4's training run is ${amortised / 1e6:.0f}M "
          f"({SEED.gpt4_class_cost_usd / amortised:.0f}x below $500M), but buying its {gpt4['Hardware quantity']:.0f} "
          f"A100s would cost about ${capex / 1e6:.0f}M (chips only, a lower bound): $500M describes the cluster, not the run.")
    return Assessment(judge([run_ok, capex_ok]), ev)


def _claim_10b() -> Assessment:
    proj = project_costs()
    model, flop, fp_cost = largest_2025_run_cost()
    fan = projection_fan(proj, np.array([2025.5]))
    trend_2025 = float(fan["median_usd"].iloc[0])
    capex = hardware_acquisition_usd(model)
    # Two readings, as for GPT-4's $500M (EC-2): the cost of the run, or the price of the cluster.
    run_ok = _within_factor(SEED.current_model_cost_usd, max(trend_2025, fp_cost))
    cluster_ok = _within_factor(SEED.current_model_cost_usd, capex)
    next_year = proj.year_of(100e9)
    next_ok = next_year - 2025.5 <= 2.0
    ev = (f"The largest run on record, {model} ({flop:.1e} FLOP), costs about ${fp_cost / 1e6:.0f}M from first principles "
          f"and the trend puts the costliest mid-2025 run at ${trend_2025 / 1e6:.0f}M; even its cluster's chips cost about "
          f"${capex / 1e9:.1f}B, not $10B. At the measured rate a $100B run arrives around {next_year:.0f} "
          f"(90% {proj.low_year[2]:.0f}-{proj.high_year[2]:.0f}), not next.")
    return Assessment(judge([run_ok or cluster_ok, next_ok]), ev)


def _claim_wealth() -> Assessment:
    target = SEED.noticeable_share * SEED.world_aum_usd
    proj = project_costs(thresholds_usd=(target,))
    years_needed = float(proj.median_year[0]) - 2025.5
    few_ok = years_needed <= SEED.few_years
    # The seed's own premise: $10B now, x3 per year.
    own = float(years_to_reach(target, SEED.current_model_cost_usd, SEED.cost_growth))
    own_ok = own <= SEED.few_years
    ev = (f"From its own premise ($10B now, x3/yr) a ${target / 1e12:.0f}T run (1% of $100T) is {own:.1f} years away; "
          f"from the measured start ({proj.anchor_model}, ${proj.anchor_usd / 1e6:.0f}M) at x{proj.growth_median:.2f}/yr it "
          f"arrives around {proj.median_year[0]:.0f} (90% {proj.low_year[0]:.0f}-{proj.high_year[0]:.0f}), "
          f"{years_needed:.0f} years after mid-2025.")
    return Assessment(judge([own_ok, few_ok]), ev)


def _claim_cahn() -> Assessment:
    base = cahn_revenue_need(CAHN.nvidia_dc_run_rate_usd)
    breakeven = cahn_revenue_need(CAHN.nvidia_dc_run_rate_usd, end_user_gross_margin=0.0)
    need_ok = abs(base.revenue_needed_usd / CAHN.asserted_need_usd - 1) <= 0.1
    gap_ok = abs(base.gap_usd / CAHN.asserted_gap_usd - 1) <= 0.1
    breakeven_ok = abs(breakeven.revenue_needed_usd / CAHN.asserted_need_usd - 1) <= 0.1
    ev = (f"Cahn's chain reproduces: ${CAHN.nvidia_dc_run_rate_usd / 1e9:.0f}B of GPUs -> ${base.data_centre_cost_usd / 1e9:.0f}B "
          f"of data centres -> ${base.revenue_needed_usd / 1e9:.0f}B of revenue, a ${base.gap_usd / 1e9:.0f}B gap. But the last x2 "
          f"is a 50% margin for the buyer of compute: the data-centre owners' break-even is ${breakeven.revenue_needed_usd / 1e9:.0f}B.")
    return Assessment(judge([need_ok, gap_ok, breakeven_ok]), ev)


def _query_evidence(per_query_wh: float | None = None):
    return inference_cost(CHAT, wh_per_query=per_query_wh), inference_cost(REASONING, wh_per_query=per_query_wh)


def _claim_queries_total() -> Assessment:
    chat, reasoning = _query_evidence()
    ok_chat = chat.total_usd_per_week >= SEED.millions_per_week_usd
    ok_reason = reasoning.total_usd_per_week >= SEED.millions_per_week_usd
    ev = (f"At 1e9 queries/day on H100s, a chat answer ({CHAT.tokens_per_query:.0f} tokens, {chat.wh_per_query:.2f} Wh) costs "
          f"${chat.total_usd_per_week / 1e6:.1f}M/week in hardware and energy; a reasoning answer ({REASONING.tokens_per_query:.0f} tokens) "
          f"${reasoning.total_usd_per_week / 1e6:.1f}M/week, of which hardware is {reasoning.hardware_usd_per_week / reasoning.total_usd_per_week:.0%}.")
    return Assessment(judge([ok_chat, ok_reason]), ev)


def kim_weekly_energy_usd(design: str, *, model: str = "70B", queries_per_day: float = 1e9,
                          assumptions: CostAssumptions = DEFAULT_COSTS) -> tuple[float, float]:
    """Weekly electricity bill (USD) at ``queries_per_day`` with Kim et al. (2025)'s measured GPU energy per
    query (imported from :mod:`analysis.testtime`), times the PUE for the rest of the data centre.
    Returns (Wh per query including PUE, USD per week)."""
    from .testtime import energy_wh_per_query  # Kim et al. (2025) Table III, kept in the test-time chapter

    q = float(require_positive("queries_per_day", queries_per_day))
    wh = float(energy_wh_per_query(model, design)) * assumptions.pue
    return wh, 7.0 * q * wh / 1000.0 * assumptions.usd_per_kwh


def _claim_queries_energy() -> Assessment:
    chat, _ = _query_evidence()
    kim_chat_wh, kim_chat = kim_weekly_energy_usd("ShareGPT")
    kim_agent_wh, kim_agent = kim_weekly_energy_usd("Reflexion")
    million = SEED.millions_per_week_usd
    tests = [chat.energy_usd_per_week >= million, kim_chat >= million, kim_agent >= million]
    ev = (f"Electricity alone at 1e9 queries/day and ${DEFAULT_COSTS.usd_per_kwh}/kWh: ${chat.energy_usd_per_week / 1e6:.2f}M/week "
          f"for chat answers by our FLOP estimate ({chat.wh_per_query:.2f} Wh), ${kim_chat / 1e6:.2f}M with Kim et al.'s measured "
          f"single-request chat ({kim_chat_wh:.1f} Wh) and ${kim_agent / 1e6:.0f}M with their Reflexion agent ({kim_agent_wh:.0f} Wh): "
          f"millions a week for agents, borderline for chat.")
    return Assessment(judge(tests), ev)


def _claim_gwh() -> Assessment:
    energy = frontier_training_energy()
    recent = energy[energy["year"] >= 2020]
    share = float((recent["energy_gwh"] >= 1.0).mean())
    low = frontier_training_energy(pue=1.0)
    share_low = float((low.loc[low["year"] >= 2020, "energy_gwh"] >= 1.0).mean())
    largest = recent.loc[recent["energy_gwh"].idxmax()]
    ok = share >= 0.5 and share_low >= 0.5
    ev = (f"{share:.0%} of the {len(recent)} frontier runs since 2020 that record power and duration used at least 1 GWh "
          f"(Epoch's power x time x PUE {DEFAULT_COSTS.pue}; {share_low:.0%} without the PUE); the largest, "
          f"{largest['Model']}, about {largest['energy_gwh']:.0f} GWh.")
    return Assessment(judge([ok]), ev)


def _claim_tens_of_millions() -> Assessment:
    front = frontier_models().dropna(subset=["cost_usd_2023"])
    latest = front[front["year"] >= 2023]
    top = float(latest["cost_usd_2023"].max())
    ok = 1e7 <= top < 1e9
    ev = (f"The costliest frontier run of 2023 cost ${top / 1e6:.0f}M (Epoch, 2023 USD), and {int((latest['cost_usd_2023'] >= 1e7).sum())} "
          f"of {len(latest)} costed 2023 frontier runs passed $10M: a failed run of that size wastes tens of millions.")
    return Assessment(judge([ok]), ev)


CLAIMS = (
    Claim("EC-1", "004_2bd2b9b8142f26cf.txt", "economics", "ec-claim-triple",
          "Frontier training compute grows four to five times a year while hardware gets about 35 % cheaper a year, "
          "so training costs roughly triple every year.",
          "compute x4-5/yr, hardware -35 %/yr, cost x3/yr", _claim_triple),
    Claim("EC-2", "004_2bd2b9b8142f26cf.txt", "economics", "ec-claim-gpt4",
          "Training a GPT-4-class model costs about half a billion dollars once hardware, power and infrastructure are counted.",
          "about $500M", _claim_gpt4),
    Claim("EC-3", "004_2bd2b9b8142f26cf.txt", "economics", "ec-claim-10b",
          "Today's models cost ten billion dollars to train and the next generation will cost a hundred billion.",
          "$10B now, $100B next", _claim_10b),
    Claim("EC-4", "004_2bd2b9b8142f26cf.txt", "economics", "ec-claim-wealth",
          "At current growth a single training run would, within a few years, consume a noticeable share of the world's "
          "wealth (about $100T of assets under management).",
          "a noticeable % of $100T within a few years", _claim_wealth),
    Claim("EC-5", "004_2bd2b9b8142f26cf.txt", "economics", "ec-claim-cahn",
          "AI data-centre spending needs about $600B of yearly revenue to break even, and revenue falls about $500B short.",
          "$600B needed, $500B gap", _claim_cahn),
    Claim("EC-6", "000_a9286e32d3d2b3a3.txt", "economics", "ec-claim-queries",
          "Serving a billion queries a day would cost millions of dollars a week in energy and hardware upkeep.",
          "millions per week (energy + hardware)", _claim_queries_total),
    Claim("EC-7", "004_2bd2b9b8142f26cf.txt", "economics", "ec-claim-queries",
          "At a billion queries a day, the electricity bill alone would reach millions of dollars a week.",
          "millions per week (energy alone)", _claim_queries_energy),
    Claim("EC-8", "003_b3665fb875f80b73.txt", "economics", "ec-claim-energy",
          "Training a frontier model consumes gigawatt-hours of electricity.",
          "GWh per frontier run", _claim_gwh),
    Claim("EC-9", "003_b3665fb875f80b73.txt", "economics", "ec-claim-energy",
          "One bad setting can waste tens of millions of dollars of training compute.",
          "tens of millions of dollars per run", _claim_tens_of_millions),
)
