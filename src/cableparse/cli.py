"""The ``cableparse`` command (also ``python -m cableparse``).

Commands::

    cableparse show FILE [--row N]
    cableparse parse PATH... [--format json|jsonl|parquet] [-o OUT] [--workers N] [--progress]
    cableparse check PATH... [--strict] [--format text|json|github] [--info] [--workers N] [--progress]
    cableparse normalize PATH... [--check | --write | -o OUT]

PATH is a cable page (HTML), a text file, a cables.csv file or a folder (walked
recursively for ``*.html``, ``*.htm``, ``*.txt``, ``*.csv``).  Exit status: 0 success,
1 ``check`` found errors (``--strict``: or warnings) or ``normalize --check`` found files
to reformat, 2 a usage mistake or a file that could not be read, 130 interrupted.
Messages go to stderr; a user's mistake never shows a traceback.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from . import __version__
from ._api import normalize, parse
from .batch import Result, iter_paths, parse_many
from .csvio import iter_rows
from .models import Cable, Diagnostic
from .serializer import dumps, stamp
from .writers import ParquetWriter, cable_json, write_atomic

__all__ = ["main"]

PROG = "cableparse"


class UsageError(Exception):
    """A mistake in the command line: reported on stderr, exit status 2."""


def _err(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _paths(args: Sequence[str]) -> list[Path]:
    return [Path(a) for a in args]


# ---------------------------------------------------------------------------- show


def _stamp(value: _dt.datetime | None) -> str | None:
    return f"{stamp(value)} UTC" if value else None


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 3, 1)].rstrip() + "..."


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def show_text(cable: Cable, *, width: int = 100, name: str | None = None) -> str:
    """A readable summary of one cable, for people (what ``cableparse show`` prints)."""
    h = cable.header
    r = cable.routing
    out: list[str] = []
    label_w = 16

    def field(label: str, value: str | None, *more: str) -> None:
        if not value:
            return
        room = max(width - label_w - 2, 20)
        lines = textwrap.wrap(value, room) or [""]
        out.append(f"  {label:<{label_w - 2}}{lines[0]}")
        out.extend(" " * label_w + x for x in lines[1:])
        out.extend(" " * label_w + _clip(m, room) for m in more)

    title = " | ".join(x for x in (h.reference_id or name or "(no reference id)", h.classification, h.origin) if x)
    out.append(title)
    out.append(_clip(h.subject, width) if h.subject else "(no subject)")
    out.append("")
    field("Created", _stamp(h.created))
    field("Released", _stamp(h.released))
    cl = h.classification_line
    if cl is not None:
        field("Class. line", cl.raw)
    field("Captions", ", ".join(dict.fromkeys(h.captions)))
    if h.handling:
        field("Handling", h.handling[0], *h.handling[1:])
    if h.executive_order is not None:
        field("E.O.", h.executive_order.raw or h.executive_order.order)
    field("Tags", " ".join(h.tags) if h.tags else "(none)")
    if h.classified_by is not None:
        field("Classified by", h.classified_by.text)
    field("Referenced", " ".join(h.referenced_ids))

    if r is not None:
        out.append("")
        out.append("Routing" + (" (partial extract)" if r.partial else ""))
        prec = r.precedence or ""
        if r.info_precedence:
            prec += f" / {r.info_precedence}"
        field("Precedence", prec or None)
        field("Sent", _stamp(r.dtg))
        de = r.originator or ""
        if r.serial is not None:
            de += f" #{r.serial:04d}" + (f"/{r.section:02d}" if r.section is not None else "")
        de = de.strip()
        if r.sender:
            field("From", r.sender + (f"  ({de})" if de else ""))
        else:
            field("From", de or None)
        for label, people in (("To", r.to), ("Info", r.info)):
            if not people:
                continue
            names = [a.name + (f" ({a.precedence})" if a.precedence else "") for a in people]
            if len(names) > 6:
                names[5:] = [f"... and {len(names) - 5} more"]
            field(f"{label} ({len(people)})", names[0], *names[1:])
        field("Security", r.security)
        field("Transmission", r.transmission_id)

    if h.references:
        out.append("")
        out.append(f"References ({len(h.references)})")
        for ref in h.references:
            letter = f"{ref.letter}. " if ref.letter else ""
            cited = f"  -> {ref.cable_id}" if ref.cable_id else ""
            out.append("  " + _clip(f"{letter}{ref.text}", width - 4 - len(cited)) + cited)

    out.append("")
    out.append(f"Paragraphs ({len(cable.paragraphs)})")
    num_w = max([len(p.number or "") for p in cable.paragraphs] + [1])
    mark_w = max([len(p.marking or "") + 2 for p in cable.paragraphs if p.marking] + [0])
    for p in cable.paragraphs:
        number = (p.number or "-").ljust(num_w)
        marking = (f"({p.marking})" if p.marking else "").ljust(mark_w)
        lead = f"  {number}  {marking}  " if mark_w else f"  {number}  "
        words = p.text
        if p.heading:
            words = f"[{p.heading}] {words}"
        out.append(lead + _clip(words, max(width - len(lead), 10)))
    if cable.page_breaks:
        out.append(f"  ({_count(len(cable.page_breaks), 'continuation marker')} removed)")

    out.append("")
    field("Signature", cable.signature or "(none)")
    if cable.trailer:
        field("Trailer", " / ".join(cable.trailer))
    if cable.unplaced:
        field("Unplaced", _count(len(cable.unplaced), "line") + " the parser could not place")
    sev = {s: sum(d.severity == s for d in cable.diagnostics) for s in ("error", "warning", "info")}
    field("Diagnostics", f"{_count(sev['error'], 'error')}, {_count(sev['warning'], 'warning')}, {sev['info']} info")
    listed = [d for d in cable.diagnostics if d.severity != "info"]
    for d in listed[:10]:
        where = f"line {d.line}: " if d.line is not None else ""
        out.append(" " * label_w + _clip(f"{d.severity} {d.code} {where}{d.message}", width - label_w))
    if len(listed) > 10:
        out.append(" " * label_w + f"... and {len(listed) - 10} more (cableparse check lists them all)")
    return "\n".join(out) + "\n"


def _read_one(path: Path, row: int | None) -> Cable:
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; show takes one file")
    if path.suffix.lower() == ".csv":
        wanted = row or 1
        for r in iter_rows(path):
            if r.row == wanted:
                return r.parse()
        raise UsageError(f"{path}: has no row {wanted}")
    if row is not None:
        raise UsageError("--row is for csv files")
    return parse(path.read_bytes())


def cmd_show(args: argparse.Namespace) -> int:
    """``cableparse show FILE``."""
    path = Path(args.file)
    cable = _read_one(path, args.row)
    width = min(max(shutil.get_terminal_size((100, 24)).columns, 60), 140)
    sys.stdout.write(show_text(cable, width=width, name=path.name))
    return 0


# ---------------------------------------------------------------------------- parse


class _Output:
    """stdout, or a file written atomically (temporary file renamed on success)."""

    def __init__(self, target: str | None) -> None:
        self.target = None if target in (None, "-") else Path(target)
        self.tmp: Path | None = None
        if self.target is None:
            self.file: IO[str] = sys.stdout
        else:
            if self.target.is_dir():
                raise UsageError(f"{self.target}: is a folder")
            parent = self.target.parent
            if not parent.is_dir():
                raise UsageError(f"{parent}: no such folder")
            self.tmp = parent / f".{self.target.name}.{os.getpid()}.tmp"
            self.file = open(self.tmp, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def finish(self, ok: bool) -> None:
        if self.tmp is None or self.target is None:
            self.file.flush()
            return
        try:
            self.file.close()
            if ok:
                os.replace(self.tmp, self.target)
        finally:
            if self.tmp.exists():
                self.tmp.unlink()


def _report_unreadable(r: Result) -> None:
    _err(f"{r.source}: {r.error}")


def cmd_parse(args: argparse.Namespace) -> int:
    """``cableparse parse PATH...``."""
    results = parse_many(_paths(args.paths), workers=args.workers, progress=args.progress)
    unreadable = 0
    if args.format == "parquet":
        if not args.output or args.output == "-":
            raise UsageError("--format parquet needs -o FOLDER")
        try:
            writer = ParquetWriter(args.output)
        except ImportError:
            raise UsageError("--format parquet needs pyarrow: pip install 'cableparse[parquet]'") from None
        with writer:
            for r in results:
                if r.cable is None:
                    unreadable += 1
                    _report_unreadable(r)
                else:
                    writer.write(r.cable, source=r.source, row=r.row)
        return 2 if unreadable else 0
    out = _Output(args.output)
    ok = False
    try:
        f = out.file
        first = True
        if args.format == "json":
            f.write("[")
        for r in results:
            if r.cable is None:
                unreadable += 1
                _report_unreadable(r)
                continue
            if args.format == "json":
                f.write("\n" if first else ",\n")
                first = False
            f.write(cable_json(r.cable))
            if args.format == "jsonl":
                f.write("\n")
        if args.format == "json":
            f.write("\n]\n")
        ok = True
    finally:
        out.finish(ok)
    return 2 if unreadable else 0


# ---------------------------------------------------------------------------- check


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


_GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _format_diag(fmt: str, r: Result, d: Diagnostic) -> str:
    line = d.line if d.line is not None else (r.line or 1)
    col = d.column or 1
    rid = r.cable.header.reference_id if r.cable is not None else None
    if fmt == "json":
        return json.dumps(
            {
                "path": r.source,
                "row": r.row,
                "reference_id": rid,
                "line": d.line if d.line is not None else r.line,
                "column": d.column,
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
            },
            ensure_ascii=False,
        )
    where = f" [row {r.row}: {rid}]" if r.row is not None else ""
    if fmt == "github":
        props = f"file={_gh_escape(r.source, True)},line={line},col={col},title={d.code}"
        return f"::{_GH_LEVEL.get(d.severity, 'notice')} {props}::{_gh_escape(d.message + where)}"
    return f"{r.source}:{line}:{col}: {d.code} {d.message}{where}"


def cmd_check(args: argparse.Namespace) -> int:
    """``cableparse check PATH...``."""
    shown = {"error", "warning"} | ({"info"} if args.info else set())
    files: set[str] = set()
    cables = errors = warnings = unreadable = 0
    out = sys.stdout
    for r in parse_many(_paths(args.paths), workers=args.workers, progress=args.progress):
        files.add(r.source)
        if r.cable is None:
            unreadable += 1
            _report_unreadable(r)
            if args.format == "json":
                out.write(json.dumps({"path": r.source, "error": r.error}, ensure_ascii=False) + "\n")
            elif args.format == "github":
                out.write(f"::error file={_gh_escape(r.source, True)}::{_gh_escape(r.error or '')}\n")
            continue
        cables += 1
        for d in r.cable.diagnostics:
            errors += d.severity == "error"
            warnings += d.severity == "warning"
            if d.severity in shown:
                out.write(_format_diag(args.format, r, d) + "\n")
    summary = {"files": len(files), "cables": cables, "errors": errors, "warnings": warnings, "unreadable": unreadable}
    if args.format == "json":
        out.write(json.dumps({"summary": summary}) + "\n")
    else:
        text = f"checked {_count(len(files), 'file')}, {_count(cables, 'cable')}: "
        text += f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
        if unreadable:
            text += f", {unreadable} unreadable"
        out.write(text + "\n")
    out.flush()
    if unreadable:
        return 2
    return 1 if errors or (args.strict and warnings) else 0


# ---------------------------------------------------------------------------- normalize


def _canonical_pairs(paths: list[Path]) -> Iterator[tuple[Path, Cable | None, str | None]]:
    """(path, cable, error) for each cable of each path; csv files give one item per row."""
    for path in iter_paths(paths):
        if path.suffix.lower() == ".csv":
            try:
                for row in iter_rows(path):
                    yield path, row.parse(), None
            except OSError as exc:
                yield path, None, f"{type(exc).__name__}: {exc}"
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield path, None, f"{type(exc).__name__}: {exc}"
            continue
        yield path, parse(data), None


def cmd_normalize(args: argparse.Namespace) -> int:
    """``cableparse normalize PATH...``."""
    paths = _paths(args.paths)
    failed = 0
    if args.check or args.write:
        changed = 0
        for path in iter_paths(paths):
            if path.suffix.lower() == ".csv":
                _err(f"{path}: a csv file holds many cables and is not rewritten; use -o FOLDER")
                failed += 1
                continue
            try:
                data = path.read_bytes()
            except OSError as exc:
                _err(f"{path}: {type(exc).__name__}: {exc}")
                failed += 1
                continue
            canonical = normalize(data)
            try:
                same = data.decode("utf-8") == canonical
            except UnicodeDecodeError:
                same = False
            if same:
                continue
            changed += 1
            if args.check:
                print(path, flush=True)
            else:
                write_atomic(path, canonical.encode("utf-8"))
                print(f"normalized {path}", flush=True)
        if failed:
            return 2
        if args.check and changed:
            _err(f"{_count(changed, 'file')} not in canonical form")
            return 1
        return 0
    if args.output and args.output != "-":
        target = Path(args.output)
        single = len(paths) == 1 and paths[0].is_file() and paths[0].suffix.lower() != ".csv"
        if single and not target.is_dir():
            text = normalize(paths[0].read_bytes())
            write_atomic(target, text.encode("utf-8"))
            return 0
        target.mkdir(parents=True, exist_ok=True)
        used: set[str] = set()
        for path, cable, error in _canonical_pairs(paths):
            if cable is None:
                _err(f"{path}: {error}")
                failed += 1
                continue
            stem = cable.header.reference_id or path.stem
            name, k = stem, 1
            while name in used:
                k += 1
                name = f"{stem}-{k}"
            used.add(name)
            write_atomic(target / f"{name}.txt", dumps(cable).encode("utf-8"))
        return 2 if failed else 0
    first = True
    for path, cable, error in _canonical_pairs(paths):
        if cable is None:
            _err(f"{path}: {error}")
            failed += 1
            continue
        if not first:
            sys.stdout.write("\n")
        first = False
        sys.stdout.write(dumps(cable))
    sys.stdout.flush()
    return 2 if failed else 0


# ---------------------------------------------------------------------------- main


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        _err(f"error: {message}")
        sys.exit(2)


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The command line's argument parser."""
    p = _Parser(
        prog=PROG,
        description="Parse, check and normalise US diplomatic cables (WikiLeaks Cablegate).",
        epilog="Run 'cableparse COMMAND --help' for a command's options.",
    )
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    s = sub.add_parser("show", help="a readable summary of one cable", description="A readable summary of one cable.")
    s.add_argument("file", metavar="FILE", help="a cable page, text file or cables.csv file")
    s.add_argument("--row", type=int, metavar="N", help="the row of a csv file to show (default: 1)")
    s.set_defaults(func=cmd_show)

    def batch_options(q: argparse.ArgumentParser) -> None:
        q.add_argument("--workers", type=_workers, metavar="N", help="parse in N processes (0: one per CPU)")
        q.add_argument("--progress", action="store_true", help="show a progress bar on stderr")

    s = sub.add_parser(
        "parse", help="cables to structured data", description="Parse cables to JSON, JSON Lines or Parquet."
    )
    s.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched for html/htm/txt/csv)")
    s.add_argument("--format", choices=("json", "jsonl", "parquet"), default="json", help="output format")
    s.add_argument("-o", "--output", metavar="OUT", help="output file (parquet: a folder); default stdout")
    batch_options(s)
    s.set_defaults(func=cmd_parse)

    s = sub.add_parser(
        "check",
        help="validate cables",
        description="Report the diagnostics of cables. Exit 0: no errors; 1: errors "
        "(with --strict, or warnings); 2: usage or I/O error.",
    )
    s.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched for html/htm/txt/csv)")
    s.add_argument("--strict", action="store_true", help="warnings fail the check too")
    s.add_argument("--format", choices=("text", "json", "github"), default="text", help="output format")
    s.add_argument("--info", action="store_true", help="list info diagnostics too")
    batch_options(s)
    s.set_defaults(func=cmd_check)

    s = sub.add_parser(
        "normalize",
        help="cables to canonical text",
        description="Write cables as canonical text (to stdout by default).",
    )
    s.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched for html/htm/txt/csv)")
    mode = s.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="list files not in canonical form; exit 1 if any")
    mode.add_argument("--write", action="store_true", help="rewrite files in place (atomically)")
    mode.add_argument("-o", "--output", metavar="OUT", help="write to OUT (a folder for several cables)")
    s.set_defaults(func=cmd_normalize)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.func(args)
        return status
    except UsageError as exc:
        _err(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        # the reader went away (| head): nothing more to say
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), sys.stdout.fileno())
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _err(f"error: {where}{exc.strerror or exc}")
        return 2
