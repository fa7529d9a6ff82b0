"""Does the law hold four decades up? Published checks of scaling-law forecasts at frontier scale, beside this
chapter's own out-of-sample test (literature checks: none is a measurement of this book).

Every fitted curve of the chapter stops at the largest of Hoffmann et al.'s runs, about 3e21 FLOP. Three
developers published a forecast made from small runs and checked it against a flagship trained thousands of
times larger. Each record names the paper (bibtex key), the range the law was fitted on, the target, and the
error where the paper states one; ``checked`` says whether the text was read at a stored copy of the source
(``"source"``) or only in a secondary source (``"secondary"``), with the locations in the comments.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.house.validation import require_positive


@dataclass(frozen=True)
class FrontierCheck:
    """A scaling-law forecast checked against a frontier run.

    Attributes
    ----------
    study, key : str
        Who, and the bibtex key.
    fit_high_flop : float
        Largest training compute among the runs the law was fitted on (FLOP).
    target_flop : float
        Training compute of the run it forecast (FLOP).
    quantity : str
        What was forecast.
    predicted, actual : float
        The forecast and the outcome where both are published (NaN otherwise).
    outcome : str
        What the paper reports of the comparison, in words.
    checked : str
        ``"source"`` or ``"secondary"``.
    """

    study: str
    key: str
    fit_high_flop: float
    target_flop: float
    quantity: str
    predicted: float
    actual: float
    outcome: str
    checked: str


#: GPT-4 technical report (OpenAI 2023), Section 3.1: final loss on an internal code set forecast with
#: L(C) = a C^b + c from runs with at most 1/10,000 of GPT-4's compute, "with high accuracy" (shown in Figure 1,
#: no number in the text); Section 3.2: HumanEval pass rate on a subset from runs with at most 1/1,000. GPT-4's
#: compute is not published, so the ratios stand in for the FLOP (target 1e4 and 1e3 times the fit's top).
#: Read at stored copies of the report's Section 3 (rhkb.cn/news/1799.html reproduces it; the report at
#: fliphtml5.com/sbzbs/rzit/gpt-4/2).
GPT4_LOSS = FrontierCheck("GPT-4: final loss", "openai2023gpt4report", 1.0, 1e4, "loss on an internal code set",
                          np.nan, np.nan, "'predicted with high accuracy' (a figure; no number given)", "source")
GPT4_HUMANEVAL = FrontierCheck("GPT-4: HumanEval pass rate", "openai2023gpt4report", 1.0, 1e3,
                               "pass rate on a subset of HumanEval", np.nan, np.nan,
                               "'successfully predicted' (a figure; no number given)", "source")
#: Llama 3 (Dubey et al. 2024), Section 3.2.1: IsoFLOP runs between 6e18 and 1e22 FLOP, (alpha, A) = (0.53, 0.29)
#: for the compute-optimal tokens, extrapolated to 3.8e25 FLOP: 402B parameters on 16.55T tokens; the flagship was
#: 405B parameters (a choice the paper justifies by the flatness of the IsoFLOP curves near their minimum) on about
#: 15.6T tokens. The two-step forecast of ARC-Challenge accuracy (loss from compute, accuracy from loss)
#: "extrapolates over four orders of magnitude" and "only slightly underestimates" the flagship (Figure 4; no
#: number in the text). Read at a stored copy of the paper's text in the code corpus (find_string "402B parameter
#: model on 16.55T tokens", file id 7196610426, Section 3.2.1 and the paragraph after it).
LLAMA3_SIZE = FrontierCheck("Llama 3: compute-optimal size", "dubey2024llama3", 1e22, 3.8e25,
                            "compute-optimal parameters (B)", 402.0, 405.0, "flagship chosen at 405B", "source")
LLAMA3_TOKENS = FrontierCheck("Llama 3: compute-optimal tokens", "dubey2024llama3", 1e22, 3.8e25,
                              "compute-optimal training tokens (T)", 16.55, 15.6, "flagship trained on 15.6T",
                              "source")
LLAMA3_ARC = FrontierCheck("Llama 3: ARC-Challenge accuracy", "dubey2024llama3", 1e22, 3.8e25,
                           "benchmark accuracy, via the loss", np.nan, np.nan,
                           "'only slightly underestimates' (a figure; no number given)", "source")
#: DeepSeek LLM (Bi et al. 2024), Section 3.2: IsoFLOP runs at 8 budgets from 1e17 to 3e20 FLOP; the loss curve
#: fitted to them forecast the bits per byte of the 7B and 67B models, "well-predicted" (Figure 5), and "small-scale
#: experiments can accurately predict the performance of models with 1000x compute budget" (no number in the
#: text). Read at a stored copy of the paper's text in the code corpus (find_string "performance of DeepSeek LLM
#: 7B and 67B", file id 56176700488, Section 3.2). The target is the paper's own 1000x.
DEEPSEEK_LOSS = FrontierCheck("DeepSeek LLM: 7B and 67B loss", "bi2024deepseekllm", 3e20, 3e23,
                              "bits per byte on validation data", np.nan, np.nan,
                              "'well-predicted' (a figure; no number given)", "source")

CHECKS = (GPT4_LOSS, GPT4_HUMANEVAL, LLAMA3_SIZE, LLAMA3_TOKENS, LLAMA3_ARC, DEEPSEEK_LOSS)


def decades_ahead(fit_high_flop, target_flop) -> np.ndarray:
    """Decades (factors of ten) of compute between the largest fitted run and the forecast target."""
    return np.log10(require_positive("target_flop", target_flop) / require_positive("fit_high_flop", fit_high_flop))


def checks_table(checks=CHECKS) -> pd.DataFrame:
    """The published checks: ``study``, ``quantity``, ``decades`` (extrapolated; NaN where the fitted range is
    not known), ``predicted``, ``actual``, ``error_pct`` (actual over predicted, minus one, in per cent; NaN where
    no number is published), ``outcome``, ``key``, ``checked``."""
    if not isinstance(checks, (tuple, list)) or not checks or not all(isinstance(c, FrontierCheck) for c in checks):
        raise ValueError(f"checks must be a non-empty tuple of FrontierCheck; got {type(checks).__name__}")
    rows = []
    for c in checks:
        dec = float(decades_ahead(c.fit_high_flop, c.target_flop)) if np.isfinite(c.fit_high_flop) else np.nan
        err = 100 * (c.actual / c.predicted - 1) if np.isfinite(c.predicted) and np.isfinite(c.actual) else np.nan
        rows.append({"study": c.study, "quantity": c.quantity, "decades": dec, "predicted": c.predicted,
                     "actual": c.actual, "error_pct": err, "outcome": c.outcome, "key": c.key, "checked": c.checked})
    return pd.DataFrame(rows)
