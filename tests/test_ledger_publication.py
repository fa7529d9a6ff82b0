"""The ledger as a publication (issue 26): reason tags, load-bearing claims, one entry per article, the articles'
own words, ClaimReview markup read back from the built page, the "What changed" page and the data snapshots.

The contract's properties are checked on the claims judged afresh (verdict only: no worlds, no multiverse); what
the site publishes is checked on the built site (``_build/html``, which ``make test`` builds first).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from analysis import ledger as C
from analysis.ledger import editions as E
from analysis.ledger import pages, publication
from analysis.ledger.articles import ARTICLES, article_locators
from analysis.ledger.core import reason_tags_of
from analysis.ledger.quotes import QUOTES

SEEDS = Path("/work/shared/seeds")
#: At most this many words of an article are quoted (the book's rule: a dozen).
QUOTE_WORDS = 12


@pytest.fixture(scope="module")
def judged() -> dict[str, tuple]:
    """Claim id -> (claim, assessment), judged afresh with default parameters."""
    return {c.id: (c, c.judge(c.evidence())) for c in C.registered_claims()}


def _record(claim_id="AB-1", verdict=C.SUPPORTED, article=("000",), test_type="data", load_bearing=False, **kw):
    base = dict(id=claim_id, article=article, locator=tuple("§ (opening) ¶ 1" for _ in article), chapter="ledger",
                anchor="ledger", claim="A claim in our words.", asserted="x", test_type=test_type, verdict=verdict,
                checks=(), evidence={}, flips_if="", summary="", reason="", citations=(), checklist=(),
                load_bearing=load_bearing, reason_tags=() if verdict == C.SUPPORTED else ("exaggerated",))
    return C.ClaimRecord(**{**base, **kw})


# --- reason tags and load-bearing claims ---------------------------------------------------------------------

def test_every_verdict_short_of_supported_carries_a_reason_tag(judged):
    bare = [i for i, (c, a) in judged.items()
            if a.verdict != C.SUPPORTED and not reason_tags_of(a, c.reason, c.reason_tags)]
    assert not bare, f"verdicts short of 'supported' without a reason tag (give Claim(reason_tags=...)): {bare}"


def test_reason_tags_come_from_the_vocabulary_and_a_supported_verdict_has_none(judged):
    for i, (c, a) in judged.items():
        tags = reason_tags_of(a, c.reason, c.reason_tags)
        assert set(tags) <= set(C.REASON_TAGS), (i, tags)
        assert (a.verdict == C.SUPPORTED) == (not tags), (i, a.verdict, tags)


def test_a_claim_refuses_a_tag_outside_the_vocabulary_or_a_non_boolean_load_bearing():
    claim = C.registered_claims()[0]
    import dataclasses

    with pytest.raises(ValueError, match="reason_tags"):
        dataclasses.replace(claim, reason_tags=("sloppy",))
    with pytest.raises(ValueError, match="reason_tags"):
        dataclasses.replace(claim, reason_tags=("forecast",))  # a tag of a row that is not scored
    with pytest.raises(ValueError, match="load_bearing"):
        dataclasses.replace(claim, load_bearing="yes")


def test_the_vocabulary_and_the_rule_are_printed_on_the_ledger_page():
    text = pages.reason_tags_markdown()
    assert all(f"`{t}`" in text for t in C.REASON_TAGS)
    lines = pages.load_bearing_markdown([_record(load_bearing=True), _record("AB-2")])
    assert lines.startswith(C.LOAD_BEARING_RULE) and "**1** of the 2 claims" in lines


def test_load_bearing_counts_stand_apart_and_model_identities_apart_from_data():
    records = [_record("AB-1", load_bearing=True), _record("AB-2", C.PARTLY, test_type="model", load_bearing=True),
               _record("AB-3", C.NOT_SUPPORTED, test_type="literature"), _record("AB-4", C.NOT_TESTABLE),
               _record("AB-5", test_type="model")]
    frame = pages.load_bearing_frame(records).set_index(["claims", "scored on"])
    assert frame["all"].sum() == len(records)
    assert frame.loc[("load-bearing", "evidence: data or literature"), C.SUPPORTED] == 1
    assert frame.loc[("load-bearing", "model: a fitted law or simulation"), C.PARTLY] == 1
    assert frame.loc[("other", "evidence: data or literature"), C.NOT_SUPPORTED] == 1
    assert frame.loc[("other", "model: a fitted law or simulation"), C.SUPPORTED] == 1
    assert frame.loc[("other", "not scored"), C.NOT_TESTABLE] == 1
    assert frame.loc["load-bearing", "all"].sum() == 2


def test_the_landing_pages_bottom_line_claims_are_load_bearing():
    """LOAD_BEARING_RULE: the statements the landing page's bottom line quotes are load-bearing."""
    rows = {row for row, _, _ in pages.BOTTOM_LINE_ROWS}
    quoted = [c for c in C.registered_claims() if rows & set(c.checklist)]
    assert {row for c in quoted for row in c.checklist if row in rows} == rows
    assert [c.id for c in quoted if not c.load_bearing] == []


