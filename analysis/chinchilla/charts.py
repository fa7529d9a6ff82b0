"""Charts of the Chinchilla chapter (house style: explicit domains, registry colours, :func:`charts.figure`).

Split from :mod:`analysis.chinchilla.refit` along its seam: the science there, the pictures here.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from analysis.house import charts
from analysis.chinchilla.allocation import OvertrainingResult, kaplan_path_returns, total_compute
from analysis.chinchilla.law import (BESIROGLU_2024, CHINCHILLA, GOPHER, HOFFMANN_2022,
                                     HOFFMANN_2022_UNROUNDED, LLAMA3_8B, RULE_OF_THUMB_TOKENS_PER_PARAM,
                                     chinchilla_loss, compute_optimal_allocation, frontier_loss,
                                     tokens_per_param)
from analysis.chinchilla.refit import BootstrapResult, IsoflopResult
from analysis.house.validation import require_positive


_X_N = charts.x("N_params:Q", "parameters N", (5e7, 2e10), scale="log")
_Y_LOSS = charts.y("loss:Q", "final training loss (nats/token)", (2.0, 4.0))
#: Source line of the charts drawn from the Chinchilla runs.
RUNS_SOURCE = "Hoffmann et al. (2022) runs as extracted by Besiroglu et al. (2024); fits: this book"


def isoflop_chart(result: IsoflopResult) -> alt.LayerChart:
    """Approach 2: the runs of each compute band against model size, their parabolas and minima."""
    pts = result.points.assign(band=lambda f: f["budget"].map(lambda b: f"{b:.0e} FLOP"))
    curves = []
    for _, row in result.minima.iterrows():
        sub = pts[pts["budget"] == row["budget"]]
        x = np.linspace(np.log10(sub["N_params"].min()), np.log10(sub["N_params"].max()), 40)
        curves.append(pd.DataFrame({"N_params": 10**x, "loss": row["c0"] + row["c1"] * x + row["c2"] * x**2,
                                    "band": f"{row['budget']:.0e} FLOP"}))
    curves = pd.concat(curves)
    minima = result.minima.assign(band=lambda f: f["budget"].map(lambda b: f"{b:.0e} FLOP"))
    color = alt.Color("band:N", title="compute band", sort=[f"{b:.0e} FLOP" for b in result.minima["budget"]],
                      scale=alt.Scale(scheme="viridis"))
    runs = alt.Chart(pts).transform_calculate(
        N_si=charts.si_expr("datum.N_params"), D_si=charts.si_expr("datum.D_tokens")).mark_point(opacity=0.6).encode(
        x=_X_N, y=_Y_LOSS, color=color,
        tooltip=[alt.Tooltip("N_si:N", title="parameters"),
                 alt.Tooltip("D_si:N", title="tokens"), alt.Tooltip("loss:Q", format=".3f")])
    lines = alt.Chart(curves).mark_line(strokeWidth=1.5).encode(x=_X_N, y=_Y_LOSS, color=color, detail="band:N")
    mins = alt.Chart(minima).transform_calculate(N_opt_si=charts.si_expr("datum.N_opt")).mark_point(
        shape="diamond", size=120, filled=True, color=charts.colour("frontier")).encode(
        x=alt.X("N_opt:Q"), y="loss_min:Q",
        tooltip=["band:N", alt.Tooltip("N_opt_si:N", title="loss-minimising N"),
                 alt.Tooltip("loss_min:Q", format=".3f"), "runs:Q"])
    chart = (runs + lines + mins).properties(title=alt.Title(
        "At fixed compute, loss is U-shaped in model size",
        subtitle="runs within 0.05 decades of each budget; parabolas in log N; diamonds: minima"))
    return charts.figure(
        chart, name="fig-ch-isoflop",
        description=(f"Final loss against model size (log axis) for the runs near each of {len(result.minima)} compute "
                     "budgets, a parabola in log N per budget and its minimum; the minima move to larger models "
                     "as compute grows."),
        source=RUNS_SOURCE, data={"runs": result.points, "minima": result.minima})


def _fit_colours(fits) -> alt.Scale:
    """The house colour of each fit: ours, Hoffmann's two sets of constants, Besiroglu's."""
    entity = {"Hoffmann et al. 2022": "Hoffmann", "Hoffmann, unrounded": "published",
              "Besiroglu et al. 2024": "Besiroglu"}
    labels = [f.label for f in (fits.values() if isinstance(fits, dict) else fits)]
    return charts.colour_scale({lab: entity.get(lab, "our fit") for lab in labels})


def isoflop_explorer(fits: dict) -> alt.Chart:
    """Interactive: loss against model size at one compute budget (slider) under each fit. The budget is
    split as ``D = C / (6 N)``; the minimum of each curve is that fit's compute-optimal size."""
    budget = charts.log_slider("budget", values=charts.log_values(1e19, 1e26), value=5e23,
                               label="training compute ", unit="FLOP")
    logN = np.linspace(7.5, 13, 120)
    frame = pd.concat([pd.DataFrame({"log10N": logN, "fit": f.label, "E": f.E, "A": f.A, "B": f.B,
                                     "alpha": f.alpha, "beta": f.beta}) for f in fits.values()])
    chart = alt.Chart(frame).transform_calculate(
        N="pow(10, datum.log10N)",
        D="budget / (6 * pow(10, datum.log10N))",
        loss="datum.E + datum.A * pow(datum.N, -datum.alpha) + datum.B * pow(datum.D, -datum.beta)",
        tokens_per_param="datum.D / datum.N",
    ).transform_filter("datum.D > 1e8").transform_calculate(
        N_si=charts.si_expr("datum.N"), D_si=charts.si_expr("datum.D")).mark_line().encode(
        x=charts.x("N:Q", "parameters N (tokens D = C / 6N)", (10**7.5, 1e13), scale="log"),
        y=charts.y("loss:Q", "predicted loss (nats/token)", (1.6, 4.0)),
        color=alt.Color("fit:N", title="fit", scale=_fit_colours(fits)),
        tooltip=["fit:N", alt.Tooltip("N_si:N", title="parameters"),
                 alt.Tooltip("D_si:N", title="tokens"),
                 alt.Tooltip("tokens_per_param:Q", format=".1f", title="tokens per parameter"),
                 alt.Tooltip("loss:Q", format=".3f")],
    ).add_params(budget).properties(title=alt.Title(
        "One compute budget, every way to split it", subtitle="the bottom of each curve is that fit's "
        "compute-optimal model"))
    return charts.figure(
        chart, name="fig-ch-explorer",
        description=("Predicted loss against model size (log axis) at one training budget chosen from a list, one "
                     "curve per fit; each curve's minimum is that fit's compute-optimal size."),
        source="Constants of Hoffmann et al. (2022), Besiroglu et al. (2024) and this book's refit",
        data=frame)


