"""Claims of the chapter "Is progress slowing?" (``book/progress.md``): the articles' central claim,
that measured capability has stopped rising or gives less for its compute, tested on Epoch's Benchmarking
Hub, METR's time horizons and Ruan et al.'s base models.

Each data claim has counterfactual worlds (the real tables transformed by :mod:`analysis.progress.worlds`)
and a multiverse of the choices a careful analyst could make differently (break date, window start, which
models count, records only or every release, interval level, where a band is cut)."""

from __future__ import annotations

from analysis.other_side import obsscaling
from analysis.progress import compute_returns, curves, families, metr, frontier
from analysis.progress import worlds as W
from analysis.ledger.core import (DATA, NOT_SUPPORTED, OFTEN_SHARE, PARTLY, SUPPORTED, Choice, Claim, World, assess,
                                  at_least, at_most, beyond, fails, holds, not_testable, share_at_least)

CHAPTER = "progress"
#: Chapter parameters that the evidence reads (same defaults as the chapter's parameters cell).
DEFAULTS = {"break_date": frontier.DEFAULT_BREAK, "start": frontier.DEFAULT_START, "subset": "all", "n_boot": 300,
            "seed": 0}
#: Inside a world every cache is cold: a cheaper bootstrap keeps the worlds within the build's budget.
CHEAP = {"n_boot": 60}
#: PR-1's worlds also refit the competing curves every third month instead of every month.
CHEAP_CURVES = {**CHEAP, "origin_step": 3}
REVISION = frontier.ECI_REVISION_MAX_POINTS
METR_SPLITS = ("2024-01-01", "2024-07-01")

# --- Shared choices (one quantity, one reading: the same values wherever a quantity is used) ---------------

BREAK = Choice("break_date", frontier.BREAK_CHOICES,
               "quarter starts from mid-2024 (the first reasoning models arrived in September 2024) to late 2025, "
               "each leaving enough record-setters on both sides")
START = Choice("start", frontier.START_CHOICES,
               "the frontier counts from GPT-4 (14 Mar 2023), the first model of the file that beat everything released "
               "before it, in the file or not; or from the day after (the models of that first date dropped from the "
               "fit, GPT-4 still barring weaker later models from counting as records)")
SUBSET = Choice("subset", ("all", "non-reasoning"),
                "every model, or only models outside the curated list of reasoning-model families")
POINTS = Choice("points", ("records", "grid"),
                "fit the record-setting models only, or the best ECI reached at each month (the complete frontier)")
LEVEL = Choice("level", (0.9, 0.95), "90 % or 95 % bootstrap intervals")
METR_SPLIT = Choice("metr_split", METR_SPLITS, "where METR's 'since' begins: the start of 2024 or mid-2024")
DEDUP = Choice("dedup", (True, False),
               "count one model version per (ECI, compute) pair (reasoning settings share both) or every version")
SPLIT_Q = Choice("split_quantile", (0.5, 0.4, 0.6),
                 "where the lower and upper compute halves meet: the median, or the 40th or 60th percentile")
PC_CUT = Choice("pc_cut", (1e23, 3e22, 3e23),
                "where Ruan et al.'s base models are split by training compute (about Llama-2 7B to 13B)")
PC_METHOD = Choice("pc_method", ("family", "pooled"),
                   "Ruan et al.'s capability measure per decade within model families (the paper's reading: "
                   "linear in log compute within a family) or one line across all base models")


def _metr(version: str, split: str, n_boot: int, seed: int, level: float = 0.9) -> metr.SpeedChange:
    return metr.speed_change(version, split, n_boot=n_boot, seed=seed, level=level)


def _metr_checks(ev) -> list:
    return [beyond(ev, "metr_speed", 1.0, "METR v1.1 horizon doublings per year since the split relative to "
                   "before (slower: below 1)", direction="below"),
            beyond(ev, "metr_speed_v10", 1.0, "the same on METR v1.0 (other tasks and scaffolds)",
                   direction="below")]


def _metr_evidence(split: str, n_boot: int, seed: int) -> dict:
    a, b = _metr("1.1", split, n_boot, seed), _metr("1.0", split, n_boot, seed)
    return {"metr_speed": a.ratio, "metr_speed_low": a.ratio_low, "metr_speed_high": a.ratio_high,
            "metr_speed_v10": b.ratio, "metr_speed_v10_low": b.ratio_low, "metr_speed_v10_high": b.ratio_high,
            "metr_doublings_per_year_before": a.before, "metr_doublings_per_year_after": a.after}


# --- PR-1: the curve has stopped climbing ---------------------------------------------------------------

def _slowdown(break_date: str = frontier.DEFAULT_BREAK, start: str = frontier.DEFAULT_START, subset: str = "all",
              points: str = "records", metr_split: str = "2024-01-01", n_boot: int = 300, seed: int = 0,
              origin_step: int = 1) -> dict:
    r = frontier.frontier_slopes(break_date, start=start, subset=subset, points=points, n_boot=n_boot, seed=seed)
    rank = curves.rank_curves("ECI", start=start, subset=subset, origin_step=origin_step)
    return {"eci_slope_before": r.before, "eci_slope_after": r.after, "eci_slope_after_low": r.after_low,
            "eci_slope_after_high": r.after_high, "eci_slope_ratio": r.ratio, "eci_slope_ratio_low": r.ratio_low,
            "eci_slope_ratio_high": r.ratio_high, "n_records_after": float(r.n_after),
            "on_grid": points == "grid", "slowing_curve_wins": rank.slowing_wins,
            "best_curve_is_break": rank.best == "break", "best_curve_is_logistic": rank.best == "logistic",
            "n_curves_tied": float(len(rank.tied)),
            "eci_revision_max": REVISION, **_metr_evidence(metr_split, n_boot, seed)}


