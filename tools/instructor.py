"""The instructor edition (issue 29, item 4): the key a teacher grades with, kept out of the public site.

``python tools/instructor.py [OUT]`` (``make instructor``) writes into ``_build/instructor`` (never under
``_build/html``, which is what the site deploys):

* ``notebooks/<chapter>.ipynb``: the full reader notebook (every solution) with, after each checked
  exercise's solution, its check run against the reference (``grader.check(...)``) and a grading note;
* ``checks/<chapter>/<label>.py``: the otter-grader test files the student notebooks carry;
* ``grading-notes.md``: per chapter, every exercise with its number, difficulty, time and kind, and for a
  checked one the values the check compares (computed here from the reference solutions) and its points;
* ``README.md``: how to hand out a chapter and grade it.

It reads the executed pages (``book/*.ipynb``, from ``make book``); nothing is executed but the reference
solutions of the checked exercises (a few seconds).
"""

from __future__ import annotations

import copy
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import course  # noqa: E402

ROOT = course.ROOT
OUT = ROOT / "_build" / "instructor"
END = re.compile(r"^\s*(?P<fence>:{3,})\{solution-end\}")
START = re.compile(r"^\s*:{3,}\{solution-start\}\s*(?P<label>\S+)")
KEY = "course_solution_end"


