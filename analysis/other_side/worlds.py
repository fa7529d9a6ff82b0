"""Counterfactual worlds for the claims of "The other side": each function takes a copy of a real data table
(as its loader reads it) and returns the table of a world where an article's sentence is plainly true or
plainly false (see :class:`analysis.ledger.core.World`). The models and their sizes stay real; only their
scores on the emergent tasks move.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy import special

from analysis.house.data import load_csv
from analysis.other_side import obsscaling

EMERGENT_FILE = obsscaling.EMERGENT_EVAL.filename

Transform = Callable[[pd.DataFrame], pd.DataFrame]


def _sizes(models: pd.Series) -> np.ndarray:
    base = load_csv(obsscaling.BASE_EVAL)
    params = base.set_index("Model")["Model Size (B)"] * 1e9
    return models.map(params).to_numpy(float)


def sudden_jump(at_params: float, *, below: float = 0.02, above: float = 0.9) -> Transform:
    """Every emergent task: models smaller than ``at_params`` score ``below``, models of that size or more
    score ``above`` (a switch at one size, which nothing in the smaller models foreshadows)."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        p = _sizes(out["Model"])
        for task in obsscaling.EMERGENT_TASKS:
            has = out[task].notna().to_numpy() & np.isfinite(p)
            out.loc[has & (p < at_params), task] = below
            out.loc[has & (p >= at_params), task] = above
        return out

    return transform


def follows_capability(*, centre: float = 0.5, per_unit: float = 0.25) -> Transform:
    """Every emergent task: accuracy set to ``centre + per_unit x PC1`` of the model's benchmark scores (Ruan et
    al.'s capability measure, clipped to [0.01, 0.99]): a steady climb that the smaller models' capability
    foretells."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        pc1 = obsscaling.capability().table.set_index("Model")["pc1"]
        level = out["Model"].map(pc1).to_numpy(float)
        acc = np.clip(centre + per_unit * level, 0.01, 0.99)
        for task in obsscaling.EMERGENT_TASKS:
            has = out[task].notna().to_numpy() & np.isfinite(level)
            out.loc[has, task] = acc[has]
        return out

    return transform


def sharp_but_foreseen(*, steepness: float = 3.0, centre: float = 3.0) -> Transform:
    """Every emergent task: accuracy a steep sigmoid of the model's capability (PC1): the smaller models sit on
    the rising part, so the climb is visible before the larger models arrive."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        pc1 = obsscaling.capability().table.set_index("Model")["pc1"]
        level = out["Model"].map(pc1).to_numpy(float)
        acc = special.expit(steepness * (level - centre))
        for task in obsscaling.EMERGENT_TASKS:
            has = out[task].notna().to_numpy() & np.isfinite(level)
            out.loc[has, task] = acc[has]
        return out

    return transform


def sharp_in_compute(*, steepness_per_decade: float = 3.0, centre_log10_flop: float = 23.5) -> Transform:
    """Every emergent task: accuracy a steep sigmoid of the model's training compute (``steepness_per_decade``
    per decade of FLOP, half-way at ``10**centre_log10_flop``): a sharp rise between about 10B and about 100B
    parameters whose start the smaller models already show, so that compute alone, known before training,
    foretells it."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        base = load_csv(obsscaling.BASE_EVAL)
        flop = out["Model"].map(base.set_index("Model")["FLOPs (1E21)"] * 1e21).to_numpy(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            acc = special.expit(steepness_per_decade * (np.log10(flop) - centre_log10_flop))
        for task in obsscaling.EMERGENT_TASKS:
            has = out[task].notna().to_numpy() & np.isfinite(acc)
            out.loc[has, task] = acc[has]
        return out

    return transform


#: The progress chapter's long table of benchmark scores (read by EM-2 through its loader).
BENCHMARK_FILE = "epoch_benchmark_scores_long_2026-04.csv"


def top_band_speed(power: float, *, top_error: float = 0.15) -> Transform:
    """Every score whose error is at most ``top_error`` gets the error ``top_error x (error / top_error)**power``
    (scores in percent left alone): the same models near the top, but each halving of the error there takes
    ``1 / power`` times the compute it took (``power`` < 1: dearer near the ceiling; > 1: cheaper)."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        s = frame["score"].to_numpy(float).copy()
        err = 1.0 - s
        near = np.isfinite(err) & (err >= 0) & (err <= top_error)
        s[near] = 1.0 - top_error * (err[near] / top_error) ** power
        return frame.assign(score=s)

    return transform

