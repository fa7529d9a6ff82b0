"""The build script: table of contents, the dependency graph that decides re-execution (tools/depgraph.py),
the ledger node, the site skip, and what a failing page leaves behind."""

import importlib.util
import os
import platform
import re
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
spec = importlib.util.spec_from_file_location("build_book", ROOT / "tools" / "build_book.py")
build_book = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_book)
depgraph = build_book.depgraph


def test_toc_docnames_in_reading_order(tmp_path):
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: book/intro\nparts:\n  - caption: A\n    chapters:\n"
                   "      - file: book/a\n        sections:\n          - file: book/a1\n      - file: book/b.md\n")
    assert build_book.toc_docnames(toc) == ["book/intro", "book/a", "book/a1", "book/b"]


def test_one_accepts_md_and_bare_names():
    for arg in ("book/chinchilla.md", "book/chinchilla", "chinchilla", "./book/chinchilla.ipynb"):
        assert build_book.docname_of(arg) == "book/chinchilla"


@pytest.fixture()
def package(tmp_path):
    """A small package with the shapes the book uses: absolute, relative and registry imports, a
    claims package whose cards are found by id, and data files named by string constants."""
    files = {
        "analysis/__init__.py": "",
        "analysis/house/__init__.py": "",
        "analysis/house/validation.py": "def check(): pass\n",
        "analysis/house/data.py": "from . import validation\nSPEC = 'runs.csv'\n",
        "analysis/data/runs.csv": "a,b\n1,2\n",
        "analysis/data/other.csv": "a\n1\n",
        "analysis/alpha/__init__.py": "",
        "analysis/alpha/science.py": "from ..house.data import SPEC\n",
        "analysis/alpha/claims.py": "from . import science\nfrom ..ledger.core import Claim\nCLAIMS = (Claim('AA-1'),)\n",
        "analysis/beta/__init__.py": "",
        "analysis/beta/science.py": "import analysis.house.validation\nOTHER = 'other.csv'\n",
        "analysis/beta/claims.py": "from analysis.beta import science\nfrom analysis.ledger.core import Claim\nCLAIMS = (Claim('BB-1'),)\n",
        "analysis/ledger/__init__.py": "from .core import Claim\nCLAIM_MODULES = ('analysis.alpha.claims', 'analysis.beta.claims')\n",
        "analysis/ledger/__main__.py": "from . import main\n",
        "analysis/ledger/core.py": "class Claim: pass\n",
    }
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def _rel(root, files):
    return sorted(p.relative_to(root).as_posix() for p in files)


def test_a_page_depends_on_what_its_code_imports_transitively(package):
    deps = depgraph.page_dependencies(package, ["from analysis.alpha import science\n%matplotlib inline"])
    assert _rel(package, deps) == ["analysis/__init__.py", "analysis/alpha/__init__.py", "analysis/alpha/science.py",
                                   "analysis/data/runs.csv", "analysis/house/__init__.py", "analysis/house/data.py",
                                   "analysis/house/validation.py"]
    assert "analysis/beta/science.py" not in _rel(package, depgraph.page_dependencies(package, ["import analysis.alpha.science"]))


def test_a_card_depends_on_its_claim_module_not_on_the_registry(package):
    deps = _rel(package, depgraph.page_dependencies(package, ["from analysis import ledger\nledger.card('BB-1')"]))
    assert "analysis/beta/claims.py" in deps and "analysis/beta/science.py" in deps and "analysis/data/other.csv" in deps
    assert "analysis/alpha/claims.py" not in deps and "analysis/alpha/science.py" not in deps


def test_the_ledger_node_depends_on_every_registered_claim_module(package):
    deps = _rel(package, depgraph.ledger_dependencies(package))
    for f in ("analysis/alpha/claims.py", "analysis/beta/claims.py", "analysis/alpha/science.py",
              "analysis/beta/science.py", "analysis/data/runs.csv", "analysis/data/other.csv",
              "analysis/ledger/__main__.py"):
        assert f in deps


