"""The ledger does not depend on how many threads BLAS runs.

A BLAS dot or matrix-vector product splits a long sum between threads, so its last bits change with
OPENBLAS_NUM_THREADS; the published-ledger test compares the ledger exactly, so every claim's evidence must
add in a fixed order. The claims below are the ones whose evidence once went through such a product (the
detection study of MC-6, the memorising learner of MC-7 and MC-9); they are evaluated here and in a fresh
interpreter with another BLAS thread count, and the rows must be equal to the last bit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from analysis import ledger as C
from analysis.collapse import vocab

ROOT = Path(__file__).resolve().parents[1]
#: Claims whose evidence sums long vectors (20,000 and 300,000 word types).
LONG_SUM_CLAIMS = ("MC-6", "MC-7", "MC-9")

_SCRIPT = """
import sys
from analysis import ledger as C
print(C.to_json([C.evaluate(C.get_claim(i)) for i in sys.argv[1:]]))
"""


def _other_thread_count() -> str:
    """A BLAS thread count different from this process's (the project runs tests with 1)."""
    return "2" if os.environ.get("OPENBLAS_NUM_THREADS", "") == "1" else "1"


def test_long_sum_claims_are_the_same_with_another_blas_thread_count():
    here = C.to_json([C.evaluate(C.get_claim(i)) for i in LONG_SUM_CLAIMS])
    env = {**os.environ, "OPENBLAS_NUM_THREADS": _other_thread_count(), "OMP_NUM_THREADS": _other_thread_count(),
           "PYTHONHASHSEED": "0"}
    out = subprocess.run([sys.executable, "-c", _SCRIPT, *LONG_SUM_CLAIMS], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True, timeout=600)
    there = out.stdout.strip()
    assert there == here.strip(), "the ledger rows of " + ", ".join(LONG_SUM_CLAIMS) + " depend on the BLAS thread count"


def test_weighted_sum_is_numpys_pairwise_sum_and_close_to_the_dot_product():
    rng = np.random.default_rng(3)
    w, x = rng.random(300_000), rng.standard_normal(300_000)
    assert vocab.weighted_sum(w, x) == np.sum(w * x)
    assert abs(vocab.weighted_sum(w, x) - w @ x) <= 1e-12 * np.sum(np.abs(w * x))  # only the order differs
    rows = rng.integers(0, 5, size=(7, 1000))
    np.testing.assert_array_equal(vocab.weighted_sum(rows, x[:1000]), [np.sum(r * x[:1000]) for r in rows])
