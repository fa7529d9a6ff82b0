"""The ledger table reads (issue 26, item 5), in a real browser (Debian's headless Chromium, outside requests
blocked) at a laptop's 1280 px and a phone's 390 px:

* the table is paged: one page of :data:`analysis.ledger.pages.TABLE_PAGE` rows, a fraction of the page's old
  height (23,000 px at 1280 px, 41,000 px at 390 px);
* no word of a row (or of the header) breaks across lines: every run of letters and digits lies on one line,
  on the first page and on the next (a break at a hyphen or a slash is between words);
* the claim's column takes about 60 % of the table's width at 1280 px, the verdict's is narrow (the badge
  wraps between its words, the reasons under it);
* each row shows the article's own words (a quotation) beside ours, and its identifier links to a card on
  the page; the filters offer each article, verdict and reason once.

The site is ``_build/html`` (``BOOK_SITE=<dir>`` points at another build), as in ``tests/test_browser.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from site_server import serving  # tests/ is on sys.path, as for chromium_launch

from analysis import ledger as C
from analysis.ledger import pages

VIEWPORTS = {"laptop": (1280, 800), "phone": (390, 844)}
#: The tallest a page of rows may be (px) at each viewport: with the claim, a quotation and a narrow
#: badge, a row runs a few lines.
MAX_PAGE_HEIGHT = {"laptop": 2600, "phone": 5200}
#: The claim column's share of the table's width at 1280 px ("about 60 %").
CLAIM_SHARE = (0.45, 0.75)
#: The verdict column's largest share of the table's width at 1280 px (the badge, and the reasons under it).
VERDICT_SHARE = 0.2

#: Words split across lines in the visible rows: for each text node of the table's cells, every run of letters
#: and digits whose client rectangles lie on more than one line.
BROKEN_WORDS = """() => {
  const table = document.querySelector('table.ledger-table');
  const broken = [];
  const cells = table.querySelectorAll('thead th, tbody td');
  for (const cell of cells) {
    if (cell.offsetParent === null) continue;  // a column hidden on a phone
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[\\p{L}\\p{N}]{2,}/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""

MEASURE = """() => {
  const table = document.querySelector('table.ledger-table');
  const rows = Array.from(table.querySelectorAll('tbody tr'));
  const head = Array.from(table.querySelectorAll('thead th'));
  const tw = table.getBoundingClientRect().width;
  const width = i => head[i] ? head[i].getBoundingClientRect().width : 0;
  const badges = Array.from(table.querySelectorAll('tbody .verdict-badge'));
  const badgeLines = badges.map(b => new Set(Array.from(b.getClientRects()).map(r => Math.round(r.top))).size);
  const links = rows.map(r => r.querySelector('td a')).filter(a => a).map(a => a.getAttribute('href'));
  return {
    rows: rows.length, height: Math.round(table.getBoundingClientRect().height), table_width: Math.round(tw),
    claim_share: width(2) / tw, verdict_share: width(1) / tw,
    quotes: rows.filter(r => r.querySelector('td q')).length,
    badge_lines: Math.max(0, ...badgeLines),
    links_to_cards: links.filter(h => h.startsWith('#') && document.getElementById(h.slice(1))).length,
    links: links.length,
  };
}"""


@pytest.fixture(scope="module")
def site(root) -> Path:
    """The built site: ``BOOK_SITE`` if set, else ``_build/html``."""
    path = Path(os.environ["BOOK_SITE"]).resolve() if os.environ.get("BOOK_SITE") else root / "_build" / "html"
    if not (path / "book" / "ledger.html").exists():
        pytest.fail(f"no built ledger page at {path}: run `make book` (make test does it) before the browser tests")
    return path


@pytest.fixture(scope="module")
def server(site):
    with serving(site) as url:
        yield url


def _ledger(browser, server, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})

    def route(r):
        url = r.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1":
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(f"{server}/book/ledger.html", wait_until="load")
    page.wait_for_selector("table.ledger-table tbody tr", timeout=30_000)
    page.wait_for_timeout(300)
    return context, page


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_page_of_rows_shows_without_mid_word_breaks(browser, server, viewport):
    context, page = _ledger(browser, server, VIEWPORTS[viewport])
    try:
        m = page.evaluate(MEASURE)
        assert m["rows"] == pages.TABLE_PAGE, m
        assert m["height"] <= MAX_PAGE_HEIGHT[viewport], m
        assert page.evaluate(BROKEN_WORDS) == [], "words broken across lines on the first page"
        assert m["quotes"] >= pages.TABLE_PAGE // 2, m  # the article's words beside ours (a few rows have none)
        assert m["links_to_cards"] == m["links"] == m["rows"], m
        assert m["badge_lines"] <= 2, m
        if viewport == "laptop":
            assert CLAIM_SHARE[0] <= m["claim_share"] <= CLAIM_SHARE[1], m
            assert m["verdict_share"] <= VERDICT_SHARE, m
        page.locator(".dt-paging button.next, .dt-paging-button.next").first.click()
        page.wait_for_timeout(300)
        assert page.evaluate(BROKEN_WORDS) == [], "words broken across lines on the second page"
    finally:
        context.close()


def test_the_article_filter_offers_each_article_once(browser, server):
    context, page = _ledger(browser, server, VIEWPORTS["laptop"])
    try:
        page.locator("button.dtsp-showAll").first.click(timeout=5000)  # the panes start collapsed
        page.wait_for_timeout(500)
        panes = page.evaluate("""() => Array.from(document.querySelectorAll('.dtsp-searchPane')).map(p => ({
            title: (p.querySelector('input.dtsp-paneInputButton, input') || {}).placeholder || '',
            values: Array.from(p.querySelectorAll('.dtsp-name')).map(n => n.textContent.trim())}))""")
        articles = next(p for p in panes if p["title"].startswith("Article"))
        assert sorted(articles["values"]) == ["000", "001", "002", "003", "004"], articles
        verdicts = next(p for p in panes if p["title"].startswith("Verdict"))
        assert set(verdicts["values"]) == set(C.VERDICTS), verdicts  # the badge's text, not badge and reasons
        why = next(p for p in panes if p["title"].startswith("Why"))
        assert set(why["values"]) <= {*C.REASON_TAGS, "none"} and len(why["values"]) > 3, why
    finally:
        context.close()
