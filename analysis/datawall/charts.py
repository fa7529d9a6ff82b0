"""Chapter: The data wall. How much human text there is (Villalobos et al. 2024), when training sets
reach it, and what repeating it buys (Muennighoff et al. 2023).

The charts of the chapter. The science lives in two modules beside this one:
:mod:`analysis.datawall.datastock` (the stock of text, training-set growth, the exhaustion year, the current
comparators from the Epoch AI snapshot) and :mod:`analysis.datawall.data_constrained` (Muennighoff et al.'s
law, its refits, repetition and the capped compute frontier). The chapter's claims are in
:mod:`analysis.datawall.claims`.
"""

from __future__ import annotations

from dataclasses import replace

import altair as alt
import numpy as np
import pandas as pd

from analysis.house import charts
from analysis.datawall.data_constrained import MUENNIGHOFF, DataConstrainedParams, DecayRefit, HalvingRange, capped_frontier, data_constrained_loss, load_datablations_runs
from analysis.datawall.datastock import (EPOCH_DATASET_GROWTH,
                                         SEED004_STOCK_RANGE,
                                         VILLALOBOS, VILLALOBOS_INPUTS, DatasetTrend,
                                         ExhaustionComparison, HighQualityStock, StockSamples,
                                         VillalobosPublished, load_dataset_sizes,
                                         load_language_models)

_YEARS = (2010, 2040)
_TOKENS = (1e7, 1e17)


def stock_chart(samples: StockSamples, high_quality: HighQualityStock, seed_range=SEED004_STOCK_RANGE,
                published: VillalobosPublished = VILLALOBOS, epoch_2030=None) -> alt.LayerChart:
    """Histograms of log10 tokens of the stages of the stock (and of the narrow high-quality stock of
    2022), with the seed's range (which is Epoch AI's 2030 range for text plus images, video and audio,
    ``epoch_2030``, default read from the curated file) and the published 90 % interval of the effective stock."""
    from analysis.datawall.supply import epoch_2030_range
    epoch_2030 = epoch_2030_range() if epoch_2030 is None else epoch_2030
    same = np.allclose(np.asarray(epoch_2030, dtype=float), np.asarray(seed_range, dtype=float), rtol=0.05)
    stages = {"narrow high-quality (2022)": high_quality.tokens_2022, "indexed web (raw)": samples.raw,
              "after quality filter": samples.quality, "with repetition (effective)": samples.effective}
    bins = np.arange(12.0, 17.01, 0.1)
    rows = []
    for label, values in stages.items():
        counts, edges = np.histogram(np.log10(values), bins=bins)
        rows.append(pd.DataFrame({"stage": label, "tokens": 10 ** edges[:-1], "share": counts / counts.sum()}))
    hist = pd.concat(rows)
    band_names = ["seed = Epoch 2030, all media" if same else "seed 004's range",
                  "paper's 90% (effective)"]
    bands = pd.DataFrame([
        {"what": band_names[0], "lo": seed_range[0], "hi": seed_range[1]},
        {"what": band_names[1], "lo": published.stock_low_tokens, "hi": published.stock_high_tokens},
    ])
    xs = charts.x("lo:Q", "stock of text (tokens)", (1e12, 1e17), scale="log")
    band = alt.Chart(bands).transform_calculate(
        lo_si=charts.si_expr("datum.lo"), hi_si=charts.si_expr("datum.hi")).mark_rect(opacity=0.13).encode(
        x=xs, x2="hi:Q", color=alt.Color("what:N", title="published ranges",
                                         scale=charts.colour_scale(dict(zip(band_names, ("article", "published")))),
                                         legend=alt.Legend(orient="bottom", direction="vertical", symbolType="square",
                                                           symbolOpacity=0.5, symbolStrokeWidth=0)),
        tooltip=["what:N", alt.Tooltip("lo_si:N", title="lo"), alt.Tooltip("hi_si:N", title="hi")])
    area = alt.Chart(hist).transform_calculate(tokens_si=charts.si_expr("datum.tokens")).mark_area(
        opacity=0.5, interpolate="step", clip=True).encode(
        x=charts.x("tokens:Q", "stock of text (tokens)", (1e12, 1e17), scale="log"),
        y=charts.y("share:Q", "share of Monte-Carlo draws", (0, float(hist["share"].max()) * 1.1), percent=True),
        fill=alt.Fill("stage:N", title="stage", sort=list(stages),
                      scale=charts.colour_scale(dict(zip(stages, ("frontier", "all runs", "our fit", "stock")))),
                      legend=alt.Legend(orient="bottom", direction="vertical", symbolType="square",
                                        symbolOpacity=0.7, symbolStrokeWidth=0)),
        tooltip=["stage:N", alt.Tooltip("tokens_si:N", title="tokens"), alt.Tooltip("share:Q", format=".1%")])
    chart = alt.layer(band, area).resolve_scale(color="independent").properties(
        title=alt.Title("The seed's range counts images, video and audio; text alone ends far lower",
                        subtitle=["Monte Carlo of the text stock from Villalobos et al.'s input ranges",
                                  "shaded: the seed's range (Epoch AI's 2030 stock of text, images, video, audio) "
                                  "and the paper's interval"]))
    return charts.figure(
        chart, name="fig-dw-stock",
        description=(f"Histograms of {len(samples.raw):,} Monte-Carlo draws of the stock of human text on a log axis from "
                     f"1 trillion to 100 quadrillion tokens: the narrow high-quality stock (median "
                     f"{charts.si(float(np.median(high_quality.tokens_2022)))}), the raw indexed web (median "
                     f"{charts.si(float(np.median(samples.raw)))}), the quality-filtered and the effective stock; the seed's "
                     "range, which is Epoch AI's 2030 stock of text plus images, video and audio, and the paper's "
                     "interval are shaded."),
        source="Villalobos et al. (2024) and (2022), input ranges from epoch-research/data-stock; Sevilla et al. "
               "(2024, Epoch AI) for the 2030 range; Monte Carlo: this book",
        data=hist)


