"""Claims that no chapter tests: efficiency techniques, post-training, where progress came from, and the
statements that cannot be scored. Their evidence is published figures (:mod:`analysis.ledger.literature`).

Each testable claim here is a ``literature`` claim: the numbers come from the cited papers, and the code
compares them with what the article asserts, so a different published figure would change the verdict.
"""

from __future__ import annotations

from analysis.ledger import literature as L
from analysis.ledger.core import (ABOUT_POINTS, LITERATURE, MOST_SHARE, OFTEN_SHARE, Claim, assess, at_least, at_most,
                                  beyond, not_testable, share_at_least)

CHAPTER = "ledger"
ANCHOR = "ledger-general"


# --- Mixture of experts -------------------------------------------------------------------------

def _evidence_moe() -> dict:
    gaps = [m - d for m, d in L.MIXTRAL_VS_LLAMA2_70B.values()]
    return {
        "worst_gap_points": min(gaps),
        "share_at_least_as_good": sum(g >= 0 for g in gaps) / len(gaps),
        "active_param_share": L.MIXTRAL_ACTIVE_PARAMS.value / L.LLAMA2_70B_PARAMS.value,
        "n_benchmarks": float(len(gaps)),
    }


def _judge_moe(e) -> object:
    checks = [
        at_least(e, "worst_gap_points", -ABOUT_POINTS, "Mixtral minus Llama 2 70B on its worst benchmark (points)"),
        at_least(e, "share_at_least_as_good", 0.5, "share of benchmarks where the MoE model is at least as good",
                 spec="%"),
        at_most(e, "active_param_share", 0.5, "per-token parameters (compute) of the MoE model vs the dense one",
                spec="%"),
    ]
    summary = (f"Mixtral 8x7B uses {e['active_param_share']:.0%} of Llama 2 70B's parameters per token and "
               f"matches or beats it on {e['share_at_least_as_good']:.0%} of {e['n_benchmarks']:.0f} published "
               f"benchmarks; its worst gap is {e['worst_gap_points']:+.1f} points.")
    return assess(checks, summary)


def _evidence_moe_decoupling() -> dict:
    return {
        "mixtral_total_over_active": L.MIXTRAL_TOTAL_PARAMS.value / L.MIXTRAL_ACTIVE_PARAMS.value,
        "deepseek_v3_total_over_active": L.DEEPSEEK_V3_TOTAL_PARAMS.value / L.DEEPSEEK_V3_ACTIVE_PARAMS.value,
    }


def _judge_moe_decoupling(e):
    checks = [
        at_least(e, "mixtral_total_over_active", 2.0, "Mixtral: total over per-token parameters", spec="x"),
        at_least(e, "deepseek_v3_total_over_active", 2.0, "DeepSeek-V3: total over per-token parameters", spec="x"),
    ]
    summary = (f"Per-token compute follows the active parameters: Mixtral holds {e['mixtral_total_over_active']:.1f}× "
               f"and DeepSeek-V3 {e['deepseek_v3_total_over_active']:.0f}× more parameters than it uses per token.")
    return assess(checks, summary)


# --- Distillation ---------------------------------------------------------------------------------

def _evidence_distillation() -> dict:
    retained = [s / t for t, s in L.R1_VS_DISTILL_32B.values()]
    return {
        "distilbert_retention": L.DISTILBERT_RETENTION.value,
        "distilbert_size_share": L.DISTILBERT_SIZE_SHARE.value,
        "r1_distill_worst_retention": min(retained),
        "r1_distill_mean_retention": sum(retained) / len(retained),
    }


def _judge_distillation(e):
    checks = [
        at_least(e, "distilbert_retention", 0.5, "DistilBERT's share of BERT's GLUE score", spec="%"),
        at_least(e, "r1_distill_worst_retention", 0.5,
                 "R1-Distill-Qwen-32B's share of DeepSeek-R1's score, worst of three benchmarks", spec="%"),
    ]
    summary = (f"Distilled students keep most of the teacher's score: DistilBERT {e['distilbert_retention']:.0%} with "
               f"{e['distilbert_size_share']:.0%} of the parameters; R1-Distill-Qwen-32B between "
               f"{e['r1_distill_worst_retention']:.0%} and the mean {e['r1_distill_mean_retention']:.0%} of R1 on "
               f"AIME 2024, MATH-500 and GPQA Diamond.")
    return assess(checks, summary)


