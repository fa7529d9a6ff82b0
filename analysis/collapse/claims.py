"""Claims of the model-collapse chapter (seeds 000, 002 and 004), tested in the chapter's toy worlds, on
Kazdan et al.'s published runs, on the wordfreq sunset note and on published figures.

Most verdicts here are ``model``: they follow from simulations and closed forms of deliberately simple
learners (a refitted normal, a re-estimated word-frequency table, a memorising learner), which show what
the mechanism does, not how much a real language model suffers; in them the functional form of the learner
decides, so their counterfactual worlds change the learner's inputs (sample sizes, horizons, decoding, how
data are kept) rather than data. Checks measured on published files (Kazdan et al.'s runs, the wordfreq
note) are the ``data`` ones, and their worlds transform those files (:mod:`analysis.collapse.worlds`). The
numbers come from :mod:`analysis.collapse.evidence`; the judges here are pure.
"""

from __future__ import annotations

import math

from analysis.collapse import evidence as ev
from analysis.collapse import published_findings as pf
from analysis.collapse import vocab
from analysis.collapse import worlds as W
from analysis.datawall import supply as sup
from analysis.ledger import literature as lit
from analysis.ledger.core import (DATA, LITERATURE, MODEL, NOT_SUPPORTED, PARTLY, SUPPORTED, Choice, Claim, World,
                                  assess, at_least, at_most, beyond, holds, near, not_testable)

CHAPTER = "model-collapse"

L_000 = "§ The Data Problem Beneath It All ¶ 3"
L_002 = "§ The Evidence for Diminishing Returns ¶ 5"
L_WHY = "§ Why Bigger Models Aren't Getting Better ¶ {}"
L_EXPL = "§ The Model Collapse Problem Explained ¶ {}"
L_FAQ = "§ Q: Does model collapse mean all AI will eventually become useless? ¶ 1"

#: Chains inside a counterfactual world (worlds run with cold caches; the verdicts there are far from
#: their thresholds, so fewer chains decide them as well).
WORLD_CHAINS = 300
SEEDS = Choice("seed", (0, 1, 2), "the simulation's seed: a verdict that holds for one seed only is fragile")


# --- MC-1: a copy of a copy ---------------------------------------------------------------------------

def _judge_copy(e):
    checks = [
        at_least(e, "further_loss_after_gen1", 0.01, "share of word types lost after generation 1 (replace)", spec="%",
                 basis="simulation"),
        at_most(e, "rare_to_top_survival", 0.5, "survival of the rarest band relative to the top band", basis="simulation"),
        at_most(e, "gaussian_tail_kept_median", 0.5, "share of the true 3-sigma tail mass the median refitted normal keeps",
                spec="%", basis="simulation"),
        at_least(e, "entropy_drop_top_p_bits", 0.5, "entropy rate lost with top-p sampling per context (bigram "
                 "chain of real text; bits per word)", basis="model"),
    ]
    summary = (f"Under replace the word list loses {e['types_lost_first']:.1%} of its types in the first sample, "
               f"{e['types_lost_gen1']:.1%} by generation 1 and {e['types_lost_last']:.1%} after "
               f"{e['n_generations_vocab']:.0f} generations; the rarest band survives at {e['rare_to_top_survival']:.0%} "
               f"of the top band's rate; at generation {e['gaussian_generation']:.0f} the median normal refitted to "
               f"{e['gaussian_m']:,.0f} samples keeps {e['gaussian_tail_kept_median']:.1%} of the true tail mass; top-p "
               f"{e['top_p']:.2f} sampling per context (a bigram chain of real text) keeps "
               f"{e['types_kept_gen1_per_context']:.0%} of the word types after one generation and removes "
               f"{e['entropy_drop_top_p_bits']:.1f} bits of entropy rate in {ev.TRUNCATION_GENERATIONS} generations "
               f"even with unlimited samples (cutting the 20,000-word unigram list instead loses more: "
               f"{e['types_kept_gen1_unigram']:.0%} kept, {e['entropy_drop_top_p_bits_unigram']:.1f} bits). These are "
               f"toy learners: the direction, not the size, carries over.")
    return assess(checks, summary)


# --- MC-2: exponential decay in large systems --------------------------------------------------------

def _judge_exponential(e):
    checks = [
        at_least(e, "r2_log_variance_large_m", 0.99, f"R² of log-variance linear in generation (replace, M = "
                 f"{e['large_m']:,.0f}; 0 unless it falls beyond the chains' noise)", basis="simulation"),
        at_least(e, "r2_log_types_top_p", 0.95, "R² of log(types still produced) linear in generation (top-p "
                 "per context, bigram chain of real text; 0 unless it falls)", basis="model"),
    ]
    summary = (f"At M = {e['large_m']:,.0f} samples per generation the typical variance is multiplied by "
               f"{e['factor_per_generation_large_m']:.4f} per generation (95 % interval over chains "
               f"{e['factor_per_generation_large_m_low']:.4f} to {e['factor_per_generation_large_m_high']:.4f}; R² "
               f"{e['r2_log_variance_large_m']:.3f} for a straight line in log-variance): exponential, but with a "
               f"half-life of {e['half_life_large_m']:,.0f} generations, so slow. With top-p {e['top_p']:.2f} sampling per "
               f"context the number of word types still produced falls by about {e['types_factor_top_p']:.3f} per "
               f"generation (R² {e['r2_log_types_top_p']:.3f} for a constant factor; the unigram list: "
               f"{e['types_factor_top_p_unigram']:.3f}, R² {e['r2_log_types_top_p_unigram']:.3f}) whatever the sample "
               f"size.")
    return assess(checks, summary)


