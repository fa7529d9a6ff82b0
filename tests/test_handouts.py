"""Printable handouts (tools/handouts.py, `make handouts`): one chapter is printed to PDF by the headless
Chromium the browser tests use, then opened with pypdf: its page count, every figure on a page with its
caption and its static image, every exercise with its tags, no page left mostly empty."""

from __future__ import annotations

import html as html_lib
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STUDENT = ROOT / "_build" / "student" / "html"
sys.path.insert(0, str(ROOT / "tools"))
spec = importlib.util.spec_from_file_location("handouts", ROOT / "tools" / "handouts.py")
handouts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(handouts)
course = handouts.course

DOCNAME = "book/scaling-laws"
#: A page before the last is at least this full (top of the page to its lowest line of text).
MIN_FILL = 0.4


def _flat(text: str) -> str:
    """Whitespace collapsed, ligatures undone (the PDF's "ﬂoor" is "floor")."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u00ad", "").split())


def page_fill(page) -> float:
    """How far down ``page`` its text reaches, as a share of the page's height (footer excluded)."""
    height, lowest = float(page.mediabox.height), []

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and y > 40:  # below 40 pt is the footer, in the bottom margin
            lowest.append(y)

    page.extract_text(visitor_text=visit)
    return (height - min(lowest)) / height if lowest else 0.0


def site_captions(docname: str) -> dict[str, str]:
    """{"Fig. 1.2": first words of its caption} from the student site's page."""
    page = (STUDENT / f"{docname}.html").read_text()
    out = {}
    for cap in re.findall(r"<figcaption>(.*?)</figcaption>", page, re.S):
        m = re.search(r'<span class="caption-number">(Fig\. [\d.]+) </span>(.*)', cap, re.S)
        if m:
            text = _flat(html_lib.unescape(re.sub(r"<[^>]+>", " ", m.group(2))))
            words = text.split("\\(")[0].split()  # up to the first formula (drawn, not text, in the PDF)
            out[m.group(1)] = " ".join(words[:4])
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    if not (STUDENT / "index.html").exists():
        pytest.fail(f"no student site at {STUDENT}: run `make book-student` (make test does it)")
    from pypdf import PdfReader

    out = tmp_path_factory.mktemp("handouts")
    result = handouts.build([DOCNAME], out=out)[DOCNAME]
    reader = PdfReader(str(result["path"]))
    return result, reader, [_flat(p.extract_text()) for p in reader.pages]


def test_the_handout_has_a_sane_page_count_and_no_mostly_empty_page(printed):
    result, reader, texts = printed
    n = len(reader.pages)
    assert result["path"].name == "01-scaling-laws.pdf"
    assert 5 <= n <= 30, n
    fills = [page_fill(p) for p in reader.pages]
    assert all(f >= MIN_FILL for f in fills[:-1]), [round(f, 2) for f in fills]
    assert all(texts), "a blank page"
    assert all(f"page {i + 1} of {n}" in t for i, t in enumerate(texts))  # the footer numbers the pages


def test_every_figure_is_on_a_page_with_its_caption_and_its_static_image(printed):
    result, reader, texts = printed
    captions = site_captions(DOCNAME)
    assert captions and sorted(captions) == sorted(result["figures"])
    assert result["charts"] >= len(captions)
    per_page = {}
    for number, words in captions.items():
        pages = [i for i, t in enumerate(texts) if f"{number} {words}" in t]
        assert len(pages) == 1, f"{number} ({words!r}) printed on pages {pages}"
        per_page.setdefault(pages[0], []).append(number)
    for i, numbers in per_page.items():
        # The chart is an image on the same page as its caption (a figure never splits).
        assert len(reader.pages[i].images) >= len(numbers), (i + 1, numbers)
    assert sum(len(p.images) for p in reader.pages) == result["charts"]
    assert not any("Download the data" in t for t in texts)


def test_every_exercise_is_printed_with_its_tags_and_no_solution(printed):
    _, _, texts = printed
    text = " ".join(texts)
    numbers, exercises = course.exercise_numbers(), course.load_exercises()
    labels = course.exercise_labels((ROOT / f"{DOCNAME}.md").read_text())
    for label in labels:
        assert f"Exercise {numbers[label]}" in text
        assert f"about {exercises[label].minutes} min" in text
    assert "Solution" not in text
    reference = course.reference_code((ROOT / f"{DOCNAME}.md").read_text())["sl-ex-halving"].splitlines()[0]
    assert _flat(reference)[:40] not in text


def test_a_bad_chapter_name_is_refused_before_the_browser_starts(tmp_path):
    with pytest.raises(ValueError, match="docnames"):
        handouts.build(["book/no-such-chapter"], out=tmp_path)
