"""Canonical ids, stations, routing indicators, REF items and TAGS (cableparse.ids)."""

from __future__ import annotations

import datetime as dt

import pytest

import cableparse
from cableparse import ids

MALFORMED = [
    ("08SCTION02OF02SAOPAULO335", "08SAOPAULO335"),
    ("08ECTION01OF02MANAMA492", "08MANAMA492"),
    ("06EFTOBAKU1165", "06BAKU1165"),
    ("10EFTOKABUL668", "10KABUL668"),
    ("09AMEMBASSYHANOI1284", "09HANOI1284"),
    ("7575LIBREVILLE1895", "75LIBREVILLE1895"),
    ("07SOIA828", "07SOFIA828"),
    ("09BRUSSLS1332", "09BRUSSELS1332"),
    # more from the reference notes (Q-ID-1 .. Q-ID-7)
    ("07SETION02OF02BAKU1501", "07BAKU1501"),
    ("09SECTIOQ1OF06HARARE876", "09HARARE876"),
    ("0901OF02RPODUBAI288", "09DUBAI288"),
    ("092OF5", "09STATE126780"),
    ("08SECTION01GF02BISHIEK21", "08BISHKEK1021"),
    ("09EFTOUSUNNEWYORK584", "09USUNNEWYORK584"),
    ("85NOFORNMOGADISHU1643", "85MOGADISHU1643"),
    ("90STATE255577TOSEC140323", "90STATE255577"),
    ("06MADRID002583ZFR2585", "06MADRID2583"),
    ("06AITTAIPIE2654", "06TAIPEI2654"),
    ("08AITTAIPIE1698", "08AITTAIPEI1698"),
    ("06ASTANA", "06ASTANA204"),
]


@pytest.mark.parametrize(("published", "canonical"), MALFORMED)
def test_malformed_ids_are_corrected(published: str, canonical: str) -> None:
    assert cableparse.canonical_id(published) == canonical
    assert ids.id_correction_note(published)


@pytest.mark.parametrize(
    ("published", "canonical"),
    [
        # not in id_corrections.csv: found by rule
        ("09EFTOPARIS77", "09PARIS77"),
        ("08SECTION01OF03LIMA1552", "08LIMA1552"),
        ("08USMISSIONGENEVA256", "08GENEVA256"),
        ("09AMCONSULMONTERREY12", "09MONTERREY12"),
        ("0808LIMA12", "08LIMA12"),
        ("07STATE0012", "07STATE12"),
        ("08BRASILA33", "08BRASILIA33"),
        ("090TTAWA57", "09OTTAWA57"),
    ],
)
def test_rule_corrections(published: str, canonical: str) -> None:
    assert ids.canonical_id(published) == canonical


@pytest.mark.parametrize("rid", ["07PHNOMPENH350", "06TAIPEI2921", "09AITTAIPEI275", "09BRUSSELS537", "08SECDEF5"])
def test_canonical_ids_unchanged(rid: str) -> None:
    assert ids.canonical_id(rid) == rid
    assert ids.id_correction_note(rid) is None


def test_unknown_ids_unchanged() -> None:
    assert ids.canonical_id("not an id") == "not an id"
    assert ids.canonical_id("06XYZZYQ12") == "06XYZZYQ12"


def test_header_canonical_id() -> None:
    assert cableparse.Header(reference_id="08ECTION01OF02MANAMA492").canonical_id == "08MANAMA492"


def test_reference_id_parts() -> None:
    assert ids.reference_id_parts("07PHNOMPENH350") == (2007, "PHNOMPENH", 350)
    assert ids.reference_id_parts("75LIBREVILLE1895") == (1975, "LIBREVILLE", 1895)
    assert ids.reference_id_parts("06EFTOBAKU1165") == (2006, "BAKU", 1165)
    assert ids.reference_id_parts("10USUNNEWYORK3") == (2010, "USUNNEWYORK", 3)
    assert ids.reference_id_parts("nonsense") is None


