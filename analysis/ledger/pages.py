"""What the intro and ledger pages show, computed from ledger records (never from the claims directly).

The pages read the build's artefact through :func:`analysis.ledger.load_records`, then call these pure
functions: summary tables per article, chapter and test type, the interactive table's data frame, the
list of verdict cards, and the bottom line of the intro page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import pandas as pd

from analysis.ledger.core import (ARTICLES, FRAGILE_BELOW, LOAD_BEARING_RULE, NOT_SCORED_TAGS, NOT_TESTABLE,
                                  READING_RULES, REASON_TAGS, SUPPORTED, TEST_TYPE_MEANING, TEST_TYPES, VERDICTS)
from analysis.ledger.render import anchor_id, badge_html, card_html, quote_html

#: Computed verdicts (not counting "not testable") the ledger must hold per article (issue 12).
MINIMUM_COMPUTED = {"000": 19, "001": 10, "002": 19, "003": 13, "004": 39}


def _md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def articles_markdown() -> str:
    """The five seed articles: code, title and what kind of article each is, as a MyST table."""
    lines = ["| Code | Title | What kind of article |", "|---|---|---|"]
    for code, (_, title, kind) in ARTICLES.items():
        lines.append(f"| {code} | *{_md_cell(title)}* | {_md_cell(kind)} |")
    return "\n".join(lines)


def rules_markdown() -> str:
    """The rules of reading and the test types, as a MyST definition list."""
    out = []
    for name, text in READING_RULES:
        out += [name, f": {text}", ""]
    for t in TEST_TYPES:
        out += [f"`{t}`", f": {TEST_TYPE_MEANING[t]}", ""]
    return "\n".join(out)


def reason_tags_markdown() -> str:
    """The closed vocabulary of reason tags with the meaning of each, as a MyST definition list: first the tags of a
    scored verdict, then those of a row that is not scored."""
    out = []
    for tag, meaning in REASON_TAGS.items():
        if tag == NOT_SCORED_TAGS[0]:
            out += ["", "Rows that are not scored carry the opening word of their reason:", ""]
        out += [f"`{tag}`", f": {meaning[0].upper()}{meaning[1:]}.", ""]
    return "\n".join(out).strip()


def load_bearing_frame(records: Sequence) -> pd.DataFrame:
    """Verdict counts for the load-bearing claims and for the others, each split into evidence (data and
    literature), model (the identities of a fitted law or a simulation) and not scored: one row per group."""
    groups = (("evidence: data or literature", ("data", "literature")), ("model: a fitted law or simulation",
                                                                             ("model",)))
    rows = []
    for flag, who in ((True, "load-bearing"), (False, "other")):
        mine = [r for r in records if bool(r.load_bearing) == flag]
        for label, types in groups:
            part = [r for r in mine if r.test_type in types and r.verdict != NOT_TESTABLE]
            rows.append({"claims": who, "scored on": label, **{v: sum(r.verdict == v for r in part)
                                                               for v in VERDICTS if v != NOT_TESTABLE}})
        rows.append({"claims": who, "scored on": "not scored", **{v: 0 for v in VERDICTS if v != NOT_TESTABLE},
                     NOT_TESTABLE: sum(r.verdict == NOT_TESTABLE for r in mine)})
    frame = pd.DataFrame(rows).fillna(0)
    frame[NOT_TESTABLE] = frame[NOT_TESTABLE].astype(int)
    frame["all"] = frame[list(VERDICTS)].sum(axis=1)
    return frame


def load_bearing_markdown(records: Sequence) -> str:
    """The rule for load-bearing claims, the list of them (linked to their cards) and
    :func:`load_bearing_frame` as a MyST table."""
    frame = load_bearing_frame(records)
    head = ["Claims", "Scored on", *VERDICTS, "all"]
    lines = ["| " + " | ".join(head) + " |", "|---|---|" + "---:|" * (len(head) - 2)]
    for _, row in frame.iterrows():
        cells = [row["claims"], row["scored on"]] + [str(int(row[v])) for v in (*VERDICTS, "all")]
        lines.append("| " + " | ".join(cells) + " |")
    keys = [r for r in records if r.load_bearing]
    # raw HTML links: the cards' ids are HTML anchors, not MyST targets
    listed = ", ".join(f'<a href="#{anchor_id(r.id)}" style="white-space:nowrap">{html.escape(r.id)}</a> ({r.verdict})'
                       for r in keys)
    return (f"{LOAD_BEARING_RULE}\n\nBy this rule **{len(keys)}** of the {len(records)} claims are load-bearing: "
            f"{listed}.\n\n" + "\n".join(lines))


def computed(records: Sequence) -> list:
    """Records with a computed verdict (not 'not testable')."""
    return [r for r in records if r.verdict != NOT_TESTABLE]


def summary_frame(records: Sequence, field: str) -> pd.DataFrame:
    """Claims per verdict for each article (``field="article"``), chapter or test type, with totals."""
    if field not in ("article", "chapter", "test_type"):
        raise ValueError(f"field must be 'article', 'chapter' or 'test_type'; got {field!r}")
    rows = []
    for r in records:
        keys = r.article if field == "article" else (getattr(r, field),)
        rows += [{field: k, "verdict": r.verdict} for k in keys]
    if not rows:
        return pd.DataFrame(columns=[field, *VERDICTS, "all"])
    table = pd.crosstab(pd.DataFrame(rows)[field], pd.DataFrame(rows)["verdict"])
    table = table.reindex(columns=list(VERDICTS), fill_value=0)
    if field == "article":
        table = table.sort_index()
    else:
        order = list(dict.fromkeys(getattr(r, field) for r in records))
        table = table.loc[order]
    table["all"] = table.sum(axis=1)
    return table.reset_index()


def summary_markdown(records: Sequence, field: str) -> str:
    """:func:`summary_frame` as a MyST table (chapters link to their page)."""
    frame = summary_frame(records, field)
    label = {"article": "Article", "chapter": "Chapter", "test_type": "Test type"}[field]
    head = [label, *VERDICTS, "all"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for _, row in frame.iterrows():
        key = row[field]
        if field == "chapter":
            key = "the ledger (no chapter)" if key == "ledger" else f"{{doc}}`{key}`"
        elif field == "article":
            key = f"{key}: *{_md_cell(ARTICLES[key][1])}*"
        lines.append("| " + " | ".join([str(key)] + [str(int(row[v])) for v in (*VERDICTS, "all")]) + " |")
    return "\n".join(lines)


def robustness_cell(record) -> str:
    """The ledger table's robustness entry: share of specifications agreeing, 'fragile' when below the mark."""
    r = record.robustness
    if not r:
        return ""
    text = f"{r['n_agree']} of {r['n_specs']}"
    return f"fragile: {text}" if r["fragile"] else text


