import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special

from analysis.other_side import emergence as em, charts as emc

sizes = st.floats(1e5, 1e14)
lengths = st.integers(1, 200)


# --- toy model ---------------------------------------------------------------------------------------

@settings(max_examples=50, deadline=None)
@given(N=sizes, factor=st.floats(1.01, 100.0), L=lengths)
def test_toy_metrics_rise_with_size(N, factor, L):
    assert em.per_token_loss(N * factor) < em.per_token_loss(N)
    assert em.per_token_accuracy(N * factor) >= em.per_token_accuracy(N)
    assert em.exact_match(N * factor, L) >= em.exact_match(N, L)
    assert em.multiple_choice_grade(N * factor) >= em.multiple_choice_grade(N)


@settings(max_examples=50, deadline=None)
@given(N=st.floats(1e7, 1e14), L=st.integers(1, 50))  # keeps p**(2L) > 1e-100, far from subnormal floats
def test_exact_match_is_per_token_accuracy_to_the_L_and_falls_with_L(N, L):
    p = em.per_token_accuracy(N)
    assert em.exact_match(N, L) == pytest.approx(p**L, rel=1e-9)
    assert em.exact_match(N, L + 1) <= em.exact_match(N, L)
    # -ln(exact match) is linear in L: the continuous metric hidden inside the discontinuous one.
    assert -np.log(em.exact_match(N, 2 * L)) == pytest.approx(-2 * np.log(em.exact_match(N, L)), rel=1e-7)


def test_toy_limits_reference_point_and_floor():
    assert em.per_token_loss(em.TOY_N_REF) == pytest.approx(em.TOY_LOSS_REF + em.TOY_FLOOR)
    # The floor caps every metric: per-token accuracy tends to exp(-floor), exact match to exp(-L floor).
    assert em.per_token_accuracy(1e200) == pytest.approx(np.exp(-em.TOY_FLOOR), rel=1e-6)
    assert em.exact_match(1e200, 20) == pytest.approx(float(em.exact_match_ceiling(20)), rel=1e-5)
    assert em.exact_match(1e200, 20, floor=0.0) == pytest.approx(1.0, abs=1e-5)
    assert em.exact_match(1e3, 200) < 1e-10
    grade = em.multiple_choice_grade(np.array([1e2, 1e20]), n_choices=4)
    assert grade[0] == pytest.approx(0.25, abs=1e-6) and grade[1] == pytest.approx(1.0, abs=1e-6)


def test_per_token_exponent_is_kaplans():
    # Kaplan et al. (2020) eq. (1.1): alpha_N = 0.076 (kept once in analysis.scaling_laws.returns.KAPLAN).
    from analysis.scaling_laws.returns import KAPLAN

    assert em.PER_TOKEN_ALPHA == KAPLAN.alpha_N == 0.076


def test_floor_makes_a_level_unreachable():
    # exp(-L floor) < level: no size reaches it.
    L = np.log(2) / em.TOY_FLOOR * 1.01
    assert np.isinf(em.apparent_threshold(L))
    assert np.isfinite(em.apparent_threshold(L, floor=0.0))


@settings(max_examples=40, deadline=None)
@given(L=lengths, level=st.floats(0.05, 0.95), alpha=st.floats(0.05, 2.0))
def test_apparent_threshold_is_where_exact_match_reaches_level(L, level, alpha):
    N = em.apparent_threshold(L, level=level, alpha=alpha, floor=0.0)
    assert em.exact_match(N, L, alpha=alpha, floor=0.0) == pytest.approx(level, rel=1e-6)


@settings(max_examples=40, deadline=None)
@given(alpha=st.floats(0.05, 2.0), L=lengths)
def test_transition_width_does_not_depend_on_L(alpha, L):
    width = em.transition_width_dex(alpha)
    lo = em.apparent_threshold(L, level=0.1, alpha=alpha, floor=0.0)
    hi = em.apparent_threshold(L, level=0.9, alpha=alpha, floor=0.0)
    assert np.log10(hi / lo) == pytest.approx(width, rel=1e-9)
    assert em.transition_width_dex(em.alpha_for_width(width)) == pytest.approx(width)


def test_published_width_figure():
    # log10(ln 10 / ln(10/9)) = 1.3395; divided by Kaplan's alpha = 0.076 gives 17.6 decades (exact algebra).
    assert em.transition_width_dex(1.0) == pytest.approx(1.3395, abs=1e-4)
    assert em.transition_width_dex(em.PER_TOKEN_ALPHA) == pytest.approx(17.63, abs=0.005)


