"""Canonical cable text, written from a :class:`~cableparse.models.Cable` alone.

The canonical form: the metadata as ``Field: value`` lines and a blank line; the
routing header and a blank line; the classification line, captions, attention lines,
E.O., TAGS, SUBJECT, REF and Classified By lines; the paragraphs with their numbers,
markings and headings; the signature and what trails it.  Page-break lines and trailing
spaces are gone, rules are unbroken, lines end with ``\\n``.  :func:`cableparse.parse`
reads it back to the same fields.
"""

from __future__ import annotations

import datetime as _dt

from .models import Addressee, Cable, Header, Paragraph, Reference, Routing
from .parser import bare_routing_start
from .parser.body import MAX_TITLE, RULE_CHARS, inline_heading, is_rule
from .parser.header import (
    HEADER_ENDS,
    PREAMBLE_END,
    attention_like,
    boxed_heading_line,
    captions_alone,
    cuts_ref_line,
    ends_ref_block,
    field_run_on,
    holds_field,
    is_handling_notice,
    is_tags_keyword,
    is_title_like_level,
    joins_into_ref_field,
    match_classification_line,
    opens_classified_by,
    opens_field,
    opens_like_bullet,
    opens_marked_text,
    opens_with_caption,
    ref_block_heading,
)
from .parser.lines import split_marker, split_run_on_page_header
from .parser.markings import PARA_START_RE
from .parser.routing import MONTHS, PARTIAL_SENTENCE, SECURITY_GROUPS, is_dtg_line, opens_addressee_keyword
from .sources.base import holds_anchors, looks_like_html
from .sources.canonical import FIELD_NAMES, LABELS, opens_routing_block
from .sources.pagetext import is_page_copy
from .sources.textfile import is_text_file

__all__ = ["dumps", "stamp"]

#: deeper than a paragraph number may stand (``PARA_START_RE`` allows six spaces)
_NOT_A_NUMBER = " " * 8
_PROSIGNS = {"FLASH": "Z", "IMMEDIATE": "O", "PRIORITY": "P", "ROUTINE": "R", "EMERGENCY": "Y"}
_GROUPS = {v: k for k, v in SECURITY_GROUPS.items()}
_MONTHS = tuple(MONTHS)  # the routing parser's months, in their order


def stamp(value: _dt.datetime) -> str:
    """``value`` as canonical text writes a time: ``YYYY-MM-DD HH:MM`` in UTC."""
    # (the year with four digits: strftime's %Y writes year 270 as "270", which no date reads)
    v = value.astimezone(_dt.UTC)
    return f"{v.year:04d}-{v.month:02d}-{v.day:02d} {v.hour:02d}:{v.minute:02d}"


def _metadata(h: Header, out: list[str]) -> None:
    values = {
        "reference_id": h.reference_id,
        "created": stamp(h.created) if h.created else None,
        "released": stamp(h.released) if h.released else None,
        "classification": h.classification,
        "origin": h.origin,
        "referenced_ids": "|".join(h.referenced_ids) if h.referenced_ids else None,
    }
    for name, label in FIELD_NAMES.items():
        v = values[name]
        if v:
            out.append(f"{label}: {v}")


def _addressee(a: Addressee) -> list[str]:
    parts = [f"{a.routing_indicator}/{a.name}" if a.routing_indicator else a.name]
    if a.precedence:
        parts.append(a.precedence)
    if a.mcn:
        parts.append(a.mcn)
    return [" ".join(parts)] + [f"XMT {x}" for x in a.excluded]


def _reads_as_page_break(line: str) -> bool:
    """True when ``line``, on a line of its own, reads as a page break: a continuation
    marker or a teletype page header, alone or with text run on after it."""
    return split_marker(line) is not None or ("PAGE" in line and split_run_on_page_header(line) is not None)


