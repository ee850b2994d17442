"""Text copies of cable pages read as the pages themselves.

A text copy is what a browser's "save as text" gives (the seed page), or the text of the
page's HTML with its markup taken out, as BeautifulSoup's ``get_text()`` and lxml's
``text_content()`` give it: the metadata table one cell a line, blank lines between the
cells, the site's list of articles below it, then the two blocks of the page, and the
pilcrows of the paragraph anchors before the numbers and lettered items.  Pieces of text
each on a line of their own (``get_text("\\n", strip=True)``) put the anchors' pilcrows
and the TAGS links on lines of their own too.  Such a copy,
and the bare text of the page's two blocks, read as the page does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from text_copies import STYLES, text_of

import cableparse
from cableparse import Cable
from conftest import FIXTURE_PAGES, parsed_page, read_page


def _reading(cable: Cable, metadata: bool = True, folded: bool = False) -> dict[str, Any]:
    """What a reader of the cable looks at (the REF items' texts: what they cite depends
    on the metadata's date, which bare text lacks); with ``folded``, the paragraphs' texts
    with their white space folded (a copy that put spaces or newlines between the pieces of
    the page's text added them inside the text too, where it held a link)."""
    h = cable.header
    r = cable.routing
    reading: dict[str, Any] = {
        "classification_line": h.classification_line,
        "captions": h.captions,
        "handling": h.handling,
        "executive_order": h.executive_order,
        "tags": h.tags,
        "subject": h.subject,
        "references": [ref.text for ref in h.references],
        "classified_by": h.classified_by,
        "paragraphs": [
            (p.number, p.marking, p.heading, " ".join(p.text.split()) if folded else p.text) for p in cable.paragraphs
        ],
        "signature": cable.signature,
        "routing": r and (r.precedence, r.dtg, r.sender, r.to, r.info),
    }
    if metadata:
        reading.update(
            reference_id=h.reference_id,
            created=h.created,
            released=h.released,
            classification=h.classification,
            origin=h.origin,
        )
    return reading


_HTML_PAGES = [p for p in FIXTURE_PAGES if p.suffix == ".html"]
_MAIL_EXPORT = (
    "the page's routing block holds a mail export's copy of the cable (its own header, TAGS and Subject lines) "
    "above the routing header: as one text, the copy is read as the cable's header"
)
#: pages whose copies do not read as the page yet, by style, with the reason
_OPEN = {
    ("text", "03ABUDHABI2641"): _MAIL_EXPORT,
    ("spaced", "03ABUDHABI2641"): _MAIL_EXPORT,
    ("pieces", "03ABUDHABI2641"): _MAIL_EXPORT,
    ("blocks", "03ABUDHABI2641"): _MAIL_EXPORT,
    ("pieces", "08STOCKHOLM272"): "the site anchored a wrapped line that opens with a number (`14.  We had hoped`): "
    "the anchor's pilcrow alone on its line is left blank, and the number below the blank line opens a paragraph",
}


def _cases(style: str) -> list[Any]:
    return [
        pytest.param(
            p,
            id=p.stem,
            marks=[pytest.mark.xfail(strict=True, reason=_OPEN[style, p.stem])] if (style, p.stem) in _OPEN else [],
        )
        for p in _HTML_PAGES
    ]


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("page", _HTML_PAGES, ids=lambda p: p.stem)
def test_the_text_of_a_page_reads_as_the_page(request: pytest.FixtureRequest, page: Path, style: str) -> None:
    if (style, page.stem) in _OPEN:
        request.applymarker(pytest.mark.xfail(strict=True, reason=_OPEN[style, page.stem]))
    copy = cableparse.parse(text_of(read_page(page), style))
    folded = style != "text"
    assert _reading(copy, folded=folded) == _reading(parsed_page(page), folded=folded)
    assert "CP011" not in {d.code for d in copy.diagnostics}


def _blocks(page: str) -> str:
    """The page's routing block and cable text block, one below the other: bare text."""
    import re

    blocks = [text_of(b) for b in re.findall(r"<pre>(.*?)</pre>", page, re.S)]
    return "\n".join(blocks)


@pytest.mark.parametrize("page", _cases("blocks"))
def test_the_blocks_of_a_page_read_as_the_page(page: Path) -> None:
    bare = cableparse.parse(_blocks(read_page(page)))
    assert _reading(bare, metadata=False) == _reading(parsed_page(page), metadata=False)


# the seed's metadata table, as the browser's copy flattens it
_NAMES = "Reference ID Created Released Classification Origin"
_ROW = "07PHNOMPENH350 2007-03-05 01:15 2011-07-11 00:00 UNCLASSIFIED//FOR OFFICIAL USE ONLY Embassy Phnom Penh"
_CELLS = [
    "07PHNOMPENH350",
    "2007-03-05 01:15",
    "2011-07-11 00:00",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "Embassy Phnom Penh",
]


@pytest.mark.parametrize(
    "table",
    [
        # the row on the names' line
        f"{_NAMES} {_ROW}",
        # one cell a line, blank lines between (the page's text without its markup)
        "\n".join(_NAMES.replace("Reference ID", "Reference_ID").split()).replace("Reference_ID", "Reference ID")
        + "\n\n\n\n"
        + "\n\n\n".join(_CELLS),
        # the same, indented, no blank lines
        "\n".join(
            ["  Reference ID", " Created", " Released", " Classification", " Origin", *(" " + c for c in _CELLS)]
        ),
    ],
    ids=["one-line", "cells", "cells-indented"],
)
def test_every_layout_of_the_metadata_table_reads_as_the_flattened_one(seed_text: str, table: str) -> None:
    flattened = f"{_NAMES}\n{_ROW}"
    assert flattened in seed_text
    cable = cableparse.parse(seed_text.replace(flattened, table, 1))
    seed = cableparse.parse(seed_text)
    assert cable.header == seed.header
    assert cable.paragraphs == seed.paragraphs
    assert not {d.code for d in cable.diagnostics} - {d.code for d in seed.diagnostics}


def test_a_table_without_its_released_column(seed_text: str) -> None:
    cells = "\n".join(["Reference ID", "Created", "Classification", "Origin", *_CELLS[:2], *_CELLS[3:]])
    cable = cableparse.parse(seed_text.replace(f"{_NAMES}\n{_ROW}", cells, 1))
    h = cable.header
    assert (h.reference_id, h.released, h.classification) == (
        "07PHNOMPENH350",
        None,
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    )
    assert str(h.created) == "2007-03-05 01:15:00+00:00"


def test_cells_that_are_no_metadata_row_are_reported(seed_text: str) -> None:
    # (a cell missing: the classification's)
    cells = "\n".join(["Reference ID", "Created", "Released", "Classification", "Origin", *_CELLS[:3], _CELLS[4]])
    cable = cableparse.parse(seed_text.replace(f"{_NAMES}\n{_ROW}", cells, 1))
    assert "CP011" in {d.code for d in cable.diagnostics}
    assert cable.header.reference_id is None or cable.header.created is None


@pytest.mark.parametrize(
    "articles",
    [
        "Appears in these articles:\nhttp://www.letemps.ch/swiss_papers\n",
        # several links, one a line, and a list of words (85BEIRUT1725, 07TELAVIV1733)
        "Appears in these articles:\nhttp://www.spiegel.de\nwww.nytimes.com\n",
        "Appears in these articles:\nYedioth Ahronot only goes out in print\n",
        # no blank line below the list: it ends where the routing header opens
        "Appears in these articles:\nhttp://www.spiegel.de",
    ],
)
def test_the_sites_list_of_articles_below_the_table_is_skipped(seed_text: str, articles: str) -> None:
    flattened = f"{_NAMES}\n{_ROW}\n"
    cable = cableparse.parse(seed_text.replace(flattened, flattened + "\n\n" + articles + "\n", 1))
    seed = cableparse.parse(seed_text)
    assert cable.routing == seed.routing
    assert cable.header == seed.header
    assert cable.preamble == seed.preamble == ()


def test_a_list_of_articles_does_not_swallow_the_cable_text(seed_text: str) -> None:
    # (no routing block: the cable text right below the list, without a blank line)
    start = seed_text.index("UNCLAS")
    top = seed_text[: seed_text.index(f"{_NAMES}\n{_ROW}\n") + len(f"{_NAMES}\n{_ROW}\n")]
    copy = top + "Appears in these articles:\nhttp://www.spiegel.de\n" + seed_text[start:]
    cable = cableparse.parse(copy)
    assert cable.header.classification_line is not None
    assert cable.header.subject == cableparse.parse(seed_text).header.subject


def test_the_pilcrow_of_a_lettered_item_is_dropped() -> None:
    # the site anchored lettered items too (``<a id='parB' ...>¶</a>B. MADRID 919``,
    # 04MADRID961): a text copy keeps the pilcrow before the letter
    text = (
        "UNCLAS MADRID 000961\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n"
        "REF: A. MADRID 881\n\n\u00b6B. MADRID 919\n\u00b6C. MADRID 812\n\n\u00b61. (U) Text.\n"
    )
    cable = cableparse.parse(text)
    assert [r.text for r in cable.header.references] == ["MADRID 881", "MADRID 919", "MADRID 812"]
    assert [(p.number, p.text) for p in cable.paragraphs] == [("1", "Text.")]
