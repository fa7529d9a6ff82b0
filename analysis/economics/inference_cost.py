"""Serving costs: FLOP and memory traffic per query (attention and KV cache included), energy and money
per query and per week, with the FLOP utilisation calibrated to a published production measurement.

Per-token forward FLOP follow Kaplan et al. (2020, Table 1): ``2 N + 2 n_layer n_ctx d_attn``; the second
term, attention over the context, grows with the length of the trace. Generating a token also reads the
model's weights (shared by the batch) and the sequence's KV cache (``2 n_layer d_kv`` values per earlier
token, not shared): for long reasoning traces the KV reads dominate the memory traffic.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from analysis.economics.costs import DEFAULT_COSTS, CostAssumptions
from analysis.economics.datasets import HOURS_PER_YEAR, _hardware_table
from analysis.house.data import in_world
from analysis.house.validation import (checked_cache, require_in_range, require_instance, require_int, require_positive,
                                       require_positive_number)

H100 = "NVIDIA H100 SXM5 80GB"

#: GPT-3 175B's shape (Brown et al. 2020, Table 2.1: 96 layers, d_model = 12,288), used as the shape of an
#: illustrative ~200B-parameter dense model (bibtex ``brown2020language``).
GPT3_LAYERS = 96
GPT3_D_MODEL = 12_288
BYTES_PER_VALUE = 2  # 16-bit weights and KV cache


@dataclass(frozen=True)
class InferenceScenario:
    """A serving workload (our assumptions, stated).

    Attributes
    ----------
    name : str
    active_params : float
        Parameters used per token (2 FLOP each per token).
    tokens_per_query : float
        Tokens generated (or processed) per query; the context grows from 0 to this length.
    n_layers, d_attn : int
        Depth and attention width (Kaplan et al.'s ``n_layer`` and ``d_attn``).
    kv_dim : int
        Width of the keys (and of the values) cached per layer: ``d_attn`` for full multi-head attention;
        grouped-query attention caches fewer (e.g. ``d_attn / 8``).
    batch : int
        Sequences decoded together (they share each read of the weights).
    utilization : float or None
        FLOP utilisation while serving; None means "calibrated" (:func:`calibrated_utilization`).
    """

    name: str
    active_params: float
    tokens_per_query: float
    n_layers: int = GPT3_LAYERS
    d_attn: int = GPT3_D_MODEL
    kv_dim: int = GPT3_D_MODEL
    batch: int = 64
    utilization: float | None = None

    def __post_init__(self) -> None:
        require_positive("active_params", self.active_params)
        require_positive("tokens_per_query", self.tokens_per_query)
        for name in ("n_layers", "d_attn", "kv_dim", "batch"):
            require_int(name, getattr(self, name), minimum=1)
        if self.utilization is not None:
            require_in_range("utilization", self.utilization, 0.0, 1.0, inclusive=False)


#: Median energy per query (Wh) of a frontier-scale model (>200B parameters) on H100 nodes at production
#: scale, for a typical query and for a test-time-scaling query with 15x the tokens: Oviedo et al. (2025),
#: arXiv:2509.20241v1, abstract (bibtex ``oviedo2025energy``). The typical figure calibrates the utilisation.
OVIEDO_WH_PER_QUERY = {"typical": 0.34, "test-time scaling": 4.32}

#: Two illustrative workloads (our assumptions): a chat answer and a reasoning/agent answer with 15x the
#: tokens (the ratio Oviedo et al. 2025 use for test-time scaling).
CHAT = InferenceScenario("chat", active_params=2e11, tokens_per_query=1_000)
REASONING = InferenceScenario("reasoning", active_params=2e11, tokens_per_query=15_000)


def _scenario(scenario) -> InferenceScenario:
    return require_instance("scenario", scenario, InferenceScenario)


def _assumptions(assumptions) -> CostAssumptions:
    return require_instance("assumptions", assumptions, CostAssumptions)


def flop_per_query(scenario: InferenceScenario) -> float:
    """Forward FLOP of a query whose context grows from 0 to ``T = tokens_per_query``: the sum over tokens
    of ``2N + 2 n_layer t d_attn`` (Kaplan et al. 2020, Table 1), i.e. ``2NT + n_layer d_attn T (T - 1)``."""
    t = float(_scenario(scenario).tokens_per_query)
    return 2.0 * scenario.active_params * t + scenario.n_layers * scenario.d_attn * t * (t - 1.0)


def attention_flop_share(scenario: InferenceScenario) -> float:
    """Share of a query's FLOP spent on attention over the context (0 for a one-token query)."""
    _scenario(scenario)
    dense = 2.0 * scenario.active_params * scenario.tokens_per_query
    total = flop_per_query(scenario)
    return 1.0 - dense / total


@dataclass(frozen=True)
class MemoryTraffic:
    """Bytes read from memory per query while decoding (per sequence of the batch).

    ``weights_bytes``: the weights, read once per decoding step and shared by the batch;
    ``kv_bytes``: the sequence's KV cache, read in full at every step; ``kv_share``: its share of the total.
    """

    weights_bytes: float
    kv_bytes: float
    kv_share: float


def memory_traffic(scenario: InferenceScenario) -> MemoryTraffic:
    """Memory reads of one query: ``T * 2 bytes * N / batch`` for the weights and ``sum_t 2 n_layer kv_dim t``
    values of 2 bytes for the KV cache (keys and values of every earlier token, every layer)."""
    t = float(_scenario(scenario).tokens_per_query)
    weights = t * BYTES_PER_VALUE * scenario.active_params / scenario.batch
    kv = BYTES_PER_VALUE * 2.0 * scenario.n_layers * scenario.kv_dim * t * (t - 1.0) / 2.0
    return MemoryTraffic(weights, kv, kv / (weights + kv))


def h100_specs() -> tuple[float, float, float, float]:
    """H100 SXM figures from the Epoch tables: (peak 16-bit FLOP/s, median price in 2023 USD, TDP in W,
    memory bandwidth in byte/s)."""
    hw = _hardware_table()
    sel = hw[hw["Hardware model"] == H100]
    if sel.empty:
        raise ValueError(f"the hardware tables hold no purchase price for {H100}")
    return (float(sel["peak_flops"].iloc[0]), float(sel["price_usd_2023"].median()), float(sel["TDP (W)"].iloc[0]),
            float(sel["Memory bandwidth (byte/s)"].iloc[0]))


def _wh(flop: float, utilization: float, assumptions: CostAssumptions) -> float:
    peak, _, tdp, _ = h100_specs()
    return flop / (peak * utilization) / 3600.0 * tdp * assumptions.pue


def oviedo_wh_per_query() -> dict[str, float]:
    """Oviedo et al.'s medians (:data:`OVIEDO_WH_PER_QUERY`) as the active counterfactual world has them
    (source name ``"oviedo2025_wh_per_query"``; see :func:`analysis.house.data.world`)."""
    return dict(in_world(OVIEDO_SOURCE, dict(OVIEDO_WH_PER_QUERY)))


#: The name under which a counterfactual world may transform Oviedo et al.'s measurements.
OVIEDO_SOURCE = "oviedo2025_wh_per_query"


@checked_cache(maxsize=8)
def calibrated_utilization(target_wh: float | None = None,
                           scenario: InferenceScenario = CHAT,
                           assumptions: CostAssumptions = DEFAULT_COSTS) -> float:
    """The FLOP utilisation at which our energy estimate of ``scenario`` equals ``target_wh`` per query
    (default, None: Oviedo et al.'s production median for a typical query, :func:`oviedo_wh_per_query`): it
    folds batching, idle time and memory stalls of a real fleet into one number."""
    target = float(require_positive("target_wh", oviedo_wh_per_query()["typical"] if target_wh is None else target_wh))
    _scenario(scenario)
    _assumptions(assumptions)
    u = _wh(flop_per_query(scenario), 1.0, assumptions) / target
    if not 0 < u < 1:
        raise ValueError(f"target_wh={target_wh} implies a utilisation of {u:.3g}, outside (0, 1)")
    return float(u)


@dataclass(frozen=True)
class InferenceCost:
    """Per-query and fleet figures of a serving scenario.

    Attributes
    ----------
    flop_per_query, chip_seconds_per_query, wh_per_query : float
    utilization : float
        The FLOP utilisation used (calibrated unless the scenario sets one).
    attention_share : float
        Share of the FLOP spent on attention.
    usd_per_million_tokens : float
        Amortised hardware plus electricity.
    fleet_power_mw : float
        Average electrical power at ``queries_per_day``.
    energy_usd_per_week, hardware_usd_per_week : float
    queries_per_day : float
    """

    scenario: InferenceScenario
    flop_per_query: float
    chip_seconds_per_query: float
    wh_per_query: float
    utilization: float
    attention_share: float
    usd_per_million_tokens: float
    fleet_power_mw: float
    energy_usd_per_week: float
    hardware_usd_per_week: float
    queries_per_day: float

    @property
    def total_usd_per_week(self) -> float:
        return self.energy_usd_per_week + self.hardware_usd_per_week


def inference_cost(scenario: InferenceScenario, *, queries_per_day: float = 1e9,
                   assumptions: CostAssumptions = DEFAULT_COSTS, wh_per_query: float | None = None) -> InferenceCost:
    """Cost and energy of serving ``scenario`` on H100s at ``queries_per_day``.

    Chip time = :func:`flop_per_query` / (peak x utilisation); energy = chip time x TDP x PUE, unless
    ``wh_per_query`` (a measured per-query energy, Wh) is given, which then replaces the energy estimate
    (the hardware estimate stays FLOP-based).
    """
    q = require_positive_number("queries_per_day", queries_per_day)
    _scenario(scenario)
    _assumptions(assumptions)
    peak, price, tdp, _ = h100_specs()
    u = scenario.utilization if scenario.utilization is not None else calibrated_utilization(assumptions=assumptions)
    flop = flop_per_query(scenario)
    seconds = flop / (peak * u)
    wh = seconds / 3600.0 * tdp * assumptions.pue if wh_per_query is None else float(require_positive("wh_per_query", wh_per_query))
    hourly_hw = price * assumptions.cluster_overhead / (assumptions.lifetime_years * HOURS_PER_YEAR)
    usd_per_query = seconds / 3600.0 * hourly_hw + wh / 1000.0 * assumptions.usd_per_kwh
    week = 7.0 * q
    return InferenceCost(
        scenario, flop, seconds, wh, float(u), attention_flop_share(scenario),
        usd_per_query / scenario.tokens_per_query * 1e6,
        fleet_power_mw=wh * q / 24.0 / 1e6,
        energy_usd_per_week=week * wh / 1000.0 * assumptions.usd_per_kwh,
        hardware_usd_per_week=week * seconds / 3600.0 * hourly_hw,
        queries_per_day=q,
    )


def with_utilization(scenario: InferenceScenario, utilization: float) -> InferenceScenario:
    """A copy of ``scenario`` at a fixed FLOP utilisation (for sensitivity runs)."""
    return replace(_scenario(scenario), utilization=float(require_in_range("utilization", utilization, 0.0, 1.0, inclusive=False)))


def decode_seconds_per_token(scenario: InferenceScenario, context_tokens: float) -> float:
    """Memory-bound time (s) to generate one token per sequence at ``context_tokens`` of context on one
    H100: (weights / batch + this sequence's KV cache) / memory bandwidth. A lower bound on latency per
    token for a model that fits on the chip; a larger model read from several chips in parallel is
    proportionally faster per chip but the same per byte."""
    ctx = require_positive_number("context_tokens", context_tokens)
    _scenario(scenario)
    _, _, _, bandwidth = h100_specs()
    weights = BYTES_PER_VALUE * scenario.active_params / scenario.batch
    kv = BYTES_PER_VALUE * 2.0 * scenario.n_layers * scenario.kv_dim * ctx
    return (weights + kv) / bandwidth


def kim_weekly_energy_usd(design: str, *, model: str = "70B", queries_per_day: float = 1e9,
                          assumptions: CostAssumptions = DEFAULT_COSTS) -> tuple[float, float]:
    """Weekly electricity bill (USD) at ``queries_per_day`` with Kim et al. (2025)'s measured GPU energy per
    query (imported from :mod:`analysis.testtime.sampling`), times the PUE for the rest of the data centre.
    Returns (Wh per query including PUE, USD per week)."""
    from analysis.testtime.kim2025 import energy_wh_per_query

    q = require_positive_number("queries_per_day", queries_per_day)
    wh = float(energy_wh_per_query(model, design)) * _assumptions(assumptions).pue
    return wh, 7.0 * q * wh / 1000.0 * assumptions.usd_per_kwh
