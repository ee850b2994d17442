#!/usr/bin/env python3
"""Derive cableparse's station reference tables from WikiLeaks Cablegate pages.

Usage::

    python tools/build_stations.py /work/shared/corpus [--data-dir DIR]

The argument is a corpus folder; every ``cable/YYYY/MM/<REFID>.html`` page below
it is read, and so is every ``*.txt`` text copy of a page (standard library
only).  The script (re)writes, in
``src/cableparse/data/`` unless ``--data-dir`` says otherwise:

* ``stations.csv``           code,origin,words,routing_indicator,plad
* ``routing_indicators.csv`` routing_indicator,name
* ``station_aliases.csv``    alias,code,source
* ``serial_rates.csv``       station,cables,max_per_day,first_year (serial numbering speed)
* ``tags.csv``               tag,cables (the TAGS seen in the corpus)

and reads ``id_corrections.csv`` from the same folder (a hand-maintained table of
malformed reference ids).  Hand-added facts are merged from two CSV files next
to this script: ``stations_hand.csv`` (code,source) and
``station_aliases_hand.csv`` (alias,code,source).  Everything else is counted
from the pages; for each station code the most common value wins, ties going
to the alphabetically first value, so the output is deterministic.

At the end the script prints how many of the corpus reference ids split as
2-digit year + a code of ``stations.csv`` + serial, directly or after
``id_corrections.csv``.  It exits with status 1 if the tables are inconsistent
(an alias or correction pointing at an unknown station).
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import html
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

TOOLS_DIR = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = TOOLS_DIR.parent / "src" / "cableparse" / "data"
HAND_STATIONS = TOOLS_DIR / "stations_hand.csv"
HAND_ALIASES = TOOLS_DIR / "station_aliases_hand.csv"

STATION_COLUMNS = ("code", "origin", "words", "routing_indicator", "plad")
ROUTING_COLUMNS = ("routing_indicator", "name")
ALIAS_COLUMNS = ("alias", "code", "source")

# A well-formed reference id: 2-digit year, station letters, 1-7 digit serial.
REFERENCE_ID_RE = re.compile(r"^(\d{2})([A-Z]+)(\d{1,7})$")

# --- page structure --------------------------------------------------------
CABLE_TABLE_RE = re.compile(r"<table class='cable'>(.*?)</table>", re.S)
LINK_RE = re.compile(r"<a href='([^']*)'[^>]*>(.*?)</a>", re.S)
PRE_RE = re.compile(r"<code><pre>(.*?)</pre></code>", re.S)
TAG_RE = re.compile(r"<[^>]+>")

# --- text copies of pages --------------------------------------------------
TEXT_COPY_TITLES = "Reference ID Created Released Classification Origin"
TEXT_COPY_ROW_RE = re.compile(
    r"^(?P<id>\S+) \d{4}-\d\d-\d\d \d\d:\d\d \d{4}-\d\d-\d\d \d\d:\d\d "
    r"(?:UNCLASSIFIED//FOR OFFICIAL USE ONLY|UNCLASSIFIED|CONFIDENTIAL//NOFORN|CONFIDENTIAL"
    r"|SECRET//NOFORN|SECRET) (?P<origin>\S.*)$"
)
# First line of the cable text, spaces removed ("C O N F I D E N T I A L ...").
TEXT_CLASSIFICATION_START_RE = re.compile(r"^(?:UNCLAS|CONFIDENTIAL|SECRET|LIMITEDOFFICIALUSE)")

# --- text: classification line and continuation markers --------------------
# How many non-blank lines at the top of the text are searched for the
# classification line (a pasted database row can put a whole routing header
# before it).
CLASSIFICATION_SEARCH_LINES = 60
# Something of a classification must precede the origin words ("C O N F I D E N
# T I A L" is matched once the spaces are removed; misspellings such as
# "SE C R E T" or "C ONFIDENTIAL" still contain one of these).
CLASSIFICATION_MARK_RE = re.compile(r"NCLAS|ONFIDENTIAL|ECRET|LIMITEDOFFICIALUSE")
# Tokens of the classification line that are never origin words.
NON_ORIGIN_TOKENS = frozenset(
    {
        "UNCLAS",
        "UUNCLAS",
        "UNCLASSIFIED",
        "CONFIDENTIAL",
        "SECRET",
        "LIMITED",
        "OFFICIAL",
        "USE",
        "EFTO",
        "SENSITIVE",
        "NOFORN",
        "SIPDIS",
        "SBU",
        "SECTION",
        "OF",
    }
)
ORIGIN_TOKEN_RE = re.compile(r"[A-Z][A-Z.'/-]+")
SERIAL_TOKEN_RE = re.compile(r"^(\d+)(?:[A-Z][A-Z.:]*|[.,;:]*)$")
# New-style continuation marker on a line of its own:
#   PHNOM PENH 00000350  002 OF 007     PORT AU PR 00002230 001.2 OF 002
NEW_MARKER_RE = re.compile(r"^\s*([A-Z][A-Z .'-]{0,9}?)\s+(\d{8})\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\s*$")
# Old-style teletype page header:  PAGE 02        VATICA  05693  01 OF 02  021700Z
OLD_MARKER_RE = re.compile(
    r"^\s*PAGE\s+\d{2,3}\s+([A-Z][A-Z .'-]{0,5}?)\s+(\d{4,6})\s+"
    r"(?:\d{2}\s+OF\s+\d{2}\s+)?\d{6}Z\b"
)

# --- routing header ----------------------------------------------------------
DE_RE = re.compile(r"^DE\s+(R[A-Z]{3,7})\s+#")
FM_RE = re.compile(r"^FM\s+(\S.*?)\s*$")
ADDRESS_RE = re.compile(r"^(?:(?:TO|INFO|XMT)\s+)?(R[A-Z]{3,7})/(\S.*?)\s*$")
MCN_RE = re.compile(r"\s+\d{4}(?:-\d{4})?$")
PRECEDENCE_RE = re.compile(r"\s+(?:NIACT\s+IMMEDIATE|FLASH|IMMEDIATE|PRIORITY|ROUTINE|PRIOITY|PIORITY)$")
# Address prefixes that cablemap also strips from station words.
PLAD_PREFIXES = ("AMEMBASSY ", "AMCONSUL ", "USMISSION ")
ORIGIN_PREFIX_RE = re.compile(r"^(?:Embassy|Consulate|Mission|Secretary of)\s+")

CORPUS_MARKER_SOURCE = "corpus (continuation/page-header lines)"


@dataclass
class Page:
    """The parts of one cable page this script needs."""

    path: Path
    reference_id: str
    origin: str | None
    header: str
    text: str


@dataclass
class CableFacts:
    """Everything observed about one reference id (over all its page copies)."""

    origins: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    marker_words: set[str] = field(default_factory=set)
    de_indicators: set[str] = field(default_factory=set)
    plads: set[str] = field(default_factory=set)
    addressees: set[tuple[str, str]] = field(default_factory=set)


@dataclass
class StationEvidence:
    """Counts over cables, per station code."""

    origins: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    marker_words: Counter[str] = field(default_factory=Counter)
    de_indicators: Counter[str] = field(default_factory=Counter)
    plads: Counter[str] = field(default_factory=Counter)
    cables: int = 0


# --- small helpers -----------------------------------------------------------


def squash(text: str) -> str:
    """Upper-case and drop spaces: the lookup key of station words."""
    return "".join(text.upper().split())


def most_common(counter: Counter[str]) -> str:
    """The most frequent value; ties go to the alphabetically first one."""
    if not counter:
        return ""
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]


def split_reference_id(reference_id: str) -> tuple[str, str, str] | None:
    match = REFERENCE_ID_RE.match(reference_id)
    return (match.group(1), match.group(2), match.group(3)) if match else None


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> int:
    ordered = sorted(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(ordered)
    return len(ordered)


# --- reading pages -----------------------------------------------------------


def clean_pre(raw: str) -> str:
    """Text of a <pre> block: newlines restored, links and entities resolved."""
    text = raw.replace("&#x000A;", "\n")
    text = TAG_RE.sub("", text)
    text = html.unescape(text)
    return text.replace("\u00b6", "")


def read_page(path: Path) -> Page | None:
    source = path.read_text(encoding="utf-8", errors="replace")
    table = CABLE_TABLE_RE.search(source)
    if table is None:
        return None
    reference_id = path.stem
    origin: str | None = None
    for href, label in LINK_RE.findall(table.group(1)):
        label = html.unescape(TAG_RE.sub("", label)).strip()
        if href.startswith("/cable/"):
            reference_id = label or reference_id
        elif href.startswith("/origin/"):
            origin = " ".join(label.split()) or None
    blocks = [clean_pre(block) for block in PRE_RE.findall(source)]
    if not blocks:
        header, text = "", ""
    elif len(blocks) == 1:
        header, text = "", blocks[0]
    else:
        header, text = blocks[0], blocks[-1]
    return Page(path, reference_id, origin, header, text)


def read_text_copy(path: Path) -> Page | None:
    """A browser "save as text" copy of a page (like ``page-text/07PHNOMPENH350.txt``).

    The metadata table is one line after its column titles; the routing header
    runs from there to the classification line, which starts the cable text.
    """
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    try:
        start = [line.strip() for line in lines].index(TEXT_COPY_TITLES) + 1
    except ValueError:
        return None
    if start >= len(lines):
        return None
    row = TEXT_COPY_ROW_RE.match(lines[start].strip())
    if row is None:
        return None
    rest = lines[start + 1 :]
    split = next(
        (i for i, line in enumerate(rest) if TEXT_CLASSIFICATION_START_RE.match(squash(line))),
        len(rest),
    )
    return Page(
        path,
        row.group("id"),
        row.group("origin"),
        "\n".join(rest[:split]),
        "\n".join(rest[split:]),
    )


def iter_pages(corpus: Path) -> Iterator[Page]:
    """HTML pages under ``cable/YYYY/MM/`` and text copies of pages (``*.txt``)."""
    for path in sorted(corpus.rglob("*")):
        page: Page | None = None
        if path.suffix == ".html" and path.parent.parent.parent.name == "cable":
            page = read_page(path)
        elif path.suffix == ".txt" and path.is_file():
            page = read_text_copy(path)
        if page is not None:
            yield page


# --- extracting facts from one page -----------------------------------------


def lines_of(text: str) -> list[str]:
    return [line.rstrip().rstrip("\\").rstrip() for line in text.split("\n")]


def is_origin_token(token: str) -> bool:
    return (
        ORIGIN_TOKEN_RE.fullmatch(token) is not None
        and token not in NON_ORIGIN_TOKENS
        and set(token) != {"X"}  # redaction XXXXXXXXXXXX
    )


def classification_words(text: str, serial: int) -> str | None:
    """Origin words of the classification line, found by the cable's serial.

    ``C O N F I D E N T I A L SECTION 01 OF 02 PHNOM PENH 000350`` gives
    ``PHNOM PENH`` when the serial is 350.
    """
    nonblank = [line for line in lines_of(text) if line.strip()]
    for line in nonblank[:CLASSIFICATION_SEARCH_LINES]:
        tokens = line.upper().split()
        for index, token in enumerate(tokens):
            match = SERIAL_TOKEN_RE.match(token)
            if match is None or int(match.group(1)) != serial:
                continue
            if index > 0 and tokens[index - 1] in ("SECTION", "OF"):
                continue
            words: list[str] = []
            position = index - 1
            while position >= 0 and is_origin_token(tokens[position]):
                words.append(tokens[position])
                position -= 1
            prefix = "".join(tokens[: position + 1])
            if words and CLASSIFICATION_MARK_RE.search(prefix):
                return " ".join(reversed(words))
            break
    return None


def marker_words(text: str, serial: int) -> set[str]:
    """Origin words of continuation markers and old page headers for this serial."""
    found: set[str] = set()
    for line in lines_of(text):
        for pattern in (NEW_MARKER_RE, OLD_MARKER_RE):
            match = pattern.match(line)
            if match and int(match.group(2)) == serial:
                found.add(" ".join(match.group(1).split()))
    return found


def addressee_name(raw: str) -> str:
    """``SECSTATE WASHDC IMMEDIATE 8106`` -> ``SECSTATE WASHDC``."""
    name = " ".join(raw.split())
    while True:
        shorter = PRECEDENCE_RE.sub("", MCN_RE.sub("", name))
        if shorter == name:
            return name
        name = shorter


def header_facts(header: str, facts: CableFacts) -> None:
    de_indicator: str | None = None
    plad: str | None = None
    for line in lines_of(header):
        line = line.strip()
        if de_indicator is None and (match := DE_RE.match(line)):
            de_indicator = match.group(1)
        elif plad is None and (match := FM_RE.match(line)):
            plad = " ".join(match.group(1).split())
        elif match := ADDRESS_RE.match(line):
            name = addressee_name(match.group(2))
            if name:
                facts.addressees.add((match.group(1), name))
    if de_indicator:
        facts.de_indicators.add(de_indicator)
    if plad:
        facts.plads.add(plad)
    if de_indicator and plad:
        facts.addressees.add((de_indicator, plad))


def page_facts(page: Page, serial: int | None, facts: CableFacts) -> None:
    if page.origin:
        facts.origins.add(page.origin)
    header_facts(page.header, facts)
    if serial is not None:
        words = classification_words(page.text, serial)
        if words:
            facts.words.add(words)
        facts.marker_words |= marker_words(page.text, serial)


# --- building the tables -------------------------------------------------------


def load_corrections(path: Path) -> dict[str, str]:
    return {row["published"]: row["canonical"] for row in read_csv(path)}


def canonical_parts(reference_id: str, corrections: dict[str, str]) -> tuple[str, str, str] | None:
    return split_reference_id(corrections.get(reference_id, reference_id))


def collect(corpus: Path, corrections: dict[str, str]) -> tuple[dict[str, CableFacts], int]:
    """Facts per published reference id, merged over the copies of a page."""
    cables: dict[str, CableFacts] = defaultdict(CableFacts)
    pages = 0
    for page in iter_pages(corpus):
        pages += 1
        parts = canonical_parts(page.reference_id, corrections)
        serial = int(parts[2]) if parts else None
        page_facts(page, serial, cables[page.reference_id])
    return dict(cables), pages


def station_evidence(cables: dict[str, CableFacts], corrections: dict[str, str]) -> dict[str, StationEvidence]:
    evidence: dict[str, StationEvidence] = defaultdict(StationEvidence)
    for reference_id, facts in cables.items():
        parts = canonical_parts(reference_id, corrections)
        if parts is None:
            continue
        station = evidence[parts[1]]
        station.cables += 1
        station.origins.update(facts.origins)
        station.words.update(facts.words)
        station.marker_words.update(facts.marker_words)
        station.de_indicators.update(facts.de_indicators)
        station.plads.update(facts.plads)
    return dict(evidence)


def routing_table(cables: dict[str, CableFacts]) -> dict[str, str]:
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for facts in cables.values():
        for indicator, name in facts.addressees:
            names[indicator][name] += 1
    return {indicator: most_common(counter) for indicator, counter in names.items()}


def plad_key(plad: str) -> str:
    for prefix in PLAD_PREFIXES:
        if plad.startswith(prefix):
            return squash(plad[len(prefix) :])
    return squash(plad)


def origin_key(origin: str) -> str:
    return squash(ORIGIN_PREFIX_RE.sub("", origin))


def corroborated(code: str, station: StationEvidence) -> bool:
    """Does the page text itself spell the code (so it is no malformed id)?"""
    keys = {squash(words) for words in station.words}
    keys |= {plad_key(plad) for plad in station.plads}
    keys |= {origin_key(origin) for origin in station.origins}
    return code in keys


def addressee_index(routing: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Station key of a PLAD -> [(routing indicator, PLAD)] from the routing table."""
    index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for indicator, name in sorted(routing.items()):
        if name.startswith(PLAD_PREFIXES):
            index[plad_key(name)].append((indicator, name))
    return index


