"""Diagnostic codes and the strict-mode exception.

Each code is stable: once published it keeps its meaning.  ``CODES`` maps a code to
its severity and a one-line description; the documentation's diagnostics reference is
built from it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Diagnostic

__all__ = ["CODES", "CableParseError", "Collector", "describe"]

ERROR = "error"
WARNING = "warning"
INFO = "info"

#: code -> (severity, description)
CODES: dict[str, tuple[str, str]] = {
    # input and sources (CP0xx)
    "CP001": (ERROR, "the input holds no cable text at all"),
    "CP002": (WARNING, "bytes that are not UTF-8 were replaced with U+FFFD"),
    "CP003": (ERROR, "the input is larger than max_bytes and was not parsed"),
    "CP004": (WARNING, "control characters were found in the input and kept as spaces"),
    "CP010": (WARNING, "an HTML page without the expected <pre> blocks"),
    "CP011": (WARNING, "a metadata table or line that could not be read whole"),
    "CP012": (INFO, "no metadata: the reference id was derived from the cable text"),
    "CP013": (WARNING, "no metadata and no way to derive the reference id"),
    "CP014": (WARNING, "a metadata date that could not be read"),
    "CP015": (INFO, "the page is a partial extract of the original cable"),
    "CP016": (ERROR, "a cables.csv row that could not be read whole (wrong number of fields, unclosed quote)"),
    "CP017": (WARNING, "a text file whose routing header and cable text, written run together, could not be put apart"),
    # routing header (CP1xx)
    "CP101": (WARNING, "a routing header line that could not be parsed"),
    "CP102": (WARNING, "a date-time group that is not a valid date"),
    "CP103": (INFO, "a precedence word misspelt in the routing header"),
    "CP104": (INFO, "a page header inside the address list was removed"),
    "CP105": (INFO, "a station's distribution lines (offices and copies) kept with the text above the cable"),
    # header fields (CP2xx)
    "CP201": (WARNING, "no classification line at the start of the cable text"),
    "CP202": (INFO, "a keyword misspelt or without its colon (TAGE, SUBJ, E.0.)"),
    "CP203": (INFO, "the cable has no TAGS line"),
    "CP204": (INFO, "the cable has no SUBJECT line"),
    "CP205": (INFO, "several header fields run together on one line were split"),
    "CP206": (WARNING, "a header field appears a second time; the first was kept"),
    "CP207": (INFO, "a declassification date that could not be read as a date"),
    "CP208": (INFO, "a classification line whose level word is damaged (a letter doubled or lost)"),
    "CP209": (INFO, "a truncated first copy of the cable above its whole text (a partial extract), kept as preamble"),
    "CP210": (WARNING, "the classification line names another serial than the reference id: another cable's text"),
    "CP211": (INFO, "a header field's keyword written twice (Classified By: Classified by ...): read past the second"),
    # body (CP3xx)
    "CP301": (INFO, "reflowed text: paragraphs written one per line"),
    "CP302": (WARNING, "a database row pasted into the cable text"),
    "CP303": (INFO, "a continuation marker inside a line was removed"),
    "CP304": (WARNING, "a copy of the header block inside the body"),
    "CP305": (INFO, "fewer continuation markers than the sections announced"),
    "CP306": (INFO, "no signature line at the end of the text"),
    # preservation (CP9xx)
    "CP901": (WARNING, "lines of the routing header that are no header line were kept with the preamble"),
    "CP999": (ERROR, "an internal parser error; the text was kept as unplaced lines (please report it)"),
}


def describe(code: str) -> str:
    """The description of a diagnostic code (``KeyError`` for an unknown code)."""
    return CODES[code][1]


class Collector:
    """Collects diagnostics during one parse, with a line offset for the source."""

    __slots__ = ("items", "offset")

    def __init__(self, offset: int = 0) -> None:
        self.items: list[Diagnostic] = []
        self.offset = offset

    def add(self, code: str, message: str | None = None, line: int | None = None, column: int | None = None) -> None:
        """Record a diagnostic; ``line`` is 0-based within the parsed text, or None."""
        severity, text = CODES[code]
        # positional: Diagnostic(code, severity, message, line, column), cheaper than keywords
        self.items.append(
            Diagnostic(code, severity, message or text, None if line is None else line + 1 + self.offset, column)
        )


class CableParseError(ValueError):
    """Raised by ``parse(..., strict=True)`` when parsing found errors.

    ``diagnostics`` holds every diagnostic of the parse (not only the errors).  The
    exception pickles, so it crosses process boundaries.
    """

    def __init__(self, diagnostics: Iterable[Diagnostic], reference_id: str | None = None) -> None:
        self.diagnostics = tuple(diagnostics)
        self.reference_id = reference_id
        errors = [d for d in self.diagnostics if d.severity == ERROR]
        shown = "; ".join(str(d) for d in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        who = f"{reference_id}: " if reference_id else ""
        super().__init__(f"{who}{len(errors)} error(s): {shown}{more}")

    def __reduce__(self) -> tuple[type[CableParseError], tuple[tuple[Diagnostic, ...], str | None]]:
        return (CableParseError, (self.diagnostics, self.reference_id))
