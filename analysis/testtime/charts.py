"""Charts of the test-time compute chapter, in the book's house style (:mod:`analysis.house.charts`).

Every function returns :func:`analysis.house.charts.figure` (an accessible description, a source line and the data
as CSV); its ``name`` is the one the chapter's cell metadata uses (``fig-tt-...``).
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from analysis.house import charts
from analysis.testtime import kim2025 as kim
from analysis.testtime import sampling as tt, passk
from analysis.testtime import verifiers as vf
from analysis.house.validation import require_positive

BROWN = "Brown et al. (2024) per-problem counts of 10,000 samples"
KIM = "Kim et al. (2025) Tables III and IV"
SELECTORS = {"coverage (perfect checker)": "coverage", "imperfect verifier": "our fit",
             "majority vote, best case": "majority vote", "majority vote, worst case": "reference",
             "one sample (pass@1)": "pass@1"}


def _short(model: str) -> str:
    return model.replace("Pythia ", "")


def watts_expr(field: str = "datum.value") -> str:
    """Vega expression for a power in watts, written as the chapter writes it: W, kW, MW, GW or TW with up
    to three significant digits (``1.5e9`` -> ``"1.5 GW"``). :func:`analysis.house.charts.si_expr` would write
    "1.5B W", and d3's ``s`` format "1.5G"."""
    v = field
    steps = " : ".join(f"abs({v}) >= {t} ? format({v} / {t}, '.3~r') + ' {u}'"
                       for t, u in (("1e12", "TW"), ("1e9", "GW"), ("1e6", "MW"), ("1e3", "kW")))
    return f"({steps} : format({v}, '.3~r') + ' W')"


def _size_of(model: str) -> float:
    """Parameters of a model named like "Pythia 2.8B" or "Llama 3 8B Instruct" (for ordering)."""
    for word in model.split(" "):
        if word[:-1].replace(".", "", 1).isdigit() and word[-1] in "MB":
            return float(word[:-1]) * (1e6 if word[-1] == "M" else 1e9)
    return float("inf")


def coverage_chart(benchmark: str = "MATH", k_max_fit: int = 100) -> alt.LayerChart:
    """Observed coverage@k per model (points) and Brown et al.'s law fitted on k <= ``k_max_fit`` (dashed,
    extrapolated to 10,000 samples)."""
    curves = tt.coverage_curves(benchmark)
    grid = np.logspace(0, 4, 60)
    fitted = pd.concat([pd.DataFrame({"model": e.model, "k": grid, "coverage": e.law.predict(grid)})
                        for e in tt.extrapolation_check(benchmark, k_max_fit)])
    order = sorted(tt.monkeys_models(benchmark), key=_size_of)  # small (light) to large (dark)
    x = charts.x("k:Q", "samples per problem k", (1, 1e4), scale="log")
    y = charts.y("coverage:Q", "share of problems solved by some sample", (0, 1), percent=True)
    color = alt.Color("model:N", sort=order, title="model", scale=charts.size_scale(order))
    families = list(dict.fromkeys(m.split(" ")[0] for m in order))
    shape = (alt.Shape("family:N", title="family", sort=families, scale=alt.Scale(
        domain=families, range=["circle", "square", "triangle-up", "diamond"][:len(families)]))
        if len(families) > 1 else alt.value("circle"))
    points = alt.Chart(curves.assign(family=curves["model"].str.split(" ").str[0])).mark_point(
        filled=True, size=40).encode(x=x, y=y, color=color, shape=shape,
                                     tooltip=["model", "k", alt.Tooltip("coverage:Q", format=".1%")])
    lines = alt.Chart(fitted).mark_line(strokeDash=[5, 3], strokeWidth=1.5).encode(x=x, y=y, color=color)
    rule = alt.Chart(pd.DataFrame({"k": [k_max_fit]})).mark_rule(color=charts.colour("reference")).encode(x="k:Q")
    chart = alt.layer(lines, points, rule).properties(title=alt.Title(
        f"Coverage grows with samples ({benchmark})",
        subtitle=f"points: exact coverage; dashed: law fitted on k <= {k_max_fit} (grey rule), extrapolated"))
    return charts.figure(
        chart, name=f"fig-tt-coverage-{benchmark.lower()}",
        description=(f"Coverage (share of {benchmark} problems solved by at least one of k samples) against k on a log "
                     f"axis from 1 to 10,000, one colour per model; dashed lines are Brown et al.'s exponentiated "
                     f"power law fitted on k up to {k_max_fit} and extrapolated."),
        source=f"{BROWN}; fit: this book", data=curves)


