"""Run a chapter's parameter-dependent code at chosen parameter values, in this process.

A chapter's code cells are read from its source (``book/<page>.md``). The cells that depend on a set of
changed parameters are found from the code (``ast``): a cell *depends* on a parameter when it reads it,
when it reads a name a dependent cell bound, or when it shows a claim's card (``ledger.card("X-1",
**params)``) whose evidence takes that parameter. Those cells run, in page order, together with the cells
that bind what they read (at the defaults) and the page's preamble, its parameters cell, a papermill-style
``# Parameters`` cell with the values and the check cell, in an IPython shell (so magics run and every
cell's last value is displayed, as in the kernel: a chart is drawn through the book's renderer).

:func:`run` returns a :class:`Outcome`: ``refused`` (the check cell raised ``ValueError`` naming a
parameter), ``failed`` (another cell raised, or displaying a value did) or ``ran``; with the cells run, the
rows of every chart drawn, and the world verdicts of every card shown. :func:`corner_problems` runs every
corner of a page as ``tests/test_corners.py`` describes.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import math
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jupytext
import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
CLAIM_ID = re.compile(r"^[A-Z]{2,4}-\d+[a-z]?$")


# --- reading a page -----------------------------------------------------------------------------------

def _code(source: str) -> str:
    """A cell's source without IPython magics and shell lines (for ``ast``)."""
    return "\n".join("" if ln.lstrip().startswith(("%", "!")) else ln for ln in source.splitlines())


def _bound(tree: ast.Module) -> set[str]:
    """Names a cell binds at module level (assignments, loop and ``with`` targets, imports, defs)."""
    names: set[str] = set()

    def targets(node):
        return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}

    for node in tree.body:
        if isinstance(node, ast.Assign):
            for t in node.targets:
                names |= targets(t)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For)):
            names |= targets(node.target)
        elif isinstance(node, ast.With):
            names |= {n for item in node.items if item.optional_vars is not None for n in targets(item.optional_vars)}
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        if isinstance(node, (ast.For, ast.If, ast.With, ast.Try)):  # bindings inside blocks
            inner = ast.Module(body=[n for n in ast.walk(node) if isinstance(n, ast.stmt) and n is not node],
                               type_ignores=[])
            names |= _bound(inner)
    return names


@dataclass(frozen=True)
class Cell:
    index: int                 # among the page's code cells
    source: str
    reads: frozenset[str]
    binds: frozenset[str]
    claims: frozenset[str]     # claim ids named by string constants


def _cell(index: int, source: str) -> Cell:
    tree = ast.parse(_code(source))
    reads = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    claims = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
              and CLAIM_ID.match(n.value)}
    return Cell(index, source, frozenset(reads), frozenset(_bound(tree)), frozenset(claims))


@dataclass
class Page:
    path: Path
    cells: list[Cell]
    k: int                      # index of the parameters cell
    rules: dict[str, Any]       # name -> analysis.house.parameters rule, in the check call's order
    defaults: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.stem


def load(path: Path, shell) -> Page:
    """The page's code cells, its parameter rules (the check cell's call, evaluated) and defaults."""
    from analysis.house import parameters as P

    nb = jupytext.read(path)
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    tags = [c.metadata.get("tags", []) for c in nb.cells if c.cell_type == "code"]
    k = next(i for i, t in enumerate(tags) if "parameters" in t)
    cells = [_cell(i, s) for i, s in enumerate(sources)]
    recorded: dict[str, Any] = {}
    check = P.check

    def recorder(namespace, **rules):
        recorded.update(rules)
        return check(namespace, **rules)

    shell.reset(new_session=True)
    with _patched(P, "check", recorder):
        for cell in cells[:k + 2]:
            run_cell(shell, cell.source, cell.index)
    defaults = {name: shell.user_ns[name] for name in recorded}
    return Page(path, cells, k, dict(recorded), defaults)


