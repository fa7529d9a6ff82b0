import json

import altair as alt
import pytest

from analysis.house import charts


@pytest.fixture
def chart():
    charts.use_book_theme()
    return alt.Chart(alt.Data(values=[{"x": 1, "y": 2}, {"x": 2, "y": 3}])).mark_line().encode(x="x:Q", y="y:Q")


def test_book_renderer_gives_interactive_html_and_a_static_png(chart):
    bundle, metadata = chart._repr_mimebundle_()
    assert "vegaEmbed" in bundle["text/html"]  # interactive on the site
    png = bundle["image/png"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"  # static for print and PDF
    assert metadata["image/png"]["width"] > 0


def test_theme_is_applied(chart):
    config = chart.to_dict()["config"]
    assert config["range"]["category"] == charts.PALETTE


def test_slider_validates_its_range():
    p = charts.slider("k", min=1, max=10, step=1, value=3, label="samples")
    assert p.param.to_dict()["bind"]["max"] == 10
    with pytest.raises(ValueError, match="value must lie in"):
        charts.slider("k", min=1, max=10, step=1, value=30, label="samples")
    with pytest.raises(ValueError, match="step must be positive"):
        charts.slider("k", min=1, max=10, step=0, value=3, label="samples")


def test_save_static_writes_svg_and_png(chart, tmp_path):
    assert "<svg" in charts.save_static(chart, tmp_path / "c.svg").read_text()
    assert charts.save_static(chart, tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"
    with pytest.raises(ValueError, match="path must end in .svg or .png"):
        charts.save_static(chart, tmp_path / "c.pdf")


# --- house style ------------------------------------------------------------------------------------

import math  # noqa: E402

import pandas as pd  # noqa: E402

from analysis.house import tables  # noqa: E402


def _styled(name="fig-test", **kw):
    frame = pd.DataFrame({"C": [1e18, 1e20, 1e22], "loss": [3.0, 2.5, 2.2], "fit": ["our fit", "our fit", "published"]})
    base = alt.Chart(frame).mark_line().encode(
        x=charts.x("C:Q", "training compute (FLOP)", (1e18, 1e22), scale="log"),
        y=charts.y("loss:Q", "loss (nats/token)", (2, 3.2)),
        color=alt.Color("fit:N", scale=charts.colour_scale(["our fit", "published"])))
    return charts.figure(base, name=name, description="Loss falls from 3.0 to 2.2 over four decades.",
                         source="made-up numbers for a test", **kw)


@pytest.mark.parametrize("value, expected", [
    (7.5e10, "75B"), (1.2e9, "1.2B"), (3e21, "3e21"), (2.2e-10, "2.2e-10"), (0.5, "0.5"), (0, "0"),
    (1234, "1.23k"), (999_960, "1M"), (1e12, "1T"), (1.5e14, "150T"), (-5e6, "-5M"), (12.345, "12.3"),
])
def test_si_is_the_one_number_format(value, expected):
    assert charts.si(value) == expected


def test_si_money_and_units():
    assert charts.si(1.2e9, money=True) == "$1.2B"
    assert charts.si(-3e6, money=True) == "-$3M"
    assert charts.si(7.5e10, "tokens") == "75B tokens"
    with pytest.raises(ValueError, match="value must be a finite number"):
        charts.si(math.inf)


def test_si_expr_matches_si_on_axis_values():
    # the Vega twin is evaluated by vl-convert: draw a text mark of si_expr and compare with si()
    import vl_convert as vlc

    values = [7.5e10, 1.2e9, 3e21, 0.5, 1234, 1e12]
    spec = {"data": {"values": [{"v": v} for v in values]}, "transform": [{"calculate": charts.si_expr("datum.v"),
            "as": "label"}], "mark": "text", "encoding": {"text": {"field": "label"}}}
    svg = vlc.vegalite_to_svg(spec)
    for v in values:
        assert f">{charts.si(v)}<" in svg


def test_decade_ticks_are_clean_powers_of_ten():
    assert charts.decade_ticks(1e13, 1e16) == [1e13, 1e14, 1e15, 1e16]
    ticks = charts.decade_ticks(1e8, 1e26)
    assert len(ticks) <= 7 and all(math.log10(t).is_integer() for t in ticks)
    with pytest.raises(ValueError, match="0 < low < high"):
        charts.decade_ticks(0, 10)


def test_axes_have_explicit_domains_and_house_labels():
    enc = charts.x("C:Q", "compute (FLOP)", (1e18, 1e24), scale="log").to_dict()
    assert enc["scale"] == {"type": "log", "domain": [1e18, 1e24], "nice": False}
    assert enc["axis"]["values"] == charts.decade_ticks(1e18, 1e24)
    assert "labelExpr" in enc["axis"]
    assert charts.x("year:Q", "year", (2010, 2030), scale="year").to_dict()["axis"]["format"] == "d"
    with pytest.raises(ValueError, match="domain must be"):
        charts.y("loss:Q", "loss", (3, 2))
    with pytest.raises(ValueError, match="scale must be"):
        charts.y("loss:Q", "loss", (2, 3), scale="sqrt")


def test_colour_registry_gives_one_colour_per_entity():
    scale = charts.colour_scale({"our refit": "our fit", "Hoffmann et al.": "published"}).to_dict()
    assert scale["domain"] == ["our refit", "Hoffmann et al."]
    assert scale["range"] == [charts.COLOURS["our fit"], charts.COLOURS["published"]]
    assert charts.colour("replace") != charts.colour("accumulate") != charts.colour("mix")
    with pytest.raises(ValueError, match="has no colour"):
        charts.colour("nonsense")


def test_verdict_colours_are_the_cards_colours():
    from analysis.house.charts import VERDICT_COLOURS

    scale = charts.verdict_scale().to_dict()
    assert scale["range"] == [text for _, text in VERDICT_COLOURS.values()]
    assert charts.colour(scale["domain"][0]) == scale["range"][0]


def test_size_scale_orders_a_family_light_to_dark():
    rng = charts.size_scale(["70M", "1B", "12B"]).to_dict()["range"]
    assert rng[0] == charts.SIZE_RAMP[0] and rng[-1] == charts.SIZE_RAMP[-1] and len(set(rng)) == 3


def test_log_slider_shows_the_quantity():
    p = charts.log_slider("C", values=charts.log_values(1e21, 1e24), value=1e22, label="compute ", unit="FLOP")
    bind = p.param.to_dict()["bind"]
    assert bind["input"] == "select" and "1e22 FLOP" in bind["labels"] and 1e22 in bind["options"]
    with pytest.raises(ValueError, match="value must be one of values"):
        charts.log_slider("C", values=[1, 10], value=3, label="x")


def test_figure_requires_explicit_domains_and_a_description():
    frame = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    bare = alt.Chart(frame).mark_point().encode(x="a:Q", y="b:Q")
    with pytest.raises(ValueError, match="the x and y axis has no explicit domain"):
        charts.figure(bare, name="fig-a", description="twenty characters or more", source="s")
    assert charts.figure(bare, name="fig-a", description="twenty characters or more", source="s",
                         free_axes=("x", "y")).to_dict()["description"]
    with pytest.raises(ValueError, match="description must say"):
        charts.figure(bare, name="fig-a", description="short", source="s", free_axes="xy")
    with pytest.raises(ValueError, match="name must be lower case"):
        charts.figure(bare, name="Fig A", description="twenty characters or more", source="s", free_axes="xy")


def test_rendered_figure_fits_the_column_and_offers_its_data():
    chart = _styled()
    charts.use_book_theme()
    bundle, _ = chart._repr_mimebundle_()
    html = bundle["text/html"]
    assert '"width":"container"' in html and '"clip":true' in html  # compact JSON (charts.SPEC_JSON)
    assert "book_figure" not in html.split("chart-source")[0]  # metadata removed from the drawn spec
    assert 'download="fig-test.csv" href="data:text/csv' in html and "Source: made-up numbers" in html
    assert '"renderer": "svg"' in html and '"editor": false' in html
    assert bundle["image/png"][:4] == b"\x89PNG"
    assert bundle["text/plain"].startswith("[figure fig-test]")


def test_layout_clips_every_mark_unless_told_not_to():
    spec = {"layer": [{"mark": "line"}, {"mark": {"type": "text", "clip": False}}]}
    out = charts.layout(spec)
    assert out["layer"][0]["mark"] == {"type": "line", "clip": True}
    assert out["layer"][1]["mark"]["clip"] is False
    assert out["width"] == "container"
    concat = charts.layout({"vconcat": [{"mark": "bar"}, {"mark": "bar"}]})
    assert all(v["width"] == "container" for v in concat["vconcat"])  # stacked panels fill the column
    assert concat["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert all(v["width"] == charts.STATIC_WIDTH - 70 for v in charts.layout(concat, 620)["vconcat"])
    with pytest.raises(ValueError, match="side by side"):
        charts.layout({"hconcat": [{"mark": "bar"}, {"mark": "bar"}]})


def test_table_formats_for_reading():
    frame = pd.DataFrame({"model": ["Gopher", "Chinchilla"], "params": [2.8e11, 7e10], "cost": [6e6, 1.5e6],
                          "loss": [1.99321, 1.9], "share": [0.25, 0.5]}, index=[5, 9])
    t = tables.table(frame, "Two models", {"params": tables.Col("si", unit="parameters"), "cost": "money",
                                           "share": "percent"})
    assert list(t.frame.columns) == ["model", "params (parameters)", "cost", "loss", "share"]
    assert t.frame.iloc[0].tolist() == ["Gopher", "280B", "$6M", "1.99", "25%"]
    html = t._repr_html_()
    assert ">Two models</p>" in html and "e+" not in html and ">5<" not in html
    assert 'class="blank' not in html  # no empty index header
    with pytest.raises(ValueError, match="columns names columns"):
        tables.table(frame, "x", {"nope": "si"})
    with pytest.raises(ValueError, match="kind must be one of"):
        tables.Col("scientific")


def test_table_writes_dates_without_a_time():
    frame = pd.DataFrame({"model": ["GPT-3", "GPT-4"], "date": pd.to_datetime(["2020-05-28", None])})
    t = tables.table(frame, "Release dates")
    assert t.frame["date"].tolist() == ["2020-05-28", "–"]
    assert tables.table(frame, "Release dates", {"date": "text"}).frame["date"].iloc[0].startswith("2020-05-28 00:00")


def test_end_labels_put_one_label_at_each_line_end():
    frame = pd.DataFrame({"C": [1e18, 1e20, 1e18, 1e20], "loss": [3.0, 2.5, 2.9, 2.2], "fit": ["a", "a", "b", "b"]})
    x = charts.x("C:Q", "compute (FLOP)", (1e18, 1e20), scale="log")
    y = charts.y("loss:Q", "loss", (2, 3.2))
    colour = alt.Color("fit:N", scale=charts.colour_scale({"a": "our fit", "b": "published"}))
    spec = charts.end_labels(frame, x=x, y=y, series="fit", color=colour).to_dict()
    rows = list(spec["datasets"].values())[0]
    assert sorted((r["fit"], r["C"]) for r in rows) == [("a", 1e20), ("b", 1e20)]
    assert spec["encoding"]["color"]["legend"] is None
    assert spec["encoding"]["color"]["scale"]["range"] == [charts.COLOURS["our fit"], charts.COLOURS["published"]]
    with pytest.raises(ValueError, match="series must be a column"):
        charts.end_labels(frame, x=x, y=y, series="nope")


def test_long_titles_wrap_to_fit_the_column():
    """Titles are wrapped by words for each container width (a phone's, a tablet's, a laptop's) and the
    chart picks the wrapping for its column: Vega would cut a long line with an ellipsis."""
    long = "The first-principles cost model against Epoch's own estimates, run by run"
    out = charts.layout({"mark": "point", "title": {"text": long, "subtitle": "short"}})
    expr = out["title"]["text"]["expr"]
    for limit, title_chars, _ in charts.TITLE_WRAPS:
        lines = charts._wrap(long, title_chars)
        assert json.dumps(lines) in expr and all(len(t) <= title_chars for t in lines) and " ".join(lines) == long
    assert "containerSize()" in expr and json.dumps(["short"]) in out["title"]["subtitle"]["signal"]
    short = charts.layout({"mark": "point", "title": "Short"})["title"]["text"]["expr"]
    assert short.count('["Short"]') == len(charts.TITLE_WRAPS)


def test_long_axis_titles_wrap_and_legends_stack():
    out = charts.layout({"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative",
                                                             "title": "year the largest run uses the whole effective stock"}}})
    lines = out["encoding"]["x"]["title"]
    assert " ".join(lines) == "year the largest run uses the whole effective stock"
    assert len(lines) == 2 and all(len(t) <= charts.AXIS_TITLE_CHARS["x"] for t in lines)
    assert out["config"]["legend"]["layout"]["bottom"]["direction"] == "vertical"


@pytest.mark.parametrize("group", charts.GROUPS)
def test_entities_that_share_a_chart_never_share_a_colour(group):
    colours = [charts.colour(e) for e in group]
    assert len(set(colours)) == len(colours), {e: charts.colour(e) for e in group}
    close = [(a, b, round(_delta_e(charts.colour(a), charts.colour(b)))) for a, b in itertools.combinations(group, 2)
             if _delta_e(charts.colour(a), charts.colour(b)) < 20 and {a, b} != {"all runs", "reference"}]
    assert not close, close  # far apart (CIE76), not merely different


def test_numpy_scalars_print_as_plain_numbers_for_glue():
    """NumPy 2 prints np.float64(0.25); {glue:text} needs the plain number to apply a format."""
    import numpy as np
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    charts._plain_numpy_scalars()
    plain = shell.display_formatter.formatters["text/plain"]
    assert plain(np.float64(0.25)) == "0.25" and plain(np.int64(7)) == "7" and plain(np.bool_(True)) == "True"


# --- tooltips read as the rest of the book -------------------------------------------------------------

import re  # noqa: E402

#: A d3 number format: [[fill]align][sign][symbol][0][width][,][.precision][~][type].
_D3_FORMAT = re.compile(r"^(?:.?[<>=^])?[-+( ]?[$#]?0?\d*,?(?:\.\d+)?~?(?P<type>[a-z%]?)$", re.I)


def _tooltip_formats(spec) -> list[tuple[str, str]]:
    """(field, format) of every number-formatted tooltip anywhere in a Vega-Lite spec."""
    found = []

    def fields(entry):
        if isinstance(entry, list):
            for e in entry:
                fields(e)
        elif isinstance(entry, dict):
            if "format" in entry and entry.get("formatType", "number") == "number":
                found.append((str(entry.get("field", entry.get("title", "?"))), str(entry["format"])))
            for key in ("condition", "value"):
                if isinstance(entry.get(key), (dict, list)):
                    fields(entry[key])

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "tooltip":
                    fields(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def _si_prefix_tooltips(spec) -> list[tuple[str, str]]:
    """Tooltips whose d3 format is the SI-prefix type "s" (it writes 1.2G for 1.2 billion, µ for 1e-6)."""
    return [(f, fmt) for f, fmt in _tooltip_formats(spec)
            if (m := _D3_FORMAT.match(fmt)) and m.group("type").lower() == "s"]


def test_si_prefix_tooltip_check_can_fail():
    frame = pd.DataFrame({"N": [7e10], "loss": [2.0]})
    bad = alt.Chart(frame).mark_point().encode(
        x="N:Q", y="loss:Q", tooltip=[alt.Tooltip("N:Q", format=".3s"), alt.Tooltip("loss:Q", format=".2~s")])
    assert _si_prefix_tooltips(bad.to_dict()) == [("N", ".3s"), ("loss", ".2~s")]
    good = alt.Chart(frame).transform_calculate(N_si=charts.si_expr("datum.N")).mark_point().encode(
        x="N:Q", y="loss:Q", tooltip=[alt.Tooltip("N_si:N", title="N"), alt.Tooltip("loss:Q", format=".3f"),
                                      alt.Tooltip("N:Q", format=".2e"), alt.Tooltip("loss:Q", format=".1%")])
    assert _si_prefix_tooltips(good.to_dict()) == []
    assert len(_tooltip_formats(good.to_dict())) == 3


def _book_charts():
    """The chart builders of the chapters, called as their own tests call them (name -> zero-argument call)."""
    import numpy as np

    from analysis.chinchilla import refit as ch, allocation as alloc, law
    from analysis.chinchilla import charts as chc
    from analysis.collapse import gaussian as mc
    from analysis.collapse import charts as mcc
    from analysis.collapse import vocab
    from analysis.datawall import charts as dw, datastock as ds, data_constrained as dc
    from analysis.economics import trends as ec, costs as costs_mod
    from analysis.economics import charts as ecc
    from analysis.other_side import emergence as em, charts as emc
    from analysis.other_side import obsscaling as ob
    from analysis.chinchilla import kaplan_vs_chinchilla as kc
    from analysis.progress import frontier as pr
    from analysis.progress import charts as pc
    from analysis.scaling_laws import returns as sl, charts as slc
    from analysis.collapse import tails
    from analysis.testtime import charts as tc
    from analysis.collapse import ngram, shares
    from analysis.datawall import supply as sup

    fit = ch.chinchilla_fit()
    boot = ch.chinchilla_bootstrap(n_boot=100, seed=1)
    fits = ch.published_fits()
    stock = ds.sample_stock()
    both = ds.compare_growth_rates(2_000, 0)
    trends = ec.fit_trends()
    costs, costs_max = ec.project_costs(), ec.project_costs(anchor="max")
    voc = vocab.vocabulary_runs(n_words=2000, tokens=5000, n_generations=5, n_chains=2)
    return {
        "slc.frontier_chart": lambda: slc.frontier_chart(sl.fit_frontier(n_boot=60, seed=0)),
        "slc.decade_returns_explorer": slc.decade_returns_explorer,
        "slc.forms_chart": lambda: slc.forms_chart(sl.illustrative_forms()),
        "chc.isoflop_chart": lambda: chc.isoflop_chart(ch.chinchilla_isoflops()),
        "chc.isoflop_explorer": lambda: chc.isoflop_explorer(fits),
        "chc.loss_landscape_chart": lambda: chc.loss_landscape_chart(fit),
        "chc.bootstrap_cloud_chart": lambda: chc.bootstrap_cloud_chart(boot),
        "chc.tokens_per_param_chart": lambda: chc.tokens_per_param_chart(boot),
        "chc.frontier_chart": lambda: chc.frontier_chart(fits),
        "chc.overtraining_chart": lambda: chc.overtraining_chart(alloc.overtraining(law.LLAMA3_8B, fit)),
        "chc.errors_chart": chc.errors_chart,
        "chc.inference_explorer": lambda: chc.inference_explorer(fit, 2.0),
        "chc.reconcile_chart": lambda: chc.reconcile_chart(kc.reconcile_kaplan_chinchilla(n_boot=40)),
        "dw.stock_chart": lambda: dw.stock_chart(stock, ds.sample_high_quality_stock()),
        "dw.dataset_projection_chart": lambda: dw.dataset_projection_chart(ds.dataset_trend(), stock),
        "dw.exhaustion_chart": lambda: dw.exhaustion_chart(both),
        "dw.sensitivity_chart": lambda: dw.sensitivity_chart(ds.exhaustion_sensitivity(n_samples=500, seed=0), 2.35),
        "dw.halving_chart": lambda: dw.halving_chart(dc.halving_compute_range(float(np.median(stock.quality))), 4.6e26),
        "dw.fit_chart": lambda: dw.fit_chart(dc.refit_decay_constants()),
        "dw.profile_chart": lambda: dw.profile_chart(dc.refit_profile(np.array([5.0, 15.0, 50.0]))),
        "dw.epoch_value_explorer": dw.epoch_value_explorer,
        "dw.capped_frontier_explorer": dw.capped_frontier_explorer,
        "tc.coverage_chart MATH": lambda: tc.coverage_chart("MATH"),
        "tc.coverage_chart CodeContests": lambda: tc.coverage_chart("CodeContests"),
        "tc.flop_chart": tc.flop_chart,
        "tc.total_compute_chart": tc.total_compute_chart,
        "tc.selection_chart": tc.selection_chart,
        "tc.verifier_chart": tc.verifier_chart,
        "tc.guessing_chart": tc.guessing_chart,
        "tc.kim_tradeoff_chart": tc.kim_tradeoff_chart,
        "tc.fleet_chart": tc.fleet_chart,
        "tc.power_law_chart": lambda: tc.power_law_chart(n_boot=20),
        "pc.frontier_chart": pc.frontier_chart,
        "pc.saturation_chart": pc.saturation_chart,
        "pc.curves_chart": pc.curves_chart,
        "pc.curve_errors_chart": pc.curve_errors_chart,
        "pc.lifetimes_chart": lambda: pc.lifetimes_chart(pr.benchmark_lifetimes()),
        "pc.compute_chart": pc.compute_chart,
        "pc.metr_chart 1.1": lambda: pc.metr_chart("1.1"),
        "pc.metr_chart 1.0": lambda: pc.metr_chart("1.0"),
        "ecc.compute_trend_chart": lambda: ecc.compute_trend_chart(trends),
        "ecc.cost_windows_chart": lambda: ecc.cost_windows_chart(ec.cost_windows()),
        "ecc.price_performance_chart": lambda: ecc.price_performance_chart(trends),
        "ecc.cost_check_chart": lambda: ecc.cost_check_chart(costs_mod.cost_model_check()),
        "ecc.projection_chart": lambda: ecc.projection_chart(costs, costs_max),
        "ecc.growth_explorer": lambda: ecc.growth_explorer(costs_max.anchor_usd, costs_max.anchor_year),
        "ecc.cahn_chart": ecc.cahn_chart,
        "ecc.trace_length_chart": lambda: ecc.trace_length_chart(lengths=[100, 1000, 10_000]),
        "emc.exact_match_explorer": emc.exact_match_explorer,
        "emc.step_cost_chart": emc.step_cost_chart,
        "emc.metrics_chart": lambda: emc.metrics_chart(em.compare_metrics(n_boot=20)),
        "emc.inverse_chart": lambda: emc.inverse_chart(em.inverse_problems()),
        "emc.forecast_chart": lambda: emc.forecast_chart(ob.predict_emergent()),
        "mcc.variance_fan_chart": lambda: mcc.variance_fan_chart(mc.fan_runs(n_generations=20, n_chains=200),
                                                                 mc.load_kazdan_gaussian()),
        "mcc.vocabulary_survival_chart": lambda: mcc.vocabulary_survival_chart(voc),
        "mcc.vocabulary_loss_chart": lambda: mcc.vocabulary_loss_chart(voc),
        "mcc.schedule_chart": lambda: mcc.schedule_chart(mc.schedule_table(n_generations=200, base=20)),
        "mcc.log_variance_walk_chart": lambda: mcc.log_variance_walk_chart(mc.unbiased_run(20, 10, 50), n_paths=3),
        "mcc.budget_chart": lambda: mcc.budget_chart(mc.data_budget_table(20, 10)),
        "mcc.fresh_schedule_chart": lambda: mcc.fresh_schedule_chart(mc.fresh_schedule_table(200, synthetic=20,
                                                                                             fresh_base=2)),
        "mcc.mix_sweep_chart": lambda: mcc.mix_sweep_chart(mc.mix_sweep(10, 10, n_chains=50), 10),
        "mcc.truncation_chart": lambda: mcc.truncation_chart(vocab.truncated_chain_table(
            vocab.word_frequencies(500)["probability"].to_numpy(), 3, (1000,), top_p=0.9, n_chains=2), 0.9),
        "mcc.detection_chart": lambda: mcc.detection_chart(vocab.detection_table((200_000, 1_000_000), 5), 5),
        "mcc.tails_scaling_chart": lambda: mcc.tails_scaling_chart(
            tails.scaling_curves(k=2000, t_max=1e6, n_points=9, n_types=20_000), 0.1),
        "mcc.ngram_truncation_chart": lambda: mcc.ngram_truncation_chart(ngram.truncation_path(0.95).table(), 0.95),
        "mcc.strong_collapse_chart": lambda: mcc.strong_collapse_chart(*_strong(shares.strong_collapse_curve(
            sizes=(300, 3_000), reps=3, seed=0))),
        "mcc.shares_chart": lambda: mcc.shares_chart(shares.measured_shares(), shares.simulated_shares()),
        "dw.usable_stock_chart": lambda: dw.usable_stock_chart(sup.stock_sensitivity((0.0, 0.3), n_samples=500),
                                                               36e12, sup.licensed_tokens()),
        "ecc.inference_price_chart": ecc.inference_price_chart,
    }


def _strong(result):
    return result.curve, result.simulated


#: Charts known to still use an "s" tooltip, each with its owner's file. The test fails when one is fixed
#: (drop its entry then) as well as when any other chart gains one.
KNOWN_SI_PREFIX_TOOLTIPS: dict[str, str] = {}


def test_no_book_chart_uses_si_prefix_tooltips():
    """d3's "s" format writes 1.2G for 1.2 billion and µ for a millionth; the book writes 1.2B (charts.si)."""
    offenders = {}
    checked = 0
    for name, spec in _book_specs().items():
        checked += len(_tooltip_formats(spec))
        if bad := _si_prefix_tooltips(spec):
            offenders[name] = bad
    assert checked > 50  # the walk finds the book's formatted tooltips (it would pass vacuously otherwise)
    assert set(offenders) == set(KNOWN_SI_PREFIX_TOOLTIPS), offenders


def test_watts_expr_writes_power_as_the_chapter_does():
    import vl_convert as vlc

    from analysis.testtime import charts as tc

    values = {1.5e9: "1.5 GW", 2.34e6: "2.34 MW", 4.2e12: "4.2 TW", 12_300: "12.3 kW", 850: "850 W"}
    spec = {"data": {"values": [{"v": v} for v in values]}, "transform": [{"calculate": tc.watts_expr("datum.v"),
            "as": "label"}], "mark": "text", "encoding": {"text": {"field": "label"}}}
    svg = vlc.vegalite_to_svg(spec)
    for text in values.values():
        assert f">{text}<" in svg


# --- every chart of the book, checked from its spec -------------------------------------------------------

import functools  # noqa: E402
import itertools  # noqa: E402
from pathlib import Path  # noqa: E402

BOOK = Path(__file__).resolve().parents[1] / "book"
#: Figures drawn by the ledger package rather than a chapter (tested in tests/test_ledger*.py).
NOT_CHAPTER_FIGURES = {"fig-ledger-robustness", "fig-intro-verdicts"}
COLOUR_CHANNELS = ("color", "fill", "stroke")


@functools.lru_cache(maxsize=1)
def _book_specs() -> dict:
    """name -> Vega-Lite dict of every chapter chart (built once per test session)."""
    return {name: build().to_dict() for name, build in _book_charts().items()}


def _units(spec):
    """(unit spec, encoding with inherited channels, layer siblings' root) of every single view in ``spec``."""
    return list(charts._unit_specs(spec))


def _field(d) -> str | None:
    return d.get("field") if isinstance(d, dict) else None


def _colour_problems(spec) -> list[str]:
    """Distinct values of one colour-encoded field drawn in the same colour with no dash or shape between them;
    colour channels with no scale of the house (default palette); layers that colour by different fields on
    one shared scale (Vega-Lite merges them and the colours shift)."""
    problems = []
    for node, enc in _units(spec):
        for ch in COLOUR_CHANNELS:
            d = enc.get(ch)
            if not isinstance(d, dict) or d.get("type") not in ("nominal", "ordinal") or "field" not in d:
                continue
            scale = d.get("scale") or {}
            if "range" not in scale and "scheme" not in scale:
                problems.append(f"{ch} of {d['field']!r} has no house scale (charts.colour_scale/series/size_scale)")
                continue
            if "range" not in scale or "domain" not in scale:
                continue
            looks = {}
            for i, value in enumerate(scale["domain"]):
                look = [scale["range"][i]]
                for other in ("strokeDash", "shape"):
                    od = enc.get(other)
                    if isinstance(od, dict) and od.get("field") == d["field"] and "range" in (od.get("scale") or {}):
                        rng = od["scale"]["range"]
                        look.append(json.dumps(rng[od["scale"]["domain"].index(value)] if value in od["scale"]["domain"] else None))
                looks.setdefault(tuple(look), []).append(value)
            problems += [f"{ch} of {d['field']!r}: {v} share colour {k[0]} with no dash or shape" for k, v in looks.items()
                         if len(v) > 1]
    for node in _layer_nodes(spec):
        fields = {(ch, _field((child.get("encoding") or {}).get(ch))) for child in node["layer"] for ch in COLOUR_CHANNELS
                  if _field((child.get("encoding") or {}).get(ch))}
        for ch in COLOUR_CHANNELS:
            names = {f for c, f in fields if c == ch}
            if len(names) > 1 and (node.get("resolve") or {}).get("scale", {}).get(ch) != "independent":
                problems.append(f"layers colour ({ch}) by {sorted(names)} on one shared scale (resolve_scale independent)")
    return problems


def _layer_nodes(spec):
    stack = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "layer" in node:
                yield node
            stack += [v for k, v in node.items() if k in ("layer", "vconcat", "hconcat", "concat")
                      for v in (v if isinstance(v, list) else [v])]


def _log_bars(spec) -> list[str]:
    """Bars drawn on a log axis (a bar's length from a log axis' edge means nothing)."""
    out = []
    for node, enc in _units(spec):
        kind = node["mark"] if isinstance(node["mark"], str) else node["mark"].get("type")
        if kind != "bar":
            continue
        for ch in ("x", "y"):
            d = enc.get(ch)
            if isinstance(d, dict) and (d.get("scale") or {}).get("type") in ("log", "symlog"):
                out.append(f"bars on a log {ch} axis ({d.get('field')})")
    return out


def _repeated_legends(spec) -> list[str]:
    """One field on colour and dash (or shape) with different legend titles: Vega-Lite draws it twice."""
    out = []
    for node, enc in _units(spec):
        by_field = {}
        for ch in COLOUR_CHANNELS + ("strokeDash", "shape"):
            d = enc.get(ch)
            if isinstance(d, dict) and "field" in d and d.get("legend", {}) is not None:
                by_field.setdefault(d["field"], set()).add(json.dumps(d.get("title", d["field"])))
        out += [f"{f!r} has {len(t)} legends ({', '.join(sorted(t))})" for f, t in by_field.items() if len(t) > 1]
    return out


def _exponent_formats(spec) -> list[str]:
    """Axis or tooltip formats of d3's exponent or SI-prefix types (they write 1e+20 and 1.2G; the book 1e20, 1.2B)."""
    out = [f"tooltip {f}: {fmt}" for f, fmt in _tooltip_formats(spec)
           if (m := _D3_FORMAT.match(fmt)) and m.group("type").lower() in ("e", "s")]
    for node, enc in _units(spec):
        for ch in ("x", "y"):
            fmt = ((enc.get(ch) or {}).get("axis") or {}).get("format") if isinstance(enc.get(ch), dict) else None
            if isinstance(fmt, str) and (m := _D3_FORMAT.match(fmt)) and m.group("type").lower() in ("e", "s"):
                out.append(f"{ch} axis format {fmt}")
    return out


def _datasets(spec, node) -> list[dict]:
    data = node.get("data") or {}
    if "name" in data:
        return spec.get("datasets", {}).get(data["name"], [])
    return data.get("values", []) if isinstance(data.get("values"), list) else []


def _views(spec):
    """Each view with its own scales: the top level (its layers share scales) or each stacked panel."""
    return spec["vconcat"] if "vconcat" in spec else [spec]


def _domain_problems(spec) -> list[str]:
    """A quantitative axis leaving more than a tenth of the values its layers draw (raw fields) outside its
    explicit domain, or whose data fill less than a third of it (in decades on a log axis; a 0-100 % axis
    is exempt: shares are read against the whole)."""
    out = []
    for view in _views(spec):
        values, domains = {"x": [], "y": []}, {}
        for node, enc in _units(view):
            rows = _datasets(spec, node) or _datasets(spec, view) or _datasets(spec, spec)
            for ch in ("x", "y"):
                d = enc.get(ch)
                if not isinstance(d, dict) or d.get("type") != "quantitative":
                    continue
                scale = d.get("scale") or {}
                if isinstance(scale.get("domain"), list) and all(isinstance(v, (int, float)) for v in scale["domain"]):
                    domains.setdefault(ch, (scale["domain"], scale.get("type", "linear"), (d.get("axis") or {}).get("format")))
                for key in (d.get("field"), _field(enc.get(ch + "2"))):
                    values[ch] += [r[key] for r in rows if key and isinstance(r.get(key), (int, float)) and r[key] == r[key]]
        for ch, ((lo, hi), kind, fmt) in domains.items():
            vals = values[ch]
            if not vals:
                continue
            f = math.log10 if kind == "log" else (lambda v: v)
            inside = [v for v in vals if lo <= v <= hi and (kind != "log" or v > 0)]
            if len(inside) < 0.9 * len(vals):
                out.append(f"{ch}: {len(vals) - len(inside)} of {len(vals)} values outside the domain [{lo:g}, {hi:g}]")
            share = (fmt == "~%" and (lo, hi) == (0, 1))
            if inside and not share and (max(map(f, inside)) - min(map(f, inside))) < (f(hi) - f(lo)) / 3:
                out.append(f"{ch}: the data ({min(inside):.3g} to {max(inside):.3g}) fill less than a third of the "
                           f"domain [{lo:g}, {hi:g}]")
    return out


#: Charts whose axes deliberately hold more than their data (each with the reason).
DOMAIN_EXCEPTIONS: dict[str, str] = {
    "dw.dataset_projection_chart": "the projections run off the top once they have crossed the stock (about 2029); "
                                   "an axis holding 2040's projection would squash the models' points",
    "tc.fleet_chart": "the points are computed in the browser from the two drop-downs (traffic x energy / gain): the "
                      "axis holds every choice, the data here only the 1 GW rule",
}


def test_every_chapter_figure_is_checked_here():
    """The list above builds every figure the chapters name (a new chart must join it to be checked)."""
    named = {m for p in BOOK.glob("*.md") for m in re.findall(r"name: (fig-[a-z0-9-]+)", p.read_text())}
    built = {spec["usermeta"][charts.META_KEY]["name"] for spec in _book_specs().values()}
    assert named - NOT_CHAPTER_FIGURES <= built, f"figures not built by _book_charts: {sorted(named - NOT_CHAPTER_FIGURES - built)}"


@pytest.mark.parametrize("check", [_colour_problems, _log_bars, _repeated_legends, _exponent_formats, _domain_problems],
                         ids=lambda f: f.__name__.strip("_"))
def test_every_book_chart_passes(check):
    bad = {name: p for name, spec in _book_specs().items() if (p := check(spec))
           and not (check is _domain_problems and name in DOMAIN_EXCEPTIONS)}
    assert not bad, "\n".join(f"{n}: {p}" for n, p in bad.items())


def test_the_chart_checks_can_fail():
    frame = pd.DataFrame({"x": [1.0, 10.0, 100.0], "y": [1.0, 2.0, 3.0], "s": ["a", "b", "c"]})
    shared = alt.Chart(frame).mark_line().encode(
        x=charts.x("x:Q", "x", (1, 100)), y=charts.y("y:Q", "y", (1, 3)),
        color=alt.Color("s:N", scale=alt.Scale(domain=["a", "b", "c"], range=["#000", "#000", "#111"])),
        strokeDash=alt.StrokeDash("s:N", title="other"))
    assert len(_colour_problems(shared.to_dict())) == 1 and _repeated_legends(shared.to_dict())
    assert not _colour_problems(alt.Chart(frame).mark_line().encode(
        x="x:Q", **charts.series("s", {"a": "our fit", "b": "our fit", "c": "data"}, title="s",
                                 dashes={"b": charts.DASHED})).to_dict())
    bars = alt.Chart(frame).mark_bar().encode(x=charts.x("x:Q", "x", (1, 1000), scale="log"), y="s:N")
    assert _log_bars(bars.to_dict())
    wide = alt.Chart(frame).mark_point().encode(x=charts.x("y:Q", "y", (0, 80)), y=charts.y("x:Q", "x", (1, 100)),
                                                tooltip=[alt.Tooltip("x:Q", format=".2e")])
    assert [p[0] for p in _domain_problems(wide.to_dict())] == ["x"] and _exponent_formats(wide.to_dict())
    layered = alt.layer(alt.Chart(frame).mark_point().encode(color=alt.Color("s:N", scale=charts.colour_scale(
        {"a": "data", "b": "our fit", "c": "published"}))), alt.Chart(frame).mark_line().encode(
        color=alt.Color("y:N", scale=charts.size_scale(["1.0", "2.0", "3.0"]))))
    assert "shared scale" in _colour_problems(layered.to_dict())[-1]


def test_colour_scale_refuses_two_labels_one_colour():
    with pytest.raises(ValueError, match="to one colour"):
        charts.colour_scale({"published ×4/yr": "published", "published ×5/yr": "published"})
    with pytest.raises(ValueError, match="no dash or shape"):
        charts.series("s", {"a": "published", "b": "published"}, title="s")
    enc = charts.series("s", {"a": "published", "b": "published"}, title="rate", dashes={"b": charts.DASHED})
    assert enc["color"].to_dict()["title"] == enc["strokeDash"].to_dict()["title"] == "rate"  # one legend


def _delta_e(c1: str, c2: str) -> float:
    """CIE76 colour difference of two hex colours (sRGB, D65)."""
    def lab(h):
        rgb = [int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        xyz = [sum(m * c for m, c in zip(row, lin)) / w for row, w in zip(
            ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505)), (0.95047, 1.0, 1.08883))]
        f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
        return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])
    return math.dist(lab(c1), lab(c2))