# --- MC-3: unbiased refitting, a random walk -------------------------------------------------------

def _judge_random_walk(e):
    checks = [
        at_least(e, "share_below_tenth", 0.5, "share of unbiased chains below a tenth of the true variance", spec="%",
                 basis="simulation"),
        at_least(e, "r2_spread_linear", 0.99, "R² of the spread (variance of log-variance) growing linearly (0 "
                 "unless it grows)", basis="simulation"),
        near(e, "kazdan_spread_exponent", 0.5, "growth exponent of the 5-95 % spread in Kazdan et al.'s runs",
             tolerance=0.1, basis="data"),
    ]
    summary = (f"With the unbiased estimator (M = {e['sample_size']:.0f}) the expected fitted variance is exactly 1 "
               f"in every generation (the simulated mean, {e['mean_variance_end']:.2f} after {e['generations']:.0f} "
               f"generations, rests on a few chains that wander high), yet "
               f"{e['share_below_tenth']:.0%} of chains fall below a tenth of it (median {e['median_variance_end']:.1e}). "
               f"Read as the spread of the estimate, the claim holds: the spread grows linearly in the generation "
               f"(R² {e['r2_spread_linear']:.3f}), and in Kazdan et al.'s published runs the 5-95 % band widens like "
               f"generation^{e['kazdan_spread_exponent']:.2f} (a random walk gives 0.5). The variance itself shrinks.")
    return assess(checks, summary)


# --- MC-4: superlinear growth ----------------------------------------------------------------------

def _judge_superlinear(e):
    checks = [
        at_least(e, "linear_sum_growth", 1.05, "growth of the summed loss over the second half, linear schedule "
                 "(linear growth not enough?)", spec=".4f", basis="model"),
        at_least(e, "polynomial_sum_growth", 1.01, f"growth of the summed loss over the second half, M ~ g^"
                 f"{e['power']:g} (polynomial growth not enough either, as 'exponential' says?)", spec=".4f",
                 basis="model"),
    ]
    summary = (f"When the data are replaced, the collapse stops only if the summed loss per generation converges "
               f"(for the refitted normal, the sum of 1/M). Growth faster than linear is needed: under the linear "
               f"schedule the sum still grows ×{e['linear_sum_growth']:.3f} over the second half of "
               f"{e['generations']:.0f} generations. Exponential growth is not: M ~ g^{e['power']:g} already converges "
               f"(×{e['polynomial_sum_growth']:.4f}). Nor is growth needed at all once fresh human data come in (a "
               f"constant 10 % share holds the expected variance at {e['fresh_constant_variance']:.2f}), and "
               f"accumulating reaches the quadratic schedule's expected variance ({e['accumulate_variance']:.3f}) "
               f"training on {e['visits_ratio_quadratic_to_accumulate']:.0f} times fewer sample-visits "
               f"({e['drawn_ratio_quadratic_to_accumulate']:,.0f} times fewer samples drawn). 'Infeasible' is not scored.")
    return assess(checks, summary)


# --- MC-5: accumulate instead of replace ----------------------------------------------------------

def _judge_accumulate(e):
    label = "median" if e["quantile"] == 0.5 else f"{e['quantile']:.0%} quantile of the"
    checks = [at_least(e, "accumulate_published", 0.5, f"{label} fitted variance at the last iteration, accumulate, "
                       f"Kazdan et al.'s runs (M = {e['sample_size']:.0f})", basis="data")]
    summary = (f"At M = {e['sample_size']:.0f} and generation {e['generation']:.0f}, Kazdan et al.'s published "
               f"accumulate runs keep a {label} fitted variance of {e['accumulate_published']:.2f} (replace: "
               f"{e['replace_published']:.1e}); our chains give {e['accumulate_ours']:.2f} and {e['replace_ours']:.1e}.")
    return assess(checks, summary)


# --- MC-6: subtle, hard to detect ------------------------------------------------------------------

