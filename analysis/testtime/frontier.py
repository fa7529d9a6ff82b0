"""Did compute spent at inference take the place of compute spent on training? The training frontier before
and after reasoning models arrived, from Epoch AI's models snapshot (``epoch2025models``).

Seed 002 says inference-time compute "is replacing" training-time compute. Inference compute has no public
series, but the substitution has a measurable side: if labs moved compute from training to inference, the
largest training runs would stop growing once reasoning models arrived. This module compares the largest
training runs published after a shift date with those published before it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.house import data

#: Dates a careful reader could take as the arrival of inference-time scaling: o1-preview (12 Sep 2024), o1
#: (5 Dec 2024) and DeepSeek-R1 (20 Jan 2025).
SHIFT_DATES = ("2024-09-12", "2024-12-05", "2025-01-20")
STATISTICS = {"max": 1, "top3": 3}
WINDOWS = {"all": None, "12 months": 365}


def _shift_timestamp(shift_date) -> pd.Timestamp:
    """``shift_date`` as a timestamp, refused by name unless pandas reads it as a date from 1950 to 2100."""
    try:
        if not isinstance(shift_date, (str, pd.Timestamp)):  # a number would be read as nanoseconds since 1970
            raise TypeError
        shift = pd.Timestamp(shift_date)
    except (TypeError, ValueError):
        raise ValueError(f"shift_date must be an ISO date such as '2024-09-12'; got {shift_date!r}") from None
    if pd.isna(shift) or not 1950 <= shift.year <= 2100:
        raise ValueError(f"shift_date must be a date from 1950 to 2100; got {shift_date!r}")
    return shift


def frontier_before_after(shift_date: str = SHIFT_DATES[0], statistic: str = "max", window_before: str = "all") -> dict:
    """The training compute of the largest run(s) published after ``shift_date`` over that of the largest before it.

    Parameters
    ----------
    shift_date : str
        ISO date of the shift (one of :data:`SHIFT_DATES` or any other).
    statistic : {"max", "top3"}
        The largest run, or the geometric mean of the three largest, on each side.
    window_before : {"all", "12 months"}
        Every earlier model, or those of the twelve months before the shift.

    Returns
    -------
    dict
        ``after_over_before`` (0 when nothing was published after the shift), ``before_flop``, ``after_flop``,
        ``largest_after`` (the model's name), ``n_after`` and ``months_after`` (to the snapshot's last date).
    """
    if statistic not in STATISTICS or window_before not in WINDOWS:
        raise ValueError(f"statistic must be one of {sorted(STATISTICS)} and window_before one of {sorted(WINDOWS)}; "
                         f"got {statistic!r}, {window_before!r}")
    shift = _shift_timestamp(shift_date)
    frame = data.load_epoch_generations()
    frame = frame.assign(when=pd.to_datetime(frame["Publication date"]),
                         flop=pd.to_numeric(frame["Training compute (FLOP)"])).dropna(subset=["flop", "when"])
    frame = frame[frame["flop"] > 0]
    before = frame[frame["when"] < shift]
    if WINDOWS[window_before] is not None:
        before = before[before["when"] >= shift - pd.Timedelta(days=WINDOWS[window_before])]
    after = frame[frame["when"] >= shift]
    k = STATISTICS[statistic]

    def level(rows: pd.DataFrame) -> float:
        top = np.sort(rows["flop"].to_numpy(float))[::-1][:k]
        return float(np.exp(np.log(top).mean())) if top.size else 0.0
    b, a = level(before), level(after)
    last = frame["when"].max()
    return {"after_over_before": a / b if b > 0 else 0.0, "before_flop": b, "after_flop": a,
            "largest_after": str(after.loc[after["flop"].idxmax(), "Model"]) if len(after) else "",
            "n_after": float(len(after)), "months_after": float(max((last - shift).days, 0) / 30.44)}
