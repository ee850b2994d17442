"""The body: paragraphs, headings, the signature and what trails it.

A numbered paragraph opens at a line ``NUM. [(MARKING)] text`` that starts a block
(after a blank line, a heading or the header) or that carries the number following
the previous one; a wrapped line that happens to begin ``2005. `` does neither.  It runs
to the next numbered paragraph, heading or the signature, its blocks kept apart by
one blank line.  Text before the first numbered paragraph, and after a heading until
the next numbered paragraph, forms paragraphs without a number, one per block.

A heading is a short line underlined with a rule (``-----``, ``=====``), or boxed
between two rules.  Rules broken by the 45-character split (``----- ---``) are joined.
"""

from __future__ import annotations

import re

from ..diagnostics import Collector
from ..models import Paragraph
from .lines import _TEXT_OF, WHITE_SPACE, Line, is_blank, next_text, split_marker, without_escaped_newline
from .markings import CAPTION_WORDS, PARA_OPENING_RE, PARA_START_RE, marking_of, split_marking

__all__ = [
    "MAX_TITLE",
    "RULE_CHARS",
    "Body",
    "heading_at_end",
    "inline_heading",
    "is_rule",
    "parse_body",
    "rule_opens_box",
]

# (broken by any white space but a newline: folded, it is a space)
_RULE_RE = re.compile(
    r"[^\S\n]*(?:[-=_~\u2010\u2012\u2013\u2014]{3,}(?:[^\S\n]+[-=_~\u2010\u2012\u2013\u2014]+)*+"
    # (or spaced out, one character at a time: ``- - - - - -``, 10RIYADH118; on a line of
    # its own three such characters make one, ``- - -``, 08LAHORE318)
    r"|[-=_~\u2010\u2012\u2013\u2014](?: [-=_~\u2010\u2012\u2013\u2014]){2,}+)[^\S\n]*$"
)
_RULE_CHARS = "-=_~\u2010\u2012\u2013\u2014"
# a rule spaced out one character at a time, inside a line (``- - -``): three such
# characters at least (a box's opening rule, on the line of its title)
_SPACED_BOX_RE = re.compile(r"(?:[-=_~\u2010\u2012\u2013\u2014] ){3,}+")
_RULE_AND_SPACE = _RULE_CHARS + " \t"
# ... and any other white space (what ``str.split`` folds)
_RULE_AND_ANY_SPACE = _RULE_CHARS + WHITE_SPACE
# signer words: upper case (``O'DONOHUE``, ``STRAUSZ-HUPE``) or capitalised (``McMullen``)
# (and a Scottish or Irish prefix before the capitals: ``McCORMICK``, ``MacDONALD``)
_UPPER_NAME_RE = re.compile(r"(?:Ma?c)?[A-Z][A-Z'-]*[A-Z]$")
_MIXED_NAME_RE = re.compile(r"[A-Z][a-z]*+(?:['-]?[A-Z][a-z]+)*+$")
_PARTICLES = frozenset({"van", "von", "de", "da", "del", "della", "di", "du", "la", "le"})
# words that are never part of a signer's name: keywords, captions (every caption word of
# the header's, which canonical text would read back as one), closings, common words
_NOT_NAME_WORDS = """
END TEXT SUMMARY COMMENT COMMENTS NOTE NNNN UNCLASSIFIED UNCLAS CONFIDENTIAL SECRET QUOTE
UNQUOTE BT LIMITED OFFICIAL USE TAGS SUBJECT SUBJ REF REFS REFTEL REFTELS
CLASSIFIED REGARDS THANKS THANK YOU MINIMIZE CONSIDERED PLEASE ADVISE ACTION REQUEST REQUESTED INFO FYI
BEGIN CLEARED APPROVED DRAFTED BACKGROUND CONCLUSION CONCLUSIONS ANALYSIS OVERVIEW RECOMMENDATION
RECOMMENDATIONS DECL DECLASSIFY PARA PARAS SEPTEL POST EMBASSY DEPARTMENT MISSION CONSULATE STATE THE
AND OR OF FOR TO IN ON AT BY WITH FROM AS IS IT HE SHE WE THEY THIS THAT THESE THOSE THERE YES NO NOT
ALL BUT SO OK MESSAGE CABLE TELEGRAM ENDS PAGE SECTION AMBASSADOR AMB CHARGE DCM POLOFF ECONOFF
MINISTER PRESIDENT SECRETARY GENERAL GOVERNOR DIRECTOR DEPUTY ASSISTANT COUNSELOR OFFICER
"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split()) | CAPTION_WORDS
# two-letter words that a text may end with, never a two-letter surname (``LU``, ``Wu``):
# acronyms, postal and unit abbreviations, short words
_NOT_TWO_LETTER_NAME_WORDS = """
US UN EU UK AU NB PS PM AM VP DC TV ID GO GA HR IT IS NO SO OK HE WE ME MY BY AN AS AT IF IN ON OF OR TO
UP DO BE GE HQ PR IO CT DV EA XX
"""
_NOT_TWO_LETTER_NAMES = frozenset(_NOT_TWO_LETTER_NAME_WORDS.split())
_VOWELS = frozenset("AEIOUY")
_CLOSERS = ")\"'\u201d\u2019]"
_DECORATIONS = '#."\u201d'
# a line that trails the signature: end-of-message signs, classification footers, notes by the
# communications centre, document-number footers, the CSV dump's end marker, the stamp of a
# release by systematic review (``Declassified/Released US Department of State EO`` over
# ``Systematic Review 05 JUL 2006``)
_TRAILER_RE = re.compile(
    r"[ \t]*(?:NNNN\b.*|Nnnn|BT|#+|\.|UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|SENSITIVE BUT UNCLASSIFIED"
    r"|NOTE BY OC/T\b.*|NOTE: NOT PASSED\b.*|\d{4}[A-Z]{3,}\d+ - .*|Declassified/Released\b.*|Systematic Review\b.*"
    r"|=+ ?CABLE ENDS? ?=*|End Cable Text|END CABLE TEXT)[ \t]*$"
)
# junk that is trailer only below a signature: metadata run on after it (``0 03/07/2008 ...``,
# ``2008-01-08``, a date alone: ``1/21/2009``), stray quotes and dots, a database query,
# a newspaper's stamp (``EPET @ EL PAIS``, cut short or not)
_JUNK_LINE_RE = re.compile(
    r"[ \t]*(?:\d{1,3}[ \t]+\d{1,2}/\d{1,2}/\d{2,4}\b.*|\d{4}-\d{2}-\d{2}\b.*|\d{1,2}/\d{1,2}/\d{4}"
    r"|[#.\"'\u201d>*]{1,8}|SELECT \* FROM\b.*|[A-Z][A-Z ,]{0,40} @ EL P.*)[ \t]*$"
)
# a post's note of its classified web site, below the signer (``"Visit Ankara's
# Classified Web Site at http://...``): trailer only below a signature
_VISIT = r"isit\b.{0,60}\bClassified Web ?[Ss]ite\b"
_VISIT_LINE_RE = re.compile(r"[\"\u201c]?V" + _VISIT)
# ... however written, anywhere on a line (``visit Kuwait's Classified Website at:``)
_VISIT_ANY_RE = re.compile("[Vv]" + _VISIT)
# where such junk starts on the signer's own line (``STEVENS 0 03/07/2008``, ``HALL NNNN ...``)
_JUNK_START_RE = re.compile(
    r"[ \t](?:NNNN\b|\d{1,3}[ \t]+\d{1,2}/\d{1,2}/\d{2,4}\b|\d{4}-\d{2}-\d{2}\b|\d{4}[A-Z]{3,}\d+ - )"
)
# what each form above holds, from its first slash, dash or " - " (each search opens
# with that literal, found in C; the characters before it are looked at once it is):
# a line holding none of them holds no junk, where the pattern tries every space of a
# long line
_SLASHED_DATE_RE = re.compile(r"/(?:(?<=[ \t]\d/)|(?<=[ \t]\d\d/))\d{1,2}/\d{2,4}\b")
_DASHED_DATE_RE = re.compile(r"-(?<=[ \t]\d\d\d\d-)\d{2}-\d{2}\b")
_NUMBER_DASH_RE = re.compile(r" - (?<=\d - )")


def _may_hold_junk(s: str) -> bool:
    """False when ``_JUNK_START_RE`` cannot match in ``s``."""
    return (
        "NNNN" in s
        or (" - " in s and _NUMBER_DASH_RE.search(s) is not None)
        or ("/" in s and _SLASHED_DATE_RE.search(s) is not None)
        or ("-" in s and _DASHED_DATE_RE.search(s) is not None)
    )


# a rule run inside a line, after a space, or opening it
_RULE_RUN_RE = re.compile(r"[ \t][-=_~\u2010\u2012\u2013\u2014]{3,}(?=[ \t])")
_RULE_RUN_FIRST_RE = re.compile(r"[-=_~\u2010\u2012\u2013\u2014]{3,}(?=[ \t])")
# (in ASCII text, what ``str.isdigit`` finds)
_ASCII_DIGIT_RE = re.compile("[0-9]")
#: a body line at least this long is a paragraph written on one line (reflowed text)
_REFLOWED_LINE = 160
#: a heading's title is at most this many characters (its line stripped, as written): a
#: longer line over a rule, or with one run on, is text
MAX_TITLE = 100


class Body:
    """What the body parser returns."""

    __slots__ = ("paragraphs", "signature", "trailer")

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.signature: str | None = None
        self.trailer: list[str] = []


_RULE_START = frozenset("-=_~\u2010\u2012\u2013\u2014")
# what a line that carries on a paragraph usually starts with: printable ASCII but digits
# and rule characters
_PLAIN_FIRST = frozenset(map(chr, range(33, 127))) - _RULE_START - frozenset("0123456789")
#: the characters a rule is made of
RULE_CHARS = _RULE_START


def is_rule(s: str) -> bool:
    """A line made of a rule (dashes, equals signs, underscores), perhaps broken by white
    space (any but a newline: folded, it is one space)."""
    t = s.strip()
    return bool(t) and t[0] in _RULE_START and t[-1] in _RULE_START and _RULE_RE.match(s) is not None


def _number_key(number: str) -> tuple[int, str]:
    digits = number.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return int(digits), number[len(digits) :].upper()


def _follows(number: str, last: str | None) -> bool:
    """True when ``number`` is the paragraph number that comes after ``last``."""
    if last is None:
        return number in ("1", "1A")
    n, letter = _number_key(number)
    ln, lletter = _number_key(last)
    if n == ln + 1 and letter in ("", "A"):
        return True
    if n != ln or not letter:
        return False
    return letter == "A" if not lletter else ord(letter) == ord(lletter) + 1


#: how many paragraph numbers a marked paragraph's opening may skip (lost inside the
#: text above it)
_MAX_SKIP = 10


def _skips_ahead(number: str, last: str | None, rest: str) -> bool:
    """True when a line that opens with the paragraph number ``number`` and a portion
    marking (``rest``, the line past the number) opens a paragraph although it follows
    no blank line and its number does not follow ``last``: it comes later, a few
    numbers on (or, before any numbered paragraph, one of the first few).  In reflowed
    text the paragraphs are lines of their own, without blank lines between them, and an
    opening run on to a line above (``... End Summary 2. (C) German officials ...``) is no
    paragraph's: the numbers below it skip it."""
    if rest[:1] not in _MARK_FIRST:
        return False
    n, _ = _number_key(number)
    # (before the first numbered paragraph, the numbers count from none: paragraph 1 lost
    # in a truncated copy's text, ``Governor: ...`` over ``2. (C) Volgograd ...``)
    ln = 0 if last is None else _number_key(last)[0]
    return ln < n <= ln + _MAX_SKIP and _opens_marked(rest)


