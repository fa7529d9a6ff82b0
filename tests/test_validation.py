import numpy as np
import pytest

from analysis.house import validation as v


def test_positive_accepts_scalars_and_arrays():
    assert v.require_positive("N", 3).item() == 3.0
    np.testing.assert_array_equal(v.require_positive("N", [1, 2.5]), [1.0, 2.5])


@pytest.mark.parametrize("bad, fragment", [
    (-1.0, "N must be positive; got -1.0"),
    (0, "N must be positive"),
    (float("nan"), "N must be finite"),
    ([1.0, float("inf")], "at index 1"),
    ("ten", "N must be numeric"),
])
def test_positive_names_parameter_and_value(bad, fragment):
    with pytest.raises(ValueError, match=fragment):
        v.require_positive("N", bad)


def test_nonnegative_allows_zero_not_negative():
    assert v.require_nonnegative("c", 0).item() == 0
    with pytest.raises(ValueError, match="c must be non-negative"):
        v.require_nonnegative("c", [0, -2])


def test_in_range_inclusive_and_exclusive():
    v.require_in_range("p", [0, 1], 0, 1)
    with pytest.raises(ValueError, match=r"p must lie in \(0, 1\)"):
        v.require_in_range("p", 1.0, 0, 1, inclusive=False)


def test_same_shape_lists_every_argument():
    with pytest.raises(ValueError, match=r"N \(3,\), D \(2,\)"):
        v.require_same_shape(N=np.ones(3), D=np.ones(2))
    v.require_same_shape(N=np.ones(3), D=np.zeros(3))


def test_min_length():
    with pytest.raises(ValueError, match="x needs at least 3 values; got 2"):
        v.require_min_length("x", np.ones(2), 3)


def test_int_rejects_floats_bools_and_small_values():
    assert v.require_int("n", 5, minimum=1) == 5
    for bad in (2.0, True, "3"):
        with pytest.raises(ValueError, match="n must be a whole number"):
            v.require_int("n", bad)
    with pytest.raises(ValueError, match="n must be at least 1; got 0"):
        v.require_int("n", 0, minimum=1)


def test_choice():
    assert v.require_choice("mode", "a", ["a", "b"]) == "a"
    with pytest.raises(ValueError, match="mode must be one of 'a', 'b'; got 'c'"):
        v.require_choice("mode", "c", ["a", "b"])


def test_booleans_and_empty_arrays_are_not_numbers():
    for bad in (True, np.bool_(False), [1.0, True], np.array([True, False])):
        with pytest.raises(ValueError, match="N must be numeric, not a boolean"):
            v.require_positive("N", bad)
    with pytest.raises(ValueError, match="N must not be empty"):
        v.require_positive("N", [])
    assert v.as_float_array("N", [], allow_empty=True).size == 0
    with pytest.raises(ValueError, match="N must be numeric"):
        v.require_finite("N", "12")


def test_sizes_are_bounded_before_allocation():
    assert v.require_size("n_boot", 400) == 400
    with pytest.raises(ValueError, match=r"n_boot must be at most 1,000,000,000 .*got 100,000,000,000"):
        v.require_size("n_boot", 10**11)
    with pytest.raises(ValueError, match="n_chains must be at most 5"):
        v.require_int("n_chains", 6, maximum=5)
    with pytest.raises(ValueError, match="n must be a whole number"):
        v.require_size("n", np.bool_(True))


def test_percentile_interval_refuses_failed_refits_instead_of_dropping_them():
    from analysis.house.fitting import percentile_interval

    assert percentile_interval(np.arange(101.0), 0.9) == pytest.approx((5.0, 95.0))
    with pytest.raises(ValueError, match=r"samples holds 1 non-finite value\(s\) of 3"):
        percentile_interval([1.0, np.nan, 2.0])
    for bad in ("abc", True, 1.0, float("nan")):
        with pytest.raises(ValueError, match="level must"):
            percentile_interval([1.0, 2.0], bad)
    with pytest.raises(ValueError, match="samples must not be empty"):
        percentile_interval([])


def test_decimal_years_refuses_dates_outside_any_table():
    from analysis.house.data import decimal_years

    assert decimal_years(["2024-07-02"])[0] == pytest.approx(2024.5, abs=0.01)
    for bad in (["1800-01-01"], [1800.0], ["2300-01-01"]):
        with pytest.raises(ValueError, match=r"dates must lie in \[1900.0, 2200.0\]"):
            decimal_years(bad)
    for bad, fragment in (([], "dates must not be empty"), ([True], "not booleans"), (["soon"], "dates must be")):
        with pytest.raises(ValueError, match=fragment):
            decimal_years(bad)


def test_checked_cache_shares_one_entry_however_a_call_is_spelt():
    """f("a"), f("a", default) and f(x="a") hit one cache entry (lru_cache alone computes each again), while a
    value of another type (2.0 for 2) is still a new entry."""
    from analysis.house.validation import checked_cache
    calls = []

    @checked_cache(maxsize=8)
    def f(a, b=2, *, c=3):
        calls.append((a, b, c))
        return a + b + c

    assert f(1) == f(1, 2) == f(a=1, b=2, c=3) == f(1, c=3) == 6
    assert len(calls) == 1
    f(1, 2.0)
    assert len(calls) == 2
