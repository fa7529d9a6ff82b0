"""Counterfactual worlds of the data-wall chapter: transforms of the real data files its claims read, each
one a world a reader recognises (training sets ten times larger; loss exactly linear in the logarithm of
fresh data; repeated data as good as fresh; training sets growing no faster than the web).

Each function takes a copy of the real table (as :func:`analysis.house.data.load_csv` returns it: typed
columns) and returns the world's table with the same columns; the ledger swaps it in for the real one
(:func:`analysis.house.data.world`) and runs the whole pipeline again. Part of the data-wall chapter.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.datawall import data_constrained as dc
from analysis.house.data import decimal_years
from analysis.house.validation import require_positive

#: The data files the worlds transform (their ``DatasetSpec.filename``).
RUNS = dc.DATABLATIONS_RUNS.filename
EPOCH = "epoch_ai_models_snapshot_2025-06.csv"
SIZES = "villalobos2024_dataset_sizes.csv"

_EPOCH_TOKENS = "Training dataset size (datapoints)"
_EPOCH_COMPUTE = "Training compute (FLOP)"


# --- The Epoch AI snapshot: training sets and compute -----------------------------------------------

def scale_training_sets(factor: float):
    """Every training set in the Epoch snapshot ``factor`` times its real size."""
    factor = float(require_positive("factor", factor))

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(**{_EPOCH_TOKENS: frame[_EPOCH_TOKENS] * factor})

    return transform


def scale_training_compute(factor: float):
    """Every training compute in the Epoch snapshot ``factor`` times its real value."""
    factor = float(require_positive("factor", factor))

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(**{_EPOCH_COMPUTE: frame[_EPOCH_COMPUTE] * factor})

    return transform


# --- Villalobos et al.'s training-set sizes: the growth rate ----------------------------------------

def retrend_training_sets(growth_per_year: float):
    """Training-set sizes (Villalobos et al.'s file) re-trended to grow ``growth_per_year`` a year: each
    model keeps its scatter about the fitted trend and its size in 2024, the trend's slope is replaced."""
    g = float(require_positive("growth_per_year", growth_per_year))

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        t = decimal_years(frame["date"]) - 2024.0
        y = np.log10(frame["dataset"].to_numpy(dtype=float))
        recent = frame["date"].to_numpy() > np.datetime64("2010-01-01")
        slope = np.polyfit(t[recent], y[recent], 1)[0]
        return frame.assign(dataset=10.0 ** (y + (np.log10(g) - slope) * t))

    return transform


# --- Muennighoff et al.'s 182 runs --------------------------------------------------------------------

def _single_epoch(frame: pd.DataFrame) -> np.ndarray:
    return np.isclose(frame["tokens_billions"], frame["unique_tokens_billions"], rtol=1e-9)


def fresh_loss_log_linear(start: float = 7.0, per_decade: float = 1.0):
    """Single-epoch runs whose loss is exactly linear in log10 fresh tokens: ``start`` nats at 1e8 tokens,
    ``per_decade`` nats less for each tenfold more (whatever the model size)."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        one = _single_epoch(frame)
        d = frame["tokens_billions"].to_numpy(dtype=float) * 1e9
        loss = frame["val_loss"].to_numpy(dtype=float).copy()
        loss[one] = start - per_decade * np.log10(d[one] / 1e8)
        return frame.assign(val_loss=loss)

    return transform


def fresh_loss_linear(start: float = 7.0, end: float = 2.5, at_tokens: float = 1.78e11):
    """Single-epoch runs whose loss falls linearly in fresh tokens: from ``start`` nats at no data to
    ``end`` at ``at_tokens`` tokens (every extra token buys the same gain)."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        one = _single_epoch(frame)
        d = frame["tokens_billions"].to_numpy(dtype=float) * 1e9
        loss = frame["val_loss"].to_numpy(dtype=float).copy()
        loss[one] = start - (start - end) * d[one] / at_tokens
        return frame.assign(val_loss=loss)

    return transform


def _least_repeated_twin(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """For each run, the loss and unique tokens of the run with the same parameters and tokens that has
    the most unique tokens (the least repeated of the group; itself when it is that run)."""
    key = ["params_billions", "tokens_billions"]
    best = frame.loc[frame.groupby(key)["unique_tokens_billions"].idxmax(), key + ["val_loss", "unique_tokens_billions"]]
    merged = frame[key].merge(best, on=key, how="left")
    return merged["val_loss"].to_numpy(dtype=float), merged["unique_tokens_billions"].to_numpy(dtype=float)


def repetition_free():
    """Repeated data exactly as good as fresh: every run gets the loss of its least repeated twin (same
    parameters and tokens)."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        twin_loss, _ = _least_repeated_twin(frame)
        return frame.assign(val_loss=twin_loss)

    return transform


def repetition_costs(per_doubling: float = 0.02):
    """Repetition with a plain cost: every run's loss is its least repeated twin's, raised by
    ``per_doubling`` (a fraction) for each doubling of how often it repeats its data relative to the twin."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        twin_loss, twin_u = _least_repeated_twin(frame)
        u = frame["unique_tokens_billions"].to_numpy(dtype=float)
        return frame.assign(val_loss=twin_loss * (1 + per_doubling * np.log2(twin_u / u)))

    return transform


def more_epochs_never_hurt():
    """Within each group of equal parameters and unique data, the loss made non-increasing in tokens (its
    running minimum): another pass over the same data never makes a model worse."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        order = out.sort_values("tokens_billions").index
        grouped = out.loc[order].groupby(["params_billions", "unique_tokens_billions"])["val_loss"].cummin()
        out.loc[grouped.index, "val_loss"] = grouped
        return out

    return transform


def last_epochs_hurt(rise: float = 0.10):
    """Within each group of equal parameters and unique data, the most trained run ends ``rise`` (a
    fraction) above the run before it."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        for _, f in out.sort_values("tokens_billions").groupby(["params_billions", "unique_tokens_billions"]):
            if len(f) >= 2:
                out.loc[f.index[-1], "val_loss"] = f["val_loss"].iloc[-2] * (1 + rise)
        return out

    return transform


def repetition_penalty_removed():
    """Each run's loss divided by the penalty that Muennighoff et al.'s published law assigns to its
    repeats (its loss with D unique tokens over its loss with U): the real runs, with repeated data made
    as good as fresh and the rest of their scatter kept."""

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        n = frame["params_billions"].to_numpy(dtype=float) * 1e9
        d = frame["tokens_billions"].to_numpy(dtype=float) * 1e9
        u = frame["unique_tokens_billions"].to_numpy(dtype=float) * 1e9
        factor = dc.data_constrained_loss(n, d, d) / dc.data_constrained_loss(n, d, u)
        return frame.assign(val_loss=frame["val_loss"].to_numpy(dtype=float) * factor)

    return transform
