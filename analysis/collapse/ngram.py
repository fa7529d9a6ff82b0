"""Top-p truncation per context: a bigram model of real English text, beside the unigram bound.

The chapter's vocabulary toy cuts the *unigram* word distribution with top-p each generation, so a rare word
dies as soon as it falls outside the nucleus of the whole vocabulary. A language model samples from a
*conditional* distribution: a rare word survives if it is among the most probable continuations of some
context ("Python" after "in", "Guido" after "by"). This module measures the difference on real text.

The text is the body of Python's own documentation topics, ``pydoc_data.topics`` (shipped with every
CPython, PSF licence; about 64,000 words of English prose about the language): small and technical, but
real, present on every machine, and deterministic. From it we build the empirical bigram chain (the "truth"),
then iterate top-p truncation with no sampling noise (infinitely many tokens per generation), generation
after generation, exactly as :func:`analysis.collapse.vocab.truncated_iteration` does for the unigram: the
model of generation g+1 is the truncated sampling distribution of generation g. Types alive are the types the
chain still visits in the long run (its closed classes reachable from the previous generation's text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse import csgraph

from analysis.collapse import vocab
from analysis.house.data import in_world
from analysis.house.validation import checked_cache, require_in_range, require_int, require_nonnegative, require_vector

#: The text as a data source (a counterfactual world may transform it under this name).
CORPUS_SOURCE = "pydoc_data.topics"
#: A word: lower-case letters, with an inner apostrophe.
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
#: How many of the commonest words count as the "head" (as in the unigram toy).
HEAD_RANK = 10
#: Generations iterated (as :data:`analysis.collapse.evidence.TRUNCATION_GENERATIONS`).
N_GENERATIONS = 10
#: The most word types a chain may have (its sparse matrix has a row per type): a bound on memory, checked first.
MAX_TYPES = 10_000_000


def corpus_text() -> str:
    """The documentation text (every topic of ``pydoc_data.topics``, in key order, joined by blank lines)."""
    from pydoc_data.topics import topics

    text = "\n\n".join(topics[k] for k in sorted(topics))
    return str(in_world(CORPUS_SOURCE, text))


@dataclass(frozen=True)
class Corpus:
    """Word ids of the text and its vocabulary, ranked by frequency (id 0 = commonest)."""

    ids: np.ndarray
    words: tuple[str, ...]

    @property
    def n_types(self) -> int:
        return len(self.words)

    def unigram(self) -> np.ndarray:
        """Word probabilities (sorted, descending)."""
        c = np.bincount(self.ids, minlength=self.n_types).astype(float)
        return c / c.sum()


@checked_cache(maxsize=2)
def corpus() -> Corpus:
    """The tokenised text (ValueError if fewer than 1,000 words or 20 types: nothing to model)."""
    tokens = WORD.findall(corpus_text().lower())
    if len(tokens) < 1_000:
        raise ValueError(f"the corpus must hold at least 1,000 words; got {len(tokens)}")
    words, inverse, counts = np.unique(np.array(tokens), return_inverse=True, return_counts=True)
    if words.size < 20:
        raise ValueError(f"the corpus must hold at least 20 word types; got {words.size}")
    order = np.lexsort((words, -counts))  # by count, ties alphabetically
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    return Corpus(rank[inverse], tuple(words[order].tolist()))


def bigram_chain(ids, n_types: int) -> sparse.csr_matrix:
    """Row-stochastic matrix of next-word probabilities (maximum likelihood); the text is read as a loop
    (the last word is followed by the first), so every word has a continuation."""
    n = require_int("n_types", n_types, minimum=2, maximum=MAX_TYPES)
    raw = require_vector("ids", ids, require_nonnegative, min_length=2)
    if np.any(raw != np.floor(raw)):
        raise ValueError(f"ids must be whole word ids; got {raw[raw != np.floor(raw)][0]!r}")
    ids = np.asarray(ids, dtype=np.int64)
    if ids.ndim != 1 or ids.size < 2 or ids.min() < 0 or ids.max() >= n:
        raise ValueError(f"ids must be a 1-D array of at least 2 word ids in [0, {n}); got shape {ids.shape}")
    nxt = np.roll(ids, -1)
    m = sparse.csr_matrix((np.ones(ids.size), (ids, nxt)), shape=(n, n))
    m.sum_duplicates()
    rows = np.asarray(m.sum(axis=1)).ravel()
    return sparse.csr_matrix(sparse.diags(1.0 / np.where(rows > 0, rows, 1.0)) @ m)


def truncate_rows(chain: sparse.csr_matrix, top_p: float) -> sparse.csr_matrix:
    """Nucleus sampling in every context: each row cut to its most probable continuations holding at least
    ``top_p`` of the row's mass (ties kept in a stable order), and renormalised."""
    q = float(require_in_range("top_p", top_p, 0.0, 1.0))
    if q <= 0:
        raise ValueError(f"top_p must be positive; got {top_p!r}")
    m = sparse.csr_matrix(chain, copy=True)
    m.eliminate_zeros()
    if q >= 1.0 or m.nnz == 0:
        return m
    row = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    order = np.lexsort((m.indices, -m.data, row))
    data = m.data[order]
    csum = np.cumsum(data)
    start = np.repeat(csum[m.indptr[:-1]] - data[m.indptr[:-1]], np.diff(m.indptr)) if m.nnz else csum
    before = csum - data - start  # mass of the continuations ranked above, within the row
    keep = np.zeros(m.nnz, dtype=bool)
    keep[order] = before < q * 1.0
    out = sparse.csr_matrix((np.where(keep, m.data, 0.0), m.indices, m.indptr), shape=m.shape)
    out.eliminate_zeros()
    rows = np.asarray(out.sum(axis=1)).ravel()
    return sparse.csr_matrix(sparse.diags(1.0 / np.where(rows > 0, rows, 1.0)) @ out)


