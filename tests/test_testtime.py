import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import comb

from analysis.testtime import kim2025 as kim
from analysis.house import data as data_mod
from analysis.testtime import passk, sampling as tt
from analysis.testtime import charts as tc
from analysis.testtime import verifiers as vf


# --- pass@k ---------------------------------------------------------------------------------------

def _exact(n, c, k):
    # Exact rational reference with Python integers (no rounding until the final division).
    return 1 - math.comb(n - c, k) / math.comb(n, k)


@settings(max_examples=80, deadline=None)
@given(n=st.integers(1, 60), data=st.data())
def test_pass_at_k_matches_exact_binomials(n, data):
    c = data.draw(st.integers(0, n))
    k = data.draw(st.integers(1, n))
    assert passk.pass_at_k(n, c, k) == pytest.approx(_exact(n, c, k), rel=1e-12, abs=1e-15)


def test_pass_at_k_is_stable_at_ten_thousand_samples():
    # Binomials of n = 10,000 overflow floats; the log1p product does not. Reference: exact integers.
    for c, k in [(1, 1), (1, 5000), (3, 9990), (37, 200), (5000, 3), (9999, 2)]:
        assert passk.pass_at_k(10_000, c, k) == pytest.approx(_exact(10_000, c, k), rel=1e-10)
    assert np.isinf(comb(10_000, 5000))  # the naive formula would fail here
    assert passk.pass_at_k(10_000, 1, 1) == pytest.approx(1e-4, rel=1e-12)


def test_pass_at_k_edges_are_exact():
    assert passk.pass_at_k(10_000, 1, 10_000) == 1.0  # n - c < k
    assert passk.pass_at_k(10_000, 9_000, 1_001) == 1.0
    assert passk.pass_at_k(10_000, 0, 10_000) == 0.0
    assert passk.pass_at_k(5, 5, 1) == 1.0


def test_pass_at_k_is_vectorised():
    out = passk.pass_at_k(10, np.array([0, 1, 5])[:, None], np.array([1, 2, 10])[None, :])
    assert out.shape == (3, 3)
    assert out[1, 0] == pytest.approx(0.1) and out[1, 2] == 1.0 and np.all(out[0] == 0)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 300), data=st.data())
def test_pass_at_k_increases_with_k_and_c(n, data):
    c = data.draw(st.integers(0, n - 1))
    k = data.draw(st.integers(1, n - 1))
    assert passk.pass_at_k(n, c, k + 1) >= passk.pass_at_k(n, c, k)
    assert passk.pass_at_k(n, c + 1, k) >= passk.pass_at_k(n, c, k)


@pytest.mark.parametrize("args, match", [
    ((10, 3, 11), "k must not exceed n"),
    ((10, 11, 1), "c must not exceed n"),
    ((10, -1, 1), "c must be non-negative"),
    ((-5, 1, 1), "n must be non-negative"),
    ((10, 3, 0), "k must be at least 1"),
    ((10, 2.5, 1), "c must hold whole numbers"),
    ((10, np.nan, 1), "c must be finite"),
])
def test_pass_at_k_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        passk.pass_at_k(*args)


# --- coverage and the law -------------------------------------------------------------------------

def test_pass_at_k_table_in_chunks_is_the_same_to_the_last_bit(monkeypatch):
    # The running log-sums of all (n, c) pairs sit in one table; a table over the memory cap is built in
    # chunks of pairs, which must not change a single bit.
    from analysis.testtime import passk

    rng = np.random.default_rng(5)
    n = rng.integers(1, 200, size=(40, 1))
    c = rng.integers(0, n + 1)
    k = np.arange(1, 200)[None, :].clip(max=n)
    whole = passk.pass_at_k(n, c, k)
    monkeypatch.setattr(passk, "_TABLE_LIMIT", 150)
    assert passk.pass_at_k(n, c, k).tobytes() == whole.tobytes()
    assert passk.pass_at_k(np.array([5, 7]), np.array([2, 7]), 3).tolist() == [passk.pass_at_k(5, 2, 3), 1.0]


