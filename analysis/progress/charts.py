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
from analysis.house.data import decimal_years, load_csv

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


def saturation_chart(benchmark: str = "MATH level 5", start: str = frontier.DEFAULT_START,
                     break_date: str = frontier.DEFAULT_BREAK) -> alt.VConcatChart:
    """A benchmark's record-setters in percentage points (top) and in log-odds (bottom) over time; each step
    holds until the benchmark's last evaluated release (a record stands until it is beaten)."""
    end = float(frontier.load_benchmark(benchmark)["year"].max())
    rows = []
    for scale in ("points", "logit"):
        t = frontier.frontier_table(benchmark, scale=scale, start=start)
        last = t.iloc[[-1]].assign(year=max(end, float(t["year"].iloc[-1])), model="(still the record)")
        rows.append(pd.concat([t, last], ignore_index=True).assign(
            scale="accuracy (points)" if scale == "points" else "log-odds of a correct answer",
            record=lambda f: f["model"] != "(still the record)"))
    data = pd.concat(rows, ignore_index=True)
    xe = charts.x("year:Q", "release date of the record-setter", (2023.0, 2026.5), scale="year")
    panels = []
    for label, colour, title, dom, fmt in (("accuracy (points)", "frontier", "accuracy (points)", (0, 100), ".1f"),
                                           ("log-odds of a correct answer", "our fit", "log-odds", (-3, 5.5), ".2f")):
        part = data[data["scale"] == label]
        ye = charts.y("value:Q", title, dom)
        step = alt.Chart(part).mark_line(interpolate="step-after", color=charts.colour(colour)).encode(x=xe, y=ye)
        dots = alt.Chart(part[part["record"]]).mark_point(filled=True, color=charts.colour(colour)).encode(
            x=xe, y=ye, tooltip=["model:N", alt.Tooltip("value:Q", format=fmt)])
        panels.append((step + dots).properties(height=170))
    from analysis.progress import ceilings

    points = ceilings.grid_saturation(benchmark, break_date, start, "points")[2]
    logit = ceilings.grid_saturation(benchmark, break_date, start, "logit")[2]
    headline = (f"{benchmark}: slower in points after {break_date[:4]}, faster in log-odds" if points < 1 < logit
                else f"{benchmark}: the same records in points and in log-odds")
    chart = alt.vconcat(*panels).properties(title=alt.Title(
        headline,
        subtitle=f"the same record-setting models on two scales; each record holds until the last release "
                 f"evaluated ({end:.1f})"))
    return charts.figure(
        chart, name="fig-pr-saturation",
        description=(f"Best {benchmark} score to date against release date, as accuracy in points (top) and as "
                     "log-odds (bottom), each record held until the last release evaluated; near the ceiling the "
                     "points curve flattens while the log-odds keep rising."),
        source="Epoch AI Benchmarking Hub scores, April 2026 (highest score per model version)", data=data)