def test_rise_share_of_straight_convex_and_concave_curves():
    x = np.linspace(0, 1, 5)
    assert em.rise_share(x, 2) == pytest.approx(0.5)
    assert em.rise_share(x**3, 2) < 0.5 < em.rise_share(np.sqrt(x), 2)
    assert em.rise_share(-x, 2) == pytest.approx(0.5)  # falling curves: share of the total change


# --- saturation --------------------------------------------------------------------------------------

def test_saturation_figures():
    # logit(.97) - logit(.95) = ln(97/3) - ln 19 = 0.5317 and logit(.62) - logit(.60) = ln(62/38) - ln 1.5 = 0.0841
    # (exact algebra, tolerance for rounding to 4 decimals).
    top, mid = em.saturation_step(0.95, 0.97), em.saturation_step(0.60, 0.62)
    assert top.decades == pytest.approx(0.5317, abs=1e-4)
    assert mid.decades == pytest.approx(0.0841, abs=1e-4)
    assert top.error_reduction == pytest.approx(0.4) and mid.error_reduction == pytest.approx(0.05)
    assert top.compute_multiple == pytest.approx(10**top.decades)
    assert top.decades_per_log_error < mid.decades_per_log_error


@settings(max_examples=40, deadline=None)
@given(a=st.floats(0.05, 0.9), gain=st.floats(0.01, 0.09), slope=st.floats(0.1, 5.0))
def test_decades_between_inverts_logistic(a, gain, slope):
    d = em.decades_between(a, a + gain, slope_per_decade=slope)
    acc = em.logistic_accuracy(np.array([0.0, float(d)]), slope_per_decade=slope,
                               midpoint_dex=-float(special.logit(a)) / slope)
    np.testing.assert_allclose(acc, [a, a + gain], rtol=1e-9)


def test_lower_ceiling_makes_the_top_step_dearer():
    clean = em.saturation_step(0.95, 0.97)
    noisy = em.saturation_step(0.95, 0.97, ceiling=0.98)
    assert noisy.decades > 2 * clean.decades


# --- real data -----------------------------------------------------------------------------------------

def test_nominal_sizes_and_labels():
    assert em.nominal_size("Pythia 2.8B") == pytest.approx(2.8e9)
    assert em.nominal_size("Pythia 70M") == pytest.approx(7e7)
    assert em.params_label(5.4e11) == "540B" and em.params_label(4.1e8) == "410M"


def test_pythia_data_and_metric_values():
    N, c, n = em.pythia_counts()
    assert N.size == 7 and c.shape == (128, 7) and np.all(np.diff(N) > 0)
    vals = em.metric_values(c, n)
    # Pass@1 of the largest model, from the file: 2.32 % (sum of counts / 1.28e6).
    assert vals["pass@1"][-1] == pytest.approx(0.02319, abs=1e-5)
    assert vals["coverage"][0] == pytest.approx(34 / 128)
    assert vals["reliable share"][0] == 0.0


def test_metric_comparison_orders_the_metrics():
    res = em.compare_metrics(n_boot=50, seed=1)
    s = res.shares
    assert s["reliable share"] < res.linear_share < s["log10 pass@1"] < s["coverage"]
    for m in em.METRICS:
        lo, hi = res.intervals[m]
        assert lo <= s[m] <= hi
    again = em.compare_metrics(n_boot=50, seed=1)
    assert again.intervals == res.intervals  # seeded


def test_log_slopes_of_a_power_law_are_equal():
    N = np.logspace(8, 10, 5)
    lower, upper = em.log_slopes(N, 3 * N**0.7)
    assert lower == pytest.approx(0.7) and upper == pytest.approx(0.7)


def test_two_proportion_z_and_inverse_problems():
    assert em.two_proportion_z([50], [100], [50], [100])[0] == 0.0
    # 0.1 - 0 over sqrt(0.1 * 0.9 / 100) = 0.03: z = -10/3 (exact algebra).
    assert em.two_proportion_z([10], [100], [0], [100])[0] == pytest.approx(-10 / 3)
    assert em.two_proportion_z([0], [100], [0], [100])[0] == 0.0  # no variance: defined as 0, not NaN
    inv = em.inverse_problems()
    assert inv.n_problems == 128 and 0 < inv.worse_than_smallest <= inv.worse_than_some_smaller
    # From the file (sha256-pinned): 2 problems below 70M and 15 below the best smaller model at |z| > 5.
    assert (inv.worse_than_smallest, inv.worse_than_some_smaller) == (2, 15)
    assert em.inverse_problems(z=2.0).worse_than_some_smaller >= inv.worse_than_some_smaller  # looser test, more hits


