"""Published figures on reasoning models' test-time scaling, the counter-evidence, and production energy per
request: literature checks of the test-time compute chapter (none is a measurement of this book).

Each figure names its paper (bibtex key), where in it the figure stands, and how it was checked: ``"source"``
when a stored copy of the paper or of its authors' page was read (the location is in the comment above it),
``"secondary"`` when it was read only in a secondary source (named in the comment).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.house.validation import require_positive
from analysis.testtime import kim2025 as kim


@dataclass(frozen=True)
class Figure:
    """One published figure.

    Attributes
    ----------
    value : float
    unit : str
    what : str
        What the figure measures, in words.
    key : str
        Bibtex key of the paper.
    where : str
        Where in the paper.
    checked : str
        ``"source"`` (read at a stored copy of the source) or ``"secondary"``.
    """

    value: float
    unit: str
    what: str
    key: str
    where: str
    checked: str


# --- Reasoning models: accuracy rises with test-time compute ------------------------------------------------
#: OpenAI, "Learning to reason with LLMs" (12 Sep 2024), AIME 2024: o1 74 % (11.1/15) with one sample, 83 % (12.5/15)
#: with a consensus of 64 samples, 93 % (13.9/15) re-ranking 1,000 samples with a learned scoring function; GPT-4o 12 %.
#: Read at a stored copy of the post's text in the code corpus (find_string "re-ranking 1000 samples with a
#: learned scoring", file id 69298739009, the evaluation paragraph and the table below it: pass@1 74.4, cons@64
#: 83.3), and its statement that o1 "consistently improves with more reinforcement learning ... and with more
#: time spent thinking" at the cached copy longtermwiki.com/resources/9edf2bd5938d8386.
O1_AIME_PASS1 = Figure(74.0, "% (AIME 2024)", "o1, one sample per problem", "openai2024o1", "Evals", "source")
O1_AIME_CONS64 = Figure(83.0, "% (AIME 2024)", "o1, consensus of 64 samples", "openai2024o1", "Evals", "source")
O1_AIME_RERANK1000 = Figure(93.0, "% (AIME 2024)", "o1, best of 1,000 re-ranked by a learned scorer", "openai2024o1",
                            "Evals", "source")
#: DeepSeek-R1-Zero's AIME 2024 pass@1 before and after RL (also in analysis.ledger.literature for TT-17), with
#: its response length growing during RL (Figure 3 of the paper; read in the paper's Section 2.2.4).
R1_ZERO_AIME = (Figure(15.6, "% (AIME 2024)", "DeepSeek-R1-Zero before RL", "deepseek2025r1", "Section 2.2.4", "source"),
                Figure(71.0, "% (AIME 2024)", "DeepSeek-R1-Zero after RL", "deepseek2025r1", "Section 2.2.4", "source"))
#: s1 (Muennighoff et al. 2025): budget forcing lifts s1-32B on AIME 2024 from 50 % without test-time intervention
#: to 57 %, and s1-32B exceeds o1-preview on competition maths (MATH and AIME24) by up to 27 %. Read at a stored
#: copy of the paper's text in the code corpus (find_string "s1-32B exceeds o1-preview on competition math",
#: file id 52103174884, abstract).
S1_AIME_NO_FORCING = Figure(50.0, "% (AIME 2024)", "s1-32B without budget forcing", "muennighoff2025s1", "Abstract",
                            "source")
S1_AIME = Figure(57.0, "% (AIME 2024)", "s1-32B with budget forcing", "muennighoff2025s1", "Abstract", "source")
S1_OVER_O1_PREVIEW = Figure(27.0, "% (relative)", "s1-32B over o1-preview on competition maths, at most",
                            "muennighoff2025s1", "Abstract", "source")
#: Wu et al. (ICLR 2025): Llemma-7B with REBASE tree search 46.8 % on MATH500 with 32 samples against Llemma-34B
#: sampling 46.7 % with 64, at about half the FLOPs. The abstract's claim (7B + tree search beats 34B under every
#: strategy) is read at the stored copy arxiv.org/html/2408.00724v3; the 46.8/46.7 % pair only in a secondary
#: source (anthonywest.co.uk explainer of Table 1).
WU_7B_REBASE = Figure(46.8, "% (MATH500)", "Llemma-7B + REBASE, 32 samples", "wu2025inference", "Table 1", "secondary")
WU_34B_SAMPLING = Figure(46.7, "% (MATH500)", "Llemma-34B sampling, 64 samples", "wu2025inference", "Table 1",
                         "secondary")

# --- Counter-evidence ------------------------------------------------------------------------------------------
#: Yue et al. (2025): RL-trained models beat their base models at pass@1, but the base models overtake them as k
#: grows to the hundreds (pass@256), on every benchmark and family tested. Read at the stored copies
#: limit-of-rlvr.github.io (authors' page) and the arXiv text 2504.13837v4 (abstract).
YUE_K_CROSSOVER = Figure(256.0, "samples", "pass@k at which base models beat RL-trained ones (their example)",
                         "yue2025rlvr", "Abstract; Figure 1", "source")
#: Gema et al. (2025), "Inverse scaling in test-time compute": on constraint-satisfaction tasks every model tested
#: loses accuracy as its reasoning is lengthened. Read at the stored copy aryopg.github.io/inverse_scaling
#: (abstract); a qualitative finding, one task family.
GEMA_FAMILIES_ALL_DEGRADE = Figure(1.0, "task family", "task families on which every model tested degrades with "
                                   "longer reasoning (constraint satisfaction)", "gema2025inverse", "Abstract", "source")

#: Chen et al. (ICML 2025), "Do NOT think that much for 2+3=?": o1-like models spent 1,953 % more tokens than
#: conventional models on "what is 2 plus 3?". Read only in a secondary source (a stored survey note in the code
#: corpus, file id 54655283703, section "Overthinking"); the paper's abstract (PMLR 267) is cited in another stored
#: note (file id 69405143312) for redundant solutions with little gain.
CHEN_OVERTHINKING_EXTRA_TOKENS = Figure(1953.0, "% more tokens", "o1-like models over conventional ones on '2 plus 3'",
                                        "chen2025overthinking", "Introduction", "secondary")

# --- Production energy per request ------------------------------------------------------------------------------
#: Epoch AI (You 2025): a typical GPT-4o query in ChatGPT ~0.3 Wh, an estimate from H100 power and token counts
#: (whole server, not GPU alone). Read at the stored copy epoch.ai/gradient-updates/how-much-energy-does-chatgpt-use.
EPOCH_GPT4O_WH = Figure(0.3, "Wh per query", "GPT-4o, typical ChatGPT query (estimate)", "you2025chatgptenergy",
                        "Summary", "source")
#: Google (Aug 2025): the median Gemini Apps text prompt 0.24 Wh (May 2025 data), measured across the serving fleet
#: with idle machines, host CPU and RAM and data-centre overhead included. The 0.24 Wh is read at a stored copy of
#: the blog post's highlights in the code corpus (find_string "median Gemini Apps text prompt uses 0.24", file id
#: 67086780051). The accelerators' 58 % share (host CPU and memory 25 %, idle machines 10 %, overhead 8 %) is read
#: only in secondary sources: MIT Technology Review (reprinted at news.warptechlab.com), blacknewsdaily.com, and a
#: stored note on the technical report (arXiv:2508.15734) in the code corpus (file id 71083469994).
GOOGLE_GEMINI_WH = Figure(0.24, "Wh per prompt", "median Gemini Apps text prompt (measured, full stack)",
                          "google2025geminienergy", "Blog post and technical report", "source")
GOOGLE_ACCELERATOR_SHARE = Figure(0.58, "share", "of that energy drawn by the accelerators", "google2025geminienergy",
                                  "Technical report", "secondary")

REASONING_FIGURES = (O1_AIME_PASS1, O1_AIME_CONS64, O1_AIME_RERANK1000, *R1_ZERO_AIME, S1_AIME_NO_FORCING, S1_AIME,
                     S1_OVER_O1_PREVIEW,
                     WU_7B_REBASE, WU_34B_SAMPLING, YUE_K_CROSSOVER, CHEN_OVERTHINKING_EXTRA_TOKENS)


def figures_table(figures=REASONING_FIGURES) -> pd.DataFrame:
    """The figures as a table: ``what``, ``value``, ``unit``, ``key``, ``where``, ``checked``."""
    if not isinstance(figures, (tuple, list)) or not figures or not all(isinstance(f, Figure) for f in figures):
        raise ValueError(f"figures must be a non-empty tuple of Figure; got {type(figures).__name__}")
    return pd.DataFrame([{"what": f.what, "value": f.value, "unit": f.unit, "key": f.key, "where": f.where,
                          "checked": f.checked} for f in figures])


def energy_anchors() -> pd.DataFrame:
    """Kim et al.'s single-request GPU energy of a chat request beside the production figures, and the gap.

    Returns
    -------
    pandas.DataFrame
        One row per production anchor: ``anchor``, ``wh`` (its energy per request), ``kim_70b_chat_wh`` (Kim et
        al.'s 70B single-turn chat, one request at a time, GPU only), ``gap`` (Kim over the anchor), and
        ``scope`` (what the anchor counts).
    """
    kim_wh = kim.energy_wh_per_query("70B", "ShareGPT")
    anchors = [("Epoch AI: GPT-4o query (estimate)", EPOCH_GPT4O_WH.value, "server, estimated"),
               ("Google: median Gemini prompt", GOOGLE_GEMINI_WH.value, "full stack, measured"),
               ("Google: accelerators alone", GOOGLE_GEMINI_WH.value * GOOGLE_ACCELERATOR_SHARE.value,
                "accelerators, measured")]
    return pd.DataFrame([{"anchor": a, "wh": wh, "kim_70b_chat_wh": kim_wh, "gap": kim_wh / wh, "scope": s}
                         for a, wh, s in anchors])


def search_scale_power_w(gap) -> np.ndarray:
    """Power (W) of the heaviest agent (70B Reflexion) at search-engine traffic if production serving cut its
    single-request energy by the factor ``gap`` (a gain of the size the production anchors show for chat)."""
    g = require_positive("gap", gap)
    unbatched = kim.fleet_power_w(kim.energy_wh_per_query("70B", "Reflexion"), kim.KIM_TRAFFIC_SEARCH)
    return unbatched / g