def test_digest_changes_with_any_input(package):
    files = depgraph.page_dependencies(package, ["from analysis.alpha import science"])
    d1 = depgraph.digest(package, files, b"source")
    assert depgraph.digest(package, files, b"source") == d1
    assert depgraph.digest(package, files, b"other source") != d1
    (package / "analysis" / "data" / "runs.csv").write_text("a,b\n1,3\n")
    assert depgraph.digest(package, files, b"source") != d1


def test_the_book_pages_depend_on_their_own_modules():
    sl = _rel(ROOT, build_book.page_inputs("book/scaling-laws"))
    assert "analysis/scaling_laws/returns.py" in sl and "analysis/data/chinchilla_fig4_N_D_loss.csv" in sl
    assert "analysis/collapse/gaussian.py" not in sl and "analysis/economics/trends.py" not in sl
    ledger = _rel(ROOT, depgraph.ledger_dependencies(ROOT))
    assert "analysis/collapse/gaussian.py" in ledger and "analysis/economics/trends.py" in ledger
    assert build_book.uses_ledger("book/intro") and build_book.uses_ledger("book/ledger")
    assert not build_book.uses_ledger("book/scaling-laws")


def test_a_failing_page_keeps_its_notebook_and_traceback_and_counts_code_cells():
    name = f"book/_failing_{uuid.uuid4().hex[:8]}"
    source = ROOT / f"{name}.md"
    header = (ROOT / "book" / "scaling-laws.md").read_text().split("---\n")[1]
    source.write_text(f"---\n{header}---\n\n# A broken page\n\nSome prose.\n\n" + textwrap.dedent("""\
        ```{code-cell} ipython3
        x = 1
        ```

        More prose between the cells.

        ```{code-cell} ipython3
        def deep():
            raise ValueError('n_boot must be positive')
        deep()
        ```
        """))
    failed = ROOT / f"{name}.failed.ipynb"
    log = ROOT / "_build" / "logs" / (name.replace("/", "__") + ".log")
    try:
        result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_book.py"), "one", f"{name}.md"],
                                capture_output=True, text=True, cwd=ROOT)
        assert result.returncode != 0
        assert f"chapter {name}.md failed in code cell 2 of 2 (starting `def deep():`)" in result.stderr
        assert "ValueError: n_boot must be positive" in result.stderr
        assert not (ROOT / f"{name}.ipynb").exists()  # nothing half-executed for the site
        assert failed.exists()  # but what ran is kept for debugging
        text = log.read_text()
        assert "Traceback" in text and "deep()" in text and "raise ValueError" in text  # the full traceback
        # A header that jupytext does not read as MyST would silently lose the code cells: refused.
        bad_header = "jupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n  name: python3\n"
        source.write_text(f"---\n{bad_header}---\n" + source.read_text().split("---\n", 2)[2])
        result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_book.py"), "one", name],
                                capture_output=True, text=True, cwd=ROOT)
        assert result.returncode != 0 and "jupytext read none" in result.stderr
    finally:
        for path in (source, failed, ROOT / f"{name}.ipynb", log):
            path.unlink(missing_ok=True)


def test_the_site_is_skipped_when_nothing_changed(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(build_book, "SITE_STAMP", tmp_path / "site.sha256")
    monkeypatch.setattr(build_book, "BUILD", tmp_path)
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "index.html").write_text("<html></html>")
    monkeypatch.setattr(build_book, "site_digest", lambda extra: "d1")
    monkeypatch.setattr(build_book, "publish_ledger", lambda html: None)
    monkeypatch.setattr(build_book, "_reader_editions", lambda html: None)

    def fake_run(cmd, **kwargs):
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(build_book.subprocess, "run", fake_run)
    assert build_book.build_site() is True and len(calls) == 1
    assert build_book.build_site() is False and len(calls) == 1  # nothing changed: not rebuilt
    monkeypatch.setattr(build_book, "site_digest", lambda extra: "d2")
    assert build_book.build_site() is True and len(calls) == 2


