"""Chapter 1, Scaling laws: Kaplan et al. (2020), what "diminishing returns" means, and the compute
frontier of real training runs.

Paper constants are kept here once, with their citation; the notebook never types them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd

from . import fitting
from .claims.legacy import Assessment, Claim, judge
from .data import load_chinchilla_runs
from .validation import require_int, require_positive, require_same_shape

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

#: Seed 001's table of "performance gain per 10x compute": 1B->10B, 10B->100B, 100B->1T, 1T->10T (projected).
SEED001_GAINS = (0.42, 0.28, 0.14, 0.06)


# --- Kaplan et al.'s laws --------------------------------------------------------------------------

def kaplan_loss_params(N, constants: KaplanConstants = KAPLAN) -> np.ndarray:
    """L(N) = (N_c / N)**alpha_N: loss (nats/token) of a model of N non-embedding parameters trained
    to convergence on ample data."""
    N = require_positive("N", N)
    return (constants.N_c / N) ** constants.alpha_N


def kaplan_loss_tokens(D, constants: KaplanConstants = KAPLAN) -> np.ndarray:
    """L(D) = (D_c / D)**alpha_D: loss (nats/token) of a large model trained on D tokens with early stopping."""
    D = require_positive("D", D)
    return (constants.D_c / D) ** constants.alpha_D


def kaplan_loss_compute(C_flop, constants: KaplanConstants = KAPLAN) -> np.ndarray:
    """L(C_min) = (C_c_min / C_min)**alpha_C_min with compute given in FLOP (converted to PF-days)."""
    C = require_positive("C_flop", C_flop) / PF_DAY_FLOP
    return (constants.C_c_min_pf_days / C) ** constants.alpha_C_min


def kaplan_loss(N, D, constants: KaplanConstants = KAPLAN) -> np.ndarray:
    """L(N, D) = [(N_c/N)**(alpha_N/alpha_D) + D_c/D]**alpha_D (nats/token), Kaplan et al. eq. (1.5)."""
    N = require_positive("N", N)
    D = require_positive("D", D)
    ratio = constants.alpha_N / constants.alpha_D
    return ((constants.N_c / N) ** ratio + constants.D_c / D) ** constants.alpha_D


def kaplan_param_multiple(compute_multiple, constants: KaplanConstants = KAPLAN) -> np.ndarray:
    """How many times larger Kaplan's compute-efficient model gets when compute grows ``compute_multiple``-fold."""
    m = require_positive("compute_multiple", compute_multiple)
    return m**constants.allocation_exponent


def compute_multiple_for_loss_ratio(loss_ratio, alpha) -> np.ndarray:
    """Compute multiple needed to multiply a pure power-law loss L ∝ C**(-alpha) by ``loss_ratio`` (< 1)."""
    r = require_positive("loss_ratio", loss_ratio)
    a = require_positive("alpha", alpha)
    if np.any(r >= 1):
        raise ValueError(f"loss_ratio must be below 1 (a reduction); got {r}")
    return r ** (-1.0 / a)


# --- What "diminishing returns" means per functional form -----------------------------------------

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
    c0 = float(require_positive("c0", c0))
    n = require_int("n_decades", n_decades, minimum=1)
    compute = c0 * 10.0 ** np.arange(n + 1)
    loss = curve.predict(compute)
    if np.any(loss <= 0):
        raise ValueError(f"the {curve.form} curve predicts non-positive loss within {n} decades of {c0:.3g} FLOP")
    gain = loss[:-1] - loss[1:]
    return DecadeReturns(compute, loss, gain, gain / loss[:-1])


