"""Chapter 2, Chinchilla: refitting Hoffmann et al.'s compute-optimal scaling law on the real training runs.

The parametric law of Hoffmann et al. (2022) models the final loss of a model with ``N`` parameters trained
on ``D`` tokens as ``L(N, D) = E + A / N**alpha + B / D**beta``. Training compute is ``C = 6 N D`` FLOP.
Minimising ``L`` at fixed ``C`` gives the compute-optimal split of a budget between parameters and tokens.

Paper constants are kept here once, with their citation; the notebook never types them. Kaplan et al.'s
constants come from :data:`analysis.scaling_laws.KAPLAN`.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import math
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import optimize

from . import fitting
from .data import load_chinchilla_runs
from .scaling_laws import KAPLAN, PF_DAY_FLOP
from .validation import require_finite, require_in_range, require_int, require_positive, require_same_shape

#: Threshold of the Huber loss on log-loss residuals used by Hoffmann et al. (2022) and Besiroglu et al. (2024).
HUBER_DELTA = fitting.HUBER_DELTA
#: FLOP per parameter per training token (forward and backward pass), the usual C = 6 N D approximation.
TRAIN_FLOP_PER_PARAM_TOKEN = 6.0
#: FLOP per parameter per generated (served) token, forward pass only.
INFER_FLOP_PER_PARAM_TOKEN = 2.0
#: Default number of bootstrap resamples in the chapter and the ledger (the benchmark runs 4000).
DEFAULT_N_BOOT = 400
#: Largest number of bootstrap resamples accepted (the chapter's parameter allows 20,000).
MAX_N_BOOT = 100_000
#: Tokens per parameter of the popular "Chinchilla rule of thumb".
RULE_OF_THUMB_TOKENS_PER_PARAM = 20.0
#: Our reading of "about 20": within this factor of 20, i.e. 13.3 to 30 tokens per parameter.
RULE_OF_THUMB_FACTOR = 1.5
#: Budgets (FLOP) at which the rule is checked: from the largest runs (about 1e21) to frontier scale (1e25).
RULE_OF_THUMB_BUDGETS = (1e21, 1e22, 1e23, 1e24, 1e25)


@contextlib.contextmanager
def single_threaded_blas():
    """Run the enclosed code with OpenBLAS limited to one thread in this thread (numpy's and scipy's copies).

    The fits here make tens of thousands of tiny BLAS calls (inside L-BFGS-B); on a busy machine OpenBLAS's
    worker threads then spin and make them ten times slower. Uses ``openblas_set_num_threads_local`` of every
    OpenBLAS library loaded in the process (found in ``/proc/self/maps``); elsewhere it does nothing.
    """
    restore = []
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower() and line.strip().endswith(".so")}
    except OSError:
        paths = set()
    for path in sorted(paths):
        try:
            fn = ctypes.CDLL(path).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        fn.restype = ctypes.c_int
        restore.append((fn, fn(1)))
    try:
        yield
    finally:
        for fn, previous in restore:
            fn(previous)


# --- Fits: the result type and the published ones ----------------------------------------------------

@dataclass(frozen=True)
class ParametricFit:
    """Constants of ``L(N, D) = E + A / N**alpha + B / D**beta`` (loss in nats/token).

    Attributes
    ----------
    E : float
        Irreducible loss (nats/token).
    A, B : float
        Scale of the parameter term and the data term.
    alpha, beta : float
        Exponents of parameters ``N`` and tokens ``D``.
    objective : float
        Summed Huber loss (delta = 1e-3) of log-loss residuals at the fit; NaN for published constants.
    n_points : int
        Number of runs fitted (0 for published constants).
    label : str
        Name for tables and charts.
    """

    E: float
    A: float
    B: float
    alpha: float
    beta: float
    objective: float = float("nan")
    n_points: int = 0
    label: str = "fit"

    @property
    def allocation_exponent(self) -> float:
        """``a = beta / (alpha + beta)``: the compute-optimal model size grows as ``N_opt ∝ C**a``."""
        return self.beta / (self.alpha + self.beta)

    @property
    def log_params(self) -> np.ndarray:
        """``(log A, log B, log E, alpha, beta)``, the coordinates the fit works in."""
        return np.array([math.log(self.A), math.log(self.B), math.log(self.E), self.alpha, self.beta])

    def predict(self, N, D) -> np.ndarray:
        """Loss (nats/token) of a model of ``N`` parameters trained on ``D`` tokens."""
        return chinchilla_loss(N, D, self)


#: Hoffmann et al. (2022), "Training Compute-Optimal Large Language Models", arXiv:2203.15556, Approach 3,
#: eq. (10) (bibtex ``hoffmann2022training``).
HOFFMANN_2022 = ParametricFit(E=1.69, A=406.4, B=410.7, alpha=0.34, beta=0.28, label="Hoffmann et al. 2022")
#: Hoffmann et al.'s Approach 3 constants unrounded, as in the TeX source of arXiv:2203.15556 (log A = 6.0073404,
#: log B = 6.0179186, log E = 0.5267228, alpha = 0.33917084, beta = 0.2849083), quoted by Besiroglu et al. (2024,
#: v2, section 3), who show that the rounding in eq. (10) biases the predictions (bibtex ``hoffmann2022training``).
HOFFMANN_2022_UNROUNDED = ParametricFit(E=math.exp(0.5267228), A=math.exp(6.0073404), B=math.exp(6.0179186),
                                        alpha=0.33917084, beta=0.2849083, label="Hoffmann, unrounded")
#: Besiroglu et al. (2024), "Chinchilla Scaling: A replication attempt", arXiv:2404.10102, their refit of the
#: same law to the data reconstructed from Hoffmann et al.'s Figure 4 (bibtex ``besiroglu2024chinchilla``).
BESIROGLU_2024 = ParametricFit(E=1.82, A=482.0, B=2085.0, alpha=0.348, beta=0.366, label="Besiroglu et al. 2024")
#: Allocation exponents a (N_opt ∝ C**a) that Hoffmann et al. (2022) report in their Table 2 for their three
#: approaches (bibtex ``hoffmann2022training``); Kaplan et al.'s 0.73 is ``KAPLAN.allocation_exponent``.
HOFFMANN_ALLOCATION_EXPONENTS = {"Approach 1": 0.50, "Approach 2": 0.49, "Approach 3": 0.46}
#: Kaplan et al. (2020), Table 6: compute-efficient size ``N_opt = 1.3e9 * (C_min / 1 PF-day)**0.73``
#: parameters (non-embedding; bibtex ``kaplan2020scaling``), kept in ``KAPLAN.allocation_coefficient``.
KAPLAN_N_OPT_AT_ONE_PF_DAY = KAPLAN.allocation_coefficient
#: Hoffmann et al.'s IsoFLOP budgets (FLOP) for Approach 2 (their Figure 3, bibtex ``hoffmann2022training``).
ISOFLOP_BUDGETS = (6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21)


@dataclass(frozen=True)
class Model:
    """A published model: ``N`` parameters trained on ``D`` tokens (with the bibtex key of the source)."""

    name: str
    N: float
    D: float
    source: str

    @property
    def C_flop(self) -> float:
        """Training compute ``6 N D`` (FLOP)."""
        return TRAIN_FLOP_PER_PARAM_TOKEN * self.N * self.D

    @property
    def tokens_per_param(self) -> float:
        return self.D / self.N


#: Gopher: 280B parameters, 300B training tokens (Rae et al. 2021, bibtex ``rae2021gopher``).
GOPHER = Model("Gopher", 280e9, 300e9, "rae2021gopher")
#: Chinchilla: 70B parameters, 1.4T training tokens (Hoffmann et al. 2022, bibtex ``hoffmann2022training``).
CHINCHILLA = Model("Chinchilla", 70e9, 1.4e12, "hoffmann2022training")
#: Llama 3 8B: 8B parameters, about 15T pre-training tokens (Dubey et al. 2024, bibtex ``dubey2024llama3``).
LLAMA3_8B = Model("Llama 3 8B", 8e9, 15e12, "dubey2024llama3")


# --- The law and its closed forms ------------------------------------------------------------------

def _constants(fit):
    """E, A, B, alpha, beta of ``fit`` as float arrays, each checked positive (arrays allow bootstrap draws)."""
    return tuple(require_positive(f"fit.{name}", getattr(fit, name)) for name in ("E", "A", "B", "alpha", "beta"))


def chinchilla_loss(N, D, params) -> np.ndarray:
    """``L = E + A / N**alpha + B / D**beta`` (nats/token), vectorised over ``N`` and ``D``.

    Parameters
    ----------
    N, D : array_like
        Parameters and training tokens, positive (broadcast together).
    params : ParametricFit or any object with attributes ``E, A, B, alpha, beta``
    """
    N = require_positive("N", N)
    D = require_positive("D", D)
    E, A, B, alpha, beta = _constants(params)
    return E + A * N ** (-alpha) + B * D ** (-beta)


def compute_optimal_allocation(C_flop, fit) -> tuple[np.ndarray, np.ndarray]:
    """Loss-minimising ``(N_opt, D_opt)`` for training compute ``C_flop = 6 N D``, in closed form.

    ``N_opt = G (C/6)**a`` and ``D_opt = (C/6)**b / G`` with ``a = beta/(alpha+beta)``, ``b = 1 - a`` and
    ``G = (alpha A / (beta B))**(1/(alpha+beta))`` (Hoffmann et al. 2022, eq. 4).
    """
    C = require_positive("C_flop", C_flop)
    E, A, B, alpha, beta = _constants(fit)
    G = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta))
    budget = C / TRAIN_FLOP_PER_PARAM_TOKEN
    N_opt = G * budget ** (beta / (alpha + beta))
    return N_opt, budget / N_opt


def tokens_per_param(C_flop, fit) -> np.ndarray:
    """Compute-optimal tokens per parameter ``D_opt / N_opt`` at training compute ``C_flop``."""
    N_opt, D_opt = compute_optimal_allocation(C_flop, fit)
    return D_opt / N_opt


def rule_of_thumb_table(fits, C_flop=RULE_OF_THUMB_BUDGETS, *, factor: float = RULE_OF_THUMB_FACTOR) -> pd.DataFrame:
    """Does "about 20 tokens per parameter" hold? For each fit and budget, the compute-optimal tokens per
    parameter and whether it lies within ``factor`` of 20 (``about_20``).

    Parameters
    ----------
    fits : dict of label -> fit, or a sequence of fits
    C_flop : array_like
        Training budgets (FLOP), positive.
    factor : float
        Tolerance as a multiplicative factor (> 1): the band is ``[20 / factor, 20 * factor]``.
    """
    C = np.atleast_1d(require_positive("C_flop", C_flop)).astype(float)
    factor = float(require_positive("factor", factor))
    if factor <= 1:
        raise ValueError(f"factor must exceed 1; got {factor}")
    items = fits.values() if isinstance(fits, dict) else fits
    rows = []
    for f in items:
        ratio = tokens_per_param(C, f)
        rows.append(pd.DataFrame({"fit": f.label, "C_flop": C, "tokens_per_param": ratio,
                                  "about_20": np.abs(np.log(ratio / RULE_OF_THUMB_TOKENS_PER_PARAM)) <= np.log(factor)}))
    return pd.concat(rows, ignore_index=True)


def frontier_exponent(fit) -> np.ndarray:
    """Exponent ``gamma = alpha beta / (alpha + beta)`` of the reducible loss along the compute-optimal frontier."""
    _, _, _, alpha, beta = _constants(fit)
    return alpha * beta / (alpha + beta)


def frontier_loss(C_flop, fit) -> np.ndarray:
    """Loss of the compute-optimal model at ``C_flop``: ``E + K (C/6)**(-gamma)``, still a power law with a floor."""
    N_opt, D_opt = compute_optimal_allocation(C_flop, fit)
    return chinchilla_loss(N_opt, D_opt, fit)


def compute_to_reach(loss, fit) -> np.ndarray:
    """Training compute (FLOP) a compute-optimal model needs to reach ``loss`` (must exceed the floor ``E``)."""
    target = require_positive("loss", loss)
    E, A, B, alpha, beta = _constants(fit)
    if np.any(target <= E):
        raise ValueError(f"loss must exceed the irreducible loss E = {np.min(E):.3f}; got {np.min(target):.3f}")
    gamma = alpha * beta / (alpha + beta)
    K = frontier_loss(TRAIN_FLOP_PER_PARAM_TOKEN, fit) - E  # reducible loss at C/6 = 1
    return TRAIN_FLOP_PER_PARAM_TOKEN * ((target - E) / K) ** (-1.0 / gamma)


def kaplan_allocation(C_flop, fit=None, anchor_flop: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Split of ``C_flop`` that Kaplan et al.'s rule ``N_opt ∝ C**0.73`` picks.

    By default the rule is used as Kaplan et al. published it, with their own coefficient:
    ``N = KAPLAN_N_OPT_AT_ONE_PF_DAY * (C / 1 PF-day)**0.73`` (their Table 6; ``fit`` is then not needed).
    Given ``anchor_flop``, it is instead anchored so that at ``anchor_flop`` it picks the compute-optimal size
    of ``fit`` (a lab calibrating on its own small runs, then scaling by Kaplan's exponent). Returns ``(N, D)``
    with ``D = C / (6 N)``.
    """
    C = require_positive("C_flop", C_flop)
    if anchor_flop is None:
        N = KAPLAN_N_OPT_AT_ONE_PF_DAY * (C / PF_DAY_FLOP) ** KAPLAN.allocation_exponent
    else:
        anchor = float(require_positive("anchor_flop", anchor_flop))
        if fit is None:
            raise ValueError("fit is needed to anchor Kaplan's rule at anchor_flop; got None")
        N_anchor, _ = compute_optimal_allocation(anchor, fit)
        N = N_anchor * (C / anchor) ** KAPLAN.allocation_exponent
    return N, C / (TRAIN_FLOP_PER_PARAM_TOKEN * N)


