"""The routing header: ACP-127 format lines above the cable text.

::

    VZCZCXRO4581                         transmission identification
    OO RUEHCHI RUEHDT RUEHHM RUEHNH      precedence prosign, routing indicators
    DE RUEHPF #0350/01 0640115           originator, serial/section, filing time
    ZNR UUUUU ZZH                        security warning, operating signal
    O 050115Z MAR 07                     precedence, date-time group
    FM AMEMBASSY PHNOM PENH              sender
    TO RUEHC/SECSTATE WASHDC IMMEDIATE 8106
    INFO RUCNASE/ASEAN MEMBER COLLECTIVE
    XMT AMEMBASSY SOFIA                  excluded from the collective above

Every line is optional; each is recognised by its first characters.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

from ..diagnostics import Collector
from ..models import Addressee, PageBreak, Routing
from .header import CLASSIFICATION_FIRST, match_classification_line
from .lines import (
    BANNER_WORDS,
    PARTIAL_SENTENCE,
    WHITE_SPACE,
    Line,
    is_banner,
    is_blank,
    split_run_on_page_headers,
    strip_inline_markers,
)

__all__ = [
    "MONTHS",
    "NOT_LEVELS",
    "PARTIAL_SENTENCE",
    "PRECEDENCE_LETTERS",
    "SECURITY_GROUPS",
    "is_de_line",
    "is_prosign_line",
    "is_routing_start",
    "opens_addressee_keyword",
    "parse_routing",
    "split_routing",
]

PRECEDENCE_LETTERS = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE", "Y": "EMERGENCY"}
SECURITY_GROUPS = {
    "UUUUU": "UNCLASSIFIED",
    "CCCCC": "CONFIDENTIAL",
    "SSSSS": "SECRET",
    "TTTTT": "TOP SECRET",
    "EEEEE": "EFTO",
}
_PRECEDENCE_WORDS = {
    "FLASH": "FLASH",
    "IMMEDIATE": "IMMEDIATE",
    "PRIORITY": "PRIORITY",
    "ROUTINE": "ROUTINE",
    # misspellings seen in real cables
    "PRIOITY": "PRIORITY",
    "PIORITY": "PRIORITY",
    "PRIORTY": "PRIORITY",
    "PRIORIY": "PRIORITY",
    "PRIOIRTY": "PRIORITY",
    "PRORITY": "PRIORITY",
    "IMMEDIAT": "IMMEDIATE",
    "IMMEDAITE": "IMMEDIATE",
    "IMMMEDIATE": "IMMEDIATE",
    "ROUTIN": "ROUTINE",
}
#: the months of a date-time group, in capitals, with their numbers
MONTHS = {
    m: i for i, m in enumerate(("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)
}

_TID_RE = re.compile(r"VZCZC[A-Z0-9]*")
_PROSIGN_RE = re.compile(r"([ZOPRY])\1?(?=\s|$)")
_RI_RE = re.compile(r"R[A-Z0-9]{3,7}$")
# a run of routing indicators (none at all too), each ended by white space or the end
_RI_WORDS_RE = re.compile(r"\s*+(?:R[A-Z0-9]{3,7}(?:\s++|\Z))*+")
# a prosign followed by routing indicators only (at least white space): _PROSIGN_RE and then
# _RI_WORDS_RE to the end, in one call
_PROSIGN_RIS_RE = re.compile(r"([ZOPRY])\1?(?=\s)" + _RI_WORDS_RE.pattern + r"\Z")
# a prosign line as parse_routing reads it: _PROSIGN_RE (group 1 the prosign, group 2 its
# letter), and from its end _RI_WORDS_RE to the end (indicators, or nothing)
_PROSIGN_LINE_RE = re.compile(r"(([ZOPRY])\2?)(?=\s|$)" + _RI_WORDS_RE.pattern + r"\Z")
_DE_RE = re.compile(r"DE\s+([A-Z0-9]+)(?:\s+#\s*(\d{1,9})(?:/(\d{1,4}))?)?(?:\s+(\d{3,8}))?")
# the security line: its level's group, and its operating signal with any service note or
# indicators that follow it (``ZZH ZDS``, ``ZZH ZUI RUEHSD``, ``ZZH (TAO)``)
_ZN_RE = re.compile(r"ZN[RY]\s+([A-Z]{5})(?:\s+(\S.*))?")
# the date-time group's line: precedences, the group, and an operating signal after it
# with any service note that follows (``ZDS``, ``ZDK CTG NUMEROUS REQUESTS``, ``(CCY ...)``),
# the signal glued to the year too (``R 301250Z APR 09ZDF``, 09DURBAN46)
_DTG_RE = re.compile(
    r"(?:([ZOPRY])(?:\s+([ZOPRY]))?\s+)?(\d{2})(\d{2})(\d{2})Z\s+([A-Za-z]{3})\s+(\d{2,4})"
    r"(?:\s*((?:Z[A-Z0-9]{2,4}|\(?CCY)\b.*))?$"
)


def is_dtg_line(s: str) -> bool:
    """True when the stripped line ``s`` reads as the routing header's date-time group
    line (``O 050155Z MAR 07``, or without its precedence: ``050155Z MAR 07``)."""
    return "Z " in s and _DTG_RE.match(s) is not None


# the first letters of VZCZC, the partial-extract sentence, TO, INFO, XMT, PAGE, DE, ZN, FM
_KEYWORD_FIRST = frozenset("VTIXPDZF")
# the first letters of a page's banner (CONFIDENTIAL, SECRET, UNCLASSIFIED, LIMITED ...)
_BANNER_FIRST = frozenset("CSUL")
_MCN_RE = re.compile(r"\d{4}(?:-\d{4})?$")
# "OF" and a number, as a continuation marker ends (``002 OF 003``): a line without it holds none
_OF_NUMBER_RE = re.compile(r"OF\s+\d")
_PAGE_RE = re.compile(r"PAGE\s+\d{2,3}\s+\S.*\d{6}Z$")
# a station's distribution lines of State traffic, above the telegram's own format lines:
# the action (or originating) office, then INFO and the offices that got copies, each
# symbol with its count (``ACTION AF-00``, ``ORIGIN DS-00``, ``INFO LOG-00 ADS-00 ...``,
# ``P-02 T-01 /037 W``, ``SAS-00 FA-00 /002R``; a symbol in parentheses, the parentheses
# apart, at a line's end and the next one's start: ``PESU-00  (`` / ``GIWI-00  )  /001W``,
# 09LONDON2229), and a line of dashes with the copy's
# reference and time (``-----352654 200910Z /23``); the symbols before the last are taken
# possessively (the line is stripped: the last, with no white space after it, is never
# among them), and no state is kept to give them back
_DISTRIBUTION_RE = re.compile(
    r"(?:(?:ACTION|ORIGIN|INFO)\s+)?(?:(?:[A-Z][A-Z0-9]{0,5}-\d{2}|[()])\s+)*+(?:[A-Z][A-Z0-9]{0,5}-\d{2}|[()]|/\d{3}\s?[A-Z])$"
    r"|-{6,}\s*[0-9A-F]{6}\s+\d{6}Z\s+/\d{2}$"
)


def dtg_datetime(day: int, hour: int, minute: int, month: str, year: str) -> _dt.datetime | None:
    """A UTC datetime from the parts of a date-time group, or None when invalid."""
    mon = MONTHS.get(month.upper())
    if mon is None:
        return None
    y = int(year)
    if len(year) == 2:
        y += 1900 if y >= 50 else 2000
    try:
        # (second, microsecond and tzinfo positionally: tzinfo as a keyword made this function
        # a quarter dearer)
        return _dt.datetime(y, mon, day, hour, minute, 0, 0, _dt.UTC)
    except ValueError:
        return None


_START_WORDS = ("VZCZC", "DE R", "ZNR ", "ZNY ", "FM ", PARTIAL_SENTENCE[:40])
_ADDR_WORDS = ("TO ", "INFO ", "XMT", "BT", "NNNN")
# the first characters of a line that _START_WORDS, _DTG_RE or _PROSIGN_RE may match
# (a date-time group may also open with a digit) and of one _ADDR_WORDS may match
_START_FIRST = frozenset("VDZFTOPRY")
_ADDR_FIRST = frozenset("TIXBN")
#: addressees' words that open like a level word
NOT_LEVELS = ("SECSTATE", "SECDEF")


def is_routing_start(text: str) -> bool:
    """True when ``text`` opens a routing header (used to split bare text): a format
    line, or the first of a station's distribution lines (``ACTION AF-00``, ``INFO
    LOG-00 EEB-00 ...``)."""
    s = text.strip()
    return _opens_header(s) or (
        s[:1] in "AOI" and s.startswith(("ACTION ", "ORIGIN ", "INFO ")) and is_distribution_line(s)
    )


def _opens_header(s: str) -> bool:
    """:func:`is_routing_start` of a stripped line."""
    if s.startswith(_START_WORDS):
        return True
    c = s[:1]
    if c in "ZOPRY":
        # a precedence letter, of a date-time group or a prosign line, is followed by
        # whitespace or doubled: an addressee (RUEHC/SECSTATE) is neither
        if len(s) > 1 and s[1] != c and not s[1].isspace():
            return False
    elif not c.isdecimal():
        return False
    # (a date-time group holds a Z: a prosign line seldom does)
    if "Z" in s and _DTG_RE.match(s):
        return True
    return _PROSIGN_RIS_RE.match(s) is not None


def is_de_line(text: str) -> bool:
    """True for the originator's format line (``DE RUEHFR #2440/01 0491510``), however
    short (``DE 0``), as :func:`parse_routing` reads it in a known routing block."""
    s = text.strip()
    return s.startswith("DE ") and _DE_RE.match(s) is not None


def opens_addressee_keyword(text: str) -> bool:
    """True when the stripped line ``text`` opens with a keyword of the addressee lines
    (``TO``, ``INFO``, ``XMT``, ``BT``, ``NNNN``): in a routing block it is read as that."""
    return text[:1] in _ADDR_FIRST and (text.startswith(_ADDR_WORDS) or text in ("TO", "INFO"))


def is_prosign_line(text: str) -> bool:
    """True for a precedence prosign alone on its line (``RR``, ``O``): a prosign line
    without routing indicators, as :func:`parse_routing` reads it in a known routing block."""
    s = text.strip()
    m = _PROSIGN_RE.match(s)
    return m is not None and m.end() == len(s)


def _only_ris(s: str, pos: int = 0) -> bool:
    """True when ``s`` from ``pos`` holds routing indicators only (or nothing)."""
    return _RI_WORDS_RE.match(s, pos).end() == len(s)  # type: ignore[union-attr]


def is_distribution_line(s: str) -> bool:
    """True for a stripped line of a station's distribution list (State traffic:
    ``ACTION AF-00``, ``ORIGIN DS-00``, ``INFO LOG-00 ADS-00``, ``/037 W``,
    ``-----352654 200910Z /23``): a line of the routing header, but no addressee."""
    return ("-" in s or s[:1] == "/") and _DISTRIBUTION_RE.match(s) is not None


def is_page_banner(lines: list[str], i: int) -> bool:
    """True when ``lines[i]`` is a page's banner (:func:`~cableparse.parser.lines.is_banner`:
    ``CONFIDENTIAL``) over a teletype page header (``PAGE 01 CAPE T 00097 01 OF 03
    182017Z``), blank lines aside: a line of old traffic's page, no classification line."""
    if not is_banner(lines[i]):
        return False
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j < len(lines) and _PAGE_RE.match(lines[j].strip()) is not None


