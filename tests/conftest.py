"""Shared fixtures: paths of the repository, the book sources and the built site."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site() -> Path:
    """The built HTML site; the site tests need `make book` first (make test runs it)."""
    if not (SITE / "index.html").exists():
        pytest.fail(f"no built site at {SITE}: run `make book` (make test does it) before the site tests")
    return SITE


# Property tests draw the same examples on every run (the book's rule: two runs, same results), and
# keep no example database between runs.
from hypothesis import settings  # noqa: E402

settings.register_profile("book", derandomize=True, database=None)
settings.load_profile("book")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium (see :func:`launch_chromium`) for the browser and site tests."""
    from playwright.sync_api import sync_playwright

    from chromium_launch import launch_chromium

    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


# The longest test files start first (issue 31). make test runs the files in two processes (pytest-xdist,
# --dist loadfile: one file at a time per process, handed out in collection order); a long file started
# last keeps one process busy while the other has nothing left. Only the order changes; every test runs.
LONGEST_FIRST = (
    "tests/test_browser.py", "book/chinchilla.ipynb", "book/model-collapse.ipynb", "book/progress.ipynb",
    "book/economics.ipynb", "book/scaling-laws.ipynb", "book/data-wall.ipynb", "book/test-time-compute.ipynb",
    "tests/test_browser_outputs.py", "tests/test_reference_pages.py", "tests/test_ledger_browser.py",
    "tests/test_corners.py", "tests/test_corners_more.py", "tests/test_fuzz_property.py", "tests/test_worlds.py",
    "book/other-side.ipynb", "tests/test_bare_machine.py", "tests/test_student.py",
)


def pytest_collection_modifyitems(session, config, items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}

    def key(item):
        rel = item.path.relative_to(ROOT).as_posix() if item.path.is_relative_to(ROOT) else str(item.path)
        return rank.get(rel, len(rank))

    items.sort(key=key)  # stable: the order within a file, and among the other files, is kept
