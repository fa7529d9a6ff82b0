"""Competing curves for the frontier, judged out of sample (chapter "Is progress slowing?").

Epoch AI's "Have AI capabilities accelerated?" fits several candidate curves to capability over time and ranks
them by how well each predicts data it has not seen (expanding-window cross-validation, six months ahead). We
do the same on the complete ECI frontier (the best ECI reached at each month since GPT-4, see
:func:`analysis.progress.frontier.grid_frontier`) and on METR's 50 % horizon (log2 minutes of the frontier
models):

* ``linear``: one straight line in time (for METR: an exponential horizon);
* ``break``: two straight pieces that meet at a month chosen by the data (least squares);
* ``reasoning split``: one line for the frontier of non-reasoning models and one for reasoning models (curated
  list, :func:`analysis.progress.frontier.is_reasoning`), the frontier being the higher of the two (ECI only);
* ``logistic``: a saturating S-curve in time, ``lo + (hi - lo) / (1 + exp(-k (t - t0)))`` (for METR: a
  horizon that saturates in log2 minutes).

Each curve is refitted at every month ``T`` from a year after the start, on what was released by ``T``, and
predicts the frontier over ``(T, T + horizon]``; the score is the root mean squared error of those predictions.
Beside it, Akaike's and Schwarz's criteria of the fit to all data (Gaussian errors; the monthly grid is
autocorrelated, so both criteria overstate the evidence).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import optimize

from analysis.house.data import decimal_years, require_date
from analysis.house.validation import checked_cache, require_choice, require_in_range, require_int
from analysis.progress import frontier, metr

CURVES = ("linear", "break", "reasoning split", "logistic")
METR_CURVES = ("linear", "break", "logistic")
MEASURES = ("ECI", "METR 1.1")
#: Curves that bend down (slow or saturate): a "slowed"/"stopped" verdict needs one of them to win.
SLOWING = ("logistic",)
#: Epoch AI, "AI capabilities progress has sped up" (December 2025): the best ECI rose 8.3 points a year before
#: and 15.5 after a break in April 2024 (piecewise linear fit with an optimised breakpoint, 149 models, Dec 2021 to
#: Dec 2025). Read only in a secondary copy: longtermwiki.com/source/663417bdb09208a4, "Summary" and "Key Points";
#: the stored pages hold no copy of Epoch's own page, so the figures are not checked at the source.
EPOCH_BEFORE_PER_YEAR, EPOCH_AFTER_PER_YEAR, EPOCH_BREAK = 8.3, 15.5, "2024-04-01"
#: Fewest months of data before the first forecast, fewest points on each side of a break.
MIN_TRAIN_YEARS = 1.0
MIN_SIDE = 4


# --- The curves ------------------------------------------------------------------------------------------

def _line(t, v):
    b, a = np.polyfit(t, v, 1)
    return lambda s: a + b * np.asarray(s, float), 2


def _hinge(t, v, min_side=MIN_SIDE):
    best = None
    for c in np.unique(np.round(t[min_side:-min_side + 1] if t.size >= 2 * min_side else t[:0], 6)):
        s1, s2, sse = frontier._hinge_fit(t, v, float(c))
        if best is None or sse < best[0]:
            best = (sse, float(c), s1, s2)
    if best is None:
        return _line(t, v)
    _, c, s1, s2 = best
    x = t - c
    X = np.column_stack([np.ones_like(x), x, np.maximum(x, 0.0)])
    coef, *_ = np.linalg.lstsq(X, v, rcond=None)
    f = lambda s: coef[0] + coef[1] * (np.asarray(s, float) - c) + coef[2] * np.maximum(np.asarray(s, float) - c, 0)  # noqa: E731
    f.slopes = (s1, s2)
    return f, 4


def _logistic_fn(s, lo, hi, k, t0):
    with np.errstate(over="ignore"):
        return lo + (hi - lo) / (1.0 + np.exp(-k * (np.asarray(s, float) - t0)))


def _logistic_jac(s, lo, hi, k, t0):
    with np.errstate(over="ignore"):
        q = 1.0 / (1.0 + np.exp(-k * (np.asarray(s, float) - t0)))
    d = (hi - lo) * q * (1 - q)
    return np.column_stack([1 - q, q, d * (np.asarray(s, float) - t0), -d * k])


def _logistic(t, v):
    span = float(v.max() - v.min()) or 1.0
    best = None
    for hi_add, k in ((0.2, 2.0), (1.0, 1.0), (3.0, 0.5)):
        p0 = (float(v.min()) - 0.05 * span, float(v.max()) + hi_add * span, k, float(t.mean()))
        bounds = ([v.min() - 5 * span, v.max(), 1e-3, t.min() - 10], [v.min(), v.max() + 20 * span, 20.0, t.max() + 20])
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", optimize.OptimizeWarning)
                p, _ = optimize.curve_fit(_logistic_fn, t, v, p0=p0, bounds=bounds, maxfev=4000,
                                              jac=_logistic_jac)
        except (RuntimeError, ValueError):
            continue
        sse = float(((_logistic_fn(t, *p) - v) ** 2).sum())
        if best is None or sse < best[0]:
            best = (sse, p)
    if best is None:
        return _line(t, v)
    p = best[1]
    return (lambda s: _logistic_fn(s, *p)), 4


def _split(t, v, parts):
    """Higher of a line through the non-reasoning frontier and one through the reasoning frontier."""
    (tn, vn), (tr, vr) = parts
    fn, _ = _line(tn, vn)
    if tr.size < 3:
        return fn, 2
    fr, _ = _line(tr, vr)
    first = float(tr.min())
    return (lambda s: np.where(np.asarray(s, float) >= first, np.maximum(fn(s), fr(s)), fn(s))), 4


def _fit(curve, t, v, parts=None):
    if curve == "linear":
        return _line(t, v)
    if curve == "break":
        return _hinge(t, v)
    if curve == "logistic":
        return _logistic(t, v)
    return _split(t, v, parts)


# --- The series --------------------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _eci_models(subset: str):
    e = frontier.load_eci(subset)
    return e["year"].to_numpy(float), e["eci"].to_numpy(float), e["reasoning"].to_numpy(bool)


def _eci_series(start_year, until=np.inf, subset="all"):
    x, v, r = _eci_models(subset)
    seen = x <= until
    g, best = frontier._grid(x[seen], v[seen], start_year, until)
    parts = []
    for mask in (~r & seen, r & seen):
        if mask.any():
            parts.append(frontier._grid(x[mask], v[mask], max(start_year, float(x[mask].min())), until))
        else:
            parts.append((np.array([]), np.array([])))
    return g, best, parts


def _metr_series(version, since, until=np.inf):
    h = metr_frontier(version, since)
    keep = h["year"].to_numpy(float) <= until
    return h["year"].to_numpy(float)[keep], h["log2_minutes"].to_numpy(float)[keep]


def metr_frontier(version: str = "1.1", since: str = "2023-01-01") -> pd.DataFrame:
    """METR's frontier models (``is_sota``) released since ``since``: ``model``, ``year``, ``log2_minutes``."""
    version = require_choice("version", version, metr.VERSIONS)
    h = metr.load_horizons(version)
    lo = float(decimal_years([since], name="since")[0])
    yr = decimal_years(h["date"])
    keep = h["is_sota"].to_numpy(bool) & (yr >= lo) & (h["p50_minutes"].to_numpy(float) > 0)
    out = pd.DataFrame({"model": h["model"].to_numpy()[keep], "year": yr[keep],
                        "log2_minutes": np.log2(h["p50_minutes"].to_numpy(float)[keep])})
    return out.sort_values("year").reset_index(drop=True)


