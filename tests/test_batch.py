"""parse_many: inputs, order, errors, workers, progress; the Dask recipe."""

from __future__ import annotations

import importlib
import multiprocessing
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse import batch
from cableparse.batch import Result, iter_paths, parse_many
from cableparse.csvio import read_csv

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CSV = FIXTURES / "csv" / "cables.csv"
PAGE = FIXTURES / "pages" / "07PHNOMPENH350.txt"
TEXT = "UNCLAS STATE 000123\n\nTAGS: PREL\nSUBJECT: TEST\n\n1. (U) Hello.\n\nCLINTON\n"


def _inputs(tmp_path: Path) -> list[object]:
    return [str(PAGE), TEXT, CSV, tmp_path / "missing.html", TEXT.encode(), FIXTURES / "pages"]


def test_order_kinds_and_errors(tmp_path: Path) -> None:
    results = list(parse_many(_inputs(tmp_path)))  # type: ignore[arg-type]
    pages = list(iter_paths([FIXTURES / "pages"]))
    assert len(results) == 1 + 1 + 5 + 1 + 1 + len(pages)
    assert all(isinstance(r, Result) for r in results)
    assert results[0].source == str(PAGE) and results[0].cable is not None
    assert results[0].cable.reference_id == "07PHNOMPENH350"
    assert results[1].source == "<text 1>" and results[1].cable is not None
    assert results[1].cable.header.subject == "TEST"
    csv_rows = results[2:7]
    assert [r.row for r in csv_rows] == [1, 2, 3, 4, 5]
    assert [r.cable for r in csv_rows] == list(read_csv(CSV))
    missing = results[7]
    assert not missing.ok and missing.cable is None and missing.error is not None
    assert missing.error.startswith("FileNotFoundError")
    assert results[8].source == "<text 2>"
    assert [r.source for r in results[9:]] == [str(p) for p in pages]
    assert results[0].cable == cableparse.parse(PAGE.read_bytes())