def dataset_projection_chart(trend: DatasetTrend, samples: StockSamples, end_year: int = 2040,
                             published_growth: float = EPOCH_DATASET_GROWTH) -> alt.LayerChart:
    """Training-set sizes (tokens) over time in both files, the projection of the largest run under the
    fitted trend and under the published rate, and the band of the effective stock."""
    vill = load_dataset_sizes().assign(source="Villalobos et al. file")[["system", "year", "tokens", "source"]]
    epoch = (load_language_models().dropna(subset=["tokens"]).rename(columns={"Model": "system"})
             .assign(source="Epoch AI snapshot 2025-06")[["system", "year", "tokens", "source"]])
    pts = pd.concat([vill, epoch], ignore_index=True)
    pts = pts[pts["year"].between(*_YEARS) & pts["tokens"].between(*_TOKENS)]  # the chart's window
    years = np.arange(2024, end_year + 0.01, 0.25)
    rng = np.random.default_rng(samples.seed + 2)
    g = rng.choice(trend.boot_growth, 4000)
    d0 = VILLALOBOS_INPUTS.largest_dataset_2024.sample(rng, 4000)
    idx = rng.integers(0, len(samples.effective), 4000)
    rows = []
    for yr in years:
        t = yr - 2024
        st = samples.effective[idx] * samples.stock_growth[idx] ** t
        for what, v in (("fitted trend", d0 * g**t), ("Epoch AI's rate", d0 * published_growth**t),
                        ("effective stock", st)):
            rows.append({"year": yr, "what": what, "lo": np.percentile(v, 10), "mid": np.median(v),
                         "hi": np.percentile(v, 90)})
    bands = pd.DataFrame(rows)
    colours = charts.colour_scale({"fitted trend": "our fit", "Epoch AI's rate": "published", "effective stock": "stock"})
    x = charts.x("year:Q", "year", _YEARS, scale="year", ticks=list(range(_YEARS[0], _YEARS[1] + 1, 5)))
    ytok = charts.y("tokens:Q", "training-set size or stock (tokens)", _TOKENS, scale="log")
    dots = alt.Chart(pts).transform_calculate(tokens_si=charts.si_expr("datum.tokens")).mark_point(
        opacity=0.6, clip=True, filled=True, size=25).encode(
        x=x, y=ytok, shape=alt.Shape("source:N", title="models", legend=alt.Legend(orient="bottom", direction="vertical")),
        color=alt.value(charts.colour("data")),
        tooltip=["system:N", "source:N", alt.Tooltip("year:Q", format=".2f"), alt.Tooltip("tokens_si:N", title="tokens")])
    ymid = charts.y("mid:Q", "training-set size or stock (tokens)", _TOKENS, scale="log")
    band = alt.Chart(bands).mark_area(opacity=0.15, clip=True).encode(
        x=x, y=charts.y("lo:Q", "training-set size or stock (tokens)", _TOKENS, scale="log"), y2="hi:Q",
        color=alt.Color("what:N", scale=colours, legend=None))
    line = alt.Chart(bands).transform_calculate(mid_si=charts.si_expr("datum.mid")).mark_line(clip=True).encode(
        x=x, y=ymid, color=alt.Color("what:N", scale=colours, title="projection (median, 10-90%)",
                                     legend=alt.Legend(orient="bottom", direction="vertical")),
        tooltip=["what:N", alt.Tooltip("year:Q", format=".2f"), alt.Tooltip("mid_si:N", title="median")])
    chart = alt.layer(band, line, dots).resolve_scale(color="independent").properties(
        title=alt.Title("Training sets grow faster than the stock of text",
                        subtitle="points: models in both files; lines: the largest run from 2024 under each rate, and the stock"))
    return charts.figure(
        chart, name="fig-dw-projection",
        description=(f"Training-set sizes of {len(pts)} language models against year (2010-2040, log axis of tokens), "
                     "with the projected largest training run from 2024 under this chapter's fitted growth and under "
                     "Epoch AI's rate, and the band of the effective stock, which both projections cross around 2028-2029."),
        source="Villalobos et al. (2024) file; Epoch AI models snapshot 2025-06; projection: this book",
        data={"models": pts, "projections": bands})


