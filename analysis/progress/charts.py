"""Charts of the chapter "Is progress slowing?" (house style: :mod:`analysis.house.charts`).

Every chart is a pure function of results computed in :mod:`analysis.progress.frontier`, :mod:`analysis.progress.metr`
and :mod:`analysis.other_side.obsscaling`; sliders select among fits computed here in Python (the browser only
filters), so what a reader sees under a slider is what the module computes.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from analysis.house import charts
from analysis.progress import compute_returns, metr, frontier
from analysis.house.data import decimal_years

#: Break dates the frontier slider offers (decimal years, quarterly).
BREAKS = tuple(float(b) for b in np.round(np.arange(2024.5, 2025.76, 0.25), 2))
#: Start years of the METR fitting-window slider.
METR_STARTS = (2019.0, 2020.0, 2021.0, 2022.0, 2023.0, 2023.5, 2024.0, 2024.5, 2025.0)


def _hinge_lines(x, v, breaks, lo, hi) -> pd.DataFrame:
    rows = []
    grid = np.linspace(lo, hi, 60)
    f = frontier.running_frontier(x, v) & (x >= lo)  # records against every earlier release
    for b in breaks:
        xf, vf = x[f], v[f]
        if (xf < b).sum() < 3 or (xf >= b).sum() < 3:
            continue
        s1, s2, _ = frontier.hinge_fit(xf, vf, b)
        X = np.column_stack([np.ones_like(xf), xf - b, np.maximum(xf - b, 0)])
        a = np.linalg.lstsq(X, vf, rcond=None)[0][0]
        fit = a + s1 * (grid - b) + (s2 - s1) * np.maximum(grid - b, 0)
        rows.append(pd.DataFrame({"brk": b, "year": grid, "fit": fit, "before": s1, "after": s2}))
    return pd.concat(rows, ignore_index=True)


def frontier_chart(subset: str = "all", start: str = frontier.DEFAULT_START,
                   break_year: float = 2024.5) -> alt.LayerChart:
    """ECI of every model against release date, the record-setters, and the two-segment frontier fit
    for the break date chosen with the slider."""
    frame = frontier.load_eci(subset)
    x, v = frame["year"].to_numpy(float), frame["eci"].to_numpy(float)
    lo, hi = float(decimal_years([start])[0]), float(x.max())
    f = frontier.running_frontier(x, v)
    pts = frame.assign(kind=np.where(f, "record-setter", "other model"))[x >= lo][["model", "year", "eci", "kind"]]
    lines = _hinge_lines(x, v, BREAKS, lo, hi)
    value = min(BREAKS, key=lambda b: abs(b - break_year))
    brk = charts.slider("brk", min=BREAKS[0], max=BREAKS[-1], step=0.25, value=float(value),
                        label="break date (year) ")
    xe = charts.x("year:Q", "release date", (2023.0, 2026.5), scale="year")
    ye = charts.y("eci:Q", "Epoch Capabilities Index (ECI)", (60, 165))
    dots = alt.Chart(pts).mark_point(filled=True).encode(
        x=xe, y=ye, color=alt.Color("kind:N", title="model", scale=charts.colour_scale(
            {"record-setter": "frontier", "other model": "all runs"})),
        tooltip=["model:N", alt.Tooltip("eci:Q", format=".1f"), alt.Tooltip("year:Q", format=".2f")])
    fit = alt.Chart(lines).transform_filter("abs(datum.brk - brk) < 0.01").mark_line(
        color=charts.colour("our fit")).encode(
        x=xe, y=alt.Y("fit:Q", scale=alt.Scale(domain=[60, 165])),
        tooltip=[alt.Tooltip("before:Q", format=".1f", title="slope before (ECI/yr)"),
                 alt.Tooltip("after:Q", format=".1f", title="slope after (ECI/yr)")]).add_params(brk)
    rule = alt.Chart(pd.DataFrame({"z": [0]})).transform_calculate(b="brk").mark_rule(
        strokeDash=[4, 3], color=charts.colour("reference")).encode(x=alt.X("b:Q", scale=alt.Scale(domain=[2023.0, 2026.5])))
    chart = alt.layer(dots, fit, rule).properties(title=alt.Title(
        "The ECI frontier kept climbing after mid-2024",
        subtitle="black: models above every earlier release; blue: two-segment fit; dashed: break"))
    return charts.figure(
        chart, name="fig-pr-frontier",
        description=("Epoch Capabilities Index of model versions released since 2023 against release date, "
                     "with the record-setting models and a two-segment line fitted to them whose break date a "
                     "slider moves; the segment after the break is about as steep as, or steeper than, the one "
                     "before."),
        source="Epoch AI Benchmarking Hub, ECI snapshot of April 2026; fits: this book", data=pts)


def saturation_chart(benchmark: str = "MATH level 5", start: str = frontier.DEFAULT_START) -> alt.VConcatChart:
    """A benchmark's record-setters in percentage points (top) and in log-odds (bottom) over time."""
    rows = []
    for scale in ("points", "logit"):
        t = frontier.frontier_table(benchmark, scale=scale, start=start)
        rows.append(t.assign(scale="accuracy (points)" if scale == "points" else "log-odds of a correct answer"))
    data = pd.concat(rows, ignore_index=True)
    xe = charts.x("year:Q", "release date of the record-setting model", (2023.0, 2026.5), scale="year")
    top = alt.Chart(data[data["scale"] == "accuracy (points)"]).mark_line(
        point=True, interpolate="step-after", color=charts.colour("frontier")).encode(
        x=xe, y=charts.y("value:Q", "accuracy (points)", (0, 100)),
        tooltip=["model:N", alt.Tooltip("value:Q", format=".1f")]).properties(height=170)
    low = alt.Chart(data[data["scale"] != "accuracy (points)"]).mark_line(
        point=True, interpolate="step-after", color=charts.colour("our fit")).encode(
        x=xe, y=charts.y("value:Q", "log-odds", (-3, 5.5)),
        tooltip=["model:N", alt.Tooltip("value:Q", format=".2f")]).properties(height=170)
    chart = alt.vconcat(top, low).properties(title=alt.Title(
        f"{benchmark}: flat in points, still rising in log-odds",
        subtitle="the same record-setting models on two scales"))
    return charts.figure(
        chart, name="fig-pr-saturation",
        description=(f"Best {benchmark} score to date against release date, as accuracy in points (top) and as "
                     "log-odds (bottom); near the ceiling the points curve flattens while the log-odds keep "
                     "rising."),
        source="Epoch AI Benchmarking Hub scores, April 2026 (highest score per model version)", data=data)


