"""Argument checks shared by every module.

Each check raises ``ValueError`` whose message names the offending parameter and shows the bad value,
so that a reader who passes a negative model size sees ``N must be positive ... got -1.0 at index 3``
instead of a NaN or a traceback from deep inside numpy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _has_bool(value: Any) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype == bool
    if isinstance(value, (list, tuple)):
        return any(_has_bool(v) for v in value)
    return False


def as_float_array(name: str, value: Any, *, allow_empty: bool = False) -> np.ndarray:
    """Return ``value`` as a float array, or raise ``ValueError`` naming ``name`` if it is not numeric,
    holds a boolean (``True`` is not a number here), or is an empty array (unless ``allow_empty``)."""
    if _has_bool(value):
        raise ValueError(f"{name} must be numeric, not a boolean; got {_describe(value)}")
    if isinstance(value, (str, bytes)):
        raise ValueError(f"{name} must be numeric; got {_describe(value)}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numeric; got {_describe(value)}") from None
    if arr.ndim > 0 and arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty; got {_describe(value)}")
    return arr


def _first_bad(arr: np.ndarray, bad: np.ndarray) -> str:
    if arr.ndim == 0:
        return f"{arr.item()!r}"
    index = tuple(int(i) for i in np.argwhere(bad)[0])
    where = index[0] if len(index) == 1 else index
    return f"{arr[index]!r} at index {where}"


def require_finite(name: str, value: Any) -> np.ndarray:
    """Float array of ``value``; raise if any element is NaN or infinite."""
    arr = as_float_array(name, value)
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(f"{name} must be finite (no NaN or inf); got {_first_bad(arr, bad)}")
    return arr


def require_positive(name: str, value: Any) -> np.ndarray:
    """Float array of ``value``; raise unless every element is finite and strictly positive."""
    arr = require_finite(name, value)
    bad = arr <= 0
    if bad.any():
        raise ValueError(f"{name} must be positive; got {_first_bad(arr, bad)}")
    return arr


def require_nonnegative(name: str, value: Any) -> np.ndarray:
    """Float array of ``value``; raise unless every element is finite and >= 0."""
    arr = require_finite(name, value)
    bad = arr < 0
    if bad.any():
        raise ValueError(f"{name} must be non-negative; got {_first_bad(arr, bad)}")
    return arr


def require_in_range(name: str, value: Any, low: float, high: float, *, inclusive: bool = True) -> np.ndarray:
    """Float array of ``value``; raise unless every element lies in [low, high] (or (low, high))."""
    arr = require_finite(name, value)
    bad = (arr < low) | (arr > high) if inclusive else (arr <= low) | (arr >= high)
    if bad.any():
        bounds = f"[{low}, {high}]" if inclusive else f"({low}, {high})"
        raise ValueError(f"{name} must lie in {bounds}; got {_first_bad(arr, bad)}")
    return arr


def require_same_shape(**arrays: np.ndarray) -> None:
    """Raise unless all named arrays have the same shape; the message lists every name and shape."""
    shapes = {name: np.shape(arr) for name, arr in arrays.items()}
    if len(set(shapes.values())) > 1:
        listed = ", ".join(f"{name} {shape}" for name, shape in shapes.items())
        raise ValueError(f"arguments must have the same shape; got {listed}")


def require_min_length(name: str, arr: np.ndarray, minimum: int) -> None:
    """Raise unless the 1-D array ``arr`` has at least ``minimum`` elements."""
    if np.ndim(arr) != 1 or len(arr) < minimum:
        raise ValueError(f"{name} needs at least {minimum} values; got {np.size(arr)} (shape {np.shape(arr)})")


def require_int(name: str, value: Any, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return ``value`` as an int; raise unless it is a whole number, at least ``minimum`` and at most
    ``maximum`` (a size bound, checked before anything is allocated; the bound is in the message)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be a whole number; got {_describe(value)}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}; got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum:,} (a bound on the work and memory); got {value:,}")
    return int(value)


#: A generous bound for sizes (samples, resamples, chains, generations, tokens) that keeps a typo such as
#: ``1e12`` from allocating terabytes: about 8 GB of float64 at most per array.
MAX_SIZE = 1_000_000_000


def require_size(name: str, value: Any, *, minimum: int = 1, maximum: int = MAX_SIZE) -> int:
    """A whole-number size in ``[minimum, maximum]`` (see :func:`require_int`)."""
    return require_int(name, value, minimum=minimum, maximum=maximum)


def require_choice(name: str, value: Any, choices: Iterable[str]) -> str:
    """Return ``value``; raise unless it is one of ``choices``."""
    options = tuple(choices)
    if value not in options:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, options))}; got {_describe(value)}")
    return value
