"""The header fields at the top of the cable text.

In their usual order: the classification line, captions (``SIPDIS``, ``SENSITIVE``),
attention and passing lines, ``E.O.``, ``TAGS``, ``SUBJECT``, ``REF`` and
``Classified By``.  The order is not fixed, keywords are misspelt, and reflowed records
run several fields together on one line; such lines are split at the next keyword.
The header ends at the first numbered paragraph or the first line that is no header
field once E.O., TAGS or SUBJECT have been seen.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterator
from itertools import repeat
from types import ModuleType
from typing import Protocol

from ..diagnostics import Collector
from ..models import ClassificationLine, ClassifiedBy, ExecutiveOrder, PageBreak, Reference
from .body import MAX_TITLE, RULE_CHARS, heading_at_end, inline_heading, is_rule, rule_opens_box
from .lines import (
    CUT_SHORT,
    PARTIAL_SENTENCE,
    Line,
    is_blank,
    joined,
    marker_at,
    next_text,
    split_marker,
    split_run_on_page_headers,
    strip_inline_markers,
    without_backslash_residue,
    without_escaped_newline,
)
from .markings import CAPTION_WORDS, PARA_START_RE, split_marking

__all__ = [
    "HeaderFields",
    "attention_like",
    "boxed_heading_line",
    "captions_alone",
    "classify_references",
    "cuts_ref_line",
    "ends_ref_block",
    "field_run_on",
    "handling_like",
    "holds_field",
    "is_handling_notice",
    "is_preamble_end",
    "is_record_line",
    "is_title_like_level",
    "joins_into_ref_field",
    "match_classification_line",
    "opens_classified_by",
    "opens_field",
    "opens_like_bullet",
    "opens_marked_text",
    "opens_with_caption",
    "parse_header",
    "reasons_of",
    "ref_block_heading",
    "reference_items",
]

_LEVEL_RE = re.compile(
    r"\s*(U\s?N\s?C\s?L\s?A\s?S(?:\s?S\s?I\s?F\s?I\s?E\s?D)?|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L"
    r"|S\s?E\s?C\s?R\s?E\s?T|LIMITED\s+OFFICIAL\s+USE|TOP\s+SECRET)(?=\s|$)",
    re.I,
)
# the caveat "Encrypt For Transmission Only" between the level and the origin
_EFTO_RE = re.compile(r"E\s?F\s?T\s?O(?=\s|$)\s*", re.I)
# SECTION, often misspelt (SCTION, SECTIN ...): the "nn OF mm" after it is the signal
_SECTION_RE = re.compile(r"(?:S\s?E\s?C\s?T\s?I\s?O\s?N|[SE][A-Z]{3,6})\s*(\d{1,3})\s+OF\s+(\d{1,3})\s*", re.I)
# a two-digit year before the origin words and the serial (the older telegrams'
# ``CONFIDENTIAL 75 LIBREVILLE 1895``): the year and the spaces after it
_YEAR_BEFORE_ORIGIN_RE = re.compile(r"\d\d +(?=[A-Z][A-Z.-]+(?: [A-Z][A-Z.-]+){0,2} +\d{3,6}(?!\S))")
_EO_RE = re.compile(r"(?:E\s?\.\s?[O0]\s?\.?|EO\.?)\s*(\d{4,5})\b\s*[:.;,]?\s*(.*)", re.I)
_DECL_DATE_RE = re.compile(r"(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})")
_TAGS_RE = re.compile(
    r"(?:(TAGS)\b\s*[:;,.]?|(TAGE|TAGES|TAG|TAS|TABS|TGS|AGS)\s*[:;]|(TAG)\s+(?=[A-Z]{2,5},))\s*(.*)", re.I
)
_SUBJECT_RE = re.compile(r"(?:(SUBJECT)\b\s*[:.;-]?|(SUBJ|UBJECT|SUBJEC|SUBECT|SUJECT|SUBJET)\s*[:.;])\s*(.*)", re.I)
# the SUBJECT keyword again at the start of the subject (with its colon: a subject may open
# with the word)
_SUBJECT_TWICE = "the SUBJECT keyword written twice: the subject is read past the second"
_CLBY_TWICE = "the Classified By keyword written twice: the value is read past the second"
_SUBJECT_AGAIN_RE = re.compile(r"SUBJ(?:ECT)?\s*:\s*(?=\S)", re.I)
_REF_RE = re.compile(
    r"(?:PROGRAM\s+)?(?:REFTELS?|REFS?|REF\s?\(S\)|REFERENCES?\s*:)(?![A-Za-z0-9])\s*[:.]?\s*(.*)", re.I
)
_CLBY_RE = re.compile(r"(?:\(?\s{0,3}(U)\s{0,3}\)\s*)?CLASS?I?FI?E?D\s+BY\b\s*:?\s*(.*)", re.I)
_REASON_RE = re.compile(r"1\s?[.,]\s?([2-6])")
# (the letter first, the character before it looked at from past it: the engine skips to
# the letters, where a look behind first is tried at every character)
_REASON_LETTER_RE = re.compile(r"([a-hA-H])(?<![A-Za-z].)(?![A-Za-z])")
# an ``AND`` broken by spaces (``A ND``, ``an d``, ``A N D``)
_BROKEN_AND_RE = re.compile(r"(?<![A-Za-z])a ?n ?d(?![A-Za-z])", re.I)
# a word of two letters or more after a reason's number, other than the words between its
# letters (``and``, ``or``)
_REASON_WORD_RE = re.compile(r"(?<![A-Za-z])(?!(?:and|or)(?![A-Za-z]))[A-Za-z]{2,}", re.I)
_TAG_CODES_RE = re.compile(r"[A-Z]{2,5}(?:\s*,\s*[A-Z]{2,5})*+\s*,?$")
# where a reflowed line holds the next field: the keyword after a space (any run of
# spaces inside it, so that a line reads the same before and after its spaces are folded).
# Each keyword's forms are grouped under their first letter, and each pattern first
# asks for one of the first letters it allows: most spaces of a line are passed over
# with one test of the character after them
_K_EO = r"E(?:\.\s*O\.\s*1\d{3,4}\b|O\s+1\d{4}\b)"
_K_TAGS = r"T(?:AGS?\s*:|ags\s*:)"
_K_SUBJ = r"S(?:UBJECT\s*:|ubject\s*:|UBJ\s*:)"
_K_REF = r"R(?:EFS?\s*:|EFTELS?\s*:|EF\(S\)\s*:|efs?\s*:|eftels?\s*:)"
_K_CLBY = r"C(?:LASSIFIED\s+BY\b|lassified\s+[Bb]y\b)"
_K_PARA = r"\d{1,2}\.\s*\(\s*[A-Z]{1,3}(?:/{1,2}[A-Z]{1,4})?\s*\)"
_SPLIT_ALL = re.compile(rf"\s(?=[ETSRC\d])(?={_K_EO}|{_K_TAGS}|{_K_SUBJ}|{_K_REF}|{_K_CLBY}|{_K_PARA})")
_SPLIT_AFTER_SUBJECT = re.compile(rf"\s(?=[RC\d])(?={_K_REF}|{_K_CLBY}|{_K_PARA})")
_SPLIT_CLBY_PARA = re.compile(rf"\s(?=[C\d])(?={_K_CLBY}|{_K_PARA})")
# in a Classified By value: a numbered paragraph's opening, or a portion marking that opens
# the text right after the reasons (reflowed: ``... 1.4 (b) and (d) (C) HMG is ...``),
# after a closing parenthesis, a reason's letter or a full stop and before a capitalised
# word that is no conjunction nor a reason's letter (``(B) (C) AND (D)`` lists reasons)
_K_MARKED = r"\((?:[UCS]|SBU|TS)(?:/{1,2}[A-Z]{1,4})?\)\s+(?!(?:AND|OR|[A-H])(?:[\s,.)]|$))[A-Z]"
# (each branch opens with the white space it cuts at, found from its literal first: a
# look behind first would be tried at every character)
_SPLIT_PARA = re.compile(rf"\s(?:(?=\d)(?={_K_PARA})|(?<=[)a-hA-H.]\s)\s*(?={_K_MARKED}))")
_MARKED_RE = re.compile(_K_MARKED)
_BEFORE_MARKED = frozenset(")abcdefghABCDEFGH.")  # (the look behind's characters above)
_NUMBER_GLUED_RE = re.compile(r"\d{1,2}\.[A-Z][A-Za-z]")
_OPENS_TEXT_FIRST = frozenset("(0123456789")
# in a REF block: any field but another REF keyword, which stays with the items
_SPLIT_IN_REFS = re.compile(rf"\s(?=[ETSC\d])(?={_K_EO}|{_K_TAGS}|{_K_SUBJ}|{_K_CLBY}|{_K_PARA})")
# (on a TAGS line a separator counts as a space: the tags are written back joined by ", ";
# the line is folded, one space at most after the first character)
_SPLIT_AFTER_TAGS = re.compile(rf"[\s,;][ \t]*+(?=[SRCE\d])(?={_K_SUBJ}|{_K_REF}|{_K_CLBY}|{_K_PARA}|{_K_EO})")
# what each keyword above opens with (a paragraph's number: a full stop, then a
# parenthesis): a line that holds none holds no field.  The patterns above try every space
# of a line, these are found in C: a long line is looked at in a fraction of the time
#: a header line longer than this is looked at by cheap tests first
_LONG_LINE = 120
_KEYWORD_HINTS = ("E.", "EO", "TAG", "Tag", "SUBJ", "Subj", "REF", "Ref", "CLASSIFIED", "Classified")
_PARA_HINT_RE = re.compile(r"\.\s*+\(")


def _may_hold_field(text: str) -> bool:
    """False when no ``_SPLIT_*`` pattern can find a field in ``text``."""
    for hint in _KEYWORD_HINTS:  # (a loop: a generator costs more per step)
        if hint in text:
            return True
    return _PARA_HINT_RE.search(text) is not None


def _find_field(splitter: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """``splitter.search(text, pos)``, with the cheap test first (the keyword hints; the
    Classified By splitter's marking branch has none but a parenthesis)."""
    if len(text) > _LONG_LINE and not _may_hold_field(text) and (splitter is not _SPLIT_PARA or "(" not in text):
        return None
    return splitter.search(text, pos)


_CAPTIONS_MULTI = (
    ("SENSITIVE", "BUT", "UNCLASSIFIED"),
    ("FOR", "OFFICIAL", "USE", "ONLY"),
    ("LIMITED", "OFFICIAL", "USE"),
    ("EYES", "ONLY"),
)
_HANDLING_WORDS = (" FOR ", "PASS", "FOR ", "DEPT ", "STATE ", "ALSO ", "ATTN", "PLEASE")


class HeaderFields:
    """The header fields found in the cable text (a mutable builder)."""

    __slots__ = (
        "captions",
        "classification_line",
        "classified_by",
        "executive_order",
        "handling",
        "preamble",
        "references",
        "subject",
        "subject_marking",
        "tags",
    )

    def __init__(self) -> None:
        self.preamble: list[str] = []
        self.classification_line: ClassificationLine | None = None
        self.captions: list[str] = []
        self.handling: list[str] = []
        self.executive_order: ExecutiveOrder | None = None
        self.tags: list[str] = []
        self.subject: str | None = None
        self.subject_marking: str | None = None
        self.references: list[Reference] = []
        self.classified_by: ClassifiedBy | None = None


def is_tags_keyword(line: str) -> bool:
    """True when ``line`` opens with a TAGS keyword (``TAGS:``, ``TAGS``, ``TAGE:`` ...)."""
    s = line.lstrip()
    return s[:1] in _TAGS_FIRST and _TAGS_RE.match(s) is not None


def _fold(s: str) -> str:
    return " ".join(s.split())


def _without_markers(text: str, lineno: int, breaks: list[PageBreak] | None, diags: Collector) -> str:
    """``text`` (a field's joined lines) without the continuation markers in it, nor a
    backslash at its end (the csv dump's escaped newline, brought in from the next line)."""
    if breaks is not None and "OF 0" in text:
        text = _fold(strip_inline_markers(lineno, text, breaks, diags))
    return without_escaped_newline(text)


_LEVEL_FIRST = frozenset("UCSLTucslt")  # the first letters _LEVEL_RE accepts
# the level words of one word, spaced out or not (the others are ``LIMITED OFFICIAL USE``
# and ``TOP SECRET``)
_ONE_WORD_LEVELS = frozenset({"UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET"})


@functools.lru_cache(maxsize=256)
def _level_of(raw_level: str) -> str:
    """``C O N F I D E N T I A L`` -> ``CONFIDENTIAL``; ``limited  official use`` -> ``LIMITED OFFICIAL USE``;
    a spaced word with a space lost (``CO N F I D E N T I A L``, 06BOGOTA5603) closed up too."""
    # (``_LEVEL_RE`` reads a one-word level, spaced out or not, or ``LIMITED OFFICIAL USE``
    # or ``TOP SECRET``, their words apart by any white space)
    words = raw_level.upper().split()
    closed = "".join(words)
    return closed if closed in _ONE_WORD_LEVELS else " ".join(words)


def match_classification_line(s: str) -> tuple[ClassificationLine, str] | None:
    """The classification line at the start of ``s`` and the text after it, or None.

    A whole line (origin words and a serial) whose level word the page damaged is read
    too (:func:`_damaged_classification_line`): ``C C O N F I D E N T I A L SECTION 01 OF
    02 MADRID 000779``, ``E C R E T SANAA 000473``, ``NCLAS SECTION 01 OF 02 BRASILIA
    001017``, ``.C O N F I D E N T I A L PANAMA 000829``.
    """
    t = s.lstrip()
    c = t[:1]
    if c not in _LEVEL_FIRST:
        # (a level word that lost its first letter, or a mark before one)
        if c in _MARKS or (c in _LOST_LETTER and t.startswith(_LOST_WORDS)):
            return _damaged_classification_line(s)
        return None
    if _LEVEL_RE.match(s) is None and "  " not in s[:60] and "\t" not in s[:60]:
        # (no level word, nor one spaced out: the cheap test first; but a level word
        # with its first letter doubled)
        if c in _DOUBLED_FIRST and (t[1:2] == c or (t[1:2] == " " and t[2:3] == c)):
            return _damaged_classification_line(s)
        return None
    # the routing split and the header parser look at the same line: a short one is read once
    return _classification_line_cached(s) if len(s) <= 200 else _classification_line(s)


# marks a page may put before a level word, the level words' first letters it may
# double, and the level words with their first letter lost, with that letter
_MARKS = frozenset("\"'.")
_DOUBLED_FIRST = frozenset("CSU")
_LOST_WORDS = ("O N F I D", "ONFID", "E C R E T", "ECRET", "NCLAS", "N C L A S")
_LOST_LETTER = {"O": "C", "E": "S", "N": "U"}
#: the first characters of a classification line, its level word damaged included
CLASSIFICATION_FIRST = _LEVEL_FIRST | _MARKS | frozenset(_LOST_LETTER)


def _damaged(line: ClassificationLine) -> bool:
    """True when ``line`` was read by :func:`_damaged_classification_line`: its level word, as
    written, is none (a level word's first letter opens a whole one, and is not doubled)."""
    raw = line.raw
    first = (line.level or " ")[0]
    a, b, c = raw[:1].upper(), raw[1:2].upper(), raw[2:3].upper()
    if a == first and b != first and not (b == " " and c == first):
        return False
    return _LEVEL_RE.match(raw) is None


def _damaged_classification_line(s: str) -> tuple[ClassificationLine, str] | None:
    """A whole classification line (origin words and a serial) whose level word WikiLeaks'
    text damaged, with the text after it: a mark before it (``"``, ``.``), its first letter
    doubled (``C C O N F I D E N T I A L``, ``CC O N F``, ``SS E C R E T``, ``UUNCLAS``)
    or lost (``O N F I D E N T I A L``, ``E C R E T``, ``NCLAS``).  The level is read as
    meant; ``raw`` is the line as written (folded)."""
    t = s.strip()
    if t[:1] in _MARKS:
        t = t[1:].lstrip()
    if len(t) < 4:
        return None
    if t[0] in _DOUBLED_FIRST and (t[1] == t[0] or (t[1] == " " and t[2] == t[0])):
        t = t[1:].lstrip()  # (a doubled letter: one of the two goes)
    elif t.startswith(_LOST_WORDS):
        t = _LOST_LETTER[t[0]] + (" " if t[1] == " " else "") + t
    elif t is s or _LEVEL_FIRST.isdisjoint(t[:1]):
        return None  # (no damage to mend, and no mark before a level word)
    if _LEVEL_RE.match(t) is None:
        return None
    found = _classification_line(t)
    if found is None or found[0].serial is None or not (found[0].origin or found[0].sections):
        return None
    line, rest = found
    written = _fold(s)
    raw = written[: len(written) - len(rest)].rstrip() if rest else written
    # (the level as meant, the line as written)
    mended = ClassificationLine(
        level=line.level, section=line.section, sections=line.sections, origin=line.origin, serial=line.serial, raw=raw
    )
    return mended, rest


def _title_like(found: tuple[ClassificationLine, str]) -> bool:
    """True for a classification line read by :func:`match_classification_line` that
    is no whole one and has nothing after it (``CONFIDENTIAL``, ``CONFIDENTIAL 0``): over
    a rule, it is a heading's title."""
    line, rest = found
    return not rest and (line.serial is None or not line.origin)


def is_title_like_level(s: str) -> bool:
    """True when the folded line ``s`` is a classification level that over a rule reads
    as a heading's title (:func:`_title_like`)."""
    found = match_classification_line(s)
    return found is not None and _title_like(found)


def _classification_line(s: str) -> tuple[ClassificationLine, str] | None:
    m = _LEVEL_RE.match(s)
    if m is None:
        # a level word spaced out with runs of spaces (``UNC    LAS``, control characters
        # read as spaces) is read as its folded line is: as written back, folded
        head = s[:60]
        if "  " in head or "\t" in head:
            folded = " ".join(s.split())
            if _LEVEL_RE.match(folded) is not None:
                return _classification_line(folded)
        return None
    level = _level_of(m.group(1))
    pos = m.end()
    rest = s[pos:]
    section = sections = None
    stripped = rest.lstrip()
    if stripped[:1] in "Ee":
        caveat = _EFTO_RE.match(stripped)
        if caveat is not None:  # ``UNCLAS E F T O SECTION 01 OF 08 LONDON 002622``: kept in ``raw`` only
            stripped = stripped[caveat.end() :]
    sm = _SECTION_RE.match(stripped)
    if sm:
        section, sections = int(sm.group(1)), int(sm.group(2))
        stripped = stripped[sm.end() :]
    # origin words, then the serial: among the first eight words (a word of digits, or
    # digits glued to what follows: 000409SIPDIS)
    if stripped[2:3] == " " and stripped[:2].isdecimal():
        # a year before the origin words, as the older telegrams have it
        # (``C O N F I D E N T I A L 75 LIBREVILLE 1895``): kept in ``raw`` only
        year = _YEAR_BEFORE_ORIGIN_RE.match(stripped)
        if year is not None:
            stripped = stripped[year.end() :]
    base = len(s) - len(stripped)
    origin: list[str] = []
    serial: int | None = None
    cut = 0
    end = 0  # where the word before ends
    for w in stripped.split(None, 8)[:8]:
        # (the word's place: the first of its characters after the word before)
        start = stripped.find(w, end)
        end = start + len(w)
        if w.isdecimal():
            if len(w) <= 9:
                serial, cut = int(w), end
            break
        if w[:1].isdecimal() and len(w) > 3:
            j = 0
            while j < len(w) and w[j].isdecimal():
                j += 1
            if 3 <= j <= 9:
                serial, cut = int(w[:j]), start + j
                break
        origin.append(w)
    if serial is None:
        # (words after a bare level: no classification line, unless a header field runs on)
        if stripped.strip() and sm is None and not _SPLIT_ALL.match(" " + stripped):
            return None
        raw = _fold(s[:base]) if stripped.strip() else _fold(s)
        return ClassificationLine(level=level, section=section, sections=sections, raw=raw), stripped.strip()
    return (
        ClassificationLine(
            level=level,
            section=section,
            sections=sections,
            origin=" ".join(origin).upper() or None,
            serial=serial,
            raw=_fold(s[: base + cut]),
        ),
        stripped[cut:].strip(),
    )


_classification_line_cached = functools.lru_cache(maxsize=256)(_classification_line)


def _subject_past_blank(
    lines: list[Line],
    i: int,
    parts: list[str],
    h: HeaderFields,
    wrapped: Callable[[int], bool],
    *,
    canonical: bool,
    top: int,
) -> int | None:
    """Where the subject's lines go on past the blank line ``i`` (the index of its last
    line there, its lines added to ``parts``), or None.  The subject's line is a long one
    (a line the page wrapped) that ends no sentence; the lines below, each past blank
    lines (three at most, each but the last a line the page wrapped too), hold four
    letters at least, open no field, paragraph, rule or caption, hold no field run on to
    them, no caption, serial or handling word (``FOR``, ``PASS``), and are written as the
    subject is (in capitals when it is); and a header field not read yet follows the last,
    past blank lines or on the next line (a numbered paragraph only where the subject
    ends in a comma or a word such as ``AND``: it follows a title too).  The subject
    wrapped on a page whose line ends were read twice.  A header whose lines all stand
    apart shows it too: the SUBJECT line (index ``top``) and the TAGS or E.O. line above
    it each below a blank line (08TALLINN326).

    Where the subject's line ends in no white space, one line goes on with it when it
    names the Secretary and the system's ``SIPDIS`` caption stands alone below it, a
    field not read yet below that (07THEHAGUE566: ``... TREASURY UNDER`` / /
    ``SECRETARY LEVEY'S MESSAGE`` / / ``SIPDIS`` / / ``Classified By: ...``)."""
    last = parts[-1].rstrip() if parts else ""
    if len(parts[0]) < _WRAPPED_SUBJECT or last[-1] in ".!?;":
        return None  # (a subject line the page wrapped is a long one; a colon goes on)
    n = len(lines)
    j = next_text(lines, i)
    if j >= n or _no_subject_line(lines[j][1].strip()):
        return None  # (the first line below, whatever the layout: the cheap tests first)
    apart = _apart_from_field_above(lines, top)
    layout = apart or wrapped(lines[i - 1][0])
    if not layout and canonical:
        return None  # (canonical text writes the subject on one line)
    taken: list[str] = []
    j = i
    for _ in range(_SUBJECT_WRAPS if layout else 1):
        j = next_text(lines, j)
        if j >= n:
            return None
        cand = lines[j][1].strip()
        if not layout and "SECRETARY" not in cand.upper():
            return None
        if _no_subject_line(cand):
            return None
        k = next_text(lines, j + 1)
        below = lines[k][1].strip() if k < n else ""
        if not layout:
            # (the caption that the system set below a line naming the Secretary)
            if below != "SIPDIS":
                return None
            k = next_text(lines, k + 1)
            below = lines[k][1].strip() if k < n else ""
            if not _field_to_come(below, h) or below[0].isdecimal() or not _subject_like(cand, last):
                return None
            parts.append(cand)
            return j + 1
        field = _field_to_come(below, h)
        if not field and (k == j + 1 or not below or not (apart or wrapped(lines[j][0]))):
            return None  # (neither a field below it, nor another line of the subject's)
        if not _subject_like(cand, last):
            return None
        taken.append(cand)
        if field:
            above = taken[-2] if len(taken) > 1 else last
            # (a numbered paragraph: only below a subject cut after a word that cannot end it)
            if below[0].isdecimal() and not (above[-1] == "," or above.rsplit(None, 1)[-1].upper() in _CARRIES_ON):
                return None
            parts.extend(taken)
            return j + 1
        j = k
    return None


def _no_subject_line(cand: str) -> bool:
    """True when ``cand``, a line that is not blank, stripped, is no line of a subject
    below a blank line: a long one, or one that opens a paragraph, a rule or a field, or
    holds fewer than four letters (the cheap tests first: below the subject most cables
    have a field or a paragraph)."""
    return (
        len(cand) > _MAX_SUBJECT_LINE
        or cand[0].isdecimal()
        or cand[0] in RULE_CHARS
        or opens_field(cand)
        or len(_LETTERS_RE.findall(cand)) < 4
    )


def _reasons_past_blank(lines: list[Line], i: int, parts: list[str]) -> int | None:
    """Where a Classified By value goes on past the blank line ``i``: the index of the
    next line with text, a short one that gives reasons, when the value was cut after the
    word before its reasons (``... FOR REASONS``, ``... reason:``) and the line opens with
    a reason's number (``1.4 B, D``), or when the value, without reasons yet, was cut after
    a comma and the line ends with its reasons (``REASON: 1.4 (b), (d)``); or None."""
    value = parts[-1].rstrip()
    words = value.rstrip(" :").rsplit(None, 1)
    before = bool(words) and words[-1].upper() in _BEFORE_REASONS
    if not before and (value[-1:] != "," or reasons_of(" ".join(parts))):
        return None
    j = next_text(lines, i)
    if j >= len(lines) or j > i + 2:
        return None
    nxt = lines[j][1].strip()
    if len(nxt) > _MAX_REASONS_LINE and (at := _field_cut(nxt, _SPLIT_PARA)) is not None:
        # (the text's first paragraph run on to the reasons in a reflowed line, ``1.4 (b)
        # 1. (C) Summary: ...``, 09VATICAN106: the value takes the line up to it, as it
        # takes a line of its own)
        nxt = nxt[: at[0]].rstrip()
    if len(nxt) > _MAX_REASONS_LINE or not reasons_of(nxt):
        return None
    if before:
        return j if _REASON_NUMBER_RE.match(nxt) else None
    # (a value cut after a comma: the rest of it, its reasons at its end, ``Embassy
    # Tripoli,`` / / ``Department of State. REASON: 1.4 (b), (d)``, 09TRIPOLI260)
    return j if _REASON_WORD_AT_END_RE.search(nxt) and not opens_field(nxt) else None


# the last word of a Classified By value cut before its reasons
_BEFORE_REASONS = frozenset({"REASON", "REASONS", "FOR"})
# a line that opens with a reason's number (``1.4``, ``1.5``)
_REASON_NUMBER_RE = re.compile(r"1\.[4-6]\b")
# the word before the reasons, then a reason's number, at the end of a line
_REASON_WORD_AT_END_RE = re.compile(r"\breasons?\b[^\n]{0,30}1\.[4-6]\b[^\n]{0,30}$", re.I)
#: the longest line of reasons below a blank line that a Classified By value goes on with
_MAX_REASONS_LINE = 60


def _apart_from_field_above(lines: list[Line], top: int) -> bool:
    """True when the line ``top`` and the TAGS or E.O. line above it each stand below a
    blank line (a header whose lines all stand apart; those fields stand together in
    cables as written, and in canonical text)."""
    if top < 3 or lines[top - 1][1].strip() or lines[top - 3][1].strip():
        return False
    return _field_kind(lines[top - 2][1].strip()) in (_TAGS_RE.pattern, _EO_RE.pattern)


def _subject_like(cand: str, subject: str) -> bool:
    """True when the stripped line ``cand`` reads as a line of the subject whose last line
    is ``subject`` (see :func:`_subject_past_blank`)."""
    up = cand.upper()
    return not (
        (subject.upper() == subject and up != cand)
        or _captions_of(cand)[0]
        or any(w in up for w in _HANDLING_WORDS)
        or _field_cut(cand, _SPLIT_ALL) is not None
        # (nor a line of a header's copy: a caption, a serial; the copy's fields, run on
        # to it here, are lines of their own in canonical text)
        or not CAPTION_WORDS.isdisjoint(up.split())
        or _SERIAL_WORD_RE.search(cand) is not None
    )


#: how many lines past blank lines a subject may go on with
_SUBJECT_WRAPS = 3
#: the longest line a subject wrapped past a blank line goes on with (the rest of a long
#: subject on one line: 09LONDON290)
_MAX_SUBJECT_LINE = 160
#: the shortest subject line that the page can have wrapped
_WRAPPED_SUBJECT = 30
_LETTERS_RE = re.compile(r"[A-Za-z]")
# a word of five digits or more (a serial)
_SERIAL_WORD_RE = re.compile(r"(?<!\S)\d{5,}(?!\S)")
# words a subject cannot end with: it goes on past them
_CARRIES_ON = frozenset({"AND", "OR", "OF", "THE", "TO", "ON", "WITH", "FOR", "IN", "A", "AN", "AT", "BY", "FROM"})


def _field_to_come(s: str, h: HeaderFields) -> bool:
    """True when the stripped line ``s`` opens a header field that ``h`` has not read yet
    (E.O., TAGS, REF, Classified By), or a numbered paragraph: a field read already,
    or a second SUBJECT, ends the header there, and the line above it is text."""
    c = s[:1]
    if not c:
        return False
    if c.isdecimal():
        return opens_field(s)
    return bool(
        (c in _EO_FIRST and h.executive_order is None and _EO_RE.match(s))
        or (c in _TAGS_FIRST and not h.tags and _TAGS_RE.match(s))
        or (c in _REF_FIRST and not h.references and _REF_RE.match(s))
        or (c in _CLBY_FIRST and h.classified_by is None and _CLBY_RE.match(s))
    )


def _opens_upper(s: str) -> bool:
    """True when ``s`` opens with three words whose letters are all upper case."""
    words = s.split(None, 3)[:3]
    head = " ".join(words)
    return len(words) == 3 and head.upper() == head and any(c.isalpha() for c in head)


# what ends a reason's letters: the next reason's number, or a line's end (the first of
# them found in one search)
_REASON_STOP_RE = re.compile(r"1[.,]|\n")


def reasons_of(text: str) -> tuple[str, ...]:
    """Classification reasons named in a Classified By statement: ``("1.4(b)", "1.4(d)")``."""
    out: list[str] = []
    for m in _REASON_RE.finditer(text):
        tail = text[m.end() : m.end() + 40]
        up = tail.upper()
        if " ND" in up or "N D" in up:
            # (an ``AND`` that the page's line split broke: ``1.4 (B) A ND (D)``, ``an d``)
            tail = _BROKEN_AND_RE.sub("and", tail)
        stop = _REASON_STOP_RE.search(tail)
        cut = len(tail) if stop is None else stop.start()
        # (the letters end at a word: ``1.4(b,d) This is a corrected copy``, 08DAMASCUS146)
        word = _REASON_WORD_RE.search(tail, 0, cut)
        if word is not None:
            cut = word.start()
        section = f"1.{m.group(1)}"
        for lm in _REASON_LETTER_RE.finditer(tail[:cut]):
            r = f"{section}({lm.group(1).lower()})"
            if r not in out:
                out.append(r)
    return tuple(out)


def _decl_date(rest: str) -> _dt.date | None:
    k = rest.upper().find("DECL")
    if k < 0:
        return None
    m = _DECL_DATE_RE.search(rest, k)
    if m is None or m.start() - k > 12:
        return None
    a, b, c = m.group(1), m.group(2), m.group(3)
    try:
        if len(a) == 4:
            return _dt.date(int(a), int(b), int(c))
        y = int(c)
        if len(c) <= 2:
            y += 2000
        return _dt.date(y, int(a), int(b))
    except ValueError:
        return None


def parse_executive_order(s: str) -> ExecutiveOrder | None:
    """An E.O. line, or None."""
    # (the same lines recur, ``E.O. 12958: N/A``: a short one's result, immutable, is kept)
    return _executive_order_line(s) if len(s) <= 200 else _read_executive_order(s)


def _read_executive_order(s: str) -> ExecutiveOrder | None:
    m = _EO_RE.match(s)
    if m is None:
        return None
    return ExecutiveOrder(order=m.group(1), declassify_on=_decl_date(m.group(2)), raw=_fold(s))


_executive_order_line = functools.lru_cache(maxsize=1024)(_read_executive_order)


_SEPARATOR_RES = {",;": re.compile("[,;]")}


def _split_outside_parens(text: str, separators: str | None) -> list[str]:
    """``text`` cut at separators (white space when ``None``) that stand outside parentheses."""
    if "(" not in text:
        return text.split() if separators is None else _SEPARATOR_RES[separators].split(text)
    pieces: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        if depth == 0 and (ch.isspace() if separators is None else ch in separators):
            pieces.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    pieces.append("".join(cur))
    return pieces


# the usual TAGS value: codes and comma separators, nothing else
_PLAIN_TAGS_RE = re.compile(r"[A-Za-z0-9]++(?:[ \t]*+,[ \t]*+[A-Za-z0-9]++)++")


def _split_tags(text: str) -> list[str]:
    """Tags of a TAGS line: comma- or space-separated, keeping parentheses together."""
    if _PLAIN_TAGS_RE.fullmatch(text):
        return list(map(str.strip, text.split(","), repeat(" \t")))
    if "," not in text and ";" not in text and "(" not in text:
        return text.split()  # (codes apart by spaces: every word is a tag)
    return _split_tags_general(text)


def _split_tags_general(text: str) -> list[str]:
    """:func:`_split_tags` for any value (the plain one gives the same tags)."""
    items = [item for item in _split_outside_parens(text, ",;") if item.strip()]
    if len(items) == 1:
        # no separators: every word outside parentheses is a tag
        items = [word for word in _split_outside_parens(items[0], None) if word]
    out: list[str] = []
    for item in items:
        item = _fold(item)
        if not item:
            continue
        if "(" not in item and " " in item:
            words = item.split(" ")
            codes = sum(2 <= len(w) <= 5 for w in words)
            if all(w.isupper() and w.isalpha() for w in words) and (
                codes == len(words) or (len(words) >= 3 and codes * 2 > len(words))
            ):
                # (codes apart by spaces, a person's name among them too, as on a line
                # without commas: ``OVIP RICE CONDOLEEZZA KISL PGOV PHUM LE`` over ``SY,
                # IS``, 06PARTO9; an item of words, ``ECONOMIC DEVELOPMENT``, stays whole)
                out.extend(words)
                continue
        out.append(item)
    return out


# (white space inside the parentheses too, as folding leaves it: ``(C )SAN JOSE 01713``)
_BULLET = r"\(\s*([A-Za-z])\s*\)|\[([A-Za-z])\]|([A-Za-z])[.):](?=[\s,;]|[A-Z0-9(]|$)"
_BULLET_RE = re.compile(rf"(?:^|(?<=[\s,;]))(?:{_BULLET})")
# a bullet past the text's start with the white space or separator before it, found from
# that character's class (the look behind above is tried at every character)
_AFTER_SEPARATOR_RE = re.compile(rf"[\s,;](?:{_BULLET})")


def opens_like_bullet(text: str, letter: str) -> bool:
    """True when ``text`` opens like the bullet of the REF item ``letter`` (``B.``,
    ``(b)``, ``[B]``)."""
    m = _BULLET_RE.match(text)
    return m is not None and (m.group(1) or m.group(2) or m.group(3)).upper() == letter


def _bullets(text: str) -> list[tuple[int, int, str]]:
    """The bullets of a REF block's ``text``, a lettering from A on: ``(start, end, letter)``,
    the letter upper-cased (a bullet out of the lettering is none)."""
    bullets: list[tuple[int, int, str]] = []
    expect = "A"
    for start, m in _bullet_matches(text):
        letter = m.group(1) or m.group(2) or m.group(3)
        if letter.upper() != expect:
            continue
        bullets.append((start, m.end(), expect))
        expect = chr(ord(expect) + 1)
    return bullets


def _bullet_matches(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Where each match of ``_BULLET_RE.finditer(text)`` starts, and the match: a bullet
    past the text's start is found with the white space or separator before it (and its
    letter in the same groups; a bullet ends in none, so that the next one's is past the
    end of the last)."""
    m = _BULLET_RE.match(text)
    pos = 0
    if m is not None:
        yield 0, m
        pos = m.end()
    for m in _AFTER_SEPARATOR_RE.finditer(text, pos):
        yield m.start() + 1, m


#: what stands between two REF items, stripped from either end of an item
_ITEM_SEPARATORS = ",; "


def reference_items(text: str) -> list[tuple[str | None, str]]:
    """The items of a REF block (``text`` holds its lines, keyword removed), unclassified:
    ``(letter, text as written)`` pairs, whitespace folded."""
    bullets = _bullets(text)
    out: list[tuple[str | None, str]] = []
    # the items without a letter: the text before the first bullet cut at semicolons, as
    # a block without bullets is at semicolons and newlines (one split: a newline cuts as
    # a semicolon does), those left empty dropped
    for part in (text[: bullets[0][0]] if bullets else text.replace("\n", ";")).split(";"):
        body = _fold(part).strip(_ITEM_SEPARATORS)
        if body:
            out.append((None, body))
    for k, (_s, e, lettered) in enumerate(bullets):
        end = bullets[k + 1][0] if k + 1 < len(bullets) else len(text)
        out.append((lettered, _fold(text[e:end]).strip(_ITEM_SEPARATORS)))
    return out


@functools.cache
def ids_module() -> ModuleType:
    """:mod:`cableparse.ids`, imported on the first call: its station tables load only for
    a cable that needs them."""
    from .. import ids

    return ids


def classify_references(
    items: list[Reference], year: str | None, cited_on: _dt.date | None = None, citing_id: str | None = None
) -> list[Reference]:
    """``items`` with ``kind`` and ``cable_id`` set by :func:`cableparse.ids.classify_reference`.

    ``year`` is the citing cable's two-digit year, ``cited_on`` its date and
    ``citing_id`` its id.
    """
    classify = ids_module().classify_reference
    out: list[Reference] = []
    for r in items:
        kind, cable_id = classify(r.text, year, cited_on, citing_id)
        out.append(Reference(r.letter, r.text, cable_id, kind))  # (positional: letter, text, cable_id, kind)
    return out


def opens_with_caption(s: str) -> bool:
    """True when the line ``s`` opens with a caption (``SIPDIS``, ``SENSITIVE``, ...): in
    the header, it is read as a caption line."""
    return bool(_captions_of(_fold(s))[0])


def _take_marker(s: str, lineno: int, breaks: list[PageBreak], diags: Collector) -> bool:
    """Add the page break that the line ``s`` (cut from line ``lineno``) is, whole, to
    ``breaks``; False when it is none."""
    marker = split_marker(s)
    if marker is None:
        return False
    breaks.append(marker_at(marker, lineno + 1 + diags.offset))
    return True


def holds_field(s: str) -> bool:
    """True when the folded line ``s`` holds a header field past its start (``I REF:``,
    an E.O. keyword glued to the word before it: ``0E.O.12958``), where the header,
    reading it, cuts it in two."""
    return _field_cut(s, _SPLIT_ALL) is not None


def captions_alone(s: str) -> bool:
    """True when the line ``s`` holds captions and nothing else (``SIPDIS``, ``NOFORN
    SIPDIS``): inside a REF block it is a caption, and the list goes on below it."""
    caps, rest = _captions_of(s)
    return _alone(caps, rest)


def is_handling_notice(s: str) -> bool:
    """True when the line ``s`` opens with a caption of several words and holds more
    (``SENSITIVE BUT UNCLASSIFIED; PLEASE HANDLE ACCORDINGLY.``): a handling notice,
    which ends a REF block above it."""
    caps, rest = _captions_of(s)
    return _notice(caps, rest)


def _alone(caps: tuple[str, ...], rest: str) -> bool:
    """:func:`captions_alone`, from what :func:`_captions_of` read."""
    return bool(caps) and not rest


def _notice(caps: tuple[str, ...], rest: str) -> bool:
    """:func:`is_handling_notice`, from what :func:`_captions_of` read."""
    return bool(caps) and bool(rest) and " " in caps[0]


def _captions_of(s: str) -> tuple[tuple[str, ...], str]:
    """Captions at the start of ``s`` and the text after them."""
    if s[:1] in _NO_CAPTION_FIRST:
        return (), s  # (the first word's first character opens no caption: the cheap test first)
    first = _FIRST_TOKEN_RE.match(s)
    if first is None or first.group(1).upper().strip(".-") not in _CAPTION_FIRST_WORDS:
        return (), s
    return _caption_line(s) if len(s) <= 200 else _read_captions(s)


def _read_captions(s: str) -> tuple[tuple[str, ...], str]:
    tokens = s.replace(",", " ").replace(";", " ").split()
    ups = [t.upper().strip(".-") for t in tokens]
    found: list[str] = []
    i = 0
    while i < len(tokens):
        up = ups[i]
        matched = False
        for multi in _CAPTIONS_MULTI:
            if up == multi[0] and tuple(ups[i : i + len(multi)]) == multi:
                found.append(" ".join(multi))
                i += len(multi)
                matched = True
                break
        if matched:
            continue
        if up in CAPTION_WORDS:
            found.append(up)
            i += 1
            continue
        break
    if not found:
        return (), s
    rest = " ".join(tokens[i:])
    return tuple(found), rest


# (the same caption lines recur from cable to cable: SIPDIS, SENSITIVE, NOFORN)
_caption_line = functools.lru_cache(maxsize=1024)(_read_captions)


_FIRST_TOKEN_RE = re.compile(r"[\s,;]*([^\s,;]+)")
_CAPTION_FIRST_WORDS = CAPTION_WORDS | {multi[0] for multi in _CAPTIONS_MULTI}
# the ASCII characters that, opening a line, open its first word (no white space, no
# separator) and stay its first character once it is upper-cased and its dots and dashes
# are stripped, and open no caption word: such a line opens with no caption
_NO_CAPTION_FIRST = frozenset(
    c
    for c in map(chr, range(128))
    if _FIRST_TOKEN_RE.match(c) is not None
    and c not in ".-"
    and not any(word.startswith(c.upper()) for word in _CAPTION_FIRST_WORDS)
)


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def handling_like(s: str) -> bool:
    """True when the folded line ``s`` reads as an attention line where the header is
    read: mostly upper case (or no letters), or short and holding a handling word."""
    if len(s) > 600:
        return False
    up = s.upper()
    if up == s and s.isascii():
        return True  # (no lower-case letter: the letters, if any, are all upper case)
    notice = up.lstrip("- ")
    if notice[:1] == "C" and notice.replace(" ", "").startswith("CORRECTED"):
        return True  # a correction notice: C O R R E C T E D  C O P Y ...
    if s.isascii():
        # letters counted by deleting them from the bytes (C speed)
        data = s.encode()
        upper = len(data) - len(data.translate(None, _ASCII_UPPER))
        letters = upper + len(data) - len(data.translate(None, _ASCII_LOWER))
    else:
        alpha = "".join(filter(str.isalpha, s))
        letters, upper = len(alpha), sum(map(str.isupper, alpha))
    if not letters or upper >= 0.7 * letters:
        return True
    if len(s) > 120:
        return False
    for w in _HANDLING_WORDS:  # noqa: SIM110 - a loop: a generator costs more per step
        if w in up:
            return True
    return False


#: an attention line right below another is kept for being short, up to this length
_SHORT_ATTENTION = 120


def attention_like(s: str, below: bool) -> bool:
    """True when the header keeps the folded line ``s`` as an attention line: when it is
    :func:`handling_like`, or short and ``below`` another attention line."""
    return handling_like(s) or (below and len(s) <= _SHORT_ATTENTION)


def _as_written(text: str, folded: str, pos: int) -> str:
    """``folded[pos:]`` as ``text`` writes it (its white space kept), where ``folded`` is
    ``text`` with its white space folded; ``folded[pos:]`` when it is not."""
    if text == folded:
        return folded[pos:]
    words = text.split()
    if " ".join(words) != folded:
        return folded[pos:]
    k = folded.count(" ", 0, pos)  # the words before the one that holds pos
    into = pos - (folded.rfind(" ", 0, pos) + 1)
    at = 0
    for w in words[: k + 1]:
        at = text.index(w, at) + len(w)
    return text[at - len(words[k]) + into :]


def _take_until_field(lines: list[Line], i: int, text: str, splitter: re.Pattern[str], parts: list[str]) -> bool:
    """Add continuation line ``i`` (``text``) to ``parts``, up to the next field that a
    reflowed line holds; that field is put back as line ``i``.  True when it was cut, or
    when the line is not added at all because joining it would open the next field in
    the part before it (:func:`_joins_into_field`)."""
    tail = parts[-1][-40:]
    if splitter is _SPLIT_IN_REFS or not tail:
        if _joins_into_field(parts, text, splitter):
            return True
        at = _field_cut(text, splitter)
    else:
        # (one search of the joined line tells both what :func:`_joins_into_field` reads
        # and where the line itself holds the next field past its first character)
        start = len(tail) + 2  # where the line starts in the joined one
        joined = f" {tail} {text}"
        m = _find_field(splitter, joined)
        if m is not None and m.start() <= len(tail):
            return True
        if m is not None and m.start() <= start:
            m = splitter.search(joined, start + 1)
        at = None if m is None else (m.start() - start, m.end() - start)
    if at is None:
        parts.append(text)
        return False
    parts.append(text[: at[0]].rstrip())
    lines[i] = (lines[i][0], text[at[1] :])
    return True


def _joins_into_field(parts: list[str], nxt: str, splitter: re.Pattern[str]) -> bool:
    """True when the continuation line ``nxt``, joined to the field's last part, makes
    ``splitter`` find the next field opening in that part (``Classified By: ... 1.`` and
    ``(C) Text``): canonical text writes the field on one line and would cut it there,
    so the line is not joined."""
    tail = parts[-1][-40:]
    if not tail:
        return False
    joined = f" {tail} {nxt}"
    # (in a REF block, a field after the semicolon between two items counts too)
    if splitter is _SPLIT_IN_REFS:
        cut = _ref_cut(joined)
        return cut is not None and cut[0] <= len(tail)
    m = _find_field(splitter, joined)
    return m is not None and m.start() <= len(tail)


def joins_into_ref_field(above: str, line: str) -> bool:
    """True when the line ``line`` of a REF block, joined to the line ``above`` it, makes a
    field or a paragraph's opening of the end of ``above`` (``... 1.`` and ``(U)``): the
    block ends above it."""
    return _joins_into_field([above], line, _SPLIT_IN_REFS)


def _field_cut(text: str, splitter: re.Pattern[str]) -> tuple[int, int] | None:
    """Where ``text`` (a header line past its first character) holds the next field, as
    the span to cut out: where ``splitter`` finds it, and in a REF block also after the
    semicolon between two items (:func:`_ref_cut`)."""
    if splitter is _SPLIT_IN_REFS:
        return _ref_cut(text)
    cut = _find_field(splitter, text, 1)
    if splitter is _SPLIT_ALL and "E.O" in text:
        # an E.O. line glued to the text before it (a mail export's lines run together:
        # ``SIPDISE.O. 12958: DECL: ...``, ``FROM THE AMBASSADORE.O. 12958: ...``), in a
        # line that is no field's (the lines of a field's value are read on to the next
        # field as written, a glued keyword within them)
        glued = _GLUED_EO_RE.search(text, 1)
        if glued is not None and (cut is None or glued.start() < cut.start()):
            return glued.start(), glued.start()
    return None if cut is None else cut.span()


# an E.O. keyword and its order's number glued to the word before it (the keyword's first
# letter first, the character before it looked at from past it: the engine skips to the
# letter, where a look behind first is tried at every character)
_GLUED_EO_RE = re.compile(r"E(?<=[A-Za-z0-9]E)\.O\.\s?1\d{4}(?!\d)")


def field_run_on(s: str) -> int | None:
    """Where the folded line ``s`` holds a field (or a paragraph's opening) run on to text
    before it, as the header cuts such a line: the field's start, or None."""
    at = _field_cut(s, _SPLIT_ALL)
    return None if at is None else at[1]


def cuts_ref_line(text: str) -> bool:
    """True when the header cuts the line ``text`` of a REF block (past its first
    character) at a next field: a keyword after a space, or after the semicolon between
    two items."""
    return _ref_cut(text) is not None


def _ref_cut(text: str) -> tuple[int, int] | None:
    """Where a line of a REF block holds the next field, as the span to cut out: a
    keyword after a space (``_SPLIT_IN_REFS``), or after the semicolon between two items
    (``STATE 123;TAGS: PREL``), where any field opening counts that the item would be
    read as on a line of its own (another REF keyword stays with the items)."""
    cut = _find_field(_SPLIT_IN_REFS, text, 1)
    end = len(text) if cut is None else cut.start()
    k = text.find(";", 0, end)
    while k >= 0:
        rest = text[k + 1 : end].lstrip()
        if ends_ref_block(rest):
            return k, k + 1
        k = text.find(";", k + 1, end)
    return None if cut is None else cut.span()


# the first characters each keyword pattern can match (IGNORECASE: "ſ" is an "s"); a
# line is tried only against the patterns its first character allows
_EO_FIRST = "Ee"
_TAGS_FIRST = "TtAa"
_SUBJECT_FIRST = "Ssſ" + "Uu"
_REF_FIRST = "RrPp"
_CLBY_FIRST = "Cc(Uu"
_FIELD_KINDS = (
    (_EO_FIRST, _EO_RE),
    (_TAGS_FIRST, _TAGS_RE),
    (_SUBJECT_FIRST, _SUBJECT_RE),
    (_REF_FIRST, _REF_RE),
    (_CLBY_FIRST, _CLBY_RE),
)


_BARE_NUMBER_RE = re.compile(r"\d{1,3}\.$")


def opens_field(s: str) -> bool:
    """True when the stripped line ``s`` opens a header field (E.O., TAGS, SUBJECT, REF,
    Classified By, their misspellings included) or a numbered paragraph."""
    c = s[:1]
    if not c:
        return False
    if c.isdecimal():
        # (a paragraph number alone on its line, its text below, ends a field too)
        return PARA_START_RE.match(s) is not None or _BARE_NUMBER_RE.match(s) is not None
    return bool(
        (c in _EO_FIRST and _EO_RE.match(s))
        or (c in _TAGS_FIRST and _TAGS_RE.match(s))
        or (c in _SUBJECT_FIRST and _SUBJECT_RE.match(s))
        or (c in _REF_FIRST and _REF_RE.match(s))
        or (c in _CLBY_FIRST and _CLBY_RE.match(s))
    )


def opens_classified_by(s: str) -> bool:
    """True when the stripped line ``s`` opens a Classified By line (its misspellings
    included)."""
    return s[:1] in _CLBY_FIRST and _CLBY_RE.match(s) is not None


def ends_ref_block(s: str) -> bool:
    """True when the stripped line ``s`` ends a REF block above it: it opens a header
    field or a numbered paragraph (another REF keyword stays with the items), or names
    the classification's source (``DERIVED FROM: DSCG 05-1 B, D``, 10MEXICO141)."""
    if _names_source(s):
        return True
    return opens_field(s) and not (s[:1] in _REF_FIRST and _REF_RE.match(s))


# the line that names the classification's source, below the header's fields
_DERIVED_RE = re.compile(r"DERIVED FROM\s*:", re.I)


def _names_source(s: str) -> bool:
    """True when the stripped line ``s`` names the classification's source
    (``DERIVED FROM: DSCG 05-1 B, D``)."""
    return s[:1] in "Dd" and _DERIVED_RE.match(s) is not None


# "OF 0" once a line's spaces are folded: a continuation marker that folding shows
_FOLDED_MARKER_RE = re.compile(r"OF\s+0")


def _opens_paragraph(text: str) -> bool:
    """True when ``text`` opens a numbered paragraph as its folded line would, and holds
    no marker that folding shows (the line is then rewritten): read from its first
    characters."""
    return PARA_START_RE.match(" ".join(text[:80].split())) is not None and _FOLDED_MARKER_RE.search(text) is None


def _box_end(lines: list[Line], i: int) -> int:
    """Where the heading that line ``i`` opens, a rule or a title over one, ends: below
    a rule, a title and a rule, or a lone rule, or below the title's rule.  A title
    between two rules is one as the body reads it: 100 characters at most as written,
    and not a paragraph's opening (else the rule is a lone one, and the line below it
    text)."""
    if not is_rule(lines[i][1]):
        return i + 2
    return i + 3 if _opens_box(_Texts(lines), i) else i + 1


def _opens_box(texts: _Indexed, i: int) -> bool:
    """True when the rule ``texts[i]`` opens a box as the body reads one: a title below it
    (100 characters at most as written, no paragraph's opening) and a rule below that."""
    if i + 2 >= len(texts) or not is_rule(texts[i + 2]):
        return False
    title = texts[i + 1]
    s = title.strip()
    return bool(s) and len(s) <= MAX_TITLE and not is_rule(title) and not PARA_START_RE.match(title)


def _fields_past(lines: list[Line], i: int, boxed: bool, room: int, read: frozenset[str]) -> int:
    """Where a header field follows the heading that line ``i`` opens (``boxed``: a rule,
    or a title over one) or the heading run on to it, as :func:`_fields_below` finds it,
    with ``room`` attention lines left to keep, the heading's own line of text among
    them, and ``read`` the kinds of the fields read already (:func:`_kinds_read`); -1 when
    none does.  A box's title that opens a paragraph once folded (``\xa0 2. 0``, which the
    body reads as a title) ends the header there, whatever follows the box."""
    if not boxed or not is_rule(lines[i][1]):
        # (a title over a rule: looked for from the rule, which may open a box as the
        # header reads it next, ``f`` / ``---`` / ``REF`` / ``---``, whose title is no field)
        return _fields_below(lines, i + 1, room - 1, read)
    end = _box_end(lines, i)
    if end == i + 3:
        title = _fold(lines[i + 1][1])
        if title[:1].isdecimal() and PARA_START_RE.match(title):
            return -1
        if _title_ends_header(title, read):
            return -1
    # (the title's line counts: over its rule or between two)
    return _fields_below(lines, end, room if end == i + 1 else room - 1, read)


def _title_ends_header(title: str, read: frozenset[str]) -> bool:
    """True when the header, reading the folded title ``title`` of a box, ends there: it
    opens like a second field of a kind in ``read``, or the header cuts it at a
    paragraph's opening, where the body opens; no field follows the box."""
    return bool(read and opens_field(title) and _field_kind(title) in read) or _cut_at_paragraph(title)


def _cut_at_paragraph(title: str) -> bool:
    """True when the header, reading the folded line ``title``, which opens like no field,
    cuts it at a paragraph's opening (``K 1. (C)``): the body opens there."""
    if opens_field(title):
        return False
    at = _field_cut(title, _SPLIT_ALL)
    return at is not None and title[at[1] :].lstrip()[:1].isdecimal()


def _kinds_read(h: HeaderFields) -> frozenset[str]:
    """The kinds (as :func:`_field_kind` names them) of the fields ``h`` holds that the
    header ends at when it meets a second one: E.O., TAGS, SUBJECT, Classified By (a REF
    keyword again goes on with the items)."""
    return frozenset(
        kind.pattern
        for kind, done in (
            (_EO_RE, h.executive_order is not None),
            (_TAGS_RE, bool(h.tags)),
            (_SUBJECT_RE, h.subject is not None),
            (_CLBY_RE, h.classified_by is not None),
        )
        if done
    )


#: the most attention lines the header keeps, rules aside (canonical text writes them all
#: above the fields, and a heading's rules its own way)
_MAX_ATTENTION = 60


def _title_field(s: str) -> bool:
    """True when the folded title ``s`` of a box opens like a header field or holds one
    past its start."""
    return opens_field(s) or holds_field(s)


def _fields_below(lines: list[Line], i: int, room: int, read: frozenset[str] = frozenset()) -> int:
    """Where a header field follows from line ``i`` (the index of its line), or -1:
    after lines that are neither blank nor rules, all attention lines (lines the header
    would keep: upper-case ones, and short ones right below another), before any line
    that opens a paragraph or holds a paragraph's opening further on, and no more of
    them than the ``room`` left for attention lines (the header keeps
    :data:`_MAX_ATTENTION` at most; canonical text writes them all above the fields).  A
    field opens the line or is run on to an attention line (canonical text writes it on
    the line below).  Rules do not count (canonical text writes a heading's rules its own
    way, a title over one or between two), nor do captions: canonical text writes them
    above the attention lines, where they could not count again; what follows them on
    their line does.  A second field of a kind in ``read``, where the header would end,
    is none."""
    n = len(lines)
    adjacent = True  # no blank line since the last line (the header keeps a short one then)
    while i < n:
        t = lines[i][1]
        i += 1
        if is_blank(t):
            adjacent = False
            continue
        s = _fold(t)
        if s[0] in RULE_CHARS and is_rule(s):
            if _opens_box(_Texts(lines), i - 1) and _title_field(title := _fold(lines[i][1])):
                # a box whose title opens like a field or holds one (``t TAG:``): where the
                # header meets its rule, whether fields follow the box decides, looked for
                # afresh below it, the title never counted (and if they do, the title is
                # read as the field it opens like, or cut at the one it holds); a title
                # cut at a paragraph's opening (``K 1. (C)``) opens the body there
                if _title_ends_header(title, read):
                    return -1
                i += 2
                room = _MAX_ATTENTION
                adjacent = True
                continue
            adjacent = True
            continue
        caps, rest = _captions_of(s)
        if caps and rest:
            if split_marker(rest) is not None:
                # (a continuation marker, whole, after the captions: a page break, the
                # line gone from canonical text; the line below is looked at as below a
                # caption line)
                adjacent = False
                continue
            # canonical text writes the captions above the attention lines, and the rest
            # of the line where it was: the rest is what counts
            s = rest
        if s[0].isdecimal() and PARA_START_RE.match(s):
            return -1
        if opens_field(s):
            return -1 if read and _field_kind(s) in read else i - 1
        if room <= 0:
            # (a field that opens the line below the last attention line the header can
            # keep counts: canonical text writes a field run on to an attention line on a
            # line of its own)
            return -1
        at = _find_field(_SPLIT_ALL, s, 1)
        head = s if at is None else s[: at.start()].rstrip()
        if at is not None and head[:1] in RULE_CHARS and is_rule(head) and i < n:
            title = _as_written(t, s, at.end())
            if _opens_box((head, title, lines[i][1]), 0) and _title_field(title):
                # a rule with a field run on to it over a rule (``--- REF:`` / ``---``):
                # the header cuts the line at the field, and reads a box whose title
                # opens like a field, looked past as above
                i += 1
                room = _MAX_ATTENTION
                adjacent = True
                continue
        if not attention_like(head, adjacent):
            return -1
        if at is not None:
            # fields run together on one line: the first one decides
            field = s[at.end() :].lstrip()
            return -1 if field[:1].isdecimal() or (read and _field_kind(field) in read) else i - 1
        # (a caption line is taken apart from the attention lines: a short line below it
        # is not kept for following one)
        adjacent = not caps or bool(rest)
        if not caps or rest:
            room -= 1
    return -1


#: what :func:`_cut_of` reads in a header line
_Cut = tuple[
    re.Match[str] | None,
    re.Match[str] | None,
    re.Match[str] | None,
    re.Match[str] | None,
    re.Match[str] | None,
    tuple[int, int] | None,
]


def _cut_of(s: str) -> _Cut:
    """How the header reads its folded line ``s`` (not blank): the matches of the field it
    opens (E.O., TAGS, SUBJECT, Classified By, REF; None where it opens none of them), and
    where the line holds the next field, as the span to cut out (reflowed records: one line
    holding several fields), or None."""
    c = s[0]
    m_eo = _EO_RE.match(s) if c in _EO_FIRST else None
    m_tags = None if m_eo or c not in _TAGS_FIRST else _TAGS_RE.match(s)
    m_subj = None if m_eo or m_tags or c not in _SUBJECT_FIRST else _SUBJECT_RE.match(s)
    # (the Classified By and REF matches are kept for parse_header's branches: no first
    # character allows both, so each is tried here whenever its branch would try it)
    m_cl = m_ref = None
    if m_subj:
        splitter = _SPLIT_AFTER_SUBJECT
    elif m_tags:
        splitter = _SPLIT_AFTER_TAGS
    elif c in _CLBY_FIRST and (m_cl := _CLBY_RE.match(s)):
        splitter = _SPLIT_PARA
    elif c in _REF_FIRST and (m_ref := _REF_RE.match(s)):
        splitter = _SPLIT_IN_REFS
    else:
        splitter = _SPLIT_ALL
    at = _field_cut(s, splitter)
    if m_tags or m_subj or m_ref:
        # the next field glued to the keyword (``TAGS:SUBJECT: ...``, ``REF:TAGS: ...``):
        # no value (and the cut there comes first, whatever the line holds further on)
        glued = m_tags or m_subj or m_ref
        value = glued.start(4 if m_tags else 3 if m_subj else 1)  # type: ignore[union-attr]
        if value > 0 and (at is None or value < at[0]) and splitter.match(" " + s[value:]):
            at = (value, value)
    if m_eo and "TAG" in s:
        # a TAGS keyword run on to the declassification date without a space, or after
        # a stray quote, or written TAG without its colon, which the split above does
        # not see: the E.O. line ends there, as canonical text writes it
        glued = _EO_TAGS_RE.search(s)
        if glued is not None and (at is None or glued.start() < at[0]):
            at = glued.span()
    while at is not None and at[0] > 1 and (earlier := _field_cut(s[: at[0]], splitter)) is not None:
        # (the text before the cut holds a field itself once it ends the line, as
        # canonical text writes it: ``X E.O. 12958E.O. 12958``, the first E.O. line
        # glued to the second's keyword: the line is cut at the first)
        at = earlier
    return m_eo, m_tags, m_subj, m_cl, m_ref, at


def parse_header(
    lines: list[Line],
    diags: Collector,
    *,
    canonical: bool = False,
    breaks: list[PageBreak] | None = None,
    text: str | None = None,
    wrapped: Callable[[int], bool] | None = None,
    before_breaks: str | None = None,
) -> tuple[HeaderFields, list[Line]]:
    """Parse the header fields; return them and the remaining (body) lines.

    The REF items are returned unclassified (``kind`` None): what they cite depends on
    the cable's own id and date, known only once the header is read; see
    :func:`classify_references`.  ``canonical`` says that the lines are canonical
    text's, whose preamble ends at its ``header ends`` line and is taken as written,
    and whose ``SUBJECT:`` line holds the whole subject.
    A continuation marker that only shows once a field's lines are joined (its parts on
    two lines) is taken out of the field and added to ``breaks``.  ``text`` is
    ``joined(lines)`` when the caller has it.  ``wrapped``, when the caller has the
    lines as written, tells whether the line of a line number ended in white space there
    (a line the page wrapped: a subject's last line past a blank line is looked for only
    below one).  ``before_breaks``, when ``text`` is None, is a text that holds each of
    ``lines`` as a line of its own, when the caller has it: the lines joined before the
    continuation markers came out, and the lines that taking them out changed (a first
    look for a line cut short, and for a record's ``header ends`` line far down, is made
    in it).
    """
    h = HeaderFields()
    lines = list(lines)
    n = len(lines)
    i = next_text(lines, 0)
    # text before the classification line: a pasted database record, notes
    start = _preamble_end(lines, i, diags, canonical, text, before_breaks=before_breaks)
    n = len(lines)  # a record run together with the cable text was split in two
    above = i  # where the text above the cable starts
    if start > i:
        h.preamble.extend(t.rstrip() for _, t in lines[i:start] if t.strip() and not is_preamble_end(t))
        i = start
    # the classification line: the first line, or one of the next few
    found = _classification_among(_Texts(lines), i)
    first_copy: HeaderFields | None = None
    copy_at = -1  # where a whole copy opens at a field (its classification line the first's)
    if found is not None and not canonical and _may_end_cut_short(lines, found[0], text, before_breaks):
        # a partial extract's truncated first copy above the cable's whole text: the text
        # is read from the whole copy, the first is kept as written with the text above
        # the cable, and its fields are the header's where they are whole
        copy = _whole_copy_below(lines, found[0], *found[1])
        if copy is not None:
            cut_at, copy_at, found_copy = copy
            n = len(lines)  # (a record's row before the copy's classification line was cut off)
            diags.add("CP209", line=lines[found[0]][0])
            # (the first copy read whole, up to the line it was cut short on, and without
            # that line: the fields the two readings share are whole; its continuation
            # markers read as the text's are, with the copy in the preamble: a field of it
            # holds none, as canonical text reads it back)
            first_copy = parse_header(lines[found[0] : cut_at + 1], Collector(), breaks=[])[0]
            before_cut = parse_header(lines[found[0] : cut_at], Collector(), breaks=[])[0]
            if found_copy is not None:
                found = found_copy
                copy_at = -1
    if first_copy is None and found is not None and i > above and not canonical:
        # a truncated first copy above a pasted database record, the whole text below the
        # record: the record's preamble holds it, and its fields are the header's where
        # they are whole, as above
        in_preamble = _truncated_copy_in(lines, above, i, found[1][0])
        if in_preamble is not None:
            p, cut_at = in_preamble
            diags.add("CP209", line=lines[p][0])
            first_copy = parse_header(lines[p : cut_at + 1], Collector(), breaks=[])[0]
            before_cut = parse_header(lines[p:cut_at], Collector(), breaks=[])[0]
    if found is not None:
        j, (h.classification_line, rest) = found
        if _damaged(h.classification_line):
            diags.add("CP208", f"a damaged level word read as {h.classification_line.level}", line=lines[j][0])
        # (a record's closing line goes as above: canonical text writes its own below the
        # preamble, which ends at the first such line it reads)
        if j > i:  # (most cables open with the classification line: nothing to keep)
            h.preamble.extend(t.rstrip() for _, t in lines[i:j] if t.strip() and not is_preamble_end(t))
        i = j + 1
        # (the rest may be a continuation marker, whole: ``PAGE 02 271458Z``)
        if rest and not (breaks is not None and _take_marker(rest, lines[j][0], breaks, diags)):
            lines.insert(i, (lines[j][0], rest))
            n += 1
            if copy_at >= i:
                # (the whole copy opens below the line that holds the rest: a field of the
                # first copy cut short run on to the classification line, ``CONFIDENTIAL 5
                # REF:...``, goes with the text above the cable, as on a line of its own)
                copy_at += 1
    if copy_at > i:
        # (a whole copy without a classification line of its own: the rest of the first
        # copy goes with the text above the cable too)
        h.preamble.extend(t.rstrip() for _, t in lines[i:copy_at] if t.strip())
        i = copy_at
    if h.classification_line is None:
        diags.add("CP201", line=lines[i][0] if i < n else None)
    elif not canonical:
        # an archive's note below the classification line (a copy from the National
        # Archives): kept with the text above the cable, where canonical text writes it
        end = _archive_note_end(lines, i)
        if end > i:
            h.preamble.extend(t.strip() for _, t in lines[i:end] if t.strip())
            i = end
    # (the first line below the preamble and the classification line: canonical text
    # writes a blank line above it)
    top = i
    # a copy turned to lower case (``S e c r e t berlin 000643``): its attention lines are too
    lowered = h.classification_line is not None and _lowered_line(h.classification_line)
    seen_main = False
    kept = 0  # attention lines kept, rules aside
    reach = -1  # the line of the field found below the last heading looked past
    last_handling = -2
    first_handling = -1  # the first attention line
    clby_at = -1  # the Classified By line
    clby_heading: Line | None = None  # a heading cut off its value's end, a line of its own
    # the last line cut in two (at a field, at a heading): (index, the line as it was, its
    # two parts); whole again if the header ends at it and its lines go back to the text
    cut: tuple[int, Line, Line, Line] | None = None
    empty_tags_at = -1  # the last TAGS keyword without tags (an attention line)
    split_noted = False
    while i < n:
        lineno, text = lines[i]
        if not text:
            i += 1  # (an empty line: nothing to fold, nor to read)
            continue
        if len(text) > _LONG_LINE and text.lstrip()[:1].isdecimal() and _opens_paragraph(text):
            # (a paragraph written on one line ends the header: not folded whole to see it)
            break
        # whitespace folded, as canonical text writes header lines: the same decisions both ways
        s = " ".join(text.split())
        if breaks is not None and "OF 0" in s:
            # a continuation marker that only folding shows (``004 OF  007``, a run of
            # spaces after the serial), or in a line cut from the classification line or
            # a field, which the marker search did not see: taken out, and the line kept
            # folded, wherever it goes; a line that is a whole marker once folded
            # (``B`` and a long run of spaces before ``AT 0378 0 OF 0``) is a page break
            if _take_marker(s, lineno, breaks, diags):
                lines[i] = (lineno, "")
                i += 1
                continue
            stripped = strip_inline_markers(lineno, s, breaks, diags)
            if stripped is not s:
                s = _fold(stripped)
                lines[i] = (lineno, s)
        if not s:
            i += 1
            continue
        c = s[0]
        if c.isdecimal() and PARA_START_RE.match(s):
            break
        # reflowed records: one line holding several fields
        m_eo, m_tags, m_subj, m_cl, m_ref, at = _cut_of(s)
        if at is not None:
            # (a backslash before the next field: an escaped newline of the csv dump; the
            # next field as written, which the body reads if the header ends there)
            head, tail = without_backslash_residue(s[: at[0]]), _as_written(lines[i][1], s, at[1])
            if head:
                # either part may be a continuation marker, whole (``PAGE 02 RUEHFRA2440
                # ...`` before a field, ``Classified by 0350 4 OF 0`` after one), as
                # canonical text's line of its own would read
                if breaks is not None and _take_marker(head, lineno, breaks, diags):
                    lines[i] = (lineno, tail)
                    continue
                if breaks is None or not _take_marker(tail, lineno, breaks, diags):
                    halves = (lineno, head), (lineno, tail)
                    cut = (i, lines[i], *halves)
                    lines[i : i + 1] = halves
                    n += 1
                else:
                    lines[i] = (lineno, head)
                s = head
                if not split_noted:
                    diags.add("CP205", line=lineno)
                    split_noted = True
                m_eo = _EO_RE.match(s) if c in _EO_FIRST else None
                m_tags = None if m_eo or c not in _TAGS_FIRST else _TAGS_RE.match(s)
                m_subj = None if m_eo or m_tags or c not in _SUBJECT_FIRST else _SUBJECT_RE.match(s)
                m_cl = _CLBY_RE.match(s) if c in _CLBY_FIRST else None
                m_ref = _REF_RE.match(s) if c in _REF_FIRST else None
        if m_eo:
            if h.executive_order is not None:
                diags.add("CP206", "a second E.O. line: the header ends there", line=lineno)
                break
            eo_line = s
            nxt_eo = lines[i + 1][1].strip() if i + 1 < n else ""
            if (nxt_eo.upper().startswith("DECL") and "DECL" not in s.upper()) or (
                s.endswith(":") and nxt_eo.upper().startswith("N/A")
            ):
                # (the declassification instruction on the line below: ``E.O. 12958:`` over
                # ``DECL: 02/07/2016`` or ``N/A``)
                eo_line = f"{s} {nxt_eo}"
                at = _field_cut(eo_line, _SPLIT_ALL)
                if at is not None and at[0] > len(s):
                    # a field run on to the DECL line stays a line of its own, as it is
                    # once the two lines are one (canonical text writes them so)
                    lines[i + 1] = (lines[i + 1][0], eo_line[at[1] :])
                    eo_line = eo_line[: at[0]].rstrip()
                else:
                    lines[i + 1] = (lines[i + 1][0], "")
            h.executive_order = parse_executive_order(eo_line)
            if h.executive_order is not None and h.executive_order.declassify_on is None and "DECL" in eo_line.upper():
                diags.add(
                    "CP207", f"declassification {eo_line.split(':')[-1].strip()[:40]!r} is not a date", line=lineno
                )
            if not s.upper().startswith(("E.O.", "EO ")):
                diags.add("CP202", f"E.O. keyword written {s.split()[0]!r}", line=lineno)
            seen_main = True
            i += 1
            continue
        if m_tags:
            if h.tags:
                diags.add("CP206", "a second TAGS line: the header ends there", line=lineno)
                break
            typo = m_tags.group(2) or m_tags.group(3)
            if typo:
                diags.add("CP202", f"TAGS keyword written {typo!r}", line=lineno)
            parts = [m_tags.group(4)]
            keyword_at = i
            i += 1
            while i < n:
                nxt = lines[i][1].strip()
                if not nxt:
                    break
                if opens_field(nxt) or nxt in ("REF", "REFS", "BT", "NNNN"):
                    break
                # (after a space, or a separator as on the TAGS line itself)
                inline = _find_field(_SPLIT_ALL, " " + nxt)
                after_sep = _find_field(_SPLIT_AFTER_TAGS, " " + nxt) if ";" in nxt or "," in nxt else None
                if after_sep is not None and (inline is None or after_sep.start() < inline.start()):
                    inline = after_sep
                if inline is not None:
                    # codes, then the next field on the same line: "TIP SUBJECT: ..."
                    before = nxt[: max(inline.start() - 1, 0)].rstrip()
                    if before and _TAG_CODES_RE.match(before):
                        parts.append(before)
                        lines[i] = (lines[i][0], nxt[inline.end() - 1 :].lstrip())
                    break
                if parts[-1].rstrip().endswith(",") or _TAG_CODES_RE.match(nxt):
                    parts.append(nxt)
                    i += 1
                    continue
                break
            tags = _split_tags(" ".join(parts))
            if not tags:
                # a TAGS keyword with no tags: kept as written, among the handling lines;
                # the lines after it are read again as what they are
                if first_handling < 0:
                    first_handling = keyword_at
                h.handling.append(s)
                empty_tags_at = keyword_at
                i = keyword_at + 1
                continue
            h.tags = tags
            seen_main = True
            continue
        if m_subj:
            if h.subject is not None:
                diags.add("CP206", "a second SUBJECT line: the header ends there", line=lineno)
                break
            if m_subj.group(2):
                diags.add("CP202", f"SUBJECT keyword written {m_subj.group(2)!r}", line=lineno)
            parts = [m_subj.group(3).strip()]
            # (canonical text writes the subject on its line: an empty one stays empty)
            if not parts[0] and not canonical:
                j = next_text(lines, i + 1)
                # past a blank line, only under the E.O. or TAGS line of a reflowed header,
                # and only a line opening with upper-case words: text is the body
                if (
                    j < n
                    and not opens_field(lines[j][1].strip())
                    and (j == i + 1 or ((h.tags or h.executive_order is not None) and _opens_upper(lines[j][1])))
                ):
                    # "SUBJECT:" alone, the subject on a later line: read them as one line
                    lines[j] = (lines[j][0], f"{s} {lines[j][1].strip()}")
                    i = j
                    continue
            top = i
            i += 1
            while i < n:
                nxt = lines[i][1].strip()
                if (
                    not nxt
                    and wrapped is not None
                    and (past := _subject_past_blank(lines, i, parts, h, wrapped, canonical=canonical, top=top))
                    is not None
                ):
                    # (the subject's last line past a blank line, a field below it: a page
                    # whose line ends were read twice, 06SANJOSE2379's ``... PLANS MAJOR`` /
                    # / ``REFORMS`` / / ``REF: ...``)
                    i = past
                    continue
                if not nxt or (opens_field(nxt) and not _cites_order(nxt, h)) or _SPLIT_AFTER_SUBJECT.match(" " + nxt):
                    break
                if _names_source(nxt):
                    # (the classification's source: ``DERIVED FROM: DSCG 05-1 B, D``)
                    break
                if nxt[0] in RULE_CHARS and _text_below(lines, i, parts):
                    # (a heading, or a rule that opens one: the text's, as below the
                    # Classified By value)
                    break
                if nxt[0].isdecimal() and _NUMBER_GLUED_RE.match(nxt):
                    # (paragraph 1's number glued to its first word: ``1.Summary: ...``)
                    break
                if _take_until_field(lines, i, nxt, _SPLIT_AFTER_SUBJECT, parts):
                    break
                i += 1
            subject = _without_markers(_fold(" ".join(parts)), lineno, breaks, diags)
            if (off := _heading_off(subject)) is not None:
                # (a heading run on to the subject's end, ``... PRESIDENT ------- Summary
                # -------``, 09PRETORIA954: a line of its own below it, as for the
                # Classified By value)
                subject, cut_off = off
                lines.insert(i, (lines[i - 1][0], cut_off))
                n += 1
            if subject[:1] in "Ss" and (again := _SUBJECT_AGAIN_RE.match(subject)) is not None:
                # (the keyword written twice, ``SUBJECT: SUBJECT: AFGHANISTAN: ...``,
                # 09KABUL1239: the drafter typed it into the field)
                subject = subject[again.end() :]
                diags.add("CP211", _SUBJECT_TWICE, line=lineno)
            h.subject_marking, h.subject = split_marking(subject)
            seen_main = True
            continue
        if m_ref:
            block = [m_ref.group(1)]
            i += 1
            while i < n:
                nxt = lines[i][1].strip()
                if not nxt:
                    if canonical:
                        # (canonical text writes a block's items without a blank line
                        # between them: text below one is the body's, whatever it opens with)
                        break
                    j = next_text(lines, i)
                    # (past caption lines too, that the list goes on below)
                    k = j
                    passed: list[str] = []
                    while k < n:
                        caps, rest = _captions_of(lines[k][1])
                        if not _alone(caps, rest):
                            break
                        passed.extend(caps)
                        k += 1
                        k = next_text(lines, k)
                    if k < n and _continues_refs(lines, k, block, h):
                        h.captions.extend(passed)
                        i = k
                        continue
                    break
                caps, rest = _captions_of(nxt)
                if _alone(caps, rest):
                    # a caption line dropped into the list (SIPDIS): no text of an item
                    h.captions.extend(caps)
                    i += 1
                    continue
                if _notice(caps, rest):
                    # a handling notice (SENSITIVE BUT UNCLASSIFIED; PLEASE ...) ends it
                    break
                if nxt[0] == "(" and opens_marked_text(nxt, block):
                    # the text's first paragraph below the list, with its portion marking
                    # and no blank line between (``REF: STATE 40380`` over ``(SBU) Poloff
                    # delivered ...``)
                    break
                # any field but another REF keyword, which stays with the items (read on
                # the line folded, as canonical text writes it: ``1.\xa0(C)`` cut from the
                # line above opens a paragraph)
                if ends_ref_block(_fold(nxt)):
                    break
                if nxt[0] in RULE_CHARS and _text_below(lines, i, block):
                    # (a heading on one line, ``------- SUMMARY -------``, or a rule that opens
                    # one: the text's, below the list, 09ABUJA1907, 06SAOPAULO862)
                    break
                # (as the block's first line is: canonical text writes each item as a
                # line of the block)
                if _take_until_field(lines, i, nxt, _SPLIT_IN_REFS, block):
                    break
                i += 1
            if (off := ref_block_heading(block)) is not None:
                # (a heading run on to the last item, ``B. MADRID 67`` / ``Summary`` /
                # ``-------``: a line of its own below the list, as for the Classified By
                # value)
                items = _without_tail(block, off[1])
                if items is not None:
                    block = items
                    lines.insert(i, (lines[i - 1][0], off[1]))
                    n += 1
            # (a line that ends in a backslash: the csv dump's escaped newline)
            block = list(map(without_escaped_newline, block))
            # (an item's separators are stripped again once a marker or a backslash at its
            # end is gone, and a backslash left at its end with them, as reading the item
            # on its own line does)
            refs = [
                Reference(
                    letter=a,
                    text=_without_markers(b, lineno, breaks, diags)
                    .rstrip(_ITEM_SEPARATORS + "\\")
                    .lstrip(_ITEM_SEPARATORS),
                )
                for a, b in reference_items("\n".join(block).strip())
            ]
            # a REF keyword with no items is kept as one empty reference
            h.references.extend(refs or [Reference(text="")])
            seen_main = True
            continue
        if m_cl:
            if h.classified_by is not None and not (
                not h.classified_by.text
                and m_cl.group(2)[:1].isalpha()
                and all(is_blank(t) for _, t in lines[clby_at + 1 : i])
            ):
                diags.add("CP206", "a second Classified By line: the header ends there", line=lineno)
                break
            parts = [m_cl.group(2)]
            if h.classified_by is not None:
                # (a Classified By keyword alone on its line, the value below it after the
                # keyword again: the keyword written twice)
                diags.add("CP211", _CLBY_TWICE, line=lineno)
            # (the reasons of the parts joined: read when first asked, then kept as they grow)
            given: set[str] | None = None
            clby_at = i
            i += 1
            while i < n:
                nxt = lines[i][1].strip()
                if not nxt and not canonical and (past := _reasons_past_blank(lines, i, parts)) is not None:
                    # (the reasons past a blank line, the value cut after its last word
                    # before them: ``... FOR REASONS`` / / ``1.4 B, D``, 07LONDON4472)
                    i = past
                    continue
                if not nxt or opens_field(nxt):
                    break
                if nxt[0] in RULE_CHARS and _text_below(lines, i, parts):
                    # (a heading on one line, or a rule that opens one: the text's, below
                    # the value, 08MOSCOW2632)
                    break
                # (the value's last character so far: a sentence, a parenthesis, a reason's
                # letter ends it)
                last_char = parts[-1].rstrip()[-1:]
                if nxt[0].isupper() and last_char in (".", ")"):
                    if given is None:
                        given = set(reasons_of(" ".join(parts)))
                    if _ended_before(parts, given, nxt):
                        break
                if (
                    nxt[0] in _OPENS_TEXT_FIRST
                    and last_char in _BEFORE_MARKED
                    and (_MARKED_RE.match(nxt) or _NUMBER_GLUED_RE.match(nxt))
                ):
                    # (the text below the reasons: a portion marking that opens it, as the
                    # split of a line holding both reads it, or a paragraph's number glued
                    # to its first word, ``1.KEY POINTS -- (C) ...``)
                    break
                had = len(parts)
                whole = lines[i]
                if _take_until_field(lines, i, nxt, _SPLIT_PARA, parts):
                    if lines[i] is not whole:
                        # (the part of the line the value took stays a line of its own: the
                        # value's lines go back to the text if the header does not keep it)
                        lines.insert(i, (whole[0], parts[-1]))
                        i += 1
                        n += 1
                    break
                if given is not None:
                    for k in range(had, len(parts)):
                        given.update(reasons_of(f"{_value_tail(parts, k)} {parts[k]}"))
                i += 1
            text_cl = _without_markers(_fold(" ".join(parts)), lineno, breaks, diags)
            if (off := _heading_off(text_cl)) is not None:
                # (a heading run on to the value's end, ``... (d). ------- SUMMARY -------``:
                # a line of its own below it, the text's first heading, as canonical text
                # writes it)
                text_cl, cut_off = off
                clby_heading = (lines[i - 1][0], cut_off)
                lines.insert(i, clby_heading)
                n += 1
            if (
                text_cl[:1] in _CLBY_FIRST
                and (again := _CLBY_RE.match(text_cl)) is not None
                and not again.group(1)
                and again.group(2)
            ):
                # (the keyword written twice, ``Classified By: Classified by Ambassador ...``,
                # 31 corpus pages: the drafter typed it into the field)
                text_cl = again.group(2)
                diags.add("CP211", _CLBY_TWICE, line=lineno)
            marking = m_cl.group(1) or (h.classified_by.marking if h.classified_by is not None else None)
            h.classified_by = ClassifiedBy(text=text_cl, reasons=reasons_of(text_cl), marking=marking)
            continue
        caps, rest = _captions_of(s)
        if caps and (not rest or not seen_main):
            h.captions.extend(caps)
            # (the rest may be a continuation marker, whole, as canonical text's line of
            # its own below the captions would read)
            if rest and not (breaks is not None and _take_marker(rest, lineno, breaks, diags)):
                paged = split_run_on_page_headers(rest) if breaks is not None and "PAGE" in rest else None
                if paged is not None and breaks is not None:
                    # (a teletype page header with text run on after it: the header is a page
                    # break, and the text a line of its own, as canonical text writes them)
                    breaks.extend(marker_at(pb, lineno + 1 + diags.offset) for pb in paged[0])
                    rest = paged[1]
                lines[i] = (lineno, rest)
                continue
            if top == i:
                # (canonical text writes captions apart, above a blank line: the line
                # below them is read as the first)
                top = i + 1
            i += 1
            continue
        # a heading is the body's, as the body reads it (a rule, a title over one, a title
        # between rules or with one run on), unless header fields follow it (a correction
        # notice in a box); an attention line with a heading run on to it is read up to
        # the heading, which opens the body
        attention, heading = s, None
        # (a title over a rule: 100 characters at most as written, as the body reads it)
        # (a rule opens with a rule's character: asked first, as most lines open with none)
        boxed = (s[0] in RULE_CHARS and is_rule(s)) or (
            len(lines[i][1].strip()) <= MAX_TITLE
            and i + 1 < n
            and lines[i + 1][1].lstrip()[:1] in RULE_CHARS
            and is_rule(lines[i + 1][1])
            and _title_over_rule(_Texts(lines), i, top)
        )
        run_on = inline_heading(s) if not boxed and s[-1] in RULE_CHARS else None
        heading_like = boxed or run_on is not None
        if heading_like and (i >= reach or (boxed and _box_end(lines, i) > reach)):
            # (a field found below an earlier heading, and not reached yet, is below this
            # one too when the look from it starts above the field, within the room left:
            # the lines between are kept as attention lines)
            reach = _fields_past(lines, i, boxed, _MAX_ATTENTION - kept, _kinds_read(h))
        if heading_like and i > reach:
            if run_on is None or not run_on[0] or split_marker(run_on[0]) is not None:
                # (nor where the text before the heading reads as a continuation marker on
                # a line of its own: the body keeps such a line whole, as canonical text does)
                break
            attention, heading = run_on[0], s[len(run_on[0]) :].strip()
        if (
            not seen_main
            and kept < _MAX_ATTENTION
            # (:func:`attention_like`, the line below another only when it holds no field:
            # that test last, as it costs most; and a heading's line that fields follow)
            and (
                handling_like(attention)
                or (lowered and _lowered_attention(attention))
                or (heading_like and i < reach and not is_rule(attention))
                or (
                    last_handling == i - 1
                    and len(attention) <= _SHORT_ATTENTION
                    and not _find_field(_SPLIT_ALL, attention)
                )
                or (
                    # (a short line of text below the classification line, opening with
                    # a capital letter, the fields below it past attention lines: an
                    # editor's note, ``Note - PII information removed from original
                    # message.``, 09ANKARA226; a line in lower case is the text's, unless
                    # the copy is lowered)
                    heading is None
                    and not heading_like
                    and h.classification_line is not None
                    and attention[:1].isupper()
                    and len(attention) <= _SHORT_ATTENTION
                    and not _find_field(_SPLIT_ALL, attention)
                    and _fields_below(lines, i + 1, _MAX_ATTENTION - kept - 1) >= 0
                )
            )
        ):
            if first_handling < 0:
                first_handling = i
            h.handling.append(attention)
            if not is_rule(attention):
                kept += 1
            last_handling = i
            i += 1
            if heading is not None:
                halves = (lineno, attention), (lineno, heading)
                cut = (i - 1, lines[i - 1], *halves)
                lines[i - 1 : i] = halves
                break
            continue
        break
    if h.handling and h.classification_line is None and not seen_main and not h.captions:
        # upper-case lines with no classification line above them, no header field after
        # and no caption: text, not attention lines (canonical text must read them back so)
        h.handling = []
        end, i = i, first_handling
        if clby_at > first_handling:
            # (a Classified By line below them is the text's then, as they are)
            h.classified_by = None
        if cut is not None:
            # (the line cut where the header ended, at a heading, a paragraph's opening or a
            # field it does not read, or at a TAGS keyword without tags that only blank lines
            # follow, is whole again, as the text reads it: canonical text writes it so)
            k, whole, first, second = cut
            if (
                first_handling <= k < end
                and k + 1 < len(lines)
                and lines[k] is first
                and lines[k + 1] is second
                and (k == end - 1 or (empty_tags_at == k + 1 and all(is_blank(t) for _, t in lines[k + 2 : end])))
            ):
                lines[k : k + 2] = [whole]
        if h.classified_by is None and clby_heading is not None:
            # (and the heading cut off its value's end is in the value's lines again, and
            # so are the two halves it was cut into where it read as an attention line
            # with a heading run on, when they stayed apart)
            apart: tuple[Line, ...] = cut[2:] if cut is not None and cut[1] is clby_heading else ()
            lines = [line for line in lines if line is not clby_heading and all(line is not x for x in apart)]
    elif h.handling and h.classification_line is None and not h.captions:
        _classification_among_attention_lines(h)
    if first_copy is not None:
        _prefer_whole_fields(h, first_copy, before_cut)
    return h, lines[i:]


def _cites_order(s: str, h: HeaderFields) -> bool:
    """True when the subject's line ``s``, which opens like an E.O. line, cites an
    executive order (``DESIGNATION ... UNDER`` over ``E.O. 13382``): the header's E.O.
    line is read already, and this one gives no declassification (no colon after the
    order's number, no ``DECL``, no ``N/A``)."""
    if h.executive_order is None:
        return False
    m = _EO_RE.match(s)
    if m is None:
        return False
    rest = s[m.start(1) + len(m.group(1)) :].lstrip()
    return not rest.startswith((":", ";")) and "DECL" not in s.upper() and "N/A" not in s.upper()


def _lowered_line(line: ClassificationLine) -> bool:
    """True when the classification line ``line`` is written in lower case past its level
    word's first letter (a copy of the cable turned to lower case)."""
    raw = line.raw or ""
    return raw[1:].lower() == raw[1:] and any(c.isalpha() for c in raw[1:])


# an office symbol (``isn/mtr``, ``eur/ags``)
_OFFICE_RE = re.compile(r"(?:^|[\s,;(])[A-Za-z]{1,6}/[A-Za-z]")


def _lowered_attention(s: str) -> bool:
    """True when the folded line ``s``, below the classification line of a copy turned to
    lower case, reads as an attention line turned to lower case: short, naming an office
    (``isn/mtr, eur/ags and eur/pra``), no sentence."""
    return len(s) <= _SHORT_ATTENTION and s[-1:] != "." and _OFFICE_RE.search(s) is not None


def _ended_before(parts: list[str], given: set[str], nxt: str) -> bool:
    """True when a Classified By value that ends a sentence or a parenthesis (its lines
    so far, ``parts``, and the reasons they give joined, ``given``) has ended before the
    line ``nxt`` below it, where no blank line comes between (reflowed text: ``Summary``,
    ``SUMMARY AND INTRODUCTION``): the value gives its reasons (``... for reasons 1.4 (b)
    and (d).``), and the line adds no reason to them (as ``AND (D)`` would)."""
    return bool(given) and given.issuperset(reasons_of(f"{_value_tail(parts, len(parts))} {nxt}"))


#: how far back in a Classified By value a reason's number can stand and still read
#: letters of text joined after the value: the number (``1 . 4``) and the 40 characters
#: after it that :func:`reasons_of` looks at.  The reasons of a value and text joined
#: after it are those of the value and those of its last characters and the text joined:
#: the value is not read again for each line added
_REASON_REACH = 50


def _value_tail(parts: list[str], end: int) -> str:
    """The last :data:`_REASON_REACH` characters of ``parts[:end]`` joined with spaces
    (found from the end: the parts before them are not joined again)."""
    tail: list[str] = []
    size = 0
    for k in range(end - 1, -1, -1):
        tail.append(parts[k])
        size += len(parts[k]) + 1
        if size > _REASON_REACH:
            break
    return " ".join(reversed(tail))[-_REASON_REACH:]


#: the header fields a truncated first copy and the whole copy below it both give, in
#: groups read together
_COPIED_FIELDS = (
    ("captions", "handling"),
    ("executive_order",),
    ("tags",),
    ("subject", "subject_marking"),
    ("references",),
    ("classified_by",),
)


def _prefer_whole_fields(h: HeaderFields, first: HeaderFields, before_cut: HeaderFields) -> None:
    """The header fields of a cable read from its whole (reflowed) copy, ``h``, and from
    the truncated first copy above it, ``first`` (``before_cut``: the first copy without
    the line it was cut short on): each field is the first copy's, as written line by
    line, where it is there and whole (the line cut short is none of its lines: both
    readings of the first copy give it alike); the whole copy's where the first lacks it
    or was cut short in it; the first copy's, cut short, where the whole copy lacks it."""
    for group in _COPIED_FIELDS:
        written = tuple(getattr(first, name) for name in group)
        if not any(written):
            continue
        copied = tuple(getattr(h, name) for name in group)
        # (whole as far as the line cut short shows, and holding every word of the whole
        # copy's: a line cut short after a blank line may carry on a field whose first
        # lines read whole)
        whole = written == tuple(getattr(before_cut, name) for name in group) and _words(copied) <= _words(written)
        if whole or not any(copied):
            for name, value in zip(group, written, strict=True):
                setattr(h, name, value)


_WORD_RE = re.compile(r"\w+")


def _words(values: tuple[object, ...]) -> set[str]:
    """The words (upper-cased) of a group of header fields' values."""
    out: set[str] = set()
    for value in values:
        items = value if isinstance(value, list) else [value]
        for item in items:
            text = (
                item
                if isinstance(item, str)
                else item.raw
                if isinstance(item, ExecutiveOrder)
                else item.text
                if isinstance(item, Reference | ClassifiedBy)
                else ""
            )
            out.update(_WORD_RE.findall(text.upper()))
    return out


_NOTE_OPENING_RE = re.compile(r"[ \t]*Original telegram was\b", re.I)
_ARCHIVE_COPY_RE = re.compile(r"[ \t]*Copy from the National Archives\b", re.I)
# a systematic review's release stamp (``Declassified/Released US Department of State EO
# Systematic Review 30 JUN 2005``, on one line or two), as a trailer below the signer has it
_REVIEW_STAMP_RE = re.compile(r"[ \t]*(?:Declassified/Released\b|Systematic Review\b)")
# what the lines above open with, once stripped: the stamp's words, the note's first
# letter, a rule's first character (a line that opens with none is no note)
_NOTE_OPENINGS = ("Declassified/Released", "Systematic Review", "O", "o", *sorted(RULE_CHARS))


# (a line cut short, at the end of a line: the lines' trailing space is gone; searched
# for in a whole text, where the pattern's scan for its first character takes less time
# than ``in``)
_TRUNCATED_HINT = CUT_SHORT + "\n"
_TRUNCATED_HINT_RE = re.compile(re.escape(_TRUNCATED_HINT))
#: how far below its classification line a truncated first copy of the cable may end, in
#: lines that are not blank (canonical text writes one blank line for a run of them)
_TRUNCATED_COPY_LINES = 60
# a database row pasted between a truncated first copy and the whole text (tab or comma
# separated: row number, time stamp)
_ROW_BETWEEN_RE = re.compile(r"[ \t]*\d+[\t,](?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}) \d{1,2}:\d{2}[\t,]")


def _may_end_cut_short(lines: list[Line], j: int, text: str | None, before_breaks: str | None = None) -> bool:
    """A cheap first look for :func:`_whole_copy_below`: can a line below line ``j`` end
    cut short?  (``text``: the lines joined, when the caller has them; the lines' trailing
    space is gone.  ``before_breaks``: a text that holds each of the lines as a line of
    its own, where a line cut short ends in its dots too.)"""
    if text is None:
        if before_breaks is not None and not (
            _TRUNCATED_HINT_RE.search(before_breaks) is not None or before_breaks.endswith(CUT_SHORT)
        ):
            return False
        text = joined(lines[j:])
    # (a line cut short at the text's end too: the text is not copied to add a newline)
    return _TRUNCATED_HINT_RE.search(text) is not None or text.endswith(CUT_SHORT)


def _reach(lines: list[Line], j: int, end: int) -> int:
    """The index past :data:`_TRUNCATED_COPY_LINES` lines from ``j`` that are not blank
    (or ``end``, when it comes first)."""
    left = _TRUNCATED_COPY_LINES
    k = j
    while k < end:
        # (:func:`is_blank`, inline)
        if (t := lines[k][1]) and not t.isspace():
            if left == 0:
                break
            left -= 1
        k += 1
    return k


def _whole_copy_below(
    lines: list[Line], j: int, first: ClassificationLine, rest: str = ""
) -> tuple[int, int, tuple[int, tuple[ClassificationLine, str]] | None] | None:
    """The cable's whole text below a truncated first copy of it, as WikiLeaks' partial
    extracts give it: the classification line at ``j`` and a few lines below it, the last
    cut short (``REF: A. 04 STATE 2084...``, ``Classified By: Politi...``, ``1. (C)
    Su...``); then, past any blank lines (and a pasted database row, and the note that the
    page is a partial extract), the same classification line again, the same level,
    section, origin and serial, mostly with the header's fields run on to it (reflowed),
    perhaps behind a record's row on the same line (``4/1/2005 14:50 C O N F I D E N T I
    A L PRAGUE 000470 ...``: the row is cut off as a line of its own); or a field of the
    header again (``SUBJECT: ...``, ``Classified By: ...``), where the whole copy has no
    classification line.

    The index of the line cut short, the index where the whole copy opens, and (where it
    opens with one) its classification line's index with what
    :func:`match_classification_line` reads in it; or None.

    A copy whose words were turned to lower case (``C o n f i d e n t i a l section 01
    of 03 tashkent 004223 e.o. ... tags: prel, pter``) is no better a reading than the
    first: it is not taken."""
    if first.serial is None:
        return None
    n = len(lines)
    k = j  # (the first copy may end on its classification line)
    limit = _reach(lines, j, n)
    while k < limit:
        t = lines[k][1]
        k += 1
        if not t.rstrip().endswith(CUT_SHORT):
            continue
        m = k
        while m < n and (
            is_blank(t := lines[m][1])
            or t.lstrip().startswith(PARTIAL_SENTENCE)
            # (a row on a line of its own; a cables.csv row, whose quoted fields may go on
            # below, is read below)
            or (_ROW_BETWEEN_RE.match(t) and not _CSV_ROW_START_RE.match(t))
        ):
            m += 1
        if m == n:
            continue
        s = _fold(lines[m][1])
        if _CSV_ROW_START_RE.match(s):
            # a cables.csv row, the routing header in its quoted field on the lines below
            # it, and the whole text opening in the next field (``","C O N F I D ...``)
            in_row = _copy_in_csv_row(lines, m, first)
            if in_row is not None:
                return k - 1, in_row[0], in_row
            m += 1
            m = next_text(lines, m)
            if m == n:
                continue
            s = _fold(lines[m][1])
        row = _ROW_BEFORE_RE.match(s)
        found = match_classification_line(s[row.end() :] if row else s)
        same = found if found is not None and _same_line(found[0], first) else None
        if same is not None:
            if row:
                lines.insert(m + 1, (lines[m][0], s[row.end() :]))
                lines[m] = (lines[m][0], s[: row.end()].rstrip())
                m += 1
            return k - 1, m, (m, same)
        if found is None and row is None and _field_kind(s) is None and (at := field_run_on(s)) is not None:
            # (a field run on to a line of text, ``x Classified By: ...``, no classification
            # line: canonical text writes the text above the fields, the field on a line of
            # its own)
            s = s[at:]
        kind = _field_kind(s) if row is None and not _keyword_alone(s) else None
        if kind is not None and (
            any(kind in _kinds_held(_fold(lines[q][1])) for q in range(j + 1, k))
            or (rest and kind in _kinds_held(_fold(rest)))
        ):
            # (a field of the first copy again, on a line of its own or run on to its
            # classification line, ``rest``: the whole copy, without its classification line)
            return k - 1, m, None
        if kind is None and found is None and row is None and (below := _field_past_attention(lines, m, j, k - 1)) > 0:
            # (the field that was cut short again, below attention lines, which canonical
            # text writes above the fields: ``Classified By: X...`` / / ``C`` /
            # ``Classified By: Y``)
            return k - 1, below, None
    return None


#: the most attention lines looked past for the field cut short again
_ATTENTION_BEFORE_COPY = 3


def _field_past_attention(lines: list[Line], m: int, j: int, cut: int) -> int:
    """The index of the line below line ``m`` and at most a few more attention lines (no
    blank line between) that opens the field of the line cut short, ``cut`` (the field
    it holds, or else the one of the nearest line above it down to the classification
    line at ``j`` that holds one: a value's line below its keyword's), again, and is not
    its keyword alone (:func:`_keyword_alone`), or -1.  (Past blank lines, the field of the
    nearest line above is not the same in canonical text, which writes the fields in its
    own order: ``TAG;Y`` / ``UBJECT:`` / / ``...`` / ``C`` / / ``TAGS<``.)"""
    kinds: set[str] = set()
    for q in range(cut, j, -1):
        kinds = _kinds_held(_fold(lines[q][1]))
        if kinds:
            break
    if not kinds:
        return -1
    n = len(lines)
    q = m
    while q < n and q - m < _ATTENTION_BEFORE_COPY:
        s = _fold(lines[q][1])
        if not s or not attention_like(s, q > m) or opens_field(s):
            return -1
        q += 1
        if q < n:
            nxt = _fold(lines[q][1])
            if _field_kind(nxt) in kinds and not _keyword_alone(nxt):
                return q
    return -1


def _keyword_alone(s: str) -> bool:
    """True when the folded line ``s`` is the keyword of a one-line header field alone,
    with or without its colon but no value (``SUBJECT``, ``UBJECT:``, ``Classified By``,
    ``TAGS``): no line that opens the whole copy of a header below a truncated one (a
    field's line there holds its value), but a line of text, as the body reads it in a
    cable's text, or a field the header ends at.  A REF keyword alone is none (it heads
    the list of items below it), nor is an E.O. line (its order's number is its value)."""
    m = _field_match(s)
    return m is not None and m.re is not _REF_RE and m.re is not _EO_RE and not m.groups()[-1]


def _truncated_copy_in(lines: list[Line], start: int, end: int, line: ClassificationLine) -> tuple[int, int] | None:
    """A truncated copy of the cable whose classification line is ``line`` among lines
    ``start`` to ``end`` (the text above the cable): the index of its classification line
    and of the line it was cut short on (``C....``), or None."""
    if line.serial is None:
        return None
    for j in range(start, _reach(lines, start, end)):
        found = match_classification_line(_fold(lines[j][1]))
        if found is None:
            continue
        if not _same_line(found[0], line):
            return None
        for k in range(j + 1, _reach(lines, j + 1, end)):
            if lines[k][1].rstrip().endswith(CUT_SHORT):
                return j, k
        return None
    return None


def _copy_in_csv_row(
    lines: list[Line], m: int, first: ClassificationLine
) -> tuple[int, tuple[ClassificationLine, str]] | None:
    """Where the whole text opens inside the cables.csv row that starts at line ``m``: the
    line cut off after the ``","`` that opens the text's field, when it is a copy of the
    classification line ``first`` (the line is cut there), with what
    :func:`match_classification_line` reads in it; or None."""
    for q in range(m, min(len(lines), m + _TRUNCATED_COPY_LINES)):
        t = lines[q][1]
        at = t.find('","')
        if at < 0:
            continue
        found = match_classification_line(_fold(t[at + 3 :]))
        if found is None or not _same_line(found[0], first):
            continue
        lines.insert(q + 1, (lines[q][0], t[at + 3 :]))
        lines[q] = (lines[q][0], t[: at + 3])
        return q + 1, found
    return None


# a record's row before a classification line on one line: row number, time stamp, id (or
# what a page left of it: the time alone, ``14:25 UNCLAS SECTION 01 OF 03 ISTANBUL 000329``,
# 05ISTANBUL329)
_ROW_BEFORE_RE = re.compile(r"(?:\d+ )?(?:\d{1,2}/\d{1,2}/\d{4} )?\d{1,2}:\d{2}(?::\d{2})? (?:\d{2}[A-Z][A-Z0-9]*\d )?")


def _field_kind(s: str) -> str | None:
    """Which header field the folded line ``s`` opens (its keyword's pattern), or None."""
    m = _field_match(s)
    return None if m is None else m.re.pattern


def _field_match(s: str) -> re.Match[str] | None:
    """The match of the keyword's pattern of the header field the folded line ``s``
    opens (its last group the value), or None."""
    c = s[:1]
    for first, pattern in _FIELD_KINDS:
        if c in first and (m := pattern.match(s)) is not None:
            return m
    return None


def _heading_off(value: str) -> tuple[str, str] | None:
    """The folded field value ``value`` without the heading run on to its end, and the
    heading's words and rules (:func:`heading_at_end`), or None when it ends in none.  A
    csv backslash left before the heading goes too: canonical text writes the value on a
    line of its own, where a backslash at its end is an escaped newline's residue."""
    if value[-1:] not in RULE_CHARS or (run_on := heading_at_end(value)) is None:
        return None
    return without_backslash_residue(run_on[0]), run_on[1]


def ref_block_heading(block: list[str]) -> tuple[str, str] | None:
    """The heading a REF block ends in, read as run on to its last item (``B. MADRID 67
    ------- SUMMARY -------``), and the block's folded text before it; None when it ends in
    none.  ``block`` is the block's lines: the REF line's value after its keyword, then the
    lines of items below it."""
    if block[-1][-1:] not in RULE_CHARS:
        return None
    return _heading_off(_fold(" ".join(block)))


def _without_tail(block: list[str], tail: str) -> list[str] | None:
    """``block``'s lines without the folded text ``tail`` at their end (whole lines, and
    the end of the last line left), or None when they do not end so."""
    out = list(block)
    while tail and out:
        last = _fold(out[-1])
        if len(out) > 1 and tail.endswith(last):
            out.pop()
            tail = tail[: len(tail) - len(last)].rstrip()
        elif last.endswith(tail) and len(last) > len(tail):
            out[-1] = last[: len(last) - len(tail)].rstrip()
            tail = ""
        else:
            return None
    return None if tail else out


def boxed_heading_line(s: str) -> bool:
    """True when the folded line ``s`` opens with a rule character and reads as a heading
    with its rules on its line, nothing before it (``------- SUMMARY -------``): below
    a field's value, it is the text's."""
    if s[:1] not in RULE_CHARS:
        return False
    found = inline_heading(s)
    return found is not None and not found[0]


def _text_below(lines: list[Line], i: int, parts: list[str]) -> bool:
    """True when line ``i``, below the lines ``parts`` of a field's value, opening with a
    rule character, is the text's: a heading with its rules on its line and nothing before
    it (``------- SUMMARY -------``), or a rule that opens a box whose title is no field's;
    not a rule below a title
    that ends the value (``... (d) Summary`` over ``- - - -``, 09PESHAWAR2: the value's,
    the heading cut off its end afterwards)."""
    s = _fold(lines[i][1])
    if not is_rule(s):
        return boxed_heading_line(s)
    # (a box whose title opens like a field, or holds one, is left to the reading of the
    # header's lines: the value goes on, as it always did)
    return (
        heading_at_end(_fold(f"{' '.join(parts)} {s}")) is None
        and rule_opens_box(lines, i)
        and not _title_field(_fold(lines[next_text(lines, i + 1)][1]))
    )


def _kinds_held(s: str) -> set[str]:
    """The header fields the folded line ``s`` holds as the header reads it: the one it
    opens, and those of the rest of the line where the header cuts it, the rest again as
    the header reads it (``TAG;SUBJECT: ...``, ``& REF: ...``, ``AE.O.12958 REF:...``,
    ``EO2958 D TAG:...``; a few cuts at most), or else, where the line opens no field and
    holds none, those past the captions it opens with (``SIPDIS;CLASFD BY ...``)."""
    kinds: set[str] = set()
    cut = False  # (whether the header cuts the line: then it reads no captions at its start)
    part = s
    for _ in range(_CUTS_LOOKED_AT):
        if not part:
            break
        if (m := _field_match(part)) is not None:
            kinds.add(m.re.pattern)
        at = _cut_of(part)[5]
        if at is None:
            break
        cut = True
        part = part[at[1] :].lstrip()
    if kinds or cut:
        return kinds
    caps, rest = _captions_of(s)
    return _kinds_held(rest) if caps and rest else set()


#: how many fields of one line :func:`_kinds_held` reads at most
_CUTS_LOOKED_AT = 8


def _same_line(line: ClassificationLine, first: ClassificationLine) -> bool:
    """True when ``line`` is a copy of the classification line ``first``: the same level,
    section, origin and serial, written as it is or in capitals."""
    return (line.level, line.section, line.sections, line.origin, line.serial) == (
        first.level,
        first.section,
        first.sections,
        first.origin,
        first.serial,
    ) and (line.raw == first.raw or line.raw.isupper())


def _archive_note_end(lines: list[Line], i: int) -> int:
    """Where the note of an archive's copy that opens at line ``i`` ends (``i`` when there is
    none): ``Original Telegram was Confidential but has since been`` / ``de-classified``,
    then a box of the copy's source (``Copy from the National Archives`` / ``RG 59: ...``
    / ``File: POL 33-4 ARG``), as the oldest cables of the release have it; or, above
    them, a systematic review's release stamp (``Declassified/Released US Department of
    State EO Systematic Review 30 JUN 2005``, 1970s cables)."""
    n = len(lines)
    j = next_text(lines, i)
    if j >= n or not lines[j][1].lstrip().startswith(_NOTE_OPENINGS):
        return i  # (neither a stamp, the note's sentence nor a rule: the cheap test first)
    end = i
    if _REVIEW_STAMP_RE.match(lines[j][1]):
        # (a systematic review's release stamp, on one line or two)
        j += 1
        if j < n and _REVIEW_STAMP_RE.match(lines[j][1]):
            j += 1
        end = j
        j = next_text(lines, j)
        if j >= n:
            return end
    if _NOTE_OPENING_RE.match(lines[j][1]):
        # (the sentence, on its lines up to a blank line)
        while j < n and not is_blank(lines[j][1]):
            j += 1
        end = j
        j = next_text(lines, j)
    if j + 2 < n and is_rule(lines[j][1]) and _ARCHIVE_COPY_RE.match(lines[j + 1][1]):
        # (the box: its lines up to the closing rule, a dozen at most)
        for k in range(j + 2, min(n, j + 14)):
            if is_rule(lines[k][1]):
                return k + 1
            if is_blank(lines[k][1]):
                break
    return end


def _classification_among_attention_lines(h: HeaderFields) -> None:
    """A classification line among the attention lines, below a field that came first (a
    spliced copy, a Classified By line above the text): canonical text writes the
    attention lines at the top of the text, where the first classification line among
    the first few is read as the cable's, the lines above it as the preamble and a
    caption after it as a caption.  Read so here too."""
    at = _classification_among(h.handling, 0)
    if at is not None:
        k, (h.classification_line, rest) = at
        h.preamble.extend(h.handling[:k])
        caps, rest = _captions_of(rest) if rest else ((), rest)
        h.captions.extend(caps)
        h.handling[: k + 1] = [rest] if rest else []
        # (the first line canonical text writes below the classification line and its
        # captions is an attention line only when it reads as one on its own: what does not,
        # the rest of the classification line's own line, goes with the text above it)
        k = 0
        while k < len(h.handling) and not handling_like(_fold(h.handling[k])):
            k += 1
        h.preamble.extend(h.handling[:k])
        del h.handling[:k]


def _title_over_rule(texts: _Indexed, j: int, start: int) -> bool:
    """True when ``texts[j]``, over a rule (``texts[j + 1]``, which the caller has seen),
    is that rule's title as the body reads it: first from ``start``, or below a blank line
    or a rule.  Right below a line of text, over a rule that opens a box (a title and a
    rule below it), it is none: the body carries the text on, and the rule is the box's."""
    if j == start:
        return True
    above = texts[j - 1]
    return is_blank(above) or is_rule(above) or not _opens_box(texts, j + 1)


class _Indexed(Protocol):
    """Texts read by index: a list of them, or :class:`_Texts`."""

    def __len__(self) -> int: ...

    def __getitem__(self, k: int, /) -> str: ...


class _Texts:
    """The texts of ``lines``, read by index (not copied)."""

    __slots__ = ("lines",)

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, k: int, /) -> str:
        return self.lines[k][1]


def _classification_among(texts: _Indexed, start: int) -> tuple[int, tuple[ClassificationLine, str]] | None:
    """The classification line among the first lines of ``texts`` from ``start`` (blank
    lines and rules aside, six at most, and none past a field or a caption line): its
    index and what :func:`match_classification_line` reads in it (folded, as canonical
    text writes it).  A level word alone (or with a serial but no origin:
    ``CONFIDENTIAL 0``) over a rule is a heading's title, as the body reads it
    (:func:`_title_over_rule`); a rule is not counted, since canonical text writes a
    heading's rules its own way."""
    n = len(texts)
    seen = 0
    for j in range(start, n):
        s = " ".join(texts[j].split())
        if not s:
            continue
        found = match_classification_line(s)
        if found is not None and not (
            _title_like(found) and j + 1 < n and is_rule(texts[j + 1]) and _title_over_rule(texts, j, start)
        ):
            return j, found
        if s[0] in RULE_CHARS and is_rule(s):
            continue
        seen += 1
        if seen >= 6 or opens_field(s) or _captions_of(s)[0]:
            return None
    return None


#: the words of the line that closes a pasted database record (and canonical text's preamble)
HEADER_ENDS = "header ends"
#: the line canonical text writes below a preamble
PREAMBLE_END = "----------------- header ends ----------------"
_HEADER_ENDS_RE = re.compile(r"\s*-+\s*header ends\s*-+\s*$")
_STAMP_LINE_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}$|\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$")
_REFID_LINE_RE = re.compile(r"\d{2}[A-Z]{3,}\d{1,7}$")
# (after the record's id, where it has one: ``ID:190812 Cable dated:...``)
_CABLE_DATED_RE = re.compile(r"(?:ID:\s*\d+\s+)?Cable dated:\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?")


