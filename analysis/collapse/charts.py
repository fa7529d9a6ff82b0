"""Charts of the model-collapse chapter (Altair, in the book's house style: :mod:`analysis.house.charts`), built
from the results of :mod:`analysis.collapse.gaussian`, :mod:`analysis.collapse.vocab` and :mod:`analysis.collapse.tails`.

Colours come from the book's registry: replace, accumulate and mix keep one colour each in every chart of
the chapter. Every function returns a :func:`analysis.house.charts.figure` (description, source line, CSV).
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from analysis.house import charts
from analysis.collapse.gaussian import (BUDGET_STRATEGIES, SCHEDULES, ChainResult,
                                        expected_moments, log_variance_step)
from analysis.house.validation import require_int

SOURCE_SIM = "simulation and closed forms: this book"
SOURCE_KAZDAN = "Kazdan et al. (2024) published runs; " + SOURCE_SIM
SOURCE_WORDFREQ = "word frequencies: wordfreq 3.1.1 (Speer 2022); " + SOURCE_SIM


def _mode_scale(labels) -> alt.Scale:
    """Colour scale for mode labels such as ``"mix (10% real)"``, mapped to their registry colours."""
    return charts.colour_scale({label: label.split(" ")[0] for label in labels})


# --- Gaussian world -------------------------------------------------------------------------------

def fan_frame(runs: dict, quantiles=(0.05, 0.25, 0.5, 0.75, 0.95)) -> pd.DataFrame:
    """Long table of simulated variance quantiles (columns ``q05`` ... ``q95``) and the closed-form mean
    ``expected`` per mode, sample size and generation, from :func:`analysis.collapse.gaussian.fan_runs`' output."""
    rows = []
    for (mode, m), res in runs.items():
        q = res.quantiles(quantiles)
        frame = pd.DataFrame({f"q{round(100 * p):02d}": v for p, v in zip(quantiles, q)})
        frame["expected"] = expected_moments(res.n_generations, m, mode=mode, estimator=res.estimator).variance
        rows.append(frame.assign(mode=mode, sample_size=m, generation=np.arange(res.n_generations + 1)))
    return pd.concat(rows, ignore_index=True)


