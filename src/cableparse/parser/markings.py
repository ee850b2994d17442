"""Paragraph numbers and portion markings.

A numbered paragraph opens with ``NUM.`` and a space or a parenthesis: ``1.  (U)``,
``1A.  (SBU)``, ``12.(C)``.  A portion marking counts only where it opens a paragraph
or a subject: ``(U)``, ``(SBU)``, ``( SBU )``, ``(s//nf)``, ``(C/REL LIBYA)``, and with
its opening parenthesis lost, ``SBU)``.
"""

from __future__ import annotations

import functools
import re

__all__ = ["CAPTION_WORDS", "PARA_OPENING_RE", "PARA_START_RE", "marking_of", "normalize_marking", "split_marking"]

PARA_START_RE = re.compile(r"[ \t]{0,6}(\d{1,3}[A-Za-z]?)\.(?:[ \t]+|(?=\())")
#: :data:`PARA_START_RE` (it matches where that does, with the same number, group 1, and
#: ends where that ends at the end of group 2), then what :func:`split_marking` reads as a
#: short marking's parentheses (group 3: ``(`` to the first ``)``, 48 characters at most)
#: and the spaces and tabs after them: a paragraph's opening is read in one match
PARA_OPENING_RE = re.compile(r"[ \t]{0,6}(\d{1,3}[A-Za-z]?)\.([ \t]+|(?=\())(?:(\([^)]{0,46}\))[ \t]*)?")
_MARK_RE = re.compile(
    r"\(\s{0,3}([A-Za-z]{1,4}(?:\s{0,2}/{1,2}\s{0,2}[A-Za-z]{1,8}(?:,? [A-Za-z]{1,12}){0,6})*)\s{0,3}\)[ \t]*"
)
_OPEN_LOST_RE = re.compile(r"([A-Za-z]{1,3}(?:/{1,2}[A-Za-z]{1,4})?)\)(?:[ \t]+|$)")
#: the one-word handling captions (dissemination controls) that a header line may hold
#: (``SIPDIS``, ``NOFORN``, ``EXDIS``, ...): the header reads them as captions, the body
#: never takes a line that opens with one for a title
CAPTION_WORDS = frozenset(
    {
        "SIPDIS",
        "SENSITIVE",
        "SBU",
        "NOFORN",
        "EXDIS",
        "NODIS",
        "LIMDIS",
        "STADIS",
        "EFTO",
        "CHEROKEE",
        "NOCONTRACT",
        "ORCON",
        "PROPIN",
        "FOUO",
        "NOFORN/SIPDIS",
        "SIPDIS/NOFORN",
    }
)
_LEVELS = frozenset({"U", "C", "S", "TS", "SBU", "LOU", "FOUO", "CUI", "UNCLAS"})


def normalize_marking(inner: str) -> str:
    """``" s // nf "`` -> ``"S//NF"``: upper case, no spaces around slashes."""
    up = " ".join(inner.upper().split())
    return up.replace(" /", "/").replace("/ ", "/")


@functools.lru_cache(maxsize=512)
def _portion_marking(inner: str) -> str | None:
    """The marking written ``(inner)``, normalised, or None when its level is no
    classification (``(A)``, ``(NOTAL)``).  A few dozen spellings recur: cached."""
    marking = normalize_marking(inner)
    return marking if marking.split("/", 1)[0] in _LEVELS else None


def _read_marking(head: str) -> str | None:
    """The marking that ``head``, ``(`` to the first ``)``, is, or None."""
    m = _MARK_RE.match(head)
    return None if m is None else _portion_marking(m.group(1))


#: the marking that ``head``, ``(`` to the first ``)`` and at most 48 characters, is, or
#: None: as :func:`split_marking` reads it (the few dozen markings written recur: a short
#: one is read once)
marking_of = functools.lru_cache(maxsize=512)(_read_marking)


def split_marking(text: str) -> tuple[str | None, str]:
    """A leading portion marking of ``text`` and the text after it."""
    if not text:
        return None, text
    ch = text[0]
    if ch == "(":
        # (no parenthesis inside a marking: the first one closes it)
        close = text.find(")", 1)
        if close < 0:
            return None, text
        marking = (marking_of if close < 48 else _read_marking)(text[: close + 1])
        return (None, text) if marking is None else (marking, text[close + 1 :].lstrip(" \t"))
    if ch.isalpha() and ")" in text[:12]:
        m = _OPEN_LOST_RE.match(text)
        if m and m.group(1).split("/", 1)[0].upper() in _LEVELS and m.group(1).split("/", 1)[0].isupper():
            return normalize_marking(m.group(1)), text[m.end() :]
    return None, text
