"""Properties of parse, dumps, normalize, to_dict/from_dict and strict mode.

Generated cables are built from parts (metadata, routing header, header fields,
paragraphs with every portion-marking form, headings with broken and boxed rules, a
signature), written out as cable text with continuation markers inserted at random
lines; each example knows the values it was built from, so the tests check the
parser against them and not only against itself.
"""

from __future__ import annotations

import datetime as _dt
import json
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cableparse import CODES, Cable, CableParseError, dumps, from_dict, normalize, parse, to_dict
from conftest import FIXTURE_PAGES, parsed_page, read_page

# --------------------------------------------------------------------------- helpers


def without_positions(cable: Cable) -> Cable:
    """``cable`` with what may differ between two renderings removed: diagnostics,
    page breaks and line numbers."""
    return attrs.evolve(
        cable,
        diagnostics=(),
        page_breaks=(),
        unplaced=tuple(attrs.evolve(u, line=None) for u in cable.unplaced),
    )


def page_break_line(origin: str, serial: int, section: int, total: int, page: int | None = None) -> str:
    """A continuation marker as WikiLeaks' reassembly writes it."""
    part = f"{section:03d}" + (f".{page}" if page else "")
    gap = " " if page else "  "
    return f"{origin[:10]} {serial:08d}{gap}{part} OF {total:03d}"


def insert_page_break(lines: list[str], at: int, marker: str) -> list[str]:
    """``lines`` with ``marker`` inserted after line ``at`` with the real padding:
    one blank line before it, two after."""
    return [*lines[: at + 1], "", marker, "", "", *lines[at + 1 :]]


# --------------------------------------------------------------------------- strategies

_WORDS = (
    "the",
    "ambassador",
    "said",
    "ministry",
    "would",
    "not",
    "agree",
    "with",
    "embassy",
    "officials",
    "Cambodia",
    "government",
    "report",
    "victims",
    "trafficking",
    "police",
    "court",
    "in",
    "of",
    "and",
    "2005",
    "146",
    "U.S.",
    "GOC",
    "(NGO)",
    "(SBU)",
    "classified",
    "sensitive",
    "--",
    "e.g.,",
    "per",
    "week",
)
_MARKINGS: list[tuple[str, str]] = [
    # (as written after the number, as parsed)
    ("(U)", "U"),
    ("(SBU)", "SBU"),
    ("( SBU )", "SBU"),
    ("(C)", "C"),
    ("(c)", "C"),
    ("(S)", "S"),
    ("(S/NF)", "S/NF"),
    ("(S//NF)", "S//NF"),
    ("(s//nf)", "S//NF"),
    ("(C/NF)", "C/NF"),
    ("(C/REL LIBYA)", "C/REL LIBYA"),
    ("(SBU/NF)", "SBU/NF"),
    ("SBU)", "SBU"),
    ("C)", "C"),
]
_CAPTIONS = ("SIPDIS", "SENSITIVE", "NOFORN", "SENSITIVE BUT UNCLASSIFIED", "EXDIS")
_TAGS = ("PHUM", "PREF", "ELAB", "SMIG", "KCRM", "PGOV", "PREL", "PTER", "ECON", "CB", "LY", "IZ", "KTIP")
_STATIONS = (
    ("PHNOM PENH", "PHNOMPENH", "RUEHPF"),
    ("TRIPOLI", "TRIPOLI", "RUEHTRO"),
    ("BERN", "BERN", "RUEHSW"),
    ("PORT AU PRINCE", "PORTAUPRINCE", "RUEHPU"),
    ("STATE", "STATE", "RUEHC"),
)
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

word = st.sampled_from(_WORDS)
upper_word = st.sampled_from(("TRAFFICKING", "REPORT", "CAMBODIA", "LIBYA", "ELECTION", "VISIT", "MINISTER", "ON"))


@st.composite
def text_lines(draw: st.DrawFn, min_lines: int = 1, max_lines: int = 4) -> list[str]:
    """Lines of paragraph text: words, never a line that could open a paragraph,
    heading or signature (the first word is lower case)."""
    n = draw(st.integers(min_lines, max_lines))
    out = []
    for _ in range(n):
        words = draw(st.lists(word, min_size=1, max_size=9))
        lead = draw(st.sampled_from(("we", "they", "officials", "police", "a")))
        out.append(" ".join([lead, *words]))
    return out


