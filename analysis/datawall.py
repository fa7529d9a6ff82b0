"""Chapter: The data wall. How much human text there is (Villalobos et al. 2024), when training sets
reach it, and what repeating it buys (Muennighoff et al. 2023).

Units: tokens for every data quantity (``D`` trained tokens, ``U`` unique tokens), parameters for ``N``,
FLOP for compute, calendar years (decimal) for dates, loss in nats/token (C4 validation loss in
Muennighoff et al.'s runs). Paper constants are kept here once, with their citation; the notebook
never types them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd
from scipy import optimize, stats

from .claims.legacy import Assessment, Claim, judge
from .data import DatasetSpec, decimal_years, load_csv
from .fitting import HUBER_DELTA, huber
from .validation import (
    require_finite,
    require_in_range,
    require_int,
    require_positive,
)

# --- Data files ------------------------------------------------------------------------------------

DATASET_SIZES = DatasetSpec(
    filename="villalobos2024_dataset_sizes.csv",
    sha256="e2d19e6be9d4b0a79acef394cb4f63108bd62f95cbf20fc7c5ccdd15f1ef5106",
    columns={"system": "str", "category": "str", "date": "date", "comp": "float", "dataset": "float"},
    description="Villalobos et al. (2024): training-set sizes (words) of 80 language models, 2010-2023",
    n_rows=80,
    nullable=frozenset({"comp"}),
)

DATABLATIONS_RUNS = DatasetSpec(
    filename="datablations_muennighoff2023_val_losses_182runs.csv",
    sha256="16b598cc6922f124992c362a076eb952f54716f2cf4639cfbdd6b82973790f43",
    columns={"run_name": "str", "params_billions": "float", "tokens_billions": "float",
             "unique_tokens_billions": "float", "val_loss": "float"},
    description="Muennighoff et al. (2023): 182 runs (N, D, U, final validation loss) used for their R_D*/R_N* fit",
    n_rows=182,
)

#: Tokens per word. The ``dataset`` column of Villalobos et al.'s file counts words: Chinchilla's 1.4e12
#: training tokens (hoffmann2022training) appear as 1.05e12, a ratio of exactly 4/3. (Their script
#: ``src/dataset_size_projections.py`` multiplies by 4/5 instead; only the level, not the growth rate,
#: depends on this factor, and the projection below takes its level from their stated 2024 range.)
TOKENS_PER_WORD = 4.0 / 3.0


def load_dataset_sizes() -> pd.DataFrame:
    """Training-set sizes of language models after 2010 (Villalobos et al. 2024, ``villalobos2024data``).

    Returns
    -------
    pandas.DataFrame
        Columns of the file plus ``year`` (decimal calendar year) and ``tokens`` (= words x 4/3).
    """
    frame = load_csv(DATASET_SIZES)
    frame = frame[frame["date"] > pd.Timestamp("2010-01-01")].reset_index(drop=True)
    frame["year"] = decimal_years(frame["date"])
    frame["tokens"] = frame["dataset"] * TOKENS_PER_WORD
    return frame


def load_datablations_runs() -> pd.DataFrame:
    """The 182 runs of Muennighoff et al. (2023) in base units: ``N`` parameters, ``D`` tokens,
    ``U`` unique tokens, ``loss`` (nats/token), ``epochs`` = D/U."""
    frame = load_csv(DATABLATIONS_RUNS)
    out = pd.DataFrame({
        "run_name": frame["run_name"],
        "N": frame["params_billions"] * 1e9,
        "D": frame["tokens_billions"] * 1e9,
        "U": frame["unique_tokens_billions"] * 1e9,
        "loss": frame["val_loss"],
    })
    out["epochs"] = out["D"] / out["U"]
    return out


# --- Input ranges of the stock model ---------------------------------------------------------------

@dataclass(frozen=True)
class Range:
    """A positive uncertain quantity given by a central interval; sampled as a log-normal.

    Attributes
    ----------
    low, high : float
        Ends of the interval (same units as the quantity).
    credibility : float
        Probability mass between ``low`` and ``high`` (0.95 means a 95 % interval).
    unit : str
    source : str
        Where the range comes from.
    """

    low: float
    high: float
    credibility: float
    unit: str
    source: str

    def __post_init__(self) -> None:
        if not (0 < self.low < self.high) or not np.isfinite(self.high):
            raise ValueError(f"low and high must satisfy 0 < low < high; got low={self.low}, high={self.high}")
        if not 0 < self.credibility < 1:
            raise ValueError(f"credibility must lie in (0, 1); got {self.credibility}")

    @property
    def median(self) -> float:
        return float(np.sqrt(self.low * self.high))

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """``n`` log-normal draws whose central ``credibility`` interval is [low, high]."""
        z = stats.norm.ppf(0.5 + self.credibility / 2)
        mu = 0.5 * (np.log(self.low) + np.log(self.high))
        sigma = (np.log(self.high) - np.log(self.low)) / (2 * z)
        return np.exp(rng.normal(mu, sigma, n))


_VILLALOBOS_CODE = "Villalobos et al. (2024), code epoch-research/data-stock"


@dataclass(frozen=True)
class StockInputs:
    """Inputs of the stock model, each with its source. Defaults are the ranges of Villalobos et al.
    (2024, ``villalobos2024data``) as coded in their repository ``epoch-research/data-stock``
    (``src/indexed_web.py``, ``src/stock_adjust.py``, ``src/dataset_size_projections.py``).

    The model: raw stock (tokens, 2024) = indexed pages x bytes per page / bytes per token;
    quality-adjusted = raw x quality fraction; effective = quality-adjusted x repetition multiplier.
    """

    #: Unique pages in the indexed web. Low end: Common Crawl's ~75 B unique URLs; high end 1 T.
    indexed_pages: Range = Range(75e9, 1e12, 0.95, "pages", _VILLALOBOS_CODE + ", src/indexed_web.py")
    #: Plain-text bytes per page, measured on Common Crawl.
    bytes_per_page: Range = Range(6100, 8200, 0.95, "bytes", _VILLALOBOS_CODE + ", src/indexed_web.py")
    #: 6 minus this is the bytes per token (median 4, roughly 2-5 across tokenizers).
    bytes_per_token_shortfall: Range = Range(1, 4, 0.95, "bytes", _VILLALOBOS_CODE + ", src/indexed_web.py (bytes/token = 6 - x)")
    #: Fraction of the web left after quality filtering (RefinedWeb keeps about a quarter of English data).
    quality_fraction: Range = Range(0.1, 0.4, 0.95, "fraction", _VILLALOBOS_CODE + ", src/stock_adjust.py (from RefinedWeb)")
    #: How many times more effective data repetition yields (Muennighoff et al. 2023, Table 1).
    repetition_multiplier: Range = Range(2, 5, 0.95, "x", _VILLALOBOS_CODE + ", src/stock_adjust.py (from Muennighoff et al. 2023)")
    #: Yearly growth of text per page (Common Crawl 2013-2021) times yearly growth of the page count.
    page_size_growth: Range = Range(1.02, 1.04, 0.95, "x per year", _VILLALOBOS_CODE + ", src/indexed_web.py")
    page_count_growth: Range = Range(1.0 + 1e-9, 1.10, 0.95, "x per year", _VILLALOBOS_CODE + ", src/indexed_web.py (offsets link rot)")
    #: Largest training set at the start of 2024 (tokens).
    largest_dataset_2024: Range = Range(3e12, 13e12, 0.90, "tokens", _VILLALOBOS_CODE + ", src/dataset_size_projections.py")

    def table(self) -> pd.DataFrame:
        """One row per input: name, low, high, credibility, unit, source."""
        rows = []
        for name in self.__dataclass_fields__:
            r = getattr(self, name)
            rows.append({"input": name, "low": r.low, "median": r.median, "high": r.high,
                         "interval": f"{r.credibility:.0%}", "unit": r.unit, "source": r.source})
        return pd.DataFrame(rows)


VILLALOBOS_INPUTS = StockInputs()


@dataclass(frozen=True)
class VillalobosPublished:
    """Headline results of Villalobos et al. (2024), "Will we run out of data?", arXiv:2211.04325
    (bibtex ``villalobos2024data``): the effective stock of public human text and the date at which the
    largest training run would use all of it.

    The ~300 T-token stock and the 2026-2032 window are in the paper's abstract and Epoch AI's summary.
    The 90 % level of the stock interval, the 80 % level of the date interval and the 2028 median are
    as stated in the paper's body (this book's issue text); secondary summaries agree on 2028, but we
    could not re-read the levels in a stored copy, so they are used for comparison only, never for a
    verdict.
    """

    stock_median_tokens: float = 3e14
    stock_low_tokens: float = 1e14   # 90 % interval
    stock_high_tokens: float = 1e15
    stock_level: float = 0.90
    exhaustion_median_year: float = 2028
    exhaustion_low_year: float = 2026  # 80 % interval
    exhaustion_high_year: float = 2032
    exhaustion_level: float = 0.80


VILLALOBOS = VillalobosPublished()

#: Seed 004's range for the text on the internet (tokens): "400 trillion to 20 quadrillion".
SEED004_STOCK_RANGE = (4e14, 2e16)


# --- The stock Monte Carlo -------------------------------------------------------------------------

@dataclass(frozen=True)
class StockSamples:
    """Monte-Carlo draws of the 2024 stock of human text (tokens) and of its yearly growth.

    Attributes
    ----------
    raw, quality, effective : ndarray
        Indexed-web tokens; after quality filtering; after allowing repetition (tokens, 2024).
    stock_growth : ndarray
        Yearly growth factor of the stock.
    seed : int
    """

    raw: np.ndarray
    quality: np.ndarray
    effective: np.ndarray
    stock_growth: np.ndarray
    seed: int

    def summary(self, level: float = 0.9) -> pd.DataFrame:
        """Median and central ``level`` interval (tokens) of each stage."""
        lo, hi = 50 * (1 - level), 50 * (1 + level)
        rows = []
        for stage in ("raw", "quality", "effective"):
            v = getattr(self, stage)
            rows.append({"stage": stage, "low": float(np.percentile(v, lo)), "median": float(np.median(v)),
                         "high": float(np.percentile(v, hi))})
        return pd.DataFrame(rows)


@lru_cache(maxsize=8)
def sample_stock(n_samples: int = 20_000, seed: int = 0, inputs: StockInputs = VILLALOBOS_INPUTS) -> StockSamples:
    """Draw the stock of human text (tokens, 2024) from the stated input ranges.

    Parameters
    ----------
    n_samples : int
        Monte-Carlo draws (at least 100).
    seed : int
        Seed of ``numpy.random.default_rng``.
    inputs : StockInputs
        The ranges; defaults to Villalobos et al.'s.
    """
    n = require_int("n_samples", n_samples, minimum=100)
    rng = np.random.default_rng(require_int("seed", seed, minimum=0))
    pages = inputs.indexed_pages.sample(rng, n)
    bytes_page = inputs.bytes_per_page.sample(rng, n)
    bytes_token = 6.0 - inputs.bytes_per_token_shortfall.sample(rng, n)
    bytes_token = np.clip(bytes_token, 1.0, None)  # a token is at least one byte
    raw = pages * bytes_page / bytes_token
    quality = raw * inputs.quality_fraction.sample(rng, n)
    effective = quality * inputs.repetition_multiplier.sample(rng, n)
    growth = inputs.page_size_growth.sample(rng, n) * inputs.page_count_growth.sample(rng, n)
    return StockSamples(raw, quality, effective, growth, seed)


# --- Growth of training sets and the exhaustion year ----------------------------------------------

@dataclass(frozen=True)
class DatasetTrend:
    """Log-linear trend of training-set size against time, with a bootstrap over models.

    Attributes
    ----------
    growth_per_year : float
        Multiplier of training-set size per year (least squares on log10 tokens).
    growth_interval : tuple of float
        Central ``level`` bootstrap interval of the multiplier.
    boot_growth : ndarray
        Bootstrap multipliers (one per resample).
    intercept_log10_2024 : float
        Fitted log10 tokens at 2024.0 (the trend of a typical model, not of the largest).
    level : float
    n_models : int
    """

    growth_per_year: float
    growth_interval: tuple[float, float]
    boot_growth: np.ndarray
    intercept_log10_2024: float
    level: float
    n_models: int


def _slopes(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least-squares slopes of each row of ``y`` on the matching row of ``x`` (2-D arrays)."""
    xm = x - x.mean(axis=-1, keepdims=True)
    ym = y - y.mean(axis=-1, keepdims=True)
    return (xm * ym).sum(axis=-1) / (xm * xm).sum(axis=-1)