def lifetimes_chart(result: frontier.Lifetimes) -> alt.LayerChart:
    """Years from release to human level against release year, with the Theil-Sen trend."""
    t = result.table
    xs = np.array([t["release_year"].min(), t["release_year"].max()])
    med = float(np.median(t["lifetime_years"] - result.slope * t["release_year"]))
    trend = pd.DataFrame({"release_year": xs, "lifetime_years": med + result.slope * xs})
    xe = charts.x("release_year:Q", "benchmark release", (2008, 2026), scale="year")
    ye = charts.y("lifetime_years:Q", "years to human level", (0, 10))
    dots = alt.Chart(t).mark_point(filled=True, color=charts.colour("data")).encode(
        x=xe, y=ye, tooltip=["benchmark:N", alt.Tooltip("lifetime_years:Q", format=".1f")])
    line = alt.Chart(trend).mark_line(color=charts.colour("our fit"), strokeDash=[5, 3]).encode(x=xe, y=ye)
    chart = (dots + line).properties(title=alt.Title(
        "Newer benchmarks reach human level sooner",
        subtitle="one person's tracker; dashed: Theil-Sen trend; unmatched benchmarks not shown"))
    return charts.figure(
        chart, name="fig-pr-lifetimes",
        description=("Years from a benchmark's release to the date AI reached human level on it, against "
                     "release year from 2009 to 2025; the lifetimes shrink from several years to about one."),
        source="h-matched tracker (R. Lindahl), benchmark release and human-level dates", data=t)


