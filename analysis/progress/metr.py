"""METR's 50 % time horizons: the length of task (in human expert time) an AI agent completes half the time.

Two published results files (``kwa2025metr``; METR's ``benchmark_results_1_{0,1}.yaml`` flattened to CSV,
see ``analysis/data/PROVENANCE.md`` section 8). Version 1.0 (170 tasks, Vivaria) and version 1.1 (a larger
task suite on Inspect) are different measurements: every function takes one ``version`` and they are
never pooled.

The doubling time is METR's: an ordinary least-squares fit of log2(p50 horizon) on release date over the
frontier (the file's ``is_sota`` rows), doubling time = 1 / slope. The interval here is a bootstrap over
models (METR's own interval also resamples tasks, which needs per-run data that is not public here).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.house.data import DatasetSpec, load_csv, require_date
from analysis.house.validation import (checked_cache, require_choice, require_in_range, require_int, require_positive,
                                       require_same_shape, require_sequence, require_vector)

_COLUMNS = {"metr_key": "str", "release_date": "date", "is_sota": "str", "p50_minutes": "float",
            "p50_ci_low_minutes": "float", "p50_ci_high_minutes": "float", "p80_minutes": "float"}
#: Which horizon a doubling time follows: the task length completed half the time, or four times in five.
HORIZONS = ("p50", "p80")

METR_FILES = {
    "1.1": DatasetSpec(filename="metr_time_horizons_1_1_2026-03.csv",
                       sha256="30faeeac7fd29d806c14151d9c023d0e99a7dce73b45706d66a3a9d673672818",
                       columns=_COLUMNS, description="METR Time Horizon 1.1 results (March 2026)", n_rows=23),
    "1.0": DatasetSpec(filename="metr_time_horizons_1_0_2026-01.csv",
                       sha256="a8c28a058e4fe2764c0bd48adbc26a5656017c68cebf8734ff834d1548ef8a88",
                       columns=_COLUMNS, description="METR Time Horizon 1.0 results (January 2026)", n_rows=33),
}
VERSIONS = tuple(METR_FILES)

#: METR's published doubling time of the 50 % horizon for frontier models released from 2023 on, Time
#: Horizon 1.1, in days: the header ``doubling_time_in_days.from_2023_on`` of METR's
#: ``benchmark_results_1_1.yaml`` (point 128.744, interval 105.26-157.336; the copy of 2026-03-19 in
#: ``prakratt/metr_th_script``). METR's announcement of 2026-01-29 (metr.org/blog/2026-1-29-time-horizon-1-1)
#: gave "131 days" for the January numbers (130.801 in the file of that date); METR revises its numbers.
METR_PUBLISHED_DAYS_V11_SINCE_2023 = 128.744
METR_PUBLISHED_DAYS_V11_SINCE_2023_CI = (105.26, 157.336)
#: The same statistic for Time Horizon 1.0 as METR's announcement of 1.1 quotes it ("165 days").
METR_PUBLISHED_DAYS_V10_SINCE_2023 = 165.0

DAYS_PER_YEAR = 365.25


def load_horizons(version: str = "1.1") -> pd.DataFrame:
    """One METR results file: ``model``, ``date``, ``days`` (days since 2000-01-01), ``is_sota`` (bool),
    ``p50_minutes`` and its interval ``p50_low``/``p50_high``, ``p80_minutes`` (minutes of human expert time)."""
    version = require_choice("version", version, VERSIONS)
    raw = load_csv(METR_FILES[version])
    sota = raw["is_sota"].str.lower()
    if not sota.isin(["true", "false"]).all():
        raise ValueError(f"METR {version}: is_sota must be True/False")
    return pd.DataFrame({
        "model": raw["metr_key"].astype(str), "date": raw["release_date"],
        "days": (raw["release_date"] - pd.Timestamp("2000-01-01")).dt.days.astype(float),
        "is_sota": (sota == "true").to_numpy(), "p50_minutes": raw["p50_minutes"].astype(float),
        "p50_low": raw["p50_ci_low_minutes"].astype(float), "p50_high": raw["p50_ci_high_minutes"].astype(float),
        "p80_minutes": raw["p80_minutes"].astype(float),
    }).sort_values("date").reset_index(drop=True)


def doubling_days(days, minutes) -> float:
    """Doubling time (days) of ``minutes`` from an OLS fit of log2(minutes) on ``days``; inf if flat or falling."""
    x, y = require_vector("days", days), require_vector("minutes", minutes, require_positive)
    require_same_shape(days=x, minutes=y)
    if np.ptp(x) == 0:
        raise ValueError(f"days must hold at least two distinct release dates; got {np.unique(x).size}")
    return _doubling_days(x, y)


def _doubling_days(x, minutes) -> float:
    y = np.log2(minutes)
    slope = np.polyfit(x, y, 1)[0]
    return float(1.0 / slope) if slope > 0 else float("inf")


@dataclass(frozen=True)
class DoublingTime:
    """Doubling time of METR's 50 % horizon over a window of release dates.

    Attributes
    ----------
    version : str
    since, until : str
        Window of release dates ([since, until); ``until`` may be ``""`` for "to the end of the file").
    days : float
        Point estimate (days), OLS on the frontier models.
    days_low, days_high : float
        Bootstrap percentile interval over models (frontier models resampled with replacement).
    per_year : float
        Growth multiplier of the horizon per year, 2 ** (365.25 / days).
    n_models : int
    level : float
    """

    version: str
    since: str
    until: str
    days: float
    days_low: float
    days_high: float
    per_year: float
    n_models: int
    level: float


@checked_cache(maxsize=64)
def metr_doubling_time(version: str = "1.1", since: str = "2023-01-01", until: str | None = None, *,
                       n_boot: int = 1000, seed: int = 0, level: float = 0.95, horizon: str = "p50") -> DoublingTime:
    """Doubling time of the 50 % (or 80 %) horizon of the frontier (``is_sota``) models released in [since, until).

    Parameters
    ----------
    version : {"1.1", "1.0"}
        Which METR results file (never pooled).
    since, until : str
        Window of release dates; ``until=None`` runs to the end of the file.
    n_boot, seed, level : int, int, float
        Bootstrap over models: resamples, seed, interval level. Resamples with a single release date are
        skipped.
    horizon : {"p50", "p80"}
        The 50 % horizon (METR's headline) or the 80 % horizon.
    """
    version = require_choice("version", version, VERSIONS)
    horizon = require_choice("horizon", horizon, HORIZONS)
    n_boot = require_int("n_boot", n_boot, minimum=20, maximum=100_000)
    seed = require_int("seed", seed, minimum=0)
    level = float(require_in_range("level", level, 0.5, 0.99))
    lo = require_date("since", since)
    hi = pd.Timestamp.max if until in (None, "") else require_date("until", until)
    if not lo < hi:
        raise ValueError(f"since must be before until; got since={since!r}, until={until!r}")
    h = load_horizons(version)
    f = h[h["is_sota"] & (h["date"] >= lo) & (h["date"] < hi)]
    if f["days"].nunique() < 3:
        raise ValueError(f"the window since={since!r} until={until!r} holds fewer than 3 frontier release "
                         f"dates in METR {version}")
    f = f[f[f"{horizon}_minutes"] > 0]
    x, y = f["days"].to_numpy(), f[f"{horizon}_minutes"].to_numpy()
    point = _doubling_days(x, y)
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n_boot):
        i = rng.integers(0, x.size, x.size)
        if np.ptp(x[i]) > 0:
            draws.append(_doubling_days(x[i], y[i]))
    d = np.array(draws)
    d = d[np.isfinite(d)]
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    low, high = np.percentile(d, q)
    return DoublingTime(version, str(since), str(until or ""), point, float(low), float(high),
                        float(2 ** (DAYS_PER_YEAR / point)), int(x.size), level)


@dataclass(frozen=True)
class SpeedChange:
    """How fast METR's 50 % horizon grew after a split date relative to before it.

    Attributes
    ----------
    version, split : str
    before, after : float
        Doublings of the horizon per year (OLS slope of log2 horizon on release date, frontier models), in
        [since, split) and from ``split`` on. Zero or negative when the horizon did not grow: a rate is
        finite where a doubling time is not.
    ratio, ratio_low, ratio_high : float
        after / before (below 1: slower since the split) and its bootstrap interval (frontier models of
        each side resampled independently), via :func:`analysis.progress.frontier.slope_ratio`.
    n_before, n_after : int
    level : float
    """

    version: str
    split: str
    before: float
    after: float
    ratio: float
    ratio_low: float
    ratio_high: float
    n_before: int
    n_after: int
    level: float


def _rate(days, minutes) -> float:
    x = np.asarray(days, float) / DAYS_PER_YEAR
    if x.size < 2 or np.ptp(x) == 0:
        return 0.0
    return float(np.polyfit(x, np.log2(np.asarray(minutes, float)), 1)[0])


@checked_cache(maxsize=64)
def speed_change(version: str = "1.1", split: str = "2024-01-01", since: str = "2019-01-01", *,
                 n_boot: int = 1000, seed: int = 0, level: float = 0.9) -> SpeedChange:
    """Doublings per year of the 50 % horizon after ``split`` relative to [since, split), with an interval.

    Every outcome is scored: a horizon that stops growing has a rate of zero (its doubling time would be
    infinite), so a plateau gives a ratio of 0, not an error.
    """
    from analysis.progress.frontier import _slope_ratio as slope_ratio

    version = require_choice("version", version, VERSIONS)
    n_boot = require_int("n_boot", n_boot, minimum=20, maximum=100_000)
    seed = require_int("seed", seed, minimum=0)
    level = float(require_in_range("level", level, 0.5, 0.99))
    lo, mid = require_date("since", since), require_date("split", split)
    if not lo < mid:
        raise ValueError(f"since must be before split; got since={since!r}, split={split!r}")
    h = load_horizons(version)
    f = h[h["is_sota"] & (h["date"] >= lo)]
    sides = [f[f["date"] < mid], f[f["date"] >= mid]]
    for side, name in zip(sides, ("before", "after")):
        if side["days"].nunique() < 2:
            raise ValueError(f"split={split!r} leaves fewer than 2 frontier release dates {name} it in METR {version}")
    xs = [(d["days"].to_numpy(), d["p50_minutes"].to_numpy()) for d in sides]
    before, after = _rate(*xs[0]), _rate(*xs[1])
    rng = np.random.default_rng(seed)
    ratios = []
    for _ in range(n_boot):
        r = []
        for x, y in xs:
            i = rng.integers(0, x.size, x.size)
            r.append(_rate(x[i], y[i]))
        ratios.append(slope_ratio(r[0], r[1]))
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    low, high = np.percentile(ratios, q)
    return SpeedChange(version, str(split), before, after, slope_ratio(before, after), float(low), float(high),
                       len(sides[0]), len(sides[1]), level)


def window_table(version: str = "1.1", starts: tuple[str, ...] = ("2019-01-01", "2022-01-01", "2023-01-01",
                                                                    "2024-01-01", "2024-07-01", "2025-01-01"),
                 n_boot: int = 300, seed: int = 0) -> pd.DataFrame:
    """Doubling time for fitting windows starting at each of ``starts`` and running to the end of the file
    (a start that leaves fewer than three frontier release dates is skipped; if every start does, it raises)."""
    version = require_choice("version", version, VERSIONS)
    for s in require_sequence("starts", starts):
        require_date("starts", s)
    n_boot = require_int("n_boot", n_boot, minimum=20, maximum=100_000)
    seed = require_int("seed", seed, minimum=0)
    rows = []
    for s in starts:
        try:
            r = metr_doubling_time(version, s, n_boot=n_boot, seed=seed)
        except ValueError:
            continue
        rows.append({"version": version, "since": s, "days": r.days, "days_low": r.days_low,
                     "days_high": r.days_high, "n_models": r.n_models})
    if not rows:
        raise ValueError(f"starts {starts!r} leave fewer than 3 frontier release dates in every window of METR {version}")
    return pd.DataFrame(rows)


#: METR keys of the three OpenAI generations and the Epoch model versions that carry their training compute.
GENERATIONS = (("GPT-2", "gpt2", "gpt2-xl"), ("GPT-3", "davinci_002", "davinci-002"), ("GPT-4", "gpt_4", "gpt-4-0314"))


@dataclass(frozen=True)
class GenerationGains:
    """Horizon doublings per decade of training compute between consecutive OpenAI generations.

    ``gpt2_to_gpt3`` and ``gpt3_to_gpt4``: doublings of the 50 % horizon per tenfold compute; the
    compute is Epoch's estimate (GPT-3's for METR's ``davinci_002``, a 2023 re-release of a GPT-3-size
    base model), or GPT-4's as a stated multiple of GPT-3's. ``decades`` are the compute steps (log10 of
    the ratios). ``difference`` is gpt3_to_gpt4 - gpt2_to_gpt3 and ``difference_low``/``difference_high``
    its interval, drawn from METR's interval of each model's horizon (a normal in log2 horizon on each side
    of the estimate, with the half-widths of METR's 95 % interval).
    """

    version: str
    gpt2_to_gpt3: float
    gpt3_to_gpt4: float
    decades: tuple[float, float]
    doublings: tuple[float, float]
    difference: float = 0.0
    difference_low: float = 0.0
    difference_high: float = 0.0


#: GPT-4's training compute: Epoch's estimate, or the multiples of GPT-3's that seed 002 states ("an
#: estimated 10-100x more compute than GPT-3").
GPT4_COMPUTE = ("epoch", "10x", "100x")


@checked_cache(maxsize=16)
def generation_gains(version: str = "1.1", gpt4_compute: str = "epoch", *, n_draws: int = 4000, seed: int = 0,
                     level: float = 0.9) -> GenerationGains:
    """Doublings of the horizon per decade of compute from GPT-2 to GPT-3 and from GPT-3 to GPT-4."""
    from analysis.progress.frontier import ECI_SNAPSHOT

    version = require_choice("version", version, VERSIONS)
    gpt4_compute = require_choice("gpt4_compute", gpt4_compute, GPT4_COMPUTE)
    n_draws = require_int("n_draws", n_draws, minimum=100, maximum=1_000_000)
    level = float(require_in_range("level", level, 0.5, 0.99))
    h = load_horizons(version).set_index("model")
    snap = load_csv(ECI_SNAPSHOT).set_index("Model version")
    rows = [h.loc[k] for _, k, _ in GENERATIONS]
    minutes = [float(r["p50_minutes"]) for r in rows]
    flop = [float(snap.loc[v, "Training compute (FLOP)"]) for _, _, v in GENERATIONS]
    if gpt4_compute != "epoch":
        flop[2] = flop[1] * float(gpt4_compute.rstrip("x"))
    dec = (np.log10(flop[1] / flop[0]), np.log10(flop[2] / flop[1]))
    dbl = (np.log2(minutes[1] / minutes[0]), np.log2(minutes[2] / minutes[1]))
    # draws of each horizon from METR's interval: a normal in log2 minutes on each side of the estimate
    rng = np.random.default_rng(require_int("seed", seed, minimum=0))
    z = rng.standard_normal((n_draws, 3))
    logs = []
    for j, r in enumerate(rows):
        mid = np.log2(float(r["p50_minutes"]))
        down = (mid - np.log2(float(r["p50_low"]))) / 1.959964
        up = (np.log2(float(r["p50_high"])) - mid) / 1.959964
        logs.append(mid + np.where(z[:, j] < 0, down, up) * z[:, j])
    diff = (logs[2] - logs[1]) / dec[1] - (logs[1] - logs[0]) / dec[0]
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    lo, hi = np.percentile(diff, q)
    a, b = float(dbl[0] / dec[0]), float(dbl[1] / dec[1])
    return GenerationGains(version, a, b, tuple(map(float, dec)), tuple(map(float, dbl)), b - a, float(lo), float(hi))