def _routing(r: Routing, out: list[str]) -> None:
    if r.partial:
        out.append(PARTIAL_SENTENCE)
    if r.transmission_id:
        out.append(r.transmission_id)
    letter = _PROSIGNS.get(r.precedence or "", "")
    if r.routing_indicators:
        out.append(" ".join([letter * 2 or "RR", *r.routing_indicators]))
    elif letter and r.dtg is None:
        # a prosign line without routing indicators: the precedence has no other line
        out.append(letter * 2)
    if r.originator:
        de = f"DE {r.originator}"
        if r.serial is not None:
            de += f" #{r.serial:04d}"
            if r.section is not None:
                de += f"/{r.section:02d}"
        if r.filed:
            de += f" {r.filed}"
        out.append(de)
    if r.security:
        group = _GROUPS.get(r.security, "UUUUU")
        line = f"{'ZNR' if group == 'UUUUU' else 'ZNY'} {group}"
        if r.operating_signal:
            line += f" {r.operating_signal}"
        out.append(line)
    if r.dtg is not None:
        d = r.dtg.astimezone(_dt.UTC)
        prec = letter
        if r.info_precedence:
            prec += " " + _PROSIGNS.get(r.info_precedence, "R")
        out.append(
            f"{prec} {d.day:02d}{d.hour:02d}{d.minute:02d}Z {_MONTHS[d.month - 1]} {d.year % 100:02d}".lstrip()
            + (f" {r.dtg_signal}" if r.dtg_signal else "")
        )
    if r.sender:
        out.append(f"FM {r.sender}")
    for word, addressees in (("TO", r.to), ("INFO", r.info)):
        for k, a in enumerate(addressees):
            lines = _addressee(a)
            if (
                k == 0
                or opens_addressee_keyword(lines[0])
                or match_classification_line(lines[0]) is not None
                or (r.dtg is None and is_dtg_line(lines[0]))
                or _reads_as_page_break(lines[0])
            ):
                # (an addressee that reads as a keyword, ``INFO``, as a classification line,
                # which ends the routing header, ``NCLAS S 0``, as the date-time group a
                # header without one would read, ``050155Z MAR 07``, or as a teletype page
                # header, ``PAGE 02 I 061419Z &``, is written after its list's own, as the
                # first is)
                lines[0] = f"{word} {lines[0]}"
            out.extend(lines)


def _header(h: Header, out: list[str]) -> None:
    if h.classification_line is not None:
        out.append(h.classification_line.raw)
        out.append("")
    if h.captions:
        out.extend(h.captions)
        out.append("")
    if h.handling:
        for k, line in enumerate(h.handling):
            out.append(line)
            if is_tags_keyword(line):
                # a TAGS keyword without tags: a blank line keeps the next line from
                # reading back as its tags
                out.append("")
            elif (
                k + 1 < len(h.handling)
                and is_rule(h.handling[k + 1])
                and not is_rule(line)
                and not (k and is_rule(h.handling[k - 1]))
                and not (h.classification_line is None and is_title_like_level(" ".join(line.split())))
                and attention_like(" ".join(line.split()), len(out) > 1 and bool(out[-2]))
            ):
                # a line right above a rule is a title over it: the header reads whether
                # fields follow from below the rule, not from below the box that the rule
                # may open, so a line read apart from the rule is written apart from it
                # (a box's title, between two rules, stays in its box; and so does a level
                # word alone over a rule where there is no classification line, which it
                # would read as apart from the rule, and a line that the header keeps only
                # as a title over the rule, fields below it)
                out.append("")
        if out[-1]:
            out.append("")
    # an empty subject goes above the E.O. or TAGS line when there is one: a SUBJECT
    # keyword alone above a blank line and text reads back with that text as its subject
    early = h.subject == "" and not h.subject_marking and (h.executive_order is not None or bool(h.tags))
    if early:
        out.append("SUBJECT:")
    if h.executive_order is not None:
        out.append(h.executive_order.raw)
    if h.tags:
        out.append("TAGS: " + ", ".join(h.tags))
    if h.subject is not None and not early:
        marking = f"({h.subject_marking}) " if h.subject_marking else ""
        out.append(f"SUBJECT: {marking}{h.subject}".rstrip())
    for run in _reference_runs(h.references):
        if out and out[-1]:
            out.append("")
        block = len(out)  # (the index of the block's REF line)
        for k, ref in enumerate(run):
            item = ref.text
            if ref.letter:
                # (an item whose text opens like the next item's bullet, or like a field, is
                # written against its own bullet, where it reads as neither)
                against = opens_like_bullet(item, chr(ord(ref.letter) + 1)) or ends_ref_block(item)
                item = f"{ref.letter}.{'' if against or not item else ' '}{item}"
                if ";" in item and cuts_ref_line(" " + item) and not cuts_ref_line(f" {item},"):
                    # an item that reads as cut at a semicolon only without the separator
                    # stripped from its end (``A;2.,``, read ``A;2.``: a paragraph's number
                    # alone after the semicolon) is written with one
                    item += ","
                if k and (ends_ref_block(item) or split_marker(item) is not None):
                    # an item whose line, bullet and all, reads as a field (``E. O2591``,
                    # an E.O. line) or a page break (``A. 0050 5 OF 0``) goes on the line
                    # above, after a space, where it is read as the next bullet's item
                    out[-1] += " " + item
                    continue
            elif k and _misread_item(item, out[-1], out[block:]):
                # an unlettered item that reads as a field, a paragraph, a page break (one
                # with text run on after it too), a caption, a handling notice, a rule or a
                # heading on a line of its own (``1. A``, ``PAGE 02 271458Z``, ``SIPDIS``,
                # ``---``, ``-s ---``), or
                # that makes one of the end of the line above (``... 1.`` and ``(U)``) goes
                # on the line above, after a semicolon and a comma: items are cut at
                # semicolons and read without either, and a field after a semicolon ends
                # the block only where it opens the rest of the line
                out[-1] += ";," + item
                # (and a line of items that, so lengthened, reads as one itself goes on the
                # line above it too: ``PAGE 00 0`` and ``PAGE 00 271458Z``)
                while len(out) - 1 > block and _misread_item(out[-1], out[-2], out[block:-1]):
                    last = out.pop()
                    out[-1] += ";," + last
                continue
            out.append(f"REF: {item}".rstrip() if k == 0 else item)
        if ref_block_heading([out[block][len("REF:") :].lstrip(), *out[block + 1 :]]) is not None:
            # the block's last item ends in a title between rules or over a rule (``S --- A
            # ---``): the header reads such an end of a REF block as a heading run on to
            # it, a line of its own below the block; a separator after it, which an item
            # is read without, keeps it the item's
            out[-1] += ";"
    if h.classified_by is not None:
        if out and out[-1]:
            out.append("")
        marking = f"({h.classified_by.marking}) " if h.classified_by.marking else ""
        out.append(f"{marking}Classified By: {h.classified_by.text}".rstrip())


