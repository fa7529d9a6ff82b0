"""Chapter "Is progress slowing?": measured capabilities over time and against training compute.

Data (copies in ``analysis/data/``, provenance in ``PROVENANCE.md``):

* the Epoch AI Benchmarking Hub export of April 2026 (``epochai2026benchmarks``): the Epoch Capabilities
  Index (ECI) per model version with release date and training compute, and every benchmark score in one
  long table;
* a one-person tracker of benchmark release dates and the dates AI reached human level on them.

Pieces, each a pure function of its inputs (expensive results cached):

* :func:`running_frontier` and :func:`frontier_slopes`: the record-setting models over time and the rate of
  frontier improvement before and after a break date (fixed, or chosen by the data in
  :func:`chosen_break`), with a bootstrap over models;
* :func:`frontier_table` and :func:`saturation_slopes`: one benchmark's frontier in percentage points
  and in log-odds (a benchmark near its ceiling looks flat in points while the log-odds keep rising);
* :func:`benchmark_lifetimes`: years from a benchmark's release to human level;

ECI per decade of training compute is in :mod:`analysis.progress.compute_returns`, METR's time horizons in
:mod:`analysis.progress.metr`, Ruan et al.'s observational scaling in :mod:`analysis.other_side.obsscaling`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import special, stats

from analysis.house.data import DatasetSpec, decimal_years, load_csv, require_date
from analysis.house.validation import (checked_cache, require_choice, require_choices, require_in_range, require_int,
                                       require_number, require_same_shape, require_sequence, require_text, require_vector)

# --- Data ------------------------------------------------------------------------------------------

ECI_SNAPSHOT = DatasetSpec(
    filename="epoch_eci_snapshot_2026-04.csv",
    sha256="a33997f794eeab1892890727ac8e65ea42047fb533eabf83feed6ab9e7103e65",
    columns={"Model version": "str", "ECI Score": "float", "Release date": "date",
             "Model accessibility": "str", "Training compute (FLOP)": "float", "Confidence": "str",
             "Organization": "str", "Display name": "str"},
    description="Epoch AI Benchmarking Hub, Epoch Capabilities Index per model version (April 2026)",
    n_rows=591,
    nullable=frozenset({"ECI Score", "Release date", "Model accessibility", "Training compute (FLOP)",
                        "Confidence", "Organization", "Display name"}),
)

BENCHMARK_SCORES = DatasetSpec(
    filename="epoch_benchmark_scores_long_2026-04.csv",
    sha256="c4096b8786887a316eef77bf2b1bf4b33061fa16695dd9f3c831e9f98926b961",
    columns={"benchmark_file": "str", "epoch_internal_run": "int", "model_version": "str", "score": "float",
             "release_date": "date", "training_compute_flop": "float"},
    description="Epoch AI Benchmarking Hub, all benchmark scores in one long table (April 2026)",
    n_rows=3756,
    nullable=frozenset({"model_version", "score", "release_date", "training_compute_flop"}),
)

ECI_DIFFICULTIES = DatasetSpec(
    filename="epoch_eci_benchmark_difficulties_2026-04.csv",
    sha256="551833761ba3a45a2e1bf70b35aae067dd78dbf5cf9cd1f319c2cb7f7352e14e",
    columns={"benchmark_name": "str", "edi": "float", "estimated_slope_scaled": "float"},
    description="Epoch AI, ECI benchmark difficulties and slopes (April 2026)",
    n_rows=42,
)

STITCHING_METADATA = DatasetSpec(
    filename="epoch_stitching_benchmark_metadata.csv",
    sha256="24f7dbb26ed3efdbc891cd5daf7259c82fc86ef796bdb081f5d69e4921770b00",
    columns={"benchmark": "str", "optimized_for": "str", "benchmark_release_date": "str"},
    description="Ho et al. (2025) benchmark metadata: release dates, hill-climbed or not",
    n_rows=41,
)

HMATCHED = DatasetSpec(
    filename="hmatched_benchmark_release_vs_human_level_dates.csv",
    sha256="c9118bce2b487778e4a8bcd78ab10ac28b21638972d70fcc5c56213481337039",
    columns={"benchmark": "str", "release_date": "date", "human_level_date": "date"},
    description="h-matched tracker (one person's): benchmark release vs date AI reached human level",
    n_rows=46,
    nullable=frozenset({"human_level_date"}),
)

#: Largest change of one model version's ECI between the March and April 2026 copies of the export
#: (270 of 543 shared versions changed): measured in the project's provenance notes (section 7a of
#: ``analysis/data/PROVENANCE.md``). ECI is re-estimated as data arrive; a difference smaller than this
#: is within what a revision can move.
ECI_REVISION_MAX_POINTS = 5.25

#: Benchmark files of the long table whose ``score`` is not a fraction in [0, 1] (provenance, 7c).
NON_FRACTION_FILES = ("aider_polyglot_external", "live_bench_external", "os_world_external",
                      "lech_mazur_writing_external", "geobench_external", "webdev_arena_external",
                      "metr_time_horizons_external")
#: Benchmarks the chapter follows, name -> file of the long table.
KEY_BENCHMARKS = {
    "MMLU": "mmlu_external", "GPQA Diamond": "gpqa_diamond", "MATH level 5": "math_level_5",
    "OTIS Mock AIME": "otis_mock_aime_2024_2025", "SWE-bench Verified": "swe_bench_verified",
    "FrontierMath": "frontiermath",
}
#: Model subsets for the sensitivity analysis.
SUBSETS = ("all", "open weights", "closed", "no reasoning setting")
#: A model version that names a reasoning setting or is a reasoning model (our heuristic, stated in the
#: chapter): an effort or budget suffix (``_high``, ``_32K``, ...), "thinking"/"reasoning", or the o-series/R1.
_REASONING = re.compile(r"(_(minimal|low|medium|high|xhigh|max|unknown|\d+K)\b|thinking|reason|(^|[/-])o[134]\b|"
                        r"(^|[/-])o[134]-|r1)", re.IGNORECASE)

DEFAULT_START = "2023-01-01"
DEFAULT_BREAK = "2024-07-01"
#: Break dates a reader may pass as the chapter parameter (quarter starts, enough models on each side).
BREAK_CHOICES = tuple(str(d.date()) for d in pd.date_range("2024-07-01", "2025-10-01", freq="QS"))
#: Starts of the fitting window a reader may pass.
START_CHOICES = ("2023-01-01", "2023-03-01")


def is_reasoning(model_version: str) -> bool:
    """True when a model version names a reasoning setting or a reasoning model (heuristic, see source)."""
    return bool(_REASONING.search(require_text("model_version", model_version)))


@lru_cache(maxsize=1)
def _eci() -> pd.DataFrame:
    raw = load_csv(ECI_SNAPSHOT).dropna(subset=["ECI Score", "Release date"])
    access = raw["Model accessibility"].fillna("")
    out = pd.DataFrame({
        "model": raw["Model version"].astype(str), "eci": raw["ECI Score"].astype(float),
        "date": raw["Release date"], "year": decimal_years(raw["Release date"]),
        "compute_flop": raw["Training compute (FLOP)"].astype(float),
        "open_weights": access.str.startswith("Open weights").to_numpy(),
        "closed": access.isin(["API access", "Hosted access (no API)", "Unreleased"]).to_numpy(),
        "confidence": raw["Confidence"].fillna("").astype(str),
    })
    out["reasoning"] = out["model"].map(is_reasoning)
    return out.sort_values(["year", "eci"]).reset_index(drop=True)


def load_eci(subset: str = "all") -> pd.DataFrame:
    """ECI per model version with a release date: ``model``, ``eci`` (ECI points), ``date``, ``year``
    (decimal years), ``compute_flop`` (FLOP, Epoch's estimate, NaN where unknown), ``open_weights``,
    ``closed``, ``reasoning``, ``confidence``.

    Parameters
    ----------
    subset : {"all", "open weights", "closed", "no reasoning setting"}
        Which models count.
    """
    subset = require_choice("subset", subset, SUBSETS)
    frame = _eci()
    mask = {"all": np.ones(len(frame), bool), "open weights": frame["open_weights"].to_numpy(),
            "closed": frame["closed"].to_numpy(), "no reasoning setting": ~frame["reasoning"].to_numpy()}[subset]
    return frame[mask].reset_index(drop=True)


@lru_cache(maxsize=1)
def _scores() -> pd.DataFrame:
    return load_csv(BENCHMARK_SCORES)


def _benchmark_file(benchmark, name: str = "benchmark") -> str:
    """The long table's file of a fraction-scored ``benchmark`` (raises naming ``name`` otherwise)."""
    file = KEY_BENCHMARKS.get(benchmark, benchmark) if isinstance(benchmark, str) else None
    if file not in set(_scores()["benchmark_file"]):
        raise ValueError(f"{name} must be one of {sorted(KEY_BENCHMARKS)} or a file of the long table; got {benchmark!r}")
    if file in NON_FRACTION_FILES:
        raise ValueError(f"{name} {benchmark!r} is not scored as a fraction; use one of the fraction benchmarks")
    return file


def load_benchmark(benchmark: str) -> pd.DataFrame:
    """Scores of one benchmark, one row per model version: ``model``, ``score`` (fraction 0-1), ``date``,
    ``year``, ``compute_flop``.

    Rows without a model version (no release date) or a score are dropped; where several rows share a
    model version (sources, shot counts, repeated runs), the highest score is kept, as Epoch's own loader
    does. Benchmarks whose unit is not a fraction are refused.

    Parameters
    ----------
    benchmark : str
        A name of :data:`KEY_BENCHMARKS` or a ``benchmark_file`` of the long table.
    """
    frame, name = _scores(), _benchmark_file(benchmark)
    rows = frame[(frame["benchmark_file"] == name)].dropna(subset=["model_version", "score", "release_date"])
    best = rows.sort_values("score").groupby("model_version", as_index=False).last()
    out = pd.DataFrame({"model": best["model_version"].astype(str), "score": best["score"].astype(float),
                        "date": best["release_date"], "year": decimal_years(best["release_date"]),
                        "compute_flop": best["training_compute_flop"].astype(float)})
    return out.sort_values(["year", "score"]).reset_index(drop=True)


# --- The running frontier and its slopes -----------------------------------------------------------

def running_frontier(years, values) -> np.ndarray:
    """Mask of the record-setters: models whose value exceeds every model released before them.

    Models released on the same day are taken in increasing order of value, so only the best of a day
    can set a record; ties with an earlier record do not count.

    Parameters
    ----------
    years, values : array_like
        Release dates (decimal years) and the capability measure, same length.
    """
    x, v = require_vector("years", years), require_vector("values", values)
    require_same_shape(years=x, values=v)
    order = np.lexsort((v, x))
    mask = np.zeros(x.size, bool)
    best = -np.inf
    for pos, i in enumerate(order):
        last_of_day = pos == x.size - 1 or x[order[pos + 1]] != x[i]
        if last_of_day and v[i] > best:
            mask[i] = True
            best = v[i]
    return mask


def hinge_fit(years, values, break_year: float) -> tuple[float, float, float]:
    """Least-squares continuous two-segment line: slope before and after ``break_year`` and the SSE.

    ``value = a + b1 (t - t_b) + (b2 - b1) max(t - t_b, 0)``: the frontier is continuous in time, so the
    two segments meet at the break.
    """
    x, v = require_vector("years", years, min_length=3), require_vector("values", values)
    require_same_shape(years=x, values=v)
    return _hinge_fit(x, v, require_number("break_year", break_year))


def _hinge_fit(x, v, break_year):
    x = x - break_year
    X = np.column_stack([np.ones_like(x), x, np.maximum(x, 0.0)])
    coef, *_ = np.linalg.lstsq(X, v, rcond=None)
    sse = float(((X @ coef - v) ** 2).sum())
    return float(coef[1]), float(coef[1] + coef[2]), sse


@dataclass(frozen=True)
class FrontierSlopes:
    """Rate of frontier improvement before and after a break date.

    Attributes
    ----------
    measure : str
        What is measured ("ECI", or a benchmark in log-odds or points).
    break_year : float
        Break date (decimal years).
    before, after : float
        Slopes of the frontier (units of the measure per year).
    before_low, before_high, after_low, after_high : float
        Bootstrap percentile intervals (models resampled with replacement, frontier recomputed).
    ratio, ratio_low, ratio_high : float
        after / before and its interval.
    n_before, n_after : int
        Record-setting models on each side.
    level, n_boot : float, int
        Interval level and resamples used.
    """

    measure: str
    break_year: float
    before: float
    after: float
    before_low: float
    before_high: float
    after_low: float
    after_high: float
    ratio: float
    ratio_low: float
    ratio_high: float
    n_before: int
    n_after: int
    level: float
    n_boot: int


def _bounds(start, end) -> tuple[float, float]:
    lo = float(decimal_years([start], name="start")[0])
    hi = np.inf if end is None else float(decimal_years([end], name="end")[0])
    if not lo < hi:
        raise ValueError(f"start must be before end; got start={start!r}, end={end!r}")
    return lo, hi


#: Which points the two-segment frontier fit uses: the record-setters only, or every release in the window at
#: the best value reached by its date (the running maximum, flat between records).
POINTS = ("records", "all")


def _frontier_points(x, v, lo, hi, points):
    inwin = (x >= lo) & (x < hi)
    if points == "records":
        # records are set against every earlier release, also those before the window; the window then
        # selects which records are fitted
        f = running_frontier(x, v) & inwin
        return x[f], v[f]
    order = np.lexsort((v, x))
    best = np.maximum.accumulate(v[order])
    keep = inwin[order]
    return x[order][keep], best[keep]


def _slopes(x, v, b, min_side, lo=-np.inf, hi=np.inf, points="records", anchor=False):
    xf, vf = _frontier_points(x, v, lo, hi, points)
    nb, na = int((xf < b).sum()), int((xf >= b).sum())
    if nb < min_side or na < min_side:
        if not anchor:
            return None
        # Too few record-setters on a side: the frontier stood still there. It is measured, not refused: the
        # fit is anchored at the window's first and last releases with the best value reached by then (a
        # plateau after the break gives a slope near zero); the counts reported stay the record-setters'.
        inwin = (x >= lo) & (x < hi)
        if not inwin.any():
            return None
        ends = [float(x[inwin].min()), float(x[inwin].max())]
        ax = [e for e in ends if (x <= e).any() and not np.isin(e, xf)]
        av = [float(v[x <= e].max()) for e in ax]
        xa, va = np.concatenate([xf, ax]), np.concatenate([vf, av])
        if (xa < b).sum() < 1 or (xa >= b).sum() < 1 or np.unique(xa).size < 3:
            return None
        xf, vf = xa, va
    s1, s2, sse = _hinge_fit(xf, vf, b)
    return s1, s2, nb, na, sse


def _frontier_bootstrap(x, v, b, n_boot, seed, min_side, choose=None, lo=-np.inf, hi=np.inf, points="records",
                        anchor=False):
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n_boot):
        idx = rng.integers(0, x.size, x.size)
        bb = b if choose is None else choose(x[idx], v[idx])
        if bb is None:
            continue
        out = _slopes(x[idx], v[idx], bb, min_side, lo, hi, points, anchor)
        if out is not None:
            draws.append(out[:2])
    return np.array(draws)


