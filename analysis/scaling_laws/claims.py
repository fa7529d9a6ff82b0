"""Claims of the Scaling laws chapter (SL-*): returns per decade, the shape of the curve, generations.

Evidence comes from :mod:`analysis.scaling_laws.returns` (the Chinchilla runs' frontier, the Epoch snapshot, the
Gemstones runs) and, for the article's table read in parameter decades, from :mod:`analysis.chinchilla.refit`.
"""

from __future__ import annotations

import numpy as np

from analysis.chinchilla import refit as ch, allocation as alloc
from analysis.progress import metr
from analysis.house import data
from analysis.scaling_laws import returns as sl
from analysis.ledger.core import DATA, MODEL, Claim, about, about_rate, assess, at_least, at_most, not_testable

CHAPTER = "scaling-laws"
_OOS_CUT = 5e20


# --- SL-1: each decade buys less (measured) --------------------------------------------------------

def _decades_evidence() -> dict:
    m = sl.measured_decades()
    return {
        "relative_gain_first": float(m.relative_gain[0]), "relative_gain_last": float(m.relative_gain[-1]),
        "absolute_gain_first": float(m.absolute_gain[0]), "absolute_gain_last": float(m.absolute_gain[-1]),
        "relative_gain_ratio": float(m.relative_gain[-1] / m.relative_gain[0]),
        "absolute_gain_ratio": float(m.absolute_gain[-1] / m.absolute_gain[0]),
    }


def _decades_judge(e) -> object:
    checks = [
        at_most(e, "relative_gain_ratio", 1.0, "later decade's share of loss removed over the earlier one's"),
        at_most(e, "absolute_gain_ratio", 1.0, "later decade's loss removed (nats/token) over the earlier one's"),
    ]
    less = e["relative_gain_ratio"] < 1 and e["absolute_gain_ratio"] < 1
    return assess(checks, (
        f"On the runs themselves, the best loss reached falls by {e['relative_gain_first']:.1%} from 1e19 to 1e20 "
        f"FLOP and by {e['relative_gain_last']:.1%} from 1e20 to 1e21 ({e['absolute_gain_first']:.3f} then "
        f"{e['absolute_gain_last']:.3f} nats/token): "
        + ("each decade buys less, in share and in amount, so every further step of loss costs more compute; the "
           "curve bends without going flat." if less else "the later decade does not buy less on both counts.")))


# --- SL-2: the returns are logarithmic (out-of-sample shape test) ----------------------------------

def _log_evidence(oos_cut_flop: float = _OOS_CUT) -> dict:
    o = sl.out_of_sample(oos_cut_flop)
    m = sl.measured_decades()
    best_power = min(o.rms["power"], o.rms["power+floor"])
    return {"rms_log": o.rms["log"], "rms_power": o.rms["power"], "rms_floor": o.rms["power+floor"],
            "log_over_best_power": o.rms["log"] / best_power, "bias_log": o.bias["log"],
            "absolute_gain_ratio": float(m.absolute_gain[-1] / m.absolute_gain[0]),
            "n_test": float(o.n_test), "cut_flop": o.cut_flop}


def _log_judge(e) -> object:
    checks = [
        at_most(e, "log_over_best_power", 1.0, "log law's held-out error over the best power law's"),
        at_most(e, "absolute_gain_ratio", 1.0, "later decade's loss removed over the earlier one's (returns per "
                "unit of compute shrink)"),
    ]
    return assess(checks, (
        f"Fitted below {e['cut_flop']:.0e} FLOP and asked to predict the {int(e['n_test'])} frontier points above, "
        f"the log law misses by {e['rms_log']:.1%} (RMS of log error), the pure power law by {e['rms_power']:.1%} "
        f"and the power law with a floor by {e['rms_floor']:.1%}; the log law's predictions are on average "
        f"{abs(e['bias_log']):.1%} too {'low' if e['bias_log'] < 0 else 'high'}. "
        + ("A logarithm extrapolates worse than a power law, so the shape is not logarithmic"
           if e["log_over_best_power"] > 1 else "A logarithm extrapolates at least as well as a power law here")
        + "; the later decade's loss removed over the earlier one's is "
        f"{e['absolute_gain_ratio']:.2f}."))


# --- SL-4: 2x larger is no longer 2x better ---------------------------------------------------------