@dataclass
class ParaSpec:
    number: str | None
    marking: str | None
    written_marking: str | None
    heading: str | None
    heading_style: str
    blocks: list[list[str]]
    separator: str

    @property
    def text(self) -> str:
        return "\n\n".join("\n".join(b) for b in self.blocks)


@dataclass
class CableSpec:
    """A generated cable: the parts it was built from, and its text."""

    lines: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    year: int = 2007
    origin_words: str = "PHNOM PENH"
    serial: int = 350
    level: str = "UNCLAS"
    sections: int | None = None
    captions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    subject: str | None = None
    subject_marking: str | None = None
    references: list[tuple[str | None, tuple[str, ...]]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    paragraphs: list[ParaSpec] = field(default_factory=list)
    signature: str | None = None
    routing: dict[str, object] | None = None
    breaks: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _heading_lines(title: str, style: str) -> list[str]:
    rule = "-" * max(3, len(title))
    if style == "broken":
        # the 45-character token split of the WikiLeaks text
        rule = " ".join(rule[k : k + 45] for k in range(0, len(rule), 45)) if len(rule) > 45 else rule
        return [title, rule]
    if style == "boxed":
        return [rule, title, rule]
    if style == "equals":
        return [title, "=" * max(3, len(title))]
    return [title, rule]


@st.composite
def paragraphs(draw: st.DrawFn) -> list[ParaSpec]:
    """Numbered paragraphs 1, 1A, 1B, 2 ... with markings, headings and blocks."""
    n = draw(st.integers(1, 5))
    out: list[ParaSpec] = []
    major = 0
    for _ in range(n):
        sub = bool(out) and draw(st.booleans()) and out[-1].number is not None
        if sub:
            last = out[-1].number or "1"
            letter = last[-1] if last[-1].isalpha() else ""
            num = last if not letter else last[:-1]
            number = num + (chr(ord(letter) + 1) if letter else "A")
        else:
            major += 1
            number = str(major)
        written, parsed = draw(st.one_of(st.none(), st.sampled_from(_MARKINGS))) or (None, None)
        heading = None
        style = "plain"
        if draw(st.integers(0, 3)) == 0:
            words = draw(
                st.lists(
                    st.sampled_from(
                        (
                            "Overview",
                            "of",
                            "the",
                            "Country's",
                            "Activities,",
                            "Statistics",
                            "Comment",
                            "Summary",
                            "Government",
                            "Resource",
                        )
                    ),
                    min_size=1,
                    max_size=8,
                )
            )
            heading = " ".join([draw(st.sampled_from(("Overview", "Comment", "Summary", "Government"))), *words])
            style = draw(st.sampled_from(("plain", "broken", "boxed", "equals")))
        blocks = [draw(text_lines())]
        if draw(st.integers(0, 3)) == 0:
            blocks.append(draw(text_lines(1, 2)))
        sep = "(" if written and written.startswith("(") and draw(st.booleans()) else draw(st.sampled_from((" ", "  ")))
        out.append(ParaSpec(number, parsed, written, heading, style, blocks, sep))
    return out


@st.composite
def cables(draw: st.DrawFn, page_breaks: bool = True) -> CableSpec:
    """Cable text built from parts, with the parts."""
    spec = CableSpec()
    words, code, ri = draw(st.sampled_from(_STATIONS))
    spec.origin_words = words
    spec.serial = draw(st.integers(1, 999_999))
    spec.year = draw(st.integers(2000, 2010))
    yy = spec.year % 100
    day, hour, minute = draw(st.integers(1, 28)), draw(st.integers(0, 23)), draw(st.integers(0, 59))
    month = draw(st.integers(1, 12))
    dtg = _dt.datetime(spec.year, month, day, hour, minute, tzinfo=_dt.UTC)
    lines = spec.lines
    if draw(st.booleans()):
        spec.metadata = {
            "reference_id": f"{yy:02d}{code}{spec.serial}",
            "created": dtg.strftime("%Y-%m-%d %H:%M"),
            "released": "2011-07-11 00:00",
            "classification": "UNCLASSIFIED",
            "origin": f"Embassy {words.title()}",
        }
        lines += [
            f"Reference ID: {spec.metadata['reference_id']}",
            f"Created: {spec.metadata['created']}",
            f"Released: {spec.metadata['released']}",
            f"Classification: {spec.metadata['classification']}",
            f"Origin: {spec.metadata['origin']}",
            "",
        ]
    level_written, spec.level, security = draw(
        st.sampled_from(
            (
                ("UNCLAS", "UNCLAS", ("ZNR UUUUU", "UNCLASSIFIED")),
                ("C O N F I D E N T I A L", "CONFIDENTIAL", ("ZNY CCCCC", "CONFIDENTIAL")),
                ("S E C R E T", "SECRET", ("ZNY SSSSS", "SECRET")),
                ("CONFIDENTIAL", "CONFIDENTIAL", ("ZNY CCCCC", "CONFIDENTIAL")),
            )
        )
    )
    multi = page_breaks and draw(st.booleans())
    spec.sections = draw(st.integers(2, 9)) if multi else None
    if draw(st.booleans()) or not spec.metadata:
        prec_letter, prec_word = draw(
            st.sampled_from((("O", "IMMEDIATE"), ("P", "PRIORITY"), ("R", "ROUTINE"), ("Z", "FLASH")))
        )
        dual = draw(st.booleans())
        to_prec = draw(st.sampled_from(("IMMEDIATE", "NIACT IMMEDIATE", "PRIORITY", None)))
        mcn = draw(st.one_of(st.none(), st.integers(0, 9999).map(lambda v: f"{v:04d}")))
        excluded = draw(st.lists(st.sampled_from(("AMEMBASSY SOFIA", "AMEMBASSY BUCHAREST")), max_size=2, unique=True))
        spec.routing = {
            "precedence": prec_word,
            "info_precedence": "ROUTINE" if dual else None,
            "originator": ri,
            "serial": spec.serial % 10000,
            "section": 1 if multi else None,
            "security": security[1],
            "dtg": dtg,
            "sender": f"AMEMBASSY {words}",
            "to": [("RUEHC", "SECSTATE WASHDC", to_prec, mcn, [])],
            "info": [("RUCNASE", "ASEAN MEMBER COLLECTIVE", None, None, excluded)],
        }
        section = "/01" if multi else ""
        lines += [
            f"VZCZCXRO{draw(st.integers(1000, 9999))}",
            f"{prec_letter}{prec_letter} RUEHCHI RUEHDT",
            f"DE {ri} #{spec.serial % 10000:04d}{section} 0640115",
            f"{security[0]} ZZH",
            f"{prec_letter}{' R' if dual else ''} {day:02d}{hour:02d}{minute:02d}Z {_MONTHS[month - 1]} {yy:02d}",
            f"FM AMEMBASSY {words}",
            "TO RUEHC/SECSTATE WASHDC" + (f" {to_prec}" if to_prec else "") + (f" {mcn}" if mcn else ""),
            "INFO RUCNASE/ASEAN MEMBER COLLECTIVE",
            *[f"XMT {x}" for x in excluded],
            "",
        ]
    head_start = len(lines)
    sec = f" SECTION 01 OF {spec.sections:02d}" if spec.sections else ""
    lines += [f"{level_written}{sec} {words} {spec.serial:06d}", ""]
    spec.captions = draw(st.lists(st.sampled_from(_CAPTIONS), max_size=3))
    if spec.captions:
        lines += [*spec.captions, ""]
    decl = draw(st.one_of(st.none(), st.dates(_dt.date(2010, 1, 1), _dt.date(2035, 12, 31))))
    lines.append("E.O. 12958: N/A" if decl is None else f"E.O. 12958: DECL: {decl:%m/%d/%Y}")
    spec.tags = draw(st.lists(st.sampled_from(_TAGS), min_size=1, max_size=8, unique=True))
    if draw(st.booleans()) and len(spec.tags) > 2:
        half = len(spec.tags) // 2
        lines += ["TAGS: " + ", ".join(spec.tags[:half]) + ",", ", ".join(spec.tags[half:])]
    else:
        lines.append("TAGS: " + draw(st.sampled_from((" ", ", "))).join(spec.tags))
    subject_lines = [
        " ".join(draw(st.lists(upper_word, min_size=1, max_size=6))) for _ in range(draw(st.integers(1, 3)))
    ]
    spec.subject = " ".join(subject_lines)
    written, spec.subject_marking = draw(st.one_of(st.none(), st.sampled_from(_MARKINGS[:12]))) or (None, None)
    subject_lines[0] = f"SUBJECT: {written + ' ' if written else ''}{subject_lines[0]}"
    lines += [*subject_lines, ""]
    refs = draw(
        st.lists(st.tuples(st.sampled_from(("STATE", "PHNOM PENH", "TRIPOLI")), st.integers(1, 300000)), max_size=4)
    )
    # (a cable does not cite itself: a mention of its own id is read as a page header's)
    refs = [(station, number) for station, number in refs if (station, number) != (spec.origin_words, spec.serial)]
    if refs:
        letters = len(refs) > 1
        for k, (station, number) in enumerate(refs):
            letter = chr(ord("A") + k) if letters else None
            # an item with its year names one cable; without, the year is the citing
            # cable's or, when the serial is too high for the date, the one before
            cited_yy = draw(st.sampled_from((None, yy, (yy - 1) % 100)))
            year_part = f"{cited_yy:02d} " if cited_yy is not None else ""
            item = f"{year_part}{station} {number}"
            lines.append(("REF: " if k == 0 else "") + (f"{letter}. {item}" if letter else item))
            years = (cited_yy,) if cited_yy is not None else (yy, (yy - 1) % 100)
            spec.references.append((letter, tuple(f"{y:02d}{station.replace(' ', '')}{number}" for y in years)))
        lines.append("")
    if spec.level != "UNCLAS":
        letters = draw(st.lists(st.sampled_from("bcd"), min_size=1, max_size=3, unique=True))
        letters.sort()
        spec.reasons = [f"1.4({x})" for x in letters]
        lines += [f"Classified By: Ambassador Jane Doe for reasons 1.4 ({') and ('.join(letters)}).", ""]
    spec.paragraphs = draw(paragraphs())
    for p in spec.paragraphs:
        if p.heading:
            lines += [*_heading_lines(p.heading, p.heading_style), ""]
        first, *rest = p.blocks[0]
        lead = f"{p.number}."
        if p.written_marking:
            lead += ("" if p.separator == "(" else p.separator) + p.written_marking
        lines.append(f"{lead}{p.separator if p.separator != '(' else '  '}{first}")
        lines += rest
        for block in p.blocks[1:]:
            lines += ["", *block]
        lines.append("")
    spec.signature = draw(st.sampled_from(("CAMPBELL", "STEVENS", "CLINTON", "CRETZ")))
    lines.append(spec.signature)
    # trailing spaces, as on the WikiLeaks pages
    if draw(st.booleans()):
        for k in range(head_start, len(lines)):
            lines[k] += " "
    if page_breaks and spec.sections:
        body = list(range(head_start + 1, len(lines) - 1))
        count = draw(st.integers(1, min(spec.sections - 1, 4)))
        spots = sorted(draw(st.lists(st.sampled_from(body), min_size=count, max_size=count, unique=True)), reverse=True)
        for n, at in enumerate(spots):
            marker = page_break_line(words, spec.serial, len(spots) - n + 1, spec.sections)
            lines[:] = insert_page_break(lines, at, marker)
        spec.breaks = count
    return spec


cable_texts = cables().map(lambda s: s.text)

_SHAPED_LINES = (
    "UNCLAS SECTION 01 OF 07 PHNOM PENH 000350",
    "S E C R E T STATE 002634",
    "S e c r e t nairobi 001938",
    "SIPDIS",
    "SENSITIVE",
    "E.O. 12958: N/A",
    "E.0. 12958: DECL: 1/20/2019",
    "TAGS: PHUM, CB",
    "TAGE: PREL",
    "SUBJECT: (C) TEST",
    "SUBJ: X",
    "REF: A. STATE 1",
    "B. BERN 860",
    "Classified By: X; reasons 1.4(b) and (",
    "1.  (U) Text.",
    "1A. SBU) more",
    "2.(C/REL LIBYA) x",
    "2005. wrapped",
    "-----",
    "--------------------------------------------- ---",
    "Heading",
    "PHNOM PENH 00000350  002 OF 007",
    "PORT AU PR 00002230 001.2 OF 002",
    "PAGE 02 ROME 01196 01 OF 02 082030Z",
    "VZCZCXRO4581",
    "OO RUEHCHI RUEHDT",
    "DE RUEHPF #0350/01 0640115",
    "ZNR UUUUU ZZH",
    "O 050115Z MAR 07",
    "P R 991299Z FOO 07",
    "FM AMEMBASSY PHNOM PENH",
    "TO RUEHC/SECSTATE WASHDC IMMEDIATE 8106",
    "INFO RUCNASE/X",
    "XMT AMEMBASSY SOFIA",
    "This record is a partial extract of the original cable.",
    "Reference ID: 07X1",
    "Created: 2007-13-45 99:99",
    "<pre>",
    "&#x000A;",
    "</pre>",
    "CAMPBELL",
    "NNNN",
    "2007-09-11 09:44:00\t07BERN881\t",
    "----------------- header ends ----------------",
    "\\",
    "",
    " ",
    "\t",
    "(",
    ")",
    "¶",
)
cable_shaped = st.lists(st.one_of(st.sampled_from(_SHAPED_LINES), st.text(max_size=30)), max_size=40).map("\n".join)


# --------------------------------------------------------------------------- totality


def _well_formed(cable: Cable) -> None:
    assert isinstance(cable, Cable)
    for d in cable.diagnostics:
        assert d.code in CODES or d.code == "CP999", d
        if d.code in CODES:
            assert d.severity == CODES[d.code][0], d
    assert "CP999" not in {d.code for d in cable.diagnostics}, cable.diagnostics
    text = dumps(cable)
    assert isinstance(text, str)
    assert not re.search(r"[ \t]$", text, re.M), "canonical text keeps no trailing spaces"


@given(st.text())
def test_parse_is_total_on_text(text: str) -> None:
    _well_formed(parse(text))


@given(st.binary())
def test_parse_is_total_on_bytes(data: bytes) -> None:
    _well_formed(parse(data))


@given(cable_shaped)
def test_parse_is_total_on_cable_shaped_text(text: str) -> None:
    _well_formed(parse(text))
    _well_formed(parse(text.encode("utf-8")))


@settings(max_examples=max(10, settings.default.max_examples // 3))
@given(st.sampled_from(FIXTURE_PAGES), st.data())
def test_parse_is_total_on_truncated_fixtures(page: Path, data: st.DataObject) -> None:
    text = read_page(page)
    cut = data.draw(st.integers(0, len(text)))
    _well_formed(parse(text[:cut]))


# --------------------------------------------------------------------------- generated cables


@given(cables())
def test_generated_cable_parses_to_its_parts(spec: CableSpec) -> None:
    c = parse(spec.text)
    h = c.header
    cl = h.classification_line
    assert cl is not None
    assert (cl.level, cl.section, cl.sections, cl.origin, cl.serial) == (
        spec.level,
        1 if spec.sections else None,
        spec.sections,
        spec.origin_words,
        spec.serial,
    )
    assert list(h.captions) == spec.captions
    assert list(h.tags) == spec.tags
    assert (h.subject, h.subject_marking) == (spec.subject, spec.subject_marking)
    assert [r.letter for r in h.references] == [letter for letter, _ in spec.references]
    for ref, (_, allowed) in zip(h.references, spec.references, strict=True):
        assert ref.cable_id in allowed, (ref, allowed)
        assert ref.kind == "cable"
    if spec.reasons:
        assert h.classified_by is not None
        assert list(h.classified_by.reasons) == spec.reasons
    got = [(p.number, p.marking, p.heading, p.text) for p in c.paragraphs]
    want = [(p.number, p.marking, p.heading, p.text) for p in spec.paragraphs]
    assert got == want
    assert c.signature == spec.signature
    assert len(c.page_breaks) == spec.breaks
    if spec.metadata:
        assert h.reference_id == spec.metadata["reference_id"]
    if spec.routing is not None:
        r = c.routing
        assert r is not None
        for key in ("precedence", "info_precedence", "originator", "serial", "section", "security", "dtg", "sender"):
            assert getattr(r, key) == spec.routing[key], key
        assert [(a.routing_indicator, a.name, a.precedence, a.mcn, list(a.excluded)) for a in r.to] == spec.routing[
            "to"
        ]
        assert [(a.routing_indicator, a.name, a.precedence, a.mcn, list(a.excluded)) for a in r.info] == spec.routing[
            "info"
        ]
    assert not c.errors


@given(cables())
def test_round_trip_of_generated_cables(spec: CableSpec) -> None:
    c = parse(spec.text)
    again = parse(dumps(c))
    assert without_positions(again) == without_positions(c)


@given(cables())
def test_normalize_is_idempotent_on_generated_cables(spec: CableSpec) -> None:
    once = normalize(spec.text)
    assert normalize(once) == once
    assert not re.search(r"[ \t]$", once, re.M), "canonical text keeps no trailing spaces"
    assert not re.search(r"^\S.* \d{8} +\d{3}(?:\.\d)? OF \d{3}$", once, re.M), "no continuation marker is left"


@given(cables())
def test_dict_round_trip_of_generated_cables(spec: CableSpec) -> None:
    c = parse(spec.text)
    d = to_dict(c)
    assert from_dict(json.loads(json.dumps(d))) == c


_minutes = st.datetimes(min_value=_dt.datetime(1, 1, 1), max_value=_dt.datetime(9999, 12, 31, 23, 59)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=_dt.UTC)
)


@settings(max_examples=200)
@given(st.sampled_from(FIXTURE_PAGES), _minutes, _minutes)
def test_round_trip_keeps_any_metadata_date(page: Path, created: _dt.datetime, released: _dt.datetime) -> None:
    # metadata dates are whatever the page says, a year of three digits included
    c = parsed_page(page)
    c = attrs.evolve(c, header=attrs.evolve(c.header, created=created, released=released))
    again = parse(dumps(c))
    assert (again.header.created, again.header.released) == (created, released)


# --------------------------------------------------------------------------- fixtures


@pytest.mark.parametrize("page", FIXTURE_PAGES, ids=lambda p: p.stem)
def test_normalize_is_idempotent_on_fixture(page: Path) -> None:
    once = normalize(read_page(page))
    assert normalize(once) == once


@pytest.mark.parametrize("page", FIXTURE_PAGES, ids=lambda p: p.stem)
def test_round_trip_of_fixture(page: Path) -> None:
    c = parsed_page(page)
    assert without_positions(parse(dumps(c))) == without_positions(c)


@pytest.mark.parametrize("page", FIXTURE_PAGES, ids=lambda p: p.stem)
def test_dict_round_trip_of_fixture(page: Path) -> None:
    c = parsed_page(page)
    d = to_dict(c)
    assert from_dict(json.loads(json.dumps(d))) == c


_MARKER_LINE = re.compile(r"\s*(?:[A-Z][A-Z .'-]*\s+\d{4,8}\s+\d{1,3}(?:\.\d)?\s+OF\s+\d{1,3}|PAGE\s+\d{2}\s.*)\s*$")


def _body_segments(page: Path) -> tuple[list[str], str, list[int]]:
    """The page split into lines, the newline used, and the lines of its body after
    which a marker may go: from the first paragraph's first line to the end of the
    text, except next to an existing marker (see
    ``test_adjacent_page_breaks_keep_paragraph_boundaries``)."""
    raw = read_page(page)
    nl = "&#x000A;" if page.suffix == ".html" else "\n"
    segs = raw.split(nl)
    cable = parsed_page(page)
    if not cable.paragraphs:
        return segs, nl, []
    probe = cable.paragraphs[0].text.split("\n", 1)[0][:40]
    start = raw.find("<pre>", raw.find("<pre>") + 1) if page.suffix == ".html" else 0
    first_text = raw[:start].count(nl) if start > 0 else 0
    first = next((k for k in range(first_text, len(segs)) if probe in segs[k]), None)
    if first is None:
        return segs, nl, []
    last = next((k for k in range(first, len(segs)) if "</pre>" in segs[k]), len(segs) - 1)

    def near_marker(k: int) -> bool:
        for step in (1, -1):
            j = k if step == -1 else k + 1
            while 0 <= j < len(segs) and not segs[j].strip():
                j += step
            if 0 <= j < len(segs) and _MARKER_LINE.match(segs[j]):
                return True
        return False

    return segs, nl, [k for k in range(first, last) if not near_marker(k)]


_BODY_PAGES = [p for p in FIXTURE_PAGES if _body_segments(p)[2]]


@pytest.mark.parametrize("page", _BODY_PAGES, ids=lambda p: p.stem)
@settings(max_examples=max(5, settings.default.max_examples // 5))
@given(data=st.data())
def test_page_break_anywhere_in_body_keeps_paragraph_text(page: Path, data: st.DataObject) -> None:
    segs, nl, spots = _body_segments(page)
    at = data.draw(st.sampled_from(spots), label="after line")
    original = parsed_page(page)
    cl = original.header.classification_line
    origin = cl.origin if cl is not None and cl.origin else "STATE"
    serial = cl.serial if cl is not None and cl.serial is not None else 1234
    marker = page_break_line(origin, serial, 2, 3, page=data.draw(st.sampled_from((None, 2)), label="page"))
    changed = parse(nl.join(insert_page_break(segs, at, marker)))
    assert [p.text for p in changed.paragraphs] == [p.text for p in original.paragraphs]
    assert len(changed.page_breaks) == len(original.page_breaks) + 1


def test_adjacent_page_breaks_keep_paragraph_boundaries() -> None:
    head = ["UNCLAS STATE 000001", "", "TAGS: PREL", "SUBJECT: X", ""]
    # a block break right at a marker: one blank line more than the padding
    lines = [*head, "1. (U) one two", "", "", "STATE 00000001  002 OF 003", "", "", "three four", "", "CLINTON"]
    base = parse("\n".join(lines))
    assert [p.text for p in base.paragraphs] == ["one two\n\nthree four"]
    changed = parse("\n".join(insert_page_break(lines, 5, "STATE 00000001  003 OF 003")))
    assert [p.text for p in changed.paragraphs] == ["one two\n\nthree four"]


# --------------------------------------------------------------------------- strict mode and bytes

strict_inputs = st.one_of(st.text(), st.text(alphabet=" \t\r\n"), cable_shaped, cable_texts)


@given(strict_inputs)
def test_strict_raises_exactly_when_lenient_has_errors(text: str) -> None:
    lenient = parse(text)
    if lenient.errors:
        with pytest.raises(CableParseError) as info:
            parse(text, strict=True)
        err = info.value
        assert err.diagnostics == lenient.diagnostics
        copy = pickle.loads(pickle.dumps(err))
        assert isinstance(copy, CableParseError)
        assert copy.diagnostics == err.diagnostics
        assert copy.reference_id == err.reference_id
        assert str(copy) == str(err)
    else:
        assert parse(text, strict=True) == lenient


@pytest.mark.parametrize("page", FIXTURE_PAGES, ids=lambda p: p.stem)
def test_strict_on_fixture(page: Path) -> None:
    lenient = parsed_page(page)
    if lenient.errors:
        with pytest.raises(CableParseError):
            parse(read_page(page), strict=True)
    else:
        assert parse(read_page(page), strict=True) == lenient


def test_strict_raises_on_empty_input() -> None:
    with pytest.raises(CableParseError) as info:
        parse("   \n", strict=True)
    assert [d.code for d in info.value.diagnostics if d.severity == "error"] == ["CP001"]


_INVALID = st.sampled_from((b"\xff", b"\xfe", b"\xc3", b"\x80", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"))


@given(cable_texts, _INVALID, st.data())
def test_invalid_utf8_gives_cp002(text: str, bad: bytes, data: st.DataObject) -> None:
    raw = text.encode("utf-8")
    cut = data.draw(st.integers(0, len(raw)))
    # keep the cut on a character boundary so that only ``bad`` is invalid
    while cut < len(raw) and (raw[cut] & 0xC0) == 0x80:
        cut += 1
    broken = raw[:cut] + bad + raw[cut:]
    c = parse(broken)
    assert "CP002" in {d.code for d in c.diagnostics}
    assert "CP002" not in {d.code for d in parse(raw).diagnostics}


@given(cable_texts)
def test_valid_utf8_bytes_parse_like_text(text: str) -> None:
    assert parse(text.encode("utf-8")) == parse(text)
