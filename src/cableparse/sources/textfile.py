"""Text files of the release's cables: five metadata lines, then the page's two blocks.

Mirrors of the site that keep each cable as a text file (``cables/<REFID>.txt``) open it
with the page's reference id, its title (the subject's first line), the time it was
created as a scripting language prints a local time, its classification and its origin,
one a line::

    02ANKARA8150
    UPDATE ON TURKEY'S CONTRIBUTION TO AFGHANISTAN
    Wed Nov 13 00:00:00 +0100 2002
    UNCLASSIFIED
    Embassy Ankara

The page's two ``<pre>`` blocks follow, newlines decoded and links removed, but written
one after the other with nothing between them.  The routing header has no newline at its
end, so its last line runs on into the cable text's first line (``TO SECSTATE WASHDC
9600UNCLAS SECTION 01 OF 02 HAVANA 004690``, ``... available.C O N F I D E N T I A L``):
the reader finds that seam and puts the two blocks apart again, as the page had them.
The pilcrows of the paragraph anchors are left in, at the start of a line and inside
one (a REF list's items are anchored too), and so are the line-break, table and
text-style tags some blocks hold (``<br>``, ``</td>``, ``<b>``); they are WikiLeaks'
markup, not the cable's, and are taken out, as the page reader takes them out.  Nothing
else is taken out or decoded: the copy is text.  (The page reader also drops the other
tags of HTML's vocabulary, comments and an empty ``<>``; a text file of the mirrors holds
none of them, and they stay as written.)
"""

from __future__ import annotations

import re

from ..diagnostics import Collector
from ..parser.header import match_classification_line
from ..parser.lines import PARTIAL_SENTENCE
from ..parser.routing import MONTHS, NOT_LEVELS, is_routing_start
from .base import Source
from .pagetext import CLASSIFICATIONS

__all__ = ["is_text_file", "read"]

# the reference id's line: a two-digit year, then letters and digits (WikiLeaks' own
# malformed ids included, ``09SECTION02OF03QRIPOLI583``)
_ID_RE = re.compile(r"\d{2}[A-Z][A-Z0-9]*\d\Z")
# ``Wed Nov 13 00:00:00 +0100 2002``: the local time of the copy's maker, whose clock
# read the page's own value (``2002-11-13 00:00``); the offset is the maker's, not the cable's
_TIME_RE = re.compile(
    r"[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):\d{2}(?: [+-]\d{4}| [A-Z]{3,4})? (\d{4})\Z"
)
# ... or as newer versions of the maker's language print it (``2002-11-13 00:00:00 +0100``)
_ISO_TIME_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::\d{2})?(?: [+-]\d{4}| [A-Z]{3,4})?\Z")
_LEVELS = frozenset(CLASSIFICATIONS)
# where a classification line may open inside the routing header's last line: the level
# words as teletype text writes them (spaced out, in capitals or not), with their first
# letter lost too, as pages damaged them (``E C R E T SANAA 000473``)
_SEAM_RE = re.compile(
    r"(?i:C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|U ?N ?C ?L ?A ?S)|LIMITED OFFICIAL USE"
    r"|O N F I D|ONFID|E C R E T|ECRET|N C L A S|NCLAS"
)
# ... or a pasted database record's first line (``id: 208410``, ``Cable dated:...``, a
# weekday, a timestamp), or the caption that opens many texts
_RECORD_SEAM_RE = re.compile(
    r"(?i:id: ?\d|sipdis\b)|Cable dated:|<<\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d"
    r"|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}|\s*\Z)|\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}"
)
# a banner of the level alone, with its caveats (``UNCLASSIFIED//FOR OFFICIAL USE ONLY``)
_BANNER_RE = re.compile(r"(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?://[A-Z ]+)?\s*\Z")
# a record's number run on to the last addressee (``... PRIORITY148293``), its fields
# on the same line after tabs or on the lines below
_RECORD_ID_RE = re.compile(r"(?<!\d)(\d+)(?:\t\d{4}-\d{2}-\d{2} |,\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2},|\Z)")
_MCN_RECORD_RE = re.compile(r" (\d{4})(\d+)(?:\t\d{4}-\d{2}-\d{2} |,\d|\Z)")
_TITLE_AFTER_MCN_RE = re.compile(r" (\d{4})[A-Z]")
_RECORD_NEXT_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}|\s*\Z)|\d{1,2}/\d{1,2}/\d{4} ")
# the date-time group a partial extract's note may have below it (``201247Z Jan 04``)
_NOTE_DTG_RE = re.compile(r"\d{6}Z [A-Za-z]{3} \d{2}")
# the banner over an old cable's first page, above its distribution and addressees
# (``                           UNCLASSIFIED     PTO9528``)
_OLD_BANNER_RE = re.compile(r"\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s+PT[A-Z]\d+\s*\Z")
# an addressee's last word, as a line of the routing header ends: a message number, a
# precedence, a place; the seam is put after one when a level word's first letter is
# written twice (``... WASHINGTON DCUUNCLAS``, ``... PRIORITY 0159C C O N F I D ...``)
_ADDRESS_END_RE = re.compile(r"(?:\d|DC|WASHDC|PRIORITY|IMMEDIATE|ROUTINE|COLLECTIVE|/)\s*\Z")
#: the lines of a routing header searched for the seam (a page's longest holds 60)
_MAX_HEADER_LINES = 120
_ANCHOR = "\u00b6"
# the tags some pages hold in their blocks besides the links (line breaks, a table's
# closing tags, text-style tags), which the page reader drops; ``<Israel>`` and
# ``<<240168>>`` are text
_BREAK_RE = re.compile(r"</?(?i:br|td|tr|th|table|p|div|span|font|b|i|u)\b[^<>]*>")
_NOT_LEVELS = (*NOT_LEVELS, "SECRETARY", "SECRETARIAT")


