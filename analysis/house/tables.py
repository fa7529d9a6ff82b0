"""Tables for reading: units in the headers, significant figures, no index column, no scientific notation.

:func:`table` formats a DataFrame with pandas' ``Styler`` (the well-kept library for this) using the
book's number format (:func:`analysis.house.charts.si`: 75B tokens, $1.2B, 3e21 FLOP), hides the index, adds a
caption and wraps the table in a box that scrolls on its own on a narrow screen, so the page never
scrolls sideways. The caption sits above that box (it names the table for screen readers through
``aria-labelledby``), so it wraps to the column and stays in view while a wide table scrolls. Headers read
as words (``gain_total`` -> "gain total") and wrap between them; numbers never wrap. A value with an
interval reads as one cell, "0.54 (0.50–0.55)" (:class:`Col`'s ``interval``). In a terminal the same table
prints as aligned text.

Example
-------
>>> from analysis.house.tables import table, Col
>>> import pandas as pd
>>> t = table(pd.DataFrame({"model": ["Gopher"], "params": [2.8e11], "cost": [6e6]}),
...           caption="Two models", columns={"params": Col("si", unit="parameters"), "cost": Col("money")})
>>> print(t)
 model params (parameters) cost
Gopher                280B  $6M
"""

from __future__ import annotations

import hashlib
import html
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.house.charts import _sig, si

KINDS = ("auto", "text", "si", "money", "percent", "year", "int", "sig", "fixed", "date")


@dataclass(frozen=True)
class Col:
    """How one column reads.

    Parameters
    ----------
    kind : {"auto", "text", "si", "money", "percent", "year", "int", "sig", "fixed", "date"}
        ``si``: 75B, 3e21; ``money``: $1.2B; ``percent``: 0.25 -> 25%; ``year``: 2024 (no separator);
        ``int``: 12,345; ``sig``: plain decimals with ``digits`` significant digits; ``fixed``: ``digits``
        decimal places (0.0253, 0.0000: terms of a sum read on one scale); ``date``: a
        timestamp as 2023-03-15. ``auto`` picks ``date`` for datetime columns, ``si`` for numbers of
        10,000 or more and ``sig`` otherwise, ``text`` for anything else.
    unit : str
        Appended to the header in parentheses ("tokens" -> "params (tokens)").
    digits : int
        Significant digits (``si``, ``money``, ``sig``, ``percent``); decimal places (``fixed``).
    title : str, optional
        Header instead of the column name (by default the name, underscores read as spaces).
    interval : (str, str), optional
        Names of the columns holding this value's lower and upper bound: the cell reads "value (low–high)",
        both bounds in this column's format, and the two bound columns are not shown on their own.
    """

    kind: str = "auto"
    unit: str = ""
    digits: int = 3
    title: str | None = None
    interval: tuple[str, str] | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}; got {self.kind!r}")
        low = 0 if self.kind == "fixed" else 1  # decimal places may be none; significant digits may not
        if not (low <= self.digits <= 15):
            raise ValueError(f"digits must be between {low} and 15; got {self.digits}")
        if self.interval is not None and (not isinstance(self.interval, (tuple, list)) or len(self.interval) != 2
                                          or not all(isinstance(c, str) for c in self.interval)):
            raise ValueError(f"interval must be two column names (low, high); got {self.interval!r}")

    def header(self, name: str) -> str:
        base = self.title if self.title is not None else str(name).replace("_", " ")
        return f"{base} ({self.unit})" if self.unit else base

    def formatter(self, values: pd.Series):
        kind = self.kind
        if kind == "auto":
            numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
            if pd.api.types.is_datetime64_any_dtype(values):
                kind = "date"
            elif not numeric:
                kind = "text"
            else:
                finite = values[np.isfinite(values.astype(float))]
                kind = "si" if len(finite) and float(np.abs(finite).max()) >= 1e4 else "sig"
        d = self.digits

        def fmt(v):
            if v is None or (isinstance(v, float) and math.isnan(v)):
                return "–"
            if kind == "text":
                return str(v)
            if kind == "date":
                return "–" if pd.isna(v) else pd.Timestamp(v).strftime("%Y-%m-%d")
            v = float(v)
            if math.isinf(v):
                return "∞" if v > 0 else "−∞"
            if kind == "si":
                return si(v, digits=d)
            if kind == "money":
                return si(v, money=True, digits=d)
            if kind == "percent":
                return _percent(100 * v, d)
            if kind == "year":
                return f"{v:.0f}" if float(v).is_integer() else f"{v:.1f}"
            if kind == "int":
                return f"{v:,.0f}"
            if kind == "fixed":
                return f"{v:.{d}f}"
            if 0 < abs(v) < 1e-4:  # a tiny value as a short exponent (2.2e-10), as on the book's axes
                return si(v, digits=d)
            return _sig(v, d)

        return fmt


def _percent(x: float, digits: int) -> str:
    """``x`` per cent with ``digits`` significant digits but at most three decimals (1e-38 -> "0%")."""
    if x == 0 or abs(x) >= 10 ** -3:
        text = _sig(x, digits) if abs(x) >= 10 ** (2 - digits) else f"{x:.3f}".rstrip("0").rstrip(".")
    else:
        text = "0"
    return ("0" if text in ("-0", "") else text) + "%"


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


