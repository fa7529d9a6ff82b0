"""The book's editions outside the full site: the student edition and the reader notebooks.

* Student edition: :func:`strip_solutions` removes every gated solution (the prose between
  ``solution-start`` and ``solution-end``, and the code cells with their outputs) from an executed
  notebook; :func:`prepare_student_tree` writes a copy of the book built only from such notebooks, so its
  pages, search index, downloadable notebooks and launch targets hold no solution.
* Reader notebooks: :func:`reader_notebook` turns an executed page into a notebook that works outside the
  book (JupyterLab, nbconvert, Colab): glue placeholders replaced by their values, citations and
  cross-references as plain text, directives as plain markdown, figure captions as markdown, and every
  chart carrying a static image that shows when the interactive view cannot load. Its code cells are the
  page's, so it still runs top to bottom.
"""

from __future__ import annotations

import ast
import base64
import copy
import html as html_lib
import re
import shutil
import sys
from functools import lru_cache
from pathlib import Path

import nbformat
import yaml

SOLUTION_START = re.compile(r"^\s*:{3,}\{solution-start\}")
SOLUTION_END = re.compile(r"^\s*:{3,}\{solution-end\}")
FENCE_CLOSE = re.compile(r"^\s*:{3,}\s*$")


# --- student edition ----------------------------------------------------------------------------------

