"""Sphinx configuration of the cableparse documentation.

Build: ``sphinx-build -W -b html docs docs/_build/html`` (warnings are errors).
"""

from __future__ import annotations

import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import cableparse  # noqa: E402

project = "cableparse"
author = "the cableparse developers"
copyright = "the cableparse developers"
release = cableparse.__version__
version = release

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.viewcode"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "README.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": True}

html_theme = "furo"
html_title = f"cableparse {release}"

_log = logging.getLogger(__name__)


def _source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname == "index" and (HERE / "performance.md").exists():
        # docs/performance.md is optional: list it when it is there
        source[0] = source[0].replace("\nchangelog\n", "\nperformance\nchangelog\n", 1)
    if docname == "diagnostics":
        # every code the parser can report has its own section
        for code, (severity, _text) in cableparse.CODES.items():
            if f"\n## {code}" not in source[0]:
                _log.warning("diagnostics.md: code %s (%s) is not documented", code, severity)


def setup(app: Sphinx) -> None:
    app.connect("source-read", _source_read)
