"""Reading and writing the ``cables.csv`` dump, one row at a time.

The dialect: eight comma-separated columns (WikiLeaks' internal id, the date
``M/D/YYYY H:MM``, the reference id, the origin, the classification, the referenced ids
separated by ``|``, the routing header, the cable text); every field in double quotes;
backslash as the escape character (``\\"``, ``\\'``, ``\\\\``, and a backslash before a
newline); raw newlines inside fields.

:func:`read_csv` streams: it holds one row at a time, so memory stays flat whatever the
file's size.  Rows are found by their opening ``"<digits>","`` at the start of a line,
which in this dialect cannot occur inside a field (a quote inside a field is always
escaped), so a damaged row never swallows the rows after it.  A damaged row (wrong
number of fields, bytes that are not UTF-8, a date that cannot be read, a quote left
open) still yields a :class:`~cableparse.models.Cable`, whose diagnostics name the row;
the stream goes on.

Diagnostics of a row point into the file: their ``line`` is the line of the csv file.

>>> import io
>>> row = format_row(["1", "3/5/2007 1:15", "07PHNOMPENH350", "Embassy Phnom Penh",
...                   "UNCLASSIFIED", "", "", 'UNCLAS PHNOM PENH 000350\\n\\nSUBJECT: "TIP"\\n'])
>>> [c.header.subject for c in read_csv(io.BytesIO(row.encode()))]
['"TIP"']
"""

from __future__ import annotations

import operator
import os
import re
from collections.abc import Iterator, Sequence
from typing import IO, Any

from attrs import frozen

from ._api import DEFAULT_MAX_BYTES
from .diagnostics import Collector
from .models import Cable, Diagnostic, Header, UnplacedLine
from .parser import build_cable
from .sources.csvrow import COLUMNS, ROW_CODE, row_source

__all__ = ["COLUMNS", "CsvRow", "byte_ranges", "format_row", "iter_rows", "read_csv"]

# a row opens with its number, quoted, or unquoted and followed by the date (as in the
# database rows pasted into some pages: 27613,2/24/2005 16:09,05BOGOTA1775,...)
_ROW_START = re.compile(rb'"\d+","|\d+,"?\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}"?,')
_ROW_FIRST = frozenset((b'"', *(bytes([d]) for d in b"0123456789")))
_HEADER_ROW = re.compile(rb'\s*"?[A-Za-z_][\w ]*"?\s*(?:,\s*"?[A-Za-z_][\w ]*"?\s*){3,}\Z')
_UNQUOTED = re.compile(r"[^,]*")
_ESCAPE = re.compile(r"\\(.)", re.S)
_CHUNK = 1 << 20

PathOrFile = str | os.PathLike[str] | IO[bytes] | IO[str]


_GROUP1 = operator.itemgetter(1)


def _unescape_part(value: str) -> str:
    # ``value`` holds no escaped backslash: the common escapes go with plain replaces
    if "\\" not in value:
        return value
    value = value.replace("\\'", "'").replace('\\"', '"').replace("\\\n", "\n")
    return _ESCAPE.sub(_GROUP1, value) if "\\" in value else value


def _unescape(value: str) -> str:
    """A field's text with its backslash escapes undone (a backslash escapes the next character)."""
    if "\\" not in value:
        return value
    if "\\\\" not in value:
        return _unescape_part(value)
    # the leftmost pairs of backslashes are always escaped backslashes
    return "\\".join(_unescape_part(p) for p in value.split("\\\\"))


def _closing_quote(record: str, begin: int, p: int) -> int:
    """The index of the first quote at or after ``p`` not escaped by a backslash, or -1."""
    while True:
        q = record.find('"', p)
        if q < 0:
            return -1
        k = q - 1
        while k >= begin and record[k] == "\\":
            k -= 1
        if (q - 1 - k) % 2 == 0:
            return q
        p = q + 1


