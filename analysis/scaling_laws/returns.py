"""Chapter 1, Scaling laws: Kaplan et al. (2020), what "diminishing returns" means, and the compute
frontier of real training runs.

Paper constants are kept here once, with their citation; the notebook never types them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.house import fitting
from analysis.house.data import load_chinchilla_runs, load_epoch_generations, require_date
from analysis.house.validation import (checked_cache, require_broadcastable, require_in_range, require_instance,
                                       require_int, require_positive, require_positive_number, require_same_shape,
                                       require_seed, require_vector)


#: FLOP in one petaflop/s-day (1e15 FLOP/s for 86,400 s), Kaplan et al.'s unit of compute.
PF_DAY_FLOP = 1e15 * 86_400


@dataclass(frozen=True)
class KaplanConstants:
    """Fitted constants of Kaplan et al. (2020), "Scaling Laws for Neural Language Models",
    arXiv:2001.08361 (bibtex key ``kaplan2020scaling``), Table 1/Section 1.2 and eq. (1.5)-(1.7).

    Loss is cross-entropy in nats/token on WebText2; ``N`` counts non-embedding parameters, ``D`` tokens.
    """

    alpha_N: float = 0.076
    N_c: float = 8.8e13
    alpha_D: float = 0.095
    D_c: float = 5.4e13
    alpha_C_min: float = 0.050
    C_c_min_pf_days: float = 3.1e8
    #: Compute-efficient model size grows as N_opt ∝ C_min**0.73 ...
    allocation_exponent: float = 0.73
    #: ... with N_opt = 1.3e9 (C_min / 1 PF-day)**0.73 non-embedding parameters (their Table 6).
    allocation_coefficient: float = 1.3e9


KAPLAN = KaplanConstants()


def _kaplan(constants) -> KaplanConstants:
    return require_instance("constants", constants, KaplanConstants)


#: Most decades a decade table spans (``n``, ``n_decades``): 10**30 times the start is past any model or budget.
MAX_DECADES = 30


#: Seed 001's table of "performance gain per 10x compute": 1B->10B, 10B->100B, 100B->1T, 1T->10T (projected).
SEED001_GAINS = (0.42, 0.28, 0.14, 0.06)


def kaplan_loss_params(N, constants: KaplanConstants = KAPLAN) -> np.ndarray:
    """L(N) = (N_c / N)**alpha_N: loss (nats/token) of a model of N non-embedding parameters trained
    to convergence on ample data."""
    N = require_positive("N", N)
    constants = _kaplan(constants)
    return (constants.N_c / N) ** constants.alpha_N


def kaplan_loss_tokens(D, constants: KaplanConstants = KAPLAN) -> np.ndarray:
    """L(D) = (D_c / D)**alpha_D: loss (nats/token) of a large model trained on D tokens with early stopping."""
    D = require_positive("D", D)
    constants = _kaplan(constants)
    return (constants.D_c / D) ** constants.alpha_D


def kaplan_loss_compute(C_flop, constants: KaplanConstants = KAPLAN) -> np.ndarray:
    """L(C_min) = (C_c_min / C_min)**alpha_C_min with compute given in FLOP (converted to PF-days)."""
    C = require_positive("C_flop", C_flop) / PF_DAY_FLOP
    constants = _kaplan(constants)
    return (constants.C_c_min_pf_days / C) ** constants.alpha_C_min


def kaplan_loss(N, D, constants: KaplanConstants = KAPLAN) -> np.ndarray:
    """L(N, D) = [(N_c/N)**(alpha_N/alpha_D) + D_c/D]**alpha_D (nats/token), Kaplan et al. eq. (1.5)."""
    N = require_positive("N", N)
    D = require_positive("D", D)
    require_broadcastable(N=N, D=D)
    constants = _kaplan(constants)
    ratio = constants.alpha_N / constants.alpha_D
    return ((constants.N_c / N) ** ratio + constants.D_c / D) ** constants.alpha_D


def kaplan_param_multiple(compute_multiple, constants: KaplanConstants = KAPLAN) -> np.ndarray:
    """How many times larger Kaplan's compute-efficient model gets when compute grows ``compute_multiple``-fold."""
    m = require_positive("compute_multiple", compute_multiple)
    return m**_kaplan(constants).allocation_exponent


