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

import altair as alt
import numpy as np
import pandas as pd
from scipy import special, stats

from . import fitting
from .chinchilla import HOFFMANN_2022
from .claims.legacy import Assessment, Claim, judge
from .data import load_monkeys_counts
from .validation import (
    require_finite,
    require_in_range,
    require_int,
    require_nonnegative,
    require_positive,
    require_same_shape,
)

# --- Paper constants -------------------------------------------------------------------------------

#: Exponent with which the reducible part of the loss falls with parameters, L = E + A / N**alpha, in the
#: fit of Hoffmann et al. (2022), "Training Compute-Optimal Large Language Models" (``hoffmann2022training``),
#: eq. (10), kept once in :data:`analysis.chinchilla.HOFFMANN_2022`. The toy model borrows it as its
#: per-token exponent: an assumption, stated in the chapter.
CHINCHILLA_ALPHA_N = HOFFMANN_2022.alpha

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
class PersuasionStudy:
    """Design and findings of Hackenburg et al. (2025), PNAS 122(10) e2413443122
    (``hackenburg2025persuasion``), as stated in its abstract and significance statement.

    Counts are from the abstract. The findings are qualitative there and are kept as booleans: the
    persuasiveness of static political messages rises with model size with sharply diminishing returns,
    frontier models being only slightly more persuasive than models an order of magnitude (or more)
    smaller; the size association shrinks toward zero and loses statistical significance once task
    completion (coherence, staying on topic) is adjusted for; frontier models are at ceiling on task
    completion. The abstract gives no effect size per tenfold size, so none is used here.
    """

    n_models: int = 24
    n_messages: int = 720
    n_issues: int = 10
    n_participants: int = 25_982
    #: Distinct tasks studied: one, single-message political persuasion.
    n_tasks: int = 1
    size_effect_positive: bool = True
    diminishing_returns: bool = True
    significant_after_task_completion: bool = False


HACKENBURG = PersuasionStudy()


# --- The toy model: a smooth per-token loss, a discontinuous metric --------------------------------

#: Default scale of the toy per-token loss (parameters): with CHINCHILLA_ALPHA_N, per-token loss is
#: 1 nat at N = TOY_N_C. An illustrative choice of ours, not a fitted value.
TOY_N_C = 1e8


def per_token_loss(N, *, N_c: float = TOY_N_C, alpha: float = CHINCHILLA_ALPHA_N) -> np.ndarray:
    """Cross-entropy (nats/token) on the answer tokens, l(N) = (N_c / N)**alpha: smooth in N.

    Parameters
    ----------
    N : array_like
        Model size (parameters).
    N_c : float
        Size at which the loss is 1 nat/token.
    alpha : float
        Exponent of the power law.
    """
    N = require_positive("N", N)
    N_c = float(require_positive("N_c", N_c))
    alpha = float(require_positive("alpha", alpha))
    return (N_c / N) ** alpha


def per_token_accuracy(N, *, N_c: float = TOY_N_C, alpha: float = CHINCHILLA_ALPHA_N) -> np.ndarray:
    """Probability of the correct token, p(N) = exp(-l(N)), as in Schaeffer et al. (2023)."""
    return np.exp(-per_token_loss(N, N_c=N_c, alpha=alpha))


def exact_match(N, L, *, N_c: float = TOY_N_C, alpha: float = CHINCHILLA_ALPHA_N) -> np.ndarray:
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
    return per_token_accuracy(N, N_c=N_c, alpha=alpha) ** L