def _every_kth_generation(frame: pd.DataFrame, max_rows: int = 5000) -> tuple[pd.DataFrame, int]:
    """Every k-th generation (and the last) of a long per-generation table, the smallest k that keeps it
    under ``max_rows`` (Altair's limit for inline data), and k."""
    per_generation = max(1, int((frame["generation"] == 0).sum()))
    n = int(frame["generation"].max()) + 1
    k = max(1, -(-n * per_generation // (max_rows - per_generation)))
    g = frame["generation"]
    return (frame if k == 1 else frame[(g % k == 0) | (g == g.max())]), k


def variance_fan_chart(runs: dict, published: pd.DataFrame | None = None) -> alt.LayerChart:
    """Fan chart of the fitted variance per generation (5-95 % and 25-75 % bands, median, closed-form mean),
    replace vs accumulate, with a control choosing the samples per generation M and, when ``published``
    (:func:`analysis.collapse.gaussian.load_kazdan_gaussian`) is given, Kazdan et al.'s published medians."""
    frame, every = _every_kth_generation(fan_frame(runs))  # a long run is drawn every k-th generation
    cols = ["q05", "q25", "q50", "q75", "q95", "expected"]
    # the axis reaches down to the smallest value drawn (rounded down to a decade): nothing is clamped
    values = frame[cols].to_numpy(float).ravel()
    if published is not None:  # the published runs over the generations simulated here
        published = published[published["generation"] <= int(frame["generation"].max())]
        values = np.concatenate([values, published["fit_variance_median"].to_numpy(float)])
    smallest = float(values[values > 0].min())
    floor = 10.0 ** np.floor(np.log10(smallest))
    sizes = sorted({m for _, m in runs})
    # the axis reaches the smallest M's collapse: start there (a larger M fills its upper part)
    pick = charts.log_slider("M", values=sizes, value=sizes[0], label="samples per generation M ")
    n_gen = int(frame["generation"].max())
    x = charts.x("generation:Q", "generation (0 = fit to real data)" + (f"; one in {every} drawn" if every > 1 else ""),
                 (0, n_gen))
    y = lambda f, t=None: charts.y(f, t or "", (floor, 3), scale="log")  # noqa: E731
    color = alt.Color("mode:N", title="data reuse", scale=charts.colour_scale(["replace", "accumulate"]),
                      legend=alt.Legend(symbolOpacity=1, symbolType="stroke", symbolStrokeWidth=3))
    base = alt.Chart(frame).transform_filter("datum.sample_size == M")
    outer = base.mark_area(opacity=0.18).encode(x=x, y=y("q05:Q", "fitted variance / true variance"), y2="q95:Q", color=color)
    inner = base.mark_area(opacity=0.3).encode(x=x, y=y("q25:Q"), y2="q75:Q", color=color)
    median = base.mark_line().encode(x=x, y=y("q50:Q"), color=color, tooltip=[
        "mode:N", "sample_size:Q", "generation:Q", alt.Tooltip("q50:Q", format=".3g", title="median"),
        alt.Tooltip("q05:Q", format=".3g", title="5 %"), alt.Tooltip("q95:Q", format=".3g", title="95 %"),
        alt.Tooltip("expected:Q", format=".3g", title="closed-form mean")])
    expected = base.mark_line(strokeDash=[5, 3], strokeWidth=1.5).encode(x=x, y=y("expected:Q"), color=color)
    layers = [outer, inner, median, expected]
    if published is not None:
        pub = published.assign(sample_size=published["num_samples_per_iteration"],
                               median=published["fit_variance_median"])
        pub = pub[(pub["generation"] % 5 == 0) & (pub["generation"] <= n_gen)]
        layers.append(alt.Chart(pub).transform_filter("datum.sample_size == M").mark_point(
            shape="diamond", size=30, filled=True).encode(
            x=x, y=y("median:Q"), color=color,
            tooltip=["setting:N", "num_samples_per_iteration:Q", "model_fitting_iteration:Q",
                     alt.Tooltip("fit_variance_median:Q", format=".3g", title="published median")]))
    n_chains = next(iter(runs.values())).n_chains
    chart = alt.layer(*layers).add_params(pick).properties(title=alt.Title(
        "Refitting a normal to its own samples: replace collapses",
        subtitle=f"bands: 5-95 % and 25-75 % of {n_chains:,} chains; dashed: closed-form mean; diamonds: published"))
    rep = frame[(frame["mode"] == "replace") & (frame["sample_size"] == sizes[0])]["q50"].iloc[-1]
    return charts.figure(chart, name="fig-mc-fan", source=SOURCE_KAZDAN, description=(
        f"Fitted variance (log axis, {floor:g} to 3) against generation 0 to {n_gen} for replace and accumulate, "
        f"one panel per samples-per-generation M chosen from {', '.join(map(str, sizes))}. Replace falls towards "
        f"zero (median {charts.si(rep)} at M = {sizes[0]}), accumulate levels off; published medians sit on the simulated ones."))


def log_variance_walk_chart(result: ChainResult, n_paths: int = 12) -> alt.LayerChart:
    """A few sample paths of log sigma_g**2 with the random walk's closed-form mean and +-2 sd band."""
    n_paths = require_int("n_paths", n_paths, minimum=1)
    g = np.arange(result.n_generations + 1)
    step = log_variance_step(int(result.sample_sizes[0]), result.estimator)
    band = pd.DataFrame({"generation": g, "mean": (g + 1) * step.drift,
                         "low": (g + 1) * step.drift - 2 * np.sqrt((g + 1) * step.step_variance),
                         "high": (g + 1) * step.drift + 2 * np.sqrt((g + 1) * step.step_variance)})
    paths = pd.DataFrame({"generation": np.tile(g, n_paths), "chain": np.repeat(np.arange(n_paths), g.size),
                          "log_variance": np.log(result.variance[:n_paths]).ravel()})
    lo = float(min(band["low"].min(), paths["log_variance"].min())) - 0.5
    hi = float(max(band["high"].max(), paths["log_variance"].max())) + 0.5
    x = charts.x("generation:Q", "generation", (0, int(g[-1])))
    y_title = "log of fitted variance (nats; 0 = true variance)"
    area = alt.Chart(band).mark_area(opacity=0.15, color=charts.colour("our fit")).encode(
        x=x, y=charts.y("low:Q", y_title, (lo, hi)), y2="high:Q")
    mean = alt.Chart(band).mark_line(color=charts.colour("our fit"), strokeDash=[6, 3]).encode(x=x, y=charts.y("mean:Q", y_title, (lo, hi)))
    lines = alt.Chart(paths).mark_line(strokeWidth=1, opacity=0.7).encode(
        x=x, y=charts.y("log_variance:Q", y_title, (lo, hi)), detail="chain:N", color=alt.value(charts.colour("data")),
        tooltip=["chain:N", "generation:Q", alt.Tooltip("log_variance:Q", format=".2f")])
    m = int(result.sample_sizes[0])
    chart = (area + mean + lines).properties(title=alt.Title(
        "The log-variance is a random walk that drifts down",
        subtitle=f"unbiased estimator, M = {m}; grey: single chains; dashed: mean; band: ±2 standard deviations"))
    return charts.figure(chart, name="fig-mc-walk", source=SOURCE_SIM, description=(
        f"{n_paths} sample paths of the log of the fitted variance over {int(g[-1])} generations (unbiased "
        f"estimator, M = {m}), with the closed-form mean line falling by {-step.drift:.3f} per generation and a "
        f"band of two standard deviations widening like the square root of the generation."))


def schedule_chart(table: pd.DataFrame, accumulate: np.ndarray | None = None) -> alt.Chart:
    """Expected MLE variance per generation for each sample-size schedule of the replace chain (from
    :func:`analysis.collapse.gaussian.schedule_table`) and, if given, for accumulating (an array per generation)."""
    frame = table[["schedule", "generation", "variance_mle", "samples_total"]].copy()
    if accumulate is not None:
        frame = pd.concat([frame, pd.DataFrame({"schedule": "accumulate (constant M)", "generation": np.arange(len(accumulate)),
                                                "variance_mle": accumulate, "samples_total": np.nan})], ignore_index=True)
    order = list(dict.fromkeys(frame["schedule"]))
    rng = [charts.SIZE_RAMP[0], charts.SIZE_RAMP[2], charts.SIZE_RAMP[4], charts.colour("accumulate")][:len(order)]
    n = int(frame["generation"].max())
    chart = alt.Chart(frame).mark_line().encode(
        x=charts.x("generation:Q", "generation", (0, n)),
        y=charts.y("variance_mle:Q", "expected fitted variance (MLE)", (1e-5, 1.2), scale="log"),
        color=alt.Color("schedule:N", title="schedule", sort=order, scale=alt.Scale(domain=order, range=rng)),
        strokeDash=alt.condition("datum.schedule == 'accumulate (constant M)'", alt.value([6, 4]), alt.value([1, 0])),
        tooltip=["schedule:N", "generation:Q", alt.Tooltip("samples_total:Q", format=",", title="samples drawn"),
                 alt.Tooltip("variance_mle:Q", format=".4f")],
    ).properties(title=alt.Title("Only growth faster than linear keeps a replace chain alive",
                                 subtitle="dashed: accumulating a constant M lies exactly on the quadratic schedule"))
    end = frame[frame["generation"] == n].set_index("schedule")["variance_mle"]
    return charts.figure(chart, name="fig-mc-schedule", source=SOURCE_SIM, description=(
        f"Expected fitted variance (log axis) over {n} generations for constant, linear and quadratic sample "
        f"sizes under replace and for accumulation: after {n} generations "
        + ", ".join(f"{k} {v:.3g}" for k, v in end.items()) + "."))


def _log_span(values) -> tuple[float, float]:
    """Decades around ``values`` with room to spare, so that no point sits on the edge of a log axis."""
    v = np.asarray(values, dtype=float)
    v = v[v > 0]
    return float(10 ** np.floor(np.log10(v.min()) - 0.2)), float(10 ** np.ceil(np.log10(v.max()) + 0.2))


def budget_chart(table: pd.DataFrame) -> alt.Chart:
    """Samples drawn (human and synthetic) and samples trained on per strategy, from
    :func:`analysis.collapse.gaussian.data_budget_table`, on a log axis."""
    long = table.melt(id_vars=["strategy", "variance_mle"], value_vars=["human_samples", "synthetic_samples", "sample_visits"],
                      var_name="count", value_name="samples")
    names = {"human_samples": "human samples drawn", "synthetic_samples": "synthetic samples drawn",
             "sample_visits": "samples trained on"}
    long["count"] = long["count"].map(names)
    long = long[long["samples"] > 0]
    order = [s for s in BUDGET_STRATEGIES if s in set(table["strategy"])]
    counts = list(names.values())
    enc = charts.series("count", dict(zip(counts, ("data", "projection", "our fit"))), title=None,
                        shapes=dict(zip(counts, ("circle", "triangle-up", "square"))))
    # points, not bars: a bar on a log axis has no zero to start from, so its length means nothing
    chart = alt.Chart(long).transform_calculate(samples_si=charts.si_expr("datum.samples")).mark_point(
        filled=True, size=90, opacity=1).encode(
        y=alt.Y("strategy:N", sort=order, title=None),
        x=charts.x("samples:Q", "samples over the whole run", _log_span(long["samples"]), scale="log"),
        yOffset=alt.YOffset("count:N", sort=counts, scale=alt.Scale(paddingOuter=0.6)), **enc,
        tooltip=["strategy:N", "count:N", alt.Tooltip("samples_si:N", title="samples"),
                 alt.Tooltip("variance_mle:Q", format=".3f", title="E[variance] at the end")],
    ).properties(height=320, title=alt.Title("What each defence against collapse costs",
                                             subtitle="an accumulated sample is trained on again in every later generation"))
    t = table.set_index("strategy")
    return charts.figure(chart, name="fig-mc-budget", source=SOURCE_SIM, data=table, description=(
        "Points on a log axis for the human samples drawn, synthetic samples drawn and samples trained on, for five "
        f"strategies; quadratic replace trains on {t.loc['replace, quadratic M', 'sample_visits']:,} samples, "
        f"accumulation on {t.loc['accumulate', 'sample_visits']:,}, for the same expected variance."))


def fresh_schedule_chart(table: pd.DataFrame) -> alt.Chart:
    """Expected MLE variance per generation when fresh human samples are added on each schedule, from
    :func:`analysis.collapse.gaussian.fresh_schedule_table`."""
    order = ["none", *SCHEDULES]
    n = int(table["generation"].max())
    chart = alt.Chart(table).mark_line().encode(
        x=charts.x("generation:Q", "generation", (0, n)),
        y=charts.y("variance_mle:Q", "expected fitted variance (MLE)", (1e-5, 1.2), scale="log"),
        color=alt.Color("schedule:N", title="fresh human samples", sort=order,
                        scale=alt.Scale(domain=order, range=[charts.colour("replace")] + charts.SIZE_RAMP[0::2][:3])),
        tooltip=["schedule:N", "generation:Q", alt.Tooltip("human_total:Q", format=",", title="human samples so far"),
                 alt.Tooltip("variance_mle:Q", format=".4f")],
    ).properties(title=alt.Title("A steady trickle of fresh human data stops the collapse",
                                 subtitle="each generation: samples of the previous fit plus fresh human samples"))
    end = table[table["generation"] == n].set_index("schedule")["variance_mle"]
    return charts.figure(chart, name="fig-mc-fresh", source=SOURCE_SIM, description=(
        f"Expected fitted variance (log axis) over {n} generations with no, constant, linear or quadratic "
        "numbers of fresh human samples per generation; at the end: " + ", ".join(f"{k} {v:.3g}" for k, v in end.items()) + "."))


def mix_sweep_chart(sweep: pd.DataFrame, n_generations: int) -> alt.LayerChart:
    """Expected variance at the last generation against the real-data share (closed-form line, simulated
    means with 2-SE bars), from :func:`analysis.collapse.gaussian.mix_sweep`."""
    frame = sweep.assign(low=sweep["sim_mean"] - 2 * sweep["sim_se"], high=sweep["sim_mean"] + 2 * sweep["sim_se"])
    x = charts.x("real_share:Q", "share of fresh real data per generation", (0, 1), percent=True)
    y = charts.y("expected_variance:Q", "fitted variance at the last generation", (0, 1.1))
    line = alt.Chart(frame).mark_line(color=charts.colour("mix")).encode(x=x, y=y)
    bars = alt.Chart(frame).mark_rule(color=charts.colour("data")).encode(
        x=x, y=charts.y("low:Q", "fitted variance at the last generation", (0, 1.1)), y2="high:Q")
    points = alt.Chart(frame).mark_point(color=charts.colour("data")).encode(
        x=x, y=charts.y("sim_mean:Q", "fitted variance at the last generation", (0, 1.1)),
        tooltip=[alt.Tooltip("real_share:Q", format=".0%"), alt.Tooltip("expected_variance:Q", format=".3f", title="closed form"),
                 alt.Tooltip("sim_mean:Q", format=".3f", title="simulated mean")])
    chart = (line + bars + points).properties(title=alt.Title(
        "Mix mode: the first few per cent of real data do most of the work",
        subtitle=f"after {n_generations} generations; line: closed form; points: simulated means ±2 SE"))
    v = sweep.set_index(sweep["real_share"].round(6))["expected_variance"]
    return charts.figure(chart, name="fig-mc-mix", source=SOURCE_SIM, data=sweep, description=(
        f"Expected fitted variance after {n_generations} generations against the share of fresh real data, 0 to 100 %: "
        f"{v.iloc[0]:.3f} with none, {v.iloc[1]:.2f} with {v.index[1]:.0%}, {v.iloc[-1]:.2f} with all real; "
        "simulated means with error bars lie on the closed-form line."))


# --- Vocabulary world -----------------------------------------------------------------------------

def vocabulary_frame(runs: dict) -> pd.DataFrame:
    """Long table of the chain-mean share of types lost, mass lost and per-band survival, per mode and generation."""
    rows = []
    for mode, res in runs.items():
        g = np.arange(res.types_lost.shape[1])
        label = f"mix ({res.real_fraction:.0%} real)" if mode == "mix" else mode
        rows.append(pd.DataFrame({"mode": label, "generation": g, "band": "word types lost",
                                  "value": res.types_lost.mean(axis=0)}))
        rows.append(pd.DataFrame({"mode": label, "generation": g, "band": "probability mass lost",
                                  "value": res.mass_lost.mean(axis=0)}))
        lower = (0,) + res.bands[:-1]
        for j, (lo, hi) in enumerate(zip(lower, res.bands)):
            rows.append(pd.DataFrame({"mode": label, "generation": g, "band": f"ranks {lo + 1:,}-{hi:,}",
                                      "value": res.band_survival[:, :, j].mean(axis=0)}))
    return pd.concat(rows, ignore_index=True)


def vocabulary_survival_chart(runs: dict) -> alt.Chart:
    """Share of word types surviving per frequency-rank band, with a slider for the generation shown and
    one bar per data-reuse mode."""
    frame = vocabulary_frame(runs)
    bands = frame[frame["band"].str.startswith("ranks")]
    n_gen = int(frame["generation"].max())
    gen = charts.slider("generation", min=0, max=n_gen, step=1, value=min(10, n_gen), label="generation ")
    order = list(dict.fromkeys(bands["band"]))
    n_words = next(iter(runs.values())).bands[-1]
    chart = alt.Chart(bands).mark_bar().encode(
        x=alt.X("band:N", sort=order, title="word types by frequency rank", axis=alt.Axis(labelAngle=-30)),
        xOffset=alt.XOffset("mode:N"),
        y=charts.y("value:Q", "share of types still present", (0, 1), percent=True),
        color=alt.Color("mode:N", title="data reuse", scale=_mode_scale(dict.fromkeys(bands["mode"]))),
        tooltip=["mode:N", "band:N", "generation:Q", alt.Tooltip("value:Q", format=".1%", title="surviving")],
    ).transform_filter("datum.generation == generation").add_params(gen).properties(title=alt.Title(
        "Rare words disappear first, and under replace never return",
        subtitle=f"{n_words:,} most frequent English words; move the slider through the generations"))
    rare = bands[(bands["band"] == order[-1]) & (bands["mode"] == "replace")]["value"].iloc[-1]
    return charts.figure(chart, name="fig-mc-vocab", source=SOURCE_WORDFREQ, description=(
        f"Bars of the share of word types still present in each frequency-rank band for replace, accumulate and mix, "
        f"at the generation chosen with the slider (0 to {n_gen}); under replace only {rare:.0%} of the rarest band "
        f"survives at generation {n_gen}."))


def vocabulary_loss_chart(runs: dict) -> alt.Chart:
    """Share of types (solid) and of probability mass (dashed) lost per generation, per mode."""
    frame = vocabulary_frame(runs)
    frame = frame[~frame["band"].str.startswith("ranks")]
    n_gen = int(frame["generation"].max())
    chart = alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=15)).encode(
        x=charts.x("generation:Q", "generation", (0, n_gen)),
        y=charts.y("value:Q", "share lost", (0, 1), percent=True),
        color=alt.Color("mode:N", title="data reuse", scale=_mode_scale(dict.fromkeys(frame["mode"]))),
        strokeDash=alt.StrokeDash("band:N", title=None),
        tooltip=["mode:N", "band:N", "generation:Q", alt.Tooltip("value:Q", format=".2%")],
    ).properties(title=alt.Title("Many word types lost, little probability mass",
                                 subtitle="solid: share of types lost; dashed: true mass of the lost types"))
    rep = frame[(frame["mode"] == "replace") & (frame["generation"] == n_gen)].set_index("band")["value"]
    return charts.figure(chart, name="fig-mc-vocab-loss", source=SOURCE_WORDFREQ, description=(
        f"Share of word types and of probability mass lost per generation, 0 to {n_gen}, for each mode; under replace "
        f"{rep['word types lost']:.0%} of types but {rep['probability mass lost']:.1%} of the mass are gone at the end."))


