"""Muennighoff et al.'s data-constrained scaling law (``muennighoff2023datalimited``): the law, its refits
to the 182 published runs, what repetition buys, and the compute frontier when unique data is capped.

Units: parameters for ``N``, tokens for ``D`` (trained) and ``U`` (unique), FLOP for compute, loss in
nats/token (C4 validation loss in Muennighoff et al.'s runs). Part of the data-wall chapter
(its charts are in :mod:`analysis.datawall.charts`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import optimize

from analysis.house.data import DatasetSpec, load_csv
from analysis.house.fitting import HUBER_DELTA, huber
from analysis.house.validation import (checked_cache, require_broadcastable, require_finite, require_in_range,
                                       require_instance, require_int, require_positive, require_positive_number,
                                       require_sequence, require_vector)

DATABLATIONS_RUNS = DatasetSpec(
    filename="datablations_muennighoff2023_val_losses_182runs.csv",
    sha256="16b598cc6922f124992c362a076eb952f54716f2cf4639cfbdd6b82973790f43",
    columns={"run_name": "str", "params_billions": "float", "tokens_billions": "float",
             "unique_tokens_billions": "float", "val_loss": "float"},
    description="Muennighoff et al. (2023): 182 runs (N, D, U, final validation loss) used for their R_D*/R_N* fit",
    n_rows=182,
)


def load_datablations_runs() -> pd.DataFrame:
    """The 182 runs of Muennighoff et al. (2023) in base units: ``N`` parameters, ``D`` tokens,
    ``U`` unique tokens, ``loss`` (nats/token), ``epochs`` = D/U."""
    frame = load_csv(DATABLATIONS_RUNS)
    out = pd.DataFrame({
        "run_name": frame["run_name"],
        "N": frame["params_billions"] * 1e9,
        "D": frame["tokens_billions"] * 1e9,
        "U": frame["unique_tokens_billions"] * 1e9,
        "loss": frame["val_loss"],
    })
    out["epochs"] = out["D"] / out["U"]
    return out


# --- Muennighoff et al.'s data-constrained law ------------------------------------------------------

@dataclass(frozen=True)
class DataConstrainedParams:
    """Constants of the data-constrained scaling law of Muennighoff et al. (2023), "Scaling
    Data-Constrained Language Models", arXiv:2305.16264 (bibtex ``muennighoff2023datalimited``),
    Section 3 and Appendix: L = E + A / N'**alpha + B / D'**beta, with N in parameters, D in tokens,
    loss in nats/token.

    ``R_D_star`` is the number of repetitions after which repeated data has lost 1 - 1/e of its value;
    ``R_N_star`` the same for excess parameters.
    """

    A: float = 520.8
    B: float = 1487.7
    E: float = 1.869
    alpha: float = 0.3527
    beta: float = 0.3527
    R_D_star: float = 15.39
    R_N_star: float = 5.31

    @property
    def G(self) -> float:
        """(alpha A / (beta B))**(1/(alpha+beta)): sets the compute-optimal ratio of parameters to tokens."""
        return (self.alpha * self.A / (self.beta * self.B)) ** (1.0 / (self.alpha + self.beta))


MUENNIGHOFF = DataConstrainedParams()


def _law(params, name: str = "params") -> DataConstrainedParams:
    return require_instance(name, params, DataConstrainedParams)


def _check_NDU(N, D, U):
    N = require_positive("N", N)
    D = require_positive("D", D)
    U = require_positive("U", U)
    try:
        N, D, U = np.broadcast_arrays(N, D, U)
    except ValueError:
        raise ValueError(f"N, D and U must have broadcastable shapes; got N {np.shape(N)}, D {np.shape(D)}, "
                         f"U {np.shape(U)}") from None
    bad = U > D * (1 + 1e-12)
    if bad.any():
        i = int(np.flatnonzero(bad.ravel())[0])
        raise ValueError(f"U must not exceed D (unique tokens cannot exceed trained tokens); got U={U.ravel()[i]!r} "
                         f"> D={D.ravel()[i]!r} at index {i}")
    return N, D, U


def effective_data(D, U, R_D_star: float = MUENNIGHOFF.R_D_star) -> np.ndarray:
    """D' = U + U R_D* (1 - exp(-R_D / R_D*)) with R_D = D/U - 1 repetitions (tokens).

    Parameters
    ----------
    D : array_like
        Tokens trained on (>= U).
    U : array_like
        Unique tokens.
    R_D_star : float
        Decay constant of the value of repeated data (repetitions).
    """
    _, D, U = _check_NDU(1.0, D, U)
    r_star = float(require_positive("R_D_star", R_D_star))
    R = D / U - 1.0
    return U + U * r_star * (-np.expm1(-R / r_star))


def optimal_params_for_tokens(U, params: DataConstrainedParams = MUENNIGHOFF) -> np.ndarray:
    """U_N = G (G U)**(beta/alpha): the compute-optimal number of parameters for ``U`` tokens."""
    U = require_positive("U", U)
    params = _law(params)
    return params.G * (params.G * U) ** (params.beta / params.alpha)


def effective_params(N, U, params: DataConstrainedParams = MUENNIGHOFF) -> np.ndarray:
    """N' = U_N + U_N R_N* (1 - exp(-R_N / R_N*)), U_N = min(N, optimal size for U), R_N = N/U_N - 1."""
    N = require_positive("N", N)
    require_broadcastable(N=N, U=require_positive("U", U))
    U_N = np.minimum(optimal_params_for_tokens(U, params), N)
    R = N / U_N - 1.0
    return U_N + U_N * params.R_N_star * (-np.expm1(-R / params.R_N_star))


