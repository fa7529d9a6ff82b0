"""Every chapter runs at the corners of its parameter space: the pages that tests/test_corners.py leaves
(it explains what runs and why; the work is split so the two test processes share it)."""

from __future__ import annotations

import pytest

import corners
from corners import pages, shell  # noqa: F401 - fixtures

REST = [p for p in corners.parameter_pages() if p not in corners.FIRST_PAGES]


@pytest.mark.parametrize("name", REST)
@pytest.mark.filterwarnings("error::RuntimeWarning")  # an invalid value or an overflow shows as nan or inf
def test_every_chapter_runs_at_the_corners_of_its_parameters(name, shell, pages, monkeypatch):
    page = corners.page(name, shell, pages, monkeypatch)
    problems, report = corners.corner_problems(page, shell)
    print("\n".join("CORNER " + line for line in report))
    assert not problems, f"{name} at the corners of its parameters:\n" + "\n".join(problems)
