"""Lines of cable text, and continuation markers (page breaks).

The cable text is handled as a list of ``(line number, text)`` pairs with trailing
space removed.  Continuation markers are taken out wherever they fall, together with
the blank lines WikiLeaks' reassembly put around them, so that a sentence they cut is
joined again; each becomes a :class:`~cableparse.models.PageBreak`.

Two marker forms exist.  Modern records (about 2003-2010)::

    PHNOM PENH 00000350  002 OF 007
    PORT AU PR 00002230 001.2 OF 002

and teletype page headers of older records::

    PAGE 02 ROME 01196 01 OF 02 082030Z
"""

from __future__ import annotations

import operator
import re

from ..diagnostics import Collector
from ..models import PageBreak

__all__ = [
    "CUT_SHORT",
    "PARTIAL_SENTENCE",
    "WHITE_SPACE",
    "Line",
    "is_blank",
    "joined",
    "marker_at",
    "next_text",
    "remove_page_breaks",
    "split_marker",
    "split_run_on_page_header",
    "split_run_on_page_headers",
    "strip_inline_markers",
    "without_backslash_residue",
    "without_escaped_newline",
]

Line = tuple[int, str]

# ORIGIN words (at most ~20 characters, often cut at 10), an 8-digit serial, section[.page] OF total.
_MARKER_RE = re.compile(
    r"[ \t]*([A-Za-z][A-Za-z .'-]{0,24}?)[ \t]+(\d{4,8})[ \t]+(\d{1,3})(?:\.(\d{1,2}))?"
    r"[ \t]+[Oo][Ff][ \t]+(\d{1,3})[ \t]*$",
    re.ASCII,
)
# The same inside a reflowed line: found from its numeric part, the origin words checked after
# (a comma or semicolon may follow it, as the items of a field)
_INLINE_RE = re.compile(r"[ \t](\d{8})[ \t]++(\d{3})(?:\.(\d))?[ \t]++OF[ \t]++(\d{3})(?=[\s,;]|$)")
# what every match of _INLINE_RE ends with, a literal first: a line without it holds no
# marker, told in fewer steps than the pattern's search, which tries every space of the line
_INLINE_TAIL_RE = re.compile(r"OF[ \t]++\d{3}(?=[\s,;]|$)")
_LEGACY_RE = re.compile(r"[^\S\n]*PAGE[^\S\n]+(\d{2,3})[^\S\n]+(\S.*?)?[^\S\n]*\d{6}Z[^\S\n]*$")
_LEGACY_SECTION_RE = re.compile(r"\b(\d{1,2})[ \t]+OF[ \t]+(\d{1,2})\b")
# a teletype page header with text run on after its date-time group (reflowed text):
# ``PAGE 03 HARARE 06677 03 OF 03 291401Z 11. (C) COMMENT: ...``
# (any white space but a newline between the words, as in the pattern above: folded, a
# form feed is a space)
_LEGACY_HEAD_RE = re.compile(r"[^\S\n]*PAGE[^\S\n]+\d{2,3}[^\S\n]+\S[^\n]*?[^\S\n]\d{6}Z(?=[^\S\n]+\S)")
#: WikiLeaks' note that a page holds a partial extract of the cable (in the routing
#: header's place, or between a truncated first copy of the cable and its whole text)
PARTIAL_SENTENCE = (
    "This record is a partial extract of the original cable. The full text of the original cable is not available."
)
# a page's banner run on to the end of the text line above a teletype page header, after a
# run of spaces (``... ATTRACTIVE  CONFIDENTIAL``)
_BANNERS = frozenset({"CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "LIMITED OFFICIAL USE", "UNCLAS"})
_BANNER_ALTERNATIVES = "|".join(sorted(_BANNERS, key=lambda w: (-len(w), w)))
_GLUED_BANNER_RE = re.compile(rf"(?<=\S)[ \t]{{2,}}({_BANNER_ALTERNATIVES})$")
#: the first letters of a page's banner words (a cheap first test of :func:`is_banner`)
BANNER_WORDS = ("CONF", "SECR", "UNCL", "LIMI")
# a page's banner with the teleprinter's reel number after it (``CONFIDENTIAL     PTQ2529``)
_NUMBERED_BANNER_RE = re.compile(rf"(?:{_BANNER_ALTERNATIVES})[ \t]+[A-Z]{{2,4}}\d{{3,6}}$")
# a teletype page header without its date-time group: PAGE 02 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440
_LEGACY_RI_RE = re.compile(r"[ \t]*PAGE[ \t]+(\d{2,3})[ \t]+R[A-Z]{3,7}\d{3,5}\b")
# the words that mark a teletype page header and a marker inside a line (``OF``, white
# space but a newline, a digit), looked for in the whole text (``PAGE`` is rare: a search
# tells first; the pattern's scan for its first letter takes less time over a cable's
# text than ``in``, whose skips the upper-case letters of the text keep short)
_PAGE_WORD_RE = re.compile("PAGE")
_INLINE_HINT_RE = re.compile(r"OF[^\S\n]++[0-9]")
# in text of plain ASCII with spaces only: "F", spaces and a digit (a whole-line marker's
# upper-case "OF" or "oF" and its total; "OF", spaces and a digit inside a line), and "f",
# spaces and at most three digits that end a line (a marker's "of" or "Of" and its total).
# Both are found by one search in the text with its "F" read as "f" (a hit at an "f" then
# kept where the second pattern matches); "f " is a literal that the search skips to in C.
_F_DIGIT_RE = re.compile("f  *[0-9]")
_F_END_RE = re.compile(r"f +[0-9]{1,3}(?:\.\.\.)?$", re.MULTILINE)
_UPPER_WORD_RE = re.compile(r"[A-Z][A-Z'.-]*$")
#: the mark that ends a line a partial extract cut short (a marker's total too: ``OF 00...``)
CUT_SHORT = "..."
_TEXT_OF = operator.itemgetter(1)
_ASCII_DIGITS = frozenset("0123456789")
# the white space (but newlines) that folding a line turns into spaces (``str.isspace``), each
# read as one space: positions in the line stay where they were
_ODD_SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_AS_SPACES = str.maketrans(dict.fromkeys(_ODD_SPACES, " "))
#: every white space character (``str.isspace``): what ``str.split()`` folds
WHITE_SPACE = " \n" + _ODD_SPACES


def is_banner(text: str) -> bool:
    """True when the line ``text`` is a page's classification banner as old traffic prints
    it above a teletype page header: a level word alone (``CONFIDENTIAL``), or with the
    teleprinter's reel number (``CONFIDENTIAL     PTQ2529``)."""
    s = text.strip()
    return s in _BANNERS or (s.startswith(BANNER_WORDS) and _NUMBERED_BANNER_RE.match(s) is not None)


def _spaced_plainly(text: str) -> bool:
    """True when ``text`` is plain ASCII without a tab, vertical tab or form feed: the
    text that :func:`_spaced` leaves as it is, and searches for markers read as written."""
    return text.isascii() and "\t" not in text and "\x0c" not in text and "\x0b" not in text


def _spaced(text: str) -> str:
    """``text`` with every white space character a space (the same length): a marker is
    one however its words are spaced, as it is once a line's spaces are folded."""
    if _spaced_plainly(text):
        return text
    return text.translate(_AS_SPACES)


def joined(lines: list[Line]) -> str:
    """The texts of ``lines`` joined with newlines: one string that ``in`` and ``find``
    scan in C, where a loop over the lines would test each in Python."""
    return "\n".join(map(_TEXT_OF, lines))


def without_backslash_residue(text: str) -> str:
    """``text`` without trailing space and the backslashes before it: the residue of the
    csv dump's backslash-escaped newlines (``... 01725 \\``)."""
    s = text.rstrip()
    if s.endswith("\\"):
        end = len(s)
        while end and (s[end - 1] == "\\" or s[end - 1].isspace()):
            end -= 1
        s = s[:end]
    return s


def without_escaped_newline(text: str) -> str:
    """``text`` without the backslash residue at its end when it ends in a backslash
    (:func:`without_backslash_residue`), else unchanged (trailing space kept)."""
    return without_backslash_residue(text) if text.endswith("\\") else text


def is_blank(text: str) -> bool:
    """True for an empty or whitespace-only line."""
    return not text or text.isspace()


def next_text(lines: list[Line], k: int) -> int:
    """The index of the first of ``lines`` from ``k`` on that is not blank (``len(lines)``
    if none)."""
    n = len(lines)
    # (:func:`is_blank`, inline: this runs for most lines the parsers step over)
    while k < n and (not (t := lines[k][1]) or t.isspace()):
        k += 1
    return k


def split_marker(text: str) -> PageBreak | None:
    """The page break a whole line is, or None.  A marker is at most 80 characters long
    once its spaces are folded, as canonical text writes the line."""
    last = text[-1:]
    if last.isspace():
        last = text.rstrip()[-1:]
    cut = False  # (its total cut short: ``DUSHANBE 00000575  001.2 OF 0...``)
    if last not in _ASCII_DIGITS and "PAGE" not in text:
        # (a marker ends in its total, but a teletype page header: the cheap test first)
        if last != "." or not text.rstrip().endswith(CUT_SHORT):
            return None
        cut = True
    if len(text) > 80 and len(" ".join(text.split())) > 80:
        return None
    probe = _spaced(text)
    if cut:
        probe = probe.rstrip()[: -len(CUT_SHORT)]
        if probe[-1:] not in _ASCII_DIGITS:
            return None
    if "PAGE" in probe:
        m2 = _LEGACY_RI_RE.match(probe)
        if m2:
            # (page breaks are built positionally, section, page, total, line and text:
            # cheaper than keywords)
            return PageBreak(None, int(m2.group(1)), None, None, text.strip())
        m = _LEGACY_RE.match(probe)
        if m:
            sec = _LEGACY_SECTION_RE.search(m.group(2) or "")
            return PageBreak(
                int(sec.group(1)) if sec else None,
                int(m.group(1)),
                int(sec.group(2)) if sec else None,
                None,
                text.strip(),
            )
    if (" OF " not in probe and " of " not in probe) or probe.rstrip()[-1:] not in _ASCII_DIGITS:
        return None
    m = _MARKER_RE.match(probe)
    if m is None:
        return None
    page = m.group(4)
    return PageBreak(int(m.group(3)), int(page) if page else None, None if cut else int(m.group(5)), None, text.strip())


def split_run_on_page_header(text: str) -> tuple[PageBreak, str] | None:
    """The teletype page header that opens the line ``text`` with text run on after its
    date-time group (reflowed text: ``PAGE 03 HARARE 06677 03 OF 03 291401Z 11. (C) ...``),
    and that text; None for any other line."""
    head = _LEGACY_HEAD_RE.match(text)
    if head is None:
        return None
    pb = split_marker(text[: head.end()])
    return None if pb is None else (pb, text[head.end() :].strip())


def split_run_on_page_headers(text: str) -> tuple[list[PageBreak], str] | None:
    """The teletype page headers that open the line ``text`` with text run on after them
    (:func:`split_run_on_page_header`), any more page headers run on to that text and a
    marker that is all that is left of it too (``PAGE 02 ... 061419Z PAGE 02 ... 061419Z
    text``), and the text after them (``""`` when none); None for any other line.  Read
    once, as a line of its own would be, so that the line canonical text writes holds
    none."""
    run_on = split_run_on_page_header(text)
    if run_on is None:
        return None
    found, rest = [run_on[0]], run_on[1]
    while rest and "PAGE" in rest:
        pb = split_marker(rest)
        if pb is not None:
            found.append(pb)
            return found, ""
        again = split_run_on_page_header(rest)
        if again is None:
            break
        found.append(again[0])
        rest = again[1]
    return found, rest


def marker_at(pb: PageBreak, line: int, banner: str = "") -> PageBreak:
    """The page break ``pb`` that :func:`split_marker` read, at ``line`` (1-based in the
    text parsed), with ``banner`` (a classification banner above a page header) before
    its text."""
    return PageBreak(pb.section, pb.page, pb.total, line, banner + pb.text)


_WORD_ENDS = " ,;)"


def _origin_start(probe: str, lo: int, hi: int) -> int | None:
    """Where the origin words of a marker whose serial starts at ``hi`` begin: at most
    three upper-case words of twelve letters in all, after ``lo``; None when there are
    none.  Any run of spaces may stand before the serial (``probe`` has white space as
    spaces, as folding a line's spaces leaves one); the origin's words are one space
    apart, and two spaces, a comma, a semicolon or a closing parenthesis end it (``BY
    GAZA  LONDON``, ``GOL, TRIPOLI``, ``0.;SUBJE``: a field's items are written back
    apart; ``1.(U)LONDON``: a portion marking is written with a space after it)."""
    cut = None
    chars = 0
    k = hi
    while k > lo and probe[k - 1] == " ":
        k -= 1
    for _ in range(3):
        end = k
        while k > lo and probe[k - 1] not in _WORD_ENDS:
            k -= 1
        w = probe[k:end]
        if not w or chars + len(w) > 12 or not _UPPER_WORD_RE.match(w):
            break
        chars += len(w) + 1
        cut = k
        if k - 1 <= lo or probe[k - 1] != " " or probe[k - 2] in _WORD_ENDS:
            break
        k -= 1
    return cut


#: at most this many passes over a line for markers that taking one out brings together
_MARKER_PASSES = 8


def strip_inline_markers(lineno: int, text: str, breaks: list[PageBreak], diags: Collector) -> str:
    """Remove markers that sit inside a reflowed line.  One pass takes out all there are;
    another runs only when taking them out joined the parts of one more (``SLA 00000064
    002 OF`` + marker + ``000``), up to a few passes: the line that canonical text writes
    holds none."""
    line = lineno + 1 + diags.offset  # (the breaks' line, 1-based in the text parsed)
    out = _strip_markers_once(line, text, breaks)
    if out is text:
        return text
    diags.add("CP303", line=lineno)
    for _ in range(_MARKER_PASSES - 1):
        if "OF" not in out:
            break
        again = _strip_markers_once(line, out, breaks)
        if again is out:
            break
        out = again
    return out


def _strip_markers_once(line: int, text: str, breaks: list[PageBreak]) -> str:
    """One pass of :func:`strip_inline_markers` (``line`` is the breaks' line): ``text``
    itself when it holds no marker."""
    pieces: list[str] = []
    last = 0
    probe = _spaced(text)
    if _INLINE_TAIL_RE.search(probe) is None:
        return text
    for m in _INLINE_RE.finditer(probe):
        start = m.start()
        if start < last:
            continue
        # the origin: at most three upper-case words before the serial (cut at ten letters)
        cut = _origin_start(probe, last, start)
        if cut is None:
            continue
        page = m.group(3)
        breaks.append(
            PageBreak(int(m.group(2)), int(page) if page else None, int(m.group(4)), line, text[cut : m.end()].strip())
        )
        pieces.append(text[last:cut].rstrip())
        last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:].lstrip())
    # (a marker at the line's start or end leaves no piece there, and no space)
    return " ".join(p for p in pieces if p)


