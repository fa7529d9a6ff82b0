"""Chapter: Test-time compute -- what repeated sampling and longer reasoning really buy.

Two kinds of evidence meet here.

* **Repeated sampling** (Brown et al. 2024, "Large Language Monkeys", bibtex ``brown2024monkeys``): for each
  problem of MATH (7 Pythia sizes) and CodeContests (5 models), how many of 10,000 samples were correct.
  From these counts we compute exact coverage (pass@k, :mod:`analysis.testtime.passk`), fit Brown et al.'s
  exponentiated power law, and compare model sizes at equal compute, counting inference only or training
  plus inference (Snell et al. 2024, bibtex ``snell2024testtime``); what practical selectors deliver from the
  same counts is in :mod:`analysis.testtime.verifiers`.
* **Agents that reason longer** (Kim et al. 2025, bibtex ``kim2025dynamicreasoning``): their tables and the
  fleet model are in :mod:`analysis.testtime.kim2025`.

Units are in the names: ``_flop`` floating-point operations, ``_wh`` watt-hours, ``_w`` watts, ``_s``
seconds, ``_usd`` US dollars. Charts are in :mod:`analysis.testtime.charts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.house.data import load_monkeys_counts
from analysis.testtime.passk import coverage
from analysis.house.validation import (checked_cache, require_choice, require_identifiable, require_in_range, require_int,
                                       require_min_length, require_positive, require_positive_number, require_same_shape,
                                       require_text, require_vector)
from analysis.testtime.verifiers import (FALSE_POSITIVE_COST, MAJORITY_K_MAX, VERIFIER_FPR, VERIFIER_RECALL,
                                         majority_vote_bounds, require_verifier, verifier_accuracy)

# --- Published constants -------------------------------------------------------------------------

#: Total parameters of the Pythia models (Biderman et al. 2023, bibtex ``biderman2023pythia``), from the
#: "Naming convention and parameter count" table of the Pythia model cards (EleutherAI on Hugging Face).
#: The names in Brown et al.'s data are these nominal sizes.
PYTHIA_TOTAL_PARAMS = {
    "Pythia 70M": 70_426_624,
    "Pythia 160M": 162_322_944,
    "Pythia 410M": 405_334_016,
    "Pythia 1B": 1_011_781_632,
    "Pythia 2.8B": 2_775_208_960,
    "Pythia 6.9B": 6_857_302_016,
    "Pythia 12B": 11_846_072_320,
}
#: Non-embedding parameters of the same models (same table of the model cards). Pythia does not tie its
#: input and output embeddings, so total - non-embedding = 2 x vocabulary x width: one lookup table (no
#: multiplications) and one output projection (a matrix product on every token).
PYTHIA_NON_EMBEDDING_PARAMS = {
    "Pythia 70M": 18_915_328,
    "Pythia 160M": 85_056_000,
    "Pythia 410M": 302_311_424,
    "Pythia 1B": 805_736_448,
    "Pythia 2.8B": 2_517_652_480,
    "Pythia 6.9B": 6_444_163_072,
    "Pythia 12B": 11_327_027_200,
}
#: Tokens every Pythia model saw in training (same model cards): 143,000 steps of 2,097,152 tokens.
PYTHIA_TRAINING_TOKENS = 299_892_736_000

#: Samples per problem in Brown et al.'s released data.
MONKEYS_SAMPLES = 10_000

#: The k grid of the coverage curves: 1, 2, 3, 5, 10, ... 10,000 (about four points per decade).
DEFAULT_KS = np.unique(np.round(np.logspace(0, 4, 17)).astype(int))


def _counts(benchmark: str, model: str) -> np.ndarray:
    """Correct samples (of 10,000) per problem of ``model`` on ``benchmark``: a read-only array, shared
    between callers (the pair comparisons ask for the same models hundreds of times)."""
    require_text("benchmark", benchmark)
    if not (isinstance(benchmark, str) and isinstance(model, str)):  # unhashable or wrong type: the named error
        return _counts_cached.__wrapped__(benchmark, model)
    return _counts_cached(benchmark, model)


@lru_cache(maxsize=64)
def _counts_cached(benchmark: str, model: str) -> np.ndarray:
    frame = load_monkeys_counts(benchmark)
    known = sorted(frame["model"].unique())
    require_choice("model", model, known)
    counts = frame.loc[frame["model"] == model, "num_correct"].to_numpy().copy()
    counts.flags.writeable = False
    return counts


@lru_cache(maxsize=512)
def _vote_bounds(model: str, k: int) -> tuple[float, float]:
    """:func:`analysis.testtime.verifiers.majority_vote_bounds` of ``model`` on MATH at ``k`` samples, cached: the
    pair comparisons at every ratio R of :data:`RATIO_GRID` ask for the same (model, k) again and again."""
    return majority_vote_bounds(_counts("MATH", model), MONKEYS_SAMPLES, k)


def monkeys_models(benchmark: str) -> list[str]:
    """Models of one benchmark in Brown et al.'s data, smallest Pythia first for MATH."""
    names = sorted(load_monkeys_counts(require_text("benchmark", benchmark))["model"].unique())
    if benchmark == "MATH":
        names.sort(key=lambda m: PYTHIA_TOTAL_PARAMS[m])
    return names


