"""Cables' text files: five metadata lines, then the page's two blocks run together.

The real files in ``fixtures/textfiles/`` carry their own ground truth: the metadata lines,
the title (the subject's first line) and the pilcrows of WikiLeaks' paragraph anchors.
The fixture pages give a second check: a page written as a text file, as the mirror's
converter wrote it, reads as the page does.
"""

from __future__ import annotations

import collections
import datetime as _dt
import re
import zoneinfo
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import cableparse
from cableparse import Cable, dumps, normalize, parse
from cableparse.diagnostics import Collector
from cableparse.sources import read_source
from cableparse.sources.textfile import is_text_file
from conftest import FIXTURE_PAGES, FIXTURES, parsed_page, read_page

TEXT_FILES = sorted((FIXTURES / "textfiles").glob("*.txt"))
_ANCHOR_RE = re.compile(r"^\s*\u00b6(\d{1,3}[A-Z]?)\.", re.M)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def text_file_of(page: str) -> str:
    """``page`` (a cable page's HTML) as the mirror's converter wrote it: the table's
    values and the title's subject, one a line, the created time as a local time of the
    converter's zone, then the two blocks with their newline references decoded, an
    ``&`` left at a line's end dropped and the links removed, written one after the other."""
    t0 = page.rfind("<table class='cable'>")
    t1 = page.find("</table>", t0)
    cells = [c.strip() for c in re.findall(r"<td>(?:\s*<a [^>]*>)?([^<]*)<", page[t0:t1])]
    if len(cells) == 4:
        cells.insert(2, "")
    rid, created, _released, level, origin = cells[:5]
    m = re.search(r"<h3>\s*Viewing cable\s+[^,<]*,\s*([^<]*)</h3>", page)
    title = m.group(1).strip() if m else ""
    stamp = _dt.datetime.strptime(created, "%Y-%m-%d %H:%M").replace(tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
    blocks = "".join(re.findall(r"<pre>(.*?)</pre>", page[t1:], re.S))
    blocks = re.sub(r"&$", "", blocks.replace("#x000A;", "\n"), flags=re.M)
    blocks = re.sub(r"<a.[^>]*>", "", blocks).replace("</a>", "")
    return f"{rid}\n{title}\n{stamp.strftime('%a %b %d %H:%M:%S %z %Y')}\n{level}\n{origin}\n{blocks}"


def _comparable(cable: Cable) -> Cable:
    """``cable`` without what the two forms cannot share: the release date (a text file
    has none), diagnostics, line numbers."""
    return attrs.evolve(
        cable,
        header=attrs.evolve(cable.header, released=None),
        diagnostics=(),
        page_breaks=tuple(attrs.evolve(b, line=0) for b in cable.page_breaks),
        unplaced=tuple(attrs.evolve(u, line=None) for u in cable.unplaced),
    )


# --------------------------------------------------------------------------- real files


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.stem)
def test_real_text_file_gives_its_own_metadata(path: Path) -> None:
    raw = _read(path)
    rid, title, stamp, level, origin = raw.split("\n")[:5]
    c = parse(raw)
    assert c.reference_id == rid == path.stem
    assert c.header.classification == level
    assert c.header.origin == origin
    assert c.header.created is not None
    assert c.header.created.strftime("%a %b %d %H:%M") == stamp[:16]
    assert "CP017" not in {d.code for d in c.diagnostics}
    if len(raw.split("\n")) > 6:
        # the subject opens with the title, and the paragraphs are the anchored ones
        assert " ".join((c.header.subject or "").split()).startswith(" ".join(title.split()))
        numbers = [p.number for p in c.paragraphs if p.number]
        assert collections.Counter(numbers) == collections.Counter(_ANCHOR_RE.findall(raw))
        assert c.header.classification_line is not None
        assert c.signature
        assert not any("\u00b6" in p.text for p in c.paragraphs)


