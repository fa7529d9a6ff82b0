"""Claims of the chapter "The other side" (``book/other-side.md``): emergence, saturated benchmarks,
inverse scaling and the PNAS persuasion study. The data and model claims carry counterfactual worlds
(:mod:`analysis.other_side.worlds`, or the model's inputs) and a multiverse of reading choices."""

from __future__ import annotations

from analysis.other_side import emergence as em
from analysis.other_side import obsscaling
from analysis.other_side import persuasion, saturation as sat
from analysis.other_side import worlds as W
from analysis.ledger.core import (ABOUT_FACTOR, DATA, LITERATURE, MOST_SHARE, NOT_SUPPORTED, PARTLY, SUPPORTED,
                                  Choice, Claim, World, assess, at_least, at_most, not_testable, share_at_least)

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


def _saturation(top_error: float = 0.15, low_max_error: float = 0.6, share: float = MOST_SHARE) -> dict:
    costs = sat.halving_costs(top_error=top_error, low_max_error=low_max_error)
    ok = costs[costs["eligible"]]
    top = em.saturation_step(0.95, 0.97)
    mid = em.saturation_step(0.60, 0.62)
    n = float(len(ok))
    return {"n_benchmarks": max(n, 1.0), "n_eligible": n,
            "n_step_dearer": float((ok["step_ratio"] >= 2.0).sum()),
            "n_halving_dearer": float((ok["per_halving_ratio"] > 1.0).sum()),
            "median_step_ratio": float(ok["step_ratio"].median()) if n else 0.0,
            "median_halving_ratio": float(ok["per_halving_ratio"].median()) if n else 0.0,
            "logistic_step_ratio": top.decades / mid.decades,
            "logistic_halving_ratio": top.decades_per_log_error / mid.decades_per_log_error,
            "top_error": top_error, "low_max_error": low_max_error, "share": share}


def _judge_saturation(ev):
    pop = (f"benchmarks whose efficient frontier has {sat.MIN_BAND_POINTS}+ models with error at most "
           f"{ev['top_error']:.0%} and {sat.MIN_BAND_POINTS}+ between that and {ev['low_max_error']:.0%}")
    checks = [
        share_at_least(ev, "n_step_dearer", "n_benchmarks", ev["share"], "95->97 % costs at least twice the compute of "
                       "60->62 % (disproportionate)", population=pop, strict=True, basis="data"),
        share_at_least(ev, "n_halving_dearer", "n_benchmarks", ev["share"], "halving the error near the top costs more "
                       "compute than halving it lower down (gain too small to notice)", population=pop, strict=True,
                       basis="data"),
    ]
    summary = (f"On {ev['n_eligible']:.0f} real benchmarks of Epoch AI's table, the compute to halve the error "
               f"on the models that set a record for their compute: 95->97 % costs a median "
               f"{ev['median_step_ratio']:.1f} times the decades of 60->62 %, because it removes 40 % of the errors "
               f"against 5 %; per halving of the error the top costs a median {ev['median_halving_ratio']:.2f} times "
               f"what it costs lower down. A logistic in log compute (the earlier model of this row) gives "
               f"{ev['logistic_step_ratio']:.1f} and {ev['logistic_halving_ratio']:.2f}. Each band rests on a handful "
               f"of frontier models.")
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
    g = persuasion.frontier_gain(persuasion.HACKENBURG_LOG_LOGISTIC.frontier_params_b, 10.0)
    return {"frontier_gain_pts": g.gain_pts, "frontier_gain_pts_low": g.low, "frontier_gain_pts_high": g.high,
            "cv_error_pts": persuasion.HACKENBURG_LOG_LOGISTIC.cv_error_pts, "frontier_params_b": g.big_params_b,
            "n_tasks": float(h.n_tasks), "slope_pp_per_log_params": h.slope_pp_per_log_params,
            "slope_pp_per_log_params_low": h.slope_ci95_low_pp, "slope_pp_per_log_params_high": h.slope_ci95_high_pp,
            "adjusted_slope_pp_per_log_params": h.adjusted_slope_pp_per_log_params,
            "adjusted_slope_p": h.adjusted_slope_p}


def _judge_persuasion(ev):
    checks = [
        at_least(ev, "n_tasks", 2.0, "distinct real-world tasks in the study (many)"),
        at_most(ev, "slope_pp_per_log_params", 0.0,
                "persuasion gain per unit of natural log of parameters, percentage points, with its 95 % "
                "interval (no more effective)"),
        at_most(ev, "frontier_gain_pts_low", 0.0, "the seed's comparison: lower end of the frontier model's gain over "
                "one ten times smaller, under the authors' log-logistic fit (attitude points, 0-100; no more "
                "effective: not above 0)", low="frontier_gain_pts_low", high="frontier_gain_pts_high", spec=".2f",
                basis="literature"),
    ]
    summary = (f"The study measured {ev['n_tasks']:.0f} task, single political messages; before adjusting for task "
               f"completion its meta-analysis finds {ev['slope_pp_per_log_params']:.2f} points more persuasion per "
               f"unit of natural log of parameters (95 % interval {ev['slope_pp_per_log_params_low']:.2f} to "
               f"{ev['slope_pp_per_log_params_high']:.2f}): small, diminishing, but positive. Only after adjusting "
               f"for task completion does the slope ({ev['adjusted_slope_pp_per_log_params']:.2f}, "
               f"p = {ev['adjusted_slope_p']:.3f}) lose significance. On the seed's own comparison, the authors' "
               f"log-logistic curve puts a {ev['frontier_params_b']:.0f}B frontier model "
               f"{ev['frontier_gain_pts']:.2f} attitude points above one ten times smaller (95 % interval "
               f"{ev['frontier_gain_pts_low']:.2f} to {ev['frontier_gain_pts_high']:.2f}, the estimates drawn "
               f"independently), about the fit's own leave-one-model-out error ({ev['cv_error_pts']:.2f}): "
               f"'only slightly more persuasive', in the authors' words, not 'no more'.")
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
          "95 % -> 97 % needs disproportionate effort", DATA, _saturation, _judge_saturation,
          checklist=("A2-15",), citations=("epochai2026benchmarks",),
          worlds=(
              World("near every ceiling, each halving of the error takes twice the compute it took", SUPPORTED,
                    data={W.BENCHMARK_FILE: W.top_band_speed(0.5)}),
              World("near every ceiling, each halving of the error takes half the compute it took", PARTLY,
                    data={W.BENCHMARK_FILE: W.top_band_speed(2.0)},
                    note="95->97 % still costs more than 60->62 % in compute, since it removes eight times the share "
                         "of errors, but per error removed the top is cheaper: the gain is not 'too small to "
                         "notice', which falsifies the sentence's second part"),
          ),
          multiverse=(Choice("top_error", (0.15, 0.1, 0.2), "'near the ceiling' as an error of at most 15 %, 10 % "
                             "or 20 %"),
                      Choice("low_max_error", (0.6, 0.8), "the lower band reaching up to 60 % or 80 % error"),
                      Choice("share", (MOST_SHARE, 2 / 3), "a general statement read as more than half of the "
                             "benchmarks, or two in three")), reason_tags=("flawed reasoning",)),
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
