"""The reference pages and reader settings: glossary linked both ways, the running page's run times and
parameter table, the repository's address as one setting, and dark mode that follows the reader's system.

Source-level checks run anywhere; the built-site checks read ``_build/html`` (or ``BOOK_SITE``); the dark
mode check opens pages in headless Chromium with the system colour scheme set to dark.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import jupytext
import pytest
from site_server import serving  # tests/ is on sys.path, as for chromium_launch
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import book_extensions as ext  # noqa: E402

TERM = re.compile(r"\{term\}`(?:[^`<]*<(?P<titled>[^>`]+)>|(?P<bare>[^`]+))`")


def glossary_terms(text: str) -> list[str]:
    """The entries of the glossary directive (an unindented line followed by an indented definition)."""
    body = text.split(":::{glossary}", 1)[1].split("\n:::", 1)[0]
    return re.findall(r"^([^\s:][^\n]*)\n  \S", body, re.M)


def term_uses(root: Path) -> dict[str, set[str]]:
    """{lower-cased term: pages whose prose links it with {term}} over every page but the glossary."""
    uses: dict[str, set[str]] = {}
    for page in sorted((root / "book").glob("*.md")):
        if page.stem == "glossary":
            continue
        for m in TERM.finditer(page.read_text()):
            uses.setdefault((m.group("titled") or m.group("bare")).strip().lower(), set()).add(page.stem)
    return uses


def chapters(root: Path = ROOT) -> list[str]:
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    return [c["file"] for part in toc["parts"] if part.get("numbered") for c in part["chapters"]]


# ------------------------------------------------------------------------------------- glossary

def test_every_glossary_entry_is_linked_from_the_book_and_every_link_has_an_entry(root):
    text = (root / "book" / "glossary.md").read_text()
    terms = glossary_terms(text)
    assert len(terms) >= 50 and len(terms) == len(set(terms))
    uses = term_uses(root)
    unused = [t for t in terms if t.lower() not in uses]
    dangling = sorted(set(uses) - {t.lower() for t in terms})
    assert unused == [] and dangling == []


def test_the_glossary_defines_the_terms_the_chapters_need_and_prejudges_no_verdict(root):
    text = (root / "book" / "glossary.md").read_text()
    terms = {t.lower() for t in glossary_terms(text)}
    for needed in ("log-odds", "principal component", "grouped-query attention", "multi-head attention",
                   "amortised cost", "assets under management", "replace", "mix", "top-k sampling",
                   "observational scaling law"):
        assert needed in terms, needed
    emergent = text.split("Emergent ability\n", 1)[1].split("\n\n", 1)[0]
    assert "artefact" not in emergent and "often" not in emergent  # EM-1 is tested, not presumed


def test_glossary_back_links_are_built_from_the_term_roles():
    """The extension's "Used in" line: one link per section that uses a term, labelled with the chapter."""
    from docutils import nodes
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    document = new_document("glossary", get_default_settings(Parser))
    item = nodes.definition_list_item("", nodes.term("", "Log-odds"), nodes.definition("", nodes.paragraph("", "x")))
    document += nodes.definition_list("", item, classes=["glossary"])

    class Env:
        book_glossary_docs = {"book/glossary"}
        book_term_uses = {"book/progress": [("log-odds", "pr-saturation", "Saturation"),
                                            ("log-odds", "pr-saturation", "Saturation")],
                          "book/other-side": [("log-odds", "em-saturation", "What two points cost")],
                          "book/glossary": [("log-odds", "glossary", "Glossary")]}
        toc_secnumbers = {"book/progress": {"": (2,)}, "book/other-side": {"": (8,)}}
        titles = {"book/progress": nodes.title("", "Is progress slowing?"),
                  "book/other-side": nodes.title("", "The other side")}

    class Builder:
        @staticmethod
        def get_relative_uri(src, dest):
            return dest.split("/")[-1] + ".html"

    class App:
        env, builder = Env(), Builder()

    ext.link_terms_back(App(), document, "book/glossary")
    uses = [p for p in document.findall(nodes.paragraph) if "glossary-uses" in p["classes"]]
    assert len(uses) == 1
    refs = [(r.astext(), r["refuri"]) for r in uses[0].findall(nodes.reference)]
    assert refs == [("Ch. 2, Saturation", "progress.html#pr-saturation"),
                    ("Ch. 8, What two points cost", "other-side.html#em-saturation")]


