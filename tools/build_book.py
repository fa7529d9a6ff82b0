"""Execute the book's pages (with a dependency-aware cache) and build the site.

Usage::

    python tools/build_book.py execute   # the ledger artefact, then every page whose inputs changed
    python tools/build_book.py site      # Jupyter Book 1.x, warnings are errors (skipped if nothing changed)
    python tools/build_book.py all       # both
    python tools/build_book.py student   # the student edition (no solutions anywhere) in _build/student/html
    python tools/build_book.py one book/chinchilla.md   # re-execute one page (.md optional)

A page is re-executed only when one of its inputs changed: its source, the ``analysis`` modules its code
imports (transitively, found from the code by ``tools/depgraph.py``), the data files those modules name,
the pinned requirements and, for the pages that read it, the content of the ledger artefact. The ledger
artefact (``_build/ledger/ledger.json`` and ``.csv``, what ``python -m analysis.ledger`` writes) is one node
of the same graph: it depends on ``analysis/ledger`` and everything the claim modules import, it is
(re)built before the intro and ledger pages execute, and it is computed one claim module at a time (each
part cached on that module's own inputs) with ``analysis.ledger.evaluate_all`` and ``write_artefact``.
Executed notebooks are written beside their sources as ``book/<name>.ipynb`` (git-ignored), replacing the
previous one only when the new run succeeds; a page that fails leaves ``book/<name>.failed.ipynb`` and its
full traceback in ``_build/logs/<name>.log``. A code cell (or a ledger part) that runs longer than
``$BOOK_CELL_TIMEOUT`` seconds (default 600; ``make book BOOK_CELL_TIMEOUT=1800`` on a slow machine) is
stopped, and the build names the page and the cell.

Every command first checks that this interpreter runs this checkout's code: a ``.venv`` made for another
place (a copied or moved checkout) stops the build with what to run. The cache key includes the
interpreter's version.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import jupytext
import nbformat
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import depgraph  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
BUILD = ROOT / "_build"
CACHE = BUILD / "exec-cache"
LOGS = BUILD / "logs"
LEDGER = BUILD / "ledger" / "ledger.json"
LEDGER_STAMP = CACHE / "ledger.sha256"
#: The ledger parts (one per claim module); the pages the build executes are told where they are
#: (``$SCALING_BOOK_LEDGER_PARTS``, :mod:`analysis.ledger.reuse`) once the parts they show are up to date.
PARTS = LEDGER.parent / "parts"
PARTS_ENV = "SCALING_BOOK_LEDGER_PARTS"
SITE_STAMP = CACHE / "site.sha256"
REQUIREMENTS = ROOT / "requirements.txt"
#: Pages that read the ledger artefact (besides any page whose code calls ``load_records``).
LEDGER_PAGES = ("book/intro", "book/ledger")
#: Inputs of the site build besides the executed notebooks.
SITE_INPUTS = ("_config.yml", "_toc.yml", "references.bib", "tools")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
#: Seconds one code cell (and one ledger part) may run; raise it on a slow machine.
TIMEOUT_ENV = "BOOK_CELL_TIMEOUT"
DEFAULT_TIMEOUT = 600
#: Part of every cache key: pages executed by another interpreter are executed again.
INTERPRETER = f"{platform.python_implementation()} {platform.python_version()}".encode()
FIX = "make distclean && make book"


# --- the interpreter runs this checkout's code ----------------------------------------------------------

def venv_made_at(prefix: Path) -> Path | None:
    """Where the virtual environment ``prefix`` was made (``pyvenv.cfg``'s ``command`` line), or None."""
    cfg = prefix / "pyvenv.cfg"
    text = cfg.read_text(errors="replace") if cfg.is_file() else ""
    m = re.search(r"^command\s*=.*\s-m\s+venv\s+(.+?)\s*$", text, re.M)
    return Path(m[1]) if m else None


def analysis_origin(python: str | Path, cwd: Path) -> Path | None:
    """The ``analysis/__init__.py`` that ``python`` imports when run in ``cwd`` (as a kernel in ``book/`` does),
    or None when it cannot import one."""
    code = "import importlib.util as u; s = u.find_spec('analysis'); print(s.origin if s and s.origin else '')"
    out = subprocess.run([str(python), "-c", code], cwd=cwd, capture_output=True, text=True)
    return Path(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


def environment_problem(root: Path = ROOT, prefix: Path | None = None, python: str | Path | None = None) -> str | None:
    """Why this interpreter would not run ``root``'s code (a ``.venv`` copied or moved from another checkout:
    its scripts start the other place's Python, and its install may point at the other checkout), or None."""
    prefix = Path(sys.prefix if prefix is None else prefix)
    made = venv_made_at(prefix)
    if made is not None and made.resolve() != prefix.resolve():
        return (f"{prefix} was made at {made} and copied or moved here: its scripts still start the Python "
                f"there. Run:  {FIX}")
    origin = analysis_origin(python or sys.executable, root / "book")
    expected = (root / "analysis" / "__init__.py").resolve()
    if origin is None:
        return f"{python or sys.executable} cannot import `analysis` (this checkout is {root}). Run:  {FIX}"
    if origin.resolve() != expected:
        return (f"this checkout is {root}, but {python or sys.executable} imports `analysis` from {origin.parent} "
                f"(an environment made for another checkout). Run:  {FIX}")
    return None


def cell_timeout() -> float:
    """The per-cell limit in seconds (``$BOOK_CELL_TIMEOUT``, default 600)."""
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return float(DEFAULT_TIMEOUT)
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        sys.exit(f"{TIMEOUT_ENV} must be a positive number of seconds; got {raw!r}")
    return value


# --- the pages and their inputs ----------------------------------------------------------------------

def toc_docnames(toc_path: Path = ROOT / "_toc.yml") -> list[str]:
    """Every document named in the table of contents, in reading order (e.g. ``book/intro``)."""
    toc = yaml.safe_load(toc_path.read_text())
    names = [toc["root"]]

    def walk(node):
        for key in ("chapters", "sections", "parts"):
            for child in node.get(key, []) or []:
                if "file" in child:
                    names.append(child["file"])
                walk(child)

    walk(toc)
    return [n.removesuffix(".md").removesuffix(".ipynb") for n in names]


def docname_of(arg: str) -> str:
    """``book/x.md``, ``book/x.ipynb``, ``book/x`` or ``x`` -> ``book/x``."""
    name = arg.strip().removeprefix("./").removesuffix(".md").removesuffix(".ipynb")
    return name if "/" in name else f"book/{name}"


def code_sources(source: Path) -> list[str]:
    """The code cells of a page's source. Parsing MyST with jupytext costs about 0.1 s a page, and every
    build asks for each page's cells several times (its digest, the ledger, its parts): the cells are kept
    by the SHA-256 of the source text, in this process and in ``_build/exec-cache/code`` (content-addressed,
    so an edited source is parsed again)."""
    text = source.read_bytes()
    key = hashlib.sha256(text).hexdigest()
    if key not in _CODE:
        stored = CACHE / "code" / f"{key}.json"
        try:
            _CODE[key] = json.loads(stored.read_text())
        except (OSError, ValueError):
            nb = jupytext.read(source)
            _CODE[key] = [c.source for c in nb.cells if c.cell_type == "code"]
            try:
                stored.parent.mkdir(parents=True, exist_ok=True)
                tmp = stored.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_text(json.dumps(_CODE[key]))
                tmp.replace(stored)
            except OSError:
                pass
    return list(_CODE[key])


_CODE: dict[str, list[str]] = {}


def page_parts(docname: str) -> list[str]:
    """The claim modules whose claims the page shows (``ledger.card("CH-1")``): the ledger parts its cards
    can reuse."""
    tree = depgraph.code_cells_tree(code_sources(ROOT / f"{docname}.md"))
    return sorted(depgraph.claims_named(ROOT, tree))


def uses_ledger(docname: str, codes: list[str] | None = None) -> bool:
    codes = code_sources(ROOT / f"{docname}.md") if codes is None else codes
    return docname in LEDGER_PAGES or any("load_records" in c for c in codes)


def page_inputs(docname: str) -> set[Path]:
    """The files (module code and data) one page depends on."""
    return depgraph.page_dependencies(ROOT, code_sources(ROOT / f"{docname}.md"))


def page_digest(docname: str) -> str:
    """Hash of everything one page depends on; a page that reads the ledger depends on the artefact's
    content (so an edit that changes no verdict re-executes neither the intro nor the ledger page)."""
    source = ROOT / f"{docname}.md"
    codes = code_sources(source)
    files = depgraph.page_dependencies(ROOT, codes) | {REQUIREMENTS}
    if uses_ledger(docname, codes):
        files |= {f for f in (LEDGER, LEDGER.with_suffix(".csv")) if f.exists()}
    return depgraph.digest(ROOT, files, source.read_bytes(), INTERPRETER)


def claim_module_names() -> list[str]:
    """The registered claim modules (``CLAIM_MODULES`` of ``analysis/ledger/__init__.py``), read with ast."""
    names = depgraph.registered_claim_modules(ROOT)
    if not names:
        raise SystemExit("analysis/ledger/__init__.py has no CLAIM_MODULES")
    return names


def part_name(module: str) -> str:
    """Short name of a claim module for labels and logs: its chapter (``analysis.progress.claims`` ->
    ``progress``), or its own name outside a chapter (``analysis.ledger.general`` -> ``general``)."""
    parts = module.split(".")
    return parts[-2] if parts[-1] == "claims" else parts[-1]


def ledger_part_digest(module: str) -> str:
    files = depgraph.closure(ROOT, {module}) | {REQUIREMENTS}
    return depgraph.digest(ROOT, files, module.encode(), INTERPRETER)


def has_code(nb: nbformat.NotebookNode) -> bool:
    return any(cell.cell_type == "code" for cell in nb.cells)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    # Two pages run at once on small machines; multi-threaded BLAS in each slows the many tiny
    # linear-algebra calls of the fits by an order of magnitude when the cores are shared.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(var, "1")
    env.setdefault("SCALING_BOOK_LEDGER", str(LEDGER))
    return env


# --- executing one page (in a child process) ---------------------------------------------------------

def reader_cell(nb: nbformat.NotebookNode, index: int) -> tuple[int, int]:
    """(number, total) of cell ``index`` among the code cells a reader sees (papermill's injected
    parameters cell not counted)."""
    code = [i for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and "injected-parameters" not in c.metadata.get("tags", [])]
    return (code.index(index) + 1 if index in code else 0), len(code)


def run_notebook(docname: str) -> None:
    """Convert one page with jupytext and execute it with papermill. Run in a child process whose output
    (the kernel's log lines and, on failure, the full traceback) goes to ``_build/logs/<name>.log``."""
    import papermill

    from nbclient.exceptions import CellTimeoutError

    source = ROOT / f"{docname}.md"
    target = ROOT / f"{docname}.ipynb"
    failed = ROOT / f"{docname}.failed.ipynb"
    # The new run is written aside and replaces the previous good notebook only when it succeeds.
    running = BUILD / "executing" / (docname.replace("/", "__") + ".ipynb")
    timeout = cell_timeout()
    nb = jupytext.read(source)
    if not has_code(nb) and "{code-cell}" in source.read_text():
        sys.exit(f"chapter {docname}.md has code cells but jupytext read none: its header must declare "
                 "the MyST format (copy the header of book/scaling-laws.md)")
    failed.unlink(missing_ok=True)
    if not has_code(nb):
        nbformat.write(nb, target)
        return
    tmp = target.with_suffix(".input.ipynb")
    nbformat.write(nb, tmp)
    running.parent.mkdir(parents=True, exist_ok=True)
    running.unlink(missing_ok=True)
    started: list[int] = []
    try:
        papermill.execute_notebook(
            str(tmp), str(running), cwd=str(source.parent), kernel_name="python3",
            progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            execution_timeout=timeout, on_cell_start=lambda cell, cell_index: started.append(cell_index),
        )
        running.replace(target)
    except CellTimeoutError:
        index = started[-1] if started else -1
        if running.exists():
            running.replace(failed)
        number, total = reader_cell(nb, index)
        first_line = next((ln for ln in nb.cells[index].source.splitlines() if ln.strip()), "") if index >= 0 else ""
        sys.exit(
            f"chapter {docname}.md: code cell {number} of {total} (starting `{first_line.strip()[:60]}`) ran "
            f"longer than {timeout:g} s and was stopped. On a slow machine raise the limit: "
            f"{TIMEOUT_ENV}=<seconds> (make book {TIMEOUT_ENV}=1800)"
            + (f"  (what ran: {failed.relative_to(ROOT)})" if failed.exists() else "")
        )
    except papermill.PapermillExecutionError as err:
        # Keep what ran (outputs up to the error) for debugging; the site never uses it.
        if running.exists():
            running.replace(failed)
        number, total = reader_cell(nb, err.cell_index)  # papermill ran nb's cells, index for index
        first_line = next((ln for ln in str(err.source).splitlines() if ln.strip()), "")
        print("".join(ANSI.sub("", line) + "\n" for line in err.traceback), file=sys.stderr, flush=True)
        sys.exit(
            f"chapter {docname}.md failed in code cell {number} of {total} (starting "
            f"`{first_line.strip()[:60]}`): {err.ename}: {err.evalue}  "
            f"(what ran: {failed.relative_to(ROOT)})"
        )
    finally:
        tmp.unlink(missing_ok=True)


class ChapterFailed(RuntimeError):
    pass


#: CPU seconds (user + system, the child and the processes it waited for, e.g. the kernel) of each node
#: executed in this run, by the name the build prints.
CPU_SECONDS: dict[str, float] = {}


def run_child(args: list[str], out, name: str, timeout: float | None = None, cwd: Path | None = None,
              env: dict[str, str] | None = None) -> int:
    """Run ``args`` (in ``cwd``) with :func:`child_env`, output to ``out``; record its CPU seconds in
    :data:`CPU_SECONDS` under ``name`` (from ``wait4``, so two nodes running at once are told apart).
    Returns the exit code; raises ``subprocess.TimeoutExpired`` (the child killed) after ``timeout`` s."""
    proc = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env={**child_env(), **(env or {})})
    deadline = None if timeout is None else time.monotonic() + timeout
    delay = 0.01
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline is not None and time.monotonic() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            raise subprocess.TimeoutExpired(args, timeout)
        time.sleep(delay)
        delay = min(delay * 2, 0.1)
    proc.returncode = os.waitstatus_to_exitcode(status)
    CPU_SECONDS[name] = usage.ru_utime + usage.ru_stime
    return proc.returncode


def _stamp(docname: str) -> Path:
    return CACHE / (docname.replace("/", "__") + ".sha256")


def execute_one(docname: str, digest: str | None = None, force: bool = False,
                parts: bool = False) -> tuple[str, str, float]:
    """Execute one page if its inputs changed. Returns (docname, status, seconds). ``parts``: the ledger parts
    of the claims the page shows are up to date, and its verdict cards may reuse their rows
    (:mod:`analysis.ledger.reuse`) instead of computing them again."""
    target = ROOT / f"{docname}.ipynb"
    stamp = _stamp(docname)
    log = LOGS / (docname.replace("/", "__") + ".log")
    digest = digest or page_digest(docname)
    if not force and target.exists() and stamp.exists() and stamp.read_text() == digest:
        return docname, "cached", 0.0
    start = time.perf_counter()
    stamp.unlink(missing_ok=True)  # the previous notebook stays until the new run succeeds
    source = ROOT / f"{docname}.md"
    nb = jupytext.read(source)
    if not has_code(nb) and "{code-cell}" not in source.read_text():
        # Prose only: the notebook is the converted source (what run_notebook writes), with no process started.
        nbformat.write(nb, target)
        CACHE.mkdir(parents=True, exist_ok=True)
        stamp.write_text(digest)
        return docname, "executed", time.perf_counter() - start
    LOGS.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as out:
        env = {PARTS_ENV: str(LEDGER.parent / "parts")} if parts else {}
        returncode = run_child([sys.executable, __file__, "_one", docname], out, docname, env=env)
    if returncode != 0:
        lines = [ln for ln in log.read_text().splitlines() if ln.strip()]
        reason = lines[-1] if lines else f"exit code {returncode}"
        raise ChapterFailed(f"{reason}  (full log with the traceback: {log.relative_to(ROOT)})")
    CACHE.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest)
    return docname, "executed", time.perf_counter() - start


