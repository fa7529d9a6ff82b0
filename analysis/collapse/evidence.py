"""The numbers behind the model-collapse chapter's claims (MC-1 ... MC-10), one function per claim.

Each function takes the chapter's parameters it needs and the analysis choices of its claim's multiverse
(seeds, sample sizes, horizons, decoding, which statistic), each with the chapter's default, and returns
named finite numbers (or booleans) in every world, including the extreme ones (issue 23): a quantity that
does not exist in a world (a decay where nothing decays, a spread that does not grow) is returned as the
value that makes its check fail, never as an error. The judges are in :mod:`analysis.collapse.claims`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from analysis.collapse import gaussian as mc
from analysis.collapse import ngram
from analysis.collapse import sources as src
from analysis.collapse import tails
from analysis.collapse import vocab

#: Generation at which the claims read the Gaussian runs (capped at the chapter's n_generations).
CLAIM_GENERATION = 100
#: Largest sample per generation of the fan runs: the "large system" of MC-2.
LARGE_M = max(mc.FAN_SAMPLE_SIZES)
#: Top-p of the truncated-sampling world (nucleus sampling as commonly configured, 0.9-0.95).
TOP_P = 0.95
#: Generations of the truncated-sampling path read by the claims.
TRUNCATION_GENERATIONS = 10
#: Generation of the detection study (MC-6).
DETECTION_GENERATION = 5
#: Damage below this share of the variance (Gaussian) or of the all-real error (tails) is immaterial: there
#: is then no collapse to speed up, and MC-7's acceleration is counted as none (1).
MATERIAL_DAMAGE = 0.05
#: Synthetic shares at which MC-7 reads the damage per unit of share (low band, high band).
GAUSS_BANDS = ((0.0, 0.5), (0.8, 0.9))
TAIL_SHARES = (0.0, 0.5, 0.9, 0.99)


def r2_of_decline(x, y) -> tuple[float, float]:
    """(R² of a straight line through (x, y), its slope); R² is 0 when y is constant (nothing to fit)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    slope, intercept = np.polyfit(x, y, 1)
    var = float(y.var())
    if var <= 0:
        return 0.0, float(slope)
    resid = y - (slope * x + intercept)
    return float(1 - resid.var() / var), float(slope)


@lru_cache(maxsize=8)
def truncation_path(top_p: float = TOP_P):
    """The word list iterated with top-p sampling and no sampling noise (see ``vocab.truncated_iteration``)."""
    p = vocab.word_frequencies()["probability"].to_numpy()
    return vocab.truncated_iteration(p, TRUNCATION_GENERATIONS, top_p=float(top_p),
                                     tail_rank=min(1_000, p.size - 1), head_rank=min(10, p.size - 1))


@lru_cache(maxsize=16)
def replace_vocabulary(tokens: int, seed: int):
    """The replace chain of the vocabulary world (the same chain as ``vocab.vocabulary_runs(...)["replace"]``)."""
    p = vocab.word_frequencies()["probability"].to_numpy()
    return vocab.vocabulary_chain(p, 30, int(tokens), 8, mode="replace", seed=int(seed))


@lru_cache(maxsize=32)
def gaussian_run(mode: str, m: int, n_generations: int, n_chains: int, seed: int) -> mc.ChainResult:
    """One Gaussian run (MLE, exact method): the chapter's fan run when ``m`` is one of its sample sizes (same
    seed), else a run of its own."""
    if m in mc.FAN_SAMPLE_SIZES and mode in ("replace", "accumulate"):
        return mc.fan_runs(n_generations=n_generations, n_chains=n_chains, seed=seed)[(mode, m)]
    return mc.gaussian_chain(n_generations, int(m), n_chains, mode=mode, seed=seed, method="exact")


# --- MC-1: a copy of a copy ---------------------------------------------------------------------------

