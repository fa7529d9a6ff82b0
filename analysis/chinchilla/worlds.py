"""Counterfactual worlds of the Chinchilla chapter (and of the Scaling laws chapter's parametric rows): the real
Chinchilla runs with their losses moved onto another law, and the Gemstones runs with size made to matter more
or less. Each builder returns a transform for :func:`analysis.house.data.world`: a function of the real table
returning the world's table; the whole pipeline then runs again on it.

A run keeps its own deviation from the law fitted to the real runs: its world loss is the world law's
prediction times the ratio of its real loss to our fit's prediction. Refitting the world's runs therefore
recovers the world's law about as well as our fit describes the real runs.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis.chinchilla.law import (GOPHER, HOFFMANN_2022_UNROUNDED, KAPLAN_N_OPT_AT_ONE_PF_DAY,
                                     TRAIN_FLOP_PER_PARAM_TOKEN, ParametricFit, chinchilla_loss)
from analysis.chinchilla.refit import fit_parametric_loss
from analysis.house.validation import require_finite, require_in_range, require_positive
from analysis.scaling_laws.returns import KAPLAN, PF_DAY_FLOP

#: Data file names the worlds transform (``DatasetSpec.filename``).
RUNS = "chinchilla_fig4_N_D_loss.csv"
GEMSTONES = "gemstones2025_dolma_val_loss.csv"

_REAL_FIT: dict[tuple, ParametricFit] = {}


def _real_fit(frame: pd.DataFrame) -> ParametricFit:
    """Our fit to the real runs the transform receives (kept, since the real table never changes)."""
    key = (len(frame), float(frame["loss"].sum()), float(frame["N_params"].sum()))
    if key not in _REAL_FIT:
        kept = frame[frame["included_in_besiroglu2024_fit"] == 1]
        _REAL_FIT[key] = fit_parametric_loss(kept["N_params"], kept["D_tokens"], kept["loss"])
    return _REAL_FIT[key]


def law_as(make_law: Callable[[ParametricFit], ParametricFit]) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """A transform moving every run onto ``make_law(real_fit)``, each run keeping its ratio to our fit."""
    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        real = _real_fit(frame)
        world = make_law(real)
        N, D = frame["N_params"].to_numpy(float), frame["D_tokens"].to_numpy(float)
        return frame.assign(loss=frame["loss"].to_numpy(float) * chinchilla_loss(N, D, world)
                            / chinchilla_loss(N, D, real))
    return transform


def with_allocation(real: ParametricFit, a: float, G: float, label: str) -> ParametricFit:
    """``real`` with ``beta`` and ``B`` changed so that the compute-optimal size is ``N_opt = G (C/6)**a``
    (``E``, ``A`` and ``alpha`` kept)."""
    a = float(require_in_range("a", a, 0.0, 1.0, inclusive=False))
    G = float(require_positive("G", G))
    beta = a * real.alpha / (1 - a)
    B = real.alpha * real.A / (beta * G ** (real.alpha + beta))
    return ParametricFit(E=real.E, A=real.A, B=B, alpha=real.alpha, beta=beta, label=label)


def kaplan_optimum(real: ParametricFit) -> ParametricFit:
    """A law whose compute-optimal size is Kaplan et al.'s published rule ``1.3e9 (C / 1 PF-day)**0.73``."""
    a = KAPLAN.allocation_exponent
    G = KAPLAN_N_OPT_AT_ONE_PF_DAY * (TRAIN_FLOP_PER_PARAM_TOKEN / PF_DAY_FLOP) ** a
    return with_allocation(real, a, G, "Kaplan's optimum")


def gopher_optimum(real: ParametricFit) -> ParametricFit:
    """A law (allocation exponent one half) under which Gopher's own split is compute-optimal."""
    G = GOPHER.N / (GOPHER.C_flop / TRAIN_FLOP_PER_PARAM_TOKEN) ** 0.5
    return with_allocation(real, 0.5, G, "Gopher optimal")


