"""Where the power law of repeated sampling comes from (Schaeffer, Kazdan et al. 2025, bibtex
``schaeffer2025monkeypower``), tested on Brown et al.'s per-problem counts.

On one problem with single-sample success probability p, the chance that k independent samples all fail is
(1 - p)^k: it falls *exponentially* in k. Averaged over problems, the failure share falls only as a *power*
of k when the distribution of p has a heavy left tail: if p follows a beta distribution Beta(alpha, beta),

    E[(1 - p)^k] = B(alpha, beta + k) / B(alpha, beta)  ~  Gamma(alpha + beta) / Gamma(beta) * k^(-alpha),

so the aggregate exponent is alpha, the shape of the tail near p = 0. Here the beta distribution is fitted to
each model's counts by maximum likelihood (a beta-binomial: c correct of n samples per problem), the coverage
curve it implies is computed, and Brown et al.'s law -log C(k) = a k^(-b) (:func:`analysis.testtime.sampling.
fit_coverage_law`) is fitted to the implied and to the observed curve on the same k grid. The prediction uses
the distribution of single-sample success only; the comparison says whether that distribution explains the
law. Intervals come from a bootstrap over problems.

Exponents are reported positive: ``b`` in -log C(k) = a k^(-b).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, special

from analysis.house.validation import (MAX_SIZE, checked_cache, require_in_range, require_int, require_positive,
                                       require_same_shape, require_text, require_vector)
from analysis.testtime.passk import coverage
from analysis.testtime.sampling import MONKEYS_SAMPLES, _counts, fit_coverage_law, monkeys_models

#: The k grid on which both exponents are fitted: 1 to 1,000 samples, about four points per decade. It stops
#: a decade below the 10,000 samples drawn, where the unbiased estimator runs out of samples to draw.
FIT_KS = tuple(int(k) for k in np.unique(np.round(np.logspace(0, 3, 13)).astype(int)))

#: Bounds of the log-parameters of the beta fit (alpha, beta between 1e-4 and 1e6).
_LOG_BOUNDS = [(np.log(1e-4), np.log(1e6))] * 2


@dataclass(frozen=True)
class BetaFit:
    """A beta distribution of single-sample success fitted to per-problem counts.

    Attributes
    ----------
    alpha, beta : float
        Shape parameters; ``alpha`` is the predicted asymptotic exponent of the aggregate failure share.
    loglik : float
        Beta-binomial log-likelihood at the optimum (nats).
    n_problems : int
    """

    alpha: float
    beta: float
    loglik: float
    n_problems: int


def _loglik(log_ab: np.ndarray, c: np.ndarray, n: np.ndarray) -> float:
    a, b = np.exp(np.clip(log_ab, _LOG_BOUNDS[0][0], _LOG_BOUNDS[0][1]))
    return float(np.sum(special.betaln(c + a, n - c + b) - special.betaln(a, b)))


def fit_beta_binomial(counts, n_samples, start: tuple[float, float] | None = None) -> BetaFit:
    """Maximum-likelihood beta distribution of single-sample success from correct counts.

    Parameters
    ----------
    counts : array_like
        Correct samples per problem (whole numbers, 0 <= c <= n).
    n_samples : array_like or int
        Samples drawn per problem (a scalar applies to every problem).
    start : (float, float), optional
        Starting (alpha, beta) of the search (a bootstrap starts from the full-sample fit); by default three
        starts are tried and the best kept.

    Returns
    -------
    BetaFit

    Raises
    ------
    ValueError
        If the counts are not whole numbers in [0, n], fewer than two problems are given, or every problem has
        the same count (the spread, hence the shape, is not identifiable).
    """
    c = np.asarray(require_vector("counts", counts, min_length=2), dtype=float)
    n_arr = np.asarray(require_positive("n_samples", n_samples), dtype=float)
    if np.any(n_arr > MAX_SIZE):
        raise ValueError(f"n_samples must be at most {MAX_SIZE:,} per problem; got {float(np.max(n_arr)):.3g}")
    if n_arr.ndim > 1 or (n_arr.ndim == 1 and n_arr.shape != c.shape):
        raise ValueError(f"n_samples must be one number or one per problem; got shape {n_arr.shape}")
    n = np.broadcast_to(n_arr, c.shape).astype(float)
    require_same_shape(counts=c, n_samples=n)
    if c.size < 2:
        raise ValueError(f"counts needs at least two problems; got {c.size}")
    if np.any(c < 0) or np.any(c > n) or np.any(c != np.round(c)) or np.any(n != np.round(n)):
        raise ValueError("counts must be whole numbers between 0 and n_samples")
    if np.ptp(c / n) == 0:
        raise ValueError("counts must differ between problems (a beta shape is not identifiable otherwise)")
    m = float(np.clip(np.mean(c / n), 1e-3, 1 - 1e-3))
    if start is not None and np.shape(require_positive("start", start)) != (2,):
        raise ValueError(f"start must be a pair (alpha, beta); got {start!r}")
    starts = ([np.log(require_positive("start", start))] if start is not None else
              [np.log([0.5 * m, 0.5 * (1 - m)]), np.log([0.05, 1.0]), np.log([0.2, 5.0])])
    best = None
    for x0 in starts:
        r = optimize.minimize(lambda x: -_loglik(x, c, n), x0, method="Nelder-Mead",
                              options={"xatol": 1e-6, "fatol": 1e-9, "maxiter": 2000})
        if best is None or r.fun < best.fun:
            best = r
    a, b = np.exp(np.clip(best.x, _LOG_BOUNDS[0][0], _LOG_BOUNDS[0][1]))
    return BetaFit(float(a), float(b), float(-best.fun), int(c.size))


def beta_failure(ks, alpha: float, beta: float) -> np.ndarray:
    """Expected share of problems that ``k`` independent samples all fail, E[(1 - p)^k] for p ~ Beta(alpha,
    beta): B(alpha, beta + k) / B(alpha, beta)."""
    k = np.asarray(require_positive("ks", ks), dtype=float)
    a = float(require_positive("alpha", alpha))
    b = float(require_positive("beta", beta))
    return np.exp(special.betaln(a, b + k) - special.betaln(a, b))


def law_exponent(ks, cov) -> float:
    """Exponent b (positive) of Brown et al.'s law -log C(k) = a k^(-b), fitted to coverage ``cov`` at ``ks``."""
    return -fit_coverage_law(ks, cov).b


