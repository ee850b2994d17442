"""The documentation's examples, run as tests, and the package's docstring examples.

Conventions in ``docs/*.md``:

- A fenced ``python`` block runs.  When it holds ``>>>`` prompts it is a doctest and its
  output is checked (ELLIPSIS and NORMALIZE_WHITESPACE on); otherwise it is executed.
  The blocks of one page run in order in one namespace, in a fresh working folder that
  holds ``07PHNOMPENH350.txt`` (the text copy of the seed page) and ``cable/``, a few
  WikiLeaks pages laid out as on the site.
- A fenced ``console`` block holds ``$ command`` lines followed by their expected output;
  each command runs with ``bash`` in the same kind of folder and its output (stdout and
  stderr, interleaved as on a terminal) is checked like a doctest's.
- A line ``% test: requires MODULE ...`` (a MyST comment, not shown) right above a fence
  skips that block unless the modules import; ``% test: skip REASON`` never runs it.
  Use them only for examples that need optional packages or a cluster.

The quirks catalogue and the diagnostics reference are also checked against the code:
every code in ``cableparse.CODES`` has its section with the right severity, and each
quirk's example cable, parsed from the shared corpus, reports the codes the page names.
"""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import cableparse

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEED = ROOT / "fixtures" / "pages" / "07PHNOMPENH350.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
#: the pages of the examples' ``cable/`` folder (a series that cites itself, and a few more)
CABLE_PAGES = (
    "08PARIS1501",
    "08PARIS1568",
    "08PARIS1698",
    "09PARIS504",
    "09PARIS1534",
    "08BRASILIA43",
    "09TRIPOLI254",
    "06SANJOSE549",
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

PAGES = sorted(p.name for p in DOCS.glob("*.md"))
_FENCE_RE = re.compile(r"^(`{3,}|~{3,})\s*([\w{}-]*)")
_DIRECTIVE_RE = re.compile(r"^%\s*test:\s*(\w+)\s*(.*)$")


@dataclass
class Block:
    """One fenced code block of a page."""

    lang: str
    code: str
    line: int
    directive: tuple[str, str] | None = None
    extra: list[str] = field(default_factory=list)


def blocks_of(text: str) -> list[Block]:
    """The fenced code blocks of a Markdown page, with the ``% test:`` line above each."""
    out: list[Block] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = _FENCE_RE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, lang = m.group(1), m.group(2)
        prev = lines[i - 1] if i else ""
        d = _DIRECTIVE_RE.match(prev)
        j = i + 1
        while j < len(lines) and not lines[j].startswith(fence):
            j += 1
        out.append(
            Block(lang, "\n".join(lines[i + 1 : j]) + "\n", i + 1, (d.group(1), d.group(2).strip()) if d else None)
        )
        i = j + 1
    return out


def _cable_page(rid: str) -> Path | None:
    found = sorted(CORPUS.glob(f"cablegate-201104/cable/*/*/{rid}.html")) or sorted(
        CORPUS.glob(f"cablegate-*/cable/*/*/{rid}.html")
    )
    return found[0] if found else None


@pytest.fixture(scope="session")
def example_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the examples start in: the seed page's text copy and ``cable/``."""
    base = tmp_path_factory.mktemp("docs-examples")
    shutil.copy(SEED, base / SEED.name)
    for rid in CABLE_PAGES:
        page = _cable_page(rid)
        if page is not None:
            dest = base / "cable" / page.parent.parent.name / page.parent.name / page.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page, dest)
    return base


def _skip_reason(block: Block) -> str | None:
    if block.directive is None:
        return None
    kind, arg = block.directive
    if kind == "skip":
        return arg or "marked not runnable"
    if kind == "requires":
        missing = []
        for name in arg.split():
            try:
                importlib.import_module(name)
            except ImportError:
                missing.append(name)
        return f"needs {', '.join(missing)}" if missing else None
    raise AssertionError(f"unknown '% test:' directive {kind!r}")


def _run_python(block: Block, page: str, globs: dict[str, object]) -> None:
    name = f"{page}:{block.line}"
    if ">>>" in block.code:
        test = doctest.DocTestParser().get_doctest(block.code, globs, name, page, block.line)
        runner = doctest.DocTestRunner(optionflags=FLAGS)
        out: list[str] = []
        runner.run(test, out=out.append, clear_globs=False)
        globs.update(test.globs)  # DocTest works on a copy
        assert runner.failures == 0, f"doctest in {name} failed:\n" + "".join(out)
    else:
        try:
            exec(compile(block.code, name, "exec"), globs)
        except Exception as exc:
            raise AssertionError(f"example in {name} raised {type(exc).__name__}: {exc}") from exc


def _run_console(block: Block, page: str, cwd: Path) -> None:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["COLUMNS"] = "100"
    env["PYTHONUNBUFFERED"] = "1"  # stdout and stderr interleaved as on a terminal
    commands: list[tuple[str, list[str]]] = []
    for line in block.code.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line)
    checker = doctest.OutputChecker()
    for cmd, want_lines in commands:
        proc = subprocess.run(
            ["bash", "-c", cmd],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
            check=False,
        )
        got = proc.stdout
        want = "\n".join(want_lines).strip("\n") + "\n" if any(w.strip() for w in want_lines) else ""
        assert checker.check_output(want, got, FLAGS), (
            f"{page}:{block.line}: `{cmd}` printed:\n{got}\nexpected:\n{want}"
        )


#: an example that reads the folder ``cable/`` (a path in it, or the folder named alone)
_READS_CABLE_FOLDER = re.compile(r"""\bcable/|(?<![\w/.-])["']cable["']""")


