"""Charts of the economics chapter, in the book's house style (:mod:`analysis.house.charts`). Every chart takes
the computed results it draws and ends with :func:`analysis.house.charts.figure`."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from analysis.house import charts
from analysis.economics.costs import CAHN, NVIDIA_DC_GROWTH_FY2024, cahn_depreciated
from analysis.economics.datasets import frontier_models, price_performance
from analysis.economics.trends import (HOBBHAHN2022, PUBLISHED, SEED, WORLD, CostWindows, Projection, Trends,
                                       projection_fan)
from analysis.house.validation import require_in_range

SOURCE_EPOCH = "Epoch AI models, chips and hardware-price snapshots of June 2025 (Cottier et al. 2024); fits: this book"
YEARS = (2015.5, 2026.0)


def _decades(values) -> tuple[float, float]:
    """The whole decades around ``values`` (positive), for a log axis that clips none of them."""
    v = np.asarray(values, dtype=float)
    v = v[v > 0]
    return float(10 ** np.floor(np.log10(v.min()))), float(10 ** np.ceil(np.log10(v.max())))


def _lines(fit, start: float, end: float, label: str) -> pd.DataFrame:
    yrs = np.linspace(start, end, 40)
    return pd.DataFrame({"year": yrs, "value": fit.predict(yrs), "series": label})


def compute_trend_chart(trends: Trends) -> alt.LayerChart:
    """Training compute of frontier models over time with the fitted trend and the published 4-5x band."""
    front = frontier_models().dropna(subset=["Training compute (FLOP)"])
    pts = front.assign(value=front["Training compute (FLOP)"], label=front["Training compute (FLOP)"].map(lambda v: charts.si(v, "FLOP")))
    x = charts.x("year:Q", "publication date", YEARS, scale="year")
    y = charts.y("value:Q", "training compute (FLOP)", (1e20, 1e27), scale="log")
    t0, t1 = float(front["year"].min()), float(front["year"].max())
    mid = float(trends.compute.predict(np.array([trends.compute.t0]))[0])
    band = pd.concat([pd.DataFrame({"year": np.linspace(t0, t1, 30), "series": f"published ×{g:.0f}/yr",
                                    "value": mid * g ** (np.linspace(t0, t1, 30) - trends.compute.t0)})
                      for g in (PUBLISHED.compute_low, PUBLISHED.compute_high)])
    ours, low, high = (f"our fit ×{trends.compute.factor:.1f}/yr", f"published ×{PUBLISHED.compute_low:.0f}/yr",
                       f"published ×{PUBLISHED.compute_high:.0f}/yr")
    lines = pd.concat([_lines(trends.compute, t0, t1, ours), band])
    enc = charts.series("series", {ours: "our fit", low: "published", high: "published"}, title="trend",
                        dashes={low: charts.DASHED, high: charts.DOTTED})
    dots = alt.Chart(pts).mark_point(filled=True, opacity=0.6, color=charts.colour("data")).encode(
        x=x, y=y, tooltip=["Model:N", alt.Tooltip("year:Q", format=".1f"), alt.Tooltip("label:N", title="compute")])
    line = alt.Chart(lines).mark_line().encode(x=x, y=y, **enc)
    chart = alt.layer(dots, line).properties(title=alt.Title(
        "Frontier training compute grows about fourfold a year",
        subtitle=f"top {10} by compute when published, since 2016"))
    return charts.figure(chart, name="fig-ec-compute",
                         description=(f"Training compute of {len(front)} frontier models against publication year on a log "
                                      f"axis, with our fitted trend (×{trends.compute.factor:.1f} a year) and the published "
                                      "4-5× band of Sevilla and Roldán."),
                         source=SOURCE_EPOCH, data=pts[["Model", "year", "value"]])


def cost_windows_chart(windows: CostWindows) -> alt.LayerChart:
    """Frontier training costs with the whole-period fit and the fits of the early and recent windows."""
    front = frontier_models().dropna(subset=["cost_usd_2023", "Training compute (FLOP)"])
    pts = front.assign(value=front["cost_usd_2023"], label=front["cost_usd_2023"].map(lambda v: charts.si(v, money=True)))
    x = charts.x("year:Q", "publication date", (2015.5, 2024.5), scale="year")
    y = charts.y("value:Q", "training cost (2023 USD)", (1e3, 1e9), scale="log", money=True)
    labels = {"full": f"2016-23 ×{windows.full.factor:.2f}/yr", "early": f"2016-20 ×{windows.early.factor:.2f}/yr",
              "recent": f"2020-23 ×{windows.recent.factor:.2f}/yr"}
    yrs = front["year"]
    lines = pd.concat([
        _lines(windows.full, float(yrs.min()), float(yrs.max()), labels["full"]),
        _lines(windows.early, float(yrs.min()), 2021.0, labels["early"]),
        _lines(windows.recent, 2020.0, float(yrs.max()), labels["recent"])])
    enc = charts.series("series", {labels["full"]: "our fit", labels["early"]: "our fit", labels["recent"]: "our fit"},
                        title="fitted window", dashes={labels["early"]: charts.DASHED, labels["recent"]: charts.DOTTED})
    dots = alt.Chart(pts).mark_point(filled=True, opacity=0.7, color=charts.colour("data")).encode(
        x=x, y=y, tooltip=["Model:N", alt.Tooltip("year:Q", format=".1f"), alt.Tooltip("label:N", title="cost")])
    line = alt.Chart(lines).mark_line(strokeWidth=2.4).encode(x=x, y=y, **enc)
    chart = alt.layer(dots, line).properties(title=alt.Title(
        "Costs grew faster in 2020-23 than before", subtitle="Epoch's amortised hardware + energy cost per run"))
    return charts.figure(chart, name="fig-ec-windows",
                         description=(f"Training cost of {len(front)} costed frontier runs against year, log axis, with three "
                                      f"fitted trends: the whole period ({labels['full']}), before 2021 ({labels['early']}) "
                                      f"and from 2020 ({labels['recent']})."),
                         source=SOURCE_EPOCH, data=pts[["Model", "year", "value"]])


def price_performance_chart(trends: Trends) -> alt.LayerChart:
    """Peak 16-bit FLOP/s per 2023 dollar of new ML chips, our fit and Hobbhahn & Besiroglu's ML-GPU rate."""
    pp = price_performance()
    pts = pp.assign(value=pp["flops_per_usd"], label=pp["flops_per_usd"].map(lambda v: charts.si(v, "FLOP/s per $")))
    x = charts.x("year:Q", "date of first recorded price", (np.floor(pp["year"].min()), np.ceil(pp["year"].max() + 0.3)),
                 scale="year")
    y = charts.y("value:Q", "peak 16-bit FLOP/s per 2023 USD", _decades(pp["flops_per_usd"]), scale="log")
    t0, t1 = float(pp["year"].min()), float(pp["year"].max())
    ours = f"our fit ×{trends.price_performance.factor:.2f}/yr"
    hb_g = 2.0 ** (1.0 / HOBBHAHN2022.ml_doubling_years)
    hb = f"Hobbhahn & Besiroglu ×{hb_g:.2f}/yr"
    mid = float(trends.price_performance.predict(np.array([trends.price_performance.t0]))[0])
    yrs = np.linspace(t0, t1, 30)
    lines = pd.concat([_lines(trends.price_performance, t0, t1, ours),
                       pd.DataFrame({"year": yrs, "value": mid * hb_g ** (yrs - trends.price_performance.t0), "series": hb})])
    dots = alt.Chart(pts).mark_point(filled=True, color=charts.colour("data")).encode(
        x=x, y=y, tooltip=["Hardware model:N", alt.Tooltip("label:N", title="price-performance")])
    line = alt.Chart(lines).mark_line().encode(
        x=x, y=y, color=alt.Color("series:N", title=None, scale=charts.colour_scale({ours: "our fit", hb: "published"})))
    chart = alt.layer(dots, line).properties(title=alt.Title(
        "Chips get cheaper per FLOP, a little slower than 35% a year",
        subtitle="vermillion: the published ML-GPU rate drawn through our fit's centre"))
    return charts.figure(chart, name="fig-ec-price-performance",
                         description=(f"Peak FLOP/s per dollar of {len(pp)} ML chips at their first recorded price, log axis, "
                                      f"with our fit ({ours}) and Hobbhahn and Besiroglu's ML-GPU trend ({hb})."),
                         source="Epoch AI chip and hardware-price snapshots (June 2025); Hobbhahn & Besiroglu (2022), Table 1",
                         data=pts[["Hardware model", "year", "value"]])


