"""The claims ledger: every testable statement of the five seed articles, with a verdict code computes.

The contract (see :mod:`analysis.ledger.core`): each :class:`Claim` has ``evidence(**params)`` (named
numbers computed from the chapter's ``analysis`` results) and ``judge(evidence)`` (a pure function of
them returning an :class:`Assessment`: verdict, checks, summary, ``flips_if``). One module per chapter in
this package defines ``CLAIMS``; science modules never import this package, it imports them.

:func:`evaluate_all` computes every row; :func:`write_artefact` stores them once per build as
``ledger.json``/``ledger.csv``, which the intro and ledger pages read through :func:`load_records`.
"""

from __future__ import annotations

import csv
import dataclasses
import importlib
import inspect
import io
import json
import os
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.house import data, parameters
from analysis.ledger.core import (ABOUT_FACTOR, ABOUT_POINTS, FRAGILE_BELOW, MOST_SHARE, OFTEN_SHARE,
                                  RATE_TOLERANCE, THIN_POINTS, about_rate, ARTICLES, DATA, LITERATURE, MODEL,
                                  LOAD_BEARING_RULE, NOT_SUPPORTED, NOT_TESTABLE, NOT_TESTABLE_REASONS, ORDER_FACTOR,
                                  PARTLY, READING_RULES, REASON_TAGS, SUPPORTED, TEST_TYPE_MEANING, TEST_TYPES,
                                  VERDICTS, Assessment, Check, Choice, Claim, Flip, World, about, assess, at_least,
                                  at_most, beyond, fails, fmt, holds, near, not_testable, reason_tags_of, robustness,
                                  share_at_least, verdict_of)
from analysis.ledger.quotes import QUOTES
from analysis.ledger.render import Card, card_html, card_text

#: Modules of this package whose ``CLAIMS`` make up the ledger, in chapter (reading) order.
CLAIM_MODULES = (
    "analysis.scaling_laws.claims",
    "analysis.progress.claims",
    "analysis.chinchilla.claims",
    "analysis.testtime.claims",
    "analysis.collapse.claims",
    "analysis.datawall.claims",
    "analysis.economics.claims",
    "analysis.other_side.claims",
    "analysis.ledger.general",
)

#: Where a build writes the ledger artefact (read by the intro and ledger pages): under the book's checkout
#: when the package runs from one (it has ``_toc.yml``), else None (an installed package: no default, so
#: nothing is written into site-packages; give a path).
PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTEFACT = PROJECT_ROOT / "_build" / "ledger" / "ledger.json" if (PROJECT_ROOT / "_toc.yml").is_file() else None
ARTEFACT_ENV = "SCALING_BOOK_LEDGER"
NO_CHECKOUT = ("analysis is installed (in {where}), not run from the book's checkout, so the ledger artefact "
               "has no default place: give one, e.g. `python -m analysis.ledger ledger.json`")


def _default_artefact() -> Path:
    if ARTEFACT is None:
        raise ValueError(NO_CHECKOUT.format(where=PROJECT_ROOT))
    return ARTEFACT


def registered_claims(modules: Sequence[str] = CLAIM_MODULES) -> list[Claim]:
    """Every registered claim, in chapter order; raises if two claims share an id."""
    out: list[Claim] = []
    for name in modules:
        out.extend(importlib.import_module(name).CLAIMS)
    repeated = [i for i, n in Counter(c.id for c in out).items() if n > 1]
    if repeated:
        raise ValueError(f"claim ids must be unique; repeated: {repeated}")
    return out


def get_claim(claim_id: str, modules: Sequence[str] = CLAIM_MODULES) -> Claim:
    """The registered claim with this id."""
    for c in registered_claims(modules):
        if c.id == claim_id:
            return c
    raise ValueError(f"claim_id must name a registered claim; got {claim_id!r}")


