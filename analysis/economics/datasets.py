"""Data of the economics chapter: the Epoch AI snapshots (models, chips, hardware prices) kept by Cottier
et al. (2024), the US producer price index used to deflate prices (FRED), their loaders, and the frontier
selection used throughout.

The *frontier* is defined once, in :data:`FRONTIER_MAX_RANK` and :data:`FRONTIER_START`: a model is a
frontier model if Epoch's ``Compute rank when published`` is at most 10 (it was among the ten largest
training runs known on its publication date) and it was published on or after 2016-01-01. This follows the
"top 10 by compute at release" selection of Cottier et al. (2024).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.house.data import DatasetSpec, decimal_years, load_csv
from analysis.house.validation import require_finite, require_int

# --- Data declarations ------------------------------------------------------------------------------

EPOCH_MODELS = DatasetSpec(
    filename="epoch_ai_models_snapshot_2025-06.csv",
    sha256="89e98ef2c51837d251e262ba2bba74b15d216d615f25429aab00fadcfce6ccd6",
    columns={
        "Model": "str",
        "Publication date": "date",
        "Parameters": "float",
        "Training compute (FLOP)": "float",
        "Training dataset size (datapoints)": "float",
        "Training hardware": "str",
        "Hardware quantity": "float",
        "Training time (hours)": "float",
        "Hardware utilization (MFU)": "float",
        "Training chip-hours": "float",
        "Training power draw (W)": "float",
        "Training compute cost (2023 USD)": "str",
        "Compute rank when published": "float",
    },
    description="Epoch AI 'All ML Systems' snapshot of 2025-06 (epoch-research/training-cost-trends)",
    n_rows=1892,
    nullable=frozenset({
        "Parameters", "Training compute (FLOP)", "Training dataset size (datapoints)", "Training hardware",
        "Hardware quantity", "Training time (hours)", "Hardware utilization (MFU)", "Training chip-hours",
        "Training power draw (W)", "Training compute cost (2023 USD)", "Compute rank when published",
    }),
)

EPOCH_CHIPS = DatasetSpec(
    filename="epoch_chip_dataset_snapshot_2025-06.csv",
    sha256="b2af635edd87eb38c16467160f5e5a4e9a3b09a9bafb3ed7db6b6b2406598723",
    columns={
        "Hardware name": "str",
        "Release date": "date",
        "FP32 (single precision) performance (FLOP/s)": "float",
        "FP16 (half precision) performance (FLOP/s)": "float",
        "Tensor-FP16/BF16 performance (FLOP/s)": "float",
        "TDP (W)": "float",
        "Memory bandwidth (byte/s)": "float",
        "ML hardware": "str",
    },
    description="Epoch AI chip dataset snapshot of 2025-06 (epoch-research/training-cost-trends)",
    n_rows=5775,
    nullable=frozenset({
        "Hardware name", "Release date", "FP32 (single precision) performance (FLOP/s)",
        "FP16 (half precision) performance (FLOP/s)", "Tensor-FP16/BF16 performance (FLOP/s)", "TDP (W)",
        "Memory bandwidth (byte/s)", "ML hardware",
    }),
)

EPOCH_HARDWARE_PRICES = DatasetSpec(
    filename="epoch_hardware_prices_snapshot_2025-06.csv",
    sha256="e397345924db0a6bf83bd39d27c1fc7e9ec298339261c6e5d35f535abc898d2f",
    columns={
        "Price date": "date",
        "Hardware model": "str",
        "Price per chip-hour (on-demand)": "float",
        "Price (hardware purchase)": "float",
    },
    description="Epoch AI hardware price snapshot of 2025-06, nominal USD (epoch-research/training-cost-trends)",
    n_rows=591,
    nullable=frozenset({"Price date", "Price per chip-hour (on-demand)", "Price (hardware purchase)"}),
)

FRED_PPI = DatasetSpec(
    filename="fred_PCU518210518210_ppi_data_processing_hosting.csv",
    sha256="57821a85090252fea0d2bc65645bb90021a18e7bd2b0ecff477f02ba7e2b039a",
    columns={"observation_date": "date", "PCU518210518210": "float"},
    description="US PPI, data processing and hosting (FRED PCU518210518210), Dec 2000 = 100",
    n_rows=295,
)

COST_COLUMN = "Training compute cost (2023 USD)"

FRONTIER_MAX_RANK = 10
#: ...and published on or after this date (Epoch's rank column starts in Dec 2015).
FRONTIER_START = "2016-01-01"
#: Last publication date that Cottier et al. (2024) fitted (their cost data run to the end of 2023).
COTTIER_END = "2023-12-31"

HOURS_PER_YEAR = 8766.0  # 365.25 days


# --- Loading the data -------------------------------------------------------------------------------


def parse_usd(text) -> np.ndarray:
    """Dollar strings such as ``"$40586592.58"`` (or numbers) as floats; missing values stay NaN."""
    if np.ndim(text) != 1:
        raise ValueError(f"text must be a sequence of dollar amounts; got {text!r:.60}")
    series = pd.Series(text, dtype="object")
    cleaned = series.astype("string").str.replace(r"[$,\s]", "", regex=True)
    values = pd.to_numeric(cleaned, errors="coerce")
    bad = values.isna() & series.notna()
    if bad.any():
        raise ValueError(f"text must hold dollar amounts; got {series[bad].iloc[0]!r}")
    return values.to_numpy(dtype=float)


@lru_cache(maxsize=1)
def _models() -> pd.DataFrame:
    frame = load_csv(EPOCH_MODELS)
    frame["cost_usd_2023"] = parse_usd(frame[COST_COLUMN])
    frame["year"] = decimal_years(frame["Publication date"])
    return frame


def load_models() -> pd.DataFrame:
    """Every model of the Epoch snapshot, with ``cost_usd_2023`` (float) and ``year`` (decimal) added."""
    return _models().copy()


def frontier_models(*, max_rank: int = FRONTIER_MAX_RANK, start: str = FRONTIER_START,
                    end: str | None = None) -> pd.DataFrame:
    """The frontier: models whose compute rank at publication is at most ``max_rank``, published between
    ``start`` and ``end`` (inclusive; None = the end of the snapshot)."""
    max_rank = require_int("max_rank", max_rank, minimum=1)
    decimal_years([start], name="start")
    if end is not None:
        decimal_years([end], name="end")
    frame = load_models()
    keep = (frame["Compute rank when published"] <= max_rank) & (frame["Publication date"] >= pd.Timestamp(start))
    if end is not None:
        keep &= frame["Publication date"] <= pd.Timestamp(end)
    return frame[keep].sort_values("Publication date").reset_index(drop=True)


@lru_cache(maxsize=1)
def _ppi() -> pd.DataFrame:
    return load_csv(FRED_PPI)


def to_2023_usd(nominal_usd, dates) -> np.ndarray:
    """Convert nominal USD paid at ``dates`` into 2023 USD with the data-processing PPI (FRED
    PCU518210518210), the index Cottier et al. (2024) deflate with: value * mean(PPI over 2023) / PPI(month
    of ``dates``). Their code divides by the index of one target month instead of the 2023 average; over
    2023 the index moved by under 2 %, so the two bases agree to that precision."""
    usd = require_finite("nominal_usd", nominal_usd)
    if np.size(dates) != usd.size or np.issubdtype(np.asarray(dates).dtype, np.number):
        raise ValueError(f"dates must hold one date (not a number) per value of nominal_usd ({usd.size}); "
                         f"got {dates!r:.60}")
    decimal_years(np.ravel(dates), name="dates")
    when = pd.to_datetime(pd.Series(np.ravel(dates)), errors="coerce")
    ppi = _ppi()
    base = ppi.loc[ppi["observation_date"].dt.year == 2023, "PCU518210518210"].mean()
    months = when.dt.to_period("M").dt.to_timestamp()
    first, last = ppi["observation_date"].min(), ppi["observation_date"].max()
    outside = (months < first) | (months > last)
    if outside.any():
        raise ValueError(f"dates must lie within the price index, {first:%Y-%m} to {last:%Y-%m}; "
                         f"got {np.ravel(dates)[int(np.argmax(outside.to_numpy()))]!r}")
    index = ppi.set_index("observation_date")["PCU518210518210"].reindex(months).to_numpy()
    return usd * base / index.reshape(np.shape(usd))


def from_2023_usd(usd_2023, dates) -> np.ndarray:
    """The inverse of :func:`to_2023_usd`: 2023 dollars as the dollars of the month of ``dates`` (what was
    paid then, undeflated)."""
    usd = require_finite("usd_2023", usd_2023)
    if np.size(dates) != usd.size:
        raise ValueError(f"dates must hold one date per value of usd_2023 ({usd.size}); got {np.size(dates)}")
    return usd / to_2023_usd(np.ones_like(usd, dtype=float), dates)


def _training_flops_per_second(chips: pd.DataFrame) -> pd.Series:
    """Peak dense 16-bit FLOP/s: tensor FP16/BF16 if listed, else FP16 if faster than FP32, else FP32."""
    fp16 = chips["FP16 (half precision) performance (FLOP/s)"]
    fp32 = chips["FP32 (single precision) performance (FLOP/s)"]
    return chips["Tensor-FP16/BF16 performance (FLOP/s)"].fillna(fp16.where(fp16 > fp32)).fillna(fp32)


@lru_cache(maxsize=1)
def _hardware_table() -> pd.DataFrame:
    chips = load_csv(EPOCH_CHIPS).dropna(subset=["Hardware name"])
    chips = chips.assign(peak_flops=_training_flops_per_second(chips)).drop_duplicates("Hardware name")
    prices = load_csv(EPOCH_HARDWARE_PRICES).dropna(subset=["Price date", "Price (hardware purchase)"])
    deflated = (to_2023_usd(prices["Price (hardware purchase)"].to_numpy(), prices["Price date"]) if len(prices)
                else np.array([], dtype=float))
    prices = prices.assign(price_usd_2023=deflated)
    merged = prices.merge(chips[["Hardware name", "peak_flops", "TDP (W)", "Memory bandwidth (byte/s)", "ML hardware"]],
                          left_on="Hardware model", right_on="Hardware name", how="left")
    return merged


def hardware_prices() -> pd.DataFrame:
    """Purchase prices per chip (nominal ``Price (hardware purchase)`` and ``price_usd_2023``), joined to each
    chip's peak 16-bit FLOP/s and TDP from the chip dataset. Epoch's rows mix two kinds of price: per-GPU
    shares of 8-GPU servers (DGX/HGX, server included) and single-unit list prices (chip only)."""
    return _hardware_table().copy()


def price_performance() -> pd.DataFrame:
    """First recorded purchase price of each ML chip (new hardware, not later second-hand prices), with
    ``flops_per_usd`` = peak 16-bit FLOP/s per 2023 USD and ``year`` of that price."""
    table = _hardware_table()
    table = table[(table["ML hardware"] == "checked") & table["peak_flops"].notna()]
    first = table.sort_values("Price date").groupby("Hardware model", as_index=False).first()
    first = first.assign(flops_per_usd=first["peak_flops"] / first["price_usd_2023"],
                         year=decimal_years(first["Price date"]) if len(first) else np.array([], dtype=float))
    return first.sort_values("year").reset_index(drop=True)
