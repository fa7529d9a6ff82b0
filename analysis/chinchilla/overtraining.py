"""Over-training on real runs, and the compute-optimal size once inference is counted.

Does a law fitted on runs near 20 tokens per parameter predict runs trained far longer? Three public sets of
finished runs answer it: Gadre et al. (2024, bibtex ``gadre2024overtraining``; 5 to 640 tokens per
parameter, three datasets), the Gemstones cool-down runs (McLeish et al. 2025, ``mcleish2025gemstones``; up
to about 2,300) and the OLMo model ladder (Bhagia et al. 2024, ``bhagia2024ladder``; up to 200). Each set is
fitted with Hoffmann et al.'s law (:func:`analysis.chinchilla.refit.fit_parametric_loss`) on its runs at or below
:data:`FIT_MAX_TOKENS_PER_PARAM` and the rest are predicted; errors are summarised per band of tokens per
parameter (:data:`BANDS`).

The inference-aware optimum follows Sardana & Frankle (2024, ``sardana2024beyond``): the model that reaches
a target loss with the least training *plus* inference compute, for a given lifetime of served tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize

from analysis.chinchilla.law import (INFER_FLOP_PER_PARAM_TOKEN, TRAIN_FLOP_PER_PARAM_TOKEN, _constants,
                                     compute_optimal_allocation, compute_to_reach)
from analysis.chinchilla.refit import fit_parametric_loss
from analysis.house.data import load_gadre_runs, load_gemstones, load_olmo_ladder
from analysis.house.validation import (checked_cache, require_in_range, require_number, require_positive,
                                       require_positive_number, require_vector)

#: Runs at or below this many tokens per parameter are the "near 20" fitting set (20 x 2).
FIT_MAX_TOKENS_PER_PARAM = 40.0
#: Bands of tokens per parameter in which prediction errors are summarised (edges; the first is the fit set).
BANDS = (0.0, 40.0, 100.0, 300.0, 1000.0, 3000.0)


def band_label(tpp) -> np.ndarray:
    """The band of :data:`BANDS` (as text, e.g. ``"100-300"``) of each tokens-per-parameter value."""
    t = require_positive("tpp", tpp)
    if np.any(t > BANDS[-1]):
        raise ValueError(f"tpp must be at most {BANDS[-1]:g}; got {np.max(t):g}")
    idx = np.searchsorted(BANDS, t, side="left") - 1
    labels = np.array([f"{BANDS[i]:g}-{BANDS[i + 1]:g}" for i in range(len(BANDS) - 1)])
    return labels[np.clip(idx, 0, len(labels) - 1)]


def run_sets() -> dict[str, pd.DataFrame]:
    """The finished runs, one frame per group fitted separately, with columns ``N``, ``D``, ``tpp``, ``loss``.

    Gadre et al. trained on three datasets (one group each, loss on C4 eval); Gemstones' cool-down ends
    (Dolma validation loss); the OLMo ladder without reruns (C4 validation loss).
    """
    sets = {}
    g = load_gadre_runs()
    for label, s in g.groupby("dataset_label", sort=True):
        sets[f"Gadre et al., {label}"] = pd.DataFrame({"N": s["params"], "D": s["tokens"],
                                                       "tpp": s["tokens_per_param"], "loss": s["loss_c4_val"]})
    gm = load_gemstones()
    sets["Gemstones"] = pd.DataFrame({"N": gm["params"], "D": gm["tokens"], "tpp": gm["tokens_per_param"],
                                      "loss": gm["val_loss"]})
    o = load_olmo_ladder()
    sets["OLMo ladder"] = pd.DataFrame({"N": o["N_params"], "D": o["tokens"], "tpp": o["tokens_per_param"],
                                        "loss": o["ce_c4_en"]})
    return {k: v.reset_index(drop=True) for k, v in sets.items()}


@checked_cache(maxsize=4)
def prediction_errors(fit_max_tpp: float = FIT_MAX_TOKENS_PER_PARAM) -> pd.DataFrame:
    """Every run's loss predicted by the law fitted to its group's runs at or below ``fit_max_tpp``.

    Returns a frame with ``source``, ``N``, ``D``, ``tpp``, ``loss``, ``predicted``, ``error`` (relative:
    predicted / measured - 1; negative = the law is too optimistic), ``in_fit`` and ``band``; and, from a
    second fit to *all* of the group's runs, ``error_all`` (the in-sample error: can the form describe
    over-trained runs at all?).
    """
    fit_max_tpp = float(require_positive("fit_max_tpp", fit_max_tpp))
    frames = []
    for source, s in run_sets().items():
        mask = (s["tpp"] <= fit_max_tpp).to_numpy()
        if mask.sum() <= 5:
            raise ValueError(f"fit_max_tpp = {fit_max_tpp:g} leaves {int(mask.sum())} runs of {source} to fit; "
                             "need more than 5")
        near = fit_parametric_loss(s["N"][mask], s["D"][mask], s["loss"][mask])
        every = fit_parametric_loss(s["N"], s["D"], s["loss"])
        pred = near.predict(s["N"], s["D"])
        frames.append(s.assign(source=source, predicted=pred, error=pred / s["loss"] - 1, in_fit=mask,
                               band=band_label(s["tpp"]),
                               error_all=every.predict(s["N"], s["D"]) / s["loss"] - 1))
    return pd.concat(frames, ignore_index=True)


def errors_by_band(errors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mean signed and mean absolute relative error of the out-of-fit predictions per source and band, and
    the in-sample error of the all-runs fit in the same runs (``mean_error_all``)."""
    e = prediction_errors() if errors is None else errors
    held = e[~e["in_fit"]]
    table = held.groupby(["source", "band"], sort=False).agg(
        runs=("error", "size"), mean_error=("error", "mean"),
        mean_abs_error=("error", lambda x: float(np.mean(np.abs(x)))),
        mean_error_all=("error_all", "mean"))
    table = table.reset_index()
    table["band_low"] = table["band"].map(lambda b: float(b.split("-")[0]))
    return table.sort_values(["source", "band_low"], kind="stable").reset_index(drop=True)