def loss_landscape_chart(fit, models=(GOPHER, CHINCHILLA, LLAMA3_8B), *, levels: int = 14) -> alt.LayerChart:
    """Contour bands of the fitted loss over (parameters, tokens), the compute-optimal path, lines of equal
    compute and the published models."""
    logN = np.linspace(8, 12.5, 70)
    logD = np.linspace(9, 13.5, 70)
    gN, gD = np.meshgrid(logN, logD)
    surf = pd.DataFrame({"logN": gN.ravel(), "logD": gD.ravel()})
    surf["loss"] = chinchilla_loss(10**surf["logN"], 10**surf["logD"], fit)
    step = (logN[1] - logN[0]) / 2
    surf = surf.assign(N1=10 ** (surf["logN"] - step), N2=10 ** (surf["logN"] + step),
                       D1=10 ** (surf["logD"] - step), D2=10 ** (surf["logD"] + step))
    xs = alt.Scale(type="log", domain=[1e8, 10**12.5], nice=False)
    ys = alt.Scale(type="log", domain=[1e9, 10**13.5], nice=False)
    heat = alt.Chart(surf).mark_rect().encode(
        x=charts.x("N1:Q", "parameters N", (1e8, 10**12.5), scale="log"), x2="N2",
        y=charts.y("D1:Q", "training tokens D", (1e9, 10**13.5), scale="log"),
        y2="D2", color=alt.Color("loss:Q", title="loss (nats/token)",
                                 scale=alt.Scale(type="quantize", nice=True, scheme="blues", reverse=True,
                                                 domain=[float(fit.E), float(surf["loss"].quantile(0.9))])),
        tooltip=[alt.Tooltip("loss:Q", format=".3f")])
    C = np.logspace(18, 26, 60)
    N_opt, D_opt = compute_optimal_allocation(C, fit)
    path = alt.Chart(pd.DataFrame({"N": N_opt, "D": D_opt, "C": C})).mark_line(color=charts.colour("our fit")).encode(
        x=alt.X("N:Q", scale=xs), y=alt.Y("D:Q", scale=ys), order="C:Q")
    iso = []
    for c in (1e20, 1e22, 1e24, 1e26):
        n = np.logspace(8, 12.5, 30)
        iso.append(pd.DataFrame({"N": n, "D": c / (6 * n), "budget": f"{c:.0e} FLOP"}))
    iso = pd.concat(iso)
    iso = iso[(iso["D"] >= 1e9) & (iso["D"] <= 10**13.5)]
    iso_layer = alt.Chart(iso).mark_line(color=charts.colour("reference"), strokeDash=[4, 3], strokeWidth=1).encode(
        x=alt.X("N:Q", scale=xs), y=alt.Y("D:Q", scale=ys), detail="budget:N", tooltip=["budget:N"])
    pts = pd.DataFrame([{"model": m.name, "N": m.N, "D": m.D, "C": m.C_flop,
                         "loss": float(chinchilla_loss(m.N, m.D, fit))} for m in models])
    dots = alt.Chart(pts).transform_calculate(N_si=charts.si_expr("datum.N"), D_si=charts.si_expr("datum.D")).mark_point(
        shape="triangle-up", size=140, filled=True, color=charts.colour("published")).encode(
        x=alt.X("N:Q", scale=xs), y=alt.Y("D:Q", scale=ys),
        tooltip=["model:N", alt.Tooltip("N_si:N", title="N"), alt.Tooltip("D_si:N", title="D"),
                 alt.Tooltip("C:Q", format=".2e", title="compute (FLOP)"), alt.Tooltip("loss:Q", format=".3f")])
    labels = dots.mark_text(align="left", dx=8, dy=-6, fontSize=12, clip=False).encode(text="model:N")
    chart = (heat + iso_layer + path + dots + labels).properties(title=alt.Title(
        f"The fitted loss surface ({fit.label})", subtitle="line: compute-optimal models; dashed: "
        "equal compute (1e20 to 1e26 FLOP); triangles: published models"))
    return charts.figure(
        chart, name="fig-ch-landscape",
        description=(f"Colour bands of the loss predicted by {fit.label} over parameters and tokens (both log axes), "
                     "the compute-optimal path, lines of equal compute, and Gopher, Chinchilla and Llama 3 8B."),
        source="Law of Hoffmann et al. (2022) with the constants named in the title", data=pts)