def compute_chart(start: str = frontier.DEFAULT_START) -> alt.LayerChart:
    """ECI against training compute, coloured by release half-year band (models with an Epoch estimate)."""
    t = compute_returns.compute_table(start)
    t = t.assign(released=np.where(t["year"] < 2024.5, "before mid-2024", "mid-2024 on"),
                 compute=10.0 ** t["log10_compute"])
    xe = charts.x("compute:Q", "training compute (FLOP)", (1e21, 1e27), scale="log")
    ye = charts.y("eci:Q", "Epoch Capabilities Index (ECI)", (60, 160))
    chart = alt.Chart(t).mark_point(filled=True, opacity=0.8).encode(
        x=xe, y=ye, color=alt.Color("released:N", title="released", scale=charts.colour_scale(
            {"before mid-2024": "all runs", "mid-2024 on": "our fit"})),
        tooltip=["model:N", alt.Tooltip("eci:Q", format=".1f"), alt.Tooltip("log10_compute:Q", format=".2f")],
    ).properties(title=alt.Title("More compute, higher ECI, but less per decade at the top",
                                 subtitle="models with an Epoch training-compute estimate"))
    return charts.figure(
        chart, name="fig-pr-compute",
        description=("ECI of model versions against their estimated training compute from 1e21 to 1e27 FLOP on a "
                     "log axis, coloured by release before or after mid-2024; later models sit higher at the "
                     "same compute."),
        source="Epoch AI Benchmarking Hub, ECI snapshot of April 2026 (Epoch's compute estimates)", data=t)


def metr_chart(version: str = "1.1", since: float = 2023.0) -> alt.LayerChart:
    """METR 50 % horizons against release date (log axis) with the OLS trend of the frontier for the
    fitting window chosen with the slider."""
    h = metr.load_horizons(version)
    h = h.assign(year=decimal_years(h["date"]), kind=np.where(h["is_sota"], "frontier (is_sota)", "other model"))
    rows = []
    for s in METR_STARTS:
        f = h[h["is_sota"] & (h["year"] >= s)]
        if f["days"].nunique() < 3:
            continue
        b, a = np.polyfit(f["year"], np.log2(f["p50_minutes"]), 1)
        grid = np.linspace(s, float(h["year"].max()), 40)
        rows.append(pd.DataFrame({"since": s, "year": grid, "fit": 2.0 ** (a + b * grid),
                                  "doubling_days": 365.25 / b}))
    lines = pd.concat(rows, ignore_index=True)
    start = charts.slider("since", min=METR_STARTS[0], max=METR_STARTS[-1], step=0.5,
                          value=float(min(METR_STARTS, key=lambda s: abs(s - since))), label="fit from (year) ")
    xe = charts.x("year:Q", "release date", (2019.0, 2026.5), scale="year")
    ye = charts.y("p50_minutes:Q", "50% time horizon (minutes of expert time)", (0.02, 2000), scale="log")
    dots = alt.Chart(h).mark_point(filled=True).encode(
        x=xe, y=ye, color=alt.Color("kind:N", title="model", scale=charts.colour_scale(
            {"frontier (is_sota)": "frontier", "other model": "all runs"})),
        tooltip=["model:N", alt.Tooltip("p50_minutes:Q", format=".3g")])
    fit = alt.Chart(lines).transform_filter("abs(datum.since - since) < 0.01").mark_line(
        color=charts.colour("our fit")).encode(
        x=xe, y=alt.Y("fit:Q", scale=charts.log_scale(domain=[0.02, 2000])),
        tooltip=[alt.Tooltip("doubling_days:Q", format=".0f", title="doubling time (days)")]).add_params(start)
    chart = alt.layer(dots, fit).properties(title=alt.Title(
        f"METR v{version}: the 50% horizon keeps doubling",
        subtitle="blue: OLS fit of log2 horizon on date over frontier models from the chosen year"))
    return charts.figure(
        chart, name=f"fig-pr-metr-{version.replace('.', '')}",
        description=(f"METR Time Horizon {version}: 50% horizon in minutes on a log axis against release date "
                     "from 2019 to 2026, frontier models in black, with a straight-line fit over the frontier "
                     "models released from the year the slider picks."),
        source=f"METR benchmark_results_{version.replace('.', '_')}.yaml (Kwa et al. 2025); fit: this book",
        data=h[["model", "date", "is_sota", "p50_minutes"]])