def test_routing_header_run_on_to_the_classification_line() -> None:
    # ``TO SECSTATE WASHDC 9600UNCLAS SECTION 01 OF 02 HAVANA 004690``
    c = parse(_read(FIXTURES / "textfiles" / "01HAVANA4690.txt"))
    assert c.routing is not None
    assert [(a.name, a.mcn) for a in c.routing.to] == [("SECSTATE WASHDC", "9600")]
    assert c.header.classification_line is not None
    assert c.header.classification_line.raw == "UNCLAS SECTION 01 OF 02 HAVANA 004690"
    assert c.header.tags == ("PTER", "CU")


def test_partial_extract_note_run_on_to_the_classification_line() -> None:
    # ``... is not available.UNCLAS SECTION 01 OF 02 ADANA 0386``
    c = parse(_read(FIXTURES / "textfiles" / "02ADANA386.txt"))
    assert c.routing is not None and c.routing.partial
    assert c.header.classification_line is not None
    assert c.header.classification_line.raw == "UNCLAS SECTION 01 OF 02 ADANA 0386"
    assert c.header.subject == "SOUTHEAST TURKEY PRESS SUMMARY NOVEMBER 6, 2002"


def test_partial_extract_note_over_a_date_time_group_run_on() -> None:
    # the note, a blank line, then ``060748Z Feb 04UNCLAS HARARE 000224``
    raw = _read(FIXTURES / "textfiles" / "04HARARE224.txt")
    src = read_source(raw, Collector())
    assert src.routing is not None and src.routing[-1] == "060748Z Feb 04"
    assert src.text[0].startswith("UNCLAS HARARE 000224")
    assert parse(raw).header.classification_line is not None


def test_titled_record_run_on_to_the_last_addressee() -> None:
    # ``RUEHBU/AMEMBASSY BUENOS AIRES 0001QATAR INVESTMENT ...`` over ``Class: CONFIDENTIAL``,
    # ``Date: ...``, ``Key: 09DOHA691``, ``Tags: ...``: a record of the cable's title and
    # metadata above the text; the text opens with its title, after the message number
    c = parse(_read(FIXTURES / "textfiles" / "09DOHA691.txt"))
    assert c.routing is not None
    assert (c.routing.info[-1].name, c.routing.info[-1].mcn) == ("AMEMBASSY BUENOS AIRES", "0001")
    assert c.preamble[0] == "QATAR INVESTMENT AUTHORITY'S 2010 INVESTMENT STRATEGY OUTLINED"
    assert c.preamble[3] == "Key: \t09DOHA691"
    assert c.header.classification_line is not None
    assert c.header.classification_line.raw == "C O N F I D E N T I A L SECTION 01 OF 02 DOHA 000691"
    assert c.header.subject == "QATAR INVESTMENT AUTHORITY'S 2010 INVESTMENT STRATEGY OUTLINED"
    assert "CP302" in {d.code for d in c.diagnostics}


def test_text_file_without_text() -> None:
    # the mirror holds some files with the metadata lines alone
    c = parse(_read(FIXTURES / "textfiles" / "09DHAKA57.txt"))
    assert (c.reference_id, c.header.classification, c.header.origin) == ("09DHAKA57", "CONFIDENTIAL", "Embassy Dhaka")
    assert c.paragraphs == ()
    assert "CP017" not in {d.code for d in c.diagnostics}


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.stem)
def test_text_file_round_trip(path: Path) -> None:
    c = parse(_read(path))
    again = parse(dumps(c))
    assert attrs.evolve(again, diagnostics=(), page_breaks=()) == attrs.evolve(c, diagnostics=(), page_breaks=())
    once = normalize(_read(path))
    assert normalize(once) == once


# --------------------------------------------------------------------------- pages as text files


@pytest.mark.parametrize("page", [p for p in FIXTURE_PAGES if p.suffix == ".html"], ids=lambda p: p.stem)
def test_page_written_as_text_file_reads_as_the_page(page: Path) -> None:
    as_file = text_file_of(read_page(page))
    assert is_text_file(as_file)
    assert _comparable(parse(as_file)) == _comparable(parsed_page(page))


