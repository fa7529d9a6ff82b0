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
from analysis.chinchilla.law import INFER_FLOP_PER_PARAM_TOKEN, TRAIN_FLOP_PER_PARAM_TOKEN
from analysis.chinchilla.overtraining import (FIT_MAX_TOKENS_PER_PARAM, inference_table, prediction_errors,
                                              tokens_for_loss)
from analysis.chinchilla.refit import BootstrapResult, IsoflopResult
from analysis.house.validation import require_positive


_X_N = charts.x("N_params:Q", "parameters N", (5e7, 2e10), scale="log")
_Y_LOSS = charts.y("loss:Q", "final training loss (nats/token)", (2.0, 4.0))
#: Source line of the charts drawn from the Chinchilla runs.
RUNS_SOURCE = "Hoffmann et al. (2022) runs as extracted by Besiroglu et al. (2024); fits: this book"


def isoflop_chart(result: IsoflopResult) -> alt.LayerChart:
    """Approach 2: the runs of each compute band against model size, their parabolas and minima."""
    pts = result.points.assign(band=lambda f: f["budget"].map(lambda b: f"{charts.si(b)} FLOP"))
    curves = []
    for _, row in result.minima.iterrows():
        sub = pts[pts["budget"] == row["budget"]]
        x = np.linspace(np.log10(sub["N_params"].min()), np.log10(sub["N_params"].max()), 40)
        curves.append(pd.DataFrame({"N_params": 10**x, "loss": row["c0"] + row["c1"] * x + row["c2"] * x**2,
                                    "band": f"{charts.si(row['budget'])} FLOP"}))
    curves = pd.concat(curves)
    minima = result.minima.assign(band=lambda f: f["budget"].map(lambda b: f"{charts.si(b)} FLOP"))
    bands = [f"{charts.si(b)} FLOP" for b in result.minima["budget"]]
    color = alt.Color("band:N", title="compute band", sort=bands, scale=charts.size_scale(bands))
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


#: The house colour and dash of each fit: ours, Hoffmann et al.'s two sets of constants (published; the
#: unrounded set dashed), Besiroglu et al.'s replication.
FIT_ENTITIES = {"our fit": "our fit", "Hoffmann et al. 2022": "published", "Hoffmann, unrounded": "published",
                "Besiroglu et al. 2024": "Besiroglu"}
FIT_DASHES = {"Hoffmann, unrounded": charts.DASHED}


def _fit_series(fits, title: str = "fit", prefix: str = "") -> dict:
    """Colour and dash encodings of the ``fit`` field for ``fits`` (a dict of fits or a sequence of fits)."""
    labels = [f.label for f in (fits.values() if isinstance(fits, dict) else fits)]
    entities = {prefix + lab: FIT_ENTITIES.get(lab, "our fit") for lab in labels}
    dashes = {prefix + lab: d for lab, d in FIT_DASHES.items() if lab in labels}
    return charts.series("fit", entities, title=title, dashes=dashes or None)


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
        **_fit_series(fits),
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
                                 scale=alt.Scale(type="quantize", nice=True, reverse=True,
                                                 scheme={"name": "greys", "extent": [0.04, 0.55]},
                                                 domain=[float(fit.E), float(surf["loss"].quantile(0.9))])),
        tooltip=[alt.Tooltip("loss:Q", format=".3f")])
    C = np.logspace(18, 26, 60)
    N_opt, D_opt = compute_optimal_allocation(C, fit)
    path = alt.Chart(pd.DataFrame({"N": N_opt, "D": D_opt, "C": C})).mark_line(
        color=charts.colour("our fit"), strokeWidth=3).encode(
        x=alt.X("N:Q", scale=xs), y=alt.Y("D:Q", scale=ys), order="C:Q")
    iso = []
    for c in (1e20, 1e22, 1e24, 1e26):
        n = np.logspace(8, 12.5, 30)
        iso.append(pd.DataFrame({"N": n, "D": c / (6 * n), "budget": f"{charts.si(c)} FLOP"}))
    iso = pd.concat(iso)
    iso = iso[(iso["D"] >= 1e9) & (iso["D"] <= 10**13.5)]
    iso_layer = alt.Chart(iso).mark_line(color=charts.colour("data"), strokeDash=[4, 3], strokeWidth=1).encode(
        x=alt.X("N:Q", scale=xs), y=alt.Y("D:Q", scale=ys), detail="budget:N", tooltip=["budget:N"])
    pts = pd.DataFrame([{"model": m.name, "N": m.N, "D": m.D, "C": m.C_flop,
                         "loss": float(chinchilla_loss(m.N, m.D, fit))} for m in models])
    dots = alt.Chart(pts).transform_calculate(N_si=charts.si_expr("datum.N"), D_si=charts.si_expr("datum.D"),
                                              C_si=charts.si_expr("datum.C")).mark_point(
        shape="triangle-up", size=140, filled=True, color=charts.colour("published")).encode(
        x=alt.X("N:Q", scale=xs), y=alt.Y("D:Q", scale=ys),
        tooltip=["model:N", alt.Tooltip("N_si:N", title="N"), alt.Tooltip("D_si:N", title="D"),
                 alt.Tooltip("C_si:N", title="compute (FLOP)"), alt.Tooltip("loss:Q", format=".3f")])
    labels = dots.mark_text(align="left", dx=8, dy=-6, fontSize=12, clip=False).encode(text="model:N")
    chart = (heat + iso_layer + path + dots + labels).properties(title=alt.Title(
        f"The fitted loss surface ({fit.label})", subtitle="blue line: compute-optimal models; dashed: "
        "equal compute (1e20 to 1e26 FLOP); triangles: published models; darker: lower loss"))
    return charts.figure(
        chart, name="fig-ch-landscape",
        description=(f"Grey bands of the loss predicted by {fit.label} over parameters and tokens (both log axes), "
                     "darker for lower loss, the compute-optimal path in blue, dashed lines of equal compute, and "
                     "Gopher, Chinchilla and Llama 3 8B as triangles."),
        source="Law of Hoffmann et al. (2022) with the constants named in the title", data=pts)