def data_constrained_loss(N, D, U, params: DataConstrainedParams = MUENNIGHOFF) -> np.ndarray:
    """Muennighoff et al.'s loss (nats/token) for N parameters trained on D tokens of which U are unique.

    Parameters
    ----------
    N : array_like
        Parameters (positive).
    D : array_like
        Tokens trained on (positive, >= U).
    U : array_like
        Unique tokens (positive).
    params : DataConstrainedParams
        Constants; the published ones by default.

    Raises
    ------
    ValueError
        If a size is non-positive or NaN, if U > D, or if the shapes do not broadcast.
    """
    N, D, U = _check_NDU(N, D, U)
    Dp = effective_data(D, U, _law(params).R_D_star)
    Np = effective_params(N, U, params)
    return params.E + params.A / Np**params.alpha + params.B / Dp**params.beta


@dataclass(frozen=True)
class DecayRefit:
    """Refit of R_D* and R_N* on the 182 runs, the other constants held at the published values.

    Attributes
    ----------
    R_D_star, R_N_star : float
        Best fit over all starting points.
    objective : float
        Its Huber objective (sum over runs, delta = 1e-3, on log loss).
    near_published : tuple of float
        The local optimum reached from the published values.
    near_published_objective : float
    optima : pandas.DataFrame
        Every distinct local optimum (R_D_star, R_N_star, objective).
    median_abs_error : float
        Median |predicted/observed - 1| of the loss with the best fit.
    n_runs : int
    """

    R_D_star: float
    R_N_star: float
    objective: float
    near_published: tuple[float, float]
    near_published_objective: float
    optima: pd.DataFrame
    median_abs_error: float
    n_runs: int


def _log_residuals(log_r, runs: pd.DataFrame, base: DataConstrainedParams) -> np.ndarray:
    p = replace(base, R_D_star=float(np.exp(log_r[0])), R_N_star=float(np.exp(log_r[1])))
    pred = data_constrained_loss(runs["N"].to_numpy(), runs["D"].to_numpy(), runs["U"].to_numpy(), p)
    return np.log(pred) - np.log(runs["loss"].to_numpy())


def _fit_from(start, runs, base) -> tuple[np.ndarray, float]:
    sol = optimize.least_squares(_log_residuals, np.log(start), args=(runs, base), loss="huber",
                                 f_scale=HUBER_DELTA, bounds=(np.log(0.1), np.log(1e4)))
    return np.exp(sol.x), float(huber(_log_residuals(sol.x, runs, base)).sum())


