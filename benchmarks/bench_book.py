"""The book's speed in one table (issue 31): clean, no-change and one-module-edit builds, test time, page
weights and the slowest pages, on a fresh clone.

Usage::

    .venv/bin/python benchmarks/bench_book.py [--ref HEAD] [--module analysis/collapse/gaussian.py]
        [--tests] [--browser] [--jobs 2] [--keep DIR]

It clones ``--ref`` (default HEAD: the working tree is untouched) into a temporary folder and gives the
clone an environment of its own that reuses this checkout's installed packages (a venv whose
``site-packages`` points at the clone first, then at this checkout's ``.venv``; not timed). Then:

1. clean: ``tools/build_book.py execute`` then ``site``, nothing executed before;
2. no change: the same again (nothing should execute, the site should not be rebuilt);
3. one-module edit: a comment appended to ``--module``; the pages and ledger parts that re-execute are
   compared with those whose inputs (``tools/depgraph.py``) hold the module;
4. with ``--tests``: ``make book-student`` and the test suite as ``make test`` runs it (``pytest -n 2
   --dist loadfile``), timed, with the slowest test files (from a JUnit report);
5. page weights: the bytes each content page loads (HTML and every local file it references, as a browser
   without a cache fetches them), uncompressed and gzip-compressed (as a web host serves them); with
   ``--browser``, the same measured in Chromium with the seconds until every chart is drawn.

Every phase is timed twice: wall-clock seconds and CPU seconds (user + system of every process it
started, from ``wait4``), because a shared machine's load inflates wall time but not CPU time. The machine's
load average is printed before and after.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[1]
NODE = re.compile(r"^\s+(?P<name>\S.*?)\s+(?P<status>executed|cached)\s+(?P<secs>[\d.]+) s(?:\s+cpu\s+(?P<cpu>[\d.]+) s)?$")
#: Targets of issue 31.
CLEAN_TARGET_S, TEST_TARGET_S, PAGE_TARGET_BYTES, NO_CHANGE_SHARE = 60.0, 300.0, 3_000_000, 0.05


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def timed(cmd: list[str], cwd: Path, env: dict | None = None, check: bool = True) -> tuple[float, float, str]:
    """(wall s, cpu s, stdout) of ``cmd``; CPU of the command and every process it waited for."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, **(env or {})})
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if check and proc.returncode != 0:
        sys.stdout.write(out[-6000:])
        sys.exit(f"{' '.join(cmd)} failed (exit {proc.returncode}) after {wall:.1f} s")
    return wall, usage.ru_utime + usage.ru_stime, out


# --- a clone with an environment of its own ------------------------------------------------------------

