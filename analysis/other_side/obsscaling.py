"""Observational scaling (Ruan, Maddison & Hashimoto 2024, ``ruan2024observational``) on a laptop.

Ruan et al. put the standard benchmark scores of many public base models into a low-dimensional
capability measure (principal components) and show that (i) the measure is close to linear in log
training compute within a model family and (ii) "emergent" BIG-bench tasks are predictable: a sigmoid in
the measure, fitted on small models, forecasts the large ones. The files are the paper's own
(``ryoungj/ObsScaling``, ``eval_results/``; provenance section 9): 148 base models with eight benchmark
scores, and 84 of them on seven emergent tasks.

This module reproduces (ii) with the paper's default set-up (three components fitted on the models
below 8.4e22 FLOP, a sigmoid link with a floor), and measures what the seed articles need: gain per decade of compute and of parameters, and how a truthfulness benchmark scales.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import optimize, special

from analysis.house.data import DatasetSpec, load_csv
from analysis.house.validation import (checked_cache, require_choice, require_finite, require_in_range, require_int,
                                       require_positive, require_positive_number, require_seed, require_vector)

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
    ratio_low, ratio_high : float
        Bootstrap interval of upper / lower (the two bands resampled independently; finite: see
        :func:`analysis.progress.frontier.slope_ratio`).
    method : str
        "pooled" (one least-squares line per band) or "family" (within-family slopes: family fixed effects).
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
    ratio_low: float = 0.0
    ratio_high: float = 0.0
    method: str = "pooled"


def _slope_in(x, y, g, method) -> float:
    """Least-squares slope of y on x; with ``method="family"`` within families (each family's mean removed,
    families with one model in the band drop out). 0 when x does not vary."""
    if method == "family":
        codes = pd.factorize(g)[0]
        counts = np.bincount(codes)
        keep = counts[codes] > 1
        if keep.sum() < 2:
            return 0.0
        c, x, y = codes[keep], x[keep], y[keep]
        n = np.bincount(c)
        m = n > 0
        mx = np.zeros(n.size)
        my = np.zeros(n.size)
        mx[m] = np.bincount(c, weights=x)[m] / n[m]
        my[m] = np.bincount(c, weights=y)[m] / n[m]
        dx, dy = x - mx[c], y - my[c]
        sxx = float((dx * dx).sum())
        return float((dx * dy).sum() / sxx) if sxx > 0 else 0.0
    return _ols_slope(x, y) if x.size >= 2 and np.ptp(x) > 0 else 0.0


def _band_draws(x, y, g, n_boot, rng, method):
    draws = []
    for _ in range(n_boot):
        i = rng.integers(0, x.size, x.size)
        if np.ptp(x[i]) > 0:
            draws.append(_slope_in(x[i], y[i], g[i], method))
    return np.array(draws)


#: Measures :func:`band_gains` knows besides single benchmarks: "pc1" (the capability measure), "rcf" (mean
#: of GSM8K, HumanEval and MMLU in points) and "rf" (mean of GSM8K and MMLU, which more large models have).
BAND_MEASURES = ("pc1", "rcf", "rf")
BAND_METHODS = ("pooled", "family")


@checked_cache(maxsize=64)
def band_gains(measure: str = "pc1", scale: str = "params", bands: tuple = (1e10, 1e11, 1e12), *,
               n_boot: int = 300, seed: int = 0, level: float = 0.9, method: str = "pooled") -> BandGains:
    """Gain per decade of ``scale`` ("params" or "flop") of ``measure`` ("pc1", "rcf" = mean of GSM8K,
    HumanEval and MMLU in points, "rf" = mean of GSM8K and MMLU, or one benchmark in points) within
    [lo, mid) and [mid, hi], pooled or within families (``method``).
    """
    scale = require_choice("scale", scale, ("params", "flop"))
    method = require_choice("method", method, BAND_METHODS)
    lo, mid, hi = (float(v) for v in require_positive("bands", bands))
    if not lo < mid < hi:
        raise ValueError(f"bands must increase; got {bands!r}")
    n_boot = require_int("n_boot", n_boot, minimum=20, maximum=100_000)
    require_seed(seed)
    level = float(require_in_range("level", level, 0.5, 0.99))
    if measure == "pc1":
        t = capability().table.rename(columns={"pc1": "y"})
    else:
        known = BAND_MEASURES + PC_BENCHMARKS + ("HumanEval", "XWinograd")
        cols = {"rcf": list(RCF_BENCHMARKS), "rf": ["GSM8K", "MMLU"]}.get(
            measure, [require_choice("measure", measure, known)])
        b = _base().dropna(subset=cols)
        t = b.assign(y=100 * b[cols].mean(axis=1), family=b["Model Family"])
    t = t.dropna(subset=[scale])
    x = np.log10(t[scale].to_numpy(float))
    y = t["y"].to_numpy(float)
    g = t["family"].astype(str).to_numpy()
    low_band = (x >= np.log10(lo)) & (x < np.log10(mid))
    up_band = (x >= np.log10(mid)) & (x <= np.log10(hi))
    if not (low_band.any() or up_band.any()):
        raise ValueError(f"bands {bands!r} hold no model for {measure!r} vs {scale!r}")
    # a band with one model or none is scored, not refused: a slope of 0 over its n models (the thin-evidence
    # rule keeps such a band from deciding anything)
    rng = np.random.default_rng(seed)
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    dl = _band_draws(x[low_band], y[low_band], g[low_band], n_boot, rng, method) if low_band.sum() > 1 else np.zeros(1)
    du = _band_draws(x[up_band], y[up_band], g[up_band], n_boot, rng, method) if up_band.sum() > 1 else np.zeros(1)
    dl, du = (d if d.size else np.zeros(1) for d in (dl, du))
    ll, lh = np.percentile(dl, q)
    ul, uh = np.percentile(du, q)
    from analysis.progress.frontier import slope_ratio

    n = min(dl.size, du.size)
    rl, rh = np.percentile([slope_ratio(a, c) for a, c in zip(dl[:n], du[:n])], q)
    lower = _slope_in(x[low_band], y[low_band], g[low_band], method)
    upper = _slope_in(x[up_band], y[up_band], g[up_band], method)
    return BandGains(measure, scale, lower, upper, float(ll), float(lh), float(ul), float(uh), (lo, mid, hi),
                     int(low_band.sum()), int(up_band.sum()), float(rl), float(rh), method)


@checked_cache(maxsize=4)
def compute_slope(benchmark: str = "TruthfulQA") -> tuple[float, int]:
    """Points per decade of training compute of one benchmark over all base models with FLOPs, and n."""
    benchmark = require_choice("benchmark", benchmark, PC_BENCHMARKS + ("HumanEval", "XWinograd"))
    b = _base().dropna(subset=["flop", benchmark])
    return _ols_slope(np.log10(b["flop"]), 100 * b[benchmark]), int(len(b))


@dataclass(frozen=True)
class ComputeSlope:
    """Points of one benchmark per decade of training compute among the base models with FLOPs.

    ``slope`` with its bootstrap interval ``low``/``high`` (models resampled), over ``n`` models; across
    families (pooled) or within families (each family's mean removed: only how a family's larger models
    differ from its smaller ones counts).
    """

    benchmark: str
    population: str
    slope: float
    low: float
    high: float
    n: int


#: TruthfulQA's own scaling finding (Lin, Hilton & Evans 2022, ``lin2022truthfulqa``): on its questions that
#: invite imitative falsehoods, "the largest models were generally the least truthful"; the example the
#: abstract of arXiv:2109.07958v1 gives is GPT-J 6B, "17% less truthful than its 125M-parameter counterpart"
#: (GPT-Neo 125M). Seen in stored copies of the v1 abstract (readkong.com's transcription of the arXiv PDF,
#: and the authors' excerpt on greaterwrong.com, "How truthful is GPT-3?"); the later abstract keeps the
#: sentence on the largest models and drops the example. Stored as the change of truthfulness from the
#: smaller to the larger model, in the paper's "%" (negative: the larger model is less truthful).
LIN_GPTJ_VS_125M_TRUTHFUL_CHANGE = -17.0

#: Which comparisons count for a slope against compute: every model (across families) or within families.
POPULATIONS = ("across families", "within families")


@checked_cache(maxsize=16)
def compute_slope_interval(benchmark: str = "TruthfulQA", population: str = "across families", *,
                           n_boot: int = 300, seed: int = 0, level: float = 0.9) -> ComputeSlope:
    """Points per decade of compute of ``benchmark`` with an interval, across or within model families."""
    benchmark = require_choice("benchmark", benchmark, PC_BENCHMARKS + ("HumanEval", "XWinograd"))
    population = require_choice("population", population, POPULATIONS)
    n_boot = require_int("n_boot", n_boot, minimum=20, maximum=100_000)
    level = float(require_in_range("level", level, 0.5, 0.99))
    b = _base().dropna(subset=["flop", benchmark])
    x = np.log10(b["flop"].to_numpy(float))
    y = 100 * b[benchmark].to_numpy(float)
    g = b["Model Family"].astype(str).to_numpy()
    method = "family" if population == "within families" else "pooled"
    draws = _band_draws(x, y, g, n_boot, np.random.default_rng(require_int("seed", seed, minimum=0)), method)
    lo, hi = np.percentile(draws, [(1 - level) / 2 * 100, (1 + level) / 2 * 100])
    return ComputeSlope(benchmark, population, _slope_in(x, y, g, method), float(lo), float(hi), int(x.size))


# --- Emergent tasks predicted from small models ----------------------------------------------------

#: Ruan et al.'s default set-up, from the README of ``ryoungj/ObsScaling`` ("Minimal Code for Fitting
#: Scaling Laws"): hold out models trained with at least 8.4e22 FLOP ("corresponding to Llama-2 7B"),
#: predict from 3 principal components (``PC_METRIC_NUM_3``), with the "sigmoid-parametric" link
#: E = (1 - b) sigmoid(beta . S + alpha) + b, floor b in [0, 0.2], fitted by least squares; the
#: principal components are fitted on the training models only.
RUAN_CUTOFF_FLOP = 8.4e22
RUAN_N_PCS = 3
RUAN_MAX_FLOOR = 0.2


def sigmoid_link(S, *params):
    """Ruan et al.'s link: E = (1 - b) sigmoid(S @ beta + alpha) + b; ``params`` = (beta..., alpha, b)."""
    S = _scores(S)
    k = S.shape[1]
    p = require_vector("params", list(params))
    if p.size != k + 2:
        raise ValueError(f"params must hold {k + 2} values (beta for each of the {k} columns of S, alpha, b); "
                         f"got {p.size}")
    return _sigmoid_link(S, *p)


