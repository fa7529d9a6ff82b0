"""The book's one number format, in Python (:func:`si`) and as Vega expressions (:func:`si_expr`).

:mod:`analysis.house.charts` re-exports both. Axes use one style per axis: suffixes (10k, 75B, 10T) when
the axis stays below 10^15, exponents (1e12, 1e15, 1e21) on every tick of an axis that reaches it, so an
axis never mixes "10T" with "1e15" (:func:`axis_label_expr`). Tooltips and text marks use :func:`si_expr`
(never d3's ``e`` or ``s`` formats, which write "1e+20" and "1.2G").
"""

from __future__ import annotations

import math

_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))
#: From this magnitude on, numbers are written with an exponent (1e15, not 1000T).
EXPONENT_FROM = 1e15


def _sig(x: float, digits: int) -> str:
    """``x`` rounded to ``digits`` significant digits, in plain decimal notation, trailing zeros dropped."""
    if x == 0:
        return "0"
    places = digits - 1 - math.floor(math.log10(abs(x)))
    text = f"{round(x, places):.{max(places, 0)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def si(value: float, unit: str = "", *, money: bool = False, digits: int = 3) -> str:
    """Format a number the way every axis, table and sentence of the book does.

    Thousands to trillions get k, M, B, T (``7.5e10`` -> ``"75B"``); from 10^15 on, and below 10^-3, a
    short exponent (``"1e21"``, ``"2.2e-10"``); in between, plain decimals with ``digits`` significant
    digits. ``money`` puts a dollar sign in front (``"$1.2B"``); ``unit`` follows after a space.

    Examples
    --------
    >>> si(7.5e10, "tokens"), si(1.2e9, money=True), si(3e21, "FLOP"), si(0.5)
    ('75B tokens', '$1.2B', '3e21 FLOP', '0.5')
    """
    if isinstance(digits, bool) or not isinstance(digits, int) or not 1 <= digits <= 15:
        raise ValueError(f"digits must be a whole number from 1 to 15; got {digits!r}")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"value must be a finite number; got {value!r}")
    a = abs(v)
    text = None
    if a >= EXPONENT_FROM or (0 < a < 1e-3):
        text = _exponent(v, digits)
    else:
        for threshold, suffix in _SUFFIXES:
            if a >= threshold * (1 - 0.5 * 10 ** -digits):
                scaled = _sig(v / threshold, digits)
                if abs(float(scaled)) >= 1000 and suffix != "T":
                    continue  # rounding carried into the next suffix
                text = scaled + suffix
                break
        if text is None:
            text = _sig(v, digits)
    if money:
        text = ("-$" + text[1:]) if text.startswith("-") else "$" + text
    return f"{text} {unit}" if unit else text


def _exponent(v: float, digits: int) -> str:
    mantissa, exponent = f"{v:.{digits - 1}e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".") if "." in mantissa else mantissa
    return f"{mantissa}e{int(exponent)}"


def _exp_expr(v: str) -> str:
    return f"({v} == 0 ? '0' : replace(format({v}, '.2~e'), 'e+', 'e'))"


def si_expr(field: str = "datum.value", *, money: bool = False, unit: str = "", exponent: bool = False) -> str:
    """The Vega expression twin of :func:`si` (for ``labelExpr``, tooltips and text marks).

    ``exponent=True`` writes every number with an exponent (``1e12``), the style of an axis that reaches
    10^15 (:func:`axis_label_expr`).
    """
    v = field
    if exponent:
        num = _exp_expr(v)
    else:
        num = (f"abs({v}) >= {EXPONENT_FROM:g} || (abs({v}) > 0 && abs({v}) < 1e-3) ? {_exp_expr(v)} : "
               f"abs({v}) >= 1e12 ? format({v} / 1e12, '.3~r') + 'T' : "
               f"abs({v}) >= 1e9 ? format({v} / 1e9, '.3~r') + 'B' : "
               f"abs({v}) >= 1e6 ? format({v} / 1e6, '.3~r') + 'M' : "
               f"abs({v}) >= 1e3 ? format({v} / 1e3, '.3~r') + 'k' : format({v}, '.3~r')")
    expr = f"({num})"
    if money:
        expr = f"({v} < 0 ? '-$' : '$') + replace({expr}, '-', '')"
    if unit:
        expr = f"{expr} + ' {unit}'"
    return expr


def axis_label_expr(low: float, high: float, *, money: bool = False) -> str:
    """The tick-label expression of an axis over ``[low, high]``: suffixes, or exponents on every tick when
    the axis reaches 10^15 (one style per axis)."""
    return si_expr(money=money, exponent=max(abs(low), abs(high)) >= EXPONENT_FROM)