@lru_cache(maxsize=8)
def dataset_trend(n_boot: int = 2000, seed: int = 0, level: float = 0.9) -> DatasetTrend:
    """Fit log10(tokens) = a + b (year - 2024) to the models after 2010 and resample the models.

    This is Villalobos et al.'s historical trend (their ``src/dataset_size_projections.py`` regresses
    log10 size on date and bootstraps 10,000 times).
    """
    n_boot = require_int("n_boot", n_boot, minimum=10)
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    frame = load_dataset_sizes()
    x = frame["year"].to_numpy() - 2024.0
    y = np.log10(frame["tokens"].to_numpy())
    slope, intercept = np.polyfit(x, y, 1)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(x), (n_boot, len(x)))
    boot = 10.0 ** _slopes(x[idx], y[idx])
    lo, hi = np.percentile(boot, [50 * (1 - level), 50 * (1 + level)])
    return DatasetTrend(float(10**slope), (float(lo), float(hi)), boot, float(intercept), level, len(x))


@dataclass(frozen=True)
class ExhaustionProjection:
    """When the largest training set reaches the effective stock.

    Attributes
    ----------
    years : ndarray
        One crossing year per Monte-Carlo draw (inf if training sets grow no faster than the stock).
    median : float
    low, high : float
        Central ``level`` interval of the crossing year.
    level : float
    """

    years: np.ndarray
    median: float
    low: float
    high: float
    level: float


