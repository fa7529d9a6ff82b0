"""Claims of the Scaling laws chapter (SL-*): returns per decade, the shape of the curve, generations.

Evidence comes from :mod:`analysis.scaling_laws.measured` (the Chinchilla runs' best loss per budget, with
bootstrap intervals; the Gemstones runs), :mod:`analysis.scaling_laws.returns` (the frontier's out-of-sample
test, the Epoch snapshot), :mod:`analysis.scaling_laws.benchmarks` (benchmark scores within model families, METR's
horizons per GPT generation) and, for the article's table read in parameter decades, from
:mod:`analysis.chinchilla.refit`. Each data and model claim carries its counterfactual worlds
(:mod:`analysis.scaling_laws.worlds`, :mod:`analysis.chinchilla.worlds`) and its multiverse of analysis choices.
"""

from __future__ import annotations

import numpy as np

from analysis.chinchilla import refit as ch, allocation as alloc, law, worlds as chw
from analysis.house import data
from analysis.scaling_laws import benchmarks as bm, measured as ms, returns as sl, worlds as W
from analysis.ledger.core import (ABOUT_FACTOR, ABOUT_POINTS, DATA, LITERATURE, MODEL, MOST_SHARE, NOT_SUPPORTED,
                                  ORDER_FACTOR, PARTLY, SUPPORTED, Choice, Claim, World, about, about_rate, assess,
                                  at_least, at_most, beyond, holds, not_testable, share_at_least)

CHAPTER = "scaling-laws"
_OOS_CUT = 5e20
_CHEAP = {"n_boot": 60}
_STARTS = Choice("start", (5e18, 1e19, 3e19), "the first of the two decades compared may start at 5e18, 1e19 or "
                 "3e19 FLOP (the runs span 3e18 to 1e22); no start is privileged")
_LEVELS = Choice("level", (0.9, 0.95), "a 90 % or a 95 % bootstrap interval")
_TOP = Choice("top_dex", (0.75, 1.0, 1.5), "the top of the range read as the last three quarters of a decade, the "
              "last decade or the last decade and a half of compute the runs reach")
_CUTS = Choice("oos_cut_flop", (2e20, 5e20, 1e21), "the out-of-sample test may fit below 2e20, 5e20 or 1e21 FLOP; a "
               "later cut leaves fewer points to predict")


# --- SL-1: each decade buys less, and the curve has no wall (measured) -----------------------------------

def _decades_evidence(start: float = 1e19, top_dex: float = 1.0, level: float = 0.9, n_boot: int = 400) -> dict:
    m = ms.measured_returns(start, top_dex, n_boot=n_boot, level=level)
    return {
        "relative_gain_first": m.relative_gain[0], "relative_gain_last": m.relative_gain[1],
        "absolute_gain_first": m.absolute_gain[0], "absolute_gain_last": m.absolute_gain[1],
        "relative_gain_ratio": m.relative_ratio, "relative_gain_ratio_low": m.relative_ratio_low,
        "relative_gain_ratio_high": m.relative_ratio_high, "absolute_gain_ratio": m.absolute_ratio,
        "absolute_gain_ratio_low": m.absolute_ratio_low, "absolute_gain_ratio_high": m.absolute_ratio_high,
        "top_gain": m.top_gain, "top_gain_low": m.top_low, "top_gain_high": m.top_high, "top_from": m.top_from,
        "top_to": m.top_to, "n_top": float(m.n_top), "start": m.budgets[0], "level": level,
    }


def _top_check(e) -> object:
    return beyond(e, "top_gain", 0.0, "loss removed by the top of the compute range (nats/token)", direction="above",
                  n_points=int(e["n_top"]))


def _decades_judge(e) -> object:
    checks = [
        beyond(e, "relative_gain_ratio", 1.0, "later decade's share of loss removed over the earlier one's",
               direction="below"),
        beyond(e, "absolute_gain_ratio", 1.0, "later decade's loss removed (nats/token) over the earlier one's",
               direction="below"),
        _top_check(e),
    ]
    less = checks[0].passed and checks[1].passed
    return assess(checks, (
        f"On the runs themselves, the best loss reached falls by {e['relative_gain_first']:.1%} over the decade from "
        f"{e['start']:.0e} FLOP and by {e['relative_gain_last']:.1%} over the next ({e['absolute_gain_first']:.3f} then "
        f"{e['absolute_gain_last']:.3f} nats/token); the largest runs, from {e['top_from']:.1e} to {e['top_to']:.1e} "
        f"FLOP, still remove {e['top_gain']:.3f} nats/token ({e['level']:.0%} interval {e['top_gain_low']:.3f} to "
        f"{e['top_gain_high']:.3f}). "
        + ("Each decade buys less, in share and in amount, beyond the resampling noise" if less
           else "The later decade does not buy less on both counts beyond the resampling noise")
        + ("; the curve bends without going flat." if checks[2].passed else "; and the top of the range buys nothing "
           "beyond noise: a wall.")))


