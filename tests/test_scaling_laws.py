import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.house import data, fitting
from analysis.scaling_laws import benchmarks as bm, measured as ms, returns as sl, charts as slc, worlds as W

sizes = st.floats(1e3, 1e15)


def test_kaplan_laws_equal_one_at_their_scale_constants():
    k = sl.KAPLAN
    assert sl.kaplan_loss_params(k.N_c) == pytest.approx(1.0)
    assert sl.kaplan_loss_tokens(k.D_c) == pytest.approx(1.0)
    assert sl.kaplan_loss_compute(k.C_c_min_pf_days * sl.PF_DAY_FLOP) == pytest.approx(1.0)


@settings(max_examples=50, deadline=None)
@given(N=sizes, D=sizes, factor=st.floats(1.01, 100.0))
def test_kaplan_joint_law_decreases_in_N_and_D(N, D, factor):
    base = sl.kaplan_loss(N, D)
    assert sl.kaplan_loss(N * factor, D) < base
    assert sl.kaplan_loss(N, D * factor) < base


@settings(max_examples=30, deadline=None)
@given(N=sizes)
def test_joint_law_tends_to_L_of_N_with_unlimited_data(N):
    assert sl.kaplan_loss(N, 1e40) == pytest.approx(sl.kaplan_loss_params(N), rel=1e-6)


def test_published_relations():
    # Kaplan et al.: 10x compute multiplies L(C_min) by 10**-0.05, i.e. removes 10.9 % of the loss.
    ratio = sl.kaplan_loss_compute(1e23) / sl.kaplan_loss_compute(1e22)
    assert 1 - ratio == pytest.approx(0.109, abs=5e-4)
    assert sl.kaplan_param_multiple(10.0) == pytest.approx(10**0.73)
    assert sl.compute_multiple_for_loss_ratio(0.5, 0.05) == pytest.approx(2**20)