def crossing_year(stock_2024, stock_growth, dataset_2024, dataset_growth, start_year: float = 2024.0) -> np.ndarray:
    """Year at which ``dataset_2024 * dataset_growth**t`` first equals ``stock_2024 * stock_growth**t``.

    Parameters
    ----------
    stock_2024, dataset_2024 : array_like
        Stock and largest training set at ``start_year`` (tokens, positive).
    stock_growth, dataset_growth : array_like
        Yearly growth multipliers (positive).

    Returns
    -------
    ndarray
        Calendar year of the crossing; ``inf`` where the training set never catches up; before
        ``start_year`` if the training set was already larger.
    """
    s0 = require_positive("stock_2024", stock_2024)
    gs = require_positive("stock_growth", stock_growth)
    d0 = require_positive("dataset_2024", dataset_2024)
    gd = require_positive("dataset_growth", dataset_growth)
    s0, gs, d0, gd = np.broadcast_arrays(s0, gs, d0, gd)
    rate = np.log(gd) - np.log(gs)
    gap = np.log(s0) - np.log(d0)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(rate > 0, gap / np.where(rate > 0, rate, 1.0), np.where(gap <= 0, -np.inf, np.inf))
    return start_year + t


@lru_cache(maxsize=8)
def project_exhaustion(n_samples: int = 20_000, seed: int = 0, level: float = 0.8,
                       overtraining: float = 1.0) -> ExhaustionProjection:
    """Monte-Carlo projection of the year the largest training set meets the effective stock.

    Draws the stock (:func:`sample_stock`), a trend multiplier from the bootstrap of
    :func:`dataset_trend`, and the 2024 largest training set from Villalobos et al.'s range, which
    ``overtraining`` multiplies (a lab that trains on k times more tokens per model).
    """
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    overtraining = float(require_positive("overtraining", overtraining))
    stock = sample_stock(n_samples, seed)
    rng = np.random.default_rng(seed + 1)
    trend = dataset_trend()
    growth = rng.choice(trend.boot_growth, size=len(stock.effective))
    d0 = VILLALOBOS_INPUTS.largest_dataset_2024.sample(rng, len(stock.effective)) * overtraining
    years = crossing_year(stock.effective, stock.stock_growth, d0, growth)
    lo, med, hi = np.percentile(years, [50 * (1 - level), 50, 50 * (1 + level)], method="inverted_cdf")
    return ExhaustionProjection(years, float(med), float(lo), float(hi), level)


# --- Muennighoff et al.'s data-constrained law ------------------------------------------------------

@dataclass(frozen=True)
class DataConstrainedParams:
    """Constants of the data-constrained scaling law of Muennighoff et al. (2023), "Scaling
    Data-Constrained Language Models", arXiv:2305.16264 (bibtex ``muennighoff2023datalimited``),
    Section 3 and Appendix: L = E + A / N'**alpha + B / D'**beta, with N in parameters, D in tokens,
    loss in nats/token.

    ``R_D_star`` is the number of repetitions after which repeated data has lost 1 - 1/e of its value;
    ``R_N_star`` the same for excess parameters.
    """

    A: float = 520.8
    B: float = 1487.7
    E: float = 1.869
    alpha: float = 0.3527
    beta: float = 0.3527
    R_D_star: float = 15.39
    R_N_star: float = 5.31

    @property
    def G(self) -> float:
        """(alpha A / (beta B))**(1/(alpha+beta)): sets the compute-optimal ratio of parameters to tokens."""
        return (self.alpha * self.A / (self.beta * self.B)) ** (1.0 / (self.alpha + self.beta))


MUENNIGHOFF = DataConstrainedParams()


def _check_NDU(N, D, U):
    N = require_positive("N", N)
    D = require_positive("D", D)
    U = require_positive("U", U)
    try:
        N, D, U = np.broadcast_arrays(N, D, U)
    except ValueError:
        raise ValueError(f"N, D and U must have broadcastable shapes; got N {np.shape(N)}, D {np.shape(D)}, "
                         f"U {np.shape(U)}") from None
    bad = U > D * (1 + 1e-12)
    if bad.any():
        i = int(np.flatnonzero(bad.ravel())[0])
        raise ValueError(f"U must not exceed D (unique tokens cannot exceed trained tokens); got U={U.ravel()[i]!r} "
                         f"> D={D.ravel()[i]!r} at index {i}")
    return N, D, U


def effective_data(D, U, R_D_star: float = MUENNIGHOFF.R_D_star) -> np.ndarray:
    """D' = U + U R_D* (1 - exp(-R_D / R_D*)) with R_D = D/U - 1 repetitions (tokens).

    Parameters
    ----------
    D : array_like
        Tokens trained on (>= U).
    U : array_like
        Unique tokens.
    R_D_star : float
        Decay constant of the value of repeated data (repetitions).
    """
    _, D, U = _check_NDU(1.0, D, U)
    r_star = float(require_positive("R_D_star", R_D_star))
    R = D / U - 1.0
    return U + U * r_star * (-np.expm1(-R / r_star))


def optimal_params_for_tokens(U, params: DataConstrainedParams = MUENNIGHOFF) -> np.ndarray:
    """U_N = G (G U)**(beta/alpha): the compute-optimal number of parameters for ``U`` tokens."""
    U = require_positive("U", U)
    return params.G * (params.G * U) ** (params.beta / params.alpha)


def effective_params(N, U, params: DataConstrainedParams = MUENNIGHOFF) -> np.ndarray:
    """N' = U_N + U_N R_N* (1 - exp(-R_N / R_N*)), U_N = min(N, optimal size for U), R_N = N/U_N - 1."""
    N = require_positive("N", N)
    U_N = np.minimum(optimal_params_for_tokens(U, params), N)
    R = N / U_N - 1.0
    return U_N + U_N * params.R_N_star * (-np.expm1(-R / params.R_N_star))


def data_constrained_loss(N, D, U, params: DataConstrainedParams = MUENNIGHOFF) -> np.ndarray:
    """Muennighoff et al.'s loss (nats/token) for N parameters trained on D tokens of which U are unique.

    Parameters
    ----------
    N : array_like
        Parameters (positive).
    D : array_like
        Tokens trained on (positive, >= U).
    U : array_like
        Unique tokens (positive).
    params : DataConstrainedParams
        Constants; the published ones by default.

    Raises
    ------
    ValueError
        If a size is non-positive or NaN, if U > D, or if the shapes do not broadcast.
    """
    N, D, U = _check_NDU(N, D, U)
    Dp = effective_data(D, U, params.R_D_star)
    Np = effective_params(N, U, params)
    return params.E + params.A / Np**params.alpha + params.B / Dp**params.beta


