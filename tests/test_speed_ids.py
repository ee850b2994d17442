"""The identifiers' shortcuts read as the general steps they stand for."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from cableparse import ids

_NAMES = sorted({name for name, _code in ids._fuzzy_names()})


def _edited(name: str, edits: list[tuple[int, int, str]]) -> str:
    """``name`` with each edit applied: (0, at, letter) replaces, (1, ...) inserts, (2, ...)
    deletes, (3, ...) swaps two neighbours."""
    for kind, at, letter in edits:
        k = at % (len(name) + 1)
        if kind == 0 and k < len(name):
            name = name[:k] + letter + name[k + 1 :]
        elif kind == 1:
            name = name[:k] + letter + name[k:]
        elif kind == 2 and k < len(name):
            name = name[:k] + name[k + 1 :]
        elif kind == 3 and k + 1 < len(name):
            name = name[:k] + name[k + 1] + name[k] + name[k + 2 :]
    return name


@given(
    st.sampled_from(_NAMES),
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 20), st.sampled_from("AEIOUNRSTLXZ")),
        max_size=3,
    ),
)
@example("ADDISABABA", [(3, 0, "A")])
@example("SOFIA", [(1, 5, "A")])
def test_the_names_one_edit_from_a_key_are_found_under_its_deletions(
    name: str, edits: list[tuple[int, int, str]]
) -> None:
    # the station codes that canonical_station takes a typo for, looked up under the key's
    # deletions, are those a scan of every name one edit away finds
    key = _edited(name, edits)
    scanned = {code for other, code in ids._fuzzy_names() if ids._damerau1(key, other)}
    index = ids._fuzzy_index()
    looked_up = {code for cut in ids._deletions(key) for other, code in index.get(cut, ()) if ids._damerau1(key, other)}
    assert looked_up == scanned


# what each of the item's substitutions reads, as first written (a look-behind first)
_SUBSTITUTIONS = (
    (ids._DASH_RE, r"(?<=\d)-(?=[A-Z])|(?<=[A-Z])-(?=\d)"),
    (ids._LETTER_O_RE, r"(?<![A-Z0-9])O(?=\d)"),
    (ids._ZERO_FIRST_RE, r"(?<![A-Z0-9])0(?=[A-Z]{2})"),
    (ids._ZERO_INSIDE_RE, r"(?<=[A-Z])0(?=[A-Z])|(?<=[A-Z]{4})0(?![\dA-Z])"),
)


@given(st.lists(st.sampled_from("0O-AB1 .9Z/\u0661"), max_size=24).map("".join))
@example("AB-1")
@example("1-AB")
@example("O4 CHENNAI")
@example("0TTAWA")
@example("COTON0U SANTIAG0")
@example("A0 AB0 ABZ0 ABZA0 ABZ0B")
def test_an_items_substitutions_find_what_a_look_behind_first_finds(text: str) -> None:
    for pattern, first_written in _SUBSTITUTIONS:
        expected = [m.span() for m in re.finditer(first_written, text)]
        assert [m.span() for m in pattern.finditer(text)] == expected