def mark_solution_ends(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of the executed page ``nb`` whose markdown cells are split after each solution's closing
    fence (``solution-end`` and its ``:::``), with a raw cell marking the place (``metadata.course_solution_end``:
    the exercise's label, from the ``solution-start`` before it)."""
    out = copy.deepcopy(nb)
    cells, label, closing = [], None, None
    for cell in out.cells:
        if cell.cell_type != "markdown":
            cells.append(cell)
            continue
        chunk = []
        for line in cell.source.splitlines():
            chunk.append(line)
            start = START.match(line)
            label = start["label"] if start else label
            end = END.match(line)
            if end:
                closing = end["fence"]
                continue
            if closing is not None and line.strip() == closing:
                cells.append(nbformat.v4.new_markdown_cell("\n".join(chunk)))
                cells.append(nbformat.v4.new_raw_cell("", metadata={KEY: label or ""}))
                chunk, closing = [], None
        if "\n".join(chunk).strip():
            cells.append(nbformat.v4.new_markdown_cell("\n".join(chunk)))
    out.cells = cells
    return out


def reference_values(label: str) -> list[tuple[str, str]]:
    """[(expression, reference value as the check compares it)] of a checked exercise."""
    ex = course.load_exercises()[label]
    ns = course.run_reference(label)
    return [(a.expr, course.canonical(eval(a.expr, dict(ns)), a.sig)) for a in ex.check.answers]


def grading_note(label: str, number: str, values: list[tuple[str, str]] | None) -> str:
    ex = course.load_exercises()[label]
    text = f"**Grading, Exercise {number}** ({label}): {ex.tag()}."
    if ex.check and values:
        compared = "; ".join(f"`{expr}` = {value} ({'whole number' if a.sig is None else f'{a.sig} significant figures'})"
                             for (expr, value), a in zip(values, ex.check.answers))
        text += f" The check (`grader.check(\"{label}\", globals())`, {len(values)} point(s)) compares {compared}."
    else:
        text += " No automatic check: grade the working against the solution above."
    return text


def instructor_notebook(docname: str, values: dict) -> nbformat.NotebookNode:
    """The full reader notebook of ``docname`` with the checks cell first and, after each solution, its
    grading note and (for a checked exercise) the check run against the reference."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import editions
    import yaml

    nb = mark_solution_ends(nbformat.read(ROOT / f"{docname}.ipynb", as_version=4))
    repo_url = (yaml.safe_load((ROOT / "_config.yml").read_text()) or {}).get("repository", {}).get("url")
    out = editions.reader_notebook(nb, bib=editions.bibliography(ROOT / "references.bib"),
                                   titles=editions.section_titles(ROOT / "book"), repo_url=repo_url,
                                   chapter=course.chapter_numbers().get(docname), tags=course.exercise_tags())
    out = course.finish_reader_notebook(out, docname=docname, student=False, repo_url=repo_url)
    numbers, exercises, cells = course.exercise_numbers(), course.load_exercises(), []
    for cell in out.cells:
        label = cell.get("metadata", {}).get(KEY) if cell.cell_type == "raw" else None
        if label is None:
            cells.append(cell)
            continue
        if label not in exercises or label not in numbers:
            continue
        cells.append(nbformat.v4.new_markdown_cell(grading_note(label, numbers[label], values.get(label)),
                                                   metadata={"tags": ["course-grading"]}))
        if exercises[label].check:
            cells.append(nbformat.v4.new_code_cell(f'grader.check("{label}", globals())',
                                                   metadata={"tags": ["course-check"]}))
    tests = course.chapter_checks(docname)
    install = next((i for i, c in enumerate(cells) if "course-install" in c.get("metadata", {}).get("tags", [])), None)
    if install is not None and repo_url:  # the key runs the checks too: install their grader on Colab and Binder
        cells[install].source = course.install_cell_source(repo_url, student=True)
    if tests:
        install = 0 if install is None else install
        cells.insert(install + 1, nbformat.v4.new_code_cell(course.checks_cell_source(docname, tests),
                                                            metadata={"tags": ["course-checks"]}))
    out.cells = cells
    out.metadata.setdefault("scaling_book", {})["course"] = "instructor"
    return out


def notes_markdown(docname: str, values: dict) -> str:
    """The grading notes of one chapter: a table of its exercises."""
    numbers, exercises = course.exercise_numbers(), course.load_exercises()
    labels = course.exercise_labels((ROOT / f"{docname}.md").read_text())
    k = course.chapter_numbers()[docname]
    rows = [f"## Chapter {k}: {docname.rsplit('/', 1)[-1]}", "",
            "| exercise | label | level | minutes | kind | checked values (reference) |", "|---|---|---|---|---|---|"]
    for label in labels:
        ex = exercises[label]
        checked = "; ".join(f"`{e}` = {v}" for e, v in values.get(label, [])) or "graded by hand"
        rows.append(f"| {numbers[label]} | {label} | {course.DIFFICULTY[ex.difficulty]} | {ex.minutes} | {ex.kind} | {checked} |")
    return "\n".join(rows) + "\n"


README = """# Instructor edition (not for students)

Built by `make instructor` from the executed book; never deployed with the site.

- `notebooks/<chapter>.ipynb`: every solution, and after each one a grading note; for a checked exercise
  the check itself, which passes on the reference solution when the notebook is run top to bottom.
- `checks/<chapter>/`: the otter-grader test files. The student notebooks write the same files beside
  themselves (their checks cell) and run them with `grader.check("<label>", globals())`; the checks compare
  a SHA-256 of the student's value rounded to the stated significant figures, so no answer is in a student
  notebook.
- `grading-notes.md`: every exercise with its number, level, time and kind, and the reference values the
  checks compare.

To grade a class's notebooks in batch, otter-grader's own `otter grade` can run these test files; the
student notebooks also work one by one (run all cells: each check prints what passed and what failed).
"""


def build(out: Path = OUT) -> dict:
    """Write the instructor edition into ``out``; returns counts of what it wrote."""
    start = time.perf_counter()
    if out.exists():
        shutil.rmtree(out)
    (out / "notebooks").mkdir(parents=True)
    chapters = sorted(course.chapter_numbers(), key=course.chapter_numbers().get)
    missing = [d for d in chapters if not (ROOT / f"{d}.ipynb").exists()]
    if missing:
        raise ValueError(f"docname: no executed notebook for {missing} (run make book first)")
    exercises = course.load_exercises()
    values = {label: reference_values(label) for label, ex in exercises.items() if ex.check}
    notes = ["# Grading notes", "",
             "Levels: warm-up, core, stretch. Kinds: paper (by hand), code (with the package), reading "
             "(an argument from the chapter). A checked exercise is worth one point per value compared.", ""]
    for docname in chapters:
        slug = docname.rsplit("/", 1)[-1]
        nbformat.write(instructor_notebook(docname, values), out / "notebooks" / f"{slug}.ipynb")
        for label, text in course.chapter_checks(docname).items():
            (out / "checks" / slug).mkdir(parents=True, exist_ok=True)
            (out / "checks" / slug / f"{label}.py").write_text(text)
        notes.append(notes_markdown(docname, values))
    (out / "grading-notes.md").write_text("\n".join(notes))
    (out / "README.md").write_text(README)
    counts = {"chapters": len(chapters), "checks": len(values), "seconds": round(time.perf_counter() - start, 1)}
    print(f"instructor edition ({counts['chapters']} chapters, {counts['checks']} checked exercises) in "
          f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} in {counts['seconds']} s", flush=True)
    return counts


if __name__ == "__main__":
    build(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else OUT)
