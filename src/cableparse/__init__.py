"""cableparse: US diplomatic cables (Cablegate) as typed Python objects.

>>> import cableparse
>>> cable = cableparse.parse("UNCLAS PHNOM PENH 000350\\n\\nTAGS: PHUM, CB\\nSUBJECT: TIP REPORT\\n\\n1. (U) Text.\\n")
>>> cable.header.tags
('PHUM', 'CB')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._api import DEFAULT_MAX_BYTES, normalize, parse
from .diagnostics import CODES, CableParseError
from .models import (
    Addressee,
    Cable,
    ClassificationLine,
    ClassifiedBy,
    Diagnostic,
    ExecutiveOrder,
    Header,
    PageBreak,
    Paragraph,
    Reference,
    Routing,
    UnplacedLine,
)

if TYPE_CHECKING:
    from .batch import parse_many
    from .citations import Citation, citations
    from .convert import from_dict, to_dict
    from .csvio import read_csv
    from .ids import (
        canonical_id,
        canonical_tags,
        classify_reference,
        reference_id_parts,
        routing_indicator_name,
        station_for_origin,
        station_words,
    )
    from .serializer import dumps

__version__ = "0.1.0"

# names whose modules load on first use, so that ``import cableparse`` stays quick
_LAZY = {
    "canonical_id": "ids",
    "canonical_tags": "ids",
    "classify_reference": "ids",
    "reference_id_parts": "ids",
    "routing_indicator_name": "ids",
    "station_for_origin": "ids",
    "station_words": "ids",
    "Citation": "citations",
    "citations": "citations",
    "dumps": "serializer",
    "from_dict": "convert",
    "parse_many": "batch",
    "read_csv": "csvio",
    "to_dict": "convert",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cableparse' has no attribute {name!r}")
    loaded = importlib.import_module(f".{module}", __name__)
    # bind every lazy name of that module now: importing a submodule sets the package
    # attribute of the same name (cableparse.citations), which must stay the function
    for other, where in _LAZY.items():
        if where == module:
            globals()[other] = getattr(loaded, other)
    return globals()[name]


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "CODES",
    "DEFAULT_MAX_BYTES",
    "Addressee",
    "Cable",
    "CableParseError",
    "Citation",
    "ClassificationLine",
    "ClassifiedBy",
    "Diagnostic",
    "ExecutiveOrder",
    "Header",
    "PageBreak",
    "Paragraph",
    "Reference",
    "Routing",
    "UnplacedLine",
    "__version__",
    "canonical_id",
    "canonical_tags",
    "citations",
    "classify_reference",
    "dumps",
    "from_dict",
    "normalize",
    "parse",
    "parse_many",
    "read_csv",
    "reference_id_parts",
    "routing_indicator_name",
    "station_for_origin",
    "station_words",
    "to_dict",
]