def cost_check_chart(check: pd.DataFrame) -> alt.LayerChart:
    """Our first-principles training cost against Epoch's estimate (log-log, with the y = x line)."""
    lo, hi = _decades(pd.concat([check["cost_usd_2023"], check["model_usd"]]))
    x = charts.x("cost_usd_2023:Q", "Epoch's estimate (2023 USD)", (lo, hi), scale="log", money=True)
    y = charts.y("model_usd:Q", "first-principles estimate (2023 USD)", (lo, hi), scale="log", money=True)
    pts = alt.Chart(check).mark_point(filled=True, color=charts.colour("data")).encode(
        x=x, y=y, tooltip=["Model:N", "Training hardware:N", alt.Tooltip("ratio:Q", format=".2f", title="ours / Epoch")])
    diag = alt.Chart(pd.DataFrame({"cost_usd_2023": [lo, hi], "model_usd": [lo, hi]})).mark_line(
        color=charts.colour("reference"), strokeDash=[4, 4]).encode(x=x, y=y)
    chart = alt.layer(diag, pts).properties(title=alt.Title("The first-principles cost model agrees with Epoch's",
                                                             subtitle="each point a model; dashed: agreement"))
    return charts.figure(chart, name="fig-ec-cost-check",
                         description=(f"Our cost estimate against Epoch's for {len(check)} training runs on log-log axes; "
                                      "points near the dashed diagonal agree."),
                         source=SOURCE_EPOCH, data=check[["Model", "cost_usd_2023", "model_usd", "ratio"]])


