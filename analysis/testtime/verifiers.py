"""Picking the answer: majority votes, imperfect verifiers and answer guessing, from counts of correct samples.

Coverage (:mod:`analysis.testtime.passk`) credits a problem as soon as *any* sample is right, as if a perfect checker
picked it. This module asks what practical selectors deliver from the same counts.

* **Majority vote.** Brown et al.'s released counts say how many samples were right, not which wrong
  answers they gave, so a vote can be *bounded* from the data but not computed: its best case has wrong
  answers never agreeing, its worst case has every wrong sample give the same wrong answer
  (:func:`majority_vote_bounds`). For two kinds of problem the counts decide the vote at large k whatever
  the wrong answers are: none right (the vote is wrong) and more than half right (the vote is right),
  :func:`vote_decided_share`.
* **An imperfect verifier** (Stroebl et al. 2024, bibtex ``stroebl2024inferencescaling``): draw samples
  until the verifier accepts one, at most k; abstain if none is accepted. A correct sample is accepted with
  probability ``recall``, a wrong one with the false-positive rate ``fpr``. Resampling cannot lower the
  share of accepted samples that are wrong, so accuracy is capped by the verifier's precision at any budget
  (:func:`verifier_cap`); if a returned wrong answer costs ``fp_cost`` (an abstention costs nothing, a right
  answer gains 1), the expected utility peaks at a finite budget (:func:`verifier_optimum`).
* **Guessing.** A MATH answer is often a small integer, which a model can hit without solving anything;
  a perfect checker credits such hits. :func:`blind_guess_coverage` is the coverage of a problem-blind
  guesser among ``n_candidates`` equally likely answers, and :func:`guess_adjusted_coverage` counts only
  problems a model solves more often than that guesser would.

Samples are treated as independent draws with per-problem success rate p = c / n (with replacement).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize, stats

from analysis.testtime.passk import MAX_SAMPLES, _require_counts, coverage, pass_at_k
from analysis.house.validation import require_in_range, require_int

#: Majority votes are computed up to this many samples (they have long settled by then).
MAJORITY_K_MAX = 1000
#: Largest budget :func:`verifier_optimum` searches (every k from 1 is evaluated, so memory grows with it).
MAX_BUDGET = 100_000

#: The one verifier of the test-time chapter (its parameters default to these): it accepts every correct
#: sample (recall 1, as unit tests accept a correct program) and 1 % of wrong ones. An assumption to vary,
#: not a measured verifier; Stroebl et al. measure false positives of unit tests, not of MATH checkers.
VERIFIER_RECALL = 1.0
VERIFIER_FPR = 0.01
#: Utility of returning a wrong answer, relative to +1 for a right one and 0 for abstaining (an assumption:
#: a confident wrong answer is taken to do as much harm as a right one does good).
FALSE_POSITIVE_COST = 1.0

#: Stroebl et al. (2024), arXiv:2411.17501, abstract and Figure 1(b): with a cost for false positives the
#: optimal number of resampling attempts is often below this many (HumanEval+/MBPP+ with their unit tests).
STROEBL_OPTIMAL_K_BELOW = 10


def _rates(c, n) -> np.ndarray:
    c = _per_problem(c)
    n = _require_n(n)
    if np.any(c > n):
        raise ValueError(f"c must not exceed n = {n}; got {int(np.max(c))}")
    return np.ravel(c) / n


def _per_problem(c) -> np.ndarray:
    """Correct samples per problem: whole, non-negative counts, one value or a 1-D array (one per problem)."""
    c = _require_counts("c", c)
    if c.ndim > 1:
        raise ValueError(f"c must hold one count per problem (1-D); got shape {c.shape}")
    return c


def require_verifier(recall, fpr) -> tuple[float, float]:
    """A verifier's (recall, fpr): each in [0, 1], and recall above fpr (else it selects nothing)."""
    return _verifier(recall, fpr)


def _verifier(recall, fpr) -> tuple[float, float]:
    r = float(require_in_range("recall", recall, 0.0, 1.0))
    f = float(require_in_range("fpr", fpr, 0.0, 1.0))
    if r <= f:
        raise ValueError(f"recall must exceed fpr (a verifier no better than chance selects nothing); "
                         f"got recall = {r}, fpr = {f}")
    return r, f


def _require_n(n) -> int:
    n = require_int("n", n, minimum=1)
    if n > MAX_SAMPLES:
        raise ValueError(f"n must be at most {MAX_SAMPLES:,} samples per problem; got {n}")
    return n


