"""Exact pass@k and coverage from counts of correct samples (shared by the test-time and other-side chapters).

If ``c`` of ``n`` generated samples of a problem are correct, pass@k is the probability that at least one
of ``k`` samples drawn without replacement is correct; coverage@k is its mean over problems.
"""

from __future__ import annotations

import numpy as np

from .validation import require_min_length, require_nonnegative, require_same_shape

#: Largest number of samples per problem accepted (the released data have 10,000; far more is a mistake).
MAX_SAMPLES = 10**8


def _require_counts(name: str, value) -> np.ndarray:
    arr = require_nonnegative(name, value)
    bad = arr != np.round(arr)
    if bad.any():
        raise ValueError(f"{name} must hold whole numbers; got {arr[bad].ravel()[0]!r}")
    return arr.astype(np.int64)


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
    n, c, k = np.broadcast_arrays(n, c, k)
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
        nn, cc, kk = n[todo], c[todo], k[todo]
        res = np.empty(nn.shape)
        pairs, inverse = np.unique(np.stack([nn, cc]), axis=1, return_inverse=True)
        inverse = inverse.ravel()
        for j in range(pairs.shape[1]):
            members = inverse == j
            n_j, c_j = int(pairs[0, j]), int(pairs[1, j])
            kmax = int(kk[members].max())
            i = np.arange(kmax, dtype=float)
            log_ratio = np.cumsum(np.log1p(-c_j / (n_j - i)))
            res[members] = -np.expm1(log_ratio[kk[members] - 1])
        out[todo] = res
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
    return pass_at_k(np.ravel(n)[:, None], np.ravel(c)[:, None], ks[None, :]).mean(axis=0)
