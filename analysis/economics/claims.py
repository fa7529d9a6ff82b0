"""Claims of the economics chapter (EC-1 ... EC-22): money, energy, water and latency statements of seeds
000, 002, 003 and 004, each judged on the Epoch AI data or a cited published figure.

Evidence functions take the chapter's papermill parameters that matter to them; judges are pure.
"""

from __future__ import annotations

from functools import lru_cache

from analysis.economics import (trends as ec, costs, inference_cost as infer, energy as energy_mod,
                                datasets as edata)
from analysis.ledger.core import (DATA, LITERATURE, ORDER_FACTOR, Claim, about, about_rate, assess, at_least,
                                  at_most, fmt, holds, not_testable)

CHAPTER = "economics"
S004_MATH = "§ Why Bigger Models Aren't Getting Better ¶ 11"
S004_ECON = "§ Why Bigger Models Aren't Getting Better ¶ 10"
S004_COST = "§ The Real Cost of AI Development"
S003_COSTS = "§ The Hidden Costs of Going Big"
#: "Now" for the seeds (mid-2025) and the runs counted as current (published from 2023 on).
NOW = 2025.5
RECENT_FROM = 2023.0


def _usd(x: float) -> str:
    return f"${x / 1e9:.2f}B" if x >= 1e9 else f"${x / 1e6:.1f}M"


# --- EC-1: costs triple every year ----------------------------------------------------------------

def ev_triple(level: float = 0.9) -> dict:
    w = ec.cost_windows(0.95)
    w90 = ec.cost_windows(level)
    return {"cost_growth": w.full.factor, "cost_growth_low": w.full.factor_low, "cost_growth_high": w.full.factor_high,
            "cost_growth_90_low": w90.full.factor_low, "cost_growth_90_high": w90.full.factor_high,
            "recent_growth": w.recent.factor, "recent_growth_low": w.recent.factor_low,
            "recent_growth_high": w.recent.factor_high, "early_growth": w.early.factor,
            "seed_arithmetic": float(ec.seed_cost_arithmetic(4.5, 0.35))}


def judge_triple(e) -> object:
    checks = [about_rate(e, "cost_growth", 3.0, "frontier cost growth 2016-2023"),
              about_rate(e, "recent_growth", 3.0, "frontier cost growth 2020-2023")]
    return assess(checks, f"Fitted over 2016-2023 frontier training cost grows ×{e['cost_growth']:.2f}/yr (95% CI "
                          f"{e['cost_growth_low']:.2f}-{e['cost_growth_high']:.2f}): the point estimate is not 'about ×3', "
                          f"although the interval reaches it. The 2020-2023 window alone gives ×{e['recent_growth']:.2f} "
                          f"({e['recent_growth_low']:.2f}-{e['recent_growth_high']:.2f}), against ×{e['early_growth']:.2f} "
                          f"before 2021: the article's rate describes the recent years, with a wide interval.")


# --- EC-10: hardware 35 % cheaper a year ----------------------------------------------------------

def ev_hardware() -> dict:
    t = ec.fit_trends()
    h = ec.HOBBHAHN2022
    return {"run_flop_per_usd_growth": 1.0 / t.cost_per_flop.factor,
            "chip_flop_per_usd_growth": t.price_performance.factor,
            "chip_flop_per_usd_growth_low": t.price_performance.factor_low,
            "chip_flop_per_usd_growth_high": t.price_performance.factor_high,
            "hobbhahn_ml_growth": 2.0 ** (1.0 / h.ml_doubling_years),
            "hobbhahn_ml_growth_low": 2.0 ** (1.0 / h.ml_doubling_high),
            "hobbhahn_ml_growth_high": 2.0 ** (1.0 / h.ml_doubling_low)}


