"""The course kit (issue 29): what a teacher hands out and grades with, built from the executed book.

* Numbering: every chapter of the numbered part of ``_toc.yml`` is chapter k, and its exercises are
  "Exercise k.1", "Exercise k.2", ... in page order, as Sphinx numbers them on the site (the reader and
  student notebooks use :func:`exercise_numbers`).
* Exercise facts: ``book/_exercises.yml`` gives each exercise (by label) a difficulty, an expected time
  and a kind (paper, code, reading), and for some code answers a check (:func:`load_exercises`).
* Student notebooks: after each exercise an answer cell (markdown for paper and reading, code for code),
  and for a checked exercise a cell naming the variable to fill and a ``grader.check(...)`` cell.
* Checks: otter-grader's exception-based test files (:func:`otter_test_source`), which compare a SHA-256
  of the student's value rounded to a stated number of significant figures with the reference's, so the
  notebook holds no answer; they run offline, in the notebook (a cell writes them beside it).
* First cell: :func:`install_cell_source` installs the package on Colab or Binder only.

``python tools/course.py rehash`` recomputes the checks' digests from the reference solutions (after a data
change; the course test says when it is needed).
"""

from __future__ import annotations

import copy
import hashlib
import inspect
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXERCISES_FILE = ROOT / "book" / "_exercises.yml"
KINDS = ("paper", "code", "reading")
DIFFICULTY = {1: "warm-up", 2: "core", 3: "stretch"}
KIND_WORDS = {"paper": "on paper", "code": "in code", "reading": "from the reading"}
#: The checks' grader, pinned as in requirements.txt (installed by the first cell on Colab and Binder).
OTTER_PIN = "otter-grader==7.0.0"
CHECKS_DIR = "course-checks"
SLOT_KEY = "course_answer_slot"


@dataclass(frozen=True)
class Answer:
    """One checked value: ``expr`` of the student's variables, compared to ``sig`` significant figures
    (None: as an exact integer) through its SHA-256 ``sha256``."""

    expr: str
    sig: int | None
    sha256: str


@dataclass(frozen=True)
class Check:
    ask: str
    answers: tuple[Answer, ...]
    setup: str = ""


@dataclass(frozen=True)
class Exercise:
    label: str
    difficulty: int
    minutes: int
    kind: str
    check: Check | None = None

    def tag(self) -> str:
        """``core · about 15 min · in code``: what a student sees after the exercise's number."""
        return f"{DIFFICULTY[self.difficulty]} · about {self.minutes} min · {KIND_WORDS[self.kind]}"


def _exercise(label: str, entry) -> Exercise:
    if not isinstance(entry, dict):
        raise ValueError(f"exercise {label!r}: expected a mapping, got {entry!r}")
    difficulty, minutes, kind = entry.get("difficulty"), entry.get("minutes"), entry.get("kind")
    if difficulty not in DIFFICULTY:
        raise ValueError(f"exercise {label!r}: difficulty must be one of {sorted(DIFFICULTY)}, got {difficulty!r}")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 180:
        raise ValueError(f"exercise {label!r}: minutes must be an integer from 1 to 180, got {minutes!r}")
    if kind not in KINDS:
        raise ValueError(f"exercise {label!r}: kind must be one of {KINDS}, got {kind!r}")
    check = None
    if entry.get("check") is not None:
        raw = entry["check"]
        answers = []
        for a in raw.get("answers") or []:
            sig = a.get("sig")
            sig = None if sig in (None, "none") else sig
            if sig is not None and (not isinstance(sig, int) or not 1 <= sig <= 15):
                raise ValueError(f"exercise {label!r}: sig must be 1-15 or none, got {a.get('sig')!r}")
            if not a.get("expr") or not isinstance(a.get("sha256"), str):
                raise ValueError(f"exercise {label!r}: each answer needs expr and sha256, got {a!r}")
            answers.append(Answer(str(a["expr"]), sig, a["sha256"]))
        if not answers or not raw.get("ask"):
            raise ValueError(f"exercise {label!r}: a check needs ask and at least one answer")
        check = Check(str(raw["ask"]), tuple(answers), str(raw.get("setup") or ""))
    return Exercise(label, difficulty, minutes, kind, check)


