"""The claim contract's building blocks: checks, verdicts, flips, tolerances and bad input."""

from __future__ import annotations

import math

import pytest

from analysis import ledger as C


def _claim(judge, evidence):
    return C.Claim("ZZ-1", ("004",), ("§ Somewhere ¶ 1",), "economics", "x", "A test claim.", "x3",
                   C.DATA, lambda: evidence, judge)


def test_checks_pass_and_fail_at_their_thresholds():
    ev = {"a": 2.0}
    assert C.at_least(ev, "a", 2.0, "a").passed and not C.at_least(ev, "a", 2.1, "a").passed
    assert C.at_most(ev, "a", 2.0, "a").passed and not C.at_most(ev, "a", 1.9, "a").passed
    assert C.about(ev, "a", 3.0, "a").passed and not C.about(ev, "a", 3.01, "a").passed
    assert C.near(ev, "a", 7.0, "a").passed and not C.near(ev, "a", 7.01, "a").passed


def test_rate_tolerance_is_on_the_doubling_time():
    assert C.about_rate({"g": 2.5}, "g", 3.0, "g").passed          # ln3/ln2.5 < 1.2
    assert not C.about_rate({"g": 2.35}, "g", 3.0, "g").passed     # 22 % longer doubling time
    assert C.about_rate({"g": 3.0 ** 1.2}, "g", 3.0, "g").passed
    assert not C.about_rate({"g": 3.0 ** 1.21}, "g", 3.0, "g").passed


def test_verdict_rule():
    assert C.verdict_of([True, True]) == C.SUPPORTED
    assert C.verdict_of([True, False]) == C.PARTLY
    assert C.verdict_of([False, False]) == C.NOT_SUPPORTED
    with pytest.raises(ValueError, match="at least one check"):
        C.verdict_of([])


def test_flip_is_the_nearest_change_and_really_flips():
    def judge(e):
        return C.assess([C.at_least(e, "near", 1.0, "near one"), C.at_least(e, "far", 100.0, "far")], "s")

    ev = {"near": 1.1, "far": 1000.0}
    a = judge(ev)
    assert a.verdict == C.SUPPORTED and a.flip.key == "near" and a.flip.verdict == C.PARTLY
    assert judge({**ev, "near": a.flip.value}).verdict == C.PARTLY
    assert "below 1" in a.flips_if and "measured 1.1" in a.flips_if


def test_boolean_checks_flip_by_negation():
    a = C.assess([C.holds({"ok": True}, "ok", "the slope falls")], "s")
    assert a.flip.value is False and a.flip.verdict == C.NOT_SUPPORTED
    with pytest.raises(ValueError, match="must be a bool"):
        C.holds({"ok": 1.0}, "ok", "x")


def test_interval_reported_but_point_decides():
    ev = {"g": 2.9, "g_low": 2.0, "g_high": 3.5}
    check = C.at_least(ev, "g", 2.5, "growth")
    assert check.passed and check.interval_straddles and (check.low, check.high) == (2.0, 3.5)


def test_bad_evidence_is_refused_with_its_name():
    with pytest.raises(ValueError, match="evidence has no entry 'b'"):
        C.at_least({"a": 1.0}, "b", 1.0, "b")
    with pytest.raises(ValueError, match="must be finite"):
        C.at_least({"a": math.nan}, "a", 1.0, "a")
    with pytest.raises(ValueError, match="must be a number"):
        C.at_least({"a": True}, "a", 1.0, "a")
    claim = _claim(lambda e: C.assess([C.at_least(e, "a", 1.0, "a")], "s"), {"a": math.inf})
    with pytest.raises(ValueError, match="evidence\\['a'\\] must be a finite number"):
        claim.evidence()


