"""Claims of the data-wall chapter (``book/data-wall.md``): the stock of text, how much of it training
sets already use, when they reach it, what repetition and a data cap do, and the concept-frequency
sentences of seed 004 (a literature claim about image-text models).

Evidence functions take the chapter's papermill parameters ``seed`` and ``n_samples`` where the numbers
depend on them; every number comes from :mod:`analysis.datawall.datastock`, :mod:`analysis.datawall.data_constrained` or
a published constant kept there (or in :mod:`analysis.datawall.concept_frequency`) with its citation.
"""

from __future__ import annotations

import numpy as np

from analysis.datawall import data_constrained as dc
from analysis.datawall import datastock as ds
from analysis.datawall import let_it_wag as wag
from analysis.ledger import literature as lit
from analysis.datawall.concept_frequency import UDANDARAO
from analysis.ledger.core import DATA, LITERATURE, MODEL, Claim, assess, at_least, at_most, holds, near, not_testable

CHAPTER = "data-wall"

#: "Most of" the text: at least half of it.
MOST = 0.5
#: "A substantial fraction" (seed 002), read as at least a tenth: the weakest share a careful reader would
#: still call substantial (a few per cent would be "a small fraction").
SUBSTANTIAL = 0.1
#: "Vast new sources" (seed 002): read as a stock that lasts at least half a decade longer than text.
VAST_YEARS = 5.0
#: The exponent has visibly shrunk when its local value is below this share of the unlimited-data value.
VISIBLE_SHRINK = 0.9


def _pct(v, q) -> float:
    return float(np.percentile(v, q))


# --- DW-1: the size of the internet's text -----------------------------------------------------------

def _ev_stock(seed: int = 0, n_samples: int = 20_000) -> dict:
    s = ds.sample_stock(n_samples, seed)
    return {"raw_median_tokens": float(np.median(s.raw)), "raw_median_tokens_low": _pct(s.raw, 5),
            "raw_median_tokens_high": _pct(s.raw, 95), "raw_p95_tokens": _pct(s.raw, 95),
            "effective_median_tokens": float(np.median(s.effective))}


def _judge_stock(ev) -> "object":
    lo, hi = ds.SEED004_STOCK_RANGE
    checks = [at_least(ev, "raw_median_tokens", lo, "median raw indexed-web stock (tokens), against the seed's lower end", spec=".3g"),
              at_least(ev, "raw_p95_tokens", hi, "95th percentile of the raw stock, against the seed's upper end", spec=".3g")]
    summary = (f"Villalobos et al.'s inputs put the raw indexed web at {ev['raw_median_tokens'] / 1e12:.0f} T tokens "
               f"(90% {ev['raw_median_tokens_low'] / 1e12:.0f}-{ev['raw_median_tokens_high'] / 1e12:.0f} T): the seed's "
               f"{lo / 1e12:.0f} T lower end is plausible, its upper end is {hi / ev['raw_p95_tokens']:.0f}x the 95th "
               f"percentile; the usable (effective) stock is {ev['effective_median_tokens'] / 1e12:.0f} T.")
    return assess(checks, summary)


# --- DW-2 and DW-8: how much of the text the largest training set already uses ---------------------

def _ev_used(seed: int = 0, n_samples: int = 20_000) -> dict:
    top = ds.current_comparators().largest_dataset
    s = ds.sample_stock(n_samples, seed)
    hq = ds.sample_high_quality_stock(n_samples, seed).at(top.year)
    grow = s.stock_growth ** (top.year - 2024.0)
    broad = s.quality * grow
    return {"largest_dataset_tokens": top.value, "largest_dataset_year": top.year,
            "share_of_narrow_stock": top.value / float(np.median(hq)),
            "share_of_narrow_stock_low": top.value / _pct(hq, 95), "share_of_narrow_stock_high": top.value / _pct(hq, 5),
            "share_of_filtered_stock": top.value / float(np.median(broad)),
            "share_of_filtered_stock_low": top.value / _pct(broad, 95),
            "share_of_filtered_stock_high": top.value / _pct(broad, 5)}