@checked_cache(maxsize=4)
def refit_decay_constants(starts: tuple[tuple[float, float], ...] = ((2, 1), (2, 5), (5, 20), (15, 1), (40, 5), (40, 20),
                                                                    (100, 1.5), (300, 1.2)),
                          base: DataConstrainedParams = MUENNIGHOFF) -> DecayRefit:
    """Refit R_D* and R_N* to the 182 runs (Huber loss on log loss, as the paper), from several starts.

    Takes well under a second: each start is a two-parameter robust least-squares fit.
    """
    base = _law(base, "base")
    starts = [require_vector("starts", s, require_positive, min_length=2) for s in require_sequence("starts", starts)]
    runs = load_datablations_runs()
    found = []
    for start in starts:
        x, obj = _fit_from(np.asarray(start, dtype=float), runs, base)
        found.append((float(x[0]), float(x[1]), obj))
    near, near_obj = _fit_from(np.array([base.R_D_star, base.R_N_star]), runs, base)
    found.append((float(near[0]), float(near[1]), near_obj))
    optima = (pd.DataFrame(found, columns=["R_D_star", "R_N_star", "objective"])
              .assign(key=lambda f: f["R_D_star"].round(0))
              .sort_values("objective").drop_duplicates("key").drop(columns="key").reset_index(drop=True))
    best = optima.iloc[0]
    p = replace(base, R_D_star=float(best["R_D_star"]), R_N_star=float(best["R_N_star"]))
    pred = data_constrained_loss(runs["N"].to_numpy(), runs["D"].to_numpy(), runs["U"].to_numpy(), p)
    mae = float(np.median(np.abs(pred / runs["loss"].to_numpy() - 1)))
    return DecayRefit(float(best["R_D_star"]), float(best["R_N_star"]), float(best["objective"]),
                      (float(near[0]), float(near[1])), near_obj, optima, mae, len(runs))


@checked_cache(maxsize=2)
def refit_all_constants(base: DataConstrainedParams = MUENNIGHOFF) -> tuple[DataConstrainedParams, float]:
    """Refit all seven constants (alpha = beta, as published) to the 182 runs; returns the constants and
    the median |predicted/observed - 1|. Six starting points; about half a second."""
    base = _law(base, "base")
    runs = load_datablations_runs()
    N, D, U, L = (runs[c].to_numpy() for c in ("N", "D", "U", "loss"))

    def unpack(p):
        return replace(base, A=float(np.exp(p[0])), B=float(np.exp(p[1])), E=float(np.exp(p[2])), alpha=float(p[3]),
                       beta=float(p[3]), R_D_star=float(np.exp(p[4])), R_N_star=float(np.exp(p[5])))

    def resid(p):
        return np.log(data_constrained_loss(N, D, U, unpack(p))) - np.log(L)

    lower = [0.0, 0.0, np.log(0.1), 0.05, np.log(0.5), np.log(0.5)]
    upper = [20.0, 20.0, np.log(3.0), 1.0, np.log(1e3), np.log(1e3)]
    best = None
    for e0 in (0.5, 1.5):
        for a0 in (0.2, 0.35, 0.5):
            x0 = [np.log(base.A), np.log(base.B), np.log(e0), a0, np.log(base.R_D_star), np.log(base.R_N_star)]
            sol = optimize.least_squares(resid, x0, loss="huber", f_scale=HUBER_DELTA, bounds=(lower, upper))
            if best is None or sol.cost < best.cost:
                best = sol
    return unpack(best.x), float(np.median(np.abs(np.exp(resid(best.x)) - 1)))


