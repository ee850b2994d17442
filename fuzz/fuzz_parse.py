"""Coverage-guided fuzzing of :func:`cableparse.parse` with atheris.

Each input is parsed twice, as ``bytes`` (UTF-8 decoding, invalid bytes, BOM) and as
``str`` (the bytes read as Latin-1, so every code point up to U+00FF, ``\\x85`` and the
C0/C1 controls included).  A crash is any exception, a ``CP999`` diagnostic (an
internal parser error caught by the lenient mode), or a cable without errors whose
canonical text is not a fixed point of :func:`cableparse.normalize`.

See ``fuzz/README.md`` for the command.
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["cableparse"]):
    import cableparse

    # the parser, the readers and the serializer load on the first parse or dumps: they
    # are loaded here, inside the block, so that their code is instrumented for coverage
    cableparse.normalize(cableparse.dumps(cableparse.parse("UNCLAS STATE 000001\n\n1. (U) Text.\n")))
    cableparse.parse("<html><pre>x</pre></html>")


#: ``CABLEPARSE_FUZZ_IDEMPOTENCE=0`` checks only exceptions and CP999 (for long runs while
#: a known idempotence bug is open)
CHECK_IDEMPOTENCE = os.environ.get("CABLEPARSE_FUZZ_IDEMPOTENCE", "1") != "0"


#: open bugs, each a predicate on the decoded input, so that a long run goes on finding
#: new ones; delete an entry once its bug is fixed (``CABLEPARSE_FUZZ_KNOWN=0`` skips none).
#: Example (fixed since): ``"superscript serial": lambda t: any(c.isdigit() and not c.isdecimal() for c in t)``
#: for ``UNCLAS \u00b9`` -> CP999 (str.isdigit() is true for superscripts, int() failed).
KNOWN_BUGS: dict[str, Callable[[str], bool]] = {}
SKIP_KNOWN = os.environ.get("CABLEPARSE_FUZZ_KNOWN", "1") != "0"
skipped: dict[str, int] = dict.fromkeys(KNOWN_BUGS, 0)


def _known(source: str | bytes) -> bool:
    if not SKIP_KNOWN:
        return False
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    for name, predicate in KNOWN_BUGS.items():
        if predicate(text):
            skipped[name] += 1
            return True
    return False


def check(source: str | bytes) -> None:
    """Parse ``source`` leniently and check the invariants (raises AssertionError)."""
    if _known(source):
        return
    cable = cableparse.parse(source)
    internal = [d for d in cable.diagnostics if d.code == "CP999"]
    if internal:
        raise AssertionError(f"CP999 for {source!r:.200}: {internal[0].message}")
    if cable.errors or not CHECK_IDEMPOTENCE:
        return
    once = cableparse.dumps(cable)
    twice = cableparse.normalize(once)
    if twice != once:
        raise AssertionError(f"normalize is not idempotent for {source!r:.200}")


def test_one_input(data: bytes) -> None:
    """The atheris entry point."""
    check(data)
    check(data.decode("latin-1"))


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def write_seeds(dest: Path, size: int = 1024) -> int:
    """Cut every file under ``fixtures/`` into pieces of about ``size`` bytes at line ends.

    libFuzzer truncates seeds to ``-max_len``; cutting the pages gives seeds from every
    part of a cable (routing header, header fields, body, page breaks, signature) rather
    than only the first kilobyte of each page.  Returns the number of seeds written.
    """
    dest.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(p for p in FIXTURES.rglob("*") if p.is_file()):
        data = path.read_bytes()
        (dest / f"{path.name}.head").write_bytes(data[:size])
        start = 0
        while start < len(data):
            end = data.rfind(b"\n", start, start + size) + 1 if start + size < len(data) else len(data)
            if end <= start:
                end = min(start + size, len(data))
            (dest / f"{path.name}.{count:05d}").write_bytes(data[start:end])
            count += 1
            start = end
    return count


def main() -> None:
    """Run the fuzzer with libFuzzer's command line (``-atheris_runs=N``, corpus dirs).

    ``--make-seeds DIR`` writes the seed pieces of ``fixtures/`` into ``DIR`` and exits.
    """
    if len(sys.argv) == 3 and sys.argv[1] == "--make-seeds":
        print(write_seeds(Path(sys.argv[2])), "seeds written")
        return
    atexit.register(lambda: print("skipped inputs of known bugs:", skipped, file=sys.stderr))
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