def _scores(S) -> np.ndarray:
    """Capability scores as a (models x measures) table: a 1-D array is one measure."""
    S = np.atleast_2d(require_finite("S", S))
    if S.ndim != 2 or S.size == 0:
        raise ValueError(f"S must be a (models x measures) table; got shape {S.shape}")
    return S


def _sigmoid_link(S, *params):
    k = S.shape[1]
    beta, alpha, floor = np.asarray(params[:k], float), params[k], params[k + 1]
    return (1.0 - floor) * special.expit(S @ beta + alpha) + floor


def fit_link(S, y) -> np.ndarray:
    """Least-squares fit of :func:`sigmoid_link` (floor bounded to [0, RUAN_MAX_FLOOR])."""
    S = _scores(S)
    k = S.shape[1]
    y = require_in_range("y", require_vector("y", y), 0.0, 1.0)
    if y.size != S.shape[0] or y.size <= k + 2:
        raise ValueError(f"y must hold one accuracy per row of S ({S.shape[0]}), more than the {k + 2} parameters; "
                         f"got {y.size}")
    f = lambda X, *p: _sigmoid_link(X.reshape(-1, k), *p)  # noqa: E731
    lo = [-np.inf] * (k + 1) + [0.0]
    hi = [np.inf] * (k + 1) + [RUAN_MAX_FLOOR]
    popt, _ = optimize.curve_fit(f, S, np.asarray(y, float), p0=[0.0] * (k + 1) + [0.01], bounds=(lo, hi),
                                 maxfev=50_000)
    return popt