def flop_chart(tokens_per_sample: float = 256.0) -> alt.Chart:
    """Coverage of every Pythia size on MATH against inference FLOPs per problem."""
    t = float(require_positive("tokens_per_sample", tokens_per_sample))
    curves = tt.coverage_curves("MATH").copy()
    curves["flop"] = tt.inference_flop(curves["params"].to_numpy(), curves["k"].to_numpy(), t)
    order = tt.monkeys_models("MATH")
    lo, hi = float(curves["flop"].min()), float(curves["flop"].max())
    x = charts.x("flop:Q", f"inference compute per problem (FLOP, {t:.0f} tokens per sample)",
                 (10 ** np.floor(np.log10(lo)), 10 ** np.ceil(np.log10(hi))), scale="log")
    y = charts.y("coverage:Q", "coverage", (0, 1), percent=True)
    chart = alt.Chart(curves).transform_calculate(flop_si=charts.si_expr("datum.flop")).mark_line(point=True).encode(
        x=x, y=y, color=alt.Color("model:N", sort=order, title="model", scale=charts.size_scale(order)),
        tooltip=["model", "k", alt.Tooltip("flop_si:N", title="FLOP per problem"), alt.Tooltip("coverage:Q", format=".1%")],
    ).properties(title=alt.Title("Coverage on MATH per unit of inference compute",
                                 subtitle="each point is a sample budget k; along a line, more samples"))
    return charts.figure(
        chart, name="fig-tt-flops",
        description=("Coverage on MATH of seven Pythia models against inference FLOPs per problem on a log axis; "
                     "each line is one model drawing 1 to 10,000 samples, so lines of smaller models start further "
                     "left."),
        source=f"{BROWN}; FLOPs: 2 x parameters x tokens", data=curves)


def total_compute_table(recall: float = vf.VERIFIER_RECALL, fpr: float = vf.VERIFIER_FPR,
                        ratios=tt.RATIO_GRID) -> pd.DataFrame:
    """Long table for :func:`total_compute_chart`: every pair, each ratio R of ``ratios``, and selector."""
    rows = []
    for r in ratios:
        f = tt.compute_matched_pairs(r, "total", recall, fpr)
        for sel, col in (("coverage (perfect checker)", "coverage_small"), ("imperfect verifier", "verifier_small")):
            rows.append(pd.DataFrame({
                "pair": [f"{_short(s)} vs {_short(l)}" for s, l in zip(f["small"], f["large"])],
                "size_ratio": f["size_ratio"], "k_small": f["k_small"],
                "advantage_pts": 100 * (f[col] - f["pass1_large"]), "selector": sel,
                "inference_ratio": float(r)}))
    return pd.concat(rows, ignore_index=True)


