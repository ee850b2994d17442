"""Shared fixtures and Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set by ``.ci/run``) is deterministic and bounded; the
default ``dev`` profile runs more examples; ``thorough`` many more.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import cableparse
from cableparse import Cable

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The text copy of the 07PHNOMPENH350 page."""
    return (FIXTURES / "pages" / "07PHNOMPENH350.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- fixture pages

sys.path.insert(0, str(ROOT / "tools"))

#: the fixture pages (``fixtures/pages/*.html`` and the seed's ``.txt``), sorted
FIXTURE_PAGES: list[Path] = sorted(p for p in (FIXTURES / "pages").iterdir() if p.suffix in (".html", ".txt"))


@functools.cache
def read_page(page: Path) -> str:
    """A fixture page's text."""
    return page.read_text(encoding="utf-8")


@functools.cache
def parsed_page(page: Path) -> Cable:
    """A fixture page, parsed once per session (cables are immutable)."""
    return cableparse.parse(read_page(page))


@pytest.fixture(scope="session")
def seed() -> Cable:
    """The seed page, parsed."""
    return parsed_page(FIXTURES / "pages" / "07PHNOMPENH350.txt")