def _judge_stopped(ev):
    checks = [
        beyond(ev, "eci_slope_ratio", 1.0, "frontier ECI slope after the break relative to before (flattened: "
               "below 1)", direction="below"),
        at_most(ev, "eci_slope_after", ev["eci_revision_max"],
                "frontier ECI gain per year after the break (stopped: at most one revision's size)"),
        holds(ev, "slowing_curve_wins", "a curve that bends down (saturating, or a break to a flatter piece) "
              "predicts the ECI frontier six months ahead better than every other curve, beyond noise"),
        *_metr_checks(ev),
    ]
    best = "a break" if ev["best_curve_is_break"] else "a saturating curve" if ev["best_curve_is_logistic"] else "another curve"
    unit = "months" if ev["on_grid"] else "record-setters"
    summary = (f"The ECI frontier rose {ev['eci_slope_before']:.1f} points a year before the break and "
               f"{ev['eci_slope_after']:.1f} after (90% interval {ev['eci_slope_after_low']:.1f}-"
               f"{ev['eci_slope_after_high']:.1f}; {ev['n_records_after']:.0f} {unit} after the break); out of sample, "
               f"{best} predicts the frontier best ({ev['n_curves_tied']:.0f} other curves not told apart from it); "
               f"METR's 50% horizon doubled {ev['metr_doublings_per_year_after']:.1f} times a year since the split "
               f"against {ev['metr_doublings_per_year_before']:.1f} before.")
    return assess(checks, summary)


# --- PR-2: smaller and smaller -----------------------------------------------------------------------------

def _gains(months: int = 12, subset: str = "all", metr_split: str = "2024-01-01", n_boot: int = 300,
           seed: int = 0) -> dict:
    g = frontier.yearly_gains(subset, months)
    return {"gain_last": g.last, "gain_previous": g.previous, "gain_drop": g.previous - g.last,
            "window_months": float(months), "eci_revision_max": REVISION, **_metr_evidence(metr_split, n_boot, seed)}


def _judge_smaller(ev):
    checks = [
        at_least(ev, "gain_drop", ev["eci_revision_max"],
                 "drop of the frontier's ECI gain, last window against the one before (beyond one revision)"),
        *_metr_checks(ev),
    ]
    summary = (f"The ECI frontier gained {ev['gain_last']:.1f} points in the snapshot's last "
               f"{ev['window_months']:.0f} months against {ev['gain_previous']:.1f} in the {ev['window_months']:.0f} "
               f"before, a drop of {ev['gain_drop']:.1f}, "
               f"{'within' if ev['gain_drop'] < ev['eci_revision_max'] else 'beyond'} the "
               f"{ev['eci_revision_max']:.2f} points one revision of the index can move a model; METR's horizon "
               f"grew {ev['metr_speed']:.1f} times as fast since the split as before.")
    return assess(checks, summary)


# --- PR-3, PR-17, PR-19, PR-20: returns to compute ------------------------------------------------------------

def _elasticity(start, split_quantile, dedup, level, n_boot, seed, break_date=frontier.DEFAULT_BREAK):
    return compute_returns.compute_elasticity(break_date, start=start, n_boot=n_boot, seed=seed, level=level,
                                              split_quantile=split_quantile, dedup=dedup)


def _pc1(pc_cut, level, n_boot, seed, method="family"):
    return obsscaling.band_gains("pc1", "flop", (1e21, float(pc_cut), 1e26), n_boot=n_boot, seed=seed, level=level,
                                 method=method)


def _per_compute(start: str = frontier.DEFAULT_START, split_quantile: float = 0.5, dedup: bool = True,
                 pc_cut: float = 1e23, pc_method: str = "family", level: float = 0.9, n_boot: int = 300,
                 seed: int = 0) -> dict:
    e = _elasticity(start, split_quantile, dedup, level, n_boot, seed)
    pc = _pc1(pc_cut, level, n_boot, seed, pc_method)
    return {"eci_per_decade_lower": e.lower, "eci_per_decade_upper": e.upper,
            "eci_elasticity_ratio": e.ratio, "eci_elasticity_ratio_low": e.ratio_low,
            "eci_elasticity_ratio_high": e.ratio_high,
            "pc1_per_decade_lower": pc.lower, "pc1_per_decade_upper": pc.upper,
            "pc1_elasticity_ratio": frontier.slope_ratio(pc.lower, pc.upper),
            "pc1_elasticity_ratio_low": pc.ratio_low, "pc1_elasticity_ratio_high": pc.ratio_high,
            "pc1_n_upper": float(pc.n_upper), "pc1_within_families": pc_method == "family"}


