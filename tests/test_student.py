"""The student edition (`make book-student`) has every exercise and no solution; the full site has both."""

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

STUDENT = ROOT / "_build" / "student" / "html"
NOT_CHAPTERS = {"book/intro", "book/ledger", "book/what-changed", "book/references", "book/glossary", "book/running"}


def _chapters() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [f for f in files if f not in NOT_CHAPTERS]


def _plain(text: str) -> str:
    """Drop whitespace and undo the typographic quotes Sphinx (smartquotes) puts in prose."""
    for fancy, plain in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(fancy, plain)
    return "".join(text.split())


def _text(path: Path) -> str:
    raw = re.sub(r"<script.*?</script>|<style.*?</style>", " ", path.read_text(), flags=re.S)
    # Whitespace is dropped entirely: syntax highlighting splits code into spans with varying spacing.
    return _plain(html.unescape(re.sub(r"<[^>]+>", "", raw)))


def _solution_probes(source: str) -> list[str]:
    """Distinctive lines from each gated solution: prose sentences and the first line of each code cell."""
    probes = []
    for block in re.findall(r":::\{solution-start\}.*?\n:::\n(.*?):::\{solution-end\}", source, flags=re.S):
        # Code the page shows (a cell whose input is removed or hidden shows none).
        code = [c for tags, c in re.findall(r"```\{code-cell\}[^\n]*\n(:tags:[^\n]*\n)?\n?(.*?)```", block, flags=re.S)
                if not re.search(r"remove-(input|cell)", tags)]
        prose = re.sub(r"```.*?```", " ", block, flags=re.S)
        for line in code:
            first = next((ln.strip() for ln in line.splitlines() if ln.strip() and not ln.strip().startswith("#")), "")
            if first:
                probes.append(" ".join(first.split()))
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(prose.split())):
            if len(sentence.split()) >= 6 and not re.search(r"[$`{}*_\\]", sentence):
                probes.append(sentence)
    return probes


def _split_solutions(source: str) -> tuple[str, str]:
    """(solution text, everything else) of a chapter source."""
    pattern = r":::\{solution-start\}.*?:::\{solution-end\}\n:::"
    return "\n".join(re.findall(pattern, source, flags=re.S)), re.sub(pattern, " ", source, flags=re.S)


def _distinctive_solution_lines() -> dict[str, list[str]]:
    """Per chapter: every solution line (code or a prose sentence) that appears nowhere outside the
    solutions of the book, so finding it in a student file can only mean a leak."""
    sources = {c: (ROOT / f"{c}.md").read_text() for c in _chapters()}
    outside = _plain(" ".join(_split_solutions(s)[1] for s in sources.values()))
    probes = {}
    for chapter, source in sources.items():
        solutions, _ = _split_solutions(source)
        lines = []
        for block in re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", solutions, flags=re.S):
            lines += [ln.strip() for ln in block.splitlines()
                      if len(ln.strip()) >= 15 and not ln.strip().startswith((":", "#", "---"))]
        prose = re.sub(r"```.*?```", " ", solutions, flags=re.S)
        lines += [s for s in re.split(r"(?<=[.!?])\s+", " ".join(prose.split()))
                  if len(s.split()) >= 6 and not re.search(r"[$`{}*_\\:|]", s)]
        probes[chapter] = [ln for ln in lines if _plain(ln) not in outside]
    return probes


def _file_text(path: Path) -> str:
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text())
        parts = []
        for cell in nb["cells"]:
            parts.append("".join(cell["source"]))
            for out in cell.get("outputs", []):
                parts += ["".join(v) if isinstance(v, list) else str(v) for v in out.get("data", {}).values()]
                parts.append("".join(out.get("text", "")))
        return _plain(html.unescape(" ".join(parts)))
    raw = path.read_text(errors="replace")
    if path.suffix in (".html", ".htm"):
        return _text(path)
    return _plain(html.unescape(raw))


def _search_stems(site: Path) -> set[str]:
    text = (site / "searchindex.js").read_text()
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    return set(index["terms"]) | set(index.get("titleterms", {}))


@pytest.fixture(scope="module")
def student():
    if not (STUDENT / "index.html").exists():
        pytest.fail(f"no student site at {STUDENT}: run `make book-student` (make test does it)")
    return STUDENT


@pytest.mark.parametrize("chapter", _chapters())
def test_chapter_has_three_exercises_with_solutions(chapter):
    source = (ROOT / f"{chapter}.md").read_text()
    exercises = re.findall(r":::\{exercise\}", source)
    solutions = re.findall(r":::\{solution-start\}", source)
    assert len(exercises) >= 3, f"{chapter} has {len(exercises)} exercises"
    assert len(solutions) >= len(exercises), f"{chapter}: every exercise needs a gated solution"