def total_compute_chart(inference_ratio: float = 1.0, recall: float = vf.VERIFIER_RECALL,
                        fpr: float = vf.VERIFIER_FPR) -> alt.LayerChart:
    """For every Pythia pair on MATH, the smaller model's accuracy minus one sample of the larger at equal
    total compute (training + inference), with a drop-down for Snell et al.'s ratio R."""
    r0 = float(require_positive("inference_ratio", inference_ratio))
    values = sorted({float(f"1e{e}") for e in range(-4, 2)} | {r0})
    data = total_compute_table(recall, fpr, tuple(values))
    param = charts.log_slider("R", values=values, value=float(inference_ratio),
                              label="inference tokens / training tokens R ")
    lo = float(min(-5.0, np.floor(data["advantage_pts"].min() / 5) * 5))
    hi = float(max(5.0, np.ceil(data["advantage_pts"].max() / 5) * 5))
    order = list(dict.fromkeys(data.sort_values("size_ratio")["pair"]))
    # the axis follows the chosen R: each ratio's points span its own domain (rounded out to 5 points)
    spans = {r: (float(min(-5.0, np.floor(g.min() / 5) * 5)), float(max(5.0, np.ceil(g.max() / 5) * 5)))
             for r, g in data.groupby("inference_ratio")["advantage_pts"]}
    pick = lambda i: " : ".join(f"abs(R - {r!r}) < {1e-6 * r!r} ? {span[i]!r}" for r, span in spans.items()) + f" : {(lo, hi)[i]!r}"  # noqa: E731
    x = alt.X("advantage_pts:Q", title="smaller model's gain (points)",
              scale=alt.Scale(domain=[{"expr": pick(0)}, {"expr": pick(1)}], nice=False, zero=False),
              axis=alt.Axis(labelExpr=charts.si_expr()))
    y = alt.Y("pair:N", sort=order, title=None)
    dots = alt.Chart(data).mark_point(filled=True, size=60).encode(
        x=x, y=y, color=alt.Color("selector:N", title="answer picked by", legend=alt.Legend(symbolType="circle"),
                                  scale=charts.colour_scale({k: SELECTORS[k] for k in
                                                             ("coverage (perfect checker)", "imperfect verifier")})),
        tooltip=["pair", "selector", "k_small", alt.Tooltip("advantage_pts:Q", format=".1f")],
    ).add_params(param).transform_filter("abs(datum.inference_ratio - R) < 1e-6 * R")
    zero = alt.Chart(pd.DataFrame({"advantage_pts": [0.0]})).mark_rule(color=charts.colour("reference")).encode(
        x=alt.X("advantage_pts:Q"))
    chart = alt.layer(zero, dots).properties(height=420, title=alt.Title(
        "Counting training too: small models sampled more often",
        subtitle=f"gain: the smaller model's accuracy minus one sample of the larger's; pairs (smaller vs larger) by "
                 f"size ratio; right of the line the smaller model wins; verifier: recall {recall:.0%}, false "
                 f"positives {fpr:.1%}"))
    return charts.figure(
        chart, name="fig-tt-total",
        description=("For each of 20 pairs of Pythia models on MATH, the accuracy of the smaller model drawing as many "
                     "samples as the larger model's training and inference compute allow, minus the larger model's "
                     "single-sample accuracy, in points; a drop-down sets the ratio of inference to training tokens."),
        source=f"{BROWN}; compute 6ND + 2N x tokens; ratio R from Snell et al. (2024)", data=data)


def selection_chart(model: str = "Pythia 2.8B", recall: float = vf.VERIFIER_RECALL,
                    fpr: float = vf.VERIFIER_FPR) -> alt.LayerChart:
    """Coverage against what selectors deliver for one model on MATH: the chapter's verifier, and the band
    in which the counts place a majority vote."""
    s = tt.selection_curves("MATH", model, recall, fpr)
    lines = pd.concat([pd.DataFrame({"k": s.ks, "accuracy": v, "method": m}) for m, v in (
        ("coverage (perfect checker)", s.coverage), ("imperfect verifier", s.verifier),
        ("one sample (pass@1)", np.full(len(s.ks), s.pass1)))], ignore_index=True)
    band = pd.DataFrame({"k": s.ks, "low": s.vote_worst, "high": s.vote_best})
    x = charts.x("k:Q", "samples per problem k", (1, 1000), scale="log")
    y = charts.y("accuracy:Q", "share of problems answered correctly", (0, 1), percent=True)
    area = alt.Chart(band).mark_area(opacity=0.25, color=charts.colour("majority vote")).encode(
        x=x, y=charts.y("low:Q", "share of problems answered correctly", (0, 1), percent=True), y2="high:Q")
    keys = ("coverage (perfect checker)", "imperfect verifier", "one sample (pass@1)")
    curves = alt.Chart(lines).mark_line(point=True).encode(
        x=x, y=y, color=alt.Color("method:N", title="answer picked by",
                                  scale=charts.colour_scale({k: SELECTORS[k] for k in keys})),
        tooltip=["method", "k", alt.Tooltip("accuracy:Q", format=".1%")])
    chart = alt.layer(area, curves).properties(title=alt.Title(
        f"Selection is not coverage: {model} on MATH",
        subtitle=f"magenta band: majority vote between its worst and best case; verifier false positives {fpr:.1%}"))
    return charts.figure(
        chart, name="fig-tt-selection",
        description=(f"Share of MATH problems answered correctly by {model} against samples per problem (log axis, 1 "
                     f"to 1,000): coverage, an imperfect verifier that levels off, a single sample, and a shaded band "
                     f"between the worst and best case of a majority vote."),
        source=f"{BROWN}; selectors: this book", data={"curves": lines, "vote band": band})