def illustrative_forms(loss_at_c0: float = 3.0, floor: float = 1.7, alpha: float = 0.15, c0: float = 1e19):
    """Three curves through the same starting loss at ``c0``, one per functional form, for the
    side-by-side comparison: a pure power law, a power law with irreducible ``floor``, and a log law
    whose absolute gain per decade equals the first one of the law with a floor."""
    a_pure = loss_at_c0 * c0**alpha
    a_floor = (loss_at_c0 - floor) * c0**alpha
    first_gain = (loss_at_c0 - floor) * (1 - 10**-alpha)
    return {
        "power": fitting.CurveFit("power", 0.0, a_pure, alpha, 0.0, 0),
        "power+floor": fitting.CurveFit("power+floor", floor, a_floor, alpha, 0.0, 0),
        "log": fitting.CurveFit("log", float("nan"), loss_at_c0 + first_gain * np.log10(c0), first_gain, 0.0, 0),
    }


# --- Seed 001's table ------------------------------------------------------------------------------

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


# --- The compute frontier of the Chinchilla runs ---------------------------------------------------

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
    if not bucket_dex > 0:
        raise ValueError(f"bucket_dex must be positive; got {bucket_dex}")
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
        Form name -> :class:`analysis.fitting.CurveFit` on the frontier.
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

    def interval(self, form: str, parameter: str) -> tuple[float, float]:
        return self.intervals[(form, parameter)]


@lru_cache(maxsize=8)
def fit_frontier(n_boot: int = 400, seed: int = 0, level: float = 0.9) -> FrontierFits:
    """Fit pure power law, power law with floor, and log law to the Chinchilla runs' compute frontier.

    Uncertainty: resample the 240 runs with replacement ``n_boot`` times (seeded), rebuild the frontier
    and refit; intervals are central percentiles at ``level``.
    """
    n_boot = require_int("n_boot", n_boot, minimum=10)
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
    return FrontierFits(frontier, fits, intervals, level, n_boot)


# --- Charts ---------------------------------------------------------------------------------------

def frontier_chart(result: FrontierFits, extend_to: float = 1e25) -> alt.LayerChart:
    """All runs, the frontier points and the three fitted curves extrapolated to ``extend_to`` FLOP."""
    runs = load_chinchilla_runs()
    grid = np.logspace(np.log10(result.frontier["C_flop"].min()), np.log10(extend_to), 120)
    labels = {"power": "power law", "power+floor": "power law + floor", "log": "log law"}
    curves = pd.concat(
        [pd.DataFrame({"C_flop": grid, "loss": f.predict(grid), "form": labels[name]}) for name, f in result.fits.items()]
    )
    x = alt.X("C_flop:Q", scale=alt.Scale(type="log"), title="training compute C (FLOP)")
    y = alt.Y("loss:Q", scale=alt.Scale(zero=False), title="final training loss (nats/token)")
    runs_layer = alt.Chart(runs).mark_point(opacity=0.35, color="#999999", size=20).encode(
        x=x, y=y, tooltip=[alt.Tooltip("N_params:Q", format=".3s", title="parameters"),
                           alt.Tooltip("D_tokens:Q", format=".3s", title="tokens"),
                           alt.Tooltip("loss:Q", format=".3f")])
    frontier_layer = alt.Chart(result.frontier).mark_point(color="#000000", size=60, shape="diamond").encode(
        x=x, y=y, tooltip=[alt.Tooltip("C_flop:Q", format=".2e"), alt.Tooltip("loss:Q", format=".3f"), "runs:Q"])
    curve_layer = alt.Chart(curves).mark_line().encode(
        x=x, y=y, color=alt.Color("form:N", title="fitted form"), strokeDash="form:N")
    return (runs_layer + curve_layer + frontier_layer).properties(
        title=alt.Title("The compute frontier of the Chinchilla runs, three ways to extrapolate it",
                        subtitle="grey: all 240 runs; black: lowest loss per quarter-decade of compute"))


