"""Chapter "The other side": emergence, saturated benchmarks, inverse scaling and what "better" means.

Three pieces, each a pure function of its inputs:

* a toy model after Schaeffer et al. (2023): a smooth per-token loss in model size N becomes a per-token
  accuracy p(N), an exact-match score p(N)**L over an answer of L tokens, and a multiple-choice grade;
* benchmark saturation: accuracy logistic in log10 compute, and what 95 % -> 97 % costs next to
  60 % -> 62 %, in points and in error-rate terms;
* real data: Brown et al.'s (2024) 10,000 samples per problem for the seven Pythia models on MATH, scored
  with metrics that make the same models look emergent, steady or saturating.

Paper constants are kept here once, with their citation; the notebook never types them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import special, stats

from analysis.house import fitting
from analysis.house.data import load_monkeys_counts
from analysis.scaling_laws.returns import KAPLAN
from analysis.house.validation import (checked_cache, require_broadcastable, require_choice, require_finite,
                                       require_in_range, require_int, require_nonnegative, require_positive,
                                       require_same_shape, require_seed)


#: Per-token exponent of the toy model: the exponent with which the per-token cross-entropy falls with
#: non-embedding parameters, L(N) = (N_c / N)**alpha_N, in Kaplan et al. (2020) (``kaplan2020scaling``),
#: eq. (1.1), kept once in :data:`analysis.scaling_laws.returns.KAPLAN`. Schaeffer et al.'s (2023) argument is about
#: the per-token loss, so this is the exponent it needs (not the 0.34 of Chinchilla's reducible loss).
PER_TOKEN_ALPHA = KAPLAN.alpha_N


#: Share of the emergent abilities of BIG-Bench (as hand-annotated by Wei) that appear under just two
#: discontinuous metrics, multiple choice grade and exact string match: "> 92 %", Schaeffer et al. (2023)
#: (``schaeffer2023mirage``), section 1 and Fig. 5C. A lower bound, so the chapter prints "over"; checked
#: against stored copies of the paper's introduction and figure caption (arXiv:2304.15004 v2).
SCHAEFFER_TWO_METRIC_SHARE = 0.92


@dataclass(frozen=True)
class InverseScalingFindings:
    """What the inverse-scaling literature reports, as counts of tasks.

    ``prize_tasks``: tasks with inverse scaling collected by the Inverse Scaling Prize, McKenzie et al.
    (2023), arXiv:2306.09479 (``mckenzie2023inverse``), abstract. The rest: Wei, Kim, Tay & Le (2022),
    "Inverse scaling can become U-shaped", arXiv:2211.02011 (``wei2022ushaped``), abstract: re-evaluated on
    models up to 540B parameters, ``still_inverse`` tasks stay inverse, ``u_shaped`` turn U-shaped and
    ``positive`` scale positively.
    """

    prize_tasks: int = 11
    still_inverse: int = 4
    u_shaped: int = 6
    positive: int = 1
    followup_max_params: float = 540e9


INVERSE = InverseScalingFindings()


@dataclass(frozen=True)
class AttributedStudy:
    """A study that an article's attribution may point to: who ran it and what it found to scale inversely."""

    key: str
    organisation: str
    scaled: str
    finding: str


#: Seed 004 attributes inverse scaling to "research from Anthropic". Two Anthropic studies report it:
#: Perez et al. (2022), arXiv:2212.09251 (``perez2022discovering``), abstract: new cases of inverse scaling
#: "where LMs get worse with size", e.g. sycophancy, and the first cases in RLHF (the largest model, 52B, read in a
#: secondary summary: huggingface.co/datasets/rl-llm-wiki/knowledge-base/discussions/107); checked
#: against the stored abstract at https://www.anthropic.com/research/discovering-language-model-behaviors-with-
#: model-written-evaluations (and the arXiv copy at api-inference.pages.dev/papers/2212.09251.md). Gema et al.
#: (2025), arXiv:2507.14417 (``gema2025inverse``), Anthropic Fellows Program and Anthropic: tasks on which longer
#: reasoning lowers accuracy, an inverse scaling in test-time compute, not in model size; checked against the
#: stored project page https://safety-research.github.io/inverse-scaling-ttc (authors, affiliations, abstract).
#: The Inverse Scaling Prize and its paper, McKenzie et al. (2023), are a wider collaboration (affiliations not checked).
ANTHROPIC_INVERSE = (
    AttributedStudy("perez2022discovering", "Anthropic", "model size", "larger models repeat a user's views back "
                    "(sycophancy) and state more concerning goals"),
    AttributedStudy("gema2025inverse", "Anthropic", "test-time compute", "longer reasoning lowers accuracy on "
                    "tasks with distractors, spurious features and constraint tracking"),
)


