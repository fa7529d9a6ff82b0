"""Model collapse in a vocabulary: a word-frequency table re-estimated from its own text.

The true distribution is the English word list of the ``wordfreq`` package (``speer2022wordfreq``; the list
ships inside the package). Each generation draws tokens from the previous estimate and re-estimates the
frequencies by counting, so a word that draws no count is gone (the mechanism by which tails vanish first;
Shumailov et al. 2024, ``shumailov2024collapse``; Dohmatob et al. 2024, ``dohmatob2024tails``).

Two things that pure estimation error leaves out are here too:

* **truncated sampling** (:func:`sampling_distribution`): real pipelines generate with a temperature below
  one or nucleus (top-p) sampling, which cut the tail of the model's distribution *before* any sampling
  noise, so tails are lost every generation however many tokens are drawn (:func:`truncated_iteration` is
  the infinite-sample limit);
* **detection** (:func:`smoothed_model`, :func:`lr_test_power`): a real language model smooths its
  estimate, so a lost word gets a small probability rather than zero, and noticing the damage takes a
  likelihood-ratio test whose power depends on how many tokens of text it sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd
from scipy import stats

from analysis.collapse.gaussian import MODES, _real_count
from analysis.house.data import in_world
from analysis.house.validation import (MAX_SIZE, checked_cache, require_broadcastable, require_choice, require_finite,
                                       require_in_range, require_int, require_nonnegative, require_positive,
                                       require_positive_number, require_seed, require_size, require_vector)

# --- The word list ---------------------------------------------------------------------------------

@checked_cache(maxsize=4)
def word_frequencies(n_words: int = 20_000) -> pd.DataFrame:
    """The ``n_words`` most frequent English words of the ``wordfreq`` package (``speer2022wordfreq``; its
    word list ships inside the package), with ``frequency`` (occurrences per word of running text, as stored
    in the package's list, unrounded) and ``probability`` (renormalised over the ``n_words``). Columns:
    ``rank`` (1 = most frequent), ``word``, ``frequency``, ``probability``."""
    import wordfreq

    n = require_int("n_words", n_words, minimum=10, maximum=1_000_000)
    words = wordfreq.top_n_list("en", n)
    table = wordfreq.get_frequency_dict("en")
    freq = np.array([table[w] for w in words])
    frame = pd.DataFrame({"rank": np.arange(1, len(words) + 1), "word": words, "frequency": freq,
                          "probability": freq / freq.sum()})
    return _checked_list(in_world(WORDFREQ_SOURCE, frame))


#: Name of the word list as a data source: a counterfactual world (:func:`analysis.house.data.world`) may
#: transform the table :func:`word_frequencies` returns under this name.
WORDFREQ_SOURCE = "wordfreq:en"


def _checked_list(frame: pd.DataFrame) -> pd.DataFrame:
    """The word table as a world left it, ranked again by frequency and renormalised (a world's transform
    may reshape the frequencies; the learners need a sorted, positive distribution summing to one)."""
    freq = frame["frequency"].to_numpy(dtype=float)
    if freq.size < 10 or np.any(~np.isfinite(freq)) or np.any(freq <= 0):
        raise ValueError("the word list must hold at least 10 words with positive, finite frequencies")
    order = np.argsort(-freq, kind="stable")
    out = frame.iloc[order].reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    out["probability"] = out["frequency"] / out["frequency"].sum()
    return out


#: Rank bands (1-based, inclusive upper bounds) in which vocabulary survival is tracked.
RANK_BANDS = (10, 100, 1_000, 10_000, 20_000)


@dataclass(frozen=True)
class VocabularyResult:
    """Fate of a word distribution re-estimated from its own samples, for many chains.

    Attributes
    ----------
    types_lost : ndarray, shape (n_chains, n_generations + 1)
        Share of the vocabulary's types whose estimated probability is zero.
    mass_lost : ndarray, shape (n_chains, n_generations + 1)
        True probability mass of those lost types (what a reader of real text would miss).
    band_survival : ndarray, shape (n_chains, n_generations + 1, len(bands))
        Share of the types in each rank band still present.
    bands : tuple of int
        Upper rank of each band (see :data:`RANK_BANDS`).
    tokens_per_generation : int
    mode : str
    real_fraction : float
    """

    types_lost: np.ndarray
    mass_lost: np.ndarray
    band_survival: np.ndarray
    bands: tuple
    tokens_per_generation: int
    mode: str
    real_fraction: float


def vocabulary_chain(probabilities, n_generations: int, tokens_per_generation: int, n_chains: int, *,
                     mode: str = "replace", real_fraction: float = 0.0, seed: int = 0,
                     bands=RANK_BANDS, temperature: float = 1.0, top_p: float = 1.0) -> VocabularyResult:
    """Resample a categorical distribution and re-estimate it by counting, generation after generation.

    Generation 0 counts ``tokens_per_generation`` draws from the true ``probabilities`` (a multinomial);
    generation g draws from the previous estimate. A type with zero count has estimated probability zero
    and, in ``replace`` mode, can never return. ``accumulate`` estimates from all counts so far (real data
    included); ``mix`` draws ``round(real_fraction * tokens)`` of each generation's tokens from the truth.

    Parameters
    ----------
    probabilities : array_like
        True probabilities of the types, sorted from most to least frequent (positive, summing to 1 within 1e-9).
    n_generations, tokens_per_generation, n_chains : int
    mode, real_fraction, seed : see :func:`gaussian_chain`
    bands : sequence of int
        Upper ranks of the bands in which survival is tracked (increasing).
    temperature, top_p : float
        How each generation samples from its estimate (see :func:`sampling_distribution`); the defaults
        (1, 1) sample the estimate as it is.
    """
    p = require_positive("probabilities", probabilities)
    if p.ndim != 1 or abs(p.sum() - 1) > 1e-9:
        raise ValueError(f"probabilities must be a 1-D array summing to 1; got shape {p.shape}, sum {p.sum():.6g}")
    n = require_int("n_generations", n_generations, minimum=0, maximum=100_000)
    tokens = require_size("tokens_per_generation", tokens_per_generation)
    # every chain holds a count per type: the arrays, not the chains, are bounded
    n_chains = require_size("n_chains", n_chains, maximum=max(1, MAX_SIZE // p.size))
    mode = require_choice("mode", mode, MODES)
    f = float(require_in_range("real_fraction", real_fraction, 0.0, 1.0))
    if mode != "mix" and f != 0.0:
        raise ValueError(f"real_fraction applies only to mode='mix'; got real_fraction={f} with mode={mode!r}")
    requested = require_vector("bands", bands)
    if np.any(requested != np.round(requested)) or np.any(np.diff(requested) <= 0) or requested[0] < 1:
        raise ValueError(f"bands must be increasing positive ranks; got {tuple(bands)}")
    requested = requested.astype(int)
    edges = np.append(requested[requested < p.size], p.size)  # bands beyond the vocabulary are merged
    _check_sampling(temperature, top_p)
    rng = np.random.default_rng(require_int("seed", seed, minimum=0))
    truth = np.broadcast_to(p, (n_chains, p.size))
    real_tokens = _real_count(tokens, f) if mode == "mix" else 0

    lost = np.empty((n_chains, n + 1))
    mass = np.empty((n_chains, n + 1))
    survival = np.empty((n_chains, n + 1, edges.size))
    starts = np.concatenate([[0], edges[:-1]])

    def record(g, counts):
        alive = counts > 0
        lost[:, g] = 1 - alive.mean(axis=1)
        mass[:, g] = (~alive * p).sum(axis=1)
        survival[:, g] = np.stack([alive[:, s:e].mean(axis=1) for s, e in zip(starts, edges)], axis=1)

    counts = rng.multinomial(tokens, truth).astype(float)
    total = counts.copy()
    record(0, counts)
    for g in range(1, n + 1):
        source = total if mode == "accumulate" else counts
        estimate = sampling_distribution(source / source.sum(axis=1, keepdims=True), temperature, top_p)
        synth = rng.multinomial(tokens - real_tokens, estimate).astype(float)
        counts = synth + (rng.multinomial(real_tokens, truth) if real_tokens else 0.0)
        total = total + counts
        record(g, total if mode == "accumulate" else counts)
    return VocabularyResult(lost, mass, survival, tuple(int(b) for b in edges), tokens, mode, f)


@checked_cache(maxsize=8)
def vocabulary_runs(n_words: int = 20_000, tokens: int = 200_000, n_generations: int = 30, n_chains: int = 8,
                    real_fraction: float = 0.1, seed: int = 0) -> dict:
    """The chapter's three vocabulary chains (replace, accumulate, mix with ``real_fraction``) on the
    wordfreq list, keyed by mode."""
    tokens, seed = require_size("tokens", tokens), require_seed(seed)
    require_in_range("real_fraction", real_fraction, 0.0, 1.0)
    p = word_frequencies(n_words)["probability"].to_numpy()
    return {
        mode: vocabulary_chain(p, n_generations, tokens, n_chains, mode=mode,
                               real_fraction=real_fraction if mode == "mix" else 0.0, seed=seed + i)
        for i, mode in enumerate(MODES)
    }


# --- Truncated sampling ----------------------------------------------------------------------------

def _check_sampling(temperature, top_p) -> tuple[float, float]:
    t = float(require_in_range("temperature", temperature, 0.0, 10.0, inclusive=True))
    if t <= 0:
        raise ValueError(f"temperature must be positive; got {temperature!r}")
    q = float(require_in_range("top_p", top_p, 0.0, 1.0))
    if q <= 0:
        raise ValueError(f"top_p must be positive; got {top_p!r}")
    return t, q


def sampling_distribution(probabilities, temperature: float = 1.0, top_p: float = 1.0) -> np.ndarray:
    """The distribution a generator actually samples from: its estimate raised to the power 1/temperature
    and renormalised, then cut to the smallest set of most probable types holding at least ``top_p`` of
    the mass (nucleus sampling; Holtzman et al. 2020) and renormalised again.

    Parameters
    ----------
    probabilities : array_like, shape (..., n_types)
        Non-negative rows summing to one (one row per chain).
    temperature : float
        In (0, 10]; below 1 sharpens the distribution (the head gains, the tail loses).
    top_p : float
        In (0, 1]; 1 keeps every type with positive probability.
    """
    p = require_nonnegative("probabilities", probabilities)
    if p.ndim == 0:
        raise ValueError(f"probabilities must be an array (one row per chain); got {probabilities!r}")
    t, q = _check_sampling(temperature, top_p)
    out = p.copy()
    if t != 1.0:
        with np.errstate(divide="ignore"):
            logp = np.where(out > 0, np.log(np.where(out > 0, out, 1.0)) / t, -np.inf)
        logp -= logp.max(axis=-1, keepdims=True)
        out = np.exp(logp)
        out /= out.sum(axis=-1, keepdims=True)
    if q < 1.0:
        order = np.argsort(-out, axis=-1, kind="stable")
        sorted_p = np.take_along_axis(out, order, axis=-1)
        before = np.cumsum(sorted_p, axis=-1) - sorted_p  # mass of the types ranked above each type
        keep_sorted = before < q
        keep = np.zeros_like(keep_sorted)
        np.put_along_axis(keep, order, keep_sorted, axis=-1)
        out = np.where(keep, out, 0.0)
        out /= out.sum(axis=-1, keepdims=True)
    return out


@dataclass(frozen=True)
class TruncationPath:
    """Infinite-sample fate of a distribution that is re-sampled with truncation each generation.

    Attributes
    ----------
    types_alive : ndarray of int, shape (n_generations + 1,)
        Types with positive probability at each generation (generation 0: the truth).
    tail_mass : ndarray, shape (n_generations + 1,)
        Probability the generation's distribution gives to types beyond rank ``tail_rank`` of the truth.
    head_mass : ndarray, shape (n_generations + 1,)
        Probability of the ``head_rank`` most frequent types.
    entropy_bits : ndarray, shape (n_generations + 1,)
        Shannon entropy (bits per token): a measure of diversity.
    temperature, top_p : float
    tail_rank, head_rank : int
    """

    types_alive: np.ndarray
    tail_mass: np.ndarray
    head_mass: np.ndarray
    entropy_bits: np.ndarray
    temperature: float
    top_p: float
    tail_rank: int
    head_rank: int


def _entropy_bits(q: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.where(q > 0, q * np.log2(np.where(q > 0, q, 1.0)), 0.0).sum(axis=-1)


def truncated_iteration(probabilities, n_generations: int, *, temperature: float = 1.0, top_p: float = 1.0,
                        tail_rank: int = 1_000, head_rank: int = 10) -> TruncationPath:
    """Apply :func:`sampling_distribution` generation after generation with no sampling noise at all (the
    limit of infinitely many tokens per generation).

    With temperature 1 and top-p 1 nothing changes: estimation error is the only source of collapse. With
    top-p < 1 or temperature < 1, the tail is cut every generation however large the sample: the map is
    deterministic, and each application removes (top-p) or shrinks (temperature) the least probable types.
    """
    p = require_positive("probabilities", probabilities)
    if p.ndim != 1 or abs(p.sum() - 1) > 1e-9:
        raise ValueError(f"probabilities must be a 1-D array summing to 1; got shape {p.shape}, sum {p.sum():.6g}")
    n = require_int("n_generations", n_generations, minimum=0, maximum=100_000)
    t, q = _check_sampling(temperature, top_p)
    tail = require_int("tail_rank", tail_rank, minimum=1)
    head = require_int("head_rank", head_rank, minimum=1)
    if tail >= p.size or head >= p.size:
        raise ValueError(f"tail_rank and head_rank must be below the number of types {p.size}; got {tail}, {head}")
    alive, tails, heads, ent = (np.empty(n + 1, dtype=np.int64), np.empty(n + 1), np.empty(n + 1), np.empty(n + 1))
    cur = p.copy()
    for g in range(n + 1):
        if g:
            cur = sampling_distribution(cur, t, q)
        alive[g], tails[g], heads[g], ent[g] = (cur > 0).sum(), cur[tail:].sum(), cur[:head].sum(), _entropy_bits(cur)
    return TruncationPath(alive, tails, heads, ent, t, q, tail, head)


def truncated_chain_table(probabilities, n_generations: int, token_counts, *, top_p: float, seed: int = 0,
                          n_chains: int = 4) -> pd.DataFrame:
    """Types surviving per generation under replace, for plain and top-p sampling, at each token count per
    generation in ``token_counts``, and the infinite-sample limit (``tokens = inf``).

    Columns: ``sampling`` ("plain" or "top-p"), ``tokens`` (float; inf for the limit), ``generation``,
    ``types_alive_share`` (chain mean of the share of types still present).
    """
    p = require_vector("probabilities", probabilities, require_positive)
    counts = require_vector("token_counts", token_counts, require_positive)
    seed = require_seed(seed)
    rows = []
    for label, q in (("plain", 1.0), ("top-p", top_p)):
        for i, tokens in enumerate(counts):
            res = vocabulary_chain(p, n_generations, int(tokens), n_chains, seed=seed + i, top_p=q, bands=(p.size,))
            rows.append(pd.DataFrame({"sampling": label, "tokens": float(tokens), "generation": np.arange(n_generations + 1),
                                      "types_alive_share": 1 - res.types_lost.mean(axis=0)}))
        path = truncated_iteration(p, n_generations, top_p=q, tail_rank=min(1_000, p.size - 1),
                                   head_rank=min(10, p.size - 1))
        rows.append(pd.DataFrame({"sampling": label, "tokens": np.inf, "generation": np.arange(n_generations + 1),
                                  "types_alive_share": path.types_alive / p.size}))
    return pd.concat(rows, ignore_index=True)


# --- Detection: a smoothed model and a likelihood-ratio test ---------------------------------------

def smoothed_model(counts, pseudocount: float = 0.5) -> np.ndarray:
    """Additive (Lidstone) smoothing: (count + pseudocount) / (total + pseudocount * n_types), so no type has
    probability zero (0.5 is the Jeffreys prior; real language models smooth in their own ways)."""
    c = require_vector("counts", counts, require_nonnegative, min_length=2)
    a = float(require_positive("pseudocount", pseudocount))
    return (c + a) / (c.sum() + a * c.size)


@dataclass(frozen=True)
class LRTest:
    """Power of the Neyman-Pearson (likelihood-ratio) test of H0: tokens drawn from ``null`` against
    H1: tokens drawn from ``alternative``, at level ``level``, for each sample size.

    Attributes
    ----------
    tokens : ndarray of int
        Tokens seen by the test.
    power : ndarray
        P(reject H0 | H1), normal approximation of the summed log-likelihood ratio.
    power_mc : ndarray
        The same by Monte Carlo (``n_sim`` multinomial samples per size, from ``seed``; exact up to
        simulation error). Drawn on first use: the draws are most of the cost, and the normal approximation
        is all some callers read.
    kl_alt_null, kl_null_alt : float
        KL(alternative || null) and KL(null || alternative), nats per token.
    level : float
    n_sim, seed : int
    """

    tokens: np.ndarray
    power: np.ndarray
    kl_alt_null: float
    kl_null_alt: float
    level: float
    n_sim: int
    seed: int
    _null: np.ndarray = field(repr=False, compare=False)
    _alternative: np.ndarray = field(repr=False, compare=False)
    _moments: tuple = field(repr=False, compare=False)

    @cached_property
    def power_mc(self) -> np.ndarray:
        rng = np.random.default_rng(self.seed)
        llr = self._moments[0]
        mc = []
        for size in self.tokens:
            s0 = weighted_sum(rng.multinomial(size, self._null, size=self.n_sim), llr)
            s1 = weighted_sum(rng.multinomial(size, self._alternative, size=self.n_sim), llr)
            mc.append(float((s1 > np.quantile(s0, 1 - self.level)).mean()))
        return np.array(mc)

    def power_mc_at(self, sizes) -> np.ndarray:
        """Monte-Carlo power at some of :attr:`tokens` only (each size seeded by ``seed`` + size, so a subset
        costs only its own draws): the costly part of :attr:`power_mc` where a caller reads one size."""
        want = require_vector("sizes", sizes, require_positive).astype(np.int64)
        if not np.isin(want, self.tokens).all():
            raise ValueError(f"sizes must be among the test's tokens {self.tokens.tolist()}; got {want.tolist()}")
        llr = self._moments[0]
        out = []
        for size in want:
            rng = np.random.default_rng(self.seed + int(size))
            s0 = weighted_sum(rng.multinomial(size, self._null, size=self.n_sim), llr)
            s1 = weighted_sum(rng.multinomial(size, self._alternative, size=self.n_sim), llr)
            out.append(float((s1 > np.quantile(s0, 1 - self.level)).mean()))
        return np.array(out)

    def tokens_for_power(self, target: float = 0.9) -> float:
        """Tokens needed for ``target`` power (normal approximation, solved exactly for n)."""
        return float(_tokens_for_power(self._moments, self.level, target))


def weighted_sum(weights, values) -> np.ndarray:
    """sum_i weights_i * values_i over the last axis, added in numpy's fixed (pairwise) order.

    A BLAS dot or matrix-vector product (``@``) splits long sums between threads, so its last bits
    depend on how many threads BLAS runs; this sum is the same for any thread count.
    """
    w, v = require_finite("weights", weights), require_finite("values", values)
    require_broadcastable(weights=w, values=v)
    if w.ndim == 0 or v.ndim == 0 or w.shape[-1] != v.shape[-1]:
        raise ValueError(f"weights and values must have the same last axis; got shapes {w.shape} and {v.shape}")
    return _weighted_sum(w, v)


def _weighted_sum(weights, values) -> np.ndarray:
    return np.sum(np.multiply(weights, values), axis=-1)


def _llr_moments(null: np.ndarray, alt: np.ndarray):
    llr = np.log(alt) - np.log(null)
    m0 = float(_weighted_sum(null, llr))
    m1 = float(_weighted_sum(alt, llr))
    v0 = float(_weighted_sum(null, (llr - m0) ** 2))
    v1 = float(_weighted_sum(alt, (llr - m1) ** 2))
    return llr, m0, v0, m1, v1


def _normal_power(moments, level: float, n) -> np.ndarray:
    _, m0, v0, m1, v1 = moments
    n = np.asarray(n, dtype=float)
    if v1 <= 0 or v0 <= 0:  # identical distributions: the statistic is constant, the test has its level
        return np.full(n.shape, level)
    crit = n * m0 + stats.norm.ppf(1 - level) * np.sqrt(n * v0)
    return stats.norm.sf((crit - n * m1) / np.sqrt(n * v1))


def _tokens_for_power(moments, level: float, target: float) -> float:
    _, m0, v0, m1, v1 = moments
    za, zb = stats.norm.ppf(1 - level), stats.norm.ppf(target)
    root = (za * np.sqrt(v0) + zb * np.sqrt(v1)) / (m1 - m0)
    return float(root**2)


def lr_test_power(null, alternative, tokens, *, level: float = 0.05, n_sim: int = 2000, seed: int = 0) -> LRTest:
    """Power of the most powerful test telling text from ``alternative`` apart from text from ``null``.

    The test sums log(alternative / null) over the tokens and rejects H0 (text from ``null``) above the
    1 - ``level`` quantile of that sum under H0. By the Neyman-Pearson lemma no test of the same level is
    more powerful, so this is the best case for a detector that knows both distributions.

    Parameters
    ----------
    null, alternative : array_like
        Positive probabilities over the same types (each sums to 1 within 1e-9).
    tokens : int or sequence of int
        Tokens of text the test sees (>= 1).
    level : float
        False-positive rate, in (0, 0.5).
    n_sim : int
        Monte-Carlo samples per size for ``power_mc`` (>= 100).
    seed : int
    """
    p0, p1 = require_positive("null", null), require_positive("alternative", alternative)
    if p0.shape != p1.shape or p0.ndim != 1:
        raise ValueError(f"null and alternative must be 1-D over the same types; got {p0.shape}, {p1.shape}")
    for name, arr in (("null", p0), ("alternative", p1)):
        if abs(arr.sum() - 1) > 1e-9:
            raise ValueError(f"{name} must sum to 1; got {arr.sum():.12g}")
    n = require_vector("tokens", tokens, require_positive)
    if np.any(n != np.round(n)):
        raise ValueError(f"tokens must be whole numbers; got {n[n != np.round(n)][0]!r}")
    a = float(require_in_range("level", level, 0.0, 0.5, inclusive=False))
    n_sim = require_int("n_sim", n_sim, minimum=100, maximum=1_000_000)
    seed = require_int("seed", seed, minimum=0)
    moments = _llr_moments(p0, p1)

    def frozen(arr):
        arr = arr.copy()
        arr.flags.writeable = False
        return arr

    return LRTest(tokens=n.astype(np.int64), power=_normal_power(moments, a, n), kl_alt_null=moments[3],
                  kl_null_alt=-moments[1], level=a, n_sim=n_sim, seed=seed, _null=frozen(p0),
                  _alternative=frozen(p1), _moments=moments)


#: Tokens per generation treated as realistic for the detection question: a fine-tuning corpus of 10**8
#: tokens (Shumailov et al.'s wikitext2 runs use a few million; pre-training corpora are 10**12 and more, so
#: this errs on the side of easy detection: the damage per generation shrinks as the corpus grows).
REALISTIC_TOKENS = 100_000_000
#: Tokens of text the detector sees: a paragraph, an article, a long report.
TEST_TOKENS = (100, 1_000, 10_000)


def _replace_counts(p: np.ndarray, tokens: int, generations: int, rng) -> list[np.ndarray]:
    counts = [rng.multinomial(tokens, p).astype(float)]
    for _ in range(generations):
        counts.append(rng.multinomial(tokens, counts[-1] / counts[-1].sum()).astype(float))
    return counts


@checked_cache(maxsize=16)
def detection_study(tokens: int = 200_000, generation: int = 5, n_words: int = 20_000, seed: int = 0,
                    pseudocount: float = 0.5, level: float = 0.05, test_tokens: tuple = TEST_TOKENS,
                    n_sim: int = 300) -> dict:
    """MC-6's numbers for one replace chain of the vocabulary world with ``tokens`` per generation.

    The models of generations 0..``generation`` are smoothed (:func:`smoothed_model`); the test is
    :func:`lr_test_power` of human text (the wordfreq truth) against the last model's text.

    Returns a dict: ``types_lost`` and ``mass_lost`` (types with zero count at the last generation and their
    true mass); ``unsmoothed_hit`` (the old unsmoothed check: P(1,000 human tokens contain a word the
    unsmoothed model cannot produce)); ``kl_bits`` (KL(model || human) per generation, bits per token, an
    array); ``test`` (the :class:`LRTest` at ``test_tokens``); ``tokens_for_90`` (tokens for 90 % power).
    """
    g = require_int("generation", generation, minimum=0, maximum=1_000)
    tokens = require_size("tokens", tokens)
    require_positive_number("pseudocount", pseudocount)
    require_int("n_sim", n_sim, minimum=100, maximum=1_000_000)
    test_tokens = require_vector("test_tokens", test_tokens, require_positive)
    p = word_frequencies(n_words)["probability"].to_numpy()
    rng = np.random.default_rng(require_int("seed", seed, minimum=0))
    counts = _replace_counts(p, tokens, g, rng)
    models = [smoothed_model(c, pseudocount) for c in counts]
    kl = np.array([float(_weighted_sum(m, np.log(m) - np.log(p))) for m in models]) / np.log(2)
    lost = counts[-1] == 0
    test = lr_test_power(p, models[-1], list(test_tokens), level=level, n_sim=n_sim, seed=seed)
    mass = float(p[lost].sum())
    return {"types_lost": float(lost.mean()), "mass_lost": mass, "unsmoothed_hit": 1 - (1 - mass) ** 1000,
            "kl_bits": kl, "test": test, "tokens_for_90": test.tokens_for_power(0.9)}


def detection_table(token_counts=(200_000, 1_000_000, 10_000_000, REALISTIC_TOKENS), generation: int = 5,
                    seed: int = 0, mc_tokens=(1_000,)) -> pd.DataFrame:
    """Power of the best detector per tokens per generation (rows) and tokens of test text (columns
    ``power_<n>``), with ``kl_bits`` (KL(model || human) at the last generation), ``types_lost`` and
    ``tokens_for_90``. Monte-Carlo power in ``power_mc_<n>`` for the sizes in ``mc_tokens`` only (each
    costs two multinomial draws over the vocabulary per simulated text; the normal approximation is exact
    enough for the others, as the unit tests check)."""
    generation = require_int("generation", generation, minimum=0, maximum=1_000)
    require_vector("mc_tokens", mc_tokens, require_positive)
    rows = []
    for t in require_vector("token_counts", token_counts, require_positive).astype(np.int64):
        d = detection_study(int(t), generation, seed=seed)
        test = d["test"]
        row = {"tokens_per_generation": int(t), "types_lost": d["types_lost"], "kl_bits": float(d["kl_bits"][-1]),
               "tokens_for_90": d["tokens_for_90"]}
        for n, pw in zip(test.tokens, test.power):
            row[f"power_{n}"] = float(pw)
        for n, pm in zip(np.atleast_1d(mc_tokens), test.power_mc_at(mc_tokens)):
            row[f"power_mc_{int(n)}"] = float(pm)
        rows.append(row)
    return pd.DataFrame(rows)
