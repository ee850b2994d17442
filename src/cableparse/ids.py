"""Canonical reference ids, stations, routing indicators, REF items and TAGS.

A reference id is a two-digit year, a station code and a serial (``07PHNOMPENH350``).
Some published ids are malformed (``08SCTION02OF02SAOPAULO335``); REF items spell the
station in many ways (``SECSTATE``, ``ADDIS``, ``THE HAGUE``, ``0TTAWA``) and often leave
the year out.  The functions here put all of these into one canonical form, using the
tables in ``cableparse/data/`` (see ``data/README.md`` for where each fact comes from).
The tables are read on first use and cached.

>>> canonical_id("08SCTION02OF02SAOPAULO335")
'08SAOPAULO335'
>>> reference_id_parts("07PHNOMPENH350")
(2007, 'PHNOMPENH', 350)
>>> classify_reference("06 REYKJAVIK 431", "07")
('cable', '06REYKJAVIK431')
>>> routing_indicator_name("RUEHPF")
'AMEMBASSY PHNOM PENH'
"""

from __future__ import annotations

import bisect
import csv
import datetime as _dt
import os
import re
from collections.abc import Iterable
from functools import cache, lru_cache

__all__ = [
    "REFERENCE_KINDS",
    "canonical_id",
    "canonical_station",
    "canonical_tags",
    "classify_reference",
    "id_correction_note",
    "reference_cable_ids",
    "reference_id_parts",
    "routing_indicator_name",
    "station_for_origin",
    "station_words",
]

#: The kinds :func:`classify_reference` returns (besides ``None``).
REFERENCE_KINDS = ("cable", "email", "memo", "meeting", "message", "report", "other")


# --- tables -------------------------------------------------------------------


def _rows(name: str) -> list[dict[str, str]]:
    # the tables lie beside this module: read from there, and through importlib.resources
    # only when they are not on disk (a zip archive): importing it (pathlib, tempfile,
    # shutil and more) and its first use (zipfile) cost more than all the tables
    try:
        with open(os.path.join(os.path.dirname(__file__), "data", name), encoding="utf-8") as f:
            text = f.read()
    except OSError:
        from importlib import resources

        text = resources.files("cableparse").joinpath("data", name).read_text(encoding="utf-8")
    rows = csv.reader(text.splitlines())
    names = next(rows)
    # (as csv.DictReader reads them: a blank line is no row; the tables' rows are complete)
    return [dict(zip(names, row, strict=True)) for row in rows if row]


_ZERO_AS_O_RE = re.compile(r"(?<=[A-Z])0|0(?=[A-Z])")
_NOT_KEY_RE = re.compile(r"[^A-Z0-9]")


def _key(words: str) -> str:
    """Lookup key of station words: upper case, no spaces or punctuation."""
    return _NOT_KEY_RE.sub("", words.upper())


@cache
def _stations() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in _rows("stations.csv")}


@cache
def _aliases() -> dict[str, str]:
    return {_key(row["alias"]): row["code"] for row in _rows("station_aliases.csv")}


@cache
def _corrections() -> dict[str, str]:
    return {row["published"]: row["canonical"] for row in _rows("id_corrections.csv")}


@cache
def _correction_kinds() -> dict[str, tuple[str, str]]:
    return {row["published"]: (row["kind"], row["source"]) for row in _rows("id_corrections.csv")}


@cache
def _routing() -> dict[str, str]:
    table = {row["routing_indicator"]: row["name"] for row in _rows("routing_indicators.csv")}
    for row in _stations().values():
        if row["routing_indicator"] and row["plad"]:
            table.setdefault(row["routing_indicator"], row["plad"])
    return table


@cache
def _origins() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, row in _stations().items():
        for value in (row["origin"], row["words"], row["plad"]):
            if value:
                table.setdefault(_key(value), code)
    return table


@cache
def _rates() -> dict[str, tuple[int, float, int]]:
    """station -> (cables observed, highest serials-per-day seen, first year observed)."""
    return {
        row["station"]: (int(row["cables"]), float(row["max_per_day"]), int(row["first_year"]))
        for row in _rows("serial_rates.csv")
    }