def _evidence_distilled_phone() -> dict:
    r1_math = L.R1_VS_DISTILL_32B["MATH-500"][0]
    return {
        "student_over_phone_model_params": L.R1_DISTILL_1P5B_PARAMS.value / L.PHI3_MINI_PARAMS.value,
        "student_retention_math500": L.R1_DISTILL_1P5B_MATH500.value / r1_math,
    }


def _judge_distilled_phone(e):
    checks = [
        at_most(e, "student_over_phone_model_params", 1.0,
                "size of the distilled 1.5B student relative to a model shown running on a phone (phi-3-mini)", spec="x"),
        at_least(e, "student_retention_math500", 0.5, "share of DeepSeek-R1's MATH-500 score the 1.5B student keeps",
                 spec="%"),
    ]
    summary = (f"DeepSeek-R1's smallest distilled student has {e['student_over_phone_model_params']:.2f}× the parameters "
               f"of phi-3-mini, which its authors ran on an iPhone, and keeps {e['student_retention_math500']:.0%} of "
               f"the teacher's MATH-500 score; that it runs on a phone is inferred from its size, not measured.")
    return assess(checks, summary)


# --- Efficiency techniques together ----------------------------------------------------------------

def _evidence_punch_above() -> dict:
    moe = _evidence_moe()
    dist = _evidence_distillation()
    rag = _evidence_retrieval()
    return {"moe_worst_gap_points": moe["worst_gap_points"],
            "distilled_worst_retention": dist["r1_distill_worst_retention"],
            "rag_margin_points": rag["margin_points"], "rag_param_ratio": rag["param_ratio"]}


def _judge_punch_above(e):
    checks = [
        at_least(e, "moe_worst_gap_points", -ABOUT_POINTS, "MoE: worst gap to a dense model with 5x the active parameters"),
        at_least(e, "distilled_worst_retention", 0.5, "distillation: worst share of the teacher's score kept", spec="%"),
        at_least(e, "rag_margin_points", 0.0, "retrieval: Atlas 11B minus PaLM 540B (points)"),
    ]
    summary = (f"Three of the listed techniques have published cases of smaller models matching larger ones: MoE "
               f"(worst gap {e['moe_worst_gap_points']:+.1f} points), distillation (≥ {e['distilled_worst_retention']:.0%} "
               f"kept), retrieval ({e['rag_margin_points']:+.1f} points with {e['rag_param_ratio']:.0f}× fewer parameters). "
               f"LoRA, sparsity and quantisation are not scored here.")
    return assess(checks, summary)


# --- Better-trained smaller models ------------------------------------------------------------------

def _evidence_smaller_beats_larger() -> dict:
    return {
        "param_ratio": L.GPT3_PARAMS.value / L.LLAMA13B_PARAMS.value,
        "mmlu_margin_points": L.LLAMA13B_MMLU.value - L.GPT3_MMLU.value,
    }


def _judge_smaller_beats_larger(e):
    checks = [
        at_least(e, "param_ratio", 10.0, "how many times larger the beaten model is", spec="x"),
        at_least(e, "mmlu_margin_points", 0.0, "LLaMA-13B minus GPT-3 175B on MMLU (points)"),
    ]
    summary = (f"An existence case: LLaMA-13B, trained on about 1T tokens, scores {e['mmlu_margin_points']:+.1f} MMLU "
               f"points against GPT-3, a model {e['param_ratio']:.1f}× larger trained on 300B tokens.")
    return assess(checks, summary)


def _evidence_post_training() -> dict:
    return {
        "post_training_compute_share": L.INSTRUCTGPT_PPO_PFSDAYS.value / L.GPT3_PRETRAIN_PFSDAYS.value,
        "preferred_share": L.INSTRUCTGPT_PREFERRED.value,
        "preferred_share_low": L.INSTRUCTGPT_PREFERRED.value - L.INSTRUCTGPT_PREFERRED_SE.value,
        "preferred_share_high": L.INSTRUCTGPT_PREFERRED.value + L.INSTRUCTGPT_PREFERRED_SE.value,
        "small_model_param_ratio": L.GPT3_PARAMS.value / L.INSTRUCTGPT_SMALL_PARAMS.value,
    }


