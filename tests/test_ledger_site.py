"""The ledger as published: the site carries ledger.json and ledger.csv that match a fresh evaluation,
no page prints a raw record, and every chapter that tests claims shows them as verdict cards."""

from __future__ import annotations

import csv
import io
import json

from analysis import ledger as C


def test_published_ledger_matches_a_fresh_evaluation(site):
    published = C.from_json((site / "ledger.json").read_text())
    fresh = C.evaluate_all()
    assert [r.id for r in published] == [r.id for r in fresh]
    assert published == fresh


def test_published_csv_has_one_row_per_claim_with_every_field(site):
    rows = list(csv.DictReader(io.StringIO((site / "ledger.csv").read_text())))
    assert [r["id"] for r in rows] == [c.id for c in C.registered_claims()]
    assert set(C.CSV_FIELDS) <= set(rows[0])
    for row in rows:
        json.loads(row["checks"]), json.loads(row["evidence"])  # noqa: B018 - both parse


def test_no_page_prints_a_raw_record(site):
    offenders = [p.name for p in site.rglob("*.html") if "ClaimRecord(" in p.read_text(errors="replace")]
    assert not offenders


def test_every_claim_card_of_a_chapter_is_on_its_page(site):
    for claim in C.registered_claims():
        if claim.chapter == "ledger" or not claim.testable:
            continue
        page = (site / "book" / f"{claim.chapter}.html").read_text(errors="replace")
        assert f'id="card-{claim.id.lower()}"' in page, f"{claim.id} has no verdict card on {claim.chapter}"


def test_ledger_page_has_an_anchor_for_every_claim(site):
    page = (site / "book" / "ledger.html").read_text(errors="replace")
    missing = [c.id for c in C.registered_claims() if f'id="claim-{c.id.lower()}"' not in page]
    assert not missing