def truncation_chart(table: pd.DataFrame, top_p: float) -> alt.Chart:
    """Share of word types alive per generation, plain vs top-p sampling, one colour per token count (incl.
    the infinite-sample limit), from :func:`analysis.collapse.vocab.truncated_chain_table`."""
    frame = table.assign(size=[("unlimited" if np.isinf(t) else charts.si(t)) for t in table["tokens"]])
    sizes = list(dict.fromkeys(frame.sort_values("tokens")["size"]))
    n_gen = int(frame["generation"].max())
    chart = alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=12)).encode(
        x=charts.x("generation:Q", "generation", (0, n_gen)),
        y=charts.y("types_alive_share:Q", "share of word types still produced", (0, 1), percent=True),
        color=alt.Color("size:N", title="tokens per generation", sort=sizes, scale=charts.size_scale(sizes)),
        strokeDash=alt.StrokeDash("sampling:N", title="sampling", sort=["plain", "top-p"]),
        tooltip=["sampling:N", "size:N", "generation:Q", alt.Tooltip("types_alive_share:Q", format=".1%")],
    ).properties(title=alt.Title("Truncated sampling cuts the tail at any sample size",
                                 subtitle=f"solid: sample the estimate as it is; dashed: nucleus sampling, top-p = {top_p:g}"))
    lim = frame[(frame["size"] == "unlimited") & (frame["sampling"] == "top-p")]["types_alive_share"].iloc[-1]
    return charts.figure(chart, name="fig-mc-truncation", source=SOURCE_WORDFREQ, description=(
        f"Share of word types still produced over {n_gen} generations, for several token counts per generation and "
        f"unlimited tokens, with plain and top-p sampling; with top-p and unlimited tokens {lim:.1%} remain."))


