"""Property-based fuzz (hypothesis) of every public function of ``analysis``, every parameter, every kind of bad value.

Where ``test_fuzz_api`` tries a fixed bad value of each parameter of the functions it can call with defaults,
this test calls every public function of the science and house modules (the modules ``test_fuzz_api`` skips are
skipped here too, see :data:`test_fuzz_api.SKIP_MODULES`) from a valid call (its defaults, and for required
parameters the examples in :data:`CALLS` and :data:`test_fuzz_api.EXAMPLES`), and replaces one argument at a
time with values that hypothesis draws from the kinds the parameter's good value belongs to:

* *refused* (the call must raise ``ValueError`` naming the parameter, quickly): NaN, inf, a boolean, a string
  or ``None`` or a dict where a number, array, table or fit is wanted; an empty, 2-D, NaN- or inf-holding
  array; arrays of mismatched lengths; a non-integral, negative, huge or overflowing size; a date out of every
  table's range or no date at all; a name no table holds; a wrong type where a result (a fit) is wanted;
* *scored or refused* (the call may return, but only a result as finite as the valid call's, or raise a
  ``ValueError`` naming one of its parameters; never another exception or a hang): zero, negative and
  all-equal values, single points, empty tables.

Unidentifiable fits (all-equal ``x``, an all-equal loss where a floor is fitted, fewer points than
parameters) and the out-of-range lookups the issue names are pinned down in ``test_fuzz_api``.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import math
import re
import signal
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_fuzz_api import DATE, EXAMPLES, SIZE_NAME, public_functions

#: Modules whose functions check *other* functions' arguments: their messages name the caller's parameter
#: (``require_positive("N", ...)`` names ``N``, not ``value``), by design. Tested in ``test_validation`` and
#: ``test_parameters``.
CHECKERS = {"house.validation", "house.parameters"}

#: The ledger's machinery (as ``test_fuzz_api.SKIP_MODULES`` says of ``core``, ``rules``, ``checks``...) takes the
#: book's own records, not numbers a reader types; tested in ``test_corrections``, ``test_ledger_publication``
#: and ``test_ledger_reuse``.
_EDITIONS = "ledger machinery: compares the corrections log, verdicts and snapshots the book loads and checks"
_PUBLICATION = "ledger machinery: renders the ledger's records and log for the published page"
_REUSE = "ledger machinery: the build's reuse of a claim's computed row (takes a claim, its function, a path)"
#: Functions reached but not fuzzed here, with the reason.
NOT_FUZZED = {
    "house.data.world": "a context manager: its transforms are checked on entry (tests/test_worlds.py)",
    "house.data.in_world": "returns its value (any object) as the active world has it",
    "house.data.require_date": "a check of a caller's date: its messages name the caller's parameter",
    "chinchilla.refit.single_threaded_blas": "a context manager without arguments",
    "ledger.editions.by_claim": _EDITIONS,
    "ledger.editions.newest_first": _EDITIONS,
    "ledger.editions.snapshot_changes": _EDITIONS,
    "ledger.editions.snapshot_mismatches": _EDITIONS,
    "ledger.editions.stale": _EDITIONS,
    "ledger.editions.unexplained": _EDITIONS,
    "ledger.editions.verdict_changes": _EDITIONS,
    "ledger.publication.change_summary": _EDITIONS,
    "ledger.publication.claim_review": _PUBLICATION,
    "ledger.publication.claim_reviews_html": _PUBLICATION,
    "ledger.publication.corrections_html": _EDITIONS,
    "ledger.publication.snapshots_html": _EDITIONS,
    "ledger.reuse.at_defaults": _REUSE,
    "ledger.reuse.built_record": _REUSE,
    "ledger.reuse.part_file": _REUSE,
    "ledger.reuse.same_value": "compares any two values (type and repr): no value is bad",
}
#: Functions whose documented result is NaN or inf for some valid input (then a non-finite result is no failure).
NAN_BY_DESIGN = {
    "chinchilla.kaplan_vs_chinchilla.isoflop_optimum": "NaN when the curve does not bracket its optimum",
    "scaling_laws.measured.best_by_budget": "inf where no run lies at or below a budget",
    "progress.metr.doubling_days": "inf when the horizon is flat or falling",
    "datawall.data_constrained.data_multiples_for_equal_steps": "inf once the loss would go below the floor",
    "datawall.datastock.crossing_year": "inf when training sets grow no faster than the stock",
    "economics.growth.fit_growth": "doubling_years is inf when the values do not grow",
    "economics.trends.annual_growth_factor": "doubling_years is inf when the values do not grow",
    "testtime.sampling.crossover_inference_ratio": "inf when the small model fits at any ratio",
    "testtime.sampling.samples_to_beat": "inf when 10,000 samples do not suffice",
    "other_side.emergence.metric_values": "log10 pass@1 is -inf for a model with no correct sample",
}
#: Values that look bad but are documented choices (``numpy.inf`` for "no limit").
ALLOWED = {
    "datawall.data_constrained.capped_frontier.unique_cap": (math.inf,),
    "datawall.data_constrained.compute_at_exponent_fraction.unique_cap": (math.inf,),
    "datawall.repetition.repetition_pairs.max_epochs": (math.inf,),
    "testtime.sampling.crossover_inference_ratio.k_needed": (math.inf,),
}
#: Parameters not fuzzed, with the reason.
FREE_PARAMETERS = {
    "house.data.decimal_years.name": "the caller's name for the dates, any text, used in messages",
    "progress.frontier.is_reasoning.model_version": "any model version: the heuristic reads any text",
    "other_side.emergence.nominal_size.model": "any name ending in a size ('Pythia 2.8B'): parsed, not looked up",
    "economics.costs.server_overhead.chip": "any chip name: one naming none of Cottier et al.'s chips (A100, V100, "
                                            "P100) takes their default multiplier, as their code does",
}


def _fit():
    from analysis.chinchilla.law import HOFFMANN_2022
    return HOFFMANN_2022


def _curve():
    from analysis.house.fitting import fit_power_law
    return fit_power_law(np.array([1e18, 1e19, 1e20, 1e21]), np.array([3.2, 2.9, 2.7, 2.55]))


@lru_cache(maxsize=None)
def _boot():
    from analysis.chinchilla import refit
    runs = __import__("analysis.house.data", fromlist=["x"]).load_chinchilla_runs()
    return refit.bootstrap_fit(runs["N_params"], runs["D_tokens"], runs["loss"], n_boot=10, seed=1)


@lru_cache(maxsize=None)
def _frontier_fits():
    from analysis.scaling_laws.returns import fit_frontier
    return fit_frontier(n_boot=20)


@lru_cache(maxsize=None)
def _projection():
    from analysis.economics.trends import project_costs
    return project_costs(n_draws=200)


def _kazdan():
    from analysis.collapse.gaussian import mix_sweep
    return mix_sweep(n_generations=20, sample_size=20, shares=(0.0, 0.25, 0.5, 0.75, 1.0), n_chains=50)


def _models():
    from analysis.chinchilla.law import GOPHER
    return GOPHER


def _findings():
    from analysis.collapse.published_findings import FINDINGS
    return FINDINGS


def _inputs():
    from analysis.datawall.datastock import VILLALOBOS_INPUTS
    return VILLALOBOS_INPUTS


def _scenario():
    from analysis.economics.inference_cost import CHAT
    return CHAT


def _spec():
    from analysis.house.data import CHINCHILLA_FIG4
    return CHINCHILLA_FIG4


def _published():
    from analysis.ledger.literature import MIXTRAL_TOTAL_PARAMS
    return MIXTRAL_TOTAL_PARAMS


def _probabilities():
    p = 1.0 / np.arange(1, 201)
    return p / p.sum()


_ARR3 = np.array([1.0, 2.0, 3.0])
_YEARS = np.array([2020.0, 2021.0, 2022.0, 2023.0, 2024.0])

#: Valid arguments of the required parameters, by function (callables run once, when first needed).
CALLS = {
    "chinchilla.allocation.compare_models": lambda: dict(fit=_fit()),
    "chinchilla.allocation.compute_decade_gains": lambda: dict(fit=_fit(), C_start=1e21),
    "chinchilla.allocation.gopher_chinchilla": lambda: dict(fit=_fit()),
    "chinchilla.allocation.kaplan_compute_waste": lambda: dict(fit=_fit(), C_flop=np.array([1e21, 1e22, 1e23])),
    "chinchilla.allocation.kaplan_path_draws": lambda: dict(fit=_fit(), C_low=1e21, C_high=1e23),
    "chinchilla.allocation.kaplan_path_returns": lambda: dict(fit=_fit(), C_flop=np.array([1e21, 1e22, 1e23])),
    "chinchilla.allocation.overtraining": lambda: dict(model=_models(), fit=_fit()),
    "chinchilla.allocation.parameter_decade_gains": lambda: dict(fit=_fit()),
    "chinchilla.allocation.parameter_decades": lambda: dict(fit=_fit()),
    "chinchilla.allocation.rule_of_thumb_table": lambda: dict(fits={"Hoffmann": _fit()}),
    "chinchilla.allocation.total_compute": lambda: dict(N=1e9, D=2e10, served_tokens=1e12),
    "chinchilla.kaplan_vs_chinchilla.allocation_exponent":
        lambda: dict(budgets=np.array([1e18, 1e19, 1e20]), n_opt=np.array([1e8, 3e8, 9e8])),
    "chinchilla.law.chinchilla_loss": lambda: dict(N=1e9, D=2e10, params=_fit()),
    "chinchilla.law.compute_for_optimal_size": lambda: dict(N=np.array([1e9, 1e10]), fit=_fit()),
    "chinchilla.law.compute_optimal_allocation": lambda: dict(C_flop=np.array([1e21, 1e22]), fit=_fit()),
    "chinchilla.law.compute_to_reach": lambda: dict(loss=np.array([2.5, 2.2]), fit=_fit()),
    "chinchilla.law.frontier_exponent": lambda: dict(fit=_fit()),
    "chinchilla.law.frontier_loss": lambda: dict(C_flop=np.array([1e21, 1e22]), fit=_fit()),
    "chinchilla.law.kaplan_crossover_flop": lambda: dict(fit=_fit()),
    "chinchilla.law.tokens_per_param": lambda: dict(C_flop=np.array([1e21, 1e22]), fit=_fit()),
    "chinchilla.overtraining.band_label": lambda: dict(tpp=np.array([5.0, 20.0, 100.0])),
    "chinchilla.overtraining.inference_optimum": lambda: dict(fit=_fit(), loss=2.3, served_tokens=1e12),
    "chinchilla.overtraining.inference_table": lambda: dict(fit=_fit(), loss=2.3),
    "chinchilla.overtraining.tokens_for_loss": lambda: dict(N=np.array([1e10, 2e10]), loss=2.3, fit=_fit()),
    "chinchilla.kaplan_vs_chinchilla.isoflop_optimum": lambda: dict(n_params=np.geomspace(1e8, 1e10, 7),
                                                                    loss=np.array([3.1, 3.0, 2.95, 2.93, 2.95, 3.0, 3.1])),
    "chinchilla.refit.fits_table": lambda: dict(boot=_boot()),
    "chinchilla.refit.hoffmann_runs_needed": lambda: dict(boot=_boot()),
    "chinchilla.refit.huber_objective": lambda: dict(
        theta=np.array([6.0, 6.0, 0.5, 0.34, 0.28]), logN=np.log([1e8, 1e9, 1e10, 1e8, 1e9, 1e10]),
        logD=np.log([1e9, 1e10, 1e11, 1e10, 1e11, 1e9]), logL=np.log([3.0, 2.6, 2.3, 2.9, 2.5, 2.7]),
        weights=np.ones(6)),
    "chinchilla.refit.runs_needed_for_width": lambda: dict(width=0.1, n_runs=100, target_width=0.01),
    "chinchilla.refit.fit_parametric_loss": lambda: _runs(12),
    "chinchilla.refit.fit_parametric_loss_plain": lambda: {**_runs(12), "starts": _starts()},
    "chinchilla.refit.bootstrap_fit": lambda: {**_runs(12), "n_boot": 10},
    "chinchilla.refit.isoflop_profiles": lambda: _isoflop_runs(),
    "collapse.gaussian.expected_moments_counts":
        lambda: dict(real_counts=np.array([20.0, 10.0, 10.0]), synthetic_counts=np.array([0.0, 10.0, 10.0])),
    "collapse.gaussian.marginal_loss": lambda: dict(table=_kazdan(), low=(0.0, 0.25), high=(0.75, 1.0)),
    "collapse.gaussian.sample_size_schedule": lambda: dict(kind="constant", n_generations=10, base=20),
    "collapse.gaussian.tail_mass": lambda: dict(mean=np.array([0.0, 0.1]), variance=np.array([1.0, 0.5])),
    "collapse.published_findings.reported":
        lambda: dict(findings=_findings(), family="language model", loop="fully synthetic", outcome="degrades"),
    "collapse.tails.augmentation_error": lambda: dict(real_tokens=1e5, synthetic_tokens=1e5, n_types=20_000),
    "collapse.tails.local_exponent": lambda: dict(tokens=np.array([1e3, 1e4, 1e5]),
                                                  error=np.array([0.5, 0.3, 0.2])),
    "collapse.tails.memorisation_error": lambda: dict(test_probabilities=_probabilities(),
                                                      train_probabilities=_probabilities(),
                                                      tokens=np.array([1e3, 1e4])),
    "collapse.tails.tail_cut": lambda: dict(probabilities=_probabilities(), k=50),
    "collapse.vocab.lr_test_power": lambda: dict(null=_probabilities(), alternative=_probabilities()[::-1] / 1.0,
                                                 tokens=np.array([100.0, 1000.0]), n_sim=100),
    "collapse.vocab.smoothed_model": lambda: dict(counts=np.array([5.0, 3.0, 0.0, 1.0])),
    "collapse.vocab.truncated_chain_table": lambda: dict(probabilities=_probabilities(), n_generations=3,
                                                         token_counts=(1000, 5000), top_p=0.9),
    "collapse.vocab.vocabulary_chain": lambda: dict(probabilities=_probabilities(), n_generations=3,
                                                    tokens_per_generation=1000, n_chains=2),
    "collapse.vocab.weighted_sum": lambda: dict(weights=np.array([0.5, 0.5]), values=np.array([1.0, 3.0])),
    "collapse.vocab.sampling_distribution": lambda: dict(probabilities=_probabilities()),
    "collapse.vocab.truncated_iteration": lambda: dict(probabilities=_probabilities(), n_generations=3, top_p=0.9,
                                                       tail_rank=100),
    "datawall.data_constrained.epoch_gains": lambda: dict(N=1e9, U=1e10),
    "datawall.data_constrained.capped_frontier": lambda: dict(unique_cap=1e12, n_sizes=50),
    "datawall.data_constrained.compute_at_exponent_fraction": lambda: dict(unique_cap=1e12),
    "datawall.data_constrained.data_multiples_for_equal_steps": lambda: dict(step=0.05, n_steps=3),
    "datawall.data_constrained.halving_compute_range": lambda: dict(unique_cap=1e12),
    "datawall.datastock.crossing_year": lambda: dict(stock_2024=3e14, stock_growth=1.1, dataset_2024=1.5e13,
                                                     dataset_growth=2.5),
    "datawall.datastock.inputs_table": lambda: dict(inputs=_inputs()),
    "datawall.datastock.readable": lambda: dict(value=3.2e14),
    "datawall.let_it_wag.model": lambda: dict(backbone="ViT-B-32", pretraining="laion2b"),
    "economics.costs.cahn_revenue_need": lambda: dict(nvidia_dc_run_rate_usd=1.5e11),
    "economics.costs.cluster_cost": lambda: dict(model="GPT-4"),
    "economics.costs.training_flop": lambda: dict(n_params=np.array([7e10, 1.75e11]), n_tokens=np.array([1.4e12, 3e11])),
    "economics.costs.writeoff_fraction": lambda: dict(lifetime_years=5.0, capex_growth=1.5),
    "economics.datasets.from_2023_usd": lambda: dict(usd_2023=np.array([1e6, 2e6]),
                                                     dates=["2020-06-01", "2022-06-01"]),
    "economics.datasets.to_2023_usd": lambda: dict(nominal_usd=np.array([1e6, 2e6]),
                                                   dates=["2020-06-01", "2022-06-01"]),
    "economics.datasets.parse_usd": lambda: dict(text=["$1,000", "2.5e6"]),
    "economics.energy.training_energy_gwh": lambda: dict(power_draw_w=2e7, hours=2000.0),
    "economics.growth.years_until": lambda: dict(target_usd=1e10, start_year=2025.0),
    "economics.inference_cost.attention_flop_share": lambda: dict(scenario=_scenario()),
    "economics.inference_cost.decode_seconds_per_token": lambda: dict(scenario=_scenario(), context_tokens=1000.0),
    "economics.inference_cost.flop_per_query": lambda: dict(scenario=_scenario()),
    "economics.inference_cost.inference_cost": lambda: dict(scenario=_scenario()),
    "economics.inference_cost.kim_weekly_energy_usd": lambda: dict(design="ShareGPT"),
    "economics.inference_cost.memory_traffic": lambda: dict(scenario=_scenario()),
    "economics.inference_cost.with_utilization": lambda: dict(scenario=_scenario(), utilization=0.3),
    "economics.trends.doubling_to_decline": lambda: dict(doubling_years=np.array([2.0, 2.5])),
    "economics.trends.frontier_compute_in": lambda: dict(year=2023.0),
    "economics.trends.projection_fan": lambda: dict(projection=_projection(), years=np.array([2025.0, 2027.0])),
    "economics.trends.seed_cost_arithmetic": lambda: dict(compute_growth=4.0, hardware_cost_decline=0.3),
    "economics.trends.trend_value_usd": lambda: dict(year=2025.0),
    "economics.trends.years_to_reach": lambda: dict(threshold_usd=1e10, start_usd=1e9, growth_factor=2.5),
    "economics.trends.years_to_share": lambda: dict(share=0.01, total_usd=1e14),
    "house.data.file_sha256": lambda: dict(path=_spec().path),
    "house.data.load_csv": lambda: dict(spec=_spec()),
    "house.fitting.fit_curve": lambda: dict(form="power", x=np.array([1.0, 10.0, 100.0, 1000.0]),
                                            y=np.array([3.0, 2.0, 1.5, 1.2])),
    "house.fitting.fit_power_law_with_floor": lambda: dict(x=np.array([1.0, 10.0, 100.0, 1000.0]),
                                                           y=np.array([3.0, 2.0, 1.5, 1.2])),
    "house.fitting.huber": lambda: dict(residuals=np.array([0.0, 1e-4, 1e-2])),
    "ledger.literature.published_values": lambda: {"*figures": (_published(),)},
    "other_side.emergence.alpha_for_width": lambda: dict(width_dex=1.0),
    "other_side.emergence.log_slopes": lambda: dict(N=np.array([1e8, 1e9, 1e10]), metric=np.array([0.1, 0.2, 0.4])),
    "other_side.emergence.logistic_accuracy": lambda: dict(log10_compute=np.array([20.0, 22.0, 24.0]),
                                                           slope_per_decade=1.0, midpoint_dex=22.0),
    "other_side.emergence.metric_values": lambda: dict(num_correct=np.array([[1.0, 5.0], [0.0, 9.0]]),
                                                       num_samples=np.array([[10.0, 10.0], [10.0, 10.0]])),
    "other_side.emergence.nominal_size": lambda: dict(model="Pythia 2.8B"),
    "other_side.emergence.rise_share": lambda: dict(values=np.array([0.1, 0.2, 0.5, 0.9]), upto=2),
    "other_side.emergence.two_proportion_z": lambda: dict(c1=np.array([10.0]), n1=np.array([100.0]),
                                                          c2=np.array([20.0]), n2=np.array([100.0])),
    "other_side.obsscaling.fit_link": lambda: dict(S=np.linspace(-2, 2, 12).reshape(-1, 1),
                                                   y=0.1 + 0.8 / (1 + np.exp(-2 * np.linspace(-2, 2, 12)))),
    "other_side.obsscaling.sigmoid_link": lambda: {"S": np.array([[0.0], [1.0]]), "*params": (2.0, 0.0, 0.1)},
    "other_side.emergence.params_label": lambda: dict(N=2.8e9),
    "progress.frontier.benchmark_trend": lambda: dict(benchmark="GPQA Diamond"),
    "progress.frontier.frontier_at": lambda: dict(year=2024.5),
    "progress.frontier.hinge_fit": lambda: dict(years=_YEARS, values=np.array([1.0, 2.0, 3.0, 3.5, 4.0]),
                                                break_year=2022.5),
    "progress.frontier.is_reasoning": lambda: dict(model_version="o3-2025-04-16_high"),
    "progress.frontier.load_benchmark": lambda: dict(benchmark="GPQA Diamond"),
    "progress.frontier.require_break": lambda: dict(break_date="2024-07-01"),
    "progress.frontier.running_frontier": lambda: dict(years=_YEARS, values=np.array([1.0, 3.0, 2.0, 4.0, 4.0])),
    "progress.frontier.grid_frontier": lambda: dict(years=_YEARS, values=np.array([1.0, 3.0, 2.0, 4.0, 4.0]),
                                                    start_year=float(_YEARS[0])),
    "progress.frontier.slope_ratio": lambda: dict(before=1.0, after=0.5),
    "progress.lifetimes.kaplan_meier": lambda: dict(durations=np.array([1.0, 2.0, 3.0]),
                                                    observed=np.array([True, False, True])),
    "progress.lifetimes.km_median": lambda: dict(durations=np.array([1.0, 2.0, 3.0]),
                                                 observed=np.array([True, False, True])),
    "progress.metr.doubling_days": lambda: dict(days=np.array([0.0, 365.0, 730.0]),
                                                minutes=np.array([1.0, 4.0, 16.0])),
    "scaling_laws.measured.best_by_budget": lambda: dict(C=np.array([1e18, 1e19, 1e20]), L=np.array([3.0, 2.7, 2.5]),
                                                         budgets=np.array([1e19, 1e20])),
    "scaling_laws.returns.compute_multiple_for_loss_ratio": lambda: dict(loss_ratio=0.9, alpha=0.05),
    "scaling_laws.returns.cumulative_best": lambda: dict(C_flop=np.array([1e18, 1e19, 1e20]),
                                                         loss=np.array([3.0, 2.7, 2.5]),
                                                         budgets=np.array([1e19, 1e20])),
    "scaling_laws.returns.kaplan_param_multiple": lambda: dict(compute_multiple=np.array([10.0, 100.0])),
    "scaling_laws.returns.decade_returns": lambda: dict(curve=_curve(), c0=1e21, n_decades=3),
    "scaling_laws.returns.decade_table": lambda: dict(result=_frontier_fits()),
    "scaling_laws.returns.fit_gain_sequence": lambda: dict(gains=np.array([0.3, 0.2, 0.15, 0.1])),
    "scaling_laws.returns.compute_frontier": lambda: dict(C_flop=np.geomspace(1e17, 1e21, 40),
                                                          loss=np.linspace(3.5, 2.4, 40)),
    "testtime.kim2025.accuracy_interval": lambda: dict(accuracy_pct=60.0),
    "testtime.kim2025.average_power_w": lambda: dict(energy_wh=0.3, latency_s=2.0),
    "testtime.kim2025.batched_energy_wh": lambda: dict(energy_wh_per_query=0.3, batching_gain=4.0),
    "testtime.kim2025.batching_gain_to_reach": lambda: dict(level=0.1, unbatched=0.3),
    "testtime.kim2025.break_even_price_usd_per_kwh": lambda: dict(budget_usd=1e6, energy_wh=1e9),
    "testtime.kim2025.energy_cost_usd": lambda: dict(energy_wh=1e9, usd_per_kwh=0.08),
    "testtime.kim2025.energy_wh_per_query": lambda: dict(model="70B", design="ShareGPT"),
    "testtime.kim2025.queries_per_day_for_power": lambda: dict(power_w=1e6, energy_wh_per_query=0.3),
    "testtime.kim2025.weekly_energy_cost_usd": lambda: dict(energy_wh_per_query=0.3, queries_per_day=1e9,
                                                            usd_per_kwh=0.08),
    "testtime.passk.coverage": lambda: dict(n=np.array([100.0, 100.0]), c=np.array([5.0, 50.0]),
                                            ks=np.array([1.0, 10.0, 50.0])),
    "testtime.sampling.crossover_inference_ratio": lambda: dict(size_ratio=10.0, k_needed=5.0),
    "testtime.sampling.fit_coverage_law": lambda: dict(ks=np.array([1.0, 10.0, 100.0, 1000.0]),
                                                       cov=np.array([0.2, 0.4, 0.6, 0.7])),
    "testtime.sampling.inference_flop": lambda: dict(n_params=7e10, samples=10.0, tokens_per_sample=500.0),
    "testtime.sampling.monkeys_models": lambda: dict(benchmark="MATH"),
    "testtime.sampling.pythia_flop_params": lambda: dict(model="Pythia 2.8B"),
    "testtime.sampling.samples_to_beat": lambda: dict(model="Pythia 2.8B", target=0.3),
    "testtime.sampling.total_matched_samples": lambda: dict(size_ratio=10.0, inference_ratio=2.0),
    "testtime.power_laws.fit_beta_binomial": lambda: dict(counts=np.array([0.0, 3.0, 40.0, 900.0]), n_samples=1000),
    "testtime.power_laws.beta_failure": lambda: dict(ks=np.array([1.0, 10.0, 100.0]), alpha=0.3, beta=10.0),
    "testtime.power_laws.law_exponent": lambda: dict(ks=np.array([1.0, 10.0, 100.0, 1000.0]),
                                                     cov=np.array([0.1, 0.25, 0.45, 0.6])),
    "testtime.power_laws.predicted_exponent": lambda: dict(alpha=0.3, beta=10.0),
    "testtime.kim2025.accuracy_gap_interval": lambda: dict(accuracy_a_pct=82.0, accuracy_b_pct=80.0),
    "testtime.reasoning_literature.search_scale_power_w": lambda: dict(gap=10.0),
    "scaling_laws.frontier_checks.decades_ahead": lambda: dict(fit_high_flop=1e22, target_flop=3.8e25),
    "testtime.verifiers.majority_vote_accuracy": lambda: dict(c=np.array([30.0, 60.0]), n=100,
                                                              k=5, dominant_wrong_share=0.5),
    "testtime.verifiers.require_verifier": lambda: dict(recall=0.9, fpr=0.05),
    "testtime.verifiers.verifier_fpr_for_share": lambda: dict(c=np.array([30.0, 60.0]), n=100,
                                                              k=5, share=0.5),
    # functions added on 2026-12-08
    "chinchilla.inference.chinchilla_lr_test": lambda: dict(null=_fit(), start=_fit()),
    "chinchilla.inference.likelihood_ratio_test": lambda: {**_runs(12), "null": _fit()},
    "chinchilla.inference.rule_check_power": lambda: dict(low=8.4, high=30.7, factor=1.5),
    "collapse.ngram.bigram_chain": lambda: dict(ids=np.array([0, 1, 2, 1, 0, 2, 2, 1]), n_types=3),
    "collapse.ngram.long_run": lambda: dict(chain=_chain(), start=np.array([0.5, 0.3, 0.2])),
    "collapse.ngram.truncate_rows": lambda: dict(chain=_chain(), top_p=0.9),
    "collapse.shares.share_where_floor_dominates": lambda: dict(n=2000.0, dim=20, n0=200),
    "collapse.shares.stock_share_from_flow": lambda: dict(flow_share=0.1, stock_growth=1.1, years=3.0),
    "collapse.shares.strong_collapse_error": lambda: dict(n=np.array([300.0, 3000.0]), share=0.1, dim=20, gap=0.1),
    "datawall.supply.exhaustion_from_usable": lambda: dict(restricted_share=0.1, quality="villalobos",
                                                           n_samples=1000),
    "datawall.supply.figure": lambda: dict(key="fineweb_tokens"),
    "datawall.supply.implied_tokens": lambda: dict(compute_flop=np.array([1e24, 1e25]), tokens_per_param=20.0),
    "datawall.supply.quality_share": lambda: dict(reading="dclm"),
    "economics.costs.server_cluster_usd": lambda: dict(model="GPT-4"),
    "economics.costs.server_overhead": lambda: dict(chip="NVIDIA A100 SXM4 40 GB"),
    "economics.costs.server_price_usd": lambda: dict(chip="NVIDIA A100 SXM4 40 GB"),
    "economics.inference_prices.record_setters": lambda: dict(models=_price_models()),
    "economics.updates.figure": lambda: dict(key="cottier_acquisition_gpt4_usd"),
    "economics.updates.read_at_source": lambda: dict(key="cottier_acquisition_gpt4_usd"),
    "other_side.pertoken.exact_match_exponent": lambda: dict(
        N=np.array([1e8, 1e9, 1e10]), num_correct=np.array([[1.0, 3.0, 6.0], [0.0, 2.0, 5.0], [2.0, 4.0, 8.0]]),
        num_samples=np.full((3, 3), 10.0), n_boot=20),
    "other_side.saturation.efficient_frontier": lambda: dict(log10_flop=np.array([20.0, 21.0, 22.0, 23.0]),
                                                             error=np.array([0.5, 0.4, 0.45, 0.3])),
    "other_side.saturation.halving_cost": lambda: dict(benchmark="arc_ai2_external"),
}


def _chain():
    from analysis.collapse.ngram import bigram_chain
    return bigram_chain(np.array([0, 1, 2, 1, 0, 2, 2, 1]), 3)


@lru_cache(maxsize=None)
def _price_models():
    from analysis.economics.inference_prices import all_models
    return all_models()


def _runs(n: int) -> dict:
    rng = np.random.default_rng(0)
    N = np.geomspace(1e8, 1e10, n)
    D = np.geomspace(1e9, 1e11, n)[rng.permutation(n)]
    loss = 1.7 + 400 / N**0.34 + 410 / D**0.28
    return dict(N=N, D=D, loss=loss)


def _starts() -> np.ndarray:
    from analysis.chinchilla.refit import start_grid
    return start_grid()[::500]


def _isoflop_runs() -> dict:
    N = np.repeat(np.geomspace(1e8, 1e10, 7), 3)
    C = np.tile([1e19, 1e20, 1e21], 7)
    D = C / (6 * N)
    loss = 1.7 + 400 / N**0.34 + 410 / D**0.28
    return dict(N=N, D=D, loss=loss, C_flop=C, budgets=(1e19, 1e20, 1e21))


#: Parameters whose good value is 2-D by design (a 2-D argument is not a bad value there).
TWO_D = {"chinchilla.refit.huber_objective.theta", "other_side.obsscaling.fit_link.S", "other_side.obsscaling.sigmoid_link.S",
         "other_side.emergence.metric_values.num_correct", "other_side.emergence.metric_values.num_samples",
         "collapse.vocab.weighted_sum.weights", "collapse.vocab.weighted_sum.values",
         "other_side.pertoken.exact_match_exponent.num_correct", "other_side.pertoken.exact_match_exponent.num_samples"}


# --- What is fuzzed ---------------------------------------------------------------------------------

@dataclass
class Target:
    module: str
    name: str
    func: object
    required: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.module}.{self.name}"


def _signature(func) -> inspect.Signature:
    return inspect.signature(getattr(func, "__wrapped__", func))


def _required(module: str, name: str, func) -> dict | None:
    """Valid arguments of the required parameters, or None when no example is known."""
    key = f"{module}.{name}"
    if key in CALLS:
        return CALLS[key]
    out = {}
    for p in _signature(func).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.default is not p.empty:
            continue
        if p.name not in EXAMPLES:
            return None
        out[p.name] = EXAMPLES[p.name]
    return out


def targets() -> tuple[list[Target], list[str]]:
    reached, unreached = [], []
    for module, name, func in public_functions():
        key = f"{module}.{name}"
        if module in CHECKERS or key in NOT_FUZZED:
            continue
        if not any(p.kind != p.VAR_KEYWORD for p in _signature(func).parameters.values()):
            continue  # nothing to pass
        required = _required(module, name, func)
        if required is None:
            unreached.append(key)
            continue
        reached.append(Target(module, name, func, required))
    return reached, unreached


TARGETS, UNREACHED = targets()


# --- Kinds of parameters and their bad values --------------------------------------------------------

NUMBER, INT, SIZE, SEED, ARRAY, DATE_KIND, DATES, NAME, NAMES, FRAME, OBJECT, OBJECTS, MAPPING, BOOL = (
    "number", "int", "size", "seed", "array", "date", "dates", "name", "names", "frame", "object", "objects",
    "mapping", "bool")


def _is_number(v) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))


def kind_of(name: str, good, annotation: str) -> str | None:
    """The kind of a parameter from its good value (and its annotation when the value is None)."""
    if good is None:
        if "float" in annotation:
            return NUMBER
        return None
    if isinstance(good, (bool, np.bool_)) or annotation == "bool":
        return BOOL
    if name == "seed":
        return SEED
    if isinstance(good, (int, np.integer)) and "float" not in annotation:
        return SIZE if SIZE_NAME.match(name) else INT
    if _is_number(good):
        return NUMBER
    if isinstance(good, np.ndarray) and good.dtype.kind in "fiu":
        return ARRAY
    if isinstance(good, (list, tuple)) and good and all(_is_number(v) for v in good):
        return ARRAY
    if isinstance(good, str):
        return DATE_KIND if DATE.match(good) else NAME
    if isinstance(good, (list, tuple)) and good and all(isinstance(v, str) for v in good):
        return DATES if all(DATE.match(v) for v in good) else NAMES
    if isinstance(good, pd.DataFrame):
        return FRAME
    if dataclasses.is_dataclass(good) and not isinstance(good, type):
        return OBJECT
    if isinstance(good, tuple) and good and all(dataclasses.is_dataclass(v) for v in good):
        return OBJECTS
    if isinstance(good, dict) and good:
        return MAPPING
    return None


@dataclass(frozen=True)
class _Other:
    """A result of the wrong type (where a fit or another result is wanted)."""

    value: float = 1.0


@dataclass(frozen=True)
class Bad:
    label: str
    value: object
    strict: bool


def _nonfinite(draw):
    return draw(st.sampled_from([math.nan, math.inf, -math.inf]))


def _text(draw):
    # not a date: a parameter in decimal years takes a date string too (``decimal_years``), by design
    return draw(st.sampled_from(["", "abc", "1e3", "nan", " "]))


def bad_values(kind: str, good, draw, *, optional: bool, two_d_ok: bool, partners: int,
               star: bool = False) -> list[Bad]:
    """Bad values of one parameter of ``kind`` whose good value is ``good``; ``partners`` counts the other
    array arguments of the same length (a shorter array is then a mismatched length); ``star`` marks the
    values of a ``*parameter`` (a tuple of items)."""
    out = []
    if not optional:
        out.append(Bad("None", None, True))
    if kind in (NUMBER, INT, SIZE, SEED):
        out += [Bad("bool", draw(st.booleans()), True), Bad("string", _text(draw), True), Bad("dict", {}, True)]
    if kind == NUMBER:
        out += [Bad("nonfinite", _nonfinite(draw), True),
                Bad("zero", 0.0, False), Bad("negative", -draw(st.floats(1e-9, 1e9)), False)]
        if not isinstance(good, np.ndarray):
            out.append(Bad("huge", draw(st.sampled_from([1e300, 1e30, 1e15])), False))
    if kind in (INT, SIZE, SEED):
        out += [Bad("fraction", draw(st.floats(0.01, 1e6).filter(lambda v: not float(v).is_integer())), True),
                Bad("nan", math.nan, True)]
    if kind == INT:
        out += [Bad("overflow", draw(st.integers(10**19, 10**40)), True), Bad("zero", 0, False),
                Bad("negative", -draw(st.integers(1, 10**6)), False), Bad("large", 10**12, False)]
    if kind == SIZE:
        out += [Bad("overflow", draw(st.integers(10**12, 10**40)), True),
                Bad("negative", -draw(st.integers(1, 10**6)), True), Bad("zero", 0, False)]
    if kind == SEED:
        out += [Bad("negative", -draw(st.integers(1, 10**6)), True)]
    if kind == ARRAY:
        arr = np.asarray(good, dtype=float)
        flat = arr.ravel()
        out += [Bad("empty", np.array([], dtype=float), True), Bad("string", _text(draw), True), Bad("dict", {}, True),
                Bad("strings", np.array(["a"] * max(flat.size, 1)), True)]
        if flat.size:
            i = draw(st.integers(0, flat.size - 1))
            holed = flat.copy()
            holed[i] = _nonfinite(draw)
            out.append(Bad("nonfinite-in-array", holed.reshape(arr.shape), True))
            zeroed = flat.copy()
            zeroed[i] = draw(st.sampled_from([0.0, -1.0, -1e9]))
            out.append(Bad("nonpositive-in-array", zeroed.reshape(arr.shape), False))
            out.append(Bad("all-equal", np.full(arr.shape, flat[i]), False))
            out.append(Bad("one-point", flat[i:i + 1], False))
        if not two_d_ok:
            out.append(Bad("2-D", np.stack([arr, arr]) if arr.ndim else np.full((2, 2), float(arr)), True))
        if partners and arr.ndim == 1 and arr.size >= 2:
            out.append(Bad("mismatched-length", arr[:-1], True))
    if kind == DATE_KIND:
        year = draw(st.sampled_from([1800, 1066, 2300, 2999]))
        out += [Bad("date-out-of-range", f"{year}-01-01", True), Bad("not-a-date", draw(
                    st.sampled_from(["not a date", "2024-13-45", "yesterday"])), True),
                Bad("number", 20240701, True)]
    if kind == DATES:
        year = draw(st.sampled_from([1800, 2300]))
        out += [Bad("dates-out-of-range", [f"{year}-01-01"] * len(good), True),
                Bad("not-dates", ["not a date"] * len(good), True)]
        if partners and len(good) >= 2:
            out.append(Bad("mismatched-length", list(good)[:-1], True))
    if kind == NAME:
        out += [Bad("unknown-name", draw(st.sampled_from(["no such name", good + " ", good.upper() + "?",
                                                           "\u00e9"])), True),
                Bad("number", draw(st.sampled_from([3, 2.5])), True)]
    if kind == NAMES:
        out += [Bad("unknown-names", ("no such name",), True), Bad("number", 3, True), Bad("empty", (), False)]
    if kind == FRAME:
        out += [Bad("string", "abc", True), Bad("dict", {}, True), Bad("empty-frame", good.iloc[:0], False)]
    if kind == OBJECT:
        out += [Bad("string", "abc", True), Bad("dict", {}, True), Bad("wrong-type", _Other(), True),
                Bad("number", 1.5, True)]
    if kind == OBJECTS and star:  # the values of a *parameter: bad items only
        out = [Bad("string", ("abc",), True), Bad("None", (None,), True), Bad("wrong-items", (_Other(),), True)]
    elif kind == OBJECTS:
        out += [Bad("string", "abc", True), Bad("wrong-items", (_Other(),), True), Bad("empty", (), False)]
    if kind == MAPPING:
        out += [Bad("string", "abc", True), Bad("wrong-items", {"x": _Other()}, True), Bad("empty", {}, False)]
    if kind == BOOL:
        out += [Bad("string", draw(st.sampled_from(["yes", "False", ""])), True),
                Bad("number", draw(st.sampled_from([2, 0.5])), True)]
    return out


# --- Running one call --------------------------------------------------------------------------------

class _Slow(Exception):
    pass


def _alarm(signum, frame):
    raise _Slow()


#: A bad value must be refused within this time (before the work).
STRICT_SECONDS = 5
#: A value that may be valid (zero, all-equal, one point) may start the work: a call still working after this
#: time is stopped and counted as accepted (the chapter tests time the work itself).
WEAK_SECONDS = 2


def _call(func, kwargs: dict, seconds: int):
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return "ok", _invoke(func, kwargs)
    except _Slow:
        return "slow", None
    except ValueError as err:
        return "ValueError", err
    except Exception as err:  # noqa: BLE001 - a foreign error is what this test is after
        return "other", err
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _invoke(func, kwargs: dict):
    """Call ``func`` with ``kwargs``; a ``"*name"`` entry holds the values of a ``*name`` parameter (the parameters
    before it are then passed by position)."""
    star = next((k for k in kwargs if k.startswith("*")), None)
    if star is None:
        return func(**kwargs)
    rest = {k: v for k, v in kwargs.items() if k != star}
    names = [p.name for p in _signature(func).parameters.values() if p.kind == p.POSITIONAL_OR_KEYWORD]
    return func(*[rest.pop(n) for n in names if n in rest], *kwargs[star], **rest)


def _finite(value, depth: int = 0) -> bool:
    """False if a result holds a NaN or an infinity anywhere a reader would read a number."""
    if depth > 4:
        return True
    if isinstance(value, (bool, np.bool_, str)) or value is None:
        return True
    if _is_number(value):
        return bool(np.isfinite(value))
    if isinstance(value, np.ndarray):
        return value.dtype.kind not in "fc" or bool(np.isfinite(value).all())
    if isinstance(value, pd.DataFrame):
        num = value.select_dtypes("number")
        return bool(np.isfinite(num.to_numpy(float)).all()) if num.size else True
    if isinstance(value, pd.Series):
        return value.dtype.kind not in "fc" or bool(np.isfinite(value.to_numpy(float)).all())
    if isinstance(value, dict):
        return all(_finite(v, depth + 1) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(_finite(v, depth + 1) for v in value[:1000])
    if dataclasses.is_dataclass(value):
        return all(_finite(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value))
    return True


_BASE: dict[str, object] = {}
#: Functions whose work a value that may be valid has already started (their other such values are skipped).
_HEAVY: set[str] = set()


def _base_is_finite(target: Target, kwargs: dict) -> bool:
    if target.id not in _BASE:
        outcome, result = _call(target.func, kwargs, 60)
        _BASE[target.id] = outcome == "ok" and _finite(result)
    return _BASE[target.id]


def _names(text: str, names) -> list[str]:
    return [n for n in names if re.search(rf"(?<![\w.]){re.escape(n)}\b", text)]


def judge(target: Target, base: dict, param: str, bad: Bad) -> str | None:
    """None when the call treats the bad value as it should; else what went wrong."""
    if not bad.strict and target.id in _HEAVY:
        return None
    if any(bad.value is v or (_is_number(bad.value) and bad.value == v) for v in ALLOWED.get(f"{target.id}.{param}", ())):
        return None
    kwargs = {**base, param: bad.value}
    outcome, result = _call(target.func, kwargs, STRICT_SECONDS if bad.strict else WEAK_SECONDS)
    params = [p for p in _signature(target.func).parameters]
    if outcome == "slow":
        if bad.strict:
            return f"no answer within {STRICT_SECONDS} s (work before the check)"
        _HEAVY.add(target.id)  # valid-looking values start the work: its other such values would too
        return None
    if outcome == "other":
        return f"{type(result).__name__}: {str(result)[:110]}"
    if outcome == "ValueError":
        named = _names(str(result), params)
        if param.lstrip("*") in named or bad.label == "huge":
            return None  # a huge value may overflow anywhere: a ValueError is enough (no crash, no hang)
        if bad.strict:
            return f"ValueError without the parameter's name: {str(result)[:110]}"
        return None if named else f"ValueError naming no parameter: {str(result)[:110]}"
    if bad.label == "2-D" and _elementwise(result, bad.value):
        return None  # a vectorised function maps a 2-D argument element by element: not a bad value there
    if bad.strict:
        return "accepted"
    if bad.label != "huge" and not _finite(result) and target.id not in NAN_BY_DESIGN \
            and _base_is_finite(target, base):
        return "accepted with a NaN or infinite result"
    return None


def _elementwise(result, arg) -> bool:
    first = result[0] if isinstance(result, tuple) and result else result
    return isinstance(first, np.ndarray) and first.shape == np.shape(arg)


def _materialise(target: Target) -> dict:
    req = target.required
    return dict(req() if callable(req) else req)


def _parameters(target: Target, base: dict):
    """(name, kind, good value, optional, 2-D allowed) of each parameter that can be fuzzed."""
    sig = _signature(target.func)
    out = []
    for p in sig.parameters.values():
        if p.kind == p.VAR_POSITIONAL and f"*{p.name}" in base:  # its values, as one tuple of items
            out.append((f"*{p.name}", OBJECTS, base[f"*{p.name}"], False, False))
            continue
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD, p.POSITIONAL_ONLY):
            continue
        good = base.get(p.name, p.default)
        annotation = str(p.annotation) if p.annotation is not p.empty else ""
        kind = kind_of(p.name, good, annotation)
        if kind is None or f"{target.id}.{p.name}" in FREE_PARAMETERS:
            continue
        optional = p.default is None or "None" in annotation
        out.append((p.name, kind, good, optional, f"{target.id}.{p.name}" in TWO_D))
    return out


def _partners(params, name, good) -> int:
    size = np.size(good)
    return sum(1 for n, k, g, *_ in params
               if n != name and k in (ARRAY, DATES) and np.ndim(g) == 1 and np.size(g) == size)


def fuzz(target: Target, max_examples: int = 3) -> dict[str, str]:
    """Failures of one function: case id -> what went wrong (the first drawn value that showed it)."""
    base = _materialise(target)
    params = _parameters(target, base)
    failures: dict[str, str] = {}

    @settings(max_examples=max_examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def run(data):
        for name, kind, good, optional, two_d in params:
            for bad in bad_values(kind, good, data.draw, optional=optional, two_d_ok=two_d,
                                  partners=_partners(params, name, good), star=name.startswith("*")):
                case = f"{target.id}({name}={bad.label})"
                if case in failures:
                    continue
                problem = judge(target, base, name, bad)
                if problem:
                    failures[case] = f"{problem} [value {bad.value!r:.60}]"

    run()
    return failures


# --- The tests ---------------------------------------------------------------------------------------

def test_every_public_function_is_reached():
    assert not UNREACHED, ("public functions the fuzz cannot call (add an example to CALLS): "
                           + ", ".join(UNREACHED))
    assert len(TARGETS) >= 250, len(TARGETS)


@pytest.mark.parametrize("target", TARGETS, ids=[t.id for t in TARGETS])
def test_bad_values_are_refused_by_name(target):
    """No known gaps here: a bad call this test finds is fixed in the function, not listed."""
    failures = fuzz(target)
    assert not failures, (f"{len(failures)} bad calls of analysis.{target.id}:\n"
                          + "\n".join(f"{c}: {f}" for c, f in failures.items()))


if __name__ == "__main__":  # print every failure (python tests/test_fuzz_property.py [module-prefix])
    import sys
    import time
    prefix = sys.argv[1] if len(sys.argv) > 1 else ""
    t0, n_fail = time.time(), 0
    for t in TARGETS:
        if not t.id.startswith(prefix):
            continue
        for case, problem in fuzz(t).items():
            n_fail += 1
            print(f"{case}  # {problem}")
    print(f"# {len(TARGETS)} functions, {n_fail} failures, unreached {UNREACHED}, {time.time() - t0:.0f} s",
          file=sys.stderr)
