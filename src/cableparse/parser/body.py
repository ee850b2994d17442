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
from .lines import Line, is_blank
from .markings import PARA_START_RE, split_marking

__all__ = ["Body", "is_rule", "parse_body"]

_RULE_RE = re.compile(r"[ \t]*[-=_~\u2010\u2012\u2013\u2014]{3,}(?:[ \t]+[-=_~\u2010\u2012\u2013\u2014]+)*[ \t]*$")
_SIGNATURE_RE = re.compile(r"[A-Z][A-Za-z'.-]*(?:[ \t]+[A-Z][A-Za-z'.-]*){0,2}[#.]{0,3}$")
_NOT_SIGNATURES = frozenset(
    {"END", "TEXT", "SUMMARY", "COMMENT", "NNNN", "SIPDIS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "NOFORN",
     "QUOTE", "UNQUOTE", "BT", "END TEXT", "END SUMMARY", "END COMMENT", "END NOTE", "NOTE", "LIMITED OFFICIAL USE",
     "SENSITIVE", "TAGS", "SUBJECT", "REF", "EXDIS", "NODIS", "END QUOTE", "CLASSIFIED", "REGARDS", "THANKS"}
)
_TRAILER_RE = re.compile(
    r"[ \t]*(?:NNNN|BT|#+|\.|UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|SENSITIVE BUT UNCLASSIFIED"
    r"|NOTE BY OC/T\b.*|NOTE: NOT PASSED\b.*|\d{4}[A-Z]{3,}\d+ - .*|Declassified/Released\b.*)[ \t]*$"
)


class Body:
    """What the body parser returns."""

    __slots__ = ("paragraphs", "signature", "trailer")

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.signature: str | None = None
        self.trailer: list[str] = []


def is_rule(s: str) -> bool:
    """A line made of a rule (dashes, equals signs, underscores), perhaps broken by spaces."""
    return bool(s) and s.lstrip()[:1] in "-=_~\u2010\u2012\u2013\u2014" and bool(_RULE_RE.match(s))


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
    if n == ln and letter and (not lletter and letter == "A" or lletter and ord(letter) == ord(lletter) + 1):
        return True
    return False


def _split_signature(lines: list[Line], body: Body, diags: Collector) -> list[Line]:
    """Take the signature and the trailer off the end of ``lines``."""
    end = len(lines)
    while end and is_blank(lines[end - 1][1]):
        end -= 1
    trailer: list[str] = []
    k = end
    while k and len(trailer) < 8:
        s = lines[k - 1][1].strip()
        if not s:
            k -= 1
            continue
        if _TRAILER_RE.match(s) and k > 1:
            trailer.append(s)
            k -= 1
            continue
        break
    # the signer: the last line, one to three upper-case name words, standing alone
    j = k
    while j and is_blank(lines[j - 1][1]):
        j -= 1
    if j:
        s = lines[j - 1][1].strip()
        prev_blank = j < 2 or is_blank(lines[j - 2][1])
        core = s.rstrip("#.")
        if (
            prev_blank
            and j > 1
            and _SIGNATURE_RE.match(s)
            and core.upper() == core
            and core not in _NOT_SIGNATURES
            and not core.startswith(("END ", "NOTE"))
        ):
            body.signature = s
            body.trailer = trailer[::-1]
            return lines[: j - 1]
    if trailer and k < end:
        body.trailer = trailer[::-1]
        return lines[:k]
    diags.add("CP306", line=lines[end - 1][0] if end else None)
    return lines[:end]


class _Open:
    __slots__ = ("blocks", "heading", "marking", "number")

    def __init__(self, number: str | None, marking: str | None, heading: str | None, first: str) -> None:
        self.number = number
        self.marking = marking
        self.heading = heading
        self.blocks: list[list[str]] = [[first]] if first else [[]]

    def close(self) -> Paragraph:
        text = "\n\n".join("\n".join(b) for b in self.blocks if b)
        return Paragraph(number=self.number, marking=self.marking, heading=self.heading, text=text.strip("\n"))


def _text_line(text: str) -> str:
    s = text.rstrip()
    if is_rule(s):
        return "".join(s.split())
    return s


def parse_body(lines: list[Line], diags: Collector) -> Body:
    """Parse the body lines (header and page breaks already taken out)."""
    body = Body()
    lines = _split_signature(lines, body, diags)
    out = body.paragraphs
    cur: _Open | None = None
    heading: str | None = None
    prev_blank = True
    last_number: str | None = None
    n = len(lines)
    i = 0
    while i < n:
        text = lines[i][1]
        s = text.strip()
        if not s:
            prev_blank = True
            i += 1
            continue
        # headings: title over a rule, or rule / title / rule
        if is_rule(s):
            title = lines[i + 1][1] if i + 2 < n else ""
            if (
                title.strip()
                and not is_rule(title)
                and is_rule(lines[i + 2][1])
                and len(title.strip()) <= 100
                and not PARA_START_RE.match(title)
            ):
                if cur is not None:
                    out.append(cur.close())
                    cur = None
                heading = " ".join(lines[i + 1][1].split())
                i += 3
                prev_blank = True
                continue
        elif i + 1 < n and is_rule(lines[i + 1][1]) and len(s) <= 100 and prev_blank and not PARA_START_RE.match(text):
            if cur is not None:
                out.append(cur.close())
                cur = None
            heading = " ".join(s.split())
            i += 2
            prev_blank = True
            continue
        m = PARA_START_RE.match(text)
        if m and (prev_blank or cur is None or _follows(m.group(1), last_number)):
            if cur is not None:
                out.append(cur.close())
            number = m.group(1)
            marking, rest = split_marking(text[m.end() :].lstrip())
            cur = _Open(number, marking, heading, _text_line(rest).strip())
            heading = None
            last_number = number
        elif cur is None or (prev_blank and cur.number is None):
            if cur is not None:
                out.append(cur.close())
            marking, rest = split_marking(s)
            cur = _Open(None, marking, heading, _text_line(rest).strip())
            heading = None
        else:
            if prev_blank and cur.blocks[-1]:
                cur.blocks.append([])
            cur.blocks[-1].append(_text_line(text))
        prev_blank = False
        i += 1
    if cur is not None:
        out.append(cur.close())
    if heading is not None:
        out.append(Paragraph(heading=heading))
    return body
