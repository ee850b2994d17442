"""Routing headers of older State traffic: distribution lines, page banners and page
headers above the format lines, read from real pages and from their shapes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse import Cable, Paragraph
from cableparse.parser.routing import split_routing
from conftest import FIXTURES

HEAD = "UNCLAS STATE 000123\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n1. (U) Text.\n\nCLINTON\n"

# the distribution list above the format lines of 08STATE116943 (shortened)
DISTRIBUTION = (
    "ORIGIN DS-00    \n"
    "\n"
    "INFO  LOG-00   MFA-00   EEB-00   AF-00    AIT-00   A-00     CIAE-00  \n"
    "      INL-00   DNI-00   DODE-00  DOEE-00  WHA-00   EAP-00   DHSE-00  \n"
    "      SAS-00   FA-00      /002R\n"
    "\n"
    "P 031812Z NOV 08\n"
    "FM SECSTATE WASHDC\n"
    "TO SECURITY OFFICER COLLECTIVE PRIORITY\n"
    "AMEMBASSY TRIPOLI PRIORITY \n"
    "INFO AMCONSUL CASABLANCA PRIORITY \n"
)


def _pre_page(routing: str, text: str) -> str:
    """A cable page's two ``pre`` blocks (the routing header, the cable text)."""

    def block(s: str) -> str:
        return s.replace("\n", "&#x000A;")

    return f"<html><body><pre>{block(routing)}</pre><pre>{block(text)}</pre></body></html>"


def _round_trips(cable: Cable) -> None:
    again = cableparse.parse(cableparse.dumps(cable))
    assert again.routing == cable.routing
    assert again.preamble == cable.preamble
    assert again.header == cable.header


def test_distribution_lines_are_no_addressees() -> None:
    for source in (DISTRIBUTION + HEAD, _pre_page(DISTRIBUTION, HEAD)):
        cable = cableparse.parse(source)
        assert cable.routing is not None
        assert [a.name for a in cable.routing.to] == ["SECURITY OFFICER COLLECTIVE", "AMEMBASSY TRIPOLI"]
        assert [a.name for a in cable.routing.info] == ["AMCONSUL CASABLANCA"]
        assert cable.routing.dtg is not None and cable.routing.dtg.day == 3
        # kept as written, in order, with the text above the cable
        assert cable.preamble[0] == "ORIGIN DS-00"
        assert cable.preamble[-1] == "SAS-00   FA-00      /002R"
        codes = [d.code for d in cable.diagnostics]
        assert "CP105" in codes and "CP101" not in codes
        _round_trips(cable)


@given(
    st.lists(st.from_regex(r"[A-Z][A-Z0-9]{0,4}-[0-9]{2}", fullmatch=True), min_size=1, max_size=12),
    st.sampled_from(["", "  /037 W", "  /002R"]),
)
def test_a_line_of_office_symbols_is_no_addressee(symbols: list[str], count: str) -> None:
    routing = (
        f"ACTION AF-00\nINFO  {'   '.join(symbols)}{count}\n"
        "R 171512Z JAN 90\nFM AMCONSUL CAPE TOWN\nTO SECSTATE WASHDC 5365\n"
    )
    cable = cableparse.parse(routing + HEAD)
    assert cable.routing is not None
    assert [a.name for a in cable.routing.to] == ["SECSTATE WASHDC"]
    assert cable.routing.info == ()
    assert cable.preamble == ("ACTION AF-00", f"INFO  {'   '.join(symbols)}{count}")
    assert cable.header.classification_line is not None
    _round_trips(cable)


def test_old_teletype_record_reads_the_same_from_its_page_and_its_text() -> None:
    # 00HARARE5461: a banner with the teleprinter's reel number over the first page's
    # header, the distribution list, then the format lines
    page = (FIXTURES / "pages" / "00HARARE5461.html").read_text(encoding="utf-8")
    from_page = cableparse.parse(page)
    assert from_page.routing is not None
    assert [a.name for a in from_page.routing.info] == ["NSC WASHDC", "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY"]
    assert from_page.page_breaks[0].text.startswith("CONFIDENTIAL PTQ2529 PAGE 01")
    assert from_page.preamble[0] == "ACTION AF-00"  # (the banner went with the page header)
    # the same cable as bare text: the two blocks, without metadata
    blocks = cableparse.dumps(from_page)  # canonical text reads back to the same
    again = cableparse.parse(blocks)
    assert again.routing == from_page.routing
    assert again.header.classification_line == from_page.header.classification_line


