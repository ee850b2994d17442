"""Writing many cables: JSON Lines and Parquet.

JSON Lines (:class:`JsonlWriter`): one cable a line, the :func:`cableparse.to_dict` form,
so each line reads back with ``from_dict(json.loads(line))``.

Parquet (:class:`ParquetWriter`, needs the ``parquet`` extra, pyarrow): a folder of five
flat tables that pandas, Polars and DuckDB read as they are.  Schema version
:data:`PARQUET_SCHEMA_VERSION` (stored in each file's metadata under
``cableparse.schema_version``); a version changes only when a column is removed,
renamed or changes type.  Every table has ``cable`` (int64), the 0-based position of
the cable in the output, which joins the tables, and ``reference_id``.  Lists of words are
``|``-joined strings; times are UTC timestamps (microseconds); a missing value is null.

``cables.parquet`` (one row a cable)
    cable, reference_id, source (path or ``<text N>``), row (csv row, int32),
    created, released (timestamp UTC), classification, origin,
    referenced_ids (``|``-joined), classification_level, section, sections (int32),
    serial (int64), captions, handling (``|``-joined), executive_order,
    declassify_on (date32), tags (``|``-joined), subject, subject_marking, classified_by,
    classification_reasons (``|``-joined), transmission_id, precedence, originator,
    dtg (timestamp UTC), sender, partial (bool), signature, paragraphs, errors,
    warnings (int32 counts)
``paragraphs.parquet`` (one row a paragraph)
    cable, reference_id, position (0-based, int32), number, marking, heading, text
``addressees.parquet`` (one row an addressee of the routing header)
    cable, reference_id, role (``to`` or ``info``), position (0-based within the role,
    int32), name, routing_indicator, precedence, mcn, excluded (``|``-joined)
``references.parquet`` (one row an item of the REF lines)
    cable, reference_id, position (int32), letter, text, cited_id
``diagnostics.parquet`` (one row a diagnostic)
    cable, reference_id, position (int32), code, severity, message, line, column (int32)

For example, with DuckDB: ``SELECT tags, count(*) FROM 'out/cables.parquet' GROUP BY 1``.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from .convert import to_dict
from .models import Addressee, Cable

__all__ = [
    "PARQUET_SCHEMA_VERSION",
    "PARQUET_TABLES",
    "JsonlWriter",
    "ParquetWriter",
    "cable_json",
    "flat_rows",
    "write_atomic",
    "write_jsonl",
    "write_parquet",
]

#: the version of the Parquet schema documented above
PARQUET_SCHEMA_VERSION = "1"


def cable_json(cable: Cable) -> str:
    """One cable as one line of JSON (no newline), the :func:`to_dict` form."""
    return json.dumps(to_dict(cable), ensure_ascii=False, separators=(",", ":"))


class _Output:
    """A writer used as a context manager: closed on leaving, its output discarded when
    the block raised."""

    def close(self, *, discard: bool = False) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close(discard=exc_type is not None)


class JsonlWriter(_Output):
    """Writes cables as JSON Lines to a path or an open text file.

    A path is written atomically: to a temporary file beside it, renamed into place
    by :meth:`close` (an exception inside ``with`` leaves any earlier file untouched).
    """

    def __init__(self, target: str | os.PathLike[str] | IO[str]) -> None:
        self.count = 0
        self._path: Path | None = None
        self._tmp: str | None = None
        if isinstance(target, str | os.PathLike):
            self._path = Path(target)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self._path.name}.", suffix=".tmp", dir=self._path.parent)
            self._file: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        else:
            self._file = target

    def write(self, cable: Cable) -> None:
        """Write one cable."""
        self._file.write(cable_json(cable))
        self._file.write("\n")
        self.count += 1

    def close(self, *, discard: bool = False) -> None:
        """Finish the output (with ``discard``, drop a path's temporary file instead)."""
        if self._path is None or self._tmp is None:
            self._file.flush()
            return
        tmp, self._tmp = self._tmp, None
        try:
            if not discard:
                self._file.flush()
                os.fsync(self._file.fileno())
            self._file.close()
            if not discard:
                os.replace(tmp, self._path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file ``path`` with ``data`` atomically.

    The data goes to a temporary file in the same folder, is flushed to disk, and the
    temporary file is renamed over ``path`` (``os.replace``): whenever the process
    stops, ``path`` holds either its old content or the new one, never part of it.
    The file's permission bits are kept.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):
            shutil.copymode(target, tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_jsonl(cables: Iterable[Cable], target: str | os.PathLike[str] | IO[str]) -> int:
    """Write ``cables`` as JSON Lines to ``target``; the number written."""
    with JsonlWriter(target) as w:
        for c in cables:
            w.write(c)
    return w.count


# (column, pyarrow type name) per table; the type names are those of pyarrow's factory functions
_S, _I32, _I64, _B, _TS, _D = "string", "int32", "int64", "bool_", "timestamp", "date32"
PARQUET_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "cables": (
        ("cable", _I64), ("reference_id", _S), ("source", _S), ("row", _I32),
        ("created", _TS), ("released", _TS), ("classification", _S), ("origin", _S), ("referenced_ids", _S),
        ("classification_level", _S), ("section", _I32), ("sections", _I32), ("serial", _I64),
        ("captions", _S), ("handling", _S), ("executive_order", _S), ("declassify_on", _D),
        ("tags", _S), ("subject", _S), ("subject_marking", _S), ("classified_by", _S),
        ("classification_reasons", _S), ("transmission_id", _S), ("precedence", _S), ("originator", _S),
        ("dtg", _TS), ("sender", _S), ("partial", _B), ("signature", _S),
        ("paragraphs", _I32), ("errors", _I32), ("warnings", _I32),
    ),
    "paragraphs": (
        ("cable", _I64), ("reference_id", _S), ("position", _I32),
        ("number", _S), ("marking", _S), ("heading", _S), ("text", _S),
    ),
    "addressees": (
        ("cable", _I64), ("reference_id", _S), ("role", _S), ("position", _I32),
        ("name", _S), ("routing_indicator", _S), ("precedence", _S), ("mcn", _S), ("excluded", _S),
    ),
    "references": (
        ("cable", _I64), ("reference_id", _S), ("position", _I32), ("letter", _S), ("text", _S), ("cited_id", _S),
    ),
    "diagnostics": (
        ("cable", _I64), ("reference_id", _S), ("position", _I32), ("code", _S), ("severity", _S),
        ("message", _S), ("line", _I32), ("column", _I32),
    ),
}  # fmt: skip


def _joined(values: Iterable[str]) -> str | None:
    s = "|".join(values)
    return s or None


def _addressee_row(a: Addressee) -> dict[str, Any]:
    return {
        "name": a.name,
        "routing_indicator": a.routing_indicator,
        "precedence": a.precedence,
        "mcn": a.mcn,
        "excluded": _joined(a.excluded),
    }


def flat_rows(
    cable: Cable, index: int, source: str | None = None, row: int | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``cable`` in each Parquet table (``index`` is its ``cable`` key)."""
    h = cable.header
    r = cable.routing
    cl = h.classification_line
    eo = h.executive_order
    rid = h.reference_id
    key = {"cable": index, "reference_id": rid}
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in PARQUET_TABLES}
    tables["cables"].append(
        {
            **key,
            "source": source,
            "row": row,
            "created": h.created,
            "released": h.released,
            "classification": h.classification,
            "origin": h.origin,
            "referenced_ids": _joined(h.referenced_ids),
            "classification_level": cl.level if cl else None,
            "section": cl.section if cl else None,
            "sections": cl.sections if cl else None,
            "serial": cl.serial if cl else None,
            "captions": _joined(h.captions),
            "handling": _joined(h.handling),
            "executive_order": eo.order if eo else None,
            "declassify_on": eo.declassify_on if eo else None,
            "tags": _joined(h.tags),
            "subject": h.subject,
            "subject_marking": h.subject_marking,
            "classified_by": h.classified_by.text if h.classified_by else None,
            "classification_reasons": _joined(h.classified_by.reasons) if h.classified_by else None,
            "transmission_id": r.transmission_id if r else None,
            "precedence": r.precedence if r else None,
            "originator": r.originator if r else None,
            "dtg": r.dtg if r else None,
            "sender": r.sender if r else None,
            "partial": r.partial if r else False,
            "signature": cable.signature,
            "paragraphs": len(cable.paragraphs),
            "errors": sum(d.severity == "error" for d in cable.diagnostics),
            "warnings": sum(d.severity == "warning" for d in cable.diagnostics),
        }
    )
    for i, p in enumerate(cable.paragraphs):
        tables["paragraphs"].append(
            {**key, "position": i, "number": p.number, "marking": p.marking, "heading": p.heading, "text": p.text}
        )
    if r is not None:
        for role, people in (("to", r.to), ("info", r.info)):
            for i, a in enumerate(people):
                tables["addressees"].append({**key, "role": role, "position": i, **_addressee_row(a)})
    for i, ref in enumerate(h.references):
        tables["references"].append(
            {**key, "position": i, "letter": ref.letter, "text": ref.text, "cited_id": ref.cable_id}
        )
    for i, d in enumerate(cable.diagnostics):
        tables["diagnostics"].append(
            {
                **key,
                "position": i,
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                "line": d.line,
                "column": d.column,
            }
        )
    return tables


class ParquetWriter(_Output):
    """Writes cables as the five Parquet tables documented above, into a folder.

    Rows are buffered and written as row groups of about ``batch`` cables, so memory
    stays bounded.  The files are written under temporary names and renamed into
    place by :meth:`close`; an exception inside ``with`` leaves earlier files untouched.
    Needs pyarrow (the ``parquet`` extra): ``ImportError`` otherwise.
    """

    def __init__(self, folder: str | os.PathLike[str], *, batch: int = 5000) -> None:
        self._pa = importlib.import_module("pyarrow")
        self._pq = importlib.import_module("pyarrow.parquet")
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.batch = batch
        self.count = 0
        self._buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in PARQUET_TABLES}
        self._schemas = {name: self._schema(name) for name in PARQUET_TABLES}
        self._tmp = {name: self.folder / f".{name}.parquet.tmp" for name in PARQUET_TABLES}
        self._writers = {
            name: self._pq.ParquetWriter(str(self._tmp[name]), self._schemas[name]) for name in PARQUET_TABLES
        }
        self._closed = False

    def _schema(self, name: str) -> Any:
        pa = self._pa
        fields = []
        for column, kind in PARQUET_TABLES[name]:
            t = pa.timestamp("us", tz="UTC") if kind == _TS else getattr(pa, kind)()
            fields.append(pa.field(column, t))
        meta = {"cableparse.schema_version": PARQUET_SCHEMA_VERSION, "cableparse.table": name}
        return pa.schema(fields, metadata=meta)

    def write(self, cable: Cable, *, source: str | None = None, row: int | None = None) -> None:
        """Write one cable (``source`` and ``row`` fill the columns of the same names)."""
        for name, rows in flat_rows(cable, self.count, source, row).items():
            self._buffers[name].extend(rows)
        self.count += 1
        if self.count % self.batch == 0:
            self._flush()

    def _flush(self) -> None:
        for name, rows in self._buffers.items():
            if rows:
                table = self._pa.Table.from_pylist(rows, schema=self._schemas[name])
                self._writers[name].write_table(table)
                rows.clear()

    def close(self, *, discard: bool = False) -> None:
        """Write what is buffered and put the files in place (with ``discard``, drop them)."""
        if self._closed:
            return
        self._closed = True
        try:
            if not discard:
                self._flush()
            for w in self._writers.values():
                w.close()
            if not discard:
                for name, tmp in self._tmp.items():
                    os.replace(tmp, self.folder / f"{name}.parquet")
        finally:
            for tmp in self._tmp.values():
                if tmp.exists():
                    tmp.unlink()


def write_parquet(cables: Iterable[Cable], folder: str | os.PathLike[str]) -> int:
    """Write ``cables`` as Parquet tables into ``folder``; the number written."""
    with ParquetWriter(folder) as w:
        for c in cables:
            w.write(c)
    return w.count