def _candidates(texts: list[str], text: str) -> list[int]:
    """Indexes of the lines that may hold a marker (more lines do no harm: a line that
    holds none is kept as it is).  ``text`` is the lines joined, ``texts`` their texts;
    the lines have no trailing space.

    A whole-line marker ends in ``OF``, ``of`` (any case) and at most three digits, a
    teletype page header holds ``PAGE``, a marker inside a reflowed line ``OF``, white
    space and a digit: in a text of plain ASCII with spaces only, these are found in
    ``text``.  In any other, a marker may be spaced with other white space and read only
    once it is a space: each line that ends in a digit and holds ``OF`` or ``of`` is
    looked at too.
    """
    if _spaced_plainly(text):
        found: list[int] = []
        hits = []
        for m in _F_DIGIT_RE.finditer(text.replace("F", "f")):
            h = m.start()
            if text[h] == "F" or _F_END_RE.match(text, h):
                hits.append(h)
    else:
        found = [
            k
            for k, t in enumerate(texts)
            if (t[-1:] in _ASCII_DIGITS or t.endswith(CUT_SHORT))
            and (" OF " in t or " of " in t or (("OF" in t or "of" in t) and _spaced(t) is not t))
        ]
        hits = [m.start() for m in _INLINE_HINT_RE.finditer(text)]
    if _PAGE_WORD_RE.search(text) is not None:
        hits += [m.start() for m in _PAGE_WORD_RE.finditer(text)]
    if not hits:
        return found
    hits.sort()
    line = pos = 0
    for h in hits:
        line += text.count("\n", pos, h)
        pos = h
        found.append(line)
    return sorted(set(found))


