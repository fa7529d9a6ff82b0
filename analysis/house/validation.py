"""Argument checks shared by every module.

Each check raises ``ValueError`` whose message names the offending parameter and shows the bad value,
so that a reader who passes a negative model size sees ``N must be positive ... got -1.0 at index 3``
instead of a NaN or a traceback from deep inside numpy.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
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


def _has_text(value: Any) -> bool:
    """True for a string, or an array or list holding one (``"1e3"`` converts to a float, but is text)."""
    if isinstance(value, (str, bytes)):
        return True
    try:
        raw = np.asarray(value)
    except (ValueError, TypeError):
        return False
    if raw.dtype.kind in "US":
        return True
    return raw.dtype == object and any(isinstance(v, (str, bytes)) for v in raw.ravel())


def as_float_array(name: str, value: Any, *, allow_empty: bool = False) -> np.ndarray:
    """Return ``value`` as a float array, or raise ``ValueError`` naming ``name`` if it is not numeric (text,
    even ``"1e3"``, is not), holds a boolean (``True`` is not a number here), or is an empty array (unless
    ``allow_empty``)."""
    if _has_bool(value):
        raise ValueError(f"{name} must be numeric, not a boolean; got {_describe(value)}")
    if _has_text(value):
        raise ValueError(f"{name} must be numeric, not text; got {_describe(value)}")
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


def require_broadcastable(**arrays: np.ndarray) -> None:
    """Raise unless the named arrays broadcast together (numpy's rule); the message lists every name and shape."""
    try:
        np.broadcast_shapes(*(np.shape(a) for a in arrays.values()))
    except ValueError:
        listed = ", ".join(f"{name} {np.shape(arr)}" for name, arr in arrays.items())
        raise ValueError(f"arguments must broadcast together; got {listed}") from None


def require_min_length(name: str, arr: np.ndarray, minimum: int) -> None:
    """Raise unless the 1-D array ``arr`` has at least ``minimum`` elements."""
    if np.ndim(arr) != 1 or len(arr) < minimum:
        raise ValueError(f"{name} needs at least {minimum} values; got {np.size(arr)} (shape {np.shape(arr)})")


#: The largest whole number any argument may be (numpy's int64): beyond it arithmetic overflows.
MAX_INT = int(np.iinfo(np.int64).max)


def require_int(name: str, value: Any, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return ``value`` as an int; raise unless it is a whole number, at least ``minimum`` and at most
    ``maximum`` (a size bound, checked before anything is allocated; the bound is in the message). Without a
    ``maximum`` the bound is :data:`MAX_INT`, beyond which numpy's integers overflow."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be a whole number; got {_describe(value)}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}; got {value}")
    if abs(value) > MAX_INT:
        raise ValueError(f"{name} must lie within +-{MAX_INT:,} (beyond it integers overflow); got {value:.3g}")
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


def require_seed(value: Any, name: str = "seed") -> int:
    """A random seed: a whole number >= 0 (numpy refuses negative seeds without naming them)."""
    return require_int(name, value, minimum=0)


def require_number(name: str, value: Any, low: float = -np.inf, high: float = np.inf, *,
                   inclusive: bool = True) -> float:
    """One finite number (not an array, not a boolean) in [low, high] (or (low, high)), as a float."""
    arr = require_finite(name, value)
    if arr.ndim != 0:
        raise ValueError(f"{name} must be a single number; got shape {arr.shape}: {_describe(value)}")
    if low > -np.inf or high < np.inf:
        require_in_range(name, arr, low, high, inclusive=inclusive)
    return float(arr)


def require_positive_number(name: str, value: Any) -> float:
    """One finite number > 0, as a float."""
    return float(require_positive(name, require_number(name, value)))


def require_vector(name: str, value: Any, check: Callable[[str, Any], np.ndarray] = require_finite, *,
                   min_length: int = 1) -> np.ndarray:
    """A 1-D float array checked by ``check`` (``require_finite``, ``require_positive``, ...) with at least
    ``min_length`` values; a scalar is one value."""
    arr = np.atleast_1d(check(name, value))
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional; got shape {arr.shape}")
    require_min_length(name, arr, min_length)
    return arr


def require_sequence(name: str, value: Any, *, min_length: int = 1) -> tuple:
    """``value`` as a tuple, if it is a tuple or list of at least ``min_length`` items (a string is not)."""
    if not isinstance(value, (tuple, list)) or len(value) < min_length:
        raise ValueError(f"{name} must be a tuple of at least {min_length} item(s); got {_describe(value)}")
    return tuple(value)


def require_choices(name: str, values: Any, choices: Iterable[str]) -> tuple:
    """``values`` as a tuple, if it is a non-empty tuple or list whose every item is one of ``choices``."""
    for value in require_sequence(name, values):
        require_choice(name, value, choices)
    return tuple(values)


def require_bool(name: str, value: Any) -> bool:
    """``value`` if it is ``True`` or ``False`` (not a string, not a number)."""
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False; got {_describe(value)}")
    return bool(value)


def require_instance(name: str, value: Any, kind: type | tuple[type, ...]) -> Any:
    """``value`` if it is an instance of ``kind`` (a fit, a result, a table), else a ValueError naming it."""
    if not isinstance(value, kind):
        kinds = kind if isinstance(kind, tuple) else (kind,)
        wanted = " or ".join(k.__name__ for k in kinds)
        raise ValueError(f"{name} must be a {wanted}; got {type(value).__name__} {_describe(value)}")
    return value


def require_text(name: str, value: Any) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string; got {_describe(value)}")
    return value


def require_identifiable(name: str, arr: np.ndarray, n_params: int) -> None:
    """Raise unless ``arr`` (the values a fit varies over) takes more distinct values than the fit has
    parameters: all-equal values, or as many points as parameters, leave the fit unidentified."""
    distinct = np.unique(np.asarray(arr)).size
    if distinct <= n_params:
        raise ValueError(f"{name} must take more than {n_params} distinct values to identify a fit with "
                         f"{n_params} parameters; got {distinct}")


def checked_cache(maxsize: int | None = 128) -> Callable:
    """``functools.lru_cache(maxsize, typed=True)`` whose wrapper first refuses an argument it cannot cache (a
    list, dict or array where a number, a string or a tuple is wanted) with a ValueError naming the parameter.

    ``typed=True`` keeps ``True`` from hitting the result cached for ``1`` (and ``1`` the one for ``1.0``), so
    the function's own argument checks see every new value. Arguments are bound to the signature with its
    defaults before the lookup, so a call spelt positionally, by keyword or leaning on a default hits one entry.
    The wrapper keeps ``cache_clear`` (worlds forget
    every cached result, :func:`analysis.house.data.clear_caches`) and ``__wrapped__``.
    """
    if maxsize is not None:
        require_int("maxsize", maxsize, minimum=0)

    def decorate(func: Callable) -> Callable:
        cached = functools.lru_cache(maxsize=maxsize, typed=True)(func)
        signature = inspect.signature(func)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            for name, value in bound.arguments.items():
                try:
                    hash(value)
                except TypeError:
                    raise ValueError(f"{name} must be a number, a string or a tuple; got "
                                     f"{type(value).__name__} {_describe(value)}") from None
            # One cache key per call, however it is spelt: f("a"), f("a", 200) and f(x="a") with 200 the default
            # share one entry (lru_cache alone keys them apart and computes each again).
            bound.apply_defaults()
            return cached(*bound.args, **bound.kwargs)

        wrapper.cache_clear = cached.cache_clear
        wrapper.cache_info = cached.cache_info
        return wrapper

    return decorate