def test_counts_are_shared_read_only():
    c = tt._counts("MATH", "Pythia 1B")
    assert c is tt._counts("MATH", "Pythia 1B") and not c.flags.writeable
    with pytest.raises(ValueError, match="model"):
        tt._counts("MATH", ["Pythia 1B"])


def test_coverage_reaches_share_of_solvable_problems():
    c = np.array([0, 1, 50, 10_000])
    n = np.full(4, 10_000)
    cov = passk.coverage(n, c, [1, 10_000])
    assert cov[0] == pytest.approx((0 + 1e-4 + 5e-3 + 1) / 4)
    assert cov[1] == pytest.approx(0.75)  # at k = n every problem with a correct sample counts


def test_coverage_curves_are_monotone_and_match_counts():
    curves = tt.coverage_curves("MATH")
    for _, g in curves.groupby("model"):
        assert np.all(np.diff(g["coverage"].to_numpy()) >= 0)
    frame = data_mod.load_monkeys_counts("MATH")
    big = frame[frame["model"] == "Pythia 12B"]
    last = curves[(curves["model"] == "Pythia 12B") & (curves["k"] == 10_000)]["coverage"].item()
    assert last == pytest.approx((big["num_correct"] > 0).mean())
    first = curves[(curves["model"] == "Pythia 12B") & (curves["k"] == 1)]["coverage"].item()
    assert first == pytest.approx(big["num_correct"].mean() / 10_000)


def test_coverage_law_recovers_its_own_parameters():
    ks = np.array([1, 3, 10, 30, 100])
    law = tt.fit_coverage_law(ks, np.exp(-2.5 * ks**-0.3))
    assert law.a == pytest.approx(-2.5) and law.b == pytest.approx(-0.3) and law.rms_log_residual < 1e-12


def test_law_extrapolates_within_a_few_points():
    # Brown et al. report that the exponentiated power law describes coverage well; fitted on k <= 100 it
    # should predict coverage at 10,000 samples within 6 percentage points for every Pythia size (we
    # measured at most 4.7 points; 6 leaves room for a changed k grid without hiding a broken fit).
    checks = tt.extrapolation_check("MATH", 100)
    assert len(checks) == 7
    assert max(abs(e.error_points[-1]) for e in checks) < 6


def test_decade_gains_add_up_to_coverage():
    # The four decade gains telescope: their sum is coverage@10,000 - pass@1 (to float rounding).
    curves = tt.coverage_curves("MATH").set_index(["model", "k"])["coverage"]
    for r in tt.decade_gains("MATH").itertuples(index=False):
        total = sum(r[1:5])
        assert total == pytest.approx(100 * (curves[(r.model, 10_000)] - curves[(r.model, 1)]), abs=1e-9)
    # On CodeContests most models still gain more in the last decade than in the one before.
    assert tt.decade_gains("CodeContests")["shrinking_at_end"].sum() < 3
    with pytest.raises(ValueError, match="benchmark must be one of"):
        tt.decade_gains("GSM8K")


def test_extrapolation_default_holdout_follows_the_fit_range():
    # A fit range that reaches 1,000 samples leaves only 10,000 held out (the chapter's knob may move).
    assert list(tt.extrapolation_check("MATH", 1000)[0].k_eval) == [10_000]
    assert list(tt.extrapolation_check("MATH", 100)[0].k_eval) == [1000, 10_000]


@pytest.mark.parametrize("call, match", [
    (lambda: tt.fit_coverage_law([1, 2, 3], [0.1, 0.2, 1.0]), "cov must lie in"),
    (lambda: tt.fit_coverage_law([1, 2], [0.1, 0.2]), "ks needs at least 3"),
    (lambda: tt.fit_coverage_law([1, 2, 3], [0.1, 0.2]), "same shape"),
    (lambda: tt.extrapolation_check("MATH", 100, (50,)), "k_eval must lie in"),
    (lambda: tt.extrapolation_check("MATH", 10_000), "k_max_fit must leave held-out samples"),
    (lambda: passk.coverage([10, 10], [1], [1]), "same shape"),
    (lambda: tt.coverage_curves("GSM8K"), "benchmark must be one of"),
])
def test_coverage_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# --- FLOPs and FLOP matching ----------------------------------------------------------------------