@contextlib.contextmanager
def _patched(obj, name, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


# --- which cells a change touches -------------------------------------------------------------------------

def claim_parameters(claim_ids) -> set[str]:
    from analysis import ledger

    out: set[str] = set()
    for cid in claim_ids:
        out |= set(ledger.get_claim(cid).parameters())
    return out


def depends(page: Page, changed: set[str]) -> list[int]:
    """Indexes of the cells after the check cell that depend on the ``changed`` parameters."""
    dirty_names: set[str] = set()
    out = []
    for cell in page.cells[page.k + 2:]:
        via_params = False
        if "params" in cell.reads:
            takes = claim_parameters(cell.claims) if cell.claims else set(page.rules)
            via_params = bool(takes & changed)
        if via_params or (cell.reads & changed) or (cell.reads & dirty_names):
            out.append(cell.index)
            dirty_names |= cell.binds - set(page.rules) - {"params"}
    return out


def chart_modules(page: Page) -> set[str]:
    """Names the page's preamble binds to chart modules (``from analysis.x import charts as xc``)."""
    names = set()
    for cell in page.cells[:page.k + 2]:
        for node in ast.walk(ast.parse(_code(cell.source))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis"):
                names |= {a.asname or a.name for a in node.names if a.name == "charts"}
    return names


def plan(page: Page, changed: set[str], charts_only: bool = False) -> list[int]:
    """The cells to run for a change: the preamble, parameters and check cells, the dependent cells (with
    ``charts_only``, those that call a chart module) and, transitively, the latest earlier cell binding each
    name they read."""
    head = list(range(page.k + 2))
    need = set(depends(page, changed))
    if charts_only:
        drawing = chart_modules(page)
        need = {i for i in need if page.cells[i].reads & drawing}
    todo = list(need)
    while todo:
        i = todo.pop()
        for name in page.cells[i].reads:
            writer = next((j for j in range(i - 1, page.k + 1, -1) if name in page.cells[j].binds), None)
            if writer is not None and writer not in need:
                need.add(writer)
                todo.append(writer)
    return head + sorted(need)


# --- running ------------------------------------------------------------------------------------------------

class CellError(Exception):
    def __init__(self, index: int, error: BaseException):
        super().__init__(f"code cell {index + 1}: {type(error).__name__}: {error}")
        self.index, self.error = index, error


def run_cell(shell, source: str, index: int) -> None:
    errors: list[BaseException] = []
    original = shell.showtraceback

    def record(*args, **kwargs):  # an error while displaying a value (IPython only prints it)
        import sys

        errors.append(sys.exc_info()[1] or RuntimeError("display failed"))

    shell.showtraceback = record
    try:
        result = shell.run_cell(source, store_history=True)
    finally:
        shell.showtraceback = original
    error = result.error_before_exec or result.error_in_exec or (errors[0] if errors else None)
    if error is not None:
        raise CellError(index, error)


@dataclass
class Outcome:
    values: dict[str, Any]
    status: str = "ran"          # "ran", "refused" (by the check cell) or "failed"
    message: str = ""
    cells: list[int] = field(default_factory=list)
    chart_rows: list[int] = field(default_factory=list)        # largest data set of each chart drawn
    world_errors: list[str] = field(default_factory=list)       # "<claim>: <world>: <error>"


def injected(values: dict[str, Any]) -> str:
    return "# Parameters\n" + "".join(f"{k} = {v!r}\n" for k, v in values.items())


def run(page: Page, shell, values: dict[str, Any], charts_only: bool = False) -> Outcome:
    """Run the page's cells that depend on ``values`` (parameters that differ from the defaults; with
    ``charts_only``, only the cells that draw a chart, and what they read)."""
    from analysis import ledger

    changed = {k for k, v in values.items() if repr(v) != repr(page.defaults[k])}
    out = Outcome(dict(values), cells=plan(page, changed, charts_only))
    rows: list[int] = []
    real_card = ledger.card

    def card(claim_id, **params):
        shown = real_card(claim_id, **params)
        out.world_errors += [f"{claim_id}: {w['name']}: {w['verdict']}" for w in shown.record.worlds
                             if str(w["verdict"]).startswith("error")]
        return shown

    shell.reset(new_session=True)
    with _patched(ledger, "card", card), counting_rows(rows):
        for i in out.cells:
            try:
                run_cell(shell, page.cells[i].source, i)
                if i == page.k:
                    run_cell(shell, injected(values), i)
            except CellError as err:
                if i == page.k + 1 and isinstance(err.error, ValueError) \
                        and any(str(err.error).startswith(n) or f"'{n}'" in str(err.error) for n in page.rules):
                    out.status, out.message = "refused", str(err.error)
                else:
                    out.status, out.message = "failed", f"{page.name}: {err}"
                break
    out.chart_rows = rows
    return out


@contextlib.contextmanager
def counting_rows(rows: list[int]):
    """Record the length of every data set Altair serialises (after the default transformer, which raises
    past its row limit as it does in the book)."""
    import altair as alt

    registry = alt.data_transformers
    active = registry.active
    inner = registry.get()

    def counting(data, **kwargs):
        with contextlib.suppress(TypeError):
            rows.append(len(data))
        return inner(data, **kwargs)

    registry.register("corner-count", counting)
    registry.enable("corner-count")
    try:
        yield
    finally:
        registry.enable(active)


# --- the corners of a page's parameter space ----------------------------------------------------------------

def bounds(rule) -> list[Any]:
    """The values at the edges of one rule: both bounds (just inside an open interval), every choice."""
    from analysis.house import parameters as P

    if isinstance(rule, P.Count):
        return [rule.minimum, rule.maximum]
    if isinstance(rule, P.Real):
        if rule.inclusive:
            return [float(rule.low), float(rule.high)]
        return [math.nextafter(float(rule.low), math.inf), math.nextafter(float(rule.high), -math.inf)]
    if isinstance(rule, P.Seed):
        return [0, P.SEED_MAX]
    if isinstance(rule, P.Choice):
        return list(rule.options)
    if isinstance(rule, P.Flag):
        return [False, True]
    raise TypeError(f"no corners for {rule!r}")

# --- the corners of every page, as the tests run them ----------------------------------------------------------

@pytest.fixture(scope="module")
def shell():
    """An IPython shell in this process (the kernel's display machinery, magics, ``In``)."""
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    import sys

    import altair as alt

    config = Config()
    config.HistoryManager.enabled = False  # no history database (two test processes run at once)
    main, renderer, theme = sys.modules.get("__main__"), alt.renderers.active, alt.theme.active
    shell = InteractiveShell.instance(config=config)
    yield shell
    # Leave the test process as it was for the next test file: no IPython shell, the usual __main__, Altair's
    # renderer and theme (the pages switch to the book's).
    shell.reset(new_session=False)
    InteractiveShell.clear_instance()
    if main is not None:
        sys.modules["__main__"] = main
    alt.renderers.enable(renderer)
    alt.theme.enable(theme)


@pytest.fixture(scope="module")
def pages():
    """Pages read so far (``page``), by name."""
    return {}


def page(name: str, shell, pages: dict, monkeypatch) -> Page:
    monkeypatch.chdir(BOOK)  # where papermill runs a page
    if name not in pages:
        pages[name] = load(BOOK / f"{name}.md", shell)
    return pages[name]


MAX_ROWS = 5000  # Altair's limit for data inlined in a chart
#: Pages the first corner test file runs (tests/test_corners.py); tests/test_corners_more.py runs the rest,
#: so the two test processes share the work.
FIRST_PAGES = ("chinchilla", "economics", "model-collapse", "other-side")


def parameter_pages() -> list[str]:
    """The pages with a ``parameters`` cell."""
    return sorted(p.stem for p in BOOK.glob("*.md") if re.search(r"^:tags: \[parameters\]", p.read_text(), re.M))


#: Upper bounds of resample counts too slow to run in the test suite (measured here), with why; the charts
#: they feed are checked at the bound by tests/test_corners.py.
SLOW_MAXIMA = {
    ("chinchilla", "n_boot"): "20,000 refits of the 240 runs (0.4 s per 50): about 3 min",
    ("scaling-laws", "n_boot"): "20,000 frontier refits and 20,000 Chinchilla refits: about 8 min",
    ("progress", "n_boot"): "a dozen bootstraps of slopes, elasticities and bands at 20,000: several minutes",
    ("other-side", "n_boot"): "20,000 resamples of the metrics and of the forecast fit: about a minute",
    ("model-collapse", "n_chains"): "50,000 chains x 5 sample sizes x 2 modes, and the cards again: over a minute",
}


def corner_runs(page: Page) -> list[tuple[str, dict]]:
    """The runs that put every parameter at each edge of its rule: (label, changed values)."""
    from analysis.house import parameters as P

    low, high_reals, runs = {}, {}, []
    for name, rule in page.rules.items():
        edges = bounds(rule)
        if isinstance(rule, (P.Choice, P.Flag)):
            runs += [(f"{name}={v!r}", {name: v}) for v in edges if repr(v) != repr(page.defaults[name])]
        elif isinstance(rule, P.Seed):
            low[name] = edges[1]  # the largest seed, with the lower bounds
        elif isinstance(rule, P.Count):
            low[name] = edges[0]
            if (page.name, name) not in SLOW_MAXIMA:
                runs.append((f"{name}={edges[1]:,}", {name: edges[1]}))
        else:
            low[name], high_reals[name] = edges
    joint = [("lower bounds and the largest seed", low)] + ([("upper bounds of the numbers", high_reals)] if high_reals else [])
    return joint + runs


def run_corner(page, shell, changes: dict) -> tuple[Outcome, list[str]]:
    """Run with ``changes``; a parameter the check cell refuses goes back to its default (reported)."""
    changes, refused = dict(changes), []
    while True:
        out = run(page, shell, {**page.defaults, **changes})
        if out.status != "refused":
            return out, refused
        named = [n for n in changes if out.message.startswith(n) or f"'{n}'" in out.message]
        assert named, f"{page.name}: the check cell refused {changes} without naming a changed parameter: {out.message}"
        refused.append(f"{named[0]}={changes.pop(named[0])!r}: {out.message}")
        if not changes:
            return out, refused


def corner_problems(page: Page, shell) -> tuple[list[str], list[str]]:
    """Run every corner of ``page``: (problems, a line per run for the log)."""
    problems, report = [], []
    for label, changes in corner_runs(page):
        start = time.perf_counter()
        out, refused = run_corner(page, shell, changes)
        report.append(f"{label}: {out.status}, {len(out.cells)} cells, {len(out.chart_rows)} charts, "
                      f"{time.perf_counter() - start:.1f} s")
        report += [f"    refused {r}" for r in refused]
        if out.status == "failed":
            problems.append(f"{label}: {out.message}")
        big = [r for r in out.chart_rows if r > MAX_ROWS]
        if big:
            problems.append(f"{label}: a chart draws {max(big):,} rows (Altair's limit is {MAX_ROWS:,})")
        problems += [f"{label}: world error {e}" for e in out.world_errors]
    return problems, report


def _bootstrap_as_large_as(ns: dict, n: int) -> None:
    """Chinchilla: the page's ``boot`` with its draws repeated up to ``n`` (what the charts get at n_boot=n)."""
    boot = ns["boot"]
    reps = -(-n // boot.n_boot)
    draws = dataclasses.replace(boot.draws, **{f.name: np.tile(getattr(boot.draws, f.name), reps)[:n]
                                               for f in dataclasses.fields(boot.draws)})
    ns["boot"] = dataclasses.replace(boot, draws=draws)


#: How to hand a page's charts results as large as a count's bound (for the charts whose rows grow with it).
AT_BOUND = {("chinchilla", "n_boot"): _bootstrap_as_large_as}