@frozen
class CsvRow:
    """One row of a cables.csv file, split into fields but not yet parsed.

    ``row`` is the 1-based row number in the file (a header row counts), ``line`` the
    1-based line the row starts at, ``offset`` its byte offset; ``row`` and ``line`` are
    ``None`` for rows read from a byte range that does not start the file.  ``fields``
    are the unescaped fields; ``problems`` the ``(code, message)`` pairs found while
    reading the row.  Instances pickle, so rows can be parsed in other processes.
    """

    row: int | None
    line: int | None
    offset: int
    fields: tuple[str, ...]
    problems: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        """The row as diagnostics name it: ``row 17 (line 230)`` or ``the row at byte 81920``."""
        if self.row is None:
            return f"the row at byte {self.offset}"
        return f"row {self.row} (line {self.line})"

    @property
    def reference_id(self) -> str | None:
        """The reference-id column, when the row has one."""
        return self.fields[2].strip() or None if len(self.fields) > 2 else None

    def parse(self) -> Cable:
        """The :class:`Cable` of this row; never raises."""
        diags = Collector()
        line0 = (self.line - 1) if self.line is not None else 0
        for code, message in self.problems:
            diags.add(code, message, line=line0)
        if any(code == "CP003" for code, _ in self.problems):
            return Cable(diagnostics=tuple(diags.items))
        if len(self.fields) < 8 or not self.fields[7].strip():
            diags.add("CP001", f"{self.label}: the content column is empty or missing", line=line0)
        src = row_source(self.fields, diags, label=self.label, line=line0)
        try:
            return build_cable(src, diags)
        except Exception as exc:  # noqa: BLE001 - one bad row never stops the stream
            diags.items.append(
                Diagnostic("CP999", "error", f"{self.label}: internal parser error ({type(exc).__name__}: {exc})")
            )
            start = src.text_start + 1
            kept = tuple(UnplacedLine(start + k, t) for k, t in enumerate(src.text) if t.strip())
            return Cable(header=Header(reference_id=self.reference_id), unplaced=kept, diagnostics=tuple(diags.items))


def split_fields(record: str) -> tuple[list[str], list[str]]:
    """The unescaped fields of one record's text, and the problems found reading them.

    Lenient: a quote inside a quoted field that is not followed by a comma is kept as
    text; an unquoted field is taken as it is (``NULL`` and ``\\N`` read as empty); a
    quoted field left open runs to the end of the record.  Fields are not counted here.
    """
    stripped = record.rstrip()
    record = stripped if stripped.endswith('"') else record.rstrip("\r\n")
    fields: list[str] = []
    problems: list[str] = []
    spans: list[tuple[int, int]] = []
    n = len(record)
    pos = 0
    stray = 0
    while True:
        if pos < n and record[pos] == '"':
            begin = p = pos + 1
            while True:
                q = _closing_quote(record, begin, p)
                if q < 0:
                    problems.append(f"quoted field {len(fields) + 1} is not closed")
                    end = pos = n
                    break
                r = q + 1
                if r >= n or record[r] == ",":
                    end, pos = q, r
                    break
                stray += 1
                p = r
            spans.append((begin, end))
            raw = record[begin:end]
            fields.append(_unescape(raw))
        else:
            m = _UNQUOTED.match(record, pos)
            end = m.end() if m else pos
            raw = record[pos:end].strip()
            spans.append((pos, end))
            fields.append("" if raw in ("NULL", "\\N") else _unescape(raw))
            pos = end
        if pos < n and record[pos] == ",":
            pos += 1
            continue
        break
    if stray:
        problems.append(f"{stray} unescaped quote(s) inside fields were kept as text")
    if len(fields) > 8:
        # most likely stray quotes in the content: read everything from field 8 on as content
        begin = spans[7][0]
        end = spans[-1][1]
        fields[7:] = [_unescape(record[begin:end])]
        problems.append(f"{len(spans)} fields, not 8: fields 8 to {len(spans)} were read as the content")
    elif len(fields) < 8:
        problems.append(f"{len(fields)} field(s), not 8")
    return fields, problems


def _open(source: PathOrFile) -> tuple[IO[Any], bool]:
    if isinstance(source, str | os.PathLike):
        return open(source, "rb"), True  # closed by the caller
    return source, False


def _physical_lines(f: IO[Any], text_mode: bool) -> Iterator[bytes]:
    """Lines of ``f`` as bytes, each at most _CHUNK long (longer lines come in pieces)."""
    while True:
        piece = f.readline(_CHUNK)
        if not piece:
            return
        yield piece.encode("utf-8", "surrogateescape") if text_mode else piece


def _make_row(
    parts: list[bytes], row_no: int, line_no: int, offset: int, *, numbered: bool, oversize: bool, max_bytes: int
) -> CsvRow:
    row, line = (row_no, line_no) if numbered else (None, None)
    label = f"row {row} (line {line})" if numbered else f"the row at byte {offset}"
    if oversize:
        return CsvRow(row, line, offset, (), (("CP003", f"{label}: the row has more than {max_bytes} bytes"),))
    data = b"".join(parts)
    problems: list[tuple[str, str]] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = f"first at byte {exc.start} of the row"
        problems.append((ROW_CODE, f"{label}: bytes that are not UTF-8 ({where}) were replaced"))
        text = data.decode("utf-8", "replace")
    fields, found = split_fields(text)
    problems.extend((ROW_CODE, f"{label}: {message}") for message in found)
    return CsvRow(row, line, offset, tuple(fields), tuple(problems))