def _numbered_again(number: str, last: str | None, rest: str, above: list[str]) -> bool:
    """True when a line that opens with the paragraph number ``number`` and a portion
    marking (``rest``, the line past the number), below a line that ends a sentence
    (``above``, the open paragraph's lines), opens a paragraph although its number goes
    back: the cable numbered two paragraphs alike (``10.``, ``11.``, then ``10. (C)`` and
    ``11. (C)`` again, 06MOSCOW9533), in reflowed text without blank lines between them."""
    if last is None or not above or above[-1][-1:] not in _SENTENCE_ENDS or rest[:1] not in _MARK_FIRST:
        return False
    return _number_key(number) <= _number_key(last) and _opens_marked(rest)


def _opens_marked(rest: str) -> bool:
    """True when ``rest``, a line past its paragraph number, opens with a portion marking."""
    return split_marking(rest.lstrip(" \t"))[0] is not None


# (what a portion marking opens with, white space aside: its parenthesis, or, when that is
# lost, the capital that opens a level: U, C, S, TS, SBU, LOU, FOUO, CUI, UNCLAS)
_MARK_FIRST = frozenset("( \tUCSTLF")


def _title(line: str) -> str:
    """A heading's title read from its line: white space folded, and a rule of its own run
    on to it taken off (``TITLE ------``; once folded, ``TITLE\f---`` too, as a boxed
    title is read)."""
    title = " ".join(line.split())
    if title[-1] in _RULE_START:
        found = inline_heading(title)
        if found is not None and not found[0]:
            return found[1]
    return title


def _title_run_into(block: list[str], lines: list[Line], i: int) -> bool:
    """True when the last line of ``block`` (the open paragraph's lines) is a title over
    the rule at line ``i`` of ``lines``, in reflowed text: a short line that opens no
    paragraph, below a line that ends a sentence, over a rule that a paragraph's opening
    (a number and a portion marking: a later one, or one written again, 09MADRID440's
    second ``4. (SBU)`` below ``5.``) follows below, blank lines between or not (what a
    page break left: ``... decades.`` / ``Libya`` / ``-----`` / / ``12. (C/NF)``, 09ROME649,
    the marker and its blank line gone)."""
    if len(block) < 2 or (j := next_text(lines, i + 1)) >= len(lines):
        return False
    title = block[-1]
    nxt = lines[j][1]
    m = PARA_START_RE.match(nxt) if nxt.lstrip()[:1].isdecimal() else None
    return (
        m is not None
        and 0 < len(title) <= MAX_TITLE
        # (an ellipsis may end a title: ``Congress Party Dismisses...``, 08NEWDELHI3228)
        and (title[-1] not in ".,;" or title.endswith("..."))
        and not title.lstrip()[:1].isdecimal()
        and not is_rule(title)
        and not _is_closing(title)
        and _ends_sentence(block[-2].strip())
        and split_marking(nxt[m.end() :].lstrip(" \t"))[0] is not None
    )


def _name(words: list[str]) -> bool:
    """True when ``words`` (one to three) can be a signer: all upper case, or all
    capitalised (at most two), no digits, no keyword."""
    if not 0 < len(words) <= 3 or not words[0].strip("Xx"):  # XXXXXXXXXXXX: a redaction
        return False
    if (
        len(words) == 1
        and len(words[0]) == 2
        and (words[0].upper() in _NOT_TWO_LETTER_NAMES or _VOWELS.isdisjoint(words[0].upper()))
    ):
        # (a two-letter surname holds a vowel: ``LU``, ``Wu``; ``CL`` is none)
        return False
    if all(map(_UPPER_NAME_RE.match, words)):
        return _NOT_NAMES.isdisjoint(words)
    return (
        len(words) <= 2
        # (a particle may open the name: ``van Voorst``)
        and (_MIXED_NAME_RE.match(words[0]) is not None or words[0] in _PARTICLES)
        and all(map(_MIXED_NAME_RE.match, words[1:]))
        and bool(_MIXED_NAME_RE.match(words[-1]))
        and len("".join(words)) >= 2
        and _NOT_NAMES.isdisjoint(map(str.upper, words))
    )


