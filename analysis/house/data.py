"""Loading the book's published data files.

Every data file lives in ``analysis/data/`` beside ``PROVENANCE.md``, which records where it came from
(repository and commit or URL, licence, paper, columns and units). A module that reads a file declares a
:class:`DatasetSpec` with the file's SHA-256 and its columns; :func:`load_csv` refuses a file whose bytes or
columns differ from the declaration, so an edited or truncated file fails loudly, naming the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.house.validation import require_bool, require_finite, require_in_range, require_instance

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
COLUMN_KINDS = ("float", "int", "str", "date")


class DataError(ValueError):
    """A data file is missing, altered, or does not match its declared schema."""


@dataclass(frozen=True)
class DatasetSpec:
    """What a data file must be.

    Attributes
    ----------
    filename : str
        File name inside ``analysis/data/``.
    sha256 : str
        Hex SHA-256 of the file's bytes, as copied from its source.
    columns : Mapping[str, str]
        Column name -> kind (``float``, ``int``, ``str`` or ``date``). Other columns are kept as read.
    description : str
        One line for error messages and listings.
    n_rows : int or None
        Expected number of data rows, if fixed.
    nullable : frozenset of str
        Columns allowed to have missing values (all others must be complete).
    """

    filename: str
    sha256: str
    columns: Mapping[str, str]
    description: str
    n_rows: int | None = None
    nullable: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for column, kind in self.columns.items():
            if kind not in COLUMN_KINDS:
                raise ValueError(f"column {column!r} of {self.filename}: kind must be one of {COLUMN_KINDS}; got {kind!r}")

    @property
    def path(self) -> Path:
        return DATA_DIR / self.filename


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _coerce(frame: pd.DataFrame, spec: DatasetSpec) -> pd.DataFrame:
    out = frame.copy()
    for column, kind in spec.columns.items():
        raw = out[column]
        if kind in ("float", "int"):
            values = pd.to_numeric(raw, errors="coerce")
        elif kind == "date":
            values = pd.to_datetime(raw, errors="coerce")
        else:
            values = raw.astype("string")
        unparsed = values.isna() & raw.notna()
        if unparsed.any():
            row = int(np.flatnonzero(unparsed.to_numpy())[0])
            raise DataError(f"{spec.filename}: column {column!r} must be {kind}; row {row} holds {raw.iloc[row]!r}")
        if column not in spec.nullable and values.isna().any():
            row = int(np.flatnonzero(values.isna().to_numpy())[0])
            raise DataError(f"{spec.filename}: column {column!r} has a missing value at row {row}")
        if kind == "int" and not values.isna().any():
            values = values.astype("int64")
        out[column] = values
    return out


def load_csv(spec: DatasetSpec) -> pd.DataFrame:
    """Read a declared CSV file after checking its checksum, columns, types and row count.

    Parameters
    ----------
    spec : DatasetSpec
        The declaration of the file.

    Returns
    -------
    pandas.DataFrame
        A fresh copy of the table (callers may modify it).

    Raises
    ------
    DataError
        If the file is missing, its SHA-256 differs from ``spec.sha256``, a declared column is missing or
        unparseable, a non-nullable column has a gap, or the row count differs from ``spec.n_rows``.
    """
    require_instance("spec", spec, DatasetSpec)
    key = (spec.filename, spec.sha256)
    if key not in _CACHE:
        _CACHE[key] = _read_checked(spec)
    if spec.filename in _WORLD:
        return in_world(spec.filename, _CACHE[key].copy()).copy()
    return _CACHE[key].copy()


_CACHE: dict[tuple[str, str], pd.DataFrame] = {}


# --- Counterfactual worlds ------------------------------------------------------------------------
#
# A *world* replaces what a data source holds by a transformed copy of the real thing, in memory, for the
# duration of a ``with world(...)`` block: every loader then returns the transformed table, and every
# cached result computed from the real data is forgotten on entry and again on exit. The whole pipeline
# (loader -> science -> evidence -> judge) runs unchanged inside the block. The ledger uses this to check
# that a verdict responds to the data: in a world built so that an article's sentence is plainly true (or
# plainly false), the verdict must say so.

#: Transforms of the active world: source name (a data file name, or the name a non-CSV loader passes to
#: :func:`in_world`) -> function of the real object returning the world's object.
_WORLD: dict[str, Callable[[Any], Any]] = {}
#: The package whose cached functions a world forgets (every ``functools.lru_cache`` in it).
PACKAGE = __name__.split(".")[0]


def in_world(source: str, value: Any) -> Any:
    """``value`` as the active world has it: the world's transform of ``value`` when the world transforms
    ``source``, else ``value`` itself. Loaders of sources other than declared CSV files call this."""
    transform = _WORLD.get(source)
    return value if transform is None else transform(value)


def clear_caches() -> int:
    """Forget every cached result of the package (each ``lru_cache`` of every loaded module of it).

    Returns the number of caches cleared. The file cache of :func:`load_csv` (real bytes, checked) is kept.
    """
    n = 0
    for name, module in list(sys.modules.items()):
        if module is None or not (name == PACKAGE or name.startswith(PACKAGE + ".")):
            continue
        for obj in list(vars(module).values()):
            clear = getattr(obj, "cache_clear", None)
            if callable(clear) and getattr(obj, "__module__", None) == name:
                clear()
                n += 1
    return n


@contextlib.contextmanager
def world(transforms: Mapping[str, Callable[[Any], Any]]) -> Iterator[None]:
    """Run the enclosed code in a counterfactual world (see the comment above :data:`_WORLD`).

    Parameters
    ----------
    transforms : mapping of str to callable
        Source name (a data file name such as ``"chinchilla_fig4_N_D_loss.csv"``) -> a function taking a
        copy of the real object (a DataFrame for a CSV file) and returning the world's version of it.

    Raises
    ------
    ValueError
        If a transform is not callable, or a world is already active (worlds do not nest).
    """
    for source, fn in transforms.items():
        if not callable(fn):
            raise ValueError(f"transforms[{source!r}] must be callable; got {fn!r}")
    if _WORLD:
        raise ValueError(f"a world is already active (transforming {sorted(_WORLD)}); worlds do not nest")
    clear_caches()
    _WORLD.update(transforms)
    try:
        yield
    finally:
        _WORLD.clear()
        clear_caches()


def _read_checked(spec: DatasetSpec) -> pd.DataFrame:
    path = spec.path
    if not path.exists():
        raise DataError(f"data file {path} is missing (declared for: {spec.description})")
    digest = file_sha256(path)
    if digest != spec.sha256:
        raise DataError(
            f"data file {spec.filename} has SHA-256 {digest}, expected {spec.sha256}: the file was changed "
            "after it was copied from its source (see analysis/data/PROVENANCE.md)"
        )
    frame = pd.read_csv(path)
    missing = [c for c in spec.columns if c not in frame.columns]
    if missing:
        raise DataError(f"{spec.filename} lacks the column(s) {missing}; it has {list(frame.columns)}")
    if spec.n_rows is not None and len(frame) != spec.n_rows:
        raise DataError(f"{spec.filename} must have {spec.n_rows} rows; it has {len(frame)}")
    return _coerce(frame, spec)


def decimal_years(dates, *, name: str = "dates") -> np.ndarray:
    """Calendar dates as decimal years (2023-07-02 -> about 2023.5).

    Parameters
    ----------
    dates : array_like
        Either numbers already in decimal years (1900-2200) or anything ``pandas.to_datetime`` parses.
    name : str
        The caller's name for ``dates`` in error messages (e.g. ``"start"``).

    Raises
    ------
    ValueError
        Naming ``name`` if a value cannot be parsed, is missing, empty, or outside 1900-2200.
    """
    arr = np.asarray(dates)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty; got {dates!r}")
    if arr.dtype == bool:
        raise ValueError(f"{name} must be decimal years or dates, not booleans; got {dates!r}")
    if np.issubdtype(arr.dtype, np.number):
        years = require_finite(name, arr.astype(float))
        require_in_range(name, years, 1900.0, 2200.0)
        return years
    try:
        parsed = pd.to_datetime(pd.Series(arr), errors="raise")
    except (ValueError, TypeError, OverflowError) as err:
        raise ValueError(f"{name} must be decimal years or parseable dates; {err}") from None
    if parsed.isna().any():
        raise ValueError(f"{name} must not contain missing values; got one at index {int(parsed.isna().to_numpy().argmax())}")
    year = parsed.dt.year.to_numpy().astype(float)
    start = pd.to_datetime(pd.DataFrame({"year": parsed.dt.year, "month": 1, "day": 1}))
    length = np.where(parsed.dt.is_leap_year.to_numpy(), 366.0, 365.0)
    years = year + (parsed - start).dt.total_seconds().to_numpy() / 86400.0 / length
    # Same window as decimal years given as numbers: a date outside it is a typo, not a data point.
    require_in_range(name, years, 1900.0, 2200.0)
    return years


def require_date(name: str, value: Any, low: Any = None, high: Any = None) -> pd.Timestamp:
    """One calendar date (a string such as ``"2024-07-01"``, or a timestamp) as a ``pandas.Timestamp``, in
    1900-2200 and, when given, in ``[low, high]`` (a table's first and last dates: a date outside them selects
    nothing); raises ValueError naming ``name`` otherwise."""
    try:
        if not isinstance(value, (str, pd.Timestamp, np.datetime64)) and type(value).__name__ not in ("date", "datetime"):
            raise TypeError
        date = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ValueError(f"{name} must be a date like '2024-07-01'; got {value!r}") from None
    decimal_years([date], name=name)
    if (low is not None and date < pd.Timestamp(low)) or (high is not None and date > pd.Timestamp(high)):
        raise ValueError(f"{name} must lie between {pd.Timestamp(low).date() if low is not None else '...'} and "
                         f"{pd.Timestamp(high).date() if high is not None else '...'} (the data's dates); got {value!r}")
    return date


CHINCHILLA_FIG4 = DatasetSpec(
    filename="chinchilla_fig4_N_D_loss.csv",
    sha256="2d73fee2eeb4cc70901ae8f5135c83995b3550b07bc236bca0aee08d201a8681",
    columns={
        "row_index": "int",
        "N_params": "float",
        "D_tokens": "float",
        "C_flop": "float",
        "loss": "float",
        "included_in_besiroglu2024_fit": "int",
    },
    description="Hoffmann et al. (2022) Figure 4 training runs as extracted by Besiroglu et al. (2024)",
    n_rows=245,
)


def load_chinchilla_runs(*, only_fitted: bool = True) -> pd.DataFrame:
    """The Chinchilla training runs: parameters ``N_params``, tokens ``D_tokens``, compute ``C_flop`` (FLOP)
    and final training ``loss`` (nats/token).

    Parameters
    ----------
    only_fitted : bool, default True
        Keep only the 240 runs that Besiroglu et al. (2024) kept for their fit (they drop the five
        highest-loss points).
    """
    only_fitted = require_bool("only_fitted", only_fitted)
    frame = load_csv(CHINCHILLA_FIG4)
    if only_fitted:
        frame = frame[frame["included_in_besiroglu2024_fit"] == 1].reset_index(drop=True)
    return frame


LARGE_LANGUAGE_MONKEYS = DatasetSpec(
    filename="large_language_monkeys_per_problem_correct_counts.csv",
    sha256="71de423115f22709180462a6ef7a9aec71d88dd57c250a537ef03ce30ac3a547",
    columns={
        "benchmark": "str",
        "model": "str",
        "problem_idx": "int",
        "num_samples": "int",
        "num_correct": "int",
    },
    description="Brown et al. (2024) repeated sampling: correct samples out of 10,000 per problem",
    n_rows=1596,
)


def load_monkeys_counts(benchmark: str | None = None) -> pd.DataFrame:
    """Per-problem counts of correct samples (out of num_samples = 10,000) from Brown et al. (2024),
    for 7 Pythia sizes on MATH and 5 models on CodeContests.

    Parameters
    ----------
    benchmark : {"MATH", "CodeContests"} or None
        Keep one benchmark only; None keeps both.
    """
    frame = load_csv(LARGE_LANGUAGE_MONKEYS)
    if benchmark is not None:
        known = sorted(frame["benchmark"].unique())
        if benchmark not in known:
            raise ValueError(f"benchmark must be one of {known}; got {benchmark!r}")
        frame = frame[frame["benchmark"] == benchmark].reset_index(drop=True)
    return frame


# --- Scaling-law runs of the Scaling laws and Chinchilla chapters (issue 14) -------------------------

PORIAN_ISOFLOP_POINTS = DatasetSpec(
    filename="porian2024_isoflop_points.csv",
    sha256="7e9755deaedad194635006038304df3f03cf5349f00becac11f93c37dbefc8be",
    columns={"setting_id": "str", "setting_label": "str", "dataset": "str", "param_count": "str",
             "flop_budget": "float", "n_params": "float", "tokens": "float", "loss": "float"},
    description="Porian et al. (2024) IsoFLOP points per setting (flattened from their pickles)",
    n_rows=1745,
)
PORIAN_ISOFLOP_OPTIMA = DatasetSpec(
    filename="porian2024_isoflop_optima.csv",
    sha256="599c37226fcd0b611a3058e6dede4605ea67cf8f23b9fe9a18995649e53d6e19",
    columns={"setting_id": "str", "flop_budget": "float", "n_opt": "float", "n_opt_log_std": "float"},
    description="Porian et al. (2024) compute-optimal points per setting and budget (their optimal_pairs)",
    n_rows=177,
    nullable=frozenset({"n_opt", "n_opt_log_std"}),
)
PORIAN_ALLOCATION_FITS = DatasetSpec(
    filename="porian2024_allocation_fits.csv",
    sha256="c7fc7b80cf08f850eee069c0a95e4c12a6e947836bdf3b43709a4a7f40e428ef",
    columns={"setting_id": "str", "setting_label": "str", "dataset": "str", "hparams": "str", "warmup": "str",
             "decay": "str", "param_count": "str", "loss_split": "str", "a_n_exponent": "float",
             "a_ci_lo": "float", "a_ci_hi": "float", "n_budgets_fitted": "int"},
    description="Porian et al. (2024) published allocation exponents a (N* ∝ C^a) with 95% intervals",
    n_rows=15,
)
GADRE_OVERTRAINING = DatasetSpec(
    filename="gadre2024_overtraining_models.csv",
    sha256="f25be4169c388347df315d351733f9122f8e0096dee4f2971e52c4369ad334fe",
    columns={"name": "str", "dataset": "str", "dataset_label": "str", "params": "float", "tokens": "float",
             "tokens_per_param": "float", "loss_c4_val": "float"},
    description="Gadre et al. (2024) OpenLM runs at 5 to 640 tokens per parameter, C4-eval loss",
    n_rows=104,
)
GEMSTONES_VAL_LOSS = DatasetSpec(
    filename="gemstones2025_dolma_val_loss.csv",
    sha256="45da192190fcbf8a7a2ec98e6c36ccfa6b14c25e34e359b818fb78ea7d34ba43",
    columns={"model": "str", "width": "int", "depth": "int", "params": "float", "schedule_state": "str",
             "tokens": "float", "tokens_per_param": "float", "cooldown_start_tokens": "float",
             "val_loss": "float"},
    description="Gemstones (McLeish et al. 2025) Dolma validation loss, constant-LR checkpoints and cool-downs",
    n_rows=969,
    nullable=frozenset({"cooldown_start_tokens"}),
)
OLMO_LADDER = DatasetSpec(
    filename="olmo_ladder2024_final_losses.csv",
    sha256="48731d09ebc2bded0829543c792e1dd76e2066b592249397d035005b1ef4c808",
    columns={"run": "str", "size": "str", "chinchilla_multiple": "float", "is_rerun": "int",
             "N_params": "float", "tokens": "float", "tokens_per_param": "float", "ce_c4_en": "float"},
    description="OLMo model ladder (Bhagia et al. 2024) final validation losses, 10 to 200 tokens per parameter",
    n_rows=30,
)
CHINCHILLA_TABLE_A9 = DatasetSpec(
    filename="chinchilla_tableA9_architectures.csv",
    sha256="6077251fa0aa73c43978771cdf970821bd05776325fbe27982374d974a7534dd",
    columns={"d_model": "int", "ffw_size": "int", "kv_size": "int", "n_heads": "int", "n_layers": "int",
             "Vocab Size": "int", "Reported Parameters (M)": "float"},
    description="Hoffmann et al. (2022) Table A9: the 50 model architectures and their reported sizes",
    n_rows=50,
)
EPOCH_MODELS_GENERATIONS = DatasetSpec(
    filename="epoch_ai_models_snapshot_2025-06.csv",
    sha256="89e98ef2c51837d251e262ba2bba74b15d216d615f25429aab00fadcfce6ccd6",
    columns={"Model": "str", "Publication date": "date", "Parameters": "float",
             "Training compute (FLOP)": "float", "Compute rank when published": "float"},
    description="Epoch AI 'All ML Systems' snapshot of 2025-06: names, dates, parameters and training compute",
    n_rows=1892,
    nullable=frozenset({"Parameters", "Training compute (FLOP)", "Compute rank when published"}),
)


def load_porian_points() -> pd.DataFrame:
    """Porian et al. (2024) IsoFLOP points: ``setting_id``, ``dataset``, ``flop_budget`` (FLOP), ``n_params``,
    ``tokens`` and ``loss`` (nats/token), counted by each setting's convention."""
    return load_csv(PORIAN_ISOFLOP_POINTS)


