#!/usr/bin/env python3
"""Where the WikiLeaks pages' own ground truth disagrees with the cable text.

The conformance check compares the parser with two things the pages carry besides
the cable: the paragraph anchors (``<a id='par3' ...>¶</a>3.``) and the title's subject
(``<h3>Viewing cable REFID, subject</h3>``).  Both were made by WikiLeaks' own scripts,
and both are wrong in two systematic ways:

* WikiLeaks anchored a paragraph only where its number is followed by a space
  (``1. (C) ...``).  Paragraphs written ``10.(C) ...`` (no space, common in two-digit
  numbers and in some posts' style) have no anchor, though they are paragraphs.
* The title's subject is the rest of the physical line after ``SUBJECT:``.  In reflowed
  records that line runs on into ``REF:``, ``Classified By:``, a continuation marker or
  the first heading (``... Summary -------``), and the title carries them; it also keeps
  csv backslashes and ``<BR>`` markup, and the SUBJECT keyword where the drafter wrote
  it twice (``SUBJECT: SUBJECT: ...``).

This script runs the parser over the pages, classifies every disagreement as one of
those ground-truth faults or as a parser miss, and prints the figures both as the
check computes them and with the faulty ground truth left out, with the page lists.

Usage: ``python tools/ground_truth_audit.py ../shared/corpus/cablegate-201104 ../shared/corpus/cablegate-201012``
"""

from __future__ import annotations

import collections
import html
import os
import re
import sys

import cableparse

_PRE_RE = re.compile(r"<pre>(.*?)</pre>", re.S)
_TITLE_RE = re.compile(r"<h3>\s*Viewing cable\s+([^,<]+),\s*(.*?)</h3>", re.S)
_ANCHOR_RE = re.compile(r"<a id='par\d+' href='#par\d+'>\u00b6</a>(\d{1,3}[A-Z]?)\.")
_NO_SPACE_RE = re.compile(r"^\s*(\d{1,3}[A-Z]?)\.\(", re.M)
_MARKING_RE = re.compile(r"^\(?\s*[A-Z]{1,4}(?:\s*//?\s*[A-Z]{1,6})*\s*\)\s*")
_LEAD_RE = re.compile(r"^[^A-Z0-9]+")
# the SUBJECT keyword written twice (``SUBJECT: SUBJECT: ...``): the title keeps the second
_KEYWORD_AGAIN_RE = re.compile(r"SUBJ(?:ECT)?\s*:", re.I)
_RUN_ON_RE = re.compile(
    r"\b(?:REFS?|REFTELS?|Refs?)\s*:|CLASSIFIED BY|Classified By|\d{8} +\d{3}(?:\.\d)? OF \d{3}|[-=_]{3}", re.I
)


def _fold(s: str | None) -> str:
    return " ".join((s or "").split()).upper()


def _unmarked(subject: str | None) -> str:
    return _LEAD_RE.sub("", _MARKING_RE.sub("", _fold(subject), count=1))


def main(dirs: list[str]) -> int:
    pages = sorted(
        os.path.join(root, f) for d in dirs for root, _, files in os.walk(d) for f in files if f.endswith(".html")
    )
    subj = collections.Counter()
    subj_pages: dict[str, list[str]] = collections.defaultdict(list)
    para = collections.Counter()
    no_space_pages: list[str] = []
    for path in pages:
        name = os.path.basename(path)[:-5]
        with open(path, encoding="utf-8", errors="replace") as fh:
            page = fh.read()
        cable = cableparse.parse(page)
        pres = _PRE_RE.findall(page)
        body = pres[-1] if pres else ""
        text = html.unescape(re.sub(r"<[^>]+>", "", body.replace("&#x000A;", "\n"))).replace("\u00b6", "")
        # paragraphs
        anchors = collections.Counter(_ANCHOR_RE.findall(body))
        found = collections.Counter(
            p.number for p in cable.paragraphs if p.number and re.fullmatch(r"\d{1,3}[A-Z]?", p.number)
        )
        unanchored = collections.Counter(_NO_SPACE_RE.findall(text))
        hit = sum((anchors & found).values())
        extra = found - anchors
        gt_extra = extra & unanchored
        para["n_found"] += sum(found.values())
        para["hit"] += hit
        para["gt_extra"] += sum(gt_extra.values())
        if gt_extra:
            no_space_pages.append(name)
        # subject
        m = _TITLE_RE.search(page)
        title = _unmarked(html.unescape(m.group(2)).strip()) if m else ""
        if title:
            subj["n"] += 1
            if _unmarked(cable.header.subject).startswith(title):
                subj["ok"] += 1
            elif _RUN_ON_RE.search(title):
                subj["run_on"] += 1
                subj_pages["title runs on into REF / Classified By / a continuation marker / a heading"].append(name)
            elif "\\" in title or "<BR>" in title:
                subj["markup"] += 1
                subj_pages["title keeps a csv backslash or <BR>"].append(name)
            elif _KEYWORD_AGAIN_RE.match(title):
                subj["markup"] += 1
                subj_pages["title keeps the SUBJECT keyword written twice"].append(name)
            else:
                subj["miss"] += 1
                subj_pages["parser miss"].append(name)
    n = subj["n"]
    faulty = subj["run_on"] + subj["markup"]
    print(f"subject_prefix: {subj['ok'] / n:.5f} as checked; {subj['ok'] / (n - faulty):.5f} without the "
          f"{faulty} pages whose title is not the subject")
    for why, names in subj_pages.items():
        print(f"  {why} ({len(names)}): {' '.join(names)}")
    prec = para["hit"] / para["n_found"]
    prec_fixed = para["hit"] / (para["n_found"] - para["gt_extra"])
    print(f"paragraph_precision: {prec:.5f} as checked; {prec_fixed:.5f} without the {para['gt_extra']} "
          f"paragraphs numbered 'N.(X)' that WikiLeaks did not anchor")
    print(f"  pages with such paragraphs ({len(no_space_pages)}): {' '.join(no_space_pages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["../shared/corpus/cablegate-201104", "../shared/corpus/cablegate-201012"]))