def compute_multiple_for_loss_ratio(loss_ratio, alpha) -> np.ndarray:
    """Compute multiple needed to multiply a pure power-law loss L ∝ C**(-alpha) by ``loss_ratio`` (< 1)."""
    r = require_positive("loss_ratio", loss_ratio)
    a = require_positive("alpha", alpha)
    if np.any(r >= 1):
        raise ValueError(f"loss_ratio must be below 1 (a reduction); got {r}")
    return r ** (-1.0 / a)


@dataclass(frozen=True)
class DecadeReturns:
    """Loss and its per-decade changes along ``compute`` = c0 * 10**k, k = 0..n.

    Attributes
    ----------
    compute : ndarray
        Compute at each decade (FLOP).
    loss : ndarray
        Loss at each decade.
    absolute_gain : ndarray
        Loss removed by each successive 10x (length n).
    relative_gain : ndarray
        Fraction of the loss removed by each successive 10x (length n).
    """

    compute: np.ndarray
    loss: np.ndarray
    absolute_gain: np.ndarray
    relative_gain: np.ndarray


def decade_returns(curve: fitting.CurveFit, c0: float, n_decades: int) -> DecadeReturns:
    """Per-decade absolute and relative loss reductions of a fitted curve, starting at compute ``c0``."""
    require_instance("curve", curve, fitting.CurveFit)
    c0 = require_positive_number("c0", c0)
    n = require_int("n_decades", n_decades, minimum=1, maximum=MAX_DECADES)
    compute = c0 * 10.0 ** np.arange(n + 1)
    loss = curve.predict(compute)
    if np.any(loss <= 0):
        raise ValueError(f"the {curve.form} curve predicts non-positive loss within {n} decades of {c0:.3g} FLOP")
    gain = loss[:-1] - loss[1:]
    return DecadeReturns(compute, loss, gain, gain / loss[:-1])


def illustrative_forms(loss_at_c0: float = 3.0, floor: float = 1.7, alpha: float = 0.15, c0: float = 1e19):
    """Three curves through the same starting loss at ``c0`` *and the same return in their first decade*, one
    per functional form, for the side-by-side comparison: a power law with irreducible ``floor`` and exponent
    ``alpha``, a log law whose absolute gain per decade equals that first gain, and a pure power law whose
    exponent is chosen so that its first decade removes the same share of the loss. Only what happens after
    the first decade then differs, so the chart compares shapes, not starting returns."""
    loss_at_c0 = float(require_positive("loss_at_c0", loss_at_c0))
    floor = float(require_in_range("floor", floor, 0.0, loss_at_c0))
    if floor >= loss_at_c0:
        raise ValueError(f"floor must lie below loss_at_c0 = {loss_at_c0}; got {floor}")
    alpha = float(require_in_range("alpha", alpha, 0.0, 10.0, inclusive=False))
    c0 = float(require_positive("c0", c0))
    a_floor = (loss_at_c0 - floor) * c0**alpha
    first_gain = (loss_at_c0 - floor) * (1 - 10**-alpha)
    alpha_pure = float(-np.log10(1 - first_gain / loss_at_c0))  # same share removed by the first decade
    a_pure = loss_at_c0 * c0**alpha_pure
    return {
        "power": fitting.CurveFit("power", 0.0, a_pure, alpha_pure, 0.0, 0),
        "power+floor": fitting.CurveFit("power+floor", floor, a_floor, alpha, 0.0, 0),
        "log": fitting.CurveFit("log", float("nan"), loss_at_c0 + first_gain * np.log10(c0), first_gain, 0.0, 0),
    }


