import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.claims import legacy as claims
from analysis import collapse as mc

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
    words = mc.word_frequencies(20_000)
    assert len(words) == 20_000 and words["word"].iloc[0] == "the"
    assert words["probability"].sum() == pytest.approx(1.0)
    assert words["probability"].is_monotonic_decreasing
    # Zipf: log-frequency against log-rank has slope near -1 over the list.
    slope = np.polyfit(np.log(words["rank"]), np.log(words["probability"]), 1)[0]
    assert -1.5 < slope < -0.7


def test_vocabulary_replace_loses_types_for_good_and_accumulate_does_not():
    p = np.array([0.5, 0.2, 0.1] + [0.2 / 50] * 50)
    rep = mc.vocabulary_chain(p, 30, 100, 40, seed=1)
    assert np.all(np.diff(rep.types_lost, axis=1) >= 0)  # a lost type never returns under replace
    acc = mc.vocabulary_chain(p, 30, 100, 40, mode="accumulate", seed=1)
    assert np.all(acc.types_lost == acc.types_lost[:, [0]])  # no type is lost after the real sample
    assert rep.types_lost[:, -1].mean() > acc.types_lost[:, -1].mean()
    assert rep.band_survival.shape == (40, 31, len(rep.bands))


def test_vocabulary_first_generation_matches_binomial_expectation():
    # Expected share of types with zero count in the first multinomial draw: mean of (1 - p)^T.
    words = mc.word_frequencies(20_000)["probability"].to_numpy()
    res = mc.vocabulary_chain(words, 0, 50_000, 30, seed=2)
    expected = np.mean((1 - words) ** 50_000)
    sd = res.types_lost[:, 0].std()
    assert abs(res.types_lost[:, 0].mean() - expected) < Z_TOL * sd / np.sqrt(30)


def test_vocabulary_mix_with_real_data_recovers_types():
    p = np.array([0.6] + [0.4 / 20] * 20)
    mix = mc.vocabulary_chain(p, 40, 50, 40, mode="mix", real_fraction=0.5, seed=3)
    rep = mc.vocabulary_chain(p, 40, 50, 40, seed=3)
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
    (lambda: mc.vocabulary_chain([0.5, 0.6], 3, 10, 2), "probabilities"),
    (lambda: mc.vocabulary_chain([0.5, -0.5, 1.0], 3, 10, 2), "probabilities"),
    (lambda: mc.vocabulary_chain([0.5, 0.5], 3, 0, 2), "tokens_per_generation"),
    (lambda: mc.vocabulary_chain([0.5, 0.5], 3, 10, 2, mode="mix", real_fraction=2), "real_fraction"),
    (lambda: mc.vocabulary_chain([0.5, 0.5], 3, 10, 2, mode="keep"), "mode"),
    (lambda: mc.vocabulary_chain([0.5, 0.5], 3, 10, 2, bands=(5, 2)), "bands"),
    (lambda: mc.gaussian_chain(5, 10, 10).quantiles([1.5]), "q"),
    (lambda: mc.gaussian_chain(5, 10, 10, seed=-1), "seed"),
    (lambda: mc.schedule_table(0), "n_generations"),
    (lambda: mc.word_frequencies(5), "n_words"),
    (lambda: mc.kazdan_comparison(n_chains=1), "n_chains"),
    (lambda: mc.kazdan_comparison(estimator="median"), "estimator"),
    (lambda: mc.tail_mass(0.0, 0.0), "variance"),
    (lambda: mc.tail_mass(np.nan, 1.0), "mean"),
    (lambda: mc.tail_mass([0.0, 0.1], [1.0, 1.0, 1.0]), "shape"),
    (lambda: mc.tail_mass(0.0, 1.0, z=-1), "z"),
    (lambda: mc.log_variance_walk_chart(mc.unbiased_run(5, 10, 10), n_paths=0), "n_paths"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


# --- charts and claims ------------------------------------------------------------------------------------

def test_charts_build_with_slider():
    runs = mc.fan_runs(n_generations=20, n_chains=200)
    spec = mc.variance_fan_chart(runs, mc.load_kazdan_gaussian()).to_dict()
    assert any("bind" in p for p in spec.get("params", []))
    assert mc.fan_frame(runs)["generation"].max() == 20
    voc = mc.vocabulary_runs(n_words=2000, tokens=5000, n_generations=5, n_chains=2)
    assert "params" in mc.vocabulary_survival_chart(voc).to_dict()
    mc.vocabulary_loss_chart(voc).to_dict()
    mc.schedule_chart(mc.schedule_table(20, 10)).to_dict()
    mc.log_variance_walk_chart(mc.unbiased_run(20, 10, 50), n_paths=3).to_dict()


def test_claims_have_computed_verdicts():
    records = claims.evaluate_all(modules=("analysis.collapse",))
    by_id = {r.id: r for r in records}
    assert sorted(by_id) == [f"MC-{i}" for i in range(1, 7)]
    assert all(r.verdict in claims.VERDICTS and r.evidence and r.chapter == "model-collapse" for r in records)
    # Accumulation is the part every source agrees on; the exponential part holds but not "worse when large";
    # faster-than-linear growth is needed under replace, but neither exponential growth nor at all if data accumulate.
    assert by_id["MC-5"].verdict == claims.SUPPORTED
    assert by_id["MC-2"].verdict == claims.PARTLY
    assert by_id["MC-4"].verdict == claims.PARTLY
    assert {r.article[:3] for r in records} == {"000", "002", "004"}