@dataclass(frozen=True)
class ClaimRecord:
    """One row of the ledger (every field is plain data, so it round-trips through JSON)."""

    id: str
    article: tuple[str, ...]
    locator: tuple[str, ...]
    chapter: str
    anchor: str
    claim: str
    asserted: str
    test_type: str
    verdict: str
    checks: tuple[dict, ...]
    evidence: dict
    flips_if: str
    summary: str
    reason: str
    citations: tuple[str, ...]
    checklist: tuple[str, ...]
    #: Each counterfactual world: ``{"name", "expected", "verdict", "note"}`` (empty for literature and
    #: not-testable claims).
    worlds: tuple[dict, ...] = ()
    #: How the verdict fares over its multiverse (:func:`analysis.ledger.core.robustness`); None when the
    #: claim is not scored.
    robustness: dict | None = None
    #: Why the verdict falls short of "supported" (tags of :data:`analysis.ledger.rules.REASON_TAGS`; empty when
    #: supported).
    reason_tags: tuple[str, ...] = ()
    #: Whether an article's conclusion needs the claim (:data:`analysis.ledger.rules.LOAD_BEARING_RULE`).
    load_bearing: bool = False
    #: The article's own words at the first locator, at most about a dozen (:mod:`analysis.ledger.quotes`).
    quote: str = ""

    @property
    def titles(self) -> tuple[str, ...]:
        return tuple(ARTICLES[a][1] for a in self.article)

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def evaluate(claim: Claim, **params: Any) -> ClaimRecord:
    """Compute one claim's evidence (with the chapter's ``params``) and judge it; then its verdict over its
    multiverse and in each of its counterfactual worlds."""
    evidence = claim.evidence(**params)
    result = claim.judge(evidence)
    robust = None
    if claim.testable:
        specs = []
        for i, spec in enumerate(claim.specifications(**params)):
            verdict = result.verdict if i == 0 else claim.judge(claim.evidence(**{**params, **spec})).verdict
            specs.append((spec, verdict))
        robust = robustness(result.verdict, specs, claim.multiverse)
    article, locator = one_locator_per_article(claim.articles, claim.locators)
    return ClaimRecord(
        id=claim.id, article=article, locator=locator, chapter=claim.chapter,
        anchor=claim.anchor, claim=claim.claim, asserted=claim.asserted, test_type=claim.test_type,
        verdict=result.verdict, checks=tuple(c.as_dict() for c in result.checks), evidence=evidence,
        flips_if=result.flips_if, summary=result.summary, reason=claim.reason,
        citations=claim.citations, checklist=claim.checklist,
        worlds=tuple(run_world(claim, w, **params) for w in claim.worlds), robustness=robust,
        reason_tags=reason_tags_of(result, claim.reason, claim.reason_tags), load_bearing=claim.load_bearing,
        quote=QUOTES.get(claim.id, ""),
    )


