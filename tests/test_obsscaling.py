"""analysis.other_side.obsscaling: Ruan et al.'s base models, the capability measure and emergent-task forecasts."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.other_side import obsscaling as ob


def test_base_models_and_compute_column():
    b = ob.load_base_models()
    assert len(b) == 148
    has = b.dropna(subset=["flop"])
    # PROVENANCE 9a: FLOPs = 6 N D for every row that has it; range 1.5e18 to 3.6e25 FLOP.
    np.testing.assert_allclose(has["flop"], 6 * has["Model Size (B)"] * 1e9 * has["Pretraining Data Size (T)"] * 1e12,
                               rtol=1e-9)
    assert has["flop"].min() == pytest.approx(1.47852e18) and has["flop"].max() == pytest.approx(3.645e25)


def test_capability_measure():
    c = ob.capability()
    assert 0.5 < c.explained < 1 and all(w > 0 for w in c.loadings.values())
    assert np.linalg.norm(list(c.loadings.values())) == pytest.approx(1.0)
    t = c.table.dropna(subset=["flop"])
    assert np.corrcoef(np.log10(t["flop"]), t["pc1"])[0, 1] > 0.7  # capability rises with compute


@settings(max_examples=20, deadline=None)
@given(b1=st.floats(0.5, 3), b2=st.floats(-1, 1), alpha=st.floats(-1, 1), floor=st.floats(0.0, 0.2))
def test_fit_link_recovers_a_link(b1, b2, alpha, floor):
    rng = np.random.default_rng(0)
    S = rng.normal(size=(60, 2))
    y = ob.sigmoid_link(S, b1, b2, alpha, floor)
    p = ob.fit_link(S, y)
    np.testing.assert_allclose(ob.sigmoid_link(S, *p), y, atol=1e-3)
    assert 0.0 <= p[-1] <= ob.RUAN_MAX_FLOOR


def test_predict_emergent_reproduces_the_papers_result():
    p = ob.predict_emergent()
    assert p.cutoff_flop == 8.4e22 and p.n_pcs == 3
    assert p.n_test > 0 and set(p.open_tasks) <= set(ob.EMERGENT_TASKS)
    assert (p.table.loc[p.table["open"], "pred_constant"] < p.solved_at).all()
    assert (p.table["flop"] >= p.cutoff_flop).all()
    # the capability measure forecasts the large models better than compute and than a naive guess
    assert p.mae_pc < p.mae_flop and p.mae_pc < p.mae_constant
    assert ob.predict_emergent(n_pcs=1).mae_pc > p.mae_pc  # more components, better forecasts here


def test_band_gains_and_sharpest_rise():
    g = ob.band_gains("rcf", "params", n_boot=40)
    assert g.n_lower > g.n_upper >= 3 and g.lower > 0
    small, large = ob.sharpest_rise("word_unscrambling_2_exact_match")
    assert small < 0.2 < 0.6 < large
    slope, n = ob.compute_slope("TruthfulQA")
    assert n == 123 and slope < ob.compute_slope("MMLU")[0]


@pytest.mark.parametrize("call, message", [
    (lambda: ob.band_gains(scale="tokens"), "scale must be one of"),
    (lambda: ob.band_gains(bands=(1e11, 1e10, 1e12)), "bands must increase"),
    (lambda: ob.band_gains(bands=(1e13, 1e14, 1e15)), "hold no model"),
    (lambda: ob.band_gains(measure="BBH"), "measure must be one of"),
    (lambda: ob.predict_emergent(-1.0), "cutoff_flop must be positive"),
    (lambda: ob.predict_emergent(1e18), "too few models"),
    (lambda: ob.predict_emergent(1e23, solved_at=1.0), "solved_at must lie in"),
    (lambda: ob.predict_emergent(n_pcs=0), "n_pcs must be at least 1"),
    (lambda: ob.predict_emergent(n_pcs=9), "n_pcs must be at most"),
    (lambda: ob.sharpest_rise("chess"), "task must be one of"),
    (lambda: ob.compute_slope("BBH"), "benchmark must be one of"),
])
def test_bad_input_names_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_forecast_chart_is_a_figure():
    from analysis.other_side import charts as emc
    d = emc.forecast_chart(ob.predict_emergent()).to_dict()
    assert d["usermeta"]["book_figure"]["name"] == "fig-em-forecast" and d["title"]["text"]


def test_band_gains_within_families_and_ratio_interval():
    pooled = ob.band_gains("pc1", "flop", (1e21, 1e23, 1e26), n_boot=40)
    fam = ob.band_gains("pc1", "flop", (1e21, 1e23, 1e26), n_boot=40, method="family")
    assert fam.method == "family" and fam.lower > 0 and fam.upper > 0
    # within families the upper band is far better determined than one line across families
    assert fam.upper_high - fam.upper_low < pooled.upper_high - pooled.upper_low
    assert fam.ratio_low < fam.upper / fam.lower < fam.ratio_high
    # no family has two models between 100B and 1T: the within-family slope there is zero, not an error
    assert ob.band_gains("rcf", "params", n_boot=40, method="family").upper == 0.0


def test_compute_slope_interval_matches_the_plain_slope():
    s = ob.compute_slope_interval("TruthfulQA", n_boot=40)
    assert s.slope == pytest.approx(ob.compute_slope("TruthfulQA")[0]) and s.low < s.slope < s.high
    w = ob.compute_slope_interval("TruthfulQA", "within families", n_boot=40)
    assert w.n == s.n and w.slope != s.slope
    assert ob.LIN_GPTJ_VS_125M_TRUTHFUL_CHANGE < 0


def test_emergent_jumps_and_forecast_gain():
    about = ob.emergent_jumps()
    assert about.n_jumps == 0 and about.n_large > 3 and about.task == "word_unscrambling_2_exact_match"
    top = ob.emergent_jumps(large=(1e11, 1e12))
    assert top.n_jumps >= 1 and top.n_large == 2
    gain, lo, hi, n = ob.forecast_gain(n_boot=40)
    p = ob.predict_emergent()
    assert gain == pytest.approx(p.mae_constant - p.mae_pc) and lo < gain < hi and n == int(p.table["open"].sum())
    with pytest.raises(ValueError, match="non-overlapping"):
        ob.emergent_jumps((1e10, 2e11), (1e11, 1e12))


def test_a_band_with_too_few_models_is_scored_not_refused():
    g = ob.band_gains("rcf", "params", (1e10, 3e11, 1e13), n_boot=40)
    assert g.n_upper <= 1 and g.upper == 0.0 and g.upper_low == g.upper_high == 0.0 and g.lower > 0


# --- returns to size within families, mixtures of experts read explicitly (issue 24) ----------------------

from analysis.progress import families  # noqa: E402


def test_band_gain_as_filed_is_obsscalings_lower_band():
    for method in ("pooled", "family"):
        g = ob.band_gains("rcf", "params", n_boot=60, seed=3, method=method)
        m = families.band_gain("rcf", 1e10, 1e11, method=method, n_boot=60, seed=3)
        assert (m.gain, m.low, m.high, m.n_models) == pytest.approx((g.lower, g.lower_low, g.lower_high, g.n_lower))


def test_moe_readings_move_the_mixtures_only():
    filed, active, total = (families.base_table("rcf", moe) for moe in ("as filed", "active", "total"))
    dense = ~filed["moe"]
    assert (filed.loc[dense, "params"] == active.loc[dense, "params"]).all()
    assert (active.loc[~dense, "params"] <= total.loc[~dense, "params"]).all()
    assert len(families.base_table("rcf", "drop")) == dense.sum()
    mix = total.set_index("model").loc["mistralai/Mixtral-8x7B-v0.1", "params"]
    assert mix == pytest.approx(46.7e9)  # Mistral AI: 46.7B total, 12.9B used per token


def test_llama_31_steps_shrink_as_the_issue_says():
    s = families.within_family_steps()
    llama = s[s["family"] == "Llama-3.1"]["points_per_decade"].tolist()
    assert llama == pytest.approx([23.3, 6.6], abs=0.06)  # 8B -> 70B -> 405B (issue 24: +23.3 then +6.6)


@pytest.mark.parametrize("call, message", [
    (lambda: families.base_table(moe="some"), "moe must be one of"),
    (lambda: families.base_table(measure="pc9"), "measure must be one of"),
    (lambda: families.band_gain(lo=1e11, hi=1e10), "lo must be below hi"),
    (lambda: families.within_family_steps(min_params=-1.0), "min_params"),
])
def test_families_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
