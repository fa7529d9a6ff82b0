"""Claims of the chapter "The other side" (``book/other-side.md``): emergence, saturated benchmarks,
inverse scaling and the PNAS persuasion study. The data and model claims carry counterfactual worlds
(:mod:`analysis.other_side.worlds`, or the model's inputs) and a multiverse of reading choices."""

from __future__ import annotations

from analysis.other_side import emergence as em
from analysis.other_side import obsscaling
from analysis.other_side import worlds as W
from analysis.ledger.core import (ABOUT_FACTOR, DATA, LITERATURE, MODEL, NOT_SUPPORTED, PARTLY, SUPPORTED, Choice,
                                  Claim, World, assess, at_least, at_most, not_testable)

CHAPTER = "other-side"
#: Model sizes of seed 002's example: "10 billion" fails, "100 billion" does it reliably. The small group
#: is read as models of up to 15B (the 7B-13B generation), the large one as 100B or more.
SMALL_PARAMS, LARGE_PARAMS = 1.5e10, 1e11
#: "Reliably": right at least 60 % of the time; "unable": at most 20 % (our reading, stated in the chapter).
RELIABLE, UNABLE = 0.6, 0.2


#: The size groups of seed 002's example, read with the "about X" rule (within a factor ABOUT_FACTOR): "10
#: billion" is 6.7B-15B, "100 billion" 67B-150B; the other readings are in the multiverse.
SMALL_GROUPS = {"about 10B": (SMALL_PARAMS / ABOUT_FACTOR, SMALL_PARAMS),
                "1.5B-15B": (SMALL_PARAMS / 10, SMALL_PARAMS)}
LARGE_GROUPS = {"about 100B": (LARGE_PARAMS / ABOUT_FACTOR, LARGE_PARAMS * ABOUT_FACTOR),
                "100B-1T": (LARGE_PARAMS, 10 * LARGE_PARAMS),
                "67B-1T": (LARGE_PARAMS / ABOUT_FACTOR, 10 * LARGE_PARAMS)}


#: Two readings of "difficult to predict in advance". In advance (the sentence's words): before the large
#: models are trained, so the forecast may use their planned training compute only. After the fact: with their
#: capability measure, the principal components of their own benchmark scores (Ruan et al.'s test), which
#: exist only once they are trained.
READINGS = {"in advance": "compute", "after the fact": "capability"}


def _emergence(small_group: str = "about 10B", large_group: str = "about 100B", reliable: float = RELIABLE,
               cutoff_flop: float = obsscaling.RUAN_CUTOFF_FLOP, n_boot: int = 300, seed: int = 0,
               reading: str = "in advance") -> dict:
    if reading not in READINGS:
        raise ValueError(f"reading must be one of {sorted(READINGS)}; got {reading!r}")
    j = obsscaling.emergent_jumps(SMALL_GROUPS[small_group], LARGE_GROUPS[large_group], unable=UNABLE,
                                  reliable=reliable)
    p = obsscaling.predict_emergent(cutoff_flop)
    gains = {src: obsscaling.forecast_gain(cutoff_flop, n_boot=n_boot, seed=seed, source=src)
             for src in obsscaling.FORECAST_SOURCES}
    gain, low, high, n_pairs = gains[READINGS[reading]]
    return {"n_jumps": float(j.n_jumps), "n_tasks": float(j.n_tasks), "n_large_models": float(j.n_large),
            "small_model_accuracy": j.small, "large_model_accuracy": j.large, "reliable": reliable,
            "forecast_error_pcs": p.mae_pc, "forecast_error_naive": p.mae_constant,
            "forecast_error_flop": p.mae_flop, "forecast_gain": gain, "forecast_gain_low": low,
            "forecast_gain_high": high, "n_forecast_pairs": float(n_pairs), "in_advance": reading == "in advance",
            "gain_capability": gains["capability"][0], "gain_compute": gains["compute"][0]}


