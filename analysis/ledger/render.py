"""Verdict cards: how one claim's row looks in a chapter (HTML in the site, plain text elsewhere).

A card shows a coloured verdict badge, the claim in our words with its articles and locators, a small
table of checks (measured with interval vs asserted), the test type, the sentence of what would flip the
verdict and a link to the claim's row on the ledger page. Styles are inline, so a card reads the same in
the built site, in a downloaded notebook and in print; the table wraps between words (never inside one),
so it fits a 390 px column.
"""

from __future__ import annotations

import html
import textwrap
from collections import Counter
from typing import TYPE_CHECKING

from analysis.house.charts import VERDICT_COLOURS
from analysis.ledger.core import ARTICLES, LOAD_BEARING_RULE, REASON_TAGS, TEST_TYPE_MEANING

if TYPE_CHECKING:  # pragma: no cover
    from analysis.ledger import ClaimRecord

def anchor_id(claim_id: str) -> str:
    """The HTML id of a claim's row on the ledger page (``"SL-1"`` -> ``"claim-sl-1"``)."""
    return "claim-" + claim_id.lower()


def badge_html(verdict: str) -> str:
    bg, fg = VERDICT_COLOURS[verdict]
    return (f'<span class="verdict-badge" style="background:{bg};color:{fg};border-radius:0.3em;'
            f'padding:0.1em 0.5em;font-weight:600;white-space:nowrap">{html.escape(verdict)}</span>')


def tags_html(record: "ClaimRecord", ledger_page: str = "ledger.html") -> str:
    """The record's reason tags as small labels, each linked to the tags' definitions on the ledger page (its
    meaning as a tooltip); a "load-bearing" label first when the claim carries an article's argument."""
    e = html.escape
    chip = ("display:inline-block;border:1px solid currentColor;border-radius:0.8em;padding:0 0.45em;"
            "margin:0 0.25em 0.1em 0;font-size:0.85em;white-space:nowrap;text-decoration:none;color:inherit")
    parts = []
    if record.load_bearing:
        parts.append(f'<a class="load-bearing" href="{e(ledger_page)}#load-bearing" title="{e(LOAD_BEARING_RULE)}" '
                     f'style="{chip};font-weight:600">load-bearing</a>')
    for tag in record.reason_tags:
        parts.append(f'<a class="reason-tag" href="{e(ledger_page)}#reason-tags" title="{e(REASON_TAGS.get(tag, tag))}" '
                     f'style="{chip}">{e(tag)}</a>')
    return " ".join(parts)


def quote_html(record: "ClaimRecord") -> str:
    """The article's own words (at most about a dozen) in quotation marks, or nothing."""
    quote = record.quote
    if not quote:
        return ""
    # the quote is verbatim; an ellipsis marks where it starts or ends inside a sentence
    text = ("…" if quote[0].islower() else "") + quote + ("" if quote[-1] in ".!?:" else "…")
    return f"<q>{html.escape(text)}</q>"


def robustness_sentence(record: "ClaimRecord") -> str:
    """One sentence on the verdict's multiverse: in how many specifications it holds, and what flips it."""
    r = record.robustness
    if not r:
        return ""
    if r["n_specs"] == 1 and not r["choices"]:
        if record.test_type not in ("data", "model"):
            return ""
        return "Robustness: no analysis choice is varied for this row (a single specification)."
    text = (f"Robustness: the verdict holds in {r['n_agree']} of {r['n_specs']} specifications "
            f"({r['share_agree']:.0%}) over the choices {', '.join(r['choices'])}")
    text += f"; it changes under {', '.join(r['flips_under'])}." if r["flips_under"] else "; no single choice flips it."
    return ("Fragile. " if r["fragile"] else "") + text


