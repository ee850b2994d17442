"""The cable builder's cheap first tests read a paragraph as its general steps do: a
copy of the header inside the body is reported (CP304) whatever the paragraph holds."""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse.models import Paragraph
from cableparse.parser import body as body_module
from cableparse.parser import lines as lines_module

_LEADS = ("", " ", "\t", "\x0c", "\n", "x ", "Comment: ")
_LEVELS = ("", "CONFIDENTIAL", "C O N F I D", "con fid", "SECRET", "s e c", "UNCLAS", "u n", "Note")
_FILLERS = ("", " ", "word.", " x\n", ":", "\n")
_KEYWORDS = ("", "TAGS:", "Tags :", "tags:", "SUBJECT:", "Subject :", "subject:", "SUBJECT")
_SEPARATORS = ("\n\n", "\n\n\n", "\n", " ", "\n \n", "\n\n\n\n")
_blocks = st.tuples(*(st.sampled_from(pieces) for pieces in (_LEADS, _LEVELS, _FILLERS, _KEYWORDS, _FILLERS)))
_texts = st.lists(st.tuples(_blocks.map("".join), st.sampled_from(_SEPARATORS)), min_size=1, max_size=4).map(
    lambda parts: "".join(block + sep for block, sep in parts)[: -len(parts[-1][1])]
)

_LEVEL = re.compile(r"\s*(?:U\s?N\s?C\s?L\s?A\s?S|C\s?O\s?N\s?F\s?I\s?D|S\s?E\s?C\s?R\s?E\s?T)", re.I)
_KEYS = re.compile(r"\b(?:TAGS|SUBJECT)\s?:", re.I)
_AFTER_BLANK = re.compile(r"\n\n[ \t]*(?:U\s?N|C\s?O\s?N|S\s?E\s?C)", re.I)


def _reported(t: str) -> bool:
    """Whether the paragraph ``t`` is read as a copy of the header, step by step: a block
    (the text's start, or one after a blank line) that opens with a level word and names
    the header's keywords."""
    if ":" not in t:
        return False
    if t[:1] not in "UCSucs" and _AFTER_BLANK.search(t) is None:
        return False
    if not ("TAGS" in t or "SUBJECT" in t or "ags:" in t or "ubject:" in t):
        return False
    return any(_LEVEL.match(block) and _KEYS.search(block[:2000]) for block in t.split("\n\n"))


@given(_texts)
def test_header_copy_in_a_paragraph(t: str) -> None:
    parse_body = body_module.parse_body

    def one_paragraph(lines: list[tuple[int, str]], diags: object) -> body_module.Body:
        body = parse_body(lines, diags)  # type: ignore[arg-type]
        body.paragraphs = [Paragraph(text=t)]
        return body

    with mock.patch("cableparse.parser.parse_body", one_paragraph):
        cable = cableparse.parse("UNCLAS STATE 000123\n\nSUBJECT: TEST\n\n1. (U) Hello.\n")
    assert any(d.code == "CP304" for d in cable.diagnostics) == _reported(t)


_LINE_PIECES = ("", " ", "\t", "\x0c", "\xa0", "\u2003", "x", "1.", "---")


@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=3).map("".join), max_size=8), st.integers(0, 9))
def test_next_text_is_the_first_line_that_is_not_blank(texts: list[str], k: int) -> None:
    # the loop with is_blank written inline gives the index the helper's loop gives
    lines = list(enumerate(texts))
    expected = k
    while expected < len(lines) and lines_module.is_blank(lines[expected][1]):
        expected += 1
    assert lines_module.next_text(lines, k) == expected