PART_SCRIPT = """import sys
from analysis import ledger
records = ledger.evaluate_all((sys.argv[1],))
open(sys.argv[2], "w").write(ledger.to_json(records))
print(f"{sys.argv[1]}: {len(records)} claims")
"""
MERGE_SCRIPT = """import sys
from collections import Counter
from pathlib import Path
from analysis import ledger
records = [r for part in sys.argv[2:] for r in ledger.from_json(Path(part).read_text())]
repeated = sorted(i for i, n in Counter(r.id for r in records).items() if n > 1)
if repeated:
    sys.exit(f"claim ids must be unique; repeated: {repeated}")
out = ledger.write_artefact(sys.argv[1], records)
counts = ", ".join(f"{n} {v}" for v, n in ledger.verdict_counts(records).items())
print(f"ledger: {len(records)} claims ({counts}) -> {out}")
"""


def _run_logged(args: list[str], log: Path, what: str, name: str | None = None) -> None:
    LOGS.mkdir(parents=True, exist_ok=True)
    timeout = cell_timeout()
    with open(log, "w") as out:
        try:
            returncode = run_child(args, out, name or what, timeout, cwd=ROOT)
        except subprocess.TimeoutExpired:
            raise ChapterFailed(f"{what} ran longer than {timeout:g} s and was stopped; on a slow machine raise "
                                f"the limit: {TIMEOUT_ENV}=<seconds> (make book {TIMEOUT_ENV}=1800)") from None
    if returncode != 0:
        lines = [ln for ln in log.read_text().splitlines() if ln.strip()]
        raise ChapterFailed(f"{what} failed: {lines[-1] if lines else returncode}  "
                            f"(full log with the traceback: {log.relative_to(ROOT)})")


