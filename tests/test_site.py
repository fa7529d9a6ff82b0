"""Checks on the built site (`_build/html`): internal links, and every page in a real headless browser
with every outside request blocked."""

from __future__ import annotations

import functools
import http.server
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key):
                self.links.append(attrs[key])


@functools.lru_cache(maxsize=None)
def _parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(errors="replace"))
    return c


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not {"_static", "_sources"} & set(p.relative_to(site).parts))


def test_site_has_every_toc_page(site, root):
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    for f in files:
        assert (site / f"{f}.html").exists(), f"{f}.html was not built"


def test_no_broken_internal_links(site):
    broken = []
    for page in _pages(site):
        for link in _parse(page).links:
            url = urlparse(link)
            if url.scheme or url.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue
            target = page if not url.path else (page.parent / unquote(url.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link} (no file)")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in _parse(target).ids:
                broken.append(f"{page.relative_to(site)} -> {link} (no anchor)")
    assert not broken, "broken internal links:\n" + "\n".join(broken[:40])


def test_vega_served_locally_once(site):
    bundle = site / "_static" / "vega-offline.js"
    assert bundle.exists() and bundle.stat().st_size > 500_000
    for page in _pages(site):
        html = page.read_text()
        if "altair-viz" in html:
            assert html.count("vega-offline.js") == 1, f"{page.name} must load the local bundle exactly once"


# --- the real browser -------------------------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()



def _blocking_route(outside: list):
    """A route handler that lets loopback requests through and aborts (and records) all others."""

    def route(r):
        url = r.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1":
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    return route


CHARTS_RENDERED = """() => Array.from(document.querySelectorAll('div[id^="altair-viz-"]'))
    .every(d => d.querySelector('svg, canvas') !== null)"""


def test_every_page_renders_offline(site, server, browser):
    problems, charts_seen = [], 0
    for page_path in _pages(site):
        rel = page_path.relative_to(site).as_posix()
        context = browser.new_context()
        outside, errors = [], []

        context.route("**/*", _blocking_route(outside))
        page = context.new_page()
        page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        page.goto(f"{server}/{rel}", wait_until="load")
        n_charts = page.locator('div[id^="altair-viz-"]').count()
        if n_charts:
            try:
                page.wait_for_function(CHARTS_RENDERED, timeout=10_000)
            except Exception:
                problems.append(f"{rel}: not every chart rendered an SVG or canvas")
            charts_seen += n_charts
            if page.locator(".vega-embed .error, div.error").count():
                problems.append(f"{rel}: a chart shows an error")
        if page.locator(".math").count():
            try:
                page.wait_for_selector("mjx-container", timeout=10_000)
            except Exception:
                problems.append(f"{rel}: MathJax did not typeset the math")
        if outside:
            problems.append(f"{rel}: requests left localhost: {outside[:3]}")
        if errors:
            problems.append(f"{rel}: console errors: {errors[:3]}")
        context.close()
    assert not problems, "\n".join(problems)
    assert charts_seen >= 3, f"only {charts_seen} charts found in the whole site"


# --- the Sphinx extension's chart and accessibility helpers (no site needed) --------------------------

def _extension():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "tools" / "book_extensions.py"
    spec = importlib.util.spec_from_file_location("book_extensions_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _App:
    def __init__(self, outdir):
        self.outdir = str(outdir)
        self.builder = type("B", (), {"format": "html"})()


def test_chart_csv_is_written_beside_its_page(tmp_path):
    from urllib.parse import quote

    ext = _extension()
    csv = "C,loss\n1e+18,3.0\n"
    body = (f'<p class="chart-source">Source: x · <a class="chart-csv" download="fig-a.csv" '
            f'href="data:text/csv;charset=utf-8,{quote(csv)}">Download the data (CSV)</a></p>')
    context = {"body": body}
    ext.write_chart_data(_App(tmp_path), "book/chapter", "page.html", context, None)
    assert (tmp_path / "book" / "fig-a.csv").read_text() == csv
    assert 'href="fig-a.csv"' in context["body"] and "data:text/csv" not in context["body"]


def test_bibliography_roles_are_dropped():
    ext = _extension()
    context = {"body": '<div role="list" class="citation-list">\n<div class="citation" id="x" role="doc-biblioentry">'}
    ext.fix_citation_roles(None, "book/references", "page.html", context, None)
    assert "role=" not in context["body"] and 'class="citation-list"' in context["body"]