class Table:
    """A formatted table: HTML in notebooks and on the site, aligned text elsewhere."""

    def __init__(self, frame: pd.DataFrame, caption: str, columns: Mapping[str, Col]):
        self.source = frame
        self.caption = caption
        self.columns = columns
        bounds = {b for col in columns.values() if col.interval for b in col.interval}
        text, numeric, ranged = {}, [], []
        for name in frame.columns:
            if name in bounds and name not in columns:
                continue
            col = columns.get(name, Col())
            fmt = col.formatter(frame[name])
            if col.interval:
                lo, hi = (frame[b] for b in col.interval)
                cells = [fmt(v) if _missing(v) or _missing(a) or _missing(b) else f"{fmt(v)} ({fmt(a)}–{fmt(b)})"
                         for v, a, b in zip(frame[name], lo, hi)]
                ranged.append(col.header(name))
            else:
                cells = [fmt(v) for v in frame[name]]
            text[col.header(name)] = cells
            if pd.api.types.is_numeric_dtype(frame[name]) and not pd.api.types.is_bool_dtype(frame[name]):
                numeric.append(col.header(name))
        #: The table as strings, exactly as displayed.
        self.frame = pd.DataFrame(text)
        self._numeric, self._ranged = numeric, ranged

    def _repr_html_(self) -> str:
        # A deterministic id (stable notebooks), unique per caption and content (no duplicate ids on a page).
        digest = hashlib.sha1((self.caption + self.frame.to_csv()).encode()).hexdigest()[:8]
        uuid = (re.sub(r"[^a-z0-9]+", "-", self.caption.lower()).strip("-")[:32] or "table") + "-" + digest
        caption_id = f"T_{uuid}_caption"
        # Headers wrap between words, at least 4em wide (on a phone, where a wide table scrolls, a header
        # squeezed to its longest word would stack one word per line).
        heads = [{"selector": "th", "props": [("white-space", "normal"), ("overflow-wrap", "normal"),
                                              ("min-width", "4em")]}]
        heads += [{"selector": f"th.col{i}", "props": [("text-align", "right")]}
                  for i, c in enumerate(self.frame.columns) if c in self._numeric]
        # Numbers never break; a value with its interval may break before the interval only.
        single = [c for c in self._numeric if c not in self._ranged]
        shown = self.frame.copy()
        for c in self._ranged:  # break before an interval, never inside it (a word joiner after its dash)
            shown[c] = shown[c].str.replace("–", "–\u2060", regex=False)
        for c in shown.columns.difference(self._numeric):  # paths, names, ids break after / _ : (zero-width space)
            shown[c] = shown[c].str.replace(r"([/_:])(?=\w)", "\\1\u200b", regex=True)
        styler = (shown.style.hide(axis="index").format(escape="html").set_uuid(uuid)
                  .set_table_attributes(f'class="book-table" aria-labelledby="{caption_id}"')
                  .set_table_styles(heads)
                  .set_properties(subset=self._numeric, **{"text-align": "right"})
                  .set_properties(subset=single, **{"white-space": "nowrap"}))
        caption = (f'<p class="book-table-caption" id="{caption_id}" style="font-weight:600;margin:0.4em 0 0.3em">'
                   f'{html.escape(self.caption)}</p>')
        return (f'<div class="book-table-box">{caption}<div class="book-table-wrap" '
                f'style="overflow-x:auto;max-width:100%">{styler.to_html()}</div></div>')

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def table(frame: pd.DataFrame, caption: str, columns: Mapping[str, Col | str] | None = None,
          keep: list[str] | None = None) -> Table:
    """Format ``frame`` for reading (see the module docstring).

    Parameters
    ----------
    frame : DataFrame
        The data; its index is not shown (reset it first if it carries information).
    caption : str
        One line saying what the table holds (it is the table's accessible name).
    columns : mapping of column name -> Col or kind name
        Formatting per column; unlisted columns use ``Col("auto")``.
    keep : list of str, optional
        Show only these columns, in this order.
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"frame must be a pandas DataFrame; got {type(frame).__name__}")
    if not isinstance(caption, str) or not caption.strip():
        raise ValueError(f"caption must say what the table holds; got {caption!r}")
    cols = {k: (Col(v) if isinstance(v, str) else v) for k, v in (columns or {}).items()}
    unknown = sorted(set(cols) - set(frame.columns))
    if unknown:
        raise ValueError(f"columns names columns the frame does not have: {unknown}")
    bounds = [b for c in cols.values() if c.interval for b in c.interval]
    unknown = sorted(set(bounds) - set(frame.columns))
    if unknown:
        raise ValueError(f"an interval names columns the frame does not have: {unknown}")
    if keep is not None:
        missing = sorted(set(keep) - set(frame.columns))
        if missing:
            raise ValueError(f"keep names columns the frame does not have: {missing}")
        frame = frame[list(keep) + [b for b in dict.fromkeys(bounds) if b not in keep]]
    return Table(frame.reset_index(drop=True), caption.strip(), cols)