def judge_hardware(e) -> object:
    target = 1.0 / (1.0 - 0.35)
    checks = [about_rate(e, "run_flop_per_usd_growth", target, "FLOP per dollar of frontier runs, growth"),
              about_rate(e, "chip_flop_per_usd_growth", target, "new ML chips' FLOP/s per dollar, growth"),
              about_rate(e, "hobbhahn_ml_growth", target, "Hobbhahn & Besiroglu ML GPUs, growth")]
    falls = [1 - 1 / e[k] for k in ("run_flop_per_usd_growth", "chip_flop_per_usd_growth", "hobbhahn_ml_growth")]
    return assess(checks, f"A 35% yearly fall means ×{target:.2f} more FLOP per dollar a year. Frontier runs' cost per FLOP "
                          f"falls {falls[0]:.0%}/yr, new ML chips' price-performance {falls[1]:.0%}/yr, and Hobbhahn & "
                          f"Besiroglu's ML GPUs {falls[2]:.0%}/yr: the direction is right, the rate a little high.")


# --- EC-2: GPT-4 about $500M ------------------------------------------------------------------------

def ev_gpt4() -> dict:
    run = float(edata.load_models().set_index("Model").loc["GPT-4", "cost_usd_2023"])
    c = costs.cluster_cost("GPT-4")
    return {"run_usd": run, "chips_usd": c.chips_usd, "hardware_usd": c.hardware_usd, "facility_usd": c.facility_usd}


def judge_gpt4(e) -> object:
    checks = [about(e, "run_usd", 500e6, "amortised cost of the run (Epoch)", spec=".3g"),
              about(e, "facility_usd", 500e6, "cluster with network and data centre"),
              at_least(e, "hardware_usd", 1e8, "hardware of the cluster (hundreds of millions)")]
    return assess(checks, f"Epoch's amortised hardware-and-energy cost of GPT-4's run is {_usd(e['run_usd'])}; its cluster's "
                          f"chips cost about {_usd(e['chips_usd'])}, {_usd(e['hardware_usd'])} with the network and "
                          f"{_usd(e['facility_usd'])} with the data centre around them. '$500M' describes the infrastructure, "
                          f"not the run.")


# --- EC-3: $10B now, $100B next -------------------------------------------------------------------

def ev_10b(n_draws: int = 4000, seed: int = 0, level: float = 0.9) -> dict:
    model, flop, run = costs.largest_2025_run_cost()
    c = costs.cluster_cost(model)
    proj = ec.project_costs(n_draws=n_draws, seed=seed, level=level, anchor="max")
    return {"run_usd": run, "chips_usd": c.chips_usd, "facility_usd": c.facility_usd,
            "years_to_100b": proj.year_of(100e9) - NOW, "years_to_100b_low": float(proj.low_year[2]) - NOW,
            "years_to_100b_high": float(proj.high_year[2]) - NOW}


def judge_10b(e) -> object:
    checks = [about(e, "run_usd", 10e9, "first-principles cost of the largest 2025 run"),
              about(e, "facility_usd", 10e9, "its cluster with network and data centre"),
              at_most(e, "years_to_100b", 2.0, "years until a $100B run (from GPT-4, fitted rate)", spec=".1f")]
    return assess(checks, f"The largest run on record (Grok-3) costs about {_usd(e['run_usd'])} to train from first principles, "
                          f"but the data centre it ran in is worth about {_usd(e['facility_usd'])} (chips "
                          f"{_usd(e['chips_usd'])}). A $100B run is {e['years_to_100b']:.1f} years away at the fitted rate.")


# --- EC-4 and EC-12: world wealth ------------------------------------------------------------------

def ev_wealth() -> dict:
    share, aum = ec.SEED.noticeable_share, ec.WORLD.assets_under_management_usd
    g_recent = ec.cost_windows().recent.factor
    return {"years_aum_trend": ec.years_to_share(share, aum, anchor="trend"),
            "years_aum_max": ec.years_to_share(share, aum, anchor="max"),
            "years_aum_max_recent_rate": ec.years_to_share(share, aum, anchor="max", growth_factor=g_recent),
            "years_gdp_max": ec.years_to_share(share, ec.WORLD.world_gdp_usd, anchor="max"),
            "years_wealth_max": ec.years_to_share(share, ec.WORLD.net_wealth_usd, anchor="max"),
            "years_own_premise": float(ec.years_to_reach(share * ec.SEED.world_aum_usd, ec.SEED.current_model_cost_usd,
                                                         ec.SEED.cost_growth))}


