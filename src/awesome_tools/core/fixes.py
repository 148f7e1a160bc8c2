"""The commands a message tells the reader to run, as they work where the message is shown.

A list kept in this repository has a Makefile with `make readme`, `make new NAME=...`; another
list using the exported hooks has only the console script. Messages name whichever exists.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

_TARGET = re.compile(r"^(?P<name>[A-Za-z][\w-]*)\s*:(?!=)", re.MULTILINE)


@dataclass(frozen=True)
class Fixes:
    """How to render, scaffold, check and regenerate the schema in one list."""

    render: str = "awesome-tools render"
    new: str = "awesome-tools new {name}"
    check: str = "awesome-tools check {path}"
    schema: str = "awesome-tools schema"
    docs: str = "awesome-tools docs"
    import_: str = "awesome-tools import {path}"

    def new_model(self, name: str | None = None) -> str:
        """The command that scaffolds an entry for a model (NAME when it is not known)."""
        return self.new.format(name=shlex.quote(name) if name else "NAME")

    def import_file(self, path: str) -> str:
        """The command that turns the model blocks of a README into entry files."""
        return self.import_.format(path=shlex.quote(path))

    def check_file(self, path: str = "") -> str:
        """The command that checks one entry file (or all, where it cannot name one)."""
        return self.check.format(path=shlex.quote(path) if path else "").rstrip()


CONSOLE = Fixes()

# (make target, field, command): a target is used only where the Makefile defines it.
_MAKE = (
    ("readme", "render", "make readme"),
    ("new", "new", "make new NAME={name}"),
    ("check", "check", "make check"),
    ("docs", "schema", "make docs"),
    ("docs", "docs", "make docs"),
    ("import", "import_", "make import README={path}"),
)


def fixes_from_makefile(text: str | None) -> Fixes:
    """The commands of a list whose root holds this Makefile text (None: no Makefile)."""
    if text is None:
        return CONSOLE
    targets = {m["name"] for m in _TARGET.finditer(text)}
    chosen = {field: command for name, field, command in _MAKE if name in targets}
    return Fixes(**chosen)