def _doubling_evidence() -> dict:
    m = sl.measured_decades()
    per_doubling = 1 - (1 - m.relative_gain) ** np.log10(2.0)
    return {"doubling_gain_early": float(per_doubling[0]), "doubling_gain_late": float(per_doubling[-1]),
            "doubling_gain_ratio": float(per_doubling[-1] / per_doubling[0])}


def _doubling_judge(e) -> object:
    checks = [
        at_most(e, "doubling_gain_ratio", 1.0, "loss removed per doubling now over that a decade of compute earlier"),
        at_least(e, "doubling_gain_early", 0.5, "share of the loss a doubling removed at the smaller scale",
                 spec="%"),
    ]
    shrunk = e["doubling_gain_ratio"] < 1
    halved = e["doubling_gain_early"] >= 0.5
    return assess(checks, (
        f"Per doubling of compute on the runs' best loss, {e['doubling_gain_early']:.1%} of the loss went between "
        f"1e19 and 1e20 FLOP and {e['doubling_gain_late']:.1%} between 1e20 and 1e21: the return to doubling has "
        + ("shrunk" if shrunk else "not shrunk")
        + (", and a doubling did once halve the loss." if halved else
           ", but no doubling ever halved the loss, so 'no longer' describes a change in loss that did not happen.")))


# --- SL-5: the table's magnitudes, read in parameter decades at a compute-optimal split ----------------

_SEED_ROWS = ("1B to 10B", "10B to 100B", "100B to 1T")


def _table_evidence(n_boot: int = ch.DEFAULT_N_BOOT, seed: int = 0) -> dict:
    boot = ch.chinchilla_bootstrap(n_boot=n_boot, seed=seed)
    t = alloc.parameter_decades(boot.fit, 1e9, 3)
    T, R = alloc.parameter_decade_gains(boot.draws, 1e9, 3)
    tail = 100 * (1 - boot.level) / 2
    largest = float(data.load_chinchilla_runs()["C_flop"].max())
    ev = {}
    for k in range(3):
        ev[f"gain_{k}"] = float(t["gain_total"].iloc[k])
        ev[f"gain_{k}_low"], ev[f"gain_{k}_high"] = (float(np.percentile(T[k], q)) for q in (tail, 100 - tail))
    ev["gain_reducible"] = float(t["gain_reducible"].iloc[0])
    ev["gain_reducible_low"], ev["gain_reducible_high"] = (float(np.percentile(R[0], q)) for q in (tail, 100 - tail))
    ev["compute_multiple"] = float(t["compute_multiple"].iloc[0])
    ev["decades_extrapolated"] = float(np.sum(t["C_to"].to_numpy() > largest))
    return ev


def _table_judge(e) -> object:
    targets = sl.SEED001_GAINS[:3]
    checks = [about(e, f"gain_{k}", targets[k], f"share of loss removed, {_SEED_ROWS[k]} (about {targets[k]:.0%})",
                    spec="%") for k in range(3)]
    return assess(checks, (
        f"Read as compute-optimal models (each row about {e['compute_multiple']:.0f}x the compute of the last; "
        f"{int(e['decades_extrapolated'])} of the 3 rows end beyond the largest run), our refit of Hoffmann et al.'s "
        f"law removes {e['gain_0']:.1%}, {e['gain_1']:.1%} and {e['gain_2']:.1%} of the total loss against the "
        f"article's {', '.join(f'{g:.0%}' for g in sl.SEED001_GAINS[:3])}: on average "
        f"{np.mean([e[f'gain_{k}'] / sl.SEED001_GAINS[k] for k in range(3)]):.2f} of the stated sizes. Of the reducible loss it removes the same {e['gain_reducible']:.0%} "
        "every row, so the shrinking is the floor's doing. The functional form decides these numbers."))


# --- SL-7/8/9/11: generations and growth on the Epoch snapshot ------------------------------------------

def _generations_evidence() -> dict:
    g = sl.gpt_generations().set_index("generation")
    c = g["compute_flop"]
    return {"gpt3_over_gpt2": float(c["GPT-3"] / c["GPT-2"]), "gpt4_over_gpt3": float(c["GPT-4"] / c["GPT-3"]),
            "gpt2_params": float(g.loc["GPT-2", "parameters"]), "gpt3_params": float(g.loc["GPT-3", "parameters"])}