def judge_wealth(e) -> object:
    few = ec.SEED.few_years
    checks = [at_most(e, "years_aum_trend", few, "years to 1% of AUM from the fitted trend", spec=".1f"),
              at_most(e, "years_aum_max", few, "years to 1% of AUM from GPT-4", spec=".1f"),
              at_most(e, "years_aum_max_recent_rate", few, "years to 1% of AUM from GPT-4 at the 2020-23 rate", spec=".1f")]
    return assess(checks, f"A run costing 1% of assets under management is {e['years_aum_trend']:.0f} years away from the fitted "
                          f"trend and {e['years_aum_max']:.0f} from GPT-4 ({e['years_aum_max_recent_rate']:.0f} at the recent "
                          f"×3.2 rate); 1% of world GDP {e['years_gdp_max']:.0f} and of global net wealth "
                          f"{e['years_wealth_max']:.0f} years. Only the article's own premise ($10B now, ×3) gives "
                          f"{e['years_own_premise']:.1f} years.")


def ev_aum() -> dict:
    return {"aum_usd": ec.WORLD.assets_under_management_usd, "net_wealth_usd": ec.WORLD.net_wealth_usd}


def judge_aum(e) -> object:
    return assess([about(e, "aum_usd", 100e12, "assets managed by the 500 largest managers, end 2020")],
                  f"The 500 largest asset managers held {fmt(e['aum_usd'] / 1e12, '.0f')} trillion dollars at the end of 2020, "
                  f"so 'about $100T' of AUM is right; but AUM is not world wealth, which is about "
                  f"{fmt(e['net_wealth_usd'] / 1e12, '.0f')} trillion (net, 2022).")


# --- EC-5: Cahn's $600B ----------------------------------------------------------------------------

def ev_cahn(lifetime_years: float = 5.0, capex_growth: float = 1.0) -> dict:
    d = costs.cahn_depreciated(lifetime_years, capex_growth=capex_growth)
    return {"steady_need_usd": d.steady_need_usd, "cohort_need_usd": d.cohort_need_usd,
            "steady_gap_usd": d.steady_gap_usd, "cohort_gap_usd": d.cohort_gap_usd,
            "cohort_break_even_usd": d.cohort_break_even_usd, "lifetime_years": d.lifetime_years,
            "observed_growth_need_usd": costs.cahn_depreciated(lifetime_years,
                                                            capex_growth=costs.NVIDIA_DC_GROWTH_FY2024).steady_need_usd}


def judge_cahn(e) -> object:
    checks = [about(e, "cohort_need_usd", 600e9, "yearly revenue to recoup one year's spending"),
              about(e, "steady_need_usd", 600e9, "yearly revenue at the steady spending assumed")]
    return assess(checks, f"Written off over {e['lifetime_years']:.0f} years, one year's data-centre spending needs "
                          f"{_usd(e['cohort_need_usd'])} a year of revenue (owner's break-even {_usd(e['cohort_break_even_usd'])}), "
                          f"not $600B; only if that spending repeats every year does the yearly charge reach "
                          f"{_usd(e['steady_need_usd'])}. Cahn's figure compares one year's capital spending with one year's revenue; "
                          f"the gap is {_usd(e['cohort_gap_usd'])} for one year's spending and {_usd(e['steady_gap_usd'])} "
                          f"at steady spending. At the x3.17 growth of Nvidia's data-centre sales in fiscal 2024 the "
                          f"yearly write-off is {_usd(e['observed_growth_need_usd'])}.")


# --- EC-6, EC-7: a billion queries a day -------------------------------------------------------------

def ev_queries() -> dict:
    chat, reasoning = infer.inference_cost(infer.CHAT), infer.inference_cost(infer.REASONING)
    return {"chat_usd_per_week": chat.total_usd_per_week, "reasoning_usd_per_week": reasoning.total_usd_per_week,
            "utilization": chat.utilization}


