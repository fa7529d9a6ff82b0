"""pytest (nbval) collects only the executed notebooks that the table of contents names, so stray or
half-built notebooks in book/ are never tested by accident."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _toc_notebooks() -> set[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc.get("parts", []) for c in part["chapters"]]
    return {(ROOT / f"{f}.ipynb").resolve() for f in files}


def pytest_ignore_collect(collection_path, config):
    if collection_path.suffix == ".ipynb":
        return collection_path.resolve() not in _toc_notebooks()
    return None


# --- the notebooks' verdict cards reuse the build's ledger rows (issue 31) ----------------------------------
# make test runs after make book: a chapter's cards re-run by nbval reuse the rows its ledger part computed
# (analysis.ledger.reuse), as in the build, when every part's inputs are unchanged since. Only the kernels
# nbval starts for the notebooks see the setting; the unit tests compute every card themselves.
_PARTS: list = []


def _current_ledger_parts() -> str | None:
    if not _PARTS:
        import importlib.util

        spec = importlib.util.spec_from_file_location("build_book_for_nbval", ROOT / "tools" / "build_book.py")
        build_book = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(build_book)
        parts = build_book.LEDGER.parent / "parts"
        stamps = [parts / f"{m}.sha256" for m in build_book.claim_module_names()]
        current = all(s.is_file() and s.read_text() == build_book.ledger_part_digest(m)
                      for m, s in zip(build_book.claim_module_names(), stamps))
        _PARTS.append(str(parts) if current else None)
    return _PARTS[0]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    import os

    parts = _current_ledger_parts() if item.path.suffix == ".ipynb" else None
    if parts:
        os.environ["SCALING_BOOK_LEDGER_PARTS"] = parts


def pytest_runtest_teardown(item, nextitem):
    import os

    os.environ.pop("SCALING_BOOK_LEDGER_PARTS", None)
