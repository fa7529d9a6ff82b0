"""Claims of the chapter "The other side" (``book/other-side.md``): emergence, saturated benchmarks,
inverse scaling and the PNAS persuasion study."""

from __future__ import annotations

from analysis.other_side import emergence as em
from analysis.other_side import obsscaling
from analysis.ledger.core import DATA, LITERATURE, MODEL, Claim, assess, at_least, at_most, not_testable

CHAPTER = "other-side"
#: Model sizes of seed 002's example: "10 billion" fails, "100 billion" does it reliably. The small group
#: is read as models of up to 15B (the 7B-13B generation), the large one as 100B or more.
SMALL_PARAMS, LARGE_PARAMS = 1.5e10, 1e11
#: "Reliably": right at least 60 % of the time; "unable": at most 20 % (our reading, stated in the chapter).
RELIABLE, UNABLE = 0.6, 0.2


def _emergence(cutoff_flop: float = obsscaling.RUAN_CUTOFF_FLOP) -> dict:
    rises = {t: obsscaling.sharpest_rise(t, SMALL_PARAMS, LARGE_PARAMS) for t in obsscaling.EMERGENT_TASKS}
    # the task that best fits the article's example: the largest rise among tasks the small models fail
    failing = {t: r for t, r in rises.items() if r[0] <= UNABLE} or rises
    task = max(failing, key=lambda t: failing[t][1] - failing[t][0])
    small, large = failing[task]
    p = obsscaling.predict_emergent(cutoff_flop)
    return {"small_model_accuracy": small, "large_model_accuracy": large,
            "forecast_error_pcs": p.mae_pc, "forecast_error_naive": p.mae_constant,
            "forecast_error_flop": p.mae_flop, "forecast_gain": p.mae_constant - p.mae_pc}


def _judge_emergence(ev):
    checks = [
        at_most(ev, "small_model_accuracy", UNABLE, "accuracy of models up to 15B on the sharpest task", spec="%"),
        at_least(ev, "large_model_accuracy", RELIABLE, "accuracy of models of 100B or more on that task", spec="%"),
        at_most(ev, "forecast_gain", 0.0,
                "error a naive forecast makes minus that of the forecast from smaller models (unpredictable: <= 0)"),
    ]
    summary = (f"On the sharpest BIG-bench task in Ruan et al.'s data, models up to 15B score "
               f"{ev['small_model_accuracy']:.0%} and models of 100B or more {ev['large_model_accuracy']:.0%}. "
               f"Ruan et al.'s sigmoid in three principal components, fitted on smaller models, forecasts the larger "
               f"ones on the unsolved tasks with a mean error of {ev['forecast_error_pcs']:.0%}, against "
               f"{ev['forecast_error_naive']:.0%} for 'no better than the best small model' and "
               f"{ev['forecast_error_flop']:.0%} from compute alone.")
    return assess(checks, summary)


def _saturation() -> dict:
    top, mid = em.saturation_step(0.95, 0.97), em.saturation_step(0.60, 0.62)
    return {"top_over_middle_decades": top.decades / mid.decades,
            "top_error_reduction": top.error_reduction, "middle_error_reduction": mid.error_reduction,
            "top_over_middle_per_log_error": top.decades_per_log_error / mid.decades_per_log_error}


def _judge_saturation(ev):
    checks = [
        at_least(ev, "top_over_middle_decades", 2.0, "compute for 95->97% relative to 60->62% (disproportionate)"),
        at_least(ev, "top_over_middle_per_log_error", 1.0,
                 "compute per unit of log error removed, top step relative to middle (gain too small to notice)"),
    ]
    summary = (f"On a logistic benchmark 95%->97% takes {ev['top_over_middle_decades']:.1f} times the log-compute of "
               f"60%->62%, but removes {ev['top_error_reduction']:.0%} of the errors against "
               f"{ev['middle_error_reduction']:.0%}; per unit of log error it costs "
               f"{ev['top_over_middle_per_log_error']:.2f} times as much.")
    return assess(checks, summary)


def _inverse() -> dict:
    inv = em.inverse_problems()
    return {"prize_tasks": float(em.INVERSE.prize_tasks), "still_inverse_at_540b": float(em.INVERSE.still_inverse),
            "pythia_problems_worse": float(inv.worse_than_smallest)}