def _whole_line(found: tuple[ClassificationLine, str] | None) -> bool:
    """True for a whole classification line: a serial, and origin words without digits."""
    if found is None or found[0].serial is None:
        return False
    origin = found[0].origin
    return origin is None or not any(c.isdigit() for c in origin)


def _record_start(lines: list[Line], i: int, limit: int) -> int | None:
    """Where a database record pasted into the text starts, or None.

    Its signature: a ``header ends`` line, an ``id: 123`` line, an ``ID: 190648`` line
    (the first of a record's labelled lines: ``ORIGIN:``, ``DATE:``, ``SOURCE:``,
    ``CLASSIFICATION:``, ``MISC:``, ``DESTINATION:``, 09KUWAIT110), or a time stamp line
    next to a line holding only a reference id (``06MEXICO953``).
    """
    for j in range(i, limit):
        t = lines[j][1].strip()
        if not t:
            continue
        if HEADER_ENDS in t or t.startswith("id: ") or (t.startswith("ID:") and _LABELLED_RECORD_RE.match(t)):
            return j
        if t.startswith("Key:") and _KEY_LINE_RE.match(t):
            # a record of the cable's title over its labelled lines (``Class:``, ``Date:``,
            # ``Key:`` with the reference id, ``Tags:``, 09DOHA691): it opens at the title
            k = j - 1
            while k > i and (is_blank(lines[k][1]) or _LABEL_LINE_RE.match(lines[k][1].strip())):
                k -= 1
            return k
        if _STAMP_LINE_RE.match(t):
            k = j + 1
            while k < limit and is_blank(lines[k][1]):
                k += 1
            if k < limit and _REFID_LINE_RE.match(lines[k][1].strip()):
                p = j - 1
                while p > i and is_blank(lines[p][1]):
                    p -= 1
                prev = lines[p][1].strip() if p >= i else ""
                return p if p >= i and (prev.isdigit() or prev == ">") else j
    return None


