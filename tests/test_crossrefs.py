"""Every numbered figure of a chapter is referred to from the prose: a reader is told what to see in it.

A figure label is the ``name`` of a cell's ``mystnb.figure`` metadata (both jupytext spellings: a ``---``
YAML block or ``:key:`` option lines), the ``:name:`` of a ``{figure}`` directive, or a ``(fig-...)=``
target. A reference is ``{numref}`` or ``{ref}``, bare or with a title (``{numref}`Figure %s <fig-x>```),
anywhere in book/.
"""

from __future__ import annotations

import re

import pytest
import yaml

_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(?P<body>.*?)^```", re.S | re.M)
_DIRECTIVE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{figure\}[^\n]*\n(?P<body>.*?)^(?P=fence)\s*$", re.S | re.M)
_TARGET = re.compile(r"^\((?P<label>fig-[^)\s]+)\)=\s*$", re.M)
_REFERENCE = re.compile(r"\{(?:numref|ref)\}`(?:[^`<]*<(?P<titled>[^>`]+)>|(?P<bare>[^`]+))`")


def _cell_metadata(body: str) -> dict:
    """The metadata of one code cell: a leading ``---`` YAML block or leading ``:key:`` option lines."""
    lines = body.splitlines()
    if lines and lines[0].strip() == "---":
        end = lines.index("---", 1)
        return yaml.safe_load("\n".join(lines[1:end])) or {}
    options = []
    for line in lines:
        if not line.startswith(":"):
            break
        options.append(line[1:])
    return (yaml.safe_load("\n".join(options)) or {}) if options else {}


def figure_labels(text: str) -> list[str]:
    """Labels of the numbered figures a MyST page defines, in page order."""
    labels = []
    for cell in _CELL.finditer(text):
        meta = _cell_metadata(cell.group("body"))
        figure = (meta.get("mystnb") or {}).get("figure") if isinstance(meta, dict) else None
        if isinstance(figure, dict) and figure.get("name"):
            labels.append(str(figure["name"]))
    for directive in _DIRECTIVE.finditer(text):
        name = re.search(r"^:name:\s*(\S+)", directive.group("body"), re.M)
        if name:
            labels.append(name.group(1))
    labels += [m.group("label") for m in _TARGET.finditer(text)]
    return labels


def references(text: str) -> set[str]:
    """Labels a page refers to with {numref} or {ref}."""
    return {(m.group("titled") or m.group("bare")).strip() for m in _REFERENCE.finditer(text)}


def unreferenced_figures(pages: dict[str, str]) -> dict[str, list[str]]:
    """Per page, the figure labels no page refers to."""
    referred = set().union(*(references(t) for t in pages.values())) if pages else set()
    missing = {name: [f for f in figure_labels(t) if f not in referred] for name, t in pages.items()}
    return {name: labels for name, labels in missing.items() if labels}


@pytest.fixture(scope="module")
def pages(root) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted((root / "book").glob("*.md"))}


def test_the_parser_finds_every_kind_of_figure_label():
    page = """
```{code-cell} ipython3
:mystnb:
:  figure:
:    caption: A chart.
:    name: fig-colon

chart()
```

```{code-cell} ipython3
---
mystnb:
  figure:
    name: fig-yaml
    caption: |
      Another chart.
---
chart()
```

```{code-cell} ipython3
:tags: [remove-cell]

glue("x", 1)
```

:::{figure} picture.png
:name: fig-directive

A picture.
:::

(fig-target)=
Some text citing {numref}`fig-colon`, {numref}`Figure %s <fig-yaml>` and {ref}`the picture <fig-directive>`.
"""
    assert figure_labels(page) == ["fig-colon", "fig-yaml", "fig-directive", "fig-target"]
    assert references(page) == {"fig-colon", "fig-yaml", "fig-directive"}
    assert unreferenced_figures({"page.md": page}) == {"page.md": ["fig-target"]}


def test_every_chapter_figure_is_referenced_from_the_prose(pages):
    labels = [f for text in pages.values() for f in figure_labels(text)]
    assert len(labels) >= 50  # the parser finds the book's figures (the test would pass vacuously otherwise)
    assert len(labels) == len(set(labels)), "a figure label is defined twice"
    assert unreferenced_figures(pages) == {}


def test_every_figure_reference_names_a_figure(pages):
    labels = {f for text in pages.values() for f in figure_labels(text)}
    dangling = {name: sorted(r for r in references(text) if r.startswith("fig-") and r not in labels)
                for name, text in pages.items()}
    assert {name: refs for name, refs in dangling.items() if refs} == {}
