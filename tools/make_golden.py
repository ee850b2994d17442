#!/usr/bin/env python3
"""Write the golden files of the fixture pages: ``fixtures/golden/<REFID>.json``.

Usage::

    python tools/make_golden.py [--check] [--force] [REFID ...]

Each page of ``fixtures/pages/`` (``<REFID>.html`` or ``<REFID>.txt``) is parsed and a
small, readable subset of its fields is written as JSON (see :func:`golden`).  Without
arguments every page is done; with REFIDs only those.

Golden files are reviewed by hand against the page text.  Where the parser was wrong,
the correct value is written into the file by hand and the file gets a ``_corrections``
object mapping each corrected key to the reason (the parser bug).  Such files are never
overwritten unless ``--force`` is given; the script prints how the parser's output still
differs from them instead.  ``--check`` writes nothing and exits 1 if any golden file
differs from the parser's output in a key that is not listed under ``_corrections``.

``tests/test_golden.py`` imports :func:`golden` from here, so the test and the golden
files always use the same projection.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"
GOLDEN = ROOT / "fixtures" / "golden"

#: characters of each paragraph's text kept in a golden file
TEXT_PREFIX = 60

sys.path.insert(0, str(ROOT / "src"))

import cableparse  # noqa: E402
from cableparse import Addressee, Cable  # noqa: E402

__all__ = ["GOLDEN", "PAGES", "golden", "golden_path", "load_golden", "page_paths", "read_page"]


def _stamp(value: _dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _addressee(a: Addressee) -> list[Any]:
    return [a.routing_indicator, a.name, a.precedence, a.mcn, list(a.excluded)]


def golden(cable: Cable) -> dict[str, Any]:
    """The readable subset of ``cable`` that a golden file holds (JSON types only)."""
    h = cable.header
    r = cable.routing
    cl = h.classification_line
    eo = h.executive_order
    return {
        "reference_id": h.reference_id,
        "created": _stamp(h.created),
        "released": _stamp(h.released),
        "classification": h.classification,
        "origin": h.origin,
        "routing": None
        if r is None
        else {
            "transmission_id": r.transmission_id,
            "precedence": r.precedence,
            "info_precedence": r.info_precedence,
            "originator": r.originator,
            "serial": r.serial,
            "section": r.section,
            "security": r.security,
            "dtg": _stamp(r.dtg),
            "sender": r.sender,
            "partial": r.partial,
            "to": [_addressee(a) for a in r.to],
            "info": [_addressee(a) for a in r.info],
        },
        "classification_line": None if cl is None else [cl.level, cl.section, cl.sections, cl.origin, cl.serial],
        "captions": list(h.captions),
        "executive_order": None
        if eo is None
        else [eo.order, eo.declassify_on.isoformat() if eo.declassify_on else None],
        "tags": list(h.tags),
        "subject": h.subject,
        "subject_marking": h.subject_marking,
        "references": [[ref.letter, ref.cable_id] for ref in h.references],
        "classified_by_reasons": None if h.classified_by is None else list(h.classified_by.reasons),
        "paragraphs": [[p.number, p.marking, p.heading, p.text[:TEXT_PREFIX]] for p in cable.paragraphs],
        "page_breaks": len(cable.page_breaks),
        "signature": cable.signature,
        "diagnostics": sorted({d.code for d in cable.diagnostics}),
    }


def page_paths() -> list[Path]:
    """The fixture pages, sorted by name."""
    return sorted(p for p in PAGES.iterdir() if p.suffix in (".html", ".txt"))


def read_page(path: Path) -> str:
    """A fixture page's text (the pages are UTF-8)."""
    return path.read_text(encoding="utf-8")


def golden_path(page: Path) -> Path:
    """The golden file of a fixture page."""
    return GOLDEN / f"{page.stem}.json"


def load_golden(page: Path) -> dict[str, Any]:
    """The golden file of ``page`` as a dictionary."""
    data: dict[str, Any] = json.loads(golden_path(page).read_text(encoding="utf-8"))
    return data


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def _differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    return [k for k in actual if k in expected and expected[k] != actual[k]] + [
        k for k in expected if not k.startswith("_") and k not in actual
    ]


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("refids", nargs="*", help="only these pages (default: all)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 on unexpected differences")
    ap.add_argument("--force", action="store_true", help="overwrite hand-corrected golden files too")
    args = ap.parse_args(argv)
    GOLDEN.mkdir(parents=True, exist_ok=True)
    pages = page_paths()
    if args.refids:
        wanted = set(args.refids)
        pages = [p for p in pages if p.stem in wanted]
        missing = wanted - {p.stem for p in pages}
        if missing:
            print(f"no fixture page for {', '.join(sorted(missing))}", file=sys.stderr)
            return 2
    status = 0
    for page in pages:
        actual = golden(cableparse.parse(read_page(page)))
        target = golden_path(page)
        old = load_golden(page) if target.exists() else None
        corrected = dict(old.get("_corrections", {})) if old else {}
        if old is not None:
            diff = _differences(old, actual)
            unexpected = [k for k in diff if k not in corrected]
            fixed = [k for k in corrected if k not in diff]
            if diff:
                print(f"{page.stem}: differs in {', '.join(diff)}" + (" (hand-corrected)" if not unexpected else ""))
            if fixed:
                print(
                    f"{page.stem}: the parser now agrees on corrected {', '.join(fixed)}: drop them from _corrections"
                )
            if args.check:
                status |= bool(unexpected)
                continue
            if corrected and not args.force:
                continue
        elif args.check:
            print(f"{page.stem}: no golden file")
            status = 1
            continue
        target.write_text(_dump(actual), encoding="utf-8")
        print(f"{page.stem}: written")
    return status


if __name__ == "__main__":
    sys.exit(main())
