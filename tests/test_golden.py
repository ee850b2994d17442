"""Each fixture page parses to the values of its reviewed golden file.

A golden file (``fixtures/golden/<REFID>.json``, written by ``tools/make_golden.py`` and
checked by hand against the page) holds a readable subset of the parsed fields.  Where
the parser was wrong when the file was reviewed, the correct value was written by hand
and the key is listed under ``_corrections`` with the reason: those keys are checked by
separate test cases marked ``xfail(strict=True)``, so that they turn into failures
(XPASS) as soon as the parser is fixed and the mark can go, while every other key of the
same page is still checked normally.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from make_golden import GOLDEN, golden, golden_path, load_golden

from conftest import FIXTURE_PAGES, parsed_page

_GOLDEN_PAGES = [p for p in FIXTURE_PAGES if golden_path(p).exists()]


def _corrected_cases() -> list[Any]:
    cases = []
    for page in _GOLDEN_PAGES:
        for key, reason in load_golden(page).get("_corrections", {}).items():
            cases.append(
                pytest.param(page, key, id=f"{page.stem}-{key}", marks=pytest.mark.xfail(strict=True, reason=reason))
            )
    return cases


def test_every_page_has_a_golden_file() -> None:
    assert len(FIXTURE_PAGES) >= 35
    assert [p.stem for p in FIXTURE_PAGES] == [p.stem for p in _GOLDEN_PAGES]
    stray = {p.stem for p in GOLDEN.glob("*.json")} - {p.stem for p in FIXTURE_PAGES}
    assert not stray, f"golden files without a page: {sorted(stray)}"


@pytest.mark.parametrize("page", _GOLDEN_PAGES, ids=lambda p: p.stem)
def test_golden_fields(page: Path) -> None:
    expected = load_golden(page)
    corrected = expected.get("_corrections", {})
    actual = golden(parsed_page(page))
    assert set(actual) == {k for k in expected if not k.startswith("_")}
    for key, value in actual.items():
        if key not in corrected:
            assert value == expected[key], key


@pytest.mark.parametrize(("page", "key"), _corrected_cases())
def test_golden_corrected_field(page: Path, key: str) -> None:
    assert golden(parsed_page(page))[key] == load_golden(page)[key]