def _judge_per_compute(ev):
    checks = [
        beyond(ev, "eci_elasticity_ratio", 1.0, "ECI per decade of compute above the median compute relative to "
               "below (Epoch, year held fixed; shrinking: below 1)", direction="below"),
        beyond(ev, "pc1_elasticity_ratio", 1.0, "capability (PC1) per decade of compute in the upper band relative "
               "to the lower (Ruan et al. base models)", direction="below", n_points=int(ev["pc1_n_upper"])),
    ]
    summary = (f"Among Epoch's models, holding release year fixed, a decade of compute buys "
               f"{ev['eci_per_decade_lower']:.1f} ECI points below the median compute and "
               f"{ev['eci_per_decade_upper']:.1f} above it (ratio {ev['eci_elasticity_ratio']:.2f}, 90% interval "
               f"{ev['eci_elasticity_ratio_low']:.2f}-{ev['eci_elasticity_ratio_high']:.2f}); among Ruan et al.'s base "
               f"models the capability measure gains {ev['pc1_per_decade_lower']:.2f} per decade in the lower compute "
               f"band and {ev['pc1_per_decade_upper']:.2f} in the upper (ratio interval "
               f"{ev['pc1_elasticity_ratio_low']:.2f}-{ev['pc1_elasticity_ratio_high']:.2f}"
               f"{'; within model families' if ev['pc1_within_families'] else ''}).")
    return assess(checks, summary)


def _bigger_better(start: str = frontier.DEFAULT_START, split_quantile: float = 0.5, dedup: bool = True,
                   level: float = 0.9, n_boot: int = 300, seed: int = 0) -> dict:
    e = _elasticity(start, split_quantile, dedup, level, n_boot, seed)
    return {"eci_per_decade_lower": e.lower, "eci_per_decade_lower_low": e.lower_low,
            "eci_per_decade_lower_high": e.lower_high, "eci_per_decade_upper": e.upper,
            "eci_per_decade_upper_low": e.upper_low, "eci_per_decade_upper_high": e.upper_high}


def _judge_bigger_better(ev):
    checks = [
        beyond(ev, "eci_per_decade_lower", 0.0, "ECI points per tenfold compute, models below the median compute",
               direction="above"),
        beyond(ev, "eci_per_decade_upper", 0.0, "ECI points per tenfold compute, models above the median compute",
               direction="above"),
    ]
    summary = (f"Holding release date fixed, models trained with ten times the compute score "
               f"{ev['eci_per_decade_lower']:.1f} ECI points higher among the smaller half and "
               f"{ev['eci_per_decade_upper']:.1f} among the larger half.")
    return assess(checks, summary)


def _top_returns(start: str = frontier.DEFAULT_START, split_quantile: float = 0.5, pc_cut: float = 1e23,
                 pc_method: str = "family", level: float = 0.9, n_boot: int = 300, seed: int = 0) -> dict:
    e = _elasticity(start, split_quantile, True, level, n_boot, seed)
    pc = _pc1(pc_cut, level, n_boot, seed, pc_method)
    return {"eci_per_decade_upper": e.upper, "eci_per_decade_upper_low": e.upper_low,
            "eci_per_decade_upper_high": e.upper_high, "pc1_per_decade_upper": pc.upper,
            "pc1_per_decade_upper_low": pc.upper_low, "pc1_per_decade_upper_high": pc.upper_high,
            "pc1_n_upper": float(pc.n_upper), "pc1_within_families": pc_method == "family",
            "eci_top_gain_shown": e.upper_low > 0, "pc1_top_gain_shown": pc.upper_low > 0}


def _top_summary(ev) -> str:
    return (f"At the top of the compute range a decade of training compute still goes with "
            f"{ev['eci_per_decade_upper']:.1f} ECI points (Epoch, year held fixed; interval "
            f"{ev['eci_per_decade_upper_low']:.1f} to {ev['eci_per_decade_upper_high']:.1f}) and "
            f"{ev['pc1_per_decade_upper']:.2f} units of Ruan et al.'s capability measure among base models in the "
            f"upper compute band{', within families' if ev['pc1_within_families'] else ''} "
            f"({ev['pc1_per_decade_upper_low']:.2f} to {ev['pc1_per_decade_upper_high']:.2f}).")


def _judge_not_stopped(ev):
    checks = [
        beyond(ev, "eci_per_decade_upper", 0.0, "ECI points per tenfold compute above the median compute",
               direction="above"),
        beyond(ev, "pc1_per_decade_upper", 0.0, "capability (PC1) per tenfold compute, base models in the upper "
               "compute band", direction="above", n_points=int(ev["pc1_n_upper"])),
    ]
    return assess(checks, _top_summary(ev))


def _judge_stopped_working(ev):
    checks = [
        fails(ev, "eci_top_gain_shown", "a gain per tenfold compute above the median compute, beyond its interval "
              "(Epoch)"),
        fails(ev, "pc1_top_gain_shown", "a gain per tenfold compute in the upper band of Ruan et al.'s base models, "
              "beyond its interval", n_points=int(ev["pc1_n_upper"])),
    ]
    return assess(checks, _top_summary(ev))


# --- PR-4: less improvement relative to compute ------------------------------------------------------------------

#: "Through 2024 and into 2025" (seed 002): the later releases are those since the start of 2024.
SINCE_2024 = "2024-01-01"