def _metadata(lines: list[str]) -> dict[str, str] | None:
    """The five metadata lines' values, or None when ``lines`` do not open so (the first
    line, the reference id's, is the caller's to check: :func:`read` matches it before it
    splits the text)."""
    if len(lines) < 5:
        return None
    level = lines[3].strip()
    if level not in _LEVELS or not lines[4].strip():
        return None
    stamp = lines[2].strip()
    m = _TIME_RE.match(stamp)
    if m is not None:
        month, day, hour, minute, year = m.groups()
        number = MONTHS.get(month.upper())
        if number is None:
            return None
        created = f"{year}-{number:02d}-{day} {hour}:{minute}"
    elif (iso := _ISO_TIME_RE.match(stamp)) is not None:
        year, mm, day, hour, minute = iso.groups()
        created = f"{year}-{mm}-{day} {hour}:{minute}"
    else:
        return None
    return {
        "reference_id": lines[0],
        "created": created,
        "classification": level,
        "origin": " ".join(lines[4].split()),
    }


def _doubled(line: str, at: int) -> int:
    """``at``, or the position of the level word's first letter written twice before it
    (or of a mark before it, ``.C O N F I D ...``), when the line up to that letter ends
    as an addressee does and the line up to ``at`` does not."""
    if _ADDRESS_END_RE.search(line, 0, at) is not None:
        return at
    for back in (1, 2):
        if back == 1:
            ok = line[at - 1] == line[at] or line[at - 1] in "\"'."
        else:
            ok = line[at - 1] == " " and line[at - 2] == line[at]
        if at - back > 0 and ok and _ADDRESS_END_RE.search(line, 0, at - back) is not None:
            return at - back
    return at


def _record_seam(line: str, below: str, rid: str) -> int | None:
    """Where a pasted record's first line starts inside ``line``, or None (``rid`` is the
    cable's reference id, which may open the record)."""
    m = _RECORD_SEAM_RE.search(line, 1)
    # (right after the addressee's last character: a record's line after a space is a mail
    # export's own line, ``Diana T Fritz  06/05/2007 04:15:39 PM``)
    found = m.start() if m is not None and not line[m.start() - 1].isspace() else None
    if found is None and below.startswith("Class:"):
        # a titled record (its title, then ``Class:``, ``Date:``, ``Key:`` lines): the title
        # run on to the last addressee's message number (``... BUENOS AIRES 0001QATAR ...``)
        m = _TITLE_AFTER_MCN_RE.search(line)
        if m is not None:
            found = m.end(1)
    at = line.find(rid, 1) if rid else -1
    if at > 0 and not line[at - 1].isspace() and (found is None or at < found):
        found = at
    if line[-1:].isdecimal() or "\t" in line:
        # a record's number: after letters, or after an addressee's message number of four
        # digits (``... NEW YORK 009275837<tab>2006-08-23 ...``)
        for m in _RECORD_ID_RE.finditer(line):
            at = m.start()
            if at == 0 or line[at - 1].isdecimal() or not line[:at].strip():
                continue
            if m.end() < len(line) or _RECORD_NEXT_RE.match(below.strip()):
                if line[at - 1] == " " and m.end(1) - at > 4:
                    at += 4
                if found is None or at < found:
                    found = at
            break
    return found


