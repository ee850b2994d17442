"""JSON Lines and Parquet writers."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

import cableparse
from cableparse.batch import parse_many
from cableparse.writers import (
    PARQUET_SCHEMA_VERSION,
    PARQUET_TABLES,
    JsonlWriter,
    ParquetWriter,
    write_atomic,
    write_jsonl,
    write_parquet,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="module")
def cables() -> list[cableparse.Cable]:
    return [r.cable for r in parse_many([FIXTURES]) if r.cable is not None]


def test_jsonl_round_trip(cables: list[cableparse.Cable], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert write_jsonl(cables, out) == len(cables)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(cables)
    assert [cableparse.from_dict(json.loads(x)) for x in lines] == cables
    buf = io.StringIO()
    write_jsonl(cables[:2], buf)
    assert buf.getvalue().count("\n") == 2


def test_jsonl_path_is_written_atomically(cables: list[cableparse.Cable], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    with pytest.raises(RuntimeError), JsonlWriter(out) as w:
        w.write(cables[0])
        raise RuntimeError("stop")
    assert out.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_write_atomic_keeps_old_file_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)

    def boom(fd: int) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", boom)
        with pytest.raises(KeyboardInterrupt):
            write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.txt"]
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_parquet_tables(cables: list[cableparse.Cable], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "pq"
    assert write_parquet(cables, folder) == len(cables)
    assert sorted(os.listdir(folder)) == sorted(f"{n}.parquet" for n in PARQUET_TABLES)
    tables = {n: pq.read_table(folder / f"{n}.parquet") for n in PARQUET_TABLES}
    for name, table in tables.items():
        assert table.schema.names == [c for c, _ in PARQUET_TABLES[name]]
        meta = table.schema.metadata
        assert meta[b"cableparse.schema_version"] == PARQUET_SCHEMA_VERSION.encode()
        for field in table.schema:  # flat: no nested types
            assert not (field.type.num_fields if hasattr(field.type, "num_fields") else 0)
    rows = tables["cables"].to_pylist()
    assert len(rows) == len(cables)
    for k, (row, cable) in enumerate(zip(rows, cables, strict=True)):
        assert row["cable"] == k
        assert row["reference_id"] == cable.reference_id
        assert row["created"] == cable.header.created
        assert row["tags"] == ("|".join(cable.header.tags) or None)
        assert row["paragraphs"] == len(cable.paragraphs)
    assert tables["paragraphs"].num_rows == sum(len(c.paragraphs) for c in cables)
    assert tables["references"].num_rows == sum(len(c.header.references) for c in cables)
    assert tables["diagnostics"].num_rows == sum(len(c.diagnostics) for c in cables)
    assert tables["addressees"].num_rows == sum(len(c.routing.to) + len(c.routing.info) for c in cables if c.routing)


def test_parquet_small_batches_and_discard(cables: list[cableparse.Cable], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    with ParquetWriter(tmp_path / "a", batch=3) as w:
        for c in cables:
            w.write(c, source="x", row=1)
    assert pq.read_table(tmp_path / "a" / "cables.parquet").num_rows == len(cables)
    with pytest.raises(RuntimeError), ParquetWriter(tmp_path / "b") as w:
        w.write(cables[0])
        raise RuntimeError
    assert os.listdir(tmp_path / "b") == []
