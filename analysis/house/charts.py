"""The book's chart house style: theme, renderer, axes, number format, colour registry, sliders, figures.

Every chapter calls :func:`use_book_theme` in its hidden preamble cell. Every chart function in the
``analysis`` package builds its axes with :func:`x` / :func:`y` (explicit domains, clean decade ticks on
log axes, one SI-like number format), takes its colours from the registry (:func:`colour`,
:func:`colour_scale`, :func:`size_scale`, :func:`verdict_scale`) and returns :func:`figure` (chart,
name, description, source). The ``book`` renderer then draws it

* as interactive HTML whose width follows the text column (``width: "container"``), SVG-rendered, with
  Vega's actions menu reduced to "save as SVG/PNG", a source line and a link to download the chart's data
  as CSV (the site build writes that CSV beside the page: ``tools/book_extensions.py``), and
* as a static PNG in the same output bundle, for LaTeX/PDF builders that cannot run JavaScript.

Layout rules are applied by the renderer to every chart: every mark is clipped to its axes (a mark
that sets ``clip=False`` keeps it), legends go below the plot in columns that fit a phone.
The number, caption and cross-reference label of a figure come from the code cell's metadata
(``mystnb: figure: {name, caption}``), see ``/tmp/house-style.md`` and ``book/running.md``.
"""

from __future__ import annotations

import copy
import json
import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

import altair as alt
import pandas as pd

THEME_NAME = "scaling_book"
RENDERER_NAME = "book"

#: Colour-blind-safe categorical palette (Okabe & Ito 2008); the registry below draws from it.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
GREY, DARK_GREY, LIGHT_GREY = "#8c8c8c", "#4d4d4d", "#bdbdbd"

#: Height of a chart's plot area (px); its width follows the text column.
HEIGHT = 300
#: Width of the static PNG (px) and of the plot when no container width is known (print, PDF).
STATIC_WIDTH = 620
#: Width of each panel of a concatenated chart (with its axis it fits a 390 px phone); prefer separate figures.
PANEL_WIDTH = 270
#: Key under ``usermeta`` where :func:`figure` stores what the renderer needs (removed before drawing).
META_KEY = "book_figure"

# --- colour registry: one colour per entity, across the whole book ------------------------------------

#: The colour of every named entity the book draws. Keys are entity names (not axis labels): map your
#: legend labels onto them with :func:`colour_scale`. Groups that appear together never share a colour.
COLOURS: dict[str, str] = {
    # what a mark is
    "data": DARK_GREY,           # measured points (runs, models, papers' tables)
    "all runs": LIGHT_GREY,      # background cloud of every run
    "frontier": "#000000",       # the best run per compute bin
    "our fit": "#0072B2",        # a fit computed in this book
    "published": "#D55E00",      # a paper's own published fit or figure
    "projection": "#CC79A7",     # an extrapolation beyond the data
    "reference": GREY,           # rules, floors, rules of thumb, thresholds
    "article": "#E69F00",        # a figure quoted by one of the audited articles
    # functional forms of a scaling law (scaling-laws chapter)
    "power": "#0072B2",
    "power+floor": "#009E73",
    "log": "#CC79A7",
    # papers' fits (Chinchilla chapter and others)
    "Kaplan": "#E69F00",
    "Hoffmann": "#CC79A7",       # not "published" vermillion: a chart may show both
    "Besiroglu": "#009E73",
    "Muennighoff": "#56B4E9",
    # data reuse across generations (model-collapse chapter)
    "replace": "#D55E00",
    "accumulate": "#0072B2",
    "mix": "#009E73",
    # data wall
    "stock": "#009E73",
    "dataset size": "#0072B2",
    "exhaustion": "#CC79A7",     # not vermillion: drawn beside "published"
    # economics
    "compute": "#0072B2",
    "cost": "#D55E00",
    "price-performance": "#009E73",
    "revenue": "#E69F00",
    # test-time compute
    "coverage": "#0072B2",
    "pass@1": "#E69F00",
    "majority vote": "#009E73",
    "reward model": "#CC79A7",
}