def test_inference_flop_and_pythia_sizes():
    assert tt.inference_flop(1e9, 10, 100) == pytest.approx(2e12)
    assert tt.PYTHIA_TOTAL_PARAMS["Pythia 12B"] == 11_846_072_320
    sizes = [tt.PYTHIA_TOTAL_PARAMS[m] for m in tt.monkeys_models("MATH")]
    assert sizes == sorted(sizes)
    with pytest.raises(ValueError, match="n_params must be positive"):
        tt.inference_flop(0, 1, 1)


def test_pythia_flop_params_count_the_embedding_once():
    # Model cards: Pythia 70M has 70,426,624 parameters, 18,915,328 outside the embeddings; vocabulary
    # 50,304 x width 512 = 25,755,648 per embedding matrix. "matmul" drops the input lookup only.
    assert tt.pythia_flop_params("Pythia 70M") == 70_426_624
    assert tt.pythia_flop_params("Pythia 70M", "matmul") == 18_915_328 + 50_304 * 512
    for m in tt.PYTHIA_TOTAL_PARAMS:
        assert tt.PYTHIA_NON_EMBEDDING_PARAMS[m] < tt.pythia_flop_params(m, "matmul") < tt.pythia_flop_params(m)
    with pytest.raises(ValueError, match="count must be one of"):
        tt.pythia_flop_params("Pythia 70M", "active")
    with pytest.raises(ValueError, match="model must be one of"):
        tt.pythia_flop_params("Pythia 20B")


# --- selection: see tests/test_verifiers.py ------------------------------------------------------


# --- Kim et al. and the fleet model ---------------------------------------------------------------

def test_table_iii_ratios_reproduce_the_printed_ones():
    # Kim et al. print the ratios to ShareGPT computed from unrounded values; ours use the rounded table,
    # so allow 1 %: e.g. 41.53 / 0.32 = 129.8 against the printed 130.9x.
    t = kim.kim_table_iii().set_index(["model", "design"])
    printed = {("8B", "Reflexion"): (153.7, 130.9), ("8B", "LATS"): (90.1, 71.7),
               ("70B", "Reflexion"): (112.6, 136.5), ("70B", "LATS"): (47.8, 62.1)}
    for key, (lat, en) in printed.items():
        assert t.loc[key, "latency_ratio"] == pytest.approx(lat, rel=0.01)
        assert t.loc[key, "energy_ratio"] == pytest.approx(en, rel=0.01)


def test_fleet_model_reproduces_table_iv():
    # Table IV prints powers to one decimal of M or G; the 8B ShareGPT "1.0 M" is 0.95 MW unrounded, so
    # the tolerance is 5 %.
    table = kim.kim_fleet_table()
    assert np.nanmax(np.abs(table["relative_error"])) < 0.05
    # Kim et al.'s daily energies (Section VI) and the 1 GW traffic level.
    assert kim.daily_energy_wh(kim.energy_wh_per_query("70B", "Reflexion"), kim.KIM_TRAFFIC_TODAY) == pytest.approx(24.89e9, rel=0.002)
    assert kim.daily_energy_wh(kim.energy_wh_per_query("8B", "Reflexion"), kim.KIM_TRAFFIC_TODAY) == pytest.approx(2.97e9, rel=0.002)
    assert kim.queries_per_day_for_power(1e9, 348.41) == pytest.approx(24e9 / 348.41)