# a line of a form: a label of a few words and a colon, and its value; a short one
_FORM_LINE_RE = re.compile(r"[A-Z][A-Za-z/()-]*+(?: [A-Za-z/()-]+){0,3}: +\S")
_FORM_LINE = 40


def _ends_sentence(s: str) -> bool:
    """True when the text line ``s`` (stripped) can be the last line before a signer:
    it ends a sentence, closes a quotation or comment, is a rule or a web address."""
    if not s:
        return False
    last = s.rstrip(_CLOSERS)[-1:]
    if (last and last in ".!?*") or s[-1] in ")]":
        # (a parenthesis or a bracket closes it: ``[Tripoli Post, 12/13/08]``)
        return True
    if is_rule(s) or s.startswith("GP-"):
        return True
    tail = s.rsplit(None, 2)[-2:]
    if tail[0].upper() == "END" or tail[-1].upper() in ("END", "UNQUOTE", "CONSIDERED"):
        return True
    # "Visit London's Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom",
    # the address often redacted (XXXXXXXXXXXX)
    end = s[-120:]
    return "http" in end or "www." in end or "Classified Web" in end or tail[-1].upper().endswith("XXXXXXXX")


def _standalone(s: str) -> tuple[str, str] | None:
    """The signer of a line that holds only a name, and its decoration (``GILLESPIE##``,
    ``MCNAMARA.``, ``MURRAY .``, ``MULFORD "``; upper-case names only)."""
    if len(s) > 60:
        return None
    core = s.rstrip(_DECORATIONS + " \t")
    words = core.split()
    if not _name(words):
        return None
    decoration = s[len(core) :].strip()
    if decoration and (not words[0].isupper() or ".." in decoration):
        return None
    return " ".join(words), decoration


def _number_alone(head: str) -> bool:
    """True when ``head`` is a paragraph's number alone, or with its portion marking: no
    sentence that a signer's name could end."""
    if len(head) > 24 or not head[:1].isdecimal():
        return False
    m = PARA_START_RE.match(head + " ")
    if m is None:
        return False
    rest = head[m.end() :].strip()
    return not rest or not split_marking(rest)[1]


def _glued(s: str) -> tuple[str, str] | None:
    """A signer run on to the end of the last text line (``... End comment. BROWNFIELD``,
    ``... by August 16.POLASCHIK``): the text before it and the name."""
    head = s
    for k in (1, 2):
        cut = max(head.rfind(" "), head.rfind("\t"))
        if cut <= 0:
            break
        head = head[:cut].rstrip()
        words = s[len(head) :].split()
        if not head or not _name(words) or _number_alone(head) or _number_alone(_past_number(head)):
            # (a paragraph's number alone ends no sentence, past the paragraph's own
            # number and marking too: ``1. (C) 1. AR``, as ``1. AR`` below ``1.(C)`` reads)
            continue
        upper = words[0].isupper()
        # a capitalised name only as one word, and only after mixed-case text
        if not upper and (k > 1 or head.upper() == head):
            continue
        if _ends_sentence(head):
            return head, " ".join(words)
    # no space after the full stop: "... guidance by August 16.POLASCHIK", or after the
    # quote it closes: '... beating us down."BROWN' (10CHENGDU30)
    last = s[max(s.rfind(" "), s.rfind("\t")) + 1 :]
    dot = last.rfind(".")
    if 0 < dot < len(last) - 3:
        name = last[dot + 1 :].lstrip(_CLOSERS)
        before = last[dot - 1]
        if _UPPER_NAME_RE.match(name) and name not in _NOT_NAMES and (before.islower() or before.isdigit()):
            head = s[: len(s) - len(name)]
            # (as above: a paragraph's number alone, ``1.ARI``, ends no sentence)
            if not (_number_alone(head) or _number_alone(_past_number(head))):
                return head, name
    return None


def _walk_trailer(lines: list[Line], end: int, junk: bool) -> tuple[int, list[str]]:
    """Walk back from ``end`` over trailer lines (with ``junk``, the junk that may follow a
    signature too): the index where they start and the lines, last first."""
    trailer: list[str] = []
    k = end
    while k > 1 and len(trailer) < 8:
        s = lines[k - 1][1].strip()
        if not s:
            k -= 1
            continue
        if _TRAILER_RE.match(s) or (junk and _JUNK_LINE_RE.match(s)):
            trailer.append(s)
            k -= 1
            continue
        note = _web_site_note(lines, k, s) if junk else 0
        if note:
            trailer += [lines[j][1].strip() for j in range(k - 1, k - 1 - note, -1)]
            k -= note
            continue
        break
    return k, trailer


def _web_site_note(lines: list[Line], k: int, s: str) -> int:
    """How many lines a post's note of its web site below the signer ends with at line
    ``k - 1`` (stripped: ``s``): 1, 2 when its address is wrapped (``... http://www.intelink.s``
    over ``gov.gov/wiki/...``), or 0 when there is none or no signer's name alone stands
    above it."""
    if "Visit" in s and _VISIT_LINE_RE.match(s):
        note = 1
    elif " " not in s and ("/" in s or s[-1] in _CLOSERS) and k > 2:
        above = lines[k - 2][1].strip()
        if "http" not in above or above[-1] in _CLOSERS or not _VISIT_LINE_RE.match(above):
            return 0
        note = 2
    else:
        return 0
    # (the signer's line: the last above the note that is not blank)
    j = k - note
    while j > 0 and is_blank(lines[j - 1][1]):
        j -= 1
    return note if j > 1 and _standalone(lines[j - 1][1].strip()) is not None else 0


def _lower_signer_below_note(lines: list[Line], j: int, s: str) -> bool:
    """True when the stripped line ``s`` at ``j``, one word in lower case, is the signer's
    name below a post's note of its web site (``Visit London's Classified Website:`` over
    its address over ``tuttle``, 07LONDON3175; the note boxed in asterisks, 10KUWAIT45's
    ``jones``): the lines above it, blank lines aside and six at most, are the note's
    address, box or words about the site, up to the note's line."""
    if not (2 <= len(s) <= _MAX_LOWER_SIGNER and s.isalpha() and s.islower()):
        return False
    seen = 0
    k = j
    while k > 0 and seen < 6:
        k -= 1
        above = lines[k][1].strip()
        if not above:
            continue
        seen += 1
        if "isit" in above and _VISIT_ANY_RE.search(above):
            return True
        # (its address, whole or wrapped, the box's rule, or more words about the site:
        # ``You can also access this site through ...``, 05TELAVIV45)
        if not (
            "sgov" in above
            or above.startswith("http")
            or " " not in above
            or not above.strip("*- ")
            or "site" in above.lower()
        ):
            return False
    return False


# the longest signer's name in lower case on a line of its own
_MAX_LOWER_SIGNER = 20


def _once(name: str) -> tuple[str, str]:
    """The signer's name and its repeat (``""`` when none): a name written twice
    (``SHANNON SHANNON``, 10BRASILIA140; on two lines, ``SIMONS`` / ``SIMONS``, 10SANTIAGO49)
    is the signer once, the repeat following it."""
    first, _, second = name.partition(" ")
    return (first, second) if second == first else (name, "")


def _text_above(lines: list[Line], k: int) -> int:
    """The index of the last of ``lines`` above ``k`` that is not blank (``-1`` if none)."""
    k -= 1
    while k >= 0 and is_blank(lines[k][1]):
        k -= 1
    return k


def _opens_text(lines: list[Line], j: int) -> bool:
    """True when line ``j`` is the first line of ``lines`` that is not blank."""
    return next_text(lines, 0) >= j


