"""The ledger's entry points behave: importing ``analysis.ledger.__main__`` runs nothing, an installed package
writes nothing into site-packages, a missing artefact is named (or said to be computed), and a card refuses
a misspelt parameter by name before any work."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys

import pytest

from analysis import ledger
from analysis.house import parameters as P
from conftest import ROOT


def test_importing_the_main_module_runs_nothing(monkeypatch):
    called = []
    monkeypatch.setattr(ledger, "main", lambda *a, **k: called.append(a) or 0)
    sys.modules.pop("analysis.ledger.__main__", None)
    importlib.import_module("analysis.ledger.__main__")
    assert not called


def test_an_installed_package_writes_no_artefact_into_site_packages(tmp_path):
    """A copy of the package outside a checkout (as `pip install .` leaves it) has no default artefact:
    `python -m analysis.ledger` asks for a path instead of writing under site-packages."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "analysis", site / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    code = "import analysis.ledger as l; print(l.ARTEFACT)"
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "None", out.stderr
    run = subprocess.run([sys.executable, "-m", "analysis.ledger"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 2 and "analysis is installed" in run.stderr and "python -m analysis.ledger ledger.json" in run.stderr
    assert not list(site.rglob("ledger.json")) and not (site / "_build").exists()
    write = subprocess.run([sys.executable, "-c", "import analysis.ledger as l; l.write_artefact(records=[])"],
                           cwd=tmp_path, env=env, capture_output=True, text=True)
    assert "ValueError: analysis is installed" in write.stderr
    assert ledger.ARTEFACT == ROOT / "_build" / "ledger" / "ledger.json"  # in the checkout: under _build


def test_load_records_names_a_missing_artefact_and_says_when_it_computes(tmp_path, monkeypatch):
    missing = tmp_path / "nowhere" / "ledger.json"
    with pytest.raises(ValueError, match=r"^path must name a ledger artefact; got '.*nowhere/ledger.json', which is "
                                         r"not a file \(write it with `python -m analysis.ledger"):
        ledger.load_records(missing)
    monkeypatch.setenv(ledger.ARTEFACT_ENV, str(missing))
    with pytest.raises(ValueError, match=rf"^{ledger.ARTEFACT_ENV} must name a ledger artefact"):
        ledger.load_records()
    record = ledger.evaluate(ledger.get_claim("SL-16"))
    good = tmp_path / "ledger.json"
    good.write_text(ledger.to_json([record]))
    assert ledger.load_records(good) == [record]
    monkeypatch.delenv(ledger.ARTEFACT_ENV)
    monkeypatch.setattr(ledger, "ARTEFACT", missing)
    monkeypatch.setattr(ledger, "evaluate_all", lambda: [record])
    with pytest.warns(UserWarning, match="no ledger artefact at .*: computing every claim here"):
        assert ledger.load_records() == [record]


def test_a_card_refuses_a_misspelt_parameter_by_name(monkeypatch):
    monkeypatch.setattr(P, "_declared", frozenset())
    monkeypatch.setattr(ledger, "evaluate", lambda *a, **k: pytest.fail("evaluated before the names were checked"))
    with pytest.raises(ValueError, match=r"unknown parameter 'nboot' for claim SL-1: its evidence takes .*n_boot"):
        ledger.card("SL-1", nboot=50)
    with pytest.raises(ValueError, match=r"unknown parameters 'n_bot', 'sed' for claim SL-16: its evidence takes none"):
        ledger.card("SL-16", n_bot=1, sed=2)
    # A chapter passes all its parameters (checked by analysis.house.parameters.check) to every card.
    P.check({"n_boot": 400, "seed": 0, "oos_cut_flop": 5e20}, n_boot=P.Count(20, 20_000), seed=P.Seed(),
            oos_cut_flop=P.Real(2e19, 1.4e21))
    assert P.declared() == {"n_boot", "seed", "oos_cut_flop"}
    monkeypatch.setattr(ledger, "evaluate", lambda claim, **params: ("evaluated", claim.id, params))
    assert ledger.card("SL-16", n_boot=400, seed=0, oos_cut_flop=5e20).record[1] == "SL-16"
    with pytest.raises(ValueError, match=r"unknown parameter 'nboot' .*the chapter's parameters: n_boot, oos_cut_flop, seed"):
        ledger.card("SL-16", nboot=400)
