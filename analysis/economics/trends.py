"""Chapter: Economics. What frontier training and inference cost, how fast that grows, where the curves go
if the trends hold, and the published counterweights (algorithmic progress, falling inference prices, the
physical constraints to 2030).

This module holds the growth fits, the projections and the published figures the chapter compares with.
Its neighbours hold the rest: :mod:`analysis.economics.datasets` (data and loaders),
:mod:`analysis.economics.costs` (training and cluster costs, Cahn's arithmetic),
:mod:`analysis.economics.energy` (electricity and water) and :mod:`analysis.economics.inference_cost`
(serving).

Every assumption that is not read from data is a named parameter with a default stated where it is
defined, and every projection returns those assumptions next to its result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from analysis.house.data import decimal_years
from analysis.economics.datasets import frontier_models, load_models, price_performance
from analysis.house.validation import (checked_cache, require_finite, require_in_range, require_instance, require_int,
                                       require_min_length, require_positive, require_same_shape, require_seed,
                                       require_vector)

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


# --- Published counterweights and world totals (each checked against its source) --------------------


@dataclass(frozen=True)
class AlgorithmicProgress:
    """Ho et al. (2024), abstract (bibtex ``ho2024algorithmic``): the compute needed to reach a fixed
    language-modelling performance halved about every 8 months, 95 % CI about 5 to 14 months (2012-2023)."""

    halving_months: float = 8.0
    halving_months_low: float = 5.0
    halving_months_high: float = 14.0

    def factor(self, months: float | None = None) -> float:
        """Yearly multiplier of effective compute per unit of physical compute: ``2 ** (12 / months)``."""
        m = self.halving_months if months is None else float(require_positive("months", months))
        return float(2.0 ** (12.0 / m))


HO2024 = AlgorithmicProgress()


@dataclass(frozen=True)
class InferencePriceDecline:
    """Epoch AI (2025), "LLM inference prices have fallen rapidly but unequally across tasks" (data
    insight, 12 March 2025; bibtex ``epoch2025inferenceprices``): the price of reaching a fixed benchmark
    score fell by between 9x and 900x per year depending on the milestone; GPT-4's score on PhD-level
    science questions became 40x cheaper per year."""

    slowest_factor: float = 9.0
    fastest_factor: float = 900.0
    gpt4_gpqa_factor: float = 40.0


EPOCH_INFERENCE = InferencePriceDecline()


@dataclass(frozen=True)
class ScalingTo2030:
    """Sevilla et al. (2024), "Can AI scaling continue through 2030?" (Epoch AI; bibtex
    ``sevilla2024scaling2030``; summary on the report's page, 20 August 2024): training runs of about 2e29
    FLOP are likely feasible by 2030, with electric power, chip manufacturing, data and latency examined as
    the constraints; the stock of training data is put at 400 trillion to 20 quadrillion tokens."""

    feasible_flop_2030: float = 2e29
    data_tokens_low: float = 4e14
    data_tokens_high: float = 2e16


SCALING_2030 = ScalingTo2030()


@dataclass(frozen=True)
class GpuPricePerformance:
    """Hobbhahn and Besiroglu (2022), "Trends in GPU price-performance" (Epoch; bibtex
    ``hobbhahn2022gpu``), Table 1: FLOP/s per dollar doubles every 2.07 years for GPUs used in ML
    (95 % CI 1.54-3.13; n = 26) and every 2.46 years over all 470 GPUs (2.24-2.72)."""

    ml_doubling_years: float = 2.07
    ml_doubling_low: float = 1.54
    ml_doubling_high: float = 3.13
    all_doubling_years: float = 2.46


HOBBHAHN2022 = GpuPricePerformance()


@dataclass(frozen=True)
class WorldTotals:
    """Three different world totals, kept apart (nominal USD).

    ``assets_under_management_usd``: discretionary assets managed by the world's 500 largest asset
    managers at the end of 2020, $119.5T: North America's $70.6T was 59.1 % of the total (Thinking Ahead
    Institute and Pensions & Investments, "The world's largest 500 asset managers", October 2021; bibtex
    ``tai2021largest500``). It counts only the 500 largest managers, so global AUM is somewhat larger.
    ``financial_wealth_usd`` and ``net_wealth_usd``: global financial wealth $255T and total net wealth
    $459T in 2022 (BCG Global Wealth Report 2023; bibtex ``bcg2023wealth``).
    ``world_gdp_usd``: world GDP of about $105T in 2023 (IMF World Economic Outlook 2023 as charted by
    Visual Capitalist; bibtex ``imf2023weo``).
    """

    assets_under_management_usd: float = 70.6e12 / 0.591
    financial_wealth_usd: float = 255e12
    net_wealth_usd: float = 459e12
    world_gdp_usd: float = 105e12

    def named(self) -> dict[str, float]:
        return {"assets under management": self.assets_under_management_usd,
                "world GDP": self.world_gdp_usd, "global net wealth": self.net_wealth_usd}


WORLD = WorldTotals()

#: Other published figures the ledger compares with (each with its source):
#: Nvidia's market capitalisation when it became the world's most valuable listed company, 18 June 2024:
#: about $3.34T (Reuters/Mint report of that day; bibtex ``mint2024nvidia``).
NVIDIA_MARKET_CAP_USD_2024_06 = 3.335e12
#: Microsoft's market capitalisation the same day, about $3.317T (same reports).
MICROSOFT_MARKET_CAP_USD_2024_06 = 3.317e12
#: Share of US firms using AI to produce goods or services, Census Business Trends and Outlook Survey:
#: 3.7 % (September 2023) rising to 5.4 % (February 2024) (Bonney et al. 2024, CES working paper,
#: abstract; bibtex ``bonney2024tracking``).
BTOS_AI_USE_SHARE = {"2023-09": 0.037, "2024-02": 0.054}
#: The same survey question (AI used "in producing goods or services") in late 2025: "about 10 percent",
#: double its mid-2024 rate (Federal Reserve Bank of Minneapolis, "AI adoption in business grows steadily
#: but unevenly", 2026, reading the BTOS; bibtex ``minneapolisfed2026ai``). From November 2025 the survey
#: asks about AI in "any business function"; that broader question gave about 17-20 % from December 2025.
BTOS_AI_USE_SHARE_LATE_2025 = 0.10
BTOS_ANY_FUNCTION_SHARE_2026 = (0.17, 0.20)
#: Anthropic's chief executive, July 2024 (In Good Company podcast, as reported by Tom's Hardware; bibtex
#: ``tomshardware2024amodei``): models then in training cost "more like a billion" dollars, against about
#: $100M for the largest current ones, with $10B-$100B runs expected in 2025-27. A statement, not a record.
AMODEI_2024_RUN_IN_TRAINING_USD = 1e9
#: OpenAI's 2016 tax filing as reported by the New York Times (Metz, April 2018; bibtex
#: ``metz2018airesearchers``): its top researcher was paid more than $1.9M in 2016; AI specialists with
#: little industry experience were paid $300,000-500,000 a year in salary and stock.
OPENAI_TOP_RESEARCHER_PAY_2016_USD = 1.9e6
AI_SPECIALIST_PAY_2018_USD = (3e5, 5e5)
#: Google's total greenhouse-gas emissions in 2023: 14.3 Mt CO2e, 48 % above 2019 and 13 % above 2022
#: (Google 2024 Environmental Report; bibtex ``google2024environmental``).
GOOGLE_EMISSIONS_VS_2019 = 1.48
GOOGLE_EMISSIONS_VS_2022 = 1.13


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


@checked_cache(maxsize=4)
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


#: Thresholds the chapter projects: $1B, $10B, $100B, and 1 % of each of the three world totals below.
THRESHOLDS_USD = (1e9, 10e9, 100e9)

#: Where a projection starts: the fitted trend's value at the last costed run ("trend"), or the costliest
#: run on record ("max", GPT-4, which sits well above the fitted line).
ANCHORS = ("trend", "max")


def _anchor(anchor: str = "trend") -> tuple[str, float, float]:
    if anchor not in ANCHORS:
        raise ValueError(f"anchor must be one of {ANCHORS}; got {anchor!r}")
    front = frontier_models().dropna(subset=["cost_usd_2023"])
    if anchor == "max":
        row = front.loc[front["cost_usd_2023"].idxmax()]
        return str(row["Model"]), float(row["cost_usd_2023"]), float(row["year"])
    t = fit_trends()
    year = t.cost_end
    return "fitted trend", float(t.cost.predict(np.array([year]))[0]), float(year)


def years_to_reach(threshold_usd, start_usd, growth_factor) -> np.ndarray:
    """Years for a cost of ``start_usd`` growing ``growth_factor``-fold a year to reach ``threshold_usd``.

    A cost that does not grow (factor at most 1) never reaches a higher threshold: ``inf`` (and 0 when it
    already stands at or above it). That is an answer, not an error: a world of falling costs is scored."""
    t = require_positive("threshold_usd", threshold_usd)
    s = require_positive("start_usd", start_usd)
    g = require_positive("growth_factor", growth_factor)
    grows = g > 1
    with np.errstate(divide="ignore", invalid="ignore"):
        years = np.log(t / s) / np.log(np.where(grows, g, 2.0))
    return np.where(grows, years, np.where(t > s, np.inf, 0.0))


@checked_cache(maxsize=16)
def project_costs(n_draws: int = 4000, seed: int = 0, level: float = 0.9,
                  growth_factor: float | None = None, thresholds_usd: tuple[float, ...] = THRESHOLDS_USD,
                  anchor: str = "trend") -> Projection:
    """Year the largest training run reaches each threshold if the frontier cost trend continues.

    The start is the fitted trend at the last costed run (``anchor="trend"``) or the costliest run on
    record (``"max"``). The yearly factor is drawn ``n_draws`` times from the fitted cost trend's sampling
    distribution (normal on the log10 slope, seeded); pass ``growth_factor`` to use a fixed factor instead
    (e.g. the seed's x3).
    """
    n = require_int("n_draws", n_draws, minimum=10, maximum=10_000_000)
    seed = require_seed(seed)
    require_in_range("level", level, 0.0, 1.0, inclusive=False)
    thr = require_vector("thresholds_usd", thresholds_usd, require_positive)
    name, usd, year = _anchor(anchor)
    if growth_factor is None:
        fit = fit_trends().cost
        rng = np.random.default_rng(seed)
        slopes = rng.normal(fit.slope, np.sqrt(fit.cov[1, 1]), n)
        factors = 10.0 ** np.clip(slopes, 1e-3, None)
    else:
        factors = np.full(n, float(require_positive("growth_factor", growth_factor)))
    years = year + years_to_reach(thr[:, None], usd, factors[None, :])
    tail = 100 * (1 - level) / 2
    lo, med, hi = np.percentile(years, [tail, 50, 100 - tail], axis=1)
    glo, gmed, ghi = np.percentile(factors, [tail, 50, 100 - tail])
    return Projection(tuple(float(t) for t in thr), med, lo, hi, name, usd, year, float(gmed), float(glo),
                      float(ghi), n, int(seed), float(level))


def projection_fan(projection: Projection, years) -> pd.DataFrame:
    """Cost of the largest run at ``years`` under the projection: median and interval (USD)."""
    yrs = require_vector("years", years)
    require_instance("projection", projection, Projection)
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


# --- Windows, effective compute, and shares of world totals ------------------------------------------

#: The two windows the chapter compares: the early years, and the recent window that Cottier et al.'s
#: data end with (2020 to the last costed run, the end of 2023).
EARLY_WINDOW = (2016.0, 2021.0)
RECENT_WINDOW = (2020.0, 2024.0)


@dataclass(frozen=True)
class CostWindows:
    """Frontier training-cost growth fitted on the whole period and on two windows (same level)."""

    full: GrowthFit
    early: GrowthFit
    recent: GrowthFit

    @property
    def accelerating(self) -> bool:
        """Whether the recent window's point estimate exceeds the early window's."""
        return self.recent.factor > self.early.factor


@checked_cache(maxsize=4)
def cost_windows(level: float = 0.95) -> CostWindows:
    """Cost growth of costed frontier runs over the whole period, :data:`EARLY_WINDOW` (start inclusive,
    end exclusive) and :data:`RECENT_WINDOW`."""
    costed = frontier_models().dropna(subset=["cost_usd_2023", "Training compute (FLOP)"])

    def fit(lo, hi):
        part = costed[(costed["year"] >= lo) & (costed["year"] < hi)]
        return annual_growth_factor(part["year"], part["cost_usd_2023"], level=level)

    return CostWindows(fit_trends(level).cost, fit(*EARLY_WINDOW), fit(*RECENT_WINDOW))


@dataclass(frozen=True)
class EffectiveCompute:
    """Physical compute growth turned into effective compute with algorithmic progress (Ho et al. 2024).

    ``compute_factor``: measured yearly growth of frontier training compute; ``algorithmic_factor`` (with
    low/high from Ho et al.'s 95 % CI of the halving time); ``effective_factor`` = their product;
    ``per_dollar_factor``: effective compute bought per dollar, = algorithmic factor / cost per FLOP factor
    of frontier runs; ``fixed_capability_cost_factor``: yearly change of the training cost of reaching a
    fixed capability, its inverse.
    """

    compute_factor: float
    algorithmic_factor: float
    algorithmic_low: float
    algorithmic_high: float
    effective_factor: float
    effective_low: float
    effective_high: float
    per_dollar_factor: float
    fixed_capability_cost_factor: float


def effective_compute(progress: AlgorithmicProgress | None = None) -> EffectiveCompute:
    """Effective-compute growth of frontier training: measured compute growth x algorithmic progress."""
    p = HO2024 if progress is None else progress
    t = fit_trends()
    algo = p.factor()
    # a slower halving (more months) gives the lower factor
    lo, hi = p.factor(p.halving_months_high), p.factor(p.halving_months_low)
    per_dollar = algo / t.cost_per_flop.factor
    return EffectiveCompute(t.compute.factor, algo, lo, hi, t.compute.factor * algo, t.compute.factor * lo,
                            t.compute.factor * hi, per_dollar, 1.0 / per_dollar)


def doubling_to_decline(doubling_years) -> np.ndarray:
    """Yearly fall in the cost of a unit of performance when performance per dollar doubles every
    ``doubling_years``: ``1 - 2 ** (-1 / doubling_years)``."""
    d = require_positive("doubling_years", doubling_years)
    return 1.0 - 2.0 ** (-1.0 / d)


def years_to_share(share: float, total_usd: float, *, anchor: str = "trend", growth_factor: float | None = None,
                   start_year: float = 2025.5) -> float:
    """Years after ``start_year`` until the largest run costs ``share`` of ``total_usd``, from the
    projection's anchor at its median growth (or at ``growth_factor``)."""
    s = float(require_in_range("share", share, 0.0, 1.0, inclusive=False))
    total = float(require_positive("total_usd", total_usd))
    start_year = float(decimal_years([start_year], name="start_year")[0])
    name, usd, year = _anchor(anchor)
    g = fit_trends().cost.factor if growth_factor is None else float(require_positive("growth_factor", growth_factor))
    return float(year + years_to_reach(s * total, usd, g) - start_year)


def trend_value_usd(year: float, *, anchor: str = "trend") -> float:
    """Cost of the largest run at decimal ``year`` if the fitted growth continues from the anchor."""
    y = float(decimal_years([year], name="year")[0])
    name, usd, start = _anchor(anchor)
    return float(usd * fit_trends().cost.factor ** (y - start))


def kim_latency_ratios() -> dict[str, float]:
    """Latency of the 70B model over the 8B model for each of Kim et al. (2025)'s designs (their Table III,
    kept in :mod:`analysis.testtime.sampling`)."""
    from analysis.testtime.kim2025 import kim_table_iii

    table = kim_table_iii().pivot(index="design", columns="model", values="latency_s")
    return {str(d): float(table.loc[d, "70B"] / table.loc[d, "8B"]) for d in table.index}


def frontier_compute_in(year: float) -> tuple[str, float, float]:
    """Training compute (FLOP) of the largest run at decimal ``year`` if it grows from the largest run in
    the snapshot at the fitted frontier compute factor (a projection: ``year`` must not precede that run).
    Returns (starting model, its FLOP, projected FLOP)."""
    y = float(decimal_years([year], name="year")[0])
    models = load_models().dropna(subset=["Training compute (FLOP)"])
    row = models.loc[models["Training compute (FLOP)"].idxmax()]
    if y < float(row["year"]):
        raise ValueError(f"year must not precede the largest run in the snapshot ({row['Model']}, "
                         f"{float(row['year']):.1f}): the trend is projected forward only; got {year!r}")
    flop = float(row["Training compute (FLOP)"])
    return str(row["Model"]), flop, float(flop * fit_trends().compute.factor ** (y - float(row["year"])))