def build_stations(
    evidence: dict[str, StationEvidence],
    hand_codes: set[str],
    routing: dict[str, str],
    report: list[str],
) -> dict[str, tuple[str, str, str, str, str]]:
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    for code, station in sorted(evidence.items()):
        if code not in hand_codes and not corroborated(code, station):
            report.append(f"  not a station (uncorroborated, {station.cables} cables): {code}")
            continue
        if code not in hand_codes:
            report.append(f"  station from corpus only, not in stations_hand.csv: {code}")
        rows[code] = (
            code,
            most_common(station.origins),
            most_common(station.words),
            most_common(station.de_indicators),
            most_common(station.plads),
        )
    # Stations without a DE line: take the routing indicator (and the PLAD, when
    # there is no FM line either) from the addressee lines, if exactly one
    # indicator's name is "AMEMBASSY|AMCONSUL|USMISSION X" with X spelling the code
    # (and equal to the FM PLAD when there is one).  First check the rule against
    # the stations that have both lines.
    index = addressee_index(routing)
    agree = disagree = 0
    for code, row in rows.items():
        candidates = index.get(code, [])
        if row[3] and row[4] and len(candidates) == 1:
            if candidates[0] == (row[3], row[4]):
                agree += 1
            else:
                disagree += 1
    report.append(f"  addressee rule vs DE/FM on corpus stations: {agree} agree, {disagree} differ")
    filled = 0
    for code in sorted(hand_codes | set(rows)):
        row = rows.get(code, (code, "", "", "", ""))
        candidates = [c for c in index.get(code, []) if not row[4] or c[1] == row[4]]
        if not row[3] and len(candidates) == 1:
            indicator, plad = candidates[0]
            row = (code, row[1], row[2], indicator, plad)
            filled += 1
        rows[code] = row
    report.append(f"  routing indicator filled from addressee lines: {filled} stations")
    return rows