def _summarise(measure, b, point, draws, level, n_boot) -> FrontierSlopes:
    s1, s2, nb, na, _ = point
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    if len(draws) < 10:
        raise ValueError(f"too few usable bootstrap resamples ({len(draws)}); raise n_boot or widen the window")
    (b_lo, b_hi), (a_lo, a_hi) = np.percentile(draws[:, 0], q), np.percentile(draws[:, 1], q)
    ratio = _slope_ratio(s1, s2)
    ratios = np.array([_slope_ratio(d0, d1) for d0, d1 in draws])
    r_lo, r_hi = np.percentile(ratios, q)
    return FrontierSlopes(measure, float(b), s1, s2, float(b_lo), float(b_hi), float(a_lo), float(a_hi),
                          ratio, float(r_lo), float(r_hi), nb, na, level, n_boot)


#: Largest after/before ratio reported (flat before the break, rising after): every world is scored.
MAX_RATIO = 1e3


def slope_ratio(before: float, after: float) -> float:
    """after / before, finite: 0 when neither side rose, :data:`MAX_RATIO` when only the later side did."""
    return _slope_ratio(require_number("before", before), require_number("after", after))


def _slope_ratio(before, after) -> float:
    if before > 0:
        return float(min(after / before, MAX_RATIO))
    return 0.0 if after <= 0 else MAX_RATIO


