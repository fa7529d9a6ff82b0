"""Claims PR-1..16 (chapter "Is progress slowing?"): evidence against the data, explicit counterfactuals."""

import pytest

from analysis import ledger as C
from analysis.progress import metr
from analysis.progress import claims as P

BY_ID = {c.id: c for c in P.CLAIMS}
EV = {}


def ev(cid):
    if cid not in EV:
        EV[cid] = BY_ID[cid].evidence(n_boot=40, seed=0)
    return dict(EV[cid])


def test_checklist_rows_are_covered():
    rows = {r for c in P.CLAIMS for r in c.checklist}
    mine = {"A0-02", "A0-10", "A0-21", "A0-31", "A1-04", "A1-05", "A1-06", "A2-05", "A2-07", "A2-08", "A2-09",
            "A2-14", "A2-16", "A3-01", "A3-06", "A3-16", "A4-02", "A4-03", "A4-13", "A4-15", "A4-34", "A4-65",
            "A4-66"}
    assert mine <= rows
    testable = [c for c in P.CLAIMS if c.testable]
    assert all(c.test_type == C.DATA for c in testable)


def test_pr1_stopped_climbing():
    e = ev("PR-1")
    assert e["metr_days_since_2024"] == pytest.approx(metr.metr_doubling_time("1.1", "2024-01-01").days)
    assert BY_ID["PR-1"].judge(e).verdict == C.NOT_SUPPORTED
    assert e["metr_slowdown_v10"] < 1  # v1.0 agrees: faster since 2024
    flat = dict(e, eci_slope_ratio=0.2, eci_slope_after=2.0, metr_slowdown=1.5, metr_slowdown_v10=1.3)
    assert BY_ID["PR-1"].judge(flat).verdict == C.SUPPORTED


def test_pr2_smaller_and_smaller():
    e = ev("PR-2")
    assert e["gain_ratio"] == pytest.approx(e["gain_last_year"] / e["gain_previous_year"])
    base = BY_ID["PR-2"].judge(e).verdict
    assert base == C.PARTLY
    growing = dict(e, gain_ratio=1.3, gain_drop=-4.0)
    assert BY_ID["PR-2"].judge(growing).verdict == C.NOT_SUPPORTED
    beyond_revision = dict(e, gain_drop=8.0, metr_slowdown=1.2, metr_slowdown_v10=1.1)
    assert BY_ID["PR-2"].judge(beyond_revision).verdict == C.SUPPORTED


def test_pr3_per_compute():
    e = ev("PR-3")
    assert BY_ID["PR-3"].judge(e).verdict == C.PARTLY
    assert BY_ID["PR-3"].judge(dict(e, pc1_elasticity_ratio=0.8)).verdict == C.SUPPORTED
    assert BY_ID["PR-3"].judge(dict(e, eci_elasticity_ratio=1.2)).verdict == C.NOT_SUPPORTED


def test_pr4_relative_to_compute():
    e = ev("PR-4")
    assert e["eci_per_year_fixed_compute"] > 0
    assert BY_ID["PR-4"].judge(e).verdict == C.PARTLY
    assert BY_ID["PR-4"].judge(dict(e, eci_per_year_fixed_compute=-1.0)).verdict == C.SUPPORTED


def test_pr5_generations_against_metr_file():
    e = ev("PR-5")
    # METR v1.1: gpt2 0.039762, davinci_002 0.148793, gpt_4 3.987428 minutes (values as in the YAML).
    import numpy as np
    assert e["gpt3_to_gpt4"] == pytest.approx(np.log2(3.987428 / 0.148793) / np.log10(2.1e25 / 3.14e23), rel=1e-5)
    assert BY_ID["PR-5"].judge(e).verdict == C.NOT_SUPPORTED
    assert BY_ID["PR-5"].judge(dict(e, generation_ratio=0.5)).verdict == C.SUPPORTED


def test_pr6_params():
    e = ev("PR-6")
    v = BY_ID["PR-6"].judge(e).verdict
    assert v in (C.SUPPORTED, C.PARTLY)
    assert BY_ID["PR-6"].judge(dict(e, gain_10b_100b=5.0, band_ratio=1.5, gain_100b_1t=-1.0)).verdict == C.NOT_SUPPORTED


def test_pr7_ceiling():
    e = ev("PR-7")
    assert e["n_near_ceiling"] <= e["n_benchmarks"]
    assert BY_ID["PR-7"].judge(dict(e, share_near_ceiling=0.1)).verdict == C.NOT_SUPPORTED


def test_pr8_pr9_reliability():
    e = ev("PR-8")
    assert BY_ID["PR-8"].judge(e).verdict == C.NOT_SUPPORTED  # TruthfulQA rises a little with compute
    assert BY_ID["PR-8"].judge(dict(e, truthfulqa_per_decade=-2.0)).verdict == C.SUPPORTED
    assert BY_ID["PR-9"].judge(e).verdict == C.SUPPORTED
    assert BY_ID["PR-9"].judge(dict(e, simpleqa_best=0.99, truthful_over_mmlu=0.9)).verdict == C.NOT_SUPPORTED


def test_not_testable_rows_have_reasons():
    for c in P.CLAIMS:
        if not c.testable:
            assert c.reason.startswith(C.NOT_TESTABLE_REASONS) and c.judge({}).verdict == C.NOT_TESTABLE