def exhaustion_chart(comparison: ExhaustionComparison, published: VillalobosPublished = VILLALOBOS) -> alt.LayerChart:
    """Histograms of the exhaustion year under the fitted growth and under Epoch's rate, with the
    published interval shaded."""
    edges = np.arange(2024, 2040.01, 0.25)
    rows = []
    for what, p in (("fitted trend", comparison.fitted), ("Epoch's rate", comparison.published)):
        finite = p.years[np.isfinite(p.years)]
        counts, e = np.histogram(np.clip(finite, edges[0], edges[-1] - 1e-9), bins=edges)
        rows.append(pd.DataFrame({"what": what, "year": e[:-1], "year_end": e[1:], "share": counts / len(p.years)}))
    hist = pd.concat(rows)
    pub = pd.DataFrame([{"lo": published.exhaustion_low_year, "hi": published.exhaustion_high_year,
                         "what": f"Villalobos et al. {published.exhaustion_level:.0%} interval"}])
    x = charts.x("year:Q", "year the largest run uses the whole effective stock", (2024, 2040), scale="year")
    band = alt.Chart(pub).mark_rect(opacity=0.12, color=charts.colour("reference")).encode(
        x=charts.x("lo:Q", "year the largest run uses the whole effective stock", (2024, 2040), scale="year"),
        x2="hi:Q", tooltip=["what:N", "lo:Q", "hi:Q"])
    bars = alt.Chart(hist).mark_area(opacity=0.45, interpolate="step-after", clip=True).encode(
        x=x,
        y=charts.y("share:Q", "share of Monte-Carlo draws", (0, float(hist["share"].max()) * 1.1), percent=True,
                   stack=None),
        color=alt.Color("what:N", title="growth of the largest run",
                        legend=alt.Legend(symbolType="square", symbolOpacity=0.8, symbolStrokeWidth=0),
                        scale=charts.colour_scale({"fitted trend": "our fit", "Epoch's rate": "published"})),
        tooltip=["what:N", alt.Tooltip("year:Q", format=".2f"), alt.Tooltip("share:Q", format=".1%")])
    chart = alt.layer(band, bars).properties(
        title=alt.Title("At Epoch AI's rate the data runs out sooner",
                        subtitle="this chapter's Monte Carlo under each growth rate; grey band: the published interval"))
    return charts.figure(
        chart, name="fig-dw-exhaustion",
        description=(f"Share of Monte-Carlo draws per quarter year in which the largest training run first uses the whole "
                     f"effective stock, 2024-2040: median {comparison.fitted.median:.1f} under the fitted growth and "
                     f"{comparison.published.median:.1f} under Epoch AI's rate; the published interval is shaded."),
        source="Villalobos et al. (2024) inputs and file; Epoch AI data insight (growth rate); Monte Carlo: this book",
        data=hist)