#: Entities that can appear in one chart: within a group no two share a colour (tested).
GROUPS = (
    ("data", "all runs", "frontier", "our fit", "published", "reference", "Kaplan", "Hoffmann", "Besiroglu",
     "Muennighoff"),
    ("data", "our fit", "published", "projection", "reference", "article"),
    ("power", "power+floor", "log", "data", "frontier", "all runs", "published"),
    ("replace", "accumulate", "mix", "data", "reference"),
    ("stock", "dataset size", "exhaustion", "data", "published", "article"),
    ("compute", "cost", "price-performance", "revenue", "data", "reference"),
    ("coverage", "pass@1", "majority vote", "reward model", "data", "published"),
)

#: Sequential ramp for members of one model family ordered by size (small = light, large = dark);
#: a perceptually uniform ramp (viridis, reversed so the largest model has the most contrast).
SIZE_RAMP = ["#bddf26", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154"]


def colour(entity: str) -> str:
    """The book-wide colour of ``entity`` (a key of :data:`COLOURS` or a verdict)."""
    if entity in COLOURS:
        return COLOURS[entity]
    verdicts = _verdict_text_colours()
    if entity in verdicts:
        return verdicts[entity]
    raise ValueError(f"entity {entity!r} has no colour in analysis.house.charts.COLOURS; known: "
                     f"{', '.join(sorted(COLOURS))}, or a verdict")


def colour_scale(entities: Sequence[str] | Mapping[str, str]) -> alt.Scale:
    """A categorical colour scale whose domain is fixed, so a label keeps its colour in every chart.

    Parameters
    ----------
    entities : sequence of str, or mapping of label -> entity
        Either the entity names themselves (used as legend labels), or a mapping from the labels the
        data holds (e.g. ``"Hoffmann et al. (published)"``) to entity names in :data:`COLOURS`.
        Legend order is the order given.
    """
    mapping = dict(entities) if isinstance(entities, Mapping) else {e: e for e in entities}
    if not mapping:
        raise ValueError("entities must name at least one entity; got none")
    return alt.Scale(domain=list(mapping), range=[colour(e) for e in mapping.values()])


def size_scale(labels_small_to_large: Sequence[str]) -> alt.Scale:
    """Colours for the members of one model family, ordered by size (small light, large dark)."""
    labels = list(labels_small_to_large)
    if not labels:
        raise ValueError("labels_small_to_large must hold at least one label; got none")
    n = len(labels)
    if n == 1:
        return alt.Scale(domain=labels, range=[SIZE_RAMP[-2]])
    picks = [SIZE_RAMP[round(i * (len(SIZE_RAMP) - 1) / (n - 1))] for i in range(n)] if n <= len(SIZE_RAMP) else None
    if picks is None:  # more members than ramp stops: let Vega interpolate the same ramp
        return alt.Scale(domain=labels, scheme={"name": "viridis", "extent": [0.9, 0.0]})
    return alt.Scale(domain=labels, range=picks)


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


def verdict_scale(verdicts: Sequence[str] | None = None) -> alt.Scale:
    """The verdict colours of the cards and the ledger (:data:`VERDICT_COLOURS`)."""
    names = list(verdicts) if verdicts is not None else list(VERDICT_COLOURS)
    return alt.Scale(domain=names, range=[VERDICT_COLOURS[v][1] for v in names])


# --- one number format ----------------------------------------------------------------------------

_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))


def _sig(x: float, digits: int) -> str:
    """``x`` rounded to ``digits`` significant digits, in plain decimal notation, trailing zeros dropped."""
    if x == 0:
        return "0"
    places = digits - 1 - math.floor(math.log10(abs(x)))
    text = f"{round(x, places):.{max(places, 0)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def si(value: float, unit: str = "", *, money: bool = False, digits: int = 3) -> str:
    """Format a number the way every axis, table and sentence of the book does.

    Thousands to trillions get k, M, B, T (``7.5e10`` -> ``"75B"``); from 10^15 on, and below 10^-3, a
    short exponent (``"1e21"``, ``"2.2e-10"``); in between, plain decimals with ``digits`` significant
    digits. ``money`` puts a dollar sign in front (``"$1.2B"``); ``unit`` follows after a space.

    Examples
    --------
    >>> si(7.5e10, "tokens"), si(1.2e9, money=True), si(3e21, "FLOP"), si(0.5)
    ('75B tokens', '$1.2B', '3e21 FLOP', '0.5')
    """
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"value must be a finite number; got {value!r}")
    a = abs(v)
    text = None
    if a >= 1e15 or (0 < a < 1e-3):
        mantissa, exponent = f"{v:.{digits - 1}e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".") if "." in mantissa else mantissa
        text = f"{mantissa}e{int(exponent)}"
    else:
        for threshold, suffix in _SUFFIXES:
            if a >= threshold * (1 - 0.5 * 10 ** -digits):
                scaled = _sig(v / threshold, digits)
                if abs(float(scaled)) >= 1000 and suffix != "T":
                    continue  # rounding carried into the next suffix
                text = scaled + suffix
                break
        if text is None:
            text = _sig(v, digits)
    if money:
        text = ("-$" + text[1:]) if text.startswith("-") else "$" + text
    return f"{text} {unit}" if unit else text


