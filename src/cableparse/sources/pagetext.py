"""Text copies of WikiLeaks cable pages (a browser's "save as text", copy and paste, the
text of the page's HTML with its markup taken out).

The site's chrome comes first; then the metadata table, in one of three layouts: its
column names on one line and its row flattened to the next
(``07PHNOMPENH350 2007-03-05 01:15 2011-07-11 00:00 UNCLASSIFIED//FOR OFFICIAL USE ONLY
Embassy Phnom Penh``), both on one line, or one cell a line, blank lines between them
(what taking the tags out of the page's HTML leaves: ``Reference ID`` / ``Created`` /
... / ``Embassy Phnom Penh``).  The routing header and the cable text follow with no
blank line between them.  Classification and origin both hold spaces; the closed
vocabulary of classifications splits them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Collector
from ..parser.header import match_classification_line
from ..parser.markings import PARA_START_RE
from ..parser.routing import is_routing_start
from .base import Source

__all__ = ["CLASSIFICATIONS", "METADATA_LINE_RE", "is_page_copy", "read"]

#: the metadata's classification values (the closed vocabulary that splits a page copy's
#: flattened metadata line, and that a text file's fourth line holds)
CLASSIFICATIONS = (
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "CONFIDENTIAL//NOFORN",
    "SECRET//NOFORN",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
)
_STAMP = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"
METADATA_LINE_RE = re.compile(
    rf"(\w+)\s+({_STAMP})\s+(?:({_STAMP})\s+)?({'|'.join(re.escape(c) for c in CLASSIFICATIONS)})\s+(\S.*?)\s*$"
)
#: how far into the text the table's column names are looked for, in characters (the
#: chrome above them: some 1,500 lines, 11,000 characters, once the page's tags are out)
_SEARCH_CHARS = 100_000
# the table's first column name past its first word, which opens the line (white space
# before it, and any run of it inside it)
_ID_NAME_RE = re.compile(r"[^\S\n]++ID\b")
_LINE_START_RE = re.compile(r"[^\S\n]*+$")
# the column names on one line (whitespace folded), and the row after them, when it is
# on the same line
_NAMES_LINE_RE = re.compile(r"Reference ID Created (?:Released )?Classification Origin(?: (.+))?$")
#: the column names after the first when the table is written one cell a line
_NAMES = ("Created", "Released", "Classification", "Origin")
#: how many lines the cells of a table written one cell a line may take, blank ones included
_CELL_LINES = 60
_TITLE_RE = re.compile(r"^Viewing cable [^\n,]*,(.*)$", re.M)
#: how far into the cable text a TAGS line whose tags a copy wrote one a line is looked for
_TAGS_REACH = 200
# a TAGS keyword, and (group 1, empty) the end of its line right after it, with no tags
# after it (they were links; the keyword may be run on to the E.O. line); a line of one tag
# (short, no colon, no lower-case letter, as the pages' TAGS links are; no paragraph number)
_TAGS_KEYWORD_RE = re.compile(r"(?:^|(?<=\s))TAGS?\b(?:[^\S\n]*+:?[^\S\n]*+($))?")
_TAG_LINE_RE = re.compile(r"[^\S\n]*+(?![0-9]{1,3}\.)[A-Z0-9][^:a-z\n]{0,39}$")
#: the site's list of the articles that quote the cable, between the table and the cable's
#: blocks: this line, then the links, on one line or one a line, up to a blank line
ARTICLES = "Appears in these articles:"


def _opens_routing(text: str) -> bool:
    """True when the first line of ``text`` that is not blank opens a routing header."""
    head = text[:240].lstrip()
    return is_routing_start(head[: head.find("\n")] if "\n" in head else head)


def _cells(lines: list[str], i: int, count: int) -> tuple[list[str], int]:
    """The first ``count`` lines from line ``i`` of ``lines`` that are not blank, their
    whitespace folded (fewer when there are none within reach), and the index past the
    last of them."""
    cells: list[str] = []
    end = min(len(lines), i + _CELL_LINES)
    while i < end and len(cells) < count:
        cell = " ".join(lines[i].split())
        i += 1
        if cell:
            cells.append(cell)
    return cells, i


def _table_at(lines: list[str], i: int) -> tuple[re.Match[str], int, bool] | None:
    """The metadata row of the table whose column names start on line ``i``, matched by
    :data:`METADATA_LINE_RE`, the index of the line past it, and whether the table is
    written one cell a line; or None."""
    names = " ".join(lines[i].split())
    if names == "Reference ID":
        # one cell a line: the other column names, then one value for each
        found, k = _cells(lines, i + 1, len(_NAMES))
        if found == list(_NAMES):
            count = len(_NAMES) + 1
        elif found[:3] == [_NAMES[0], *_NAMES[2:]]:
            count = len(_NAMES)  # (no Released column)
            found, k = _cells(lines, i + 1, count - 1)
        else:
            return None
        values, k = _cells(lines, k, count)
        m = METADATA_LINE_RE.match(" ".join(values)) if len(values) == count else None
        return (m, k, True) if m else None
    same = _NAMES_LINE_RE.match(names)
    if same is not None and same.group(1):
        m = METADATA_LINE_RE.match(same.group(1))
        return (m, i + 1, False) if m else None
    if i + 1 < len(lines):
        # (whitespace folded: a value is one line with single spaces, as a page's cells
        # and canonical text have it)
        m = METADATA_LINE_RE.match(" ".join(lines[i + 1].split()))
        return (m, i + 2, False) if m else None
    return None


def _past_articles(lines: list[str], i: int) -> int:
    """The index of the first line from ``i`` past the site's list of articles, where it
    follows the table (blank lines aside); else ``i``.  The list ends at a blank line, or
    at a line that opens the routing header or the cable text (a classification line)."""
    k = i
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k == len(lines) or " ".join(lines[k].split()) != ARTICLES:
        return i
    k += 1
    while (
        k < len(lines) and (s := lines[k].strip()) and not is_routing_start(s) and match_classification_line(s) is None
    ):
        k += 1
    return k


def _tags_rejoined(lines: list[str]) -> None:
    """Put back on their TAGS line the tags that a copy wrote one a line below it, with
    lines of the spaces between them (``TAGS:`` / ``PGOV`` / `` `` / ``KISL``, the page's
    TAGS links), in place; the lines they stood on are left empty.  Only below a TAGS
    keyword that ends its line (``TAGS:``, ``E.O. 12958: DECL: 04/07/2014 TAGS:``) above
    the first numbered paragraph (a pasted record's TAGS line and the header's: a TAGS
    line below is the text's), and up to an empty line or a line that is no tag's."""
    k = 0
    for i in range(min(len(lines), _TAGS_REACH)):
        if i < k:
            continue  # (a line of the tags just put back)
        line = lines[i]
        if line.lstrip()[:1].isdigit():
            if PARA_START_RE.match(line) is not None:
                return
            continue
        if "TAG" not in line or (keyword := _TAGS_KEYWORD_RE.search(line)) is None or keyword.group(1) is None:
            continue
        tags: list[str] = []
        k = i + 1
        while k < len(lines) and lines[k] and (lines[k].isspace() or _TAG_LINE_RE.match(lines[k]) is not None):
            if not lines[k].isspace():
                tags.append(lines[k].strip())
            k += 1
        if tags:
            lines[i] = line.rstrip() + " " + " ".join(tags)
            lines[i + 1 : k] = [""] * (k - i - 1)


def _tables(text: str) -> Iterator[int]:
    """Where the lines that open with the table's first column name start, among the first
    :data:`_SEARCH_CHARS` characters of ``text`` (found in C: the word first)."""
    pos = start = scanned = 0  # (each character looked at once for a newline)
    while (pos := text.find("Reference", pos, _SEARCH_CHARS)) >= 0:
        newline = text.rfind("\n", scanned, pos)
        if newline >= 0:
            start = newline + 1
        scanned = pos
        if _LINE_START_RE.match(text, start, pos) is not None and _ID_NAME_RE.match(text, pos + 9) is not None:
            yield start
        pos += 9


def read(text: str, diags: Collector) -> Source | None:
    """Read a page text copy, or return None when ``text`` is not one.  (A text that opens
    with a routing header is bare cable text: a copy opens with the site's words.)"""
    if _opens_routing(text) or text.find("Reference", 0, _SEARCH_CHARS) < 0:
        return None
    lines: list[str] | None = None
    for at in _tables(text):
        if lines is None:
            lines = text.split("\n")
        i = text.count("\n", 0, at)
        found = _table_at(lines, i)
        if found is None:
            diags.add("CP011", "the lines after the table's column names are no metadata row", line=i + 1)
            continue
        m, end, cells = found
        src = Source("page-text")
        rid, created, released, cls, origin = m.groups()
        src.metadata = {"reference_id": rid, "created": created, "classification": cls, "origin": origin}
        if released:
            src.metadata["released"] = released
        end = _past_articles(lines, end)
        src.text = lines[end:]
        src.text_start = end
        if cells:
            # (one cell a line: the copy put each piece of the page's text on a line of its
            # own, the TAGS links too)
            _tags_rejoined(src.text)
        titles = _TITLE_RE.findall(text, 0, at)
        if titles:
            src.title = titles[-1].strip()
        return src
    return None


def is_page_copy(text: str) -> bool:
    """True when ``text`` is read as a page text copy (it holds the metadata table's lines)."""
    return read(text, Collector()) is not None