def _misread_item(item: str, above: str, block: list[str]) -> bool:
    """True when the unlettered REF item ``item``, on a line of its own below the line
    ``above`` (the last of the block's lines, ``block``), would not read back as an item:
    as a field, a paragraph, a page break, a caption, a handling notice, a rule (or a
    line that opens with one) or the text's marked first line, or as making one of the
    end of ``above``."""
    return (
        ends_ref_block(item)
        or (item[:1] == "(" and opens_marked_text(item, [block[0][5:], *block[1:]]))
        or _reads_as_page_break(item)
        or captions_alone(item)
        or is_handling_notice(item)
        or is_rule(item)
        # (a rule run that opens the line: below it, a title with its rule run on reads as
        # a heading with it, ``--- A`` over ``x ---``)
        or (len(item) >= 3 and RULE_CHARS.issuperset(item[:3]))
        or boxed_heading_line(item)
        or joins_into_ref_field(above, item)
    )


def _classified_by_run_on(s: str, below: bool) -> bool:
    """True when the folded line ``s`` is an attention line with a Classified By line run
    on to it, which the header cuts there (``below``: right below another)."""
    at = field_run_on(s)
    return at is not None and opens_classified_by(s[at:]) and attention_like(s[:at].rstrip(), below)


def _kept_as_attention(text: str) -> bool:
    """True when the header would keep every line of ``text`` as an attention line:
    upper-case ones (or without letters), and short ones right below another; or read
    it as its Classified By line, once, with the lines below it up to a blank line or a
    field (text where the header reads no other field: it reads on below it)."""
    below = False
    field = seen_field = False
    for line in text.split("\n"):
        if not line:
            below = field = False
            continue
        s = " ".join(line.split())
        if field and not opens_field(s):
            continue
        field = False
        # (a line that reads as a heading once folded, as the header reads it, is kept
        # too when fields follow it)
        attention = attention_like(s, below) or (s[-1:] in RULE_CHARS and inline_heading(s) is not None)
        if not seen_field and (opens_classified_by(s) or (not attention and _classified_by_run_on(s, below))):
            field = seen_field = True
            below = False
            continue
        if not attention:
            return False
        below = True
    return True


