"""Claims of the economics chapter (EC-1 ... EC-32): money, energy, water and latency statements of seeds
000, 002, 003 and 004, each judged on the Epoch AI data or a cited published figure, with the worlds that
move each data and model verdict and the multiverse of choices an analyst could make differently.

The evidence functions (named numbers, computed with the chapter's parameters) are in
:mod:`analysis.economics.evidence`, the world builders in :mod:`analysis.economics.worlds`; the judges here
are pure.
"""

from __future__ import annotations

from analysis.economics import evidence as E, trends as ec, worlds as W
from analysis.economics.evidence import NEVER_YEARS
from analysis.ledger.core import (ABOUT_FACTOR, DATA, LITERATURE, MODEL, MOST_SHARE, NOT_SUPPORTED, ORDER_FACTOR,
                                  PARTLY, RATE_TOLERANCE,
                                  SUPPORTED, Choice, Claim, World, about, about_rate, assess, at_least, at_most,
                                  fmt, not_testable, share_at_least)

CHAPTER = "economics"
S004_MATH = "§ Why Bigger Models Aren't Getting Better ¶ 11"
S004_ECON = "§ Why Bigger Models Aren't Getting Better ¶ 10"
S004_COST = "§ The Real Cost of AI Development"
S003_COSTS = "§ The Hidden Costs of Going Big"


def _usd(x: float) -> str:
    return f"${x / 1e9:.2f}B" if x >= 1e9 else f"${x / 1e6:.1f}M" if x >= 1e5 else f"${x:,.0f}"


def _share(e, count: str, total: str, name: str, population: str):
    """'Most' over a stated population (more than half); an empty population fails rather than raising."""
    if e[total] > 0:
        return share_at_least(e, count, total, MOST_SHARE, name, population=population, strict=True)
    return at_least(e, count, 1.0, f"{name}: no {population} at all")


# --- The choices several rows share ----------------------------------------------------------------------

RANKS = Choice("max_rank", (5, 10, 20), "which models are the frontier: the top 5, the top 10 (Cottier et al. "
               "2024, this chapter) or the top 20 by training compute on the day each was published")
STARTS = Choice("start", ("2016-01-01", "2018-01-01", "2020-01-01"), "from when: 2016 (where Epoch's rank column "
                "starts; Cottier et al.), 2018 (the transformer language models; the scaling-laws chapter's "
                "start for compute) or 2020 (the recent window)")
METHOD = Choice("method", ("ols", "theil-sen"), "least squares on the logarithm, or the Theil-Sen median of "
                "pairwise slopes, which a few outlying runs cannot drag")
DEFLATE = Choice("deflate", (True, False), "in 2023 dollars (deflated with the data-processing price index, as "
                 "Epoch does) or in the dollars paid at the time")
SINCE = Choice("since", (2023.0, 2024.0), "which runs are 'today': published from 2023 or from 2024")
TEN_B = Choice("reading", E.TEN_B_READINGS, "'$10B now' as the cost of training the largest run on record, or as "
               "the data centre it ran in (read the same way in EC-3 and EC-4)")



# --- EC-1: costs triple every year; EC-31: compute grows 4-5x a year ------------------------------------

def judge_triple(e) -> object:
    return assess([about_rate(e, "cost_growth", 3.0, "frontier training cost, growth per year", n_points=int(e["n_runs"]))],
                  f"Fitted on {e['n_runs']:.0f} costed frontier runs, training cost grows ×{e['cost_growth']:.2f} a year "
                  f"(95% CI {e['cost_growth_low']:.2f}-{e['cost_growth_high']:.2f}; Cottier et al. publish "
                  f"×{e['published']:.1f}). The point estimate decides: 'roughly triple' needs ×2.5-3.7. The article's "
                  f"own arithmetic (4.5 × 0.65) gives ×{e['seed_arithmetic']:.1f}; the multiverse shows how the start "
                  f"year, the frontier and the fitting method move the rate.")


def judge_compute(e) -> object:
    return assess([about_rate(e, "compute_growth", 4.5, "frontier training compute (FLOP), growth per year",
                              n_points=int(e["n_models"]))],
                  f"Read as compute (the article multiplies it by a falling price per unit to reach its cost growth), "
                  f"frontier training compute grows ×{e['compute_growth']:.2f} a year (95% CI "
                  f"{e['compute_growth_low']:.2f}-{e['compute_growth_high']:.2f}, {e['n_models']:.0f} models), read as "
                  f"the scaling-laws chapter reads it (SL-11). Read as dollars, the same runs' cost grows "
                  f"×{e['cost_growth']:.2f}{'' if 4.0 <= e['cost_growth'] <= 5.0 else ': not 4-5×'}.")


# --- EC-10: hardware 35 % cheaper a year ----------------------------------------------------------------

