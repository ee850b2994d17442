"""cableparse: US diplomatic cables (Cablegate) as typed Python objects.

>>> import cableparse
>>> cable = cableparse.parse("UNCLAS PHNOM PENH 000350\\n\\nTAGS: PHUM, CB\\nSUBJECT: TIP REPORT\\n\\n1. (U) Text.\\n")
>>> cable.header.tags
('PHUM', 'CB')
"""

from __future__ import annotations

from ._api import DEFAULT_MAX_BYTES, normalize, parse
from .batch import parse_many
from .convert import from_dict, to_dict
from .csvio import read_csv
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
from .serializer import dumps

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "DEFAULT_MAX_BYTES",
    "Addressee",
    "Cable",
    "CableParseError",
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
    "dumps",
    "from_dict",
    "normalize",
    "parse",
    "parse_many",
    "read_csv",
    "to_dict",
]
