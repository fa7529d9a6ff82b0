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