def _judge_post_training(e):
    checks = [
        at_most(e, "post_training_compute_share", 0.1, "post-training compute as a share of pre-training", spec="%"),
        beyond(e, "preferred_share", 0.5, "how often raters preferred the post-trained model (against an even "
               "split)", direction="above", spec="%"),
    ]
    summary = (f"RLHF on GPT-3 used {e['post_training_compute_share']:.1%} of its pre-training compute, and raters "
               f"preferred the result {e['preferred_share']:.0%} of the time; even a post-trained model "
               f"{e['small_model_param_ratio']:.0f}× smaller was preferred to raw GPT-3 175B.")
    return assess(checks, summary)


def _evidence_domain_model() -> dict:
    return {
        "param_ratio": L.PALM_PARAMS.value / L.CODELLAMA7B_PARAMS.value,
        "humaneval_margin_points": L.CODELLAMA7B_HUMANEVAL.value - L.PALM540B_HUMANEVAL.value,
    }


def _judge_domain_model(e):
    checks = [
        at_least(e, "param_ratio", 500 / 7 / 1.5, "how many times larger the generalist is (the article: 500B/7B, "
                 "read as 'about')", spec="x"),
        at_least(e, "humaneval_margin_points", 0.0, "Code Llama 7B minus PaLM 540B on HumanEval (points)"),
    ]
    summary = (f"An existence case in a professional domain (programming): Code Llama 7B scores "
               f"{e['humaneval_margin_points']:+.1f} HumanEval points against PaLM 540B, "
               f"{e['param_ratio']:.0f}× larger. The article's own examples (legal, medical, financial, scientific "
               f"corpora) are not scored here; whether such models win as a rule is GN-21.")
    return assess(checks, summary)


def _evidence_domain_population() -> dict:
    wins = {"mid": 0, "low": 0, "high": 0}
    for low, high, zero_shot, one_shot in L.BIONLP_SMALL_VS_GPT4.values():
        best = max(zero_shot, one_shot)
        wins["mid"] += (low + high) / 2 > best
        wins["low"] += low > best
        wins["high"] += high > best
    n = len(L.BIONLP_SMALL_VS_GPT4) + L.BIONLP_FINAL_VERSION_GENERALIST_WINS.value
    return {"comparisons": float(n), "small_wins": float(wins["mid"]),
            "small_wins_worst_run": float(wins["low"]), "small_wins_best_run": float(wins["high"])}


def _judge_domain_population(e):
    population = ("biomedical benchmarks of Chen et al. (a fine-tuned BERT-base or BART model against GPT-4, "
                  "its better of zero- and one-shot)")
    checks = [
        share_at_least(e, "small_wins", "comparisons", MOST_SHARE,
                       "benchmarks the small specialised model wins (middle of its runs)", population=population,
                       strict=True),
        share_at_least(e, "small_wins_worst_run", "comparisons", MOST_SHARE,
                       "the same, with each fine-tuned model's worst run", population=population, strict=True),
    ]
    lost = [b for b, (lo, hi, z, o) in L.BIONLP_SMALL_VS_GPT4.items() if (lo + hi) / 2 <= max(z, o)]
    summary = (f"'Are outperforming' is read as a share over a stated population: in Chen et al.'s biomedical "
               f"benchmark a small model trained on the field's text and fine-tuned on the task beats GPT-4 on "
               f"{e['small_wins']:.0f} of {e['comparisons']:.0f} benchmarks ({e['small_wins_worst_run']:.0f} with its "
               f"worst run, {e['small_wins_best_run']:.0f} with its best). GPT-4 wins on {', '.join(lost)} and, in the "
               f"published version, on medical question answering. One field and one "
               f"generalist (whose size is not published): law, finance and robotics are not in the population.")
    return assess(checks, summary)


def _retrieval_pairs() -> list[tuple[str, str, str, float]]:
    """(benchmark, retrieval system, larger parametric-only model, margin in points) for every pair of the
    stated population (:data:`analysis.ledger.literature.REPLUG_RETRIEVAL`)."""
    out = []
    for bench, systems in L.REPLUG_RETRIEVAL.items():
        for r, r_score in systems.items():
            for p, p_score in L.REPLUG_PARAMETRIC[bench].items():
                if L.REPLUG_PARAMS[p] > L.REPLUG_PARAMS[r]:
                    out.append((bench, r, p, r_score - p_score))
    return out


