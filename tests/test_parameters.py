"""Papermill parameters: every chapter checks each of its parameters by name, type and bound in the cell
right after its parameters cell, before any work (analysis.house.parameters)."""

from __future__ import annotations

import ast
import math
import re

import jupytext
import numpy as np
import pytest

from analysis.house import parameters as P
from conftest import ROOT

CHAPTERS = sorted(p for p in (ROOT / "book").glob("*.md")
                  if re.search(r"^:tags: \[parameters\]", p.read_text(), re.M))


# ---------------------------------------------------------------- the rules themselves

def test_count_accepts_whole_numbers_and_refuses_the_rest():
    rule = P.Count(10, 1000)
    assert rule.validate("n", 10) == 10 and rule.validate("n", np.int64(20)) == 20
    assert rule.validate("n", 1e3) == 1000 and isinstance(rule.validate("n", 1e3), int)
    for bad, fragment in [(True, "not a boolean"), ("50", "whole number"), (2.5, "whole number"),
                          (math.nan, "whole number"), (9, "at least 10"), (1e8, "at most 1,000")]:
        with pytest.raises(ValueError, match=f"^n must .*{fragment}"):
            rule.validate("n", bad)


def test_seed_is_a_non_negative_whole_number():
    assert P.Seed().validate("seed", 0) == 0
    assert P.Seed().validate("seed", P.SEED_MAX) == 2**32 - 1
    for bad in ("abc", -1, 1.5, False, None, 2**64, 2**32):
        with pytest.raises(ValueError, match="seed must be a non-negative whole number"):
            P.Seed().validate("seed", bad)


def test_real_bounds_and_types():
    rule = P.Real(0.0, 1.0, inclusive=False)
    assert rule.validate("level", 0.9) == 0.9
    for bad, fragment in [(1.0, r"lie in \(0, 1\)"), (0, r"lie in \(0, 1\)"), (math.nan, "finite"),
                          (True, "a number"), ("0.9", "a number")]:
        with pytest.raises(ValueError, match=f"level must .*{fragment}"):
            rule.validate("level", bad)
    assert P.Real(0, 1).validate("p", 1) == 1.0


def test_choice_and_flag():
    assert P.Choice(["a", "b"]).validate("m", "b") == "b"
    with pytest.raises(ValueError, match="m must be one of 'a', 'b'; got 'c'"):
        P.Choice(["a", "b"]).validate("m", "c")
    assert P.Flag().validate("f", True) is True
    with pytest.raises(ValueError, match="f must be True or False; got 1"):
        P.Flag().validate("f", 1)


def test_check_rejects_unknown_names_with_the_known_ones_listed():
    ns = {"In": ["", "import numpy", "n_boot = 400\nseed = 0", "# Parameters\nnboot = 50\n", "check(...)"],
          "n_boot": 400, "seed": 0, "nboot": 50}
    with pytest.raises(ValueError, match=r"unknown parameter 'nboot'; this chapter's parameters are: "
                                         r"n_boot \(whole number in \[20, 20,000\]\), seed"):
        P.check(ns, n_boot=P.Count(20, 20_000), seed=P.Seed())


def test_check_returns_read_only_checked_values_and_writes_coercions_back():
    ns = {"In": ["", "n_boot = 400\nseed = 0", "# Parameters\nn_boot = 1000.0\n", "check(...)"],
          "n_boot": 1000.0, "seed": 3}
    params = P.check(ns, n_boot=P.Count(20, 20_000), seed=P.Seed())
    assert dict(params) == {"n_boot": 1000, "seed": 3} and type(ns["n_boot"]) is int
    with pytest.raises(TypeError):
        params["seed"] = 4  # type: ignore[index]
    # Re-running the check cell after later cells ran: papermill's injected cell is still the one read.
    ns["In"] = ns["In"] + ["k = 3\nfit = object()", "check(...)"]
    ns.update(k=3, fit=object(), params=params)
    assert dict(P.check(ns, n_boot=P.Count(20, 20_000), seed=P.Seed())) == {"n_boot": 1000, "seed": 3}
    # Interactive (no injected cell): the latest cell setting a parameter is read as the parameters cell.
    ns["In"] = ["", "n_boot = 400\nnboot = 5", "check(...)"]
    ns["nboot"] = 5
    with pytest.raises(ValueError, match="unknown parameter 'nboot'"):
        P.check(ns, n_boot=P.Count(20, 20_000), seed=P.Seed())


def test_a_scratch_cell_run_before_the_check_is_not_read_as_parameters():
    """Re-running the check after a scratch cell (``x = 5``) passes, with or without papermill's cell."""
    rules = dict(n_boot=P.Count(20, 20_000), seed=P.Seed())
    interactive = {"In": ["", "import numpy", "n_boot = 400\nseed = 0", "check(...)", "x = 5", "check(...)"],
                   "n_boot": 400, "seed": 0, "x": 5}
    assert dict(P.check(interactive, **rules)) == {"n_boot": 400, "seed": 0}
    injected = {"In": ["", "n_boot = 400\nseed = 0", "# Parameters\nseed = 3\n", "check(...)", "x = 5",
                       "check(...)"], "n_boot": 400, "seed": 3, "x": 5}
    assert dict(P.check(injected, **rules)) == {"n_boot": 400, "seed": 3}
    # A scratch cell that sets a parameter (and something else) is the parameters cell as last run.
    interactive["In"] += ["n_boot = 50\nnboot = 50", "check(...)"]
    interactive.update(n_boot=50, nboot=50)
    with pytest.raises(ValueError, match="unknown parameter 'nboot'"):
        P.check(interactive, **rules)
    assert P.injected_names(["", "x = 5", "check(...)"], known={"n_boot"}) == set()