def test_multiple_choice_grade_steepness_comes_from_the_spread():
    # A narrow spread of item difficulty switches the grade within one decade of size; a wide one does not.
    decade = em.MC_MEDIAN_N * 10.0 ** np.array([-0.5, 0.5])  # half a decade either side of the median item
    narrow = em.multiple_choice_grade(decade, spread_dex=0.25)
    wide = em.multiple_choice_grade(decade, spread_dex=1.0)
    assert narrow[1] - narrow[0] > 0.5 > wide[1] - wide[0]


def test_paper_constants_are_consistent():
    # Wei et al. (2022b): the 11 prize tasks split into 4 inverse, 6 U-shaped and 1 positive.
    assert em.INVERSE.still_inverse + em.INVERSE.u_shaped + em.INVERSE.positive == em.INVERSE.prize_tasks
    assert em.SCHAEFFER_TWO_METRIC_SHARE == 0.92
    h = em.HACKENBURG
    assert (h.n_models, h.n_messages, h.n_issues, h.n_participants) == (24, 720, 10, 25_982)
    assert h.n_messages % h.n_models == 0  # 30 messages per model


# --- bad input -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("call, message", [
    (lambda: em.per_token_loss(-1.0), "N must be positive"),
    (lambda: em.per_token_loss(1e9, alpha=np.nan), "alpha must be finite"),
    (lambda: em.exact_match(1e9, 0), "L must be at least 1"),
    (lambda: em.exact_match(1e9, np.nan), "L must be finite"),
    (lambda: em.multiple_choice_grade(1e9, n_choices=1), "n_choices must be at least 2"),
    (lambda: em.multiple_choice_grade(1e9, median_N=0.0), "median_N must be positive"),
    (lambda: em.per_token_loss(1e9, floor=-0.1), "floor must be non-negative"),
    (lambda: em.exact_match_ceiling(0), "L must be at least 1"),
    (lambda: emc.step_cost_chart(step=0.5), "step must lie in"),
    (lambda: em.apparent_threshold(5, level=1.0), "level must lie in"),
    (lambda: em.transition_width_dex(0.3, low=0.9, high=0.1), "low must be below high"),
    (lambda: em.rise_share([1, 2], 1), "values needs at least 3"),
    (lambda: em.rise_share([1, 2, 3], 2), "upto must be below 2"),
    (lambda: em.rise_share([1, 2, 1], 1), "values must rise"),
    (lambda: em.logistic_accuracy([1.0], slope_per_decade=-1, midpoint_dex=0), "slope_per_decade must be positive"),
    (lambda: em.decades_between(0.97, 0.95), "acc_to must exceed acc_from"),
    (lambda: em.decades_between(0.95, 0.99, ceiling=0.98), "acc_to must lie in"),
    (lambda: em.nominal_size("Pythia large"), "model must end in a size"),
    (lambda: em.metric_values(np.ones(3), np.ones(3)), "problems x models"),
    (lambda: em.metric_values(np.ones((2, 3)), np.ones((2, 3)), reliable_rate=0), "reliable_rate must lie in"),
    (lambda: em.compare_metrics(n_boot=5), "n_boot must be at least 10"),
    (lambda: em.log_slopes([1, 2], [1, 2]), "N needs at least 3"),
    (lambda: em.two_proportion_z([5], [4], [1], [4]), "must not exceed"),
    (lambda: em.two_proportion_z([1, 2], [4, 4], [1], [4]), "same shape"),
    (lambda: em.inverse_problems(z=0.0), "z must be positive"),
    (lambda: em.params_label(-1.0), "N must be positive"),
    (lambda: em.log_slopes([1, 2, 3], [1, 2]), "same shape"),
    (lambda: em.alpha_for_width(0.0), "width_dex must be positive"),
    (lambda: em.saturation_step(0.95, 0.97, slope_per_decade=0), "slope_per_decade must be positive"),
])
def test_bad_input_names_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --- charts ------------------------------------------------------------------------------------------

def test_charts_are_figures_with_titles_and_sliders():
    spec = emc.exact_match_explorer().to_dict()
    assert spec["title"]["text"] and any(p.get("name") == "L" for p in spec["params"])
    step = emc.step_cost_chart().to_dict()
    assert any(p.get("name") == "ceiling" for p in step["params"])
    for chart in (emc.exact_match_explorer(), emc.step_cost_chart(), emc.metrics_chart(em.compare_metrics(n_boot=20)),
                  emc.inverse_chart(em.inverse_problems())):
        d = chart.to_dict()
        assert d["title"]["text"] and d["description"] and d["usermeta"]["book_figure"]["name"].startswith("fig-em-")