def test_station_table() -> None:
    assert ids.station_for_origin("Embassy Phnom Penh") == "PHNOMPENH"
    assert ids.station_for_origin("PHNOM PENH") == "PHNOMPENH"
    assert ids.station_for_origin("American Institute Taiwan, Taipei") == "AITTAIPEI"
    assert ids.station_for_origin("USUN NEW YORK") == "USUNNEWYORK"
    assert ids.station_for_origin("Secretary of State") == "STATE"
    assert ids.station_for_origin("AMEMBASSY HANOI") == "HANOI"
    assert ids.station_for_origin("Nowhere Land") is None
    assert ids.station_words("PHNOMPENH") == "PHNOM PENH"
    assert ids.station_words("usunnewyork") == "USUN NEW YORK"
    assert ids.station_words("NOWHERE") is None


def test_routing_indicators() -> None:
    assert ids.routing_indicator_name("RUEHPF") == "AMEMBASSY PHNOM PENH"
    assert ids.routing_indicator_name("ruehc") == "SECSTATE WASHDC"
    assert ids.routing_indicator_name("RXXXXX") is None


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("SECSTATE", "STATE"),
        ("STATE", "STATE"),
        ("ADDIS", "ADDISABABA"),
        ("THE HAGUE", "THEHAGUE"),
        ("HAGUE", "THEHAGUE"),
        ("0TTAWA", "OTTAWA"),
        ("SANTIAG0", "SANTIAGO"),
        ("COTON0U", "COTONOU"),
        ("PORT AU PR", "PORTAUPRINCE"),
        ("RIO DE JAN", "RIODEJANEIRO"),
        ("USUN NE YORK", "USUNNEWYORK"),
        ("PHNOM PEN", "PHNOMPENH"),
        ("N'DJAMENA", "NDJAMENA"),
        ("ST. PETERSBURG", "STPETERSBURG"),
        ("TRIPOLII", "TRIPOLI"),
        ("BRASILA", "BRASILIA"),
        ("COLOMOBO", "COLOMBO"),
        ("SAO PAUO", "SAOPAULO"),
        ("EMBASSY VIENNA", "VIENNA"),
        ("HCMC", "HOCHIMINHCITY"),
        ("USDA FAS", "USDAFAS"),
    ],
)
def test_canonical_station(words: str, code: str) -> None:
    assert ids.canonical_station(words) == code


@pytest.mark.parametrize("words", ["PARIS POINTS NOV", "POINTS", "NOV", "IIR", "REPORT", ""])
def test_not_stations(words: str) -> None:
    assert ids.canonical_station(words) is None


MARCH = dt.date(2008, 3, 4)