@pytest.mark.parametrize("chapter", _chapters())
def test_student_site_has_exercises_but_no_solutions(site, student, chapter):
    full_page, student_page = site / f"{chapter}.html", student / f"{chapter}.html"
    full, stud = _text(full_page), _text(student_page)
    probes = _solution_probes((ROOT / f"{chapter}.md").read_text())
    assert probes, f"{chapter}: found nothing to probe in its solutions"
    for probe in probes:
        probe = _plain(probe)
        assert probe in full, f"{chapter}: solution text missing from the full site: {probe!r}"
        assert probe not in stud, f"{chapter}: solution text leaked into the student site: {probe!r}"
    assert 'class="solution' not in student_page.read_text()
    n_ex = lambda p: len(re.findall(r'class="[^"]*\bexercise\b', p.read_text()))
    assert n_ex(student_page) == n_ex(full_page) >= 3


@pytest.mark.parametrize("chapter", _chapters())
def test_chapter_has_the_classroom_frame(chapter):
    """Objectives and prerequisites first, citations and a parameters cell inside, takeaways last."""
    source = (ROOT / f"{chapter}.md").read_text()
    assert "**You will learn**" in source and "**Prerequisites" in source
    assert ":::{admonition} Takeaways" in source
    assert source.rindex("Takeaways") > source.rindex(":::{exercise}")
    assert "{cite:" in source
    assert re.search(r":tags: \[[^\]]*parameters", source), f"{chapter} has no papermill parameters cell"


def test_every_chapter_has_a_slider_chart(site):
    """Each chapter's page holds at least one chart with a Vega-Lite input bound to a parameter: a range
    slider, or the house style's drop-down for a quantity spanning decades (charts.log_slider)."""
    for chapter in _chapters():
        page = (site / f"{chapter}.html").read_text()
        assert re.search(r'"bind":\s*\{"input":\s*"(range|select)"', page), f"{chapter}: no slider"


def test_no_solution_line_reaches_any_student_file(site, student):
    """Every file the student edition serves (pages, search index, sources, downloadable and launchable
    notebooks) is searched for every distinctive solution line; the full site must hold each of them."""
    probes = _distinctive_solution_lines()
    assert all(probes.values()), {c: len(p) for c, p in probes.items()}
    texts = {p: _file_text(p) for p in student.rglob("*")
             if p.is_file() and p.suffix in (".html", ".js", ".ipynb", ".txt", ".md", ".json", ".csv")
             and "_static" not in p.parts}
    assert any(p.suffix == ".ipynb" for p in texts), "the student edition serves no notebook"
    full = {c: _file_text(site / f"{c}.html") + _file_text(site / "_sources" / f"{c}.ipynb") for c in probes}
    for chapter, lines in probes.items():
        for line in lines:
            probe = _plain(line)
            assert probe in full[chapter], f"{chapter}: the probe is not in the full site, so it proves nothing: {line!r}"
            leaks = [str(p.relative_to(student)) for p, t in texts.items() if probe in t]
            assert not leaks, f"{chapter}: solution line {line!r} leaked into {leaks}"


def test_the_student_search_index_holds_no_solution_word(site, student):
    """Words used only inside solutions are in the full site's search index and not in the student's."""
    import snowballstemmer

    stem = snowballstemmer.stemmer("porter").stemWord
    sources = [(ROOT / f"{c}.md").read_text() for c in _chapters()]
    others = [(p.read_text()) for p in (ROOT / "book").glob("*.md") if p.stem not in {c.split("/")[-1] for c in _chapters()}]
    # Text the pages print or the ledger shows comes from the package (claim texts, labels, docstrings).
    others += [p.read_text() for p in (ROOT / "analysis").rglob("*.py")]
    others.append((ROOT / "references.bib").read_text())  # cited papers' titles are printed on the pages
    words = lambda text, shortest=1: {w.lower() for w in re.findall(rf"\b[A-Za-z]{{{shortest},}}\b", text)}
    inside = set().union(*(words(_split_solutions(s)[0], 7) for s in sources))
    outside = set().union(*(words(_split_solutions(s)[1]) for s in sources), *(words(t) for t in others))
    only = {stem(w) for w in inside - outside} - {stem(w) for w in outside}
    full, stud = _search_stems(site), _search_stems(student)
    probes = only & full
    assert len(probes) >= 3, f"too few solution-only words to probe: {sorted(probes)}"
    assert not probes & stud, f"solution words in the student search index: {sorted(probes & stud)[:10]}"


def test_student_launch_buttons_open_the_student_notebooks(student):
    page = (student / "book" / "scaling-laws.html").read_text()
    for url in re.findall(r'href="(https://(?:mybinder\.org|colab\.research\.google\.com)/[^"]+)"', page):
        assert "student/_sources/book/scaling-laws.ipynb" in url, url
    assert (student / "_sources" / "book" / "scaling-laws.ipynb").exists()
