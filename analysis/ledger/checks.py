"""Checks: one evidence entry compared with what an article asserts, and the builders that make them (part
of the claim contract, :mod:`analysis.ledger.core`)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from analysis.ledger.rules import ABOUT_FACTOR, ABOUT_POINTS, RATE_TOLERANCE, THIN_POINTS


AT_LEAST = ">="
AT_MOST = "<="
ABOVE = ">"
BELOW = "<"
WITHIN_FACTOR = "within factor"
WITHIN_ABS = "within"
RATE_WITHIN = "rate within"
IS_TRUE = "is true"
IS_FALSE = "is false"
_OPS = (AT_LEAST, AT_MOST, ABOVE, BELOW, WITHIN_FACTOR, WITHIN_ABS, RATE_WITHIN, IS_TRUE, IS_FALSE)
#: What a check rests on (shown on the card; see the rule "Which check decides").
BASES = ("data", "model", "constant", "simulation", "literature")


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what} must be a number; got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{what} must be finite; got {value!r}")
    return value


def fmt(value: float, spec: str = ".3g") -> str:
    """A number for a table cell: ``spec`` is a format spec, or ``"%"`` for a share (0.42 -> 42%)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if spec == "%":
        return f"{value:.1%}"
    if spec == "x":
        return f"×{value:.3g}"
    return format(value, spec)