def sensitivity_chart(table: pd.DataFrame, fitted_growth: float, published_growth: float = EPOCH_DATASET_GROWTH) -> alt.LayerChart:
    """Median and 10-90 % exhaustion year against a fixed yearly growth of the largest training set."""
    x = charts.x("growth:Q", "yearly growth of the largest training set (x per year)", (1.8, 4.0))
    y = charts.y("median:Q", "exhaustion year", (2025, 2036), scale="year")
    band = alt.Chart(table).mark_area(opacity=0.2, color=charts.colour("projection"), clip=True).encode(
        x=x, y=alt.Y("low:Q"), y2="high:Q")
    line = alt.Chart(table).mark_line(point=alt.OverlayMarkDef(color=charts.colour("projection")),
                                      color=charts.colour("projection"), clip=True).encode(
        x=x, y=y, tooltip=[alt.Tooltip("growth:Q", format=".2f"), alt.Tooltip("median:Q", format=".1f"),
                           alt.Tooltip("low:Q", format=".1f"), alt.Tooltip("high:Q", format=".1f")])
    names = ["fitted to Villalobos et al.'s file", "Epoch AI's published rate"]
    marks = pd.DataFrame({"growth": [fitted_growth, published_growth], "what": names})
    rules = alt.Chart(marks).mark_rule(strokeDash=[4, 3], size=2).encode(
        x=alt.X("growth:Q"), color=alt.Color("what:N", title="rate",
                                            scale=charts.colour_scale(dict(zip(names, ("our fit", "published"))))),
        tooltip=["what:N", alt.Tooltip("growth:Q", format=".2f")])
    chart = alt.layer(band, line, rules).properties(
        title=alt.Title("Faster growth, earlier exhaustion, in shrinking steps",
                        subtitle="median and 10-90% of the Monte Carlo at each fixed rate; dashed: the two rates compared"))
    return charts.figure(
        chart, name="fig-dw-sensitivity",
        description=(f"Median exhaustion year (with its 10-90% band) against a fixed yearly growth of the largest training "
                     f"set from {table['growth'].min():.1f}x to {table['growth'].max():.1f}x: from "
                     f"{table['median'].iloc[0]:.1f} down to {table['median'].iloc[-1]:.1f}; dashed rules mark the "
                     f"fitted {fitted_growth:.2f}x and Epoch AI's {published_growth:.1f}x."),
        source="Villalobos et al. (2024) inputs; Epoch AI data insight; Monte Carlo: this book",
        data=table)


