"""Counterfactual worlds of the test-time compute chapter (issue 23): transforms of the real data files under
which an article's sentence is plainly true or plainly false.

Each function takes a copy of the real table, as :func:`analysis.house.data.world` hands it over, and returns
the world's table; the claims module names the worlds and the verdict a fair reader would give in each.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Data files the worlds transform (the keys of a world's ``data``).
MONKEYS_FILE = "large_language_monkeys_per_problem_correct_counts.csv"
RUAN_FILE = "ruan2024_obsscaling_base_llm_benchmark_eval.csv"
EPOCH_MODELS_FILE = "epoch_ai_models_snapshot_2025-06.csv"

#: Benchmark columns of Ruan et al.'s table (fractions correct).
RUAN_BENCHMARKS = ("MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "GSM8K", "XWinograd", "HumanEval")


# --- Brown et al.'s counts ---------------------------------------------------------------------------

def samples_agree(frame: pd.DataFrame) -> pd.DataFrame:
    """Every sample of a problem gives the same outcome: a problem solved at least once is solved by every
    sample, the others by none (resampling then finds nothing a first sample did not)."""
    return frame.assign(num_correct=np.where(frame["num_correct"] > 0, frame["num_samples"], 0))


def more_right_samples(factor: float = 3.0):
    """A transform: ``factor`` times as many correct samples per problem (capped at all of them)."""
    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        more = np.minimum(np.round(frame["num_correct"] * factor), frame["num_samples"]).astype("int64")
        return frame.assign(num_correct=more)
    return transform


# --- Ruan et al.'s base models -----------------------------------------------------------------------

def curated_small_models(families: tuple[str, ...], how: str, size_ratio: float = 10.0, points: float = 20.0):
    """A transform of Ruan et al.'s table for the models of ``families``: ``how="rival"`` gives each of them, on
    every benchmark, the best score of any model at least ``size_ratio`` times its size; ``how="trail"``
    lowers its scores by ``points`` percentage points (floor 0)."""
    if how not in ("rival", "trail"):
        raise ValueError(f"how must be 'rival' or 'trail'; got {how!r}")

    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        size = out["Model Size (B)"].to_numpy(float)
        for i in np.flatnonzero(out["Model Family"].isin(families).to_numpy()):
            for b in RUAN_BENCHMARKS:
                if how == "trail":
                    out.loc[out.index[i], b] = max(out[b].iloc[i] - points / 100, 0.0)
                    continue
                larger = out.loc[size >= size_ratio * size[i], b].dropna()
                if len(larger):
                    out.loc[out.index[i], b] = float(larger.max())
        return out
    return transform


# --- Epoch AI's models ---------------------------------------------------------------------------------

def training_capped_after(date: str, factor: float = 1.0):
    """A transform: every model published on or after ``date`` has its training compute capped at ``factor``
    times the largest published before it (training runs stop growing)."""
    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        when = pd.to_datetime(out["Publication date"])
        col = "Training compute (FLOP)"
        cap = float(pd.to_numeric(out.loc[when < pd.Timestamp(date), col]).max()) * factor
        later = when >= pd.Timestamp(date)
        out.loc[later, col] = np.minimum(pd.to_numeric(out.loc[later, col]), cap)
        return out
    return transform


def training_scaled_after(date: str, factor: float):
    """A transform: the training compute of every model published on or after ``date`` times ``factor``."""
    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        later = pd.to_datetime(out["Publication date"]) >= pd.Timestamp(date)
        col = "Training compute (FLOP)"
        out.loc[later, col] = pd.to_numeric(out.loc[later, col]) * factor
        return out
    return transform