@dataclass(frozen=True)
class PersuasionStudy:
    """Design and findings of Hackenburg et al. (2025), PNAS 122(10) e2413443122
    (``hackenburg2025persuasion``), as stated in its abstract and significance statement.

    Counts are from the abstract. Its findings are qualitative: persuasiveness of static political
    messages rises with model size with sharply diminishing returns (frontier models only slightly more
    persuasive than models an order of magnitude or more smaller), and the size association loses
    statistical significance once task completion (coherence, staying on topic) is adjusted for.

    The counts (24 models, 720 messages, 10 issues, 25,982 participants) are in the stored abstracts of
    both versions (https://www.pnas.org/doi/10.1073/pnas.2413443122 and
    https://ar5iv.labs.arxiv.org/html/2406.14508). Neither abstract gives a slope.

    ``slope_pp_per_log_params`` and ``mean_effect_pp``: the primary source is the authors' replication
    repository of the preprint (arXiv:2406.14508, "Evidence of a log scaling law for political persuasion
    with large language models"), github.com/kobihackenburg/scaling-LLM-persuasion, file
    ``main_study/code/analysis/output/tables/table_primary_model.csv`` (commit 80efc63): the fixed effect of
    "log(parameter count)" in their primary meta-regression is 1.26 percentage points, 95 % CI [0.65, 1.87],
    p < .001, and the intercept is 5.77 points, 95 % CI [4.07, 7.48]. The fitting script
    (``main_study/code/analysis/2_fit_models.R``) takes R's ``log``, the **natural** logarithm, of the
    parameter count and centres it, with the two frontier models' unknown sizes imputed (300B in the issue-level
    fits; the script also refits with 400B to 1,000B). So the unit is percentage points of treatment effect
    (the survey outcome's scale) per e-fold of parameters, about
    1.26 × ln 10 = 2.9 points per tenfold, and 5.77 is the predicted effect at the mean log size, not a plain
    average over models. (The earlier note that these came from "the preprint's abstract" was wrong: the
    abstract has no numbers; they circulate through a machine summary, sciencestack.ai, whose wording
    matches the table.) Positive: before adjusting for task completion, larger models were more persuasive.

    ``adjusted_slope_pp_per_log_params`` and ``adjusted_slope_p``: the same coefficient once task
    completion (a quadratic in the model-level mean task-completion score) is added, from
    ``table_primary_adjust2.csv`` in the same folder: 0.66 points (standard error 0.37, p = 0.078), no
    longer significant at 5 %, which is the PNAS abstract's "no longer statistically significant".
    """

    n_models: int = 24
    n_messages: int = 720
    n_issues: int = 10
    n_participants: int = 25_982
    #: Distinct tasks studied: one, single-message political persuasion.
    n_tasks: int = 1
    slope_pp_per_log_params: float = 1.26
    slope_ci95_low_pp: float = 0.65
    slope_ci95_high_pp: float = 1.87
    mean_effect_pp: float = 5.77
    adjusted_slope_pp_per_log_params: float = 0.66
    adjusted_slope_p: float = 0.078


HACKENBURG = PersuasionStudy()


#: Toy per-token loss on the answer tokens: TOY_FLOOR + TOY_LOSS_REF * (TOY_N_REF / N)**PER_TOKEN_ALPHA.
#: The reference loss (0.1 nat per answer token at 1B parameters) and the floor (0.005 nat: the
#: irreducible part, e.g. answers the reference marks wrong) are illustrative choices of ours, not fits.
TOY_N_REF = 1e9


TOY_LOSS_REF = 0.1