def test_the_ledger_artefact_is_built_from_cached_parts(tmp_path, monkeypatch):
    """One claim module's part, merged with analysis.ledger.write_artefact: the same rows as
    evaluate_all over that module; unchanged inputs are not recomputed."""
    from analysis import ledger as claims

    monkeypatch.setattr(build_book, "LEDGER", tmp_path / "ledger" / "ledger.json")
    monkeypatch.setattr(build_book, "LEDGER_STAMP", tmp_path / "cache" / "ledger.sha256")
    monkeypatch.setattr(build_book, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(build_book, "LOGS", tmp_path / "logs")
    module = "analysis.ledger.general"
    assert module in build_book.claim_module_names()
    assert build_book.build_ledger_part(module)[1] == "executed"
    assert build_book.build_ledger_part(module)[1] == "cached"
    assert build_book.merge_ledger([module])[1] == "executed"
    assert build_book.merge_ledger([module])[1] == "cached"
    written = claims.from_json((tmp_path / "ledger" / "ledger.json").read_text())
    assert written == claims.evaluate_all((module,)) and (tmp_path / "ledger" / "ledger.csv").exists()


def _page(name: str, *cells: str) -> Path:
    source = ROOT / f"{name}.md"
    header = (ROOT / "book" / "scaling-laws.md").read_text().split("---\n")[1]
    body = "".join(f"```{{code-cell}} ipython3\n{c}\n```\n\nProse.\n\n" for c in cells)
    source.write_text(f"---\n{header}---\n\n# A test page\n\n{body}")
    return source


def test_a_hung_cell_is_stopped_and_named_and_the_last_good_notebook_is_kept():
    """A cell past $BOOK_CELL_TIMEOUT stops the page with its number and first line and how to raise the
    limit; the notebook of the previous good run stays until a new run succeeds."""
    name = f"book/_hung_{uuid.uuid4().hex[:8]}"
    target, failed = ROOT / f"{name}.ipynb", ROOT / f"{name}.failed.ipynb"
    log = ROOT / "_build" / "logs" / (name.replace("/", "__") + ".log")
    env = {**os.environ, "BOOK_CELL_TIMEOUT": "3"}
    run = lambda: subprocess.run([sys.executable, str(ROOT / "tools" / "build_book.py"), "one", name],  # noqa: E731
                                 capture_output=True, text=True, cwd=ROOT, env=env)
    source = _page(name, "x = 1", "print('good run')")
    try:
        assert run().returncode == 0 and "good run" in target.read_text()
        _page(name, "x = 1", "import time\ntime.sleep(60)")
        start = time.perf_counter()
        result = run()
        assert time.perf_counter() - start < 40
        assert result.returncode != 0
        assert (f"chapter {name}.md: code cell 2 of 2 (starting `import time`) ran longer than 3 s and was "
                "stopped") in result.stderr
        assert "BOOK_CELL_TIMEOUT=<seconds> (make book BOOK_CELL_TIMEOUT=1800)" in result.stderr
        assert "good run" in target.read_text(), "the previous good notebook is kept"
        env["BOOK_CELL_TIMEOUT"] = "soon"
        bad = run()
        assert bad.returncode != 0 and "BOOK_CELL_TIMEOUT must be a positive number of seconds; got 'soon'" in bad.stderr
    finally:
        for path in (source, failed, target, log):
            path.unlink(missing_ok=True)


def test_the_make_variable_reaches_the_build():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^BOOK_CELL_TIMEOUT \?= \d+$", makefile, re.M) and "export BOOK_CELL_TIMEOUT" in makefile
    assert build_book.DEFAULT_TIMEOUT == int(re.search(r"^BOOK_CELL_TIMEOUT \?= (\d+)$", makefile, re.M)[1])


def test_the_cache_key_includes_the_interpreter(monkeypatch):
    """Pages executed under another Python are executed again (the version is part of every digest)."""
    assert build_book.INTERPRETER == f"{platform.python_implementation()} {platform.python_version()}".encode()
    before = build_book.page_digest("book/glossary"), build_book.ledger_part_digest("analysis.ledger.general")
    monkeypatch.setattr(build_book, "INTERPRETER", b"CPython 3.12.0")
    after = build_book.page_digest("book/glossary"), build_book.ledger_part_digest("analysis.ledger.general")
    assert before[0] != after[0] and before[1] != after[1]


def test_an_environment_made_for_another_checkout_is_named_with_the_fix(tmp_path):
    """A .venv copied or moved from elsewhere (pyvenv.cfg says where it was made), or an interpreter that
    imports another checkout's `analysis` (as a kernel in book/ would), stops every command."""
    assert build_book.environment_problem() is None  # this checkout, this .venv
    prefix = tmp_path / "copy" / ".venv"
    prefix.mkdir(parents=True)
    (prefix / "pyvenv.cfg").write_text("home = /usr/bin\ncommand = /usr/bin/python3 -m venv /elsewhere/.venv\n")
    problem = build_book.environment_problem(prefix=prefix)
    assert "was made at /elsewhere/.venv and copied or moved here" in problem and "make distclean && make book" in problem
    other = tmp_path / "copy"
    (other / "book").mkdir()
    (other / "analysis").mkdir()
    (other / "analysis" / "__init__.py").write_text("")
    problem = build_book.environment_problem(root=other)
    assert f"this checkout is {other}" in problem and f"from {ROOT / 'analysis'}" in problem
    assert problem.endswith("Run:  make distclean && make book")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_book.py"), "one", "book/glossary"],
                            capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(tmp_path / "copy")})
    assert result.returncode != 0 and "imports `analysis` from" in result.stderr


