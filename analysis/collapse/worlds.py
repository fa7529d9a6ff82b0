"""Counterfactual worlds of the model-collapse chapter: transforms of the real inputs (Kazdan et al.'s published
runs, the wordfreq word list, the wordfreq sunset note and its date) under which an article's sentence is
plainly true or plainly false (issue 23).

Each function takes a copy of the real object, as :func:`analysis.house.data.world` hands it over, and returns
the world's version; the claims module names the worlds and the verdict a fair reader would give in each.
Most of the chapter's claims rest on simulations, so most of their worlds set simulation inputs instead
(``World.params``); the transforms here are for the inputs that are data.
"""

from __future__ import annotations

import re

import pandas as pd

#: File name of Kazdan et al.'s published runs (the key of a world's ``data``).
KAZDAN_FILE = "kazdan2024_collapse_or_thrive_gaussian_1d_summary.csv"
#: Source names of the wordfreq list, the sunset note and its date (see ``vocab.WORDFREQ_SOURCE`` and
#: ``sources.SUNSET_FILE`` / ``sources.SUNSET_DATE_SOURCE``; repeated here because a world module imports the
#: house only).
WORDFREQ_SOURCE = "wordfreq:en"
SUNSET_FILE = "wordfreq_SUNSET.md"
SUNSET_DATE_SOURCE = "wordfreq_SUNSET.md:date"

_STATS = ("fit_variance_mean", "fit_variance_median", "fit_variance_q05", "fit_variance_q95")


# --- Kazdan et al.'s runs ---------------------------------------------------------------------------

def accumulate_like_replace(frame: pd.DataFrame) -> pd.DataFrame:
    """Every ``Accumulate`` row takes the fitted-variance statistics of the ``Replace`` row with the same
    sample size and iteration: keeping the old data protects nothing."""
    out = frame.copy()
    key = ["num_samples_per_iteration", "model_fitting_iteration"]
    rep = frame[frame["setting"] == "Replace"].set_index(key)[list(_STATS)]
    acc = out["setting"] == "Accumulate"
    idx = pd.MultiIndex.from_frame(out.loc[acc, key])
    out.loc[acc, list(_STATS)] = rep.reindex(idx).to_numpy()
    return out


def accumulate_keeps_variance(frame: pd.DataFrame) -> pd.DataFrame:
    """Every ``Accumulate`` run keeps the true variance exactly (all four statistics 1)."""
    out = frame.copy()
    out.loc[out["setting"] == "Accumulate", list(_STATS)] = 1.0
    return out


def replace_spread_frozen(frame: pd.DataFrame) -> pd.DataFrame:
    """The 5-95 % band of every ``Replace`` setting stays at its width of the first iteration: the estimate
    does not wander."""
    out = frame.copy()
    for m, rows in out[out["setting"] == "Replace"].groupby("num_samples_per_iteration"):
        first = rows.sort_values("model_fitting_iteration").iloc[0]
        out.loc[rows.index, "fit_variance_q05"] = first["fit_variance_q05"]
        out.loc[rows.index, "fit_variance_q95"] = first["fit_variance_q95"]
    return out


# --- The word list ----------------------------------------------------------------------------------

def flat_word_list(n_words: int = 2_000):
    """A transform of the word table: only its ``n_words`` commonest words, all equally common (no tail)."""
    def transform(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.iloc[:n_words].copy()
        out["frequency"] = float(out["frequency"].mean())
        out["probability"] = 1.0 / len(out)
        return out
    return transform


# --- The sunset note ---------------------------------------------------------------------------------

def _sections(text: str) -> tuple[str, list[tuple[str, str]]]:
    parts = re.split(r"^## +(.+)$", text, flags=re.MULTILINE)
    return parts[0], list(zip(parts[1::2], parts[2::2]))


def _join(head: str, sections: list[tuple[str, str]]) -> str:
    return head + "".join(f"## {h}{b}" for h, b in sections)


def note_without_ai_section(text: str) -> str:
    """The note with its section on generative-AI pollution removed (two reasons left)."""
    head, sections = _sections(text)
    return _join(head, [(h, b) for h, b in sections if "polluted" not in h.lower()])


def note_ai_section_only(text: str) -> str:
    """The note with only its section on generative-AI pollution (the one reason)."""
    head, sections = _sections(text)
    return _join(head, [(h, b) for h, b in sections if "polluted" in h.lower()])


def note_still_updated(text: str) -> str:
    """The note without its AI section, and saying the lists will go on being updated."""
    return re.sub(r"(?i)will not be updated( anymore)?", "will be updated less often", note_without_ai_section(text))


def date_moved(year: int, month: int, day: int):
    """A transform of the note's date: it was published on ``year-month-day`` instead."""
    def transform(_date):
        return (int(year), int(month), int(day))
    return transform
