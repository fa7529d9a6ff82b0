"""Fuzz the public API of ``analysis``: every public function, one bad argument at a time.

For each public function of each module, every parameter gets the bad values that fit its kind (from its
default, its annotation or its name): a boolean where a number is wanted, NaN, a negative or non-integral
size, a huge size, an empty or NaN-holding array, a date outside any table's range, a wrong-typed string.
The other arguments keep their defaults, or a plausible value for a required parameter (see ``EXAMPLES``).
The function must raise ``ValueError`` whose message names the bad parameter, quickly (before any heavy
work). A call that raises a ValueError naming another parameter is inconclusive (the example value did not
fit that function) and is not counted; anything else (another exception, a silent return, a slow call)
is a failure, listed with the function, parameter and value.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import math
import pkgutil
import re
import signal
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

import analysis

#: Modules whose functions are presentation (charts, tables, colours, number formats, prose) rather than
#: computation; their arguments are results and charts, not numbers a reader types. Claim modules and the
#: ledger's machinery take claims and records, not numbers (the ledger's published figures, ``ledger.literature``,
#: are fuzzed).
#: A chapter's ``evidence`` and ``worlds`` modules belong to its claims: evidence functions are called through
#: ``Claim.evidence`` with parameters the chapter has already checked by name, and world builders transform
#: real tables inside the ledger's counterfactual worlds.
SKIP_MODULES = {"charts", "tables", "palette", "numbers", "claims", "core", "pages", "render", "general", "__main__",
                "rules", "articles", "checks", "multiverse", "evidence", "worlds"}
#: Likewise chart builders wherever they live (modules ``*_charts``, functions ``*_chart``, ``*_explorer``).
PRESENTATION_SUFFIXES = ("_chart", "_explorer")
#: Plausible values of common required parameters, by name (sizes in their units; arrays of three).
EXAMPLES = {
    "N": np.array([1e8, 1e9, 1e10]), "D": np.array([2e9, 2e10, 2e11]), "C_flop": np.array([1e20, 1e21, 1e22]),
    "C": np.array([1e20, 1e21, 1e22]), "loss": np.array([3.0, 2.6, 2.3]), "L": np.array([3.0, 2.6, 2.3]),
    "x": np.array([1.0, 10.0, 100.0]), "y": np.array([3.0, 2.0, 1.5]), "values": np.array([1.0, 2.0, 3.0]),
    "samples": np.array([1.0, 2.0, 3.0, 4.0]), "n": 100, "c": 5, "k": 10, "n_generations": 10,
    "sample_size": 20, "n_chains": 8, "tokens": 1000, "n_params": 7e9, "years": np.array([2020.0, 2022.0, 2024.0]),
    "dates": ["2020-01-01", "2022-01-01", "2024-01-01"], "low": 0.1, "high": 0.9, "threshold": 0.5,
    "acc_from": 0.3, "acc_to": 0.6, "energy_wh_per_query": 0.3, "energy_wh": 0.3, "queries_per_day": 1e9,
    "n_candidates": 10, "flop": 1e21, "peak_flops_per_s": 1e15, "utilization": 0.4, "hours": 100.0,
    "chip_price_usd": 30_000.0, "tdp_w": 700.0, "served_tokens": 1e12, "top_p": 0.9, "generation": 3,
    "probabilities": np.array([0.5, 0.3, 0.2]), "U": np.array([1e9, 1e10, 1e11]), "step": 1.0,
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SIZE_NAME = re.compile(r"^(n_\w+|n|k|\w*_size|\w*samples|\w*draws|\w*tokens\w*|\w*_boot|generations?)$")


@dataclass(frozen=True)
class Case:
    module: str
    function: str
    param: str
    value: object
    kind: str

    @property
    def id(self) -> str:
        return f"{self.module}.{self.function}({self.param}={self.kind})"


def _unwrapped(obj):
    """The plain function under a ``functools.lru_cache`` (or ``cache``) wrapper, else ``obj``."""
    return obj.__wrapped__ if isinstance(obj, functools._lru_cache_wrapper) else obj


def _is_function(obj) -> bool:
    """A plain function, or one decorated directly with ``functools.lru_cache``."""
    return inspect.isfunction(_unwrapped(obj))


def public_functions():
    infos = pkgutil.walk_packages(analysis.__path__, prefix="analysis.")
    for info in sorted(infos, key=lambda m: m.name):
        leaf = info.name.rsplit(".", 1)[-1]
        if leaf.startswith("_") or leaf in SKIP_MODULES or info.ispkg:
            continue
        module = importlib.import_module(info.name)
        short = info.name.removeprefix("analysis.")
        for name, func in inspect.getmembers(module, _is_function):
            if (not name.startswith("_") and _unwrapped(func).__module__ == module.__name__
                    and not name.endswith(PRESENTATION_SUFFIXES)):
                yield short, name, func


def _kind_of(param: inspect.Parameter):
    """'int', 'float', 'array', 'date' or 'str' from the default, else the annotation, else the example."""
    value = param.default if param.default is not param.empty else EXAMPLES.get(param.name, param.empty)
    annotation = str(param.annotation)
    if isinstance(value, bool) or "bool" in annotation and value is param.empty:
        return None, value
    if isinstance(value, (int, np.integer)) and "float" not in annotation:
        return "int", value
    if isinstance(value, (float, np.floating)) or isinstance(value, int):
        return "float", value
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return "array", value
    if isinstance(value, str):
        return ("date" if DATE.match(value) else "str"), value
    if isinstance(value, list) and value and all(isinstance(v, str) and DATE.match(v) for v in value):
        return "dates", value
    return None, value


def bad_values(param: inspect.Parameter):
    kind, good = _kind_of(param)
    if kind == "int":
        yield "True", True
        yield "2.5", 2.5
        if good > 0:
            yield "-1", -1
        if SIZE_NAME.match(param.name):
            yield "10**12", 10**12
    elif kind == "float":
        yield "True", True
        yield "nan", math.nan
        yield "'abc'", "abc"
    elif kind == "array":
        yield "[]", np.array([], dtype=float)
        bad = good.copy()
        bad[0] = np.nan
        yield "nan-in-array", bad
    elif kind == "date":
        yield "'1800-01-01'", "1800-01-01"
        yield "'not a date'", "not a date"
    elif kind == "dates":
        yield "dates-1800", ["1800-01-01"] * len(good)


def _call_kwargs(func) -> dict | None:
    kwargs = {}
    for p in inspect.signature(func).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.default is not p.empty:
            continue
        if p.name not in EXAMPLES:
            return None  # a required argument we cannot make up (a fit, a table, a result)
        kwargs[p.name] = EXAMPLES[p.name]
    return kwargs


def cases():
    out = []
    for module, name, func in public_functions():
        base = _call_kwargs(func)
        if base is None:
            continue
        for p in inspect.signature(func).parameters.values():
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD, p.POSITIONAL_ONLY):
                continue
            for kind, value in bad_values(p):
                out.append(Case(module, name, p.name, value, kind))
    return out


CASES = cases()


class _Slow(Exception):
    pass


def _alarm(signum, frame):
    raise _Slow()


def run_case(case: Case, seconds: int = 5) -> str | None:
    """None if the call raised a ValueError naming the parameter (or was inconclusive); else a failure."""
    func = getattr(importlib.import_module(f"analysis.{case.module}"), case.function)
    kwargs = {**_call_kwargs(func), case.param: case.value}
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        func(**kwargs)
    except _Slow:
        return f"{case.id}: no ValueError within {seconds} s (heavy work before the check)"
    except ValueError as err:
        message = str(err)
        if re.search(rf"\b{re.escape(case.param)}\b", message):
            return None
        if any(re.search(rf"\b{re.escape(k)}\b", message) for k in kwargs if k != case.param):
            return None  # another (example) argument did not fit: inconclusive
        return f"{case.id}: ValueError without the parameter's name: {message[:120]}"
    except Exception as err:  # noqa: BLE001 - a foreign error is what this test is after
        return f"{case.id}: {type(err).__name__}: {str(err)[:120]}"
    else:
        return f"{case.id}: accepted silently"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    return None


#: Bad calls not yet refused properly, one case id a line (regenerate: python tests/test_fuzz_api.py).
#: The list may only shrink: a new failure fails the test, and so does a listed case that now passes.
GAPS_FILE = Path(__file__).with_name("fuzz_known_gaps.txt")


def known_gaps() -> set[str]:
    if not GAPS_FILE.exists():
        return set()
    return {ln.split(" #")[0].strip() for ln in GAPS_FILE.read_text().splitlines()
            if ln.strip() and not ln.startswith("#")}


def test_the_fuzz_reaches_most_of_the_api():
    functions = {(c.module, c.function) for c in CASES}
    assert len(functions) >= 75 and len(CASES) >= 500, (len(functions), len(CASES))


@pytest.mark.parametrize("module", sorted({c.module for c in CASES}))
def test_bad_arguments_get_a_value_error_naming_them(module):
    gaps = known_gaps()
    results = {c.id: run_case(c) for c in CASES if c.module == module}
    new = [f for cid, f in results.items() if f and cid not in gaps]
    fixed = [cid for cid, f in results.items() if not f and cid in gaps]
    assert not new, f"{len(new)} bad calls in analysis.{module}:\n" + "\n".join(new)
    assert not fixed, (f"now refused properly, remove from {GAPS_FILE.name} (python tests/test_fuzz_api.py "
                       "rewrites it):\n" + "\n".join(fixed))


def test_the_known_gaps_name_real_cases():
    assert not known_gaps() - {c.id for c in CASES}, "stale entries in " + GAPS_FILE.name


def _named_cases():
    """The bad calls issue 28 names, each with the parameter its ValueError must name (and nothing slow)."""
    from analysis.chinchilla import allocation, law, refit
    from analysis.collapse.gaussian import sample_size_schedule
    from analysis.economics.datasets import to_2023_usd
    from analysis.economics.trends import frontier_compute_in
    from analysis.house import fitting
    from analysis.other_side.emergence import metric_values
    from analysis.other_side.obsscaling import fit_link
    from analysis.progress.frontier import frontier_table
    from analysis.progress.metr import doubling_days, window_table
    from analysis.scaling_laws.returns import decade_returns, decade_table

    x4, flat = np.array([1.0, 10.0, 100.0, 1000.0]), np.full(4, 2.5)
    curve = fitting.fit_power_law(x4, np.array([3.0, 2.0, 1.5, 1.2]))
    runs = np.geomspace(1e8, 1e10, 8), np.geomspace(1e9, 1e11, 8)[::-1]
    S = np.linspace(-2, 2, 12).reshape(-1, 1)
    return [  # (id, call, parameter named)
        ("power law, all-equal x", lambda: fitting.fit_power_law(np.ones(4), x4), "x"),
        ("power law, 2-D x", lambda: fitting.fit_power_law(np.ones((2, 3)), np.ones((2, 3))), "x"),
        ("power law, strings", lambda: fitting.fit_power_law(["1", "2", "3"], [3.0, 2.0, 1.0]), "x"),
        ("floor fit, 3 points for 3 parameters", lambda: fitting.fit_power_law_with_floor(x4[:3], flat[:3] + [0, 1, 2]),
         "x"),
        ("floor fit, all-equal loss", lambda: fitting.fit_power_law_with_floor(x4, flat), "y"),
        ("Chinchilla fit, all-equal loss", lambda: refit.fit_parametric_loss(*runs, np.full(8, 2.5)), "loss"),
        ("to_2023_usd in 1800", lambda: to_2023_usd([1e6], ["1800-01-01"]), "dates"),
        ("to_2023_usd in 2100", lambda: to_2023_usd([1e6], ["2100-01-01"]), "dates"),
        ("frontier_compute_in(1990)", lambda: frontier_compute_in(1990), "year"),
        ("window_table(version='1.2')", lambda: window_table(version="1.2"), "version"),
        ("frontier_table(start='2030-01-01')", lambda: frontier_table(start="2030-01-01"), "start"),
        ("parameter_decade_gains(n=10**9)", lambda: allocation.parameter_decade_gains(law.HOFFMANN_2022, n=10**9), "n"),
        ("decade_returns(n_decades=10**9)", lambda: decade_returns(curve, 1e21, 10**9), "n_decades"),
        ("a fit that is None", lambda: allocation.compare_models(None), "fit"),
        ("a fit that is a dict", lambda: law.chinchilla_loss(1e9, 1e10, {}), "params"),
        ("a curve that is None", lambda: decade_returns(None, 1e21, 3), "curve"),
        ("a frontier result that is a dict", lambda: decade_table({}), "result"),
        ("more correct than samples", lambda: metric_values([[3.0]], [[2.0]]), "num_correct"),
        ("superlinear sizes that overflow", lambda: sample_size_schedule("superlinear", 1000, 20, power=50), "power"),
        ("fit_link, mismatched lengths", lambda: fit_link(S, np.full(11, 0.5)), "y"),
        ("fit_link, accuracy above 1", lambda: fit_link(S, np.full(12, 1.5)), "y"),
        ("doubling_days, zero minutes", lambda: doubling_days([0.0, 365.0, 730.0], [0.0, 4.0, 16.0]), "minutes"),
    ]


NAMED = _named_cases()


@pytest.mark.parametrize("call, param", [c[1:] for c in NAMED], ids=[c[0] for c in NAMED])
def test_the_bad_calls_the_issue_names_are_refused_by_name(call, param):
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(5)
    try:
        with pytest.raises(ValueError, match=rf"\b{re.escape(param)}\b"):
            call()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


if __name__ == "__main__":  # rewrite the list of known gaps from a fresh run
    lines = [f"{c.id}  # {f.split(': ', 1)[1]}" for c in CASES if (f := run_case(c))]
    GAPS_FILE.write_text("# Bad calls of the public API not yet refused with a ValueError naming the parameter\n"
                         "# (tests/test_fuzz_api.py; the list may only shrink).\n" + "\n".join(lines) + "\n")
    print(f"{len(lines)} known gaps written to {GAPS_FILE}")
