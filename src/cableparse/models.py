"""The typed model of a cable.

Every class is a frozen, slotted attrs class: cheap to build, hashable, safe to share
between threads and processes.  Every field that real cables can lack is optional.
Collections are tuples so that a :class:`Cable` is immutable all the way down.
"""

from __future__ import annotations

import copyreg
import datetime as _dt
import operator
from collections.abc import Callable
from typing import Any, TypeVar

from attrs import NOTHING, Factory, field, fields, frozen

__all__ = [
    "Addressee",
    "Cable",
    "ClassificationLine",
    "ClassifiedBy",
    "Diagnostic",
    "ExecutiveOrder",
    "Header",
    "PageBreak",
    "Paragraph",
    "Reference",
    "Routing",
    "UnplacedLine",
]

_C = TypeVar("_C", bound=type)
#: the class of ``attrs.Factory(...)`` (``Factory`` is typed as a function)
_FACTORY: Any = type(Factory(list))


def _pickled_by_position(cls: _C) -> _C:
    """Pickle and copy instances of ``cls`` as the class and its field values in order.

    attrs' default pickles a slotted class through a state dict rebuilt field by field;
    this form is smaller and, registered with :mod:`copyreg` (looked up before any
    ``__reduce__`` method), nearly twice as fast both ways.  That is what
    :func:`~cableparse.parse_many` pays for every cable its workers send back.  The
    reducer is an ``attrgetter`` of the class and of ``_field_values``, a property that
    is itself an ``attrgetter`` of the fields: pickling an object runs no Python code
    (a class of one field, whose getter gives the value alone, has a function instead).
    """
    names = [a.name for a in fields(cls)]
    get: Callable[[Any], Any] = operator.attrgetter(*names)

    if len(names) == 1:

        def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
            return cls, (get(obj),)

        copyreg.pickle(cls, reduce)
    else:
        cls._field_values = property(get)  # type: ignore[attr-defined]
        copyreg.pickle(cls, operator.attrgetter("__class__", "_field_values"))
    return cls


def _built_through_slots(cls: _C) -> _C:
    """Give ``cls`` an ``__init__`` that stores each field through its slot's descriptor.

    attrs' ``__init__`` of a frozen class stores each field with ``object.__setattr__``,
    which looks the name up on every call; the slot's own descriptor stores it in about
    two thirds of the time.  Parsing builds tens of these objects a cable, and
    :func:`~cableparse.parse_many` builds them again from its workers' results.  The
    signature (names, defaults, annotations) is attrs' own.  A class with anything
    more than plain defaults and factories (validators, converters, hooks) keeps
    attrs' ``__init__``.
    """
    attrs_init: Any = cls.__dict__["__init__"]
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        return cls
    params: list[str] = []
    body: list[str] = []
    env: dict[str, Any] = {"NOTHING": NOTHING}
    for k, a in enumerate(fields(cls)):
        if a.validator is not None or a.converter is not None or a.kw_only or not a.init:
            return cls
        name = a.alias or a.name
        env[f"_set{k}"] = cls.__dict__[a.name].__set__
        default: Any = a.default
        if default is NOTHING:
            params.append(name)
        elif isinstance(default, _FACTORY):
            if default.takes_self:
                return cls
            env[f"_factory{k}"] = default.factory
            params.append(f"{name}=NOTHING")
            body.append(f"    if {name} is NOTHING:\n        {name} = _factory{k}()")
        else:
            env[f"_default{k}"] = default
            params.append(f"{name}=_default{k}")
        body.append(f"    _set{k}(self, {name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"]) + "\n"
    exec(compile(source, f"<cableparse.models {cls.__name__}.__init__>", "exec"), env)
    init = env["__init__"]
    init.__annotations__ = dict(attrs_init.__annotations__)
    init.__doc__ = attrs_init.__doc__
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[misc]
    return cls


@_pickled_by_position
@_built_through_slots
@frozen
class Diagnostic:
    """Something the parser noticed about its input.

    ``code`` is stable (see :mod:`cableparse.diagnostics` for the list), ``severity`` is
    ``"error"``, ``"warning"`` or ``"info"``, ``line`` and ``column`` are 1-based positions
    in the cable text the parser saw (``None`` when the finding is not tied to a line).
    """

    code: str
    severity: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = f"{self.line}:{self.column or 1}: " if self.line is not None else ""
        return f"{where}{self.code} {self.message}"