def judge_hardware(e) -> object:
    target, other = e["target"], (1.0 / 0.65 if e["reading_flop_per_dollar"] else 1.35)
    fall = lambda x: 1 - 1 / x  # noqa: E731
    edge_low, edge_high = target ** (1 / RATE_TOLERANCE), target ** RATE_TOLERANCE
    g, lo, hi = e["flop_per_usd_growth"], e["flop_per_usd_growth_low"], e["flop_per_usd_growth_high"]
    reading = ("a dollar buys 35% more FLOP each year" if e["reading_flop_per_dollar"] else
               "the cost of a FLOP falls 35% a year (the article's own arithmetic: 4.5 × 0.65 ≈ 3)")
    return assess([about_rate(e, "flop_per_usd_growth", target, "FLOP per dollar, growth per year",
                              n_points=int(e["n_points"]))],
                  f"Read as {reading}: ×{target:.2f} more FLOP per dollar a year, 'about' meaning ×{edge_low:.2f} to "
                  f"×{edge_high:.2f}. Measured: ×{g:.2f} a year (95% CI ×{lo:.2f} to ×{hi:.2f}, which "
                  f"{'holds' if lo <= target <= hi else 'excludes'} ×{target:.2f} and {'holds' if lo <= other <= hi else 'excludes'} "
                  f"the other reading's ×{other:.2f}); the point estimate decides, so the verdict turns on the reading "
                  f"(the multiverse holds both). As a fall in the cost of a FLOP: {fall(g):.0%} a year. Frontier runs: "
                  f"{fall(e['runs_growth']):.0%}; new ML chips' price-performance: {fall(e['chips_growth']):.0%}; "
                  f"Hobbhahn & Besiroglu's ML GPUs: {fall(e['hobbhahn_ml_growth']):.0%}.")


# --- EC-2: GPT-4 about $500M; frontier hardware worth hundreds of millions ----------------------------------

def judge_gpt4(e) -> object:
    names = ("its servers and network (Cottier et al.'s method)", "its chips and network only (no servers)",
             "the whole data centre (total cost of ownership)")
    checks = [about(e, "infrastructure_usd", 500e6, f"GPT-4's infrastructure: {names[int(e['reading_index'])]}"),
              _share(e, "n_over_100m", "n_known", "clusters worth at least $100M",
                     f"frontier runs since {e['since']:.0f} with a known cluster")]
    return assess(checks, f"The article counts hardware, power, cooling and infrastructure. GPT-4's cluster with its servers "
                          f"and network costs about {_usd(e['servers_usd'])} (Cottier et al.'s own acquisition estimate: "
                          f"{_usd(e['cottier_usd'])}, ×{e['servers_over_cottier']:.2f} of it); its chips and network alone "
                          f"{_usd(e['hardware_usd'])} (chips {_usd(e['chips_usd'])}); the whole data centre around it about "
                          f"{_usd(e['tco_usd'])}. Epoch's amortised cost of the run itself is {_usd(e['run_usd'])}. Of "
                          f"{e['n_known']:.0f} frontier runs since {e['since']:.0f} whose cluster is known, {e['n_over_100m']:.0f} "
                          f"ran on hardware worth $100M or more.")


# --- EC-3: $10B now ("$100B next" is EC-32, a forecast) --------------------------------------------------

def judge_10b(e) -> object:
    facility = bool(e["reading_facility"])
    name = ("the data centre around the largest run on record" if facility else
            "cost of training the largest run on record (first principles)")
    return assess([about(e, "cost_usd", 10e9, name)],
                  f"Two readings, the same in EC-3 and EC-4. The run: training the largest run on record "
                  f"({e['flop']:.2g} FLOP) costs about {_usd(e['run_usd'])} on H100s (the quantity EC-1 and EC-14 read). "
                  f"The data centre it ran in, with servers, network, buildings and power: about {_usd(e['facility_usd'])}, "
                  f"which serves many runs for years. The likely source, Anthropic's chief executive in 2024, spoke of "
                  f"'training runs' of up to {_usd(e['amodei_usd'])} within two years. This card reads "
                  f"{'the data centre' if facility else 'the run'}; the multiverse scores the other reading.")


# --- EC-4 and EC-12: world wealth -------------------------------------------------------------------------

def judge_wealth(e) -> object:
    when = lambda y: "never (costs do not grow)" if y >= NEVER_YEARS else f"{y:.1f} years away"  # noqa: E731
    return assess([at_most(e, "years_to_share", ec.SEED.few_years, "years until one run costs 1% of AUM", spec=".1f")],
                  f"Growing ×{e['growth']:.2f} a year (the fitted run-cost trend), a run costing 1% of assets under "
                  f"management is {when(e['years_run'])} after late 2025 from the costliest run's {_usd(e['start_usd'])}, "
                  f"and {when(e['years_facility'])} from the {_usd(e['facility_usd'])} data centre around the largest run "
                  f"(the two readings of '$10B now', as in EC-3; this card reads "
                  f"{'the data centre' if e['reading_facility'] else 'the run'}). From the run, 1% of world GDP is "
                  f"{min(e['years_gdp'], NEVER_YEARS):.0f} and of global net wealth {min(e['years_wealth'], NEVER_YEARS):.0f} "
                  f"years away. The article's own premise ($10B now, ×3) gives {e['years_own_premise']:.1f} years.")


def judge_aum(e) -> object:
    return assess([about(e, "aum_usd", 100e12, "assets managed by the 500 largest managers, end 2020")],
                  f"The 500 largest asset managers held {fmt(e['aum_usd'] / 1e12, '.0f')} trillion dollars at the end of 2020, "
                  f"so 'about $100T' of AUM is right; but AUM is not world wealth, which is about "
                  f"{fmt(e['net_wealth_usd'] / 1e12, '.0f')} trillion (net, 2022).")


# --- EC-5: Cahn's $600B (a model: the write-off arithmetic decides) -------------------------------------------