def iter_rows(
    source: PathOrFile, *, start: int = 0, end: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[CsvRow]:
    """The rows of a cables.csv file, in order, split into fields but not parsed.

    ``source`` is a path or an open file (binary, or text).  With ``start`` and ``end``
    (byte offsets, binary files and paths only) only the rows that *start* in
    ``[start, end)`` are read, whole, so that consecutive ranges read every row exactly
    once: this is how a file is split for parallel or distributed reading (see
    :func:`byte_ranges`).  Such rows have no row or line number unless ``start`` is 0.
    A row longer than ``max_bytes`` is skipped with an error.  A first line of column
    names is skipped.
    """
    f, owned = _open(source)
    try:
        text_mode = isinstance(f.read(0), str)
        if text_mode and (start or end is not None):
            raise ValueError("byte ranges need a path or a binary file")
        numbered = start == 0
        pos = start
        if start > 0:
            f.seek(start - 1)
            pos = start - 1 + len(f.readline())
        parts: list[bytes] = []
        size = 0
        oversize = False
        started = False  # a row is being collected
        row_no = 0
        row_line = line_no = 1  # 1-based line of the row, of the next piece
        row_offset = pos
        at_line_start = True
        first_piece = True
        for piece in _physical_lines(f, text_mode):
            here, this_line, line_start = pos, line_no, at_line_start
            pos += len(piece)
            at_line_start = piece.endswith(b"\n")
            if at_line_start:
                line_no += 1
            is_first, first_piece = first_piece, False
            if line_start and piece[:1] in _ROW_FIRST and _ROW_START.match(piece) is not None:
                if started:
                    row_no += 1
                    yield _make_row(
                        parts, row_no, row_line, row_offset, numbered=numbered, oversize=oversize, max_bytes=max_bytes
                    )
                    parts, size, oversize = [], 0, False
            elif not started:
                if not numbered or not piece.strip():
                    continue  # the tail of a row that started before the range, or blank lines
                if is_first and _HEADER_ROW.match(piece.rstrip(b"\r\n")):
                    row_no += 1  # a line of column names: a row that yields nothing
                    continue
            else:
                size += len(piece)
                if size > max_bytes:
                    oversize, parts = True, []
                elif not oversize:
                    parts.append(piece)
                continue
            if end is not None and here >= end:
                return
            started = True
            row_line, row_offset = this_line, here
            parts, size, oversize = [piece], len(piece), len(piece) > max_bytes
            if oversize:
                parts = []
        if started:
            row_no += 1
            yield _make_row(
                parts, row_no, row_line, row_offset, numbered=numbered, oversize=oversize, max_bytes=max_bytes
            )
    finally:
        if owned:
            f.close()


def read_csv(source: PathOrFile, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Cable]:
    """The cables of a cables.csv file, one per row, in file order (streaming).

    ``source`` is a path or an open file.  Never raises for a damaged row: its cable
    carries diagnostics whose messages name the row (``row 17 (line 230): ...``).
    Opening the file can raise ``OSError``.
    """
    for row in iter_rows(source, max_bytes=max_bytes):
        yield row.parse()


def byte_ranges(path: str | os.PathLike[str], blocksize: int = 64 * 1024 * 1024) -> list[tuple[int, int]]:
    """Split a csv file's size into ``[start, end)`` ranges for :func:`iter_rows`.

    The cut points are plain byte offsets; :func:`iter_rows` moves them to row
    boundaries, so every row is read exactly once over all ranges.
    """
    if blocksize <= 0:
        raise ValueError("blocksize must be positive")
    size = os.path.getsize(path)
    return [(s, min(s + blocksize, size)) for s in range(0, max(size, 1), blocksize)]


def _escape(value: str, newline_escape: bool) -> str:
    value = value.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")
    if newline_escape:
        value = value.replace("\n", "\\\n")
    return value


def format_row(fields: Sequence[str], *, newline_escape: bool = False) -> str:
    """One row in the cables.csv dialect, ending with a newline.

    Every field is quoted; backslashes and quotes are escaped with a backslash;
    newlines are written as they are or, with ``newline_escape``, as backslash-newline
    (both forms occur in real dumps and read back the same).
    """
    if len(fields) != len(COLUMNS):
        raise ValueError(f"a cables.csv row has {len(COLUMNS)} fields, not {len(fields)}")
    return ",".join(f'"{_escape(v, newline_escape)}"' for v in fields) + "\n"
