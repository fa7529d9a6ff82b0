"""Test-time compute as a lever at the frontier: reasoning ("thinking") releases against their non-reasoning
siblings at (nearly) the same training compute, in Epoch AI's Capabilities Index (ECI, the file the progress
chapter reads; :mod:`analysis.progress.frontier`).

A pair's ECI gain, less what its small difference in training compute would buy at the frontier's slope
(ECI points per decade of training compute among the models above the median compute, from
:func:`analysis.progress.compute_returns.compute_elasticity`), is converted into the decades of training
compute that would have bought the same gain. Few such pairs exist: most reasoning models have no sibling
released without reasoning, and for hybrid models Epoch's file gives every reasoning setting one score.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.house.data import load_csv
from analysis.house.validation import checked_cache, require_choice
from analysis.progress.compute_returns import compute_elasticity
from analysis.progress.frontier import ECI_SNAPSHOT, load_eci


@dataclass(frozen=True)
class Pair:
    """A reasoning release and its non-reasoning sibling (``Model version`` names of the ECI file)."""

    thinking: str
    instruct: str
    why: str


#: The pairs: same base model, one released with reasoning trained in by RL, one without. Read from the model
#: names and descriptions of Epoch's file and the makers' model cards (Qwen3-235B-A22B 2507 was released as a
#: Thinking and an Instruct model on one date; DeepSeek-R1 and R1-0528 are RL-trained from DeepSeek-V3-Base;
#: Kimi K2 Thinking is trained from Kimi K2).
PAIRS = (
    Pair("Qwen3-235B-A22B-Thinking-2507", "Qwen3-235B-A22B-Instruct-2507", "one base, released the same day"),
    Pair("DeepSeek-R1", "DeepSeek-V3", "R1 is RL-trained from V3's base"),
    Pair("DeepSeek-R1-0528", "DeepSeek-V3-0324", "both updates of the V3 base, with and without reasoning"),
    Pair("kimi-k2-thinking", "Kimi-K2-Instruct-0905", "K2 Thinking is trained further from K2"),
)

#: Which pairs count: the one at identical recorded compute, or every pair with the compute difference priced.
POPULATIONS = ("equal compute", "all pairs")


@checked_cache(maxsize=8)
def pair_table(population: str = "all pairs", n_boot: int = 300) -> pd.DataFrame:
    """ECI gain of each reasoning release over its sibling, in ECI points and in decades of training compute.

    Parameters
    ----------
    population : {"equal compute", "all pairs"}
        Only pairs whose recorded training compute is identical, or every pair of :data:`PAIRS`.
    n_boot : int
        Bootstrap resamples of the frontier's slope (passed to ``compute_elasticity``).

    Returns
    -------
    pandas.DataFrame
        One row per pair: ``thinking``, ``instruct``, ``eci_thinking``, ``eci_instruct``, ``gain_eci``,
        ``compute_ratio`` (thinking over instruct training compute), ``adjusted_gain_eci`` (the gain less the
        slope times the compute difference in decades), ``decades`` and its ``decades_low``/``decades_high``
        (from the slope's interval), ``slope`` (ECI per decade).
    """
    population = require_choice("population", population, POPULATIONS)
    slope = compute_elasticity(n_boot=n_boot)
    eci = load_eci("all").set_index("model")
    rows = []
    for p in PAIRS:
        if p.thinking not in eci.index or p.instruct not in eci.index:
            continue
        t, i = eci.loc[p.thinking], eci.loc[p.instruct]
        ratio = float(t["compute_flop"] / i["compute_flop"])
        if not np.isfinite(ratio) or (population == "equal compute" and ratio != 1.0):
            continue
        gain = float(t["eci"] - i["eci"])
        adjusted = gain - slope.upper * np.log10(ratio)
        rows.append({"thinking": p.thinking, "instruct": p.instruct, "why": p.why, "eci_thinking": float(t["eci"]),
                     "eci_instruct": float(i["eci"]), "gain_eci": gain, "compute_ratio": ratio,
                     "compute_flop": float(i["compute_flop"]), "adjusted_gain_eci": float(adjusted),
                     "slope": slope.upper, "decades": float(adjusted / slope.upper),
                     "decades_low": float(adjusted / slope.upper_high),
                     "decades_high": float(adjusted / slope.upper_low)})
    return pd.DataFrame(rows)


#: A model version named for a reasoning setting: a thinking budget ("_16K"), an effort ("_high"), or "thinking".
SETTING_PATTERN = r"(?:_\d+K\b|_(?:x?high|medium|low|none|minimal)\b|thinking)"


def merged_settings() -> int:
    """Models of Epoch's file evaluated at several reasoning settings that all share one ECI score (they cannot
    be paired: the file scores the model, not the setting)."""
    raw = load_csv(ECI_SNAPSHOT).dropna(subset=["ECI Score"])
    names = raw["Model version"].astype(str) + " " + raw["Display name"].fillna("").astype(str)
    raw = raw.assign(setting=names.str.contains(SETTING_PATTERN, case=False, regex=True))
    merged = 0
    for _, g in raw.groupby("Model name"):
        if g["Model version"].nunique() >= 2 and g["setting"].any() and g["ECI Score"].nunique() == 1:
            merged += 1
    return merged