def _judge_used(ev):
    checks = [at_least(ev, "share_of_narrow_stock", MOST, "largest training set / narrow high-quality stock (books, papers, code)", spec=".2f"),
              at_least(ev, "share_of_filtered_stock", MOST, "largest training set / quality-filtered web", spec=".2f")]
    summary = (f"The largest training set in the Epoch snapshot ({ev['largest_dataset_tokens'] / 1e12:.0f} T tokens, "
               f"{ev['largest_dataset_year']:.1f}) is {ev['share_of_narrow_stock']:.1f}x the narrow high-quality stock "
               f"of the 2022 study but {ev['share_of_filtered_stock']:.0%} of the quality-filtered web of the 2024 study: "
               f"'most of the high-quality text' holds under the narrow reading only.")
    return assess(checks, summary)


def _ev_substantial(seed: int = 0, n_samples: int = 20_000) -> dict:
    top = ds.current_comparators().largest_dataset
    s = ds.sample_stock(n_samples, seed)
    raw = s.raw * s.stock_growth ** (top.year - 2024.0)
    return {"largest_dataset_tokens": top.value, "share_of_raw_web": top.value / float(np.median(raw)),
            "share_of_raw_web_low": top.value / _pct(raw, 95), "share_of_raw_web_high": top.value / _pct(raw, 5),
            "share_of_filtered_stock": _ev_used(seed, n_samples)["share_of_filtered_stock"]}


def _judge_substantial(ev):
    checks = [at_least(ev, "share_of_raw_web", SUBSTANTIAL, "largest 2025 training set / all indexed public text", spec=".2f"),
              at_least(ev, "share_of_filtered_stock", SUBSTANTIAL, "largest 2025 training set / quality-filtered public text", spec=".2f")]
    summary = (f"The largest 2025 training set ({ev['largest_dataset_tokens'] / 1e12:.0f} T tokens) is "
               f"{ev['share_of_raw_web']:.0%} of all indexed public text and {ev['share_of_filtered_stock']:.0%} of its "
               f"quality-filtered part (threshold for 'substantial': {SUBSTANTIAL:.0%}).")
    return assess(checks, summary)


# --- DW-3: exponentially more data for linear gains (on the 182 runs) -------------------------------

def _ev_exponential() -> dict:
    f = dc.fresh_data_frontier()
    return {"drop_per_decade_low": f.drop_per_decade_low, "drop_per_decade_high": f.drop_per_decade_high,
            "slope_ratio": f.slope_ratio, "split_tokens": f.split_tokens}


def _judge_exponential(ev):
    checks = [at_most(ev, "slope_ratio", 1.0, "loss removed per tenfold data, upper half / lower half of the runs", spec=".2f")]
    summary = (f"On the best single-epoch runs of Muennighoff et al., each tenfold increase of fresh data removed "
               f"{ev['drop_per_decade_low']:.2f} nats/token below {ev['split_tokens']:.2g} tokens and "
               f"{ev['drop_per_decade_high']:.2f} above: equal loss steps need growing multiples of data, at least "
               f"exponentially more data per linear gain (measured on loss, not on a benchmark).")
    return assess(checks, summary)


# --- DW-4: the exponent shrinks as unique data runs out (model) -------------------------------------

def _ev_exponent(seed: int = 0, n_samples: int = 20_000) -> dict:
    s = ds.sample_stock(n_samples, seed)
    cap = float(np.median(s.quality))
    h = dc.halving_compute_range(cap)
    c_now = ds.current_comparators().largest_compute.value
    grid = np.array([c_now / 1.26, c_now, c_now * 1.26])
    capped = dc.capped_frontier(cap, compute=grid)
    free = dc.capped_frontier(np.inf, compute=grid)
    return {"halving_compute": h.published, "halving_compute_low": min(h.low, h.low_fixed_RN),
            "halving_compute_high": max(h.high, h.high_fixed_RN, h.full_refit),
            "exponent_halves_within_grid": bool(np.isfinite(h.published)),
            "exponent_ratio_at_largest_compute": float(capped.local_exponent[1] / free.local_exponent[1]),
            "largest_compute": c_now, "cap_tokens": cap}


