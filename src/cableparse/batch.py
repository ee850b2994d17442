"""Parsing many cables: :func:`parse_many`.

Inputs are paths (cable pages as HTML, text files, canonical text, cables.csv files,
folders of any of these) or texts; csv files expand to one result per row.  Results come
in input order, in this process or, with ``workers``, across a pool of processes: the
results are the same either way.  Nothing that one input does ends the run: a file that
cannot be read gives a :class:`Result` whose ``error`` says why.

>>> [r.cable.header.subject for r in parse_many(["UNCLAS STATE 000123\\n\\nSUBJECT: TEST\\n"])]
['TEST']
"""

from __future__ import annotations

import importlib
import itertools
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from attrs import frozen

from ._api import DEFAULT_MAX_BYTES, parse
from .csvio import CsvRow, iter_rows
from .models import Cable

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["SUFFIXES", "Result", "iter_paths", "parse_file", "parse_many", "progress_bar"]

#: the file suffixes a folder is searched for
SUFFIXES = (".html", ".htm", ".txt", ".csv")

#: an input of :func:`parse_many`: a path, or a cable's text (str holding a newline, or bytes)
Input = str | bytes | os.PathLike[str]

_BATCH = 16


@frozen
class Result:
    """The outcome of one input of :func:`parse_many`.

    ``source`` names the input: the path as given, or ``<text N>`` (1-based) for a text;
    ``row`` is the 1-based row of a cables.csv file and ``line`` the 1-based line it
    starts at (``None`` otherwise, and for rows that a byte range read).  Exactly one of
    ``cable`` and ``error`` is set: ``error`` says why the input could not be read
    (``"FileNotFoundError: ..."``).  Parse problems are not errors here: they are in
    ``cable.diagnostics``.
    """

    source: str
    cable: Cable | None = None
    error: str | None = None
    row: int | None = None
    line: int | None = None

    @property
    def ok(self) -> bool:
        """True when the input was read (its cable may still have error diagnostics)."""
        return self.error is None


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The files named, with folders walked recursively for :data:`SUFFIXES` (sorted).

    A path that is not a folder is yielded as it is, whatever its suffix (it may not
    exist: reading it will say so).
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = [q for q in path.rglob("*") if q.suffix.lower() in SUFFIXES and q.is_file()]
            yield from sorted(found)
        else:
            yield path


# a task is what one worker call handles: ("file", path) | ("text", label, data) | ("row", path, CsvRow)
# | ("error", source, message)
_Task = tuple[Any, ...]


def _is_text(item: Input) -> bool:
    return isinstance(item, bytes) or (isinstance(item, str) and "\n" in item)


def _tasks(sources: Iterable[Input], max_bytes: int) -> Iterator[_Task]:
    texts = 0
    for item in sources:
        if _is_text(item):
            texts += 1
            yield ("text", f"<text {texts}>", item)
            continue
        if not isinstance(item, str | os.PathLike):
            yield ("error", repr(item)[:80], f"TypeError: not a path or a text: {type(item).__name__}")
            continue
        for path in iter_paths([item]):
            name = str(path)
            if path.suffix.lower() != ".csv":
                yield ("file", name)
                continue
            try:
                for row in iter_rows(path, max_bytes=max_bytes):
                    yield ("row", name, row)
            except OSError as exc:
                yield ("error", name, _error_text(exc))