# --------------------------------------------------------------------------- the seam

_HEAD = "09ANKARA1\nSUBJECT\nThu Jan 15 11:47:00 +0100 2009\nSECRET\nEmbassy Ankara\n"


def _apart(body: str) -> tuple[list[str] | None, list[str]]:
    src = read_source(_HEAD + body, Collector())
    assert src.form == "text-file"
    return src.routing, src.text


@pytest.mark.parametrize(
    ("last", "first"),
    [
        # a level word's first letter written twice, after an addressee's usual last word
        ("RHEHNSC/NSC WASHINGTON DC", "UUNCLAS MANAGUA 001002 "),
        ("INFO RUCNMGH/MAGHREB COLLECTIVE PRIORITY", "SS E C R E T TUNIS 000679 "),
        ("RUCNDT/USMISSION USUN NEW YORK PRIORITY 0159", "C C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000779"),
        ("RHEHNSC/NSC WASHDC", "CC O N F I D E N T I A L SECTION 01 OF 02 BEIJING 001378"),
        # ... and not where the addressee's own letter is the level word's
        ("RUEKJCS/JOINT STAFF WASHINGTON DC", "C O N F I D E N T I A L BEIJING 001211 "),
        # a mark before the level word, a level word that lost its first letter
        ("RUEKJCS/SECDEF WASHINGTON DC", ".C O N F I D E N T I A L PANAMA 000829 "),
        ("RUEKJCS/SECDEF WASHINGTON DC", "E C R E T SECTION 01 OF 03 BAGHDAD 000146"),
        # a lower-case line, a banner with its caveats, a trailing space
        ("201247Z Jan 04 RUEHC/SECSTATE WASHDC", "C o n f i d e n t i a l section 01 of 04 ankara 000348"),
        ("INFO RUCNAFG/AFGHANISTAN COLLECTIVE", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
        ("AMEMBASSY ISLAMABAD PRIORITY ", "S E C R E T STATE 034688 "),
        # pasted records: a tab row after a message number, an id line, the cable's own id
        ("RUCNDT/USMISSION USUN NEW YORK 0092", "75837\t2006-08-23 08:46:00\t09ANKARA1\tEmbassy Ankara"),
        ("RHEHNSC/NSC WASHDC PRIORITY", "id: 208410"),
        ("RHEHOND/DIR ONDCP WASHDC", "09ANKARA1"),
        ("RUEHGV/USMISSION GENEVA IMMEDIATE 0000", "Cable dated:2008-11-24T14:44:00C O N F I D E N T I A L"),
    ],
)
def test_seam_found(last: str, first: str) -> None:
    routing, text = _apart(
        f"VZCZCXYZ0001\nRR RUEHWEB\nDE RUEHAK #0001 0151147\nTO RUEHC/SECSTATE WASHDC\n{last}{first}\n \nSIPDIS\n"
    )
    assert routing is not None and routing[-1] == last
    assert text[0] == first


def test_no_seam_found_reads_the_blocks_as_bare_text() -> None:
    body = "VZCZCXYZ0001\nDE RUEHAK #0001 0151147\nTO RUEHC/SECSTATE WASHDC 0001NOTE - DO NOT PUBLISH\n\nSIPDIS\n"
    d = Collector()
    src = read_source(_HEAD + body, d)
    assert src.routing is None and "\n".join(src.text) == body
    assert [x.code for x in d.items] == ["CP017"]
    assert [x.line for x in d.items] == [6]


_LINES = st.text(st.sampled_from("AUNCLSECRTOFID /.0123456789\tZ:-\u00b6<>"), max_size=40)


@given(st.lists(_LINES, min_size=1, max_size=8))
def test_the_blocks_are_put_apart_and_nothing_is_lost(lines: list[str]) -> None:
    # whatever follows the metadata lines, the routing header and the text hold it all,
    # but the anchors' pilcrows (and the page's markup: what could open a tag is left out
    # here, the next test has the tags)
    body = "\n".join(lines)
    assume(re.search(r"<[/A-Za-z]", body) is None)
    src = read_source(_HEAD + body, Collector())
    assert src.form == "text-file"
    kept = "\n".join(src.routing) if src.routing is not None else ""
    kept += "\n".join(src.text)
    assert kept == body.replace("\u00b6", "")


@given(
    st.sampled_from(["UNCLAS", "C O N F I D E N T I A L", "S E C R E T", "CONFIDENTIAL", "SECRET"]),
    st.integers(1, 999999),
)
def test_seam_after_any_addressee_of_the_fixtures(level: str, serial: int) -> None:
    # every last addressee line of the fixture pages' routing headers, with a
    # classification line run on to it, is put apart where the two met
    for page in FIXTURE_PAGES:
        raw = read_page(page)
        blocks = re.findall(r"<pre>(.*?)</pre>", raw, re.S)
        if page.suffix != ".html" or len(blocks) < 2 or "This record is a partial" in blocks[0]:
            continue
        last = blocks[0].split("&#x000A;")[-1]
        if not last.strip() or re.search(r"[A-Z]{5,}", last) is None:
            continue
        first = f"{level} ANKARA {serial:06d}"
        routing, text = _apart(
            f"VZCZCXYZ0001\nDE RUEHAK #0001 0151147\nTO RUEHC/SECSTATE WASHDC\n{last}{first}\n\nSIPDIS\n"
        )
        assert routing is not None and (routing[-1], text[0]) == (last, first), page.stem


@pytest.mark.parametrize(
    ("stamp", "created"),
    [
        ("Fri Dec 14 13:43:00 +0100 2001", "2001-12-14T13:43:00+00:00"),
        ("Fri Dec 14 13:43:00 CET 2001", "2001-12-14T13:43:00+00:00"),
        # as newer versions of the converter's language print a time
        ("2001-12-14 13:43:00 +0100", "2001-12-14T13:43:00+00:00"),
        ("2001-12-14 13:43", "2001-12-14T13:43:00+00:00"),
    ],
)
def test_the_created_time_as_written(stamp: str, created: str) -> None:
    lines = _read(FIXTURES / "textfiles" / "01HAVANA4690.txt").split("\n")
    lines[2] = stamp
    c = parse("\n".join(lines))
    assert c.header.created is not None and c.header.created.isoformat() == created
    assert c.routing is not None and c.routing.to[0].name == "SECSTATE WASHDC"


def test_not_a_text_file() -> None:
    for text in (
        "09ANKARA1\nSUBJECT\nThursday\nSECRET\nEmbassy Ankara\nbody",  # no time line
        "09ANKARA1\nSUBJECT\nThu Jan 15 11:47:00 +0100 2009\nSECRETISH\nEmbassy Ankara\nbody",  # no level
        "UNCLAS ANKARA 000001\n\nSUBJECT: X\n",
    ):
        assert not is_text_file(text)
        assert cableparse.parse(text).reference_id != "09ANKARA1" or "SECRETISH" in text


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("<br>", ""),
        ("TEXT<BR/>", "TEXT"),
        ("</td></tr></table>", ""),
        ("<I>", ""),
        ("<b>WORD</b>", "WORD"),
        ('<font size="2">X</font>', "X"),
        ("MEET <Israel> NOW", "MEET <Israel> NOW"),
        ("<<240168>>", "<<240168>>"),
        ("<>", "<>"),
        ("A < B > C", "A < B > C"),
    ],
)
def test_the_pages_markup_goes_and_angle_brackets_of_the_text_stay(line: str, kept: str) -> None:
    # the line-break, table and text-style tags some blocks hold are WikiLeaks' markup, and
    # go as the page reader drops them; a word or a number between angle brackets is text
    src = read_source(_HEAD + "TEXT\n" + line, Collector())
    assert src.form == "text-file"
    assert "\n".join(src.text) == "TEXT\n" + kept