def tails_scaling_chart(curves: pd.DataFrame, tail_mass: float) -> alt.LayerChart:
    """Memorisation error against training tokens per synthetic share (log-log), with a drop-down picking
    the share that is highlighted and a rule at the true mass beyond the cut (the share-1 plateau)."""
    shares = sorted(curves["synthetic_share"].unique())
    labels = [f"{s:.0%}" for s in shares]
    frame = curves.assign(share=curves["synthetic_share"].map(lambda s: f"{s:.0%}"))
    pick = alt.param(name="share_pick", value=float(shares[-2]), bind=alt.binding_select(
        options=[float(s) for s in shares], labels=labels, name="highlight synthetic share "))
    t0, t1 = float(frame["tokens"].min()), float(frame["tokens"].max())
    e0 = float(frame["error"].min()) / 2
    x = charts.x("tokens:Q", "training tokens", (t0, t1), scale="log")
    y = charts.y("error:Q", "test error (share of test tokens unseen)", (e0, 1), scale="log")
    lines = alt.Chart(frame).transform_calculate(tokens_si=charts.si_expr("datum.tokens")).mark_line().encode(
        x=x, y=y, color=alt.Color("share:N", title="synthetic share", sort=labels, scale=charts.size_scale(labels)),
        opacity=alt.condition("datum.synthetic_share == share_pick", alt.value(1.0), alt.value(0.35)),
        strokeWidth=alt.condition("datum.synthetic_share == share_pick", alt.value(3.5), alt.value(1.8)),
        tooltip=["share:N", alt.Tooltip("tokens_si:N", title="tokens"), alt.Tooltip("error:Q", format=".3g"),
                 alt.Tooltip("local_exponent:Q", format=".2f", title="local exponent")]).add_params(pick)
    rule = alt.Chart(pd.DataFrame({"tail": [tail_mass]})).mark_rule(color=charts.colour("reference"), strokeDash=[4, 4]).encode(
        y=charts.y("tail:Q", "test error (share of test tokens unseen)", (e0, 1), scale="log"),
        tooltip=[alt.Tooltip("tail:Q", format=".3f", title="true mass beyond the cut")])
    chart = (lines + rule).properties(title=alt.Title(
        "Tail-cut synthetic data bend the scaling law into a plateau",
        subtitle="memorising learner, English word frequencies; dashed: true mass beyond the generator's cut"))
    return charts.figure(chart, name="fig-mc-tails", source="Dohmatob et al. (2024) setting; " + SOURCE_WORDFREQ,
                         data=curves, description=(
        f"Log-log curves of test error against training tokens ({charts.si(t0)} to {charts.si(t1)}) for synthetic shares "
        f"{', '.join(labels)}; the all-real curve keeps falling, the all-synthetic one stops at the tail mass {tail_mass:.3f} "
        "(dashed line), and mixtures flatten near it before falling again."))


