"""Checks on the built site (`_build/html`): every page of the table of contents, internal links, Vega
served locally, and the Sphinx extension's chart helpers. Every page in a real browser, offline, is
tests/test_browser.py's."""

from __future__ import annotations

import functools
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