def si_expr(field: str = "datum.value", *, money: bool = False, unit: str = "") -> str:
    """The Vega expression twin of :func:`si` (for ``labelExpr`` and text marks)."""
    v = field
    num = (f"abs({v}) >= 1e15 || (abs({v}) > 0 && abs({v}) < 1e-3) ? replace(format({v}, '.2~e'), 'e+', 'e') : "
           f"abs({v}) >= 1e12 ? format({v} / 1e12, '.3~r') + 'T' : "
           f"abs({v}) >= 1e9 ? format({v} / 1e9, '.3~r') + 'B' : "
           f"abs({v}) >= 1e6 ? format({v} / 1e6, '.3~r') + 'M' : "
           f"abs({v}) >= 1e3 ? format({v} / 1e3, '.3~r') + 'k' : format({v}, '.3~r')")
    expr = f"({num})"
    if money:
        expr = f"({v} < 0 ? '-$' : '$') + replace({expr}, '-', '')"
    if unit:
        expr = f"{expr} + ' {unit}'"
    return expr


# --- axes -----------------------------------------------------------------------------------------

def decade_ticks(low: float, high: float, max_ticks: int = 7) -> list[float]:
    """Powers of ten inside ``[low, high]``, thinned to every 2nd, 3rd... decade to keep ``max_ticks``."""
    if not (0 < low < high):
        raise ValueError(f"a log axis needs 0 < low < high; got low={low}, high={high}")
    first, last = math.ceil(math.log10(low) - 1e-9), math.floor(math.log10(high) + 1e-9)
    exps = list(range(first, last + 1))
    step = max(1, math.ceil(len(exps) / max_ticks))
    return [float(f"1e{e}") for e in exps[::step]]


def _axis(channel, field: str, title: str, domain, scale: str, unit: str, money: bool, percent: bool,
          ticks: Sequence[float] | None, **kwargs):
    if scale not in ("linear", "log", "year"):
        raise ValueError(f"scale must be 'linear', 'log' or 'year'; got {scale!r}")
    if domain is None or len(domain) != 2 or not domain[0] < domain[1]:
        raise ValueError(f"domain must be (low, high) with low < high for {field!r}; got {domain!r}")
    low, high = float(domain[0]), float(domain[1])
    axis_kw: dict = {}
    if scale == "log":
        sc = alt.Scale(type="log", domain=[low, high], nice=False)
        axis_kw["values"] = list(ticks) if ticks is not None else decade_ticks(low, high)
    else:
        sc = alt.Scale(domain=[low, high], nice=False, zero=False)
        if ticks is not None:
            axis_kw["values"] = list(ticks)
    if scale == "year":
        axis_kw["format"] = "d"
    elif percent:
        axis_kw["format"] = "~%"
    else:
        axis_kw["labelExpr"] = si_expr(money=money)
    axis_kw.update(kwargs.pop("axis", {}) or {})
    return channel(field, title=title, scale=sc, axis=alt.Axis(**axis_kw), **kwargs)