def test_a_banner_over_the_first_page_header_is_no_classification_line() -> None:
    # the shape of a teletype printout's first page (as format.md shows the page headers)
    routing = (
        "CONFIDENTIAL\n\nPAGE 01        SOFIA  03382  01 OF 02  111320Z\nACTION EUR-00\n\n"
        "INFO  LOG-00   ADS-00   INR-05   EUR-00\n      P-02     T-01     /037 W\n"
        "                    ------------------352654  111321Z /23\n"
        "R 111315Z MAR 03\nFM AMEMBASSY SOFIA\nTO SECSTATE WASHDC 1234\nINFO AMEMBASSY ROME\n"
    )
    text = (
        "C O N F I D E N T I A L SECTION 01 OF 02 SOFIA 003382\n\n"
        "E.O. 12958: DECL: 03/11/13\nTAGS: PREL\nSUBJECT: TEST\n\n1. (C) Text.\n"
    )
    for source in (_pre_page(routing, text), routing + text):
        cable = cableparse.parse(source)
        assert cable.routing is not None
        assert cable.routing.sender == "AMEMBASSY SOFIA"
        assert [a.name for a in cable.routing.info] == ["AMEMBASSY ROME"]
        line = cable.header.classification_line
        assert line is not None and line.origin == "SOFIA" and line.sections == 2
        assert cable.page_breaks[0].text.startswith("CONFIDENTIAL PAGE 01")
        assert "CONFIDENTIAL" not in cable.preamble
        _round_trips(cable)


def test_the_banners_at_the_foot_and_the_head_of_a_page_go_with_its_header() -> None:
    text = (
        "UNCLAS ROME 001196\n\nTAGS: PREL\nSUBJECT: TEST\n\n"
        "2.  THE MINISTER SAID THAT THE\nUNCLASSIFIED\n\nUNCLASSIFIED\n\n"
        "PAGE 02 ROME 01196 01 OF 02 082030Z\n\nPLAN WOULD GO AHEAD.\n\n3.  NEXT.\n"
    )
    cable = cableparse.parse(text)
    assert cable.paragraphs[0].text == "THE MINISTER SAID THAT THE\nPLAN WOULD GO AHEAD."
    assert cable.page_breaks[0].text.startswith("UNCLASSIFIED UNCLASSIFIED PAGE 02")
    # a banner that is text (a paragraph of its own, not over a page header) stays
    kept = cableparse.parse(text.replace("PAGE 02 ROME 01196 01 OF 02 082030Z\n\n", ""))
    assert "UNCLASSIFIED" in "\n".join(p.text for p in kept.paragraphs)


def test_a_teletype_page_header_with_text_run_on_after_it() -> None:
    # reflowed old traffic (00HARARE5461, 00HARARE6677): the page's banner run on to the
    # text line above or on a line of its own, the page header with the text after it
    text = (
        "CONFIDENTIAL HARARE 006677\n\nSUBJECT: TEST\n\n10. (C) RICE ARGUED THAT THE PARTY SHOULD ENGAGE.\n"
        " CONFIDENTIAL\nPAGE 03 HARARE 06677 03 OF 03 291401Z 11. (C) COMMENT: TSVANGIRAI WAS FRANK. END COMMENT.\n"
        "12. (U) A/S RICE HAS CLEARED THIS MESSAGE.\n"
    )
    cable = cableparse.parse(text)
    assert [p.number for p in cable.paragraphs] == ["10", "11", "12"]
    assert cable.paragraphs[1].text == "COMMENT: TSVANGIRAI WAS FRANK. END COMMENT."
    assert cable.page_breaks[0].text == "CONFIDENTIAL PAGE 03 HARARE 06677 03 OF 03 291401Z"
    glued = cableparse.parse(
        "CONFIDENTIAL HARARE 005461\n\nSUBJECT: TEST\n\n3. (C) SUCH A PACKAGE ATTRACTIVE  CONFIDENTIAL\n"
        "PAGE 04 HARARE 05461 01 OF 02 271458Z ENOUGH, BUT HE CLAIMED OTHERWISE.\n"
    )
    assert glued.paragraphs[0].text == "SUCH A PACKAGE ATTRACTIVE\nENOUGH, BUT HE CLAIMED OTHERWISE."
    assert glued.page_breaks[0].page == 4
    for read in (cable, glued):
        again = cableparse.parse(cableparse.dumps(read))
        assert again.paragraphs == read.paragraphs