def test_one_colour_per_entity_across_the_book():
    """No two entities share a colour, and no two are so alike that a reader would take one for the other."""
    entities = list(charts.COLOURS)
    assert len(set(charts.COLOURS.values())) == len(entities)
    close = [(a, b) for a, b in itertools.combinations(entities, 2)
             if _delta_e(charts.COLOURS[a], charts.COLOURS[b]) < 15 and {a, b} != {"all runs", "reference"}]
    assert not close, close


def test_book_charts_draw_entities_in_their_registry_colour():
    """A label that names an entity (e.g. "our fit", "replace") has that entity's colour in every chart."""
    bad = []
    for name, spec in _book_specs().items():
        for node, enc in _units(spec):
            scale = (enc.get("color") or {}).get("scale") or {} if isinstance(enc.get("color"), dict) else {}
            for label, colour in zip(scale.get("domain", []), scale.get("range", [])):
                if isinstance(label, str) and label in charts.COLOURS and colour != charts.COLOURS[label]:
                    bad.append(f"{name}: {label!r} drawn in {colour}, not {charts.COLOURS[label]}")
    assert not bad, "\n".join(bad)


def test_axes_never_mix_suffixes_and_exponents():
    """An axis reaching 10^15 writes every tick with an exponent (1e12 ... 1e17), never "10T" beside "1e15"."""
    import vl_convert as vlc

    ticks = [1e12, 1e13, 1e14, 1e15, 1e16]
    for lo, hi, expect in ((1e12, 1e17, ["1e12", "1e13", "1e14", "1e15", "1e16"]), (1e9, 1e14, ["1B", "10B", "100B", "1T", "10T"])):
        values = [t for t in (ticks if lo == 1e12 else [1e9, 1e10, 1e11, 1e12, 1e13])]
        spec = {"data": {"values": [{"value": v} for v in values]}, "transform": [
            {"calculate": charts.axis_label_expr(lo, hi), "as": "label"}], "mark": "text",
            "encoding": {"text": {"field": "label"}}}
        svg = vlc.vegalite_to_svg(spec)
        assert all(f">{e}<" in svg for e in expect), expect