def test_step_cost_chart_prices_steps_not_bands():
    # The chart's data are starting accuracies; the step costs are computed from them (no accuracy bands).
    d = emc.step_cost_chart().to_dict()
    fields = str(d)
    assert "decades" in fields and "halving" in fields


def test_saturation_step_linear_form_prices_every_step_alike():
    top = em.saturation_step(0.95, 0.97, form="linear")
    mid = em.saturation_step(0.60, 0.62, form="linear")
    assert top.decades == pytest.approx(mid.decades) == pytest.approx(0.02)
    with pytest.raises(ValueError, match="form must be one of"):
        em.saturation_step(0.95, 0.97, form="cubic")


# --- EM-1's two readings: the forecast from compute alone (in advance) and from the capability measure -------

from analysis.other_side import obsscaling as ob  # noqa: E402
from analysis.other_side import worlds as EW  # noqa: E402
from analysis.house import data as house_data  # noqa: E402


def test_forecast_gain_by_source_matches_the_mean_errors():
    p = ob.predict_emergent()
    for source, column in ob.FORECAST_SOURCES.items():
        gain, lo, hi, n = ob.forecast_gain(n_boot=40, source=source)
        t = p.table[p.table["open"]]
        assert n == len(t) and lo <= gain <= hi
        # the gain is the naive guess's mean error minus the forecast's (17.2 % vs 16.7 % from compute)
        assert gain == pytest.approx(p.mae_constant - float((t[column] - t["actual"]).abs().mean()))
    assert ob.forecast_gain(n_boot=40, source="compute")[0] == pytest.approx(0.167 - 0.172, abs=0.002)


def test_forecast_gain_refuses_an_unknown_source():
    with pytest.raises(ValueError, match="source"):
        ob.forecast_gain(n_boot=40, source="hindsight")


@pytest.mark.parametrize("steepness", [2.0, 3.0, 5.0])
def test_sharp_in_compute_world_rises_with_compute(steepness):
    frame = house_data.load_csv(ob.EMERGENT_EVAL)
    out = EW.sharp_in_compute(steepness_per_decade=steepness)(frame)
    flop = out["Model"].map(ob.load_base_models().set_index("Model")["flop"]).to_numpy(float)
    task = ob.EMERGENT_TASKS[0]
    ok = np.isfinite(flop) & out[task].notna().to_numpy()
    order = np.argsort(flop[ok])
    assert np.all(np.diff(out[task].to_numpy(float)[ok][order]) >= -1e-12)


# --- EM-2 on real benchmarks: compute per halving of the error near the ceiling and lower down --------------

from analysis.other_side import saturation as sat  # noqa: E402


@settings(max_examples=30, deadline=None)
@given(x=st.lists(st.floats(18, 26), min_size=1, max_size=30), seed=st.integers(0, 100))
def test_efficient_frontier_is_increasing_in_compute_and_falling_in_error(x, seed):
    rng = np.random.default_rng(seed)
    e = rng.uniform(0.01, 1.0, len(x))
    k = sat.efficient_frontier(x, e)
    assert np.all(np.diff(np.asarray(x)[k]) >= 0) and np.all(np.diff(e[k]) < 0)
    # nobody off the frontier beats, with no more compute, the frontier's best so far
    assert e[k].min() == e.min()


def test_halving_cost_of_an_exact_power_law_is_one_decade_per_halving(monkeypatch):
    import pandas as pd
    C = np.logspace(20, 26, 25)
    err = 0.8 * 2.0 ** -(np.log10(C) - 20)  # the error halves every decade of compute
    table = pd.DataFrame({"model": [f"m{i}" for i in range(C.size)], "score": 1 - err, "compute_flop": C})
    monkeypatch.setattr(sat.F, "load_benchmark", lambda name: table)
    h = sat.halving_cost("toy", top_error=0.15, low_max_error=0.6)
    assert h.eligible and h.decades_top == pytest.approx(1.0) and h.decades_low == pytest.approx(1.0)
    assert h.per_halving_ratio == pytest.approx(1.0)
    # the article's steps: log2(5/3) / log2(40/38) = 9.96 halvings apart in size
    assert h.step_ratio == pytest.approx(np.log2(5 / 3) / np.log2(40 / 38))


def test_halving_costs_on_real_benchmarks():
    # MATH level 5 (Epoch's runs): near the top a halving of the error costs about as much as lower down
    t = sat.halving_costs().set_index("benchmark")
    m = t.loc["math_level_5"]
    assert m["eligible"] and 0.5 < m["per_halving_ratio"] < 1.5 and m["step_ratio"] > 2
    assert int(t["eligible"].sum()) == 4


