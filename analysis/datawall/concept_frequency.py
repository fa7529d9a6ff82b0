"""Published figures of Udandarao et al. (2024), "No 'Zero-Shot' Without Exponential Data: Pretraining
Concept Frequency Determines Multimodal Model Performance", NeurIPS 2024, arXiv:2404.04125 (bibtex
``udandarao2024zeroshot``). Seed 004's concept-frequency sentences come from this paper; it studies
image-text models (CLIP-style classifiers and retrievers) and text-to-image generators, not language
models, so the book tests those sentences as literature claims against these figures. No data file of
the paper is copied here (its artefacts are over 300 GB).

Beside them, two papers read the same way for language models: Kandpal et al. (2023) on how question-answering
accuracy depends on how often the facts occur in pretraining, and Bansal et al. (2022) on whether the exponent
of a data scaling law depends on the quality of the data.
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


@dataclass(frozen=True)
class KandpalPublished:
    """What Kandpal et al. (2023), "Large Language Models Struggle to Learn Long-Tail Knowledge", ICML 2023,
    PMLR 202:15696-15707, arXiv:2211.08411 (bibtex ``kandpal2023longtail``) report for *language models*
    (read in the abstract and the caption of Figure 1; no figure of the body is typed here).

    Attributes
    ----------
    studies_language_models : bool
        The models are text-only language models (Figure 1: the BLOOM family on TriviaQA).
    accuracy_rises_with_relevant_documents : bool
        Question-answering accuracy is related to how many pretraining documents are relevant to the question,
        with "strong correlational and causal relationships" across QA datasets, pretraining corpora and
        model sizes (abstract).
    causal : bool
        The relationship is shown to be causal, not only correlational (abstract).
    larger_models_better_on_tail : bool
        Larger models learn long-tail knowledge better (abstract).
    tail_needs_orders_of_magnitude : bool
        Today's models "must be scaled by many orders of magnitude" to answer well the questions with little
        support in the pretraining data (abstract).
    largest_model_params : float
        Largest model studied (abstract: 176B parameters).
    """

    studies_language_models: bool = True
    accuracy_rises_with_relevant_documents: bool = True
    causal: bool = True
    larger_models_better_on_tail: bool = True
    tail_needs_orders_of_magnitude: bool = True
    largest_model_params: float = 176e9


KANDPAL = KandpalPublished()


@dataclass(frozen=True)
class BansalPublished:
    """What Bansal et al. (2022), "Data Scaling Laws in NMT: The Effect of Noise and Architecture", ICML 2022,
    arXiv:2202.01994 (bibtex ``bansal2022datascaling``) report on whether the *exponent* of the data scaling
    law depends on the data (abstract; machine translation, encoder-decoder transformers).

    Attributes
    ----------
    quality_changes_exponent : bool
        Filtering the training data, or adding synthetic noise to it, changed the exponent (abstract: the
        exponents are "minimally impacted", so no).
    source_changes_exponent : bool
        Training on back-translated instead of parallel data changed the exponent (abstract: it "can
        significantly degrade" it, so yes).
    task : str
    """

    quality_changes_exponent: bool = False
    source_changes_exponent: bool = True
    task: str = "neural machine translation"


BANSAL = BansalPublished()