def bootstrap_cloud_chart(boot: BootstrapResult, max_points: int = 1500) -> alt.LayerChart:
    """Bootstrap draws of the two exponents, with the published fits marked."""
    d = boot.draws
    frame = pd.DataFrame({"alpha": d.alpha, "beta": d.beta, "a": d.allocation_exponent, "E": d.E})
    frame = frame.iloc[:max_points]
    cloud = alt.Chart(frame).mark_circle(size=14, opacity=0.35).encode(
        x=charts.x("alpha:Q", "parameter exponent alpha", (0.26, 0.42)),
        y=charts.y("beta:Q", "data exponent beta", (0.24, 0.50)),
        color=alt.Color("a:Q", title="a = beta/(alpha+beta)", scale=alt.Scale(scheme="viridis")),
        tooltip=[alt.Tooltip("alpha:Q", format=".3f"), alt.Tooltip("beta:Q", format=".3f"),
                 alt.Tooltip("a:Q", format=".3f"), alt.Tooltip("E:Q", format=".3f")])
    pubs = pd.DataFrame([{"fit": f.label, "alpha": f.alpha, "beta": f.beta}
                         for f in (boot.fit, HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, BESIROGLU_2024)])
    marks = alt.Chart(pubs).mark_point(size=200, filled=True, color=charts.colour("published"), opacity=0.9).encode(
        x="alpha:Q", y="beta:Q", shape=alt.Shape("fit:N", title="point estimate",
                                                 scale=alt.Scale(range=["cross", "diamond", "square", "triangle-up"])),
        tooltip=["fit:N", alt.Tooltip("alpha:Q", format=".3f"), alt.Tooltip("beta:Q", format=".3f")])
    chart = (cloud + marks).properties(title=alt.Title(
        f"{boot.n_boot} bootstrap refits of the exponents", subtitle="each dot: the law refitted to the runs "
        "drawn with replacement; large marks: point estimates"))
    return charts.figure(
        chart, name="fig-ch-bootstrap",
        description=(f"Scatter of {min(boot.n_boot, max_points)} bootstrap refits: parameter exponent alpha against "
                     "data exponent beta, coloured by the allocation exponent, with our fit and the published "
                     "fits marked; Hoffmann et al.'s beta lies below the cloud."),
        source=RUNS_SOURCE, data={"draws": frame, "fits": pubs})


