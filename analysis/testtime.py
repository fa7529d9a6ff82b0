"""Chapter: Test-time compute -- what repeated sampling and longer reasoning really buy.

Two kinds of evidence meet here.

* **Repeated sampling** (Brown et al. 2024, "Large Language Monkeys", bibtex ``brown2024monkeys``): for each
  problem of MATH (7 Pythia sizes) and CodeContests (5 models), how many of 10,000 samples were correct.
  From these counts we compute exact coverage (pass@k), fit Brown et al.'s exponentiated power law,
  compare model sizes at equal inference FLOPs, and show how far practical selection (majority vote, an
  imperfect verifier) falls below coverage.
* **Agents that reason longer** (Kim et al. 2025, "The Cost of Dynamic Reasoning", bibtex
  ``kim2025dynamicreasoning``): their Table III (accuracy, latency and GPU energy per query) and Table IV
  (datacenter power at two traffic levels) are kept below as cited constants, and a fleet model turns
  energy per query into power, daily energy and cost.

Units are in the names: ``_wh`` watt-hours, ``_w`` watts, ``_s`` seconds, ``_flop`` floating-point
operations, ``_usd`` US dollars, ``_per_kwh`` per kilowatt-hour, ``_pct`` percent.

Other chapters (the economics chapter) should import the per-query energies from here:
:data:`KIM_TABLE_III`, :func:`energy_wh_per_query`, :func:`fleet_power_w`, :func:`daily_energy_wh`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd
from scipy import optimize, stats

from .claims.legacy import Assessment, Claim, judge
from .data import load_monkeys_counts
from .validation import (
    require_choice,
    require_in_range,
    require_int,
    require_min_length,
    require_nonnegative,
    require_positive,
    require_same_shape,
)

HOURS_PER_DAY = 24.0
DAYS_PER_WEEK = 7

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


@dataclass(frozen=True)
class KimRow:
    """One row of Kim et al. (2025) Table III: a single request on HotpotQA served on A100 GPUs.

    Attributes
    ----------
    model : str
        Backend LLM, ``"8B"`` or ``"70B"`` (Llama-3.1-Instruct).
    design : str
        ``"ShareGPT"`` (single-turn chat baseline), ``"Reflexion"`` (sequential scaling) or ``"LATS"``
        (tree search, parallel scaling); the agents' highest-accuracy configurations.
    accuracy_pct : float or None
        HotpotQA exact-match accuracy (%); the chat baseline has none.
    latency_s : float
        End-to-end latency of one request (s).
    energy_wh : float
        GPU energy of one request (Wh/query); GPU only, no CPU, memory, network or cooling.
    gpus : int
        A100 40GB GPUs serving the model (1 for 8B, 8 for 70B; the paper's Section III).
    """

    model: str
    design: str
    accuracy_pct: float | None
    latency_s: float
    energy_wh: float
    gpus: int


#: Kim et al. (2025), arXiv:2506.04301 v2 (bibtex ``kim2025dynamicreasoning``), Table III: "Accuracy,
#: latency, and GPU energy consumption when servicing a single agent request on HotpotQA."
KIM_TABLE_III = (
    KimRow("8B", "ShareGPT", None, 4.23, 0.32, 1),
    KimRow("8B", "Reflexion", 38.0, 649.34, 41.53, 1),
    KimRow("8B", "LATS", 80.0, 380.90, 22.76, 1),
    KimRow("70B", "ShareGPT", None, 6.40, 2.55, 8),
    KimRow("70B", "Reflexion", 67.0, 720.00, 348.41, 8),
    KimRow("70B", "LATS", 82.0, 305.67, 158.48, 8),
)
KIM_MODELS = ("8B", "70B")
KIM_DESIGNS = ("ShareGPT", "Reflexion", "LATS")

#: Kim et al. (2025) Table IV traffic levels (queries/day): ChatGPT's conservative daily active users
#: (71.4 million, one agentic query each) and Google Search (13.7 billion).
KIM_TRAFFIC_TODAY = 71.4e6
KIM_TRAFFIC_SEARCH = 13.7e9

#: Kim et al. (2025) Table IV, datacenter-wide power (W) as printed (rounded to one decimal of M or G):
#: (model, design) -> (power at 71.4 M queries/day, power at 13.7 B queries/day).
KIM_TABLE_IV = {
    ("8B", "ShareGPT"): (1.0e6, 182.7e6),
    ("8B", "Reflexion"): (123.6e6, 23.7e9),
    ("8B", "LATS"): (67.7e6, 13.0e9),
    ("70B", "ShareGPT"): (7.6e6, 1.5e9),
    ("70B", "Reflexion"): (1.0e9, 198.9e9),
    ("70B", "LATS"): (471.5e6, 90.5e9),
}


@dataclass(frozen=True)
class KimSequentialScaling:
    """Kim et al. (2025) Section V-B, Figure 16(a): Reflexion on HotpotQA with the 8B model (default
    backend), raising the maximum number of reflection steps.

    A first step from ``early_from_s`` to ``early_to_s`` of latency gains ``gain_pct`` accuracy; the same
    gain from ``late_from_s`` needs ``late_extra_s`` more seconds; the paper calls the ratio of the two
    latency increases ``stated_ratio`` times "higher cost for the same marginal gain". The paper gives no
    energy for these design points (``energy_reported`` is False): its cost measure here is latency.
    """

    early_from_s: float = 16.9
    early_to_s: float = 25.6
    late_from_s: float = 56.0
    late_extra_s: float = 269.5
    gain_pct: float = 4.0
    stated_ratio: float = 31.0
    energy_reported: bool = False


KIM_SEQUENTIAL = KimSequentialScaling()

#: Kim et al. (2025) Section V: "To assess each design point, we used a benchmark of 50 sample questions."
KIM_QUESTIONS_PER_DESIGN_POINT = 50
#: Kim et al. (2025) Section VI: daily GPU energy of Reflexion at 71.4 M queries/day (Wh/day), and the
#: daily electricity use of Seattle and its surrounding area they compare it with (24.8 GWh).
KIM_DAILY_REFLEXION_WH = {"8B": 2.97e9, "70B": 24.89e9}
KIM_SEATTLE_DAILY_WH = 24.8e9
#: Kim et al. (2025) Section VI: average load of the entire US grid (W), 4,178e3 GWh / 8760 h.
KIM_US_GRID_AVERAGE_W = 476.9e9
#: Kim et al. (2025) Section V-B, Figure 16(c): LATS going from 1 to 16 child nodes per expansion gains
#: 14.4 accuracy points while cutting average latency by 196.3 s.
KIM_LATS_PARALLEL_GAIN_PCT = 14.4
KIM_LATS_PARALLEL_LATENCY_CUT_S = 196.3


def kim_table_iii() -> pd.DataFrame:
    """Kim et al.'s Table III as a DataFrame (columns of :class:`KimRow`, plus the ratios to the chat
    baseline of the same model, which the paper prints in parentheses)."""
    frame = pd.DataFrame([r.__dict__ for r in KIM_TABLE_III])
    base = frame[frame["design"] == "ShareGPT"].set_index("model")
    frame["latency_ratio"] = frame["latency_s"] / frame["model"].map(base["latency_s"])
    frame["energy_ratio"] = frame["energy_wh"] / frame["model"].map(base["energy_wh"])
    frame["average_power_w"] = average_power_w(frame["energy_wh"].to_numpy(), frame["latency_s"].to_numpy())
    return frame


def _kim_row(model: str, design: str) -> KimRow:
    require_choice("model", model, KIM_MODELS)
    require_choice("design", design, KIM_DESIGNS)
    return next(r for r in KIM_TABLE_III if r.model == model and r.design == design)


def energy_wh_per_query(model: str, design: str) -> float:
    """GPU energy of one HotpotQA request (Wh/query) from Kim et al. (2025) Table III.

    Parameters
    ----------
    model : {"8B", "70B"}
        Llama-3.1-Instruct backend.
    design : {"ShareGPT", "Reflexion", "LATS"}
        Single-turn chat baseline or one of the two agents.
    """
    return _kim_row(model, design).energy_wh


# --- The fleet model ------------------------------------------------------------------------------

def average_power_w(energy_wh, latency_s) -> np.ndarray:
    """Average power (W) drawn while serving one request: energy (Wh) x 3600 / latency (s)."""
    e = require_nonnegative("energy_wh", energy_wh)
    t = require_positive("latency_s", latency_s)
    return e * 3600.0 / t


def daily_energy_wh(energy_wh_per_query, queries_per_day) -> np.ndarray:
    """Energy per day (Wh/day) of serving ``queries_per_day`` queries at ``energy_wh_per_query`` each."""
    e = require_nonnegative("energy_wh_per_query", energy_wh_per_query)
    q = require_nonnegative("queries_per_day", queries_per_day)
    return e * q


def fleet_power_w(energy_wh_per_query, queries_per_day) -> np.ndarray:
    """Average power (W) of a fleet serving ``queries_per_day`` queries of ``energy_wh_per_query`` (Wh)
    each: P = E x Q / 24 h, Kim et al.'s formula for their Table IV."""
    return daily_energy_wh(energy_wh_per_query, queries_per_day) / HOURS_PER_DAY