@cache
def _tag_fixes() -> dict[str, tuple[str, ...]]:
    return {row["tag"]: tuple(t for t in row["fixed"].split("|") if t) for row in _rows("tag_fixes.csv")}


@cache
def _known_tags() -> frozenset[str]:
    return frozenset(row["tag"] for row in _rows("tags.csv"))


# --- stations -------------------------------------------------------------------

# Address words in front of station words (``AMEMBASSY HANOI``, ``USMISSION GENEVA``).
_ADDRESS_PREFIXES = ("AMEMBASSY", "AMCONSUL", "AMCONSULATE", "EMBASSY", "CONSULATE", "USMISSION", "AMMISSION")
# Words a REF item puts between station and serial (``COLOMBO CABLES 0266``).
_FILLER = frozenset(
    {"CABLE", "CABLES", "TEL", "TELS", "REFTEL", "REFTELS", "MSG", "NO", "NOS", "NUMBER", "NR", "TELEGRAM", "TELEGRAMS"}
)
# Station codes whose short form is ambiguous by year: the published ids use ``TAIPEI``
# up to 2006 and ``AITTAIPEI`` later (06TAIPEI2921, 08AITTAIPEI1698, 09AITTAIPEI275).
_AIT_FROM_YEAR = 7


def _damerau1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one edit (insert, delete, replace, swap)."""
    la, lb = len(a), len(b)
    if a == b or abs(la - lb) > 1:
        return False
    i = 0
    short = min(la, lb)
    while i < short and a[i] == b[i]:
        i += 1
    if la == lb:
        # one letter replaced, or two neighbours swapped
        return a[i + 1 :] == b[i + 1 :] or (
            i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        )
    if la < lb:
        return a[i:] == b[i + 1 :]
    return b[i:] == a[i + 1 :]


@lru_cache(maxsize=1 << 16)
def canonical_station(words: str, *, fuzzy: bool = True) -> str | None:
    """The station code that station words name, or ``None`` when they name no station.

    Spaces and punctuation are ignored, a zero written for the letter O is read as O,
    address prefixes are dropped, aliases and typos of ``station_aliases.csv`` are
    resolved.  With ``fuzzy`` (the default) an unknown word of six or more letters that
    is one edit away from exactly one station code, or that starts exactly one station
    code (a truncated name), is taken as that station.

    >>> canonical_station("THE HAGUE"), canonical_station("0TTAWA"), canonical_station("ADDIS")
    ('THEHAGUE', 'OTTAWA', 'ADDISABABA')
    >>> canonical_station("PARIS POINTS NOV") is None
    True
    """
    key = _key(words)
    if "0" in key:
        key = _ZERO_AS_O_RE.sub("O", key)
    if not key or not key.isalpha():
        return None
    stations = _stations()
    aliases = _aliases()
    for prefix in _ADDRESS_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            rest = canonical_station(key[len(prefix) :], fuzzy=fuzzy)
            if rest is not None:
                return rest
    if key in stations:
        return key
    if key in aliases:
        return aliases[key]
    if fuzzy and len(key) >= 6:
        # (a name one edit away shares a deletion with the key: looked up, not scanned)
        index = _fuzzy_index()
        near = {code for cut in _deletions(key) for name, code in index.get(cut, ()) if _damerau1(key, name)}
        if len(near) == 1:
            return near.pop()
        codes = _sorted_codes()
        at = bisect.bisect_left(codes, key)
        starts = at < len(codes) and codes[at].startswith(key)
        if starts and not (at + 1 < len(codes) and codes[at + 1].startswith(key)):
            return codes[at]  # the one station code the word starts
    return None


@cache
def _sorted_codes() -> tuple[str, ...]:
    return tuple(sorted(_stations()))


def _fuzzy_names() -> list[tuple[str, str]]:
    """(name, code) of the station codes, and of the aliases of six or more letters: the
    names a typo one edit away is looked for among."""
    names = [(code, code) for code in _stations()]
    names += [(alias, code) for alias, code in _aliases().items() if len(alias) >= 6]
    return names


def _deletions(word: str) -> set[str]:
    """``word`` and each string that one letter of it deleted leaves."""
    return {word, *(word[:k] + word[k + 1 :] for k in range(len(word)))}


@cache
def _fuzzy_index() -> dict[str, tuple[tuple[str, str], ...]]:
    """:func:`_fuzzy_names` under each of their :func:`_deletions`.  Two words one edit
    apart share one: the shorter, where a letter is inserted or deleted; the word less the
    letter replaced; the word less the first letter of a swapped pair in one and less the
    second in the other.  So the names one edit from a key are among those filed under its
    own deletions (a test holds this to a scan of all the names)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for name, code in _fuzzy_names():
        for cut in _deletions(name):
            found.setdefault(cut, []).append((name, code))
    return {cut: tuple(group) for cut, group in found.items()}


