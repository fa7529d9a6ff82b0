"""Why Kaplan et al. found N_opt ∝ C^0.73 and Hoffmann et al. about C^0.5: the reconciliation, on real runs.

Two published explanations, both tested here on data:

* Porian et al. (2024, arXiv:2406.19146, bibtex ``porian2024resolving``) reproduce Kaplan's exponent on
  their own IsoFLOP runs and remove it step by step: counting the last layer's FLOPs, a warmup suited to
  small models, a cosine learning-rate decay per budget, and tuned optimiser settings. Their IsoFLOP points
  are in ``analysis/data/porian2024_isoflop_points.csv``; :func:`reconcile_kaplan_chinchilla` refits the
  exponent of every setting from those points and compares it with their published value and interval.
* Pearce & Song (2024, arXiv:2406.12907, bibtex ``pearce2024reconciling``) attribute most of the gap to
  counting *non-embedding* parameters and fitting at small scale, where the embedding matrix is a large
  share of a model. :func:`embedding_shares` reads that share off Hoffmann et al.'s Table A9, and
  :func:`non_embedding_exponent` shows the local exponent that a non-embedding count produces.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd
from scipy.interpolate import Akima1DInterpolator

from analysis.house import charts, fitting
from analysis.house.data import (load_chinchilla_architectures, load_porian_fits, load_porian_optima,
                                 load_porian_points)
from analysis.house.validation import require_in_range, require_int, require_positive, require_same_shape

#: The order of Porian et al.'s steps (their Table 1): each row removes one more difference from Kaplan's setup.
PORIAN_STEPS = (
    "Reproducing Kaplan et al.",
    "Counting last layer FLOPs",
    "Counting last layer and attention FLOPs",
    "Correcting warmup",
    "Cosine decay",
    "Optimizer tuning (no decay)",
    "Kaplan Adjusted",
)
#: Points on a grid of this many log-N values when the Akima interpolant's minimum is searched.
_GRID = 2001


def isoflop_optimum(n_params, loss) -> float:
    """Loss-minimising model size on one IsoFLOP curve, as Porian et al. find it: an Akima interpolant of
    log loss against log N, minimised on a fine grid. NaN when the minimum lies on the edge of the sizes
    tried (the curve does not bracket its optimum) or fewer than three sizes were run.

    Parameters
    ----------
    n_params, loss : array_like
        Model sizes (parameters) and their losses (nats/token) at one compute budget.
    """
    N = require_positive("n_params", n_params)
    L = require_positive("loss", loss)
    require_same_shape(n_params=N, loss=L)
    order = np.argsort(N)
    x, y = np.log(N[order]), np.log(L[order])
    x, keep = np.unique(x, return_index=True)
    y = y[keep]
    if x.size < 3:
        return float("nan")
    grid = np.linspace(x[0], x[-1], _GRID)
    values = Akima1DInterpolator(x, y)(grid)
    i = int(np.nanargmin(values))
    if i in (0, _GRID - 1):
        return float("nan")
    return float(np.exp(grid[i]))


def allocation_exponent(budgets, n_opt) -> float:
    """Slope ``a`` of ``ln N_opt`` against ``ln C`` by least squares (N_opt ∝ C^a)."""
    C = require_positive("budgets", budgets)
    N = require_positive("n_opt", n_opt)
    require_same_shape(budgets=C, n_opt=N)
    if C.size < 3:
        raise ValueError(f"budgets needs at least 3 budgets with an optimum; got {C.size}")
    return float(np.polyfit(np.log(C), np.log(N), 1)[0])


def _setting_name(label: str, param_count: str) -> str:
    if param_count == "attention" and "attention" not in label:
        return f"{label} (attention counted)"
    return label


@dataclass(frozen=True)
class SettingOptima:
    """The compute-optimal size per budget of one Porian et al. setting, refitted from its IsoFLOP points."""

    setting: str
    dataset: str
    budgets: np.ndarray
    n_opt: np.ndarray


@lru_cache(maxsize=1)
def porian_optima() -> tuple[SettingOptima, ...]:
    """Every setting's optima, refitted from the IsoFLOP points at the budgets Porian et al. kept (they
    dropped budgets whose optimum fell on the edge of the sizes run)."""
    points = load_porian_points()
    theirs = load_porian_optima().dropna(subset=["n_opt"])
    fits = load_porian_fits().set_index("setting_id")
    out = []
    for sid, g in points.groupby("setting_id", sort=False):
        kept = set(theirs.loc[theirs["setting_id"] == sid, "flop_budget"])
        budgets, n_opt = [], []
        for budget, curve in g.groupby("flop_budget"):
            if budget not in kept:
                continue
            n = isoflop_optimum(curve["n_params"], curve["loss"])
            if np.isfinite(n):
                budgets.append(budget)
                n_opt.append(n)
        row = fits.loc[sid]
        out.append(SettingOptima(_setting_name(row["setting_label"], row["param_count"]), row["dataset"],
                                 np.array(budgets), np.array(n_opt)))
    return tuple(out)


@lru_cache(maxsize=8)
def _reconcile(n_boot: int, seed: int, level: float) -> pd.DataFrame:
    fits = load_porian_fits()
    rng = np.random.default_rng(seed)
    rows = []
    for opt, (_, pub) in zip(porian_optima(), fits.iterrows()):
        a = allocation_exponent(opt.budgets, opt.n_opt)
        k = opt.budgets.size
        draws = []
        for _ in range(n_boot):
            idx = rng.integers(0, k, k)
            if np.unique(opt.budgets[idx]).size < 3:
                continue
            draws.append(allocation_exponent(opt.budgets[idx], opt.n_opt[idx]))
        lo, hi = fitting.percentile_interval(draws, level)
        rows.append({"setting": opt.setting, "dataset": "RefinedWeb" if opt.dataset == "rw" else "OpenWebText2",
                     "a": a, "a_low": lo, "a_high": hi, "a_published": float(pub["a_n_exponent"]),
                     "a_published_low": float(pub["a_ci_lo"]), "a_published_high": float(pub["a_ci_hi"]),
                     "budgets": int(k)})
    frame = pd.DataFrame(rows)
    frame["within_published"] = ((frame["a"] >= frame["a_published_low"])
                                 & (frame["a"] <= frame["a_published_high"]))
    frame["step"] = frame["setting"].map(lambda s: next(i for i, p in enumerate(PORIAN_STEPS) if s.startswith(p)))
    return frame.sort_values(["dataset", "step"], ascending=[False, True], kind="stable").reset_index(drop=True)


def reconcile_kaplan_chinchilla(n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Porian et al.'s steps from Kaplan's setup to Chinchilla's, refitted from their IsoFLOP points.

    For each setting and dataset: the optimum of every IsoFLOP curve (:func:`isoflop_optimum`), then the
    allocation exponent ``a`` (N_opt ∝ C^a) by least squares across budgets; the interval resamples budgets
    with replacement (``n_boot`` draws, seeded; percentile interval at ``level``, 0.95 like the paper's).

    Returns
    -------
    pandas.DataFrame
        One row per setting and dataset, in the order of the steps: ``setting``, ``dataset``, ``a``,
        ``a_low``, ``a_high``, ``a_published`` (Porian et al.'s value), ``a_published_low``,
        ``a_published_high`` (their 95% interval), ``budgets``, ``within_published`` and ``step``.
    """
    n_boot = require_int("n_boot", n_boot, minimum=20, maximum=100_000)
    seed = require_int("seed", seed, minimum=0)
    require_in_range("level", level, 0.0, 1.0, inclusive=False)
    return _reconcile(n_boot, seed, float(level)).copy()


