"""Benchmark lifetimes for the chapter "Is progress slowing?": years from a benchmark's release to the date
AI reached human level on it, in a one-person tracker (h-matched); re-exported by
:mod:`analysis.progress.frontier`."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from scipy import stats

from analysis.house.data import DatasetSpec, decimal_years, load_csv
from analysis.house.validation import checked_cache, require_int

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
def benchmark_lifetimes(split_year: int = 2020) -> Lifetimes:
    """Benchmark lifetimes from the h-matched tracker; the one inconsistent row (human level before
    release) is dropped."""
    split = require_int("split_year", split_year, minimum=1990)
    h = load_csv(HMATCHED)
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
