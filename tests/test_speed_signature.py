"""The signature's shortcuts read as the general steps they stand for."""

from __future__ import annotations

from hypothesis import example, given
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
    "Rundell",
    "Xxx",
    "Visit",
    "Nnnn",
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
    # (one piece alone, often: a name word, a keyword or a trailer line)
    st.sampled_from(_SIGNER_PIECES) | st.lists(st.sampled_from(_SIGNER_PIECES), min_size=1, max_size=4).map("".join),
    st.lists(st.sampled_from(("", " ", "\t")), max_size=2),
)
# (names, keywords, a trailer line and a redaction below the end of a sentence)
@example(["End comment."], "BRENNAN", [])
@example(["End comment."], "Rundell", [])
@example(["End comment."], "SECRET", [])
@example(["End comment."], "Nnnn", [])
@example(["End comment."], "Xxx", [])
@example(["End comment."], "XXXX", [])
def test_a_name_alone_on_the_last_line_is_read_as_the_general_steps_read_it(
    above: list[str], last: str, blank: list[str]
) -> None:
    # the shortcut for one name word alone on the last line, in upper case or capitalised,
    # takes the lines above the signature, the signer and the trailer that the general
    # steps take, and finds none where they find none (both then take the sure trailer
    # lines alone)
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


def _name_in_general(words: list[str]) -> bool:
    # body._name as first written: each word asked in turn
    if not 0 < len(words) <= 3 or not words[0].strip("Xx"):
        return False
    if (
        len(words) == 1
        and len(words[0]) == 2
        and (words[0].upper() in body_module._NOT_TWO_LETTER_NAMES or body_module._VOWELS.isdisjoint(words[0].upper()))
    ):
        return False
    if all(body_module._UPPER_NAME_RE.match(w) for w in words):
        return body_module._NOT_NAMES.isdisjoint(words)
    return (
        len(words) <= 2
        and all(
            body_module._MIXED_NAME_RE.match(w) or (k == 0 and w in body_module._PARTICLES) for k, w in enumerate(words)
        )
        and bool(body_module._MIXED_NAME_RE.match(words[-1]))
        and len("".join(words)) >= 2
        and not any(w.upper() in body_module._NOT_NAMES for w in words)
    )


_WORD_PIECES = ("Ford", "van", "de", "Mc", "CORMICK", "O'", "-", "x", "X", "LU", "Wu", "End", "note", "É", "1")


@given(st.lists(st.lists(st.sampled_from(_WORD_PIECES), min_size=1, max_size=3).map("".join), max_size=4))
def test_name_words_are_asked_as_the_general_steps_ask_them(words: list[str]) -> None:
    assert body_module._name(words) == _name_in_general(words)


@given(st.lists(st.sampled_from(("", " ", "\t", "Text")), max_size=6), st.integers(0, 7))
def test_the_first_text_line_is_found_as_the_lines_above_it_are_all_blank(texts: list[str], j: int) -> None:
    lines: list[Line] = list(enumerate(texts))
    j = min(j, len(lines))
    assert body_module._opens_text(lines, j) == all(not lines[k][1].strip() for k in range(j))


@given(st.lists(st.sampled_from(("SHANNON", "Ford", " ", "\t", "X", "")), max_size=4).map("".join))
def test_a_name_of_one_word_is_written_once(name: str) -> None:
    # the signature's steps split a name into the signer and its repeat only when it holds
    # a space: without one, it is the signer whole
    if " " not in name:
        assert body_module._once(name) == (name, "")
