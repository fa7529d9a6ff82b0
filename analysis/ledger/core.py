"""The claim contract: evidence (named numbers) kept apart from judgement (a pure function of them).

A :class:`Claim` is one statement of a seed article, in our words, with a locator in the article. Its
``evidence(**params)`` computes the numbers the verdict rests on from the chapter's ``analysis`` results
(expensive, cached there); its ``judge(evidence)`` is pure and cheap: it builds :class:`Check` objects by
comparing evidence entries with the asserted figures, and :func:`assess` turns the checks into a verdict
and computes the nearest change of the evidence that would flip it (``flips_if``).

Rules of reading (:data:`READING_RULES`) are written once here and printed on the ledger page.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

SUPPORTED = "supported"
PARTLY = "partly supported"
NOT_SUPPORTED = "not supported"
NOT_TESTABLE = "not testable"
VERDICTS = (SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_TESTABLE)

DATA = "data"
MODEL = "model"
LITERATURE = "literature"
TEST_TYPES = (DATA, MODEL, LITERATURE, NOT_TESTABLE)
TEST_TYPE_MEANING = {
    DATA: "measured on a real published data file in this project",
    MODEL: "a consequence of a fitted law: the functional form decides, so it is not empirical support",
    LITERATURE: "a published figure (cited) compared with the claim by code",
    NOT_TESTABLE: "a forecast, a conditional, an opinion, or no public data: the row gives the reason",
}

#: Reasons a statement is not scored (the ``reason`` of a not-testable claim starts with one of them).
NOT_TESTABLE_REASONS = ("forecast", "conditional", "opinion", "vague", "no public data", "pending")

#: "About X" for a magnitude (a cost, a count, a ratio): the measured value lies within this factor of X.
#: Popular articles round to one significant figure; rounding alone moves a figure by up to ~1.5x
#: (1.5 -> "2", 3.5 -> "3"), so a factor of 1.5 either way is the loosest reading that still has content.
ABOUT_FACTOR = 1.5
#: "Of the order of X" (an order-of-magnitude phrase such as "gigawatt-hours", "millions of litres"):
#: within half a decade either way (a factor of sqrt(10)), so the stated order is the nearest one.
ORDER_FACTOR = math.sqrt(10.0)
#: "About ×X per year" for a growth rate: the measured multiplier m is right when ln m / ln X lies within
#: [1/1.2, 1.2], i.e. the doubling time is within 20 %. That is the step between neighbouring rounded
#: multipliers in log terms (×2.5 vs ×3: ln 3 / ln 2.5 = 1.2), so an article that rounds to the nearest
#: integer multiplier passes; a factor tolerance on the multiplier itself would be far looser once compounded.
RATE_TOLERANCE = 1.2
#: "About X percentage points" for a share or accuracy: within this many points (one rounding step of 5).
ABOUT_POINTS = 5.0

#: The seed articles: code -> (file name, title, what kind of article it is).
ARTICLES: dict[str, tuple[str, str, str]] = {
    "000": ("000_a9286e32d3d2b3a3.txt",
            "When Bigger Isn't Better: The Diminishing Returns of Scaling AI Models",
            "a data-labelling company's blog post (it ends by promoting its own product)"),
    "001": ("001_18bebb09c70390f4.txt", "The Diminishing Returns of Scale",
            "a short 'contrarian' explainer with a table of gains per tenfold compute"),
    "002": ("002_6dd5508ec2aa51c5.txt", "The Scaling Debate: Are We Hitting Diminishing Returns?",
            "a long-form industry analysis that presents both sides"),
    "003": ("003_b3665fb875f80b73.txt", "AI Reality Check: Why Bigger Models Aren't Always Better",
            "an opinion piece in bullet points, without sources"),
    "004": ("004_2bd2b9b8142f26cf.txt",
            "The Age of AI Scaling Is Over: What Comes Next for Artificial Intelligence",
            "a long explainer with an FAQ, citing papers and news reports"),
}

#: Section headings of each article, in order: a locator ``"§ <heading> ¶ n"`` names the n-th non-empty line
#: after the heading (``"(opening)"`` before the first). Three of the articles have no blank lines between
#: paragraphs, so lines, not blank-line blocks, are what a reader can count in every one of them.
ARTICLE_HEADINGS: dict[str, tuple[str, ...]] = {
    "000": ("The New Law of Diminishing Returns", "The Scaling Illusion", "The Data Problem Beneath It All",
            "The Efficiency Frontier", "The New Data Paradigm", "Read Next:", "FAQ:",
            "What does “diminishing returns” mean in AI?", "Why did AI scaling work before and why is it slowing now?",
            "How does data quality affect AI performance?", "What’s the alternative to scaling?",
            "How does Sapien’s protocol address this?", "How can I start with Sapien?", "Sources:"),
    "001": ("The Flattening Curve", "Why Data, Not Compute, Is the Bottleneck", "The Efficiency Revolution",
            "Key Insight Ruby will revisit this in future rituals",
            "Why do scaling laws produce diminishing returns beyond a certain model size?"),
    "002": ("The Law That Built an Industry", "The Evidence for Diminishing Returns", "The Chinchilla Correction",
            "The Counterargument: We Are Not at the Ceiling", "The Shift From Scale to Efficiency",
            "What This Means for the Industry", "The Next Phase"),
    "003": ("The Myth of Infinite Scaling", "Diminishing Returns: The New Normal", "Why Smaller Models Are Catching Up",
            "The Hidden Costs of Going Big", "The Future: Smarter, Not Larger",
            "The Real Question Isn’t “How Big?” — It’s “How Smart?”"),
    "004": ("The Scaling Laws That Built Modern AI", "Why Bigger Models Aren't Getting Better",
            "The Model Collapse Problem Explained", "What Actually Works Instead of Scaling",
            "The Real Cost of AI Development", "The Path Forward for AI", "What This Means for Regular People",
            "Frequently Asked Questions", "Q: Will AI development stop completely because of scaling limits?",
            "Q: Does model collapse mean all AI will eventually become useless?",
            "Q: Are the billions spent on AI data centers wasted money?"),
}


def article_locators(code: str, text: str) -> dict[str, str]:
    """Every locator of an article's ``text`` mapped to the line it names (see :data:`ARTICLE_HEADINGS`)."""
    headings = set(ARTICLE_HEADINGS[article_code(code)])
    section, n, out = "(opening)", 0, {}
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if i > 0 and line in headings:
            section, n = line, 0
            continue
        n += 1
        out[f"§ {section} ¶ {n}"] = line
    return out


