"""Sphinx extension for the book: an offline site without console errors, and a student edition.

1. Serve Vega, Vega-Lite and Vega-Embed from the site itself, so charts render offline.

Altair's default HTML output loads the three libraries from a CDN unless ``window.VEGA_DEBUG`` already
names the versions it wants. At the end of an HTML build this extension writes vl-convert's JavaScript
bundle (the same Vega-Lite version that Altair emits) into ``_static/vega-offline.js``, wrapped in a
function scope so that its top-level names cannot clash with Sphinx's scripts, and records the versions in
``window.VEGA_DEBUG``. Only pages that contain an Altair chart load it, once, from ``<head>``.

2. Drop duplicate inline scripts: Jupyter Book 1 registers sphinx-thebe's configuration script twice,
and its second ``const`` declaration is a console error on every page.

3. Student edition: with ``hide_solutions`` on, sphinx-exercise drops a gated solution's
``solution-start`` but leaves the content up to ``solution-end`` in the page (and the orphaned end
node then fails the build). Here ``solution-start`` leaves a marker instead, and a transform removes
everything from the marker to its ``solution-end``, so the student site holds no solution text.

4. Chart house style (``analysis/house/charts.py``): serve ``tools/static/book-style.css`` and ``book-style.js``
(charts fill the text column, a white chart card in dark mode, print rules, a name for Vega's actions
menu), and write each chart's data beside its page: a figure's "Download the data (CSV)" link carries
the CSV as a ``data:`` URL in the notebook; here it becomes ``<figure name>.csv`` next to the HTML page.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx_exercise.directive import SolutionStartDirective
from sphinx_exercise.nodes import solution_end_node

SCRIPT = "vega-offline.js"


def bundle_source() -> str:
    import altair as alt
    import vl_convert as vlc

    versions = {
        "vega_version": alt.VEGA_VERSION,
        "vegalite_version": alt.VEGALITE_VERSION,
        "vegaembed_version": alt.VEGAEMBED_VERSION,
    }
    pairs = ", ".join(f'{key}: "{value}"' for key, value in versions.items())
    return (
        f"/* Vega {alt.VEGA_VERSION}, Vega-Lite {alt.VEGALITE_VERSION}, Vega-Embed {alt.VEGAEMBED_VERSION}:"
        f" vl-convert {vlc.__version__} bundle, served locally. */\n"
        f"window.VEGA_DEBUG = Object.assign(window.VEGA_DEBUG || {{}}, {{{pairs}}});\n"
        "(function () {\n" + vlc.javascript_bundle() + "\n})();\n"
    )


def add_script_to_chart_pages(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    if "vegaEmbed" in body or "altair-viz" in body:
        app.add_js_file(SCRIPT)


def drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    seen, unique = set(), []
    for script in context.get("script_files", []):
        # The copies differ only in filename None vs "" (both mean an inline script).
        key = (getattr(script, "filename", str(script)) or "", tuple(sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def write_bundle(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / SCRIPT
    target.parent.mkdir(parents=True, exist_ok=True)
    source = bundle_source()
    if not target.exists() or target.read_text() != source:
        target.write_text(source)


STATIC_DIR = Path(__file__).resolve().parent / "static"
STYLE_FILES = ("book-style.css", "book-style.js")
CSV_LINK = re.compile(r'download="([a-z0-9][a-z0-9-]*\.csv)" href="data:text/csv;charset=utf-8,([^"]*)"')


def add_house_style(app, config):
    """Serve the house-style CSS and JS from ``tools/static`` on every page."""
    config.html_static_path.append(str(STATIC_DIR))
    app.add_css_file(STYLE_FILES[0])
    app.add_js_file(STYLE_FILES[1], loading_method="defer")


def write_chart_data(app, pagename, templatename, context, doctree):
    """Write every chart's CSV beside its page and point the download link at that file."""
    body = context.get("body", "")
    if "data:text/csv" not in body or app.builder.format != "html":
        return
    page_dir = (Path(app.outdir) / pagename).parent

    def replace(match):
        filename, payload = match.group(1), match.group(2)
        target = page_dir / filename
        target.parent.mkdir(parents=True, exist_ok=True)
        text = unquote(payload)
        if not target.exists() or target.read_text() != text:
            target.write_text(text)
        return f'download="{filename}" href="{filename}"'

    context["body"] = CSV_LINK.sub(replace, body)


def fix_citation_roles(app, pagename, templatename, context, doctree):
    """Docutils marks a bibliography ``role="list"`` whose entries carry the deprecated
    ``doc-biblioentry`` role instead of ``listitem`` (axe-core: aria-required-children, critical);
    drop both roles, leaving plain blocks that screen readers read in order."""
    body = context.get("body", "")
    if "citation-list" in body:
        context["body"] = (body.replace('<div role="list" class="citation-list">', '<div class="citation-list">')
                           .replace(' role="doc-biblioentry"', ""))


class hidden_solution_start(nodes.Element):
    """Where a gated solution began, in a build that hides solutions."""


class StudentAwareSolutionStart(SolutionStartDirective):
    def run(self):
        result = super().run()  # records the gated structure sphinx-exercise checks
        if self.env.app.config.hide_solutions:
            return [hidden_solution_start()]
        return result


class RemoveHiddenSolutions(SphinxTransform):
    """Delete every hidden solution: the marker, the content after it and its ``solution-end``."""

    default_priority = 5  # after sphinx-exercise's structure check (1), before it merges gated nodes (10)

    def apply(self):
        for start in list(self.document.findall(hidden_solution_start)):
            parent = start.parent
            first = parent.index(start)
            last = next(
                (k for k in range(first, len(parent.children)) if isinstance(parent.children[k], solution_end_node)),
                None,
            )
            if last is None:
                raise ValueError(f"{self.env.docname}: a solution-start has no solution-end after it at the same level")
            for child in parent.children[first:last + 1]:
                parent.remove(child)


def setup(app):
    app.setup_extension("sphinx_exercise")
    app.add_node(hidden_solution_start)
    app.add_directive("solution-start", StudentAwareSolutionStart, override=True)
    app.add_transform(RemoveHiddenSolutions)
    app.connect("html-page-context", add_script_to_chart_pages)
    app.connect("html-page-context", drop_duplicate_scripts, priority=900)
    app.connect("build-finished", write_bundle)
    app.connect("config-inited", add_house_style)
    app.connect("html-page-context", write_chart_data)
    app.connect("html-page-context", fix_citation_roles)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