def _station_in_year(code: str, yy: str) -> str:
    if code in ("TAIPEI", "AITTAIPEI"):
        y = int(yy)
        return "AITTAIPEI" if _AIT_FROM_YEAR <= y < 50 else "TAIPEI"
    return code


def station_words(code: str) -> str | None:
    """How a station's classification line spells it (``PHNOMPENH`` -> ``PHNOM PENH``).

    ``None`` when the station is unknown or its words were never seen.

    >>> station_words("PHNOMPENH")
    'PHNOM PENH'
    """
    row = _stations().get(code.upper())
    return row["words"] or None if row else None


def station_for_origin(origin: str) -> str | None:
    """The station code of an origin name: the metadata Origin (``Embassy Phnom Penh``),
    a classification line's words (``USUN NEW YORK``) or a PLAD (``AMEMBASSY HANOI``).

    >>> station_for_origin("Embassy Phnom Penh"), station_for_origin("Secretary of State")
    ('PHNOMPENH', 'STATE')
    >>> station_for_origin("American Institute Taiwan, Taipei")
    'AITTAIPEI'
    """
    key = _key(origin)
    found = _origins().get(key)
    if found is not None:
        return found
    for prefix in ("EMBASSY", "CONSULATE", "MISSION", "USMISSION", "AMEMBASSY", "AMCONSUL"):
        if key.startswith(prefix) and key[len(prefix) :] in _stations():
            return key[len(prefix) :]
    return canonical_station(origin, fuzzy=False)


def routing_indicator_name(ri: str) -> str | None:
    """The addressee name of a routing indicator (``RUEHPF`` -> ``AMEMBASSY PHNOM PENH``).

    ``None`` when the indicator is not in ``routing_indicators.csv``.

    >>> routing_indicator_name("RUEHC")
    'SECSTATE WASHDC'
    """
    return _routing().get(ri.strip().upper())


# --- reference ids -----------------------------------------------------------------

_ID_RE = re.compile(r"^(\d{2})([A-Z]+)(\d{1,7})$")
_LOOSE_ID_RE = re.compile(r"^(\d{2})(\d{2})?([A-Z0-9]*?[A-Z])0*(\d{1,7})$")
# debris of a ``SECTION 01 OF 02`` caption, misspelt (``SCTION02OF02``, ``SECTIOQ1OF06``)
_SECTION_DEBRIS_RE = re.compile(r"^[A-Z]{0,8}\d{0,2}[A-Z]?[OQG0][F]\d{1,2}")
_CAPTION_PREFIXES = ("EFTO", "NOFORN", "SIFIED", "CLASSIFIED", "UNCLAS", "SIPDIS")


def reference_id_parts(reference_id: str) -> tuple[int, str, int] | None:
    """(four-digit year, station code, serial) of a reference id, after :func:`canonical_id`.

    Two-digit years from 66 up are 19xx, the others 20xx.  ``None`` when the id does
    not split.

    >>> reference_id_parts("09AMEMBASSYHANOI1284")
    (2009, 'HANOI', 1284)
    """
    m = _ID_RE.match(canonical_id(reference_id))
    if m is None:
        return None
    yy = int(m.group(1))
    return (1900 + yy if yy >= 66 else 2000 + yy, m.group(2), int(m.group(3)))