@_pickled_by_position
@_built_through_slots
@frozen
class ClassificationLine:
    """The first line of the cable text: ``UNCLAS SECTION 01 OF 07 PHNOM PENH 000350``.

    ``level`` is the classification with spaced letters closed up and upper-cased
    (``"UNCLAS"``, ``"CONFIDENTIAL"``, ``"SECRET"``, ``"LIMITED OFFICIAL USE"``);
    ``origin`` the origin words, ``serial`` the message number, ``section`` and
    ``sections`` the ``SECTION nn OF mm`` part when present.  ``raw`` is the line as
    written (whitespace folded); a caveat between the level and the rest
    (``UNCLAS E F T O LONDON 002187``: encrypt for transmission only) is kept there and
    is no part of ``origin``.
    """

    level: str | None = None
    section: int | None = None
    sections: int | None = None
    origin: str | None = None
    serial: int | None = None
    raw: str = ""


@_pickled_by_position
@_built_through_slots
@frozen
class ExecutiveOrder:
    """The ``E.O. 12958: DECL: 09/10/2027`` line.

    ``order`` is the executive order's number, ``declassify_on`` the declassification
    date when the line gives one as a date, ``raw`` the line as written.
    """

    order: str | None = None
    declassify_on: _dt.date | None = None
    raw: str = ""


@_pickled_by_position
@_built_through_slots
@frozen
class Reference:
    """One item of a ``REF:`` line: ``A. STATE 124823``.

    ``letter`` is the item's letter (``"A"``) or ``None``; ``text`` the item as written;
    ``cable_id`` the reference id of the cited cable (``"07STATE124823"``) when the item
    names a cable, else ``None``; ``kind`` what the item cites: ``"cable"``,
    ``"email"``, ``"memo"``, ``"meeting"``, ``"message"`` (cited by date-time group),
    ``"report"``, ``"other"``, or ``None`` when unknown.
    """

    letter: str | None = None
    text: str = ""
    cable_id: str | None = None
    kind: str | None = None


@_pickled_by_position
@_built_through_slots
@frozen
class ClassifiedBy:
    """The ``Classified By: ...; reasons 1.4(b) and (d).`` line.

    ``text`` is the whole statement after the keyword (lines joined), ``reasons`` the
    classification reasons found in it, normalised as ``"1.4(b)"``; ``marking`` the
    portion marking written before the keyword (``(U) Classified By: ...``), if any.
    """

    text: str = ""
    reasons: tuple[str, ...] = ()
    marking: str | None = None


@_pickled_by_position
@_built_through_slots
@frozen
class Header:
    """Metadata and the header fields of the cable text.

    The first five fields come from the page's metadata table (or the cables.csv
    columns): ``reference_id``, ``created`` and ``released`` (timezone-aware UTC),
    ``classification`` and ``origin``; ``referenced_ids`` is the list of cited reference
    ids that cables.csv carries in its own column (WikiLeaks' extraction of the REF
    lines).  The rest come from the cable text.
    ``captions`` holds handling captions (``SIPDIS``, ``SENSITIVE``, ``NOFORN`` ...) in the
    order found; ``handling`` the attention and passing lines (``STATE FOR G/TIP ...``).
    ``subject`` has lines joined by single spaces and no leading portion marking, which
    is kept in ``subject_marking``.
    """

    reference_id: str | None = None
    created: _dt.datetime | None = None
    released: _dt.datetime | None = None
    classification: str | None = None
    origin: str | None = None
    referenced_ids: tuple[str, ...] = ()
    classification_line: ClassificationLine | None = None
    captions: tuple[str, ...] = ()
    handling: tuple[str, ...] = ()
    executive_order: ExecutiveOrder | None = None
    tags: tuple[str, ...] = ()
    subject: str | None = None
    subject_marking: str | None = None
    references: tuple[Reference, ...] = ()
    classified_by: ClassifiedBy | None = None

    @property
    def canonical_id(self) -> str | None:
        """``reference_id`` corrected where the published id is malformed
        (``08ECTION01OF02MANAMA492`` -> ``08MANAMA492``); see :func:`cableparse.canonical_id`."""
        if self.reference_id is None:
            return None
        from .ids import canonical_id

        return canonical_id(self.reference_id)


@_pickled_by_position
@_built_through_slots
@frozen
class Addressee:
    """One addressee of the routing header: ``RUEHC/SECSTATE WASHDC IMMEDIATE 8106``.

    ``routing_indicator`` (``"RUEHC"``) may be absent; ``name`` is the plain-language
    address; ``precedence`` the per-addressee precedence (``"IMMEDIATE"``,
    ``"NIACT IMMEDIATE"`` ...); ``mcn`` the message continuity number; ``excluded`` the
    posts named on ``XMT`` lines under a collective.
    """

    name: str
    routing_indicator: str | None = None
    precedence: str | None = None
    mcn: str | None = None
    excluded: tuple[str, ...] = ()