_ROW_NUMBER_RE = re.compile(r"\n[ \t]*+\d{3,7}[ \t]*\n")


def is_preamble_end(text: str) -> bool:
    """True for a ``----- header ends -----`` line (a pasted record's end, or canonical text's)."""
    return HEADER_ENDS in text and _HEADER_ENDS_RE.match(text) is not None


# (a search for a literal that ends in a space costs more with ``in``)
#: a labelled record's first two lines: its row number, then its reference id
_LABELLED_RECORD_OPENING = r"ID:[ \t]*+\d++[ \t]*+\n[ \t]*+ORIGIN:"
# a titled record's line of the reference id (``Key: <tab>09DOHA691``)
_KEY_LINE = r"Key:[ \t]++\d{2}[A-Z]"
_ID_RE = re.compile("id: |" + _LABELLED_RECORD_OPENING + "|" + _KEY_LINE)
# a labelled record's first line: its row number
_LABELLED_RECORD_RE = re.compile(r"ID:[ \t]*+\d+$")
_KEY_LINE_RE = re.compile(_KEY_LINE + r"[A-Z0-9]*\d$")
# a titled record's labelled lines, above its reference id's
_LABEL_LINE_RE = re.compile(r"(?:Class|Date|Key|Tags):\s")


def _may_hold_record(head: str, lines: list[Line], i: int) -> bool:
    """A cheap first look: can ``head`` (the text from line ``i`` of ``lines``, joined)
    hold a pasted record?  Its first eight lines that are not blank are looked at (canonical
    text writes one blank line where the text had several)."""
    seen = 0
    while i < len(lines) and seen < 8:
        s = lines[i][1].lstrip()
        i += 1
        if s:
            if s[0].isdigit() or s[0] == ">":
                return True
            seen += 1
    if HEADER_ENDS in head or _ID_RE.search(head) or "Cable dated:" in head or "...\n" in head:
        return True
    return _ROW_NUMBER_RE.search(head) is not None


