"""Selectors from counts of correct samples: majority-vote bounds, the imperfect verifier (Stroebl et al.
2024), its optimum, and the guessing baseline."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.house import data
from analysis.testtime import sampling as tt, passk
from analysis.testtime import verifiers as vf


# --- majority vote ---------------------------------------------------------------------------------

def test_majority_vote_bounds_are_the_two_extreme_votes_to_the_last_bit():
    c = tt._counts("MATH", "Pythia 410M")
    for k in (1, 2, 7, 100):
        assert vf.majority_vote_bounds(c, 10_000, k) == (vf.majority_vote_accuracy(c, 10_000, k, 1.0),
                                                         vf.majority_vote_accuracy(c, 10_000, k, 0.0))
    # problems that share a rate share a row of the binomial table: duplicating them changes no mean
    assert vf.majority_vote_accuracy(np.r_[c, c], 10_000, 9, 0.3) == pytest.approx(
        vf.majority_vote_accuracy(c, 10_000, 9, 0.3), rel=1e-14)


def test_majority_vote_limits():
    c = np.array([6000, 100])
    assert vf.majority_vote_accuracy(c, 10_000, 1, 0.5) == pytest.approx(0.305)  # k = 1 is pass@1
    # p = 0.6 against a dominant wrong answer with 0.4: wins almost surely with many votes;
    # p = 0.01 loses against a wrong answer holding half of the rest.
    assert vf.majority_vote_accuracy(np.array([6000]), 10_000, 1000, 1.0) > 0.999
    assert vf.majority_vote_accuracy(np.array([100]), 10_000, 1000, 0.5) < 1e-6
    # A three-sample vote with one correct sample and no repeated answer is a three-way tie.
    assert vf.majority_vote_accuracy(np.array([1]), 3, 3, 0.0) == pytest.approx(
        1 / 3 * 3 * (1 / 3) * (2 / 3) ** 2 + 3 * (1 / 3) ** 2 * (2 / 3) + (1 / 3) ** 3)


@settings(max_examples=25, deadline=None)
@given(c=st.integers(1, 9_999), k=st.integers(2, 60), s1=st.floats(0, 1), s2=st.floats(0, 1))
def test_vote_falls_with_agreeing_wrong_answers_and_stays_in_its_bounds(c, k, s1, s2):
    lo, hi = sorted((s1, s2))
    acc_lo = vf.majority_vote_accuracy(np.array([c]), 10_000, k, lo)
    acc_hi = vf.majority_vote_accuracy(np.array([c]), 10_000, k, hi)
    worst, best = vf.majority_vote_bounds(np.array([c]), 10_000, k)
    assert worst - 1e-12 <= acc_hi <= acc_lo + 1e-12 <= best + 2e-12
    assert best <= 1 - (1 - c / 10_000) ** k + 1e-12  # never above coverage (with replacement)


def test_vote_decided_share():
    assert vf.vote_decided_share([0, 6, 5, 2], 10) == pytest.approx(0.5)  # c = 0 and c = 6 of 10


# --- the imperfect verifier --------------------------------------------------------------------------

def test_verifier_limits():
    c = data.load_monkeys_counts("MATH").query("model == 'Pythia 12B'")["num_correct"].to_numpy()
    n = 10_000
    p1, cov50 = passk.coverage(np.full_like(c, n), c, [1, 50])
    assert vf.verifier_accuracy(c, n, [1], 1.0, 0.2)[0] == pytest.approx(p1)  # one sample, recall 1: pass@1
    perfect = vf.verifier_accuracy(c, n, [50], 1.0, 0.0)[0]
    assert perfect == pytest.approx(np.mean(1 - (1 - c / n) ** 50))  # coverage with replacement
    assert perfect == pytest.approx(cov50, abs=0.005)
    far = vf.verifier_accuracy(c, n, [10**7], 1.0, 0.05)[0]
    assert far == pytest.approx(vf.verifier_cap(c, n, 1.0, 0.05), rel=1e-9)
    # right + wrong answers returned = share of problems where something was accepted <= 1
    both = vf.verifier_accuracy(c, n, [10**7], 0.9, 0.05) + vf.verifier_false_answers(c, n, [10**7], 0.9, 0.05)
    assert both[0] == pytest.approx(1.0)


@settings(max_examples=30, deadline=None)
@given(c=st.integers(0, 10_000), f1=st.floats(0, 0.5), f2=st.floats(0, 0.5), k=st.integers(1, 5000))
def test_verifier_properties(c, f1, f2, k):
    lo, hi = sorted((f1, f2))
    a_lo = vf.verifier_accuracy([c], 10_000, [k, k + 1], 1.0, lo)
    a_hi = vf.verifier_accuracy([c], 10_000, [k], 1.0, hi)[0]
    assert a_lo[1] >= a_lo[0] - 1e-12            # more samples never lower accuracy
    assert a_hi <= a_lo[0] + 1e-12               # more false positives never raise it
    assert a_lo[0] <= vf.verifier_cap([c], 10_000, 1.0, lo) + 1e-12


def test_stroebl_style_optimum_is_finite_and_beyond_it_samples_hurt():
    c = data.load_monkeys_counts("MATH").query("model == 'Pythia 12B'")["num_correct"].to_numpy()
    o = vf.verifier_optimum(c, 10_000, 1.0, 0.01, 1.0)
    assert 1 < o.k_best < 10_000 and not o.abstaining_is_better
    u = vf.verifier_utility(c, 10_000, [o.k_best, 4 * o.k_best, 10_000], 1.0, 0.01, 1.0)
    assert u[0] > u[1] > u[2]  # past the optimum, more samples lower the utility
    assert o.pass1 <= o.accuracy_best <= o.cap <= o.coverage_at_best + 1
    # with free false positives and no verifier error, more samples always help: the optimum is the end
    assert vf.verifier_optimum(c, 10_000, 1.0, 0.0, 1.0).k_best == 10_000
    # a dearer false positive can only lower the best budget
    assert vf.verifier_optimum(c, 10_000, 1.0, 0.01, 4.0).k_best <= o.k_best
    # a hopeless verifier for a weak model: answering nothing beats any budget
    weak = data.load_monkeys_counts("MATH").query("model == 'Pythia 70M'")["num_correct"].to_numpy()
    assert vf.verifier_optimum(weak, 10_000, 1.0, 0.05, 1.0).abstaining_is_better
    assert vf.STROEBL_OPTIMAL_K_BELOW == 10


def test_fpr_for_share_inverts_accuracy():
    c = data.load_monkeys_counts("MATH").query("model == 'Pythia 12B'")["num_correct"].to_numpy()
    p1, cov = passk.coverage(np.full_like(c, 10_000), c, [1, 100])
    f = vf.verifier_fpr_for_share(c, 10_000, 100, 0.5)
    kept = (vf.verifier_accuracy(c, 10_000, [100], 1.0, f)[0] - p1) / (cov - p1)
    assert kept == pytest.approx(0.5, abs=1e-4)
    assert vf.verifier_fpr_for_share(c, 10_000, 100, 0.8) < f


# --- guessing ----------------------------------------------------------------------------------------

def test_guessing_baseline():
    assert vf.blind_guess_coverage([1], 100)[0] == pytest.approx(0.01)
    assert vf.blind_guess_coverage([1000], 100)[0] == pytest.approx(1 - 0.99**1000)
    mask = vf.guess_level_mask([0, 1, 100, 101, 5000], 10_000, 100)
    assert mask.tolist() == [False, True, True, False, False]
    adj = vf.guess_adjusted_coverage([0, 1, 101, 5000], 10_000, [10_000], 100)[0]
    assert adj == pytest.approx(0.5)  # only the two problems above 1 in 100 count


@given(st.lists(st.integers(0, 50), min_size=1, max_size=20), st.integers(1, 60),
       st.floats(0.5, 1.0), st.floats(0.0, 0.2))
@settings(max_examples=40, deadline=None)
def test_gain_by_problem_averages_to_the_accuracy_gain(c, k, recall, fpr):
    n = 50
    gain = vf.verifier_gain_by_problem(c, n, k, recall, fpr)
    acc = vf.verifier_accuracy(c, n, [1, k], recall, fpr)
    assert gain.shape == (len(c),) and np.all(gain >= -1e-12)
    assert gain.mean() == pytest.approx(acc[1] - acc[0], abs=1e-12)
    assert np.all(vf.verifier_gain_by_problem(c, n, 1, recall, fpr) == 0)


@pytest.mark.parametrize("call, match", [
    (lambda: vf.majority_vote_accuracy([1], 10, 5, 1.5), "dominant_wrong_share must lie in"),
    (lambda: vf.majority_vote_accuracy([1], 10, 0, 0.5), "k must be at least 1"),
    (lambda: vf.majority_vote_accuracy([11], 10, 2, 0.5), "c must not exceed n"),
    (lambda: vf.majority_vote_accuracy([1], 10_000, 5000, 0.5), "k must be at most"),
    (lambda: vf.verifier_accuracy([1], 10, [1], -0.1, 0.0), "recall must lie in"),
    (lambda: vf.verifier_accuracy([1], 10, [1], 0.9, np.nan), "fpr must be finite"),
    (lambda: vf.verifier_accuracy([1], 10, [1], 0.5, 0.5), "recall must exceed fpr"),
    (lambda: vf.verifier_accuracy([1], 10, [0]), "k must be at least 1"),
    (lambda: vf.verifier_utility([1], 10, [1], fp_cost=-1.0), "fp_cost must lie in"),
    (lambda: vf.verifier_optimum([1], 10, tolerance=0.0), "tolerance must lie in"),
    (lambda: vf.verifier_fpr_for_share([1, 5], 10, 1, 0.5), "k must be at least 2"),
    (lambda: vf.verifier_fpr_for_share([1, 5], 10, 5, 1.0), "share must lie in"),
    (lambda: vf.verifier_fpr_for_share([0, 0], 10, 5, 0.5), "no coverage gain"),
    (lambda: vf.blind_guess_coverage([1], 1), "n_candidates must be"),
    (lambda: vf.verifier_gain_by_problem([1], 10, 0), "k must be at least 1"),
    (lambda: vf.guess_level_mask([1.5], 10, 100), "c must hold whole numbers"),
])
def test_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()
