"""Parsing time grows linearly with the input: adversarial shapes at 200 KB and 2 MB.

Each shape is a function of a target size in characters.  The test parses the shape at
200,000 and at 2,000,000 characters (``time.perf_counter``, best of three, fewer once
the runs have taken a second; the garbage collector is off while timing, so that its
passes over the many objects of a large cable do not blur the parser's own growth)
and asserts that the large one takes at most 15 times the small one, measuring a
second time before failing, in wall time and in CPU time (``time.process_time``: on
a busy machine wall time counts the waits for a core).  It asserts the ratio, not an absolute time.  A quadratic
shape shows 100x; it is caught by a first 10x step from 20 KB to 200 KB (limit 30x,
times under 10 ms taken as 10 ms), so that it does not run for minutes at 2 MB.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

import cableparse

SMALL = 200_000
BIG = 2_000_000
MAX_RATIO = 15.0
#: times under 10 ms are taken as 10 ms: below it, fixed costs and caches dominate
FLOOR = 0.01

HEAD = "UNCLAS SECTION 01 OF 02 STATE 000123\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n"
ROUTING = (
    "VZCZCXRO4581\nOO RUEHCHI\nDE RUEHPF #0350/01 0640115\nZNR UUUUU ZZH\nO 050115Z MAR 07\nFM AMEMBASSY PHNOM PENH\n"
)


def _repeat(unit: str, size: int, prefix: str = "", suffix: str = "") -> str:
    return prefix + unit * max(1, (size - len(prefix) - len(suffix)) // len(unit)) + suffix


def _refs(size: int) -> str:
    # REF items: 2 MB holds about 100,000 of them
    items = []
    total = 0
    k = 0
    while total < size:
        item = f"{chr(65 + k % 26)}. STATE {100000 + k}"
        items.append(item)
        total += len(item) + 1
        k += 1
    return HEAD.replace("SUBJECT: TEST\n", "SUBJECT: TEST\nREF: ") + " ".join(items) + "\n\n1. (U) Text.\n"


def _tags(size: int) -> str:
    # 300,000 tags at 2 MB
    return HEAD.replace("TAGS: PREL\n", "TAGS: " + ", ".join(["PREL"] * (size // 6)) + "\n") + "1. (U) Text.\n"


def _addressees(size: int) -> str:
    # 50,000 TO addressees at 2 MB
    line = "RUEHC/SECSTATE WASHDC IMMEDIATE 8106\n"
    return ROUTING + "TO " + line * (size // len(line)) + HEAD + "1. (U) Text.\n"


def _page_html(inner: str) -> str:
    return (
        "<!DOCTYPE html><html><body><table class='cable'><tr><td><a href='x'>07STATE1</a></td></tr></table>"
        f"<pre>{inner}</pre></body></html>"
    )


def _routing_html(unit: str, size: int, suffix: str = "") -> str:
    # a page whose first block, the routing header, repeats ``unit`` (newlines written as
    # the pages write them)
    entities = [t.replace("\n", "&#x000A;") for t in ("VZCZCXYZ\nDE RUEHC #0001 0010000\n", unit, suffix)]
    block = _repeat(entities[1], size, entities[0], entities[2])
    return f"<html><body><pre>{block}</pre><pre>CONFIDENTIAL STATE 000123&#x000A;x</pre></body></html>"


SHAPES: dict[str, Callable[[int], str]] = {
    "one long line": lambda n: _repeat("word ", n),
    "one long line, no spaces": lambda n: _repeat("x", n),
    "only blank lines": lambda n: _repeat("\n", n),
    "paragraph starts": lambda n: _repeat("1. (C) x\n", n),
    "numbered paragraphs in order": lambda n: HEAD + "".join(f"{k}. (C) x\n\n" for k in range(1, n // 12)),
    "page-break lines": lambda n: _repeat("PHNOM PENH 00000350  002 OF 007\n", n),
    "page-break lines between text": lambda n: _repeat("text text\n\nPHNOM PENH 00000350  002 OF 007\n\n\n", n, HEAD),
    "legacy page headers": lambda n: _repeat("PAGE 02 ROME 01196 01 OF 02 082030Z\n", n),
    "inline page markers in one line": lambda n: _repeat("text PHNOM PENH 00000350  002 OF 007 ", n, HEAD),
    "open parentheses": lambda n: _repeat("((((", n, HEAD),
    "open parentheses, lines": lambda n: _repeat("((((\n", n, HEAD),
    "SECTION 01 OF repeated": lambda n: _repeat("SECTION 01 OF ", n, "UNCLAS "),
    "REF line, 100,000 items": _refs,
    "TAGS line, 300,000 tags": _tags,
    "50,000 TO addressees": _addressees,
    "XMT lines under one collective": lambda n: _repeat(
        "XMT AMEMBASSY SOFIA\n", n, ROUTING + "INFO RUCNASE/ASEAN COLLECTIVE\n", HEAD
    ),
    "run of digits": lambda n: _repeat("0", n),
    "run of digits after a level": lambda n: _repeat("0", n, "UNCLAS STATE "),
    "header keywords in one line": lambda n: _repeat(
        "E.O. 12958 TAGS: PREL SUBJECT: X REF: A. STATE 1 ", n, "UNCLAS STATE 000123\n"
    ),
    "repeated TAGS lines": lambda n: _repeat("TAGS: PREL\n", n, "UNCLAS STATE 000123\n"),
    "a Classified By value over lines that end sentences": lambda n: _repeat(
        "Bbb.\n", n, "UNCLAS STATE 000123\n\nTAGS: PREL\nSUBJECT: X\nClassified By: A.\n"
    ),
    "repeated SUBJECT lines": lambda n: _repeat("SUBJECT: X\n", n, "UNCLAS STATE 000123\n"),
    "captions": lambda n: _repeat("SIPDIS ", n, "UNCLAS STATE 000123\n"),
    "headings": lambda n: _repeat("TITLE\n-----\n\ntext\n\n", n, HEAD),
    "rules": lambda n: _repeat("- ", n, HEAD),
    "markings": lambda n: _repeat("(U) ", n, HEAD),
    "signature-like lines": lambda n: _repeat("\nCLINTON\n", n, HEAD),
    "trailer lines": lambda n: _repeat("\nNNNN\n", n, HEAD + "1. (U) Text.\n\nCLINTON\n"),
    "routing format lines": lambda n: _repeat("RUEHC RUEHC RUEHC\n", n, "OO RUEHC\n"),
    "distribution lines": lambda n: _repeat("      LOG-00   ADS-00   EUR-00\n", n, "ACTION AF-00\n\nINFO  LOG-00\n"),
    "office symbols in one line": lambda n: _repeat("LOG-00 ", n, "ACTION AF-00\nINFO ", "x\n" + HEAD),
    "page banners": lambda n: _repeat("CONFIDENTIAL\n\n", n, HEAD + "1. (U) x\n", "PAGE 02 ROME 01196 082030Z\n"),
    "classification words": lambda n: _repeat("U N C L A S ", n),
    "HTML: level words above a routing block's format lines": lambda n: _routing_html(
        "CONFIDENTIAL\n", n, "VZCZCADI319\nDE RUEHAD #2641 1541250\n"
    ),
    "HTML: page banners in a routing block": lambda n: _routing_html("CONFIDENTIAL\n\nPAGE 02 RUEHC 01 010000Z\n", n),
    "HTML: many pre blocks": lambda n: _page_html(_repeat("x</pre><pre>", n)),
    "HTML: newline entities": lambda n: _page_html(_repeat("&#x000A;", n)),
    "HTML: tags": lambda n: _page_html(_repeat("<a>", n)),
    "HTML: open tag": lambda n: _page_html("<" + "a" * n),
    "HTML: open cell": lambda n: "<html><table class='cable'><td>" + " " * n + "<pre>x</pre>",
    "HTML: cells": lambda n: "<html><table class='cable'>" + _repeat("<td> x </td>", n) + "</table><pre>x</pre>",
    "HTML: entities": lambda n: _page_html(_repeat("&amp;&#65;&bogus;", n)),
    # text copies of a page: the table's first column name again and again (on one line, and
    # opening lines), tags one a line below a TAGS keyword, lines of the site's articles
    "page text: table names on one line": lambda n: _repeat("Reference ID ", n),
    "page text: table names opening lines": lambda n: _repeat("Reference ID\n", n),
    "page text: cells of a table": lambda n: _repeat(
        "\n\n", n, "Reference ID\nCreated\nReleased\nClassification\nOrigin\n", "07X\n2007-03-05 01:15\n"
    ),
    "page text: tags one a line": lambda n: _repeat(
        "PREL\n \n",
        n,
        "Reference ID\nCreated\nClassification\nOrigin\n07X\n2007-03-05 01:15\nSECRET\nEmbassy X\nTAGS:\n",
    ),
    "page text: articles": lambda n: _repeat(
        "http://x\n",
        n,
        "Reference ID\nCreated\nClassification\nOrigin\n07X\n2007-03-05 01:15\nSECRET\nEmbassy X\n"
        "Appears in these articles:\n",
    ),
}


def _best(source: str, repeat: int = 3, clock: Callable[[], float] = time.perf_counter) -> float:
    """Best of ``repeat`` parses (fewer once they have taken 1 s), garbage collector off."""
    best = float("inf")
    spent = 0.0
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t0 = clock()
            cable = cableparse.parse(source)
            took = clock() - t0
        finally:
            gc.enable()
        best = min(best, took)
        spent += took
        assert not [d for d in cable.diagnostics if d.code == "CP999"]
        if spent > 1.0:
            break
    return best


#: shapes that do not scale (the bug is reported); ``xfail(strict=True)`` until fixed
KNOWN_SLOW: dict[str, str] = {}
# (fixed: "inline page markers in one line", _strip_inline rebuilt the line for every marker;
# "XMT lines under one collective", each XMT line copied the excluded tuple; "run of digits
# after a level", int() of a serial over 4,300 digits raised ValueError -> CP999)


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(
            name, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_SLOW[name])] if name in KNOWN_SLOW else []
        )
        for name in SHAPES
    ],
)
def test_linear_time(shape: str) -> None:
    make = SHAPES[shape]
    small, big = make(SMALL), make(BIG)
    assert 0.8 * SMALL <= len(small) <= 1.3 * SMALL and 0.8 * BIG <= len(big) <= 1.3 * BIG
    # (untimed: the first parse of a shape loads what it needs once, the identifier tables
    # for REF items; on a busy machine that can pass the second after which a measurement
    # stops repeating, and the load would count as the 200 KB parse's time)
    cableparse.parse(make(SMALL // 100))
    t_small = _best(small)
    # a 10x step at 20 KB first: a quadratic shape fails there instead of running for minutes at 2 MB
    t_tiny = _best(make(SMALL // 10))
    if t_small / max(t_tiny, FLOOR) > 2 * MAX_RATIO:
        pytest.fail(f"{shape}: 200 KB took {t_small / t_tiny:.0f}x the time of 20 KB")
    t_big = _best(big)
    ratio = t_big / max(t_small, FLOOR)
    if ratio > MAX_RATIO:
        # noise: on a busy machine wall time counts the waits for a core; measure again,
        # and in CPU time
        for clock in (time.perf_counter, time.process_time):
            again = _best(big, clock=clock) / max(_best(small, clock=clock), FLOOR)
            ratio = min(ratio, again)
    assert ratio <= MAX_RATIO, f"{shape}: 2 MB took {ratio:.1f}x the time of 200 KB ({t_small:.3f}s -> {t_big:.3f}s)"
