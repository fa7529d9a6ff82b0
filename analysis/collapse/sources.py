"""Documents behind the model-collapse chapter's source claims: the wordfreq sunset note.

``wordfreq_SUNSET.md`` is the note in which wordfreq's author explained, in September 2024, why the word
lists will not be updated (copied verbatim into ``analysis/data/``; provenance in ``PROVENANCE.md``). The
functions here read its sections, so the ledger's reading of seed 004's "Wordfreq shut down ... citing
generative AI" is computed from the document itself rather than from a summary of it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from analysis.house.data import DATA_DIR, DataError, in_world

SUNSET_FILE = "wordfreq_SUNSET.md"
SUNSET_SHA256 = "e073900353610d780a9bff9603e840891704585b11d6638aefbcd32df1f66812"
#: Date of the stored version: commit 146fbae1b3b550d6a183bbc99bc1ed425e7f8eee of rspeer/wordfreq,
#: 2024-09-19 (the note was first published the day before; see PROVENANCE.md). Year, month, day.
SUNSET_DATE = (2024, 9, 19)

#: Words that mark a section's reason, per kind of reason (matched case-insensitively in its heading).
REASON_KINDS = {
    "generative AI polluted the data": ("polluted",),
    "data access became expensive": ("expensive", "free"),
    "author's opposition to generative AI": ("scene", "don't want"),
}


@dataclass(frozen=True)
class Reason:
    """One section of the note: its heading, the kind of reason it gives and its word count."""

    heading: str
    kind: str
    words: int


def load_sunset_note(path: str | Path | None = None) -> str:
    """The note's text, after checking its SHA-256 against :data:`SUNSET_SHA256`."""
    path = Path(path) if path is not None else DATA_DIR / SUNSET_FILE
    if not path.is_file():
        raise DataError(f"data file {path} is missing (see analysis/data/PROVENANCE.md)")
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if path.name == SUNSET_FILE and digest != SUNSET_SHA256:
        raise DataError(f"data file {path.name} has SHA-256 {digest}, expected {SUNSET_SHA256}")
    text = raw.decode("utf-8")
    return in_world(SUNSET_FILE, text) if path.name == SUNSET_FILE else text


#: Name of the note's date as a data source (a counterfactual world may move it; see :func:`sunset_date`).
SUNSET_DATE_SOURCE = "wordfreq_SUNSET.md:date"


def sunset_date() -> tuple[int, int, int]:
    """(year, month, day) of the stored note, :data:`SUNSET_DATE`, as the active world has it."""
    year, month, day = in_world(SUNSET_DATE_SOURCE, SUNSET_DATE)
    return int(year), int(month), int(day)


#: Phrases by which the note says the lists will no longer be updated (matched case-insensitively).
STOPPED_PHRASES = ("will not be updated", "won't be updated", "no longer be updated")


def says_updates_stopped(text: str | None = None) -> bool:
    """True when the note says its word lists will not be updated any more (one of :data:`STOPPED_PHRASES`)."""
    text = load_sunset_note() if text is None else text
    low = text.lower()
    return any(p in low for p in STOPPED_PHRASES)


def sunset_reasons(text: str | None = None) -> tuple[Reason, ...]:
    """The note's reasons, one per second-level section, each classified by :data:`REASON_KINDS`
    ("other" when no marker word matches)."""
    text = load_sunset_note() if text is None else text
    if not isinstance(text, str) or not text.strip():
        raise ValueError("text must be the non-empty text of the note")
    parts = re.split(r"^## +(.+)$", text, flags=re.MULTILINE)
    out = []
    for heading, body in zip(parts[1::2], parts[2::2]):
        h = heading.strip()
        kind = next((k for k, marks in REASON_KINDS.items() if any(m in h.lower() for m in marks)), "other")
        out.append(Reason(h, kind, len(body.split())))
    if not out:
        raise ValueError("text has no '## ' sections: not the sunset note")
    return tuple(out)