@pytest.mark.parametrize(
    "source",
    [
        "<pre>&#x000APAGE 02 1 061419Z #</pre><pre>",  # fuzz input, 2026-12-06, cut down
        "<pre>FM AMEMBASSY HARARE\nTO SECSTATE WASHDC 7212\nPAGE 02 HARARE 05461 271458Z AMEMBASSY PARIS</pre>"
        "<pre>x</pre>",
    ],
)
def test_a_page_header_with_text_run_on_in_the_routing_block(source: str) -> None:
    # the routing header reads such a line as the text does: the page header, then the
    # text after it as a line of its own
    cable = cableparse.parse(source)
    assert cable.page_breaks and cable.page_breaks[0].text.startswith("PAGE 02")
    once = cableparse.dumps(cable)
    assert cableparse.normalize(once) == once


@pytest.mark.parametrize(
    ("line", "signal"),
    [
        # real shapes (06MINSK641, 08RIYADH1619, 08LONDON1917, 09QUITO177, 10BUENOSAIRES71)
        ("R 160608Z JUN 06 ZDK ALL", "ZDK ALL"),
        ("O 291012Z OCT 08 ZDK CTG NUMEROUS REQUESTS", "ZDK CTG NUMEROUS REQUESTS"),
        ("P 231230Z JUL 08 ZFR ZFR ZFR", "ZFR ZFR ZFR"),
        ("O 112343Z MAR 09        ZDS ZDS", "ZDS ZDS"),
        ("O R 041614Z FEB 10     (CCY ADX1C30B8 ICTOQ0621-623)", "(CCY ADX1C30B8 ICTOQ0621-623)"),
        ("O 050115Z MAR 07 ZDS", "ZDS"),
        # the signal glued to the year (09DURBAN46, a cable's text file of alx/cablegate)
        ("R 301250Z APR 09ZDF", "ZDF"),
    ],
)
def test_a_date_time_group_with_a_service_note_after_it(line: str, signal: str) -> None:
    routing = f"VZCZCXRO4581\nOO RUEHCHI\nDE RUEHPF #0350/01 0640115\nZNR UUUUU ZZH\n{line}\nFM AMEMBASSY PARIS\n"
    cable = cableparse.parse(routing + HEAD)
    assert cable.routing is not None and cable.routing.dtg is not None
    assert cable.routing.dtg.hour * 100 + cable.routing.dtg.minute == int(line.split("Z", maxsplit=1)[0][-4:])
    assert cable.routing.dtg_signal == signal
    assert "CP101" not in [d.code for d in cable.diagnostics]
    _round_trips(cable)


@pytest.mark.parametrize(
    ("line", "signal"),
    [
        # real shapes (09STATE81957, 08TRIPOLI650, 10PARIS71, 07PARIS2440, 09KABUL1239)
        ("ZNY SSSSS ZZH ZDS", "ZZH ZDS"),
        ("ZNY SSSSS ZZH ZDK ZDS", "ZZH ZDK ZDS"),
        ("ZNY CCCCC ZZH (CCY AD133C36 MSI9843-695)", "ZZH (CCY AD133C36 MSI9843-695)"),
        ("ZNY SSSSS ZZH ZUI RUEWMCE1074 1581702", "ZZH ZUI RUEWMCE1074 1581702"),
        ("ZNY CCCCC ZZH  (TAO)", "ZZH (TAO)"),
        ("ZNR UUUUU ZZH", "ZZH"),
    ],
)
def test_a_security_line_with_a_service_note_after_its_operating_signal(line: str, signal: str) -> None:
    routing = f"VZCZCXRO4581\nOO RUEHCHI\nDE RUEHPF #0350/01 0640115\n{line}\nO 050115Z MAR 07\nFM AMEMBASSY PARIS\n"
    cable = cableparse.parse(routing + HEAD)
    assert cable.routing is not None
    assert cable.routing.operating_signal == signal
    assert cable.preamble == ()
    assert "CP901" not in [d.code for d in cable.diagnostics]
    _round_trips(cable)