@lru_cache(maxsize=4)
def _load(path: Path, mtime: int) -> dict[str, Exercise]:
    data = yaml.safe_load(path.read_text()) or {}
    if not isinstance(data, dict):
        raise ValueError(f"path: {path} must map exercise labels to their facts")
    return {label: _exercise(label, entry) for label, entry in data.items()}


def load_exercises(path: Path = EXERCISES_FILE) -> dict[str, Exercise]:
    """{label: Exercise} from ``book/_exercises.yml``; a bad entry is a ValueError naming its label."""
    path = Path(path)
    return _load(path, path.stat().st_mtime_ns)


def exercise_tags(path: Path = EXERCISES_FILE) -> dict[str, str]:
    return {label: ex.tag() for label, ex in load_exercises(path).items()} if Path(path).exists() else {}


# --- numbering ------------------------------------------------------------------------------------------

def chapter_numbers(toc_path: Path = ROOT / "_toc.yml") -> dict[str, int]:
    """{``book/x``: k} for the chapters of the numbered parts of the table of contents (as Sphinx counts)."""
    toc = yaml.safe_load(Path(toc_path).read_text())
    numbers, k = {}, 0
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            if part.get("numbered"):
                k += 1
                numbers[chapter["file"].removesuffix(".md")] = k
    return numbers


EXERCISE_LABEL = re.compile(r"^\s*:{3,}\{exercise\}[^\n]*\n(?:\s*:[\w-]+:[^\n]*\n)*?\s*:label:\s*(\S+)", re.M)


def exercise_labels(text: str) -> list[str]:
    """The labels of the exercises of a page's source (or notebook markdown), in order."""
    return EXERCISE_LABEL.findall(text)


def exercise_numbers(root: Path = ROOT) -> dict[str, str]:
    """{label: "k.i"} for every exercise of the numbered chapters, read from their sources."""
    out = {}
    for docname, k in chapter_numbers(root / "_toc.yml").items():
        source = root / f"{docname}.md"
        if source.exists():
            out.update({label: f"{k}.{i + 1}" for i, label in enumerate(exercise_labels(source.read_text()))})
    return out


# --- the checks -----------------------------------------------------------------------------------------

def canonical(value, sig):
    """The text a check hashes: each number of ``value`` (a number or a sequence of numbers) to ``sig``
    significant figures, or as a whole number when ``sig`` is None; joined by commas."""
    if isinstance(value, (str, bytes)):
        raise ValueError(f"value: expected a number or numbers, got the text {value!r}")
    try:
        items = [float(v) for v in value]
    except TypeError:
        items = [float(value)]
    if not items or any(v != v or v in (float("inf"), float("-inf")) for v in items):
        raise ValueError(f"value: expected finite numbers, got {value!r}")
    return ",".join(f"{round(v):d}" if sig is None else f"{v:.{sig}g}" for v in items)


def digest(value, sig) -> str:
    """SHA-256 (hex) of :func:`canonical` of ``value``."""
    return hashlib.sha256(canonical(value, sig).encode()).hexdigest()


def otter_test_source(ex: Exercise, number: str) -> str:
    """An otter-grader exception-based test file for ``ex``'s check: one case per answer, comparing the
    digest of the student's rounded value with the reference's; the message says what to fix."""
    if ex.check is None:
        raise ValueError(f"ex: exercise {ex.label!r} has no check")
    cases = []
    for i, a in enumerate(ex.check.answers):
        precision = "as a whole number" if a.sig is None else f"to {a.sig} significant figures"
        cases.append(f'''
@test_case(name={a.expr!r}, points=1, hidden=False)
def test_{i}(env):
    try:
        value = eval({a.expr!r}, dict(env))
    except Exception as err:
        raise AssertionError("Exercise {number}: could not compute {a.expr} from your variables ("
                             + type(err).__name__ + ": " + str(err) + ")") from None
    try:
        text = canonical(value, {a.sig!r})
    except (TypeError, ValueError):
        raise AssertionError("Exercise {number}: {a.expr} should be a number, not " + repr(value)[:60]) from None
    assert hashlib.sha256(text.encode()).hexdigest() == {a.sha256!r}, (
        "Exercise {number}: {a.expr} = " + text + " is not the reference value ({precision})")
''')
    return (f'"""Check of Exercise {number} ({ex.label}): {ex.check.ask} (made by tools/course.py)."""\n\n'
            "OK_FORMAT = False\n\nimport hashlib\n\nfrom otter.test_files import test_case\n\n"
            f"name = {ex.label!r}\npoints = {len(ex.check.answers)}\n\n\n"
            + inspect.getsource(canonical) + "".join(cases))


