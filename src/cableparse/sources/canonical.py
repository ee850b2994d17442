"""The canonical text that :func:`cableparse.dumps` writes.

It opens with the metadata as ``Field: value`` lines, one blank line, then the routing
header (when there is one) and one blank line, then the cable text.  A cable without
metadata but with a routing header or a preamble opens with a bare ``Reference ID:``
line, so that the blocks are read back where they were written.
"""

from __future__ import annotations

from ..diagnostics import Collector
from ..parser.routing import is_routing_start
from .base import Source

__all__ = ["FIELD_NAMES", "read"]

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
_STARTS = tuple(_BY_LABEL)


def read(text: str, diags: Collector) -> Source | None:
    """Read canonical text, or return None when ``text`` does not open with metadata."""
    if not text.startswith(_STARTS):
        return None
    lines = text.split("\n")
    src = Source("canonical")
    i = 0
    while i < len(lines):
        line = lines[i]
        label, sep, value = line.partition(": ")
        name = _BY_LABEL.get(label + ":") if sep else _BY_LABEL.get(line.rstrip())
        if name is None:
            break
        if value.strip():
            src.metadata[name] = value.strip()
        i += 1
    if i < len(lines) and not lines[i].strip():
        i += 1
    # the routing header, when there is one, is the next block up to a blank line
    if i < len(lines) and is_routing_start(lines[i]):
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        src.routing = lines[i:j]
        src.routing_start = i
        i = j
    src.text = lines[i:]
    src.text_start = i
    return src