def test_a_ref_item_that_opens_with_a_page_header_stays_an_item() -> None:
    # (fuzz input, 2026-12-06, cut down) an unlettered REF item that opens with a teletype
    # page header and text run on after it is written on the line above, after ``;,``:
    # on a line of its own it would read as a page break and its text
    cable = cableparse.parse("<pre>&#x000AREF A;PAGE 02 H 271458Z&#9C")
    assert [r.text for r in cable.header.references] == ["A", "PAGE 02 H 271458Z C"]
    once = cableparse.dumps(cable)
    assert cableparse.parse(once).header.references == cable.header.references
    assert cableparse.normalize(once) == once


def test_a_level_word_above_the_format_lines_of_a_routing_block_does_not_end_it() -> None:
    # (03ABUDHABI2641: a mail export's copy of the cable, with a level word alone, above the
    # routing header in the page's first block; the cable text is the second block)
    export = ["null", "Cable", "CONFIDENTIAL", "", "TELEGRAM June 03, 2003", "To: No Action Addressee"]
    header = ["VZCZCADI319", "OO RUEHC RUEHAM", "DE RUEHAD #2641 1541250", "ZNY CCCCC ZZH", "FM AMEMBASSY ABU DHABI"]
    assert split_routing(export + header, 0, blank_ends=False) == len(export + header)
    # without the format lines below it, the level word is where the cable text begins
    assert split_routing(export, 0, blank_ends=False) == 2
    # and a classification line below the format lines still ends the block
    block = export + header + ["C O N F I D E N T I A L ABU DHABI 002641", "SIPDIS"]
    assert split_routing(block, 0, blank_ends=False) == len(export + header)


# the routing header and the first lines of 08TRIPOLI470 (the page's two blocks)
_TRIPOLI_ROUTING = (
    "P 161245Z JUN 08\nFM AMEMBASSY TRIPOLI\nTO RUEHC/SECSTATE WASHDC PRIORITY 3539\n"
    "INFO RUCPDOC/DEPT OF COMMERCE WASHINGTON DC\nRUEHEG/AMEMBASSY CAIRO 1114\n"
)
_TRIPOLI_TEXT = (
    "UNCLAS SECTION 01 OF 02 TRIPOLI 000470 \n \nSENSITIVE \n \nE.O. 12958: N/A \n"
    "TAGS: ECON ENRG EPET SENV PGOV LY\nSUBJECT: OIL- AND GAS-RELATED POLLUTION IN LIBYA \n \n"
    "1. (SBU)  Summary. Libya is slowly acknowledging the need.\n"
)


@pytest.mark.parametrize(
    "above",
    [
        # the page's note above the format lines (08TRIPOLI470, 09TRIPOLI139)
        "TelegramRestricted by caption. UNCLASSIFIED   TRIPOLI   00000470 \n",
        "TelegramUNCLASSIFIED   TRIPOLI   00000139 \n",
        # a mail export's lines, and a level word alone (08TRIPOLI248)
        "From: CBPC, EACTAPP [EACTAPP@state.sgov.gov]\nSent: Friday, March 21, 2008 11:08 AM\n"
        "To: EACTTripoli(Main State Room 2530)\nSubject: TRIPOLI 00000470 P SE 16-JUN-08 POLLUTION\n\nSECRET\n\n",
    ],
)
def test_lines_above_the_routing_header_of_bare_text_go_with_it(above: str) -> None:
    # (as the page's first block has them: the routing parser keeps them with the preamble)
    bare = cableparse.parse(above + _TRIPOLI_ROUTING + _TRIPOLI_TEXT)
    alone = cableparse.parse(_TRIPOLI_ROUTING + _TRIPOLI_TEXT)
    assert bare.routing is not None
    assert bare.routing == alone.routing
    assert [a.name for a in bare.routing.info] == ["DEPT OF COMMERCE WASHINGTON DC", "AMEMBASSY CAIRO"]
    assert bare.header == alone.header
    assert bare.header.subject == "OIL- AND GAS-RELATED POLLUTION IN LIBYA"
    assert bare.preamble == tuple(t.strip() for t in above.split("\n") if t.strip())
    assert "CP901" in {d.code for d in bare.diagnostics}
    _round_trips(bare)


