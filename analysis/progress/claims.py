"""Claims of the chapter "Is progress slowing?" (``book/progress.md``): the articles' central claim,
that measured capability has stopped rising or gives less for its compute, tested on Epoch's Benchmarking
Hub, METR's time horizons and Ruan et al.'s base models."""

from __future__ import annotations

from analysis.other_side import obsscaling
from analysis.progress import compute_returns, metr, frontier
from analysis.ledger.core import DATA, Claim, assess, at_least, at_most, not_testable

CHAPTER = "progress"
#: Chapter parameters that the evidence reads (same defaults as the chapter's parameters cell).
DEFAULTS = {"break_date": frontier.DEFAULT_BREAK, "n_boot": 300, "seed": 0}


def _metr_slowdown(version: str, n_boot: int, seed: int) -> float:
    """Doubling time since 2024 over that of 2019-2023 (above 1: the horizon grows more slowly now)."""
    before = metr.metr_doubling_time(version, "2019-01-01", "2024-01-01", n_boot=n_boot, seed=seed)
    after = metr.metr_doubling_time(version, "2024-01-01", n_boot=n_boot, seed=seed)
    return after.days / before.days


def _slowdown(break_date: str = frontier.DEFAULT_BREAK, n_boot: int = 300, seed: int = 0) -> dict:
    r = frontier.frontier_slopes(break_date, n_boot=n_boot, seed=seed)
    before = metr.metr_doubling_time("1.1", "2019-01-01", "2024-01-01", n_boot=n_boot, seed=seed)
    after = metr.metr_doubling_time("1.1", "2024-01-01", n_boot=n_boot, seed=seed)
    return {"metr_slowdown_v10": _metr_slowdown("1.0", n_boot, seed),
        "eci_slope_before": r.before, "eci_slope_before_low": r.before_low, "eci_slope_before_high": r.before_high,
        "eci_slope_after": r.after, "eci_slope_after_low": r.after_low, "eci_slope_after_high": r.after_high,
        "eci_slope_ratio": r.ratio, "eci_slope_ratio_low": r.ratio_low, "eci_slope_ratio_high": r.ratio_high,
        "eci_revision_max": frontier.ECI_REVISION_MAX_POINTS,
        "metr_days_before_2024": before.days, "metr_days_since_2024": after.days,
        "metr_days_since_2024_low": after.days_low, "metr_days_since_2024_high": after.days_high,
        "metr_slowdown": after.days / before.days,
    }


def _judge_stopped(ev) -> object:
    checks = [
        at_most(ev, "eci_slope_ratio", 0.5, "frontier ECI slope after the break relative to before"),
        at_most(ev, "eci_slope_after", frontier.ECI_REVISION_MAX_POINTS,
                "frontier ECI gain per year after the break (ECI points; at most one revision's size)"),
        at_least(ev, "metr_slowdown", 1.0, "METR v1.1 doubling time since 2024 relative to 2019-2023"),
        at_least(ev, "metr_slowdown_v10", 1.0,
                 "the same on METR v1.0 (other tasks and scaffolds: does the reading survive the suite?)"),
    ]
    summary = (f"The ECI frontier rose {ev['eci_slope_before']:.1f} points a year before the break and "
               f"{ev['eci_slope_after']:.1f} after (90% interval {ev['eci_slope_after_low']:.1f}-"
               f"{ev['eci_slope_after_high']:.1f}); METR's 50% horizon doubled every "
               f"{ev['metr_days_since_2024']:.0f} days since 2024 against {ev['metr_days_before_2024']:.0f} before.")
    return assess(checks, summary)


def _gains(n_boot: int = 300, seed: int = 0) -> dict:
    g = frontier.yearly_gains()
    before = metr.metr_doubling_time("1.1", "2019-01-01", "2024-01-01", n_boot=n_boot, seed=seed)
    after = metr.metr_doubling_time("1.1", "2024-01-01", n_boot=n_boot, seed=seed)
    return {"gain_last_year": g.last, "gain_previous_year": g.previous, "gain_ratio": g.last / g.previous,
            "gain_drop": g.previous - g.last, "eci_revision_max": frontier.ECI_REVISION_MAX_POINTS,
            "metr_slowdown": after.days / before.days, "metr_slowdown_v10": _metr_slowdown("1.0", n_boot, seed)}