def refit_profile(R_D_grid=None, base: DataConstrainedParams = MUENNIGHOFF) -> pd.DataFrame:
    """Profile of the refit objective: for each R_D* on a grid, the best R_N* and the Huber objective."""
    grid = np.geomspace(3, 300, 25) if R_D_grid is None else require_vector("R_D_grid", R_D_grid, require_positive)
    base = _law(base, "base")
    runs = load_datablations_runs()
    rows = []
    for r_d in np.ravel(grid):
        f = lambda log_rn: float(huber(_log_residuals([np.log(r_d), log_rn], runs, base)).sum())  # noqa: E731
        sol = optimize.minimize_scalar(f, bounds=(np.log(0.1), np.log(1e3)), method="bounded")
        rows.append({"R_D_star": float(r_d), "R_N_star": float(np.exp(sol.x)), "objective": float(sol.fun)})
    return pd.DataFrame(rows)


def runs_median_abs_error(params: DataConstrainedParams = MUENNIGHOFF) -> float:
    """Median over the 182 runs of |predicted / observed - 1| of the validation loss (a fraction)."""
    params = _law(params)
    runs = load_datablations_runs()
    pred = data_constrained_loss(runs["N"].to_numpy(), runs["D"].to_numpy(), runs["U"].to_numpy(), params)
    return float(np.median(np.abs(pred / runs["loss"].to_numpy() - 1)))


# --- What repetition buys -------------------------------------------------------------------------

def epoch_value(k, R_D_star: float = MUENNIGHOFF.R_D_star) -> np.ndarray:
    """Value of the k-th pass over the same data, as a fraction of a pass over fresh data.

    The k-th epoch adds D'(k) - D'(k-1) effective tokens per unique token; a fresh epoch adds 1.
    Epoch 1 is worth exactly 1.
    """
    k = require_finite("k", k)
    if np.any(k > 1e6):
        raise ValueError(f"k must be at most 1,000,000 epochs; got {k.max()!r}")
    if np.any(k < 1):
        raise ValueError(f"k must be at least 1 (the first epoch); got {k}")
    if np.any(k != np.round(k)):
        raise ValueError(f"k must be whole epoch numbers; got {k}")
    r = float(require_positive("R_D_star", R_D_star))
    D_k = 1 + r * (-np.expm1(-(k - 1) / r))
    D_prev = np.where(k >= 2, 1 + r * (-np.expm1(-(k - 2) / r)), 0.0)
    return D_k - D_prev


@dataclass(frozen=True)
class EpochGains:
    """Loss bought by epoch k of repeated data versus the same tokens of fresh data.

    Attributes
    ----------
    epochs : ndarray
        The epoch numbers k.
    repeated_gain : ndarray
        Loss removed by epoch k when the k-th pass repeats the same U tokens (nats/token).
    fresh_gain : ndarray
        Loss removed by the same number of new tokens instead (nats/token).
    ratio : ndarray
        repeated_gain / fresh_gain.
    """

    epochs: np.ndarray
    repeated_gain: np.ndarray
    fresh_gain: np.ndarray
    ratio: np.ndarray


def epoch_gains(N: float, U: float, epochs=(2, 4, 16, 40), params: DataConstrainedParams = MUENNIGHOFF) -> EpochGains:
    """Loss removed by the k-th epoch for a model of N parameters on U unique tokens.

    Parameters
    ----------
    N : float
        Parameters.
    U : float
        Unique tokens.
    epochs : sequence of int
        Epoch numbers k >= 2.
    """
    N, U = require_positive("N", N), require_positive("U", U)
    if N.ndim or U.ndim:
        raise ValueError(f"N and U must be single numbers (parameters, unique tokens); got shapes N {N.shape}, U {U.shape}")
    N, U = float(N), float(U)
    k = require_vector("epochs", epochs)
    if np.any(k < 2):
        raise ValueError(f"epochs must all be at least 2; got {k}")
    before = data_constrained_loss(N, (k - 1) * U, U, params)
    repeated = before - data_constrained_loss(N, k * U, U, params)
    fresh_before = data_constrained_loss(N, (k - 1) * U, (k - 1) * U, params)
    fresh = fresh_before - data_constrained_loss(N, k * U, k * U, params)
    return EpochGains(k, repeated, fresh, repeated / fresh)


# --- Loss against compute when unique data is capped ----------------------------------------------