def hoffmann(real: ParametricFit) -> ParametricFit:
    """Hoffmann et al.'s published law (unrounded constants)."""
    return HOFFMANN_2022_UNROUNDED


#: Seed 001's three rows, which :func:`table_law` reproduces.
_TABLE = (0.42, 0.28, 0.14)


def table_law(real: ParametricFit) -> ParametricFit:
    """A law under which seed 001's table holds: along the compute-optimal path the loss falls by 42 %, 28 %
    and about 14 % per tenfold parameters from 1B (a floor ``E`` and exponent solved from the first two rows),
    at 20 tokens per parameter, through our fit's compute-optimal loss at 1B parameters."""
    from analysis.chinchilla.law import compute_for_optimal_size, frontier_loss

    L1, L2 = 1 - _TABLE[0], (1 - _TABLE[0]) * (1 - _TABLE[1])
    e = (L2 - L1**2) / (1 + L2 - 2 * L1)          # floor as a share of the loss at 1B
    q = (L1 - e) / (1 - e)                          # reducible loss kept per decade of parameters
    alpha = -math.log10(q)
    loss_1b = float(frontier_loss(compute_for_optimal_size(1e9, real), real))
    A = (1 - e) * loss_1b / 2 * 1e9**alpha          # both terms equal at the optimum when alpha = beta
    return ParametricFit(E=e * loss_1b, A=A, B=A * 20.0**alpha, alpha=alpha, beta=alpha, label="seed 001's table")


def shift(delta: float) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """Every run's loss raised by ``delta`` nats/token (a higher floor)."""
    delta = float(require_finite("delta", delta))
    return lambda frame: frame.assign(loss=frame["loss"] + delta)


def log_compute_bend(curvature: float | None = None) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """Every run's loss changed by a function of its compute alone, so that the loss of the best split falls by
    the same amount every decade (``curvature=None``: the measured curvature of the IsoFLOP minima removed) or
    bends the other way (a negative ``curvature`` in nats/token per squared decade is added)."""
    from analysis.chinchilla.refit import isoflop_profiles

    if curvature is not None:
        curvature = float(require_finite("curvature", curvature))

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        kept = frame[frame["included_in_besiroglu2024_fit"] == 1]
        iso = isoflop_profiles(kept["N_params"], kept["D_tokens"], kept["loss"], kept["C_flop"])
        x0 = np.log10(iso.minima["budget"].to_numpy())
        c2 = float(np.polyfit(x0, iso.minima["loss_min"].to_numpy(), 2)[0])
        k = -c2 if curvature is None else float(curvature) - c2
        x = np.log10(frame["C_flop"].to_numpy(float)) - float(x0.mean())
        return frame.assign(loss=frame["loss"].to_numpy(float) + k * x**2)
    return transform


# --- Gemstones: does size matter at fixed data? ----------------------------------------------------------

def gemstones_size(mode: str, seed: int = 0) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """Gemstones runs where, among models that saw the same tokens, size decides the loss (``"sorted"``: the
    losses of each token group reassigned so the larger model always has the lower one) or does not
    (``"shuffled"``: the losses of each group shuffled among its models, seeded)."""
    if mode not in ("sorted", "shuffled"):
        raise ValueError(f"mode must be 'sorted' or 'shuffled'; got {mode!r}")
    rng = np.random.default_rng(seed)

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        loss = out["val_loss"].to_numpy(float).copy()
        keys = out["schedule_state"].astype(str) + "|" + out["cooldown_start_tokens"].astype(str) + "|" + \
            out["tokens"].astype(str)
        for _, idx in out.groupby(keys.to_numpy()).indices.items():
            vals = loss[idx]
            if mode == "shuffled":
                loss[idx] = rng.permutation(vals)
            else:
                order = np.argsort(-out["params"].to_numpy(float)[idx], kind="stable")
                loss[idx[order]] = np.sort(vals)
        return out.assign(val_loss=loss)
    return transform