def projection_chart(from_trend: Projection, from_max: Projection, until: float = 2036.0) -> alt.LayerChart:
    """Costed frontier runs and two projection fans: from the fitted trend and from the costliest run."""
    front = frontier_models().dropna(subset=["cost_usd_2023"])
    pts = front.assign(value=front["cost_usd_2023"])
    x = charts.x("year:Q", "year", (2016.0, until), scale="year")
    y = charts.y("value:Q", "cost of the largest run (2023 USD)", (1e4, 1e13), scale="log", money=True)
    fans = []
    for proj, label in ((from_trend, "from the fitted trend"), (from_max, f"from {from_max.anchor_model}")):
        fan = projection_fan(proj, np.linspace(proj.anchor_year, until, 50)).assign(series=label)
        fans.append(fan)
    fan = pd.concat(fans).rename(columns={"median_usd": "value"})
    scale = charts.colour_scale({"from the fitted trend": "our fit", f"from {from_max.anchor_model}": "projection"})
    area = alt.Chart(fan).mark_area(opacity=0.18).encode(
        x=x, y=charts.y("low_usd:Q", "cost of the largest run (2023 USD)", (1e4, 1e13), scale="log", money=True),
        y2="high_usd:Q", color=alt.Color("series:N", title=None, scale=scale))
    mid = alt.Chart(fan).mark_line(strokeDash=[6, 3]).encode(x=x, y=y, color=alt.Color("series:N", title=None, scale=scale))
    dots = alt.Chart(pts).mark_point(filled=True, color=charts.colour("data")).encode(x=x, y=y, tooltip=["Model:N"])
    rules = pd.DataFrame({"value": [1e9, 1e10, 1e11, 0.01 * WORLD.assets_under_management_usd],
                          "label": ["$1B", "$10B", "$100B", "1% of AUM"]})
    rule = alt.Chart(rules).mark_rule(color=charts.colour("reference"), strokeDash=[2, 2]).encode(y=y, tooltip=["label:N"])
    text = alt.Chart(rules).mark_text(align="left", dx=3, dy=-6, clip=False, color=charts.colour("reference")).encode(
        x=alt.datum(2016.2), y=y, text="label:N")
    above = from_max.anchor_usd / float(from_trend.anchor_usd * from_trend.growth_median ** (from_max.anchor_year - from_trend.anchor_year))
    chart = alt.layer(area, mid, dots, rule, text).properties(title=alt.Title(
        "Where the cost trend leads depends on where it starts",
        subtitle=f"{from_trend.level:.0%} fans of the growth rate; no slowdown, no ceiling assumed"))
    return charts.figure(chart, name="fig-ec-projection",
                         description=("Costs of frontier runs to 2023 and two projections to "
                                      f"{until:.0f} on a log dollar axis: one starting on the fitted trend, one starting at "
                                      f"{from_max.anchor_model}, which lies {above:.0f} times above it; dotted lines mark $1B, "
                                      "$10B, $100B and 1% of assets under management."),
                         source=SOURCE_EPOCH, data={"runs": pts[["Model", "year", "value"]], "fans": fan})