def strip_html(record: "ClaimRecord") -> str:
    """The verdicts across the specifications of the multiverse, as a strip of coloured squares (each with
    its specification as a tooltip), with a text alternative."""
    r = record.robustness
    if not r or r["n_specs"] <= 1:
        return ""
    counts = Counter(s["verdict"] for s in r["specs"])
    label = (f"Verdicts of {record.id} across {r['n_specs']} specifications: "
             + ", ".join(f"{n} {v}" for v, n in counts.items()))
    cells = []
    for s in r["specs"]:
        bg = VERDICT_COLOURS.get(s["verdict"], ("#888888", "#444444"))[1]
        cells.append(f'<span title="{html.escape(s["spec"])}: {html.escape(s["verdict"])}" style="display:inline-block;'
                     f'width:0.7em;height:0.9em;margin:0 1px 1px 0;background:{bg};border-radius:1px"></span>')
    return (f'<span class="verdict-strip" role="img" aria-label="{html.escape(label)}" '
            f'style="display:inline-block;line-height:0.9em;vertical-align:middle">{"".join(cells)}</span>')


def worlds_html(record: "ClaimRecord") -> str:
    """The counterfactual worlds of a record: each with the fair verdict and the verdict the pipeline gave."""
    if not record.worlds:
        return ""
    e = html.escape
    items = []
    for w in record.worlds:
        ok = w["verdict"] == w["expected"]
        mark = "✓" if ok else "✗"
        note = f" ({e(w['note'])})" if w.get("note") else ""
        items.append(f"<li>{mark} {e(w['name'])}: a fair reader says <em>{e(w['expected'])}</em>; the pipeline "
                     f"gives <em>{e(w['verdict'])}</em>{note}</li>")
    return (f'<details style="margin:0.3em 0;font-size:0.9em"><summary>Counterfactual worlds '
            f'({sum(w["verdict"] == w["expected"] for w in record.worlds)} of {len(record.worlds)} give the fair '
            f'verdict)</summary><ul style="margin:0.2em 0">{"".join(items)}</ul></details>')


def _source_line(record: "ClaimRecord") -> str:
    parts = [f"article {a} (<em>{html.escape(ARTICLES[a][1])}</em>), {html.escape(loc)}"
             for a, loc in zip(record.article, record.locator)]
    return "; ".join(parts)


def card_html(record: "ClaimRecord", ledger_page: str = "ledger.html", *, element_id: str | None = None,
              footer_html: str | None = None) -> str:
    """The verdict card of ``record`` as an HTML fragment.

    ``element_id`` replaces the card's own id (``card-<id>``); ``footer_html`` replaces its last line (the
    link to the claim's ledger row). The ledger page uses both: there the card is the link target itself.
    """
    e = html.escape
    element_id = element_id or f"card-{record.id.lower()}"
    footer_html = footer_html or (f'<a href="{e(ledger_page)}#{anchor_id(record.id)}">'
                                  f'{e(record.id)} in the claims ledger</a>')
    rows = []
    for c in record.checks:
        mark = "✓ pass" if c["passed"] else "✗ fail"
        note = " (interval straddles)" if c.get("interval_straddles") else ""
        rows.append(
            f"<tr><td>{e(c['name'])}</td><td>{e(c['measured_text'])}{e(note)}</td>"
            f"<td>{e(c['asserted_text'])}</td><td>{mark}</td></tr>")
    cell = "padding:0.2em 0.3em;border-bottom:1px solid rgba(127,127,127,0.3);vertical-align:top;text-align:left"
    table = ""
    if rows:
        head = "".join(f'<th scope="col" style="{cell}">{h}</th>' for h in ("Check", "Measured [interval]",
                                                                              "Asserted", "Result"))
        body = "".join(rows).replace("<td>", f'<td style="{cell}">')
        # Columns as wide as their longest word (automatic layout, words never broken), in a type that shrinks
        # with a phone's width (3.3vw is 12.9 px at 390 px; 0.9em from about 440 px up) so the longest words of
        # four columns still fit a 390 px column; inline, so a downloaded notebook reads the same.
        table = (f'<table class="claim-checks" style="width:100%;table-layout:auto;overflow-wrap:break-word;'
                 f'word-break:normal;border-collapse:collapse;font-size:min(0.9em, 3.3vw);margin:0.4em 0">'
                 f'<caption style="text-align:left;font-size:0.85em">Checks behind the verdict of '
                 f'{e(record.id)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')
    flips = f"<p style=\"margin:0.3em 0\"><strong>Flips:</strong> {e(record.flips_if)}</p>" if record.checks else ""
    tags = tags_html(record, ledger_page)
    tags = f'<p style="margin:0.2em 0">{"Why: " if record.reason_tags else ""}{tags}</p>' if tags else ""
    quote = quote_html(record)
    quote = f"In the article's words: {quote} " if quote else ""
    robust = robustness_sentence(record)
    if robust:
        fragile = ('<span class="fragile-badge" style="border:1px solid currentColor;border-radius:0.3em;'
                   'padding:0 0.3em;margin-right:0.3em;font-weight:600">fragile</span>'
                   if record.robustness["fragile"] else "")
        robust = (f'<p style="margin:0.3em 0;font-size:0.9em">{fragile}{e(robust.removeprefix("Fragile. "))} '
                  f'{strip_html(record)}</p>')
    robust += worlds_html(record)
    return (
        f'<div class="claim-card" id="{e(element_id)}" style="border:1px solid rgba(127,127,127,0.45);'
        f'border-left:0.4em solid {VERDICT_COLOURS[record.verdict][1]};border-radius:0.3em;padding:0.5em 0.8em;'
        f'margin:0.8em 0;max-width:100%;box-sizing:border-box;overflow-wrap:anywhere">'
        f'<p style="margin:0.2em 0"><strong>{e(record.id)}</strong> {badge_html(record.verdict)} '
        f'<span style="font-size:0.9em">test type: <em>{e(record.test_type)}</em> '
        f'({e(TEST_TYPE_MEANING[record.test_type])})</span></p>'
        f'{tags}'
        f'<p style="margin:0.3em 0">{e(record.claim)}</p>'
        f'<p style="margin:0.3em 0;font-size:0.9em">{quote}Asserted: {e(record.asserted)}. '
        f'Source: {_source_line(record)}.</p>'
        f'{table}'
        f'<p style="margin:0.3em 0">{e(record.summary)}</p>'
        f'{flips}'
        f'{robust}'
        f'<p style="margin:0.2em 0;font-size:0.9em">{footer_html}</p></div>')


