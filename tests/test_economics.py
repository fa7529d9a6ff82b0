import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.economics import trends as ec, costs, datasets as edata, inference_cost as infer, energy
from analysis.house import data
from analysis.economics import charts as ecc
from analysis.house.data import load_csv

# --- annual_growth_factor ----------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(factor=st.floats(0.2, 20.0), start=st.floats(1e-3, 1e12), n=st.integers(3, 30))
def test_growth_factor_recovers_exact_exponential(factor, start, n):
    years = 2010.0 + np.arange(n) * 0.5
    values = start * factor ** (years - years[0])
    fit = ec.annual_growth_factor(years, values)
    assert fit.factor == pytest.approx(factor, rel=1e-9)
    assert fit.factor_low <= fit.factor <= fit.factor_high
    np.testing.assert_allclose(fit.predict(years), values, rtol=1e-9)


@settings(max_examples=30, deadline=None)
@given(scale=st.floats(1e-6, 1e6))
def test_growth_factor_is_scale_invariant(scale):
    rng = np.random.default_rng(1)
    years = np.linspace(2016, 2024, 20)
    values = 10 ** (0.4 * (years - 2016) + rng.normal(0, 0.3, 20))
    a, b = ec.annual_growth_factor(years, values), ec.annual_growth_factor(years, values * scale)
    assert a.factor == pytest.approx(b.factor, rel=1e-9)
    assert a.factor_high == pytest.approx(b.factor_high, rel=1e-9)


def test_doubling_time_and_interval_width():
    years = np.linspace(2016, 2024, 40)
    fit = ec.annual_growth_factor(years, 2.0 ** (years - 2016))
    assert fit.doubling_time_years == pytest.approx(1.0)
    rng = np.random.default_rng(0)
    noisy = 2.0 ** (years - 2016) * 10 ** rng.normal(0, 0.3, 40)
    wide, narrow = ec.annual_growth_factor(years, noisy, level=0.99), ec.annual_growth_factor(years, noisy, level=0.5)
    assert wide.factor_low < narrow.factor_low < narrow.factor < narrow.factor_high < wide.factor_high


def test_dates_as_strings_match_decimal_years():
    dates = ["2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01"]
    assert data.decimal_years(dates) == pytest.approx([2020, 2021, 2022, 2023])
    assert data.decimal_years(["2023-07-02"])[0] == pytest.approx(2023.4986, abs=1e-3)
    fit = ec.annual_growth_factor(dates, [1, 3, 9, 27])
    assert fit.factor == pytest.approx(3.0, rel=1e-3)  # leap year 2020 shifts dates by <0.3 %