def _relative(since: str = SINCE_2024, start: str = frontier.DEFAULT_START, dedup: bool = True,
              level: float = 0.9, n_boot: int = 300, seed: int = 0) -> dict:
    e = compute_returns.compute_elasticity(since, start=start, n_boot=n_boot, seed=seed, level=level, dedup=dedup)
    r = frontier.frontier_slopes(since, start=start, n_boot=n_boot, seed=seed, level=level)
    return {"eci_slope_after": r.after, "eci_slope_after_low": r.after_low, "eci_slope_after_high": r.after_high,
            "eci_per_decade_early": e.early, "eci_per_decade_late": e.late,
            "late_over_early": e.late_over_early, "late_over_early_low": e.late_over_early_low,
            "late_over_early_high": e.late_over_early_high, "eci_per_year_fixed_compute": e.per_year,
            "n_late": float(e.n_late), "since": float(frontier.decimal_years([since])[0])}


def _judge_relative(ev):
    checks = [
        beyond(ev, "eci_slope_after", 0.0, "frontier ECI gain per year after the break (still improving)",
               direction="above"),
        beyond(ev, "late_over_early", 1.0, "ECI per decade of compute, later releases relative to earlier "
               "(shrinking relative to compute: below 1)", direction="below", n_points=int(ev["n_late"])),
    ]
    year = int(ev["since"])
    since = f"{year}-{int(round((ev['since'] - year) * 12)) + 1:02d}"
    summary = (f"Since {since} the frontier kept rising ({ev['eci_slope_after']:.1f} ECI points a year); "
               f"among models with a compute estimate, a decade of compute goes with {ev['eci_per_decade_late']:.1f} "
               f"points for the releases since then against {ev['eci_per_decade_early']:.1f} for earlier ones (ratio "
               f"{ev['late_over_early']:.2f}, interval {ev['late_over_early_low']:.2f}-"
               f"{ev['late_over_early_high']:.2f}); at fixed compute a model released a year later scores "
               f"{ev['eci_per_year_fixed_compute']:.1f} points "
               f"{'higher' if ev['eci_per_year_fixed_compute'] >= 0 else 'lower'}.")
    return assess(checks, summary)


# --- PR-5: GPT-2 -> GPT-3 -> GPT-4 ----------------------------------------------------------------------------------

def _generations(version: str = "1.1", gpt4_compute: str = "epoch", level: float = 0.9) -> dict:
    g = metr.generation_gains(version, gpt4_compute, level=level)
    return {"gpt2_to_gpt3": g.gpt2_to_gpt3, "gpt3_to_gpt4": g.gpt3_to_gpt4, "generation_difference": g.difference,
            "generation_difference_low": g.difference_low, "generation_difference_high": g.difference_high}


def _judge_generations(ev):
    checks = [beyond(ev, "generation_difference", 0.0, "horizon doublings per decade of compute, GPT-3 to GPT-4 "
                     "minus GPT-2 to GPT-3 (smaller: below 0)", direction="below")]
    summary = (f"METR's 50% horizon doubled {ev['gpt2_to_gpt3']:.2f} times per decade of training compute from "
               f"GPT-2 to GPT-3 and {ev['gpt3_to_gpt4']:.2f} times from GPT-3 to GPT-4 (difference "
               f"{ev['generation_difference']:.2f}, interval {ev['generation_difference_low']:.2f} to "
               f"{ev['generation_difference_high']:.2f} from METR's intervals of the three horizons).")
    return assess(checks, summary)


# --- PR-6: 10B -> 100B parameters -----------------------------------------------------------------------------------

def _params(measure: str = "rcf", method: str = "pooled", dramatic: float = 10.0, moe: str = "as filed",
            n_boot: int = 300, seed: int = 0) -> dict:
    g = families.band_gain(measure, 1e10, 1e11, method=method, moe=moe, n_boot=n_boot, seed=seed)
    up = families.band_gain(measure, 1e11, 1e12, method=method, moe=moe, n_boot=n_boot, seed=seed)
    return {"gain_10b_100b": g.gain, "gain_10b_100b_low": g.low, "gain_10b_100b_high": g.high,
            "n_lower_band": float(g.n_models), "n_moe_lower_band": float(g.n_moe), "dramatic_points": float(dramatic),
            "gain_100b_1t": up.gain, "n_upper_band": float(up.n_models)}


#: "Dramatic" read as at least ten points of mean accuracy per tenfold parameters (our threshold; a
#: tenfold step that moves three benchmarks by less would not be called dramatic).
DRAMATIC_POINTS = 10.0


def _judge_params(ev):
    checks = [beyond(ev, "gain_10b_100b", ev["dramatic_points"], "points per tenfold parameters, 10B-100B "
                     "(dramatic: the interval above the threshold)", direction="above",
                     n_points=int(ev["n_lower_band"]))]
    summary = (f"Across Ruan et al.'s base models, the mean of GSM8K, HumanEval and MMLU rises "
               f"{ev['gain_10b_100b']:.1f} points per tenfold parameters between 10B and 100B (90% interval "
               f"{ev['gain_10b_100b_low']:.1f}-{ev['gain_10b_100b_high']:.1f}; {ev['n_lower_band']:.0f} models, "
               f"{ev['n_moe_lower_band']:.0f} of them mixtures of experts). The 100B-1T half of the sentence rests on "
               f"{ev['n_upper_band']:.0f} models and is not scored (PR-18).")
    return assess(checks, summary)


# --- PR-7: benchmarks near ceiling ----------------------------------------------------------------------------------

