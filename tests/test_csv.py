"""cables.csv: the dialect, damaged rows, byte ranges, streaming memory."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import cableparse
from cableparse.csvio import byte_ranges, format_row, iter_rows, read_csv, split_fields

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "csv" / "cables.csv"
PAGES = ROOT.parent / "shared" / "corpus" / "cablegate-201104" / "cable"

GOOD = [
    "7",
    "3/5/2007 1:15",
    "07PHNOMPENH350",
    "Embassy Phnom Penh",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "06STATE202745|07STATE1",
    "R 050115Z MAR 07\nFM AMEMBASSY PHNOM PENH\nTO SECSTATE WASHDC 8106",
    'UNCLAS PHNOM PENH 000350\n\nTAGS: PHUM, CB\nSUBJECT: THE "TIP" REPORT\n\n'
    "1. (U) It's a back\\slash test.\\\n\nMUSSOMELI\n",
]


def _row(fields: list[str], **kw: bool) -> bytes:
    return format_row(fields, **kw).encode("utf-8")


def _csv(*rows: bytes) -> io.BytesIO:
    return io.BytesIO(b"".join(rows))


def test_fixture_rows_have_their_columns_as_metadata() -> None:
    rows = list(iter_rows(FIXTURE))
    assert [r.row for r in rows] == [1, 2, 3, 4, 5]
    assert all(not r.problems and len(r.fields) == 8 for r in rows)
    cables = list(read_csv(FIXTURE))
    assert len(cables) == 5
    for r, c in zip(rows, cables, strict=True):
        assert c.header.reference_id == r.fields[2]
        assert c.header.origin == r.fields[3]
        assert c.header.classification == r.fields[4]
        assert c.header.referenced_ids == tuple(x for x in r.fields[5].split("|") if x)
        assert c.header.created is not None
        m, d, rest = r.fields[1].split("/")
        assert (c.header.created.month, c.header.created.day, c.header.created.year) == (int(m), int(d), int(rest[:4]))
        assert c.routing is not None
        assert not c.errors


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared corpus not available")
def test_fixture_rows_parse_like_their_pages() -> None:
    for c in read_csv(FIXTURE):
        rid = c.header.reference_id
        assert rid is not None
        page = next(PAGES.rglob(f"{rid}.html"))
        p = cableparse.parse(page.read_bytes())
        assert c.header.subject == p.header.subject
        assert c.header.tags == p.header.tags
        assert c.header.references == p.header.references
        assert [(x.number, x.marking, x.heading, x.text) for x in c.paragraphs] == [
            (x.number, x.marking, x.heading, x.text) for x in p.paragraphs
        ]
        assert c.signature == p.signature
        assert c.routing is not None and p.routing is not None
        assert (c.routing.sender, c.routing.dtg, c.routing.to, c.routing.info) == (
            p.routing.sender,
            p.routing.dtg,
            p.routing.to,
            p.routing.info,
        )


@pytest.mark.parametrize("escaped", [False, True])
def test_escapes_and_embedded_newlines(escaped: bool) -> None:
    data = _row(GOOD, newline_escape=escaped)
    assert b'\\"TIP\\"' in data and b"It\\'s" in data and b"back\\\\slash" in data
    assert (b"REPORT\\\n" in data) is escaped
    assert (b"REPORT\n" in data) is not escaped
    assert b"slash test.\\\\" in data  # a backslash before a newline, escaped
    (row,) = iter_rows(io.BytesIO(data))
    assert list(row.fields) == GOOD
    (cable,) = read_csv(io.BytesIO(data))
    assert cable.header.subject == 'THE "TIP" REPORT'
    assert cable.header.tags == ("PHUM", "CB")
    assert cable.paragraphs[0].text.startswith("It's a back\\slash test.")
    assert cable.routing is not None and cable.routing.sender == "AMEMBASSY PHNOM PENH"
    assert cable.header.referenced_ids == ("06STATE202745", "07STATE1")
    assert cable.signature == "MUSSOMELI"


def test_text_mode_file_and_header_line() -> None:
    text = '"id","date","refid","origin","classification","references","header","content"\n'
    text += format_row(GOOD) + format_row([str(8), *GOOD[1:]])
    rows = list(iter_rows(io.StringIO(text)))
    assert [r.row for r in rows] == [2, 3]
    assert [list(r.fields) for r in rows] == [GOOD, ["8", *GOOD[1:]]]


@given(st.lists(st.text(st.characters(exclude_categories=["Cs"]), max_size=40), min_size=8, max_size=8), st.booleans())
def test_format_and_read_round_trip(fields: list[str], escaped: bool) -> None:
    fields[0] = "12"
    data = _row(fields, newline_escape=escaped) + _row(GOOD)
    rows = list(iter_rows(io.BytesIO(data)))
    assert [list(r.fields) for r in rows] == [fields, GOOD]


_META = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


@given(_META, _META, _META, _META, _META)
@example(date="", rid="", origin="", cls="", refs="0 |")  # an id padded with a space
def test_any_metadata_columns_round_trip(date: str, rid: str, origin: str, cls: str, refs: str) -> None:
    # whatever the metadata columns hold (control characters, newlines, runs of spaces),
    # canonical text of the row's cable reads back to the same header
    fields = [GOOD[0], date, rid, origin, cls, refs, *GOOD[6:]]
    cable = next(read_csv(io.BytesIO(_row(fields))))
    again = cableparse.parse(cableparse.dumps(cable))
    assert again.header == cable.header
    assert again.paragraphs == cable.paragraphs


def test_wrong_number_of_fields_never_stops_the_stream() -> None:
    short = b'"2","3/6/2007 2:00","07STATE2","Secretary of State","SECRET","","header only"\n'
    long_ = _row(GOOD).replace(b'"UNCLAS PHNOM', b'"extra","UNCLAS PHNOM')
    data = _csv(_row(GOOD), short, long_, _row(GOOD))
    cables = list(read_csv(data))
    assert len(cables) == 4
    assert not cables[0].errors and not cables[3].errors
    bad = cables[1]
    assert bad.header.reference_id == "07STATE2"
    assert any(d.code == "CP001" and "row 2" in d.message for d in bad.errors)
    line = 2 + GOOD[6].count("\n") + GOOD[7].count("\n")
    assert any(f"row 2 (line {line})" in d.message and "7 field(s), not 8" in d.message for d in bad.diagnostics)
    merged = cables[2]
    assert any("row 3" in d.message and "9 fields, not 8" in d.message for d in merged.diagnostics)
    assert merged.header.reference_id == "07PHNOMPENH350"


def test_unclosed_quote_does_not_swallow_the_next_rows() -> None:
    broken = _row(GOOD)[:-2] + b"\n"  # the content's closing quote is gone
    cables = list(read_csv(_csv(_row(GOOD), broken, _row(GOOD))))
    assert len(cables) == 3
    assert any("row 2" in d.message and "not closed" in d.message for d in cables[1].diagnostics)
    assert cables[1].header.subject == 'THE "TIP" REPORT'
    assert not cables[2].errors


def test_undecodable_bytes_and_bad_dates_name_the_row() -> None:
    latin = _row(GOOD).replace(b"It\\'s", b"Caf\xe9")
    baddate = _row(["9", "31/31/2007 1:15", *GOOD[2:]])
    cables = list(read_csv(_csv(_row(GOOD), latin, baddate)))
    assert len(cables) == 3
    assert any(d.code == "CP016" and "row 2" in d.message for d in cables[1].diagnostics)
    assert "Caf\ufffd" in cables[1].paragraphs[0].text
    assert any(d.code == "CP016" and "row 3" in d.message for d in cables[2].diagnostics)
    assert cables[2].header.created is None


def test_oversize_row_is_an_error_and_the_stream_goes_on() -> None:
    big = _row([*GOOD[:7], "UNCLAS X\n" + "word " * 5000])
    cables = list(read_csv(_csv(_row(GOOD), big, _row(GOOD)), max_bytes=10_000))
    assert len(cables) == 3
    assert [d.code for d in cables[1].errors] == ["CP003"]
    assert "row 2" in cables[1].errors[0].message
    assert not cables[2].errors


def test_diagnostic_lines_point_into_the_file() -> None:
    data = _row(GOOD) + _row([*GOOD[:7], "UNCLAS X 000001\n\nSUBJECT: S\n\n1. (U) Text.\n"])
    rows = list(iter_rows(io.BytesIO(data)))
    assert rows[1].line == 1 + GOOD[6].count("\n") + GOOD[7].count("\n") + 1
    cable = rows[1].parse()
    notags = next(d for d in cable.diagnostics if d.code == "CP203")
    assert notags.line is None or notags.line >= rows[1].line


@pytest.mark.parametrize("blocksize", [1, 97, 1000, 4096, 10**6])
def test_byte_ranges_read_every_row_once(blocksize: int) -> None:
    whole = [r.fields for r in iter_rows(FIXTURE)]
    pieces = [r.fields for s, e in byte_ranges(FIXTURE, blocksize) for r in iter_rows(FIXTURE, start=s, end=e)]
    assert pieces == whole


def test_split_fields_is_lenient() -> None:
    fields, problems = split_fields('"1",NULL,"a"b",\\N,x\n')
    assert fields == ["1", "", 'a"b', "", "x"]
    assert any("unescaped quote" in p for p in problems)


def _big_csv(path: Path, rows: int) -> None:
    real = [list(r.fields) for r in iter_rows(FIXTURE)]
    small = list(real[2])
    small[6] = ""
    small[7] = 'UNCLAS STATE 000123\nSUBJECT: A "TEST" \\ CABLE\n\n1. (U) ' + "Some words, 'quoted'. " * 140 + "\n"
    with path.open("w", encoding="utf-8", newline="") as f:
        for i in range(rows):
            row = list(real[(i // 100) % len(real)]) if i % 100 == 0 else small
            row[0] = str(i)
            f.write(format_row(row, newline_escape=bool(i % 2)))


def _peak(fn: object) -> int:
    tracemalloc.start()
    try:
        fn()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_is_flat_streaming_20000_rows(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    _big_csv(path, 20_000)
    assert path.stat().st_size > 60_000_000  # reading it whole would break the limit

    def split_all() -> None:
        assert sum(1 for _ in iter_rows(path)) == 20_000

    assert _peak(split_all) < 50_000_000

    # parsing each row on top: the peak must not grow with the number of rows
    def parse_some(n: int) -> int:
        def run() -> None:
            for k, _ in enumerate(read_csv(path)):
                if k + 1 == n:
                    break

        return _peak(run)

    small, large = parse_some(100), parse_some(1000)
    assert large < 50_000_000
    assert large < small * 2 + 1_000_000


@pytest.mark.slow
def test_memory_read_csv_20000_rows(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    _big_csv(path, 20_000)

    def run() -> None:
        assert sum(1 for _ in read_csv(path)) == 20_000

    assert _peak(run) < 50_000_000


def test_rows_with_unquoted_number_and_date() -> None:
    """The database rows pasted into some pages quote only some fields; such rows are read too."""
    rows = (
        '27613,2/24/2005 16:09,05BOGOTA1775,"Embassy Bogota",CONFIDENTIAL//NOFORN,05BOGOTA1081,'
        '"O 241609Z FEB 05","C O N F I D E N T I A L BOGOTA 001775\n\nSUBJECT: ONE\n\n1. (C) Text.\n\nWOOD"\n'
        '31082,4/19/2005 20:39,05BOGOTA3726,"Embassy Bogota",CONFIDENTIAL,05BOGOTA1775,"",'
        '"C O N F I D E N T I A L BOGOTA 003726\n\nSUBJECT: TWO\n\n1. (C) More.\n\nWOOD"\n'
    )
    cables = list(cableparse.read_csv(io.BytesIO(rows.encode())))
    assert [c.header.reference_id for c in cables] == ["05BOGOTA1775", "05BOGOTA3726"]
    assert [c.header.classification for c in cables] == ["CONFIDENTIAL//NOFORN", "CONFIDENTIAL"]
    assert [c.header.referenced_ids for c in cables] == [("05BOGOTA1081",), ("05BOGOTA1775",)]
    assert [c.header.subject for c in cables] == ["ONE", "TWO"]
    assert not any(d.severity == "error" for c in cables for d in c.diagnostics)
