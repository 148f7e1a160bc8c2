"""The figure's old shape, flat keys beside `figure: path`, and the words that name the new one.

Before issue 19 an entry gave its figure as `figure: path` with `figure_alt`, `figure_caption`,
`figure_number`, `figure_source`, `figure_page` and `figure_width` beside it; now the figure is
one mapping, `figure: {file, alt, caption, number, source, page, width}`. `check` names the new
shape at each old key, and `awesome-tools upgrade` rewrites old entry files.
"""

from __future__ import annotations

import re

# The keys of `figure:`, in the schema's order (`schema.Figure`; a test holds them equal).
FIGURE_KEYS = ("file", "alt", "caption", "number", "source", "page", "width")
# Each old top-level key, by the key it is now under `figure:`.
OLD_KEYS = {
    "figure_alt": "alt",
    "figure_caption": "caption",
    "figure_number": "number",
    "figure_source": "source",
    "figure_page": "page",
    "figure_width": "width",
}
# `panel_quirks.references` named the figure's texts by their old keys.
OLD_REFERENCES = {"figure_alt": "figure.alt", "figure_caption": "figure.caption"}

_HOW = "; `awesome-tools upgrade` converts an entry file of the old shape"


def old_key(key: str) -> str | None:
    """What an old figure key of the top level says, or None for any other key."""
    new = OLD_KEYS.get(key)
    if new is None:
        return None
    example = "file: ..., alt: ..." + ("" if new == "alt" else f", {new}: ...")
    return f"'{key}' is now '{new}' under 'figure:' (figure: {{{example}}}){_HOW}"


def new_path(path: tuple[str | int, ...]) -> tuple[str, str] | None:
    """Where an old figure key (at the top level, or under `figure:` by half a conversion)
    belongs now, or None for any other key."""
    new = OLD_KEYS.get(str(path[-1])) if path[:-1] in ((), ("figure",)) else None
    return ("figure", new) if new is not None else None


def old_key_inside(key: str) -> str:
    """What an old figure key under `figure:` says."""
    return f"unknown key 'figure.{key}'; under 'figure:' it is '{OLD_KEYS[key]}'"


def old_figure() -> str:
    """What `figure` given as text, its old shape's path, says."""
    return (
        "'figure' is a mapping now, not text: write the image as 'file:' under 'figure:' "
        f"with its alt text (figure: {{file: ..., alt: ...}}){_HOW}"
    )


def old_attribute(reason: str) -> str:
    """What a template's error adds when it read an old figure field of an entry."""
    found = re.search(r"Entry object' has no attribute '(figure_[a-z]+)'", reason)
    new = OLD_KEYS.get(found[1]) if found else None
    return f"; the figure is one mapping now: entry.figure.{new}" if new else ""


def old_reference(key: str) -> str | None:
    """What an old key of `panel_quirks.references` says, or None for any other key."""
    new = OLD_REFERENCES.get(key)
    if new is None:
        return None
    return f"'panel_quirks.references.{key}' is now 'panel_quirks.references.{new}'{_HOW}"
