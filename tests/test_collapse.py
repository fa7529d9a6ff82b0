import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.collapse import gaussian as mc
from analysis.collapse import charts as mcc
from analysis.collapse import vocab

# Monte-Carlo tolerance: simulated means are compared with closed forms within Z_TOL standard errors
# (SE = sd across chains / sqrt(n_chains)). With ~20 comparisons per test, 4 SE keeps the false-alarm rate
# of a correct implementation below 0.2 % while any real bias of a few per cent (tens of SE at these chain
# counts) still fails.
Z_TOL = 4.0


def _z(samples: np.ndarray, expected) -> np.ndarray:
    return (samples.mean(axis=0) - expected) / (samples.std(axis=0) / np.sqrt(samples.shape[0]))


# --- gaussian_chain ---------------------------------------------------------------------------------

def test_shapes_and_generation_zero_uses_real_data():
    res = mc.gaussian_chain(7, 10, 5, seed=3)
    assert res.variance.shape == res.mean.shape == (5, 8)
    assert res.n_chains == 5 and res.n_generations == 7
    assert res.sample_sizes.tolist() == [10] * 8
    assert np.all(res.variance > 0)


def test_seeded_and_deterministic():
    a = mc.gaussian_chain(20, 10, 50, mode="accumulate", seed=11)
    b = mc.gaussian_chain(20, 10, 50, mode="accumulate", seed=11)
    c = mc.gaussian_chain(20, 10, 50, mode="accumulate", seed=12)
    np.testing.assert_array_equal(a.variance, b.variance)
    assert not np.array_equal(a.variance, c.variance)


def test_chains_are_distinct():
    # Vectorised over chains: a broadcasting slip would give every chain the same draws (one repeated path).
    res = mc.gaussian_chain(5, 10, 200, seed=0)
    assert np.unique(res.variance[:, -1]).size == 200


@pytest.mark.parametrize("mode, fraction", [("replace", 0.0), ("accumulate", 0.0), ("mix", 0.25)])
@pytest.mark.parametrize("estimator", ["mle", "unbiased"])
@pytest.mark.parametrize("method", ["samples", "exact"])
def test_closed_form_moments_match_simulation(mode, fraction, estimator, method):
    n_gen, m = 20, 8
    res = mc.gaussian_chain(n_gen, m, 20_000, mode=mode, estimator=estimator, real_fraction=fraction,
                            seed=5, method=method)
    expected = mc.expected_moments(n_gen, m, mode=mode, estimator=estimator, real_fraction=fraction)
    for g in (0, 1, 5, 20):
        assert abs(_z(res.variance[:, [g]], expected.variance[g])[0]) < Z_TOL
        assert abs(_z(res.mean[:, [g]] ** 2, expected.mean_square[g])[0]) < Z_TOL


def test_published_closed_forms():
    # Replace + MLE: E sigma_g^2 = ((M-1)/M)^(g+1); replace + unbiased: a martingale, E = 1 exactly.
    e = mc.expected_moments(10, 10)
    np.testing.assert_allclose(e.variance, 0.9 ** np.arange(1, 12))
    np.testing.assert_allclose(mc.expected_moments(10, 10, estimator="unbiased").variance, 1.0)
    # Unbiased replace: E mu_g^2 is exactly the running sum of 1/M_k (Shumailov et al.'s bound, 1-D).
    sizes = mc.sample_size_schedule("linear", 10, 5)
    np.testing.assert_allclose(mc.expected_moments(10, sizes, estimator="unbiased").mean_square, np.cumsum(1 / sizes))


def test_mix_with_all_real_data_stays_at_truth_and_with_none_equals_replace():
    all_real = mc.expected_moments(15, 10, mode="mix", real_fraction=1.0, estimator="unbiased")
    np.testing.assert_allclose(all_real.variance, 1.0)
    np.testing.assert_allclose(all_real.mean_square, 0.1)
    none = mc.expected_moments(15, 10, mode="mix", real_fraction=0.0)
    rep = mc.expected_moments(15, 10)
    np.testing.assert_allclose(none.variance, rep.variance)
    np.testing.assert_allclose(none.mean_square, rep.mean_square)


def test_exact_and_sample_methods_agree_in_distribution():
    a = mc.gaussian_chain(10, 6, 20_000, seed=1, method="samples").variance[:, -1]
    b = mc.gaussian_chain(10, 6, 20_000, seed=2, method="exact").variance[:, -1]
    from scipy import stats

    assert stats.ks_2samp(np.log(a), np.log(b)).pvalue > 1e-3


def test_kazdan_runs_reproduced():
    table = mc.kazdan_comparison(n_chains=2000, seed=0)
    assert len(table) == 800
    # Published medians of 100 runs vs ours, in standard errors of a 100-run median: a correct model puts
    # ~95 % of rows within 2 SE; we require 90 % to allow for the rows' strong correlation along a chain.
    assert (table["z_log_median"].abs() < 2).mean() > 0.9
    # Kazdan et al.: replace at n = 10 ends near 2.2e-10, accumulate near 0.73 (PROVENANCE example).
    last = table[(table["generation"] == 99) & (table["num_samples_per_iteration"] == 10)].set_index("mode")
    assert last.loc["replace", "fit_variance_median"] == pytest.approx(2.2e-10, rel=0.05)
    assert last.loc["accumulate", "sim_median"] == pytest.approx(0.73, abs=0.05)


def test_kazdan_runs_identify_the_maximum_likelihood_fit():
    # Their code fits np.cov(..., bias=True), the MLE. The unbiased fit decays about half as fast, so it must
    # match far fewer published medians (it matches ~60 % of rows at 4000 chains; the MLE over 99 %).
    mle = (mc.kazdan_comparison(n_chains=2000, seed=0)["z_log_median"].abs() < 2).mean()
    unbiased = (mc.kazdan_comparison(n_chains=2000, seed=0, estimator="unbiased")["z_log_median"].abs() < 2).mean()
    assert unbiased < 0.8 < 0.9 < mle


