"""The citation graph (cableparse.citations)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import cableparse
from cableparse import Cable, Citation, Header, Reference, citations

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _cable(rid: str | None, *refs: Reference, created: dt.datetime | None = None) -> Cable:
    return Cable(header=Header(reference_id=rid, created=created, references=refs))


def test_edges_with_letters_and_canonical_ids() -> None:
    cable = _cable(
        "08ECTION01OF02MANAMA492",
        Reference("A", "STATE 1234"),
        Reference("B", "MANAMA 400/401"),
        Reference("C", "LAKHDHIR E-MAIL 12/01/09"),
        Reference(None, "SECSTATE 99"),
    )
    assert list(citations([cable])) == [
        Citation("08MANAMA492", "08STATE1234", "A"),
        Citation("08MANAMA492", "08MANAMA400", "B"),
        Citation("08MANAMA492", "08MANAMA401", "B"),
        Citation("08MANAMA492", "08STATE99", None),
    ]


def test_self_reference_and_missing_ids_skipped() -> None:
    assert list(citations([_cable(None, Reference("A", "STATE 1"))])) == []
    cable = _cable("08TRIPOLI402", Reference(None, "TRIPOLI 402"), Reference("A", "TRIPOLI 400"))
    assert [c.cited for c in citations([cable])] == ["08TRIPOLI400"]


def test_falls_back_to_cable_id() -> None:
    cable = _cable("08PARIS1", Reference("A", "", cable_id="07SOIA828"))
    assert list(citations([cable])) == [Citation("08PARIS1", "07SOFIA828", "A")]


def test_year_inferred_from_created() -> None:
    cable = _cable("08PARIS300", Reference("A", "STATE 202745"), created=dt.datetime(2008, 3, 4, tzinfo=dt.UTC))
    assert [c.cited for c in citations([cable])] == ["07STATE202745"]


def test_citation_is_frozen() -> None:
    edge = Citation("08PARIS1", "08STATE2", "A")
    with pytest.raises(AttributeError):
        edge.cited = "x"  # type: ignore[misc]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_corpus_series_cites_itself() -> None:
    pages = sorted(CORPUS.rglob("08PARIS1568.html"))
    cable = cableparse.parse(pages[0].read_text(encoding="utf-8"))
    edges = list(citations([cable]))
    assert edges and all(e.citing == "08PARIS1568" for e in edges)
