"""The layout of ``analysis/``: one folder per chapter, a house of shared tools, one ledger, and the
dependency rules between them, read from the imports (with ``tools/depgraph.py``, as the build reads them)."""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import depgraph  # noqa: E402

PKG = ROOT / "analysis"
#: The claim contract: :mod:`analysis.ledger.core` and the modules it gathers (each imports only the house
#: and the others of the contract).
CONTRACT = ("core", "rules", "articles", "checks", "multiverse")
CHAPTERS = ("scaling_laws", "progress", "chinchilla", "testtime", "collapse", "datawall", "economics", "other_side")
#: No module above this many lines (split along a seam instead).
MAX_LINES = 700


def _name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_name(p): p for p in sorted(PKG.rglob("*.py"))}
PACKAGES = {n for n, p in MODULES.items() if p.name == "__init__.py"}


def imports(name: str) -> set[str]:
    """The ``analysis`` modules that module ``name`` imports (packages on the way left out)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text())
    found = depgraph.imports_of(ROOT, tree, name, path.name == "__init__.py")
    return {m for m in found if m not in PACKAGES and m != name}


def kind(name: str) -> str:
    parts = name.split(".")
    if len(parts) <= 2:
        return "package" if name in PACKAGES else "top"
    if parts[1] == "house":
        return "house"
    if parts[1] == "ledger":
        if parts[2] in CONTRACT:
            return "contract"
        return "claims" if parts[2] == "general" else f"ledger.{parts[2]}"
    if parts[1] in CHAPTERS:
        return "claims" if parts[2] == "claims" else "science"
    return "unknown"


def test_every_module_sits_in_the_house_the_ledger_or_a_chapter_folder():
    for name in MODULES:
        if name in PACKAGES:
            continue
        assert kind(name) in ("house", "science", "claims", "contract") or kind(name).startswith("ledger."), \
            f"{name} is outside analysis/house, analysis/ledger and the chapter folders {CHAPTERS}"
    folders = {p.name for p in PKG.iterdir() if p.is_dir() and p.name not in ("data", "__pycache__")}
    assert folders == {"house", "ledger", *CHAPTERS}


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_package_inits_import_nothing(name):
    if name == "analysis.ledger":
        pytest.skip("the ledger registry imports its core and renderer by design")
    assert imports(name) == set(), f"{name}/__init__.py imports {imports(name)}: importing one module of the " \
        "folder would import the others, and the build would re-execute pages that do not use them"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if kind(n) == "house"))
def test_the_house_imports_nothing_of_the_book(name):
    outside = {m for m in imports(name) if kind(m) != "house"}
    assert not outside, f"{name} (a shared tool) imports {outside}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if kind(n) == "science"))
def test_science_imports_the_house_and_science_never_the_ledger(name):
    bad = {m for m in imports(name) if kind(m) not in ("house", "science")}
    assert not bad, f"{name} (science) imports {bad}: science never imports the ledger or a claims module"


@pytest.mark.parametrize("name", [f"analysis.ledger.{m}" for m in CONTRACT])
def test_the_claim_contract_imports_only_the_house(name):
    bad = {m for m in imports(name) if kind(m) not in ("house", "contract")}
    assert not bad, f"{name} (the claim contract) imports {bad}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if kind(n) == "claims"))
def test_claims_import_the_contract_and_science_only(name):
    allowed = {"house", "science", "contract", "ledger.literature"}
    bad = {m for m in imports(name) if kind(m) not in allowed}
    assert not bad, f"{name} imports {bad}; a claims module imports the contract (ledger.core), ledger.literature " \
        "and science"


def test_only_the_registry_names_a_claims_module():
    claims = {n for n in MODULES if kind(n) == "claims"}
    for name in MODULES:
        if name == "analysis.ledger":
            continue
        assert not (imports(name) & claims), f"{name} imports a claims module"
    registered = set(depgraph.registered_claim_modules(ROOT))
    assert registered == claims, f"registered {sorted(registered)} but the claims modules are {sorted(claims)}"
    assert {f"analysis.{c}.claims" for c in CHAPTERS} <= registered


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_longer_than_the_mark(name):
    n = len(MODULES[name].read_text().splitlines())
    assert n <= MAX_LINES, f"{name} has {n} lines (> {MAX_LINES}): split it along a seam"


def test_no_module_repeats_its_folder_name():
    for name in MODULES:
        parts = name.split(".")
        assert len(parts) < 3 or parts[-1] != parts[-2], f"{name}: a name that repeats its folder says nothing"