def _is_csv_row(text: str) -> bool:
    """True when ``text`` holds a cables.csv row (``123,3/5/2007 1:15,...``)."""
    return _CSV_ROW_START_RE.match(text) is not None or _CSV_ROW_RE.search(text) is not None


def _preamble_end(
    lines: list[Line],
    i: int,
    diags: Collector,
    canonical: bool = False,
    text: str | None = None,
    *,
    before_breaks: str | None = None,
) -> int:
    """Where text pasted above the cable's own header ends (``i`` when there is none).

    ``text`` is ``joined(lines)`` when the caller has it; else ``before_breaks``, when
    the caller has it, is a text that holds each of ``lines`` as a line of its own (see
    :func:`parse_header`).  A database record pasted into the page (field lines closed by
    ``----- header ends -----``, or bare values: row number, time stamp, reference id,
    origin, classification, the routing header) sits above the cable text, sometimes
    after a truncated first copy of the header.  All of it, up to the classification
    line that follows the record, is preamble.
    """
    n = len(lines)
    if canonical:
        # canonical text writes the preamble (whatever it holds, classification lines of
        # pasted copies included) and then one such line, which ends it however far down;
        # it writes that line after an empty preamble too whenever the text below holds
        # the words: without one there is no preamble
        for j in range(i, n):
            t = lines[j][1]
            if HEADER_ENDS in t and is_preamble_end(t):
                return j + 1
        return i
    limit = min(n, i + 150)
    if text is not None and n <= i + 150:
        # the lines from i on, joined: the caller's text past the first i lines
        head = text[sum(len(t) for _, t in lines[:i]) + i :] if i else text
    else:
        head = joined(lines[i : i + 150])
    # (the words of a record's last line: in neither place below when the caller's whole
    # text lacks them, or a text that holds each line does; looked for in that one only
    # when the lines reach past the head, which is looked in below anyway)
    if text is not None:
        may_end = HEADER_ENDS in text
    else:
        may_end = before_breaks is None or n <= i + 150 or HEADER_ENDS in before_breaks
    # "header ends" further down, within reach
    far = may_end and n > i + 150 and HEADER_ENDS in joined(lines[i + 150 : i + 400])
    # (the words in a line of the head)
    ends_in_head = may_end and HEADER_ENDS in head
    # a line that only a pasted database record has (a cables.csv row is looked for apart,
    # in the first lines only, where it is read as one)
    record_line = ends_in_head or _RECORD_FIRST_RE.match(head) is not None or _RECORD_HINT_RE.search(head) is not None
    # the first three lines, a run of blank lines counted as one (canonical text writes it
    # as one: a row below two of them is among them there too)
    top = i
    seen = 0
    blank = False
    while top < n and seen < 3:
        # (:func:`is_blank`, inline)
        if (t := lines[top][1]) and not t.isspace():
            seen += 1
            blank = False
        elif not blank:
            seen += 1
            blank = True
        top += 1
    # a first look, the last in most cables: neither of those, and no cables.csv row in
    # those lines; the tests below tell the same, in more steps
    if not far and not record_line and _CSV_HINT_RE.search(joined(lines[i:top])) is None:
        return i
    heads = [h for k in range(i, top) if (h := lines[k][1].strip())]
    csv_row = any(_is_csv_row(h) for h in heads)
    if not far and (not (csv_row or record_line) or not _may_hold_record(head, lines, i)):
        return i
    if csv_row:
        # a whole cables.csv row: the cable text opens inside a quoted field
        for j in range(i, limit):
            t = lines[j][1]
            k = t.find('","')
            if k >= 0 and match_classification_line(t[k + 3 :].strip()) is not None:
                diags.add("CP302", "a cables.csv row pasted as the cable text", line=lines[i][0])
                lines.insert(j + 1, (lines[j][0], t[k + 3 :]))
                lines[j] = (lines[j][0], t[: k + 3])
                return j + 1
    if heads and _TAB_ROW_RE.match(heads[0]):
        # a tab-separated database row: the cable text opens inside one of its lines
        for j in range(i, limit):
            t = lines[j][1]
            for m in _CLASS_WORDS_RE.finditer(t):
                # (a whole line: the row's own classification column, before the next
                # columns, reads as a level and words with digits: ``SECRET 09STATE2519
                # P 151147``)
                if m.start() > 0 and _whole_line(match_classification_line(t[m.start() :])):
                    diags.add("CP302", "a database row pasted as the cable text", line=lines[i][0])
                    lines.insert(j + 1, (lines[j][0], t[m.start() :]))
                    lines[j] = (lines[j][0], t[: m.start()].rstrip())
                    return j + 1
    if heads and heads[0].startswith(("Cable dated:", "ID:")):
        t = lines[i][1].strip()
        dated = _CABLE_DATED_RE.match(t)
        if dated and dated.end() < len(t):
            lines.insert(i + 1, (lines[i][0], t[dated.end() :]))
            lines[i] = (lines[i][0], t[: dated.end()])
            return i + 1
    # (no line within reach holds the words when neither the head nor the lines below it
    # within reach do: the lines are not looked at one by one)
    last_end = _record_end_line(lines, i) if ends_in_head or far else None
    if last_end is not None:
        diags.add("CP302", "a database record above the cable text", line=lines[i][0])
        return last_end + 1
    start = _record_start(lines, i, limit)
    if start is None:
        return i
    for j in range(start + 1, limit):
        t = lines[j][1].strip()
        if match_classification_line(t) is not None and _SERIAL_RE.search(t):
            diags.add("CP302", "a database record pasted above the cable text", line=lines[start][0])
            return j
    return i


