"""The cableparse command line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import cableparse
from cableparse.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PAGE = FIXTURES / "pages" / "07PHNOMPENH350.txt"
CSV = FIXTURES / "csv" / "cables.csv"
CLEAN = "UNCLAS STATE 000123\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n1. (U) Hello.\n\nCLINTON\n"

Capture = pytest.CaptureFixture[str]


def run(capsys: Capture, *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# ------------------------------------------------------------------ general


def test_version_and_help(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"cableparse {cableparse.__version__}"
    for cmd in ("show", "parse", "check", "normalize"):
        with pytest.raises(SystemExit) as exc:
            main([cmd, "--help"])
        assert exc.value.code == 0
        assert "usage: cableparse " + cmd in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv", [[], ["frobnicate"], ["check"], ["check", "x", "--format", "xml"], ["parse", "x", "--workers", "-3"]]
)
def test_usage_errors_exit_2(capsys: Capture, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and "cableparse: error:" in err and "Traceback" not in err


def test_python_dash_m() -> None:
    cmd = [sys.executable, "-m", "cableparse", "show"]
    p = subprocess.run([*cmd, str(PAGE)], capture_output=True, text=True, check=False)
    assert p.returncode == 0 and p.stdout.startswith("07PHNOMPENH350")
    p = subprocess.run([*cmd, "nope.txt"], capture_output=True, text=True, check=False)
    assert p.returncode == 2 and p.stdout == "" and "nope.txt" in p.stderr and "Traceback" not in p.stderr


# ------------------------------------------------------------------ show


def test_show_summary(capsys: Capture) -> None:
    code, out, _ = run(capsys, "show", PAGE)
    assert code == 0
    for expected in (
        "07PHNOMPENH350 | UNCLASSIFIED//FOR OFFICIAL USE ONLY | Embassy Phnom Penh",
        "2007 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA",
        "2007-03-05 01:15 UTC",
        "PHUM PREF ELAB SMIG KCRM KWMN KFRD ASEC CB",
        "AMEMBASSY PHNOM PENH",
        "SECSTATE WASHDC (IMMEDIATE)",
        "-> 06STATE202745",
        "Paragraphs (",
        "(SBU)",
        "Diagnostics",
    ):
        assert expected in out, expected
    assert "1A" in out and "Signature" in out


def test_show_csv_row_and_mistakes(capsys: Capture, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "show", CSV, "--row", "2")
    assert code == 0 and out.startswith("85BEIRUT1725")
    assert run(capsys, "show", CSV, "--row", "99")[0] == 2
    assert run(capsys, "show", FIXTURES)[0] == 2
    code, out, err = run(capsys, "show", tmp_path / "missing.txt")
    assert code == 2 and out == "" and "missing.txt" in err


# ------------------------------------------------------------------ parse


def test_parse_formats(capsys: Capture, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "parse", PAGE, CSV)
    assert code == 0
    data = json.loads(out)
    assert len(data) == 6 and cableparse.from_dict(data[0]).reference_id == "07PHNOMPENH350"
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "parse", PAGE, CSV, "--format", "jsonl", "-o", target, "--workers", "2")
    assert code == 0 and out == ""
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [cableparse.from_dict(json.loads(x)).reference_id for x in lines][:2] == ["07PHNOMPENH350", "09ANKARA71"]
    assert run(capsys, "parse", PAGE, "--format", "parquet")[0] == 2
    if pytest.importorskip("pyarrow"):
        assert run(capsys, "parse", PAGE, CSV, "--format", "parquet", "-o", tmp_path / "pq")[0] == 0
        assert (tmp_path / "pq" / "cables.parquet").exists()


def test_parse_unreadable_input_exits_2_but_writes_the_rest(capsys: Capture, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "parse", tmp_path / "nope.html", PAGE, "--format", "jsonl", "-o", target)
    assert code == 2 and "nope.html" in err
    assert len(target.read_text().splitlines()) == 1


# ------------------------------------------------------------------ check


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "clean.txt").write_text(CLEAN)
    (tmp_path / "warn.txt").write_text(CLEAN.replace("UNCLAS STATE 000123\n", ""))
    (tmp_path / "empty.txt").write_text("  \n")  # CP001: an error
    return tmp_path


def _counts(tree: Path) -> tuple[int, int]:
    diags = [d for f in tree.iterdir() for d in cableparse.parse(f.read_bytes()).diagnostics]
    return sum(d.severity == "error" for d in diags), sum(d.severity == "warning" for d in diags)


def test_check_exit_codes(capsys: Capture, tree: Path) -> None:
    assert run(capsys, "check", tree / "clean.txt")[0] == 0
    code, out, _ = run(capsys, "check", tree / "warn.txt")
    assert code == 0 and "CP201" in out and "0 errors, " in out
    assert run(capsys, "check", tree / "warn.txt", "--strict")[0] == 1
    code, out, _ = run(capsys, "check", tree)
    assert code == 1
    errors, warnings = _counts(tree)
    assert errors == 1 and warnings >= 1
    assert out.splitlines()[-1] == f"checked 3 files, 3 cables: 1 error, {warnings} warnings"
    code, _, err = run(capsys, "check", tree, tree / "gone.txt")
    assert code == 2 and "gone.txt" in err


def test_check_formats(capsys: Capture, tree: Path) -> None:
    code, out, _ = run(capsys, "check", tree)
    lines = out.splitlines()
    assert f"{tree / 'empty.txt'}:1:1: CP001 " in out
    assert any(x.startswith(f"{tree / 'warn.txt'}:") and " CP201 " in x for x in lines)
    code, out, _ = run(capsys, "check", tree, "--format", "json")
    objects = [json.loads(x) for x in out.splitlines()]
    errors, warnings = _counts(tree)
    summary = {"files": 3, "cables": 3, "errors": errors, "warnings": warnings, "unreadable": 0}
    assert objects[-1] == {"summary": summary}
    assert len(objects) == errors + warnings + 1
    diag = next(o for o in objects if o.get("code") == "CP001")
    assert diag["severity"] == "error" and diag["path"].endswith("empty.txt")
    assert set(diag) == {"path", "row", "reference_id", "line", "column", "code", "severity", "message"}
    code, out, _ = run(capsys, "check", tree, "--format", "github")
    assert code == 1
    assert any(x.startswith("::error file=") and "empty.txt" in x and "title=CP001::" in x for x in out.splitlines())
    assert any(x.startswith("::warning file=") and "title=CP201::" in x for x in out.splitlines())
    code, out, _ = run(capsys, "check", tree, "--info")
    every = [d for f in tree.iterdir() for d in cableparse.parse(f.read_bytes()).diagnostics]
    assert len(out.splitlines()) == len(every) + 1


def test_check_csv_names_rows(capsys: Capture, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(CSV.read_bytes() + b'"9","1/1/2001 1:00","01X1","o","SECRET","","h"\n')
    code, out, _ = run(capsys, "check", bad)
    assert code == 1
    assert "[row 6: 01X1]" in out and "CP001" in out


# ------------------------------------------------------------------ normalize


def test_normalize_stdout_check_write(capsys: Capture, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes(PAGE.read_bytes())
    code, out, _ = run(capsys, "normalize", a)
    assert code == 0 and out == cableparse.normalize(PAGE.read_bytes())
    code, out, err = run(capsys, "normalize", "--check", tmp_path)
    assert code == 1 and out.strip() == str(a) and "1 file not in canonical form" in err
    code, out, _ = run(capsys, "normalize", "--write", tmp_path)
    assert code == 0 and a.read_text(encoding="utf-8") == cableparse.normalize(PAGE.read_bytes())
    assert run(capsys, "normalize", "--check", a)[0] == 0
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]


def test_normalize_output(capsys: Capture, tmp_path: Path) -> None:
    assert run(capsys, "normalize", PAGE, "-o", tmp_path / "one.txt")[0] == 0
    assert (tmp_path / "one.txt").read_text(encoding="utf-8") == cableparse.normalize(PAGE.read_bytes())
    assert run(capsys, "normalize", PAGE, CSV, "-o", tmp_path / "many")[0] == 0
    assert len(os.listdir(tmp_path / "many")) == 6
    assert run(capsys, "normalize", "--check", CSV)[0] == 2


def _copies(tmp_path: Path, n: int) -> list[Path]:
    files = []
    for k in range(n):
        f = tmp_path / f"c{k:03d}.txt"
        f.write_bytes(PAGE.read_bytes())
        files.append(f)
    return files


def test_interrupted_write_leaves_files_intact(
    capsys: Capture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = PAGE.read_bytes()
    new = cableparse.normalize(old).encode("utf-8")
    files = _copies(tmp_path, 4)
    real_replace = os.replace
    calls = []

    def interrupted_replace(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted_replace)
    code, _, err = run(capsys, "normalize", "--write", tmp_path)
    assert code == 130 and "interrupted" in err
    assert [f.read_bytes() for f in files] == [new, old, old, old]
    assert sorted(os.listdir(tmp_path)) == [f.name for f in files]  # no temporary file left


def test_killed_write_leaves_each_file_old_or_new(tmp_path: Path) -> None:
    old = PAGE.read_bytes()
    new = cableparse.normalize(old).encode("utf-8")
    files = _copies(tmp_path, 150)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cableparse", "normalize", "--write", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith(b"normalized")  # the first file is done: stop the run there
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    contents = [f.read_bytes() for f in files]
    assert all(c in (old, new) for c in contents)
    assert new in contents and old in contents
