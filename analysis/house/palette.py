"""The book's colours: one colour per entity across every chapter, and the scales that draw them.

:mod:`analysis.house.charts` re-exports everything here (chapters write ``charts.colour("our fit")``).

Rules, tested in ``tests/test_charts.py``:

* every entity of :data:`COLOURS` has a colour of its own (no two entities share a colour, so a colour
  means one thing in the whole book: blue is always this book's fit, vermillion always a paper's own
  published figure, wherever it appears);
* entities that can appear in one chart (:data:`GROUPS`) are far apart in colour (CIEDE2000);
* within one chart, two values of one field never share a colour unless a dash or a shape tells them
  apart: :func:`colour_scale` refuses, :func:`series` draws the dash or shape and merges the legends.

Things that are ordered (model sizes, growth rates, sample sizes) take a sequential ramp
(:func:`size_scale`), never registry colours; things without a colour of their own (a chart's run sets,
its benchmarks) are told apart by shape on a neutral colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt

GREY, DARK_GREY, LIGHT_GREY = "#8c8c8c", "#4d4d4d", "#bdbdbd"

#: The colour of every named entity the book draws. Keys are entity names (not legend labels): map
#: legend labels onto them with :func:`colour_scale` or :func:`series`. Every value is different.
COLOURS: dict[str, str] = {
    # what a mark is (every chapter)
    "data": DARK_GREY,           # measured points (runs, models, papers' tables)
    "all runs": LIGHT_GREY,      # background cloud of every run or model
    "frontier": "#000000",       # record-setters, the best run per compute bin
    "reference": GREY,           # rules, floors, rules of thumb, thresholds
    "our fit": "#0072B2",        # a fit or model computed in this book (blue)
    "published": "#D55E00",      # a paper's own published fit or figure, e.g. Hoffmann et al.'s (vermillion)
    "article": "#E69F00",        # a figure quoted by one of the audited articles (orange)
    "projection": "#CC79A7",     # an extrapolation beyond the data, an exhaustion year (pink)
    # functional forms of a scaling law (scaling-laws chapter)
    "power": "#6A3D9A",
    "power+floor": "#009E73",
    "log": "#CC6677",
    # a replication's fit, beside ours and the published one (Chinchilla chapter)
    "Besiroglu": "#117733",
    # data reuse across generations (model-collapse chapter)
    "replace": "#882255",
    "accumulate": "#56B4E9",
    "mix": "#999933",
    # the stock of human text (data-wall chapter)
    "stock": "#44AA99",
    # quantities of the economics and other-side chapters
    "compute": "#332288",        # training or inference compute, or a forecast made from it
    "memory": "#AA4499",         # memory traffic (KV cache reads)
    # metrics of repeated sampling (test-time and other-side chapters)
    "coverage": "#66A61E",
    "pass@1": "#7570B3",
    "majority vote": "#E7298A",
}

#: Entities that can appear in one chart: far apart in colour (tested).
GROUPS = (
    ("data", "all runs", "frontier", "reference", "our fit", "published", "article", "projection"),
    ("power", "power+floor", "log", "data", "frontier", "all runs", "reference"),
    ("our fit", "published", "Besiroglu", "projection", "data", "frontier", "reference"),
    ("replace", "accumulate", "mix", "our fit", "projection", "data", "reference"),
    ("stock", "our fit", "published", "article", "projection", "data", "reference"),
    ("compute", "memory", "our fit", "published", "article", "projection", "data", "reference"),
    ("coverage", "pass@1", "majority vote", "our fit", "article", "data", "reference"),
    ("compute", "coverage", "pass@1", "our fit", "article", "data", "reference"),
)

#: The theme's categorical range (used only when a chart names no scale; every book chart names one).
PALETTE = [COLOURS[k] for k in ("our fit", "published", "article", "projection", "power+floor",
                                "accumulate", "compute", "frontier")]

#: Sequential ramp for ordered members (model sizes, growth rates; small = light, large = dark): a
#: perceptually uniform ramp (viridis without its palest yellows, which vanish on white; reversed so the
#: largest has the most contrast).
SIZE_RAMP = ["#7ad151", "#22a884", "#2a788e", "#414487", "#440154"]

#: Dash patterns of :func:`series` (Vega ``strokeDash``).
SOLID, DASHED, DOTTED, DASH_DOT = [1, 0], [6, 3], [2, 2], [8, 3, 2, 3]

#: One colour pair (background, text) per verdict, used by the verdict cards, the ledger and every verdict
#: chart (the ledger imports it from here: science modules never import the ledger). Text-on-background
#: contrast is at least 7:1 (WCAG AAA) for each pair.
VERDICT_COLOURS = {
    "supported": ("#d4eedb", "#0b4d1f"),
    "partly supported": ("#fdefc3", "#5c4300"),
    "not supported": ("#f9d6d0", "#7a1606"),
    "not testable": ("#e3e3e3", "#2b2b2b"),
}


def _verdict_text_colours() -> dict[str, str]:
    return {verdict: text for verdict, (_, text) in VERDICT_COLOURS.items()}


def colour(entity: str) -> str:
    """The book-wide colour of ``entity`` (a key of :data:`COLOURS` or a verdict)."""
    if entity in COLOURS:
        return COLOURS[entity]
    verdicts = _verdict_text_colours()
    if entity in verdicts:
        return verdicts[entity]
    raise ValueError(f"entity {entity!r} has no colour in analysis.house.charts.COLOURS; known: "
                     f"{', '.join(sorted(COLOURS))}, or a verdict")


def _mapping(entities, name: str = "entities") -> dict[str, str]:
    mapping = dict(entities) if isinstance(entities, Mapping) else {e: e for e in entities}
    if not mapping:
        raise ValueError(f"{name} must name at least one entity; got none")
    return mapping


def colour_scale(entities: Sequence[str] | Mapping[str, str]) -> alt.Scale:
    """A categorical colour scale whose domain is fixed, so a label keeps its colour in every chart.

    Parameters
    ----------
    entities : sequence of str, or mapping of label -> entity
        Either the entity names themselves (used as legend labels), or a mapping from the labels the
        data holds (e.g. ``"Hoffmann et al. (published)"``) to entity names in :data:`COLOURS`.
        Legend order is the order given. Two labels may not share a colour: when two series are the same
        entity (two published rates, two variants of one fit), draw them with :func:`series`, which tells
        them apart by dash or shape.
    """
    mapping = _mapping(entities)
    colours = [colour(e) for e in mapping.values()]
    shared = [lab for lab, c in zip(mapping, colours) if colours.count(c) > 1]
    if shared:
        raise ValueError(f"entities map labels {shared} to one colour; use charts.series(...) with a dash or "
                         "shape for each, or map them to different entities")
    return alt.Scale(domain=list(mapping), range=colours)


def series(field: str, entities: Mapping[str, str], *, title: str | None, dashes: Mapping | None = None,
           shapes: Mapping | None = None, legend: bool = True) -> dict:
    """Colour, and dash or shape, of one categorical field, with one legend for all of them.

    Parameters
    ----------
    field : str
        The field naming the series (``"series"`` or ``"series:N"``).
    entities : mapping of label -> entity
        The colour of each label (an entity of :data:`COLOURS`). Labels may share an entity when their
        dash or shape differs (e.g. two published growth rates, a fit with and without rounding).
    title : str or None
        The legend's title (the same on every channel, so Vega-Lite draws one legend).
    dashes : mapping of label -> dash, optional
        Dash pattern per label (:data:`SOLID`, :data:`DASHED`, :data:`DOTTED`...); unlisted labels are solid.
    shapes : mapping of label -> shape, optional
        Point shape per label (``"circle"``, ``"square"``, ``"triangle-up"``...); unlisted: circle.
    legend : bool
        False draws no legend (when end labels name the lines).

    Returns
    -------
    dict of encodings (``color`` and, when given, ``strokeDash`` and ``shape``) for ``.encode(**...)``.
    """
    mapping = _mapping(entities)
    for name, given in (("dashes", dashes), ("shapes", shapes)):
        extra = set(given or {}) - set(mapping)
        if extra:
            raise ValueError(f"{name} names labels that entities does not: {sorted(extra)}")
    domain = list(mapping)
    looks = {lab: (colour(mapping[lab]), str((dashes or {}).get(lab, SOLID)), (shapes or {}).get(lab, "circle"))
             for lab in domain}
    twins = [lab for lab in domain if list(looks.values()).count(looks[lab]) > 1]
    if twins:
        raise ValueError(f"labels {twins} share a colour with no dash or shape to tell them apart; "
                         "give each a dash (dashes=) or a shape (shapes=)")
    field = field.split(":")[0]
    # a dashed series shows its dash in the legend (a stroke symbol), a shaped one its shape
    leg = None if not legend else (alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5, symbolSize=300)
                                   if dashes and not shapes else alt.Undefined)
    enc = {"color": alt.Color(f"{field}:N", title=title, sort=domain, legend=leg,
                              scale=alt.Scale(domain=domain, range=[looks[lab][0] for lab in domain]))}
    if dashes:
        enc["strokeDash"] = alt.StrokeDash(f"{field}:N", title=title, sort=domain, legend=leg, scale=alt.Scale(
            domain=domain, range=[list(dashes.get(lab, SOLID)) for lab in domain]))
    if shapes:
        enc["shape"] = alt.Shape(f"{field}:N", title=title, sort=domain, legend=leg, scale=alt.Scale(
            domain=domain, range=[shapes.get(lab, "circle") for lab in domain]))
    return enc


def size_scale(labels_small_to_large: Sequence[str]) -> alt.Scale:
    """Colours for ordered members (a model family by size, growth rates), small light, large dark."""
    labels = list(labels_small_to_large)
    if not labels:
        raise ValueError("labels_small_to_large must hold at least one label; got none")
    n = len(labels)
    if n == 1:
        return alt.Scale(domain=labels, range=[SIZE_RAMP[-2]])
    if n > len(SIZE_RAMP):  # more members than ramp stops: let Vega interpolate the same ramp
        return alt.Scale(domain=labels, scheme={"name": "viridis", "extent": [0.8, 0.0]})
    return alt.Scale(domain=labels, range=[SIZE_RAMP[round(i * (len(SIZE_RAMP) - 1) / (n - 1))] for i in range(n)])


def verdict_scale(verdicts: Sequence[str] | None = None) -> alt.Scale:
    """The verdict colours of the cards and the ledger (:data:`VERDICT_COLOURS`)."""
    names = list(verdicts) if verdicts is not None else list(VERDICT_COLOURS)
    return alt.Scale(domain=names, range=[VERDICT_COLOURS[v][1] for v in names])