def build_ledger_part(module: str, force: bool = False) -> tuple[str, str, float]:
    """The ledger rows of one claim module (``_build/ledger/parts/<module>.json``), recomputed only when
    that module or what it imports changed."""
    parts = LEDGER.parent / "parts"
    out, stamp = parts / f"{module}.json", parts / f"{module}.sha256"
    digest = ledger_part_digest(module)
    label = f"ledger: {part_name(module)}"
    if not force and out.exists() and stamp.exists() and stamp.read_text() == digest:
        return label, "cached", 0.0
    start = time.perf_counter()
    parts.mkdir(parents=True, exist_ok=True)
    stamp.unlink(missing_ok=True)
    _run_logged([sys.executable, "-c", PART_SCRIPT, module, str(out)],
                LOGS / f"ledger__{part_name(module)}.log", f"the ledger rows of {module}", label)
    stamp.write_text(digest)
    return label, "executed", time.perf_counter() - start


def merge_ledger(parts: list[str], force: bool = False) -> tuple[str, str, float]:
    """Write ``ledger.json`` and ``ledger.csv`` (``analysis.ledger.write_artefact``) from the parts, in
    ``CLAIM_MODULES`` order, when any part changed."""
    files = [LEDGER.parent / "parts" / f"{m}.json" for m in parts]
    digest = depgraph.digest(ROOT, set(files))
    if (not force and LEDGER.exists() and LEDGER.with_suffix(".csv").exists() and LEDGER_STAMP.exists()
            and LEDGER_STAMP.read_text() == digest):
        return "ledger artefact", "cached", 0.0
    start = time.perf_counter()
    LEDGER_STAMP.unlink(missing_ok=True)
    _run_logged([sys.executable, "-c", MERGE_SCRIPT, str(LEDGER), *map(str, files)], LOGS / "ledger.log",
                "the ledger artefact", "ledger artefact")
    CACHE.mkdir(parents=True, exist_ok=True)
    LEDGER_STAMP.write_text(digest)
    return "ledger artefact", "executed", time.perf_counter() - start


