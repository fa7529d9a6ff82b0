"""Benchmark lifetimes for the chapter "Is progress slowing?": years from a benchmark's release to the date
AI reached human level on it, in a one-person tracker (h-matched); re-exported by
:mod:`analysis.progress.frontier`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from analysis.house.data import DatasetSpec, decimal_years, load_csv
from analysis.house.validation import checked_cache, require_int, require_vector

HMATCHED = DatasetSpec(
    filename="hmatched_benchmark_release_vs_human_level_dates.csv",
    sha256="c9118bce2b487778e4a8bcd78ab10ac28b21638972d70fcc5c56213481337039",
    columns={"benchmark": "str", "release_date": "date", "human_level_date": "date"},
    description="h-matched tracker (one person's): benchmark release vs date AI reached human level",
    n_rows=46,
    nullable=frozenset({"human_level_date"}),
)


# --- Benchmark lifetimes ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Lifetimes:
    """Years from benchmark release to human level (h-matched tracker; one person's judgement).

    Attributes
    ----------
    table : pandas.DataFrame
        ``benchmark``, ``release_year``, ``human_year``, ``lifetime_years`` (matched benchmarks with a
        non-negative lifetime).
    slope : float
        Theil-Sen slope of lifetime on release year (years per year).
    median_early, median_late : float
        Median lifetime of benchmarks released before / from ``split_year``.
    split_year, n_unmatched : int
        The split, and the benchmarks not yet matched (censored: recent ones have had little time).
    """

    table: pd.DataFrame
    slope: float
    median_early: float
    median_late: float
    split_year: int
    n_unmatched: int


@checked_cache(maxsize=4)
def benchmark_lifetimes(split_year: int = 2020, corrected: bool = True) -> Lifetimes:
    """Benchmark lifetimes from the h-matched tracker, corrected against its sources (:func:`tracker`); a row
    with human level before release (only in the uncorrected tracker) is dropped."""
    split = require_int("split_year", split_year, minimum=1990)
    h = tracker(corrected)
    matched = h.dropna(subset=["human_level_date"])
    t = pd.DataFrame({"benchmark": matched["benchmark"].astype(str),
                      "release_year": decimal_years(matched["release_date"]),
                      "human_year": decimal_years(matched["human_level_date"])})
    t["lifetime_years"] = t["human_year"] - t["release_year"]
    t = t[t["lifetime_years"] >= 0].sort_values("release_year").reset_index(drop=True)
    slope = float(stats.theilslopes(t["lifetime_years"], t["release_year"])[0])
    early = t.loc[t["release_year"] < split, "lifetime_years"]
    late = t.loc[t["release_year"] >= split, "lifetime_years"]
    if early.empty or late.empty:
        raise ValueError(f"split_year {split} leaves no benchmark on one side")
    return Lifetimes(t, slope, float(early.median()), float(late.median()), split,
                     int(h["human_level_date"].isna().sum()))


# --- The tracker corrected, and lifetimes with censoring (issue 24) ------------------------------------------

#: Errors of the tracker, corrected against its own cited sources:
#: * MMMU: released with arXiv 2311.16502 (November 2023; first version 27 Nov 2023), the paper the row itself
#:   cites, not 2024-06-13;
#: * LongBench v2: arXiv 2412.15204 (December 2024); the o1-preview result that beats the human baseline is in
#:   that release paper, so the benchmark was matched when released (the row had release 2025-01-03, after its
#:   own human-level date);
#: * "ARC-AGI-1 (Verified)" repeats "ARC-AGI" (same release, same human-level date, same o3 result): counted once.
TRACKER_CORRECTIONS = {"MMMU": {"release_date": "2023-11-27"},
                       "LongBench v2": {"release_date": "2024-12-19", "human_level_date": "2024-12-19"}}
TRACKER_DUPLICATES = ("ARC-AGI-1 (Verified)",)


def tracker(corrected: bool = True) -> pd.DataFrame:
    """The h-matched tracker: ``benchmark``, ``release_date``, ``human_level_date`` (NaT: not matched yet);
    ``corrected`` applies :data:`TRACKER_CORRECTIONS` and drops :data:`TRACKER_DUPLICATES`."""
    if not isinstance(corrected, bool):
        raise ValueError(f"corrected must be True or False; got {corrected!r}")
    h = load_csv(HMATCHED)[["benchmark", "release_date", "human_level_date"]].copy()
    if corrected:
        for name, fix in TRACKER_CORRECTIONS.items():
            for column, value in fix.items():
                h.loc[h["benchmark"] == name, column] = pd.Timestamp(value)
        h = h[~h["benchmark"].isin(TRACKER_DUPLICATES)]
    return h.reset_index(drop=True)


def kaplan_meier(durations, observed) -> tuple[np.ndarray, np.ndarray]:
    """Kaplan-Meier survival curve: the distinct event times and the share still "alive" just after each.

    Parameters
    ----------
    durations : array_like
        Time to the event, or to censoring (years, non-negative).
    observed : array_like of bool
        True where the event happened (the benchmark was matched), False where the time is censored.
    """
    d = require_vector("durations", durations)
    if (d < 0).any():
        raise ValueError("durations must be non-negative")
    e = np.asarray(observed)
    if e.shape != d.shape or e.dtype != bool:
        raise ValueError(f"observed must be booleans of the same length as durations; got {e.dtype} {e.shape}")
    times = np.unique(d[e])
    surv, s = [], 1.0
    for t in times:
        at_risk = int((d >= t).sum())
        s *= 1.0 - int(((d == t) & e).sum()) / at_risk
        surv.append(s)
    return times, np.array(surv)


def km_median(durations, observed) -> float:
    """The Kaplan-Meier median: the first time at which survival falls to one half or below (inf if never)."""
    times, surv = kaplan_meier(durations, observed)
    below = np.flatnonzero(surv <= 0.5)
    return float(times[below[0]]) if below.size else float("inf")


@dataclass(frozen=True)
class CensoredLifetimes:
    """Kaplan-Meier medians of benchmark lifetimes before and from ``split_year``, the unmatched benchmarks
    counted as censored at the tracker's last recorded match (``censor_year``)."""

    median_early: float
    median_late: float
    naive_early: float
    naive_late: float
    n_early: int
    n_late: int
    censored_early: int
    censored_late: int
    censor_year: float
    split_year: int


@checked_cache(maxsize=4)
def censored_lifetimes(split_year: int = 2020, corrected: bool = True) -> CensoredLifetimes:
    """Benchmark lifetimes with censoring: each unmatched benchmark has lived at least from its release to the
    tracker's last recorded match; the naive medians (matched only) are returned beside for comparison."""
    split = require_int("split_year", split_year, minimum=1990, maximum=2030)
    h = tracker(corrected)
    rel = decimal_years(h["release_date"])
    matched = h["human_level_date"].notna().to_numpy()
    hum = np.full(len(h), np.nan)
    hum[matched] = decimal_years(h.loc[matched, "human_level_date"])
    end = float(np.nanmax(hum))
    dur = np.where(matched, hum - rel, end - rel)
    keep = dur >= 0
    out = {}
    for side, mask in (("early", rel < split), ("late", rel >= split)):
        m = mask & keep
        if not (m & matched).any():
            raise ValueError(f"split_year {split} leaves no matched benchmark on one side")
        out[side] = (km_median(dur[m], matched[m]), float(np.median(dur[m & matched])), int(m.sum()),
                     int((m & ~matched).sum()))
    e, l_ = out["early"], out["late"]
    return CensoredLifetimes(e[0], l_[0], e[1], l_[1], e[2], l_[2], e[3], l_[3], end, split)