def bootstrap_cloud_chart(boot: BootstrapResult, max_points: int = 1500) -> alt.LayerChart:
    """Bootstrap draws of the two exponents, with the published fits marked."""
    d = boot.draws
    frame = pd.DataFrame({"alpha": d.alpha, "beta": d.beta, "a": d.allocation_exponent, "E": d.E})
    frame = frame.iloc[:max_points]
    x = charts.x("alpha:Q", "parameter exponent alpha", (0.26, 0.42))
    y = charts.y("beta:Q", "data exponent beta", (0.24, 0.50))
    cloud = alt.Chart(frame).mark_circle(size=14, opacity=0.5, color=charts.colour("all runs")).encode(
        x=x, y=y, tooltip=[alt.Tooltip("alpha:Q", format=".3f"), alt.Tooltip("beta:Q", format=".3f"),
                           alt.Tooltip("a:Q", format=".3f", title="a = beta/(alpha+beta)"), alt.Tooltip("E:Q", format=".3f")])
    fits = (HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, BESIROGLU_2024, boot.fit)  # ours last: drawn on top
    pubs = pd.DataFrame([{"fit": f.label, "alpha": f.alpha, "beta": f.beta} for f in fits])
    shapes = dict(zip([f.label for f in fits], ("diamond", "square", "triangle-up", "circle")))
    enc = charts.series("fit", {f.label: FIT_ENTITIES.get(f.label, "our fit") for f in fits},
                        title="point estimate", shapes=shapes)
    # open marks: a mark under another stays visible (our refit lies almost on Besiroglu et al.'s)
    marks = alt.Chart(pubs).mark_point(size=220, filled=False, strokeWidth=2.5, opacity=1).encode(
        x=x, y=y, **enc, tooltip=["fit:N", alt.Tooltip("alpha:Q", format=".3f"), alt.Tooltip("beta:Q", format=".3f")])
    chart = (cloud + marks).properties(title=alt.Title(
        f"{boot.n_boot} bootstrap refits of the exponents", subtitle="grey dots: the law refitted to the runs "
        "drawn with replacement; open marks: point estimates"))
    return charts.figure(
        chart, name="fig-ch-bootstrap",
        description=(f"Scatter of {min(boot.n_boot, max_points)} bootstrap refits: parameter exponent alpha against "
                     "data exponent beta, with our fit, Hoffmann et al.'s two sets of constants and Besiroglu et al.'s "
                     "fit as open marks; Hoffmann et al.'s beta lies below the cloud."),
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
    c_si = {"C_si": charts.si_expr("datum.C_flop")}
    area = alt.Chart(band).transform_calculate(**c_si).mark_area(opacity=0.25, color=charts.colour("our fit")).encode(
        x=x, y=charts.y("low:Q", "compute-optimal tokens per parameter", (3, 300), scale="log"), y2="high:Q",
        tooltip=[alt.Tooltip("C_si:N", title="compute (FLOP)"), alt.Tooltip("low:Q", format=".1f"),
                 alt.Tooltip("high:Q", format=".1f")])
    lines = alt.Chart(pd.concat(rows)).transform_calculate(**c_si).mark_line().encode(
        x=x, y=y, **_fit_series([boot.fit, HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, BESIROGLU_2024]),
        tooltip=["fit:N", alt.Tooltip("C_si:N", title="compute (FLOP)"),
                 alt.Tooltip("tokens_per_param:Q", format=".1f")])
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
    kaplan, floor = f"Kaplan's allocation, {ours.label}", f"floor E, {ours.label}"
    rows.append(pd.DataFrame({"C_flop": C, "loss": k["kaplan"], "path": kaplan}))
    rows.append(pd.DataFrame({"C_flop": C, "loss": float(ours.E), "path": floor}))
    frame = pd.concat(rows)
    entities = {f"optimal, {f.label}": FIT_ENTITIES.get(f.label, "our fit") for f in fits.values()}
    dashes = {f"optimal, {lab}": d for lab, d in FIT_DASHES.items() if f"optimal, {lab}" in entities}
    enc = charts.series("path", {**entities, kaplan: "our fit", floor: "reference"}, title="allocation and fit",
                        dashes={**dashes, kaplan: charts.DOTTED, floor: charts.DASHED})
    chart = alt.Chart(frame).transform_calculate(C_si=charts.si_expr("datum.C_flop")).mark_line().encode(
        x=charts.x("C_flop:Q", "training compute C (FLOP)", (1e19, 1e27), scale="log"),
        y=charts.y("loss:Q", "predicted loss (nats/token)", (1.6, 3.2)), **enc,
        tooltip=["path:N", alt.Tooltip("C_si:N", title="compute (FLOP)"), alt.Tooltip("loss:Q", format=".3f")],
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
        pd.DataFrame({"served": T, "total": total_compute(m.N, m.D, T), "model": f"{m.name} ({charts.si(m.N)})"}),
        pd.DataFrame({"served": T, "total": total_compute(result.equal_loss_N, result.equal_loss_D, T),
                      "model": f"compute-optimal ({charts.si(result.equal_loss_N)})"})])
    labels = list(dict.fromkeys(frame["model"]))
    chart = alt.Chart(frame).transform_calculate(
        served_si=charts.si_expr("datum.served"), total_si=charts.si_expr("datum.total")).mark_line().encode(
        x=charts.x("served:Q", "tokens served after training", (0, top)),
        y=charts.y("total:Q", "training + inference compute (FLOP)", (0, float(frame["total"].max()) * 1.05)),
        **charts.series("model", dict(zip(labels, ("data", "our fit"))), title="model (parameters), same loss"),
        tooltip=["model:N", alt.Tooltip("served_si:N", title="tokens served"),
                 alt.Tooltip("total_si:N", title="total compute (FLOP)")],
    ).properties(title=alt.Title("When over-training pays",
                                 subtitle="total compute against tokens served; the lines cross at break-even"))
    return charts.figure(
        chart, name="fig-ch-breakeven",
        description=(f"Training plus inference compute against tokens served for {m.name} and for the compute-optimal "
                     "model with the same predicted loss; the smaller model's line starts higher and rises more "
                     "slowly, crossing at the break-even volume."),
        source="Law of Hoffmann et al. (2022) refitted in this book; model sizes from the cited papers", data=frame)