def _tenfold_judge(e) -> object:
    checks = [about(e, "gpt3_over_gpt2", 10.0, "GPT-3's training compute over GPT-2's (about 10x)", spec="x"),
              about(e, "gpt4_over_gpt3", 10.0, "GPT-4's training compute over GPT-3's (about 10x)", spec="x")]
    return assess(checks, (
        f"In Epoch AI's estimates GPT-3 took {e['gpt3_over_gpt2']:.0f}x GPT-2's training compute and GPT-4 "
        f"{e['gpt4_over_gpt3']:.0f}x GPT-3's, against the tenfold stated (GPT-2's and GPT-4's figures are Epoch's "
        "'speculative' estimates)."))


def _jumps_evidence() -> dict:
    """Compute ratio of each GPT step (Epoch AI) and the doublings of METR's 50 % time horizon it bought."""
    gains = metr.generation_gains("1.1")
    return {**_generations_evidence(), "horizon_doublings_gpt2_gpt3": gains.doublings[0],
            "horizon_doublings_gpt3_gpt4": gains.doublings[1]}


def _jumps_judge(e) -> object:
    checks = [at_least(e, "gpt3_over_gpt2", 10.0, "GPT-3's compute over GPT-2's (a step of at least 10x)", spec="x"),
              at_least(e, "gpt4_over_gpt3", 10.0, "GPT-4's compute over GPT-3's (a step of at least 10x)", spec="x"),
              at_least(e, "horizon_doublings_gpt2_gpt3", 1.0, "doublings of METR's time horizon, GPT-2 to GPT-3"),
              at_least(e, "horizon_doublings_gpt3_gpt4", 1.0, "doublings of METR's time horizon, GPT-3 to GPT-4")]
    return assess(checks, (
        f"Each jump multiplied training compute ({e['gpt3_over_gpt2']:.0f}x, then {e['gpt4_over_gpt3']:.0f}x: "
        f"exponential growth in cost) and each bought a measurable gain: the length of task METR's models finish half "
        f"the time doubled {e['horizon_doublings_gpt2_gpt3']:.1f} and then {e['horizon_doublings_gpt3_gpt4']:.1f} times."))


def _gpt4_range_judge(e) -> object:
    checks = [at_least(e, "gpt4_over_gpt3", 10.0, "GPT-4's compute over GPT-3's, at least 10x", spec="x"),
              at_most(e, "gpt4_over_gpt3", 100.0, "GPT-4's compute over GPT-3's, at most 100x", spec="x")]
    return assess(checks, (
        f"Epoch AI's estimates give GPT-4 {e['gpt4_over_gpt3']:.0f}x GPT-3's training compute, against the stated "
        "10-100x range (GPT-4's figure is itself an estimate; OpenAI has not published it)."))


def _params_judge(e) -> object:
    checks = [about(e, "gpt2_params", 1.5e9, "GPT-2's parameters (1.5B)"),
              about(e, "gpt3_params", 175e9, "GPT-3's parameters (175B)")]
    return assess(checks, (
        f"The Epoch snapshot lists GPT-2 with {e['gpt2_params'] / 1e9:.1f}B and GPT-3 with "
        f"{e['gpt3_params'] / 1e9:.0f}B parameters (stated: 1.5B and 175B)."))


def _growth_evidence(seed: int = 0) -> dict:
    g = sl.frontier_compute_growth(seed=seed)
    return {"growth": g.multiplier, "growth_low": g.low, "growth_high": g.high, "n_models": float(g.n_models),
            "first_year": g.first_year, "last_year": g.last_year}


def _growth_judge(e) -> object:
    checks = [about_rate(e, "growth", 4.5, "frontier training compute growth per year (4-5x)")]
    return assess(checks, (
        f"Across {int(e['n_models'])} models that ranked in the top {sl.FRONTIER_TOP_RANK} by training compute when "
        f"published ({e['first_year']:.0f}-{e['last_year']:.0f}), compute grew {e['growth']:.1f}x per year "
        f"(90% interval {e['growth_low']:.1f}-{e['growth_high']:.1f}x)."))


# --- SL-13: smooth, predictable; SL-14: shape matters less than scale -----------------------------------