def _page_furniture(lines: list[str], i: int, s: str) -> bool:
    """True when ``lines[i]`` (stripped: ``s``) is a line that old traffic's pages put
    above the format lines: a distribution line, a teletype page header, or a page's
    banner over one."""
    return (
        is_distribution_line(s)
        or (s[:4] == "PAGE" and _PAGE_RE.match(s) is not None)
        or (s[:1] in _BANNER_FIRST and is_page_banner(lines, i))
    )


def _run_on_page_headers_apart(lines: list[Line]) -> list[Line]:
    """``lines`` with each teletype page header that has text run on after it
    (:func:`~cableparse.parser.lines.split_run_on_page_headers`) as lines of their own:
    the headers, then the text."""
    out: list[Line] = []
    for lineno, raw in lines:
        run_on = split_run_on_page_headers(raw) if "PAGE" in raw else None
        if run_on is None:
            out.append((lineno, raw))
        else:
            out.extend((lineno, pb.text) for pb in run_on[0])
            if run_on[1]:
                out.append((lineno, run_on[1]))
    return out


def _routing_line_kind(s: str) -> str | None:
    """ "addr", "start" or None for a stripped, non-blank line."""
    # (no addressee line opens a header: the cheap test first)
    if opens_addressee_keyword(s):
        return "addr"
    c = s[0]
    if (c in _START_FIRST or c.isdecimal()) and _opens_header(s):
        return "start"
    return None


