"""Every diagnostic code has an example input that triggers it.

``EXAMPLES`` maps each code of :data:`cableparse.CODES` to a small input (and the
options of the call).  The test parses it and asserts that the code is among the
diagnostics.  A code added to ``CODES`` without an example fails
``test_every_code_has_an_example``; a code that no input can trigger is listed in
``UNTRIGGERABLE`` with the reason, and its test is an ``xfail(strict=True)``.
"""

from __future__ import annotations

import io
from typing import Any

import pytest

import cableparse
from cableparse import Cable

HEAD = "UNCLAS STATE 000123\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n"
BODY = "1. (U) Text.\n\nCLINTON\n"
LONG = "The minister said " + "that the plan would go ahead " * 6
ROUTING_PAGE = (
    "<html><body><pre>VZCZCXRO4581\nDE RUEHPF #0350/01 0640115\nQQQ GARBLE 123\nFM AMEMBASSY PARIS\n</pre>"
    f"<pre>{HEAD}{BODY}</pre></body></html>"
)

#: code -> (input, keyword options of parse); bytes and str are both fine
EXAMPLES: dict[str, tuple[str | bytes, dict[str, Any]]] = {
    "CP001": (" \n\t\n", {}),
    "CP002": (b"UNCLAS STATE 000123\n\nSUBJECT: CAF\xe9\n", {}),
    "CP003": (HEAD + BODY, {"max_bytes": 10}),
    "CP004": ("UNCLAS STATE 000123\n\nSUBJECT: BELL\x07\n\n" + BODY, {}),
    "CP010": ("<html><body><p>UNCLAS STATE 000123</p></body></html>", {}),
    "CP011": ("<html><body><table class='cable'><tr><td>07STATE123</td></tr></table><pre>x</pre></body></html>", {}),
    "CP012": ("O 050115Z MAR 07\nFM SECSTATE WASHDC\nTO AMEMBASSY PARIS\n" + HEAD + BODY, {}),
    "CP013": ("Some notes about a cable.\n", {}),
    "CP014": ("Reference ID: 07STATE123\nCreated: yesterday\n\n" + HEAD + BODY, {}),
    "CP015": (
        "This record is a partial extract of the original cable. The full text of the original cable is not"
        " available.\n\n" + HEAD + BODY,
        {},
    ),
    "CP017": (
        "09ANKARA71\nTITLE\nThu Jan 15 11:47:00 +0100 2009\nSECRET\nEmbassy Ankara\n"
        "DE RUEHAK #0071 0151147\nTO RUEHC/SECSTATE WASHDC 0001NOTE - DO NOT PUBLISH\n",
        {},
    ),
    # a routing line is only looked at inside a routing header, here an HTML page's first <pre>
    "CP101": (ROUTING_PAGE, {}),
    "CP102": ("O 320115Z MAR 07\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\n" + HEAD + BODY, {}),
    "CP103": ("FM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC PRIOITY 8106\n" + HEAD + BODY, {}),
    "CP104": (
        "FM AMEMBASSY ROME\nTO SECSTATE WASHDC\nPAGE 02 ROME 01196 01 OF 02 082030Z\nINFO AMEMBASSY PARIS\n"
        + HEAD
        + BODY,
        {},
    ),
    "CP105": (
        "ORIGIN DS-00\n\nINFO  LOG-00   MFA-00   EEB-00\n      SAS-00   FA-00      /002R\n\n"
        "P 031812Z NOV 08\nFM SECSTATE WASHDC\nTO AMEMBASSY TRIPOLI PRIORITY\n" + HEAD + BODY,
        {},
    ),
    "CP201": ("Hello.\n\n" + BODY, {}),
    "CP202": ("UNCLAS STATE 000123\n\nTAGE: PREL\nSUBJECT: TEST\n\n" + BODY, {}),
    "CP203": ("UNCLAS STATE 000123\n\nSUBJECT: TEST\n\n" + BODY, {}),
    "CP204": ("UNCLAS STATE 000123\n\nTAGS: PREL\n\n" + BODY, {}),
    "CP205": ("UNCLAS STATE 000123\n\nE.O. 12958: N/A TAGS: PREL SUBJECT: TEST\n\n" + BODY, {}),
    "CP206": ("UNCLAS STATE 000123\n\nTAGS: PREL\nTAGS: PGOV\nSUBJECT: TEST\n\n" + BODY, {}),
    "CP207": ("UNCLAS STATE 000123\n\nE.O. 12958: DECL: 13/45/2020\nTAGS: PREL\nSUBJECT: TEST\n\n" + BODY, {}),
    "CP208": ("C C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000779\n\nTAGS: PREL\nSUBJECT: TEST\n\n" + BODY, {}),
    "CP209": (
        "UNCLAS STATE 000123\n\nTAGS: PREL\nSUBJECT: TEST OF A LONG ...\n\n"
        "UNCLAS STATE 000123 TAGS: PREL\nSUBJECT: TEST OF A LONG SUBJECT\n\n" + BODY,
        {},
    ),
    "CP210": ("Reference ID: 09CHISINAU694\n\nS E C R E T ULAANBAATAR 000234\n\nTAGS: PREL\n\n" + BODY, {}),
    "CP211": (
        "CONFIDENTIAL MADRID 000779\n\nTAGS: PREL\nSUBJECT: TEST\n\n"
        "Classified By: Classified by Ambassador Eduardo Aguirre for reasons 1.4 (b) & (d)\n\n" + BODY,
        {},
    ),
    "CP301": (HEAD + "".join(f"{k}. (U) {LONG}\n" for k in range(1, 6)) + "\nCLINTON\n", {}),
    "CP302": (
        '1000,1/15/2009 11:11,09ANKARA71,Embassy Ankara,UNCLASSIFIED,,"P 151147Z JAN 09","' + HEAD + BODY,
        {},
    ),
    "CP303": (
        HEAD
        + "1. (U) The minister said that the plan PHNOM PENH 00000350  002 OF 007 would go ahead soon.\n\nCLINTON\n",
        {},
    ),
    "CP304": (HEAD + "1. (U) Text.\n\n2. (U) More.\n\nUNCLAS STATE 000123 TAGS: PREL SUBJECT: TEST\n\nCLINTON\n", {}),
    "CP305": ("UNCLAS SECTION 01 OF 03 STATE 000123\n\nTAGS: PREL\nSUBJECT: TEST\n\n" + BODY, {}),
    "CP306": (HEAD + "1. (U) Text ends without a signer.\n", {}),
    "CP901": (ROUTING_PAGE, {}),
}

