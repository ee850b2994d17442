"""Detection of the input form and the common :class:`Source` record."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..diagnostics import Collector

__all__ = [
    "Source",
    "has_controls",
    "holds_anchors",
    "looks_like_html",
    "read_source",
    "unix_newlines",
    "without_anchors",
    "without_controls",
]

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_CHARS = (*map(chr, range(0x09)), "\x0b", *map(chr, range(0x0E, 0x20)), "\x7f")


def unix_newlines(text: str) -> str:
    """``text`` with its CR LF and lone CR line ends as LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def has_controls(text: str) -> bool:
    """True when ``text`` holds a C0 control character (but tab, newline, form feed, CR) or DEL."""
    # one memchr scan per character beats any per-character loop (regex, translate); a
    # generator costs more per step than the loop
    for char in _CONTROL_CHARS:  # noqa: SIM110
        if char in text:
            return True
    return False


def without_controls(text: str, diags: Collector) -> str:
    """``text`` with C0 control characters (but tab, newline, form feed, CR) and DEL as spaces (CP004)."""
    if not has_controls(text):
        return text
    m = _CONTROL_RE.search(text)
    if m is None:
        return text
    diags.add("CP004", f"control character U+{ord(m.group()):04X} (and any others) kept as a space")
    return _CONTROL_RE.sub(" ", text)


#: the glyph of WikiLeaks' paragraph anchors (``<a id='par1' href='#par1'>¶</a>1. (C)``),
#: which a text copy of a page keeps before each paragraph number
_ANCHOR = "\u00b6"
# (before a paragraph number, or a lettered item's letter and its period, which the site
# anchored too: ``¶B. MADRID 919`` in a REF list, with a space after it that a copy put
# between the pieces of the page's text; or alone on its line above one, where the copy put
# each piece on a line of its own: the line is left blank)
_ANCHOR_RE = re.compile(r"^([^\S\n]*+)\u00b6(?:[^\S\n]?+(?=\d|[A-Z]\.)|(?=[^\S\n]*+\n[^\S\n]*+(?:\d|[A-Z]\.)))", re.M)


def holds_anchors(text: str) -> bool:
    """True when ``text`` holds a pilcrow that :func:`without_anchors` takes out (canonical
    text that holds one is marked as such: it is read as written)."""
    return _ANCHOR in text and _ANCHOR_RE.search(text) is not None


def without_anchors(text: str) -> str:
    """``text`` without the pilcrows of WikiLeaks' paragraph anchors that a text copy of a
    page keeps at the start of a line, before a paragraph number (``¶1.  (C) ...``) or a
    lettered item (``¶B. MADRID 919``), or alone on the line above one (the line is left
    blank): the site's markup, as the page reader drops it, not the cable's (its teletype
    text has no such character).  A pilcrow anywhere else stays."""
    return _ANCHOR_RE.sub(r"\1", text)


class Source:
    """What a source reader extracts from one input.

    ``metadata`` maps ``reference_id``, ``created``, ``released``, ``classification`` and
    ``origin`` to their raw strings; ``routing`` is the list of routing header lines when
    the form keeps them apart (``None`` when the parser must find the split itself);
    ``text`` the cable text lines; ``routing_start`` and ``text_start`` the 0-based input
    line of each block's first line.
    """

    __slots__ = ("form", "metadata", "routing", "routing_start", "text", "text_start", "title")

    def __init__(self, form: str) -> None:
        self.form = form
        self.metadata: dict[str, str] = {}
        self.routing: list[str] | None = None
        self.routing_start = 0
        self.text: list[str] = []
        self.text_start = 0
        self.title: str | None = None


def looks_like_html(text: str) -> bool:
    """True when ``text`` is read as a web page (HTML), not as text."""
    if text.startswith(("<?xml", "<!DOCTYPE", "<html")):
        return True  # (the usual page: no copy of its head)
    if text.find("<", 0, 200000) < 0:
        return False
    head = text[:4096].lstrip()
    if head[:9].lower().startswith(("<!doctype", "<html", "<?xml")):
        return True
    head = head.lower()
    if text.find("<pre>", 0, 200000) < 0:
        return False
    return "<table class=" in head or "<body" in head or text.find("&#x000", 0, 200000) >= 0


_Reader = Callable[[str, Collector], "Source | None"]


@functools.cache
def _readers() -> tuple[Callable[[str, Collector], Source], _Reader, _Reader, _Reader]:
    """The readers of HTML pages, canonical text, page text copies and cables' text
    files, loaded on the first read (they import the parser's routing module) and then
    kept."""
    from . import canonical, html, pagetext, textfile

    return html.read, canonical.read, pagetext.read, textfile.read


@functools.cache
def _canonical_labels() -> tuple[str, ...]:
    """The metadata labels that canonical text opens with."""
    from .canonical import LABELS

    return LABELS


def read_source(text: str, diags: Collector) -> Source:
    """Detect the form of ``text`` and extract it into a :class:`Source`."""
    read_html, read_canonical, read_pagetext, read_textfile = _readers()
    # (canonical text opens with a metadata line, which no page does, whatever follows)
    if looks_like_html(text) and not text.startswith(_canonical_labels()):
        return read_html(text, diags)
    text = without_controls(text, diags)
    src = read_canonical(text, diags)
    if src is not None:
        return src
    if _ANCHOR in text:
        text = without_anchors(text)
    src = read_textfile(text, diags)
    if src is None:
        src = read_pagetext(text, diags)
    if src is not None:
        return src
    bare = Source("text")
    bare.text = text.split("\n")
    return bare
