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
before; the same with WikiLeaks' provable year errors judged (below); a count of the
disagreements by category; and with ``--details`` every disagreement, each id with its
category.

Judged figures: a listed id and one of ours that differ only in the year count as an
agreement (WikiLeaks' error) when our year is provably right, for one of three reasons:

* ``year written``: the REF item writes the year (``LIMA 4516 (06)``, ``05 BOGOTA 8932``);
* ``own serial``: the listed id is of the citing cable's own station and year, with a
  serial above the citing cable's own (serials are given in order, so a cable cannot
  cite one of its own station numbered later that year: 06LIMA1534 citing ``LIMA 2444``);
* ``serial rate``: the listed id is of the citing cable's year, with a serial above the
  highest that station can have reached by the citing cable's date at the fastest
  numbering ``serial_rates.csv`` has seen for it (``STATE 109980`` cited on 6 January),
  from the table's first year for that station on.

With ``--estimate`` the script estimates the raw figures on every corpus page with a
REF line, not only those with a pasted row: it imitates WikiLeaks' extraction, which
reads a REF block only up to its first blank line (``REF: A. QUITO 263`` / blank /
``B. QUITO 251`` gives ``08QUITO263`` alone) and gives a year-less item the citing
cable's year, checks the imitation against the pasted rows, and compares our ids with
it over the whole corpus.

With ``--years`` the script checks the year inference instead, on every page of the
corpus: each REF item that writes its year (from the citing cable's year or the one
before) is dated as if it did not, and the two are compared.

