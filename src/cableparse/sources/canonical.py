"""The canonical text that :func:`cableparse.dumps` writes.

It opens with the metadata as ``Field: value`` lines, one blank line, then the routing
header (when there is one) and one blank line, then the cable text.  Two blank lines
under the metadata say that there is no routing header, though the text below opens
like one.  A cable without
metadata but with a routing header or a preamble opens with a bare ``Reference ID:``
line, so that the blocks are read back where they were written.
"""

from __future__ import annotations

from ..diagnostics import Collector
from ..parser.routing import is_de_line, is_prosign_line, is_routing_start
from .base import Source

__all__ = ["FIELD_NAMES", "LABELS", "opens_routing_block", "read"]

#: metadata field -> the label canonical text writes
FIELD_NAMES = {
    "reference_id": "Reference ID",
    "created": "Created",
    "released": "Released",
    "classification": "Classification",
    "origin": "Origin",
    "referenced_ids": "Referenced IDs",
}
_BY_LABEL = {label + ":": name for name, label in FIELD_NAMES.items()}
#: the metadata lines' openings (``Reference ID:`` ...)
LABELS = tuple(_BY_LABEL)


def opens_routing_block(line: str) -> bool:
    """True when ``line``, the first under the metadata, opens canonical text's routing
    header: a format line, or the sender or addressees of a header that has no other, or
    its originator's line however short, or a prosign line without routing indicators."""
    return (
        is_routing_start(line)
        or line.startswith(("TO ", "INFO "))
        or line in ("TO", "INFO")
        or is_de_line(line)
        or is_prosign_line(line)
    )


def read(text: str, diags: Collector) -> Source | None:
    """Read canonical text, or return None when ``text`` does not open with metadata."""
    if not text.startswith(LABELS):
        return None
    lines = text.split("\n")
    src = Source("canonical")
    i = 0
    seen: set[str] = set()
    while i < len(lines):
        line = lines[i]
        label, sep, value = line.partition(": ")
        name = _BY_LABEL.get(label + ":") if sep else _BY_LABEL.get(line.rstrip())
        if name is None or name in seen:
            # (a label again is text: canonical text writes each once)
            break
        seen.add(name)
        if value.strip():
            src.metadata[name] = value.strip()
        i += 1
    if i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and not lines[i].strip():
        # a second blank line: no routing header, whatever the next lines look like
        src.routing = []
        i += 1
    # the routing header, when there is one, is the next block up to a blank line
    elif i < len(lines) and opens_routing_block(lines[i]):
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        src.routing = lines[i:j]
        src.routing_start = i
        i = j
    src.text = lines[i:]
    src.text_start = i
    return src