@pytest.mark.parametrize(
    ("text", "kind", "cable_id"),
    [
        ("STATE 202745", "cable", "07STATE202745"),
        ("SECSTATE 5000", "cable", "08STATE5000"),
        ("06 REYKJAVIK 431", "cable", "06REYKJAVIK431"),
        ("(A) 08 CAIRO 2483", "cable", "08CAIRO2483"),
        ("2005PANAMA2342", "cable", "05PANAMA2342"),
        ("09CAIRO0561", "cable", "09CAIRO561"),
        ("Kabul 692/317/274/162", "cable", "08KABUL692"),
        ("0TTAWA 57", "cable", "08OTTAWA57"),
        ("10-OTTAWA-57", "cable", "10OTTAWA57"),
        ("ADDIS 55", "cable", "08ADDISABABA55"),
        ("THE HAGUE 123", "cable", "08THEHAGUE123"),
        ("'08 BUENOS AIRES 1491", "cable", "08BUENOSAIRES1491"),
        ("(99) ROME 2196", "cable", "99ROME2196"),
        ("STATE (01) 201265", "cable", "01STATE201265"),
        ("2003 Rio de Janeiro 1773", "cable", "03RIODEJANEIRO1773"),
        ("QUITO 4525-91", "cable", "91QUITO4525"),
        ("AMMAN 07718 99", "cable", "99AMMAN7718"),
        ("ASUNCION 701 (08)", "cable", "08ASUNCION701"),
        ("PANAMA 00789/08", "cable", "08PANAMA789"),
        ("094 QUITO 841", "cable", "94QUITO841"),
        ("O4 CHENNAI 0944", "cable", "04CHENNAI944"),
        ("LAGOS O1512", "cable", "07LAGOS1512"),
        ("870 Ulaanbaatar", "cable", "08ULAANBAATAR870"),
        ("EMBASSY VIENNA 14", "cable", "08VIENNA14"),
        ("UNCLASS USDA FAS 57863", "cable", "08USDAFAS57863"),
        ("REF A STATE 122214", "cable", "07STATE122214"),
        ('HAVANA 639 ("A SPLENDID LITTLE VISIT")', "cable", "08HAVANA639"),
        ("STATE 12345 (TIP REPORT)", "cable", "08STATE12345"),
        ("TAIPEI 123", "cable", "08AITTAIPEI123"),
        ("05 TAIPEI 123", "cable", "05TAIPEI123"),
        ("USEU BRUSSELS 12", "cable", "08USEUBRUSSELS12"),
        ("2962 AND PREVIOUS", "cable", None),
        ("SEPTEL", "cable", None),
        ("GUHA-CARTER E-MAIL (07SEP07)", "email", None),
        ("LAKHDHIR E-MAIL 12/01/09", "email", None),
        ("EMBASSY MADRID E-MAIL TO EUR/WE OF OCTOBER 14", "email", None),
        ("SECDEF R162245Z OCT 08", "message", None),
        ("SECDEF MSG DTG 301601z SEP 08", "message", None),
        ("MITCHELL/SIMS TELCON 02/16/2010", "meeting", None),
        ("HILL - OPS CENTER TELCONS 9/28 AND 29", "meeting", None),
        ("AMBASSADOR-FM MEETING 3/2", "meeting", None),
        ("DRL ACTION MEMO OF MAY 5", "memo", None),
        ("MEMCON OF 12 JUNE", "memo", None),
        ("2004 HUMAN RIGHTS REPORT FOR PANAMA", "report", None),
        ("(S/NF) TD-314/21795-05 11 APRIL 2005", "report", None),
        ("INCSR BRAZIL 2008", "report", None),
        ("OSC EUP20080707950031", "report", None),
        ("OSD REPORT DTG 251847Z MAR 08", "report", None),
        ("CAIRO IIR 6 899 0149 10", "report", None),
        ("PARIS POINTS NOV 22", "other", None),
        ("LONDON DAILY 11/3/09", "other", None),
        ("UNSCR 1737 SANCTIONS COMMITTEE", "other", None),
        ("9 FAM Appendix K, 406 (6)", "other", None),
        ("", None, None),
        (" -- ", None, None),
    ],
)
def test_classify_reference(text: str, kind: str | None, cable_id: str | None) -> None:
    assert ids.classify_reference(text, "08", MARCH) == (kind, cable_id)


def test_classify_reference_false_station_ids() -> None:
    # the old heuristic made 06PARISPOINTSNOV22 of this
    assert ids.classify_reference("PARIS POINTS NOV 22", "06") == ("other", None)
    assert ids.reference_cable_ids("PARIS POINTS NOV 22", "06") == ()


def test_year_inference() -> None:
    # without a date the citing year is used
    assert ids.classify_reference("STATE 202745", "08") == ("cable", "08STATE202745")
    # STATE cannot have reached 202745 by early March, but can by December
    assert ids.classify_reference("STATE 202745", "08", dt.date(2008, 3, 4))[1] == "07STATE202745"
    assert ids.classify_reference("STATE 202745", "08", dt.date(2008, 12, 4))[1] == "08STATE202745"
    # the citing cable's own serial bounds those of its station
    assert ids.classify_reference("LIMA 3075", "08", dt.date(2008, 9, 22), "08LIMA1552")[1] == "07LIMA3075"
    assert ids.classify_reference("LIMA 1500", "08", dt.date(2008, 9, 22), "08LIMA1552")[1] == "08LIMA1500"
    # an explicit year is kept
    assert ids.classify_reference("08 STATE 202745", "08", dt.date(2008, 1, 4))[1] == "08STATE202745"
    # no year anywhere: a cable with unknown id
    assert ids.classify_reference("STATE 202745", None) == ("cable", None)
    # the year comes from the date when only the date is given
    assert ids.classify_reference("STATE 2745", None, dt.date(2009, 6, 1))[1] == "09STATE2745"


