"""The public facade: every name resolves, and the heavy modules load on first use."""

from __future__ import annotations

import subprocess
import sys

import cableparse


def test_every_public_name_resolves() -> None:
    for name in cableparse.__all__:
        assert getattr(cableparse, name) is not None, name
    assert set(cableparse.__all__) <= set(dir(cableparse))


def test_lazy_names_are_the_modules_functions() -> None:
    from cableparse.batch import parse_many
    from cableparse.serializer import dumps

    assert cableparse.dumps is dumps
    assert cableparse.parse_many is parse_many


def test_import_loads_neither_parser_nor_serializer() -> None:
    code = (
        "import sys, cableparse\n"
        "heavy = ('cableparse.parser', 'cableparse.serializer', 'cableparse.ids', 'cableparse.batch')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "cableparse.normalize('UNCLAS STATE 000123\\n\\nSUBJECT: TEST\\n\\n1. (U) Hello.\\n')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "[]"
    # normalize brings in the parser and the serializer; the station tables wait for an id
    assert out[1] == "['cableparse.parser', 'cableparse.serializer']"
