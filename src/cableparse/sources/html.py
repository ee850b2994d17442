"""WikiLeaks cable pages as HTML.

The page has a metadata table ``<table class='cable'>`` whose cells are links, a title
``<h3>Viewing cable REFID, subject</h3>`` and two ``<code><pre>`` blocks: the routing
header and the cable text.  Inside the blocks newlines are written ``&#x000A;``, TAGS
are links and paragraphs carry ``¶`` anchors; all of that is WikiLeaks' markup, not
cable text, and is removed.  HTML is never evaluated: tags are dropped and the
standard character references decoded.
"""

from __future__ import annotations

import html as _html
import re

from ..diagnostics import Collector
from .base import Source, has_controls, unix_newlines, without_controls

__all__ = ["read"]

_TABLE_OPEN = "<table class='cable'>"
# a cell's text, inside its link when there is one (stripped by the caller)
_CELL_RE = re.compile(r"<td>(?:\s*<a [^>]*>)?([^<]*)<")
_TITLE_RE = re.compile(r"<h3>\s*Viewing cable\s+([^,<]*),\s*([^<]*)</h3>")
# an HTML tag (or comment, or an empty pair of brackets, read as an empty tag): a name of
# HTML's vocabulary, so that a cable's own angle brackets stay text (``<<Israel>>``,
# ``<<240168>>``, ``<1 percent``)
_TAG_NAMES = (
    "a|abbr|acronym|b|big|blockquote|body|br|center|cite|code|dd|del|div|dl|dt|em|font|"
    "h[1-6]|head|hr|html|i|img|ins|kbd|li|link|meta|nobr|ol|p|pre|s|script|small|span|strike|"
    "strong|style|sub|sup|table|tbody|td|tfoot|th|thead|title|tr|tt|u|ul|wbr"
)
_TAG = rf"</?(?i:{_TAG_NAMES})(?=[\s/>])[^<>]*>|<!--[^<>]*-->|<>"
_TAG_RE = re.compile(_TAG)
_FIELDS = ("reference_id", "created", "released", "classification", "origin")


# the character references of nearly every page: replaced directly when they are the only ones
_COMMON_REFS = (("&#x27;", "'"), ("&quot;", '"'), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"))


def _unescape(raw: str) -> str:
    """``html.unescape(raw)``, without its per-reference callback when only common ones occur."""
    out = raw
    for ref, char in _COMMON_REFS:
        if ref in out:
            out = out.replace(ref, char)
    if "&" not in out:
        return out
    if out.count("&") == out.count("&amp;"):
        return out.replace("&amp;", "&")
    return _REF_RE.sub(_one_ref, raw)


# a character reference: a numeric one, its semicolon left out or not (as browsers read
# it), or a named one closed by its semicolon: ``&pounding`` (the mangled opening quote
# of ``&pounding on the table8``) is text, not ``&pound`` and ``ing``, as
# ``html.unescape`` would read it
_REF_RE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{1,31};)")


def _one_ref(m: re.Match[str]) -> str:
    return _html.unescape(m.group())


def _block_text(raw: str) -> str:
    raw = raw.replace("&#x000A;", "\n").replace("&#x000a;", "\n").replace("\r\n", "\n")
    if "<" in raw:
        # the paragraph anchors' tags go with the others; their pilcrows below
        raw = _TAG_RE.sub("", raw)
    if "&" in raw:
        # (a carriage return written as a reference, ``&#13;``, ends a line, as one in
        # the text does)
        raw = unix_newlines(_unescape(raw))
    return raw.replace("\u00b6", "")


# a tag; a paragraph anchor with its pilcrow, unless the next character could end a
# ``&#x000A;`` begun before the anchor (the pilcrow then stays, see _block_lines)
_TAG_ANCHOR_RE = re.compile(rf"<a id='par[^'<>]*' href='#par[^'<>]*'>\u00b6</a>(?=[^#x0A;<])|{_TAG}")


