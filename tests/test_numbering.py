"""Figures and exercises are numbered within their chapter, and every reference to one reaches it.

The chapters are numbered in ``_toc.yml`` (the Chapters part, ``numbered: 1``), so the k-th chapter's
figures read "Fig. k.1", "Fig. k.2", ... and its exercises "Exercise k.1", ...; a page outside the
numbered part (the landing page, the ledger) numbers its figures from 1 (tools/book_extensions.py).

In the built HTML (``_build/html``, or ``BOOK_SITE``), a reference that renders without a target fails:

* an unresolved cross-reference (Sphinx and MyST leave the role's text in a ``class="xref ..."`` element
  with no link around it);
* a link to ``#anchor`` that names no element of the page;
* a doubled word where prose wrote the kind before a reference that already shows it ("exercise
  Exercise 3", "Fig. Fig. 2.1");
* a bare "exercise 2" or "Fig. 4" in prose, not a link (a number typed by hand points nowhere and goes
  stale when exercises move). A paper's own "Figure 4" or "Table 1" is allowed when the words before it
  say whose it is ("Hoffmann et al.'s Figure 4", "their Table 1", "(2022), Table 1").

A browser check (headless Chromium, as tests/test_browser.py starts it) confirms the numbering a reader
sees on every chapter page.
"""

from __future__ import annotations

import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_server import serving  # tests/ is on sys.path, as for chromium_launch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