def _seam(line: str, below: str, rid: str) -> tuple[int, bool] | None:
    """Where the cable text's first line starts inside the routing header's last line
    ``line`` (``below`` is the line after it, ``rid`` the reference id), and whether a
    pasted record opens there; None when no classification line, nor a pasted record,
    opens after an addressee's text."""
    found = None
    for m in _SEAM_RE.finditer(line, 1):
        at = m.start()
        tail = line[at:]
        if (
            not tail.startswith(_NOT_LEVELS)
            and line[:at].strip()
            and (match_classification_line(tail) is not None or _BANNER_RE.match(tail) is not None)
        ):
            found = _doubled(line, at)
            break
    record = _record_seam(line, below, rid)
    if record is not None and (found is None or record < found):
        return record, True
    return None if found is None else (found, False)


def _seam_in(body: list[str], start: int, rid: str) -> tuple[int, int] | None:
    """The line (from ``start`` on) that holds the seam and the seam's position in it.

    A whole classification line holds none (a page's banner, a mail export's copy of the
    cable above the routing header), and no classification line opens the text above a
    routing header's format lines (a pasted record may: it copies the header).
    """
    n = len(body)
    for i in range(start, min(n, start + _MAX_HEADER_LINES)):
        line = body[i]
        if len(line.strip()) < 2 or match_classification_line(line) is not None:
            continue
        found = _seam(line, body[i + 1] if i + 1 < n else "", rid)
        if found is None:
            continue
        at, record = found
        if not record:
            j = i + 1
            while j < n and not body[j].strip():
                j += 1
            if j < n and is_routing_start(body[j]):
                continue
        return i, at
    return None


def _apart(src: Source, body: list[str], last: int, at: int) -> Source:
    """``src`` with the routing header up to ``body[last][:at]`` and the text from there."""
    src.routing = [*body[:last], body[last][:at]]
    src.routing_start = 5
    src.text = [body[last][at:], *body[last + 1 :]]
    src.text_start = 5 + last
    return src


def read(text: str, diags: Collector) -> Source | None:
    """Read a cable's text file, or return None when ``text`` does not open with the five
    metadata lines."""
    if _ID_RE.match(text, 0, text.find("\n")) is None:
        return None
    lines = text.split("\n")
    meta = _metadata(lines)
    if meta is None:
        return None
    src = Source("text-file")
    src.metadata = meta
    title = lines[1].strip()
    if title:
        src.title = title
    body = lines[5:] or [""]
    if _ANCHOR in text:
        body = [line.replace(_ANCHOR, "") if _ANCHOR in line else line for line in body]
    if "<" in text:
        body = [_BREAK_RE.sub("", line) if "<" in line else line for line in body]
    first = body[0]
    if first.startswith(PARTIAL_SENTENCE):
        # the page's note in the routing header's place: the text run on to it, or to the
        # date-time group or routing header below it
        if not first[len(PARTIAL_SENTENCE) :].strip():
            heads = [k for k in range(1, min(len(body), 12)) if body[k].strip()][:3]
            below = body[heads[0]] if heads else ""
            m = _NOTE_DTG_RE.match(below)
            if m is not None and m.end() < len(below.rstrip()):
                return _apart(src, body, heads[0], m.end())
            # (an old cable's header below the note: its banner, its format lines)
            if (
                any(is_routing_start(body[k]) or _OLD_BANNER_RE.match(body[k]) for k in heads)
                and (found := _seam_in(body, heads[0], meta["reference_id"])) is not None
            ):
                return _apart(src, body, *found)
        return _apart(src, body, 0, len(PARTIAL_SENTENCE))
    found = _seam_in(body, 0, meta["reference_id"])
    if found is not None:
        return _apart(src, body, *found)
    if any(line.strip() for line in body):
        diags.add("CP017", line=5)
    src.text = body
    src.text_start = 5
    return src


def is_text_file(text: str) -> bool:
    """True when ``text`` is read as a cable's text file (it opens with the five metadata lines)."""
    return read(text, Collector()) is not None