def split_routing(lines: list[str], first: int, *, blank_ends: bool = True) -> int:
    """Where the routing header of bare text ends: the index of the first text line.

    ``first`` is the index of the first non-blank line, known to open a header.  The
    header runs over format lines and addressee lines; it ends at the first line that
    is neither (the classification line, usually), or at a blank line once the
    addressees have begun and what follows is not a format line.  With
    ``blank_ends=False`` (a block known to be the header) only a classification line
    ends it.
    """
    n = len(lines)
    if not blank_ends:
        last_format = -2  # (the last transmission or routing line: looked for once, when needed)
        for i in range(first, n):
            s = lines[i].strip()
            if (
                s
                and s[0] in CLASSIFICATION_FIRST
                and (found := match_classification_line(s)) is not None
                and not s.startswith(NOT_LEVELS)
                # (a level word alone, no whole line, may be a page's banner)
                and not (found[0].serial is None and is_page_banner(lines, i))
            ):
                # (a mail export's copy of the cable above the routing header: its format
                # lines come below)
                if last_format == -2:
                    last_format = _last_format_line(lines)
                if i > last_format:
                    return i
        return n
    in_addresses = False
    addressee_hint = _ADDR_HINT_RE.match
    i = first
    while i < n:
        s = lines[i].strip()
        if not s:
            j = i + 1
            while j < n and is_blank(lines[j]):
                j += 1
            if j >= n:
                return n
            nxt = lines[j].strip()
            kind = _routing_line_kind(nxt)
            if kind == "start" or (not in_addresses and kind == "addr") or _page_furniture(lines, j, nxt):
                i = j
                continue
            return i
        # _routing_line_kind(s), inline (opens_addressee_keyword too): this loop runs over
        # every line of the header.  (An addressee keyword opens no classification line:
        # that test, the dearer, comes second.)
        # (a line that old traffic's pages put above the format lines, _page_furniture, is
        # asked about only where it would be read otherwise: it opens no address list, is
        # no classification line, and ends nothing)
        c = s[0]
        if c in _ADDR_FIRST and (s.startswith(_ADDR_WORDS) or s in ("TO", "INFO")):
            if not is_distribution_line(s):
                in_addresses = True
        elif (
            c in CLASSIFICATION_FIRST
            and (found := match_classification_line(s)) is not None
            and not s.startswith(NOT_LEVELS)
            and not (found[0].serial is None and is_page_banner(lines, i))
        ):
            return i
        elif i != first and not (
            # (a line that can be an addressee: upper-case words, perhaps behind a routing
            # indicator, not a sentence; inline, as most lines of a long header are addressees)
            in_addresses
            and len(s) <= 90
            and s[-1] != "."
            and (addressee_hint(s) is not None or ("//" in s and _OFFICES_HINT_RE.match(s) is not None))
        ):
            # (an addressee line goes on; else a format line, or RIs wrapped from the prosign
            # line before the addressees: anything else ends the header)
            if (
                not ((c in _START_FIRST or c.isdecimal()) and _opens_header(s))
                and (in_addresses or not _only_ris(s))
                and not _page_furniture(lines, i, s)
            ):
                return i
        i += 1
    return n


