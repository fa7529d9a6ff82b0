"""The stock of human text and when training sets reach it (Villalobos et al. 2024, ``villalobos2024data``).

Units: tokens for every data quantity, calendar years (decimal) for dates, FLOP for compute. Paper
constants are kept here once, with their citation; the notebook never types them. Part of the data-wall
chapter (its charts are in :mod:`analysis.datawall.charts`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import stats

from analysis.house.charts import si
from analysis.house.data import DatasetSpec, decimal_years, load_csv
from analysis.house.validation import (checked_cache, require_choice, require_finite, require_in_range, require_instance,
                                       require_int, require_number, require_positive, require_seed, require_vector)

# --- Data files ------------------------------------------------------------------------------------

DATASET_SIZES = DatasetSpec(
    filename="villalobos2024_dataset_sizes.csv",
    sha256="e2d19e6be9d4b0a79acef394cb4f63108bd62f95cbf20fc7c5ccdd15f1ef5106",
    columns={"system": "str", "category": "str", "date": "date", "comp": "float", "dataset": "float"},
    description="Villalobos et al. (2024): training-set sizes (words) of 80 language models, 2010-2023",
    n_rows=80,
    nullable=frozenset({"comp"}),
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
        """One row per input: name, low, median, high (as readable numbers: 75B, 6.1k, 1.04), interval
        level, unit, source."""
        return inputs_table(self)


VILLALOBOS_INPUTS = StockInputs()


def readable(value: float) -> str:
    """A number for a table cell or sentence in the book's format (:func:`analysis.house.charts.si`): 7.5e10 ->
    '75B', 6100 -> '6.1k', 1.04 -> '1.04', 3e15 -> '3e15'; never Python's raw '7.5e+10'."""
    return si(float(require_finite("value", value)))


def inputs_table(inputs) -> pd.DataFrame:
    """The ranges of a dataclass of :class:`Range` fields as a table of readable numbers."""
    fields = getattr(inputs, "__dataclass_fields__", {})
    if isinstance(inputs, type) or not any(isinstance(getattr(inputs, n), Range) for n in fields):
        raise ValueError(f"inputs must be a dataclass of Range fields (e.g. StockInputs); got {inputs!r:.60}")
    rows = []
    for name in fields:
        r = getattr(inputs, name)
        if isinstance(r, Range):
            rows.append({"input": name.replace("_", " "), "low": readable(r.low), "median": readable(r.median),
                         "high": readable(r.high), "interval": f"{r.credibility:.0%}", "unit": r.unit,
                         "source": r.source})
    return pd.DataFrame(rows)


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

@dataclass(frozen=True)
class Villalobos2022Published:
    """Table 1 of the first version, Villalobos et al. (2022), "Will we run out of ML data? Evidence from
    projecting dataset size trends" (bibtex ``villalobos2022data``; Epoch AI's summary page of the paper):
    median exhaustion year of each stock under the historical projection (90 % interval in the table)."""

    low_quality_language_year: float = 2032.4
    high_quality_language_year: float = 2024.5
    image_year: float = 2046.0
    image_low_year: float = 2037.0
    image_high_year: float = 2062.8


VILLALOBOS_2022 = Villalobos2022Published()

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


@checked_cache(maxsize=8)
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
    n = require_int("n_samples", n_samples, minimum=100, maximum=10_000_000)
    require_instance("inputs", inputs, StockInputs)
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


