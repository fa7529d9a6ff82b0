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
the CSV as a ``data:`` URL in the notebook; here it becomes ``<figure name>.csv`` next to the HTML page (and its
metadata link ``<figure name>-metadata.json``).

5. Numbering: the chapters are numbered in ``_toc.yml``, so Sphinx numbers their figures and exercises
within the chapter (Fig. 3.4, Exercise 3.2); the figures of each unnumbered page (landing page, ledger)
are numbered from 1 here, instead of sharing one counter across those pages.

6. Glossary linked both ways: every ``{term}`` role of a page is noted with its section, and each glossary
entry gets a "Used in" line linking back to those sections (rewritten whenever another page changes).

7. ``{chapter-parameters}``: a table per numbered chapter of its parameters, read from the executed
notebook's ``parameters`` cell (default, comment) and its parameter check (the rule's own description),
with the ledger's claims whose evidence function takes each parameter.

8. The repository's address is one setting, ``repository.url`` of ``_config.yml``: ``{{ repository_url }}``
and ``{{ repository_name }}`` in a page become it (code blocks included), and CITATION.cff's
``repository-code`` and ``url`` are rewritten to it when they differ.

9. The course kit: each exercise shows its level, expected time and kind (``book/_exercises.yml``).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx_exercise.directive import SolutionStartDirective
from sphinx_exercise.nodes import solution_end_node

SCRIPT = "vega-offline.js"
logger = logging.getLogger(__name__)


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
CSV_LINK = re.compile(r'download="([a-z0-9][a-z0-9-]*\.(?:csv|json))" '
                      r'href="data:(?:text/csv|application/json);charset=utf-8,([^"]*)"')


def add_house_style(app, config):
    """Serve the house-style CSS and JS from ``tools/static`` on every page."""
    config.html_static_path.append(str(STATIC_DIR))
    app.add_css_file(STYLE_FILES[0])
    app.add_js_file(STYLE_FILES[1], loading_method="defer")


def write_chart_data(app, pagename, templatename, context, doctree):
    """Write every chart's CSV (and its metadata, JSON) beside its page and point the download link at that file."""
    body = context.get("body", "")
    if ("data:text/csv" not in body and "data:application/json" not in body) or app.builder.format != "html":
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


def number_figures_per_page(app, env):
    """Number the figures of each unnumbered page (the landing page, the ledger) from 1.

    The chapters are numbered in ``_toc.yml``, so Sphinx numbers their figures and exercises within the
    chapter (Fig. 3.4). Pages outside a numbered toctree share one counter instead (the ledger's first
    figure would follow the landing page's); here each of them starts at 1. Runs after Sphinx assigned
    the numbers (``env-get-updated``); returns the pages whose numbers it changed, to be rewritten."""
    changed = []
    for docname, by_type in env.toc_fignumbers.items():
        if env.toc_secnumbers.get(docname):
            continue
        for numbers in by_type.values():
            ordered = sorted(numbers, key=numbers.get)
            renumbered = {figure_id: (i + 1,) for i, figure_id in enumerate(ordered)}
            if renumbered != numbers:
                numbers.update(renumbered)
                changed.append(docname)
    return changed


# --- 6. glossary terms linked both ways -----------------------------------------------------------------

def _section_of(node):
    """The innermost section around ``node`` with an id, or None."""
    while node is not None and not (isinstance(node, nodes.section) and node.get("ids")):
        node = node.parent
    return node


def record_term_uses(app, doctree):
    """Note where each page uses a glossary term (a ``{term}`` role): the term, the section, its title."""
    env = app.env
    uses = getattr(env, "book_term_uses", {})
    uses.pop(env.docname, None)
    found = []
    for ref in doctree.findall(addnodes.pending_xref):
        if ref.get("reftype") != "term":
            continue
        section = _section_of(ref)
        if section is None:
            continue
        title = next(iter(section.findall(nodes.title)), None)
        found.append((ref["reftarget"].lower(), section["ids"][0], title.astext() if title else ""))
    if found:
        uses[env.docname] = found
    env.book_term_uses = uses
    glossaries = getattr(env, "book_glossary_docs", set())
    glossaries.discard(env.docname)
    if any("glossary" in node.get("classes", []) for node in doctree.findall(nodes.definition_list)):
        glossaries.add(env.docname)
    env.book_glossary_docs = glossaries


