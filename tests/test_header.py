"""The classification line: level, section, origin and serial, with the EFTO caveat."""

from __future__ import annotations

import pytest

import cableparse


@pytest.mark.parametrize(
    ("line", "section", "sections", "origin", "serial"),
    [
        # 09EFTOLONDON2187 and 09LONDON2622 of the release: the caveat between level and origin
        ("UNCLAS E F T O LONDON 002187", None, None, "LONDON", 2187),
        ("UNCLAS E F T O SECTION 01 OF 08 LONDON 002622", 1, 8, "LONDON", 2622),
        ("UNCLAS EFTO SECTION 01 OF 02 BAKU 001165", 1, 2, "BAKU", 1165),
        ("SECRET EFTO KABUL 000668", None, None, "KABUL", 668),
        # a word that only starts like the caveat is an origin
        ("UNCLAS EFTON 000123", None, None, "EFTON", 123),
    ],
)
def test_efto_caveat_is_no_origin(
    line: str, section: int | None, sections: int | None, origin: str, serial: int
) -> None:
    text = f"{line}\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL UK\nSUBJECT: TEST\n\n1. (U) Text.\n"
    cable = cableparse.parse(text)
    cl = cable.header.classification_line
    assert cl is not None
    assert (cl.section, cl.sections, cl.origin, cl.serial) == (section, sections, origin, serial)
    assert cl.raw == line  # the caveat is kept as written
    assert line + "\n" in cableparse.dumps(cable)
    assert cableparse.parse(cableparse.dumps(cable)).header.classification_line == cl
