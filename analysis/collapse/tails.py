"""Tails and scaling laws: what tail-cut synthetic data does to a loss-vs-data curve (Dohmatob et al. 2024).

Dohmatob et al. (2024, ``dohmatob2024tails``) explain model collapse as a change of the scaling law: data
from a model whose distribution has lost its tail teach nothing about the tail, so the test error stops
falling with more data once the head is learned. Their simplest learner is Hutter's (2021) "memorising"
model: it answers a test token correctly if it has seen that token type in training, so its test error
after T training tokens is the probability that a fresh test token is of a type never seen,

    E(T) = sum_i p_i (1 - q_i) ** T,

where p is the test (human) distribution and q the training distribution. For a Zipf-like p, E(T) falls
as a power of T. Training on a mixture q = (1 - s) p + s p_k, where p_k is p cut to its k most frequent
types (a tail-cut generator, as with top-k sampling) and s is the synthetic share, changes the curve:
with s = 1 it plateaus at the true mass beyond rank k; with s < 1 it flattens near that level and only
resumes falling once (1 - s) T real tokens have covered the tail.

Here p is the real English word distribution of ``wordfreq`` (``speer2022wordfreq``), its 300,000 most
frequent words, and every E(T) is computed exactly (an expectation, no sampling); the tests check it
against simulation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.collapse.vocab import _weighted_sum as weighted_sum, word_frequencies
from analysis.house.validation import (checked_cache, require_in_range, require_int, require_nonnegative, require_number,
                                       require_positive, require_positive_number, require_sequence,
                                       require_vector)

#: Default synthetic shares of the chapter's curves.
SHARES = (0.0, 0.5, 0.9, 0.99, 1.0)
#: Default rank at which the synthetic generator cuts the tail (it knows only the k most frequent words).
TAIL_CUT_RANK = 10_000
#: Word types of the test distribution (the wordfreq list's 300,000 most frequent English words).
N_TYPES = 300_000
#: Largest vocabulary a caller may ask for (wordfreq's English list holds a few hundred thousand words).
MAX_TYPES = 1_000_000
#: Largest number of token counts on one curve.
MAX_POINTS = 10_000


def tail_cut(probabilities, k: int) -> np.ndarray:
    """``probabilities`` (sorted from most to least frequent) cut to the first ``k`` types and renormalised."""
    p = require_vector("probabilities", probabilities, require_positive)
    k = require_int("k", k, minimum=1)
    if k >= p.size:
        raise ValueError(f"k must be below the number of types {p.size}; got {k}")
    out = np.zeros_like(p)
    out[:k] = p[:k] / p[:k].sum()
    return out


def memorisation_error(test_probabilities, train_probabilities, tokens) -> np.ndarray:
    """Expected test error of the memorising learner after ``tokens`` training tokens: the probability that
    a test token (from ``test_probabilities``) is of a type absent from the training sample (drawn from
    ``train_probabilities``), sum_i p_i (1 - q_i)**T.

    Parameters
    ----------
    test_probabilities, train_probabilities : array_like
        Distributions over the same types (non-negative, each summing to 1 within 1e-9).
    tokens : float or array_like
        Training tokens T (>= 1; need not be whole).
    """
    p = require_vector("test_probabilities", test_probabilities, require_nonnegative)
    q = require_vector("train_probabilities", train_probabilities, require_nonnegative)
    if p.shape != q.shape:
        raise ValueError(f"test_probabilities and train_probabilities must be over the same types; got shapes "
                         f"{p.shape}, {q.shape}")
    for name, arr in (("test_probabilities", p), ("train_probabilities", q)):
        if abs(arr.sum() - 1) > 1e-9:
            raise ValueError(f"{name} must sum to 1; got {arr.sum():.12g}")
    t = require_positive("tokens", tokens)
    if np.any(t < 1):
        raise ValueError(f"tokens must be at least 1; got {t.min()!r}")
    miss = _MissProbability(q)
    if t.ndim == 0:
        return float(weighted_sum(miss(t), p))
    return np.array([weighted_sum(miss(x), p) for x in t.ravel()]).reshape(t.shape)


class _MissProbability:
    """(1 - q_i)**T for every type, as exp(T * log1p(-q_i)), for many T with the same q.

    Types the training distribution never produces (q_i = 0, the cut tail: most of the 300,000) have
    log1p(-q_i) = 0 and so exactly 1; only the others go through ``exp``, which is most of the cost.
    """

    def __init__(self, q: np.ndarray):
        self.log_miss = np.log1p(-np.minimum(q, 1 - 1e-16))
        self.seen = np.flatnonzero(self.log_miss != 0)
        self.all_seen = self.seen.size == self.log_miss.size

    def __call__(self, t) -> np.ndarray:
        if self.all_seen:
            return np.exp(t * self.log_miss)
        out = np.ones_like(self.log_miss)
        out[self.seen] = np.exp(t * self.log_miss[self.seen])
        return out


def local_exponent(tokens, error) -> np.ndarray:
    """Local scaling exponent -d log E / d log T between neighbouring points (length n - 1)."""
    t, e = require_vector("tokens", tokens, require_positive), require_vector("error", error, require_positive)
    if t.shape != e.shape or t.size < 2:
        raise ValueError(f"tokens and error must be 1-D arrays of the same length (>= 2); got {t.shape}, {e.shape}")
    if np.any(np.diff(t) == 0):
        raise ValueError(f"tokens must not repeat a neighbour (the exponent divides by their log ratio); got {t!r:.60}")
    return -np.diff(np.log(e)) / np.diff(np.log(t))


@checked_cache(maxsize=4)
def english(n_types: int = N_TYPES) -> np.ndarray:
    """The test distribution: wordfreq's ``n_types`` most frequent English words, renormalised."""
    return word_frequencies(require_int("n_types", n_types, minimum=10, maximum=MAX_TYPES))["probability"].to_numpy()