# --- SL-2: the returns are logarithmic (out-of-sample shape test) ---------------------------------------------

def _log_evidence(oos_cut_flop: float = _OOS_CUT, tolerance: float = 0.02, level: float = 0.9,
                 n_boot: int = 400) -> dict:
    o = sl.out_of_sample(oos_cut_flop)
    m = ms.measured_returns(1e19, ms.DEFAULT_TOP_DEX, n_boot=n_boot, level=level)
    # Loss removed per FLOP in the later decade over the earlier one's: the absolute ratio over the tenfold
    # longer decade.
    return {"rms_log": o.rms["log"], "rms_power": o.rms["power"], "rms_floor": o.rms["power+floor"],
            "log_over_best_power": o.rms["log"] / min(o.rms["power"], o.rms["power+floor"]),
            "bias_log": o.bias["log"], "per_flop_ratio": m.absolute_ratio / 10, "absolute_ratio": m.absolute_ratio,
            "absolute_ratio_low": m.absolute_ratio_low, "absolute_ratio_high": m.absolute_ratio_high,
            "per_flop_ratio_low": m.absolute_ratio_low / 10, "per_flop_ratio_high": m.absolute_ratio_high / 10,
            "n_test": float(o.n_test), "cut_flop": o.cut_flop, "tolerance": tolerance}


def _log_judge(e) -> object:
    # Scored on shape alone: does a logarithm describe the frontier? It must predict the held-out runs within the
    # tolerance, and show its signature, the same amount of loss removed by each decade. That returns per FLOP
    # shrink is true of every concave law, the log law included, so it cannot tell the shapes apart and is
    # reported, not scored.
    checks = [
        at_most(e, "rms_log", e["tolerance"], f"held-out error of the log law fitted on smaller runs (RMS of log "
                f"loss, at most {e['tolerance']:.0%}, as SL-13 reads 'predictable')", spec="%",
                n_points=int(e["n_test"])),
        about(e, "absolute_ratio", 1.0, "loss removed in the later decade over the earlier one's (a log law removes "
              "the same amount every decade: about 1)"),
    ]
    return assess(checks, (
        f"Fitted below {e['cut_flop']:.0e} FLOP and asked to predict the {int(e['n_test'])} frontier points above, "
        f"the log law misses by {e['rms_log']:.1%} (RMS of log error), the pure power law by {e['rms_power']:.1%} "
        f"and the power law with a floor by {e['rms_floor']:.1%}; the log law's predictions are on average "
        f"{abs(e['bias_log']):.1%} too {'low' if e['bias_log'] < 0 else 'high'}, "
        + ("so the returns do follow a logarithm here" if checks[0].passed else
           "so the returns do not shrink the way a logarithm predicts")
        + f". The later decade of the frontier removes {e['absolute_ratio']:.2f} times the loss the earlier one did "
        f"(a log law: 1); each of its FLOPs removes {e['per_flop_ratio']:.3f} of what a FLOP of the earlier one did, "
        f"which any bending curve gives and so does not tell the shapes apart."))


# --- SL-4: the return to doubling has fallen ---------------------------------------------------------------

def _doubling_evidence(start: float = 1e19, level: float = 0.9, n_boot: int = 400) -> dict:
    m = ms.measured_returns(start, ms.DEFAULT_TOP_DEX, n_boot=n_boot, level=level)
    return {"doubling_gain_early": m.doubling_early, "doubling_gain_late": m.doubling_late,
            "doubling_gain_ratio": m.doubling_ratio, "doubling_gain_ratio_low": m.doubling_ratio_low,
            "doubling_gain_ratio_high": m.doubling_ratio_high, "start": m.budgets[0]}


def _doubling_judge(e) -> object:
    checks = [beyond(e, "doubling_gain_ratio", 1.0, "loss removed per doubling in the later decade over the "
                     "earlier one's", direction="below")]
    return assess(checks, (
        f"Per doubling of compute on the runs' best loss, {e['doubling_gain_early']:.1%} of the loss went in the "
        f"decade from {e['start']:.0e} FLOP and {e['doubling_gain_late']:.1%} in the next: the return to doubling has "
        + ("fallen beyond the resampling noise." if checks[0].passed else "not fallen beyond the resampling noise.")
        + " 'No longer 2x better' is read as that fall: no doubling here ever came near halving the loss."))


# --- SL-5: the table's magnitudes, read in parameter decades at a compute-optimal split ----------------------