def tokens_per_param_chart(boot: BootstrapResult, C_flop=None) -> alt.LayerChart:
    """Compute-optimal tokens per parameter against compute for each fit, with our bootstrap band."""
    C = np.logspace(19, 26, 29) if C_flop is None else require_positive("C_flop", C_flop)
    rows = [pd.DataFrame({"C_flop": C, "tokens_per_param": tokens_per_param(C, f), "fit": f.label})
            for f in (boot.fit, HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, BESIROGLU_2024)]
    band = pd.DataFrame({"C_flop": C, **dict(zip(("low", "high"), np.array(
        [boot.quantity_interval(lambda d, c=c: tokens_per_param(c, d)) for c in C]).T))})
    x = charts.x("C_flop:Q", "training compute C (FLOP)", (float(C.min()), float(C.max())), scale="log")
    y = charts.y("tokens_per_param:Q", "compute-optimal tokens per parameter", (3, 300), scale="log")
    area = alt.Chart(band).mark_area(opacity=0.25, color=charts.colour("our fit")).encode(
        x=x, y=charts.y("low:Q", "compute-optimal tokens per parameter", (3, 300), scale="log"), y2="high:Q",
        tooltip=[alt.Tooltip("C_flop:Q", format=".1e"), alt.Tooltip("low:Q", format=".1f"),
                 alt.Tooltip("high:Q", format=".1f")])
    lines = alt.Chart(pd.concat(rows)).mark_line().encode(
        x=x, y=y, color=alt.Color("fit:N", title="fit", scale=_fit_colours(
            [boot.fit, HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, BESIROGLU_2024])),
        tooltip=["fit:N", alt.Tooltip("C_flop:Q", format=".1e"), alt.Tooltip("tokens_per_param:Q", format=".1f")])
    rule = alt.Chart(pd.DataFrame({"y": [RULE_OF_THUMB_TOKENS_PER_PARAM]})).mark_rule(
        strokeDash=[5, 4], color=charts.colour("reference")).encode(y="y:Q")
    chart = (area + lines + rule).properties(title=alt.Title(
        "Tokens per parameter of the compute-optimal model",
        subtitle=f"shaded: {boot.level:.0%} bootstrap interval of our fit; dashed: 20 tokens per parameter"))
    return charts.figure(
        chart, name="fig-ch-tpp",
        description=("Compute-optimal tokens per parameter against training compute (both log axes) for our refit "
                     "with its bootstrap band and for the published constants, beside the 20-per-parameter rule."),
        source=RUNS_SOURCE, data={"fits": pd.concat(rows), "band": band})