def x(field: str, title: str, domain, *, scale: str = "linear", unit: str = "", money: bool = False,
      percent: bool = False, ticks: Sequence[float] | None = None, **kwargs) -> alt.X:
    """An x encoding in the house style: an explicit domain, and the book's number format.

    Parameters
    ----------
    field : str
        Altair shorthand, e.g. ``"C_flop:Q"``.
    title : str
        Axis title with its unit, e.g. ``"training compute (FLOP)"``.
    domain : (low, high)
        The explicit domain; marks outside it are clipped (never silently clamped).
    scale : {"linear", "log", "year"}
        ``"log"`` draws clean decade ticks (see :func:`decade_ticks`); ``"year"`` prints 2024, not 2,024.
    money, percent : bool
        Dollar labels ($1B) or percentages (25%).
    ticks : sequence of float, optional
        Explicit tick values instead of the defaults.
    **kwargs
        Passed to ``alt.X`` (e.g. ``axis={"labelAngle": 0}`` is merged into the axis).
    """
    return _axis(alt.X, field, title, domain, scale, unit, money, percent, ticks, **kwargs)


def y(field: str, title: str, domain, *, scale: str = "linear", unit: str = "", money: bool = False,
      percent: bool = False, ticks: Sequence[float] | None = None, **kwargs) -> alt.Y:
    """A y encoding in the house style (see :func:`x`)."""
    return _axis(alt.Y, field, title, domain, scale, unit, money, percent, ticks, **kwargs)


def log_scale(**kwargs) -> alt.Scale:
    """A base-10 logarithmic scale (prefer :func:`x`/:func:`y` with ``scale="log"``, which add ticks)."""
    return alt.Scale(type="log", **kwargs)


def end_labels(frame: pd.DataFrame, *, x: alt.X, y: alt.Y, series: str, color: alt.Color | None = None,
               at: str = "max", dx: int = -4, dy: int = -8) -> alt.Chart:
    """Labels at the end of each line (instead of a legend): one text mark per ``series``.

    Each label sits just above the line's last point (``at="max"``: largest x; ``"min"``: smallest x),
    right-aligned for ``"max"`` so it stays inside the plot, in the line's colour. Layer it on the line
    chart and pass ``legend=None`` to that chart's colour encoding.

    Parameters
    ----------
    frame : DataFrame
        The data of the lines (tidy: one row per point).
    x, y : alt.X, alt.Y
        The same encodings as the lines (from :func:`x` / :func:`y`).
    series : str
        The column naming the line (also the label text).
    color : alt.Color, optional
        The lines' colour encoding (its scale keeps the colours); default: the book's dark grey.
    """
    if series not in frame.columns:
        raise ValueError(f"series must be a column of frame; got {series!r} (columns: {list(frame.columns)})")
    if at not in ("max", "min"):
        raise ValueError(f"at must be 'max' or 'min'; got {at!r}")
    field = x.to_dict()["field"]
    idx = frame.groupby(series)[field].idxmax() if at == "max" else frame.groupby(series)[field].idxmin()
    ends = frame.loc[idx.values]
    mark = alt.Chart(ends).mark_text(align="right" if at == "max" else "left", baseline="bottom",
                                     dx=dx if at == "max" else -dx, dy=dy, fontSize=11, fontWeight=600)
    enc = {"x": x, "y": y, "text": alt.Text(f"{series}:N")}
    if color is not None:
        enc["color"] = alt.Color(color.to_dict()["field"], type="nominal", scale=color.to_dict().get("scale"),
                                 legend=None)
    else:
        enc["color"] = alt.value(DARK_GREY)
    return mark.encode(**enc)


# --- sliders that show the quantity ----------------------------------------------------------------

def slider(name: str, *, min: float, max: float, step: float, value: float, label: str) -> alt.Parameter:
    """A Vega-Lite parameter bound to a range slider over the quantity itself (never its log10)."""
    if not (min <= value <= max):
        raise ValueError(f"slider {name!r}: value must lie in [{min}, {max}]; got {value}")
    if step <= 0:
        raise ValueError(f"slider {name!r}: step must be positive; got {step}")
    return alt.param(name=name, value=value, bind=alt.binding_range(min=min, max=max, step=step, name=label))


def log_values(low: float, high: float, mantissas: Sequence[float] = (1, 2, 5)) -> list[float]:
    """Round values spaced evenly on a log axis: 1, 2, 5, 10, 20, 50... within ``[low, high]``."""
    if not (0 < low < high):
        raise ValueError(f"log_values needs 0 < low < high; got low={low}, high={high}")
    out = []
    for e in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        for m in mantissas:
            v = float(f"{m * 10.0 ** e:.6g}")
            if low * (1 - 1e-9) <= v <= high * (1 + 1e-9):
                out.append(v)
    return out


