#!/usr/bin/env python3
"""Throughput benchmark of cableparse (issue 4).

Measures, over the shared corpus of WikiLeaks pages and over generated cables, the
throughput (MB/s and cables/s) of:

* a line-scanner baseline: split lines, match one precompiled regex per line, over the
  bare cable text; the practical ceiling of a pure-Python line parser, measured in the
  same run so that the parser's figures can be read as a ratio to it;
* ``parse`` of bare cable text (the two ``<pre>`` blocks of each page, extracted once
  beforehand), of the HTML pages themselves (page extraction included), of the
  canonical text that ``dumps`` writes;
* ``dumps`` and ``to_dict``;
* ``read_csv`` over a cables.csv-dialect file written from the same cables, and its
  peak memory on a file four times longer;
* ``parse_many`` over the page files, with 1 and with 2 workers, in a fresh interpreter
  that holds the paths alone (as a script or the command line calling it does) and in
  the benchmark's own process, which holds its inputs;
* linear cost: a cable ten times longer (paragraphs repeated) against the original;
* ``import cableparse`` in a fresh interpreter (best of several).

Timing uses only the standard library: each measurement runs the whole input set
``--repeat`` times after a ``gc.collect()`` and keeps the best run (the median is
saved too).  MB are 10**6 bytes of UTF-8 input (of output for ``dumps``; of the
cable's canonical text for ``to_dict``).  ``--quick`` runs on a small sample in a few
seconds, for CI: it checks that the benchmark runs, its figures are not meaningful.

    python benchmarks/bench.py                      # ../shared/corpus, full run
    python benchmarks/bench.py --quick fixtures/pages
    python benchmarks/bench.py --json bench.json --profile parse.prof

The exit status is 0 unless a benchmark raised; missed targets do not fail the run.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as _dt
import gc
import html
import importlib
import importlib.metadata
import io
import json
import os
import platform
import pstats
import random
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import attrs

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
#: the folders of the shared corpus the benchmark reads (page-text/ holds one page)
CORPUS_SETS = ("cablegate-201104", "cablegate-201012")
PAGE_SUFFIXES = (".html", ".htm", ".txt")

try:
    import cableparse
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(REPO / "src"))
    import cableparse

# ---------------------------------------------------------------------------
# targets of issue 4

#: cablemap's full pipeline on this machine (issue 4), WikiLeaks pages per second
CABLEMAP_PAGES_PER_S = 170.0
TARGET_SCANNER_RATIO = 0.15
AIM_SCANNER_RATIO = 0.25
TARGET_HTML_PAGES_PER_S = 10 * CABLEMAP_PAGES_PER_S
TARGET_PARSE_MANY_SPEEDUP = 1.8
TARGET_LINEAR_RATIO = 11.0
TARGET_IMPORT_MS = 100.0
#: read_csv's peak memory on a file 4x longer may grow by at most this share of the file's growth
#: (a reader that holds the file's text grows by at least all of it, one that keeps the cables by more)
TARGET_CSV_MEMORY_GROWTH = 0.1
#: ... with this allowance in MB (read buffers: a 1 MB chunk shows only on files over 1 MB)
CSV_MEMORY_SLACK_MB = 2.0
#: the whole release, for the estimate printed at the end
RELEASE_CABLES = 251_287

# ---------------------------------------------------------------------------
# the line-scanner baseline

#: one precompiled regex, matched at the start of every line: it classifies the line as a
#: numbered paragraph (number, portion marking), a ``KEYWORD:`` field or plain text, and
#: matches every line, as the dispatch regex of a line parser would
SCAN_RE = re.compile(
    r"[ \t]*(?:(\d{1,3}[A-Za-z]?)\.[ \t]+(?:\(([A-Z/ ]{1,12})\)[ \t]*)?|([A-Z][A-Z .]{1,20}):[ \t]*)?(.*)"
)


def line_scan(text: str) -> int:
    """The baseline: split ``text`` into lines and match :data:`SCAN_RE` on each."""
    match = SCAN_RE.match
    found = 0
    for line in text.split("\n"):
        if match(line):
            found += 1
    return found


# ---------------------------------------------------------------------------
# inputs


@dataclass(slots=True)
class Page:
    """One input cable in the forms the benchmark feeds the library."""

    name: str
    kind: str  # "html", "page-text" or "generated"
    raw: str  # the page as read (HTML, page text) or generated HTML
    routing: str  # the routing header block, bare
    text: str  # the cable text block, bare
    path: Path | None = None

    @property
    def bare(self) -> str:
        """Bare cable text: the routing header, then the cable text."""
        return f"{self.routing}\n{self.text}" if self.routing else self.text


_PRE_RE = re.compile(r"<pre[^>]*>(.*?)</pre>", re.S | re.I)
_TAG_RE = re.compile(r"<[^<>]*>")
_META_LINE_RE = re.compile(r"\S+\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s")


def _html_block(raw: str) -> str:
    raw = raw.replace("&#x000A;", "\n").replace("&#x000a;", "\n")
    return html.unescape(_TAG_RE.sub("", raw)).replace("\u00b6", "")


def extract_html(page: str) -> tuple[str, str]:
    """(routing, text) of a WikiLeaks page: its two ``<pre>`` blocks without markup."""
    blocks = [_html_block(b) for b in _PRE_RE.findall(page)]
    if not blocks:
        return "", _html_block(page)
    if len(blocks) == 1:
        return "", blocks[0]
    return blocks[0], "\n".join(blocks[1:])


def extract_page_text(page: str) -> tuple[str, str]:
    """(routing, text) of a page's text copy: what follows its metadata line."""
    lines = page.split("\n")
    for i, line in enumerate(lines[:400]):
        if line.startswith("Reference ID") and i + 1 < len(lines) and _META_LINE_RE.match(lines[i + 1]):
            return "", "\n".join(lines[i + 2 :])
    return "", page