def scaling_curves(k: int = TAIL_CUT_RANK, shares: tuple = SHARES, t_min: float = 1e2, t_max: float = 1e7,
                   n_points: int = 41, n_types: int = N_TYPES) -> pd.DataFrame:
    """Memorisation error against training tokens for each synthetic share (long table).

    Columns: ``synthetic_share``, ``tokens``, ``error``, ``local_exponent`` (between this point and the
    previous one; NaN at the first). Cached (a copy is returned): the chapter and :func:`plateau_table`
    ask for the same curves.
    """
    k = require_int("k", k, minimum=1)
    s = require_in_range("shares", require_vector("shares", shares), 0.0, 1.0)
    n_points = require_int("n_points", n_points, minimum=3, maximum=MAX_POINTS)
    n_types = require_int("n_types", n_types, minimum=10, maximum=MAX_TYPES)
    lo, hi = float(require_positive("t_min", t_min)), float(require_positive("t_max", t_max))
    if not 1 <= lo < hi:
        raise ValueError(f"t_min must be at least 1 and below t_max; got {lo}, {hi}")
    return _scaling_curves(k, tuple(s.tolist()), lo, hi, n_points, n_types).copy()


@lru_cache(maxsize=8)
def _scaling_curves(k: int, shares: tuple, lo: float, hi: float, n_points: int, n_types: int) -> pd.DataFrame:
    """:func:`scaling_curves` on checked (hashable) arguments."""
    p = english(n_types)
    cut = tail_cut(p, k)
    tokens = np.logspace(np.log10(lo), np.log10(hi), n_points)
    frames = []
    for share in shares:
        err = memorisation_error(p, (1 - share) * p + share * cut, tokens)
        frames.append(pd.DataFrame({"synthetic_share": float(share), "tokens": tokens, "error": err,
                                    "local_exponent": np.r_[np.nan, local_exponent(tokens, err)]}))
    return pd.concat(frames, ignore_index=True)