def copy_of_copy(n_chains: int = 2000, n_generations: int = 100, seed: int = 0, vocab_tokens: int = 200_000,
                 gaussian_m: int = 100, top_p: float = TOP_P) -> dict:
    rep = replace_vocabulary(int(vocab_tokens), int(seed))
    lost = rep.types_lost.mean(axis=0)
    band = rep.band_survival.mean(axis=0)
    g = min(CLAIM_GENERATION, n_generations)
    fan = gaussian_run("replace", int(gaussian_m), n_generations, n_chains, seed)
    kept = mc.tail_mass(fan.mean[:, g], fan.variance[:, g]) / float(mc.tail_mass(0.0, 1.0))
    path = truncation_path(float(top_p))
    per_context = ngram.truncation_path(float(top_p), TRUNCATION_GENERATIONS)
    top = band[-1, 0]
    return {
        "types_lost_first": float(lost[0]), "types_lost_gen1": float(lost[1]), "types_lost_last": float(lost[-1]),
        "further_loss_after_gen1": float(lost[-1] - lost[1]),
        "rare_to_top_survival": float(band[-1, -1] / top) if top > 0 else 1.0,
        "gaussian_tail_kept_median": float(np.median(kept)), "gaussian_generation": float(g),
        "gaussian_m": float(gaussian_m),
        "entropy_drop_top_p_bits": float(per_context.entropy_rate_bits[0] - per_context.entropy_rate_bits[-1]),
        "entropy_drop_top_p_bits_unigram": float(path.entropy_bits[0] - path.entropy_bits[-1]),
        "types_kept_gen1_per_context": float(per_context.types_alive_share[1]),
        "types_kept_gen1_unigram": float(path.types_alive[1] / path.types_alive[0]),
        "n_generations_vocab": float(lost.size - 1), "top_p": float(top_p),
    }


# --- MC-2: exponential decay in large systems --------------------------------------------------------

def exponential_decay(n_chains: int = 2000, n_generations: int = 100, seed: int = 0, large_m: int = LARGE_M,
                      top_p: float = TOP_P, mode: str = "replace") -> dict:
    res = gaussian_run(mode, int(large_m), n_generations, n_chains, seed)
    g = np.arange(res.n_generations + 1, dtype=float)
    logv = np.log(res.variance)
    r2, slope = r2_of_decline(g, logv.mean(axis=0))
    # each chain's own slope: their spread is the slope's uncertainty (chains are independent)
    gc = g - g.mean()
    per_chain = (logv - logv.mean(axis=1, keepdims=True)) @ gc / float(gc @ gc)
    se = float(per_chain.std(ddof=1) / np.sqrt(per_chain.size))
    path = ngram.truncation_path(float(top_p), TRUNCATION_GENERATIONS)
    alive = np.log(path.types_alive_share[1:])
    r2_types, slope_types = r2_of_decline(np.arange(alive.size), alive)
    uni = np.log(truncation_path(float(top_p)).types_alive[1:].astype(float))
    r2_uni, slope_uni = r2_of_decline(np.arange(uni.size), uni)
    decays = slope + 1.96 * se < 0
    return {
        "r2_log_variance_large_m": r2 if decays else 0.0,
        "factor_per_generation_large_m": float(np.exp(slope)),
        "factor_per_generation_large_m_low": float(np.exp(slope - 1.96 * se)),
        "factor_per_generation_large_m_high": float(np.exp(slope + 1.96 * se)),
        "half_life_large_m": float(np.log(2) / -slope) if slope < 0 else 1e12,
        "r2_log_types_top_p": r2_types if slope_types < 0 else 0.0,
        "types_factor_top_p": float(np.exp(slope_types)),
        "r2_log_types_top_p_unigram": r2_uni if slope_uni < 0 else 0.0,
        "types_factor_top_p_unigram": float(np.exp(slope_uni)),
        "large_m": float(large_m), "top_p": float(top_p),
    }


# --- MC-3: unbiased refitting, a random walk -------------------------------------------------------

def kazdan_spread_exponents(min_runs: int = 100) -> list[float]:
    """Growth exponent of the 5-95 % band of the fitted variance in each of Kazdan et al.'s replace settings
    with at least ``min_runs`` runs: the slope of log(q95 / q05) against log(generation + 1), generation >= 1.
    A band that does not widen gives 0 (a random walk gives 0.5)."""
    pub = mc.load_kazdan_gaussian()
    out = []
    for _, rows in pub[pub["mode"] == "replace"].groupby("num_samples_per_iteration"):
        if int(rows["n_runs"].min()) < min_runs:
            continue  # the M = 316 setting has fewer runs, so noisier quantiles
        r = rows.sort_values("generation")
        ratio = (r["fit_variance_q95"] / r["fit_variance_q05"]).to_numpy()
        gg = r["generation"].to_numpy() + 1.0
        width = np.log(np.clip(np.nan_to_num(ratio[1:], nan=1.0, posinf=1e300), 1.0 + 1e-12, 1e300))
        out.append(float(np.polyfit(np.log(gg[1:]), np.log(width), 1)[0]) if np.ptp(width) > 0 else 0.0)
    return out