def verifier_chart(model: str = "Pythia 12B", recall: float = vf.VERIFIER_RECALL,
                   fpr: float = vf.VERIFIER_FPR, fp_cost: float = vf.FALSE_POSITIVE_COST) -> alt.LayerChart:
    """Accuracy, wrong answers returned and utility of resampling with the imperfect verifier, against the
    budget k (1 to 10,000), with the verifier-limited optimum marked."""
    c = tt._counts("MATH", model)
    ks = np.unique(np.round(np.logspace(0, 4, 61)).astype(int))
    acc = vf.verifier_accuracy(c, tt.MONKEYS_SAMPLES, ks, recall, fpr)
    wrong = vf.verifier_false_answers(c, tt.MONKEYS_SAMPLES, ks, recall, fpr)
    cov = passk.coverage(np.full_like(c, tt.MONKEYS_SAMPLES), c, ks)
    o = vf.verifier_optimum(c, tt.MONKEYS_SAMPLES, recall, fpr, fp_cost)
    data = pd.concat([pd.DataFrame({"k": ks, "value": v, "quantity": q}) for q, v in (
        ("right answers", acc), ("wrong answers returned", wrong),
        (f"utility (+1 right, -{fp_cost:g} wrong)", acc - fp_cost * wrong), ("coverage", cov))], ignore_index=True)
    ent = {"coverage": "coverage", "right answers": "our fit", "wrong answers returned": "our fit",
           f"utility (+1 right, -{fp_cost:g} wrong)": "data"}
    x = charts.x("k:Q", "samples per problem k (resample until accepted)", (1, 1e4), scale="log")
    lo = float(min(0.0, np.floor(data["value"].min() * 10) / 10))
    y = charts.y("value:Q", "share of problems", (lo, 1), percent=True)
    lines = alt.Chart(data).mark_line().encode(
        x=x, y=y, **charts.series("quantity", ent, title=None, dashes={"wrong answers returned": charts.DASHED}),
        tooltip=["quantity", "k", alt.Tooltip("value:Q", format=".1%")])
    rule = alt.Chart(pd.DataFrame({"k": [o.k_best]})).mark_rule(color=charts.colour("reference"),
                                                                strokeDash=[4, 3]).encode(x="k:Q")
    cap = alt.Chart(pd.DataFrame({"value": [o.cap]})).mark_rule(color=charts.colour("reference"),
                                                               strokeDash=[2, 2]).encode(y="value:Q")
    chart = alt.layer(lines, rule, cap).properties(title=alt.Title(
        f"An imperfect verifier caps accuracy: {model}",
        subtitle=f"false positives {fpr:.1%}; grey rules: best budget k = {o.k_best} and the cap {o.cap:.0%}"))
    return charts.figure(
        chart, name="fig-tt-verifier",
        description=(f"For {model} on MATH, resampling until a verifier with {fpr:.1%} false positives accepts: share of "
                     f"problems answered right, answered wrong, the utility, and coverage, against the sample budget "
                     f"on a log axis; utility peaks at {o.k_best} samples and accuracy levels off at {o.cap:.0%}."),
        source=f"{BROWN}; verifier model after Stroebl et al. (2024)", data=data)


def guessing_chart(n_candidates: int = 100) -> alt.Chart:
    """Coverage@10,000 of each Pythia model, all problems and without those solved only at guess-level rates."""
    g = tt.guessing_table(n_candidates)
    data = pd.concat([pd.DataFrame({"model": g["model"], "coverage": g["coverage_10k"], "count": "all problems"}),
                      pd.DataFrame({"model": g["model"], "coverage": g["adjusted_10k"],
                                    "count": f"solved more often than 1 in {n_candidates}"})], ignore_index=True)
    order = list(g["model"])
    chart = alt.Chart(data).mark_bar().encode(
        y=alt.Y("model:N", sort=order, title="model"),
        x=charts.x("coverage:Q", "coverage at 10,000 samples", (0, 1), percent=True),
        yOffset=alt.YOffset("count:N"),
        color=alt.Color("count:N", title="problems counted", legend=alt.Legend(symbolType="square"),
                        scale=charts.colour_scale({"all problems": "reference",
                                                   f"solved more often than 1 in {n_candidates}": "coverage"})),
        tooltip=["model", "count", alt.Tooltip("coverage:Q", format=".1%")],
    ).properties(title=alt.Title("How much coverage could a guesser match?",
                                 subtitle=f"a blind guess among {n_candidates} answers is right 1 time in {n_candidates}"))
    return charts.figure(
        chart, name="fig-tt-guess",
        description=(f"Horizontal bars for seven Pythia models: coverage on MATH at 10,000 samples counting every "
                     f"problem, and counting only problems the model solves more often than one sample in "
                     f"{n_candidates}, the rate of a blind guess among {n_candidates} answers."),
        source=f"{BROWN}; guessing threshold: this book", data=data)