@dataclass(frozen=True)
class DecayRefit:
    """Refit of R_D* and R_N* on the 182 runs, the other constants held at the published values.

    Attributes
    ----------
    R_D_star, R_N_star : float
        Best fit over all starting points.
    objective : float
        Its Huber objective (sum over runs, delta = 1e-3, on log loss).
    near_published : tuple of float
        The local optimum reached from the published values.
    near_published_objective : float
    optima : pandas.DataFrame
        Every distinct local optimum (R_D_star, R_N_star, objective).
    median_abs_error : float
        Median |predicted/observed - 1| of the loss with the best fit.
    n_runs : int
    """

    R_D_star: float
    R_N_star: float
    objective: float
    near_published: tuple[float, float]
    near_published_objective: float
    optima: pd.DataFrame
    median_abs_error: float
    n_runs: int




def _log_residuals(log_r, runs: pd.DataFrame, base: DataConstrainedParams) -> np.ndarray:
    p = replace(base, R_D_star=float(np.exp(log_r[0])), R_N_star=float(np.exp(log_r[1])))
    pred = data_constrained_loss(runs["N"].to_numpy(), runs["D"].to_numpy(), runs["U"].to_numpy(), p)
    return np.log(pred) - np.log(runs["loss"].to_numpy())


def _fit_from(start, runs, base) -> tuple[np.ndarray, float]:
    sol = optimize.least_squares(_log_residuals, np.log(start), args=(runs, base), loss="huber",
                                 f_scale=HUBER_DELTA, bounds=(np.log(0.1), np.log(1e4)))
    return np.exp(sol.x), float(huber(_log_residuals(sol.x, runs, base)).sum())


@lru_cache(maxsize=4)
def refit_decay_constants(starts: tuple[tuple[float, float], ...] = ((2, 1), (2, 5), (5, 20), (15, 1), (40, 5), (40, 20)),
                          base: DataConstrainedParams = MUENNIGHOFF) -> DecayRefit:
    """Refit R_D* and R_N* to the 182 runs (Huber loss on log loss, as the paper), from several starts.

    Takes well under a second: each start is a two-parameter robust least-squares fit.
    """
    runs = load_datablations_runs()
    found = []
    for start in starts:
        x, obj = _fit_from(np.asarray(start, dtype=float), runs, base)
        found.append((float(x[0]), float(x[1]), obj))
    near, near_obj = _fit_from(np.array([base.R_D_star, base.R_N_star]), runs, base)
    found.append((float(near[0]), float(near[1]), near_obj))
    optima = (pd.DataFrame(found, columns=["R_D_star", "R_N_star", "objective"])
              .assign(key=lambda f: f["R_D_star"].round(0))
              .sort_values("objective").drop_duplicates("key").drop(columns="key").reset_index(drop=True))
    best = optima.iloc[0]
    p = replace(base, R_D_star=float(best["R_D_star"]), R_N_star=float(best["R_N_star"]))
    pred = data_constrained_loss(runs["N"].to_numpy(), runs["D"].to_numpy(), runs["U"].to_numpy(), p)
    mae = float(np.median(np.abs(pred / runs["loss"].to_numpy() - 1)))
    return DecayRefit(float(best["R_D_star"]), float(best["R_N_star"]), float(best["objective"]),
                      (float(near[0]), float(near[1])), near_obj, optima, mae, len(runs))


@lru_cache(maxsize=2)
def refit_all_constants(base: DataConstrainedParams = MUENNIGHOFF) -> tuple[DataConstrainedParams, float]:
    """Refit all seven constants (alpha = beta, as published) to the 182 runs; returns the constants and
    the median |predicted/observed - 1|. Six starting points; about half a second."""
    runs = load_datablations_runs()
    N, D, U, L = (runs[c].to_numpy() for c in ("N", "D", "U", "loss"))

    def unpack(p):
        return replace(base, A=float(np.exp(p[0])), B=float(np.exp(p[1])), E=float(np.exp(p[2])), alpha=float(p[3]),
                       beta=float(p[3]), R_D_star=float(np.exp(p[4])), R_N_star=float(np.exp(p[5])))

    def resid(p):
        return np.log(data_constrained_loss(N, D, U, unpack(p))) - np.log(L)

    lower = [0.0, 0.0, np.log(0.1), 0.05, np.log(0.5), np.log(0.5)]
    upper = [20.0, 20.0, np.log(3.0), 1.0, np.log(1e3), np.log(1e3)]
    best = None
    for e0 in (0.5, 1.5):
        for a0 in (0.2, 0.35, 0.5):
            x0 = [np.log(base.A), np.log(base.B), np.log(e0), a0, np.log(base.R_D_star), np.log(base.R_N_star)]
            sol = optimize.least_squares(resid, x0, loss="huber", f_scale=HUBER_DELTA, bounds=(lower, upper))
            if best is None or sol.cost < best.cost:
                best = sol
    return unpack(best.x), float(np.median(np.abs(np.exp(resid(best.x)) - 1)))


def refit_profile(R_D_grid=None, base: DataConstrainedParams = MUENNIGHOFF) -> pd.DataFrame:
    """Profile of the refit objective: for each R_D* on a grid, the best R_N* and the Huber objective."""
    grid = np.geomspace(3, 300, 25) if R_D_grid is None else require_positive("R_D_grid", R_D_grid)
    runs = load_datablations_runs()
    rows = []
    for r_d in np.ravel(grid):
        f = lambda log_rn: float(huber(_log_residuals([np.log(r_d), log_rn], runs, base)).sum())  # noqa: E731
        sol = optimize.minimize_scalar(f, bounds=(np.log(0.1), np.log(1e3)), method="bounded")
        rows.append({"R_D_star": float(r_d), "R_N_star": float(np.exp(sol.x)), "objective": float(sol.fun)})
    return pd.DataFrame(rows)


def runs_median_abs_error(params: DataConstrainedParams = MUENNIGHOFF) -> float:
    """Median over the 182 runs of |predicted / observed - 1| of the validation loss (a fraction)."""
    runs = load_datablations_runs()
    pred = data_constrained_loss(runs["N"].to_numpy(), runs["D"].to_numpy(), runs["U"].to_numpy(), params)
    return float(np.median(np.abs(pred / runs["loss"].to_numpy() - 1)))


# --- What repetition buys -------------------------------------------------------------------------

def epoch_value(k, R_D_star: float = MUENNIGHOFF.R_D_star) -> np.ndarray:
    """Value of the k-th pass over the same data, as a fraction of a pass over fresh data.

    The k-th epoch adds D'(k) - D'(k-1) effective tokens per unique token; a fresh epoch adds 1.
    Epoch 1 is worth exactly 1.
    """
    k = require_finite("k", k)
    if np.any(k < 1):
        raise ValueError(f"k must be at least 1 (the first epoch); got {k}")
    if np.any(k != np.round(k)):
        raise ValueError(f"k must be whole epoch numbers; got {k}")
    r = float(require_positive("R_D_star", R_D_star))
    D_k = 1 + r * (-np.expm1(-(k - 1) / r))
    D_prev = np.where(k >= 2, 1 + r * (-np.expm1(-(k - 2) / r)), 0.0)
    return D_k - D_prev


