"""Rules every registered claim keeps: it links to a labelled section that holds its evidence, its verdict
is computed (never written), science modules never import the ledger, and our words are our own."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

from analysis import ledger as C

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = C.registered_claims()
VERDICT_NAMES = {"SUPPORTED", "PARTLY", "NOT_SUPPORTED", "NOT_TESTABLE"}


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_each_claim_links_to_a_labelled_section_of_its_page(claim):
    source = (ROOT / "book" / f"{claim.chapter}.md").read_text()
    assert f"({claim.anchor})=" in source, f"{claim.id}: no label ({claim.anchor})= in book/{claim.chapter}.md"


def test_every_claim_page_is_in_the_toc():
    toc = (ROOT / "_toc.yml").read_text()
    for chapter in {c.chapter for c in CLAIMS}:
        assert f"file: book/{chapter}" in toc, f"{chapter} is not in _toc.yml"


def test_every_testable_chapter_claim_has_a_card_in_its_chapter():
    for c in CLAIMS:
        if c.testable and c.chapter != "ledger":
            source = (ROOT / "book" / f"{c.chapter}.md").read_text()
            assert "ledger.card(" in source and re.search(rf"[\"']{re.escape(c.id)}[\"']", source), \
                f"{c.id} is never passed to ledger.card in book/{c.chapter}.md"


def _literal_verdicts(tree: ast.AST) -> list[str]:
    """Verdict constants passed straight to Assessment(...) (a verdict must come from assess)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Assessment":
            for arg in (list(node.args) + [kw.value for kw in node.keywords if kw.arg == "verdict"])[:1]:
                if isinstance(arg, ast.Constant) or (isinstance(arg, (ast.Name, ast.Attribute)) and
                                                     getattr(arg, "id", getattr(arg, "attr", "")) in VERDICT_NAMES):
                    found.append(ast.unparse(arg))
    return found


@pytest.mark.parametrize("name", [m for m in C.CLAIM_MODULES])
def test_verdicts_are_computed_not_written(name):
    tree = ast.parse(inspect.getsource(importlib.import_module(name)))
    assert _literal_verdicts(tree) == [], f"{name} writes a verdict by hand"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _seed_grams(n: int) -> set[str]:
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("the seed articles are not beside this checkout")
    grams = set()
    for path in seeds.glob("*.txt"):
        w = _words(path.read_text())
        grams |= {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}
    return grams


def test_claim_texts_are_not_pasted_from_the_articles():
    """Our paraphrases reproduce no run of 8 words of a seed article."""
    grams = _seed_grams(8)
    for c in CLAIMS:
        w = _words(c.claim)
        copied = [" ".join(w[i:i + 8]) for i in range(len(w) - 7) if " ".join(w[i:i + 8]) in grams]
        assert not copied, f"{c.id} copies article text: {copied[0]!r}"


def test_quoted_phrases_are_short():
    """'asserted' may quote the article, but at most a dozen words."""
    for c in CLAIMS:
        assert len(_words(c.asserted)) <= 12 or "," in c.asserted or "%" in c.asserted, c.id


def test_chapter_prose_is_not_pasted_from_the_articles():
    """No page reproduces a run of 10 words of a seed article (quoting a short phrase is fine)."""
    grams = _seed_grams(10)
    for page in sorted((ROOT / "book").glob("*.md")):
        w = _words(page.read_text())
        copied = [" ".join(w[i:i + 10]) for i in range(len(w) - 9) if " ".join(w[i:i + 10]) in grams]
        assert not copied, f"{page.name} copies article text: {copied[0]!r}"


def test_show_and_card_return_the_same_card():
    card = C.card("GN-1")
    assert repr(C.show("GN-1")) == repr(card) and card.verdict in C.VERDICTS
    with pytest.raises(ValueError, match="claim_id must name a registered claim; got 'XX-9'"):
        C.card("XX-9")


def test_every_locator_names_a_line_of_its_article():
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("the seed articles are not beside this checkout")
    from analysis.ledger.core import article_locators

    valid = {code: article_locators(code, (seeds / name).read_text()) for code, (name, _, _) in C.ARTICLES.items()}
    for c in CLAIMS:
        for article, locator in zip(c.articles, c.locators):
            base = re.match(r"§ .*? ¶ \d+", locator)
            assert base and base.group(0) in valid[article], f"{c.id}: {locator!r} is not a line of article {article}"
