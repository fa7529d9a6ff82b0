"""Counterfactual worlds for the claims of "Is progress slowing?": each function takes a copy of a real data
table (as its loader reads it) and returns the table of a world where an article's sentence is plainly true
or plainly false (see :class:`analysis.ledger.core.World`). The models, dates and compute stay real; only the
scores move, in ways a reader can name ("no model after mid-2024 beats the best before it").

Every builder returns a function of the table, so a world is declared as
``World(name, expected, data={ECI_FILE: eci_after(...)})``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis.house.data import decimal_years

ECI_FILE = "epoch_eci_snapshot_2026-04.csv"
SCORES_FILE = "epoch_benchmark_scores_long_2026-04.csv"
METR_FILES = {"1.1": "metr_time_horizons_1_1_2026-03.csv", "1.0": "metr_time_horizons_1_0_2026-01.csv"}
BASE_FILE = "ruan2024_obsscaling_base_llm_benchmark_eval.csv"

Transform = Callable[[pd.DataFrame], pd.DataFrame]
#: The chapter's default window start (GPT-4's release; `analysis.progress.frontier.COMPLETE_FROM`).
COMPLETE_FROM = "2023-03-14"


def _years(dates) -> np.ndarray:
    out = np.full(len(dates), np.nan)
    ok = pd.notna(dates).to_numpy()
    if ok.any():
        out[ok] = decimal_years(pd.Series(dates)[ok])
    return out


# --- The ECI frontier over time ----------------------------------------------------------------------

def eci_after(date: str, factor: float, *, shift_per_year: float = 0.0) -> Transform:
    """Models released on or after ``date`` whose ECI exceeds the best ECI before it are moved toward that
    best: ``best + factor * (ECI - best) + shift_per_year * (years since date)``. ``factor=0``: a plateau (no
    model beats the earlier best); ``factor`` below 1: a crawl; a positive shift: a frontier that speeds up."""
    cut = float(decimal_years([date])[0])

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        yr = _years(out["Release date"])
        eci = out["ECI Score"].to_numpy(float)
        before = (yr < cut) & np.isfinite(eci)
        best = float(np.nanmax(eci[before]))
        after = (yr >= cut) & np.isfinite(eci)
        above = after & (eci > best)
        new = eci.copy()
        new[above] = best + factor * (eci[above] - best)
        new[after] = new[after] + shift_per_year * (yr[after] - cut)
        if factor == 0 and shift_per_year == 0:
            new[above] = best  # ties with the earlier best set no record
        out["ECI Score"] = new
        return out

    return transform


def eci_last_months(months: int, factor: float, *, add: float = 0.0) -> Transform:
    """Models released in the snapshot's last ``months`` months that beat the best before that window are
    moved toward it (``factor``) and up by ``add`` points: the last window's frontier gain is scaled."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        yr = _years(out["Release date"])
        eci = out["ECI Score"].to_numpy(float)
        ok = np.isfinite(eci) & np.isfinite(yr)
        cut = float(np.nanmax(yr[ok])) - months / 12
        best = float(np.nanmax(eci[ok & (yr <= cut)]))
        above = ok & (yr > cut) & (eci > best)
        new = eci.copy()
        new[above] = best + factor * (eci[above] - best) + add
        out["ECI Score"] = new
        return out

    return transform


def metr_after(date: str, factor: float) -> Transform:
    """METR horizons of models released on or after ``date``: log2 horizon scaled by ``factor`` around the
    best horizon before ``date`` (the growth rate after ``date`` is multiplied by ``factor`` exactly; 0: the
    horizon stops growing). The interval columns move with the estimate."""
    cut = pd.Timestamp(date)

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        after = (out["release_date"] >= cut).to_numpy()
        ref = np.log2(float(out.loc[~after, "p50_minutes"].max()))
        old = np.log2(out["p50_minutes"].to_numpy(float))
        new = np.where(after, ref + factor * (old - ref), old)
        for col in ("p50_minutes", "p50_ci_low_minutes", "p50_ci_high_minutes"):
            out[col] = out[col].to_numpy(float) * 2.0 ** (new - old)
        return out

    return transform


