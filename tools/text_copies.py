"""Text copies of WikiLeaks cable pages, as the usual tools make them from the HTML.

:func:`text_of` takes a page's markup out the way BeautifulSoup's ``get_text()`` does
(lxml's ``text_content()`` gives the same): every piece of text outside the scripts and
styles, as written, character references decoded.  Its ``style`` picks what goes between
the pieces: nothing (``"text"``), a space (``"spaced"``, ``get_text(" ")``), or a newline
with each piece stripped and the empty ones left out (``"pieces"``, ``get_text("\\n",
strip=True)``).  The tests and ``tools/mutate_corpus.py --text-copies`` read such copies.
"""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["STYLES", "text_of"]

#: the styles of :func:`text_of`: what goes between the pieces, and whether each is stripped
STYLES = {"text": ("", False), "spaced": (" ", False), "pieces": ("\n", True)}


class _Text(HTMLParser):
    """The pieces of text of a page, outside its scripts and styles, as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def text_of(page: str, style: str = "text") -> str:
    """The text of ``page`` with its markup taken out, in one of :data:`STYLES`."""
    separator, strip = STYLES[style]
    parser = _Text()
    parser.feed(page)
    parser.close()
    if strip:
        return separator.join(part.strip() for part in parser.parts if part.strip())
    return separator.join(parser.parts)