def multiple_choice_grade(N, *, n_choices: int = 4, distractor_token_prob: float = 0.5,
                          spread_dex: float = 0.5, N_c: float = TOY_N_C,
                          alpha: float = CHINCHILLA_ALPHA_N) -> np.ndarray:
    """Expected multiple-choice grade when the model picks the likeliest option.

    Each item i has its own difficulty: its per-token accuracy is p_i(N) = exp(-(N_c,i / N)**alpha) with
    log10 N_c,i ~ Normal(log10 N_c, ``spread_dex``). The model gets the item right when p_i exceeds the
    per-token probability ``distractor_token_prob`` of the best distractor, and otherwise guesses among
    ``n_choices`` options. So grade = 1/k + (1 - 1/k) * share of items with p_i > q: a step per item, a
    smooth S only through the spread of difficulties.
    """
    N = require_positive("N", N)
    k = require_int("n_choices", n_choices, minimum=2)
    q = float(require_in_range("distractor_token_prob", distractor_token_prob, 0.0, 1.0, inclusive=False))
    spread = float(require_positive("spread_dex", spread_dex))
    N_c = float(require_positive("N_c", N_c))
    alpha = float(require_positive("alpha", alpha))
    # p_i > q  <=>  log10 N_c,i < log10 N + log10(-ln q) / alpha
    cut = np.log10(N) + np.log10(-np.log(q)) / alpha
    share = stats.norm.cdf((cut - np.log10(N_c)) / spread)
    return 1.0 / k + (1.0 - 1.0 / k) * share


def apparent_threshold(L, *, level: float = 0.5, N_c: float = TOY_N_C, alpha: float = CHINCHILLA_ALPHA_N) -> np.ndarray:
    """Model size (parameters) at which exact match over ``L`` tokens reaches ``level``:
    N = N_c * (L / -ln(level))**(1/alpha). Grows as L**(1/alpha): longer answers, later "emergence"."""
    L = require_finite("L", L)
    if np.any(L < 1):
        raise ValueError(f"L must be at least 1 token; got {L}")
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    N_c = float(require_positive("N_c", N_c))
    alpha = float(require_positive("alpha", alpha))
    return N_c * (L / -np.log(level)) ** (1.0 / alpha)