_SEED_ROWS = ("1B to 10B", "10B to 100B", "100B to 1T")


def _table_evidence(n_boot: int = ch.DEFAULT_N_BOOT, seed: int = 0, measure: str = "total",
                    reading: str = "parameters") -> dict:
    if measure not in ("total", "reducible") or reading not in ("parameters", "compute"):
        raise ValueError(f"measure must be 'total' or 'reducible' and reading 'parameters' or 'compute'; got "
                         f"{measure!r}, {reading!r}")
    boot = ch.chinchilla_bootstrap(n_boot=n_boot, seed=seed)
    c0 = float(law.compute_for_optimal_size(1e9, boot.fit))
    if reading == "parameters":
        point, draws = (alloc.parameter_decade_gains(f, 1e9, 3) for f in (boot.fit, boot.draws))
        multiple = float(alloc.parameter_decades(boot.fit, 1e9, 1)["compute_multiple"].iloc[0])
    else:
        point, draws = (alloc.compute_decade_gains(f, c0, 3) for f in (boot.fit, boot.draws))
        multiple = 10.0
    k = 0 if measure == "total" else 1
    tail = 100 * (1 - boot.level) / 2
    largest = float(data.load_chinchilla_runs()["C_flop"].max())
    ev = {}
    for i in range(3):
        ev[f"gain_{i}"] = float(np.ravel(point[k])[i])
        ev[f"gain_{i}_low"], ev[f"gain_{i}_high"] = (float(np.percentile(draws[k][i], q)) for q in (tail, 100 - tail))
    ev["compute_multiple"] = multiple
    ev["decades_extrapolated"] = float(np.sum(c0 * multiple ** np.arange(1, 4) > largest))
    ev["reducible_measure"] = measure == "reducible"
    return ev


def _table_judge(e) -> object:
    targets = sl.SEED001_GAINS[:3]
    what = "reducible loss" if e["reducible_measure"] else "loss"
    checks = [about(e, f"gain_{k}", targets[k], f"share of {what} removed, {_SEED_ROWS[k]} (about {targets[k]:.0%})",
                    spec="%") for k in range(3)]
    return assess(checks, (
        f"Read as compute-optimal models (each row {e['compute_multiple']:.0f}x the compute of the last; "
        f"{int(e['decades_extrapolated'])} of the 3 rows end beyond the largest run), our refit of Hoffmann et al.'s "
        f"law removes {e['gain_0']:.1%}, {e['gain_1']:.1%} and {e['gain_2']:.1%} of the {what} against the article's "
        f"{', '.join(f'{g:.0%}' for g in targets)}: on average "
        f"{np.mean([e[f'gain_{k}'] / targets[k] for k in range(3)]):.2f} of the stated sizes. The functional form "
        "decides these numbers."))


# --- SL-7/8/9/11/12: generations and growth on the Epoch snapshot and METR ------------------------------------

def _generations_evidence(steps: str = "each") -> dict:
    g = sl.gpt_generations().set_index("generation")
    c = g["compute_flop"]
    s1, s2 = float(c["GPT-3"] / c["GPT-2"]), float(c["GPT-4"] / c["GPT-3"])
    if steps == "average":
        s1 = s2 = float(np.sqrt(s1 * s2))
    elif steps != "each":
        raise ValueError(f"steps must be 'each' or 'average'; got {steps!r}")
    return {"gpt3_over_gpt2": s1, "gpt4_over_gpt3": s2,
            "gpt2_params": float(g.loc["GPT-2", "parameters"]), "gpt3_params": float(g.loc["GPT-3", "parameters"])}


def _tenfold_evidence(steps: str = "each", factor: float = ABOUT_FACTOR) -> dict:
    return {**_generations_evidence(steps), "factor": factor}


def _tenfold_judge(e) -> object:
    f = e["factor"]
    checks = [about(e, "gpt3_over_gpt2", 10.0, "GPT-3's training compute over GPT-2's (roughly 10x)", spec="x", factor=f),
              about(e, "gpt4_over_gpt3", 10.0, "GPT-4's training compute over GPT-3's (roughly 10x)", spec="x", factor=f)]
    return assess(checks, (
        f"In Epoch AI's estimates GPT-3 took {e['gpt3_over_gpt2']:.0f}x GPT-2's training compute and GPT-4 "
        f"{e['gpt4_over_gpt3']:.0f}x GPT-3's, against the tenfold stated, read within a factor {f:.2f} (GPT-2's and "
        "GPT-4's figures are Epoch's 'speculative' estimates)."))