def claim_cell(record) -> str:
    """The table's claim cell: our words, then the article's own (at most about a dozen) in quotation marks."""
    quote = quote_html(record)
    words = f'<br><span class="ledger-quote">{quote}</span>' if quote else ""
    return f"{html.escape(record.claim)}{words}"


def verdict_cell(record) -> str:
    """The table's verdict cell: the badge, and under it why the verdict falls short (its reason tags)."""
    why = f'<br><span class="ledger-why">{html.escape(", ".join(record.reason_tags))}</span>' if record.reason_tags else ""
    return badge_html(record.verdict) + why


def table_frame(records: Sequence) -> pd.DataFrame:
    """The interactive ledger table: one row per claim, verdict second so it is on the first screen, our words
    and the article's beside them, why a verdict falls short (its reason tags), then the filters' columns.

    The ``Article`` column holds one code per article, separated by ", "; the page's filter pane splits it so it
    offers each article once (:func:`table_options`)."""
    rows = []
    for r in records:
        rows.append({
            "Claim": f'<a href="#{anchor_id(r.id)}">{html.escape(r.id)}</a>',
            "Verdict": verdict_cell(r),
            "What it says (our words; the article's)": claim_cell(r),
            "Why": ", ".join(r.reason_tags),
            "Article": ", ".join(r.article),
            "Chapter": r.chapter,
            "Type": r.test_type,
            "Load-bearing": "yes" if r.load_bearing else "no",
            "Specifications agreeing": robustness_cell(r),
        })
    return pd.DataFrame(rows)