# --- log-variance random walk and the threshold probability -------------------------------------------

def test_log_variance_walk_matches_simulation():
    m, n_gen = 12, 40
    res = mc.gaussian_chain(n_gen, m, 20_000, estimator="unbiased", seed=9, method="exact")
    step = mc.log_variance_step(m, "unbiased")
    logv = np.log(res.variance)
    g = np.arange(n_gen + 1)
    assert np.all(np.abs(_z(logv, (g + 1) * step.drift)) < Z_TOL)
    # The variance of log sigma^2 grows linearly, (g+1) times the step variance; the SE of a sample variance
    # of a near-normal quantity is var * sqrt(2 / (n - 1)).
    var = logv.var(axis=0)
    se = (g + 1) * step.step_variance * np.sqrt(2 / (logv.shape[0] - 1))
    assert np.all(np.abs(var - (g + 1) * step.step_variance) < Z_TOL * se)


@settings(max_examples=40, deadline=None)
@given(m=st.integers(3, 10_000))
def test_drift_is_negative_and_about_two_over_M(m):
    step = mc.log_variance_step(m)
    assert step.drift < 0 and step.step_variance > 0
    if m >= 200:
        assert step.drift == pytest.approx(-2 / m, rel=0.02)
        assert step.step_variance == pytest.approx(2 / m, rel=0.02)
        assert mc.log_variance_step(m, "unbiased").half_life == pytest.approx(m * np.log(2), rel=0.02)


@pytest.mark.parametrize("m, g, threshold", [(10, 0, 0.5), (10, 5, 0.1), (20, 30, 0.3), (100, 50, 0.8)])
def test_threshold_probability_matches_simulation(m, g, threshold):
    res = mc.gaussian_chain(g, m, 40_000, seed=m + g, method="exact")
    hits = res.variance[:, g] < threshold
    p = mc.prob_variance_below(threshold, g, m)
    se = max(np.sqrt(p * (1 - p) / hits.size), 1 / hits.size)
    assert abs(hits.mean() - p) < Z_TOL * se


def test_threshold_probability_at_generation_zero_is_chi_square():
    from scipy import stats

    assert mc.prob_variance_below(0.7, 0, 15, "unbiased") == pytest.approx(stats.chi2.cdf(0.7 * 14, 14), abs=1e-6)


@settings(max_examples=20, deadline=None)
@given(t1=st.floats(0.01, 1.0), factor=st.floats(1.1, 10.0), g=st.integers(0, 30))
def test_threshold_probability_is_a_cdf(t1, factor, g):
    lo, hi = mc.prob_variance_below(t1, g, 10), mc.prob_variance_below(t1 * factor, g, 10)
    assert 0 <= lo <= hi <= 1


def test_random_walk_approximation_converges_to_exact():
    exact = mc.prob_variance_below(0.2, 60, 10)
    assert float(mc.random_walk_prob_below(0.2, 60, 10)) == pytest.approx(exact, abs=0.01)


# --- tails of the refitted normal ----------------------------------------------------------------------------

def test_tail_mass_of_the_truth_and_limits():
    assert float(mc.tail_mass(0.0, 1.0)) == pytest.approx(0.0026998, rel=1e-4)  # 2 * Phi(-3)
    assert float(mc.tail_mass(0.0, 1e-4)) < 1e-100  # a collapsed fit has no mass beyond the true 3 sigma
    assert float(mc.tail_mass(3.0, 1.0)) == pytest.approx(0.5, abs=1e-4)  # centred on a 3-sigma point
    np.testing.assert_allclose(mc.tail_mass([0.5, -0.5], [0.8, 0.8]), mc.tail_mass(0.5, 0.8))  # symmetric


@settings(max_examples=30, deadline=None)
@given(v1=st.floats(0.01, 5.0), factor=st.floats(1.01, 5.0), mu=st.floats(-2.0, 2.0))
def test_tail_mass_grows_with_the_variance(v1, factor, mu):
    assert mc.tail_mass(mu, v1) < mc.tail_mass(mu, v1 * factor)


# --- schedules -------------------------------------------------------------------------------------------

def test_schedules():
    assert mc.sample_size_schedule("constant", 3, 10).tolist() == [10, 10, 10, 10]
    assert mc.sample_size_schedule("linear", 3, 10).tolist() == [10, 20, 30, 40]
    assert mc.sample_size_schedule("superlinear", 3, 10).tolist() == [10, 40, 90, 160]


def test_sum_of_inverse_sizes_decides_collapse():
    table = mc.schedule_table(n_generations=400, base=10)
    last = table[table["generation"] == 400].set_index("schedule")
    # constant: sum = 401/10; linear: H_401/10 (log growth); quadratic: -> pi^2/60.
    assert last.loc["constant", "sum_inverse_M"] == pytest.approx(40.1)
    assert last.loc["linear", "sum_inverse_M"] == pytest.approx(np.sum(1 / np.arange(1, 402)) / 10)
    assert last.loc["superlinear", "sum_inverse_M"] == pytest.approx(np.pi**2 / 60, rel=0.01)
    # MLE expected variance: prod(1 - 1/M_k) -> 0 iff the sum diverges.
    assert last.loc["constant", "variance_mle"] < 1e-15
    assert last.loc["superlinear", "variance_mle"] > 0.8
    assert last.loc["linear", "variance_mle"] < last.loc["superlinear", "variance_mle"]


@settings(max_examples=25, deadline=None)
@given(base=st.integers(2, 200), n=st.integers(1, 60))
def test_growing_schedules_keep_the_variance_higher(base, n):
    v = {k: mc.expected_moments(n, mc.sample_size_schedule(k, n, base)).variance[-1] for k in mc.SCHEDULES}
    assert v["constant"] <= v["linear"] <= v["superlinear"] <= 1