def test_log_axes_always_have_ticks_to_read():
    assert charts.log_ticks(2.2, 8.5) == [3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
    assert charts.log_ticks(3, 300) == [5.0, 10.0, 20.0, 50.0, 100.0, 200.0]
    assert charts.log_ticks(1e18, 1e24) == charts.decade_ticks(1e18, 1e24)


def test_si_refuses_digits_it_cannot_write():
    for bad in (0, -1, 2.5, True, 16):
        with pytest.raises(ValueError, match="digits"):
            charts.si(5e9, digits=bad)
    assert charts.si(5e9, digits=1) == "5B"


def test_inline_chart_data_keep_eight_significant_digits_and_every_other_value():
    from hypothesis import given
    from hypothesis import strategies as st

    data = {"data-1": [{"N": 545314450610.3222, "loss": 1.9986738449476236, "model": "Gopher", "n": 3,
                        "ok": True, "gap": float("nan")}]}
    out = charts.rounded_data(data)
    row = out["data-1"][0]
    assert (row["N"], row["loss"]) == (545314450000.0, 1.9986738)
    assert (row["model"], row["n"], row["ok"]) == ("Gopher", 3, True) and row["gap"] != row["gap"]
    assert data["data-1"][0]["loss"] == 1.9986738449476236  # the input is not changed

    @given(st.floats(allow_nan=False, allow_infinity=False))
    def within_half_an_eighth_digit(v):
        r = charts.rounded_data(v)
        assert abs(r - v) <= 5e-8 * abs(v) and charts.rounded_data(r) == r

    within_half_an_eighth_digit()
    for bad in (0, 18, 2.5, True):
        with pytest.raises(ValueError, match="digits"):
            charts.rounded_data(1.0, digits=bad)


def test_the_page_holds_the_rounded_data_in_compact_json(chart):
    frame = pd.DataFrame({"x": [1 / 3], "y": [2.0]})
    html = alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q")._repr_mimebundle_()[0]["text/html"]
    assert '"x":0.33333333' in html and "0.3333333333" not in html and '"mark":' in html