def load_porian_optima() -> pd.DataFrame:
    """Porian et al.'s own compute-optimal point per (setting, budget); NaN where they dropped the budget."""
    return load_csv(PORIAN_ISOFLOP_OPTIMA)


def load_porian_fits() -> pd.DataFrame:
    """Porian et al.'s published allocation exponent per setting, with its 95% bootstrap interval."""
    return load_csv(PORIAN_ALLOCATION_FITS)


def load_gadre_runs() -> pd.DataFrame:
    """Gadre et al. (2024): one row per trained model (``params``, ``tokens``, ``loss_c4_val``)."""
    return load_csv(GADRE_OVERTRAINING)


def load_gemstones(*, finished_only: bool = True) -> pd.DataFrame:
    """Gemstones runs; by default only the cool-down ends (finished runs; constant-LR checkpoints are not)."""
    finished_only = require_bool("finished_only", finished_only)
    frame = load_csv(GEMSTONES_VAL_LOSS)
    if finished_only:
        frame = frame[frame["schedule_state"] == "cooldown_end"].reset_index(drop=True)
    return frame


def load_olmo_ladder(*, include_reruns: bool = False) -> pd.DataFrame:
    """OLMo ladder final losses (``ce_c4_en``, nats/token); reruns of the 1xC runs left out by default."""
    include_reruns = require_bool("include_reruns", include_reruns)
    frame = load_csv(OLMO_LADDER)
    if not include_reruns:
        frame = frame[frame["is_rerun"] == 0].reset_index(drop=True)
    return frame


def load_chinchilla_architectures() -> pd.DataFrame:
    """Hoffmann et al.'s Table A9 (50 architectures)."""
    return load_csv(CHINCHILLA_TABLE_A9)


def load_epoch_generations() -> pd.DataFrame:
    """Epoch AI models snapshot, the columns the generation claims read (name, date, parameters, compute)."""
    return load_csv(EPOCH_MODELS_GENERATIONS)
