"""Per-chart metadata (issue 26, item 6): beside each chart's CSV a small JSON file with its title, sources and
citation, licences, what it shows, the data files' checksums and the book's version, linked next to "Download the
data".

Unit tests on :func:`analysis.house.charts.chart_metadata` and :func:`analysis.house.charts.data_licence`; a site
test that every chart of the built site links its metadata file and that the file is there and says what it should.
"""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from analysis.house import charts, data
from analysis.ledger import editions as E

PROVENANCE = """# Provenance

## 1. A source

- Licence: CC BY 4.0 (the source's own data)
  and its terms of use.

### `a_file.csv`

- Columns: x, y

### `b_file.csv`

- Licence: MIT
- Source: elsewhere

## 2. Another source

### `c_file.csv`

- Source: a paper, no licence stated
"""


def _chart(name="fig-meta-test"):
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [3.0, 2.5, 2.2]})
    base = alt.Chart(frame).mark_line().encode(x=charts.x("x:Q", "x (units)", (0, 4)),
                                               y=charts.y("y:Q", "y (units)", (2, 3.2))).properties(title="A title")
    return charts.figure(base, name=name, description="y falls from 3.0 to 2.2 as x grows from 1 to 3.",
                         source="made-up numbers for a test")


def test_a_figure_carries_its_metadata_with_title_source_citation_licence_and_version():
    about = _chart().to_dict()["usermeta"][charts.META_KEY]["about"]
    assert about["name"] == "fig-meta-test" and about["title"] == "A title"
    assert about["source"] == "made-up numbers for a test"
    assert about["description"].startswith("y falls from 3.0")
    assert about["book_version"] and about["book_version"] in about["citation"] and "fig-meta-test" in about["citation"]
    assert about["licence"] == charts.CHART_LICENCE
    assert about["provenance"] == "analysis/data/PROVENANCE.md"
    for f in about["data_files"]:
        assert re.fullmatch(r"[0-9a-f]{64}", f["sha256"]) and f["licence"]


def test_the_metadata_names_the_data_files_read_with_their_checksums():
    snapshot = {s["file"]: s["sha256"] for s in E.load_snapshots()}
    data.load_csv(data.PORIAN_ISOFLOP_POINTS)
    about = charts.chart_metadata("fig-x", "t", "a description of twenty characters", "s")
    listed = {f["file"]: f for f in about["data_files"]}
    assert data.PORIAN_ISOFLOP_POINTS.filename in listed
    for name, f in listed.items():
        assert f["sha256"] == snapshot[name], name
        assert f["sha256"] == data.file_sha256(data.DATA_DIR / name), name


def test_the_footer_links_the_metadata_next_to_the_csv():
    meta = {"name": "fig-a", "source": "s", "csv": "x\n1\n", "about": {"name": "fig-a", "title": "é"}}
    footer = charts._footer_html(meta)
    assert footer.index('class="chart-csv"') < footer.index('class="chart-meta"')
    assert 'download="fig-a-metadata.json" href="data:application/json;charset=utf-8,' in footer
    assert "About the data" in footer
    assert 'class="chart-meta"' not in charts._footer_html({**meta, "about": None})


@pytest.mark.parametrize("filename, expected", [
    ("a_file.csv", "CC BY 4.0 (the source's own data) and its terms of use."),  # the section's licence
    ("b_file.csv", "MIT"),  # its own
    ("c_file.csv", "see PROVENANCE.md"),  # none stated in its section
    ("missing.csv", "see PROVENANCE.md"),
])
def test_data_licence_reads_the_provenance_notes(filename, expected):
    assert charts.data_licence(filename, PROVENANCE) == expected


# --- the built site --------------------------------------------------------------------------------------------

CHART_LINKS = re.compile(r'<p class="chart-source" data-figure="(?P<name>[\w-]+)">(?P<body>.*?)</p>', re.S)


def test_every_chart_of_the_site_links_its_metadata_file_beside_its_csv(site):
    missing, bad = [], []
    for page in sorted(site.rglob("*.html")):
        if "_static" in page.parts or "_sources" in page.parts:
            continue
        for m in CHART_LINKS.finditer(page.read_text(errors="replace")):
            name, body = m["name"], m["body"]
            csv_link = re.search(r'class="chart-csv" download="([\w-]+\.csv)" href="([^"]+)"', body)
            meta_link = re.search(r'class="chart-meta" download="([\w-]+-metadata\.json)" href="([^"]+)"', body)
            if not (csv_link and meta_link):
                missing.append(f"{page.relative_to(site)}: {name}")
                continue
            target = page.parent / meta_link[2]
            if meta_link[2] != f"{name}-metadata.json" or not target.is_file():
                bad.append(f"{page.relative_to(site)}: {name} links {meta_link[2]}")
                continue
            about = json.loads(target.read_text())
            if about.get("name") != name or not about.get("source") or not about.get("book_version"):
                bad.append(f"{page.relative_to(site)}: {name}: {sorted(about)}")
    assert not missing, f"charts without a metadata link next to their CSV: {missing}"
    assert not bad, f"metadata files missing or wrong: {bad}"