def chapter_checks(docname: str, root: Path = ROOT) -> dict[str, str]:
    """{label: otter test file} for the checked exercises of one chapter."""
    numbers = exercise_numbers(root)
    exercises = load_exercises()
    source = root / f"{docname}.md"
    labels = exercise_labels(source.read_text()) if source.exists() else []
    return {lb: otter_test_source(exercises[lb], numbers[lb]) for lb in labels
            if lb in exercises and exercises[lb].check is not None}


# --- notebook cells -------------------------------------------------------------------------------------

def install_cell_source(repo_url: str, student: bool = False) -> str:
    """The first code cell of a reader notebook: on Colab or Binder (known from the running kernel), install
    the book's package from ``repo_url`` when it is missing; on any other machine, do nothing."""
    extra = f', "{OTTER_PIN}"' if student else ""
    return (
        "# On Colab or Binder only: install the book's package (and the checks' grader). Elsewhere: nothing.\n"
        "import importlib, importlib.util, os, subprocess, sys\n"
        'hosted = "google.colab" in sys.modules or "COLAB_RELEASE_TAG" in os.environ \\\n'
        '    or "BINDER_REPO_URL" in os.environ or "BINDER_LAUNCH_HOST" in os.environ\n'
        + ('needed = [m for m in ("analysis", "otter") if importlib.util.find_spec(m) is None]\n' if student else
           'needed = [m for m in ("analysis",) if importlib.util.find_spec(m) is None]\n')
        + "if hosted and needed:\n"
        f'    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "git+{repo_url}"{extra}], check=True)\n'
        "    importlib.invalidate_caches()\n")


def checks_cell_source(docname: str, tests: dict[str, str]) -> str:
    """A cell that writes the chapter's check files beside the notebook and makes ``grader``."""
    folder = f"{CHECKS_DIR}/{docname.rsplit('/', 1)[-1]}"
    lines = ",\n".join(f"    {label!r}: {json.dumps(text)}" for label, text in tests.items())
    return ("#@title The checks of this chapter's exercises: run this cell, do not edit it\n"
            f"# (otter-grader test files, written to {folder}/ beside this notebook)\n"
            "import pathlib\n"
            f"checks = {{\n{lines},\n}}\n"
            f'pathlib.Path("{folder}").mkdir(parents=True, exist_ok=True)\n'
            f'for name, text in checks.items():\n    pathlib.Path("{folder}", name + ".py").write_text(text)\n'
            "try:\n    import otter\n"
            f'    grader = otter.Notebook(tests_dir="{folder}")\n'
            f'except ImportError:\n    print("To run the checks: pip install {OTTER_PIN}")\n')


def _cell_meta(ex: Exercise, number: str, role: str) -> dict:
    return {"tags": [f"course-{role}"], "course": {"exercise": number, "label": ex.label, "kind": ex.kind,
                                                   "difficulty": ex.difficulty, "minutes": ex.minutes}}


def answer_cells(ex: Exercise, number: str) -> list:
    """The cells a student fills after Exercise ``number``: the answer (markdown for paper and reading,
    code for code) and, for a checked exercise, a code cell for the named variables and the check."""
    cells = []
    if ex.kind == "code":
        cells.append(nbformat.v4.new_code_cell(f"# Exercise {number}: your code here\n",
                                               metadata=_cell_meta(ex, number, "answer")))
    else:
        what = "your working" if ex.kind == "paper" else "your argument"
        cells.append(nbformat.v4.new_markdown_cell(f"**Your answer to Exercise {number}** ({what}):\n\n…",
                                                   metadata=_cell_meta(ex, number, "answer")))
    if ex.check is not None:
        if ex.kind != "code":
            cells.append(nbformat.v4.new_code_cell(f"# Exercise {number}: {ex.check.ask}\n",
                                                   metadata=_cell_meta(ex, number, "answer")))
        else:
            cells[-1].source = f"# Exercise {number}: your code here.\n# {ex.check.ask}\n"
        cells.append(nbformat.v4.new_code_cell(f'grader.check("{ex.label}", globals())',
                                               metadata=_cell_meta(ex, number, "check")))
    return cells


# --- building the notebooks -----------------------------------------------------------------------------