def purge_term_uses(app, env, docname):
    getattr(env, "book_term_uses", {}).pop(docname, None)
    getattr(env, "book_glossary_docs", set()).discard(docname)


def merge_term_uses(app, env, docnames, other):
    env.book_term_uses = {**getattr(env, "book_term_uses", {}), **getattr(other, "book_term_uses", {})}
    env.book_glossary_docs = getattr(env, "book_glossary_docs", set()) | getattr(other, "book_glossary_docs", set())


def pages_that_list_other_pages(app, env, added, changed, removed):
    """The glossary (its back-links) and the page with the parameter table are rewritten whenever any
    other page changed, so what they list about other pages is never stale."""
    if not (added or changed or removed):
        return []
    listing = set(getattr(env, "book_glossary_docs", set())) | {d for d in env.found_docs if d.endswith(PARAMETER_PAGE)}
    return sorted(listing - set(added) - set(changed))


def _page_label(env, docname: str) -> str:
    number = env.toc_secnumbers.get(docname, {}).get("")
    title = env.titles[docname].astext() if docname in env.titles else docname
    return f"Ch. {'.'.join(map(str, number))}" if number else title


def link_terms_back(app, doctree, docname):
    """Under each glossary entry, "Used in:" with a link to every section that uses the term."""
    env = app.env
    if docname not in getattr(env, "book_glossary_docs", set()):
        return
    uses = getattr(env, "book_term_uses", {})
    order = {d: (env.toc_secnumbers.get(d, {}).get("") or (999,), d) for d in uses}
    for item in doctree.findall(nodes.definition_list_item):
        terms = [t.astext().lower() for t in item.findall(nodes.term)]
        places = []
        for used_in in sorted(uses, key=order.get):
            if used_in == docname:
                continue
            for target, section_id, title in uses[used_in]:
                if target in terms and (used_in, section_id) not in [(d, s) for d, s, _ in places]:
                    places.append((used_in, section_id, title))
        definition = next(iter(item.findall(nodes.definition)), None)
        if not places or definition is None:
            continue
        para = nodes.paragraph(classes=["glossary-uses"])
        para += nodes.Text("Used in: ")
        for i, (used_in, section_id, title) in enumerate(places):
            page = _page_label(env, used_in)
            top = env.titles.get(used_in)
            label = page if top is not None and title == top.astext() else f"{page}, {title}"
            uri = app.builder.get_relative_uri(docname, used_in) + "#" + section_id
            para += nodes.reference("", label, internal=True, refuri=uri)
            para += nodes.Text("; " if i < len(places) - 1 else ".")
        definition += para


# --- 7. the chapters' parameters, read from their parameter checks --------------------------------------

PARAMETER_PAGE = "running"


def _cells(path: Path) -> list[dict]:
    import json

    return [c for c in json.loads(path.read_text()).get("cells", []) if c.get("cell_type") == "code"]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def chapter_parameters(notebook: Path) -> list[dict]:
    """Each parameter of an executed chapter: its name, default, the comment beside it in the ``parameters``
    cell, and the rule its parameter check (``check(globals(), name=Rule(...))``) applies, described by the
    rule itself."""
    import ast

    from analysis.house import parameters as rules

    cells = _cells(notebook)
    defaults, comments = {}, {}
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = _source(cell)
            for node in ast.parse(source).body:
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                    name = node.targets[0].id
                    defaults[name] = ast.get_source_segment(source, node.value)
                    line = source.splitlines()[node.lineno - 1]
                    comments[name] = line.split("#", 1)[1].strip() if "#" in line else ""
    namespace = {n: getattr(rules, n) for n in rules.__all__}
    out = []
    for cell in cells:
        source = _source(cell)
        try:
            tree = ast.parse(source)
        except SyntaxError:  # IPython magics
            continue
        for stmt in tree.body:  # imports up to the check name the rules' arguments (a module's choices)
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                try:
                    exec(compile(ast.Module([stmt], []), str(notebook), "exec"), namespace)
                except ImportError:
                    pass
        if "check(globals()" not in source:
            continue
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "check":
                for kw in call.keywords:
                    text = ast.get_source_segment(source, kw.value)
                    try:
                        rule = eval(compile(ast.Expression(kw.value), str(notebook), "eval"), namespace).describe()
                    except Exception:  # a rule built from the page's own state: show its code
                        rule = text
                    out.append({"name": kw.arg, "default": defaults.get(kw.arg, ""), "rule": rule,
                                "comment": comments.get(kw.arg, "")})
        break
    return out