Other categories (not judged): ``not listed`` (an id of ours in a REF item whose id
WikiLeaks' list leaves out: it often keeps only the first item), ``year unproven``,
``no REF parsed`` (the page gives no REF line in the header we read, as partial extracts
whose full text is only in a pasted row), ``missed``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
from pathlib import Path

import cableparse
from cableparse.ids import _mentions, _previous_year, _rate_on, canonical_id, reference_cable_ids, reference_id_parts

PRE_RE = re.compile(r"<code><pre>(.*?)</pre></code>", re.S)
TAG_RE = re.compile(r"<[^>]+>")
_SEP = r"[ \t]*(?:\t|,|\n\s*)[ \t]*"
ROW_RE = re.compile(
    r"\d{1,4}[-/]\d{1,2}[-/]\d{1,4}(?:[ T]\d{1,2}:\d\d(?::\d\d)?)?"
    + _SEP
    + r"(?:refid:\s*)?\"?(?P<id>\d{2}[A-Z]+\d*)\"?"
    + _SEP
    + r"(?:origin:\s*)?(?:\"[^\"\n]*\"|[^\t\n,\"]+)"
    + _SEP
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


def year_error(listed: str, ours: str, rid: str, created: dt.date | None, texts: list[str]) -> str | None:
    """Why WikiLeaks' ``listed`` id is provably wrong where ``ours`` differs only in the
    year, or None when it is not provable."""
    lp, citing = reference_id_parts(listed), reference_id_parts(rid)
    if lp is None or citing is None:
        return None
    if any(ours in reference_cable_ids(text, None, None, rid) for text in texts):
        return "year written"
    year, station, serial = lp
    if created is None or year != created.year:
        return None
    if station == citing[1] and year == citing[0] and serial > citing[2]:
        return "own serial"
    rate = _rate_on(station, year)
    if rate is not None and serial > rate * (created.timetuple().tm_yday + 5):
        return "serial rate"
    return None


_REF_LINE_RE = re.compile(
    r"^[ \t]*(?:\([A-Z]{1,4}\)[ \t]*)?(?:REFS?|REFTELS?|Refs?|REFERENCES?|References?)\b.*$", re.M
)


def imitated_ids(text: str, references: tuple[cableparse.Reference, ...], year: str) -> set[str]:
    """WikiLeaks' extraction imitated: the cable ids of the REF items written before the
    REF block's first blank line, a year-less item dated to the citing cable's year."""
    m = _REF_LINE_RE.search(text)
    if m is None:
        return set()
    block = [m.group(0)]
    for line in text[m.end() + 1 :].split("\n"):
        if not line.strip():
            break
        block.append(line)
    before_blank = " ".join(" ".join(block).split())
    out: set[str] = set()
    for ref in references:
        written = " ".join(ref.text.split())
        if written and written[:20] in before_blank:
            out.update(reference_cable_ids(ref.text, year, None, None))
    return out


def estimate(pages: dict[str, Path]) -> None:
    """Print the imitation's agreement with the pasted rows, then the raw figures of our
    ids against the imitation over every page with a REF line."""
    rows = same = imitated = ours_total = hit = hit_loose = 0
    for stem, path in sorted(pages.items()):
        source = path.read_text(encoding="utf-8", errors="replace")
        header = cableparse.parse(source).header
        if not header.references:
            continue
        rid = header.reference_id or stem
        own = canonical_id(rid)
        created = header.created.date() if header.created else None
        year = own[:2]
        ours = {i for r in header.references for i in reference_cable_ids(r.text, year, created, rid)} - {own}
        wiki = imitated_ids(page_text(source), header.references, year) - {own}
        listed = listed_ids(source, rid)
        if listed is not None:
            rows += 1
            same += listed == wiki
        imitated += len(wiki)
        ours_total += len(ours)
        hit += len(ours & wiki)
        loose = {w[2:] for w in wiki}
        hit_loose += sum(1 for o in ours if o[2:] in loose)
    print(f"imitation = pasted row on {same} of {rows} pages with both a REF line and a pasted row")
    print(f"every page with a REF line: imitated ids {imitated}, ours {ours_total}")
    print(f"expected raw coverage:  {hit}/{imitated} = {hit / max(imitated, 1):.1%}")
    print(f"expected raw precision: {hit}/{ours_total} = {hit / max(ours_total, 1):.1%}")
    print(f"the same ignoring the year: precision {hit_loose}/{ours_total} = {hit_loose / max(ours_total, 1):.1%}")


def year_check(pages: dict[str, Path]) -> None:
    """Print how the year inference dates the REF items that write their year."""
    counts = {"right, year before": 0, "right, citing year": 0, "wrong, moved to the year before": 0}
    left = 0
    wrong: list[str] = []
    for stem, path in sorted(pages.items()):
        header = cableparse.parse(path.read_text(encoding="utf-8", errors="replace")).header
        rid = header.reference_id or stem
        if header.created is None:
            continue
        created = header.created.date()
        citing = reference_id_parts(rid)
        for ref in header.references:
            for _pos, cid in _mentions(ref.text, None, None, rid):  # the items' own years only
                parts = reference_id_parts(cid) if cid else None
                if parts is None or parts[0] not in (created.year, created.year - 1):
                    continue
                before = parts[0] == created.year - 1
                moved = _previous_year(parts[1], parts[2], created, citing)
                if moved and before:
                    counts["right, year before"] += 1
                elif not moved and not before:
                    counts["right, citing year"] += 1
                elif moved:
                    counts["wrong, moved to the year before"] += 1
                    wrong.append(f"  {rid} ({created}): {ref.text}")
                else:
                    left += 1
    total = sum(counts.values()) + left
    right = counts["right, year before"] + counts["right, citing year"]
    citing_year = counts["right, citing year"] + counts["wrong, moved to the year before"]
    print(f"REF items that write their year (citing year or the one before): {total}")
    detail = ", ".join(f"{k} {v}" for k, v in counts.items())
    print(f"inferred year right: {right}/{total} = {right / max(total, 1):.1%} ({detail})")
    print(f"left in the citing year though of the year before: {left}")
    print(f"the citing year alone right: {citing_year}/{total} = {citing_year / max(total, 1):.1%}")
    for line in wrong:
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--details", action="store_true", help="print every disagreement")
    parser.add_argument(
        "--parser-ids", action="store_true", help="measure the parser's Reference.cable_id instead (one id per item)"
    )
    parser.add_argument(
        "--estimate", action="store_true", help="estimate the raw figures on every page, WikiLeaks' extraction imitated"
    )
    parser.add_argument("--years", action="store_true", help="check the year inference on items that write their year")
    args = parser.parse_args(argv)

    pages: dict[str, Path] = {}
    for path in sorted(args.corpus.rglob("*.html"), key=lambda p: ("201104" not in str(p), str(p))):
        pages.setdefault(path.stem, path)
    if args.years:
        year_check(pages)
        return 0
    if args.estimate:
        estimate(pages)
        return 0
    rows = listed = ours_total = hit_listed = hit_ours = loose_listed = loose_ours = judged = 0
    details: list[str] = []
    categories: dict[str, int] = {}
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
            texts = [r.text for r in header.references]
            extra = sorted(mine - wl)
            notes: list[str] = []
            for miss in sorted(wl - mine):
                twin = next((e for e in extra if e[2:] == miss[2:]), None)
                if twin is not None:
                    extra.remove(twin)
                    why = year_error(miss, twin, rid, created, texts)
                    if why is not None:
                        judged += 1
                    cat = f"year: WikiLeaks wrong ({why})" if why else "year unproven"
                    notes.append(f"{miss} listed, {twin} ours: {cat}")
                else:
                    cat = "missed" if texts else "no REF parsed"
                    notes.append(f"{miss} listed: {cat}")
                categories[cat] = categories.get(cat, 0) + 1
            for e in extra:
                cat = "not listed"
                notes.append(f"{e} ours: {cat}")
                categories[cat] = categories.get(cat, 0) + 1
            details.append(f"{rid}: {'; '.join(notes)}  REF: {' | '.join(texts)}")
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
    print(
        f"WikiLeaks' provable year errors judged ({judged}): "
        f"coverage {hit_listed + judged}/{listed} = {(hit_listed + judged) / max(listed, 1):.1%}, "
        f"precision {hit_ours + judged}/{ours_total} = {(hit_ours + judged) / max(ours_total, 1):.1%}"
    )
    print("disagreements: " + ", ".join(f"{cat} {n}" for cat, n in sorted(categories.items())))
    if args.details:
        for line in details:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
