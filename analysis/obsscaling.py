"""Observational scaling (Ruan, Maddison & Hashimoto 2024, ``ruan2024observational``) on a laptop.

Ruan et al. put the standard benchmark scores of many public base models into a low-dimensional
capability measure (principal components) and show that (i) the measure is close to linear in log
training compute within a model family and (ii) "emergent" BIG-bench tasks are predictable: a sigmoid in
the measure, fitted on small models, forecasts the large ones. The files are the paper's own
(``ryoungj/ObsScaling``, ``eval_results/``; provenance section 9): 148 base models with eight benchmark
scores, and 84 of them on seven emergent tasks.

This module reproduces (ii) with the first principal component, and measures what the seed articles
need: gain per decade of compute and of parameters, and how a truthfulness benchmark scales.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import optimize, special

from .data import DatasetSpec, load_csv
from .validation import require_choice, require_in_range, require_int, require_positive

BASE_EVAL = DatasetSpec(
    filename="ruan2024_obsscaling_base_llm_benchmark_eval.csv",
    sha256="511996815735a4c46251dc585dcc525e370d148201f86561e6f927f9df2d0db8",
    columns={"Model": "str", "Model Family": "str", "Model Size (B)": "float", "FLOPs (1E21)": "float",
             "MMLU": "float", "ARC-C": "float", "HellaSwag": "float", "Winograd": "float",
             "TruthfulQA": "float", "GSM8K": "float", "XWinograd": "float", "HumanEval": "float"},
    description="Ruan et al. (2024) base-model benchmark scores with size and compute",
    n_rows=148,
    nullable=frozenset({"FLOPs (1E21)", "ARC-C", "XWinograd", "HumanEval", "Model Size (B)"}),
)
EMERGENT_EVAL = DatasetSpec(
    filename="ruan2024_obsscaling_base_llm_emergent_capability_eval.csv",
    sha256="a156beee73c39b7833c3c53535c473939105512d85e90b0143be7325e516ef7c",
    columns={"Model": "str", "arithmetic_3ds_2_acc": "float", "arithmetic_3da_2_acc": "float",
             "arithmetic_2dm_2_acc": "float", "arithmetic_2da_2_acc": "float",
             "word_unscrambling_2_exact_match": "float", "parsinlu_qa_2_acc": "float",
             "ipa_transliterate_2_exact_match": "float"},
    description="Ruan et al. (2024) base models on the BIG-bench emergent tasks of Wei et al. (2022)",
    n_rows=84,
    nullable=frozenset({"parsinlu_qa_2_acc", "ipa_transliterate_2_exact_match", "arithmetic_3ds_2_acc",
                        "arithmetic_3da_2_acc", "arithmetic_2dm_2_acc", "arithmetic_2da_2_acc",
                        "word_unscrambling_2_exact_match"}),
)

#: Benchmarks that enter the capability measure (complete for nearly all models; XWinograd and
#: HumanEval have gaps and are left out).
PC_BENCHMARKS = ("MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "GSM8K")
#: Emergent tasks (accuracy or exact match, fractions), Wei et al. (2022) as used in Ruan et al. Sec. 4.1.
EMERGENT_TASKS = ("arithmetic_3ds_2_acc", "arithmetic_3da_2_acc", "arithmetic_2dm_2_acc",
                  "arithmetic_2da_2_acc", "word_unscrambling_2_exact_match", "parsinlu_qa_2_acc")
#: Tasks behind "reasoning, code and factual recall" (001): GSM8K, HumanEval, MMLU.
RCF_BENCHMARKS = ("GSM8K", "HumanEval", "MMLU")


@lru_cache(maxsize=1)
def _base() -> pd.DataFrame:
    raw = load_csv(BASE_EVAL)
    return raw.assign(flop=raw["FLOPs (1E21)"] * 1e21, params=raw["Model Size (B)"] * 1e9)


def load_base_models() -> pd.DataFrame:
    """The base models: ``Model``, ``Model Family``, ``params`` (parameters), ``flop`` (training FLOP,
    6ND, NaN for 25 models) and the eight benchmark scores (fractions)."""
    return _base().copy()


@dataclass(frozen=True)
class Capability:
    """First principal component of the standardised benchmark scores (Ruan et al.'s measure, k = 1).

    Attributes
    ----------
    table : pandas.DataFrame
        ``Model``, ``pc1`` (standard units, larger is more capable), ``flop``, ``params``.
    explained : float
        Share of the variance of the standardised scores explained by PC1.
    loadings : dict
        Weight of each benchmark.
    """

    table: pd.DataFrame
    explained: float
    loadings: dict


@lru_cache(maxsize=1)
def capability() -> Capability:
    """PC1 of the :data:`PC_BENCHMARKS` scores over every base model that has them all."""
    b = _base().dropna(subset=list(PC_BENCHMARKS)).reset_index(drop=True)
    X = b[list(PC_BENCHMARKS)].to_numpy(float)
    Z = (X - X.mean(0)) / X.std(0)
    _, s, vt = np.linalg.svd(Z, full_matrices=False)
    w = vt[0] * np.sign(vt[0].sum())
    table = pd.DataFrame({"Model": b["Model"], "pc1": Z @ w, "flop": b["flop"], "params": b["params"],
                          "family": b["Model Family"]})
    return Capability(table, float(s[0] ** 2 / (s ** 2).sum()), dict(zip(PC_BENCHMARKS, map(float, w))))


def _ols_slope(x, y) -> float:
    return float(np.polyfit(np.asarray(x, float), np.asarray(y, float), 1)[0])


@dataclass(frozen=True)
class BandGains:
    """Gain of a score per decade of a scale variable in two bands (least-squares slopes).

    Attributes
    ----------
    measure, scale : str
    lower, upper : float
        Gain per decade (score units per tenfold) in the lower and upper band.
    lower_low, lower_high, upper_low, upper_high : float
        Bootstrap intervals (models resampled within each band).
    bands : tuple
        Band edges (lo, mid, hi) of the scale variable.
    n_lower, n_upper : int
    """

    measure: str
    scale: str
    lower: float
    upper: float
    lower_low: float
    lower_high: float
    upper_low: float
    upper_high: float
    bands: tuple
    n_lower: int
    n_upper: int


def _band_boot(x, y, n_boot, rng, q):
    draws = []
    for _ in range(n_boot):
        i = rng.integers(0, x.size, x.size)
        if np.ptp(x[i]) > 0:
            draws.append(_ols_slope(x[i], y[i]))
    return np.percentile(draws, q)


@lru_cache(maxsize=16)
def band_gains(measure: str = "pc1", scale: str = "params", bands: tuple = (1e10, 1e11, 1e12), *,
               n_boot: int = 300, seed: int = 0, level: float = 0.9) -> BandGains:
    """Gain per decade of ``scale`` ("params" or "flop") of ``measure`` ("pc1", "rcf" = mean of GSM8K,
    HumanEval and MMLU in points, or one benchmark in points) within [lo, mid) and [mid, hi].
    """
    scale = require_choice("scale", scale, ("params", "flop"))
    lo, mid, hi = (float(v) for v in require_positive("bands", bands))
    if not lo < mid < hi:
        raise ValueError(f"bands must increase; got {bands!r}")
    n_boot = require_int("n_boot", n_boot, minimum=20)
    level = float(require_in_range("level", level, 0.5, 0.99))
    if measure == "pc1":
        t = capability().table.rename(columns={"pc1": "y"})
    else:
        cols = list(RCF_BENCHMARKS) if measure == "rcf" else [require_choice("measure", measure, ("pc1", "rcf") + PC_BENCHMARKS + ("HumanEval", "XWinograd"))]
        b = _base().dropna(subset=cols)
        t = b.assign(y=100 * b[cols].mean(axis=1))
    t = t.dropna(subset=[scale])
    x = np.log10(t[scale].to_numpy(float))
    y = t["y"].to_numpy(float)
    low_band = (x >= np.log10(lo)) & (x < np.log10(mid))
    up_band = (x >= np.log10(mid)) & (x <= np.log10(hi))
    if low_band.sum() < 3 or up_band.sum() < 3:
        raise ValueError(f"bands {bands!r} leave fewer than 3 models in a band for {measure!r} vs {scale!r}")
    rng = np.random.default_rng(seed)
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    ll, lh = _band_boot(x[low_band], y[low_band], n_boot, rng, q)
    ul, uh = _band_boot(x[up_band], y[up_band], n_boot, rng, q)
    return BandGains(measure, scale, _ols_slope(x[low_band], y[low_band]), _ols_slope(x[up_band], y[up_band]),
                     float(ll), float(lh), float(ul), float(uh), (lo, mid, hi), int(low_band.sum()),
                     int(up_band.sum()))


@lru_cache(maxsize=4)
def compute_slope(benchmark: str = "TruthfulQA") -> tuple[float, int]:
    """Points per decade of training compute of one benchmark over all base models with FLOPs, and n."""
    benchmark = require_choice("benchmark", benchmark, PC_BENCHMARKS + ("HumanEval", "XWinograd"))
    b = _base().dropna(subset=["flop", benchmark])
    return _ols_slope(np.log10(b["flop"]), 100 * b[benchmark]), int(len(b))


# --- Emergent tasks predicted from small models ----------------------------------------------------

def sigmoid_in(x, scale, mid, ceiling):
    """Accuracy = ceiling * sigmoid(scale * (x - mid)) (Ruan et al.'s form with a fitted ceiling, floor 0)."""
    return ceiling * special.expit(scale * (np.asarray(x, float) - mid))


def fit_sigmoid(x, y) -> np.ndarray:
    """Least-squares fit of :func:`sigmoid_in` (scale in [-50, 50], ceiling in [0.3, 1])."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    bounds = ([-50.0, x.min() - 20, 0.3], [50.0, x.max() + 20, 1.0])
    p0 = [1.0, float(np.median(x)), min(max(float(y.max()), 0.31), 1.0)]
    popt, _ = optimize.curve_fit(sigmoid_in, x, y, p0=p0, bounds=bounds, maxfev=20000)
    return popt


@dataclass(frozen=True)
class EmergencePrediction:
    """Forecast of emergent-task accuracy of large models from a sigmoid fitted on small ones.

    Attributes
    ----------
    cutoff_flop : float
        Models trained with less compute are the fitting set; the rest are predicted.
    table : pandas.DataFrame
        Held-out rows: ``task``, ``Model``, ``flop``, ``actual``, ``pred_pc1``, ``pred_flop``.
    mae_pc1, mae_flop : float
        Mean absolute error (fraction) of the forecasts from PC1 and from log10 compute, over the tasks
        the small models had not solved (best small-model accuracy below ``solved_at``).
    mae_constant : float
        Error of the naive forecast "as good as the best small model" on the same rows.
    n_train, n_test : int
        Model-task pairs fitted on and predicted (all tasks).
    open_tasks : tuple of str
        The tasks scored.
    solved_at : float
    """

    cutoff_flop: float
    table: pd.DataFrame
    mae_pc1: float
    mae_flop: float
    mae_constant: float
    n_train: int
    n_test: int
    open_tasks: tuple
    solved_at: float


@lru_cache(maxsize=8)
def predict_emergent(cutoff_flop: float = 1e23, solved_at: float = 0.9) -> EmergencePrediction:
    """Ruan et al.'s test on the emergent tasks: fit accuracy = sigmoid(PC1) on models below
    ``cutoff_flop`` and predict those above; the same with log10 compute in place of PC1 for comparison.
    Errors are scored on the tasks not yet solved by the small models (a solved task tests nothing)."""
    cutoff = float(require_positive("cutoff_flop", cutoff_flop))
    solved_at = float(require_in_range("solved_at", solved_at, 0.0, 1.0, inclusive=False))
    e = load_csv(EMERGENT_EVAL)
    cap = capability().table.dropna(subset=["flop"])
    j = e.merge(cap, on="Model")
    train, test = j[j["flop"] < cutoff], j[j["flop"] >= cutoff]
    if len(train) < 10 or len(test) < 3:
        raise ValueError(f"cutoff_flop={cutoff_flop:g} leaves too few models on one side "
                         f"({len(train)} below, {len(test)} above)")
    rows, n_train = [], 0
    for task in EMERGENT_TASKS:
        tr, te = train.dropna(subset=[task]), test.dropna(subset=[task])
        if len(tr) < 8 or te.empty:
            continue
        p_pc = fit_sigmoid(tr["pc1"], tr[task])
        p_fl = fit_sigmoid(np.log10(tr["flop"]), tr[task])
        n_train += len(tr)
        rows.append(pd.DataFrame({"task": task, "Model": te["Model"], "flop": te["flop"], "actual": te[task],
                                  "pred_pc1": sigmoid_in(te["pc1"], *p_pc),
                                  "pred_flop": sigmoid_in(np.log10(te["flop"]), *p_fl),
                                  "pred_constant": float(tr[task].max())}))
    table = pd.concat(rows, ignore_index=True)
    table["open"] = table["pred_constant"] < solved_at
    scored = table[table["open"]]
    if scored.empty:
        raise ValueError(f"every task is solved by the small models at cutoff_flop={cutoff_flop:g}")
    err = lambda c: float((scored[c] - scored["actual"]).abs().mean())  # noqa: E731
    return EmergencePrediction(cutoff, table, err("pred_pc1"), err("pred_flop"), err("pred_constant"),
                               n_train, len(table), tuple(scored["task"].unique()), solved_at)


@lru_cache(maxsize=4)
def sharpest_rise(task: str = "word_unscrambling_2_exact_match", small: float = 1.5e10, large: float = 1e11) -> tuple[float, float]:
    """Mean accuracy of models with at most ``small`` parameters (but at least a tenth of it) and of models
    with at least ``large`` parameters on an emergent task: the "10B fails, 100B reliable" test."""
    task = require_choice("task", task, EMERGENT_TASKS)
    e = load_csv(EMERGENT_EVAL).merge(_base()[["Model", "params"]], on="Model").dropna(subset=[task, "params"])
    s = e[(e["params"] <= small) & (e["params"] >= small / 10)][task]
    big = e[e["params"] >= large][task]
    if s.empty or big.empty:
        raise ValueError(f"no models in one of the size groups for {task!r}")
    return float(s.mean()), float(big.mean())


def forecast_chart(result: EmergencePrediction):
    """Forecast against actual accuracy of the held-out (larger) models on the emergent tasks the small
    models had not solved: PC1-based and compute-based forecasts; the diagonal is a perfect forecast."""
    import altair as alt

    from . import charts

    t = result.table[result.table["open"]].melt(
        id_vars=["task", "Model", "actual"], value_vars=["pred_pc1", "pred_flop"], var_name="from",
        value_name="forecast")
    t["from"] = t["from"].map({"pred_pc1": "capability measure (PC1)", "pred_flop": "training compute"})
    diag = alt.Chart(pd.DataFrame({"v": [0.0, 1.0]})).mark_line(
        color=charts.colour("reference"), strokeDash=[4, 3]).encode(x="v:Q", y="v:Q")
    pts = alt.Chart(t).mark_point(filled=True, opacity=0.75).encode(
        x=charts.x("forecast:Q", "forecast from smaller models", (0, 1), percent=True),
        y=charts.y("actual:Q", "measured accuracy", (0, 1), percent=True),
        color=alt.Color("from:N", title="forecast from", scale=charts.colour_scale(
            {"capability measure (PC1)": "our fit", "training compute": "compute"})),
        shape=alt.Shape("task:N", title="task"),
        tooltip=["Model:N", "task:N", alt.Tooltip("actual:Q", format=".0%"), alt.Tooltip("forecast:Q", format=".0%")])
    chart = (diag + pts).properties(title=alt.Title(
        "Forecasting 'emergent' tasks from smaller models",
        subtitle=f"fitted below {charts.si(result.cutoff_flop, 'FLOP')}; dashed: perfect forecast"))
    return charts.figure(
        chart, name="fig-em-forecast",
        description=("Measured accuracy of base models trained with more compute than the cutoff against the "
                     "accuracy forecast by a sigmoid fitted on smaller models, from the capability measure and "
                     "from compute, on the emergent tasks the small models had not solved."),
        source="Ruan, Maddison & Hashimoto (2024), ObsScaling evaluation files; fits: this book", data=t)