def _repair(reference_id: str) -> tuple[str, str] | None:
    """(canonical id, note) by rule, or None when no rule applies."""
    m = _LOOSE_ID_RE.match(reference_id)
    if m is None:
        return None
    yy, doubled, middle, serial = m.groups()
    notes: list[str] = []
    if doubled is not None:
        if doubled != yy:
            return None
        notes.append("doubled year")
    station = canonical_station(middle, fuzzy=False)
    if station is None:
        stripped = middle
        for _ in range(3):
            before = stripped
            d = _SECTION_DEBRIS_RE.match(stripped)
            if d is not None and d.end() < len(stripped):
                stripped = stripped[d.end() :]
                notes.append("section caption debris")
            for prefix in _CAPTION_PREFIXES:
                if stripped.startswith(prefix) and len(stripped) > len(prefix) + 2:
                    stripped = stripped[len(prefix) :]
                    notes.append(f"{prefix} caption")
            if stripped == before:
                break
        if not stripped.isalpha():
            return None
        station = canonical_station(stripped)
        if station is None:
            return None
        if station != stripped:
            notes.append(f"station {stripped} -> {station}")
    elif station != middle:
        notes.append(f"station {middle} -> {station}")
    fixed = f"{yy}{_station_in_year(station, yy) if station == 'AITTAIPEI' else station}{int(serial)}"
    return fixed, ", ".join(notes) or "leading zeros"


@lru_cache(maxsize=1 << 16)
def _canonical(reference_id: str) -> tuple[str, str | None]:
    rid = "".join(reference_id.split()).upper()
    corrections = _corrections()
    if rid in corrections:
        kind, source = _correction_kinds()[rid]
        return corrections[rid], f"{kind} ({source})"
    m = _ID_RE.match(rid)
    if m is not None and m.group(2) in _stations() and not m.group(3).startswith("0"):
        return rid, None
    repaired = _repair(rid)
    if repaired is not None and repaired[0] != rid:
        return repaired
    return reference_id, None


def canonical_id(reference_id: str) -> str:
    """The reference id corrected where the published one is malformed.

    Corrections come from ``id_corrections.csv`` (malformed ids of the release, with
    their sources) and from rules: ``SECTION x OF y`` debris, ``EFTO``/caption words and
    address prefixes glued in, a doubled year, leading zeros of the serial, and station
    typos and aliases (``station_aliases.csv``, or one edit from a known station).  An
    id that is already canonical, or that no rule explains, is returned unchanged.
    :func:`id_correction_note` says why an id was changed.

    >>> canonical_id("08ECTION01OF02MANAMA492"), canonical_id("06EFTOBAKU1165")
    ('08MANAMA492', '06BAKU1165')
    >>> canonical_id("7575LIBREVILLE1895"), canonical_id("07SOIA828")
    ('75LIBREVILLE1895', '07SOFIA828')
    >>> canonical_id("07PHNOMPENH350")
    '07PHNOMPENH350'
    """
    return _canonical(reference_id)[0]


def id_correction_note(reference_id: str) -> str | None:
    """Why :func:`canonical_id` changes ``reference_id`` (for a diagnostic), or ``None``.

    >>> id_correction_note("10EFTOKABUL668")
    'efto-caption (heuer/cablemap consts.py MALFORMED_CABLE_IDS (BSD), via reference notes)'
    """
    return _canonical(reference_id)[1]


# --- REF items --------------------------------------------------------------------

