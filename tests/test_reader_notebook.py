"""Reader notebooks (tools/editions.py): the notebook a reader downloads or launches works outside the
book. Glue placeholders are replaced by their values, citations, terms and references are plain text,
directives plain markdown, and every chart carries a static image that shows when the interactive view
cannot load. One is exported to HTML with nbconvert and opened offline in headless Chromium."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
import sys

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"  # not from conftest: book/conftest.py shares the module name

sys.path.insert(0, str(ROOT / "tools"))
spec = importlib.util.spec_from_file_location("editions", ROOT / "tools" / "editions.py")
editions = importlib.util.module_from_spec(spec)
spec.loader.exec_module(editions)

ROLE = re.compile(r"\{[\w:-]+\}`")
PNG_1PX = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def _chart_output() -> dict:
    html = ('<style>#altair-viz-1.vega-embed {width: 100%;}</style>\n<div id="altair-viz-1"></div>\n<script>'
            "function showError(err) {\n      outputDiv.innerHTML = `<div class=\"error\" style=\"color:red;\">${err}</div>`;"
            "\n      throw err;\n    }\n vegaEmbed(outputDiv, spec, embedOpt)</script>")
    return nbformat.v4.new_output("display_data", data={"text/html": html, "image/png": PNG_1PX,
                                                        "text/plain": "[figure fig-a] a test chart"})


def _glue_output(name: str, text: str) -> dict:
    prefix = "application/papermill.record/"
    return nbformat.v4.new_output("display_data", data={prefix + "text/plain": text},
                                  metadata={"scrapbook": {"name": name, "mime_prefix": prefix}})


def _page() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("from myst_nb import glue\nglue('x', 1234.5678, display=False)")
    code.outputs = [_glue_output("x", "1234.5678")]
    chart = nbformat.v4.new_code_cell("chart()", metadata={"mystnb": {"figure": {
        "name": "fig-a", "caption": "A chart of {glue:text}`x:,.1f` runs {cite:p}`kaplan2020scaling`."}}})
    chart.outputs = [_chart_output()]
    nb.cells = [
        nbformat.v4.new_markdown_cell("(sec-a)=\n# A page\n\n:::{admonition} In this chapter\n:class: note\n\n"
                                      "**You will learn** about {term}`power laws <Power law>`.\n:::"),
        code, chart,
        nbformat.v4.new_markdown_cell("As {numref}`fig-a` shows, {cite:t}`kaplan2020scaling` found "
                                      "{glue:text}`x:.0f`; see {ref}`sec-a`.\n\n```python\nprint(1)\n```\n\n"
                                      ":::{exercise}\n:label: ex-a\n\nEstimate it.\n:::\n\n"
                                      ":::{solution-start} ex-a\n:class: dropdown\n:::\n\nThe secret answer is 42."),
        nbformat.v4.new_code_cell("secret_solution_code = 42"),
        nbformat.v4.new_markdown_cell("Still the secret solution.\n\n:::{solution-end}\n:::\n\nAfter the solution."),
    ]
    return nb


def _reader(nb):
    bib = editions.bibliography(ROOT / "references.bib")
    return editions.reader_notebook(nb, bib=bib, titles={"sec-a": "A page"})


def test_strip_solutions_drops_prose_code_and_outputs_of_solutions():
    stripped = editions.strip_solutions(_page())
    text = nbformat.writes(stripped)
    assert "secret" not in text and "solution-start" not in text and "solution-end" not in text
    assert "Estimate it." in text and "After the solution." in text
    assert [c.cell_type for c in stripped.cells] == ["markdown", "code", "code", "markdown", "markdown"]
    broken = _page()
    broken.cells = broken.cells[:5]
    with pytest.raises(ValueError, match="solution-start has no solution-end"):
        editions.strip_solutions(broken)


def test_reader_notebook_replaces_roles_directives_and_glue():
    reader = _reader(_page())
    md = "\n\n".join(c.source for c in reader.cells if c.cell_type == "markdown")
    assert not ROLE.search(md), ROLE.findall(md)
    assert ":::" not in md and "(sec-a)=" not in md
    assert "Kaplan et al. (2020) found 1235" in md and "As Fig. 1 shows" in md and "see A page" in md
    assert "*Fig. 1.* A chart of 1,234.6 runs (Kaplan et al., 2020)." in md
    assert "**In this chapter**" in md and "about power laws." in md and "**Exercise 1**" in md
    assert "```python\nprint(1)\n```" in md  # plain code blocks are kept as they are
    code = [c.source for c in reader.cells if c.cell_type == "code"]
    assert "except ImportError" in code[0]
    with_url = editions.reader_notebook(_page(), bib={}, titles={}, repo_url="https://github.com/o/r")
    assert 'pip install "git+https://github.com/o/r"' in with_url.cells[0].source  # how to run it elsewhere  # glue works without myst-nb (Colab, plain Jupyter)
    namespace = {}
    exec(code[0].replace("from myst_nb import glue", "raise ImportError"), namespace)
    assert namespace["glue"]("y", 3, display=False) is None


def test_reader_notebook_numbers_as_the_site_does_within_its_chapter():
    """With its chapter number, a reader notebook reads "Fig. 3.1" and "Exercise 3.1" (tagged), as the site."""
    reader = editions.reader_notebook(_page(), bib={}, titles={"sec-a": "A page"}, chapter=3,
                                      tags={"ex-a": "warm-up · about 10 min · on paper"})
    md = "\n\n".join(c.source for c in reader.cells if c.cell_type == "markdown")
    assert "As Fig. 3.1 shows" in md and "*Fig. 3.1.* A chart" in md
    assert "**Exercise 3.1** · warm-up · about 10 min · on paper" in md and "Exercise 1" not in md


def test_reader_chart_shows_its_static_image_inside_the_chart():
    page = _reader(_page()).cells[2].outputs[0]["data"]["text/html"]
    assert '<div id="altair-viz-1"><img class="reader-static-chart"' in page
    assert "data:image/png;base64," + PNG_1PX in page and 'alt="[figure fig-a] a test chart"' in page
    assert "color:red" not in page  # a failed load leaves the image, not an error message


# ---------------------------------------------------------------- the built site's notebooks

def _site_notebooks(root):
    return sorted((root / "_sources" / "book").glob("*.ipynb"))


def test_every_downloadable_notebook_is_a_reader_notebook(site):
    notebooks = _site_notebooks(site)
    assert notebooks
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        assert nb.metadata.get("scaling_book", {}).get("edition", "").startswith("reader notebook"), path.name
        md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        assert not ROLE.search(md), f"{path.name}: {ROLE.findall(md)[:3]}"
        assert not re.search(r"^\s*:::", md, re.M), f"{path.name}: a directive fence is left"
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                html = out.get("data", {}).get("text/html", "")
                if "vegaEmbed" in html:
                    assert "reader-static-chart" in html, f"{path.name}: a chart without a static image"


@pytest.fixture(scope="module")
def chromium_page():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("the browser tests need Debian's chromium: apt-get install chromium (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND"])
        context = browser.new_context(offline=True)
        outside = []

        def block(route):
            url = route.request.url
            if url.startswith(("file:", "data:", "blob:")):
                route.continue_()
            else:
                outside.append(url)
                route.abort()

        context.route("**/*", block)
        yield context.new_page(), outside
        browser.close()


def test_an_exported_reader_notebook_shows_every_chart_offline(site, tmp_path, chromium_page):
    from nbconvert import HTMLExporter

    page, outside = chromium_page
    source = site / "_sources" / "book" / "scaling-laws.ipynb"
    nb = nbformat.read(source, as_version=4)
    n_charts = sum("vegaEmbed" in o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", []))
    assert n_charts >= 1
    body, _ = HTMLExporter().from_notebook_node(nb)
    out = tmp_path / "scaling-laws.html"
    out.write_text(body)
    page.goto(out.as_uri())
    page.wait_for_timeout(1500)  # let the chart scripts try (and fail) to load Vega from the CDN
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('img.reader-static-chart')).map(img => {
        const r = img.getBoundingClientRect();
        return img.complete && img.naturalWidth > 0 && r.width > 50 && r.height > 50
               && getComputedStyle(img).visibility !== 'hidden' && img.offsetParent !== null;
    })""")
    assert len(shown) == n_charts and all(shown), shown
    text = page.inner_text("body")
    assert "{glue" not in text and "Error loading script" not in text and "{cite" not in text
    assert outside, "the page did try the network (CDN scripts), and it was blocked"