@pytest.mark.parametrize("call, name", [
    (lambda: ec.annual_growth_factor(["2020-01-01", "not a date", "2022-01-01"], [1, 2, 3]), "dates"),
    (lambda: ec.annual_growth_factor([2020, 2021, 2022], [1, 0, 3]), "values must be positive"),
    (lambda: ec.annual_growth_factor([2020, 2021, 2022], [1, np.nan, 3]), "values must be finite"),
    (lambda: ec.annual_growth_factor([2020, 2021], [1, 2]), "values needs at least 3"),
    (lambda: ec.annual_growth_factor([2020, 2021, 2022], [1, 2]), "same shape"),
    (lambda: ec.annual_growth_factor([2020, 2021, 2022], [1, 2, 3], level=1.5), "level"),
    (lambda: ec.annual_growth_factor([2020, 2020, 2020], [1, 2, 3]), "dates must span"),
    (lambda: data.decimal_years([1.0, 2.0, 3.0]), "dates must lie in"),
    (lambda: ec.seed_cost_arithmetic(4.5, 1.2), "hardware_cost_decline"),
    (lambda: ec.seed_cost_arithmetic(-1, 0.3), "compute_growth must be positive"),
    (lambda: costs.training_flop(-1, 1e12), "n_params must be positive"),
    (lambda: costs.training_flop([1e9, 2e9], [1e12, 2e12, 3e12]), "same shape"),
    (lambda: costs.chip_hours(1e24, 1e15, 1.5), "utilization"),
    (lambda: costs.chip_hours(1e24, 0, 0.4), "peak_flops_per_s must be positive"),
    (lambda: costs.cost_from_chip_hours(np.nan, 1e4, 700), "hours must be finite"),
    (lambda: costs.CostAssumptions(pue=0.5), "pue"),
    (lambda: costs.CostAssumptions(usd_per_kwh=-0.1), "usd_per_kwh"),
    (lambda: ec.years_to_reach(-1e9, 1e7, 2.0), "threshold_usd must be positive"),
    (lambda: costs.cahn_revenue_need(-1), "nvidia_dc_run_rate_usd"),
    (lambda: costs.cahn_revenue_need(150e9, gpu_share_of_cost=0), "gpu_share_of_cost"),
    (lambda: costs.cahn_revenue_need(150e9, end_user_gross_margin=1.0), "end_user_gross_margin"),
    (lambda: infer.InferenceScenario("x", active_params=0, tokens_per_query=10), "active_params"),
    (lambda: infer.inference_cost(infer.CHAT, queries_per_day=0), "queries_per_day"),
    (lambda: edata.parse_usd(["$12.5", "twelve"]), "text must hold dollar amounts"),
    (lambda: edata.frontier_models(max_rank=0), "max_rank must be at least 1"),
    (lambda: ec.project_costs(n_draws=5), "n_draws must be at least 10"),
    (lambda: energy.training_energy_gwh(1e6, -5), "hours must be positive"),
    (lambda: energy.frontier_training_energy(pue=0.9), "pue"),
    (lambda: costs.hardware_acquisition_usd("no such model"), "model must be"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


# --- Small pure functions ----------------------------------------------------------------------------


def test_seed_arithmetic_and_first_principles():
    assert ec.seed_cost_arithmetic(4.5, 0.35) == pytest.approx(2.925)
    # Chinchilla: 70B parameters on 1.4T tokens is 5.88e23 FLOP by 6ND (Hoffmann et al. report 5.76e23).
    assert costs.training_flop(70e9, 1.4e12) == pytest.approx(5.88e23)
    assert costs.chip_hours(3600 * 1e15 * 0.5, 1e15, 0.5) == pytest.approx(1.0)
    run = costs.cost_from_chip_hours(edata.HOURS_PER_YEAR * 4, 20_000, 500, costs.CostAssumptions(pue=1.0, usd_per_kwh=0.1))
    assert run.hardware_usd == pytest.approx(20_000)  # one chip over its whole 4-year life
    assert run.energy_kwh == pytest.approx(edata.HOURS_PER_YEAR * 4 * 0.5)
    assert run.total_usd == pytest.approx(run.hardware_usd + run.energy_usd)
    assert edata.parse_usd(["$1,000.50", None])[0] == 1000.5 and np.isnan(edata.parse_usd(["$1", None])[1])


@settings(max_examples=30, deadline=None)
@given(flop=st.floats(1e20, 1e28), u1=st.floats(0.05, 0.5), extra=st.floats(0.01, 0.45))
def test_training_cost_monotone(flop, u1, extra):
    low = costs.training_cost(flop, 1e15, 3e4, 700, costs.CostAssumptions(utilization=u1))
    high = costs.training_cost(flop, 1e15, 3e4, 700, costs.CostAssumptions(utilization=u1 + extra))
    assert high.total_usd < low.total_usd  # better utilisation, cheaper run
    assert costs.training_cost(2 * flop, 1e15, 3e4, 700).total_usd == pytest.approx(2 * costs.training_cost(flop, 1e15, 3e4, 700).total_usd)


@settings(max_examples=30, deadline=None)
@given(start=st.floats(1e6, 1e9), g=st.floats(1.1, 5.0), k=st.floats(0.5, 10.0))
def test_years_to_reach_inverts_growth(start, g, k):
    assert ec.years_to_reach(start * g**k, start, g) == pytest.approx(k, rel=1e-9)


def test_cahn_arithmetic_reproduces_the_600b():
    r = costs.cahn_revenue_need(costs.CAHN.nvidia_dc_run_rate_usd)
    assert r.data_centre_cost_usd == pytest.approx(300e9)
    assert r.revenue_needed_usd == pytest.approx(600e9)
    # 4 x $10B + 6 x $5B of granted AI revenue leaves $530B, which Cahn rounds to "$500B".
    assert r.gap_usd == pytest.approx(530e9)
    assert costs.cahn_revenue_need(150e9, end_user_gross_margin=0.0).revenue_needed_usd == pytest.approx(300e9)


def test_to_2023_usd_uses_the_ppi():
    assert edata.to_2023_usd(np.array([100.0]), ["2023-06-15"])[0] == pytest.approx(100.0, rel=0.03)
    old = edata.to_2023_usd(np.array([100.0]), ["2010-01-01"])[0]
    assert old > 100.0  # prices have risen since 2010 in this index
    # Exactly value x mean(PPI over 2023) / PPI(month), read from the FRED file itself.
    ppi = load_csv(edata.FRED_PPI).set_index("observation_date")["PCU518210518210"]
    base = ppi[ppi.index.year == 2023].mean()
    assert old == pytest.approx(100.0 * base / ppi[pd.Timestamp("2010-01-01")], rel=1e-12)
    with pytest.raises(ValueError, match="dates"):
        edata.to_2023_usd(np.array([1.0]), ["not a date"])


# --- Data and trends ---------------------------------------------------------------------------------


def test_frontier_selection():
    front = edata.frontier_models()
    assert (front["Compute rank when published"] <= edata.FRONTIER_MAX_RANK).all()
    assert front["Publication date"].min() >= pd.Timestamp(edata.FRONTIER_START)
    # PROVENANCE: 89 rows have rank <= 10; three of them predate 2016.
    assert len(front) == 86
    assert "GPT-4" in set(front["Model"])


def test_trends_reproduce_published_rates():
    t = ec.fit_trends()
    # Cottier et al. (2024): 2.4x/yr, 95 % CI 2.0-3.1, fitted on frontier models 2016-2023. Our selection
    # is theirs applied to a later snapshot with an analytic CI, so we ask for the point estimate within
    # 0.2 of 2.4 (well inside their interval) and our interval to overlap theirs.
    assert t.cost.factor == pytest.approx(ec.PUBLISHED.cost_factor, abs=0.2)
    assert t.cost.factor_low < ec.PUBLISHED.cost_ci_high and ec.PUBLISHED.cost_ci_low < t.cost.factor_high
    # Compute: published 4-5x/yr; our interval must overlap that band.
    assert t.compute.factor_low < ec.PUBLISHED.compute_high and ec.PUBLISHED.compute_low < t.compute.factor_high
    # Price-performance of ML chips improves (Epoch: doubling in roughly 2-3 years).
    assert 2.0 < t.price_performance.doubling_time_years < 3.5
    assert t.cost_per_flop.factor < 1


def test_cost_model_agrees_with_epoch():
    check = costs.cost_model_check()
    assert len(check) > 100
    # Our cost model and Epoch's differ in amortisation details; we require the median ratio within a
    # factor 1.5 and half of the models within a factor 2 (we measured a median of 0.82).
    assert 1 / 1.5 < check["ratio"].median() < 1.5
    assert (np.abs(np.log2(check["ratio"])) < 1).mean() > 0.5


def test_projection_is_seeded_and_ordered():
    a = ec.project_costs.__wrapped__(n_draws=500, seed=3)
    b = ec.project_costs.__wrapped__(n_draws=500, seed=3)
    np.testing.assert_array_equal(a.median_year, b.median_year)
    assert np.all(np.diff(a.median_year) > 0)  # higher thresholds later
    assert np.all(a.low_year <= a.median_year) and np.all(a.median_year <= a.high_year)
    fixed = ec.project_costs(growth_factor=3.0)
    assert fixed.growth_low == fixed.growth_high == 3.0
    assert "seed 3" in a.assumptions() and "fitted trend" in a.assumptions()
    top = ec.project_costs.__wrapped__(n_draws=500, seed=3, anchor="max")
    assert "GPT-4" in top.assumptions()
    # GPT-4 sits about ten times above the fitted line, so its projection reaches each threshold earlier.
    assert np.all(top.median_year < a.median_year)
    assert 3 < top.anchor_usd / ec.trend_value_usd(top.anchor_year) < 30
    with pytest.raises(ValueError, match="anchor"):
        ec.project_costs(anchor="median")


def test_inference_scales_with_tokens_and_context():
    chat, longer = infer.inference_cost(infer.CHAT), infer.inference_cost(infer.REASONING)
    ratio = infer.REASONING.tokens_per_query / infer.CHAT.tokens_per_query
    # Attention makes a 15x longer answer cost more than 15x.
    assert longer.wh_per_query > ratio * chat.wh_per_query
    assert longer.attention_share > chat.attention_share > 0
    measured = infer.inference_cost(infer.CHAT, wh_per_query=infer.OVIEDO_WH_PER_QUERY["typical"])
    assert measured.wh_per_query == 0.34 and measured.hardware_usd_per_week == chat.hardware_usd_per_week


def test_utilisation_is_calibrated_to_the_production_median():
    u = infer.calibrated_utilization()
    assert 0.05 < u < 0.6
    assert infer.inference_cost(infer.CHAT).wh_per_query == pytest.approx(infer.OVIEDO_WH_PER_QUERY["typical"])
    # The reasoning answer is a prediction: within a factor 2 of Oviedo et al.'s test-time-scaling median.
    r = infer.inference_cost(infer.REASONING).wh_per_query / infer.OVIEDO_WH_PER_QUERY["test-time scaling"]
    assert 0.5 < r < 2
    # Half the utilisation, twice the energy.
    half = infer.inference_cost(infer.with_utilization(infer.CHAT, u / 2))
    assert half.wh_per_query == pytest.approx(2 * infer.OVIEDO_WH_PER_QUERY["typical"])
    with pytest.raises(ValueError, match="target_wh"):
        infer.calibrated_utilization(target_wh=1e-6)


def test_per_token_flop_follows_kaplan_table_1():
    one = infer.InferenceScenario("one", active_params=1e9, tokens_per_query=1, n_layers=10, d_attn=100, kv_dim=100)
    assert infer.flop_per_query(one) == 2e9 and infer.attention_flop_share(one) == 0.0
    two = infer.InferenceScenario("two", active_params=1e9, tokens_per_query=2, n_layers=10, d_attn=100, kv_dim=100)
    # token 1 sees no context, token 2 sees one token: 2N + (2N + 2 * 10 * 1 * 100)
    assert infer.flop_per_query(two) == pytest.approx(4e9 + 2000)
    m = infer.memory_traffic(infer.REASONING)
    assert 0.5 < m.kv_share < 1  # long traces: the KV cache dominates memory reads
    gqa = infer.memory_traffic(infer.InferenceScenario("gqa", 2e11, 15_000, kv_dim=infer.GPT3_D_MODEL // 8))
    assert gqa.kv_share < m.kv_share
    assert infer.decode_seconds_per_token(infer.REASONING, 10_000) > infer.decode_seconds_per_token(infer.REASONING, 100)
    with pytest.raises(ValueError, match="batch"):
        infer.InferenceScenario("bad", 1e9, 10, batch=0)


def test_cahn_depreciation():
    d = costs.cahn_depreciated(5.0)
    assert d.cohort_need_usd == pytest.approx(600e9 / 5)
    assert d.cohort_break_even_usd == pytest.approx(300e9 / 5)
    assert d.steady_need_usd == pytest.approx(600e9)  # constant spending: Cahn's figure after one life
    assert costs.writeoff_fraction(5, 2.0) == pytest.approx((1 + 1 / 2 + 1 / 4 + 1 / 8 + 1 / 16) / 5)
    assert costs.writeoff_fraction(4.5, 1.0) == pytest.approx(1.0)
    grown = costs.cahn_depreciated(5.0, capex_growth=2.0)
    assert grown.steady_need_usd < d.steady_need_usd and grown.steady_gap_usd < d.steady_gap_usd
    with pytest.raises(ValueError, match="lifetime_years"):
        costs.cahn_depreciated(0.5)
    with pytest.raises(ValueError, match="capex_growth"):
        costs.cahn_depreciated(5.0, capex_growth=-1)


def test_cluster_cost_steps():
    c = costs.cluster_cost("Grok-3")
    assert c.chips == 100_000
    assert c.chips_usd == pytest.approx(costs.hardware_acquisition_usd("Grok-3"))
    assert c.hardware_usd == pytest.approx(c.chips_usd / (1 - 0.19))
    assert c.facility_usd == pytest.approx(2 * c.hardware_usd)
    assert 5e9 < c.facility_usd < 15e9
    with pytest.raises(ValueError, match="gpu_share"):
        costs.cluster_cost("Grok-3", gpu_share=0.0)


def test_cost_windows_and_effective_compute():
    w = ec.cost_windows()
    assert w.full.factor == pytest.approx(ec.fit_trends().cost.factor)
    assert w.recent.factor > w.full.factor > w.early.factor and w.accelerating
    assert 2.5 < w.recent.factor < 4  # the 2020-23 window: about x3.2
    eff = ec.effective_compute()
    assert eff.algorithmic_factor == pytest.approx(2 ** 1.5)  # halving every 8 months
    assert eff.algorithmic_low == pytest.approx(2 ** (12 / 14)) and eff.algorithmic_high == pytest.approx(2 ** (12 / 5))
    assert eff.effective_factor == pytest.approx(eff.compute_factor * eff.algorithmic_factor)
    assert eff.fixed_capability_cost_factor < 1
    assert ec.doubling_to_decline(1.0) == pytest.approx(0.5)
    assert float(ec.doubling_to_decline(ec.HOBBHAHN2022.ml_doubling_years)) == pytest.approx(0.285, abs=0.005)


def test_world_totals_are_kept_apart():
    w = ec.WORLD
    assert w.assets_under_management_usd == pytest.approx(119.46e12, rel=1e-3)  # $70.6T / 59.1%
    assert w.world_gdp_usd < w.assets_under_management_usd < w.financial_wealth_usd < w.net_wealth_usd
    years = [ec.years_to_share(0.01, v, anchor="max") for v in w.named().values()]
    assert all(5 < y < 20 for y in years)
    with pytest.raises(ValueError, match="share"):
        ec.years_to_share(1.5, 1e14)


def test_training_water_scales_from_li_et_al():
    wue = energy.gpt3_litres_per_kwh()
    assert 0.2 < wue < 1.0  # L/kWh on site
    water = energy.frontier_training_water()
    gpt3 = water.set_index("Model").loc["GPT-3 175B (davinci)", "water_litres"]
    assert gpt3 == pytest.approx(energy.LI_GPT3_ONSITE_LITRES)
    with pytest.raises(ValueError, match="litres_per_kwh"):
        energy.frontier_training_water(litres_per_kwh=0)


def test_charts_build():
    t = ec.fit_trends()
    p, q = ec.project_costs(), ec.project_costs(anchor="max")
    built = [ecc.compute_trend_chart(t), ecc.cost_windows_chart(ec.cost_windows()), ecc.price_performance_chart(t),
             ecc.cost_check_chart(costs.cost_model_check()), ecc.projection_chart(p, q),
             ecc.growth_explorer(q.anchor_usd, q.anchor_year), ecc.cahn_chart()]
    for chart in built:
        spec = chart.to_dict()
        assert spec.get("title") and spec.get("description")
    assert "params" in ecc.growth_explorer(4e7, 2023.2).to_dict()


def test_inference_price_chart():
    spec = ecc.inference_price_chart().to_dict()
    assert spec.get("title") and spec.get("description")
    with pytest.raises(ValueError, match="threshold"):
        ecc.inference_price_chart(threshold="no such model")


def test_kim_energy_is_imported_from_testtime():
    from analysis.testtime import kim2025 as testtime

    wh, usd = infer.kim_weekly_energy_usd("Reflexion", assumptions=costs.CostAssumptions(pue=1.0, usd_per_kwh=0.1))
    assert wh == pytest.approx(testtime.energy_wh_per_query("70B", "Reflexion"))
    assert usd == pytest.approx(7e9 * wh / 1000 * 0.1)
    with pytest.raises(ValueError, match="queries_per_day"):
        infer.kim_weekly_energy_usd("Reflexion", queries_per_day=-1)


def test_loaders_and_price_tables():
    models = edata.load_models()
    assert len(models) == edata.EPOCH_MODELS.n_rows
    # The cost column is parsed from "$..." strings: GPT-4's entry is "$40586592.58" in the snapshot.
    assert models.set_index("Model").loc["GPT-4", "cost_usd_2023"] == pytest.approx(40586592.58)
    hw = edata.hardware_prices()
    h100 = hw[hw["Hardware model"] == "NVIDIA H100 SXM5 80GB"]
    assert h100["peak_flops"].iloc[0] == pytest.approx(989.4e12)  # dense BF16, not the 2x sparse figure
    assert h100["TDP (W)"].iloc[0] == 700
    pp = edata.price_performance()
    assert pp["Hardware model"].is_unique and (pp["flops_per_usd"] > 0).all()
    np.testing.assert_allclose(pp["flops_per_usd"], pp["peak_flops"] / pp["price_usd_2023"])


def test_projection_fan_brackets_the_median():
    proj = ec.project_costs()
    fan = ec.projection_fan(proj, np.array([proj.anchor_year, proj.anchor_year + 5]))
    assert fan["median_usd"].iloc[0] == pytest.approx(proj.anchor_usd)  # starts at the anchor
    later = fan.iloc[1]
    assert later["low_usd"] < later["median_usd"] < later["high_usd"]
    # The median path grows at the fitted factor.
    assert later["median_usd"] / proj.anchor_usd == pytest.approx(ec.fit_trends().cost.factor ** 5, rel=1e-9)
    with pytest.raises(ValueError, match="years"):
        ec.projection_fan(proj, np.array([np.nan]))


def test_largest_run_cost_from_first_principles():
    model, flop, usd = costs.largest_2025_run_cost()
    assert model == "Grok-3" and flop == pytest.approx(4.64e26)
    # 4.64e26 FLOP / (989.4e12 FLOP/s x 0.38) = 3.4e8 H100-hours, at ~$34k / 35,064 h + 0.84 kWh x $0.08
    # about $1.0 per hour: a few hundred million dollars.
    assert 2e8 < usd < 6e8
    with pytest.raises(ValueError, match="chip"):
        costs.largest_2025_run_cost(chip="no such chip")


def test_frontier_compute_projection_to_2030():
    model, flop, later = ec.frontier_compute_in(2030.0)
    assert model == "Grok-3" and flop == pytest.approx(4.64e26)
    assert later == pytest.approx(flop * ec.fit_trends().compute.factor ** (2030.0 - 2025.128767), rel=1e-3)
    assert 0.5 < later / ec.SCALING_2030.feasible_flop_2030 < 5
    with pytest.raises(ValueError, match="year"):
        ec.frontier_compute_in(float("nan"))


def test_trace_length_chart():
    spec = ecc.trace_length_chart(lengths=[100, 1000, 10_000]).to_dict()
    values = [v for d in spec["datasets"].values() for v in d if "series" in v]
    kv = sorted((v["tokens"], v["value"]) for v in values if v["series"] == "KV share of reads (full MHA)")
    assert [b for _, b in kv] == sorted(b for _, b in kv)  # grows with the length of the answer


# --- Inference prices: Epoch's factors reproduced, the price of the most capable model (issue 30) ----------

def test_epoch_price_factors_reproduced_exactly_from_the_model_rows():
    from analysis.economics import inference_prices as ip

    r = ip.reproduce_published_factors()
    assert len(r) == 21
    # Published figure: Epoch's data insight gives "9x to 900x"; the 21 fits span x9.24 to x851, exactly.
    assert r["refit"].min() == pytest.approx(9.24, abs=0.01) and r["refit"].max() == pytest.approx(851.2, abs=0.1)
    np.testing.assert_allclose(r["refit"], r["published"], rtol=1e-9)
    np.testing.assert_allclose(r["refit_low"], r["published_low"], rtol=1e-9)
    np.testing.assert_allclose(r["refit_high"], r["published_high"], rtol=1e-9)
    assert (r["refit_low"] <= r["refit"]).all() and (r["refit"] <= r["refit_high"]).all()  # property
    with pytest.raises(ValueError, match="ci"):
        ip.reproduce_published_factors(ci=1.0)


def test_record_setters_are_the_running_best_by_date():
    from analysis.economics import inference_prices as ip

    toy = pd.DataFrame({"bench": ["b"] * 4, "year": [2020.0, 2021.0, 2021.5, 2022.0],
                        "benchmark_score": [50.0, 40.0, 60.0, 60.0], "USD per 1M Tokens": [10.0, 1.0, 20.0, 5.0]})
    got = ip.record_setters(toy)
    assert got["benchmark_score"].tolist() == [50.0, 60.0]  # a tie does not set a record
    real = ip.record_setters(ip.all_models())
    for _, part in real.groupby("bench"):  # property: scores strictly rise with the date in each benchmark
        assert part["benchmark_score"].is_monotonic_increasing and part["benchmark_score"].is_unique
    with pytest.raises(ValueError, match="models must have columns"):
        ip.record_setters(toy.drop(columns="year"))


def test_price_of_the_most_capable_model_falls_in_epochs_data():
    from analysis.economics import inference_prices as ip

    f = ip.frontier_price_fits()
    assert len(f) == 6 and (f["factor_low"] <= f["factor"]).all() and (f["factor"] <= f["factor_high"]).all()
    gpqa = f.set_index("bench").loc["GPQA Diamond"]
    # GPT-4 at $37.50 per million blended tokens (March 2023) to Gemini 2.0 Flash at $0.175 (February 2025).
    assert gpqa["first_usd"] == 37.5 and gpqa["last_usd"] == pytest.approx(0.175)
    assert (f["factor_low"] > 1).sum() == 0
    with pytest.raises(ValueError, match="method"):
        ip.frontier_price_fits(method="lasso")


# --- Servers, Cottier et al.'s acquisition cost, and the 2024-26 figures (issue 30) ------------------------

def test_server_overhead_and_cluster_match_cottier():
    from analysis.economics import updates

    assert costs.server_overhead("NVIDIA A100 SXM4 40 GB") == updates.figure("cottier_server_overhead_a100") == 1.66
    assert costs.server_overhead("NVIDIA H100 SXM5 80GB") == updates.figure("cottier_server_overhead_default")
    # Published figure: Cottier et al.'s hardware acquisition cost of GPT-4, $778.1M; ours within 5 %.
    ours = costs.server_cluster_usd("GPT-4")
    assert ours == pytest.approx(updates.figure("cottier_acquisition_gpt4_usd"), rel=0.05)
    # Property: servers never make a cluster cheaper, and a dearer network makes it dearer.
    for m in ("GPT-4", "Gemini 1.0 Ultra", "Grok-3"):
        assert costs.server_cluster_usd(m) >= costs.cluster_cost(m).hardware_usd * (1 - 1e-12)
        assert costs.server_cluster_usd(m, interconnect_fraction=0.3) > costs.server_cluster_usd(m)
    with pytest.raises(ValueError, match="chip"):
        costs.server_overhead("")
    with pytest.raises(ValueError, match="chip"):
        costs.server_price_usd("no such chip")
    with pytest.raises(ValueError, match="model"):
        costs.server_cluster_usd("no such model")
    with pytest.raises(ValueError, match="interconnect_fraction"):
        costs.server_cluster_usd("GPT-4", interconnect_fraction=0.95)


def test_curated_figures_and_their_sources():
    from analysis.economics import updates

    table = updates.curated()
    assert len(table) == 28 and table["checked"].str.len().gt(10).all()
    assert updates.read_at_source("google_wh_per_prompt_2025") and not updates.read_at_source("hyperscaler_capex_2025_usd")
    with pytest.raises(ValueError, match="key"):
        updates.figure("no_such_key")


def test_deepseek_v3_reported_cost():
    from analysis.economics import updates

    d = updates.deepseek_v3_cost()
    # Published figure: 2.788M H800 GPU-hours at $2 an hour, "$5.576M" (DeepSeek-V3 report, read in a secondary source).
    assert d.reported_usd == pytest.approx(5.576e6)
    assert 50 < d.run_days < 60                  # about two months on 2,048 GPUs
    assert d.cluster_usd > 20 * d.reported_usd   # owning the cluster costs far more than renting the run
    assert updates.deepseek_v3_cost(lifetime_years=2.0).amortised_usd == pytest.approx(2 * d.amortised_usd)  # property
    with pytest.raises(ValueError, match="usd_per_gpu"):
        updates.deepseek_v3_cost(usd_per_gpu=0.0)
    with pytest.raises(ValueError, match="lifetime_years"):
        updates.deepseek_v3_cost(lifetime_years=0.5)


def test_cahn_2025_and_capex_guidance():
    from analysis.economics import updates

    low, high = updates.capex_guidance_growth()
    assert low == pytest.approx(650 / 410) and high == pytest.approx(725 / 410)
    flat = updates.cahn_2025(capex_growth=1.0)
    assert flat.steady_need_usd == pytest.approx(2 * 410e9)       # undepreciated: capex over (1 - margin)
    assert flat.cohort_need_usd == pytest.approx(2 * 410e9 / 5)
    assert updates.cahn_2025().steady_need_usd < flat.steady_need_usd  # property: growth lowers the write-off
    with pytest.raises(ValueError, match="capex_growth"):
        updates.cahn_2025(capex_growth=-1.0)


def test_energy_context():
    from analysis.economics import updates

    # 1 GW for a year is 8.77 TWh: about 0.81 million average US homes (10,791 kWh each).
    assert updates.gigawatt_in_homes() == pytest.approx(8.766e9 / 10791, rel=1e-9)
    assert updates.gigawatt_in_homes(2.0) == pytest.approx(2 * updates.gigawatt_in_homes())
    assert updates.prompts_per_twh() == pytest.approx(1e12 / 0.24)
    with pytest.raises(ValueError, match="gigawatts"):
        updates.gigawatt_in_homes(0.0)
    with pytest.raises(ValueError, match="wh_per_prompt"):
        updates.prompts_per_twh(-1.0)