def reconcile_chart(table: pd.DataFrame) -> alt.LayerChart:
    """The exponent at each step, ours with its interval and Porian et al.'s published value, per dataset."""
    frame = table.assign(label=table["step"].astype(str) + ". " + table["setting"])
    order = list(dict.fromkeys(frame["label"]))
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    x = charts.x("a:Q", "allocation exponent a (N_opt ∝ C^a)", (0.4, 0.95))
    colour = alt.Color("dataset:N", title="dataset", scale=charts.colour_scale({"RefinedWeb": "our fit",
                                                                                "OpenWebText2": "data"}))
    offset = alt.YOffset("dataset:N")
    bars = alt.Chart(frame).mark_rule(strokeWidth=2).encode(y=y, yOffset=offset, x=alt.X("a_low:Q"), x2="a_high:Q",
                                                            color=colour)
    ours = alt.Chart(frame).mark_point(filled=True, size=60).encode(
        y=y, yOffset=offset, x=x, color=colour,
        tooltip=["setting:N", "dataset:N", alt.Tooltip("a:Q", format=".3f", title="a (refit)"),
                 alt.Tooltip("a_low:Q", format=".3f"), alt.Tooltip("a_high:Q", format=".3f"),
                 alt.Tooltip("a_published:Q", format=".3f", title="a (published)")])
    published = alt.Chart(frame).mark_tick(thickness=2, size=12, color=charts.colour("published")).encode(
        y=y, yOffset=offset, x="a_published:Q")
    refs = alt.Chart(pd.DataFrame({"a": [0.5, 0.73], "rule": ["Hoffmann et al. ≈ 0.5", "Kaplan et al. 0.73"]})).mark_rule(
        strokeDash=[4, 3], color=charts.colour("reference")).encode(x="a:Q", tooltip=["rule:N"])
    chart = (refs + bars + ours + published).properties(height=420, title=alt.Title(
        "From Kaplan's exponent to Chinchilla's, one change at a time",
        subtitle="dots and bars: our refit with a 95% interval; ticks: Porian et al.'s published values"))
    return charts.figure(
        chart, name="fig-ch-porian",
        description=(f"For each of {len(frame)} settings of Porian et al. (2024), in the order of their steps, the "
                     "allocation exponent refitted here from their IsoFLOP points with its interval and their "
                     "published value, on two datasets; it falls from about 0.85 to about 0.5."),
        source="Porian et al. (2024) IsoFLOP points and published fits; refit: this book",
        data=frame.drop(columns=["label"]))