@dataclass(frozen=True)
class EmergencePrediction:
    """Forecast of emergent-task accuracy of large models from fits on small ones.

    Attributes
    ----------
    cutoff_flop : float
        Models trained with less compute are the fitting set; the rest are predicted.
    n_pcs : int
        Principal components used as the capability measure.
    table : pandas.DataFrame
        Held-out rows: ``task``, ``Model``, ``flop``, ``actual``, ``pred_pc`` (from the capability
        measure), ``pred_flop`` (from log10 compute), ``pred_constant`` (best small model), ``open``.
    mae_pc, mae_flop, mae_constant : float
        Mean absolute errors (fractions) on the tasks the small models had not solved (best small-model
        accuracy below ``solved_at``).
    n_train, n_test : int
        Model-task pairs fitted on and predicted (all tasks).
    open_tasks : tuple of str
    solved_at : float
    """

    cutoff_flop: float
    n_pcs: int
    table: pd.DataFrame
    mae_pc: float
    mae_flop: float
    mae_constant: float
    n_train: int
    n_test: int
    open_tasks: tuple
    solved_at: float


@checked_cache(maxsize=8)
def predict_emergent(cutoff_flop: float = RUAN_CUTOFF_FLOP, n_pcs: int = RUAN_N_PCS,
                     solved_at: float = 0.9) -> EmergencePrediction:
    """Ruan et al.'s test on the emergent tasks: principal components of the benchmark scores of the
    models below ``cutoff_flop``, a sigmoid link from them to each task's accuracy fitted on those models,
    and forecasts for the models above; the same link on log10 compute for comparison. Errors are scored
    on the tasks not yet solved by the small models (a solved task tests nothing).

    XWinograd and HumanEval, which Ruan et al. impute where missing, are left out of the components here.
    """
    cutoff = float(require_positive("cutoff_flop", cutoff_flop))
    k = require_int("n_pcs", n_pcs, minimum=1)
    if k > len(PC_BENCHMARKS):
        raise ValueError(f"n_pcs must be at most {len(PC_BENCHMARKS)}; got {n_pcs}")
    solved_at = float(require_in_range("solved_at", solved_at, 0.0, 1.0, inclusive=False))
    base = _base().dropna(subset=list(PC_BENCHMARKS) + ["flop"])
    j = load_csv(EMERGENT_EVAL).merge(base, on="Model")
    train, test = j[j["flop"] < cutoff], j[j["flop"] >= cutoff]
    if len(train) < 10 or len(test) < 3:
        raise ValueError(f"cutoff_flop={cutoff_flop:g} leaves too few models on one side "
                         f"({len(train)} below, {len(test)} above)")
    X = train[list(PC_BENCHMARKS)].to_numpy(float)
    mu = X.mean(axis=0)
    w = np.linalg.svd(X - mu, full_matrices=False)[2][:k].T
    s_train, s_test = (X - mu) @ w, (test[list(PC_BENCHMARKS)].to_numpy(float) - mu) @ w
    lc_train, lc_test = np.log10(train["flop"].to_numpy(float)), np.log10(test["flop"].to_numpy(float))
    rows, n_train = [], 0
    for task in EMERGENT_TASKS:
        m_tr, m_te = train[task].notna().to_numpy(), test[task].notna().to_numpy()
        if m_tr.sum() < 8 or not m_te.any():
            continue
        y = train[task].to_numpy(float)[m_tr]
        p_pc = fit_link(s_train[m_tr], y)
        p_fl = fit_link(lc_train[m_tr, None], y)
        n_train += int(m_tr.sum())
        te = test[m_te]
        rows.append(pd.DataFrame({"task": task, "Model": te["Model"].to_numpy(), "flop": te["flop"].to_numpy(),
                                  "actual": te[task].to_numpy(float),
                                  "pred_pc": sigmoid_link(s_test[m_te], *p_pc),
                                  "pred_flop": sigmoid_link(lc_test[m_te, None], *p_fl),
                                  "pred_constant": float(y.max())}))
    table = pd.concat(rows, ignore_index=True)
    table["open"] = table["pred_constant"] < solved_at
    scored = table[table["open"]]
    if scored.empty:
        raise ValueError(f"every task is solved by the small models at cutoff_flop={cutoff_flop:g}")
    err = lambda c: float((scored[c] - scored["actual"]).abs().mean())  # noqa: E731
    return EmergencePrediction(cutoff, k, table, err("pred_pc"), err("pred_flop"), err("pred_constant"),
                               n_train, len(table), tuple(scored["task"].unique()), solved_at)


