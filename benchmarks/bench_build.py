"""Time the book's build in one run: clean, after a one-module edit, and with nothing changed.

Usage::

    python benchmarks/bench_build.py [--clone DIR] [--module analysis/collapse/gaussian.py] [--jobs 2] [--keep]

Clones the current HEAD (so the working tree is untouched), reuses this checkout's ``.venv`` (the
environment is not what is measured; without one, ``make venv`` makes it first, untimed), then runs
``tools/build_book.py execute`` and ``site`` three times:

1. clean: nothing executed yet;
2. one-module edit: a comment appended to ``--module`` (only the pages and ledger parts that import it,
   transitively, should re-execute);
3. no change: nothing should execute and the site should not be rebuilt.

It prints the seconds of each phase, the pages and ledger parts re-executed, and the ratios against the
targets: a one-module edit within 35 % of the clean execution time, clean execution + site within 60 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE = re.compile(r"^\s+(?P<name>\S.*?)\s+(?P<status>executed|cached)\s+(?P<secs>[\d.]+) s$")


def run(cmd: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-6000:] + result.stderr[-6000:])
        sys.exit(f"{' '.join(cmd)} failed after {elapsed:.1f} s")
    return elapsed, result.stdout


def build(clone: Path, jobs: int) -> dict:
    py = str(clone / ".venv" / "bin" / "python")
    exec_s, out = run([py, "tools/build_book.py", "execute", "--jobs", str(jobs)], clone)
    site_s, site_out = run([py, "tools/build_book.py", "site"], clone)
    nodes = [m.groupdict() for m in map(NODE.match, out.splitlines()) if m]
    ran = [n["name"] for n in nodes if n["status"] == "executed"]
    return {"execute": exec_s, "site": site_s, "pages": [n for n in ran if n.startswith("book/")],
            "ledger": [n for n in ran if n.startswith("ledger")], "nodes": len(nodes),
            "site_rebuilt": "nothing changed" not in site_out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clone", help="where to clone (default: a new temporary folder)")
    parser.add_argument("--module", default="analysis/collapse/gaussian.py", help="the module edited in phase 2")
    parser.add_argument("--jobs", type=int, default=2, help="pages executed at once (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the clone")
    args = parser.parse_args()
    workdir = Path(args.clone) if args.clone else Path(tempfile.mkdtemp(prefix="bench-build-")) / "book"
    if workdir.exists():
        sys.exit(f"{workdir} exists; give a new --clone folder")
    subprocess.run(["git", "clone", "-q", str(ROOT), str(workdir)], check=True)
    if (ROOT / ".venv" / "bin" / "python").exists():
        (workdir / ".venv").symlink_to(ROOT / ".venv")
    else:
        subprocess.run(["make", "venv"], cwd=workdir, check=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=workdir, capture_output=True,
                            text=True).stdout.strip()
    try:
        phases = {"clean": build(workdir, args.jobs)}
        with open(workdir / args.module, "a") as f:
            f.write("\n# benchmark: a one-module edit\n")
        phases["one-module edit"] = build(workdir, args.jobs)
        phases["no change"] = build(workdir, args.jobs)
    finally:
        if not args.keep and not args.clone:
            shutil.rmtree(workdir.parent, ignore_errors=True)
    print(f"commit {commit}, {os.cpu_count()} cores, --jobs {args.jobs}, edited {args.module}")
    print(f"{'phase':<16} {'execute':>8} {'site':>7} {'total':>7}  re-executed")
    for name, p in phases.items():
        ran = ", ".join(p["pages"]) or "no page"
        print(f"{name:<16} {p['execute']:7.1f}s {p['site']:6.1f}s {p['execute'] + p['site']:6.1f}s  "
              f"{len(p['pages'])} pages ({ran}); {len(p['ledger'])} ledger nodes; "
              f"site {'rebuilt' if p['site_rebuilt'] else 'skipped'}")
    clean, edit, same = phases["clean"], phases["one-module edit"], phases["no change"]
    ratio = edit["execute"] / clean["execute"]
    print(f"one-module edit / clean execution: {ratio:.0%} (target <= 35%)")
    print(f"clean execution + site: {clean['execute'] + clean['site']:.1f} s (target <= 60 s on 2 cores)")
    print(f"no change / clean (execution + site): "
          f"{(same['execute'] + same['site']) / (clean['execute'] + clean['site']):.1%}")


if __name__ == "__main__":
    main()