@dataclass(frozen=True)
class EpochGains:
    """Loss bought by epoch k of repeated data versus the same tokens of fresh data.

    Attributes
    ----------
    epochs : ndarray
        The epoch numbers k.
    repeated_gain : ndarray
        Loss removed by epoch k when the k-th pass repeats the same U tokens (nats/token).
    fresh_gain : ndarray
        Loss removed by the same number of new tokens instead (nats/token).
    ratio : ndarray
        repeated_gain / fresh_gain.
    """

    epochs: np.ndarray
    repeated_gain: np.ndarray
    fresh_gain: np.ndarray
    ratio: np.ndarray


def epoch_gains(N: float, U: float, epochs=(2, 4, 16, 40), params: DataConstrainedParams = MUENNIGHOFF) -> EpochGains:
    """Loss removed by the k-th epoch for a model of N parameters on U unique tokens.

    Parameters
    ----------
    N : float
        Parameters.
    U : float
        Unique tokens.
    epochs : sequence of int
        Epoch numbers k >= 2.
    """
    N = float(require_positive("N", N))
    U = float(require_positive("U", U))
    k = require_finite("epochs", epochs)
    if np.any(k < 2):
        raise ValueError(f"epochs must all be at least 2; got {k}")
    before = data_constrained_loss(N, (k - 1) * U, U, params)
    repeated = before - data_constrained_loss(N, k * U, U, params)
    fresh_before = data_constrained_loss(N, (k - 1) * U, (k - 1) * U, params)
    fresh = fresh_before - data_constrained_loss(N, k * U, k * U, params)
    return EpochGains(k, repeated, fresh, repeated / fresh)


# --- Loss against compute when unique data is capped ----------------------------------------------

@dataclass(frozen=True)
class CappedFrontier:
    """Compute-optimal loss when at most ``unique_cap`` unique tokens exist.

    Attributes
    ----------
    compute : ndarray
        Training compute (FLOP), C = 6 N D.
    loss : ndarray
        Lowest loss over model sizes at each compute (nats/token).
    N, D : ndarray
        The optimal parameters and trained tokens.
    local_exponent : ndarray
        -d ln(L - E) / d ln C: the scaling exponent of the reducible loss at each compute.
    unique_cap : float
        The cap (tokens); inf for unlimited data.
    """

    compute: np.ndarray
    loss: np.ndarray
    N: np.ndarray
    D: np.ndarray
    local_exponent: np.ndarray
    unique_cap: float


def capped_frontier(unique_cap: float, compute=None, params: DataConstrainedParams = MUENNIGHOFF,
                    n_sizes: int = 600) -> CappedFrontier:
    """For each compute C, minimise the data-constrained loss over N with D = C / (6N) and
    U = min(D, unique_cap).

    Parameters
    ----------
    unique_cap : float
        Unique tokens available (positive; ``numpy.inf`` for unlimited data).
    compute : array_like, optional
        Compute grid (FLOP); default 1e20 to 1e32 in 0.1-decade steps.
    n_sizes : int
        Model sizes tried per compute (log-spaced).
    """
    cap = float(np.inf) if unique_cap == np.inf else float(require_positive("unique_cap", unique_cap))
    C = 10.0 ** np.arange(20, 32.001, 0.1) if compute is None else require_positive("compute", compute)
    C = np.ravel(C)
    n = require_int("n_sizes", n_sizes, minimum=50)
    # Sizes from 1e-4 to 1e2 times the unconstrained optimum sqrt(C/(6*20)) (a generous bracket).
    frac = np.geomspace(1e-4, 1e2, n)
    N = np.sqrt(C / 120.0)[:, None] * frac[None, :]
    D = C[:, None] / (6.0 * N)
    U = np.minimum(D, cap)
    L = data_constrained_loss(N, D, U, params)
    j = np.argmin(L, axis=1)
    rows = np.arange(len(C))
    best_L, best_N, best_D = L[rows, j], N[rows, j], D[rows, j]
    exponent = -np.gradient(np.log(best_L - params.E), np.log(C))
    return CappedFrontier(C, best_L, best_N, best_D, exponent, cap)


def compute_at_exponent_fraction(unique_cap: float, fraction: float = 0.5,
                                 params: DataConstrainedParams = MUENNIGHOFF) -> float:
    """Smallest compute (FLOP) at which the capped frontier's local exponent falls below ``fraction``
    of the unlimited-data exponent at the same compute; inf if not within the grid (to 1e32 FLOP)."""
    frac = float(require_in_range("fraction", fraction, 0.0, 1.0, inclusive=False))
    capped = capped_frontier(unique_cap, params=params)
    free = capped_frontier(np.inf, compute=capped.compute, params=params)
    below = capped.local_exponent < frac * free.local_exponent
    return float(capped.compute[np.argmax(below)]) if below.any() else float("inf")


# --- Equal gains, growing data --------------------------------------------------------------------

def data_multiples_for_equal_steps(step: float, n_steps: int, D0: float = 1e12,
                                   params: DataConstrainedParams = MUENNIGHOFF) -> np.ndarray:
    """Data multiples that buy successive equal loss reductions ``step`` (nats/token), starting at D0
    tokens, with fresh data and a compute-optimal model (N = optimal size for D).

    Returns an array of ``n_steps`` multiples; ``inf`` once the loss would go below the floor E.
    """
    step = float(require_positive("step", step))
    n = require_int("n_steps", n_steps, minimum=1)
    D0 = float(require_positive("D0", D0))

    def loss(D):
        return float(data_constrained_loss(optimal_params_for_tokens(D, params), D, D, params))

    out, D, target = [], D0, loss(D0)
    for _ in range(n):
        target -= step
        if target <= params.E + 1e-9:
            out.append(np.inf)
            continue
        # loss(D) decreases in D; find log D where it equals the target (bracket up to 1e60 tokens).
        hi = np.log(1e60)
        if loss(np.exp(hi)) > target:
            out.append(np.inf)
            continue
        log_new = optimize.brentq(lambda x: loss(np.exp(x)) - target, np.log(D), hi, xtol=1e-10)
        out.append(np.exp(log_new) / D)
        D = float(np.exp(log_new))
    return np.array(out)


# --- Charts ---------------------------------------------------------------------------------------

