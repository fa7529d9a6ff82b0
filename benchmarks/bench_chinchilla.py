"""Benchmark of analysis.chinchilla.refit's fit: the fast multi-start fit against the plain per-start scipy loop.

Run from the repository root:  .venv/bin/python benchmarks/bench_chinchilla.py [--resample-checks K]

It prints
1. the time of the plain loop (one scipy L-BFGS-B per start, finite-difference gradients, as in Besiroglu et
   al.'s replication) over the 4500 starts, the time of ``fit_parametric_loss`` (best of 3), both best
   objectives, and the speed-up; it exits non-zero if the fast fit's objective is worse;
2. the time of a 4000-resample bootstrap with 1 and 2 worker processes;
3. for K resamples (default 20), the warm-started bootstrap refit against a full 4500-start fast refit of
   the same resample (largest objective gap), which checks that warm starts find the resample's optimum.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.chinchilla import refit as ch, law  # noqa: E402
from analysis.house.data import load_chinchilla_runs  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resample-checks", type=int, default=20)
    parser.add_argument("--n-boot", type=int, default=4000)
    args = parser.parse_args()

    runs = load_chinchilla_runs()
    N, D, L = (runs[c].to_numpy() for c in ("N_params", "D_tokens", "loss"))

    t0 = time.perf_counter()
    plain = ch.fit_parametric_loss_plain(N, D, L)
    t_plain = time.perf_counter() - t0
    fast_times = []
    for _ in range(3):
        t0 = time.perf_counter()
        fast = ch.fit_parametric_loss(N, D, L)
        fast_times.append(time.perf_counter() - t0)
    t_fast = min(fast_times)
    print(f"plain loop, 4500 starts:   {t_plain:7.2f} s   best objective {plain.objective:.10f}")
    print(f"fast fit (best of 3):      {t_fast:7.3f} s   best objective {fast.objective:.10f}")
    print(f"speed-up: {t_plain / t_fast:.0f}x   objective gap (fast - plain): {fast.objective - plain.objective:+.2e}")
    for name in ("E", "A", "B", "alpha", "beta"):
        print(f"  {name:<6} plain {getattr(plain, name):10.4f}   fast {getattr(fast, name):10.4f}")
    ok = fast.objective <= plain.objective * (1 + 1e-6)

    for jobs in (1, 2):
        t0 = time.perf_counter()
        boot = ch.bootstrap_fit(N, D, L, n_boot=args.n_boot, seed=0, n_jobs=jobs)
        print(f"bootstrap, {args.n_boot} resamples, {jobs} process(es): {time.perf_counter() - t0:6.2f} s   "
              f"a = {boot.fit.allocation_exponent:.3f} (90% {boot.interval('allocation_exponent')[0]:.3f}-"
              f"{boot.interval('allocation_exponent')[1]:.3f})")

    rng = np.random.default_rng(0)
    n = len(N)
    gaps = []
    logs = (np.log(N), np.log(D), np.log(L))
    for _ in range(args.resample_checks):
        w = np.bincount(rng.integers(0, n, n), minlength=n).astype(float)
        warm, warm_value = ch._polish(fast.log_params, (*logs, w), law.HUBER_DELTA, law.HUBER_DELTA * w.sum())
        full = ch.fit_parametric_loss(N, D, L, weights=w)
        gaps.append((warm_value - full.objective) / full.objective)
    if gaps:
        print(f"warm-start refits vs full multi-start refits on {len(gaps)} resamples: "
              f"largest relative objective gap {max(gaps):+.1e}")
        ok = ok and max(gaps) < 1e-6
    print("MATCH" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