def _ceiling(threshold: float = 0.9, min_models: int = 30) -> dict:
    share, near, total = frontier.ceiling_share(threshold, min_models)
    return {"share_near_ceiling": share, "n_near_ceiling": float(near), "n_benchmarks": float(total),
            "ceiling_threshold": threshold, "min_models": float(min_models)}


def _judge_ceiling(ev):
    checks = [share_at_least(ev, "n_near_ceiling", "n_benchmarks", OFTEN_SHARE,
                             f"'many': at least a third with a best score of {ev['ceiling_threshold']:.0%} or more",
                             population=f"fraction-scored benchmarks with at least {ev['min_models']:.0f} scored "
                             "model versions in Epoch's table")]
    summary = (f"Of the {ev['n_benchmarks']:.0f} fraction-scored benchmarks with at least {ev['min_models']:.0f} "
               f"models in Epoch's table, {ev['n_near_ceiling']:.0f} have a best score of "
               f"{ev['ceiling_threshold']:.0%} or more.")
    return assess(checks, summary)


# --- PR-8, PR-9: errors and reliability -------------------------------------------------------------------------------

def _truthful(population: str = "across families", level: float = 0.9, errors_at: float = 0.9, n_boot: int = 300,
              seed: int = 0) -> dict:
    tq = obsscaling.compute_slope_interval("TruthfulQA", population, n_boot=n_boot, seed=seed, level=level)
    mmlu = obsscaling.compute_slope_interval("MMLU", population, n_boot=n_boot, seed=seed, level=level)
    simpleqa = frontier.load_benchmark("simpleqa_verified")["score"].max()
    return {"truthfulqa_per_decade": tq.slope, "truthfulqa_per_decade_low": tq.low,
            "truthfulqa_per_decade_high": tq.high, "mmlu_per_decade": mmlu.slope,
            "truthful_over_mmlu": tq.slope / mmlu.slope if mmlu.slope > 0 else 1.0,
            "simpleqa_best": float(simpleqa), "errors_at": float(errors_at),
            "lin2022_gptj_vs_125m": obsscaling.LIN_GPTJ_VS_125M_TRUTHFUL_CHANGE,
            "within_families": population == "within families"}


def _judge_amplify(ev):
    checks = [
        beyond(ev, "truthfulqa_per_decade", 0.0, "TruthfulQA points per decade of compute, current base models "
               "(amplified errors: below 0)", direction="below", basis="data"),
        at_most(ev, "lin2022_gptj_vs_125m", 0.0, "truthfulness of GPT-J 6B against GPT-Neo 125M in TruthfulQA's own "
                "paper, % (the largest models least truthful)", basis="literature"),
    ]
    who = "within model families" if ev["within_families"] else "across Ruan et al.'s base models"
    summary = (f"TruthfulQA's authors found the largest of their 2021 models generally the least truthful (GPT-J 6B "
               f"{-ev['lin2022_gptj_vs_125m']:.0f}% less truthful than a 125M model); {who}, TruthfulQA moves "
               f"{ev['truthfulqa_per_decade']:+.1f} points per decade of compute (interval "
               f"{ev['truthfulqa_per_decade_low']:.1f} to {ev['truthfulqa_per_decade_high']:.1f}; MMLU: "
               f"{ev['mmlu_per_decade']:+.1f}).")
    return assess(checks, summary)


def _judge_reliability(ev):
    checks = [
        at_most(ev, "simpleqa_best", ev["errors_at"], "best SimpleQA Verified accuracy (errors remain at the "
                "frontier)", spec="%"),
        at_most(ev, "truthful_over_mmlu", 0.5,
                "TruthfulQA gain per decade of compute relative to MMLU's (scale helps it little)"),
    ]
    summary = (f"The best model in Epoch's table answers {ev['simpleqa_best']:.0%} of SimpleQA Verified's factual "
               f"questions correctly; TruthfulQA gains {ev['truthful_over_mmlu']:.0%} as much per decade of compute "
               f"as MMLU among base models{' (within families)' if ev['within_families'] else ''}.")
    return assess(checks, summary)


_B = frontier.DEFAULT_BREAK
_ECI, _SCORES, _BASE = W.ECI_FILE, W.SCORES_FILE, W.BASE_FILE
_M11, _M10 = W.METR_FILES["1.1"], W.METR_FILES["1.0"]
_PCB = obsscaling.PC_BENCHMARKS
_RCF = obsscaling.RCF_BENCHMARKS


def _metr_both(factor: float, date: str = "2024-01-01") -> dict:
    return {_M11: W.metr_after(date, factor), _M10: W.metr_after(date, factor)}


def _compute_worlds(eci: dict, base: dict | None = None) -> dict:
    out = {_ECI: W.eci_compute_returns(**eci)}
    if base is not None:
        out[_BASE] = W.base_compute_returns(_PCB, 1e23, base.get("upper"), lower=base.get("lower"), rows_need=_PCB)
    return out