def decade_returns_explorer(c0: float = 1e19, n_decades: int = 8) -> alt.LayerChart:
    """Interactive chart: per-decade relative loss reduction of L = E + A*(C/c0)**(-alpha) with sliders
    for the floor E and the exponent alpha (the reducible loss at c0 is fixed at 3 - E)."""
    floor = alt.param(name="floor", value=1.7, bind=alt.binding_range(min=0.0, max=2.9, step=0.05,
                                                                      name="irreducible floor E (nats/token) "))
    alpha = alt.param(name="alpha", value=0.15, bind=alt.binding_range(min=0.02, max=0.5, step=0.01,
                                                                       name="exponent alpha "))
    k = pd.DataFrame({"k": np.arange(n_decades)})
    base = alt.Chart(k).transform_calculate(
        compute=f"{c0} * pow(10, datum.k + 1)",
        L0="floor + (3 - floor) * pow(10, -alpha * datum.k)",
        L1="floor + (3 - floor) * pow(10, -alpha * (datum.k + 1))",
        relative_gain="(datum.L0 - datum.L1) / datum.L0",
    )
    bars = base.mark_bar(color="#0072B2").encode(
        x=alt.X("compute:O", title="decade ending at compute (FLOP)", axis=alt.Axis(format=".0e")),
        y=alt.Y("relative_gain:Q", title="loss removed by this 10x (fraction)", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 0.5])),
        tooltip=[alt.Tooltip("relative_gain:Q", format=".1%", title="gain"), alt.Tooltip("L1:Q", format=".3f", title="loss after")],
    ).add_params(floor, alpha)
    return bars.properties(
        title=alt.Title("Per-decade returns of a power law with an irreducible floor",
                        subtitle="move the sliders: E = 0 gives constant relative returns; a higher floor makes them shrink"))


# --- Claims ---------------------------------------------------------------------------------------

def _frontier_relative_gains(result: FrontierFits, c0: float = 1e21, n: int = 3) -> np.ndarray:
    return decade_returns(result.fits["power+floor"], c0, n).relative_gain


def _claim_decade_gains() -> Assessment:
    result = fit_frontier()
    gains = _frontier_relative_gains(result)
    floor_low, _ = result.interval("power+floor", "E")
    shrinking = bool(np.all(np.diff(gains) < 0) and floor_low > 0)
    seed = np.array(SEED001_GAINS[:3])
    magnitude_ok = bool(np.all(np.abs(np.log(gains / seed)) < np.log(2)))
    ev = (f"With an irreducible floor (E = {result.fits['power+floor'].E:.2f}, 90% interval "
          f"{floor_low:.2f}-{result.interval('power+floor', 'E')[1]:.2f}) the frontier's returns do shrink: "
          f"the three decades after 1e21 FLOP remove {', '.join(f'{g:.1%}' for g in gains)} of the loss, "
          f"a few per cent per decade, far below the article's {', '.join(f'{g:.0%}' for g in seed)}.")
    return Assessment(judge([shrinking, magnitude_ok]), ev)


def _claim_logarithmic() -> Assessment:
    result = fit_frontier()
    rms = {f: result.fits[f].rms_log_residual for f in fitting.FORMS}
    best_power = min(rms["power"], rms["power+floor"])
    log_fits = bool(rms["log"] <= 1.5 * best_power)
    absolute = decade_returns(result.fits["power+floor"], 1e19, 6).absolute_gain
    diminishing_absolute = bool(np.all(np.diff(absolute) < 0))
    ev = (f"Returns per unit of compute do fall, but the frontier is not logarithmic: the log law's RMS "
          f"log-residual is {rms['log']:.4f} against {rms['power']:.4f} (power law) and {rms['power+floor']:.4f} "
          f"(power law with floor), and absolute gains per decade shrink ({absolute[0]:.3f} to {absolute[-1]:.3f} "
          f"nats/token) where a log law keeps them constant.")
    return Assessment(judge([diminishing_absolute, log_fits]), ev)


