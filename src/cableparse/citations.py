"""The citation graph of a collection of cables: who cites whom in the REF lines.

>>> from cableparse import Cable, Header, Reference
>>> refs = (Reference("A", "STATE 1234"), Reference("B", "PHNOM PENH 200/198"))
>>> cable = Cable(header=Header(reference_id="07PHNOMPENH350", references=refs))
>>> [(c.cited, c.letter) for c in citations([cable])]
[('07STATE1234', 'A'), ('07PHNOMPENH200', 'B'), ('07PHNOMPENH198', 'B')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from attrs import frozen

from .ids import canonical_id, reference_cable_ids
from .models import Cable

__all__ = ["Citation", "citations"]


@frozen
class Citation:
    """One edge of the citation graph: cable ``citing`` cites cable ``cited`` in the REF
    item ``letter`` (``None`` for an unlettered item).  Both ids are canonical
    (:func:`cableparse.canonical_id`)."""

    citing: str
    cited: str
    letter: str | None = None


def citations(cables: Iterable[Cable]) -> Iterator[Citation]:
    """The citations of ``cables``: one per cable id named in each REF item.

    The cited ids come from :func:`cableparse.ids.reference_cable_ids` on each
    ``Reference.text`` (so ``Kabul 692/317`` gives two edges), with the citing cable's
    year, Created date and id; an item without text falls back to its ``cable_id``.
    Cables without a reference id are skipped, and a cable never cites itself.  An edge
    is given once per citing cable, cited id and letter.
    """
    for cable in cables:
        header = cable.header
        if not header.reference_id:
            continue
        citing = canonical_id(header.reference_id)
        year = citing[:2] if citing[:2].isdigit() else None
        created = header.created.date() if header.created is not None else None
        seen: set[tuple[str, str | None]] = set()
        for ref in header.references:
            if ref.text:
                cited: tuple[str, ...] = reference_cable_ids(ref.text, year, created, citing)
            else:
                cited = (canonical_id(ref.cable_id),) if ref.cable_id else ()
            for cid in cited:
                if cid == citing or (cid, ref.letter) in seen:
                    continue
                seen.add((cid, ref.letter))
                yield Citation(citing, cid, ref.letter)
