"""From a :class:`~cableparse.sources.Source` to a :class:`~cableparse.models.Cable`.

The order is fixed: split the routing header from the cable text (when the source did
not), parse the routing header, take continuation markers out of the text, parse the
header fields, then the body.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from collections.abc import Callable

from ..diagnostics import Collector
from ..models import Cable, Header, PageBreak, Routing
from ..sources import Source
from .body import parse_body
from .header import (
    classify_references,
    ids_module,
    is_preamble_end,
    is_record_line,
    match_classification_line,
    parse_header,
)
from .lines import (
    BANNER_WORDS,
    Line,
    is_blank,
    remove_page_breaks,
    split_marker,
    strip_inline_markers,
    without_backslash_residue,
)
from .markings import PARA_START_RE
from .routing import is_page_banner, is_routing_start, parse_routing, split_routing

__all__ = ["bare_routing_start", "build_cable", "parse_timestamp"]

_STAMP_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")
_US_STAMP_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


_EMPTY_ROUTING = Routing()
_HEADER_COPY_RE = re.compile(r"\s*(?:U\s?N\s?C\s?L\s?A\s?S|C\s?O\s?N\s?F\s?I\s?D|S\s?E\s?C\s?R\s?E\s?T)", re.I)
_HEADER_KEYS_RE = re.compile(r"\b(?:TAGS|SUBJECT)\s?:", re.I)
# the start of a header copy's level word after a blank line (a paragraph's lines have no
# trailing space: a third newline is the next try's blank line), and the letters it opens with
_BLOCK_COPY_RE = re.compile(r"\n\n[ \t]*(?:U\s?N|C\s?O\s?N|S\s?E\s?C)", re.I)
_LEVEL_INITIALS = "UCSucs"


def parse_timestamp(value: str) -> _dt.datetime | None:
    """``2007-03-05 01:15`` or ``3/5/2007 1:15`` as a UTC datetime; None if unreadable."""
    v = value.strip()
    if len(v) == 16 and v[4] == v[7] == "-" and v[10] == " " and v[13] == ":" and v.isascii():
        # the metadata's own form, 2007-03-05 01:15: read in C (the pattern below reads the rest)
        with contextlib.suppress(ValueError):
            return _dt.datetime.fromisoformat(v).replace(tzinfo=_dt.UTC)
    try:
        m = _STAMP_RE.match(v)
        if m:
            y, mo, d, hh, mi, ss = m.groups()
            return _dt.datetime(int(y), int(mo), int(d), int(hh), int(mi), int(ss or 0), tzinfo=_dt.UTC)
        m = _US_STAMP_RE.match(v)
        if m:
            mo, d, y, hh, mi, ss = m.groups()
            return _dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0), tzinfo=_dt.UTC)
    except ValueError:
        return None
    return None


def _numbered(lines: list[str], start: int, texts: list[str]) -> list[Line]:
    """``lines`` as ``(line number, text)`` pairs, trailing space removed; their texts
    are added to ``texts`` too."""
    stripped = list(map(str.rstrip, lines))
    texts += stripped
    # (enumerate counts in a C integer: fewer steps a line than zip with itertools.count)
    return list(enumerate(stripped, start))


def _ends_in_space(src: Source) -> Callable[[int], bool]:
    """A test of whether the input's line of a line number ended in white space as
    written (the lines are read with their trailing space removed)."""

    def ends_in_space(lineno: int) -> bool:
        for block, start in ((src.text, src.text_start), (src.routing, src.routing_start)):
            if block is not None and 0 <= lineno - start < len(block):
                return block[lineno - start][-1:] in (" ", "\t")
        return False

    return ends_in_space


def _opens_routing(line: str) -> bool:
    """``is_routing_start``, also for a header line with a continuation marker run on to
    it (``OO RUEHBI RUEHCI NEW DELHI 00009761 002 OF 002``): the routing parser takes the
    marker out."""
    if is_routing_start(line):
        return True
    if len(line) <= 40 or "OF 0" not in line:
        return False
    return is_routing_start(strip_inline_markers(0, line, [], Collector()))


def bare_routing_start(raw: list[str]) -> tuple[int, int | None]:
    """Where bare text's lines ``raw`` open (the first that is not blank), and the index of
    the line that opens its routing header, or None when it has none.

    Continuation markers above the header go with it (the routing parser keeps them), and
    so do lines of the csv dump's backslashes alone and a page's banner over a teletype
    page header; so do a few lines above its first format line (:func:`_routing_below`).
    Canonical text asks too, to say where a text without a routing header would read as
    having one.
    """
    first = 0
    while first < len(raw) and is_blank(raw[first]):
        first += 1
    top = first
    while first < len(raw) and (
        is_blank(raw[first].replace("\\", ""))
        or split_marker(raw[first]) is not None
        or (raw[first].lstrip().startswith(BANNER_WORDS) and is_page_banner(raw, first))
    ):
        first += 1
    if first < len(raw) and _opens_routing(raw[first]):
        return top, first
    return top, _routing_below(raw, first)


#: how many lines that are not blank may stand above a routing header in bare text
_ABOVE_ROUTING = 8


def _routing_below(raw: list[str], first: int) -> int | None:
    """The index of the line that opens the routing header a few lines below line
    ``first`` of bare text (:data:`_ABOVE_ROUTING` lines that are not blank at most:
    ``TelegramRestricted by caption. UNCLASSIFIED TRIPOLI 00000470``, a mail export's
    ``From:`` / ``Sent:`` / ``To:`` / ``Subject:`` lines), or None: none there, or the
    cable text opens first (a whole classification line, a numbered paragraph), or a line
    of a pasted database record or row does (:func:`~.header.is_record_line`)."""
    seen = 0
    for i in range(first, len(raw)):
        line = raw[i]
        if is_blank(line):
            continue
        if i > first and _opens_routing(line):
            return i
        s = line.strip()
        if PARA_START_RE.match(s) is not None or is_record_line(s):
            # (a pasted record's lines above a copy of the routing header: the header parser
            # reads the record, and the cable below it)
            return None
        found = match_classification_line(s)
        if found is not None and found[0].serial is not None:
            return None
        seen += 1
        if seen > _ABOVE_ROUTING:
            return None
    return None


def _canonical(reference_id: str) -> str:
    canonical_id: Callable[[str], str] = ids_module().canonical_id
    return canonical_id(reference_id)


def _year_of(reference_id: str | None, routing: Routing | None, created: _dt.datetime | None) -> str | None:
    if reference_id and len(reference_id) > 2 and reference_id[:2].isascii() and reference_id[:2].isdigit():
        return reference_id[:2]
    if routing is not None and routing.dtg is not None:
        return f"{routing.dtg.year % 100:02d}"
    if created is not None:
        return f"{created.year % 100:02d}"
    return None


def build_cable(src: Source, diags: Collector) -> Cable:
    """Parse the routing header, header fields and body of ``src``."""
    routing_lines: list[Line] | None = None
    routing_text = ""  # the routing lines' texts, joined
    text_lines: list[Line]
    texts: list[str] = []  # the texts of text_lines, joined once below
    if src.routing is not None:
        # a header block may run on into the cable text: split at the classification line
        cut = split_routing(src.routing, 0, blank_ends=False)
        head = src.routing[:cut]
        routing_lines = list(enumerate(head, src.routing_start))
        routing_text = "\n".join(head)
        text_lines = _numbered(src.routing[cut:], src.routing_start + cut, texts)
        text_lines += _numbered(src.text, src.text_start, texts)
    else:
        raw = src.text
        top, start = bare_routing_start(raw)
        cut = top
        if start is not None:
            # (lines above the header's first format line, a page's note or a mail export's
            # lines, go with it: the routing parser keeps them with the preamble)
            cut = split_routing(raw, start)
            head = raw[top:cut]
            routing_lines = list(enumerate(head, src.text_start + top))
            routing_text = "\n".join(head)
        text_lines = _numbered(raw[cut:], src.text_start + cut, texts)
    # (canonical text is read as written: the text it came from was cleaned then)
    text = "\n".join(texts)
    if src.form != "canonical" and "\\" in text and any(t.endswith("\\") for _, t in text_lines):
        text_lines = [(k, without_backslash_residue(t)) for k, t in text_lines]
        texts = list(map(without_backslash_residue, texts))
        text = "\n".join(texts)

    breaks: list[PageBreak] = []
    routing: Routing | None = None
    unplaced_routing: list[str] = []
    # (a line that is not blank: a character of the joined lines that is no white space)
    if routing_lines is not None and routing_text and not routing_text.isspace():
        routing, unplaced_routing = parse_routing(routing_lines, diags, breaks, routing_text)
        # the line that closes a preamble in canonical text is no text of the cable, and a
        # continuation marker is one wherever it falls
        kept: list[str] = []
        for t in unplaced_routing:
            marker = split_marker(t)
            if marker is not None:
                breaks.append(marker)
            elif not is_preamble_end(t):
                # as the text lines are: canonical text reads it as one (and a line of
                # the csv dump's backslashes alone is then no line)
                t = without_backslash_residue(t)
                if t.strip():
                    kept.append(t)
        unplaced_routing = kept
        if unplaced_routing:
            diags.add("CP901", f"{len(unplaced_routing)} line(s) of the routing header kept with the preamble")
        if routing == _EMPTY_ROUTING:
            routing = None

    meta = src.metadata
    reference_id = meta.get("reference_id") or None
    created = released = None
    for key in ("created", "released"):
        value = meta.get(key)
        if value:
            stamp = parse_timestamp(value)
            if stamp is None:
                diags.add("CP014", f"{key} {value!r} is not a date")
            elif key == "created":
                created = stamp
            else:
                released = stamp

    changed: list[str] = []
    unbroken, text_breaks = remove_page_breaks(text_lines, diags, text, texts, changed)
    # (the joined text stays the lines' own when no marker was taken out; else each line
    # left is one of the text's, or one that taking markers out changed)
    unbroken_text = text if unbroken is text_lines else None
    every_line = "\n".join([text, *changed]) if changed else text
    text_lines = unbroken
    breaks.extend(text_breaks)
    citing_id = _canonical(reference_id) if reference_id else None
    year = _year_of(citing_id, routing, created)
    cited_on = created.date() if created else routing.dtg.date() if routing is not None and routing.dtg else None
    fields, body_lines = parse_header(
        text_lines,
        diags,
        canonical=src.form == "canonical",
        breaks=breaks,
        text=unbroken_text,
        wrapped=_ends_in_space(src),
        before_breaks=every_line,
    )
    body = parse_body(body_lines, diags)

    cl = fields.classification_line
    if citing_id is not None and cl is not None and cl.serial is not None and cl.origin:
        # (a page that holds another cable's text: 09CHISINAU694 holds ULAANBAATAR 000234;
        # a whole classification line only, origin and serial)
        own = ids_module().reference_id_parts(citing_id)
        if own is not None and own[2] != cl.serial:
            named = f"{cl.origin} {cl.serial:06d}"
            diags.add("CP210", f"the classification line names {named}, the reference id is {reference_id}")
    if reference_id is None:
        if cl is not None and cl.origin and cl.serial is not None and year is not None:
            reference_id = f"{year}{cl.origin.replace(' ', '')}{cl.serial}"
            diags.add("CP012", f"no metadata: reference id {reference_id} derived from the classification line")
            citing_id = reference_id
        elif not meta:
            diags.add("CP013")
    if cl is not None and cl.sections and cl.sections > 1:
        sections = {b.section for b in breaks if b.section}
        if len(sections) + 1 < cl.sections and not (routing is not None and routing.partial):
            diags.add("CP305", f"{cl.sections} sections announced, {len(sections) + 1} found")
    for p in body.paragraphs:
        t = p.text
        # (a block opens with a level word: the text's start, or after a blank line, which
        # few paragraphs hold: found in C first, in fewer steps than the pattern's search)
        # (the keywords are followed by a colon: one character, found in C first)
        if (
            ":" in t
            and (t[:1] in _LEVEL_INITIALS or ("\n\n" in t and _BLOCK_COPY_RE.search(t)))
            and ("TAGS" in t or "SUBJECT" in t or "ags:" in t or "ubject:" in t)
            and any(_HEADER_COPY_RE.match(block) and _HEADER_KEYS_RE.search(block[:2000]) for block in t.split("\n\n"))
        ):
            diags.add("CP304", f"a copy of the header inside the body (paragraph {p.number or 'without number'})")
            break
    references = classify_references(fields.references, year, cited_on, citing_id) if fields.references else ()
    if not fields.tags:
        diags.add("CP203")
    if fields.subject is None:
        diags.add("CP204")

    # positional, in the fields' order: a third cheaper than keywords
    header = Header(
        reference_id,
        created,
        released,
        meta.get("classification") or None,  # classification
        meta.get("origin") or None,  # origin
        # (ids as canonical text reads them back: a csv column may pad them with spaces)
        tuple(filter(None, map(str.strip, meta.get("referenced_ids", "").split("|")))),  # referenced_ids
        cl,  # classification_line
        tuple(fields.captions),
        tuple(fields.handling),
        fields.executive_order,
        tuple(fields.tags),
        fields.subject,
        fields.subject_marking,
        tuple(references),
        fields.classified_by,
    )
    return Cable(
        header,
        routing,
        (*unplaced_routing, *fields.preamble),  # preamble
        tuple(body.paragraphs),
        tuple(breaks),  # page_breaks
        body.signature,
        tuple(body.trailer),
        (),  # unplaced
        tuple(diags.items),  # diagnostics
    )