def _ks(k) -> np.ndarray:
    k = np.atleast_1d(_require_counts("k", k))
    if np.any(k < 1):
        raise ValueError(f"k must be at least 1; got {int(k.min())}")
    if np.any(k > MAX_SAMPLES):
        raise ValueError(f"k must be at most {MAX_SAMPLES:,} samples; got {int(k.max())}")
    return k


def _require_candidates(n_candidates) -> int:
    m = require_int("n_candidates", n_candidates, minimum=2)
    if m > MAX_SAMPLES:
        raise ValueError(f"n_candidates must be at most {MAX_SAMPLES:,}; got {m}")
    return m


# --- Majority vote -------------------------------------------------------------------------------------

def majority_vote_accuracy(c, n, k: int, dominant_wrong_share: float) -> float:
    """Expected accuracy of a plurality vote over ``k`` samples, averaged over problems.

    Each wrong sample lands on one dominant wrong answer with probability ``dominant_wrong_share`` and is
    otherwise different from every other sample. The correct answer wins with more votes than the dominant
    wrong one; ties are broken at random (a single correct vote ties with every singleton, so it wins with
    probability 1 / k when no wrong answer has two votes). ``dominant_wrong_share`` = 0 is the vote's best
    case, 1 its worst (see :func:`majority_vote_bounds`).

    Parameters
    ----------
    c : array_like of int
        Correct samples per problem.
    n : int
        Samples per problem.
    k : int
        Samples voted on (1 <= k <= :data:`MAJORITY_K_MAX`).
    dominant_wrong_share : float
        In [0, 1].
    """
    p, k = _vote_inputs(c, n, k)
    s = float(require_in_range("dominant_wrong_share", dominant_wrong_share, 0.0, 1.0))
    return _vote_accuracy(_vote_pmf(p, k), s)


def _vote_inputs(c, n, k) -> tuple[np.ndarray, int]:
    """Per-problem rates c / n and the vote size k, checked."""
    p = _rates(c, n)
    k = require_int("k", k, minimum=1)
    if k > MAJORITY_K_MAX:
        raise ValueError(f"k must be at most {MAJORITY_K_MAX}; got {k}")
    return p, k


def _vote_pmf(p: np.ndarray, k: int) -> np.ndarray:
    """P(x of ``k`` samples correct) for x = 0..k, one row per problem of rate ``p`` (shape (problems, k + 1)),
    binomial; computed once per distinct rate (many problems share one, such as 0)."""
    rates, row = np.unique(p, return_inverse=True)
    x = np.arange(k + 1)
    return stats.binom.pmf(x[None, :], k, rates[:, None])[row.ravel()]   # (problems, k + 1)


def _vote_accuracy(pmf_correct: np.ndarray, s: float) -> float:
    """Mean over problems of P(the correct answer wins the vote), given :func:`_vote_pmf`'s rows and the
    dominant wrong answer's share ``s`` of wrong samples."""
    k = pmf_correct.shape[1] - 1
    x = np.arange(k + 1)
    rest = k - x                                                      # wrong votes when x are correct
    win = stats.binom.cdf(x - 1, rest, s) + 0.5 * stats.binom.pmf(x, rest, s)
    win[0] = 0.0
    win[1] = stats.binom.cdf(1, rest[1], s) / k
    return float(np.mean(pmf_correct @ win))


def majority_vote_bounds(c, n, k: int) -> tuple[float, float]:
    """(worst, best) expected accuracy of a majority vote over ``k`` samples: every wrong sample on one wrong
    answer, and no two wrong samples agreeing. The counts imply nothing tighter."""
    pmf_correct = _vote_pmf(*_vote_inputs(c, n, k))  # shared by both cases
    return _vote_accuracy(pmf_correct, 1.0), _vote_accuracy(pmf_correct, 0.0)


def vote_decided_share(c, n) -> float:
    """Share of problems whose large-k majority vote the counts decide whatever the wrong answers are:
    no correct sample (the vote is wrong) or more than half correct (the vote is right)."""
    p = _rates(c, n)
    return float(np.mean((p == 0) | (p > 0.5)))


# --- An imperfect verifier (Stroebl et al. 2024) ---------------------------------------------------------

def verifier_accuracy(c, n, k, recall: float = VERIFIER_RECALL, fpr: float = VERIFIER_FPR) -> np.ndarray:
    """Expected accuracy of resampling until the verifier accepts (at most ``k`` samples; abstain if none
    is accepted), averaged over problems: mean of [1 - (1 - a)**k] * p * recall / a, with accept rate
    a = p * recall + (1 - p) * fpr. At k = 1 with recall = 1 it equals pass@1; with fpr = 0 and recall = 1
    it is coverage (with replacement). One accuracy per k."""
    p = _rates(c, n)[:, None]
    r, f = _verifier(recall, fpr)
    k = _ks(k)[None, :]
    a = p * r + (1 - p) * f
    accepted = -np.expm1(k * np.log1p(-np.minimum(a, 1 - 1e-15)))
    accepted = np.where(a >= 1, 1.0, accepted)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(a > 0, p * r / np.where(a > 0, a, 1.0), 0.0)
    return (accepted * precision).mean(axis=0)


