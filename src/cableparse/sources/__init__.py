"""Input forms: detection and extraction of metadata and cable text.

Each form is read into a :class:`Source`: the metadata values as strings, the routing
header lines (when the form separates them) and the cable text lines, each block with
the line number it starts at in the input.
"""

from __future__ import annotations

from .base import Source, read_source

__all__ = ["Source", "read_source"]