# --- Pearce & Song: embedding parameters -------------------------------------------------------------

def embedding_shares() -> pd.DataFrame:
    """Hoffmann et al.'s Table A9 with non-embedding parameters counted from the architecture.

    Non-embedding parameters per layer: attention ``4 d (heads x kv_size)`` plus feed-forward
    ``2 d ffw_size`` (biases, norms and position terms neglected, so the count comes to 85-96 % of the reported
    size); the embedding is ``vocab x d``. Columns ``reported``,
    ``non_embedding``, ``embedding`` (parameters) and ``embedding_share`` (of the computed total).
    """
    a = load_chinchilla_architectures()
    d, L = a["d_model"].astype(float), a["n_layers"].astype(float)
    per_layer = 4 * d * a["n_heads"] * a["kv_size"] + 2 * d * a["ffw_size"]
    non_emb = L * per_layer
    emb = a["Vocab Size"] * d
    return pd.DataFrame({"d_model": a["d_model"], "n_layers": a["n_layers"],
                         "reported": a["Reported Parameters (M)"] * 1e6, "non_embedding": non_emb,
                         "embedding": emb, "embedding_share": emb / (emb + non_emb)})


@dataclass(frozen=True)
class EmbeddingLaw:
    """``embedding = k * non_embedding**p`` fitted across Table A9 (width grows slower than size)."""

    k: float
    p: float

    def total(self, non_embedding) -> np.ndarray:
        N = require_positive("non_embedding", non_embedding)
        return N + self.k * N**self.p


@lru_cache(maxsize=1)
def embedding_law() -> EmbeddingLaw:
    """Least-squares fit of log embedding on log non-embedding parameters over the 50 architectures."""
    t = embedding_shares()
    p, logk = np.polyfit(np.log(t["non_embedding"]), np.log(t["embedding"]), 1)
    return EmbeddingLaw(float(np.exp(logk)), float(p))


def non_embedding_exponent(C_flop, total_exponent: float = 0.5, N_at_1e21: float = 1.4e9) -> np.ndarray:
    """Local exponent d ln N_nonembedding / d ln C when the *total* size grows as C^total_exponent.

    A compute-optimal total size ``N_T = N_at_1e21 (C / 1e21)**total_exponent`` (the default is near the
    Chinchilla fits' size at 1e21 FLOP) is converted to non-embedding parameters with :func:`embedding_law`;
    its local slope is what a fit of non-embedding sizes against compute measures. It exceeds
    ``total_exponent`` at small budgets, where the embedding is a large share, and tends to it at large ones.
    """
    C = require_positive("C_flop", C_flop)
    total_exponent = float(require_positive("total_exponent", total_exponent))
    N_at_1e21 = float(require_positive("N_at_1e21", N_at_1e21))
    law = embedding_law()
    logC = np.log(C)
    NT = N_at_1e21 * (C / 1e21) ** total_exponent
    grid = np.logspace(2, 14, 4000)
    NE = np.interp(np.log(NT), np.log(law.total(grid)), np.log(grid))
    h = 1e-3
    NT_h = N_at_1e21 * (np.exp(logC + h) / 1e21) ** total_exponent
    NE_h = np.interp(np.log(NT_h), np.log(law.total(grid)), np.log(grid))
    return (NE_h - NE) / h
