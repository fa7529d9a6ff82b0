"""The README's two commands on a bare machine: the Makefile checks the Python version with a clear
message, remakes a .venv made by another Python, removes it on `make distclean`, and `make test`
installs Debian's chromium when missing (as root) or says exactly what to install.

Each test runs the real Makefile in a scratch copy holding only what the target needs (a tiny
requirements file, so a .venv is made in seconds)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT

FAKE_310 = textwrap.dedent(f"""\
    #!/bin/sh
    # Pretends to be Python 3.10 (the version check runs `-c CODE`; --version prints the version).
    [ "$1" = "--version" ] && {{ echo "Python 3.10.12"; exit 0; }}
    exec {sys.executable} -c "import sys; sys.version_info = (3, 10, 12, 'final', 0); exec(sys.argv[1])" "$2"
    """)


@pytest.fixture()
def scratch(tmp_path) -> Path:
    for name in ("Makefile", "pyproject.toml", "README.md", "requirements.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "analysis").mkdir()
    shutil.copy(ROOT / "analysis" / "__init__.py", tmp_path / "analysis" / "__init__.py")
    (tmp_path / "tiny-requirements.txt").write_text("# nothing: the Makefile's venv logic is under test\n")
    fake = tmp_path / "python3.10"
    fake.write_text(FAKE_310)
    fake.chmod(0o755)
    return tmp_path


def make(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "MAKEFLAGS": "", **(env or {})}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=cwd, capture_output=True, text=True,
                          env=full_env, timeout=600)


def test_too_old_python_is_refused_with_what_to_do(scratch):
    result = make(scratch, "book", f"PYTHON={scratch / 'python3.10'}")
    assert result.returncode != 0
    assert "needs Python 3.11 or newer" in result.stderr and "Python 3.10.12" in result.stderr
    assert "make book PYTHON=python3.11" in result.stderr and "make distclean" in result.stderr
    assert not (scratch / ".venv").exists(), "no half-made .venv is left behind"
    missing = make(scratch, "python-check", "PYTHON=no-such-python3")
    assert missing.returncode != 0 and "no-such-python3 is: not installed" in missing.stderr


def test_a_venv_made_by_another_python_is_made_again_and_distclean_removes_it(scratch):
    # A .venv left by an earlier run with Python 3.10 (its pip install failed, so it has no stamp).
    (scratch / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(scratch / "python3.10", scratch / ".venv" / "bin" / "python")
    result = make(scratch, "venv", "REQUIREMENTS=tiny-requirements.txt", f"PYTHON={sys.executable}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "holds Python 3.10, not 3.11" in result.stdout and "making it again" in result.stdout
    version = subprocess.run([str(scratch / ".venv" / "bin" / "python"), "--version"], capture_output=True, text=True)
    assert version.stdout.startswith(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    stamp = scratch / ".venv" / f".installed-{sys.version_info.major}.{sys.version_info.minor}"
    assert stamp.exists()
    again = make(scratch, "venv", "REQUIREMENTS=tiny-requirements.txt", f"PYTHON={sys.executable}")
    assert again.returncode == 0 and "Nothing to be done" in again.stdout  # a good .venv is kept
    (scratch / "_build").mkdir()
    (scratch / "book").mkdir()
    (scratch / "book" / "x.ipynb").write_text("{}")
    gone = make(scratch, "distclean")
    assert gone.returncode == 0
    assert not (scratch / ".venv").exists() and not (scratch / "_build").exists()
    assert not (scratch / "book" / "x.ipynb").exists()


def _fake_apt(tmp: Path) -> Path:
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    apt = bin_dir / "apt-get"
    apt.write_text(f'#!/bin/sh\necho "$@" >> {tmp / "apt.log"}\n')
    apt.chmod(0o755)
    return bin_dir


def test_make_test_installs_chromium_as_root(scratch):
    bin_dir = _fake_apt(scratch)
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}"}
    result = make(scratch, "chromium", "CHROMIUM=no-such-chromium", "USER_ID=0", env=env)
    assert result.returncode == 0, result.stderr
    calls = (scratch / "apt.log").read_text().splitlines()
    assert calls[0].startswith("update") and calls[1].endswith("install -y -qq chromium")


def test_make_test_without_root_says_what_to_install(scratch):
    bin_dir = _fake_apt(scratch)
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}"}
    result = make(scratch, "chromium", "CHROMIUM=no-such-chromium", "USER_ID=1000", env=env)
    assert result.returncode != 0
    assert "apt-get install chromium" in result.stderr and not (scratch / "apt.log").exists()
    present = make(scratch, "chromium", f"CHROMIUM={sys.executable}", "USER_ID=1000")
    assert present.returncode == 0  # an installed browser is used as it is


def test_make_test_depends_on_the_browser_and_ci_calls_make_test():
    makefile = (ROOT / "Makefile").read_text()
    test_rule = next(line for line in makefile.splitlines() if line.startswith("test:"))
    assert "chromium" in test_rule.split() and "book" in test_rule.split()
    ci = (ROOT / ".ci" / "run").read_text()
    assert [ln for ln in ci.splitlines() if ln.strip() and not ln.startswith("#")][-1] == "make test"


def _imports_from(checkout: Path) -> str:
    """Where the checkout's .venv imports `analysis` from, run in its book/ folder as a kernel is."""
    out = subprocess.run([str(checkout / ".venv" / "bin" / "python"), "-c", "import analysis; print(analysis.__file__)"],
                         cwd=checkout / "book", capture_output=True, text=True)
    return out.stdout.strip() or out.stderr.strip().splitlines()[-1]