def predicted_exponent(alpha: float, beta: float, ks=FIT_KS) -> float:
    """The law's exponent on ``ks`` for the coverage a Beta(alpha, beta) distribution of success implies."""
    k = require_vector("ks", ks, require_positive, min_length=3)
    return law_exponent(k, 1.0 - beta_failure(k, alpha, beta))


def _exponents(c: np.ndarray, ks: np.ndarray, start=None) -> tuple[float, float, float, float]:
    """(alpha, beta, predicted b, observed b) for one set of counts."""
    fit = fit_beta_binomial(c, MONKEYS_SAMPLES, start)
    observed = coverage(np.full_like(c, MONKEYS_SAMPLES), c, ks)
    observed = np.clip(observed, 1e-12, 1 - 1e-12)
    return fit.alpha, fit.beta, predicted_exponent(fit.alpha, fit.beta, ks), law_exponent(ks, observed)


@checked_cache(maxsize=8)
def exponent_table(benchmark: str = "MATH", n_boot: int = 200, seed: int = 0, level: float = 0.9) -> pd.DataFrame:
    """Predicted (from the fitted beta) and observed exponents of the coverage law, per model.

    Parameters
    ----------
    benchmark : {"MATH", "CodeContests"}
    n_boot, seed : int
        Bootstrap resamples over problems (0: no intervals) and their seed.
    level : float
        Interval level.

    Returns
    -------
    pandas.DataFrame
        One row per model: ``alpha``, ``beta`` (the fitted beta), ``predicted``, ``observed`` (exponents b),
        ``ratio`` (predicted / observed), each with ``_low``/``_high`` bootstrap ends, ``problems``,
        ``never_solved`` (problems no sample solved).
    """
    benchmark = require_text("benchmark", benchmark)
    n_boot = require_int("n_boot", n_boot, minimum=0, maximum=100_000)
    seed = require_int("seed", seed, minimum=0, maximum=2**32 - 1)
    level = float(require_in_range("level", level, 0.5, 0.999))
    ks = np.asarray(FIT_KS)
    q = [(1 - level) / 2, (1 + level) / 2]
    rows = []
    for model in monkeys_models(benchmark):
        c = np.asarray(_counts(benchmark, model))
        alpha, beta, pred, obs = _exponents(c, ks)
        row = {"benchmark": benchmark, "model": model, "alpha": alpha, "beta": beta, "predicted": pred,
               "observed": obs, "ratio": pred / obs, "problems": int(c.size), "never_solved": int((c == 0).sum())}
        rng = np.random.default_rng(seed)
        draws = []
        for _ in range(n_boot):
            cb = c[rng.integers(0, c.size, c.size)]
            if np.ptp(cb) == 0 or not (0 < np.mean(cb > 0)):
                continue
            a, _, p, o = _exponents(cb, ks, (alpha, beta))
            draws.append((a, p, o, p / o))
        d = np.array(draws) if draws else np.array([[alpha, pred, obs, pred / obs]])
        for j, key in enumerate(("alpha", "predicted", "observed", "ratio")):
            row[f"{key}_low"], row[f"{key}_high"] = (float(v) for v in np.quantile(d[:, j], q))
        rows.append(row)
    return pd.DataFrame(rows)