def _evidence_retrieval() -> dict:
    pairs = _retrieval_pairs()
    qa = [m for bench, _, _, m in pairs if bench != "MMLU"]
    mmlu = [m for bench, _, _, m in pairs if bench == "MMLU"]
    return {
        "pairs": float(len(pairs)), "pairs_won": float(sum(m > 0 for *_, m in pairs)),
        "qa_pairs": float(len(qa)), "qa_pairs_won": float(sum(m > 0 for m in qa)),
        "mmlu_pairs": float(len(mmlu)), "mmlu_pairs_won": float(sum(m > 0 for m in mmlu)),
        "param_ratio": L.PALM_PARAMS.value / L.ATLAS_PARAMS.value,
        "margin_points": L.ATLAS_NQ_64SHOT.value - L.PALM_NQ_64SHOT.value,
    }


def _judge_retrieval(e):
    checks = [
        share_at_least(e, "pairs_won", "pairs", OFTEN_SHARE,
                       "pairs the retrieval-augmented system wins against a larger parametric-only model",
                       population="head-to-head pairs in REPLUG's Tables 2 and 3 (MMLU, Natural Questions, TriviaQA)"),
        at_least(e, "margin_points", 0.0, "Atlas 11B minus PaLM 540B on Natural Questions, 64-shot (points): "
                 "looking facts up in place of storing them"),
    ]
    summary = (f"'Often' is read as a share over a stated population: in every pair of REPLUG's comparison tables "
               f"where a retrieval-augmented system faces a larger model without retrieval, it wins "
               f"{e['pairs_won']:.0f} of {e['pairs']:.0f}: {e['qa_pairs_won']:.0f} of {e['qa_pairs']:.0f} on the two "
               f"question-answering sets, {e['mmlu_pairs_won']:.0f} of {e['mmlu_pairs']:.0f} on MMLU. Atlas, with "
               f"{e['param_ratio']:.0f}× fewer parameters, beats "
               f"PaLM 540B by {e['margin_points']:+.1f} points on Natural Questions. The population is one paper's "
               f"chosen baselines, and Atlas is fine-tuned on its 64 examples where the others learn in context.")
    return assess(checks, summary)


def _evidence_datacentre_energy() -> dict:
    growth = L.IEA_DATACENTRE_GROWTH_SINCE_2017.value
    # the IEA gives the rate to the whole per cent: its rounding interval is the figure's own uncertainty
    return {"growth_per_year_since_2017": growth,
            "growth_per_year_since_2017_low": growth - 0.005, "growth_per_year_since_2017_high": growth + 0.005,
            "projected_2030_over_2024": L.IEA_DATACENTRE_TWH_2030.value / L.IEA_DATACENTRE_TWH_2024.value}


def _judge_datacentre_energy(e):
    checks = [beyond(e, "growth_per_year_since_2017", 0.0, "yearly growth of data centres' electricity use, "
                     "2017-2024 (published to the whole per cent)", direction="above", spec="%")]
    summary = (f"Data centres' electricity use grew about {e['growth_per_year_since_2017']:.0%} a year from 2017 to "
               f"2024 (to {L.IEA_DATACENTRE_TWH_2024.value:.0f} TWh, about 1.5 % of world electricity), and the IEA's "
               f"base case has it {e['projected_2030_over_2024']:.1f}× higher by 2030, with AI the main driver (a "
               f"projection, not scored); water use is not scored here.")
    return assess(checks, summary)


def _evidence_verified_synthetic() -> dict:
    return {"aime_margin_over_gpt4o": L.R1_VS_DISTILL_32B["AIME 2024"][1] - L.GPT4O_AIME.value,
            "training_samples": L.R1_DISTILL_TRAINING_SAMPLES.value}


