"""Growth rates of frontier training under the choices a careful analyst could make differently: which
models count as the frontier (top 5, 10 or 20 by compute when published), from which year, up to which
date, in 2023 dollars or in the dollars paid, and fitted by least squares or by the Theil-Sen median of
pairwise slopes (robust to a few outlying runs). The chapter's own reading (:mod:`analysis.economics.trends`)
is one point of this grid: top 10 from 2016, deflated, least squares.

Every function here returns finite numbers for any data it is given: a cost that never grows is "never"
(``math.inf`` from :func:`years_until`, which callers cap for display), not an error.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from analysis.economics.datasets import FRONTIER_START, frontier_models, from_2023_usd, price_performance
from analysis.economics.trends import GrowthFit, annual_growth_factor
from analysis.house.data import decimal_years, require_date
from analysis.house.validation import as_float_array, checked_cache, require_bool, require_positive_number

METHODS = ("ols", "theil-sen")
COMPUTE = "Training compute (FLOP)"


def fit_growth(dates, values, *, method: str = "ols", level: float = 0.95, allow_empty: bool = False) -> GrowthFit:
    """Yearly growth factor of ``values`` by least squares on log10 (:func:`annual_growth_factor`) or by
    Theil-Sen (median of pairwise slopes, with its ``level`` interval; the covariance is the one implied
    by that interval, taken as normal).

    A band of fewer than 3 points (or all on one date) gives no growth on its points, which the ledger treats
    as thin evidence. Empty ``values`` are refused unless ``allow_empty`` (a selection that a counterfactual
    world may leave empty, whose verdict must still be scored)."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}; got {method!r}")
    values, allow_empty = as_float_array("values", values, allow_empty=True), require_bool("allow_empty", allow_empty)
    if values.ndim != 1:
        raise ValueError(f"values must be one-dimensional; got shape {values.shape}")
    if len(values) == 0 and not allow_empty:
        raise ValueError("values must not be empty; got []")
    if np.size(dates) != len(values):
        raise ValueError(f"dates and values must have the same length; got {np.size(dates)} and {len(values)}")
    if len(values) < 3 or np.ptp(decimal_years(dates) if len(values) else [0.0]) == 0:
        return _no_trend(len(values), level)
    if method == "ols":
        return annual_growth_factor(dates, values, level=level)
    years = decimal_years(dates)
    logy = np.log10(values)
    slope, intercept, lo, hi = stats.theilslopes(logy, years, alpha=level)
    t0 = float(years.mean())
    se = (hi - lo) / (2 * stats.norm.ppf(0.5 + level / 2)) if hi > lo else 0.0
    resid = logy - (intercept + slope * years)
    cov = np.array([[0.0, 0.0], [0.0, se ** 2]])
    return GrowthFit(float(10 ** slope), float(10 ** lo), float(10 ** hi), level,
                     float(np.log10(2) / slope) if slope != 0 else float("inf"), float(slope),
                     float(intercept + slope * t0), t0, cov, float(np.sqrt(np.mean(resid ** 2))), len(years))


def _no_trend(n: int, level: float) -> GrowthFit:
    """What a band too thin to fit (fewer than 3 points, or all on one date) gives: no growth, on ``n``
    points; a check on it is thin evidence and does not decide (the ledger's rule)."""
    return GrowthFit(1.0, 1.0, 1.0, level, float("inf"), 0.0, 0.0, 0.0, np.zeros((2, 2)), 0.0, n)


def costed_frontier(max_rank: int = 10, start: str = FRONTIER_START, end: str | None = None, *,
                    deflate: bool = True) -> pd.DataFrame:
    """Frontier runs with a cost and a compute estimate, with ``usd`` = Epoch's cost in 2023 dollars
    (``deflate=True``) or converted back to the dollars of the publication month (``False``)."""
    deflate = require_bool("deflate", deflate)
    front = frontier_models(max_rank=max_rank, start=start, end=end).dropna(subset=["cost_usd_2023", COMPUTE])
    usd = front["cost_usd_2023"].to_numpy()
    if not deflate and len(front):
        usd = from_2023_usd(usd, front["Publication date"])
    return front.assign(usd=usd)


