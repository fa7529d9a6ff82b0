"""Charts of the chapter "Scaling laws" (house style: :mod:`analysis.house.charts`), built from the results
of :mod:`analysis.scaling_laws.returns`."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from analysis.house import charts
from analysis.house.data import load_chinchilla_runs
from analysis.scaling_laws.returns import FrontierFits, decade_returns


#: Dash of each functional form, beside its colour (the forms overlap over the runs and part beyond them).
FORM_DASHES = {"power": charts.SOLID, "power+floor": charts.DASHED, "log": charts.DOTTED}


def _form_series(forms, title: str = "fitted form") -> dict:
    """Colour and dash of the field ``form`` for the named forms (one legend)."""
    return charts.series("form", {f: f for f in forms}, title=title,
                         dashes={f: FORM_DASHES[f] for f in forms if f in FORM_DASHES})


def frontier_chart(result: FrontierFits, extend_to: float = 1e25) -> alt.LayerChart:
    """All runs, the frontier points and the three fitted curves extrapolated to ``extend_to`` FLOP."""
    runs = load_chinchilla_runs()
    grid = np.logspace(np.log10(result.frontier["C_flop"].min()), np.log10(extend_to), 120)
    curves = pd.concat(
        [pd.DataFrame({"C_flop": grid, "loss": f.predict(grid), "form": name}) for name, f in result.fits.items()]
    )
    x = charts.x("C_flop:Q", "training compute C (FLOP)", (1e18, extend_to), scale="log")
    y = charts.y("loss:Q", "final training loss (nats/token)", (1.6, 3.4))
    runs_layer = alt.Chart(runs).transform_calculate(
        N_si=charts.si_expr("datum.N_params"), D_si=charts.si_expr("datum.D_tokens")).mark_point(
        opacity=0.35, color=charts.colour("all runs"), size=20).encode(
        x=x, y=y, tooltip=[alt.Tooltip("N_si:N", title="parameters"),
                           alt.Tooltip("D_si:N", title="tokens"),
                           alt.Tooltip("loss:Q", format=".3f")])
    frontier_layer = alt.Chart(result.frontier).transform_calculate(C_si=charts.si_expr("datum.C_flop")).mark_point(color=charts.colour("frontier"), size=60,
                                                           shape="diamond").encode(
        x=x, y=y, tooltip=[alt.Tooltip("C_si:N", title="compute (FLOP)"), alt.Tooltip("loss:Q", format=".3f"), "runs:Q"])
    curve_layer = alt.Chart(curves).mark_line().encode(x=x, y=y, **_form_series(list(result.fits)))
    chart = (runs_layer + curve_layer + frontier_layer).properties(
        title=alt.Title("Three forms agree on the runs and part beyond them",
                        subtitle="grey: all 240 runs; diamonds: lowest loss per quarter-decade of compute"))
    return charts.figure(
        chart, name="fig-sl-frontier",
        description=(f"Final loss against training compute on a log axis for the 240 Chinchilla runs, their "
                     f"{len(result.frontier)} frontier points, and a pure power law, a power law with a floor and a "
                     f"log law fitted to the frontier and extended to {charts.si(extend_to)} FLOP."),
        source="Hoffmann et al. (2022) runs as extracted by Besiroglu et al. (2024); fits: this book",
        data={"runs": runs[["N_params", "D_tokens", "C_flop", "loss"]], "frontier": result.frontier, "fits": curves})


def decade_returns_explorer(c0: float = 1e19, n_decades: int = 8) -> alt.LayerChart:
    """Interactive chart: per-decade relative loss reduction of L = E + A*(C/c0)**(-alpha) with sliders
    for the floor E and the exponent alpha (the reducible loss at c0 is fixed at 3 - E)."""
    floor = charts.slider("floor", min=0.0, max=2.9, step=0.05, value=1.7, label="irreducible floor E (nats/token) ")
    alpha = charts.slider("alpha", min=0.02, max=0.5, step=0.01, value=0.15, label="exponent alpha ")
    k = pd.DataFrame({"k": np.arange(n_decades)})
    base = alt.Chart(k).transform_calculate(
        compute=f"{c0} * pow(10, datum.k + 1)",
        L0="floor + (3 - floor) * pow(10, -alpha * datum.k)",
        L1="floor + (3 - floor) * pow(10, -alpha * (datum.k + 1))",
        relative_gain="(datum.L0 - datum.L1) / datum.L0",
    )
    bars = base.mark_bar(color=charts.colour("power+floor")).encode(
        x=alt.X("compute:O", title="decade ending at compute (FLOP)",
                axis=alt.Axis(labelExpr=charts.si_expr(exponent=True), labelAngle=0)),
        y=charts.y("relative_gain:Q", "loss removed by this 10x", (0, 0.5), percent=True),
        tooltip=[alt.Tooltip("relative_gain:Q", format=".1%", title="gain"), alt.Tooltip("L1:Q", format=".3f", title="loss after")],
    ).add_params(floor, alpha)
    chart = bars.properties(
        title=alt.Title("Per-decade returns of a power law with a floor",
                        subtitle="E = 0 gives constant relative returns; a higher floor makes them shrink"))
    return charts.figure(
        chart, name="fig-sl-explorer",
        description=(f"Bars: share of the loss removed by each of {n_decades} tenfold steps of compute from {charts.si(c0)} "
                     "FLOP, for a power law with a floor whose floor and exponent the reader sets with two sliders."),
        source="Illustration of the functional form (no data)")


def forms_chart(forms: dict, c0: float = 1e19, n_decades: int = 6) -> alt.Chart:
    """Fraction of the loss removed by each decade of compute, one line per functional form."""
    rows = [
        {"form": name, "decade": i + 1, "relative_gain": g}
        for name, curve in forms.items()
        for i, g in enumerate(decade_returns(curve, c0, n_decades).relative_gain)
    ]
    frame = pd.DataFrame(rows)
    top = float(frame["relative_gain"].max()) * 1.1
    chart = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("decade:O", title=f"decades of compute beyond {charts.si(c0)} FLOP", axis=alt.Axis(labelAngle=0)),
        y=charts.y("relative_gain:Q", "loss removed by that 10x", (0, top), percent=True),
        **_form_series(list(forms), title="form"),
        tooltip=["form", "decade", alt.Tooltip("relative_gain:Q", format=".1%")],
    ).properties(title=alt.Title("Same start, same first return, three shapes of diminishing returns",
                                 subtitle="each curve removes the same share of the loss in its first tenfold step"))
    return charts.figure(
        chart, name="fig-sl-forms",
        description=(f"Share of the loss removed by each of {n_decades} successive tenfold steps of compute for three "
                     "curves through the same starting loss and with the same first-decade return: constant for a "
                     "pure power law, falling for a power law with a floor, rising for a log law."),
        source="Illustration of the functional forms (no data)")