def lifetimes_chart(result: frontier.Lifetimes) -> alt.LayerChart:
    """Years from release to human level against release year, with the Theil-Sen trend, the benchmarks not
    yet matched (at least as old as they are: censored) and the longest lifetime the tracker could observe."""
    from analysis.progress import lifetimes

    t = result.table
    h = lifetimes.tracker()  # corrected against the tracker's own sources
    end = float(decimal_years(h["human_level_date"].dropna()).max())  # the tracker's last recorded match
    open_ = h[h["human_level_date"].isna()]
    open_ = pd.DataFrame({"benchmark": open_["benchmark"].astype(str),
                          "release_year": decimal_years(open_["release_date"])}).assign(
        lifetime_years=lambda f: end - f["release_year"])
    xs = np.array([t["release_year"].min(), t["release_year"].max()])
    med = float(np.median(t["lifetime_years"] - result.slope * t["release_year"]))
    trend = pd.DataFrame({"release_year": xs, "lifetime_years": med + result.slope * xs})
    top = float(max(10.0, np.ceil(max(t["lifetime_years"].max(), (open_["lifetime_years"].max() if len(open_) else 0.0)) + 0.5)))
    bound = pd.DataFrame({"release_year": [end - top, end], "lifetime_years": [top, 0.0]})
    xe = charts.x("release_year:Q", "benchmark release", (2008, 2026), scale="year")
    ye = charts.y("lifetime_years:Q", "years to human level", (0, top))
    kinds = {"matched": "data", "not matched yet (at least)": "data"}
    enc = charts.series("kind", kinds, title="benchmark", shapes={"not matched yet (at least)": "triangle-up"})
    dots = alt.Chart(pd.concat([t.assign(kind="matched"), open_.assign(kind="not matched yet (at least)")])).mark_point(
        size=50, filled=True, opacity=0.85).encode(
        x=xe, y=ye, **enc, tooltip=["benchmark:N", "kind:N", alt.Tooltip("lifetime_years:Q", format=".1f")])
    edge = alt.Chart(bound).mark_line(color=charts.colour("reference"), strokeDash=[2, 2]).encode(x=xe, y=ye)
    line = alt.Chart(trend).mark_line(color=charts.colour("our fit"), strokeDash=[5, 3]).encode(x=xe, y=ye)
    chart = (edge + line + dots).properties(title=alt.Title(
        "Newer benchmarks reach human level sooner, as far as can be told yet",
        subtitle=f"one person's tracker to {end:.1f}; dashed blue: Theil-Sen trend of the matched; dotted grey: the "
                 "longest lifetime observable by then (a newer benchmark cannot show a long one)"))
    return charts.figure(
        chart, name="fig-pr-lifetimes",
        description=(f"Years from a benchmark's release to the date AI reached human level on it, against release "
                     f"year, for {len(t)} matched benchmarks, with the {len(open_)} not yet matched drawn as triangles "
                     f"at the time they have been open (a lower bound), and the dotted edge of what the tracker could "
                     f"observe by {end:.1f}: lifetimes shrink, but recent benchmarks cannot yet show long ones."),
        source="h-matched tracker (R. Lindahl), benchmark release and human-level dates",
        data=pd.concat([t.assign(kind="matched"), open_.assign(kind="not matched yet")]))