def judge_queries(e) -> object:
    m = ec.SEED.millions_per_week_usd
    checks = [at_least(e, "chat_usd_per_week", m, "hardware + energy per week, chat"),
              at_least(e, "reasoning_usd_per_week", m, "hardware + energy per week, reasoning")]
    return assess(checks, f"With the utilisation calibrated to a production measurement ({e['utilization']:.2f}), a billion "
                          f"chat answers a day cost {_usd(e['chat_usd_per_week'])} a week and reasoning answers "
                          f"{_usd(e['reasoning_usd_per_week'])}, mostly hardware.")


def ev_energy_week() -> dict:
    q, price, pue = 7e9, costs.DEFAULT_COSTS.usd_per_kwh, costs.DEFAULT_COSTS.pue
    _, kim_agent = infer.kim_weekly_energy_usd("Reflexion")
    return {"chat_energy_usd": q * infer.OVIEDO_WH_PER_QUERY["typical"] / 1000 * price,
            "reasoning_energy_usd": q * infer.OVIEDO_WH_PER_QUERY["test-time scaling"] / 1000 * price,
            "agent_energy_usd": kim_agent, "pue": pue}


def judge_energy_week(e) -> object:
    m = ec.SEED.millions_per_week_usd
    checks = [at_least(e, "chat_energy_usd", m, "electricity per week, typical query (Oviedo et al.)"),
              at_least(e, "reasoning_energy_usd", m, "electricity per week, test-time scaling (Oviedo et al.)"),
              at_least(e, "agent_energy_usd", m, "electricity per week, Reflexion agent (Kim et al.)")]
    return assess(checks, f"At a billion queries a day electricity alone costs {_usd(e['chat_energy_usd'])} a week for typical "
                          f"production queries, {_usd(e['reasoning_energy_usd'])} for test-time-scaling queries and "
                          f"{_usd(e['agent_energy_usd'])} for agents: millions a week only for long answers.")


# --- EC-8, EC-13: gigawatt-hours and litres ----------------------------------------------------------

def ev_energy() -> dict:
    energy = energy_mod.frontier_training_water()
    recent = energy[energy["year"] >= RECENT_FROM]
    return {"share_gwh": float((recent["energy_gwh"] >= 1.0).mean()),
            "share_million_litres": float((recent["water_litres"] >= 1e6).mean()),
            "median_gwh": float(recent["energy_gwh"].median()), "median_litres": float(recent["water_litres"].median()),
            "n_runs": float(len(recent)), "litres_per_kwh": energy_mod.gpt3_litres_per_kwh()}


def judge_gwh(e) -> object:
    return assess([at_least(e, "share_gwh", 0.5, "share of frontier runs since 2023 using >= 1 GWh", spec="%")],
                  f"Of {e['n_runs']:.0f} frontier runs since 2023 that record power and duration, {e['share_gwh']:.0%} drew at "
                  f"least 1 GWh (median {e['median_gwh']:.1f} GWh, Epoch's draw without a PUE).")


def judge_water(e) -> object:
    return assess([at_least(e, "share_million_litres", 0.5, "share of frontier runs since 2023 evaporating >= 1M litres",
                            spec="%")],
                  f"At the {e['litres_per_kwh']:.2f} L/kWh implied by Li et al.'s GPT-3 estimate, {e['share_million_litres']:.0%} "
                  f"of the {e['n_runs']:.0f} recent frontier runs evaporated at least a million litres on site (median "
                  f"{e['median_litres'] / 1e6:.1f}M litres).")


# --- EC-9, EC-14, EC-16: run costs ------------------------------------------------------------------

def _costed():
    return edata.frontier_models().dropna(subset=["cost_usd_2023"])


def ev_waste() -> dict:
    c = _costed()
    recent = c[c["year"] >= RECENT_FROM]
    return {"top_recent_run_usd": float(recent["cost_usd_2023"].max()),
            "runs_over_10m": float((recent["cost_usd_2023"] >= 1e7).sum())}


def judge_waste(e) -> object:
    return assess([at_least(e, "top_recent_run_usd", 1e7, "costliest frontier run since 2023")],
                  f"The costliest frontier run since 2023 cost {_usd(e['top_recent_run_usd'])} (Epoch); "
                  f"{e['runs_over_10m']:.0f} costed runs passed $10M, so one failed run can waste tens of millions.")


