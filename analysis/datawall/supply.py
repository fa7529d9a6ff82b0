"""What the usable stock of text looks like in practice (2024-26 evidence): Epoch AI's 2030 range read as
text plus other modalities, the training sets implied by the largest-compute runs, the share of raw web
text that real filtered corpora keep, and two inputs the 2024 stock model lacks (consent withdrawn by
robots.txt, and openly licensed text).

Units: tokens for text, FLOP for compute, shares in [0, 1]. Every published figure is read from the curated
file :data:`CURATED` (``analysis/data/curated_data_supply_synthetic_shares_2026-12.csv``), each row with its
citation and where it was checked (``status`` says whether at a stored copy or only in a secondary source).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from analysis.datawall import datastock as ds
from analysis.house.data import DatasetSpec, load_csv
from analysis.house.validation import (require_choice, require_in_range, require_int, require_positive, require_seed,
                                       require_vector)

CURATED = DatasetSpec(
    filename="curated_data_supply_synthetic_shares_2026-12.csv",
    sha256="1c0454a3f83b5e756545a31022c0c0eb82dcac4ab84f1f76de97cedf07bbdb9e",
    columns={"key": "str", "value": "float", "unit": "str", "quantity": "str", "bibkey": "str",
             "where_checked": "str", "status": "str"},
    description="Curated published figures on the text supply and on machine-written shares (issue 30)",
    n_rows=22,
)

#: Chinchilla's compute identity C = 6 N D: with D = r N tokens (r tokens per parameter), D = sqrt(C r / 6).
FLOP_PER_PARAM_TOKEN = 6.0
#: Tokens per parameter: 20 is the Chinchilla optimum (hoffmann2022training); 100 stands for the
#: over-trained models of 2024-25 (Llama 3 8B used about 1,900, Llama 3 405B about 37).
TOKENS_PER_PARAM_BOUNDS = (20.0, 100.0)
#: Readings of "the leading models' training set": the largest disclosed set, the disclosed set of the
#: model with the most compute among those that disclose one, or the set implied by the model with the
#: most compute of all (which discloses none) at the low or high tokens-per-parameter bound.
FRONTIER_READINGS = ds.FRONTIER_SETS + ("top_compute_implied_20", "top_compute_implied_100")


def figures() -> pd.Series:
    """The curated figures, ``key -> value`` (units in the file's ``unit`` column)."""
    frame = load_csv(CURATED)
    return frame.set_index("key")["value"].astype(float)


def load_status() -> pd.Series:
    """``key -> status`` of the curated figures: "checked" (read at a stored copy of the source) or "secondary"."""
    return load_csv(CURATED).set_index("key")["status"].astype(str)


def figure(key: str) -> float:
    """One curated figure by key (ValueError naming the key if it is not in the file)."""
    values = figures()
    if key not in values.index:
        raise ValueError(f"key must be one of the curated figures; got {key!r}")
    return float(values[key])


def implied_tokens(compute_flop, tokens_per_param) -> np.ndarray:
    """Training tokens implied by a compute budget at a fixed ratio of tokens to parameters.

    Parameters
    ----------
    compute_flop : array_like
        Training compute (FLOP, positive).
    tokens_per_param : array_like
        Tokens per parameter (positive).

    Returns
    -------
    ndarray
        ``sqrt(C r / 6)`` tokens (from C = 6 N D and D = r N).
    """
    c = require_positive("compute_flop", compute_flop)
    r = require_positive("tokens_per_param", tokens_per_param)
    return np.sqrt(np.asarray(c, dtype=float) * np.asarray(r, dtype=float) / FLOP_PER_PARAM_TOKEN)


def top_compute_runs(n: int = 3) -> pd.DataFrame:
    """The ``n`` language models with the most training compute in the Epoch snapshot, with their disclosed
    training set (NaN if none) and the sets implied at both tokens-per-parameter bounds.

    Returns
    -------
    pandas.DataFrame
        ``Model``, ``year``, ``compute`` (FLOP), ``tokens`` (disclosed, or NaN), ``implied_low``,
        ``implied_high`` (tokens at 20 and 100 tokens per parameter).
    """
    n = require_int("n", n, minimum=1, maximum=100)
    lang = ds.load_language_models().dropna(subset=["compute"]).sort_values("compute", ascending=False).head(n)
    lo, hi = TOKENS_PER_PARAM_BOUNDS
    return lang.assign(implied_low=implied_tokens(lang["compute"].to_numpy(), lo),
                       implied_high=implied_tokens(lang["compute"].to_numpy(), hi))[
        ["Model", "year", "compute", "tokens", "implied_low", "implied_high"]].reset_index(drop=True)


def frontier_tokens(reading: str = "largest_set") -> ds.Comparator:
    """The training set of "the leading models" under one of :data:`FRONTIER_READINGS` (tokens, dated)."""
    reading = require_choice("reading", reading, FRONTIER_READINGS)
    if reading in ds.FRONTIER_SETS:
        return ds.frontier_dataset(reading)
    ratio = float(reading.rsplit("_", 1)[1])
    top = ds.current_comparators().largest_compute
    return replace(top, value=float(implied_tokens(top.value, ratio)), unit="tokens",
                   source=f"{top.source}; implied at {ratio:.0f} tokens per parameter")


# --- Real filtered corpora: the empirical quality fraction ------------------------------------------

def filtered_corpora() -> pd.DataFrame:
    """Raw and kept tokens of three open filtered corpora of Common Crawl, and the share kept.

    DCLM-Baseline from DCLM-Pool (both ``li2024datacomp``); FineWeb-Edu from FineWeb (``penedo2024fineweb``;
    FineWeb is itself already filtered, so its share is of filtered text); Nemotron-CC's real (not
    rephrased) tokens against DCLM-Pool as the raw Common Crawl (``su2025nemotroncc``).

    Returns
    -------
    pandas.DataFrame
        ``corpus``, ``raw_tokens``, ``kept_tokens``, ``kept_share``, ``synthetic_tokens``.
    """
    f = figures()
    rows = [("DCLM-Baseline of DCLM-Pool", f["dclm_pool_tokens"], f["dclm_baseline_tokens"], 0.0),
            ("FineWeb-Edu of FineWeb", f["fineweb_tokens"], f["fineweb_edu_tokens"], 0.0),
            ("Nemotron-CC (real tokens) of DCLM-Pool", f["dclm_pool_tokens"], f["nemotron_cc_real_tokens"],
             f["nemotron_cc_synthetic_tokens"])]
    frame = pd.DataFrame(rows, columns=["corpus", "raw_tokens", "kept_tokens", "synthetic_tokens"])
    frame["kept_share"] = frame["kept_tokens"] / frame["raw_tokens"]
    return frame[["corpus", "raw_tokens", "kept_tokens", "kept_share", "synthetic_tokens"]]


def synthetic_share_of_nemotron() -> float:
    """Share of Nemotron-CC's tokens that are synthetic rephrasings (1.9 T of 6.3 T)."""
    f = figures()
    return float(f["nemotron_cc_synthetic_tokens"] / f["nemotron_cc_tokens"])


# --- Consent and licence as inputs to the stock -----------------------------------------------------

#: Bytes per token used to turn the Common Pile's 8 TB into tokens (Villalobos et al.'s median, 4).
BYTES_PER_TOKEN = 4.0
#: How the fraction surviving quality filtering is read: Villalobos et al.'s drawn range (0.1-0.4), or the
#: share kept by a real corpus (:func:`filtered_corpora`).
QUALITY_READINGS = ("villalobos", "fineweb_edu", "dclm")


def licensed_tokens(bytes_per_token: float = BYTES_PER_TOKEN) -> float:
    """Tokens of openly licensed and public-domain text in the Common Pile v0.1 (8 TB / bytes per token)."""
    b = float(require_in_range("bytes_per_token", bytes_per_token, 1.0, 10.0))
    return figure("common_pile_bytes") / b


def quality_share(reading: str) -> float | None:
    """The quality fraction of a reading of :data:`QUALITY_READINGS` (None: keep the drawn range)."""
    reading = require_choice("reading", reading, QUALITY_READINGS)
    if reading == "villalobos":
        return None
    corpora = filtered_corpora().set_index("corpus")["kept_share"]
    return float(corpora.iloc[0 if reading == "dclm" else 1])


@dataclass(frozen=True)
class UsableStock:
    """Effective stock (tokens, 2024) after consent restrictions, with openly licensed text as a floor.

    Attributes
    ----------
    effective : ndarray
        Draws of the usable effective stock (tokens).
    restricted_share, quality : float or str
        The inputs used.
    licensed_tokens : float
    """

    effective: np.ndarray
    restricted_share: float
    quality: str
    licensed_tokens: float

    @property
    def median(self) -> float:
        return float(np.median(self.effective))


def usable_stock(restricted_share: float = 0.0, quality: str = "villalobos", n_samples: int = 20_000,
                 seed: int = 0) -> UsableStock:
    """The effective stock once a share of the web withdraws consent, under a reading of the quality fraction.

    The 2024 model's draws are reused: raw tokens times the quality fraction (drawn, or fixed at a real
    corpus's kept share), times (1 - restricted share), times the drawn repetition multiplier; openly
    licensed text (Common Pile v0.1) is a floor that no restriction removes.

    Parameters
    ----------
    restricted_share : float
        Share of the stock withdrawn (0 <= share < 1); Longpre et al. measure at least 5 % of C4's tokens
        and 28 % of its most critical sources in one year.
    quality : str
        One of :data:`QUALITY_READINGS`.
    n_samples, seed : int
    """
    r = _share(restricted_share)
    q = quality_share(require_choice("quality", quality, QUALITY_READINGS))
    s = ds.sample_stock(require_int("n_samples", n_samples, minimum=100, maximum=10_000_000), require_seed(seed))
    multiplier = s.effective / s.quality
    kept = s.quality if q is None else s.raw * q
    floor = licensed_tokens()
    return UsableStock(np.maximum(kept * (1.0 - r) * multiplier, floor), r, quality, floor)


def _share(value) -> float:
    v = float(require_in_range("restricted_share", value, 0.0, 1.0))
    if v >= 1.0:
        raise ValueError(f"restricted_share must be below 1; got {value!r}")
    return v


def stock_sensitivity(shares=np.round(np.arange(0.0, 0.61, 0.05), 2), n_samples: int = 5_000,
                      seed: int = 0) -> pd.DataFrame:
    """Median and 10-90 % usable stock for each restricted share and each quality reading.

    Returns
    -------
    pandas.DataFrame
        ``restricted_share``, ``quality``, ``median``, ``low``, ``high`` (tokens).
    """
    shares = require_vector("shares", shares, lambda name, v: require_in_range(name, v, 0.0, 1.0))
    rows = []
    for q in QUALITY_READINGS:
        for r in shares:
            u = usable_stock(float(r), q, n_samples, seed)
            lo, med, hi = np.percentile(u.effective, [10, 50, 90])
            rows.append({"restricted_share": float(r), "quality": q, "median": float(med), "low": float(lo),
                         "high": float(hi)})
    return pd.DataFrame(rows)


def exhaustion_from_usable(restricted_share: float, quality: str, dataset_growth: float = ds.EPOCH_DATASET_GROWTH,
                           n_samples: int = 5_000, seed: int = 0) -> tuple[float, float, float]:
    """Median and 10-90 % year the largest disclosed training set (at its date) meets the usable stock.

    Returns
    -------
    tuple of float
        (median, low, high) calendar years; a year before the start means the set already exceeds it.
    """
    _share(restricted_share)
    require_choice("quality", quality, QUALITY_READINGS)
    g = float(require_in_range("dataset_growth", dataset_growth, 1.0, 100.0, inclusive=False))
    u = usable_stock(restricted_share, quality, n_samples, seed)
    s = ds.sample_stock(n_samples, seed)
    top = ds.current_comparators().largest_dataset
    s0 = u.effective * s.stock_growth ** (top.year - 2024.0)
    years = ds.crossing_year(s0, s.stock_growth, np.full(len(s0), top.value), g, start_year=top.year)
    lo, med, hi = np.percentile(years, [10, 50, 90], method="inverted_cdf")
    return float(med), float(lo), float(hi)


def epoch_2030_range() -> tuple[float, float]:
    """Epoch AI's 2030 data stock (tokens, text plus images, video and audio; ``sevilla2024scaling2030``)."""
    return figure("epoch2030_stock_low"), figure("epoch2030_stock_high")