# --- one entry per article, and the per-article table --------------------------------------------------------

def test_one_locator_per_article_keeps_first_seen_order_and_joins_locators():
    assert C.one_locator_per_article(("000", "004", "000"), ("§ a ¶ 1", "§ b ¶ 2", "§ c ¶ 3")) == (
        ("000", "004"), ("§ a ¶ 1; § c ¶ 3", "§ b ¶ 2"))
    assert C.one_locator_per_article((), ()) == ((), ())


def test_no_record_lists_an_article_twice(site):
    for r in C.from_json((site / "ledger.json").read_text()):
        assert len(set(r.article)) == len(r.article) == len(r.locator), (r.id, r.article)
    claims_with_repeats = [c for c in C.registered_claims() if len(set(c.articles)) < len(c.articles)]
    for c in claims_with_repeats:
        assert C.one_locator_per_article(c.articles, c.locators)[0] == tuple(dict.fromkeys(c.articles))


def test_the_per_article_table_counts_each_claim_once_per_article(site):
    records = C.from_json((site / "ledger.json").read_text())
    frame = pages.summary_frame(records, "article").set_index("article")
    for code in ARTICLES:
        mine = [r for r in records if code in r.article]
        assert frame.loc[code, "all"] == len(mine), code
        for v in C.VERDICTS:
            assert frame.loc[code, v] == sum(r.verdict == v for r in mine), (code, v)
    made = [_record("AB-1", article=("000", "004")), _record("AB-2", C.PARTLY, article=("000",))]
    small = pages.summary_frame(made, "article").set_index("article")
    assert small.loc["000", "all"] == 2 and small.loc["004", "all"] == 1


def test_the_tables_article_filter_offers_one_value_per_article():
    frame = pages.table_frame([_record(article=("000", "004"))])
    assert frame.loc[0, "Article"] == "000, 004"
    options = pages.table_options()
    split = [d for d in options["columnDefs"] if 4 in d["targets"]]
    assert split and "split(', ')" in split[0]["render"]
    verdict = [d for d in options["columnDefs"] if d["targets"] == [1]][0]
    assert "split('<br>')[0]" in verdict["render"]  # the verdict pane offers the verdict, not verdict and reasons
    assert "exaggerated" in pages.verdict_cell(_record(verdict=C.PARTLY)) and "<br>" not in pages.verdict_cell(_record())
    assert options["paging"] and options["pageLength"] == pages.TABLE_PAGE
    with pytest.raises(ValueError, match="javascript"):
        pages.table_options(javascript="not a function")


# --- the articles' own words ---------------------------------------------------------------------------------

def _norm(text: str) -> str:
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\u2011", "-"), ("\u2010", "-")):
        text = text.replace(a, b)
    return " ".join(text.split())


def test_every_claim_has_a_short_quote_and_no_quote_is_orphaned():
    ids = {c.id for c in C.registered_claims()}
    assert not ids - set(QUOTES), f"claims without a quote in analysis/ledger/quotes.py: {sorted(ids - set(QUOTES))}"
    assert not set(QUOTES) - ids, f"quotes of no claim: {sorted(set(QUOTES) - ids)}"
    long = {i: len(q.split()) for i, q in QUOTES.items() if len(q.split()) > QUOTE_WORDS or not q.strip()}
    assert not long, f"quotes longer than {QUOTE_WORDS} words (or empty): {long}"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
def test_every_quote_is_verbatim_at_or_just_after_one_of_its_locators():
    """The quote is in the line a locator names, or in one of the few lines a list heading there runs into."""
    texts = {a: (SEEDS / f).read_text() for a, (f, _, _) in ARTICLES.items()}
    lines = {a: [ln.strip() for ln in t.splitlines() if ln.strip()] for a, t in texts.items()}
    bad = []
    for c in C.registered_claims():
        quote = _norm(QUOTES[c.id])
        found = False
        for a, loc in zip(c.articles, c.locators):
            named = article_locators(a, texts[a]).get(loc)
            if named is None:
                continue
            i = lines[a].index(named)
            found |= any(quote in _norm(ln) for ln in lines[a][i:i + 8])
        if not found:
            bad.append(c.id)
    assert not bad, f"quotes not found at their claims' locators: {bad}"


def test_the_quote_is_shown_beside_our_words_on_card_and_row():
    r = _record(quote="the words of the article")
    assert "<q>…the words of the article…</q>" in pages.claim_cell(r)
    assert "In the article's words: <q>" in C.card_html(r)
    assert "<q>" not in pages.claim_cell(_record())


# --- ClaimReview, read back from the built ledger page -------------------------------------------------------

def _claim_reviews(page: Path) -> list[dict]:
    from extruct.jsonld import JsonLdExtractor

    found = JsonLdExtractor().extract(page.read_text(errors="replace"))
    return [d for d in found if d.get("@type") == "ClaimReview"]


