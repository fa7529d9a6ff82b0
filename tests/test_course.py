"""The course kit (tools/course.py, issue 29): one numbering everywhere, tagged exercises with answer cells in
the student notebooks, checks a student runs offline (otter-grader) that the reference solutions pass and
an empty answer fails, and a first cell that installs the package on Colab or Binder only."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
spec = importlib.util.spec_from_file_location("course", ROOT / "tools" / "course.py")
course = importlib.util.module_from_spec(spec)
sys.modules.setdefault("course", course)
spec.loader.exec_module(course)

EXERCISES = course.load_exercises()
CHECKED = sorted(label for label, ex in EXERCISES.items() if ex.check is not None)
CHAPTERS = sorted(course.chapter_numbers(), key=course.chapter_numbers().get)


def _otter_result(label: str, env: dict, tmp_path: Path):
    """Run the otter-grader check of ``label`` against ``env``, as a student's notebook does."""
    import otter

    folder = tmp_path / "checks"
    folder.mkdir(exist_ok=True)
    (folder / f"{label}.py").write_text(course.otter_test_source(EXERCISES[label], course.exercise_numbers()[label]))
    cwd = os.getcwd()
    os.chdir(tmp_path)  # otter logs its events in the working directory
    try:
        return otter.Notebook(tests_dir=str(folder)).check(label, env)
    finally:
        os.chdir(cwd)


# ------------------------------------------------------------------------------- exercise facts

def test_every_exercise_has_its_facts_and_no_entry_is_stale():
    labels = []
    for docname in CHAPTERS:
        labels += course.exercise_labels((ROOT / f"{docname}.md").read_text())
    assert len(labels) >= 30 and len(set(labels)) == len(labels)
    assert sorted(EXERCISES) == sorted(labels), (set(labels) ^ set(EXERCISES))
    kinds = {ex.kind for ex in EXERCISES.values()}
    assert kinds == set(course.KINDS)
    # Every chapter a teacher may hand out has at least one exercise its students can check.
    for docname in CHAPTERS:
        mine = course.exercise_labels((ROOT / f"{docname}.md").read_text())
        assert any(EXERCISES[lb].check for lb in mine), f"{docname}: no checked exercise"


@pytest.mark.parametrize("entry, message", [
    ({"difficulty": 4, "minutes": 10, "kind": "code"}, "difficulty must be one of"),
    ({"difficulty": 1, "minutes": 0, "kind": "code"}, "minutes must be an integer"),
    ({"difficulty": 1, "minutes": True, "kind": "code"}, "minutes must be an integer"),
    ({"difficulty": 1, "minutes": 10, "kind": "video"}, "kind must be one of"),
    ({"difficulty": 1, "minutes": 10, "kind": "code", "check": {"ask": "x", "answers": []}}, "at least one answer"),
    ({"difficulty": 1, "minutes": 10, "kind": "code",
      "check": {"ask": "x", "answers": [{"expr": "x", "sig": 0, "sha256": "a"}]}}, "sig must be 1-15"),
    ("easy", "expected a mapping"),
])
def test_a_bad_entry_is_refused_naming_its_label(tmp_path, entry, message):
    import yaml

    path = tmp_path / "ex.yml"
    path.write_text(yaml.safe_dump({"xx-ex-bad": entry}))
    with pytest.raises(ValueError, match=rf"'xx-ex-bad'.*{message}|{message}.*'xx-ex-bad'|'xx-ex-bad': {message}"):
        course.load_exercises(path)


def test_canonical_rounds_to_the_stated_figures_and_refuses_what_is_not_a_number():
    assert course.canonical(13_888_888.9, 2) == "1.4e+07" == course.canonical(1.4e7, 2)
    assert course.digest(0.8479, 3) == course.digest(0.848, 3) != course.digest(0.85, 3)
    assert course.canonical([1.24, 2.0], 2) == "1.2,2" and course.canonical(341.0, None) == "341"
    for bad in (float("nan"), float("inf"), "341", [], [1.0, float("nan")]):
        with pytest.raises(ValueError, match="value"):
            course.canonical(bad, 2)