def _judge_subtle(e):
    checks = [
        holds(e, "quiet_damage", f"the gap to human text grows ×{e['kl_growth_realistic']:.1f} (at least ×2) in "
              f"{ev.DETECTION_GENERATION} generations, yet the best test on {e['test_tokens']:,.0f} tokens catches it "
              f"with probability {e['power_realistic']:.0%} (at most 50 %)", basis="simulation"),
        at_least(e, "head_mass_gain_top_p", 1.1, "growth of the top-10 words' share with top-p sampling per context "
                 "(bigram chain of real text; bias amplified?)", basis="model"),
    ]
    summary = (f"With {e['realistic_tokens']:,.0f} tokens per generation and a smoothed model, the gap to human text "
               f"grows ×{e['kl_growth_realistic']:.1f} in {ev.DETECTION_GENERATION} generations yet stays at "
               f"{e['kl_bits_realistic']:.4f} bits per token: the most powerful test catches the model's text on "
               f"{e['test_tokens']:,.0f} tokens with probability {e['power_realistic']:.0%} and needs "
               f"{e['tokens_for_90_realistic']:,.0f} tokens for 90 % power. At the chapter's toy scale "
               f"({e['toy_tokens']:,.0f} tokens) it needs only {e['tokens_for_90_toy']:,.0f}. Top-p {e['top_p']:.2f} "
               f"sampling per context raises the ten commonest words' share ×{e['head_mass_gain_top_p']:.2f} in "
               f"{ev.DETECTION_GENERATION} generations (the unigram list: ×{e['head_mass_gain_top_p_unigram']:.2f}): "
               f"frequent patterns are amplified.")
    return assess(checks, summary)


# --- MC-7: collapse accelerates with the synthetic share --------------------------------------------

def _judge_accelerates(e):
    checks = [
        beyond(e, "gaussian_acceleration", 1.0, "variance lost per unit of synthetic share, 80-90 % over 0-50 % "
               "(exact; 1 when under 5 % is lost)", direction="above", basis="model"),
        beyond(e, "tails_acceleration", 1.0, "tail error added per unit of synthetic share, 90-99 % over 50-90 % "
               "(exact; 1 when the error rises under 5 %)", direction="above", basis="model"),
    ]
    summary = (f"In mix mode (M = {e['mix_m']:.0f}, {e['mix_generations']:.0f} generations; closed form) each extra "
               f"point of synthetic share costs {e['gaussian_acceleration']:.0f} times more variance between 80 % and "
               f"90 % synthetic than between 0 % and 50 %; in the tails world (generator cut at rank "
               f"{e['tail_k']:,.0f}, {e['tail_budget']:.0e} training tokens) each point of synthetic share between 90 % "
               f"and 99 % raises the test error (relative to all-real data) {e['tails_acceleration']:.1f} times faster "
               f"than between 50 % and 90 %. The damage grows faster than the synthetic share itself.")
    return assess(checks, summary)


# --- MC-8: curation slows collapse; MC-9: good data management prevents it and can help ------------------

def _judge_curation(e):
    checks = [beyond(e, "gain_from_real", 0.0, f"variance kept thanks to {e['real_share']:.0%} verified human data "
                     f"(over none; simulated, 95 % interval)", direction="above", basis="simulation")]
    summary = (f"Keeping a share of verified human data slows collapse in the Gaussian world (M = {e['mix_m']:.0f}): "
               f"after 100 generations the expected variance is {e['variance_no_real']:.3f} with no human data and "
               f"{e['variance_with_real']:.2f} with {e['real_share']:.0%}, and no step of human share hurts (smallest "
               f"change {e['min_gain_per_real_step']:+.2g}). The RLHF half of the sentence is not tested here.")
    return assess(checks, summary)


def _judge_management(e):
    checks = [
        at_least(e, "accumulate_variance", 0.5, f"expected variance after {e['generations']:.0f} generations when "
                 f"data accumulate", basis="model"),
        at_least(e, "augmentation_gain", 1.05, f"error with {e['real_tokens']:.0e} human tokens over error with "
                 f"{e['synthetic_tokens']:.0e} synthetic tokens added (at least 5 % better?)", basis="model"),
    ]
    summary = (f"Managed data prevent collapse in the toy worlds (accumulating keeps the expected variance at "
               f"{e['accumulate_variance']:.2f} after {e['generations']:.0f} generations), and synthetic data can help: "
               f"adding {e['synthetic_tokens']:,.0f} tokens of a generator cut at rank {e['aug_k']:,.0f} to "
               f"{e['real_tokens']:,.0f} human ones lowers the memorising learner's error from "
               f"{e['real_only_error']:.3f} to {e['augmented_error']:.3f}. The NYU-Meta result itself (Feng et al. 2024, "
               f"selecting synthetic data with a verifier) is cited, not reproduced.")
    return assess(checks, summary)


# --- MC-10: the wordfreq story --------------------------------------------------------------------------

def _judge_wordfreq(e):
    checks = [
        holds(e, "updates_stopped", "the note says the word lists will not be updated (the project stopped)",
              basis="data"),
        holds(e, "note_in_fall", f"the note is dated in the autumn of 2024 (it is "
              f"{e['sunset_year']:.0f}-{e['sunset_month']:02.0f}-{e['sunset_day']:02.0f})", basis="data"),
        holds(e, "ai_pollution_cited", "the note cites generative-AI pollution of its sources (as the article reads)",
              basis="data"),
    ]
    named = "names" if e["ai_pollution_named"] else "does not name"
    summary = (f"The note (September {e['sunset_year']:.0f}) {named} generative AI polluting the data, as one of "
               f"{e['n_reasons']:.0f} reasons and the first: the others are that Twitter and Reddit data became "
               f"unavailable or expensive, and the author's wish to stay out of generative AI. wordfreq stopped "
               f"updating its lists (the package, frozen at 2021 data, is still installable: this chapter loads it). "
               f"'Specifically citing' reads as 'naming', not 'the only reason'.")
    return assess(checks, summary)