def build_ledger(force: bool = False) -> tuple[str, str, float]:
    """The ledger artefact, one claim module at a time (each part cached on its own inputs)."""
    modules = [m for m in claim_module_names() if depgraph.module_file(ROOT, m) is not None]
    start, ran = time.perf_counter(), False
    for module in modules:
        ran |= build_ledger_part(module, force)[1] == "executed"
    status = merge_ledger(modules, force)[1]
    return "ledger artefact", "executed" if ran or status == "executed" else "cached", time.perf_counter() - start


def execute(force: bool = False, jobs: int = 2) -> dict[str, str]:
    """Build the ledger artefact and execute every page whose inputs changed, ``jobs`` at a time.
    Returns {node: status} (``executed`` or ``cached``)."""
    docnames = toc_docnames()
    missing = [d for d in docnames if not (ROOT / f"{d}.md").exists()]
    if missing:
        sys.exit(f"_toc.yml names chapters with no source file: {', '.join(m + '.md' for m in missing)}")
    start = time.perf_counter()
    failed, statuses = [], {}
    ledger_pages = [d for d in docnames if uses_ledger(d)]
    others = [d for d in docnames if d not in ledger_pages]
    modules = [m for m in claim_module_names() if depgraph.module_file(ROOT, m) is not None]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        # Queue order matters: the parts first, the other pages, then what waits on the parts.
        parts = [pool.submit(build_ledger_part, m, force) for m in modules]
        by_module = dict(zip(modules, parts))

        def after_own_parts(d):
            # The cards of a page reuse the rows of its claims' parts: it waits for those (queued before it,
            # so already running or done) and, if one failed, computes its cards itself.
            try:
                for module in page_parts(d):
                    if module in by_module:
                        by_module[module].result()
                ready = True
            except ChapterFailed:
                ready = False
            return execute_one(d, None, force, parts=ready)

        futures = [pool.submit(after_own_parts, d) for d in others]

        def after_parts():
            for part in parts:
                part.result()  # raises ChapterFailed if a part failed
            return merge_ledger(modules, force)

        ledger: Future = pool.submit(after_parts)

        def after_ledger(d):
            ledger.result()
            return execute_one(d, None, force, parts=True)

        futures += [pool.submit(after_ledger, d) for d in ledger_pages]
        for fut in [*parts, ledger, *futures]:
            try:
                name, status, secs = fut.result()
                statuses[name] = status
                cpu = f"  cpu {CPU_SECONDS[name]:6.1f} s" if status == "executed" and name in CPU_SECONDS else ""
                print(f"  {name:<32} {status:<9} {secs:6.1f} s{cpu}", flush=True)
            except ChapterFailed as err:
                if str(err) not in map(str, failed):
                    print(f"  FAILED: {err}", flush=True)
                    failed.append(err)
    ran = [n for n, s in statuses.items() if s == "executed"]
    cpu = sum(CPU_SECONDS.get(n, 0.0) for n in ran)
    print(f"executed {len(ran)} of {len(statuses)} nodes in {time.perf_counter() - start:.1f} s (cpu {cpu:.1f} s)"
          + (f": {', '.join(ran)}" if ran else " (nothing changed)"), flush=True)
    if failed:
        sys.exit(f"build stopped: {len(failed)} page(s) failed (see above)")
    return statuses


