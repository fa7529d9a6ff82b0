"""analysis.progress.metr: METR's time horizons, the published doubling time, versions never pooled."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.progress import metr


def test_reproduces_metrs_published_v11_doubling_time_within_a_day():
    r = metr.metr_doubling_time(version="1.1", since="2023-01-01")
    assert abs(r.days - metr.METR_PUBLISHED_DAYS_V11_SINCE_2023) < 1.0
    assert r.days_low < r.days < r.days_high
    lo, hi = metr.METR_PUBLISHED_DAYS_V11_SINCE_2023_CI
    # our interval resamples models only; it should still overlap METR's published one
    assert r.days_low < hi and r.days_high > lo
    assert r.n_models == 14


def test_v10_matches_the_figure_metr_quotes():
    r = metr.metr_doubling_time(version="1.0", since="2023-01-01")
    assert abs(r.days - metr.METR_PUBLISHED_DAYS_V10_SINCE_2023) < 1.0


def test_versions_are_separate_files():
    a, b = metr.load_horizons("1.1"), metr.load_horizons("1.0")
    assert len(a) == 23 and len(b) == 33 and a["is_sota"].sum() == 17 and b["is_sota"].sum() == 17
    assert metr.metr_doubling_time("1.1").days != metr.metr_doubling_time("1.0").days


@settings(max_examples=30, deadline=None)
@given(days=st.floats(30, 1000), start=st.floats(8000, 9000))
def test_doubling_days_of_an_exact_exponential(days, start):
    x = start + np.array([0.0, 100.0, 250.0, 400.0])
    assert metr.doubling_days(x, 2.0 ** (x / days)) == pytest.approx(days, rel=1e-9)


def test_flat_series_has_infinite_doubling_time():
    assert metr.doubling_days([1.0, 2.0, 3.0], [5.0, 5.0, 5.0]) == float("inf")


def test_window_table_and_per_year():
    t = metr.window_table("1.1", starts=("2023-01-01", "2024-01-01"), n_boot=50)
    assert list(t["since"]) == ["2023-01-01", "2024-01-01"]
    r = metr.metr_doubling_time("1.1", "2024-01-01", n_boot=50)
    assert r.per_year == pytest.approx(2 ** (365.25 / r.days))


def test_generation_gains():
    g = metr.generation_gains("1.1")
    # compute: GPT-2 1.92e21, GPT-3 3.14e23, GPT-4 2.1e25 FLOP (Epoch); log10 ratios 2.21 and 1.83
    assert g.decades == pytest.approx((np.log10(3.14e23 / 1.92e21), np.log10(2.1e25 / 3.14e23)))
    assert g.gpt3_to_gpt4 > g.gpt2_to_gpt3 > 0


@pytest.mark.parametrize("call, message", [
    (lambda: metr.load_horizons("2.0"), "version must be one of"),
    (lambda: metr.metr_doubling_time("1.1", since="2026-01-01"), "fewer than 3 frontier"),
    (lambda: metr.metr_doubling_time("1.1", since="2024-01-01", until="2023-01-01"), "since must be before until"),
    (lambda: metr.metr_doubling_time("1.1", since="yesterday-ish"), "since must be a date"),
    (lambda: metr.metr_doubling_time(n_boot=3), "n_boot must be at least 20"),
    (lambda: metr.doubling_days([1.0], [2.0]), "at least two distinct"),
])
def test_bad_input_names_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_speed_change_is_a_rate_ratio_with_an_interval():
    s = metr.speed_change("1.1", "2024-01-01", n_boot=100)
    before = metr.metr_doubling_time("1.1", "2019-01-01", "2024-01-01", n_boot=50)
    after = metr.metr_doubling_time("1.1", "2024-01-01", n_boot=50)
    # a rate ratio is the inverse ratio of the doubling times
    assert s.ratio == pytest.approx(before.days / after.days)
    assert s.ratio_low <= s.ratio <= s.ratio_high and s.n_before == 5 and s.n_after == 12


def test_speed_change_scores_a_horizon_that_stops_growing():
    from analysis.house import data
    from analysis.progress import worlds as W

    real = metr.speed_change("1.1", "2024-01-01", n_boot=40).ratio
    with data.world({W.METR_FILES["1.1"]: W.metr_after("2024-01-01", 0.0)}):
        s = metr.speed_change("1.1", "2024-01-01", n_boot=40)
    assert s.after == pytest.approx(0.0, abs=1e-9) and s.ratio == pytest.approx(0.0, abs=1e-9)
    with data.world({W.METR_FILES["1.1"]: W.metr_after("2024-01-01", 2.0)}):
        assert metr.speed_change("1.1", "2024-01-01", n_boot=40).ratio == pytest.approx(2 * real)


def test_generation_gains_difference_and_compute_choices():
    g = metr.generation_gains("1.1")
    assert g.difference == pytest.approx(g.gpt3_to_gpt4 - g.gpt2_to_gpt3)
    assert g.difference_low < g.difference < g.difference_high
    ten = metr.generation_gains("1.1", "10x")
    assert ten.decades[1] == pytest.approx(1.0) and ten.gpt2_to_gpt3 == g.gpt2_to_gpt3
    with pytest.raises(ValueError, match="gpt4_compute must be one of"):
        metr.generation_gains("1.1", "1000x")


def test_the_80_percent_horizon_beside_the_50_percent():
    # issue 24: the 80 % horizon is much shorter than the 50 % one but doubles about as fast since 2023
    p50 = metr.metr_doubling_time("1.1", "2023-01-01", horizon="p50")
    p80 = metr.metr_doubling_time("1.1", "2023-01-01", horizon="p80")
    assert p50.days == pytest.approx(metr.METR_PUBLISHED_DAYS_V11_SINCE_2023, abs=1.0)
    assert abs(p80.days - p50.days) < 0.25 * p50.days and p80.days_low < p50.days < p80.days_high
    h = metr.load_horizons("1.1")
    assert (h["p80_minutes"] < h["p50_minutes"]).all()
    with pytest.raises(ValueError, match="horizon must be one of"):
        metr.metr_doubling_time(horizon="p90")