def halving_chart(halving: HalvingRange, largest_compute: float) -> alt.LayerChart:
    """Compute at which the capped law's exponent halves, against R_D*, for R_N* re-optimised and fixed."""
    t = halving.table
    names = ["R_N* re-optimised", f"R_N* at the published {MUENNIGHOFF.R_N_star:g}"]
    frame = pd.concat([
        t.assign(c=t["c_half"], how=names[0]),
        t.assign(c=t["c_half_fixed_RN"], how=names[1]),
    ])[["R_D_star", "c", "how", "plausible", "excess"]]
    x = charts.x("R_D_star:Q", "R_D* (repetitions)", (3, 300), scale="log")
    y = charts.y("c:Q", "compute at which the exponent halves (FLOP)", (1e26, 1e31), scale="log")
    plaus = pd.DataFrame([{"lo": halving.plausible_R_D[0], "hi": halving.plausible_R_D[1]}])
    shade = alt.Chart(plaus).mark_rect(opacity=0.1, color=charts.colour("reference")).encode(
        x=charts.x("lo:Q", "R_D* (repetitions)", (3, 300), scale="log"), x2="hi:Q")
    pts = alt.Chart(frame).transform_calculate(c_si=charts.si_expr("datum.c")).mark_line(point=True, clip=True).encode(
        x=x, y=y, color=alt.Color("how:N", title=None, scale=charts.colour_scale(dict(zip(names, ("our fit", "published"))))),
        tooltip=["how:N", alt.Tooltip("R_D_star:Q", format=".1f"), alt.Tooltip("c_si:N", title="compute (FLOP)"),
                 alt.Tooltip("excess:Q", format=".2%", title="objective above its minimum"), "plausible:N"])
    now = alt.Chart(pd.DataFrame({"c": [largest_compute], "c_si": [charts.si(largest_compute)]})).mark_rule(
        color=charts.colour("data"), strokeDash=[2, 2]).encode(
        y=alt.Y("c:Q"), tooltip=[alt.Tooltip("c_si:N", title="largest compute in the Epoch snapshot (FLOP)")])
    chart = alt.layer(shade, pts, now).properties(
        title=alt.Title("The exponent halves far beyond today's compute",
                        subtitle="grey band: R_D* within half a per cent of the best objective; dotted: the largest compute today"))
    return charts.figure(
        chart, name="fig-dw-halving",
        description=(f"Compute at which the capped law's exponent falls to half (log axis, 1e26-1e31 FLOP) against R_D* "
                     f"(3-300, log axis), with R_N* re-optimised and held at the published value; every point lies between "
                     f"{charts.si(float(frame['c'].min()))} and {charts.si(float(frame['c'].max()))} FLOP, far above the "
                     f"largest training compute, {charts.si(largest_compute)} FLOP."),
        source="Muennighoff et al. (2023) law and 182 runs; Epoch AI models snapshot 2025-06; refits: this book",
        data=frame)


