"""Chapter "The other side": seed 004's comparison of a frontier model with one ten times smaller, under the
log-logistic curve that Hackenburg et al. fitted to their persuasion data (the study's design and its
meta-regression are in :data:`analysis.other_side.emergence.HACKENBURG`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.house.validation import require_in_range, require_instance, require_int, require_positive_number


@dataclass(frozen=True)
class LogLogisticFit:
    """``attitude = a / (1 + exp(-b (ln(parameters in billions) - c)))``, fitted by least squares (R's ``nls``) to
    the policy attitude (0-100 scale) of every participant who read an AI-written message, the two frontier
    models' sizes imputed as 300B.

    Source: the authors' replication repository (github.com/kobihackenburg/scaling-LLM-persuasion), the formula in
    ``main_study/code/analysis/5_nonlinear_comparisons.R`` and the estimates (with standard errors) in
    ``main_study/code/analysis/output/tables/nonlinear_results.csv``, commit e999e7c (read in the code index:
    a = 60.08 (1.40), b = 0.26 (0.07), c = -7.54 (1.31)); ``nonlinear_comparisons.csv`` of the same commit ranks
    it first by AIC, with a leave-one-model-out mean prediction error of 1.40 points (``cv_error_pts``). The
    table gives no covariance of the estimates.
    """

    a: float = 60.08
    b: float = 0.26
    c: float = -7.54
    a_se: float = 1.40
    b_se: float = 0.07
    c_se: float = 1.31
    cv_error_pts: float = 1.40
    frontier_params_b: float = 300.0

    def attitude(self, params_b, a=None, b=None, c=None) -> np.ndarray:
        """Predicted policy attitude (0-100) after a message from a model of ``params_b`` billion parameters."""
        p = np.asarray(params_b, dtype=float)
        a, b, c = (self.a if a is None else a), (self.b if b is None else b), (self.c if c is None else c)
        return a / (1.0 + np.exp(-b * (np.log(p) - c)))


HACKENBURG_LOG_LOGISTIC = LogLogisticFit()


@dataclass(frozen=True)
class FrontierGain:
    """Predicted gain in policy attitude (points on the 0-100 scale) of a model over one ``ratio`` times smaller.

    Attributes
    ----------
    gain_pts : float
        With the published estimates.
    low, high : float
        Percentile interval at ``level`` over ``n_draws`` draws of the three estimates, each normal with its
        published standard error and drawn independently (the table gives no covariance; an approximation).
    """

    big_params_b: float
    ratio: float
    gain_pts: float
    low: float
    high: float
    level: float
    n_draws: int


def frontier_gain(big_params_b: float = 300.0, ratio: float = 10.0, *, fit: LogLogisticFit = HACKENBURG_LOG_LOGISTIC,
                  n_draws: int = 20_000, seed: int = 0, level: float = 0.95) -> FrontierGain:
    """:class:`FrontierGain` of a model of ``big_params_b`` billion parameters over one ``ratio`` times smaller."""
    require_instance("fit", fit, LogLogisticFit)
    big = require_positive_number("big_params_b", big_params_b)
    ratio = require_positive_number("ratio", ratio)
    if ratio <= 1:
        raise ValueError(f"ratio must exceed 1; got {ratio!r}")
    n_draws = require_int("n_draws", n_draws, minimum=100, maximum=1_000_000)
    seed = require_int("seed", seed, minimum=0)
    level = float(require_in_range("level", level, 0.5, 0.999))
    point = float(fit.attitude(big) - fit.attitude(big / ratio))
    rng = np.random.default_rng(seed)
    a, b, c = (rng.normal(m, s, n_draws) for m, s in ((fit.a, fit.a_se), (fit.b, fit.b_se), (fit.c, fit.c_se)))
    draws = fit.attitude(big, a, b, c) - fit.attitude(big / ratio, a, b, c)
    lo, hi = np.percentile(draws, [50 * (1 - level), 50 * (1 + level)])
    return FrontierGain(float(big), float(ratio), point, float(lo), float(hi), level, n_draws)
