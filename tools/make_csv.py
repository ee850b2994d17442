#!/usr/bin/env python3
"""Write cables.csv-dialect test files from WikiLeaks cable pages.

There is no public sample of the ``cables.csv`` dump, so its test files are made from
the shared pages: each page becomes one row (its metadata table gives the columns, its
first ``<pre>`` block the header column, the second the content column; the referenced
ids are those the parser finds on the REF lines, ``|``-joined).  Quotes, apostrophes and
backslashes are escaped with a backslash; newlines are written raw on even rows and as
backslash-newline on odd rows, since both occur in real dumps.

Usage::

    python tools/make_csv.py PAGE_OR_FOLDER... [-o OUT] [--rows N]

``--rows N`` repeats the pages in order until N rows are written (a large file for
memory tests).  The committed fixture was made with::

    python tools/make_csv.py ../shared/corpus/cablegate-201104/cable/2009/01/09ANKARA71.html \\
        ../shared/corpus/cablegate-201104/cable/1985/03/85BEIRUT1725.html \\
        ../shared/corpus/cablegate-201104/cable/2008/08/08LONDON2218.html \\
        ../shared/corpus/cablegate-201104/cable/2009/05/09STATE49854.html \\
        ../shared/corpus/cablegate-201104/cable/2006/08/06BERN1593.html \\
        -o fixtures/csv/cables.csv
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

from cableparse import parse
from cableparse.csvio import format_row
from cableparse.diagnostics import Collector
from cableparse.sources.html import read


def csv_date(stamp: str) -> str:
    """``2007-03-05 01:15`` as the dump writes it: ``3/5/2007 1:15``."""
    d = dt.datetime.strptime(stamp.strip(), "%Y-%m-%d %H:%M")
    return f"{d.month}/{d.day}/{d.year} {d.hour}:{d.minute:02d}"


def page_fields(path: Path, row_id: int) -> list[str]:
    """The eight cables.csv fields of one page."""
    page = path.read_text(encoding="utf-8")
    src = read(page, Collector())
    meta = src.metadata
    cited = [r.cable_id for r in parse(page).header.references if r.cable_id]
    return [
        str(row_id),
        csv_date(meta["created"]) if meta.get("created") else "",
        meta.get("reference_id", path.stem),
        meta.get("origin", ""),
        meta.get("classification", ""),
        "|".join(dict.fromkeys(cited)),
        "\n".join(src.routing or []),
        "\n".join(src.text),
    ]


def pages(args: list[str]) -> Iterator[Path]:
    """The pages named, folders walked recursively, in sorted order."""
    for a in args:
        p = Path(a)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.suffix in (".html", ".htm"))
        else:
            yield p


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="+", help="cable pages or folders of them")
    ap.add_argument("-o", "--output", help="the csv file to write (default: stdout)")
    ap.add_argument("--rows", type=int, help="repeat the pages until this many rows are written")
    args = ap.parse_args(argv)
    rows = [page_fields(p, 0) for p in pages(args.pages)]
    if not rows:
        ap.error("no pages")
    count = args.rows or len(rows)
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115
    try:
        for i, fields in enumerate(itertools.islice(itertools.cycle(rows), count)):
            fields[0] = str(1000 + i)
            out.write(format_row(fields, newline_escape=bool(i % 2)))
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
