#!/usr/bin/env python3
"""Measure the REF-line cable ids of cableparse against WikiLeaks' own extraction.

Usage::

    python tools/measure_references.py /work/shared/corpus [--details]

Some corpus pages carry a pasted database row of the release (a tab- or comma-separated
cables.csv row, a record of bare values one per line, or ``key: value`` lines): its
fields are id, date, reference id, origin, classification and the ``|``-joined ids the
cable references (WikiLeaks' own extraction of the REF lines).  For each such page whose
row belongs to the page's own cable, the script parses the page with
``cableparse.parse``, turns each ``Reference.text`` into cable ids with
``cableparse.ids.reference_cable_ids`` (the citing cable's year, Created date and id
given), and compares them with the row's list.  Both sides go through
``cableparse.canonical_id``; the cable's own id is dropped from the list (cableparse
drops self-references by design).  A reference id held in both page generations counts
once (the newer page wins).

Printed: coverage (share of listed ids we produce), precision (share of our ids that are
listed); the same ignoring the year (station and serial only), since WikiLeaks' list
gives a year-less item the citing cable's year where cableparse may infer the year
before; and with ``--details`` every disagreement.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

import cableparse
from cableparse.ids import canonical_id, reference_cable_ids

PRE_RE = re.compile(r"<code><pre>(.*?)</pre></code>", re.S)
TAG_RE = re.compile(r"<[^>]+>")
_SEP = r"[ \t]*(?:\t|,|\n\s*)[ \t]*"
ROW_RE = re.compile(
    r"\d{1,4}[-/]\d{1,2}[-/]\d{1,4}(?:[ T]\d{1,2}:\d\d(?::\d\d)?)?" + _SEP
    + r"(?:refid:\s*)?\"?(?P<id>\d{2}[A-Z]+\d*)\"?" + _SEP
    + r"(?:origin:\s*)?(?:\"[^\"\n]*\"|[^\t\n,\"]+)" + _SEP
    + r"(?:classification:\s*)?\"?(?:UNCLASSIFIED//FOR OFFICIAL USE ONLY|UNCLASSIFIED|CONFIDENTIAL//NOFORN"
    r"|CONFIDENTIAL|SECRET//NOFORN|SECRET)\"?[ \t]*(?:\t|,|\n\s*)[ \t]*"
    r"(?:destination:\s*)?(?P<refs>\d{2}[A-Z]+\d+(?:\|\d{2}[A-Z]+\d+)*)?"
)


def page_text(source: str) -> str:
    """The <pre> blocks of a page as plain text."""
    blocks = [html.unescape(TAG_RE.sub("", b.replace("&#x000A;", "\n"))) for b in PRE_RE.findall(source)]
    return "\n".join(blocks).replace("\\\n", "\n")


def listed_ids(source: str, reference_id: str) -> set[str] | None:
    """WikiLeaks' referenced ids from the page's pasted row of its own cable, or None."""
    own = canonical_id(reference_id)
    for m in ROW_RE.finditer(page_text(source)):
        if canonical_id(m.group("id")) != own:
            continue
        refs = m.group("refs") or ""
        return {canonical_id(r) for r in refs.split("|") if r} - {own}
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--details", action="store_true", help="print every disagreement")
    parser.add_argument(
        "--parser-ids", action="store_true", help="measure the parser's Reference.cable_id instead (one id per item)"
    )
    args = parser.parse_args(argv)

    pages: dict[str, Path] = {}
    for path in sorted(args.corpus.rglob("*.html"), key=lambda p: ("201104" not in str(p), str(p))):
        pages.setdefault(path.stem, path)
    rows = listed = ours_total = hit_listed = hit_ours = loose_listed = loose_ours = 0
    details: list[str] = []
    for stem, path in sorted(pages.items()):
        source = path.read_text(encoding="utf-8", errors="replace")
        cable = cableparse.parse(source)
        header = cable.header
        rid = header.reference_id or stem
        wl = listed_ids(source, rid)
        if wl is None:
            continue
        rows += 1
        created = header.created.date() if header.created else None
        year = canonical_id(rid)[:2]
        ours: list[str] = []
        for ref in header.references:
            if args.parser_ids:
                ours.extend([canonical_id(ref.cable_id)] if ref.cable_id else [])
            else:
                ours.extend(reference_cable_ids(ref.text, year, created, rid))
        mine = set(ours)
        listed += len(wl)
        ours_total += len(mine)
        hit_listed += len(wl & mine)
        hit_ours += len(mine & wl)
        wl_loose = {r[2:] for r in wl}
        mine_loose = {r[2:] for r in mine}
        loose_listed += sum(1 for r in wl if r[2:] in mine_loose)
        loose_ours += sum(1 for r in mine if r[2:] in wl_loose)
        if wl != mine:
            refs = " | ".join(r.text for r in header.references)
            details.append(f"{rid}: missing {sorted(wl - mine)} extra {sorted(mine - wl)}  REF: {refs}")
    coverage = hit_listed / listed if listed else 1.0
    precision = hit_ours / ours_total if ours_total else 1.0
    print(f"cables with a pasted row: {rows}")
    print(f"listed ids: {listed}, ours: {ours_total}")
    print(f"coverage:  {hit_listed}/{listed} = {coverage:.1%}")
    print(f"precision: {hit_ours}/{ours_total} = {precision:.1%}")
    print(
        f"ignoring the year: coverage {loose_listed / max(listed, 1):.1%}, "
        f"precision {loose_ours / max(ours_total, 1):.1%}"
    )
    if args.details:
        for line in details:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