@checked_cache(maxsize=4)
def coverage_curves(benchmark: str = "MATH", ks: tuple[int, ...] = tuple(DEFAULT_KS)) -> pd.DataFrame:
    """Exact coverage@k of every model of ``benchmark`` on the ``ks`` grid.

    Returns
    -------
    pandas.DataFrame
        Columns ``benchmark``, ``model``, ``k``, ``coverage`` (fraction of problems), ``params`` (total
        parameters for Pythia, NaN otherwise).
    """
    require_vector("ks", ks, require_positive)
    rows = []
    for model in monkeys_models(benchmark):
        c = _counts(benchmark, model)
        cov = coverage(np.full_like(c, MONKEYS_SAMPLES), c, np.array(ks))
        rows.append(pd.DataFrame({"benchmark": benchmark, "model": model, "k": np.array(ks), "coverage": cov,
                                  "params": PYTHIA_TOTAL_PARAMS.get(model, np.nan)}))
    return pd.concat(rows, ignore_index=True)


DECADES = (1, 10, 100, 1000, 10_000)


def decade_gains(benchmark: str = "MATH") -> pd.DataFrame:
    """Coverage gained per tenfold increase of samples (1 -> 10 -> ... -> 10,000), per model.

    Returns
    -------
    pandas.DataFrame
        One row per model: ``model`` and one column per decade, ``"1-10"`` ... ``"1000-10000"``, holding
        the gain in percentage points; ``peak_decade`` (the decade with the largest gain) and
        ``shrinking_at_end`` (True when the last decade adds less than the one before it).
    """
    curves = coverage_curves(benchmark, DECADES)
    names = [f"{a}-{b}" for a, b in zip(DECADES[:-1], DECADES[1:])]
    rows = []
    for model in monkeys_models(benchmark):
        gain = 100 * np.diff(curves.loc[curves["model"] == model, "coverage"].to_numpy())
        rows.append({"model": model, **dict(zip(names, gain)), "peak_decade": names[int(np.argmax(gain))],
                     "shrinking_at_end": bool(gain[-1] < gain[-2])})
    return pd.DataFrame(rows)


# --- Brown et al.'s exponentiated power law --------------------------------------------------------

@dataclass(frozen=True)
class CoverageLaw:
    """Brown et al.'s exponentiated power law, log coverage = a * k**b (a < 0, b < 0), fitted by least
    squares of log(-log coverage) on log k.

    Attributes
    ----------
    a, b : float
    k_max_fit : int
        Largest k used in the fit.
    rms_log_residual : float
        RMS residual of log(-log coverage) on the fitted points.
    """

    a: float
    b: float
    k_max_fit: int
    rms_log_residual: float

    def predict(self, k) -> np.ndarray:
        """Coverage (fraction) predicted at ``k`` samples."""
        k = require_positive("k", k)
        return np.exp(self.a * k**self.b)