# --- the site ------------------------------------------------------------------------------------------

def site_digest(extra: list[str]) -> str:
    files = {ROOT / f"{d}.ipynb" for d in toc_docnames()}
    for entry in SITE_INPUTS:
        path = ROOT / entry
        files |= {p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts} if path.is_dir() else {path}
    # Static files of the book (images, CSS, JS): everything in book/ but the sources and scratch notebooks.
    files |= {p for p in BOOK.rglob("*") if p.is_file() and p.suffix not in (".md", ".ipynb", ".py")
              and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts}
    files |= {LEDGER, LEDGER.with_suffix(".csv")}
    return depgraph.digest(ROOT, {f for f in files if f.exists()}, json.dumps(extra).encode(), INTERPRETER)


def build_site(builder: str = "html", extra: list[str] | None = None, force: bool = False) -> bool:
    """Build the site with Jupyter Book 1.x, warnings as errors (``extra``: more CLI options); skipped
    when no input of the site changed since the last build. Returns whether it built."""
    extra = extra or []
    stamp = SITE_STAMP
    default_out = not extra  # a preview (--toc/--output) is always built and never recorded
    digest = site_digest([builder, *extra])
    html = BUILD / "html"
    if not force and default_out and stamp.exists() and stamp.read_text() == digest and (html / "index.html").exists():
        print("site: nothing changed, not rebuilt", flush=True)
        return False
    start = time.perf_counter()
    exe = Path(sys.executable).parent / "jupyter-book"
    cmd = [str(exe), "build", str(ROOT), "--builder", builder, "-W", "-n", "--keep-going", *extra]
    cpu = _children_cpu()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    cpu = _children_cpu() - cpu
    if result.returncode != 0:
        stamp.unlink(missing_ok=True)
        sys.stdout.write(result.stdout[-20000:])
        sys.stderr.write(result.stderr[-20000:])
        sys.exit(f"site build failed (exit {result.returncode}): {' '.join(cmd)}")
    if default_out:
        publish_ledger(html)
        _reader_editions(html)
        CACHE.mkdir(parents=True, exist_ok=True)
        stamp.write_text(digest)
    print(f"built the site in {time.perf_counter() - start:.1f} s (cpu {cpu:.1f} s)", flush=True)
    return True


