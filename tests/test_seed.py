"""Acceptance item 2 of issue 2: the values parsed from the seed text copy
(``fixtures/pages/07PHNOMPENH350.txt``, a copy of ``shared/corpus/page-text``)."""

from __future__ import annotations

import datetime as _dt

import attrs

from cableparse import Cable, dumps, normalize, parse

UTC = _dt.UTC


def test_metadata(seed: Cable) -> None:
    h = seed.header
    assert h.reference_id == "07PHNOMPENH350"
    assert h.created == _dt.datetime(2007, 3, 5, 1, 15, tzinfo=UTC)
    assert h.released == _dt.datetime(2011, 7, 11, 0, 0, tzinfo=UTC)
    assert h.created.utcoffset() == _dt.timedelta(0)
    assert h.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert h.origin == "Embassy Phnom Penh"


def test_routing(seed: Cable) -> None:
    r = seed.routing
    assert r is not None
    assert r.transmission_id == "VZCZCXRO4581"
    assert r.routing_indicators == ("RUEHCHI", "RUEHDT", "RUEHHM", "RUEHNH")
    assert (r.originator, r.serial, r.section) == ("RUEHPF", 350, 1)
    assert r.security == "UNCLASSIFIED"
    assert r.dtg == _dt.datetime(2007, 3, 5, 1, 15, tzinfo=UTC)
    assert r.precedence == "IMMEDIATE"
    assert r.sender == "AMEMBASSY PHNOM PENH"
    assert [(a.routing_indicator, a.name, a.precedence, a.mcn) for a in r.to] == [
        ("RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "8106")
    ]
    assert [(a.routing_indicator, a.name, a.mcn) for a in r.info] == [
        ("RUCNASE", "ASEAN MEMBER COLLECTIVE", None),
        ("RUEHC", "DEPT OF LABOR WASHINGTON DC", None),
        ("RUEATRS", "DEPT OF TREASURY WASHINGTON DC", "0648"),
        ("RHMFIUU", "DEPT OF JUSTICE WASHINGTON DC", None),
        ("RUEAHLC", "HOMELAND SECURITY CENTER WASHINGTON DC", "0013"),
    ]
    assert all(a.precedence is None and a.excluded == () for a in r.info)


def test_header_fields(seed: Cable) -> None:
    h = seed.header
    cl = h.classification_line
    assert cl is not None
    assert (cl.level, cl.section, cl.sections, cl.origin, cl.serial) == ("UNCLAS", 1, 7, "PHNOM PENH", 350)
    assert h.captions == ("SIPDIS", "SENSITIVE", "SIPDIS")
    assert h.handling == ("STATE FOR G/TIP, G, INL, DRL, PRM, IWI, EAP/RSP, EAP/MLS", "STATE PLEASE PASS TO USAID/ANE")
    assert h.executive_order is not None
    assert h.executive_order.order == "12958"
    assert h.executive_order.declassify_on is None
    assert h.tags == ("PHUM", "PREF", "ELAB", "SMIG", "KCRM", "KWMN", "KFRD", "ASEC", "CB")
    assert h.subject == "2007 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA"
    assert h.subject_marking is None
    assert [(r.letter, r.cable_id) for r in h.references] == [(None, "06STATE202745")]
    assert h.references[0].text == "STATE 202745"


def test_page_breaks(seed: Cable) -> None:
    assert [(b.section, b.page, b.total) for b in seed.page_breaks] == [(s, None, 7) for s in range(2, 8)]
    assert [b.text for b in seed.page_breaks] == [f"PHNOM PENH 00000350  {s:03d} OF 007" for s in range(2, 8)]


def test_paragraphs(seed: Cable) -> None:
    numbered = [(p.number, p.marking) for p in seed.paragraphs if p.number is not None]
    assert numbered == [
        ("1", "U"),
        ("1A", "SBU"),
        ("1B", None),
        ("1C", None),
        ("1D", None),
        ("2A", None),
        ("2B", None),
        ("2C", None),
    ]
    para = {p.number: p for p in seed.paragraphs}
    assert para["1A"].heading == "Overview of the Country's Activities, Statistics"
    assert para["1"].heading is None
    assert para["1C"].heading == "Government Resource Limitations, Corruption"


def test_paragraph_1a_joined_across_the_page_break(seed: Cable) -> None:
    text = next(p.text for p in seed.paragraphs if p.number == "1A")
    assert "assisted 146 victims of trafficking" in " ".join(text.split())
    # the sentence is joined: no blank line where the marker was
    assert "assisted 146\nvictims of trafficking" in text
    assert "00000350" not in seed.text
    assert " OF 007" not in seed.text


def test_sbu_inside_a_sentence_stays_text(seed: Cable) -> None:
    first = seed.paragraphs[0]
    assert (first.number, first.marking) == ("1", "U")
    assert first.text.startswith("The following is Embassy Phnom Penh's contribution")
    assert "classified sensitive but unclassified (SBU)." in " ".join(first.text.split())


def test_text_is_clean(seed: Cable) -> None:
    for p in seed.paragraphs:
        assert all(line == line.rstrip() for line in p.text.split("\n")), p.number
        assert "\n\n\n" not in p.text
    # the wrapped line "2005. ..." is text, not paragraph 2005
    assert all(p.number is None or len(p.number) <= 3 for p in seed.paragraphs)


def test_signature_and_diagnostics(seed: Cable) -> None:
    assert seed.signature == "CAMPBELL"
    assert seed.errors == ()
    assert not [d for d in seed.diagnostics if d.severity == "error"]


def test_round_trip_and_idempotence(seed: Cable, seed_text: str) -> None:
    again = parse(dumps(seed))
    for name in ("header", "routing", "paragraphs", "signature"):
        assert getattr(again, name) == getattr(seed, name), name
    assert attrs.evolve(again, diagnostics=(), page_breaks=()) == attrs.evolve(seed, diagnostics=(), page_breaks=())
    once = normalize(seed_text)
    assert once == dumps(seed)
    assert normalize(once) == once
    assert "PHNOM PENH 00000350" not in once


def test_bytes_input_is_the_same(seed: Cable, seed_text: str) -> None:
    assert parse(seed_text.encode("utf-8")) == seed


def test_bare_text_that_quotes_a_page_table_stays_bare(seed_text: str) -> None:
    # the copy's cable text alone (it opens with the routing header), with the site's
    # table lines pasted into a paragraph further down: read as bare text, not as a copy
    # whose cable starts below that table
    lines = seed_text.split("\n")
    table = next(k for k, t in enumerate(lines) if t.startswith("Reference ID"))
    bare = lines[table + 2 :]
    cut = next(k for k, t in enumerate(bare) if t.startswith("1A. "))
    quoted = [*bare[:cut], *lines[table : table + 2], "", *bare[cut:]]
    cable = parse("\n".join(quoted))
    # no metadata read from the pasted table: the id is the classification line's
    assert cable.header.created is None and cable.header.classification is None
    assert "CP012" in {d.code for d in cable.diagnostics}
    assert cable.routing is not None and cable.routing.transmission_id == "VZCZCXRO4581"
    assert cable.header.classification_line is not None
    assert any("07PHNOMPENH350 2007-03-05" in p.text for p in cable.paragraphs)
    # the copy itself, chrome first, is still read as one
    assert parse(seed_text).header.reference_id == "07PHNOMPENH350"