CLAIMS = (
    Claim("PR-1", ("000", "000", "003", "004", "004"),
          ("§ The New Law of Diminishing Returns ¶ 1", "§ The Scaling Illusion ¶ 3",
           "§ Diminishing Returns: The New Normal ¶ 2", "§ The Scaling Laws That Built Modern AI ¶ 8",
           "§ (opening) ¶ 2"),
          CHAPTER, "pr-claim-stopped",
          "Measured capability at the frontier has stopped rising (or has flattened), and the data show it.",
          "the performance curve has stopped climbing", DATA, _slowdown, _judge_stopped,
          checklist=("A0-02", "A0-10", "A4-13"),
          worlds=(
              World("plateau: no model after mid-2024 beats the best before it; METR's horizon stops growing in 2024",
                    SUPPORTED, data={_ECI: W.eci_after(_B, 0.0), **_metr_both(0.0)}, params=CHEAP_CURVES),
              World("a crawl: after mid-2024 the frontier gains a tenth as much; METR's horizon grows a tenth as fast",
                    SUPPORTED, data={_ECI: W.eci_after(_B, 0.1), **_metr_both(0.1)}, params=CHEAP_CURVES),
              World("flattening, not stopping: the frontier gains half as much after mid-2024; METR's horizon grows "
                    "a sixth as fast", PARTLY, data={_ECI: W.eci_after(_B, 0.5), **_metr_both(1 / 6)}, params=CHEAP_CURVES,
                    note="the sentence reads 'has stopped climbing' (000, 004) or 'is flattening' (003): here the "
                         "frontier flattens but keeps climbing by more than one revision of the index a year"),
              World("acceleration: models after mid-2024 gain 15 ECI points a year more; METR's horizon doubles "
                    "twice as fast since 2024", NOT_SUPPORTED,
                    data={_ECI: W.eci_after(_B, 1.0, shift_per_year=15.0), **_metr_both(2.0)}, params=CHEAP_CURVES),
          ),
          multiverse=(BREAK, START, SUBSET, POINTS, METR_SPLIT), reason_tags=("contradicted",), load_bearing=True),
    Claim("PR-17", ("002", "004"), ("§ The Law That Built an Industry ¶ 4", "§ The Scaling Laws That Built Modern AI ¶ 6"),
          CHAPTER, "pr-claim-compute",
          "For years the scaling bet held: models trained with more compute were better models.",
          "bigger models were better models", DATA, _bigger_better, _judge_bigger_better,
          worlds=(
              World("a decade of compute buys as much above the median compute as below it", SUPPORTED,
                    data=_compute_worlds({"upper_factor": 1.0}), params=CHEAP),
              World("compute buys nothing: at a given release date, ECI does not rise with training compute",
                    NOT_SUPPORTED, data=_compute_worlds({"lower_factor": 0.0, "upper_factor": 0.0}), params=CHEAP),
          ),
          multiverse=(START, SPLIT_Q, DEDUP, LEVEL)),
    Claim("PR-2", ("004",), ("§ (opening) ¶ 9",), CHAPTER, "pr-claim-smaller",
          "Scaling stopped paying: each round of improvement is smaller than the one before.",
          "improvements getting smaller and smaller", DATA, _gains, _judge_smaller, checklist=("A4-02",),
          worlds=(
              World("the last twelve months gain a tenth of what the frontier measured; METR's horizon grows a "
                    "tenth as fast since 2024", SUPPORTED,
                    data={_ECI: W.eci_last_months(12, 0.1), **_metr_both(0.1)}, params=CHEAP),
              World("the last twelve months gain 20 ECI points more; METR's horizon doubles twice as fast since 2024",
                    NOT_SUPPORTED, data={_ECI: W.eci_last_months(12, 1.0, add=20.0), **_metr_both(2.0)},
                    params=CHEAP),
          ),
          multiverse=(Choice("months", (12, 6), "compare the last twelve months with the twelve before, or the last "
                             "six with the six before"), SUBSET, METR_SPLIT),
                             reason_tags=("within noise", "contradicted"), load_bearing=True),
    Claim("PR-3", ("000", "002", "003"),
          ("§ What does “diminishing returns” mean in AI? ¶ 1", "§ The Evidence for Diminishing Returns ¶ 3",
           "§ The Myth of Infinite Scaling ¶ 7"),
          CHAPTER, "pr-claim-compute",
          "Each further step of capability needs far more compute than the last: the gain per tenfold compute "
          "is shrinking.",
          "exponentially more compute for smaller gains", DATA, _per_compute, _judge_per_compute,
          checklist=("A0-31", "A2-08", "A3-01"),
          worlds=(
              World("shrinking returns: above the median compute (and above 1e23 FLOP among base models) a decade "
                    "buys a quarter of what it buys below", SUPPORTED,
                    data=_compute_worlds({"upper_factor": 0.25}, {"upper": 0.25}), params=CHEAP),
              World("constant returns: a decade of compute buys as much at the top as below", NOT_SUPPORTED,
                    data=_compute_worlds({"upper_factor": 1.0}, {"upper": 1.0}), params=CHEAP),
          ),
          multiverse=(START, SPLIT_Q, PC_CUT, PC_METHOD, LEVEL), reason_tags=("contradicted",), load_bearing=True),
    Claim("PR-4", ("002",), ("§ The Evidence for Diminishing Returns ¶ 1",), CHAPTER, "pr-claim-relative",
          "Frontier releases of 2024-25 still improved, but by less relative to the growth of their compute; "
          "improvement per unit of compute was falling.",
          "improvements shrinking relative to compute", DATA, _relative, _judge_relative,
          checklist=("A2-05", "A2-09"),
          worlds=(
              World("releases since 2024 buy 40 % of what a decade of compute bought before", SUPPORTED,
                    data={_ECI: W.eci_late_returns(SINCE_2024, 0.4)}, params=CHEAP),
              World("releases since 2024 buy one and a half times as much per decade of compute", PARTLY,
                    data={_ECI: W.eci_late_returns(SINCE_2024, 1.5)}, params=CHEAP,
                    note="the frontier still improves (the first part holds); the gain relative to compute grows, "
                         "which falsifies the second part"),
          ),
          multiverse=(Choice("since", (SINCE_2024, "2024-07-01", "2025-01-01"), "which releases are 'later': "
                             "since 2024 (the article's 'through 2024 and into 2025'), since mid-2024, or since 2025"),
                      START, DEDUP, LEVEL), load_bearing=True),
    Claim("PR-5", ("002",), ("§ The Evidence for Diminishing Returns ¶ 2",), CHAPTER, "pr-claim-generations",
          "GPT-3 to GPT-4 brought less capability per unit of extra compute than GPT-2 to GPT-3.",
          "GPT-3 to GPT-4 gap per compute smaller", DATA, _generations, _judge_generations,
          checklist=("A2-07",),
          worlds=(
              World("GPT-3 a leap: its horizon 16 times METR's estimate", SUPPORTED,
                    data={_M11: W.metr_model("davinci_002", 16.0)}),
              World("GPT-4 a leap: its horizon 16 times METR's estimate", NOT_SUPPORTED,
                    data={_M11: W.metr_model("gpt_4", 16.0)}),
          ),
          multiverse=(Choice("version", metr.VERSIONS, "METR's Time Horizon 1.1 or 1.0 (other tasks and scaffolds)"),
                      Choice("gpt4_compute", metr.GPT4_COMPUTE, "GPT-4's training compute: Epoch's estimate, or "
                             "the article's own '10-100x' GPT-3's"), LEVEL)),
    Claim("PR-6", ("001",), ("§ The Flattening Curve ¶ 1",), CHAPTER, "pr-claim-params",
          "Growing models from 10B to 100B parameters brought dramatic gains in reasoning, code and factual recall.",
          "10B to 100B: dramatic gains", DATA, _params, _judge_params, checklist=("A1-04",),
          worlds=(
              World("twice as steep: between 10B and 100B the three benchmarks rise twice as fast with size",
                    SUPPORTED, data={_BASE: W.base_param_band(_RCF, 1e10, 1e11, 2.0)}, params=CHEAP),
              World("flat: models of 10B to 100B score alike whatever their size", NOT_SUPPORTED,
                    data={_BASE: W.base_param_band(_RCF, 1e10, 1e11, 0.0)}, params=CHEAP),
              World("a fifth as steep: about six points per tenfold parameters", NOT_SUPPORTED,
                    data={_BASE: W.base_param_band(_RCF, 1e10, 1e11, 0.2)}, params=CHEAP),
              World("zero gain above 100B: every larger model scores the best 30B-100B score", SUPPORTED,
                    data={_BASE: W.base_flat_above(_RCF, 1e11, (3e10, 1e11))}, params=CHEAP,
                    note="the row scores the 10B-100B half, which this world leaves as it is; the 100B-1T half is "
                         "PR-18, not scored on three models (before issue 23 this world still passed it)"),
          ),
          multiverse=(Choice("measure", ("rcf", "rf"), "mean of GSM8K, HumanEval and MMLU, or of GSM8K and MMLU "
                             "(more models have both)"),
                      Choice("method", obsscaling.BAND_METHODS, "one line across all models of the band, or "
                             "within model families (how a family's larger models differ from its smaller ones)"),
                      Choice("dramatic", (DRAMATIC_POINTS, 15.0), "'dramatic' as at least 10 or 15 points per "
                             "tenfold parameters"),
                      Choice("moe", ("as filed", "active", "total"), "mixture-of-experts sizes as Ruan et al. filed them "
                             "(a mix), as active parameters, or as total parameters"))),
    not_testable("PR-18", ("001",), ("§ The Flattening Curve ¶ 1",),
                 "Growing models from 100B to 1T parameters brought measurable but smaller gains.",
                 "100B to 1T: measurable but smaller",
                 "thin evidence: three base models of three families lie between 100B and 1T parameters in Ruan "
                 "et al.'s files (four with GSM8K and MMLU alone), so no gain per tenfold parameters can be "
                 "measured there; the 10B-100B half is PR-6", chapter=CHAPTER, anchor="pr-claim-params",
                 checklist=("A1-05",)),
    Claim("PR-19", ("001",), ("§ The Flattening Curve ¶ 1",), CHAPTER, "pr-claim-compute",
          "Scaling has not stopped working: at the top of today's compute range more training compute still buys "
          "capability.",
          "scaling has not stopped working", DATA, _top_returns, _judge_not_stopped,
          worlds=(
              World("a decade of compute buys twice as much at the top as below", SUPPORTED,
                    data=_compute_worlds({"upper_factor": 2.0}, {"upper": 2.0}), params=CHEAP),
              World("compute buys nothing at the top: above the median compute (above 1e23 FLOP among base models) "
                    "capability does not rise with it", NOT_SUPPORTED,
                    data=_compute_worlds({"upper_factor": 0.0}, {"upper": 0.0}), params=CHEAP),
          ),
          multiverse=(START, SPLIT_Q, PC_CUT, PC_METHOD, LEVEL), load_bearing=True),
    Claim("PR-20", ("004",), ("§ (opening) ¶ 8",), CHAPTER, "pr-claim-compute",
          "Then scaling stopped working: more training compute no longer bought better models.",
          "then it stopped working", DATA, _top_returns, _judge_stopped_working,
          worlds=(
              World("compute buys nothing at the top: above the median compute (above 1e23 FLOP among base models) "
                    "capability does not rise with it", SUPPORTED,
                    data=_compute_worlds({"upper_factor": 0.0}, {"upper": 0.0}), params=CHEAP),
              World("a decade of compute buys twice as much at the top as below", NOT_SUPPORTED,
                    data=_compute_worlds({"upper_factor": 2.0}, {"upper": 2.0}), params=CHEAP),
          ),
          multiverse=(START, SPLIT_Q, PC_CUT, PC_METHOD, LEVEL), reason_tags=("contradicted",), load_bearing=True),
    Claim("PR-7", ("002",), ("§ The Evidence for Diminishing Returns ¶ 6",), CHAPTER, "pr-claim-ceiling",
          "Many of the benchmarks in wide use are close to their ceiling.",
          "many widely used benchmarks near ceiling", DATA, _ceiling, _judge_ceiling, checklist=("A2-14",),
          worlds=(
              World("every benchmark's best score at 97 %", SUPPORTED,
                    data={_SCORES: W.scores_scaled(0.97, skip=frontier.NON_FRACTION_FILES)}),
              World("every benchmark's best score at 50 %", NOT_SUPPORTED,
                    data={_SCORES: W.scores_scaled(0.5, skip=frontier.NON_FRACTION_FILES)}),
          ),
          multiverse=(Choice("threshold", (0.9, 0.85, 0.95), "'close to the ceiling' as a best score of 85, 90 or 95 %"),
                      Choice("min_models", (30, 20, 50), "'in wide use' as at least 20, 30 or 50 scored versions"))),
    Claim("PR-8", ("003",), ("§ The Hidden Costs of Going Big ¶ 4",), CHAPTER, "pr-claim-reliability",
          "Larger models amplify errors such as repeating misinformation.",
          "larger models amplify biases and errors", DATA, _truthful, _judge_amplify, checklist=("A3-16",),
          citations=("lin2022truthfulqa", "ruan2024observational"),
          worlds=(
              World("TruthfulQA falls 3 points per decade of compute among the base models", SUPPORTED,
                    data={_BASE: W.base_column_like("TruthfulQA", per_decade=-0.03)}, params=CHEAP),
              World("TruthfulQA gains per decade of compute what MMLU gains", PARTLY,
                    data={_BASE: W.base_column_like("TruthfulQA", "MMLU")}, params=CHEAP,
                    note="the sentence covers the models TruthfulQA's authors tested in 2021 (larger ones less "
                         "truthful: a published finding no data here can change) and current models; this world "
                         "falsifies it for current base models only"),
          ),
          multiverse=(Choice("population", obsscaling.POPULATIONS, "every base model, or only how a family's larger "
                             "models differ from its smaller ones"), LEVEL), reason_tags=("outdated",)),
    Claim("PR-9", ("004", "004"), ("§ Why Bigger Models Aren't Getting Better ¶ 13",
                                   "§ What This Means for Regular People ¶ 5"),
          CHAPTER, "pr-claim-reliability",
          "Scale has not fixed reliability: larger models still state false things confidently.",
          "bigger models didn't solve hallucination", DATA, _truthful, _judge_reliability,
          checklist=("A4-34", "A4-65"),
          worlds=(
              World("the best SimpleQA Verified score 60 %; TruthfulQA flat with compute", SUPPORTED,
                    data={_SCORES: W.scores_scaled(0.6, files=("simpleqa_verified",)),
                          _BASE: W.base_column_like("TruthfulQA")}, params=CHEAP),
              World("scale fixed it: SimpleQA errors cut thirtyfold, TruthfulQA gains what MMLU gains", NOT_SUPPORTED,
                    data={_SCORES: W.scores_scaled(files=("simpleqa_verified",), error_factor=1 / 30),
                          _BASE: W.base_column_like("TruthfulQA", "MMLU")}, params=CHEAP),
          ),
          multiverse=(Choice("population", obsscaling.POPULATIONS, "every base model, or within families"),
                      Choice("errors_at", (0.9, 0.95), "'errors remain' while the best factual accuracy is under "
                             "90 % or under 95 %"))),
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
                 "no public data: blind user preferences are measured (Chatbot Arena), but no file here holds them "
                 "and no stored text gives a frontier model's win rate against a predecessor ten times smaller; the "
                 "PNAS study the sentence leans on is EM-4, the cost side is in the economics chapter",
                 chapter=CHAPTER, anchor="pr-claims", checklist=("A4-15",)),
    not_testable("PR-14", ("003",), ("§ Diminishing Returns: The New Normal ¶ 4",),
                 "On many benchmarks the improvement is hardly noticeable to end users.",
                 "improvement barely noticeable to end users",
                 "no public data: what end users notice is measured by blind preference votes (Chatbot Arena), "
                 "which no file here holds; the benchmark gains themselves are PR-2 and PR-7",
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
