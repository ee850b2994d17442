#!/usr/bin/env python3
"""Parse every corpus page damaged in the ways real copies are, and check normalisation.

Usage::

    python tools/mutate_corpus.py [--seed N] [--out DIR] [corpus ...]

Each page of the corpus (default: the cablegate folders of ``../shared/corpus``) is
taken as HTML and as bare cable text (the benchmark's extraction), and each of the two
is damaged twelve ways, some at a random place (``--seed``):

* ``cut``: cut short; ``splice``: a random stretch left out;
* ``reflow``: every line run into one; ``joinpairs``: every two lines run into one;
* ``noblank``: blank lines dropped; ``dropline`` / ``dupline``: a line dropped, or a
  line copied elsewhere;
* ``upper`` / ``lower``: the case changed; ``indent``: every line indented;
* ``crlf``: CRLF line ends; ``tabs``: double spaces turned into tabs.

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


def first_change(a: str, b: str) -> str:
    """The first lines that differ between ``a`` and ``b``, shortened."""
    diff = list(difflib.unified_diff(a.split("\n"), b.split("\n"), lineterm="", n=1))[2:10]
    return " | ".join(line[:160] for line in diff)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=[bench.DEFAULT_CORPUS / s for s in bench.CORPUS_SETS])
    parser.add_argument("--seed", type=int, default=1, help="seed of the random places (default 1)")
    parser.add_argument("--out", type=Path, help="write each failing input to a file in this folder")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    pages = bench.load_pages(bench.find_page_files(args.corpus))
    tried: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    for page in pages:
        stem = page.path.stem if page.path is not None else page.name
        for form, base in (("html", page.raw), ("bare", page.bare)):
            for name, text in damaged(base, rng):
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
    print(f"{len(pages)} pages, seed {args.seed}: {sum(failed.values())} failures in {sum(tried.values())} inputs")
    for name in tried:
        print(f"  {name:10s} {failed[name]:5d} of {tried[name]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