def kaplan_crossover_flop(fit) -> float:
    """Compute (FLOP) at which Kaplan et al.'s published rule picks the same size as ``fit``'s compute-optimal
    allocation; below it Kaplan's rule picks smaller models, above it larger ones (when ``a < 0.73``)."""
    E, A, B, alpha, beta = (float(v) for v in _constants(fit))
    a = beta / (alpha + beta)
    G = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta))
    k = KAPLAN.allocation_exponent
    if abs(k - a) < 1e-12:
        raise ValueError(f"fit's allocation exponent {a:.3f} equals Kaplan's {k}: the rules never cross")
    # KAPLAN_N (C / PF)**k = G (C / 6)**a  ->  solve for log C
    logC = (math.log(G) - a * math.log(TRAIN_FLOP_PER_PARAM_TOKEN) - math.log(KAPLAN_N_OPT_AT_ONE_PF_DAY)
            + k * math.log(PF_DAY_FLOP)) / (k - a)
    return math.exp(logC)


# --- Fitting: Hoffmann et al.'s Approach 3 ------------------------------------------------------------

def start_grid() -> np.ndarray:
    """The 4500 starting points of Hoffmann et al./Besiroglu et al., rows ``(a, b, e, alpha, beta)``:
    a, b in {0, 5, ..., 25}; e in {-1, -0.5, ..., 1}; alpha, beta in {0, 0.5, ..., 2}."""
    grid = itertools.product(np.arange(0, 30, 5.0), np.arange(0, 30, 5.0), np.arange(-1, 1.5, 0.5),
                             np.arange(0, 2.5, 0.5), np.arange(0, 2.5, 0.5))
    return np.array(list(grid), dtype=float)