def corpus_aliases(
    evidence: dict[str, StationEvidence],
    stations: dict[str, tuple[str, str, str, str, str]],
    report: list[str],
) -> dict[str, tuple[str, str, str]]:
    """Truncated marker words (``PORT AU PR``) that stand for a station."""
    aliases: dict[str, tuple[str, str, str]] = {}
    for code, station in sorted(evidence.items()):
        if code not in stations:
            continue
        full = squash(stations[code][2])
        for words in sorted(station.marker_words):
            key = squash(words)
            if key in (code, full):
                continue
            if key in stations:
                report.append(f"  marker words {words!r} of {code} name another station; skipped")
            elif full and full.startswith(key):
                aliases[key] = (words, code, CORPUS_MARKER_SOURCE)
            else:
                report.append(f"  marker words {words!r} of {code} are no prefix of {full!r}; skipped")
    return aliases


def merge_aliases(
    hand: list[dict[str, str]],
    corpus: dict[str, tuple[str, str, str]],
    report: list[str],
) -> list[tuple[str, str, str]]:
    merged: dict[str, tuple[str, str, str]] = {}
    for row in hand:
        key = squash(row["alias"])
        if key in merged:
            report.append(f"  duplicate hand alias {row['alias']!r}; first kept")
            continue
        merged[key] = (row["alias"], row["code"], row["source"])
    for key, (alias, code, source) in sorted(corpus.items()):
        if key not in merged:
            merged[key] = (alias, code, source)
        elif merged[key][1] == code:
            old_alias, _, old_source = merged[key]
            merged[key] = (old_alias, code, f"{old_source}; {source}")
        else:
            report.append(f"  corpus alias {alias!r}->{code} conflicts with hand alias ->{merged[key][1]}")
    return list(merged.values())