def make_clone(ref: str, where: Path) -> Path:
    """Clone ``ref`` into ``where`` and give it a ``.venv`` that imports the clone's ``analysis`` and this
    checkout's installed packages (scripts such as ``jupyter-book`` rewritten to start the clone's Python)."""
    subprocess.run(["git", "clone", "-q", str(ROOT), str(where)], check=True)
    subprocess.run(["git", "checkout", "-q", ref], cwd=where, check=True)
    source_venv = ROOT / ".venv"
    if not (source_venv / "bin" / "python").exists():
        subprocess.run(["make", "venv"], cwd=ROOT, check=True)
    base = Path(sys.base_prefix) / "bin" / "python3"
    venv = where / ".venv"
    subprocess.run([str(base), "-m", "venv", "--without-pip", str(venv)], check=True)
    cfg = venv / "pyvenv.cfg"  # the build reads where the venv was made from this line
    cfg.write_text(re.sub(r" --without-pip", "", cfg.read_text()))
    site = Path(subprocess.run([str(venv / "bin" / "python"), "-c",
                                "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "aaa_checkout.pth").write_text(os.path.relpath(where, site) + "\n")
    (site / "zzz_packages.pth").write_text(f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n")
    for script in (source_venv / "bin").iterdir():
        target = venv / "bin" / script.name
        if target.exists() or not script.is_file():
            continue
        head = script.read_bytes()[:200]
        if head.startswith(b"#!") and b"python" in head.split(b"\n", 1)[0]:
            body = script.read_text().split("\n", 1)[1]
            target.write_text(f"#!{venv / 'bin' / 'python'}\n{body}")
            target.chmod(0o755)
    return where


# --- builds ------------------------------------------------------------------------------------------------

def build(clone: Path, jobs: int) -> dict:
    py = str(clone / ".venv" / "bin" / "python")
    ew, ec, out = timed([py, "tools/build_book.py", "execute", "--jobs", str(jobs)], clone)
    sw, sc, site_out = timed([py, "tools/build_book.py", "site"], clone, check=False)
    nodes = [m.groupdict() for m in map(NODE.match, out.splitlines()) if m]
    ran = [n for n in nodes if n["status"] == "executed"]
    return {"execute": (ew, ec), "site": (sw, sc), "nodes": nodes, "ran": [n["name"] for n in ran],
            "site_rebuilt": "nothing changed" not in site_out, "site_failed": "site build failed" in site_out}


def expected_after_edit(clone: Path, module: str) -> set[str]:
    """The pages and ledger parts whose inputs hold ``module`` (what should re-execute), from the clone's
    own build script; the intro and ledger pages follow the ledger artefact's content, not the module."""
    code = f"""
import sys; sys.path.insert(0, 'tools')
import build_book as b, depgraph
from pathlib import Path
m = (b.ROOT / {module!r}).resolve()
out = [d for d in b.toc_docnames() if m in {{p.resolve() for p in b.page_inputs(d)}}]
out += ['ledger: ' + b.part_name(x) for x in b.claim_module_names() if depgraph.module_file(b.ROOT, x)
        and m in {{p.resolve() for p in depgraph.closure(b.ROOT, {{x}})}}]
print('\\n'.join(out))
"""
    out = subprocess.run([str(clone / ".venv" / "bin" / "python"), "-c", code], cwd=clone, capture_output=True,
                         text=True, check=True).stdout
    return {ln for ln in out.splitlines() if ln.strip()}


# --- page weights ------------------------------------------------------------------------------------------

class _Refs(HTMLParser):
    """Local files a browser fetches on load: scripts, stylesheets, images, icons (not links to follow)."""

    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.refs.append(a["src"])
        elif tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {"stylesheet", "icon", "preload"}:
            self.refs.append(a["href"])
        elif tag in ("img", "source") and a.get("src"):
            self.refs.append(a["src"])


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def page_weights(site: Path) -> dict[str, dict]:
    """Bytes each content page loads (uncompressed and gzip-compressed): its HTML and every local file its
    tags fetch, plus the fonts and files its stylesheets name (url(...)) when they exist."""
    out = {}
    cache: dict[Path, tuple[int, int]] = {}

    def size(path: Path) -> tuple[int, int]:
        if path not in cache:
            data = path.read_bytes()
            cache[path] = (len(data), _gz(data))
        return cache[path]

    for page in sorted((site / "book").glob("*.html")):
        text = page.read_text(errors="replace")
        if text.lstrip().startswith('<meta http-equiv="Refresh"'):
            continue
        parser = _Refs()
        parser.feed(text)
        files = {page}
        for ref in parser.refs:
            u = urlparse(ref)
            if u.scheme or u.netloc or not u.path:
                continue
            path = (page.parent / unquote(u.path)).resolve()
            if path.is_file():
                files.add(path)
        raw = sum(size(f)[0] for f in files)
        gz = sum(size(f)[1] for f in files)
        out[page.relative_to(site).as_posix()] = {"bytes": raw, "gzip": gz, "html": size(page)[0]}
    return out


def browser_weights(site: Path) -> dict[str, dict]:
    """Bytes each content page transfers in Chromium (Resource Timing; text gzip-encoded as the host serves
    it) and seconds from the start of navigation until every chart is drawn (the page's own clock), as
    tests/test_browser.py measures them."""
    sys.path.insert(0, str(ROOT / "tests"))
    import functools
    import http.server
    import threading

    from chromium_launch import launch_chromium
    from playwright.sync_api import sync_playwright

    from test_browser import _QuietHandler as Quiet  # the site as its host serves it (gzip)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    drawn = """() => Array.from(document.querySelectorAll('div[id^="altair-viz-"]'))
        .every(d => d.querySelector('svg.marks, canvas') !== null || d.querySelector('.error'))"""
    weigh = """() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
        .reduce((n, e) => n + (e.transferSize || e.encodedBodySize || 0), 0)"""
    out = {}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for page_path in sorted((site / "book").glob("*.html")):
            rel = page_path.relative_to(site).as_posix()
            ctx = browser.new_context(viewport={"width": 1280, "height": 800})
            page = ctx.new_page()
            page.goto(f"{url}/{rel}", wait_until="load")
            page.wait_for_function(drawn, timeout=30_000, polling=50)
            out[rel] = {"bytes": page.evaluate(weigh), "drawn_s": page.evaluate("() => performance.now()") / 1000,
                        "charts": page.locator('div[id^="altair-viz-"]').count()}
            ctx.close()
        browser.close()
    httpd.shutdown()
    return out


# --- tests -------------------------------------------------------------------------------------------------

def run_tests(clone: Path, workers: int) -> dict:
    py = str(clone / ".venv" / "bin" / "python")
    sw, sc, _ = timed([py, "tools/build_book.py", "student"], clone)
    junit = clone / "_build" / "junit.xml"
    env = {"PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    tw, tc, out = timed([py, "-m", "pytest", "-n", str(workers), "--dist", "loadfile", "-q", "-p", "no:cacheprovider",
                         f"--junitxml={junit}"], clone, env, check=False)
    per_file: dict[str, float] = {}
    if junit.exists():
        for case in ET.parse(junit).getroot().iter("testcase"):
            name = (case.get("file") or case.get("classname", "").split(".")[0].replace(".", "/") + ".py")
            per_file[name] = per_file.get(name, 0.0) + float(case.get("time", 0))
    summary = next((ln for ln in reversed(out.splitlines()) if " passed" in ln or " failed" in ln), out[-200:])
    return {"student": (sw, sc), "tests": (tw, tc), "summary": summary.strip("= "), "per_file": per_file}


# --- the table ---------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ref", default="HEAD", help="the commit to measure (default HEAD)")
    parser.add_argument("--module", default="analysis/collapse/gaussian.py", help="the module edited in phase 3")
    parser.add_argument("--jobs", type=int, default=2, help="pages executed at once (default 2)")
    parser.add_argument("--tests", action="store_true", help="also time the student edition and the test suite")
    parser.add_argument("--browser", action="store_true", help="also weigh the pages and time their charts in Chromium")
    parser.add_argument("--keep", help="clone into this new folder and keep it (default: a temporary folder, removed)")
    parser.add_argument("--json", help="also write every figure to this JSON file")
    args = parser.parse_args()
    if args.jobs < 1:
        sys.exit(f"--jobs must be at least 1; got {args.jobs}")
    where = Path(args.keep).resolve() if args.keep else Path(tempfile.mkdtemp(prefix="bench-book-")) / "book"
    if where.exists():
        sys.exit(f"--keep {where} exists; give a new folder")
    load_before = load()
    clone = make_clone(args.ref, where)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=clone, capture_output=True,
                            text=True).stdout.strip()
    try:
        phases = {"clean": build(clone, args.jobs), "no change": build(clone, args.jobs)}
        expected = expected_after_edit(clone, args.module)
        with open(clone / args.module, "a") as f:
            f.write("\n# benchmark: a one-module edit\n")
        phases["one-module edit"] = build(clone, args.jobs)
        tests = run_tests(clone, args.jobs) if args.tests else None
        weights = page_weights(clone / "_build" / "html")
        in_browser = browser_weights(clone / "_build" / "html") if args.browser else {}
    finally:
        if not args.keep:
            shutil.rmtree(where.parent, ignore_errors=True)
    load_after = load()

    print(f"commit {commit} ({args.ref}), {os.cpu_count()} cores, --jobs {args.jobs}; "
          f"load average before {load_before}, after {load_after}")
    print(f"\n{'build':<16} {'execute':>15} {'site':>15} {'total':>15}   re-executed")
    print(f"{'':<16} {'wall / cpu s':>15} {'wall / cpu s':>15} {'wall / cpu s':>15}")
    for name, p in phases.items():
        tot = (p["execute"][0] + p["site"][0], p["execute"][1] + p["site"][1])
        pages = [n for n in p["ran"] if n.startswith("book/")]
        parts = [n for n in p["ran"] if not n.startswith("book/")]
        cell = lambda t: f"{t[0]:6.1f} / {t[1]:6.1f}"  # noqa: E731
        print(f"{name:<16} {cell(p['execute']):>15} {cell(p['site']):>15} {cell(tot):>15}   "
              f"{len(pages)} pages, {len(parts)} ledger nodes, site "
              f"{'FAILED (warnings)' if p['site_failed'] else 'rebuilt' if p['site_rebuilt'] else 'skipped'}")
    clean, same, edit = phases["clean"], phases["no change"], phases["one-module edit"]
    clean_wall = clean["execute"][0] + clean["site"][0]
    same_wall = same["execute"][0] + same["site"][0]
    print(f"\nclean execution + site: {clean_wall:.1f} s wall, "
          f"{clean['execute'][1] + clean['site'][1]:.1f} s cpu (target <= {CLEAN_TARGET_S:.0f} s wall on 2 cores)")
    print(f"no change / clean: {same_wall / clean_wall:.1%} of the wall time (target <= {NO_CHANGE_SHARE:.0%})")
    ran = set(edit["ran"]) - {"ledger artefact"}
    print(f"one-module edit ({args.module}): re-executed {sorted(ran) or 'nothing'}; pages and parts importing it: "
          f"{sorted(expected) or 'none'} -> {'only those' if ran <= expected else 'MORE than those'}")
    if tests:
        print(f"\nstudent edition: {tests['student'][0]:.1f} s wall, {tests['student'][1]:.1f} s cpu")
        print(f"tests (pytest -n {args.jobs} --dist loadfile): {tests['tests'][0]:.1f} s wall, "
              f"{tests['tests'][1]:.1f} s cpu (target <= {TEST_TARGET_S:.0f} s wall): {tests['summary']}")
        print("slowest test files (seconds summed over their tests):")
        for name, secs in sorted(tests["per_file"].items(), key=lambda kv: -kv[1])[:10]:
            print(f"  {secs:7.1f}  {name}")
    print(f"\n{'page':<32} {'exec wall':>9} {'exec cpu':>9} {'bytes':>11} {'gzip':>10} {'html':>10}"
          + (f" {'browser':>11} {'drawn s':>8}" if in_browser else ""))
    by_name = {n["name"]: n for n in clean["nodes"]}
    order = sorted(by_name.values(), key=lambda n: -float(n["cpu"] or n["secs"]))
    for n in order:
        rel = n["name"] + ".html" if n["name"].startswith("book/") else ""
        w = weights.get(rel, {})
        line = (f"{n['name']:<32} {float(n['secs']):9.1f} {float(n['cpu'] or 0):9.1f} "
                f"{w.get('bytes', 0):11,} {w.get('gzip', 0):10,} {w.get('html', 0):10,}")
        if in_browser and rel in in_browser:
            line += f" {in_browser[rel]['bytes']:11,} {in_browser[rel]['drawn_s']:8.2f}"
        print(line)
    heavy = [r for r, w in weights.items() if w["bytes"] > PAGE_TARGET_BYTES]
    print(f"pages above {PAGE_TARGET_BYTES / 1e6:.0f} MB uncompressed: {heavy or 'none'}")
    if args.json:
        Path(args.json).write_text(json.dumps({"commit": commit, "load": [load_before, load_after], "phases": phases,
                                               "expected_after_edit": sorted(expected), "tests": tests,
                                               "weights": weights, "browser": in_browser}, indent=1, default=str))


if __name__ == "__main__":
    main()