def _judge_exponent(ev):
    checks = [holds(ev, "exponent_halves_within_grid", "with unique data capped, the law's exponent halves below 1e32 FLOP"),
              at_most(ev, "exponent_ratio_at_largest_compute", VISIBLE_SHRINK,
                      "exponent at today's largest compute / unlimited-data exponent", spec=".2f")]
    summary = (f"Under Muennighoff et al.'s law with unique data capped at {ev['cap_tokens'] / 1e12:.0f} T tokens, the "
               f"exponent halves at {ev['halving_compute']:.1e} FLOP ({ev['halving_compute_low']:.0e}-"
               f"{ev['halving_compute_high']:.0e} across plausible R_D* and the full refit); at the largest compute in "
               f"the Epoch snapshot ({ev['largest_compute']:.2g} FLOP) it is still "
               f"{ev['exponent_ratio_at_largest_compute']:.0%} of its unlimited value. The law models quantity, not quality.")
    return assess(checks, summary)


# --- DW-5, DW-6: the concept-frequency sentences (literature) ---------------------------------------

def _ev_loglinear() -> dict:
    return {"share_datasets_log_linear": UDANDARAO.n_datasets_log_linear / UDANDARAO.n_pretraining_datasets,
            "n_models": float(UDANDARAO.n_models),
            "studies_language_models": UDANDARAO.studies_language_models}


def _judge_loglinear(ev):
    checks = [at_least(ev, "share_datasets_log_linear", 1.0, "share of the paper's pretraining datasets with a log-linear trend", spec="%"),
              holds(ev, "studies_language_models", "the paper measured language models (the seed's 'AI performance')")]
    summary = (f"Udandarao et al. find zero-shot performance log-linear in concept frequency in "
               f"{ev['share_datasets_log_linear']:.0%} of their pretraining datasets and {ev['n_models']:.0f} models, "
               f"but all are image-text or text-to-image models; the seed applies the finding to AI in general.")
    return assess(checks, summary)


def _ev_tail_scaling() -> dict:
    """Udandarao et al.'s Let It Wag! evaluation (:mod:`analysis.datawall.let_it_wag`): the rare concepts against ImageNet,
    and what a larger backbone on the same data buys on each."""
    gaps = wag.tail_gaps_points()
    head_gain, tail_gain = wag.scale_gains_points()
    small = wag.model(wag.SCALE_SERIES_SMALLEST, wag.SCALE_SERIES_DATA)
    large = wag.model(wag.SCALE_SERIES_LARGEST, wag.SCALE_SERIES_DATA)
    return {"share_models_tail_harder": wag.share_tail_harder(), "n_models": float(len(wag.LET_IT_WAG)),
            "smallest_gap_points": float(gaps.min()), "largest_gap_points": float(gaps.max()),
            "imagenet_gain_points": head_gain, "tail_gain_points": tail_gain,
            "tail_minus_imagenet_gain_points": tail_gain - head_gain,
            "small_gap_points": small.imagenet_pct - small.let_it_wag_pct,
            "large_gap_points": large.imagenet_pct - large.let_it_wag_pct,
            "large_tail_pct": large.let_it_wag_pct, "large_imagenet_pct": large.imagenet_pct,
            "tail_slope_above_50": wag.tail_slope()}


def _judge_tail_scaling(ev):
    checks = [
        at_least(ev, "share_models_tail_harder", 1.0,
                 "share of the models less accurate on the 290 rare concepts than on ImageNet (rare ones stay hard)",
                 spec="%"),
        at_most(ev, "tail_minus_imagenet_gain_points", 0.0,
                "same data (LAION-2B), ViT-B/32 to ViT-bigG/14: gain on the rare concepts minus gain on ImageNet, "
                "points (scale helps common concepts more)"),
    ]
    summary = (f"In Udandarao et al.'s Let It Wag! test all {ev['n_models']:.0f} image-text models are less accurate "
               f"on rare concepts than on ImageNet, by {ev['smallest_gap_points']:.0f} to "
               f"{ev['largest_gap_points']:.0f} points; the largest LAION-2B model reaches {ev['large_tail_pct']:.0f}% "
               f"against {ev['large_imagenet_pct']:.0f}%. But scale helps the tail more, not less: from ViT-B/32 to "
               f"ViT-bigG/14 on the same data ImageNet gains {ev['imagenet_gain_points']:.1f} points and the rare "
               f"concepts {ev['tail_gain_points']:.1f}, so the gap shrinks from {ev['small_gap_points']:.0f} to "
               f"{ev['large_gap_points']:.0f} points; across models above 50% on ImageNet, each ImageNet point comes "
               f"with {ev['tail_slope_above_50']:.2f} points on the tail.")
    return assess(checks, summary)