def _predictable_evidence(oos_cut_flop: float = _OOS_CUT) -> dict:
    o = sl.out_of_sample(oos_cut_flop)
    ahead = o.decades_ahead
    return {"heldout_rms_floor": o.rms["power+floor"], "heldout_bias_floor": o.bias["power+floor"],
            "n_test": float(o.n_test), "cut_flop": o.cut_flop, "decades_ahead": ahead}


def _predictable_judge(e) -> object:
    checks = [at_most(e, "heldout_rms_floor", 0.02, "held-out error of a law fitted on smaller runs (RMS of log "
                      "loss, at most 2%)", spec="%")]
    return assess(checks, (
        f"A power law with a floor fitted to the frontier below {e['cut_flop']:.0e} FLOP predicts the "
        f"{int(e['n_test'])} larger frontier points within {e['heldout_rms_floor']:.1%} (RMS), erring "
        f"{'low' if e['heldout_bias_floor'] < 0 else 'high'} by {abs(e['heldout_bias_floor']):.1%} on average: "
        f"the test reaches {e['decades_ahead']:.1f} decades of compute beyond the fit. These are losses, not "
        "benchmark scores."))


def _shape_evidence() -> dict:
    s = sl.shape_vs_scale()
    return {"shape_over_decade": s.ratio, "shape_rms": s.shape_rms, "decade_effect": s.decade_effect,
            "worst_residual": s.worst_residual, "n_models": float(s.n_models)}


def _shape_judge(e) -> object:
    checks = [at_most(e, "shape_over_decade", 1.0, "loss moved by shape (RMS) over loss moved by 10x parameters")]
    return assess(checks, (
        f"Across {int(e['n_models'])} Gemstones models of different widths and depths trained on the same tokens, "
        f"shape moves log loss by {e['shape_rms']:.3f} (RMS) around a power law in size, against "
        f"{e['decade_effect']:.3f} per tenfold parameters: shape matters about a tenth as much as a decade of "
        f"scale; the most extreme shape (3 layers) is off by {e['worst_residual']:.3f}."))