def _reads_on_into_refs(h: Header, out: list[str], head: int) -> bool:
    """True when the first line written below the header (``out`` from ``head`` on)
    opens like the bullet after the last REF item's (past blank and caption lines): as
    bare text, the block would go on there; as canonical text, it does not go on past a
    blank line."""
    if not h.references or h.classified_by is not None or not h.references[-1].letter:
        return False
    letter = chr(ord(h.references[-1].letter.upper()) + 1)
    for line in out[head : head + 40]:
        s = line.strip()
        if s and not captions_alone(s):
            return opens_like_bullet(s, letter)
    return False


def _reference_runs(refs: tuple[Reference, ...]) -> list[list[Reference]]:
    """The references cut into blocks that each read back as written.

    In one REF block the lettered items run A, B, C ...; text before the first letter is
    one item; without letters each line is an item.  Items that do not fit (a second
    lettering from A, an unlettered item after lettered ones) open a new REF block.
    """
    runs: list[list[Reference]] = []
    run: list[Reference] = []
    expect = "A"
    for ref in refs:
        if not ref.text and ref.letter is None:
            # a REF keyword without items stands alone
            if run:
                runs.append(run)
            runs.append([ref])
            run, expect = [], "A"
            continue
        if ref.letter is None:
            fits = expect == "A"
        else:
            unlettered = sum(1 for r in run if r.letter is None)
            fits = ref.letter == expect and unlettered <= 1
        if not fits and run:
            runs.append(run)
            run, expect = [], "A"
        run.append(ref)
        if ref.letter is not None:
            expect = chr(ord(ref.letter) + 1)
    if run:
        runs.append(run)
    return runs


def _reads_as_heading(line: str) -> bool:
    """True when ``line`` reads as a heading with its rule run on, and nothing before it."""
    if line[-1:] not in RULE_CHARS:
        return False
    found = inline_heading(line.strip())
    return found is not None and not found[0]


def _paragraph(p: Paragraph, out: list[str], first: bool = False, searched: bool = False) -> None:
    heading = p.heading
    if heading:
        if (
            (first or searched)
            and heading[0] not in RULE_CHARS
            and match_classification_line(heading) is not None
            and not is_title_like_level(heading)
            and inline_heading(f"--- {heading} ---") == ("", heading)
        ):
            # a title that reads as a classification line where the header may still be
            # read (``CONFIDENTIAL 010m``), or in a cable without one (``searched``: the
            # header looks for one past the first lines of text), over a rule or between
            # two, would read as one there (but a level word alone, which over a rule is a
            # title): written on one line with its rules, where it reads as a heading (when
            # it reads so)
            out.append(f"--- {heading} ---")
            out.append("")
        else:
            rule = "-" * max(3, len(heading))
            if (heading[-1] in RULE_CHARS and inline_heading(heading) is not None) or (
                first and (opens_with_caption(heading) or opens_field(heading) or holds_field(heading))
            ):
                # a title over a rule that ends in a rule of its own is read as a heading
                # run on to text (a title that merely ends in a dash, ``X-``, is not); the
                # first paragraph's (or one where the header may still be read), as a
                # caption or a field when it opens like one or holds one; between two
                # rules, it is a heading, whole (and the body opens there)
                out.append(rule)
            # (a title that reads as a paragraph's opening, ``1.(``, is indented beyond a
            # paragraph number's reach: it is read folded)
            out.append(_NOT_A_NUMBER + heading if heading[0].isdecimal() and PARA_START_RE.match(heading) else heading)
            out.append(rule)
            out.append("")
    lead = ""
    if p.number:
        lead = f"{p.number}. "
    if p.marking:
        lead += f"({p.marking}) "
    text = p.text
    if not text and not lead:
        return
    lines = text.split("\n")
    if not lead and PARA_START_RE.match(lines[0]):
        # text that only looks like a numbered paragraph (it stood deeper than a paragraph
        # number may): indented so that it reads back as text
        lines[0] = _NOT_A_NUMBER + lines[0]
    if lead and not p.number and len(lines) > 1 and is_rule(lines[1]) and len((lead + lines[0]).strip()) <= MAX_TITLE:
        # a marking before a line over a rule would make a heading of them: alone on its line
        # (over 100 characters, the line is no title, as it was read: against it)
        out.append(lead.rstrip())
    elif lead and not p.number and lines[0][:1] not in RULE_CHARS and _reads_as_heading(lead + lines[0]):
        # a marking before a title with its rule run on (``m ---``) would read as part of
        # the title, a heading: alone on its line (the title's line below it is text)
        out.append(lead.rstrip())
    elif (
        lead
        and not p.number
        and (
            (first and not lines[0].lstrip()[:1].isdecimal() and opens_field(lines[0].strip()))
            or (lines[0][:1] in RULE_CHARS and inline_heading((lead + lines[0]).strip()))
        )
    ):
        # a marking before text that opens like a field (``TAGS:``) where the header may
        # still be read, whose line would be cut there after a space (a paragraph's
        # opening ends the header there, and the line is given back whole), or
        # before text that opens with a rule, which would read as a heading's title with
        # its rule run on (``(C) ---``): against it, as the line was read and as a marking
        # reads too (``(C)---``)
        lines[0] = lead.rstrip() + lines[0]
    else:
        lines[0] = (lead + lines[0]).rstrip()
    out.extend(line.rstrip() for line in lines)
    out.append("")