def find_page_files(roots: Sequence[Path]) -> list[Path]:
    """The page files under ``roots`` (the shared corpus' cablegate folders when given it)."""
    files: list[Path] = []
    for root in roots:
        if root.is_file():
            files.append(root)
            continue
        if not root.is_dir():
            continue
        subsets = [root / s for s in CORPUS_SETS if (root / s).is_dir()]
        for top in subsets or [root]:
            files.extend(sorted(p for p in top.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()))
    return files


def sample(items: Sequence[Path], limit: int | None) -> list[Path]:
    """At most ``limit`` items spread evenly over ``items`` (deterministic)."""
    if limit is None or len(items) <= limit:
        return list(items)
    step = len(items) / limit
    return [items[int(k * step)] for k in range(limit)]


def load_pages(files: Iterable[Path]) -> list[Page]:
    pages: list[Page] = []
    for path in files:
        raw = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix.lower() in (".html", ".htm"):
            routing, text = extract_html(raw)
            kind = "html"
        else:
            routing, text = extract_page_text(raw)
            kind = "page-text"
        pages.append(Page(path.stem, kind, raw, routing, text, path))
    return pages


# ---------------------------------------------------------------------------
# generated cables

_WORDS = [
    "the", "embassy", "ministry", "government", "minister", "officials", "said", "that", "would", "for",
    "with", "political", "economic", "security", "reform", "election", "parliament", "opposition", "party",
    "president", "meeting", "talks", "agreement", "support", "regional", "cooperation", "trade", "investment",
    "energy", "program", "assistance", "visit", "delegation", "foreign", "affairs", "defense", "council",
    "report", "noted", "according", "however", "also", "will", "has", "been", "are", "not", "this", "which",
    "its", "their", "local", "national", "international",
]
_CITIES = ("PARIS", "ROME", "PHNOM PENH", "ANKARA", "SAN JOSE", "TOKYO", "NAIROBI", "BRASILIA", "MOSCOW", "CAIRO")
_TAGS = ("PGOV", "PREL", "ECON", "PHUM", "KDEM", "PTER", "MARR", "EFIN", "SNAR", "KCRM")
_MARKS = ("U", "C", "SBU", "S", "C//NF")
_CHROME_LINK = "<a href='/reldate/2010-12-{d:02d}_0.html'>2010/12/{d:02d}</a>\n"


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 22))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def generated_paragraph(rng: random.Random, number: int) -> list[str]:
    """The lines of one numbered paragraph, wrapped at 70 columns."""
    body = " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
    lead = f"{number}. ({rng.choice(_MARKS)}) "
    return textwrap.wrap(lead + body, 70)


def generated_cable(rng: random.Random, serial: int, paragraphs: int) -> Page:
    """A synthetic cable in the shape of the real ones: routing header, header, body."""
    city = rng.choice(_CITIES)
    ri = "RUEH" + city.replace(" ", "")[:2]
    routing = [
        f"VZCZCXRO{serial % 10000:04d}",
        "OO RUEHCHI RUEHDT RUEHHM RUEHNH",
        f"DE {ri} #{serial % 10000:04d}/01 0640115",
        "ZNY CCCCC ZZH",
        "O 050115Z MAR 07",
        f"FM AMEMBASSY {city}",
        f"TO RUEHC/SECSTATE WASHDC IMMEDIATE {serial % 10000:04d}",
        "INFO RUCNASE/ASEAN MEMBER COLLECTIVE",
        "RUEATRS/DEPT OF TREASURY WASHINGTON DC 0648",
    ]
    tags = ", ".join(rng.sample(_TAGS, 4))
    subject = " ".join(w.upper() for w in rng.sample(_WORDS, 6))
    text = [
        f"C O N F I D E N T I A L SECTION 01 OF 02 {city} {serial:06d}",
        "",
        "SIPDIS",
        "",
        "E.O. 12958: DECL: 03/05/2017",
        f"TAGS: {tags}",
        f"SUBJECT: (C) {subject}",
        "",
        f"REF: A. STATE 12{serial % 10000:04d} B. {city} 000123",
        "",
        "Classified By: Ambassador John Smith for reasons 1.4(b) and (d).",
        "",
    ]
    body: list[str] = []
    for k in range(1, paragraphs + 1):
        body.extend(generated_paragraph(rng, k))
        body.append("")
        if k == paragraphs // 2 and paragraphs > 2:
            body.extend([f"{city[:10]} {serial:08d}  002 OF 002", "", ""])
    body.extend(["SMITH", ""])
    text.extend(body)
    routing_text = "\n".join(routing)
    cable_text = "\n".join(text)
    refid = f"07{city.replace(' ', '')}{serial}"
    page = generated_html(refid, subject, routing_text, cable_text)
    return Page(refid, "generated", page, routing_text, cable_text)