def _judge_smaller(ev):
    checks = [
        at_most(ev, "gain_ratio", 1.0, "frontier ECI gain in the last 12 months relative to the 12 before"),
        at_least(ev, "gain_drop", frontier.ECI_REVISION_MAX_POINTS,
                 "drop of the yearly gain (ECI points) beyond one revision of the index"),
        at_least(ev, "metr_slowdown", 1.0, "METR v1.1 doubling time since 2024 relative to 2019-2023"),
        at_least(ev, "metr_slowdown_v10", 1.0,
                 "the same on METR v1.0 (other tasks and scaffolds: does the reading survive the suite?)"),
    ]
    summary = (f"The ECI frontier gained {ev['gain_last_year']:.1f} points in the snapshot's last twelve months "
               f"against {ev['gain_previous_year']:.1f} in the twelve before, a drop of {ev['gain_drop']:.1f}, "
               f"{'within' if ev['gain_drop'] < ev['eci_revision_max'] else 'beyond'} the "
               f"{ev['eci_revision_max']:.2f} points one revision of the index can move a model; "
               f"METR's horizon doubled {1 / ev['metr_slowdown']:.1f} times as fast since 2024 as before.")
    return assess(checks, summary)


def _per_compute(n_boot: int = 300, seed: int = 0) -> dict:
    e = compute_returns.compute_elasticity(n_boot=n_boot, seed=seed)
    pc = obsscaling.band_gains("pc1", "flop", (1e21, 1e23, 1e26), n_boot=n_boot, seed=seed)
    return {"eci_per_decade_lower": e.lower, "eci_per_decade_upper": e.upper,
            "eci_elasticity_ratio": e.ratio, "eci_elasticity_ratio_low": e.ratio_low,
            "eci_elasticity_ratio_high": e.ratio_high,
            "pc1_per_decade_lower": pc.lower, "pc1_per_decade_upper": pc.upper,
            "pc1_elasticity_ratio": pc.upper / pc.lower}


def _judge_per_compute(ev):
    checks = [
        at_most(ev, "eci_elasticity_ratio", 1.0,
                "ECI per decade of compute above the median compute relative to below (Epoch, year held fixed)"),
        at_most(ev, "pc1_elasticity_ratio", 1.0,
                "capability (PC1) per decade of compute above 1e23 FLOP relative to below (Ruan et al. base models)"),
    ]
    summary = (f"Among Epoch's models, holding release year fixed, a decade of compute buys "
               f"{ev['eci_per_decade_lower']:.1f} ECI points below the median compute and "
               f"{ev['eci_per_decade_upper']:.1f} above it; among Ruan et al.'s base models the capability measure "
               f"gains {ev['pc1_per_decade_lower']:.2f} per decade below 1e23 FLOP and "
               f"{ev['pc1_per_decade_upper']:.2f} above.")
    return assess(checks, summary)


def _relative(break_date: str = frontier.DEFAULT_BREAK, n_boot: int = 300, seed: int = 0) -> dict:
    e = compute_returns.compute_elasticity(break_date, n_boot=n_boot, seed=seed)
    r = frontier.frontier_slopes(break_date, n_boot=n_boot, seed=seed)
    return {"eci_slope_after": r.after, "eci_slope_after_low": r.after_low, "eci_slope_after_high": r.after_high,
            "eci_per_decade_early": e.early, "eci_per_decade_late": e.late,
            "late_over_early": e.late / e.early, "eci_per_year_fixed_compute": e.per_year}


def _judge_relative(ev):
    checks = [
        at_least(ev, "eci_slope_after", 0.0, "frontier ECI gain per year after the break (still rising)"),
        at_most(ev, "late_over_early", 1.0, "ECI per decade of compute, later releases relative to earlier"),
        at_most(ev, "eci_per_year_fixed_compute", 0.0,
                "ECI gained per year at fixed compute (a decline would make it negative)"),
    ]
    summary = (f"The frontier kept rising ({ev['eci_slope_after']:.1f} ECI points a year); among models with a "
               f"compute estimate, a decade of compute goes with {ev['eci_per_decade_late']:.1f} points for later "
               f"releases against {ev['eci_per_decade_early']:.1f} for earlier ones, but at fixed compute a model "
               f"released a year later scores {ev['eci_per_year_fixed_compute']:.1f} points "
               f"{'higher' if ev['eci_per_year_fixed_compute'] >= 0 else 'lower'}.")
    return assess(checks, summary)