def _ev_longtail() -> dict:
    return {"share_concepts_negligible": UDANDARAO.share_concepts_negligible, "n_concepts": float(UDANDARAO.n_concepts)}


def _judge_longtail(ev):
    checks = [at_least(ev, "share_concepts_negligible", MOST, "share of concepts at negligible frequency (published lower bound)", spec="%")]
    summary = (f"Over {ev['share_concepts_negligible']:.0%} of the {ev['n_concepts']:,.0f} concepts Udandarao et al. "
               f"counted occur at almost negligible frequency in the image-text pretraining sets: a long tail.")
    return assess(checks, summary)


# --- DW-7: training sets outgrow the stock ----------------------------------------------------------

def _ev_outpace(seed: int = 0, n_samples: int = 20_000) -> dict:
    s = ds.sample_stock(n_samples, seed)
    trend = ds.dataset_trend()
    return {"dataset_growth": trend.growth_per_year, "dataset_growth_low": trend.growth_interval[0],
            "dataset_growth_high": trend.growth_interval[1], "published_dataset_growth": ds.EPOCH_DATASET_GROWTH,
            "stock_growth_p95": _pct(s.stock_growth, 95), "stock_growth_median": float(np.median(s.stock_growth))}


def _judge_outpace(ev):
    g = ev["stock_growth_p95"]
    checks = [at_least(ev, "dataset_growth", g, "fitted growth of training sets (x/yr), against the stock's 95th-percentile growth", spec=".3g"),
              at_least(ev, "published_dataset_growth", g, "Epoch AI's published growth of training sets (x/yr)", spec=".3g")]
    summary = (f"Training sets grow {ev['dataset_growth']:.2f}x a year (fitted; Epoch AI: {ev['published_dataset_growth']:.1f}x), "
               f"the stock of public text {ev['stock_growth_median']:.3f}x (95th percentile {g:.3f}x): demand outgrows "
               f"supply, so the stock is a finite bound on the trend.")
    return assess(checks, summary)


# --- DW-9, DW-10: repeated data on the 182 runs -----------------------------------------------------

def _ev_repeat() -> dict:
    r = dc.repetition_evidence()
    return {"share_more_repeated_worse": r.share_more_repeated_worse, "median_loss_penalty": r.median_loss_penalty,
            "n_matched_pairs": float(r.n_matched_pairs)}


def _judge_repeat(ev):
    checks = [at_least(ev, "share_more_repeated_worse", MOST, "share of matched run pairs where the more repeated run is worse", spec="%"),
              at_least(ev, "median_loss_penalty", 0.0, "median loss penalty of the more repeated run (fraction)", spec=".3f")]
    summary = (f"In {ev['share_more_repeated_worse']:.0%} of {ev['n_matched_pairs']:.0f} pairs of Muennighoff et al.'s runs "
               f"with equal size and tokens, the run that repeats its data more ends with the higher loss (median "
               f"{ev['median_loss_penalty']:.1%} higher): repeated data teaches less. Synthetic data is not tested here.")
    return assess(checks, summary)


def _ev_hurt() -> dict:
    r = dc.repetition_evidence()
    return {"n_steps_loss_rose": float(r.n_steps_loss_rose), "n_steps": float(r.n_steps),
            "fewest_epochs_loss_rose": r.fewest_epochs_loss_rose}


def _judge_hurt(ev):
    checks = [at_least(ev, "n_steps_loss_rose", 1.0, "runs where training on more (repeated) tokens raised the loss", spec=".0f")]
    summary = (f"In {ev['n_steps_loss_rose']:.0f} of {ev['n_steps']:.0f} steps between runs of equal size and unique "
               f"data, more training tokens raised the final loss (from {ev['fewest_epochs_loss_rose']:.0f} epochs on): "
               f"adding low-value, heavily repeated data can hurt. Other kinds of low-quality data are not in these runs.")
    return assess(checks, summary)


# --- DW-11: multimodal data as a new source ---------------------------------------------------------

