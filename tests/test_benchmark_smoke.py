"""The benchmark runs (issue 4): ``benchmarks/bench.py --quick`` on a few fixture pages.

A smoke test, not a gate on time: it checks the script exits 0, prints its figures and
writes them as JSON.  Absolute speed is measured by the benchmark itself, never here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks" / "bench.py"
PAGES = ROOT / "fixtures" / "pages"
TIMEOUT = 300


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH), "--quick", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture(scope="module")
def few_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with two HTML fixture pages and the page-text copy (when present)."""
    folder = tmp_path_factory.mktemp("pages")
    chosen = sorted(PAGES.glob("*.html"))[:2] + sorted(PAGES.glob("*.txt"))[:1]
    if not chosen:
        pytest.skip("no fixture pages")
    for page in chosen:
        shutil.copy(page, folder / page.name)
    return folder


@pytest.fixture(scope="module")
def quick_run(few_pages: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    proc = _run(few_pages, "--json", out)
    assert proc.returncode == 0, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    return proc.stdout, json.loads(out.read_text(encoding="utf-8"))


def test_prints_the_figures(quick_run: tuple[str, dict[str, Any]]) -> None:
    stdout, _ = quick_run
    for label in (
        "cables/s",
        "MB/s",
        "line scanner",
        "parse bare text",
        "parse HTML pages",
        "parse page text",
        "dumps",
        "to_dict",
        "ratio to the line scanner",
        "linear cost",
        "import cableparse",
        "targets of issue 4",
    ):
        assert label in stdout, label
    # read_csv and parse_many are measured when the checkout has them, else skipped with a reason
    for name in ("read_csv", "parse_many"):
        assert name in stdout


def test_saves_the_figures(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, data = quick_run
    assert data["quick"] is True
    assert data["corpus"]["html_pages"] == 2
    for name in ("scanner", "parse_text", "parse_html", "parse_pagetext", "dumps", "to_dict", "parse_text_gen"):
        fig = data["figures"][name]
        assert fig["cables_per_s"] > 0 and fig["mb_per_s"] > 0, name
    assert data["extra"]["scanner_ratio"] > 0
    assert data["extra"]["import_ms"]["best"] > 0
    assert set(data["extra"]["linear"]) >= {"generated"}
    assert not data["errors"]
    for name in ("read_csv", "parse_many_2"):
        assert name in data["figures"] or name.split("_2")[0] in data["skipped"], name
    env = data["environment"]
    assert env["python"] and env["nproc"] >= 1 and env["versions"]["cableparse"]


def test_runs_without_a_corpus(tmp_path: Path) -> None:
    proc = _run(tmp_path / "no-such-corpus", "--no-workers")
    assert proc.returncode == 0, proc.stderr
    assert "generated cables only" in proc.stderr
    assert "parse bare text (generated)" in proc.stdout