def _range_evidence(bounds: str = "stated") -> dict:
    if bounds not in ("stated", "rounded"):
        raise ValueError(f"bounds must be 'stated' or 'rounded'; got {bounds!r}")
    widen = 1.0 if bounds == "stated" else ABOUT_FACTOR
    return {"gpt4_over_gpt3": _generations_evidence()["gpt4_over_gpt3"], "range_factor": float(np.sqrt(10)) * widen}


def _gpt4_range_judge(e) -> object:
    f = e["range_factor"]
    checks = [about(e, "gpt4_over_gpt3", float(10**1.5), f"GPT-4's compute over GPT-3's, within {10**1.5 / f:.3g}x "
                    f"to {10**1.5 * f:.3g}x", spec="x", factor=f)]
    return assess(checks, (
        f"Epoch AI's estimates give GPT-4 {e['gpt4_over_gpt3']:.0f}x GPT-3's training compute, against the stated "
        "10-100x range (GPT-4's figure is itself an estimate; OpenAI has not published it)."))


def _params_evidence(factor: float = ABOUT_FACTOR) -> dict:
    return {**_generations_evidence(), "factor": factor}


def _params_judge(e) -> object:
    f = e["factor"]
    checks = [about(e, "gpt2_params", 1.5e9, "GPT-2's parameters (1.5B)", factor=f),
              about(e, "gpt3_params", 175e9, "GPT-3's parameters (175B)", factor=f)]
    return assess(checks, (
        f"The Epoch snapshot lists GPT-2 with {e['gpt2_params'] / 1e9:.1f}B and GPT-3 with "
        f"{e['gpt3_params'] / 1e9:.0f}B parameters (stated: 1.5B and 175B; read within a factor {f:.2f})."))


def _growth_evidence(seed: int = 0, top_rank: int = sl.FRONTIER_TOP_RANK, since: str = sl.FRONTIER_SINCE) -> dict:
    g = sl.frontier_compute_growth(seed=seed, top_rank=top_rank, since=since)
    return {"growth": g.multiplier, "growth_low": g.low, "growth_high": g.high, "n_models": float(g.n_models),
            "first_year": g.first_year, "last_year": g.last_year, "top_rank": float(top_rank)}


def _growth_judge(e) -> object:
    checks = [about_rate(e, "growth", 4.5, "frontier training compute growth per year (4-5x)",
                         n_points=int(e["n_models"]))]
    return assess(checks, (
        f"Across {int(e['n_models'])} models that ranked in the top {int(e['top_rank'])} by training compute when "
        f"published ({e['first_year']:.0f}-{e['last_year']:.0f}), compute grew {e['growth']:.1f}x per year "
        f"(90% interval {e['growth_low']:.1f}-{e['growth_high']:.1f}x)."))


def _jumps_evidence(version: str = "1.1", level: float = 0.9) -> dict:
    """Compute ratio of each GPT step (Epoch AI) and the doublings of METR's 50 % time horizon it bought."""
    h = bm.horizon_steps(version, level)
    g = _generations_evidence()
    return {"gpt3_over_gpt2": g["gpt3_over_gpt2"], "gpt4_over_gpt3": g["gpt4_over_gpt3"],
            **{f"horizon_doublings_{k}": h.doublings[i] for i, k in enumerate(("gpt2_gpt3", "gpt3_gpt4"))},
            **{f"horizon_doublings_{k}_low": h.low[i] for i, k in enumerate(("gpt2_gpt3", "gpt3_gpt4"))},
            **{f"horizon_doublings_{k}_high": h.high[i] for i, k in enumerate(("gpt2_gpt3", "gpt3_gpt4"))},
            "level": level}


def _jumps_judge(e) -> object:
    checks = [at_least(e, "gpt3_over_gpt2", 10.0, "GPT-3's compute over GPT-2's (a step of at least 10x)", spec="x"),
              at_least(e, "gpt4_over_gpt3", 10.0, "GPT-4's compute over GPT-3's (a step of at least 10x)", spec="x"),
              beyond(e, "horizon_doublings_gpt2_gpt3", 0.0, "doublings of METR's time horizon, GPT-2 to GPT-3",
                     direction="above"),
              beyond(e, "horizon_doublings_gpt3_gpt4", 0.0, "doublings of METR's time horizon, GPT-3 to GPT-4",
                     direction="above")]
    return assess(checks, (
        f"Each jump multiplied training compute ({e['gpt3_over_gpt2']:.0f}x, then {e['gpt4_over_gpt3']:.0f}x). The "
        f"length of task METR's models finish half the time doubled {e['horizon_doublings_gpt2_gpt3']:.1f} times "
        f"({e['level']:.0%} interval {e['horizon_doublings_gpt2_gpt3_low']:.1f} to "
        f"{e['horizon_doublings_gpt2_gpt3_high']:.1f}) and then {e['horizon_doublings_gpt3_gpt4']:.1f} times "
        f"({e['horizon_doublings_gpt3_gpt4_low']:.1f} to {e['horizon_doublings_gpt3_gpt4_high']:.1f}); 'measurably "
        "better' is read as a gain beyond METR's own uncertainty, which for GPT-2's horizon of a few seconds is wide."))