def strip_solutions(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without any gated solution: markdown from ``solution-start`` to the fence closing
    ``solution-end`` is cut, and every cell in between (code and outputs included) is dropped."""
    out = copy.deepcopy(nb)
    cells, inside, closing = [], False, False
    for cell in out.cells:
        if cell.cell_type != "markdown":
            if not inside:
                cells.append(cell)
            continue
        kept = []
        for line in cell.source.splitlines():
            if closing:  # the ':::' that closes the solution-end directive
                closing = False
                if FENCE_CLOSE.match(line):
                    continue
            if not inside and SOLUTION_START.match(line):
                inside = True
            elif inside and SOLUTION_END.match(line):
                inside, closing = False, True
            elif not inside:
                kept.append(line)
        text = "\n".join(kept).strip("\n")
        if text.strip():
            cell.source = text
            cells.append(cell)
    if inside:
        raise ValueError("a solution-start has no solution-end after it")
    out.cells = cells
    return out


def prepare_student_tree(root: Path, dest: Path, docnames: list[str]) -> None:
    """Write into ``dest`` a book to build: the configuration (student title, launch buttons pointing at
    the student notebooks), the table of contents, the bibliography, the static files of ``book/`` and
    every executed page with its solutions stripped."""
    dest.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((root / "_config.yml").read_text())
    config["title"] = config["title"] + " (student edition)"
    sphinx = config.setdefault("sphinx", {})
    sphinx["local_extensions"] = {name: str((root / path).resolve())
                                  for name, path in sphinx.get("local_extensions", {}).items()}
    sphinx.setdefault("config", {})["hide_solutions"] = True
    repo = config.setdefault("repository", {})
    # Deployed as /student/ beside the full site: launch buttons open the student notebooks.
    repo["path_to_book"] = "student/" + repo.get("path_to_book", "_sources").strip("/")
    for bib in config.get("bibtex_bibfiles", []):
        shutil.copy2(root / bib, dest / bib)
    (dest / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    shutil.copy2(root / "_toc.yml", dest / "_toc.yml")
    book = root / "book"
    for path in book.rglob("*"):
        rel = path.relative_to(root)
        if path.is_dir() or path.suffix in (".md", ".py") or ".ipynb_checkpoints" in path.parts:
            continue
        if path.suffix == ".ipynb":
            if path.stem.endswith((".failed", ".input")) or rel.with_suffix("").as_posix() not in docnames:
                continue
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(strip_solutions(nbformat.read(path, as_version=4)), target)
        else:
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


# --- reader notebooks ---------------------------------------------------------------------------------

def glue_values(nb: nbformat.NotebookNode) -> dict[str, str]:
    """{name: text/plain} of every value the notebook glued (myst-nb's ``scrapbook`` output metadata)."""
    values = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get("scrapbook")
            if not meta:
                continue
            prefix = meta.get("mime_prefix", "")
            text = output.get("data", {}).get(prefix + "text/plain")
            if text is not None:
                values[meta["name"]] = text
    return values


def _format_glue(text: str, spec: str) -> str:
    """A glued value as the book shows it: ``format(value, spec)`` of its text/plain repr (numpy scalars
    such as ``np.float64(0.5)`` unwrapped); the repr itself if it is not a literal."""
    text = text.strip()
    unwrapped = re.sub(r"^np\.\w+\((.*)\)$", r"\1", text)
    try:
        value = ast.literal_eval(unwrapped)
    except (ValueError, SyntaxError):
        return text.strip("'\"")
    if not spec:
        return str(value)
    try:
        return format(value, spec)
    except (ValueError, TypeError):
        return str(value)


@lru_cache(maxsize=4)
def bibliography(bib_path: Path) -> dict[str, tuple[str, str]]:
    """{key: (authors as cited, year)} from a BibTeX file (``Kaplan et al.``, ``Hoffmann and Borgeaud``)."""
    from pybtex.database import parse_file

    out = {}
    for key, entry in parse_file(str(bib_path)).entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        last = [" ".join(p.last_names).replace("{", "").replace("}", "") for p in people]
        if not last:
            names = entry.fields.get("author", entry.fields.get("organization", key)).replace("{", "").replace("}", "")
        elif len(last) == 1:
            names = last[0]
        elif len(last) == 2:
            names = f"{last[0]} and {last[1]}"
        else:
            names = f"{last[0]} et al."
        out[key] = (names, entry.fields.get("year", "n.d."))
    return out


def section_titles(book_dir: Path) -> dict[str, str]:
    """{label: title} for every ``(label)=`` target in the book's sources (the heading or the text after it)."""
    titles = {}
    for source in book_dir.glob("*.md"):
        lines = source.read_text().splitlines()
        for i, line in enumerate(lines):
            m = re.match(r"^\((?P<label>[\w-]+)\)=\s*$", line)
            if m:
                nxt = next((ln for ln in lines[i + 1:] if ln.strip()), "")
                titles[m["label"]] = re.sub(r"^#+\s*", "", nxt).strip()
    return titles


def _cite(keys: str, bib: dict, textual: bool) -> str:
    parts = []
    for key in [k.strip() for k in keys.split(",") if k.strip()]:
        names, year = bib.get(key, (key, ""))
        parts.append(f"{names} ({year})" if textual else f"{names}, {year}")
    return "; ".join(parts) if textual else "(" + "; ".join(parts) + ")"


def _target_text(content: str) -> tuple[str, str | None]:
    m = re.match(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", content, re.S)
    return (m["text"], m["target"]) if m else (content, None)


def plain_roles(text: str, *, glue: dict, bib: dict, titles: dict, figures: dict, exercises: dict | None = None) -> str:
    """Replace MyST roles by plain text: glue values, citations, terms, references, figure and exercise
    numbers (``exercises``: {label: number} of the page's exercises, as plain_directives numbers them)."""
    exercises = exercises or {}
    def role(m: re.Match) -> str:
        name, content = m["role"], m["content"]
        if name.startswith("glue"):
            key, _, spec = content.partition(":")
            key = key.split("::")[-1]
            return _format_glue(glue[key], spec) if key in glue else f"[{key}]"
        if name in ("cite:p", "cite:ps", "cite", "cite:alp"):
            return _cite(content, bib, textual=False)
        if name.startswith("cite"):
            return _cite(content, bib, textual=True)
        shown, target = _target_text(content)
        if name in ("numref", "ref") and (target or content) in exercises:
            number = exercises[target or content]
            return shown.replace("%s", str(number)) if target and "%s" in shown else f"Exercise {number}"
        if name == "numref":
            label = target or content
            number = figures.get(label)
            if target and "%s" in shown:
                return shown.replace("%s", str(number or "")) if number else shown.replace(" %s", "")
            return f"{FIGURE_WORD} {number}" if number else "the figure"
        if name in ("ref", "doc") and not target:
            return titles.get(content, content)
        if name == "math":
            return f"${content}$"
        return shown
    return re.sub(r"\{(?P<role>[\w:-]+)\}`(?P<content>[^`]*)`", role, text)


def plain_directives(text: str, exercises: dict | None = None, tags: dict | None = None) -> str:
    """Directives (``:::{name} args`` ... ``:::``) as plain markdown: a bold heading, the body, no fences;
    ``(label)=`` targets dropped. ``exercises``: {label: number} ("3.2", as the site numbers them; an
    exercise without a label is counted in this text); ``tags``: {label: text after its heading}."""
    exercises, tags = exercises or {}, tags or {}
    out, numbers, stack = [], {"exercise": 0}, []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if stack and stack[-1] == "code":  # inside a plain code block: copied as it is
            out.append(line)
            if re.match(r"^\s*`{3,}\s*$", line):
                stack.pop()
            i += 1
            continue
        m = re.match(r"^\s*(:{3,}|`{3,})\{(?P<name>[\w:-]+)\}\s*(?P<args>.*)$", line)
        if m:
            name, args = m["name"], m["args"].strip()
            stack.append("directive")
            i += 1
            label = None
            while i < len(lines) and re.match(r"^\s*:[\w-]+:", lines[i]):
                m_label = re.match(r"^\s*:label:\s*(\S+)", lines[i])
                label = m_label.group(1) if m_label else label
                i += 1  # directive options (:class:, :label:, ...)
            if name == "exercise":
                numbers["exercise"] += 1
                number = exercises.get(label, numbers["exercise"])
                heading = (f"**Exercise {number}**" + (f" ({args})" if args else "")
                           + (f" · {tags[label]}" if label in tags else ""))
            elif name == "solution-start":
                heading = "**Solution**"
            elif name in ("solution-end", "glossary", "bibliography"):
                heading = ""
            elif name == "admonition":
                heading = f"**{args}**" if args else ""
            else:
                heading = f"**{name.replace('-', ' ').capitalize()}**" + (f": {args}" if args else "")
            if heading:
                out += [heading, ""]
            continue
        if re.match(r"^\s*`{3,}\S*\s*$", line) and not re.match(r"^\s*`{3,}\s*$", line) or \
                (re.match(r"^\s*`{3,}\s*$", line) and not stack):
            stack.append("code")  # a plain code block opens
            out.append(line)
        elif re.match(r"^\s*(:{3,}|`{3,})\s*$", line) and stack:
            stack.pop()  # a directive closes: its fence is dropped
        elif not re.match(r"^\([\w-]+\)=\s*$", line):
            out.append(line)
        i += 1
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")


def _png_of(output: dict) -> str | None:
    data = output.get("data", {})
    png = data.get("image/png")
    return "".join(png) if isinstance(png, list) else png


def static_chart_html(output: dict) -> str | None:
    """The chart's HTML with its static PNG inside: shown until (and unless) the interactive view loads;
    the script's red "Error loading script" is replaced by a console warning."""
    data = output.get("data", {})
    page = data.get("text/html")
    png = _png_of(output)
    if not page or not png:
        return None
    page = "".join(page) if isinstance(page, list) else page
    if "vegaEmbed" not in page or "reader-static-chart" in page:
        return None
    desc = html_lib.escape(str(data.get("text/plain", "chart")).strip()[:300], quote=True)
    img = (f'<img class="reader-static-chart" alt="{desc}" style="max-width:100%;height:auto" '
           f'src="data:image/png;base64,{png.strip()}">')
    m = re.search(r'<div id="(?P<id>altair-viz-[\w-]+)"></div>', page)
    if not m:
        return img + page
    page = page.replace(m.group(0), f'<div id="{m["id"]}">{img}</div>', 1)
    page = page.replace("outputDiv.innerHTML = `<div class=\"error\" style=\"color:red;\">${err}</div>`;",
                        "console.warn(err);")
    return page


#: What the site calls a figure before its number ("Fig. 3.4"): the reader notebooks say the same.
FIGURE_WORD = "Fig."


def _caption_cell(caption: str, number, **ctx) -> nbformat.NotebookNode:
    text = plain_roles(" ".join(caption.split()), **ctx)
    return nbformat.v4.new_markdown_cell(f"*{FIGURE_WORD} {number}.* {text}")


EXERCISE_LABEL = re.compile(r"^\s*:{3,}\{exercise\}[^\n]*\n(?:\s*:[\w-]+:[^\n]*\n)*?\s*:label:\s*(\S+)", re.M)
GLUE_IMPORT = re.compile(r"^from myst_nb import glue\s*$", re.M)
GLUE_FALLBACK = ("try:\n    from myst_nb import glue\n"
                 "except ImportError:  # outside the book: glue only hands values to the book's text\n"
                 "    def glue(name, value, display=True):\n        return value if display else None")
# The interactive tables come with the `book` extra, not with `pip install` of the package (Colab, Binder):
# without itables a reader notebook shows the same table as plain HTML.
ITABLES_IMPORT = re.compile(r"^from itables import (?P<names>[\w ,]+?)[ \t]*$", re.M)
ITABLES_FALLBACK = ("try:\n    from itables import \\g<names>\n"
                    "except ImportError:  # outside the book: the same table, as plain HTML\n"
                    "    from IPython.display import HTML, display\n\n"
                    "    JavascriptFunction = str\n\n"
                    "    def init_notebook_mode(*args, **kwargs):\n        return None\n\n"
                    "    def show(frame, *args, allow_html=False, **kwargs):\n"
                    "        display(HTML(frame.to_html(escape=not allow_html)))")
#: Of papermill's notebook metadata, what a reader may want (its input and output paths are the builder's).
PAPERMILL_KEPT = ("parameters", "default_parameters", "version")


def reader_notebook(nb: nbformat.NotebookNode, *, bib: dict, titles: dict, repo_url: str | None = None,
                    chapter: int | None = None, tags: dict | None = None) -> nbformat.NotebookNode:
    """A copy of the executed page ``nb`` that works outside the book (see the module docstring); a reader
    notebook is returned unchanged (Sphinx leaves the copies of unchanged pages in place). ``chapter``: the
    page's chapter number, so figures and exercises read "Fig. 3.4", "Exercise 3.2" as on the site;
    ``tags``: {exercise label: its difficulty, time and kind} (tools/course.py)."""
    out = copy.deepcopy(nb)
    if out.metadata.get("scaling_book", {}).get("edition"):
        return out
    glue = glue_values(out)
    figures, n = {}, 0
    for cell in out.cells:
        fig = cell.get("metadata", {}).get("mystnb", {}).get("figure") if cell.cell_type == "code" else None
        if fig:
            n += 1
            if fig.get("name"):
                figures[fig["name"]] = f"{chapter}.{n}" if chapter else n
    labels = [m for c in out.cells if c.cell_type == "markdown" for m in EXERCISE_LABEL.findall(c.source)]
    ctx = dict(glue=glue, bib=bib, titles=titles, figures=figures,
               exercises={label: f"{chapter}.{i + 1}" if chapter else i + 1 for i, label in enumerate(labels)})
    cells = []
    for cell in out.cells:
        if cell.cell_type == "markdown":
            if repo_url:  # the repository's address, one setting (tools/book_extensions.py substitutes it on the site)
                cell.source = (cell.source.replace("{{ repository_url }}", repo_url)
                               .replace("{{ repository_name }}", repo_url.rstrip("/").rsplit("/", 1)[-1]))
            cell.source = plain_directives(plain_roles(cell.source, **ctx), exercises=ctx["exercises"], tags=tags)
            if cell.source.strip():
                cells.append(cell)
            continue
        if cell.cell_type == "code":
            cell.source = GLUE_IMPORT.sub(GLUE_FALLBACK, cell.source)
            cell.source = ITABLES_IMPORT.sub(ITABLES_FALLBACK, cell.source)
            for output in cell.get("outputs", []):
                page = static_chart_html(output)
                if page is not None:
                    output["data"]["text/html"] = page
        cells.append(cell)
        fig = cell.get("metadata", {}).get("mystnb", {}).get("figure") if cell.cell_type == "code" else None
        if fig and fig.get("caption"):
            cells.append(_caption_cell(fig["caption"], figures.get(fig.get("name"), len(figures)), **ctx))
    if repo_url and any(c.cell_type == "code" for c in cells):
        cells.insert(0, nbformat.v4.new_markdown_cell(
            "*A notebook of the executable book at " + repo_url + ". To run it outside the book (Colab, a "
            "laptop), install the book's package and its runtime dependencies first:* "
            f'`pip install "git+{repo_url}"` *(on Colab, in a first cell, with `!` in front).*'))
    out.cells = cells
    if "papermill" in out.metadata:
        out.metadata["papermill"] = {k: v for k, v in out.metadata["papermill"].items() if k in PAPERMILL_KEPT}
    out.metadata.setdefault("scaling_book", {})["edition"] = "reader notebook (works outside the book)"
    return out


def write_reader_notebooks(root: Path, html: Path, student: bool = False) -> list[Path]:
    """Replace every downloadable notebook of the built site ``html`` (``_sources/**/*.ipynb``, also the
    launch buttons' targets) by its reader notebook; in the student edition, strip solutions again (a
    safety net: the student tree has none)."""
    bib_files = [root / "references.bib"]
    bib = bibliography(bib_files[0]) if bib_files[0].exists() else {}
    book_dir = root / "book"
    titles = section_titles(book_dir if any(book_dir.glob("*.md")) else Path(__file__).resolve().parents[1] / "book")
    config = root / "_config.yml"
    repo_url = (yaml.safe_load(config.read_text()) or {}).get("repository", {}).get("url") if config.exists() else None
    # The course kit (tools/course.py): chapter numbers as on the site, exercise tags, the install cell and,
    # in the student edition, answer cells and checks.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import course

    chapters = course.chapter_numbers(root / "_toc.yml") if (root / "_toc.yml").exists() else {}
    tags = course.exercise_tags()
    written = []
    for path in sorted((html / "_sources").rglob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        docname = path.relative_to(html / "_sources").with_suffix("").as_posix()
        fresh = not nb.metadata.get("scaling_book", {}).get("edition")
        if student:
            nb = strip_solutions(nb)
            nb = course.mark_answer_slots(nb) if fresh else nb
        out = reader_notebook(nb, bib=bib, titles=titles, repo_url=repo_url, chapter=chapters.get(docname), tags=tags)
        out = course.finish_reader_notebook(out, docname=docname, student=student, repo_url=repo_url)
        nbformat.write(out, path)
        written.append(path)
    return written
