"""Benchmarks near their ceiling (chapter "Is progress slowing?"): how many widely used benchmarks are close to
a perfect score, and what a step near the top costs in ECI points. Re-exported by
:mod:`analysis.progress.frontier`."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from analysis.house.data import load_csv
from analysis.house.validation import checked_cache, require_choice, require_in_range, require_int, require_sequence


def _frontier():
    # imported when called: frontier re-exports this module's functions, so a module-level import would be circular
    from analysis.progress import frontier
    return frontier


@checked_cache(maxsize=8)
def ceiling_share(threshold: float = 0.9, min_models: int = 30) -> tuple[float, int, int]:
    """Share of the widely used fraction-scored benchmarks whose best score is at least ``threshold``.

    "Widely used": at least ``min_models`` scored model versions in the long table. Returns the share,
    the number near the ceiling and the number of benchmarks.
    """
    t = float(require_in_range("threshold", threshold, 0.0, 1.0, inclusive=False))
    m = require_int("min_models", min_models, minimum=2)
    frame = _frontier()._scores().dropna(subset=["score"])
    frame = frame[~frame["benchmark_file"].isin(_frontier().NON_FRACTION_FILES)]
    g = frame.groupby("benchmark_file").agg(n=("score", "size"), best=("score", "max"))
    g = g[g["n"] >= m]
    if g.empty:
        raise ValueError(f"min_models = {m} leaves no benchmark (none has that many scored versions)")
    near = int((g["best"] >= t).sum())
    return near / len(g), near, int(len(g))


def ceiling_table(min_models: int = 30) -> pd.DataFrame:
    """Best score and number of scored versions per widely used fraction-scored benchmark."""
    min_models = require_int("min_models", min_models, minimum=1)
    frame = _frontier()._scores().dropna(subset=["score"])
    frame = frame[~frame["benchmark_file"].isin(_frontier().NON_FRACTION_FILES)]
    g = frame.groupby("benchmark_file").agg(n=("score", "size"), best=("score", "max")).reset_index()
    return g[g["n"] >= min_models].sort_values("best", ascending=False).reset_index(drop=True)


def steps_in_eci(acc_from: float, acc_to: float, benchmark: str = "MMLU") -> float:
    """ECI points a model must gain to raise its expected score on ``benchmark`` from ``acc_from`` to
    ``acc_to``, under Epoch's model score = sigmoid(slope x (ECI - difficulty)) and its fitted slope."""
    d = load_csv(_frontier().ECI_DIFFICULTIES)
    rows = d[d["benchmark_name"] == benchmark]
    if rows.empty:
        raise ValueError(f"benchmark must be one of {sorted(d['benchmark_name'])}; got {benchmark!r}")
    a0 = float(require_in_range("acc_from", acc_from, 0.0, 1.0, inclusive=False))
    a1 = float(require_in_range("acc_to", acc_to, 0.0, 1.0, inclusive=False))
    if not a1 > a0:
        raise ValueError(f"acc_to must exceed acc_from; got {acc_from} -> {acc_to}")
    return float((special.logit(a1) - special.logit(a0)) / rows["estimated_slope_scaled"].iloc[0])


#: Gema et al. (2025), "Are We Done with MMLU?": "We estimate that 6.49% of MMLU questions contain errors"
#: (abstract, arxiv.org/html/2406.04127v3, checked in the stored copy). A model that answers every sound question
#: right and the flawed ones at chance or worse scores about 1 - 0.0649: MMLU's noise ceiling.
MMLU_ERROR_SHARE = 0.0649
#: Noise ceilings of benchmarks with a published label-error estimate (fraction correct).
NOISE_CEILINGS = {"MMLU": 1 - MMLU_ERROR_SHARE}
SCALES = ("points", "logit", "logit below ceiling")


@checked_cache(maxsize=32)
def grid_saturation(benchmark: str = "MATH level 5", break_date: str = "2024-07-01", start: str = "2023-03-14",
                    scale: str = "points") -> tuple[float, float, float]:
    """A benchmark's frontier slope before and after ``break_date`` on the monthly grid of its running maximum,
    in percentage points, in log-odds, or in log-odds of the score relative to its noise ceiling
    (``logit(score / ceiling)``, the ceiling from :data:`NOISE_CEILINGS`, 1 for a benchmark without one).

    Returns ``(before, after, ratio, whole)``: slopes per year before and after, their ratio (finite), and the
    slope of one line through the whole window.
    """
    f = _frontier()
    scale = require_choice("scale", scale, SCALES)
    b = float(f.decimal_years([break_date], name="break_date")[0])
    frame, _, _ = f._series(benchmark, "all", "points")
    score = frame["score"].to_numpy(float)
    if scale == "points":
        values = 100 * score
    else:
        ceiling = NOISE_CEILINGS.get(benchmark, 1.0) if scale == "logit below ceiling" else 1.0
        values = special.logit(np.clip(score / ceiling, 0.005, 0.995))
    lo, hi = f._bounds(start, None)
    x = frame["year"].to_numpy(float)
    out = f._slopes(x, values, b, 3, lo, hi, "grid")
    if out is None:
        raise ValueError(f"break_date {break_date!r} leaves fewer than three months of {benchmark} on one side")
    g, best = f._grid(x, values, lo, hi)
    return out[0], out[1], f.slope_ratio(out[0], out[1]), float(np.polyfit(g, best, 1)[0])


def saturation_table(benchmarks=("MMLU", "GPQA Diamond", "MATH level 5", "OTIS Mock AIME"),
                     break_date: str = "2024-07-01", start: str = "2023-03-14") -> pd.DataFrame:
    """One row per benchmark: best score, noise ceiling, and per scale the monthly frontier's slope over the whole
    window and its after/before ratio (NaN where the frontier did not rise before the break)."""
    f = _frontier()
    rows = []
    names = require_sequence("benchmarks", benchmarks)
    for name in names:
        f._benchmark_file(name, "benchmarks")
    for name in names:
        row = {"benchmark": name, "best score": float(f.load_benchmark(name)["score"].max()),
               "noise ceiling": NOISE_CEILINGS.get(name, 1.0)}
        for scale in SCALES:
            before, after, ratio, whole = grid_saturation(name, break_date, start, scale)
            row[f"{scale}, per year"] = whole
            row[f"{scale}, after/before"] = ratio if before > 0 else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)
