"""Kim et al. (2025), "The Cost of Dynamic Reasoning" (bibtex ``kim2025dynamicreasoning``): their tables as
cited constants, and the fleet model that turns energy per query into power, daily energy and cost.

Every energy here is Kim et al.'s measurement of **one request served alone** (Table III: "servicing a
single agent request"). A serving fleet batches many requests on each GPU, which raises throughput at
roughly the same power, so energy per query falls; multiplying single-request energies by search-scale
traffic gives an upper bound, not an estimate. :func:`batched_energy_wh` is the what-if: energy per query
divided by an assumed batching gain (the paper gives none for its agents), and
:func:`batching_gain_to_reach` the gain at which a fleet figure would fall to a given level.

Units are in the names: ``_wh`` watt-hours, ``_w`` watts, ``_s`` seconds, ``_usd`` US dollars,
``_per_kwh`` per kilowatt-hour, ``_pct`` percent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from analysis.house.validation import (MAX_SIZE, require_choice, require_in_range, require_instance, require_int,
                                       require_nonnegative, require_positive, require_vector)

HOURS_PER_DAY = 24.0
DAYS_PER_WEEK = 7

@dataclass(frozen=True)
class KimRow:
    """One row of Kim et al. (2025) Table III: a single request on HotpotQA served on A100 GPUs.

    Attributes
    ----------
    model : str
        Backend LLM, ``"8B"`` or ``"70B"`` (Llama-3.1-Instruct).
    design : str
        ``"ShareGPT"`` (single-turn chat baseline), ``"Reflexion"`` (sequential scaling) or ``"LATS"``
        (tree search, parallel scaling); the agents' highest-accuracy configurations.
    accuracy_pct : float or None
        HotpotQA exact-match accuracy (%); the chat baseline has none.
    latency_s : float
        End-to-end latency of one request (s).
    energy_wh : float
        GPU energy of one request (Wh/query); GPU only, no CPU, memory, network or cooling.
    gpus : int
        A100 40GB GPUs serving the model (1 for 8B, 8 for 70B; the paper's Section III).
    """

    model: str
    design: str
    accuracy_pct: float | None
    latency_s: float
    energy_wh: float
    gpus: int


#: Kim et al. (2025), arXiv:2506.04301 v2 (bibtex ``kim2025dynamicreasoning``), Table III: "Accuracy,
#: latency, and GPU energy consumption when servicing a single agent request on HotpotQA."
KIM_TABLE_III = (
    KimRow("8B", "ShareGPT", None, 4.23, 0.32, 1),
    KimRow("8B", "Reflexion", 38.0, 649.34, 41.53, 1),
    KimRow("8B", "LATS", 80.0, 380.90, 22.76, 1),
    KimRow("70B", "ShareGPT", None, 6.40, 2.55, 8),
    KimRow("70B", "Reflexion", 67.0, 720.00, 348.41, 8),
    KimRow("70B", "LATS", 82.0, 305.67, 158.48, 8),
)
KIM_MODELS = ("8B", "70B")
KIM_DESIGNS = ("ShareGPT", "Reflexion", "LATS")

#: Kim et al. (2025) Table IV traffic levels (queries/day): ChatGPT's conservative daily active users
#: (71.4 million, one agentic query each) and Google Search (13.7 billion).
KIM_TRAFFIC_TODAY = 71.4e6
KIM_TRAFFIC_SEARCH = 13.7e9

#: Kim et al. (2025) Table IV, datacenter-wide power (W) as printed (rounded to one decimal of M or G):
#: (model, design) -> (power at 71.4 M queries/day, power at 13.7 B queries/day).
KIM_TABLE_IV = {
    ("8B", "ShareGPT"): (1.0e6, 182.7e6),
    ("8B", "Reflexion"): (123.6e6, 23.7e9),
    ("8B", "LATS"): (67.7e6, 13.0e9),
    ("70B", "ShareGPT"): (7.6e6, 1.5e9),
    ("70B", "Reflexion"): (1.0e9, 198.9e9),
    ("70B", "LATS"): (471.5e6, 90.5e9),
}


@dataclass(frozen=True)
class KimSequentialScaling:
    """Kim et al. (2025) Section V-B, Figure 16(a): Reflexion on HotpotQA with the 8B model (default
    backend), raising the maximum number of reflection steps.

    A first step from ``early_from_s`` to ``early_to_s`` of latency gains ``gain_pct`` accuracy; the same
    gain from ``late_from_s`` needs ``late_extra_s`` more seconds; the paper calls the ratio of the two
    latency increases ``stated_ratio`` times "higher cost for the same marginal gain". The paper gives no
    energy for these design points: its cost measure here is latency (the claims infer energy from Table III's
    near-constant average power instead).
    """

    early_from_s: float = 16.9
    early_to_s: float = 25.6
    late_from_s: float = 56.0
    late_extra_s: float = 269.5
    gain_pct: float = 4.0
    stated_ratio: float = 31.0


KIM_SEQUENTIAL = KimSequentialScaling()

#: Kim et al. (2025) Section V: "To assess each design point, we used a benchmark of 50 sample questions."
KIM_QUESTIONS_PER_DESIGN_POINT = 50
#: Kim et al. (2025) Section VI: daily GPU energy of Reflexion at 71.4 M queries/day (Wh/day), and the
#: daily electricity use of Seattle and its surrounding area they compare it with (24.8 GWh).
KIM_DAILY_REFLEXION_WH = {"8B": 2.97e9, "70B": 24.89e9}
KIM_SEATTLE_DAILY_WH = 24.8e9
#: Kim et al. (2025) Section VI: average load of the entire US grid (W), 4,178e3 GWh / 8760 h.
KIM_US_GRID_AVERAGE_W = 476.9e9
#: Kim et al. (2025) Section V-B, Figure 16(c): LATS going from 1 to 16 child nodes per expansion gains
#: 14.4 accuracy points while cutting average latency by 196.3 s.
KIM_LATS_PARALLEL_GAIN_PCT = 14.4
KIM_LATS_PARALLEL_LATENCY_CUT_S = 196.3


def kim_table_iii() -> pd.DataFrame:
    """Kim et al.'s Table III as a DataFrame (columns of :class:`KimRow`, plus the ratios to the chat
    baseline of the same model, which the paper prints in parentheses)."""
    frame = pd.DataFrame([r.__dict__ for r in KIM_TABLE_III])
    base = frame[frame["design"] == "ShareGPT"].set_index("model")
    frame["latency_ratio"] = frame["latency_s"] / frame["model"].map(base["latency_s"])
    frame["energy_ratio"] = frame["energy_wh"] / frame["model"].map(base["energy_wh"])
    frame["average_power_w"] = average_power_w(frame["energy_wh"].to_numpy(), frame["latency_s"].to_numpy())
    return frame


def _kim_row(model: str, design: str) -> KimRow:
    require_choice("model", model, KIM_MODELS)
    require_choice("design", design, KIM_DESIGNS)
    return next(r for r in KIM_TABLE_III if r.model == model and r.design == design)


def energy_wh_per_query(model: str, design: str) -> float:
    """GPU energy of one HotpotQA request (Wh/query) from Kim et al. (2025) Table III.

    Parameters
    ----------
    model : {"8B", "70B"}
        Llama-3.1-Instruct backend.
    design : {"ShareGPT", "Reflexion", "LATS"}
        Single-turn chat baseline or one of the two agents.
    """
    return _kim_row(model, design).energy_wh


# --- The fleet model ------------------------------------------------------------------------------

def average_power_w(energy_wh, latency_s) -> np.ndarray:
    """Average power (W) drawn while serving one request: energy (Wh) x 3600 / latency (s)."""
    e = require_nonnegative("energy_wh", energy_wh)
    t = require_positive("latency_s", latency_s)
    return e * 3600.0 / t


def daily_energy_wh(energy_wh_per_query, queries_per_day) -> np.ndarray:
    """Energy per day (Wh/day) of serving ``queries_per_day`` queries at ``energy_wh_per_query`` each."""
    e = require_nonnegative("energy_wh_per_query", energy_wh_per_query)
    q = require_nonnegative("queries_per_day", queries_per_day)
    return e * q


def fleet_power_w(energy_wh_per_query, queries_per_day) -> np.ndarray:
    """Average power (W) of a fleet serving ``queries_per_day`` queries of ``energy_wh_per_query`` (Wh)
    each: P = E x Q / 24 h, Kim et al.'s formula for their Table IV."""
    return daily_energy_wh(energy_wh_per_query, queries_per_day) / HOURS_PER_DAY