def _judge_emergence(ev):
    source = "from training compute alone (in advance)" if ev["in_advance"] else \
        "from the large models' capability measure (after the fact)"
    checks = [
        at_least(ev, "n_jumps", 1.0, f"tasks that the small models fail (at most {UNABLE:.0%}) and the large ones do "
                 f"reliably (at least {ev['reliable']:.0%})", n_points=int(ev["n_large_models"]), basis="data"),
        at_most(ev, "forecast_gain_low", 0.0, f"lower end of the advantage of the forecast {source} over a naive "
                "guess, on the tasks the small models had not solved (hard to predict: not above 0)",
                low="forecast_gain_low", high="forecast_gain_high", spec=".2f", basis="data"),
    ]
    summary = (f"On the task with the sharpest rise in Ruan et al.'s data, the small models score "
               f"{ev['small_model_accuracy']:.0%} and the {ev['n_large_models']:.0f} large ones "
               f"{ev['large_model_accuracy']:.0%}; {ev['n_jumps']:.0f} of {ev['n_tasks']:.0f} tasks show the jump. "
               f"Fitted on smaller models, a sigmoid in training compute alone, all one knows before training, "
               f"forecasts the larger ones on the unsolved tasks with a mean error of {ev['forecast_error_flop']:.1%}, "
               f"against {ev['forecast_error_naive']:.1%} for 'no better than the best small model'; Ruan et al.'s "
               f"sigmoid in three principal components of the large models' own benchmark scores, known only after "
               f"training, errs by {ev['forecast_error_pcs']:.1%}. Scored "
               + ("in advance, as the sentence says." if ev["in_advance"] else "after the fact (the multiverse's "
                  "other reading).")
               + " In the literature, emergence can be forecast with extra work (finetuning the small models, "
               "Snell et al. 2024; sampling until a first success, Hu et al. 2023), which is itself a sign that "
               "it is hard.")
    return assess(checks, summary)


def _saturation(ceiling: float = 1.0, reference: float = 0.60, form: str = "logistic") -> dict:
    top = em.saturation_step(0.95, 0.97, ceiling=ceiling, form=form)
    mid = em.saturation_step(reference, reference + 0.02, ceiling=ceiling, form=form)
    return {"top_over_middle_decades": top.decades / mid.decades,
            "top_error_reduction": top.error_reduction, "middle_error_reduction": mid.error_reduction,
            "top_over_middle_per_log_error": top.decades_per_log_error / mid.decades_per_log_error,
            "reference": reference, "ceiling": ceiling}


def _judge_saturation(ev):
    ref = f"{ev['reference']:.0%}->{ev['reference'] + 0.02:.0%}"
    checks = [
        at_least(ev, "top_over_middle_decades", 2.0, f"compute for 95->97% relative to {ref} (disproportionate)"),
        at_least(ev, "top_over_middle_per_log_error", 1.0,
                 "compute per unit of log error removed, top step relative to middle (gain too small to notice)"),
    ]
    summary = (f"On a logistic benchmark with a ceiling of {ev['ceiling']:.1%}, 95%->97% takes "
               f"{ev['top_over_middle_decades']:.1f} times the log-compute of {ref}, but removes "
               f"{ev['top_error_reduction']:.0%} of the errors against {ev['middle_error_reduction']:.0%}; per unit "
               f"of log error it costs {ev['top_over_middle_per_log_error']:.2f} times as much.")
    return assess(checks, summary)


def _inverse() -> dict:
    inv = em.inverse_problems()
    anthropic = [s for s in em.ANTHROPIC_INVERSE if s.organisation == "Anthropic"]
    return {"prize_tasks": float(em.INVERSE.prize_tasks), "still_inverse_at_540b": float(em.INVERSE.still_inverse),
            "pythia_problems_worse": float(inv.worse_than_smallest),
            "anthropic_studies_on_size": float(sum(s.scaled == "model size" for s in anthropic)),
            "anthropic_studies_other": float(sum(s.scaled != "model size" for s in anthropic))}