def judge_cahn(e) -> object:
    checks = [about(e, "cohort_need_usd", 600e9, "yearly revenue to recoup one year's spending"),
              about(e, "steady_need_usd", 600e9, "yearly revenue at the spending growth assumed")]
    lo, hi = 600e9 / ABOUT_FACTOR, 600e9 * ABOUT_FACTOR
    by_g = "; ".join(f"×{g:g}: {_usd(e[f'steady_need_at_{g:g}_usd'])}"
                     f"{'' if lo <= e[f'steady_need_at_{g:g}_usd'] <= hi else ' (not about $600B)'}"
                     for g in E.CAPEX_GROWTHS)
    return assess(checks, f"Written off over {e['lifetime_years']:.0f} years, one year's data-centre spending needs "
                          f"{_usd(e['cohort_need_usd'])} a year of revenue (owner's break-even {_usd(e['cohort_break_even_usd'])}), "
                          f"not $600B; the yearly write-off of all live vintages is {_usd(e['steady_need_usd'])} when spending "
                          f"grows ×{e['capex_growth']:g} a year (Cahn's $600B needs flat spending). The verdict is set by that "
                          f"growth, a parameter (capex_growth, default ×1, Cahn's own assumption): the steady write-off at "
                          f"{by_g}. The hyperscalers' 2026 guidance implies ×{e['guidance_growth_low']:.2f}-"
                          f"×{e['guidance_growth_high']:.2f} ({_usd(e['guidance_steady_need_usd'])} at the low end). "
                          f"Cahn's gap is {_usd(e['cohort_gap_usd'])} for one year's spending and {_usd(e['steady_gap_usd'])} at "
                          f"the growth assumed.")


# --- EC-6, EC-7: a billion queries a day ---------------------------------------------------------------------

def judge_queries(e) -> object:
    return assess([at_least(e, "agent_usd_per_week", ec.SEED.millions_per_week_usd,
                            "hardware + energy per week, agent-style answers", basis="model")],
                  f"Our serving model (H100 prices and power from Epoch, utilisation calibrated to Oviedo et al.'s "
                  f"production measurement, {e['utilization']:.2f}) puts a billion agent-style answers of "
                  f"{e['tokens_per_query']:,.0f} tokens a day at {_usd(e['agent_usd_per_week'])} a week "
                  f"({_usd(e['agent_energy_usd_per_week'])} of it electricity); short chat answers would cost "
                  f"{_usd(e['chat_usd_per_week'])}. The assumed workload and the calibration decide, not a record.")


def judge_energy_week(e) -> object:
    m = ec.SEED.millions_per_week_usd
    checks = [at_least(e, "chat_energy_usd", m, "electricity per week, typical query (Oviedo et al.)"),
              at_least(e, "reasoning_energy_usd", m, "electricity per week, test-time scaling (Oviedo et al.)"),
              at_least(e, "agent_energy_usd", m, "electricity per week, Reflexion agent (Kim et al.)")]
    return assess(checks, f"At a billion queries a day electricity alone costs {_usd(e['chat_energy_usd'])} a week for typical "
                          f"production queries, {_usd(e['reasoning_energy_usd'])} for test-time-scaling queries and "
                          f"{_usd(e['agent_energy_usd'])} for agents: millions a week only for long answers. At Google's "
                          f"measured 0.24 Wh for the median Gemini text prompt of 2025 (idle machines and cooling included) "
                          f"it would be {_usd(e['google_energy_usd'])} a week.")


# --- EC-8, EC-13: gigawatt-hours and litres ------------------------------------------------------------------

def judge_gwh(e) -> object:
    return assess([_share(e, "n_gwh", "n_runs", "runs using at least 1 GWh",
                          f"frontier runs since {e['since']:.0f} with power and duration")],
                  f"Of {e['n_runs']:.0f} frontier runs since {e['since']:.0f} that record power and duration, "
                  f"{e['n_gwh']:.0f} drew at least 1 GWh (median {e['median_gwh']:.1f} GWh, Epoch's draw).")


def judge_water(e) -> object:
    return assess([_share(e, "n_million_litres", "n_runs", "runs evaporating at least a million litres",
                          f"frontier runs since {e['since']:.0f} with power and duration")],
                  f"At the {e['litres_per_kwh']:.2f} L/kWh implied by Li et al.'s GPT-3 estimate, {e['n_million_litres']:.0f} "
                  f"of the {e['n_runs']:.0f} frontier runs since {e['since']:.0f} evaporated at least a million litres on "
                  f"site (median {e['median_litres'] / 1e6:.1f}M litres).")


# --- EC-9, EC-14, EC-16: run costs --------------------------------------------------------------------------

def judge_waste(e) -> object:
    return assess([at_least(e, "top_recent_run_usd", 1e7, "costliest frontier run (its compute alone)")],
                  f"The costliest costed frontier run since {e['since']:.0f} cost {_usd(e['top_recent_run_usd'])} "
                  f"(Epoch); {e['runs_over_10m']:.0f} passed $10M, so one failed run can waste tens of millions.")


def judge_millions_to_hundreds(e) -> object:
    checks = [about(e, "early_top_usd", 3e6, "costliest frontier run a few years back ('millions')", factor=ORDER_FACTOR),
              at_least(e, "largest_2025_run_usd", 1e8, "largest run on record, first principles")]
    return assess(checks, f"The costliest run before {e['then_before']:.0f} cost {_usd(e['early_top_usd'])}; by 2023 the top "
                          f"was {_usd(e['top_2023_usd'])} (Epoch) and the largest run on record costs about "
                          f"{_usd(e['largest_2025_run_usd'])} from first principles.")