_WORD = r"[A-Z][A-Z'.]{0,24}(?![A-Z'.])"
_MENTION_RE = re.compile(
    r"(?<![A-Z0-9])"
    r"(?:(?P<y4>(?:19|20)\d{2})\s{0,4}(?=[A-Z])|(?P<y3>0\d{2})\s{1,4}(?=[A-Z])|['‘’`]?(?P<y2>\d{2})(?:\s{1,4}|(?=[A-Z]))"
    r"|\((?P<yp>\d{2}|\d{4})\)\s{0,4})?"
    rf"(?P<words>{_WORD}(?:[ \t]{{1,4}}{_WORD}){{0,5}})"
    r"\s{0,4}(?:\((?P<ym>\d{2})\)\s{0,4})?(?:[:#]|NO\.)?\s{0,4}"
    r"(?P<serial>0{0,4}\d{1,7})(?![\dA-Z])"
    r"(?P<more>(?:\s{0,4}(?:/|,|&|;|\bAND\b)\s{0,4}#?\d{1,7}(?![\dA-Z]))*)"
    r"(?:\s{0,4}(?P<ysep>[-/])(?P<ys>\d{2})(?![\d/])|\s{0,4}\((?P<ysp>\d{2}|\d{4})\)|\s{1,4}(?P<yt>\d{2})\s{0,4}$)?"
)
_SERIAL_FIRST_RE = re.compile(r"^#?(?P<serial>\d{1,7})\s+(?P<words>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2})\s*$")
_DATE_AFTER_RE = re.compile(r"\s*/\s*\d{1,2}\s*/\s*\d{2,4}")
# (the patterns of the kinds, compiled once, in _KIND_RE)
_DTG = r"\b[A-Z]?\d{6}\s?Z\b|\bDTG\b"
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("email", r"\bE-?\s?MAILS?\b|\bEMAILED\b"),
    (
        "memo",
        (
            r"\bMEMO(?:RANDUM|RANDA|S)?\b|\bMEMCONS?\b|\bNON-?PAPERS?\b|\bLETTERS?\b|\bDIPNOTES?\b"
            r"|\bDIPLOMATIC NOTES?\b|\bNOTE VERBALE\b|\bFAX\b"
        ),
    ),
    (
        "meeting",
        (
            r"\bMEETINGS?\b|\bTELE?CONS?\b|\bTELEPHONE\b|\bPHONE\b|\bCONVERSATIONS?\b|\bCALLS?\b"
            r"|\bDISCUSSIONS?\b|\b[DS]?VTCS?\b|\bVIDEO-?\s?CONFERENCES?\b|\bBRIEFINGS?\b"
        ),
    ),
    (
        "report",
        (
            r"\bREPORTS?\b|\bIIRS?\b|\bINCSR\b|\bOSC\b|\bFBIS\b|\bTD-?\s?\d|\bASSESSMENTS?\b"
            r"|\bSTUDY\b|\bSURVEY\b|\bSITREPS?\b|\bSPOT\s?REPS?\b"
        ),
    ),
    (
        "other",
        (
            r"\bUNSCRS?\b|\bRESOLUTIONS?\b|\bFAM\b|\bFAH\b|\bPOINTS\b|\bDAILY\b|\bARTICLES?\b"
            r"|\bSTATEMENTS?\b|\bSPEECH\b|\bWEBSITE\b|\bLAW\b|\bEXP\.?\s?LIC\b|\bAGREEMENT\b"
            r"|\bTREATY\b|\bU\.?S\.?C\.?\b|\bCFR\b|\bPRESS\b|\bNEWSPAPER\b"
        ),
    ),
)
# All kinds in one search: the leftmost keyword wins, an earlier kind on a tie, and a
# date-time group only when it comes first (the order of the alternatives).
_KIND_RE = re.compile("|".join(f"(?P<{kind}>{rx})" for kind, rx in _KEYWORDS) + f"|(?P<message>{_DTG})")
_LETTER_OR_DIGIT_RE = re.compile(r"[A-Z0-9]")
# the serial of an id that reads as a year (``INCSR BRAZIL 2008`` is no cable)
_YEAR_LIKE_SERIAL_RE = re.compile(r"(?<=[A-Z])(?:19[6-9]\d|20[0-3]\d)$")
_BARE_CABLE_RE = re.compile(r"\s*(?:SEPTEL|REFTEL|#?\d{1,7}(?:\s*(?:AND|,|&)\s*\d{1,7})*+(?:\s+AND\s+PREVIOUS)?)\W*")
_MORE_RE = re.compile(r"([/,&;]|AND)\s*#?(\d{1,7})")
_ITEM_BULLET_RE = re.compile(r"^\s*(?:REF(?:TEL)?S?(?:\s*[:.])?\s*)?(?:\(?[A-Z]\)|\[[A-Z]\]|[A-Z][.:](?=\s))\s*")
# (each opens with the character it replaces, and looks behind it from there: a search
# for a literal runs in C, where one that opens with a look-behind tries every position)
_DASH_RE = re.compile(r"-(?:(?<=\d-)(?=[A-Z])|(?<=[A-Z]-)(?=\d))")
_LETTER_O_RE = re.compile(r"O(?<![A-Z0-9]O)(?=\d)")
_ZERO_FIRST_RE = re.compile(r"0(?<![A-Z0-9]0)(?=[A-Z]{2})")
_ZERO_INSIDE_RE = re.compile(r"0(?:(?<=[A-Z]0)(?=[A-Z])|(?<=[A-Z]{4}0)(?![\dA-Z]))")