def _check_common(n_boot, seed, level, min_side=1):
    require_int("min_side", min_side, minimum=1, maximum=1_000)
    return (require_int("n_boot", n_boot, minimum=20, maximum=100_000), require_int("seed", seed, minimum=0),
            float(require_in_range("level", level, 0.5, 0.99)))


def _series(measure: str, subset: str, scale: str = "logit"):
    """Years and values of a measure: "ECI" (from the ECI table) or a benchmark (logit or points)."""
    scale, subset = require_choice("scale", scale, ("logit", "points")), require_choice("subset", subset, SUBSETS)
    if measure == "ECI":
        frame = load_eci(subset)
        return frame, frame["eci"].to_numpy(float), "ECI"
    _benchmark_file(measure, "measure (ECI or a benchmark)")
    frame = load_benchmark(measure)
    s = np.clip(frame["score"].to_numpy(float), 0.005, 0.995)
    values = special.logit(s) if scale == "logit" else 100 * frame["score"].to_numpy(float)
    return frame, values, f"{measure} ({'log-odds' if scale == 'logit' else 'points'})"


@checked_cache(maxsize=64)
def frontier_slopes(break_date: str = DEFAULT_BREAK, *, measure: str = "ECI", subset: str = "all",
                    scale: str = "logit", start: str = DEFAULT_START, end: str | None = None,
                    n_boot: int = 300, seed: int = 0, level: float = 0.9, min_side: int = 3,
                    points: str = "records") -> FrontierSlopes:
    """Slopes of the running frontier before and after ``break_date`` (a continuous two-segment fit to
    the record-setting models released in [start, end)), with bootstrap intervals.

    A side of the break with fewer than ``min_side`` record-setters is a frontier that stood still: the
    fit is anchored at the window's first and last releases (see :func:`_slopes`), so a plateau is scored
    with a slope near zero instead of refused.

    Parameters
    ----------
    break_date : str
        The break (any date ``pandas`` parses); it must fall after the first release in the window.
    measure : str
        ``"ECI"`` or a benchmark (:data:`KEY_BENCHMARKS`), the latter in log-odds or points (``scale``).
    subset : str
        Which models count (:data:`SUBSETS`; ECI only).
    start, end : str
        Fitting window (release dates).
    n_boot, seed, level : int, int, float
        Bootstrap resamples of the models, seed, interval level.
    min_side : int
        Fewest record-setters on each side of the break before the fit is anchored (see above).
    points : {"records", "all"}
        Fit the record-setters only, or every release in the window at the best value reached by its date.
    """
    n_boot, seed, level = _check_common(n_boot, seed, level, min_side)
    points = require_choice("points", points, POINTS)
    b = float(decimal_years([break_date], name="break_date")[0])
    frame, values, label = _series(measure, subset, scale)
    lo, hi = _bounds(start, end)
    x = frame["year"].to_numpy(float)
    point = _slopes(x, values, b, min_side, lo, hi, points)
    # only a fit that needs the anchors gets them (in the data and in every resample), so a break with
    # enough record-setters on both sides is fitted exactly as before
    anchor = point is None
    if anchor:
        point = _slopes(x, values, b, min_side, lo, hi, points, anchor=True)
    if point is None:
        raise ValueError(f"break_date {break_date!r} leaves fewer than {min_side} record-setters on one side "
                         f"of the window {start}..{end or 'now'}, and no release to anchor it")
    draws = _frontier_bootstrap(x, values, b, n_boot, seed, min_side, lo=lo, hi=hi, points=points, anchor=anchor)
    return _summarise(label, b, point, draws, level, n_boot)


