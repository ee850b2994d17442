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

import gc
import importlib
import itertools
import os
import pickle
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from attrs import frozen

from ._api import DEFAULT_MAX_BYTES, parse
from .csvio import CsvRow, iter_rows
from .models import Cable, _built_through_slots, _pickled_by_position

__all__ = ["SUFFIXES", "Result", "iter_paths", "parse_file", "parse_many", "progress_bar"]

#: the file suffixes a folder is searched for
SUFFIXES = (".html", ".htm", ".txt", ".csv")

#: an input of :func:`parse_many`: a path, or a cable's text (str holding a newline, or bytes)
Input = str | bytes | os.PathLike[str]

_BATCH = 16
#: the interpreter's switch interval in a pool process that sends its results from a
#: thread, in seconds (Python's default: 0.005)
_SWITCH_INTERVAL = 0.0005
#: how long closing a pool waits for a process to stop by itself, in seconds
_STOP_WAIT = 0.5


@_pickled_by_position
@_built_through_slots
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


def _in_path_form(name: object) -> bool:
    """True when ``str(Path(name)) == name``, for the common names that shows at a glance:
    no empty or ``.`` part and no trailing separator (False may be wrong, never True)."""
    return (
        isinstance(name, str)
        and os.sep == "/"
        and name != ""
        and not name.startswith(".")
        and not name.endswith("/")
        and "//" not in name
        and "/." not in name
    )


def _is_csv(name: str) -> bool:
    """``Path(name).suffix.lower() == ".csv"``, for a name in ``Path``'s form."""
    base = name[name.rfind("/") + 1 :]
    return len(base) > 4 and base[-4:].lower() == ".csv"


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
        name = os.fspath(item)
        if _in_path_form(name) and not os.path.isdir(name) and not _is_csv(name):
            # a file named as ``Path`` would name it (most are): no need to build one
            yield ("file", name)
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


#: the room asked for in the pipe that a pool's results come back through, in bytes: enough
#: for every batch a process holds, so that sending results seldom waits for the reader
_PIPE_BYTES = 1 << 20
#: batches taken back are marked in a shared array of this many flags (by key modulo its size)
_MARKS = 4096


def _widen(conn: Any) -> bool:
    """Ask for :data:`_PIPE_BYTES` of room in the pipe behind ``conn``; True when granted
    (Linux grants it to any process up to ``/proc/sys/fs/pipe-max-size``, 1 MB by default)."""
    try:
        import fcntl

        set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
        if set_size is None:
            return False
        return bool(fcntl.fcntl(conn.fileno(), set_size, _PIPE_BYTES) >= _PIPE_BYTES)
    except (OSError, ValueError):
        return False


def _sender(results: Any, lock: Any, direct: bool) -> tuple[Any, Any]:
    """How a pool process sends its pickled results, and how it waits for the last to go.

    With room for them in the pipe (``direct``) a process writes its results itself, at
    once, and goes on.  Otherwise a thread writes them, so that the process goes on
    parsing while the reader is busy; the thread needs the interpreter lock back after
    each write, so the process runs with a short switch interval.
    """

    def send(payload: bytes) -> None:
        with lock:
            results.send_bytes(payload)

    if direct:
        return send, lambda: None
    import queue
    import threading

    sys.setswitchinterval(_SWITCH_INTERVAL)
    waiting: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def feed() -> None:
        while (payload := waiting.get()) is not None:
            send(payload)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()

    def flush() -> None:
        waiting.put(None)
        thread.join()

    return waiting.put, flush


class _Back(NamedTuple):
    """The way back from a pool process: the pipe's sending end, the lock its writers take,
    the marks of batches taken back, and whether the pipe has room for a process's results."""

    results: Any
    lock: Any
    marks: Any
    direct: bool


