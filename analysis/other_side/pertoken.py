"""Chapter "The other side": the per-token loss exponent of one task, estimated from real samples.

For exact match over ``L`` answer tokens with a per-token loss ``l(N) = l0 (N0 / N)**alpha`` (no floor),
``-ln EM(N) = L l(N)``, so ``ln(-ln EM)`` falls linearly in ``ln N`` with slope ``-alpha``, whatever ``L`` is.
Hu et al. (2023) plot the same quantity, ``log(-log PU(N))``, for their PassUntil scores. Fitting that line to
a task's pass@1 across a family of models gives the task's own exponent, in place of Kaplan et al.'s average
over web text (0.076).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.house import fitting
from analysis.house.validation import (require_in_range, require_int, require_nonnegative, require_positive,
                                       require_same_shape)


@dataclass(frozen=True)
class ExponentEstimate:
    """A task's per-token exponent from the pass@1 of a model family.

    Attributes
    ----------
    alpha : float
        ``-slope`` of ``ln(-ln pass@1)`` against ``ln N``, pass@1 averaged over the task's problems.
    low, high : float
        Percentile interval at ``level`` over ``n_boot`` resamples of the problems.
    per_problem_median : float
        Median of the same slope fitted problem by problem (problems with a success rate strictly between 0 and
        1 at every size).
    n_problems, n_fitted_problems : int
    """

    alpha: float
    low: float
    high: float
    level: float
    per_problem_median: float
    n_problems: int
    n_fitted_problems: int


def _alpha(lnN, rate) -> float:
    return float(-np.polyfit(lnN, np.log(-np.log(rate)), 1)[0])


def exact_match_exponent(N, num_correct, num_samples, *, n_boot: int = 300, seed: int = 0,
                         level: float = 0.9) -> ExponentEstimate:
    """Estimate the per-token exponent of a task from samples of several model sizes.

    Parameters
    ----------
    N : array_like, shape (models,)
        Model sizes (parameters), at least three distinct.
    num_correct, num_samples : array_like, shape (problems, models)
        Correct answers and samples per problem and model.
    """
    N = require_positive("N", N)
    c = require_nonnegative("num_correct", num_correct)
    n = require_positive("num_samples", num_samples)
    require_same_shape(num_correct=c, num_samples=n)
    if c.ndim != 2 or c.shape[1] != N.size:
        raise ValueError(f"num_correct must be a (problems x models) table with one column per N ({N.size}); "
                         f"got shape {c.shape}")
    if np.unique(N).size < 3:
        raise ValueError(f"N needs at least three distinct sizes; got {np.unique(N).size}")
    if np.any(c > n):
        raise ValueError("num_correct must not exceed num_samples")
    n_boot = require_int("n_boot", n_boot, minimum=20, maximum=100_000)
    seed = require_int("seed", seed, minimum=0)
    level = float(require_in_range("level", level, 0.5, 0.999))
    lnN, rate = np.log(N), c / n
    pooled = rate.mean(axis=0)
    if np.any(pooled <= 0) or np.any(pooled >= 1):
        raise ValueError("num_correct: the mean success rate must lie strictly between 0 and 1 at every size")
    point = _alpha(lnN, pooled)
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n_boot):
        m = rate[rng.integers(0, rate.shape[0], rate.shape[0])].mean(axis=0)
        if np.all((m > 0) & (m < 1)):
            draws.append(_alpha(lnN, m))
    lo, hi = fitting.percentile_interval(np.asarray(draws), level)
    inside = np.all((rate > 0) & (rate < 1), axis=1)
    per = [_alpha(lnN, r) for r in rate[inside]]
    return ExponentEstimate(point, float(lo), float(hi), level, float(np.median(per)) if per else float("nan"),
                            int(rate.shape[0]), int(inside.sum()))
