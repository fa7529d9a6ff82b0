"""What Muennighoff et al.'s 182 runs show directly, with no fitted law, under the choices a careful analyst
could make differently (which runs count as fresh, how the envelope is drawn, where the range is split,
which pairs of runs are compared, how large a loss rise counts), with bootstrap intervals.

Three quantities, each read the same way wherever it is used:

- :func:`fresh_returns`: how much loss each tenfold increase of fresh data removes in the upper part of the
  data range, relative to the lower part (the ratio is 1 when loss is exactly linear in log data);
- :func:`repetition_pairs`: among runs with the same parameters and tokens, how often the run that repeats
  its data more ends with the higher loss, and by how much;
- :func:`loss_rises`: among runs with the same parameters and unique data, how often training on more
  (repeated) tokens raised the final loss by more than a stated margin.

Every function returns finite numbers whatever the runs hold (a world where loss never rises, or where
data buys nothing, is scored, not refused). Units: tokens, nats/token. Part of the data-wall chapter.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.datawall.data_constrained import load_datablations_runs
from analysis.house.validation import (checked_cache, require_choice, require_in_range, require_int, require_number,
                                       require_seed)

#: How the loss-against-data curve is drawn from the runs: the best run at each token count made
#: monotone (the best loss reachable with *at most* D tokens), or the best run at each token count as is.
ENVELOPES = ("cummin", "best_per_D")
#: Which pairs of runs with equal parameters and tokens are compared: neighbours in unique data, or all.
PAIRINGS = ("adjacent", "all")
#: A ratio standing for "no finite multiple of data buys a gain here" (the lower part of the range buys
#: nothing): large enough to fail any reading of "equal gains", finite so the judge can score it.
NO_GAIN_RATIO = 1e6


def _slope(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least-squares slopes along the last axis; NaN where x does not vary."""
    xm = x - x.mean(axis=-1, keepdims=True)
    ym = y - y.mean(axis=-1, keepdims=True)
    sxx = (xm * xm).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(sxx > 0, (xm * ym).sum(axis=-1) / np.where(sxx > 0, sxx, 1.0), np.nan)


def _ratio(high: np.ndarray, low: np.ndarray) -> np.ndarray:
    """Gain per decade in the upper part over the lower part; :data:`NO_GAIN_RATIO` where the lower part
    buys nothing (its drop is not positive)."""
    tiny = 1e-12
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(low > tiny, high / np.where(low > tiny, low, 1.0), NO_GAIN_RATIO)


@dataclass(frozen=True)
class FreshReturns:
    """Loss removed per tenfold fresh data, in the lower and upper parts of the data range.

    Attributes
    ----------
    tokens, loss : ndarray
        The curve the slopes are fitted to (tokens; nats/token).
    split_tokens : float
        Token count at the split (the ``split_quantile`` of the curve's log10 tokens).
    drop_low, drop_high, drop_all : float
        Loss removed per tenfold more data (nats/token; positive when data helps) in the lower part, the
        upper part and over the whole curve (least squares on log10 tokens).
    drop_all_low, drop_all_high : float
        Bootstrap interval of ``drop_all`` (points resampled).
    ratio : float
        ``drop_high / drop_low``: 1 when the loss is linear in log data (each tenfold buys the same gain),
        below 1 when each tenfold buys less, above 1 when it buys more.
    ratio_low, ratio_high : float
        Bootstrap interval of the ratio (points resampled within each part).
    n_low, n_high : int
        Points in each part.
    level : float
    """

    tokens: np.ndarray
    loss: np.ndarray
    split_tokens: float
    drop_low: float
    drop_high: float
    drop_all: float
    drop_all_low: float
    drop_all_high: float
    ratio: float
    ratio_low: float
    ratio_high: float
    n_low: int
    n_high: int
    level: float


