"""One row of the ``cables.csv`` dump as a :class:`~cableparse.sources.Source`.

The dump has eight columns: WikiLeaks' internal id, the creation date (``M/D/YYYY H:MM``),
the reference id, the origin, the classification, the referenced ids (``|``-separated),
the routing header and the cable text.  The metadata comes from the columns, the routing
header from the header column (kept apart: the parser does not look for it in the text)
and the rest from the content column.  The release date is not in the dump.

Reading the file itself (quoting, escapes, row boundaries) is :mod:`cableparse.csvio`'s
job; this module turns the fields of one row into a source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..diagnostics import Collector
from .base import Source, unix_newlines, without_controls

__all__ = ["COLUMNS", "ROW_CODE", "row_source"]

#: the column names of cables.csv, in order
COLUMNS = ("id", "date", "reference_id", "origin", "classification", "referenced_ids", "header", "content")

#: the diagnostic code given to a row that could not be read whole (its message names the row)
ROW_CODE = "CP016"

_DATE_RE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*\Z")


def _valid_date(value: str) -> bool:
    m = _DATE_RE.match(value)
    if not m:
        return False
    mo, d, _y, hh, mi, ss = (int(g) if g else 0 for g in m.groups())
    return 1 <= mo <= 12 and 1 <= d <= 31 and hh < 24 and mi < 60 and ss < 60


def _lines(value: str) -> list[str]:
    value = unix_newlines(value)
    if "\x00" in value:
        value = value.replace("\x00", " ")
    return value.split("\n")


def row_source(fields: Sequence[str], diags: Collector, *, label: str = "the row", line: int = 0) -> Source:
    """The :class:`Source` of one cables.csv row.

    ``fields`` are the row's unescaped fields, normally eight (fewer are read as far as
    they go, extra fields are the caller's to merge); ``label`` names the row in
    diagnostic messages (``"row 17 (line 230)"``); ``line`` is the 0-based line of the
    file the row starts at, so that diagnostics point into the file.  A date that is not
    ``M/D/YYYY H:MM`` gets a ``CP014`` naming the row and is left out.
    """
    src = Source("csv")
    values = list(fields[:8]) + [""] * (8 - min(len(fields), 8))
    _id, date, reference_id, origin, classification, referenced_ids, header, content = values
    for name, value in (
        ("reference_id", reference_id),
        ("classification", classification),
        ("origin", origin),
        ("referenced_ids", referenced_ids),
    ):
        # one line with no control characters, as a page's metadata cell and canonical text have it
        value = " ".join(without_controls(value, diags).split())
        if value:
            src.metadata[name] = value
    date = date.strip()
    if date:
        if _valid_date(date):
            src.metadata["created"] = date
        else:
            diags.add(ROW_CODE, f"{label}: the date {date!r} is not M/D/YYYY H:MM")
    # line numbers: the header column starts after the newlines of the columns before it
    before = sum(v.count("\n") for v in values[:6])
    src.routing = _lines(header)
    src.routing_start = line + before
    src.text = _lines(content)
    src.text_start = src.routing_start + header.count("\n")
    return src