def _attention_like(text: str) -> bool:
    """:func:`~cableparse.parser.header.handling_like` (imported here when needed: the
    header parser imports this module)."""
    from .header import handling_like

    return handling_like(" ".join(text.split()))


def _past_number(s: str) -> str:
    """The stripped line ``s`` past a paragraph's number and portion marking, if it opens
    with them."""
    m = PARA_START_RE.match(s)
    return split_marking(s[m.end() :].lstrip() if m else s)[1]


def _ends_text(s: str) -> bool:
    """True when the stripped line ``s``, right above a signer's line, ends the text above
    it: blank, the end of a sentence, or a heading run on to text or written on its line
    with its rule (canonical text writes it apart, a blank line below it), or the short
    last line of a form."""
    return (
        not s
        or _ends_sentence(s)
        or (s[-1] in _RULE_START and inline_heading(s) is not None)
        # (the last line of a form: ``End Date: 6/29/2010``, ``International Organizations: UN``)
        or (len(s) <= _FORM_LINE and _FORM_LINE_RE.match(s) is not None)
    )


def _note_closed_across(lines: list[Line], k: int, prev: str) -> bool:
    """True when ``prev``, the stripped line ``k``, is one word that closes a note with the
    last word of the line above it: ``END`` wrapped over ``COMMENT`` (09HAVANA551)."""
    if not prev or " " in prev or k < 1:
        return False
    above = lines[k - 1][1].split()
    return bool(above) and _ends_sentence(f"{above[-1]} {prev}")


def _after_prose(name: str, decoration: str, prev: str) -> bool:
    """True when the signer's line, one upper-case name word alone, stands right below a
    line of prose that ends no sentence (a list's last item, a sentence cut short): the
    case of the words tells them apart."""
    return (
        not decoration
        and " " not in name
        and len(name) >= 3
        and name.isupper()
        and any(c.islower() for c in prev)
        and prev.rsplit(None, 1)[-1].lower() not in _GOES_ON
    )


# words that leave a sentence open at a line's end: an upper-case word below them goes on
# with it (``... The Ambassador met with`` over ``KARZAI``)
_GOES_ON_WORDS = """
a an the of to with and or nor but for by from in into on onto at as than that which who whom whose
said told met called asked urged thanked between among including per via about against under over
if is are was were be been has have had will would could should may might must not
"""
_GOES_ON = frozenset(_GOES_ON_WORDS.split())


def _split_signature(lines: list[Line], body: Body, diags: Collector) -> list[Line]:
    """Take the signature and the trailer off the end of ``lines``.

    The signer is the last line before the trailer when it holds one to three name
    words and nothing else (a decoration or metadata run on after the name goes to the
    trailer), standing after a blank line, after a line that ends a sentence, under a
    first signer line (``JOHNSON`` / ``KEANE``), or, one upper-case word, under a line
    with lower-case letters that leaves no sentence open (the last item of a list:
    ``Maxim Elovik`` over ``CLINTON``); or a name run on to the end of the last
    sentence (``... End comment. BROWNFIELD``).  A name written twice is the signer once,
    the repeat the trailer's first line.  Without one, only the sure trailer lines
    are taken off and CP306 is added.
    """
    end = len(lines)
    while end and is_blank(lines[end - 1][1]):
        end -= 1
    if (
        end > 1
        and 3 <= len(s := lines[end - 1][1].strip()) <= 60
        and s.isalpha()
        and s.isascii()
        and (s.isupper() or s.istitle())
        and s.upper() not in _NOT_NAMES
        and s.strip("Xx")
    ):
        # the common shape: one name word alone on the last line, in upper case
        # (``BRENNAN``) or capitalised (``Rundell``), which the general steps read as the
        # signer's line, without a decoration, junk or trailer (a trailer or junk line of
        # one such word is a keyword); a test holds the shortcut to them
        found = _signed(lines, end, s, "")
        if found is not None:
            cut, body.signature, repeat = found
            body.trailer = [repeat] if repeat else []
            return lines[:cut]
    else:
        signed = _split_signature_at(lines, end, body)
        if signed is not None:
            return signed
    diags.add("CP306", line=lines[end - 1][0] if end else None)
    k, trailer = _walk_trailer(lines, end, False)
    if trailer:
        body.trailer = trailer[::-1]
        return lines[:k]
    return lines[:end]


def _split_signature_at(lines: list[Line], end: int, body: Body) -> list[Line] | None:
    """:func:`_split_signature`'s general steps, ``end`` past the last line that is not
    blank: the lines above the signature, or None when there is none."""
    k, trailer = _walk_trailer(lines, end, True)
    j = k
    while j and is_blank(lines[j - 1][1]):
        j -= 1
    if j:
        lineno, text = lines[j - 1]
        s = text.strip()
        head, junk = s, ""
        for m in _JUNK_START_RE.finditer(s) if _may_hold_junk(s) else ():
            # only where a name ends right before the junk; then decide, once
            near = s[max(0, m.start() - 40) : m.start()].split()
            if not near or not _name(near[-1:]):
                continue
            if _standalone(s[: m.start()]) is not None or _glued(s[: m.start()]) is not None:
                head, junk = s[: m.start()], s[m.start() :].strip()
            break
        found = _standalone(head) if j > 1 else None
        if found is None and not junk and _lower_signer_below_note(lines, j - 1, head):
            body.signature = head
            body.trailer = trailer[::-1]
            return lines[: j - 1]
        if found is not None:
            signed = _signed(lines, j, *found)
            if signed is None:
                return None
            cut, body.signature, repeat = signed
            decoration = found[1]
            body.trailer = [x for x in (repeat, decoration, junk) if x] + trailer[::-1]
            return lines[:cut]
        glued = _glued(head)
        if glued is not None and _opens_text(lines, j - 1) and _attention_like(glued[0]):
            # the text's only line, which canonical text would write without the name,
            # where the header reads it as an attention line: the name stays in it
            glued = None
        if glued is not None and not split_marking(glued[0])[1]:
            # a portion marking alone before the name ends no sentence: the words are
            # its paragraph's (``(C) A Cq``, as ``(C)A Cq`` reads)
            glued = None
        if glued is not None and _JUNK_LINE_RE.match(_past_number(s)):
            # a line that, past a paragraph's number and marking, opens like junk
            # (``1. (U) 2009-01-15) TLY``) holds no signer: on a line of its own below
            # them, as the paragraph's text, it is junk or text, never a signer's line
            glued = None
        if glued is not None:
            body.signature, repeat = _once(glued[1])
            body.trailer = [x for x in (repeat, junk) if x] + trailer[::-1]
            # (a backslash left at the end of the text: the csv dump's escaped newline)
            rest = without_escaped_newline(glued[0])
            return [*lines[: j - 1], (lineno, text[: len(text) - len(text.lstrip())] + rest)]
    return None


def _signed(lines: list[Line], j: int, name: str, decoration: str) -> tuple[int, str, str] | None:
    """Where the signature starts when line ``j - 1``, which holds the name ``name`` alone
    (its ``decoration`` after it), is the signer's, below the text it ends: the index of
    its first line, the signer and the name's repeat (``""`` when none).  None when it is
    not."""
    prev = lines[j - 2][1].strip()
    cut = j - 1
    ok = _ends_text(prev) or _note_closed_across(lines, j - 2, prev)
    if ok and not prev and " " not in name and name.isupper():
        # (the name written twice with blank lines between: ``MILOVANOVIC`` / /
        # ``MILOVANOVIC``, 09BAMAKO776)
        k = _text_above(lines, j - 2)
        if k > 0 and lines[k][1].strip() == name and _ends_text(lines[k - 1][1].strip()):
            cut = k
            name = f"{name} {name}"
    if not ok and " " not in name and name.isupper():
        # a signer on two lines (JOHNSON / KEANE), or written twice (SIMONS / SIMONS)
        above = _standalone(prev)
        before = lines[j - 3][1].strip() if j > 2 else ""
        if above is not None and not above[1] and " " not in above[0] and above[0].isupper() and _ends_text(before):
            ok = True
            cut = j - 2
            # (a name written twice: the repeat below the signer's line is the
            # trailer's, as written on one line)
            name = f"{above[0]} {name}"
    if not ok and _after_prose(name, decoration, prev):
        ok = True
    if ok:
        return (cut, *_once(name))
    return None


