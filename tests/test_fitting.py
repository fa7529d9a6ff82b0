import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.house import fitting

X = np.logspace(18, 22, 12)


@settings(max_examples=30, deadline=None)
@given(a=st.floats(1.0, 100.0), alpha=st.floats(0.02, 0.5))
def test_power_law_recovers_exact_parameters(a, alpha):
    fit = fitting.fit_power_law(X, a * X**-alpha)
    assert fit.alpha == pytest.approx(alpha, rel=1e-6)
    assert fit.a == pytest.approx(a, rel=1e-5)
    assert fit.rms_log_residual < 1e-9


@settings(max_examples=20, deadline=None)
@given(E=st.floats(0.5, 2.0), alpha=st.floats(0.1, 0.4))
def test_floor_fit_recovers_parameters_from_noiseless_data(E, alpha):
    x = np.logspace(18, 24, 20)
    y = E + 3.0 * (x / 1e18) ** -alpha
    fit = fitting.fit_power_law_with_floor(x, y)
    # Noiseless data: the fit must return the generating parameters to optimiser precision.
    assert fit.E == pytest.approx(E, rel=1e-3)
    assert fit.alpha == pytest.approx(alpha, rel=1e-3)
    np.testing.assert_allclose(fit.predict(x), y, rtol=1e-5)


def test_log_law_recovers_slope_and_predicts():
    y = 5.0 - 0.2 * np.log10(X)
    fit = fitting.fit_log_law(X, y)
    assert fit.alpha == pytest.approx(0.2, rel=1e-6) and fit.a == pytest.approx(5.0, rel=1e-6)
    np.testing.assert_allclose(fit.predict([1e20]), 1.0, rtol=1e-6)


def test_floor_never_exceeds_smallest_loss():
    rng = np.random.default_rng(1)
    y = 2.0 + 5 * (X / 1e18) ** -0.2 * np.exp(rng.normal(0, 0.01, X.size))
    fit = fitting.fit_power_law_with_floor(X, y)
    assert 0 <= fit.E < y.min()


@pytest.mark.parametrize("form", fitting.FORMS)
def test_bad_input_is_named(form):
    with pytest.raises(ValueError, match="x must be positive"):
        fitting.fit_curve(form, [1, -2, 3], [1, 2, 3])
    with pytest.raises(ValueError, match="y must be finite"):
        fitting.fit_curve(form, [1, 2, 3], [1, np.nan, 3])
    with pytest.raises(ValueError, match="same shape"):
        fitting.fit_curve(form, [1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="at least 3 values"):
        fitting.fit_curve(form, [1, 2], [1, 2])


def test_unknown_form_and_bad_predict():
    with pytest.raises(ValueError, match="form must be one of"):
        fitting.fit_curve("cubic", X, X)
    fit = fitting.fit_power_law(X, X**-0.1)
    with pytest.raises(ValueError, match="x must be positive"):
        fit.predict(0)


def test_percentile_interval():
    lo, hi = fitting.percentile_interval(np.arange(101), 0.9)
    assert lo == pytest.approx(5.0) and hi == pytest.approx(95.0)
    with pytest.raises(ValueError, match="level must lie in"):
        fitting.percentile_interval([1, 2], 1.5)
    with pytest.raises(ValueError, match="no finite value"):
        fitting.percentile_interval([np.nan])
