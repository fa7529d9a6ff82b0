"""Throughput of analysis.collapse.gaussian.gaussian_chain in chains x generations x samples per second, and the
cost of the chapter's other cached analyses (mix sweep, truncated sampling, tails curves, detection study).

Run: .venv/bin/python benchmarks/bench_collapse.py [--chapter-only] [--repeats N]
Prints one line per setting: the best of three timed runs (after one warm-up run), then one timed cold run
of each cached analysis; then the chapter's heavy analyses and the ledger's collapse claims, each in a fresh
interpreter (wall and CPU seconds, best of N; see benchmarks/cold.py). ``--chapter-only`` prints only the
last part. Another checkout can be timed by running this file with PYTHONPATH pointing at it.
"""

from __future__ import annotations

import argparse
import time

from analysis.collapse import gaussian as mc
from analysis.collapse import vocab
from analysis.collapse import tails

try:
    from benchmarks.cold import report
except ImportError:  # run as a script from the benchmarks folder
    from cold import report

SETTINGS = [
    # (chains, generations, samples per generation, mode, method)
    (1_000, 100, 100, "replace", "samples"),
    (10_000, 100, 100, "replace", "samples"),
    (1_000, 100, 1_000, "accumulate", "samples"),
    (1_000, 100, 100, "mix", "samples"),
    (10_000, 100, 100, "replace", "exact"),
    (10_000, 100, 10_000, "replace", "exact"),
]


def best_time(chains: int, generations: int, samples: int, mode: str, method: str, repeats: int = 3) -> float:
    kwargs = {"mode": mode, "method": method, "real_fraction": 0.2 if mode == "mix" else 0.0}
    mc.gaussian_chain(generations, samples, chains, **kwargs)  # warm-up
    times = []
    for r in range(repeats):
        start = time.perf_counter()
        mc.gaussian_chain(generations, samples, chains, seed=r, **kwargs)
        times.append(time.perf_counter() - start)
    return min(times)


#: The chapter's heavy cells and the ledger's collapse claims, each timed cold in its own interpreter.
CHAPTER_SETUP = "from analysis.collapse import gaussian as mc, vocab, tails; from analysis import ledger as claims"
CHAPTER_CASES = [
    ("detection table (4 corpus sizes, Monte-Carlo power)", "vocab.detection_table(generation=5, seed=0)"),
    ("tails curves, then the plateau table", "tails.scaling_curves(); tails.plateau_table()"),
    ("vocabulary runs (3 modes x 8 chains x 30 generations)", "vocab.vocabulary_runs(tokens=200_000, seed=0)"),
    ("Kazdan comparison, both estimators", "[mc.kazdan_comparison(4000, 0, e) for e in ('mle', 'unbiased')]"),
    ("mix sweep, chapter then claims (same arguments)",
     "mc.mix_sweep(100, 20, n_chains=1000, seed=0); mc.mix_sweep(100, 20, n_chains=1000, seed=0)"),
    ("ledger: every claim of analysis.collapse.claims", "claims.evaluate_all(('analysis.collapse.claims',))"),
]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapter-only", action="store_true", help="only the cold chapter and ledger timings")
    parser.add_argument("--repeats", type=int, default=1, help="fresh interpreters per chapter case (best is shown)")
    args = parser.parse_args(argv)
    if not args.chapter_only:
        throughput()
    report(CHAPTER_SETUP, CHAPTER_CASES, args.repeats)


def throughput() -> None:
    print(f"{'chains':>7} {'gens':>5} {'samples':>8} {'mode':<10} {'method':<8} {'seconds':>8} {'chain-gen-samples/s':>20}")
    for chains, gens, samples, mode, method in SETTINGS:
        t = best_time(chains, gens, samples, mode, method)
        print(f"{chains:>7} {gens:>5} {samples:>8} {mode:<10} {method:<8} {t:>8.3f} {chains * gens * samples / t:>20.3e}")
    start = time.perf_counter()
    mc.fan_runs.cache_clear()
    mc.fan_runs()
    print(f"chapter fan grid (2 modes x 5 sizes x 2000 chains x 100 generations, exact): {time.perf_counter() - start:.3f} s")
    p = vocab.word_frequencies()["probability"].to_numpy()
    cold = [
        ("mix sweep (21 shares x 1000 chains x 100 generations)", lambda: mc.mix_sweep(100, 20, n_chains=1000)),
        ("truncated iteration (20,000 types x 10 generations)", lambda: vocab.truncated_iteration(p, 10, top_p=0.95)),
        ("tails curves and plateau table (300,000 types)", lambda: tails.plateau_table()),
        ("detection study at 1e8 tokens per generation", lambda: vocab.detection_study(vocab.REALISTIC_TOKENS, 5)),
    ]
    for label, call in cold:
        start = time.perf_counter()
        call()
        print(f"{label}: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
