"""Published findings about recursive training, recorded as what each study reports (no figures).

Some of the articles' model-collapse sentences retell experiments with real generative models: variational
autoencoders, diffusion models and language models retrained on their own output. The studies' result
tables could not be checked against a stored copy of the papers, so no per-generation number is typed
here. What *is* recorded is each study's reported outcome, taken from its abstract (or, where named, its
main text or keywords), together with the model families, the kind of loop and the paper location, so
that the ledger can compare the articles' sentences with what the studies say, and a reader can check it.

Each :class:`Finding` is one study's finding in one kind of loop. The vocabularies below are closed: a
finding must use one of the listed values, so that the claims compare like with like.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

#: Kinds of retraining loop. "fully synthetic": each generation trains only on the previous generation's
#: samples. "enough real data": each generation's training set keeps a large enough share of real data.
FULLY_SYNTHETIC = "fully synthetic"
ENOUGH_REAL_DATA = "enough real data"
LOOPS = (FULLY_SYNTHETIC, ENOUGH_REAL_DATA)

#: Reported outcomes over the generations.
DEGRADES = "degrades"
STABLE = "stable"
OUTCOMES = (DEGRADES, STABLE)

#: Model families the findings name.
FAMILIES = ("gaussian mixture", "variational autoencoder", "diffusion model", "GAN", "normalizing flow",
            "language model")


@dataclass(frozen=True)
class Finding:
    """What one study reports about one kind of retraining loop.

    Attributes
    ----------
    study : str
        Short name for readers ("Guo et al. (2024)").
    cite : str
        BibTeX key in ``references.bib``.
    where : str
        Where the finding stands in the paper (and the stored copy it was read in).
    families : tuple of str
        Model families the study retrained (values of :data:`FAMILIES`).
    loop : str
        Kind of loop (a value of :data:`LOOPS`).
    outcome : str
        Reported outcome over the generations (a value of :data:`OUTCOMES`).
    measure : str
        What degrades or stays stable, in the study's terms.
    progressive : bool
        True when the study reports the loss growing with the generations (not a one-off drop).
    strongest_on : str
        Where the study reports the effect is largest ("" when it does not say).
    summary : str
        The finding in this book's words.
    """

    study: str
    cite: str
    where: str
    families: tuple[str, ...]
    loop: str
    outcome: str
    measure: str
    progressive: bool
    strongest_on: str
    summary: str

    def __post_init__(self) -> None:
        unknown = [f for f in self.families if f not in FAMILIES]
        if not self.families or unknown:
            raise ValueError(f"families ({self.cite}) must name some of {FAMILIES}; got {self.families!r}")
        if self.loop not in LOOPS:
            raise ValueError(f"loop ({self.cite}) must be one of {LOOPS}; got {self.loop!r}")
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome ({self.cite}) must be one of {OUTCOMES}; got {self.outcome!r}")


#: Shumailov et al. (2024): Gaussian mixtures, VAEs and a fine-tuned OPT-125m language model, each generation
#: trained on the previous one's samples. Abstract and the opening of the main text (nature.com, read via
#: the stored copy of the article): "irreversible defects", tails of the original distribution disappear,
#: behaviour converges over generations to a point estimate with very small variance.
SHUMAILOV_2024 = Finding(
    "Shumailov et al. (2024)", "shumailov2024collapse", "Nature 631 (2024), abstract and main text, first section",
    ("gaussian mixture", "variational autoencoder", "language model"), FULLY_SYNTHETIC, DEGRADES,
    "tails of the original distribution; variance of what the model produces", True, "the distribution's tails",
    "Models retrained on their predecessors' samples lose the tails of the original data first and drift "
    "towards a narrow, low-variance distribution; the defects do not heal.")

#: Alemohammad et al. (2024), ICLR: state-of-the-art image generators (keywords on OpenReview: diffusion
#: models, GANs) in three kinds of loop. Abstract (openreview.net/forum?id=ShjMHfmPs0 and the ICLR text):
#: without enough fresh real data each generation, quality (precision) or diversity (recall) "progressively
#: decrease", with appreciable damage "in just a few generations".
ALEMOHAMMAD_2024 = Finding(
    "Alemohammad et al. (2024)", "alemohammad2024mad", "ICLR 2024, abstract; OpenReview keywords",
    ("diffusion model", "GAN"), FULLY_SYNTHETIC, DEGRADES,
    "image quality (precision) or diversity (recall)", True, "",
    "Image generators trained in a self-consuming loop without enough fresh real data lose quality or "
    "diversity generation after generation, visibly within a few generations.")

#: Bertrand et al. (2024), ICLR: iterative retraining of normalizing flows and diffusion models on a mix of
#: clean and generated data (CIFAR-10, FFHQ). Abstract (read via a stored summary page that reproduces
#: it): retraining is provably stable when the first model fits the data well enough and the
#: share of clean data is large enough, and the experiments agree.
BERTRAND_2024 = Finding(
    "Bertrand et al. (2024)", "bertrand2024stability", "ICLR 2024, abstract",
    ("normalizing flow", "diffusion model"), ENOUGH_REAL_DATA, STABLE,
    "distance of the generated distribution from the data", False, "",
    "With a good first model and a large enough share of real data in every round, retraining on a mix "
    "of real and generated images stays stable.")

#: Guo et al. (2024): recursive fine-tuning of a language model on its predecessor's output in several
#: generation tasks, with lexical, syntactic and semantic diversity measures. Abstract of arXiv:2311.09807v2
#: (arxiv.org/html/2311.09807v2): a consistent decrease in output diversity over successive iterations, "especially remarkable" on tasks that demand
#: high creativity. The per-measure tables were not checked here.
GUO_2024 = Finding(
    "Guo et al. (2024)", "guo2024curious", "arXiv:2311.09807v2, abstract",
    ("language model",), FULLY_SYNTHETIC, DEGRADES,
    "diversity of the outputs (lexical, syntactic and semantic measures together)", True,
    "high-creativity tasks",
    "A language model fine-tuned recursively on its predecessor's text produces less diverse output with "
    "every iteration, most of all on creative tasks.")

#: Every finding the ledger reads, in the order the chapter lists them.
FINDINGS = (SHUMAILOV_2024, ALEMOHAMMAD_2024, BERTRAND_2024, GUO_2024)


def _check_findings(findings) -> None:
    if not isinstance(findings, (tuple, list)) or not all(isinstance(f, Finding) for f in findings):
        raise ValueError(f"findings must be a tuple of Finding; got {findings!r:.80}")


def reported(findings: tuple[Finding, ...], family: str, loop: str, outcome: str) -> tuple[Finding, ...]:
    """The findings that report ``outcome`` for ``family`` in a ``loop``.

    Parameters
    ----------
    findings : tuple of Finding
        Findings to search.
    family, loop, outcome : str
        Values of :data:`FAMILIES`, :data:`LOOPS` and :data:`OUTCOMES`.

    Returns
    -------
    tuple of Finding
        The matching findings, in their order (empty when none).
    """
    _check_findings(findings)
    if family not in FAMILIES:
        raise ValueError(f"family must be one of {FAMILIES}; got {family!r}")
    if loop not in LOOPS:
        raise ValueError(f"loop must be one of {LOOPS}; got {loop!r}")
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {OUTCOMES}; got {outcome!r}")
    return tuple(f for f in findings if family in f.families and f.loop == loop and f.outcome == outcome)


def findings_table(findings: tuple[Finding, ...] = FINDINGS):
    """The findings as a table (one row per study and loop), for the chapter.

    Returns
    -------
    pandas.DataFrame
        Columns ``study``, ``models``, ``loop``, ``outcome``, ``what``, ``where``.
    """
    _check_findings(findings)
    return pd.DataFrame({"study": [f.study for f in findings],
                         "models": [", ".join(f.families) for f in findings],
                         "loop": [f.loop for f in findings],
                         "outcome": [f.outcome + (", growing each generation" if f.progressive else "")
                                     for f in findings],
                         "what": [f.measure for f in findings],
                         "where": [f.where for f in findings]})
