"""Cost of the test-time chapter's heavy analyses and of its claims, each cold in a fresh interpreter.

Run: .venv/bin/python benchmarks/bench_testtime.py [--repeats N]
Each line is one analysis run in its own interpreter (so no cache of another line helps it), as the book
build runs the chapter and the ledger in separate processes: wall-clock and CPU seconds of the call itself
(imports excluded), the best of N runs. The ledger line evaluates every claim of analysis.testtime.claims.
Another checkout can be timed by running this file with PYTHONPATH pointing at it.
"""

from __future__ import annotations

import argparse

try:
    from benchmarks.cold import report
except ImportError:  # run as a script from the benchmarks folder
    from cold import report

SETUP = "from analysis.testtime import sampling as tt, charts as tc; from analysis import ledger as claims"
CASES = [
    ("coverage curves, MATH, 17 k (7 models x 128 problems)", "tt.coverage_curves('MATH')"),
    ("coverage of one model at every k = 1..10,000", "tt._selector_curve('Pythia 2.8B', 'coverage', 1.0, 0.01)"),
    ("FLOP-matched pairs, inference only (21 pairs)", "tt.flop_matched_pairs(256.0)"),
    ("pair wins at 22 ratios R (wins_by_ratio)", "tt.wins_by_ratio()"),
    ("total-compute chart (7 ratios)", "tc.total_compute_chart(1.0)"),
    ("selection curves of one model (votes, verifier)", "tt.selection_curves('MATH', 'Pythia 2.8B')"),
    ("verifier optima, 7 models", "tt.verifier_optima()"),
    ("ledger: every claim of analysis.testtime.claims", "claims.evaluate_all(('analysis.testtime.claims',))"),
]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1, help="fresh interpreters per case (best is shown)")
    args = parser.parse_args(argv)
    report(SETUP, CASES, args.repeats)


if __name__ == "__main__":
    main()