def _best_break(x, v, candidates, min_side, lo=-np.inf, hi=np.inf):
    best = None
    for b in candidates:
        out = _slopes(x, v, b, min_side, lo, hi)
        if out is not None and (best is None or out[4] < best[1]):
            best = (b, out[4])
    return None if best is None else best[0]


@checked_cache(maxsize=16)
def chosen_break(*, measure: str = "ECI", subset: str = "all", start: str = DEFAULT_START,
                 end: str | None = None, n_boot: int = 300, seed: int = 0, level: float = 0.9,
                 min_side: int = 4) -> tuple[FrontierSlopes, float, float]:
    """The break date chosen by the data: the month start that minimises the squared error of the
    two-segment frontier fit, with at least ``min_side`` record-setters on each side.

    The bootstrap re-chooses the break in every resample, so the intervals include the uncertainty of
    the choice. Returns the slopes at the chosen break and the 5th/95th percentiles of the chosen break
    (decimal years) over the resamples.
    """
    n_boot, seed, level = _check_common(n_boot, seed, level, min_side)
    frame, v, label = _series(measure, subset)
    lo, hi = _bounds(start, end)
    x = frame["year"].to_numpy(float)
    last = frame["date"].max() if end is None else min(frame["date"].max(), pd.Timestamp(end))
    months = pd.date_range(pd.Timestamp(start), pd.Timestamp(last), freq="MS")
    candidates = decimal_years(months)
    b = _best_break(x, v, candidates, min_side, lo, hi)
    if b is None:
        raise ValueError(f"no break in {start}..{end or 'now'} leaves {min_side} record-setters on each side")
    choose = lambda xs, vs: _best_break(xs, vs, candidates, min_side, lo, hi)  # noqa: E731
    rng = np.random.default_rng(seed)
    breaks = []
    for _ in range(n_boot):
        idx = rng.integers(0, x.size, x.size)
        bb = choose(x[idx], v[idx])
        if bb is not None:
            breaks.append(bb)
    draws = _frontier_bootstrap(x, v, b, n_boot, seed, min_side, choose=choose, lo=lo, hi=hi)
    result = _summarise(label, b, _slopes(x, v, b, min_side, lo, hi), draws, level, n_boot)
    lo, hi = np.percentile(breaks, [(1 - level) / 2 * 100, (1 + level) / 2 * 100])
    return result, float(lo), float(hi)