@pytest.mark.parametrize(
    ("text", "citing_id", "created", "expected"),
    [
        # real REF items whose year is missing; a serial impossible for the citing year
        ("STATE 109980", "10MEXICO27", dt.date(2010, 1, 6), "09STATE109980"),
        ("Kabul 1345", "10KABUL102", dt.date(2010, 1, 12), "09KABUL1345"),
        ("LIMA 2444", "06LIMA1534", dt.date(2006, 4, 21), "05LIMA2444"),
        ("STATE 324347", "04THEHAGUE4", dt.date(2004, 1, 2), "03STATE324347"),
        # a serial plausible for the citing year stays in it: Warsaw's rate was measured
        # on 2009-2010 cables, when posts numbered far fewer cables a year than in 2007
        ("E. WARSAW 1975", "07MOSCOW5585", dt.date(2007, 11, 29), "07WARSAW1975"),
        ("F. RIGA 430", "07MOSCOW5585", dt.date(2007, 11, 29), "07RIGA430"),
        ("A. BRASILIA 000440", "08BRASILIA504", dt.date(2008, 4, 11), "08BRASILIA440"),
    ],
)
def test_year_inference_real_items(text: str, citing_id: str, created: dt.date, expected: str) -> None:
    assert ids.reference_cable_ids(text, citing_id[:2], created, citing_id) == (expected,)


def test_rate_before_first_year_is_raised() -> None:
    # numbering was faster before a station's rate was first measured
    _cables, max_per_day, first_year = ids._rates()["WARSAW"]
    assert ids._rate_on("WARSAW", first_year) == max_per_day
    assert ids._rate_on("WARSAW", first_year + 1) == max_per_day
    assert ids._rate_on("WARSAW", first_year - 2) == pytest.approx(max_per_day * ids._EARLIER_YEAR_GROWTH**2)
    assert ids._rate_on("NOWHERE", 2009) is None


@pytest.mark.parametrize(
    ("text", "kind", "cable_id"),
    [
        # a keyword before the first cable mention decides the kind (10MANAMA15)
        ("A. 01/11/10 ERELI-RICCIARDONE E-MAIL B01/10/10 ERELI-HALE TELCON C. 09 MANAMA 731", "email", None),
        # a cable mention first: a cable, whatever follows
        ("STATE 131997 EMAIL", "cable", "09STATE131997"),
        ("REF A:  Geneva 2373; Ref", "cable", "09GENEVA2373"),
        # a date-time group only wins when it comes first
        ("SECDEF R162245Z OCT 08 MEETING", "message", None),
        ("TELCON 162245Z OCT 08", "meeting", None),
    ],
)
def test_classify_reference_first_wins(text: str, kind: str, cable_id: str | None) -> None:
    assert ids.classify_reference(text, "09", dt.date(2009, 12, 1)) == (kind, cable_id)


@pytest.mark.parametrize(
    ("text", "citing_id", "created", "expected"),
    [
        # real REF items of the corpus
        ("05 CASA 1220", "08CASABLANCA81", dt.date(2008, 2, 8), ("05CASABLANCA1220",)),
        ("DUBAI RPO 378", "09RPODUBAI379", dt.date(2009, 9, 2), ("09RPODUBAI378",)),
        # a serial zero-padded to eight digits, as continuation markers write it
        ("RECIFE 00000074", "05RECIFE78", dt.date(2005, 6, 2), ("05RECIFE74",)),
        # two items run together: an e-mail or report, then a cable
        ("LEE-GOLDSTEIN EMAIL 05/11/07 B) TALLINN 347", "07TALLINN375", dt.date(2007, 5, 14), ("07TALLINN347",)),
        (
            "Hodgson emails to Duguid/Pulaski/USNATO and USNATO 00184",
            "07REYKJAVIK85",
            dt.date(2007, 3, 28),
            ("07USNATO184",),
        ),
        ("CAIRO IIR 6 899 0149 10 2009 CAIRO 2394", "10CAIRO255", dt.date(2010, 2, 24), ("09CAIRO2394",)),
        # ... but not a year after a report's name, nor a date
        ("INCSR BRAZIL 2008", "09SAOPAULO558", dt.date(2009, 6, 1), ()),
        ("MITCHELL/SIMS EMAIL 02/16/2010", "10SANAA317", dt.date(2010, 2, 20), ()),
        # the cable's own page header in an item is no reference
        ("08 STATE 74840 TRIPOLI 00000268", "09TRIPOLI268", dt.date(2009, 4, 1), ("08STATE74840",)),
    ],
)
def test_reference_cable_ids_real_items(text: str, citing_id: str, created: dt.date, expected: tuple[str, ...]) -> None:
    assert ids.reference_cable_ids(text, citing_id[:2], created, citing_id) == expected