def ev_millions_to_hundreds() -> dict:
    c = _costed()
    early = c[c["year"] < 2021]
    _, _, run = costs.largest_2025_run_cost()
    return {"early_top_usd": float(early["cost_usd_2023"].max()), "top_2023_usd": float(c["cost_usd_2023"].max()),
            "largest_2025_run_usd": run}


def judge_millions_to_hundreds(e) -> object:
    checks = [about(e, "early_top_usd", 3e6, "costliest frontier run before 2021 ('millions')", factor=ORDER_FACTOR),
              at_least(e, "largest_2025_run_usd", 1e8, "largest 2025 run, first principles")]
    return assess(checks, f"The costliest run before 2021 cost {_usd(e['early_top_usd'])} (GPT-3); by 2023 the top was "
                          f"{_usd(e['top_2023_usd'])} (Epoch) and the largest 2025 run costs about "
                          f"{_usd(e['largest_2025_run_usd'])} from first principles.")


@lru_cache(maxsize=1)
def _cluster_total() -> tuple[float, float]:
    front = edata.frontier_models()
    front = front[(front["year"] >= 2020) & front["Hardware quantity"].notna() & front["Training hardware"].notna()]
    total, n = 0.0, 0
    for name in front["Model"]:
        try:
            total += costs.hardware_acquisition_usd(name)
            n += 1
        except ValueError:
            continue
    return total, float(n)


def ev_billions() -> dict:
    total, n = _cluster_total()
    return {"cluster_chips_usd": total, "n_clusters": n, "nvidia_dc_run_rate_usd": costs.CAHN.nvidia_dc_run_rate_usd}


def judge_billions(e) -> object:
    return assess([at_least(e, "cluster_chips_usd", 1e9, "chips of frontier clusters since 2020 (sum)")],
                  f"The chips of {e['n_clusters']:.0f} frontier training clusters since 2020 with a known size and price "
                  f"cost {_usd(e['cluster_chips_usd'])} together; Nvidia's data-centre sales ran at "
                  f"{_usd(e['nvidia_dc_run_rate_usd'])} a year by 2024 (Cahn).")


# --- EC-17: costs accelerating; EC-18..22 literature -------------------------------------------------

def ev_accelerating() -> dict:
    w = ec.cost_windows()
    return {"training_cost_accelerating": bool(w.accelerating), "recent_growth": w.recent.factor,
            "early_growth": w.early.factor, "inference_price_factor_slowest": 1.0 / ec.EPOCH_INFERENCE.slowest_factor}


def judge_accelerating(e) -> object:
    checks = [holds(e, "training_cost_accelerating", "frontier training cost grows faster in 2020-23 than before 2021"),
              at_least(e, "inference_price_factor_slowest", 1.0,
                       "yearly change of the price of a fixed capability (slowest fall)", spec=".3g")]
    return assess(checks, f"Training the largest models got dearer faster (×{e['early_growth']:.2f}/yr before 2021, "
                          f"×{e['recent_growth']:.2f} in 2020-23), but running a model of fixed capability got cheaper: "
                          f"Epoch's slowest measured fall is ×{1 / e['inference_price_factor_slowest']:.0f} a year.")


def ev_nvidia() -> dict:
    return {"nvidia_over_microsoft": ec.NVIDIA_MARKET_CAP_USD_2024_06 / ec.MICROSOFT_MARKET_CAP_USD_2024_06,
            "nvidia_cap_usd": ec.NVIDIA_MARKET_CAP_USD_2024_06}


def judge_nvidia(e) -> object:
    return assess([at_least(e, "nvidia_over_microsoft", 1.0, "Nvidia's market value / Microsoft's, 18 June 2024", spec=".3f")],
                  f"On 18 June 2024 Nvidia was worth ${e['nvidia_cap_usd'] / 1e12:.2f}T, ahead of Microsoft: the most "
                  f"valuable listed company that day.")