def fit_coverage_law(ks, cov) -> CoverageLaw:
    """Fit log coverage = a * k**b to observed coverage ``cov`` at sample counts ``ks``.

    Parameters
    ----------
    ks : array_like
        Sample counts (positive, at least three).
    cov : array_like
        Coverage at each k, strictly between 0 and 1.
    """
    k = require_positive("ks", ks)
    y = require_in_range("cov", cov, 0.0, 1.0, inclusive=False)
    require_same_shape(ks=k, cov=y)
    require_min_length("ks", np.ravel(k), 3)
    require_identifiable("ks", k, 2)
    x, z = np.log(np.ravel(k)), np.log(-np.log(np.ravel(y)))
    slope, intercept = np.polyfit(x, z, 1)
    resid = z - (intercept + slope * x)
    return CoverageLaw(-float(np.exp(intercept)), float(slope), int(np.max(k)), float(np.sqrt(np.mean(resid**2))))


@dataclass(frozen=True)
class Extrapolation:
    """A coverage law fitted on k <= k_max_fit and checked at held-out larger k.

    Attributes
    ----------
    model : str
    law : CoverageLaw
    k_eval : ndarray
        Held-out sample counts.
    observed, predicted : ndarray
        Coverage (fractions) at ``k_eval``.
    """

    model: str
    law: CoverageLaw
    k_eval: np.ndarray
    observed: np.ndarray
    predicted: np.ndarray

    @property
    def error_points(self) -> np.ndarray:
        """Predicted minus observed coverage, in percentage points."""
        return 100 * (self.predicted - self.observed)

    @property
    def relative_error(self) -> np.ndarray:
        """Predicted over observed coverage, minus 1 (a share: 0.49 is a 49 % over-prediction). A few
        points are a large error where coverage itself is a few points."""
        return self.predicted / self.observed - 1


@checked_cache(maxsize=16)
def extrapolation_check(benchmark: str = "MATH", k_max_fit: int = 100,
                        k_eval: tuple[int, ...] | None = None) -> tuple[Extrapolation, ...]:
    """For each model of ``benchmark``, fit the law on the grid points k <= ``k_max_fit`` and predict
    coverage at the held-out ``k_eval`` (default: those of 1,000 and 10,000 above ``k_max_fit``; the
    last is always 10,000). Models whose coverage is 0 or 1 somewhere in the fit range cannot be fitted
    and are skipped."""
    k_max_fit = require_int("k_max_fit", k_max_fit, minimum=3)
    if k_eval is None:
        k_eval = tuple(k for k in (1000, MONKEYS_SAMPLES) if k > k_max_fit)
    k_eval_arr = np.asarray(k_eval, dtype=int)
    if k_eval_arr.size == 0:
        raise ValueError(f"k_max_fit must leave held-out samples below {MONKEYS_SAMPLES}; got {k_max_fit}")
    if np.any(k_eval_arr <= k_max_fit) or np.any(k_eval_arr > MONKEYS_SAMPLES):
        raise ValueError(f"k_eval must lie in ({k_max_fit}, {MONKEYS_SAMPLES}]; got {k_eval}")
    out = []
    for model in monkeys_models(benchmark):
        c = _counts(benchmark, model)
        ks = DEFAULT_KS[DEFAULT_KS <= k_max_fit]
        cov = coverage(np.full_like(c, MONKEYS_SAMPLES), c, ks)
        if np.any(cov <= 0) or np.any(cov >= 1):
            continue
        law = fit_coverage_law(ks, cov)
        observed = coverage(np.full_like(c, MONKEYS_SAMPLES), c, k_eval_arr)
        out.append(Extrapolation(model, law, k_eval_arr, observed, law.predict(k_eval_arr)))
    return tuple(out)


