"""Charts of the chapter "The other side" (house style: :mod:`analysis.house.charts`), built from the
results of :mod:`analysis.other_side.emergence`."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from analysis.house import charts
from analysis.house.validation import require_in_range, require_positive
from analysis.other_side.obsscaling import EmergencePrediction
from analysis.other_side.emergence import (InverseProblems, METRICS, MetricComparison, PER_TOKEN_ALPHA,
                                           TOY_FLOOR, TOY_LOSS_REF, TOY_N_REF, _toy)


def exact_match_explorer(*, floor: float = TOY_FLOOR, loss_ref: float = TOY_LOSS_REF, N_ref: float = TOY_N_REF,
                         alpha: float = PER_TOKEN_ALPHA, alpha_source: str = "Kaplan et al. 2020") -> alt.LayerChart:
    """Per-token accuracy p(N) and exact match p(N)**L against model size, with sliders on the answer length L
    and on the per-token exponent (starting at ``alpha``, from ``alpha_source``), and a dashed rule where exact
    match reaches 50 %. The per-token curve does not move with L; the exact-match curve slides right as L grows
    and is capped by the floor at exp(-L floor); a larger exponent steepens both."""
    floor, loss_ref, N_ref, alpha = _toy(floor, loss_ref, N_ref, alpha)
    L = charts.slider("L", min=1, max=40, step=1, value=5, label="answer length L (tokens) ")
    a = charts.slider("alpha_tok", min=0.02, max=1.5, step=0.002, value=round(alpha, 3),
                      label="per-token exponent alpha ")
    grid = pd.DataFrame({"N": np.logspace(6, 16, 161)})
    p_expr = f"exp(-({floor} + {loss_ref} * pow({N_ref} / datum.N, alpha_tok)))"
    base = alt.Chart(grid).transform_calculate(per_token=p_expr, exact_match=f"pow({p_expr}, L)").transform_fold(
        ["per_token", "exact_match"], as_=["metric", "accuracy"]).transform_calculate(
        metric="datum.metric == 'per_token' ? 'per token, p' : 'exact match, p^L'")
    x = charts.x("N:Q", "model size N (parameters)", (1e6, 1e16), scale="log")
    lines = base.mark_line().encode(
        x=x, y=charts.y("accuracy:Q", "accuracy", (0, 1), percent=True),
        color=alt.Color("metric:N", title="metric",
                        scale=charts.colour_scale({"per token, p": "reference", "exact match, p^L": "our fit"})),
        tooltip=["metric:N", alt.Tooltip("accuracy:Q", format=".1%")],
    ).add_params(L, a)
    rule = alt.Chart(pd.DataFrame({"x": [0]})).transform_calculate(
        room=f"{np.log(2)} / L - {floor}").transform_filter("datum.room > 0").transform_calculate(
        N_half=f"{N_ref} * pow({loss_ref} / datum.room, 1 / alpha_tok)").transform_filter(
        "datum.N_half <= 1e16 && datum.N_half >= 1e6").mark_rule(
        strokeDash=[4, 3], color=charts.colour("reference")).encode(x=alt.X("N_half:Q", scale=charts.log_scale(domain=[1e6, 1e16])))
    chart = (lines + rule).properties(title=alt.Title(
        "One smooth per-token curve, many 'emergence' thresholds",
        subtitle="longer answers push the 50% point (dashed) to larger models; a larger exponent sharpens the climb"))
    return charts.figure(
        chart, name="fig-em-exact-match",
        description=("Per-token accuracy and exact-match accuracy over L answer tokens against model size from "
                     "1 million to 10 quadrillion parameters on a log axis; the exact-match curve moves right and "
                     "is capped lower as the slider raises L, and both curves steepen as the exponent slider "
                     "rises."),
        source=f"toy model after Schaeffer et al. (2023); per-token exponent starting at {alpha:.3f} ({alpha_source})")


def metrics_chart(result: MetricComparison) -> alt.LayerChart:
    """The seven Pythia models scored four ways, each metric rescaled from 0 (smallest) to 1 (largest)."""
    data = result.values
    line = pd.DataFrame({"N": result.N[[0, -1]], "scaled": [0.0, 1.0]})
    x = charts.x("N:Q", "model size N (parameters, Pythia)", (5e7, 2e10), scale="log")
    curves = alt.Chart(data).mark_line(point=True).encode(
        x=x, y=charts.y("scaled:Q", "share of the rise from 70M to 12B", (-0.05, 1.05)),
        **charts.series("metric", {"reliable share": "article", "pass@1": "pass@1", "log10 pass@1": "pass@1",
                                   "coverage": "coverage"}, title="metric", dashes={"log10 pass@1": charts.DASHED}),
        tooltip=["metric:N", alt.Tooltip("value:Q", format=".4f", title="metric value"),
                 alt.Tooltip("scaled:Q", format=".2f")])
    ref = alt.Chart(line).mark_line(color=charts.colour("reference"), strokeDash=[2, 2]).encode(x=x, y="scaled:Q")
    chart = (ref + curves).properties(title=alt.Title(
        "Same samples: emergent, steady or saturating by metric",
        subtitle="MATH, 128 problems, 10,000 samples each; dotted grey: straight in log N"))
    return charts.figure(
        chart, name="fig-em-pythia",
        description=("Four metrics of the seven Pythia models on MATH, each rescaled from 0 at 70M to 1 at 12B "
                     "parameters, against model size on a log axis; the threshold metric lies below the dotted "
                     "straight line, coverage above it."),
        source="Brown et al. (2024), Large Language Monkeys samples; metrics: this book")


def step_cost_chart(slope_per_decade: float = 1.0, step: float = 0.02) -> alt.LayerChart:
    """What each step of ``step`` accuracy costs on a logistic benchmark, in decades of compute, against
    the accuracy it starts from, with a slider on the ceiling. A second line prices a halving of the
    error rate, which stays cheap up to the ceiling."""
    b = float(require_positive("slope_per_decade", slope_per_decade))
    d = float(require_in_range("step", step, 0.0, 0.2, inclusive=False))
    ceiling = charts.slider("ceiling", min=0.975, max=1.0, step=0.0025, value=1.0, label="benchmark ceiling ")
    grid = pd.DataFrame({"a": np.linspace(0.5, 0.975, 96)})
    logit = lambda v: f"log(({v}) / ceiling / (1 - ({v}) / ceiling))"  # noqa: E731
    costs = alt.Chart(grid).transform_calculate(
        points=f"(datum.a + {d} < ceiling) ? ({logit(f'datum.a + {d}')} - {logit('datum.a')}) / {b} : null",
        halving=f"(1 - (1 - datum.a) / 2 < ceiling) ? ({logit('1 - (1 - datum.a) / 2')} - {logit('datum.a')}) / {b} : null",
    ).transform_fold(["points", "halving"], as_=["step", "decades"]).transform_filter(
        "isValid(datum.decades) && datum.decades <= 3").transform_calculate(
        step=f"datum.step == 'points' ? '+{d * 100:g} points' : 'error rate halved'")
    chart = costs.mark_line().encode(
        x=charts.x("a:Q", "accuracy before the step", (0.5, 0.975), percent=True),
        y=charts.y("decades:Q", "compute for the step (decades)", (0, 3)),
        color=alt.Color("step:N", title="step", scale=charts.colour_scale(
            {f"+{d * 100:g} points": "article", "error rate halved": "our fit"})),
        tooltip=[alt.Tooltip("a:Q", format=".1%", title="from"), "step:N", alt.Tooltip("decades:Q", format=".2f")],
    ).add_params(ceiling).properties(title=alt.Title(
        "Near the ceiling, points get dear; halving errors does not",
        subtitle=f"logistic benchmark, {b:g} logit per decade of compute; lower the ceiling to add label errors"))
    return charts.figure(
        chart, name="fig-em-step-cost",
        description=(f"Decades of training compute needed for a gain of {d * 100:g} accuracy points and for a "
                     "halving of the error rate, against the starting accuracy from 50% to 97.5%; the first "
                     "rises steeply near the ceiling, the second stays flat unless the ceiling is lowered."),
        source="logistic model of a benchmark (this book)")


def inverse_chart(result: InverseProblems) -> alt.LayerChart:
    """Per-problem success rate of the smallest and the largest Pythia model (log-log)."""
    t = result.table.assign(
        verdict=np.where(result.table["z_vs_smallest"] < -result.z, "12B significantly worse",
                         np.where(result.table["z_vs_smallest"] > result.z, "12B significantly better", "no clear difference")))
    floor = 0.5 / 10_000
    t = t.assign(small=np.maximum(t["rate_smallest"], floor), large=np.maximum(t["rate_largest"], floor))
    diag = alt.Chart(pd.DataFrame({"v": [floor, 1.0]})).mark_line(
        color=charts.colour("reference"), strokeDash=[4, 3]).encode(x="v:Q", y="v:Q")
    worse, better, same = "12B significantly worse", "12B significantly better", "no clear difference"
    pts = alt.Chart(t).mark_point(filled=True, opacity=0.8, size=50).encode(
        x=charts.x("small:Q", "success rate, Pythia 70M", (floor, 1.0), scale="log"),
        y=charts.y("large:Q", "success rate, Pythia 12B", (floor, 1.0), scale="log"),
        **charts.series("verdict", {better: "data", worse: "data", same: "all runs"}, title=f"|z| > {result.z:g}",
                        shapes={better: "triangle-up", worse: "triangle-down"}),
        tooltip=["problem:Q", alt.Tooltip("rate_smallest:Q", format=".4f"), alt.Tooltip("rate_largest:Q", format=".4f"),
                 alt.Tooltip("z_vs_smallest:Q", format=".1f")])
    chart = (diag + pts).properties(title=alt.Title(
        "Bigger is better on most problems, not on all",
        subtitle="each point a MATH problem; triangles: significant differences; zero rates drawn at 0.5/10,000; "
                 "dashed: equal rates"))
    return charts.figure(
        chart, name="fig-em-inverse",
        description=("Success rate of Pythia 12B against Pythia 70M on each of 128 MATH problems, both on log "
                     "axes; most points lie above the dashed diagonal of equal rates."),
        source="Brown et al. (2024), Large Language Monkeys samples; z test: this book")


def forecast_chart(result: EmergencePrediction) -> alt.LayerChart:
    """Forecast against actual accuracy of the held-out (larger) models on the emergent tasks the small
    models had not solved: forecasts from the capability measure and from compute (one colour each, one
    shape per task); the diagonal is a perfect forecast."""
    t = result.table[result.table["open"]].melt(
        id_vars=["task", "Model", "actual"], value_vars=["pred_pc", "pred_flop"], var_name="from",
        value_name="forecast")
    label = f"capability measure ({result.n_pcs} PCs)"
    t["from"] = t["from"].map({"pred_pc": label, "pred_flop": "training compute"})
    tasks = list(dict.fromkeys(t["task"]))
    diag = alt.Chart(pd.DataFrame({"v": [0.0, 1.0]})).mark_line(
        color=charts.colour("reference"), strokeDash=[4, 3]).encode(x="v:Q", y="v:Q")
    pts = alt.Chart(t).mark_point(filled=True, opacity=0.75).encode(
        x=charts.x("forecast:Q", "forecast from smaller models", (0, 1), percent=True),
        y=charts.y("actual:Q", "measured accuracy", (0, 1), percent=True),
        **charts.series("from", {label: "our fit", "training compute": "compute"}, title="forecast from"),
        shape=alt.Shape("task:N", title="task", sort=tasks, scale=alt.Scale(
            domain=tasks, range=["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"][:len(tasks)])),
        tooltip=["Model:N", "task:N", alt.Tooltip("actual:Q", format=".0%"), alt.Tooltip("forecast:Q", format=".0%")])
    chart = (diag + pts).properties(title=alt.Title(
        "Forecasting 'emergent' tasks from smaller models",
        subtitle=f"fitted below {charts.si(result.cutoff_flop, 'FLOP')}; dashed: perfect forecast"))
    return charts.figure(
        chart, name="fig-em-forecast",
        description=("Measured accuracy of base models trained with more compute than the cutoff against the "
                     "accuracy forecast by a sigmoid fitted on smaller models, from the capability measure (blue) and "
                     "from compute (indigo), on the emergent tasks the small models had not solved."),
        source="Ruan, Maddison & Hashimoto (2024), ObsScaling evaluation files; fits: this book", data=t)