#: Elements whose text is not prose (code, maths, the numbers themselves).
NOT_PROSE = {"script", "style", "pre", "code", "mjx-container", "svg", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
KINDS = {"Fig.": "figure", "Exercise": "exercise", "Table": "table", "Listing": "code"}
DOUBLED = re.compile(r"\b(exercises?|fig\.|figures?|tables?)\s+(exercise|fig\.|figure|table)\s*\d", re.I)
BARE_OURS = re.compile(r"\b(?:exercises?\s+\d[\d.]*|figs?\.\s*\d[\d.]*)", re.I)
BARE_PAPER = re.compile(r"\b(?:figures?|tables?)\s+\d[\d.]*", re.I)
#: Words before a bare "Figure 4" / "Table 1" that say it is a paper's.
WHOSE = re.compile(r"(?:['’]s|\btheir|\bits|\bpaper|\(\d{4}[a-z]?\),?|\bet al\.,?)\s*$", re.I)


from course import chapter_numbers  # noqa: E402  (the course kit's numbering: one function, tested here)


class PageScan(HTMLParser):
    """What one built page numbers, links and says in prose."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.numbers: list[str] = []  # caption numbers in page order ("Fig. 3.1", "Exercise 3.2")
        self.local_links: list[str] = []  # href="#x" of internal references
        self.unlinked_xrefs: list[str] = []
        self.prose: list[tuple[str, bool]] = []  # (text, inside a link)
        self._number: list[str] | None = None
        self._xref: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        classes = (a.get("class") or "").split()
        if tag == "a" and "reference" in classes and "internal" in classes and (a.get("href") or "").startswith("#"):
            self.local_links.append(a["href"][1:])
        if tag in VOID:
            return
        if "caption-number" in classes:
            self._number = []
        if "xref" in classes and not self._inside("a") and self._xref is None:
            self._xref = []
            self.stack.append((tag, "xref-start " + " ".join(classes)))
            return
        self.stack.append((tag, " ".join(classes)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                closing = self.stack[i:]
                del self.stack[i:]
                if any("caption-number" in c.split() for _, c in closing) and self._number is not None:
                    self.numbers.append(" ".join("".join(self._number).split()))
                    self._number = None
                if any(c.startswith("xref-start") for _, c in closing) and self._xref is not None:
                    self.unlinked_xrefs.append(" ".join("".join(self._xref).split()))
                    self._xref = None
                return

    def _inside(self, tag: str) -> bool:
        return any(t == tag for t, _ in self.stack)

    def handle_data(self, data):
        if self._number is not None:
            self._number.append(data)
            return
        if self._xref is not None:
            self._xref.append(data)
        if any(t in NOT_PROSE or "math" in c.split() for t, c in self.stack):
            return
        self.prose.append((data, self._inside("a")))


def scan(html: str) -> PageScan:
    page = PageScan()
    page.feed(html)
    page.close()
    return page


def numbering_problems(page: PageScan, chapter: int | None) -> list[str]:
    """Caption numbers that do not read ``<kind> k.1, k.2, ...`` (chapter k) or ``<kind> 1, 2, ...``."""
    problems, seen = [], {}
    for label in page.numbers:
        m = re.fullmatch(r"(Fig\.|Exercise|Table|Listing) (\d+(?:\.\d+)*)", label)
        if not m:
            problems.append(f"unexpected caption number {label!r}")
            continue
        kind, parts = m.group(1), [int(p) for p in m.group(2).split(".")]
        seen[kind] = seen.get(kind, 0) + 1
        expected = [chapter, seen[kind]] if chapter is not None else [seen[kind]]
        if parts != expected:
            want = f"{kind} {'.'.join(map(str, expected))}"
            problems.append(f"{label!r} where {want!r} belongs")
    return problems


def reference_problems(page: PageScan) -> list[str]:
    """References that render without a target (see the module docstring)."""
    problems = [f"unresolved reference {text!r}" for text in page.unlinked_xrefs]
    problems += [f"link to missing #{target}" for target in page.local_links if target and target not in page.ids]
    text = " ".join(" ".join(t for t, _ in page.prose).split())
    problems += [f"doubled: {text[max(0, m.start() - 30):m.end() + 10]!r}" for m in DOUBLED.finditer(text)]
    for chunk, linked in page.prose:
        if linked:
            continue
        flat = " ".join(chunk.split())
        for m in BARE_OURS.finditer(flat):
            problems.append(f"bare {m.group(0)!r} (not a link): {flat[max(0, m.start() - 40):m.end() + 20]!r}")
        for m in BARE_PAPER.finditer(flat):
            if not WHOSE.search(flat[:m.start()]):
                problems.append(f"bare {m.group(0)!r} with no owner: {flat[max(0, m.start() - 40):m.end() + 20]!r}")
    return problems


# ------------------------------------------------------------------------ the checkers on small pages

def test_the_checkers_catch_each_kind_of_dangling_reference():
    html = """<main><p>As <a class="reference internal" href="#fig-a"><span class="std std-numref">Fig. 3.1</span></a>
    shows (exercise <a class="reference internal" href="#ex-b"><span>Exercise 3.2</span></a>), and
    <span class="xref std std-ref">fig-missing</span>; exercise 2 re-anchors it; see Fig. 4 and
    <a class="reference internal" href="#nowhere">this</a>.</p>
    <p>From Hoffmann et al.'s Figure 4 and their Table 1 and Kaplan et al. (2020), Table 2; but Figure 9 alone.</p>
    <figure id="fig-a"><figcaption><p><span class="caption-number">Fig. 3.1 </span>A chart.</p></figcaption></figure>
    <div class="exercise" id="ex-b"><p class="admonition-title"><span class="caption-number">Exercise 3.2 </span></p></div>
    <pre>exercise 2 in code is fine</pre><span class="math">Fig. 9</span></main>"""
    page = scan(html)
    problems = reference_problems(page)
    assert any("unresolved reference 'fig-missing'" in p for p in problems)
    assert any("link to missing #nowhere" in p for p in problems)
    assert any(p.startswith("doubled") and "exercise Exercise 3.2" in p for p in problems)
    assert any("bare 'exercise 2'" in p for p in problems) and any("bare 'Fig. 4'" in p for p in problems)
    assert any("bare 'Figure 9' with no owner" in p for p in problems)
    assert not any(p.startswith(("bare 'Figure 4'", "bare 'Table", "bare 'Fig. 9'")) or "in code" in p for p in problems)
    assert len(problems) == 6, problems
    assert numbering_problems(page, 3) == ["'Exercise 3.2' where 'Exercise 3.1' belongs"]
    assert numbering_problems(page, None) == ["'Fig. 3.1' where 'Fig. 1' belongs", "'Exercise 3.2' where 'Exercise 1' belongs"]
    clean = scan('<p>See <a class="reference internal" href="#f"><span class="std std-numref">Fig. 1</span></a>.</p>'
                 '<figure id="f"><figcaption><span class="caption-number">Fig. 1 </span></figcaption></figure>')
    assert reference_problems(clean) == [] and numbering_problems(clean, None) == []


def test_chapter_numbers_follow_the_numbered_part_of_the_toc(tmp_path):
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: i\nparts:\n  - caption: A\n    numbered: 1\n    chapters:\n"
                   "      - file: book/a\n      - file: book/b.md\n  - caption: R\n    chapters:\n      - file: book/r\n")
    assert chapter_numbers(toc) == {"book/a": 1, "book/b": 2}
    real = chapter_numbers()
    assert len(real) == 8 and real["book/scaling-laws"] == 1 and "book/ledger" not in real


def test_reader_notebooks_name_exercises_by_number():
    """A downloadable notebook turns {numref}/{ref} to an exercise into "Exercise n" (never "the figure")."""
    import editions

    text = "See {numref}`ex-b`, {ref}`ex-a` and {numref}`Task %s <ex-b>`."
    out = editions.plain_roles(text, glue={}, bib={}, titles={}, figures={}, exercises={"ex-a": 1, "ex-b": 2})
    assert out == "See Exercise 2, Exercise 1 and Task 2."
    page = ":::{exercise}\n:label: ex-a\n\nOne.\n:::\n\n:::{exercise}\n:class: x\n:label: ex-b\n\nTwo.\n:::"
    assert editions.EXERCISE_LABEL.findall(page) == ["ex-a", "ex-b"]


# ---------------------------------------------------------------------------------- the built site

@pytest.fixture(scope="module")
def built(root) -> Path:
    path = Path(os.environ["BOOK_SITE"]).resolve() if os.environ.get("BOOK_SITE") else root / "_build" / "html"
    if not (path / "index.html").exists():
        pytest.fail(f"no built site at {path}: run `make book` (make test does it) before the site tests")
    return path


def _content_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "book").glob("*.html"))


def test_every_page_numbers_its_figures_and_exercises_within_its_chapter(built):
    chapters = chapter_numbers()
    problems, counted = {}, 0
    for path in _content_pages(built):
        page = scan(path.read_text(errors="replace"))
        number = chapters.get(f"book/{path.stem}")
        counted += len(page.numbers)
        found = numbering_problems(page, number)
        if number is not None:
            kinds = {label.split()[0] for label in page.numbers}
            if not {"Fig.", "Exercise"} <= kinds:
                found.append(f"a chapter with no numbered figure or no exercise: {sorted(kinds)}")
        if found:
            problems[path.name] = found[:5]
    assert counted >= 80  # the pages' numbers were found (the test would pass vacuously otherwise)
    assert problems == {}


def test_no_reference_renders_without_a_target(built):
    problems = {}
    for path in [*_content_pages(built), built / "index.html"]:
        if not path.exists():
            continue
        found = reference_problems(scan(path.read_text(errors="replace")))
        if found:
            problems[path.name] = found[:6]
    assert problems == {}


def test_every_exercise_reference_in_the_sources_is_a_numref(root):
    """Prose names an exercise by a role that prints its number ({numref}); a {ref} prints its title, and
    with a written "exercise" before it the page reads "exercise Exercise 3.2"."""
    labels = set()
    for source in (root / "book").glob("*.md"):
        labels |= set(re.findall(r"^:label:\s*(\S+)", source.read_text(), re.M))
    assert len(labels) >= 30
    wrong = []
    for source in sorted((root / "book").glob("*.md")):
        text = source.read_text()
        for m in re.finditer(r"(\w*)\s*\{(ref|numref)\}`(?:[^`<]*<)?([^`>]+)>?`", text):
            word, role, label = m.groups()
            if label in labels and (role == "ref" or word.lower() in {"exercise", "exercises"}):
                wrong.append(f"{source.name}: {m.group(0)!r}")
    assert wrong == []


def _notebook_numbers(path: Path) -> list[str]:
    """"Fig. k.n" and "Exercise k.i" as a downloadable notebook shows them (captions and exercise headings)."""
    import nbformat

    out = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            out += [f"Fig. {m}" for m in re.findall(r"^\*Fig\. ([\d.]+)\.\*", cell.source, re.M)]
            out += [f"Exercise {m}" for m in re.findall(r"^\*\*Exercise ([\d.]+)\*\*", cell.source, re.M)]
    return out


@pytest.mark.parametrize("edition", ["html", "student/html"])
def test_downloadable_notebooks_number_as_their_pages(root, edition):
    """Issue 29: a chapter's downloadable notebook (full site and student edition) shows the same figure and
    exercise numbers as its page ("Fig. 3.4", "Exercise 3.2"), not "Exercise 1" for every exercise."""
    site = root / "_build" / edition
    if not (site / "index.html").exists():
        pytest.fail(f"no built site at {site}: run make book and make book-student first")
    for docname, k in chapter_numbers().items():
        page = scan((site / f"{docname}.html").read_text(errors="replace"))
        shown = [n for n in page.numbers if n.startswith(("Fig.", "Exercise"))]
        notebook = _notebook_numbers(site / "_sources" / f"{docname}.ipynb")
        assert sorted(notebook) == sorted(shown) and any(n.startswith(f"Exercise {k}.") for n in notebook), docname


# ---------------------------------------------------------------------------------- in a browser

@pytest.fixture(scope="module")
def server(built):
    with serving(built) as url:
        yield url


SEEN_NUMBERS = """() => {
  const main = document.querySelector('main') || document.body;
  const shown = el => el.getClientRects().length > 0 || el.closest('details');
  const numbers = Array.from(main.querySelectorAll('.caption-number')).map(e => e.textContent.trim());
  const refs = Array.from(main.querySelectorAll('a.reference.internal[href^="#"]'))
    .filter(a => a.querySelector('.std-numref'))
    .map(a => {
      const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
      const number = target ? target.querySelector('.caption-number') : null;
      return {text: a.textContent.trim(), target: !!target, number: number ? number.textContent.trim() : null};
    });
  const title = Array.from(main.querySelectorAll('h1')).find(h => h.querySelector('a.headerlink'));
  const number = title ? title.querySelector('.section-number') : null;
  return {numbers, refs, heading: number ? number.textContent.trim() + ' ' + title.textContent.slice(number.textContent.length).trim() : '',
          figures_shown: Array.from(main.querySelectorAll('figure .caption-number')).every(shown)};
}"""


@pytest.mark.parametrize("docname", sorted(chapter_numbers(), key=chapter_numbers().get))
def test_browser_shows_per_chapter_numbers(browser, server, docname):
    k = chapter_numbers()[docname]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url or r.request.url.startswith(("data:", "blob:")) else r.abort())
    try:
        page = context.new_page()
        page.goto(f"{server}/{docname}.html", wait_until="load")
        seen = page.evaluate(SEEN_NUMBERS)
    finally:
        context.close()
    assert seen["heading"].startswith(f"{k}. "), seen["heading"]
    figures = [n for n in seen["numbers"] if n.startswith("Fig.")]
    exercises = [n for n in seen["numbers"] if n.startswith("Exercise")]
    assert figures == [f"Fig. {k}.{i}" for i in range(1, len(figures) + 1)] and figures
    assert exercises == [f"Exercise {k}.{i}" for i in range(1, len(exercises) + 1)] and len(exercises) >= 3
    assert seen["figures_shown"]
    for ref in seen["refs"]:  # every numbered reference reaches a target that shows the same number
        assert ref["target"] and ref["number"] == ref["text"], ref