@checked_cache(maxsize=16)
def dataset_trend(n_boot: int = 2000, seed: int = 0, level: float = 0.9, start_year: float = 2010.0) -> DatasetTrend:
    """Fit log10(tokens) = a + b (year - 2024) to the models after 2010 and resample the models.

    This is Villalobos et al.'s historical trend (their ``src/dataset_size_projections.py`` regresses
    log10 size on date and bootstraps 10,000 times). ``start_year`` drops the models published before it
    (a later window: 2015 or 2018, when today's kind of language model begins).
    """
    n_boot = require_int("n_boot", n_boot, minimum=10, maximum=100_000)
    seed = require_seed(seed)
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    start_year = float(require_in_range("start_year", start_year, 2010.0, 2023.0))
    frame = load_dataset_sizes()
    frame = frame[frame["year"] >= start_year]
    if len(frame) < 3:
        raise ValueError(f"start_year leaves {len(frame)} models; at least 3 are needed for a trend")
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
    start_year = require_number("start_year", start_year)
    s0, gs, d0, gd = np.broadcast_arrays(s0, gs, d0, gd)
    rate = np.log(gd) - np.log(gs)
    gap = np.log(s0) - np.log(d0)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(rate > 0, gap / np.where(rate > 0, rate, 1.0), np.where(gap <= 0, -np.inf, np.inf))
    return start_year + t


#: Epoch AI's published growth rate of language-model training sets: "datasets are growing at a rate of
#: 3x per year" (doubling about every eight months), Rahman & Owen, Epoch AI data insight "The size of
#: datasets used to train language models doubles approximately every eight months" (bibtex
#: ``epoch2024datasetsize``; the page has been revised as the database grew: its June 2024 version said
#: 3.7x and a later one 3.1x, so :data:`EPOCH_DATASET_GROWTH_RANGE` keeps the span of its versions).
EPOCH_DATASET_GROWTH = 3.0
EPOCH_DATASET_GROWTH_RANGE = (3.0, 3.7)

#: Where a projection starts: Villalobos et al.'s stated range for the largest 2024 training set, or the
#: largest training set in the Epoch AI snapshot (dated by its publication).
ANCHORS = ("villalobos2024", "epoch_largest")


@checked_cache(maxsize=16)
def project_exhaustion(n_samples: int = 20_000, seed: int = 0, level: float = 0.8,
                       largest_dataset_factor: float = 1.0, dataset_growth: float | None = None,
                       anchor: str = "villalobos2024") -> ExhaustionProjection:
    """Monte-Carlo projection of the year the largest training set meets the effective stock.

    Parameters
    ----------
    n_samples : int
        Draws of the stock (:func:`sample_stock`).
    seed : int
    level : float
        Central probability of the reported interval of the year.
    largest_dataset_factor : float
        Multiplies the starting largest training set (tokens); 1 keeps the anchor as it is. A value
        above 1 stands for labs that train on more tokens than the trend (e.g. over-trained models).
    dataset_growth : float or None
        Yearly multiplier of the largest training set. ``None`` draws it from the bootstrap of this
        chapter's fit (:func:`dataset_trend`); a number fixes it (e.g. :data:`EPOCH_DATASET_GROWTH`).
    anchor : str
        ``"villalobos2024"``: start in 2024.0 from Villalobos et al.'s range for the largest training set;
        ``"epoch_largest"``: start from the largest training set in the Epoch snapshot, at its date.
    """
    level = float(require_in_range("level", level, 0.0, 1.0, inclusive=False))
    factor = float(require_positive("largest_dataset_factor", largest_dataset_factor))
    if dataset_growth is not None:
        dataset_growth = float(require_in_range("dataset_growth", dataset_growth, 1.0, 100.0, inclusive=False))
    anchor = require_choice("anchor", anchor, ANCHORS)
    stock = sample_stock(n_samples, seed)
    n = len(stock.effective)
    rng = np.random.default_rng(seed + 1)
    growth = (rng.choice(dataset_trend().boot_growth, size=n) if dataset_growth is None
              else np.full(n, dataset_growth))
    if anchor == "villalobos2024":
        start, d0 = 2024.0, VILLALOBOS_INPUTS.largest_dataset_2024.sample(rng, n)
    else:
        top = current_comparators().largest_dataset
        start, d0 = top.year, np.full(n, top.value)
    s0 = stock.effective * stock.stock_growth ** (start - 2024.0)
    years = crossing_year(s0, stock.stock_growth, d0 * factor, growth, start_year=start)
    lo, med, hi = np.percentile(years, [50 * (1 - level), 50, 50 * (1 + level)], method="inverted_cdf")
    return ExhaustionProjection(years, float(med), float(lo), float(hi), level)


