"""The header parser's short ways give what its general ways give, on any input."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cableparse.diagnostics import Collector
from cableparse.parser import header
from cableparse.parser.body import RULE_CHARS, is_rule
from cableparse.parser.lines import CUT_SHORT, joined, next_text

_BULLET_PIECES = (
    "A.",
    "b)",
    "C:",
    "(d)",
    "( E )",
    "[f]",
    "G",
    "x",
    "1",
    "(",
    ")",
    "[",
    "]",
    ".",
    ":",
    ",",
    ";",
    " ",
    "\n",
    "\t",
)


@given(st.lists(st.sampled_from(_BULLET_PIECES), max_size=16).map("".join))
def test_bullets_found_after_their_separator(text: str) -> None:
    # the bullets found from the separator before them are the pattern's own matches
    expected = [(m.start(), m.end(), m.groups()) for m in header._BULLET_RE.finditer(text)]
    found = [(start, m.end(), m.groups()) for start, m in header._bullet_matches(text)]
    assert found == expected


@given(st.text(max_size=12), st.sampled_from(sorted(header._NO_CAPTION_FIRST)))
def test_first_character_opens_no_caption(rest: str, first: str) -> None:
    # a line that opens with one of these characters is read as holding no caption
    s = first + rest
    token = header._FIRST_TOKEN_RE.match(s)
    assert token is None or token.group(1).upper().strip(".-") not in header._CAPTION_FIRST_WORDS
    assert header._captions_of(s) == ((), s)


@pytest.mark.parametrize("word", sorted(header._CAPTION_FIRST_WORDS))
def test_caption_words_pass_the_first_test(word: str) -> None:
    for s in (word, word.lower(), f"-{word}", f" {word}", f"{word} PLEASE"):
        assert s[:1] not in header._NO_CAPTION_FIRST


_NOTE_PIECES = (
    "Declassified/Released",
    "Systematic Review",
    "Original telegram was",
    "ORIGINAL TELEGRAM WAS",
    "Copy from the National Archives",
    "SIPDIS",
    "S",
    "D",
    "o",
    "---",
    "===",
    "- - -",
    "\u2014\u2014\u2014",
    " ",
    "\t",
    "\xa0",
    "x",
)


@given(st.lists(st.sampled_from(_NOTE_PIECES), max_size=6).map("".join))
def test_note_openings_miss_no_note(line: str) -> None:
    # the cheap test of an archive's note turns away no line that a test after it reads
    if header._REVIEW_STAMP_RE.match(line) or header._NOTE_OPENING_RE.match(line) or is_rule(line):
        assert line.lstrip().startswith(header._NOTE_OPENINGS)


@given(st.text(alphabet=".\na ", max_size=12))
def test_cut_short_at_the_end_too(text: str) -> None:
    # the text is not copied with a newline added to find a line cut short at its end
    lines = [(k, t) for k, t in enumerate(text.split("\n"))]
    expected = header._TRUNCATED_HINT in text + "\n"
    assert header._may_end_cut_short(lines, 0, text) is expected
    assert header._may_end_cut_short(lines, 0, None, text) is (expected and CUT_SHORT in text)


_LINE_PIECES = (
    "E.O. 12958",
    "E.O",
    "EO 12958",
    "TAGS:",
    "SUBJECT:",
    "REF:",
    "Classified By",
    "1. (C)",
    "(C) HMG",
    "(d).",
    "word",
    "A",
    ",",
    ";",
    " ",
    "\t",
)


@given(
    st.lists(st.sampled_from(_LINE_PIECES), max_size=12).map("".join),
    st.sampled_from(
        (
            header._SPLIT_ALL,
            header._SPLIT_AFTER_SUBJECT,
            header._SPLIT_AFTER_TAGS,
            header._SPLIT_PARA,
        )
    ),
)
def test_short_line_cut_by_its_splitter_alone(s: str, splitter: re.Pattern[str]) -> None:
    # :func:`_field_cut` reads a short line outside a REF block, without ``E.O``, with its
    # splitter's search alone
    if len(s) <= header._LONG_LINE and (splitter is not header._SPLIT_ALL or "E.O" not in s):
        found = splitter.search(s, 1)
        assert header._field_cut(s, splitter) == (None if found is None else found.span())


def _handling_like_general(s: str) -> bool:
    # :func:`header.handling_like` without its short way for a line in capitals
    if len(s) > 600:
        return False
    up = s.upper()
    if up.lstrip("- ").replace(" ", "").startswith("CORRECTED"):
        return True
    alpha = "".join(filter(str.isalpha, s))
    letters, upper = len(alpha), sum(map(str.isupper, alpha))
    if not letters or upper >= 0.7 * letters:
        return True
    return len(s) <= 120 and any(w in up for w in header._HANDLING_WORDS)


@given(st.text(alphabet="ACORTEDPSFaco rtedx-.1/\xe9\xc9", max_size=40))
def test_handling_like_in_capitals(s: str) -> None:
    # a line in capitals is an attention line without its letters counted
    assert header.handling_like(s) is _handling_like_general(s)


_REASON_LETTER_FIRST_RE = re.compile(r"(?<![A-Za-z])([a-hA-H])(?![A-Za-z])")


@given(st.text(alphabet="abhiBHZ(),. \n1", max_size=20))
def test_reason_letters_found_from_the_letter(text: str) -> None:
    # the pattern that looks behind from past the letter finds the letters the look behind
    # before it finds
    expected = [(m.span(), m.group(1)) for m in _REASON_LETTER_FIRST_RE.finditer(text)]
    assert [(m.span(), m.group(1)) for m in header._REASON_LETTER_RE.finditer(text)] == expected


_RECORD_PIECES = (
    "\n",
    " ",
    "\t",
    "1",
    "/",
    "-",
    ",",
    "x",
    "3/5/2007 1:15",
    "2009-01-02 14:50",
    "2009-01-02\t",
    "123,3/",
    "12\t2009-",
    "id: ",
    "Cable dated:",
    "ID: 190648 Cable dated:",
    "ID: 190648\nORIGIN:",
    "Key:\t09D",
    "SUBJECT",
)


@given(st.lists(st.sampled_from(_RECORD_PIECES), max_size=24).map("".join))
def test_record_line_found_past_its_first_character(text: str) -> None:
    # a line of a pasted record is found where the search without the test of the line's
    # first character finds it
    general = re.compile("\n" + header._RECORD_LINE).search(text)
    found = header._RECORD_HINT_RE.search(text)
    assert (found and found.span()) == (general and general.span())


_GLUED_EO_FIRST_RE = re.compile(r"(?<=[A-Za-z0-9])E\.O\.\s?1\d{4}(?!\d)")


@given(
    st.lists(st.sampled_from(("E", "E.O.", ".", "O", " ", "1", "12958", "x", "0", "-", "\xe9")), max_size=8).map(
        "".join
    )
)
def test_glued_order_found_from_its_first_letter(text: str) -> None:
    # the pattern that looks behind from past the keyword's first letter finds what the
    # look behind before it finds, from any place on
    for pos in range(min(len(text), 3) + 1):
        expected = _GLUED_EO_FIRST_RE.search(text, pos)
        found = header._GLUED_EO_RE.search(text, pos)
        assert (found and found.span()) == (expected and expected.span())


_PREAMBLE_LINES = (
    "",
    "text",
    "1. (C) Text",
    "id: 12",
    "ID: 190648",
    "3/5/2007 1:15",
    "06MEXICO953",
    "12,3/5/2007 1:15,x",
    "CONFIDENTIAL STATE 001234",
    "SUBJECT: X",
    header.PREAMBLE_END,
    "x header ends",
    "header ends",
)


@given(
    st.lists(st.tuples(st.sampled_from(_PREAMBLE_LINES), st.sampled_from((1, 1, 1, 140, 260))), max_size=8),
    st.sampled_from(("text", "before_breaks", "neither")),
)
def test_record_end_looked_for_where_the_words_are(pieces: list[tuple[str, int]], given: str) -> None:
    # :func:`header._preamble_end` passes over the look for a record's ``header ends`` line
    # only where the general look finds none
    lines = [(k, t) for k, t in enumerate(t for t, times in pieces for _ in range(times))]
    i = next_text(lines, 0)
    if i == len(lines):
        return
    whole = joined(lines)
    text = whole if given == "text" else None
    before_breaks = whole + "\nchanged" if given == "before_breaks" else None
    calls: list[str] = []
    record_end_line, record_start = header._record_end_line, header._record_start

    def looked(*args: object) -> int | None:
        calls.append("end")
        return record_end_line(*args)  # type: ignore[arg-type]

    def started(*args: object) -> int | None:
        calls.append("start")
        return record_start(*args)  # type: ignore[arg-type]

    with mock.patch.object(header, "_record_end_line", looked), mock.patch.object(header, "_record_start", started):
        header._preamble_end(list(lines), i, Collector(), text=text, before_breaks=before_breaks)
    if calls == ["start"]:
        assert record_end_line(list(lines), i) is None


_REF_BLOCKS = (("A. STATE 1", "B. STATE 2"), ("A) X; B) Y",), ("A. X", "B."), ("STATE 3",), ("a.", "B. Z", "(C) W"))
_REF_CAND_PIECES = (" C) STATE 3", " D.", " (C) X", "[C]", "x", " ", ";", ".", "(C)", "TAGS: X")


@given(
    st.sampled_from(_REF_BLOCKS),
    st.sampled_from(("1", "9", "\u0663", *sorted(RULE_CHARS))),
    st.lists(st.sampled_from(_REF_CAND_PIECES), max_size=3).map("".join),
    st.sampled_from(("", "SUBJECT: X", "Classified By: Y", "1. (C) Text", "TAGS: PREL")),
)
def test_ref_list_goes_on_below_no_number(block: tuple[str, ...], first: str, rest: str, below: str) -> None:
    # a line past a blank line below a REF block that opens with a digit or a rule's
    # character opens with no bullet, and carries no list on
    cand = first + rest
    for letter in "ABCDEFGH":
        assert not header.opens_like_bullet(cand, letter)
    lines = [(0, "REF: x"), (1, ""), (2, cand), (3, ""), (4, below)]
    assert header._continues_refs(lines, 2, list(block), header.HeaderFields()) is False


def _reference_items_general(text: str) -> list[tuple[str | None, str]]:
    # :func:`header.reference_items` with the items cut apart first, each line at its
    # semicolons, then folded and stripped
    bullets = header._bullets(text)
    items: list[tuple[str | None, str]] = []
    if bullets:
        items = [(None, part) for part in text[: bullets[0][0]].split(";")]
        for k, (_s, e, lettered) in enumerate(bullets):
            end = bullets[k + 1][0] if k + 1 < len(bullets) else len(text)
            items.append((lettered, text[e:end]))
    else:
        items = [(None, part) for line in text.split("\n") for part in line.split(";")]
    out: list[tuple[str | None, str]] = []
    for letter, body in items:
        body = " ".join(body.split()).strip(header._ITEM_SEPARATORS)
        if body or letter is not None:
            out.append((letter, body))
    return out


@given(st.lists(st.sampled_from((*_BULLET_PIECES, "STATE 1", "B.", "\n;", ";\n")), max_size=16).map("".join))
def test_reference_items_cut_at_newlines_as_at_semicolons(text: str) -> None:
    # the items of a block are what cutting its lines at their semicolons gives
    assert header.reference_items(text) == _reference_items_general(text)


_SUBJECT_BELOW = ("REFORMS", "MORE WORDS HERE", "SECRETARY RICE", "SIPDIS", "Classified By: X", "TAGS: PREL")
_SUBJECT_BELOW += ("1. (C) Text", "- - -", "Some text.", "A", "", "X" * 170)


@given(
    st.lists(st.sampled_from(_SUBJECT_BELOW), min_size=1, max_size=5),
    st.sampled_from(
        ("A LONG SUBJECT OF THE CABLE THAT THE PAGE WRAPPED AND", "SHORT", "A LONG SUBJECT THAT ENDS HERE.")
    ),
    st.frozensets(st.integers(0, 7)),
    st.booleans(),
    st.booleans(),
)
def test_subject_past_blank_line_below_read_first(
    below: list[str], subject: str, ends_in_space: frozenset[int], apart: bool, canonical: bool
) -> None:
    # the first line below the blank line is tested before the layout is looked at, and
    # what is read is what the look reads with that first test passed over (the loop's
    # own test of the line then decides)
    head = ["", "TAGS: PREL", "", f"SUBJECT: {subject}"] if apart else ["TAGS: PREL", f"SUBJECT: {subject}"]
    lines = list(enumerate([*head, "", *(t for b in below for t in (b, ""))]))
    i = len(head)
    top = i - 1
    h = header.HeaderFields()
    parts, general_parts = [subject], [subject]
    found = header._subject_past_blank(
        list(lines), i, parts, h, ends_in_space.__contains__, canonical=canonical, top=top
    )
    tested: list[str] = []
    no_subject_line = header._no_subject_line

    def passed_over_first(cand: str) -> bool:
        tested.append(cand)
        return len(tested) > 1 and no_subject_line(cand)

    with mock.patch.object(header, "_no_subject_line", passed_over_first):
        general = header._subject_past_blank(
            list(lines), i, general_parts, h, ends_in_space.__contains__, canonical=canonical, top=top
        )
    assert (found, parts) == (general, general_parts)


_REASON_PIECES = ("1.4", "1,5", "1.", "1,", "1", ".", ",", "(b)", "(D)", "c", " and ", "a nd", "\n", " ", "x")


@given(st.lists(st.sampled_from(_REASON_PIECES), max_size=12).map("".join))
@example("(b)\n(d)")
@example("(b) 1.5 (c)")
@example("(b) 1,5 (c)")
def test_reason_letters_end_at_the_first_stop(tail: str) -> None:
    # one search finds the first of a reason's stops, as a search for each does
    found = [k for k in (tail.find(stop) for stop in ("1.", "1,", "\n")) if k >= 0]
    stop = header._REASON_STOP_RE.search(tail)
    assert (len(tail) if stop is None else stop.start()) == min(found, default=len(tail))


_REACH_PIECES = ("", " ", "\t", "\xa0", "x", "...", "-")


@given(
    st.lists(st.sampled_from(_REACH_PIECES), max_size=12),
    st.integers(0, 12),
    st.integers(0, 12),
    st.integers(0, 4),
)
def test_reach_counts_the_lines_that_are_not_blank(texts: list[str], j: int, end: int, reach: int) -> None:
    # the loop with is_blank written inline stops where the helper's loop stops (the
    # reach made short, so that short inputs pass it)
    lines = list(enumerate(texts))
    end = min(end, len(lines))
    left, k = reach, j
    while k < end:
        if not header.is_blank(lines[k][1]):
            if left == 0:
                break
            left -= 1
        k += 1
    with mock.patch.object(header, "_TRUNCATED_COPY_LINES", reach):
        assert header._reach(lines, j, end) == k


_RULE_PIECES = ("-", "=", "_", "~", "\u2014", " ", "\t", "\xa0", "x", "1", "")


@given(st.lists(st.sampled_from(_RULE_PIECES), max_size=8).map("".join))
def test_a_rule_opens_with_a_rules_character(text: str) -> None:
    # the header asks for a rule's first character before it asks is_rule
    if is_rule(text):
        assert text.lstrip()[:1] in header.RULE_CHARS
