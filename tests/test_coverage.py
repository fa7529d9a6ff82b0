"""Coverage of the five articles: every row of the shared checklist is covered by a registered claim,
and each article has at least the issue's minimum of computed verdicts."""

from __future__ import annotations

from analysis import ledger as C
from analysis.ledger import pages

#: Rows of the checklist one careful reader made (shared/claims-inventory.md when the ledger was built):
#: article -> number of rows. The ids are A<article>-<row>, e.g. A4-29.
CHECKLIST_SIZES = {"0": 32, "1": 18, "2": 33, "3": 23, "4": 66}
CHECKLIST = {f"A{a}-{i:02d}" for a, n in CHECKLIST_SIZES.items() for i in range(1, n + 1)}


def test_every_checklist_row_is_covered_by_a_claim():
    tags = {t for c in C.registered_claims() for t in c.checklist}
    assert not tags - CHECKLIST, f"unknown checklist ids: {sorted(tags - CHECKLIST)}"
    assert not CHECKLIST - tags, f"checklist rows no claim covers: {sorted(CHECKLIST - tags)}"


def test_checklist_tags_match_their_articles():
    for c in C.registered_claims():
        for tag in c.checklist:
            assert f"00{tag[1]}" in c.articles, (c.id, tag, c.articles)


def test_each_article_has_its_minimum_of_computed_verdicts():
    records = C.evaluate_all()
    assert pages.coverage_shortfall(records) == {a: 0 for a in C.ARTICLES}
    assert len(pages.computed(records)) >= 100