def test_claim_fields_are_validated():
    with pytest.raises(ValueError, match="article must be one of"):
        C.Claim("ZZ-2", ("009",), ("§ x ¶ 1",), "c", "a", "t", "x", C.DATA, dict, dict)
    with pytest.raises(ValueError, match="one locator per article"):
        C.Claim("ZZ-2", ("000", "001"), ("§ x ¶ 1",), "c", "a", "t", "x", C.DATA, dict, dict)
    with pytest.raises(ValueError, match="needs evidence_fn"):
        C.Claim("ZZ-2", ("000",), ("§ x ¶ 1",), "c", "a", "t", "x", C.MODEL)
    with pytest.raises(ValueError, match="needs a reason"):
        C.not_testable("ZZ-2", ("000",), ("§ x ¶ 1",), "t", "x", reason="because")
    with pytest.raises(ValueError, match="needs citations"):
        C.Claim("ZZ-2", ("000",), ("§ x ¶ 1",), "c", "a", "t", "x", C.LITERATURE, dict, dict)


def test_evidence_receives_only_the_parameters_it_takes():
    seen = {}

    def evidence(n_boot: int = 10):
        seen["n_boot"] = n_boot
        return {"a": float(n_boot)}

    claim = C.Claim("ZZ-3", ("000",), ("§ x ¶ 1",), "c", "a", "t", "x", C.DATA, evidence,
                    lambda e: C.assess([C.at_least(e, "a", 5.0, "a")], "s"))
    assert claim.evidence(n_boot=3, seed=1) == {"a": 3.0} and seen["n_boot"] == 3
    assert claim.parameters() == ("n_boot",)
    assert C.evaluate(claim, n_boot=3).verdict == C.NOT_SUPPORTED
    assert C.evaluate(claim).verdict == C.SUPPORTED


def test_card_has_no_repr_and_names_the_verdict():
    claim = _claim(lambda e: C.assess([C.at_least(e, "a", 1.0, "a measured thing")], "Summary."), {"a": 2.0})
    card = C.Card(C.evaluate(claim))
    html = card._repr_html_()
    assert "ClaimRecord(" not in html and "supported" in html and "ledger.html#claim-zz-1" in html
    assert "ClaimRecord(" not in repr(card) and repr(card).startswith("ZZ-1: SUPPORTED")


def test_every_verdict_has_one_colour_pair():
    from analysis.house.charts import VERDICT_COLOURS

    assert tuple(VERDICT_COLOURS) == C.VERDICTS


def test_ledger_cards_are_their_own_anchor_and_link_back_to_the_table():
    from analysis.ledger import pages

    claim = _claim(lambda e: C.assess([C.at_least(e, "a", 1.0, "a")], "Summary."), {"a": 2.0})
    html = pages.cards_html([C.evaluate(claim)])
    assert 'id="claim-zz-1"' in html and 'href="#ledger-table">back to the table</a>' in html
    assert 'economics.html#card-zz-1">in its chapter</a>' in html and "in the claims ledger" not in html


# --- Rules of reading added with the worlds and the multiverse (issue 23) ----------------------------

def test_a_null_needs_a_margin_beyond_its_interval():
    grows = {"g": 0.3, "g_low": 0.1, "g_high": 0.5}
    assert C.beyond(grows, "g", 0.0, "growth", direction="above").passed
    assert not C.beyond({**grows, "g_low": 0.0}, "g", 0.0, "growth", direction="above").passed  # touches the null
    assert not C.beyond({**grows, "g_low": -0.1}, "g", 0.0, "growth", direction="above").passed
    assert C.beyond({"r": 0.7, "r_low": 0.5, "r_high": 0.9}, "r", 1.0, "ratio", direction="below").passed
    assert not C.beyond({"r": 1.0, "r_low": 1.0, "r_high": 1.0}, "r", 1.0, "ratio", direction="below").passed
    with pytest.raises(ValueError, match="needs an interval"):
        C.beyond({"g": 0.3}, "g", 0.0, "growth", direction="above")
    with pytest.raises(ValueError, match="direction"):
        C.beyond(grows, "g", 0.0, "growth", direction="up")


def test_shares_are_over_a_stated_population():
    ev = {"wins": 4.0, "pairs": 10.0}
    assert C.share_at_least(ev, "wins", "pairs", C.OFTEN_SHARE, "wins", population="pairs").passed
    assert not C.share_at_least(ev, "wins", "pairs", C.MOST_SHARE, "wins", population="pairs").passed
    assert not C.share_at_least({"wins": 5.0, "pairs": 10.0}, "wins", "pairs", C.MOST_SHARE, "wins",
                                population="pairs", strict=True).passed
    with pytest.raises(ValueError, match="0 <= wins <= pairs"):
        C.share_at_least({"wins": 11.0, "pairs": 10.0}, "wins", "pairs", 0.5, "wins", population="pairs")


