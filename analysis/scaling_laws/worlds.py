"""Counterfactual worlds of the Scaling laws chapter: transforms of the real data files its claims read (the
Chinchilla runs, the Epoch AI snapshot, METR's time horizons, Ruan et al.'s benchmark scores, the Gemstones
runs). Each builder returns a function of the real table that returns the world's table, for
:func:`analysis.house.data.world`; the whole pipeline then runs again on it.

The Chinchilla-run worlds change each run's loss by a function of its compute (so the runs keep their spread in
size and data): a wall, a higher floor, returns that grow, or a frontier of another shape with each run keeping
its own distance from the real frontier law.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis.house import fitting
from analysis.house.data import decimal_years
from analysis.house.validation import require_finite, require_positive
from analysis.scaling_laws.returns import FRONTIER_SINCE, FRONTIER_TOP_RANK, GPT_GENERATIONS, compute_frontier

RUNS = "chinchilla_fig4_N_D_loss.csv"
EPOCH = "epoch_ai_models_snapshot_2025-06.csv"
METR = "metr_time_horizons_1_1_2026-03.csv"
GEMSTONES = "gemstones2025_dolma_val_loss.csv"
RUAN = "ruan2024_obsscaling_base_llm_benchmark_eval.csv"

Transform = Callable[[pd.DataFrame], pd.DataFrame]


# --- The Chinchilla runs ----------------------------------------------------------------------------------

def _kept(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["included_in_besiroglu2024_fit"] == 1]


def wall(cut: float = 5e20) -> Transform:
    """No run above ``cut`` FLOP beats the best run at or below it: the best loss stops falling at ``cut``."""
    cut = float(require_positive("cut", cut))

    def transform(frame):
        k = _kept(frame)
        best = float(k.loc[k["C_flop"] <= cut, "loss"].min())
        above = frame["C_flop"].to_numpy(float) > cut
        return frame.assign(loss=np.where(above, np.maximum(frame["loss"].to_numpy(float), best), frame["loss"]))
    return transform


def shift(delta: float) -> Transform:
    """Every run ``delta`` nats/token worse: a higher floor, so each decade removes a smaller share."""
    delta = float(require_finite("delta", delta))
    return lambda frame: frame.assign(loss=frame["loss"] + delta)


def accelerating(extra: float = 0.5, start: float = 1e20) -> Transform:
    """Above ``start`` FLOP every decade of compute removes ``extra`` nats/token more: returns that grow."""
    extra = float(require_finite("extra", extra))
    start = float(require_positive("start", start))

    def transform(frame):
        x = np.maximum(np.log10(frame["C_flop"].to_numpy(float) / start), 0.0)
        return frame.assign(loss=frame["loss"].to_numpy(float) - extra * x)
    return transform


def jump(cut: float = 5e20, factor: float = 1.1) -> Transform:
    """Every run above ``cut`` FLOP has a loss ``factor`` times its own: a break no law fitted below sees."""
    cut = float(require_positive("cut", cut))
    factor = float(require_positive("factor", factor))

    def transform(frame):
        above = frame["C_flop"].to_numpy(float) > cut
        return frame.assign(loss=np.where(above, frame["loss"].to_numpy(float) * factor, frame["loss"]))
    return transform


def reshaped(shape: str, share: float = 1.0) -> Transform:
    """Every run keeps its distance from the real frontier law (power law with a floor), and the frontier
    becomes ``shape``: ``"log"`` (the log law fitted to the real frontier: the same amount per decade),
    ``"linear"`` (loss falling in proportion to compute, between the real frontier's ends) or ``"smooth"``
    (the real law, each run's distance from it multiplied by ``share``)."""
    if shape not in ("log", "linear", "smooth"):
        raise ValueError(f"shape must be 'log', 'linear' or 'smooth'; got {shape!r}")
    share = float(require_finite("share", share))

    def transform(frame):
        k = _kept(frame)
        fr = compute_frontier(k["C_flop"].to_numpy(float), k["loss"].to_numpy(float))
        law = fitting.fit_curve("power+floor", fr["C_flop"], fr["loss"])
        C = frame["C_flop"].to_numpy(float)
        excess = frame["loss"].to_numpy(float) - law.predict(C)
        if shape == "log":
            new = fitting.fit_curve("log", fr["C_flop"], fr["loss"]).predict(C) + excess
        elif shape == "linear":
            c0, c1 = float(fr["C_flop"].min()), float(C.max())
            l0, l1 = (float(v) for v in law.predict(np.array([c0, c1])))
            new = l0 - (l0 - l1) * (C - c0) / (c1 - c0) + excess
        else:
            new = law.predict(C) + share * excess
        return frame.assign(loss=new)
    return transform


# --- The Epoch AI snapshot: GPT generations and frontier growth ---------------------------------------------

def generations(*, compute_steps: tuple[float | None, float | None] | None = None,
                params: tuple[float, float] | None = None) -> Transform:
    """The GPT rows of the snapshot changed: GPT-3's training compute ``compute_steps[0]`` times GPT-2's and
    GPT-4's ``compute_steps[1]`` times GPT-3's (``None`` keeps a step as it is); GPT-2's and GPT-3's parameters
    set to ``params``."""
    if compute_steps is not None:
        compute_steps = tuple(None if v is None else float(require_positive("compute_steps", v))
                              for v in compute_steps)
    if params is not None:
        params = tuple(float(v) for v in require_positive("params", params))

    def transform(frame):
        out = frame.copy()
        row = {g: out.index[out["Model"] == name][0] for g, name in GPT_GENERATIONS.items()}
        if compute_steps is not None:
            col = "Training compute (FLOP)"
            if compute_steps[0] is not None:
                out.loc[row["GPT-3"], col] = out.loc[row["GPT-2"], col] * compute_steps[0]
            if compute_steps[1] is not None:
                out.loc[row["GPT-4"], col] = out.loc[row["GPT-3"], col] * compute_steps[1]
        if params is not None:
            out.loc[row["GPT-2"], "Parameters"] = params[0]
            out.loc[row["GPT-3"], "Parameters"] = params[1]
        return out
    return transform


def frontier_growth(multiplier: float) -> Transform:
    """The frontier models' training compute (top ranks since 2018) re-dated to grow ``multiplier`` times a year:
    each keeps its distance from the real trend, and the trend's slope becomes ``log10(multiplier)``."""
    multiplier = float(require_positive("multiplier", multiplier))

    def transform(frame):
        out = frame.copy()
        c = out["Training compute (FLOP)"]
        since = pd.Timestamp(FRONTIER_SINCE)
        dates = pd.to_datetime(out["Publication date"], errors="coerce")
        keep = (out["Compute rank when published"] <= FRONTIER_TOP_RANK * 2) & c.notna() & (dates >= since)
        t = decimal_years(dates[keep])
        y = np.log10(c[keep].to_numpy(float))
        slope = np.polyfit(t, y, 1)[0]
        t0 = float(t.mean())
        out.loc[keep, "Training compute (FLOP)"] = 10 ** (y + (np.log10(multiplier) - slope) * (t - t0))
        return out
    return transform


# --- METR time horizons ----------------------------------------------------------------------------------

_METR_KEYS = ("gpt2", "davinci_002", "gpt_4")


def horizons(steps: tuple[float, float]) -> Transform:
    """GPT-3's (davinci-002) 50 % time horizon ``steps[0]`` times GPT-2's and GPT-4's ``steps[1]`` times
    GPT-3's, each interval moved with its estimate."""
    steps = tuple(float(v) for v in require_positive("steps", steps))

    def transform(frame):
        out = frame.copy()
        idx = [out.index[out["metr_key"] == k][0] for k in _METR_KEYS]
        cols = ["p50_minutes", "p50_ci_low_minutes", "p50_ci_high_minutes"]
        for prev, cur, s in ((idx[0], idx[1], steps[0]), (idx[1], idx[2], steps[1])):
            factor = out.loc[prev, "p50_minutes"] * s / out.loc[cur, "p50_minutes"]
            out.loc[cur, cols] = out.loc[cur, cols].to_numpy(float) * factor
        return out
    return transform


# --- Gemstones: shape against scale ------------------------------------------------------------------------

def shape_effect(factor: float) -> Transform:
    """Each finished Gemstones run's distance (in log loss) from the power law in size of its token group
    multiplied by ``factor``: shape matters ``factor`` times as much."""
    factor = float(require_finite("factor", factor))

    def transform(frame):
        out = frame.copy()
        loss = np.log(out["val_loss"].to_numpy(float))
        done = (out["schedule_state"] == "cooldown_end").to_numpy()
        for _, idx in out[done].groupby("cooldown_start_tokens").indices.items():
            rows = np.flatnonzero(done)[idx]
            x = np.log(out["params"].to_numpy(float)[rows])
            slope, intercept = np.polyfit(x, loss[rows], 1)
            fit = intercept + slope * x
            loss[rows] = fit + factor * (loss[rows] - fit)
        return out.assign(val_loss=np.exp(loss))
    return transform


# --- Ruan et al.'s benchmark scores ----------------------------------------------------------------------

BENCHMARK_COLUMNS = ("MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "GSM8K")


def benchmark_families(mode: str) -> Transform:
    """Ruan et al.'s base models with each family's scores ``"on_line"`` (every model's six benchmark scores
    moved onto its family's straight line in log compute: perfectly predictable) or with the family's largest
    model ``"falling_back"`` to its smallest sibling's scores (the largest run of every family stops paying)."""
    if mode not in ("on_line", "falling_back"):
        raise ValueError(f"mode must be 'on_line' or 'falling_back'; got {mode!r}")

    def transform(frame):
        out = frame.copy()
        flop = out["FLOPs (1E21)"].to_numpy(float)
        for _, idx in out.groupby("Model Family").indices.items():
            idx = idx[np.isfinite(flop[idx])]
            if len(idx) < 2 or np.ptp(flop[idx]) == 0:
                continue
            x = np.log10(flop[idx])
            for col in BENCHMARK_COLUMNS:
                y = out[col].to_numpy(float)[idx]
                ok = np.isfinite(y)
                if ok.sum() < 2:
                    continue
                if mode == "on_line":
                    c = np.polyfit(x[ok], y[ok], 1)
                    new = np.clip(np.polyval(c, x), 0.0, 1.0)
                    out.loc[out.index[idx[ok]], col] = new[ok]
                else:
                    order = np.argsort(x, kind="stable")
                    out.loc[out.index[idx[order[-1]]], col] = y[order[0]]
        return out
    return transform