def frontier_table(measure: str = "ECI", subset: str = "all", scale: str = "logit",
                   start: str = DEFAULT_START) -> pd.DataFrame:
    """The record-setting models of a measure since ``start``: ``model``, ``date``, ``year``, ``value``."""
    frame, values, _ = _series(measure, subset, scale)
    lo, _hi = _bounds(start, None)
    f = running_frontier(frame["year"], values) & (frame["year"].to_numpy(float) >= lo)
    if not f.any():  # a start after the last record
        raise ValueError(f"start {start!r} leaves no record-setter of {measure}: the table would be empty")
    return frame.assign(value=values).loc[f, ["model", "date", "year", "value"]].reset_index(drop=True)


def frontier_at(year: float, *, measure: str = "ECI", subset: str = "all") -> float:
    """The best value of a measure among models released on or before ``year`` (decimal years)."""
    frame, values, _ = _series(measure, subset)
    y = float(decimal_years([year], name="year")[0])
    seen = values[frame["year"].to_numpy(float) <= y]
    if seen.size == 0:
        raise ValueError(f"year must be after the first release in the data; got {year!r}")
    return float(seen.max())


@dataclass(frozen=True)
class YearlyGains:
    """Frontier gain over the last twelve months of the data and over the twelve months before.

    Attributes
    ----------
    end_year : float
        Latest release date in the data (decimal years).
    last, previous : float
        Gains of the frontier (ECI points) in (end - 1, end] and (end - 2, end - 1].
    """

    end_year: float
    last: float
    previous: float