def detection_chart(table: pd.DataFrame, generation: int) -> alt.Chart:
    """Power of the best detector against tokens of test text, one line per tokens-per-generation, from
    :func:`analysis.collapse.vocab.detection_table`."""
    cols = [c for c in table.columns if c.startswith("power_") and not c.startswith("power_mc_")]
    long = table.melt(id_vars=["tokens_per_generation"], value_vars=cols, var_name="n", value_name="power")
    long["test_tokens"] = long["n"].str.removeprefix("power_").astype(int)
    long["corpus"] = long["tokens_per_generation"].map(lambda t: charts.si(t))
    labels = [charts.si(t) for t in table["tokens_per_generation"]]
    t0, t1 = float(long["test_tokens"].min()), float(long["test_tokens"].max())
    chart = alt.Chart(long).mark_line(point=True).encode(
        x=charts.x("test_tokens:Q", "tokens of text the detector reads", (t0, t1), scale="log"),
        y=charts.y("power:Q", "power at a 5 % false-positive rate", (0, 1), percent=True),
        color=alt.Color("corpus:N", title="tokens per generation", sort=labels, scale=charts.size_scale(labels)),
        tooltip=["corpus:N", "test_tokens:Q", alt.Tooltip("power:Q", format=".1%")],
    ).properties(title=alt.Title("The bigger the corpus, the subtler the damage",
                                 subtitle=f"best test of human text against a smoothed generation-{generation} model"))
    big = table.iloc[-1]
    return charts.figure(chart, name="fig-mc-detection", source=SOURCE_WORDFREQ, data=table, description=(
        f"Power of the likelihood-ratio test against the tokens it reads ({t0:.0f} to {t1:,.0f}, log axis), one line per "
        f"corpus size from {labels[0]} to {labels[-1]} tokens per generation; with the largest corpus it needs "
        f"{big['tokens_for_90']:,.0f} tokens for 90 % power."))