def judge_trillion(e) -> object:
    return assess([at_least(e, "nvidia_cap_usd", 1e12, "market value of the leading AI chip maker")],
                  f"Read as market value, Nvidia alone was worth ${e['nvidia_cap_usd'] / 1e12:.2f}T in June 2024; read as "
                  f"revenue, the AI revenue Cahn grants the big buyers is about $70B a year, far from a trillion.")


def ev_emissions() -> dict:
    return {"google_vs_2019": ec.GOOGLE_EMISSIONS_VS_2019, "google_vs_2022": ec.GOOGLE_EMISSIONS_VS_2022}


def judge_emissions(e) -> object:
    return assess([at_least(e, "google_vs_2022", 1.0, "Google's 2023 emissions / 2022", spec=".2f")],
                  f"Google, pledged to net zero by 2030, emitted {e['google_vs_2022']:.2f}x its 2022 total in 2023 and "
                  f"{e['google_vs_2019']:.2f}x its 2019 total, mostly from data-centre energy.")


def ev_adoption() -> dict:
    return {"btos_share": ec.BTOS_AI_USE_SHARE["2024-02"], "btos_share_2023": ec.BTOS_AI_USE_SHARE["2023-09"]}


def judge_adoption(e) -> object:
    return assess([about(e, "btos_share", 0.05, "US firms using AI to produce goods or services, Feb 2024", spec="%")],
                  f"The Census Bureau's survey found {e['btos_share']:.1%} of US firms using AI in production in February 2024 "
                  f"(up from {e['btos_share_2023']:.1%} in September 2023).")


def ev_latency() -> dict:
    table = ec.kim_latency_ratios()
    return {"chat_latency_ratio": float(table["ShareGPT"]), "min_latency_ratio": float(min(table.values()))}


def judge_latency(e) -> object:
    checks = [at_least(e, "chat_latency_ratio", 1.0, "70B / 8B latency, single chat request", spec=".2f"),
              at_least(e, "min_latency_ratio", 1.0, "70B / 8B latency, every design", spec=".2f")]
    return assess(checks, f"In Kim et al.'s measurements the 70B model answers a chat request {e['chat_latency_ratio']:.2f}x "
                          f"slower than the 8B one, but in one agent design it finishes faster (ratio "
                          f"{e['min_latency_ratio']:.2f}): size raises latency per token, not always per task.")


def _c(id, articles, locators, anchor, claim, asserted, test_type, ev, judge, *, checklist, citations=(), reason=""):
    return Claim(id, articles, locators, CHAPTER, anchor, claim, asserted, test_type, ev, judge, reason=reason,
                 citations=tuple(citations), checklist=tuple(checklist))