@dataclass(frozen=True)
class Check:
    """One sub-test of a claim: an evidence entry compared with what the article asserts.

    Attributes
    ----------
    name : str
        What is compared, in words ("growth of training cost per year").
    key : str
        The evidence entry that is measured (flipping it flips the check).
    op : str
        ``">="``, ``"<="``, ``"within factor"``, ``"within"`` (absolute), ``"is true"`` or ``"is false"``.
    measured : float or bool
        The evidence value.
    asserted : float or bool
        The threshold or target.
    tolerance : float
        The factor (``within factor``) or absolute half-width (``within``); unused otherwise.
    low, high : float, optional
        An interval of the measured value (reported, never deciding).
    spec : str
        Format of numbers in the table (a format spec, ``"%"`` or ``"x"``).
    n_points : int, optional
        How many data points the measured value rests on, when it comes from a band or a fit; a check on
        :data:`THIN_POINTS` points or fewer is *thin* and does not count towards the verdict.
    basis : str
        What the check rests on, one of :data:`BASES` (empty: the claim's test type).
    passed : bool
        Computed.
    """

    name: str
    key: str
    op: str
    measured: float | bool
    asserted: float | bool
    tolerance: float = 0.0
    low: float | None = None
    high: float | None = None
    spec: str = ".3g"
    n_points: int | None = None
    basis: str = ""
    passed: bool = field(init=False)

    def __post_init__(self) -> None:
        if self.op not in _OPS:
            raise ValueError(f"op must be one of {_OPS}; got {self.op!r}")
        if self.basis and self.basis not in BASES:
            raise ValueError(f"check {self.name!r}: basis must be one of {BASES}; got {self.basis!r}")
        if self.n_points is not None and (isinstance(self.n_points, bool) or not isinstance(self.n_points, int)
                                          or self.n_points < 0):
            raise ValueError(f"check {self.name!r}: n_points must be a whole number >= 0; got {self.n_points!r}")
        if self.op in (IS_TRUE, IS_FALSE):
            if not isinstance(self.measured, bool):
                raise ValueError(f"check {self.name!r}: measured must be a bool for {self.op!r}; "
                                 f"got {self.measured!r}")
            passed = self.measured if self.op == IS_TRUE else not self.measured
        else:
            m = _number(self.measured, f"check {self.name!r}: measured ({self.key})")
            a = _number(self.asserted, f"check {self.name!r}: asserted")
            if self.op == AT_LEAST:
                passed = m >= a
            elif self.op == AT_MOST:
                passed = m <= a
            elif self.op == ABOVE:
                passed = m > a
            elif self.op == BELOW:
                passed = m < a
            elif self.op == WITHIN_FACTOR:
                if not self.tolerance > 1 or a <= 0:
                    raise ValueError(f"check {self.name!r}: a factor tolerance needs tolerance > 1 and a "
                                     f"positive target; got {self.tolerance!r}, {a!r}")
                passed = m > 0 and a / self.tolerance <= m <= a * self.tolerance
            elif self.op == RATE_WITHIN:
                if not self.tolerance > 1 or a <= 1:
                    raise ValueError(f"check {self.name!r}: a rate tolerance needs tolerance > 1 and a growth "
                                     f"multiplier above 1; got {self.tolerance!r}, {a!r}")
                passed = a ** (1 / self.tolerance) <= m <= a ** self.tolerance
            else:
                if not self.tolerance > 0:
                    raise ValueError(f"check {self.name!r}: tolerance must be positive; got {self.tolerance!r}")
                passed = abs(m - a) <= self.tolerance
            for end in (self.low, self.high):
                if end is not None:
                    _number(end, f"check {self.name!r}: interval end")
        object.__setattr__(self, "passed", bool(passed))

    # The boundaries at which the check changes outcome, as candidate measured values.
    def boundaries(self) -> list[float | bool]:
        """Values of the measured entry just across each boundary of the check (where it would flip)."""
        if self.op in (IS_TRUE, IS_FALSE):
            return [not self.measured]
        a = float(self.asserted)
        if self.op == AT_LEAST:
            return [_below(a)] if self.passed else [a]
        if self.op == AT_MOST:
            return [_above(a)] if self.passed else [a]
        if self.op == ABOVE:
            return [a] if self.passed else [_above(a)]
        if self.op == BELOW:
            return [a] if self.passed else [_below(a)]
        if self.op == WITHIN_FACTOR:
            lo, hi = a / self.tolerance, a * self.tolerance
        elif self.op == RATE_WITHIN:
            lo, hi = a ** (1 / self.tolerance), a ** self.tolerance
        else:
            lo, hi = a - self.tolerance, a + self.tolerance
        if self.passed:
            return [_below(lo), _above(hi)]
        return [lo] if float(self.measured) < lo else [hi]

    def boundary_near(self, value: float) -> float:
        """The threshold (or tolerance edge) that ``value`` was placed just across."""
        a = float(self.asserted)
        if self.op in (AT_LEAST, AT_MOST, ABOVE, BELOW):
            return a
        if self.op == WITHIN_FACTOR:
            edges = (a / self.tolerance, a * self.tolerance)
        elif self.op == RATE_WITHIN:
            edges = (a ** (1 / self.tolerance), a ** self.tolerance)
        else:
            edges = (a - self.tolerance, a + self.tolerance)
        return min(edges, key=lambda edge: abs(edge - value))

    def distance(self, value: float | bool) -> float:
        """How far ``value`` is from the measured value (in decades for positive numbers, else relative)."""
        if isinstance(value, bool):
            return 1.0
        m = float(self.measured)
        if m > 0 and value > 0:
            return abs(math.log10(value / m))
        return abs(value - m) / max(abs(m), abs(value), 1e-12)

    @property
    def interval_straddles(self) -> bool:
        """True when the reported interval contains outcomes on both sides of the check."""
        if self.low is None or self.high is None or self.op in (IS_TRUE, IS_FALSE):
            return False
        ends = [replace(self, measured=float(e), low=None, high=None).passed for e in (self.low, self.high)]
        return ends[0] != ends[1] or ends[0] != self.passed

    @property
    def thin(self) -> bool:
        """True when the measured value rests on :data:`THIN_POINTS` points or fewer (it cannot decide)."""
        return self.n_points is not None and self.n_points <= THIN_POINTS

    def asserted_text(self) -> str:
        if self.op == IS_TRUE:
            return "true"
        if self.op == IS_FALSE:
            return "false"
        a = fmt(float(self.asserted), self.spec)
        if self.op == WITHIN_FACTOR:
            return f"{a} (within ×{self.tolerance:.3g})"
        if self.op == RATE_WITHIN:
            return f"{a} per year (doubling time within {self.tolerance - 1:.0%})"
        if self.op == WITHIN_ABS:
            return f"{a} ± {fmt(self.tolerance, self.spec if self.spec != 'x' else '.3g')}"
        return f"{self.op} {a}"

    def measured_text(self) -> str:
        text = fmt(self.measured, self.spec) if not isinstance(self.measured, bool) else fmt(self.measured)
        if self.low is not None and self.high is not None:
            text += f" [{fmt(self.low, self.spec)}, {fmt(self.high, self.spec)}]"
        return text

    def as_dict(self) -> dict:
        return {
            "name": self.name, "key": self.key, "op": self.op, "measured": self.measured,
            "asserted": self.asserted, "tolerance": self.tolerance, "low": self.low, "high": self.high,
            "passed": self.passed, "interval_straddles": self.interval_straddles,
            "measured_text": self.measured_text(), "asserted_text": self.asserted_text(),
            "n_points": self.n_points, "thin": self.thin, "basis": self.basis,
        }