def growth_explorer(anchor_usd: float, anchor_year: float, until: int = 2038,
                    measured_factor: float = PUBLISHED.cost_factor) -> alt.LayerChart:
    """Interactive: cost of the largest run if it grows by a slider-chosen factor per year from an anchor,
    against $1B, $10B, $100B and 1 % of assets under management. The slider starts at ``measured_factor``."""
    start = round(float(require_in_range("measured_factor", measured_factor, 1.2, 5.0)), 1)
    g = charts.slider("growth", min=1.2, max=5.0, step=0.1, value=start, label="yearly cost growth factor ")
    years = pd.DataFrame({"year": np.arange(int(np.floor(anchor_year)), until + 1, dtype=float)})
    x = charts.x("year:Q", "year", (float(np.floor(anchor_year)), float(until)), scale="year")
    y = charts.y("usd:Q", "cost of the largest run (2023 USD)", (1e7, 1e14), scale="log", money=True)
    line = alt.Chart(years).transform_calculate(
        usd=f"{anchor_usd} * pow(growth, datum.year - {anchor_year})").mark_line(point=True, color=charts.colour("projection")).encode(
        x=x, y=y).add_params(g)
    rules = pd.DataFrame({"usd": [1e9, 1e10, 1e11, 0.01 * WORLD.assets_under_management_usd],
                          "label": ["$1B", "$10B", "$100B", "1% of AUM"]})
    rule = alt.Chart(rules).mark_rule(color=charts.colour("reference"), strokeDash=[2, 2]).encode(y=y, tooltip=["label:N"])
    chart = alt.layer(line, rule).properties(title=alt.Title(
        "Turn the growth rate: when does the largest run cross each line?",
        subtitle=f"measured ×{measured_factor:.2f}/yr; the article's ×{SEED.cost_growth:.0f}/yr"))
    return charts.figure(chart, name="fig-ec-explorer",
                         description=("Cost of the largest training run by year, from the anchor, growing by the factor chosen "
                                      "with the slider, against dotted lines at $1B, $10B, $100B and 1% of assets under management."),
                         source="Anchor from the Epoch AI models snapshot; growth: the reader's choice", data=rules)