def log_slider(name: str, *, values: Sequence[float], value: float, label: str, unit: str = "",
               money: bool = False) -> alt.Parameter:
    """A control for a quantity that spans decades (compute, parameters, tokens, dollars).

    A drop-down of round values labelled in the book's format ("10B tokens", "$1T"): the reader sees
    and picks the quantity itself, and the chart's expressions get the quantity (not its log10).
    """
    values = [float(v) for v in values]
    if len(values) < 2:
        raise ValueError(f"log_slider {name!r}: values must hold at least two options; got {values}")
    if not any(math.isclose(value, v, rel_tol=1e-9) for v in values):
        raise ValueError(f"log_slider {name!r}: value must be one of values; got {value}")
    labels = [si(v, unit, money=money) for v in values]
    return alt.param(name=name, value=float(value),
                     bind=alt.binding_select(options=values, labels=labels, name=label))


# --- figures: description, source line, data as CSV --------------------------------------------------

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _unit_specs(spec: dict):
    """Every single-view spec (one with a mark) inside ``spec``, with the encodings it inherits."""
    stack = [(spec, {})]
    while stack:
        node, inherited = stack.pop()
        enc = {**inherited, **(node.get("encoding") or {})}
        if "mark" in node:
            yield node, enc
        for key in ("layer", "hconcat", "vconcat", "concat"):
            for child in node.get(key, []) or []:
                stack.append((child, enc if key == "layer" else {}))
        if isinstance(node.get("spec"), dict):
            stack.append((node["spec"], {}))


def missing_domains(spec: dict, free: Iterable[str] = ()) -> list[str]:
    """Positional quantitative channels (x, y) of ``spec`` that no layer gives an explicit domain."""
    seen: dict[str, bool] = {}
    for _, enc in _unit_specs(spec):
        for ch in ("x", "y"):
            d = enc.get(ch)
            if not isinstance(d, dict) or d.get("type") not in ("quantitative", "temporal"):
                continue
            has = isinstance(d.get("scale"), dict) and "domain" in d["scale"]
            seen[ch] = seen.get(ch, False) or has
    return sorted(ch for ch, ok in seen.items() if not ok and ch not in set(free))