def test_a_reader_notebook_still_runs_top_to_bottom(site, tmp_path):
    """The reader notebook of the scaling-laws chapter, executed by papermill with few resamples."""
    import papermill

    source = site / "_sources" / "book" / "scaling-laws.ipynb"
    papermill.execute_notebook(str(source), str(tmp_path / "out.ipynb"), parameters={"n_boot": 20},
                               kernel_name="python3", cwd=str(ROOT / "book"), progress_bar=False)
    ran = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert all(c.get("execution_count") for c in ran.cells if c.cell_type == "code")


def test_making_a_reader_notebook_twice_changes_nothing():
    once = _reader(_page())
    assert nbformat.writes(_reader(once)) == nbformat.writes(once)


def test_reader_notebooks_carry_no_builder_paths():
    """Papermill records the builder's input and output paths; a reader notebook keeps only the parameters."""
    nb = _page()
    nb.metadata["papermill"] = {"input_path": "/home/builder/book/x.input.ipynb", "output_path": "/home/builder/x.ipynb",
                                "parameters": {"n_boot": 50}, "default_parameters": {}, "version": "2.7.0",
                                "environment_variables": {}, "start_time": "2026-01-01"}
    reader = _reader(nb)
    assert reader.metadata["papermill"] == {"parameters": {"n_boot": 50}, "default_parameters": {}, "version": "2.7.0"}
    assert "/home/builder" not in nbformat.writes(reader)