# --- vocabulary ------------------------------------------------------------------------------------------

def test_word_frequencies_are_zipf_like():
    words = vocab.word_frequencies(20_000)
    assert len(words) == 20_000 and words["word"].iloc[0] == "the"
    assert words["probability"].sum() == pytest.approx(1.0)
    assert words["probability"].is_monotonic_decreasing
    # Zipf: log-frequency against log-rank has slope near -1 over the list.
    slope = np.polyfit(np.log(words["rank"]), np.log(words["probability"]), 1)[0]
    assert -1.5 < slope < -0.7


def test_vocabulary_replace_loses_types_for_good_and_accumulate_does_not():
    p = np.array([0.5, 0.2, 0.1] + [0.2 / 50] * 50)
    rep = vocab.vocabulary_chain(p, 30, 100, 40, seed=1)
    assert np.all(np.diff(rep.types_lost, axis=1) >= 0)  # a lost type never returns under replace
    acc = vocab.vocabulary_chain(p, 30, 100, 40, mode="accumulate", seed=1)
    assert np.all(acc.types_lost == acc.types_lost[:, [0]])  # no type is lost after the real sample
    assert rep.types_lost[:, -1].mean() > acc.types_lost[:, -1].mean()
    assert rep.band_survival.shape == (40, 31, len(rep.bands))


def test_vocabulary_first_generation_matches_binomial_expectation():
    # Expected share of types with zero count in the first multinomial draw: mean of (1 - p)^T.
    words = vocab.word_frequencies(20_000)["probability"].to_numpy()
    res = vocab.vocabulary_chain(words, 0, 50_000, 30, seed=2)
    expected = np.mean((1 - words) ** 50_000)
    sd = res.types_lost[:, 0].std()
    assert abs(res.types_lost[:, 0].mean() - expected) < Z_TOL * sd / np.sqrt(30)


def test_vocabulary_mix_with_real_data_recovers_types():
    p = np.array([0.6] + [0.4 / 20] * 20)
    mix = vocab.vocabulary_chain(p, 40, 50, 40, mode="mix", real_fraction=0.5, seed=3)
    rep = vocab.vocabulary_chain(p, 40, 50, 40, seed=3)
    assert mix.types_lost[:, -1].mean() < rep.types_lost[:, -1].mean()