def test_the_ledger_page_carries_one_claim_review_per_computed_claim(site):
    records = C.from_json((site / "ledger.json").read_text())
    page = site / "book" / "ledger.html"
    reviews = {d["url"]: d for d in _claim_reviews(page)}
    book = publication.book_identity()
    base = book["url"].rstrip("/") + "/" + publication.LEDGER_PAGE
    scored = [r for r in records if r.verdict != C.NOT_TESTABLE]
    assert len(_claim_reviews(page)) == len(scored) == len(reviews)
    html = page.read_text(errors="replace")
    dates = set()
    for r in scored:
        url = f"{base}#claim-{r.id.lower()}"
        d = reviews[url]
        assert f'id="claim-{r.id.lower()}"' in html  # the anchor the url names is on the page
        assert d["@context"].rstrip("/") == "https://schema.org"
        assert d["claimReviewed"] == r.claim
        rating = d["reviewRating"]
        assert rating["alternateName"] == r.verdict
        assert rating["ratingValue"] == publication.RATING_SCALE[r.verdict]
        assert (rating["worstRating"], rating["bestRating"]) == (1, 3)
        assert d["itemReviewed"]["@type"] == "Claim"
        assert [a["name"] for a in d["itemReviewed"]["appearance"]] == [ARTICLES[a][1] for a in r.article]
        assert "url" not in d["itemReviewed"] and "datePublished" not in d["itemReviewed"]  # none invented
        assert d["author"]["name"] == book["title"]
        dates.add(d["datePublished"])
    assert len(dates) == 1
    built = dt.datetime.fromtimestamp(page.stat().st_mtime, dt.timezone.utc).date()
    assert (built - dt.date.fromisoformat(dates.pop())).days in (0, 1)  # the build date (executed, then built)


def test_a_claim_review_refuses_a_row_that_is_not_scored_and_escapes_its_script():
    book = {"title": "T", "url": "https://example.org/"}
    with pytest.raises(ValueError, match="computed verdict"):
        publication.claim_review(_record(verdict=C.NOT_TESTABLE), page_url="p", published=dt.date(2026, 1, 1),
                                 book=book)
    text = publication.claim_reviews_html([_record(claim="ends </script> here"), _record("AB-2", C.NOT_TESTABLE)],
                                          published=dt.date(2026, 12, 8), book=book)
    assert text.count("application/ld+json") == 1 and "</script> here" not in text
    block = json.loads(re.search(r">(.*)</script>", text).group(1))
    assert block["claimReviewed"] == "ends </script> here"
    assert block["url"] == "https://example.org/book/ledger.html#claim-ab-1"


def test_book_identity_and_build_date_refuse_bad_input(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="citation"):
        publication.book_identity(tmp_path / "missing.cff")
    (tmp_path / "CITATION.cff").write_text("title: A book\n")
    with pytest.raises(ValueError, match="url"):
        publication.book_identity(tmp_path / "CITATION.cff")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        publication.build_date()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert publication.build_date() == dt.date(1970, 1, 2)


# --- the "What changed" page and the data snapshots ----------------------------------------------------------

def test_what_changed_lists_the_log_newest_first_and_each_card_links_to_its_entries(site):
    log = E.load_corrections()
    page = (site / "book" / "what-changed.html").read_text(errors="replace")
    shown = re.findall(r'<li class="correction" id="(correction-[\w-]+)"', page)
    assert shown == [c.anchor for c in E.newest_first(log)]
    dates = re.findall(r'<li class="correction" id="correction-[\w-]+?-(\d{4}-\d\d-\d\d)"', page)
    assert dates == sorted(dates, reverse=True)
    ledger_page = (site / "book" / "ledger.html").read_text(errors="replace")
    for c in log:
        if c.new_verdict != E.WITHDRAWN:
            assert f'href="what-changed.html#{c.anchor}"' in ledger_page, c.id
        assert f'href="ledger.html#claim-{c.id.lower()}"' in page, c.id


def test_the_ledger_states_the_data_snapshots_it_was_computed_on(site):
    page = (site / "book" / "ledger.html").read_text(errors="replace")
    table = page[page.index('class="data-snapshots"'):]
    table = table[:table.index("</table>")]
    for s in E.load_snapshots():
        assert f"<code>{s['file']}</code>" in table and s["sha256"] in table, s["file"]


def test_published_ledger_files_carry_reason_tags_and_load_bearing(site):
    records = json.loads((site / "ledger.json").read_text())
    rows = list(csv.DictReader(io.StringIO((site / "ledger.csv").read_text())))
    for d, row in zip(records, rows):
        assert {"reason_tags", "load_bearing", "quote"} <= set(d) <= set(d) | set(row)
        assert bool(d["reason_tags"]) == (d["verdict"] != C.SUPPORTED), d["id"]
        assert row["reason_tags"] == " | ".join(d["reason_tags"]) and row["load_bearing"] in ("True", "False")