def generated_html(refid: str, subject: str, routing: str, text: str) -> str:
    """A page with the WikiLeaks site's markup around ``routing`` and ``text``."""
    chrome = "".join(_CHROME_LINK.format(d=1 + k % 28) for k in range(1000))

    def block(s: str) -> str:
        s = html.escape(s, quote=False)
        s = re.sub(r"(?m)^(\d{1,2})\. ", r"<a id='par\1' href='#par\1'>¶</a>\1. ", s)
        return s.replace("\n", "&#x000A;")

    cells = "".join(
        f"<td>\n<a href='/x_0.html'>{v}</a>\n</td>\n"
        for v in (refid, "2007-03-05 01:15", "2011-04-01 00:00", "CONFIDENTIAL", "Embassy Somewhere")
    )
    return (
        "<?xml version='1.0' encoding='utf-8' ?>\n<html><head><title>Cable Viewer</title></head>\n<body>\n"
        f"<div id='browse'>\n{chrome}</div>\n<h3>Viewing cable {refid}, {html.escape(subject)}</h3>\n"
        "<table class='cable'>\n<tr>\n<th>Reference ID</th>\n<th>Created</th>\n<th>Released</th>\n"
        f"<th>Classification</th>\n<th>Origin</th>\n</tr>\n<tr>\n{cells}</tr>\n</table>\n"
        f"<code><pre>{block(routing)}</pre></code>\n<code><pre>{block(text)}</pre></code>\n</body>\n</html>\n"
    )


def generated_pages(count: int, seed: int = 4) -> list[Page]:
    """``count`` generated cables of 6 to 18 paragraphs (about the corpus' 6 KB average)."""
    rng = random.Random(seed)
    return [generated_cable(rng, 100 + k, rng.randint(6, 18)) for k in range(count)]


# ---------------------------------------------------------------------------
# csv in the cables.csv dialect


def _csv_field(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'") + '"'


def csv_row(index: int, page: Page, cable: Any) -> str:
    """One row of cables.csv: id, date, reference id, origin, classification, refs, header, content."""
    h = cable.header
    created = h.created
    date = f"{created.month}/{created.day}/{created.year} {created.hour}:{created.minute:02d}" if created else ""
    refs = "|".join(r.cable_id for r in h.references if r.cable_id)
    values = [str(index), date, h.reference_id or "", h.origin or "", h.classification or "", refs]
    values += [page.routing, page.text]
    return ",".join(_csv_field(v) for v in values) + "\n"


def write_csv(path: Path, rows: Sequence[str], copies: int = 1) -> int:
    with path.open("w", encoding="utf-8", newline="") as f:
        for _ in range(copies):
            f.writelines(rows)
    return path.stat().st_size


# ---------------------------------------------------------------------------
# measurement


@dataclass(slots=True)
class Figure:
    """One measured throughput."""

    name: str
    label: str
    items: int
    mb: float
    best_s: float
    median_s: float
    repeats: int
    note: str = ""

    @property
    def cables_per_s(self) -> float:
        return self.items / self.best_s if self.best_s > 0 else float("inf")

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.best_s if self.best_s > 0 else float("inf")

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["cables_per_s"] = round(self.cables_per_s, 1)
        data["mb_per_s"] = round(self.mb_per_s, 3)
        return data


@dataclass(slots=True)
class Target:
    """One target of issue 4 and where the run stands against it."""

    name: str
    target: str
    measured: str
    met: bool | None  # None: not measured


@dataclass
class Run:
    """Everything a run measured."""

    quick: bool
    repeat: int
    timer: str = "cpu"
    figures: dict[str, Figure] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)

    @property
    def clock(self) -> Clock:
        """The clock of the single-process measurements: process CPU time or wall time."""
        return time.process_time if self.timer == "cpu" else time.perf_counter


def _mb(texts: Iterable[str]) -> float:
    return sum(len(t) if t.isascii() else len(t.encode("utf-8")) for t in texts) / 1e6


Clock = Callable[[], float]


#: settings of the run: ``keep_caches``, keep cableparse's bounded caches between timed
#: runs (``--keep-caches``)
SETTINGS = {"keep_caches": False}


def clear_content_caches() -> int:
    """Empty cableparse's bounded caches (``functools.lru_cache`` with a ``maxsize``), the
    ones keyed on what a text holds (a line, a REF item, an id); unbounded caches hold
    tables read once (stations, tags) and stay.  Run before each timed run, so that a
    run over inputs already parsed once costs what a first pass over new inputs costs:
    a user parses each cable once, and the corpus is small enough for such caches to
    hold much of it.  Returns the number of caches emptied."""
    if SETTINGS["keep_caches"]:
        return 0
    count = 0
    for name, module in list(sys.modules.items()):
        if name != "cableparse" and not name.startswith("cableparse."):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if info is not None and hasattr(value, "cache_clear") and info().maxsize is not None:
                value.cache_clear()
                count += 1
    return count


def time_runs(
    clock: Clock, fn: Callable[[], object], repeat: int, warmup: Callable[[], object] | None = None
) -> list[float]:
    """Seconds (by ``clock``) of ``repeat`` calls of ``fn``, each after a full collection
    with cableparse's content caches emptied (:func:`clear_content_caches`).

    ``warmup`` runs once, untimed, first (first calls fill caches: cattrs generates its
    unstructuring code, regexes and imports done lazily run once).
    """
    if warmup is not None:
        warmup()
    times: list[float] = []
    for _ in range(repeat):
        clear_content_caches()
        gc.collect()
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return times


