"""The body parser on its own: signature and trailer, reflowed text, one-line headings."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cableparse import Cable, dumps, parse
from cableparse.diagnostics import Collector
from cableparse.parser import body as body_module
from cableparse.parser.body import Body, parse_body

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def body_of(text: str) -> tuple[Body, set[str]]:
    diags = Collector()
    body = parse_body(list(enumerate(text.split("\n"))), diags)
    return body, {d.code for d in diags.items}


def cable(body: str) -> str:
    return f"UNCLAS TRIPOLI 000204\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL LY\nSUBJECT: A TEST\n\n{body}\n"


def _reads_back(c: Cable) -> None:
    """Canonical text of ``c`` reads back to the same paragraphs, and to itself."""
    once = dumps(c)
    assert parse(once).paragraphs == c.paragraphs
    assert dumps(parse(once)) == once


# --------------------------------------------------------------------------- signatures


@pytest.mark.parametrize(
    ("text", "signature", "trailer"),
    [
        # after a blank line, as before
        ("1. (U) Text of the cable.\n\nCAMPBELL", "CAMPBELL", []),
        # directly under the last text line
        ("3. (S) Your support is a\nstrategic miscalculation.\n\nEnd points.\nCLINTON", "CLINTON", []),
        ("needed.  Post expects an answer in a week or\ntwo.\nLANGDALE", "LANGDALE", []),
        ("End comment.\nSTEVENS", "STEVENS", []),
        # mixed case, particles
        ("1. (C) Text of the cable.\n\nStapleton", "Stapleton", []),
        ("at www.state.sgov.gov/demarche.\nRice", "Rice", []),
        ("1. (C) Text.\nMcMullen", "McMullen", []),
        # upper case after a Scottish or Irish prefix (08WELLINGTON414, 07HARARE1073)
        ("might be.\n\nMcCORMICK", "McCORMICK", []),
        ("on December 18.\nMcGEE\n0 11/30/2007", "McGEE", ["0 11/30/2007"]),
        ("1. (C) Text.\n\nMacDONALD", "MacDONALD", []),
        # below a bracketed source or the last line of a form (09TRIPOLI151, 09STATE114151)
        ("of total stagnation. [Tripoli Post, 12/13/08]\nCRETZ", "CRETZ", []),
        ("Start Date: 10/26/2009\nEnd Date: 6/29/2010\nCLINTON", "CLINTON", []),
        ("1. (C) Text.\n\nvan Voorst", "van Voorst", []),
        # one upper-case word below the last line of a list or a sentence without its full
        # stop (09STATE81957, 09BEIJING2063, 05SANJOSE2413)
        ("Russian Embassy\nAlexei Markov\nMaxim Elovik\nCLINTON", "CLINTON", []),
        ('Zeng "saved" many other\npeople\nGOLDBERG', "GOLDBERG", []),
        ("distinguished consideration.\n\nSan Jose, 7 October 2005\nFRISBIE", "FRISBIE", []),
        # two names, on one line or two
        ("1. (C) Text.\n\nKEEGAN PAAL", "KEEGAN PAAL", []),
        ("1. (C) Text.\n\nJOHNSON\nKEANE", "JOHNSON KEANE", []),
        # decorations go to the trailer
        ("1. (C) Text.\n\nGILLESPIE##", "GILLESPIE", ["##"]),
        ("1. (C) Text.\n\nMCNAMARA.", "MCNAMARA", ["."]),
        ('1. (C) Text.\nMULFORD "', "MULFORD", ['"']),
        # metadata junk run on after the signer is trailer
        ("2.(C) Text of the cable.\nSTEVENS 0 03/07/2008", "STEVENS", ["0 03/07/2008"]),
        ("End Comment.\nSOBEL 2008-01-08", "SOBEL", ["2008-01-08"]),
        (
            "Visit Rome's Classified Website: http://www.state.sgov.gov/p/eur/rome/index.cf m\n"
            'HALL NNNN 2004ROME02926 - Classification: CONFIDENTIAL "',
            "HALL",
            ['NNNN 2004ROME02926 - Classification: CONFIDENTIAL "'],
        ),
        # trailer lines
        (
            "1. (C) Text.\n\nSEMBLER\n\nNNNN  2005ROME01593 - Classification: SECRET",
            "SEMBLER",
            ["NNNN  2005ROME01593 - Classification: SECRET"],
        ),
        (
            "1. (C) Text.\n\nKELLY\n=======================CABLE ENDS============================",
            "KELLY",
            ["=======================CABLE ENDS============================"],
        ),
        ("1. (C) Text.\n\nRICE\n\nNOTE BY OC/T: NOT PASSED TO USUN.", "RICE", ["NOTE BY OC/T: NOT PASSED TO USUN."]),
        ("1. (C) Text.\n\nBEYRLE\n..", "BEYRLE", [".."]),
        ("1. (C) Text.\nFEIERSTEIN\nNNNN\nEnd Cable Text", "FEIERSTEIN", ["NNNN", "End Cable Text"]),
        # the end of message in mixed case (08STATE15220)
        ("10. (U) A word version will be posted.\nRice\n\n\nNnnn", "Rice", ["Nnnn"]),
        # a date alone, the cable's end mark cut short, a newspaper's stamp cut short
        # (09MEXICO160, 09CAIRO1447, 10BOGOTA13)
        ("1. (C) Text.\n\nBASSETT\n\n1/21/2009", "BASSETT", ["1/21/2009"]),
        (
            "1. (C) Text.\n\nTueller\n\n=======================CABLE END",
            "Tueller",
            ["=======================CABLE END"],
        ),
        ("1. (C) Text.\n\nBROWNFIELD\n\nEPET @ EL P", "BROWNFIELD", ["EPET @ EL P"]),
        # after a web address, a rule, a closing quotation
        (
            "Visit London's Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom\nLEBARON",
            "LEBARON",
            [],
        ),
        ("Visit London's Classified Website: XXXXXXXXXXXX\nTuttle", "Tuttle", []),
        ("********************************************* ********\nCUNNINGHAM", "CUNNINGHAM", []),
        ("BAGHDAD MINIMIZE CONSIDERED\nSHANNON", "SHANNON", []),
        # run on to the end of the last sentence
        ("8. (S/NF) Comment: Either way. End comment. BROWNFIELD", "BROWNFIELD", []),
        ("4. (C) Text ends here. Edelman", "Edelman", []),
        ("12. (C) We will report the response by August 16.POLASCHIK", "POLASCHIK", []),
        # below a note's closing words wrapped over two lines without a full stop
        # (09HAVANA551, a text file of alx/cablegate)
        ("5. (C) Text of the partners.  END\nCOMMENT\nWILLIAMS", "WILLIAMS", []),
        # ... and after the quotation it closes (10CHENGDU30, a text file of alx/cablegate)
        ('5. (U) "We can eat together and neither want the government beating us down."BROWN', "BROWN", []),
        ("9. (U) U/S Joseph cleared this cable. HOAGLAND NNNN", "HOAGLAND", ["NNNN"]),
        ("remain central to the strategy\nfor the 2011 presidential election. MARTINEZ", "MARTINEZ", []),
        # a post's note of its web site below the signer, its address wrapped or not
        # (09ANKARA1472, 10ANKARA302)
        (
            "1. (C) Text.\n\nJEFFREY\n\n   \"Visit Ankara's Classified Web Site at http://www.intelink.s\n"
            'gov.gov/wiki/Portal:Turkey"',
            "JEFFREY",
            ["\"Visit Ankara's Classified Web Site at http://www.intelink.s", 'gov.gov/wiki/Portal:Turkey"'],
        ),
        (
            '1. (C) Text.\n\nJeffrey\n\n"Visit Ankara\'s Classified Web Site at http://www.intelink.s gov.gov/wiki/"',
            "Jeffrey",
            ['"Visit Ankara\'s Classified Web Site at http://www.intelink.s gov.gov/wiki/"'],
        ),
        # (above the signer, or with the signer run on to it, the note is text: 07LONDON519)
        (
            "1. (C) Text.\nVisit London's Classified Website: http://www.state.sgov.gov/p/eur/london/index. cfm Tuttle",
            "Tuttle",
            [],
        ),
        # a signer in lower case below the note (07LONDON3175), the note boxed (10KUWAIT45)
        (
            "7. xxxxxxxxxxxx\n\nVisit London's Classified Website:\nhttp://www.state.sgov.gov/p/eur/london/index. cfm\n"
            "tuttle",
            "tuttle",
            [],
        ),
        (
            "1. (C) Text.\n\n********************************************* *********\n"
            "For more reporting from Embassy Kuwait, visit:\nvisit Kuwait's Classified Website at:\n\n"
            "http://www.intelink.sgov.gov/wiki/Portal:Kuwa it\n"
            "********************************************* *********\njones",
            "jones",
            [],
        ),
        # more words about the site (05TELAVIV45)
        (
            "Visit Embassy Tel Aviv's Classified Website:\nhttp://www.state.sgov.gov/p/nea/telaviv\n\n"
            "You can also access this site through the State Department's\nClassified SIPRNET website.\n"
            "********************************************* ********************\nkurtzer",
            "kurtzer",
            [],
        ),
        # a surname of two letters (07BAKU855, 09BAKU744)
        ("with the NATO Riga Summit declaration on energy security. LU", "LU", []),
        ("6. (C) Text of the cable.\n\nLu", "Lu", []),
        ('to keep Iranians."\nLu', "Lu", []),
    ],
)
def test_signature(text: str, signature: str, trailer: list[str]) -> None:
    body, codes = body_of(text)
    assert body.signature == signature
    assert body.trailer == trailer
    assert "CP306" not in codes
    words = " ".join(p.text for p in body.paragraphs).split()
    assert signature.rsplit(maxsplit=1)[-1] not in words


@pytest.mark.parametrize(
    "text",
    [
        # a last line that goes on a sentence
        "1. (C) THE AMBASSADOR MET WITH\nPRESIDENT KARZAI",
        "1. (C) The talks will continue with the\nMinister",
        # an upper-case word after words that leave the sentence open, or after upper case
        "1. (C) The Ambassador met with\nKARZAI",
        "1. (C) Talks went on between the parties and the\nUNHCR",
        "1. (C) THE TALKS WILL GO ON IN\nPARIS",
        # (an upper-case word after prose, but two letters, or with a decoration)
        "1. (C) Officials from the\nEmbassy and the\nUN",
        # two letters that end a text are no surname when they are a common acronym or word
        "1. (C) The text ends with the name of a union. EU",
        "1. (C) Text.\n\nUS",
        "1. (C) Text.\n\nOk",
        # (a two-letter surname holds a vowel)
        "1. (C) The text ends with a closing parenthesis (as here) CL",
        "1. (C) Text.\n\nCL",
        # keywords and captions
        "1. (C) Text.\n\nEND TEXT",
        "1. (C) Text.\n\nCONFIDENTIAL",
        "1. (C) Text.\n\nComment",
        "1. (C) Text.\n\nUNQUOTE",
        # a mixed-case sentence, digits, a redaction, a paragraph number
        "1. (C) Text.\n\nEnd points.",
        "1. (C) Text.\n\nPAGE 04",
        "1. (C) Text.\n\nXXXXXXXXXXXX",
        "5. SMITH",
        "1. (C) The meeting ended.\n\nAmbassador Smith",
        "1. (U) AMBASSADOR REICH CLEARED THIS CABLE.",
        "1. (C) ... DANIEL ORTEGA AN...",
        # a word in lower case is a signer only below a note of the post's web site
        "1. (C) The meeting went on in\nparis",
        "1. (C) See http://www.state.gov\nfor more.\nsmith",
        "Visit London's Classified Website:\nhttp://www.state.sgov.gov/p/eur/london/index. cfm\nsmith jones",
    ],
)
def test_no_signature(text: str) -> None:
    body, codes = body_of(text)
    assert body.signature is None
    assert "CP306" in codes


def test_no_signature_keeps_the_sure_trailer() -> None:
    body, codes = body_of("1. (C) Text.\n\nNNNN\nUNCLASSIFIED")
    assert body.signature is None
    assert body.trailer == ["NNNN", "UNCLASSIFIED"]
    assert body.paragraphs[-1].text == "Text."
    assert "CP306" in codes
    # junk that follows only a signature stays text
    body, codes = body_of('1. (C) Text.\n\n2008-01-08\n"')
    assert (body.signature, body.trailer) == (None, [])
    assert body.paragraphs[-1].text == 'Text.\n\n2008-01-08\n"'


@pytest.mark.parametrize(
    ("end", "trailer"),
    [
        # the signer's name written twice: on two lines (10SANTIAGO49, 09MADRID654), on one
        # (10BRASILIA140, 05TELAVIV6669 with two spaces), with blank lines between
        # (09BAMAKO776), with dots below it (09BRASILIA1460)
        ("\nSIMONS\nSIMONS", ["SIMONS"]),
        ("\n\nSIMONS SIMONS", ["SIMONS"]),
        ("\n\n\n\nSIMONS  SIMONS", ["SIMONS"]),
        ("\n\nSIMONS\n\nSIMONS", ["SIMONS"]),
        ("\n\nSIMONS SIMONS\n\n...", ["SIMONS", "..."]),
        ("\nSIMONS\nSIMONS\n\nNNNN", ["SIMONS", "NNNN"]),
        # run on to the last sentence of reflowed text (a fuzz input: ``x) AA AA``)
        (" SIMONS SIMONS", ["SIMONS"]),
    ],
)
def test_signature_written_twice(end: str, trailer: list[str]) -> None:
    # the signer is the first, the repeat follows it: the trailer's, not the text's
    body, _ = body_of("1. (C) Text." + end)
    assert body.signature == "SIMONS"
    assert body.trailer == trailer
    assert body.paragraphs[-1].text == "Text."
    c = parse(cable("1. (C) Text." + end))
    again = parse(dumps(c))
    assert (again.signature, again.trailer, again.paragraphs) == (c.signature, c.trailer, c.paragraphs)


@pytest.mark.parametrize(
    "end",
    [
        # two names, or a name above a blank line that differs from the signer's: text
        "\n\nSMITH\n\nSIMONS",
        # the name below a line that ends no sentence is the list's
        "\nThe participants were\nSIMONS\n\nSIMONS",
    ],
)
def test_a_name_above_the_signer_that_is_no_repeat_stays_text(end: str) -> None:
    body, _ = body_of("1. (C) Text." + end)
    assert body.signature == "SIMONS"
    assert body.trailer == []
    assert body.paragraphs[-1].text.endswith(("SMITH", "SIMONS"))


@pytest.mark.parametrize(
    "text",
    [
        "1. (C) Text.\nSTEVENS 0 03/07/2008 9871 PGOV,PREL",
        "1. (C) Text. End comment. BROWNFIELD",
        "1. (C) Text.\n\nJOHNSON\nKEANE\n\nNNNN",
        "1. (C) Text.\nGILLESPIE##",
        "1. (C) Text.\nMURRAY .",
        "1. (C) Text by August 16.POLASCHIK",
        "1. (C) Participants:\nAlexei Markov\nMaxim Elovik\nCLINTON",
        "1. (C) Text.\n\nGOLDBERG\nSELECT * FROM `cable` WHERE `id` = '90016'",
    ],
)
def test_signature_round_trip(text: str) -> None:
    c = parse(cable(text))
    assert c.signature is not None
    again = parse(dumps(c))
    assert (again.signature, again.trailer, again.paragraphs) == (c.signature, c.trailer, c.paragraphs)
    assert dumps(again) == dumps(c)


# --------------------------------------------------------------------------- reflowed text


def test_reflowed_text_gets_cp301_once() -> None:
    para = "word " * 60 + "end."
    text = "\n\n".join(f"{n}.(C) {para}" for n in range(1, 5)) + " STEVENS"
    body, codes = body_of(text)
    assert "CP301" in codes
    assert body.signature == "STEVENS"
    diags = Collector()
    parse_body(list(enumerate(text.split("\n"))), diags)
    assert [d.code for d in diags.items].count("CP301") == 1


def test_wrapped_text_has_no_cp301() -> None:
    text = "\n".join(["1. (C) Short wrapped lines of a cable", "as drafted, under seventy", "characters each."] * 5)
    _, codes = body_of(text + "\n\nCAMPBELL")
    assert "CP301" not in codes


# --------------------------------------------------------------------------- headings on one line


def test_run_in_heading_on_its_own_line() -> None:
    body, _ = body_of("SUMMARY -------\n\n1. (S/NF) Text.\n\n INDIGENOUS MAINTAIN ----------\n\n2. (C) More.")
    assert [(p.number, p.heading, p.text) for p in body.paragraphs] == [
        ("1", "SUMMARY", "Text."),
        ("2", "INDIGENOUS MAINTAIN", "More."),
    ]


def test_boxed_heading_on_one_line() -> None:
    body, _ = body_of("1. (C) Text.\n\n------- COMMENT -------\n\n2. (C) More.")
    assert [(p.number, p.heading) for p in body.paragraphs] == [("1", None), ("2", "COMMENT")]


def test_heading_run_on_to_the_end_of_a_paragraph() -> None:
    long = "Text of a reflowed paragraph. " * 5
    text = (
        f"1. (C) {long}End Summary. ------------- Policy-Level Sensitivities ----------\n\n2. (C) More. "
        f"{long}Tea and Policy --------------\n\n3. (C) Last."
    )
    body, _ = body_of(text)
    assert [(p.number, p.heading, p.text[-12:]) for p in body.paragraphs] == [
        ("1", None, "End Summary."),
        ("2", "Policy-Level Sensitivities", "d paragraph."),
        ("3", "Tea and Policy", "Last."),
    ]


@pytest.mark.parametrize("space", [" ", "  ", " \t "])
def test_heading_run_on_whose_rule_is_one_longer(space: str) -> None:
    # 09CAIRO1828, 09CAIRO1793: ``... to the United States. Comment --------`` (a rule one
    # longer than its title); 07LISBON2288 writes two spaces before such a title: the same
    # heading, whatever the white space before it and inside it
    long = "Text of a reflowed paragraph. " * 5
    text = f"1. (C) {long}to the United States.{space}Comment{space}Here -------------\n\n2. (C) More."
    body, _ = body_of(text)
    assert [(p.number, p.heading, p.text[-14:]) for p in body.paragraphs] == [
        ("1", None, "United States."),
        ("2", "Comment Here", "More."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Name: ______________",  # a form
        "Q107 Q207 Q307 Q407 Q108 Employment 74.3 74.4 74.4 74.7 74.9 -------",  # a table
        "1. (C) A numbered paragraph ---",
        "-------------",  # a bare rule
    ],
)
def test_not_one_line_headings(line: str) -> None:
    body, _ = body_of(f"1. (C) Text.\n\n{line}\n\n2. (C) More.")
    assert all(p.heading is None for p in body.paragraphs)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # boxed (07KABUL185, 09CAIRO129)
        (
            "for reasons 1.4 (B) and (D). ------- SUMMARY -------",
            ("for reasons 1.4 (B) and (D).", "------- SUMMARY -------"),
        ),
        # a section's title over its rule, whatever ends the words before it (09PESHAWAR2,
        # 08UNVIEVIENNA215, 09VLADIVOSTOK5)
        ("REASON: 1.4 (a), (b), (d) Summary - - - -", ("REASON: 1.4 (a), (b), (d)", "Summary - - - -")),
        ("for reasons 1.4 b,d and h Summary --------", ("for reasons 1.4 b,d and h", "Summary --------")),
        (
            "FOREST MAFIA ADAPTS TO THE CRISIS Introduction ------",
            ("FOREST MAFIA ADAPTS TO THE CRISIS", "Introduction ------"),
        ),
        # any other title over its rule only after a sentence, as inline_heading reads it
        ("for reasons 1.4 (b) and (d). Tea and Policy --------------", None),
        ("x. " * 40 + "Tea and Policy --------------", ("x. " * 39 + "x.", "Tea and Policy --------------")),
        # no title: a rule alone, a value that is all title, no rule
        ("DCM Eric S. Rubin for Reasons 1.4 (b/d) -------", None),
        ("ZIM NOTES 11-09-2009 -----------", None),
        ("for reasons 1.4 (b) and (d)", None),
        ("SUMMARY -------", None),
    ],
)
def test_heading_at_end(value: str, expected: tuple[str, str] | None) -> None:
    assert body_module.heading_at_end(value) == expected


@pytest.mark.parametrize(
    "heading",
    [
        "SUMMARY\n-------",  # over its rule (08MOSCOW2632)
        "SUMMARY\n\n-------",  # apart from it
        "SUMMARY -------",  # run on (06SAOPAULO357)
        "------- SUMMARY -------",  # boxed on its line
        "THE COMPLAINT\n\n=============",  # 07SANJOSE1820
    ],
)
def test_a_lone_rule_above_a_heading_is_the_headings(heading: str) -> None:
    # the rule that opened a heading's box, its title apart from it or run on to its own
    # rule (or what a page break left of a line of rule and marker): no text
    text = f"1. (C) Text.\n\n-------------\n\n{heading}\n\n2. (C) More."
    body, _ = body_of(text)
    assert [(p.number, p.heading, p.text) for p in body.paragraphs] == [
        ("1", None, "Text."),
        ("2", heading.split("\n", maxsplit=1)[0].strip("- "), "More."),
    ]
    _reads_back(parse(cable(text)))


@pytest.mark.parametrize("closing", ["END NOTE.", "End Comment", "END SUMMARY"])
def test_closing_words_over_a_rule_are_no_heading(closing: str) -> None:
    # 08BRASILIA1396 (reflowed): a note's closing words, then the rule that opens the next
    # heading's box, run on to them; the title and its closing rule on the line below
    text = (
        "4. The threat of increased forest fires is a serious concern. NOTE: Deforestation "
        "is a more interesting theme for media attention.\n\n"
        f"{closing} --------------------------------------------- -\n\n"
        "DEVELOPING A BRAZILIAN INCIDENT COMMAND SYSTEM --------------------------------------------- -\n\n"
        "5. Between September 29 and October 10, three USFS experts traveled to Brazil."
    )
    body, _ = body_of(text)
    assert [(p.number, p.heading) for p in body.paragraphs] == [
        ("4", None),
        ("5", "DEVELOPING A BRAZILIAN INCIDENT COMMAND SYSTEM"),
    ]
    assert closing in body.paragraphs[0].text
    _reads_back(parse(cable(text)))


def test_a_heading_with_no_text_under_it_is_kept() -> None:
    body, _ = body_of("1. (C) Text.\n\nFIRST\n-----\n\nSECOND\n------\n\n2. (C) More.")
    assert [(p.number, p.heading, p.text) for p in body.paragraphs] == [
        ("1", None, "Text."),
        (None, "FIRST", ""),
        ("2", "SECOND", "More."),
    ]


def test_one_line_headings_round_trip() -> None:
    long = "Text of a reflowed paragraph. " * 5
    c = parse(cable(f"SUMMARY -------\n\n1. (C) {long}End. ---- Next Part ----\n\n2. (C) More.\n\nCRETZ"))
    assert [p.heading for p in c.paragraphs] == ["SUMMARY", "Next Part"]
    again = parse(dumps(c))
    assert again.paragraphs == c.paragraphs
    assert dumps(again) == dumps(c)


# --------------------------------------------------------------------------- linear time

_HEAD = "UNCLAS STATE 000123\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n"


@pytest.mark.parametrize(
    "unit",
    [" 0 03/07/2008", "End. SMITH ", "---- x ", "- ", ". ", "SMITH NNNN "],
    ids=["junk dates", "glued names", "rule runs", "dash space", "dots", "name junk"],
)
def test_last_line_shapes_parse_in_linear_time(unit: str) -> None:
    def seconds(size: int) -> float:
        text = _HEAD + unit * (size // len(unit)) + " -----"
        best = float("inf")
        for _ in range(2):
            t = time.perf_counter()
            parse(text)
            best = min(best, time.perf_counter() - t)
        return max(best, 0.01)

    assert seconds(400_000) <= 25 * seconds(40_000)


@given(st.text(alphabet=" \t-=ab.", max_size=40))
def test_last_rule_run_is_the_patterns_last_match(text: str) -> None:
    # the run found from the end is the one the patterns find from the start
    m = None
    for m in body_module._RULE_RUN_RE.finditer(text):  # noqa: B007 - the last match
        pass
    if m is None:
        m = body_module._RULE_RUN_FIRST_RE.match(text)
    assert body_module._last_rule_run(text) == (None if m is None else m.span())


_JUNK_PIECES = (
    "NNNN",
    "0 03/07/2008",
    "12 3/7/08",
    "2008-01-08",
    "2008-1-08",
    "0712ABCD123 - ",
    " - ",
    "/",
    "-",
    "1",
    "12",
    "2008",
    "ABC",
    "word",
    " ",
    "\t",
)


@given(st.lists(st.sampled_from(_JUNK_PIECES), max_size=10).map("".join))
def test_junk_hints_miss_no_junk(text: str) -> None:
    # the cheap test in C never rules out a line where the junk pattern matches
    if body_module._JUNK_START_RE.search(text):
        assert body_module._may_hold_junk(text)


def test_the_stamp_of_a_systematic_review_trails_the_signature() -> None:
    # 1970s cables released by the Department's systematic review end with its stamp, on
    # one line or two (the shape of 75TEHRAN2069's last lines)
    text = (
        "CONFIDENTIAL TEHRAN 2069\n\nSUBJECT: TEST\n\n8. IN SUM, LITTLE IN WAY OF IMPROVEMENTS.\n\n\nHELMS\n\n"
        "Declassified/Released US Department of State EO\nSystematic Review 05 JUL 2006\n"
    )
    cable = parse(text)
    assert cable.signature == "HELMS"
    assert cable.trailer == ("Declassified/Released US Department of State EO", "Systematic Review 05 JUL 2006")
    assert cable.paragraphs[-1].text == "IN SUM, LITTLE IN WAY OF IMPROVEMENTS."
    again = parse(dumps(cable))
    assert (again.signature, again.trailer) == (cable.signature, cable.trailer)


# Reflowed text: each paragraph a line of its own, no blank lines between them; the lines
# of 09STATE82013 and 05NEWDELHI2606 of the release (shortened)
_SUMMARY = (
    "1. (C) Summary: Ambassador Susan Burk met officials in London, Paris and Berlin to discuss the upcoming"
    " NPT Review Conference and the conference's prospects. 2. (C) German officials were more worried. 3. (U)"
    " In London and Paris, Burk was joined by the Embassy's officers.  End Summary"
)
_LATER = [
    "4. (C) Amb. Burk said the U.S. wanted to see the RevCon reaffirm the basic bargain of the Treaty.",
    "5. (C) UK Director of Defence and Strategic Threats Simon Manley replied that the UK agrees.",
    "6. (C) Manley suggested that recent announcements would help.",
]


_UNNUMBERED = "Governor: Fourth Term may be a Bridge Too Far"


@pytest.mark.parametrize(
    ("first", "number", "end"),
    [
        # paragraphs 2 and 3 run on to paragraph 1's line: 4 does not follow 1, but it has
        # a marking and comes a few numbers on, at a line's start
        (_SUMMARY, "1", "End Summary"),
        # (09MOSCOW2651, a truncated copy's whole text: paragraph 1 lost, a line of text
        # above paragraph 2, no blank lines): the first marked paragraphs open, counted
        # from none
        (_UNNUMBERED, None, _UNNUMBERED),
    ],
)
@given(k=st.integers(min_value=0, max_value=len(_LATER)))
def test_reflowed_paragraphs_after_openings_run_on_to_a_line_above(
    first: str, number: str | None, end: str, k: int
) -> None:
    text = "\n".join([first, *_LATER[:k]]) + "\nCLINTON"
    c = parse(cable(text))
    assert [p.number for p in c.paragraphs] == [number, *[str(n) for n in range(4, 4 + k)]]
    assert c.paragraphs[0].text.endswith(end)
    assert c.signature == "CLINTON"
    again = parse(dumps(c))
    assert again.paragraphs == c.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        # no marking: a wrapped line that opens with a number stays text
        "4. The minister said that the plan would go ahead.",
        # a number that does not come later, or comes too far on
        "1. (C) Amb. Burk said the U.S. wanted to see the RevCon reaffirm the basic bargain.",
        "20. (C) Amb. Burk said the U.S. wanted to see the RevCon reaffirm the basic bargain.",
    ],
)
def test_a_line_that_opens_with_a_number_and_no_later_marked_paragraph_stays_text(line: str) -> None:
    c = parse(cable(f"{_SUMMARY}\n{line}\nCLINTON"))
    assert [p.number for p in c.paragraphs] == ["1"]
    assert c.paragraphs[0].text.endswith(line)


@pytest.mark.parametrize(
    "line",
    [
        "4. The minister said that the plan would go ahead.",
        "12. (C) Amb. Burk said the U.S. wanted to see the RevCon reaffirm the basic bargain.",
    ],
)
def test_below_an_unnumbered_line_a_line_with_a_number_and_no_marking_or_a_far_one_stays_text(line: str) -> None:
    c = parse(cable(f"{_UNNUMBERED}\n{line}\nCLINTON"))
    assert [p.number for p in c.paragraphs] == [None]
    assert c.paragraphs[0].text.endswith(line)


def test_a_title_over_a_rule_between_reflowed_paragraphs_is_a_heading() -> None:
    text = (
        "1. (S) Summary: In an April 1 briefing the ICRC described its visits, he stated.\n"
        "Interaction\n-----------\n"
        "3. (S) ICRC has been active in India for 23 years. End Note)\n"
        "Detention Center Visits\n-----------------------\n"
        "4. (S) ICRC staff made 177 visits to detention centers.\n"
        "CLINTON"
    )
    c = parse(cable(text))
    assert [(p.number, p.heading) for p in c.paragraphs] == [
        ("1", None),
        ("3", "Interaction"),
        ("4", "Detention Center Visits"),
    ]
    assert c.paragraphs[1].text == "ICRC has been active in India for 23 years. End Note)"
    again = parse(dumps(c))
    assert again.paragraphs == c.paragraphs


def test_a_title_over_a_rule_between_reflowed_paragraphs_above_a_number_written_again() -> None:
    # 09MADRID440 of the release: paragraph 6 written as a second 4, below the title
    text = (
        "4. (SBU) Key to Zaragoza's plans is another case.\n"
        "5. (SBU) As we have reported, the complaint stands.\n"
        "Spanish judicial inquires into the subject. Politicians are unlikely to act.\n"
        "Comment\n------- \n"
        "4. (SBU) We believe Zaragoza is acting in good faith.\n"
        "CHACON"
    )
    c = parse(cable(text))
    assert [(p.number, p.heading) for p in c.paragraphs] == [("4", None), ("5", None), ("4", "Comment")]
    assert c.paragraphs[1].text.endswith("Politicians are unlikely to act.")
    again = parse(dumps(c))
    assert again.paragraphs == c.paragraphs


@pytest.mark.parametrize(
    "title", ["Congress Party Dismisses...", "...Then Equivocates...", "India is Supportive, But..."]
)
def test_a_title_over_a_rule_between_reflowed_paragraphs_that_ends_in_an_ellipsis(title: str) -> None:
    # 08NEWDELHI3228 (out of sample), 05NEWDELHI8231, 08KYIV2414
    text = (
        '4. (U) He said it was a separate inquiry.\n-- "There is more than what meets the eyes."\n'
        f"{title}\n---------------------------\n5. (U) Most leaders quickly disassociated the Party.\n\nMULFORD"
    )
    c = parse(cable(text))
    assert [(p.number, p.heading) for p in c.paragraphs] == [("4", None), ("5", title)]
    _reads_back(c)


@pytest.mark.parametrize("between", ["", "\n", "\n\n"])
def test_a_title_over_a_rule_below_a_reflowed_paragraph_that_a_page_break_joined(between: str) -> None:
    # 09ROME649, 10MEXICO83: a paragraph on one line, a continuation marker, a blank line,
    # a title over its rule, a blank line, the next paragraph; the marker and its blank
    # line gone, the title stands right below the paragraph's line
    text = (
        "11. (C/NF) Berlusconi will highlight Italy's would-be role as an interlocutor.\n"
        "ROME 00000649 004.7 OF 004\n\nLibya\n----- \n"
        f"{between}12. (C/NF) Berlusconi has continued Italy's policy.\n\nDIBBLE"
    )
    c = parse(cable(text))
    assert [(p.number, p.heading, p.text[-8:]) for p in c.paragraphs] == [
        ("11", None, "locutor."),
        ("12", "Libya", " policy."),
    ]
    _reads_back(c)


@pytest.mark.parametrize(
    ("above", "title"),
    [
        # the line above ends no sentence: the title's line carries on the paragraph
        ("1. (S) Summary: In an April 1 briefing the ICRC described", "Interaction"),
        # or the line over the rule ends a sentence itself: no title
        ("1. (S) Summary: In an April 1 briefing the ICRC described its visits.", "It said so."),
    ],
)
def test_a_line_over_a_rule_that_is_no_title_stays_text(above: str, title: str) -> None:
    c = parse(cable(f"{above}\n{title}\n-----------\n3. (S) ICRC has been active.\nCLINTON"))
    assert all(p.heading is None for p in c.paragraphs)
    assert title in c.paragraphs[0].text
    again = parse(dumps(c))
    assert again.paragraphs == c.paragraphs


def test_a_title_with_a_rule_run_on_between_reflowed_paragraphs() -> None:
    # (06KABUL2862 of the release with pairs of lines joined, as a damaged copy has them)
    text = (
        " 2. (SBU) The new police chiefs in Kunduz, Baghlan \nrule of law in the northeast.  \n"
        "OUT OF A JOB, BUT NOT OUT OF POWER  --------------------------------------------- ------- \n"
        "-----  \n4. (SBU) One potential problem, however, is that they both remain.\nCLINTON"
    )
    c = parse(cable(text))
    assert [(p.number, p.heading) for p in c.paragraphs] == [("2", None), ("4", "OUT OF A JOB, BUT NOT OUT OF POWER")]
    once = dumps(c)
    assert dumps(parse(once)) == once


@pytest.mark.parametrize(
    "text",
    [
        # a title and its rule with a blank line between (09BOGOTA3093 of the release, a
        # line of text above it)
        "1. (C) Department please pass to Quito. \n \nSUMMARY \n \n------- \n \n \n \n"
        "2. (C/NF) Colombia and Ecuador announced ties. \n \n"
        "RAPPROCHEMENT AFTER 18 MONTH BREAK \n \n------------------------------- \n \n"
        "3. (C) The ministers met. \n \nBROWNFIELD",
        # a page whose line ends were read twice: every line stands apart, the box's too
        # (08BUENOSAIRES568)
        "1. (SBU) This cable contains business-sensitive information - not for \n\ninternet distribution. \n\n \n\n"
        "------- \n\nSummary \n\n------- \n\n \n\n2. (C/NF) Colombia and Ecuador announced ties. \n\n \n\n"
        "RAPPROCHEMENT AFTER 18 MONTH BREAK \n\n------------------------------- \n\n \n\n"
        "3. (C) The ministers met. \n\nBROWNFIELD",
    ],
)
def test_a_heading_whose_title_and_rules_stand_apart(text: str) -> None:
    c = parse(cable(text))
    numbered = [(p.number, p.heading, p.text) for p in c.paragraphs if p.number]
    assert numbered == [
        (
            "1",
            None,
            "Department please pass to Quito."
            if "Quito" in text
            else "This cable contains business-sensitive information - not for\n\ninternet distribution.",
        ),
        ("2", "Summary" if "Summary" in text else "SUMMARY", "Colombia and Ecuador announced ties."),
        ("3", "RAPPROCHEMENT AFTER 18 MONTH BREAK", "The ministers met."),
    ]
    # no rule is left as text, and the line above the box (a sentence) is no title
    assert not any(set(p.text) <= {"-", " "} for p in c.paragraphs)
    if "internet distribution." in text:
        assert c.paragraphs[0].heading is None
    assert c.signature == "BROWNFIELD"
    _reads_back(c)


@pytest.mark.parametrize(
    "line",
    [
        # a line that ends a sentence or a clause, a blank line, then a rule: no title
        "The ministers met.",
        "They agreed on three points:",
    ],
)
def test_a_sentence_over_a_blank_line_and_a_rule_stays_text(line: str) -> None:
    c = parse(cable(f"1. (C) Text.\n\n{line}\n\n----------\n\n2. (C) More text.\n\nBROWNFIELD"))
    assert all(p.heading is None for p in c.paragraphs)
    assert any(line in p.text for p in c.paragraphs)


def test_a_headings_rule_wrapped_onto_the_next_line() -> None:
    # 09BOGOTA3998 of the release: the rule, longer than a line, goes on below it
    text = (
        "8. (SBU) Contracts were awarded through mid-2010. \n \n \n \n"
        "Database, Biometrics and Analysis Capabilities Upgraded \n \n"
        "--------------------------------------------- ---------------------- \n-- \n \n \n \n"
        "9. (SBU) Our efforts to modernize the PAHD information technology. \n \nBROWNFIELD"
    )
    c = parse(cable(text))
    assert [(p.number, p.heading, p.text) for p in c.paragraphs] == [
        ("8", None, "Contracts were awarded through mid-2010."),
        (
            "9",
            "Database, Biometrics and Analysis Capabilities Upgraded",
            "Our efforts to modernize the PAHD information technology.",
        ),
    ]
    once = dumps(c)
    assert dumps(parse(once)) == once


@pytest.mark.parametrize(
    "below",
    ["1. (C) Colombia and Ecuador announced ties.", "TAGS: PHUM, CB\nText.", "Colombia and Ecuador announced ties."],
)
def test_a_title_and_rule_standing_apart_at_the_top_of_the_body(below: str) -> None:
    # at the body's top the header may look past a heading for fields below it, and it
    # reads only a heading whose lines stand together: there the body reads one whose
    # lines stand apart only right above a numbered paragraph (09BOGOTA3441 of the
    # release), so that canonical text (the title over its rule) reads back the same
    c = parse(f"SUMMARY \n \n------- \n \n{below}\n")
    if below.startswith("TAGS"):
        # (the header keeps them above its field, as attention lines)
        assert (c.header.handling, c.header.tags) == (("SUMMARY", "-------"), ("PHUM", "CB"))
    elif below.startswith("1."):
        assert [(p.number, p.heading) for p in c.paragraphs] == [("1", "SUMMARY")]
    else:
        assert all(p.heading is None for p in c.paragraphs)
        assert [p.text for p in c.paragraphs][:2] == ["SUMMARY", "-------"]
    once = dumps(c)
    assert dumps(parse(once)) == once
    assert parse(once).paragraphs == c.paragraphs


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        # titles in capitals on a line of their own (09TRIPOLI151, 07MADRID545, 09QUITO233)
        ("COMMENT", "COMMENT"),
        ("//MORATINOS WANTS TO GO TO CUBA//", "//MORATINOS WANTS TO GO TO CUBA//"),
        ("ECUADOR'S PUBLIC'S CONCLUSION:  USG GUILTY", "ECUADOR'S PUBLIC'S CONCLUSION: USG GUILTY"),
        # a question (09WARSAW467, 09QUITO233), a line that ends in a colon (09STATE99783)
        ("THREAT FROM IRAN?", "THREAT FROM IRAN?"),
        ("BACKGROUND:", "BACKGROUND:"),
        # between double dashes (07MADRID911, 09THEHAGUE247)
        ("-- KOSOVO --", "KOSOVO"),
        ("--BACKGROUND: A SMALL COURT WITH SEVERAL FIRSTS --", "BACKGROUND: A SMALL COURT WITH SEVERAL FIRSTS"),
        # up to 100 characters (09TRIPOLI258, 08KABUL3237 out of sample)
        (
            "CATERPILLAR BAN: SOLUTION IS MULTIPLE AGENTS AND NO RELATIVES OF GOVERNMENT OFFICIALS",
            "CATERPILLAR BAN: SOLUTION IS MULTIPLE AGENTS AND NO RELATIVES OF GOVERNMENT OFFICIALS",
        ),
        # wrapped onto a second line
        (
            "GOVERNMENT MINISTER INTERVENES IN ADMINISTRATION OF\nSPECIAL POLICE UNIT",
            "GOVERNMENT MINISTER INTERVENES IN ADMINISTRATION OF SPECIAL POLICE UNIT",
        ),
    ],
)
def test_a_title_in_capitals_above_a_numbered_paragraph(title: str, heading: str) -> None:
    text = (
        "1. (C) The Minister said he would call.\nHe did not.\n\n"
        f"{title}\n\n2. (C) Text of the second paragraph.\n\n"
        f"Summary of it\n\n{title}\n3. (C) Text of the third.\n\nCRETZ"
    )
    c = parse(cable(text))
    assert [(p.number, p.heading, p.text) for p in c.paragraphs] == [
        ("1", None, "The Minister said he would call.\nHe did not."),
        ("2", heading, "Text of the second paragraph.\n\nSummary of it"),
        ("3", heading, "Text of the third."),
    ]
    _reads_back(c)


@pytest.mark.parametrize(
    ("above", "line"),
    [
        ("He did not.", "END SUMMARY"),
        ("He did not.", "XXXXXXXXXXXX"),
        ("He did not.", "SIPDIS"),
        ("He did not.", "(SBU)"),
        ("He did not.", "THE MINISTER AGREED."),
        ("Totals    59,500     3,000", "ICASS    160,000        (50,000)               110,000"),
        # a cable written in capitals: a line in capitals is no title there
        ("HE DID NOT.", "THE MINISTER AGREED"),
        # three lines are a block of text, not a title
        ("He did not.", "ONE\nTWO\nTHREE"),
    ],
)
def test_a_line_in_capitals_that_is_no_title_stays_text(above: str, line: str) -> None:
    c = parse(cable(f"1. (C) The Minister said he would call.\n{above}\n\n{line}\n\n2. (C) Text.\n\nCRETZ"))
    assert [(p.number, p.heading) for p in c.paragraphs] == [("1", None), ("2", None)]
    assert c.paragraphs[0].text.endswith(line)
    once = dumps(c)
    assert dumps(parse(once)) == once


def test_a_title_in_capitals_right_below_a_paragraph_written_on_one_line() -> None:
    # 09RIYADH447 of the release, reflowed: each paragraph on a line of its own, the next
    # one's title on the line below it, then a blank line
    long = "Brennan asserted that the alliance must remain strong, " * 4 + "and the King agreed."
    text = (
        f"1. (S) {long}\nU.S. SAUDI RELATIONS\n\n2. (S) Pledges of friendship.\nDETAINEES\n\n"
        "3. (S) Guantanamo will be closed.\n\nFRAKER"
    )
    c = parse(cable(text))
    assert [(p.number, p.heading, p.text) for p in c.paragraphs] == [
        ("1", None, long),
        ("2", "U.S. SAUDI RELATIONS", "Pledges of friendship."),
        ("3", "DETAINEES", "Guantanamo will be closed."),
    ]
    _reads_back(c)


@pytest.mark.parametrize(
    ("above", "title"),
    [
        # a block of one line that ends a sentence, in reflowed text (10DAMASCUS159)
        ("1. (S/NF) Text.\n\nLebanese affairs.", "UPDATE ON TERRORIST NAMES PROVIDED BY USG"),
        # a title between double slashes, as Madrid writes them (06MADRID1914)
        (
            "1. (U) Abderrahaman said he\nplanned to write a book about his experiences.",
            "//IKASSRIEN ALSO TO BE RELEASED//",
        ),
    ],
)
def test_a_title_in_capitals_right_below_a_line_that_ends_a_sentence(above: str, title: str) -> None:
    c = parse(cable(f"{above}\n{title}\n\n2. (S) Text.\n\nFRAKER"))
    assert [(p.number, p.heading) for p in c.paragraphs] == [("1", None), ("2", title)]
    _reads_back(c)


@pytest.mark.parametrize(
    "above",
    [
        # a wrapped paragraph's last line, short; a line that ends no sentence
        "1. (S) The King said he would call.\nHe did not.",
        "1. (S) The King said he would call on",
        "1. (S) The King said he would call on\n//THE MINISTER//",
    ],
)
def test_a_line_in_capitals_right_below_text_that_is_no_title(above: str) -> None:
    c = parse(cable(f"{above}\nTHE MINISTER\n\n2. (S) Text.\n\nFRAKER"))
    assert [(p.number, p.heading) for p in c.paragraphs] == [("1", None), ("2", None)]
    assert c.paragraphs[0].text.endswith("THE MINISTER")
    once = dumps(c)
    assert dumps(parse(once)) == once


@pytest.mark.parametrize("closing", ["\nEND SUMMARY.", "\n END SUMMARY.", "  END\nSUMMARY."])
def test_a_title_in_capitals_below_a_summarys_closing_words(closing: str) -> None:
    # 08QUITO228, 07PARIS186, 09QUITO227 of the release: the summary's closing words in
    # capitals between the text and the title
    text = f"1. (C) Summary: the Minister said he would call.{closing}\n\nMILITARY UPDATE\n\n2. (C) Text.\n\nCRETZ"
    c = parse(cable(text))
    assert [(p.number, p.heading) for p in c.paragraphs] == [("1", None), ("2", "MILITARY UPDATE")]
    _reads_back(c)


def test_a_title_in_capitals_that_is_an_unnumbered_paragraphs_whole_text() -> None:
    # (a fuzz input: the title's block is all of an unnumbered paragraph's text, below
    # another paragraph in mixed case)
    c = parse(cable("1. (C) Text.\n\nNote\n----\nSome more text here.\n\nTHE NEXT STEPS\n\n2. (C) More.\n\nCRETZ"))
    assert [(p.number, p.heading, p.text) for p in c.paragraphs] == [
        ("1", None, "Text."),
        (None, "Note", "Some more text here."),
        ("2", "THE NEXT STEPS", "More."),
    ]
    assert not c.errors
    once = dumps(c)
    assert dumps(parse(once)) == once


@pytest.mark.parametrize(
    "title",
    [
        # titles in mixed case on a line of their own, blank lines around them (09SAOPAULO663,
        # 08QUITO248, 10MANAGUA115, 06MOSCOW5740, 04ANKARA348 of the release)
        "Working the Lebanon Connection",
        "Ecuador Still Values U.S. Ties",
        "Ambassador to Ortega: Your Behavior Damages Our Relations",
        "Is It Unrequited ALBA?",
        "Sergey Ivanov",
        "Comment",
        # 09RPODUBAI389 (out of sample): ``since`` in lower case
        "First Meeting since the Election",
    ],
)
def test_a_title_in_mixed_case_above_a_numbered_paragraph(title: str) -> None:
    text = (
        "1. (C) The Minister said he would call.\nHe did not.  End Summary.\n\n"
        f"{title}\n\n2. (C) Text of the second paragraph.\n\n"
        f"{title}\n3. (C) Text of the third.\n\nCRETZ"
    )
    c = parse(cable(text))
    assert [(p.number, p.heading, p.text) for p in c.paragraphs] == [
        ("1", None, "The Minister said he would call.\nHe did not.  End Summary."),
        ("2", title, "Text of the second paragraph."),
        ("3", title, "Text of the third."),
    ]
    _reads_back(c)


@pytest.mark.parametrize(
    ("above", "line"),
    [
        # a line that ends a sentence or a clause, or holds a word in lower case
        ("He did not.", "The Minister agreed."),
        ("He did not.", "Participants:"),
        ("He did not.", "The Minister said he would call"),
        # below text that ends no sentence: a list's item, a form's value
        ("Participants:", "Ambassador Smith"),
        ("He did not", "Ambassador Smith"),
        # a marking, a table's row, a quotation's end, a rule run on
        ("He did not.", "(SBU) Ambassador Smith"),
        ("He did not.", "Total   59,500   3,000"),
        ("He did not.", "End Text"),
        ("He did not.", "Competition --"),
        # two lines are a block of text
        ("He did not.", "Ambassador Smith\nForeign Minister Amorim"),
    ],
)
def test_a_line_in_mixed_case_that_is_no_title_stays_text(above: str, line: str) -> None:
    c = parse(cable(f"1. (C) The Minister said he would call.\n{above}\n\n{line}\n\n2. (C) Text.\n\nCRETZ"))
    assert [(p.number, p.heading) for p in c.paragraphs] == [("1", None), ("2", None)]
    assert c.paragraphs[0].text.endswith(line)
    _reads_back(c)


def test_a_title_in_mixed_case_right_below_a_paragraph_written_on_one_line() -> None:
    # 09MOSCOW2651 of the release, reflowed: each paragraph on a line of its own, the next
    # one's title on the line below it
    long = "The Governor said the budget would be cut by a third, " * 4 + "and the Duma agreed."
    text = (
        f"1. (C) {long}\nVolgograd City Duma: Donations Appreciated\n\n2. (C) {long}\n"
        "The Opposition\n3. (C) The Communists were not heard.\n\nBEYRLE"
    )
    c = parse(cable(text))
    assert [(p.number, p.heading, p.text) for p in c.paragraphs] == [
        ("1", None, long),
        ("2", "Volgograd City Duma: Donations Appreciated", long),
        ("3", "The Opposition", "The Communists were not heard."),
    ]
    _reads_back(c)
    # (a wrapped paragraph's last line stays its own)
    c = parse(cable("1. (C) The Minister said he would call.\nHe did not.\nAmbassador Smith\n2. (C) Text.\n\nCRETZ"))
    assert [(p.number, p.heading) for p in c.paragraphs] == [("1", None), ("2", None)]


def test_a_title_in_mixed_case_in_a_real_cable() -> None:
    # 04ANKARA348 of the release: ``Comment`` between paragraphs 11 and 12
    c = parse((PAGES / "04ANKARA348.html").read_text(encoding="utf-8"))
    eleven, twelve = (p for p in c.paragraphs if p.number in ("11", "12"))
    assert twelve.heading == "Comment"
    assert not eleven.text.endswith("Comment")
    _reads_back(c)


def test_a_title_in_capitals_at_the_top_of_the_body_stays_text() -> None:
    # (the header may look past a heading there, for fields below it)
    c = parse(cable("COMMENT\n\n1. (C) Text.\n\nCRETZ"))
    assert [(p.number, p.heading, p.text) for p in c.paragraphs] == [(None, None, "COMMENT"), ("1", None, "Text.")]


@pytest.mark.parametrize("title", ["SUMMARY", "Summary", "Summary:", "SUMMARY AND INTRODUCTION"])
def test_a_summarys_title_at_the_top_of_the_body_is_the_first_paragraphs_heading(title: str) -> None:
    # 09BOGOTA1415, 04HELSINKI1603, 09STATE117709, 09USUNNEWYORK1141 of the release: the
    # title alone above paragraph 1, below the header
    c = parse(cable(f"{title}\n\n1. (C) Text.\n\n2. (C) More.\n\nCRETZ"))
    assert [(p.number, p.heading, p.text) for p in c.paragraphs] == [("1", title, "Text."), ("2", None, "More.")]
    _reads_back(c)
    # (with other text above it, or with text of its own, it stays text)
    c = parse(cable(f"Action request in para 2.\n\n{title}\n\n1. (C) Text.\n\nCRETZ"))
    assert [(p.number, p.heading) for p in c.paragraphs] == [(None, None), (None, None), ("1", None)]


@pytest.mark.parametrize(
    "box",
    [
        # a rule spaced out one character at a time (10RIYADH118, 08BRASILIA526 of the release)
        "Bilateral Relations:\n- - - - - - - - - - -",
        "- - - - - - - - - Bilateral Relations: - - - - - - - - -",
        "- - - - - - - -\nBilateral Relations:\n- - - - - - - -",
        # three or four such characters on a line of their own, or opening a box on one
        # (08LAHORE318, 09ROME192, 09BRASILIA1369)
        "Bilateral Relations:\n- - -",
        "- - - -\nBilateral Relations:\n- - - -",
        "- - - Bilateral Relations: - - -",
    ],
)
def test_a_heading_with_a_rule_spaced_out(box: str) -> None:
    c = parse(cable(f"1. (C) Text.\n\n{box}\n\n2. (C) Prince Torki agreed.\n\nSMITH"))
    assert [(p.number, p.heading, p.text) for p in c.paragraphs] == [
        ("1", None, "Text."),
        ("2", "Bilateral Relations:", "Prince Torki agreed."),
    ]
    once = dumps(c)
    assert dumps(parse(once)) == once


@pytest.mark.parametrize("line", ["- -", "text - - - - - Title - - - - -", "text - - - Title - - -"])
def test_short_or_inner_spaced_rules_open_no_heading(line: str) -> None:
    c = parse(cable(f"1. (C) Text.\n\n{line}\n\n2. (C) More.\n\nSMITH"))
    assert all(p.heading is None for p in c.paragraphs)
    assert c.paragraphs[0].text.endswith(line)


@pytest.mark.parametrize("again", ["10", "9", "3"])
def test_reflowed_paragraphs_numbered_again_below_a_sentence(again: str) -> None:
    # (06MOSCOW9533, 09BRASILIA1412) the cable numbered two paragraphs alike, in reflowed
    # text without blank lines: a line that opens with a number that goes back and a
    # portion marking, below a line that ends a sentence, opens a paragraph
    text = "\n".join(
        [
            "10. (C) During lunch, Gadzhi took a congratulatory call from the president.",
            "11. (C) Though his house was not the venue, he ensured that all guests were fed.",
            f"{again}. (C) The main activity of the day was eating and drinking.",
            "CLINTON",
        ]
    )
    c = parse(cable(text))
    assert [(p.number, p.marking) for p in c.paragraphs] == [("10", "C"), ("11", "C"), (again, "C")]
    assert c.paragraphs[-1].text == "The main activity of the day was eating and drinking."
    assert parse(dumps(c)).paragraphs == c.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        # below a line that ends no sentence (a list's lead-in, a sentence wrapped) or
        # without a marking, such a line stays text
        "and said:",
        "the minister said that",
    ],
)
def test_a_number_that_goes_back_below_an_open_sentence_stays_text(line: str) -> None:
    head = "10. (C) During lunch, Gadzhi took a call.\n11. (C) "
    c = parse(cable(f"{head}Though his house was not the venue, {line}\n10. (C) The main activity.\nCLINTON"))
    assert [p.number for p in c.paragraphs] == ["10", "11"]
    c = parse(cable(f"{head}He ensured that all were fed.\n10. The main activity.\nCLINTON"))
    assert [p.number for p in c.paragraphs] == ["10", "11"]