# --- bad input -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("call, name", [
    (lambda: mc.gaussian_chain(5, 1, 10), "sample_size"),
    (lambda: mc.gaussian_chain(-1, 10, 10), "n_generations"),
    (lambda: mc.gaussian_chain(5, 10, 0), "n_chains"),
    (lambda: mc.gaussian_chain(5, 10, 10, mode="recycle"), "mode"),
    (lambda: mc.gaussian_chain(5, 10, 10, estimator="median"), "estimator"),
    (lambda: mc.gaussian_chain(5, 10, 10, mode="mix", real_fraction=1.5), "real_fraction"),
    (lambda: mc.gaussian_chain(5, 10, 10, mode="mix", real_fraction=np.nan), "real_fraction"),
    (lambda: mc.gaussian_chain(5, 10, 10, real_fraction=0.3), "real_fraction"),
    (lambda: mc.gaussian_chain(5, 10, 10, method="fast"), "method"),
    (lambda: mc.gaussian_chain(2, [10, 10], 10), "sample_size"),
    (lambda: mc.gaussian_chain(2, [10, 1.5, 10], 10), "sample_size"),
    (lambda: mc.expected_moments(5, 1), "sample_size"),
    (lambda: mc.expected_moments(5, 10, mode="mix", real_fraction=-0.1), "real_fraction"),
    (lambda: mc.log_variance_step(1), "sample_size"),
    (lambda: mc.log_variance_step(np.nan), "sample_size"),
    (lambda: mc.prob_variance_below(0, 3, 10), "threshold"),
    (lambda: mc.prob_variance_below(0.5, -1, 10), "generation"),
    (lambda: mc.random_walk_prob_below(0.5, -1, 10), "generation"),
    (lambda: mc.sample_size_schedule("cubic", 3, 10), "kind"),
    (lambda: mc.sample_size_schedule("superlinear", 3, 10, power=1.0), "power"),
    (lambda: mc.sample_size_schedule("linear", 3, 1), "base"),
    (lambda: vocab.vocabulary_chain([0.5, 0.6], 3, 10, 2), "probabilities"),
    (lambda: vocab.vocabulary_chain([0.5, -0.5, 1.0], 3, 10, 2), "probabilities"),
    (lambda: vocab.vocabulary_chain([0.5, 0.5], 3, 0, 2), "tokens_per_generation"),
    (lambda: vocab.vocabulary_chain([0.5, 0.5], 3, 10, 2, mode="mix", real_fraction=2), "real_fraction"),
    (lambda: vocab.vocabulary_chain([0.5, 0.5], 3, 10, 2, mode="keep"), "mode"),
    (lambda: vocab.vocabulary_chain([0.5, 0.5], 3, 10, 2, bands=(5, 2)), "bands"),
    (lambda: mc.gaussian_chain(5, 10, 10).quantiles([1.5]), "q"),
    (lambda: mc.gaussian_chain(5, 10, 10, seed=-1), "seed"),
    (lambda: mc.schedule_table(0), "n_generations"),
    (lambda: vocab.word_frequencies(5), "n_words"),
    (lambda: mc.kazdan_comparison(n_chains=1), "n_chains"),
    (lambda: mc.kazdan_comparison(estimator="median"), "estimator"),
    (lambda: mc.tail_mass(0.0, 0.0), "variance"),
    (lambda: mc.tail_mass(np.nan, 1.0), "mean"),
    (lambda: mc.tail_mass([0.0, 0.1], [1.0, 1.0, 1.0]), "shape"),
    (lambda: mc.tail_mass(0.0, 1.0, z=-1), "z"),
    (lambda: mcc.log_variance_walk_chart(mc.unbiased_run(5, 10, 10), n_paths=0), "n_paths"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


# --- charts and claims ------------------------------------------------------------------------------------

def test_charts_build_with_slider():
    runs = mc.fan_runs(n_generations=20, n_chains=200)
    spec = mcc.variance_fan_chart(runs, mc.load_kazdan_gaussian()).to_dict()
    assert any("bind" in p for p in spec.get("params", []))
    assert spec["usermeta"]["book_figure"]["name"] == "fig-mc-fan"
    assert mcc.fan_frame(runs)["generation"].max() == 20
    voc = vocab.vocabulary_runs(n_words=2000, tokens=5000, n_generations=5, n_chains=2)
    assert "params" in mcc.vocabulary_survival_chart(voc).to_dict()
    mcc.vocabulary_loss_chart(voc).to_dict()
    mcc.schedule_chart(mc.schedule_table(20, 10)).to_dict()
    mcc.log_variance_walk_chart(mc.unbiased_run(20, 10, 50), n_paths=3).to_dict()


# --- fresh human data, sample-visits, mix sweep ----------------------------------------------------------

def test_counts_recursion_equals_mix_and_replace():
    # With counts from a share, the counts recursion is the mix recursion; with no real data it is replace.
    n, m, r = 12, 10, 3
    a = mc.expected_moments_counts(np.r_[m, np.full(n, r)], np.r_[0, np.full(n, m - r)])
    b = mc.expected_moments(n, m, mode="mix", real_fraction=r / m)
    np.testing.assert_allclose(a.variance, b.variance)
    np.testing.assert_allclose(a.mean_square, b.mean_square)
    c = mc.expected_moments_counts(np.r_[m, np.zeros(n)], np.r_[0, np.full(n, m)])
    np.testing.assert_allclose(c.variance, mc.expected_moments(n, m).variance)


def test_counts_recursion_matches_a_direct_simulation():
    # Separate schedules: fresh human samples growing 1, 2, 3, ... plus 6 synthetic per generation.
    rng = np.random.default_rng(4)
    n, chains, k = 8, 40_000, 6
    real = np.r_[5, np.arange(1, n + 1)]
    mu, var = np.zeros(chains), np.ones(chains)
    out = np.empty((chains, n + 1))
    for g in range(n + 1):
        x = rng.standard_normal((chains, real[g]))
        if g:
            x = np.hstack([x, mu[:, None] + np.sqrt(var)[:, None] * rng.standard_normal((chains, k))])
        mu, var = x.mean(axis=1), x.var(axis=1)
        out[:, g] = var
    e = mc.expected_moments_counts(real, np.r_[0, np.full(n, k)])
    assert np.all(np.abs(_z(out, e.variance)) < Z_TOL)


def test_budget_counts_visits_and_the_identity():
    t = mc.data_budget_table(200, 20, fresh_share=0.1).set_index("strategy")
    quad, acc = t.loc["replace, quadratic M"], t.loc["accumulate"]
    # Issue 15: accumulate trains on ~134x fewer sample-visits than quadratic replace (not 13,568x).
    assert quad["sample_visits"] / acc["sample_visits"] == pytest.approx(134.3, abs=0.1)
    assert quad["sample_visits"] / (acc["human_samples"] + acc["synthetic_samples"]) == pytest.approx(13_568, rel=1e-3)
    assert acc["sample_visits"] == 20 * 201 * 202 // 2
    # The exact identity: accumulate with M new samples = replace with M (g+1)^2, for both moments.
    assert acc["variance_mle"] == pytest.approx(quad["variance_mle"], rel=1e-12)
    assert acc["mean_square"] == pytest.approx(quad["mean_square"], rel=1e-12)
    assert t.loc["fresh human share", "human_samples"] == 20 + 2 * 200
    assert t.loc["fresh human share", "variance_mle"] > 0.5 > t.loc["replace, constant M", "variance_mle"]


@settings(max_examples=15, deadline=None)
@given(m=st.integers(2, 60), n=st.integers(1, 80))
def test_accumulate_is_the_quadratic_schedule_in_expectation(m, n):
    quad = mc.expected_moments(n, mc.sample_size_schedule("superlinear", n, m))
    acc = mc.expected_moments(n, m, mode="accumulate")
    np.testing.assert_allclose(acc.variance, quad.variance, rtol=1e-10)
    np.testing.assert_allclose(acc.mean_square, quad.mean_square, rtol=1e-10)


def test_accumulate_limit_is_the_sine_product():
    v = mc.expected_moments(20_000, 20, mode="accumulate").variance[-1]
    x = np.pi / np.sqrt(20)
    assert v == pytest.approx(np.sin(x) / x, rel=1e-4)


def test_fresh_schedules_any_steady_inflow_prevents_collapse():
    t = mc.fresh_schedule_table(100, synthetic=10, fresh_base=1)
    end = t[t["generation"] == 100].set_index("schedule")["variance_mle"]
    assert end["none"] < 1e-3 < 0.5 < end["constant"] < end["linear"] < end["superlinear"] < 1


def test_mix_sweep_matches_simulation_and_is_monotone():
    sweep = mc.mix_sweep(30, 10, n_chains=4000, seed=2)
    assert sweep["real_share"].tolist() == pytest.approx(np.arange(11) / 10)
    z = (sweep["sim_mean"] - sweep["expected_variance"]) / sweep["sim_se"]
    assert (z.abs() < Z_TOL).all()
    assert np.all(np.diff(sweep["expected_variance"]) >= -1e-12)
    assert sweep["excess_loss"].iloc[-1] == pytest.approx(0.0, abs=1e-12)
    low, high = mc.marginal_loss(sweep, (0.0, 0.5), (0.8, 0.9))
    assert high > low > 0


# --- truncated sampling ------------------------------------------------------------------------------------

def test_sampling_distribution_top_p_and_temperature():
    p = np.array([0.5, 0.25, 0.15, 0.1])
    np.testing.assert_allclose(vocab.sampling_distribution(p), p)
    np.testing.assert_allclose(vocab.sampling_distribution(p, top_p=0.7), [2 / 3, 1 / 3, 0, 0])
    np.testing.assert_allclose(vocab.sampling_distribution(p, top_p=0.75), [2 / 3, 1 / 3, 0, 0])
    np.testing.assert_allclose(vocab.sampling_distribution(p, top_p=0.76), np.r_[p[:3], 0] / 0.9)
    cold = vocab.sampling_distribution(p, temperature=0.5)
    np.testing.assert_allclose(cold, p**2 / (p**2).sum())
    assert vocab.sampling_distribution(np.array([[0.5, 0.5, 0.0]]), top_p=0.5).tolist() == [[1.0, 0.0, 0.0]]


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 1000), top_p=st.floats(0.05, 1.0), t=st.floats(0.2, 3.0))
def test_sampling_distribution_is_a_distribution_keeping_the_head(seed, top_p, t):
    p = np.random.default_rng(seed).dirichlet(np.ones(30))
    q = vocab.sampling_distribution(p, t, top_p)
    assert q.sum() == pytest.approx(1.0) and np.all(q >= 0)
    assert q[np.argmax(p)] > 0  # the most probable type is always kept
    if t == 1.0:
        assert p[q > 0].sum() >= top_p - 1e-12