def compute_chart(start: str = frontier.DEFAULT_START,
                  elasticity: compute_returns.ComputeElasticity | None = None) -> alt.LayerChart:
    """ECI against training compute (models with an Epoch estimate; grey by release before or after mid-2024),
    with what PR-3 rests on: the split at the median compute and the ECI gained per decade below and above it
    with release year held fixed (:func:`analysis.progress.compute_returns.compute_elasticity`), each drawn
    through its half's mean."""
    e = compute_returns.compute_elasticity(start=start) if elasticity is None else elasticity
    t = compute_returns.compute_table(start)
    t = t.assign(released=np.where(t["year"] < 2024.5, "before mid-2024", "mid-2024 on"),
                 compute=10.0 ** t["log10_compute"], compute_si=(10.0 ** t["log10_compute"]).map(charts.si))
    split = float(np.log10(e.split_flop))
    lines = []
    for name, slope, half in (("below", e.lower, t["log10_compute"] < split), ("above", e.upper, t["log10_compute"] >= split)):
        part = t[half]
        lc = np.array([part["log10_compute"].min(), part["log10_compute"].max()])
        eci = part["eci"].mean() + slope * (lc - part["log10_compute"].mean())
        lines.append(pd.DataFrame({"compute": 10.0 ** lc, "eci": eci,
                                   "fit": f"{name} the median: {slope:.1f} per 10×"}))
    lines = pd.concat(lines, ignore_index=True)
    xe = charts.x("compute:Q", "training compute (FLOP)", (1e21, 1e27), scale="log")
    ye = charts.y("eci:Q", "Epoch Capabilities Index (ECI)", (60, 160))
    dots = alt.Chart(t).mark_point(filled=True, opacity=0.8).encode(
        x=xe, y=ye, **charts.series("released", {"before mid-2024": "all runs", "mid-2024 on": "data"}, title="released"),
        tooltip=["model:N", alt.Tooltip("eci:Q", format=".1f"), alt.Tooltip("compute_si:N", title="compute (FLOP)")])
    fits = list(dict.fromkeys(lines["fit"]))
    fit = alt.Chart(lines).mark_line(strokeWidth=3, color=charts.colour("our fit")).encode(
        x=xe, y=ye, strokeDash=alt.StrokeDash("fit:N", title="fit (year held fixed)", sort=fits, scale=alt.Scale(
            domain=fits, range=[charts.SOLID, charts.DASHED]), legend=alt.Legend(symbolType="stroke",
                                                                                symbolStrokeColor=charts.colour("our fit"),
                                                                                symbolStrokeWidth=2.5, symbolSize=300)),
        tooltip=["fit:N"])
    rule = alt.Chart(pd.DataFrame({"compute": [e.split_flop], "label": [f"median {charts.si(e.split_flop)} FLOP"]}))
    split_rule = rule.mark_rule(color=charts.colour("reference"), strokeDash=[4, 3]).encode(x=xe, tooltip=["label:N"])
    split_text = rule.mark_text(align="right", dx=-4, baseline="top", y=4, fontSize=10, color=charts.colour("data")).encode(
        x=xe, text="label:N")
    chart = alt.layer(dots, split_rule, split_text, fit).properties(title=alt.Title(
        "More compute, higher ECI, but less per decade at the top",
        subtitle=f"year held fixed: {e.lower:.1f} ECI points per tenfold compute below the median, {e.upper:.1f} "
                 f"above (ratio {e.ratio:.2f}); models with an Epoch compute estimate"))
    return charts.figure(
        chart, name="fig-pr-compute",
        description=(f"ECI of {len(t)} model versions against their estimated training compute from 1e21 to 1e27 FLOP "
                     f"on a log axis, light grey before mid-2024 and dark grey after, split at the median compute "
                     f"({charts.si(e.split_flop)} FLOP) with the fitted gain per tenfold compute on each side, release "
                     f"year held fixed: {e.lower:.1f} below and {e.upper:.1f} above."),
        source="Epoch AI Benchmarking Hub, ECI snapshot of April 2026 (Epoch's compute estimates); fits: this book",
        data={"models": t, "fits": lines})


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
    kinds = charts.series("kind", {"frontier (is_sota)": "frontier", "other model": "all runs"}, title="model")
    h = h.assign(low=h["p50_low"].clip(lower=0.02), high=h["p50_high"].clip(upper=2000))
    bars = alt.Chart(h).mark_rule(strokeWidth=1.2, opacity=0.7).encode(
        x=xe, y=charts.y("low:Q", "50% time horizon (minutes of expert time)", (0.02, 2000), scale="log"), y2="high:Q",
        color=kinds["color"])
    dots = alt.Chart(h).mark_point(filled=True).encode(
        x=xe, y=ye, **kinds,
        tooltip=["model:N", alt.Tooltip("p50_minutes:Q", format=".3g", title="50% horizon (minutes)"),
                 alt.Tooltip("p50_low:Q", format=".3g", title="interval low"),
                 alt.Tooltip("p50_high:Q", format=".3g", title="interval high")])
    fit = alt.Chart(lines).transform_filter("abs(datum.since - since) < 0.01").mark_line(
        color=charts.colour("our fit")).encode(
        x=xe, y=alt.Y("fit:Q", scale=charts.log_scale(domain=[0.02, 2000])),
        tooltip=[alt.Tooltip("doubling_days:Q", format=".0f", title="doubling time (days)")]).add_params(start)
    chart = alt.layer(bars, dots, fit).properties(title=alt.Title(
        f"METR v{version}: the 50% horizon keeps doubling",
        subtitle="bars: METR's confidence intervals; blue: OLS fit of log2 horizon on date over frontier models from the "
                 "chosen year"))
    return charts.figure(
        chart, name=f"fig-pr-metr-{version.replace('.', '')}",
        description=(f"METR Time Horizon {version}: 50% horizon in minutes on a log axis against release date "
                     "from 2019 to 2026 with METR's confidence intervals, frontier models in black, with a straight-line fit over the frontier "
                     "models released from the year the slider picks."),
        source=f"METR benchmark_results_{version.replace('.', '_')}.yaml (Kwa et al. 2025); fit: this book",
        data=h[["model", "date", "is_sota", "p50_minutes", "p50_low", "p50_high"]])


#: Colour of each competing curve (book-wide entities: a line is the reference, the break is our headline fit).
CURVE_COLOURS = {"linear": "reference", "break": "our fit", "reasoning split": "accumulate", "logistic": "projection"}