TOY_FLOOR = 0.005


def _toy(floor, loss_ref, N_ref, alpha):
    return (float(require_nonnegative("floor", floor)), float(require_positive("loss_ref", loss_ref)),
            float(require_positive("N_ref", N_ref)), float(require_positive("alpha", alpha)))


def per_token_loss(N, *, floor: float = TOY_FLOOR, loss_ref: float = TOY_LOSS_REF, N_ref: float = TOY_N_REF,
                   alpha: float = PER_TOKEN_ALPHA) -> np.ndarray:
    """Cross-entropy (nats/token) on the answer tokens, l(N) = floor + loss_ref (N_ref / N)**alpha.

    Parameters
    ----------
    N : array_like
        Model size (parameters).
    floor : float
        Irreducible loss per answer token (nats); it caps exact match at exp(-L floor).
    loss_ref : float
        Reducible loss at ``N_ref`` (nats/token).
    N_ref : float
        Reference size (parameters).
    alpha : float
        Exponent of the power law (default Kaplan et al.'s per-token 0.076).
    """
    N = require_positive("N", N)
    floor, loss_ref, N_ref, alpha = _toy(floor, loss_ref, N_ref, alpha)
    return floor + loss_ref * (N_ref / N) ** alpha


def per_token_accuracy(N, **toy) -> np.ndarray:
    """Probability of the correct token, p(N) = exp(-l(N)), as in Schaeffer et al. (2023)."""
    return np.exp(-per_token_loss(N, **toy))


def exact_match(N, L, **toy) -> np.ndarray:
    """Exact-match accuracy on an answer of ``L`` tokens, p(N)**L (tokens independent).

    Parameters
    ----------
    N : array_like
        Model size (parameters).
    L : array_like
        Answer length (tokens), at least 1; broadcast against ``N``.
    """
    L = require_finite("L", L)
    if np.any(L < 1):
        raise ValueError(f"L must be at least 1 token; got {L}")
    require_broadcastable(N=require_positive("N", N), L=L)
    return per_token_accuracy(N, **toy) ** L


def exact_match_ceiling(L, *, floor: float = TOY_FLOOR) -> np.ndarray:
    """Highest exact match any size reaches over ``L`` tokens: exp(-L floor)."""
    L = require_finite("L", L)
    if np.any(L < 1):
        raise ValueError(f"L must be at least 1 token; got {L}")
    return np.exp(-L * float(require_nonnegative("floor", floor)))


#: Median size (parameters) at which an item of the toy multiple-choice benchmark flips to right.
MC_MEDIAN_N = 1e9


def multiple_choice_grade(N, *, n_choices: int = 4, spread_dex: float = 0.5,
                          median_N: float = MC_MEDIAN_N) -> np.ndarray:
    """Expected multiple-choice grade when the model picks the likeliest option.

    An item is answered right once the model's smooth per-token probability of the right option exceeds
    that of the best distractor, which happens at a size N_i of its own; below it the model guesses among
    ``n_choices`` options. With log10 N_i ~ Normal(log10 ``median_N``, ``spread_dex``), grade = 1/k +
    (1 - 1/k) Phi((log10 N - log10 median_N) / spread): a step per item, an S only through the spread
    of difficulties, whatever the per-token exponent.
    """
    N = require_positive("N", N)
    k = require_int("n_choices", n_choices, minimum=2, maximum=10_000)
    spread = float(require_positive("spread_dex", spread_dex))
    mid = float(require_positive("median_N", median_N))
    share = stats.norm.cdf((np.log10(N) - np.log10(mid)) / spread)
    return 1.0 / k + (1.0 - 1.0 / k) * share


def apparent_threshold(L, *, level: float = 0.5, floor: float = TOY_FLOOR, loss_ref: float = TOY_LOSS_REF,
                       N_ref: float = TOY_N_REF, alpha: float = PER_TOKEN_ALPHA) -> np.ndarray:
    """Model size (parameters) at which exact match over ``L`` tokens reaches ``level``:
    N = N_ref (loss_ref / (-ln(level)/L - floor))**(1/alpha); ``inf`` where the floor makes ``level``
    unreachable. Without a floor it grows as L**(1/alpha): longer answers, later "emergence"."""
    L = require_finite("L", L)
    if np.any(L < 1):
        raise ValueError(f"L must be at least 1 token; got {L}")
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    floor, loss_ref, N_ref, alpha = _toy(floor, loss_ref, N_ref, alpha)
    room = -np.log(level) / L - floor
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(room > 0, N_ref * (loss_ref / np.where(room > 0, room, 1.0)) ** (1.0 / alpha), np.inf)