def _record_end_line(lines: list[Line], i: int) -> int | None:
    """The ``header ends`` line that closes a database record pasted above the cable text,
    among the 400 lines from ``i``: the last that a classification line closely follows;
    else the first within 150 lines that is such a line alone, or the first there that
    holds the words; or None."""
    n = len(lines)
    last_end = None
    first_end = None
    first_whole = None
    for j in range(i, min(n, i + 400)):
        if HEADER_ENDS in lines[j][1]:
            if j < i + 150:
                if first_end is None:
                    first_end = j
                if first_whole is None and is_preamble_end(lines[j][1]):
                    first_whole = j
            for k in range(j + 1, min(n, j + 12)):
                if match_classification_line(lines[k][1].strip()) is not None:
                    last_end = j
                    break
    if last_end is None:
        last_end = first_whole if first_whole is not None else first_end
    return last_end


_SERIAL_RE = re.compile(r"\d{3,}\s*$")
# a TAGS keyword run on to an E.O. line where the field split does not see it: glued to
# the date (``DECL: 02/04/2019TAGS: EAIR``), after a stray quote (``05/15/2034 "TAGS:``),
# or written TAG without its colon before the tags (``03/20/2019 TAG PTER, PGOV``)
_EO_TAGS_RE = re.compile(r"(?<=[0-9])[\"']?(?=TAGS?:)|\s[\"'](?=TAGS?:)|\s(?=TAG\s[A-Z]{2,5}\b)")
# lines that only a pasted database record has: a time stamp alone, "id: ...", a csv row, a
# tab row; searched after each newline (a literal first character keeps the search fast, and
# the forms that open with a digit share that digit), and matched at the text's start
_RECORD_LINE = (
    r"[ \t]*+(?:\d(?:\d?/\d{1,2}/\d{4} \d{1,2}:\d{2}[ \t]*(?=\n|\Z)"
    r"|\d{3}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?(?:[ \t]*(?=\n|\Z)|\t)|\d*,\d{1,2}/|\d*\t\d{4}-)|id: |Cable dated:"
    r"|ID:\s*\d+\s+Cable dated:|" + _LABELLED_RECORD_OPENING + "|" + _KEY_LINE + ")"
)
# the characters such a line may open with: white space, or the first of a form above (a
# newline that none follows is passed over before the forms are tried: most lines of a
# cable's text open with none of them)
_RECORD_LINE_FIRST = r"[ \t\dCIiK]"
_RECORD_HINT_RE = re.compile(rf"\n(?={_RECORD_LINE_FIRST}){_RECORD_LINE}")
_RECORD_FIRST_RE = re.compile(_RECORD_LINE)
# (the row number may be missing: the row opens with its time stamp)
_TAB_ROW_RE = re.compile(r"\d+\t\d{4}-\d{2}-\d{2} \d{2}:\d{2}|\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?\t")
_CLASS_WORDS_RE = re.compile(r"(?<=\s)(?:C O N F I D E N T I A L|S E C R E T|UNCLAS|CONFIDENTIAL|SECRET)\s")
_CSV_ROW_START_RE = re.compile(r"\d+,\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2},")
_CSV_ROW_RE = re.compile(r",\d+,\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2},")
# what both cables.csv row patterns hold (a literal first keeps the search fast)
_CSV_HINT_RE = re.compile(r",\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2},")


