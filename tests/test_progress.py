"""analysis.progress.frontier and analysis.progress.charts: the ECI frontier, saturation, lifetimes, compute."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.progress import compute_returns as cr
from analysis.progress import frontier as pr
from analysis.progress import charts as pc


# --- data ------------------------------------------------------------------------------------------

def test_eci_snapshot_matches_its_provenance():
    # PROVENANCE 7a: 348 versions have an ECI; 22 release dates are empty; highest ECI per year
    # 2023: 126.2, 2024: 142.9, 2025: 154.2, 2026: 157.9.
    eci = pr.load_eci()
    assert len(eci) == 345  # 348 with an ECI, 3 of them without a release date
    best = eci.groupby(eci["date"].dt.year)["eci"].max().round(1)
    assert best.loc[[2023, 2024, 2025, 2026]].tolist() == [126.2, 142.9, 154.2, 157.9]
    assert eci["year"].is_monotonic_increasing


def test_subsets_partition_and_reasoning_rule():
    all_ = pr.load_eci()
    assert len(pr.load_eci("open weights")) + len(pr.load_eci("closed")) <= len(all_)
    assert pr.is_reasoning("o3-2025-04-16_high") and pr.is_reasoning("claude-opus-4-6_32K")
    assert pr.is_reasoning("DeepSeek-R1-0528") and not pr.is_reasoning("gpt-4o-2024-05-13")
    assert not pr.is_reasoning("LLaMA-65B")
    # the curated list (issue 24): reasoning families by their announcement, hybrid models included (every
    # setting of one model shares its ECI), not a name rule
    for name in ("claude-3-7-sonnet-20250219", "gemini-2.5-pro-exp-03-25", "gemini-3-pro-preview", "grok-4-0709",
                 "gpt-5.2-pro-2025-12-11", "claude-opus-4-6", "gpt-5.1-2025-11-13_none"):
        assert pr.is_reasoning(name), name
    for name in ("Qwen3-235B-A22B-Instruct-2507", "DeepSeek-V3", "gpt-4.5-preview-2025-02-27", "claude-3-5-sonnet-20241022"):
        assert not pr.is_reasoning(name), name
    eci = pr.load_eci()
    same = eci.groupby("model")["eci"].first()
    assert len(pr.load_eci("reasoning")) + len(pr.load_eci("non-reasoning")) == len(eci)
    fam = pr.reasoning_families()
    assert fam["source"].str.startswith("https://").all() and fam["first_release"].min() == pd.Timestamp("2024-09-12")
    # no model released before the first reasoning family counts as reasoning
    assert not eci.loc[eci["date"] < "2024-09-12", "reasoning"].any() and same.size == eci["model"].nunique()


def test_benchmark_loader_keeps_the_best_row_per_model_and_refuses_other_units():
    g = pr.load_benchmark("GPQA Diamond")
    assert g["model"].is_unique and g["score"].between(0, 1).all()
    raw = pr._scores()
    rows = raw[(raw["benchmark_file"] == "gpqa_diamond")].dropna(subset=["model_version", "score", "release_date"])
    assert g["score"].max() == pytest.approx(rows["score"].max())
    assert len(g) == rows["model_version"].nunique()
    with pytest.raises(ValueError, match="not scored as a fraction"):
        pr.load_benchmark("aider_polyglot_external")


# --- frontier ----------------------------------------------------------------------------------------

def test_running_frontier_by_hand():
    years = [2023.0, 2023.5, 2023.5, 2024.0, 2024.5]
    values = [1.0, 3.0, 2.0, 2.5, 4.0]
    assert pr.running_frontier(years, values).tolist() == [True, True, False, False, True]
    # ties with an earlier record do not count
    assert pr.running_frontier([1.0, 2.0], [1.0, 1.0]).tolist() == [True, False]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(2020, 2026), st.floats(0, 200)), min_size=1, max_size=40))
def test_running_frontier_is_a_strictly_rising_record(pairs):
    x, v = np.array(pairs).T
    f = pr.running_frontier(x, v)
    order = np.lexsort((v[f], x[f]))
    assert np.all(np.diff(v[f][order]) > 0)
    assert v[f].max() == v.max()


@settings(max_examples=30, deadline=None)
@given(b1=st.floats(-5, 20), b2=st.floats(-5, 20), brk=st.floats(2024.0, 2025.0))
def test_hinge_fit_recovers_slopes(b1, b2, brk):
    x = np.linspace(2023, 2026, 30)
    y = 100 + b1 * (x - brk) + (b2 - b1) * np.maximum(x - brk, 0)
    s1, s2, sse = pr.hinge_fit(x, y, brk)
    assert s1 == pytest.approx(b1, abs=1e-6) and s2 == pytest.approx(b2, abs=1e-6) and sse < 1e-12


def test_frontier_slopes_default_and_interval():
    r = pr.frontier_slopes(n_boot=40, seed=1)
    assert r.before > 0 and r.after > 0
    assert r.after_low <= r.after <= r.after_high
    assert r.ratio == pytest.approx(r.after / r.before)
    assert (r.n_before, r.n_after) == (4, 12)  # records from GPT-4 (14 Mar 2023)
    assert pr.frontier_slopes(n_boot=40, seed=1) == r  # seeded (and cached)


def test_chosen_break_lies_in_the_window_and_frontier_table():
    r, lo, hi = pr.chosen_break(n_boot=20, seed=0)
    assert 2023.5 < r.break_year < 2025.8 and lo <= hi
    t = pr.frontier_table()
    assert t["value"].is_monotonic_increasing and len(t) == 16 and t["model"].iloc[0].startswith("gpt-4")


def test_yearly_gains_and_frontier_at():
    g = pr.yearly_gains()
    assert g.last == pytest.approx(pr.frontier_at(g.end_year) - pr.frontier_at(g.end_year - 1))
    assert g.last > 0 and g.previous > 0
    with pytest.raises(ValueError, match="year must be after"):
        pr.frontier_at(2000.0)


def test_sensitivity_table_rows():
    t = pr.sensitivity(break_dates=("2024-07-01", "2025-01-01"), subsets=("all", "open weights"), n_boot=20)
    assert set(t["subset"]) == {"all", "open weights"} and (t["ratio"] > 0).all()


# --- saturation, lifetimes, compute -----------------------------------------------------------------

def test_records_count_against_releases_before_the_window():
    # A later window start must not turn models below GPT-4 into "records".
    late = pr.frontier_table(start="2023-03-01")
    assert late["value"].min() >= pr.frontier_at(2023.2)
    full = pr.frontier_table()
    assert set(late["model"]) <= set(full["model"])


def test_benchmark_trend():
    t = pr.benchmark_trend("FrontierMath")
    assert t["records"] >= 3 and t["points_per_year"] > 0 and t["logit_per_year"] > 0 and t["best"] <= 1


def test_saturation_in_points_flattens_before_log_odds():
    s = pr.saturation_slopes("GPQA Diamond")
    assert s.points_ratio < s.logit_ratio
    m = pr.saturation_slopes("MATH level 5")
    assert m.best_score > 0.95 and m.points_ratio < m.logit_ratio


def test_ceiling_share_counts():
    share, near, total = pr.ceiling_share()
    t = pr.ceiling_table()
    assert total == len(t) and near == int((t["best"] >= 0.9).sum()) and share == pytest.approx(near / total)
    assert pr.ceiling_share(threshold=0.99)[1] <= near


def test_steps_in_eci_scale_with_log_odds():
    d = pr.load_csv(pr.ECI_DIFFICULTIES)
    slope = float(d.loc[d["benchmark_name"] == "MMLU", "estimated_slope_scaled"].iloc[0])
    top = pr.steps_in_eci(0.95, 0.97, "MMLU")
    assert top == pytest.approx((np.log(97 / 3) - np.log(19)) / slope)
    assert top > pr.steps_in_eci(0.60, 0.62, "MMLU")


def test_lifetimes():
    life = pr.benchmark_lifetimes()
    assert (life.table["lifetime_years"] >= 0).all()
    assert len(life.table) + life.n_unmatched == 46 - 1  # one inconsistent row dropped
    assert life.median_late < life.median_early and life.slope < 0


def test_compute_elasticity():
    e = cr.compute_elasticity(n_boot=40)
    assert e.lower_low <= e.lower <= e.lower_high and e.upper_low <= e.upper <= e.upper_high
    assert e.ratio == pytest.approx(e.upper / e.lower)
    assert e.n_models == len(cr.compute_table())
    assert 1e23 < e.split_flop < 1e25


# --- charts ----------------------------------------------------------------------------------------------

def test_charts_are_figures_with_sliders():
    life = pr.benchmark_lifetimes()
    charts = [pc.frontier_chart(), pc.saturation_chart(), pc.lifetimes_chart(life), pc.compute_chart(),
              pc.metr_chart("1.1"), pc.metr_chart("1.0")]
    names = [c.to_dict()["usermeta"]["book_figure"]["name"] for c in charts]
    assert len(set(names)) == len(names) and all(n.startswith("fig-pr-") for n in names)
    assert any(p.get("name") == "brk" for p in charts[0].to_dict()["params"])
    assert any(p.get("name") == "since" for p in charts[4].to_dict()["params"])


# --- bad input ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("call, message", [
    (lambda: pr.load_eci("everyone"), "subset must be one of"),
    (lambda: pr.load_benchmark("HumanEval+"), "benchmark must be one of"),
    (lambda: pr.is_reasoning(""), "model_version must be"),
    (lambda: pr.running_frontier([1, 2], [1]), "same shape"),
    (lambda: pr.running_frontier([1, np.nan], [1, 2]), "must be finite"),
    (lambda: pr.frontier_slopes(n_boot=5), "n_boot must be at least 20"),
    (lambda: pr.frontier_slopes(seed=-1), "seed must be at least 0"),
    (lambda: pr.frontier_slopes(level=1.5), "level must lie in"),
    (lambda: pr.frontier_slopes("2023-02-01"), "leaves fewer than"),
    (lambda: pr.frontier_slopes(start="2026-01-01", end="2025-01-01"), "start must be before end"),
    (lambda: pr.benchmark_trend("MMLU", start="2026-01-01"), "leaves no record-setter"),
    (lambda: pr.frontier_slopes(scale="linear"), "scale must be one of"),
    (lambda: pr.ceiling_share(threshold=1.5), "threshold must lie in"),
    (lambda: pr.steps_in_eci(0.9, 0.8), "acc_to must exceed"),
    (lambda: pr.steps_in_eci(0.5, 0.6, "Chess"), "benchmark must be one of"),
    (lambda: pr.benchmark_lifetimes(split_year=2030), "leaves no benchmark"),
    (lambda: pr.require_break("soon"), "break_date must be a date"),
    (lambda: pr.require_break("2030-01-01"), "break_date must lie between"),
])
def test_bad_input_names_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_break_choices_all_work():
    for b in pr.BREAK_CHOICES:
        for s in pr.START_CHOICES:
            assert pr.frontier_slopes(b, start=s, n_boot=100).n_after >= 3
    assert pr.require_break("2024-07-01") == "2024-07-01"


# --- extreme inputs are scored (issue 23) ----------------------------------------------------------------

def test_a_plateau_after_the_break_is_scored_not_refused():
    from analysis.house import data
    from analysis.progress import worlds as W

    with data.world({W.ECI_FILE: W.eci_after("2024-07-01", 0.0)}):
        r = pr.frontier_slopes("2024-07-01", n_boot=30)
    assert r.n_after == 0 and abs(r.after) < 2.0 and r.ratio < 0.2
    assert pr.frontier_slopes("2024-07-01", n_boot=30).n_after == 12  # the real data are fitted as before


def test_points_all_fits_the_running_best_at_every_release():
    r = pr.frontier_slopes(n_boot=30, points="all")
    assert r.after > 0 and r.n_after > 12
    with pytest.raises(ValueError, match="points must be one of"):
        pr.frontier_slopes(points="some")


def test_slope_ratio_is_finite():
    assert pr.slope_ratio(2.0, 1.0) == 0.5 and pr.slope_ratio(0.0, 0.0) == 0.0
    assert pr.slope_ratio(-1.0, 3.0) == pr.MAX_RATIO and pr.slope_ratio(1e-12, 1.0) == pr.MAX_RATIO


def test_gains_over_shorter_windows():
    g6 = pr.yearly_gains(months=6)
    assert g6.last == pytest.approx(pr.frontier_at(g6.end_year) - pr.frontier_at(g6.end_year - 0.5))


def test_world_builders_move_what_they_say():
    from analysis.house import data
    from analysis.progress import worlds as W

    with data.world({W.ECI_FILE: W.eci_compute_returns(upper_factor=1.0)}):
        e = cr.compute_elasticity(n_boot=20)
    assert e.upper == pytest.approx(e.lower, rel=1e-6)
    with data.world({W.ECI_FILE: W.eci_late_returns("2024-01-01", 0.5)}):
        e = cr.compute_elasticity("2024-01-01", n_boot=20)
    assert e.late_over_early == pytest.approx(0.5, rel=1e-6)
    with data.world({W.SCORES_FILE: W.scores_scaled(0.97, skip=pr.NON_FRACTION_FILES)}):
        assert pr.ceiling_table()["best"].round(6).eq(0.97).all()


# --- a complete frontier (issue 24) -------------------------------------------------------------------------

def test_grid_frontier_by_hand_and_property():
    g, best = pr.grid_frontier([2023.0, 2023.25, 2023.5], [1.0, 3.0, 2.0], 2023.0)
    assert g.size == 7 and best.tolist() == [1.0, 1.0, 1.0, 3.0, 3.0, 3.0, 3.0]
    # a model released before the grid starts still counts: the running maximum, not a window maximum
    g, best = pr.grid_frontier([2022.0, 2023.5], [5.0, 4.0], 2023.0)
    assert (best == 5.0).all()
    with pytest.raises(ValueError, match="start_year"):
        pr.grid_frontier([2023.0], [1.0], float("nan"))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.floats(2020, 2026), st.floats(0, 200)), min_size=2, max_size=40))
def test_grid_frontier_never_falls_and_never_exceeds_the_data(pairs):
    x, v = np.array(pairs).T
    g, best = pr.grid_frontier(x, v, 2020.0)
    assert np.all(np.diff(best) >= 0) and (best.size == 0 or best.max() <= v.max())


def test_the_frontier_does_not_hinge_on_the_files_first_release():
    # Done-when of issue 24: dropping the models of the file's first release date (LLaMA, 24 Feb 2023) moves the
    # ratio by far less than the x2 it moved when records began with the file
    from analysis.house import data
    from analysis.progress import worlds as W

    def drop_first(frame):
        first = frame["Release date"].min()
        return frame[frame["Release date"] != first]

    for points in ("records", "grid"):
        base = pr.frontier_slopes(n_boot=40, points=points)
        with data.world({W.ECI_FILE: drop_first}):
            dropped = pr.frontier_slopes(n_boot=40, points=points)
        assert abs(dropped.ratio - base.ratio) < 0.05 * base.ratio
    # the artefact itself, kept visible: counting records from the file's start
    artefact = pr.frontier_slopes(start=pr.FILE_START, n_boot=40)
    assert artefact.ratio < 0.6 * pr.frontier_slopes(n_boot=40).ratio
    # on the grid, starting a day later (GPT-4's own date dropped) changes the ratio by under 5 %
    g1 = pr.frontier_slopes(n_boot=40, points="grid")
    g2 = pr.frontier_slopes(start="2023-03-15", n_boot=40, points="grid")
    assert abs(g2.ratio - g1.ratio) < 0.05 * g1.ratio


# --- competing curves, out of sample (issue 24) ------------------------------------------------------------

from analysis.progress import curves as K  # noqa: E402


def test_each_curve_recovers_its_own_shape():
    t = np.linspace(2023, 2026, 37)
    line = 100 + 10 * (t - 2023)
    f, k = K._fit("linear", t, line)
    assert k == 2 and np.allclose(f(t), line)
    hinge = 100 + 2 * (t - 2023) + 13 * np.maximum(t - 2024.5, 0)
    f, k = K._fit("break", t, hinge)
    assert k == 4 and np.allclose(f(t), hinge, atol=1e-6) and f.slopes == pytest.approx((2, 15), abs=1e-6)
    s_curve = K._logistic_fn(t, 100, 150, 3.0, 2024.5)
    f, _ = K._fit("logistic", t, s_curve)
    assert np.abs(f(t) - s_curve).max() < 0.5


@settings(max_examples=10, deadline=None)
@given(slope=st.floats(1, 30), noise=st.floats(0.0, 0.5))
def test_criteria_prefer_fewer_parameters_when_the_fit_is_equal(slope, noise):
    v = np.linspace(0, slope, 20) + noise * np.sin(np.arange(20))
    aic2, bic2 = K._criteria(v, v * 0 + v.mean(), 2)
    aic4, bic4 = K._criteria(v, v * 0 + v.mean(), 4)
    assert aic4 > aic2 and bic4 > bic2


def test_eci_ranking_break_beats_a_line_and_the_s_curve():
    r = K.rank_curves("ECI")
    assert list(r.table["curve"])[0] == r.best == "break" and set(r.table["curve"]) == set(K.CURVES)
    assert (r.table["rmse"] > 0).all() and r.table["n_origins"].iloc[0] >= 15
    # the winning break bends up: the out-of-sample test does not favour "slowed"
    assert not r.slowing_wins
    # non-reasoning subset: no split curve
    assert "reasoning split" not in set(K.rank_curves("ECI", subset="non-reasoning").table["curve"])


def test_metr_since_2023_cannot_tell_the_curves_apart():
    # Moss (Feb 2026): exponential and saturating trajectories fit METR's data about equally well
    r = K.rank_curves("METR 1.1", start="2023-01-01")
    assert r.best == "linear" and "logistic" in r.tied and not r.slowing_wins


def test_epoch_break_comparison_after_slope_near_epochs():
    # Epoch (Dec 2025, read in a secondary source): 15.5 ECI points a year after an April-2024 break; our records
    # give that within 1.5 points; before the break we differ (our file starts in 2023, theirs in Dec 2021)
    c = K.epoch_break_comparison(points="records")
    assert c.after == pytest.approx(15.5, abs=1.5) and c.before < 8.3 and c.evidence_ratio > 1


def test_a_plateau_world_lets_a_slowing_curve_win():
    from analysis.house import data
    from analysis.progress import worlds as W

    with data.world({W.ECI_FILE: W.eci_after("2024-07-01", 0.0)}):
        K._eci_models.cache_clear()
        r = K.rank_curves("ECI", origin_step=3)
    K._eci_models.cache_clear()
    assert r.slowing_wins and r.best in ("logistic", "break")


@pytest.mark.parametrize("call, message", [
    (lambda: K.rank_curves("MMLU"), "measure must be one of"),
    (lambda: K.rank_curves(subset="some"), "subset must be one of"),
    (lambda: K.rank_curves(horizon_years=5.0), "horizon_years"),
    (lambda: K.rank_curves(origin_step=0), "origin_step"),
    (lambda: K.rank_curves(start="2026-01-01"), "too short a series"),
    (lambda: K.epoch_break_comparison(points="some"), "points must be one of"),
    (lambda: K.epoch_break_comparison(break_date="2023-04-01"), "break_date"),
])
def test_curves_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --- saturation on the time grid, reasoning trends (issue 24) ----------------------------------------------

from analysis.progress import ceilings  # noqa: E402


def test_mmlu_noise_ceiling_is_gemas_error_share():
    # Gema et al. (2025), abstract: "We estimate that 6.49% of MMLU questions contain errors"
    assert ceilings.NOISE_CEILINGS["MMLU"] == pytest.approx(1 - 0.0649, abs=1e-9)


def test_grid_saturation_math_slows_in_points_not_in_log_odds():
    pts = ceilings.grid_saturation("MATH level 5", scale="points")
    lo = ceilings.grid_saturation("MATH level 5", scale="logit")
    assert pts[2] < 1 < lo[2]  # on the monthly grid; fitted to records only the points ratio is above 1
    assert pr.saturation_slopes("MATH level 5", start=pr.DEFAULT_START).points_ratio > 1
    t = ceilings.saturation_table()
    mmlu = t.set_index("benchmark").loc["MMLU"]
    # below its noise ceiling the logit scale stretches MMLU's top: a faster rate than the raw logit, still slow
    assert mmlu["logit below ceiling, per year"] > mmlu["logit, per year"] > 0 and mmlu["logit, per year"] < 0.2


@pytest.mark.parametrize("call, message", [
    (lambda: ceilings.grid_saturation(scale="percent"), "scale must be one of"),
    (lambda: ceilings.grid_saturation(break_date="2026-03-01"), "break_date"),
    (lambda: ceilings.saturation_table(benchmarks="MMLU"), "benchmarks"),
])
def test_saturation_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_reasoning_trends_jump_and_slopes():
    r = K.reasoning_trends()
    assert 2024.69 < r.first_year < 2024.71  # o1-preview / o1-mini, 12 Sep 2024
    assert r.jump > 0 and r.reasoning > 0 and r.non_reasoning > 0
    assert K.fitted_curves("ECI")["curve"].nunique() == 4 and set(K.frontier_series()["series"]) == {
        "all models", "non-reasoning", "reasoning"}
    with pytest.raises(ValueError, match="n_points"):
        K.fitted_curves(n_points=1)


# --- lifetimes with censoring, tracker corrected (issue 24) -------------------------------------------------

from analysis.progress import lifetimes as LT  # noqa: E402


def test_kaplan_meier_by_hand():
    # five lifetimes, one censored at 3: S = 4/5 after 1, 3/4 x 4/5 = 0.6 after 2, then 0.6 x 1/2 after 4
    t, s = LT.kaplan_meier([1.0, 2.0, 3.0, 4.0, 5.0], np.array([True, True, False, True, True]))
    assert t.tolist() == [1.0, 2.0, 4.0, 5.0] and s == pytest.approx([0.8, 0.6, 0.3, 0.0])
    assert LT.km_median([1.0, 2.0, 3.0, 4.0, 5.0], np.array([True, True, False, True, True])) == 4.0
    assert LT.km_median([1.0, 2.0], np.array([False, False])) == float("inf")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(0.01, 20), min_size=1, max_size=30))
def test_kaplan_meier_without_censoring_is_the_empirical_survival(d):
    d = np.array(d)
    t, s = LT.kaplan_meier(d, np.ones(d.size, bool))
    assert s == pytest.approx([(d > x).mean() for x in t])
    assert np.all(np.diff(s) <= 1e-12)


def test_censored_medians_reproduce_the_issue_and_the_corrections():
    # issue 24 on the tracker as copied: Kaplan-Meier medians 5.2 and 1.86 years, naive 4.5 and 1.6
    raw = LT.censored_lifetimes(corrected=False)
    assert raw.median_early == pytest.approx(5.2, abs=0.05) and raw.median_late == pytest.approx(1.86, abs=0.01)
    assert raw.naive_early == pytest.approx(4.5, abs=0.05) and raw.naive_late == pytest.approx(1.6, abs=0.05)
    fixed = LT.tracker()
    assert "ARC-AGI-1 (Verified)" not in set(fixed["benchmark"]) and len(fixed) == 45
    assert (fixed.dropna(subset=["human_level_date"]).eval("human_level_date >= release_date")).all()
    km = LT.censored_lifetimes()
    assert km.median_early > km.naive_early and km.median_late > km.naive_late and km.median_late < km.median_early


@pytest.mark.parametrize("call, message", [
    (lambda: LT.kaplan_meier([1.0, -1.0], np.array([True, True])), "durations must be non-negative"),
    (lambda: LT.kaplan_meier([1.0, 2.0], np.array([1, 0])), "observed must be booleans"),
    (lambda: LT.tracker(corrected="yes"), "corrected must be"),
    (lambda: LT.censored_lifetimes(split_year=2031), "split_year"),
])
def test_lifetimes_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