def _check_runs(N, D, loss, weights=None):
    N = require_positive("N", N)
    D = require_positive("D", D)
    loss = require_positive("loss", loss)
    require_same_shape(N=N, D=D, loss=loss)
    if N.ndim != 1:
        raise ValueError(f"N must be one-dimensional; got shape {N.shape}")
    if N.size <= 5:
        raise ValueError(f"N needs more points than the 5 parameters of the law; got {N.size}")
    if weights is None:
        w = np.ones_like(N)
    else:
        w = require_finite("weights", weights)
        require_same_shape(N=N, weights=w)
        if np.any(w < 0) or not np.any(w > 0):
            raise ValueError("weights must be non-negative with at least one positive weight")
    return np.log(N), np.log(D), np.log(loss), w


def huber_objective(theta, logN, logD, logL, weights, delta: float = HUBER_DELTA):
    """Weighted summed Huber loss of log-loss residuals and its gradient, for one or many parameter vectors.

    Parameters
    ----------
    theta : ndarray, shape (5,) or (S, 5)
        ``(a, b, e, alpha, beta)`` with ``A = exp(a)``, ``B = exp(b)``, ``E = exp(e)``.
    logN, logD, logL, weights : ndarray, shape (n,)
        Logs of parameters, tokens and loss; weights per run (resample counts in the bootstrap).

    Returns
    -------
    value : float or ndarray (S,)
    gradient : ndarray (5,) or (S, 5)
        Analytic: ``d pred / d theta`` are the softmax weights of the three terms (times ``-log N``,
        ``-log D`` for the exponents), and the Huber derivative is the residual clipped to ``±delta``.
    """
    P = np.atleast_2d(theta)
    a, b, e, al, be = (P[:, i:i + 1] for i in range(5))
    t1 = a - al * logN
    t2 = b - be * logD
    m = np.maximum(np.maximum(t1, t2), e)
    x1, x2, x3 = np.exp(t1 - m), np.exp(t2 - m), np.exp(e - m)
    s = x1 + x2 + x3
    r = m + np.log(s) - logL
    ar = np.abs(r)
    # Sums by ufuncs, not BLAS: multithreaded BLAS on these tiny products is ten times slower on a busy machine.
    value = (np.where(ar <= delta, 0.5 * r * r, delta * (ar - 0.5 * delta)) * weights).sum(1)
    g = weights * np.clip(r, -delta, delta) / s
    g1, g2 = g * x1, g * x2
    grad = np.stack([g1.sum(1), g2.sum(1), (g * x3).sum(1), -(g1 * logN).sum(1), -(g2 * logD).sum(1)], axis=1)
    if np.ndim(theta) == 1:
        return float(value[0]), grad[0]
    return value, grad