@settings(max_examples=40, deadline=None)
@given(e=st.floats(1e-3, 1e3), q=st.floats(1.0, 1e11))
def test_fleet_functions_invert_each_other(e, q):
    p = kim.fleet_power_w(e, q)
    assert kim.queries_per_day_for_power(p, e) == pytest.approx(q, rel=1e-9)
    cost = kim.energy_cost_usd(kim.daily_energy_wh(e, q), 0.1)
    assert kim.break_even_price_usd_per_kwh(cost, kim.daily_energy_wh(e, q)) == pytest.approx(0.1, rel=1e-9)


def test_energy_cost_and_average_power_by_hand():
    # 2.24 GWh (0.32 Wh x 1e9 queries x 7 days) at 0.10 USD/kWh = 224,000 USD.
    assert kim.energy_cost_usd(0.32 * 1e9 * 7, 0.10) == pytest.approx(224_000)
    assert kim.break_even_price_usd_per_kwh(224_000, 0.32 * 1e9 * 7) == pytest.approx(0.10)
    # 1 Wh over 3.6 s is 1,000 W; a 24 h day of 24 Wh/query x 1 query/day is 1 W.
    assert kim.average_power_w(1.0, 3.6) == pytest.approx(1000.0)
    assert kim.fleet_power_w(24.0, 1.0) == pytest.approx(1.0)
    t = kim.kim_table_iii().set_index(["model", "design"])
    assert t.loc[("8B", "ShareGPT"), "average_power_w"] == pytest.approx(0.32 * 3600 / 4.23)


def test_sequential_ratio_and_accuracy_interval():
    assert kim.sequential_marginal_ratio() == pytest.approx(269.5 / 8.7)
    # Wilson interval against scipy's implementation (same formula; agreement to rounding).
    from scipy.stats import binomtest
    ref = binomtest(40, 50).proportion_ci(confidence_level=0.9, method="wilson")
    lo, hi = kim.accuracy_interval(80.0)
    assert (lo, hi) == pytest.approx((100 * ref.low, 100 * ref.high), rel=1e-9)
    assert lo < 80 < hi and hi - lo < 25
    lo2, hi2 = kim.accuracy_interval(80.0, n_questions=5000)
    assert hi2 - lo2 < (hi - lo) / 5


@pytest.mark.parametrize("call, match", [
    (lambda: kim.energy_wh_per_query("13B", "LATS"), "model must be one of"),
    (lambda: kim.energy_wh_per_query("8B", "ReAct"), "design must be one of"),
    (lambda: kim.fleet_power_w(-1.0, 1e6), "energy_wh_per_query must be non-negative"),
    (lambda: kim.fleet_power_w(1.0, np.inf), "queries_per_day must be finite"),
    (lambda: kim.queries_per_day_for_power(1e9, 0.0), "energy_wh_per_query must be positive"),
    (lambda: kim.energy_cost_usd(1.0, -0.1), "usd_per_kwh must be non-negative"),
    (lambda: kim.average_power_w(1.0, 0.0), "latency_s must be positive"),
    (lambda: kim.accuracy_interval(120.0), "accuracy_pct must lie in"),
    (lambda: kim.kim_fleet_table([0.0]), "queries_per_day must be positive"),
])
def test_fleet_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_batched_what_if():
    assert kim.batched_energy_wh(22.76, 1.0) == 22.76  # gain 1 reproduces the paper
    assert kim.batched_energy_wh(22.76, 4.0) == pytest.approx(5.69)
    cost = kim.weekly_energy_cost_usd(22.76, 1e9, 0.10)
    assert cost == pytest.approx(22.76 * 1e9 * 7 / 1000 * 0.10)
    gain = float(kim.batching_gain_to_reach(1e6, cost))
    assert kim.weekly_energy_cost_usd(22.76, 1e9, 0.10, gain) == pytest.approx(1e6)
    assert kim.batching_gain_to_reach(10.0, 5.0) == 1.0  # already below the level
    with pytest.raises(ValueError, match="batching_gain must be at least 1"):
        kim.batched_energy_wh(1.0, 0.5)
    with pytest.raises(ValueError, match="level must be positive"):
        kim.batching_gain_to_reach(0.0, 5.0)