def _below(x: float) -> float:
    return math.nextafter(x, -math.inf) if x == 0 else x - abs(x) * 1e-9


def _above(x: float) -> float:
    return math.nextafter(x, math.inf) if x == 0 else x + abs(x) * 1e-9


def _value(evidence: Mapping[str, Any], key: str) -> Any:
    if key not in evidence:
        raise ValueError(f"evidence has no entry {key!r}; it has {sorted(evidence)}")
    return evidence[key]


def _interval(evidence: Mapping[str, Any], key: str, low: str | None, high: str | None):
    lo = evidence.get(low if low else f"{key}_low")
    hi = evidence.get(high if high else f"{key}_high")
    return (None, None) if lo is None or hi is None else (float(lo), float(hi))


def at_least(evidence: Mapping, key: str, threshold: float, name: str, *, spec: str = ".3g",
             low: str | None = None, high: str | None = None, n_points: int | None = None,
             basis: str = "") -> Check:
    """Check that ``evidence[key] >= threshold``. The interval is read from ``<key>_low``/``<key>_high``
    (or the entries named by ``low``/``high``) when present."""
    lo, hi = _interval(evidence, key, low, high)
    return Check(name, key, AT_LEAST, _value(evidence, key), threshold, low=lo, high=hi, spec=spec,
                 n_points=n_points, basis=basis)


def at_most(evidence: Mapping, key: str, threshold: float, name: str, *, spec: str = ".3g",
            low: str | None = None, high: str | None = None, n_points: int | None = None,
            basis: str = "") -> Check:
    """Check that ``evidence[key] <= threshold`` (interval as in :func:`at_least`)."""
    lo, hi = _interval(evidence, key, low, high)
    return Check(name, key, AT_MOST, _value(evidence, key), threshold, low=lo, high=hi, spec=spec,
                 n_points=n_points, basis=basis)


def about(evidence: Mapping, key: str, target: float, name: str, *, factor: float = ABOUT_FACTOR,
          spec: str = ".3g", low: str | None = None, high: str | None = None, n_points: int | None = None,
          basis: str = "") -> Check:
    """Check that ``evidence[key]`` is within ``factor`` of ``target`` ("about X"; see :data:`ABOUT_FACTOR`)."""
    lo, hi = _interval(evidence, key, low, high)
    return Check(name, key, WITHIN_FACTOR, _value(evidence, key), target, tolerance=factor, low=lo, high=hi,
                 spec=spec, n_points=n_points, basis=basis)


def about_rate(evidence: Mapping, key: str, target: float, name: str, *, tolerance: float = RATE_TOLERANCE,
               spec: str = "x", low: str | None = None, high: str | None = None, n_points: int | None = None,
               basis: str = "") -> Check:
    """Check that a growth multiplier per period ``evidence[key]`` is "about ×target" (see
    :data:`RATE_TOLERANCE`: log-growth within the tolerance factor)."""
    lo, hi = _interval(evidence, key, low, high)
    return Check(name, key, RATE_WITHIN, _value(evidence, key), target, tolerance=tolerance, low=lo, high=hi,
                 spec=spec, n_points=n_points, basis=basis)