@dataclass(frozen=True)
class CappedFrontier:
    """Compute-optimal loss when at most ``unique_cap`` unique tokens exist.

    Attributes
    ----------
    compute : ndarray
        Training compute (FLOP), C = 6 N D.
    loss : ndarray
        Lowest loss over model sizes at each compute (nats/token).
    N, D : ndarray
        The optimal parameters and trained tokens.
    local_exponent : ndarray
        -d ln(L - E) / d ln C: the scaling exponent of the reducible loss at each compute.
    unique_cap : float
        The cap (tokens); inf for unlimited data.
    """

    compute: np.ndarray
    loss: np.ndarray
    N: np.ndarray
    D: np.ndarray
    local_exponent: np.ndarray
    unique_cap: float


def capped_frontier(unique_cap: float, compute=None, params: DataConstrainedParams = MUENNIGHOFF,
                    n_sizes: int = 600) -> CappedFrontier:
    """For each compute C, minimise the data-constrained loss over N with D = C / (6N) and
    U = min(D, unique_cap).

    Parameters
    ----------
    unique_cap : float
        Unique tokens available (positive; ``numpy.inf`` for unlimited data).
    compute : array_like, optional
        Compute grid (FLOP); default 1e20 to 1e32 in 0.1-decade steps.
    n_sizes : int
        Model sizes tried per compute (log-spaced).
    """
    cap = float(np.inf) if unique_cap == np.inf else float(require_positive("unique_cap", unique_cap))
    C = 10.0 ** np.arange(20, 32.001, 0.1) if compute is None else require_vector("compute", compute, require_positive)
    n = require_int("n_sizes", n_sizes, minimum=50, maximum=100_000)
    params = _law(params)
    # Sizes from 1e-4 to 1e2 times the unconstrained optimum sqrt(C/(6*20)) (a generous bracket).
    frac = np.geomspace(1e-4, 1e2, n)
    N = np.sqrt(C / 120.0)[:, None] * frac[None, :]
    D = C[:, None] / (6.0 * N)
    U = np.minimum(D, cap)
    L = data_constrained_loss(N, D, U, params)
    j = np.argmin(L, axis=1)
    rows = np.arange(len(C))
    best_L, best_N, best_D = L[rows, j], N[rows, j], D[rows, j]
    exponent = -np.gradient(np.log(best_L - params.E), np.log(C))
    return CappedFrontier(C, best_L, best_N, best_D, exponent, cap)


def compute_at_exponent_fraction(unique_cap: float, fraction: float = 0.5,
                                 params: DataConstrainedParams = MUENNIGHOFF) -> float:
    """Smallest compute (FLOP) at which the capped frontier's local exponent falls below ``fraction``
    of the unlimited-data exponent at the same compute (log-linear interpolation between the points of
    the 0.1-decade grid); inf if not within the grid (to 1e32 FLOP)."""
    frac = float(require_in_range("fraction", fraction, 0.0, 1.0, inclusive=False))
    capped = capped_frontier(unique_cap, params=params)
    free = capped_frontier(np.inf, compute=capped.compute, params=params)
    ratio = capped.local_exponent / free.local_exponent
    below = ratio < frac
    if not below.any():
        return float("inf")
    j = int(np.argmax(below))
    if j == 0:
        return float(capped.compute[0])
    x0, x1 = np.log10(capped.compute[j - 1]), np.log10(capped.compute[j])
    r0, r1 = ratio[j - 1], ratio[j]
    return float(10 ** (x0 + (frac - r0) * (x1 - x0) / (r1 - r0)))