def claims_reading(chapter: str, names: list[str]) -> dict[str, list[str]]:
    """{parameter: ids of the chapter's claims whose evidence takes it}: the verdicts it can move."""
    try:
        from analysis import ledger
    except ImportError:  # pragma: no cover - the book's package is installed with the site tools
        return {}
    reading = {n: [] for n in names}
    for claim in ledger.registered_claims():
        if claim.chapter == chapter:
            for name in set(claim.parameters()) & set(names):
                reading[name].append(claim.id)
    return reading


class parameter_table(nodes.General, nodes.Element):
    """Where the table of every chapter's parameters goes (filled when the page is written)."""


class ParameterTableDirective(SphinxDirective):
    """``{chapter-parameters}``: a table of each numbered chapter's parameters."""

    def run(self):
        return [parameter_table()]


def _cell(*children) -> nodes.entry:
    entry = nodes.entry()
    entry += nodes.paragraph("", "", *children)
    return entry


def _claim_links(app, docname, ledger, ids):
    out = []
    for k, claim_id in enumerate(sorted(ids, key=_claim_order)):
        out += [nodes.Text(", ")] if k else []
        uri = app.builder.get_relative_uri(docname, ledger) + f"#claim-{claim_id.lower()}" if ledger else None
        out.append(nodes.reference("", claim_id, internal=True, refuri=uri) if uri else nodes.Text(claim_id))
    return out or [nodes.Text("none")]