@dataclass(frozen=True)
class GainSequenceModel:
    """A model of a sequence of per-decade relative gains g_k fitted to the first observed values.

    Attributes
    ----------
    name : str
    parameters : tuple of float
    fitted : ndarray
        Gains the model gives at k = 0..len(observed)-1.
    predicted_next : float
        The model's gain for the next decade.
    rms_error : float
        RMS error on the observed gains (fraction, e.g. 0.02 = 2 percentage points).
    """

    name: str
    parameters: tuple[float, ...]
    fitted: np.ndarray
    predicted_next: float
    rms_error: float


def fit_gain_sequence(gains) -> list[GainSequenceModel]:
    """Fit three models of per-decade relative gains to an observed sequence ``gains`` (fractions).

    * ``constant``: g_k = c, what any pure power law in the measured quantity gives;
    * ``logarithmic``: performance P = a + b * k rises by a constant amount per decade, so
      g_k = 1 / (r + k) with r = a / b;
    * ``geometric``: g_k = g0 * q**k, gains shrinking by a constant factor per decade, which a power law
      with an irreducible floor approaches once the reducible part is small.
    """
    g = require_positive("gains", gains)
    if g.ndim != 1 or g.size < 2:
        raise ValueError(f"gains needs at least 2 values; got {g.size}")
    k = np.arange(g.size, dtype=float)
    models = []

    c = float(g.mean())
    models.append(_gain_model("constant", (c,), np.full_like(g, c), c, g))

    from scipy import optimize

    sol = optimize.minimize_scalar(lambda r: np.sum((1 / (r + k) - g) ** 2), bounds=(1e-6, 1e3), method="bounded")
    r = float(sol.x)
    models.append(_gain_model("logarithmic", (r,), 1 / (r + k), 1 / (r + g.size), g))

    slope, intercept = np.polyfit(k, np.log(g), 1)
    g0, q = float(np.exp(intercept)), float(np.exp(slope))
    models.append(_gain_model("geometric", (g0, q), g0 * q**k, g0 * q**g.size, g))
    return models


def _gain_model(name, params, fitted, nxt, observed) -> GainSequenceModel:
    return GainSequenceModel(name, tuple(params), fitted, float(nxt), float(np.sqrt(np.mean((fitted - observed) ** 2))))


BUCKET_DEX = 0.25


MIN_RUNS_PER_BUCKET = 3


def compute_frontier(C_flop, loss, *, bucket_dex: float = BUCKET_DEX, min_runs: int = MIN_RUNS_PER_BUCKET) -> pd.DataFrame:
    """Lowest loss in each compute bucket of width ``bucket_dex`` decades (buckets with >= ``min_runs``).

    Parameters
    ----------
    C_flop, loss : array_like
        Training compute (FLOP) and final loss (nats/token) of each run.

    Returns
    -------
    pandas.DataFrame
        Columns ``C_flop``, ``loss`` (the best run of the bucket) and ``runs`` (runs in the bucket),
        sorted by compute.
    """
    C = require_positive("C_flop", C_flop)
    L = require_positive("loss", loss)
    require_same_shape(C_flop=C, loss=L)
    bucket_dex = float(require_positive("bucket_dex", bucket_dex))
    min_runs = require_int("min_runs", min_runs, minimum=1)
    bucket = np.floor(np.log10(C) / bucket_dex).astype(int)
    frame = pd.DataFrame({"C_flop": C, "loss": L, "bucket": bucket})
    counts = frame.groupby("bucket")["loss"].transform("size")
    best = frame.loc[frame.groupby("bucket")["loss"].idxmin()]
    best = best.assign(runs=counts.loc[best.index].to_numpy())
    best = best[best["runs"] >= min_runs]
    return best[["C_flop", "loss", "runs"]].sort_values("C_flop").reset_index(drop=True)


