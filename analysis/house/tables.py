"""Tables for reading: units in the headers, significant figures, no index column, no scientific notation.

:func:`table` formats a DataFrame with pandas' ``Styler`` (the well-kept library for this) using the
book's number format (:func:`analysis.house.charts.si`: 75B tokens, $1.2B, 3e21 FLOP), hides the index, adds a
caption and wraps the table in a box that scrolls on its own on a narrow screen, so the page never
scrolls sideways. In a terminal the same table prints as aligned text.

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

KINDS = ("auto", "text", "si", "money", "percent", "year", "int", "sig", "date")


@dataclass(frozen=True)
class Col:
    """How one column reads.

    Parameters
    ----------
    kind : {"auto", "text", "si", "money", "percent", "year", "int", "sig", "date"}
        ``si``: 75B, 3e21; ``money``: $1.2B; ``percent``: 0.25 -> 25%; ``year``: 2024 (no separator);
        ``int``: 12,345; ``sig``: plain decimals with ``digits`` significant digits; ``date``: a
        timestamp as 2023-03-15. ``auto`` picks ``date`` for datetime columns, ``si`` for numbers of
        10,000 or more and ``sig`` otherwise, ``text`` for anything else.
    unit : str
        Appended to the header in parentheses ("tokens" -> "params (tokens)").
    digits : int
        Significant digits (``si``, ``money``, ``sig``, ``percent``).
    title : str, optional
        Header instead of the column name.
    """

    kind: str = "auto"
    unit: str = ""
    digits: int = 3
    title: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}; got {self.kind!r}")
        if not (1 <= self.digits <= 15):
            raise ValueError(f"digits must be between 1 and 15; got {self.digits}")

    def header(self, name: str) -> str:
        base = self.title if self.title is not None else str(name)
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
            if kind == "si":
                return si(v, digits=d)
            if kind == "money":
                return si(v, money=True, digits=d)
            if kind == "percent":
                return _sig(100 * v, d) + "%"
            if kind == "year":
                return f"{v:.0f}" if float(v).is_integer() else f"{v:.1f}"
            if kind == "int":
                return f"{v:,.0f}"
            return _sig(v, d)

        return fmt


class Table:
    """A formatted table: HTML in notebooks and on the site, aligned text elsewhere."""

    def __init__(self, frame: pd.DataFrame, caption: str, columns: Mapping[str, Col]):
        self.source = frame
        self.caption = caption
        self.columns = columns
        text = {}
        for name in frame.columns:
            col = columns.get(name, Col())
            text[col.header(name)] = [col.formatter(frame[name])(v) for v in frame[name]]
        #: The table as strings, exactly as displayed.
        self.frame = pd.DataFrame(text)

    def _repr_html_(self) -> str:
        # A deterministic id (stable notebooks), unique per caption and content (no duplicate ids on a page).
        digest = hashlib.sha1((self.caption + self.frame.to_csv()).encode()).hexdigest()[:8]
        uuid = (re.sub(r"[^a-z0-9]+", "-", self.caption.lower()).strip("-")[:32] or "table") + "-" + digest
        numeric = [c for c, s in zip(self.frame.columns, self.source.columns)
                   if pd.api.types.is_numeric_dtype(self.source[s])]
        heads = [{"selector": f"th.col{i}", "props": [("text-align", "right")]}
                 for i, c in enumerate(self.frame.columns) if c in numeric]
        styler = (self.frame.style.hide(axis="index").set_caption(html.escape(self.caption)).set_uuid(uuid)
                  .set_table_attributes('class="book-table"').set_table_styles(heads)
                  .set_properties(subset=numeric, **{"text-align": "right"}))
        return f'<div class="book-table-wrap" style="overflow-x:auto;max-width:100%">{styler.to_html()}</div>'

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
    if keep is not None:
        missing = sorted(set(keep) - set(frame.columns))
        if missing:
            raise ValueError(f"keep names columns the frame does not have: {missing}")
        frame = frame[keep]
    return Table(frame.reset_index(drop=True), caption.strip(), cols)