# --- Inference FLOPs ------------------------------------------------------------------------------

def inference_flop(n_params, samples, tokens_per_sample) -> np.ndarray:
    """Inference compute (FLOP) of ``samples`` generations of ``tokens_per_sample`` tokens each from a
    model of ``n_params`` parameters, at about 2 FLOP per parameter per generated token (the attention
    term and the prompt are ignored; they are common to models of similar context)."""
    n = require_positive("n_params", n_params)
    s = require_positive("samples", samples)
    t = require_positive("tokens_per_sample", tokens_per_sample)
    return 2.0 * n * s * t


#: How parameters are counted for inference FLOPs: ``"total"`` (2 x all parameters per token, the
#: simple rule) or ``"matmul"`` (2 x the parameters that enter a matrix product: the input-embedding
#: lookup costs no multiplications, so N_matmul = N_total - vocabulary x width = (N_total + N_non-embedding) / 2).
PARAM_COUNTS = ("total", "matmul")


def pythia_flop_params(model: str, count: str = "total") -> float:
    """Parameters of a Pythia model that cost 2 FLOP per generated token, counted as ``count``
    (see :data:`PARAM_COUNTS`). ``"total"`` overstates the cost of the smallest models most: the
    input embedding is over a third of Pythia 70M's parameters and about 2 % of Pythia 12B's."""
    require_choice("model", model, tuple(PYTHIA_TOTAL_PARAMS))
    require_choice("count", count, PARAM_COUNTS)
    total = PYTHIA_TOTAL_PARAMS[model]
    return float(total) if count == "total" else (total + PYTHIA_NON_EMBEDDING_PARAMS[model]) / 2


def training_flop(n_params, D) -> np.ndarray:
    """Training compute (FLOP) of a model of ``n_params`` parameters on ``D`` training tokens: about 6 N D."""
    n = require_positive("n_params", n_params)
    d = require_positive("D", D)
    if d.size == 0:
        raise ValueError("D must hold at least one token count; got an empty array")
    return 6.0 * n * d


# --- Snell et al. (2024): trading test-time for training compute --------------------------------------

#: Snell et al. (2024), arXiv:2408.03314 (bibtex ``snell2024testtime``), abstract and Figure 1: in a
#: FLOPs-matched evaluation, compute-optimal test-time compute on MATH (PaLM 2-S*) outperforms a model
#: this many times larger that answers once.
SNELL_LARGER_MODEL_FACTOR = 14.0
#: Same abstract: the compute-optimal strategy is more than this many times as efficient as best-of-N.
SNELL_EFFICIENCY_VS_BEST_OF_N = 4.0
# Snell et al. Section 7 (Figure 9) find the exchange favourable to test-time compute on easy and
# intermediate questions and when inference is small next to pretraining (their ratio R of inference to
# pretraining tokens well below 1); on the hardest questions, or at large R, the larger model wins. The
# paper plots this per difficulty bin and R without one summary number, so the chapter states it in words.


def total_matched_samples(size_ratio, inference_ratio) -> np.ndarray:
    """Samples per query a small model may draw for the same *total* compute (training + inference) as a
    model ``size_ratio`` times larger drawing one sample per query, both trained on the same tokens D.

    With R = ``inference_ratio`` = tokens generated in deployment by the large model / training tokens
    (Snell et al.'s ratio), 6 N_s D + 2 N_s k R D = 6 N_l D + 2 N_l R D gives
    k = size_ratio * (1 + 3 / R) - 3 / R. As R grows, k falls to ``size_ratio`` (the inference-only match);
    as R shrinks, the small model's training savings buy ever more samples.
    """
    rho = require_positive("size_ratio", size_ratio)
    if np.any(rho < 1):
        raise ValueError(f"size_ratio must be at least 1; got {np.min(rho)!r}")
    r = require_positive("inference_ratio", inference_ratio)
    return rho * (1 + 3 / r) - 3 / r