def cahn_chart(lifetimes=(3.0, 4.0, 5.0, 6.0, 8.0), growths=(1.0, 1.5, 2.0, round(NVIDIA_DC_GROWTH_FY2024, 2))) -> alt.LayerChart:
    """Yearly revenue needed (with Cahn's margin) against the hardware life, for several growth rates of
    data-centre spending, beside Cahn's $600B and the one-cohort write-off."""
    rows = []
    for life in lifetimes:
        for g in growths:
            d = cahn_depreciated(life, capex_growth=g)
            rows.append({"life": life, "value": d.steady_need_usd, "series": f"spending ×{g:g}/yr"})
        rows.append({"life": life, "value": cahn_depreciated(life).cohort_need_usd, "series": "one year's spending"})
    frame = pd.DataFrame(rows)
    frame["label"] = frame["value"].map(lambda v: charts.si(v, money=True))
    x = charts.x("life:Q", "hardware life (years)", (min(lifetimes), max(lifetimes)))
    y = charts.y("value:Q", "revenue needed per year (USD)", (0, 700e9), money=True)
    growth_labels = [f"spending ×{g:g}/yr" for g in growths]
    legend = alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5, symbolSize=300)
    colour = alt.Color("series:N", title="revenue needed", sort=growth_labels + ["one year's spending"], legend=legend,
                       scale=alt.Scale(domain=growth_labels + ["one year's spending"],
                                       range=charts.size_scale(growth_labels).to_dict()["range"] + [charts.colour("data")]))
    dash = alt.StrokeDash("series:N", title="revenue needed", sort=growth_labels + ["one year's spending"], legend=legend,
                          scale=alt.Scale(domain=growth_labels + ["one year's spending"],
                                          range=[charts.SOLID] * len(growth_labels) + [charts.DOTTED]))
    line = alt.Chart(frame).mark_line(point=True).encode(x=x, y=y, color=colour, strokeDash=dash,
                                                         tooltip=["series:N", "life:Q", alt.Tooltip("label:N", title="per year")])
    cahn = pd.DataFrame({"value": [CAHN.asserted_need_usd], "label": [f"Cahn's {charts.si(CAHN.asserted_need_usd, money=True)}"]})
    rule = alt.Chart(cahn).mark_rule(color=charts.colour("article"), strokeDash=[6, 4], strokeWidth=2).encode(y=y)
    text = alt.Chart(cahn).mark_text(align="right", dy=-6, x={"expr": "width"}, fontSize=11, fontWeight=600,
                                     color=charts.colour("article")).encode(y=y, text="label:N")
    chart = alt.layer(line, rule, text).properties(title=alt.Title(  # Cahn's line on top: flat spending lies on it
        "Depreciation shrinks the $600B unless spending stays flat",
        subtitle="orange dashed: Cahn's figure (flat spending lies on it); lines: yearly write-off of all live "
                 "hardware, with his 50% margin, darker for faster-growing spending; dotted: one year's spending"))
    return charts.figure(chart, name="fig-ec-cahn",
                         description=("Revenue needed per year against hardware life from 3 to 8 years: one year's spending "
                                      "written off over its life, and the steady yearly write-off when spending grows from 1 "
                                      f"to {max(growths):g} times a year (the fastest is Nvidia's data-centre growth in fiscal 2024), against "
                                      "Cahn's $600B."),
                         source="Cahn (2024) inputs; depreciation: this book", data=frame)