def is_record_line(s: str) -> bool:
    """True for a stripped line that only a database record or row pasted into the text
    holds: a row number, a time stamp, a reference id alone, an ``id:`` or ``ID:`` line, a
    record's ``header ends`` line, a tab-separated or cables.csv row."""
    return (
        _TAB_ROW_RE.match(s) is not None
        or s.isdigit()
        or HEADER_ENDS in s
        or s.startswith(("id: ", "ID:"))
        or _STAMP_LINE_RE.match(s) is not None
        or _REFID_LINE_RE.match(s) is not None
        or _CSV_HINT_RE.search(s) is not None
    )


#: the shortest text after a portion marking that opens the body below a REF list
_MARKED_TEXT = 40


def opens_marked_text(nxt: str, block: list[str]) -> bool:
    """True when the stripped line ``nxt``, right below the lines ``block`` of a REF list,
    opens the text: a portion marking (none that could be the list's next letter, as
    ``(C)`` after ``(B)``) and at least :data:`_MARKED_TEXT` characters of words after it."""
    marking, rest = split_marking(nxt)
    if marking is None or len(rest) < _MARKED_TEXT or " " not in rest:
        return False
    if len(marking) == 1:
        bullets = _bullets("\n".join(block))
        if opens_like_bullet(nxt, chr(ord(bullets[-1][2]) + 1) if bullets else "A"):
            return False
    return True


