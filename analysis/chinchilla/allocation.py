"""Chapter "Chinchilla": what the compute-optimal split means for published models. Gopher against
Chinchilla, Kaplan's allocation against Hoffmann's, over-training for inference, and the gain per decade
of parameters along the frontier.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.scaling_laws.returns import MAX_DECADES
from analysis.house.validation import (require_finite, require_instance, require_int, require_positive,
                                       require_positive_number, require_vector)
from analysis.chinchilla.law import (CHINCHILLA, GOPHER, INFER_FLOP_PER_PARAM_TOKEN, Model, ParametricFit,
                                     RULE_OF_THUMB_BUDGETS, RULE_OF_THUMB_FACTOR,
                                     RULE_OF_THUMB_TOKENS_PER_PARAM, TRAIN_FLOP_PER_PARAM_TOKEN, _constants,
                                     chinchilla_loss, compute_for_optimal_size, compute_optimal_allocation,
                                     compute_to_reach, frontier_loss, kaplan_allocation, tokens_per_param)


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
    C = require_vector("C_flop", C_flop, require_positive).astype(float)
    factor = require_positive_number("factor", factor)
    if factor <= 1:
        raise ValueError(f"factor must exceed 1; got {factor}")
    if not isinstance(fits, (dict, list, tuple)) or not fits:
        raise ValueError(f"fits must be a non-empty dict of label -> fit or a sequence of fits; got {fits!r:.60}")
    items = list(fits.values() if isinstance(fits, dict) else fits)
    for f in items:
        _constants(f, "fits")
    rows = []
    for f in items:
        ratio = tokens_per_param(C, f)
        rows.append(pd.DataFrame({"fit": f.label, "C_flop": C, "tokens_per_param": ratio,
                                  "about_20": np.abs(np.log(ratio / RULE_OF_THUMB_TOKENS_PER_PARAM)) <= np.log(factor)}))
    return pd.concat(rows, ignore_index=True)


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
    _constants(fit)
    require_instance("big", big, Model)
    require_instance("balanced", balanced, Model)
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
    require_instance("model", model, Model)
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


def _decades(name: str, start, n) -> np.ndarray:
    """``start * 10**k`` for k = 0..n, checked: a positive start, 1 <= n <= :data:`MAX_DECADES`, finite ends."""
    k = np.arange(require_int("n", n, minimum=1, maximum=MAX_DECADES) + 1)
    x = require_positive_number(name, start) * 10.0 ** k
    if not np.isfinite(x[-1]):
        raise ValueError(f"{name} * 10**n overflows; got {name} = {start!r}, n = {n}")
    return x


def parameter_decades(fit, N_start: float = 1e9, n: int = 4) -> pd.DataFrame:
    """Seed 001's rows (1B->10B, 10B->100B, ...) read as compute-optimal models of ``N_start * 10**k`` parameters.

    Columns: ``N_from``, ``N_to``; ``C_from``, ``C_to`` (FLOP at which each size is compute-optimal) and
    ``compute_multiple``; ``loss_from``, ``loss_to``; ``gain_total`` (share of the total loss removed) and
    ``gain_reducible`` (share of the reducible loss ``L - E`` removed). ``fit`` may be a
    :class:`ParameterDraws` for bootstrap arrays (then use :func:`parameter_decade_arrays`).
    """
    N = _decades("N_start", N_start, n)
    C = compute_for_optimal_size(N, fit)
    L = frontier_loss(C, fit)
    E = float(fit.E)
    return pd.DataFrame({"N_from": N[:-1], "N_to": N[1:], "C_from": C[:-1], "C_to": C[1:],
                         "compute_multiple": C[1:] / C[:-1], "loss_from": L[:-1], "loss_to": L[1:],
                         "gain_total": 1 - L[1:] / L[:-1], "gain_reducible": 1 - (L[1:] - E) / (L[:-1] - E)})


def parameter_decade_gains(fit, N_start: float = 1e9, n: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Total and reducible relative gains per parameter decade, vectorised over bootstrap draws.

    Returns two arrays of shape ``(n,)`` for a fit, or ``(n, draws)`` for :class:`ParameterDraws`."""
    N = _decades("N_start", N_start, n)
    E = np.asarray(_constants(fit)[0], dtype=float)
    L = np.array([frontier_loss(compute_for_optimal_size(x, fit), fit) for x in N])
    return 1 - L[1:] / L[:-1], 1 - (L[1:] - E) / (L[:-1] - E)


def compute_decade_gains(fit, C_start: float, n: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Total and reducible relative gains of the compute-optimal loss over ``n`` decades of compute from
    ``C_start``, vectorised over bootstrap draws like :func:`parameter_decade_gains`."""
    C = _decades("C_start", C_start, n)
    E = np.asarray(_constants(fit)[0], dtype=float)
    L = np.array([frontier_loss(c, fit) for c in C])
    return 1 - L[1:] / L[:-1], 1 - (L[1:] - E) / (L[:-1] - E)


def kaplan_path_draws(fit, C_low: float, C_high: float, *, anchor_flop: float | None = None):
    """Kaplan-rule waste at ``C_high`` and the local exponent of the reducible loss along Kaplan's path between
    ``C_low`` and ``C_high``, against the optimal path's ``gamma``; vectorised over bootstrap draws.

    Returns
    -------
    waste : ndarray
        ``C_high / C_opt``: compute Kaplan's split spends over what a compute-optimal model needs for its loss.
    exponent_gap : ndarray
        ``gamma`` minus the local exponent on Kaplan's path (positive: Kaplan's path flattens faster).
    """
    lo, hi = float(require_positive("C_low", C_low)), float(require_positive("C_high", C_high))
    if not hi > lo:
        raise ValueError(f"C_high must exceed C_low; got {C_low!r}, {C_high!r}")
    E, _, _, alpha, beta = (np.asarray(v, dtype=float) for v in _constants(fit))
    Lk = [chinchilla_loss(*kaplan_allocation(c, fit, anchor_flop), fit) for c in (lo, hi)]
    local = -(np.log(Lk[1] - E) - np.log(Lk[0] - E)) / np.log(hi / lo)
    gamma = alpha * beta / (alpha + beta)
    waste = hi / compute_to_reach(Lk[1], fit)
    return np.asarray(waste, dtype=float), np.asarray(gamma - local, dtype=float)
