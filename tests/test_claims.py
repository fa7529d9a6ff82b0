import ast
import importlib
import inspect
import re

import pytest

from analysis.claims import legacy as claims


@pytest.fixture(scope="module")
def records():
    return claims.evaluate_all()


def test_judge_rules():
    assert claims.judge([True, True]) == claims.SUPPORTED
    assert claims.judge([True, False]) == claims.PARTLY
    assert claims.judge([False, False]) == claims.NOT_SUPPORTED
    assert claims.judge([]) == claims.NOT_TESTABLE


def test_assessment_and_claim_validate_their_fields():
    with pytest.raises(ValueError, match="verdict must be one of"):
        claims.Assessment("probably", "x")
    with pytest.raises(ValueError, match="evidence must not be empty"):
        claims.Assessment(claims.SUPPORTED, " ")
    with pytest.raises(ValueError, match="article must be one of the seed files"):
        claims.Claim("X-1", "999.txt", "c", "a", "claim", "fig", lambda: None)


def test_evaluate_rejects_non_assessment():
    bad = claims.Claim("X-1", next(iter(claims.ARTICLES)), "c", "a", "claim", "fig", lambda: "supported")
    with pytest.raises(TypeError, match="X-1: evaluate must return an Assessment"):
        claims.evaluate(bad)


def test_every_record_is_complete(records):
    assert len(records) >= 4
    for r in records:
        assert r.verdict in claims.VERDICTS
        assert r.evidence and r.claim and r.asserted and r.title == claims.ARTICLES[r.article]
    assert len({r.id for r in records}) == len(records)


def test_each_claim_links_to_a_labelled_section_of_its_chapter(root, records):
    for r in records:
        source = (root / "book" / f"{r.chapter}.md").read_text()
        assert f"({r.anchor})=" in source, f"{r.id}: no label ({r.anchor})= in book/{r.chapter}.md"


def test_chapters_in_toc_for_every_claim(root, records):
    toc = (root / "_toc.yml").read_text()
    for r in records:
        assert f"file: book/{r.chapter}" in toc, f"{r.id}: chapter {r.chapter} is not in _toc.yml"


def _verdict_literals(module) -> list[str]:
    """String literals that are verdicts and are passed to Assessment(...) directly."""
    tree = ast.parse(inspect.getsource(module))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Assessment":
            args = list(node.args) + [kw.value for kw in node.keywords if kw.arg == "verdict"]
            for arg in args[:1]:
                if isinstance(arg, ast.Constant) or (isinstance(arg, ast.Attribute) and arg.attr in
                                                     ("SUPPORTED", "PARTLY", "NOT_SUPPORTED", "NOT_TESTABLE")):
                    found.append(ast.unparse(arg))
    return found


@pytest.mark.parametrize("name", claims.CLAIM_MODULES)
def test_verdicts_are_computed_not_written(name):
    module = importlib.import_module(name)
    assert _verdict_literals(module) == [], f"{name} passes a literal verdict to Assessment"


def test_ledger_markdown_has_a_linked_row_per_claim(records):
    table = claims.ledger_markdown(records)
    rows = [line for line in table.splitlines()[2:] if line.startswith("|")]
    assert len(rows) == len(records)
    for r, row in zip(records, rows):
        assert f"{{ref}}`{r.id} <{r.anchor}>`" in row and r.verdict in row


def test_claim_text_is_not_pasted_from_the_articles(root, records):
    """Our paraphrases must not reproduce any run of 8 words from the seed articles."""
    seeds = root.parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("the seed articles are not beside this checkout")
    words = lambda text: re.findall(r"[a-z0-9']+", text.lower())
    for path in seeds.glob("*.txt"):
        w = words(path.read_text())
        grams = {" ".join(w[i:i + 8]) for i in range(len(w) - 7)}
        for r in records:
            c = words(r.claim)
            for i in range(len(c) - 7):
                assert " ".join(c[i:i + 8]) not in grams, f"{r.id} copies the article {path.name}"


def test_verdicts_by_chapter_sum_to_the_ledger(records):
    table = claims.verdicts_by_chapter_markdown(records)
    rows = table.splitlines()[2:]
    chapters = list(dict.fromkeys(r.chapter for r in records))
    assert [row.split("`")[1] for row in rows[:-1]] == chapters
    per_chapter = [[int(x) for x in row.strip("|").split("|")[1:]] for row in rows[:-1]]
    totals = [sum(col) for col in zip(*per_chapter)]
    assert totals == list(claims.verdict_counts(records).values())
    assert sum(totals) == len(records)


def test_chapter_prose_is_not_pasted_from_the_articles(root):
    """No chapter reproduces a run of 10 words of a seed article (quoting a short phrase is fine)."""
    seeds = root.parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("the seed articles are not beside this checkout")
    words = lambda text: re.findall(r"[a-z0-9']+", text.lower())
    grams = set()
    for path in seeds.glob("*.txt"):
        w = words(path.read_text())
        grams |= {" ".join(w[i:i + 10]) for i in range(len(w) - 9)}
    for chapter in (root / "book").glob("*.md"):
        c = words(chapter.read_text())
        copied = [" ".join(c[i:i + 10]) for i in range(len(c) - 9) if " ".join(c[i:i + 10]) in grams]
        assert not copied, f"{chapter.name} copies article text: {copied[0]!r}"


def test_show_prints_the_evaluated_record(capsys):
    record = claims.show("SL-3")
    out = capsys.readouterr().out
    assert out.startswith(f"SL-3: {record.verdict.upper()}\n") and record.evidence in out
    claims.show("SL-3", width=40)
    wrapped = capsys.readouterr().out.splitlines()[1:]
    assert max(len(line) for line in wrapped) <= 40
    with pytest.raises(ValueError, match="claim_id must name a registered claim; got 'XX-9'"):
        claims.show("XX-9")
