#!/usr/bin/env python3
"""Parse every corpus page damaged in the ways real copies are, and check normalisation.

Usage::

    python tools/mutate_corpus.py [--seed N] [--out DIR] [--cut-and-spliced] [--text-copies] [corpus ...]

Each page of the corpus (default: the cablegate folders of ``../shared/corpus``) is
taken as HTML and as bare cable text (the benchmark's extraction), and each of the two
is damaged twelve ways, some at a random place (``--seed``); with ``--text-copies``, as
the text of the page without its markup and as that text with each piece on a line of
its own (``tools/text_copies.py``: ``text`` and ``pieces``) instead:

* ``cut``: cut short; ``splice``: a random stretch left out;
* ``reflow``: every line run into one; ``joinpairs``: every two lines run into one;
* ``noblank``: blank lines dropped; ``dropline`` / ``dupline``: a line dropped, or a
  line copied elsewhere;
* ``upper`` / ``lower``: the case changed; ``indent``: every line indented;
* ``crlf``: CRLF line ends; ``tabs``: double spaces turned into tabs.

With ``--cut-and-spliced`` the damages are instead seven that cut a page at its lines or
put it together with another page's (the parts of real cables in places they seldom
stand in):

* ``top``: the page from one of its first 40 lines; ``window``: up to 60 lines of it;
* ``topblank``: the blank lines among its first 40 dropped; ``joinrun``: a run of two
  to seven lines run into one; ``swap``: two of its first 40 lines swapped;
* ``crossover``: its first lines, then another page's last; ``insert``: up to a dozen
  lines of another page put in.

For each result the script checks that :func:`cableparse.parse` raises nothing and
gives no CP999, and that ``normalize(dumps(cable)) == dumps(cable)`` for a cable
without error diagnostics.  It prints a count per damage and, for each failure, the
page, the damage and the first lines that change; with ``--out`` it writes each failing
input to a file there.  Exit status 1 when anything failed.

The corpus is large: a run takes a few minutes.  It belongs with the fuzzer and the
conformance check, not in the unit suite.
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import cableparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench  # the benchmark's page loading and bare-text extraction
from text_copies import text_of


def damaged(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    """(name, damaged text) for each of the twelve damages."""
    lines = text.split("\n")
    yield "cut", text[: rng.randrange(len(text) + 1)]
    yield "reflow", " ".join(line.strip() for line in lines)
    yield "noblank", "\n".join(line for line in lines if line.strip())
    yield "upper", text.upper()
    yield "lower", text.lower()
    k = rng.randrange(len(lines))
    yield "dropline", "\n".join(lines[:k] + lines[k + 1 :])
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    yield "dupline", "\n".join([*lines[:a], lines[b], *lines[a:]])
    yield "joinpairs", "\n".join(" ".join(lines[i : i + 2]) for i in range(0, len(lines), 2))
    yield "indent", "\n".join("   " + line for line in lines)
    yield "crlf", text.replace("\n", "\r\n")
    yield "tabs", text.replace("  ", "\t")
    s = rng.randrange(len(text) + 1)
    yield "splice", text[:s] + text[rng.randrange(len(text) + 1) :]


def cut_and_spliced(text: str, others: list[str], rng: random.Random) -> Iterator[tuple[str, str]]:
    """(name, damaged text) for each of the seven damages of ``--cut-and-spliced``;
    ``others`` are the texts (of the same form) that pages are put together with."""
    lines = text.split("\n")
    top = min(40, len(lines))
    yield "top", "\n".join(lines[rng.randrange(top) :])
    start = rng.randrange(len(lines))
    yield "window", "\n".join(lines[start : start + rng.randrange(1, 61)])
    yield "topblank", "\n".join([line for line in lines[:40] if line.strip()] + lines[40:])
    start = rng.randrange(len(lines))
    end = start + rng.randrange(2, 8)
    yield "joinrun", "\n".join([*lines[:start], " ".join(line.strip() for line in lines[start:end]), *lines[end:]])
    a, b = rng.randrange(top), rng.randrange(top)
    swapped = lines[:]
    swapped[a], swapped[b] = swapped[b], swapped[a]
    yield "swap", "\n".join(swapped)
    other = rng.choice(others).split("\n")
    yield "crossover", "\n".join(lines[: rng.randrange(len(lines) + 1)] + other[rng.randrange(len(other) + 1) :])
    at = rng.randrange(len(lines) + 1)
    start = rng.randrange(len(other))
    yield "insert", "\n".join(lines[:at] + other[start : start + rng.randrange(1, 13)] + lines[at:])


def first_change(a: str, b: str) -> str:
    """The first lines that differ between ``a`` and ``b``, shortened."""
    diff = list(difflib.unified_diff(a.split("\n"), b.split("\n"), lineterm="", n=1))[2:10]
    return " | ".join(line[:160] for line in diff)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=[bench.DEFAULT_CORPUS / s for s in bench.CORPUS_SETS])
    parser.add_argument("--seed", type=int, default=1, help="seed of the random places (default 1)")
    parser.add_argument("--out", type=Path, help="write each failing input to a file in this folder")
    parser.add_argument(
        "--cut-and-spliced", action="store_true", help="cut pages at their lines and splice them together instead"
    )
    parser.add_argument(
        "--text-copies", action="store_true", help="damage text copies of the pages instead of their HTML and bare text"
    )
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    pages = bench.load_pages(bench.find_page_files(args.corpus))
    tried: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    if args.text_copies:
        forms = {style: [text_of(p.raw, style) for p in pages] for style in ("text", "pieces")}
    else:
        forms = {"html": [p.raw for p in pages], "bare": [p.bare for p in pages]}
    for k, page in enumerate(pages):
        stem = page.path.stem if page.path is not None else page.name
        for form, texts in forms.items():
            base = texts[k]
            copies = cut_and_spliced(base, texts, rng) if args.cut_and_spliced else damaged(base, rng)
            for name, text in copies:
                tried[name] += 1
                try:
                    cable = cableparse.parse(text)
                except Exception as exc:  # noqa: BLE001 - report every failure, go on
                    problem = f"raises {type(exc).__name__}: {exc}"
                else:
                    internal = [d.message for d in cable.diagnostics if d.code == "CP999"]
                    once = cableparse.dumps(cable)
                    twice = cableparse.normalize(once)
                    if internal:
                        problem = f"CP999: {internal[0]}"
                    elif once != twice and not any(d.severity == "error" for d in cable.diagnostics):
                        problem = "not idempotent: " + first_change(once, twice)
                    else:
                        continue
                failed[name] += 1
                print(f"{stem} {form} {name}: {problem}")
                if args.out is not None:
                    args.out.mkdir(parents=True, exist_ok=True)
                    (args.out / f"{stem}-{form}-{name}.txt").write_text(text, encoding="utf-8")
    what = "cut and spliced" if args.cut_and_spliced else "damaged"
    if args.text_copies:
        what = "as text copies, " + what
    total = sum(tried.values())
    print(f"{len(pages)} pages {what}, seed {args.seed}: {sum(failed.values())} failures in {total} inputs")
    for name in tried:
        print(f"  {name:10s} {failed[name]:5d} of {tried[name]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