def _last_rule_run(text: str) -> tuple[int, int] | None:
    """The span of the last rule run in ``text`` that ``_RULE_RUN_RE`` finds, or the one
    ``_RULE_RUN_FIRST_RE`` finds at its start when there is none.  A rule of one character
    (the usual dashes) is found from the end with ``str.rfind``, in C: the pattern would
    try every space of a long line."""
    present = [c for c in _RULE_CHARS if c in text]
    if len(present) == 1:
        dash = present[0]
        run = dash * 3
        k = text.rfind(run)
        while k >= 0:
            # (the last occurrence ends its run; the run starts where the dashes before end)
            start, end = len(text[:k].rstrip(dash)), k + 3
            if end < len(text) and text[end] in " \t" and (not start or text[start - 1] in " \t"):
                return (start - 1 if start else 0), end
            k = text.rfind(run, 0, start)
        return None
    if not present:
        return None
    m: re.Match[str] | None = None
    for m in _RULE_RUN_RE.finditer(text):  # noqa: B007 - the last rule run
        pass
    if m is None:
        m = _RULE_RUN_FIRST_RE.match(text)  # (or one that opens the line)
    return None if m is None else m.span()


def _ascii_without_digits(s: str) -> bool:
    """True when ``s`` is ASCII and holds no digit (found in C: no word of it has one)."""
    return s.isascii() and _ASCII_DIGIT_RE.search(s) is None


def inline_heading(s: str) -> tuple[str, str] | None:
    """A heading written on one line with its rule (``SUMMARY -------``, ``------- COMMENT
    -------``), or run on to the end of a reflowed paragraph (``... End Summary. -------
    Policy-Level Sensitivities -------``, ``... End comment. Tea and Policy --------------``):
    the text before it (``""`` when none) and the title.  ``s`` is stripped."""
    # (white space of any kind: the header folds a line's white space before it asks)
    body = s.rstrip(_RULE_AND_ANY_SPACE)
    rule = s[len(body) :]
    if rule[:1] in _RULE_START:
        # a run of rule characters too short to open a rule ends the title (``x- ---``)
        k = len(rule) - len(rule.lstrip(_RULE_CHARS))
        if k < 3:
            body, rule = s[: len(body) + k], rule[k:]
    if not body or not rule[:1].isspace() or not _RULE_RE.match(rule):
        return None
    left = ""
    title = body
    m = _last_rule_run(body)
    # (three such characters make one: ``- - - Title - - -``)
    spaced = _SPACED_BOX_RE.search(body) if m is None else None
    if spaced is not None:
        # a rule spaced out one character at a time (``- - - - Title - - - -``): a box
        # when it opens the line; text before it is no heading's
        if spaced.start() or body[: spaced.end()].strip(_RULE_AND_SPACE):
            return None
        title = body[spaced.end() :]
        m = (0, spaced.end())  # (boxed, as a box of unspaced rules is)
    elif m is not None:
        # boxed: rule, title, rule
        # (a rule before the box, spaced with any white space, is no text before it)
        left = body[: m[0]].rstrip(_RULE_AND_ANY_SPACE).lstrip()
        title = body[m[1] :].lstrip(_RULE_AND_SPACE)
    elif len(body) > MAX_TITLE:
        # title over its rule, run on: the title is as long as the rule, after a sentence
        width = len(rule) - rule.count(" ") - rule.count("\t")
        # (the white space before the title may be counted in: a rule one longer than its
        # title, ``... globalization.  TRANSATLANTIC ECONOMIC COUNCIL (TEC) ----`` x 37)
        cut = _title_start(body, width)
        if cut < 2 or not (body[cut].isspace() or body[cut - 1].isspace()):
            return None
        left = body[:cut].rstrip()
        if not _ends_sentence(left):
            return None
        title = body[cut:]
    title = " ".join(title.split())
    if title[-1:] in _RULE_START:
        # a rule run on to the title once other white space is folded (``TITLE ---\xa0---``):
        # as the title over a rule reads, in canonical text
        inner = inline_heading(title)
        if inner is not None and not inner[0]:
            title = inner[1]
    if (
        not title
        or len(title) > MAX_TITLE
        or (m is None and title.endswith(":"))
        or not any(c.isalpha() for c in title)
        or (not _ascii_without_digits(title) and sum(any(c.isdigit() for c in w) for w in title.split()) > 2)
        or PARA_START_RE.match(title)
        or (left and left[-1] in _RULE_CHARS)
        or _is_closing(title)
    ):
        return None
    return left, title


def heading_at_end(value: str) -> tuple[str, str] | None:
    """A heading run on to the end of a header field's folded value, as reflowed
    headers give it (``... 1.4 (b) and (d). ------- SUMMARY -------``, 07KABUL185; ``...
    REASON: 1.4 (a), (b), (d) Summary - - - -``, 09PESHAWAR2): the value before it and the
    heading's words and rules, as written; None when the value ends in none.  A title over
    its rule is one as :func:`inline_heading` reads it at the end of a line, or a section's
    title (``Summary``) whatever ends the words before it."""
    found = inline_heading(value)
    if found is not None and found[0]:
        left = found[0]
    else:
        body = value.rstrip(_RULE_AND_ANY_SPACE)
        rule = value[len(body) :]
        if not rule[:1].isspace() or not _RULE_RE.match(rule):
            return None
        for k in (3, 2, 1):
            parts = body.rsplit(None, k)
            if len(parts) == k + 1 and " ".join(parts[1:]).rstrip(":").upper() in _SECTION_TITLES:
                left = parts[0]
                break
        else:
            return None
    left = left.rstrip()
    if not left:
        return None
    return left, value[len(left) :].strip()


def _title_start(body: str, width: int) -> int:
    """Where the last ``width`` characters of ``body`` start, a run of white space
    counted as one (as the header reads the line, its white space folded, and canonical
    text writes it): -1 when ``body`` is shorter."""
    k = len(body)
    count = 0
    while k > 0 and count < width:
        k -= 1
        while k > 0 and body[k].isspace() and body[k - 1].isspace():
            k -= 1
        count += 1
    return k if count == width else -1


def _is_closing(title: str) -> bool:
    """True for the closing words of a note or a summary (``END NOTE.``, ``End Comment``):
    over a rule run on to them, they end the paragraph above, and the rule opens the next
    heading's box (08BRASILIA1396's ``END NOTE. ------``), whose title comes below."""
    words = title.upper().replace(".", " ").split()
    return len(words) >= 2 and words[0] == "END" and _CLOSING_WORDS.issuperset(words)


def _rule_below(lines: list[Line], i: int, s: str, apart: bool) -> int | None:
    """The index of the rule that makes line ``i`` (``s``, stripped) a title over a rule:
    the next line; or, past blank lines (``SUMMARY / / -------``, 09BOGOTA3093), the next
    line that is not blank, where ``s`` ends no sentence or clause and the rule opens no
    box of its own (on a page whose line ends were read twice, every line stands apart:
    ``internet distribution. / / ------- / / Summary / / -------``); only where ``apart``."""
    n = len(lines)
    r = i + 1
    if r < n and lines[r][1].lstrip()[:1] in _RULE_START and is_rule(lines[r][1]):
        return r
    if not apart or r >= n or not is_blank(lines[r][1]) or s[-1] in _CLAUSE_ENDS:
        return None
    r = next_text(lines, r)
    if r == n or lines[r][1].lstrip()[:1] not in _RULE_START or not is_rule(lines[r][1]):
        return None
    if _box_at(lines, r, True) is not None:
        return None  # (the rule opens a box: rule, title, rule)
    return r