def curves_chart(start: str = frontier.DEFAULT_START) -> alt.LayerChart:
    """The monthly ECI frontier of non-reasoning and of reasoning models, with the four competing curves fitted to
    the higher of the two (their errors out of sample: :func:`curve_errors_chart`)."""
    from analysis.progress import curves

    series = curves.frontier_series(start)
    series = series[series["series"] != "all models"]  # the overall frontier is the higher of the two
    fits = curves.fitted_curves("ECI", start)
    xe = charts.x("year:Q", "date", (2023.0, 2026.5), scale="year")
    ye = charts.y("eci:Q", "best ECI reached by then", (100, 170))
    colour = alt.Color("curve:N", title="curve", scale=charts.colour_scale(CURVE_COLOURS))
    dots = alt.Chart(series).mark_point(filled=True, size=18).encode(
        x=xe, y=ye, shape=alt.Shape("series:N", title="frontier of",
                                    scale=alt.Scale(domain=["non-reasoning", "reasoning"],
                                                    range=["circle", "triangle-up"])),
        color=alt.value(charts.colour("frontier")), opacity=alt.value(0.7),
        tooltip=["series:N", alt.Tooltip("year:Q", format=".2f"), alt.Tooltip("eci:Q", format=".1f")])
    lines = alt.Chart(fits).mark_line().encode(
        x=xe, y=alt.Y("value:Q", scale=alt.Scale(domain=[100, 170])), color=colour,
        tooltip=["curve:N", alt.Tooltip("value:Q", format=".1f")])
    chart = (dots + lines).properties(title=alt.Title(
        "Four curves through the monthly frontier since GPT-4",
        subtitle="reasoning models (triangles) lead the others (circles); the curves are fitted to the higher of "
                 "the two"))
    return charts.figure(
        chart, name="fig-pr-curves",
        description=("The best ECI reached at each month since GPT-4 by non-reasoning and by reasoning models, with "
                     "a straight line, a two-piece line whose break the data choose, separate lines for reasoning "
                     "and non-reasoning models, and a saturating S-curve fitted to the higher of the two."),
        source="Epoch AI Benchmarking Hub, ECI snapshot of April 2026; fits: this book", data=fits)


def curve_errors_chart(start: str = frontier.DEFAULT_START) -> alt.Chart:
    """Each competing curve's root mean squared error predicting six months ahead (refitted monthly), for the ECI
    frontier and for METR's 50 % horizon."""
    from analysis.progress import curves

    table = curves.ranking_table(start)
    table = table.assign(label=table["measure"] + ": " + table["curve"])
    order = [f"{m}: {c}" for m in curves.MEASURES for c in CURVE_COLOURS]
    bars = alt.Chart(table).mark_bar().encode(
        y=alt.Y("label:N", title=None, sort=order),
        x=charts.x("rmse:Q", "error six months ahead", (0.0, float(np.ceil(table["rmse"].max())))),
        color=alt.Color("curve:N", title="curve", scale=charts.colour_scale(CURVE_COLOURS)),
        tooltip=["measure:N", "curve:N", alt.Tooltip("rmse:Q", format=".2f"), "rank:Q",
                 alt.Tooltip("aic:Q", format=".1f"), alt.Tooltip("bic:Q", format=".1f")])
    rank = curves.rank_curves("ECI", start=start)
    headline = ("Judged out of sample, the frontier's best curve bends down" if rank.slowing_wins else
                f"Judged out of sample, the frontier's best curve is the {rank.best}: no slowing curve wins")
    chart = bars.properties(height=190, title=alt.Title(
        headline, subtitle="error of each curve predicting six months ahead, refitted every month; ECI in points, "
                           "METR in log2 minutes of horizon"))
    return charts.figure(
        chart, name="fig-pr-curve-errors",
        description=("Root mean squared error of each competing curve when refitted every month and asked to predict "
                     "the next six months, for the ECI frontier (points) and for METR's 50 % horizon (log2 minutes); "
                     "on the ECI the two-piece line has the smallest error."),
        source="Epoch AI Benchmarking Hub, ECI snapshot of April 2026; METR Time Horizon 1.1; fits: this book",
        data=table)
