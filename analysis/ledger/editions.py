"""Editions of the ledger: the previous edition, the corrections log and the data snapshots.

The ledger published before this edition's verdict changes is kept in ``analysis/data/editions/`` as it was
published (:data:`PREVIOUS`, with the data snapshots it was computed on, :data:`PREVIOUS_SNAPSHOTS`). A
hand-written log (:data:`CORRECTIONS`: id, date, old verdict, new verdict, why) explains every verdict that differs
from it; a verdict that changes without an entry fails the tests (``tests/test_corrections.py``), so a change cannot
be forgotten. :data:`SNAPSHOTS` names every data file this edition is computed on with its checksum, and the tests
fail when a data file changes without a new line there. The "What changed" page renders all of it.

To start a new edition: copy the published ``ledger.json`` to ``ledger-<date>.json`` and ``snapshots.csv`` to
``snapshots-<date>.csv``, point :data:`PREVIOUS` and :data:`PREVIOUS_SNAPSHOTS` at them, and keep the log (it
grows, newest entries last in the file, shown first on the page).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.ledger.core import VERDICTS

EDITIONS_DIR = Path(__file__).resolve().parents[1] / "data" / "editions"
#: The ledger of the previous edition, as published (commit 3575efa, 1 December 2026).
PREVIOUS = "ledger-2026-12-01.json"
#: The data files the previous edition was computed on.
PREVIOUS_SNAPSHOTS = "snapshots-2026-12-01.csv"
#: The data files this edition is computed on: file, source version (from the file's name), the date the book
#: took this version, and its SHA-256.
SNAPSHOTS = "snapshots.csv"
#: The corrections log: one entry per verdict that differs from the previous edition.
CORRECTIONS = "corrections.csv"
#: The ``old_verdict`` of a row the previous edition did not have.
NEW_ROW = "new row"
#: The ``new_verdict`` of a row this edition no longer has.
WITHDRAWN = "withdrawn"
DATA_DIR = EDITIONS_DIR.parent


@dataclass(frozen=True)
class Correction:
    """One entry of the corrections log: a verdict that changed, when, and why (in the book's words)."""

    id: str
    date: dt.date
    old_verdict: str
    new_verdict: str
    why: str

    def __post_init__(self) -> None:
        if self.old_verdict not in (*VERDICTS, NEW_ROW):
            raise ValueError(f"correction {self.id}: old_verdict must be one of {(*VERDICTS, NEW_ROW)}; "
                             f"got {self.old_verdict!r}")
        if self.new_verdict not in (*VERDICTS, WITHDRAWN):
            raise ValueError(f"correction {self.id}: new_verdict must be one of {(*VERDICTS, WITHDRAWN)}; "
                             f"got {self.new_verdict!r}")
        if self.old_verdict == self.new_verdict:
            raise ValueError(f"correction {self.id}: old and new verdict are the same ({self.old_verdict!r})")
        if len(self.why.split()) < 5:
            raise ValueError(f"correction {self.id}: why must say why the verdict changed; got {self.why!r}")

    @property
    def anchor(self) -> str:
        """The HTML id of the entry on the "What changed" page."""
        return f"correction-{self.id.lower()}-{self.date.isoformat()}"


def _path(name: str, directory: Path | None) -> Path:
    path = (EDITIONS_DIR if directory is None else Path(directory)) / name
    if not path.is_file():
        raise ValueError(f"directory must hold {name}; {str(path)!r} is not a file")
    return path


def previous_verdicts(directory: Path | None = None) -> dict[str, str]:
    """Claim id -> verdict in the previous edition's ledger (:data:`PREVIOUS`)."""
    rows = json.loads(_path(PREVIOUS, directory).read_text())
    return {r["id"]: r["verdict"] for r in rows}


def load_corrections(directory: Path | None = None) -> list[Correction]:
    """The corrections log (:data:`CORRECTIONS`), in file order; each entry checked (:class:`Correction`)."""
    text = _path(CORRECTIONS, directory).read_text()
    out = []
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            date = dt.date.fromisoformat(row["date"])
        except (TypeError, ValueError):
            raise ValueError(f"{CORRECTIONS} line {n}: date must be YYYY-MM-DD; got {row.get('date')!r}") from None
        out.append(Correction(row["id"], date, row["old_verdict"], row["new_verdict"], row["why"].strip()))
    return out


def verdict_changes(current: Mapping[str, str], previous: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """``(id, old, new)`` for every claim whose verdict differs between the editions, in the current order; a new
    claim has old verdict :data:`NEW_ROW`, a claim that is gone has new verdict :data:`WITHDRAWN`."""
    out = [(i, previous.get(i, NEW_ROW), v) for i, v in current.items() if previous.get(i, NEW_ROW) != v]
    return out + [(i, v, WITHDRAWN) for i, v in previous.items() if i not in current]


def _walk(start: str, entries: Sequence[Correction]) -> tuple[str, list[Correction]]:
    """Follow one claim's entries (oldest first) from the previous edition's verdict ``start``: the verdict they end
    at, and the entries whose old verdict is not the verdict the ones before left (a broken link)."""
    state, broken = start, []
    for c in entries:
        if c.old_verdict != state:
            broken.append(c)
        state = c.new_verdict
    return state, broken


def _oldest_first(log: Sequence[Correction]) -> dict[str, list[Correction]]:
    out: dict[str, list[Correction]] = {}
    for c in sorted(log, key=lambda c: c.date):  # stable: one date keeps the file's order
        out.setdefault(c.id, []).append(c)
    return out


def unexplained(current: Mapping[str, str], previous: Mapping[str, str],
                log: Sequence[Correction]) -> list[tuple[str, str, str]]:
    """Changes (:func:`verdict_changes`) that the log does not explain: a claim's entries, oldest first, must form
    a chain from the previous edition's verdict to this edition's (each entry's old verdict the one before's new),
    so a verdict that changed twice between editions keeps both entries."""
    chains = _oldest_first(log)
    out = []
    for change in verdict_changes(current, previous):
        end, broken = _walk(change[1], chains.get(change[0], []))
        if broken or end != change[2]:
            out.append(change)
    return out


def stale(current: Mapping[str, str], previous: Mapping[str, str],
          log: Sequence[Correction]) -> list[Correction]:
    """Log entries that explain nothing: a broken link of a claim's chain (a typo), or every entry of a chain that
    does not end at this edition's verdict. A chain that goes there and back (supported, then partly, then
    supported again) ends where it began and is kept: it is the history readers of the editions between saw."""
    out = []
    for i, entries in _oldest_first(log).items():
        end, broken = _walk(previous.get(i, NEW_ROW), entries)
        out += entries if end != current.get(i, WITHDRAWN) else broken
    return [c for c in log if c in out]


def newest_first(log: Sequence[Correction]) -> list[Correction]:
    """The log by date, newest first; entries of one date keep the order of the file."""
    return sorted(log, key=lambda c: c.date, reverse=True)


def by_claim(log: Sequence[Correction]) -> dict[str, list[Correction]]:
    """Claim id -> its entries, newest first (for the cards' links)."""
    out: dict[str, list[Correction]] = {}
    for c in newest_first(log):
        out.setdefault(c.id, []).append(c)
    return out


def load_snapshots(name: str = SNAPSHOTS, directory: Path | None = None) -> list[dict[str, str]]:
    """The data snapshots of an edition: rows ``{file, source_version, taken, sha256}``."""
    if name not in (SNAPSHOTS, PREVIOUS_SNAPSHOTS):
        raise ValueError(f"name must be {SNAPSHOTS!r} or {PREVIOUS_SNAPSHOTS!r}; got {name!r}")
    return list(csv.DictReader(io.StringIO(_path(name, directory).read_text())))


def data_files(data_dir: Path | None = None) -> dict[str, str]:
    """File name -> SHA-256 of every data file the book reads (``analysis/data``, without its provenance notes)."""
    data_dir = DATA_DIR if data_dir is None else Path(data_dir)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(data_dir.iterdir())
            if p.is_file() and p.name != "PROVENANCE.md"}


def snapshot_mismatches(snapshots: Sequence[Mapping[str, str]], files: Mapping[str, str]) -> list[str]:
    """What differs between the snapshot list and the data files on disk: a file missing from either side, or a
    checksum that differs (the file changed without a new snapshot line)."""
    listed = {s["file"]: s["sha256"] for s in snapshots}
    out = [f"{f}: on disk, not in the snapshots" for f in files if f not in listed]
    out += [f"{f}: in the snapshots, not on disk" for f in listed if f not in files]
    out += [f"{f}: SHA-256 {files[f][:12]}… on disk, {listed[f][:12]}… in the snapshots" for f in files
            if f in listed and files[f] != listed[f]]
    return out


def snapshot_changes(old: Sequence[Mapping[str, str]], new: Sequence[Mapping[str, str]]) -> list[tuple[str, str]]:
    """``(file, what)`` for each data file added, removed or changed between two editions' snapshots."""
    before, after = {s["file"]: s for s in old}, {s["file"]: s for s in new}
    out = [(f, f"added (taken {after[f]['taken']})") for f in after if f not in before]
    out += [(f, "removed") for f in before if f not in after]
    out += [(f, f"changed (taken {after[f]['taken']}; was {before[f]['taken']})") for f in after
            if f in before and after[f]["sha256"] != before[f]["sha256"]]
    return out