OPEN = re.compile(r"^\s*(?P<fence>:{3,})\{exercise\}")


def mark_answer_slots(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` (an executed page, solutions already stripped) in which every markdown cell is split
    after each exercise directive, with an empty raw cell marking the slot (``metadata.course_answer_slot``:
    the label) where :func:`fill_answer_slots` puts the answer cells."""
    out = copy.deepcopy(nb)
    cells = []
    for cell in out.cells:
        if cell.cell_type != "markdown" or not any(OPEN.match(ln) for ln in cell.source.splitlines()):
            cells.append(cell)
            continue
        chunk, fence, label = [], None, None
        for line in cell.source.splitlines():
            chunk.append(line)
            m = OPEN.match(line)
            if m and fence is None:
                fence, label = m["fence"], None
                continue
            if fence is not None:
                lm = re.match(r"^\s*:label:\s*(\S+)", line)
                label = lm.group(1) if lm else label
                if line.strip() == fence:
                    cells.append(nbformat.v4.new_markdown_cell("\n".join(chunk)))
                    cells.append(nbformat.v4.new_raw_cell("", metadata={SLOT_KEY: label or ""}))
                    chunk, fence = [], None
        if "\n".join(chunk).strip():
            cells.append(nbformat.v4.new_markdown_cell("\n".join(chunk)))
    out.cells = cells
    return out


def fill_answer_slots(nb: nbformat.NotebookNode, numbers: dict[str, str], exercises: dict[str, Exercise],
                      student: bool) -> nbformat.NotebookNode:
    """Replace each slot marker by the answer cells of its exercise (student edition) or drop it."""
    cells = []
    for cell in nb.cells:
        label = cell.get("metadata", {}).get(SLOT_KEY) if cell.cell_type == "raw" else None
        if label is None:
            cells.append(cell)
        elif student and label in exercises and label in numbers:
            cells += answer_cells(exercises[label], numbers[label])
        elif student and label:  # an exercise book/_exercises.yml does not know yet: a plain answer cell
            number = numbers.get(label, "")
            cells.append(nbformat.v4.new_markdown_cell(f"**Your answer to Exercise {number}**:\n\n…",
                                                       metadata={"tags": ["course-answer"]}))
    nb.cells = cells
    return nb


def finish_reader_notebook(nb: nbformat.NotebookNode, *, docname: str, student: bool, repo_url: str | None,
                           root: Path = ROOT) -> nbformat.NotebookNode:
    """The course kit's part of a reader notebook: the install cell first, and in the student edition the
    answer cells and the checks. A notebook already finished is returned as it is."""
    meta = nb.metadata.setdefault("scaling_book", {})
    if meta.get("course"):
        return nb
    exercises = load_exercises() if EXERCISES_FILE.exists() else {}
    nb = fill_answer_slots(nb, exercise_numbers(root), exercises, student)
    if not any(c.cell_type == "code" for c in nb.cells):
        return nb
    first = 1 if nb.cells and nb.cells[0].cell_type == "markdown" and "notebook of the executable book" in nb.cells[0].source else 0
    extra = []
    if repo_url:
        extra.append(nbformat.v4.new_code_cell(install_cell_source(repo_url, student),
                                               metadata={"tags": ["course-install"]}))
    if student:
        tests = chapter_checks(docname, root)
        if tests:
            extra.append(nbformat.v4.new_code_cell(checks_cell_source(docname, tests),
                                                   metadata={"tags": ["course-checks"], "cellView": "form",
                                                             "jupyter": {"source_hidden": True}}))
    nb.cells[first:first] = extra
    meta["course"] = "student" if student else "reader"
    return nb


def edition_notebook(docname: str, *, student: bool, root: Path = ROOT) -> nbformat.NotebookNode:
    """The reader notebook of the executed page ``docname`` (``book/x``) as the site serves it: the student
    edition's (solutions stripped, answer cells, checks) or the full one; built from ``book/x.ipynb``
    without a site build."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import editions

    path = root / f"{docname}.ipynb"
    if not path.exists():
        raise ValueError(f"docname: {docname!r} has no executed notebook at {path} (run make book)")
    nb = nbformat.read(path, as_version=4)
    if student:
        nb = mark_answer_slots(editions.strip_solutions(nb))
    config = yaml.safe_load((root / "_config.yml").read_text()) or {}
    repo_url = config.get("repository", {}).get("url")
    out = editions.reader_notebook(nb, bib=editions.bibliography(root / "references.bib"),
                                   titles=editions.section_titles(root / "book"), repo_url=repo_url,
                                   chapter=chapter_numbers(root / "_toc.yml").get(docname), tags=exercise_tags())
    return finish_reader_notebook(out, docname=docname, student=student, repo_url=repo_url, root=root)


# --- reference solutions (the instructor's key, and the tests) ------------------------------------------

SOLUTION = re.compile(r":::\{exercise\}[^\n]*\n(?::[\w-]+:[^\n]*\n)*?:label:\s*(?P<label>\S+)\n.*?\n:::\n\s*"
                      r":::\{solution-start\}.*?\n:::\n(?P<body>.*?):::\{solution-end\}", re.S)
CODE_CELL = re.compile(r"```\{code-cell\}[^\n]*\n(?::tags:[^\n]*\n)?\n?(.*?)```", re.S)


def reference_code(text: str) -> dict[str, str]:
    """{label: the code of its gated solution} of a chapter's source."""
    return {m["label"]: "\n".join(CODE_CELL.findall(m["body"])) for m in SOLUTION.finditer(text)}


def chapter_setup(text: str) -> str:
    """What a chapter's reference solutions need before them: the imports of its code cells and its
    ``parameters`` cell (no chart theme, no ledger run)."""
    import ast

    parts = []
    for m in re.finditer(r"```\{code-cell\}[^\n]*\n(?P<opts>(?::[\w-]+:[^\n]*\n)*)\n?(?P<code>.*?)```", text, re.S):
        code = m["code"]
        if "parameters" in m["opts"]:
            parts.append(code)
            continue
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        parts += [ast.get_source_segment(code, node) for node in tree.body
                  if isinstance(node, (ast.Import, ast.ImportFrom)) and getattr(node, "module", "") != "myst_nb"]
    return "\n".join(parts) + "\n\ndef glue(name, value, display=True):\n    return None\n"


def docname_of_label(label: str, root: Path = ROOT) -> str:
    for docname in chapter_numbers(root / "_toc.yml"):
        source = root / f"{docname}.md"
        if source.exists() and label in exercise_labels(source.read_text()):
            return docname
    raise ValueError(f"label: no chapter has the exercise {label!r}")


def run_reference(label: str, root: Path = ROOT, solution: bool = True) -> dict:
    """The namespace after the chapter's setup, the check's setup and (``solution``) the reference code."""
    docname = docname_of_label(label, root)
    text = (root / f"{docname}.md").read_text()
    ex = load_exercises()[label]
    ns: dict = {"__name__": "__course__"}
    exec(compile(chapter_setup(text), f"{docname}:setup", "exec"), ns)
    if ex.check is not None and ex.check.setup:
        exec(compile(ex.check.setup, f"{label}:setup", "exec"), ns)
    if solution:
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):  # the solution's printed lines are the page's business
            exec(compile(reference_code(text)[label], f"{label}:solution", "exec"), ns)
    return ns


def rehash(path: Path = EXERCISES_FILE) -> list[str]:
    """Rewrite the ``sha256:`` lines of ``path`` from the reference solutions; returns the labels changed."""
    lines, changed = path.read_text().splitlines(), []
    exercises = load_exercises(path)
    current, expr = None, None
    namespaces: dict[str, dict] = {}
    for i, line in enumerate(lines):
        m = re.match(r"^([\w-]+):", line)
        if m:
            current = m.group(1)
        em = re.match(r"^\s*- expr: (.+)$", line)
        if em:
            expr = em.group(1).strip()
        sm = re.match(r"^(\s*sha256: )(\S+)$", line)
        if sm and current in exercises and exercises[current].check:
            answer = next(a for a in exercises[current].check.answers if a.expr == expr)
            ns = namespaces.setdefault(current, run_reference(current))
            new = digest(eval(answer.expr, dict(ns)), answer.sig)
            if new != sm.group(2):
                lines[i] = sm.group(1) + new
                changed.append(f"{current}: {expr}")
    path.write_text("\n".join(lines) + "\n")
    return changed


if __name__ == "__main__":
    if sys.argv[1:] == ["rehash"]:
        print("\n".join(rehash()) or "every digest matches its reference solution")
    else:
        sys.exit("usage: tools/course.py rehash")