def _ev_multimodal() -> dict:
    v = ds.VILLALOBOS_2022
    return {"image_stock_years_later": v.image_year - v.low_quality_language_year,
            "image_year": v.image_year, "language_year": v.low_quality_language_year}


def _judge_multimodal(ev):
    checks = [at_least(ev, "image_stock_years_later", VAST_YEARS, "years the image stock outlasts all language data (medians)", spec=".1f")]
    summary = (f"Villalobos et al. (2022) projected the image stock to last until {ev['image_year']:.0f} against "
               f"{ev['language_year']:.0f} for all (low-quality) language data: {ev['image_stock_years_later']:.0f} years "
               f"more, though an image is not worth a text token for a language model.")
    return assess(checks, summary)


_V24 = ("villalobos2024data",)


def ev_curation() -> dict:
    """DCLM-Baseline (model-filtered web text) against Llama 3 8B (Li et al. 2024)."""
    return {"mmlu_gap_points": lit.DCLM_7B_MMLU.value - lit.LLAMA3_8B_MMLU.value,
            "compute_saved_factor": lit.LLAMA3_8B_OVER_DCLM_COMPUTE.value}


def judge_curation(e):
    checks = [near(e, "mmlu_gap_points", 0.0, "DCLM 7B minus Llama 3 8B on MMLU (points)"),
              at_least(e, "compute_saved_factor", 2.0, "how many times less compute the curated-data model used", spec="x")]
    return assess(checks, f"A 7B model trained on filtered web text came within {abs(e['mmlu_gap_points']):.0f} MMLU "
                          f"points of Llama 3 8B with {e['compute_saved_factor']:.1f}× less training compute: "
                          f"curation substituted for several times more data and compute. The comparison is one "
                          f"benchmark and one pair of models.")


