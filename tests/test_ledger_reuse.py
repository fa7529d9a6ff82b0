"""A chapter's verdict cards reuse the rows its ledger part computed in the same build, and only when the
chapter's parameters leave the claim at its defaults (analysis.ledger.reuse, issue 31)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from analysis import ledger as C
from analysis.ledger import reuse

MODULE = "analysis.ledger.general"


def evidence(*, n_boot: int = 200, start: float = 2012.0, method: str = "ols"):
    return {}


def takes_anything(**kwargs):
    return {}


def needs_a_value(x, *, n_boot: int = 200):
    return {}


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.text(), st.booleans()))
def test_a_value_is_the_same_as_itself_and_not_as_another_type(v):
    assert reuse.same_value(v, v)
    assert not reuse.same_value(v, [v])


def test_one_and_one_point_zero_and_true_are_different_values():
    assert not reuse.same_value(1, 1.0) and not reuse.same_value(True, 1) and not reuse.same_value(0.1, 0.1000001)


def test_at_defaults_only_when_every_accepted_parameter_is_its_default():
    assert reuse.at_defaults(evidence, {})
    assert reuse.at_defaults(evidence, {"n_boot": 200, "start": 2012.0, "seed": 7})  # seed: not taken, not passed
    assert not reuse.at_defaults(evidence, {"n_boot": 100})
    assert not reuse.at_defaults(evidence, {"start": 2012})  # an int where the default is a float
    assert reuse.at_defaults(takes_anything, {}) and not reuse.at_defaults(takes_anything, {"n_boot": 200})
    assert not reuse.at_defaults(needs_a_value, {"x": 1})
    assert reuse.at_defaults(None, {"n_boot": 3})  # no evidence function: nothing computed


def _write_part(folder, stamp=True):
    records = C.evaluate_all((MODULE,))
    (folder / f"{MODULE}.json").write_text(C.to_json(records))
    if stamp:
        (folder / f"{MODULE}.sha256").write_text("digest")
    return records


def test_a_card_takes_its_row_from_the_part_when_at_defaults(tmp_path, monkeypatch):
    records = _write_part(tmp_path)
    claim = C.get_claim(records[0].id)
    got = reuse.built_record(claim, {}, MODULE, tmp_path)
    assert got == C.from_json(C.to_json([records[0]]))[0]
    monkeypatch.setenv(reuse.PARTS_ENV, str(tmp_path))
    assert repr(C.card(claim.id)) == repr(C.Card(records[0]))
    monkeypatch.delenv(reuse.PARTS_ENV)
    assert repr(C.card(claim.id)) == repr(C.Card(records[0]))  # computed here: the same card


def test_no_row_without_a_complete_part_or_away_from_the_defaults(tmp_path, monkeypatch):
    monkeypatch.delenv(reuse.PARTS_ENV, raising=False)
    records = _write_part(tmp_path, stamp=False)
    claim = C.get_claim(records[0].id)
    assert reuse.built_record(claim, {}, MODULE, tmp_path) is None  # no stamp: the part is not complete
    assert reuse.built_record(claim, {}, MODULE) is None  # the build named no parts folder
    assert reuse.built_record(claim, {}, None, tmp_path) is None
    assert reuse.part_file("analysis.nothing.claims", tmp_path) is None
