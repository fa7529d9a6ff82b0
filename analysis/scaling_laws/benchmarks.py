"""Chapter 1, Scaling laws: are benchmark scores, not only loss, a smooth and predictable function of compute?

Seed 001 says the scaling-law papers found smooth, predictable relationships between compute, parameters and
*benchmark scores*. Their own evidence was loss (see :mod:`analysis.scaling_laws.returns`); this module asks the
question of benchmark scores on Ruan et al.'s (2024) base models (``ruan2024observational``; the file is read by
:mod:`analysis.other_side.obsscaling`). Within one model family (one recipe, several sizes), a straight line in
log training compute is fitted to the smaller members' average score and asked to predict the largest member's;
the forecast is compared with the score it missed and with a forecast of no further gain (the next-largest
member's score). Across families compute alone predicts much worse (their data and recipes differ), which is
why the papers' "predictable" is a statement about one recipe scaled up.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.house.validation import checked_cache, require_in_range, require_int
from analysis.other_side.obsscaling import PC_BENCHMARKS, load_base_models


@dataclass(frozen=True)
class FamilyForecasts:
    """Forecasts of each family's largest model from its smaller members.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per family: ``family``, ``models``, ``gap_dex`` (decades of compute from the next-largest to the
        largest member), ``actual``, ``forecast`` and ``no_gain`` (average score in points), ``error``,
        ``error_no_gain`` (absolute, points), ``fit_wins``.
    mae : float
        Mean absolute error of the forecasts (points); ``mae_no_gain`` that of the no-gain forecasts.
    wins : int
        Families whose forecast is closer than the no-gain one.
    n_families : int
    min_models : int
    min_gap_dex : float
    """

    table: pd.DataFrame
    mae: float
    mae_no_gain: float
    wins: int
    n_families: int
    min_models: int
    min_gap_dex: float


@checked_cache(maxsize=16)
def family_forecasts(min_models: int = 4, min_gap_dex: float = 0.3) -> FamilyForecasts:
    """Leave-the-largest-out forecasts of the average of Ruan et al.'s six standard benchmarks (points), per
    model family with at least ``min_models`` members with known compute and a largest member at least
    ``min_gap_dex`` decades of compute beyond the rest. A family whose smaller members share one compute is
    skipped (no line to fit). Returns counts of zero when no family qualifies (scored, not raised)."""
    min_models = require_int("min_models", min_models, minimum=3)
    min_gap_dex = float(require_in_range("min_gap_dex", min_gap_dex, 0.0, 3.0))
    b = load_base_models().dropna(subset=list(PC_BENCHMARKS) + ["flop"])
    b = b.assign(score=100 * b[list(PC_BENCHMARKS)].mean(axis=1), x=np.log10(b["flop"].to_numpy(float)))
    rows = []
    for family, g in b.groupby("Model Family"):
        g = g.sort_values("x", kind="stable")
        if len(g) < min_models:
            continue
        train, test = g.iloc[:-1], g.iloc[-1]
        gap = float(test["x"] - train["x"].max())
        if gap < min_gap_dex or np.ptp(train["x"].to_numpy()) == 0:
            continue
        slope, intercept = np.polyfit(train["x"], train["score"], 1)
        forecast = float(intercept + slope * test["x"])
        no_gain = float(train["score"].iloc[-1])
        actual = float(test["score"])
        rows.append({"family": str(family), "models": int(len(g)), "gap_dex": gap, "actual": actual,
                     "forecast": forecast, "no_gain": no_gain, "error": abs(forecast - actual),
                     "error_no_gain": abs(no_gain - actual)})
    table = pd.DataFrame(rows, columns=["family", "models", "gap_dex", "actual", "forecast", "no_gain", "error",
                                        "error_no_gain"])
    table["fit_wins"] = table["error"] < table["error_no_gain"]
    n = len(table)
    # No family: errors reported as 100 points (a forecast that says nothing), so every check fails.
    mae = float(table["error"].mean()) if n else 100.0
    mae_no_gain = float(table["error_no_gain"].mean()) if n else 100.0
    return FamilyForecasts(table, mae, mae_no_gain, int(table["fit_wins"].sum()), n, min_models, min_gap_dex)


# --- GPT generations on METR's time horizons ----------------------------------------------------------------

#: METR's keys for GPT-2, GPT-3 (davinci-002) and GPT-4, in order (as :data:`analysis.progress.metr.GENERATIONS`).
METR_GENERATION_KEYS = ("gpt2", "davinci_002", "gpt_4")


@dataclass(frozen=True)
class HorizonSteps:
    """Doublings of METR's 50 % time horizon from GPT-2 to GPT-3 and from GPT-3 to GPT-4, with intervals.

    Attributes
    ----------
    doublings : tuple of float
        ``log2`` of each step's horizon ratio.
    low, high : tuple of float
        Interval of each step at ``level``: the log-ratio plus or minus its standard error times the normal
        quantile, each model's standard error read from METR's own 95 % interval (``log2(high / low) / 3.92``).
    level : float
    version : str
    """

    doublings: tuple
    low: tuple
    high: tuple
    level: float
    version: str


@checked_cache(maxsize=8)
def horizon_steps(version: str = "1.1", level: float = 0.9) -> HorizonSteps:
    """The two generation steps of METR's horizons (file ``version``) with intervals at ``level``."""
    from scipy import stats

    from analysis.progress.metr import load_horizons

    level = float(require_in_range("level", level, 0.5, 0.999))
    h = load_horizons(version).set_index("model")
    p50 = [float(h.loc[k, "p50_minutes"]) for k in METR_GENERATION_KEYS]
    se = [float(np.log2(h.loc[k, "p50_high"] / h.loc[k, "p50_low"])) / (2 * 1.959964) for k in METR_GENERATION_KEYS]
    z = float(stats.norm.ppf(0.5 + level / 2))
    d = [float(np.log2(p50[i + 1] / p50[i])) for i in range(2)]
    s = [float(np.hypot(se[i], se[i + 1])) for i in range(2)]
    return HorizonSteps(tuple(d), tuple(d[i] - z * s[i] for i in range(2)), tuple(d[i] + z * s[i] for i in range(2)),
                        level, version)
