"""Fits shared by several chapters: power laws with and without an irreducible floor, and a log law.

Three functional forms of loss ``L`` against a scale variable ``x`` (compute, parameters or tokens):

* pure power law        ``L = a * x**(-alpha)``
* power law with floor  ``L = E + a * x**(-alpha)``
* logarithmic law       ``L = a - b * log10(x)``

All fits minimise squared residuals of ``log L`` (relative errors), the usual choice for scaling-law
data spanning orders of magnitude, and return a frozen :class:`CurveFit`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize

from analysis.house.validation import (as_float_array, require_finite, require_identifiable, require_in_range,
                                       require_min_length, require_positive, require_positive_number, require_same_shape, require_text,
                                       require_vector)

FORMS = ("power", "power+floor", "log")

#: Huber threshold on log-loss residuals used by Hoffmann et al. (2022) and Muennighoff et al. (2023).
HUBER_DELTA = 1e-3


@dataclass(frozen=True)
class CurveFit:
    """A fitted scaling curve.

    Attributes
    ----------
    form : str
        One of ``"power"``, ``"power+floor"`` or ``"log"``.
    E : float
        Irreducible floor (0 for the pure power law; undefined, NaN, for the log law).
    a : float
        Scale coefficient (``a`` in the formulas of this module).
    alpha : float
        Power-law exponent, or for the log law the slope ``b`` per decade of ``x``.
    rms_log_residual : float
        Root-mean-square residual of ``log L`` over the fitted points.
    n_points : int
        Number of points fitted.
    """

    form: str
    E: float
    a: float
    alpha: float
    rms_log_residual: float
    n_points: int

    def predict(self, x) -> np.ndarray:
        """Loss predicted at scale ``x`` (same units as the fit)."""
        x = require_positive("x", x)
        if self.form == "log":
            return self.a - self.alpha * np.log10(x)
        return self.E + self.a * x ** (-self.alpha)


def _check_xy(x, y, n_params: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """1-D positive ``x`` and ``y`` of one length, with more distinct ``x`` than the fit has parameters (all-equal
    ``x``, or as many points as parameters, identify no curve)."""
    x = require_vector("x", x, require_positive)
    y = require_vector("y", y, require_positive)
    require_same_shape(x=x, y=y)
    require_min_length("x", x, 3)
    require_identifiable("x", x, n_params)
    return x, y


def _rms(residuals: np.ndarray) -> float:
    return float(np.sqrt(np.mean(residuals**2)))


def fit_power_law(x, y) -> CurveFit:
    """Fit ``y = a * x**(-alpha)`` by least squares on ``log y`` against ``log x``.

    Parameters
    ----------
    x, y : array_like
        Positive, finite, same shape, at least three distinct ``x``.
    """
    x, y = _check_xy(x, y)
    slope, intercept = np.polyfit(np.log(x), np.log(y), 1)
    resid = np.log(y) - (intercept + slope * np.log(x))
    return CurveFit("power", 0.0, float(np.exp(intercept)), float(-slope), _rms(resid), len(x))


def fit_log_law(x, y) -> CurveFit:
    """Fit ``y = a - b * log10(x)`` (the slope ``b`` is stored as ``alpha``), minimising log residuals."""
    x, y = _check_xy(x, y)
    slope, intercept = np.polyfit(np.log10(x), y, 1)
    start = np.array([intercept, -slope])

    def resid(p):
        pred = p[0] - p[1] * np.log10(x)
        return np.log(np.clip(pred, 1e-12, None)) - np.log(y)

    sol = optimize.least_squares(resid, start, method="lm")
    return CurveFit("log", float("nan"), float(sol.x[0]), float(sol.x[1]), _rms(resid(sol.x)), len(x))


def fit_power_law_with_floor(x, y, *, floor_max: float | None = None) -> CurveFit:
    """Fit ``y = E + a * x**(-alpha)`` with ``0 <= E < min(y)`` and ``alpha > 0``.

    The fit works in ``x / x_ref`` with ``x_ref`` the geometric mean of ``x`` (well-conditioned), starts
    from several floors and keeps the best, then reports ``a`` in the original units of ``x``.

    Parameters
    ----------
    x, y : array_like
        Positive, finite, same shape, at least four distinct ``x`` (three parameters), ``y`` not all equal
        (a flat curve leaves the floor unidentified).
    floor_max : float, optional
        Upper bound for ``E`` (positive); defaults to just below ``min(y)``.
    """
    x, y = _check_xy(x, y, n_params=3)
    require_identifiable("y", y, 1)
    if floor_max is not None:
        floor_max = require_positive_number("floor_max", floor_max)
    x_ref = float(np.exp(np.mean(np.log(x))))
    u = np.log(x / x_ref)
    e_max = (1 - 1e-9) * float(np.min(y)) if floor_max is None else float(floor_max)
    logy = np.log(y)

    def resid(p):
        E, log_a, alpha = p
        return np.log(E + np.exp(log_a - alpha * u)) - logy

    best = None
    for frac in (0.0, 0.3, 0.6, 0.9):
        E0 = frac * e_max
        start_a = np.log(max(np.exp(np.mean(logy)) - E0, 1e-6))
        sol = optimize.least_squares(
            resid, [E0, start_a, 0.2], bounds=([0.0, -50.0, 1e-6], [e_max, 50.0, 10.0]), method="trf"
        )
        if best is None or sol.cost < best.cost:
            best = sol
    E, log_a, alpha = best.x
    a = float(np.exp(log_a) * x_ref**alpha)
    return CurveFit("power+floor", float(E), a, float(alpha), _rms(resid(best.x)), len(x))


def fit_curve(form: str, x, y) -> CurveFit:
    """Dispatch to the fit of one of :data:`FORMS`."""
    require_text("form", form)
    if form == "power":
        return fit_power_law(x, y)
    if form == "power+floor":
        return fit_power_law_with_floor(x, y)
    if form == "log":
        return fit_log_law(x, y)
    raise ValueError(f"form must be one of {FORMS}; got {form!r}")


def huber(residuals, delta: float = HUBER_DELTA) -> np.ndarray:
    """Huber penalty of each residual: r**2/2 inside |r| <= delta, delta (|r| - delta/2) outside."""
    r = require_finite("residuals", residuals)
    d = float(require_positive("delta", delta))
    a = np.abs(r)
    return np.where(a <= d, 0.5 * r**2, d * (a - 0.5 * d))


def percentile_interval(samples, level: float = 0.9) -> tuple[float, float]:
    """Central percentile interval of bootstrap ``samples`` at confidence ``level`` (e.g. 0.9 -> 5th-95th).

    A NaN or infinite sample (a failed refit) is refused rather than dropped: dropping it would narrow the
    interval silently. Callers that expect failed refits drop them first and report how many."""
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    samples = require_vector("samples", as_float_array("samples", samples), as_float_array)
    bad = ~np.isfinite(samples)
    if bad.all():
        raise ValueError(f"samples holds no finite value ({samples.size} non-finite)")
    if bad.any():
        raise ValueError(f"samples holds {int(bad.sum())} non-finite value(s) of {samples.size} (failed refits?); "
                         "drop them explicitly and report how many")
    tail = 100 * (1 - level) / 2
    low, high = np.percentile(samples, [tail, 100 - tail])
    return float(low), float(high)
