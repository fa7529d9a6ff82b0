"""The book's tables (analysis.house.tables): headers as words, intervals in one cell, numbers that never
wrap, a caption that stays outside the scrolling box, deterministic HTML for nbval."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from analysis.house import tables


def _frame():
    return pd.DataFrame({"C_from": [1e19, 1e20], "gain_total": [0.129, 0.0995], "gain_total_low": [0.127, 0.0974],
                         "gain_total_high": [0.131, 0.103], "note": ["a/b_c", "x<y"]})


def test_headers_read_as_words_and_titles_win():
    t = tables.table(_frame(), "Decades", {"C_from": tables.Col("si", unit="FLOP")})
    assert list(t.frame.columns)[:2] == ["C from (FLOP)", "gain total"]
    t = tables.table(_frame(), "Decades", {"C_from": tables.Col("si", title="from")})
    assert t.frame.columns[0] == "from"


def test_an_interval_reads_as_one_cell_and_hides_its_bounds():
    t = tables.table(_frame(), "Decades", {"gain_total": tables.Col("percent", interval=("gain_total_low",
                                                                                         "gain_total_high"))})
    assert list(t.frame.columns) == ["C from", "gain total", "note"]
    assert t.frame["gain total"].tolist() == ["12.9% (12.7%–13.1%)", "9.95% (9.74%–10.3%)"]
    frame = _frame().assign(gain_total_low=[math.nan, 0.0974])
    t = tables.table(frame, "Decades", {"gain_total": tables.Col("percent", interval=("gain_total_low",
                                                                                       "gain_total_high"))})
    assert t.frame["gain total"].iloc[0] == "12.9%"  # a missing bound shows the value alone
    t = tables.table(_frame(), "Decades", {"gain_total": tables.Col("percent", interval=("gain_total_low",
                                                                                         "gain_total_high"))},
                     keep=["gain_total"])
    assert list(t.frame.columns) == ["gain total"]


def test_bad_intervals_and_digits_are_refused_by_name():
    with pytest.raises(ValueError, match="interval must be two column names"):
        tables.Col("sig", interval="lo")
    with pytest.raises(ValueError, match="an interval names columns the frame does not have"):
        tables.table(_frame(), "x", {"gain_total": tables.Col("sig", interval=("lo", "hi"))})
    with pytest.raises(ValueError, match="digits must be between 1 and 15"):
        tables.Col("sig", digits=0)
    assert tables.Col("fixed", digits=0).digits == 0


def test_formats_for_tiny_huge_and_infinite_values():
    frame = pd.DataFrame({"p": [1e-40, 0.00025, 0.9996], "s": [2.2e-10, 0.5, math.inf], "f": [0.0253, 0.0, 1.0]})
    t = tables.table(frame, "Formats", {"p": tables.Col("percent", digits=4), "s": "sig",
                                        "f": tables.Col("fixed", digits=4)})
    assert t.frame["p"].tolist() == ["0%", "0.025%", "99.96%"]
    assert t.frame["s"].tolist() == ["2.2e-10", "0.5", "∞"]
    assert t.frame["f"].tolist() == ["0.0253", "0.0000", "1.0000"]


def test_html_keeps_the_caption_out_of_the_scrolling_box():
    t = tables.table(_frame(), "Share of the loss each decade removes",
                     {"gain_total": tables.Col("percent", interval=("gain_total_low", "gain_total_high"))})
    html = t._repr_html_()
    caption, box = html.index('class="book-table-caption"'), html.index('class="book-table-wrap"')
    assert caption < box and "<caption" not in html
    cid = re.search(r'<p class="book-table-caption" id="([^"]+)"', html).group(1)
    assert f'aria-labelledby="{cid}"' in html and html.count(f'id="{cid}"') == 1
    assert "x&lt;y" in html and "<y" not in html  # cells are escaped
    assert "a/\u200bb_\u200bc" in html  # paths break after / and _
    assert "–\u2060" in html  # never inside an interval
    assert "white-space: nowrap" in html  # numbers do not wrap
    assert html == tables.table(_frame(), "Share of the loss each decade removes", {
        "gain_total": tables.Col("percent", interval=("gain_total_low", "gain_total_high"))})._repr_html_()
