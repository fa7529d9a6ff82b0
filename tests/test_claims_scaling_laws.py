"""SL-* claims: counterfactuals that flip each verdict, the readings of issue 23, and the evidence against
published figures."""

from __future__ import annotations

import pytest

from analysis import ledger as C
from analysis.scaling_laws import claims as m

BY_ID = {c.id: c for c in m.CLAIMS}


@pytest.fixture(scope="module")
def evidence():
    return {c.id: c.evidence(n_boot=60) for c in m.CLAIMS if c.testable}


def _judge(cid, ev, **changes):
    return BY_ID[cid].judge({**ev[cid], **changes}).verdict


def test_every_checklist_row_of_the_chapter_is_registered():
    rows = {r for c in m.CLAIMS for r in c.checklist}
    assert {"A0-29", "A1-01", "A1-03", "A1-07", "A1-08", "A1-09", "A1-10", "A1-18", "A2-01", "A2-03", "A2-06",
            "A2-10", "A2-32", "A3-05", "A4-05", "A4-06", "A4-07", "A4-08", "A4-09", "A4-10"} <= rows
    assert sum(c.testable for c in m.CLAIMS) >= 2 * len(m.CLAIMS) / 3 - 1


def test_sl1_needs_a_margin_and_no_wall(evidence):
    e = evidence["SL-1"]
    assert _judge("SL-1", evidence) == C.SUPPORTED
    assert e["relative_gain_ratio_high"] < 1 and e["top_gain_low"] > 0
    # the later decade equal to the earlier one within noise: "buys less" fails
    assert _judge("SL-1", evidence, relative_gain_ratio_high=1.05, absolute_gain_ratio_high=1.02) == C.PARTLY
    # a wall: the top of the range buys nothing
    assert _judge("SL-1", evidence, top_gain=0.0, top_gain_low=0.0, top_gain_high=0.0) == C.PARTLY


def test_sl2_is_scored_on_shape_alone(evidence):
    e = evidence["SL-2"]
    # the log law neither predicts the larger runs nor shows its signature (equal loss removed per decade)
    assert _judge("SL-2", evidence) == C.NOT_SUPPORTED
    assert _judge("SL-2", evidence, rms_log=0.01) == C.PARTLY
    assert _judge("SL-2", evidence, rms_log=0.01, absolute_ratio=1.0) == C.SUPPORTED
    # shrinking returns per FLOP, true of every bending curve, are reported but no longer scored
    assert e["rms_log"] > e["rms_floor"] and e["per_flop_ratio_high"] < 1
    assert "per_flop_ratio_low" not in {ch.key for ch in BY_ID["SL-2"].judge(e).checks}


def test_sl4_can_fail_on_a_loss_curve(evidence):
    # a pure power law removes the same share per doubling in every decade: ratio 1, and the row fails
    assert _judge("SL-4", evidence, doubling_gain_ratio=1.0, doubling_gain_ratio_low=0.95,
                  doubling_gain_ratio_high=1.05) == C.NOT_SUPPORTED


def test_sl3_is_a_conditional_and_not_scored():
    assert not BY_ID["SL-3"].testable and BY_ID["SL-3"].reason.startswith("conditional")


def test_sl4_reads_the_fall_of_the_return_to_doubling(evidence):
    assert _judge("SL-4", evidence) == C.SUPPORTED
    assert _judge("SL-4", evidence, doubling_gain_ratio_high=1.0) == C.NOT_SUPPORTED  # equality never passes


def test_sl5_table_read_in_parameter_decades(evidence):
    e = evidence["SL-5"]
    assert _judge("SL-5", evidence) == C.NOT_SUPPORTED
    assert _judge("SL-5", evidence, gain_0=0.40, gain_1=0.30, gain_2=0.15) == C.SUPPORTED
    assert e["gain_0"] > e["gain_1"] > e["gain_2"] and 60 < e["compute_multiple"] < 130
    assert e["decades_extrapolated"] == 2 and BY_ID["SL-5"].test_type == C.MODEL
    r = BY_ID["SL-5"].evidence(n_boot=60, measure="reducible")
    assert r["gain_0"] == pytest.approx(r["gain_2"], rel=1e-6)  # the reducible share is the same every row


def test_generation_claims_against_epochs_figures(evidence):
    e = evidence["SL-7"]
    assert e["gpt3_over_gpt2"] == pytest.approx(3.14e23 / 1.92e21) and e["gpt4_over_gpt3"] == pytest.approx(2.1e25 / 3.14e23)
    assert _judge("SL-7", evidence) == C.NOT_SUPPORTED
    assert _judge("SL-7", evidence, gpt3_over_gpt2=12.0, gpt4_over_gpt3=9.0) == C.SUPPORTED
    assert _judge("SL-8", evidence) == C.SUPPORTED
    assert _judge("SL-8", evidence, gpt4_over_gpt3=150.0) == C.NOT_SUPPORTED  # a range is one statement
    assert _judge("SL-8", evidence, gpt4_over_gpt3=9.0) == C.NOT_SUPPORTED
    assert _judge("SL-9", evidence) == C.SUPPORTED
    assert _judge("SL-9", evidence, gpt3_params=540e9) == C.PARTLY


def test_sl10_scores_what_was_reported():
    c = BY_ID["SL-10"]
    assert c.test_type == C.LITERATURE and c.citations == ("patel2023gpt4",)
    assert c.judge(c.evidence()).verdict == C.SUPPORTED
    assert c.judge({**c.evidence(), "reported_params": 8e11}).verdict == C.PARTLY


def test_sl11_growth_rate(evidence):
    assert _judge("SL-11", evidence) == C.SUPPORTED
    assert _judge("SL-11", evidence, growth=2.5) == C.NOT_SUPPORTED


def test_sl12_measurably_better_is_beyond_metrs_uncertainty(evidence):
    e = evidence["SL-12"]
    assert e["horizon_doublings_gpt2_gpt3_low"] < 0 < e["horizon_doublings_gpt3_gpt4_low"]
    assert _judge("SL-12", evidence) == C.PARTLY
    assert _judge("SL-12", evidence, horizon_doublings_gpt2_gpt3_low=0.5) == C.SUPPORTED


def test_sl13_sl18_and_sl14_flip(evidence):
    assert _judge("SL-13", evidence, heldout_rms_floor=0.05) == C.NOT_SUPPORTED
    assert BY_ID["SL-13"].articles == ("002", "004") and BY_ID["SL-18"].articles == ("001",)
    assert _judge("SL-18", evidence) == C.SUPPORTED
    assert _judge("SL-18", evidence, forecast_mae=9.0, fit_wins=2.0) == C.NOT_SUPPORTED
    assert _judge("SL-14", evidence, shape_over_decade_high=1.2) == C.NOT_SUPPORTED
    assert evidence["SL-13"]["decades_ahead"] == pytest.approx(0.76, abs=0.05)


def test_sl15_locator_names_the_answer_line():
    assert BY_ID["SL-15"].locators == ("§ Why do scaling laws produce diminishing returns beyond a certain model "
                                       "size? ¶ 2",)