#: Columns of :func:`table_frame` offered as filter panes (verdict, why, article, chapter, type, load-bearing).
TABLE_PANES = [1, 3, 4, 5, 6, 7]
#: Columns of :func:`table_frame` kept off the screen (why, chapter, type, load-bearing, specifications agreeing):
#: the filter panes and the search still read them, the reasons show under the verdict badge and each card below
#: the table shows the rest; on screen the claim keeps about 60 % of the width.
TABLE_HIDDEN = [3, 5, 6, 7, 8]
#: Rows per page of the ledger table (a reader can choose more, or all).
TABLE_PAGE = 10
#: A filter pane's values for a cell that lists several ("000, 004" -> "000" and "004"; an empty cell -> "none").
_SPLIT = "function (data, type) { return type === 'sp' ? (data ? data.split(', ') : ['none']) : data; }"
#: The verdict pane's value of a verdict cell: the badge's text, without the reasons under it.
_VERDICT_ONLY = "function (data, type) { return type === 'sp' ? data.split('<br>')[0].replace(/<[^>]*>/g, '') : data; }"


def table_options(javascript: Callable[[str], object] = str) -> dict:
    """The options of the ledger page's table (itables/DataTables): paged (:data:`TABLE_PAGE` rows, or more on
    request), filter panes above it (:data:`TABLE_PANES`, the panes of the reasons and the articles offering each
    value once, not the combinations a cell lists), the columns :data:`TABLE_HIDDEN` off the screen, and the class
    ``ledger-table`` that :data:`TABLE_FIXES` sizes (the claim's column about 60 % of the width, the verdict's
    narrow).

    ``javascript`` wraps the panes' render function so the table library runs it (the page passes itables'
    ``JavascriptFunction``; the package itself does not import itables, which only the book installs)."""
    if not callable(javascript):
        raise ValueError(f"javascript must be callable (itables.JavascriptFunction); got {javascript!r}")
    split = {"render": javascript(_SPLIT), "searchPanes": {"orthogonal": "sp"}}
    verdict = {"render": javascript(_VERDICT_ONLY), "searchPanes": {"orthogonal": "sp"}}
    return {"allow_html": True, "paging": True, "pageLength": TABLE_PAGE, "lengthMenu": [10, 25, 50, 100, 200],
            "autoWidth": False, "layout": {"top1": "searchPanes"}, "classes": "display compact ledger-table",
            "searchPanes": {"columns": TABLE_PANES, "cascadePanes": True, "initCollapsed": True},
            "columnDefs": [{"targets": [1], **verdict}, {"targets": [3, 4], **split},
                           {"targets": TABLE_HIDDEN, "visible": False}]}


def fragile(records: Sequence) -> list:
    """Records whose verdict holds in fewer than the required share of their multiverse."""
    return [r for r in records if r.robustness and r.robustness["fragile"]]


def worlds_summary(records: Sequence) -> dict[str, int]:
    """Counts over every counterfactual world of every record: ``worlds``, ``fair`` (the pipeline gave the
    fair verdict), ``wrong`` and ``errors``, and ``claims`` (records with worlds)."""
    all_worlds = [w for r in records for w in r.worlds]
    return {"claims": sum(bool(r.worlds) for r in records), "worlds": len(all_worlds),
            "fair": sum(w["verdict"] == w["expected"] for w in all_worlds),
            "wrong": sum(w["verdict"] != w["expected"] and not w["verdict"].startswith("error") for w in all_worlds),
            "errors": sum(w["verdict"].startswith("error") for w in all_worlds)}


def robustness_frame(records: Sequence) -> pd.DataFrame:
    """One row per scored data or model claim: claim, chapter, verdict, specifications and share agreeing."""
    rows = [{"claim": r.id, "chapter": r.chapter, "verdict": r.verdict, "test_type": r.test_type,
             "n_specs": r.robustness["n_specs"], "n_agree": r.robustness["n_agree"],
             "share_agree": r.robustness["share_agree"], "fragile": r.robustness["fragile"],
             "flips_under": "; ".join(r.robustness["flips_under"])}
            for r in records if r.robustness and r.verdict != NOT_TESTABLE and r.test_type in ("data", "model")]
    return pd.DataFrame(rows, columns=["claim", "chapter", "verdict", "test_type", "n_specs", "n_agree",
                                       "share_agree", "fragile", "flips_under"])