# --- Scores ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CurveScore:
    """How well one curve describes and predicts one frontier.

    Attributes
    ----------
    measure, curve : str
    rmse : float
        Root mean squared error of the out-of-sample predictions (units of the measure: ECI points, or log2
        minutes of horizon).
    n_forecasts, n_origins : int
        Predictions scored and months at which the curve was refitted.
    aic, bic : float
        Criteria of the fit to all data (lower is better).
    n_params : int
    slope_end_per_year : float
        The fitted curve's slope over the last year of data (units per year).
    """

    measure: str
    curve: str
    rmse: float
    n_forecasts: int
    n_origins: int
    aic: float
    bic: float
    n_params: int
    slope_end_per_year: float


def _criteria(v, pred, k):
    n = v.size
    sse = max(float(((v - pred) ** 2).sum()), 1e-12)
    ll = n * np.log(sse / n)
    return ll + 2 * k, ll + k * np.log(n)


def _score(measure, curve, data_fn, horizon, errors):
    t, v, parts = data_fn(np.inf)
    f, k = _fit(curve, t, v, parts)
    aic, bic = _criteria(v, f(t), k)
    end = float(t.max())
    slope = float(f(end) - f(end - 1.0))
    e = errors[curve]
    return CurveScore(measure, curve, float(np.sqrt(np.mean(np.square(e)))) if e else float("nan"), len(e),
                      errors["_origins"], float(aic), float(bic), int(k), slope)