def trace_length_chart(base=None, lengths=None) -> alt.LayerChart:
    """Share of a query's FLOP spent on attention and share of its memory reads spent on the KV cache,
    against the length of the answer, for full multi-head attention and for 8-fold grouped-query attention."""
    from dataclasses import replace

    from analysis.economics.inference_cost import CHAT, attention_flop_share, memory_traffic

    base = CHAT if base is None else base
    lengths = np.unique(np.round(np.logspace(2, 5, 25))) if lengths is None else np.asarray(lengths, dtype=float)
    rows = []
    for t in lengths:
        full = replace(base, tokens_per_query=float(t))
        gqa = replace(full, kv_dim=max(1, base.d_attn // 8))
        rows += [{"tokens": t, "value": attention_flop_share(full), "series": "attention share of FLOP"},
                 {"tokens": t, "value": memory_traffic(full).kv_share, "series": "KV share of reads (full MHA)"},
                 {"tokens": t, "value": memory_traffic(gqa).kv_share, "series": "KV share of reads (GQA /8)"}]
    frame = pd.DataFrame(rows)
    x = charts.x("tokens:Q", "tokens per answer", (1e2, 1e5), scale="log")
    y = charts.y("value:Q", "share", (0, 1), percent=True)
    enc = charts.series("series", {"attention share of FLOP": "compute", "KV share of reads (full MHA)": "memory",
                                   "KV share of reads (GQA /8)": "memory"}, title="share",
                        dashes={"KV share of reads (GQA /8)": charts.DASHED})
    chart = alt.Chart(frame).mark_line(point=True).encode(
        x=x, y=y, **enc, tooltip=["series:N", "tokens:Q", alt.Tooltip("value:Q", format=".1%")]).properties(title=alt.Title(
            "Long answers are bound by memory, not by attention FLOP",
            subtitle=f"{charts.si(base.active_params, 'params')} active, {base.n_layers} layers, batch {base.batch}"))
    return charts.figure(chart, name="fig-ec-trace",
                         description=("Against answer length from 100 to 100,000 tokens on a log axis: the share of FLOP "
                                      "spent on attention stays small, while the KV cache's share of memory reads rises "
                                      "towards most of the traffic, later with grouped-query attention."),
                         source="Per-token FLOP of Kaplan et al. (2020), Table 1; memory reads: this book", data=frame)


def inference_price_chart(threshold: str = "GPT-4-0314") -> alt.LayerChart:
    """The price of running a model of fixed capability (the cheapest model at least as good as ``threshold``
    on each benchmark, at each date) against the price of the most capable model at its release, on Epoch
    AI's price data: two readings of "the costs to run them" (EC-17)."""
    from analysis.economics.inference_prices import all_models, price_series, record_setters

    fixed = price_series()
    fixed = fixed[fixed["threshold_model"] == threshold]
    if fixed.empty:
        raise ValueError(f"threshold must be a threshold model of Epoch's price series; got {threshold!r}")
    cheap_label, best_label = f"cheapest at {threshold.split('-0')[0]}'s level", "best model at its release"
    frame = pd.concat([fixed.assign(series=cheap_label), record_setters(all_models()).assign(series=best_label)])
    frame = frame.assign(price=frame["USD per 1M Tokens"], model=frame["Model Name"],
                         line=frame["series"] + " | " + frame["bench"])[["bench", "model", "year", "price", "series", "line"]]
    x = charts.x("year:Q", "release date", (2021.5, 2025.5), scale="year")
    y = charts.y("price:Q", "price (USD per million tokens, blended)", (0.01, 100.0), scale="log", money=True)
    enc = charts.series("series", {cheap_label: "our fit", best_label: "frontier"}, title="price of",
                        dashes={cheap_label: charts.SOLID, best_label: charts.DASHED},
                        shapes={cheap_label: "circle", best_label: "triangle-up"})
    tips = ["model:N", "bench:N", alt.Tooltip("year:Q", format=".2f"), alt.Tooltip("price:Q", format="$.3g")]
    lines = alt.Chart(frame).mark_line(opacity=0.45, strokeWidth=1.2).encode(
        x=x, y=y, detail="line:N", **{k: v for k, v in enc.items() if k != "shape"})
    dots = alt.Chart(frame).mark_point(filled=True, size=45).encode(x=x, y=y, tooltip=tips, **enc)
    chart = alt.layer(lines, dots).properties(title=alt.Title(
        "Both the price of a fixed capability and of the best model fell",
        subtitle="one line per benchmark; Epoch AI's price data to February 2025 (no reasoning models)"))
    return charts.figure(chart, name="fig-ec-inference-prices",
                         description=(f"Blended price per million tokens on a log axis against release date: the cheapest "
                                      f"model matching {threshold} on each of {fixed['bench'].nunique()} benchmarks, and the "
                                      "model with the best score so far on each of six benchmarks. Both series fall."),
                         source="Epoch AI, LLM inference price trends (2025-03; llm-benchmark-efficiency); selection: this book",
                         data=frame)
