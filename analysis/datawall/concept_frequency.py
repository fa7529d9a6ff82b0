"""Published figures of Udandarao et al. (2024), "No 'Zero-Shot' Without Exponential Data: Pretraining
Concept Frequency Determines Multimodal Model Performance", NeurIPS 2024, arXiv:2404.04125 (bibtex
``udandarao2024zeroshot``). Seed 004's concept-frequency sentences come from this paper; it studies
image-text models (CLIP-style classifiers and retrievers) and text-to-image generators, not language
models, so the book tests those sentences as literature claims against these figures. No data file of
the paper is copied here (its artefacts are over 300 GB).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UdandaraoPublished:
    """What the paper reports, with where.

    Attributes
    ----------
    n_models : int
        Models studied (abstract: "34 models").
    n_pretraining_datasets : int
        Pretraining datasets (abstract: CC-3M, CC-12M, YFCC-15M, LAION-400M, LAION-Aesthetics).
    n_datasets_log_linear : int
        Datasets on which performance was log-linear in concept frequency (abstract: the trend is found
        "consistently"; Section 3.2 plots it for every pretraining dataset).
    n_concepts : int
        Concepts whose frequency was counted (Figure 1: 4,029 concepts from 27 downstream datasets).
    share_concepts_negligible : float
        Lower bound of the share of concepts at "almost negligible frequencies" relative to the dataset
        size (Section 5, Finding 1: "over two-thirds of concepts").
    model_kinds : tuple of str
        Kinds of model studied (abstract: CLIP for classification/retrieval, Stable Diffusion for generation).
    """

    n_models: int = 34
    n_pretraining_datasets: int = 5
    n_datasets_log_linear: int = 5
    n_concepts: int = 4029
    share_concepts_negligible: float = 2.0 / 3.0
    model_kinds: tuple[str, ...] = ("image-text contrastive (CLIP)", "text-to-image diffusion")

    @property
    def studies_language_models(self) -> bool:
        """Whether any studied kind is a text-only language model (it is not)."""
        return any("language model" in kind for kind in self.model_kinds)


UDANDARAO = UdandaraoPublished()
