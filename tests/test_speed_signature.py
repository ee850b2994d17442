"""The signature's shortcuts read as the general steps they stand for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cableparse.diagnostics import Collector
from cableparse.parser import body as body_module
from cableparse.parser.lines import Line

# pieces of a signer's line: name words, keywords and trailer words, redactions, decorations,
# junk, white space, and what no name holds (lower case, digits, letters outside ASCII)
_SIGNER_PIECES = (
    "BRENNAN",
    "LU",
    "CL",
    "AB",
    "Mc",
    "XXXX",
    "X",
    "SECRET",
    "NNNN",
    "BT",
    "END",
    "SIPDIS",
    "Ford",
    "van",
    "É",
    "ß",
    "1",
    "2008-01-08",
    "#",
    ".",
    '"',
    "'",
    "/",
    "-",
    " ",
    "\t",
    "\xa0",
    "A" * 30,
)
_ABOVE_PIECES = (
    "",
    " ",
    "End comment.",
    "BRENNAN",
    "KEANE",
    "met with",
    "Maxim Elovik",
    "1. (C) Text",
    "Visit London's Classified Website:",
    "http://www.intelink.sgov.gov/wiki/x",
    "UNCLASSIFIED",
    "-----",
    "END",
)


@given(
    st.lists(st.sampled_from(_ABOVE_PIECES), max_size=5),
    st.lists(st.sampled_from(_SIGNER_PIECES), min_size=1, max_size=4).map("".join),
    st.lists(st.sampled_from(("", " ", "\t")), max_size=2),
)
def test_a_name_alone_on_the_last_line_is_read_as_the_general_steps_read_it(
    above: list[str], last: str, blank: list[str]
) -> None:
    # the shortcut for one upper-case name word alone on the last line takes the lines
    # above the signature, the signer and the trailer that the general steps take, and
    # finds none where they find none (both then take the sure trailer lines alone)
    lines: list[Line] = list(enumerate([*above, last, *blank]))
    end = len(lines)
    while end and not lines[end - 1][1].strip():
        end -= 1
    fast, general = body_module.Body(), body_module.Body()
    diags = Collector()
    taken = body_module._split_signature(lines, fast, diags)
    expected = body_module._split_signature_at(lines, end, general)
    if expected is None:
        assert [d.code for d in diags.items] == ["CP306"]
        assert fast.signature is None
    else:
        assert not diags.items
        assert (taken, fast.signature, fast.trailer) == (expected, general.signature, general.trailer)
