"""The corrections log cannot be forgotten (issue 26, item 3).

* every verdict that differs from the previous edition's published ledger (kept in ``analysis/data/editions/``)
  has an entry in the log, and no entry explains a change that did not happen (a stale entry);
* the previous edition is kept as it was published (its checksum is pinned here);
* the data snapshots the ledger states name every data file the book reads, with the checksum it has on disk;
* the functions behind it (:mod:`analysis.ledger.editions`) on small made-up editions, and their bad input.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re

import pytest

from analysis import ledger as C
from analysis.ledger import editions as E

#: SHA-256 of the previous edition's ledger as published (commit 3575efa, 1 December 2026): it must not change.
PREVIOUS_SHA256 = "a140815bbe59e57a1f3adeccf1bd934385d7a64a077ee9c9c28fe23cd14bbc77"


@pytest.fixture(scope="module")
def current() -> dict[str, str]:
    """Claim id -> verdict of this edition, judged afresh (no worlds, no multiverse: the verdict only)."""
    return {c.id: c.judge(c.evidence()).verdict for c in C.registered_claims()}


@pytest.fixture(scope="module")
def log() -> list[E.Correction]:
    return E.load_corrections()


def _entry(i="AB-1", old=C.PARTLY, new=C.SUPPORTED, date="2026-12-08", why="Because the data say so now."):
    return E.Correction(i, dt.date.fromisoformat(date), old, new, why)


# --- the real log against the real editions ------------------------------------------------------------------

def test_every_verdict_that_differs_from_the_previous_edition_has_an_entry(current, log):
    missing = E.unexplained(current, E.previous_verdicts(), log)
    assert not missing, ("verdicts changed without an entry in analysis/data/editions/corrections.csv "
                         f"(id, old, new): {missing}")


def test_no_entry_explains_a_change_that_did_not_happen(current, log):
    stale = E.stale(current, E.previous_verdicts(), log)
    assert not stale, f"log entries that match no change between the editions: {[(c.id, c.old_verdict, c.new_verdict) for c in stale]}"


def test_each_claim_has_at_most_one_entry_per_edition(log):
    keys = [(c.id, c.old_verdict, c.new_verdict) for c in log]
    assert len(keys) == len(set(keys))


def test_the_previous_edition_is_kept_as_published():
    path = E.EDITIONS_DIR / E.PREVIOUS
    rows = C.from_json(path.read_text())
    assert len(rows) > 100 and all(r.verdict in C.VERDICTS for r in rows)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == PREVIOUS_SHA256


def test_the_log_file_is_well_formed():
    text = (E.EDITIONS_DIR / E.CORRECTIONS).read_text()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["id", "date", "old_verdict", "new_verdict", "why"]
    bad = [n for n, row in enumerate(rows[1:], start=2) if len(row) != 5]
    assert not bad, f"lines of corrections.csv without exactly five fields (quote a 'why' that holds a comma): {bad}"
    assert all(re.fullmatch(r"[A-Z]{2}-\d+[a-z]?", row[0]) for row in rows[1:])


# --- data snapshots ------------------------------------------------------------------------------------------

def test_snapshots_match_the_data_files_checksums():
    problems = E.snapshot_mismatches(E.load_snapshots(), E.data_files())
    assert not problems, ("analysis/data/editions/snapshots.csv differs from the data files "
                          f"(append a line for a new file, edit the line of a changed one): {problems}")


@pytest.mark.parametrize("name", [E.SNAPSHOTS, E.PREVIOUS_SNAPSHOTS])
def test_snapshot_lists_are_well_formed(name):
    rows = E.load_snapshots(name)
    assert rows and len({r["file"] for r in rows}) == len(rows)
    for r in rows:
        assert re.fullmatch(r"[0-9a-f]{64}", r["sha256"]), r
        dt.date.fromisoformat(r["taken"])


def test_snapshot_functions_on_made_up_files(tmp_path):
    (tmp_path / "a.csv").write_text("x\n1\n")
    (tmp_path / "PROVENANCE.md").write_text("notes")
    files = E.data_files(tmp_path)
    assert list(files) == ["a.csv"] and files["a.csv"] == hashlib.sha256(b"x\n1\n").hexdigest()
    listed = [{"file": "a.csv", "sha256": files["a.csv"], "taken": "2026-12-01", "source_version": ""}]
    assert E.snapshot_mismatches(listed, files) == []
    changed = [{**listed[0], "sha256": "0" * 64}]
    assert "a.csv: SHA-256" in E.snapshot_mismatches(changed, files)[0]
    assert E.snapshot_mismatches([], files) == ["a.csv: on disk, not in the snapshots"]
    assert E.snapshot_mismatches(listed, {}) == ["a.csv: in the snapshots, not on disk"]
    assert E.snapshot_changes(listed, changed)[0][0] == "a.csv"
    assert E.snapshot_changes(listed, listed) == []
    assert E.snapshot_changes([], listed) == [("a.csv", "added (taken 2026-12-01)")]


# --- the log's logic on made-up editions ---------------------------------------------------------------------

def test_a_changed_verdict_without_an_entry_is_caught():
    previous = {"AB-1": C.PARTLY, "AB-2": C.SUPPORTED, "AB-3": C.NOT_SUPPORTED}
    current = {"AB-1": C.SUPPORTED, "AB-2": C.SUPPORTED, "AB-4": C.NOT_TESTABLE}
    changes = E.verdict_changes(current, previous)
    assert changes == [("AB-1", C.PARTLY, C.SUPPORTED), ("AB-4", E.NEW_ROW, C.NOT_TESTABLE),
                       ("AB-3", C.NOT_SUPPORTED, E.WITHDRAWN)]
    assert E.unexplained(current, previous, []) == changes
    log = [_entry(), _entry("AB-4", E.NEW_ROW, C.NOT_TESTABLE), _entry("AB-3", C.NOT_SUPPORTED, E.WITHDRAWN)]
    assert E.unexplained(current, previous, log) == []
    # an entry with the wrong old verdict explains nothing, and is itself stale
    wrong = [_entry(old=C.NOT_SUPPORTED), *log[1:]]
    assert E.unexplained(current, previous, wrong) == [changes[0]]
    assert E.stale(current, previous, wrong) == [wrong[0]]


def test_a_verdict_that_changed_back_leaves_a_stale_entry():
    previous = {"AB-1": C.PARTLY}
    assert E.stale({"AB-1": C.PARTLY}, previous, [_entry()]) == [_entry()]
    assert E.stale({"AB-1": C.SUPPORTED}, previous, [_entry()]) == []


def test_the_log_is_shown_newest_first_and_by_claim():
    log = [_entry(date="2026-12-01"), _entry("AB-2", date="2026-12-08"), _entry("AB-3", date="2026-12-08"),
           _entry("AB-1", C.SUPPORTED, C.PARTLY, date="2026-12-09")]
    ordered = E.newest_first(log)
    assert [c.date for c in ordered] == sorted((c.date for c in log), reverse=True)
    assert [c.id for c in ordered[1:3]] == ["AB-2", "AB-3"]  # one date keeps the file's order
    assert [c.date.day for c in E.by_claim(log)["AB-1"]] == [9, 1]
    assert _entry().anchor == "correction-ab-1-2026-12-08"


@pytest.mark.parametrize("kwargs, word", [
    ({"old": "mostly true"}, "old_verdict"), ({"new": "true"}, "new_verdict"),
    ({"old": C.SUPPORTED, "new": C.SUPPORTED}, "the same"), ({"why": "changed"}, "why"),
])
def test_a_bad_entry_is_refused_with_its_field(kwargs, word):
    with pytest.raises(ValueError, match=word):
        _entry(**kwargs)


def test_bad_files_are_refused_with_their_name(tmp_path):
    with pytest.raises(ValueError, match="directory"):
        E.load_corrections(tmp_path)
    (tmp_path / E.CORRECTIONS).write_text("id,date,old_verdict,new_verdict,why\nAB-1,8 Dec,"
                                          "partly supported,supported,Because the data say so now.\n")
    with pytest.raises(ValueError, match="date must be YYYY-MM-DD"):
        E.load_corrections(tmp_path)
    with pytest.raises(ValueError, match="name"):
        E.load_snapshots("other.csv")


def test_a_verdict_that_changed_there_and_back_keeps_both_entries():
    """Both steps were published in an edition between, so the log keeps them; a broken link is still caught."""
    previous, current = {"AB-1": C.PARTLY}, {"AB-1": C.PARTLY}
    there_and_back = [_entry(date="2026-12-07"), _entry(old=C.SUPPORTED, new=C.PARTLY, date="2026-12-08")]
    assert E.stale(current, previous, there_and_back) == []
    assert E.unexplained({"AB-1": C.NOT_SUPPORTED}, previous, there_and_back) == [("AB-1", C.PARTLY, C.NOT_SUPPORTED)]
    onward = [*there_and_back, _entry(old=C.PARTLY, new=C.NOT_SUPPORTED, date="2026-12-09")]
    assert E.unexplained({"AB-1": C.NOT_SUPPORTED}, previous, onward) == []
    skipped = [there_and_back[0], _entry(old=C.PARTLY, new=C.NOT_SUPPORTED, date="2026-12-09")]
    assert E.stale({"AB-1": C.NOT_SUPPORTED}, previous, skipped) == [skipped[1]]
    assert E.unexplained({"AB-1": C.NOT_SUPPORTED}, previous, skipped) == [("AB-1", C.PARTLY, C.NOT_SUPPORTED)]