# --- checks --------------------------------------------------------------------


def check_tables(
    reference_ids: Iterable[str],
    stations: set[str],
    corrections: dict[str, str],
    aliases: list[tuple[str, str, str]],
) -> tuple[list[str], list[str]]:
    """Coverage lines and integrity errors."""
    errors: list[str] = []
    for published, canonical in sorted(corrections.items()):
        parts = split_reference_id(canonical)
        if parts is None or parts[1] not in stations:
            errors.append(f"  correction {published} -> {canonical}: canonical id does not split")
    for alias, code, _ in aliases:
        if code not in stations:
            errors.append(f"  alias {alias!r} -> {code}: unknown station")
        if squash(alias) in stations:
            errors.append(f"  note: alias {alias!r} -> {code} is itself a station code")

    ids = sorted(set(reference_ids))
    direct = corrected = 0
    unresolved: list[str] = []
    for reference_id in ids:
        parts = split_reference_id(reference_id)
        if reference_id not in corrections and parts and parts[1] in stations:
            direct += 1
            continue
        fixed = split_reference_id(corrections.get(reference_id, ""))
        if fixed and fixed[1] in stations:
            corrected += 1
        else:
            unresolved.append(reference_id)
    total = len(ids)
    resolved = direct + corrected
    share = 100.0 * resolved / total if total else 0.0
    coverage = [
        f"coverage: {resolved}/{total} corpus reference ids ({share:.2f} %) split as "
        f"YY + station + serial: {direct} directly, {corrected} after id_corrections.csv, "
        f"{len(unresolved)} unresolved"
    ]
    coverage += [f"  unresolved: {reference_id}" for reference_id in unresolved]
    return coverage, errors


