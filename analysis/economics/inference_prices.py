"""What running a model of fixed capability costs over time: Epoch AI's LLM inference price data (the data
insight "LLM inference prices have fallen rapidly but unequally across tasks", 12 March 2025; bibtex
``epoch2025inferenceprices``), refitted here.

For each benchmark and each earlier frontier model (the *threshold*), Epoch keeps the models that score at
least the threshold's score and, walking them by release date, each new cheapest one; the price of that
capability is then fitted as ``log10(USD per million tokens)`` on the release date. We refit every series
from the rows Epoch published, so the fit can be varied (method, interval level, which series count) and run
again on a transformed copy of the data.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import stats

from analysis.house.data import DatasetSpec, decimal_years, load_csv
from analysis.house.validation import require_in_range, require_instance

EPOCH_PRICE_SERIES = DatasetSpec(
    filename="epoch_llm_price_trends_frontier_models_2025-03.csv",
    sha256="041d608b6d74dd584321ffc1fcfd3cca16332dbf4af7ec312947770804bb917f",
    columns={"bench": "str", "threshold_model": "str", "performance_range": "str", "Model Name": "str",
             "Release Date": "date", "USD per 1M Tokens": "float", "predicted_log_price": "float",
             "benchmark_score": "float"},
    description="Epoch AI LLM price trends: cheapest models above each earlier frontier (2025-03)",
    n_rows=119,
)

EPOCH_PRICE_RESULTS = DatasetSpec(
    filename="epoch_llm_price_trends_results_2025-03.csv",
    sha256="8764ac557cacf35d179a06f4a4256d097a798c49582981f118869ec51b69c2bb",
    columns={"bench": "str", "threshold_model": "str", "performance_range": "str", "sample_size": "int",
             "start_date": "date", "end_date": "date", "price_reduction_factor_per_year": "float",
             "price_reduction_factor_per_year_90_ci": "str", "r_squared": "float"},
    description="Epoch AI LLM price trends: Epoch's fitted yearly price reduction per series (2025-03)",
    n_rows=21,
)

METHODS = ("ols", "theil-sen")
#: Which series count: every (benchmark, threshold) series, or only those whose threshold model was
#: released from 2023 on (the capabilities of the chat-model era, the ones a reader pays for now).
SERIES_SETS = ("all", "since-2023")


def price_series() -> pd.DataFrame:
    """The cheapest-model rows of every series, with ``year`` (decimal) and ``series`` (bench | threshold)."""
    frame = load_csv(EPOCH_PRICE_SERIES)
    years = decimal_years(frame["Release Date"]) if len(frame) else np.array([], dtype=float)
    return frame.assign(year=years,
                        series=frame["bench"].astype(str) + " | " + frame["threshold_model"].astype(str))


def published_results() -> pd.DataFrame:
    """Epoch's own fits, one row per series (``price_reduction_factor_per_year`` > 1: prices fall)."""
    return load_csv(EPOCH_PRICE_RESULTS)


def _fit(years: np.ndarray, log_price: np.ndarray, method: str, ci: float) -> tuple[float, float, float]:
    """Yearly price multiplier (below 1: the price falls) and its ``ci`` interval."""
    if np.ptp(years) == 0 or len(years) < 3:
        return 1.0, 0.0, float("inf")
    if method == "ols":
        fit = stats.linregress(years, log_price)
        dof = len(years) - 2
        half = float(stats.t.ppf(0.5 + ci / 2, dof)) * fit.stderr
        slope, lo, hi = fit.slope, fit.slope - half, fit.slope + half
    else:
        slope, _, lo, hi = stats.theilslopes(log_price, years, alpha=ci)
    return float(10 ** slope), float(10 ** lo), float(10 ** hi)


@lru_cache(maxsize=16)
def _series_fits(method: str, ci: float, series_set: str) -> pd.DataFrame:
    rows = []
    for (bench, threshold), part in price_series().groupby(["bench", "threshold_model"], sort=False):
        part = part.sort_values("year")
        factor, low, high = _fit(part["year"].to_numpy(), np.log10(part["USD per 1M Tokens"].to_numpy()), method, ci)
        rows.append({"bench": bench, "threshold_model": threshold, "n": len(part),
                     "start": float(part["year"].min()), "end": float(part["year"].max()),
                     "factor": factor, "factor_low": low, "factor_high": high})
    out = pd.DataFrame(rows, columns=["bench", "threshold_model", "n", "start", "end", "factor", "factor_low",
                                      "factor_high"])
    if series_set == "since-2023":
        out = out[out["start"] >= 2023.0]
    return out.reset_index(drop=True)


