"""How much machine-written text there is, against how much the simulations assume; strong model collapse
in its simplest setting; and which of the literature's definitions of "collapse" each claim uses.

* Measured shares (Liang et al. 2024 and 2025, Dolezal et al. 2026, Kapwing 2025) are read from the curated
  file of :mod:`analysis.datawall.supply` (each row with its source and where it was checked).
* :func:`strong_collapse_curve`: Dohmatob et al. (ICLR 2025, ``dohmatob2025strong``) show in regression that
  a fixed fraction of synthetic data, however small, stops the gains of more data. We reproduce the simplest
  case: ordinary least squares on isotropic Gaussian features, a share ``pi`` of the labels coming from a
  generator that is itself a least-squares fit to ``n0`` real samples.
* :data:`DEFINITIONS`: the eight definitions of model collapse that Schaeffer et al. (2025,
  ``schaeffer2025position``) find in the literature, as named in the authors' own analysis code
  (``definition_columns`` of their notebook ``90_definitions_schematic``, read in a stored copy).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize

from analysis.collapse import gaussian as mc
from analysis.collapse import tails
from analysis.datawall import supply
from analysis.house.validation import require_in_range, require_int, require_positive, require_seed, require_vector

# --- The definitions -------------------------------------------------------------------------------

DEFINITIONS = (
    "Catastrophic Increase of Population Risk",
    "Any Increase of Population Risk",
    "Asymptotically Diverging Population Risk",
    "Change in Scaling Law",
    "Collapsing Variance",
    "Entanglement of Real Data Mode(s)",
    "Disappearance of Real Tail Data",
    "Appearance of Hallucinated Data",
)

#: The definition each scored claim of the chapter tests (by what its checks measure), in Schaeffer et al.'s
#: words. MC-10, MC-14 and MC-15 are about the web and detectors, not about collapse, so they use none.
CLAIM_DEFINITIONS = {
    "MC-1": ("Disappearance of Real Tail Data", "Collapsing Variance"),
    "MC-2": ("Collapsing Variance",),
    "MC-3": ("Collapsing Variance",),
    "MC-4": ("Asymptotically Diverging Population Risk",),
    "MC-5": ("Collapsing Variance",),
    "MC-6": ("Any Increase of Population Risk",),
    "MC-7": ("Any Increase of Population Risk", "Disappearance of Real Tail Data"),
    "MC-8": ("Collapsing Variance",),
    "MC-9": ("Collapsing Variance", "Any Increase of Population Risk"),
    "MC-11": ("Catastrophic Increase of Population Risk",),
    "MC-12": ("Collapsing Variance",),
    "MC-18": ("Collapsing Variance",),
}


def definitions_table() -> pd.DataFrame:
    """One row per definition: ``definition`` and ``claims`` (the chapter's claims that use it, comma-separated,
    or an empty string)."""
    rows = []
    for d in DEFINITIONS:
        used = [cid for cid, ds in CLAIM_DEFINITIONS.items() if d in ds]
        rows.append({"definition": d, "claims": ", ".join(used)})
    return pd.DataFrame(rows)


# --- Measured shares -------------------------------------------------------------------------------

#: (curated key, what was measured, short label, scope) for every measured share of machine-written content.
MEASURED = (
    ("liang2024_cs_papers_share", "Computer Science paper abstracts (sentences LLM-modified), Feb 2024",
     "CS paper abstracts, 2024", "text"),
    ("liang2024_math_nature_share", "Mathematics papers and Nature journals, Feb 2024", "maths, Nature papers, 2024",
     "text"),
    ("liang2025_complaints_share", "US financial consumer complaints, late 2024", "consumer complaints, 2024", "text"),
    ("liang2025_press_release_share", "corporate press releases, late 2024 (up to)", "press releases, 2024", "text"),
    ("liang2025_job_posting_share", "job postings of small firms, late 2024", "small-firm job posts, 2024", "text"),
    ("liang2025_un_press_share", "UN press releases, late 2024", "UN press releases, 2024", "text"),
    ("dolezal2026_new_websites_share", "newly published English websites, mid-2025 (AI-generated or -assisted)",
     "new English websites, 2025", "text"),
    ("kapwing_shorts", "first 500 YouTube Shorts shown to a new account, Nov 2025", "Shorts fed to a new account",
     "video"),
)


def measured_shares() -> pd.DataFrame:
    """The measured shares: ``key``, ``what``, ``label`` (short), ``scope``, ``share`` (in [0, 1]), ``status``
    ("checked" or "secondary", from the curated file)."""
    f = supply.figures()
    status = supply.load_status()
    rows = []
    for key, what, label, scope in MEASURED:
        if key == "kapwing_shorts":
            share, st = f["kapwing_shorts_ai"] / f["kapwing_shorts_shown"], status["kapwing_shorts_ai"]
        else:
            share, st = f[key], status[key]
        rows.append({"key": key, "what": what, "label": label, "scope": scope, "share": float(share), "status": st})
    return pd.DataFrame(rows)


def stock_share_from_flow(flow_share: float, stock_growth: float, years: float) -> float:
    """Share of a stock made of machine text when a share ``flow_share`` of everything added during the last
    ``years`` is machine text and the stock grows by ``stock_growth`` a year: flow x (1 - growth^-years)."""
    s = float(require_in_range("flow_share", flow_share, 0.0, 1.0))
    g = float(require_positive("stock_growth", stock_growth))
    if g < 1.0:
        raise ValueError(f"stock_growth must be at least 1 (a stock that grows); got {stock_growth!r}")
    t = float(require_in_range("years", years, 0.0, 1_000.0))
    return s * (1.0 - g ** (-t))


# --- What share makes the simulations' damage material ----------------------------------------------

def gaussian_biting_share(generations: int = 100, sample_size: int = 20, loss: float = 0.05) -> float:
    """Smallest synthetic share (a multiple of 1/sample_size) at which the mix-mode normal's expected fitted
    variance after ``generations`` is more than ``loss`` below its all-real value (closed form; the MLE's own
    bias is in both, so it cancels); 1.0 if only full replacement does it."""
    n = require_int("generations", generations, minimum=1, maximum=mc.MAX_GENERATIONS)
    m = require_int("sample_size", sample_size, minimum=2, maximum=1_000_000)
    f = float(require_in_range("loss", loss, 0.0, 1.0, inclusive=False))
    base = mc.expected_moments(n, m, mode="mix", real_fraction=1.0).variance[-1]
    for synthetic in range(1, m + 1):
        v = mc.expected_moments(n, m, mode="mix", real_fraction=1 - synthetic / m).variance[-1]
        if v < (1 - f) * base:
            return synthetic / m
    return 1.0


def tails_biting_share(budget_tokens: float = 1e7, k: int = tails.TAIL_CUT_RANK, rise: float = 0.05) -> float:
    """Synthetic share at which the memorising learner's test error is ``rise`` above the all-real error
    (bisection on the exact error; 1.0 if even all-synthetic data stay below)."""
    t = float(require_positive("budget_tokens", budget_tokens))
    r = float(require_in_range("rise", rise, 0.0, 10.0, inclusive=False))
    k = require_int("k", k, minimum=1, maximum=10_000_000)
    p = tails.english()
    cut = tails.tail_cut(p, k)
    base = float(tails.memorisation_error(p, p, t))
    if not base > 0.0:
        raise ValueError(f"budget_tokens is too large: the all-real error is {base!r} at it; got {budget_tokens!r}")

    def excess(s):
        return float(tails.memorisation_error(p, (1 - s) * p + s * cut, t)) / base - 1 - r
    if excess(1.0) < 0:
        return 1.0
    return float(optimize.brentq(excess, 0.0, 1.0, xtol=1e-5))


# --- Strong model collapse (Dohmatob et al. 2025), simplest setting --------------------------------

def strong_collapse_error(n, share, dim: int, gap: float, noise_sd: float = 1.0) -> np.ndarray:
    """Large-sample excess risk of least squares on a mix: the floor pi^2 gap plus the variance of a fit whose
    labels carry noise sigma^2 + pi (1 - pi) gap (the synthetic part acts as extra label noise around the
    mixed coefficient), over n - d - 1 effective samples.

    Parameters
    ----------
    n : array_like
        Training samples (each above dim + 1).
    share : array_like
        Synthetic share pi in [0, 1].
    dim : int
    gap : float
        |w_s - w*|^2, the generator's squared error (non-negative).
    noise_sd : float
    """
    d = require_int("dim", dim, minimum=1)
    n_ = np.asarray(require_positive("n", n), dtype=float)
    if np.any(n_ <= d + 1):
        raise ValueError(f"n must exceed dim + 1 = {d + 1}; got {n_.min():g}")
    pi = np.asarray(require_in_range("share", share, 0.0, 1.0), dtype=float)
    g = float(require_in_range("gap", gap, 0.0, np.inf))
    sd = np.float64(require_positive("noise_sd", noise_sd))
    with np.errstate(over="ignore"):
        out = pi**2 * g + (sd**2 + pi * (1 - pi) * g) * d / (n_ - d - 1)
    if not np.all(np.isfinite(out)):
        raise ValueError(f"noise_sd and gap are too large: the error overflows; got noise_sd={noise_sd!r}, gap={gap!r}")
    return out


@dataclass(frozen=True)
class StrongCollapse:
    """Test error (excess risk on real data) of least squares on a mix of real and synthetic labels.

    Attributes
    ----------
    simulated : DataFrame
        ``n`` (training samples), ``synthetic_share``, ``error`` (mean over repetitions), ``error_low``,
        ``error_high`` (5-95 % of the repetitions), ``approximation`` (:func:`strong_collapse_error`).
    curve : DataFrame
        ``n``, ``synthetic_share``, ``error`` (the approximation on a fine grid of n), ``floor`` (pi^2 gap).
    dim, n0 : int
        Features, and real samples the generator was fitted on.
    noise_sd : float
    generator_gap : float
        |w_s - w*|^2 of the generator drawn.
    """

    simulated: pd.DataFrame
    curve: pd.DataFrame
    dim: int
    n0: int
    noise_sd: float
    generator_gap: float


def _ols_errors(rng, w_true, w_gen, n: int, share: float, noise_sd: float, reps: int) -> np.ndarray:
    d = w_true.size
    k = int(round(share * n))
    x = rng.standard_normal((reps, n, d))
    y = x @ w_true + noise_sd * rng.standard_normal((reps, n))
    if k:
        y[:, :k] += x[:, :k] @ (w_gen - w_true)  # the first k labels come from the generator
    xt = x.transpose(0, 2, 1)
    w_hat = np.linalg.solve(xt @ x, (xt @ y[..., None]))[..., 0]
    return ((w_hat - w_true[None, :]) ** 2).sum(axis=1)


def strong_collapse_curve(shares=(0.0, 0.001, 0.01, 0.1, 0.3), sizes=(300, 3_000, 30_000), dim: int = 20,
                          n0: int = 200, noise_sd: float = 1.0, reps: int = 12, seed: int = 0,
                          n_max: float = 1e8) -> StrongCollapse:
    """Excess risk of ordinary least squares trained on ``n`` samples of which a fixed share has labels from a
    generator (a least-squares fit to ``n0`` real samples): simulated at ``sizes`` for each share, and the
    large-sample approximation from dim + 2 to ``n_max`` samples.

    With isotropic features the fit converges to (1 - pi) w* + pi w_s, so its error tends to the floor
    pi^2 |w_s - w*|^2 instead of zero: more data stop helping once sigma^2 d / n falls below the floor.
    """
    s = require_vector("shares", shares, lambda name, v: require_in_range(name, v, 0.0, 1.0))
    ns = require_vector("sizes", sizes, require_positive)
    d = require_int("dim", dim, minimum=1, maximum=200)
    n0_ = require_int("n0", n0, minimum=d + 2, maximum=10_000_000)
    sd = float(require_positive("noise_sd", noise_sd))
    r = require_int("reps", reps, minimum=2, maximum=10_000)
    top = float(require_positive("n_max", n_max))
    if np.any(ns < d + 2) or top <= ns.max():
        raise ValueError(f"sizes must all exceed dim + 1 = {d + 1} and stay below n_max; got {ns.min():g}-{ns.max():g}")
    rng = np.random.default_rng(require_seed(seed))
    w_true = rng.standard_normal(d) / np.sqrt(d)
    x0 = rng.standard_normal((n0_, d))
    w_gen = np.linalg.lstsq(x0, x0 @ w_true + sd * rng.standard_normal(n0_), rcond=None)[0]
    gap = float(((w_gen - w_true) ** 2).sum())
    rows = []
    for share in np.ravel(s):
        for n in np.ravel(ns).astype(int):
            err = np.concatenate([_ols_errors(rng, w_true, w_gen, n, float(share), sd, chunk)
                                  for chunk in _chunks(r, max(1, 2_000_000 // (n * d)))])
            lo, hi = np.percentile(err, [5, 95])
            rows.append({"n": n, "synthetic_share": float(share), "error": float(err.mean()), "error_low": float(lo),
                         "error_high": float(hi),
                         "approximation": float(strong_collapse_error(n, share, d, gap, sd))})
    grid = np.unique(np.round(np.logspace(np.log10(d + 2), np.log10(top), 60)))
    curve = pd.concat([pd.DataFrame({"n": grid, "synthetic_share": float(share),
                                     "error": strong_collapse_error(grid, share, d, gap, sd),
                                     "floor": float(share) ** 2 * gap}) for share in np.ravel(s)], ignore_index=True)
    return StrongCollapse(pd.DataFrame(rows), curve, d, n0_, sd, gap)


def _chunks(total: int, size: int) -> list[int]:
    out, left = [], total
    while left > 0:
        out.append(min(size, left))
        left -= out[-1]
    return out


def share_where_floor_dominates(n: float, dim: int, n0: int, noise_sd: float = 1.0) -> float:
    """Synthetic share at which the floor pi^2 E|w_s - w*|^2 equals the all-real error sigma^2 d / (n - d - 1),
    using the generator's expected gap sigma^2 d / (n0 - d - 1): pi = sqrt((n0 - d - 1) / (n - d - 1)), capped at 1."""
    d = require_int("dim", dim, minimum=1)
    n_ = float(require_positive("n", n))
    m = require_int("n0", n0, minimum=d + 2)
    require_positive("noise_sd", noise_sd)
    if n_ <= d + 1:
        raise ValueError(f"n must exceed dim + 1 = {d + 1}; got {n!r}")
    return float(min(1.0, np.sqrt((m - d - 1) / (n_ - d - 1))))