_001_FLAT = "§ The Flattening Curve ¶ 1"
CLAIMS = (
    Claim("SL-1", ("001", "000"), ("§ The Flattening Curve ¶ 3", "§ The Efficiency Frontier ¶ 3"), CHAPTER,
          "sl-claim-decades",
          "Each further tenfold step of compute buys a smaller gain than the one before, so each further unit "
          "of improvement costs more compute; the curve bends without hitting a wall.",
          "each step yields less than the last; outsized compute per point", DATA, _decades_evidence, _decades_judge,
          checklist=("A1-08", "A0-29")),
    Claim("SL-2", ("001",), (_001_FLAT,), CHAPTER, "sl-claim-log",
          "Returns to compute follow a logarithm: what scaling laws promise is logarithmic, not linear, "
          "improvement, and returns per dollar shrink exactly as a log law says.",
          "'precisely the way a logarithmic function predicts'", DATA, _log_evidence, _log_judge,
          checklist=("A1-03", "A1-07")),
    not_testable("SL-3", ("002",), ("§ What This Means for the Industry ¶ 3",),
                 "If every new generation needs ten times the compute to be twice as good, bigger clusters earn "
                 "less.", "10x compute for 2x improvement",
                 "conditional: 'if each new generation requires ten times the compute' is a premise, not an "
                 "assertion; the generations' compute is tested as SL-7 and SL-8, returns per decade as SL-1",
                 chapter=CHAPTER, anchor="sl-claim-ten-for-two", checklist=("A2-32",)),
    Claim("SL-4", ("003",), ("§ Diminishing Returns: The New Normal ¶ 4",), CHAPTER, "sl-claim-doubling",
          "Doubling a model no longer doubles the quality of its results: the return to doubling has fallen.",
          "2x larger no longer gives 2x better results", DATA, _doubling_evidence, _doubling_judge,
          checklist=("A3-05",)),
    Claim("SL-5", ("001",), ("§ The Flattening Curve ¶ 4",), CHAPTER, "sl-claim-table",
          "Going from 1B to 10B parameters gained about 42 %, 10B to 100B about 28 %, 100B to 1T about 14 %.",
          "+42 %, +28 %, +14 % per tenfold step", MODEL, _table_evidence, _table_judge, checklist=("A1-09",)),
    not_testable("SL-6", ("001",), ("§ The Flattening Curve ¶ 4",),
                 "Going from 1T to 10T parameters would gain about 6 %.", "+6 % (projected)",
                 "forecast: the 1T-to-10T row is labelled projected; SL-5 tests the rows stated as measured",
                 chapter=CHAPTER, anchor="sl-claim-table", checklist=("A1-10",)),
    Claim("SL-7", ("002",), ("§ The Law That Built an Industry ¶ 3",), CHAPTER, "sl-claim-generations",
          "GPT-2, GPT-3 and GPT-4 were each trained with roughly ten times the compute of the one before.",
          "each generation roughly ten times the compute", DATA, _generations_evidence, _tenfold_judge,
          checklist=("A2-03",)),
    Claim("SL-8", ("002",), ("§ The Evidence for Diminishing Returns ¶ 2",), CHAPTER, "sl-claim-generations",
          "GPT-4 was trained with an estimated 10 to 100 times GPT-3's compute.", "10-100x GPT-3's compute",
          DATA, _generations_evidence, _gpt4_range_judge, checklist=("A2-06",)),
    Claim("SL-9", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 5",), CHAPTER, "sl-claim-generations",
          "GPT-2 had 1.5 billion parameters and GPT-3 175 billion.", "1.5B and 175B parameters", DATA,
          _generations_evidence, _params_judge, checklist=("A4-06", "A4-07")),
    not_testable("SL-10", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 5",),
                 "GPT-4 has over a trillion parameters in a mixture of experts.", "over a trillion parameters",
                 "no public data: OpenAI has not disclosed GPT-4's size and the Epoch snapshot lists no parameter "
                 "count for it; the figure circulates only as press reports", chapter=CHAPTER,
                 anchor="sl-claim-generations", checklist=("A4-08",)),
    Claim("SL-11", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 7",), CHAPTER, "sl-claim-generations",
          "The compute used to train frontier models grows four to five times a year.", "4-5x per year", DATA,
          _growth_evidence, _growth_judge, checklist=("A4-10",)),
    Claim("SL-12", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 5",), CHAPTER, "sl-claim-generations",
          "Each jump from GPT-2 to GPT-4 cost many times more compute and gave measurably better results.",
          "exponentially more cost, measurably better results", DATA, _jumps_evidence, _jumps_judge,
          checklist=("A4-09",)),
    Claim("SL-13", ("001", "002", "004"), ("§ (opening) ¶ 4",
                                           "§ The Law That Built an Industry ¶ 1",
                                           "§ The Scaling Laws That Built Modern AI ¶ 3"), CHAPTER,
          "sl-claim-predictable",
          "Scaling-law papers showed that performance improves smoothly and predictably with parameters, data "
          "and compute.", "smooth, predictable relationships", DATA, _predictable_evidence, _predictable_judge,
          checklist=("A1-01", "A2-01", "A4-05")),
    Claim("SL-14", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 4",), CHAPTER, "sl-claim-predictable",
          "A model's shape matters less than its scale.", "shape mattered less than scale", DATA, _shape_evidence,
          _shape_judge, checklist=("A4-05",)),
    not_testable("SL-15", ("001",), ("§ Why do scaling laws produce diminishing returns beyond a certain model "
                                     "size? ¶ 1",),
                 "Past a certain size, extra parameters only learn rare patterns that do not generalise, so the "
                 "bottleneck moves from compute to data.", "extra parameters learn rare, non-generalisable patterns",
                 "vague: no size, pattern or measure is named; data limits are tested in the data-wall chapter",
                 chapter=CHAPTER, anchor="sl-claim-decades", checklist=("A1-18",)),
    not_testable("SL-16", ("002",), ("§ The Evidence for Diminishing Returns ¶ 5",),
                 "The first scaling-law papers took for granted that the supply of training text would keep "
                 "pace with compute and model size.", "data could scale alongside compute",
                 "vague: an assumption attributed to papers, not a measurable statement; Kaplan et al.'s laws are "
                 "stated for ample data (section 6.3), and the data wall is tested in its own chapter",
                 chapter=CHAPTER, anchor="sl-kaplan", checklist=("A2-10",)),
)