@checked_cache(maxsize=128)
def frontier_cost_growth(max_rank: int = 10, start: str = FRONTIER_START, end: str | None = None,
                         deflate: bool = True, method: str = "ols", level: float = 0.95) -> GrowthFit:
    """Yearly growth factor of the training cost of frontier runs under the given choices."""
    front = costed_frontier(max_rank, start, end, deflate=deflate)
    return fit_growth(front["year"], front["usd"], method=method, level=level, allow_empty=True)


@checked_cache(maxsize=128)
def frontier_flop_per_usd_growth(max_rank: int = 10, start: str = FRONTIER_START, end: str | None = None,
                                 deflate: bool = True, method: str = "ols", level: float = 0.95) -> GrowthFit:
    """Yearly growth factor of the FLOP bought per dollar in frontier runs (compute / cost): above 1, the
    hardware cost of a unit of computation falls."""
    front = costed_frontier(max_rank, start, end, deflate=deflate)
    return fit_growth(front["year"], front[COMPUTE] / front["usd"], method=method, level=level, allow_empty=True)


@checked_cache(maxsize=32)
def chip_price_performance_growth(start: str = FRONTIER_START, deflate: bool = True, method: str = "ols",
                                  level: float = 0.95) -> GrowthFit:
    """Yearly growth factor of the peak 16-bit FLOP/s per dollar of new ML chips (their first recorded
    purchase price), priced from ``start`` on, in 2023 dollars or in the dollars paid."""
    start, deflate = require_date("start", start), require_bool("deflate", deflate)
    pp = price_performance()
    pp = pp[pp["Price date"] >= start]
    usd = pp["price_usd_2023"] if deflate else pp["Price (hardware purchase)"]
    return fit_growth(pp["year"], pp["peak_flops"] / usd, method=method, level=level, allow_empty=True)


@checked_cache(maxsize=64)
def frontier_compute_growth(max_rank: int = 10, start: str = "2018-01-01", end: str | None = None,
                            method: str = "ols", level: float = 0.95) -> GrowthFit:
    """Yearly growth factor of the training compute (FLOP) of frontier models (every model with a compute
    estimate, whether or not it has a cost)."""
    front = frontier_models(max_rank=max_rank, start=start, end=end).dropna(subset=[COMPUTE])
    return fit_growth(front["year"], front[COMPUTE], method=method, level=level, allow_empty=True)


def years_until(target_usd: float, *, start_year: float, anchor: str = "max", max_rank: int = 10,
                start: str = FRONTIER_START, deflate: bool = True, method: str = "ols") -> tuple[float, float, float]:
    """Years after ``start_year`` until the largest run costs ``target_usd`` if the fitted growth goes on.

    The run starts from the costliest frontier run on record (``anchor="max"``) or from the fitted trend at
    the last costed run (``"trend"``), and grows at the fitted factor of the same selection. Returns
    (years, growth factor, starting cost). A cost that does not grow never reaches a higher target:
    years = ``math.inf`` (0 when the start is already at or above the target).
    """
    if anchor not in ("max", "trend"):
        raise ValueError(f"anchor must be 'max' or 'trend'; got {anchor!r}")
    target_usd = require_positive_number("target_usd", target_usd)
    start_year = float(decimal_years([start_year], name="start_year")[0])
    front = costed_frontier(max_rank, start, deflate=deflate)
    fit = frontier_cost_growth(max_rank, start, None, deflate, method)
    if front.empty:
        return math.inf, fit.factor, 0.0
    if anchor == "max":
        row = front.loc[front["usd"].idxmax()]
        usd, year = float(row["usd"]), float(row["year"])
    else:
        year = float(front["year"].max())
        usd = float(fit.predict(np.array([year]))[0])
    if usd >= target_usd:
        return max(0.0, year - start_year), fit.factor, usd
    if fit.factor <= 1.0:
        return math.inf, fit.factor, usd
    return float(year + math.log(target_usd / usd) / math.log(fit.factor) - start_year), fit.factor, usd
