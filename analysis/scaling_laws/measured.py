"""Chapter 1, Scaling laws: returns per decade of compute measured on the Chinchilla runs themselves, with
bootstrap intervals over the runs (no functional form), and how much shape moves the loss against scale.

The ledger's rules of reading need a margin beyond uncertainty for every "shrinks", "grows" or "is positive":
:func:`measured_returns` resamples the 240 runs and recomputes the best loss each budget reached, so every gain,
ratio and the gain of the top of the compute range carries its own interval.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.house import fitting
from analysis.house.data import load_chinchilla_runs, load_gemstones
from analysis.house.validation import (checked_cache, require_finite, require_in_range, require_int, require_positive,
                                       require_same_shape, require_vector)

#: Compute spanned by one step of the comparison (a decade) and by the top window (the last decade by default).
DEFAULT_START = 1e19
DEFAULT_TOP_DEX = 1.0


def best_by_budget(C, L, budgets, weights=None) -> np.ndarray:
    """Lowest loss among runs with compute at most each budget, for one set of runs or for many resamples.

    Parameters
    ----------
    C, L : array_like, shape (n,)
        Compute (FLOP) and loss of each run.
    budgets : array_like, shape (k,)
        Budgets (FLOP), increasing.
    weights : array_like, shape (m, n), optional
        Resample counts (a run with count 0 is absent); ``None`` keeps every run once.

    Returns
    -------
    ndarray, shape (k,) or (m, k)
        ``inf`` where no run (of a resample) lies at or below a budget.
    """
    C = require_vector("C", C, require_positive)
    L = require_vector("L", L, require_positive)
    require_same_shape(C=C, L=L)
    b = require_vector("budgets", budgets, require_positive)
    if weights is not None:
        W = require_finite("weights", weights)
        if W.ndim not in (1, 2) or W.shape[-1] != C.size or np.any(W < 0):
            raise ValueError(f"weights must be non-negative counts of shape (m, {C.size}); got shape {W.shape}")
    order = np.argsort(C, kind="stable")
    Cs, Ls = C[order], L[order]
    W = np.ones((1, C.size)) if weights is None else np.atleast_2d(np.asarray(weights, float))[:, order]
    run_best = np.minimum.accumulate(np.where(W > 0, Ls, np.inf), axis=1)
    idx = np.searchsorted(Cs, b, side="right") - 1
    out = np.where(idx >= 0, run_best[:, np.clip(idx, 0, None)], np.inf)
    return out[0] if weights is None else out


@dataclass(frozen=True)
class MeasuredReturns:
    """What each decade of compute bought on the runs, with percentile intervals over resampled runs.

    Attributes
    ----------
    budgets : tuple of float
        ``start``, ``10 start``, ``100 start`` (FLOP).
    best_loss : tuple of float
        Best loss reached by each budget (nats/token).
    relative_gain, absolute_gain : tuple of float
        Share and amount of the loss removed by the first and by the second decade.
    relative_ratio, absolute_ratio : float
        Second decade's gain over the first's; ``*_low``/``*_high`` their intervals.
    doubling_early, doubling_late, doubling_ratio : float
        Share of the loss one doubling removes in each decade (``1 - (1 - g)**log10 2``) and their ratio.
    top_gain : float
        Loss removed over the top window ``[top_from, top_to]`` of the compute the runs reach; ``top_low``,
        ``top_high`` its interval. Zero when the largest runs are no better than the smaller ones: a wall.
    top_from, top_to : float
    n_top : int
        Runs inside the top window.
    level : float
    n_boot : int
        Resamples used (those with a run below the first budget).
    """

    budgets: tuple
    best_loss: tuple
    relative_gain: tuple
    absolute_gain: tuple
    relative_ratio: float
    relative_ratio_low: float
    relative_ratio_high: float
    absolute_ratio: float
    absolute_ratio_low: float
    absolute_ratio_high: float
    doubling_early: float
    doubling_late: float
    doubling_ratio: float
    doubling_ratio_low: float
    doubling_ratio_high: float
    top_gain: float
    top_low: float
    top_high: float
    top_from: float
    top_to: float
    n_top: int
    level: float
    n_boot: int


def _ratios(best):
    """Relative and absolute gains of the two decades and their ratios, for rows of best losses (m, 3)."""
    rel = 1 - best[:, 1:] / best[:, :-1]
    ab = best[:, :-1] - best[:, 1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        rr = np.where(rel[:, 0] > 0, rel[:, 1] / rel[:, 0], np.inf)
        ar = np.where(ab[:, 0] > 0, ab[:, 1] / ab[:, 0], np.inf)
    dbl = 1 - (1 - rel) ** np.log10(2.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        dr = np.where(dbl[:, 0] > 0, dbl[:, 1] / dbl[:, 0], np.inf)
    return rel, ab, rr, ar, dbl, dr


def _interval(draws, level):
    """Percentile interval of ``draws``; an infinite draw (a decade that bought nothing) sorts last, so a
    ratio whose denominator can vanish gets an unbounded upper end, kept finite as a large number."""
    d = np.sort(np.asarray(draws, float))
    lo, hi = np.percentile(np.where(np.isfinite(d), d, 1e12), [50 * (1 - level), 50 * (1 + level)])
    return float(lo), float(hi)


@checked_cache(maxsize=32)
def measured_returns(start: float = DEFAULT_START, top_dex: float = DEFAULT_TOP_DEX, *, n_boot: int = 400,
                     seed: int = 0, level: float = 0.9) -> MeasuredReturns:
    """Gains of the best loss over two consecutive decades of compute from ``start`` and over the top
    ``top_dex`` decades the runs reach, with intervals from ``n_boot`` resamples of the runs (seeded).

    A decade that bought nothing gives a gain of 0 (and an infinite ratio over it, reported as 1e12); every
    number is finite, so an extreme world is scored, not raised.
    """
    start = float(require_positive("start", start))
    top_dex = float(require_in_range("top_dex", top_dex, 0.1, 2.0))
    n_boot = require_int("n_boot", n_boot, minimum=10, maximum=100_000)
    level = float(require_in_range("level", level, 0.5, 0.999))
    runs = load_chinchilla_runs()
    C, L = runs["C_flop"].to_numpy(float), runs["loss"].to_numpy(float)
    if start < C.min():
        raise ValueError(f"start must be at least the smallest run's compute {C.min():.3g}; got {start:.3g}")
    budgets = start * 10.0 ** np.arange(3)
    top_to = float(C.max())
    top_from = top_to / 10**top_dex
    edges = np.r_[budgets, top_from, top_to]
    best = best_by_budget(C, L, edges)
    rel, ab, rr, ar, dbl, dr = _ratios(best[None, :3])
    rng = np.random.default_rng(require_int("seed", seed, minimum=0))
    counts = np.stack([np.bincount(rng.integers(0, C.size, C.size), minlength=C.size) for _ in range(n_boot)])
    B = best_by_budget(C, L, edges, counts)
    B = B[np.isfinite(B).all(axis=1)]
    _, _, RR, AR, _, DR = _ratios(B[:, :3])
    top = best[3] - best[4]
    T = B[:, 3] - B[:, 4]
    return MeasuredReturns(
        tuple(map(float, budgets)), tuple(map(float, best[:3])), tuple(map(float, rel[0])), tuple(map(float, ab[0])),
        float(min(rr[0], 1e12)), *_interval(RR, level), float(min(ar[0], 1e12)), *_interval(AR, level),
        float(dbl[0, 0]), float(dbl[0, 1]), float(min(dr[0], 1e12)), *_interval(DR, level),
        float(top), *_interval(T, level), top_from, top_to, int(np.sum((C >= top_from) & (C <= top_to))),
        level, int(len(B)))


# --- Shape against scale (Gemstones) ----------------------------------------------------------------------

@dataclass(frozen=True)
class ShapeVsScale:
    """How much model shape moves the loss compared with model size, on runs that saw the same tokens.

    Attributes
    ----------
    shape_rms : float
        RMS residual of log loss around a power law in parameters (what shape, at a given size, moves).
    shape_max : float
        The largest absolute residual (the most extreme shape).
    decade_effect : float
        Change of log loss per tenfold parameters along that power law.
    ratio : float
        ``shape / decade_effect`` with the shape measured as ``measure`` says: below 1, shape matters less than
        a decade of scale; ``ratio_low``/``ratio_high`` its interval over resampled models.
    worst_shape : str
        The model farthest from the law.
    n_models : int
    tokens : float
        Training tokens of every run compared.
    measure : str
    """

    shape_rms: float
    shape_max: float
    decade_effect: float
    ratio: float
    ratio_low: float
    ratio_high: float
    worst_shape: str
    n_models: int
    tokens: float
    measure: str


def _shape(x, y, measure):
    slope, intercept = np.polyfit(x, y, 1)
    resid = y - (intercept + slope * x)
    shape = float(np.sqrt(np.mean(resid**2))) if measure == "rms" else float(np.max(np.abs(resid)))
    decade = float(abs(slope) * np.log(10))
    return resid, shape, decade


@checked_cache(maxsize=16)
def shape_vs_scale(group: str = "largest", measure: str = "rms", *, n_boot: int = 300, seed: int = 0,
                   level: float = 0.9) -> ShapeVsScale:
    """Gemstones cool-down runs of one common token count (``group``: the ``"largest"`` or ``"smallest"`` count
    every model reached): log loss against log parameters; the shape effect is the RMS (``measure="rms"``) or
    the largest (``"max"``) residual, over the change of log loss per tenfold parameters."""
    if group not in ("largest", "smallest"):
        raise ValueError(f"group must be 'largest' or 'smallest'; got {group!r}")
    if measure not in ("rms", "max"):
        raise ValueError(f"measure must be 'rms' or 'max'; got {measure!r}")
    n_boot = require_int("n_boot", n_boot, minimum=10, maximum=100_000)
    g = load_gemstones()
    starts = g["cooldown_start_tokens"]
    s = g[starts == (starts.max() if group == "largest" else starts.min())]
    x, y = np.log(s["params"].to_numpy(float)), np.log(s["val_loss"].to_numpy(float))
    resid, shape, decade = _shape(x, y, measure)
    rng = np.random.default_rng(require_int("seed", seed, minimum=0))
    draws = []
    for _ in range(n_boot):
        i = rng.integers(0, x.size, x.size)
        if np.ptp(x[i]) > 0:
            _, sh, de = _shape(x[i], y[i], measure)
            draws.append(sh / de if de > 0 else 1e12)
    lo, hi = fitting.percentile_interval(draws, level)
    i = int(np.argmax(np.abs(resid)))
    return ShapeVsScale(float(np.sqrt(np.mean(resid**2))), float(np.max(np.abs(resid))), decade,
                        shape / decade if decade > 0 else 1e12, float(lo), float(hi), str(s["model"].iloc[i]),
                        int(len(s)), float(s["tokens"].median()), measure)

