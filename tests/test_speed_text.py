"""Taking continuation markers out of the text names the lines it changed, and the header
parser's first looks in a text that holds every line read as its general steps do."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cableparse.diagnostics import Collector
from cableparse.models import PageBreak
from cableparse.parser import header
from cableparse.parser.lines import Line, joined, remove_page_breaks

_PIECES = (
    "",
    " ",
    "x",
    "word.",
    "...",
    "a...",
    "header",
    "ends",
    "header ends",
    "----------------- header ends ----------------",
    "PARIS 00001234 002 OF 003",
    "PARIS 00001234 002 OF 0...",
    "LONDON  00000567  001.2 OF 002",
    "PAGE 02 ROME 01196 01 OF 02 082030Z",
    "PAGE 03 HARARE 06677 03 OF 03 291401Z 11. (C) COMMENT: x...",
    "CONFIDENTIAL",
    "x  CONFIDENTIAL",
    "a...  SECRET",
    "C O N F I D E N T I A L PARIS 001234",
    "CONFIDENTIAL SECTION 01 OF 02 PARIS 001234",
    "SUBJECT: x",
    "TAGS: PREL",
    "REF: A. 04 STATE 2084...",
    "1. (C) Su...",
    "4/1/2005 14:50",
    "id: 12",
    "\t",
)

# a line: one to three pieces, run together or a space apart
_LINE = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).flatmap(
    lambda pieces: st.sampled_from(["", " "]).map(lambda sep: sep.join(pieces).rstrip())
)


@st.composite
def _texts(draw: st.DrawFn) -> list[str]:
    """Lines of text, some of them continuation markers; now and then past the header's
    first 150 lines."""
    head = draw(st.lists(_LINE, max_size=10))
    tail = draw(st.lists(_LINE, max_size=6))
    return head + ["x"] * draw(st.sampled_from([0, 150])) + tail


def _unbroken(texts: list[str]) -> tuple[list[Line], list[Line], list[str]]:
    """The lines, the lines once markers are out, and the lines that taking them out changed."""
    lines = list(enumerate(texts))
    changed: list[str] = []
    out, _ = remove_page_breaks(lines, Collector(), changed=changed)
    return lines, out, changed


@given(_texts())
def test_changed_lines_named(texts: list[str]) -> None:
    # every line left is one of the text's lines, an empty line, or one named as changed; the
    # reading is that of a call that names none
    lines, out, changed = _unbroken(texts)
    alone, breaks = remove_page_breaks(lines, Collector())
    assert out == alone
    assert remove_page_breaks(lines, Collector(), changed=[])[1] == breaks
    for _, text in out:
        assert text in texts or text == "" or text in changed


@given(_texts())
def test_first_looks_in_every_line(texts: list[str]) -> None:
    # the header's first looks made in the text before the markers came out, with the
    # lines changed, tell what the general steps tell in the lines left
    lines, out, changed = _unbroken(texts)
    every_line = "\n".join([joined(lines), *changed])
    for j in range(len(out)):
        assert header._may_end_cut_short(out, j, None, every_line) is header._may_end_cut_short(out, j, None)
    for i in range(min(len(out), 3)):
        short, general = list(out), list(out)
        short_diags, general_diags = Collector(), Collector()
        at = header._preamble_end(short, i, short_diags, before_breaks=every_line)
        assert at == header._preamble_end(general, i, general_diags)
        assert short == general
        assert short_diags.items == general_diags.items
    short_breaks: list[PageBreak] = []
    general_breaks: list[PageBreak] = []
    short_diags, general_diags = Collector(), Collector()
    fields, body = header.parse_header(out, short_diags, breaks=short_breaks, before_breaks=every_line)
    fields2, body2 = header.parse_header(out, general_diags, breaks=general_breaks)
    assert body == body2
    assert short_breaks == general_breaks
    assert short_diags.items == general_diags.items
    assert [getattr(fields, k) for k in header.HeaderFields.__slots__] == [
        getattr(fields2, k) for k in header.HeaderFields.__slots__
    ]
