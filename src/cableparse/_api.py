"""The entry points: :func:`parse`, :func:`normalize`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from .diagnostics import CableParseError, Collector
from .models import Cable, Diagnostic, Header, UnplacedLine

if TYPE_CHECKING:
    from .sources import Source

__all__ = ["DEFAULT_MAX_BYTES", "normalize", "parse"]

#: inputs larger than this are not parsed (an error diagnostic says so)
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def _decode(data: bytes, diags: Collector) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        diags.add("CP002", f"bytes that are not UTF-8 (first at byte {exc.start}) were replaced")
        return data.decode("utf-8", errors="replace")


_Machinery = tuple[Callable[["Source", Collector], Cable], Callable[[str, Collector], "Source"], Callable[[str], str]]


@functools.cache
def _machinery() -> _Machinery:
    """The parser and the readers, loaded on the first parse so that ``import cableparse``
    stays quick (and then kept: an import statement costs on every call)."""
    from .parser import build_cable
    from .sources import read_source
    from .sources.base import unix_newlines

    return build_cable, read_source, unix_newlines


def parse(source: str | bytes, *, strict: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Cable:
    """Parse one cable in any of the forms cableparse reads.

    ``source`` is a WikiLeaks cable page (HTML), a text copy of one, bare cable text,
    or canonical text from :func:`dumps`; ``bytes`` are read as UTF-8.  The form is
    detected.  Parsing never raises in the default lenient mode: what the parser cannot
    understand is reported in ``Cable.diagnostics``.  With ``strict=True`` a
    :class:`CableParseError` carrying every diagnostic is raised when any has severity
    ``"error"``.  Inputs over ``max_bytes`` are not parsed; the cable returned carries an
    error diagnostic.

    >>> cable = parse("UNCLAS STATE 000123\\n\\nSUBJECT: TEST\\n\\n1. (U) Hello.\\n\\nCLINTON\\n")
    >>> cable.header.subject, cable.paragraphs[0].marking, cable.signature
    ('TEST', 'U', 'CLINTON')
    """
    diags = Collector()
    size = len(source) if isinstance(source, bytes) else len(source) * (1 if source.isascii() else 4)
    if size > max_bytes and (isinstance(source, bytes) or len(source.encode("utf-8", "replace")) > max_bytes):
        diags.add("CP003", f"the input has more than {max_bytes} bytes")
        cable = Cable(diagnostics=tuple(diags.items))
    else:
        build_cable, read_source, unix_newlines = _machinery()
        if isinstance(source, bytes):
            text = _decode(source, diags)
        elif isinstance(source, str):
            text = source
        else:
            raise TypeError(f"parse() takes str or bytes, not {type(source).__name__}")
        if text.startswith("\ufeff"):
            text = text[1:]
        text = unix_newlines(text)
        if not text or text.isspace():
            diags.add("CP001")
            cable = Cable(diagnostics=tuple(diags.items))
        else:
            try:
                cable = build_cable(read_source(text, diags), diags)
            except Exception as exc:  # noqa: BLE001 - the lenient parser never raises; keep the text
                diags.items.append(
                    Diagnostic(
                        "CP999", "error", f"internal parser error ({type(exc).__name__}: {exc}); text kept unplaced"
                    )
                )
                kept = tuple(UnplacedLine(k + 1, t) for k, t in enumerate(text.split("\n")) if t.strip())
                cable = Cable(header=Header(), unplaced=kept, diagnostics=tuple(diags.items))
    if strict and any(d.severity == "error" for d in cable.diagnostics):
        raise CableParseError(cable.diagnostics, cable.header.reference_id)
    return cable


def normalize(text: str | bytes) -> str:
    """Canonical text of a cable: ``dumps(parse(text))``.  Idempotent."""
    from .serializer import dumps

    return dumps(parse(text))