def _polish(theta0, data, delta, scale):
    """L-BFGS-B from ``theta0`` with the analytic gradient, tight tolerances, objective scaled by ``1/scale``."""
    def fun(theta):
        v, g = huber_objective(theta, *data, delta=delta)
        return v / scale, g / scale

    sol = optimize.minimize(fun, theta0, jac=True, method="L-BFGS-B",
                            options={"maxiter": 5000, "ftol": 1e-14, "gtol": 1e-10})
    return sol.x, sol.fun * scale


def _fit_from_theta(theta, objective, n_points, label="our fit") -> ParametricFit:
    a, b, e, alpha, beta = (float(v) for v in theta)
    return ParametricFit(E=math.exp(e), A=math.exp(a), B=math.exp(b), alpha=alpha, beta=beta,
                         objective=float(objective), n_points=int(n_points), label=label)


def fit_parametric_loss(N, D, loss, *, weights=None, starts=None, delta: float = HUBER_DELTA,
                        screen_fraction: float = 0.1, adam_steps: int = 10, n_polish: int = 8) -> ParametricFit:
    """Hoffmann et al.'s Approach 3: fit ``log L = LSE(a - alpha log N, b - beta log D, e)`` by minimising the
    summed Huber loss (``delta``) of log residuals from every start of :func:`start_grid`, keeping the best.

    Instead of one L-BFGS run per start (see :func:`fit_parametric_loss_plain`), it

    1. evaluates the objective at all starts at once (one vectorised array of starts x runs);
    2. keeps the best ``screen_fraction`` of them and moves them together for ``adam_steps`` Adam steps using
       the analytic gradient of :func:`huber_objective`;
    3. polishes the ``n_polish`` best distinct candidates with L-BFGS-B (analytic gradient, tight tolerances).

    The benchmark (``benchmarks/bench_chinchilla.py``) checks that this reaches the same best objective as the
    plain loop over all 4500 starts.

    Parameters
    ----------
    N, D, loss : array_like
        Parameters, training tokens and final loss (nats/token) of each run; 1-D, same length, > 5 runs.
    weights : array_like, optional
        Non-negative weight per run (bootstrap resample counts); defaults to ones.
    starts : ndarray (S, 5), optional
        Starting points ``(a, b, e, alpha, beta)``; defaults to :func:`start_grid`.
    """
    data = _check_runs(N, D, loss, weights)
    require_positive("delta", delta)
    require_in_range("screen_fraction", screen_fraction, 0.0, 1.0, inclusive=False)
    adam_steps = require_int("adam_steps", adam_steps, minimum=0)
    n_polish = require_int("n_polish", n_polish, minimum=1)
    P = start_grid() if starts is None else require_finite("starts", starts)
    if P.ndim != 2 or P.shape[1] != 5:
        raise ValueError(f"starts must have shape (S, 5); got {P.shape}")

    values, _ = huber_objective(P, *data, delta=delta)
    keep = max(n_polish, int(math.ceil(screen_fraction * len(P))))
    P = P[np.argsort(values, kind="stable")[:keep]].copy()
    m, v = np.zeros_like(P), np.zeros_like(P)
    for k in range(1, adam_steps + 1):
        _, G = huber_objective(P, *data, delta=delta)
        m = 0.9 * m + 0.1 * G
        v = 0.999 * v + 0.001 * G * G
        P -= 0.05 * (m / (1 - 0.9**k)) / (np.sqrt(v / (1 - 0.999**k)) + 1e-12)
    values, _ = huber_objective(P, *data, delta=delta)
    candidates, seen = [], set()
    for i in np.argsort(values, kind="stable"):
        key = tuple(np.round(P[i], 2))
        if key not in seen:
            seen.add(key)
            candidates.append(P[i])
        if len(candidates) == n_polish:
            break
    scale = delta * float(np.sum(data[3]))
    with single_threaded_blas():
        best_theta, best_value = min((_polish(c, data, delta, scale) for c in candidates), key=lambda t: t[1])
    return _fit_from_theta(best_theta, best_value, np.count_nonzero(data[3]))


def fit_parametric_loss_plain(N, D, loss, *, starts=None, delta: float = HUBER_DELTA) -> ParametricFit:
    """Reference implementation: one ``scipy.optimize.minimize(method="L-BFGS-B")`` per start with default
    settings and finite-difference gradients, as in Besiroglu et al.'s replication; keeps the best.
    About 40 s for the 4500 starts; the benchmark uses it to check :func:`fit_parametric_loss`."""
    data = _check_runs(N, D, loss)
    P = start_grid() if starts is None else require_finite("starts", starts)

    logN, logD, logL, _ = data

    def fun(theta):  # value only: finite differences need no gradient
        a, b, e, alpha, beta = theta
        r = np.logaddexp(np.logaddexp(a - alpha * logN, b - beta * logD), e) - logL
        ar = np.abs(r)
        return float(np.sum(np.where(ar <= delta, 0.5 * r * r, delta * (ar - 0.5 * delta))))

    best = None
    with single_threaded_blas():
        for theta0 in P:
            sol = optimize.minimize(fun, theta0, method="L-BFGS-B")
            if np.isfinite(sol.fun) and (best is None or sol.fun < best.fun):
                best = sol
    return _fit_from_theta(best.x, best.fun, len(data[0]), label="plain loop")


# --- Bootstrap -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParameterDraws:
    """Bootstrap draws of the five constants, as arrays; accepted wherever a :class:`ParametricFit` is."""

    E: np.ndarray
    A: np.ndarray
    B: np.ndarray
    alpha: np.ndarray
    beta: np.ndarray

    @property
    def allocation_exponent(self) -> np.ndarray:
        return self.beta / (self.alpha + self.beta)