def one_locator_per_article(articles: Sequence[str], locators: Sequence[str]
                            ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Each article once, in first-seen order, with its locators joined by "; " (a claim made twice in one article
    counts once for it)."""
    merged: dict[str, list[str]] = {}
    for a, loc in zip(articles, locators):
        merged.setdefault(a, []).append(loc)
    return tuple(merged), tuple("; ".join(locs) for locs in merged.values())


def world_verdict(claim: Claim, world: World, **params: Any) -> str:
    """The verdict the whole pipeline gives in ``world`` (data transformed, caches forgotten, evidence
    recomputed, judged), in this process. An exception is returned as ``"error: ..."``, never raised: an
    extreme world must be scored, and the tests fail on an error."""
    try:
        with data.world(world.data):
            return claim.judge(claim.evidence(**{**params, **world.params})).verdict
    except Exception as err:  # noqa: BLE001 - reported in the record, and failed by the tests
        return f"error: {type(err).__name__}: {err}"[:300]


def run_world(claim: Claim, world: World, **params: Any) -> dict:
    """One world's record ``{name, expected, verdict, note}``. Where the platform can fork, the world runs in
    a forked child, so this process keeps the results it has cached from the real data."""
    verdict = _in_child(lambda: world_verdict(claim, world, **params))
    return {"name": world.name, "expected": world.expected, "verdict": verdict, "note": world.note}


def _in_child(fn: Callable[[], str]) -> str:
    if not hasattr(os, "fork") or os.environ.get("SCALING_BOOK_NO_FORK"):
        return fn()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            os.close(read)
            # The child writes nothing but its verdict: a notebook kernel's output streams belong to threads
            # that do not exist in the child (writing to them could wait forever).
            import sys

            sys.stdout = sys.stderr = open(os.devnull, "w")
            out = fn().encode()
        except BaseException as err:  # noqa: BLE001
            out, code = f"error: {type(err).__name__}: {err}".encode()[:300], 1
        try:
            with os.fdopen(write, "wb") as pipe:
                pipe.write(out)
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        out = pipe.read().decode()
    os.waitpid(pid, 0)
    return out or "error: the world's process ended without a verdict"


def _evaluate_module(name: str) -> list[ClaimRecord]:
    return [evaluate(c) for c in registered_claims((name,))]


def evaluate_all(modules: Sequence[str] = CLAIM_MODULES, processes: int = 1) -> list[ClaimRecord]:
    """Every claim's ledger row under default parameters, in chapter order.

    Parameters
    ----------
    modules : sequence of str
        Claim modules to evaluate.
    processes : int
        Worker processes (one chapter module per task, so each module's cached results are reused
        within its worker). The result is the same for any number of processes.
    """
    if isinstance(processes, bool) or not isinstance(processes, int) or processes < 1:
        raise ValueError(f"processes must be a whole number >= 1; got {processes!r}")
    registered_claims(modules)  # fail early on duplicate ids
    if processes == 1:
        return [evaluate(c) for c in registered_claims(modules)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        parts = list(pool.map(_evaluate_module, modules))
    return [r for part in parts for r in part]


def card(claim_id: str, **params: Any) -> Card:
    """The verdict card of one claim, computed with the chapter's parameters (what chapters display).

    A name that is neither a parameter of the evidence of a claim of the same chapter nor one of the
    chapter's parameters (those of the latest :func:`analysis.house.parameters.check`) is refused by name,
    before any work.
    """
    claim = get_claim(claim_id)
    if claim.evidence_fn is None or not any(
            p.kind == p.VAR_KEYWORD for p in inspect.signature(claim.evidence_fn).parameters.values()):
        siblings = set().union(*(c.parameters() for c in registered_claims() if c.chapter == claim.chapter))
        unknown = sorted(set(params) - set(claim.parameters()) - siblings - parameters.declared())
        if unknown:
            own = ", ".join(claim.parameters()) or "none"
            chapter = ", ".join(sorted(parameters.declared())) or "none checked in this process"
            raise ValueError(f"unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
                             f"for claim {claim_id}: its evidence takes {own}; the chapter's parameters: {chapter}")
    return Card(_built_record(claim, params) or evaluate(claim, **params))


def _built_record(claim: Claim, params: dict) -> ClaimRecord | None:
    """The row the build's ledger part already computed for ``claim`` when ``params`` leave it at its defaults
    (:mod:`analysis.ledger.reuse`; None outside the build)."""
    from analysis.ledger import reuse

    if not os.environ.get(reuse.PARTS_ENV):
        return None
    module = next((m for m in CLAIM_MODULES if any(c.id == claim.id for c in registered_claims((m,)))), None)
    return reuse.built_record(claim, params, module)


def show(claim_id: str, **params: Any) -> Card:
    """Alias of :func:`card`."""
    return card(claim_id, **params)


# --- The artefact ---------------------------------------------------------------------------------

CSV_FIELDS = ("id", "verdict", "test_type", "article", "locator", "chapter", "claim", "asserted",
              "summary", "flips_if", "reason", "checks", "evidence", "citations", "checklist", "anchor",
              "worlds", "robustness", "reason_tags", "load_bearing", "quote")


def to_json(records: Sequence[ClaimRecord]) -> str:
    """The ledger as JSON: a list of rows with every field of :class:`ClaimRecord`."""
    return json.dumps([r.as_dict() for r in records], indent=1, ensure_ascii=False)


def to_csv(records: Sequence[ClaimRecord]) -> str:
    """The ledger as CSV, one row per claim; list fields joined by ' | ', checks and evidence as JSON."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in records:
        d = r.as_dict()
        row = {k: d[k] for k in CSV_FIELDS}
        for k in ("article", "locator", "citations", "checklist", "reason_tags"):
            row[k] = " | ".join(d[k])
        for k in ("checks", "evidence", "worlds", "robustness"):
            row[k] = json.dumps(d[k], ensure_ascii=False)
        writer.writerow(row)
    return buf.getvalue()


def from_json(text: str) -> list[ClaimRecord]:
    """Rows written by :func:`to_json`."""
    rows = json.loads(text)
    out = []
    for d in rows:
        for k in ("article", "locator", "citations", "checklist", "checks", "worlds", "reason_tags"):
            d[k] = tuple(d.get(k, ()))
        out.append(ClaimRecord(**d))
    return out


def write_artefact(path: str | Path | None = None, records: Sequence[ClaimRecord] | None = None) -> Path:
    """Evaluate the ledger (unless ``records`` are given) and write ``ledger.json`` and ``ledger.csv`` at
    ``path`` (default :data:`ARTEFACT`; an installed package has none and refuses)."""
    path = _default_artefact() if path is None else Path(path)
    if path.suffix != ".json":
        raise ValueError(f"path must end in .json; got {str(path)!r}")
    records = evaluate_all() if records is None else records
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_json(records))
    path.with_suffix(".csv").write_text(to_csv(records))
    return path