# --- MC-14: the YouTube figure; MC-15: detectors ---------------------------------------------------------

#: Kapwing (2025), reported by The Guardian on 27 December 2025: of the first 500 YouTube Shorts a newly made
#: account was shown, 104 were AI-generated ("AI slop"); of the top 100 trending channels in every country
#: (about 15,000), 278 post only AI slop. Read in stored copies of the Guardian article (as republished the same
#: day) and of reports quoting Kapwing's page (104 of 500, 21 %; 165 of 500 "brainrot"), not in Kapwing's own
#: page, which the store holds only as a mirror of its opening. The feed counts are read from the curated file
#: (:mod:`analysis.datawall.supply`, keys ``kapwing_shorts_ai`` and ``kapwing_shorts_shown``), which the
#: chapter's table of measured shares reads too.
KAPWING_SLOP_CHANNELS = lit.Published(278, "channels posting only AI slop", "kapwing2025slop", "report")
KAPWING_CHANNELS = lit.Published(15_000, "top-100 trending channels of every country", "kapwing2025slop", "report")
#: Krishna et al. (2023), abstract (NeurIPS 2023 proceedings page and arXiv:2303.13408, stored copies):
#: paraphrasing with DIPPER drops DetectGPT's detection of machine text from 70.3 % to 4.6 % at a constant 1 %
#: false-positive rate.
DETECTGPT_TPR = lit.Published(0.703, "true-positive rate at 1 % FPR", "krishna2023paraphrasing", "Abstract")
DETECTGPT_PARAPHRASED_TPR = lit.Published(0.046, "true-positive rate at 1 % FPR, paraphrased", "krishna2023paraphrasing",
                                          "Abstract")
#: "All" machine text: a filter that catches at least this share is counted as catching all of it.
CATCH_ALL = 0.99


def _wilson(k: float, n: float, z: float = 1.96) -> tuple[float, float]:
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def ev_youtube() -> dict:
    k, n = sup.figure("kapwing_shorts_ai"), sup.figure("kapwing_shorts_shown")
    lo, hi = _wilson(k, n)
    return {"feed_share_ai": k / n, "feed_share_ai_low": lo, "feed_share_ai_high": hi, "shorts_seen": n,
            "channel_share_ai_only": KAPWING_SLOP_CHANNELS.value / KAPWING_CHANNELS.value,
            "channels": KAPWING_CHANNELS.value}


def judge_youtube(e):
    checks = [at_least(e, "feed_share_ai", 0.20, "Shorts judged AI-generated among the first 500 a new account was "
                       "shown", spec="%"),
              at_least(e, "channel_share_ai_only", 0.20, "the study's one platform-wide count: share of the top "
                       "channels (100 per country) that post only AI-generated videos", spec="%")]
    return assess(checks, f"The figure is Kapwing's: {e['feed_share_ai']:.1%} of the first {e['shorts_seen']:.0f} "
                          f"Shorts shown to a newly made account (95 % interval {e['feed_share_ai_low']:.0%} to "
                          f"{e['feed_share_ai_high']:.0%}). That is one feed's sample of short videos, not a share of "
                          f"YouTube's videos; the same study's census of {e['channels']:,.0f} top channels found "
                          f"{e['channel_share_ai_only']:.1%} posting only AI-generated videos.")


def ev_detector() -> dict:
    """The first widely used classifier (OpenAI, 2023), a zero-shot detector attacked by paraphrasing
    (DetectGPT; Krishna et al. 2023) and the best zero-shot detector reported since (Binoculars, 2024)."""
    return {"openai_true_positive_rate": lit.OPENAI_CLASSIFIER_TPR.value,
            "openai_false_positive_rate": lit.OPENAI_CLASSIFIER_FPR.value,
            "detectgpt_true_positive_rate": DETECTGPT_TPR.value,
            "detectgpt_paraphrased_true_positive_rate": DETECTGPT_PARAPHRASED_TPR.value,
            "binoculars_true_positive_rate": lit.BINOCULARS_TPR.value,
            "binoculars_false_positive_rate": lit.BINOCULARS_FPR.value}


def judge_detector(e):
    checks = [at_most(e, "openai_true_positive_rate", CATCH_ALL, "machine text caught by OpenAI's classifier (all?)",
                      spec="%"),
              at_most(e, "detectgpt_paraphrased_true_positive_rate", CATCH_ALL,
                      "paraphrased machine text caught by DetectGPT at 1 % false alarms (all?)", spec="%")]
    return assess(checks, f"The sentence says filters cannot catch all machine text. OpenAI's classifier caught "
                          f"{e['openai_true_positive_rate']:.0%} of it while flagging {e['openai_false_positive_rate']:.0%} "
                          f"of human text, and was withdrawn; DetectGPT catches {e['detectgpt_true_positive_rate']:.1%} "
                          f"at 1 % false alarms and {e['detectgpt_paraphrased_true_positive_rate']:.1%} once the text is "
                          f"paraphrased by another model. The best zero-shot detector reported since (Binoculars) catches "
                          f"'over {e['binoculars_true_positive_rate']:.0%}' at {e['binoculars_false_positive_rate']:.2%} "
                          f"false alarms on its authors' benchmarks: a strong detector, not a complete one.")