def figure(chart: alt.TopLevelMixin, *, name: str, description: str, source: str,
           data: pd.DataFrame | Mapping[str, pd.DataFrame] | None = None,
           free_axes: Iterable[str] = ()) -> alt.TopLevelMixin:
    """Make ``chart`` a figure of the book: accessible description, source line, downloadable data.

    Parameters
    ----------
    chart : altair chart
    name : str
        The figure's label, the same as the ``name`` in the cell's ``mystnb: figure`` metadata
        (lower case, digits and hyphens, e.g. ``"fig-chinchilla-isoflop"``); the CSV is ``<name>.csv``.
    description : str
        What the chart shows, in one or two sentences, for screen readers (Vega-Lite ``description``);
        say what is on each axis and what the reader should see.
    source : str
        The data and paper behind the chart, e.g. ``"Chinchilla runs digitised by Besiroglu et al.
        (2024); fit: this book"``.
    data : DataFrame or mapping of name -> DataFrame, optional
        The tidy data to offer as CSV. By default, every dataset the chart draws, stacked, with a
        ``dataset`` column.
    free_axes : iterable of {"x", "y"}
        Quantitative axes allowed to take their domain from the data (e.g. histogram counts). Every
        other quantitative x/y axis must have an explicit domain (use :func:`x` / :func:`y`).

    Returns
    -------
    The same chart with ``description`` and ``usermeta`` set (the renderer reads and removes them).
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"name must be lower case letters, digits and hyphens (e.g. 'fig-sl-frontier'); got {name!r}")
    if not isinstance(description, str) or len(description.strip()) < 20:
        raise ValueError(f"description must say what the chart shows (20+ characters); got {description!r}")
    if not isinstance(source, str) or not source.strip():
        raise ValueError(f"source must name the data and paper behind the chart; got {source!r}")
    free = set(free_axes)
    if not free <= {"x", "y"}:
        raise ValueError(f"free_axes may hold only 'x' and 'y'; got {sorted(free)}")
    spec = chart.to_dict()
    missing = missing_domains(spec, free)
    if missing:
        raise ValueError(f"figure {name!r}: the {' and '.join(missing)} axis has no explicit domain in any layer "
                         "(use charts.x/charts.y, or list it in free_axes)")
    if data is None:
        csv_text = _csv_from_datasets(spec)
    elif isinstance(data, pd.DataFrame):
        csv_text = data.to_csv(index=False)
    else:
        csv_text = pd.concat([f.assign(dataset=k) for k, f in data.items()], ignore_index=True).to_csv(index=False)
    meta = {"name": name, "source": source.strip(), "csv": csv_text}
    usermeta = dict(spec.get("usermeta") or {})
    usermeta[META_KEY] = meta
    return chart.properties(description=description.strip(), usermeta=usermeta)


def _csv_from_datasets(spec: dict) -> str:
    frames = []
    for i, (key, rows) in enumerate((spec.get("datasets") or {}).items(), start=1):
        if rows and isinstance(rows[0], dict):
            frames.append(pd.DataFrame(rows).assign(dataset=f"dataset {i}"))
    if not frames:
        return ""
    return pd.concat(frames, ignore_index=True).to_csv(index=False)


# --- theme and renderer ---------------------------------------------------------------------------

@alt.theme.register(THEME_NAME, enable=False)
def _book_theme() -> alt.theme.ThemeConfig:
    font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    return {
        "config": {
            "background": "#ffffff",  # charts sit on a white card, also in the site's dark mode
            "view": {"continuousWidth": STATIC_WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "font": font,
            "title": {"anchor": "start", "fontSize": 14, "fontWeight": 600, "subtitleFontSize": 12,
                      "subtitleColor": "#444444", "offset": 8, "limit": {"expr": "width"}},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": 500, "gridColor": "#e6e6e6",
                     "domainColor": "#888888", "tickColor": "#888888", "labelOverlap": "greedy",
                     "labelColor": "#333333", "titleColor": "#222222", "titleLimit": {"expr": "width"}},
            "legend": {"orient": "bottom", "direction": "horizontal", "columns": {"expr": "width < 420 ? 1 : 2"},
                       # one column on a phone, two on a laptop; labels cut to the column so the legend fits
                       "labelFontSize": 11, "titleFontSize": 11,
                       "labelLimit": {"expr": "width < 420 ? max(80, width - 30) : min(260, width / 2 - 40)"},
                       "columnPadding": 16, "rowPadding": 4, "titleOrient": "top", "labelColor": "#333333",
                       "gradientLength": {"expr": "min(width, 320)"}},
            "range": {"category": PALETTE},
            "point": {"size": 40, "filled": True},
            "line": {"strokeWidth": 2.2},
        }
    }


#: Vega-Embed options of every chart: SVG (crisp, accessible, printable) and only the export actions.
EMBED_OPTIONS = {"renderer": "svg", "actions": {"export": True, "source": False, "compiled": False, "editor": False}}


def _clip_marks(spec: dict) -> None:
    for node, _ in _unit_specs(spec):
        mark = node["mark"]
        if isinstance(mark, str):
            node["mark"] = {"type": mark, "clip": True}
        elif "clip" not in mark:
            mark["clip"] = True


#: Characters per line of a chart's title and subtitle: both wrap to fit a 390 px phone (Vega would cut them).
TITLE_CHARS, SUBTITLE_CHARS = 44, 58


def _wrap(text, width: int):
    if isinstance(text, str) and len(text) > width:
        return textwrap.wrap(text, width)
    return text


def _wrap_title(spec: dict) -> None:
    title = spec.get("title")
    if isinstance(title, (str, list)):
        spec["title"] = {"text": _wrap(title, TITLE_CHARS)}
    elif isinstance(title, dict):
        if "text" in title:
            title["text"] = _wrap(title["text"], TITLE_CHARS)
        if "subtitle" in title:
            title["subtitle"] = _wrap(title["subtitle"], SUBTITLE_CHARS)


def _is_concat(spec: dict) -> bool:
    return any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat"))


def layout(spec: dict, width: int | str = "container") -> dict:
    """A copy of ``spec`` laid out in the house style: clipped marks, a title wrapped to fit a phone, and
    ``width`` (container or px) on a single or layered chart, or :data:`PANEL_WIDTH` on each panel of a
    concatenated one."""
    spec = copy.deepcopy(spec)
    _clip_marks(spec)
    _wrap_title(spec)
    if _is_concat(spec):
        for key in ("hconcat", "vconcat", "concat"):
            for child in spec.get(key, []) or []:
                if child.get("width") in (None, "container"):
                    child["width"] = PANEL_WIDTH
    else:
        spec["width"] = width
        spec.setdefault("height", HEIGHT)
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def _footer_html(meta: dict) -> str:
    import html

    name = meta["name"]
    link = ""
    if meta.get("csv"):
        href = "data:text/csv;charset=utf-8," + quote(meta["csv"])
        link = (f' · <a class="chart-csv" download="{name}.csv" href="{href}">'
                f'Download the data (CSV)</a>')
    return (f'<p class="chart-source" data-figure="{html.escape(name)}">Source: {html.escape(meta["source"])}'
            f'{link}</p>')


def _book_renderer(spec: dict, **metadata):
    """Interactive HTML (container width, SVG, source line, CSV link) plus a static PNG of the same chart."""
    from altair.vegalite.v6.display import html_renderer, png_renderer

    spec = copy.deepcopy(spec)
    usermeta = spec.pop("usermeta", None) or {}
    meta = usermeta.pop(META_KEY, None)
    if usermeta:
        spec["usermeta"] = usermeta
    embed = {**EMBED_OPTIONS, **metadata.pop("embed_options", {})}
    bundle = dict(html_renderer(layout(spec), embed_options=embed, **metadata))
    if meta:
        bundle["text/html"] = bundle["text/html"] + _footer_html(meta)
        bundle["text/plain"] = f"[figure {meta['name']}] {spec.get('description', '')}"
    png_bundle, png_metadata = png_renderer(layout(spec, width=STATIC_WIDTH), scale=1.5)
    bundle.update(png_bundle)
    return bundle, png_metadata


alt.renderers.register(RENDERER_NAME, _book_renderer)


def use_book_theme() -> None:
    """Enable the book's theme and renderer for every chart made afterwards in this process, and show numpy
    scalars as plain numbers (NumPy 2 prints ``np.float64(0.5)``, which MyST-NB's ``{glue:text}`` cannot format)."""
    alt.theme.enable(THEME_NAME)
    alt.renderers.enable(RENDERER_NAME)
    _plain_numpy_scalars()


def _plain_numpy_scalars() -> None:
    """Register text/plain formatters that print numpy floats, integers and booleans like Python's own."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython always comes with the book's kernel
        return
    shell = get_ipython()
    if shell is None:
        return
    import numpy as np

    plain = shell.display_formatter.formatters["text/plain"]
    # each concrete type: IPython's pretty printer stops at the first class of the MRO with its own __repr__
    for kind in (np.float16, np.float32, np.float64, np.longdouble):
        plain.for_type(kind, lambda x, p, cycle: p.text(repr(float(x))))
    for kind in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64):
        plain.for_type(kind, lambda x, p, cycle: p.text(repr(int(x))))
    plain.for_type(np.bool_, lambda x, p, cycle: p.text(repr(bool(x))))


# --- static output ---------------------------------------------------------------------------------

def save_static(chart: alt.TopLevelMixin, path: str | Path, *, scale: float = 2.0) -> Path:
    """Write a static SVG or PNG of ``chart`` with vl-convert (for print and PDF, where no JavaScript runs).

    Parameters
    ----------
    chart : altair chart
    path : str or Path
        Destination; the suffix ``.svg`` or ``.png`` chooses the format.
    scale : float
        Pixel scale for PNG output.
    """
    import vl_convert as vlc

    path = Path(path)
    spec = chart.to_dict()
    spec.pop("usermeta", None)
    spec = json.dumps(layout(spec, width=STATIC_WIDTH))
    if path.suffix == ".svg":
        path.write_text(vlc.vegalite_to_svg(spec, vl_version=_vl_version()))
    elif path.suffix == ".png":
        path.write_bytes(vlc.vegalite_to_png(spec, vl_version=_vl_version(), scale=scale))
    else:
        raise ValueError(f"path must end in .svg or .png; got {str(path)!r}")
    return path


def _vl_version() -> str:
    major, minor, *_ = alt.VEGALITE_VERSION.split(".")
    return f"v{major}_{minor}"

