"""The README layouts, one package each, and the registry that names them.

A layout is a package under `awesome_tools/layouts/` whose `LAYOUT` satisfies
`layouts.base.Layout` (`LAYOUT: Layout = ...`, so that mypy holds it to the Protocol); adding one
is a package, one line here, and its name in pyproject.toml's contract that keeps the layouts
independent (tests/test_structure.py says so). A layout is imported only
when a list asks for it, so naming the layouts costs a one-file `check` nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesome_tools.layouts.base import Layout

# Every layout by the name awesome.yaml's `layout:` gives, the first the default. A README is
# read as the first layout after the default that recognises it, else as the default.
LAYOUTS = {
    "table": "awesome_tools.layouts.table",
    "panel": "awesome_tools.layouts.panel",
    "list": "awesome_tools.layouts.list",
}
DEFAULT = next(iter(LAYOUTS))


def layout_named(name: str) -> Layout:
    """The layout of that name (one of `LAYOUTS`)."""
    layout: Layout = importlib.import_module(LAYOUTS[name]).LAYOUT
    return layout


def layout_of_readme(text: str) -> Layout:
    """The layout a README is written in, read off its text (for import and a lone lint)."""
    # Not `list(...)`: once imported, the package `layouts.list` is this module's name `list`.
    for name in [*LAYOUTS][1:]:
        layout = layout_named(name)
        if layout.recognises(text):
            return layout
    return layout_named(DEFAULT)