def kim_tradeoff_chart(level: float = 0.9) -> alt.LayerChart:
    """Accuracy against GPU energy per query for Kim et al.'s two agents on two model sizes, with Wilson
    intervals for 50 questions."""
    frame = kim.kim_table_iii().dropna(subset=["accuracy_pct"]).copy()
    lo, hi = kim.accuracy_interval(frame["accuracy_pct"].to_numpy(), level=level)
    frame["low"], frame["high"] = lo, hi
    x = charts.x("energy_wh:Q", "GPU energy per request (Wh, one request at a time)", (10, 1000), scale="log")
    y = charts.y("accuracy_pct:Q", "HotpotQA accuracy (%)", (0, 100))
    color = alt.Color("model:N", title="Llama-3.1 model", scale=charts.size_scale(["8B", "70B"]))
    points = alt.Chart(frame).mark_point(filled=True, size=120).encode(
        x=x, y=y, color=color, shape=alt.Shape("design:N", title="agent"),
        tooltip=["model", "design", "accuracy_pct", "latency_s", "energy_wh", "gpus"])
    bars = alt.Chart(frame).mark_rule(strokeWidth=2).encode(
        x=x, y=charts.y("low:Q", "HotpotQA accuracy (%)", (0, 100)), y2="high:Q", color=color)
    chart = alt.layer(bars, points).properties(title=alt.Title(
        "Kim et al.: accuracy against energy per request",
        subtitle=f"bars: {level:.0%} Wilson intervals for 50 questions"))
    return charts.figure(
        chart, name="fig-tt-kim",
        description=("Four points, HotpotQA accuracy against GPU energy per request on a log axis, for the Reflexion "
                     "and LATS agents on Llama-3.1 8B and 70B, with 90% intervals for 50 questions; 8B LATS sits close "
                     "to 70B LATS at a seventh of the energy."),
        source=KIM, data=frame)


def fleet_chart(batching_gain: float = 1.0) -> alt.LayerChart:
    """Average power of a fleet serving each design of Kim et al.'s Table III, with drop-downs for traffic and
    for an assumed batching gain, and a rule at 1 GW."""
    traffic = sorted(set(charts.log_values(1e7, 1e10)) | {kim.KIM_TRAFFIC_TODAY, kim.KIM_TRAFFIC_SEARCH})
    gains = sorted(set(charts.log_values(1, 100)) | {float(batching_gain)})
    q = charts.log_slider("queries", values=traffic, value=kim.KIM_TRAFFIC_SEARCH, label="queries per day ")
    g = charts.log_slider("gain", values=gains, value=float(batching_gain), label="batching gain (1 = the paper) ")
    frame = kim.kim_table_iii()[["model", "design", "energy_wh"]].copy()
    frame["label"] = frame["model"] + " " + frame["design"]
    order = list(frame.sort_values("energy_wh")["label"])
    watts = charts.x("power_w:Q", "average power of the fleet", (1e4, 1e12), scale="log", ticks=[1e5, 1e7, 1e9, 1e11],
                     axis={"labelExpr": watts_expr("datum.value")})
    # points, not bars: on a log axis a bar has no zero to start from, so its length would mean nothing
    dots = alt.Chart(frame).transform_calculate(
        power_w="datum.energy_wh / gain * queries / 24").transform_calculate(
        power_text=watts_expr("datum.power_w")).mark_point(filled=True, size=110, color=charts.colour("our fit")).encode(
        y=alt.Y("label:N", sort=order, title="design (Kim et al. Table III)"), x=watts,
        tooltip=["label", alt.Tooltip("energy_wh:Q", title="Wh per request"),
                 alt.Tooltip("power_text:N", title="power")]).add_params(q, g)
    gw = pd.DataFrame({"power_w": [1e9], "label": ["1 GW"]})
    rule = alt.Chart(gw).mark_rule(color=charts.colour("article"), strokeWidth=2).encode(x=watts)
    text = alt.Chart(gw).mark_text(align="left", dx=4, baseline="top", y=2, fontSize=11, fontWeight=600,
                                   color=charts.colour("article")).encode(x=watts, text="label:N")
    chart = alt.layer(dots, rule, text).properties(title=alt.Title(
        "Energy per request x traffic = power",
        subtitle="orange: 1 GW; single-request energies are upper bounds, a batching gain divides them"))
    return charts.figure(
        chart, name="fig-tt-fleet",
        description=("Points at the average power a fleet would draw for each of six designs of Kim et al.'s "
                     "Table III, on a log axis from 10 kW to 1 TW, with drop-downs for queries per day and a batching "
                     "gain, and a rule at one gigawatt."),
        source=KIM, data=frame)