READING_RULES = (
    ("Strongest reasonable reading",
     "Each sentence is tested in the reading that a careful, sympathetic reader would give it; where two "
     "readings are plausible, the stronger one for the article is scored and the other is mentioned."),
    ("Conditionals and forecasts",
     "A sentence of the form 'if A then B', or a statement about the future, is not scored as an "
     "assertion: it is 'not testable' with that reason (its premise may be tested as a separate claim)."),
    ("Existence claims",
     "'Can', 'sometimes' or 'some' is tested as existence: one clear case in the data or literature "
     "supports it."),
    ("About X",
     f"'About X' for a magnitude means within a factor {ABOUT_FACTOR:g} of X; an order-of-magnitude phrase "
     f"means within a factor {ORDER_FACTOR:.2f} (half a decade); 'about X points' means within "
     f"{ABOUT_POINTS:g} points; 'about ×X per year' means a doubling time within "
     f"{RATE_TOLERANCE - 1:.0%} of the stated one."),
    ("Point estimate decides",
     "A check compares the point estimate with the asserted figure; its interval is reported beside it, "
     "with a note when the interval straddles the threshold. A verdict never rests on an interval edge."),
    ("Model is not data",
     "Where a fitted law's functional form decides the outcome, the row says 'model', not data."),
    ("Verdict from checks",
     "All checks pass: supported; some pass: partly supported; none: not supported."),
)


