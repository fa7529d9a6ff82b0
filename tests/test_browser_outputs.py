"""Results read as tables, not wide prints: in a real browser (Debian's headless Chromium, outside requests
blocked, as in test_browser.py),

* at a laptop's 1280 px no output block of any page scrolls sideways (a printed line wider than the column,
  a table wider than the column), solutions and other folded content opened;
* at a phone's 390 px the check tables of verdict cards wrap between words, never inside one ("Measure d");
* at 390 px the caption of a book table (analysis.house.tables) stays in view: it wraps to the column above
  the table's scrolling box instead of scrolling away with a wide table.

The site is ``_build/html`` or ``BOOK_SITE``, as for test_browser.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from site_server import serving  # tests/ is on sys.path, as for chromium_launch

from test_browser import VIEWPORTS, _open, _pages, _QuietHandler  # noqa: E402  (tests/ is on sys.path, as for chromium_launch)

#: Output blocks allowed to scroll, each with the reason: the ledger's searchable table (itables/DataTables)
#: lays out its own filter panes and columns; test_browser.py keeps it inside the viewport.
SCROLL_EXEMPT = ".dt-container"

#: Open everything folded (solutions, dropdowns) except Vega's actions menus, so hidden outputs are measured.
UNFOLD = """() => {
  document.querySelectorAll('details:not(.vega-embed details)').forEach(d => { d.open = true; });
  document.querySelectorAll('.toggle-hidden, .dropdown .toggle-details__container').forEach(e => e.classList.remove('toggle-hidden'));
}"""

#: Every scrolling element inside an output block: (what, scroll width, client width, the block's first words).
SCROLLING_OUTPUTS = """(exempt) => {
  const out = [];
  for (const block of document.querySelectorAll('main .cell_output')) {
    for (const el of [block, ...block.querySelectorAll('*')]) {
      if (el.closest(exempt) || el.closest('svg')) continue;
      const style = getComputedStyle(el);
      if (!['auto', 'scroll'].includes(style.overflowX)) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        out.push({what: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''),
                  scroll: el.scrollWidth, client: el.clientWidth,
                  text: (block.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 70)});
        break;
      }
    }
  }
  return out;
}"""

#: Words of verdict-card check tables broken across lines: a word (split at spaces, and after a hyphen, dash or
#: slash, where a break is fine) whose glyphs sit on more than one line.
BROKEN_WORDS = """() => {
  const bad = [];
  const pieces = /[^\\s\\-\\u2013\\u2014\\/]+[\\-\\u2013\\u2014\\/]?/g;
  for (const cell of document.querySelectorAll('.claim-card table th, .claim-card table td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      let m;
      pieces.lastIndex = 0;
      while ((m = pieces.exec(node.data))) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.top)));
        if (tops.size > 1) bad.push((cell.closest('.claim-card').id || '?') + ': ' + m[0]);
      }
    }
  }
  return bad;
}"""

#: Book-table captions that leave the viewport or sit inside the table's scrolling box.
CAPTIONS_OUT_OF_VIEW = """() => Array.from(document.querySelectorAll('.book-table-caption, table.book-table caption'))
  .filter(c => { const r = c.getBoundingClientRect();
                 return c.closest('.book-table-wrap') !== null || r.right > window.innerWidth + 1 || r.left < -1; })
  .map(c => c.textContent.trim().slice(0, 60))"""


@pytest.fixture(scope="module")
def site(root) -> Path:
    path = Path(os.environ["BOOK_SITE"]).resolve() if os.environ.get("BOOK_SITE") else root / "_build" / "html"
    if not _pages(path):
        pytest.fail(f"no built site at {path}: run `make book` (make test does it) before the browser tests")
    return path


@pytest.fixture(scope="module")
def server(site):
    with serving(site, _QuietHandler) as url:
        yield url


def _pages_with(site: Path, marker: str) -> list[str]:
    return [p.relative_to(site).as_posix() for p in _pages(site) if marker in p.read_text(errors="replace")]


def test_no_output_block_scrolls_sideways_at_1280_px(site, server, browser):
    bad = []
    pages = _pages_with(site, "cell_output")
    assert pages, "no page with code outputs"
    for rel in pages:
        context, page, _ = _open(browser, server, rel, VIEWPORTS["laptop"])
        page.evaluate(UNFOLD)
        page.wait_for_timeout(200)
        bad += [f"{rel}: {o['what']} {o['scroll']} px in {o['client']}: {o['text']}"
                for o in page.evaluate(SCROLLING_OUTPUTS, SCROLL_EXEMPT)]
        context.close()
    assert not bad, (f"{len(bad)} output blocks scroll sideways at 1280 px (print a table with "
                     "analysis.house.tables, or lines of at most 74 characters):\n" + "\n".join(bad))


def _phone(browser, server, rel):
    context = browser.new_context(viewport={"width": VIEWPORTS["phone"][0], "height": VIEWPORTS["phone"][1]})
    context.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url or r.request.url.startswith(
        ("data:", "blob:")) else r.abort())
    page = context.new_page()
    page.goto(f"{server}/{rel}", wait_until="load")
    page.evaluate(UNFOLD)
    page.wait_for_timeout(300)
    return context, page


def test_verdict_card_tables_break_lines_between_words_at_390_px(site, server, browser):
    pages = _pages_with(site, "claim-checks")
    assert pages, "no page with a verdict card"
    bad = []
    for rel in pages:
        context, page = _phone(browser, server, rel)
        broken = page.evaluate(BROKEN_WORDS)
        context.close()
        if broken:
            bad.append(f"{rel}: {len(broken)} words broken, e.g. {broken[:5]}")
    assert not bad, "verdict-card tables break words at 390 px:\n" + "\n".join(bad)


def test_table_captions_stay_in_view_at_390_px(site, server, browser):
    pages = _pages_with(site, "book-table")
    assert pages, "no page with a book table"
    bad = []
    for rel in pages:
        context, page = _phone(browser, server, rel)
        out = page.evaluate(CAPTIONS_OUT_OF_VIEW)
        context.close()
        bad += [f"{rel}: {c}" for c in out]
    assert not bad, "table captions that scroll with their table or leave the screen at 390 px:\n" + "\n".join(bad)