def _oos_errors(curves, data_fn, first_origin, last_time, horizon, step=1):
    """Errors of every curve over (T, T + horizon] for monthly origins T; origin by origin, so paired."""
    errors = {c: [] for c in curves}
    per_origin = {c: [] for c in curves}
    origins = np.arange(first_origin, last_time - horizon + 1e-9, step * frontier.GRID_STEP_YEARS)
    t_all, v_all, _ = data_fn(np.inf)
    for T in origins:
        t, v, parts = data_fn(T)
        target = (t_all > T) & (t_all <= T + horizon)
        if t.size < 4 or not target.any():
            continue
        for c in curves:
            f, _ = _fit(c, t, v, parts)
            err = f(t_all[target]) - v_all[target]
            errors[c].extend(err.tolist())
            per_origin[c].append(float(np.mean(err ** 2)))
    errors["_origins"] = len(per_origin[curves[0]])
    return errors, per_origin


@dataclass(frozen=True)
class Ranking:
    """Curves ranked by out-of-sample error on one frontier, with a statement of what the data can tell.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per curve (the fields of :class:`CurveScore`, and ``rank``), best first.
    best : str
        Curve with the lowest out-of-sample error.
    tied : tuple of str
        Curves whose mean squared error is not told apart from the best's: the 90 % block-bootstrap interval
        (over forecast origins, blocks of six months) of their difference to the best includes zero.
    slowing_wins : bool
        The best curve and every curve tied with it bend down (a saturating curve, or a break whose later
        piece is flatter): only then does the out-of-sample test favour "slowed".
    """

    measure: str
    table: pd.DataFrame
    best: str
    tied: tuple[str, ...]
    slowing_wins: bool
    horizon_years: float


def _tied(per_origin, best, seed=0, n_boot=400, block=6):
    rng = np.random.default_rng(seed)
    b = np.asarray(per_origin[best])
    n = b.size
    out = []
    for c, vals in per_origin.items():
        if c == best or n == 0:
            continue
        d = np.asarray(vals) - b
        starts = np.arange(max(n - block + 1, 1))
        means = []
        for _ in range(n_boot):
            idx = np.concatenate([np.arange(s, min(s + block, n)) for s in rng.choice(starts, int(np.ceil(n / block)))])[:n]
            means.append(d[idx].mean())
        if np.percentile(means, 5) <= 0:
            out.append(c)
    return tuple(out)


def _rank(measure, curves, data_fn, start_year, horizon, step=1):
    t_all, _, _ = data_fn(np.inf)
    errors, per_origin = _oos_errors(curves, data_fn, start_year + MIN_TRAIN_YEARS, float(t_all.max()), horizon, step)
    rows = [_score(measure, c, data_fn, horizon, errors) for c in curves]
    table = pd.DataFrame([r.__dict__ for r in rows]).sort_values("rmse").reset_index(drop=True)
    table.insert(2, "rank", np.arange(1, len(table) + 1))
    best = str(table["curve"].iloc[0])
    tied = _tied(per_origin, best)
    t, v, parts = data_fn(np.inf)
    bends = all(_bends_down(c, t, v, parts) for c in (best, *tied))
    return Ranking(measure, table, best, tied, bool(bends), horizon)