@checked_cache(maxsize=4)
def sharpest_rise(task: str = "word_unscrambling_2_exact_match", small: float = 1.5e10, large: float = 1e11) -> tuple[float, float]:
    """Mean accuracy of models with at most ``small`` parameters (but at least a tenth of it) and of models
    with at least ``large`` parameters on an emergent task: the "10B fails, 100B reliable" test."""
    task = require_choice("task", task, EMERGENT_TASKS)
    small, large = require_positive_number("small", small), require_positive_number("large", large)
    if not small < large:
        raise ValueError(f"large must exceed small; got small={small!r}, large={large!r}")
    e = load_csv(EMERGENT_EVAL).merge(_base()[["Model", "params"]], on="Model").dropna(subset=[task, "params"])
    s = e[(e["params"] <= small) & (e["params"] >= small / 10)][task]
    big = e[e["params"] >= large][task]
    if s.empty or big.empty:
        raise ValueError(f"no models in one of the size groups (small={small:.3g}, large={large:.3g}) for {task!r}")
    return float(s.mean()), float(big.mean())


@dataclass(frozen=True)
class Jumps:
    """Emergent tasks that the small models fail and the large ones do reliably (the "10B fails, 100B does
    it" test), for size groups and thresholds of the caller's choosing.

    Attributes
    ----------
    n_jumps : int
        Tasks whose small-group mean accuracy is at most ``unable`` and large-group mean at least ``reliable``.
    n_tasks : int
        Tasks with models in both groups.
    task : str
        The task with the largest rise (large minus small mean) among the tasks the small models fail
        (among all tasks if none), "" if no task has models in both groups.
    small, large : float
        Mean accuracies of the two groups on ``task`` (0 when there is none).
    n_small, n_large : int
        Models in each group on ``task`` (the large group is what a "reliable" check rests on).
    """

    n_jumps: int
    n_tasks: int
    task: str
    small: float
    large: float
    n_small: int
    n_large: int