@dataclass(frozen=True)
class BootstrapResult:
    """Refits of the law to resampled runs.

    Attributes
    ----------
    fit : ParametricFit
        The fit to all runs.
    draws : ParameterDraws
        One refit per resample.
    level : float
        Confidence level of :meth:`interval`.
    seed : int
    """

    fit: ParametricFit
    draws: ParameterDraws
    level: float
    seed: int

    @property
    def n_boot(self) -> int:
        return len(self.draws.E)

    def interval(self, name: str) -> tuple[float, float]:
        """Percentile interval of a constant (``E, A, B, alpha, beta``) or of ``allocation_exponent``."""
        return fitting.percentile_interval(getattr(self.draws, name), self.level)

    def quantity_interval(self, fn) -> tuple[float, float]:
        """Percentile interval of a derived quantity ``fn(fit_like)`` computed on every draw."""
        return fitting.percentile_interval(np.asarray(fn(self.draws), dtype=float).ravel(), self.level)


def _refit_chunk(args):
    theta0, logs, counts, delta = args
    out = []
    with single_threaded_blas():
        for w in counts:
            theta, _ = _polish(theta0, (*logs, w), delta, delta * float(w.sum()))
            out.append(theta)
    return out


def bootstrap_fit(N, D, loss, *, n_boot: int = DEFAULT_N_BOOT, seed: int = 0, level: float = 0.9,
                  n_jobs: int = 1, delta: float = HUBER_DELTA) -> BootstrapResult:
    """Refit the law to ``n_boot`` resamples of the runs (drawn with replacement, seeded).

    A resample is a vector of counts (weights) over the runs. Each refit is an L-BFGS-B polish with the analytic
    gradient and tight tolerances, started from the full-data optimum (found by :func:`fit_parametric_loss`).
    With scipy's default tolerances such warm starts stop early and understate the spread; the benchmark
    checks the warm-started refits against full multi-start refits.

    Parameters
    ----------
    n_boot : int
        Number of resamples (>= 10).
    level : float
        Confidence level of the percentile intervals, in (0, 1).
    n_jobs : int
        Worker processes; results do not depend on it.
    """
    data = _check_runs(N, D, loss)
    n_boot = require_int("n_boot", n_boot, minimum=10, maximum=MAX_N_BOOT)
    seed = require_int("seed", seed, minimum=0)
    n_jobs = require_int("n_jobs", n_jobs, minimum=1, maximum=64)
    require_in_range("level", level, 0.0, 1.0, inclusive=False)
    fit = fit_parametric_loss(N, D, loss, delta=delta)
    rng = np.random.default_rng(seed)
    n = len(data[0])
    counts = np.stack([np.bincount(rng.integers(0, n, n), minlength=n) for _ in range(n_boot)]).astype(float)
    theta0 = fit.log_params
    chunks = [(theta0, data[:3], part, delta) for part in np.array_split(counts, n_jobs)]
    if n_jobs == 1:
        thetas = _refit_chunk(chunks[0])
    else:
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            thetas = [t for part in pool.map(_refit_chunk, chunks) for t in part]
    T = np.array(thetas)
    draws = ParameterDraws(E=np.exp(T[:, 2]), A=np.exp(T[:, 0]), B=np.exp(T[:, 1]), alpha=T[:, 3], beta=T[:, 4])
    return BootstrapResult(fit, draws, float(level), seed)


@lru_cache(maxsize=4)
def chinchilla_fit() -> ParametricFit:
    """Our fit of the law to the 240 runs that Besiroglu et al. (2024) keep."""
    runs = load_chinchilla_runs()
    return fit_parametric_loss(runs["N_params"], runs["D_tokens"], runs["loss"])


def chinchilla_bootstrap(n_boot: int = DEFAULT_N_BOOT, seed: int = 0, level: float = 0.9) -> BootstrapResult:
    """:func:`bootstrap_fit` on the 240 runs, cached (positional and keyword calls share the cache)."""
    n_boot = require_int("n_boot", n_boot, minimum=10, maximum=MAX_N_BOOT)
    seed = require_int("seed", seed, minimum=0)
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    return _chinchilla_bootstrap(n_boot, seed, level)


@lru_cache(maxsize=8)
def _chinchilla_bootstrap(n_boot: int, seed: int, level: float) -> BootstrapResult:
    runs = load_chinchilla_runs()
    return bootstrap_fit(runs["N_params"], runs["D_tokens"], runs["loss"], n_boot=n_boot, seed=seed, level=level)


def published_fits() -> dict[str, ParametricFit]:
    """Our fit beside the two published ones, by label."""
    ours = chinchilla_fit()
    return {f.label: f for f in (ours, HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, BESIROGLU_2024)}


def fits_table(boot: BootstrapResult) -> pd.DataFrame:
    """Constants of the three fits, with our bootstrap interval for each, as a table."""
    rows = []
    for name in ("E", "A", "B", "alpha", "beta", "allocation_exponent"):
        lo, hi = boot.interval(name)
        rows.append({"constant": name, "our fit": getattr(boot.fit, name), "low": lo, "high": hi,
                     HOFFMANN_2022.label: getattr(HOFFMANN_2022, name),
                     HOFFMANN_2022_UNROUNDED.label: getattr(HOFFMANN_2022_UNROUNDED, name),
                     BESIROGLU_2024.label: getattr(BESIROGLU_2024, name)})
    return pd.DataFrame(rows)


# --- Approach 2: IsoFLOP profiles --------------------------------------------------------------------

@dataclass(frozen=True)
class IsoflopResult:
    """Approach 2 on the runs: per compute band, a parabola in log N and its minimum.

    Attributes
    ----------
    points : pandas.DataFrame
        Runs assigned to a band: ``budget``, ``N_params``, ``D_tokens``, ``C_flop``, ``loss``.
    minima : pandas.DataFrame
        Per band: ``budget`` (FLOP), ``N_opt``, ``loss_min``, ``runs`` and the parabola's ``c0, c1, c2``
        (``loss = c0 + c1 x + c2 x**2`` with ``x = log10 N``).
    exponent : float
        Slope ``a`` of ``log N_opt`` against ``log C``.
    coefficient : float
        ``N_opt = coefficient * C**exponent``.
    """

    points: pd.DataFrame
    minima: pd.DataFrame
    exponent: float
    coefficient: float


