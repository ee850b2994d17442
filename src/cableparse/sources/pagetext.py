"""Text copies of WikiLeaks cable pages (a browser's "save as text", copy and paste).

The site's chrome comes first; the metadata table is flattened to one line
(``07PHNOMPENH350 2007-03-05 01:15 2011-07-11 00:00 UNCLASSIFIED//FOR OFFICIAL USE ONLY
Embassy Phnom Penh``); the routing header and the cable text follow with no blank line
between them.  Classification and origin both hold spaces; the closed vocabulary of
classifications splits them.
"""

from __future__ import annotations

import re

from ..diagnostics import Collector
from ..parser.routing import is_routing_start
from .base import Source

__all__ = ["CLASSIFICATIONS", "METADATA_LINE_RE", "is_page_copy", "read"]

#: the metadata's classification values (the closed vocabulary that splits a page copy's
#: flattened metadata line, and that a text file's fourth line holds)
CLASSIFICATIONS = (
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "CONFIDENTIAL//NOFORN",
    "SECRET//NOFORN",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
)
_STAMP = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"
METADATA_LINE_RE = re.compile(
    rf"(\w+)\s+({_STAMP})\s+(?:({_STAMP})\s+)?({'|'.join(re.escape(c) for c in CLASSIFICATIONS)})\s+(\S.*?)\s*$"
)
_SEARCH_LINES = 400


def _opens_routing(text: str) -> bool:
    """True when the first line of ``text`` that is not blank opens a routing header."""
    head = text[:240].lstrip()
    return is_routing_start(head[: head.find("\n")] if "\n" in head else head)


def read(text: str, diags: Collector) -> Source | None:
    """Read a page text copy, or return None when ``text`` is not one.  (A text that opens
    with a routing header is bare cable text: a copy opens with the site's words.)"""
    if _opens_routing(text) or text.find("Reference", 0, 100000) < 0:
        return None
    lines = text.split("\n")
    for i, line in enumerate(lines[:_SEARCH_LINES]):
        # (the table's header line with its whitespace folded, as for the metadata line)
        if not line.lstrip().startswith("Reference") or not " ".join(line.split()).startswith("Reference ID"):
            continue
        if i + 1 < len(lines):
            # (whitespace folded: a value is one line with single spaces, as a page's cells
            # and canonical text have it)
            m = METADATA_LINE_RE.match(" ".join(lines[i + 1].split()))
            if m:
                src = Source("page-text")
                rid, created, released, cls, origin = m.groups()
                src.metadata = {"reference_id": rid, "created": created, "classification": cls, "origin": origin}
                if released:
                    src.metadata["released"] = released
                src.text = lines[i + 2 :]
                src.text_start = i + 2
                for chrome in lines[:i]:
                    if chrome.startswith("Viewing cable ") and "," in chrome:
                        src.title = chrome.split(",", 1)[1].strip()
                return src
            diags.add("CP011", "the line after the table header is not a metadata line", line=i + 1)
    return None


def is_page_copy(text: str) -> bool:
    """True when ``text`` is read as a page text copy (it holds the metadata table's lines)."""
    return read(text, Collector()) is not None