def fit_chart(refit: DecayRefit) -> alt.LayerChart:
    """Predicted against observed validation loss for the 182 runs, coloured by epochs."""
    runs = load_datablations_runs()
    p = replace(MUENNIGHOFF, R_D_star=refit.R_D_star, R_N_star=refit.R_N_star)
    runs["predicted"] = data_constrained_loss(runs["N"].to_numpy(), runs["D"].to_numpy(), runs["U"].to_numpy(), p)
    dom = (2.2, 8.5)
    line = pd.DataFrame({"loss": list(dom), "predicted": list(dom)})
    diag = alt.Chart(line).mark_line(color=charts.colour("reference"), strokeDash=[4, 4]).encode(
        x=charts.x("loss:Q", "observed validation loss (nats/token)", dom, scale="log"),
        y=charts.y("predicted:Q", "law's prediction (nats/token)", dom, scale="log"))
    pts = alt.Chart(runs).transform_calculate(
        N_si=charts.si_expr("datum.N"), D_si=charts.si_expr("datum.D"), U_si=charts.si_expr("datum.U")).mark_point(
        filled=True, opacity=0.75, clip=True).encode(
        x=charts.x("loss:Q", "observed validation loss (nats/token)", dom, scale="log"),
        y=charts.y("predicted:Q", "law's prediction (nats/token)", dom, scale="log"),
        color=alt.Color("epochs:Q", scale=alt.Scale(type="log", scheme="viridis"), title="epochs D/U"),
        tooltip=["run_name:N", alt.Tooltip("N_si:N", title="N"), alt.Tooltip("D_si:N", title="D"),
                 alt.Tooltip("U_si:N", title="U"), alt.Tooltip("epochs:Q", format=".1f"),
                 alt.Tooltip("loss:Q", format=".3f"), alt.Tooltip("predicted:Q", format=".3f")])
    chart = (diag + pts).properties(title=alt.Title("The law under-predicts the loss of the runs",
                                                    subtitle="Muennighoff et al.'s 182 runs; dashed: perfect prediction; refitted R_D*, R_N*"))
    return charts.figure(
        chart, name="fig-dw-fit",
        description=("Predicted against observed validation loss (both log axes, 2.2-8.5 nats/token) for the 182 runs, "
                     "coloured by epochs; most points lie below the diagonal, where the law predicts too low a loss."),
        source="Muennighoff et al. (2023), huggingface/datablations; refit: this book",
        data=runs[["run_name", "N", "D", "U", "epochs", "loss", "predicted"]])


def profile_chart(profile: pd.DataFrame, published: DataConstrainedParams = MUENNIGHOFF) -> alt.LayerChart:
    """Huber objective of the refit against R_D* (R_N* re-optimised at each point)."""
    base = profile.assign(excess=profile["objective"] / profile["objective"].min() - 1)
    x = charts.x("R_D_star:Q", "R_D* (repetitions)", (3, 300), scale="log")
    line = alt.Chart(base).mark_line(point=True).encode(
        x=x, y=charts.y("excess:Q", "objective above its minimum", (0, float(base["excess"].max()) * 1.1), percent=True),
        tooltip=[alt.Tooltip("R_D_star:Q", format=".1f"), alt.Tooltip("R_N_star:Q", format=".2f"),
                 alt.Tooltip("excess:Q", format=".2%")])
    rule = alt.Chart(pd.DataFrame({"R_D_star": [published.R_D_star]})).mark_rule(color=charts.colour("published")).encode(
        x=alt.X("R_D_star:Q"), tooltip=[alt.Tooltip("R_D_star:Q", title="published R_D*")])
    chart = (line + rule).properties(title=alt.Title("182 runs barely pin down R_D*",
                                                     subtitle="vermillion: the published value; a flat curve means a weakly identified constant"))
    return charts.figure(
        chart, name="fig-dw-profile",
        description=(f"Excess of the refit objective over its minimum against R_D* from 3 to 300 (log axis): it stays "
                     f"below {base['excess'].max():.1%} everywhere and below half a per cent over most of the range; the "
                     f"published R_D* = {published.R_D_star} is marked."),
        source="Muennighoff et al. (2023), 182 runs; profile: this book",
        data=base)