@dataclass(frozen=True)
class FrontierFits:
    """Fits of the three functional forms to the compute frontier, with bootstrap intervals.

    Attributes
    ----------
    frontier : pandas.DataFrame
        The frontier points (see :func:`compute_frontier`).
    fits : dict
        Form name -> :class:`analysis.house.fitting.CurveFit` on the frontier.
    intervals : dict
        ``(form, parameter)`` -> (low, high) percentile interval from resampling the runs.
    level : float
        Confidence level of the intervals.
    n_boot : int
        Number of bootstrap resamples.
    """

    frontier: pd.DataFrame
    fits: dict
    intervals: dict
    level: float
    n_boot: int
    draws: dict = None

    def interval(self, form: str, parameter: str) -> tuple[float, float]:
        return self.intervals[(form, parameter)]

    def floor_draws(self) -> list:
        """The bootstrap refits of the power law with a floor, as :class:`analysis.house.fitting.CurveFit` objects."""
        E, a, alpha = (np.asarray(self.draws[("power+floor", p)]) for p in ("E", "a", "alpha"))
        return [fitting.CurveFit("power+floor", float(e), float(k), float(al), 0.0, 0) for e, k, al in zip(E, a, alpha)]


@checked_cache(maxsize=8)
def fit_frontier(n_boot: int = 400, seed: int = 0, level: float = 0.9) -> FrontierFits:
    """Fit pure power law, power law with floor, and log law to the Chinchilla runs' compute frontier.

    Uncertainty: resample the 240 runs with replacement ``n_boot`` times (seeded), rebuild the frontier
    and refit; intervals are central percentiles at ``level``.
    """
    n_boot = require_int("n_boot", n_boot, minimum=10, maximum=100_000)
    seed = require_seed(seed)
    require_in_range("level", level, 0.0, 1.0, inclusive=False)
    runs = load_chinchilla_runs()
    C, L = runs["C_flop"].to_numpy(), runs["loss"].to_numpy()
    frontier = compute_frontier(C, L)
    fits = {form: fitting.fit_curve(form, frontier["C_flop"], frontier["loss"]) for form in fitting.FORMS}
    rng = np.random.default_rng(seed)
    draws = {(form, p): [] for form in fitting.FORMS for p in ("E", "a", "alpha", "rms_log_residual")}
    for _ in range(n_boot):
        idx = rng.integers(0, len(C), len(C))
        fr = compute_frontier(C[idx], L[idx])
        if len(fr) < 4:
            continue
        for form in fitting.FORMS:
            f = fitting.fit_curve(form, fr["C_flop"], fr["loss"])
            for p in ("E", "a", "alpha", "rms_log_residual"):
                draws[(form, p)].append(getattr(f, p))
    intervals = {
        key: fitting.percentile_interval(vals, level) for key, vals in draws.items() if np.isfinite(vals).any()
    }
    return FrontierFits(frontier, fits, intervals, level, n_boot, {k: tuple(v) for k, v in draws.items()})


#: Kaplan et al. (2020, section 6.3, "Contradictions and a conjecture") note that their compute law and their
#: data law cannot both hold indefinitely, so the pure power law in compute must bend; Henighan et al. (2020,
#: arXiv:2010.14701, bibtex ``henighan2020scaling``) fit loss as an irreducible term plus a power law (the form
#: ``L = E + a C**-alpha`` used here) across several modalities.
FLOOR_FORM_CITATIONS = ("kaplan2020scaling", "henighan2020scaling")