# ------------------------------------------------------------------------------- numbering

def test_exercise_numbers_follow_the_chapter_numbers_of_the_toc():
    numbers, chapters = course.exercise_numbers(), course.chapter_numbers()
    for docname, k in chapters.items():
        labels = course.exercise_labels((ROOT / f"{docname}.md").read_text())
        assert [numbers[lb] for lb in labels] == [f"{k}.{i}" for i in range(1, len(labels) + 1)]


def _caption_numbers(html: str) -> list[str]:
    return [" ".join(m.split()) for m in re.findall(r'<span class="caption-number">([^<]+)</span>', html)]


def _notebook_numbers(nb) -> list[str]:
    out = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            out += [f"Fig. {m}" for m in re.findall(r"^\*Fig\. (\d+\.\d+)\.\*", cell.source, re.M)]
            out += [f"Exercise {m}" for m in re.findall(r"^\*\*Exercise (\d+\.\d+)\*\*", cell.source, re.M)]
    return out


@pytest.mark.parametrize("docname", CHAPTERS)
def test_the_notebooks_number_figures_and_exercises_as_the_site_does(docname):
    """The full and the student reader notebooks show the same "Fig. k.n" and "Exercise k.i", in the
    same order, as the chapter's page on the site (and the student site)."""
    if not (ROOT / f"{docname}.ipynb").exists():
        pytest.fail(f"no executed {docname}.ipynb: run make book first")
    full = _notebook_numbers(course.edition_notebook(docname, student=False))
    student = _notebook_numbers(course.edition_notebook(docname, student=True))
    k = course.chapter_numbers()[docname]
    figures = [n for n in full if n.startswith("Fig.")]
    exercises = [n for n in full if n.startswith("Exercise")]
    assert figures == [f"Fig. {k}.{i}" for i in range(1, len(figures) + 1)] and figures
    assert exercises == [f"Exercise {k}.{i}" for i in range(1, len(exercises) + 1)] and len(exercises) >= 3
    assert student == full
    for site in (ROOT / "_build" / "html", ROOT / "_build" / "student" / "html"):
        page = site / f"{docname}.html"
        # A site built from these executed pages (as make test builds it); a page older than them is stale.
        if page.exists() and page.stat().st_mtime >= (ROOT / f"{docname}.ipynb").stat().st_mtime:
            shown = [n for n in _caption_numbers(page.read_text()) if n.startswith(("Fig.", "Exercise"))]
            assert sorted(shown) == sorted(full), f"{page}: {shown} vs the notebook's {full}"


# ------------------------------------------------------------------------------- student notebooks

@pytest.mark.parametrize("docname", CHAPTERS)
def test_student_notebook_has_tagged_exercises_each_followed_by_its_answer_cells(docname):
    nb = course.edition_notebook(docname, student=True)
    labels = course.exercise_labels((ROOT / f"{docname}.md").read_text())
    numbers = course.exercise_numbers()
    for label in labels:
        ex, number = EXERCISES[label], numbers[label]
        at = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
                  and f"**Exercise {number}**" in c.source)
        assert f"**Exercise {number}** · {ex.tag()}" in nb.cells[at].source
        after = nb.cells[at + 1]
        assert after.metadata["course"]["label"] == label and "course-answer" in after.metadata["tags"]
        assert after.cell_type == ("code" if ex.kind == "code" else "markdown")
        if ex.check:
            following = nb.cells[at + 1: at + 4]
            assert any(c.source == f'grader.check("{label}", globals())' for c in following)
    assert not any(c.cell_type == "raw" for c in nb.cells)  # no slot marker left
    assert "solution-start" not in nbformat.writes(nb)
    full = course.edition_notebook(docname, student=False)
    assert not any("course-answer" in c.get("metadata", {}).get("tags", []) for c in full.cells)