def test_two_workers_give_the_same_results(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    local = list(parse_many(inputs))  # type: ignore[arg-type]
    pooled = list(parse_many(inputs, workers=2))  # type: ignore[arg-type]
    assert pooled == local


def test_unreadable_folder_entries_and_bad_types(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.html").mkdir()  # a folder named like a page is walked, not read
    (tmp_path / "notes.md").write_text("x")
    results = list(parse_many([tmp_path, 42]))  # type: ignore[list-item]
    assert [Path(r.source).name for r in results[:1]] == ["a.txt"]
    assert results[-1].error is not None and "TypeError" in results[-1].error


def test_progress_counter_without_tqdm(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    real = importlib.import_module

    def no_tqdm(name: str, package: str | None = None) -> object:
        if name == "tqdm":
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_tqdm)
    results = list(parse_many([PAGE, TEXT], progress=True))
    assert len(results) == 2
    err = capsys.readouterr().err
    assert "cableparse: 2/2 cables" in err and err.endswith("\n")


def test_progress_with_tqdm(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    assert len(list(parse_many([PAGE, CSV], progress=True))) == 6
    assert "6" in capsys.readouterr().err


def test_dask_bag_on_the_local_scheduler(tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.bag")
    bag = importlib.import_module("cableparse.dask").bag

    big = tmp_path / "many.csv"
    big.write_bytes(CSV.read_bytes() * 4)
    paths = [FIXTURES / "pages", big]
    expected = list(parse_many(paths))
    with dask.config.set(scheduler="synchronous"):
        got = bag(paths, blocksize=5000).compute()
    assert len(got) == len(expected) == len(list(iter_paths([FIXTURES / "pages"]))) + 20
    assert got[: len(got) - 20] == expected[: len(got) - 20]
    # rows past the first block are not numbered; their cables match apart from line numbers
    for g, e in zip(got, expected, strict=True):
        assert g.source == e.source
        assert g.cable is not None and e.cable is not None
        assert g.cable.header == e.cable.header
        assert g.cable.paragraphs == e.cable.paragraphs


def _texts(count: int) -> list[str]:
    return [f"UNCLAS STATE {k:06d}\n\nSUBJECT: ITEM {k}\n\n1. (U) Text {k}.\n" for k in range(1, count + 1)]


@pytest.mark.parametrize("workers", [2, 3])
def test_many_inputs_across_processes_keep_their_order(workers: int) -> None:
    # more inputs than the pool is given at once, so this process parses some of them too
    results = list(parse_many(_texts(399), workers=workers))
    assert [r.cable.header.subject for r in results if r.cable is not None] == [f"ITEM {k}" for k in range(1, 400)]
    assert [r.source for r in results] == [f"<text {k}>" for k in range(1, 400)]


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the pool's processes must inherit the patched function"
)
def test_a_pool_process_that_dies_fails_its_batches_not_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    real = batch._run

    def dies_in_the_pool(task: tuple[object, ...], max_bytes: int) -> Result:
        if os.getpid() != parent:
            os._exit(7)
        return real(task, max_bytes)

    monkeypatch.setattr(batch, "_run", dies_in_the_pool)
    texts = _texts(300)
    results = list(parse_many(texts, workers=2))
    assert [r.source for r in results] == [f"<text {k}>" for k in range(1, 301)]
    failed = [r for r in results if not r.ok]
    # the pool is given its batches before this process parses any
    assert failed and all(r.error == "worker failed: the process exited with code 7" for r in failed)
    parsed = [r for r in results if r.ok]
    assert parsed and all(r.cable is not None and r.cable.header.subject == f"ITEM {r.source[6:-1]}" for r in parsed)
    assert multiprocessing.active_children() == []


def test_leaving_a_pooled_run_early_stops_its_processes() -> None:
    results = parse_many(_texts(2000), workers=3)
    first = next(results)
    assert first.cable is not None and first.cable.header.subject == "ITEM 1"
    results.close()  # type: ignore[attr-defined]
    assert multiprocessing.active_children() == []


def test_a_pooled_run_leaves_garbage_collection_as_it_found_it() -> None:
    import gc

    assert gc.get_freeze_count() == 0
    assert len(list(parse_many(_texts(300), workers=2))) == 300
    assert gc.get_freeze_count() == 0
    results = parse_many(_texts(300), workers=2)
    next(results)
    results.close()  # type: ignore[attr-defined]
    assert gc.get_freeze_count() == 0
    # objects the caller froze stay frozen (unfreezing them would leave none)
    gc.freeze()
    try:
        assert len(list(parse_many(_texts(100), workers=2))) == 100
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


@given(st.text(alphabet="ab./\\C SV\x00", max_size=12))
def test_names_taken_without_a_path_are_named_as_a_path_names_them(name: str) -> None:
    # parse_many names a file without building a Path when the name is already in
    # Path's form: the name, and whether it is a csv file, must be what Path makes of it
    if batch._in_path_form(name):
        assert str(Path(name)) == name
        assert batch._is_csv(name) == (Path(name).suffix.lower() == ".csv")


def test_files_named_in_any_form_are_named_as_paths_name_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.html").write_text(TEXT)
    (tmp_path / "b.CSV").write_bytes(CSV.read_bytes())
    (tmp_path / ".csv").write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    names = ["a.html", "./a.html", f"{tmp_path}//a.html", str(tmp_path / "a.html"), "b.CSV", ".csv", "missing.csv"]
    got = [(r.source, r.row) for r in parse_many(names)]
    rows = len(list(read_csv(CSV)))
    assert got == [
        ("a.html", None),
        ("a.html", None),
        (str(tmp_path / "a.html"), None),
        (str(tmp_path / "a.html"), None),
        *[("b.CSV", k) for k in range(1, rows + 1)],
        (".csv", None),
        ("missing.csv", None),
    ]


def test_results_are_read_back_with_garbage_collection_as_it_was() -> None:
    import gc
    import pickle

    payload = pickle.dumps([Result("x", cableparse.parse(TEXT))])
    assert gc.isenabled()
    assert batch._loads(payload)[0].cable.header.subject == "TEST"  # type: ignore[union-attr]
    assert gc.isenabled()
    gc.disable()
    try:
        batch._loads(payload)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_results_come_back_through_a_thread_when_the_pipe_keeps_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # where the pipe cannot be widened, a pool process sends its results from a thread
    monkeypatch.setattr(batch, "_widen", lambda conn: False)
    texts = _texts(300)
    assert list(parse_many(texts, workers=2)) == list(parse_many(texts))


def test_a_pool_process_skips_the_batches_taken_back() -> None:
    import pickle
    import threading

    class Sent:
        def __init__(self) -> None:
            self.keys: list[int] = []

        def send_bytes(self, payload: bytes) -> None:
            self.keys.append(pickle.loads(payload)[0])

    class Tasks:
        def __init__(self, items: list[object]) -> None:
            self.items = items

        def get(self) -> object:
            return self.items.pop(0)

    texts = _texts(3)
    marks = bytearray(batch._MARKS)
    marks[1] = 1  # batch 1 was taken back
    sent = Sent()
    tasks = Tasks([(k, [("text", f"<text {k}>", texts[k])]) for k in range(3)] + [None])
    batch._work(tasks, batch._Back(sent, threading.Lock(), marks, True), batch.DEFAULT_MAX_BYTES)
    assert sent.keys == [0, 2]


def test_the_readiness_test_of_a_pipe_says_when_a_message_waits() -> None:
    reader, writer = multiprocessing.Pipe(duplex=False)
    try:
        ready = batch._readiness(reader)
        assert not ready(0)
        writer.send_bytes(b"results")
        assert ready(0.5)
        assert reader.recv_bytes() == b"results"
        assert not ready(0)
    finally:
        reader.close()
        writer.close()