def test_truncation_loses_types_every_generation_without_sampling_noise():
    p = vocab.word_frequencies(2000)["probability"].to_numpy()
    plain = vocab.truncated_iteration(p, 8)
    assert np.all(plain.types_alive == p.size) and np.allclose(plain.entropy_bits, plain.entropy_bits[0])
    cut = vocab.truncated_iteration(p, 8, top_p=0.9)
    assert np.all(np.diff(cut.types_alive) < 0)  # strictly fewer types every generation
    assert np.all(np.diff(cut.entropy_bits) < 0) and np.all(np.diff(cut.head_mass) > 0)
    warm = vocab.truncated_iteration(p, 5, temperature=0.8)
    assert np.all(np.diff(warm.tail_mass) < 0)


def test_top_p_chain_loses_types_even_with_a_huge_sample():
    p = vocab.word_frequencies(2000)["probability"].to_numpy()
    big = 10_000_000
    plain = vocab.vocabulary_chain(p, 3, big, 2, seed=1, bands=(p.size,))
    cut = vocab.vocabulary_chain(p, 3, big, 2, seed=1, bands=(p.size,), top_p=0.95)
    assert plain.types_lost[:, -1].max() < 0.01
    assert np.all(np.diff(cut.types_lost.mean(axis=0)) > 0.01)


# --- detection --------------------------------------------------------------------------------------------

def test_smoothed_model():
    q = vocab.smoothed_model([3, 0, 1], 0.5)
    np.testing.assert_allclose(q, [3.5 / 5.5, 0.5 / 5.5, 1.5 / 5.5])


def test_lr_power_normal_and_monte_carlo_agree_and_grow_with_tokens():
    p = np.array([0.4, 0.3, 0.2, 0.1])
    q = np.array([0.45, 0.3, 0.17, 0.08])
    t = vocab.lr_test_power(p, q, [50, 500, 5000], n_sim=3000, seed=1)
    assert np.all(np.diff(t.power) > 0) and t.power[-1] > 0.99
    np.testing.assert_allclose(t.power, t.power_mc, atol=0.05)
    n90 = t.tokens_for_power(0.9)
    assert float(vocab.lr_test_power(p, q, [round(n90)], n_sim=100).power[0]) == pytest.approx(0.9, abs=0.01)
    same = vocab.lr_test_power(p, p + 0.0, [100], n_sim=4000, seed=2)
    assert same.power_mc[0] < 0.1  # no difference: rejections near the 5 % level only (ties in the sum)
    assert t.kl_alt_null > 0 and t.kl_null_alt > 0


def test_lr_monte_carlo_power_is_drawn_once_on_first_use():
    p = np.array([0.4, 0.3, 0.2, 0.1])
    q = np.array([0.45, 0.3, 0.17, 0.08])
    t = vocab.lr_test_power(p, q, [50, 500], n_sim=400, seed=4)
    assert "power_mc" not in vars(t)  # not drawn until asked for
    first = t.power_mc
    assert t.power_mc is first
    # the same draws as drawing at once: one generator from the seed, null then alternative per size
    rng, llr = np.random.default_rng(4), np.log(q) - np.log(p)
    expected = []
    for size in (50, 500):
        s0 = (rng.multinomial(size, p, size=400) * llr).sum(axis=1)
        s1 = (rng.multinomial(size, q, size=400) * llr).sum(axis=1)
        expected.append((s1 > np.quantile(s0, 0.95)).mean())
    assert first.tolist() == expected
    p[0] = 0.0  # the test keeps its own copy of the distributions
    assert vocab.lr_test_power(np.array([0.4, 0.3, 0.2, 0.1]), q, [50, 500], n_sim=400, seed=4).power_mc.tolist() == expected


def test_tails_curves_are_cached_under_one_key_and_returned_as_copies():
    from analysis.collapse import tails

    a = tails.scaling_curves(n_types=2000, k=100)
    b = tails.scaling_curves(100, tails.SHARES, 1e2, 1e7, 41, 2000)
    assert a is not b and a.equals(b)
    a.loc[0, "error"] = -1.0
    assert tails.scaling_curves(100, list(tails.SHARES), n_types=2000).loc[0, "error"] == b.loc[0, "error"]


