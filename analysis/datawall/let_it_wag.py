"""Udandarao et al. (2024), "No 'Zero-Shot' Without Exponential Data" (bibtex ``udandarao2024zeroshot``),
Section 6, "Testing the Tail: Let It Wag!": 40 image-text (CLIP-style) models scored on ImageNet and on the
long-tail test set the authors built from 290 of the rarest concepts in their pretraining datasets (130K images).

Source of the figures: the authors' repository github.com/bethgelab/frequency_determines_performance,
notebook ``notebooks/let_it_wag_eval.ipynb`` (commit 742beef), output of cell 7, which lists (backbone,
pretraining data, ImageNet accuracy, Let It Wag! accuracy) for the 40 models plotted in the paper's Let It
Wag! figure (saved there as ``eccv-paper-let-it-wag-eval``); the Let It Wag! accuracies are the "full" entries of
``let_it_wag_datasets/evaluations/let_it_wag_ensemble_results.json`` (the two agree, e.g. RN50 on CC-3M 3.74 %).
For 20 of the models the notebook takes ImageNet accuracy from open_clip's published results table, as its
own comment says. Size classes are the notebook's labels of each backbone. Accuracies are zero-shot top-1,
in per cent, rounded here to 0.01 (ImageNet as printed).

These are image-text classifiers, not language models: they test seed 004's sentence about common and rare
concepts only for the kind of model the cited paper studies.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.house.validation import require_choice, require_in_range, require_number, require_text


@dataclass(frozen=True)
class TailRow:
    """One model of the Let It Wag! evaluation.

    Attributes
    ----------
    backbone : str
        Image encoder (open_clip name), e.g. ``"ViT-B-32"``.
    pretraining : str
        Pretraining dataset, as the notebook names it (``"laion2b"``, ``"openai"`` for OpenAI's WIT, ...).
    size_class : str
        The notebook's size label of the backbone's model (one of :data:`SIZE_CLASSES`).
    imagenet_pct : float
        Zero-shot ImageNet top-1 accuracy (%).
    let_it_wag_pct : float
        Zero-shot top-1 accuracy on Let It Wag! (%).
    """

    backbone: str
    pretraining: str
    size_class: str
    imagenet_pct: float
    let_it_wag_pct: float

    def __post_init__(self) -> None:
        require_choice("size_class", self.size_class, SIZE_CLASSES)
        for name in ("imagenet_pct", "let_it_wag_pct"):
            require_in_range(f"{name} ({self.backbone}, {self.pretraining})", getattr(self, name), 0.0, 100.0)


#: Size classes of the notebook, smallest first.
SIZE_CLASSES = ("<200M", "200M-500M", "500M-1B", ">1B")

#: The 40 models of the Let It Wag! figure (see the module docstring for the source).
LET_IT_WAG = (
    TailRow("RN101", "openai", "<200M", 62.28, 31.89),
    TailRow("RN101", "yfcc15m", "<200M", 34.046, 15.2),
    TailRow("RN50", "cc12m", "<200M", 33.144, 8.92),
    TailRow("RN50", "cc3m", "<200M", 20.094, 3.74),
    TailRow("RN50", "openai", "<200M", 59.82, 31.93),
    TailRow("RN50", "yfcc15m", "<200M", 31.888, 13.15),
    TailRow("SO400M", "siglip", "500M-1B", 83.44, 67.32),
    TailRow("ViT-B-16", "cc12m", "<200M", 37.392, 11.49),
    TailRow("ViT-B-16", "cc3m", "<200M", 17.106, 3.01),
    TailRow("ViT-B-16", "commonpool", "<200M", 57.77, 20.97),
    TailRow("ViT-B-16", "datacomp", "<200M", 73.484, 52.9),
    TailRow("ViT-B-16", "dfn", "<200M", 76.24, 56.59),
    TailRow("ViT-B-16", "laion2b", "<200M", 70.22, 44.21),
    TailRow("ViT-B-16", "laion400m", "<200M", 67.028, 39.14),
    TailRow("ViT-B-16", "metaclip2.5b", "<200M", 72.12, 49.32),
    TailRow("ViT-B-16", "metaclip400m", "<200M", 70.8, 46.51),
    TailRow("ViT-B-16", "openai", "<200M", 68.34, 37.86),
    TailRow("ViT-B-16", "siglip", "<200M", 78.49, 54.64),
    TailRow("ViT-B-16", "synthci30m", "<200M", 30.67, 9.15),
    TailRow("ViT-B-16", "yfcc15m", "<200M", 37.884, 19.25),
    TailRow("ViT-B-32", "commonpool", "<200M", 23.04, 7.73),
    TailRow("ViT-B-32", "datacomp", "<200M", 69.18, 46.91),
    TailRow("ViT-B-32", "laion2b", "<200M", 66.558, 41.79),
    TailRow("ViT-B-32", "laion400m", "<200M", 60.238, 32.89),
    TailRow("ViT-B-32", "metaclip2.5b", "<200M", 67.66, 43.84),
    TailRow("ViT-B-32", "metaclip400m", "<200M", 65.58, 40.5),
    TailRow("ViT-B-32", "openai", "<200M", 63.32, 33.52),
    TailRow("ViT-H-14", "dfn", "500M-1B", 83.44, 71.92),
    TailRow("ViT-H-14", "laion2b", "500M-1B", 77.928, 58.98),
    TailRow("ViT-H-14", "metaclip2.5b", "500M-1B", 80.51, 62.6),
    TailRow("ViT-L-14", "commonpool", "200M-500M", 76.37, 46.96),
    TailRow("ViT-L-14", "datacomp", "200M-500M", 79.21, 63.04),
    TailRow("ViT-L-14", "laion2b", "200M-500M", 75.254, 51.03),
    TailRow("ViT-L-14", "laion400m", "200M-500M", 72.746, 46.59),
    TailRow("ViT-L-14", "metaclip2.5b", "200M-500M", 79.17, 57.48),
    TailRow("ViT-L-14", "metaclip400m", "200M-500M", 76.2, 52.78),
    TailRow("ViT-L-14", "openai", "200M-500M", 75.54, 45.32),
    TailRow("ViT-L-16", "siglip", "500M-1B", 82.07, 61.51),
    TailRow("ViT-bigG-14", "laion2b", ">1B", 80.094, 63.54),
    TailRow("ViT-g-14", "laion2b", ">1B", 78.46, 59.02),
)

#: The one pretraining set with models in every size class, and its smallest and largest backbones.
SCALE_SERIES_DATA = "laion2b"
SCALE_SERIES_SMALLEST = "ViT-B-32"
SCALE_SERIES_LARGEST = "ViT-bigG-14"


def rows(pretraining: str | None = None) -> tuple[TailRow, ...]:
    """The models of :data:`LET_IT_WAG`, optionally only those trained on ``pretraining``."""
    if pretraining is None:
        return LET_IT_WAG
    require_choice("pretraining", pretraining, sorted({r.pretraining for r in LET_IT_WAG}))
    return tuple(r for r in LET_IT_WAG if r.pretraining == pretraining)


def model(backbone: str, pretraining: str) -> TailRow:
    """The row of one model (backbone and pretraining data)."""
    return _model(backbone, require_text("pretraining", pretraining))


def _model(backbone, pretraining, name: str = "backbone") -> TailRow:
    found = [r for r in rows(pretraining) if r.backbone == backbone]
    if not found:
        raise ValueError(f"{name} must be one of {sorted(r.backbone for r in rows(pretraining))} for "
                         f"pretraining {pretraining!r}; got {backbone!r}")
    return found[0]


def _check_models(models) -> tuple[TailRow, ...]:
    if not isinstance(models, (tuple, list)) or not all(isinstance(r, TailRow) for r in models):
        raise ValueError(f"models must be a tuple of TailRow; got {models!r:.60}")
    if not models:
        raise ValueError("models needs at least 1 model; got 0")
    return tuple(models)


def tail_gaps_points(models: tuple[TailRow, ...] = LET_IT_WAG) -> np.ndarray:
    """ImageNet accuracy minus Let It Wag! accuracy for each model (percentage points; positive: the rare
    concepts are harder)."""
    return np.array([r.imagenet_pct - r.let_it_wag_pct for r in _check_models(models)], dtype=float)


def share_tail_harder(models: tuple[TailRow, ...] = LET_IT_WAG) -> float:
    """Share of ``models`` that are less accurate on Let It Wag! than on ImageNet."""
    return float(np.mean(tail_gaps_points(models) > 0))


def scale_gains_points(pretraining: str = SCALE_SERIES_DATA, small: str = SCALE_SERIES_SMALLEST,
                       large: str = SCALE_SERIES_LARGEST) -> tuple[float, float]:
    """Gains from the ``small`` to the ``large`` backbone on the same pretraining data: (ImageNet gain,
    Let It Wag! gain), in percentage points."""
    pretraining = require_text("pretraining", pretraining)
    a, b = _model(small, pretraining, "small"), _model(large, pretraining, "large")
    if SIZE_CLASSES.index(b.size_class) <= SIZE_CLASSES.index(a.size_class):
        raise ValueError(f"large must be in a larger size class than small; got {large!r} ({b.size_class}) and "
                         f"{small!r} ({a.size_class})")
    return b.imagenet_pct - a.imagenet_pct, b.let_it_wag_pct - a.let_it_wag_pct


def tail_slope(models: tuple[TailRow, ...] = LET_IT_WAG, min_imagenet_pct: float = 50.0) -> float:
    """Least-squares slope of Let It Wag! accuracy on ImageNet accuracy over the models above
    ``min_imagenet_pct`` (points of tail accuracy per point of ImageNet accuracy; above 1, the tail gains faster).
    The authors' notebook fits the same line above and below 50 %."""
    threshold = require_number("min_imagenet_pct", min_imagenet_pct)
    chosen = [r for r in _check_models(models) if r.imagenet_pct > threshold]
    if len(chosen) < 2:
        raise ValueError(f"min_imagenet_pct leaves {len(chosen)} models; need at least 2; got {min_imagenet_pct!r}")
    x = np.array([r.imagenet_pct for r in chosen])
    y = np.array([r.let_it_wag_pct for r in chosen])
    return float(np.polyfit(x, y, 1)[0])
