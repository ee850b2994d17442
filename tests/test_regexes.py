"""Every module-level regular expression of the package runs in linear time.

The patterns are collected by walking the ``cableparse`` package with :mod:`pkgutil`
(so a pattern added later is checked too).  For each one, worst-case inputs are built
from the pattern's own pieces: runs of every literal character and of a representative
of every character class it uses (spaces, tabs, letters, digits, punctuation), its
literal words repeated, pairs of those characters alternating, and each of those behind
every literal word of the pattern (so that a ``match`` gets past a keyword such as
``PAGE`` into the quantifiers after it).

Each pattern is run the way the package runs it: ``match`` when the source only calls
``NAME.match``/``fullmatch``, all matches (``finditer``, which costs what ``search``,
``findall``, ``sub`` and ``split`` cost) when the source calls one of those.  The
candidate that scales worst from 500 to 5,000 characters is then timed at 5 KB and
50 KB: 10x the input may take at most 15x the time.
"""

from __future__ import annotations

import functools
import gc
import importlib
import itertools
import pkgutil
import re
import re._constants as sre_constants
import re._parser as sre_parse
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cableparse

SMALL = 5_000
BIG = 50_000
MAX_RATIO = 15.0

#: patterns that fail the check, by "module.NAME" -> the worst input (see the report)
KNOWN_SLOW: dict[str, str] = {}


def _modules() -> Iterator[Any]:
    yield cableparse
    for info in pkgutil.walk_packages(cableparse.__path__, "cableparse."):
        yield importlib.import_module(info.name)


def _collect() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()
    for module in _modules():
        for name, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and id(value) not in seen:
                seen.add(id(value))
                found[f"{module.__name__}.{name}"] = value
    return found


PATTERNS = _collect()
_SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in Path(cableparse.__file__).parent.rglob("*.py"))


def _scans(key: str) -> bool:
    """True when the package calls the pattern with search/finditer/findall/sub/split."""
    name = key.rsplit(".", 1)[1]
    return bool(re.search(rf"\b{re.escape(name)}\.(?:search|finditer|findall|sub|subn|split)\(", _SOURCE))


# -- the pattern's pieces --------------------------------------------------------------

_CATEGORY_CHARS = {
    sre_constants.CATEGORY_DIGIT: "0",
    sre_constants.CATEGORY_NOT_DIGIT: "a",
    sre_constants.CATEGORY_SPACE: " ",
    sre_constants.CATEGORY_NOT_SPACE: "a",
    sre_constants.CATEGORY_WORD: "a",
    sre_constants.CATEGORY_NOT_WORD: " ",
}


def _pieces(pattern: re.Pattern[str]) -> tuple[set[str], set[str]]:
    """(characters, literal words) of ``pattern``: what its worst-case inputs are made of."""
    chars: set[str] = set()
    words: set[str] = set()

    def walk(seq: Any) -> None:
        run: list[str] = []
        for op, av in seq:
            if op is sre_constants.LITERAL:
                run.append(chr(av))
                chars.add(chr(av))
                continue
            if len(run) >= 2:
                words.add("".join(run))
            run = []
            if op is sre_constants.NOT_LITERAL:
                chars.add("a" if chr(av) != "a" else "b")
            elif op is sre_constants.ANY:
                chars.add("x")
            elif op is sre_constants.IN:
                for iop, iav in av:
                    if iop is sre_constants.LITERAL:
                        chars.add(chr(iav))
                    elif iop is sre_constants.RANGE:
                        chars.update((chr(iav[0]), chr(iav[1])))
                    elif iop is sre_constants.CATEGORY:
                        chars.add(_CATEGORY_CHARS.get(iav, "a"))
                    elif iop is sre_constants.NEGATE:
                        chars.add("x")
            elif op is sre_constants.CATEGORY:
                chars.add(_CATEGORY_CHARS.get(av, "a"))
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op is sre_constants.SUBPATTERN:
                walk(av[-1])
            elif op is sre_constants.ATOMIC_GROUP:
                walk(av)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(av[1])
            elif op is sre_constants.BRANCH:
                for alt in av[1]:
                    walk(alt)
            elif op is sre_constants.GROUPREF_EXISTS:
                walk(av[1])
                if av[2] is not None:
                    walk(av[2])
        if len(run) >= 2:
            words.add("".join(run))

    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    if pattern.flags & re.IGNORECASE:
        chars |= {c.lower() for c in chars} | {c.upper() for c in chars}
    chars = {c for c in chars if c not in "\n"}
    return chars | {" ", "\t", "a", "A", "0", "."}, words