def random_walk(seed: int = 0, sample_size: int = 20, horizon: int = 200, walk_chains: int = 4000,
                mode: str = "replace") -> dict:
    """MC-3's numbers: unbiased replace chains (``mc.unbiased_run``) over ``horizon`` generations, and the spread
    of Kazdan et al.'s published runs. (Its own names for the horizon and the chains, so the chapter's
    ``n_generations`` and ``n_chains``, which size the fan chart, do not change it.)"""
    if mode == "replace":
        res = mc.unbiased_run(n_generations=int(horizon), sample_size=int(sample_size), n_chains=int(walk_chains),
                              seed=seed + 1)
    else:
        res = mc.gaussian_chain(int(horizon), int(sample_size), int(walk_chains), mode=mode, estimator="unbiased",
                                seed=seed + 1, method="exact")
    g = np.arange(res.n_generations + 1, dtype=float)
    spread = np.log(res.variance).var(axis=0)
    r2, slope = r2_of_decline(g + 1, spread)
    exponents = kazdan_spread_exponents() or [0.0]
    median_path = np.median(res.variance, axis=0)
    return {
        "share_below_tenth": float((res.variance[:, -1] < 0.1).mean()),
        "r2_spread_linear": r2 if slope > 0 else 0.0,
        "kazdan_spread_exponent": float(np.mean(exponents)),
        "kazdan_spread_exponent_low": float(np.min(exponents)), "kazdan_spread_exponent_high": float(np.max(exponents)),
        "median_variance_end": float(median_path[-1]), "mean_variance_end": float(res.variance[:, -1].mean()),
        "generations": float(res.n_generations), "sample_size": float(res.sample_sizes[0]),
    }


# --- MC-4: superlinear growth ----------------------------------------------------------------------