def dumps(cable: Cable) -> str:
    """The canonical text of ``cable``."""
    text, reads_on = _text(cable)
    out: list[str] = []
    _metadata(cable.header, out)
    # the preamble's closing line is written, after an empty preamble too, when the text
    # holds its words: canonical text reads its first such line as the preamble's end
    closed = bool(cable.preamble) or HEADER_ENDS in text
    first = cable.preamble[0] if cable.preamble else PREAMBLE_END if closed else text[: text.find("\n")]
    # a second blank line under the metadata says that what follows, which opens like a
    # routing header (or holds one below a few lines, as bare text reads it), is none
    no_routing = cable.routing is None and (
        opens_routing_block(first)
        or bare_routing_start([*cable.preamble, PREAMBLE_END] if closed else text.split("\n"))[1] is not None
    )
    if not out and (
        cable.routing is not None
        or closed
        or no_routing
        or text.startswith(LABELS)
        or "\\\n" in text
        or looks_like_html(text)
        or is_page_copy(text)
        or is_text_file(text)
        or holds_anchors(text)
        or text.startswith("\ufeff")
        or reads_on
    ):
        # marks the blocks below as canonical: text that opens like a metadata line is no
        # metadata, text that opens like a web page or holds a page copy's metadata lines
        # (or opens with a text file's) is neither, a pilcrow before a number at a line's
        # start is no anchor's, a backslash at a line's end is no csv escape to clean, and
        # a byte order mark that opens the text is no mark to drop, and the body's first
        # line, below a blank line, does not carry on a REF block
        out.append(FIELD_NAMES["reference_id"] + ":")
    if out:
        out.append("")
    if cable.routing is not None:
        _routing(cable.routing, out)
        out.append("")
    elif no_routing:
        out.append("")
    if closed:
        out.extend(cable.preamble)
        out.append(PREAMBLE_END)
        out.append("")
    if not text:
        while out and not out[-1]:
            out.pop()
        return "\n".join(out) + "\n" if out else ""
    out.append(text)
    return "\n".join(out)


def _text(cable: Cable) -> tuple[str, bool]:
    """The header fields, paragraphs, signature, trailer and unplaced lines, written; and
    whether the first line below the header would carry on its REF block
    (:func:`_reads_on_into_refs`)."""
    h = cable.header
    out: list[str] = []
    _header(h, out)
    if out and out[-1]:
        out.append("")
    head = len(out)
    # (below headings without text, and text that the header would keep as attention
    # lines where it has read no field that ends them, the header may still be read: each
    # heading there is written as the first is)
    fields = h.executive_order is not None or bool(h.tags) or h.subject is not None or bool(h.references)
    first = True
    for p in cable.paragraphs:
        _paragraph(p, out, first, h.classification_line is None)
        # (an unnumbered paragraph's marking is read with its text: ``(C)`` alone is an
        # attention line)
        written = f"({p.marking}) {p.text}".rstrip() if p.marking else p.text
        first = first and not p.number and (not written or (not fields and _kept_as_attention(written)))
    reads_on = _reads_on_into_refs(h, out, head)
    trailer = cable.trailer
    if cable.signature:
        out.append(cable.signature)
        if trailer[:1] == (cable.signature,):
            # (the signer's name written twice: the repeat right below it, where it is read
            # as one)
            out.append(trailer[0])
            trailer = trailer[1:]
        out.append("")
    if trailer:
        out.extend(trailer)
        out.append("")
    if cable.unplaced:
        out.extend(u.text for u in cable.unplaced)
        out.append("")
    while out and not out[-1]:
        out.pop()
    return ("\n".join(out) + "\n" if out else ""), reads_on