def judge_billions(e) -> object:
    return assess([at_least(e, "cluster_chips_usd", 1e9, "chips of frontier training clusters (sum)")],
                  f"The chips of {e['n_clusters']:.0f} frontier training clusters since {e['since']:.0f} with a known "
                  f"size and price cost {_usd(e['cluster_chips_usd'])} together; Nvidia's data-centre sales ran at "
                  f"{_usd(e['nvidia_dc_run_rate_usd'])} a year by 2024 (Cahn).")


# --- EC-17: the cost of running models ------------------------------------------------------------------------

def judge_running(e) -> object:
    fall, ffall = 1 / e["median_factor"], 1 / e["frontier_median_factor"]
    way = lambda f: f"{'falls' if f > 1 else 'rises'} ×{max(f, 1 / f):.{0 if max(f, 1 / f) >= 10 else 1}f}"  # noqa: E731
    checks = [_share(e, "n_rising", "n_series", "fixed capability: prices rising beyond their interval",
                     "fixed-capability price series (benchmark × threshold model)"),
              _share(e, "n_frontier_rising", "n_bench", "most capable model: price rising beyond its interval",
                     "benchmarks, price of the best-scoring model at its release")]
    return assess(checks,
                  f"'Costs to run' are inference prices, read two ways in Epoch AI's data. A fixed capability: its "
                  f"price rose in {e['n_rising']:.0f} of {e['n_series']:.0f} series and fell (beyond its interval) in "
                  f"{e['n_falling']:.0f}; the median series {way(fall)} a year. The newest, most capable model on each of "
                  f"{e['n_bench']:.0f} benchmarks: its price rose beyond its interval on {e['n_frontier_rising']:.0f} and "
                  f"fell on {e['n_frontier_falling']:.0f}; the median {way(ffall)} a year. The data stop in February 2025 "
                  f"and hold no reasoning model, whose long answers and higher list prices raise the bill per query. "
                  f"Training the largest models grew ×{e['training_early']:.2f} a year before 2021 and "
                  f"×{e['training_recent']:.2f} in 2020-23 (EC-1), but that is not the cost of running them.")


# --- Literature rows: the industry around scaling ----------------------------------------------------------------

def judge_nvidia(e) -> object:
    return assess([at_least(e, "nvidia_over_microsoft", 1.0, "Nvidia's market value / Microsoft's, 18 June 2024", spec=".3f")],
                  f"On 18 June 2024 Nvidia was worth ${e['nvidia_cap_usd'] / 1e12:.2f}T, ahead of Microsoft: the most "
                  f"valuable listed company that day.")


def judge_race(e) -> object:
    return assess([at_least(e, "nvidia_cap_usd", 1e12, "market value of the race's chip supplier, June 2024")],
                  f"Read as EC-19 reads 'a trillion-dollar industry', by market value: the race's chip supplier alone "
                  f"was worth ${e['nvidia_cap_usd'] / 1e12:.2f}T in June 2024. Read as yearly AI revenue, it is far "
                  f"smaller (EC-5).")


def judge_trillion(e) -> object:
    return assess([at_least(e, "nvidia_cap_usd", 1e12, "market value of the leading AI chip maker")],
                  f"Read as market value, Nvidia alone was worth ${e['nvidia_cap_usd'] / 1e12:.2f}T in June 2024; read as "
                  f"revenue, the AI revenue Cahn grants the big buyers is about $70B a year, far from a trillion.")


def judge_emissions(e) -> object:
    return assess([at_least(e, "google_vs_2022", 1.0, "Google's 2023 emissions / 2022", spec=".2f")],
                  f"Google, pledged to net zero by 2030, emitted {e['google_vs_2022']:.2f}x its 2022 total in 2023 and "
                  f"{e['google_vs_2019']:.2f}x its 2019 total, mostly from data-centre energy.")


def judge_adoption(e) -> object:
    return assess([about(e, "btos_share_late_2025", 0.05, "US firms using AI to produce goods or services, late 2025",
                         spec="%")],
                  f"The article dates from late 2025, when the Census Bureau's survey found about "
                  f"{e['btos_share_late_2025']:.0%} of US firms using AI in production, "
                  f"{e['btos_share_late_2025'] / 0.05:.1f} times 'one in twenty'. The 5% "
                  f"figure is February 2024's ({e['btos_share_2024']:.1%}, up from {e['btos_share_2023']:.1%} in "
                  f"September 2023); the broader question asked from November 2025 gives {e['any_function_low']:.0%}-"
                  f"{e['any_function_high']:.0%}.")


def judge_latency(e) -> object:
    checks = [at_least(e, "chat_latency_ratio", 1.0, "70B / 8B latency, single chat request", spec=".2f"),
              at_least(e, "min_latency_ratio", 1.0, "70B / 8B latency, every design", spec=".2f")]
    return assess(checks, f"In Kim et al.'s measurements the 70B model answers a chat request {e['chat_latency_ratio']:.2f}x "
                          f"slower than the 8B one, but in one agent design it finishes faster (ratio "
                          f"{e['min_latency_ratio']:.2f}): size raises latency per token, not always per task.")