def test_self_reference_dropped() -> None:
    assert ids.reference_cable_ids("TRIPOLI 402", "08", dt.date(2008, 5, 1), "08TRIPOLI402") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kabul 692/317/274/162", ("08KABUL692", "08KABUL317", "08KABUL274", "08KABUL162")),
        ("06 Kabul 5353/5194/4319 and previous", ("06KABUL5353", "06KABUL5194", "06KABUL4319")),
        ("BRASILIA 2799 AND 2764", ("07BRASILIA2799", "07BRASILIA2764")),
        ("SECSTATE 232089 & USUN 2336", ("07STATE232089", "07USUNNEWYORK2336")),
        ("GUANGZHOU 11657 and 7743, 12155", ("08GUANGZHOU11657", "08GUANGZHOU7743", "08GUANGZHOU12155")),
        ("COLOMBO CABLES 0266 AND 02259 (2002)", ("02COLOMBO266", "02COLOMBO2259")),
        ("MITCHELL/SIMS EMAIL 02/16/2010", ()),
    ],
)
def test_reference_cable_ids(text: str, expected: tuple[str, ...]) -> None:
    assert ids.reference_cable_ids(text, "08", MARCH) == expected


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        (["MASSMNUC"], ("MASS", "MNUC")),
        (["KNNPMNUC", "PREL"], ("KNNP", "MNUC", "PREL")),
        (["ETRDEINVECINPGOVCS"], ("ETRD", "EINV", "ECIN", "PGOV", "CS")),
        (["HUMAN RIGHTSPOLMIL"], ("HUMAN RIGHTS", "POL", "MIL")),
        (["POGOV", "MOPPS", "ESENV"], ("PGOV", "MOPS", "SENV")),
        (["PHUM", "OPRC", "OPRC", "IT", "ITPHUM", "HUMAN RIGHTS"], ("PHUM", "OPRC", "IT", "HUMAN RIGHTS")),
        (["OVIP (CLINTON, HILLARY)"], ("OVIP (CLINTON, HILLARY)",)),
        (["ovip (steinberg, james b.)"], ("OVIP (STEINBERG, JAMES B.)",)),
        (["OVIP CLINTON HILLARY"], ("OVIP (CLINTON, HILLARY)",)),
        (["OVIP BIDEN JOSEPH"], ("OVIP (BIDEN, JOSEPH)",)),
        (["ISRAELI  PALESTINIAN AFFAIRS"], ("ISRAELI PALESTINIAN AFFAIRS",)),
        (["PGOVPREL"], ("PGOV", "PREL")),
        (["PREL", "TAGS", "EFIN"], ("PREL", "EFIN")),
        (["OVIP"], ("OVIP",)),
    ],
)
def test_canonical_tags(raw: list[str], fixed: tuple[str, ...]) -> None:
    assert cableparse.canonical_tags(raw) == fixed


def test_canonical_tags_keeps_raw() -> None:
    cable = cableparse.parse("UNCLAS STATE 000123\n\nTAGS: MASSMNUC, PREL\nSUBJECT: TEST\n\n1. (U) Hello.\n")
    assert cable.header.tags == ("MASSMNUC", "PREL")
    assert cableparse.canonical_tags(cable.header.tags) == ("MASS", "MNUC", "PREL")


def test_tables_consistent() -> None:
    stations = ids._stations()
    assert all(code in stations for code in ids._aliases().values())
    for canonical in ids._corrections().values():
        parts = ids.reference_id_parts(canonical)
        assert parts is not None and parts[1] in stations, canonical
    assert all(code in stations for code in ids._rates())