def _judge_verified_synthetic(e):
    checks = [at_least(e, "aime_margin_over_gpt4o", 0.0,
                       "AIME 2024: a 32B model trained on checked model-written solutions, minus GPT-4o (points)")]
    summary = (f"Fine-tuned only on about {e['training_samples']:,.0f} solutions written by DeepSeek-R1 and kept when "
               f"their answers checked out, a 32B model scores {e['aime_margin_over_gpt4o']:+.1f} AIME points against "
               f"GPT-4o: verified synthetic data can carry much of a training recipe. Unverified synthetic data are "
               f"the collapse chapter's subject.")
    return assess(checks, summary)


#: Reading speed in tokens per second (about 4 words a second, 1.3 tokens a word): the least an assistant
#: running on a device must produce to keep up with its reader.
READING_TOKENS_PER_S = 5.0


def _evidence_edge_model() -> dict:
    return {"phone_tokens_per_s": L.PHI3_PHONE_TOKENS_PER_S.value, "phone_memory_gb": L.PHI3_MINI_MEMORY_GB.value}


def _judge_edge_model(e):
    checks = [at_least(e, "phone_tokens_per_s", READING_TOKENS_PER_S,
                       "tokens per second of a 3.8B model running on a phone (at least reading speed)")]
    summary = (f"phi-3-mini, quantised to {e['phone_memory_gb']:.1f} GB, generated more than "
               f"{e['phone_tokens_per_s']:.0f} tokens a second on an iPhone 14, offline: faster than a person reads, "
               f"with no data-centre GPU involved.")
    return assess(checks, summary)


def _evidence_age_of_scaling() -> dict:
    end, spoke = L.SUTSKEVER_AGE_OF_SCALING_END.value, L.SUTSKEVER_INTERVIEW_DATE.value
    return {"age_of_scaling_end": end, "interview_date": spoke, "end_minus_interview_years": end - spoke}


def _judge_age_of_scaling(e):
    checks = [at_most(e, "end_minus_interview_years", 0.0,
                      "last year of what he called the age of scaling, minus the date he said it (years)")]
    summary = (f"The attribution holds: in an interview released late in {int(e['interview_date'])}, Sutskever called "
               f"the years up to {e['age_of_scaling_end']:.0f} 'the age of scaling' and said the field is back in an "
               f"age of research. He also said a hundred times more scale would still make a difference, only not "
               f"transform everything: he spoke of an era of recipe-following ending, not of scaling ceasing to pay "
               f"(that is tested in PR-2 and SL-1).")
    return assess(checks, summary)


def _lit(id, articles, locators, claim, asserted, evidence_fn, judge_fn, citations, checklist):
    return Claim(id, articles, locators, CHAPTER, ANCHOR, claim, asserted, LITERATURE, evidence_fn, judge_fn,
                 citations=citations, checklist=checklist)


