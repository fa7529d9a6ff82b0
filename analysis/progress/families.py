"""Returns to model size within families, with mixture-of-experts models handled explicitly (chapter "Is
progress slowing?", claims PR-6 and PR-18).

Ruan et al.'s file of base models gives one "Model Size (B)" per model, and for mixture-of-experts (MoE) models it
mixes readings: Mixtral-8x7B is filed near its total (45B of 46.7B), Mixtral-8x22B at its active count (39B of
141B), DeepSeek-V2 at its active 21B of 236B. :data:`MOE_PARAMS_B` gives both counts, so a band of model sizes
can be read with active parameters, total parameters, or as filed.

* :func:`base_table`: the base models with a chosen reading of MoE sizes and the measure in points;
* :func:`band_gain`: points per tenfold parameters inside one band of sizes, pooled or within families, with a
  bootstrap interval (as filed, identical to :func:`analysis.other_side.obsscaling.band_gains`' lower band);
* :func:`within_family_steps`: each family's gain per tenfold parameters from one size to the next.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.house.validation import checked_cache, require_choice, require_in_range, require_int, require_positive
from analysis.other_side import obsscaling

#: Active and total parameters (billions) of the MoE models in Ruan et al.'s file, from their developers' papers
#: and announcements: Mixtral-8x7B 12.9 of 46.7 (Mistral AI, "Mixtral of experts", Dec 2023); Mixtral-8x22B 39
#: of 141 (Mistral AI, Apr 2024); DeepSeek-V2 and DeepSeek-Coder-V2 21 of 236 (arXiv 2405.04434, 2406.11931);
#: Qwen2-57B-A14B 14 of 57 (its name; Qwen2 report arXiv 2407.10671); DeepSeekMoE-16B 2.8 of 16.4 (arXiv
#: 2401.06066); Jamba-v0.1 12 of 52 (arXiv 2403.19887; checked in a stored summary of the paper). Not re-read at
#: the source this session except Jamba.
MOE_PARAMS_B = {
    "mistralai/Mixtral-8x7B-v0.1": (12.9, 46.7),
    "mistralai/Mixtral-8x22B-v0.1": (39.0, 141.0),
    "deepseek-ai/DeepSeek-V2": (21.0, 236.0),
    "deepseek-ai/DeepSeek-Coder-V2-Base": (21.0, 236.0),
    "Qwen/Qwen2-57B-A14B": (14.0, 57.0),
    "deepseek-ai/deepseek-moe-16b-base": (2.8, 16.4),
    "ai21labs/Jamba-v0.1": (12.0, 52.0),
}
#: How MoE sizes are read: as Ruan et al. filed them, active parameters, total parameters, or MoE models left out.
MOE_READINGS = ("as filed", "active", "total", "drop")
MEASURES = {"rcf": obsscaling.RCF_BENCHMARKS, "rf": ("GSM8K", "MMLU")}


def base_table(measure: str = "rcf", moe: str = "as filed") -> pd.DataFrame:
    """Base models with the measure (mean of its benchmarks, points): ``model``, ``family``, ``params``
    (parameters under the ``moe`` reading), ``points``, ``moe`` (bool)."""
    cols = list(MEASURES[require_choice("measure", measure, tuple(MEASURES))])
    moe = require_choice("moe", moe, MOE_READINGS)
    b = obsscaling.load_base_models().dropna(subset=cols + ["params"])
    is_moe = b["Model"].isin(list(MOE_PARAMS_B)).to_numpy()
    params = b["params"].to_numpy(float).copy()
    if moe in ("active", "total"):
        k = 0 if moe == "active" else 1
        params[is_moe] = [MOE_PARAMS_B[m][k] * 1e9 for m in b.loc[is_moe, "Model"]]
    out = pd.DataFrame({"model": b["Model"].astype(str).to_numpy(), "family": b["Model Family"].astype(str).to_numpy(),
                        "params": params, "points": 100 * b[cols].mean(axis=1).to_numpy(), "moe": is_moe})
    return out[~out["moe"]].reset_index(drop=True) if moe == "drop" else out


def _slope(x, y, g, method) -> float:
    if method == "family":
        codes = pd.factorize(g)[0]
        keep = np.bincount(codes)[codes] > 1
        if keep.sum() < 2:
            return 0.0
        c, x, y = codes[keep], x[keep], y[keep]
        n = np.bincount(c)
        m = n > 0
        mx, my = np.zeros(n.size), np.zeros(n.size)
        mx[m] = np.bincount(c, weights=x)[m] / n[m]
        my[m] = np.bincount(c, weights=y)[m] / n[m]
        dx, dy = x - mx[c], y - my[c]
        sxx = float((dx * dx).sum())
        return float((dx * dy).sum() / sxx) if sxx > 0 else 0.0
    return float(np.polyfit(x, y, 1)[0]) if x.size >= 2 and np.ptp(x) > 0 else 0.0


@dataclass(frozen=True)
class BandGain:
    """Points per tenfold parameters inside one band of model sizes, with a bootstrap interval."""

    gain: float
    low: float
    high: float
    n_models: int
    n_moe: int
    n_families: int


@checked_cache(maxsize=64)
def band_gain(measure: str = "rcf", lo: float = 1e10, hi: float = 1e11, *, method: str = "pooled",
              moe: str = "as filed", n_boot: int = 300, seed: int = 0, level: float = 0.9) -> BandGain:
    """Points per tenfold parameters of the measure over the base models with ``lo <= params < hi``.

    Parameters
    ----------
    measure : {"rcf", "rf"}
        Mean of GSM8K, HumanEval and MMLU, or of GSM8K and MMLU.
    lo, hi : float
        The band (parameters).
    method : {"pooled", "family"}
        One least-squares line, or within families (each family's mean removed).
    moe : {"as filed", "active", "total", "drop"}
        How mixture-of-experts sizes are read (:data:`MOE_PARAMS_B`).
    n_boot, seed, level : int, int, float
        Bootstrap over the band's models.
    """
    lo, hi = float(require_positive("lo", lo)), float(require_positive("hi", hi))
    if not lo < hi:
        raise ValueError(f"lo must be below hi; got {lo!r}, {hi!r}")
    method = require_choice("method", method, obsscaling.BAND_METHODS)
    n_boot = require_int("n_boot", n_boot, minimum=20, maximum=100_000)
    seed = require_int("seed", seed, minimum=0)
    level = float(require_in_range("level", level, 0.5, 0.99))
    t = base_table(measure, moe)
    x = np.log10(t["params"].to_numpy(float))
    inband = (x >= np.log10(lo)) & (x < np.log10(hi))
    x, y, g = x[inband], t["points"].to_numpy(float)[inband], t["family"].to_numpy()[inband]
    if x.size < 2:
        return BandGain(0.0, 0.0, 0.0, int(x.size), 0, int(np.unique(g).size))
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n_boot):
        i = rng.integers(0, x.size, x.size)
        if np.ptp(x[i]) > 0:
            draws.append(_slope(x[i], y[i], g[i], method))
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    low, high = np.percentile(draws if draws else [0.0], q)
    return BandGain(_slope(x, y, g, method), float(low), float(high), int(x.size),
                    int(t["moe"].to_numpy()[inband].sum()), int(np.unique(g).size))


def within_family_steps(measure: str = "rcf", moe: str = "active", min_params: float = 5e9) -> pd.DataFrame:
    """Each family's step from one model size to the next (sizes of at least ``min_params``; the best model
    of a size): ``family``, ``from``, ``to`` (models), ``params_from``, ``params_to``, ``points_per_decade``."""
    min_params = float(require_positive("min_params", min_params))
    t = base_table(measure, moe)
    t = t[t["params"] >= min_params].sort_values("points").groupby(["family", "params"], as_index=False).last()
    rows = []
    for fam, f in t.sort_values("params").groupby("family"):
        f = f.sort_values("params")
        for a, b in zip(f.iloc[:-1].itertuples(), f.iloc[1:].itertuples()):
            rows.append({"family": fam, "from": a.model, "to": b.model, "params_from": a.params, "params_to": b.params,
                         "points_per_decade": (b.points - a.points) / np.log10(b.params / a.params)})
    return pd.DataFrame(rows)