CLAIMS = (
    Claim("DW-1", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 2",), CHAPTER, "dw-claim-stock",
          "Depending on counting and filtering, the internet holds between 400 trillion and 20 quadrillion tokens of text.",
          "400 T to 20 quadrillion tokens", LITERATURE, _ev_stock, _judge_stock, citations=_V24,
          checklist=("A4-16",)),
    Claim("DW-2", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 2",), CHAPTER, "dw-claim-used",
          "The leading models have already consumed the bulk of the good human-written text there is.",
          "most accessible high-quality text already used", DATA, _ev_used, _judge_used,
          citations=_V24 + ("villalobos2022data", "epoch2025models"), checklist=("A4-17",)),
    Claim("DW-3", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 3",), CHAPTER, "dw-claim-exponential",
          "Each linear gain in performance needs exponentially more training data.",
          "exponential data for linear gains", DATA, _ev_exponential, _judge_exponential,
          citations=("muennighoff2023datalimited",), checklist=("A4-19",)),
    Claim("DW-4", ("001",), ("§ Why Data, Not Compute, Is the Bottleneck ¶ 2",), CHAPTER, "dw-claim-exponent",
          "As the supply of good data runs out, the scaling exponent gets smaller and the curve flattens.",
          "the exponent shrinks as data runs out", MODEL, _ev_exponent, _judge_exponent,
          citations=("muennighoff2023datalimited",), checklist=("A1-13",)),
    Claim("DW-5", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 3",), CHAPTER, "dw-claim-concepts",
          "How well a model handles a concept rises with the logarithm of how often that concept appears in its training data.",
          "log-linear in concept frequency", LITERATURE, _ev_loglinear, _judge_loglinear,
          citations=("udandarao2024zeroshot",), checklist=("A4-18",)),
    Claim("DW-6", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 4",), CHAPTER, "dw-claim-concepts",
          "Concepts in training data have a very long tail: a few are common, most are rare.",
          "extremely long-tailed concepts", LITERATURE, _ev_longtail, _judge_longtail,
          citations=("udandarao2024zeroshot",), checklist=("A4-20",)),
    Claim("DW-7", ("000", "000"), ("§ The Data Problem Beneath It All ¶ 1", "§ The Data Problem Beneath It All ¶ 2"),
          CHAPTER, "dw-claim-outpace",
          "Fresh human text is a finite supply, and the demand of training runs grows faster than people write.",
          "finite supply; appetite outpaces production", DATA, _ev_outpace, _judge_outpace,
          citations=_V24 + ("epoch2024datasetsize",), checklist=("A0-19", "A0-22")),
    Claim("DW-8", ("002",), ("§ The Evidence for Diminishing Returns ¶ 5",), CHAPTER, "dw-claim-substantial",
          "By 2025 the largest training sets were a sizeable share of all public text in the major languages.",
          "a substantial fraction of all public text", DATA, _ev_substantial, _judge_substantial,
          citations=_V24 + ("epoch2025models",), checklist=("A2-11",)),
    Claim("DW-9", ("000",), ("§ Why did AI scaling work before and why is it slowing now? ¶ 1",), CHAPTER, "dw-claim-repeat",
          "Newer training data is more repetitive and teaches a model less per token.",
          "new data repetitive, less informative", DATA, _ev_repeat, _judge_repeat,
          citations=("muennighoff2023datalimited",), checklist=("A0-32",)),
    Claim("DW-10", ("003",), ("§ Diminishing Returns: The New Normal ¶ 6",), CHAPTER, "dw-claim-repeat",
          "Piling on more low-value data can make a model worse.",
          "more low-quality data can hurt", DATA, _ev_hurt, _judge_hurt,
          citations=("muennighoff2023datalimited",), checklist=("A3-07",)),
    Claim("DW-11", ("002",), ("§ The Counterargument: We Are Not at the Ceiling ¶ 5",), CHAPTER, "dw-claim-multimodal",
          "Images, video and audio open large new pools of training data beyond text.",
          "multimodal opens vast new sources", LITERATURE, _ev_multimodal, _judge_multimodal,
          citations=("villalobos2022data",), checklist=("A2-26",)),
    not_testable("DW-12", ("001",), ("§ (opening) ¶ 5",),
                 "The limit set by the information in training data is nearer than anyone expected.",
                 "the information frontier is closer than expected",
                 "vague: 'closer than anyone expected' names no expectation to compare with; the dates are tested as DW-7 and in the exhaustion section",
                 chapter=CHAPTER, anchor="dw-claims", checklist=("A1-02",)),
    not_testable("DW-13", ("001",), ("§ Why Data, Not Compute, Is the Bottleneck ¶ 2",),
                 "The exponent of the scaling law depends on the quality and diversity of the data.",
                 "the exponent is a function of data quality",
                 "no public data: no data file here varies data quality at fixed quantity, and the law fitted here models quantity only (its shrinking exponent under a cap is DW-4)",
                 chapter=CHAPTER, anchor="dw-claims", checklist=("A1-12",)),
    not_testable("DW-14", ("000",), ("§ The New Data Paradigm ¶ 1",),
                 "Consented data checked by experts now beats bulk text scraped from the web.",
                 "expert-reviewed data outperforms scraped data",
                 "no public data: no published comparison of consented, expert-reviewed data with scraped web data at matched scale is in this project (the article sells such data)",
                 chapter=CHAPTER, anchor="dw-claims", checklist=("A0-30",)),
    Claim("DW-15", ("002", "003"), ("§ The Shift From Scale to Efficiency ¶ 6", "§ Diminishing Returns: The New Normal ¶ 6"),
          CHAPTER, "dw-claims",
          "Careful curation, deduplication and filtering do as much as adding data; curated sets often beat large "
          "noisy ones.", "curation as effective as more data", LITERATURE, ev_curation, judge_curation,
          citations=("li2024datacomp",), checklist=("A2-31", "A3-08")),
    Claim("DW-16", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 4",), CHAPTER, "dw-claims",
          "Bigger models improve on common concepts but keep failing on rare ones.",
          "scaling helps common concepts, rare ones stay hard", LITERATURE, _ev_tail_scaling, _judge_tail_scaling,
          citations=("udandarao2024zeroshot",), checklist=("A4-21",)),
    not_testable("DW-17", ("004",), ("§ What Actually Works Instead of Scaling ¶ 8",),
                 "Models trained on several kinds of data can keep improving after any one source is used up.",
                 "multimodal models keep learning as sources plateau",
                 "vague: 'can keep learning' names no measure or size; the size of the image stock is tested as DW-11",
                 chapter=CHAPTER, anchor="dw-claims", checklist=("A4-50",)),
)