# --- total compute, Snell et al., guessing -------------------------------------------------------

def test_total_matched_samples_balance_training_and_inference():
    # 6 N_s D + 2 N_s k R D == 6 N_l D + 2 N_l R D for the k returned
    for rho, r in [(14.0, 0.1), (2.5, 1.0), (168.0, 22.0)]:
        k = float(tt.total_matched_samples(rho, r))
        assert 6 + 2 * k * r == pytest.approx(rho * (6 + 2 * r), rel=1e-12)
        assert k > rho  # counting training can only add samples for the smaller model
    # a large ratio tends to the inference-only match; equal sizes give one sample
    assert tt.total_matched_samples(14.0, 1e9) == pytest.approx(14.0, rel=1e-6)
    assert tt.total_matched_samples(1.0, 0.5) == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(rho=st.floats(1.01, 500), k=st.floats(1.0, 1e6))
def test_crossover_inverts_total_matched_samples(rho, k):
    r = tt.crossover_inference_ratio(rho, k)
    if k <= rho:
        assert r == math.inf
    else:
        assert tt.total_matched_samples(rho, r) == pytest.approx(k, rel=1e-9)


def test_crossover_edges_and_bad_input():
    assert tt.crossover_inference_ratio(14.0, math.inf) == 0.0
    with pytest.raises(ValueError, match="size_ratio must be at least 1"):
        tt.total_matched_samples(0.5, 1.0)
    with pytest.raises(ValueError, match="inference_ratio must be positive"):
        tt.total_matched_samples(2.0, 0.0)
    with pytest.raises(ValueError, match="k_needed must be positive"):
        tt.crossover_inference_ratio(2.0, 0.0)
    with pytest.raises(ValueError, match="selector must be one of"):
        tt.samples_to_beat("Pythia 1B", 0.1, "oracle")


def test_compute_matched_pairs_inference_only_and_total():
    inf = tt.compute_matched_pairs(None)
    assert len(inf) == 20 and (inf["k_small"] == np.floor(inf["size_ratio"])).all()
    low = tt.compute_matched_pairs(0.01)
    assert (low["k_small"] >= inf["k_small"]).all() and low["capped"].any()
    # more samples never hurt coverage or the verifier, so counting training can only add wins
    assert low["small_wins"].sum() >= inf["small_wins"].sum()
    assert low["verifier_wins"].sum() >= inf["verifier_wins"].sum()
    # selectors are ordered: verifier <= coverage, worst vote <= best vote
    for f in (inf, low):
        assert (f["verifier_small"] <= f["coverage_small"] + 1e-12).all()
        assert (f["vote_worst_small"] <= f["vote_best_small"] + 1e-12).all()
    # a crossover of inf means a win inference-only; 0 means never within 10,000 samples
    assert (inf.loc[inf["crossover_verifier"] == math.inf, "verifier_wins"]).all()
    with pytest.raises(ValueError, match="inference_ratio must be positive"):
        tt.compute_matched_pairs(-1.0)


def test_flop_matched_pairs_spend_equal_compute():
    pairs = tt.flop_matched_pairs()
    assert len(pairs) == 20 and (pairs["k_small"] >= 2).all()
    for r in pairs.itertuples():
        small = tt.inference_flop(tt.PYTHIA_TOTAL_PARAMS[r.small], r.k_small, 256)
        assert small <= r.flop < small * (1 + 1 / r.k_small) * 1.0001  # floor(N_large/N_small) samples
    assert (tt.flop_matched_pairs(1000.0)["small_wins"] == pairs["small_wins"]).all()


def test_matmul_count_gives_small_models_more_samples():
    total, matmul = tt.flop_matched_pairs(), tt.flop_matched_pairs(count="matmul")
    assert (matmul["k_small"].to_numpy() >= total["k_small"].to_numpy()).all()
    assert matmul["small_wins"].sum() >= total["small_wins"].sum()
    with pytest.raises(ValueError, match="count must be one of"):
        tt.flop_matched_pairs(count="active")