# --- MC-11, MC-12, MC-18: what experiments with real generative models report --------------------------

def ev_image_models() -> dict:
    """Which published findings report VAEs and diffusion models degrading in a fully synthetic loop."""
    vae = pf.reported(pf.FINDINGS, "variational autoencoder", pf.FULLY_SYNTHETIC, pf.DEGRADES)
    diffusion = pf.reported(pf.FINDINGS, "diffusion model", pf.FULLY_SYNTHETIC, pf.DEGRADES)
    stable = pf.reported(pf.FINDINGS, "diffusion model", pf.ENOUGH_REAL_DATA, pf.STABLE)
    return {"vae_degrades_reported": bool(vae), "diffusion_degrades_reported": bool(diffusion),
            "degradation_grows_with_generations": bool(vae + diffusion) and all(f.progressive for f in vae + diffusion),
            "stable_with_real_data_reported": bool(stable),
            "studies_reporting_degradation": len({f.cite for f in vae + diffusion}),
            "studies_reporting_stability": len({f.cite for f in stable})}


def judge_image_models(e):
    checks = [holds(e, "vae_degrades_reported", "a study reports VAEs degrading when retrained on their own samples"),
              holds(e, "diffusion_degrades_reported",
                    "a study reports diffusion models degrading in a fully synthetic loop"),
              holds(e, "degradation_grows_with_generations", "the reported loss grows with the generations")]
    caveat = (" The same studies set the damage in loops without enough fresh real data, and a study of diffusion "
              "models retrained on a large enough share of real data finds the loop stable."
              if e["stable_with_real_data_reported"] else "")
    return assess(checks, "Retrained on their own samples alone, VAEs (Shumailov et al.) and image generators "
                          "including diffusion models (Alemohammad et al.) lose tails, quality or diversity, more "
                          f"with every generation.{caveat} 'Catastrophic' has no measure in the studies' abstracts, "
                          "and their per-generation figures are not transcribed here.")


def ev_lm_diversity() -> dict:
    """Whether the published language-model findings report falling diversity over the iterations."""
    lm = pf.reported(pf.FINDINGS, "language model", pf.FULLY_SYNTHETIC, pf.DEGRADES)
    diversity = tuple(f for f in lm if "diversity" in f.measure)
    return {"diversity_decline_reported": bool(diversity),
            "decline_grows_with_iterations": bool(diversity) and all(f.progressive for f in diversity),
            "tails_lost_reported": any("tails" in f.measure for f in lm),
            "studies_reporting_decline": len({f.cite for f in lm})}


def judge_lm_diversity(e):
    checks = [holds(e, "diversity_decline_reported",
                    "a study reports language-model output diversity falling under recursive training"),
              holds(e, "decline_grows_with_iterations", "the decline continues through the iterations")]
    return assess(checks, "Guo et al. report output diversity falling with every iteration of recursive "
                          "fine-tuning on several generation tasks, and Shumailov et al. see a fine-tuned OPT-125m "
                          "lose the tails of its data. Both loops train on model text alone; whether each of the "
                          "three kinds of measure falls is registered separately (MC-19).")


def ev_lm_creative() -> dict:
    """Whether the language-model diversity finding names the creative tasks as the most affected."""
    lm = pf.reported(pf.FINDINGS, "language model", pf.FULLY_SYNTHETIC, pf.DEGRADES)
    return {"creative_tasks_strongest_reported": any("creativ" in f.strongest_on for f in lm)}


def judge_lm_creative(e):
    checks = [holds(e, "creative_tasks_strongest_reported",
                    "the study reports the decline most marked on the tasks that demand creativity")]
    return assess(checks, "Guo et al. find the loss of diversity most marked on the generation tasks that demand "
                          "the most creativity. 'Fastest' is read as 'largest over the same iterations'; the rates "
                          "per task are not transcribed here.")




# --- The claims ---------------------------------------------------------------------------------------