def _generations() -> dict:
    g = metr.generation_gains("1.1")
    return {"gpt2_to_gpt3": g.gpt2_to_gpt3, "gpt3_to_gpt4": g.gpt3_to_gpt4,
            "generation_ratio": g.gpt3_to_gpt4 / g.gpt2_to_gpt3}


def _judge_generations(ev):
    checks = [at_most(ev, "generation_ratio", 1.0,
                      "horizon doublings per decade of compute, GPT-3 to GPT-4 relative to GPT-2 to GPT-3")]
    summary = (f"METR's 50% horizon doubled {ev['gpt2_to_gpt3']:.2f} times per decade of training compute from "
               f"GPT-2 to GPT-3 and {ev['gpt3_to_gpt4']:.2f} times from GPT-3 to GPT-4.")
    return assess(checks, summary)


def _params(n_boot: int = 300, seed: int = 0) -> dict:
    g = obsscaling.band_gains("rcf", "params", n_boot=n_boot, seed=seed)
    return {"gain_10b_100b": g.lower, "gain_10b_100b_low": g.lower_low, "gain_10b_100b_high": g.lower_high,
            "gain_100b_1t": g.upper, "gain_100b_1t_low": g.upper_low, "gain_100b_1t_high": g.upper_high,
            "band_ratio": g.upper / g.lower, "n_upper_band": float(g.n_upper)}


#: "Dramatic" read as at least ten points of mean accuracy per tenfold parameters (our threshold; a
#: tenfold step that moves three benchmarks by less would not be called dramatic).
DRAMATIC_POINTS = 10.0


def _judge_params(ev):
    checks = [
        at_least(ev, "gain_10b_100b", DRAMATIC_POINTS, "points per tenfold parameters, 10B-100B (dramatic)"),
        at_most(ev, "band_ratio", 1.0, "gain per tenfold parameters, 100B-1T relative to 10B-100B (smaller)"),
        at_least(ev, "gain_100b_1t", 0.0, "points per tenfold parameters, 100B-1T (measurable)"),
    ]
    summary = (f"Across Ruan et al.'s base models, the mean of GSM8K, HumanEval and MMLU rises "
               f"{ev['gain_10b_100b']:.1f} points per tenfold parameters between 10B and 100B and "
               f"{ev['gain_100b_1t']:.1f} between 100B and 1T, where only {ev['n_upper_band']:.0f} models lie "
               f"(interval {ev['gain_100b_1t_low']:.0f} to {ev['gain_100b_1t_high']:.0f}).")
    return assess(checks, summary)


def _ceiling() -> dict:
    share, near, total = frontier.ceiling_share()
    return {"share_near_ceiling": share, "n_near_ceiling": float(near), "n_benchmarks": float(total)}


def _judge_ceiling(ev):
    checks = [at_least(ev, "share_near_ceiling", 1 / 3,
                       "share of widely used benchmarks with a best score of 90% or more", spec="%")]
    summary = (f"Of the {ev['n_benchmarks']:.0f} fraction-scored benchmarks with at least 30 models in Epoch's "
               f"table, {ev['n_near_ceiling']:.0f} have a best score of 90% or more.")
    return assess(checks, summary)


def _truthful() -> dict:
    tq, n = obsscaling.compute_slope("TruthfulQA")
    mmlu, _ = obsscaling.compute_slope("MMLU")
    simpleqa = frontier.load_benchmark("simpleqa_verified")["score"].max()
    return {"truthfulqa_per_decade": tq, "mmlu_per_decade": mmlu, "truthful_over_mmlu": tq / mmlu,
            "simpleqa_best": float(simpleqa)}


def _judge_amplify(ev):
    checks = [at_most(ev, "truthfulqa_per_decade", 0.0,
                      "TruthfulQA points per decade of compute (negative if errors grow with scale)")]
    summary = (f"Across Ruan et al.'s base models TruthfulQA rises {ev['truthfulqa_per_decade']:.1f} points per "
               f"decade of compute (MMLU: {ev['mmlu_per_decade']:.1f}): "
               f"{'it improves, if slowly' if ev['truthfulqa_per_decade'] > 0 else 'it worsens'} with scale.")
    return assess(checks, summary)


