"""Counterfactual worlds and the multiverse of analysis choices (part of the claim contract,
:mod:`analysis.ledger.core`).

A :class:`World` transforms a claim's real input data so that the article's sentence is plainly true or
plainly false, and names the verdict a fair reader would give there; a :class:`Choice` is one analysis
choice a careful analyst could make differently; :func:`robustness` summarises a verdict over the product of
the choices (Steegen et al. 2016, "Increasing transparency through a multiverse analysis"; Simonsohn,
Simmons and Nelson 2020, "Specification curve analysis")."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.ledger.rules import FRAGILE_BELOW, NOT_SUPPORTED, PARTLY, SUPPORTED


@dataclass(frozen=True)
class World:
    """A counterfactual world for one claim: the real input data transformed so that the article's sentence
    is plainly true (or plainly false), with the verdict a fair fact-checker would give there.

    Attributes
    ----------
    name : str
        What the world is, in a few words ("runs flat above 5e20 FLOP: a wall").
    expected : str
        The fair verdict in this world: :data:`SUPPORTED`, :data:`PARTLY` or :data:`NOT_SUPPORTED`.
    data : mapping of str to callable
        Source name (a data file name) -> a function of the real table returning the world's table (see
        :func:`analysis.house.data.world`). The evidence mapping is never edited: the whole pipeline runs.
    params : mapping of str to object
        Evidence parameters of this world (the inputs of a simulation, or a cheaper bootstrap).
    note : str
        Why the fair verdict is what it is; required for ``partly supported`` (which part the world falsifies).
    """

    name: str
    expected: str
    data: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)
    note: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a world needs a name")
        if self.expected not in (SUPPORTED, PARTLY, NOT_SUPPORTED):
            raise ValueError(f"world {self.name!r}: expected must be one of {(SUPPORTED, PARTLY, NOT_SUPPORTED)}; "
                             f"got {self.expected!r}")
        if self.expected == PARTLY and not self.note.strip():
            raise ValueError(f"world {self.name!r}: a 'partly supported' world must say in its note which part "
                             "of the sentence it falsifies")
        if not self.data and not self.params:
            raise ValueError(f"world {self.name!r}: a world transforms data or sets parameters; it does neither")
        for source, fn in self.data.items():
            if not callable(fn):
                raise ValueError(f"world {self.name!r}: data[{source!r}] must be callable; got {fn!r}")


@dataclass(frozen=True)
class Choice:
    """One choice a careful analyst could make differently, as values of one evidence parameter.

    Attributes
    ----------
    name : str
        The evidence parameter (it must have a default in the evidence function, which must be among ``values``).
    values : tuple
        The defensible values, the default among them.
    why : str
        Why each value is defensible (shown on the ledger page).
    """

    name: str
    values: tuple
    why: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(self.values))
        if len(self.values) < 2:
            raise ValueError(f"choice {self.name!r} needs at least two values; got {self.values!r}")
        if len(set(map(repr, self.values))) != len(self.values):
            raise ValueError(f"choice {self.name!r} repeats a value: {self.values!r}")
        if not self.why.strip():
            raise ValueError(f"choice {self.name!r} needs a reason (why)")


def spec_label(spec: Mapping[str, Any]) -> str:
    """``"name=value, name=value"`` for a specification (numbers in short form)."""
    return ", ".join(f"{k}={_short(v)}" for k, v in spec.items())


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def robustness(verdict: str, specs: Sequence[tuple[Mapping[str, Any], str]], choices: Sequence[Choice] = ()
               ) -> dict:
    """How a verdict fares over the specifications of its multiverse (pure).

    Parameters
    ----------
    verdict : str
        The reported verdict (the default specification's).
    specs : sequence of (spec, verdict)
        Every specification (choice name -> value) with the verdict it gives; the default first.
    choices : sequence of Choice
        The choices varied (recorded with their reasons).

    Returns
    -------
    dict
        ``n_specs``, ``n_agree``, ``share_agree``, ``fragile`` (share below :data:`FRAGILE_BELOW`),
        ``flips_under`` (each ``"name=value"`` that alone, the other choices at their defaults, gives
        another verdict),
        ``choices`` (name -> values and why) and ``specs`` (label and verdict of each specification).
    """
    if not specs:
        raise ValueError("specs must hold at least the default specification; got none")
    n = len(specs)
    agree = sum(v == verdict for _, v in specs)
    default = dict(specs[0][0])
    flips = []
    for spec, v in specs[1:]:
        changed = [k for k in spec if repr(spec[k]) != repr(default.get(k))]
        if len(changed) == 1 and v != verdict:
            flips.append(f"{changed[0]}={_short(spec[changed[0]])}")
    return {
        "n_specs": n, "n_agree": agree, "share_agree": agree / n, "fragile": agree / n < FRAGILE_BELOW,
        "flips_under": flips,
        "choices": {c.name: {"values": [_short(v) for v in c.values], "why": c.why} for c in choices},
        "specs": [{"spec": spec_label(s), "verdict": v} for s, v in specs],
    }