def ngram_truncation_chart(table: pd.DataFrame, top_p: float, wordfreq_alive=None) -> alt.Chart:
    """Share of word types still produced per generation under top-p, per context (bigram chain) and on the
    unigram distribution of the same text (``table`` from ``ngram.NgramTruncationPath.table()``); optionally
    the 20,000-word unigram list's path (``wordfreq_alive``: shares per generation)."""
    frame = table[["generation", "model", "types_alive_share"]].copy()
    if wordfreq_alive is not None:
        w = np.asarray(wordfreq_alive, dtype=float)
        frame = pd.concat([frame, pd.DataFrame({"generation": np.arange(w.size), "model": "unigram, 20,000-word list",
                                                "types_alive_share": w})], ignore_index=True)
    models = list(dict.fromkeys(frame["model"]))
    roles = dict(zip(models, ("our fit", "published", "reference")))
    n_gen = int(frame["generation"].max())
    chart = alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=14)).encode(
        x=charts.x("generation:Q", "generation", (0, n_gen)),
        y=charts.y("types_alive_share:Q", "share of word types still produced", (0, 1), percent=True),
        color=alt.Color("model:N", title="where top-p cuts", sort=models, scale=charts.colour_scale(roles),
                        legend=alt.Legend(orient="bottom", direction="vertical")),
        tooltip=["model:N", "generation:Q", alt.Tooltip("types_alive_share:Q", format=".1%")],
    ).properties(title=alt.Title("Cut per context, the vocabulary survives far longer",
                                 subtitle=f"top-p = {top_p:g}, unlimited tokens per generation"))
    last = frame[frame["generation"] == n_gen].set_index("model")["types_alive_share"]
    return charts.figure(chart, name="fig-mc-ngram", source=SOURCE_NGRAM, description=(
        f"Share of word types still produced over {n_gen} generations of top-p = {top_p:g} sampling with unlimited "
        f"tokens: cut per context (a bigram chain of real text) {last.iloc[0]:.0%} remain; cut on the same text's "
        f"unigram distribution {last.iloc[1]:.0%}" + (f"; on the 20,000-word list {last.iloc[2]:.0%}." if last.size > 2
                                                      else ".")))