def _gpt4_size_evidence() -> dict:
    return {"reported_params": sl.GPT4_REPORTED_PARAMETERS, "reported_experts": float(sl.GPT4_REPORTED_EXPERTS),
            "reported_moe": sl.GPT4_REPORTED_EXPERTS > 1}


def _gpt4_size_judge(e) -> object:
    checks = [at_least(e, "reported_params", 1e12, "GPT-4's parameters as reported (over a trillion)",
                       basis="literature"),
              holds(e, "reported_moe", "reported as a mixture of experts", basis="literature")]
    return assess(checks, (
        f"The sentence is about reports. The most detailed one (Patel and Wong, SemiAnalysis, 2023) gives about "
        f"{e['reported_params'] / 1e12:.1f} trillion parameters in a mixture of {int(e['reported_experts'])} experts; "
        "OpenAI has never published GPT-4's size, and the Epoch snapshot lists none, so what holds is that it was "
        "reported, not that it is so."))


# --- SL-13: smooth, predictable (loss); SL-18: the same for benchmark scores; SL-14: shape vs scale --------------

def _predictable_evidence(oos_cut_flop: float = _OOS_CUT, tolerance: float = 0.02) -> dict:
    o = sl.out_of_sample(oos_cut_flop)
    return {"heldout_rms_floor": o.rms["power+floor"], "heldout_bias_floor": o.bias["power+floor"],
            "n_test": float(o.n_test), "cut_flop": o.cut_flop, "decades_ahead": o.decades_ahead,
            "tolerance": tolerance}


def _predictable_judge(e) -> object:
    checks = [at_most(e, "heldout_rms_floor", e["tolerance"], f"held-out error of a law fitted on smaller runs (RMS "
                      f"of log loss, at most {e['tolerance']:.0%})", spec="%", n_points=int(e["n_test"]))]
    return assess(checks, (
        f"A power law with a floor fitted to the frontier below {e['cut_flop']:.0e} FLOP predicts the "
        f"{int(e['n_test'])} larger frontier points within {e['heldout_rms_floor']:.1%} (RMS), erring "
        f"{'low' if e['heldout_bias_floor'] < 0 else 'high'} by {abs(e['heldout_bias_floor']):.1%} on average: "
        f"the test reaches {e['decades_ahead']:.1f} decades of compute beyond the fit. Performance is read as loss, "
        "the quantity those papers fitted; seed 001's benchmark scores are SL-18."))


def _bench_evidence(min_models: int = 4, min_gap_dex: float = 0.3, tolerance: float = ABOUT_POINTS) -> dict:
    f = bm.family_forecasts(min_models, min_gap_dex)
    return {"forecast_mae": f.mae, "no_gain_mae": f.mae_no_gain, "fit_wins": float(f.wins),
            "families": float(max(f.n_families, 1)), "n_families": float(f.n_families), "tolerance": tolerance,
            "min_gap_dex": min_gap_dex}


def _bench_judge(e) -> object:
    n = int(e["n_families"])
    checks = [at_most(e, "forecast_mae", e["tolerance"], f"error forecasting each family's largest model (points, "
                      f"at most {e['tolerance']:g})", n_points=n),
              share_at_least(e, "fit_wins", "families", MOST_SHARE, "forecast closer than 'no further gain'",
                             population="model families", strict=True)]
    return assess(checks, (
        f"In {n} model families of Ruan et al.'s base models, a straight line in log compute fitted to the smaller "
        f"members forecasts the largest member's average benchmark score (at least {e['min_gap_dex']:g} decades of "
        f"compute further) within {e['forecast_mae']:.1f} points on average, against {e['no_gain_mae']:.1f} for a "
        f"forecast of no further gain; it is the closer of the two in {int(e['fit_wins'])} families. Across families "
        "compute alone predicts far worse: 'predictable' holds for one recipe scaled up."))


def _shape_evidence(group: str = "largest", measure: str = "rms") -> dict:
    s = ms.shape_vs_scale(group, measure)
    return {"shape_over_decade": s.ratio, "shape_over_decade_low": s.ratio_low, "shape_over_decade_high": s.ratio_high,
            "shape_rms": s.shape_rms, "decade_effect": s.decade_effect, "worst_residual": s.shape_max,
            "n_models": float(s.n_models), "worst_measure": measure == "max"}