def _judge_reliability(ev):
    checks = [
        at_most(ev, "simpleqa_best", 0.9, "best SimpleQA Verified accuracy (errors remain at the frontier)", spec="%"),
        at_most(ev, "truthful_over_mmlu", 0.5,
                "TruthfulQA gain per decade of compute relative to MMLU's (scale helps it little)"),
    ]
    summary = (f"The best model in Epoch's table answers {ev['simpleqa_best']:.0%} of SimpleQA Verified's factual "
               f"questions correctly; TruthfulQA gains {ev['truthful_over_mmlu']:.0%} as much per decade of compute "
               f"as MMLU among base models.")
    return assess(checks, summary)


def _bigger_better(n_boot: int = 300, seed: int = 0) -> dict:
    e = compute_returns.compute_elasticity(n_boot=n_boot, seed=seed)
    return {"eci_per_decade_lower": e.lower, "eci_per_decade_lower_low": e.lower_low,
            "eci_per_decade_lower_high": e.lower_high, "eci_per_decade_upper": e.upper,
            "eci_per_decade_upper_low": e.upper_low, "eci_per_decade_upper_high": e.upper_high}


def _judge_bigger_better(ev):
    checks = [
        at_least(ev, "eci_per_decade_lower", 0.0, "ECI points per tenfold compute, models below the median compute"),
        at_least(ev, "eci_per_decade_upper", 0.0, "ECI points per tenfold compute, models above the median compute"),
    ]
    summary = (f"Holding release date fixed, models trained with ten times the compute score "
               f"{ev['eci_per_decade_lower']:.1f} ECI points higher among the smaller half and "
               f"{ev['eci_per_decade_upper']:.1f} among the larger half: bigger remained better, by less at the top.")
    return assess(checks, summary)