@lru_cache(maxsize=4096)
def _normalise_item(text: str) -> str:
    up = " ".join(text.upper().split())
    bullet = _ITEM_BULLET_RE.match(up)
    if bullet is not None:
        up = up[bullet.end() :]
    if "-" in up:
        up = _DASH_RE.sub(" ", up)  # 10-OTTAWA-57
    if "O" in up:
        up = _LETTER_O_RE.sub("0", up)  # O4 CHENNAI, LAGOS O1512
    if "0" in up:
        up = _ZERO_FIRST_RE.sub("O", up)  # 0TTAWA
        up = _ZERO_INSIDE_RE.sub("O", up)  # COTON0U, SANTIAG0
    return up


@lru_cache(maxsize=8192)
def _station_of_words(words: str) -> tuple[str, int] | None:
    """The station the last words of ``words`` name, and the offset where they start."""
    parts = words.split()
    while parts and parts[-1].rstrip(".") in _FILLER:
        parts.pop()
    for i in range(len(parts)):
        cand = " ".join(parts[i:])
        station = canonical_station(cand, fuzzy=i == 0 or len(parts) - i > 1)
        if station is not None:
            offset = 0
            for word in parts[:i]:
                offset = words.index(word, offset) + len(word)
            return station, (words.index(parts[i], offset) if i else 0)
    return None


# How far above the fastest numbering seen a serial must be before it is taken as last
# year's (tuned on REF items that give their year, see docs/identifiers.md).
_RATE_SLACK = 1.5
_SAME_STATION_SLACK = 1.05
# Numbering was much faster in the mid-2000s than in 2009-2010 (Paris about 24 serials a
# day in 2006, 5 in 2009; Moscow 38 and 9; STATE over 800 in 2004, 370 in 2009): before
# the first year a station's rate was seen in, it is raised this much per year, so that
# a serial plausible for the citing year is never moved to the year before.
_EARLIER_YEAR_GROWTH = 1.6


def _rate_on(station: str, year: int) -> float | None:
    """The highest serials-per-day ``station`` plausibly numbered at in ``year``, or None."""
    rate = _rates().get(station)
    if rate is None:
        return None
    _cables, max_per_day, first_year = rate
    if year < first_year:
        # (at most 40 years back: a date of year 270 in damaged metadata overflows the power)
        return max_per_day * _EARLIER_YEAR_GROWTH ** min(first_year - year, 40)
    return max_per_day


def _previous_year(station: str, serial: int, cited_on: _dt.date, citing: tuple[int, str, int] | None) -> bool:
    """True when ``serial`` is too high for ``station`` at ``cited_on``: the cited cable
    must be from the year before."""
    if citing is not None and citing[1] == station and citing[0] == cited_on.year:
        # serials are given at transmission, so a cable may cite one numbered a little later
        return serial > citing[2] * _SAME_STATION_SLACK + 10
    max_per_day = _rate_on(station, cited_on.year)
    if max_per_day is None:
        return False
    day = cited_on.timetuple().tm_yday
    return serial > max_per_day * _RATE_SLACK * (day + 5) + 25


def _two(year: str) -> str:
    return year[-2:]