def _work(tasks: Any, back: _Back, max_bytes: int) -> None:
    """A pool process: ``(key, batch)`` pairs from ``tasks`` until ``None``; for each, its
    key with the results or the error that stopped the batch, pickled, to ``back``.

    The results are pickled here, so that a batch that cannot be sent is reported instead
    of lost.  A batch marked in ``back.marks`` was taken back (this process's results for
    it would be dropped): it is skipped.
    """
    marks = back.marks
    send, flush = _sender(back.results, back.lock, back.direct)
    while True:
        item = tasks.get()
        if item is None:
            break
        key, batch = item
        if marks[key % _MARKS]:
            continue
        try:
            payload = pickle.dumps((key, _run_batch(batch, max_bytes)), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - a failed batch fails itself, not the run
            payload = pickle.dumps((key, _error_text(exc)), pickle.HIGHEST_PROTOCOL)
        send(payload)
    flush()


def _loads(payload: bytes) -> Any:
    """Unpickle ``payload`` without garbage collections in between: results are trees of
    new objects without cycles, which collections would look through again and again."""
    if not gc.isenabled():
        return pickle.loads(payload)
    gc.disable()
    try:
        return pickle.loads(payload)
    finally:
        gc.enable()


def _readiness(conn: Any) -> Any:
    """A test of whether ``conn`` has data to read within a timeout in seconds: a
    ``select.poll`` object made once, where the platform has one (``Connection.poll``
    builds and drops a selector on every call, some 40 µs, and a pool's results are
    looked for after every batch); else ``conn.poll``."""
    try:
        import select

        poller = select.poll()
        poller.register(conn.fileno(), select.POLLIN)
    except (AttributeError, OSError, ValueError):
        return conn.poll

    def ready(timeout: float) -> bool:
        return bool(poller.poll(timeout * 1000))

    return ready


def _failed_batch(batch: list[_Task], why: str) -> list[Result]:
    """The results of a batch that a pool process could not give back: each says why."""
    return [Result(str(t[1]), error=f"worker failed: {why}") for t in batch]


class _Pool:
    """``count`` processes, each with a queue of batches of its own, and one pipe that
    they all send their results through.

    Nothing in this process runs in another thread to take results: the batches are
    queued ahead (the queues' own sending threads write them), and results are read when
    the caller needs them.  A process that dies fails the batches it held.
    """

    #: batches queued ahead for each process
    DEPTH = 4

    def __init__(self, count: int, max_bytes: int) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context()
        # a forked process shares this one's memory until either writes to it, and a
        # garbage collection writes to every object it looks at: the objects that exist
        # now are left out of collections in both (``gc.freeze``) until the pool closes,
        # so that neither copies the other's heap (unless the caller froze some already)
        self.frozen = ctx.get_start_method() == "fork" and gc.get_freeze_count() == 0
        if self.frozen:
            gc.freeze()
        self.results, self.writer = ctx.Pipe(duplex=False)
        self.ready = _readiness(self.results)
        self.marks = ctx.RawArray("b", _MARKS)
        back = _Back(self.writer, ctx.Lock(), self.marks, _widen(self.writer))
        self.procs: list[Any] = []
        self.queues: list[Any] = []
        try:
            for _ in range(count):
                q = ctx.Queue()
                p = ctx.Process(target=_work, args=(q, back, max_bytes), daemon=True)
                p.start()
                self.procs.append(p)
                self.queues.append(q)
        except BaseException:
            self._stop(at_once=True)
            raise
        self.held: list[dict[int, list[_Task]]] = [{} for _ in range(count)]
        self.alive = list(range(count))
        self.finished = False  # every process has been told to stop after its batches

    def free(self) -> int | None:
        """A live process with room for another batch (the least busy), or None."""
        best = None
        for w in self.alive:
            if len(self.held[w]) < self.DEPTH and (best is None or len(self.held[w]) < len(self.held[best])):
                best = w
        return best

    def submit(self, w: int, key: int, batch: list[_Task]) -> None:
        self.held[w][key] = batch
        self.marks[key % _MARKS] = 0
        self.queues[w].put((key, batch))

    def finish(self) -> None:
        """Tell every process to stop once it has worked through the batches it holds."""
        if not self.finished:
            self.finished = True
            for w in self.alive:
                self.queues[w].put(None)

    @property
    def busy(self) -> bool:
        return any(self.held[w] for w in self.alive)

    def collect(self, block: bool) -> list[tuple[int, list[Result]]]:
        """The results that have arrived (waiting for one when ``block``), with those of
        the batches of any process that died."""
        out: list[tuple[int, list[Result]]] = []
        while True:
            if not self.ready(0.2 if block else 0):
                if block and not out:
                    out.extend(self._failed())
                    if not out and self.busy:
                        continue
                return out
            block = False
            key, got = _loads(self.results.recv_bytes())
            batch = None
            for held in self.held:
                batch = held.pop(key, None)
                if batch is not None:
                    break
            if batch is None:
                continue  # a batch taken back: this process parsed it
            out.append((key, got if isinstance(got, list) else _failed_batch(batch, got)))

    def take_back(self) -> tuple[int, list[_Task]] | None:
        """The newest batch a live process holds queued behind another, taken back (marked,
        so that the process skips it; its results, if they come, are dropped), or None.
        For the end of the input: this process parses the pool's last batches while the
        pool works through the first ones (a process's oldest batch is the one it is
        likely parsing: it stays)."""
        newest: tuple[int, int] | None = None
        for w in self.alive:
            if len(self.held[w]) < 2:
                continue
            for key in self.held[w]:
                if newest is None or key > newest[1]:
                    newest = (w, key)
        if newest is None:
            return None
        w, key = newest
        self.marks[key % _MARKS] = 1
        return key, self.held[w].pop(key)

    def _failed(self) -> list[tuple[int, list[Result]]]:
        """The batches of the processes that have died, as failed results."""
        out: list[tuple[int, list[Result]]] = []
        dead = [w for w in self.alive if not self.procs[w].is_alive()]
        # what a process sent before it ended is in the pipe by now: read it first
        if not dead or self.ready(0):
            return out
        for w in dead:
            p = self.procs[w]
            self.alive.remove(w)
            why = f"the process exited with code {p.exitcode}"
            out.extend((key, _failed_batch(batch, why)) for key, batch in self.held[w].items())
            self.held[w].clear()
        return out

    def close(self) -> None:
        """Stop the processes: at once when they may still be parsing for nothing (the run
        was left); else once they have worked through what they hold (none is needed)."""
        self._stop(at_once=self.busy)

    def _stop(self, at_once: bool) -> None:
        if at_once:
            for p in self.procs:
                p.terminate()
        else:
            self.finish()
        for p in self.procs:
            # a batch taken back may have been started before it was marked
            p.join(None if at_once else _STOP_WAIT)
            if p.is_alive():
                p.terminate()
                p.join()
        for q in self.queues:
            q.cancel_join_thread()
            q.close()
        self.results.close()
        self.writer.close()
        if self.frozen:
            self.frozen = False
            gc.unfreeze()


def _pooled(tasks: Iterator[_Task], count: int, max_bytes: int) -> Iterator[Result]:
    """Results across ``count`` processes: this one and a pool of ``count - 1``.

    The pool's processes get batches queued ahead; while the oldest batch is not back
    yet, this process parses the next batch itself (its results need no pickling), so
    ``count`` processes are busy on ``count`` CPUs.  Results are yielded in input order.
    """
    pool = _Pool(count - 1, max_bytes)
    # results kept waiting for an older batch at most; past it this process waits
    held = (count - 1) * _Pool.DEPTH * 4
    try:
        # (key, the results when this process parsed the batch, else None)
        pending: deque[tuple[int, list[Result] | None]] = deque()
        arrived: dict[int, list[Result]] = {}
        keys = itertools.count()
        more = True
        while True:
            while more:
                w = pool.free()
                if w is None:
                    break
                batch = list(itertools.islice(tasks, _BATCH))
                if not batch:
                    more = False
                    pool.finish()
                    break
                key = next(keys)
                pool.submit(w, key, batch)
                pending.append((key, None))
            arrived.update(pool.collect(block=False))
            while pending:
                key, out = pending[0]
                if out is None:
                    out = arrived.pop(key, None)
                    if out is None:
                        if more and len(pending) < held:
                            break
                        taken = None
                        if not more:
                            # the input is all given out: take back what is still queued,
                            # once what has arrived is read
                            arrived.update(pool.collect(block=False))
                            if key in arrived:
                                continue
                            taken = pool.take_back()
                        if taken is not None:
                            arrived[taken[0]] = _run_batch(taken[1], max_bytes)
                        else:
                            arrived.update(pool.collect(block=True))
                        continue
                pending.popleft()
                yield from out
            if not pending and not more:
                return
            if more:
                batch = list(itertools.islice(tasks, _BATCH))
                if batch:
                    pending.append((next(keys), _run_batch(batch, max_bytes)))
                else:
                    more = False
                    pool.finish()
    finally:
        pool.close()


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
    results in the same order; a pool process that dies fails the inputs it held (their
    results say ``worker failed: ...``), and closing the iterator early stops the pool.
    With ``progress=True`` a progress bar is shown on stderr (tqdm when installed, the
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