def article_code(article: str) -> str:
    """The three-digit code of a seed article, from the code itself or its file name."""
    code = str(article)[:3]
    if code not in ARTICLES:
        raise ValueError(f"article must be one of the seed codes {sorted(ARTICLES)}; got {article!r}")
    return code


# --- Checks ---------------------------------------------------------------------------------------

AT_LEAST = ">="
AT_MOST = "<="
WITHIN_FACTOR = "within factor"
WITHIN_ABS = "within"
RATE_WITHIN = "rate within"
IS_TRUE = "is true"
IS_FALSE = "is false"
_OPS = (AT_LEAST, AT_MOST, WITHIN_FACTOR, WITHIN_ABS, RATE_WITHIN, IS_TRUE, IS_FALSE)


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
    passed: bool = field(init=False)

    def __post_init__(self) -> None:
        if self.op not in _OPS:
            raise ValueError(f"op must be one of {_OPS}; got {self.op!r}")
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
        if self.op in (AT_LEAST, AT_MOST):
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
             low: str | None = None, high: str | None = None) -> Check:
    """Check that ``evidence[key] >= threshold``. The interval is read from ``<key>_low``/``<key>_high``
    (or the entries named by ``low``/``high``) when present."""
    lo, hi = _interval(evidence, key, low, high)
    return Check(name, key, AT_LEAST, _value(evidence, key), threshold, low=lo, high=hi, spec=spec)


def at_most(evidence: Mapping, key: str, threshold: float, name: str, *, spec: str = ".3g",
            low: str | None = None, high: str | None = None) -> Check:
    """Check that ``evidence[key] <= threshold`` (interval as in :func:`at_least`)."""
    lo, hi = _interval(evidence, key, low, high)
    return Check(name, key, AT_MOST, _value(evidence, key), threshold, low=lo, high=hi, spec=spec)


def about(evidence: Mapping, key: str, target: float, name: str, *, factor: float = ABOUT_FACTOR,
          spec: str = ".3g", low: str | None = None, high: str | None = None) -> Check:
    """Check that ``evidence[key]`` is within ``factor`` of ``target`` ("about X"; see :data:`ABOUT_FACTOR`)."""
    lo, hi = _interval(evidence, key, low, high)
    return Check(name, key, WITHIN_FACTOR, _value(evidence, key), target, tolerance=factor, low=lo, high=hi,
                 spec=spec)


def about_rate(evidence: Mapping, key: str, target: float, name: str, *, tolerance: float = RATE_TOLERANCE,
               spec: str = "x", low: str | None = None, high: str | None = None) -> Check:
    """Check that a growth multiplier per period ``evidence[key]`` is "about ×target" (see
    :data:`RATE_TOLERANCE`: log-growth within the tolerance factor)."""
    lo, hi = _interval(evidence, key, low, high)
    return Check(name, key, RATE_WITHIN, _value(evidence, key), target, tolerance=tolerance, low=lo, high=hi,
                 spec=spec)


def near(evidence: Mapping, key: str, target: float, name: str, *, tolerance: float = ABOUT_POINTS,
         spec: str = ".3g", low: str | None = None, high: str | None = None) -> Check:
    """Check that ``evidence[key]`` is within ``tolerance`` (absolute) of ``target``."""
    lo, hi = _interval(evidence, key, low, high)
    return Check(name, key, WITHIN_ABS, _value(evidence, key), target, tolerance=tolerance, low=lo, high=hi,
                 spec=spec)


def holds(evidence: Mapping, key: str, name: str) -> Check:
    """Check that the boolean evidence entry ``key`` is true (a computed comparison, never typed by hand)."""
    value = _value(evidence, key)
    if not isinstance(value, bool):
        raise ValueError(f"evidence[{key!r}] must be a bool; got {value!r}")
    return Check(name, key, IS_TRUE, value, True)