#: Source line of the n-gram chart.
SOURCE_NGRAM = "Python's documentation topics (pydoc_data, PSF licence) and wordfreq; iteration: this book"


def strong_collapse_chart(curve: pd.DataFrame, simulated: pd.DataFrame) -> alt.LayerChart:
    """Excess risk against training samples (log-log) per synthetic share: the large-sample approximation as
    lines, the simulated means (with 5-95 % bars) as points (from ``shares.strong_collapse_curve``)."""
    labels = [f"{s:.1%}" if 0 < s < 0.01 else f"{s:.0%}" for s in sorted(curve["synthetic_share"].unique())]
    lab = dict(zip(sorted(curve["synthetic_share"].unique()), labels))
    c = curve.assign(share=curve["synthetic_share"].map(lab))
    sim = simulated.assign(share=simulated["synthetic_share"].map(lab))
    lo = float(min(c["error"].min(), sim["error_low"].min())) / 2
    hi = float(max(c["error"].max(), sim["error_high"].max())) * 2
    x = charts.x("n:Q", "training samples", (float(c["n"].min()), float(c["n"].max())), scale="log")
    y = charts.y("error:Q", "excess risk on real data", (lo, hi), scale="log")
    colour = alt.Color("share:N", title="synthetic share", sort=labels, scale=charts.size_scale(labels))
    lines = alt.Chart(c).transform_calculate(n_si=charts.si_expr("datum.n")).mark_line(clip=True).encode(
        x=x, y=y, color=colour, tooltip=["share:N", alt.Tooltip("n_si:N", title="samples"),
                                         alt.Tooltip("error:Q", format=".3g"), alt.Tooltip("floor:Q", format=".3g")])
    bars = alt.Chart(sim).mark_rule(clip=True).encode(x="n:Q", y=alt.Y("error_low:Q"), y2="error_high:Q", color=colour)
    points = alt.Chart(sim).mark_point(filled=True, size=45, clip=True).encode(
        x="n:Q", y="error:Q", color=colour,
        tooltip=["share:N", "n:Q", alt.Tooltip("error:Q", format=".3g", title="simulated"),
                 alt.Tooltip("approximation:Q", format=".3g")])
    chart = alt.layer(lines, bars, points).properties(
        title=alt.Title("A fixed synthetic share puts a floor under the error",
                        subtitle="least squares on real plus synthetic labels; lines: large-sample formula, "
                                 "points: simulation (5-95 %)"))
    big = c[c["n"] == c["n"].max()].set_index("share")["error"]
    return charts.figure(chart, name="fig-mc-strong", source="Dohmatob et al. (2025) setting; simulation: this book",
                         description=(f"Excess risk against training samples on log axes for synthetic shares "
                                      f"{', '.join(labels)}: with real data only it keeps falling "
                                      f"({big.iloc[0]:.1e} at the largest size); with a fixed synthetic share it "
                                      f"levels off (at {labels[-1]}: {big.iloc[-1]:.1e})."), data=c)