# ------------------------------------------------------------------------------------- running page

def _check_names(source: Path) -> list[str]:
    """The parameter names a chapter's parameter check names, read from its MyST source."""
    import ast

    for cell in jupytext.read(source).cells:
        if cell.cell_type == "code" and "check(globals()" in cell.source:
            tree = ast.parse(cell.source)
            return [kw.arg for node in ast.walk(tree) if isinstance(node, ast.Call)
                    and getattr(node.func, "id", "") == "check" for kw in node.keywords]
    return []


def test_parameter_table_reads_each_chapter_check(root, tmp_path):
    for chapter in chapters(root):
        nb = jupytext.read(root / f"{chapter}.md")
        path = tmp_path / (Path(chapter).name + ".ipynb")
        jupytext.write(nb, path, fmt="ipynb")
        rows = ext.chapter_parameters(path)
        assert [r["name"] for r in rows] == _check_names(root / f"{chapter}.md"), chapter
        assert all(r["default"] and r["rule"] and "(" not in r["rule"][:6] for r in rows), rows
    assert ext.claims_reading("scaling-laws", ["n_boot", "no_such"])["no_such"] == []


def test_running_page_states_a_run_time_for_every_chapter(root):
    text = (root / "book" / "running.md").read_text()
    section = text.split("(running-times)=", 1)[1].split("\n(", 1)[0]
    assert "tools/build_book.py one book/<chapter>.md" in section
    rows = re.findall(r"^\| (\d+)\. [^|]+\| *(\d+) *\|$", section, re.M)
    assert [int(k) for k, _ in rows] == list(range(1, len(chapters(root)) + 1))
    assert all(int(seconds) > 0 for _, seconds in rows)
    for heading in ("(running-parameters)=", "(running-testing)=", "(running-troubleshooting)=", ":::{chapter-parameters}"):
        assert heading in text


def test_built_running_page_has_every_chapter_parameter_table(built, root):
    page = (built / "book" / "running.html").read_text()
    assert len(re.findall(r"<table[^>]*parameter-table", page)) == len(chapters(root))
    for chapter in chapters(root):
        stem = Path(chapter).name
        start = page.index(f'href="{stem}.html"', page.index('class="parameter-chapter"'))
        table = page[start:page.index("</table>", start)]
        names = _check_names(root / f"{chapter}.md")
        assert names and all(f'<span class="pre">{name}</span>' in table for name in names), (chapter, names)
        assert re.search(r'href="ledger\.html#claim-[a-z]+-\d+', table), chapter  # the verdicts it can move
    assert "{{" not in re.sub(r"<script.*?</script>", "", page, flags=re.S)  # every repository token substituted


# ------------------------------------------------------------------------------------- one setting

def test_repository_address_is_one_setting(root):
    config = yaml.safe_load((root / "_config.yml").read_text())
    url = config["repository"]["url"].rstrip("/")
    citation = yaml.safe_load((root / "CITATION.cff").read_text())
    assert citation["repository-code"] == url
    owner, name = url.split("/")[-2:]
    assert citation["url"] == f"https://{owner.lower()}.github.io/{name}/"
    pages = {p.name: p.read_text() for p in (root / "book").glob("*.md")}
    assert not [n for n, t in pages.items() if url in t], "pages write {{ repository_url }}, not the address"
    assert "{{ repository_url }}" in pages["running.md"]
    readme = (root / "README.md").read_text()
    assert "`repository.url`" in readme and "`_config.yml`" in readme and "`CITATION.cff`" in readme


