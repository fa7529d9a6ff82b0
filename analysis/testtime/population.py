"""How often small models trained on curated data rival models ten times their size (seed 000's "often"),
counted over a stated population: Ruan et al.'s (2024) open base models (``ruan2024observational``).

The population is every pair (small, large) of models in Ruan et al.'s evaluation table in which the small
model belongs to a family whose makers describe its pre-training data as curated or synthetic
"textbook-quality" text, and the large model has at least ``size_ratio`` times its parameters. A pair counts
when the small model scores within ``tolerance`` percentage points of the large one (or above it) on one
benchmark. Which families count as "trained on curated data", which benchmark and what "rival" means are the
analyst's choices (the claim's multiverse).
"""

from __future__ import annotations

import numpy as np

from analysis.other_side import obsscaling
from analysis.house.validation import require_finite, require_in_range

#: Families of Ruan et al.'s table whose pre-training data their makers describe as curated or synthetic:
#: Phi (phi-1.5, phi-2: "textbook-quality" web and synthetic data; Gunasekar et al. 2023 and successors) and
#: SmolLM (SmolLM-Corpus: synthetic textbooks and educational web pages).
CURATED_FAMILIES = {"phi": ("Phi",), "phi+smollm": ("Phi", "SmolLM")}
BENCHMARKS = ("MMLU", "ARC-C", "HellaSwag", "Winograd", "GSM8K", "HumanEval")


def rival_pairs(population: str = "phi", benchmark: str = "MMLU", tolerance: float = 5.0,
                size_ratio: float = 10.0) -> dict:
    """Pairs (curated small model, model at least ``size_ratio`` times larger) scored on ``benchmark`` in Ruan et
    al.'s table, and how many of them the small model rivals (within ``tolerance`` points, or above).

    Returns
    -------
    dict
        ``pairs``, ``rivalled``, ``small_models`` (curated models with at least one pair), ``median_gap_points``
        (large minus small, over the pairs; 0 with no pairs).
    """
    if population not in CURATED_FAMILIES:
        raise ValueError(f"population must be one of {sorted(CURATED_FAMILIES)}; got {population!r}")
    if benchmark not in BENCHMARKS:
        raise ValueError(f"benchmark must be one of {BENCHMARKS}; got {benchmark!r}")
    tolerance = float(require_in_range("tolerance", tolerance, 0.0, 100.0))
    size_ratio = float(require_finite("size_ratio", size_ratio))
    if size_ratio <= 1:
        raise ValueError(f"size_ratio must exceed 1; got {size_ratio!r}")
    frame = obsscaling.load_base_models()
    frame = frame.dropna(subset=[benchmark])
    size = frame["Model Size (B)"].to_numpy(float)
    score = 100 * frame[benchmark].to_numpy(float)
    small = np.flatnonzero(frame["Model Family"].isin(CURATED_FAMILIES[population]).to_numpy())
    gaps = [score[j] - score[i] for i in small for j in np.flatnonzero(size >= size_ratio * size[i])]
    gaps = np.asarray(gaps, dtype=float)
    return {"pairs": float(gaps.size), "rivalled": float((gaps <= tolerance).sum()),
            "small_models": float(sum(bool((size >= size_ratio * size[i]).any()) for i in small)),
            "median_gap_points": float(np.median(gaps)) if gaps.size else 0.0}