def _last_format_line(lines: list[str]) -> int:
    """The index of a routing block's last transmission or routing line (``VZCZC...``,
    ``DE RUEH...``), or -1: what stands above it is no cable text (a pasted mail export's
    copy of the cable above the routing header, 03ABUDHABI2641)."""
    for k in range(len(lines) - 1, -1, -1):
        s = lines[k].lstrip()
        if s.startswith(("VZCZC", "DE R")) and _opens_header(s.rstrip()):
            return k
    return -1


# upper-case words, perhaps behind a routing indicator (``RUEHC/SECSTATE``): the indicator
# and its slash are characters of the words too, so that one class reads both
_ADDR_HINT_RE = re.compile(r"[A-Z0-9][A-Z0-9 ./&'(),-]*$")
# the same, for a line naming offices after ``//``, whose symbols may hold a colon
# (``SECDEF WASHDC//USDP:PDUSDP/USDP/ISA:EUR//``, 96ANKARA12278)
_OFFICES_HINT_RE = re.compile(r"[A-Z0-9][A-Z0-9 ./&'(),:-]*$")


def _addressee_of(text: str) -> tuple[Addressee, str | None]:
    """The addressee of a line, and the CP103 message when its precedence word is misspelt."""
    head, _, mcn = text.rpartition(" ")
    # (_MCN_RE's test, without a regex call: most lines end with four digits)
    if head and (mcn.isdecimal() if len(mcn) == 4 else len(mcn) == 9 and _MCN_RE.match(mcn) is not None):
        # (the message number ends the line: it differs from cable to cable, the rest recurs)
        name, ri, precedence, note = _addressee_fields(head)
        if name:
            # positional (name, routing indicator, precedence, mcn): half the cost of keywords
            return Addressee(name, ri, precedence, mcn), note
    return _addressee_without_number(text)