def _claim_ten_for_two() -> Assessment:
    result = fit_frontier()
    needed = float(np.log10(2))  # exponent at which 10x compute halves the quantity
    lo_p, hi_p = result.interval("power", "alpha")
    lo_f, hi_f = result.interval("power+floor", "alpha")
    halves_loss = bool(lo_p <= needed <= hi_p)
    halves_reducible = bool(lo_f <= needed <= hi_f)
    m_loss = float(compute_multiple_for_loss_ratio(0.5, result.fits["power"].alpha))
    m_red = float(compute_multiple_for_loss_ratio(0.5, result.fits["power+floor"].alpha))
    ev = (f"Halving per 10x needs an exponent of {needed:.3f}. The frontier's loss exponent is "
          f"{result.fits['power'].alpha:.3f} (90% {lo_p:.3f}-{hi_p:.3f}): halving the loss would take about "
          f"{m_loss:.0e}x compute. Its reducible-loss exponent is {result.fits['power+floor'].alpha:.3f} "
          f"({lo_f:.3f}-{hi_f:.3f}): halving the reducible loss takes about {m_red:.0f}x.")
    return Assessment(judge([halves_loss, halves_reducible]), ev)


def _claim_doubling() -> Assessment:
    small, large = 1e8, 1e12
    gain_small = 1 - float(kaplan_loss_params(2 * small) / kaplan_loss_params(small))
    gain_large = 1 - float(kaplan_loss_params(2 * large) / kaplan_loss_params(large))
    floor_fit = fit_frontier().fits["power+floor"]
    c_lo, c_hi = (float(fit_frontier().frontier["C_flop"].iloc[i]) for i in (0, -1))
    data_lo = 1 - float(floor_fit.predict(2 * c_lo) / floor_fit.predict(c_lo))
    data_hi = 1 - float(floor_fit.predict(2 * c_hi) / floor_fit.predict(c_hi))
    not_twice_now = max(gain_large, data_hi) < 0.5
    was_twice_before = max(gain_small, data_lo) >= 0.5
    ev = (f"Under Kaplan et al.'s L(N), doubling a model removes {gain_large:.1%} of its loss at 1e12 parameters "
          f"and exactly the same {gain_small:.1%} at 1e8; on the Chinchilla runs' frontier, doubling compute removes "
          f"{data_lo:.1%} at {c_lo:.0e} FLOP and {data_hi:.1%} at {c_hi:.0e} FLOP. 2x larger was never 2x better "
          f"in loss, so 'no longer' describes no change.")
    return Assessment(judge([not_twice_now, was_twice_before]), ev)


CLAIMS = (
    Claim("SL-1", "001_18bebb09c70390f4.txt", "scaling-laws", "sl-claim-decades",
          "Each further tenfold increase in compute buys a smaller performance gain than the last.",
          "+42 %, +28 %, +14 % per 10x, then +6 % projected", _claim_decade_gains),
    Claim("SL-2", "001_18bebb09c70390f4.txt", "scaling-laws", "sl-claim-log",
          "Scaling laws promise logarithmic returns: returns per dollar shrink exactly as a logarithm predicts.",
          "logarithmic, not power-law, returns", _claim_logarithmic),
    Claim("SL-3", "002_6dd5508ec2aa51c5.txt", "scaling-laws", "sl-claim-ten-for-two",
          "Each new frontier generation needs ten times the compute to be twice as good.",
          "10x compute for 2x improvement", _claim_ten_for_two),
    Claim("SL-4", "003_b3665fb875f80b73.txt", "scaling-laws", "sl-claim-doubling",
          "Doubling a model's size no longer doubles the quality of its results.",
          "2x larger is no longer 2x better", _claim_doubling),
)


def forms_chart(forms: dict, c0: float = 1e19, n_decades: int = 6) -> alt.Chart:
    """Fraction of the loss removed by each decade of compute, one line per functional form."""
    rows = [
        {"form": name, "decade": i + 1, "relative_gain": g}
        for name, curve in forms.items()
        for i, g in enumerate(decade_returns(curve, c0, n_decades).relative_gain)
    ]
    return alt.Chart(pd.DataFrame(rows)).mark_line(point=True).encode(
        x=alt.X("decade:O", title=f"decades of compute beyond {c0:.0e} FLOP"),
        y=alt.Y("relative_gain:Q", title="loss removed by that 10x (fraction)", axis=alt.Axis(format="%")),
        color=alt.Color("form:N", title="form"),
        tooltip=["form", "decade", alt.Tooltip("relative_gain:Q", format=".1%")],
    ).properties(title="Same starting loss, three shapes of diminishing returns")