@dataclass(frozen=True)
class HalvingRange:
    """Compute at which the capped law's exponent halves, across the R_D* the 182 runs cannot tell apart.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per R_D* of the profile: ``R_D_star``, ``R_N_star`` (re-optimised), ``excess`` (objective
        above the profile's minimum, a fraction), ``plausible`` (excess within ``tolerance``),
        ``c_half`` (FLOP, with R_N* re-optimised) and ``c_half_fixed_RN`` (FLOP, R_N* at the published value).
    low, high : float
        Smallest and largest ``c_half`` over the plausible rows (FLOP).
    low_fixed_RN, high_fixed_RN : float
        The same with R_N* held at the published value (the issue's reading).
    plausible_R_D : tuple of float
        Smallest and largest plausible R_D*.
    full_refit : float
        ``c_half`` with all seven constants refitted (FLOP).
    published : float
        ``c_half`` with the published constants (FLOP).
    unique_cap : float
    tolerance : float
    """

    table: pd.DataFrame
    low: float
    high: float
    low_fixed_RN: float
    high_fixed_RN: float
    plausible_R_D: tuple[float, float]
    full_refit: float
    published: float
    unique_cap: float
    tolerance: float


#: Rows of the refit profile whose objective is within this fraction of its minimum are "plausible":
#: the objective is a Huber sum over 182 runs, and a difference of half a per cent is far below what
#: resampling the runs moves it by (the flat profile is the point: the data cannot choose among them).
PLAUSIBLE_EXCESS = 0.005


@checked_cache(maxsize=4)
def halving_compute_range(unique_cap: float, tolerance: float = PLAUSIBLE_EXCESS,
                          R_D_grid: tuple[float, ...] = tuple(np.geomspace(3, 300, 13)),
                          base: DataConstrainedParams = MUENNIGHOFF) -> HalvingRange:
    """The halving compute of :func:`compute_at_exponent_fraction` over every plausible R_D*.

    About two seconds: one profile point and two capped frontiers per R_D* on the grid.
    """
    cap = float(require_positive("unique_cap", unique_cap))
    tol = float(require_in_range("tolerance", tolerance, 0.0, 1.0, inclusive=False))
    prof = refit_profile(require_vector("R_D_grid", R_D_grid, require_positive), _law(base, "base"))
    prof["excess"] = prof["objective"] / prof["objective"].min() - 1
    prof["plausible"] = prof["excess"] <= tol
    prof["c_half"] = [compute_at_exponent_fraction(cap, 0.5, replace(base, R_D_star=rd, R_N_star=rn))
                      for rd, rn in zip(prof["R_D_star"], prof["R_N_star"])]
    prof["c_half_fixed_RN"] = [compute_at_exponent_fraction(cap, 0.5, replace(base, R_D_star=rd))
                               for rd in prof["R_D_star"]]
    ok = prof[prof["plausible"]]
    full, _ = refit_all_constants(base)
    return HalvingRange(prof, float(ok["c_half"].min()), float(ok["c_half"].max()),
                        float(ok["c_half_fixed_RN"].min()), float(ok["c_half_fixed_RN"].max()),
                        (float(ok["R_D_star"].min()), float(ok["R_D_star"].max())),
                        compute_at_exponent_fraction(cap, 0.5, full), compute_at_exponent_fraction(cap, 0.5, base),
                        cap, tol)


# --- Equal gains, growing data --------------------------------------------------------------------

def data_multiples_for_equal_steps(step: float, n_steps: int, D0: float = 1e12,
                                   params: DataConstrainedParams = MUENNIGHOFF) -> np.ndarray:
    """Data multiples that buy successive equal loss reductions ``step`` (nats/token), starting at D0
    tokens, with fresh data and a compute-optimal model (N = optimal size for D).

    Returns an array of ``n_steps`` multiples; ``inf`` once the loss would go below the floor E.
    """
    step = require_positive_number("step", step)
    n = require_int("n_steps", n_steps, minimum=1, maximum=10_000)
    D0 = require_positive_number("D0", D0)
    params = _law(params)

    def loss(D):
        return float(data_constrained_loss(optimal_params_for_tokens(D, params), D, D, params))

    out, D, target = [], D0, loss(D0)
    for _ in range(n):
        target -= step
        if target <= params.E + 1e-9:
            out.append(np.inf)
            continue
        # loss(D) decreases in D; find log D where it equals the target (bracket up to 1e60 tokens).
        hi = np.log(1e60)
        if loss(np.exp(hi)) > target:
            out.append(np.inf)
            continue
        log_new = optimize.brentq(lambda x: loss(np.exp(x)) - target, np.log(D), hi, xtol=1e-10)
        out.append(np.exp(log_new) / D)
        D = float(np.exp(log_new))
    return np.array(out)