def judge_plans(e) -> object:
    return assess([about(e, "run_in_training_usd", 1e9, "cost of runs a lab chief said were in training, mid-2024")],
                  f"In July 2024 Anthropic's chief executive said runs then in training cost about "
                  f"{_usd(e['run_in_training_usd'])}, with ten- to hundred-billion-dollar runs expected in 2025-27: a "
                  f"public statement of plans, which is what the sentence asserts (not a record of a run's cost).")


def judge_salaries(e) -> object:
    checks = [at_least(e, "specialist_pay_usd", 1e5, "AI specialists' yearly pay, low end (NYT 2018)"),
              at_least(e, "top_pay_usd", 1e6, "top researcher's pay in OpenAI's 2016 tax filing")]
    return assess(checks, f"OpenAI's 2016 tax filing showed {_usd(e['top_pay_usd'])} for its top researcher, and AI "
                          f"specialists with little experience were paid from {_usd(e['specialist_pay_usd'])} a year (New "
                          f"York Times, 2018). The figures are older than the sentence (late 2025); offers reported since "
                          f"are higher, so the range still holds at its low end.")




# --- Registry --------------------------------------------------------------------------------------------------

def _c(id, articles, locators, anchor, claim, asserted, test_type, ev, judge, *, checklist=(), citations=(),
       reason="", worlds=(), multiverse=(), reason_tags=(), load_bearing=False):
    return Claim(id, articles, locators, CHAPTER, anchor, claim, asserted, test_type, ev, judge, reason=reason,
                 citations=tuple(citations), checklist=tuple(checklist), worlds=tuple(worlds),
                 multiverse=tuple(multiverse), reason_tags=tuple(reason_tags), load_bearing=load_bearing)


_FILES = {"models": W.MODELS, "chips": W.CHIPS, "prices": W.PRICES, "inference": W.INFERENCE_PRICES,
          "inference_other": W.INFERENCE_OTHER, "oviedo": W.OVIEDO}


def _w(name, expected, note="", params=None, **data):
    """A world transforming the named sources (models, chips, prices, inference, oviedo) or setting parameters."""
    return World(name, expected, data={_FILES[k]: v for k, v in data.items()}, params=params or {}, note=note)


POWER, QTY, FLOP, COST = "Training power draw (W)", "Hardware quantity", W.COMPUTE, W.COST
FALLING = _w("frontier costs fall 30 % a year (the real runs re-trended)", NOT_SUPPORTED, models=W.retrend_costs(0.7))
SMALL_CLUSTERS = _w("every cluster a tenth of its recorded size", NOT_SUPPORTED, models=W.scale(QTY, 0.1))

