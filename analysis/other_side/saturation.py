"""Chapter "The other side": what halving the error costs near a benchmark's ceiling, on real benchmarks.

For each fraction-scored benchmark of Epoch AI's long table (the progress chapter's file, read through its
loader), the models that set a record of lowest error for their training compute form an efficient frontier;
on it, the error rate is regressed on compute (``log2`` error against ``log10`` FLOP) separately near the top
(error at most ``top_error``) and lower down (error above it, up to ``low_max_error``). The reciprocal slopes
are the decades of compute that halve the error in each band. No functional form is assumed beyond a straight
line within each band.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.house.validation import require_in_range, require_number, require_same_shape, require_vector
from analysis.progress import frontier as F

#: Smallest number of frontier models a band needs for its slope.
MIN_BAND_POINTS = 3

#: The article's two steps: 95 % -> 97 % near the top, against a middle step of two points, 60 % -> 62 %.
TOP_STEP = (0.95, 0.97)
MIDDLE_STEP = (0.60, 0.62)


def efficient_frontier(log10_flop, error) -> np.ndarray:
    """Indices of the models with a lower error than every model trained with less (or equal) compute, in
    increasing order of compute (ties in compute: the lowest error first, so only it can count)."""
    x, e = require_vector("log10_flop", log10_flop), require_vector("error", error)
    require_same_shape(log10_flop=x, error=e)
    order = np.lexsort((e, x))
    keep, best = [], np.inf
    for i in order:
        if e[i] < best:
            keep.append(int(i))
            best = e[i]
    return np.asarray(keep, dtype=int)


@dataclass(frozen=True)
class HalvingCost:
    """Decades of training compute that halve a benchmark's error rate, near the top and lower down.

    Attributes
    ----------
    benchmark : str
    n_top, n_low : int
        Frontier models in each band.
    decades_top, decades_low : float
        Decades of compute per halving of the error (NaN when the band has too few models or the error does
        not fall in it).
    eligible : bool
        Both bands have a falling error on at least :data:`MIN_BAND_POINTS` models.
    """

    benchmark: str
    n_top: int
    n_low: int
    decades_top: float
    decades_low: float
    eligible: bool

    @property
    def per_halving_ratio(self) -> float:
        """Decades per halving near the top over lower down (above 1: the top halving is dearer)."""
        return self.decades_top / self.decades_low if self.eligible else float("nan")

    @property
    def step_ratio(self) -> float:
        """Compute for the article's top step (95 -> 97 %) over the middle one (60 -> 62 %), in decades, each
        priced at its band's cost per halving of the error."""
        if not self.eligible:
            return float("nan")
        top = np.log2((1 - TOP_STEP[0]) / (1 - TOP_STEP[1])) * self.decades_top
        mid = np.log2((1 - MIDDLE_STEP[0]) / (1 - MIDDLE_STEP[1])) * self.decades_low
        return float(top / mid)


def _decades_per_halving(x, e) -> float:
    if x.size < MIN_BAND_POINTS or np.ptp(x) == 0:
        return float("nan")
    slope = np.polyfit(x, np.log2(e), 1)[0]
    return float(-1.0 / slope) if slope < 0 else float("nan")


def halving_cost(benchmark: str, *, top_error: float = 0.15, low_max_error: float = 0.6) -> HalvingCost:
    """:class:`HalvingCost` of one benchmark of the progress chapter's long table (models with a training
    compute; errors floored at 0.1 %)."""
    top_error = float(require_in_range("top_error", top_error, 0.01, 0.5))
    low_max_error = float(require_in_range("low_max_error", low_max_error, 0.0, 1.0))
    if low_max_error <= top_error:
        raise ValueError(f"low_max_error must exceed top_error; got {low_max_error!r} <= {top_error!r}")
    t = F.load_benchmark(benchmark).dropna(subset=["compute_flop"])
    t = t[t["compute_flop"] > 0]
    x = np.log10(t["compute_flop"].to_numpy(float))
    e = np.clip(1.0 - t["score"].to_numpy(float), 1e-3, 1.0)
    if x.size == 0:
        return HalvingCost(str(benchmark), 0, 0, float("nan"), float("nan"), False)
    k = efficient_frontier(x, e)
    xf, ef = x[k], e[k]
    top, low = ef <= top_error, (ef > top_error) & (ef <= low_max_error)
    d_top, d_low = _decades_per_halving(xf[top], ef[top]), _decades_per_halving(xf[low], ef[low])
    ok = bool(np.isfinite(d_top) and np.isfinite(d_low))
    return HalvingCost(str(benchmark), int(top.sum()), int(low.sum()), d_top, d_low, ok)


def fraction_benchmarks() -> tuple[str, ...]:
    """Files of the long table scored as fractions (the population of the test)."""
    files = sorted(set(F._scores()["benchmark_file"]) - set(F.NON_FRACTION_FILES))
    return tuple(files)


def halving_costs(*, top_error: float = 0.15, low_max_error: float = 0.6) -> pd.DataFrame:
    """:func:`halving_cost` of every fraction-scored benchmark, one row each, with both ratios (cached)."""
    top_error = require_number("top_error", top_error, 0.0, 1.0, inclusive=False)
    low_max_error = require_number("low_max_error", low_max_error, 0.0, 1.0, inclusive=False)
    return _halving_costs(top_error, low_max_error).copy()


@lru_cache(maxsize=16)
def _halving_costs(top_error: float, low_max_error: float) -> pd.DataFrame:
    rows = []
    for b in fraction_benchmarks():
        h = halving_cost(b, top_error=top_error, low_max_error=low_max_error)
        rows.append({"benchmark": h.benchmark, "n_top": h.n_top, "n_low": h.n_low, "decades_top": h.decades_top,
                     "decades_low": h.decades_low, "per_halving_ratio": h.per_halving_ratio,
                     "step_ratio": h.step_ratio, "eligible": h.eligible})
    return pd.DataFrame(rows)