@functools.lru_cache(maxsize=4096)
def _addressee_without_number(text: str) -> tuple[Addressee, str | None]:
    """:func:`_addressee_of` a line without a message number: such lines recur from cable
    to cable as they are, and an :class:`Addressee` is immutable, so it is built once."""
    name, ri, precedence, note = _addressee_fields(text)
    return Addressee(name, ri, precedence), note


@functools.lru_cache(maxsize=4096)
def _addressee_fields(text: str) -> tuple[str, str | None, str | None, str | None]:
    """Name, routing indicator and precedence of an addressee line without a message
    number, and the CP103 message when its precedence word is misspelt.  The same lines
    recur from cable to cable (``RUEAIIA/CIA WASHDC``): kept for the next one."""
    ri: str | None = None
    slash = text.find("/")
    if 0 < slash <= 8:
        head = text[:slash]
        if head == "ZEN" or _RI_RE.match(head):
            ri = head
            text = text[slash + 1 :]
    words = text.split()
    precedence: str | None = None
    note: str | None = None
    if len(words) > 1:
        word = _PRECEDENCE_WORDS.get(words[-1].upper())
        if word is not None:
            if word != words[-1]:
                note = f"precedence {words[-1]!r} read as {word}"
            words.pop()
            precedence = word
            if word == "IMMEDIATE" and len(words) > 1 and words[-1] == "NIACT":
                words.pop()
                precedence = "NIACT IMMEDIATE"
    return " ".join(words), ri, precedence, note


# the ASCII white space that folding a line closes up, but the space (and the newline
# between lines): other white space is told by ``str.isascii``
_ASCII_ODD_SPACES = tuple(c for c in WHITE_SPACE if c.isascii() and c not in " \n")


def _may_need_folding(block: str) -> bool:
    """False when no line of ``block`` (lines joined with newlines) holds two spaces in a
    row or whitespace but the space: folding then leaves each line as it is."""
    if "  " in block or not block.isascii():
        return True
    # (one memchr scan a character: a regex takes a step per character, a generator
    # costs more a step than the loop)
    for char in _ASCII_ODD_SPACES:  # noqa: SIM110
        if char in block:
            return True
    return False


