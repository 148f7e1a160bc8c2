"""Where each model goes: sections in the order of categories.yaml, names within a section,
newest first in the overview, and the anchor GitHub gives each section's heading."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from awesome_tools.core.normalize import slugify
from awesome_tools.core.schema import Entry

# The section of entries without a category (also what `import` reads as "no category").
DEFAULT_SECTION = "Architectures"


@dataclass(frozen=True)
class Section:
    """A `##` section of the README and the models listed under it."""

    name: str
    anchor: str
    entries: list[Entry]


def github_anchor(heading: str) -> str:
    """Return the fragment GitHub gives a heading: lower case, no punctuation, `-` for space."""
    kept = []
    for ch in heading.lower():
        category = unicodedata.category(ch)
        if ch in "-_" or category[0] in "LNM":
            kept.append(ch)
        elif ch == " ":
            kept.append("-")
    return "".join(kept)


class _FileName:
    """An entry's file name as a tie-break, worked out only when two names tie (a tuple compares
    its second items only where the first are equal): at 10,000 entries, slugifying every name
    to sort them would cost more than the sort."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _FileName) and slugify(self.name) == slugify(other.name)

    def __lt__(self, other: _FileName) -> bool:
        return slugify(self.name) < slugify(other.name)

    __hash__ = None  # type: ignore[assignment]


def sort_key(entry: Entry) -> tuple[str, _FileName]:
    """Order within a section: by name ignoring case, ties by file name."""
    return entry.name.casefold(), _FileName(entry.name)


def sections(entries: Sequence[Entry], categories: Sequence[str]) -> list[Section]:
    """Group entries by category in the order of categories.yaml; the rest go last."""
    grouped: dict[str, list[Entry]] = {name: [] for name in [*categories, DEFAULT_SECTION]}
    for entry in entries:
        grouped[entry.category or DEFAULT_SECTION].append(entry)
    return [
        Section(name, github_anchor(name), sorted(members, key=sort_key))
        for name, members in grouped.items()
        if members
    ]


def newest_first(entries: Sequence[Entry]) -> list[Entry]:
    """Order for the overview: latest release first, undated last, ties by name."""
    ordered = sorted(entries, key=sort_key)
    dated = sorted((e for e in ordered if e.released), key=lambda e: e.released or "", reverse=True)
    return dated + [e for e in ordered if not e.released]