def loss_sum_growth(kind: str, n_generations: int, base: int, power: float, exponent: float) -> float:
    """Growth over the second half of the run of sum_g M_g ** -exponent, the summed per-generation loss of a
    learner that loses M ** -exponent of its variance per generation (exponent 1 is the refitted normal,
    exactly: E sigma**2 shrinks by (M - 1) / M). A sum that still grows means the schedule does not stop the
    collapse; one that has converged means it does."""
    sizes = mc.sample_size_schedule(kind, n_generations, base, power=power).astype(float)
    terms = sizes ** -float(exponent)
    return float(terms.sum() / terms[: n_generations // 2 + 1].sum())


def superlinear(horizon: int = 200, base: int = 20, power: float = 2.0, data_exponent: float = 1.0) -> dict:
    n_generations = int(horizon)
    budget = mc.data_budget_table(200).set_index("strategy")
    quad, acc = budget.loc["replace, quadratic M"], budget.loc["accumulate"]
    fresh = budget.loc["fresh human share"]
    return {
        "linear_sum_growth": loss_sum_growth("linear", n_generations, base, 2.0, data_exponent),
        "polynomial_sum_growth": loss_sum_growth("superlinear", n_generations, base, power, data_exponent),
        "power": float(power), "data_exponent": float(data_exponent), "generations": float(n_generations),
        "fresh_constant_variance": float(fresh["variance_mle"]),
        "visits_ratio_quadratic_to_accumulate": float(quad["sample_visits"] / acc["sample_visits"]),
        "drawn_ratio_quadratic_to_accumulate": float((quad["synthetic_samples"] + quad["human_samples"])
                                                      / (acc["synthetic_samples"] + acc["human_samples"])),
        "accumulate_variance": float(acc["variance_mle"]),
    }


# --- MC-5: accumulate instead of replace ----------------------------------------------------------

def accumulate(n_chains: int = 2000, seed: int = 0, sample_size: int = 10, statistic: str = "median") -> dict:
    column = {"median": "fit_variance_median", "q05": "fit_variance_q05"}[statistic]
    pub = mc.load_kazdan_gaussian()
    g = int(pub["generation"].max())
    last = pub[(pub["generation"] == g) & (pub["num_samples_per_iteration"] == int(sample_size))].set_index("mode")
    q = 0.5 if statistic == "median" else 0.05
    ours = {mode: float(np.quantile(gaussian_run(mode, int(sample_size), max(g, 100), n_chains, seed).variance[:, g], q))
            for mode in ("accumulate", "replace")}
    return {
        "accumulate_published": float(last.loc["accumulate", column]),
        "replace_published": float(last.loc["replace", column]),
        "accumulate_ours": ours["accumulate"], "replace_ours": ours["replace"],
        "generation": float(g), "sample_size": float(sample_size), "quantile": q,
    }


# --- MC-6: subtle, hard to detect ------------------------------------------------------------------

def subtle(vocab_tokens: int = 200_000, seed: int = 0, realistic_tokens: int = vocab.REALISTIC_TOKENS,
           test_tokens: int = 1_000, top_p: float = TOP_P) -> dict:
    tests = tuple(sorted(set(vocab.TEST_TOKENS) | {int(test_tokens)}))
    real = vocab.detection_study(int(realistic_tokens), DETECTION_GENERATION, seed=seed, test_tokens=tests)
    toy = vocab.detection_study(int(vocab_tokens), DETECTION_GENERATION, seed=seed)
    path = truncation_path(float(top_p))
    per_context = ngram.truncation_path(float(top_p), TRUNCATION_GENERATIONS)
    power = dict(zip(real["test"].tokens.tolist(), real["test"].power))
    kl = real["kl_bits"]
    growth = float(kl[-1] / kl[0]) if kl[0] > 0 else 1.0
    return {
        "kl_growth_realistic": growth, "kl_bits_realistic": float(kl[-1]),
        "power_realistic": float(power[int(test_tokens)]), "test_tokens": float(test_tokens),
        "quiet_damage": bool(growth >= 2.0 and power[int(test_tokens)] <= 0.5),
        "tokens_for_90_realistic": float(min(real["tokens_for_90"], 1e15)),
        "tokens_for_90_toy": float(min(toy["tokens_for_90"], 1e15)),
        "head_mass_gain_top_p": float(per_context.head_mass[DETECTION_GENERATION] / per_context.head_mass[0]),
        "head_mass_gain_top_p_unigram": float(path.head_mass[DETECTION_GENERATION] / path.head_mass[0]),
        "realistic_tokens": float(realistic_tokens), "toy_tokens": float(vocab_tokens), "top_p": float(top_p),
    }


# --- MC-7: collapse accelerates with the synthetic share --------------------------------------------

def _gauss_excess(n: int, m: int, synthetic_shares) -> np.ndarray:
    """Closed-form excess variance loss after ``n`` generations of mix mode at each synthetic share (the
    loss beyond the MLE's own bias, as in ``mc.mix_sweep``)."""
    base = mc.expected_moments(n, m, mode="mix", real_fraction=1.0).variance[-1]
    return np.array([base - mc.expected_moments(n, m, mode="mix", real_fraction=1 - s).variance[-1]
                     for s in synthetic_shares])


@lru_cache(maxsize=16)
def _tail_ratios(tail_budget: float, tail_k: int) -> np.ndarray:
    """Memorisation error at each of :data:`TAIL_SHARES` over the all-real error, at ``tail_budget`` tokens."""
    p = tails.english()
    cut = tails.tail_cut(p, tail_k)
    err = np.array([float(tails.memorisation_error(p, (1 - s) * p + s * cut, tail_budget)) for s in TAIL_SHARES])
    return err / err[0]


def accelerates(mix_m: int = 20, mix_generations: int = 100, tail_budget: float = 1e7,
                tail_k: int = tails.TAIL_CUT_RANK) -> dict:
    (a, b), (c, d) = GAUSS_BANDS
    loss = _gauss_excess(int(mix_generations), int(mix_m), (a, b, c, d))
    low, high = (loss[1] - loss[0]) / (b - a), (loss[3] - loss[2]) / (d - c)
    material = loss[3] >= MATERIAL_DAMAGE
    r = _tail_ratios(float(tail_budget), int(tail_k))
    t_low, t_high = (r[2] - r[1]) / (TAIL_SHARES[2] - TAIL_SHARES[1]), (r[3] - r[2]) / (TAIL_SHARES[3] - TAIL_SHARES[2])
    t_material = r[3] >= 1 + MATERIAL_DAMAGE

    def ratio(hi, lo, ok):
        if not ok or hi <= 0:
            return 1.0
        return float(hi / lo) if lo > 0 else 1e6
    g_acc, t_acc = ratio(high, low, material), ratio(t_high, t_low, t_material)
    return {
        "gaussian_slope_low": float(low), "gaussian_slope_high": float(high),
        "gaussian_acceleration": g_acc, "gaussian_acceleration_low": g_acc, "gaussian_acceleration_high": g_acc,
        "gaussian_loss_at_90": float(loss[3]),
        "tails_slope_low": float(t_low), "tails_slope_high": float(t_high),
        "tails_acceleration": t_acc, "tails_acceleration_low": t_acc, "tails_acceleration_high": t_acc,
        "tails_ratio_at_99": float(r[3]), "mix_m": float(mix_m), "mix_generations": float(mix_generations),
        "tail_budget": float(tail_budget), "tail_k": float(tail_k),
    }


# --- MC-8: curation slows collapse; MC-9: good data management prevents it and can help ------------------

@lru_cache(maxsize=64)
def _mix_run(mix_generations: int, mix_m: int, real: int, n_chains: int, seed: int) -> tuple[float, float]:
    """Mean and standard error of the fitted variance after ``mix_generations`` of mix mode with ``real`` of
    ``mix_m`` samples fresh real data (exact method; the seed of ``mc.mix_sweep``'s run of that share)."""
    v = mc.gaussian_chain(mix_generations, mix_m, n_chains, mode="mix", real_fraction=real / mix_m,
                          seed=seed + real, method="exact").variance[:, -1]
    return float(v.mean()), float(v.std(ddof=1) / np.sqrt(v.size))


def curation(n_chains: int = 2000, seed: int = 0, mix_m: int = 20, real_share: float = 0.1,
             mix_generations: int = 100) -> dict:
    """Verified human data against none in mix mode: the closed form over every whole-sample share, and the
    simulated gain of ``real_share`` over none (chains capped at 1,000, as in the chapter's sweep) with its
    95 % interval."""
    m, n = int(mix_m), int(mix_generations)
    real = int(round(float(real_share) * m))
    if abs(real / m - float(real_share)) > 1e-9:
        raise ValueError(f"real_share must be a multiple of 1/{m}; got {real_share!r}")
    exp = np.array([mc.expected_moments(n, m, mode="mix", real_fraction=r / m).variance[-1] for r in range(m + 1)])
    chains = min(int(n_chains), 1000)
    (s0, se0), (s1, se1) = _mix_run(n, m, 0, chains, int(seed)), _mix_run(n, m, real, chains, int(seed))
    gain, se = s1 - s0, float(np.hypot(se0, se1))
    return {"variance_no_real": float(exp[0]), "variance_with_real": float(exp[real]),
            "gain_from_real": gain, "gain_from_real_low": gain - 1.96 * se, "gain_from_real_high": gain + 1.96 * se,
            "gain_closed_form": float(exp[real] - exp[0]), "real_share": float(real_share), "mix_m": float(m),
            "min_gain_per_real_step": float(np.diff(exp).min())}


def management(horizon: int = 200, base: int = 20, real_tokens: float = 1e4, synthetic_tokens: float = 9e4,
               aug_k: int = tails.TAIL_CUT_RANK) -> dict:
    n_generations = int(horizon)
    acc = mc.expected_moments(n_generations, int(base), mode="accumulate").variance
    real_only = tails.augmentation_error(real_tokens, 0.0, k=int(aug_k))
    augmented = tails.augmentation_error(real_tokens, synthetic_tokens, k=int(aug_k))
    return {
        "accumulate_variance": float(acc[-1]), "accumulate_kept": float(acc[-1] / acc[0]),
        "augmentation_gain": float(real_only / augmented) if augmented > 0 else 1.0,
        "real_only_error": float(real_only), "augmented_error": float(augmented),
        "generations": float(n_generations), "base": float(base), "real_tokens": float(real_tokens),
        "synthetic_tokens": float(synthetic_tokens), "aug_k": float(aug_k),
    }


# --- MC-10: the wordfreq story --------------------------------------------------------------------------

#: When autumn 2024 starts and ends: meteorological (September to November) or astronomical (equinox to
#: solstice), as (month, day) pairs.
SEASONS = {"meteorological": ((9, 1), (11, 30)), "astronomical": ((9, 22), (12, 20))}
#: The article (late 2025) says "last year".
FALL_YEAR = 2024


def wordfreq(season: str = "meteorological", reading: str = "named") -> dict:
    """MC-10's facts read from the note: did it stop the lists, when, and is AI pollution cited ("named":
    among the reasons; "first": the first reason given; "only": the one reason)."""
    text = src.load_sunset_note()
    reasons = src.sunset_reasons(text) if re.search(r"^## ", text, flags=re.MULTILINE) else ()  # a note with no reason
    ai = [i for i, r in enumerate(reasons) if r.kind == "generative AI polluted the data"]
    year, month, day = src.sunset_date()
    (m0, d0), (m1, d1) = SEASONS[season]
    in_fall = year == FALL_YEAR and (m0, d0) <= (month, day) <= (m1, d1)
    cited = {"named": bool(ai), "first": bool(ai) and ai[0] == 0, "only": bool(ai) and len(reasons) == 1}[reading]
    return {
        "ai_pollution_cited": cited, "ai_pollution_named": bool(ai),
        "share_of_reasons_ai_pollution": len(ai) / len(reasons) if reasons else 0.0, "n_reasons": float(len(reasons)),
        "updates_stopped": src.says_updates_stopped(text),
        "note_in_fall": bool(in_fall), "sunset_month": float(month), "sunset_day": float(day),
        "sunset_year": float(year),
    }
