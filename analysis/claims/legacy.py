"""The claims ledger: the seed articles' quantitative claims, each with a verdict that code computes.

Each chapter module that tests claims defines ``CLAIMS``, a tuple of :class:`Claim`. A claim's
``evaluate`` function computes the evidence from the same ``analysis`` results that the chapter plots and
returns an :class:`Assessment`, whose verdict comes from :func:`judge` applied to computed tests, never
from a literal. :func:`evaluate_all` runs every registered claim, so the ledger and the chapters cannot
disagree.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

SUPPORTED = "supported"
PARTLY = "partly supported"
NOT_SUPPORTED = "not supported"
NOT_TESTABLE = "not testable"
VERDICTS = (SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_TESTABLE)

#: The five seed articles (``shared/seeds/`` when the project started), by file name.
ARTICLES = {
    "000_a9286e32d3d2b3a3.txt": "When Bigger Isn't Better: The Diminishing Returns of Scaling AI Models",
    "001_18bebb09c70390f4.txt": "The Diminishing Returns of Scale",
    "002_6dd5508ec2aa51c5.txt": "The Scaling Debate: Are We Hitting Diminishing Returns?",
    "003_b3665fb875f80b73.txt": "AI Reality Check: Why Bigger Models Aren't Always Better",
    "004_2bd2b9b8142f26cf.txt": "The Age of AI Scaling Is Over: What Comes Next for Artificial Intelligence",
}

#: Modules whose ``CLAIMS`` make up the ledger, in chapter order.
CLAIM_MODULES = (
    "analysis.scaling_laws",
    "analysis.chinchilla",
    "analysis.testtime",
    "analysis.collapse",
    "analysis.datawall",
    "analysis.economics",
    "analysis.emergence",
)


@dataclass(frozen=True)
class Assessment:
    """A computed verdict and the evidence behind it (one or two sentences with the numbers)."""

    verdict: str
    evidence: str

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}; got {self.verdict!r}")
        if not self.evidence.strip():
            raise ValueError("evidence must not be empty")


@dataclass(frozen=True)
class Claim:
    """One quantitative claim of a seed article.

    Attributes
    ----------
    id : str
        Short stable identifier, e.g. ``"SL-1"``.
    article : str
        The seed article's file name (a key of :data:`ARTICLES`).
    chapter : str
        Document name of the chapter that tests it, e.g. ``"scaling-laws"``.
    anchor : str
        The MyST label of the section holding the evidence.
    claim : str
        The claim in our own words.
    asserted : str
        The figure the article asserts.
    evaluate : callable
        Computes the evidence; returns an :class:`Assessment`.
    """

    id: str
    article: str
    chapter: str
    anchor: str
    claim: str
    asserted: str
    evaluate: Callable[[], Assessment]

    def __post_init__(self) -> None:
        if self.article not in ARTICLES:
            raise ValueError(f"article must be one of the seed files {sorted(ARTICLES)}; got {self.article!r}")


@dataclass(frozen=True)
class ClaimRecord:
    """One row of the ledger: a claim with its computed verdict."""

    id: str
    article: str
    title: str
    chapter: str
    anchor: str
    claim: str
    asserted: str
    verdict: str
    evidence: str


def judge(tests: Sequence[bool]) -> str:
    """Verdict from a claim's computed tests: all pass -> supported, some -> partly, none -> not supported.

    Parameters
    ----------
    tests : sequence of bool
        One entry per checkable part of the claim, each the outcome of a computed comparison.
    """
    if len(tests) == 0:
        return NOT_TESTABLE
    passed = sum(bool(t) for t in tests)
    if passed == len(tests):
        return SUPPORTED
    return PARTLY if passed else NOT_SUPPORTED


def registered_claims(modules: Sequence[str] = CLAIM_MODULES) -> list[Claim]:
    """Every claim of the ledger, in chapter order; raises if two claims share an id."""
    claims: list[Claim] = []
    for name in modules:
        claims.extend(importlib.import_module(name).CLAIMS)
    ids = Counter(c.id for c in claims)
    duplicated = [i for i, n in ids.items() if n > 1]
    if duplicated:
        raise ValueError(f"claim ids must be unique; repeated: {duplicated}")
    return claims


def evaluate(claim: Claim) -> ClaimRecord:
    """Run one claim's evidence function and return its ledger row."""
    result = claim.evaluate()
    if not isinstance(result, Assessment):
        raise TypeError(f"claim {claim.id}: evaluate must return an Assessment; got {type(result).__name__}")
    return ClaimRecord(
        id=claim.id, article=claim.article, title=ARTICLES[claim.article], chapter=claim.chapter,
        anchor=claim.anchor, claim=claim.claim, asserted=claim.asserted,
        verdict=result.verdict, evidence=result.evidence,
    )


def evaluate_all(modules: Sequence[str] = CLAIM_MODULES) -> list[ClaimRecord]:
    """Evaluate every registered claim. Returns one :class:`ClaimRecord` per claim, in chapter order."""
    return [evaluate(c) for c in registered_claims(modules)]


def show(claim_id: str, *, width: int | None = None, modules: Sequence[str] = CLAIM_MODULES) -> ClaimRecord:
    """Evaluate one registered claim and print its verdict and evidence (what each chapter's claim
    sections display). ``width`` wraps the evidence at that many characters. Returns the record."""
    import textwrap

    claim = next((c for c in registered_claims(modules) if c.id == claim_id), None)
    if claim is None:
        raise ValueError(f"claim_id must name a registered claim; got {claim_id!r}")
    record = evaluate(claim)
    evidence = record.evidence if width is None else textwrap.fill(record.evidence, width)
    print(f"{record.id}: {record.verdict.upper()}\n{evidence}")
    return record


def verdict_counts(records: Sequence[ClaimRecord]) -> dict[str, int]:
    """Number of claims per verdict, in the order of :data:`VERDICTS`."""
    counts = Counter(r.verdict for r in records)
    return {v: counts.get(v, 0) for v in VERDICTS}


def verdicts_by_chapter_markdown(records: Sequence[ClaimRecord]) -> str:
    """A MyST table with one row per chapter (in ledger order) and the number of claims per verdict."""
    chapters: dict[str, Counter] = {}
    for r in records:
        chapters.setdefault(r.chapter, Counter())[r.verdict] += 1
    lines = ["| Chapter | " + " | ".join(VERDICTS) + " |", "|---|" + "---|" * len(VERDICTS)]
    for chapter, counts in chapters.items():
        lines.append(f"| {{doc}}`{chapter}` | " + " | ".join(str(counts.get(v, 0)) for v in VERDICTS) + " |")
    total = Counter(r.verdict for r in records)
    lines.append("| **all chapters** | " + " | ".join(f"**{total.get(v, 0)}**" for v in VERDICTS) + " |")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def ledger_markdown(records: Sequence[ClaimRecord]) -> str:
    """The ledger as a MyST table; each claim links to the chapter section that holds its evidence."""
    lines = [
        "| Claim | Chapter | Article | What it says (our words) | Asserted | Verdict | Evidence |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in records:
        link = f"{{ref}}`{r.id} <{r.anchor}>`"
        lines.append(
            f"| {link} | {{doc}}`{r.chapter}` | {r.article[:3]} | {_cell(r.claim)} | {_cell(r.asserted)} | **{r.verdict}** | {_cell(r.evidence)} |"
        )
    return "\n".join(lines)