def check_corrections_against_text(
    cables: dict[str, CableFacts],
    corrections: dict[str, str],
    aliases: list[tuple[str, str, str]],
) -> list[str]:
    """Do the pages of corrected ids name the corrected station (text or FM line)?"""
    alias_codes = {squash(alias): code for alias, code, _ in aliases}
    lines: list[str] = []
    for reference_id in sorted(cables):
        parts = split_reference_id(corrections.get(reference_id, ""))
        if parts is None:
            continue
        facts = cables[reference_id]
        keys = {squash(words) for words in facts.words} | {plad_key(p) for p in facts.plads}
        spelled = {alias_codes.get(key, key) for key in keys}
        evidence = "; ".join(sorted(facts.words) + [f"FM {p}" for p in sorted(facts.plads)])
        verdict = "agrees" if parts[1] in spelled else "NOT CONFIRMED"
        lines.append(f"  {reference_id} -> {corrections[reference_id]}: {verdict} ({evidence or 'no evidence'})")
    return lines


def competing_values(evidence: dict[str, StationEvidence]) -> list[str]:
    """Stations whose origin or routing indicator was not unanimous."""
    lines: list[str] = []
    for code, station in sorted(evidence.items()):
        for label, counter in (("origin", station.origins), ("DE", station.de_indicators)):
            if len(counter) > 1:
                ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
                shown = ", ".join(f"{value!r} {count}" for value, count in ranked)
                lines.append(f"  {code} {label} not unanimous: {shown}")
    return lines


