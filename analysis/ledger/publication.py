"""The ledger as a publication: schema.org ``ClaimReview`` markup for every scored claim, and the "What changed"
page (the corrections log, newest first, and the data snapshots), computed from ledger records and the editions'
files (:mod:`analysis.ledger.editions`).

``ClaimReview`` is the markup Google's Fact Check Explorer and Fact Check Tools API index: one JSON-LD block per
claim with a computed verdict, on the page that holds its card (the ledger page), with ``url`` = that page and the
card's anchor, ``claimReviewed`` (the claim in our words), ``reviewRating`` (``ratingValue`` on the scale
:data:`RATING_SCALE` declared in the markup, ``alternateName`` = the verdict), ``itemReviewed`` (a ``Claim`` whose
``appearance`` names each article by title: the seeds carry no address or date, so none is given), ``author``
(the book) and ``datePublished`` (the build date).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from analysis.ledger.core import ARTICLES, NOT_SUPPORTED, NOT_TESTABLE, PARTLY, SUPPORTED
from analysis.ledger.editions import NEW_ROW, Correction, snapshot_changes
from analysis.ledger.render import anchor_id, badge_html

#: The rating scale declared in every ClaimReview: worst 1 (not supported), best 3 (supported).
RATING_SCALE = {NOT_SUPPORTED: 1, PARTLY: 2, SUPPORTED: 3}
#: Where the book's title and site address are kept (the site build keeps them equal to ``_config.yml``).
CITATION = Path(__file__).resolve().parents[2] / "CITATION.cff"
#: The ledger page, relative to the site's root.
LEDGER_PAGE = "book/ledger.html"


def book_identity(citation: str | Path | None = None) -> dict[str, str]:
    """The book's ``title`` and site ``url`` from ``CITATION.cff`` (the one place that holds both)."""
    path = CITATION if citation is None else Path(citation)
    if not path.is_file():
        raise ValueError(f"citation must name the book's CITATION.cff; got {str(path)!r}, which is not a file")
    text = path.read_text()
    found = {k: re.search(rf'^{k}:\s*"?([^"\n]+)"?\s*$', text, flags=re.M) for k in ("title", "url")}
    missing = [k for k, m in found.items() if m is None]
    if missing:
        raise ValueError(f"{path.name} must give the book's {' and '.join(missing)}")
    return {k: m.group(1).strip() for k, m in found.items()}