def test_a_copied_or_moved_checkout_runs_its_own_code_or_says_what_to_run(scratch, tmp_path_factory):
    """No absolute path to the checkout is baked into .venv: a copy and a moved checkout import their own
    `analysis`. Their .venv's scripts still start the old place's Python, so make remakes a .venv made
    elsewhere, and the build refuses to run with one (saying what to run)."""
    (scratch / "_toc.yml").write_text("root: book/intro\n")
    (scratch / "book").mkdir()
    made = make(scratch, "venv", "REQUIREMENTS=tiny-requirements.txt", f"PYTHON={sys.executable}")
    assert made.returncode == 0, made.stdout + made.stderr
    assert not [p for p in (scratch / ".venv").rglob("*.pth") if str(scratch) in p.read_text()], \
        "an absolute path to the checkout is baked into .venv"
    assert _imports_from(scratch) == str(scratch / "analysis" / "__init__.py")
    base = tmp_path_factory.mktemp("elsewhere")
    copy, moved = base / "copy", base / "moved"
    shutil.copytree(scratch, copy, symlinks=True)
    shutil.move(str(scratch), moved)
    assert _imports_from(copy) == str(copy / "analysis" / "__init__.py")
    assert _imports_from(moved) == str(moved / "analysis" / "__init__.py")

    spec = importlib.util.spec_from_file_location("build_book_for_copies", ROOT / "tools" / "build_book.py")
    build_book = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_book)
    for place in (copy, moved):
        problem = build_book.environment_problem(root=place, prefix=place / ".venv", python=place / ".venv" / "bin" / "python")
        assert f"was made at {scratch / '.venv'} and copied or moved here" in problem
        assert problem.endswith("Run:  make distclean && make book")
    dry = make(moved, "-n", "venv", "REQUIREMENTS=tiny-requirements.txt", f"PYTHON={sys.executable}")
    assert "copied or moved here: removing it and making it again" in dry.stdout
    again = make(copy, "venv", "REQUIREMENTS=tiny-requirements.txt", f"PYTHON={sys.executable}")
    assert again.returncode == 0, again.stdout + again.stderr
    assert f".venv was made at {scratch / '.venv'} and copied or moved here: removing it and making it again" in again.stdout
    assert build_book.environment_problem(root=copy, prefix=copy / ".venv", python=copy / ".venv" / "bin" / "python") is None
    assert "Nothing to be done" in make(copy, "venv", "REQUIREMENTS=tiny-requirements.txt", f"PYTHON={sys.executable}").stdout


def test_an_environment_that_imports_another_checkout_stops_with_what_to_run(tmp_path):
    """A .venv made the old way (an install pointing at the original checkout), used in a copy: importing
    `analysis` from inside the copy refuses, naming both checkouts and the fix."""
    copy = tmp_path / "copy"
    (copy / "analysis").mkdir(parents=True)
    (copy / "book").mkdir()
    (copy / "_toc.yml").write_text("root: book/intro\n")
    shutil.copy(ROOT / "analysis" / "__init__.py", copy / "analysis" / "__init__.py")
    result = subprocess.run([sys.executable, "-c", "import analysis"], cwd=copy / "book", capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": ""})
    assert result.returncode != 0
    assert (f"this is the book's checkout {copy}, but its Python imports `analysis` from {ROOT}" in result.stderr
            and "make distclean && make book" in result.stderr)