@checked_cache(maxsize=32)
def emergent_jumps(small: tuple = (1e10 / 1.5, 1e10 * 1.5), large: tuple = (1e11 / 1.5, 1e11 * 1.5), *,
                   unable: float = 0.2, reliable: float = 0.6) -> Jumps:
    """Count the emergent tasks on which models of ``small`` size (parameters, [lo, hi]) fail (mean accuracy
    at most ``unable``) while models of ``large`` size succeed reliably (mean at least ``reliable``)."""
    (s_lo, s_hi), (l_lo, l_hi) = (tuple(float(v) for v in require_positive(n, g)) for n, g in
                                  (("small", small), ("large", large)))
    if not (s_lo <= s_hi < l_lo <= l_hi):
        raise ValueError(f"small and large must be increasing, non-overlapping ranges; got {small!r}, {large!r}")
    unable = float(require_in_range("unable", unable, 0.0, 1.0))
    reliable = float(require_in_range("reliable", reliable, 0.0, 1.0))
    e = load_csv(EMERGENT_EVAL).merge(_base()[["Model", "params"]], on="Model")
    rows = []
    for t in EMERGENT_TASKS:
        d = e.dropna(subset=[t, "params"])
        a = d.loc[d["params"].between(s_lo, s_hi), t]
        b = d.loc[d["params"].between(l_lo, l_hi), t]
        if len(a) and len(b):
            rows.append((t, float(a.mean()), float(b.mean()), len(a), len(b)))
    if not rows:
        return Jumps(0, 0, "", 0.0, 0.0, 0, 0)
    jumps = [r for r in rows if r[1] <= unable and r[2] >= reliable]
    pool = [r for r in rows if r[1] <= unable] or rows
    t, a, b, na, nb = max(pool, key=lambda r: r[2] - r[1])
    return Jumps(len(jumps), len(rows), t, a, b, na, nb)


#: What a forecast of the larger models may use: their capability measure (principal components of their own
#: benchmark scores, known only once they are trained: after the fact) or their training compute alone (known
#: before training: in advance).
FORECAST_SOURCES = {"capability": "pred_pc", "compute": "pred_flop"}


@checked_cache(maxsize=16)
def forecast_gain(cutoff_flop: float = RUAN_CUTOFF_FLOP, n_pcs: int = RUAN_N_PCS, *, n_boot: int = 300,
                  seed: int = 0, level: float = 0.9, source: str = "capability") -> tuple[float, float, float, int]:
    """How much better the forecast from smaller models does than the naive guess "no better than the best
    small model" on the unsolved tasks: mean absolute error of the naive guess minus that of the forecast
    from ``source`` (see :data:`FORECAST_SOURCES`; fractions), with a bootstrap interval over the held-out
    model-task pairs, and the number of pairs. Above zero: the jump was foreseeable from that source."""
    n_boot, seed = require_int("n_boot", n_boot, minimum=20, maximum=100_000), require_seed(seed)
    column = FORECAST_SOURCES[require_choice("source", source, tuple(FORECAST_SOURCES))]
    p = predict_emergent(cutoff_flop, n_pcs)
    t = p.table[p.table["open"]]
    gap = ((t["pred_constant"] - t["actual"]).abs() - (t[column] - t["actual"]).abs()).to_numpy(float)
    rng = np.random.default_rng(require_int("seed", seed, minimum=0))
    draws = [gap[rng.integers(0, gap.size, gap.size)].mean() for _ in range(require_int("n_boot", n_boot, minimum=20))]
    level = float(require_in_range("level", level, 0.5, 0.99))
    lo, hi = np.percentile(draws, [(1 - level) / 2 * 100, (1 + level) / 2 * 100])
    return float(gap.mean()), float(lo), float(hi), int(gap.size)