def transition_width_dex(alpha: float = PER_TOKEN_ALPHA, *, low: float = 0.1, high: float = 0.9) -> float:
    """Decades of model size over which exact match climbs from ``low`` to ``high`` of its ceiling.

    From p(N)**L = exp(-L floor) exp(-L loss_ref (N_ref/N)**alpha): width = log10(ln(1/low) / ln(1/high))
    / alpha. It does not depend on L, the floor or the scale: on a log axis a longer answer moves the
    transition, it does not sharpen it.
    """
    alpha = float(require_positive("alpha", alpha))
    low = float(require_in_range("low", low, 0.0, 1.0, inclusive=False))
    high = float(require_in_range("high", high, 0.0, 1.0, inclusive=False))
    if not low < high:
        raise ValueError(f"low must be below high; got low={low}, high={high}")
    return float(np.log10(np.log(1 / low) / np.log(1 / high)) / alpha)


def alpha_for_width(width_dex: float, *, low: float = 0.1, high: float = 0.9) -> float:
    """Per-token exponent needed for exact match to climb from ``low`` to ``high`` within ``width_dex`` decades."""
    width = float(require_positive("width_dex", width_dex))
    return transition_width_dex(1.0, low=low, high=high) / width


def rise_share(values, upto: int) -> float:
    """Share of a curve's total rise (last value minus first) already reached at index ``upto``.

    A curve linear in the x-variable reaches the share x[upto]'s fraction of the x-range; an "emergent"
    (convex) curve reaches less, a saturating (concave) one more.

    Parameters
    ----------
    values : array_like
        The metric at increasing scale (1-D, at least 3 values).
    upto : int
        Index of the point at which to read the share (0 < upto < len(values) - 1).
    """
    v = require_finite("values", values)
    if v.ndim != 1 or v.size < 3:
        raise ValueError(f"values needs at least 3 values; got shape {v.shape}")
    i = require_int("upto", upto, minimum=1)
    if i >= v.size - 1:
        raise ValueError(f"upto must be below {v.size - 1}; got {i}")
    total = v[-1] - v[0]
    if total == 0:
        raise ValueError("values must rise (or fall) overall; first and last values are equal")
    return float((v[i] - v[0]) / total)


def logistic_accuracy(log10_compute, *, slope_per_decade: float, midpoint_dex: float, ceiling: float = 1.0) -> np.ndarray:
    """Accuracy = ceiling / (1 + exp(-slope * (log10 C - midpoint))): a benchmark that saturates.

    Parameters
    ----------
    log10_compute : array_like
        log10 of training compute (FLOP).
    slope_per_decade : float
        Gain in log-odds per tenfold compute.
    midpoint_dex : float
        log10 compute at which accuracy is half the ceiling.
    ceiling : float
        Highest reachable accuracy (1 minus the share of mislabelled or ambiguous items).
    """
    x = require_finite("log10_compute", log10_compute)
    b = float(require_positive("slope_per_decade", slope_per_decade))
    m = float(require_finite("midpoint_dex", midpoint_dex))
    c = float(require_in_range("ceiling", ceiling, 0.0, 1.0, inclusive=True))
    if c == 0:
        raise ValueError("ceiling must be positive; got 0.0")
    return c * special.expit(b * (x - m))