def verifier_gain_by_problem(c, n, k: int, recall: float = VERIFIER_RECALL, fpr: float = VERIFIER_FPR) -> np.ndarray:
    """Per problem, the expected accuracy of resampling with the verifier at budget ``k`` minus its accuracy
    with one sample (the terms whose mean is ``verifier_accuracy(k) - verifier_accuracy(1)``): what a
    bootstrap over problems resamples."""
    p = _rates(c, n)
    r, f = _verifier(recall, fpr)
    k = int(_ks(k)[0])
    a = p * r + (1 - p) * f
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(a > 0, p * r / np.where(a > 0, a, 1.0), 0.0)
    def accepted(kk):
        return np.where(a >= 1, 1.0, -np.expm1(kk * np.log1p(-np.minimum(a, 1 - 1e-15))))
    return (accepted(k) - accepted(1)) * precision


def verifier_false_answers(c, n, k, recall: float = VERIFIER_RECALL, fpr: float = VERIFIER_FPR) -> np.ndarray:
    """Expected share of problems on which a wrong answer is returned (accepted false positive), per k."""
    p = _rates(c, n)[:, None]
    r, f = _verifier(recall, fpr)
    k = _ks(k)[None, :]
    a = p * r + (1 - p) * f
    accepted = np.where(a >= 1, 1.0, -np.expm1(k * np.log1p(-np.minimum(a, 1 - 1e-15))))
    with np.errstate(invalid="ignore", divide="ignore"):
        wrong = np.where(a > 0, (1 - p) * f / np.where(a > 0, a, 1.0), 0.0)
    return (accepted * wrong).mean(axis=0)


def verifier_cap(c, n, recall: float = VERIFIER_RECALL, fpr: float = VERIFIER_FPR) -> float:
    """Accuracy of resampling with unlimited budget: the mean over problems of the verifier's precision
    p * recall / (p * recall + (1 - p) * fpr) (problems with no correct sample contribute 0)."""
    p = _rates(c, n)
    r, f = _verifier(recall, fpr)
    a = p * r + (1 - p) * f
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.mean(np.where(a > 0, p * r / np.where(a > 0, a, 1.0), 0.0)))


def verifier_utility(c, n, k, recall: float = VERIFIER_RECALL, fpr: float = VERIFIER_FPR,
                     fp_cost: float = FALSE_POSITIVE_COST) -> np.ndarray:
    """Expected utility per problem of resampling with the verifier: +1 for a right answer returned,
    -``fp_cost`` for a wrong one, 0 for abstaining. One value per k."""
    cost = float(require_in_range("fp_cost", fp_cost, 0.0, 1e6))
    return verifier_accuracy(c, n, k, recall, fpr) - cost * verifier_false_answers(c, n, k, recall, fpr)


@dataclass(frozen=True)
class VerifierOptimum:
    """Where more samples stop helping a resampler with an imperfect verifier.

    Attributes
    ----------
    k_best : int
        Budget (samples per problem, at most ``k_max``) with the highest expected utility.
    utility_best : float
        That utility (per problem; +1 right, -fp_cost wrong, 0 abstain).
    accuracy_best : float
        Accuracy at ``k_best``.
    pass1 : float
        Accuracy of one sample (the same resampler at k = 1).
    cap : float
        Accuracy with unlimited samples (:func:`verifier_cap`).
    coverage_at_best : float
        Coverage at ``k_best`` (what a perfect checker would deliver with the same samples).
    k_saturation : int
        Smallest budget at which accuracy is within ``tolerance`` of ``cap`` (``k_max`` if none is): beyond
        it more samples add almost nothing even when false positives cost nothing.
    tolerance : float
        Accuracy distance from the cap that counts as saturated (a share; 0.01 is one point).
    k_max : int
        Largest budget searched.
    """

    k_best: int
    utility_best: float
    accuracy_best: float
    pass1: float
    cap: float
    coverage_at_best: float
    k_saturation: int
    tolerance: float
    k_max: int

    @property
    def abstaining_is_better(self) -> bool:
        """True when even the best budget has negative utility: answering nothing would do better."""
        return self.utility_best < 0