@lru_cache(maxsize=4096)
def _mentions(
    text: str, year: str | None, cited_on: _dt.date | None, citing_id: str | None
) -> tuple[tuple[int, str | None], ...]:
    """Cable mentions of a REF item: (start position, canonical id or None when the year
    is unknown) each.  Cached: :func:`reference_cable_ids` asks again for what
    :func:`classify_reference` found."""
    up = _normalise_item(text)
    if not any(map(str.isdecimal, up)):
        return ()  # a mention ends with a serial
    citing: tuple[int, str, int] | None = None  # (read where a mention gives no year)
    own = canonical_id(citing_id) if citing_id is not None else None
    found: list[tuple[int, str | None]] = []
    matches: list[tuple[int, str, str | None, list[int]]] = []
    pos = 0
    while True:
        m = _MENTION_RE.search(up, pos)
        if m is None:
            break
        # (the pattern's groups, in order, read in one call)
        y4, y3, y2, yp, words, ym, serial_text, more_text, _ysep, ys, ysp, yt = m.groups()
        named = _station_of_words(words)
        if named is None or _DATE_AFTER_RE.match(up, m.end("serial")):
            # try again after the first word (``PARIS POINTS NOV 22 STATE 123``)
            nxt = up.find(" ", m.start("words"))
            pos = m.end("serial") if nxt < 0 or nxt >= m.end("words") else nxt + 1
            continue
        station, offset = named
        serials = [int(serial_text)]
        more = _MORE_RE.findall(more_text) if more_text else []
        suffix_year = ys or ysp or yt
        if len(more) == 1 and more[0][0] == "/" and len(more[0][1]) == 2 and not suffix_year:
            suffix_year, more = more[0][1], []  # PANAMA 00789/08
        serials += [int(num) for _sep, num in more]
        explicit = y4 or y2 or yp or ym or suffix_year
        yy = _two(explicit) if explicit else None
        if y3:
            yy = y3[1:]
        start = m.start() if explicit and not suffix_year else m.start("words") + offset
        matches.append((start, station, yy, serials))
        pos = m.end()
    if not matches:
        s = _SERIAL_FIRST_RE.match(up.strip())
        if s is not None:
            first = canonical_station(s.group("words"))
            if first is not None:
                matches.append((0, first, None, [int(s.group("serial"))]))
    for start, station, yy, serials in matches:
        for serial in serials:
            y = yy
            if y is None:
                base = year if year else (f"{cited_on.year % 100:02d}" if cited_on else None)
                if base is not None and cited_on is not None:
                    if citing is None and citing_id:
                        citing = reference_id_parts(citing_id)
                    if _previous_year(station, serial, cited_on, citing):
                        base = f"{(int(base) - 1) % 100:02d}"
                y = base
            if y is None:
                found.append((start, None))
                continue
            cid = canonical_id(f"{y}{_station_in_year(station, y)}{serial}")
            if cid == own:
                continue  # a page header repeating the cable's own id
            found.append((start, cid))
    return tuple(found)


def reference_cable_ids(
    text: str, year: str | None, cited_on: _dt.date | None = None, citing_id: str | None = None
) -> tuple[str, ...]:
    """Canonical ids of every cable one REF item names, in order, without repeats.

    ``Kabul 692/317/274/162`` names four cables, ``SECSTATE 232089 & USUN 2336`` two.
    The arguments are those of :func:`classify_reference`.  An item that is not a cable
    (an e-mail, a report) gives ``()``, unless a cable follows it in the same item, as
    where two items run together (``LEE-GOLDSTEIN EMAIL 05/11/07 B) TALLINN 347``); such
    a cable is taken unless its serial reads as a year (``INCSR BRAZIL 2008``).

    >>> reference_cable_ids("Kabul 692/317/274", "06")
    ('06KABUL692', '06KABUL317', '06KABUL274')
    """
    kind, _first = classify_reference(text, year, cited_on, citing_id)
    found = _mentions(text, year, cited_on, citing_id)
    cids = (cid for _pos, cid in found if cid is not None)
    if kind != "cable":
        cids = (cid for cid in cids if not _YEAR_LIKE_SERIAL_RE.search(cid))
    return tuple(dict.fromkeys(cids))