@checked_cache(maxsize=128)
def fresh_returns(max_epochs: float = 1.0, envelope: str = "cummin", split_quantile: float = 0.5,
                  n_boot: int = 2000, seed: int = 0, level: float = 0.9, drop_smallest: int = 0) -> FreshReturns:
    """How much loss each tenfold increase of (nearly) fresh data removes, below and above a split.

    Parameters
    ----------
    max_epochs : float
        Runs with at most this many epochs (D/U) count as trained on fresh data (1: single-epoch runs only;
        4: Muennighoff et al. find up to about four epochs nearly as good as fresh data).
    envelope : str
        One of :data:`ENVELOPES`.
    split_quantile : float
        Where the range is split, as a quantile of the curve's log10 tokens (in (0, 1)).
    n_boot : int
        Bootstrap resamples of the points (within each part for the ratio).
    seed : int
    level : float
        Central probability of the reported intervals.
    drop_smallest : int
        Drop this many of the smallest fresh-data sizes from the curve (0 keeps all).
    """
    max_epochs = float(require_in_range("max_epochs", max_epochs, 1.0, 1e6))
    drop_smallest = require_int("drop_smallest", drop_smallest, minimum=0, maximum=1000)
    envelope = require_choice("envelope", envelope, ENVELOPES)
    q = float(require_in_range("split_quantile", split_quantile, 0.0, 1.0, inclusive=False))
    n_boot = require_int("n_boot", n_boot, minimum=10, maximum=1_000_000)
    seed = require_seed(seed)
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    runs = load_datablations_runs()
    fresh = runs[runs["epochs"] <= max_epochs * (1 + 1e-9)]
    curve = fresh.groupby("D")["loss"].min().sort_index()
    if envelope == "cummin":
        curve = curve.cummin()
    curve = curve.iloc[drop_smallest:]
    x, y = np.log10(curve.index.to_numpy(dtype=float)), curve.to_numpy(dtype=float)
    split = float(np.quantile(x, q)) if len(x) else 0.0
    lo_mask, hi_mask = x <= split, x > split
    nan = float("nan")
    d_low = -float(_slope(x[lo_mask], y[lo_mask])) if lo_mask.sum() >= 2 else nan
    d_high = -float(_slope(x[hi_mask], y[hi_mask])) if hi_mask.sum() >= 2 else nan
    d_all = -float(_slope(x, y)) if len(x) >= 2 else nan
    rng = np.random.default_rng(seed)
    tail = (50 * (1 - level), 50 * (1 + level))

    def boot_drops(xs, ys):
        if len(xs) < 2:
            return np.full(n_boot, np.nan)
        idx = rng.integers(0, len(xs), (n_boot, len(xs)))
        return -_slope(xs[idx], ys[idx])

    b_low, b_high = boot_drops(x[lo_mask], y[lo_mask]), boot_drops(x[hi_mask], y[hi_mask])
    b_all = boot_drops(x, y)
    ratios = _ratio(b_high, b_low)
    ok = np.isfinite(ratios) & np.isfinite(b_high)
    r_lo, r_hi = (np.percentile(ratios[ok], tail) if ok.any() else (NO_GAIN_RATIO, NO_GAIN_RATIO))
    a_ok = np.isfinite(b_all)
    a_lo, a_hi = np.percentile(b_all[a_ok], tail) if a_ok.any() else (0.0, 0.0)
    # Finite numbers in every world: a part with fewer than two token counts buys nothing measurable.
    d_low, d_high, d_all = (0.0 if not np.isfinite(v) else v for v in (d_low, d_high, d_all))
    ratio = float(_ratio(np.array(d_high), np.array(d_low)))
    return FreshReturns(10.0**x, y, float(10**split), d_low, d_high, d_all, float(a_lo), float(a_hi), ratio,
                        float(r_lo), float(r_hi), int(lo_mask.sum()), int(hi_mask.sum()), level)


@dataclass(frozen=True)
class RepetitionPairs:
    """Pairs of runs with the same parameters and tokens but different unique data.

    Attributes
    ----------
    n_pairs : int
        Pairs compared.
    n_more_repeated_worse : int
        Pairs in which the run with fewer unique tokens (more epochs) ends with the higher loss.
    median_penalty : float
        Median over pairs of (loss of the more repeated run / loss of the other - 1); 0 when there is no pair.
    median_penalty_low, median_penalty_high : float
        Bootstrap interval of the median (pairs resampled).
    level : float
    """

    n_pairs: int
    n_more_repeated_worse: int
    median_penalty: float
    median_penalty_low: float
    median_penalty_high: float
    level: float


