"""The landing page: the figure of verdicts by chapter and the reading paths, computed from ledger records."""

from __future__ import annotations

import dataclasses
import re

import pytest

from analysis import ledger as C
from analysis.ledger import pages

CHAPTERS = ("economics", "scaling-laws", "ledger")  # deliberately not in the book's order
VERDICT_CYCLE = ("not testable", "supported", "not supported", "partly supported")


@pytest.fixture(scope="module")
def records():
    """The chapter-less claims, dealt out to three chapters and four verdicts; two carry a checklist row of
    the bottom line (A1-09 and A4-29), so they are load-bearing."""
    base = C.evaluate_all(("analysis.ledger.general",))
    out = []
    for i, r in enumerate(base):
        tags = ("A1-09",) if i == 3 else ("A4-29",) if i == 4 else ()
        out.append(dataclasses.replace(r, chapter=CHAPTERS[i % 3], verdict=VERDICT_CYCLE[i % 4], checklist=tags,
                                       anchor=f"anchor-{r.id.lower()}"))
    return out


def test_units_lay_each_chapter_out_in_book_order_by_verdict(records):
    units = pages.verdict_units(records)
    assert len(units) == len(records)
    assert list(dict.fromkeys(units["chapter"])) == ["Scaling laws", "Economics", "No chapter (ledger)"]
    for _, mine in units.groupby("chapter"):
        assert mine["start"].tolist() == list(range(len(mine)))
        ranks = [list(C.VERDICTS).index(v) for v in mine["verdict"]]
        assert ranks == sorted(ranks)
    keys = units[units["key"]]
    assert sorted(keys["claim"]) == sorted(r.id for r in records if r.checklist)
    assert all(keys["gloss"].str.len() > 10)


def test_segments_count_every_claim_once(records):
    seg = pages.verdict_segments(records)
    assert seg["count"].sum() == len(records)
    for chapter, mine in seg.groupby("chapter"):
        assert mine["count"].sum() == mine["total"].iloc[0]
        assert (mine["end"] - mine["start"] == mine["count"]).all()


def test_the_figure_marks_the_load_bearing_claims(records):
    chart = pages.verdicts_figure(records)
    spec = chart.to_dict()
    assert spec["usermeta"]["book_figure"]["name"] == "fig-intro-verdicts"
    assert "2 statements the articles lean on most" in spec["description"]
    text = str(spec)
    assert "diamond" in text and all(r.id in text for r in records if r.checklist)
    with pytest.raises(ValueError, match="at least one claim"):
        pages.verdicts_figure([])


def test_reading_paths_compute_their_numbers(records):
    text = pages.reading_paths_markdown(records)
    minutes = [int(m) for m in re.findall(r"^\d+\. \*(\d+) min\.\*", text, flags=re.M)]
    assert sum(minutes) == pages.LECTURE_MINUTES
    assert f"The verdict cards of the 2 statements" in text
    assert f"{2 * pages.MINUTES_PER_KEY_CARD} min.* The verdict cards" in text
    economics = [r for r in records if r.chapter == "economics"]
    scored = [r for r in economics if r.verdict != "not testable"]
    week3 = next(line for line in text.splitlines() if line.startswith("- **Week 3"))
    assert f"{len(economics)} claims, {len(scored)} scored" in week3
    rest = [r for r in records if r.chapter == "ledger"]
    assert f"the {len(rest)} claims no chapter tests" in text
    weekly = pages.SESSIONS_PER_WEEK * pages.SESSION_MINUTES / 60 + pages.EXERCISE_HOURS_PER_WEEK
    assert f"({len(pages.MODULE_WEEKS) * weekly:g} hours)" in text


def test_a_lecture_that_overruns_is_refused(records, monkeypatch):
    monkeypatch.setattr(pages, "MINUTES_PER_KEY_CARD", 60)
    with pytest.raises(ValueError, match="more than LECTURE_MINUTES"):
        pages.reading_paths_markdown(records)