CLAIMS = (
    _c("EC-1", ("004",), (S004_MATH,), "ec-claim-triple",
       "The training cost of frontier models roughly triples from one year to the next.",
       "costs ×3 per year", DATA, E.ev_triple, judge_triple, checklist=("A4-29",), citations=("cottier2024costs",),
       worlds=(_w("frontier costs grow 3× a year (the real runs re-trended)", SUPPORTED, models=W.retrend_costs(3.0)),
               _w("frontier costs double each year", NOT_SUPPORTED, models=W.retrend_costs(2.0)), FALLING),
       multiverse=(RANKS, STARTS, METHOD, DEFLATE), load_bearing=True),
    _c("EC-31", ("004",), (S004_ECON,), "ec-claim-triple",
       "The compute that frontier training uses grows four- to fivefold each year (read as compute, not dollars).",
       "compute growing 4-5× a year", DATA, E.ev_compute, judge_compute, citations=("sevilla2024compute",),
       worlds=(_w("frontier compute grows 4.5× a year (re-trended)", SUPPORTED, models=W.retrend_compute(4.5)),
               _w("frontier compute doubles each year", NOT_SUPPORTED, models=W.retrend_compute(2.0)),
               _w("frontier compute grows tenfold a year", NOT_SUPPORTED, models=W.retrend_compute(10.0))),
       multiverse=(RANKS, Choice("start", ("2016-01-01", "2018-01-01"), "from 2016 (this chapter's frontier) or "
                                 "2018 (the scaling-laws chapter's, SL-11)"),
                   Choice("end", (None, "2023-12-31"), "to the end of the snapshot (mid-2025) or to the end of 2023, "
                          "where the cost data stop"), METHOD)),
    _c("EC-10", ("004",), (S004_ECON,), "ec-claim-hardware",
       "The hardware cost of a unit of computation falls by about a third every year.",
       "about 35 % cheaper per year", DATA, E.ev_hardware, judge_hardware, checklist=("A4-28",),
       citations=("hobbhahn2022gpu",),
       worlds=(_w("a FLOP in frontier runs 35 % cheaper each year (costs re-trended)", SUPPORTED,
                  models=W.retrend_cost_per_flop(0.65)),
               _w("a FLOP costs the same every year", NOT_SUPPORTED, models=W.retrend_cost_per_flop(1.0)),
               _w("a FLOP 60 % cheaper each year", NOT_SUPPORTED, models=W.retrend_cost_per_flop(0.4))),
       multiverse=(Choice("measure", ("runs", "chips"), "the cost of a FLOP in the frontier runs themselves (the "
                          "article multiplies compute by it), or the price of a new ML chip's peak FLOP/s"),
                   RANKS, Choice("start", ("2016-01-01", "2018-01-01"), "from 2016 (Cottier et al.) or 2018"),
                   DEFLATE, METHOD,
                   Choice("reading", ("cost-falls", "flop-per-dollar"), "'35 % cheaper' as the cost of a FLOP falling "
                          "35 % (×1.54 FLOP per dollar; the article's own arithmetic) or as 35 % more FLOP per dollar "
                          "(×1.35)"))),
    _c("EC-2", ("004", "004"), (S004_ECON, f"{S004_COST} ¶ 2"), "ec-claim-gpt4",
       "A GPT-4-class model takes about half a billion dollars once hardware, power and buildings are counted; "
       "frontier runs need hardware worth hundreds of millions.",
       "about $500M; hardware in the hundreds of millions", DATA, E.ev_gpt4, judge_gpt4, checklist=("A4-27", "A4-52"),
       citations=("cottier2024costs", "cahn2024question"),
       worlds=(_w("GPT-4 trained on half its recorded cluster", SUPPORTED, models=W.scale(QTY, 0.5, model="GPT-4")),
               SMALL_CLUSTERS),
       multiverse=(Choice("interconnect", (0.0, 0.19), "the network between servers left out (Epoch's server-share "
                          "prices already hold part of it) or added at 19% of the hardware (Cottier et al.'s code)"),
                   SINCE, Choice("max_rank", (10, 20), "top 10 or top 20 by compute"),
                   Choice("reading", E.GPT4_READINGS, "GPT-4's infrastructure as its servers and network (Cottier et "
                          "al.'s acquisition method), as its chips and network only, or as the whole data centre"))),
    _c("EC-3", ("004",), (S004_MATH,), "ec-claim-10b",
       "Today's largest models cost ten billion dollars to train.",
       "current models $10B", DATA, E.ev_10b, judge_10b, checklist=("A4-30",),
       citations=("cottier2024costs", "cahn2024question", "tomshardware2024amodei"),
       worlds=(_w("the largest run with 30 times its compute", SUPPORTED, models=W.scale(FLOP, 30.0, largest=True)),
               _w("the largest run with a tenth of its compute", NOT_SUPPORTED, models=W.scale(FLOP, 0.1, largest=True))),
       multiverse=(Choice("utilization", (0.3, 0.38, 0.5), "the share of peak FLOP/s a run achieves: the median of "
                          "Epoch's records (0.38) or either side of it"),
                   Choice("hw_life_years", (3.0, 4.0, 5.0), "the years over which the chips are written off"),
                   TEN_B)),
    not_testable("EC-32", ("004",), (S004_MATH,),
                 "The next generation of models will cost a hundred billion dollars.", "$100B next",
                 "forecast: about models not yet trained (as EC-28); the cost of today's largest run is EC-3 and the "
                 "projection of the fitted trend is shown in the chapter", chapter=CHAPTER, anchor="ec-claim-10b",
                 checklist=("A4-31",)),
    _c("EC-4", ("004",), (S004_MATH,), "ec-claim-wealth",
       "At the present growth rate one training run would cost a noticeable share of the world's managed assets "
       "within a few years.",
       "a noticeable share of $100T within a few years", DATA, E.ev_wealth, judge_wealth, checklist=("A4-33",),
       citations=("tai2021largest500", "bcg2023wealth", "imf2023weo"),
       worlds=(_w("frontier costs grow tenfold a year", SUPPORTED, models=W.retrend_costs(10.0)), FALLING),
       multiverse=(Choice("anchor", ("max", "trend"), "start from the costliest run on record (GPT-4) or from the "
                          "fitted trend at the last costed run"), RANKS, STARTS, METHOD, TEN_B),
       reason_tags=("exaggerated",)),
    _c("EC-12", ("004",), (S004_MATH,), "ec-claim-wealth",
       "The assets under management of the whole world add up to only about one hundred trillion dollars.",
       "about $100T", LITERATURE, E.ev_aum, judge_aum, checklist=("A4-32",),
       citations=("tai2021largest500", "bcg2023wealth")),
    _c("EC-5", ("004",), (f"{S004_COST} ¶ 7",), "ec-claim-cahn",
       "The AI data centres being bought need about $600B of revenue a year to pay off, and revenue is about $500B short.",
       "$600B a year needed, $500B short", MODEL, E.ev_cahn, judge_cahn, checklist=("A4-59", "A4-60"),
       citations=("cahn2024question", "nvidia2024fy", "capex2026guidance"),
       worlds=(_w("hardware written off within its first year", SUPPORTED, params={"lifetime_years": 1.0}),
               _w("servers last six years and spending doubles yearly", NOT_SUPPORTED,
                  params={"lifetime_years": 6.0, "capex_growth": 2.0})),
       multiverse=(Choice("lifetime_years", (4.0, 5.0, 6.0), "server lives in the hyperscalers' filings"),
                   Choice("capex_growth", (1.0, 1.5, 2.0, 3.17), "spending flat (Cahn), growing, or at the ×3.17 "
                          "of Nvidia's data-centre sales in fiscal 2024"))),
    _c("EC-6", ("000",), ("§ The Scaling Illusion ¶ 3",), "ec-claim-queries",
       "Serving a billion agent-style queries a day would cost millions of dollars a week in energy and hardware.",
       "millions per week (energy + hardware)", MODEL, E.ev_queries, judge_queries, checklist=("A0-11",),
       citations=("oviedo2025energy",),
       worlds=(_w("H100s ten times dearer", SUPPORTED, prices=W.scale("Price (hardware purchase)", 10.0)),
               _w("chips a hundredth of the price and a tenth of the power, answers a tenth of the energy",
                  NOT_SUPPORTED, prices=W.scale("Price (hardware purchase)", 0.01), chips=W.scale("TDP (W)", 0.1),
                  oviedo=W.scale_measurements(0.1))),
       multiverse=(Choice("tokens_per_query", (5_000.0, 15_000.0), "an agent's answer of 5,000 tokens, or 15 times "
                          "a chat answer (Oviedo et al.'s test-time scaling)"),
                   Choice("usd_per_kwh", (0.05, 0.08, 0.12), "cheap, typical and dear industrial electricity"),
                   Choice("hw_life_years", (3.0, 4.0, 6.0), "the years over which the chips are written off"))),
    _c("EC-7", ("004",), (f"{S004_COST} ¶ 4",), "ec-claim-queries",
       "Running one model for a billion queries a day would cost millions a week in electricity alone.",
       "millions per week (energy alone)", LITERATURE, E.ev_energy_week, judge_energy_week, checklist=("A4-55",),
       citations=("oviedo2025energy", "kim2025dynamicreasoning", "elsworth2025google"), reason_tags=("lacks context",)),
    _c("EC-8", ("003",), (f"{S003_COSTS} ¶ 13",), "ec-claim-energy",
       "Training a frontier model today uses gigawatt-hours of electricity.",
       "gigawatt-hours per run", DATA, E.ev_energy, judge_gwh, checklist=("A3-17",),
       worlds=(_w("runs since 2023 draw ten times their power", SUPPORTED, models=W.scale(POWER, 10.0, since="2023-01-01")),
               _w("runs since 2023 draw a hundredth of their power", NOT_SUPPORTED,
                  models=W.scale(POWER, 0.01, since="2023-01-01"))),
       multiverse=(RANKS, SINCE, Choice("pue", (1.0, 1.2), "Epoch's draw as the whole, or with a data-centre "
                                        "overhead of 1.2 on top"))),
    _c("EC-13", ("003",), (f"{S003_COSTS} ¶ 14",), "ec-claim-energy",
       "Training a frontier model today uses millions of litres of cooling water.",
       "millions of litres per run", DATA, E.ev_energy, judge_water, checklist=("A3-18",), citations=("li2023thirsty",),
       worlds=(_w("runs since 2023 draw ten times their power", SUPPORTED, models=W.scale(POWER, 10.0, since="2023-01-01")),
               _w("runs since 2023 draw a hundredth of their power", NOT_SUPPORTED,
                  models=W.scale(POWER, 0.01, since="2023-01-01"))),
       multiverse=(RANKS, SINCE)),
    _c("EC-9", ("003",), (f"{S003_COSTS} ¶ 3",), "ec-claim-energy",
       "A single wrong hyperparameter can throw away tens of millions of dollars of compute.",
       "tens of millions of dollars", DATA, E.ev_waste, judge_waste, checklist=("A3-14",),
       worlds=(_w("every run twice its recorded cost", SUPPORTED, models=W.scale(COST, 2.0)),
               _w("every run a tenth of its recorded cost", NOT_SUPPORTED, models=W.scale(COST, 0.1))),
       multiverse=(RANKS, Choice("since", (2022.0, 2023.0), "runs from 2022 or from 2023"), DEFLATE)),
    _c("EC-14", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 7",), "ec-claim-10b",
       "A training run costs hundreds of millions of dollars today, where a few years back the costliest cost millions.",
       "millions then, hundreds of millions now", DATA, E.ev_millions_to_hundreds, judge_millions_to_hundreds,
       checklist=("A4-11",),
       worlds=(_w("the largest run with three times its compute", SUPPORTED, models=W.scale(FLOP, 3.0, largest=True)),
               _w("runs since 2024 with a twentieth of their compute", PARTLY,
                  note="the early runs still cost millions; today's largest run falls below $100M, which falsifies "
                       "'hundreds of millions now'", models=W.scale(FLOP, 0.05, since="2024-01-01")),
               _w("early runs a hundred times dearer, runs since 2024 a twentieth of their compute", NOT_SUPPORTED,
                  models=W.then(W.scale(FLOP, 0.05, since="2024-01-01"), W.scale(COST, 100.0)))),
       multiverse=(Choice("then_before", (2021.0, 2022.0, 2023.0), "'a few years ago', seen from late 2025: runs "
                          "published before 2021, 2022 or 2023"),
                   Choice("utilization", (0.3, 0.38, 0.5), "the share of peak FLOP/s today's largest run achieves"),
                   Choice("max_rank", (10, 20), "top 10 or top 20 by compute"))),
    _c("EC-16", ("000",), ("§ The New Law of Diminishing Returns ¶ 1",), "ec-claim-queries",
       "Technology companies have spent billions of dollars on scaling up language models.",
       "billions", DATA, E.ev_billions, judge_billions, checklist=("A0-01",), citations=("cahn2024question",),
       worlds=(_w("every cluster twice its recorded size", SUPPORTED, models=W.scale(QTY, 2.0)), SMALL_CLUSTERS),
       multiverse=(Choice("since", (2018.0, 2020.0, 2022.0), "clusters from 2018, 2020 or 2022"), RANKS)),
    _c("EC-17", ("000",), ("§ The New Law of Diminishing Returns ¶ 2",), "ec-claim-counterweights",
       "The costs of running models are rising faster and faster on every front.",
       "costs to run accelerating across the board", DATA, E.ev_running, judge_running, checklist=("A0-04",),
       citations=("epoch2025inferenceprices",),
       worlds=(_w("every model's price set by its release date, tripling each year", SUPPORTED,
                  inference=W.inference_price_by_date(3.0), inference_other=W.inference_price_by_date(3.0)),
               _w("prices of every capability never move", NOT_SUPPORTED, inference=W.inference_price_trend(1.0),
                  inference_other=W.inference_price_by_date(1.0))),
       multiverse=(METHOD, Choice("ci", (0.9, 0.95), "the interval Epoch reports (90%) or the usual 95%"),
                   Choice("series_set", ("all", "since-2023"), "every series, or only capabilities first reached from "
                          "2023 (the chat-model era)")), reason_tags=("contradicted",), load_bearing=True),
    _c("EC-18", ("002",), ("§ The Law That Built an Industry ¶ 3",), "ec-claim-industry",
       "The scaling race made NVIDIA one of the most valuable companies in the world.",
       "one of the most valuable companies", LITERATURE, E.ev_nvidia, judge_nvidia, checklist=("A2-04",),
       citations=("mint2024nvidia",)),
    _c("EC-19", ("004",), ("§ (opening) ¶ 7",),
       "ec-claim-industry", "Scaling made AI an industry worth a trillion dollars.",
       "a trillion-dollar industry", LITERATURE, E.ev_nvidia, judge_trillion, checklist=("A4-01",),
       citations=("mint2024nvidia", "cahn2024question")),
    _c("EC-20", ("004",), (f"{S004_COST} ¶ 4",), "ec-claim-industry",
       "The carbon emissions of AI keep rising although the industry pledged to cut them.",
       "emissions still growing", LITERATURE, E.ev_emissions, judge_emissions, checklist=("A4-56",),
       citations=("google2024environmental",)),
    _c("EC-21", ("004",), (f"{S004_COST} ¶ 8",), "ec-claim-industry",
       "Only about one business in twenty genuinely uses AI.",
       "about 5 %", LITERATURE, E.ev_adoption, judge_adoption, checklist=("A4-61",),
       citations=("minneapolisfed2026ai", "bonney2024tracking"), reason_tags=("outdated",)),
    _c("EC-22", ("003",), (f"{S003_COSTS} ¶ 18",), "ec-claim-latency",
       "Larger models make responses slower.",
       "bigger models, higher latency", LITERATURE, E.ev_latency, judge_latency, checklist=("A3-21",),
       citations=("kim2025dynamicreasoning",), reason_tags=("overgeneralised",)),
    _c("EC-23", ("002",), ("§ The Law That Built an Industry ¶ 3",), "ec-claim-industry",
       "The scaling insight set off an arms race worth a trillion dollars.", "a trillion-dollar arms race",
       LITERATURE, E.ev_nvidia, judge_race, checklist=("A2-02",), citations=("mint2024nvidia", "cahn2024question")),
    not_testable("EC-24", ("003",), ("§ The Myth of Infinite Scaling ¶ 10",),
                 "Training and serving costs grow faster than the value they create.", "costs outpace value",
                 "vague: 'value created' has no public measure; cost growth is measured in EC-1, the price of running "
                 "a fixed capability in EC-17 and Cahn's revenue gap in EC-5", chapter=CHAPTER,
                 anchor="ec-claim-industry", checklist=("A3-04",)),
    not_testable("EC-25", ("003",), (f"{S003_COSTS} ¶ 15",),
                 "Frontier training depends on supply chains of rare-earth hardware.", "rare-earth supply chains",
                 "vague: no quantity is asserted, and no public data tie a training run to rare-earth inputs",
                 chapter=CHAPTER, anchor="ec-claim-energy", checklist=("A3-19",)),
    not_testable("EC-26", ("003",), (f"{S003_COSTS} ¶ 18",),
                 "An answer in 1.5 seconds feels magical to users; one in 4 seconds feels broken.", "1.5 s vs 4 s",
                 "opinion: a judgement of how users feel; the latency premise is tested as EC-22",
                 chapter=CHAPTER, anchor="ec-claim-latency", checklist=("A3-20",)),
    _c("EC-27", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 7",), "ec-claim-10b",
       "There are plans for training runs costing a billion dollars.", "billion-dollar runs planned", LITERATURE,
       E.ev_plans, judge_plans, checklist=("A4-12",), citations=("tomshardware2024amodei",)),
    not_testable("EC-28", ("004",), (f"{S004_COST} ¶ 2",),
                 "The next generation of models will cost billions.", "billions next",
                 "forecast: about future models; today's costs are tested as EC-3", chapter=CHAPTER,
                 anchor="ec-projection", checklist=("A4-53",)),
    not_testable("EC-29", ("004",), (f"{S004_COST} ¶ 5",),
                 "Data-centre demand is part of why some regions are short of water.", "water shortages",
                 "vague: no region, quantity or period is named, and no public source found here measures the "
                 "share of a shortage due to data centres; training water is measured in EC-13",
                 chapter=CHAPTER, anchor="ec-claim-energy", checklist=("A4-57",)),
    _c("EC-30", ("004",), (f"{S004_COST} ¶ 6",), "ec-claim-industry",
       "Top AI specialists are paid from hundreds of thousands to millions of dollars a year.",
       "hundreds of thousands to millions", LITERATURE, E.ev_salaries, judge_salaries, checklist=("A4-58",),
       citations=("metz2018airesearchers",)),
)
