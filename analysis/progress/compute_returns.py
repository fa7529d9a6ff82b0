"""ECI gained per decade (tenfold) of training compute, among the models with an Epoch compute estimate:
"each generation gives less for its compute", tested directly (chapter "Is progress slowing?").

Release year is held fixed in the regressions, so that later and better-trained models do not pass for
returns to compute; the gain at fixed compute per year is reported beside the gain per decade.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.house.data import decimal_years
from analysis.progress.frontier import DEFAULT_BREAK, DEFAULT_START, _check_common, _window, load_eci


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
        The median compute (FLOP).
    n_models : int
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


def _ols(y, *cols) -> np.ndarray:
    X = np.column_stack([np.ones(len(y)), *cols])
    return np.linalg.lstsq(X, np.asarray(y, float), rcond=None)[0]


def _split_slopes(lc, yr, eci, split):
    lo, hi = lc < split, lc >= split
    return _ols(eci[lo], lc[lo], yr[lo])[1], _ols(eci[hi], lc[hi], yr[hi])[1]


@lru_cache(maxsize=8)
def compute_elasticity(break_date: str = DEFAULT_BREAK, *, start: str = DEFAULT_START, n_boot: int = 300,
                       seed: int = 0, level: float = 0.9) -> ComputeElasticity:
    """ECI per decade of training compute among the models with an Epoch compute estimate.

    One model version per (ECI, compute) pair is kept, so the reasoning settings of one model, which
    share both numbers, count once.
    """
    n_boot, seed, level = _check_common(n_boot, seed, level)
    b = float(decimal_years([break_date])[0])
    frame = _window(load_eci("all").dropna(subset=["compute_flop"]), start, None)
    frame = frame.drop_duplicates(["eci", "compute_flop"])
    lc = np.log10(frame["compute_flop"].to_numpy(float))
    yr = frame["year"].to_numpy(float)
    eci = frame["eci"].to_numpy(float)
    coef = _ols(eci, lc, yr)
    split = float(np.median(lc))
    lower, upper = _split_slopes(lc, yr, eci, split)
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n_boot):
        i = rng.integers(0, lc.size, lc.size)
        if (lc[i] < split).sum() < 5 or (lc[i] >= split).sum() < 5:
            continue
        draws.append(_split_slopes(lc[i], yr[i], eci[i], split))
    d = np.array(draws)
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    r = d[:, 1] / d[:, 0]
    e_mask, l_mask = yr < b, yr >= b
    early = float(np.polyfit(lc[e_mask], eci[e_mask], 1)[0])
    late = float(np.polyfit(lc[l_mask], eci[l_mask], 1)[0])
    return ComputeElasticity(float(coef[1]), float(coef[2]), float(lower), float(upper),
                             *map(float, np.percentile(d[:, 0], q)), *map(float, np.percentile(d[:, 1], q)),
                             float(upper / lower), *map(float, np.percentile(r, q)), early, late,
                             10.0 ** split, int(lc.size))


def compute_table(start: str = DEFAULT_START) -> pd.DataFrame:
    """Models with both ECI and a compute estimate: ``model``, ``year``, ``eci``, ``log10_compute``."""
    frame = _window(load_eci("all").dropna(subset=["compute_flop"]), start, None)
    frame = frame.drop_duplicates(["eci", "compute_flop"])
    return frame.assign(log10_compute=np.log10(frame["compute_flop"]))[
        ["model", "year", "eci", "log10_compute", "open_weights"]].reset_index(drop=True)