def verifier_optimum(c, n, recall: float = VERIFIER_RECALL, fpr: float = VERIFIER_FPR,
                     fp_cost: float = FALSE_POSITIVE_COST, k_max: int | None = None,
                     tolerance: float = 0.01) -> VerifierOptimum:
    """The budget k in 1..``k_max`` (default ``n``) that maximises :func:`verifier_utility`.

    Utility is a sum over problems of P(some sample accepted within k) times a per-problem weight
    precision * (1 + fp_cost) - fp_cost, which is positive where the model is often right and negative
    where accepted samples are mostly false positives; the first fill in at small k, the second keep
    growing with k, so utility rises, peaks and falls once ``fp_cost`` > 0 and ``fpr`` > 0.
    """
    n = _require_n(n)
    k_max = min(n, MAX_BUDGET) if k_max is None else require_int("k_max", k_max, minimum=1)
    if k_max > MAX_BUDGET:
        raise ValueError(f"k_max must be at most {MAX_BUDGET:,}; got {k_max}")
    tol = float(require_in_range("tolerance", tolerance, 0.0, 1.0, inclusive=False))
    ks = np.arange(1, k_max + 1)
    acc = verifier_accuracy(c, n, ks, recall, fpr)
    u = acc - float(require_in_range("fp_cost", fp_cost, 0.0, 1e6)) * verifier_false_answers(c, n, ks, recall, fpr)
    i = int(np.argmax(u))
    cap = verifier_cap(c, n, recall, fpr)
    near = np.flatnonzero(acc >= cap - tol)
    k_sat = int(ks[near[0]]) if near.size else k_max
    cov = float(coverage(np.full_like(_require_counts("c", c), n), c, [min(int(ks[i]), n)])[0])
    return VerifierOptimum(int(ks[i]), float(u[i]), float(acc[i]), float(acc[0]), cap, cov, k_sat, tol, k_max)


def verifier_fpr_for_share(c, n, k: int, share: float, recall: float = VERIFIER_RECALL) -> float:
    """Largest false-positive rate at which resampling with the verifier still keeps ``share`` of the
    coverage gain over one sample at budget ``k``: (accuracy@k - pass@1) / (coverage@k - pass@1).
    Returns 0.0 when even a verifier with no false positives falls short."""
    c = _per_problem(c)
    n = _require_n(n)
    k = require_int("k", k, minimum=2, maximum=MAX_SAMPLES)
    target = float(require_in_range("share", share, 0.0, 1.0, inclusive=False))
    r = float(require_in_range("recall", recall, 0.0, 1.0))
    if r == 0:
        raise ValueError(f"recall must be positive; got {recall!r}")
    p1, cov = coverage(np.full_like(c, n), c, [1, k])
    if cov <= p1:
        raise ValueError(f"c gives no coverage gain at k = {k}; nothing to keep")

    def kept(f: float) -> float:
        return float((verifier_accuracy(c, n, [k], r, f)[0] - p1) / (cov - p1)) - target

    if kept(0.0) < 0:
        return 0.0
    hi = r * (1 - 1e-9)
    if kept(hi) >= 0:
        return hi
    return float(optimize.brentq(kept, 0.0, hi, xtol=1e-8))


# --- Guessing --------------------------------------------------------------------------------------------

def blind_guess_coverage(k, n_candidates: int) -> np.ndarray:
    """Coverage@k of a problem-blind guesser on problems whose answer is one of ``n_candidates`` equally
    likely values (for instance the integers 0 to 99): 1 - (1 - 1 / n_candidates)**k, per k."""
    m = _require_candidates(n_candidates)
    k = _ks(k)
    return -np.expm1(k * np.log1p(-1.0 / m))


def guess_level_mask(c, n, n_candidates: int) -> np.ndarray:
    """True for problems solved at least once but at a per-sample rate no higher than a blind guess among
    ``n_candidates`` answers (0 < c / n <= 1 / n_candidates): the successes a perfect checker would credit
    equally to a guesser."""
    p = _rates(c, n)
    m = _require_candidates(n_candidates)
    return (p > 0) & (p <= 1.0 / m)


def guess_adjusted_coverage(c, n, k, n_candidates: int) -> np.ndarray:
    """Coverage@k counting only problems solved more often than a blind guess among ``n_candidates``
    answers (c / n > 1 / n_candidates); the problems of :func:`guess_level_mask` count as unsolved."""
    c = _per_problem(c)
    n = _require_n(n)
    keep = ~guess_level_mask(c, n, n_candidates) & (np.ravel(c) > 0)
    k = _ks(k)
    out = pass_at_k(n, np.ravel(c)[:, None], k[None, :]) * keep[:, None]
    return out.mean(axis=0)