def test_the_cable_text_below_a_few_lines_is_no_routing_header() -> None:
    # (a whole classification line, or a numbered paragraph, comes before the format lines:
    # they are the text's, and the lines above are the text's too)
    for top in ("UNCLAS TRIPOLI 000470\n", "1. (U) Text.\n"):
        cable = cableparse.parse("A note.\n" + top + _TRIPOLI_ROUTING)
        assert cable.routing is None


def test_a_station_distribution_line_of_info_opens_the_routing_header_of_bare_text() -> None:
    # (09STATE34688: the copies' offices, ``INFO LOG-00 ...``, above the format lines; one
    # symbol in parentheses on two lines, 09LONDON2229)
    distribution = (
        "INFO  LOG-00   EEB-00   AGRE-00  AID-00   AEX-00   A-00     CCO-00   \n"
        "      DRL-00   SAS-00   FA-00    SRAP-00  SWCI-00  PESU-00  (\n"
        "      GIWI-00  )  /001W\n\n\n"
    )
    page = cableparse.parse(
        f"<html><body><pre>{distribution}{_TRIPOLI_ROUTING}</pre><pre>{_TRIPOLI_TEXT}</pre></body></html>"
    )
    bare = cableparse.parse(distribution + _TRIPOLI_ROUTING + _TRIPOLI_TEXT)
    for cable in (page, bare):
        assert cable.routing is not None and cable.routing.sender == "AMEMBASSY TRIPOLI"
        assert len(cable.preamble) == 3
        codes = {d.code for d in cable.diagnostics}
        assert "CP105" in codes and "CP101" not in codes
    assert bare.header == page.header
    _round_trips(bare)


def test_an_addressee_naming_offices_with_colons_goes_on_in_bare_text() -> None:
    # (96ANKARA12278, 05ANKARA82: ``SECDEF WASHDC//USDP:PDUSDP/USDP/ISA:EUR//``)
    routing = (
        "R 181142Z NOV 96\nFM AMEMBASSY ANKARA\nTO JOINT STAFF WASHDC\nAMCONSUL ADANA \n"
        "SECDEF WASHDC//USDP:PDUSDP/USDP/ISA:EUR//\nAMEMBASSY RIYADH \nSECSTATE WASHDC 9646\n"
    )
    text = "C O N F I D E N T I A L SECTION 01 OF 03 ANKARA 012278 \n \nSUBJECT: GLIMPSES OF THE SHARIA IN TURKEY \n"
    cable = cableparse.parse(routing + text)
    assert cable.routing is not None
    assert [a.name for a in cable.routing.to][-3:] == [
        "SECDEF WASHDC//USDP:PDUSDP/USDP/ISA:EUR//",
        "AMEMBASSY RIYADH",
        "SECSTATE WASHDC",
    ]
    assert cable.header.subject == "GLIMPSES OF THE SHARIA IN TURKEY"


@pytest.mark.parametrize("where", ["preamble", "paragraph"])
def test_canonical_text_says_there_is_no_routing_header_where_lines_below_open_like_one(where: str) -> None:
    # a cable without a routing header whose first lines hold a format line a few lines down
    # (a page whose routing block is empty): canonical text says that it has none, or bare
    # text's reading would find one there
    lines = ("A note.", "P 161245Z JUN 08", "FM AMEMBASSY TRIPOLI")
    if where == "preamble":
        cable = Cable(preamble=lines, paragraphs=(Paragraph(number="1", text="Text."),))
    else:
        cable = Cable(paragraphs=(Paragraph(text="\n".join(lines)), Paragraph(number="1", text="Text.")))
    text = cableparse.dumps(cable)
    again = cableparse.parse(text)
    assert again.routing is None
    assert again.preamble == cable.preamble
    assert again.paragraphs == cable.paragraphs
    assert cableparse.normalize(text) == text