def pooled_errors_by_band(errors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Out-of-fit errors pooled over the sources, per band: ``runs``, ``mean_error``, ``mean_abs_error``."""
    e = prediction_errors() if errors is None else errors
    held = e[~e["in_fit"]]
    t = held.groupby("band").agg(runs=("error", "size"), mean_error=("error", "mean"),
                                 mean_abs_error=("error", lambda x: float(np.mean(np.abs(x)))),
                                 mean_abs_error_all=("error_all", lambda x: float(np.mean(np.abs(x)))))
    t = t.reset_index()
    t["band_low"] = t["band"].map(lambda b: float(b.split("-")[0]))
    return t.sort_values("band_low").reset_index(drop=True)


def fixed_data_pairs(min_size_ratio: float = 1.0) -> pd.DataFrame:
    """Gemstones cool-down runs that saw the same number of tokens: for every pair of models in one token
    group whose sizes differ (by at least ``min_size_ratio``, when above 1), whether the larger model reached the
    lower loss. Columns ``tokens``, ``pairs``, ``larger_wins``."""
    min_size_ratio = float(require_in_range("min_size_ratio", min_size_ratio, 1.0, 1e6))
    gm = load_gemstones()
    rows = []
    for tokens, g in gm.groupby("cooldown_start_tokens"):
        N, L = g["params"].to_numpy(), g["val_loss"].to_numpy()
        i, j = np.triu_indices(len(N), 1)
        differ = (N[i] != N[j]) & (np.maximum(N[i], N[j]) >= min_size_ratio * np.minimum(N[i], N[j]))
        i, j = i[differ], j[differ]
        bigger_lower = np.where(N[i] > N[j], L[i] < L[j], L[j] < L[i])
        rows.append({"tokens": float(g["tokens"].median()), "pairs": int(len(i)),
                     "larger_wins": int(bigger_lower.sum())})
    return pd.DataFrame(rows)


# --- Inference-aware optimum (Sardana & Frankle 2024) --------------------------------------------------

@dataclass(frozen=True)
class InferenceOptimum:
    """The model that reaches ``loss`` with the least training plus inference compute.

    Attributes
    ----------
    loss : float
        Target loss (nats/token).
    served_tokens : float
        Lifetime inference tokens.
    N, D : float
        Parameters and training tokens of the optimum.
    total_flop : float
        ``6 N D + 2 N served_tokens``.
    chinchilla_N, chinchilla_D, chinchilla_total_flop : float
        The training-compute-optimal model that reaches the same loss, and its total compute.
    """

    loss: float
    served_tokens: float
    N: float
    D: float
    total_flop: float
    chinchilla_N: float
    chinchilla_D: float
    chinchilla_total_flop: float

    @property
    def tokens_per_param(self) -> float:
        return self.D / self.N

    @property
    def saving(self) -> float:
        """Total compute of the training-optimal model over that of the inference-aware one (>= 1)."""
        return self.chinchilla_total_flop / self.total_flop


def tokens_for_loss(N, loss, fit) -> np.ndarray:
    """Training tokens a model of ``N`` parameters needs to reach ``loss`` under ``fit`` (inf if it cannot)."""
    N = require_positive("N", N)
    loss = require_positive_number("loss", loss)
    _constants(fit)
    rest = loss - fit.E - fit.A * N ** (-fit.alpha)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(rest > 0, (fit.B / np.where(rest > 0, rest, 1.0)) ** (1.0 / fit.beta), np.inf)


def inference_optimum(fit, loss: float, served_tokens: float) -> InferenceOptimum:
    """Minimise ``6 N D(N) + 2 N T`` over ``N`` with ``D(N)`` the tokens reaching ``loss`` (Sardana & Frankle)."""
    _constants(fit)
    loss = require_positive_number("loss", loss)
    if loss <= fit.E:
        raise ValueError(f"loss must exceed the fit's irreducible loss E = {fit.E:.3f}; got {loss}")
    T = require_number("served_tokens", served_tokens, 0.0)
    N_min = (fit.A / (loss - fit.E)) ** (1.0 / fit.alpha)  # below this size the loss is out of reach
    if not 0 < N_min < np.inf:
        raise ValueError(f"loss {loss!r} is beyond the fit's range: no finite model size reaches it sensibly")

    def total(logN):
        N = np.exp(logN)
        return float(np.log(TRAIN_FLOP_PER_PARAM_TOKEN * N * tokens_for_loss(N, loss, fit)
                            + INFER_FLOP_PER_PARAM_TOKEN * N * T))

    lo = np.log(N_min) + 1e-6
    sol = optimize.minimize_scalar(total, bounds=(lo, lo + np.log(1e6)), method="bounded",
                                   options={"xatol": 1e-8})
    N = float(np.exp(sol.x))
    D = float(tokens_for_loss(N, loss, fit))
    Nc, Dc = _chinchilla_for_loss(fit, loss)
    return InferenceOptimum(loss, T, N, D, float(np.exp(sol.fun)), Nc, Dc,
                            TRAIN_FLOP_PER_PARAM_TOKEN * Nc * Dc + INFER_FLOP_PER_PARAM_TOKEN * Nc * T)


def _chinchilla_for_loss(fit, loss):
    N, D = compute_optimal_allocation(compute_to_reach(loss, fit), fit)
    return float(N), float(D)


def inference_table(fit, loss: float, log10_tokens=np.arange(9.0, 16.01, 0.5)) -> pd.DataFrame:
    """:func:`inference_optimum` at every ``10**log10_tokens`` served tokens, as a table."""
    grid = require_vector("log10_tokens", log10_tokens)
    rows = []
    for lt in grid:
        o = inference_optimum(fit, loss, 10.0**lt)
        rows.append({"log10_tokens": round(float(lt), 2), "N": o.N, "D": o.D, "tokens_per_param": o.tokens_per_param,
                     "total_flop": o.total_flop, "saving": o.saving})
    return pd.DataFrame(rows)