def epoch_value_explorer(max_epoch: int = 60, R_D_star: float = MUENNIGHOFF.R_D_star) -> alt.Chart:
    """Interactive chart: value of the k-th epoch relative to fresh data, with a slider for R_D*."""
    r = charts.slider("R_D_star", min=1, max=100, step=0.5, value=round(R_D_star, 1), label="R_D* (repetitions) ")
    frame = pd.DataFrame({"k": np.arange(1, max_epoch + 1)})
    chart = alt.Chart(frame).transform_calculate(
        value="datum.k == 1 ? 1 : exp(-(datum.k - 2) / R_D_star) * (1 - exp(-1 / R_D_star)) * R_D_star",
        cumulative="1 + R_D_star * (1 - exp(-(datum.k - 1) / R_D_star))",
    ).mark_line(point=True, color=charts.colour("published")).encode(
        x=charts.x("k:Q", "epoch k (passes over the same data)", (1, max_epoch)),
        y=charts.y("value:Q", "worth of epoch k vs. fresh data", (0, 1.05), percent=True),
        tooltip=["k:Q", alt.Tooltip("value:Q", format=".1%", title="worth of this epoch"),
                 alt.Tooltip("cumulative:Q", format=".2f", title="effective epochs so far")],
    ).add_params(r).properties(title=alt.Title("Each repetition is worth a little less",
                                               subtitle="slide R_D*: the published fit is ~15; from epoch 2 on, each is worth exp(-1/R_D*) of the one before"))
    return charts.figure(
        chart, name="fig-dw-epoch-value",
        description=(f"Worth of the k-th pass over the same data as a share of a fresh pass, for k from 1 to {max_epoch}, "
                     f"with a slider for R_D* (default {R_D_star}); the curve falls from 100% towards zero, more slowly "
                     "for a larger R_D*."),
        source="Muennighoff et al. (2023), effective-data formula; this book")


def capped_frontier_explorer(caps=(1e12, 1e13, 1e14, 1e15, 1e16),
                             params: DataConstrainedParams = MUENNIGHOFF) -> alt.VConcatChart:
    """Interactive chart: compute-optimal loss and its local exponent against compute, with a drop-down
    for the unique-token cap (tokens); the unlimited-data curve is the reference."""
    rows = []
    free = capped_frontier(np.inf, params=params)
    for c in caps:
        f = capped_frontier(float(c), params=params)
        rows.append(pd.DataFrame({"compute": f.compute, "loss": f.loss, "exponent": f.local_exponent,
                                  "cap": float(c), "kind": "capped"}))
    frame = pd.concat(rows)
    ref = pd.DataFrame({"compute": free.compute, "loss": free.loss, "exponent": free.local_exponent, "kind": "unlimited"})
    cap = charts.log_slider("unique_cap", values=[float(c) for c in caps], value=1e14,
                            label="unique tokens available ", unit="tokens")
    x = charts.x("compute:Q", "training compute C (FLOP)", (1e20, 1e32), scale="log")
    frame = frame.assign(compute_si=frame["compute"].map(charts.si))
    ref = ref.assign(compute_si=ref["compute"].map(charts.si))
    tips = [alt.Tooltip("compute_si:N", title="compute (FLOP)"), alt.Tooltip("loss:Q", format=".3f"),
            alt.Tooltip("exponent:Q", format=".3f", title="local exponent")]
    yl = charts.y("loss:Q", "compute-optimal loss (nats/token)", (1.8, 2.8))
    ye = charts.y("exponent:Q", "local exponent of reducible loss", (0, 0.2))
    top_ref = alt.Chart(ref).mark_line(color=charts.colour("reference"), strokeDash=[4, 4]).encode(x=x, y=yl, tooltip=tips)
    top = alt.Chart(frame).mark_line(color=charts.colour("our fit")).encode(x=x, y=yl, tooltip=tips).transform_filter(
        "datum.cap == unique_cap").add_params(cap)
    bottom_ref = alt.Chart(ref).mark_line(color=charts.colour("reference"), strokeDash=[4, 4]).encode(x=x, y=ye, tooltip=tips)
    bottom = alt.Chart(frame).mark_line(color=charts.colour("our fit")).encode(x=x, y=ye, tooltip=tips).transform_filter(
        "datum.cap == unique_cap")
    chart = alt.vconcat((top_ref + top).properties(height=220), (bottom_ref + bottom).properties(height=160)).properties(
        title=alt.Title("A cap on unique data shrinks the exponent",
                        subtitle="dashed: unlimited data; line: the chosen cap"))
    return charts.figure(
        chart, name="fig-dw-capped",
        description=("Two panels against training compute from 1e20 to 1e32 FLOP (log axis): the compute-optimal loss and "
                     "its local exponent, with unlimited fresh data (dashed) and with the unique tokens capped at the "
                     "value chosen in the drop-down; with a cap, the loss bends towards a floor and the exponent falls."),
        source="Muennighoff et al. (2023) law; this book",
        data={"capped": frame, "unlimited": ref})