def test_training_flop_and_snell_pair():
    assert tt.training_flop(1e9, 3e11) == pytest.approx(1.8e21)
    # training a 12B Pythia costs ~168x a 70M one (same tokens): the "~170x"
    ratio = tt.training_flop(tt.PYTHIA_TOTAL_PARAMS["Pythia 12B"], tt.PYTHIA_TRAINING_TOKENS) / tt.training_flop(
        tt.PYTHIA_TOTAL_PARAMS["Pythia 70M"], tt.PYTHIA_TRAINING_TOKENS)
    assert 160 < ratio < 175
    small, large = tt.snell_like_pair()
    assert abs(np.log(tt.pythia_flop_params(large) / tt.pythia_flop_params(small) / 14)) < np.log(1.5)
    assert tt.SNELL_LARGER_MODEL_FACTOR == 14 and tt.SNELL_EFFICIENCY_VS_BEST_OF_N == 4


def test_wins_by_ratio_fall_as_inference_grows():
    w = tt.wins_by_ratio()
    assert (np.diff(w["coverage_wins"].to_numpy()) <= 0).all()
    assert (np.diff(w["verifier_wins"].to_numpy()) <= 0).all()
    assert w["inference_ratio"].iloc[-1] == math.inf


def test_extrapolation_reports_relative_error():
    # Gemma-2B on CodeContests: a few points of absolute error are a large relative one
    rows = {e.model: e for e in tt.extrapolation_check("CodeContests", 100)}
    g = rows["Gemma 2B"]
    assert g.relative_error[-1] == pytest.approx(g.predicted[-1] / g.observed[-1] - 1)
    assert abs(g.error_points[-1]) < 5 and g.relative_error[-1] > 0.3


def test_guessing_table():
    g = tt.guessing_table(100).set_index("model")
    assert (g["adjusted_10k"] <= g["coverage_10k"]).all()
    # Pythia 70M: most of its 26.6 % coverage comes from problems solved less often than 1 in 100
    assert g.loc["Pythia 70M", "coverage_10k"] == pytest.approx(34 / 128)
    assert g.loc["Pythia 70M", "adjusted_10k"] < 0.1 * g.loc["Pythia 70M", "coverage_10k"]
    with pytest.raises(ValueError, match="n_candidates must be"):
        tt.guessing_table(1)


def test_verifier_optima_per_model():
    o = tt.verifier_optima()
    assert (o["accuracy_best"] <= o["cap"] + 1e-12).all() and (o["accuracy_best"] >= o["pass1"] - 1e-12).all()
    assert (o["accuracy_best"] <= o["coverage_at_best"] + 1e-12).all()


# --- charts ----------------------------------------------------------------------------------------

def _params(spec):
    return spec.get("params", []) + [p for layer in spec.get("layer", []) for p in layer.get("params", [])]


def test_charts_are_house_style_figures():
    figs = [tc.coverage_chart("MATH"), tc.coverage_chart("CodeContests"), tc.flop_chart(), tc.total_compute_chart(),
            tc.selection_chart(), tc.verifier_chart(), tc.guessing_chart(), tc.kim_tradeoff_chart(), tc.fleet_chart()]
    names = [f.to_dict()["usermeta"]["book_figure"]["name"] for f in figs]
    assert len(set(names)) == len(names) and all(n.startswith("fig-tt-") for n in names)
    for f in figs:
        spec = f.to_dict()
        assert spec.get("title") and spec.get("description")
    for f in (tc.total_compute_chart(), tc.fleet_chart()):
        assert any("bind" in p for p in _params(f.to_dict()))


def test_total_compute_chart_takes_any_positive_ratio():
    spec = tc.total_compute_chart(0.123).to_dict()
    assert any(p.get("value") == 0.123 for p in _params(spec))
    with pytest.raises(ValueError, match="inference_ratio must be positive"):
        tc.total_compute_chart(0.0)


# --- Issue 23: the population of TT-18, the training frontier of TT-19, the worlds --------------------------