def _judge_inverse(ev):
    checks = [
        at_least(ev, "still_inverse_at_540b", 1.0, "prize tasks still inverse when re-tested up to 540B"),
        at_least(ev, "pythia_problems_worse", 1.0, "MATH problems on which Pythia 12B is significantly worse than 70M"),
        at_least(ev, "anthropic_studies_on_size", 1.0, "Anthropic studies reporting problems that get worse with "
                 "model size (the article's attribution)", basis="literature"),
    ]
    summary = (f"The Inverse Scaling Prize collected {ev['prize_tasks']:.0f} tasks; re-tested up to 540B parameters "
               f"{ev['still_inverse_at_540b']:.0f} stayed inverse; on MATH, Pythia 12B is significantly worse than "
               f"70M on {ev['pythia_problems_worse']:.0f} problems. The attribution holds: Anthropic's Perez et al. "
               f"(2022) report new cases of inverse scaling with model size (sycophancy among them), and "
               f"{ev['anthropic_studies_other']:.0f} later Anthropic study (Gema et al. 2025) an inverse scaling in "
               f"test-time compute, not in size; the prize tasks come from a wider collaboration, McKenzie et al. (2023).")
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
          "jumps are difficult to predict in advance.",
          "10B fails, 100B reliable; difficult to predict", DATA, _emergence, _judge_emergence,
          checklist=("A2-23",), citations=("ruan2024observational", "snell2024emergence", "hu2023passuntil",
                                           "du2024emergentloss"),
          worlds=(
              World("a jump nobody saw coming: on every task, models under 67B score 2 % and larger ones 90 %",
                    SUPPORTED, data={W.EMERGENT_FILE: W.sudden_jump(LARGE_PARAMS / ABOUT_FACTOR)},
                    params={"n_boot": 60}),
              World("a steady climb: every task's accuracy follows the models' capability measure", NOT_SUPPORTED,
                    data={W.EMERGENT_FILE: W.follows_capability()}, params={"n_boot": 60}),
              World("a sharp rise that the smaller models foreshadow: a steep sigmoid in training compute",
                    PARTLY, data={W.EMERGENT_FILE: W.sharp_in_compute()}, params={"n_boot": 60},
                    note="the jump from about 10B to about 100B is there, but a forecast from compute alone, fitted on "
                         "the smaller models, sees it coming, which falsifies 'difficult to predict in advance'"),
          ),
          multiverse=(Choice("small_group", tuple(SMALL_GROUPS), "'10 billion' read as about 10B (6.7B-15B) or as "
                             "models up to 15B"),
                      Choice("large_group", tuple(LARGE_GROUPS), "'100 billion' read as about 100B (67B-150B), as "
                             "100B and more, or as 67B and more"),
                      Choice("reliable", (RELIABLE, 0.5, 0.8), "'reliably' as at least 60 %, 50 % or 80 % right"),
                      Choice("cutoff_flop", (obsscaling.RUAN_CUTOFF_FLOP, 3e23), "fit the forecast below Ruan et "
                             "al.'s cutoff (8.4e22 FLOP) or below 3e23 FLOP"),
                      Choice("reading", tuple(READINGS), "'in advance' as from training compute alone (known before "
                             "training) or, after the fact, from the large models' own benchmark scores")),
          reason_tags=("contradicted",)),
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
          checklist=("A2-15",),
          worlds=(
              World("a benchmark with 2.5 % mislabelled items (ceiling 97.5 %)", SUPPORTED, params={"ceiling": 0.975}),
              World("accuracy linear in log compute: no ceiling effect", NOT_SUPPORTED, params={"form": "linear"}),
          ),
          multiverse=(Choice("ceiling", (1.0, 0.99, 0.98), "a clean benchmark, or 1 % or 2 % of items no model can "
                             "pass (label errors)"),
                      Choice("reference", (0.60, 0.50, 0.70), "the middle step it is compared with: from 60 %, 50 % "
                             "or 70 %")), reason_tags=("flawed reasoning",)),
    Claim("EM-3", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 15",), CHAPTER, "em-claim-inverse",
          "As models grow, some problems get worse (inverse scaling): bigger is not always better.",
          "some problems actually get worse", LITERATURE, _inverse, _judge_inverse,
          citations=("mckenzie2023inverse", "wei2022ushaped", "perez2022discovering", "gema2025inverse"),
          checklist=("A4-35",)),
    Claim("EM-4", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 9",), CHAPTER, "em-claim-persuasion",
          "A PNAS study showed frontier models ten times larger were statistically no more effective at many "
          "real-world tasks.",
          "statistically no more effectiveness at many real-world tasks", LITERATURE, _persuasion,
          _judge_persuasion, citations=("hackenburg2025persuasion",), checklist=("A4-14",),
          reason_tags=("overgeneralised", "contradicted")),
)
