"""Counterfactual worlds of the economics chapter: transforms of the real data files (the Epoch models,
chips and hardware-price snapshots, Epoch's inference price series, Oviedo et al.'s energy per query) that
make an article's sentence plainly true or plainly false. Each builder returns a function of the real
table (a copy) that returns the world's table; :func:`analysis.house.data.world` swaps it in for the whole
pipeline. This module knows only column names and :mod:`analysis.house`.

The re-trending builders keep every run's scatter around the trend and change only the trend: a run's
value is multiplied by ``(target / measured) ** (year - 2020)``, where ``measured`` is the factor fitted on
the chapter's frontier (top 10 by compute when published, from 2016; from 2018 for compute, as the
scaling-laws chapter reads it), so that the same fit in the world gives exactly ``target``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis.house.data import decimal_years

MODELS = "epoch_ai_models_snapshot_2025-06.csv"
CHIPS = "epoch_chip_dataset_snapshot_2025-06.csv"
PRICES = "epoch_hardware_prices_snapshot_2025-06.csv"
INFERENCE_PRICES = "epoch_llm_price_trends_frontier_models_2025-03.csv"
INFERENCE_OTHER = "epoch_llm_price_trends_other_models_2025-03.csv"
OVIEDO = "oviedo2025_wh_per_query"

COST = "Training compute cost (2023 USD)"
COMPUTE = "Training compute (FLOP)"
RANK = "Compute rank when published"
DATE = "Publication date"
PIVOT_YEAR = 2020.0

Transform = Callable[[object], object]


def _costs(frame: pd.DataFrame) -> np.ndarray:
    text = frame[COST].astype("string").str.replace(r"[$,\s]", "", regex=True)
    return pd.to_numeric(text, errors="coerce").to_numpy(dtype=float)


def _with_costs(frame: pd.DataFrame, usd: np.ndarray) -> pd.DataFrame:
    out = frame.copy()
    out[COST] = pd.array([f"${v:.12g}" if np.isfinite(v) else pd.NA for v in usd], dtype="string")
    return out


def _frontier(frame: pd.DataFrame, start: str) -> np.ndarray:
    return ((frame[RANK] <= 10) & (frame[DATE] >= pd.Timestamp(start))).to_numpy()


def _slope(years: np.ndarray, values: np.ndarray) -> float:
    return float(np.polyfit(years, np.log10(values), 1)[0])


def _retrend(values: np.ndarray, years: np.ndarray, measured_slope: float, target: float) -> np.ndarray:
    return values * 10 ** ((np.log10(target) - measured_slope) * (years - PIVOT_YEAR))


def retrend_costs(target: float) -> Transform:
    """Every costed run re-trended so that frontier training cost grows ``target``-fold a year (0.7: costs
    that fall 30 % a year)."""
    def transform(frame):
        usd, years = _costs(frame), decimal_years(frame[DATE])
        keep = _frontier(frame, "2016-01-01") & np.isfinite(usd) & frame[COMPUTE].notna().to_numpy()
        return _with_costs(frame, _retrend(usd, years, _slope(years[keep], usd[keep]), target))
    return transform


def retrend_cost_per_flop(target: float) -> Transform:
    """Every costed run's cost re-trended (its compute kept) so that the cost of one FLOP in frontier runs
    changes ``target``-fold a year (0.65: hardware 35 % cheaper each year; 1.0: no cheaper at all)."""
    def transform(frame):
        usd, years, flop = _costs(frame), decimal_years(frame[DATE]), frame[COMPUTE].to_numpy(dtype=float)
        keep = _frontier(frame, "2016-01-01") & np.isfinite(usd) & np.isfinite(flop)
        return _with_costs(frame, _retrend(usd, years, _slope(years[keep], usd[keep] / flop[keep]), target))
    return transform


def retrend_compute(target: float) -> Transform:
    """Every run's training compute re-trended so that frontier compute (top 10 from 2018) grows
    ``target``-fold a year."""
    def transform(frame):
        flop, years = frame[COMPUTE].to_numpy(dtype=float), decimal_years(frame[DATE])
        keep = _frontier(frame, "2018-01-01") & np.isfinite(flop)
        out = frame.copy()
        out[COMPUTE] = _retrend(flop, years, _slope(years[keep], flop[keep]), target)
        return out
    return transform


def scale(column: str, factor: float, *, since: str | None = None, model: str | None = None,
          largest: bool = False) -> Transform:
    """``column`` multiplied by ``factor`` for every row, the rows published since ``since``, the row of
    ``model``, or the row with the largest training compute (``largest``)."""
    def transform(frame):
        out = frame.copy()
        rows = np.ones(len(out), dtype=bool)
        if since is not None:
            rows &= (out[DATE] >= pd.Timestamp(since)).to_numpy()
        if model is not None:
            rows &= (out["Model"] == model).to_numpy()
        if largest:
            rows &= (out[COMPUTE] == out[COMPUTE].max()).to_numpy()
        if column == COST:
            usd = _costs(out)
            return _with_costs(out, np.where(rows, usd * factor, usd))
        out.loc[rows, column] = out.loc[rows, column] * factor
        return out
    return transform


def then(*transforms: Transform) -> Transform:
    """The transforms applied one after the other (two changes to one file)."""
    def transform(value):
        for fn in transforms:
            value = fn(value)
        return value
    return transform


def inference_price_trend(factor: float) -> Transform:
    """Every fixed-capability price series replaced by its first price changing ``factor``-fold a year
    (3.0: running a given capability triples in price each year; 1.0: its price never moves)."""
    def transform(frame):
        out = frame.copy()
        years = decimal_years(out["Release Date"])
        key = out["bench"].astype(str) + "|" + out["threshold_model"].astype(str)
        first_year = pd.Series(years).groupby(key.to_numpy()).transform("min").to_numpy()
        order = np.argsort(years, kind="stable")
        first_price = (pd.Series(out["USD per 1M Tokens"].to_numpy()[order], index=key.to_numpy()[order])
                       .groupby(level=0).first())
        out["USD per 1M Tokens"] = first_price.reindex(key.to_numpy()).to_numpy() * factor ** (years - first_year)
        return out
    return transform


def inference_price_by_date(factor: float, usd_2021: float = 10.0) -> Transform:
    """Every model's price set by its release date alone: ``usd_2021`` per million tokens at the start of
    2021, changing ``factor``-fold a year (3.0: every model, cheap or capable, triples in price each year).
    Applied to both of Epoch's price files, it moves the fixed-capability series and the most capable model
    alike."""
    def transform(frame):
        out = frame.copy()
        out["USD per 1M Tokens"] = usd_2021 * factor ** (decimal_years(out["Release Date"]) - 2021.0)
        return out
    return transform


def scale_measurements(factor: float) -> Transform:
    """Oviedo et al.'s measured energies per query multiplied by ``factor``."""
    return lambda medians: {k: v * factor for k, v in dict(medians).items()}
