"""Detection of the input form and the common :class:`Source` record."""

from __future__ import annotations

from ..diagnostics import Collector

__all__ = ["Source", "read_source"]


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


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype", "<html", "<?xml")):
        return True
    if text.find("<pre>", 0, 200000) < 0:
        return False
    return "<table class=" in head or "<body" in head or text.find("&#x000", 0, 200000) >= 0


def read_source(text: str, diags: Collector) -> Source:
    """Detect the form of ``text`` and extract it into a :class:`Source`."""
    from . import canonical, html, pagetext

    if _looks_like_html(text):
        return html.read(text, diags)
    src = canonical.read(text, diags)
    if src is not None:
        return src
    src = pagetext.read(text, diags)
    if src is not None:
        return src
    bare = Source("text")
    bare.text = text.split("\n")
    return bare