def load_records(path: str | Path | None = None) -> list[ClaimRecord]:
    """The ledger rows from an artefact: ``path``, else ``$SCALING_BOOK_LEDGER`` (the build sets it), else
    :data:`ARTEFACT`.

    A ``path`` or ``$SCALING_BOOK_LEDGER`` naming no file is refused (``ValueError``). Without either, and
    no artefact at the default place (a chapter run outside the build, or on Colab), the rows are computed
    here, with a warning that says so.
    """
    for name, given in (("path", path), (ARTEFACT_ENV, os.environ.get(ARTEFACT_ENV) if path is None else None)):
        if given:
            if not Path(given).is_file():
                raise ValueError(f"{name} must name a ledger artefact; got {str(given)!r}, which is not a file "
                                 f"(write it with `python -m analysis.ledger {given}`)")
            return from_json(Path(given).read_text())
    if ARTEFACT is not None and ARTEFACT.is_file():
        return from_json(ARTEFACT.read_text())
    where = f"at {ARTEFACT}" if ARTEFACT is not None else "(an installed package has no default place)"
    warnings.warn(f"no ledger artefact {where}: computing every claim here (a minute or two); "
                  "`python -m analysis.ledger` in the book's checkout writes it once", stacklevel=2)
    return evaluate_all()


def verdict_counts(records: Sequence[ClaimRecord]) -> dict[str, int]:
    """Number of claims per verdict, in the order of :data:`VERDICTS`."""
    counts = Counter(r.verdict for r in records)
    return {v: counts.get(v, 0) for v in VERDICTS}


def counts_by(records: Sequence[ClaimRecord], field: str) -> dict[str, dict[str, int]]:
    """Verdict counts per value of ``field`` (``"article"``, ``"chapter"`` or ``"test_type"``); a claim of
    several articles counts once for each."""
    if field not in ("article", "chapter", "test_type"):
        raise ValueError(f"field must be 'article', 'chapter' or 'test_type'; got {field!r}")
    table: dict[str, Counter] = {}
    for r in records:
        keys = r.article if field == "article" else (getattr(r, field),)
        for k in keys:
            table.setdefault(k, Counter())[r.verdict] += 1
    if field == "article":
        table = {k: table[k] for k in sorted(table)}
    return {k: {v: c.get(v, 0) for v in VERDICTS} for k, c in table.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analysis.ledger [PATH]``: write the ledger artefact (default :data:`ARTEFACT`; an installed
    package has no default and asks for a path)."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Evaluate every claim and write ledger.json + ledger.csv")
    parser.add_argument("path", nargs="?", default=None,
                        help=f"where to write ledger.json (default: {ARTEFACT or 'none, for an installed package'})")
    parser.add_argument("--processes", type=int, default=min(2, os.cpu_count() or 1),
                        help="worker processes (default: 2, or 1 on a one-core machine)")
    args = parser.parse_args(argv)
    if args.path is None and ARTEFACT is None:
        parser.error(NO_CHECKOUT.format(where=PROJECT_ROOT))
    start = time.perf_counter()
    records = evaluate_all(processes=args.processes)
    out = write_artefact(args.path, records)
    counts = ", ".join(f"{n} {v}" for v, n in verdict_counts(records).items())
    print(f"ledger: {len(records)} claims ({counts}) in {time.perf_counter() - start:.1f} s -> {out}")
    return 0
