"""The classification line: level, section, origin and serial, with the EFTO caveat."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse.parser import header, lines


def _reads_back(cable: cableparse.Cable) -> None:
    """Canonical text of ``cable`` reads back to the same header, preamble and paragraphs."""
    again = cableparse.parse(cableparse.dumps(cable))
    assert (again.header, again.preamble, again.paragraphs) == (cable.header, cable.preamble, cable.paragraphs)


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


@pytest.mark.parametrize(
    ("line", "level"),
    [
        # a spaced level word with a space lost (06BOGOTA5603, 08PARIS1501, 08TUNIS193,
        # 10SHENYANG4, 09BAKU744 of the release, 07CARACAS1822 of alx/cablegate's files)
        ("CO N F I D E N T I A L SECTION 01 OF 02 BOGOTA 005603", "CONFIDENTIAL"),
        ("SE C R E T TUNIS 000193", "SECRET"),
        ("C ONFIDENTIAL BAKU 000744", "CONFIDENTIAL"),
        ("U NCLAS SIFIED X 000001", "UNCLASSIFIED"),
        # the level words of several words keep their spaces
        ("LIMITED  OFFICIAL USE X 000001", "LIMITED OFFICIAL USE"),
        ("TOP SECRET X 000001", "TOP SECRET"),
    ],
)
def test_a_spaced_level_word_is_closed_up(line: str, level: str) -> None:
    found = header.match_classification_line(line)
    assert found is not None and found[0].level == level
    assert found[0].raw == " ".join(line.split())
    cable = cableparse.parse(f"{line}\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n1. (U) Text.\n")
    assert cable.header.classification_line == found[0]
    _reads_back(cable)


@pytest.mark.parametrize(
    ("line", "level", "origin", "serial", "rest"),
    [
        # 75LIBREVILLE1895 of the release: the older telegrams name the year before the origin
        ("C O N F I D E N T I A L 75 LIBREVILLE 1895", "CONFIDENTIAL", "LIBREVILLE", 1895, ""),
        ("LIMITED OFFICIAL USE 76 NEW DELHI 01234 SIPDIS", "LIMITED OFFICIAL USE", "NEW DELHI", 1234, "SIPDIS"),
        # two digits that no origin and serial follow stay the serial
        ("CONFIDENTIAL 75", "CONFIDENTIAL", None, 75, ""),
        ("SECRET 12 DECEMBER", "SECRET", None, 12, "DECEMBER"),
        ("UNCLAS 75 LIBREVILLE 18", "UNCLAS", None, 75, "LIBREVILLE 18"),
    ],
)
def test_a_year_before_the_origin(line: str, level: str, origin: str | None, serial: int, rest: str) -> None:
    found = header.match_classification_line(line)
    assert found is not None
    cl, after = found
    assert (cl.level, cl.origin, cl.serial, after) == (level, origin, serial, rest)
    # the year is kept as written
    assert cl.raw == line[: len(line) - len(rest)].rstrip()
    cable = cableparse.parse(f"{line}\n\nE.O. 11652: N/A\nTAGS: PFOR\nSUBJ: TEST\n\n1. TEXT.\n")
    assert cable.header.classification_line == cl
    _reads_back(cable)


@given(st.text(alphabet="AZaz09,; \t\xa0()é", max_size=30))
def test_plain_tags_take_the_short_way_to_the_same_tags(value: str) -> None:
    # the plain forms (codes and commas, codes and spaces) are split directly; any value gives
    # what the general splitter gives
    assert header._split_tags(value) == header._split_tags_general(value)


@pytest.mark.parametrize("value", ["PREL, PGOV, PE", "KNNP,MNUC", "PREL ,\tPGOV", "A1, B2, C3"])
def test_plain_tags_values(value: str) -> None:
    assert header._PLAIN_TAGS_RE.fullmatch(value) is not None
    assert header._split_tags(value) == header._split_tags_general(value)


@pytest.mark.parametrize(
    ("value", "tags"),
    [
        # codes apart by spaces on the TAGS line, by commas on the next (06PARTO9,
        # 09STATE11937): a person's name among the codes splits as the codes do, as it does
        # on a line without commas (WikiLeaks links each word)
        (
            "OVIP RICE CONDOLEEZZA KISL PGOV PHUM LE\nSY, IS",
            ("OVIP", "RICE", "CONDOLEEZZA", "KISL", "PGOV", "PHUM", "LE", "SY", "IS"),
        ),
        (
            "OVIP CLINTON HILLARY PREL KPAL FR IR RS\nNATO, UK, CN",
            ("OVIP", "CLINTON", "HILLARY", "PREL", "KPAL", "FR", "IR", "RS", "NATO", "UK", "CN"),
        ),
        # an item of words stays whole, and so does a person's tag in parentheses
        ("PREL, ECONOMIC DEVELOPMENT", ("PREL", "ECONOMIC DEVELOPMENT")),
        ("OVIP (RICE, CONDOLEEZZA), PREL", ("OVIP (RICE, CONDOLEEZZA)", "PREL")),
    ],
)
def test_tags_apart_by_spaces_and_by_commas(value: str, tags: tuple[str, ...]) -> None:
    cable = cableparse.parse(f"UNCLAS PARTO 000009\n\nTAGS: {value}\nSUBJECT: TEST\n\n1. (U) Text.\n")
    assert cable.header.tags == tags
    _reads_back(cable)


_FIELD_PIECES = (
    "E.O. 12958",
    "E. O.  1958",
    "EO 12958",
    "TAGS:",
    "TAG :",
    "Tags:",
    "SUBJECT:",
    "Subject :",
    "SUBJ:",
    "REF:",
    "REFS :",
    "REFTELS:",
    "REF(S):",
    "Refs:",
    "Reftel:",
    "CLASSIFIED BY",
    "Classified By",
    "Classified by",
    "1. (C)",
    "12.(S/NF)",
    "3.  ( U )",
    "E.",
    "EO",
    "(",
    ")",
    ".",
    ":",
    ",",
    ";",
    "1",
    "12",
    "word",
    "A",
    " ",
    "  ",
    "\t",
    "\xa0",
)


@given(st.lists(st.sampled_from(_FIELD_PIECES), max_size=10).map("".join))
def test_field_hints_miss_no_field(text: str) -> None:
    # the cheap test in C never rules out a line where a splitter finds a field
    splitters = (
        header._SPLIT_ALL,
        header._SPLIT_AFTER_SUBJECT,
        header._SPLIT_CLBY_PARA,
        header._SPLIT_PARA,
        header._SPLIT_IN_REFS,
        header._SPLIT_AFTER_TAGS,
    )
    if any(s.search(text) for s in splitters):
        assert header._may_hold_field(text)


_LEVEL_WRITINGS = {
    "CONFIDENTIAL": ("C O N F I D E N T I A L", "CONFIDENTIAL"),
    "SECRET": ("S E C R E T", "SECRET"),
    "UNCLAS": ("UNCLAS",),
}


def _damaged(written: str, damage: str) -> str:
    if damage == "doubled":
        return written[0] + (" " if written[1] == " " else "") + written
    if damage == "lost":
        return written[1:].lstrip()
    return damage + written  # a mark before it


@given(st.sampled_from(sorted(_LEVEL_WRITINGS)), st.sampled_from(["doubled", "lost", ".", '"']), st.data())
def test_a_damaged_level_word_reads_as_the_level_meant(level: str, damage: str, data: st.DataObject) -> None:
    written = data.draw(st.sampled_from(_LEVEL_WRITINGS[level]))
    origin = data.draw(st.sampled_from(["MADRID", "SANAA", "TEL AVIV", "BRASILIA", "PANAMA"]))
    serial = data.draw(st.integers(min_value=1, max_value=99999))
    sectioned = data.draw(st.booleans())
    section = " SECTION 01 OF 02" if sectioned else ""
    line = f"{_damaged(written, damage)}{section} {origin} {serial:06d}"
    cable = cableparse.parse(f"{line}\n\nTAGS: PREL\nSUBJECT: TEST\n\n1. (U) Text.\n")
    found = cable.header.classification_line
    assert found is not None
    assert (found.level, found.origin, found.serial) == (level, origin, serial)
    assert found.sections == (2 if sectioned else None)
    assert found.raw == " ".join(line.split())  # as written
    assert "CP208" in [d.code for d in cable.diagnostics]
    again = cableparse.parse(cableparse.dumps(cable))
    assert again.header == cable.header


@pytest.mark.parametrize(
    "text",
    [
        "ONFIDENTIAL SOURCES SAID SO.",  # no serial: a line of text
        "SS E C R E T",  # a level word alone, damaged: no whole line
        "ECRETARY RICE MET THE MINISTER ON 12 MAY 2008",
        "NCLASSIFIED DOCUMENTS WERE RELEASED",
    ],
)
def test_a_damaged_level_word_needs_a_whole_line(text: str) -> None:
    assert header.match_classification_line(text) is None


@pytest.mark.parametrize(
    ("lines", "eo", "tags"),
    [
        # real shapes: 09LONDON333, 09STATE49854, 09STOCKHOLM194, 10TRIPOLI167
        ("E.O. 12958: DECL: 02/04/2019TAGS: EAIR ECON ETRD", "E.O. 12958: DECL: 02/04/2019", ("EAIR", "ECON", "ETRD")),
        ('E.O. 12958: DECL: 05/15/2034 "TAGS: PINR AR', "E.O. 12958: DECL: 05/15/2034", ("PINR", "AR")),
        ("E.O. 12958: DECL: 03/20/2019 TAG PTER, PGOV, SW", "E.O. 12958: DECL: 03/20/2019", ("PTER", "PGOV", "SW")),
        ("E.O. 12958: \nN/A TAGS: PREL MARR LY", "E.O. 12958: N/A", ("PREL", "MARR", "LY")),
    ],
)
def test_tags_run_on_to_the_eo_line(lines: str, eo: str, tags: tuple[str, ...]) -> None:
    cable = cableparse.parse(f"UNCLAS TRIPOLI 000167\n\n{lines}\nSUBJECT: TEST\n\n1. (U) Text.\n")
    assert cable.header.executive_order is not None
    assert cable.header.executive_order.raw == eo
    assert cable.header.tags == tags
    assert cable.header.subject == "TEST"
    again = cableparse.parse(cableparse.dumps(cable))
    assert again.header == cable.header


def test_a_tag_word_in_text_after_an_eo_line_is_no_tags_keyword() -> None:
    # (TAG and a lower-case word, or TAG with nothing after it, stays the E.O. line's)
    cable = cableparse.parse("UNCLAS STATE 000123\n\nE.O. 12958: N/A TAG\nTAGS: PREL\nSUBJECT: TEST\n")
    assert cable.header.tags == ("PREL",)


@pytest.mark.parametrize(
    ("text", "before"),
    [
        # real shapes of mail exports whose lines ran together: 06CAIRO941, 06CAIRO493
        ("C O N F I D E N T I A L SECTION 01 OF 02 CAIRO 000941SIPDISE.O. 12958: DECL: 02/14/2016 TAGS: PTER EG", ()),
        (
            "S E C R E T CAIRO 000493\n"
            "SIPDISFOR THE DIRECTOR FROM THE AMBASSADORE.O. 12958: DECL: 01/26/2016 TAGS: PTER EG",
            ("SIPDISFOR THE DIRECTOR FROM THE AMBASSADOR",),
        ),
    ],
)
def test_an_eo_line_glued_to_the_text_before_it(text: str, before: tuple[str, ...]) -> None:
    cable = cableparse.parse(text + "\nSUBJECT: TEST\n\n1. (C) Text.\n")
    assert cable.header.executive_order is not None
    assert cable.header.executive_order.raw.startswith("E.O. 12958: DECL: ")
    assert cable.header.executive_order.declassify_on is not None
    assert cable.header.tags[0] == "PTER"
    assert cable.header.handling == before
    again = cableparse.parse(cableparse.dumps(cable))
    assert again.header == cable.header


def test_an_eo_keyword_inside_a_word_is_no_eo_line() -> None:
    # (the order's number must follow: ``THE.O.`` is no E.O. line)
    assert header.field_run_on("WE MET THE.O.A. DELEGATION IN 2009") is None


NARA_COPY = (
    "UNCLASSIFIED BUENOS AIRES 2481\n\n"
    "Original Telegram was Confidential but has since been\nde-classified\n\n"
    "--------------------------------------------- ----\nCopy from the National Archives\n"
    "RG 59: General Records of the Department of state\n1964-66 Central Foreign Policy File\n"
    "File: POL 33-4 ARG\n--------------------------------------------- ----\n\n"
    "E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009\nTAGS: EFIS PBTS AR\n"
    "SUBJECT:  EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS\n\n1.  PRESS REPORTS CONFIRM IT.\n\nMARTIN\n"
)


def test_an_archive_note_below_the_classification_line() -> None:
    # the shape of the oldest cables of the release (66BUENOSAIRES2481): a copy from the
    # National Archives, with its note between the classification line and the fields
    cable = cableparse.parse(NARA_COPY)
    assert cable.header.tags == ("EFIS", "PBTS", "AR")
    assert cable.header.subject == "EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS"
    assert cable.preamble[0] == "Original Telegram was Confidential but has since been"
    assert cable.preamble[-2] == "File: POL 33-4 ARG"
    assert [p.number for p in cable.paragraphs] == ["1"]
    again = cableparse.parse(cableparse.dumps(cable))
    assert again.preamble == cable.preamble
    assert again.header == cable.header
    # the box alone is the archive's too; a box of the cable's own stays the header's
    sentence = "Original Telegram was Confidential but has since been\nde-classified\n\n"
    assert cableparse.parse(NARA_COPY.replace(sentence, "")).header.tags
    own = NARA_COPY.replace("Copy from the National Archives", "NOTE FROM THE DRAFTER")
    assert not cableparse.parse(own.replace(sentence, "")).preamble


@pytest.mark.parametrize(
    "stamp",
    [
        "Declassified/Released US Department of State EO Systematic Review 30 JUN 2005",
        "Declassified/Released US Department of State EO\nSystematic Review 30 JUN 2005",
    ],
)
def test_a_review_stamp_below_the_classification_line(stamp: str) -> None:
    # (73TEHRAN8233, 73TEHRAN7005 of the release: the stamp of a release by systematic
    # review between the classification line and the fields; no attention line)
    text = (
        f"S E C R E T TEHRAN 8233 \n \n{stamp} \n \nE.O. 11652: GDS \nTAGS: PINT IR\n"
        "SUBJECT: SHAH ON CORRUPTION \n \n1. AFTER AMBASSADOR BYROADE'S AUDIENCE WITH SHAH WAS \nFINISHED.\n"
    )
    cable = cableparse.parse(text)
    assert cable.header.handling == ()
    assert cable.preamble == tuple(stamp.split("\n"))
    assert cable.header.tags == ("PINT", "IR")
    again = cableparse.parse(cableparse.dumps(cable))
    assert (again.header, again.preamble) == (cable.header, cable.preamble)


@pytest.mark.parametrize(
    "source", [b"<pre>Clasfd by O&#x000ATE.O.12958", "Classified by O\nTE.O. 12958", "SUBJECT: X\nTE.O.12958"]
)
def test_an_eo_keyword_glued_inside_a_field_value_stays_in_it(source: str | bytes) -> None:
    # (fuzz input, 2026-12-06, cut down) the lines of a field's value are read on to the
    # next field as written: an E.O. keyword glued to a word there is the value's, as
    # canonical text, which writes the value on one line, reads it too
    cable = cableparse.parse(source)
    assert cable.header.executive_order is None
    once = cableparse.dumps(cable)
    assert cableparse.normalize(once) == once


# A partial extract that holds the cable twice (CP209): a first copy of the header cut
# short (``...``), then the whole text reflowed, its fields run on to the classification
# line; the lines of 08YEREVAN639 and 08BUDAPEST807 of the release
_FIRST_COPY = [
    "C O N F I D E N T I A L SECTION 01 OF 02 YEREVAN 000639 ",
    " ",
    "SIPDIS ",
    " ",
    "DEPARTMENT FOR GEORGIA TASK FORCE ",
    " ",
    "E.O. 12958: DECL: 08/10/2018 ",
    "TAGS: PREL MOPS ENRG EAIR ELTN ECON",
    "SUBJECT: ARMENIA: FUEL, FOOD SHORTAGES PREDICTED DUE TO ",
    "GEORGIA-RUSSIA CONFLICT; MFA ASKS OUR HELP ",
    " ",
    "REF: SECSTATE 85678 ",
    " ",
    "Classified By: CDA Joseph Pennington, reasons 1.4 (b,d) ",
]
_WHOLE_COPY = (
    "C O N F I D E N T I A L SECTION 01 OF 02 YEREVAN 000639 SIPDIS DEPARTMENT FOR GEORGIA TASK FORCE"
    " E.O. 12958: DECL: 08/10/2018 TAGS: PREL MOPS ENRG EAIR ELTN ECON\n\n"
    "SUBJECT: ARMENIA: FUEL, FOOD SHORTAGES PREDICTED DUE TO GEORGIA-RUSSIA CONFLICT; MFA ASKS OUR HELP"
    " REF: SECSTATE 85678 Classified By: CDA Joseph Pennington, reasons 1.4 (b,d)\n"
    "1. (C) Summary: the deputy minister asked for help.\n2. (C) He said more.\nPENNINGTON\n"
)
_FIRST_TEXT = "\n".join(_FIRST_COPY)
# (a cut inside the classification line leaves no serial to know the copy by)
_FIRST_CUTS = range(len(_FIRST_COPY[0]) + 1, len(_FIRST_TEXT) + 1)


@given(
    st.sampled_from(_FIRST_CUTS),
    # (right below the line cut short too, 07MOSCOW1704, 09MOSCOW2932)
    st.sampled_from(["\n", "\n\n", "\n\n\n", f"\n\n{lines.PARTIAL_SENTENCE}\n\n"]),
    st.sampled_from(["\n", "\n\n"]),
)
def test_a_truncated_first_copy_gives_way_to_the_whole_text(cut: int, between: str, newline: str) -> None:
    # (the first copy double spaced too, as a page's line ends read twice make it: a
    # field's lines far apart)
    first = _FIRST_TEXT[:cut].rstrip().replace("\n", newline) + "..."
    cable = cableparse.parse(first + between + _WHOLE_COPY)
    assert "CP209" in [d.code for d in cable.diagnostics]
    h = cable.header
    assert h.tags == ("PREL", "MOPS", "ENRG", "EAIR", "ELTN", "ECON")
    assert h.subject == "ARMENIA: FUEL, FOOD SHORTAGES PREDICTED DUE TO GEORGIA-RUSSIA CONFLICT; MFA ASKS OUR HELP"
    assert [r.text for r in h.references] == ["SECSTATE 85678"]
    assert h.classified_by is not None
    assert h.classified_by.text == "CDA Joseph Pennington, reasons 1.4 (b,d)"
    assert h.executive_order is not None
    assert h.executive_order.raw == "E.O. 12958: DECL: 08/10/2018"
    assert (h.captions, h.handling) == (("SIPDIS",), ("DEPARTMENT FOR GEORGIA TASK FORCE",))
    # the first copy is kept as written, and the text holds no copy of the header
    kept = [t.rstrip() for t in first.split("\n") if t.strip()]
    if lines.PARTIAL_SENTENCE in between:
        kept.append(lines.PARTIAL_SENTENCE)
    assert list(cable.preamble) == kept
    assert [(p.number, p.text) for p in cable.paragraphs] == [
        ("1", "Summary: the deputy minister asked for help."),
        ("2", "He said more."),
    ]
    _reads_back(cable)
    assert set(re.findall(r"\w+", first + _WHOLE_COPY)) <= set(re.findall(r"\w+", cableparse.dumps(cable)))


@pytest.mark.parametrize(
    "row",
    [
        # the whole copy's classification line behind what a page left of a record's row,
        # right below the line cut short (05ISTANBUL329: the time alone) or past a blank
        # line (05PRAGUE470, 05DUSHANBE1870: a row number, date and time)
        "\n14:25 ",
        "\n\n4/1/2005 14:50 ",
        "\n\n46151 11/28/2005 7:02 ",
    ],
)
def test_a_record_row_before_the_whole_copy_is_no_part_of_the_first_copys_fields(row: str) -> None:
    first = _FIRST_TEXT[: _FIRST_TEXT.index("GEORGIA-RUSSIA")].rstrip() + "..."
    whole = _WHOLE_COPY[: _WHOLE_COPY.index("\n\nSUBJECT")] + "\n\n1. (C) Summary: text.\n"
    cable = cableparse.parse(first + row + whole)
    assert "CP209" in [d.code for d in cable.diagnostics]
    assert cable.header.subject == "ARMENIA: FUEL, FOOD SHORTAGES PREDICTED DUE TO..."
    assert cable.preamble[-1] == row.strip()
    assert [p.text for p in cable.paragraphs] == ["Summary: text."]
    _reads_back(cable)


@pytest.mark.parametrize(
    "copy",
    [
        # another cable's classification line (another serial) is no copy
        _WHOLE_COPY.replace("000639", "000640", 1),
        # nor is one of another section
        _WHOLE_COPY.replace("SECTION 01 OF 02", "SECTION 02 OF 02", 1),
        # and a copy turned to lower case (00TASHKENT4223) is no better than the first
        _WHOLE_COPY.replace(
            "C O N F I D E N T I A L SECTION 01 OF 02 YEREVAN", "C o n f i d e n t i a l section 01 of 02 yerevan"
        ),
    ],
)
def test_a_copy_that_is_no_whole_copy_of_the_cable_stays_in_the_text(copy: str) -> None:
    cable = cableparse.parse(_FIRST_TEXT.rstrip() + "...\n\n" + copy)
    assert "CP209" not in [d.code for d in cable.diagnostics]
    assert cable.header.classification_line is not None
    assert cable.header.classification_line.serial == 639
    assert cable.preamble == ()
    assert cable.header.classified_by is not None
    assert cable.header.classified_by.text == "CDA Joseph Pennington, reasons 1.4 (b,d)..."


@pytest.mark.parametrize(
    ("value", "below", "whole"),
    [
        # reflowed text: no blank line below the value (10VATICAN14, 09USUNNEWYORK1141, 10MADRID87)
        ("Rafael P. Foley, Pol Chief. REASON: 1.4 (b), (d)", "Summary", True),
        ("Ambassador Rosemary DiCarlo for reasons 1.4 (d)", "SUMMARY AND INTRODUCTION", True),
        ("DCM Arnold A. Chacon, for reasons 1.4(b) and (d).", "XXXXXXXXXXXX", True),
        # the value carries on: a reason of its own on the next line (09STATE127892), or the
        # reasons not given yet, or no sentence ended
        ("ACTING EUR A/S NANCY MCELDOWNEY -FOR REASONS 1.4(B)", "AND (D)", False),
        ("Ambassador Eric S. Edelman for reasons", "1.4 (b) and (d).", False),
        ("Ambassador Eric S. Edelman, reasons 1.4 (b) and (d) as", "Amended.", False),
    ],
)
def test_a_classified_by_value_ends_where_its_reasons_do(value: str, below: str, whole: bool) -> None:
    cable = cableparse.parse(
        f"CONFIDENTIAL STATE 000123\n\nTAGS: PREL\nSUBJECT: TEST\nClassified By: {value}\n{below}\n"
    )
    clby = cable.header.classified_by
    assert clby is not None
    if whole:
        assert clby.text == value
        assert [p.text for p in cable.paragraphs] == [below]
    else:
        assert clby.text == f"{value} {below}"
        assert cable.paragraphs == ()
    assert cableparse.parse(cableparse.dumps(cable)).header == cable.header


@pytest.mark.parametrize(
    ("value", "text", "marking"),
    [
        # reflowed: the text run on to the reasons after its portion marking (08LONDON2218,
        # 09LONDON2183, 08LONDON2689, 09CAIRO1044), on the value's line or the next
        ("Political Counselor Richard M. Mills, Jr. for Reasons 1.4 (b) and (d)", "HMG is fully aware.", "C"),
        ("Political Counselor Robin Quinville for Reason 1.4 (c)", "HMG agrees on the importance.", "S/NF"),
        ("PolCouns Richard Mills, reasons 1.4 b, d", "Embassy London passed reftel points.", "C"),
        ("Minister-Counselor William R. Stewart for reason 1.4 (d).", "On June 7, Egyptian officials said.", "C"),
        ("DCM JOHN SMITH FOR REASONS 1.4 (B) AND (D)", "THE AMBASSADOR MET THE MINISTER.", "C"),
    ],
)
@pytest.mark.parametrize("newline", [False, True])
def test_the_text_run_on_to_a_classified_by_values_reasons_is_the_body(
    value: str, text: str, marking: str, newline: bool
) -> None:
    sep = "\n" if newline else " "
    cable = cableparse.parse(
        f"CONFIDENTIAL STATE 000123\n\nTAGS: PREL\nSUBJECT: TEST\nClassified By: {value}{sep}({marking}) {text}\n"
    )
    clby = cable.header.classified_by
    assert clby is not None
    assert clby.text == value
    assert [(p.number, p.marking, p.text) for p in cable.paragraphs] == [(None, marking, text)]
    assert cableparse.parse(cableparse.dumps(cable)).header == cable.header


@pytest.mark.parametrize(
    "value",
    [
        # reasons given as letters in parentheses, upper case: a list, not a marking
        "DCM JOHN SMITH FOR REASONS 1.4 (B) (C) AND (D)",
        "DCM JOHN SMITH FOR REASONS 1.4 (B) (C) (D)",
        "DCM JOHN SMITH FOR REASONS 1.4 (B), (C) D AND E",
        "DCM JOHN SMITH FOR REASONS 1.4 (B) (C) D",
    ],
)
def test_a_reasons_letter_in_parentheses_is_no_portion_marking(value: str) -> None:
    cable = cableparse.parse(f"CONFIDENTIAL STATE 000123\n\nTAGS: PREL\nSUBJECT: TEST\nClassified By: {value}\n")
    assert cable.header.classified_by is not None
    assert cable.header.classified_by.text == value
    assert "1.4(c)" in cable.header.classified_by.reasons
    assert cable.paragraphs == ()


def test_a_paragraph_number_glued_to_its_first_word_ends_a_classified_by_value() -> None:
    # 09CAIRO1094: paragraph 1's number glued to its first word, on the line below the reasons
    cable = cableparse.parse(
        "CONFIDENTIAL CAIRO 001094\n\nSUBJECT: TEST\nClassified By: Ambassador Margaret Scobey for reasons 1.4 (b)"
        " and (d).\n1.KEY POINTS -- (C) On May 18, a delegation met.\n\n2. (C) Two.\n"
    )
    assert cable.header.classified_by is not None
    assert cable.header.classified_by.text == "Ambassador Margaret Scobey for reasons 1.4 (b) and (d)."
    assert [p.text for p in cable.paragraphs] == ["1.KEY POINTS -- (C) On May 18, a delegation met.", "Two."]
    assert cableparse.parse(cableparse.dumps(cable)).header == cable.header


_PROSE = "Pol/Econ Chief delivered reftel points to the MFA directorate on October 21."


@pytest.mark.parametrize(("item", "marking"), [("STATE 146857", "U"), ("STATE 57598", "SBU"), ("08 PARIS 12", "S/NF")])
def test_the_text_run_on_to_the_last_ref_item_stays_in_it(item: str, marking: str) -> None:
    # 07MANAMA963, 09CAIRO1096: the cable's only paragraph run on to the REF line is kept
    # in the item as written (a marking inside an item cannot be told from the text's
    # wherever the item's lines fall), and reads back the same from canonical text
    cable = cableparse.parse(f"CONFIDENTIAL MANAMA 000963\n\nSUBJECT: TEST\n\nREF: {item} ({marking}) {_PROSE}\n")
    assert " ".join(r.text for r in cable.header.references) == f"{item} ({marking}) {_PROSE}"
    assert cable.paragraphs == ()
    once = cableparse.dumps(cable)
    assert cableparse.normalize(once) == once


@pytest.mark.parametrize(("item", "marking"), [("STATE 146857", "U"), ("STATE 57598", "SBU"), ("08 PARIS 12", "S/NF")])
def test_a_marked_line_of_text_below_the_last_ref_item_opens_the_text(item: str, marking: str) -> None:
    # 08KUALALUMPUR317 (a page not in the shared corpus): ``REF: STATE 40380`` over ``(SBU)
    # Poloff delivered ...``, no blank line between: a line below the list that opens with
    # a portion marking and words after it is the text's (the cable's only paragraph and
    # its signer were REF items)
    cable = cableparse.parse(
        f"CONFIDENTIAL MANAMA 000963\n\nSUBJECT: TEST\n\nREF: {item}\n({marking}) {_PROSE}\nKEITH\n"
    )
    assert [r.text for r in cable.header.references] == [item]
    assert [(p.marking, p.text) for p in cable.paragraphs] == [(marking, _PROSE)]
    assert cable.signature == "KEITH"
    once = cableparse.dumps(cable)
    assert cableparse.normalize(once) == once


@pytest.mark.parametrize(
    "source",
    [
        # (fuzz input, cut down): an unlettered item that opens with a marking and words,
        # which canonical text, writing each such item on a line of its own, would leave to
        # be read as the text's first line: it goes on the line above, after a semicolon
        b"<pre>&#x000AREF\xb7;(U)t l sectzion 00\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xffSUB",
        "REF: STATE 12345; (SBU) Embassy Paris email of March 4, 2008 to the desk officers\n",
    ],
)
def test_a_ref_item_that_opens_like_marked_text_reads_back_as_an_item(source: str | bytes) -> None:
    cable = cableparse.parse(source)
    once = cableparse.dumps(cable)
    again = cableparse.parse(once)
    assert again.header.references == cable.header.references
    assert cableparse.dumps(again) == once


@pytest.mark.parametrize(
    "block",
    [
        # the next item's letter in parentheses (``(C)`` after ``(B)``), however long
        "(A) STATE 12345\n(B) USUN 678\n(C) Embassy Paris email of March 4, 2008 to the Department's desk officers",
        # a short line after a marking
        "STATE 12345\n(U) USUN 678",
    ],
)
def test_a_marked_line_that_can_be_a_ref_item_stays_in_the_block(block: str) -> None:
    cable = cableparse.parse(f"CONFIDENTIAL MANAMA 000963\n\nSUBJECT: TEST\n\nREF: {block}\n")
    assert cable.paragraphs == ()
    assert len(cable.header.references) == block.count("\n") + 1


@pytest.mark.parametrize(
    "block",
    [
        # an item's letter in parentheses, however long the item
        "(A) STATE 12345 (B) USUN 678 (C) Embassy Paris email of March 4, 2008 to the Department's desk officers",
        # a marking before a short item
        "A. STATE 12345 B. (U) USUN 678",
        # a marking after a word, not an item's number
        "STATE 12345 AND THE (U) Embassy Paris email of March 4, 2008 to the Department's desk officers",
    ],
)
def test_a_ref_items_letter_or_marking_stays_in_the_block(block: str) -> None:
    cable = cableparse.parse(f"CONFIDENTIAL MANAMA 000963\n\nSUBJECT: TEST\n\nREF: {block}\n")
    refs = cable.header.references
    assert cable.paragraphs == ()
    # every word of the block is an item's letter or in an item's text
    read = [f"({r.letter})" for r in refs if r.letter] + [f"{r.letter}." for r in refs if r.letter]
    read += " ".join(r.text for r in refs).split()
    assert set(block.split()) <= set(read)


@pytest.mark.parametrize(
    "layout",
    [
        # the text's first line short, its prose going on below (06REYKJAVIK308 with its
        # blank lines taken out)
        "REFS: A) STATE 85722\n(SBU) Icelandic MFA Counselor for Human Rights Ingibjorg\n"
        "Davidsdottir informed Poloff on 28 August that the GOI would support\n",
        # lettered items, the text run on to the last, a paragraph's opening further on
        # (09TIJUANA1116 reflowed)
        "REF: A) TIJUANA 1092 B) TIJUANA 921  (SBU) SUMMARY: Various political leaders claim that cooperation"
        " has produced progress. 2. (SBU) Local politicians point to the drop.\n",
        # a lettered item with a marking, its text going on below
        "REF: A. STATE 123\nB. STATE 456 (U) The Ambassador met the Foreign Minister\non May 4 to discuss the day.\n",
    ],
)
def test_the_text_below_the_last_ref_item_reads_the_same_in_canonical_text(layout: str) -> None:
    cable = cableparse.parse(f"UNCLAS TIJUANA 001116\n\nSUBJECT: TEST\n\n{layout}")
    once = cableparse.dumps(cable)
    assert cableparse.normalize(once) == once


def test_paragraph_ones_number_glued_to_its_first_word_ends_the_subject() -> None:
    # 09CAIRO205: the subject's second line is the text's first
    cable = cableparse.parse(
        "UNCLAS CAIRO 000205\n\nSUBJECT: LESSONS LEARNED FROM THE EVACUATION\n1.Summary: Embassy Cairo evacuated"
        " four families.\n\n2.On January 19 the team assembled.\n"
    )
    assert cable.header.subject == "LESSONS LEARNED FROM THE EVACUATION"
    assert cable.paragraphs[0].text == "1.Summary: Embassy Cairo evacuated four families."
    assert cableparse.parse(cableparse.dumps(cable)).header == cable.header


# 08BERLIN643 (a page not in the shared corpus): a copy turned to lower case, an attention
# line run on to the caption
_LOWERED = (
    "S e c r e t berlin 000643\n\nSipdis, isn/mtr, eur/ags and eur/pra\n\nE.o. 12958: decl: 05/16/2033\n"
    "Tags: parm, prel, ettc, mtcre, ksca, ir, gm\nSubject: (s) germany requests information concerning\n"
    "iranian procurement of a test chamber\n\nClassified By: Glbal Affairs Unit Chief Don L. Brown for\n"
    "reasons 14 (b) and (d).\n\n1. (u) this is an action request. Please see para 5.\n"
)


def test_a_copy_turned_to_lower_case_keeps_its_attention_lines() -> None:
    cable = cableparse.parse(_LOWERED)
    h = cable.header
    assert h.captions == ("SIPDIS",)
    assert len(h.handling) == 1 and "isn/mtr" in h.handling[0]
    assert h.tags == ("parm", "prel", "ettc", "mtcre", "ksca", "ir", "gm")
    assert h.subject == "germany requests information concerning iranian procurement of a test chamber"
    assert [p.text for p in cable.paragraphs] == ["this is an action request. Please see para 5."]
    assert cableparse.parse(cableparse.dumps(cable)).header == h


@pytest.mark.parametrize(
    "source",
    [
        # a line in lower case below a classification line that is not
        _LOWERED.replace("S e c r e t berlin", "S E C R E T BERLIN", 1),
        # a sentence in lower case
        _LOWERED.replace("isn/mtr, eur/ags and eur/pra", "we met isn/mtr staff.", 1),
    ],
)
def test_a_line_in_lower_case_is_the_text_unless_the_copy_is_lowered_and_it_names_offices(source: str) -> None:
    cable = cableparse.parse(source)
    assert cable.header.handling == ()
    assert cable.header.tags == ()
    assert "isn/mtr" in cable.paragraphs[0].text


_ORDER_CITED = (
    "UNCLAS SAN JOSE 000059\n\nE.O. 12958: N/A\nTAGS: KNNP EFIN PARM IR CS\n"
    "SUBJECT: DESIGNATION OF ADDITIONAL IRANIAN ENTITIES UNDER\nE.O. 13382\n\nREF: 08 STATE 133198\n\n"
    "(SBU) On January 26, we informed the MFA.\n"
)


def test_a_subject_that_cites_an_executive_order_on_its_next_line() -> None:
    # 09SANJOSE59: the order the subject cites is no second E.O. line
    cable = cableparse.parse(_ORDER_CITED)
    h = cable.header
    assert h.subject == "DESIGNATION OF ADDITIONAL IRANIAN ENTITIES UNDER E.O. 13382"
    assert h.executive_order is not None and h.executive_order.order == "12958"
    assert [r.text for r in h.references] == ["08 STATE 133198"]
    assert "CP206" not in {d.code for d in cable.diagnostics}
    assert cableparse.parse(cableparse.dumps(cable)).header == h


@pytest.mark.parametrize(
    "line",
    [
        "E.O. 13382: DECL: 01/27/2019",  # a declassification: a second E.O. line
        "E.O. 12958: N/A",
    ],
)
def test_a_second_eo_line_below_the_subject_ends_the_header(line: str) -> None:
    cable = cableparse.parse(_ORDER_CITED.replace("E.O. 13382\n", line + "\n", 1))
    assert cable.header.subject == "DESIGNATION OF ADDITIONAL IRANIAN ENTITIES UNDER"
    assert "CP206" in {d.code for d in cable.diagnostics}


# 09THEHAGUE707: a truncated first copy, a pasted database record of bare values, and the
# whole text, whose subject lost its quotation marks in the record's export
_COPY_ABOVE_RECORD = (
    "C O N F I D E N T I A L SECTION 01 OF 02 THE HAGUE 000707\n\nNOFORN\nSIPDIS\n\n"
    "E.O. 12958: DECL: 11/19/2019\nTAGS: PREL UNGA IS PINR KPAL NL EU\n"
    'SUBJECT: NETHERLANDS/ISRAEL: "DISMAYED"\n\nREF: A. SECSTATE 118799\n     B. THE HAGUE 668\n     C....\n\n\n\n'
    "235918\n\n2009-11-20\n\n09THEHAGUE707\n\nEmbassy The Hague\n\nCONFIDENTIAL//NOFORN\n\n"
    "09SECSTATE118799|09THEHAGUE615|09THEHAGUE668\n\n"
    "C O N F I D E N T I A L SECTION 01 OF 02 THE HAGUE 000707\n\nNOFORN\nSIPDIS\n\n"
    "E.O. 12958: DECL: 11/19/2019\nTAGS: PREL UNGA IS PINR KPAL NL EU\nSUBJECT: NETHERLANDS/ISRAEL: DISMAYED\n\n"
    "REF: A. SECSTATE 118799\nB. THE HAGUE 668\nC. THE HAGUE 615\n\n"
    "Classified By: PolEcon Counselor Andrew C. Mann for reasons 1.4(b,d)\n\n"
    "1. (C/NF) SUMMARY: The Dutch will support.\n"
)


def test_a_truncated_first_copy_above_a_pasted_record_gives_its_whole_fields() -> None:
    cable = cableparse.parse(_COPY_ABOVE_RECORD)
    codes = {d.code for d in cable.diagnostics}
    assert {"CP302", "CP209"} <= codes
    h = cable.header
    # the subject as the first copy writes it (whole there), the references as the whole
    # text gives them (the first copy's are cut short)
    assert h.subject == 'NETHERLANDS/ISRAEL: "DISMAYED"'
    assert [r.text for r in h.references] == ["SECSTATE 118799", "THE HAGUE 668", "THE HAGUE 615"]
    assert cable.preamble[0] == "C O N F I D E N T I A L SECTION 01 OF 02 THE HAGUE 000707"
    assert [p.number for p in cable.paragraphs] == ["1"]
    assert cableparse.parse(cableparse.dumps(cable)).header == h


# A tab-separated database row pasted as the cable text, without its row number: the
# time stamp opens it, and the classification line is glued to the last addressee after
# a tab (the lines of 06BERN1280 of the release, each ending in an escaped newline)
_ROW = (
    "2006-07-10 14:51:00\t06BERN1280\tEmbassy Bern\tCONFIDENTIAL\t\tVZCZCXRO4324\\\n"
    "OO RUEHBC RUEHDBU RUEHDE\\\nDE RUEHSW #1280/01 1911451\\\nZNY CCCCC ZZH\\\nO 101451Z JUL 06\\\n"
    "FM AMEMBASSY BERN\\\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 2621\\\nINFO RUCNIRA/IRAN COLLECTIVE PRIORITY\\\n"
    "RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY\tC O N F I D E N T I A L SECTION 01 OF 02 BERN 001280 \\\n"
    " \\\nSIPDIS \\\n \\\nE.O. 12958: DECL: 07/10/2016 \\\nTAGS: PREL KNNP PARM ETTC SZ\n"
    "SUBJECT: IRAN: LARIJANI MEETS WITH SWISS FM CALMY-REY \\\n \\\n1.(C) Summary: Text. \\\n"
)


@pytest.mark.parametrize("number", ["", "76571\t"])
def test_a_tab_row_with_or_without_its_row_number_above_the_cable_text(number: str) -> None:
    cable = cableparse.parse(number + _ROW)
    cl = cable.header.classification_line
    assert cl is not None
    assert (cl.level, cl.origin, cl.serial, cl.section) == ("CONFIDENTIAL", "BERN", 1280, 1)
    assert "CP302" in [d.code for d in cable.diagnostics]
    assert cable.preamble[0] == f"{number}2006-07-10 14:51:00\t06BERN1280\tEmbassy Bern\tCONFIDENTIAL\t\tVZCZCXRO4324"
    assert cable.preamble[-1] == "RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY"
    assert cable.header.tags == ("PREL", "KNNP", "PARM", "ETTC", "SZ")
    assert [p.number for p in cable.paragraphs] == ["1"]
    again = cableparse.parse(cableparse.dumps(cable))
    assert (again.header, again.preamble) == (cable.header, cable.preamble)


def test_the_classification_column_of_a_tab_row_is_no_classification_line() -> None:
    # (09ANKARA71: the row's columns after its level read as origin words and a serial)
    row = "2009-01-15 11:47:00\t09ANKARA71\tEmbassy Ankara\tSECRET\t09STATE2519\tP 151147Z JAN 09\\\n"
    text = row + "FM AMEMBASSY ANKARA\\\nTO SECSTATE WASHDC PRIORITY 8474\tS E C R E T ANKARA 000071 \\\nTAGS: PREL\n"
    cl = cableparse.parse(text).header.classification_line
    assert cl is not None
    assert (cl.origin, cl.serial) == ("ANKARA", 71)


@pytest.mark.parametrize("record", ["Cable dated:2009-02-06T13:05:00", "ID:190812 Cable dated:2009-02-06T13:05:00"])
def test_a_cable_dated_record_glued_to_the_classification_line(record: str) -> None:
    # (09LONDON333 of the release: the record's id before it)
    text = f"{record}C O N F I D E N T I A L SECTION 01 OF 02 LONDON 000333 \n\nTAGS: EAIR\nSUBJECT: TEST\n"
    cable = cableparse.parse(text)
    cl = cable.header.classification_line
    assert cl is not None
    assert (cl.origin, cl.serial, cl.sections) == ("LONDON", 333, 2)
    assert cable.preamble == (record,)
    assert cableparse.parse(cableparse.dumps(cable)).header == cable.header


def test_a_labelled_database_record_above_the_text() -> None:
    # (09KUWAIT110 of the release: the record's labelled lines, its routing header run
    # together on one, above the classification line)
    record = (
        "ID: 190648\nORIGIN: 09KUWAIT110\nDATE: 2009-02-05 16:36:00\nSOURCE: Embassy Kuwait\n"
        "CLASSIFICATION: SECRET//NOFORN\nMISC: 09KUWAIT95\n"
        "DESTINATION: VZCZCXRO3981RUEHDE RUEHDIRRUEHKU #0110/01 0361636SSSSS ZZH051636Z FEB 09AMEMBASSY KUWAIT\n"
    )
    text = (
        f"{record}\nS E C R E T SECTION 01 OF 02 KUWAIT 000110\n\nNOFORN\nSIPDIS\n\n"
        "E.O. 12958: DECL: 02/05/2029\nTAGS: PREL PTER PINR KU IR\nSUBJECT: THE MINISTER'S REMEDY\n\n"
        "1. (S/NF) Text.\n\nJONES\n"
    )
    cable = cableparse.parse(text)
    cl = cable.header.classification_line
    assert cl is not None
    assert (cl.origin, cl.serial) == ("KUWAIT", 110)
    assert cable.preamble == tuple(record.strip().split("\n"))
    assert cable.header.handling == ()
    assert "CP302" in {d.code for d in cable.diagnostics}
    _reads_back(cable)


def test_an_editors_note_among_the_attention_lines() -> None:
    # (09ANKARA226 of the release: a line in mixed case below the captions, the attention
    # lines and the fields below it)
    text = (
        "C O N F I D E N T I A L SECTION 01 OF 04 ANKARA 000226\nSIPDIS\n"
        "Note - PII information removed from original message.\nSENSITIVE\nLONDON FOR GAYLE\n"
        "EO 12958 DECL: 06/02/2019\nTAGS CASC, PGOV\nSUBJECT: ELDERLY AMERICAN SMUGGLED OUT OF IRAN\n"
        "Classified By: DCM;DOUG SILLIMAN FOR REASONS 1.4(B,D)\n"
        "1. (C) Summary: text.\n\nJEFFREY\n"
    )
    cable = cableparse.parse(text)
    assert cable.header.subject == "ELDERLY AMERICAN SMUGGLED OUT OF IRAN"
    assert cable.header.tags == ("CASC", "PGOV")
    assert cable.header.handling == ("Note - PII information removed from original message.", "LONDON FOR GAYLE")
    assert [p.number for p in cable.paragraphs] == ["1"]
    _reads_back(cable)
    # (without fields below it, such a line is the text's)
    cable = cableparse.parse("C O N F I D E N T I A L ANKARA 000226\nSIPDIS\nNote - a line of text.\n\nJEFFREY\n")
    assert cable.header.handling == ()
    assert cable.paragraphs[0].text == "Note - a line of text."


# A truncated first copy whose whole copy opens behind a record's row (05PRAGUE470), or
# at a field of the first copy again, without a classification line (05ROME3081)
_PRAGUE = (
    "C O N F I D E N T I A L PRAGUE 000470 \n \nSIPDIS \n \nE.O. 12958: DECL: 04/01/2015 \n"
    "TAGS: MASS PREL BO EZ RS\nSUBJECT: (C) CZECH GOVERNMENT OFFICIALLY SAYS NO TO SALE OF \n"
    "MISSILES FROM BELARUS TO US NAVY \n \nREF: A. PRAGUE 337 \n \n     B. PRAGUE 356 ...\n"
    "4/1/2005 14:50 C O N F I D E N T I A L PRAGUE 000470 SIPDIS E.O. 12958: DECL: 04/01/2015"
    " TAGS: MASS PREL BO EZ RS\n\nSUBJECT: (C) CZECH GOVERNMENT OFFICIALLY SAYS NO TO SALE OF MISSILES FROM"
    " BELARUS TO US NAVY REF: A. PRAGUE 337 B. PRAGUE 356 Classified By: Pol-Econ Counselor Mark Canning"
    " for reasons 1.4 b+d\n1. (C) The Czech government has formally denied the license request.\nCABANISS\n"
)
_ROME = (
    "C O N F I D E N T I A L  ROME 003081 \n \nSIPDIS \n \nE.O. 12958: DECL: 09/12/2015 \n"
    "TAGS: PREL PGOV IT\nSUBJECT: THE AMBASSADOR'S COURTESY CALL ON SENATE PRESIDENT \nMARCELLO PERA \n \n"
    "Classified By: Ambassador Ronald Spogli f...\n\n"
    "SUBJECT: THE AMBASSADOR'S COURTESY CALL ON SENATE PRESIDENT \nMARCELLO PERA \n \n"
    "Classified By: Ambassador Ronald Spogli for reasons 1.4 (b) and (d). \n \n"
    "1. (C) SUMMARY:  During a courtesy call with Ambassador Spogli, he spoke. \n \nSPOGLI\n"
)


def test_a_titled_database_record_above_the_text() -> None:
    # (09DOHA691, a text file of alx/cablegate: the record's title, then its labelled lines
    # with tabs, the reference id on the ``Key:`` line, above the classification line)
    record = (
        "QATAR INVESTMENT AUTHORITY'S 2010 INVESTMENT STRATEGY OUTLINED\nClass: \tCONFIDENTIAL\n"
        "Date: \tWed Nov 25 11:44:00 2009\nKey: \t09DOHA691\nTags: \tPGOV, EFIN, EINV, AR, BR, CH\n"
    )
    text = (
        f"{record}\n \n\nC O N F I D E N T I A L SECTION 01 OF 02 DOHA 000691\n\nSIPDIS\n\n"
        "E.O. 12958: DECL: 11/24/2019\nTAGS: PGOV EFIN EINV AR BR CH\n"
        "SUBJECT: QATAR INVESTMENT AUTHORITY'S 2010 INVESTMENT\nSTRATEGY OUTLINED\n\n1. (C) Text.\n\nLEBARON\n"
    )
    cable = cableparse.parse(text)
    cl = cable.header.classification_line
    assert cl is not None and (cl.origin, cl.serial) == ("DOHA", 691)
    assert cable.preamble == tuple(record.strip().split("\n"))
    assert cable.header.subject == "QATAR INVESTMENT AUTHORITY'S 2010 INVESTMENT STRATEGY OUTLINED"
    assert cable.header.handling == ()
    assert "CP302" in {d.code for d in cable.diagnostics}
    _reads_back(cable)


def test_a_whole_copy_behind_a_records_row() -> None:
    cable = cableparse.parse(_PRAGUE)
    assert "CP209" in [d.code for d in cable.diagnostics]
    assert [r.text for r in cable.header.references] == ["PRAGUE 337", "PRAGUE 356"]
    assert cable.header.classified_by is not None
    assert cable.header.classified_by.reasons == ("1.4(b)", "1.4(d)")
    assert cable.preamble[-1] == "4/1/2005 14:50"  # (the row, cut off its line)
    assert [p.number for p in cable.paragraphs] == ["1"]
    _reads_back(cable)


def test_a_whole_copy_that_opens_at_a_field_of_the_first_again() -> None:
    cable = cableparse.parse(_ROME)
    assert "CP209" in [d.code for d in cable.diagnostics]
    assert "CP206" not in [d.code for d in cable.diagnostics]
    h = cable.header
    assert h.classification_line is not None
    assert h.classification_line.serial == 3081
    assert h.subject == "THE AMBASSADOR'S COURTESY CALL ON SENATE PRESIDENT MARCELLO PERA"
    assert h.classified_by is not None
    assert h.classified_by.text == "Ambassador Ronald Spogli for reasons 1.4 (b) and (d)."
    assert cable.preamble[-1] == "Classified By: Ambassador Ronald Spogli f..."
    assert [p.number for p in cable.paragraphs] == ["1"]
    _reads_back(cable)


def test_a_field_cut_short_over_another_field_is_no_copy() -> None:
    # (03ROME5149: the subject cut short, and the header carries on with its next field)
    text = (
        "C O N F I D E N T I A L  ROME 005149 \n \nSIPDIS \n \nE.O. 12958: DECL: 11/13/2013 \n"
        "TAGS: EAGR ETRD TBIO\nSUBJECT: ITALY/BIOTEC...\n \nClassified By: CHARGE D'AFFAIRES EMIL SKODON, \n"
        "FOR REASONS 1.5(B)(D) \n \n1. (C)  SUMMARY:  Ref A describes the minister's latest gambit. \n"
    )
    cable = cableparse.parse(text)
    assert "CP209" not in [d.code for d in cable.diagnostics]
    assert cable.preamble == ()
    assert cable.header.subject == "ITALY/BIOTEC..."
    assert cable.header.classified_by is not None
    assert cable.header.classified_by.reasons == ("1.5(b)", "1.5(d)")


def test_a_whole_copy_inside_a_cables_csv_row() -> None:
    # (07THEHAGUE205: below the truncated first copy, the cables.csv row, its routing
    # header in a quoted field over several lines, and the whole text in the next field)
    text = (
        "C O N F I D E N T I A L THE HAGUE 000205 \n \nSIPDIS \n \nE.O. 12958: DECL: 02/01/2017\n \n"
        "TAGS: NATO PINS PREL MARR MOPS AF NL\n \n"
        "SUBJECT: NETHERLANDS/AFGHANISTAN/JSF: LABOR PARTY VIEWS ON DEFENSE AS COALITION TALK...\n\n\n"
        '95112,2/2/2007 15:33,07THEHAGUE205,"Embassy The\nHague",CONFIDENTIAL,,"VZCZCXYZ0000\nOO RUEHWEB\n'
        "DE RUEHTC #0205 0331533\nZNY CCCCC ZZH\nO 021533Z FEB 07\nFM AMEMBASSY THE HAGUE\n"
        'TO RUEHC/SECSTATE WASHDC IMMEDIATE 8087\n\n","C O N F I D E N T I A L THE HAGUE 000205\nSIPDIS\n\n'
        "E.O. 12958: DECL: 02/01/2017\n\nTAGS: NATO PINS PREL MARR MOPS AF NL\n\n"
        "SUBJECT: NETHERLANDS/AFGHANISTAN/JSF: LABOR PARTY VIEWS ON DEFENSE AS COALITION TALKS CONTINUE\n\n"
        "Classified By: Ambassador Roland Arnall, reasons 1.4 (b,d)\n\n1. (C) Summary: Text.\n\nARNALL\n"
    )
    cable = cableparse.parse(text)
    assert "CP209" in [d.code for d in cable.diagnostics]
    h = cable.header
    assert h.subject == "NETHERLANDS/AFGHANISTAN/JSF: LABOR PARTY VIEWS ON DEFENSE AS COALITION TALKS CONTINUE"
    assert h.classified_by is not None
    assert h.classified_by.reasons == ("1.4(b)", "1.4(d)")
    assert cable.preamble[-1] == '","'
    assert [p.number for p in cable.paragraphs] == ["1"]
    assert cable.signature == "ARNALL"
    _reads_back(cable)


def test_a_whole_copy_inside_a_cables_csv_row_whose_first_line_closes_its_quotes() -> None:
    # (08THEHAGUE185: the row's first line ends after a whole quoted field; the text opens
    # after '","' at the end of the routing header's last line, 09THEHAGUE395)
    text = (
        "C O N F I D E N T I A L THE HAGUE 000185 \n \nSIPDIS \n \nTAGS: MARR PGOV PREL AF NL\n"
        "SUBJECT: NETHERLANDS: DEFENSE ISSUES HEADING INTO BUCHAREST \n \nClassified By: CDA Andrew Schof...\n\n\n"
        '143233,2/27/2008 12:30,08THEHAGUE185,"Embassy The Hague",\nCONFIDENTIAL,,"VZCZCXYZ0003\n'
        "OO RUEHWEB\nDE RUEHTC #0185/01 0581230\nFM AMEMBASSY THE HAGUE\nRUEKJCS/SECDEF WASHDC PRIORITY"
        '","C O N F I D E N T I A L THE HAGUE 000185\nSIPDIS\nTAGS: MARR PGOV PREL AF NL\n'
        "SUBJECT: NETHERLANDS: DEFENSE ISSUES HEADING INTO BUCHAREST\n"
        "Classified By: CDA Andrew Schofer, reasons 1.4 (b, d)\n\n1. (C) Summary: Text.\n"
    )
    cable = cableparse.parse(text)
    assert "CP209" in [d.code for d in cable.diagnostics]
    assert cable.header.classified_by is not None
    assert cable.header.classified_by.text == "CDA Andrew Schofer, reasons 1.4 (b, d)"
    assert cable.preamble[-1] == 'RUEKJCS/SECDEF WASHDC PRIORITY","'
    assert [p.number for p in cable.paragraphs] == ["1"]
    _reads_back(cable)


_REASON_PIECES = ["1.4", "1 . 5", "1,4", "(b)", "(B, D)", " and ", "d", "c.", "x", " ", "Reasons ", ").", "1.", "A"]


@given(st.lists(st.lists(st.sampled_from(_REASON_PIECES), max_size=8).map("".join), min_size=1, max_size=8))
def test_a_classified_by_values_reasons_are_kept_as_its_lines_come(parts: list[str]) -> None:
    # the reasons of the lines so far, kept line by line, are those of the lines joined,
    # and a value (that ends a sentence) ends before a line exactly when joining that
    # line adds no reason
    given = set(header.reasons_of(parts[0]))
    for k in range(1, len(parts)):
        given.update(header.reasons_of(f"{header._value_tail(parts, k)} {parts[k]}"))
    value = " ".join(parts)
    assert given == set(header.reasons_of(value))
    for nxt in ("Summary", "AND (D)", "(c) 1.4 (a)", "1.5 b"):
        ended = bool(given) and header.reasons_of(f"{value} {nxt}") == header.reasons_of(value)
        assert header._ended_before(parts, given, nxt) == ended


@pytest.mark.parametrize(
    ("value", "reasons"),
    [
        # 07RIYADH2320 of the release: ``AND`` broken by a space is no reason (a)
        ("CHARGE D'AFFAIRES MICHAEL GFOELLER FOR REASONS 1.4 (B) A ND (D)", ("1.4(b)", "1.4(d)")),
        # 09UNVIEVIENNA218, 05VIENNA3833: broken the other way, or twice
        ("GEOFFREY PYATT FOR REASONS 1.4 (B) AN D (D)", ("1.4(b)", "1.4(d)")),
        ("Charge Scott F. Kilner. Reasons: 1.4 (b) a n d (d).", ("1.4(b)", "1.4(d)")),
        # the letters end at a word (08DAMASCUS146's note, had it been run on)
        ("Charge Michael Corbin for reasons 1.4(b,d) This is a corrected copy", ("1.4(b)", "1.4(d)")),
        ("Ambassador, 1.4 (b) or (d) per E.O. 12958", ("1.4(b)", "1.4(d)")),
        ("Ambassador, reasons 1.4 (a) and (d)", ("1.4(a)", "1.4(d)")),
        ("Ambassador, reasons 1.4 a, b and d", ("1.4(a)", "1.4(b)", "1.4(d)")),
    ],
)
def test_the_reasons_of_a_classified_by_value(value: str, reasons: tuple[str, ...]) -> None:
    assert header.reasons_of(value) == reasons
    text = (
        "SECRET RIYADH 002320\n\nE.O. 12958: DECL: 11/18/2017\nTAGS: PREL\nSUBJECT: TEST\n\n"
        f"Classified By: {value}\n\n1. (S) Text.\n"
    )
    cable = cableparse.parse(text)
    assert cable.header.classified_by is not None
    assert cable.header.classified_by.reasons == reasons
    _reads_back(cable)


@pytest.mark.parametrize(
    ("value", "reasons", "stays"),
    [
        # 07LONDON4472, 08BEIJING1263 of the release: the reasons past a blank line
        ("AMBASSADOR ROBERT H. TUTTLE FOR REASONS \n\n1.4 B, D", ("1.4(b)", "1.4(d)"), None),
        ("Political Minister Counselor Aubrey Carlson. Reasons\n\n1.4 (b/d).", ("1.4(b)", "1.4(d)"), None),
        # 09TRIPOLI260: the value cut after a comma, its reasons at the end of the next line
        (
            "Gene A. Cretz, Ambassador, Embassy Tripoli, \n\nDepartment of State. REASON: 1.4 (b), (d)",
            ("1.4(b)", "1.4(d)"),
            None,
        ),
        ("Gene A. Cretz, Ambassador, \n\nThe talks went on.", (), "The talks went on."),
        # a value not cut before its reasons, a line of text below: text
        ("Ambassador X for reasons 1.4 (b)\n\n1.5 (d) too.", ("1.4(b)",), "1.5 (d) too."),
        ("Ambassador X for reasons\n\nThe talks went on.", (), "The talks went on."),
    ],
)
def test_classified_by_reasons_past_a_blank_line(value: str, reasons: tuple[str, ...], stays: str | None) -> None:
    text = (
        "CONFIDENTIAL LONDON 004472\n\nSIPDIS\n\nE.O. 12958: DECL: 12/05/2017\nTAGS: EAIR\nSUBJECT: TEST\n\n"
        f"Classified By: {value}\n\n1. (SBU) Summary: text.\n\nTUTTLE\n"
    )
    cable = cableparse.parse(text)
    assert cable.header.classified_by is not None
    assert cable.header.classified_by.reasons == reasons
    assert [p.text for p in cable.paragraphs if p.number is None] == ([stays] if stays else [])
    _reads_back(cable)


@pytest.mark.parametrize("top", ["CONFIDENTIAL VATICAN 000106\n\nSIPDIS\n\nE.O. 12958: DECL: 10/23/2019\n\n", ""])
def test_classified_by_reasons_past_a_blank_line_with_the_first_paragraph_run_on(top: str) -> None:
    # 09VATICAN106 of the release, reflowed: the value cut after ``REASON:``, and past a
    # blank line its reasons with the text's first paragraph run on to them: the value
    # takes the reasons, the paragraph opens the body (the reasons were an unnumbered
    # paragraph, which canonical text without metadata read back as the value's)
    text = (
        f"{top}CLASSIFIED BY: Julieta Valls Noyes, DCM, EXEC, State. REASON: \n\n"
        "1.4 (b) 1. (C) Summary: On October 13, the Holy See walked back from a prior written agreement to "
        "become an observer on the International Task Force. End Summary.\n\n2. (C) Text.\n"
    )
    cable = cableparse.parse(text)
    cb = cable.header.classified_by
    assert cb is not None
    assert (cb.text, cb.reasons) == ("Julieta Valls Noyes, DCM, EXEC, State. REASON: 1.4 (b)", ("1.4(b)",))
    assert [(p.number, p.marking) for p in cable.paragraphs] == [("1", "C"), ("2", "C")]
    assert cable.paragraphs[0].text.startswith("Summary: On October 13")
    _reads_back(cable)


def test_a_note_below_a_classified_by_value_that_gives_its_reasons_is_text() -> None:
    # 08DAMASCUS146 of the release: a line below the value, no blank line between, that
    # adds no reason is no part of it (its ``a`` read as a reason before)
    text = (
        "S E C R E T DAMASCUS 000146\n\nSIPDIS\n\nE.O. 12958: DECL: 02/25/2018\nTAGS: PREL SY\n"
        "SUBJECT: TEST\n\nClassified By: Charge d'Affaires Michael Corbin for reasons 1.4(b,d)\n"
        "This is a corrected copy of DAMASCUS 142 -- deleted extra word in the comment.\n\n"
        "1. (S) Summary: text.\n\nCORBIN\n"
    )
    cable = cableparse.parse(text)
    cb = cable.header.classified_by
    assert cb is not None
    assert (cb.text, cb.reasons) == ("Charge d'Affaires Michael Corbin for reasons 1.4(b,d)", ("1.4(b)", "1.4(d)"))
    assert [(p.number, p.text) for p in cable.paragraphs] == [
        (None, "This is a corrected copy of DAMASCUS 142 -- deleted extra word in the comment."),
        ("1", "Summary: text."),
    ]
    _reads_back(cable)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # 06SANJOSE2379 of the release: the subject's last line past a blank line, a REF
        # field below it (the page's line ends read twice)
        (
            "SUBJECT: COSTA RICAN IMMIGRATION DIRECTOR PLANS MAJOR \n \nREFORMS \n \nREF: A. SAN JOSE 1529 \n \n"
            "Classified By: Ambassador Mark Langdale for reason 1.4 (d) \n \n1. (C) SUMMARY: Text.",
            "COSTA RICAN IMMIGRATION DIRECTOR PLANS MAJOR REFORMS",
        ),
        # 08LONDON2765: the field on the next line
        (
            "SUBJECT: CONSERVATIVE PARTY CAUGHT FLAT-FOOTED BY BROWN'S \n\n"
            "QUICK MANEUVERS ON FINANCIAL CRISIS, SAYS SENIOR TORY MP\nREF: A. LONDON 2666\n\n"
            "Classified By: Economic Minister Counselor Mark Tokola for reasons 1.4 b and d.\n\n1. (C) Text.",
            "CONSERVATIVE PARTY CAUGHT FLAT-FOOTED BY BROWN'S QUICK MANEUVERS ON FINANCIAL CRISIS, SAYS SENIOR TORY MP",
        ),
        # 08BUENOSAIRES568: every line stands apart, the subject's three
        (
            "SUBJECT: ARGENTINA: PLANNING MINISTER DE VIDO ON ARGENTNE TIES WITH \n\n"
            "U.S., VENEZUELA, AND DOMESTIC STRATEGY TO LAUNCH NEW INFRASTRUCTURE \n\n"
            'AND ""SOCIAL PACT"" INITIATIVES \n\n \n\nREF:  Buenos Aires 496, 407 \n\n \n\n1. (SBU) Text.',
            "ARGENTINA: PLANNING MINISTER DE VIDO ON ARGENTNE TIES WITH U.S., VENEZUELA, AND DOMESTIC STRATEGY"
            ' TO LAUNCH NEW INFRASTRUCTURE AND ""SOCIAL PACT"" INITIATIVES',
        ),
        # 07BUENOSAIRES1850: a subject cut after a colon
        (
            "SUBJECT: Argentina's Anticorruption Office: \n\nMany Investigations, Few Results \n\n \n\n"
            "REF: A) Buenos Aires 01283 \n\n B) Buenos Aires 00978 \n\n \n\n1. (SBU) Text.",
            "Argentina's Anticorruption Office: Many Investigations, Few Results",
        ),
        # 09LONDON2121: a numbered paragraph below, the subject cut after AND
        (
            "SUBJECT: MEMBERS OF CONGRESS DISCUSS BONUSES, BAIL-OUTS AND \n\n"
            "OTHER REFORM MEASURES WITH UK OFFICIALS\n\n1. (SBU) Summary. Text.",
            "MEMBERS OF CONGRESS DISCUSS BONUSES, BAIL-OUTS AND OTHER REFORM MEASURES WITH UK OFFICIALS",
        ),
    ],
)
def test_a_subjects_last_line_past_a_blank_line(text: str, subject: str) -> None:
    cable = cableparse.parse(f"UNCLAS SAN JOSE 002379\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL CS\n{text}\n")
    assert cable.header.subject == subject
    assert cable.header.classified_by is not None or "Classified" not in text
    assert [p.number for p in cable.paragraphs] == ["1"]
    _reads_back(cable)


@pytest.mark.parametrize(
    "below",
    [
        # a title above paragraph 1 (09YEREVAN494): no field below it
        "SUMMARY\n\n1. (SBU) Text.",
        # below a subject line that did not end in white space as written, in a header
        # whose fields stand together (no line the page wrapped; canonical text writes
        # the whole subject on its line)
        "WARFARE\n\nREF: A. SAN JOSE 1529",
        # a line that ends no subject's wrap: a sentence, a field run on to it, a handling line
        "The Ministry agreed.\n\nREF: A. SAN JOSE 1529",
        "TRIPOLI 000362 SIPDIS E.O. 12958: DECL: 5/2/2019\n\nREF: A. SAN JOSE 1529",
        "STATE FOR WHA/CEN\n\nREF: A. SAN JOSE 1529",
    ],
)
def test_a_line_past_a_blank_line_below_the_subject_that_is_no_part_of_it(below: str) -> None:
    head = "UNCLAS SAN JOSE 002379\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL CS\n"
    # (the subject's line ends in white space as written but for the WARFARE case)
    space = "" if below.startswith("WARFARE") else " "
    text = f"{head}SUBJECT: COSTA RICA PLANS MAJOR AND THE LONG LINE{space}\n\n{below}\n"
    cable = cableparse.parse(text)
    assert cable.header.subject == "COSTA RICA PLANS MAJOR AND THE LONG LINE"
    _reads_back(cable)


@pytest.mark.parametrize("spaced", [True, False])
def test_a_subjects_last_line_past_a_blank_line_in_a_header_whose_lines_stand_apart(spaced: bool) -> None:
    # 08TALLINN326 of the release: every line of the header below a blank line, the
    # subject's lines too, none of them ending in white space
    gap = "\n\n" if spaced else "\n"
    text = (
        "C O N F I D E N T I A L TALLINN 000326\n\n\nSIPDIS\n\n\nDEPT FOR EUR/NB, EEB/CIP and INR/EC\n\n\n"
        f"E.O. 12958: DECL: 09/21/2018{gap}TAGS: PREL PGOV PINS TINT NATO RU GG EN{gap}"
        "SUBJECT: ESTONIA CHARTS LEGAL, MILITARY FUTURE OF CYBER\n\n"
        "WARFARE (INCLUDING APPLICABILITY OF NATO'S ARTICLE V)\n\n\n"
        "Classified by: DCM Karen Decker for reasons 1.4 (b) & (d)\n\n1. (C) Summary: Text.\n"
    )
    cable = cableparse.parse(text)
    last = " WARFARE (INCLUDING APPLICABILITY OF NATO'S ARTICLE V)" if spaced else ""
    assert cable.header.subject == "ESTONIA CHARTS LEGAL, MILITARY FUTURE OF CYBER" + last
    assert (cable.header.classified_by is not None) == spaced
    _reads_back(cable)


@pytest.mark.parametrize(
    ("below", "subject"),
    [
        # 07THEHAGUE566 of the release: the subject's line ends in no white space; its last
        # line names the Secretary, and the system's SIPDIS stands below it
        (
            "SECRETARY LEVEY'S MESSAGE\n\nSIPDIS\n\nClassified By: Economic Counselor Karen Enstrom,\n"
            "reasons 1.4 (b) and (d)",
            "UNSCR 1737/IRAN: DUTCH RECEPTIVE TO TREASURY UNDER SECRETARY LEVEY'S MESSAGE",
        ),
        # no SIPDIS below the line, or no Secretary in it, or paragraph 1 below: text
        (
            "SECRETARY LEVEY'S MESSAGE\n\nClassified By: Economic Counselor Karen Enstrom, reasons 1.4 (b)",
            "UNSCR 1737/IRAN: DUTCH RECEPTIVE TO TREASURY UNDER",
        ),
        (
            "LEVEY'S MESSAGE\n\nSIPDIS\n\nClassified By: Economic Counselor Karen Enstrom, reasons 1.4 (b)",
            "UNSCR 1737/IRAN: DUTCH RECEPTIVE TO TREASURY UNDER",
        ),
        ("SECRETARY LEVEY'S MESSAGE\n\nSIPDIS", "UNSCR 1737/IRAN: DUTCH RECEPTIVE TO TREASURY UNDER"),
    ],
)
def test_a_subjects_last_line_over_the_sipdis_set_below_the_secretary(below: str, subject: str) -> None:
    text = (
        "S E C R E T SECTION 01 OF 04 THE HAGUE 000566\n\nSIPDIS\n\nE.O. 12958: DECL: 03/12/2017\n"
        f"TAGS: EFIN KTFN\nSUBJECT: UNSCR 1737/IRAN: DUTCH RECEPTIVE TO TREASURY UNDER\n\n{below}\n\n"
        "1. (S) SUMMARY. Text.\n"
    )
    cable = cableparse.parse(text)
    assert cable.header.subject == subject
    assert [p.number for p in cable.paragraphs][-1] == "1"
    assert (cable.header.classified_by is not None) == ("SECRETARY" in subject)
    _reads_back(cable)


@pytest.mark.parametrize(
    ("refs", "items"),
    [
        # 08REYKJAVIK23 of the release: the list's last bullet alone at its line's end, its
        # item past a blank line
        (
            "REF:  A) State 16319; B) Reykjavik 00020; C) State 15111; and D) \n \nState 13716 \n",
            [("A", "State 16319"), ("B", "Reykjavik 00020"), ("C", "State 15111; and"), ("D", "State 13716")],
        ),
        # 04MADRID3914: a line past a blank line that holds the next bullet
        (
            "REF: A) MADRID 3552 B) BRUSSELS 4080 C) SAINZ E-MAIL\n\nOF 10/6 D) STATE 215870\n",
            [("A", "MADRID 3552"), ("B", "BRUSSELS 4080"), ("C", "SAINZ E-MAIL OF 10/6"), ("D", "STATE 215870")],
        ),
        # 09BRASILIA1170: the bullet alone, paragraph 1 below the item (no Classified By)
        (
            "REF: A. STATE 95073 B. STATE 94757 C. STATE 91633 D.\n\nBRASILIA 1038\n",
            [("A", "STATE 95073"), ("B", "STATE 94757"), ("C", "STATE 91633"), ("D", "BRASILIA 1038")],
        ),
    ],
)
def test_a_ref_lists_line_past_a_blank_line(refs: str, items: list[tuple[str, str]]) -> None:
    head = "C O N F I D E N T I A L MADRID 003914\n\nSIPDIS\n\nE.O. 12958: DECL: 10/05/2014\nTAGS: PREL\n"
    clby = "" if "BRASILIA" in refs else "\nClassified By: Ambassador X; reasons 1.4 (B) and (D).\n"
    cable = cableparse.parse(f"{head}SUBJECT: TEST\n\n{refs}{clby}\n1. (C) Text.\n")
    assert [(r.letter, r.text) for r in cable.header.references] == items
    assert (cable.header.classified_by is not None) == bool(clby)
    assert [(p.number, p.text) for p in cable.paragraphs] == [("1", "Text.")]
    _reads_back(cable)


@pytest.mark.parametrize(
    "below",
    [
        # no field below the line: the list ends at the blank line
        "OF 10/6 D) STATE 215870\n\n1. (C) Text.",
        # no bullet alone, no next bullet in the line
        "Embassy officers met the Minister.\n\nClassified By: Ambassador X; reasons 1.4 (B).\n\n1. (C) Text.",
        # a marked line, a long one
        "(C) D) Text.\n\nClassified By: Ambassador X; reasons 1.4 (B).\n\n1. (C) Text.",
        "Text " * 20 + "D) X\n\nClassified By: Ambassador X; reasons 1.4 (B).\n\n1. (C) Text.",
        # a portion marking after a paragraph's number is no bullet
        "x>1. (D) Text.\n\nClassified By: Ambassador X; reasons 1.4 (B).\n\n1. (C) Text.",
        # another REF keyword below (it would stay with the items)
        "OF 10/6 D) STATE 215870\n\nREF: E. STATE 3163\n\n1. (C) Text.",
    ],
)
def test_a_line_past_a_blank_line_below_a_ref_list_that_is_no_part_of_it(below: str) -> None:
    head = "C O N F I D E N T I A L MADRID 003914\n\nSIPDIS\n\nE.O. 12958: DECL: 10/05/2014\nTAGS: PREL\n"
    cable = cableparse.parse(f"{head}SUBJECT: TEST\n\nREF: A) MADRID 3552 B) BRUSSELS 4080 C) SAINZ\n\n{below}\n")
    assert [(r.letter, r.text) for r in cable.header.references] == [
        ("A", "MADRID 3552"),
        ("B", "BRUSSELS 4080"),
        ("C", "SAINZ"),
    ]
    # (the line is the text's first paragraph, unnumbered)
    first = cable.paragraphs[0]
    assert first.number is None
    assert first.text.split("\n")[0].split()[-2:] == below.split("\n", maxsplit=1)[0].split()[-2:]
    _reads_back(cable)


# --------------------------------------------------------------------------- headings run on to a field


_TOP = "CONFIDENTIAL KABUL 000185\n\nSIPDIS\n\nE.O. 12958: DECL: 01/16/2017\nTAGS: PREL AF\nSUBJECT: A TEST\n\n"


@pytest.mark.parametrize(
    ("field", "value", "heading"),
    [
        # 07KABUL185 and 11 corpus pages more: a box run on to the Classified By value
        (
            "Classified By: A/DCM Sara Rosenberry for reasons 1.4 (B) and (D). ------- SUMMARY -------",
            "A/DCM Sara Rosenberry for reasons 1.4 (B) and (D).",
            "SUMMARY",
        ),
        # 09CAIRO129: any title, boxed
        (
            "Classified By: William R. Stewart for reasons 1.4 (b) and (d). ------- Concern for Sudan -------",
            "William R. Stewart for reasons 1.4 (b) and (d).",
            "Concern for Sudan",
        ),
        # 09PESHAWAR2: a section's title over a spaced rule on the line below, after the reasons
        (
            "CLASSIFIED BY: Michael A. Via, Department of State. REASON: 1.4 (a), (b), (d) Summary\n- - - -",
            "Michael A. Via, Department of State. REASON: 1.4 (a), (b), (d)",
            "Summary",
        ),
        # a box below the value, on lines of its own
        (
            "Classified By: DCM Eric S. Rubin for Reasons 1.4 (b/d)\n-------\nSUMMARY\n-------",
            "DCM Eric S. Rubin for Reasons 1.4 (b/d)",
            "SUMMARY",
        ),
    ],
)
def test_a_heading_run_on_to_the_classified_by_value(field: str, value: str, heading: str) -> None:
    cable = cableparse.parse(f"{_TOP}{field}\n\n1. (C) Text of the cable.\n\n2. (C) More.\n")
    assert cable.header.classified_by is not None
    assert cable.header.classified_by.text == value
    assert cable.header.classified_by.reasons
    assert [(p.number, p.heading) for p in cable.paragraphs] == [("1", heading), ("2", None)]
    _reads_back(cable)


@pytest.mark.parametrize(
    ("block", "items", "heading"),
    [
        # 09ABUJA1907: a box below the list, on lines of its own
        ("Ref: Abuja 1836\n-------\nSUMMARY\n-------", ["Abuja 1836"], "SUMMARY"),
        # 06SAOPAULO862: a box on one line below it
        ("REF: BRASILIA 1136\n------- SUMMARY -------", ["BRASILIA 1136"], "SUMMARY"),
        # 10MADRID86: a section's title run on to the last item, its rule below
        ("REF: A. MADRID 80\nB. MADRID 67 Summary\n-------", ["MADRID 80", "MADRID 67"], "Summary"),
    ],
)
def test_a_heading_below_a_ref_list(block: str, items: list[str], heading: str) -> None:
    cable = cableparse.parse(f"{_TOP}{block}\n\n1. (C) Text of the cable.\n")
    assert [r.text for r in cable.header.references] == items
    assert [(p.number, p.heading) for p in cable.paragraphs] == [("1", heading)]
    _reads_back(cable)


def test_a_box_run_on_to_the_subject() -> None:
    # 09PRETORIA954, 09PRETORIA939: the subject's line ends in a box, paragraph 1's heading
    top = _TOP.replace("SUBJECT: A TEST", "SUBJECT: PART 3 OF 3: THE LIFE AND TIMES OF ZUMA ------- Summary -------")
    cable = cableparse.parse(f"{top}1. (C) Text of the cable.\n")
    assert cable.header.subject == "PART 3 OF 3: THE LIFE AND TIMES OF ZUMA"
    assert [(p.number, p.heading) for p in cable.paragraphs] == [("1", "Summary")]
    _reads_back(cable)


@pytest.mark.parametrize(
    "fields",
    [
        # 10MEXICO141: below a REF list; 10MEXICO83 (out of sample): below a subject's lines
        "SUBJECT: A TEST\nREF: 10 MEXICO 127\n10 SANTIAGO 51\nDERIVED FROM: DSCG 05-1 B, D",
        "SUBJECT: A TEST OF THE DEFENSE BILATERAL WORKING GROUP,\nWASHINGTON, FEBRUARY 1\nDERIVED FROM: DSCG 05-1 B, D",
    ],
)
def test_the_classifications_source_ends_the_field_above_it(fields: str) -> None:
    top = _TOP.replace("SUBJECT: A TEST\n", "")
    cable = cableparse.parse(f"{top}{fields}\n\n1. (C) Text of the cable.\n")
    h = cable.header
    assert "DERIVED" not in (h.subject or "") and all("DERIVED" not in r.text for r in h.references)
    assert cable.paragraphs[0].text == "DERIVED FROM: DSCG 05-1 B, D"
    _reads_back(cable)


def test_a_ref_item_that_names_the_classifications_source_reads_back() -> None:
    # (an item after a semicolon, cut there as the block's end: canonical text writes it on
    # the line below, where it ends the block again, and as written then)
    cable = cableparse.parse(f"{_TOP}REF: STATE 1;DERIVED FROM: X\n\n1. (C) Text.\n")
    assert [r.text for r in cable.header.references] == ["STATE 1"]
    _reads_back(cable)


# -- a field's keyword written twice ------------------------------------------------------

_AGAIN_CLBY = ["Classified by ", "Classified By: ", "CLASSIFIED BY ", "Classified BY ", "Classified by: "]


@pytest.mark.parametrize(
    ("again", "value"),
    [
        # as real cables write them (06MADRID779, 07PARIS3668, 01PARIS11204, 10WARSAW110,
        # 09STATE88783)
        ("Classified by ", "Ambassador Eduardo Aguirre for reasons 1.4 (b) & (d)"),
        ("Classified By: ", "Political Minister-Counselor Josiah Rosen blatt for reasons 1.4. (b) and (d)."),
        ("CLASSIFIED BY ", "POLITICAL MINISTER COUNSELOR SHARON WIENER FOR REASONS 1.5 (B) AND (D)."),
        ("Classified BY ", "Political Counselor Dan Sainz, reason 1.4 (b, d)"),
        ("Classified by: ", "NEA Assistant Secretary Jeffrey Feltman for reasons 1.4 (b) and (d)"),
    ],
)
@pytest.mark.parametrize("own_line", [False, True])
def test_the_classified_by_keyword_written_twice(again: str, value: str, own_line: bool) -> None:
    # the drafter typed the keyword into the field: the value is read past it, as it would
    # be written once (and the keyword alone on its line, the value below it after the
    # keyword again, reads the same)
    gap = "\n" if own_line else " "
    text = (
        f"CONFIDENTIAL PARIS 001234\n\nTAGS: PREL\nSUBJECT: TEST\n\nClassified By:{gap}{again}{value}\n\n1. (C) Text.\n"
    )
    cable = cableparse.parse(text)
    once = cableparse.parse(text.replace(f"{gap}{again}", " "))
    assert cable.header.classified_by is not None
    assert cable.header.classified_by == once.header.classified_by
    assert cable.header.classified_by.text == value
    assert cable.paragraphs == once.paragraphs
    assert "CP211" in {d.code for d in cable.diagnostics}
    assert "CP211" not in {d.code for d in once.diagnostics}
    _reads_back(cable)


@given(
    st.sampled_from(_AGAIN_CLBY),
    st.lists(
        st.sampled_from(["Ambassador", "DCM", "John", "Smith,", "for", "reasons", "1.4", "(b)", "and", "(d)."]),
        min_size=1,
        max_size=8,
    ).map(" ".join),
)
def test_a_classified_by_value_reads_the_same_with_its_keyword_written_twice(again: str, value: str) -> None:
    text = "CONFIDENTIAL PARIS 001234\n\nSUBJECT: TEST\n\nClassified By: {}\n\n1. (C) Text.\n"
    twice, once = cableparse.parse(text.format(again + value)), cableparse.parse(text.format(value))
    assert twice.header == once.header
    assert twice.paragraphs == once.paragraphs


def test_a_classified_by_value_that_is_the_keyword_alone_stays() -> None:
    # (nothing after the second keyword: no value to read past it)
    cable = cableparse.parse("UNCLAS PARIS 001234\n\nSUBJECT: TEST\n\nClassified By: Classified by\n\n1. Text.\n")
    assert cable.header.classified_by is not None
    assert cable.header.classified_by.text == "Classified by"


@pytest.mark.parametrize(
    ("subject", "read"),
    [
        # 09KABUL1239 and 09LONDON265 (the pages' titles keep the second keyword)
        ("SUBJECT: AFGHANISTAN: A SNAPSHOT OF THE NORTHEAST", "AFGHANISTAN: A SNAPSHOT OF THE NORTHEAST"),
        ("Subject: (C) BRITISH PRESS CASE AGAINST IRISL", "BRITISH PRESS CASE AGAINST IRISL"),
        # a subject that opens with the word, without its colon, is the subject
        ("SUBJECT TO CHANGE: THE VISIT", "SUBJECT TO CHANGE: THE VISIT"),
        ("Subjects of the talks", "Subjects of the talks"),
    ],
)
def test_the_subject_keyword_written_twice(subject: str, read: str) -> None:
    cable = cableparse.parse(f"CONFIDENTIAL KABUL 001239\n\nTAGS: PREL\nSUBJECT: {subject}\n\n1. (C) Text.\n")
    assert cable.header.subject == read
    assert ("CP211" in {d.code for d in cable.diagnostics}) == (read != subject)
    _reads_back(cable)


def test_a_box_whose_title_opens_like_a_second_field_read_has_no_field_below_it() -> None:
    # the header's two looks past a box for fields below it ask the same question of the
    # box's title: a title that opens like a second field of a kind read (where the header
    # ends) or that the header cuts at a paragraph's opening (where the body opens) ends
    # the look, whether the box is met below attention lines or opens the heading looked
    # past
    from cableparse.parser.header import _TAGS_RE, _fields_below, _fields_past

    tags = frozenset({_TAGS_RE.pattern})
    lines = list(enumerate(["ATTN X", "---", "TAGS: PGOV", "---", "SUBJECT: BELOW"]))
    assert _fields_below(lines, 0, 10) == 4
    assert _fields_below(lines, 0, 10, tags) == -1
    assert _fields_past(lines, 1, True, 10, frozenset()) == 4
    assert _fields_past(lines, 1, True, 10, tags) == -1
    cut = list(enumerate(["ATTN X", "---", "K 1. (C) Text", "---", "SUBJECT: BELOW"]))
    assert _fields_below(cut, 0, 10) == -1
    assert _fields_past(cut, 1, True, 10, frozenset()) == -1