def rule_opens_box(lines: list[Line], i: int) -> bool:
    """True when the rule at line ``i`` opens a box, a heading's title between two rules
    (their lines apart or not)."""
    return _box_at(lines, i, True) is not None


def _lone_rules_over_heading(lines: list[Line], i: int) -> bool:
    """True when the rule at line ``i``, and any lone rules below it, blank lines between,
    stand over a heading (:func:`_opens_heading`)."""
    n = len(lines)
    j = next_text(lines, i + 1)
    while j < n and (t := lines[j][1].strip())[0] in _RULE_START and is_rule(t) and _box_at(lines, j, True) is None:
        j = next_text(lines, j + 1)
    return j < n and _opens_heading(lines, j)


def _opens_heading(lines: list[Line], j: int) -> bool:
    """True when line ``j`` opens a heading in any of the ways a heading is written: a
    title with its rule run on (``TITLE ---``, ``--- TITLE ---``), over a rule, or boxed
    between two, blank lines between them or not."""
    t = lines[j][1].strip()
    if t[-1] in _RULE_START and not is_rule(t):
        found = inline_heading(t)
        if found is not None:
            return not found[0]
    if t[0] in _RULE_START:
        # (a box, as the body reads one there, whatever follows it: a title below its
        # closing rule, over a rule of its own, is the next heading; 07MONTERREY130 with
        # a line of its routing header copied in below its box)
        return is_rule(t) and _box_at(lines, j, True) is not None
    return len(t) <= MAX_TITLE and PARA_START_RE.match(t) is None and _rule_below(lines, j, t, apart=True) is not None


def _box_at(lines: list[Line], i: int, apart: bool) -> tuple[int, int] | None:
    """The title's index and the closing rule's of a heading boxed between the rule at
    ``i`` and a rule below the title, or None.  Where ``apart``, blank lines may stand on
    both sides of the title (a page's line ends read twice, ``------- / / Summary / /
    -------``); never on one side only: canonical text writes a heading as its title over
    a rule, and a rule left at the end of the text above it, a blank line between, opens
    no box."""
    n = len(lines)
    t = next_text(lines, i + 1) if apart else i + 1
    r = next_text(lines, t + 1) if apart else i + 2
    if r >= n or (t == i + 1) != (r == t + 1) or is_blank(lines[t][1]):
        return None
    title = lines[t][1]
    if (
        is_rule(title)
        or not is_rule(lines[r][1])
        or len(title.strip()) > MAX_TITLE
        or PARA_START_RE.match(title) is not None
    ):
        return None
    return t, r


def _opens_numbered(lines: list[Line], j: int) -> bool:
    """True when the first line from ``j`` on that is not blank opens a numbered paragraph."""
    j = next_text(lines, j)
    return j < len(lines) and PARA_START_RE.match(lines[j][1]) is not None


def _past_rule(lines: list[Line], r: int, skipped: int) -> tuple[int, int]:
    """The index past the heading's rule at ``r`` and the lines of it wrapped right below
    it (``----- -----`` over ``--``, 09BOGOTA3998), and ``skipped`` with their characters."""
    n = len(lines)
    skipped += len(lines[r][1].strip())
    r += 1
    while r < n and (t := lines[r][1].strip()) and t[0] in _RULE_START and not t.strip(_RULE_AND_ANY_SPACE):
        skipped += len(t)
        r += 1
    return r, skipped


def _caps_title_above(lines: list[str], unmarked: bool, out: list[Paragraph]) -> str | None:
    """The last block of ``lines`` (the text of the paragraph being read, ``unmarked`` when it
    has no number, marking or heading), taken out of it, where that block is a title in
    capitals of the next numbered paragraph (``COMMENT``, ``//LATIN AMERICA//``,
    ``ISKANDER STILL BEST ALTERNATIVE TO LIBYAN SCUD B``): one line, or two (a title
    wrapped), below a line of text in mixed case (in a cable written in capitals a line
    in capitals is no title), that ends no sentence or clause; or the whole text of an
    unnumbered paragraph that stands so below another.  Else None, ``lines`` left as they
    are.  (Asked only below a numbered paragraph: the caller knows.)"""
    # (the title's block: one line, or two, its title wrapped)
    size = 1 if len(lines) < 2 or lines[-2] == "" else 2
    at = 0  # (the index of the line above, from the end, when it is one of ``lines``)
    if len(lines) >= size + 2 and lines[-size - 1] == "" and (size == 1 or _is_caps_title(lines[-2].strip())):
        # (its end: a reflowed line may be kilobytes long)
        at = -size - 2
        above = lines[at][-80:]
    elif len(lines) == size and unmarked and out:
        above = out[-1].text[-80:]
    elif (
        len(lines) >= 2
        and lines[-2][-1:] in _SENTENCE_ENDS
        and (
            len(lines) == 2
            or len(lines[-2]) >= _REFLOWED_LINE
            or lines[-3] == ""
            or (lines[-1][:2] == "//" and lines[-1].rstrip()[-2:] == "//")
        )
    ):
        # (right below a line that ends a sentence: a paragraph written on one line, or a
        # block of one line, in reflowed text, whose title stands on the line below the
        # paragraph above, 09RIYADH447, 10DAMASCUS159; or a title between double slashes,
        # as Madrid writes them, 06MADRID1914's ``//IKASSRIEN ALSO TO BE RELEASED//``)
        size, at = 1, -2
        above = lines[at][-80:]
    else:
        return None
    if above.upper() == above and (
        # (a short line in capitals may close a summary, ``END SUMMARY.``, or end the words
        # of one, ``END`` / ``SUMMARY.``: the text is the line above it, 08QUITO228)
        not at
        or len(above) > _SHORT_CLOSING
        or not _CLOSING_WORDS.issuperset(above.replace(".", " ").split())
        or len(lines) < 1 - at
        or not lines[at - 1]
        or (above := lines[at - 1][-80:]).upper() == above
    ):
        return None  # (no text in mixed case above)
    block = [t.strip() for t in lines[-size:]]
    if not all(map(_is_caps_title, block)):
        return None
    title = _title(" ".join(block))
    if title[:2] == "--":
        title = title.strip("- ")  # (between double dashes: ``-- KOSOVO --``, 07MADRID911)
    if len(title) > MAX_TITLE:
        return None
    # (the title's lines, and the blank line above them when there is one)
    del lines[-size - (len(lines) > size and lines[-size - 1] == "") :]
    return title


def _mixed_title_above(lines: list[str]) -> str | None:
    """The last block of ``lines`` (the text of the paragraph being read), taken out of it
    with the blank line above it,
    where that block is a title in mixed case of the next numbered paragraph (``Working
    the Lebanon Connection``, ``Comment``, ``Is It Unrequited ALBA?``): one line, each of
    its words capitalised but short function words (:func:`_is_mixed_title`), below a
    block that ends a sentence, or right below a line of reflowed text that ends one (a
    paragraph written on one line, 09MOSCOW2651).  Else None, ``lines`` left as they are.
    (Asked only below a numbered paragraph: the caller knows.)"""
    if len(lines) < 2:
        return None
    above = lines[-2]
    if above:
        if len(above) < _REFLOWED_LINE or above[-1] not in _SENTENCE_ENDS:
            return None
        size = 1
    elif len(lines) >= 3 and lines[-3][-1:] in _SENTENCE_ENDS:
        size = 2  # (the title, and the blank line above it)
    else:
        return None
    title = lines[-1].strip()
    if not _is_mixed_title(title):
        return None
    del lines[-size:]
    return " ".join(title.split())


