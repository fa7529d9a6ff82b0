"""How the browser tests start Chromium (imported by tests/conftest.py and tests/test_browser.py; a module
of its own because book/conftest.py shadows the name ``conftest`` when pytest runs in parallel)."""

from __future__ import annotations

import shutil

import pytest


def launch_chromium(playwright):
    """Debian's headless Chromium through Playwright (never a downloaded browser), every outside host
    unresolvable. ``playwright`` is a started ``sync_playwright()``; one per thread."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("the browser tests need Debian's chromium: apt-get install chromium (.ci/run does it)")
    return playwright.chromium.launch(
        executable_path=chromium, headless=True,
        args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--disable-quic",
              "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