def exhaustion_sensitivity(growth=np.round(np.arange(1.8, 4.01, 0.1), 2), n_samples: int = 5_000, seed: int = 0,
                           anchor: str = "villalobos2024") -> pd.DataFrame:
    """Median and 10-90 % exhaustion year for each fixed yearly growth of the largest training set.

    Returns
    -------
    pandas.DataFrame
        Columns ``growth`` (x per year), ``median``, ``low``, ``high`` (calendar years).
    """
    g = require_in_range("growth", require_vector("growth", growth), 1.0, 100.0, inclusive=False)
    rows = []
    for value in np.ravel(g):
        p = project_exhaustion(n_samples, seed, 0.8, 1.0, float(value), anchor)
        rows.append({"growth": float(value), "median": p.median, "low": p.low, "high": p.high})
    project_exhaustion.cache_clear()  # the grid would otherwise evict the chapter's own projections
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class ExhaustionComparison:
    """The exhaustion year under this chapter's fitted growth and under Epoch AI's published rate.

    Attributes
    ----------
    fitted, published : ExhaustionProjection
    fitted_growth, published_growth : float
        The two yearly multipliers (the fitted one is the point estimate; the projection draws from
        its bootstrap).
    """

    fitted: ExhaustionProjection
    published: ExhaustionProjection
    fitted_growth: float
    published_growth: float

    @property
    def years_earlier(self) -> float:
        """How many years earlier the median falls under the published rate (positive: earlier)."""
        return self.fitted.median - self.published.median

    @property
    def years_per_doubling_time_pct(self) -> float:
        """Shift of the median year per 1 % change of the doubling time of the largest training set."""
        dt_fit, dt_pub = np.log(2) / np.log(self.fitted_growth), np.log(2) / np.log(self.published_growth)
        return float(self.years_earlier / (100 * (dt_fit / dt_pub - 1)))


def compare_growth_rates(n_samples: int = 20_000, seed: int = 0, largest_dataset_factor: float = 1.0,
                         anchor: str = "villalobos2024",
                         published_growth: float = EPOCH_DATASET_GROWTH) -> ExhaustionComparison:
    """Exhaustion year under the fitted trend and under a fixed published rate, same stock draws."""
    require_int("n_samples", n_samples, minimum=100, maximum=10_000_000)
    published_growth = float(require_in_range("published_growth", published_growth, 1.0, 100.0, inclusive=False))
    fitted = project_exhaustion(n_samples, seed, 0.8, largest_dataset_factor, None, anchor)
    published = project_exhaustion(n_samples, seed, 0.8, largest_dataset_factor, float(published_growth), anchor)
    return ExhaustionComparison(fitted, published, dataset_trend().growth_per_year, float(published_growth))


# --- Current comparators from the Epoch AI snapshot ------------------------------------------------

EPOCH_MODELS = DatasetSpec(
    filename="epoch_ai_models_snapshot_2025-06.csv",
    sha256="89e98ef2c51837d251e262ba2bba74b15d216d615f25429aab00fadcfce6ccd6",
    columns={"Model": "str", "Domain": "str", "Publication date": "date",
             "Training compute (FLOP)": "float", "Training dataset size (datapoints)": "float"},
    description="Epoch AI 'All ML Systems' snapshot of 2025-06 (epoch-research/training-cost-trends)",
    n_rows=1892,
    nullable=frozenset({"Domain", "Training compute (FLOP)", "Training dataset size (datapoints)"}),
)


