"""Benchmarks near their ceiling (chapter "Is progress slowing?"): how many widely used benchmarks are close to
a perfect score, and what a step near the top costs in ECI points. Re-exported by
:mod:`analysis.progress.frontier`."""

from __future__ import annotations

from scipy import special

from analysis.house.data import load_csv
from analysis.house.validation import checked_cache, require_in_range, require_int


def _frontier():
    # imported when called: frontier re-exports this module's functions, so a module-level import would be circular
    from analysis.progress import frontier
    return frontier


@checked_cache(maxsize=8)
def ceiling_share(threshold: float = 0.9, min_models: int = 30) -> tuple[float, int, int]:
    """Share of the widely used fraction-scored benchmarks whose best score is at least ``threshold``.

    "Widely used": at least ``min_models`` scored model versions in the long table. Returns the share,
    the number near the ceiling and the number of benchmarks.
    """
    t = float(require_in_range("threshold", threshold, 0.0, 1.0, inclusive=False))
    m = require_int("min_models", min_models, minimum=2)
    frame = _frontier()._scores().dropna(subset=["score"])
    frame = frame[~frame["benchmark_file"].isin(_frontier().NON_FRACTION_FILES)]
    g = frame.groupby("benchmark_file").agg(n=("score", "size"), best=("score", "max"))
    g = g[g["n"] >= m]
    if g.empty:
        raise ValueError(f"min_models = {m} leaves no benchmark (none has that many scored versions)")
    near = int((g["best"] >= t).sum())
    return near / len(g), near, int(len(g))


def ceiling_table(min_models: int = 30) -> pd.DataFrame:
    """Best score and number of scored versions per widely used fraction-scored benchmark."""
    min_models = require_int("min_models", min_models, minimum=1)
    frame = _frontier()._scores().dropna(subset=["score"])
    frame = frame[~frame["benchmark_file"].isin(_frontier().NON_FRACTION_FILES)]
    g = frame.groupby("benchmark_file").agg(n=("score", "size"), best=("score", "max")).reset_index()
    return g[g["n"] >= min_models].sort_values("best", ascending=False).reset_index(drop=True)


def steps_in_eci(acc_from: float, acc_to: float, benchmark: str = "MMLU") -> float:
    """ECI points a model must gain to raise its expected score on ``benchmark`` from ``acc_from`` to
    ``acc_to``, under Epoch's model score = sigmoid(slope x (ECI - difficulty)) and its fitted slope."""
    d = load_csv(_frontier().ECI_DIFFICULTIES)
    rows = d[d["benchmark_name"] == benchmark]
    if rows.empty:
        raise ValueError(f"benchmark must be one of {sorted(d['benchmark_name'])}; got {benchmark!r}")
    a0 = float(require_in_range("acc_from", acc_from, 0.0, 1.0, inclusive=False))
    a1 = float(require_in_range("acc_to", acc_to, 0.0, 1.0, inclusive=False))
    if not a1 > a0:
        raise ValueError(f"acc_to must exceed acc_from; got {acc_from} -> {acc_to}")
    return float((special.logit(a1) - special.logit(a0)) / rows["estimated_slope_scaled"].iloc[0])