def test_mix_sweep_is_cached_and_returned_as_a_copy():
    a = mc.mix_sweep(5, 4, n_chains=50, seed=2)
    b = mc.mix_sweep(5, 4, shares=np.arange(5) / 4, n_chains=50, seed=2)
    assert a is not b and a.equals(b)


def test_detection_gets_harder_as_the_corpus_grows():
    small = vocab.detection_study(50_000, 2, n_words=2000, n_sim=200)
    large = vocab.detection_study(5_000_000, 2, n_words=2000, n_sim=200)
    assert small["types_lost"] > large["types_lost"]
    assert small["tokens_for_90"] < large["tokens_for_90"]
    assert np.all(np.diff(large["kl_bits"][1:]) > 0) or large["kl_bits"][-1] > large["kl_bits"][0]


# --- tails and scaling laws --------------------------------------------------------------------------------

def test_memorisation_error_matches_simulation():
    from analysis.collapse import tails

    p = vocab.word_frequencies(500)["probability"].to_numpy()
    rng = np.random.default_rng(0)
    t = 2000
    unseen = [(rng.multinomial(t, p) == 0) @ p for _ in range(3000)]
    assert abs(np.mean(unseen) - tails.memorisation_error(p, p, t)) < Z_TOL * np.std(unseen) / np.sqrt(3000)


def test_tail_cut_plateau_and_the_data_multiplier():
    from analysis.collapse import tails

    pl = tails.plateau_table(k=2000, shares=(0.0, 0.5, 0.9, 1.0), t_max=1e6, n_types=20_000).set_index("synthetic_share")
    tail = pl["tail_mass"].iloc[0]
    assert pl.loc[1.0, "error_at_budget"] == pytest.approx(tail, rel=1e-6)  # pure synthetic: the plateau
    assert pl.loc[1.0, "flattest_exponent"] == pytest.approx(0.0, abs=1e-6)
    assert pl.loc[0.0, "ratio_to_real"] == 1.0
    assert 1 < pl.loc[0.5, "ratio_to_real"] < pl.loc[0.9, "ratio_to_real"] < pl.loc[1.0, "ratio_to_real"]
    # Only the real share teaches the tail: matching the all-real error needs 1/(1 - s) times the data.
    assert pl.loc[0.5, "tokens_to_match"] / 1e6 == pytest.approx(2.0, rel=0.02)
    assert pl.loc[0.9, "tokens_to_match"] / 1e6 == pytest.approx(10.0, rel=0.02)
    assert np.isinf(pl.loc[1.0, "tokens_to_match"])


def test_augmenting_with_tail_cut_data_helps_replacing_hurts():
    from analysis.collapse import tails

    base = tails.augmentation_error(1e4, 0.0, k=2000, n_types=20_000)
    assert tails.augmentation_error(1e4, 1e5, k=2000, n_types=20_000) < base
    assert tails.augmentation_error(1e4, 0.0, k=2000, n_types=20_000) > tails.augmentation_error(1.1e5, 0.0, k=2000, n_types=20_000)


def test_local_exponent_of_a_power_law():
    from analysis.collapse import tails

    t = np.logspace(1, 5, 9)
    np.testing.assert_allclose(tails.local_exponent(t, 3 * t**-0.4), 0.4)


# --- the wordfreq note ---------------------------------------------------------------------------------------

def test_sunset_note_reasons():
    from analysis.collapse import sources as src

    reasons = src.sunset_reasons()
    assert [r.kind for r in reasons] == list(src.REASON_KINDS)
    assert all(r.words > 100 for r in reasons)
    assert src.sunset_reasons("# t\n\n## Something else\n\nbody text\n")[0].kind == "other"


def test_sunset_note_checksum_is_checked(tmp_path):
    from analysis.collapse import sources as src
    from analysis.house.data import DataError

    bad = tmp_path / src.SUNSET_FILE
    bad.write_text(src.load_sunset_note() + " tampered")
    with pytest.raises(DataError, match="SHA-256"):
        src.load_sunset_note(bad)
    with pytest.raises(DataError, match="missing"):
        src.load_sunset_note(tmp_path / "nothing.md")


# --- new charts ----------------------------------------------------------------------------------------------

def test_new_charts_are_house_style_figures():
    from analysis.collapse import tails

    figs = {
        "fig-mc-schedule": mcc.schedule_chart(mc.schedule_table(20, 10), mc.expected_moments(20, 10, mode="accumulate").variance),
        "fig-mc-budget": mcc.budget_chart(mc.data_budget_table(20, 10)),
        "fig-mc-fresh": mcc.fresh_schedule_chart(mc.fresh_schedule_table(20)),
        "fig-mc-mix": mcc.mix_sweep_chart(mc.mix_sweep(10, 10, n_chains=50), 10),
        "fig-mc-truncation": mcc.truncation_chart(vocab.truncated_chain_table(
            vocab.word_frequencies(500)["probability"].to_numpy(), 3, (1000,), top_p=0.9, n_chains=2), 0.9),
        "fig-mc-tails": mcc.tails_scaling_chart(tails.scaling_curves(k=2000, t_max=1e6, n_points=9, n_types=20_000), 0.1),
    }
    for name, chart in figs.items():
        spec = chart.to_dict()
        assert spec["usermeta"]["book_figure"]["name"] == name and len(spec["description"]) > 40


