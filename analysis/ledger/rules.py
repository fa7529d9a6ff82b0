"""The rules of reading: verdicts, test types, tolerances and the reading rules, each defined once with its
reason (printed on the ledger page). Part of the claim contract (:mod:`analysis.ledger.core`)."""

from __future__ import annotations

import math

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
NOT_TESTABLE_REASONS = ("forecast", "conditional", "opinion", "vague", "no public data", "pending",
                        "thin evidence")

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
#: "Most" (and a general present-tense comparison such as "small models are outperforming large ones"):
#: more than this share of a stated population. Half is where "most" starts in ordinary usage.
MOST_SHARE = 0.5
#: "Often" (and "frequently", "regularly"): at least this share of a stated population. One case in three
#: is the least that "often" can mean without becoming "sometimes", which is an existence claim.
OFTEN_SHARE = 1 / 3
#: A band or fit resting on this many points or fewer cannot decide a verdict alone: its checks are shown
#: but do not count (three points fix a line and its curvature; nothing is left to test the shape).
THIN_POINTS = 3
#: A verdict that agrees with itself in fewer than this share of the defensible specifications of its
#: multiverse is marked *fragile* (a two-to-one majority of reasonable analyses is the least we call robust).
FRAGILE_BELOW = 2 / 3
#: Most specifications a claim's multiverse may have (the product of its choices' values).
MAX_SPECS = 96


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
    ("A null needs a margin",
     "A comparison with a null ('shrinks', 'grows', 'is positive') passes only when the whole interval of the "
     "measured quantity lies beyond the null; equality with the null, or an interval that contains it, fails."),
    ("Shares over a stated population",
     f"'Most' and a general present-tense comparison ('X are outperforming Y') need more than "
     f"{MOST_SHARE:.0%} of a stated population; 'often' needs at least {OFTEN_SHARE:.0%}. One case is an "
     "existence check, and it answers only 'can' or 'some'."),
    ("No best case, no window chosen after looking",
     "A verdict never rests on a best-case bound alone. Each data and model verdict is evaluated over the choices "
     "a careful analyst could make differently (windows, subsets, methods, tolerances): its multiverse. The "
     "record says in how many specifications the verdict holds and which choices flip it; a verdict holding in "
     f"fewer than {FRAGILE_BELOW:.0%} of them is marked fragile (Steegen et al. 2016; Simonsohn, Simmons and "
     "Nelson 2020)."),
    ("Which check decides",
     "A row that mixes a published constant or a simulation with a check on data names the basis of each check "
     "and says what the data checks alone would give."),
    ("One quantity, one reading",
     "A quantity that several rows use (a growth rate, a cost, a share) is read the same way in each: the same "
     "unit, the same population, the same window."),
    ("Thin evidence",
     f"A band or fit resting on {THIN_POINTS} points or fewer cannot decide a verdict alone: its checks are shown "
     "but do not count, and a row with nothing else is not scored."),
    ("Worlds",
     "Every data and model verdict is run again in counterfactual worlds built by transforming the real input "
     "data, at least one where the sentence is plainly true and one where it is plainly false; each world "
     "names the verdict a fair reader would give, and the ledger shows what the pipeline gave."),
    ("Verdict from checks",
     "All checks pass: supported; some pass: partly supported; none: not supported."),
)



#: Why a verdict falls short of "supported": a closed vocabulary, each tag with its meaning (printed on the ledger
#: page). Every record whose verdict is not "supported" carries at least one. The contract derives the tags it can
#: from the checks (a magnitude beyond its tolerance, an interval that reaches the asserted figure) and from the
#: reason of a row that is not scored; a claim adds those only a reader can give (``Claim.reason_tags``).
REASON_TAGS: dict[str, str] = {
    "exaggerated": "the article's figure or effect is larger than the evidence shows, beyond the tolerance of its "
                   "reading (for a magnitude: the measured value lies below the band 'about X' allows)",
    "understated": "the article's figure is smaller than the evidence shows, beyond the tolerance of its reading",
    "within noise": "the measured interval reaches the figure or the null the sentence needs, so the data cannot "
                    "settle it, and the rules 'A null needs a margin' and 'Point estimate decides' score it against",
    "contradicted": "the evidence points the other way: the trend, comparison or effect the sentence asserts is "
                    "absent or reversed in the data or in the cited study",
    "outdated": "the figure was right for an earlier date than the one the sentence speaks of; newer data differ",
    "lacks context": "the figure holds only for a population, window or quantity the sentence leaves unsaid, and "
                     "read as written it misleads",
    "wrong source": "the study the article cites (or names) does not show what the sentence attributes to it",
    "overgeneralised": "one case, task, domain or configuration stated as a general rule",
    "flawed reasoning": "the conclusion does not follow from the figures given, even where the figures hold",
    "forecast": "a statement about the future: not scored (rule 'Conditionals and forecasts')",
    "conditional": "an 'if A then B': not scored as an assertion (its premise may be a row of its own)",
    "opinion": "a judgement with no measurable threshold: not scored",
    "vague": "no quantity, population or measure that data could be compared with: not scored",
    "no public data": "a public source could test it, but none is available to this project: not scored",
    "pending": "a public source tests it, but its figures have not yet been checked against a stored copy: not scored",
    "thin evidence": f"every check rests on {THIN_POINTS} points or fewer, so none decides: not scored",
}
#: Tags the contract derives from the reason of a row that is not scored (its first word or words).
NOT_SCORED_TAGS = NOT_TESTABLE_REASONS

#: What makes a claim *load-bearing* (``Claim.load_bearing``; printed on the ledger page, counted apart).
LOAD_BEARING_RULE = (
    "A claim is load-bearing when an article's conclusion needs it: the thesis itself (returns to scale are "
    "shrinking, progress has stopped or slowed, the age of scaling is over; or, in the article that argues both "
    "sides, that part of it was an artefact) or a reason the article gives for it (data running out, models "
    "collapsing on their own output, costs outgrowing what they buy). If it were false, the argument would lose a "
    "step. The statements the landing page's bottom line quotes are load-bearing by this rule. Not load-bearing: "
    "figures quoted as colour (market values, salaries, sums spent), the history of the field, alternatives the "
    "articles recommend, and forecasts or consequences drawn from the thesis.")
