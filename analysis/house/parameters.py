"""Validation of a chapter's papermill parameters, by name, before any work.

A chapter's ``parameters`` cell holds the defaults; papermill injects the reader's values in the cell
after it. The cell right after that calls :func:`check` with one rule per parameter::

    from analysis.house.parameters import Count, Real, Seed, check
    params = check(globals(), n_boot=Count(20, 20_000), seed=Seed())

``check`` raises ``ValueError`` naming the parameter and the value when

* a name was passed that the chapter does not know (``-p nboot 50``): the message lists the known ones;
* a value has the wrong type (a string, or ``True`` where a number is wanted; a seed that is not a
  non-negative whole number);
* a value lies outside its bounds (sizes are bounded before anything is allocated; the bound is in the
  message).

Whole-valued floats (``-p n_boot 1e3``) are accepted for counts and written back as ``int``. It returns a
read-only mapping of the checked values, so the chapter can pass them on (``claims.card("SL-1",
**params)``).
"""

from __future__ import annotations

import ast
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

__all__ = ["Count", "Seed", "Real", "Choice", "Flag", "Rule", "check", "declared", "injected_names", "SEED_MAX"]

#: Largest accepted seed: 2**32 - 1, numpy's classic range (a bound keeps typos such as 1e30 out, and leaves
#: room for the seeds a chapter derives from it, such as ``seed + 1``).
SEED_MAX = 2**32 - 1

# Values papermill can inject (it writes Python literals); anything else in globals() is code's work.
_LITERAL_TYPES = (bool, int, float, str, list, dict, tuple, type(None))
# IPython's own plain-valued names.
_IPYTHON_NAMES = frozenset({"In", "Out"})
# The names the latest check() in this process declared (a chapter's parameters, in its kernel).
_declared: frozenset[str] = frozenset()


def declared() -> frozenset[str]:
    """The parameter names of the latest :func:`check` in this process (a chapter's parameters, in its
    kernel); empty before any check. ``analysis.ledger.card`` accepts these besides its claim's own."""
    return _declared


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