#: the words a title in mixed case may hold in lower case: articles, conjunctions,
#: prepositions, and the particles of names (``Ministry of Foreign Affairs``, ``Rota and
#: Moron``, ``Luis de la Torre``)
_TITLE_SMALL_WORD_TEXT = """
a an the and or nor but as at by for from in into of off on onto out over per to up upon via vs vs. with
without within about above across after against along amid among around before behind below beneath
beside between beyond despite during except inside near than through toward towards under until since like if
is are was be not its de del la el da di do dos das du van von y e
"""
_TITLE_SMALL_WORDS = frozenset(_TITLE_SMALL_WORD_TEXT.split())


def _is_mixed_title(s: str) -> bool:
    """True when the stripped line ``s`` reads as a title in mixed case (see
    :func:`_mixed_title_above`): at most :data:`_MAX_CAPS_TITLE` characters, opening with
    a capital letter, holding a lower-case one, ending no sentence or clause (a question
    may be a title) nor in a rule, every word that opens with a letter capitalised but
    :data:`_TITLE_SMALL_WORDS`; no portion marking, paragraph opening, table row (more
    digits than letters, or a run of spaces), continuation marker, nor a word of
    :data:`_NO_TITLE_WORDS` first (``End Text``)."""
    if not (3 <= len(s) <= _MAX_CAPS_TITLE) or not s[0].isupper() or s.isupper():
        return False
    if (s[-1] in _CLAUSE_ENDS and s[-1] != "?") or s[-1] in _RULE_START or "   " in s:
        return False
    words = s.split()
    for w in words:
        if w[0].isalpha() and not w[0].isupper() and w not in _TITLE_SMALL_WORDS:
            return False
    if words[0].upper() in _NO_TITLE_WORDS or PARA_START_RE.match(s):
        return False
    letters, digits = _letters_and_digits(s)
    return digits < letters and split_marker(s) is None


#: the titles of a cable's opening section that, on a line of their own (a colon after
#: them or not, in any case), are the first numbered paragraph's heading when they are all
#: of the text above it (other lines there may be the header's, read as text)
_SECTION_TITLES = frozenset(
    {
        "SUMMARY",
        "EXECUTIVE SUMMARY",
        "SUMMARY AND COMMENT",
        "SUMMARY AND INTRODUCTION",
        "INTRODUCTION",
        "INTRODUCTION AND SUMMARY",
        "BACKGROUND",
        "OVERVIEW",
    }
)


#: the longest line in capitals that closes the text above a title in capitals, and its words
_SHORT_CLOSING = 30
_CLOSING_WORDS = frozenset({"END", "SUMMARY", "COMMENT", "NOTE", "AND", "INTRODUCTION"})


def _is_caps_title(s: str) -> bool:
    """True when the stripped line ``s`` reads as a title in capitals (see
    :func:`_caps_title_above`)."""
    # (a question may be a title: ``THREAT FROM IRAN?``, 09WARSAW467; and so may a line
    # that ends in a colon: ``BACKGROUND:``, 09STATE99783)
    if s[:2] == "--" and s[-2:] == "--" and s[2:3] != "-" and s[-3:-2] != "-":
        s = s[2:-2].strip()  # (a title between double dashes: ``-- KOSOVO --``, 07MADRID911)
    if not (3 <= len(s) <= _MAX_CAPS_TITLE) or not s.isupper() or (s[-1] in _CLAUSE_ENDS and s[-1] not in "?:"):
        return False
    if s[0] in _RULE_START or s[-1] in _RULE_START or s[0] == "(" or PARA_START_RE.match(s):
        return False
    letters, digits = _letters_and_digits(s)
    if letters < 3 or not s.strip("X /-"):
        return False  # (a name withheld: ``XXXXXXXXXXXX``)
    if digits >= letters:
        return False  # (a table's row: ``ICASS    160,000    (50,000)    110,000``)
    first = s.lstrip("/ ").split(None, 1)[0]  # (it holds letters)
    return first not in _NO_TITLE_WORDS and split_marker(s) is None


def _letters_and_digits(s: str) -> tuple[int, int]:
    """How many letters and how many digits ``s`` holds (a title holds more letters)."""
    if s.isascii():
        # (counted by deleting them from the bytes: C speed)
        data = s.encode()
        letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        return letters, len(data) - len(data.translate(None, _ASCII_DIGITS))
    return sum(map(str.isalpha, s)), sum(map(str.isdigit, s))


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ASCII_DIGITS = b"0123456789"
#: how long a title in capitals on a line of its own may be
_MAX_CAPS_TITLE = 100
# the first words of a line in capitals that is no title: captions, levels, the ends and
# openings of quoted text, the teletype's own lines
_NO_TITLE_WORDS = CAPTION_WORDS | {
    "UNCLASSIFIED",
    "UNCLAS",
    "CONFIDENTIAL",
    "SECRET",
    "END",
    "BEGIN",
    "QUOTE",
    "UNQUOTE",
    "TEXT",
    "PAGE",
    "NNNN",
    "BT",
}
# the last characters of a line that ends a sentence or a clause: no title
_CLAUSE_ENDS = frozenset(".,;:!?")
# the last characters of a line that ends a sentence (a quotation's too)
_SENTENCE_ENDS = frozenset(".!?\"'\u201d)")


def _first_line(rest: str) -> list[str]:
    """The text lines of a paragraph being read, from ``rest``, its first line past the
    number and marking: the line stripped at both ends, as a line of text is read, or none."""
    first = rest.strip()
    if first and first[-1] in _RULE_START and is_rule(first):
        first = "".join(first.split())
    return [first] if first else []


def _closed(lines: list[str], number: str | None, marking: str | None, heading: str | None) -> Paragraph:
    """The paragraph read as ``lines`` (its text lines, an empty string between two
    blocks), ``number``, ``marking`` and ``heading``.  Its text starts at its first
    character (a first line left empty after the number and marking does not carry the
    next line's indentation into it) and ends at its last (each line is stripped at its
    end, and only one between two blocks is empty)."""
    # (positional: keywords cost a quarter more, and one is built for every paragraph)
    return Paragraph(number, marking, heading, "\n".join(lines).lstrip())