@pytest.mark.parametrize("call, name", [
    (lambda: mc.expected_moments_counts([10, 2], [1, 8]), "generation 0"),
    (lambda: mc.expected_moments_counts([10, 2], [0, 8, 3]), "shape"),
    (lambda: mc.expected_moments_counts([10, -2], [0, 8]), "real_counts"),
    (lambda: mc.expected_moments_counts([10, 1], [0, 0]), "at least 2 samples"),
    (lambda: mc.data_budget_table(0), "n_generations"),
    (lambda: mc.data_budget_table(10, 20, fresh_share=0.01), "fresh_share"),
    (lambda: mc.fresh_schedule_table(10, synthetic=1), "synthetic"),
    (lambda: mc.mix_sweep(10, 10, shares=[1.2]), "shares"),
    (lambda: mc.marginal_loss(mc.mix_sweep(5, 10, n_chains=10), (0.0, 0.55), (0.8, 0.9)), "synthetic_share"),
    (lambda: vocab.sampling_distribution([0.5, 0.5], temperature=0), "temperature"),
    (lambda: vocab.sampling_distribution([0.5, 0.5], top_p=1.5), "top_p"),
    (lambda: vocab.sampling_distribution([0.5, -0.5]), "probabilities"),
    (lambda: vocab.truncated_iteration([0.5, 0.5], 3, tail_rank=5), "tail_rank"),
    (lambda: vocab.vocabulary_chain([0.5, 0.5], 3, 10, 2, top_p=0.0), "top_p"),
    (lambda: vocab.smoothed_model([1, 2], 0), "pseudocount"),
    (lambda: vocab.smoothed_model([[1, 2]]), "counts"),
    (lambda: vocab.lr_test_power([0.5, 0.5], [0.5, 0.5], [10], level=0.7), "level"),
    (lambda: vocab.lr_test_power([0.5, 0.5], [0.2, 0.3, 0.5], [10]), "same types"),
    (lambda: vocab.lr_test_power([0.5, 0.5], [0.4, 0.6], [10.5]), "tokens"),
    (lambda: vocab.lr_test_power([0.5, 0.5], [0.4, 0.6], [10], n_sim=5), "n_sim"),
])
def test_new_functions_refuse_bad_input(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_tails_refuse_bad_input():
    from analysis.collapse import tails

    p = vocab.word_frequencies(100)["probability"].to_numpy()
    for call, name in [
        (lambda: tails.tail_cut(p, 100), "k"),
        (lambda: tails.memorisation_error(p, p[:-1] / p[:-1].sum(), 10), "same types"),
        (lambda: tails.memorisation_error(p, p, 0.5), "tokens"),
        (lambda: tails.local_exponent([1, 2], [1.0]), "same length"),
        (lambda: tails.scaling_curves(t_min=10, t_max=5), "t_min"),
        (lambda: tails.augmentation_error(1e3, -1), "synthetic_tokens"),
    ]:
        with pytest.raises(ValueError, match=name):
            call()


def test_fan_chart_axis_reaches_the_smallest_value_instead_of_clamping():
    runs = mc.fan_runs(n_generations=20, n_chains=200)
    frame = mcc.fan_frame(runs)
    smallest = float(frame[["q05", "q25", "q50", "q75", "q95", "expected"]].to_numpy().min())
    spec = mcc.variance_fan_chart(runs).to_dict()
    low = spec["layer"][0]["encoding"]["y"]["scale"]["domain"][0]
    assert 0 < low <= smallest < 10 * low


# --- ngram.py: top-p per context on a bigram chain of real text ----------------------------------------

from scipy import sparse  # noqa: E402

from analysis.collapse import ngram, shares  # noqa: E402
from analysis.house import data as hdata  # noqa: E402


def test_corpus_is_ranked_and_bigram_rows_are_stochastic():
    c = ngram.corpus()
    assert c.ids.size > 10_000 and c.n_types > 1_000 and c.words[0] == "the"
    p = c.unigram()
    assert np.all(np.diff(p) <= 0) and p.sum() == pytest.approx(1.0)
    chain = ngram.bigram_chain(c.ids, c.n_types)
    assert np.allclose(np.asarray(chain.sum(axis=1)).ravel(), 1.0)
    # the unigram distribution is stationary for the looped text's bigram chain
    assert np.allclose(chain.T @ p, p, atol=1e-12)


@given(st.lists(st.floats(0.01, 1.0), min_size=2, max_size=12), st.floats(0.05, 1.0))
@settings(max_examples=60, deadline=None)
def test_truncate_rows_keeps_the_nucleus_of_each_row(weights, q):
    w = np.array(weights) / np.sum(weights)
    m = sparse.csr_matrix(np.vstack([w, w[::-1]]))
    out = ngram.truncate_rows(m, q).toarray()
    assert np.allclose(out.sum(axis=1), 1.0)
    for row, orig in zip(out, (w, w[::-1])):
        kept = row > 0
        assert orig[kept].sum() >= q - 1e-12  # the nucleus holds at least top_p of the row
        assert orig[kept].min() >= orig[~kept].max(initial=0.0) - 1e-15  # and only the most probable


def test_truncate_rows_refuses_bad_top_p():
    m = sparse.csr_matrix(np.eye(3))
    for bad in (0.0, -0.1, 1.5):
        with pytest.raises(ValueError, match="top_p"):
            ngram.truncate_rows(m, bad)
    with pytest.raises(ValueError, match="ids"):
        ngram.bigram_chain([0, 5], 3)


def test_per_context_truncation_keeps_more_than_the_unigram_cut():
    path = ngram.truncation_path(0.95, 10)
    assert path.types_alive_share[0] == 1.0 and np.all(np.diff(path.types_alive_share) <= 0)
    assert np.all(path.types_alive_share[1:] > path.unigram_types_alive_share[1:])
    # figures the chapter states (this corpus, top-p 0.95), within 0.01
    assert path.types_alive_share[1] == pytest.approx(0.747, abs=0.01)
    assert path.unigram_types_alive_share[1] == pytest.approx(0.441, abs=0.01)
    drop = path.entropy_rate_bits[0] - path.entropy_rate_bits[-1]
    assert 0.5 < drop < path.unigram_entropy_bits[0] - path.unigram_entropy_bits[-1]
    # untruncated decoding changes nothing
    same = ngram.truncation_path(1.0, 3)
    assert np.allclose(same.types_alive_share, 1.0) and np.allclose(same.entropy_rate_bits, same.entropy_rate_bits[0])


def test_the_corpus_is_world_aware():
    words = " ".join(f"w{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(30))
    with hdata.world({ngram.CORPUS_SOURCE: lambda text: (words + " ") * 50}):
        c = ngram.corpus()
        assert c.n_types == 30  # the world's text, not the documentation
    hdata.clear_caches()
    with hdata.world({ngram.CORPUS_SOURCE: lambda text: "too short"}):
        with pytest.raises(ValueError, match="at least 1,000 words"):
            ngram.corpus()
    hdata.clear_caches()


# --- shares.py: strong collapse, measured and simulated shares, definitions ------------------------------

def test_strong_collapse_formula_matches_simulation_and_has_a_floor():
    sc = shares.strong_collapse_curve(shares=(0.0, 0.1), sizes=(300, 3_000), reps=12, seed=1)
    rel = (sc.simulated["error"] / sc.simulated["approximation"] - 1).abs()
    assert rel.max() < 0.25  # 12 repetitions: the mean is within a quarter of the formula
    big = sc.curve[sc.curve["n"] == sc.curve["n"].max()].set_index("synthetic_share")
    assert big.loc[0.1, "error"] == pytest.approx(big.loc[0.1, "floor"], rel=0.01)  # the floor, not zero
    assert big.loc[0.0, "error"] < 1e-6


@given(st.floats(1e3, 1e9), st.floats(0.0, 1.0))
@settings(max_examples=60, deadline=None)
def test_strong_collapse_error_is_never_below_its_floor(n, pi):
    e = float(shares.strong_collapse_error(n, pi, 20, 0.1))
    assert e >= pi**2 * 0.1 - 1e-15


def test_strong_collapse_refuses_bad_input():
    with pytest.raises(ValueError, match="n must exceed"):
        shares.strong_collapse_error(10, 0.1, 20, 0.1)
    with pytest.raises(ValueError, match="sizes"):
        shares.strong_collapse_curve(sizes=(10,))
    with pytest.raises(ValueError, match="share"):
        shares.strong_collapse_error(1000, 1.5, 20, 0.1)


def test_share_where_floor_dominates():
    # pi = sqrt((n0 - d - 1) / (n - d - 1)): 200 real samples for the generator, 20 features
    assert shares.share_where_floor_dominates(2_000, 20, 200) == pytest.approx(np.sqrt(179 / 1979))
    assert shares.share_where_floor_dominates(150, 20, 200) == 1.0


def test_measured_shares_are_the_published_figures():
    m = shares.measured_shares().set_index("key")["share"]
    assert m["liang2024_cs_papers_share"] == pytest.approx(0.175)
    assert m["liang2025_press_release_share"] == pytest.approx(0.24)
    assert m["dolezal2026_new_websites_share"] == pytest.approx(0.35)
    assert m["kapwing_shorts"] == pytest.approx(104 / 500)
    assert shares.stock_share_from_flow(0.35, 1.0, 3.0) == 0.0
    assert shares.stock_share_from_flow(0.35, 2.0, 1.0) == pytest.approx(0.175)
    with pytest.raises(ValueError, match="stock_growth"):
        shares.stock_share_from_flow(0.35, 0.9, 1.0)


def test_biting_shares():
    assert shares.gaussian_biting_share(100, 20) == pytest.approx(0.75)
    t = shares.tails_biting_share()
    assert 0.03 < t < 0.1
    with pytest.raises(ValueError, match="loss"):
        shares.gaussian_biting_share(loss=1.0)
    sim = shares.simulated_shares()
    assert set(sim["kind"]) == {"simulation", "material damage"} and (sim["lo"] <= sim["hi"]).all()


def test_definitions_are_schaeffers_eight_and_cover_the_claims():
    assert len(shares.DEFINITIONS) == 8 and len(set(shares.DEFINITIONS)) == 8
    assert all(set(d) <= set(shares.DEFINITIONS) for d in shares.CLAIM_DEFINITIONS.values())
    assert len(shares.definitions_table()) == 8


def test_new_collapse_charts():
    p = ngram.truncation_path(0.95, 3)
    assert "fig-mc-ngram" in str(mcc.ngram_truncation_chart(p.table(), 0.95).to_dict())
    sc = shares.strong_collapse_curve(shares=(0.0, 0.1), sizes=(300,), reps=3)
    assert "fig-mc-strong" in str(mcc.strong_collapse_chart(sc.curve, sc.simulated).to_dict())
    assert "fig-mc-shares" in str(mcc.shares_chart(shares.measured_shares(), shares.simulated_shares()).to_dict())


def test_power_mc_at_draws_only_the_sizes_asked_for():
    p = vocab.word_frequencies(2_000)["probability"].to_numpy()
    q = vocab.smoothed_model(np.random.default_rng(0).multinomial(20_000, p).astype(float))
    t = vocab.lr_test_power(p, q, [100, 1_000], n_sim=400, seed=3)
    one = t.power_mc_at([1_000])
    assert one.shape == (1,) and abs(one[0] - t.power[1]) < 0.1  # Monte Carlo near the normal approximation
    assert "power_mc" not in vars(t)  # the full property was not drawn
    with pytest.raises(ValueError, match="sizes must be among"):
        t.power_mc_at([50])
    table = vocab.detection_table(token_counts=(200_000,), mc_tokens=(1_000,))
    assert "power_mc_1000" in table and "power_mc_100" not in table
