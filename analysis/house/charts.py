"""The book's chart house style: theme, renderer, axes, number format, colour registry, sliders, figures.

Every chapter calls :func:`use_book_theme` in its hidden preamble cell. Every chart function in the
``analysis`` package builds its axes with :func:`x` / :func:`y` (explicit domains, clean decade ticks on
log axes, one SI-like number format per axis: :mod:`analysis.house.numbers`), takes its colours from the
registry (:mod:`analysis.house.palette`: :func:`colour`, :func:`colour_scale`, :func:`series` for series of one
entity told apart by dash or shape, :func:`size_scale`, :func:`verdict_scale`) and returns :func:`figure`
(chart, name, description, source). The ``book`` renderer then draws it

* as interactive HTML whose width follows the text column (``width: "container"``), SVG-rendered, with
  Vega's actions menu reduced to "save as SVG/PNG", a source line, a link to download the chart's data
  as CSV and one to its metadata (sources, citation, licences, the data files' checksums, the book's version:
  :func:`chart_metadata`; the site build writes both beside the page: ``tools/book_extensions.py``), and
* as a static PNG in the same output bundle, for LaTeX/PDF builders that cannot run JavaScript.

Layout rules are applied by the renderer to every chart: every mark is clipped to its axes (a mark
that sets ``clip=False`` keeps it), titles and long axis titles wrap for the column's width, legends go below
the plot (stacked, in columns that fit a phone), stacked panels (vconcat) fill the column.
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

from analysis.house.numbers import EXPONENT_FROM, _sig, axis_label_expr, si, si_expr  # noqa: F401 (re-exported)
from analysis.house.palette import (COLOURS, DARK_GREY, DASH_DOT, DASHED, DOTTED, GREY, GROUPS,  # noqa: F401
                                    LIGHT_GREY, PALETTE, SIZE_RAMP, SOLID, VERDICT_COLOURS, _verdict_text_colours,
                                    colour, colour_scale, series, size_scale, verdict_scale)

THEME_NAME = "scaling_book"
RENDERER_NAME = "book"

#: Height of a chart's plot area (px); its width follows the text column.
HEIGHT = 300
#: Width of the static PNG (px) and of the plot when no container width is known (print, PDF).
STATIC_WIDTH = 620
#: Key under ``usermeta`` where :func:`figure` stores what the renderer needs (removed before drawing).
META_KEY = "book_figure"


# --- axes -----------------------------------------------------------------------------------------

def decade_ticks(low: float, high: float, max_ticks: int = 7) -> list[float]:
    """Powers of ten inside ``[low, high]``, thinned to every 2nd, 3rd... decade to keep ``max_ticks``."""
    if not (0 < low < high):
        raise ValueError(f"a log axis needs 0 < low < high; got low={low}, high={high}")
    first, last = math.ceil(math.log10(low) - 1e-9), math.floor(math.log10(high) + 1e-9)
    exps = list(range(first, last + 1))
    step = max(1, math.ceil(len(exps) / max_ticks))
    return [float(f"1e{e}") for e in exps[::step]]


def log_ticks(low: float, high: float, max_ticks: int = 7) -> list[float]:
    """Tick values of a log axis: :func:`decade_ticks`, or round values (1, 2, 5; then 1, 2, 3, 5; then every
    digit) when the axis holds fewer than three decades, so that every log axis has labels to read."""
    ticks = decade_ticks(low, high, max_ticks)
    for mantissas in ((1, 2, 5), (1, 2, 3, 5), tuple(range(1, 10))):
        if len(ticks) >= 3:
            break
        ticks = log_values(low, high, mantissas)
    return ticks


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
        axis_kw["values"] = list(ticks) if ticks is not None else log_ticks(low, high)
    else:
        sc = alt.Scale(domain=[low, high], nice=False, zero=False)
        if ticks is not None:
            axis_kw["values"] = list(ticks)
    if scale == "year":
        axis_kw["format"] = "d"
    elif percent:
        axis_kw["format"] = "~%"
    else:
        axis_kw["labelExpr"] = axis_label_expr(low, high, money=money)
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
    meta = {"name": name, "source": source.strip(), "csv": csv_text,
            "about": chart_metadata(name, _title_text(spec.get("title")), description, source)}
    usermeta = dict(spec.get("usermeta") or {})
    usermeta[META_KEY] = meta
    return chart.properties(description=description.strip(), usermeta=usermeta)


#: The book's project files that a chart's metadata cites: the data provenance notes, the citation, the version.
_ROOT = Path(__file__).resolve().parents[2]
PROVENANCE = _ROOT / "analysis" / "data" / "PROVENANCE.md"
#: The licence of a chart and of the numbers this book computed for it (the book's text and figures).
CHART_LICENCE = "CC BY 4.0 (the chart and the numbers this book computed, like the book's text)"


def _title_text(title) -> str:
    text = title.get("text", "") if isinstance(title, dict) else title or ""
    return " ".join(text) if isinstance(text, list) else str(text)


def _book() -> dict:
    """Title, site address and version of the book (``CITATION.cff``), or empty strings outside its checkout."""
    path = _ROOT / "CITATION.cff"
    text = path.read_text() if path.is_file() else ""
    found = {k: re.search(rf'^{k}:\s*"?([^"\n]+?)"?\s*$', text, flags=re.M) for k in ("title", "url", "version")}
    return {k: m.group(1) if m else "" for k, m in found.items()}


def data_licence(filename: str, provenance: str) -> str:
    """The licence of ``filename`` as its entry in the provenance notes (``PROVENANCE.md``) states it: the entry's
    own licence item, else the nearest one before it in the same numbered section (an entry derived from, or
    listed under, a source gives the licence once); "see PROVENANCE.md" when neither states one."""
    lines = provenance.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.startswith("#") and f"`{filename}`" in ln), None)
    if start is None:
        return "see PROVENANCE.md"
    end = next((j for j in range(start + 1, len(lines)) if lines[j].startswith("#")), len(lines))
    top = next((i for i in range(start, -1, -1) if lines[i].startswith("## ")), 0)
    # an item whose name (before its colon) speaks of the licence: "- Licence: ...", "- Licence of the data: ..."
    own = [j for j in range(start + 1, end) if re.match(r"- [^:]*licen[cs]e[^:]*:", lines[j], flags=re.I)]
    before = [j for j in range(start - 1, top, -1) if lines[j].startswith(("- Licence", "- License"))]
    if not (own or before):
        return "see PROVENANCE.md"
    j = (own or before)[0]
    item = lines[j][2:].strip()
    text = item.split(":", 1)[1].strip() if item.startswith(("Licence:", "License:")) else item
    more = []
    for k in range(j + 1, end if own else start):
        if not lines[k].startswith("  "):
            break
        more.append(lines[k].strip(" -"))
    return " ".join([text, *more]).strip()[:400]


def chart_metadata(name: str, title: str, description: str, source: str) -> dict:
    """What a reader needs to cite and reuse a chart, written beside its CSV: title, what it shows, the data and
    papers behind it (with the book as citation), the licences, and the book's version and the data files (with
    SHA-256 and licence) the page had read when the chart was drawn, which pin the data it was drawn from."""
    from analysis.house import data

    book = _book()
    provenance = PROVENANCE.read_text() if PROVENANCE.is_file() else ""
    files = sorted({(f, sha) for f, sha in data._CACHE})
    return {
        "name": name, "title": title, "description": " ".join(description.split()), "source": source.strip(),
        "citation": (f"{book['title']} (version {book['version']}), figure {name}. {book['url']}".strip()
                     if book["title"] else f"figure {name}"),
        "licence": CHART_LICENCE, "book_version": book["version"],
        "data_files_note": ("the data files this page had read when the chart was drawn (the chart's own data come "
                            "from some of them); each loader refuses a file whose SHA-256 differs"),
        "data_files": [{"file": f, "sha256": sha, "licence": data_licence(f, provenance)} for f, sha in files],
        "provenance": "analysis/data/PROVENANCE.md",
    }


def _csv_from_datasets(spec: dict) -> str:
    frames = []
    for i, (key, rows) in enumerate((spec.get("datasets") or {}).items(), start=1):
        if rows and isinstance(rows[0], dict):
            frames.append(pd.DataFrame(rows).assign(dataset=f"dataset {i}"))
    if not frames:
        return ""
    return pd.concat(frames, ignore_index=True).to_csv(index=False)


# --- theme and renderer ---------------------------------------------------------------------------

#: The width a chart has in its container (the text column less the 38 px Vega-Embed keeps for its menu) as
#: a Vega expression; the static width when the chart is drawn without one (vl-convert's PNG for print).
CW = f"(containerSize()[0] > 0 ? containerSize()[0] - 38 : {STATIC_WIDTH})"
#: Longest y-axis title (px): a plot is HEIGHT high; longer titles are wrapped by :func:`layout`.
AXIS_Y_TITLE_LIMIT = HEIGHT

@alt.theme.register(THEME_NAME, enable=False)
def _book_theme() -> alt.theme.ThemeConfig:
    font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    return {
        "config": {
            "background": "#ffffff",  # charts sit on a white card, also in the site's dark mode
            "view": {"continuousWidth": STATIC_WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "font": font,
            "title": {"anchor": "start", "frame": "bounds", "fontWeight": 600,
                      "fontSize": {"expr": f"{CW} < 360 ? 13 : 14"}, "subtitleFontSize": {"expr": f"{CW} < 360 ? 11 : 12"},
                      "subtitleColor": "#444444", "offset": 8, "limit": {"expr": f"{CW} - 8"}},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": 500, "gridColor": "#e6e6e6",
                     "domainColor": "#888888", "tickColor": "#888888", "labelOverlap": "greedy", "labelSeparation": 6,
                     "labelColor": "#333333", "titleColor": "#222222"},
            "axisX": {"titleLimit": {"expr": f"{CW} - 40"}},
            "axisY": {"titleLimit": AXIS_Y_TITLE_LIMIT},
            "legend": {"orient": "bottom", "direction": "horizontal", "columns": {"expr": f"{CW} < 420 ? 1 : 2"},
                       # one column on a phone, two on a laptop; labels cut only past the column
                       "labelFontSize": 11, "titleFontSize": 11, "titleLimit": {"expr": f"{CW} - 70"},
                       "labelLimit": {"expr": f"{CW} < 420 ? max(80, {CW} - 70) : min(300, {CW} / 2 - 60)"},
                       "columnPadding": 16, "rowPadding": 4, "titleOrient": "top", "labelColor": "#333333",
                       "gradientLength": {"expr": f"min({CW} - 80, 320)"}},
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


#: Characters per line of a chart's title and subtitle for each container width (px): up to 360 (a phone,
#: where both are set 1 px smaller), up to 540, and wider. Titles are wrapped by words in Python and picked
#: by the container's width. The counts allow for wide fonts (DejaVu Sans: about 10 px a bold character at 14 px).
TITLE_WRAPS = ((360, 26, 34), (540, 40, 52), (math.inf, 58, 74))
#: Characters per line of an axis title: x titles wrap to fit a phone's plot, y titles the plot's height.
AXIS_TITLE_CHARS = {"x": 30, "y": 36}


def _wrap(text, width: int) -> list[str]:
    text = " ".join(text) if isinstance(text, list) else str(text)
    return textwrap.wrap(text, width, break_on_hyphens=False) or [text]


def _by_width(text, column: int) -> str:
    """A Vega expression choosing the lines of ``text`` wrapped for the container's width (``column`` 1:
    title, 2: subtitle, in :data:`TITLE_WRAPS`)."""
    cases = [(band[0], json.dumps(_wrap(text, band[column]))) for band in TITLE_WRAPS]
    expr = cases[-1][1]
    for limit, lines in reversed(cases[:-1]):
        expr = f"{CW} < {limit} ? {lines} : {expr}"
    return expr


def _wrap_title(spec: dict) -> None:
    title = spec.get("title")
    if isinstance(title, (str, list)):
        title = spec["title"] = {"text": title}
    if not isinstance(title, dict):
        return
    if isinstance(title.get("text"), (str, list)):
        title["text"] = {"expr": _by_width(title["text"], 1)}
    if isinstance(title.get("subtitle"), (str, list)):
        title["subtitle"] = {"signal": _by_width(title["subtitle"], 2)}  # Vega-Lite hands a subtitle to Vega as is


def _wrap_axis_titles(spec: dict) -> None:
    for _, enc in _unit_specs(spec):
        for ch, chars in AXIS_TITLE_CHARS.items():
            d = enc.get(ch)
            if isinstance(d, dict) and isinstance(d.get("title"), str) and len(d["title"]) > chars:
                d["title"] = _wrap(d["title"], chars)


def _is_concat(spec: dict) -> bool:
    return any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat"))


def layout(spec: dict, width: int | str = "container") -> dict:
    """A copy of ``spec`` laid out in the house style: clipped marks, titles wrapped for the container's
    width (phone or laptop), long axis titles on two lines, and ``width`` (container or px) on a single or
    layered chart or on each panel of a vertically concatenated one."""
    spec = copy.deepcopy(spec)
    _clip_marks(spec)
    _wrap_title(spec)
    _wrap_axis_titles(spec)
    # several legends stack under the plot (side by side they run off a phone's screen)
    legend = spec.setdefault("config", {}).setdefault("legend", {})
    legend.setdefault("layout", {"bottom": {"direction": "vertical", "anchor": "start"}})
    if _is_concat(spec):
        if any(k in spec for k in ("hconcat", "concat", "facet", "repeat")):
            raise ValueError("a figure may stack panels (vconcat) but not put them side by side: a phone "
                             "has no room; draw separate figures")
        for child in spec["vconcat"]:
            child["width"] = width if width == "container" else int(width) - 70
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
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
    if meta.get("about"):
        href = "data:application/json;charset=utf-8," + quote(json.dumps(meta["about"], indent=1, ensure_ascii=False))
        link += (f' · <a class="chart-meta" download="{name}-metadata.json" href="{href}">'
                 f'About the data (sources, licences, checksums)</a>')
    return (f'<p class="chart-source" data-figure="{html.escape(name)}">Source: {html.escape(meta["source"])}'
            f'{link}</p>')


#: Significant digits of the numbers a page's inline chart data keep (the drawn positions move by less than
#: 1e-8 of an axis, far below a pixel); the chart's CSV keeps every digit.
DATA_DIGITS = 8


def rounded_data(value, digits: int = DATA_DIGITS):
    """``value`` (a chart's inline ``datasets``: lists and mappings of numbers and text) with every finite
    float rounded to ``digits`` significant digits, and everything else as it was (pure).

    Equal numbers stay equal (one rounding for all), so lookups and filters between datasets agree as before.
    """
    if isinstance(digits, bool) or not isinstance(digits, int) or not 1 <= digits <= 17:
        raise ValueError(f"digits must be a whole number from 1 to 17; got {digits!r}")
    if isinstance(value, float):
        return float(f"{value:.{digits}g}") if math.isfinite(value) else value
    if isinstance(value, Mapping):
        return {k: rounded_data(v, digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded_data(v, digits) for v in value]
    return value


#: JSON of the inline specs without the spaces after separators (a page's charts hold tens of thousands).
SPEC_JSON = {"separators": (",", ":")}


def _book_renderer(spec: dict, **metadata):
    """Interactive HTML (container width, SVG, source line, CSV link) plus a static PNG of the same chart.
    The page's copy of the chart's data keeps :data:`DATA_DIGITS` significant digits, in compact JSON."""
    from altair.vegalite.v6.display import html_renderer, png_renderer

    spec = copy.deepcopy(spec)
    usermeta = spec.pop("usermeta", None) or {}
    meta = usermeta.pop(META_KEY, None)
    if usermeta:
        spec["usermeta"] = usermeta
    if spec.get("datasets"):
        spec["datasets"] = rounded_data(spec["datasets"])
    embed = {**EMBED_OPTIONS, **metadata.pop("embed_options", {})}
    bundle = dict(html_renderer(layout(spec), embed_options=embed, json_kwds=SPEC_JSON, **metadata))
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

