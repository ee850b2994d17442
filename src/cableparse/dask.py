"""Parsing on Dask: the same parsing as :func:`cableparse.parse_many`, spread over a cluster.

Needs the ``dask`` extra (``pip install 'cableparse[dask]'``).  :func:`bag` turns paths
into a ``dask.bag.Bag`` of :class:`~cableparse.batch.Result`: each page or text file is
one item; each cables.csv file is cut into byte blocks that :func:`cableparse.csvio.iter_rows`
moves to row boundaries, so a 1.7 GB dump spreads over many workers and every row is read
exactly once.  Nothing here is specific to a scheduler: the recipe runs unchanged on the
local threaded, process or synchronous schedulers and on ``dask.distributed``::

    import json
    from dask.distributed import Client
    from cableparse import to_dict
    from cableparse.dask import bag

    client = Client("scheduler-address:8786")          # or no client: local scheduler
    results = bag(["cables.csv", "cable/"], blocksize=32 * 2**20)
    cables = results.filter(lambda r: r.ok).map(lambda r: to_dict(r.cable))
    cables.map(json.dumps).to_textfiles("out/part-*.jsonl")

The paths must be readable by every worker (a shared file system); rows read from a
block other than a file's first have no row number (``Result.row`` is ``None``): their
diagnostics name them by byte offset.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from typing import Any

from ._api import DEFAULT_MAX_BYTES
from .batch import Result, iter_paths, parse_file
from .csvio import byte_ranges, iter_rows

__all__ = ["bag", "read_block"]


def read_block(path: str, start: int, end: int, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Result]:
    """The results of the cables.csv rows that start in the byte range ``[start, end)`` of ``path``."""
    try:
        return [
            Result(path, row.parse(), row=row.row, line=row.line)
            for row in iter_rows(path, start=start, end=end, max_bytes=max_bytes)
        ]
    except OSError as exc:
        return [Result(path, error=f"{type(exc).__name__}: {exc}")]


def bag(
    paths: Iterable[str | os.PathLike[str]],
    *,
    blocksize: int = 64 * 1024 * 1024,
    npartitions: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`Result`, one per cable of ``paths``, in path order.

    Folders are walked as :func:`cableparse.batch.iter_paths` walks them.  Pages and text
    files go into ``npartitions`` partitions (by default about 100 files each); each
    ``blocksize`` bytes of a csv file are one partition.
    """
    db = importlib.import_module("dask.bag")
    files: list[str] = []
    parts: list[Any] = []

    def flush() -> None:
        if files:
            n = npartitions or max(1, (len(files) + 99) // 100)
            parts.append(db.from_sequence(list(files), npartitions=n).map(parse_file, max_bytes=max_bytes))
            files.clear()

    for path in iter_paths(paths):
        name = str(path)
        if path.suffix.lower() != ".csv":
            files.append(name)
            continue
        flush()
        try:
            ranges = byte_ranges(path, blocksize)
        except OSError as exc:
            parts.append(db.from_sequence([Result(name, error=f"{type(exc).__name__}: {exc}")], npartitions=1))
            continue
        blocks = [(name, s, e) for s, e in ranges]
        parts.append(
            db.from_sequence(blocks, npartitions=len(blocks)).starmap(read_block, max_bytes=max_bytes).flatten()
        )
    flush()
    if not parts:
        return db.from_sequence([], npartitions=1)
    return parts[0] if len(parts) == 1 else db.concat(parts)