def frontier_chart(fits: dict, anchor_flop: float | None = None) -> alt.Chart:
    """Loss of the compute-optimal model against compute for each fit, and of Kaplan's allocation under our fit."""
    C = np.logspace(19, 27, 49)
    rows = [pd.DataFrame({"C_flop": C, "loss": frontier_loss(C, f), "path": f"optimal, {f.label}"})
            for f in fits.values()]
    ours = next(iter(fits.values()))
    k = kaplan_path_returns(ours, C, anchor_flop=anchor_flop)
    rows.append(pd.DataFrame({"C_flop": C, "loss": k["kaplan"], "path": f"Kaplan's allocation, {ours.label}"}))
    rows.append(pd.DataFrame({"C_flop": C, "loss": float(ours.E), "path": f"floor E, {ours.label}"}))
    frame = pd.concat(rows)
    chart = alt.Chart(frame).mark_line().encode(
        x=charts.x("C_flop:Q", "training compute C (FLOP)", (1e19, 1e27), scale="log"),
        y=charts.y("loss:Q", "predicted loss (nats/token)", (1.6, 3.2)),
        color=alt.Color("path:N", title="allocation and fit"), strokeDash="path:N",
        tooltip=["path:N", alt.Tooltip("C_flop:Q", format=".1e"), alt.Tooltip("loss:Q", format=".3f")],
    ).properties(title=alt.Title("Loss along the compute-optimal frontier",
                                 subtitle="still a power law with a floor: each 10x buys less"))
    return charts.figure(
        chart, name="fig-ch-frontier",
        description=("Predicted loss of the compute-optimal model against training compute (log axis) for each fit, "
                     "the loss of Kaplan et al.'s allocation under our fit, and our fit's floor."),
        source="Law of Hoffmann et al. (2022) with the constants listed; Kaplan et al. (2020) allocation",
        data=frame)


def overtraining_chart(result: OvertrainingResult, max_tokens: float | None = None) -> alt.Chart:
    """Total compute (training + inference) against served tokens: over-trained model vs equal-loss
    compute-optimal model."""
    top = 4 * result.break_even_tokens if max_tokens is None else float(require_positive("max_tokens", max_tokens))
    T = np.linspace(0, top, 50)
    m = result.model
    frame = pd.concat([
        pd.DataFrame({"served": T, "total": total_compute(m.N, m.D, T), "model": f"{m.name} ({m.N:.0e} params)"}),
        pd.DataFrame({"served": T, "total": total_compute(result.equal_loss_N, result.equal_loss_D, T),
                      "model": f"compute-optimal, same loss ({result.equal_loss_N:.1e} params)"})])
    chart = alt.Chart(frame).mark_line().encode(
        x=charts.x("served:Q", "tokens served after training", (0, top)),
        y=charts.y("total:Q", "training + inference compute (FLOP)", (0, float(frame["total"].max()) * 1.05)),
        color=alt.Color("model:N", title="model"),
        tooltip=["model:N", alt.Tooltip("served:Q", format=".2e"), alt.Tooltip("total:Q", format=".3e")],
    ).properties(title=alt.Title("When over-training pays",
                                 subtitle="total compute against tokens served; the lines cross at break-even"))
    return charts.figure(
        chart, name="fig-ch-breakeven",
        description=(f"Training plus inference compute against tokens served for {m.name} and for the compute-optimal "
                     "model with the same predicted loss; the smaller model's line starts higher and rises more "
                     "slowly, crossing at the break-even volume."),
        source="Law of Hoffmann et al. (2022) refitted in this book; model sizes from the cited papers", data=frame)


