"""Printable handouts (issue 29, item 5): one PDF per chapter, from the student edition's page.

``python tools/handouts.py [docname ...]`` (``make handouts``) prints each chapter of the student site
(``_build/student/html``: no solution anywhere) with the headless Chromium the browser tests use
(``tests/chromium_launch.py``), into ``_build/handouts/<n>-<chapter>.pdf``. Before printing:

* every chart becomes a static PNG image (drawn from the rendered chart at print size; sliders, menus and
  the data links are dropped);
* a figure (chart and caption) is never split across pages and is no taller than a page, and a heading
  stays with what follows it;
* captions print dark, the site's navigation, launch buttons and code inputs are hidden (outputs stay);
* each exercise shows its number, difficulty, expected time and kind, with room to write below it.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import course  # noqa: E402

ROOT = course.ROOT
STUDENT = ROOT / "_build" / "student" / "html"
OUT = ROOT / "_build" / "handouts"
#: CSS px of the column the charts are drawn at (A4 less 2 x 16 mm margins is about 670 px at 96 dpi).
COLUMN_PX = 680

HANDOUT_CSS = """
@page { size: A4; margin: 14mm 16mm 16mm 16mm; }
html, body { background: #fff !important; color: #111 !important; font-size: 10pt; line-height: 1.4; }
table, .cell_output pre, .claim-card { font-size: 9pt; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; margin-top: 1em; } h3 { font-size: 12.5pt; }
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer, .bd-footer-article, .bd-header-article,
.prev-next-area, .header-article-items, .skip-link, .headerlink, .bd-search, .search-button-field,
.cell_input, .vega-bindings, .vega-actions, .vega-embed details, .book-data-links, a.book-chart-data,
.bd-article-container .toc, .sidebar-toggle, #pst-back-to-top, .launch-buttons, .dropdown-launch-buttons,
.vega-bind, form.vega-bindings { display: none !important; }
.bd-main, .bd-content, .bd-article-container, .bd-article, .bd-page-width { max-width: none !important;
  width: auto !important; margin: 0 !important; padding: 0 !important; }
figure, .handout-figure { break-inside: avoid; page-break-inside: avoid; margin: 0.6em 0 0.9em; }
img.handout-chart { display: block; max-width: 100% !important; max-height: 105mm; width: auto; height: auto;
  margin: 0 auto; }
figcaption, figcaption *, .caption-text, p.chart-source { color: #111 !important; opacity: 1 !important; font-size: 9.5pt;
  font-weight: 400 !important; }
figcaption .caption-number { font-weight: 700 !important; }
/* Long verdict cards may break across pages: kept whole they leave half-empty pages behind. */
.claim-card { break-inside: auto !important; page-break-inside: auto !important; }
.caption-number { font-weight: 700; color: #000 !important; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; color: #000 !important; }
p, li { orphans: 3; widows: 3; }
.exercise, .admonition { break-inside: avoid; page-break-inside: avoid; }
.handout-tag { font-weight: 400; font-size: 0.9em; color: #333; }
p.exercise-tags, p.exercise-tags em { color: #333 !important; margin: 0.1em 0 0.3em; }
.handout-answer { border: 0.6pt solid #888; border-radius: 2pt; height: 38mm; margin: 0.2em 0 1em;
  break-inside: avoid; page-break-inside: avoid; }
.cell_output { max-width: 100% !important; }
pre { white-space: pre-wrap !important; }
details { display: block; }
"""

#: Make every chart a PNG drawn from its rendered SVG (awaited), tag the exercises, open folded notes.
PREPARE_JS = r"""async ({tags, answerSpace}) => {
  const embeds = Array.from(document.querySelectorAll('.vega-embed'));
  for (const embed of embeds) {
    const svg = embed.querySelector('svg.marks');
    if (!svg) continue;
    const box = svg.getBoundingClientRect();
    const text = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
    await img.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(box.width * scale); canvas.height = Math.ceil(box.height * scale);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const out = document.createElement('img');
    out.className = 'handout-chart';
    out.src = canvas.toDataURL('image/png');
    out.style.width = Math.round(box.width) + 'px';
    out.alt = svg.getAttribute('aria-label') || 'chart';
    await out.decode();
    embed.replaceWith(out);
  }
  document.querySelectorAll('details').forEach(d => d.open = true);
  for (const a of document.querySelectorAll('a.chart-csv')) {  // a download link is no use on paper
    const before = a.previousSibling;
    if (before && before.nodeType === 3) before.textContent = before.textContent.replace(/\s*·\s*$/, '');
    a.remove();
  }
  for (const [label, tag] of Object.entries(tags)) {
    const ex = document.getElementById(label);
    if (!ex) continue;
    const title = ex.querySelector('.admonition-title');
    if (title && !ex.querySelector('.exercise-tags')) { const s = document.createElement('span'); s.className = 'handout-tag'; s.textContent = ' · ' + tag; title.appendChild(s); }
    if (answerSpace) { const box = document.createElement('div'); box.className = 'handout-answer'; ex.after(box); }
  }
  return {charts: embeds.length, left: document.querySelectorAll('.vega-embed').length,
          figures: Array.from(document.querySelectorAll('figure .caption-number')).map(e => e.textContent.trim())};
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(directory: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def _launch(playwright):
    sys.path.insert(0, str(ROOT / "tests"))
    from chromium_launch import launch_chromium

    return launch_chromium(playwright)


def print_chapter(browser, base: str, docname: str, target: Path, answer_space: bool = True) -> dict:
    """Print one chapter of the served student site into the PDF ``target``; returns what it printed."""
    tags = {label: f"{ex.tag()}" for label, ex in course.load_exercises().items()}
    context = browser.new_context(viewport={"width": COLUMN_PX, "height": 1000}, color_scheme="light")
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith((base, "data:", "blob:")) else r.abort())
    try:
        page = context.new_page()
        page.goto(f"{base}/{docname}.html", wait_until="load")
        page.add_style_tag(content=HANDOUT_CSS)
        n_charts = page.locator(".vega-embed").count()
        if n_charts:  # every chart drawn before it is copied
            page.wait_for_function(
                "n => document.querySelectorAll('.vega-embed svg.marks').length >= n", arg=n_charts, timeout=60_000)
        page.evaluate("document.fonts.ready")
        done = page.evaluate(PREPARE_JS, {"tags": tags, "answerSpace": answer_space})
        if done["left"]:
            raise RuntimeError(f"{docname}: {done['left']} chart(s) could not be made static")
        title = page.title().split("—")[0].split("|")[0].strip()
        target.parent.mkdir(parents=True, exist_ok=True)
        page.emulate_media(media="print")
        page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True,
                 display_header_footer=True, header_template="<span></span>",
                 footer_template=('<div style="font-size:8px;width:100%;text-align:center;color:#444">'
                                  f'{title} · student handout · page <span class="pageNumber"></span> of '
                                  '<span class="totalPages"></span></div>'))
    finally:
        context.close()
    return {"charts": done["charts"], "figures": done["figures"], "path": target}


def handout_name(docname: str) -> str:
    k = course.chapter_numbers()[docname]
    return f"{k:02d}-{docname.rsplit('/', 1)[-1]}.pdf"


def build(docnames: list[str] | None = None, site: Path = STUDENT, out: Path = OUT) -> dict[str, dict]:
    """Print the handouts of ``docnames`` (default: every numbered chapter) from the student site ``site``."""
    from playwright.sync_api import sync_playwright

    chapters = course.chapter_numbers()
    docnames = docnames or sorted(chapters, key=chapters.get)
    unknown = [d for d in docnames if d not in chapters]
    if unknown:
        raise ValueError(f"docnames: not numbered chapters of _toc.yml: {unknown}")
    if not (site / "index.html").exists():
        raise ValueError(f"site: no student site at {site} (run make book-student)")
    httpd, base = _serve(site)
    results = {}
    try:
        with sync_playwright() as p:
            browser = _launch(p)
            try:
                for docname in docnames:
                    start = time.perf_counter()
                    results[docname] = print_chapter(browser, base, docname, out / handout_name(docname))
                    results[docname]["seconds"] = round(time.perf_counter() - start, 1)
                    print(f"  {handout_name(docname):<28} {len(results[docname]['figures']):>3} figures "
                          f"{results[docname]['seconds']:6.1f} s", flush=True)
            finally:
                browser.close()
    finally:
        httpd.shutdown()
    return results


if __name__ == "__main__":
    start = time.perf_counter()
    names = [a if a.startswith("book/") else f"book/{a.removesuffix('.md')}" for a in sys.argv[1:]]
    done = build(names or None)
    print(f"{len(done)} handout(s) in {OUT.relative_to(ROOT)} in {time.perf_counter() - start:.1f} s", flush=True)
