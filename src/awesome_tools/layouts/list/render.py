"""The list layout's README: entries as `- [Name](url) - Summary.` lines, placed by the frame.

The frame is a template (the list's `templates/README.md.j2` that import writes, else the
packaged `list/README.md.j2`). It places a category's entry lines with
`{{ entries("Packages / Mad science") }}`: in order (`order` first, then by name), the whole
category, or a slice of it (`entries("Community", 0, 4)` and `entries("Community", 4)` around a
line that is not an entry), each line indented as the call says (`indent="\t"` for a list
group's items). The packaged frame writes every category as a heading and a contents list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import markupsafe

from awesome_tools.core.normalize import slugify
from awesome_tools.core.ordering import github_anchor
from awesome_tools.core.schema import Entry
from awesome_tools.core.templates import TemplateProblem
from awesome_tools.layouts.frametext import frame_template
from awesome_tools.layouts.list.shape import SEPARATOR, entry_line

if TYPE_CHECKING:
    from awesome_tools.core.templates import Templates

PACKAGED = "list/README.md.j2"
# The README's heading when the list's settings give no title.
DEFAULT_TITLE = "Awesome List"


@dataclass(frozen=True)
class Section:
    """A category as the packaged frame writes it: its heading line, its anchor and name."""

    heading: str
    text: str
    anchor: str
    category: str
    depth: int


def sort_key(entry: Entry) -> tuple[int, str, str]:
    """Order within a category: by `order` (the README's own, kept by import), then by name."""
    order = int(entry.order) if entry.order else 10**9
    return order, entry.name.casefold(), slugify(entry.name)


def entry_text(entry: Entry, indent: str = "") -> str:
    """An entry's line."""
    return entry_line(entry.name, entry.url, entry.summary, indent)


def by_category(entries: Sequence[Entry]) -> dict[str | None, list[Entry]]:
    """The entries of each category, in order."""
    grouped: dict[str | None, list[Entry]] = {}
    for entry in sorted(entries, key=sort_key):
        grouped.setdefault(entry.category, []).append(entry)
    return grouped


def sections(categories: Sequence[str]) -> list[Section]:
    """The categories as headings: a category whose name begins with an earlier one's and the
    separator is under it (`Packages / HTTP` under `Packages`), one level deeper."""
    found: list[Section] = []
    anchors: dict[str, int] = {}
    for name in categories:
        parent = max(
            (s for s in found if name.startswith(s.category + SEPARATOR)),
            key=lambda s: len(s.category),
            default=None,
        )
        depth = parent.depth + 1 if parent else 0
        text = name[len(parent.category + SEPARATOR) :] if parent else name
        anchor = github_anchor(text)
        seen = anchors.get(anchor, 0)
        anchors[anchor] = seen + 1
        found.append(
            Section(
                f"{'#' * min(depth + 2, 6)} {text}",
                text,
                anchor + (f"-{seen}" if seen else ""),
                name,
                depth,
            )
        )
    return found


def contents(found: Sequence[Section]) -> str:
    """The contents list: a link to each `##` category's heading and to each `###` one under
    it (awesome-lint's awesome-toc allows one level of nesting)."""
    shown = [s for s in found if s.depth < 2]
    return "\n".join(f"{'  ' * s.depth}- [{s.text}](#{s.anchor})" for s in shown)


class _Placer:
    """The `entries(...)` a frame calls; remembers which entries it placed."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.grouped = by_category(entries)
        self.placed: dict[str | None, set[int]] = {}

    def __call__(
        self,
        category: str | None = None,
        start: int = 0,
        stop: int | None = None,
        indent: str = "",
    ) -> markupsafe.Markup:
        members = self.grouped.get(category, [])
        chosen = range(len(members))[start:stop]
        self.placed.setdefault(category, set()).update(chosen)
        return markupsafe.Markup("\n".join(entry_text(members[i], indent) for i in chosen))

    def has(self, category: str | None = None) -> bool:
        """Whether the category holds an entry."""
        return bool(self.grouped.get(category))

    def unplaced(self) -> list[tuple[str | None, Entry]]:
        return [
            (category, members[i])
            for category, members in self.grouped.items()
            for i in range(len(members))
            if i not in self.placed.get(category, set())
        ]


def list_frame(templates: Templates) -> str:
    """The frame's template: the list's `templates/list/README.md.j2`, else its
    `templates/README.md.j2` when that places entries (import writes it there), else the
    packaged one (a table or panel frame there is left to its layout)."""
    return frame_template(templates, PACKAGED, "entries")


def render_list(
    entries: Sequence[Entry],
    categories: Sequence[str],
    templates: Templates,
    title: str | None,
) -> str:
    """The README: the frame with every entry placed; a TemplateProblem (at the frame) when it
    leaves an entry out, which would lose it from the README."""
    name = list_frame(templates)
    placer = _Placer(entries)
    found = sections(categories)
    text = templates.render(
        name,
        len(entries),
        title=title or DEFAULT_TITLE,
        entries=placer,
        sections=found,
        contents=markupsafe.Markup(contents(found)),
        count=len(entries),
    )
    left = placer.unplaced()
    if left:
        category, entry = left[0]
        call = f'{{{{ entries("{category}") }}}}' if category else "{{ entries() }}"
        where = templates.frame(name)
        message = (
            f"the frame places no line for '{entry.name}' (category "
            f"{repr(category) if category else 'none'}); add {call} where its lines go"
        )
        raise TemplateProblem.at(_shown(where), 1, 1, message)
    return text


def _shown(frame: str) -> str:
    return frame.removeprefix("the packaged template ")