@checked_cache(maxsize=8)
def yearly_gains(subset: str = "all", months: int = 12) -> YearlyGains:
    """Frontier ECI gains in the last two windows of ``months`` months of the snapshot (twelve by default)."""
    months = require_int("months", months, minimum=1, maximum=36)
    frame = load_eci(subset)
    end = float(frame["year"].max())
    step = months / 12
    f = [frontier_at(end - k * step, subset=subset) for k in (0, 1, 2)]
    return YearlyGains(end, f[0] - f[1], f[1] - f[2])


@checked_cache(maxsize=8)
def sensitivity(break_dates: tuple[str, ...] = ("2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01"),
                subsets: tuple[str, ...] = SUBSETS, n_boot: int = 100, seed: int = 0) -> pd.DataFrame:
    """Frontier ECI slopes for several break dates and model subsets (one row each)."""
    _check_common(n_boot, seed, 0.9)
    decimal_years(list(require_sequence("break_dates", break_dates)), name="break_dates")
    require_choices("subsets", subsets, SUBSETS)
    rows = []
    for s in subsets:
        for b in break_dates:
            try:
                r = frontier_slopes(b, subset=s, n_boot=n_boot, seed=seed)
            except ValueError:
                continue
            rows.append({"subset": s, "break": b, "before": r.before, "after": r.after, "ratio": r.ratio,
                         "ratio_low": r.ratio_low, "ratio_high": r.ratio_high,
                         "n_before": r.n_before, "n_after": r.n_after})
    return pd.DataFrame(rows)