def figure(name: str, label: str, items: int, mb: float, times: Sequence[float], *, note: str = "") -> Figure:
    return Figure(name, label, items, mb, min(times), statistics.median(times), len(times), note)


def per_call(clock: Clock, fn: Callable[[], object], min_time: float, repeat: int) -> float:
    """Best seconds per call of ``fn``, looping it for at least ``min_time`` per run."""
    loops = 1
    while True:
        t0 = clock()
        for _ in range(loops):
            fn()
        if clock() - t0 >= min_time or loops >= 1 << 20:
            break
        loops *= 2

    def run() -> None:
        for _ in range(loops):
            fn()

    return min(time_runs(clock, run, repeat)) / loops


def consume(it: Iterable[object]) -> int:
    n = 0
    for _ in it:
        n += 1
    return n


def _optional(name: str, module: str) -> Callable[..., Any] | None:
    """``cableparse.<name>`` (or ``cableparse.<module>.<name>``) when this checkout has it."""
    fn = getattr(cableparse, name, None)
    if fn is None:
        try:
            fn = getattr(importlib.import_module(f"cableparse.{module}"), name, None)
        except ImportError:
            return None
    return fn if callable(fn) else None


@contextlib.contextmanager
def guarded(run: Run, name: str) -> Iterator[None]:
    """Record an exception of one benchmark and go on with the others."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - one failing benchmark must not hide the others
        run.errors[name] = f"{type(exc).__name__}: {exc}"
        print(f"  ERROR in {name}: {type(exc).__name__}: {exc}", file=sys.stderr)


# ---------------------------------------------------------------------------
# the benchmarks


def bench_text(run: Run, pages: Sequence[Page], suffix: str, label: str) -> None:
    """The line scanner and parse over bare text, interleaved so both see the same machine."""
    texts = [p.bare for p in pages]
    mb = _mb(texts)
    parse = cableparse.parse

    def scan_all() -> None:
        for t in texts:
            line_scan(t)

    def parse_all() -> None:
        for t in texts:
            parse(t)

    scan_times: list[float] = []
    parse_times: list[float] = []
    line_scan(texts[0])
    parse(texts[0])
    for _ in range(run.repeat):
        scan_times += time_runs(run.clock, scan_all, 1)
        parse_times += time_runs(run.clock, parse_all, 1)
    for name, what, times in (
        ("scanner", "line scanner, bare text", scan_times),
        ("parse_text", "parse bare text", parse_times),
    ):
        run.figures[name + suffix] = figure(name + suffix, what + label, len(texts), mb, times)


def bench_pages(run: Run, pages: Sequence[Page], name: str, label: str) -> None:
    raws = [p.raw for p in pages]
    parse = cableparse.parse

    def parse_all() -> None:
        for r in raws:
            parse(r)

    times = time_runs(run.clock, parse_all, run.repeat, lambda: parse(raws[0]))
    run.figures[name] = figure(name, label, len(raws), _mb(raws), times)


def bench_serialise(run: Run, cables: Sequence[Any], suffix: str, label: str) -> None:
    dumps, to_dict = cableparse.dumps, cableparse.to_dict
    texts = [dumps(c) for c in cables]
    mb = _mb(texts)

    def dumps_all() -> None:
        for c in cables:
            dumps(c)

    def to_dict_all() -> None:
        for c in cables:
            to_dict(c)

    def parse_canonical() -> None:
        for t in texts:
            cableparse.parse(t)

    for name, label_, fn in (
        ("dumps", "dumps", dumps_all),
        ("to_dict", "to_dict", to_dict_all),
        ("parse_canonical", "parse canonical text", parse_canonical),
    ):
        times = time_runs(run.clock, fn, run.repeat, lambda: (to_dict(cables[0]), cableparse.parse(texts[0])))
        run.figures[name + suffix] = figure(name + suffix, label_ + label, len(cables), mb, times)


def bench_read_csv(run: Run, pages: Sequence[Page], cables: Sequence[Any], tmp: Path, memory_rows: int) -> None:
    read_csv = _optional("read_csv", "csvio")
    if read_csv is None:
        run.skipped["read_csv"] = "cableparse.read_csv does not exist in this checkout (issue 3)"
        return
    rows = [csv_row(k, p, c) for k, (p, c) in enumerate(zip(pages, cables, strict=True))]
    path = tmp / "cables.csv"
    size = write_csv(path, rows)
    counts: list[int] = []
    times = time_runs(
        run.clock, lambda: counts.append(consume(read_csv(path))), run.repeat, lambda: consume(read_csv(path))
    )
    note = "" if counts[-1] == len(rows) else f"{counts[-1]} cables for {len(rows)} rows"
    label = "read_csv (cables.csv dialect)"
    run.figures["read_csv"] = figure("read_csv", label, len(rows), size / 1e6, times, note=note)

    # memory: peak on a file of n rows, then of 4n rows
    base = (rows * (memory_rows // max(len(rows), 1) + 1))[:memory_rows]
    peaks: dict[str, float] = {}
    for label, copies in (("1x", 1), ("4x", 4)):
        mpath = tmp / f"memory-{label}.csv"
        msize = write_csv(mpath, base, copies)
        gc.collect()
        tracemalloc.start()
        try:
            consume(read_csv(mpath))
            peaks[label] = tracemalloc.get_traced_memory()[1] / 1e6
        finally:
            tracemalloc.stop()
        peaks[f"{label}_file_mb"] = msize / 1e6
        mpath.unlink()
    peaks["rows_1x"] = len(base)
    run.extra["read_csv_memory"] = peaks


def parse_many_times(paths: Sequence[str], repeat: int) -> dict[str, Any]:
    """Wall seconds of ``parse_many(paths, workers=w)`` for one and two workers, taken in
    turn ``repeat`` times so that both see the same machine (after a first untimed call),
    and the results counted."""
    from cableparse.batch import parse_many

    times: dict[str, list[float]] = {name: [] for name, _, _ in PARSE_MANY_KINDS}
    counts: dict[str, int] = {}
    consume(parse_many(paths[:32]))  # (first calls fill caches, as in the other benchmarks)
    for _ in range(repeat):
        for name, workers, _ in PARSE_MANY_KINDS:

            def many(w: int = workers, key: str = name) -> None:
                counts[key] = consume(parse_many(paths, workers=w))

            # wall time: the work happens in other processes
            times[name] += time_runs(time.perf_counter, many, 1)
    return {"times": times, "counts": counts}


#: the parse_many figures: name, workers, label
PARSE_MANY_KINDS = (
    ("parse_many_1", 1, "parse_many, 1 worker"),
    ("parse_many_2", 2, "parse_many, 2 workers"),
)

# the measurement run in a fresh interpreter: the paths (a JSON list) on stdin, the figures
# of parse_many_times as JSON on stdout
_FRESH_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import bench
data = json.load(sys.stdin)
bench.SETTINGS["keep_caches"] = data["keep_caches"]
json.dump(bench.parse_many_times(data["paths"], data["repeat"]), sys.stdout)
"""