def test_halving_cost_refuses_bad_bands():
    with pytest.raises(ValueError, match="top_error"):
        sat.halving_cost("math_level_5", top_error=0.9)
    with pytest.raises(ValueError, match="low_max_error"):
        sat.halving_cost("math_level_5", top_error=0.3, low_max_error=0.2)
    with pytest.raises(ValueError, match="log10_flop"):
        sat.efficient_frontier([1.0, np.nan], [0.5, 0.4])


# --- EM-4: the frontier against a model ten times smaller, under Hackenburg et al.'s log-logistic fit -----------

from analysis.other_side import persuasion as pers  # noqa: E402


def test_log_logistic_matches_the_published_fit():
    f = pers.HACKENBURG_LOG_LOGISTIC
    # nonlinear_results.csv (commit e999e7c): a = 60.08, b = 0.26, c = -7.54; the curve tends to a for large models
    assert (f.a, f.b, f.c) == (60.08, 0.26, -7.54)
    assert float(f.attitude(1e12)) == pytest.approx(f.a, abs=0.01)
    # at 300B vs 30B: 60.08/(1+exp(-0.26(ln 300+7.54))) - 60.08/(1+exp(-0.26(ln 30+7.54))) = 1.44 (to 0.01)
    assert pers.frontier_gain(300.0, 10.0, n_draws=2000).gain_pts == pytest.approx(1.44, abs=0.01)


@settings(max_examples=20, deadline=None)
@given(big=st.floats(1.0, 5000.0), ratio=st.floats(1.5, 100.0))
def test_frontier_gain_is_positive_and_grows_with_the_ratio(big, ratio):
    g = pers.frontier_gain(big, ratio, n_draws=200)
    assert g.gain_pts > 0 and g.low <= g.high
    assert pers.frontier_gain(big, ratio * 2, n_draws=200).gain_pts > g.gain_pts


def test_frontier_gain_refuses_bad_input():
    with pytest.raises(ValueError, match="ratio"):
        pers.frontier_gain(300.0, 1.0)
    with pytest.raises(ValueError, match="big_params_b"):
        pers.frontier_gain(-3.0)
    with pytest.raises(ValueError, match="level"):
        pers.frontier_gain(300.0, level=1.2)


# --- the exact-match toy with a task's own per-token exponent ------------------------------------------------

from analysis.other_side import pertoken as ptok  # noqa: E402


@settings(max_examples=20, deadline=None)
@given(alpha=st.floats(0.03, 1.0), L=st.integers(1, 30), seed=st.integers(0, 100))
def test_exact_match_exponent_recovers_the_toy_exponent(alpha, L, seed):
    N = np.logspace(7, 11, 6)
    p = np.asarray(em.exact_match(N, L, alpha=alpha, floor=0.0, loss_ref=0.5))
    if np.any(p <= 1e-12) or np.any(p >= 1 - 1e-12):
        return
    n = np.full((5, N.size), 1e12)
    c = np.round(p * n)
    est = ptok.exact_match_exponent(N, c, n, n_boot=20, seed=seed)
    assert est.alpha == pytest.approx(alpha, rel=1e-3)


def test_exact_match_exponent_on_pythia_math():
    # Brown et al.'s MATH samples for Pythia 70M-12B: alpha = 0.124 (tolerance 0.002), interval around it
    est = ptok.exact_match_exponent(*em.pythia_counts(), n_boot=100, seed=0)
    assert est.alpha == pytest.approx(0.124, abs=0.002) and est.low < est.alpha < est.high
    assert est.alpha > em.PER_TOKEN_ALPHA and est.n_problems == 128


def test_exact_match_exponent_refuses_bad_input():
    N = np.array([1e8, 1e9, 1e10])
    n = np.full((2, 3), 100.0)
    with pytest.raises(ValueError, match="num_correct"):
        ptok.exact_match_exponent(N, np.full((2, 3), 101.0), n)
    with pytest.raises(ValueError, match="N"):
        ptok.exact_match_exponent(np.array([1e8, 1e8, 1e8]), np.full((2, 3), 5.0), n)
    with pytest.raises(ValueError, match="num_correct"):
        ptok.exact_match_exponent(N, np.zeros((2, 3)), n)


def test_exact_match_explorer_has_an_exponent_slider():
    spec = emc.exact_match_explorer(alpha=0.124, alpha_source="test").to_dict()
    names = {p["name"] for layer in spec.get("layer", []) for p in layer.get("params", [])}
    names |= {p["name"] for p in spec.get("params", [])}
    assert {"L", "alpha_tok"} <= names
