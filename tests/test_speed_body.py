"""The body parser's shortcuts read as the general steps they stand for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cableparse.parser import body as body_module
from cableparse.parser.markings import PARA_OPENING_RE, PARA_START_RE, marking_of, split_marking

_OPENING_PIECES = (
    "1",
    "12",
    "3A",
    "2005",
    ".",
    " ",
    "  ",
    "\t",
    "\xa0",
    "(",
    ")",
    "U",
    "C",
    "SBU",
    "s",
    "//",
    "/",
    "NF",
    "REL LIBYA",
    ",",
    "x" * 20,
    "Text",
)


@given(st.lists(st.sampled_from(_OPENING_PIECES), max_size=14).map("".join))
def test_a_paragraphs_opening_read_in_one_match_reads_as_its_number_and_marking(text: str) -> None:
    # the opening pattern matches where the paragraph start does, with its number and end;
    # the marking it holds, when it is one, is split_marking's, and so is the text after it
    start = PARA_START_RE.match(text)
    m = PARA_OPENING_RE.match(text)
    assert (m is None) == (start is None)
    if m is None or start is None:
        return
    assert m.group(1) == start.group(1)
    assert m.end(2) == start.end()
    head = m.group(3)
    if head is not None and (marking := marking_of(head)) is not None:
        assert split_marking(text[start.end() :].lstrip()) == (marking, text[m.end() :])


_LINE_PIECES = ("Text", "SUMMARY", " ", "\t", ".", ",", ":", ";", "!", "?", "-", "---", "=", "(U)", "1.")


@given(
    st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=8).map("".join).filter(str.strip),
    st.sampled_from(("", " ", "\t", "\xa0")),
    st.lists(st.sampled_from(("", "   ", "-----", "= = =", "Title", "1. (U) Text")), max_size=4),
)
def test_a_line_that_ends_a_clause_over_a_blank_line_is_over_no_rule(line: str, blank: str, below: list[str]) -> None:
    # the body asks for a rule below a title only where the next line opens a rule, or is
    # blank below a line that ends no sentence or clause: past a blank line, a line that
    # ends one stands over no rule
    s = line.strip()
    lines = [(k, t) for k, t in enumerate([line, blank, *below])]
    if s[-1] in body_module._CLAUSE_ENDS:
        assert body_module._rule_below(lines, 0, s, apart=True) is None


_BLOCK_LINES = (
    "",
    "Text",
    "Working the Lebanon Connection",
    "Comment",
    "the end.",
    "x" * 159 + ".",
    "x" * 160 + ".",
    "x" * 170,
    "A" * 200 + "!",
)


@given(st.lists(st.sampled_from(_BLOCK_LINES), max_size=5))
def test_a_paragraph_whose_lines_pass_no_first_test_has_no_mixed_case_title_at_its_end(lines: list[str]) -> None:
    # the body asks for a title in mixed case only below a blank line or a reflowed line,
    # at least two lines in: below any other, the general step finds none and leaves the
    # lines as they are
    if len(lines) >= 2 and (not lines[-2] or len(lines[-2]) >= body_module._REFLOWED_LINE):
        return
    kept = list(lines)
    assert body_module._mixed_title_above(lines) is None
    assert lines == kept