@checked_cache(maxsize=64)
def repetition_pairs(pairing: str = "adjacent", max_epochs: float = float("inf"), n_boot: int = 2000,
                     seed: int = 0, level: float = 0.9) -> RepetitionPairs:
    """Compare runs that differ only in how often their data repeats (same N and D, different U).

    Parameters
    ----------
    pairing : str
        One of :data:`PAIRINGS`: neighbours in unique data within a group, or every pair of the group.
    max_epochs : float
        Only pairs whose more repeated run has at most this many epochs (``inf``: all pairs).
    n_boot, seed, level
        Bootstrap of the median penalty over pairs.
    """
    pairing = require_choice("pairing", pairing, PAIRINGS)
    max_epochs = np.inf if max_epochs == np.inf else require_number("max_epochs", max_epochs)
    if not max_epochs >= 1.0:
        raise ValueError(f"max_epochs must be at least 1 (or inf); got {max_epochs!r}")
    n_boot = require_int("n_boot", n_boot, minimum=10, maximum=1_000_000)
    seed = require_seed(seed)
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    runs = load_datablations_runs()
    worse, penalties = [], []
    for _, f in runs.groupby(["N", "D"]):
        rows = list(f.sort_values("U").itertuples())
        if pairing == "adjacent":
            candidates = list(zip(rows, rows[1:]))
        else:
            candidates = [(a, b) for i, a in enumerate(rows) for b in rows[i + 1:]]
        for a, b in candidates:  # a has fewer unique tokens: it repeats its data more
            if a.U < b.U and a.epochs <= max_epochs * (1 + 1e-9):
                worse.append(a.loss > b.loss)
                penalties.append(a.loss / b.loss - 1)
    if not penalties:
        return RepetitionPairs(0, 0, 0.0, 0.0, 0.0, level)
    pen = np.asarray(penalties)
    rng = np.random.default_rng(seed)
    boot = np.median(pen[rng.integers(0, len(pen), (n_boot, len(pen)))], axis=1)
    lo, hi = np.percentile(boot, [50 * (1 - level), 50 * (1 + level)])
    return RepetitionPairs(len(pen), int(np.sum(worse)), float(np.median(pen)), float(lo), float(hi), level)


@dataclass(frozen=True)
class LossRises:
    """Steps to more (repeated) tokens at fixed parameters and unique data that raised the final loss.

    Attributes
    ----------
    n_steps : int
        Steps between neighbouring runs of a group (same N and U, increasing D).
    n_rose : int
        Steps whose loss rose by more than ``min_rise`` (a fraction of the previous loss).
    fewest_epochs : float
        Smallest epoch count reached by such a step; 0 when no step rose.
    largest_rise : float
        Largest relative rise over all steps (negative when every step lowered the loss; 0 with no step).
    min_rise : float
    """

    n_steps: int
    n_rose: int
    fewest_epochs: float
    largest_rise: float
    min_rise: float


@checked_cache(maxsize=32)
def loss_rises(min_rise: float = 0.01, min_params: float = 0.0) -> LossRises:
    """Count the steps to more epochs of the same data that made the model worse by more than ``min_rise``.

    Parameters
    ----------
    min_rise : float
        A step counts when the loss rose by more than this fraction of the previous loss (a margin above
        run-to-run noise; 0 counts any rise).
    min_params : float
        Only models with at least this many parameters.
    """
    min_rise = float(require_in_range("min_rise", min_rise, 0.0, 1.0))
    min_params = float(require_in_range("min_params", min_params, 0.0, 1e15))
    runs = load_datablations_runs()
    runs = runs[runs["N"] >= min_params]
    steps, rose, rises = 0, [], []
    for _, f in runs.groupby(["N", "U"]):
        rows = list(f.sort_values("D").itertuples())
        for a, b in zip(rows, rows[1:]):
            steps += 1
            rises.append(b.loss / a.loss - 1)
            if b.loss > a.loss * (1 + min_rise):
                rose.append(b.epochs)
    return LossRises(steps, len(rose), float(min(rose)) if rose else 0.0,
                     float(max(rises)) if rises else 0.0, min_rise)
