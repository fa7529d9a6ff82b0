"""The 2024-26 figures of the economics chapter: Cottier et al.'s own hardware-acquisition estimates, DeepSeek-V3's
reported cost, the hyperscalers' capital spending of 2025-26, the labs' revenue, per-prompt energy, national
data-centre electricity and the largest data-centre sites. Each is one row of a curated file with its source,
and whether it was checked at a stored copy of the source or read only in a secondary source (``checked``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.economics import costs
from analysis.house.data import DatasetSpec, load_csv
from analysis.house.validation import require_in_range, require_positive

CURATED = DatasetSpec(
    filename="curated_economics_2025-26.csv",
    sha256="46045aa0a4976512da605bd3698fe5d33e452133d02ce64798645718e9018210",
    columns={"key": "str", "value": "float", "unit": "str", "as_of": "int", "bibkey": "str", "source": "str",
             "checked": "str"},
    description="Curated 2024-26 economics figures (capex, revenue, energy, DeepSeek-V3, Cottier et al.'s estimates)",
    n_rows=28,
)

#: Hours in a year (365.25 days), to turn a continuous power into a yearly energy.
HOURS_PER_YEAR = 8766.0


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    return load_csv(CURATED).set_index("key")


def curated() -> pd.DataFrame:
    """The curated figures, one row per key: value, unit, as_of, bibkey, source, checked."""
    return _table().copy()


def figure(key: str) -> float:
    """The value of one curated figure (a ValueError names an unknown key)."""
    table = _table()
    if key not in table.index:
        raise ValueError(f"key must be one of the curated figures; got {key!r}")
    return float(table.loc[key, "value"])


def read_at_source(key: str) -> bool:
    """Whether the figure was checked at a stored copy of its source (False: read only in a secondary source)."""
    figure(key)
    return str(_table().loc[key, "checked"]).startswith("stored copy")


# --- DeepSeek-V3: what the $5.6M counts --------------------------------------------------------------------

@dataclass(frozen=True)
class DeepSeekCost:
    """DeepSeek-V3's reported final-run cost beside what the same report's cluster would cost to own.

    Attributes
    ----------
    reported_usd : float
        GPU-hours x the assumed rental price (the report's "total training costs").
    gpu_hours, usd_per_gpu_hour, gpus : float
    cluster_usd : float
        The cluster's purchase price: GPUs x ``usd_per_gpu`` x server overhead / (1 - interconnect share).
    amortised_usd : float
        That cluster written off over ``lifetime_years``, charged for the run's wall-clock time.
    run_days : float
        GPU-hours / GPUs / 24.
    """

    reported_usd: float
    gpu_hours: float
    usd_per_gpu_hour: float
    gpus: float
    cluster_usd: float
    amortised_usd: float
    run_days: float


def deepseek_v3_cost(usd_per_gpu: float = 30_000.0, lifetime_years: float = 4.0) -> DeepSeekCost:
    """The reported cost of DeepSeek-V3's final run and the ownership cost of its 2,048-GPU cluster.

    ``usd_per_gpu`` is an assumed H800 price (about an H100's; the export variant's price is not public);
    Cottier et al.'s server overhead and network share turn chips into a cluster.
    """
    price = float(require_positive("usd_per_gpu", usd_per_gpu))
    life = float(require_in_range("lifetime_years", lifetime_years, 1.0, 10.0))
    hours, rate, gpus = figure("deepseek_v3_gpu_hours"), figure("deepseek_v3_usd_per_gpu_hour"), figure("deepseek_v3_cluster_gpus")
    cluster = gpus * price * figure("cottier_server_overhead_default") / (1.0 - costs.CLUSTER_INTERCONNECT_FRACTION)
    days = hours / gpus / 24.0
    return DeepSeekCost(hours * rate, hours, rate, gpus, cluster, cluster * days / (365.25 * life), days)


# --- Cahn's inputs brought to 2025-26 ---------------------------------------------------------------------

def capex_guidance_growth() -> tuple[float, float]:
    """Growth of the four hyperscalers' capital spending from 2025 to the low and high ends of 2026 guidance."""
    base = figure("hyperscaler_capex_2025_usd")
    return figure("hyperscaler_capex_2026_low_usd") / base, figure("hyperscaler_capex_2026_high_usd") / base


def cahn_2025(lifetime_years: float = 5.0, capex_growth: float | None = None) -> costs.DepreciatedNeed:
    """Cahn's chain on 2025's spending: the hyperscalers' $410B of capital spending taken as the whole
    data-centre cost (it already holds buildings and power), with the buyer's 50 % margin, against the two
    leading labs' annualised revenue of February 2026 (a lower bound on AI revenue), written off over
    ``lifetime_years`` while spending grows ``capex_growth``-fold a year (default: the low end of the 2026
    guidance)."""
    g = capex_guidance_growth()[0] if capex_growth is None else float(require_positive("capex_growth", capex_growth))
    inputs = costs.CahnInputs(nvidia_dc_run_rate_usd=figure("hyperscaler_capex_2025_usd") * costs.CAHN.gpu_share_of_cost,
                              ai_revenue_usd=(figure("openai_annualised_revenue_2026_02_usd"),
                                              figure("anthropic_annualised_revenue_2026_02_usd")))
    return costs.cahn_depreciated(lifetime_years, capex_growth=g, inputs=inputs)


# --- Energy: per prompt, per country, per site ------------------------------------------------------------

def gigawatt_in_homes(gigawatts: float = 1.0) -> float:
    """How many average US homes a continuous ``gigawatts`` would supply for a year."""
    gw = float(require_positive("gigawatts", gigawatts))
    return gw * 1e6 * HOURS_PER_YEAR / figure("us_household_kwh_per_year_2022")


def prompts_per_twh(wh_per_prompt: float | None = None) -> float:
    """Prompts one TWh would serve at ``wh_per_prompt`` (default Google's median, 0.24 Wh)."""
    wh = figure("google_wh_per_prompt_2025") if wh_per_prompt is None else float(require_positive("wh_per_prompt", wh_per_prompt))
    return 1e12 / wh