def test_check_needs_every_parameter_and_real_rules():
    with pytest.raises(ValueError, match="parameter seed is not defined"):
        P.check({"n_boot": 100}, n_boot=P.Count(20, 20_000), seed=P.Seed())
    with pytest.raises(ValueError, match="rule for seed must be"):
        P.check({"seed": 0}, seed=int)


def test_without_kernel_history_every_literal_global_is_a_candidate():
    ns = {"np": np, "n_boot": 100, "nboot": 50, "_private": 1}
    with pytest.raises(ValueError, match="unknown parameter 'nboot'"):
        P.check(ns, n_boot=P.Count(20, 20_000))


# ---------------------------------------------------------------- every chapter uses them

def _code_cells(chapter):
    nb = jupytext.read(chapter)
    return [c for c in nb.cells if c.cell_type == "code"]


def _names(source: str) -> list[str]:
    return [t.id for node in ast.parse(source).body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name)]


def _check_call(source: str) -> ast.Call:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "check":
            return node
    raise AssertionError("no check(...) call")


@pytest.fixture(scope="module", params=CHAPTERS, ids=lambda p: p.stem)
def chapter(request):
    cells = _code_cells(request.param)
    k = next(i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", []))
    return request.param, cells, k


def test_every_chapter_with_parameters_is_found():
    assert len(CHAPTERS) >= 7


def test_the_cell_after_the_parameters_checks_exactly_those_names(chapter):
    path, cells, k = chapter
    assert k + 1 < len(cells) and "check(globals()" in cells[k + 1].source, \
        f"{path.name}: the code cell right after the parameters cell must call analysis.house.parameters.check"
    call = _check_call(cells[k + 1].source)
    assert [kw.arg for kw in call.keywords] and set(kw.arg for kw in call.keywords) == set(_names(cells[k].source)), \
        f"{path.name}: check() must name every parameter of the parameters cell and no other"
    others = [n for c in cells[k + 2:] for n in _names(c.source) if n in set(_names(cells[k].source))]
    assert not others, f"{path.name}: later cells reassign parameters {others}"


def _run_until_check(cells, k, injected: str):
    """Run the chapter's code cells up to its check, as papermill does: defaults, then injected values."""
    sources = [c.source for c in cells[:k + 1]] + [injected, cells[k + 1].source]
    ns = {"__name__": "__main__"}
    ns["In"] = [""]
    for src in sources:
        ns["In"].append(src)
        exec(compile("\n".join(ln for ln in src.splitlines() if not ln.lstrip().startswith("%")), "<cell>", "exec"), ns)
    return ns


def test_defaults_pass_and_bad_values_are_refused_by_name(chapter, monkeypatch):
    monkeypatch.chdir(ROOT / "book")
    path, cells, k = chapter
    ns = _run_until_check(cells, k, "# Parameters\n")
    defaults = dict(ns["params"])
    assert defaults and all(isinstance(v, (int, float, str, bool)) for v in defaults.values())
    name = next(iter(defaults))
    with pytest.raises(ValueError, match=rf"unknown parameter '{name}x'.*{name} \("):
        _run_until_check(cells, k, f"# Parameters\n{name}x = {defaults[name]!r}\n")
    for param, value in defaults.items():
        bad = "'abc'" if not isinstance(value, str) else "12345"
        with pytest.raises(ValueError, match=rf"^{param} must"):
            _run_until_check(cells, k, f"# Parameters\n{param} = {bad}\n")
        if isinstance(value, int) and not isinstance(value, bool):
            for huge in (True, 10**30):
                with pytest.raises(ValueError, match=rf"^{param} must"):
                    _run_until_check(cells, k, f"# Parameters\n{param} = {huge!r}\n")


def test_papermill_itself_stops_a_chapter_on_a_misspelt_parameter(tmp_path):
    """Through a real kernel: the chapter's cells up to the check, run by papermill with `-p nboot 50`."""
    import nbformat
    import papermill

    nb = jupytext.read(ROOT / "book" / "scaling-laws.md")
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    k = next(i for i in code if "parameters" in nb.cells[i].metadata.get("tags", []))
    nb.cells = nb.cells[:code[code.index(k) + 1] + 1]
    src = tmp_path / "head.ipynb"
    nbformat.write(nb, src)
    for params, message in [({"nboot": 50}, "unknown parameter 'nboot'"), ({"seed": "abc"}, "seed must be"),
                            ({"n_boot": 1e8}, "n_boot must be at most 20,000")]:
        with pytest.raises(papermill.PapermillExecutionError) as err:
            papermill.execute_notebook(str(src), str(tmp_path / "out.ipynb"), parameters=params,
                                       kernel_name="python3", cwd=str(ROOT / "book"), progress_bar=False)
        assert err.value.ename == "ValueError" and message in err.value.evalue