def series_fits(method: str = "ols", ci: float = 0.9, series_set: str = "all") -> pd.DataFrame:
    """One row per price series: ``factor`` = yearly multiplier of the price of that fixed capability (below
    1: it falls; Epoch's published "reduction factor" is its inverse), ``factor_low``/``factor_high`` its
    ``ci`` interval (OLS with a t interval, or Theil-Sen), ``n`` points, ``start``/``end`` (decimal years).

    A series whose points share one date (possible in a transformed copy) gets factor 1 with an unbounded
    interval: it says nothing, and no comparison with a null can pass on it.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}; got {method!r}")
    if series_set not in SERIES_SETS:
        raise ValueError(f"series_set must be one of {SERIES_SETS}; got {series_set!r}")
    ci = float(require_in_range("ci", ci, 0.0, 1.0, inclusive=False))
    return _series_fits(method, ci, series_set).copy()


# --- Epoch's factors reproduced exactly; the price of the most capable model -----------------------------

EPOCH_OTHER_MODELS = DatasetSpec(
    filename="epoch_llm_price_trends_other_models_2025-03.csv",
    sha256="f16411740fb7a36c3a708ad28ee8e376acdd36730c6097613ef7e2afac4cad38",
    columns={"bench": "str", "threshold_model": "str", "performance_range": "str", "Model Name": "str",
             "Release Date": "date", "USD per 1M Tokens": "float", "benchmark_score": "float"},
    description="Epoch AI LLM price trends: the other models above each earlier frontier (2025-03)",
    n_rows=371,
)

#: Epoch's notebook fits the price on the date in days and reports ``10**(-slope * 365)``.
DAYS_PER_YEAR_EPOCH = 365.0


def _parse_interval(text: str) -> tuple[float, float]:
    low, high = (float(x) for x in str(text).strip("[] ").split(","))
    return low, high


def reproduce_published_factors(ci: float = 0.9) -> pd.DataFrame:
    """Epoch's yearly price reduction factors recomputed from the model rows as Epoch's notebook computes
    them (OLS of ``log10(USD per 1M tokens)`` on the release date in days, factor ``10**(-slope * 365)``, a
    ``ci`` t interval), beside the published values.

    Returns one row per series: ``refit``, ``refit_low``, ``refit_high`` (reduction factors, > 1: prices
    fall), ``published``, ``published_low``, ``published_high`` and ``log_ratio`` (natural log of refit over
    published).
    """
    ci = float(require_in_range("ci", ci, 0.0, 1.0, inclusive=False))
    rows = []
    for (bench, threshold), part in price_series().groupby(["bench", "threshold_model"], sort=False):
        days = np.array([d.toordinal() for d in pd.to_datetime(part["Release Date"])], dtype=float)
        logp = np.log10(part["USD per 1M Tokens"].to_numpy(dtype=float))
        if len(part) < 3 or np.ptp(days) == 0:
            continue
        fit = stats.linregress(days, logp)
        half = float(stats.t.ppf(0.5 + ci / 2, len(part) - 2)) * fit.stderr
        to_factor = lambda s: float(10 ** (-s * DAYS_PER_YEAR_EPOCH))  # noqa: E731
        rows.append({"bench": bench, "threshold_model": threshold, "n": len(part), "refit": to_factor(fit.slope),
                     "refit_low": to_factor(fit.slope + half), "refit_high": to_factor(fit.slope - half)})
    out = pd.DataFrame(rows, columns=["bench", "threshold_model", "n", "refit", "refit_low", "refit_high"])
    pub = published_results()
    bounds = [_parse_interval(t) for t in pub["price_reduction_factor_per_year_90_ci"]]
    pub = pub.assign(published=pub["price_reduction_factor_per_year"], published_low=[b[0] for b in bounds],
                     published_high=[b[1] for b in bounds])
    out = out.merge(pub[["bench", "threshold_model", "published", "published_low", "published_high"]],
                    on=["bench", "threshold_model"], how="left")
    return out.assign(log_ratio=np.log(out["refit"] / out["published"]))


def all_models() -> pd.DataFrame:
    """Every model with a price and a score in Epoch's price data (the cheapest models and the others), one
    row per (benchmark, model), with ``year`` (decimal)."""
    cols = ["bench", "Model Name", "Release Date", "USD per 1M Tokens", "benchmark_score"]
    both = pd.concat([load_csv(EPOCH_PRICE_SERIES)[cols], load_csv(EPOCH_OTHER_MODELS)[cols]], ignore_index=True)
    both = both.drop_duplicates(["bench", "Model Name"]).reset_index(drop=True)
    years = decimal_years(both["Release Date"]) if len(both) else np.array([], dtype=float)
    return both.assign(year=years)


def record_setters(models: pd.DataFrame) -> pd.DataFrame:
    """Per benchmark, the models that were the most capable on release: walking by release date (ties: the
    higher score first), each model whose score beats every earlier one. These are "the newest, most
    capable models" whose price a user of the frontier pays."""
    require_instance("models", models, pd.DataFrame)
    need = {"bench", "year", "benchmark_score", "USD per 1M Tokens"}
    if not need <= set(models.columns):
        raise ValueError(f"models must have columns {sorted(need)}; got {sorted(models.columns)}")
    keep = []
    for _, part in models.sort_values(["year", "benchmark_score"], ascending=[True, False]).groupby("bench", sort=False):
        best = -np.inf
        for idx, score in zip(part.index, part["benchmark_score"]):
            if score > best:
                best = score
                keep.append(idx)
    return models.loc[keep].sort_values(["bench", "year"]).reset_index(drop=True)


@lru_cache(maxsize=8)
def _frontier_fits(method: str, ci: float) -> pd.DataFrame:
    rows = []
    for bench, part in record_setters(all_models()).groupby("bench", sort=False):
        factor, low, high = _fit(part["year"].to_numpy(), np.log10(part["USD per 1M Tokens"].to_numpy()), method, ci)
        rows.append({"bench": bench, "n": len(part), "first_usd": float(part["USD per 1M Tokens"].iloc[0]),
                     "last_usd": float(part["USD per 1M Tokens"].iloc[-1]), "factor": factor,
                     "factor_low": low, "factor_high": high})
    return pd.DataFrame(rows, columns=["bench", "n", "first_usd", "last_usd", "factor", "factor_low", "factor_high"])


def frontier_price_fits(method: str = "ols", ci: float = 0.9) -> pd.DataFrame:
    """Per benchmark, the yearly multiplier of the price of the most capable model at its release
    (``factor`` > 1: the newest frontier models get dearer), its ``ci`` interval, ``n`` record-setting
    models, and the first and last of their prices (USD per million tokens)."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}; got {method!r}")
    ci = float(require_in_range("ci", ci, 0.0, 1.0, inclusive=False))
    return _frontier_fits(method, ci).copy()