def stock_chart(samples: StockSamples, seed_range=SEED004_STOCK_RANGE, published: VillalobosPublished = VILLALOBOS) -> alt.LayerChart:
    """Histograms of log10 tokens of the three stages of the stock, with the seed's range and the
    published 90 % interval of the effective stock."""
    labels = {"raw": "indexed web (raw)", "quality": "after quality filter", "effective": "with repetition (effective)"}
    bins = np.arange(12.5, 17.01, 0.1)
    rows = []
    for stage, label in labels.items():
        counts, edges = np.histogram(np.log10(getattr(samples, stage)), bins=bins)
        rows.append(pd.DataFrame({"stage": label, "log10_lo": edges[:-1], "log10_hi": edges[1:],
                                  "share": counts / counts.sum()}))
    hist = pd.concat(rows)
    bands = pd.DataFrame([
        {"what": "seed 004's range", "lo": np.log10(seed_range[0]), "hi": np.log10(seed_range[1])},
        {"what": "Villalobos et al. 90% (effective)", "lo": np.log10(published.stock_low_tokens),
         "hi": np.log10(published.stock_high_tokens)},
    ])
    band = alt.Chart(bands).mark_rect(opacity=0.13).encode(
        x="lo:Q", x2="hi:Q", color=alt.Color("what:N", title="published ranges",
                                             scale=alt.Scale(range=["#CC79A7", "#000000"])),
        tooltip=["what:N", alt.Tooltip("lo:Q", format=".2f", title="log10 low"),
                 alt.Tooltip("hi:Q", format=".2f", title="log10 high")])
    bars = alt.Chart(hist).mark_area(opacity=0.55, interpolate="step").encode(
        x=alt.X("log10_lo:Q", title="stock of text, log10 tokens (14 = 100 trillion, 16 = 10 quadrillion)",
                scale=alt.Scale(domain=[12.5, 17])),
        y=alt.Y("share:Q", title="share of Monte-Carlo draws", stack=None),
        fill=alt.Fill("stage:N", title="stage", scale=alt.Scale(range=["#0072B2", "#E69F00", "#009E73"])),
        tooltip=["stage:N", alt.Tooltip("log10_lo:Q", format=".1f", title="log10 tokens from"),
                 alt.Tooltip("share:Q", format=".1%")])
    return alt.layer(band, bars).resolve_scale(color="independent").properties(
        title=alt.Title("How much human text is there? Monte Carlo from Villalobos et al.'s input ranges",
                        subtitle="shaded: the seed's 400 T - 20 quadrillion and the paper's 100 T - 1,000 T effective stock"))


def dataset_projection_chart(trend: DatasetTrend, samples: StockSamples, projection: ExhaustionProjection,
                             end_year: int = 2040) -> alt.LayerChart:
    """Training-set sizes (tokens) over time, the trend's projection of the largest run, and the stock band."""
    frame = load_dataset_sizes()
    years = np.arange(2024, end_year + 0.01, 0.25)
    rng = np.random.default_rng(samples.seed + 2)
    g = rng.choice(trend.boot_growth, 4000)
    d0 = VILLALOBOS_INPUTS.largest_dataset_2024.sample(rng, 4000)
    idx = rng.integers(0, len(samples.effective), 4000)
    proj, stock = [], []
    for y in years:
        ds = d0 * g ** (y - 2024)
        st = samples.effective[idx] * samples.stock_growth[idx] ** (y - 2024)
        proj.append({"year": y, "lo": np.percentile(ds, 10), "mid": np.median(ds), "hi": np.percentile(ds, 90)})
        stock.append({"year": y, "lo": np.percentile(st, 10), "mid": np.median(st), "hi": np.percentile(st, 90)})
    proj, stock = pd.DataFrame(proj), pd.DataFrame(stock)
    y_scale = alt.Scale(type="log", domain=[1e8, 1e17])
    x = alt.X("year:Q", title="year", scale=alt.Scale(domain=[2010, end_year]), axis=alt.Axis(format="d"))
    pts = alt.Chart(frame).mark_point(color="#555555", opacity=0.6).encode(
        x=x, y=alt.Y("tokens:Q", scale=y_scale, title="tokens"),
        tooltip=["system:N", alt.Tooltip("date:T", format="%Y-%m"), alt.Tooltip("tokens:Q", format=".2s")])
    p_band = alt.Chart(proj).mark_area(opacity=0.2, color="#0072B2").encode(x=x, y=alt.Y("lo:Q", scale=y_scale), y2="hi:Q")
    p_line = alt.Chart(proj).mark_line(color="#0072B2").encode(
        x=x, y=alt.Y("mid:Q", scale=y_scale),
        tooltip=[alt.Tooltip("year:Q", format=".2f"), alt.Tooltip("mid:Q", format=".2s", title="largest run (median)")])
    s_band = alt.Chart(stock).mark_area(opacity=0.2, color="#009E73").encode(x=x, y=alt.Y("lo:Q", scale=y_scale), y2="hi:Q")
    s_line = alt.Chart(stock).mark_line(color="#009E73", strokeDash=[5, 3]).encode(
        x=x, y=alt.Y("mid:Q", scale=y_scale),
        tooltip=[alt.Tooltip("year:Q", format=".2f"), alt.Tooltip("mid:Q", format=".2s", title="effective stock (median)")])
    marks = pd.DataFrame({"year": [projection.low, projection.median, projection.high],
                          "what": ["10th percentile", "median", "90th percentile"]})
    rules = alt.Chart(marks).mark_rule(color="#D55E00", strokeDash=[2, 2]).encode(
        x="year:Q", tooltip=["what:N", alt.Tooltip("year:Q", format=".1f", title="exhaustion year")])
    return alt.layer(pts, p_band, p_line, s_band, s_line, rules).properties(
        title=alt.Title("Training sets grow faster than the stock of text",
                        subtitle="grey: models (tokens); blue: trend projection of the largest run (10-90%); "
                                 "green: effective stock (10-90%); orange: exhaustion year"))


def exhaustion_chart(projection: ExhaustionProjection, published: VillalobosPublished = VILLALOBOS) -> alt.LayerChart:
    """Histogram of the projected exhaustion year with the published interval shaded."""
    finite = projection.years[np.isfinite(projection.years)]
    bins = np.arange(2020, 2046, 0.5)
    counts, edges = np.histogram(np.clip(finite, 2020, 2045.99), bins=bins)
    hist = pd.DataFrame({"year": edges[:-1], "share": counts / len(projection.years)})
    pub = pd.DataFrame([{"lo": published.exhaustion_low_year, "hi": published.exhaustion_high_year,
                         "what": f"Villalobos et al. {published.exhaustion_level:.0%} interval"}])
    band = alt.Chart(pub).mark_rect(opacity=0.15, color="#000000").encode(x="lo:Q", x2="hi:Q", tooltip=["what:N", "lo:Q", "hi:Q"])
    bars = alt.Chart(hist).mark_bar(color="#D55E00", opacity=0.8).encode(
        x=alt.X("year:Q", title="year the largest training run uses the whole effective stock", bin="binned",
                axis=alt.Axis(format="d")),
        x2="year_end:Q",
        y=alt.Y("share:Q", title="share of Monte-Carlo draws", axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("year:Q", format=".1f"), alt.Tooltip("share:Q", format=".1%")],
    ).transform_calculate(year_end="datum.year + 0.5")
    return alt.layer(band, bars).properties(
        title=alt.Title("When does the data run out? (historical trend only)",
                        subtitle="grey band: the published 2026-2032; bars: this chapter's Monte Carlo"))