# --- main -------------------------------------------------------------------------


# --- serial rates and tags ------------------------------------------------------

CREATED_RE = re.compile(r"<a href='/date/[^']*'>(\d{4})-(\d\d)-(\d\d) \d\d:\d\d</a>")
TAG_LINK_RE = re.compile(r"<a href='/tag/[^']*'>([^<]+)</a>")
# a station needs this many cables before its rate is trusted
MIN_RATE_CABLES = 3
# days added to the day of the year, so that early-January serials do not dominate
RATE_DAY_OFFSET = 5


def serial_rates(corpus: Path, corrections: dict[str, str]) -> dict[str, tuple[int, float, int]]:
    """station -> (cables, highest serial / (day of year + 5), first year) over the corpus pages.

    Each reference id counts once; its serial is compared with its Created date.  The
    first year is the earliest year of the cables counted: numbering was much faster in
    the mid-2000s than in 2009-2010, so ``cableparse.ids`` trusts the rate from that
    year on and allows for faster numbering before it.  A serial above
    ``1.5 * max_per_day * (day + 5) + 25`` at a given day is taken by ``cableparse.ids``
    as a cable of the year before.
    """
    seen: dict[str, tuple[str, int, float, int]] = {}
    for path in sorted(corpus.rglob("*.html")):
        source = path.read_text(encoding="utf-8", errors="replace")
        created = CREATED_RE.search(source)
        parts = canonical_parts(path.stem, corrections)
        if created is None or parts is None:
            continue
        yy, code, serial = parts
        day = _dt.date(int(created.group(1)), int(created.group(2)), int(created.group(3))).timetuple().tm_yday
        if int(created.group(1)) % 100 != int(yy):
            continue
        seen[path.stem] = (code, int(serial), int(serial) / (day + RATE_DAY_OFFSET), int(created.group(1)))
    by_station: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for code, _serial, ratio, year in seen.values():
        by_station[code].append((ratio, year))
    return {
        code: (len(found), round(max(r for r, _y in found), 3), min(y for _r, y in found))
        for code, found in by_station.items()
        if len(found) >= MIN_RATE_CABLES
    }