def _run(task: _Task, max_bytes: int) -> Result:
    kind = task[0]
    if kind == "row":
        row: CsvRow = task[2]
        return Result(task[1], row.parse(), row=row.row, line=row.line)
    if kind == "text":
        return Result(task[1], parse(task[2], max_bytes=max_bytes))
    if kind == "error":
        return Result(task[1], error=task[2])
    name = task[1]
    try:
        with open(name, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            # past the limit, one byte more than it is enough for parse() to report it
            data = f.read(max_bytes + 1) if size > max_bytes else f.read()
    except OSError as exc:
        return Result(name, error=_error_text(exc))
    return Result(name, parse(data, max_bytes=max_bytes))


def parse_file(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Result:
    """The :class:`Result` of one page or text file (not a csv file); never raises."""
    return _run(("file", str(path)), max_bytes)


def _run_batch(tasks: Sequence[_Task], max_bytes: int) -> list[Result]:
    return [_run(t, max_bytes) for t in tasks]


class _Counter:
    """A plain progress counter on stderr, for when tqdm is not installed."""

    def __init__(self, total: int | None, stream: TextIO) -> None:
        self.n = 0
        self.total = total
        self.stream = stream
        self.start = self.last = time.monotonic()

    def _show(self, end: str) -> None:
        of = f"/{self.total}" if self.total else ""
        rate = self.n / max(time.monotonic() - self.start, 1e-9)
        self.stream.write(f"\rcableparse: {self.n}{of} cables ({rate:.0f}/s){end}")
        self.stream.flush()

    def update(self, n: int = 1) -> None:
        self.n += n
        now = time.monotonic()
        if now - self.last >= 0.5:
            self.last = now
            self._show("")

    def close(self) -> None:
        self._show("\n")


def progress_bar(total: int | None = None, *, stream: TextIO | None = None) -> Any:
    """A progress bar with ``update(n)`` and ``close()``: tqdm's when installed, else a counter on stderr."""
    stream = stream or sys.stderr
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:
        return _Counter(total, stream)
    return tqdm(total=total, unit=" cables", file=stream, dynamic_ncols=True, mininterval=0.2)


def _results(tasks: Iterator[_Task], workers: int | None, max_bytes: int) -> Iterator[Result]:
    count = (os.cpu_count() or 1) if workers == 0 else (workers or 1)
    if count <= 1:
        for t in tasks:
            yield _run(t, max_bytes)
        return
    yield from _pooled(tasks, count, max_bytes)


def _pooled(tasks: Iterator[_Task], count: int, max_bytes: int) -> Iterator[Result]:
    """Results across ``count`` processes: this one and a pool of ``count - 1``.

    Batches go to the pool until it holds a few each; while the oldest batch is not back
    yet, this process parses the next batch itself (its results need no pickling), so
    ``count`` processes are busy on ``count`` CPUs.  Results are yielded in input order.
    """
    from concurrent.futures import ProcessPoolExecutor

    window = (count - 1) * 4
    # results kept waiting for an older batch at most; past it this process waits
    held = window * 4
    pool = ProcessPoolExecutor(max_workers=count - 1)
    try:
        # (batch, future in the pool, or the results when this process parsed it)
        pending: deque[tuple[list[_Task], Future[list[Result]] | list[Result]]] = deque()
        in_pool = 0
        more = True
        while True:
            while more and in_pool < window:
                batch = list(itertools.islice(tasks, _BATCH))
                if not batch:
                    more = False
                    break
                pending.append((batch, pool.submit(_run_batch, batch, max_bytes)))
                in_pool += 1
            while pending:
                batch, out = pending[0]
                if isinstance(out, list):
                    pending.popleft()
                    yield from out
                    continue
                if not out.done() and (more and len(pending) < held):
                    break
                pending.popleft()
                in_pool -= 1
                yield from _collected(batch, out)
            if not pending and not more:
                return
            if more and pending:
                batch = list(itertools.islice(tasks, _BATCH))
                if batch:
                    pending.append((batch, _run_batch(batch, max_bytes)))
                else:
                    more = False
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collected(batch: list[_Task], fut: Future[list[Result]]) -> list[Result]:
    """The results of a batch parsed in the pool; a crashed worker fails its batch, not the run."""
    try:
        return fut.result()
    except Exception as exc:  # noqa: BLE001 - a crashed worker fails its batch, not the run
        return [Result(str(t[1]), error=f"worker failed: {_error_text(exc)}") for t in batch]


def parse_many(
    sources: Iterable[Input],
    *,
    workers: int | None = None,
    progress: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Result]:
    """Parse many inputs; an iterator of :class:`Result`, in input order.

    ``sources`` holds paths (``str`` without a newline, or ``os.PathLike``: files,
    folders walked recursively for ``*.html``, ``*.htm``, ``*.txt``, ``*.csv``) and
    texts (``bytes``, or ``str`` holding a newline).  A cables.csv file gives one result
    per row.  ``workers=None`` (or 1) parses in this process; ``workers=N`` across ``N``
    processes, this one and a pool of ``N - 1`` (``0``: one per CPU), with the same
    results in the same order.  With
    ``progress=True`` a progress bar is shown on stderr (tqdm when installed, the
    ``progress`` extra; otherwise a plain counter).  Never raises for an input: one that
    cannot be read gives a result with ``error`` set.
    """
    total: int | None = None
    if isinstance(sources, list | tuple) and progress:
        expanded: list[Input] = []
        for item in sources:
            if _is_text(item) or not isinstance(item, str | os.PathLike):
                expanded.append(item)
            else:
                expanded.extend(iter_paths([item]))
        sources = expanded
        if not any(isinstance(x, Path) and x.suffix.lower() == ".csv" for x in expanded):
            total = len(expanded)
    results = _results(_tasks(sources, max_bytes), workers, max_bytes)
    if not progress:
        yield from results
        return
    bar = progress_bar(total)
    try:
        for r in results:
            bar.update(1)
            yield r
    finally:
        bar.close()
