"""A chapter's verdict cards reuse the rows its ledger part computed in the same build (issue 31).

The book build computes each chapter's ledger rows once (``tools/build_book.py``: one part per claim module,
``_build/ledger/parts/<module>.json``, each evidence, multiverse and set of worlds under the evidence
functions' default parameters) before the chapter pages that show those claims' cards execute, and tells
those pages where the parts are with ``$SCALING_BOOK_LEDGER_PARTS``. A card whose chapter parameters leave
every input of the claim at its default is then the very row already computed; :func:`built_record` returns
it instead of computing the evidence, the multiverse and the worlds a second time. Anywhere else (a reader's
notebook, the tests, a chapter run with other parameters) nothing is set or nothing matches, and the card is
computed as before.
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from typing import Any

#: Set by the build for the pages it executes: the folder of the ledger parts it has just brought up to date.
PARTS_ENV = "SCALING_BOOK_LEDGER_PARTS"


def same_value(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` are the same parameter value: the same type and the same ``repr`` (so 1 and
    1.0, or True and 1, are different values; pure)."""
    return type(a) is type(b) and repr(a) == repr(b)


def at_defaults(fn: Any, params: dict[str, Any]) -> bool:
    """Whether calling ``fn`` with those of ``params`` it accepts is calling it with its defaults (pure).

    A function taking ``**kwargs`` is at its defaults only with no parameters at all.
    """
    if fn is None:
        return True
    sig = inspect.signature(fn)
    if any(p.kind == p.VAR_KEYWORD for p in sig.parameters.values()):
        return not params
    for name, value in params.items():
        p = sig.parameters.get(name)
        if p is None or p.kind not in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
            continue  # not passed on (Claim.evidence keeps only what the function takes)
        if p.default is p.empty or not same_value(value, p.default):
            return False
    return True


def part_file(module: str, parts: str | Path | None = None) -> Path | None:
    """The part of claim module ``module`` that the build wrote and stamped (``<module>.json`` beside its
    ``.sha256``), or None when the build named no parts folder or the part is not complete."""
    parts = parts if parts is not None else os.environ.get(PARTS_ENV)
    if not parts:
        return None
    folder = Path(parts)
    out, stamp = folder / f"{module}.json", folder / f"{module}.sha256"
    return out if out.is_file() and stamp.is_file() else None


def built_record(claim: Any, params: dict[str, Any], module: str | None, parts: str | Path | None = None):
    """The row of ``claim`` from its ledger part when ``params`` leave the claim at its defaults and the
    build has the part; else None (the caller computes it).

    Parameters
    ----------
    claim : Claim
        The claim whose card is drawn.
    params : dict
        The chapter's parameters given to the card.
    module : str or None
        The claim module defining it (``analysis.<chapter>.claims``).
    parts : path, optional
        The parts folder (default ``$SCALING_BOOK_LEDGER_PARTS``).
    """
    if module is None or not at_defaults(claim.evidence_fn, params):
        return None
    path = part_file(module, parts)
    if path is None:
        return None
    from analysis.ledger import from_json

    found = [r for r in from_json(path.read_text()) if r.id == claim.id]
    return found[0] if len(found) == 1 else None