def shares_chart(measured: pd.DataFrame, simulated: pd.DataFrame) -> alt.VConcatChart:
    """Measured shares of machine-written content (points, from ``shares.measured_shares``) against the
    synthetic shares the chapter's simulations use and the shares at which their damage becomes material
    (``shares.simulated_shares``: ``label``, ``lo``, ``hi``, ``kind`` "simulation" or "material damage")."""
    x = charts.x("share:Q", "share of machine-written content", (0, 1), percent=True)
    # row labels sit inside the plot, above each row, so a phone's column keeps its width for the data
    y = alt.Y("label:N", title=None, sort=None, axis=None, scale=alt.Scale(paddingOuter=0.6))

    def names(frame):
        return alt.Chart(frame.assign(x0=0.0)).mark_text(align="left", baseline="bottom", dy=-6, fontSize=11).encode(
            x=alt.X("x0:Q"), y=y, text="label:N")
    points = alt.Chart(measured).mark_point(filled=True, size=70, color=charts.colour("data")).encode(
        x=x, y=y, shape=alt.Shape("status:N", title="figure read", sort=["checked", "secondary"]),
        tooltip=["what:N", alt.Tooltip("share:Q", format=".1%"), "status:N"])
    roles = {"simulation": "projection", "material damage": "published"}
    colour = alt.Color("kind:N", title="simulated", scale=charts.colour_scale(roles),
                       legend=alt.Legend(orient="bottom", direction="vertical"))
    tips = ["what:N", alt.Tooltip("lo:Q", format=".1%"), alt.Tooltip("hi:Q", format=".1%")]
    span = alt.Chart(simulated).mark_rule(strokeWidth=6, opacity=0.6).encode(
        x=alt.X("lo:Q", scale=alt.Scale(domain=(0, 1))), x2="hi:Q", y=y, color=colour, tooltip=tips)
    ends = alt.Chart(simulated).mark_point(filled=True, size=60, shape="diamond").encode(
        x=charts.x("hi:Q", "synthetic share", (0, 1), percent=True), y=y, color=colour, tooltip=tips)
    lo, hi = float(measured["share"].min()), float(measured["share"].max())
    bite = simulated[simulated["kind"] == "material damage"]["lo"]
    # Subtitles in short lines, so that a phone's width shows them whole.
    top = alt.layer(points, names(measured)).properties(height=alt.Step(30), title=alt.Title(
        f"Measured: {lo:.0%} to {hi:.0%}", subtitle=["of new content, machine-assisted", "or -written, in the wild"]))
    bottom = alt.layer(span, ends, names(simulated)).properties(height=alt.Step(30), title=alt.Title(
        f"Simulated: up to {float(simulated['hi'].max()):.0%}",
        subtitle=["the simulations' shares; damage turns", f"material at {bite.min():.0%} to {bite.max():.0%}"]))
    chart = alt.vconcat(top, bottom).resolve_scale(y="independent")
    return charts.figure(chart, name="fig-mc-shares",
                         source="Liang et al. (2024, 2025), Dolezal et al. (2026, press reports), Kapwing (2025); "
                                "simulations: this book",
                         description=(f"Measured shares from {lo:.0%} to {hi:.0%} ({len(measured)} studies) above; "
                                      f"below, the synthetic shares of the simulations and the smallest shares at "
                                      f"which their damage becomes material ({bite.min():.0%} to {bite.max():.0%})."),
                         data=measured)
