"""Electricity and cooling water of frontier training runs, from Epoch's recorded power draw and duration.

Water is scaled from the one published training-water estimate, Li et al. (2023)'s 700,000 litres evaporated
on site to train GPT-3 in Microsoft's US data centres (abstract, arXiv:2304.03271; bibtex ``li2023thirsty``):
the litres per kWh it implies for GPT-3's energy in the Epoch snapshot are applied to every other run.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.economics.costs import DEFAULT_COSTS
from analysis.economics.datasets import frontier_models, load_models
from analysis.house.validation import require_in_range, require_positive

# --- Training energy ---------------------------------------------------------------------------------


def training_energy_gwh(power_draw_w, hours, *, pue: float = DEFAULT_COSTS.pue) -> np.ndarray:
    """Electricity (GWh) of a run drawing ``power_draw_w`` watts of IT power for ``hours`` hours at ``pue``."""
    p = require_positive("power_draw_w", power_draw_w)
    h = require_positive("hours", hours)
    require_in_range("pue", pue, 1.0, 3.0)
    return p * h * pue / 1e9


def frontier_training_energy(*, pue: float = DEFAULT_COSTS.pue, max_rank: int = 10) -> pd.DataFrame:
    """Frontier models that record both ``Training power draw (W)`` and ``Training time (hours)``, with
    their electricity in GWh at ``pue``.

    Epoch's power draw is about twice the chips' TDP (servers are counted); whether it already includes the
    facility's overhead is not stated in the snapshot, so the default PUE may count that overhead twice.
    ``pue=1.0`` takes Epoch's figure as the whole draw: the lower reading.
    """
    front = frontier_models(max_rank=max_rank).dropna(subset=["Training power draw (W)", "Training time (hours)"])
    gwh = training_energy_gwh(front["Training power draw (W)"].to_numpy(), front["Training time (hours)"].to_numpy(),
                              pue=pue)
    return front[["Model", "Publication date", "year", "Training power draw (W)", "Training time (hours)"]].assign(energy_gwh=gwh)


#: Li et al. (2023), abstract: training GPT-3 in Microsoft's US data centres "can directly evaporate
#: 700,000 liters" of fresh water (on-site cooling only; off-site water for electricity excluded).
LI_GPT3_ONSITE_LITRES = 700_000.0
GPT3_NAME = "GPT-3 175B (davinci)"


def gpt3_litres_per_kwh() -> float:
    """On-site water per kWh implied by Li et al.'s GPT-3 figure and GPT-3's energy in the Epoch snapshot
    (power draw x training time, no PUE: the water is charged to the recorded draw)."""
    row = load_models().set_index("Model").loc[GPT3_NAME]
    kwh = float(training_energy_gwh(row["Training power draw (W)"], row["Training time (hours)"], pue=1.0)) * 1e6
    return LI_GPT3_ONSITE_LITRES / kwh


def frontier_training_water(*, litres_per_kwh: float | None = None, max_rank: int = 10) -> pd.DataFrame:
    """Frontier runs (top ``max_rank`` by compute when published) with recorded power and duration, with
    ``water_litres`` = energy (no PUE) x ``litres_per_kwh`` (default: :func:`gpt3_litres_per_kwh`)."""
    wue = gpt3_litres_per_kwh() if litres_per_kwh is None else float(require_positive("litres_per_kwh", litres_per_kwh))
    frame = frontier_training_energy(pue=1.0, max_rank=max_rank)
    return frame.assign(water_litres=frame["energy_gwh"].to_numpy() * 1e6 * wue)