@pytest.mark.parametrize("page", PAGES)
def test_page_examples(page: str, example_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example of a page runs and shows what it says it shows."""
    blocks = [b for b in blocks_of((DOCS / page).read_text(encoding="utf-8")) if b.lang in ("python", "console")]
    if not blocks:
        pytest.skip("no examples")
    if not CORPUS.is_dir() and any(_READS_CABLE_FOLDER.search(b.code) for b in blocks):
        pytest.skip("the shared corpus is not beside the project")
    work = tmp_path / "work"
    shutil.copytree(example_folder, work)
    monkeypatch.chdir(work)
    globs: dict[str, object] = {"__name__": "__docs__"}
    skipped = []
    for block in blocks:
        reason = _skip_reason(block)
        if reason:
            skipped.append(f"{page}:{block.line} ({reason})")
            continue
        if block.lang == "python":
            _run_python(block, page, globs)
        else:
            _run_console(block, page, work)
    if skipped and len(skipped) == len(blocks):
        pytest.skip("; ".join(skipped))


def test_block_parser() -> None:
    text = "x\n% test: requires pandas\n```python\na = 1\n```\n\n````console\n$ true\n````\n"
    bs = blocks_of(text)
    assert [(b.lang, b.code, b.directive) for b in bs] == [
        ("python", "a = 1\n", ("requires", "pandas")),
        ("console", "$ true\n", None),
    ]


def _modules() -> list[str]:
    names = ["cableparse"]
    for info in pkgutil.walk_packages(cableparse.__path__, "cableparse."):
        if info.name.rsplit(".", 1)[-1] != "__main__":
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("module_name", _modules())
def test_docstring_examples(module_name: str) -> None:
    """The ``>>>`` examples in the package's docstrings."""
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:  # a module of an optional extra
        pytest.skip(f"{module_name}: {exc}")
    finder = doctest.DocTestFinder(exclude_empty=True)
    tests = [t for t in finder.find(module, module_name) if t.examples]
    if not tests:
        pytest.skip("no examples")
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    out: list[str] = []
    for t in tests:
        runner.run(t, out=out.append)
    assert runner.failures == 0, "".join(out)


def test_every_code_documented() -> None:
    """diagnostics.md has a section for every code, with its severity."""
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (CP\d{3})\n(.*?)(?=^## |\Z)", text, re.M | re.S))
    for code, (severity, _description) in cableparse.CODES.items():
        assert code in sections, f"{code} is not documented in docs/diagnostics.md"
        assert f"**Severity:** {severity}" in sections[code], f"{code}: the page does not say severity {severity}"


def test_every_model_class_documented() -> None:
    """model.md documents every public class."""
    text = (DOCS / "model.md").read_text(encoding="utf-8")
    for name in cableparse.__all__:
        obj = getattr(cableparse, name)
        if isinstance(obj, type) and not issubclass(obj, BaseException):
            assert f"autoclass:: cableparse.{name}" in text, f"{name} has no autoclass in docs/model.md"


_QUIRK_RE = re.compile(r"^### (.+?)\n(.*?)(?=^##|\Z)", re.M | re.S)


def _quirks() -> list[tuple[str, list[str], list[str]]]:
    text = (DOCS / "quirks.md").read_text(encoding="utf-8")
    out = []
    for title, body in _QUIRK_RE.findall(text):
        ex = re.search(r"^\*\*Example:\*\*(.*)$", body, re.M)
        diag = re.search(r"^\*\*Diagnostic:\*\*(.*)$", body, re.M)
        assert ex and diag, f"quirk {title!r} needs an **Example:** and a **Diagnostic:** line"
        ids = re.findall(r"`(\d{2}[A-Z][A-Z0-9]+?\d+)`", ex.group(1))
        # codes in parentheses are remarks ("CP011 when ..."), not what the example reports
        codes = re.findall(r"`(CP\d{3})`", re.sub(r"\([^)]*\)", "", diag.group(1)))
        out.append((title, ids, codes))
    return out


@pytest.mark.parametrize(("title", "ids", "codes"), _quirks(), ids=lambda v: v if isinstance(v, str) else None)
def test_quirk_examples(title: str, ids: list[str], codes: list[str]) -> None:
    """Each quirk's example cable reports the diagnostic codes the catalogue names."""
    assert ids, f"quirk {title!r} names no example cable id"
    for code in codes:
        assert code in cableparse.CODES, f"{title}: unknown code {code}"
    rid = ids[0]
    if rid == "07PHNOMPENH350":
        cable = cableparse.parse(SEED.read_bytes())
    else:
        page = _cable_page(rid)
        if page is None:
            pytest.skip(f"{rid} is not in the shared corpus")
        cable = cableparse.parse(page.read_bytes())
    found = {d.code for d in cable.diagnostics}
    for code in codes:
        assert code in found, f"{title}: {rid} does not report {code} (it reports {sorted(found)})"


def test_readme_example(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's example runs from the repository root and prints the seed's fields."""
    readme = DOCS.parent / "README.md"
    blocks = [b for b in blocks_of(readme.read_text(encoding="utf-8")) if b.lang == "python"]
    assert blocks, "the README has a Python example"
    monkeypatch.chdir(DOCS.parent)
    for block in blocks:
        exec(compile(block.code, "README.md", "exec"), {"__name__": "__readme__"})
    out = capsys.readouterr().out
    assert "07PHNOMPENH350" in out and "2007 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA" in out
