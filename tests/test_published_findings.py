"""The published findings on recursive training: closed vocabularies, citations and the look-up."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from analysis.collapse import published_findings as pf

BIB = (Path(__file__).resolve().parents[1] / "references.bib").read_text()


def test_every_finding_is_cited_and_located():
    keys = set(re.findall(r"@\w+\{([^,]+),", BIB))
    for f in pf.FINDINGS:
        assert f.cite in keys, f.cite
        assert f.study.split()[0].lower() in f.cite, (f.study, f.cite)
        assert f.where.strip() and f.summary.strip() and f.measure.strip()


def test_findings_use_the_closed_vocabularies():
    for f in pf.FINDINGS:
        assert set(f.families) <= set(pf.FAMILIES) and f.loop in pf.LOOPS and f.outcome in pf.OUTCOMES


@pytest.mark.parametrize("field, value", [("families", ("transformer",)), ("families", ()),
                                          ("loop", "half synthetic"), ("outcome", "improves")])
def test_an_unknown_value_is_refused_by_name(field, value):
    with pytest.raises(ValueError, match=field):
        dataclasses.replace(pf.GUO_2024, **{field: value})


def test_reported_selects_by_family_loop_and_outcome():
    assert pf.reported(pf.FINDINGS, "variational autoencoder", pf.FULLY_SYNTHETIC, pf.DEGRADES) == (pf.SHUMAILOV_2024,)
    assert pf.reported(pf.FINDINGS, "diffusion model", pf.ENOUGH_REAL_DATA, pf.STABLE) == (pf.BERTRAND_2024,)
    assert pf.reported(pf.FINDINGS, "language model", pf.ENOUGH_REAL_DATA, pf.DEGRADES) == ()


@pytest.mark.parametrize("kw", [{"family": "rnn"}, {"loop": "mixed"}, {"outcome": "worse"}])
def test_reported_refuses_unknown_values(kw):
    args = {"family": "language model", "loop": pf.FULLY_SYNTHETIC, "outcome": pf.DEGRADES, **kw}
    with pytest.raises(ValueError, match=next(iter(kw))):
        pf.reported(pf.FINDINGS, **args)


def test_findings_table_has_one_row_per_finding():
    frame = pf.findings_table()
    assert list(frame["study"]) == [f.study for f in pf.FINDINGS]
    assert list(frame.columns) == ["study", "models", "loop", "outcome", "what", "where"]