CLAIMS = (
    Claim("MC-1", ("000", "004"), (L_000, L_WHY.format(7)), CHAPTER, "mc-claim-copy",
          "Training each model on its predecessors' output loses diversity and the rare tails of the human data, "
          "and the loss compounds with every generation, like copying a copy.",
          "diversity and tails lost, worse each generation", MODEL, ev.copy_of_copy, _judge_copy,
          checklist=("A0-23", "A4-22", "A4-23", "A4-36"),
          worlds=(
              World("small samples: 20,000 tokens and 10 draws per generation", SUPPORTED,
                    params={"vocab_tokens": 20_000, "gaussian_m": 10, "n_chains": WORLD_CHAINS}),
              World("samples that miss nothing: 2,000 equally common words, 10^8 tokens and 10^6 draws per "
                    "generation, decoding untruncated", NOT_SUPPORTED,
                    data={W.WORDFREQ_SOURCE: W.flat_word_list(2_000)},
                    params={"vocab_tokens": 100_000_000, "gaussian_m": 1_000_000, "top_p": 1.0,
                            "n_chains": WORLD_CHAINS},
                    note="nothing is lost when every word is drawn thousands of times and nothing is cut"),
          ),
          multiverse=(SEEDS, Choice("top_p", (0.9, 0.95), "nucleus sampling as commonly configured"),
                      Choice("vocab_tokens", (200_000, 1_000_000), "tokens per generation: the chapter's corpus or "
                             "five times more"),
                      Choice("gaussian_m", (100, 1000), "samples per generation of the refitted normal")),
                      load_bearing=True),
    Claim("MC-2", ("000",), (L_000,), CHAPTER, "mc-claim-exponential",
          "In large systems, the decay caused by retraining on model output is exponential.",
          "decay is exponential in large systems", MODEL, ev.exponential_decay, _judge_exponential,
          checklist=("A0-25",),
          worlds=(
              World("a system of 316 draws per generation, decoding with top-p 0.9", SUPPORTED,
                    params={"large_m": 316, "top_p": 0.9, "n_chains": WORLD_CHAINS}),
              World("data accumulate and decoding does not truncate", NOT_SUPPORTED,
                    params={"mode": "accumulate", "top_p": 1.0, "n_chains": WORLD_CHAINS},
                    note="the variance settles near its start and the vocabulary stays whole: no decay to call "
                         "exponential"),
          ),
          multiverse=(SEEDS, Choice("large_m", (316, 1000), "what 'large' means: the two largest simulated samples"),
                      Choice("top_p", (0.9, 0.95), "nucleus sampling as commonly configured"))),
    Claim("MC-3", ("004",), (L_EXPL.format(6),), CHAPTER, "mc-claim-random-walk",
          "Even a normal distribution refitted with unbiased estimators collapses when it is fitted recursively to "
          "its own samples, the estimate wandering like a random walk until it breaks down.",
          "unbiased fit still collapses; random-walk variance", MODEL, ev.random_walk, _judge_random_walk,
          checklist=("A4-37", "A4-38"),
          worlds=(
              World("ten samples per generation", SUPPORTED, params={"sample_size": 10, "walk_chains": WORLD_CHAINS}),
              World("the fits keep all past samples, and the published spread never widens", NOT_SUPPORTED,
                    data={W.KAZDAN_FILE: W.replace_spread_frozen},
                    params={"mode": "accumulate", "walk_chains": WORLD_CHAINS}),
              World("a thousand samples per generation", PARTLY, params={"sample_size": 1000, "walk_chains": WORLD_CHAINS},
                    note="no chain collapses within 200 generations (the collapse half fails), while the estimate "
                         "still wanders like a random walk (that half holds)"),
          ),
          multiverse=(SEEDS, Choice("sample_size", (10, 20, 100), "samples per generation"),
                      Choice("horizon", (100, 200), "generations: how long 'eventually' is given")), load_bearing=True),
    Claim("MC-4", ("004",), (L_EXPL.format(13),), CHAPTER, "mc-claim-superlinear",
          "Preventing collapse requires exponentially more high-quality data over time, the sample growing faster "
          "than linearly each generation, which is not feasible.",
          "faster-than-linear (exponential) data growth needed; infeasible", MODEL, ev.superlinear,
          _judge_superlinear, checklist=("A4-45",),
          worlds=(
              World("a learner that loses M^-1/4 per generation (language-model losses fall with data about this "
                    "slowly)", SUPPORTED, params={"data_exponent": 0.25},
                    note="polynomial growth of power 2 (or 3) then fails too: only far faster growth keeps up"),
              World("a learner that loses only 1/M^2 per generation", NOT_SUPPORTED, params={"data_exponent": 2.0},
                    note="linear growth already stops the collapse"),
          ),
          multiverse=(Choice("horizon", (100, 200, 400), "generations over which convergence is judged"),
                      Choice("base", (10, 20, 100), "samples at generation 0"),
                      Choice("power", (2.0, 3.0), "the polynomial schedule set against 'exponential'")),
                      reason_tags=("exaggerated",)),
    Claim("MC-5", ("004",), (L_EXPL.format(14),), CHAPTER, "mc-claim-accumulate",
          "If synthetic data accumulate beside the human data instead of replacing them, collapse may be avoided.",
          "accumulation may avoid collapse", DATA, ev.accumulate, _judge_accumulate,
          citations=("kazdan2024collapse", "gerstgrasser2024accumulate"), checklist=("A4-46",),
          worlds=(
              World("the published accumulate runs keep the true variance", SUPPORTED,
                    data={W.KAZDAN_FILE: W.accumulate_keeps_variance}, params={"n_chains": WORLD_CHAINS}),
              World("the published accumulate runs collapse as the replace runs do", NOT_SUPPORTED,
                    data={W.KAZDAN_FILE: W.accumulate_like_replace}, params={"n_chains": WORLD_CHAINS}),
          ),
          multiverse=(Choice("sample_size", (10, 32, 100, 316), "Kazdan et al.'s four sample sizes per iteration"),
                      Choice("statistic", ("median", "q05"), "the typical run, or the 5 % worst"))),
    Claim("MC-6", ("002",), (L_002,), CHAPTER, "mc-claim-subtle",
          "Training on text that models produced can exaggerate biases and cause quiet damage that is hard to notice.",
          "amplified biases; subtle, hard-to-detect degradation", MODEL, ev.subtle, _judge_subtle,
          checklist=("A2-13",),
          worlds=(
              World("a corpus of 10^9 tokens per generation, decoding with top-p 0.9", SUPPORTED,
                    params={"realistic_tokens": 1_000_000_000, "top_p": 0.9}),
              World("a small corpus (200,000 tokens per generation), decoding untruncated", NOT_SUPPORTED,
                    params={"realistic_tokens": 200_000, "top_p": 1.0},
                    note="the damage is plain on a paragraph and no word gains share"),
              World("decoding untruncated", PARTLY, params={"top_p": 1.0},
                    note="no bias is amplified (that half fails); the damage stays quiet (that half holds)"),
          ),
          multiverse=(SEEDS, Choice("realistic_tokens", (10_000_000, 100_000_000, 1_000_000_000),
                                    "tokens per generation of the realistic corpus"),
                      Choice("test_tokens", (100, 1_000, 10_000), "text the detector sees: a paragraph, an article, "
                             "a long report"),
                      Choice("top_p", (0.9, 0.95), "nucleus sampling as commonly configured"))),
    Claim("MC-7", ("000",), (L_000,), CHAPTER, "mc-claim-accelerates",
          "The collapse speeds up as the amount of synthetic data in training grows.",
          "accelerates as synthetic volume grows", MODEL, ev.accelerates, _judge_accelerates,
          citations=("dohmatob2024tails",), checklist=("A0-24",),
          worlds=(
              World("ten samples per generation over 200 generations", SUPPORTED,
                    params={"mix_m": 10, "mix_generations": 200}),
              World("near-perfect generators: 100,000 samples per generation, a word generator that knows all but the "
                    "last word", NOT_SUPPORTED, params={"mix_m": 100_000, "tail_k": 299_999},
                    note="synthetic data then do no material damage: there is no collapse to speed up"),
          ),
          multiverse=(Choice("mix_m", (10, 20, 50), "samples per generation"),
                      Choice("mix_generations", (50, 100, 200), "generations of mixing"),
                      Choice("tail_budget", (1e6, 1e7), "training tokens of the memorising learner"),
                      Choice("tail_k", (1_000, 10_000), "where the synthetic generator cuts the tail"))),
    Claim("MC-8", ("004",), (L_EXPL.format(10),), CHAPTER, "mc-claim-curation",
          "Curating data, filtering out synthetic content and favouring verified human text slow the collapse "
          "(and RLHF corrects some of it).",
          "curation and filtering slow collapse", MODEL, ev.curation, _judge_curation, checklist=("A4-43",),
          worlds=(
              World("curation keeps a fifth of each generation human", SUPPORTED,
                    params={"real_share": 0.2, "n_chains": WORLD_CHAINS}),
              World("the filters let no verified human text through", NOT_SUPPORTED,
                    params={"real_share": 0.0, "n_chains": WORLD_CHAINS}),
          ),
          multiverse=(SEEDS, Choice("mix_m", (10, 20, 50), "samples per generation"),
                      Choice("real_share", (0.1, 0.2), "share of verified human data curation keeps"))),
    Claim("MC-9", ("004",), (L_FAQ,), CHAPTER, "mc-claim-management",
          "Research from NYU and Meta shows that managing data well prevents collapse and can even improve "
          "performance.",
          "prevents collapse, can improve performance", MODEL, ev.management, _judge_management,
          citations=("feng2024beyond", "dohmatob2024tails"), checklist=("A4-63",),
          worlds=(
              World("a thousand human tokens, topped up with 100,000 synthetic ones", SUPPORTED,
                    params={"real_tokens": 1e3, "synthetic_tokens": 1e5}),
              World("a synthetic generator that knows only the ten commonest words", PARTLY, params={"aug_k": 10},
                    note="adding its text does not improve the learner (that half fails); accumulating still "
                         "prevents collapse (that half holds)"),
          ),
          multiverse=(Choice("base", (10, 20, 100), "samples added per generation"),
                      Choice("horizon", (100, 200, 1000), "generations of accumulating"),
                      Choice("real_tokens", (1e3, 1e4, 1e5), "the human budget that synthetic data top up"),
                      Choice("aug_k", (1_000, 10_000), "where the synthetic generator cuts the tail"))),
    Claim("MC-10", ("004",), (L_WHY.format(9),), CHAPTER, "mc-claim-wordfreq",
          "The wordfreq project shut down in the autumn of the previous year, specifically citing generative-AI "
          "pollution of its sources.",
          "shut down in fall, specifically citing AI pollution", DATA, ev.wordfreq, _judge_wordfreq,
          citations=("speer2024sunset",), checklist=("A4-26",),
          worlds=(
              World("a note giving AI pollution as its one reason", SUPPORTED,
                    data={W.SUNSET_FILE: W.note_ai_section_only}),
              World("a spring note that keeps the lists updated and does not mention AI", NOT_SUPPORTED,
                    data={W.SUNSET_FILE: W.note_still_updated, W.SUNSET_DATE_SOURCE: W.date_moved(2024, 4, 2)}),
              World("a note without its section on AI pollution", PARTLY,
                    data={W.SUNSET_FILE: W.note_without_ai_section},
                    note="the project still stops in the autumn (those parts hold); the reason the article gives "
                         "is not in the note (that part fails)"),
          ),
          multiverse=(Choice("season", ("meteorological", "astronomical"), "autumn from 1 September, or from the "
                             "equinox (22 September 2024)"),
                      Choice("reading", ("named", "first", "only"), "'specifically citing': AI pollution named "
                             "among the reasons, given first, or given alone"))),
    Claim("MC-11", ("004",), (L_WHY.format(8),), CHAPTER, "mc-claim-image-models",
          "When variational autoencoders and diffusion models are retrained, generation after generation, "
          "on their own samples, they lose information step by step until their quality breaks down.",
          "VAEs and diffusion models degraded catastrophically", LITERATURE, ev_image_models, judge_image_models,
          citations=("shumailov2024collapse", "alemohammad2024mad", "bertrand2024stability"),
          checklist=("A4-24",)),
    Claim("MC-12", ("004",), (L_EXPL.format(7),), CHAPTER, "mc-claim-diversity",
          "Language models trained on their predecessors' text produce less and less diverse output with each "
          "iteration.",
          "consistent decreases in diversity through successive iterations", LITERATURE, ev_lm_diversity,
          judge_lm_diversity, citations=("guo2024curious", "shumailov2024collapse"), checklist=("A4-39",)),
    Claim("MC-18", ("004",), (L_EXPL.format(7),), CHAPTER, "mc-claim-diversity",
          "Of the tasks studied, the ones that call for creativity lose diversity fastest.",
          "creative tasks degrade especially fast", LITERATURE, ev_lm_creative, judge_lm_creative,
          citations=("guo2024curious",), checklist=("A4-40",)),
    not_testable("MC-19", ("004",), (L_EXPL.format(7),),
                 "The loss of diversity shows on each of the three kinds of measure: lexical, syntactic and "
                 "semantic.",
                 "lexical, syntactic and semantic diversity each decrease",
                 "pending: Guo et al. (2024) report each measure per iteration and task, but their tables were not "
                 "checked against a stored copy here; their abstract reports the decline for the measures together "
                 "(MC-12), and a machine-written summary we could not verify says semantic diversity held up",
                 chapter=CHAPTER, anchor="mc-claim-diversity", checklist=("A4-39",)),
    not_testable("MC-13", ("004",), (L_WHY.format(9),),
                 "Future models will inevitably be trained on web data polluted by AI output.",
                 "future models inevitably train on polluted data",
                 "forecast: a statement about future training sets; the share of model text in them is unknown",
                 chapter=CHAPTER, anchor="mc-language-models", checklist=("A4-25",)),
    Claim("MC-14", ("004",), (L_EXPL.format(8),), CHAPTER, "mc-claim-youtube",
          "By one estimate, at least a fifth of YouTube videos are now made entirely by AI.",
          "at least 20 % of YouTube videos purely AI-generated", LITERATURE, ev_youtube, judge_youtube,
          citations=("kapwing2025slop",), checklist=("A4-41",), reason_tags=("overgeneralised",)),
    not_testable("MC-20", ("004",), (L_EXPL.format(8),),
                 "Amazon is filling up with books written by AI.",
                 "Amazon fills with AI-generated books",
                 "vague: 'fills' gives no share, and no public count of AI-written listings was found to compare with",
                 chapter=CHAPTER, anchor="mc-claims-untested", checklist=("A4-42",)),
    Claim("MC-15", ("004",), (L_EXPL.format(11),), CHAPTER, "mc-claim-detectors",
          "Automatic filters are not reliable enough to catch all machine-written text.",
          "automated filtering cannot catch all AI text", LITERATURE, ev_detector, judge_detector,
          citations=("openai2023classifier", "krishna2023paraphrasing", "hans2024binoculars"), checklist=("A4-44",)),
    not_testable("MC-16", ("000",), ("§ The Data Problem Beneath It All ¶ 1",),
                 "The web is saturated with duplicated and synthetic text, so large models trained on it inherit "
                 "its flaws as bias and hallucination.",
                 "web saturated with duplication and synthetic noise",
                 "vague: 'saturated' and 'inherit its flaws' name no measure we could compare with data",
                 chapter=CHAPTER, anchor="mc-language-models", checklist=("A0-20",)),
    not_testable("MC-17", ("002",), (L_002,),
                 "Synthetic data and data augmentation have partly relieved the shortage of training data.",
                 "synthetic data partially addressed the bottleneck",
                 "vague: 'partially addressed' gives neither the size of the bottleneck nor of the relief",
                 chapter=CHAPTER, anchor="mc-language-models", checklist=("A2-12",)),
)