def crossover_inference_ratio(size_ratio: float, k_needed: float) -> float:
    """The inference-to-training ratio R below which the small model, drawing ``k_needed`` samples, fits in
    the large model's total compute (solves :func:`total_matched_samples` = ``k_needed`` for R).

    Returns ``inf`` when ``k_needed`` <= ``size_ratio`` (it fits at any R, inference-only included) and
    0.0 when ``k_needed`` is infinite (no budget suffices)."""
    rho = float(require_positive("size_ratio", size_ratio))
    if rho < 1:
        raise ValueError(f"size_ratio must be at least 1; got {rho!r}")
    if k_needed != np.inf:  # infinite: no budget suffices
        k_needed = require_positive_number("k_needed", k_needed)
    if np.isinf(k_needed):
        return 0.0
    if k_needed <= rho:
        return float("inf")
    return 3 * (rho - 1) / (k_needed - rho)


#: How a FLOP-matched comparison picks the small model's answer: a perfect checker (coverage) or the
#: chapter's imperfect verifier (:func:`analysis.testtime.verifiers.verifier_accuracy`).
SELECTORS = ("coverage", "verifier")


@lru_cache(maxsize=32)
def _selector_curve(model: str, selector: str, recall: float, fpr: float) -> np.ndarray:
    """Accuracy of ``model`` on MATH at every k = 1 .. 10,000 with ``selector``."""
    c = _counts("MATH", model)
    ks = np.arange(1, MONKEYS_SAMPLES + 1)
    if selector == "coverage":
        return coverage(np.full_like(c, MONKEYS_SAMPLES), c, ks)
    return verifier_accuracy(c, MONKEYS_SAMPLES, ks, recall, fpr)


def samples_to_beat(model: str, target: float, selector: str = "verifier", recall: float = VERIFIER_RECALL,
                    fpr: float = VERIFIER_FPR) -> float:
    """Fewest samples (<= 10,000) with which ``model`` on MATH beats accuracy ``target`` using ``selector``;
    ``inf`` if 10,000 do not suffice."""
    require_choice("selector", selector, SELECTORS)
    target = float(require_in_range("target", target, 0.0, 1.0))
    require_verifier(recall, fpr)
    curve = _selector_curve(model, selector, float(recall), float(fpr))
    above = np.flatnonzero(curve > target)
    return float(above[0] + 1) if above.size else float("inf")