def fails(evidence: Mapping, key: str, name: str) -> Check:
    """Check that the boolean evidence entry ``key`` is false."""
    value = _value(evidence, key)
    if not isinstance(value, bool):
        raise ValueError(f"evidence[{key!r}] must be a bool; got {value!r}")
    return Check(name, key, IS_FALSE, value, False)


# --- Assessment -----------------------------------------------------------------------------------

def verdict_of(passed: Sequence[bool]) -> str:
    """All checks pass -> supported; some -> partly supported; none -> not supported."""
    if len(passed) == 0:
        raise ValueError("a testable claim needs at least one check; got none")
    n = sum(bool(p) for p in passed)
    return SUPPORTED if n == len(passed) else PARTLY if n else NOT_SUPPORTED


@dataclass(frozen=True)
class Flip:
    """The nearest change of one evidence entry that changes the verdict."""

    key: str
    value: float | bool
    verdict: str
    check: str


@dataclass(frozen=True)
class Assessment:
    """A verdict, the checks it comes from, a computed summary sentence and the nearest flip."""

    verdict: str
    checks: tuple[Check, ...]
    summary: str
    flip: Flip | None
    flips_if: str

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}; got {self.verdict!r}")


def _flip_sentence(flip: Flip, check: Check) -> str:
    if isinstance(flip.value, bool):
        state = "held" if flip.value else "did not hold"
        return f"would be {flip.verdict} if '{check.name}' {state} (it {'does not' if flip.value else 'does'})"
    side = "below" if flip.value < float(check.measured) else "above"
    return (f"would be {flip.verdict} if {check.name} were {side} {fmt(check.boundary_near(flip.value), check.spec)} "
            f"(measured {fmt(float(check.measured), check.spec)})")


def assess(checks: Sequence[Check], summary: str) -> Assessment:
    """Verdict from ``checks`` (:func:`verdict_of`) and the nearest single-check flip that changes it."""
    checks = tuple(checks)
    verdict = verdict_of([c.passed for c in checks])
    best: tuple[float, Flip, Check] | None = None
    for i, c in enumerate(checks):
        for value in c.boundaries():
            flipped = [d.passed if j != i else not d.passed for j, d in enumerate(checks)]
            # a key shared by several checks moves them together
            for j, d in enumerate(checks):
                if j != i and d.key == c.key and not isinstance(value, bool):
                    flipped[j] = replace(d, measured=value).passed
            new = verdict_of(flipped)
            if new == verdict:
                continue
            dist = c.distance(value)
            if best is None or dist < best[0]:
                best = (dist, Flip(c.key, value, new, c.name), c)
    if best is None:
        return Assessment(verdict, checks, summary, None, "no single change of one measured value flips it")
    return Assessment(verdict, checks, summary, best[1], _flip_sentence(best[1], best[2]))


# --- Claims ---------------------------------------------------------------------------------------

Evidence = Mapping[str, float | bool]