def bench_parse_many(run: Run, pages: Sequence[Page], tmp: Path) -> None:
    """``parse_many`` over the page files, in a fresh interpreter that holds the paths
    alone, as a script or the command line calling it does (the figures the target is
    read from), and in this process too, which holds the benchmark's pages and cables:
    a pool forked from a larger process shares more memory with it, and each copies the
    pages it writes to (see docs/performance.md)."""
    if _optional("parse_many", "batch") is None:
        run.skipped["parse_many"] = "cableparse.parse_many does not exist in this checkout (issue 3)"
        return
    paths: list[Path] = []
    for k, p in enumerate(pages):
        if p.path is not None:
            paths.append(p.path)
        else:
            dest = tmp / "pages" / f"{k:05d}-{p.name}.html"
            dest.parent.mkdir(exist_ok=True)
            dest.write_text(p.raw, encoding="utf-8")
            paths.append(dest)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    names = [str(p) for p in paths]
    env = dict(os.environ)
    src = str(REPO / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    proc = subprocess.run(
        [sys.executable, "-c", _FRESH_CHILD, str(Path(__file__).resolve().parent)],
        input=json.dumps({"paths": names, "repeat": run.repeat, "keep_caches": SETTINGS["keep_caches"]}),
        capture_output=True, text=True, env=env, check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"the fresh process failed: {proc.stderr.strip()[-300:]}")
    fresh = json.loads(proc.stdout)
    here = parse_many_times(names, run.repeat)
    for suffix, got, where in (("", fresh, ""), ("_here", here, " (in this process)")):
        for name, _, label in PARSE_MANY_KINDS:
            times = got["times"][name]
            if times:
                n = got["counts"].get(name, 0)
                note = "" if n == len(paths) else f"{n} results for {len(paths)} files"
                run.figures[name + suffix] = figure(name + suffix, label + where, len(paths), mb, times, note=note)


_NUMBER_RE = re.compile(r"(\d+)\. ")


def bench_linear(run: Run, cables: Sequence[Any], min_time: float) -> None:
    """Parse time of a cable 10x longer (paragraphs repeated) against the original."""
    base = generated_cable(random.Random(10), 350, 12)
    head = base.text.partition("\n1. ")[0]
    rng = random.Random(11)
    body1: list[str] = []
    for k in range(1, 13):
        body1.extend(generated_paragraph(rng, k))
        body1.append("")
    # the ten-times body repeats the base body's paragraphs, renumbered
    body10: list[str] = []
    for rep in range(10):
        for line in body1:
            m = _NUMBER_RE.match(line)
            body10.append(f"{int(m.group(1)) + 12 * rep}. {line[m.end() :]}" if m else line)
    short = f"{base.routing}\n{head}\n" + "\n".join([*body1, "SMITH", ""])
    long = f"{base.routing}\n{head}\n" + "\n".join([*body10, "SMITH", ""])
    parse = cableparse.parse
    t1 = per_call(run.clock, lambda: parse(short), min_time, run.repeat)
    t10 = per_call(run.clock, lambda: parse(long), min_time, run.repeat)
    result: dict[str, Any] = {
        "generated": {"bytes_1x": len(short), "bytes_10x": len(long), "s_1x": t1, "s_10x": t10, "ratio": t10 / t1}
    }
    # a real cable: its canonical text with the paragraphs repeated ten times
    if cables:
        real = sorted(cables, key=lambda c: len(c.paragraphs))[len(cables) // 2]
        if real.paragraphs:
            r1 = cableparse.dumps(real)
            r10 = cableparse.dumps(attrs.evolve(real, paragraphs=real.paragraphs * 10))
            s1 = per_call(run.clock, lambda: parse(r1), min_time, run.repeat)
            s10 = per_call(run.clock, lambda: parse(r10), min_time, run.repeat)
            result["corpus"] = {
                "reference_id": real.header.reference_id, "bytes_1x": len(r1), "bytes_10x": len(r10),
                "s_1x": s1, "s_10x": s10, "ratio": s10 / s1,
            }
    run.extra["linear"] = result


def bench_import(run: Run, runs: int) -> None:
    clock = "process_time" if run.timer == "cpu" else "perf_counter"
    code = f"import time; t = time.{clock}(); import cableparse; print(time.{clock}() - t)"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
    samples: list[float] = []
    for _ in range(runs):
        cmd = [sys.executable, "-c", code]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env, cwd=REPO)
        samples.append(float(out.stdout.strip()) * 1000)
    run.extra["import_ms"] = {"best": min(samples), "median": statistics.median(samples), "runs": runs}


# ---------------------------------------------------------------------------
# targets and report


def _fig(run: Run, *names: str) -> Figure | None:
    for n in names:
        if n in run.figures:
            return run.figures[n]
    return None


def evaluate(run: Run) -> None:
    t = run.targets
    scan, text = _fig(run, "scanner", "scanner_gen"), _fig(run, "parse_text", "parse_text_gen")
    if scan and text:
        ratio = text.mb_per_s / scan.mb_per_s
        run.extra["scanner_ratio"] = ratio
        t.append(Target(
            "parse bare text vs line scanner",
            f">= {TARGET_SCANNER_RATIO:.0%} (aim {AIM_SCANNER_RATIO:.0%})",
            f"{ratio:.1%} ({text.mb_per_s:.1f} of {scan.mb_per_s:.1f} MB/s; {text.cables_per_s:,.0f} cables/s)",
            ratio >= TARGET_SCANNER_RATIO,
        ))
    page = _fig(run, "parse_html", "parse_html_gen")
    if page:
        t.append(Target(
            "parse HTML pages",
            f">= {TARGET_HTML_PAGES_PER_S:,.0f} pages/s (10x cablemap's {CABLEMAP_PAGES_PER_S:.0f})",
            f"{page.cables_per_s:,.0f} pages/s ({page.cables_per_s / CABLEMAP_PAGES_PER_S:.1f}x cablemap)",
            page.cables_per_s >= TARGET_HTML_PAGES_PER_S,
        ))
    dumps = _fig(run, "dumps", "dumps_gen")
    if dumps and text:
        t.append(Target(
            "dumps at least as fast as parse",
            ">= parse of bare text, cables/s",
            f"{dumps.cables_per_s:,.0f} vs {text.cables_per_s:,.0f} cables/s",
            dumps.cables_per_s >= text.cables_per_s,
        ))
    one, two = run.figures.get("parse_many_1"), run.figures.get("parse_many_2")
    if one and two:
        speedup = two.cables_per_s / one.cables_per_s
        run.extra["parse_many_speedup"] = speedup
        t.append(Target(
            "parse_many, 2 workers vs 1",
            f">= {TARGET_PARSE_MANY_SPEEDUP}x",
            f"{speedup:.2f}x ({two.cables_per_s:,.0f} vs {one.cables_per_s:,.0f} cables/s)",
            speedup >= TARGET_PARSE_MANY_SPEEDUP,
        ))
    else:
        t.append(Target("parse_many, 2 workers vs 1", f">= {TARGET_PARSE_MANY_SPEEDUP}x", "not measured", None))
    one, two = run.figures.get("parse_many_1_here"), run.figures.get("parse_many_2_here")
    if one and two:
        run.extra["parse_many_speedup_here"] = two.cables_per_s / one.cables_per_s
    mem = run.extra.get("read_csv_memory")
    if mem:
        growth = (mem["4x"] - mem["1x"]) / (mem["4x_file_mb"] - mem["1x_file_mb"])
        t.append(Target(
            "read_csv memory independent of file size",
            f"peak grows < {TARGET_CSV_MEMORY_GROWTH:.0%} of file growth (or {CSV_MEMORY_SLACK_MB:.0f} MB)",
            f"{mem['1x']:.1f} MB -> {mem['4x']:.1f} MB peak for a {mem['1x_file_mb']:.1f} -> "
            f"{mem['4x_file_mb']:.1f} MB file ({growth:.0%})",
            mem["4x"] - mem["1x"] < max(TARGET_CSV_MEMORY_GROWTH * (mem["4x_file_mb"] - mem["1x_file_mb"]),
                                        CSV_MEMORY_SLACK_MB),
        ))
    else:
        t.append(Target("read_csv memory independent of file size", "flat", "not measured", None))
    lin = run.extra.get("linear")
    if lin:
        worst = max(v["ratio"] for v in lin.values())
        shown = ", ".join(f"{k} {v['ratio']:.2f}x" for k, v in lin.items())
        met = worst <= TARGET_LINEAR_RATIO
        t.append(Target("linear cost, 10x longer cable", f"<= {TARGET_LINEAR_RATIO:.0f}x", shown, met))
    imp = run.extra.get("import_ms")
    if imp:
        t.append(Target(
            "import cableparse", f"< {TARGET_IMPORT_MS:.0f} ms", f"{imp['best']:.0f} ms (best of {imp['runs']})",
            imp["best"] < TARGET_IMPORT_MS,
        ))


def environment() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        nproc = os.cpu_count() or 0
    versions: dict[str, str | None] = {}
    for dist in ("cableparse", "attrs", "cattrs", "python-dateutil", "pyperf"):
        try:
            versions[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[dist] = None
    commit = None
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        git = ("git", "-C", str(REPO))
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run([*git, "status", "--porcelain", "src"], capture_output=True, text=True, check=True)
        commit = head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")
    return {
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "cpu": cpu,
        "nproc": nproc,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "versions": versions,
        "commit": commit,
    }


def report(run: Run, env: dict[str, Any], corpus: dict[str, Any]) -> str:
    out = io.StringIO()
    w = out.write
    w(f"cableparse benchmark{' (quick: a smoke run, figures not meaningful)' if run.quick else ''}\n")
    w(f"  {env['date']}  {env['cpu']}, {env['nproc']} CPUs  Python {env['python']}  commit {env['commit']}\n")
    w("  " + "  ".join(f"{k} {v}" for k, v in env["versions"].items() if v) + "\n")
    w(f"  corpus: {corpus['description']}\n")
    clock = "process CPU time" if run.timer == "cpu" else "wall time"
    caches = "content caches kept between runs" if SETTINGS["keep_caches"] else "content caches emptied before each run"
    w(f"  best of {run.repeat} run(s) each, {clock} (parse_many: wall time), {caches}\n\n")
    w(f"  {'benchmark':<44} {'cables':>7} {'MB':>8} {'best s':>8} {'cables/s':>10} {'MB/s':>8}\n")
    for f in run.figures.values():
        w(f"  {f.label:<44} {f.items:>7} {f.mb:>8.2f} {f.best_s:>8.3f} {f.cables_per_s:>10,.0f} {f.mb_per_s:>8.2f}")
        w(f"  ({f.note})\n" if f.note else "\n")
    for name, why in run.skipped.items():
        w(f"  {name:<44} skipped: {why}\n")
    for name, err in run.errors.items():
        w(f"  {name:<44} ERROR: {err}\n")
    if "scanner_ratio" in run.extra:
        w(f"\n  ratio to the line scanner (parse bare text MB/s / scanner MB/s): {run.extra['scanner_ratio']:.3f}\n")
    lin = run.extra.get("linear", {})
    for k, v in lin.items():
        w(f"  linear cost ({k}): {v['bytes_1x']:,} B in {v['s_1x'] * 1e3:.2f} ms, "
          f"{v['bytes_10x']:,} B in {v['s_10x'] * 1e3:.2f} ms: {v['ratio']:.2f}x\n")
    if "parse_many_speedup" in run.extra:
        w(f"  parse_many, 2 workers vs 1: {run.extra['parse_many_speedup']:.2f}x in a fresh process")
        here = run.extra.get("parse_many_speedup_here")
        w(f", {here:.2f}x in this one (which holds the benchmark's inputs)\n" if here else "\n")
    mem = run.extra.get("read_csv_memory")
    if mem:
        w(f"  read_csv peak memory: {mem['1x']:.1f} MB for {mem['rows_1x']} rows ({mem['1x_file_mb']:.1f} MB file), "
          f"{mem['4x']:.1f} MB for 4x ({mem['4x_file_mb']:.1f} MB file)\n")
    imp = run.extra.get("import_ms")
    if imp:
        w(f"  import cableparse: {imp['best']:.1f} ms best, {imp['median']:.1f} ms median of {imp['runs']}\n")
    text = _fig(run, "parse_text", "parse_text_gen")
    if text:
        single = RELEASE_CABLES / text.cables_per_s
        w(f"  whole release ({RELEASE_CABLES:,} cables) at the bare-text rate: {single:,.0f} s on one core")
        speedup = run.extra.get("parse_many_speedup")
        w(f", {single / speedup:,.0f} s with 2 workers\n" if speedup else "\n")
    w("\n  targets of issue 4\n")
    for tg in run.targets:
        status = "n/a " if tg.met is None else "met " if tg.met else "MISS"
        w(f"  [{status}] {tg.name:<42} {tg.target:<40} {tg.measured}\n")
    return out.getvalue()


def profile_html(pages: Sequence[Page], out: Path, top: int = 30) -> str:
    """cProfile of parse over the HTML pages: stats to ``out``, the top functions as text."""
    raws = [p.raw for p in pages if p.kind in ("html", "generated")]
    parse = cableparse.parse
    prof = cProfile.Profile()
    prof.enable()
    for r in raws:
        parse(r)
    prof.disable()
    prof.dump_stats(out)
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).strip_dirs().sort_stats("tottime").print_stats(top)
    return buf.getvalue()


# ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    doc = (__doc__ or "").split("\n\n")[0]
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path, default=[DEFAULT_CORPUS],
                    help="page files or folders (default: the cablegate folders of ../shared/corpus)")
    ap.add_argument("--quick", action="store_true", help="a few seconds on a small sample (CI smoke run)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="save the figures as JSON")
    ap.add_argument("--repeat", type=int, help="runs per measurement, best kept (default 5, quick 1)")
    ap.add_argument("--limit", type=int, help="at most this many corpus pages (default all, quick 12)")
    ap.add_argument("--generated", type=int, help="generated cables (default 300, quick 8)")
    ap.add_argument("--timer", choices=("cpu", "wall"), default="cpu",
                    help="clock of the single-process figures (default: process CPU time, robust on a shared machine)")
    ap.add_argument("--no-workers", action="store_true", help="skip parse_many (no subprocesses)")
    ap.add_argument("--keep-caches", action="store_true",
                    help="keep cableparse's content caches between timed runs (each run then reads "
                    "inputs the caches have seen; the default empties them, as a first pass finds them)")
    ap.add_argument("--profile", type=Path, metavar="OUT", help="also cProfile parse over the HTML pages into OUT")
    args = ap.parse_args(argv)

    quick: bool = args.quick
    SETTINGS["keep_caches"] = args.keep_caches
    run = Run(quick=quick, repeat=args.repeat or (1 if quick else 5), timer=args.timer)
    limit = args.limit if args.limit is not None else (12 if quick else None)
    n_generated = args.generated if args.generated is not None else (8 if quick else 300)

    files = find_page_files(args.corpus)
    missing = [str(p) for p in args.corpus if not p.exists()]
    if missing:
        print(f"corpus not found: {', '.join(missing)}; measuring generated cables only", file=sys.stderr)
    files = sample(files, limit)
    t_load = time.perf_counter()
    pages = load_pages(files)
    gen = generated_pages(n_generated)
    html_pages = [p for p in pages if p.kind == "html"]
    text_pages = [p for p in pages if p.kind == "page-text"]
    corpus: dict[str, Any] = {
        "paths": [str(p) for p in args.corpus],
        "pages": len(pages),
        "html_pages": len(html_pages),
        "page_text_pages": len(text_pages),
        "html_mb": _mb(p.raw for p in html_pages),
        "bare_text_mb": _mb(p.bare for p in pages),
        "generated": len(gen),
        "generated_bare_mb": _mb(p.bare for p in gen),
    }
    corpus["description"] = (
        f"{len(pages)} pages ({len(html_pages)} HTML, {corpus['html_mb']:.1f} MB; {len(text_pages)} page text), "
        f"{corpus['bare_text_mb']:.1f} MB bare text; {len(gen)} generated cables, {corpus['generated_bare_mb']:.1f} MB"
    )
    print(f"loaded in {time.perf_counter() - t_load:.1f} s: {corpus['description']}", file=sys.stderr)

    env = environment()
    with tempfile.TemporaryDirectory(prefix="cableparse-bench-") as tmpdir:
        tmp = Path(tmpdir)
        with guarded(run, "import"):
            bench_import(run, 3 if quick else 7)
        cables: list[Any] = []
        if pages:
            with guarded(run, "parse_text"):
                bench_text(run, pages, "", "")
            if html_pages:
                with guarded(run, "parse_html"):
                    bench_pages(run, html_pages, "parse_html", "parse HTML pages")
            else:
                run.skipped["parse_html"] = "no HTML pages in the corpus given (the generated pages are measured)"
            if text_pages:
                with guarded(run, "parse_pagetext"):
                    bench_pages(run, text_pages, "parse_pagetext", "parse page text copies")
            cables = [cableparse.parse(p.raw) for p in pages]
            with guarded(run, "serialise"):
                bench_serialise(run, cables, "", "")
        else:
            run.skipped["corpus"] = "no corpus pages: figures below are over generated cables only"
        gen_cables = [cableparse.parse(p.raw) for p in gen]
        with guarded(run, "generated"):
            bench_text(run, gen, "_gen", " (generated)")
            bench_pages(run, gen, "parse_html_gen", "parse HTML pages (generated)")
            bench_serialise(run, gen_cables, "_gen", " (generated)")
        csv_pages, csv_cables = (pages, cables) if pages else (gen, gen_cables)
        with guarded(run, "read_csv"):
            bench_read_csv(run, csv_pages, csv_cables, tmp, 40 if quick else 500)
        if args.no_workers:
            run.skipped["parse_many"] = "--no-workers"
        else:
            with guarded(run, "parse_many"):
                bench_parse_many(run, pages or gen, tmp)
        with guarded(run, "linear"):
            bench_linear(run, cables or gen_cables, 0.02 if quick else 0.3)
        if args.profile:
            with guarded(run, "profile"):
                top = profile_html(html_pages or gen, args.profile)
                print(top, file=sys.stderr)

    evaluate(run)
    print(report(run, env, corpus), end="")
    if args.json:
        data = {
            "environment": env,
            "quick": run.quick,
            "repeat": run.repeat,
            "timer": run.timer,
            "content_caches": "kept" if SETTINGS["keep_caches"] else "emptied before each run",
            "corpus": corpus,
            "figures": {k: f.as_json() for k, f in run.figures.items()},
            "extra": run.extra,
            "skipped": run.skipped,
            "errors": run.errors,
            "targets": [asdict(t) for t in run.targets],
        }
        args.json.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
    return 1 if run.errors else 0


if __name__ == "__main__":
    sys.exit(main())