@dataclass(frozen=True)
class Plateau:
    """Summary of one curve of :func:`scaling_curves`.

    Attributes
    ----------
    synthetic_share : float
    error_at_budget : float
        Error at the largest token count.
    ratio_to_real : float
        ``error_at_budget`` over the all-real curve's error at the same budget.
    flattest_exponent : float
        Smallest local exponent once the head is learned (tokens >= 1e4): 0 is a true plateau; the
        all-real curve's exponent there is the reference.
    plateau_error : float
        Error where the curve is flattest: the plateau level.
    tokens_to_match : float
        Tokens this mixture needs to reach the all-real error at the budget (inf if never within the grid
        extended by root finding up to 1e15).
    """

    synthetic_share: float
    error_at_budget: float
    ratio_to_real: float
    flattest_exponent: float
    plateau_error: float
    tokens_to_match: float


@checked_cache(maxsize=8)
def plateau_table(k: int = TAIL_CUT_RANK, shares: tuple = SHARES, t_max: float = 1e7,
                  n_types: int = N_TYPES) -> pd.DataFrame:
    """One :class:`Plateau` row per synthetic share, plus ``tail_mass`` (true mass beyond rank k, the
    plateau the theory predicts for share 1) and ``real_exponent_at_plateau`` (the all-real curve's local
    exponent at the token count where this curve is flattest)."""
    curves = scaling_curves(k, require_sequence("shares", shares), t_max=t_max, n_types=n_types)
    p = english(n_types)
    cut = tail_cut(p, k)
    real = curves[curves["synthetic_share"] == 0.0]["error"].to_numpy()
    # share 0 trains on (1 - 0) * p + 0 * cut, which is p to the last bit: its curve is the all-real one
    real_err = real if real.size else memorisation_error(p, p, curves["tokens"].unique())
    target = float(real_err[-1])
    rows = []
    for share, c in curves.groupby("synthetic_share", sort=False):
        late = c[c["tokens"] >= 1e4]
        i = late["local_exponent"].idxmin()
        q = (1 - share) * p + share * cut
        rows.append({**Plateau(float(share), float(c["error"].iloc[-1]), float(c["error"].iloc[-1] / target),
                               float(late.loc[i, "local_exponent"]), float(late.loc[i, "error"]),
                               _tokens_to_reach(p, q, target)).__dict__,
                     "real_exponent_at_plateau": float(np.interp(np.log(late.loc[i, "tokens"]),
                                                                 np.log(c["tokens"].to_numpy()[1:]),
                                                                 local_exponent(c["tokens"].to_numpy(), real_err)))})
    out = pd.DataFrame(rows)
    out["tail_mass"] = float(p[k:].sum())
    return out


def _tokens_to_reach(p: np.ndarray, q: np.ndarray, target: float, t_cap: float = 1e15) -> float:
    """Smallest T with memorisation_error(p, q, T) <= target (bisection on log T, 45 steps: relative
    precision ~1e-12 of the bracket); inf if the error is still above ``target`` at ``t_cap``."""
    miss = _MissProbability(q)
    err = lambda log_t: float(weighted_sum(miss(np.exp(log_t)), p))  # noqa: E731
    if err(np.log(t_cap)) > target:
        return float("inf")
    lo, hi = 0.0, np.log(t_cap)
    for _ in range(45):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if err(mid) > target else (lo, mid)
    return float(np.exp(hi))


def augmentation_error(real_tokens, synthetic_tokens, k: int = TAIL_CUT_RANK, n_types: int = N_TYPES) -> float:
    """Memorisation error after ``real_tokens`` human tokens plus ``synthetic_tokens`` tokens of the tail-cut
    generator (counts fixed, not shares): sum_i p_i (1 - p_i)**R (1 - p_k,i)**S.

    Adding synthetic tokens to a fixed human budget can only lower this error (the head is seen more
    often, the tail is no worse), which is the sense in which tail-cut synthetic data *augment* real data;
    replacing human tokens with them is what raises it.
    """
    r = require_positive_number("real_tokens", real_tokens)
    s = require_number("synthetic_tokens", synthetic_tokens, 0.0)
    p = english(n_types)
    cut = tail_cut(p, k)
    log_miss = r * np.log1p(-p) + s * np.log1p(-np.minimum(cut, 1 - 1e-16))
    return float(weighted_sum(np.exp(log_miss), p))