#: Short row labels of Porian et al.'s settings (the full name is in the tooltip).
_SETTING_SHORT = {"Reproducing Kaplan et al.": "Kaplan reproduced", "Counting last layer FLOPs": "+ last layer",
                  "Counting last layer and attention FLOPs": "+ attention", "Correcting warmup": "+ warmup",
                  "Cosine decay": "+ cosine", "Optimizer tuning (no decay)": "+ tuning",
                  "Kaplan Adjusted": "Kaplan adjusted"}


def _short_setting(setting: str) -> str:
    base, attn = (setting.removesuffix(" (attention counted)"), setting.endswith(" (attention counted)"))
    return _SETTING_SHORT.get(base, base) + (", attn." if attn else "")


def reconcile_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Porian et al.'s steps from Kaplan's exponent to Chinchilla's: the exponent refitted here with its
    interval (one shape per dataset) and their published value, with the two papers' exponents as rules."""
    frame = table.assign(label=table["step"].astype(str) + ". " + table["setting"].map(_short_setting))
    order = list(dict.fromkeys(frame["label"]))
    datasets = list(dict.fromkeys(frame["dataset"]))
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit={"expr": f"min(240, {charts.CW} * 0.45)"}))
    x = charts.x("a:Q", "exponent a (N_opt ∝ C^a)", (0.4, 0.95), ticks=[0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    offset = alt.YOffset("dataset:N", sort=datasets)
    enc = charts.series("dataset", {d: "our fit" for d in datasets}, title="dataset",
                        shapes=dict(zip(datasets, ("circle", "square"))))
    bars = alt.Chart(frame).mark_rule(strokeWidth=2, color=charts.colour("our fit")).encode(
        y=y, yOffset=offset, x=alt.X("a_low:Q"), x2="a_high:Q")
    ours = alt.Chart(frame).mark_point(filled=True, size=60).encode(
        y=y, yOffset=offset, x=x, **enc,
        tooltip=["setting:N", "dataset:N", alt.Tooltip("a:Q", format=".3f", title="a (refit)"),
                 alt.Tooltip("a_low:Q", format=".3f"), alt.Tooltip("a_high:Q", format=".3f"),
                 alt.Tooltip("a_published:Q", format=".3f", title="a (published)")])
    published = alt.Chart(frame).mark_tick(thickness=2.5, size=18, color=charts.colour("published")).encode(
        y=y, yOffset=offset, x="a_published:Q", tooltip=["setting:N", "dataset:N", alt.Tooltip(
            "a_published:Q", format=".3f", title="a (published)")])
    refs = pd.DataFrame({"a": [0.5, 0.73], "rule": ["Chinchilla ≈ 0.5", "Kaplan 0.73"], "row": [2, 15],
                         "align": ["left", "right"]})
    rule = alt.Chart(refs).mark_rule(strokeDash=[4, 3], color=charts.colour("reference")).encode(x="a:Q", tooltip=["rule:N"])
    text = alt.layer(*[alt.Chart(refs.iloc[[i]]).mark_text(
        align=r["align"], dx=3 if r["align"] == "left" else -3, baseline="top", fontSize=10, clip=False,
        color=charts.colour("data")).encode(x="a:Q", y=alt.value(int(r["row"])), text="rule:N")
        for i, r in refs.iterrows()])
    chart = (rule + text + bars + ours + published).properties(height=420, title=alt.Title(
        "From Kaplan's exponent to Chinchilla's, one change at a time",
        subtitle="blue: our refit with its 95% interval; vermillion ticks: Porian et al.'s published values; "
                 "+: each step adds one change; attn.: attention FLOPs counted"))
    return charts.figure(
        chart, name="fig-ch-porian",
        description=(f"For each of {len(frame)} settings of Porian et al. (2024), in the order of their steps, the "
                     "allocation exponent refitted here from their IsoFLOP points with its interval and their "
                     f"published value, on {len(datasets)} datasets ({', '.join(datasets)}); it falls from about "
                     "0.85 to about 0.5."),
        source="Porian et al. (2024) IsoFLOP points and published fits; refit: this book",
        data=frame.drop(columns=["label"]))


def errors_chart(errors: pd.DataFrame | None = None) -> alt.LayerChart:
    """Relative prediction error of every run against its tokens per parameter: one shape per run set, the
    runs the law was fitted on in light grey, the runs it predicts in dark grey."""
    e = prediction_errors() if errors is None else errors
    fitted, predicted = f"fitted (≤ {FIT_MAX_TOKENS_PER_PARAM:g} tokens/param)", "predicted"
    frame = e.assign(kind=np.where(e["in_fit"], fitted, predicted))
    sources = list(dict.fromkeys(frame["source"]))
    x = charts.x("tpp:Q", "tokens per parameter", (4, 3000), scale="log")
    low = min(-0.15, float(frame["error"].min()) * 1.05)
    points = alt.Chart(frame).transform_calculate(N_si=charts.si_expr("datum.N")).mark_point(
        filled=True, opacity=0.75, size=36).encode(
        x=x, y=charts.y("error:Q", "predicted / measured loss − 1", (low, 0.05), percent=True),
        **charts.series("kind", {fitted: "all runs", predicted: "data"}, title="runs"),
        shape=alt.Shape("source:N", title="run set", sort=sources, scale=alt.Scale(
            domain=sources, range=["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"][:len(sources)])),
        tooltip=["source:N", alt.Tooltip("N_si:N", title="parameters"),
                 alt.Tooltip("tpp:Q", format=".0f", title="tokens/param"), alt.Tooltip("loss:Q", format=".3f"),
                 alt.Tooltip("predicted:Q", format=".3f"), alt.Tooltip("error:Q", format=".1%")])
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color=charts.colour("reference")).encode(y="y:Q")
    chart = (zero + points).properties(title=alt.Title(
        "Fitted near 20 tokens per parameter, asked about longer runs",
        subtitle="below zero: the law predicts a lower loss than the run reached"))
    return charts.figure(
        chart, name="fig-ch-overtraining",
        description=(f"Relative error of the predicted loss of {len(frame)} runs against their tokens per parameter "
                     f"(log axis), for {len(sources)} run sets (one shape each), each fitted on its runs at or below "
                     f"{FIT_MAX_TOKENS_PER_PARAM:g} tokens per parameter; errors grow more negative with longer training."),
        source="Gadre et al. (2024), Gemstones (McLeish et al. 2025), OLMo ladder (Bhagia et al. 2024); fits: this book",
        data=frame.drop(columns=["kind"]))


def inference_explorer(fit, loss: float) -> alt.LayerChart:
    """Interactive: total compute against model size for one lifetime of served tokens (a drop-down), with
    the cheapest size marked (Sardana et al.'s inference-aware optimum)."""
    loss = float(require_positive("loss", loss))
    if loss <= fit.E:
        raise ValueError(f"loss must exceed the fit's irreducible loss E = {fit.E:.3f}; got {loss}")
    T_grid = np.arange(9.0, 16.01, 0.5)
    N_min = (fit.A / (loss - fit.E)) ** (1.0 / fit.alpha)
    N = N_min * np.logspace(0.02, 3, 80)
    D = tokens_for_loss(N, loss, fit)
    curves = pd.concat([pd.DataFrame({"served": 10.0**lt, "N": N, "tokens_per_param": D / N,
                                      "total_flop": TRAIN_FLOP_PER_PARAM_TOKEN * N * D
                                      + INFER_FLOP_PER_PARAM_TOKEN * N * 10.0**lt}) for lt in T_grid])
    optima = inference_table(fit, loss, T_grid).assign(served=lambda t: 10.0 ** t["log10_tokens"])
    slider = charts.log_slider("served", values=[float(10.0**lt) for lt in T_grid], value=1e12,
                               label="lifetime tokens served ", unit="tokens")
    pick = "abs(log(datum.served) - log(served)) < 0.01"
    x = charts.x("N:Q", "parameters N (trained until the loss is reached)", (float(N.min()), float(N.max())),
                 scale="log")
    y = charts.y("total_flop:Q", "training + inference compute (FLOP)",
                 (float(curves["total_flop"].min()) / 2, float(curves["total_flop"].max()) * 2), scale="log")
    si = {"N_si": charts.si_expr("datum.N"), "flop_si": charts.si_expr("datum.total_flop")}
    curve = alt.Chart(curves).transform_filter(pick).transform_calculate(**si).mark_line(
        color=charts.colour("our fit")).encode(
        x=x, y=y, tooltip=[alt.Tooltip("N_si:N", title="N"), alt.Tooltip("tokens_per_param:Q", format=".0f"),
                           alt.Tooltip("flop_si:N", title="total compute (FLOP)")]).add_params(slider)
    best = alt.Chart(optima).transform_filter(pick).transform_calculate(**si).mark_point(
        shape="diamond", size=140, filled=True, color=charts.colour("frontier")).encode(
        x="N:Q", y="total_flop:Q",
        tooltip=[alt.Tooltip("N_si:N", title="best size"),
                 alt.Tooltip("tokens_per_param:Q", format=".0f", title="tokens per parameter"),
                 alt.Tooltip("saving:Q", format=".2f", title="saving vs Chinchilla-optimal")])
    chart = (curve + best).properties(title=alt.Title(
        f"Cheapest model for a loss of {loss:.2f} nats/token, inference counted",
        subtitle="the more tokens served, the smaller and longer-trained the best model"))
    return charts.figure(
        chart, name="fig-ch-inference",
        description=(f"Training plus inference compute (log axis) against model size (log axis) for reaching a loss "
                     f"of {loss:.2f} nats/token, for a lifetime of served tokens picked from a list; a diamond marks "
                     "the cheapest size, which shrinks as more tokens are served."),
        source="Law of Hoffmann et al. (2022) refitted in this book; method of Sardana et al. (2024)",
        data={"curves": curves, "optima": optima})
