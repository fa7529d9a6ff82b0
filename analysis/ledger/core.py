"""The claim contract: evidence (named numbers) kept apart from judgement (a pure function of them).

A :class:`Claim` is one statement of a seed article, in our words, with a locator in the article. Its
``evidence(**params)`` computes the numbers the verdict rests on from the chapter's ``analysis`` results
(expensive, cached there); its ``judge(evidence)`` is pure and cheap: it builds :class:`Check` objects by
comparing evidence entries with the asserted figures, and :func:`assess` turns the checks into a verdict
and computes the nearest change of the evidence that would flip it (``flips_if``). Its ``worlds`` and
``multiverse`` say how the verdict responds to the data and to the analyst's choices.

The contract is this module and four it gathers, so that a claims module imports everything from here:
:mod:`analysis.ledger.rules` (verdicts, tolerances and the rules of reading, printed on the ledger page),
:mod:`analysis.ledger.articles` (the seed articles and locators), :mod:`analysis.ledger.checks` (checks and
their builders) and :mod:`analysis.ledger.multiverse` (worlds, choices, robustness).
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from analysis.ledger.articles import ARTICLE_HEADINGS, ARTICLES, article_code, article_locators  # noqa: F401
from analysis.ledger.checks import (  # noqa: F401
    ABOVE, AT_LEAST, AT_MOST, BASES, BELOW, IS_FALSE, IS_TRUE, RATE_WITHIN, WITHIN_ABS, WITHIN_FACTOR, Check,
    about, about_rate, at_least, at_most, beyond, fails, fmt, holds, near, share_at_least)
from analysis.ledger.multiverse import Choice, World, robustness, spec_label  # noqa: F401
from analysis.ledger.rules import (  # noqa: F401
    ABOUT_FACTOR, ABOUT_POINTS, DATA, FRAGILE_BELOW, LITERATURE, MAX_SPECS, MODEL, MOST_SHARE, NOT_SUPPORTED,
    LOAD_BEARING_RULE, NOT_SCORED_TAGS, NOT_TESTABLE, NOT_TESTABLE_REASONS, OFTEN_SHARE, ORDER_FACTOR, PARTLY,
    RATE_TOLERANCE, READING_RULES, REASON_TAGS, SUPPORTED, TEST_TYPE_MEANING, TEST_TYPES, THIN_POINTS, VERDICTS)


# --- Assessment -----------------------------------------------------------------------------------

def verdict_of(passed: Sequence[bool]) -> str:
    """All checks pass -> supported; some -> partly supported; none -> not supported."""
    if len(passed) == 0:
        raise ValueError("a testable claim needs at least one check; got none")
    bad = [p for p in passed if not isinstance(p, bool)]
    if bad:
        raise ValueError(f"passed must hold booleans (the outcome of each check); got {bad[0]!r}")
    n = sum(passed)
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
    """Verdict from ``checks`` (:func:`verdict_of`) and the nearest single-check flip that changes it.

    Thin checks (:attr:`Check.thin`) are shown but do not count; when every check is thin the row is not
    scored (rule "Thin evidence"). When the counting checks rest on data and on something else (a published
    constant, a simulation, a fitted model), the summary says what the data checks alone would give.
    """
    checks = tuple(checks)
    counting = [i for i, c in enumerate(checks) if not c.thin]
    if checks and not counting:
        return Assessment(NOT_TESTABLE, checks,
                          f"Thin evidence: every check rests on {THIN_POINTS} points or fewer, so none decides. "
                          + summary, None, f"not scored: thin evidence (every check rests on {THIN_POINTS} points "
                          "or fewer)")
    verdict = verdict_of([checks[i].passed for i in counting])
    best: tuple[float, Flip, Check] | None = None
    for i in counting:
        c = checks[i]
        for value in c.boundaries():
            flipped = {j: (checks[j].passed if j != i else not c.passed) for j in counting}
            # a key shared by several checks moves them together
            for j in counting:
                d = checks[j]
                if j != i and d.key == c.key and not isinstance(value, bool):
                    flipped[j] = replace(d, measured=value).passed
            new = verdict_of(list(flipped.values()))
            if new == verdict:
                continue
            dist = c.distance(value)
            if best is None or dist < best[0]:
                best = (dist, Flip(c.key, value, new, c.name), c)
    bases = sorted({checks[i].basis for i in counting if checks[i].basis})
    if len(bases) > 1 and "data" in bases:
        on_data = verdict_of([checks[i].passed for i in counting if checks[i].basis == "data"])
        summary += (f" The checks rest on {', '.join(bases)}; the checks on data alone would give "
                    f"'{on_data}'.")
    thin = [c.name for c in checks if c.thin]
    if thin:
        summary += f" Not counted (thin evidence, {THIN_POINTS} points or fewer): {'; '.join(thin)}."
    if best is None:
        return Assessment(verdict, checks, summary, None, "no single change of one measured value flips it")
    return Assessment(verdict, checks, summary, best[1], _flip_sentence(best[1], best[2]))


def check_tags(checks: Sequence[Check]) -> tuple[str, ...]:
    """The reason tags (:data:`REASON_TAGS`) the failing checks that count give by themselves: a magnitude beyond
    its tolerance is "exaggerated" (measured below the band) or "understated" (above it); a failed check whose
    interval reaches the asserted figure is "within noise"."""
    tags = set()
    for c in checks:
        if c.passed or c.thin:
            continue
        if c.op in (WITHIN_FACTOR, RATE_WITHIN, WITHIN_ABS):
            edge = c.boundary_near(float(c.measured))
            tags.add("exaggerated" if float(c.measured) < edge else "understated")
        if c.interval_straddles:
            tags.add("within noise")
    return tuple(t for t in REASON_TAGS if t in tags)


def reason_tags_of(assessment: Assessment, reason: str = "", own: Sequence[str] = ()) -> tuple[str, ...]:
    """Why a verdict falls short of "supported", as tags of :data:`REASON_TAGS` in their order: none for
    "supported"; for a row not scored, the reason's opening words (or "thin evidence" when every check was thin);
    otherwise the tags the checks give (:func:`check_tags`) and ``own``, the tags the claim's reader gave."""
    if assessment.verdict == SUPPORTED:
        return ()
    if assessment.verdict == NOT_TESTABLE:
        if assessment.checks and all(c.thin for c in assessment.checks):
            return ("thin evidence",)
        return tuple(t for t in NOT_SCORED_TAGS if reason.startswith(t))[:1]
    tags = set(check_tags(assessment.checks)) | set(own)
    return tuple(t for t in REASON_TAGS if t in tags)


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
    worlds : tuple of World
        Counterfactual worlds (required for ``data`` and ``model`` claims: at least one where the sentence
        is plainly true and one where it is plainly false).
    multiverse : tuple of Choice
        The choices a careful analyst could make differently; the verdict is evaluated over their product.
    reason_tags : tuple of str
        Tags of :data:`REASON_TAGS` that say why the verdict falls short of "supported" where the checks cannot
        say it (see :func:`reason_tags_of`); shown only when the verdict is partly or not supported.
    load_bearing : bool
        Whether an article's conclusion needs this claim (:data:`LOAD_BEARING_RULE`).
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
    worlds: tuple[World, ...] = ()
    multiverse: tuple[Choice, ...] = ()
    reason_tags: tuple[str, ...] = ()
    load_bearing: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "articles", tuple(article_code(a) for a in self.articles))
        object.__setattr__(self, "reason_tags", tuple(self.reason_tags))
        judged = [t for t in self.reason_tags if t not in REASON_TAGS or t in NOT_SCORED_TAGS]
        if judged:
            raise ValueError(f"claim {self.id}: reason_tags must be tags of a scored verdict, among "
                             f"{[t for t in REASON_TAGS if t not in NOT_SCORED_TAGS]}; got {judged[0]!r}")
        if not isinstance(self.load_bearing, bool):
            raise ValueError(f"claim {self.id}: load_bearing must be True or False; got {self.load_bearing!r}")
        object.__setattr__(self, "worlds", tuple(self.worlds))
        object.__setattr__(self, "multiverse", tuple(self.multiverse))
        if not all(isinstance(w, World) for w in self.worlds):
            raise ValueError(f"claim {self.id}: worlds must be World objects")
        if not all(isinstance(c, Choice) for c in self.multiverse):
            raise ValueError(f"claim {self.id}: multiverse must be Choice objects")
        names = [w.name for w in self.worlds]
        if len(set(names)) != len(names):
            raise ValueError(f"claim {self.id}: world names must be unique; got {names}")
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
        if self.multiverse:
            if not testable:
                raise ValueError(f"claim {self.id}: a not-testable claim has no multiverse")
            sig = inspect.signature(self.evidence_fn)
            for c in self.multiverse:
                p = sig.parameters.get(c.name)
                if p is None or p.default is inspect.Parameter.empty:
                    raise ValueError(f"claim {self.id}: choice {c.name!r} must be a parameter with a default of "
                                     "the evidence function")
                if not any(repr(p.default) == repr(v) for v in c.values):
                    raise ValueError(f"claim {self.id}: choice {c.name!r} must include its default "
                                     f"{p.default!r} among {c.values!r}")
            n = math.prod(len(c.values) for c in self.multiverse)
            if n > MAX_SPECS:
                raise ValueError(f"claim {self.id}: the multiverse has {n} specifications (> {MAX_SPECS})")

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

    def specifications(self, **params: Any) -> list[dict[str, Any]]:
        """Every specification of the multiverse (choice name -> value), the default one first; the
        chapter's ``params`` fix the defaults of choices they name."""
        import itertools

        if not self.multiverse:
            return [{}]
        sig = inspect.signature(self.evidence_fn)
        default = {c.name: params.get(c.name, sig.parameters[c.name].default) for c in self.multiverse}
        specs = [dict(zip([c.name for c in self.multiverse], combo))
                 for combo in itertools.product(*[c.values for c in self.multiverse])]
        if not any(all(repr(s[k]) == repr(v) for k, v in default.items()) for s in specs):
            specs.append(default)
        specs.sort(key=lambda s: not all(repr(s[k]) == repr(v) for k, v in default.items()))
        return specs

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
                 checklist: Sequence[str] = (), load_bearing: bool = False) -> Claim:
    """A claim that is registered but not scored, with its reason (see :data:`NOT_TESTABLE_REASONS`)."""
    return Claim(id, tuple(articles), tuple(locators), chapter, anchor, claim, asserted, NOT_TESTABLE,
                 reason=reason, checklist=tuple(checklist), load_bearing=load_bearing)