def remove_page_breaks(
    lines: list[Line],
    diags: Collector,
    text: str | None = None,
    texts: list[str] | None = None,
    changed: list[str] | None = None,
) -> tuple[list[Line], list[PageBreak]]:
    """Take the continuation markers out of ``lines``.

    A marker and the blank lines around it are removed.  WikiLeaks' reassembly puts
    one blank line before a marker and two after it; blank lines beyond that padding
    were in the text and one of them is kept, so a paragraph boundary stays one.
    Adjacent markers share the count.  A classification banner line just above a
    teletype page header (``CONFIDENTIAL``) belongs to the page header and goes with it.
    Only the few lines that can hold a marker are looked at one by one; the runs
    between them are copied whole.  ``text`` is ``joined(lines)`` and ``texts`` the lines'
    texts, when the caller has them.  ``changed``, when given, gets the texts of the lines
    returned that are none of ``lines`` (a line that markers were taken out of, what a
    banner or a page header run on to a line left of it): every other line returned is
    one of ``lines``, or an empty line that keeps a paragraph boundary.
    """
    if texts is None:
        texts = list(map(_TEXT_OF, lines))
    cands = _candidates(texts, "\n".join(texts) if text is None else text)
    if not cands:
        return lines, []
    n = len(lines)
    out: list[Line] = []
    breaks: list[PageBreak] = []
    markers = 0  # markers in the current run
    blanks = 0  # blank lines around them
    i = 0

    def close_run(j: int, end: int) -> int:
        """Lines i..end follow a run of markers: count their leading blanks, end the run at text."""
        nonlocal markers, blanks
        k = j
        while k < end and is_blank(lines[k][1]):
            k += 1
        blanks += k - j
        if k < end:
            if blanks - 3 * markers > 0 and out:
                out.append((lines[k][0], ""))
            markers = blanks = 0
            out.extend(lines[k:end])
        return k

    for c in cands:
        if markers:
            close_run(i, c)
        else:
            out.extend(lines[i:c])
        i = c + 1
        lineno, text = lines[c]
        pb = split_marker(text) if text and not text.isspace() else None
        kept = text
        if pb is None and "OF" in text:
            kept = strip_inline_markers(lineno, text, breaks, diags)
            if kept is not text and kept.strip():
                # what is left once markers are taken out of a line may be one more, whole
                pb = split_marker(kept)
        rest = ""  # the text run on to a teletype page header, a line of its own below it
        more: list[PageBreak] = []  # page headers run on after the first, and a marker
        if pb is None and "PAGE" in kept:
            run_on = split_run_on_page_headers(kept)
            if run_on is not None:
                (pb, *more), rest = run_on
        if pb is not None:
            banner = ""
            if not markers:
                before = 0
                while out and is_blank(out[-1][1]):
                    out.pop()
                    before += 1
                blanks = before
                if pb.text.startswith("PAGE") and before <= 2 and out and is_banner(out[-1][1]):
                    banner = " ".join(out.pop()[1].split()) + " "
                    # (a teletype printout has its banner at the foot of each page too: the
                    # one above goes with it, and the blank lines between them)
                    k = len(out)
                    while k and len(out) - k <= 2 and is_blank(out[k - 1][1]):
                        k -= 1
                    if k and len(out) - k <= 2 and is_banner(out[k - 1][1]):
                        banner = " ".join(out[k - 1][1].split()) + " " + banner
                        del out[k - 1 :]
                elif pb.text.startswith("PAGE") and not before and out and "  " in out[-1][1]:
                    # (or run on to the end of the text line above it, in reflowed text)
                    glued = _GLUED_BANNER_RE.search(out[-1][1])
                    if glued is not None:
                        banner = glued.group(1) + " "
                        left = out[-1][1][: glued.start()]
                        whole = split_marker(left) if "PAGE" in left else None
                        if whole is not None and whole.text.startswith("PAGE"):
                            # (what is left is a page header of its own: the banner was run
                            # on to one header, above the next)
                            breaks.append(marker_at(whole, out.pop()[0] + 1 + diags.offset))
                        else:
                            out[-1] = (out[-1][0], left)
                            if changed is not None:
                                changed.append(left)
            breaks.append(marker_at(pb, lineno + 1 + diags.offset, banner))
            breaks.extend(marker_at(x, lineno + 1 + diags.offset) for x in more)
            markers += 1
            if rest:
                # (the text after the header: the line it opens, as if below the header)
                if blanks - 3 * markers > 0 and out:
                    out.append((lineno, ""))
                markers = blanks = 0
                out.append((lineno, rest))
                if changed is not None:
                    changed.append(rest)
            continue
        if markers:
            if is_blank(text):
                blanks += 1
                continue
            if blanks - 3 * markers > 0 and out:
                out.append((lineno, ""))
            markers = blanks = 0
        out.append((lineno, kept))
        if kept is not text and changed is not None:
            changed.append(kept)
    if markers:
        close_run(i, n)
    else:
        out.extend(lines[i:])
    return out, breaks
