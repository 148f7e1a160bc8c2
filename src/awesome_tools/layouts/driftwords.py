"""Drift's words, one shape for every layout (`layouts/drift.py` finds where): what differs
(the entry's part and its file, the fields), what README.md has at the first differing
character and what render writes there, and what to do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from awesome_tools.core.fixes import Fixes
from awesome_tools.layouts.driftfields import in_fields

# Where a word of an excerpt starts: after a space, a tag or a quote.
# The kind of part a view's Mermaid diagram is (`views.view_parts`): drawn from the whole list,
# no one entry's.
DIAGRAM = "diagram"
_BEFORE_WORD = ' \t>"'


@dataclass(frozen=True)
class Names:
    """What the messages name: the README's path, the entry files by entry name (casefolded),
    the template the frame comes from, the commands to run."""

    path: str
    entry_files: dict[str, str]
    frame: str
    fixes: Fixes
    # Where the layout's order of entries comes from, as an out-of-order message says it.
    order: str = "entries/ and categories.yaml"

    def source(self, name: str, key: str) -> str:
        """The entry file of a part: by the entry's name, else by its identity (a panel's
        title), else by the file name its identity is (a model's `id`)."""
        files = self.entry_files
        found = files.get(name.casefold()) or files.get(key.casefold())
        stems = (path for path in files.values() if PurePosixPath(path).stem == key)
        return found or next(stems, "its entry file")

    @property
    def fix(self) -> str:
        return f"then run `{self.fixes.render}`"

    def differs(self, kind: str, name: str, key: str, fields: Sequence[str], shown: str) -> str:
        """An entry's part that differs (a frame's, without a kind)."""
        if kind == DIAGRAM:
            return f"{self._diagram(name)} differs: {shown}; {self._diagram_fix}"
        if not kind:
            return f"{self._frame()}: {shown}; edit that, {self.fix}"
        source = self.source(name, key)
        subject = f"{kind} '{name}' differs from {source}{in_fields(fields)}"
        return f"{subject}: {shown}; edit {source}, not README.md, {self.fix}"

    def extra(self, kind: str, name: str, found: str) -> str:
        """An entry's part (or frame text) render does not write."""
        if kind == DIAGRAM:
            return f"{self._diagram(name)} is not one render draws; {self._diagram_fix}"
        if not kind:
            return (
                f"{self._frame()}: found {found} where render writes nothing; edit that, {self.fix}"
            )
        fixes = self.fixes
        return (
            f"{kind} '{name}' has no entry file: `{fixes.import_file(self.path)}` turns it into "
            f"one (or start from `{fixes.new_model(name)}`), {self.fix}"
        )

    def missing(self, kind: str, name: str, key: str, rendered: str) -> str:
        """An entry's part (or frame text) render writes that README.md lacks."""
        if kind == DIAGRAM:
            return f"{self._diagram(name)} is missing: render draws it here; {self._diagram_fix}"
        if not kind:
            words = f"found nothing where render writes {rendered}"
            return f"{self._frame()}: {words}; edit that, {self.fix}"
        source = self.source(name, key)
        return (
            f"{kind} '{name}' is missing: render writes it here from {source}; edit {source}, "
            f"not README.md, {self.fix}"
        )

    def moved(self, kind: str, name: str, key: str, line: int) -> str:
        """An entry's part in both texts, but not where render puts it (at `line`)."""
        return (
            f"{kind} '{name}' of {self.source(name, key)} is out of order: render writes it at "
            f"line {line}; the order comes from {self.order}, not README.md, "
            f"{self.fix}"
        )

    def copy(self, kind: str, name: str, line: int) -> str:
        """A second part of the same identity as the one at `line`."""
        return (
            f"{kind} '{name}' repeats the one at line {line}: render writes each entry once; "
            f"remove the copy from README.md, {self.fix}"
        )

    def carriage_return(self) -> str:
        return (
            "line ending with a carriage return; render writes LF only: check out README.md "
            f"without line-ending conversion, {self.fix}"
        )

    def _diagram(self, name: str) -> str:
        return f"the {name} diagram (drawn from the entries)"

    @property
    def _diagram_fix(self) -> str:
        return f"edit the entries (released, based_on), not README.md, {self.fix}"

    def _frame(self) -> str:
        return f"text outside the entries differs from {self.frame}"


def shown(line: str, column: int) -> str:
    """What a line has from the start of the word holding a differing character on (at most
    20 characters before it), briefly: both texts share the line up to that character, so
    both excerpts start alike."""
    start = column - 1
    while start > column - 21 and start > 0 and line[start - 1] not in _BEFORE_WORD:
        start -= 1
    rest = line[start:]
    if not rest:
        return "the line's end"
    cut = "..." if start > 0 and line[start - 1] not in _BEFORE_WORD else ""
    return f"'{cut}{rest[:40]}...'" if len(rest) > 40 else f"'{cut}{rest}'"


def common(a: str, b: str) -> int:
    """How many characters two lines share at their start (found by halving, each step one
    comparison of slices: a cell's text may be long)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low