CLAIMS = (
    _lit("GN-1", ("001",), ("§ The Efficiency Revolution ¶ 1",),
         "Mixture-of-experts models match dense models while spending a fraction of the compute per token.",
         "comparable performance at a fraction of the cost", _evidence_moe, _judge_moe,
         ("jiang2024mixtral",), ("A1-14",)),
    _lit("GN-2", ("002",), ("§ The Counterargument: We Are Not at the Ceiling ¶ 3",),
         "Mixture-of-experts designs let the total parameter count grow without growing the compute spent per token.",
         "total parameters decoupled from inference cost", _evidence_moe_decoupling, _judge_moe_decoupling,
         ("jiang2024mixtral", "deepseek2024v3"), ("A2-25",)),
    _lit("GN-3", ("002",), ("§ The Shift From Scale to Efficiency ¶ 5",),
         "Distilled or compressed models keep most of the capability of the large model they came from.",
         "retain most of the capability", _evidence_distillation, _judge_distillation,
         ("sanh2019distilbert", "deepseek2025r1"), ("A2-30",)),
    _lit("GN-4", ("003",), ("§ Why Smaller Models Are Catching Up ¶ 3",),
         "Efficiency techniques (MoE, sparsity, retrieval, LoRA, distillation, quantisation) let small models "
         "perform above their size.", "small models punch above their weight", _evidence_punch_above,
         _judge_punch_above, ("jiang2024mixtral", "deepseek2025r1", "izacard2023atlas"), ("A3-10",)),
    _lit("GN-5", ("001",), ("§ The Efficiency Revolution ¶ 2",),
         "A better-built model can beat one ten times its size (an existence claim).",
         "a well-organised 50B model can beat a poorly organised 500B one", _evidence_smaller_beats_larger,
         _judge_smaller_beats_larger, ("touvron2023llama",), ("A1-17",)),
    _lit("GN-6", ("002",), ("§ The Shift From Scale to Efficiency ¶ 3",),
         "Post-training methods such as RLHF give large capability gains for little compute beyond pre-training.",
         "significant gains without more pre-training compute", _evidence_post_training, _judge_post_training,
         ("ouyang2022instructgpt",), ("A2-27",)),
    _lit("GN-7", ("003",), ("§ Why Smaller Models Are Catching Up ¶ 16",),
         "A 7B model trained for a professional domain can beat a generalist of about 500B parameters on that "
         "domain's tasks (an existence claim).",
         "a 7B domain model can outperform a 500B generalist", _evidence_domain_model, _judge_domain_model,
         ("roziere2023codellama",), ("A3-11",)),
    _lit("GN-8", ("003", "001"), ("§ Why Smaller Models Are Catching Up ¶ 25", "§ The Efficiency Revolution ¶ 1"),
         "Retrieval-augmented models often beat larger models that rely only on what their parameters store: "
         "looking facts up replaces memorising them.",
         "retrieval often beats larger parametric-only models", _evidence_retrieval, _judge_retrieval,
         ("shi2023replug", "izacard2023atlas", "hoffmann2022training"), ("A3-13", "A1-15")),
    not_testable("GN-9", ("003",), ("§ The Myth of Infinite Scaling ¶ 8",),
                 "Performance gains increasingly come from better training methods, data curation and architecture "
                 "rather than from size.", "improvements come from tricks, not raw size",
                 "no public data for the period the sentence speaks of: the one published decomposition (Ho et al. "
                 f"2024) credits algorithms with {L.ALGORITHMS_SHARE_LOW.value:.0%}-{L.ALGORITHMS_SHARE_HIGH.value:.0%}"
                 " of the gains in 2012-2023, so size dominated then, but it ends in 2023 and covers pre-training "
                 "only; 'increasingly', in an article about 2025-2026, speaks of the years since, and of "
                 "post-training and inference-time methods it does not measure", checklist=("A3-02",)),
    _lit("GN-22", ("004",), ("§ What This Means for Regular People ¶ 6",),
         "As AI spreads, the energy demand of data centres keeps growing.", "energy and water demands grow",
         _evidence_datacentre_energy, _judge_datacentre_energy, ("iea2025energyai",), ()),
    _lit("GN-23", ("003",), ("§ Why Smaller Models Are Catching Up ¶ 23",),
         "Models built for devices run without a hyperscaler's GPU cluster.",
         "no hyperscaler-sized GPU cluster needed", _evidence_edge_model, _judge_edge_model, ("abdin2024phi3",), ()),
    _lit("GN-24", ("004",), ("§ What Actually Works Instead of Scaling ¶ 10",),
         "Synthetic data that has been checked carefully can add to training when it is used properly.",
         "verified synthetic data can augment training", _evidence_verified_synthetic, _judge_verified_synthetic,
         ("deepseek2025r1",), ()),
    not_testable("GN-10", ("003",), ("§ Diminishing Returns: The New Normal ¶ 7",),
                 "Training becomes less stable, and more sensitive to settings, as models grow.",
                 "training instability increases with size",
                 "no public data in numbers: Wortsman et al. (2023, 'Small-scale proxies for large-scale Transformer "
                 "training instabilities', stored at ar5iv.labs.arxiv.org/html/2309.14322) report instabilities at "
                 "large scale that the same settings did not cause at small scale, and show that known mitigations "
                 "remove them at every size; they plot this sensitivity, and no published table gives it as a "
                 "function of size that a check could read", checklist=("A3-09",)),
    not_testable("GN-11", ("001",), ("§ Why Data, Not Compute, Is the Bottleneck ¶ 1",),
                 "No number of parameters can produce a reasoning pattern that the training data lacks.",
                 "the model is a compression algorithm",
                 "opinion: a statement about what learning can do in principle, with no measurable quantity",
                 checklist=("A1-11",)),
    _lit("GN-12", ("001",), ("§ The Efficiency Revolution ¶ 1",),
         "Distillation compresses a large model's knowledge into a smaller model that runs on a phone.",
         "a smaller one that runs on a phone", _evidence_distilled_phone, _judge_distilled_phone,
         ("deepseek2025r1", "abdin2024phi3"), ("A1-16",)),
    not_testable("GN-13", ("002",), ("§ What This Means for the Industry ¶ 4",),
                 "The capabilities most users need may be reachable with smaller, cheaper models than the frontier.",
                 "may be achievable with smaller models",
                 "vague: hedged ('may'), and neither the capabilities users need nor what practical deployment "
                 "requires is defined; that distilled models keep most of a large model's scores is GN-3, and that a "
                 "distilled 32B model can beat GPT-4o on a hard benchmark is GN-24", checklist=("A2-33",)),
    not_testable("GN-14", ("003",), ("§ Why Smaller Models Are Catching Up ¶ 18",),
                 "Models built for devices are faster, cheaper, more private and more reliable.",
                 "faster, cheaper, more private, more reliable",
                 "vague: no comparison model, task or measure is given", checklist=("A3-12",)),
    not_testable("GN-15", ("003",), ("§ The Hidden Costs of Going Big ¶ 3",),
                 "One bad data set can spoil months of training.", "a corrupted dataset can poison months of training",
                 "no public data: we found no frontier run documented as spoiled by bad data. The nearest public "
                 "test, Souly et al. (2025, arXiv:2510.07192; summaries stored at isp.tools and "
                 "riskatlas.principle.sg), plants a backdoor with about 250 poisoned documents (some 0.00016 % of "
                 "the tokens) in models of 600M to 13B parameters whatever their size: bad data does survive a "
                 "whole run, but a narrow trigger is not a spoiled run",
                 checklist=("A3-15",)),
    not_testable("GN-16", ("003",), ("§ The Future: Smarter, Not Larger ¶ 19",),
                 "Quantum-accelerated optimisation will reduce training instability and change training economics.",
                 "quantum optimisation will reshape training", "forecast", checklist=("A3-22",)),
    not_testable("GN-17", ("003",), ("§ The Future: Smarter, Not Larger ¶ 11",),
                 "Companies that master data governance will outperform those that only scale compute.",
                 "data governance is the new frontier", "forecast", checklist=("A3-23",)),
    _lit("GN-18", ("004",), ("§ (opening) ¶ 10",),
         "Ilya Sutskever has said that the age of scaling is over.", "the Age of Scaling … is over",
         _evidence_age_of_scaling, _judge_age_of_scaling, ("patel2025sutskever",), ("A4-04",)),
    not_testable("GN-19", ("004",), ("§ The Path Forward for AI ¶ 7",),
                 "Papers on clever training techniques now draw more attention than papers on bigger models.",
                 "technique papers get more attention", "vague: 'attention' is not defined (citations? press?)",
                 checklist=("A4-62",)),
    not_testable("GN-20", ("000", "000", "004"),
                 ("§ The Efficiency Frontier ¶ 1", "§ How does data quality affect AI performance? ¶ 1",
                  "§ What Actually Works Instead of Scaling ¶ 4"),
                 "Data produced or checked by domain experts gives models real reasoning depth (000 cites a 2025 "
                 "paper on relative overfitting for it).", "expert data gives meaningful reasoning depth",
                 "vague: 'reasoning depth' is not a measure; and the paper 000 cites (Liu and Zhang 2025, "
                 "arXiv:2505.07783, abstract stored at arxiv.org/abs/2505.07783) combines a large and a small model's "
                 "outputs in an accept-reject ensemble and tests no data made by experts, so it does not bear on the "
                 "sentence", checklist=("A0-27",)),
    _lit("GN-21", ("003", "000", "004"),
         ("§ The Myth of Infinite Scaling ¶ 9", "§ The Efficiency Frontier ¶ 2",
          "§ What Actually Works Instead of Scaling ¶ 5"),
         "Small models trained on a domain's data beat much larger general models on that domain's tasks as a "
         "rule (000 and 004 add that companies deploying AI find this in healthcare and law).",
         "smaller specialised models are outperforming giants", _evidence_domain_population,
         _judge_domain_population, ("chen2025bionlp",), ("A3-03", "A0-28")),
)
