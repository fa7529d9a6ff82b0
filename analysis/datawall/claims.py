"""Claims of the data-wall chapter (``book/data-wall.md``): the stock of text, how much of it training
sets already use, when they reach it, what repetition and a data cap do, and the concept-frequency
sentences of seed 004 (literature on image-text and language models).

Evidence functions take the chapter's papermill parameters ``seed`` and ``n_samples`` where the numbers
depend on them, and the analysis choices of their multiverse; every number comes from
:mod:`analysis.datawall.datastock`, :mod:`analysis.datawall.data_constrained`,
:mod:`analysis.datawall.repetition` or a published constant kept there (or in
:mod:`analysis.datawall.concept_frequency`) with its citation. The counterfactual worlds transform the real
data files (:mod:`analysis.datawall.worlds`).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from analysis.datawall import data_constrained as dc
from analysis.datawall import datastock as ds
from analysis.datawall import let_it_wag as wag
from analysis.datawall import repetition as rv
from analysis.datawall import supply as sup
from analysis.datawall import worlds as W
from analysis.datawall.concept_frequency import BANSAL, KANDPAL, UDANDARAO
from analysis.ledger import literature as lit
from analysis.ledger.core import (DATA, LITERATURE, MODEL, MOST_SHARE, NOT_SUPPORTED, PARTLY, SUPPORTED, Choice,
                                  Claim, World, assess, at_least, at_most, beyond, fails, holds, near, not_testable,
                                  share_at_least)

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
#: "Linear in log data" (DW-3): each tenfold of data buys the same gain, within this relative margin; the
#: sentence fails only when the upper part of the range buys more per tenfold than the lower part by more
#: than this margin and more than the interval of the ratio (a null needs a margin).
EQUAL_GAINS_MARGIN = 0.1
#: Of the stock's Monte Carlo, which quantile stands for "the" stock (the median by default).
STOCK_QUANTILES = (25.0, 50.0, 75.0)
_STOCK_WHY = ("the stock's lower quartile, median or upper quartile: its input ranges span a factor of ten and no "
              "point of them is privileged")
_FRONTIER_WHY = ("'the leading models': the largest training set in the Epoch snapshot (Qwen3, 36 T), the set "
                 "of the model with the most compute among those whose set is published (Llama 4 Behemoth, 30 T), "
                 "or the set implied by the run with the most compute of all, which discloses none (Grok-3, "
                 "4.6e26 FLOP), at 20 or 100 tokens per parameter")


def _pct(v, q) -> float:
    return float(np.percentile(v, q))


# --- DW-1: the size of the internet's text -----------------------------------------------------------

def _ev_stock(seed: int = 0, n_samples: int = 20_000) -> dict:
    s = ds.sample_stock(n_samples, seed)
    lo, hi = ds.SEED004_STOCK_RANGE
    e_lo, e_hi = sup.epoch_2030_range()
    return {"raw_median_tokens": float(np.median(s.raw)), "raw_median_tokens_low": _pct(s.raw, 5),
            "raw_median_tokens_high": _pct(s.raw, 95), "raw_p95_tokens": _pct(s.raw, 95),
            "effective_median_tokens": float(np.median(s.effective)), "epoch2030_low_tokens": e_lo,
            "epoch2030_high_tokens": e_hi,
            "seed_range_is_epoch_multimodal": bool(abs(np.log(lo / e_lo)) < 0.05 and abs(np.log(hi / e_hi)) < 0.05)}


def _judge_stock(ev) -> "object":
    lo, hi = ds.SEED004_STOCK_RANGE
    checks = [holds(ev, "seed_range_is_epoch_multimodal", "the range is Epoch AI's 2030 data stock, which counts "
                    "text plus images, video and audio", basis="literature"),
              at_least(ev, "raw_median_tokens", lo, "median raw indexed-web stock of text (tokens), against the "
                       "seed's lower end", spec=".3g", basis="data"),
              at_least(ev, "raw_p95_tokens", hi, "95th percentile of the raw stock of text, against the seed's "
                       "upper end", spec=".3g", basis="data")]
    summary = (f"The range is Epoch AI's 2030 estimate of the data stock ({ev['epoch2030_low_tokens']:.0e} to "
               f"{ev['epoch2030_high_tokens']:.0e} tokens), which counts images, video and audio as well as text. "
               f"As text alone, Villalobos et al.'s inputs put the raw indexed web at "
               f"{ev['raw_median_tokens'] / 1e12:.0f} T tokens (90% {ev['raw_median_tokens_low'] / 1e12:.0f}-"
               f"{ev['raw_median_tokens_high'] / 1e12:.0f} T): the {lo / 1e12:.0f} T lower end fits text, the upper "
               f"end is {hi / ev['raw_p95_tokens']:.0f}x the 95th percentile. The seed's error is calling the whole "
               f"range text; the usable (effective) text stock is {ev['effective_median_tokens'] / 1e12:.0f} T.")
    return assess(checks, summary)


# --- DW-2 and DW-8: how much of the text the largest training set already uses ---------------------

def _ev_used(seed: int = 0, n_samples: int = 20_000, stock_quantile: float = 50.0, frontier: str = "largest_set",
             tokens_per_word: float = ds.TOKENS_PER_WORD) -> dict:
    top = sup.frontier_tokens(frontier)
    s = ds.sample_stock(n_samples, seed)
    hq = ds.sample_high_quality_stock(n_samples, seed).at(top.year) * (tokens_per_word / ds.TOKENS_PER_WORD)
    broad = s.quality * s.stock_growth ** (top.year - 2024.0)
    return {"largest_dataset_tokens": top.value, "largest_dataset_year": top.year,
            "share_of_narrow_stock": top.value / _pct(hq, stock_quantile),
            "share_of_narrow_stock_low": top.value / _pct(hq, 95), "share_of_narrow_stock_high": top.value / _pct(hq, 5),
            "share_of_filtered_stock": top.value / _pct(broad, stock_quantile),
            "share_of_filtered_stock_low": top.value / _pct(broad, 95),
            "share_of_filtered_stock_high": top.value / _pct(broad, 5),
            "synthetic_share_example": sup.synthetic_share_of_nemotron()}


def _judge_used(ev):
    checks = [at_least(ev, "share_of_narrow_stock", MOST, "largest training set / narrow high-quality stock (books, papers, code)", spec=".2f"),
              at_least(ev, "share_of_filtered_stock", MOST, "largest training set / quality-filtered web", spec=".2f")]
    summary = (f"The leading models' training set under this reading ("
               f"{ev['largest_dataset_tokens'] / 1e12:.0f} T tokens, {ev['largest_dataset_year']:.1f}) is {ev['share_of_narrow_stock']:.1f}x the narrow high-quality stock "
               f"of the 2022 study but {ev['share_of_filtered_stock']:.0%} of the quality-filtered web of the 2024 study. "
               f"Both are size comparisons: a set {ev['share_of_filtered_stock']:.0%} the size of the filtered web can "
               f"hold at most that share of it, while a set larger than the narrow stock need not contain most of it, "
               f"so 'most of the good text' holds, at best, under the narrow reading only. Part of any such set is "
               f"synthetic (Nemotron-CC's open corpus: {ev['synthetic_share_example']:.0%}), which lowers the human "
               f"share further.")
    return assess(checks, summary)


def _ev_substantial(seed: int = 0, n_samples: int = 20_000, stock_quantile: float = 50.0,
                    frontier: str = "largest_set", substantial: float = SUBSTANTIAL) -> dict:
    top = sup.frontier_tokens(frontier)
    s = ds.sample_stock(n_samples, seed)
    grow = s.stock_growth ** (top.year - 2024.0)
    raw, broad = s.raw * grow, s.quality * grow
    return {"largest_dataset_tokens": top.value, "share_of_raw_web": top.value / _pct(raw, stock_quantile),
            "share_of_raw_web_low": top.value / _pct(raw, 95), "share_of_raw_web_high": top.value / _pct(raw, 5),
            "share_of_filtered_stock": top.value / _pct(broad, stock_quantile), "substantial_threshold": substantial}


def _judge_substantial(ev):
    t = ev["substantial_threshold"]
    checks = [at_least(ev, "share_of_raw_web", t, "largest 2025 training set / all indexed public text", spec=".2f"),
              at_least(ev, "share_of_filtered_stock", t, "largest 2025 training set / quality-filtered public text", spec=".2f")]
    summary = (f"The largest 2025 training set ({ev['largest_dataset_tokens'] / 1e12:.0f} T tokens) is "
               f"{ev['share_of_raw_web']:.0%} of all indexed public text and {ev['share_of_filtered_stock']:.0%} of its "
               f"quality-filtered part (threshold for 'substantial': {t:.0%}).")
    return assess(checks, summary)


_SET_WORLDS = (
    World("training sets ten times larger (the largest 360 T tokens)", SUPPORTED,
          data={ds.EPOCH_MODELS.filename: W.scale_training_sets(10.0)}),
    World("training sets a tenth of their size (the largest 3.6 T tokens)", NOT_SUPPORTED,
          data={ds.EPOCH_MODELS.filename: W.scale_training_sets(0.1)}),
)


# --- DW-3: exponentially more data for linear gains (on the 182 runs) -------------------------------

def _ev_exponential(seed: int = 0, max_epochs: float = 1.0, envelope: str = "cummin", split_quantile: float = 0.5,
                    margin: float = EQUAL_GAINS_MARGIN, level: float = 0.9, drop_smallest: int = 0) -> dict:
    f = rv.fresh_returns(max_epochs, envelope, split_quantile, 2000, seed, level, drop_smallest)
    return {"drop_per_decade_low": f.drop_low, "drop_per_decade_high": f.drop_high,
            "drop_per_decade_all": f.drop_all, "slope_ratio": f.ratio, "slope_ratio_low": f.ratio_low,
            "slope_ratio_high": f.ratio_high, "split_tokens": f.split_tokens, "equal_margin": margin,
            "n_points_low": float(f.n_low), "n_points_high": float(f.n_high),
            "gain_per_decade_grows": bool(f.ratio_low > 1.0 + margin)}


def _judge_exponential(ev):
    m = ev["equal_margin"]
    n = int(min(ev["n_points_low"], ev["n_points_high"]))
    checks = [fails(ev, "gain_per_decade_grows",
                    f"each tenfold of fresh data removes more loss than the tenfold below it (upper-half over "
                    f"lower-half ratio above 1 + {m:.0%}, beyond its interval)", n_points=n)]
    r, lo, hi = ev["slope_ratio"], ev["slope_ratio_low"], ev["slope_ratio_high"]
    shape = ("each tenfold buys less than the last: more than exponentially more data per equal gain"
             if hi < 1.0 else "equal gains per tenfold within the interval: exactly the log-linear case"
             if lo <= 1.0 + m else "each tenfold buys more than the last: less than exponential data per equal gain")
    summary = (f"On the best single-epoch runs of Muennighoff et al., each tenfold increase of fresh data removed "
               f"{ev['drop_per_decade_low']:.2f} nats/token below {ev['split_tokens']:.2g} tokens and "
               f"{ev['drop_per_decade_high']:.2f} above: a ratio of {r:.2f} ({lo:.2f}-{hi:.2f}). Loss exactly linear "
               f"in log data has a ratio of 1, which is what the sentence says; it fails only if later tenfolds buy "
               f"more. Here {shape} (measured on loss, not on a benchmark).")
    return assess(checks, summary)


# --- DW-4: the exponent shrinks as unique data runs out (model) -------------------------------------

#: The law's constants: R_D* and R_N* refitted to the 182 runs (the others as published), as published,
#: or all seven refitted.
LAW_CONSTANTS = ("refit", "published", "full_refit")


def _law(constants: str) -> dc.DataConstrainedParams:
    if constants == "published":
        return dc.MUENNIGHOFF
    if constants == "full_refit":
        return dc.refit_all_constants()[0]
    r = dc.refit_decay_constants()
    return replace(dc.MUENNIGHOFF, R_D_star=r.R_D_star, R_N_star=r.R_N_star)


def _ev_exponent(seed: int = 0, n_samples: int = 20_000, constants: str = "refit", cap_quantile: float = 50.0,
                 shrink: float = VISIBLE_SHRINK) -> dict:
    if constants not in LAW_CONSTANTS:
        raise ValueError(f"constants must be one of {LAW_CONSTANTS}; got {constants!r}")
    p = _law(constants)
    cap = _pct(ds.sample_stock(n_samples, seed).quality, cap_quantile)
    c_half = dc.compute_at_exponent_fraction(cap, 0.5, p)
    c_now = ds.current_comparators().largest_compute.value
    grid = np.array([c_now / 1.26, c_now, c_now * 1.26])
    capped = dc.capped_frontier(cap, compute=grid, params=p)
    free = dc.capped_frontier(np.inf, compute=grid, params=p)
    return {"halving_compute_log10": float(np.log10(c_half)) if np.isfinite(c_half) else 32.0,
            "exponent_halves_within_grid": bool(np.isfinite(c_half)),
            "exponent_ratio_at_largest_compute": float(capped.local_exponent[1] / free.local_exponent[1]),
            "largest_compute": c_now, "cap_tokens": cap, "R_D_star": p.R_D_star, "visible_shrink": shrink}


def _judge_exponent(ev):
    checks = [holds(ev, "exponent_halves_within_grid", "with unique data capped, the law's exponent halves below 1e32 FLOP"),
              at_most(ev, "exponent_ratio_at_largest_compute", ev["visible_shrink"],
                      "exponent at today's largest compute / unlimited-data exponent", spec=".2f")]
    where = (f"halves at {10 ** ev['halving_compute_log10']:.1e} FLOP" if ev["exponent_halves_within_grid"]
             else "does not halve below 1e32 FLOP")
    summary = (f"Under Muennighoff et al.'s law (R_D* = {ev['R_D_star']:.0f}) with unique data capped at "
               f"{ev['cap_tokens'] / 1e12:.0f} T tokens, the exponent {where}; at the largest compute in the Epoch "
               f"snapshot ({ev['largest_compute']:.2g} FLOP) it is still {ev['exponent_ratio_at_largest_compute']:.0%} "
               f"of its unlimited value. The law's form decides; it models quantity, not quality.")
    return assess(checks, summary)


# --- DW-5, DW-6, DW-16, DW-18: concept and fact frequency (literature) -----------------------------

def _ev_loglinear() -> dict:
    return {"share_datasets_log_linear": UDANDARAO.n_datasets_log_linear / UDANDARAO.n_pretraining_datasets,
            "n_models": float(UDANDARAO.n_models),
            "language_models_depend_on_frequency": KANDPAL.studies_language_models
            and KANDPAL.accuracy_rises_with_relevant_documents,
            "largest_language_model_params": KANDPAL.largest_model_params}


def _judge_loglinear(ev):
    checks = [at_least(ev, "share_datasets_log_linear", 1.0, "share of Udandarao et al.'s pretraining datasets with a "
                       "log-linear trend (image-text models)", spec="%"),
              holds(ev, "language_models_depend_on_frequency", "language models too: question-answering accuracy rises "
                    "with how often the fact occurs in pretraining (Kandpal et al.)")]
    summary = (f"Udandarao et al. find zero-shot performance log-linear in concept frequency in "
               f"{ev['share_datasets_log_linear']:.0%} of their pretraining datasets and {ev['n_models']:.0f} image-text "
               f"and text-to-image models. For language models, Kandpal et al. find question-answering accuracy "
               f"strongly and causally tied to the number of pretraining documents relevant to a question, in models "
               f"up to {ev['largest_language_model_params'] / 1e9:.0f}B parameters; the log-linear form itself is "
               f"Udandarao et al.'s measurement.")
    return assess(checks, summary)


def _ev_rare_facts() -> dict:
    return {"accuracy_causally_tied_to_documents": KANDPAL.studies_language_models and KANDPAL.causal,
            "tail_needs_orders_of_magnitude": KANDPAL.tail_needs_orders_of_magnitude,
            "larger_models_better_on_tail": KANDPAL.larger_models_better_on_tail}


def _judge_rare_facts(ev):
    checks = [holds(ev, "accuracy_causally_tied_to_documents", "language models answer fewer questions about facts "
                    "with few relevant pretraining documents, causally (Kandpal et al.)"),
              holds(ev, "tail_needs_orders_of_magnitude", "models would need many orders of magnitude more scale to "
                    "answer well the questions with little support in pretraining")]
    return assess(checks, "Kandpal et al. show for language models that accuracy on a fact depends, causally, on how "
                          "many pretraining documents support it; larger models do better on rare facts but would "
                          "have to grow by many orders of magnitude to answer them well.")


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

def _ev_outpace(seed: int = 0, n_samples: int = 20_000, start_year: float = 2010.0, level: float = 0.9,
                stock_quantile: float = 95.0) -> dict:
    s = ds.sample_stock(n_samples, seed)
    trend = ds.dataset_trend(seed=seed, level=level, start_year=start_year)
    return {"dataset_growth": trend.growth_per_year, "dataset_growth_low": trend.growth_interval[0],
            "dataset_growth_high": trend.growth_interval[1], "published_dataset_growth": ds.EPOCH_DATASET_GROWTH,
            "stock_growth_bound": _pct(s.stock_growth, stock_quantile), "stock_quantile": stock_quantile,
            "stock_growth_median": float(np.median(s.stock_growth)), "n_models": float(trend.n_models)}


def _judge_outpace(ev):
    g = ev["stock_growth_bound"]
    checks = [beyond(ev, "dataset_growth", g, f"fitted growth of training sets (x/yr), against the stock's "
                     f"{ev['stock_quantile']:.0f}th-percentile growth", direction="above", spec=".3g",
                     n_points=int(ev["n_models"]))]
    summary = (f"Training sets grow {ev['dataset_growth']:.2f}x a year ({ev['dataset_growth_low']:.2f}-"
               f"{ev['dataset_growth_high']:.2f}; Epoch AI publishes {ev['published_dataset_growth']:.1f}x, shown, not "
               f"scored), the stock of public text {ev['stock_growth_median']:.3f}x: demand outgrows supply, so the "
               f"finite stock bounds the trend.")
    return assess(checks, summary)


# --- DW-9, DW-10: repeated data on the 182 runs -----------------------------------------------------

def _ev_repeat(seed: int = 0, pairing: str = "adjacent", max_epochs: float = float("inf"), level: float = 0.9) -> dict:
    r = rv.repetition_pairs(pairing, max_epochs, 2000, seed, level)
    return {"n_more_repeated_worse": float(r.n_more_repeated_worse), "n_pairs": float(r.n_pairs),
            "median_loss_penalty": r.median_penalty, "median_loss_penalty_low": r.median_penalty_low,
            "median_loss_penalty_high": r.median_penalty_high, "any_pairs": r.n_pairs > 0}


def _judge_repeat(ev):
    if ev["n_pairs"] > 0:
        most = share_at_least(ev, "n_more_repeated_worse", "n_pairs", MOST_SHARE, "the more repeated run ends worse",
                              population="pairs of runs with equal parameters and tokens", strict=True)
    else:
        most = holds(ev, "any_pairs", "pairs of runs with equal parameters and tokens exist")
    checks = [most, beyond(ev, "median_loss_penalty", 0.0, "median loss penalty of the more repeated run (fraction)",
                           direction="above", spec=".4f")]
    summary = (f"In {ev['n_more_repeated_worse']:.0f} of {ev['n_pairs']:.0f} pairs of Muennighoff et al.'s runs with "
               f"equal size and tokens, the run that repeats its data more ends with the higher loss (median "
               f"{ev['median_loss_penalty']:.1%} higher, {ev['median_loss_penalty_low']:.1%}-"
               f"{ev['median_loss_penalty_high']:.1%}): repeated data teaches less per token. That newer data is more "
               f"repetitive, and synthetic data, are not measured here.")
    return assess(checks, summary)


def _ev_hurt(min_rise: float = 0.01, min_params: float = 0.0) -> dict:
    r = rv.loss_rises(min_rise, min_params)
    return {"n_steps_loss_rose": float(r.n_rose), "n_steps": float(r.n_steps),
            "fewest_epochs_loss_rose": r.fewest_epochs, "largest_rise": r.largest_rise, "min_rise": min_rise}


def _judge_hurt(ev):
    checks = [at_least(ev, "n_steps_loss_rose", 1.0, f"steps where more (repeated) tokens raised the loss by more than "
                       f"{ev['min_rise']:.0%}", spec=".0f")]
    where = (f"from {ev['fewest_epochs_loss_rose']:.0f} epochs on" if ev["n_steps_loss_rose"] > 0 else "none")
    summary = (f"In {ev['n_steps_loss_rose']:.0f} of {ev['n_steps']:.0f} steps between runs of equal size and unique "
               f"data, more training tokens raised the final loss by more than {ev['min_rise']:.0%} ({where}; the "
               f"largest rise {ev['largest_rise']:.0%}): adding low-value, heavily repeated data can hurt. Other kinds "
               f"of low-quality data are not in these runs.")
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


def _ev_exponent_quality() -> dict:
    return {"source_changes_exponent": BANSAL.source_changes_exponent,
            "quality_changes_exponent": BANSAL.quality_changes_exponent}


def _judge_exponent_quality(ev):
    checks = [holds(ev, "source_changes_exponent", "training on back-translated instead of parallel text changed the "
                    "data-scaling exponent"),
              holds(ev, "quality_changes_exponent", "filtering the data, or adding noise to it, changed the exponent")]
    return assess(checks, "In machine translation, Bansal et al. find the exponent of the data scaling law barely moved "
                          "by filtering or by added noise (worse data shifts the curve, not its slope), but lowered by "
                          "training on back-translated text: the exponent depends on the kind of data, not on quality "
                          "as filtering measures it. No comparable study of language models is in this project.")


_RUNS, _EPOCH, _SIZES = W.RUNS, ds.EPOCH_MODELS.filename, ds.DATASET_SIZES.filename
_INF = float("inf")

CLAIMS = (
    Claim("DW-1", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 2",), CHAPTER, "dw-claim-stock",
          "Depending on counting and filtering, the internet holds between 400 trillion and 20 quadrillion tokens of text.",
          "400 T to 20 quadrillion tokens", LITERATURE, _ev_stock, _judge_stock,
          citations=_V24 + ("sevilla2024scaling2030",), checklist=("A4-16",), reason_tags=("lacks context",)),
    Claim("DW-2", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 2",), CHAPTER, "dw-claim-used",
          "The leading models have already consumed the bulk of the good human-written text there is.",
          "most accessible high-quality text already used", DATA, _ev_used, _judge_used,
          citations=_V24 + ("villalobos2022data", "epoch2025models"), checklist=("A4-17",), worlds=_SET_WORLDS,
          multiverse=(Choice("stock_quantile", STOCK_QUANTILES, _STOCK_WHY),
                      Choice("frontier", sup.FRONTIER_READINGS, _FRONTIER_WHY),
                      Choice("tokens_per_word", (1.25, ds.TOKENS_PER_WORD, 1.5),
                             "converting the narrow stock's words to tokens: 1.25 to 1.5 tokens a word across "
                             "tokenizers (4/3 is Chinchilla's ratio in Villalobos et al.'s file)")),
                             reason_tags=("exaggerated",), load_bearing=True),
    Claim("DW-3", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 3",), CHAPTER, "dw-claim-exponential",
          "Each linear gain in performance needs exponentially more training data.",
          "exponential data for linear gains", DATA, _ev_exponential, _judge_exponential,
          citations=("muennighoff2023datalimited",), checklist=("A4-19",),
          worlds=(World("loss exactly linear in log fresh tokens (1 nat per tenfold): the sentence's own world",
                        SUPPORTED, data={_RUNS: W.fresh_loss_log_linear()}),
                  World("loss falling linearly in fresh tokens (every token buys the same gain)", NOT_SUPPORTED,
                        data={_RUNS: W.fresh_loss_linear()})),
          multiverse=(Choice("max_epochs", (1.0, 4.0), "fresh data: single-epoch runs only, or up to four epochs, "
                             "which Muennighoff et al. find nearly as good as fresh data"),
                      Choice("envelope", rv.ENVELOPES, "the best loss reachable with at most D tokens (monotone), "
                             "or the best run at each D as measured"),
                      Choice("split_quantile", (1 / 3, 0.5, 2 / 3), "where the range is cut into a lower and an "
                             "upper part: at the first tercile, the median or the second tercile of log tokens"),
                      Choice("margin", (0.05, 0.1, 0.25), "how much more an upper tenfold must buy before the "
                             "gains are called growing rather than equal"),
                      Choice("drop_smallest", (0, 2), "keep every fresh-data size, or drop the two smallest (the "
                             "runs furthest from today's scale, which weigh most on the lower part's slope); the "
                             "interval level stays at 90 % to keep the grid within 96 specifications")),
          load_bearing=True),
    Claim("DW-4", ("001",), ("§ Why Data, Not Compute, Is the Bottleneck ¶ 2",), CHAPTER, "dw-claim-exponent",
          "As the supply of good data runs out, the scaling exponent gets smaller and the curve flattens.",
          "the exponent shrinks as data runs out", MODEL, _ev_exponent, _judge_exponent,
          citations=("muennighoff2023datalimited",), checklist=("A1-13",),
          worlds=(World("frontier compute a thousand times larger (4.6e29 FLOP)", SUPPORTED,
                        data={_EPOCH: W.scale_training_compute(1000.0)}),
                  World("repeated data as good as fresh: the law's repetition penalty removed from every run",
                        NOT_SUPPORTED, data={_RUNS: W.repetition_penalty_removed()})),
          multiverse=(Choice("constants", LAW_CONSTANTS, "R_D* and R_N* refitted to the 182 runs, the published "
                             "constants, or all seven refitted"),
                      Choice("cap_quantile", STOCK_QUANTILES, "the cap on unique data: lower quartile, median or "
                             "upper quartile of the quality-filtered stock"),
                      Choice("shrink", (0.8, VISIBLE_SHRINK, 0.95), "how far below its unlimited value the exponent "
                             "must be to count as visibly shrunk")), reason_tags=("lacks context",), load_bearing=True),
    Claim("DW-5", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 3",), CHAPTER, "dw-claim-concepts",
          "How well a model handles a concept rises with the logarithm of how often that concept appears in its training data.",
          "log-linear in concept frequency", LITERATURE, _ev_loglinear, _judge_loglinear,
          citations=("udandarao2024zeroshot", "kandpal2023longtail"), checklist=("A4-18",)),
    Claim("DW-6", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 4",), CHAPTER, "dw-claim-concepts",
          "Concepts in training data have a very long tail: a few are common, most are rare.",
          "extremely long-tailed concepts", LITERATURE, _ev_longtail, _judge_longtail,
          citations=("udandarao2024zeroshot",), checklist=("A4-20",)),
    Claim("DW-7", ("000", "000"), ("§ The Data Problem Beneath It All ¶ 1", "§ The Data Problem Beneath It All ¶ 2"),
          CHAPTER, "dw-claim-outpace",
          "Fresh human text is a finite supply, and the demand of training runs grows faster than people write.",
          "finite supply; appetite outpaces production", DATA, _ev_outpace, _judge_outpace,
          citations=_V24 + ("epoch2024datasetsize",), checklist=("A0-19", "A0-22"),
          worlds=(World("training sets growing 3x a year (Epoch AI's rate), each model's scatter kept", SUPPORTED,
                        data={_SIZES: W.retrend_training_sets(3.0)}),
                  World("training sets growing 8 % a year, as fast as the stock", NOT_SUPPORTED,
                        data={_SIZES: W.retrend_training_sets(1.08)}),
                  World("training sets growing 5 % a year, slower than the stock", NOT_SUPPORTED,
                        data={_SIZES: W.retrend_training_sets(1.05)})),
          multiverse=(Choice("start_year", (2010.0, 2015.0, 2018.0), "window of the trend: all models since 2010, "
                             "or only those since 2015 or 2018"),
                      Choice("level", (0.9, 0.95), "interval level of the fitted growth"),
                      Choice("stock_quantile", (50.0, 95.0, 99.0), "the stock's growth to beat: its median, or its "
                             "95th or 99th percentile (a stock growing as fast as it plausibly can)")),
                             load_bearing=True),
    Claim("DW-8", ("002",), ("§ The Evidence for Diminishing Returns ¶ 5",), CHAPTER, "dw-claim-substantial",
          "By 2025 the largest training sets were a sizeable share of all public text in the major languages.",
          "a substantial fraction of all public text", DATA, _ev_substantial, _judge_substantial,
          citations=_V24 + ("epoch2025models",), checklist=("A2-11",), worlds=_SET_WORLDS,
          multiverse=(Choice("stock_quantile", STOCK_QUANTILES, _STOCK_WHY),
                      Choice("frontier", sup.FRONTIER_READINGS, _FRONTIER_WHY),
                      Choice("substantial", (0.05, SUBSTANTIAL, 0.2), "'substantial': a twentieth, a tenth or a "
                             "fifth of the text")), reason_tags=("exaggerated",)),
    Claim("DW-9", ("000",), ("§ Why did AI scaling work before and why is it slowing now? ¶ 1",), CHAPTER, "dw-claim-repeat",
          "Repetitive training data teaches a model less per token (and, the article adds, newer data is more repetitive).",
          "new data repetitive, less informative", DATA, _ev_repeat, _judge_repeat,
          citations=("muennighoff2023datalimited",), checklist=("A0-32",),
          worlds=(World("repeated data exactly as good as fresh (each run given its least repeated twin's loss)",
                        NOT_SUPPORTED, data={_RUNS: W.repetition_free()}),
                  World("repetition costs 2 % of loss per doubling of epochs", SUPPORTED,
                        data={_RUNS: W.repetition_costs(0.02)})),
          multiverse=(Choice("pairing", rv.PAIRINGS, "compare neighbours in unique data within a group, or every "
                             "pair of the group"),
                      Choice("max_epochs", (_INF, 16.0, 4.0), "all pairs, or only those whose more repeated run "
                             "has at most 16 or 4 epochs (the regime where repetition is said to be nearly free)"),
                      Choice("level", (0.9, 0.95), "interval level of the median penalty"))),
    Claim("DW-10", ("003",), ("§ Diminishing Returns: The New Normal ¶ 6",), CHAPTER, "dw-claim-repeat",
          "Piling on more low-value data can make a model worse.",
          "more low-quality data can hurt", DATA, _ev_hurt, _judge_hurt,
          citations=("muennighoff2023datalimited",), checklist=("A3-07",),
          worlds=(World("another pass over the same data never makes a model worse (loss made non-increasing)",
                        NOT_SUPPORTED, data={_RUNS: W.more_epochs_never_hurt()}),
                  World("each group's most repeated run 10 % worse than the run before it", SUPPORTED,
                        data={_RUNS: W.last_epochs_hurt(0.10)})),
          multiverse=(Choice("min_rise", (0.0, 0.01, 0.02), "a clear case: any rise of the loss, or one above 1 % "
                             "or 2 % (margins over run-to-run noise)"),
                      Choice("min_params", (0.0, 1e8), "all model sizes, or only models of 100M parameters and "
                             "more"))),
    Claim("DW-11", ("002",), ("§ The Counterargument: We Are Not at the Ceiling ¶ 5",), CHAPTER, "dw-claim-multimodal",
          "Images, video and audio open large new pools of training data beyond text.",
          "multimodal opens vast new sources", LITERATURE, _ev_multimodal, _judge_multimodal,
          citations=("villalobos2022data",), checklist=("A2-26",)),
    not_testable("DW-12", ("001",), ("§ (opening) ¶ 5",),
                 "The limit set by the information in training data is nearer than anyone expected.",
                 "the information frontier is closer than expected",
                 "vague: 'closer than anyone expected' names no expectation to compare with; the dates are tested as DW-7 and in the exhaustion section",
                 chapter=CHAPTER, anchor="dw-claims", checklist=("A1-02",)),
    Claim("DW-13", ("001",), ("§ Why Data, Not Compute, Is the Bottleneck ¶ 2",), CHAPTER, "dw-claims",
          "The exponent of the scaling law depends on the quality and diversity of the data.",
          "the exponent is a function of data quality", LITERATURE, _ev_exponent_quality, _judge_exponent_quality,
          citations=("bansal2022datascaling",), checklist=("A1-12",), reason_tags=("contradicted",)),
    not_testable("DW-14", ("000",), ("§ The New Data Paradigm ¶ 1",),
                 "Consented data checked by experts now beats bulk text scraped from the web.",
                 "expert-reviewed data outperforms scraped data",
                 "no public data: no published comparison of consented, expert-reviewed data with scraped web data at matched scale is in this project (the article sells such data; DW-15 tests model-filtered web text, which is still scraped)",
                 chapter=CHAPTER, anchor="dw-claims", checklist=("A0-30",)),
    Claim("DW-15", ("002", "003"), ("§ The Shift From Scale to Efficiency ¶ 6", "§ Diminishing Returns: The New Normal ¶ 6"),
          CHAPTER, "dw-claims",
          "Careful curation, deduplication and filtering do as much as adding data; curated sets often beat large "
          "noisy ones.", "curation as effective as more data", LITERATURE, ev_curation, judge_curation,
          citations=("li2024datacomp",), checklist=("A2-31", "A3-08")),
    Claim("DW-16", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 4",), CHAPTER, "dw-claims",
          "Bigger models improve on common concepts but keep failing on rare ones.",
          "scaling helps common concepts, rare ones stay hard", LITERATURE, _ev_tail_scaling, _judge_tail_scaling,
          citations=("udandarao2024zeroshot",), checklist=("A4-21",), reason_tags=("contradicted",)),
    not_testable("DW-17", ("004",), ("§ What Actually Works Instead of Scaling ¶ 8",),
                 "Models trained on several kinds of data can keep improving after any one source is used up.",
                 "multimodal models keep learning as sources plateau",
                 "vague: 'can keep learning' names no measure, size or source that has run out; the size of the image stock is tested as DW-11",
                 chapter=CHAPTER, anchor="dw-claims", checklist=("A4-50",)),
    Claim("DW-18", ("004",), ("§ Why Bigger Models Aren't Getting Better ¶ 3",), CHAPTER, "dw-claim-concepts",
          "A model needs a great many examples of a rare concept before it learns it well.",
          "rare concepts need massive amounts of examples", LITERATURE, _ev_rare_facts, _judge_rare_facts,
          citations=("kandpal2023longtail",)),
)