@pytest.mark.parametrize("call, name", [
    (lambda: sl.kaplan_loss_params(-1), "N must be positive"),
    (lambda: sl.kaplan_loss_tokens(np.nan), "D must be finite"),
    (lambda: sl.kaplan_loss_compute(0), "C_flop must be positive"),
    (lambda: sl.kaplan_loss([1e9, 1e10], [0, 1]), "D must be positive"),
    (lambda: sl.compute_multiple_for_loss_ratio(1.5, 0.1), "loss_ratio must be below 1"),
    (lambda: sl.decade_returns(sl.illustrative_forms()["power"], -1, 3), "c0 must be positive"),
    (lambda: sl.decade_returns(sl.illustrative_forms()["power"], 1e19, 0), "n_decades must be at least 1"),
    (lambda: sl.compute_frontier([1, 2], [1, 2, 3]), "same shape"),
    (lambda: sl.fit_gain_sequence([0.4]), "gains needs at least 2"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_decade_returns_shapes_per_form():
    forms = sl.illustrative_forms()
    pure = sl.decade_returns(forms["power"], 1e19, 5)
    np.testing.assert_allclose(pure.relative_gain, pure.relative_gain[0])  # constant relative returns
    floor = sl.decade_returns(forms["power+floor"], 1e19, 5)
    assert np.all(np.diff(floor.relative_gain) < 0)  # shrinking relative returns
    log = sl.decade_returns(forms["log"], 1e19, 5)
    np.testing.assert_allclose(log.absolute_gain, log.absolute_gain[0])  # constant absolute returns
    assert np.all(np.diff(log.relative_gain) > 0)
    # All three start from the same loss and remove the same share in their first decade (matched returns):
    # (3.0 - 1.7) * (1 - 10**-0.15) / 3.0 = 12.7 %
    assert {round(float(r.loss[0]), 9) for r in (pure, floor, log)} == {3.0}
    first = [float(r.relative_gain[0]) for r in (pure, floor, log)]
    np.testing.assert_allclose(first, 1.3 * (1 - 10**-0.15) / 3.0)


def test_log_curve_that_goes_negative_is_refused():
    steep = fitting.CurveFit("log", float("nan"), 1.0, 1.0, 0.0, 0)
    with pytest.raises(ValueError, match="non-positive loss"):
        sl.decade_returns(steep, 1.0, 3)


def test_gain_sequence_models_reproduce_exact_sequences():
    geometric = [0.4 * 0.5**k for k in range(3)]
    model = {m.name: m for m in sl.fit_gain_sequence(geometric)}["geometric"]
    assert model.rms_error < 1e-12 and model.predicted_next == pytest.approx(0.05)
    log_seq = [1 / (2.0 + k) for k in range(3)]
    model = {m.name: m for m in sl.fit_gain_sequence(log_seq)}["logarithmic"]
    assert model.rms_error < 1e-6 and model.predicted_next == pytest.approx(0.2, rel=1e-4)


def test_compute_frontier_takes_bucket_minimum():
    C = [1.0e20, 1.1e20, 1.2e20, 5e21, 5.1e21, 5.2e21, 9e22]
    L = [3.0, 2.5, 2.8, 2.2, 2.1, 2.3, 1.0]
    fr = sl.compute_frontier(C, L, bucket_dex=0.25, min_runs=3)
    assert list(fr["loss"]) == [2.5, 2.1]  # the lone run at 9e22 is below min_runs
    assert list(fr["runs"]) == [3, 3]


@pytest.fixture(scope="module")
def frontier():
    return sl.fit_frontier(n_boot=60, seed=0)


def test_frontier_of_real_runs(frontier):
    fr = frontier.frontier
    assert len(fr) >= 10
    assert fr["loss"].is_monotonic_decreasing  # more compute, lower best loss
    # The pure power law through the frontier should be near Kaplan et al.'s alpha_C = 0.050; we allow
    # +-0.01, about three times the bootstrap spread we measured, since the data and definitions differ.
    assert frontier.fits["power"].alpha == pytest.approx(sl.KAPLAN.alpha_C_min, abs=0.01)
    # The floor should be near Hoffmann et al.'s E = 1.69 (Besiroglu et al.: 1.82); allow 1.5-2.0.
    assert 1.5 < frontier.fits["power+floor"].E < 2.0
    # The floor improves the fit, and the log law is the worst of the three.
    rms = {f: frontier.fits[f].rms_log_residual for f in fitting.FORMS}
    assert rms["power+floor"] < rms["power"] < rms["log"]
    lo, hi = frontier.interval("power", "alpha")
    assert lo <= frontier.fits["power"].alpha <= hi


def test_frontier_fit_is_deterministic():
    a = sl.fit_frontier.__wrapped__(n_boot=20, seed=3)
    b = sl.fit_frontier.__wrapped__(n_boot=20, seed=3)
    assert a.intervals == b.intervals


def test_charts_build():
    result = sl.fit_frontier(n_boot=60, seed=0)
    for chart in (slc.frontier_chart(result), slc.decade_returns_explorer(), slc.forms_chart(sl.illustrative_forms())):
        spec = chart.to_dict()
        assert spec.get("title") or any("title" in layer for layer in spec.get("layer", []))
    assert "params" in slc.decade_returns_explorer().to_dict()  # the chapter's slider


@pytest.fixture(scope="module")
def boot_frontier():
    return sl.fit_frontier(n_boot=60, seed=0)


def test_decade_table_separates_total_and_reducible_loss(boot_frontier):
    t = sl.decade_table(boot_frontier, 1e19, 5)
    # reducible share removed is 1 - 10**-alpha in every decade; the total share falls as the floor dominates
    alpha = boot_frontier.fits["power+floor"].alpha
    assert np.allclose(t["gain_reducible"], 1 - 10**-alpha)
    assert np.all(np.diff(t["gain_total"]) < 0)
    assert (t["gain_total_low"] <= t["gain_total"]).all() and (t["gain_total"] <= t["gain_total_high"]).all()
    # the largest frontier point is about 2.9e21 FLOP: the decade to 1e22 already ends beyond it
    assert list(t["beyond_data"]) == [False, False, True, True, True]
    assert t["decades_beyond"].iloc[-1] == pytest.approx(np.log10(1e24 / 2.88e21), abs=0.02)


def test_cumulative_best_is_a_running_minimum():
    C = np.array([1.0, 2.0, 3.0, 10.0])
    L = np.array([3.0, 3.5, 2.5, 2.6])
    assert list(sl.cumulative_best(C, L, [1.0, 2.0, 3.0, 10.0])) == [3.0, 3.0, 2.5, 2.5]
    with pytest.raises(ValueError, match="budgets must be at least"):
        sl.cumulative_best(C, L, [0.5])


def test_measured_decades_on_the_runs():
    m = sl.measured_decades()
    assert m.best_loss[0] > m.best_loss[1] > m.best_loss[2]
    assert np.allclose(m.relative_gain, 1 - m.best_loss[1:] / m.best_loss[:-1])


def test_out_of_sample_shape_test_prefers_the_floor():
    o = sl.out_of_sample(5e20)
    assert o.n_fit + o.n_test == 13 and o.n_test == 4
    assert o.best == "power+floor" and o.rms["log"] > o.rms["power"] > o.rms["power+floor"]
    assert o.bias["log"] < 0  # a log law predicts too low a loss for the larger runs
    with pytest.raises(ValueError, match="cut_flop"):
        sl.out_of_sample(1e22)


def test_floor_profile_is_flat_near_the_optimum():
    p = sl.floor_profile((1.6, 1.8, 1.9))
    assert p["rms_log_residual"].max() < 2 * p["rms_log_residual"].min()  # E is weakly identified
    with pytest.raises(ValueError, match="floors must lie"):
        sl.floor_profile((3.0,))


def test_gpt_generations_from_the_epoch_snapshot():
    g = sl.gpt_generations().set_index("generation")
    assert g.loc["GPT-3", "parameters"] == 175e9 and g.loc["GPT-2", "parameters"] == 1.5e9
    assert g.loc["GPT-3", "compute_flop"] == pytest.approx(3.14e23)
    assert np.isnan(g.loc["GPT-4", "parameters"])


def test_frontier_compute_growth_near_epochs_estimate():
    g = sl.frontier_compute_growth(n_boot=50)
    assert 3 < g.multiplier < 7 and g.low <= g.multiplier <= g.high  # Epoch AI reports about 4-5x a year


def test_shape_matters_less_than_scale_on_gemstones():
    s = ms.shape_vs_scale()
    assert s.n_models == 19 and 0 < s.ratio < 1 and s.worst_shape == "Gemstone-768x3"
    assert s.ratio_low <= s.ratio <= s.ratio_high < 1
    assert ms.shape_vs_scale(measure="max").ratio > s.ratio  # the worst shape moves more than the typical one
    with pytest.raises(ValueError, match="group"):
        ms.shape_vs_scale("middle")


def test_best_by_budget_matches_the_running_minimum_and_resamples():
    C = np.array([1.0, 2.0, 3.0, 10.0])
    L = np.array([3.0, 3.5, 2.5, 2.6])
    assert list(ms.best_by_budget(C, L, [1.0, 2.0, 3.0, 10.0])) == list(sl.cumulative_best(C, L, [1.0, 2.0, 3.0, 10.0]))
    out = ms.best_by_budget(C, L, [0.5, 3.0], weights=[[1, 1, 0, 1], [0, 1, 1, 1]])
    assert np.isinf(out[:, 0]).all() and list(out[:, 1]) == [3.0, 2.5]


def test_measured_returns_agree_with_measured_decades_and_carry_intervals():
    m, old = ms.measured_returns(n_boot=60), sl.measured_decades()
    assert np.allclose(m.relative_gain, old.relative_gain) and np.allclose(m.absolute_gain, old.absolute_gain)
    assert m.relative_ratio_low <= m.relative_ratio <= m.relative_ratio_high < 1
    assert m.top_low > 0 and m.n_top >= 10
    with pytest.raises(ValueError, match="start"):
        ms.measured_returns(1e17)


def test_a_wall_is_scored_not_raised():
    with data.world({W.RUNS: W.wall(5e20)}):
        m = ms.measured_returns(n_boot=30)
    assert m.top_gain == 0 and m.top_low == 0 and m.top_high == 0
    with data.world({W.RUNS: W.wall(1e19)}):
        m = ms.measured_returns(n_boot=30)  # nothing bought after the first budget: infinite ratios kept finite
    assert np.isfinite([m.relative_ratio, m.relative_ratio_high, m.absolute_ratio]).all()


def test_world_transforms_change_only_what_they_name():
    runs = data.load_chinchilla_runs()
    with data.world({W.RUNS: W.shift(0.3)}):
        assert np.allclose(data.load_chinchilla_runs()["loss"], runs["loss"] + 0.3)
    with data.world({W.RUNS: W.reshaped("smooth", 1.0)}):
        assert np.allclose(data.load_chinchilla_runs()["loss"], runs["loss"])
    with data.world({W.EPOCH: W.generations(compute_steps=(None, 30))}):
        g = sl.gpt_generations().set_index("generation")["compute_flop"]
    assert g["GPT-4"] / g["GPT-3"] == pytest.approx(30) and g["GPT-3"] == pytest.approx(3.14e23)
    with pytest.raises(ValueError, match="shape"):
        W.reshaped("cubic")


def test_benchmark_scores_are_predictable_within_families():
    f = bm.family_forecasts()
    assert f.n_families >= 5 and f.mae < f.mae_no_gain and f.wins > f.n_families / 2
    assert set(f.table.columns) >= {"family", "actual", "forecast", "no_gain"}
    with data.world({W.RUAN: W.benchmark_families("on_line")}):
        assert bm.family_forecasts().mae < 0.5
    assert bm.family_forecasts(min_models=30).n_families == 0  # no family: scored, not raised


def test_horizon_steps_widen_with_the_level():
    a, b = bm.horizon_steps("1.1", 0.68), bm.horizon_steps("1.1", 0.95)
    assert a.doublings == b.doublings and b.low[0] < a.low[0] < a.doublings[0] < a.high[0] < b.high[0]
    assert a.doublings[1] > a.doublings[0] > 0


# --- Does the law hold four decades up? (published frontier checks) ------------------------------------

from analysis.scaling_laws import frontier_checks as fcheck  # noqa: E402


def test_frontier_checks_decades_and_errors():
    t = fcheck.checks_table().set_index("study")
    # Llama 3 (Dubey et al. 2024, Section 3.2.1): IsoFLOP runs up to 1e22 FLOP extrapolated to 3.8e25
    assert t.loc["Llama 3: compute-optimal size", "decades"] == pytest.approx(np.log10(3800), abs=1e-9)
    # 402B forecast, 405B trained; 16.55T forecast, 15.6T trained
    assert t.loc["Llama 3: compute-optimal size", "error_pct"] == pytest.approx(0.746, abs=0.01)
    assert t.loc["Llama 3: compute-optimal tokens", "error_pct"] == pytest.approx(-5.74, abs=0.01)
    # GPT-4: at most 1/10,000 of the compute, four decades; no number published for the miss
    assert t.loc["GPT-4: final loss", "decades"] == pytest.approx(4.0)
    assert np.isnan(t.loc["GPT-4: final loss", "error_pct"])
    assert set(t["checked"]) <= {"source", "secondary"}
    # DeepSeek LLM: budgets up to 3e20, "models with 1000x compute budget": three decades
    assert t.loc["DeepSeek LLM: 7B and 67B loss", "decades"] == pytest.approx(3.0)


def test_frontier_checks_refuse_bad_input():
    with pytest.raises(ValueError, match="target_flop"):
        fcheck.decades_ahead(1e22, -1.0)
    with pytest.raises(ValueError, match="checks"):
        fcheck.checks_table(())
    # decades grow with the target
    assert fcheck.decades_ahead(1e20, 1e24) > fcheck.decades_ahead(1e20, 1e23)