class Rule:
    """One parameter's rule: :meth:`validate` returns the checked value or raises ``ValueError``."""

    def validate(self, name: str, value: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


def _whole_number(name: str, value: Any, what: str) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be {what}, not a boolean; got {value!r}")
    if isinstance(value, numbers.Integral):  # int and numpy integers
        return int(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    raise ValueError(f"{name} must be {what}; got {_describe(value)}")


@dataclass(frozen=True)
class Count(Rule):
    """A whole number in ``[minimum, maximum]`` (a size: the maximum keeps allocations bounded)."""

    minimum: int
    maximum: int

    def __post_init__(self):
        if not (isinstance(self.minimum, int) and isinstance(self.maximum, int) and self.minimum <= self.maximum):
            raise ValueError(f"Count needs whole minimum <= maximum; got {self.minimum!r}, {self.maximum!r}")

    def validate(self, name: str, value: Any) -> int:
        n = _whole_number(name, value, "a whole number")
        if n < self.minimum:
            raise ValueError(f"{name} must be at least {self.minimum:,}; got {_describe(value)}")
        if n > self.maximum:
            raise ValueError(f"{name} must be at most {self.maximum:,} (bound set before any allocation); "
                             f"got {_describe(value)}")
        return n

    def describe(self) -> str:
        return f"whole number in [{self.minimum:,}, {self.maximum:,}]"


@dataclass(frozen=True)
class Seed(Rule):
    """A random seed: a non-negative whole number (at most :data:`SEED_MAX`)."""

    def validate(self, name: str, value: Any) -> int:
        n = _whole_number(name, value, "a non-negative whole number (a random seed)")
        if n < 0 or n > SEED_MAX:
            raise ValueError(f"{name} must be a non-negative whole number (a random seed) at most 2**32 - 1 "
                             f"({SEED_MAX:,}); got {_describe(value)}")
        return n

    def describe(self) -> str:
        return f"a random seed, whole number in [0, {SEED_MAX:,}]"


@dataclass(frozen=True)
class Real(Rule):
    """A finite number in ``[low, high]`` (or ``(low, high)`` with ``inclusive=False``); booleans refused."""

    low: float
    high: float
    inclusive: bool = True

    def validate(self, name: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError(f"{name} must be a number; got {_describe(value)}")
        x = float(value)
        if not math.isfinite(x):
            raise ValueError(f"{name} must be finite; got {_describe(value)}")
        inside = self.low <= x <= self.high if self.inclusive else self.low < x < self.high
        if not inside:
            raise ValueError(f"{name} must lie in {self._bounds()}; got {_describe(value)}")
        return x

    def _bounds(self) -> str:
        return f"[{self.low:g}, {self.high:g}]" if self.inclusive else f"({self.low:g}, {self.high:g})"

    def describe(self) -> str:
        return f"number in {self._bounds()}"


@dataclass(frozen=True)
class Choice(Rule):
    """One of a fixed set of values (e.g. model names of a data table)."""

    options: tuple

    def __init__(self, options: Iterable):
        object.__setattr__(self, "options", tuple(options))
        if not self.options:
            raise ValueError("Choice needs at least one option")

    def validate(self, name: str, value: Any) -> Any:
        if isinstance(value, bool) or value not in self.options:
            listed = ", ".join(map(repr, self.options))
            raise ValueError(f"{name} must be one of {listed}; got {_describe(value)}")
        return value

    def describe(self) -> str:
        return "one of " + ", ".join(map(repr, self.options))


@dataclass(frozen=True)
class Flag(Rule):
    """``True`` or ``False`` (not 0/1, not a string)."""

    def validate(self, name: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be True or False; got {_describe(value)}")
        return value

    def describe(self) -> str:
        return "True or False"


def _assigned_names(source: str) -> set[str]:
    """Names bound by top-level assignments in a cell's source (empty if it does not parse)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for target in targets:
            for sub in ast.walk(target):
                if isinstance(sub, ast.Name):
                    names.add(sub.id)
    return names


def injected_names(history: list[str], known: Iterable[str] = ()) -> set[str] | None:
    """Names set as parameters, read from the kernel's input history (IPython's ``In``; its last entry is
    the running cell): those of papermill's injected cell (it starts with ``# Parameters``; the latest one
    counts). Without one (an interactive run), those of the latest cell that sets one of the ``known``
    parameters: the parameters cell as the reader last ran it, so a scratch cell run in between
    (``x = 5``) is not read as parameters. ``None`` if there is no history to read."""
    earlier = [src for src in history[:-1] if src and src.strip()]
    if not earlier:
        return None
    for src in reversed(earlier):
        if src.lstrip().startswith("# Parameters"):
            return _assigned_names(src)
    known = set(known)
    for src in reversed(earlier):
        names = _assigned_names(src)
        if names & known:
            return names
    return set()


def _unknown_names(namespace: Mapping[str, Any], known: set[str]) -> list[str]:
    history = namespace.get("In")
    names = injected_names(list(history), known) if isinstance(history, list) else None
    if names is not None:  # only literal values can be parameters (not a fit left by a later cell)
        names = {n for n in names if n in namespace and type(namespace[n]) in _LITERAL_TYPES}
    else:  # no kernel history (e.g. exec of the cells): every literal-valued global is suspect
        names = {k for k, v in namespace.items()
                 if not k.startswith("_") and k not in _IPYTHON_NAMES and type(v) in _LITERAL_TYPES}
    return sorted(names - known)


def check(namespace: dict[str, Any], **rules: Rule) -> Mapping[str, Any]:
    """Validate the chapter's parameters in ``namespace`` (pass ``globals()``) against ``rules``.

    Parameters
    ----------
    namespace : dict
        The notebook's globals, after the parameters cell and papermill's injected cell have run.
    **rules : Rule
        One rule per parameter, by name (``Count``, ``Seed``, ``Real``, ``Choice``, ``Flag``).

    Returns
    -------
    Mapping
        Read-only ``{name: checked value}`` in the order of ``rules``; coerced values (``1e3`` -> ``1000``)
        are also written back into ``namespace``.

    Raises
    ------
    ValueError
        Naming the parameter and its value: an unknown name (with the known ones listed), a missing
        parameter, a wrong type or a value out of bounds.
    """
    for name, rule in rules.items():
        if not isinstance(rule, Rule):
            raise ValueError(f"rule for {name} must be a Count, Seed, Real, Choice or Flag; got {_describe(rule)}")
    known = set(rules)
    unknown = _unknown_names(namespace, known)
    if unknown:
        listed = ", ".join(f"{n} ({rules[n].describe()})" for n in rules)
        raise ValueError(f"unknown parameter{'s' if len(unknown) > 1 else ''} "
                         f"{', '.join(map(repr, unknown))}; this chapter's parameters are: {listed}")
    checked = {}
    for name, rule in rules.items():
        if name not in namespace:
            raise ValueError(f"parameter {name} is not defined: the parameters cell must set it")
        checked[name] = rule.validate(name, namespace[name])
    namespace.update(checked)
    global _declared
    _declared = frozenset(rules)
    return MappingProxyType(checked)