@_pickled_by_position
@_built_through_slots
@frozen
class Routing:
    """The transmission header (ACP-127 format lines) above the cable text.

    ``transmission_id`` is the ``VZCZC...`` line; ``precedence`` the message precedence
    as a word (``"IMMEDIATE"`` for ``O``/``OO``); ``info_precedence`` the second letter of
    a dual precedence (``P R 041820Z JAN 10``); ``routing_indicators`` the indicators of
    the precedence line; ``originator``, ``serial``, ``section`` and ``filed`` the parts of
    the ``DE RUEHPF #0350/01 0640115`` line; ``security`` the level of the ``ZNR UUUUU``
    line and ``operating_signal`` its trailing group, with any service note or indicators
    after it (``ZZH ZDS``); ``dtg`` the date-time group as a
    UTC datetime and ``dtg_signal`` an operating signal after it (``ZDS``), with any
    service note that follows it (``ZDK CTG NUMEROUS REQUESTS``); ``sender``
    the ``FM`` line; ``to`` and ``info`` the addressees.
    ``partial`` is true for a "partial extract" record.  Lines of the header block that
    are neither format lines nor addressees go to ``Cable.preamble``.
    """

    transmission_id: str | None = None
    precedence: str | None = None
    info_precedence: str | None = None
    routing_indicators: tuple[str, ...] = ()
    originator: str | None = None
    serial: int | None = None
    section: int | None = None
    filed: str | None = None
    security: str | None = None
    operating_signal: str | None = None
    dtg: _dt.datetime | None = None
    dtg_signal: str | None = None
    sender: str | None = None
    to: tuple[Addressee, ...] = ()
    info: tuple[Addressee, ...] = ()
    partial: bool = False


@_pickled_by_position
@_built_through_slots
@frozen
class Paragraph:
    """A paragraph of the cable body.

    ``number`` is the paragraph number as written (``"1"``, ``"1A"``) or ``None`` for an
    unnumbered block; ``marking`` the portion marking without parentheses or spaces,
    upper-cased (``"U"``, ``"SBU"``, ``"S//NF"``); ``heading`` the title above the
    paragraph (underlined, boxed between rules, or in capitals on a line of its own above
    a numbered paragraph); ``text`` the text after number and marking, with page-break lines
    removed, blocks separated by one blank line and no trailing spaces.
    """

    number: str | None = None
    marking: str | None = None
    heading: str | None = None
    text: str = ""


@_pickled_by_position
@_built_through_slots
@frozen
class PageBreak:
    """A continuation marker removed from the text.

    ``PHNOM PENH 00000350  002 OF 007`` gives ``section=2, page=None, total=7``;
    ``PORT AU PR 00002230 001.2 OF 002`` gives ``section=1, page=2, total=2``; a legacy
    teletype header ``PAGE 02 ROME 01196 01 OF 02 082030Z`` gives ``page=2`` and the
    section numbers it carries.  ``line`` is the 1-based line in the text the parser
    saw; ``text`` the marker as written.
    """

    section: int | None = None
    page: int | None = None
    total: int | None = None
    line: int | None = None
    text: str = ""


@_pickled_by_position
@_built_through_slots
@frozen
class UnplacedLine:
    """A line of input the parser could not place in any field, kept so nothing is lost."""

    line: int | None
    text: str


@_pickled_by_position
@_built_through_slots
@frozen
class Cable:
    """A parsed cable.

    ``header`` always exists (its fields may be empty); ``routing`` is ``None`` when the
    input had no routing header.  ``preamble`` holds text found above the
    classification line (notes, a pasted database record).  ``paragraphs`` are in order; ``page_breaks`` the
    continuation markers that were removed; ``signature`` the signer's line;
    ``trailer`` lines that follow the signature (``NNNN``, footers); ``unplaced`` what
    could not be placed; ``diagnostics`` what the parser found wrong or notable.
    """

    header: Header = field(factory=Header)
    routing: Routing | None = None
    preamble: tuple[str, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    page_breaks: tuple[PageBreak, ...] = ()
    signature: str | None = None
    trailer: tuple[str, ...] = ()
    unplaced: tuple[UnplacedLine, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity ``"error"``."""
        return tuple(d for d in self.diagnostics if d.severity == "error")

    @property
    def reference_id(self) -> str | None:
        """Shortcut for ``header.reference_id``."""
        return self.header.reference_id

    @property
    def text(self) -> str:
        """The paragraphs' text, one blank line between paragraphs."""
        return "\n\n".join(p.text for p in self.paragraphs)