def _judge_inverse(ev):
    checks = [
        at_least(ev, "still_inverse_at_540b", 1.0, "prize tasks still inverse when re-tested up to 540B"),
        at_least(ev, "pythia_problems_worse", 1.0, "MATH problems on which Pythia 12B is significantly worse than 70M"),
    ]
    summary = (f"The Inverse Scaling Prize collected {ev['prize_tasks']:.0f} tasks; re-tested up to 540B parameters "
               f"{ev['still_inverse_at_540b']:.0f} stayed inverse; on MATH, Pythia 12B is significantly worse than "
               f"70M on {ev['pythia_problems_worse']:.0f} problems.")
    return assess(checks, summary)


def _persuasion() -> dict:
    h = em.HACKENBURG
    return {"n_tasks": float(h.n_tasks), "slope_pp_per_log_params": h.slope_pp_per_log_params,
            "slope_pp_per_log_params_low": h.slope_ci95_low_pp, "slope_pp_per_log_params_high": h.slope_ci95_high_pp,
            "adjusted_slope_pp_per_log_params": h.adjusted_slope_pp_per_log_params,
            "adjusted_slope_p": h.adjusted_slope_p}


def _judge_persuasion(ev):
    checks = [
        at_least(ev, "n_tasks", 2.0, "distinct real-world tasks in the study (many)"),
        at_most(ev, "slope_pp_per_log_params", 0.0,
                "persuasion gain per unit of natural log of parameters, percentage points, with its 95 % "
                "interval (no more effective)"),
    ]
    summary = (f"The study measured {ev['n_tasks']:.0f} task, single political messages; before adjusting for task "
               f"completion its meta-analysis finds {ev['slope_pp_per_log_params']:.2f} points more persuasion per "
               f"unit of natural log of parameters (95 % interval {ev['slope_pp_per_log_params_low']:.2f} to "
               f"{ev['slope_pp_per_log_params_high']:.2f}): small, diminishing, but positive. Only after adjusting "
               f"for task completion does the slope ({ev['adjusted_slope_pp_per_log_params']:.2f}, "
               f"p = {ev['adjusted_slope_p']:.3f}) lose significance.")
    return assess(checks, summary)


CLAIMS = (
    Claim("EM-1", ("002",), ("§ The Counterargument: We Are Not at the Ceiling ¶ 2",), CHAPTER, "em-claim-emergence",
          "Some abilities appear suddenly with scale, absent at 10B parameters and reliable at 100B, and such "
          "jumps cannot be predicted in advance.",
          "10B fails, 100B reliable; difficult to predict", DATA, _emergence, _judge_emergence,
          checklist=("A2-23",)),
    not_testable("EM-5", ("002",), ("§ The Counterargument: We Are Not at the Ceiling ¶ 2",),
                 "If the next generation unlocks new emergent abilities, the slowdown could reverse.",
                 "apparent diminishing returns could reverse",
                 "conditional: 'if the next generation unlocks…' is a premise about future models; the "
                 "predictability of emergence is tested as EM-1",
                 chapter=CHAPTER, anchor="em-claim-emergence", checklist=("A2-24",)),
    Claim("EM-2", ("002",), ("§ The Evidence for Diminishing Returns ¶ 6",), CHAPTER, "em-claim-saturation",
          "Near a benchmark's ceiling, going from 95 % to 97 % takes effort out of proportion to the gain, "
          "which users may not notice.",
          "95 % -> 97 % needs disproportionate effort", MODEL, _saturation, _judge_saturation,
          reason="the logistic form decides the ratios; the real benchmarks are in the progress chapter",
          checklist=("A2-15",)),
    Claim("EM-3", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 15",), CHAPTER, "em-claim-inverse",
          "As models grow, some problems get worse (inverse scaling): bigger is not always better.",
          "some problems actually get worse", LITERATURE, _inverse, _judge_inverse,
          citations=("mckenzie2023inverse", "wei2022ushaped"), checklist=("A4-35",)),
    Claim("EM-4", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 9",), CHAPTER, "em-claim-persuasion",
          "A PNAS study showed frontier models ten times larger were statistically no more effective at many "
          "real-world tasks.",
          "statistically no more effectiveness at many real-world tasks", LITERATURE, _persuasion,
          _judge_persuasion, citations=("hackenburg2025persuasion",), checklist=("A4-14",)),
)