def isoflop_profiles(N, D, loss, C_flop, *, budgets=ISOFLOP_BUDGETS, half_width_dex: float = 0.05,
                     min_runs: int = 5) -> IsoflopResult:
    """Approach 2: for each budget, the runs within ``half_width_dex`` decades of it, a parabola of loss in
    ``log10 N`` and its minimum ``N_opt``; then a power law ``N_opt ∝ C**a`` across budgets.

    Bands whose parabola opens downwards or has fewer than ``min_runs`` runs are skipped.
    """
    N = require_positive("N", N)
    D = require_positive("D", D)
    L = require_positive("loss", loss)
    C = require_positive("C_flop", C_flop)
    require_same_shape(N=N, D=D, loss=L, C_flop=C)
    budgets = require_positive("budgets", budgets)
    require_positive("half_width_dex", half_width_dex)
    min_runs = require_int("min_runs", min_runs, minimum=3)
    points, minima = [], []
    for budget in budgets:
        inside = np.abs(np.log10(C / budget)) <= half_width_dex
        if inside.sum() < min_runs:
            continue
        x = np.log10(N[inside])
        c2, c1, c0 = np.polyfit(x, L[inside], 2)
        if c2 <= 0:
            continue
        x_min = -c1 / (2 * c2)
        points.append(pd.DataFrame({"budget": budget, "N_params": N[inside], "D_tokens": D[inside],
                                    "C_flop": C[inside], "loss": L[inside]}))
        minima.append({"budget": budget, "N_opt": 10**x_min, "loss_min": c0 + c1 * x_min + c2 * x_min**2,
                       "runs": int(inside.sum()), "c0": c0, "c1": c1, "c2": c2})
    if len(minima) < 3:
        raise ValueError(f"budgets: only {len(minima)} bands have {min_runs}+ runs and a minimum; need 3")
    minima = pd.DataFrame(minima)
    slope, intercept = np.polyfit(np.log10(minima["budget"]), np.log10(minima["N_opt"]), 1)
    return IsoflopResult(pd.concat(points, ignore_index=True), minima, float(slope), float(10**intercept))


@lru_cache(maxsize=2)
def chinchilla_isoflops() -> IsoflopResult:
    """:func:`isoflop_profiles` on the 240 runs (cached)."""
    r = load_chinchilla_runs()
    return isoflop_profiles(r["N_params"], r["D_tokens"], r["loss"], r["C_flop"])


# --- Gopher vs Chinchilla, and Kaplan's allocation -----------------------------------------------------

@dataclass(frozen=True)
class ModelComparison:
    """Two published models under one fit.

    Attributes
    ----------
    loss_big, loss_balanced : float
        Predicted loss of the larger-model run (Gopher) and of the balanced run (Chinchilla), nats/token.
    N_opt_big_budget : float
        Compute-optimal size at the larger run's compute.
    compute_for_big_loss : float
        Compute (FLOP) a compute-optimal model needs to match the larger run's loss.
    kaplan_N, kaplan_loss : float
        Size Kaplan's rule picks at the larger run's compute, and the loss that model reaches.
    """

    fit: ParametricFit
    big: Model
    balanced: Model
    loss_big: float
    loss_balanced: float
    N_opt_big_budget: float
    compute_for_big_loss: float
    kaplan_N: float
    kaplan_loss: float

    @property
    def compute_saving(self) -> float:
        """Factor by which the compute-optimal model reaches the big run's loss more cheaply."""
        return self.big.C_flop / self.compute_for_big_loss

    @property
    def oversize_factor(self) -> float:
        """How many times larger than compute-optimal the big run was."""
        return self.big.N / self.N_opt_big_budget


def compare_models(fit, big: Model = GOPHER, balanced: Model = CHINCHILLA, *,
                   anchor_flop: float | None = None) -> ModelComparison:
    """Gopher against Chinchilla (by default) under ``fit``; Kaplan's rule as published, or anchored to ``fit``
    at ``anchor_flop`` (see :func:`kaplan_allocation`)."""
    N_opt, _ = compute_optimal_allocation(big.C_flop, fit)
    loss_big = float(chinchilla_loss(big.N, big.D, fit))
    kN, kD = kaplan_allocation(big.C_flop, fit, anchor_flop)
    return ModelComparison(fit, big, balanced, loss_big, float(chinchilla_loss(balanced.N, balanced.D, fit)),
                           float(N_opt), float(compute_to_reach(loss_big, fit)), float(kN),
                           float(chinchilla_loss(kN, kD, fit)))


def kaplan_path_returns(fit, C_flop, *, anchor_flop: float | None = None) -> pd.DataFrame:
    """Loss along the compute-optimal frontier and along Kaplan's allocation at each ``C_flop`` (increasing).

    Columns ``optimal`` and ``kaplan`` (nats/token); ``*_gain``: the fraction of the loss each step removes;
    ``*_exponent``: the local power-law exponent of the *reducible* loss ``L - E`` between consecutive budgets,
    ``-Δlog(L - E) / Δlog C`` (constant ``gamma`` on the optimal path). Both are NaN at the first budget.
    """
    C = require_positive("C_flop", C_flop)
    if C.ndim != 1 or np.any(np.diff(C) <= 0):
        raise ValueError(f"C_flop must be a 1-D increasing array of budgets; got {C!r}")
    E = float(_constants(fit)[0])
    opt = frontier_loss(C, fit)
    kaplan = chinchilla_loss(*kaplan_allocation(C, fit, anchor_flop), fit)
    frame = pd.DataFrame({"C_flop": C, "optimal": opt, "kaplan": kaplan})
    for col in ("optimal", "kaplan"):
        L = frame[col].to_numpy()
        frame[f"{col}_gain"] = np.r_[np.nan, 1 - L[1:] / L[:-1]]
        frame[f"{col}_exponent"] = np.r_[np.nan, -np.diff(np.log(L - E)) / np.diff(np.log(C))]
    return frame


# --- Over-training for inference ----------------------------------------------------------------------

