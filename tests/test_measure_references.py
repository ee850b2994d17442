"""The judged figures of ``tools/measure_references.py``: when WikiLeaks' year is provably wrong."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "tools" / "measure_references.py"
    spec = importlib.util.spec_from_file_location("measure_references", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("measure_references", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "case",
    [
        # own station, serial above the citing cable's own: not of the citing year
        ("06LIMA2444", "05LIMA2444", "06LIMA1534", dt.date(2006, 4, 21), ["LIMA 2444"], "own serial"),
        ("10KABUL717", "09KABUL717", "10KABUL102", dt.date(2010, 1, 12), ["Kabul 1345", "Kabul 717"], "own serial"),
        # STATE cannot have numbered 109980 cables by 6 January
        ("10STATE109980", "09STATE109980", "10MEXICO27", dt.date(2010, 1, 6), ["STATE 109980"], "serial rate"),
        # the item writes its year
        ("07LIMA4516", "06LIMA4516", "07LIMA1862", dt.date(2007, 7, 11), ["LIMA 4516 (06)"], "year written"),
        # not provable: a serial the station can have reached by then
        ("07WARSAW1975", "06WARSAW1975", "07MOSCOW5585", dt.date(2007, 11, 29), ["WARSAW 1975"], None),
        ("08LIMA1500", "07LIMA1500", "08LIMA1552", dt.date(2008, 9, 22), ["LIMA 1500"], None),
    ],
)
def test_year_error(tool: ModuleType, case: tuple[str, str, str, dt.date, list[str], str | None]) -> None:
    listed, ours, rid, created, texts, why = case
    assert tool.year_error(listed, ours, rid, created, texts) == why


def test_imitation_stops_at_the_first_blank_line(tool: ModuleType) -> None:
    # 05BOGOTA1775: WikiLeaks' row lists 05BOGOTA1081 only
    import cableparse

    text = (
        "SUBJECT: ELN PEACE TALK'S ADVANCES AND RETREATS\n \nREF: A. BOGOTA 1081\n \n"
        "     B. BOGOTA 863\n \nClassified By: Charge Milton K. Drucker, reasons 1.4\n(b) and (d)\n"
    )
    refs = (cableparse.Reference("A", "BOGOTA 1081"), cableparse.Reference("B", "BOGOTA 863"))
    assert tool.imitated_ids(text, refs, "05") == {"05BOGOTA1081"}
    joined = text.replace("1081\n \n", "1081\n")
    assert tool.imitated_ids(joined, refs, "05") == {"05BOGOTA1081", "05BOGOTA863"}


def test_imitation_dates_a_year_less_item_to_the_citing_year(tool: ModuleType) -> None:
    import cableparse

    text = "REF: LIMA 2444\n\n1. (C) Summary.\n"
    refs = (cableparse.Reference(None, "LIMA 2444"),)
    assert tool.imitated_ids(text, refs, "06") == {"06LIMA2444"}