def test_citation_and_pages_follow_the_setting():
    old = 'title: "x"\nrepository-code: "https://github.com/a/b"\nurl: "https://a.github.io/b/"\n'
    new = ext.citation_lines(old, "https://github.com/Org/book")
    assert 'repository-code: "https://github.com/Org/book"' in new and 'url: "https://org.github.io/book/"' in new
    assert ext.citation_lines(new, "https://github.com/Org/book") == new

    class Config:
        html_theme_options = {"repository_url": "https://github.com/Org/book/"}

    class App:
        config = Config()

    source = ["git clone {{ repository_url }}\ncd {{ repository_name }}"]
    ext.substitute_repository(App(), "book/running", source)
    assert source == ["git clone https://github.com/Org/book\ncd book"]


def test_built_pages_use_the_configured_address(built, root):
    url = yaml.safe_load((root / "_config.yml").read_text())["repository"]["url"].rstrip("/")
    page = (built / "book" / "running.html").read_text()
    assert f"git clone {url}" in re.sub(r"<[^>]+>", "", page)


# ------------------------------------------------------------------------------------- dark mode

def test_dark_mode_follows_the_system_setting(root):
    config = yaml.safe_load((root / "_config.yml").read_text())
    assert config["sphinx"]["config"]["html_context"]["default_mode"] == "auto"


@pytest.fixture(scope="module")
def built(root) -> Path:
    path = Path(os.environ["BOOK_SITE"]).resolve() if os.environ.get("BOOK_SITE") else root / "_build" / "html"
    if not (path / "index.html").exists():
        pytest.fail(f"no built site at {path}: run `make book` before the site tests")
    return path


@pytest.fixture(scope="module")
def server(built):
    with serving(built) as url:
        yield url


LOOK = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).slice(0, 4).map(Number);
  const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const back = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                         if (c.length === 3 || c[3] > 0.5) return c; } return [255, 255, 255]; };
  const contrast = el => { const a = lum(rgb(getComputedStyle(el).color)), b = lum(back(el));
                           return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
  const cards = Array.from(document.querySelectorAll('.claim-card')).slice(0, 6);
  const texts = cards.flatMap(c => Array.from(c.querySelectorAll('p, td, th, li, span:not(.verdict-badge)')).filter(e => e.textContent.trim()).slice(0, 8));
  const charts = Array.from(document.querySelectorAll('.vega-embed')).slice(0, 4).map(v => back(v));
  const bars = Array.from(document.querySelectorAll('.cell_output .output')).filter(o =>
      o.getBoundingClientRect().height > 0 && !o.textContent.trim() && !o.querySelector('svg, canvas, img, table, iframe'));
  return {theme: document.documentElement.dataset.theme, body: back(document.body),
          worst_card_text: texts.length ? Math.min(...texts.map(contrast)) : null, n_card_texts: texts.length,
          chart_backgrounds: charts, empty_bars: bars.length};
}"""


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("page", ["book/scaling-laws", "book/ledger"])
def test_pages_follow_the_system_colour_scheme_and_stay_legible(browser, server, scheme, page):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    context.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url or r.request.url.startswith(("data:", "blob:")) else r.abort())
    try:
        tab = context.new_page()
        tab.goto(f"{server}/{page}.html", wait_until="load")
        if tab.locator('div[id^="altair-viz-"]').count():
            tab.wait_for_function("() => document.querySelector('.vega-embed svg.marks, .vega-embed canvas')", timeout=20_000)
        look = tab.evaluate(LOOK)
    finally:
        context.close()
    assert look["theme"] == scheme
    assert (sum(look["body"][:3]) < 200) == (scheme == "dark")  # the page itself is dark or light
    assert look["n_card_texts"] > 0 and look["worst_card_text"] >= 4.5, look
    assert look["chart_backgrounds"] and all(c[:3] == [255, 255, 255] for c in look["chart_backgrounds"]), look
    assert look["empty_bars"] == 0, look