def parse_body(lines: list[Line], diags: Collector) -> Body:
    """Parse the body lines (header and page breaks already taken out)."""
    body = Body()
    lines = _split_signature(lines, body, diags)
    out = body.paragraphs
    # the paragraph being read: its text lines (an empty string between two blocks), its
    # number, marking and heading (kept apart, not in an object: one is opened for every
    # paragraph); :func:`_closed` makes it a Paragraph
    cur: list[str] | None = None
    cur_number: str | None = None
    cur_marking: str | None = None
    cur_heading: str | None = None
    heading: str | None = None
    prev_blank = True
    last_number: str | None = None
    # the characters of long lines, and of the lines the loop passes over unread (a
    # heading's title and rules): the lines' characters are counted once, at the end, when
    # there are long lines at all
    long_chars = skipped = 0
    n = len(lines)
    i = 0
    while i < n:
        text = lines[i][1]
        # (an empty line is blank without stripping it)
        if not text or not (s := text.strip()):
            prev_blank = True
            i += 1
            continue
        if len(s) >= _REFLOWED_LINE:
            long_chars += len(s)
        first = s[0]
        last = s[-1]
        if (
            not prev_blank
            and cur is not None
            and last not in _RULE_START
            and first not in _RULE_START
            and not first.isdecimal()
        ):
            # the common case: lines that carry on the open paragraph's block, taken as a run
            block = cur
            block.append(text.rstrip())
            i += 1
            while i < n:
                # (stripped at its end only: a line that opens with a plain character has no
                # white space before it; one that starts with any other character, white space
                # too, or a long one, is looked at as the first is)
                text = lines[i][1].rstrip()
                if not text or text[0] not in _PLAIN_FIRST or text[-1] in _RULE_START or len(text) >= _REFLOWED_LINE:
                    break
                block.append(text)
                i += 1
            continue
        after: str | None = None
        # (a rule opens and ends with a rule character: asked once)
        rule = first in _RULE_START and last in _RULE_START and is_rule(s)
        if last in _RULE_START and not rule:
            # (a line that opens a numbered paragraph is the paragraph's, a rule run on to
            # its number and all: ``2B. ---``, ``2. --- X ---``)
            opens = first.isdecimal() and PARA_START_RE.match(text) is not None
            found = inline_heading(s)
            if found is not None:
                if not found[0]:
                    if (prev_blank or s[0] in _RULE_CHARS) and not opens:
                        if cur is not None:
                            out.append(_closed(cur, cur_number, cur_marking, cur_heading))
                            cur = None
                        if heading is not None:  # a heading with no text under it
                            out.append(Paragraph(heading=heading))
                        heading = found[1]
                        i += 1
                        prev_blank = True
                        continue
                elif (
                    not (opens and (PARA_START_RE.match(found[0]) is None or _number_alone(found[0])))
                    and split_marker(found[0]) is None
                ):
                    # a heading run on to the end of a paragraph line: it closes the paragraph
                    # (not one that a paragraph's number alone stands before, with its marking
                    # or without, nor one after text that, on a line of its own, reads as a
                    # continuation marker)
                    s, after = found
                    first = s[0]
                    text = text[: len(text) - len(text.lstrip())] + s
                    rule = first in _RULE_START and is_rule(s)
        if rule and not prev_blank and cur is not None and _title_run_into(cur, lines, i):
            # a title over a rule, between a paragraph's last line and the next paragraph's
            # opening, without blank lines (reflowed text): read into the block above, it
            # is the next paragraph's heading
            title = cur.pop()
            out.append(_closed(cur, cur_number, cur_marking, cur_heading))
            cur = None
            if heading is not None:  # a heading with no text under it
                out.append(Paragraph(heading=heading))
            heading = _title(title)
            skipped += len(s)
            i += 1
            prev_blank = True
            continue
        # (read before the headings: a line that opens a numbered paragraph is no title; with
        # the marking that follows the number, when it is written in parentheses)
        m = PARA_OPENING_RE.match(text) if first.isdecimal() else None
        # headings: title over a rule, or rule / title / rule
        if rule:
            # (blank lines between a heading's title and its rules only below a numbered
            # paragraph: above the first, where the header may read the text as attention
            # lines and look past a heading for fields below it, the header reads only a
            # heading whose lines stand together)
            box = _box_at(lines, i, apart=last_number is not None)
            if box is None and last_number is None:
                box = _box_at(lines, i, apart=True)
                if box is not None and not _opens_numbered(lines, _past_rule(lines, box[1], 0)[0]):
                    box = None
            if box is not None:
                title = lines[box[0]][1]
                r = box[1]
                if cur is not None:
                    out.append(_closed(cur, cur_number, cur_marking, cur_heading))
                    cur = None
                if heading is not None:  # a heading with no text under it
                    out.append(Paragraph(heading=heading))
                heading = _title(title)
                skipped += len(title.strip())
                i, skipped = _past_rule(lines, r, skipped)
                prev_blank = True
                continue
            if prev_blank and last_number is not None and _lone_rules_over_heading(lines, i):
                # a lone rule over a heading, however the heading is written, below a
                # numbered paragraph: the rule that opened the heading's box, no text
                # (``=============`` / ``THE COMPLAINT`` / / ``=============``, 07SANJOSE1820;
                # what a page break left of a line of rule and marker, 06SAOPAULO357)
                skipped += len(s)
                i += 1
                continue
        elif (
            prev_blank
            and m is None
            and len(s) <= MAX_TITLE
            and i + 1 < n
            # (the next line opens a rule, or is blank below a line that ends no sentence or
            # clause: asked here first, as most lines fail it)
            and (
                (after_title := lines[i + 1][1].lstrip()[:1]) in _RULE_START
                or (not after_title and s[-1] not in _CLAUSE_ENDS)
            )
            and (below := _rule_below(lines, i, s, apart=True)) is not None
            and (below == i + 1 or last_number is not None or _opens_numbered(lines, _past_rule(lines, below, 0)[0]))
        ):
            if cur is not None:
                out.append(_closed(cur, cur_number, cur_marking, cur_heading))
                cur = None
            if heading is not None:  # a heading with no text under it
                out.append(Paragraph(heading=heading))
            heading = _title(s)
            i, skipped = _past_rule(lines, below, skipped)
            prev_blank = True
            continue
        if m and (
            prev_blank
            or cur is None
            or _follows(m.group(1), last_number)
            or _skips_ahead(m.group(1), last_number, text[m.end(2) :])
            or _numbered_again(m.group(1), last_number, text[m.end(2) :], cur)
        ):
            if cur is not None:
                if (
                    heading is None
                    and last_number is not None
                    and cur
                    # (asked first: most paragraphs end a sentence, or a word in lower case)
                    and ((end := cur[-1][-1:]) not in _CLAUSE_ENDS or end in "?:")
                    and not end.islower()
                    and (
                        caps := _caps_title_above(
                            cur, cur_number is None and cur_marking is None and cur_heading is None, out
                        )
                    )
                    is not None
                ):
                    # (a title in capitals on a line of its own above the paragraph)
                    heading = caps
                    skipped += len(caps)
                    if not cur:
                        cur = None
                elif (
                    heading is None
                    and last_number is not None
                    # (_mixed_title_above's first test, asked here: most paragraphs end in a
                    # block of lines shorter than a reflowed one)
                    and len(cur) >= 2
                    and (not cur[-2] or len(cur[-2]) >= _REFLOWED_LINE)
                    and (mixed := _mixed_title_above(cur)) is not None
                ):
                    # (a title in mixed case on a line of its own above the paragraph)
                    heading = mixed
                    skipped += len(mixed)
                elif (
                    last_number is None
                    and not out
                    and heading is None
                    and cur_number is None
                    and cur_marking is None
                    and len(cur) == 1
                    and cur[0].rstrip(":").upper() in _SECTION_TITLES
                ):
                    # (the summary's title above the first numbered paragraph, all of the
                    # text above it: ``SUMMARY``, ``Summary``, 09BOGOTA1415, 04HELSINKI1603)
                    heading = cur[0]
                    skipped += len(heading)
                    cur = None
                if cur is not None:
                    out.append(_closed(cur, cur_number, cur_marking, cur_heading))
            number, head = m.group(1, 3)
            if head is None or (marking := marking_of(head)) is None:
                marking, rest = split_marking(text[m.end(2) :].lstrip())
            else:
                rest = text[m.end() :]
            cur, cur_number, cur_marking, cur_heading = _first_line(rest), number, marking, heading
            heading = None
            last_number = number
        elif cur is None or (prev_blank and cur_number is None):
            if cur is not None:
                out.append(_closed(cur, cur_number, cur_marking, cur_heading))
            marking, rest = split_marking(s)
            cur, cur_number, cur_marking, cur_heading = _first_line(rest), None, marking, heading
            heading = None
        else:
            if prev_blank and cur and cur[-1]:
                cur.append("")  # (a blank line between two blocks)
            # (stripped at its end; a rule folded up, as a paragraph's first line's is)
            text = text.rstrip()
            if text[-1:] in _RULE_START and is_rule(text):
                text = "".join(text.split())
            cur.append(text)
        prev_blank = False
        if after is not None:
            out.append(_closed(cur, cur_number, cur_marking, cur_heading))
            cur = None
            if heading is not None:  # a heading with no text under it
                out.append(Paragraph(heading=heading))
            heading = after
            prev_blank = True
        i += 1
    if cur is not None:
        out.append(_closed(cur, cur_number, cur_marking, cur_heading))
    if heading is not None:
        out.append(Paragraph(heading=heading))
    if long_chars and long_chars * 2 > sum(map(len, map(str.strip, map(_TEXT_OF, lines)))) - skipped:
        diags.add("CP301", line=lines[0][0] if lines else None)
    return body