def _parameter_table(app, docname, ledger, params, reading) -> nodes.table:
    headers = ("parameter = default", "accepted values", "what it sets", "claims whose evidence reads it")
    table = nodes.table(classes=["parameter-table", "colwidths-auto"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    group += [nodes.colspec(colwidth=1) for _ in headers]
    head, body = nodes.thead(), nodes.tbody()
    group += [head, body]
    head += nodes.row("", *[_cell(nodes.Text(h)) for h in headers])
    for p in params:
        body += nodes.row("", _cell(nodes.literal("", f"{p['name']} = {p['default']}")), _cell(nodes.Text(p["rule"])),
                          _cell(nodes.Text(p["comment"])),
                          _cell(*_claim_links(app, docname, ledger, reading.get(p["name"], []))))
    return table


def fill_parameter_tables(app, doctree, docname):
    """Replace the ``{chapter-parameters}`` placeholder by one table per numbered chapter, under a link to it."""
    env = app.env
    for placeholder in list(doctree.findall(parameter_table)):
        chapters = sorted((d for d in env.toc_secnumbers if env.toc_secnumbers[d].get("")),
                          key=lambda d: env.toc_secnumbers[d][""])
        ledger = next((d for d in env.found_docs if d.endswith("ledger")), None)
        content = []
        for chapter in chapters:
            notebook = Path(env.srcdir) / f"{chapter}.ipynb"
            if not notebook.exists():
                continue
            params = chapter_parameters(notebook)
            reading = claims_reading(chapter.rsplit("/", 1)[-1], [p["name"] for p in params])
            title = env.titles[chapter].astext() if chapter in env.titles else chapter
            label = f"{_page_label(env, chapter)[4:]}. {title}"
            heading = nodes.paragraph(classes=["parameter-chapter"])
            heading += nodes.strong("", "", nodes.reference("", label, internal=True,
                                                            refuri=app.builder.get_relative_uri(docname, chapter)))
            content += [heading, _parameter_table(app, docname, ledger, params, reading)]
        placeholder.replace_self(content)


def _claim_order(claim_id: str):
    prefix, _, number = claim_id.partition("-")
    digits = re.match(r"\d+", number)
    return prefix, int(digits.group(0)) if digits else 0, number


# --- 8. the repository's address: one setting ------------------------------------------------------------

REPOSITORY_TOKENS = ("{{ repository_url }}", "{{ repository_name }}")


def repository_url(config) -> str:
    return (config.html_theme_options or {}).get("repository_url", "").rstrip("/")


def substitute_repository(app, docname, source):
    """``{{ repository_url }}`` anywhere in a page (code blocks included) becomes ``repository.url`` of
    ``_config.yml``, the one setting the launch buttons also use; ``{{ repository_name }}`` its last part
    (the folder ``git clone`` makes)."""
    url = repository_url(app.config)
    if url and any(token in source[0] for token in REPOSITORY_TOKENS):
        name = url.rsplit("/", 1)[-1].removesuffix(".git")
        source[0] = source[0].replace(REPOSITORY_TOKENS[0], url).replace(REPOSITORY_TOKENS[1], name)


def citation_lines(text: str, url: str) -> str:
    """CITATION.cff with ``repository-code`` set to ``url`` and ``url`` to its GitHub Pages site."""
    m = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+?)(?:\.git)?", url)
    site = f"https://{m.group(1).lower()}.github.io/{m.group(2)}/" if m else None
    text = re.sub(r'^repository-code: .*$', f'repository-code: "{url}"', text, flags=re.M)
    return re.sub(r'^url: .*$', f'url: "{site}"', text, flags=re.M) if site else text


def sync_citation(app, config):
    """Keep CITATION.cff's addresses equal to ``repository.url`` (rewritten when the setting changes)."""
    url = repository_url(config)
    path = Path(app.srcdir) / "CITATION.cff"
    if url and path.exists():
        text = path.read_text()
        updated = citation_lines(text, url)
        if updated != text:
            path.write_text(updated)
            logger.info("CITATION.cff: repository address set to %s (repository.url of _config.yml)", url)


# --- 9. the course kit: each exercise's level, time and kind --------------------------------------------

def tag_exercises(app, doctree):
    """Under each exercise's title, its level, expected time and kind from ``book/_exercises.yml``
    (tools/course.py), as the reader and student notebooks and the handouts show them."""
    from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node

    try:
        import course
    except ImportError:  # pragma: no cover - tools/ is where this extension is loaded from
        return
    found = list(doctree.findall(exercise_enumerable_node)) + list(doctree.findall(exercise_node))
    if not found or not course.EXERCISES_FILE.exists():
        return
    app.env.note_dependency(str(course.EXERCISES_FILE))
    tagged = getattr(app.env, "book_exercise_tags", {})
    tagged[app.env.docname] = _tags_stamp()
    app.env.book_exercise_tags = tagged
    tags = course.exercise_tags()
    for node in found:
        tag = tags.get(node.get("label", ""))
        if tag and len(node.children) >= 1:
            node.insert(1, nodes.paragraph("", "", nodes.emphasis("", tag), classes=["exercise-tags"]))


def _tags_stamp() -> str:
    """What the exercise tags of a page were made from: the facts file and this code's version."""
    import hashlib

    facts = Path(__file__).resolve().parents[1] / "book" / "_exercises.yml"
    return hashlib.sha256(b"tags-1" + (facts.read_bytes() if facts.exists() else b"")).hexdigest()


def pages_with_stale_exercise_tags(app, env, added, changed, removed):
    """Pages with exercises whose tags were not made from the current facts (or made before tags existed)
    are read again."""
    stamp, tagged, stale = _tags_stamp(), getattr(env, "book_exercise_tags", {}), []
    for docname in env.found_docs - set(added) - set(changed):
        if tagged.get(docname) == stamp:
            continue
        try:
            text = Path(env.doc2path(docname)).read_text(errors="replace")
        except OSError:
            continue
        if "{exercise}" in text:
            stale.append(docname)
    return stale


def purge_exercise_tags(app, env, docname):
    getattr(env, "book_exercise_tags", {}).pop(docname, None)


def merge_exercise_tags(app, env, docnames, other):
    env.book_exercise_tags = {**getattr(env, "book_exercise_tags", {}), **getattr(other, "book_exercise_tags", {})}


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
    app.connect("env-get-updated", number_figures_per_page, priority=900)
    app.connect("doctree-read", record_term_uses)
    app.connect("env-purge-doc", purge_term_uses)
    app.connect("env-merge-info", merge_term_uses)
    app.connect("env-get-outdated", pages_that_list_other_pages)
    app.connect("doctree-resolved", link_terms_back)
    app.add_node(parameter_table)
    app.add_directive("chapter-parameters", ParameterTableDirective)
    app.connect("doctree-resolved", fill_parameter_tables)
    app.connect("source-read", substitute_repository)
    app.connect("doctree-read", tag_exercises)
    app.connect("env-get-outdated", pages_with_stale_exercise_tags)
    app.connect("env-purge-doc", purge_exercise_tags)
    app.connect("env-merge-info", merge_exercise_tags)
    app.connect("config-inited", sync_citation)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