CLAIMS = (
    Claim("PR-1", ("000", "000", "003", "004"),
          ("§ The New Law of Diminishing Returns ¶ 1", "§ The Scaling Illusion ¶ 3",
           "§ Diminishing Returns: The New Normal ¶ 2", "§ The Scaling Laws That Built Modern AI ¶ 8"),
          CHAPTER, "pr-claim-stopped",
          "Measured capability at the frontier has stopped rising (or has flattened), and the data show it.",
          "the performance curve has stopped climbing", DATA, _slowdown, _judge_stopped,
          checklist=("A0-02", "A0-10", "A4-13")),
    Claim("PR-17", ("002", "004"), ("§ The Law That Built an Industry ¶ 4", "§ The Scaling Laws That Built Modern AI ¶ 6"),
          CHAPTER, "pr-claim-compute",
          "For years the scaling bet held: models trained with more compute were better models.",
          "bigger models were better models", DATA, _bigger_better, _judge_bigger_better),
    Claim("PR-2", ("004",), ("§ (opening) ¶ 9",), CHAPTER, "pr-claim-smaller",
          "Scaling stopped paying: each round of improvement is smaller than the one before.",
          "improvements getting smaller and smaller", DATA, _gains, _judge_smaller, checklist=("A4-02",)),
    Claim("PR-3", ("000", "002", "003"),
          ("§ What does “diminishing returns” mean in AI? ¶ 1", "§ The Evidence for Diminishing Returns ¶ 3",
           "§ The Myth of Infinite Scaling ¶ 7"),
          CHAPTER, "pr-claim-compute",
          "Each further step of capability needs far more compute than the last: the gain per tenfold compute "
          "is shrinking.",
          "exponentially more compute for smaller gains", DATA, _per_compute, _judge_per_compute,
          checklist=("A0-31", "A2-08", "A3-01")),
    Claim("PR-4", ("002",), ("§ The Evidence for Diminishing Returns ¶ 1",), CHAPTER, "pr-claim-relative",
          "Frontier releases of 2024-25 still improved, but by less relative to the growth of their compute; "
          "improvement per unit of compute was falling.",
          "improvements shrinking relative to compute", DATA, _relative, _judge_relative,
          checklist=("A2-05", "A2-09")),
    Claim("PR-5", ("002",), ("§ The Evidence for Diminishing Returns ¶ 2",), CHAPTER, "pr-claim-generations",
          "GPT-3 to GPT-4 brought less capability per unit of extra compute than GPT-2 to GPT-3.",
          "GPT-3 to GPT-4 gap per compute smaller", DATA, _generations, _judge_generations,
          checklist=("A2-07",)),
    Claim("PR-6", ("001",), ("§ The Flattening Curve ¶ 1",), CHAPTER, "pr-claim-params",
          "Growing models from 10B to 100B parameters brought dramatic gains in reasoning, code and factual "
          "recall; from 100B to 1T, smaller but measurable ones.",
          "10B to 100B dramatic; 100B to 1T smaller", DATA, _params, _judge_params,
          checklist=("A1-04", "A1-05")),
    Claim("PR-7", ("002",), ("§ The Evidence for Diminishing Returns ¶ 6",), CHAPTER, "pr-claim-ceiling",
          "Many of the benchmarks in wide use are close to their ceiling.",
          "many widely used benchmarks near ceiling", DATA, _ceiling, _judge_ceiling, checklist=("A2-14",)),
    Claim("PR-8", ("003",), ("§ The Hidden Costs of Going Big ¶ 4",), CHAPTER, "pr-claim-reliability",
          "Larger models amplify errors such as repeating misinformation.",
          "larger models amplify biases and errors", DATA, _truthful, _judge_amplify, checklist=("A3-16",)),
    Claim("PR-9", ("004", "004"), ("§ Why Bigger Models Aren't Getting Better ¶ 13",
                                   "§ What This Means for Regular People ¶ 5"),
          CHAPTER, "pr-claim-reliability",
          "Scale has not fixed reliability: larger models still state false things confidently.",
          "bigger models didn't solve hallucination", DATA, _truthful, _judge_reliability,
          checklist=("A4-34", "A4-65")),
    not_testable("PR-10", ("001",), ("§ The Flattening Curve ¶ 1",),
                 "Going from 1T to 10T parameters would bring gains that hardly justify the cost.",
                 "1T to 10T gains struggle to justify cost",
                 "forecast: no 10T-parameter model exists; the premise about 100B-1T is PR-6",
                 chapter=CHAPTER, anchor="pr-claims", checklist=("A1-06",)),
    not_testable("PR-11", ("004",), ("§ What This Means for Regular People ¶ 2",),
                 "Next year's assistant will not be radically better, and prices may rise.",
                 "next year's ChatGPT not radically different",
                 "forecast: about next year; the recent rate it extrapolates from is PR-1",
                 chapter=CHAPTER, anchor="pr-claims", checklist=("A4-66",)),
    not_testable("PR-12", ("004",), ("§ (opening) ¶ 10",),
                 "Research from many universities and labs confirms a ceiling has been reached.",
                 "research confirms we've hit a ceiling",
                 "vague: no study is named; the ceiling itself is tested as PR-1 and PR-2",
                 chapter=CHAPTER, anchor="pr-claims", checklist=("A4-03",)),
    not_testable("PR-13", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 9",),
                 "Costs grow exponentially for improvements that users cannot see in practice.",
                 "improvements virtually invisible in practical use",
                 "no public data: nothing measures what users notice; the cost side is in the economics chapter",
                 chapter=CHAPTER, anchor="pr-claims", checklist=("A4-15",)),
    not_testable("PR-14", ("003",), ("§ Diminishing Returns: The New Normal ¶ 4",),
                 "On many benchmarks the improvement is hardly noticeable to end users.",
                 "improvement barely noticeable to end users",
                 "no public data: user perception is not measured by any file here; benchmark gains are PR-2",
                 chapter=CHAPTER, anchor="pr-claims", checklist=("A3-06",)),
    not_testable("PR-15", ("002",), ("§ The Evidence for Diminishing Returns ¶ 7",),
                 "Early scaling fixed obvious failures; later scaling brings subtler gains such as fewer "
                 "hallucinations.",
                 "later scaling yields more subtle improvements",
                 "vague: 'obvious' and 'subtle' failures have no measure; hallucination benchmarks are PR-9",
                 chapter=CHAPTER, anchor="pr-claims", checklist=("A2-16",)),
    not_testable("PR-16", ("000",), ("§ The Data Problem Beneath It All ¶ 2",),
                 "The gap between knowing words and understanding consequences does not close with size.",
                 "gap doesn't shrink with raw size",
                 "vague: 'understands the stakes' names no measurable task",
                 chapter=CHAPTER, anchor="pr-claims", checklist=("A0-21",)),
)