def _block_lines(raw: str, diags: Collector) -> list[str]:
    """``without_controls(_block_text(raw), diags).split("\n")``, cheaper for the usual block.

    The usual block has no line break but the ``&#x000A;`` references and no other ``&``
    once its tags are gone: it is split at those references, and the text is checked
    once, joined.  Any other block takes the general way.
    """
    if "\n" not in raw and "\r" not in raw:
        # the pilcrows taken with their anchors before the references are decoded: the
        # same text as long as no ``&`` is left (nor a pilcrow, where one was kept)
        lines = (_TAG_ANCHOR_RE.sub("", raw) if "<" in raw else raw).split("&#x000A;")
        flat = "".join(lines)
        if "&" not in flat and "\u00b6" not in flat:
            if has_controls(flat):
                return without_controls("\n".join(lines), diags).split("\n")
            return lines
    return without_controls(_block_text(raw), diags).split("\n")


def _pre_blocks(page: str, start: int) -> list[tuple[int, str]]:
    """(start offset, inner text) of each <pre> block from ``start`` on, in order."""
    blocks: list[tuple[int, str]] = []
    lower = page
    if page.find("<pre", start) < 0:
        if "<PRE" not in page and "<Pre" not in page:
            return blocks
        lower = page.lower()
    pos = start
    while True:
        begin = lower.find("<pre", pos)
        if begin < 0:
            return blocks
        gt = page.find(">", begin)
        if gt < 0:
            return blocks
        end = lower.find("</pre>", gt)
        if end < 0:
            end = len(page)
        blocks.append((begin, page[gt + 1 : end]))
        pos = end + 6


def read(page: str, diags: Collector) -> Source:
    """Read a WikiLeaks cable page."""
    src = Source("html")
    # (searched from the end: the table follows some 58 KB of the site's navigation, and a
    # page has one)
    t0 = page.rfind(_TABLE_OPEN)
    after = 0
    if t0 >= 0:
        t1 = page.find("</table>", t0)
        after = t1 if t1 > 0 else t0
        raw = [_html.unescape(c) for c in _CELL_RE.findall(page, t0, t1 if t1 > 0 else len(page))]
        if has_controls("".join(raw)):
            # (as in the cable text: canonical text reads a control character as a space)
            raw = [without_controls(c, diags) for c in raw]
        # (whitespace folded: a value is one line, as canonical text writes it)
        cells = [" ".join(c.split()) for c in raw]
        if len(cells) == 4:
            cells = [cells[0], cells[1], "", cells[2], cells[3]]
        if len(cells) >= 5:
            for name, value in zip(_FIELDS, cells[:5], strict=True):
                if value:
                    src.metadata[name] = value
        else:
            diags.add("CP011", f"the metadata table has {len(cells)} cells, not 5")
    h3 = page.rfind("<h3>", 0, t0) if t0 > 0 else page.find("<h3>")
    m = _TITLE_RE.match(page, h3) if h3 >= 0 else None
    if m is None and h3 >= 0:
        m = _TITLE_RE.search(page)
    if m:
        src.title = _html.unescape(m.group(2)).strip()
        # (control characters read as spaces, as in the cells and the text)
        title_id = " ".join(without_controls(m.group(1), diags).split())
        if "reference_id" not in src.metadata and title_id:
            src.metadata["reference_id"] = title_id
    blocks = _pre_blocks(page, after)
    if not blocks and after:
        blocks = _pre_blocks(page, 0)
    if not blocks:
        diags.add("CP010", "no <pre> block: the page's text is read with its tags removed")
        body = page
        b = page.find("<body")
        if b >= 0:
            body = page[b:]
        src.text = without_controls(_block_text(body), diags).split("\n")
        return src
    if len(blocks) == 1:
        src.text = _block_lines(blocks[0][1], diags)
        return src
    if len(blocks) > 2:
        diags.add("CP010", f"{len(blocks)} <pre> blocks: the first is the routing header, the rest the text")
    src.routing = _block_lines(blocks[0][1], diags)
    src.text_start = len(src.routing)
    if len(blocks) == 2:
        src.text = _block_lines(blocks[1][1], diags)
    else:
        text = "\n".join(_block_text(b[1]) for b in blocks[1:])
        src.text = without_controls(text, diags).split("\n")
    return src