def build_date(today: dt.date | None = None) -> dt.date:
    """The date the pages are built: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else ``today``."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if not epoch.isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970; got {epoch!r}")
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return today or dt.date.today()


def claim_review(record, *, page_url: str, published: dt.date, book: Mapping[str, str]) -> dict:
    """One scored record as a schema.org ``ClaimReview`` (a JSON-LD object)."""
    if record.verdict not in RATING_SCALE:
        raise ValueError(f"record {record.id}: only a computed verdict has a ClaimReview; got {record.verdict!r}")
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{page_url}#{anchor_id(record.id)}",
        "claimReviewed": record.claim,
        "datePublished": published.isoformat(),
        "author": {"@type": "Organization", "name": book["title"], "url": book["url"]},
        "reviewRating": {"@type": "Rating", "ratingValue": RATING_SCALE[record.verdict],
                         "worstRating": min(RATING_SCALE.values()), "bestRating": max(RATING_SCALE.values()),
                         "alternateName": record.verdict},
        "itemReviewed": {"@type": "Claim",
                         "appearance": [{"@type": "CreativeWork", "name": ARTICLES[a][1]} for a in record.article]},
    }


def claim_reviews_html(records: Sequence, *, published: dt.date | None = None,
                       book: Mapping[str, str] | None = None, page: str = LEDGER_PAGE) -> str:
    """One ``<script type="application/ld+json">`` ClaimReview per record with a computed verdict, for the page
    ``page`` (relative to the site's root) that holds the cards."""
    book = book_identity() if book is None else book
    published = build_date() if published is None else published
    page_url = book["url"].rstrip("/") + "/" + page
    blocks = []
    for r in records:
        if r.verdict == NOT_TESTABLE:
            continue
        text = json.dumps(claim_review(r, page_url=page_url, published=published, book=book), ensure_ascii=False)
        blocks.append('<script type="application/ld+json">' + text.replace("</", "<\\/") + "</script>")
    return "\n".join(blocks)


# --- the "What changed" page -------------------------------------------------------------------------------

def _verdict(text: str) -> str:
    return badge_html(text) if text in RATING_SCALE or text == NOT_TESTABLE else f"<em>{html.escape(text)}</em>"


def corrections_html(log: Sequence[Correction], ledger_page: str = "ledger.html") -> str:
    """The corrections log, newest first: per entry its claim (linked to its card), date, old and new verdict and
    why, each with the anchor the cards link to (:attr:`Correction.anchor`)."""
    from analysis.ledger.editions import newest_first

    items = []
    for c in newest_first(log):
        e = html.escape
        items.append(
            f'<li class="correction" id="{e(c.anchor)}" style="margin:0.5em 0">'
            f'<strong><a href="{e(ledger_page)}#{anchor_id(c.id)}">{e(c.id)}</a></strong> '
            f'<time datetime="{c.date.isoformat()}">{c.date.isoformat()}</time>: {_verdict(c.old_verdict)} → '
            f'{_verdict(c.new_verdict)}<br>{e(c.why)}</li>')
    return f'<ol class="corrections-log" reversed style="padding-left:1.4em">{"".join(items)}</ol>'


def change_summary(log: Sequence[Correction]) -> str:
    """A sentence: how many entries, how many verdicts changed and in which directions, how many rows are new."""
    changed = [c for c in log if c.old_verdict != NEW_ROW]
    new = len(log) - len(changed)
    rank = {NOT_SUPPORTED: 0, PARTLY: 1, SUPPORTED: 2}
    scored = [c for c in changed if c.old_verdict in rank and c.new_verdict in rank]
    up = sum(rank[c.new_verdict] > rank[c.old_verdict] for c in scored)
    now_scored = sum(c.old_verdict == NOT_TESTABLE for c in changed)
    unscored = sum(c.new_verdict == NOT_TESTABLE for c in changed)
    moves = Counter(c.new_verdict for c in changed if c.old_verdict == NOT_TESTABLE)
    dates = sorted({c.date for c in log})
    span = (f"on {dates[0].isoformat()}" if len(dates) == 1 else f"from {dates[0].isoformat()} to {dates[-1].isoformat()}"
            ) if dates else ""
    return (f"The log holds {len(log)} entries {span}: {len(changed)} verdicts changed and {new} rows are new. Of the "
            f"changed verdicts, {len(scored)} moved between scored verdicts ({up} towards 'supported', "
            f"{len(scored) - up} away from it), {now_scored} rows not scored before are now scored ("
            + ", ".join(f"{n} {v}" for v, n in moves.items()) + f") and {unscored} "
            f"{'row is' if unscored == 1 else 'rows are'} no longer scored.")


def snapshots_html(snapshots: Sequence[Mapping[str, str]], previous: Sequence[Mapping[str, str]] | None = None,
                   filename: str = "data-snapshots.csv") -> str:
    """The data files an edition is computed on, as a table (file, source version, date taken, the first 16 hex
    digits of the SHA-256, the whole in its tooltip), with a link to download the list as CSV and, given the
    previous edition's list, what changed since."""
    e = html.escape
    rows = "".join(
        f"<tr><td><code>{e(s['file'])}</code></td><td>{e(s['source_version'] or '—')}</td><td>{e(s['taken'])}</td>"
        f"<td><code title=\"{e(s['sha256'])}\">{e(s['sha256'][:16])}…</code></td></tr>" for s in snapshots)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["file", "source_version", "taken", "sha256"], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: s[k] for k in writer.fieldnames} for s in snapshots)
    link = (f'<p>Every checksum in full: <a class="snapshots-csv" download="{e(filename)}" '
            f'href="data:text/csv;charset=utf-8,{quote(buf.getvalue())}">Download the list (CSV)</a>.</p>')
    since = ""
    if previous is not None:
        changes = snapshot_changes(previous, snapshots)
        since = ("<p>Since the previous edition: " + ("; ".join(f"<code>{e(f)}</code> {e(w)}" for f, w in changes)
                 if changes else "no data file changed") + ".</p>")
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Data file", "Source version", "Taken", "SHA-256"))
    # a box that scrolls sideways takes the keyboard's focus and has a name (axe: scrollable-region-focusable)
    return (f'{since}<div style="overflow-x:auto" tabindex="0" role="region" aria-label="Data snapshots">'
            f'<table class="data-snapshots" style="font-size:0.85em">'
            f'<caption style="text-align:left">The data files this edition is computed on</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>{link}')