#: the longest line that a lettered REF list goes on with past a blank line, opening with
#: no bullet
_MAX_REF_LINE = 100


def _continues_refs(lines: list[Line], k: int, block: list[str], h: HeaderFields) -> bool:
    """After a blank line inside a REF block: does the line ``k`` carry on the list?  It
    does when it opens with the bullet after the block's last, as
    :func:`reference_items` reads them, or, in a lettered list, when it is the list's
    though it opens with no bullet, and holds two items or more: the list's last item is
    a bullet alone at the end of a line that holds more (``... C) State 15111; and D)`` /
    / ``State 13716``), or the line holds the next bullet (``C) SAINZ E-MAIL`` / / ``OF
    10/6 D) STATE 215870``, 04MADRID3914; no portion marking after a paragraph's number,
    ``1. (C)``); the line is short, opens no field, paragraph, rule, caption or marked
    text; and a header field not read yet follows it past blank lines, other than
    another REF keyword (a numbered paragraph counts below a bullet alone only)."""
    cand = lines[k][1].strip()
    if cand[0].isdecimal() or cand[0] in RULE_CHARS:
        # (no bullet opens it, nor does a list go on with it: the cheap test first, where
        # most blocks end in a paragraph's number)
        return False
    text = "\n".join(block)
    bullets = _bullets(text)
    if not bullets:
        return False
    if opens_like_bullet(cand, chr(ord(bullets[-1][2]) + 1)):
        return True
    if (
        len(bullets) < 2  # (a list of one item is no list wrapped: ``REF: A.`` alone)
        or len(cand) > _MAX_REF_LINE
        or cand[0] == "("
        or opens_field(cand)
        or _captions_of(cand)[0]
    ):
        return False
    alone = not text[bullets[-1][1] :].strip(_ITEM_SEPARATORS + "\n")
    if alone:
        if not text[text.rfind("\n", 0, bullets[-1][0]) + 1 : bullets[-1][0]].strip(_ITEM_SEPARATORS):
            # (a bullet alone on its line is an item left empty, as canonical text writes one)
            return False
    else:
        more = _bullets(f"{text}\n{cand}")
        if len(more) == len(bullets):
            return False
        # (the next bullet, not a portion marking after a paragraph's number: ``1. (C)``)
        before = cand[: more[len(bullets)][0] - len(text) - 1].rstrip()
        if before[-1:] == "." and before[-2:-1].isdecimal():
            return False
    j = next_text(lines, k + 1)
    if j >= len(lines):
        return False
    below = lines[j][1].strip()
    # (a field other than another REF keyword, which stays with the items)
    return ends_ref_block(below) and _field_to_come(below, h) and (alone or not below[0].isdecimal())