def decade_table(result: FrontierFits, c0: float = 1e21, n_decades: int = 3) -> pd.DataFrame:
    """Per-decade gains of the frontier fit with a floor, against total and reducible loss, with intervals.

    For each decade ``c0 * 10**k -> c0 * 10**(k+1)``: ``gain_total`` (share of the loss removed),
    ``gain_reducible`` (share of ``L - E`` removed: ``1 - 10**-alpha`` whatever the decade), and the
    ``_low``/``_high`` percentile bounds of both over the bootstrap refits (E's uncertainty carried into every
    extrapolated number). ``beyond_data`` marks decades that end above the largest frontier point's compute, and
    ``decades_beyond`` says by how many decades.
    """
    require_instance("result", result, FrontierFits)
    c0 = require_positive_number("c0", c0)
    n = require_int("n_decades", n_decades, minimum=1, maximum=MAX_DECADES)
    fit = result.fits["power+floor"]
    C = c0 * 10.0 ** np.arange(n + 1)

    def gains(f):
        L = f.predict(C)
        return 1 - L[1:] / L[:-1], 1 - (L[1:] - f.E) / (L[:-1] - f.E)

    total, reducible = gains(fit)
    draws = [gains(f) for f in result.floor_draws()]
    T = np.array([d[0] for d in draws])
    R = np.array([d[1] for d in draws])
    tail = 100 * (1 - result.level) / 2
    largest = float(result.frontier["C_flop"].max())
    return pd.DataFrame({
        "C_from": C[:-1], "C_to": C[1:], "loss_to": fit.predict(C[1:]),
        "gain_total": total, "gain_total_low": np.percentile(T, tail, axis=0),
        "gain_total_high": np.percentile(T, 100 - tail, axis=0),
        "gain_reducible": reducible, "gain_reducible_low": np.percentile(R, tail, axis=0),
        "gain_reducible_high": np.percentile(R, 100 - tail, axis=0),
        "beyond_data": C[1:] > largest, "decades_beyond": np.maximum(np.log10(C[1:] / largest), 0.0)})


def cumulative_best(C_flop, loss, budgets) -> np.ndarray:
    """The lowest loss reached by any run with compute at most each of ``budgets`` (measured, no fit)."""
    C = require_positive("C_flop", C_flop)
    L = require_positive("loss", loss)
    require_same_shape(C_flop=C, loss=L)
    b = require_vector("budgets", budgets, require_positive)
    if np.any(b < C.min()):
        raise ValueError(f"budgets must be at least the smallest run's compute {C.min():.3g}; got {b.min():.3g}")
    return np.array([L[C <= x].min() for x in np.ravel(b)])


@dataclass(frozen=True)
class MeasuredDecades:
    """Gains per decade of compute measured on the runs themselves (best loss reached by each budget).

    Attributes
    ----------
    budgets : ndarray
        Decade edges (FLOP).
    best_loss : ndarray
        Lowest loss of any run up to each edge (nats/token).
    relative_gain, absolute_gain : ndarray
        Share and amount (nats/token) of the loss removed by each decade.
    doubling_gain_small, doubling_gain_large : float
        Share of the loss removed by doubling compute, at the first and the last doubling the runs cover
        (from the best loss at ``C`` and ``2C``).
    """

    budgets: np.ndarray
    best_loss: np.ndarray
    relative_gain: np.ndarray
    absolute_gain: np.ndarray
    doubling_gain_small: float
    doubling_gain_large: float


def measured_decades(budgets=(1e19, 1e20, 1e21)) -> MeasuredDecades:
    """Per-decade and per-doubling gains of the Chinchilla runs' best loss, with no functional form."""
    b = require_vector("budgets", budgets, require_positive, min_length=2)
    runs = load_chinchilla_runs()
    C, L = runs["C_flop"].to_numpy(), runs["loss"].to_numpy()
    best = cumulative_best(C, L, b)
    lo = float(np.quantile(C, 0.05))
    hi = float(C.max()) / 2
    small = 1 - cumulative_best(C, L, [2 * lo])[0] / cumulative_best(C, L, [lo])[0]
    large = 1 - cumulative_best(C, L, [2 * hi])[0] / cumulative_best(C, L, [hi])[0]
    return MeasuredDecades(b, best, 1 - best[1:] / best[:-1], best[:-1] - best[1:], float(small), float(large))