@checked_cache(maxsize=16)
def benchmark_trend(benchmark: str, start: str = DEFAULT_START) -> dict:
    """Least-squares rate of a benchmark's record-setters since ``start``, in points and log-odds per year.

    Returns ``{"benchmark", "records", "first", "last", "best", "points_per_year", "logit_per_year"}``
    (``first``/``last``: decimal years of the first and last record).
    """
    rows = {}
    for scale in ("points", "logit"):
        t = frontier_table(benchmark, scale=scale, start=start)
        if len(t) < 3:
            raise ValueError(f"benchmark {benchmark!r} has fewer than 3 record-setters since {start}")
        rows[scale] = (float(np.polyfit(t["year"], t["value"], 1)[0]), t)
    t = rows["points"][1]
    return {"benchmark": benchmark, "records": len(t), "first": float(t["year"].iloc[0]),
            "last": float(t["year"].iloc[-1]), "best": float(t["value"].iloc[-1]) / 100,
            "points_per_year": rows["points"][0], "logit_per_year": rows["logit"][0]}


# --- Saturation ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SaturationSlopes:
    """One benchmark's frontier slope after the break, in points and in log-odds, relative to before."""

    benchmark: str
    points_ratio: float
    logit_ratio: float
    points_after: float
    logit_after: float
    best_score: float


