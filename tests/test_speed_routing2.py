"""The routing parser's shorter ways give what its general ways give, on any input."""

from __future__ import annotations

import datetime as _dt
import re

from hypothesis import given
from hypothesis import strategies as st

from cableparse.parser import routing

# the addressee hint as it was written: a routing indicator and its slash, optional, before
# the words
_ADDR_HINT_WITH_RI_RE = re.compile(r"(?:R[A-Z0-9]{3,7}/)?[A-Z0-9][A-Z0-9 ./&'(),-]*$")

_ADDRESSEE_PIECES = (
    "R",
    "RUEHC",
    "RUEHC/",
    "SECSTATE",
    "/",
    "A",
    "z",
    "0",
    "9",
    " ",
    "  ",
    ".",
    "-",
    "&",
    "'",
    "(",
    ")",
    ",",
    "\t",
    "\n",
    "#",
)

_PROSIGN_PIECES = (
    "O",
    "OO",
    "P",
    "R",
    "Z",
    "Y",
    "RUEHC",
    "RUEHWEB",
    "RUEH",
    "RUEHABCDE",
    "R1",
    " ",
    "  ",
    "\t",
    "\n",
    "\u2003",
    "X",
    "0",
)


@given(st.lists(st.sampled_from(_ADDRESSEE_PIECES), max_size=12).map("".join))
def test_addressee_hint_reads_the_indicator_as_words(s: str) -> None:
    # the routing indicator's characters and slash are in the words' class: the hint
    # without the indicator matches where the hint with it did
    assert (routing._ADDR_HINT_RE.match(s) is None) == (_ADDR_HINT_WITH_RI_RE.match(s) is None)


@given(st.lists(st.sampled_from(_PROSIGN_PIECES), max_size=8).map("".join))
def test_prosign_line_in_one_match(s: str) -> None:
    # one match reads a prosign line as _PROSIGN_RE and then _only_ris from its end did
    prosign = routing._PROSIGN_RE.match(s)
    expected = prosign is not None and routing._only_ris(s, prosign.end())
    m = routing._PROSIGN_LINE_RE.match(s)
    assert (m is not None) == expected
    if m is not None and prosign is not None:
        assert m.group(2) == prosign.group(1)
        assert m.end(1) == prosign.end()


@given(
    st.integers(1, 31),
    st.integers(0, 29),
    st.integers(0, 65),
    st.sampled_from(["JAN", "feb", "Mar", "DEC", "XYZ"]),
    st.sampled_from(["07", "99", "2010", "1", "0000"]),
)
def test_date_time_group_built_positionally(day: int, hour: int, minute: int, month: str, year: str) -> None:
    # the datetime built with tzinfo in its place is the one built with the keyword
    found = routing.dtg_datetime(day, hour, minute, month, year)
    mon = routing.MONTHS.get(month.upper())
    y = int(year) + ((1900 if int(year) >= 50 else 2000) if len(year) == 2 else 0)
    try:
        expected = None if mon is None else _dt.datetime(y, mon, day, hour, minute, tzinfo=_dt.UTC)
    except ValueError:
        expected = None
    assert found == expected
    assert found is None or (expected is not None and found.tzinfo is expected.tzinfo)