def metr_model(key: str, multiple: float) -> Transform:
    """One model's METR horizon (and its interval) multiplied by ``multiple``."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        rows = out["metr_key"].astype(str) == key
        for col in ("p50_minutes", "p50_ci_low_minutes", "p50_ci_high_minutes"):
            out.loc[rows, col] = out.loc[rows, col] * multiple
        return out

    return transform


# --- Returns to compute --------------------------------------------------------------------------------

def _ols(y, *cols) -> np.ndarray:
    X = np.column_stack([np.ones(len(y)), *cols])
    return np.linalg.lstsq(X, np.asarray(y, float), rcond=None)[0]


def _counted(yr, comp, eci, start: str) -> np.ndarray:
    """Positions of the models the compute elasticity counts: an ECI, a release date from ``start`` on, a
    compute estimate, one model version per (ECI, compute) pair, the earliest kept (its loader's order)."""
    lo = float(decimal_years([start])[0])
    ok = np.flatnonzero(np.isfinite(eci) & np.isfinite(yr) & np.isfinite(comp) & (comp > 0) & (yr >= lo))
    order = ok[np.lexsort((eci[ok], yr[ok]))]
    keep = ~pd.DataFrame({"eci": eci[order], "comp": comp[order]}).duplicated().to_numpy()
    return order[keep]


def eci_compute_returns(lower_factor: float | None = None, upper_factor: float | None = None, *,
                        start: str = COMPLETE_FROM) -> Transform:
    """ECI rebuilt so that, holding release year fixed, a decade of compute buys ``lower_factor`` times the
    measured lower-half slope below the median compute and ``upper_factor`` times it above (``None``: as
    measured; 0: nothing). Each model keeps its real residual and year effect: only the slope on log compute
    within each half changes, continuously at the median (median and slopes as the elasticity counts them:
    one model version per ECI and compute pair)."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        yr = _years(out["Release date"])
        comp = out["Training compute (FLOP)"].to_numpy(float)
        eci = out["ECI Score"].to_numpy(float)
        lo = float(decimal_years([start])[0])
        ok = np.isfinite(eci) & np.isfinite(yr) & np.isfinite(comp) & (comp > 0) & (yr >= lo)
        idx = _counted(yr, comp, eci, start)
        lc_all = np.log10(np.where(comp > 0, comp, np.nan))
        lc, y, t = lc_all[idx], eci[idx], yr[idx]
        split = float(np.median(lc))
        below = lc < split
        b_low = _ols(y[below], lc[below], t[below])[1]
        new = eci.copy()
        for side_below, factor in ((True, lower_factor), (False, upper_factor)):
            if factor is None:
                continue
            side = below if side_below else ~below
            slope = _ols(y[side], lc[side], t[side])[1]
            rows = ok & ((lc_all < split) if side_below else (lc_all >= split))
            new[rows] = eci[rows] + (factor * b_low - slope) * (lc_all[rows] - split)
        out["ECI Score"] = new
        return out

    return transform


def eci_late_returns(break_date: str, factor: float, *, start: str = COMPLETE_FROM) -> Transform:
    """Models released on or after ``break_date`` (with a compute estimate): their ECI re-tilted against log
    compute so that a decade of compute buys ``factor`` times what it bought earlier (no year control, as the
    comparison of earlier and later releases reads it); the later models' mean ECI is kept."""
    cut = float(decimal_years([break_date])[0])

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        yr = _years(out["Release date"])
        comp = out["Training compute (FLOP)"].to_numpy(float)
        eci = out["ECI Score"].to_numpy(float)
        lo = float(decimal_years([start])[0])
        ok = np.isfinite(eci) & np.isfinite(yr) & np.isfinite(comp) & (comp > 0) & (yr >= lo)
        lc = np.log10(np.where(ok, comp, 1.0))
        counted = np.zeros(len(out), bool)
        counted[_counted(yr, comp, eci, start)] = True
        early, late = counted & (yr < cut), counted & (yr >= cut)
        b_early = float(np.polyfit(lc[early], eci[early], 1)[0])
        b_late = float(np.polyfit(lc[late], eci[late], 1)[0])
        centre = float(lc[late].mean())
        new = eci.copy()
        rows = ok & (yr >= cut)
        new[rows] = eci[rows] + (factor * b_early - b_late) * (lc[rows] - centre)
        out["ECI Score"] = new
        return out

    return transform


def _slope(x, y, g, within: bool) -> float:
    """Least-squares slope; ``within``: within groups (each group's mean removed; single-member groups out)."""
    if within:
        keep = pd.Series(g).map(pd.Series(g).value_counts()).to_numpy() > 1
        x, y, g = x[keep], y[keep], g[keep]
        x = x - pd.Series(x).groupby(g).transform("mean").to_numpy()
        y = y - pd.Series(y).groupby(g).transform("mean").to_numpy()
        return float((x * y).sum() / (x * x).sum())
    return float(np.polyfit(x, y, 1)[0])


def base_compute_returns(columns: tuple[str, ...], cut_flop: float, upper_factor: float | None,
                         *, lower: float | None = None, rows_need: tuple[str, ...] = (),
                         band: tuple[float, float] = (1e21, 1e26), within: bool = True) -> Transform:
    """Ruan et al.'s benchmark ``columns`` rebuilt so that, among models with FLOPs in ``band``, each column
    gains ``upper_factor`` times its lower-band slope per decade of compute above ``cut_flop`` (None: as
    measured), and ``lower`` times its own slope below (None: as measured; 0: flat). Slopes are measured
    within model families (``within``, as the capability measure's bands are read) on the rows that have
    every column of ``rows_need``, so a linear combination of the columns (the first principal component)
    inherits the same ratio; each model keeps its residual."""
    cut, b_lo, b_hi = np.log10(cut_flop), np.log10(band[0]), np.log10(band[1])

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        flop = out["FLOPs (1E21)"].to_numpy(float) * 1e21
        need = out[list(rows_need or columns)].notna().all(axis=1).to_numpy() & np.isfinite(flop)
        lc = np.log10(np.where(np.isfinite(flop) & (flop > 0), flop, np.nan))
        fam = out["Model Family"].astype(str).to_numpy()
        inband = np.isfinite(lc) & (lc >= b_lo) & (lc <= b_hi)
        low, up = need & inband & (lc < cut), need & inband & (lc >= cut)
        for col in columns:
            y = out[col].to_numpy(float)
            s_low = _slope(lc[low], y[low], fam[low], within)
            s_up = _slope(lc[up], y[up], fam[up], within)
            new = y.copy()
            has = inband & np.isfinite(y)
            if upper_factor is not None:
                r = has & (lc >= cut)
                new[r] = y[r] + (upper_factor * s_low - s_up) * (lc[r] - cut)
            if lower is not None:
                r = has & (lc < cut)
                new[r] = new[r] + (lower - 1.0) * s_low * (lc[r] - cut)
            out[col] = new
        return out

    return transform


def base_param_band(columns: tuple[str, ...], lo: float, hi: float, factor: float) -> Transform:
    """Ruan et al.'s ``columns`` for the models of ``lo`` to ``hi`` parameters: the band's slope of their mean
    against log parameters multiplied by ``factor`` (0: flat; 2: twice as steep), around the band's mean size.
    The same shift is applied to each column, measured on the rows that have them all."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        p = out["Model Size (B)"].to_numpy(float) * 1e9
        band = (p >= lo) & (p < hi) & out[list(columns)].notna().all(axis=1).to_numpy()
        lp = np.log10(np.where(p > 0, p, np.nan))
        mean = out.loc[band, list(columns)].mean(axis=1).to_numpy(float)
        slope = float(np.polyfit(lp[band], mean, 1)[0])
        centre = float(lp[band].mean())
        rows = (p >= lo) & (p < hi)
        for col in columns:
            out.loc[rows, col] = out.loc[rows, col] + (factor - 1.0) * slope * (lp[rows] - centre)
        return out

    return transform


def base_flat_above(columns: tuple[str, ...], above: float, ref: tuple[float, float]) -> Transform:
    """Every model of more than ``above`` parameters scores, on each of ``columns``, exactly the best score of
    the models of ``ref`` parameters (lo, hi): no gain beyond ``above``."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        p = out["Model Size (B)"].to_numpy(float) * 1e9
        ref_rows = (p >= ref[0]) & (p < ref[1])
        for col in columns:
            out.loc[p > above, col] = float(out.loc[ref_rows, col].max())
        return out

    return transform


def base_column_like(column: str, like: str | None = None, *, per_decade: float = 0.0) -> Transform:
    """Ruan et al.'s ``column`` re-tilted against log compute: it gains per decade what ``like`` gains, or
    ``per_decade`` (fraction per tenfold compute) when ``like`` is None, keeping each model's residual; models
    without FLOPs keep their score."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        flop = out["FLOPs (1E21)"].to_numpy(float)
        ok = np.isfinite(flop) & out[column].notna().to_numpy()
        lc = np.log10(np.where(ok, flop, 1.0))
        y = out[column].to_numpy(float)
        b = float(np.polyfit(lc[ok], y[ok], 1)[0])
        target = per_decade if like is None else float(np.polyfit(lc[ok], out[like].to_numpy(float)[ok], 1)[0])
        centre = float(lc[ok].mean())
        out.loc[ok, column] = y[ok] + (target - b) * (lc[ok] - centre)
        return out

    return transform


# --- Benchmark scores --------------------------------------------------------------------------------------

def scores_scaled(best: float | None = None, *, files: tuple[str, ...] = (), error_factor: float | None = None,
                  skip: tuple[str, ...] = ()) -> Transform:
    """Fraction scores of the long table, per benchmark file (``files``, or every file but ``skip``):
    scaled so the best equals ``best``, or with every error shrunk by ``error_factor`` (score' = 1 - k (1 -
    score))."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        names = files or tuple(n for n in out["benchmark_file"].unique() if n not in skip)
        for name in names:
            rows = (out["benchmark_file"] == name).to_numpy() & out["score"].notna().to_numpy()
            if not rows.any():
                continue
            s = out.loc[rows, "score"].to_numpy(float)
            if error_factor is not None:
                out.loc[rows, "score"] = 1.0 - error_factor * (1.0 - s)
            elif best is not None and s.max() > 0:
                out.loc[rows, "score"] = s * best / s.max()
        return out

    return transform
