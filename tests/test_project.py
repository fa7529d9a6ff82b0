"""The project's own files stay consistent: dependency lists, table of contents, CI entry point."""

import re
import subprocess
import tomllib

import yaml
from packaging.requirements import Requirement


def _names(specs):
    return {Requirement(s).name.lower().replace("_", "-") for s in specs}


def _all_dependencies(project: dict) -> list[str]:
    return project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]


def test_environment_yml_matches_pyproject(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((root / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert _names(pip_section) == _names(_all_dependencies(project))
    # Same version ranges too, not only the same names.
    assert {str(Requirement(s)) for s in pip_section} == {str(Requirement(s)) for s in _all_dependencies(project)}


def test_every_dependency_is_pinned_in_requirements(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    pins = {}
    for line in (root / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[name.lower().replace("_", "-")] = version
    for spec in _all_dependencies(project):
        req = Requirement(spec)
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in requirements.txt (run make lock)"
        assert req.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} violates {req.specifier}"


def _top_level_imports(path) -> set[str]:
    import ast

    tree = ast.parse(path.read_text())
    optional = set()  # imports guarded by `except ImportError` are optional, not dependencies
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
                "ImportError" in ast.unparse(h.type or ast.Name("BaseException")) for h in node.handlers):
            optional |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    names = set()
    for node in ast.walk(tree):
        if id(node) in optional:
            continue
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_runtime_dependencies_are_exactly_what_the_analyses_import(root):
    """`pip install .` (Colab, Binder) brings only what the analysis package imports; building and
    testing tools live in the `book` and `test` extras."""
    import sys

    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    distribution = {"vl_convert": "vl-convert-python"}  # import name -> distribution name
    imported = set().union(*(_top_level_imports(p) for p in (root / "analysis").rglob("*.py")))
    third_party = {distribution.get(n, n).replace("_", "-").lower() for n in imported
                   if n not in sys.stdlib_module_names and n not in ("analysis", "__future__")}
    assert _names(project["dependencies"]) == third_party
    for tool in ("jupyter-book", "pytest", "playwright", "hypothesis", "nbval", "papermill"):
        assert tool not in _names(project["dependencies"])
    assert {"book", "test"} <= set(project["optional-dependencies"])
    find = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    assert "analysis.*" in find["include"]  # subpackages (analysis.ledger) ship in a non-editable install


def test_jupyter_book_pinned_below_2(root):
    assert re.search(r'"jupyter-book>=1\.0\.4\.post1,<2"', (root / "pyproject.toml").read_text())


def test_toc_names_existing_jupytext_sources(root):
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    for f in files:
        source = root / f"{f}.md"
        assert source.exists(), f"_toc.yml names {f} but {source} does not exist"
        assert "format_name: myst" in source.read_text()[:400], f"{source} lacks the jupytext MyST header"


def test_only_sources_are_tracked(root):
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout.split()
    assert not [t for t in tracked if t.endswith(".ipynb")], "executed notebooks are build products"


def test_ci_runs_the_readme_test_command(root):
    readme = (root / "README.md").read_text()
    assert "make book" in readme and "make test" in readme
    assert re.search(r"^make test$", (root / ".ci" / "run").read_text(), re.M)


def test_analysis_never_reads_shared(root):
    for path in (root / "analysis").rglob("*.py"):
        assert "../shared" not in path.read_text() and "shared/data" not in path.read_text(), path


def test_readme_lists_every_chapter_in_toc_order(root):
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    chapters = [c["file"] for part in toc["parts"] if part["caption"] == "Chapters" for c in part["chapters"]]
    readme = (root / "README.md").read_text()
    rows = re.findall(r"^\|[^|\n]+\| `(book/[\w-]+)\.md` \|", readme, re.M)
    assert rows == chapters, "README's chapter table must list the chapters of _toc.yml, in its order"


def test_readme_names_only_files_and_make_targets_that_exist(root):
    readme = (root / "README.md").read_text()
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout.split()
    names = {t.rsplit("/", 1)[-1] for t in tracked}
    makefile = (root / "Makefile").read_text()
    missing = []
    for token in set(re.findall(r"`([^`\n]+)`", readme)):
        if token.startswith("make "):
            target = token.split()[1]
            if "=" not in target and not re.search(rf"^{re.escape(target)}:", makefile, re.M):
                missing.append(token)
        elif (re.fullmatch(r"[\w./-]+", token) and "<" not in token
              and not token.startswith(("_build", "/", ".venv", "-"))
              and ("/" in token or re.search(r"\.(py|md|yml|toml|txt|cff|bib)$", token))):
            path = root / token
            if not (path.exists() or ("/" not in token and token in names)):
                missing.append(token)
    assert not missing, f"README names what the repository does not have: {sorted(missing)}"