@dataclass(frozen=True)
class OvertrainingResult:
    """A model trained past compute-optimal, against (i) the compute-optimal model of equal training compute
    and (ii) the smaller-compute but larger compute-optimal model that reaches the same loss.

    Attributes
    ----------
    loss : float
        Loss of the over-trained model (nats/token).
    equal_compute_N, equal_compute_loss : float
        Compute-optimal size and loss at the same training compute.
    equal_loss_N, equal_loss_D, equal_loss_compute : float
        Compute-optimal model that reaches ``loss``, and its training compute (FLOP).
    break_even_tokens : float
        Served tokens after which the over-trained model's total compute (training + 2 N per token) is lower.
    """

    model: Model
    loss: float
    equal_compute_N: float
    equal_compute_loss: float
    equal_loss_N: float
    equal_loss_D: float
    equal_loss_compute: float
    break_even_tokens: float

    @property
    def loss_penalty(self) -> float:
        return self.loss - self.equal_compute_loss

    @property
    def extra_training_compute(self) -> float:
        """Training compute of the over-trained model over that of the equal-loss compute-optimal model."""
        return self.model.C_flop / self.equal_loss_compute


def total_compute(N, D, served_tokens) -> np.ndarray:
    """Training ``6 N D`` plus inference ``2 N`` per served token (FLOP)."""
    N = require_positive("N", N)
    D = require_positive("D", D)
    T = require_finite("served_tokens", served_tokens)
    if np.any(T < 0):
        raise ValueError(f"served_tokens must be non-negative; got {np.min(T)}")
    return TRAIN_FLOP_PER_PARAM_TOKEN * N * D + INFER_FLOP_PER_PARAM_TOKEN * N * T


def overtraining(model: Model, fit) -> OvertrainingResult:
    """Loss penalty and inference break-even of ``model`` (e.g. :data:`LLAMA3_8B`) under ``fit``."""
    loss = float(chinchilla_loss(model.N, model.D, fit))
    N_c, D_c = compute_optimal_allocation(model.C_flop, fit)
    C_eq = float(compute_to_reach(loss, fit))
    N_eq, D_eq = compute_optimal_allocation(C_eq, fit)
    N_eq, D_eq = float(N_eq), float(D_eq)
    if N_eq > model.N:
        breakeven = (model.C_flop - C_eq) / (INFER_FLOP_PER_PARAM_TOKEN * (N_eq - model.N))
    else:  # the model is not over-trained: it never pays back
        breakeven = float("inf")
    return OvertrainingResult(model, loss, float(N_c), float(chinchilla_loss(N_c, D_c, fit)),
                              N_eq, D_eq, C_eq, float(breakeven))


# --- Kaplan's allocation, Gopher against Chinchilla ---------------------------------------------------

def kaplan_compute_waste(fit, C_flop, *, anchor_flop: float | None = None) -> np.ndarray:
    """Factor by which Kaplan's allocation over-spends: ``C / C_opt`` where a compute-optimal model reaches with
    ``C_opt`` the loss that Kaplan's split of ``C`` reaches (Kaplan's rule as published unless ``anchor_flop``)."""
    C = require_positive("C_flop", C_flop)
    return C / compute_to_reach(chinchilla_loss(*kaplan_allocation(C, fit, anchor_flop), fit), fit)


#: Hoffmann et al. (2022) state Chinchilla used "the same compute budget as Gopher" (abstract) and give that
#: budget as 5.76e23 FLOP (bibtex ``hoffmann2022training``). Checked against a stored text copy of
#: arXiv:2203.15556 (code index, file id 17909418424): the Figure 2 caption gives the FLOPs "used to train
#: Gopher (5.76 × 10^23)"; Table 3 and Figure 1 are images in that copy, so the figure was not read there.
#: 6ND gives less for Gopher and more for Chinchilla; :func:`gopher_chinchilla_flops` reports all three.
HOFFMANN_GOPHER_BUDGET_FLOP = 5.76e23
#: MMLU 5-shot average accuracy (%): Chinchilla 67.5 (Hoffmann et al. 2022, abstract, "greater than a 7%
#: improvement over Gopher"), Gopher 60.0 (Rae et al. 2021; bibtex ``rae2021gopher``). Checked: 67.5 is in the
#: abstract of the stored copy of arXiv:2203.15556 (file id 17909418424), whose Section 4.2.2 text says 67.6 %
#: "improving upon Gopher by 7.6%" (the paper's own rounding differs; 67.6 - 7.6 = 60.0); both 67.5 and 60.0 are
#: on the MMLU authors' leaderboard (github.com/hendrycks/test, README.md, "Results of the test") and in the
#: LLaMA paper's Table 9 (Touvron et al. 2023, as transcribed in a stored bilingual copy, file id 61973068263).
#: Rae et al.'s own table was not seen in a stored copy (searched: pages and code for the Gopher MMLU table).
MMLU_5SHOT = {"Chinchilla": 67.5, "Gopher": 60.0}


@dataclass(frozen=True)
class GopherChinchilla:
    """Gopher against Chinchilla under one fit: three FLOP figures, the loss gap split, the MMLU scores.

    Attributes
    ----------
    flop_gopher_6nd, flop_chinchilla_6nd, flop_paper : float
        ``6 N D`` for each model, and the budget the paper gives for both (FLOP).
    loss_gopher, loss_chinchilla : float
        Predicted final loss (nats/token).
    gap_allocation : float
        Gopher's loss minus the compute-optimal loss at Gopher's own 6ND budget (what its split cost).
    gap_compute : float
        Compute-optimal loss at Gopher's budget minus that at Chinchilla's (what Chinchilla's extra FLOP bought).
    gap_chinchilla_split : float
        Chinchilla's loss minus the compute-optimal loss at its own budget (its own small misallocation):
        ``loss_gopher - loss_chinchilla = gap_allocation + gap_compute - gap_chinchilla_split``.
    """

    fit: ParametricFit
    flop_gopher_6nd: float
    flop_chinchilla_6nd: float
    flop_paper: float
    loss_gopher: float
    loss_chinchilla: float
    gap_allocation: float
    gap_compute: float
    gap_chinchilla_split: float

    @property
    def flop_ratio(self) -> float:
        """Chinchilla's 6ND over Gopher's (1.17: the budgets were not equal under 6ND)."""
        return self.flop_chinchilla_6nd / self.flop_gopher_6nd

    @property
    def allocation_share(self) -> float:
        """Share of the predicted loss gap due to Gopher's allocation rather than to compute."""
        return self.gap_allocation / (self.loss_gopher - self.loss_chinchilla)