@dataclass(frozen=True)
class OutOfSample:
    """The shape question decided out of sample: fit each form below ``cut_flop``, predict the frontier above.

    Attributes
    ----------
    cut_flop : float
    n_fit, n_test : int
        Frontier points used to fit and held out.
    rms : dict
        Form -> RMS of ``log(predicted / measured)`` on the held-out points.
    bias : dict
        Form -> mean of the same (negative: the form predicts too low a loss).
    fits : dict
        Form -> the fit on the early points.
    max_test_flop : float
        Compute of the largest held-out frontier point.
    """

    cut_flop: float
    n_fit: int
    n_test: int
    rms: dict
    bias: dict
    fits: dict
    max_test_flop: float

    @property
    def decades_ahead(self) -> float:
        """How far beyond the fit the test reaches, in decades of compute."""
        return float(np.log10(self.max_test_flop / self.cut_flop))

    @property
    def best(self) -> str:
        return min(self.rms, key=self.rms.get)


@checked_cache(maxsize=16)
def out_of_sample(cut_flop: float = 5e20) -> OutOfSample:
    """Fit the three forms to the frontier points below ``cut_flop`` and score them on the points above."""
    cut = float(require_positive("cut_flop", cut_flop))
    runs = load_chinchilla_runs()
    fr = compute_frontier(runs["C_flop"].to_numpy(), runs["loss"].to_numpy())
    train, test = fr[fr["C_flop"] < cut], fr[fr["C_flop"] >= cut]
    if len(train) < 4 or len(test) < 2:
        raise ValueError(f"cut_flop = {cut:.3g} leaves {len(train)} frontier points to fit and {len(test)} to "
                         "predict; need at least 4 and 2")
    fits, rms, bias = {}, {}, {}
    for form in fitting.FORMS:
        f = fitting.fit_curve(form, train["C_flop"], train["loss"])
        pred = f.predict(test["C_flop"].to_numpy())
        err = np.log(np.clip(pred, 1e-9, None) / test["loss"].to_numpy())
        fits[form], rms[form], bias[form] = f, float(np.sqrt(np.mean(err**2))), float(np.mean(err))
    return OutOfSample(cut, len(train), len(test), rms, bias, fits, float(test["C_flop"].max()))


def floor_profile(floors=(1.5, 1.6, 1.7, 1.8, 1.9, 2.0)) -> pd.DataFrame:
    """RMS log-residual of the frontier fit with the floor ``E`` held fixed at each value: how weakly the
    frontier pins ``E`` down. Columns ``E``, ``alpha``, ``rms_log_residual``."""
    from scipy import optimize

    floors = require_vector("floors", floors)
    runs = load_chinchilla_runs()
    fr = compute_frontier(runs["C_flop"].to_numpy(), runs["loss"].to_numpy())
    x, y = fr["C_flop"].to_numpy(), fr["loss"].to_numpy()
    u = np.log(x / np.exp(np.mean(np.log(x))))
    rows = []
    for E in floors:
        if not 0 <= E < y.min():
            raise ValueError(f"floors must lie in [0, {y.min():.3f}) (below every frontier loss); got {E}")

        def resid(p, E=E):
            return np.log(E + np.exp(p[0] - p[1] * u)) - np.log(y)

        sol = optimize.least_squares(resid, [np.log(y.mean() - E), 0.2], method="lm")
        rows.append({"E": float(E), "alpha": float(sol.x[1]),
                     "rms_log_residual": float(np.sqrt(np.mean(resid(sol.x) ** 2)))})
    return pd.DataFrame(rows)


#: The snapshot's rows for the three GPT generations the articles name (exact ``Model`` values).
GPT_GENERATIONS = {"GPT-2": "GPT-2 (1.5B)", "GPT-3": "GPT-3 175B (davinci)", "GPT-4": "GPT-4"}