def queries_per_day_for_power(power_w, energy_wh_per_query) -> np.ndarray:
    """Traffic (queries/day) at which a fleet at ``energy_wh_per_query`` (Wh) draws ``power_w`` (W)."""
    p = require_nonnegative("power_w", power_w)
    e = require_positive("energy_wh_per_query", energy_wh_per_query)
    return p * HOURS_PER_DAY / e


def energy_cost_usd(energy_wh, usd_per_kwh) -> np.ndarray:
    """Cost (USD) of ``energy_wh`` watt-hours of electricity at ``usd_per_kwh``."""
    e = require_nonnegative("energy_wh", energy_wh)
    price = require_nonnegative("usd_per_kwh", usd_per_kwh)
    return e / 1000.0 * price


def break_even_price_usd_per_kwh(budget_usd, energy_wh) -> np.ndarray:
    """Electricity price (USD/kWh) at which ``energy_wh`` watt-hours cost exactly ``budget_usd``."""
    b = require_nonnegative("budget_usd", budget_usd)
    e = require_positive("energy_wh", energy_wh)
    return b / (e / 1000.0)


def kim_fleet_table(queries_per_day=(KIM_TRAFFIC_TODAY, KIM_TRAFFIC_SEARCH)) -> pd.DataFrame:
    """Table III energies turned into fleet power at each traffic level, next to the published Table IV.

    Returns
    -------
    pandas.DataFrame
        One row per (model, design, traffic): ``energy_wh``, ``queries_per_day``, ``power_w`` (ours),
        ``published_w`` (Table IV where the traffic is one of its two levels, else NaN), ``relative_error``,
        and ``queries_for_1gw`` (traffic at which this design draws 1 GW).
    """
    q = require_positive("queries_per_day", queries_per_day)
    rows = []
    for r in KIM_TABLE_III:
        for traffic in np.ravel(q):
            published = KIM_TABLE_IV[(r.model, r.design)]
            pub = published[0] if traffic == KIM_TRAFFIC_TODAY else published[1] if traffic == KIM_TRAFFIC_SEARCH else np.nan
            power = float(fleet_power_w(r.energy_wh, traffic))
            rows.append({"model": r.model, "design": r.design, "energy_wh": r.energy_wh, "queries_per_day": float(traffic),
                         "power_w": power, "published_w": pub, "relative_error": power / pub - 1 if pub == pub else np.nan,
                         "queries_for_1gw": float(queries_per_day_for_power(1e9, r.energy_wh))})
    return pd.DataFrame(rows)


def sequential_marginal_ratio(s: KimSequentialScaling = KIM_SEQUENTIAL) -> float:
    """Ratio of the two latency increases that each bought the same accuracy gain in Kim et al.'s
    Reflexion sweep: late_extra_s / (early_to_s - early_from_s)."""
    early = s.early_to_s - s.early_from_s
    if early <= 0 or s.late_extra_s <= 0:
        raise ValueError(f"latency increases must be positive; got {early} and {s.late_extra_s}")
    return s.late_extra_s / early