def transition_width_dex(alpha: float = CHINCHILLA_ALPHA_N, *, low: float = 0.1, high: float = 0.9) -> float:
    """Decades of model size over which exact match climbs from ``low`` to ``high``.

    From p(N)**L = exp(-L (N_c/N)**alpha): width = log10(ln(1/low) / ln(1/high)) / alpha. It does not
    depend on L or N_c: on a log axis a longer answer moves the transition, it does not sharpen it.
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


# --- Benchmark saturation --------------------------------------------------------------------------

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


def saturation_step(acc_from: float, acc_to: float, *, slope_per_decade: float = 1.0, ceiling: float = 1.0) -> SaturationStep:
    """Cost of going from ``acc_from`` to ``acc_to`` on a logistic benchmark (see :func:`decades_between`)."""
    d = float(decades_between(acc_from, acc_to, slope_per_decade=slope_per_decade, ceiling=ceiling))
    e0, e1 = 1 - float(acc_from), 1 - float(acc_to)
    return SaturationStep(float(acc_from), float(acc_to), d, 10.0**d, 1 - e1 / e0, d / np.log(e0 / e1))


# --- Real data: seven Pythia models on MATH (Brown et al. 2024) -----------------------------------

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


@lru_cache(maxsize=16)
def compare_metrics(n_boot: int = 300, seed: int = 0, reliable_rate: float = RELIABLE_RATE,
                    level: float = 0.9) -> MetricComparison:
    """Score the Pythia models with the four :data:`METRICS`; read how much of each curve's rise is done
    by the model nearest the middle of the log-size range; resample the 128 problems ``n_boot`` times."""
    n_boot = require_int("n_boot", n_boot, minimum=10)
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


@lru_cache(maxsize=4)
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


# --- Charts ----------------------------------------------------------------------------------------

def exact_match_explorer(N_c: float = TOY_N_C, alpha: float = CHINCHILLA_ALPHA_N) -> alt.LayerChart:
    """Per-token accuracy p(N) and exact match p(N)**L against model size, with a slider on the answer
    length L and a dashed rule where exact match reaches 50 %. The first curve is smooth and does not move;
    the second looks like a sudden ability whose threshold moves right as L**(1/alpha)."""
    L = alt.param(name="L", value=10, bind=alt.binding_range(min=1, max=60, step=1, name="answer length L (tokens) "))
    grid = pd.DataFrame({"N": np.logspace(7, 13, 121)})
    base = alt.Chart(grid).transform_calculate(
        per_token=f"exp(-pow({N_c} / datum.N, {alpha}))",
        exact_match=f"pow(exp(-pow({N_c} / datum.N, {alpha})), L)",
    ).transform_fold(["per_token", "exact_match"], as_=["metric", "accuracy"]).transform_calculate(
        metric="datum.metric == 'per_token' ? 'per token, p' : 'exact match, p^L'")
    x = alt.X("N:Q", scale=alt.Scale(type="log"), title="model size N (parameters)", axis=alt.Axis(format=".0e"))
    lines = base.mark_line().encode(
        x=x, y=alt.Y("accuracy:Q", title="accuracy (fraction)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("metric:N", title="metric"),
        tooltip=[alt.Tooltip("N:Q", format=".2e", title="N"), "metric:N", alt.Tooltip("accuracy:Q", format=".1%")],
    ).add_params(L)
    rule = alt.Chart(pd.DataFrame({"x": [0]})).transform_calculate(
        N_half=f"{N_c} * pow(L / {np.log(2)}, {1 / alpha})").transform_filter("datum.N_half <= 1e13").mark_rule(
        strokeDash=[4, 3], color="#555555").encode(
        x=alt.X("N_half:Q", scale=alt.Scale(type="log")),
        tooltip=[alt.Tooltip("N_half:Q", format=".2e", title="exact match = 50% at N")])
    return (lines + rule).properties(title=alt.Title(
        "One smooth per-token curve, many 'emergence' thresholds",
        subtitle="move the slider: longer answers push the 50% point (dashed) to larger models"))


def metrics_chart(result: MetricComparison) -> alt.Chart:
    """The seven Pythia models scored four ways, each metric rescaled from 0 (smallest) to 1 (largest)."""
    data = result.values
    line = pd.DataFrame({"N": result.N[[0, -1]], "scaled": [0.0, 1.0]})
    x = alt.X("N:Q", scale=alt.Scale(type="log"), title="model size N (parameters, Pythia)", axis=alt.Axis(format=".0e"))
    curves = alt.Chart(data).mark_line(point=True).encode(
        x=x, y=alt.Y("scaled:Q", title="share of the rise from 70M to 12B"),
        color=alt.Color("metric:N", title="metric", sort=list(METRICS)),
        tooltip=["metric:N", alt.Tooltip("N:Q", format=".2s", title="parameters"),
                 alt.Tooltip("value:Q", format=".4f", title="metric value"), alt.Tooltip("scaled:Q", format=".2f")])
    ref = alt.Chart(line).mark_line(color="#999999", strokeDash=[4, 3]).encode(x=x, y="scaled:Q")
    return (ref + curves).properties(title=alt.Title(
        "Same models, same samples: emergent, steady or saturating by choice of metric",
        subtitle="MATH, 128 problems, 10,000 samples each (Brown et al. 2024); dashed: straight in log N"))


def saturation_chart(slope_per_decade: float = 1.0, midpoint_dex: float = 23.0) -> alt.LayerChart:
    """A logistic benchmark with a slider on its ceiling, marking the 60->62 % and 95->97 % steps."""
    ceiling = alt.param(name="ceiling", value=1.0, bind=alt.binding_range(min=0.975, max=1.0, step=0.0025,
                                                                          name="benchmark ceiling (fraction) "))
    grid = pd.DataFrame({"x": np.linspace(midpoint_dex - 3, midpoint_dex + 7, 201)})
    curve = alt.Chart(grid).transform_calculate(
        accuracy=f"ceiling / (1 + exp(-{slope_per_decade} * (datum.x - {midpoint_dex})))",
        compute="pow(10, datum.x)",
    ).mark_line().encode(
        x=alt.X("compute:Q", scale=alt.Scale(type="log"), title="training compute C (FLOP)", axis=alt.Axis(format=".0e")),
        y=alt.Y("accuracy:Q", title="benchmark accuracy (fraction)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        tooltip=[alt.Tooltip("compute:Q", format=".2e"), alt.Tooltip("accuracy:Q", format=".2%")],
    ).add_params(ceiling)
    bands = alt.Chart(pd.DataFrame({"lo": [0.60, 0.95], "hi": [0.62, 0.97], "step": ["60% -> 62%", "95% -> 97%"]})).mark_rect(
        opacity=0.25).encode(y="lo:Q", y2="hi:Q", color=alt.Color("step:N", title="step"), tooltip=["step:N"])
    return (bands + curve).properties(title=alt.Title(
        "Two steps of two points on a saturating benchmark",
        subtitle="logistic in log compute; lower the ceiling (mislabelled items) and 97% moves out of reach"))


def inverse_chart(result: InverseProblems) -> alt.Chart:
    """Per-problem success rate of the smallest and the largest Pythia model (log-log)."""
    t = result.table.assign(
        verdict=np.where(result.table["z_vs_smallest"] < -result.z, "12B significantly worse",
                         np.where(result.table["z_vs_smallest"] > result.z, "12B significantly better", "no clear difference")))
    floor = 0.5 / 10_000
    t = t.assign(small=np.maximum(t["rate_smallest"], floor), large=np.maximum(t["rate_largest"], floor))
    diag = alt.Chart(pd.DataFrame({"v": [floor, 1.0]})).mark_line(color="#999999", strokeDash=[4, 3]).encode(x="v:Q", y="v:Q")
    pts = alt.Chart(t).mark_point(filled=True, opacity=0.7).encode(
        x=alt.X("small:Q", scale=alt.Scale(type="log"), title="success rate, Pythia 70M (fraction of 10,000 samples)"),
        y=alt.Y("large:Q", scale=alt.Scale(type="log"), title="success rate, Pythia 12B"),
        color=alt.Color("verdict:N", title=f"|z| > {result.z:g}"),
        tooltip=["problem:Q", alt.Tooltip("rate_smallest:Q", format=".4f"), alt.Tooltip("rate_largest:Q", format=".4f"),
                 alt.Tooltip("z_vs_smallest:Q", format=".1f")])
    return (diag + pts).properties(title=alt.Title(
        "Bigger is better on most problems, not on all",
        subtitle="each point a MATH problem; zero rates drawn at 0.5/10,000; dashed: equal rates"))


# --- Claims ----------------------------------------------------------------------------------------

def _claim_emergence() -> Assessment:
    res = compare_metrics()
    N, c, n = pythia_counts()
    vals = metric_values(c, n)
    strict = vals["reliable share"]
    first_nonzero = int(np.argmax(strict > 0))
    lo_share, hi_share = res.intervals["reliable share"]
    # Sudden-looking even after resampling the problems: the whole bootstrap interval lies below the line.
    looks_sudden = bool(strict[0] == 0 and first_nonzero >= 2 and hi_share < res.linear_share)
    lower, upper = log_slopes(N, vals["pass@1"])
    accelerates = bool(upper > lower)
    width = transition_width_dex()
    ev = (f"On MATH the same seven Pythia models look sudden under a threshold metric (no problem solved in "
          f"{RELIABLE_RATE:.0%} of samples up to {params_label(N[first_nonzero - 1])} parameters; "
          f"{res.shares['reliable share']:.0%} of its rise done by {params_label(N[res.midpoint_index])}, "
          f"{res.level:.0%} interval {lo_share:.0%}-{hi_share:.0%}, against {res.linear_share:.0%} for a straight line), but "
          f"log pass@1 slows down rather than jumps (slope {lower:.2f} then {upper:.2f} per decade). The 10B/100B "
          f"figures are beyond these data; in the toy model a smooth per-token exponent of {CHINCHILLA_ALPHA_N} takes "
          f"{width:.1f} decades to go from 10% to 90% exact match, whatever the answer length.")
    return Assessment(judge([looks_sudden, accelerates]), ev)


def _claim_saturation() -> Assessment:
    top = saturation_step(0.95, 0.97)
    mid = saturation_step(0.60, 0.62)
    ratio = top.decades / mid.decades
    dearer_in_points = bool(ratio >= 2)
    dearer_in_errors = bool(top.decades_per_log_error > mid.decades_per_log_error)
    ev = (f"On a logistic benchmark 95%->97% takes {ratio:.1f} times the log-compute of 60%->62%, but it removes "
          f"{top.error_reduction:.0%} of the errors against {mid.error_reduction:.0%}: per unit of log error it costs "
          f"{top.decades_per_log_error:.2f} decades (slope 1 logit/decade) against {mid.decades_per_log_error:.2f}, "
          f"so it is dear in points and cheap in error rate.")
    return Assessment(judge([dearer_in_points, dearer_in_errors]), ev)


def _claim_inverse() -> Assessment:
    inv = inverse_problems()
    # Literature: some tasks stay inverse even over the follow-up's larger range of sizes.
    literature = INVERSE.still_inverse > 0
    in_data = inv.worse_than_smallest > 0
    ev = (f"The Inverse Scaling Prize found {INVERSE.prize_tasks} such tasks; on MATH, Pythia 12B is worse than "
          f"70M on {inv.worse_than_smallest} of {inv.n_problems} problems and worse than some smaller Pythia on "
          f"{inv.worse_than_some_smaller} (|z| > {inv.z:g}). Re-tested up to {params_label(INVERSE.followup_max_params)} "
          f"parameters, only {INVERSE.still_inverse} of the {INVERSE.prize_tasks} tasks stayed inverse and "
          f"{INVERSE.u_shaped} turned U-shaped; single-problem reversals are not a trend with scale.")
    return Assessment(judge([literature, in_data]), ev)


def _claim_persuasion() -> Assessment:
    h = HACKENBURG
    diminishing = h.diminishing_returns
    no_more_effective = not h.size_effect_positive
    many_tasks = h.n_tasks >= 2
    ev = (f"The PNAS study ({h.n_models} models, {h.n_messages} messages, {h.n_participants:,} participants) tested "
          f"{h.n_tasks} task, single-message political persuasion, and found sharply diminishing but positive "
          f"returns (frontier models only slightly more persuasive than 10x smaller ones), an association that "
          f"lost significance once task completion was adjusted for; it reports no per-10x effect size in its "
          f"abstract, so none is computed here.")
    return Assessment(judge([diminishing, no_more_effective, many_tasks]), ev)


CLAIMS = (
    Claim("EM-1", "002_6dd5508ec2aa51c5.txt", "other-side", "em-claim-emergence",
          "Some abilities appear suddenly and unpredictably with scale: absent in a 10B-parameter model, "
          "reliable in a 100B one, so a next generation could unlock new ones and reverse the slowdown.",
          "sudden abilities between 10B and 100B parameters", _claim_emergence),
    Claim("EM-2", "002_6dd5508ec2aa51c5.txt", "other-side", "em-claim-saturation",
          "Benchmarks near their ceiling hide progress: going from 95 % to 97 % costs effort out of proportion "
          "to the gain, which users may not notice.",
          "95 % -> 97 % needs disproportionate effort", _claim_saturation),
    Claim("EM-3", "004_2bd2b9b8142f26cf.txt", "other-side", "em-claim-inverse",
          "As models grow, some problems get worse (inverse scaling): bigger is not always better.",
          "some tasks degrade with scale", _claim_inverse),
    Claim("EM-4", "004_2bd2b9b8142f26cf.txt", "other-side", "em-claim-persuasion",
          "A PNAS study showed frontier models ten times larger were statistically no more effective at many "
          "real-world tasks.",
          "10x larger models no more effective", _claim_persuasion),
)