CLAIMS = (
    _c("EC-1", ("004",), (S004_MATH,), "ec-claim-triple",
       "The training cost of frontier models roughly triples from one year to the next.",
       "costs ×3 per year", DATA, ev_triple, judge_triple, checklist=("A4-29",), citations=("cottier2024costs",)),
    _c("EC-10", ("004",), (S004_ECON,), "ec-claim-hardware",
       "The hardware cost of a unit of computation falls by about a third every year.",
       "about 35 % cheaper per year", DATA, ev_hardware, judge_hardware, checklist=("A4-28",),
       citations=("hobbhahn2022gpu",)),
    _c("EC-2", ("004", "004"), (S004_ECON, f"{S004_COST} ¶ 2"), "ec-claim-gpt4",
       "A GPT-4-class model takes about half a billion dollars once hardware, power and buildings are counted; "
       "frontier runs need hardware worth hundreds of millions.",
       "about $500M; hardware in the hundreds of millions", DATA, ev_gpt4, judge_gpt4, checklist=("A4-27", "A4-52"),
       citations=("cottier2024costs", "cahn2024question")),
    _c("EC-3", ("004",), (S004_MATH,), "ec-claim-10b",
       "Today's largest models cost ten billion dollars and the next generation will cost a hundred billion.",
       "$10B now, $100B next", DATA, ev_10b, judge_10b, checklist=("A4-30", "A4-31"),
       citations=("cottier2024costs", "cahn2024question")),
    _c("EC-4", ("004",), (S004_MATH,), "ec-claim-wealth",
       "At the present growth rate one training run would cost a noticeable share of the world's managed assets "
       "within a few years.",
       "a noticeable share of $100T within a few years", DATA, ev_wealth, judge_wealth, checklist=("A4-33",),
       citations=("tai2021largest500", "bcg2023wealth", "imf2023weo")),
    _c("EC-12", ("004",), (S004_MATH,), "ec-claim-wealth",
       "The assets under management of the whole world add up to only about one hundred trillion dollars.",
       "about $100T", LITERATURE, ev_aum, judge_aum, checklist=("A4-32",),
       citations=("tai2021largest500", "bcg2023wealth")),
    _c("EC-5", ("004",), (f"{S004_COST} ¶ 7",), "ec-claim-cahn",
       "The AI data centres being bought need about $600B of revenue a year to pay off, and revenue is about $500B short.",
       "$600B a year needed, $500B short", DATA, ev_cahn, judge_cahn, checklist=("A4-59", "A4-60"),
       citations=("cahn2024question", "nvidia2024fy")),
    _c("EC-6", ("000",), ("§ The Scaling Illusion ¶ 3",), "ec-claim-queries",
       "Serving a billion agent-style queries a day would cost millions of dollars a week in energy and hardware.",
       "millions per week (energy + hardware)", DATA, ev_queries, judge_queries, checklist=("A0-11",),
       citations=("oviedo2025energy",)),
    _c("EC-7", ("004",), (f"{S004_COST} ¶ 4",), "ec-claim-queries",
       "Running one model for a billion queries a day would cost millions a week in electricity alone.",
       "millions per week (energy alone)", LITERATURE, ev_energy_week, judge_energy_week, checklist=("A4-55",),
       citations=("oviedo2025energy", "kim2025dynamicreasoning")),
    _c("EC-8", ("003",), (f"{S003_COSTS} ¶ 13",), "ec-claim-energy",
       "Training a frontier model today uses gigawatt-hours of electricity.",
       "gigawatt-hours per run", DATA, ev_energy, judge_gwh, checklist=("A3-17",)),
    _c("EC-13", ("003",), (f"{S003_COSTS} ¶ 14",), "ec-claim-energy",
       "Training a frontier model today uses millions of litres of cooling water.",
       "millions of litres per run", DATA, ev_energy, judge_water, checklist=("A3-18",), citations=("li2023thirsty",)),
    _c("EC-9", ("003",), (f"{S003_COSTS} ¶ 3",), "ec-claim-energy",
       "A single wrong hyperparameter can throw away tens of millions of dollars of compute.",
       "tens of millions of dollars", DATA, ev_waste, judge_waste, checklist=("A3-14",)),
    _c("EC-14", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 7",), "ec-claim-10b",
       "A training run costs hundreds of millions of dollars today, where a few years back the costliest cost millions.",
       "millions then, hundreds of millions now", DATA, ev_millions_to_hundreds, judge_millions_to_hundreds,
       checklist=("A4-11",)),
    _c("EC-16", ("000",), ("§ The New Law of Diminishing Returns ¶ 1",), "ec-claim-queries",
       "Technology companies have spent billions of dollars on scaling up language models.",
       "billions", DATA, ev_billions, judge_billions, checklist=("A0-01",), citations=("cahn2024question",)),
    _c("EC-17", ("000",), ("§ The New Law of Diminishing Returns ¶ 2",), "ec-claim-counterweights",
       "The costs of running models are rising faster and faster on every front.",
       "costs accelerating across the board", DATA, ev_accelerating, judge_accelerating, checklist=("A0-04",),
       citations=("epoch2025inferenceprices",)),
    _c("EC-18", ("002",), ("§ The Law That Built an Industry ¶ 3",), "ec-claim-industry",
       "The scaling race made NVIDIA one of the most valuable companies in the world.",
       "one of the most valuable companies", LITERATURE, ev_nvidia, judge_nvidia, checklist=("A2-04",),
       citations=("mint2024nvidia",)),
    _c("EC-19", ("004",), ("§ (opening) ¶ 7",),
       "ec-claim-industry", "Scaling made AI an industry worth a trillion dollars.",
       "a trillion-dollar industry", LITERATURE, ev_nvidia, judge_trillion, checklist=("A4-01",),
       citations=("mint2024nvidia", "cahn2024question")),
    _c("EC-20", ("004",), (f"{S004_COST} ¶ 4",), "ec-claim-industry",
       "The carbon emissions of AI keep rising although the industry pledged to cut them.",
       "emissions still growing", LITERATURE, ev_emissions, judge_emissions, checklist=("A4-56",),
       citations=("google2024environmental",)),
    _c("EC-21", ("004",), (f"{S004_COST} ¶ 8",), "ec-claim-industry",
       "Only about one business in twenty genuinely uses AI.",
       "about 5 %", LITERATURE, ev_adoption, judge_adoption, checklist=("A4-61",), citations=("bonney2024tracking",)),
    _c("EC-22", ("003",), (f"{S003_COSTS} ¶ 18",), "ec-claim-latency",
       "Larger models make responses slower.",
       "bigger models, higher latency", LITERATURE, ev_latency, judge_latency, checklist=("A3-21",),
       citations=("kim2025dynamicreasoning",)),
    not_testable("EC-23", ("002",), ("§ The Law That Built an Industry ¶ 3",),
                 "The scaling insight set off an arms race worth a trillion dollars.", "a trillion-dollar arms race",
                 "vague: no stated quantity or period fixes what counts as the race's worth; the companies' value is "
                 "tested as EC-18", chapter=CHAPTER, anchor="ec-claim-industry", checklist=("A2-02",)),
    not_testable("EC-24", ("003",), ("§ The Myth of Infinite Scaling ¶ 10",),
                 "Training and serving costs grow faster than the value they create.", "costs outpace value",
                 "vague: 'value created' has no public measure; cost growth is measured in EC-1 and Cahn's revenue "
                 "gap in EC-5", chapter=CHAPTER, anchor="ec-claim-industry", checklist=("A3-04",)),
    not_testable("EC-25", ("003",), (f"{S003_COSTS} ¶ 15",),
                 "Frontier training depends on supply chains of rare-earth hardware.", "rare-earth supply chains",
                 "vague: no quantity is asserted, and no public data tie a training run to rare-earth inputs",
                 chapter=CHAPTER, anchor="ec-claim-energy", checklist=("A3-19",)),
    not_testable("EC-26", ("003",), (f"{S003_COSTS} ¶ 18",),
                 "An answer in 1.5 seconds feels magical to users; one in 4 seconds feels broken.", "1.5 s vs 4 s",
                 "opinion: a judgement of how users feel; the latency premise is tested as EC-22",
                 chapter=CHAPTER, anchor="ec-claim-latency", checklist=("A3-20",)),
    not_testable("EC-27", ("004",), ("§ The Scaling Laws That Built Modern AI ¶ 7",),
                 "There are plans for training runs costing a billion dollars.", "billion-dollar runs planned",
                 "no public data: plans are statements by companies, not records; the projected year of a $1B run is "
                 "shown in the chapter", chapter=CHAPTER, anchor="ec-projection", checklist=("A4-12",)),
    not_testable("EC-28", ("004",), (f"{S004_COST} ¶ 2",),
                 "The next generation of models will cost billions.", "billions next",
                 "forecast: about future models; today's costs are tested as EC-3", chapter=CHAPTER,
                 anchor="ec-projection", checklist=("A4-53",)),
    not_testable("EC-29", ("004",), (f"{S004_COST} ¶ 5",),
                 "Data-centre demand is part of why some regions are short of water.", "water shortages",
                 "vague: no region, quantity or period is named; training water is measured in EC-13",
                 chapter=CHAPTER, anchor="ec-claim-energy", checklist=("A4-57",)),
    not_testable("EC-30", ("004",), (f"{S004_COST} ¶ 6",),
                 "Top AI specialists are paid from hundreds of thousands to millions of dollars a year.",
                 "hundreds of thousands to millions", "no public data: compensation of top researchers is not in a "
                 "published data file this project keeps", chapter=CHAPTER, anchor="ec-claim-industry",
                 checklist=("A4-58",)),
)