def load_language_models() -> pd.DataFrame:
    """Language models of the Epoch AI snapshot (Domain mentions 'Language'), with ``year`` (decimal),
    ``tokens`` (training-set size; Epoch counts datapoints of language models in tokens: Qwen3's entry is
    the 36 T tokens of its report, Llama 3.1 405B's the 15.6 T of Meta's) and ``compute`` (FLOP)."""
    frame = load_csv(EPOCH_MODELS)
    lang = frame[frame["Domain"].fillna("").str.contains("Language")].copy()
    lang["year"] = decimal_years(lang["Publication date"])
    lang["tokens"] = lang["Training dataset size (datapoints)"]
    lang["compute"] = lang["Training compute (FLOP)"]
    return lang[["Model", "Publication date", "year", "tokens", "compute"]].reset_index(drop=True)


@dataclass(frozen=True)
class Comparator:
    """A dated record: the system, its publication date (decimal year and ISO date), the value and its unit."""

    system: str
    year: float
    value: float
    unit: str
    source: str
    date: str = ""


@dataclass(frozen=True)
class Comparators:
    """The largest training set and compute in each data file, so no chapter types them."""

    largest_dataset: Comparator
    largest_compute: Comparator
    largest_dataset_villalobos: Comparator
    largest_compute_villalobos: Comparator

    def table(self) -> pd.DataFrame:
        rows = []
        for name in self.__dataclass_fields__:
            c = getattr(self, name)
            rows.append({"what": name.replace("_", " "), "system": c.system, "date": c.date,
                         "value": si(c.value), "unit": c.unit, "source": c.source})
        return pd.DataFrame(rows)


def _top(frame: pd.DataFrame, column: str, unit: str, source: str, name_col: str = "Model",
         date_col: str = "Publication date") -> Comparator:
    ok = frame.dropna(subset=[column])
    top = ok[ok[column] == ok[column].max()].sort_values("year").iloc[0]  # ties: the earliest
    return Comparator(str(top[name_col]), float(top["year"]), float(top[column]), unit, source,
                      pd.Timestamp(top[date_col]).strftime("%Y-%m-%d"))


#: Which training set stands for "the leading models": the largest in the snapshot, or that of the model
#: with the most training compute among those whose training-set size is published.
FRONTIER_SETS = ("largest_set", "top_compute_set")


def frontier_dataset(kind: str = "largest_set") -> Comparator:
    """The training set of "the leading models" (Epoch snapshot), read as in :data:`FRONTIER_SETS`."""
    kind = require_choice("kind", kind, FRONTIER_SETS)
    if kind == "largest_set":
        return current_comparators().largest_dataset
    lang = load_language_models().dropna(subset=["tokens", "compute"])
    top = _top(lang, "compute", "FLOP", "Epoch AI models snapshot 2025-06")
    tokens = float(lang.loc[(lang["Model"] == top.system) & (lang["compute"] == top.value), "tokens"].iloc[0])
    return replace(top, value=tokens, unit="tokens")


@lru_cache(maxsize=1)
def current_comparators() -> Comparators:
    """Largest training set and largest training compute of language models in the Epoch AI snapshot
    (2025-06) and in Villalobos et al.'s file (to 2023)."""
    lang = load_language_models()
    vill = load_dataset_sizes()
    epoch = "Epoch AI models snapshot 2025-06"
    return Comparators(
        _top(lang, "tokens", "tokens", epoch), _top(lang, "compute", "FLOP", epoch),
        _top(vill, "tokens", "tokens", "Villalobos et al. (2024) file", name_col="system", date_col="date"),
        _top(vill, "comp", "FLOP", "Villalobos et al. (2024) file", name_col="system", date_col="date"))


def largest_dataset_by_year(first_year: int = 2018) -> pd.DataFrame:
    """The largest language-model training set published in each calendar year (Epoch snapshot)."""
    first_year = require_int("first_year", first_year, minimum=1950, maximum=2100)
    lang = load_language_models().dropna(subset=["tokens"])
    lang = lang[lang["year"] >= first_year].assign(calendar_year=lambda f: f["year"].astype(int))
    idx = lang.groupby("calendar_year")["tokens"].idxmax()
    return lang.loc[idx, ["calendar_year", "Model", "Publication date", "tokens"]].reset_index(drop=True)