def near(evidence: Mapping, key: str, target: float, name: str, *, tolerance: float = ABOUT_POINTS,
         spec: str = ".3g", low: str | None = None, high: str | None = None, n_points: int | None = None,
         basis: str = "") -> Check:
    """Check that ``evidence[key]`` is within ``tolerance`` (absolute) of ``target``."""
    lo, hi = _interval(evidence, key, low, high)
    return Check(name, key, WITHIN_ABS, _value(evidence, key), target, tolerance=tolerance, low=lo, high=hi,
                 spec=spec, n_points=n_points, basis=basis)


def holds(evidence: Mapping, key: str, name: str, *, n_points: int | None = None, basis: str = "") -> Check:
    """Check that the boolean evidence entry ``key`` is true (a computed comparison, never typed by hand)."""
    value = _value(evidence, key)
    if not isinstance(value, bool):
        raise ValueError(f"evidence[{key!r}] must be a bool; got {value!r}")
    return Check(name, key, IS_TRUE, value, True, n_points=n_points, basis=basis)


def fails(evidence: Mapping, key: str, name: str, *, n_points: int | None = None, basis: str = "") -> Check:
    """Check that the boolean evidence entry ``key`` is false."""
    value = _value(evidence, key)
    if not isinstance(value, bool):
        raise ValueError(f"evidence[{key!r}] must be a bool; got {value!r}")
    return Check(name, key, IS_FALSE, value, False, n_points=n_points, basis=basis)


def beyond(evidence: Mapping, key: str, null: float, name: str, *, direction: str, spec: str = ".3g",
           low: str | None = None, high: str | None = None, n_points: int | None = None,
           basis: str = "") -> Check:
    """Check that ``evidence[key]`` lies beyond ``null`` by more than its own uncertainty (the rule "A null
    needs a margin"): for ``direction="above"`` the lower end of its interval (``<key>_low``, or ``low``)
    must exceed ``null``; for ``"below"`` the upper end (``<key>_high``, or ``high``) must be under it.
    Equality with the null fails. The check measures that interval end, so the card shows what decides.

    Raises
    ------
    ValueError
        If ``direction`` is not "above" or "below", or the evidence has no interval for ``key``.
    """
    if direction not in ("above", "below"):
        raise ValueError(f"direction must be 'above' or 'below'; got {direction!r}")
    lo, hi = _interval(evidence, key, low, high)
    if lo is None:
        raise ValueError(f"beyond({key!r}) needs an interval: evidence entries {low or key + '_low'!r} and "
                         f"{high or key + '_high'!r}; the evidence has {sorted(evidence)}")
    end_key = (low or f"{key}_low") if direction == "above" else (high or f"{key}_high")
    end = lo if direction == "above" else hi
    op = ABOVE if direction == "above" else BELOW
    point = float(_number(_value(evidence, key), f"evidence[{key!r}]"))
    label = f"{name} (interval's {'lower' if direction == 'above' else 'upper'} end; point {fmt(point, spec)})"
    return Check(label, end_key, op, end, null, low=lo, high=hi, spec=spec, n_points=n_points, basis=basis)


def share_at_least(evidence: Mapping, count_key: str, total_key: str, share: float, name: str, *,
                   population: str, strict: bool = False, basis: str = "") -> Check:
    """Check that ``evidence[count_key] / evidence[total_key]`` is at least ``share`` (more than it, when
    ``strict``), over a stated ``population`` (the rule "Shares over a stated population": :data:`MOST_SHARE`
    for "most", :data:`OFTEN_SHARE` for "often"). The share is added to the check's name with the counts.

    Raises
    ------
    ValueError
        If the total is not positive, the count is negative or above the total, or ``share`` is not in (0, 1].
    """
    count = _number(_value(evidence, count_key), f"evidence[{count_key!r}]")
    total = _number(_value(evidence, total_key), f"evidence[{total_key!r}]")
    if not 0 < share <= 1:
        raise ValueError(f"share must be in (0, 1]; got {share!r}")
    if total <= 0 or not 0 <= count <= total:
        raise ValueError(f"share_at_least needs 0 <= {count_key} <= {total_key} and {total_key} > 0; "
                         f"got {count!r} of {total!r}")
    label = f"{name}: {count:.0f} of {total:.0f} {population}"
    return Check(label, count_key, ABOVE if strict else AT_LEAST, count, share * total, spec=".3g",
                 n_points=int(total), basis=basis)
