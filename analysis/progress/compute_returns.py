"""ECI gained per decade (tenfold) of training compute, among the models with an Epoch compute estimate:
"each generation gives less for its compute", tested directly (chapter "Is progress slowing?").

Release year is held fixed in the regressions, so that later and better-trained models do not pass for
returns to compute; the gain at fixed compute per year is reported beside the gain per decade.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.house.data import decimal_years
from analysis.house.validation import checked_cache, require_bool, require_in_range
from analysis.progress.frontier import DEFAULT_BREAK, DEFAULT_START, _bounds, _check_common, load_eci


@dataclass(frozen=True)
class ComputeElasticity:
    """ECI gained per decade (tenfold) of training compute.

    Attributes
    ----------
    overall : float
        ECI points per decade, models with a compute estimate, controlling for release year.
    per_year : float
        ECI points per year at fixed compute (the same regression): gains not bought with compute.
    lower, upper : float
        Points per decade (controlling for year) below and above the median log compute.
    lower_low, lower_high, upper_low, upper_high : float
        Bootstrap intervals (models resampled).
    ratio, ratio_low, ratio_high : float
        upper / lower: below 1, each decade of compute buys less at the top.
    early, late : float
        Points per decade among models released before / after the break (no year control).
    split_flop : float
        The compute that splits the models (the median by default, FLOP).
    n_models : int
    late_over_early, late_over_early_low, late_over_early_high : float
        late / early and its bootstrap interval (via :func:`analysis.progress.frontier.slope_ratio`: finite
        in every world).
    n_early, n_late : int
        Models released before / after the break.
    """

    overall: float
    per_year: float
    lower: float
    upper: float
    lower_low: float
    lower_high: float
    upper_low: float
    upper_high: float
    ratio: float
    ratio_low: float
    ratio_high: float
    early: float
    late: float
    split_flop: float
    n_models: int
    late_over_early: float = 0.0
    late_over_early_low: float = 0.0
    late_over_early_high: float = 0.0
    n_early: int = 0
    n_late: int = 0


def _window(frame: pd.DataFrame, start, end) -> pd.DataFrame:
    lo, hi = _bounds(start, end)
    return frame[(frame["year"] >= lo) & (frame["year"] < hi)]


def _ols(y, *cols) -> np.ndarray:
    X = np.column_stack([np.ones(len(y)), *cols])
    return np.linalg.lstsq(X, np.asarray(y, float), rcond=None)[0]


def _split_slopes(lc, yr, eci, split):
    lo, hi = lc < split, lc >= split
    return _ols(eci[lo], lc[lo], yr[lo])[1], _ols(eci[hi], lc[hi], yr[hi])[1]


def _slope(lc, eci) -> float:
    """Least-squares slope, 0 when the compute does not vary (an empty or one-point group)."""
    return float(np.polyfit(lc, eci, 1)[0]) if lc.size >= 2 and np.ptp(lc) > 0 else 0.0


@checked_cache(maxsize=64)
def compute_elasticity(break_date: str = DEFAULT_BREAK, *, start: str = DEFAULT_START, n_boot: int = 300,
                       seed: int = 0, level: float = 0.9, split_quantile: float = 0.5,
                       dedup: bool = True) -> ComputeElasticity:
    """ECI per decade of training compute among the models with an Epoch compute estimate.

    Parameters
    ----------
    break_date, start : str
        The break that separates earlier and later releases, and the first release date counted.
    n_boot, seed, level : int, int, float
        Bootstrap over models.
    split_quantile : float
        Quantile of log compute that separates the lower and upper halves (0.5: the median).
    dedup : bool
        Keep one model version per (ECI, compute) pair, so that the reasoning settings of one model, which
        share both numbers, count once (default); False counts every version.
    """
    from analysis.progress.frontier import _slope_ratio as slope_ratio

    n_boot, seed, level = _check_common(n_boot, seed, level)
    split_quantile = float(require_in_range("split_quantile", split_quantile, 0.2, 0.8))
    dedup = require_bool("dedup", dedup)
    b = float(decimal_years([break_date], name="break_date")[0])
    frame = _window(load_eci("all").dropna(subset=["compute_flop"]), start, None)
    if dedup:
        frame = frame.drop_duplicates(["eci", "compute_flop"])
    lc = np.log10(frame["compute_flop"].to_numpy(float))
    yr = frame["year"].to_numpy(float)
    eci = frame["eci"].to_numpy(float)
    coef = _ols(eci, lc, yr)
    split = float(np.quantile(lc, split_quantile))
    lower, upper = _split_slopes(lc, yr, eci, split)
    e_mask, l_mask = yr < b, yr >= b
    early, late = _slope(lc[e_mask], eci[e_mask]), _slope(lc[l_mask], eci[l_mask])
    rng = np.random.default_rng(seed)
    draws, times = [], []
    for _ in range(n_boot):
        i = rng.integers(0, lc.size, lc.size)
        if (lc[i] < split).sum() >= 5 and (lc[i] >= split).sum() >= 5:
            draws.append(_split_slopes(lc[i], yr[i], eci[i], split))
        em, lm = yr[i] < b, yr[i] >= b
        times.append(slope_ratio(_slope(lc[i][em], eci[i][em]), _slope(lc[i][lm], eci[i][lm])))
    d = np.array(draws) if draws else np.array([[lower, upper]])
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    r = np.array([slope_ratio(a, c) for a, c in d])
    t_lo, t_hi = np.percentile(times, q)
    return ComputeElasticity(float(coef[1]), float(coef[2]), float(lower), float(upper),
                             *map(float, np.percentile(d[:, 0], q)), *map(float, np.percentile(d[:, 1], q)),
                             slope_ratio(lower, upper), *map(float, np.percentile(r, q)), early, late,
                             10.0 ** split, int(lc.size), slope_ratio(early, late), float(t_lo), float(t_hi),
                             int(e_mask.sum()), int(l_mask.sum()))


def compute_table(start: str = DEFAULT_START) -> pd.DataFrame:
    """Models with both ECI and a compute estimate: ``model``, ``year``, ``eci``, ``log10_compute``."""
    frame = _window(load_eci("all").dropna(subset=["compute_flop"]), start, None)
    frame = frame.drop_duplicates(["eci", "compute_flop"])
    return frame.assign(log10_compute=np.log10(frame["compute_flop"]))[
        ["model", "year", "eci", "log10_compute", "open_weights"]].reset_index(drop=True)