# --- The narrow high-quality stock (Villalobos et al. 2022, v1) ------------------------------------

_V1_CODE = "Villalobos et al. (2022), code epoch-research/data-stock, v1/src/stocks/lang/high_quality.squiggle"


@dataclass(frozen=True)
class HighQualityInputs:
    """Inputs of the first version's narrow "high-quality" stock: digitised books, scientific papers and
    code, scaled up for the curated sources they leave out (Villalobos et al. 2022, ``villalobos2022data``,
    as coded in ``v1/src/stocks/lang/high_quality.squiggle``; each ``a to b`` there is a log-normal with
    a 90 % interval). Words in 2022; converted to tokens at :data:`TOKENS_PER_WORD`."""

    github_tb: Range = Range(21, 65, 0.90, "TB", _V1_CODE + " (GitHub Arctic Vault 21 TB; Software Heritage 65 TB)")
    source_code_fraction: Range = Range(0.05, 0.5, 0.90, "fraction", _V1_CODE + " (git history overhead)")
    papers: Range = Range(100e6, 170e6, 0.90, "papers", _V1_CODE)
    books_published_per_year: Range = Range(1e6, 3e6, 0.90, "books/yr", _V1_CODE)
    fraction_digitised: Range = Range(0.02, 0.2, 0.90, "fraction", _V1_CODE)
    digital_books_direct: Range = Range(10e6, 30e6, 0.90, "books", _V1_CODE + " (Kindle, Internet Archive)")
    fraction_represented: Range = Range(0.3, 0.5, 0.90, "fraction", _V1_CODE + " (share of all high-quality text)")
    economic_growth: Range = Range(1.02, 1.06, 0.90, "x per year", _V1_CODE)
    words_per_tb_code: float = 200e9
    words_per_paper: float = 30 * 200
    words_per_book: float = 100e3


V1_HIGH_QUALITY = HighQualityInputs()


@dataclass(frozen=True)
class HighQualityStock:
    """Draws of the narrow stock (tokens, 2022) and of its yearly growth."""

    tokens_2022: np.ndarray
    growth: np.ndarray

    def at(self, year: float) -> np.ndarray:
        """The stock in ``year`` (tokens), grown at each draw's rate."""
        return self.tokens_2022 * self.growth ** (float(year) - 2022.0)


@checked_cache(maxsize=4)
def sample_high_quality_stock(n_samples: int = 20_000, seed: int = 0,
                              inputs: HighQualityInputs = V1_HIGH_QUALITY) -> HighQualityStock:
    """Monte Carlo of the first version's high-quality stock, as its squiggle model computes it."""
    n = require_int("n_samples", n_samples, minimum=100, maximum=10_000_000)
    require_instance("inputs", inputs, HighQualityInputs)
    rng = np.random.default_rng(require_int("seed", seed, minimum=0) + 7)
    code = inputs.github_tb.sample(rng, n) * inputs.source_code_fraction.sample(rng, n) * inputs.words_per_tb_code
    papers = inputs.papers.sample(rng, n) * inputs.words_per_paper
    # The squiggle model divides by ln(growth); a log-normal draw at or below 1 (about 1 in 3,000) would
    # make the stock negative or explode, so growth is kept at 1 % a year or more.
    growth = np.clip(inputs.economic_growth.sample(rng, n), 1.01, None)
    indirect = inputs.books_published_per_year.sample(rng, n) * inputs.fraction_digitised.sample(rng, n) / np.log(growth)
    books = 0.5 * (inputs.digital_books_direct.sample(rng, n) + indirect) * inputs.words_per_book
    words = (code + papers + books) / inputs.fraction_represented.sample(rng, n)
    return HighQualityStock(words * TOKENS_PER_WORD, growth)


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