# --- What the 182 runs show directly (no law) ------------------------------------------------------

@dataclass(frozen=True)
class RepetitionEvidence:
    """Direct comparisons among Muennighoff et al.'s runs, with no fitted law.

    Attributes
    ----------
    n_matched_pairs : int
        Pairs of runs with the same N and D (parameters, tokens) but different unique tokens U.
    share_more_repeated_worse : float
        Share of those pairs in which the run with fewer unique tokens (more epochs) has the higher loss.
    median_loss_penalty : float
        Median relative loss increase of the more repeated run of a pair (a fraction).
    n_steps : int
        Steps between runs with the same N and U and increasing D (more epochs of the same data).
    n_steps_loss_rose : int
        Steps in which training on more (repeated) tokens raised the final loss.
    fewest_epochs_loss_rose : float
        Smallest epoch count D/U reached by a step that raised the loss.
    """

    n_matched_pairs: int
    share_more_repeated_worse: float
    median_loss_penalty: float
    n_steps: int
    n_steps_loss_rose: int
    fewest_epochs_loss_rose: float


@lru_cache(maxsize=1)
def repetition_evidence() -> RepetitionEvidence:
    """Compare runs that differ only in how often their data repeats (same N, D) and runs that add
    more epochs of the same data (same N, U)."""
    runs = load_datablations_runs()
    penalties, worse = [], []
    for _, f in runs.groupby(["N", "D"]):
        f = f.sort_values("U")
        for a, b in zip(f.itertuples(), list(f.itertuples())[1:]):
            if a.U < b.U:
                worse.append(a.loss > b.loss)
                penalties.append(a.loss / b.loss - 1)
    steps, rose_epochs = 0, []
    for _, f in runs.groupby(["N", "U"]):
        f = f.sort_values("D")
        for a, b in zip(f.itertuples(), list(f.itertuples())[1:]):
            steps += 1
            if b.loss > a.loss:
                rose_epochs.append(b.epochs)
    return RepetitionEvidence(len(worse), float(np.mean(worse)), float(np.median(penalties)), steps,
                              len(rose_epochs), float(min(rose_epochs)) if rose_epochs else float("inf"))


@dataclass(frozen=True)
class FreshDataFrontier:
    """The best loss reached with at most D fresh (single-epoch) tokens, and its slope per decade of D.

    Attributes
    ----------
    tokens, loss : ndarray
        The lower envelope of the single-epoch runs (tokens; nats/token).
    split_tokens : float
        The median log10 tokens that splits the envelope into a lower and an upper half.
    drop_per_decade_low, drop_per_decade_high : float
        Loss removed per tenfold more data (nats/token, positive) in each half (least squares).
    """

    tokens: np.ndarray
    loss: np.ndarray
    split_tokens: float
    drop_per_decade_low: float
    drop_per_decade_high: float

    @property
    def slope_ratio(self) -> float:
        """Loss removed per decade in the upper half over the lower half (< 1: each decade buys less)."""
        return self.drop_per_decade_high / self.drop_per_decade_low


@lru_cache(maxsize=1)
def fresh_data_frontier() -> FreshDataFrontier:
    """Lower envelope of the loss of the single-epoch runs (D = U) against tokens, and how much loss each
    tenfold increase of data removes in its lower and upper half."""
    runs = load_datablations_runs()
    one = runs[runs["epochs"] <= 1.0 + 1e-9]
    env = one.groupby("D")["loss"].min().sort_index().cummin()
    x, y = np.log10(env.index.to_numpy(dtype=float)), env.to_numpy(dtype=float)
    split = float(np.median(x))
    low, high = x <= split, x > split
    d_low = -float(np.polyfit(x[low], y[low], 1)[0])
    d_high = -float(np.polyfit(x[high], y[high], 1)[0])
    return FreshDataFrontier(10.0**x, y, float(10**split), d_low, d_high)