def long_run(chain: sparse.csr_matrix, start: np.ndarray, n_iter: int = 100) -> np.ndarray:
    """Long-run word distribution of the chain started from ``start``: mass on the closed classes reachable
    from the start's support, found from the graph's strongly connected components, each class weighted by
    the start mass that reaches it first, then spread by the lazy chain's power iteration."""
    n = chain.shape[0]
    start = require_vector("start", start, require_nonnegative)
    if start.size != n:
        raise ValueError(f"start must hold one mass per word of the chain ({n}); got {start.size}")
    n_iter = require_int("n_iter", n_iter, minimum=1, maximum=100_000)
    n_comp, label = csgraph.connected_components(chain, directed=True, connection="strong")
    comp_edges = sparse.csr_matrix((np.ones(chain.nnz), (label[np.repeat(np.arange(n), np.diff(chain.indptr))],
                                                          label[chain.indices])), shape=(n_comp, n_comp))
    comp_edges.setdiag(0)
    comp_edges.eliminate_zeros()
    closed = np.asarray(comp_edges.sum(axis=1)).ravel() == 0
    pi = np.asarray(start, dtype=float).copy()
    lazy_t = sparse.csr_matrix((0.5 * (chain + sparse.identity(n, format="csr"))).T)
    for _ in range(n_iter):
        pi = lazy_t @ pi
    pi = np.where(closed[label], pi, 0.0)
    total = pi.sum()
    return pi / total if total > 0 else np.asarray(start, dtype=float)


def _entropy_rate_bits(chain: sparse.csr_matrix, pi: np.ndarray) -> float:
    m = chain.tocoo()
    with np.errstate(divide="ignore"):
        h = -m.data * np.log2(m.data)
    per_row = np.bincount(m.row, weights=h, minlength=chain.shape[0])
    return float(pi @ per_row)


@dataclass(frozen=True)
class NgramTruncationPath:
    """Fate of the bigram chain and of its unigram marginal under top-p, generation after generation.

    Attributes
    ----------
    generation : ndarray of int
    types_alive_share : ndarray
        Share of the corpus's word types the bigram chain still produces in the long run.
    unigram_types_alive_share : ndarray
        The same for top-p applied to the corpus's unigram distribution (the chapter's toy, on this text).
    entropy_rate_bits, unigram_entropy_bits : ndarray
        Bits per word: the chain's entropy rate (next word given the previous), and the unigram entropy.
    head_mass, unigram_head_mass : ndarray
        Long-run share of the ``HEAD_RANK`` commonest words of the corpus.
    top_p : float
    n_types, n_tokens : int
    """

    generation: np.ndarray
    types_alive_share: np.ndarray
    unigram_types_alive_share: np.ndarray
    entropy_rate_bits: np.ndarray
    unigram_entropy_bits: np.ndarray
    head_mass: np.ndarray
    unigram_head_mass: np.ndarray
    top_p: float
    n_types: int
    n_tokens: int

    def table(self) -> pd.DataFrame:
        """One row per generation and model: ``generation``, ``model`` ("bigram, per context" or "unigram"),
        ``types_alive_share``, ``entropy_bits``, ``head_mass``."""
        g = self.generation
        return pd.concat([
            pd.DataFrame({"generation": g, "model": "bigram, per context", "types_alive_share": self.types_alive_share,
                          "entropy_bits": self.entropy_rate_bits, "head_mass": self.head_mass}),
            pd.DataFrame({"generation": g, "model": "unigram", "types_alive_share": self.unigram_types_alive_share,
                          "entropy_bits": self.unigram_entropy_bits, "head_mass": self.unigram_head_mass}),
        ], ignore_index=True)


@checked_cache(maxsize=8)
def truncation_path(top_p: float = 0.95, n_generations: int = N_GENERATIONS) -> NgramTruncationPath:
    """Iterate per-context and unigram top-p truncation on the corpus with no sampling noise.

    Parameters
    ----------
    top_p : float
        In (0, 1]; 1 changes nothing.
    n_generations : int
        Generations after the truth (generation 0).
    """
    q = float(require_in_range("top_p", top_p, 0.0, 1.0))
    if q <= 0:
        raise ValueError(f"top_p must be positive; got {top_p!r}")
    n_gen = require_int("n_generations", n_generations, minimum=1, maximum=1_000)
    c = corpus()
    p = c.unigram()
    chain = bigram_chain(c.ids, c.n_types)
    pi = long_run(chain, p)
    alive, ent, head = [], [], []
    for g in range(n_gen + 1):
        if g and q < 1.0:  # untruncated decoding with unlimited tokens changes nothing: no need to iterate
            chain = truncate_rows(chain, q)
            pi = long_run(chain, pi)
        if g and q >= 1.0:
            alive.append(alive[-1]), ent.append(ent[-1]), head.append(head[-1])
            continue
        alive.append(float((pi > 0).mean()))
        ent.append(_entropy_rate_bits(chain, pi))
        head.append(float(pi[:HEAD_RANK].sum()))
    uni = vocab.truncated_iteration(p, n_gen, top_p=q, tail_rank=min(1_000, p.size - 1), head_rank=HEAD_RANK)
    return NgramTruncationPath(np.arange(n_gen + 1), np.array(alive), uni.types_alive / p.size, np.array(ent),
                               uni.entropy_bits, np.array(head), uni.head_mass, q, c.n_types, int(c.ids.size))