@checked_cache(maxsize=16)
def saturation_slopes(benchmark: str = "MATH level 5", break_date: str = DEFAULT_BREAK,
                      start: str = DEFAULT_START) -> SaturationSlopes:
    """After/before ratio of a benchmark's frontier slope in percentage points and in log-odds.

    Near the ceiling, points flatten first: a points ratio far below the log-odds ratio is saturation of
    the scale, not of the models.
    """
    b = float(decimal_years([break_date], name="break_date")[0])
    out = {}
    for scale in ("points", "logit"):
        frame, values, _ = _series(benchmark, "all", scale)
        lo, hi = _bounds(start, None)
        res = _slopes(frame["year"].to_numpy(float), values, b, 3, lo, hi)
        if res is None:
            raise ValueError(f"benchmark {benchmark!r} has too few record-setters around {break_date}")
        out[scale] = res
    best = float(load_benchmark(benchmark)["score"].max())
    return SaturationSlopes(benchmark, out["points"][1] / out["points"][0], out["logit"][1] / out["logit"][0],
                            out["points"][1], out["logit"][1], best)


@checked_cache(maxsize=8)
def ceiling_share(threshold: float = 0.9, min_models: int = 30) -> tuple[float, int, int]:
    """Share of the widely used fraction-scored benchmarks whose best score is at least ``threshold``.

    "Widely used": at least ``min_models`` scored model versions in the long table. Returns the share,
    the number near the ceiling and the number of benchmarks.
    """
    t = float(require_in_range("threshold", threshold, 0.0, 1.0, inclusive=False))
    m = require_int("min_models", min_models, minimum=2)
    frame = _scores().dropna(subset=["score"])
    frame = frame[~frame["benchmark_file"].isin(NON_FRACTION_FILES)]
    g = frame.groupby("benchmark_file").agg(n=("score", "size"), best=("score", "max"))
    g = g[g["n"] >= m]
    if g.empty:
        raise ValueError(f"min_models = {m} leaves no benchmark (none has that many scored versions)")
    near = int((g["best"] >= t).sum())
    return near / len(g), near, int(len(g))


def ceiling_table(min_models: int = 30) -> pd.DataFrame:
    """Best score and number of scored versions per widely used fraction-scored benchmark."""
    min_models = require_int("min_models", min_models, minimum=1)
    frame = _scores().dropna(subset=["score"])
    frame = frame[~frame["benchmark_file"].isin(NON_FRACTION_FILES)]
    g = frame.groupby("benchmark_file").agg(n=("score", "size"), best=("score", "max")).reset_index()
    return g[g["n"] >= min_models].sort_values("best", ascending=False).reset_index(drop=True)


def steps_in_eci(acc_from: float, acc_to: float, benchmark: str = "MMLU") -> float:
    """ECI points a model must gain to raise its expected score on ``benchmark`` from ``acc_from`` to
    ``acc_to``, under Epoch's model score = sigmoid(slope x (ECI - difficulty)) and its fitted slope."""
    d = load_csv(ECI_DIFFICULTIES)
    rows = d[d["benchmark_name"] == benchmark]
    if rows.empty:
        raise ValueError(f"benchmark must be one of {sorted(d['benchmark_name'])}; got {benchmark!r}")
    a0 = float(require_in_range("acc_from", acc_from, 0.0, 1.0, inclusive=False))
    a1 = float(require_in_range("acc_to", acc_to, 0.0, 1.0, inclusive=False))
    if not a1 > a0:
        raise ValueError(f"acc_to must exceed acc_from; got {acc_from} -> {acc_to}")
    return float((special.logit(a1) - special.logit(a0)) / rows["estimated_slope_scaled"].iloc[0])


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


def require_break(break_date: str, start: str = DEFAULT_START) -> str:
    """Validate a break date parameter: parseable and after ``start`` (raises ValueError naming it)."""
    b, start = require_date("break_date", break_date), require_date("start", start, high="2026-04-17")
    if not start < b < pd.Timestamp("2026-04-17"):
        raise ValueError(f"break_date must lie between {start} and the snapshot's last release; got {break_date!r}")
    return str(b.date())