def tag_counts(corpus: Path) -> Counter[str]:
    """How many distinct cables carry each TAGS link."""
    tags: dict[str, set[str]] = defaultdict(set)
    for path in sorted(corpus.rglob("*.html")):
        source = path.read_text(encoding="utf-8", errors="replace")
        for tag in TAG_LINK_RE.findall(source):
            tags[html.unescape(tag).strip().upper()].add(path.stem)
    return Counter({tag: len(ids) for tag, ids in tags.items() if tag})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder holding cable/YYYY/MM/*.html pages")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    args = parser.parse_args(argv)
    data_dir: Path = args.data_dir

    corrections = load_corrections(data_dir / "id_corrections.csv")
    hand_stations = {row["code"] for row in read_csv(HAND_STATIONS)}
    hand_aliases = read_csv(HAND_ALIASES)

    cables, pages = collect(args.corpus, corrections)
    print(f"read {pages} pages, {len(cables)} distinct reference ids")
    report: list[str] = []

    evidence = station_evidence(cables, corrections)
    report += competing_values(evidence)
    routing = routing_table(cables)
    stations = build_stations(evidence, hand_stations, routing, report)
    aliases = merge_aliases(hand_aliases, corpus_aliases(evidence, stations, report), report)

    counts = {
        "stations.csv": write_csv(data_dir / "stations.csv", STATION_COLUMNS, stations.values()),
        "routing_indicators.csv": write_csv(data_dir / "routing_indicators.csv", ROUTING_COLUMNS, routing.items()),
        "station_aliases.csv": write_csv(data_dir / "station_aliases.csv", ALIAS_COLUMNS, aliases),
        "serial_rates.csv": write_csv(
            data_dir / "serial_rates.csv",
            ("station", "cables", "max_per_day", "first_year"),
            (
                (code, str(n), f"{rate:.3f}", str(first))
                for code, (n, rate, first) in serial_rates(args.corpus, corrections).items()
            ),
        ),
        "tags.csv": write_csv(
            data_dir / "tags.csv",
            ("tag", "cables"),
            (
                (tag, str(n))
                for tag, n in tag_counts(args.corpus).items()
                if n >= 2 and re.fullmatch(r"[A-Z]{2,5}", tag)
            ),
        ),
    }
    for name, count in counts.items():
        print(f"wrote {data_dir / name}: {count} rows")
    print(f"read {data_dir / 'id_corrections.csv'}: {len(corrections)} rows")
    print("notes:")
    for line in report:
        print(line)
    print("corrected ids in the corpus:")
    for line in check_corrections_against_text(cables, corrections, aliases):
        print(line)

    coverage, errors = check_tables(cables, set(stations), corrections, aliases)
    for line in errors:
        print(line)
    for line in coverage:
        print(line)
    return 1 if any(not line.startswith("  note:") for line in errors) else 0


if __name__ == "__main__":
    sys.exit(main())