def gopher_chinchilla(fit) -> GopherChinchilla:
    """Split the predicted loss gap between Gopher and Chinchilla into allocation and compute under ``fit``."""
    Cg, Cc = GOPHER.C_flop, CHINCHILLA.C_flop
    Lg = float(chinchilla_loss(GOPHER.N, GOPHER.D, fit))
    Lc = float(chinchilla_loss(CHINCHILLA.N, CHINCHILLA.D, fit))
    opt_g, opt_c = (float(frontier_loss(c, fit)) for c in (Cg, Cc))
    return GopherChinchilla(fit, Cg, Cc, HOFFMANN_GOPHER_BUDGET_FLOP, Lg, Lc, Lg - opt_g, opt_g - opt_c, Lc - opt_c)


# --- The article's table in parameter decades ----------------------------------------------------------

def compute_for_optimal_size(N, fit) -> np.ndarray:
    """Training compute (FLOP) at which ``N`` parameters is the compute-optimal size: the inverse of
    ``N_opt = G (C/6)**a``, i.e. ``C = 6 (N / G)**(1/a)``."""
    N = require_positive("N", N)
    E, A, B, alpha, beta = _constants(fit)
    G = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta))
    a = beta / (alpha + beta)
    return TRAIN_FLOP_PER_PARAM_TOKEN * (N / G) ** (1.0 / a)


def parameter_decades(fit, N_start: float = 1e9, n: int = 4) -> pd.DataFrame:
    """Seed 001's rows (1B->10B, 10B->100B, ...) read as compute-optimal models of ``N_start * 10**k`` parameters.

    Columns: ``N_from``, ``N_to``; ``C_from``, ``C_to`` (FLOP at which each size is compute-optimal) and
    ``compute_multiple``; ``loss_from``, ``loss_to``; ``gain_total`` (share of the total loss removed) and
    ``gain_reducible`` (share of the reducible loss ``L - E`` removed). ``fit`` may be a
    :class:`ParameterDraws` for bootstrap arrays (then use :func:`parameter_decade_arrays`).
    """
    N_start = float(require_positive("N_start", N_start))
    n = require_int("n", n, minimum=1)
    N = N_start * 10.0 ** np.arange(n + 1)
    C = compute_for_optimal_size(N, fit)
    L = frontier_loss(C, fit)
    E = float(fit.E)
    return pd.DataFrame({"N_from": N[:-1], "N_to": N[1:], "C_from": C[:-1], "C_to": C[1:],
                         "compute_multiple": C[1:] / C[:-1], "loss_from": L[:-1], "loss_to": L[1:],
                         "gain_total": 1 - L[1:] / L[:-1], "gain_reducible": 1 - (L[1:] - E) / (L[:-1] - E)})


def parameter_decade_gains(fit, N_start: float = 1e9, n: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Total and reducible relative gains per parameter decade, vectorised over bootstrap draws.

    Returns two arrays of shape ``(n,)`` for a fit, or ``(n, draws)`` for :class:`ParameterDraws`."""
    N = float(require_positive("N_start", N_start)) * 10.0 ** np.arange(require_int("n", n, minimum=1) + 1)
    E = np.asarray(fit.E, dtype=float)
    L = np.array([frontier_loss(compute_for_optimal_size(x, fit), fit) for x in N])
    return 1 - L[1:] / L[:-1], 1 - (L[1:] - E) / (L[:-1] - E)


# --- How many runs Hoffmann et al.'s interval would need -----------------------------------------------

#: Hoffmann et al. (2022), Table 2, Approach 3: a = 0.46 with the interval (0.454, 0.455) (their 10th to 90th
#: percentiles from bootstrapping, per the caption; bibtex ``hoffmann2022training``). a = 0.46 is confirmed by
#: the text of Section 3.3 in a stored copy of arXiv:2203.15556 (code index, file id 17909418424), and the
#: caption (10th and 90th percentiles, 80 % of the data resampled 100 times) by that copy too; the interval
#: itself is not verified against a stored copy (searched: pages for the Table 2 caption, its row names and
#: the numbers, ar5iv/arXiv copies of 2203.15556 and of Besiroglu et al. 2404.10102; code for
#: "0.454, 0.455"): Table 2 is an image in the one full copy found, and the numbers appear only in
#: secondary transcriptions (lecture notes and reading notes), which agree with these values.
HOFFMANN_A3_INTERVAL = (0.454, 0.455)
#: Besiroglu et al. (2024, abstract): intervals that narrow "would require over 600,000 experiments", while
#: Hoffmann et al. likely ran fewer than 500 (bibtex ``besiroglu2024chinchilla``). Checked against the stored
#: abstract at https://arxiv.org/html/2404.10102v2 (and v1).
BESIROGLU_RUNS_NEEDED = 600_000


def runs_needed_for_width(width: float, n_runs: int, target_width: float) -> float:
    """Runs needed to shrink an interval of ``width`` (estimated from ``n_runs`` runs) to ``target_width``,
    assuming the width falls as ``1/sqrt(runs)``: ``n_runs * (width / target_width)**2``."""
    w = float(require_positive("width", width))
    t = float(require_positive("target_width", target_width))
    n = require_int("n_runs", n_runs, minimum=1)
    return n * (w / t) ** 2


def hoffmann_runs_needed(boot: BootstrapResult) -> float:
    """Runs Hoffmann et al.'s Approach 3 interval for ``a`` would need, scaled from our bootstrap's 80%
    interval (the same percentiles as theirs) on the runs we fit."""
    a = np.asarray(boot.draws.allocation_exponent, dtype=float)
    lo, hi = fitting.percentile_interval(a, 0.8)
    return runs_needed_for_width(hi - lo, boot.fit.n_points, HOFFMANN_A3_INTERVAL[1] - HOFFMANN_A3_INTERVAL[0])