def _bends_down(curve, t, v, parts) -> bool:
    """A saturating curve, or a break whose later piece is flatter than the earlier."""
    if curve in SLOWING:
        return True
    if curve != "break":
        return False
    f, _ = _fit(curve, t, v, parts)
    return bool(hasattr(f, "slopes") and f.slopes[1] < f.slopes[0])


@checked_cache(maxsize=16)
def rank_curves(measure: str = "ECI", *, start: str = frontier.DEFAULT_START, subset: str = "all",
                horizon_years: float = 0.5, origin_step: int = 1) -> Ranking:
    """Rank the competing curves of one frontier by expanding-window out-of-sample error.

    Parameters
    ----------
    measure : {"ECI", "METR 1.1"}
        The complete ECI frontier on a monthly grid, or METR's v1.1 frontier models (log2 horizon).
    start : str
        First date of the series (ECI: the grid's first month; METR: first release counted).
    subset : str
        Which models count (ECI only; :data:`analysis.progress.frontier.SUBSETS`); the reasoning split needs
        both kinds, so a subset drops it.
    horizon_years : float
        How far ahead each refit predicts (half a year, as Epoch's primary setting).
    origin_step : int
        Months between forecast origins (1: every month; a coarser step is cheaper, for the ledger's worlds).
    """
    measure = require_choice("measure", measure, MEASURES)
    subset = require_choice("subset", subset, frontier.SUBSETS)
    h = float(require_in_range("horizon_years", horizon_years, 1 / 12, 2.0))
    step = require_int("origin_step", origin_step, minimum=1, maximum=6)
    start_year = float(decimal_years([start], name="start")[0])
    if measure == "ECI":
        def data_fn(until):
            g, best, parts = _eci_series(start_year, until, subset)
            return g, best, parts
        curves = CURVES if subset == "all" else tuple(c for c in CURVES if c != "reasoning split")
    else:
        def data_fn(until):
            t, v = _metr_series("1.1", str(start), until)
            return t, v, None
        curves = METR_CURVES
    t_all, _, _ = data_fn(np.inf)
    if t_all.size < 8 or t_all.max() - start_year < MIN_TRAIN_YEARS + h:
        raise ValueError(f"start {start!r} leaves too short a series to forecast {h} years ahead")
    return _rank(measure, curves, data_fn, start_year, h, step)


def ranking_table(start: str = frontier.DEFAULT_START, metr_since: str = "2023-01-01") -> pd.DataFrame:
    """ECI and METR rankings in one table (``measure``, ``curve``, ``rank``, ``rmse``, ``aic``, ``bic``, ...)."""
    start = str(require_date("start", start).date())
    metr_since = str(require_date("metr_since", metr_since).date())
    a = rank_curves("ECI", start=start).table
    b = rank_curves("METR 1.1", start=metr_since).table
    return pd.concat([a, b], ignore_index=True)


@dataclass(frozen=True)
class BreakComparison:
    """Our fit of Epoch's break analysis on comparable settings (break fixed at April 2024)."""

    before: float
    after: float
    ratio: float
    evidence_ratio: float
    n_points: int


@checked_cache(maxsize=4)
def epoch_break_comparison(break_date: str = "2024-04-01", end: str = "2026-01-01", points: str = "grid",
                           start: str = frontier.DEFAULT_START) -> BreakComparison:
    """Slopes before/after a fixed break (Epoch: April 2024, data to December 2025) on the complete frontier, and
    the Akaike evidence ratio ``exp((AIC_line - AIC_break) / 2)`` of the two-piece fit over one line (the break
    date given, so the two-piece fit has one parameter more)."""
    points = require_choice("points", points, frontier.POINTS)
    end = str(require_date("end", end).date())
    lo, hi = frontier._bounds(start, end)
    b = float(decimal_years([break_date], name="break_date")[0])
    x, v, _ = _eci_models("all")
    t, y = frontier._frontier_points(x, v, lo, hi, points)
    if (t < b).sum() < 2 or (t >= b).sum() < 2:
        raise ValueError(f"break_date {break_date!r} leaves fewer than two points on one side")
    s1, s2, sse2 = frontier._hinge_fit(t, y, b)
    f, _ = _line(t, y)
    sse1 = float(((f(t) - y) ** 2).sum())
    n = t.size
    aic1, aic2 = n * np.log(sse1 / n) + 4, n * np.log(max(sse2, 1e-12) / n) + 6
    return BreakComparison(s1, s2, frontier.slope_ratio(s1, s2), float(np.exp((aic1 - aic2) / 2)), int(n))



