"""Exact pass@k and coverage from counts of correct samples (shared by the test-time and other-side chapters).

If ``c`` of ``n`` generated samples of a problem are correct, pass@k is the probability that at least one
of ``k`` samples drawn without replacement is correct; coverage@k is its mean over problems.
"""

from __future__ import annotations

import numpy as np

from analysis.house.validation import require_min_length, require_nonnegative, require_same_shape

#: Largest number of samples per problem accepted (the released data have 10,000; far more is a mistake).
MAX_SAMPLES = 10**8


def _require_counts(name: str, value) -> np.ndarray:
    arr = require_nonnegative(name, value)
    bad = arr != np.round(arr)
    if bad.any():
        raise ValueError(f"{name} must hold whole numbers; got {arr[bad].ravel()[0]!r}")
    if np.any(arr > MAX_SAMPLES):  # checked before the int64 cast, which would overflow
        raise ValueError(f"{name} must be at most {MAX_SAMPLES:,} samples; got {arr.max():.3g}")
    return arr.astype(np.int64)


#: Most log-ratio terms :func:`_one_minus_ratio` holds at once (memory: 8 bytes each).
_TABLE_LIMIT = 1 << 24


def _one_minus_ratio(pairs: np.ndarray, pair: np.ndarray, k: np.ndarray) -> np.ndarray:
    """1 - prod_{i<k} (1 - c / (n - i)) for each entry, where (n, c) = ``pairs[:, pair]``.

    The running sum of log1p terms of each pair is computed once, up to the largest k asked of that pair
    (a cumulative sum adds in order, so its first k terms do not depend on how far it runs), and every
    entry reads its k-th value from one flat table of all pairs' sums.
    """
    res = np.empty(k.shape)
    kmax = np.zeros(pairs.shape[1], dtype=np.int64)
    np.maximum.at(kmax, pair, k)
    used = np.flatnonzero(kmax)
    start = 0
    while start < used.size:  # pairs in chunks whose tables fit in _TABLE_LIMIT terms (almost always one)
        stop = start + 1
        total = int(kmax[used[start]])
        while stop < used.size and total + int(kmax[used[stop]]) <= _TABLE_LIMIT:
            total += int(kmax[used[stop]])
            stop += 1
        chunk = used[start:stop]
        offset = np.zeros(pairs.shape[1], dtype=np.int64)
        tables = []
        position = 0
        for j in chunk:
            n_j, c_j = int(pairs[0, j]), int(pairs[1, j])
            i = np.arange(int(kmax[j]), dtype=float)
            tables.append(np.cumsum(np.log1p(-c_j / (n_j - i))))
            offset[j] = position
            position += tables[-1].size
        flat = np.concatenate(tables)
        members = slice(None) if chunk.size == used.size else np.isin(pair, chunk)
        res[members] = -np.expm1(flat[offset[pair[members]] + k[members] - 1])
        start = stop
    return res


def pass_at_k(n, c, k) -> np.ndarray:
    """Unbiased pass@k of Chen et al. (2021) (bibtex ``chen2021codex``): the probability that at least
    one of ``k`` samples drawn without replacement from ``n`` generated samples, ``c`` of them correct,
    is correct: 1 - C(n-c, k) / C(n, k).

    The ratio of binomials is computed as the product prod_{i<k} (1 - c / (n - i)) summed in log space
    with ``log1p`` (no binomial is ever formed, so n = 10,000 and k = 10,000 are exact to rounding);
    the result is exactly 1 where n - c < k and exactly 0 where c = 0. Vectorised: ``n``, ``c`` and ``k``
    broadcast against each other.

    Parameters
    ----------
    n : array_like of int
        Samples generated per problem (>= 1).
    c : array_like of int
        Correct samples among them (0 <= c <= n).
    k : array_like of int
        Samples drawn (1 <= k <= n).

    Returns
    -------
    ndarray of float (a numpy scalar for scalar input)
    """
    n = _require_counts("n", n)
    c = _require_counts("c", c)
    k = _require_counts("k", k)
    if np.any(n < 1):
        raise ValueError(f"n must be at least 1; got {n.min()}")
    if np.any(n > MAX_SAMPLES):
        raise ValueError(f"n must be at most {MAX_SAMPLES:,} samples per problem; got {n.max()}")
    if np.any(k < 1):
        raise ValueError(f"k must be at least 1; got {k.min()}")
    # Each distinct (n, c) pair gets one running product over i < max k; it is found on n and c alone
    # (before they broadcast against k), so a grid of many k costs no sort of the full grid.
    n_pairs, c_pairs = np.broadcast_arrays(n, c)
    pairs, pair_of = np.unique(np.stack([n_pairs.ravel(), c_pairs.ravel()]), axis=1, return_inverse=True)
    pair_of = pair_of.reshape(n_pairs.shape)
    n, c, k, pair_of = np.broadcast_arrays(n, c, k, pair_of)
    if np.any(c > n):
        i = np.argwhere(c > n)[0]
        raise ValueError(f"c must not exceed n; got c = {c[tuple(i)]} > n = {n[tuple(i)]}")
    if np.any(k > n):
        i = np.argwhere(k > n)[0]
        raise ValueError(f"k must not exceed n; got k = {k[tuple(i)]} > n = {n[tuple(i)]}")
    out = np.ones(n.shape, dtype=float)
    certain = (n - c) < k
    zero = c == 0
    out[zero] = 0.0
    todo = ~certain & ~zero
    if todo.any():
        out[todo] = _one_minus_ratio(pairs, pair_of[todo], k[todo])
    return out[()] if out.ndim == 0 else out


def coverage(n, c, ks) -> np.ndarray:
    """Coverage@k: mean over problems of pass@k, for each k in ``ks``.

    Parameters
    ----------
    n, c : array_like of int
        Samples and correct samples per problem (same shape, 1-D).
    ks : array_like of int
        Sample counts at which to evaluate.
    """
    n = _require_counts("n", n)
    c = _require_counts("c", c)
    require_same_shape(n=n, c=c)
    require_min_length("c", np.ravel(c), 1)
    ks = np.atleast_1d(_require_counts("ks", ks))
    if np.any(ks < 1):
        raise ValueError(f"ks must be at least 1; got {int(ks.min())}")
    return pass_at_k(np.ravel(n)[:, None], np.ravel(c)[:, None], ks[None, :]).mean(axis=0)