def test_no_downloadable_notebook_holds_the_builders_path(site):
    for path in _site_notebooks(site):
        assert str(ROOT) not in path.read_text(), f"{path.name} publishes the builder's path {ROOT}"


def _no_itables(tmp_path) -> Path:
    """A folder that, first on the path, makes `import itables` fail as on a runtime-only install."""
    fake = tmp_path / "no_itables" / "itables"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ModuleNotFoundError(\"No module named 'itables'\", name='itables')\n")
    return fake.parent


def test_the_interactive_table_falls_back_to_plain_html_without_itables(tmp_path):
    source = "from IPython.display import HTML\nfrom itables import init_notebook_mode, show\n\nx = 1"
    code = editions.ITABLES_IMPORT.sub(editions.ITABLES_FALLBACK, source)
    assert code.endswith("\n\nx = 1") and "except ImportError" in code
    import pandas as pd

    shown = []
    sys.path.insert(0, str(_no_itables(tmp_path)))
    sys.modules.pop("itables", None)
    try:
        namespace = {}
        exec(code, namespace)
        namespace["display"] = shown.append  # what the fallback hands to IPython
        exec("init_notebook_mode(connected=False)\nshow(frame, allow_html=True, paging=False)",
             {**namespace, "frame": pd.DataFrame({"a": ["<b>x</b>"]}),
              "display": shown.append})
    finally:
        sys.path.pop(0)
        sys.modules.pop("itables", None)
    assert shown and "<b>x</b>" in shown[0].data and "<table" in shown[0].data


def test_the_ledger_reader_notebook_runs_in_a_fresh_kernel_without_itables(site, tmp_path, monkeypatch):
    """The ledger page's reader notebook, executed as on Binder or Colab (no itables, the book's extra)."""
    import papermill

    monkeypatch.setenv("PYTHONPATH", str(_no_itables(tmp_path)))
    monkeypatch.setenv("SCALING_BOOK_LEDGER", str(ROOT / "_build" / "ledger" / "ledger.json"))
    source = site / "_sources" / "book" / "ledger.ipynb"
    papermill.execute_notebook(str(source), str(tmp_path / "out.ipynb"), kernel_name="python3", cwd=str(tmp_path),
                               progress_bar=False)
    ran = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    html = [o.get("data", {}).get("text/html", "") for c in ran.cells for o in c.get("outputs", [])]
    assert any("<table" in h and "SL-1" in h for h in html), "the ledger table is shown as plain HTML"