@dataclass(frozen=True)
class Claim:
    """One statement of one or more seed articles, with its test.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"SL-1"``.
    articles : tuple of str
        Seed article codes (``"000"`` ... ``"004"``); a claim repeated across articles is one claim.
    locators : tuple of str
        Where in each article (same order): ``"§ <section heading> ¶ <paragraph number>"``.
    chapter : str
        Document name of the chapter holding the evidence (``"scaling-laws"``), or ``"ledger"``.
    anchor : str
        MyST label of the section with the evidence (or ``"ledger"``).
    claim : str
        The statement in our own words.
    asserted : str
        What the article asserts, short (a figure, or a quoted phrase of at most a dozen words).
    test_type : str
        One of :data:`TEST_TYPES`.
    evidence_fn : callable, optional
        ``evidence_fn(**params) -> Mapping[str, float | bool]``; ``None`` for not-testable claims.
    judge_fn : callable, optional
        ``judge_fn(evidence) -> Assessment``, pure; ``None`` for not-testable claims.
    reason : str
        Why a claim is not testable (starts with one of :data:`NOT_TESTABLE_REASONS`), or a note.
    citations : tuple of str
        BibTeX keys of the literature a ``literature`` check compares with.
    checklist : tuple of str
        Rows of the shared claims checklist this claim covers (``"A4-29"``), for the coverage test.
    """

    id: str
    articles: tuple[str, ...]
    locators: tuple[str, ...]
    chapter: str
    anchor: str
    claim: str
    asserted: str
    test_type: str
    evidence_fn: Callable[..., Evidence] | None = None
    judge_fn: Callable[[Evidence], Assessment] | None = None
    reason: str = ""
    citations: tuple[str, ...] = ()
    checklist: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "articles", tuple(article_code(a) for a in self.articles))
        if not self.articles:
            raise ValueError(f"claim {self.id}: articles must name at least one seed article")
        if len(self.locators) != len(self.articles):
            raise ValueError(f"claim {self.id}: one locator per article; got {self.locators!r} "
                             f"for {self.articles!r}")
        if self.test_type not in TEST_TYPES:
            raise ValueError(f"claim {self.id}: test_type must be one of {TEST_TYPES}; got {self.test_type!r}")
        testable = self.test_type != NOT_TESTABLE
        if testable and (self.evidence_fn is None or self.judge_fn is None):
            raise ValueError(f"claim {self.id}: a {self.test_type} claim needs evidence_fn and judge_fn")
        if not testable and not self.reason.startswith(NOT_TESTABLE_REASONS):
            raise ValueError(f"claim {self.id}: a not-testable claim needs a reason starting with one of "
                             f"{NOT_TESTABLE_REASONS}; got {self.reason!r}")
        if self.test_type == LITERATURE and not self.citations:
            raise ValueError(f"claim {self.id}: a literature claim needs citations")

    @property
    def testable(self) -> bool:
        return self.test_type != NOT_TESTABLE

    def parameters(self) -> tuple[str, ...]:
        """Names of the chapter parameters that the evidence function accepts."""
        if self.evidence_fn is None:
            return ()
        sig = inspect.signature(self.evidence_fn)
        return tuple(n for n, p in sig.parameters.items() if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))

    def evidence(self, **params: Any) -> dict[str, float | bool]:
        """Named numbers behind the verdict, computed with the chapter's ``params`` (defaults if omitted).

        Parameters the evidence function does not take are ignored (a chapter passes all of its own).
        """
        if self.evidence_fn is None:
            return {}
        accepted = self.parameters()
        sig = inspect.signature(self.evidence_fn)
        takes_all = any(p.kind == p.VAR_KEYWORD for p in sig.parameters.values())
        kwargs = params if takes_all else {k: v for k, v in params.items() if k in accepted}
        ev = dict(self.evidence_fn(**kwargs))
        for k, v in ev.items():
            if isinstance(v, bool):
                continue
            if not isinstance(v, (int, float)) or not math.isfinite(float(v)):
                raise ValueError(f"claim {self.id}: evidence[{k!r}] must be a finite number or a bool; got {v!r}")
            ev[k] = float(v)
        return ev

    def judge(self, evidence: Evidence) -> Assessment:
        """The verdict for ``evidence`` (pure: same evidence, same result; no data loading)."""
        if self.judge_fn is None:
            return Assessment(NOT_TESTABLE, (), self.reason, None, "not scored: " + self.reason)
        result = self.judge_fn(evidence)
        if not isinstance(result, Assessment):
            raise TypeError(f"claim {self.id}: judge_fn must return an Assessment; got {type(result).__name__}")
        return result


def not_testable(id: str, articles: Sequence[str], locators: Sequence[str], claim: str, asserted: str,
                 reason: str, *, chapter: str = "ledger", anchor: str = "ledger",
                 checklist: Sequence[str] = ()) -> Claim:
    """A claim that is registered but not scored, with its reason (see :data:`NOT_TESTABLE_REASONS`)."""
    return Claim(id, tuple(articles), tuple(locators), chapter, anchor, claim, asserted, NOT_TESTABLE,
                 reason=reason, checklist=tuple(checklist))
