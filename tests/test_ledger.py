"""The ledger as a whole: every registered claim obeys the contract, and every testable verdict can flip.

The counterfactual test is generic: for each testable claim, the evidence entry named by the computed
``flip`` is set to the computed value, the claim is judged again, and the verdict must change to the one
``flips_if`` announced. A judgement that no evidence can move, or a ``flips_if`` that lies, fails here.
"""

from __future__ import annotations

import math
import re

import pytest

from analysis import ledger as C

CLAIMS = C.registered_claims()
TESTABLE = [c for c in CLAIMS if c.testable]


@pytest.fixture(scope="module")
def records():
    return {r.id: r for r in C.evaluate_all()}


def test_ids_are_unique_and_well_formed():
    ids = [c.id for c in CLAIMS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[A-Z]{2}-\d+[a-z]?", i) for i in ids), ids


def test_every_claim_has_locators_and_own_words():
    for c in CLAIMS:
        assert c.claim.strip() and c.asserted.strip(), c.id
        for loc in c.locators:
            assert loc.startswith("§") and "¶" in loc, (c.id, loc)


@pytest.mark.parametrize("claim", TESTABLE, ids=lambda c: c.id)
def test_verdict_flips_as_announced(claim, records):
    record = records[claim.id]
    evidence = dict(record.evidence)
    first = claim.judge(evidence)
    assert first.verdict == record.verdict
    assert claim.judge(dict(evidence)).verdict == first.verdict  # pure
    assert first.flip is not None, f"{claim.id}: no single change of the evidence flips the verdict"
    evidence[first.flip.key] = first.flip.value
    again = claim.judge(evidence)
    assert again.verdict == first.flip.verdict != first.verdict, claim.id


@pytest.mark.parametrize("claim", TESTABLE, ids=lambda c: c.id)
def test_record_fields(claim, records):
    r = records[claim.id]
    assert r.verdict in C.VERDICTS and r.verdict != C.NOT_TESTABLE
    assert r.test_type in C.TEST_TYPES
    assert r.checks and all({"name", "measured", "asserted", "passed"} <= set(ch) for ch in r.checks)
    assert r.summary.strip() and r.flips_if.startswith("would be")
    for v in r.evidence.values():
        assert isinstance(v, bool) or math.isfinite(v)


def test_not_testable_rows_give_a_reason(records):
    for c in CLAIMS:
        if not c.testable:
            assert records[c.id].verdict == C.NOT_TESTABLE
            assert c.reason.startswith(C.NOT_TESTABLE_REASONS), c.id


def test_artefact_round_trip(tmp_path, records):
    rows = list(records.values())
    path = C.write_artefact(tmp_path / "ledger.json", rows)
    assert C.from_json(path.read_text()) == rows
    import csv
    import io

    table = list(csv.DictReader(io.StringIO(path.with_suffix(".csv").read_text())))
    assert [r["id"] for r in table] == [r.id for r in rows]
    assert [r["verdict"] for r in table] == [r.verdict for r in rows]


def test_parallel_evaluation_gives_the_same_rows():
    modules = ("analysis.ledger.general",)
    assert C.evaluate_all(modules, processes=2) == C.evaluate_all(modules)
    with pytest.raises(ValueError, match="processes"):
        C.evaluate_all(modules, processes=0)