def card_text(record: "ClaimRecord", width: int = 88) -> str:
    """The verdict card as wrapped plain text (for terminals, nbval and notebooks without HTML)."""
    lines = [f"{record.id}: {record.verdict.upper()}  [{record.test_type}]"]
    wrap = lambda s, indent="": textwrap.fill(s, width, initial_indent=indent, subsequent_indent=indent)  # noqa: E731
    if record.load_bearing or record.reason_tags:
        lines.append(wrap(", ".join((["load-bearing"] if record.load_bearing else [])
                                    + [f"reason: {t}" for t in record.reason_tags])))
    lines.append(wrap(record.claim))
    if record.quote:
        lines.append(wrap(f"In the article's words: \"{record.quote}\""))
    lines.append(wrap("Asserted: " + record.asserted + ". Source: " + "; ".join(
        f"article {a}, {loc}" for a, loc in zip(record.article, record.locator))))
    for c in record.checks:
        mark = "pass" if c["passed"] else "FAIL"
        lines.append(wrap(f"- {c['name']}: measured {c['measured_text']}, asserted {c['asserted_text']} -> {mark}",
                          ""))
    lines.append(wrap(record.summary))
    if record.checks:
        lines.append(wrap("Flips: " + record.flips_if))
    if robustness_sentence(record):
        lines.append(wrap(robustness_sentence(record)))
    for w in record.worlds:
        mark = "ok" if w["verdict"] == w["expected"] else "WRONG"
        lines.append(wrap(f"- world '{w['name']}': fair verdict {w['expected']}, pipeline {w['verdict']} -> {mark}"))
    return "\n".join(lines)


class Card:
    """A claim's verdict card; displays as HTML in notebooks and the site, as text in a terminal."""

    def __init__(self, record: "ClaimRecord") -> None:
        self.record = record

    def _repr_html_(self) -> str:
        return card_html(self.record)

    def __repr__(self) -> str:
        return card_text(self.record)

    @property
    def verdict(self) -> str:
        return self.record.verdict