def queries_per_day_for_power(power_w, energy_wh_per_query) -> np.ndarray:
    """Traffic (queries/day) at which a fleet at ``energy_wh_per_query`` (Wh) draws ``power_w`` (W)."""
    p = require_nonnegative("power_w", power_w)
    e = require_positive("energy_wh_per_query", energy_wh_per_query)
    return p * HOURS_PER_DAY / e


def energy_cost_usd(energy_wh, usd_per_kwh) -> np.ndarray:
    """Cost (USD) of ``energy_wh`` watt-hours of electricity at ``usd_per_kwh``."""
    e = require_nonnegative("energy_wh", energy_wh)
    price = require_nonnegative("usd_per_kwh", usd_per_kwh)
    return e / 1000.0 * price


def break_even_price_usd_per_kwh(budget_usd, energy_wh) -> np.ndarray:
    """Electricity price (USD/kWh) at which ``energy_wh`` watt-hours cost exactly ``budget_usd``."""
    b = require_nonnegative("budget_usd", budget_usd)
    e = require_positive("energy_wh", energy_wh)
    return b / (e / 1000.0)


def kim_fleet_table(queries_per_day=(KIM_TRAFFIC_TODAY, KIM_TRAFFIC_SEARCH)) -> pd.DataFrame:
    """Table III energies turned into fleet power at each traffic level, next to the published Table IV.

    Returns
    -------
    pandas.DataFrame
        One row per (model, design, traffic): ``energy_wh``, ``queries_per_day``, ``power_w`` (ours),
        ``published_w`` (Table IV where the traffic is one of its two levels, else NaN), ``relative_error``,
        and ``queries_for_1gw`` (traffic at which this design draws 1 GW).
    """
    q = require_vector("queries_per_day", queries_per_day, require_positive)
    rows = []
    for r in KIM_TABLE_III:
        for traffic in np.ravel(q):
            published = KIM_TABLE_IV[(r.model, r.design)]
            pub = published[0] if traffic == KIM_TRAFFIC_TODAY else published[1] if traffic == KIM_TRAFFIC_SEARCH else np.nan
            power = float(fleet_power_w(r.energy_wh, traffic))
            rows.append({"model": r.model, "design": r.design, "energy_wh": r.energy_wh, "queries_per_day": float(traffic),
                         "power_w": power, "published_w": pub, "relative_error": power / pub - 1 if pub == pub else np.nan,
                         "queries_for_1gw": float(queries_per_day_for_power(1e9, r.energy_wh))})
    return pd.DataFrame(rows)