def frontier_series(start: str = frontier.DEFAULT_START) -> pd.DataFrame:
    """The monthly ECI frontier of every model, of non-reasoning and of reasoning models: ``year``, ``eci``,
    ``series``."""
    start_year = float(decimal_years([start], name="start")[0])
    g, best, ((tn, vn), (tr, vr)) = _eci_series(start_year)
    parts = [pd.DataFrame({"year": t, "eci": v, "series": name})
             for t, v, name in ((g, best, "all models"), (tn, vn, "non-reasoning"), (tr, vr, "reasoning"))]
    return pd.concat(parts, ignore_index=True)


def fitted_curves(measure: str = "ECI", start: str = frontier.DEFAULT_START, n_points: int = 80) -> pd.DataFrame:
    """Every curve fitted to all data of one frontier, on ``n_points`` dates: ``year``, ``value``, ``curve``."""
    measure = require_choice("measure", measure, MEASURES)
    n_points = require_int("n_points", n_points, minimum=2, maximum=2_000)
    start_year = float(decimal_years([start], name="start")[0])
    if measure == "ECI":
        t, v, parts = _eci_series(start_year)
        names = CURVES
    else:
        (t, v), parts, names = _metr_series("1.1", str(start)), None, METR_CURVES
    grid = np.linspace(float(t.min()), float(t.max()), n_points)
    return pd.concat([pd.DataFrame({"year": grid, "value": _fit(c, t, v, parts)[0](grid), "curve": c})
                      for c in names], ignore_index=True)


@dataclass(frozen=True)
class ReasoningTrends:
    """Separate trends of the reasoning and non-reasoning frontiers (monthly grids), since the first reasoning model.

    Attributes
    ----------
    first_year : float
        Release of the first reasoning model in the data (decimal years).
    non_reasoning, reasoning : float
        Least-squares slopes of the two frontiers from ``first_year`` on (ECI points per year).
    jump : float
        Reasoning frontier minus non-reasoning frontier at the first month both exist (ECI points).
    gap_now : float
        The same gap at the last month of the data.
    """

    first_year: float
    non_reasoning: float
    reasoning: float
    jump: float
    gap_now: float


@checked_cache(maxsize=4)
def reasoning_trends(start: str = frontier.DEFAULT_START) -> ReasoningTrends:
    """Slopes of the reasoning and non-reasoning ECI frontiers over the same months (Epoch's "reasoning split")."""
    start_year = float(decimal_years([start], name="start")[0])
    _, _, ((tn, vn), (tr, vr)) = _eci_series(start_year)
    if tr.size < 3 or tn.size < 3:
        raise ValueError(f"start {start!r} leaves fewer than three months of reasoning or non-reasoning frontier")
    first = float(tr.min())
    keep = tn >= first - 1e-9
    sn = float(np.polyfit(tn[keep], vn[keep], 1)[0]) if keep.sum() >= 2 else 0.0
    sr = float(np.polyfit(tr, vr, 1)[0])
    at = lambda t, v, y: float(v[np.searchsorted(t, y - 1e-9)]) if (t >= y - 1e-9).any() else float(v[-1])  # noqa: E731
    both = float(max(tr.min(), tn.min()))
    last = float(min(tr.max(), tn.max()))
    return ReasoningTrends(first, sn, sr, at(tr, vr, both) - at(tn, vn, both), at(tr, vr, last) - at(tn, vn, last))