def classify_reference(
    text: str, year: str | None, cited_on: _dt.date | None = None, citing_id: str | None = None
) -> tuple[str | None, str | None]:
    """What one REF item cites: ``(kind, cable_id)``.

    ``text`` is the item as written (``"STATE 202745"``, ``"(A) 08 CAIRO 2483"``,
    ``"GUHA-CARTER E-MAIL (07SEP07)"``).  ``kind`` is one of ``"cable"``, ``"email"``,
    ``"memo"``, ``"meeting"``, ``"message"`` (cited by date-time group), ``"report"``,
    ``"other"``, or ``None`` for an empty item; ``cable_id`` is the canonical id of the
    (first) cable cited, or ``None``.  ``year`` is the citing cable's two-digit year,
    used when the item has none; ``cited_on`` (the citing cable's date) and
    ``citing_id`` (its id) let a serial that is too high for that date move the cited
    cable to the year before.  Station words must name a known station or alias.

    >>> classify_reference("STATE 202745", "08", _dt.date(2008, 3, 4))
    ('cable', '07STATE202745')
    >>> classify_reference("SECDEF R162245Z OCT 08", "08")
    ('message', None)
    >>> classify_reference("PARIS POINTS NOV 22", "06")
    ('other', None)
    """
    up = _normalise_item(text)
    if _LETTER_OR_DIGIT_RE.search(up) is None:
        return None, None
    found = _mentions(text, year, cited_on, citing_id)
    if found:
        first_cable = min(pos for pos, _cid in found)
        # a keyword only wins when it starts before the first cable mention
        k = _KIND_RE.search(up) if first_cable else None
        if k is None or k.start() >= first_cable:
            return "cable", next((cid for _pos, cid in found if cid is not None), None)
        return k.lastgroup, None
    k = _KIND_RE.search(up)
    if k is not None:
        return k.lastgroup, None
    if _BARE_CABLE_RE.fullmatch(up):
        return "cable", None
    return "other", None


# --- TAGS ----------------------------------------------------------------------------

_PERSON_RE = re.compile(r"^(OVIP|KPAO|CODEL) ([A-Z'-]+),? ([A-Z][A-Z. '-]*)$")


def _split_glued(tag: str) -> tuple[str, ...] | None:
    """Split a run of glued tags (``MASSMNUC``) into known tags, or None."""
    known = _known_tags()
    n = len(tag)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        for size in (4, 2, 5, 3):
            piece = tag[i : i + size]
            if len(piece) == size and piece in known:
                cand = (*cur, piece)
                if best[i + size] is None or len(cand) < len(best[i + size] or ()):
                    best[i + size] = cand
    result = best[n]
    return result if result is not None and len(result) > 1 else None


def canonical_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """TAGS in canonical form: typos fixed, glued tags split, person tags normalised.

    Each tag is upper-cased with runs of spaces collapsed; ``tag_fixes.csv`` maps known
    typos and glued forms (``POGOV`` -> ``PGOV``, ``MASSMNUC`` -> ``MASS``, ``MNUC``); an
    unknown all-letter tag of six or more letters that splits exactly into tags seen in
    the corpus is split; person tags become ``OVIP (SURNAME, GIVEN)``; multi-word tags
    (``HUMAN RIGHTS``) stay whole; repeats are dropped, first occurrence kept.  The raw
    tags (``Header.tags``) are not changed: call this on request.

    >>> canonical_tags(["MASSMNUC", "POGOV", "ovip (steinberg, james b.)", "PHUM", "PHUM"])
    ('MASS', 'MNUC', 'PGOV', 'OVIP (STEINBERG, JAMES B.)', 'PHUM')
    """
    fixes = _tag_fixes()
    known = _known_tags()
    out: list[str] = []
    for raw in tags:
        tag = " ".join(raw.upper().split()).strip(" ,;")
        if not tag:
            continue
        fixed: tuple[str, ...]
        if tag in fixes:
            fixed = fixes[tag]
        else:
            person = _PERSON_RE.match(" ".join(tag.replace("(", " ").replace(")", " ").split()))
            if person is not None:
                fixed = (f"{person.group(1)} ({person.group(2)}, {person.group(3).strip()})",)
            elif tag not in known and tag.isalpha() and len(tag) >= 6:
                fixed = _split_glued(tag) or (tag,)
            else:
                fixed = (tag,)
        out.extend(fixed)
    return tuple(dict.fromkeys(out))
