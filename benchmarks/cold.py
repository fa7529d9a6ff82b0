"""Time one statement cold: in a fresh interpreter, after its imports, wall-clock and CPU seconds.

Shared by the chapter benchmarks. A fresh interpreter per measurement keeps one analysis's caches
(functools.lru_cache) from helping the next, as in the book build, where each chapter and the ledger run in
processes of their own. CPU time is reported beside wall time because a shared machine's load inflates the
latter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

_PROBE = """
import json, sys, time
exec(sys.argv[1])
wall, cpu = time.perf_counter(), time.process_time()
exec(sys.argv[2])
print(json.dumps([time.perf_counter() - wall, time.process_time() - cpu]))
"""


def cold_time(setup: str, statement: str) -> tuple[float, float]:
    """(wall, cpu) seconds of ``statement`` run once in a fresh interpreter after ``setup``."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    env.setdefault("OMP_NUM_THREADS", "1")
    out = subprocess.run([sys.executable, "-c", _PROBE, setup, statement], env=env, check=True,
                         capture_output=True, text=True)
    wall, cpu = json.loads(out.stdout.strip().splitlines()[-1])
    return wall, cpu


def report(setup: str, cases: list[tuple[str, str]], repeats: int = 1) -> None:
    """Print one line per (label, statement): the best wall and CPU seconds of ``repeats`` cold runs."""
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1; got {repeats}")
    where = subprocess.run([sys.executable, "-c", "import analysis; print(analysis.__file__)"], check=True,
                           capture_output=True, text=True).stdout.strip()
    print(f"package timed: {where}")
    print(f"{'wall s':>7} {'cpu s':>7}  analysis (cold, best of {repeats})")
    for label, statement in cases:
        runs = [cold_time(setup, statement) for _ in range(repeats)]
        wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        print(f"{wall:7.2f} {cpu:7.2f}  {label}", flush=True)