def fit_chart(refit: DecayRefit) -> alt.Chart:
    """Predicted against observed validation loss for the 182 runs, coloured by epochs."""
    runs = load_datablations_runs()
    p = replace(MUENNIGHOFF, R_D_star=refit.R_D_star, R_N_star=refit.R_N_star)
    runs["predicted"] = data_constrained_loss(runs["N"].to_numpy(), runs["D"].to_numpy(), runs["U"].to_numpy(), p)
    line = pd.DataFrame({"loss": [2.2, 8.5], "predicted": [2.2, 8.5]})
    diag = alt.Chart(line).mark_line(color="#888888", strokeDash=[4, 4]).encode(x="loss:Q", y="predicted:Q")
    pts = alt.Chart(runs).mark_point(filled=True, opacity=0.75).encode(
        x=alt.X("loss:Q", scale=alt.Scale(type="log"), title="observed validation loss (nats/token)"),
        y=alt.Y("predicted:Q", scale=alt.Scale(type="log"), title="law's prediction (nats/token)"),
        color=alt.Color("epochs:Q", scale=alt.Scale(type="log", scheme="viridis"), title="epochs D/U"),
        tooltip=["run_name:N", alt.Tooltip("N:Q", format=".3s"), alt.Tooltip("D:Q", format=".3s"),
                 alt.Tooltip("U:Q", format=".3s"), alt.Tooltip("epochs:Q", format=".1f"),
                 alt.Tooltip("loss:Q", format=".3f"), alt.Tooltip("predicted:Q", format=".3f")])
    return (diag + pts).properties(title=alt.Title("The data-constrained law on Muennighoff et al.'s 182 runs",
                                                   subtitle="dashed: perfect prediction; refitted R_D*, R_N*"))


def profile_chart(profile: pd.DataFrame, published: DataConstrainedParams = MUENNIGHOFF) -> alt.LayerChart:
    """Huber objective of the refit against R_D* (R_N* re-optimised at each point)."""
    base = profile.assign(excess=profile["objective"] / profile["objective"].min() - 1)
    line = alt.Chart(base).mark_line(point=True).encode(
        x=alt.X("R_D_star:Q", scale=alt.Scale(type="log"), title="R_D* (repetitions)"),
        y=alt.Y("excess:Q", title="objective above its minimum (fraction)", axis=alt.Axis(format=".1%")),
        tooltip=[alt.Tooltip("R_D_star:Q", format=".1f"), alt.Tooltip("R_N_star:Q", format=".2f"),
                 alt.Tooltip("excess:Q", format=".2%")])
    rule = alt.Chart(pd.DataFrame({"R_D_star": [published.R_D_star]})).mark_rule(color="#D55E00").encode(
        x="R_D_star:Q", tooltip=[alt.Tooltip("R_D_star:Q", title="published R_D*")])
    return (line + rule).properties(title=alt.Title("How firmly do 182 runs pin down R_D*?",
                                                    subtitle="orange: the published value; a flat curve means a weakly identified constant"))


def epoch_value_explorer(max_epoch: int = 60, R_D_star: float = MUENNIGHOFF.R_D_star) -> alt.Chart:
    """Interactive chart: value of the k-th epoch relative to fresh data, with a slider for R_D*."""
    r = alt.param(name="R_D_star", value=round(R_D_star, 1),
                  bind=alt.binding_range(min=1, max=100, step=0.5, name="R_D* (repetitions) "))
    frame = pd.DataFrame({"k": np.arange(1, max_epoch + 1)})
    return alt.Chart(frame).transform_calculate(
        value="datum.k == 1 ? 1 : exp(-(datum.k - 2) / R_D_star) * (1 - exp(-1 / R_D_star)) * R_D_star",
        cumulative="1 + R_D_star * (1 - exp(-(datum.k - 1) / R_D_star))",
    ).mark_line(point=True, color="#0072B2").encode(
        x=alt.X("k:Q", title="epoch k (passes over the same data)"),
        y=alt.Y("value:Q", title="worth of epoch k vs. fresh data (fraction)", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1.05])),
        tooltip=["k:Q", alt.Tooltip("value:Q", format=".1%", title="worth of this epoch"),
                 alt.Tooltip("cumulative:Q", format=".2f", title="effective epochs so far")],
    ).add_params(r).properties(title=alt.Title("What the k-th repetition is worth",
                                               subtitle="slide R_D*: the published fit is ~15; from epoch 2 on, each is worth exp(-1/R_D*) of the one before"))


def capped_frontier_explorer(caps_log10=np.arange(12.0, 16.01, 0.5), params: DataConstrainedParams = MUENNIGHOFF) -> alt.LayerChart:
    """Interactive chart: compute-optimal loss and its local exponent against compute, with a slider
    for log10 of the unique-token cap; the unlimited-data curve is the reference."""
    rows = []
    free = capped_frontier(np.inf, params=params)
    for c in caps_log10:
        f = capped_frontier(10.0**c, params=params)
        rows.append(pd.DataFrame({"compute": f.compute, "loss": f.loss, "exponent": f.local_exponent,
                                  "cap": float(c), "kind": "capped"}))
    frame = pd.concat(rows)
    ref = pd.DataFrame({"compute": free.compute, "loss": free.loss, "exponent": free.local_exponent, "kind": "unlimited"})
    cap = alt.param(name="log10_cap", value=14.0,
                    bind=alt.binding_range(min=float(caps_log10[0]), max=float(caps_log10[-1]), step=0.5,
                                           name="unique tokens available, log10 "))
    x = alt.X("compute:Q", scale=alt.Scale(type="log"), title="training compute C (FLOP)", axis=alt.Axis(format=".0e"))
    tips = [alt.Tooltip("compute:Q", format=".1e"), alt.Tooltip("loss:Q", format=".3f"),
            alt.Tooltip("exponent:Q", format=".3f", title="local exponent")]
    top_ref = alt.Chart(ref).mark_line(color="#888888", strokeDash=[4, 4]).encode(
        x=x, y=alt.Y("loss:Q", title="compute-optimal loss (nats/token)", scale=alt.Scale(zero=False)), tooltip=tips)
    top = alt.Chart(frame).mark_line(color="#0072B2").encode(x=x, y="loss:Q", tooltip=tips).transform_filter(
        "datum.cap == log10_cap").add_params(cap)
    bottom_ref = alt.Chart(ref).mark_line(color="#888888", strokeDash=[4, 4]).encode(
        x=x, y=alt.Y("exponent:Q", title="local exponent of reducible loss"), tooltip=tips)
    bottom = alt.Chart(frame).mark_line(color="#D55E00").encode(x=x, y="exponent:Q", tooltip=tips).transform_filter(
        "datum.cap == log10_cap")
    return alt.vconcat((top_ref + top).properties(height=220), (bottom_ref + bottom).properties(height=160)).properties(
        title=alt.Title("Cap the unique data and the exponent shrinks",
                        subtitle="dashed grey: unlimited fresh data; coloured: at most 10^slider unique tokens, repeated as needed"))