def accuracy_interval(accuracy_pct, n_questions: int = KIM_QUESTIONS_PER_DESIGN_POINT, level: float = 0.9):
    """Wilson score interval (percent) of an accuracy measured on ``n_questions`` questions.

    Returns a pair of arrays (low, high). Used to read Kim et al.'s accuracies, measured on 50 questions.
    """
    a = require_in_range("accuracy_pct", accuracy_pct, 0.0, 100.0) / 100.0
    n = require_int("n_questions", n_questions, minimum=1)
    require_in_range("level", level, 0.0, 1.0, inclusive=False)
    z = stats.norm.ppf(0.5 + level / 2)
    centre = (a + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * np.sqrt(a * (1 - a) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return 100 * (centre - half), 100 * (centre + half)


# --- pass@k and coverage --------------------------------------------------------------------------

def _require_counts(name: str, value) -> np.ndarray:
    arr = require_nonnegative(name, value)
    bad = arr != np.round(arr)
    if bad.any():
        raise ValueError(f"{name} must hold whole numbers; got {arr[bad].ravel()[0]!r}")
    return arr.astype(np.int64)


def pass_at_k(n, c, k) -> np.ndarray:
    """Unbiased pass@k of Chen et al. (2021) (bibtex ``chen2021codex``): the probability that at least
    one of ``k`` samples drawn without replacement from ``n`` generated samples, ``c`` of them correct,
    is correct: 1 - C(n-c, k) / C(n, k).

    The ratio of binomials is computed as the product prod_{i<k} (1 - c / (n - i)) summed in log space
    with ``log1p`` (no binomial is ever formed, so n = 10,000 and k = 10,000 are exact to rounding);
    the result is exactly 1 where n - c < k and exactly 0 where c = 0. Vectorised: ``n``, ``c`` and ``k``
    broadcast against each other.

    Parameters
    ----------
    n : array_like of int
        Samples generated per problem (>= 1).
    c : array_like of int
        Correct samples among them (0 <= c <= n).
    k : array_like of int
        Samples drawn (1 <= k <= n).

    Returns
    -------
    ndarray of float (a numpy scalar for scalar input)
    """
    n = _require_counts("n", n)
    c = _require_counts("c", c)
    k = _require_counts("k", k)
    if np.any(n < 1):
        raise ValueError(f"n must be at least 1; got {n.min()}")
    if np.any(k < 1):
        raise ValueError(f"k must be at least 1; got {k.min()}")
    n, c, k = np.broadcast_arrays(n, c, k)
    if np.any(c > n):
        i = np.argwhere(c > n)[0]
        raise ValueError(f"c must not exceed n; got c = {c[tuple(i)]} > n = {n[tuple(i)]}")
    if np.any(k > n):
        i = np.argwhere(k > n)[0]
        raise ValueError(f"k must not exceed n; got k = {k[tuple(i)]} > n = {n[tuple(i)]}")
    out = np.ones(n.shape, dtype=float)
    certain = (n - c) < k
    zero = c == 0
    out[zero] = 0.0
    todo = ~certain & ~zero
    if todo.any():
        nn, cc, kk = n[todo], c[todo], k[todo]
        res = np.empty(nn.shape)
        pairs, inverse = np.unique(np.stack([nn, cc]), axis=1, return_inverse=True)
        inverse = inverse.ravel()
        for j in range(pairs.shape[1]):
            members = inverse == j
            n_j, c_j = int(pairs[0, j]), int(pairs[1, j])
            kmax = int(kk[members].max())
            i = np.arange(kmax, dtype=float)
            log_ratio = np.cumsum(np.log1p(-c_j / (n_j - i)))
            res[members] = -np.expm1(log_ratio[kk[members] - 1])
        out[todo] = res
    return out[()] if out.ndim == 0 else out


def coverage(n, c, ks) -> np.ndarray:
    """Coverage@k: mean over problems of pass@k, for each k in ``ks``.

    Parameters
    ----------
    n, c : array_like of int
        Samples and correct samples per problem (same shape, 1-D).
    ks : array_like of int
        Sample counts at which to evaluate.
    """
    n = _require_counts("n", n)
    c = _require_counts("c", c)
    require_same_shape(n=n, c=c)
    require_min_length("c", np.ravel(c), 1)
    ks = np.atleast_1d(_require_counts("ks", ks))
    return pass_at_k(np.ravel(n)[:, None], np.ravel(c)[:, None], ks[None, :]).mean(axis=0)


#: The k grid of the coverage curves: 1, 2, 3, 5, 10, ... 10,000 (about four points per decade).
DEFAULT_KS = np.unique(np.round(np.logspace(0, 4, 17)).astype(int))


def _counts(benchmark: str, model: str) -> np.ndarray:
    frame = load_monkeys_counts(benchmark)
    known = sorted(frame["model"].unique())
    require_choice("model", model, known)
    return frame.loc[frame["model"] == model, "num_correct"].to_numpy()


def monkeys_models(benchmark: str) -> list[str]:
    """Models of one benchmark in Brown et al.'s data, smallest Pythia first for MATH."""
    names = sorted(load_monkeys_counts(benchmark)["model"].unique())
    if benchmark == "MATH":
        names.sort(key=lambda m: PYTHIA_TOTAL_PARAMS[m])
    return names


@lru_cache(maxsize=4)
def coverage_curves(benchmark: str = "MATH", ks: tuple[int, ...] = tuple(DEFAULT_KS)) -> pd.DataFrame:
    """Exact coverage@k of every model of ``benchmark`` on the ``ks`` grid.

    Returns
    -------
    pandas.DataFrame
        Columns ``benchmark``, ``model``, ``k``, ``coverage`` (fraction of problems), ``params`` (total
        parameters for Pythia, NaN otherwise).
    """
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


@lru_cache(maxsize=16)
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


@lru_cache(maxsize=8)
def flop_matched_pairs(tokens_per_sample: float = 256.0, count: str = "total") -> pd.DataFrame:
    """Every pair of Pythia sizes on MATH compared at equal inference FLOPs: the smaller model draws
    k = floor(N_large / N_small) samples, the larger one draws 1 (pairs less than 2x apart are left out).
    N is counted as ``count`` (:func:`pythia_flop_params`); the default ``"total"`` charges the small
    models for their input-embedding lookup, which makes the match conservative against them.

    ``tokens_per_sample`` scales both sides equally, so it cancels in the comparison; it only sets the
    FLOP figures shown.

    Returns
    -------
    pandas.DataFrame
        Columns ``small``, ``large``, ``k_small``, ``flop`` (per problem), ``coverage_small`` (coverage of
        k samples), ``pass1_large``, ``majority_small`` (majority vote of k samples, see
        :func:`majority_vote_accuracy` with the default ``dominant_wrong_share``), ``verifier_small``
        (best-of-k with the default imperfect verifier), ``small_wins`` (coverage beats the single sample).
    """
    t = float(require_positive("tokens_per_sample", tokens_per_sample))
    require_choice("count", count, PARAM_COUNTS)
    models = monkeys_models("MATH")
    size = {m: pythia_flop_params(m, count) for m in models}
    rows = []
    for i, small in enumerate(models):
        c_small = _counts("MATH", small)
        n_small = np.full_like(c_small, MONKEYS_SAMPLES)
        for large in models[i + 1:]:
            k = int(size[large] // size[small])
            c_large = _counts("MATH", large)
            rows.append({
                "small": small, "large": large, "k_small": int(k),
                "flop": float(inference_flop(size[large], 1, t)),
                "coverage_small": float(coverage(n_small, c_small, [k])[0]),
                "pass1_large": float(coverage(np.full_like(c_large, MONKEYS_SAMPLES), c_large, [1])[0]),
                "majority_small": float(majority_vote_accuracy(c_small, MONKEYS_SAMPLES, min(k, MAJORITY_K_MAX))),
                "verifier_small": float(verifier_best_of_k(c_small, MONKEYS_SAMPLES, [k], VERIFIER_RECALL, VERIFIER_FPR)[0]),
            })
    frame = pd.DataFrame(rows)
    frame = frame[frame["k_small"] >= 2].reset_index(drop=True)  # sizes less than 2x apart cannot be matched
    frame["small_wins"] = frame["coverage_small"] > frame["pass1_large"]
    return frame


# --- Selection is not coverage ----------------------------------------------------------------------

#: Assumed share of the wrong samples that land on one dominant wrong answer (the rest are taken to be
#: all different). The counts cannot tell; 0.5 is a middle value, and the chapter varies it.
DOMINANT_WRONG_SHARE = 0.5
#: Majority votes are computed up to this many samples (they have long plateaued by then).
MAJORITY_K_MAX = 1000


def majority_vote_accuracy(c, n, k: int, dominant_wrong_share: float = DOMINANT_WRONG_SHARE) -> float:
    """Expected accuracy of a plurality vote over ``k`` samples, averaged over problems.

    A problem with ``c`` correct of ``n`` samples has success rate p = c / n per sample (drawn with
    replacement). Wrong samples fall on one dominant wrong answer with probability
    ``dominant_wrong_share`` and are otherwise all different. The correct answer wins when it has more
    votes than the dominant wrong one; ties are broken at random. With a single correct vote it ties with
    every singleton, so it wins with probability 1 / k when no wrong answer has two votes.

    Parameters
    ----------
    c : array_like of int
        Correct samples per problem.
    n : int
        Samples per problem.
    k : int
        Samples voted on (1 <= k <= MAJORITY_K_MAX).
    dominant_wrong_share : float
        In [0, 1].
    """
    c = _require_counts("c", c)
    n = require_int("n", n, minimum=1)
    k = require_int("k", k, minimum=1)
    if k > MAJORITY_K_MAX:
        raise ValueError(f"k must be at most {MAJORITY_K_MAX}; got {k}")
    s = float(require_in_range("dominant_wrong_share", dominant_wrong_share, 0.0, 1.0))
    if np.any(c > n):
        raise ValueError(f"c must not exceed n = {n}; got {c.max()}")
    p = np.ravel(c) / n
    x = np.arange(k + 1)
    pmf_correct = stats.binom.pmf(x[None, :], k, p[:, None])          # (problems, k+1)
    rest = k - x                                                      # wrong votes when x are correct
    below = stats.binom.cdf(x - 1, rest, s)                           # P(W < x)
    tie = stats.binom.pmf(x, rest, s)                                 # P(W = x)
    win = below + 0.5 * tie
    win[0] = 0.0
    win[1] = stats.binom.cdf(1, rest[1], s) / k
    return float(np.mean(pmf_correct @ win))


def verifier_precision(p, recall: float, false_positive_rate: float) -> np.ndarray:
    """Precision of a verifier that accepts a correct sample with probability ``recall`` and a wrong one
    with probability ``false_positive_rate``, on samples that are correct with probability ``p``."""
    p = require_in_range("p", p, 0.0, 1.0)
    r = float(require_in_range("recall", recall, 0.0, 1.0))
    f = float(require_in_range("false_positive_rate", false_positive_rate, 0.0, 1.0))
    accepted = p * r + (1 - p) * f
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(accepted > 0, p * r / np.where(accepted > 0, accepted, 1), 0.0)


def verifier_best_of_k(c, n, k, recall: float, false_positive_rate: float) -> np.ndarray:
    """Expected accuracy of best-of-k with an imperfect verifier, averaged over problems.

    Draw k samples (with replacement, p = c / n); return a random verifier-accepted sample, or a random
    sample if none is accepted (then every sample was rejected, and a rejected sample is correct with
    probability p (1 - recall) / (1 - accept rate)). Per problem: success = A * precision + (1 - A) *
    P(correct | rejected) with A = 1 - (1 - accept rate)**k; at k = 1 this is p. As k grows it tends to
    the verifier's precision, not to 1: coverage is reached only by a verifier that never accepts a wrong
    answer.

    Parameters
    ----------
    c : array_like of int
        Correct samples per problem.
    n : int
        Samples per problem.
    k : array_like of int
        Samples drawn (>= 1); one accuracy per k.
    recall, false_positive_rate : float
        The verifier's acceptance probabilities for correct and wrong samples, in [0, 1].
    """
    c = _require_counts("c", c)
    n = require_int("n", n, minimum=1)
    k = np.atleast_1d(_require_counts("k", k))
    if np.any(k < 1):
        raise ValueError(f"k must be at least 1; got {k.min()}")
    if np.any(c > n):
        raise ValueError(f"c must not exceed n = {n}; got {c.max()}")
    p = np.ravel(c)[:, None] / n
    prec = verifier_precision(p, recall, false_positive_rate)
    accept = p * recall + (1 - p) * false_positive_rate
    some = -np.expm1(k[None, :] * np.log1p(-np.minimum(accept, 1 - 1e-300)))
    some = np.where(accept >= 1, 1.0, some)
    rejected = 1 - accept
    with np.errstate(invalid="ignore", divide="ignore"):
        fallback = np.where(rejected > 0, p * (1 - recall) / np.where(rejected > 0, rejected, 1), 0.0)
    return (some * prec + (1 - some) * fallback).mean(axis=0)


def verifier_fpr_for_share(c, n, k: int, recall: float, share: float) -> float:
    """Largest false-positive rate at which best-of-``k`` with a verifier of the given ``recall`` still
    keeps ``share`` of the coverage gain over one sample, (best-of-k - pass@1) / (coverage@k - pass@1).

    Turns the verifier assumption around: instead of assuming a false-positive rate, it says how good a
    verifier must be. Returns 0.0 when even a verifier that never accepts a wrong sample falls short (as
    happens when ``recall`` < 1 and ``share`` is near 1).

    Parameters
    ----------
    c : array_like of int
        Correct samples per problem.
    n : int
        Samples per problem.
    k : int
        Samples drawn (>= 2).
    recall : float
        Share of correct samples the verifier accepts, in (0, 1].
    share : float
        Required share of the coverage gain, in (0, 1).
    """
    c = _require_counts("c", c)
    n = require_int("n", n, minimum=1)
    k = require_int("k", k, minimum=2)
    r = float(require_in_range("recall", recall, 0.0, 1.0))
    if r == 0:
        raise ValueError("recall must be positive; got 0.0")
    target = float(require_in_range("share", share, 0.0, 1.0, inclusive=False))
    p1, cov = coverage(np.full_like(c, n), c, [1, k])
    if cov <= p1:
        raise ValueError(f"c gives no coverage gain at k = {k}; nothing to keep")

    def kept(fpr: float) -> float:
        return float((verifier_best_of_k(c, n, [k], r, fpr)[0] - p1) / (cov - p1)) - target

    if kept(0.0) < 0:
        return 0.0
    if kept(r) >= 0:  # an accept rate equal for right and wrong samples selects nothing
        return r
    return float(optimize.brentq(kept, 0.0, r, xtol=1e-7))


@dataclass(frozen=True)
class SelectionCurves:
    """Coverage and two practical selectors for one model, on a common k grid (fractions)."""

    benchmark: str
    model: str
    ks: np.ndarray
    pass1: float
    coverage: np.ndarray
    majority: np.ndarray
    verifier: np.ndarray
    dominant_wrong_share: float
    recall: float
    false_positive_rate: float


#: Default imperfect verifier: accepts 90 % of correct samples and 10 % of wrong ones (an assumption to
#: vary, not a measured verifier).
VERIFIER_RECALL = 0.9
VERIFIER_FPR = 0.1


@lru_cache(maxsize=32)
def selection_curves(benchmark: str = "MATH", model: str = "Pythia 2.8B",
                     dominant_wrong_share: float = DOMINANT_WRONG_SHARE, recall: float = VERIFIER_RECALL,
                     false_positive_rate: float = VERIFIER_FPR) -> SelectionCurves:
    """Coverage, majority vote and verifier best-of-k of one model on the k grid up to MAJORITY_K_MAX."""
    c = _counts(benchmark, model)
    ks = DEFAULT_KS[DEFAULT_KS <= MAJORITY_K_MAX]
    cov = coverage(np.full_like(c, MONKEYS_SAMPLES), c, ks)
    maj = np.array([majority_vote_accuracy(c, MONKEYS_SAMPLES, int(k), dominant_wrong_share) for k in ks])
    ver = verifier_best_of_k(c, MONKEYS_SAMPLES, ks, recall, false_positive_rate)
    return SelectionCurves(benchmark, model, ks, float(cov[0]), cov, maj, ver, dominant_wrong_share, recall,
                           false_positive_rate)


# --- Charts ---------------------------------------------------------------------------------------

def coverage_chart(benchmark: str = "MATH", k_max_fit: int = 100) -> alt.LayerChart:
    """Observed coverage@k per model (points) and Brown et al.'s law fitted on k <= ``k_max_fit``
    (lines, extrapolated to 10,000 samples)."""
    curves = coverage_curves(benchmark)
    grid = np.logspace(0, 4, 60)
    fitted = pd.concat([pd.DataFrame({"model": e.model, "k": grid, "coverage": e.law.predict(grid)})
                        for e in extrapolation_check(benchmark, k_max_fit)])
    order = monkeys_models(benchmark)
    x = alt.X("k:Q", scale=alt.Scale(type="log"), title="samples per problem k")
    y = alt.Y("coverage:Q", title="coverage (share of problems solved by some sample)", axis=alt.Axis(format="%"))
    color = alt.Color("model:N", sort=order, title="model")
    points = alt.Chart(curves).mark_point(filled=True, size=45).encode(
        x=x, y=y, color=color,
        tooltip=["model", "k", alt.Tooltip("coverage:Q", format=".1%")])
    lines = alt.Chart(fitted).mark_line(strokeDash=[5, 3], strokeWidth=1.6).encode(x=x, y=y, color=color)
    rule = alt.Chart(pd.DataFrame({"k": [k_max_fit]})).mark_rule(color="#777777").encode(x="k:Q")
    return (lines + points + rule).properties(title=alt.Title(
        f"Coverage grows with samples: {benchmark}, {len(order)} models",
        subtitle=f"points: exact coverage from 10,000 samples; dashed: exp(a k^b) fitted on k <= {k_max_fit} (grey line), extrapolated"))


def flop_chart(tokens_per_sample: float = 256.0) -> alt.LayerChart:
    """Coverage of every Pythia size on MATH against inference FLOPs per problem."""
    t = float(require_positive("tokens_per_sample", tokens_per_sample))
    curves = coverage_curves("MATH").copy()
    curves["flop"] = inference_flop(curves["params"].to_numpy(), curves["k"].to_numpy(), t)
    order = monkeys_models("MATH")
    x = alt.X("flop:Q", scale=alt.Scale(type="log"), title=f"inference compute per problem (FLOP, {t:.0f} tokens per sample)")
    y = alt.Y("coverage:Q", title="coverage", axis=alt.Axis(format="%"))
    color = alt.Color("model:N", sort=order, title="model")
    lines = alt.Chart(curves).mark_line(point=True).encode(
        x=x, y=y, color=color,
        tooltip=["model", "k", alt.Tooltip("flop:Q", format=".2e"), alt.Tooltip("coverage:Q", format=".1%")])
    return lines.properties(title=alt.Title(
        "Same FLOPs, different models: coverage on MATH per unit of inference compute",
        subtitle="each point is one sample budget k; moving right along a line means drawing more samples"))


S_GRID = np.round(np.arange(0.0, 0.501, 0.05), 2)
FPR_GRID = np.round(np.arange(0.0, 0.2001, 0.01), 2)


@lru_cache(maxsize=8)
def selection_table(benchmark: str = "MATH", model: str = "Pythia 2.8B", recall: float = VERIFIER_RECALL) -> pd.DataFrame:
    """Long table of coverage, majority vote (for each dominant-wrong share in ``S_GRID``) and verifier
    best-of-k (for each false-positive rate in ``FPR_GRID``) of one model, for the selection explorer."""
    c = _counts(benchmark, model)
    ks = DEFAULT_KS[DEFAULT_KS <= MAJORITY_K_MAX]
    rows = [pd.DataFrame({"k": ks, "accuracy": coverage(np.full_like(c, MONKEYS_SAMPLES), c, ks),
                          "method": "coverage (perfect checker)", "s": np.nan, "fpr": np.nan})]
    for s in S_GRID:
        acc = [majority_vote_accuracy(c, MONKEYS_SAMPLES, int(k), float(s)) for k in ks]
        rows.append(pd.DataFrame({"k": ks, "accuracy": acc, "method": "majority vote", "s": s, "fpr": np.nan}))
    for f in FPR_GRID:
        acc = verifier_best_of_k(c, MONKEYS_SAMPLES, ks, recall, float(f))
        rows.append(pd.DataFrame({"k": ks, "accuracy": acc, "method": "imperfect verifier", "s": np.nan, "fpr": f}))
    rows.append(pd.DataFrame({"k": ks, "accuracy": float(c.mean() / MONKEYS_SAMPLES), "method": "one sample (pass@1)",
                              "s": np.nan, "fpr": np.nan}))
    return pd.concat(rows, ignore_index=True)


def selection_explorer(benchmark: str = "MATH", model: str = "Pythia 2.8B") -> alt.Chart:
    """Interactive chart: coverage against majority vote and an imperfect verifier, with sliders for the
    share of wrong answers that agree (``s``) and the verifier's false-positive rate."""
    s_param = alt.param(name="s_share", value=0.1, bind=alt.binding_range(
        min=0.0, max=0.5, step=0.05, name="share of wrong samples on one wrong answer "))
    f_param = alt.param(name="fpr", value=0.05, bind=alt.binding_range(
        min=0.0, max=0.2, step=0.01, name="verifier false-positive rate "))
    data = selection_table(benchmark, model)
    keep = ("(datum.method != 'majority vote' && datum.method != 'imperfect verifier')"
            " || (datum.method == 'majority vote' && abs(datum.s - s_share) < 1e-6)"
            " || (datum.method == 'imperfect verifier' && abs(datum.fpr - fpr) < 1e-6)")
    order = ["coverage (perfect checker)", "imperfect verifier", "majority vote", "one sample (pass@1)"]
    return alt.Chart(data).mark_line(point=True).encode(
        x=alt.X("k:Q", scale=alt.Scale(type="log"), title="samples per problem k"),
        y=alt.Y("accuracy:Q", title="share of problems answered correctly", axis=alt.Axis(format="%")),
        color=alt.Color("method:N", sort=order, title="how the answer is picked"),
        tooltip=["method", "k", alt.Tooltip("accuracy:Q", format=".1%")],
    ).add_params(s_param, f_param).transform_filter(keep).properties(title=alt.Title(
        f"Selection is not coverage: {model} on {benchmark}",
        subtitle=f"verifier accepts {VERIFIER_RECALL:.0%} of correct samples; move the sliders to change the assumptions"))


def fleet_power_explorer() -> alt.LayerChart:
    """Interactive chart: average power of a fleet serving each design of Kim et al.'s Table III, with a
    slider for the traffic (log10 queries/day) and a rule at 1 GW."""
    q = alt.param(name="log_q", value=9.0, bind=alt.binding_range(min=6.0, max=10.5, step=0.1,
                                                                  name="log10 queries per day "))
    frame = kim_table_iii()[["model", "design", "energy_wh"]].copy()
    frame["label"] = frame["model"] + " " + frame["design"]
    order = list(frame.sort_values("energy_wh")["label"])
    bars = alt.Chart(frame).mark_bar(color="#0072B2").transform_calculate(
        queries="pow(10, log_q)", power_w="datum.energy_wh * pow(10, log_q) / 24",
    ).encode(
        y=alt.Y("label:N", sort=order, title="model and design (Kim et al. Table III)"),
        x=alt.X("power_w:Q", scale=alt.Scale(type="log", domain=[1e4, 1e12], clamp=True),
                axis=alt.Axis(format="~s"), title="average power of the fleet (W; k, M, G = 1e3, 1e6, 1e9)"),
        x2=alt.datum(1e4),
        tooltip=["label", alt.Tooltip("energy_wh:Q", title="Wh per query"), alt.Tooltip("queries:Q", format=".3s"),
                 alt.Tooltip("power_w:Q", format=".3s", title="power (W)")],
    ).add_params(q)
    rule = alt.Chart(pd.DataFrame({"power_w": [1e9]})).mark_rule(color="#D55E00", strokeWidth=2).encode(x="power_w:Q")
    return (bars + rule).properties(title=alt.Title(
        "Energy per query x traffic = power",
        subtitle=(f"orange line: 1 GW; {np.log10(KIM_TRAFFIC_TODAY):.2f} is ChatGPT-scale traffic "
                  f"({KIM_TRAFFIC_TODAY / 1e6:.1f} M/day), {np.log10(KIM_TRAFFIC_SEARCH):.2f} is Google Search "
                  f"({KIM_TRAFFIC_SEARCH / 1e9:.1f} B/day)")))


def kim_tradeoff_chart(level: float = 0.9) -> alt.LayerChart:
    """Accuracy against GPU energy per query for Kim et al.'s two agents on two model sizes, with Wilson
    intervals for 50 questions."""
    frame = kim_table_iii().dropna(subset=["accuracy_pct"]).copy()
    lo, hi = accuracy_interval(frame["accuracy_pct"].to_numpy(), level=level)
    frame["low"], frame["high"] = lo, hi
    x = alt.X("energy_wh:Q", scale=alt.Scale(type="log"), title="GPU energy per query (Wh)")
    color = alt.Color("model:N", title="Llama-3.1 model")
    points = alt.Chart(frame).mark_point(filled=True, size=120).encode(
        x=x, y=alt.Y("accuracy_pct:Q", title="HotpotQA accuracy (%)", scale=alt.Scale(domain=[0, 100])),
        color=color, shape=alt.Shape("design:N", title="agent"),
        tooltip=["model", "design", "accuracy_pct", "latency_s", "energy_wh", "gpus"])
    bars = alt.Chart(frame).mark_rule(strokeWidth=2).encode(x=x, y="low:Q", y2="high:Q", color=color)
    return (bars + points).properties(title=alt.Title(
        "Kim et al. Table III: accuracy against energy per query",
        subtitle=f"bars: {level:.0%} Wilson intervals if each accuracy comes from 50 questions"))


# --- Claims ---------------------------------------------------------------------------------------

def _agents() -> list[KimRow]:
    return [r for r in KIM_TABLE_III if r.design != "ShareGPT"]


def _claim_marginal_reasoning() -> Assessment:
    s = KIM_SEQUENTIAL
    ratio = sequential_marginal_ratio(s)
    late_end = s.late_from_s + s.late_extra_s
    endpoints_match = abs(s.early_from_s - 16) <= 1 and abs(s.early_to_s - 25) <= 1
    over_five_minutes = late_end > 300
    ratio_match = abs(ratio / 30 - 1) < 0.1
    power = kim_table_iii().set_index(["model", "design"])["average_power_w"]
    questions = s.gain_pct / 100 * KIM_QUESTIONS_PER_DESIGN_POINT
    ev = (f"Kim et al.'s Reflexion sweep gains {s.gain_pct:.0f} points from {s.early_from_s} s to {s.early_to_s} s, "
          f"and the same gain later takes {s.late_from_s} s to {late_end:.1f} s ({late_end / 60:.1f} min): the "
          f"ratio {ratio:.1f}x is of latency increases, not of measured electricity (no energy is reported for "
          f"these points; at the {power[('8B', 'Reflexion')]:.0f} W average that Table III implies for 8B "
          f"Reflexion, energy would scale with latency). Each {s.gain_pct:.0f}-point step is {questions:.0f} of "
          f"{KIM_QUESTIONS_PER_DESIGN_POINT} questions.")
    return Assessment(judge([endpoints_match, over_five_minutes, ratio_match, s.energy_reported]), ev)


def _claim_fleet_gigawatt() -> Assessment:
    agents = _agents()
    biggest = max(agents, key=lambda r: r.energy_wh)
    lightest = min(agents, key=lambda r: r.energy_wh)
    p_search = float(fleet_power_w(biggest.energy_wh, KIM_TRAFFIC_SEARCH))
    p_today = float(fleet_power_w(biggest.energy_wh, KIM_TRAFFIC_TODAY))
    q_1gw = float(queries_per_day_for_power(1e9, biggest.energy_wh))
    light_daily = float(daily_energy_wh(lightest.energy_wh, KIM_TRAFFIC_SEARCH))
    table = kim_fleet_table()
    worst = float(np.nanmax(np.abs(table["relative_error"])))
    near_1gw_at_search = 0.5 <= p_search / 1e9 <= 2
    lightest_seattle = light_daily >= KIM_SEATTLE_DAILY_WH
    ev = (f"Recomputing Table IV from Table III (largest difference {worst:.1%}, rounding): {biggest.model} "
          f"{biggest.design} draws {p_today / 1e9:.2f} GW at ChatGPT-scale traffic ({KIM_TRAFFIC_TODAY / 1e6:.1f} M "
          f"queries/day) and {p_search / 1e9:.0f} GW at search-engine traffic ({KIM_TRAFFIC_SEARCH / 1e9:.1f} B/day); "
          f"1 GW corresponds to {q_1gw / 1e6:.1f} M queries/day. The lightest agent ({lightest.model} "
          f"{lightest.design}) at search traffic would use {light_daily / 1e9:.0f} GWh a day, "
          f"{light_daily / KIM_SEATTLE_DAILY_WH:.0f}x Seattle's {KIM_SEATTLE_DAILY_WH / 1e9:.1f} GWh.")
    return Assessment(judge([near_1gw_at_search, lightest_seattle]), ev)


def _claim_small_matches_large() -> Assessment:
    agents = _agents()
    best = {m: max((r for r in agents if r.model == m), key=lambda r: r.accuracy_pct) for m in KIM_MODELS}
    small, large = best["8B"], best["70B"]
    gap = large.accuracy_pct - small.accuracy_pct
    energy_share = small.energy_wh / large.energy_wh
    other = {m: next(r for r in agents if r.model == m and r.design != small.design) for m in KIM_MODELS}
    lo_s, hi_s = accuracy_interval(small.accuracy_pct)
    lo_l, hi_l = accuracy_interval(large.accuracy_pct)
    ev = (f"Only with {small.design}: 8B reaches {small.accuracy_pct:.0f}% against 70B's {large.accuracy_pct:.0f}% "
          f"(90% intervals on 50 questions {lo_s:.0f}-{hi_s:.0f}% and {lo_l:.0f}-{hi_l:.0f}%) at {energy_share:.0%} of "
          f"the energy per query ({small.energy_wh} vs {large.energy_wh} Wh), on {small.gpus} GPU against "
          f"{large.gpus}; with {other['8B'].design} the 8B model reaches {other['8B'].accuracy_pct:.0f}% against "
          f"{other['70B'].accuracy_pct:.0f}%.")
    return Assessment(judge([gap <= 5, energy_share <= 0.5, small.gpus == 1 and large.gpus == 8]), ev)


def _math_selection_summary(k: int = 100) -> pd.DataFrame:
    rows = []
    for model in monkeys_models("MATH"):
        c = _counts("MATH", model)
        n = np.full_like(c, MONKEYS_SAMPLES)
        p1, cov = coverage(n, c, [1, k])
        rows.append({"model": model, "pass1": p1, "coverage": cov,
                     "majority_best_case": majority_vote_accuracy(c, MONKEYS_SAMPLES, k, 0.0),
                     "verifier": float(verifier_best_of_k(c, MONKEYS_SAMPLES, [k], VERIFIER_RECALL, VERIFIER_FPR)[0])})
    frame = pd.DataFrame(rows)
    gain = frame["coverage"] - frame["pass1"]
    frame["majority_share_of_gain"] = (frame["majority_best_case"] - frame["pass1"]) / gain
    frame["verifier_share_of_gain"] = (frame["verifier"] - frame["pass1"]) / gain
    return frame


@lru_cache(maxsize=2)
def _math_fpr_for_half(k: int = 100) -> float:
    """Median over Pythia sizes of the verifier false-positive rate that keeps half the gain at k."""
    return float(np.median([verifier_fpr_for_share(_counts("MATH", m), MONKEYS_SAMPLES, k, VERIFIER_RECALL, 0.5)
                            for m in monkeys_models("MATH")]))


def _claim_select_best() -> Assessment:
    frame = _math_selection_summary(100)
    gain_pts = 100 * float(np.median(frame["coverage"] - frame["pass1"]))
    maj = float(np.median(frame["majority_share_of_gain"]))
    ver = float(np.median(frame["verifier_share_of_gain"]))
    fpr_half = _math_fpr_for_half(100)
    ev = (f"On MATH, 100 samples contain a correct answer for a median {gain_pts:.0f} more points of problems than one "
          f"sample does (Pythia, 7 sizes). Picking it is the hard part: a majority vote keeps at most a median "
          f"{maj:.0%} of that gain (its best case, wrong answers never agreeing), and a verifier accepting "
          f"{VERIFIER_FPR:.0%} of wrong samples (an assumed rate) keeps {ver:.0%}; keeping half needs a verifier "
          f"that accepts under {fpr_half:.1%} of wrong samples.")
    return Assessment(judge([gain_pts >= 10, maj >= 0.5, ver >= 0.5]), ev)


def _claim_rivals_scale() -> Assessment:
    pairs = flop_matched_pairs()
    maj = np.array([majority_vote_accuracy(_counts("MATH", r.small), MONKEYS_SAMPLES, int(min(r.k_small, MAJORITY_K_MAX)), 0.0)
                    for r in pairs.itertuples()])
    wins_cov = int(pairs["small_wins"].sum())
    wins_maj = int((maj > pairs["pass1_large"].to_numpy()).sum())
    wins_ver = int((pairs["verifier_small"] > pairs["pass1_large"]).sum())
    n = len(pairs)
    matmul = flop_matched_pairs(count="matmul")
    ev = (f"At equal inference FLOPs on MATH, a smaller Pythia drawing several samples beats one sample of a larger "
          f"Pythia in {wins_cov} of {n} pairs if a perfect checker picks the answer ({int(matmul['small_wins'].sum())} "
          f"of {len(matmul)} if the input-embedding lookup is not charged), in {wins_ver} with a verifier accepting "
          f"{VERIFIER_FPR:.0%} of wrong samples, and in only {wins_maj} with a majority vote, even in its best case "
          f"where wrong answers never agree.")
    return Assessment(judge([wins_cov > n / 2, wins_maj > n / 2]), ev)


CLAIMS = (
    Claim("TT-1", "000_a9286e32d3d2b3a3.txt", "test-time-compute", "tt-claim-marginal",
          "Letting an 8B model reason longer bought about 4 points of accuracy for 16 to 25 s of latency; the "
          "next 4 points took over five minutes and about 30 times the electricity.",
          "+4 % for 16 s to 25 s; next +4 % needs > 5 min and ~30x electricity", _claim_marginal_reasoning),
    Claim("TT-2", "000_a9286e32d3d2b3a3.txt", "test-time-compute", "tt-claim-gigawatt",
          "At search-engine traffic, reflection-style agents on the largest model would draw up to 1 GW, and even "
          "the lightest agents would use as much electricity as Seattle does in a day.",
          "up to 1 GW at search-level traffic; lightest ~ Seattle's daily use", _claim_fleet_gigawatt),
    Claim("TT-3", "000_a9286e32d3d2b3a3.txt", "test-time-compute", "tt-claim-small-large",
          "With a good reasoning method, an 8B model nearly matches a 70B model while using a fraction of the "
          "power, on one GPU instead of eight.",
          "8B ~ 70B accuracy at a fraction of the power; 1 GPU vs 8", _claim_small_matches_large),
    Claim("TT-4", "004_2bd2b9b8142f26cf.txt", "test-time-compute", "tt-claim-select",
          "Having a model generate several candidate answers and keeping the best one improves output quality "
          "without a larger training run.",
          "generate many candidates, select the best", _claim_select_best),
    Claim("TT-5", "002_6dd5508ec2aa51c5.txt", "test-time-compute", "tt-claim-rival",
          "Spending more compute at inference can rival or beat the gains of scaling up the model and its "
          "training run.",
          "inference-time scaling rivals or exceeds training-time scaling", _claim_rivals_scale),
)