@checked_cache(maxsize=32)
def compute_matched_pairs(inference_ratio: float | None = None, count: str = "total",
                          recall: float = VERIFIER_RECALL, fpr: float = VERIFIER_FPR) -> pd.DataFrame:
    """Every pair of Pythia sizes on MATH at equal compute: the larger model draws one sample per query, the
    smaller one draws k.

    ``inference_ratio`` None matches inference FLOPs only (k = floor(N_large / N_small)); a number R
    matches training + inference (:func:`total_matched_samples`, all Pythia models saw the same tokens).
    k is capped at the 10,000 samples of the data (``capped``). N is counted as ``count``
    (:func:`pythia_flop_params`).

    Returns
    -------
    pandas.DataFrame
        Columns ``small``, ``large``, ``size_ratio``, ``k_small``, ``capped``, ``coverage_small``,
        ``verifier_small`` (the imperfect verifier with ``recall``, ``fpr``), ``vote_worst_small`` and
        ``vote_best_small`` (majority-vote bounds at min(k, 1000)), ``pass1_large``, the wins
        ``small_wins`` (coverage), ``verifier_wins``, ``vote_worst_wins``, and the crossovers
        ``crossover_coverage``/``crossover_verifier``: the ratio R below which the small model wins
        (inf: at every R; 0: at none). Pairs less than 2x apart are left out.
    """
    require_choice("count", count, PARAM_COUNTS)
    require_verifier(recall, fpr)
    if inference_ratio is not None:
        inference_ratio = float(require_positive("inference_ratio", inference_ratio))
    models = monkeys_models("MATH")
    size = {m: pythia_flop_params(m, count) for m in models}
    rows = []
    for i, small in enumerate(models):
        for large in models[i + 1:]:
            rho = size[large] / size[small]
            raw = rho if inference_ratio is None else float(total_matched_samples(rho, inference_ratio))
            k = int(min(np.floor(raw), MONKEYS_SAMPLES))
            c_large = _counts("MATH", large)
            p1 = float(c_large.mean() / MONKEYS_SAMPLES)
            worst, best = _vote_bounds(small, max(1, min(k, MAJORITY_K_MAX)))
            rows.append({
                "small": small, "large": large, "size_ratio": rho, "k_small": k,
                "capped": bool(raw > MONKEYS_SAMPLES),
                "coverage_small": float(_selector_curve(small, "coverage", recall, fpr)[k - 1]) if k >= 1 else 0.0,
                "verifier_small": float(_selector_curve(small, "verifier", float(recall), float(fpr))[k - 1]) if k >= 1 else 0.0,
                "vote_worst_small": worst, "vote_best_small": best, "pass1_large": p1,
                "crossover_coverage": crossover_inference_ratio(rho, samples_to_beat(small, p1, "coverage")),
                "crossover_verifier": crossover_inference_ratio(rho, samples_to_beat(small, p1, "verifier", recall, fpr)),
            })
    frame = pd.DataFrame(rows)
    frame = frame[frame["size_ratio"] >= 2].reset_index(drop=True)
    frame["small_wins"] = frame["coverage_small"] > frame["pass1_large"]
    frame["verifier_wins"] = frame["verifier_small"] > frame["pass1_large"]
    frame["vote_worst_wins"] = frame["vote_worst_small"] > frame["pass1_large"]
    frame["vote_best_wins"] = frame["vote_best_small"] > frame["pass1_large"]
    return frame


def flop_matched_pairs(tokens_per_sample: float = 256.0, count: str = "total") -> pd.DataFrame:
    """Inference-only comparison (:func:`compute_matched_pairs` with no training term), plus ``flop``: the
    inference FLOPs per problem of the large model's sample at ``tokens_per_sample`` tokens (it scales both
    sides and cancels in the comparison)."""
    t = float(require_positive("tokens_per_sample", tokens_per_sample))
    frame = compute_matched_pairs(None, count).copy()
    frame["flop"] = [float(inference_flop(pythia_flop_params(m, count), 1, t)) for m in frame["large"]]
    return frame


def snell_like_pair(count: str = "total") -> tuple[str, str]:
    """The Pythia pair whose size ratio is nearest (in log terms) to Snell et al.'s 14x."""
    models = monkeys_models("MATH")
    pairs = [(s, l) for i, s in enumerate(models) for l in models[i + 1:]]
    return min(pairs, key=lambda p: abs(np.log(pythia_flop_params(p[1], count) / pythia_flop_params(p[0], count)
                                               / SNELL_LARGER_MODEL_FACTOR)))


#: The grid of inference-to-training ratios R of the total-compute slider (log-spaced).
RATIO_GRID = tuple(float(v) for v in np.round(np.logspace(-4, 1, 21), 6))


@checked_cache(maxsize=8)
def wins_by_ratio(recall: float = VERIFIER_RECALL, fpr: float = VERIFIER_FPR) -> pd.DataFrame:
    """Number of FLOP-matched pairs the smaller model wins, per ratio R of :data:`RATIO_GRID` (training +
    inference) and with inference only (R = inf), for coverage and the verifier."""
    require_verifier(recall, fpr)
    rows = []
    for r in (*RATIO_GRID, None):
        f = compute_matched_pairs(r, "total", recall, fpr)
        rows.append({"inference_ratio": np.inf if r is None else r, "pairs": len(f),
                     "coverage_wins": int(f["small_wins"].sum()), "verifier_wins": int(f["verifier_wins"].sum()),
                     "vote_worst_wins": int(f["vote_worst_wins"].sum())})
    return pd.DataFrame(rows)