def robustness_html(records: Sequence) -> str:
    """A computed paragraph for the ledger page: how many data and model verdicts were evaluated over a
    multiverse, which are fragile (linked to their cards), and how the counterfactual worlds went."""
    frame = robustness_frame(records)
    few = frame[frame["fragile"]]
    w = worlds_summary(records)
    fragile_text = (", ".join(f'<a href="#{anchor_id(c)}">{html.escape(c)}</a>' for c in few["claim"])
                    if len(few) else "none")
    return (f"<p>Of the <strong>{len(frame)}</strong> scored data and model claims, "
            f"<strong>{int((frame['n_specs'] > 1).sum())}</strong> were evaluated over more than one specification; "
            f"<strong>{len(few)}</strong> are fragile (their verdict holds in fewer than {FRAGILE_BELOW:.0%} of "
            f"their specifications): {fragile_text}. Across <strong>{w['claims']}</strong> claims, "
            f"<strong>{w['worlds']}</strong> counterfactual worlds were run: <strong>{w['fair']}</strong> gave the "
            f"verdict a fair reader would give, <strong>{w['wrong']}</strong> did not and "
            f"<strong>{w['errors']}</strong> failed to run.</p>")


def robustness_chart(records: Sequence):
    """Share of specifications agreeing with the reported verdict, one point per scored claim, by chapter,
    with the fragility mark; a figure of the book (name ``fig-ledger-robustness``)."""
    import altair as alt

    from analysis.house import charts

    frame = robustness_frame(records)
    chapters = list(dict.fromkeys(frame["chapter"]))
    rule = pd.DataFrame({"share_agree": [FRAGILE_BELOW]})
    y = alt.Y("chapter:N", title=None, sort=chapters, axis=alt.Axis(labelLimit=140))
    points = alt.Chart(frame).mark_point(filled=True, size=70, opacity=0.85).encode(
        x=charts.x("share_agree:Q", "specifications giving the verdict", (-0.04, 1.04), percent=True,
                   ticks=[0, 0.25, 0.5, 0.75, 1]),
        y=y, yOffset=alt.YOffset("jitter:Q", scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("verdict:N", title="verdict", scale=charts.verdict_scale()),
        tooltip=["claim", "verdict", "test_type", "n_agree", "n_specs",
                 alt.Tooltip("share_agree:Q", format=".0%"), "flips_under"],
    ).transform_calculate(jitter="(indexof(datum.claim, '-') > -1 ? (parseInt(split(datum.claim, '-')[1]) % 7) / 7 : 0.5)")
    mark = alt.Chart(rule).mark_rule(strokeDash=[4, 3], color=charts.colour("reference")).encode(
        x=alt.X("share_agree:Q", scale=alt.Scale(domain=[-0.04, 1.04])))
    chart = (mark + points).properties(title="Robustness by chapter", height=alt.Step(34))
    return charts.figure(
        chart, name="fig-ledger-robustness",
        description=("One point per scored claim, grouped by chapter: the share of the specifications of its "
                     "multiverse that give the reported verdict, from 0 to 100 %, coloured by verdict. The dashed "
                     f"line marks {FRAGILE_BELOW:.0%}: points to its left are fragile verdicts."),
        source="This book's claims ledger (ledger.json): each claim evaluated over its multiverse of analysis choices",
        data=frame)


#: Styles and a small script for the interactive ledger table (itables/DataTables) that the library leaves to
#: the page: fixed column widths (identifier, verdict, reasons and articles narrow, the claim the rest, about 60 %);
#: on a phone only the claim, verdict and text columns show (the cards below hold the rest); lines break
#: between words only (never inside one), the verdict badge wraps between its words so its column stays narrow; in the
#: site's dark theme the table sits on a light card, as the charts do, so its links keep their contrast; and
#: the filter panes' search inputs get an accessible name (DataTables gives them only a placeholder).
TABLE_FIXES = """<style>
table.ledger-table { table-layout: fixed; width: 100% !important; font-size: 0.92em; }
table.ledger-table th:nth-child(1) { width: 2.9em; }
table.ledger-table th:nth-child(2) { width: 7em; }
table.ledger-table th:nth-child(4) { width: 4.2em; }
table.ledger-table td .ledger-why { font-size: 0.85em; }
@media (max-width: 640px) {
  table.ledger-table th:nth-child(n+4), table.ledger-table td:nth-child(n+4) { display: none; }
}
table.ledger-table th, table.ledger-table td { overflow-wrap: normal; word-break: normal; hyphens: manual;
  -webkit-hyphens: manual; vertical-align: top; }
table.ledger-table td .verdict-badge { white-space: normal !important; display: inline-block; line-height: 1.25; }
table.ledger-table td .ledger-quote { font-size: 0.9em; font-style: italic; }
html[data-theme="dark"] .dt-container { background: #ffffff; color: #1a1a1a; padding: 0.4em; border-radius: 0.3em; }
html[data-theme="dark"] .dt-container a { color: #0645ad; }
html[data-theme="dark"] .dt-container input, html[data-theme="dark"] .dt-container select,
html[data-theme="dark"] .dt-container label, html[data-theme="dark"] .dt-container .dt-info {
  background: #ffffff !important; color: #1a1a1a !important; border-color: #767676 !important; }
</style>
<script>
(function () {
  function name() {
    document.querySelectorAll('.dt-container input:not([aria-label])').forEach(function (el) {
      el.setAttribute('aria-label', el.getAttribute('placeholder') || el.getAttribute('title') || 'Search the ledger');
    });
  }
  new MutationObserver(name).observe(document.documentElement, {subtree: true, childList: true});
  name();
})();
</script>"""


def chapter_href(record) -> str:
    """Where a record's evidence is in its chapter: its card there (``card-<id>``, every scored claim has one),
    else the labelled section of the claim."""
    anchor = f"card-{record.id.lower()}" if record.verdict != NOT_TESTABLE else record.anchor
    return f"{html.escape(record.chapter)}.html#{html.escape(anchor)}"


def cards_html(records: Sequence, chapter_link: bool = True, corrections: dict | None = None,
               changes_page: str = "what-changed.html") -> str:
    """Every record's verdict card, each with the anchor that chapters link to (``claim-<id>``), a link to the
    claim in its chapter and, when ``corrections`` (claim id -> its log entries, newest first) has entries for
    it, a link to each on the "What changed" page."""
    parts = []
    for r in records:
        footer = '<a href="#ledger-table">back to the table</a>'
        if chapter_link and r.chapter != "ledger":
            footer += f' · <a href="{chapter_href(r)}">in its chapter</a>'
        for c in (corrections or {}).get(r.id, ()):
            footer += (f' · <a href="{html.escape(changes_page)}#{html.escape(c.anchor)}">changed '
                       f'{c.date.isoformat()}: was {html.escape(c.old_verdict)}</a>')
        parts.append(card_html(r, element_id=anchor_id(r.id), footer_html=footer))
    return "\n".join(parts)


def coverage_shortfall(records: Sequence) -> dict[str, int]:
    """For each article, how many computed verdicts are missing to reach :data:`MINIMUM_COMPUTED`."""
    have = {code: 0 for code in ARTICLES}
    for r in computed(records):
        for a in r.article:
            have[a] += 1
    return {a: max(0, MINIMUM_COMPUTED[a] - have[a]) for a in ARTICLES}


#: Rows of the shared checklist whose verdict the intro's bottom line quotes, with what they stand for, and the
#: claims (by id) whose data measure the same trend another way, shown beside the row: a verdict on an article's
#: figures is then not read as a verdict on the trend ("not supported" on +42 %, +28 %, +14 % is not "returns do
#: not shrink").
BOTTOM_LINE_ROWS = (
    ("A4-13", "the performance curve has stopped climbing", ()),
    ("A1-09", "each tenfold step of compute buys a shrinking gain of +42 %, +28 %, +14 % (the article's figures)",
     ("SL-1", "PR-3")),
    ("A2-17", "Chinchilla showed models were too large for their data", ()),
    ("A2-29", "inference-time compute can rival training compute", ()),
    ("A4-37", "recursive training makes even a simple model collapse", ()),
    ("A4-17", "frontier models have already used most accessible high-quality text", ()),
    ("A4-29", "training costs roughly triple every year", ()),
)


def bottom_line(records: Sequence) -> str:
    """The intro's opening paragraph: what the ledger found, computed from the records; beside a row about an
    article's own figures, what the data say about the same trend (:data:`BOTTOM_LINE_ROWS`)."""
    def md_text(text: str) -> str:
        return " ".join(str(text).split()).replace("*", "\\*").replace("_", "\\_")

    def verdict_ref(r) -> str:
        rob, extra = r.robustness, ""
        if rob and rob.get("n_specs", 1) > 1:
            extra = f"; {'fragile: ' if rob['fragile'] else ''}{rob['n_agree']} of {rob['n_specs']} analyses agree"
        return f"**{r.verdict}** ({{ref}}`{r.id} <{r.anchor}>`, {r.test_type}{extra})"

    scored = computed(records)
    counts = {v: sum(r.verdict == v for r in scored) for v in VERDICTS if v != NOT_TESTABLE}
    n = len(scored)
    share = (lambda v: counts[v] / n) if n else (lambda v: 0.0)
    head = (f"The ledger holds **{len(records)}** statements of the five articles, each in our words. **{n}** "
            f"could be scored against published data or research: **{counts['supported']}** "
            f"({share('supported'):.0%}) hold up, **{counts['partly supported']}** ({share('partly supported'):.0%}) "
            f"hold only in part, and **{counts['not supported']}** ({share('not supported'):.0%}) do not. The other "
            f"**{len(records) - n}** are forecasts, conditionals, opinions or statements no public data can "
            f"check; the ledger says why for each.")
    fragile_n = len(fragile(scored))
    with_multiverse = sum(bool(r.robustness) and r.robustness.get("n_specs", 1) > 1 for r in scored)
    if with_multiverse:
        were = "verdict was" if with_multiverse == 1 else "verdicts were"
        head += (f" **{with_multiverse}** {were} also computed over the analysis choices a careful analyst "
                 f"could make differently; **{fragile_n}** of them {'is' if fragile_n == 1 else 'are'} fragile "
                 f"(holding in fewer than {FRAGILE_BELOW:.0%} of those analyses).")
    by_tag, by_id = {}, {r.id: r for r in records}
    for r in records:
        for tag in r.checklist:
            by_tag.setdefault(tag, r)
    items = []
    for tag, gloss, beside in BOTTOM_LINE_ROWS:
        r = by_tag.get(tag)
        if r is None:
            continue
        items.append(f"- *{gloss}*: {verdict_ref(r)}")
        others = [by_id[b] for b in beside if b in by_id and by_id[b].verdict != NOT_TESTABLE]
        if others:
            items.append("  - That verdict is about the article's figures. What the data say about the trend itself, "
                         "the gain bought by each tenfold step of compute:")
            items += [f"    - {verdict_ref(o)}: {md_text(o.summary)}" for o in others]
    return head + ("\n\nThe statements the articles lean on most:\n\n" + "\n".join(items) if items else "")


# --- the landing page: verdicts by chapter, and reading paths -----------------------------------------------

#: Short names of the chapters (the ``chapter`` of a record is its page), in the order of the table of contents;
#: the ledger's own rows (claims no chapter tests) come last.
CHAPTER_NAMES = {
    "scaling-laws": "Scaling laws", "progress": "Progress", "chinchilla": "Chinchilla",
    "test-time-compute": "Test-time compute", "model-collapse": "Model collapse", "data-wall": "Data wall",
    "economics": "Economics", "other-side": "The other side", "ledger": "No chapter (ledger)",
}
#: What the landing figure's legend calls a load-bearing claim (a statement the articles lean on most).
KEY_MARK = "load-bearing claim"


def key_claims(records: Sequence) -> list[tuple]:
    """The load-bearing claims: for each row of :data:`BOTTOM_LINE_ROWS` found in ``records``, the first record
    tagged with its checklist row, with the row's gloss, as ``(record, gloss)`` in the rows' order."""
    by_tag = {}
    for r in records:
        for tag in r.checklist:
            by_tag.setdefault(tag, r)
    return [(by_tag[tag], gloss) for tag, gloss, _ in BOTTOM_LINE_ROWS if tag in by_tag]


def _chapter_order(records: Sequence) -> list[str]:
    seen = list(dict.fromkeys(r.chapter for r in records))
    known = [c for c in CHAPTER_NAMES if c in seen]
    return known + [c for c in seen if c not in CHAPTER_NAMES]


def verdict_units(records: Sequence) -> pd.DataFrame:
    """One row per claim, laid end to end in its chapter's bar: ``chapter`` (short name), ``verdict``, ``start``
    and ``end`` (its unit on the count axis: claims ordered by verdict as in :data:`VERDICTS`, then by id),
    ``claim``, ``key`` (whether it is a load-bearing claim, :func:`key_claims`) and ``gloss``."""
    keys = {r.id: gloss for r, gloss in key_claims(records)}
    rank = {v: i for i, v in enumerate(VERDICTS)}
    rows = []
    for chapter in _chapter_order(records):
        mine = sorted((r for r in records if r.chapter == chapter), key=lambda r: (rank.get(r.verdict, 99), r.id))
        for i, r in enumerate(mine):
            rows.append({"chapter": CHAPTER_NAMES.get(chapter, chapter), "verdict": r.verdict, "start": i,
                         "end": i + 1, "claim": r.id, "key": r.id in keys, "gloss": keys.get(r.id, "")})
    return pd.DataFrame(rows, columns=["chapter", "verdict", "start", "end", "claim", "key", "gloss"])


def verdict_segments(records: Sequence) -> pd.DataFrame:
    """The bars of the landing figure: per chapter and verdict, ``count`` and the segment's ``start``/``end``;
    with ``total``, the chapter's number of claims."""
    units = verdict_units(records)
    if units.empty:
        return pd.DataFrame(columns=["chapter", "verdict", "count", "start", "end", "total"])
    seg = (units.groupby(["chapter", "verdict"], sort=False)
           .agg(count=("claim", "size"), start=("start", "min"), end=("end", "max")).reset_index())
    return seg.merge(units.groupby("chapter", sort=False).size().rename("total").reset_index(), on="chapter")


def verdicts_figure(records: Sequence):
    """The landing page's figure (``fig-intro-verdicts``): for each chapter a bar of its claims by verdict, a
    count at the bar's end, and a white diamond with the claim's id on each load-bearing claim."""
    import altair as alt

    from analysis.house import charts

    units, seg = verdict_units(records), verdict_segments(records)
    if seg.empty:
        raise ValueError("records must hold at least one claim to draw the verdicts by chapter")
    order = list(dict.fromkeys(units["chapter"]))
    top = int(seg["total"].max())
    x_max = top * 1.12 + 1
    totals = seg.drop_duplicates("chapter")[["chapter", "total"]]
    keys = units[units["key"]].assign(mid=lambda f: f["start"] + 0.5, mark=KEY_MARK)
    y = alt.Y("chapter:N", title=None, sort=order, axis=alt.Axis(labelLimit=150, ticks=False, domain=False))
    x_axis = charts.x("start:Q", "claims", (0, x_max), ticks=list(range(0, top + 1, 5 if top <= 40 else 10)))
    bars = alt.Chart(seg).mark_bar(height={"band": 0.55}).encode(
        x=x_axis, x2="end:Q", y=y,
        color=alt.Color("verdict:N", title="verdict", scale=charts.verdict_scale(list(VERDICTS)),
                        sort=list(VERDICTS)),
        tooltip=["chapter", "verdict", "count", "total"])
    counts = alt.Chart(totals).mark_text(align="left", dx=4, fontSize=11).encode(
        x=alt.X("total:Q", scale=alt.Scale(domain=[0, x_max])), y=y, text="total:Q")
    marks = alt.Chart(keys).mark_point(shape="diamond", filled=True, size=80, fill="#ffffff", stroke="#000000",
                                       strokeWidth=1.2, opacity=1).encode(
        x=alt.X("mid:Q", scale=alt.Scale(domain=[0, x_max])), y=y,
        shape=alt.Shape("mark:N", title=None, scale=alt.Scale(domain=[KEY_MARK], range=["diamond"]),
                        legend=alt.Legend(orient="top", columns=1)),  # above the plot: fits beside nothing
        tooltip=["claim", "verdict", alt.Tooltip("gloss:N", title="the statement")])
    labels = alt.Chart(keys).mark_text(align="left", dx=-5, dy=-13, fontSize=10, fontWeight="bold",
                                       clip=False).encode(
        x=alt.X("mid:Q", scale=alt.Scale(domain=[0, x_max])), y=y, text="claim:N")
    chart = (bars + counts + marks + labels).properties(title="Verdicts by chapter", height=alt.Step(40))
    n_keys = len(keys)
    return charts.figure(
        chart, name="fig-intro-verdicts",
        description=(f"Horizontal bars, one per chapter and one for the claims no chapter tests: how many of its "
                     f"{len(units)} claims are supported, partly supported, not supported or not testable, with the "
                     f"count at the end of each bar. A white diamond labelled with its id marks each of the "
                     f"{n_keys} statements the articles lean on most."),
        source="This book's claims ledger (ledger.json), computed when the book was built",
        data={"segments": seg, "load-bearing claims": keys.drop(columns=["mark"])})


#: The one-lecture path: (minutes, what to read) in order; the verdict cards of the load-bearing claims and a
#: discussion fill the rest of :data:`LECTURE_MINUTES` (see :func:`reading_paths_markdown`).
LECTURE_MINUTES = 90
MINUTES_PER_KEY_CARD = 4
LECTURE_STEPS = (
    (10, "The bottom line and {numref}`fig-intro-verdicts` on this page."),
    (25, "{ref}`sl-forms` and {ref}`sl-frontier`: what \"diminishing returns\" can mean, and which meaning "
         "the data support."),
    (15, "{ref}`pr-frontier`: whether the frontier of measured capabilities has slowed."),
)
#: The three-week module: (title, chapters) per week; each week is :data:`SESSIONS_PER_WEEK` sessions of
#: :data:`SESSION_MINUTES` minutes and :data:`EXERCISE_HOURS_PER_WEEK` hours of the chapters' exercises.
MODULE_WEEKS = (
    ("What \"diminishing returns\" means, and whether progress is slowing", ("scaling-laws", "progress")),
    ("How to spend compute: model size, data and answer time", ("chinchilla", "test-time-compute", "data-wall")),
    ("Collapse, costs and the counter-arguments", ("model-collapse", "economics", "other-side")),
)
SESSIONS_PER_WEEK, SESSION_MINUTES, EXERCISE_HOURS_PER_WEEK = 2, 90, 3


def _verdict_tally(records: Sequence, what: str = "claims") -> str:
    scored = computed(records)
    parts = [f"{sum(r.verdict == v for r in scored)} {v}" for v in VERDICTS if v != NOT_TESTABLE]
    return f"{len(records)} {what}, {len(scored)} scored ({', '.join(parts)})"


def reading_paths_markdown(records: Sequence) -> str:
    """Two reading paths with time budgets, as MyST: one lecture, and a three-week module. Every number is
    computed: the lecture's minutes (the load-bearing claims' cards take :data:`MINUTES_PER_KEY_CARD` minutes
    each, a discussion the rest), each week's claims and verdicts, and the module's hours."""
    keys = key_claims(records)
    ref = lambda r: f"{{ref}}`{r.id} <{r.anchor}>` ({r.verdict})"  # noqa: E731
    cards = MINUTES_PER_KEY_CARD * len(keys)
    discussion = LECTURE_MINUTES - sum(m for m, _ in LECTURE_STEPS) - cards
    if discussion < 0:
        raise ValueError(f"the lecture's steps take {LECTURE_MINUTES - discussion} minutes, more than "
                         f"LECTURE_MINUTES = {LECTURE_MINUTES}")
    lecture = [f"{i}. *{m} min.* {text}" for i, (m, text) in enumerate(LECTURE_STEPS, 1)]
    n = len(LECTURE_STEPS)
    lecture.append(f"{n + 1}. *{cards} min.* The verdict cards of the {len(keys)} statements the articles lean on "
                   f"most, {MINUTES_PER_KEY_CARD} minutes each: " + "; ".join(ref(r) for r, _ in keys) + ".")
    lecture.append(f"{n + 2}. *{discussion} min.* Discussion: for one of them, which change of the evidence would "
                   "flip the verdict (each card says)?")
    weekly = SESSIONS_PER_WEEK * SESSION_MINUTES / 60 + EXERCISE_HOURS_PER_WEEK
    weeks = []
    for i, (title, chapters) in enumerate(MODULE_WEEKS, 1):
        mine = [r for r in records if r.chapter in chapters]
        leaned = [ref(r) for r, _ in keys if r.chapter in chapters]
        weeks.append(f"- **Week {i}: {title}.** " + ", ".join(f"{{doc}}`{c}`" for c in chapters)
                     + f": {_verdict_tally(mine)}"
                     + (f"; the articles lean most on {', '.join(leaned)}" if leaned else "") + ".")
    rest = [r for r in records if not any(r.chapter in c for _, c in MODULE_WEEKS)]
    return "\n".join([
        f"**One lecture ({LECTURE_MINUTES} minutes).** The debate in one session, on the statements the articles "
        "lean on most:", "", *lecture, "",
        f"**A three-week module ({len(MODULE_WEEKS) * weekly:g} hours).** Each week {SESSIONS_PER_WEEK} sessions of "
        f"{SESSION_MINUTES} minutes on the chapters and about {EXERCISE_HOURS_PER_WEEK} hours of their exercises "
        f"({weekly:g} hours a week):", "", *weeks,
        f"- **To close:** the {{ref}}`ledger <ledger>`, with the {_verdict_tally(rest, 'claims no chapter tests')}; "
        "and one chapter rerun with other parameters ({ref}`running`): which verdicts move?"])