def implied_curves(benchmark: str = "MATH", ks=tuple(int(k) for k in np.unique(np.round(np.logspace(0, 4, 17))))
                   ) -> pd.DataFrame:
    """Observed coverage and the coverage the fitted beta implies, per model and k (for the chart).

    Returns
    -------
    pandas.DataFrame
        Columns ``model``, ``k``, ``observed``, ``implied`` (fractions of problems), ``-log observed`` and
        ``-log implied``.
    """
    benchmark = require_text("benchmark", benchmark)
    k = np.asarray(require_vector("ks", ks, require_positive), dtype=int)
    rows = []
    for model in monkeys_models(benchmark):
        c = np.asarray(_counts(benchmark, model))
        fit = fit_beta_binomial(c, MONKEYS_SAMPLES)
        obs = coverage(np.full_like(c, MONKEYS_SAMPLES), c, k)
        imp = 1.0 - beta_failure(k, fit.alpha, fit.beta)
        rows.append(pd.DataFrame({"model": model, "k": k, "observed": obs, "implied": imp}))
    return pd.concat(rows, ignore_index=True)


def _law_fit_exponent(c_sub: np.ndarray, m: int) -> float:
    """Exponent of Brown et al.'s law fitted directly to the coverage of ``m`` samples per problem (k <= m)."""
    ks = np.unique(np.round(np.logspace(0, np.log10(m), 9)).astype(int))
    cov = np.clip(coverage(np.full_like(c_sub, m), c_sub, ks), 1e-12, 1 - 1e-12)
    return law_exponent(ks, cov)


@checked_cache(maxsize=8)
def forecast_table(benchmark: str = "MATH", m_samples: int = 100, n_draws: int = 20, seed: int = 0) -> pd.DataFrame:
    """Forecast each model's exponent (on 1 to 1,000 samples) from only ``m_samples`` samples per problem, two
    ways: fitting Brown et al.'s law to the coverage of those samples (k <= m), or fitting the beta distribution
    of single-sample success to them and reading the exponent it implies (Schaeffer, Kazdan et al.'s
    distributional forecast). The subsets are drawn without replacement from the 10,000 released samples
    (hypergeometric thinning of the counts), ``n_draws`` times.

    Returns
    -------
    pandas.DataFrame
        One row per model: ``target`` (the exponent fitted to all 10,000 samples), ``law_forecast`` and
        ``beta_forecast`` (means over draws), and their mean absolute relative errors ``law_error`` and
        ``beta_error`` (fractions).
    """
    benchmark = require_text("benchmark", benchmark)
    m = require_int("m_samples", m_samples, minimum=10, maximum=MONKEYS_SAMPLES // 10)
    n_draws = require_int("n_draws", n_draws, minimum=1, maximum=1000)
    seed = require_int("seed", seed, minimum=0, maximum=2**32 - 1)
    ks = np.asarray(FIT_KS)
    rows = []
    for model in monkeys_models(benchmark):
        c = np.asarray(_counts(benchmark, model)).astype(np.int64)
        target = law_exponent(ks, np.clip(coverage(np.full_like(c, MONKEYS_SAMPLES), c, ks), 1e-12, 1 - 1e-12))
        rng = np.random.default_rng(seed)
        law_f, beta_f = [], []
        for _ in range(n_draws):
            sub = rng.hypergeometric(c, MONKEYS_SAMPLES - c, m)
            if np.ptp(sub) == 0:
                continue
            law_f.append(_law_fit_exponent(sub, m))
            fit = fit_beta_binomial(sub, m)
            beta_f.append(predicted_exponent(fit.alpha, fit.beta, ks))
        law_f, beta_f = np.array(law_f or [np.nan]), np.array(beta_f or [np.nan])
        rows.append({"benchmark": benchmark, "model": model, "target": target,
                     "law_forecast": float(np.mean(law_f)), "beta_forecast": float(np.mean(beta_f)),
                     "law_error": float(np.mean(np.abs(law_f / target - 1))),
                     "beta_error": float(np.mean(np.abs(beta_f / target - 1)))})
    return pd.DataFrame(rows)