# --- Guessing and selection, per model ---------------------------------------------------------------

@checked_cache(maxsize=8)
def guessing_table(n_candidates: int = 100) -> pd.DataFrame:
    """Per Pythia model on MATH: coverage@10,000, the share of problems solved only at guess-level rates
    (at most one in ``n_candidates`` samples right), and coverage@10,000 without them."""
    from analysis.testtime.verifiers import blind_guess_coverage, guess_adjusted_coverage, guess_level_mask

    n_candidates = require_int("n_candidates", n_candidates, minimum=2)
    rows = []
    for model in monkeys_models("MATH"):
        c = _counts("MATH", model)
        cov = float(coverage(np.full_like(c, MONKEYS_SAMPLES), c, [MONKEYS_SAMPLES])[0])
        rows.append({"model": model, "coverage_10k": cov,
                     "guess_level_share": float(guess_level_mask(c, MONKEYS_SAMPLES, n_candidates).mean()),
                     "adjusted_10k": float(guess_adjusted_coverage(c, MONKEYS_SAMPLES, [MONKEYS_SAMPLES], n_candidates)[0]),
                     "blind_guess_1k": float(blind_guess_coverage([1000], n_candidates)[0])})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class SelectionCurves:
    """Coverage and practical selectors for one model on a common k grid (fractions of problems).

    ``vote_worst``/``vote_best`` bound a majority vote (the counts cannot place it between them);
    ``verifier`` is the chapter's imperfect verifier (``recall``, ``fpr``), which abstains when nothing is
    accepted."""

    benchmark: str
    model: str
    ks: np.ndarray
    pass1: float
    coverage: np.ndarray
    vote_worst: np.ndarray
    vote_best: np.ndarray
    verifier: np.ndarray
    recall: float
    fpr: float


@checked_cache(maxsize=32)
def selection_curves(benchmark: str = "MATH", model: str = "Pythia 2.8B", recall: float = VERIFIER_RECALL,
                     fpr: float = VERIFIER_FPR) -> SelectionCurves:
    """Coverage, majority-vote bounds and the verifier of one model on the k grid up to 1,000."""
    require_verifier(recall, fpr)
    c = _counts(benchmark, model)
    ks = DEFAULT_KS[DEFAULT_KS <= MAJORITY_K_MAX]
    cov = coverage(np.full_like(c, MONKEYS_SAMPLES), c, ks)
    bounds = np.array([majority_vote_bounds(c, MONKEYS_SAMPLES, int(k)) for k in ks])
    ver = verifier_accuracy(c, MONKEYS_SAMPLES, ks, recall, fpr)
    return SelectionCurves(benchmark, model, ks, float(cov[0]), cov, bounds[:, 0], bounds[:, 1], ver,
                           float(recall), float(fpr))


@checked_cache(maxsize=32)
def verifier_optima(recall: float = VERIFIER_RECALL, fpr: float = VERIFIER_FPR,
                    fp_cost: float = FALSE_POSITIVE_COST) -> pd.DataFrame:
    """Per Pythia model on MATH: the verifier-limited optimum (:func:`analysis.testtime.verifiers.verifier_optimum`)
    and the accuracy cap, next to pass@1 and coverage at the optimum."""
    from analysis.testtime.verifiers import verifier_optimum

    rows = []
    for model in monkeys_models("MATH"):
        o = verifier_optimum(_counts("MATH", model), MONKEYS_SAMPLES, recall, fpr, fp_cost)
        rows.append({"model": model, "k_best": o.k_best, "utility_best": o.utility_best,
                     "accuracy_best": o.accuracy_best, "pass1": o.pass1, "cap": o.cap,
                     "coverage_at_best": o.coverage_at_best, "k_saturation": o.k_saturation,
                     "abstaining_is_better": o.abstaining_is_better})
    return pd.DataFrame(rows)