def usable_stock_chart(table: pd.DataFrame, largest_set_tokens: float, licensed_tokens: float) -> alt.LayerChart:
    """Median and 10-90 % usable effective stock against the share of the web that withdraws consent, for
    each reading of the quality fraction, with the largest disclosed training set and the openly licensed
    floor as rules (``table`` from :func:`analysis.datawall.supply.stock_sensitivity`)."""
    names = {"villalobos": "Villalobos et al.: 0.1-0.4",
             "fineweb_edu": "kept by FineWeb-Edu", "dclm": "kept by DCLM-Baseline"}
    frame = table.assign(reading=table["quality"].map(names))
    roles = dict(zip(names.values(), ("our fit", "stock", "published")))
    x = charts.x("restricted_share:Q", "share of the stock withdrawn by consent (robots.txt)", (0, 0.6), percent=True)
    y = charts.y("median:Q", "usable effective stock (tokens)", (1e12, 3e15), scale="log")
    colour = alt.Color("reading:N", title="quality fraction", sort=list(names.values()),
                       scale=charts.colour_scale(roles), legend=alt.Legend(orient="bottom", direction="vertical"))
    band = alt.Chart(frame).mark_area(opacity=0.15, clip=True).encode(x=x, y=alt.Y("low:Q"), y2="high:Q", color=colour)
    line = alt.Chart(frame).transform_calculate(si=charts.si_expr("datum.median")).mark_line(
        point=True, clip=True).encode(x=x, y=y, color=colour, tooltip=[
            "reading:N", alt.Tooltip("restricted_share:Q", format=".0%"), alt.Tooltip("si:N", title="median")])
    marks = pd.DataFrame({"tokens": [largest_set_tokens, licensed_tokens],
                          "what": ["largest disclosed training set", "openly licensed text (Common Pile v0.1)"]})
    rules = alt.Chart(marks).transform_calculate(si=charts.si_expr("datum.tokens")).mark_rule(
        strokeDash=[4, 3], size=2, color=charts.colour("reference")).encode(
        y=alt.Y("tokens:Q"), tooltip=["what:N", alt.Tooltip("si:N", title="tokens")])
    labels = alt.Chart(marks.assign(x=0.6)).mark_text(align="right", baseline="bottom", dy=-3, fontSize=11,
                                                      color=charts.colour("reference")).encode(
        x=alt.X("x:Q"), y=alt.Y("tokens:Q"), text="what:N")
    chart = alt.layer(band, line, rules, labels).properties(
        title=alt.Title("What counts as usable moves the stock more than consent does",
                        subtitle="median and 10-90% of the Monte Carlo; dashed: the largest disclosed set and the "
                                 "openly licensed floor"))
    lo = frame[frame["restricted_share"] == frame["restricted_share"].min()].set_index("quality")["median"]
    return charts.figure(
        chart, name="fig-dw-usable",
        description=(f"Usable effective stock against the share withdrawn by consent, from 0 to "
                     f"{frame['restricted_share'].max():.0%}, under three readings of the quality fraction: with no "
                     f"restriction the medians are {charts.si(float(lo['villalobos']))}, "
                     f"{charts.si(float(lo['fineweb_edu']))} and {charts.si(float(lo['dclm']))} tokens; dashed rules "
                     f"mark the largest disclosed training set ({charts.si(largest_set_tokens)}) and the openly licensed "
                     f"floor ({charts.si(licensed_tokens)})."),
        source="Villalobos et al. (2024) inputs; DCLM, FineWeb-Edu, Longpre et al. (2024), Common Pile v0.1; "
               "Monte Carlo: this book",
        data=frame)