def sequential_marginal_ratio(s: KimSequentialScaling = KIM_SEQUENTIAL) -> float:
    """Ratio of the two latency increases that each bought the same accuracy gain in Kim et al.'s
    Reflexion sweep: late_extra_s / (early_to_s - early_from_s)."""
    early = require_instance("s", s, KimSequentialScaling).early_to_s - s.early_from_s
    if early <= 0 or s.late_extra_s <= 0:
        raise ValueError(f"latency increases must be positive; got {early} and {s.late_extra_s}")
    return s.late_extra_s / early


def accuracy_interval(accuracy_pct, n_questions: int = KIM_QUESTIONS_PER_DESIGN_POINT, level: float = 0.9):
    """Wilson score interval (percent) of an accuracy measured on ``n_questions`` questions.

    Returns a pair of arrays (low, high). Used to read Kim et al.'s accuracies, measured on 50 questions.
    """
    a = require_in_range("accuracy_pct", accuracy_pct, 0.0, 100.0) / 100.0
    n = require_int("n_questions", n_questions, minimum=1, maximum=MAX_SIZE)
    require_in_range("level", level, 0.0, 1.0, inclusive=False)
    z = stats.norm.ppf(0.5 + level / 2)
    centre = (a + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * np.sqrt(a * (1 - a) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return 100 * (centre - half), 100 * (centre + half)


def accuracy_gap_interval(accuracy_a_pct, accuracy_b_pct, n_questions: int = KIM_QUESTIONS_PER_DESIGN_POINT,
                          level: float = 0.9) -> tuple[float, float]:
    """Interval (points) of the difference a - b of two accuracies, each measured on ``n_questions`` separate
    answers: Newcombe's hybrid score interval (1998, method 10), built from the two Wilson intervals of
    :func:`accuracy_interval`. Treating the two designs' answers as independent ignores that they answer the
    same questions; the per-question answers are not published, so a paired interval cannot be computed.
    """
    a = float(require_in_range("accuracy_a_pct", accuracy_a_pct, 0.0, 100.0))
    b = float(require_in_range("accuracy_b_pct", accuracy_b_pct, 0.0, 100.0))
    lo_a, hi_a = (float(v) for v in accuracy_interval(a, n_questions, level))
    lo_b, hi_b = (float(v) for v in accuracy_interval(b, n_questions, level))
    d = a - b
    return d - float(np.hypot(a - lo_a, hi_b - b)), d + float(np.hypot(hi_a - a, b - lo_b))


# --- The single-request caveat: a batched what-if ----------------------------------------------------

def batched_energy_wh(energy_wh_per_query, batching_gain) -> np.ndarray:
    """Energy per query (Wh) if batching raised throughput ``batching_gain``-fold at the same power.

    Kim et al. measured each request served alone; a fleet serves many at once on each GPU. If a GPU
    drawing the same power completes ``batching_gain`` times as many requests per hour, each costs
    1 / ``batching_gain`` of the energy. The gain is an assumption (the paper reports none for its agents);
    1 reproduces the paper.
    """
    e = require_nonnegative("energy_wh_per_query", energy_wh_per_query)
    g = require_positive("batching_gain", batching_gain)
    if np.any(g < 1):
        raise ValueError(f"batching_gain must be at least 1 (1 = one request at a time); got {np.min(g)!r}")
    return e / g


def batching_gain_to_reach(level, unbatched) -> np.ndarray:
    """The batching gain at which an unbatched fleet figure (power, energy or cost, any unit) falls to
    ``level`` (same unit): unbatched / level, and 1 where it is already at or below the level."""
    lv = require_positive("level", level)
    u = require_nonnegative("unbatched", unbatched)
    return np.maximum(u / lv, 1.0)


def weekly_energy_cost_usd(energy_wh_per_query, queries_per_day, usd_per_kwh, batching_gain=1.0) -> np.ndarray:
    """Electricity cost per week (USD) of serving ``queries_per_day`` queries at ``energy_wh_per_query``
    each (divided by ``batching_gain``, see :func:`batched_energy_wh`) at ``usd_per_kwh``."""
    e = batched_energy_wh(energy_wh_per_query, batching_gain)
    return energy_cost_usd(daily_energy_wh(e, queries_per_day) * DAYS_PER_WEEK, usd_per_kwh)