def test_rival_pairs_count_a_stated_population():
    from analysis.testtime import population as pop

    e = pop.rival_pairs("phi", "MMLU", 5.0)
    assert e["pairs"] == 73 and 0 <= e["rivalled"] <= e["pairs"]
    wider = pop.rival_pairs("phi+smollm", "MMLU", 5.0)
    assert wider["pairs"] > e["pairs"] and wider["small_models"] == 5
    assert pop.rival_pairs("phi", "MMLU", 100.0)["rivalled"] == e["pairs"]  # any gap counts when 'rival' is loose
    for bad in (dict(population="llama"), dict(benchmark="BBH"), dict(tolerance=-1.0), dict(size_ratio=1.0)):
        with pytest.raises(ValueError):
            pop.rival_pairs(**bad)


def test_frontier_scores_a_world_with_nothing_after_the_shift():
    from analysis.testtime import frontier as fr
    from analysis.testtime import worlds as W

    def drop_later(frame):
        return frame[frame["Publication date"] < "2024-09-12"]
    with data_mod.world({W.EPOCH_MODELS_FILE: drop_later}):
        r = fr.frontier_before_after()
    assert r["after_over_before"] == 0.0 and r["n_after"] == 0
    with data_mod.world({W.EPOCH_MODELS_FILE: W.training_capped_after("2024-09-12")}):
        assert fr.frontier_before_after()["after_over_before"] <= 1.0
    with pytest.raises(ValueError, match="statistic"):
        fr.frontier_before_after(statistic="mean")


def test_monkeys_worlds_keep_the_counts_valid():
    from analysis.testtime import worlds as W

    real = data_mod.load_monkeys_counts()
    for transform in (W.samples_agree, W.more_right_samples(3.0)):
        f = transform(real.copy())
        assert ((f["num_correct"] >= 0) & (f["num_correct"] <= f["num_samples"])).all()
    assert set(W.samples_agree(real.copy())["num_correct"]) <= {0, 10_000}


# --- Where the power law comes from (Schaeffer, Kazdan et al. 2025) --------------------------------------

from analysis.testtime import power_laws as pl  # noqa: E402
from analysis.testtime import eci_pairs as ep  # noqa: E402
from analysis.testtime import reasoning_literature as rl  # noqa: E402


def test_beta_failure_falls_and_tends_to_power_alpha():
    ks = np.geomspace(1, 1e7, 30)
    f = pl.beta_failure(ks, 0.3, 10.0)
    assert np.all(np.diff(f) < 0) and f[0] == pytest.approx(10.0 / 10.3)
    # far out the log-log slope of the failure share is -alpha (the heavy-tail argument)
    slope = np.log(f[-1] / f[-2]) / np.log(ks[-1] / ks[-2])
    assert slope == pytest.approx(-0.3, abs=0.01)


def test_beta_failure_matches_a_monte_carlo_average():
    rng = np.random.default_rng(1)
    p = rng.beta(0.4, 6.0, 200_000)
    for k in (1, 10, 100):
        assert pl.beta_failure(k, 0.4, 6.0)[()] == pytest.approx(np.mean((1 - p) ** k), rel=0.02)


def test_beta_binomial_fit_recovers_its_parameters():
    rng = np.random.default_rng(2)
    c = rng.binomial(10_000, rng.beta(0.25, 12.0, 4000))
    fit = pl.fit_beta_binomial(c, 10_000)
    assert fit.alpha == pytest.approx(0.25, rel=0.1) and fit.beta == pytest.approx(12.0, rel=0.2)


def test_predicted_exponents_agree_with_the_fitted_ones():
    t = pl.exponent_table("MATH", n_boot=0)
    # the beta's prediction is within 15 % of the fitted exponent for every Pythia model (our measurement),
    # and the local exponent on 1-1,000 samples exceeds the asymptotic one (alpha): the law keeps bending
    assert ((t["ratio"] > 0.85) & (t["ratio"] < 1.15)).all()
    assert (t["alpha"] < t["observed"]).all()
    # heavier left tail (smaller alpha) for smaller models: alpha rises with size
    assert t["alpha"].is_monotonic_increasing