def candidates(pattern: re.Pattern[str]) -> Iterator[Callable[[int], str]]:
    """Makers of adversarial inputs: each takes a length and returns a string of that length."""
    chars, words = _pieces(pattern)
    units = sorted(chars) + sorted(w + " " for w in words) + sorted(words)
    # pairs: letters of the pattern stand for each other, punctuation does not
    mixers = sorted({c for c in chars if not c.isalnum()} | {"a", "A", "0"})
    units += [a + b for a, b in itertools.permutations(mixers, 2)]
    prefixes = ["", *sorted(w + " " for w in words), *sorted(words)]
    for prefix in prefixes:
        for unit in units:
            yield functools.partial(_fill, prefix, unit)


def _fill(prefix: str, unit: str, n: int) -> str:
    return (prefix + unit * (n // len(unit) + 1))[:n]


# -- timing ----------------------------------------------------------------------------


def _runner(pattern: re.Pattern[str], scan: bool) -> Callable[[str], object]:
    if scan:
        return lambda s: sum(1 for _ in pattern.finditer(s))
    return pattern.match


def _best_time(
    run: Callable[[str], object], text: str, loops: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The best of five timings (of one when a timing takes over 0.2 s), per call."""
    best = float("inf")
    for _ in range(5):
        t0 = clock()
        for _ in range(loops):
            run(text)
        best = min(best, clock() - t0)
        if best > 0.2:
            break
    return best / loops


def _once(run: Callable[[str], object], text: str) -> float:
    t0 = time.perf_counter()
    run(text)
    return time.perf_counter() - t0


def scaling(
    pattern: re.Pattern[str],
    scan: bool,
    make: Callable[[int], str],
    small: int,
    big: int,
    *,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Time on ``make(big)`` over time on ``make(small)``, each the best of five runs,
    with the garbage collector off (``finditer`` makes many match objects)."""
    run = _runner(pattern, scan)
    a, b = make(small), make(big)
    gc.collect()
    gc.disable()
    try:
        loops = max(1, min(2000, int(0.01 / max(_once(run, a), 1e-7))))
        t_small = _best_time(run, a, loops, clock)
        t_big = _best_time(run, b, max(1, loops * small // big), clock)
    finally:
        gc.enable()
    return t_big / max(t_small, 1e-7)


#: the sizes at which candidates are compared, and a time beyond which one is taken at once
_PICK_SMALL, _PICK_BIG, _PICK_ENOUGH = 100, 400, 0.002


def worst_case(pattern: re.Pattern[str], scan: bool) -> Callable[[int], str]:
    """The candidate input that takes longest at 400 characters.

    A quadratic or cubic shape grows 16 or 64 times from 100 to 400 characters where
    a linear one grows 4 times, so it stands out; a candidate already slow at 100
    characters is taken at once (and not run longer).
    """
    run = _runner(pattern, scan)
    worst: tuple[float, Callable[[int], str]] | None = None
    for make in candidates(pattern):
        # (the best of three: on a busy machine one run may wait for a core, and a
        # candidate taken for that would hide the slow one)
        if min(_once(run, make(_PICK_SMALL)) for _ in range(3)) > _PICK_ENOUGH:
            return make
        cost = min(_once(run, make(_PICK_BIG)) for _ in range(3))
        if worst is None or cost > worst[0]:
            worst = (cost, make)
    assert worst is not None
    return worst[1]


def check_linear(pattern: re.Pattern[str], scan: bool) -> tuple[float, int, str]:
    """(ratio, size, sample) over 10x steps 100 -> 1,000, 500 -> 5,000, 5,000 -> 50,000 characters.

    The steps stop at the first ratio over ``MAX_RATIO``, so that a cubic pattern does
    not run for hours at 50,000 characters.  A ratio over the limit is measured again,
    twice in wall time and twice in CPU time (``time.process_time``), and the smallest
    kept: on a busy machine wall time counts the waits for a core.  A quadratic pattern
    takes about 100x the time for 10x the input, so no retry brings it under the limit.
    """
    make = worst_case(pattern, scan)
    sample = make(60)
    ratio = 0.0
    for small in (100, 500, SMALL):
        ratio = scaling(pattern, scan, make, small, small * 10)
        # noise: on a busy machine wall time counts the waits for a core; measure again,
        # and in CPU time
        for clock in (time.perf_counter, time.process_time) * 2:
            if ratio <= MAX_RATIO:
                break
            ratio = min(ratio, scaling(pattern, scan, make, small, small * 10, clock=clock))
        if ratio > MAX_RATIO:
            return ratio, small * 10, sample
    return ratio, BIG, sample


def _params() -> list[Any]:
    out = []
    for key in sorted(PATTERNS):
        marks = (
            [pytest.mark.xfail(strict=True, reason=f"{key} is not linear on {KNOWN_SLOW[key]}")]
            if key in KNOWN_SLOW
            else []
        )
        out.append(pytest.param(key, marks=marks, id=key))
    return out


def test_patterns_found() -> None:
    # the walk reaches the parser and the sources
    modules = {key.rsplit(".", 1)[0] for key in PATTERNS}
    assert {"cableparse.parser.header", "cableparse.parser.lines", "cableparse.sources.html"} <= modules
    assert len(PATTERNS) >= 30


@pytest.mark.parametrize("key", _params())
def test_regex_is_linear(key: str) -> None:
    scan = _scans(key)
    ratio, size, sample = check_linear(PATTERNS[key], scan)
    how = "finditer" if scan else "match"
    assert ratio <= MAX_RATIO, (
        f"{key} ({how}) took {ratio:.1f}x the time for 10x the input ({size} chars): {sample!r}..."
    )


def test_check_flags_a_quadratic_pattern() -> None:
    # found anywhere, " *x" tries every start of a run of spaces to its end: the check
    # must see that, or a passing run above says nothing
    ratio, _, sample = check_linear(re.compile(r" *x"), True)
    assert ratio > MAX_RATIO
    assert sample.strip(" ") == ""


# --------------------------------------------------------------------------- pre-tests


_PIECES = st.text(alphabet=" \t\n0123456789OF.,;x", max_size=12)
_SPACES = st.text(alphabet=" \t", min_size=1, max_size=3)


@given(
    st.lists(
        st.one_of(
            _PIECES,
            # a marker's parts, whole or damaged
            st.builds(
                "{} {}{}{}{}{}OF{}{}{}".format,
                _PIECES,
                st.text(alphabet="0123456789", min_size=7, max_size=9),
                _SPACES,
                st.text(alphabet="0123456789", min_size=2, max_size=4),
                st.sampled_from(["", ".1", "."]),
                _SPACES,
                _SPACES,
                st.text(alphabet="0123456789", min_size=2, max_size=4),
                _PIECES,
            ),
        ),
        max_size=4,
    ).map("".join)
)
def test_a_line_without_the_markers_tail_holds_no_inline_marker(text: str) -> None:
    """``_INLINE_TAIL_RE`` gates the inline marker search: wherever ``_INLINE_RE``
    finds a marker, the tail is found too."""
    from cableparse.parser import lines

    if lines._INLINE_RE.search(text) is not None:
        assert lines._INLINE_TAIL_RE.search(text) is not None


def test_the_markers_tail_is_found_in_a_real_marker() -> None:
    from cableparse.parser import lines

    probe = "the text goes on SECSTATE 00000123 002 OF 004 and on"
    assert lines._INLINE_RE.search(probe) is not None
    assert lines._INLINE_TAIL_RE.search(probe) is not None
    assert lines._INLINE_TAIL_RE.search("the text goes on, 002 of 004") is None


# the distribution-line pattern takes the office symbols before the last possessively; on
# a stripped line it matches exactly where the same pattern with backtracking does
_DISTRIBUTION_BACKTRACKING = re.compile(
    r"(?:(?:ACTION|ORIGIN|INFO)\s+)?(?:[A-Z][A-Z0-9]{0,5}-\d{2}\s+)*(?:[A-Z][A-Z0-9]{0,5}-\d{2}|/\d{3}\s?[A-Z])$"
    r"|-{6,}\s*[0-9A-F]{6}\s+\d{6}Z\s+/\d{2}$"
)


@given(
    st.lists(
        st.sampled_from(["ACTION", "INFO", "LOG-00", "AF-00", "EUR-0", "/037", "W", "/002R", "x", "-------", "A1-99"]),
        max_size=8,
    ),
    st.sampled_from([" ", "  ", "\t", " \n "]),
)
def test_the_possessive_distribution_pattern_reads_as_the_backtracking_one(words: list[str], sep: str) -> None:
    from cableparse.parser.routing import _DISTRIBUTION_RE

    line = sep.join(words).strip()
    assert (_DISTRIBUTION_RE.match(line) is None) == (_DISTRIBUTION_BACKTRACKING.match(line) is None), line
