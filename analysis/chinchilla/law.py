"""Hoffmann et al.'s parametric law, its published constants and its closed forms (chapter "Chinchilla").

The law models the final loss of a model with ``N`` parameters trained on ``D`` tokens as
``L(N, D) = E + A / N**alpha + B / D**beta``. Training compute is ``C = 6 N D`` FLOP. Minimising ``L`` at fixed
``C`` gives the compute-optimal split of a budget between parameters and tokens (:func:`compute_optimal_allocation`).

Paper constants are kept here once, with their citation; the notebook never types them. Kaplan et al.'s
constants come from :data:`analysis.scaling_laws.returns.KAPLAN`. The refit to the real runs is in
:mod:`analysis.chinchilla.refit`, what the allocation means for published models in
:mod:`analysis.chinchilla.allocation`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from analysis.house import fitting
from analysis.scaling_laws.returns import KAPLAN, PF_DAY_FLOP
from analysis.house.validation import require_positive


#: Threshold of the Huber loss on log-loss residuals used by Hoffmann et al. (2022) and Besiroglu et al. (2024).
HUBER_DELTA = fitting.HUBER_DELTA


#: FLOP per parameter per training token (forward and backward pass), the usual C = 6 N D approximation.
TRAIN_FLOP_PER_PARAM_TOKEN = 6.0


#: FLOP per parameter per generated (served) token, forward pass only.
INFER_FLOP_PER_PARAM_TOKEN = 2.0


#: Tokens per parameter of the popular "Chinchilla rule of thumb".
RULE_OF_THUMB_TOKENS_PER_PARAM = 20.0


#: Our reading of "about 20": within this factor of 20, i.e. 13.3 to 30 tokens per parameter.
RULE_OF_THUMB_FACTOR = 1.5


#: Budgets (FLOP) at which the rule is checked: from the largest runs (about 1e21) to frontier scale (1e25).
RULE_OF_THUMB_BUDGETS = (1e21, 1e22, 1e23, 1e24, 1e25)


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


#: The five largest dense models before Chinchilla, as Hoffmann et al. (2022) list them in their Table 1 ("Current
#: LLMs"): name -> (parameters, training tokens); bibtex ``hoffmann2022training``. Checked against a stored text
#: copy of arXiv:2203.15556 (code index, file id 52847462851), whose Table 1 gives these ten numbers.
TABLE1_MODELS = {"LaMDA": (137e9, 168e9), "GPT-3": (175e9, 300e9), "Jurassic": (178e9, 300e9),
                 "Gopher": (280e9, 300e9), "MT-NLG 530B": (530e9, 270e9)}


#: Llama 3 8B: 8B parameters, about 15T pre-training tokens (Dubey et al. 2024, bibtex ``dubey2024llama3``).
LLAMA3_8B = Model("Llama 3 8B", 8e9, 15e12, "dubey2024llama3")


def _constants(fit, name: str = "fit"):
    """E, A, B, alpha, beta of ``fit`` as float arrays, each checked positive (arrays allow bootstrap draws);
    ``name`` is the caller's name for ``fit`` in messages."""
    keys = ("E", "A", "B", "alpha", "beta")
    if not all(hasattr(fit, k) for k in keys):
        raise ValueError(f"{name} must be a fit with E, A, B, alpha and beta (a ParametricFit); "
                         f"got {type(fit).__name__} {fit!r:.60}")
    return tuple(require_positive(f"{name}.{k}", getattr(fit, k)) for k in keys)


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
    E, A, B, alpha, beta = _constants(params, "params")
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


def compute_for_optimal_size(N, fit) -> np.ndarray:
    """Training compute (FLOP) at which ``N`` parameters is the compute-optimal size: the inverse of
    ``N_opt = G (C/6)**a``, i.e. ``C = 6 (N / G)**(1/a)``."""
    N = require_positive("N", N)
    E, A, B, alpha, beta = _constants(fit)
    G = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta))
    a = beta / (alpha + beta)
    return TRAIN_FLOP_PER_PARAM_TOKEN * (N / G) ** (1.0 / a)
