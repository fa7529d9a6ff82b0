"""Verdicts that respond to the world: every data and model claim has counterfactual worlds (its real input
data transformed so that the sentence is plainly true, or plainly false), the whole pipeline gives the fair
verdict in each, no world raises, and every scored claim is evaluated over a multiverse of analysis choices.

Claims not yet given their worlds and multiverse are listed in ``worlds_pending.txt`` (the list may only
shrink, and must name real claims that still lack them).

A world's verdict is the one the build computed (``run_world``, in the ledger part of its claim module) when
that part's inputs are unchanged since (the build's own digest of the module, what it imports and the data
files it names: tools/build_book.py); otherwise it is computed here. ``make test`` runs after ``make book``,
so the worlds are not run twice.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from analysis import ledger as C

CLAIMS = C.registered_claims()
SCORED = [c for c in CLAIMS if c.test_type in (C.DATA, C.MODEL)]
PENDING_FILE = Path(__file__).with_name("worlds_pending.txt")


def pending() -> set[str]:
    lines = PENDING_FILE.read_text().splitlines() if PENDING_FILE.exists() else []
    return {ln.split("#")[0].strip() for ln in lines if ln.split("#")[0].strip()}


def built_world_verdicts() -> dict[tuple[str, int, str], str]:
    """(claim id, world index, world name) -> the verdict the build's ledger part recorded, for every part
    whose inputs have not changed since the build computed it (its stamp equals the build's digest now)."""
    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("build_book_for_worlds", root / "tools" / "build_book.py")
    build_book = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_book)
    parts, out = build_book.LEDGER.parent / "parts", {}
    for module in build_book.claim_module_names():
        part, stamp = parts / f"{module}.json", parts / f"{module}.sha256"
        if not (part.is_file() and stamp.is_file() and stamp.read_text() == build_book.ledger_part_digest(module)):
            continue
        for r in C.from_json(part.read_text()):
            out |= {(r.id, i, w["name"]): w["verdict"] for i, w in enumerate(r.worlds)}
    return out


BUILT = built_world_verdicts()
DONE = [c for c in SCORED if c.id not in pending()]
WORLDS = [(c, w) for c in DONE for w in c.worlds]


def test_the_pending_list_names_only_claims_that_still_lack_worlds():
    by_id = {c.id: c for c in CLAIMS}
    stale = sorted(i for i in pending() if i not in by_id or by_id[i].test_type not in (C.DATA, C.MODEL)
                   or (len(by_id[i].worlds) >= 2 and by_id[i].multiverse))
    assert not stale, f"remove from {PENDING_FILE.name}: {stale}"


@pytest.mark.parametrize("claim", DONE, ids=lambda c: c.id)
def test_every_data_and_model_claim_has_a_true_and_a_false_world(claim):
    expected = [w.expected for w in claim.worlds]
    assert len(expected) >= 2, f"{claim.id}: at least two worlds"
    assert C.SUPPORTED in expected, f"{claim.id}: no world where the sentence is plainly true"
    assert C.NOT_SUPPORTED in expected or C.PARTLY in expected, f"{claim.id}: no world where it is false"
    for w in claim.worlds:
        assert w.data or w.params, (claim.id, w.name)


@pytest.mark.parametrize("claim", DONE, ids=lambda c: c.id)
def test_every_data_and_model_claim_has_a_multiverse(claim):
    assert claim.multiverse, f"{claim.id}: no analysis choice is varied"
    specs = claim.specifications()
    assert 2 <= len(specs) <= C.core.MAX_SPECS


@pytest.mark.parametrize("claim,world", WORLDS, ids=lambda x: x.id if hasattr(x, "id") else x.name)
def test_each_world_gives_the_fair_verdict(claim, world):
    key = (claim.id, claim.worlds.index(world), world.name)
    got = {"verdict": BUILT[key]} if key in BUILT else C.run_world(claim, world)
    assert not got["verdict"].startswith("error"), f"{claim.id} in '{world.name}': {got['verdict']}"
    assert got["verdict"] == world.expected, (f"{claim.id} in world '{world.name}': a fair reader says "
                                              f"{world.expected}, the pipeline gives {got['verdict']}")


def test_a_built_world_verdict_is_the_one_computed_here():
    """The verdicts taken from the build are the pipeline's: one world per part, recomputed, agrees."""
    checked = set()
    for claim, world in WORLDS:
        key = (claim.id, claim.worlds.index(world), world.name)
        module = claim.chapter
        if key in BUILT and module not in checked:
            checked.add(module)
            assert C.run_world(claim, world)["verdict"] == BUILT[key], key


def test_a_world_changes_what_the_loaders_return_and_nothing_after():
    from analysis.house import data

    real = data.load_chinchilla_runs()["loss"].sum()
    with data.world({data.CHINCHILLA_FIG4.filename: lambda f: f.assign(loss=f["loss"] * 2)}):
        assert data.load_chinchilla_runs()["loss"].sum() == pytest.approx(2 * real)
    assert data.load_chinchilla_runs()["loss"].sum() == real
    with pytest.raises(ValueError, match="must be callable"):
        with data.world({"x.csv": 3}):
            pass


def test_a_world_that_raises_is_scored_as_an_error_not_raised():
    def boom(_frame):
        raise RuntimeError("no data in this world")

    claim = C.get_claim("SL-1")
    world = C.World("a world whose loader breaks", C.NOT_SUPPORTED, data={"chinchilla_fig4_N_D_loss.csv": boom})
    got = C.run_world(claim, world)
    assert got["verdict"].startswith("error: RuntimeError")
    assert C.world_verdict(claim, world).startswith("error: RuntimeError")