def test_a_one_module_edit_re_executes_only_the_pages_and_parts_that_import_it(package, monkeypatch):
    """The whole scheduler (tools/build_book.py execute) over a small book, with the child processes faked:
    a clean build runs every node, a second one none, and an edit of one module only the pages and ledger
    parts that import it (the intro, which reads the artefact, only if the artefact's content changed)."""
    header = (ROOT / "book" / "scaling-laws.md").read_text().split("---\n")[1]
    pages = {"book/intro": "from analysis import ledger\nrecords = ledger.load_records()",
             "book/a": "from analysis.alpha import science", "book/b": "from analysis.beta import science",
             "book/cards": "from analysis import ledger\nledger.card('AA-1')", "book/prose": None}
    (package / "book").mkdir()
    for name, code in pages.items():
        cell = f"```{{code-cell}} ipython3\n{code}\n```\n" if code else "Only words.\n"
        (package / f"{name}.md").write_text(f"---\n{header}---\n\n# {name}\n\n{cell}")
    build = package / "_build"
    for attr, value in {"ROOT": package, "BOOK": package / "book", "BUILD": build, "CACHE": build / "exec-cache",
                        "LOGS": build / "logs", "LEDGER": build / "ledger" / "ledger.json",
                        "LEDGER_STAMP": build / "exec-cache" / "ledger.sha256"}.items():
        monkeypatch.setattr(build_book, attr, value)
    monkeypatch.setattr(build_book, "toc_docnames", lambda: list(pages))
    ran, envs = [], {}

    def fake_child(args, out, name, timeout=None, cwd=None, env=None):
        ran.append(name)
        if "_one" in args:
            envs[args[-1]] = dict(env or {})
            (package / f"{args[-1]}.ipynb").write_text("{}")
        elif args[2] == build_book.PART_SCRIPT:
            Path(args[-1]).write_text("[]")
        else:  # the merge writes the artefact
            Path(args[3]).write_text("[]")
            Path(args[3]).with_suffix(".csv").write_text("id\n")
        return 0

    monkeypatch.setattr(build_book, "run_child", fake_child)
    executed = lambda statuses: sorted(n for n, s in statuses.items() if s == "executed")  # noqa: E731
    assert executed(build_book.execute()) == sorted([*pages, "ledger: alpha", "ledger: beta", "ledger artefact"])
    assert build_book.PARTS_ENV in envs["book/cards"]  # its cards may reuse the rows of its part
    ran.clear()
    assert executed(build_book.execute()) == [] and ran == []  # nothing changed: nothing runs
    with open(package / "analysis" / "alpha" / "science.py", "a") as f:
        f.write("# an edit\n")
    assert executed(build_book.execute()) == ["book/a", "book/cards", "ledger: alpha"]