def power_law_chart(n_boot: int = 200, seed: int = 0) -> alt.LayerChart:
    """The coverage law's exponent predicted from the fitted beta distribution of single-sample success against
    the exponent fitted to the observed coverage, per model (bootstrap intervals over problems), with the
    diagonal where they agree (Schaeffer, Kazdan et al. 2025)."""
    from analysis.testtime import power_laws as pl
    frame = pd.concat([pl.exponent_table(b, n_boot, seed) for b in ("MATH", "CodeContests")], ignore_index=True)
    frame = frame.assign(label=frame["benchmark"] + ": " + frame["model"])
    top = float(np.ceil(max(frame["predicted_high"].max(), frame["observed_high"].max()) * 10) / 10)
    x = charts.x("observed:Q", "exponent fitted to observed coverage", (0, top))
    y = charts.y("predicted:Q", "exponent predicted from single-sample success", (0, top))
    shape = alt.Shape("benchmark:N", title="benchmark", scale=alt.Scale(domain=["MATH", "CodeContests"],
                                                                        range=["circle", "square"]))
    color = alt.Color("benchmark:N", title="benchmark", scale=alt.Scale(
        domain=["MATH", "CodeContests"], range=[charts.colour("our fit"), charts.colour("reference")]))
    tip = ["label", alt.Tooltip("observed:Q", format=".3f"), alt.Tooltip("predicted:Q", format=".3f"),
           alt.Tooltip("alpha:Q", format=".3f", title="beta shape alpha")]
    diag = alt.Chart(pd.DataFrame({"observed": [0.0, top], "predicted": [0.0, top]})).mark_line(
        strokeDash=[4, 3], color=charts.colour("reference")).encode(x=x, y=y)
    xerr = alt.Chart(frame).mark_rule(opacity=0.6).encode(x="observed_low:Q", x2="observed_high:Q", y=y, color=color)
    yerr = alt.Chart(frame).mark_rule(opacity=0.6).encode(y="predicted_low:Q", y2="predicted_high:Q", x=x, color=color)
    pts = alt.Chart(frame).mark_point(filled=True, size=60).encode(x=x, y=y, shape=shape, color=color, tooltip=tip)
    chart = alt.layer(diag, xerr, yerr, pts).properties(title=alt.Title(
        "The distribution of single-sample success predicts the power law",
        subtitle="one point per model; bars: 90% bootstrap intervals over problems; dashed: agreement"))
    return charts.figure(
        chart, name="fig-tt-power-law",
        description=("Scatter of the exponent b of the law -log coverage = a k^-b: fitted to observed coverage "
                     "(horizontal) against predicted from a beta distribution fitted to each model's per-problem "
                     "success counts (vertical), seven Pythia models on MATH and five models on CodeContests, "
                     "with bootstrap intervals and the diagonal of perfect agreement."),
        source=f"{BROWN}; beta fits and exponents: this book, after Schaeffer, Kazdan et al. (2025)",
        data=frame[["benchmark", "model", "alpha", "beta", "observed", "observed_low", "observed_high",
                    "predicted", "predicted_low", "predicted_high"]])