def decades_between(acc_from, acc_to, *, slope_per_decade: float = 1.0, ceiling: float = 1.0) -> np.ndarray:
    """Decades of compute that take a logistic benchmark from ``acc_from`` to ``acc_to`` (fractions)."""
    b = float(require_positive("slope_per_decade", slope_per_decade))
    c = float(require_in_range("ceiling", ceiling, 0.0, 1.0, inclusive=True))
    a0 = require_in_range("acc_from", acc_from, 0.0, c, inclusive=False)
    a1 = require_in_range("acc_to", acc_to, 0.0, c, inclusive=False)
    if np.any(a1 <= a0):
        raise ValueError(f"acc_to must exceed acc_from; got {acc_from} -> {acc_to}")
    return (special.logit(a1 / c) - special.logit(a0 / c)) / b


@dataclass(frozen=True)
class SaturationStep:
    """The cost of one step of accuracy on a logistic benchmark.

    Attributes
    ----------
    acc_from, acc_to : float
        Accuracy before and after (fractions).
    decades : float
        Compute needed, in decades (log10 of the compute multiple).
    compute_multiple : float
        10**decades.
    error_reduction : float
        Fraction of the errors removed, 1 - (1 - acc_to) / (1 - acc_from).
    decades_per_log_error : float
        Decades of compute per unit of natural-log reduction of the error rate: the price of a
        *relative* improvement.
    """

    acc_from: float
    acc_to: float
    decades: float
    compute_multiple: float
    error_reduction: float
    decades_per_log_error: float


#: How accuracy is assumed to grow with log compute: logistic (the ECI's model and the chapter's assumption) or
#: linear in points (no ceiling effect: every step of two points costs the same compute).
FORMS = ("logistic", "linear")


def saturation_step(acc_from: float, acc_to: float, *, slope_per_decade: float = 1.0, ceiling: float = 1.0,
                    form: str = "logistic") -> SaturationStep:
    """Cost of going from ``acc_from`` to ``acc_to`` on a logistic benchmark (see :func:`decades_between`), or,
    with ``form="linear"``, on one whose accuracy grows by ``slope_per_decade`` (fraction) per decade."""
    form = require_choice("form", form, FORMS)
    if form == "linear":
        d = float(decades_between(acc_from, acc_to, slope_per_decade=1.0, ceiling=ceiling))  # validates
        d = (float(acc_to) - float(acc_from)) / float(require_positive("slope_per_decade", slope_per_decade))
    else:
        d = float(decades_between(acc_from, acc_to, slope_per_decade=slope_per_decade, ceiling=ceiling))
    e0, e1 = 1 - float(acc_from), 1 - float(acc_to)
    return SaturationStep(float(acc_from), float(acc_to), d, 10.0**d, 1 - e1 / e0, d / np.log(e0 / e1))


def nominal_size(model: str) -> float:
    """Parameters from a Pythia model name, e.g. ``"Pythia 2.8B"`` -> 2.8e9 (the suite's nominal sizes)."""
    if not isinstance(model, str) or not model.strip():
        raise ValueError(f"model must be a non-empty name like 'Pythia 2.8B'; got {model!r}")
    tag = model.split()[-1]
    scale = {"M": 1e6, "B": 1e9}.get(tag[-1:])
    try:
        value = float(tag[:-1])
    except ValueError:
        value = float("nan")
    if scale is None or not np.isfinite(value) or value <= 0:
        raise ValueError(f"model must end in a size like '410M' or '2.8B'; got {model!r}")
    return value * scale


def params_label(N: float) -> str:
    """A parameter count as the suite names it: 7e7 -> "70M", 2.8e9 -> "2.8B", 5.4e11 -> "540B"."""
    N = float(require_positive("N", N))
    value, unit = (N / 1e9, "B") if N >= 1e9 else (N / 1e6, "M")
    return f"{value:.3g}{unit}"


#: Metrics of the Pythia comparison, in the order the chapter shows them.
METRICS = ("reliable share", "pass@1", "log10 pass@1", "coverage")


#: Default per-problem success rate above which a problem counts as "solved reliably".
RELIABLE_RATE = 0.1


@lru_cache(maxsize=4)
def _pythia_table() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    frame = load_monkeys_counts("MATH")
    frame = frame.assign(N=frame["model"].map(nominal_size))
    wide = frame.pivot(index="problem_idx", columns="N", values="num_correct").sort_index(axis=1)
    n = frame.pivot(index="problem_idx", columns="N", values="num_samples").sort_index(axis=1)
    return wide.columns.to_numpy(dtype=float), wide.to_numpy(dtype=float), n.to_numpy(dtype=float)


