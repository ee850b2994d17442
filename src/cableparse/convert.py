"""Cables to and from JSON-ready dictionaries (cattrs).

Datetimes become ISO 8601 strings (``2007-03-05T01:15:00+00:00``), dates
``YYYY-MM-DD``, tuples lists.  ``from_dict(to_dict(c)) == c``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from cattrs.preconf.json import make_converter

from .models import Cable

__all__ = ["converter", "from_dict", "to_dict"]

#: the converter used by :func:`to_dict` and :func:`from_dict`
converter = make_converter()
converter.register_unstructure_hook(_dt.datetime, lambda d: d.isoformat())
converter.register_structure_hook(_dt.datetime, lambda v, _t: _dt.datetime.fromisoformat(v))
converter.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
converter.register_structure_hook(_dt.date, lambda v, _t: _dt.date.fromisoformat(v))


def to_dict(cable: Cable) -> dict[str, Any]:
    """``cable`` as a dictionary of JSON types."""
    result: dict[str, Any] = converter.unstructure(cable)
    return result


def from_dict(data: dict[str, Any]) -> Cable:
    """The :class:`Cable` that :func:`to_dict` gave ``data`` for."""
    return converter.structure(data, Cable)
