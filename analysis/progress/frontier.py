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
from scipy import special

from analysis.house.data import DatasetSpec, decimal_years, load_csv, require_date
from analysis.progress.lifetimes import HMATCHED, Lifetimes, benchmark_lifetimes  # noqa: F401 (re-exported)
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
SUBSETS = ("all", "open weights", "closed", "non-reasoning", "reasoning")
#: Our curated list of reasoning-model families (first release, the developer's announcement; provenance section
#: 31). Every version of a listed family counts as a reasoning model, also a hybrid model's rows without a
#: thinking setting: the export gives all settings of one model a single ECI, estimated with its thinking runs.
REASONING_FAMILIES = DatasetSpec(
    filename="reasoning_model_families_2026-12.csv",
    sha256="17e3b5760cea2556d0f758d9d7974419b052c57d5e5c3b9531894ae3a9551638",
    columns={"family": "str", "developer": "str", "first_release": "date", "mode": "str", "pattern": "str",
             "source": "str"},
    description="Reasoning-model families (curated for this book): first release and the developer's announcement",
    n_rows=15,
)
@lru_cache(maxsize=1)
def _families() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in load_csv(REASONING_FAMILIES)["pattern"])


def reasoning_families() -> pd.DataFrame:
    """The curated list of reasoning-model families: ``family``, ``developer``, ``first_release``, ``mode``
    (``always`` or ``hybrid``: thinking on request), ``pattern`` (on Epoch's model version), ``source``."""
    return load_csv(REASONING_FAMILIES)


#: Where the file's coverage of the frontier is complete: GPT-4's release (14 March 2023). The export begins on
#: 24 Feb 2023 (the LLaMA models); frontier models released before it (GPT-3.5, PaLM, Claude 1) are not in it,
#: so LLaMA-65B would be a "record" only because nothing earlier is in the file. GPT-4 is the first model of
#: the file that beat every model released before it, inside the file or not; records count from there.
COMPLETE_FROM = "2023-03-14"
#: The file's first release date (kept for the comparison the chapter prints; not a default).
FILE_START = "2023-01-01"
DEFAULT_START = COMPLETE_FROM
DEFAULT_BREAK = "2024-07-01"
#: Break dates a reader may pass as the chapter parameter (quarter starts, enough models on each side).
BREAK_CHOICES = tuple(str(d.date()) for d in pd.date_range("2024-07-01", "2025-10-01", freq="QS"))
#: Starts of the fitting window a reader may pass: GPT-4's release, or the day after it (the models of the first
#: release date dropped from the fit; GPT-4 still bars weaker later models from counting as records).
START_CHOICES = (COMPLETE_FROM, "2023-03-15")


def is_reasoning(model_version: str) -> bool:
    """True when a model version belongs to a family of the curated list :func:`reasoning_families` (hybrid
    families included: every setting of one model shares its ECI)."""
    name = require_text("model_version", model_version)
    return any(p.search(name) for p in _families())


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
    subset : {"all", "open weights", "closed", "non-reasoning", "reasoning"}
        Which models count.
    """
    subset = require_choice("subset", subset, SUBSETS)
    frame = _eci()
    mask = {"all": np.ones(len(frame), bool), "open weights": frame["open_weights"].to_numpy(),
            "closed": frame["closed"].to_numpy(), "non-reasoning": ~frame["reasoning"].to_numpy(),
            "reasoning": frame["reasoning"].to_numpy()}[subset]
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
POINTS = ("records", "all", "grid")
#: Grid step of ``points="grid"``: one month (a twelfth of a year) from the window's start.
GRID_STEP_YEARS = 1 / 12


def grid_frontier(years, values, start_year: float, end_year: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The running maximum on a monthly grid: at ``start_year + k/12`` (up to ``end_year`` or the last
    release) the best value among every model released by then, inside the window or before it.

    Parameters
    ----------
    years, values : array_like
        Release dates (decimal years) and the capability measure, same length.
    start_year, end_year : float
        First grid point and the last allowed (decimal years).
    """
    x, v = require_vector("years", years), require_vector("values", values)
    require_same_shape(years=x, values=v)
    hi = np.inf if end_year is None else float(require_in_range("end_year", end_year, 1900.0, 2200.0))
    lo = float(require_in_range("start_year", start_year, 1900.0, 2200.0))
    if x.max() - lo > 100:
        raise ValueError(f"start_year must lie within a century of the last release; got {start_year!r}")
    return _grid(x, v, lo, hi)


def _grid(x, v, lo, hi):
    order = np.argsort(x, kind="stable")
    xs, best = x[order], np.maximum.accumulate(v[order])
    last = min(float(xs[-1]), hi)
    g = lo + GRID_STEP_YEARS * np.arange(max(int(np.floor((last - lo) / GRID_STEP_YEARS)) + 1, 0))
    i = np.searchsorted(xs, g, side="right") - 1
    ok = i >= 0
    return g[ok], best[i[ok]]


def _frontier_points(x, v, lo, hi, points):
    if points == "grid":
        return _grid(x, v, lo, hi)
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
    points : {"records", "all", "grid"}
        Fit the record-setters only, every release in the window at the best value reached by its date, or
        the best value reached at each month of the window (:func:`grid_frontier`; the running maximum is
        autocorrelated month to month, so the bootstrap over models, not the grid, gives the interval).
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
                subsets: tuple[str, ...] = SUBSETS, n_boot: int = 100, seed: int = 0,
                start: str = DEFAULT_START) -> pd.DataFrame:
    """Frontier ECI slopes for several break dates and model subsets (one row each), records from ``start``."""
    _check_common(n_boot, seed, 0.9)
    decimal_years(list(require_sequence("break_dates", break_dates)), name="break_dates")
    require_choices("subsets", subsets, SUBSETS)
    _bounds(require_date("start", start, high="2026-04-17"), None)
    rows = []
    for s in subsets:
        for b in break_dates:
            try:
                r = frontier_slopes(b, subset=s, n_boot=n_boot, seed=seed, start=start)
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


def require_break(break_date: str, start: str = DEFAULT_START) -> str:
    """Validate a break date parameter: parseable and after ``start`` (raises ValueError naming it)."""
    b, start = require_date("break_date", break_date), require_date("start", start, high="2026-04-17")
    if not start < b < pd.Timestamp("2026-04-17"):
        raise ValueError(f"break_date must lie between {start} and the snapshot's last release; got {break_date!r}")
    return str(b.date())


# Benchmarks near their ceiling live in their own module (it reads this one's tables), re-exported here.
from analysis.progress.ceilings import ceiling_share, ceiling_table, steps_in_eci  # noqa: E402,F401