#: a cables.csv row with a field missing (codes of cables.csv rows are given by read_csv)
CSV_EXAMPLES: dict[str, bytes] = {
    "CP016": b'"1000","1/15/2009 11:11","09ANKARA71","Embassy Ankara","SECRET"\n',
}

#: code -> why no input triggers it
UNTRIGGERABLE: dict[str, str] = {
    "CP999": "an internal parser error: only a bug triggers it (see tests/test_robustness.py for the open ones)",
}


def _codes(cable: Cable) -> set[str]:
    return {d.code for d in cable.diagnostics}


def test_every_code_has_an_example() -> None:
    missing = set(cableparse.CODES) - set(EXAMPLES) - set(CSV_EXAMPLES) - set(UNTRIGGERABLE)
    assert not missing, f"codes without an example input: {sorted(missing)}"
    assert not (set(EXAMPLES) | set(CSV_EXAMPLES)) - set(cableparse.CODES)


def _params() -> list[Any]:
    return [
        pytest.param(
            code, marks=[pytest.mark.xfail(strict=True, reason=UNTRIGGERABLE[code])] if code in UNTRIGGERABLE else []
        )
        for code in sorted(cableparse.CODES)
    ]


@pytest.mark.parametrize("code", _params())
def test_example_triggers_code(code: str) -> None:
    if code in CSV_EXAMPLES:
        cables = list(cableparse.read_csv(io.BytesIO(CSV_EXAMPLES[code])))
        found = set().union(*(_codes(c) for c in cables))
    else:
        source, options = EXAMPLES.get(code, ("", {}))
        found = _codes(cableparse.parse(source, **options))
    assert code in found, f"{code} not among {sorted(found)}"
    assert "CP999" not in found
    assert cableparse.CODES[code][0] in ("error", "warning", "info")
