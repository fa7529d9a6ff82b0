"""Every chapter runs at the corners of its parameter space.

For each chapter with a ``parameters`` cell, the values at the edges of every rule of its check cell
(``analysis.house.parameters.check``): each count and number at its lower and upper bound, the largest
seed, every offered choice. The chapter's code that depends on the changed parameters runs in this process
(``tests/corners.py``: the dependent cells, what they read, and every card whose claim takes a changed
parameter, worlds and multiverse included), its charts drawn through the book's renderer. A value that
cannot run must be refused by the check cell by name; everything else must run, every chart within
Altair's 5,000-row limit, no card's world may end in an error, and no computation may warn of an invalid
value or an overflow (a nan or an inf on the page).

To keep the time bounded, the lower bounds and the largest seed run together (one run per chapter), the
upper bounds of the real-valued parameters together, and each count's upper bound and each choice on
its own. A parameter the check cell refuses in a joint run goes back to its default and the run is
repeated (the refusal is reported). Resample counts whose upper bound would take minutes here
(``corners.SLOW_MAXIMA``: more resamples repeat the same code) are not run at the bound; the rows of the
charts they feed are checked at the bound instead (a chart whose rows grow with the count is drawn from
results as large as the bound's).

This file runs the pages of ``corners.FIRST_PAGES``; ``tests/test_corners_more.py`` runs the others.
"""

from __future__ import annotations

import math

import pytest

import corners
from corners import pages, shell  # noqa: F401 - fixtures
from conftest import ROOT


@pytest.mark.parametrize("name", corners.FIRST_PAGES)
@pytest.mark.filterwarnings("error::RuntimeWarning")  # an invalid value or an overflow shows as nan or inf
def test_every_chapter_runs_at_the_corners_of_its_parameters(name, shell, pages, monkeypatch):
    page = corners.page(name, shell, pages, monkeypatch)
    problems, report = corners.corner_problems(page, shell)
    print("\n".join("CORNER " + line for line in report))
    assert not problems, f"{name} at the corners of its parameters:\n" + "\n".join(problems)


def test_the_two_files_cover_every_page_with_parameters():
    assert len(corners.parameter_pages()) >= 7
    assert set(corners.FIRST_PAGES) < set(corners.parameter_pages())


@pytest.mark.parametrize("key", sorted(corners.SLOW_MAXIMA), ids=lambda k: f"{k[0]}-{k[1]}")
def test_resample_counts_keep_charts_within_the_row_limit_at_their_bound(key, shell, pages, monkeypatch):
    """A count not run at its bound: the charts it feeds, at the bound, stay within Altair's row limit. Runs
    at its minimum and twice that show which charts' rows grow with it; those are drawn again from results
    as large as the bound's (``corners.AT_BOUND``)."""
    from analysis.house import parameters as P

    name, param = key
    page = corners.page(name, shell, pages, monkeypatch)
    rule = page.rules[param]
    assert isinstance(rule, P.Count), f"{key}: not a count"
    small, double = rule.minimum, 2 * rule.minimum
    a = corners.run(page, shell, {**page.defaults, param: small}, charts_only=True)
    b = corners.run(page, shell, {**page.defaults, param: double}, charts_only=True)
    assert a.status == b.status == "ran", (a.message, b.message)
    assert len(a.chart_rows) == len(b.chart_rows), f"{key}: the charts drawn depend on the count"
    growing = [(ra, rb) for ra, rb in zip(a.chart_rows, b.chart_rows) if rb != ra]
    if not growing:
        return
    assert key in corners.AT_BOUND, (f"{key}: a chart's rows grow with {param} ({growing[0][0]} -> "
                                     f"{growing[0][1]}); add to corners.AT_BOUND how to draw it at the bound")
    corners.AT_BOUND[key](shell.user_ns, rule.maximum)
    rows: list[int] = []
    drawing = corners.chart_modules(page)
    with corners.counting_rows(rows):
        for i in b.cells:
            if i > page.k + 1 and page.cells[i].reads & drawing:
                corners.run_cell(shell, page.cells[i].source, i)
    assert rows and max(rows) <= corners.MAX_ROWS, f"{key}: a chart draws {max(rows):,} rows at {param}={rule.maximum:,}"


# --- the machinery itself ------------------------------------------------------------------------------------

def test_the_cells_a_change_touches_are_found_from_the_code():
    cells = [corners._cell(i, s) for i, s in enumerate([
        "import numpy as np\nfrom analysis import ledger",
        "n_boot = 400\nseed = 0",
        "params = check(globals(), n_boot=Count(20, 20_000), seed=Seed())",
        "data = np.arange(10)",                      # 3: read by a dependent cell
        "fit = np.sum(data) * n_boot",               # 4: reads n_boot
        "chart = fit + 1",                           # 5: reads a dependent cell's name
        "other = np.ones(3)",                        # 6: unrelated
        "ledger.card('SL-16', **params)",            # 7: a card whose claim takes no parameter
        "ledger.card('SL-5', **params)",             # 8: a card whose claim takes n_boot
        "for i in range(3):\n    last = i * seed",   # 9: binds inside a block, reads seed
        "print(last)",                               # 10
    ])]
    page = corners.Page(ROOT / "book" / "x.md", cells, 1, {"n_boot": None, "seed": None}, {"n_boot": 400, "seed": 0})
    assert corners.depends(page, {"n_boot"}) == [4, 5, 8]
    assert corners.plan(page, {"n_boot"}) == [0, 1, 2, 3, 4, 5, 8]
    assert corners.depends(page, {"seed"}) == [8, 9, 10]


def test_the_edges_of_each_rule():
    from analysis.house import parameters as P

    assert corners.bounds(P.Count(20, 400)) == [20, 400]
    assert corners.bounds(P.Real(0.0, 1.0, inclusive=False)) == [math.nextafter(0.0, 1.0), math.nextafter(1.0, 0.0)]
    assert corners.bounds(P.Seed()) == [0, P.SEED_MAX]
    assert corners.bounds(P.Choice(["a", "b"])) == ["a", "b"] and corners.bounds(P.Flag()) == [False, True]


def test_a_failing_cell_and_an_oversized_chart_are_caught(shell, monkeypatch, tmp_path):
    """The runner reports what the build would: a cell that raises, a chart past the row limit."""
    header = (ROOT / "book" / "scaling-laws.md").read_text().split("---\n")[1]
    cells = ["import altair as alt\nimport pandas as pd\nfrom analysis.house.parameters import Count, check",
             "n = 10", "params = check(globals(), n=Count(1, 100_000))",
             "assert n < 50_000, 'n too large for this cell'",
             "alt.Chart(pd.DataFrame({'x': range(n)})).mark_point().encode(x='x')"]
    body = "".join("```{code-cell} ipython3\n" + (":tags: [parameters]\n" if i == 1 else "") + c + "\n```\n\n"
                   for i, c in enumerate(cells))
    path = tmp_path / "toy.md"
    path.write_text(f"---\n{header}---\n\n# Toy\n\n{body}")
    monkeypatch.chdir(tmp_path)
    page = corners.load(path, shell)
    assert page.defaults == {"n": 10}
    assert corners.run(page, shell, {"n": 20}).status == "ran"
    big = corners.run(page, shell, {"n": 6000})
    assert big.status == "failed" and "code cell 5: MaxRowsError" in big.message and big.chart_rows == [6000]
    assert "code cell 4: AssertionError: n too large" in corners.run(page, shell, {"n": 60_000}).message
    refused = corners.run(page, shell, {"n": 0})
    assert refused.status == "refused" and refused.message.startswith("n must be at least 1")