def test_power_law_functions_refuse_bad_input():
    with pytest.raises(ValueError, match="counts"):
        pl.fit_beta_binomial([5, 20], 10)
    with pytest.raises(ValueError, match="counts"):
        pl.fit_beta_binomial([3, 3, 3], 10)
    with pytest.raises(ValueError, match="alpha"):
        pl.beta_failure([1, 10], -1.0, 2.0)
    with pytest.raises(ValueError, match="n_boot"):
        pl.exponent_table("MATH", n_boot=-1)


def test_accuracy_gap_interval_is_a_newcombe_interval():
    lo, hi = kim.accuracy_gap_interval(82.0, 80.0)
    assert lo < 2.0 < hi
    # narrower than subtracting the ends of the two Wilson intervals, the old reading
    lo_a, hi_a = kim.accuracy_interval(82.0)
    lo_b, hi_b = kim.accuracy_interval(80.0)
    assert lo > float(lo_a - hi_b) and hi < float(hi_a - lo_b)
    # equal accuracies give an interval symmetric about zero
    a, b = kim.accuracy_gap_interval(60.0, 60.0)
    assert a == pytest.approx(-b)
    with pytest.raises(ValueError, match="accuracy_b_pct"):
        kim.accuracy_gap_interval(50.0, 120.0)


# --- Thinking against instruct at equal training compute (Epoch's ECI) ------------------------------------

def test_qwen3_thinking_gains_six_and_a_half_eci_at_equal_compute():
    t = ep.pair_table("equal compute", n_boot=50)
    assert list(t["thinking"]) == ["Qwen3-235B-A22B-Thinking-2507"]
    # Epoch's ECI file (April 2026): 145.56 against 139.03, both at 4.752e24 FLOP
    assert t["gain_eci"].iloc[0] == pytest.approx(6.53, abs=0.01)
    assert t["decades_low"].iloc[0] <= t["decades"].iloc[0] <= t["decades_high"].iloc[0]


def test_every_pair_gains_and_few_pairs_exist():
    t = ep.pair_table("all pairs", n_boot=50)
    assert len(t) == len(ep.PAIRS) and (t["adjusted_gain_eci"] > 0).all()
    assert ep.merged_settings() > len(ep.PAIRS)
    with pytest.raises(ValueError, match="population"):
        ep.pair_table("every model")


# --- Production energy anchors -----------------------------------------------------------------------------

def test_energy_anchors_and_the_batching_gap():
    a = rl.energy_anchors().set_index("anchor")
    # Kim et al.'s 70B chat request, 2.55 Wh (Table III), against Epoch's 0.3 Wh and Google's 0.24 Wh
    assert a.loc["Epoch AI: GPT-4o query (estimate)", "gap"] == pytest.approx(2.55 / 0.3, rel=1e-9)
    assert a.loc["Google: median Gemini prompt", "gap"] == pytest.approx(2.55 / 0.24, rel=1e-9)
    # no gap reproduces Kim et al.'s Table IV: 198.9 GW for 70B Reflexion at search traffic
    assert rl.search_scale_power_w(1.0)[()] / 1e9 == pytest.approx(198.9, rel=0.01)
    with pytest.raises(ValueError, match="gap"):
        rl.search_scale_power_w(0.0)
    assert set(rl.figures_table()["checked"]) <= {"source", "secondary"}


def test_forecast_from_a_hundred_samples():
    t = pl.forecast_table("MATH", m_samples=100, n_draws=3)
    # both forecasts land within 25 % of the exponent fitted on all 10,000 samples (our measurement)
    assert (t["law_error"] < 0.25).all() and (t["beta_error"] < 0.25).all()
    with pytest.raises(ValueError, match="m_samples"):
        pl.forecast_table("MATH", m_samples=5)