def _shape_judge(e) -> object:
    what = "the most extreme shape" if e["worst_measure"] else "shape (RMS)"
    checks = [beyond(e, "shape_over_decade", 1.0, f"loss moved by {what} over loss moved by 10x parameters",
                     direction="below", n_points=int(e["n_models"]))]
    return assess(checks, (
        f"Across {int(e['n_models'])} Gemstones models of different widths and depths trained on the same tokens, "
        f"shape moves log loss by {e['shape_rms']:.3f} (RMS; the most extreme by {e['worst_residual']:.3f}) around a "
        f"power law in size, against {e['decade_effect']:.3f} per tenfold parameters: the ratio read here is "
        f"{e['shape_over_decade']:.2f}."))


# --- Worlds --------------------------------------------------------------------------------------------------

def _runs(name, expected, transform, note=""):
    return World(name, expected, data={W.RUNS: transform}, params=_CHEAP, note=note)


_WALL = "a wall: no run above 5e20 FLOP beats the best run below it"
_FLOOR = "a higher floor: every run 0.3 nats/token worse"
_GROW = "returns that grow: above 1e20 FLOP each decade removes 0.5 nats/token more"
_001_FLAT = "§ The Flattening Curve ¶ 1"

CLAIMS = (
    Claim("SL-1", ("001", "000"), ("§ The Flattening Curve ¶ 3", "§ The Efficiency Frontier ¶ 3"), CHAPTER,
          "sl-claim-decades",
          "Each further tenfold step of compute buys a smaller gain than the one before, so each further unit "
          "of improvement costs more compute; the curve bends without hitting a wall.",
          "each step yields less than the last; outsized compute per point", DATA, _decades_evidence, _decades_judge,
          checklist=("A1-08", "A0-29"),
          worlds=(_runs(_FLOOR, SUPPORTED, W.shift(0.3)),
                  _runs(_WALL, PARTLY, W.wall(5e20), "the later decade still buys less, so that half holds; the wall "
                        "falsifies 'without hitting a wall'"),
                  _runs(_GROW, PARTLY, W.accelerating(0.5), "there is no wall, so that half holds; the later decade "
                        "buys more, which falsifies 'each step buys less'")),
          multiverse=(_STARTS, _TOP, _LEVELS), load_bearing=True),
    Claim("SL-2", ("001",), (_001_FLAT,), CHAPTER, "sl-claim-log",
          "Returns to compute follow a logarithm: what scaling laws promise is logarithmic, not linear, "
          "improvement, and returns per dollar shrink exactly as a log law says.",
          "'precisely the way a logarithmic function predicts'", DATA, _log_evidence, _log_judge,
          checklist=("A1-03", "A1-07"),
          worlds=(_runs("a logarithmic frontier: the same loss removed every decade", SUPPORTED, W.reshaped("log")),
                  _runs("linear returns: loss falls in proportion to compute", NOT_SUPPORTED, W.reshaped("linear"))),
          multiverse=(_CUTS, Choice("tolerance", (0.01, 0.02, 0.03), "'precisely' as a held-out error of at most "
                                    "1 %, 2 % or 3 % of the loss"), _LEVELS),
                                    reason_tags=("contradicted",), load_bearing=True),
    not_testable("SL-3", ("002",), ("§ What This Means for the Industry ¶ 3",),
                 "If every new generation needs ten times the compute to be twice as good, bigger clusters earn "
                 "less.", "10x compute for 2x improvement",
                 "conditional: 'if each new generation requires ten times the compute' is a premise, not an "
                 "assertion; the generations' compute is tested as SL-7 and SL-8, returns per decade as SL-1",
                 chapter=CHAPTER, anchor="sl-claim-ten-for-two", checklist=("A2-32",)),
    Claim("SL-4", ("003",), ("§ Diminishing Returns: The New Normal ¶ 4",), CHAPTER, "sl-claim-doubling",
          "Doubling a model no longer gives the gain it used to: the return to doubling has fallen.",
          "2x larger no longer gives 2x better results", DATA, _doubling_evidence, _doubling_judge,
          checklist=("A3-05",),
          worlds=(_runs(_WALL, SUPPORTED, W.wall(5e20)), _runs(_GROW, NOT_SUPPORTED, W.accelerating(0.5))),
          multiverse=(_STARTS, _LEVELS), load_bearing=True),
    Claim("SL-5", ("001",), ("§ The Flattening Curve ¶ 4",), CHAPTER, "sl-claim-table",
          "Going from 1B to 10B parameters gained about 42 %, 10B to 100B about 28 %, 100B to 1T about 14 %.",
          "+42 %, +28 %, +14 % per tenfold step", MODEL, _table_evidence, _table_judge, checklist=("A1-09",),
          worlds=(World("runs on a law under which the table holds (a low floor, steep exponent)", SUPPORTED,
                        data={W.RUNS: chw.law_as(chw.table_law)}, params={"n_boot": 20}),
                  World("runs on Hoffmann et al.'s published law", NOT_SUPPORTED,
                        data={W.RUNS: chw.law_as(chw.hoffmann)}, params={"n_boot": 20})),
          multiverse=(Choice("measure", ("total", "reducible"), "gain as a share of the total loss or of the "
                             "reducible loss (above the floor): the article names neither"),
                      Choice("reading", ("parameters", "compute"), "the rows as tenfold parameters at a "
                             "compute-optimal split, or as tenfold compute (the table's heading)")), load_bearing=True),
    not_testable("SL-6", ("001",), ("§ The Flattening Curve ¶ 4",),
                 "Going from 1T to 10T parameters would gain about 6 %.", "+6 % (projected)",
                 "forecast: the 1T-to-10T row is labelled projected; SL-5 tests the rows stated as measured",
                 chapter=CHAPTER, anchor="sl-claim-table", checklist=("A1-10",)),
    Claim("SL-7", ("002",), ("§ The Law That Built an Industry ¶ 3",), CHAPTER, "sl-claim-generations",
          "GPT-2, GPT-3 and GPT-4 were each trained with roughly ten times the compute of the one before.",
          "each generation roughly ten times the compute", DATA, _tenfold_evidence, _tenfold_judge,
          checklist=("A2-03",),
          worlds=(World("each GPT generation trained with 10x its predecessor's compute", SUPPORTED,
                        data={W.EPOCH: W.generations(compute_steps=(10, 10))}),
                  World("each GPT generation trained with 1000x its predecessor's compute", NOT_SUPPORTED,
                        data={W.EPOCH: W.generations(compute_steps=(1000, 1000))})),
          multiverse=(Choice("factor", (ABOUT_FACTOR, ORDER_FACTOR), "'roughly ten times' read within rounding "
                             "(x1.5) or as an order of magnitude (x3.16)"),
                      Choice("steps", ("each", "average"), "each step, or the average step from GPT-2 to GPT-4"))),
    Claim("SL-8", ("002",), ("§ The Evidence for Diminishing Returns ¶ 2",), CHAPTER, "sl-claim-generations",
          "GPT-4 was trained with an estimated 10 to 100 times GPT-3's compute.", "10-100x GPT-3's compute",
          DATA, _range_evidence, _gpt4_range_judge, checklist=("A2-06",),
          worlds=(World("GPT-4 trained with 30x GPT-3's compute", SUPPORTED,
                        data={W.EPOCH: W.generations(compute_steps=(None, 30))}),
                  World("GPT-4 trained with 300x GPT-3's compute", NOT_SUPPORTED,
                        data={W.EPOCH: W.generations(compute_steps=(None, 300))})),
          multiverse=(Choice("bounds", ("stated", "rounded"), "the range as stated, or each end widened by the "
                             "rounding factor 1.5"),)),
    Claim("SL-9", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 5",), CHAPTER, "sl-claim-generations",
          "GPT-2 had 1.5 billion parameters and GPT-3 175 billion.", "1.5B and 175B parameters", DATA,
          _params_evidence, _params_judge, checklist=("A4-06", "A4-07"),
          worlds=(World("GPT-2 and GPT-3 listed at exactly 1.5B and 175B", SUPPORTED,
                        data={W.EPOCH: W.generations(params=(1.5e9, 175e9))}),
                  World("GPT-2 and GPT-3 listed at a tenth of the stated sizes", NOT_SUPPORTED,
                        data={W.EPOCH: W.generations(params=(1.5e8, 17.5e9))})),
          multiverse=(Choice("factor", (ABOUT_FACTOR, 1.1), "the stated counts read within rounding (x1.5) or as "
                             "exact figures (within 10 %)"),)),
    Claim("SL-10", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 5",), CHAPTER, "sl-claim-generations",
          "GPT-4 is reported to have over a trillion parameters in a mixture of experts.", "reportedly over a trillion "
          "parameters", LITERATURE, _gpt4_size_evidence, _gpt4_size_judge, citations=("patel2023gpt4",),
          checklist=("A4-08",)),
    Claim("SL-11", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 7",), CHAPTER, "sl-claim-generations",
          "The compute used to train frontier models grows four to five times a year.", "4-5x per year", DATA,
          _growth_evidence, _growth_judge, checklist=("A4-10",),
          worlds=(World("frontier compute re-dated to grow 4.5x a year", SUPPORTED,
                        data={W.EPOCH: W.frontier_growth(4.5)}),
                  World("frontier compute re-dated to grow 2x a year", NOT_SUPPORTED,
                        data={W.EPOCH: W.frontier_growth(2.0)})),
          multiverse=(Choice("top_rank", (5, 10, 20), "frontier as the top 5, 10 or 20 models by compute when "
                             "published"),
                      Choice("since", ("2010-01-01", "2018-01-01", "2020-01-01"), "the window may start in 2010 "
                             "(Epoch's deep-learning era), 2018 or 2020"))),
    Claim("SL-12", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 5",), CHAPTER, "sl-claim-generations",
          "Each jump from GPT-2 to GPT-4 cost many times more compute and gave measurably better results.",
          "exponentially more cost, measurably better results", DATA, _jumps_evidence, _jumps_judge,
          checklist=("A4-09",),
          worlds=(World("each GPT jump 100x the compute and 30x the time horizon", SUPPORTED,
                        data={W.EPOCH: W.generations(compute_steps=(100, 100)), W.METR: W.horizons((30, 30))}),
                  World("no jumps: every generation GPT-2's compute and GPT-2's horizon", NOT_SUPPORTED,
                        data={W.EPOCH: W.generations(compute_steps=(1, 1)), W.METR: W.horizons((1, 1))}),
                  World("GPT-4 no better than GPT-3 on METR's horizon", PARTLY,
                        data={W.METR: W.horizons((30, 1))},
                        note="both jumps still cost far more and the first still pays; the second jump buying "
                             "nothing falsifies 'each jump delivered measurably better results'")),
          multiverse=(Choice("version", ("1.1", "1.0"), "METR's Time Horizon 1.1 or 1.0 (never pooled)"),
                      Choice("level", (0.68, 0.9, 0.95), "'measurably' as beyond one standard error, or a 90 % or "
                             "95 % interval"))),
    Claim("SL-13", ("002", "004"), ("§ The Law That Built an Industry ¶ 1",
                                    "§ The Scaling Laws That Built Modern AI ¶ 3"), CHAPTER,
          "sl-claim-predictable",
          "Scaling-law papers showed that performance improves smoothly and predictably with parameters, data "
          "and compute.", "model performance improves predictably", DATA, _predictable_evidence,
          _predictable_judge, checklist=("A2-01", "A4-05"),
          worlds=(_runs("runs pulled halfway to a smooth law (half the scatter)", SUPPORTED,
                        W.reshaped("smooth", 0.5)),
                  _runs("a break: every run above 5e20 FLOP 10 % better", NOT_SUPPORTED, W.jump(5e20, 0.9))),
          multiverse=(_CUTS, Choice("tolerance", (0.01, 0.02, 0.03), "'predictably' as a held-out error of at most "
                                    "1 %, 2 % or 3 % of the loss"))),
    Claim("SL-18", ("001",), ("§ (opening) ¶ 4",), CHAPTER, "sl-claim-predictable",
          "The scaling-law papers found that benchmark scores rise smoothly and predictably as compute and "
          "parameters grow.", "smooth, predictable links to benchmark scores", DATA, _bench_evidence, _bench_judge,
          checklist=("A1-01",),
          worlds=(World("every family's scores on a straight line in log compute", SUPPORTED,
                        data={W.RUAN: W.benchmark_families("on_line")}),
                  World("the largest model of every family scores like its smallest", NOT_SUPPORTED,
                        data={W.RUAN: W.benchmark_families("falling_back")})),
          multiverse=(Choice("min_models", (4, 5), "a family counts with at least 4 or 5 models"),
                      Choice("min_gap_dex", (0.2, 0.3, 0.5), "the largest model at least 0.2, 0.3 or 0.5 decades of "
                             "compute beyond its siblings"),
                      Choice("tolerance", (ABOUT_POINTS, ABOUT_POINTS / 2), "'predictable' as within one rounding "
                             "step (5 points) or half of it"))),
    Claim("SL-14", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 4",), CHAPTER, "sl-claim-predictable",
          "A model's shape matters less than its scale.", "shape mattered less than scale", DATA, _shape_evidence,
          _shape_judge, checklist=("A4-05",),
          worlds=(World("shape effects halved", SUPPORTED, data={W.GEMSTONES: W.shape_effect(0.5)}),
                  World("shape effects 15 times larger", NOT_SUPPORTED, data={W.GEMSTONES: W.shape_effect(15.0)})),
          multiverse=(Choice("group", ("largest", "smallest"), "models compared at the largest or the smallest "
                             "common token count"),
                      Choice("measure", ("rms", "max"), "shape's effect as the typical (RMS) or the most extreme "
                             "deviation"))),
    not_testable("SL-15", ("001",), ("§ Why do scaling laws produce diminishing returns beyond a certain model "
                                     "size? ¶ 2",),
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