def pythia_counts() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Model sizes (parameters, ascending), correct counts and sample counts, each (problems x models).

    Returns fresh copies of Brown et al.'s (2024) MATH counts for the seven Pythia models.
    """
    N, c, n = _pythia_table()
    return N.copy(), c.copy(), n.copy()


def metric_values(num_correct, num_samples, *, reliable_rate: float = RELIABLE_RATE) -> dict[str, np.ndarray]:
    """Four ways to score the same samples, one value per model (column).

    * ``reliable share``: share of problems whose success rate c/n is at least ``reliable_rate``
      (a threshold metric, like exact match or "can do it reliably");
    * ``pass@1``: mean success rate;
    * ``log10 pass@1``: its logarithm (a continuous metric in the sense of Schaeffer et al.);
    * ``coverage``: share of problems solved at least once in all n samples (pass@n).
    """
    c = require_nonnegative("num_correct", num_correct)
    n = require_positive("num_samples", num_samples)
    require_same_shape(num_correct=c, num_samples=n)
    if c.ndim != 2:
        raise ValueError(f"num_correct must be a (problems x models) table; got shape {c.shape}")
    if np.any(c > n):
        raise ValueError(f"num_correct must not exceed num_samples; got {c[c > n][0]!r} > {n[c > n][0]!r}")
    tau = float(require_in_range("reliable_rate", reliable_rate, 0.0, 1.0, inclusive=False))
    rate = c / n
    p1 = rate.mean(axis=0)
    with np.errstate(divide="ignore"):
        log_p1 = np.log10(p1)
    return {
        "reliable share": (rate >= tau).mean(axis=0),
        "pass@1": p1,
        "log10 pass@1": log_p1,
        "coverage": (c > 0).mean(axis=0),
    }


@dataclass(frozen=True)
class MetricComparison:
    """The Pythia models scored four ways, with bootstrap intervals over problems.

    Attributes
    ----------
    N : ndarray
        Model sizes (parameters).
    values : pandas.DataFrame
        One row per (metric, model): ``metric``, ``N``, ``value``, ``scaled`` (0 at the smallest model,
        1 at the largest).
    midpoint_index : int
        Index of the model at which rise shares are read.
    linear_share : float
        Rise share that a curve straight in log10 N would have at that model.
    shares : dict
        Metric -> rise share at ``midpoint_index``.
    intervals : dict
        Metric -> (low, high) bootstrap percentile interval of the share.
    level : float
    n_boot : int
    """

    N: np.ndarray
    values: pd.DataFrame
    midpoint_index: int
    linear_share: float
    shares: dict
    intervals: dict
    level: float
    n_boot: int


def _shares(c, n, tau, i) -> dict:
    vals = metric_values(c, n, reliable_rate=tau)
    out = {}
    for m in METRICS:
        v = vals[m]
        out[m] = rise_share(v, i) if np.all(np.isfinite(v)) and v[-1] != v[0] else np.nan
    return out


@checked_cache(maxsize=16)
def compare_metrics(n_boot: int = 300, seed: int = 0, reliable_rate: float = RELIABLE_RATE,
                    level: float = 0.9) -> MetricComparison:
    """Score the Pythia models with the four :data:`METRICS`; read how much of each curve's rise is done
    by the model nearest the middle of the log-size range; resample the 128 problems ``n_boot`` times."""
    n_boot = require_int("n_boot", n_boot, minimum=10, maximum=100_000)
    seed = require_seed(seed)
    N, c, n = pythia_counts()
    x = np.log10(N)
    i = int(np.argmin(np.abs(x - (x[0] + x[-1]) / 2)))
    vals = metric_values(c, n, reliable_rate=reliable_rate)
    rows = []
    for m in METRICS:
        v = vals[m]
        scaled = (v - v[0]) / (v[-1] - v[0])
        rows += [{"metric": m, "N": N[j], "value": v[j], "scaled": scaled[j]} for j in range(N.size)]
    shares = _shares(c, n, reliable_rate, i)
    rng = np.random.default_rng(seed)
    draws = {m: [] for m in METRICS}
    for _ in range(n_boot):
        idx = rng.integers(0, c.shape[0], c.shape[0])
        for m, s in _shares(c[idx], n[idx], reliable_rate, i).items():
            draws[m].append(s)
    intervals = {m: fitting.percentile_interval(np.array(d)[np.isfinite(d)], level) for m, d in draws.items()}
    linear = float((x[i] - x[0]) / (x[-1] - x[0]))
    return MetricComparison(N, pd.DataFrame(rows), i, linear, shares, intervals, level, n_boot)


def log_slopes(N, metric) -> tuple[float, float]:
    """Least-squares slope of log10 ``metric`` against log10 ``N`` on the lower and the upper half of
    the models (the middle model is in both). Upper < lower: the curve bends down, the opposite of a jump."""
    N = require_positive("N", N)
    y = require_positive("metric", metric)
    require_same_shape(N=N, metric=y)
    if N.ndim != 1 or N.size < 3:
        raise ValueError(f"N needs at least 3 values; got shape {N.shape}")
    x, ly = np.log10(N), np.log10(y)
    h = N.size // 2
    lower = np.polyfit(x[: h + 1], ly[: h + 1], 1)[0]
    upper = np.polyfit(x[h:], ly[h:], 1)[0]
    return float(lower), float(upper)


@dataclass(frozen=True)
class InverseProblems:
    """Problems on which the largest Pythia model is worse than a smaller one.

    Attributes
    ----------
    n_problems : int
    worse_than_smallest : int
        Problems where the largest model's success rate is below the smallest model's by more than
        ``z`` standard errors.
    worse_than_some_smaller : int
        Problems where it is below the best smaller model's rate by more than ``z`` standard errors.
    z : float
        Threshold in standard errors (two-proportion z statistic).
    table : pandas.DataFrame
        Per problem: ``problem``, ``rate_smallest``, ``rate_largest``, ``rate_best_smaller``,
        ``z_vs_smallest``, ``z_vs_best_smaller``.
    """

    n_problems: int
    worse_than_smallest: int
    worse_than_some_smaller: int
    z: float
    table: pd.DataFrame


def two_proportion_z(c1, n1, c2, n2) -> np.ndarray:
    """z statistic of rate c2/n2 minus rate c1/n1 with unpooled standard error (0 where both rates are 0 or 1)."""
    c1, n1 = require_nonnegative("c1", c1), require_positive("n1", n1)
    c2, n2 = require_nonnegative("c2", c2), require_positive("n2", n2)
    require_same_shape(c1=c1, n1=n1, c2=c2, n2=n2)
    if np.any(c1 > n1) or np.any(c2 > n2):
        raise ValueError("counts must not exceed their sample sizes (c1 <= n1, c2 <= n2)")
    p1, p2 = c1 / n1, c2 / n2
    se = np.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    diff = p2 - p1
    return np.divide(diff, se, out=np.zeros_like(diff), where=se > 0)


@checked_cache(maxsize=4)
def inverse_problems(z: float = 5.0) -> InverseProblems:
    """Count MATH problems on which Pythia 12B does significantly worse than a smaller Pythia model.

    ``z = 5`` keeps the family-wise error small even after picking the best of six smaller models on 128
    problems (768 comparisons; a two-sided p of 6e-7 each)."""
    z = float(require_positive("z", z))
    N, c, n = pythia_counts()
    best = np.argmax(c[:, :-1], axis=1)
    rows = np.arange(c.shape[0])
    z_small = two_proportion_z(c[:, 0], n[:, 0], c[:, -1], n[:, -1])
    z_best = two_proportion_z(c[rows, best], n[rows, best], c[:, -1], n[:, -1])
    table = pd.DataFrame({
        "problem": rows, "rate_smallest": c[:, 0] / n[:, 0], "rate_largest": c[:, -1] / n[:, -1],
        "rate_best_smaller": c[rows, best] / n[rows, best], "z_vs_smallest": z_small, "z_vs_best_smaller": z_best,
    })
    return InverseProblems(c.shape[0], int((z_small < -z).sum()), int((z_best < -z).sum()), z, table)