def test_thin_checks_do_not_decide():
    ev = {"a": 2.0, "b": 0.0}
    thin = C.at_least(ev, "a", 1.0, "a on three points", n_points=3)
    thick = C.at_least(ev, "b", 1.0, "b on ten points", n_points=10)
    assert thin.thin and not thick.thin
    assert C.assess([thin, thick], "s").verdict == C.NOT_SUPPORTED  # the thin pass does not count
    alone = C.assess([thin], "s")
    assert alone.verdict == C.NOT_TESTABLE and "thin evidence" in alone.flips_if


def test_mixed_bases_say_what_the_data_alone_give():
    ev = {"a": 2.0, "b": 0.0}
    out = C.assess([C.at_least(ev, "a", 1.0, "a", basis="data"), C.at_least(ev, "b", 1.0, "b", basis="constant")],
                   "s")
    assert out.verdict == C.PARTLY and "data alone would give 'supported'" in out.summary
    with pytest.raises(ValueError, match="basis"):
        C.at_least(ev, "a", 1.0, "a", basis="hunch")


def test_worlds_and_choices_are_checked_when_declared():
    with pytest.raises(ValueError, match="expected"):
        C.World("w", "maybe", params={"x": 1})
    with pytest.raises(ValueError, match="which part"):
        C.World("w", C.PARTLY, params={"x": 1})
    with pytest.raises(ValueError, match="neither"):
        C.World("w", C.SUPPORTED)
    with pytest.raises(ValueError, match="at least two"):
        C.Choice("x", (1,), "why")

    def evidence(x: float = 1.0, y: str = "a"):
        return {"v": x}

    def judge(e):
        return C.assess([C.at_least(e, "v", 1.5, "v")], "s")

    claim = C.Claim("ZZ-2", ("004",), ("§ Somewhere ¶ 1",), "economics", "x", "A claim.", "x", C.DATA,
                    evidence, judge, multiverse=(C.Choice("x", (1.0, 2.0, 3.0), "why"),
                                                 C.Choice("y", ("a", "b"), "why")))
    specs = claim.specifications()
    assert len(specs) == 6 and specs[0] == {"x": 1.0, "y": "a"}
    record = C.evaluate(claim)
    r = record.robustness
    assert record.verdict == C.NOT_SUPPORTED and r["n_specs"] == 6 and r["n_agree"] == 2
    assert r["fragile"] and r["flips_under"] == ["x=2", "x=3"]
    with pytest.raises(ValueError, match="include its default"):
        C.Claim("ZZ-3", ("004",), ("§ S ¶ 1",), "economics", "x", "A claim.", "x", C.DATA, evidence, judge,
                multiverse=(C.Choice("x", (2.0, 3.0), "why"),))
    with pytest.raises(ValueError, match="parameter with a default"):
        C.Claim("ZZ-4", ("004",), ("§ S ¶ 1",), "economics", "x", "A claim.", "x", C.DATA, evidence, judge,
                multiverse=(C.Choice("z", (2.0, 3.0), "why"),))


def test_robustness_counts_agreement_and_flips():
    specs = [({"w": 1}, C.SUPPORTED), ({"w": 2}, C.SUPPORTED), ({"w": 3}, C.PARTLY)]
    r = C.robustness(C.SUPPORTED, specs)
    assert (r["n_specs"], r["n_agree"], r["fragile"], r["flips_under"]) == (3, 2, False, ["w=3"])
    assert r["share_agree"] == pytest.approx(2 / 3)
    with pytest.raises(ValueError, match="default"):
        C.robustness(C.SUPPORTED, [])


def test_verdicts_come_from_booleans_only():
    for bad in ([float("nan")], ["yes"], [1, True]):
        with pytest.raises(ValueError, match="passed must hold booleans"):
            C.verdict_of(bad)