def _children_cpu() -> float:
    """CPU seconds (user + system) of the waited-for children of this process so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def publish_ledger(html: Path) -> None:
    """Copy ``ledger.json`` and ``ledger.csv`` to the site root (the ledger page links them)."""
    for f in (LEDGER, LEDGER.with_suffix(".csv")):
        if f.exists():
            shutil.copy2(f, html / f.name)


def _reader_editions(html: Path, student: bool = False) -> None:
    """Replace the site's downloadable/launchable notebooks by reader notebooks (tools/editions.py)."""
    try:
        import editions
    except ImportError:  # pragma: no cover - the module ships with this script
        return
    editions.write_reader_notebooks(ROOT, html, student=student)


def build_student_site() -> None:
    """The student edition: built from copies of the executed notebooks with every solution removed
    (prose, code and outputs), so no page, search index entry, downloadable notebook or launch target
    holds one; into ``_build/student/html``."""
    import editions

    out = BUILD / "student"
    src = out / "src"
    stamp = CACHE / "student.sha256"
    digest = site_digest(["student", str(Path(editions.__file__).stat().st_mtime_ns)])
    if stamp.exists() and stamp.read_text() == digest and (out / "html" / "index.html").exists():
        print("student edition: nothing changed, not rebuilt", flush=True)
        return
    stamp.unlink(missing_ok=True)
    shutil.rmtree(src, ignore_errors=True)
    editions.prepare_student_tree(ROOT, src, [d for d in toc_docnames()])
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(src), "--builder", "html",
           "-W", "-n", "--keep-going"]
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=src, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-20000:])
        sys.stderr.write(result.stderr[-20000:])
        sys.exit(f"student site build failed (exit {result.returncode}): {' '.join(cmd)}")
    final = out / "html"
    shutil.rmtree(final, ignore_errors=True)
    (src / "_build" / "html").rename(final)
    publish_ledger(final)
    editions.write_reader_notebooks(src, final, student=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest)
    print(f"student edition (no solutions) in {final.relative_to(ROOT)} in {time.perf_counter() - start:.1f} s",
          flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["execute", "site", "all", "student", "one", "ledger", "_one"])
    parser.add_argument("docname", nargs="?", help="with one: the page to execute, e.g. book/chinchilla(.md)")
    parser.add_argument("--toc", help="with site: another table of contents (e.g. a preview of one chapter)")
    parser.add_argument("--output", help="with site: build into OUTPUT/_build/html instead of _build/html")
    parser.add_argument("--force", action="store_true", help="re-execute every page and rebuild the site")
    parser.add_argument("--jobs", type=int, default=2, help="pages executed at once (default 2)")
    args = parser.parse_args(argv)
    problem = environment_problem() if args.what != "_one" else None
    if problem:
        sys.exit(problem)
    if args.what == "_one":
        run_notebook(args.docname)
        return
    if args.what == "ledger":
        print("  {:<32} {:<9} {:6.1f} s".format(*build_ledger(force=args.force)))
        return
    if args.what == "one":
        docname = docname_of(args.docname or "")
        if not args.docname or not (ROOT / f"{docname}.md").exists():
            sys.exit(f"one needs a page such as book/scaling-laws or book/scaling-laws.md; got {args.docname!r}")
        try:
            if uses_ledger(docname):
                print("  {:<32} {:<9} {:6.1f} s".format(*build_ledger()))
            for module in page_parts(docname):  # the rows its cards reuse (cached when unchanged)
                print("  {:<32} {:<9} {:6.1f} s".format(*build_ledger_part(module)))
            name, status, secs = execute_one(docname, force=True, parts=True)
        except ChapterFailed as err:
            sys.exit(f"FAILED: {err}")
        print(f"  {name:<32} {status:<9} {secs:6.1f} s  cpu {CPU_SECONDS.get(name, 0.0):6.1f} s")
        return
    extra = []
    if args.toc:
        extra += ["--toc", str(Path(args.toc).resolve())]
    if args.output:
        extra += ["--path-output", str(Path(args.output).resolve())]
    if args.what in ("execute", "all"):
        execute(force=args.force, jobs=args.jobs)
    if args.what in ("site", "all"):
        build_site(extra=extra, force=args.force)
    if args.what == "student":
        build_student_site()


if __name__ == "__main__":
    main()