# --- Claims ---------------------------------------------------------------------------------------

def _pct(v, q):
    return float(np.percentile(v, q))


def _claim_stock_range() -> Assessment:
    s = sample_stock()
    lo, hi = _pct(s.raw, 5), _pct(s.raw, 95)
    seed_lo, seed_hi = SEED004_STOCK_RANGE
    lower_ok = bool(lo <= seed_lo <= hi)
    upper_ok = bool(lo <= seed_hi <= hi)
    ev = (f"The indexed web holds {np.median(s.raw) / 1e12:.0f} T tokens (90% {lo / 1e12:.0f}-{hi / 1e12:.0f} T) "
          f"under Villalobos et al.'s inputs: the seed's 400 T lower end is inside, but 20 quadrillion is "
          f"{seed_hi / hi:.0f}x the 95th percentile; after quality filtering and repetition the usable stock is "
          f"{np.median(s.effective) / 1e12:.0f} T, below the seed's lower end.")
    return Assessment(judge([lower_ok, upper_ok]), ev)


def largest_dataset_in_data() -> tuple[str, float, float]:
    """(system, decimal year, tokens) of the largest training set in Villalobos et al.'s file."""
    frame = load_dataset_sizes()
    row = frame.loc[frame["tokens"].idxmax()]
    return str(row["system"]), float(row["year"]), float(row["tokens"])


def largest_compute_in_data() -> tuple[str, float]:
    """(system, FLOP) of the largest training compute in Villalobos et al.'s file (``comp`` column)."""
    frame = load_dataset_sizes()
    row = frame.loc[frame["comp"].idxmax()]
    return str(row["system"]), float(row["comp"])


def share_of_draws_over_half_stock(years_after_2024: float = 1.0, seed: int = 0) -> float:
    """Share of Monte-Carlo draws in which the trend's largest training set, ``years_after_2024`` after
    2024.0, is at least half the quality-filtered stock of that year (stock, 2024 largest set and
    trend multiplier drawn independently)."""
    t = float(require_finite("years_after_2024", years_after_2024))
    s = sample_stock(seed=require_int("seed", seed, minimum=0))
    rng = np.random.default_rng(seed + 3)
    d = (VILLALOBOS_INPUTS.largest_dataset_2024.sample(rng, len(s.quality))
         * rng.choice(dataset_trend().boot_growth, len(s.quality)) ** t)
    return float(np.mean(d >= 0.5 * s.quality * s.stock_growth**t))


def _claim_most_used() -> Assessment:
    s = sample_stock()
    q = float(np.median(s.quality))
    name, year, tokens = largest_dataset_in_data()
    trend = dataset_trend()
    d2025 = VILLALOBOS_INPUTS.largest_dataset_2024.median * trend.growth_per_year
    share_data, share_2025 = tokens / q, d2025 / q
    p_2025 = share_of_draws_over_half_stock(1.0)
    ev = (f"The largest training set in the data ({name}, {int(year)}: {tokens / 1e12:.1f} T tokens) is "
          f"{share_data:.0%} of the median quality-filtered stock ({q / 1e12:.0f} T); the trend's largest set for 2025 "
          f"({d2025 / 1e12:.0f} T) would be {share_2025:.0%} of it, not most of it (at least half of it in only "
          f"{p_2025:.0%} of the Monte-Carlo draws).")
    return Assessment(judge([share_data >= 0.5, share_2025 >= 0.5]), ev)


def _claim_exponential_data() -> Assessment:
    step = 0.05
    mult = data_multiples_for_equal_steps(step, 6)
    refitted, _ = refit_all_constants()
    mult_refit = data_multiples_for_equal_steps(step, 6, params=refitted)

    def growing(m):
        f = m[np.isfinite(m)]
        return bool(f.size >= 2 and np.all(f > 1) and np.all(np.diff(f) > 0))

    n_fin = int(np.isfinite(mult).sum())
    floor = (f"and step {n_fin + 1} would cross the irreducible floor" if n_fin < len(mult)
             else f"and so on for all {len(mult)} steps")
    ev = (f"Under Muennighoff et al.'s law, each further {step} nats/token from 1e12 fresh tokens needs "
          f"{', '.join(f'{m:.3g}x' for m in mult[:3])} more data, {floor}; with all seven constants refitted "
          f"to the 182 runs, {', '.join(f'{m:.3g}x' for m in mult_refit[:3])}: growing multiples, i.e. at least "
          f"exponentially more data per equal gain.")
    return Assessment(judge([growing(mult), growing(mult_refit)]), ev)


def _claim_exponent_shrinks() -> Assessment:
    s = sample_stock()
    cap = float(np.median(s.quality))
    c_half = compute_at_exponent_fraction(cap, 0.5)
    _, c_now = largest_compute_in_data()
    capped = capped_frontier(cap, compute=np.array([c_now / 1.26, c_now, c_now * 1.26]))
    free = capped_frontier(np.inf, compute=capped.compute)
    ratio_now = float(capped.local_exponent[1] / free.local_exponent[1])
    shrinks = bool(np.isfinite(c_half))
    already = bool(ratio_now < 0.9)
    ev = (f"With unique data capped at the median quality-filtered stock ({cap / 1e12:.0f} T tokens), the law's "
          f"compute exponent does fall, to half its unlimited-data value at {c_half:.0e} FLOP; at the largest "
          f"compute in the data ({c_now:.1e} FLOP) it is still {ratio_now:.0%} of it.")
    return Assessment(judge([shrinks, already]), ev)


CLAIMS = (
    Claim("DW-1", "004_2bd2b9b8142f26cf.txt", "data-wall", "dw-claim-stock",
          "The internet holds somewhere between 400 trillion and 20 quadrillion tokens of text.",
          "400 T to 20 quadrillion tokens", _claim_stock_range),
    Claim("DW-2", "004_2bd2b9b8142f26cf.txt", "data-wall", "dw-claim-used",
          "The leading models have already consumed the bulk of the good human-written text there is.",
          "most high-quality text already used", _claim_most_used),
    Claim("DW-3", "004_2bd2b9b8142f26cf.txt", "data-wall", "dw-claim-exponential",
          "Each linear gain in performance needs exponentially more training data.",
          "exponential data for linear gains", _claim_exponential_data),
    Claim("DW-4", "001_18bebb09c70390f4.txt", "data-wall", "dw-claim-exponent",
          "The scaling exponent is not fixed: it shrinks as high-quality data runs out, so the curve flattens.",
          "the exponent shrinks as data runs out", _claim_exponent_shrinks),
)