def parse_routing(
    lines: list[Line], diags: Collector, breaks: list[PageBreak], text: str | None = None
) -> tuple[Routing, list[str]]:
    """Parse routing header lines into a :class:`Routing`.

    Lines that are no format line nor addressee are returned apart, in order, so that
    the caller keeps them with the text above the cable (nothing is dropped).  ``text``
    is the lines' texts joined with newlines, when the caller has it.
    """
    tid: str | None = None
    prec: str | None = None
    info_prec: str | None = None
    ris: list[str] = []
    originator: str | None = None
    serial: int | None = None
    section: int | None = None
    filed: str | None = None
    security: str | None = None
    opsig: str | None = None
    dtg: _dt.datetime | None = None
    dtg_signal: str | None = None
    sender: str | None = None
    to: list[Addressee] = []
    info: list[Addressee] = []
    partial = False
    unparsed: list[str] = []
    current: list[Addressee] | None = None
    excluded: dict[tuple[int, int], list[str]] = {}  # (list, index) -> posts named on XMT lines
    bare: list[tuple[str, list[Addressee]]] = []  # TO/INFO keywords that stood alone
    fl2_prec: str | None = None
    expect_ris = False
    distribution = False  # a receiving station's distribution lines were met
    banner: str | None = None  # a page's banner, for the teletype page header below it
    texts: list[str] | None = None  # the lines' texts, for a banner's look below it
    if text is None:
        text = "\n".join([raw for _, raw in lines])
    if "PAGE" in text:
        # a teletype page header with text run on after it is two lines, as the text's are
        lines = _run_on_page_headers_apart(lines)
    # the tests of a line's continuation marker and folding, asked of the whole header
    # first: most headers need neither (and a line holding a newline of its own would
    # pass the joined text's tests unseen: the lines are then tested one by one)
    any_of = "OF" in text
    any_fold = text.count("\n") != len(lines) - 1 or _may_need_folding(text)

    for k, (lineno, raw) in enumerate(lines):
        # (a line that is no header line is kept as written: ``whole``)
        s = whole = raw.strip()
        if not s:
            continue
        if any_of and "OF" in s and _OF_NUMBER_RE.search(s):
            # a continuation marker inside a line run together with the text below, as
            # written (any run of spaces in it, which folding would close up)
            s = whole = strip_inline_markers(lineno, s, breaks, diags)
            if "  " in s or not s.isprintable():
                s = " ".join(s.split())
            if not s:
                continue
        elif any_fold and ("  " in s or not s.isprintable()):
            # only a space is whitespace and printable: the join is needed only then
            s = " ".join(s.split())
        c = s[0]
        if ("-" in s or c == "/") and is_distribution_line(s):
            # kept as written, with the text above the cable: no addressee (the characters
            # every such line holds asked first: this runs for every line of the header)
            unparsed.append(whole)
            if not distribution:
                diags.add("CP105", line=lineno)
                distribution = True
            continue
        if (
            c in _BANNER_FIRST
            and s.startswith(BANNER_WORDS)
            and is_banner(s)
            and is_page_banner(texts if texts is not None else (texts := [t for _, t in lines]), k)
        ):
            banner = s  # (the banner of old traffic's page: it goes with the page header below)
            continue
        if c in _KEYWORD_FIRST:
            # (each keyword opens with its own letter: one test a line)
            if c == "V":
                if tid is None and s.startswith("VZCZC"):
                    tid = _TID_RE.match(s).group(0)  # type: ignore[union-attr]
                    rest = s[len(tid) :].strip()
                    if rest:
                        unparsed.append(rest)
                    expect_ris = False
                    continue
            elif c in "TI":
                # (``TO``, ``INFO`` and the partial-extract sentence's ``This``: one word each)
                word, _, rest = s.partition(" ")
                if word == "This" and s.startswith(PARTIAL_SENTENCE):
                    if not partial:
                        diags.add("CP015", line=lineno)
                    partial = True
                    if len(s) > len(PARTIAL_SENTENCE):
                        unparsed.append(s[len(PARTIAL_SENTENCE) :].strip())
                    continue
                if word in {"TO", "INFO"}:
                    current = to if word == "TO" else info
                    expect_ris = False
                    rest = rest.strip()
                    if "PAGE" in rest and _PAGE_RE.match(rest):
                        breaks.append(PageBreak(page=int(rest.split()[1]), line=lineno + 1 + diags.offset, text=rest))
                        diags.add("CP104", line=lineno)
                        continue
                    if rest:
                        addressee, note = _addressee_of(rest)
                        if note is not None:
                            diags.add("CP103", note, line=lineno)
                        current.append(addressee)
                    else:
                        bare.append((word, current))
                    continue
            elif c == "X":
                if current and s.startswith("XMT"):
                    name = s[3:].lstrip(" /")
                    if name:
                        excluded.setdefault((id(current), len(current) - 1), []).append(name)
                    else:
                        unparsed.append(s)
                    continue
            elif c == "P":
                if s.startswith("PAGE") and _PAGE_RE.match(s):
                    page_text = s if banner is None else f"{banner} {s}"
                    banner = None
                    breaks.append(PageBreak(page=int(s.split()[1]), line=lineno + 1 + diags.offset, text=page_text))
                    diags.add("CP104", line=lineno)
                    continue
            elif c == "D":
                if originator is None and s.startswith("DE "):
                    m = _DE_RE.match(s)
                    if m:
                        originator, number, part, filed = m.groups()
                        serial = int(number) if number else None
                        section = int(part) if part else None
                        if m.end() < len(s):
                            unparsed.append(s[m.end() :].strip())
                        expect_ris = False
                        current = None
                        continue
            elif c == "Z":
                if security is None and s.startswith("ZN"):
                    m = _ZN_RE.match(s)
                    if m and m.group(1) in SECURITY_GROUPS:
                        # (the signal and any note after it as the line is read: folded
                        # already where it needs folding, as the date-time group's is)
                        group, opsig = m.groups()
                        security = SECURITY_GROUPS[group]
                        current = None
                        continue
            elif sender is None and s.startswith("FM "):
                sender = s[3:].strip()
                current = None
                expect_ris = False
                continue
        # (a date-time group holds a Z and a space, the only white space left in ``s``)
        m = _DTG_RE.match(s) if dtg is None and len(s) < 100 and "Z " in s else None
        if m:
            p1, p2, day, hour, minute, month, year, signal = m.groups()
            dtg = dtg_datetime(int(day), int(hour), int(minute), month, year)
            if dtg is None:
                # kept as written, and nothing read from it: canonical text, which writes
                # the precedences on the date-time group's line, could not write them back
                diags.add("CP102", f"date-time group {s!r} is not a valid date", line=lineno)
                unparsed.append(whole)
                continue
            dtg_signal = signal
            prec = PRECEDENCE_LETTERS[p1] if p1 else None
            info_prec = PRECEDENCE_LETTERS[p2] if p2 else None
            current = None
            continue
        if current is None:
            # (the prosign and the indicators after it in one match: _PROSIGN_RE, then _only_ris)
            if fl2_prec is None and dtg is None and (m := _PROSIGN_LINE_RE.match(s)) is not None:
                fl2_prec = PRECEDENCE_LETTERS[m.group(2)]
                ris.extend(s[m.end(1) :].split())
                expect_ris = True
                continue
            if expect_ris and _only_ris(s):
                ris.extend(s.split())
                continue
        elif c not in CLASSIFICATION_FIRST or match_classification_line(s) is None:
            addressee, note = _addressee_of(s)
            if note is not None:
                diags.add("CP103", note, line=lineno)
            current.append(addressee)
            continue
        # a line not understood, or a classification line among the addressees (a copy of
        # the cable above the format lines, run into them): kept with the text above the cable
        unparsed.append(whole)
        diags.add("CP101", f"routing line not understood: {s[:60]!r}", line=lineno)
    if banner is not None:
        unparsed.append(banner)  # (a page's banner whose page header was read otherwise)
    for word, addressees in bare:
        if not addressees:
            unparsed.append(word)  # a TO or INFO line that no addressee followed
    if excluded:
        for addressees in (to, info):
            for k, a in enumerate(addressees):
                names = excluded.get((id(addressees), k))
                if names:
                    addressees[k] = Addressee(
                        name=a.name,
                        routing_indicator=a.routing_indicator,
                        precedence=a.precedence,
                        mcn=a.mcn,
                        excluded=tuple(names),
                    )
    # positional, in the fields' order: a third cheaper than keywords
    return Routing(
        tid,  # transmission_id
        prec or fl2_prec,  # precedence
        info_prec,  # info_precedence
        tuple(ris),  # routing_indicators
        originator,
        serial,
        section,
        filed,
        security,
        opsig,  # operating_signal
        dtg,
        dtg_signal,
        sender,
        tuple(to),
        tuple(info),
        partial,
    ), unparsed
