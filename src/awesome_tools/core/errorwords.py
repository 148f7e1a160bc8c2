"""Pydantic's validation errors in plain words: which key is unknown or misplaced, what a value
should be, which errors another one already explains."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic_core import ErrorDetails

from awesome_tools.core.fieldtypes import LINK_KINDS
from awesome_tools.core.figureshape import (
    new_path,
    old_figure,
    old_key,
    old_key_inside,
)
from awesome_tools.core.keys import allowed_keys, field_description, home_of
from awesome_tools.core.loaded import KeyPath, Loaded, Position
from awesome_tools.core.schema import Entry
from awesome_tools.diagnostics import closest, did_you_mean


def dotted(path: Sequence[str | int]) -> str:
    """A field's path as messages show it: `architecture.overview`, `links[0].url`."""
    return "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" if index else part
        for index, part in enumerate(path)
    )


def kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def first_key(loaded: Loaded, parent: KeyPath) -> Position:
    """Position of the first key of a mapping, or of the mapping itself when it is empty."""
    for key_path, position in loaded.key_positions.items():
        if key_path[:-1] == parent:
            return position
    return loaded.value_positions.get(parent, (1, 1))


def misplaced(loc: KeyPath, model: type[Entry] = Entry) -> tuple[str, ...] | None:
    """Where an unknown key belongs when the schema knows it at another level."""
    home = home_of(str(loc[-1]), model)
    return home if home is not None and home != loc[:-1] else None


def unknown_key(loaded: Loaded, loc: KeyPath, model: type[Entry] = Entry) -> str:
    field = dotted(loc)
    old = old_key(field)
    if old is not None:
        return old
    if new_path(loc) is not None:
        return old_key_inside(str(loc[-1]))
    home = misplaced(loc, model)
    if home == ():
        return f"unknown key '{field}' here; it belongs at the top level: remove its indentation"
    if home:
        line = loaded.key_positions.get(home, (0, 0))[0]
        where = f"'{home[0]}:' on line {line}" if line else f"'{home[0]}:'"
        add = "" if line else f"add '{home[0]}:' and "
        return (
            f"unknown key '{field}' here; it belongs under {where} "
            f"({add}indent it by 2 spaces below that line)"
        )
    options = allowed_keys(loc[:-1], model)
    hint = did_you_mean(str(loc[-1]), options) or f" (allowed here: {', '.join(options)})"
    return f"unknown key '{field}'{hint}"


def explained_by_others(errors: Sequence[ErrorDetails], model: type[Entry] = Entry) -> set[KeyPath]:
    """Where a field is missing (or an emptied section is text) because of an unknown key.

    A misspelled or misplaced key already says what to do; the missing field it should have
    been would only repeat that at another line.
    """
    found: set[KeyPath] = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc: KeyPath = tuple(error["loc"])
        renamed = new_path(loc)
        if renamed is not None:  # a key of the figure's old shape: its message names the new
            found.update([renamed[:1], renamed])
            continue
        home = misplaced(loc, model)
        if home is not None:
            wanted = (*home, str(loc[-1]))
            found.update(wanted[:length] for length in range(1, len(wanted) + 1))
            continue
        close = closest(str(loc[-1]), allowed_keys(loc[:-1], model))
        if close is not None:
            found.add((*loc[:-1], close))
    return found


def is_explained(error: ErrorDetails, explained: set[KeyPath]) -> bool:
    if tuple(error["loc"]) not in explained:
        return False
    empty_section = error["type"] in ("model_type", "dict_type") and error["input"] == ""
    return error["type"] == "missing" or empty_section


def message_of(error: ErrorDetails, categories: Sequence[str], model: type[Entry] = Entry) -> str:
    """Say in plain words what is wrong with one field's value."""
    kind = error["type"]
    loc: KeyPath = tuple(error["loc"])
    field = dotted(loc)
    if kind == "list_type":
        return f"'{field}' must be a list, not {kind_of(error['input'])}"
    if kind == "unknown_link_kind":
        options = list(LINK_KINDS)
        hint = did_you_mean(str(error["input"]), options) or f" (one of: {', '.join(options)})"
        return f"{field}: unknown link kind '{error['input']}'{hint}"
    old_path = loc == ("figure",) and isinstance(error["input"], str) and error["input"] != ""
    if kind in ("model_type", "dict_type") and old_path:  # the figure's old shape: a path
        return old_figure()
    if kind in ("model_type", "dict_type"):
        keys = ", ".join(allowed_keys(loc, model))
        return f"'{field}' must be a mapping with the keys {keys}, not {kind_of(error['input'])}"
    if kind == "string_type":
        return f"'{field}' must be text, not {kind_of(error['input'])}"
    if kind == "unknown_category":
        hint = did_you_mean(str(error["input"]), categories)
        listed = f" (the list's categories: {', '.join(categories)})" if not hint else ""
        return f"category: unknown category '{error['input']}'{hint}{listed}"
    if kind == "placeholder":
        what = field_description(tuple(str(p) for p in loc), model)
        return f"{field}: replace the TODO placeholder with {lower_first(what)}"
    return f"{field}: {error['msg']}" if field else error["msg"]