def simulated_shares(n0: int = 200, dim: int = 20, data_ratios=(10.0, 100.0)) -> pd.DataFrame:
    """The synthetic shares the chapter's simulations use, and the smallest shares at which their damage
    turns material: ``what``, ``label`` (short), ``lo``, ``hi`` (shares), ``kind`` ("simulation" or "material
    damage")."""
    dim = require_int("dim", dim, minimum=1, maximum=10_000_000)
    n0_ = require_int("n0", n0, minimum=dim + 2)
    ratios = require_vector("data_ratios", data_ratios, require_positive)
    rows = [("replace: trained on model output only (MC-1 to MC-4, MC-6)", "replace: model output only", 1.0, 1.0,
             "simulation"),
            ("mix, normal: variance lost per point of share (MC-7)", "mix, normal (MC-7)", 0.0, 0.9, "simulation"),
            ("mix, memorising learner: error per point of share (MC-7)", "mix, memorising (MC-7)", 0.5, 0.99,
             "simulation"),
            ("curation: 10 % verified human data (MC-8)", "curation (MC-8)", 0.9, 0.9, "simulation"),
            ("normal, 20 samples x 100 generations: 5 % of variance lost", "normal: 5 % variance lost",
             gaussian_biting_share(), None, "material damage"),
            ("memorising learner, 10^7 tokens: error 5 % higher", "memorising: error +5 %", tails_biting_share(), None,
             "material damage")]
    for r in np.ravel(ratios):
        share = share_where_floor_dominates(float(r) * n0_, dim, n0_)
        rows.append((f"least squares on {r:.0f}x the generator's data: error doubled",
                     f"least squares, {r:.0f}x data: error x2", share, None, "material damage"))
    frame = pd.DataFrame(rows, columns=["what", "label", "lo", "hi", "kind"])
    frame["hi"] = frame["hi"].fillna(frame["lo"])
    return frame