#: GPT-4's size as reported, never disclosed by OpenAI: about 1.8 trillion parameters in 120 layers, a mixture of
#: 16 experts of about 111 billion parameters each, two used per token (Patel and Wong, SemiAnalysis, July
#: 2023, "GPT-4 Architecture, Infrastructure, Training Dataset, Costs, Vision, MoE"; bibtex ``patel2023gpt4``).
#: Seen in stored copies: the report's opening (a Scribd copy), a summary naming Dylan Patel that gives 1.8
#: trillion parameters in 120 layers and 16 experts of 111 billion (pbxscience.com/?p=7966), and a wiki that lists
#: 1.8 trillion and a 16-way mixture with two experts per forward pass (docs.osmarks.net, "gpt-4"). The figures
#: are a report, not a measurement: SL-10 scores what was reported, as its sentence ("reportedly") does.
GPT4_REPORTED_PARAMETERS = 1.8e12
GPT4_REPORTED_EXPERTS = 16


#: Frontier for the growth rate: models whose training compute ranked in the top 10 when published, since 2018.
FRONTIER_TOP_RANK = 10


FRONTIER_SINCE = "2018-01-01"


def gpt_generations() -> pd.DataFrame:
    """GPT-2, GPT-3 and GPT-4 in the Epoch snapshot: ``generation``, ``model``, ``date``, ``parameters``
    (NaN where Epoch has no figure) and ``compute_flop``."""
    m = load_epoch_generations().set_index("Model")
    rows = []
    for gen, name in GPT_GENERATIONS.items():
        if name not in m.index:
            raise ValueError(f"the Epoch snapshot has no row named {name!r}")
        r = m.loc[name]
        rows.append({"generation": gen, "model": name, "date": r["Publication date"], "parameters": r["Parameters"],
                     "compute_flop": r["Training compute (FLOP)"]})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class ComputeGrowth:
    """Growth of frontier training compute: ``multiplier`` per year from a log-linear fit, with a bootstrap
    interval over models (``low``, ``high``), ``n_models`` and the date range."""

    multiplier: float
    low: float
    high: float
    n_models: int
    first_year: float
    last_year: float


@checked_cache(maxsize=16)
def frontier_compute_growth(n_boot: int = 400, seed: int = 0, level: float = 0.9, *,
                            top_rank: int = FRONTIER_TOP_RANK, since: str = FRONTIER_SINCE) -> ComputeGrowth:
    """Yearly multiplier of training compute of frontier models (top-``top_rank`` by compute when published,
    since ``since``; defaults :data:`FRONTIER_TOP_RANK`, :data:`FRONTIER_SINCE`) in the Epoch snapshot: OLS of
    log10 compute on date. Fewer than three models (an empty frontier) raise, naming the choice."""
    n_boot = require_int("n_boot", n_boot, minimum=10, maximum=100_000)
    seed = require_int("seed", seed, minimum=0)
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    top_rank = require_int("top_rank", top_rank, minimum=1, maximum=100_000)
    since = require_date("since", since)
    from analysis.house.data import decimal_years

    m = load_epoch_generations()
    keep = ((m["Compute rank when published"] <= top_rank) & m["Training compute (FLOP)"].notna()
            & (m["Publication date"] >= since))
    f = m[keep]
    if len(f) < 3:
        raise ValueError(f"top_rank={top_rank}, since={since!r} leave {len(f)} models; need at least 3")
    t = decimal_years(f["Publication date"])
    y = np.log10(f["Training compute (FLOP)"].to_numpy(dtype=float))
    slope = np.polyfit(t, y, 1)[0]
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n_boot):
        i = rng.integers(0, len(t), len(t))
        draws.append(np.polyfit(t[i], y[i], 1)[0])
    lo, hi = fitting.percentile_interval(draws, level)
    return ComputeGrowth(float(10**slope), float(10**lo), float(10**hi), int(len(t)), float(t.min()), float(t.max()))