def test_student_notebook_checks_run_offline_in_the_notebook(tmp_path):
    """In a kernel with no network: the checks cell writes the otter files, and grader.check passes the
    reference answer and fails an empty one, showing no answer."""
    from nbclient import NotebookClient

    nb = course.edition_notebook("book/scaling-laws", student=True)
    setup = [c for c in nb.cells if set(c.metadata.get("tags", [])) & {"course-install", "course-checks"}]
    check = next(c for c in nb.cells if c.source.startswith('grader.check("sl-ex-h100"'))
    answer = course.reference_code((ROOT / "book" / "scaling-laws.md").read_text())["sl-ex-h100"]
    mini = nbformat.v4.new_notebook()
    mini.cells = [*setup, nbformat.v4.new_code_cell(check.source), nbformat.v4.new_code_cell(answer),
                  nbformat.v4.new_code_cell(check.source)]
    NotebookClient(mini, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = lambda cell: "".join(o.get("data", {}).get("text/plain", "") + o.get("text", "") for o in cell.outputs)
    empty, reference = text(mini.cells[-3]), text(mini.cells[-1])
    assert "failed" in empty and "gpu_hours" in empty
    assert "All test cases passed" in reference
    assert (tmp_path / "course-checks" / "scaling-laws" / "sl-ex-h100.py").exists()
    expected = f"{course.run_reference('sl-ex-h100')['gpu_hours']:.2g}"
    assert expected not in nbformat.writes(nb).replace("2e25", "")  # the answer is nowhere in the notebook


@pytest.mark.parametrize("label", CHECKED)
def test_the_reference_solution_passes_its_check_and_an_empty_answer_fails(label, tmp_path):
    reference = course.run_reference(label)
    result = _otter_result(label, reference, tmp_path)
    assert result.passed_all, (f"{label}: the reference solution fails its check; after a data change run "
                               f".venv/bin/python tools/course.py rehash\n{result.summary()}")
    empty = course.run_reference(label, solution=False)
    for cell in course.answer_cells(EXERCISES[label], "0.0"):  # the answer cells as handed out, unfilled
        if cell.cell_type == "code" and not cell.source.startswith("grader."):
            exec(cell.source, empty)
    result = _otter_result(label, empty, tmp_path)
    assert not result.passed_all and result.grade == 0


def test_a_wrong_value_fails_with_a_message_naming_the_variable(tmp_path):
    env = course.run_reference("sl-ex-h100")
    env["gpu_hours"] *= 1.2
    result = _otter_result("sl-ex-h100", env, tmp_path)
    assert not result.passed_all and "gpu_hours" in result.summary() and "significant figures" in result.summary()


# ------------------------------------------------------------------------------- the first cell

def _run_install_cell(tmp_path: Path, env_extra: dict, student: bool = False) -> list[str]:
    """Run the install cell with no site-packages (``python -S``: the package is not importable) and a fake
    interpreter that records what the cell asked it to run; returns the recorded argument lines."""
    log = tmp_path / "calls.txt"
    fake = tmp_path / "fake-python"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {log}\n')
    fake.chmod(0o755)
    script = tmp_path / "cell.py"
    script.write_text(f"import sys\nsys.executable = {str(fake)!r}\n"
                      + course.install_cell_source("https://example.org/o/r", student))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COLAB", "BINDER"))}
    subprocess.run([sys.executable, "-S", str(script)], cwd=tmp_path, env={**env, **env_extra}, check=True)
    return log.read_text().splitlines() if log.exists() else []


def test_the_first_cell_installs_on_colab_and_binder_only(tmp_path):
    assert _run_install_cell(tmp_path, {}) == []  # a laptop: nothing, even without the package
    colab = _run_install_cell(tmp_path, {"COLAB_RELEASE_TAG": "release-colab-x"})
    assert colab == ["-m pip install --quiet git+https://example.org/o/r"]
    binder = _run_install_cell(tmp_path, {"BINDER_REPO_URL": "https://github.com/o/r"}, student=True)
    assert binder[-1] == f"-m pip install --quiet git+https://example.org/o/r {course.OTTER_PIN}"
    # Where the package is installed (this environment), nothing is run even on Colab.
    script = tmp_path / "here.py"
    script.write_text("import sys\nsys.executable = '/nonexistent'\n" + course.install_cell_source("https://example.org/o/r"))
    subprocess.run([sys.executable, str(script)], cwd=ROOT, env={**os.environ, "COLAB_RELEASE_TAG": "x"}, check=True)


def test_every_reader_notebook_starts_with_the_install_cell():
    for docname in CHAPTERS:
        for student in (False, True):
            nb = course.edition_notebook(docname, student=student)
            first = next(c for c in nb.cells if c.cell_type == "code")
            assert "course-install" in first.metadata["tags"] and "pip" in first.source
            assert len(first.source.splitlines()) <= 10
    assert len(course.install_cell_source("u", True).splitlines()) <= 10


def test_the_otter_pin_is_the_requirements_pin():
    pins = (ROOT / "requirements.txt").read_text().splitlines()
    assert course.OTTER_PIN in pins


# ------------------------------------------------------------------------------- instructor edition

def test_the_instructor_edition_holds_the_key_and_stays_out_of_the_deploy(tmp_path):
    spec = importlib.util.spec_from_file_location("instructor", ROOT / "tools" / "instructor.py")
    instructor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(instructor)
    counts = instructor.build(tmp_path / "instructor")
    out = tmp_path / "instructor"
    assert counts == {"chapters": len(CHAPTERS), "checks": len(CHECKED), "seconds": counts["seconds"]}
    notes = (out / "grading-notes.md").read_text()
    numbers = course.exercise_numbers()
    for label, ex in EXERCISES.items():
        assert f"| {numbers[label]} | {label} | {course.DIFFICULTY[ex.difficulty]} | {ex.minutes} | {ex.kind} |" in notes
    assert sorted(p.stem for p in (out / "checks").rglob("*.py")) == CHECKED
    key = nbformat.read(out / "notebooks" / "scaling-laws.ipynb", as_version=4)
    text = "\n".join(c.source for c in key.cells)
    answer = course.reference_code((ROOT / "book" / "scaling-laws.md").read_text())["sl-ex-h100"]
    assert answer.splitlines()[0] in text  # the solutions are there
    assert course.OTTER_PIN in key.cells[1].source  # its first cell installs the grader on Colab and Binder
    assert "**Grading, Exercise 1.1**" in text and 'grader.check("sl-ex-h100", globals())' in text
    # Out of the public deploy: the workflow publishes _build/html (with the student edition) only.
    workflow = (ROOT / ".github" / "workflows" / "book.yml").read_text()
    assert "instructor" not in workflow and "publish_dir: ./_build/html" in workflow
    assert instructor.OUT.parent.name == "_build" and instructor.OUT.name != "html"
    makefile = (ROOT / "Makefile").read_text()
    book_recipe = re.search(r"^book:.*?(?=^\S)", makefile, re.S | re.M).group(0)
    assert "instructor" not in book_recipe


# ------------------------------------------------------------------------------- the site's notebooks

def test_the_site_build_writes_the_course_notebooks(tmp_path):
    """tools/editions.write_reader_notebooks (what the site and student builds run on every downloadable
    notebook) makes the same course notebooks, and running it again changes nothing."""
    import shutil

    editions = importlib.import_module("editions")
    for student in (False, True):
        html = tmp_path / ("student" if student else "full") / "_sources" / "book"
        html.mkdir(parents=True)
        shutil.copy2(ROOT / "book" / "scaling-laws.ipynb", html / "scaling-laws.ipynb")
        site = html.parents[1]
        editions.write_reader_notebooks(ROOT, site, student=student)
        once = (html / "scaling-laws.ipynb").read_text()
        editions.write_reader_notebooks(ROOT, site, student=student)
        assert (html / "scaling-laws.ipynb").read_text() == once
        nb = nbformat.reads(once, as_version=4)
        assert _notebook_numbers(nb) == _notebook_numbers(course.edition_notebook("book/scaling-laws", student=student))
        tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
        assert tags.count("course-install") == 1
        assert ("course-answer" in tags) == student and ("course-checks" in tags) == student


def test_no_solution_line_reaches_a_student_notebook(tmp_path):
    """The distinctive solution lines test_student.py probes the student site with are in no student notebook
    (answer cells and checks included), read as that test reads a notebook."""
    sys.path.insert(0, str(ROOT / "tests"))
    import test_student

    probes = test_student._distinctive_solution_lines()
    for docname in CHAPTERS:
        path = tmp_path / f"{docname.rsplit('/', 1)[-1]}.ipynb"
        nbformat.write(course.edition_notebook(docname, student=True), path)
        text = test_student._file_text(path)
        leaks = [line for line in probes.get(docname, []) if test_student._plain(line) in text]
        assert not leaks, f"{docname}: {leaks[:3]}"
        full = tmp_path / "full.ipynb"
        nbformat.write(course.edition_notebook(docname, student=False), full)
        full_text = test_student._file_text(full)  # the probes find the solutions where they are
        assert any(test_student._plain(line) in full_text for line in probes[docname]), docname


def test_a_student_notebook_runs_top_to_bottom_and_its_checks_grade_it(tmp_path):
    """The student notebook of a chapter, as handed out, runs top to bottom (papermill, few resamples; its
    parameters cell still works); its empty answers fail their checks. With the reference code pasted into
    one answer cell, that check passes."""
    import papermill

    nb = course.edition_notebook("book/scaling-laws", student=True)
    answer = course.reference_code((ROOT / "book" / "scaling-laws.md").read_text())["sl-ex-halving"]
    cell = next(c for c in nb.cells if c.metadata.get("course", {}).get("label") == "sl-ex-halving"
                and c.cell_type == "code" and "course-answer" in c.metadata["tags"])
    cell.source += answer
    source = tmp_path / "student.ipynb"
    nbformat.write(nb, source)
    papermill.execute_notebook(str(source), str(tmp_path / "out.ipynb"), parameters={"n_boot": 20},
                               kernel_name="python3", cwd=str(tmp_path), progress_bar=False)
    ran = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    results = {}
    for c in ran.cells:
        if "course-check" in c.metadata.get("tags", []):
            text = "".join(o.get("data", {}).get("text/plain", "") + o.get("text", "") for o in c.outputs)
            results[c.metadata["course"]["label"]] = "All test cases passed" in text
    assert results == {"sl-ex-h100": False, "sl-ex-halving": True, "sl-ex-log": False}


def test_an_exercise_missing_from_the_facts_still_gets_an_answer_cell():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(":::{exercise}\n:label: zz-ex-new\n\nA new question.\n:::\n\nAfter.")]
    marked = course.mark_answer_slots(nb)
    assert [c.cell_type for c in marked.cells] == ["markdown", "raw", "markdown"]
    filled = course.fill_answer_slots(marked, {"zz-ex-new": "9.9"}, EXERCISES, student=True)
    assert [c.cell_type for c in filled.cells] == ["markdown", "markdown", "markdown"]
    assert filled.cells[1].source.startswith("**Your answer to Exercise 9.9**")
    dropped = course.fill_answer_slots(course.mark_answer_slots(nb), {}, EXERCISES, student=False)
    assert [c.cell_type for c in dropped.cells] == ["markdown", "markdown"]


@pytest.mark.parametrize("edition", ["html", "student/html"])
def test_the_site_shows_each_exercise_with_its_tags(edition):
    """On the chapter pages (full site and student edition) each exercise carries its level, time and kind
    under its title (tools/book_extensions.py), as in the notebooks and handouts."""
    site = ROOT / "_build" / edition
    inputs = [ROOT / "tools" / "book_extensions.py", course.EXERCISES_FILE]
    checked = 0
    for docname in CHAPTERS:
        page = site / f"{docname}.html"
        newest = max(p.stat().st_mtime for p in [*inputs, ROOT / f"{docname}.ipynb"])
        if not page.exists() or page.stat().st_mtime < newest:
            continue  # not built from the current inputs (make test rebuilds it first)
        text = page.read_text()
        for label in course.exercise_labels((ROOT / f"{docname}.md").read_text()):
            block = re.search(rf'id="{re.escape(label)}".*?<p class="exercise-tags"><em>([^<]*)</em>', text, re.S)
            assert block and block.group(1) == EXERCISES[label].tag(), (docname, label)
        checked += 1
    if not checked:
        pytest.skip(f"no chapter page of _build/{edition} is built from the current inputs")
