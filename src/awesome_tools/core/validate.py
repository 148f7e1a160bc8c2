"""Loaded YAML to `Entry` models, pydantic errors to positioned plain-word diagnostics."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache
from typing import Annotated, Any

import yaml
from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from awesome_tools.core.digits import foreign_digit_problem
from awesome_tools.core.fieldtypes import LINK_KINDS
from awesome_tools.core.figureshape import (
    new_path,
    old_figure,
    old_key,
    old_key_inside,
    old_reference,
)
from awesome_tools.core.keys import allowed_keys, field_description, field_info, home_of
from awesome_tools.core.loaded import KeyPath, Loaded, Position
from awesome_tools.core.schema import Entry
from awesome_tools.core.vocabulary import connectors
from awesome_tools.diagnostics import Diagnostic, closest, did_you_mean
from awesome_tools.ruleids import RuleId

_RULES: dict[str, RuleId] = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-key",
    "string_type": "wrong-type",
    "model_type": "wrong-type",
    "dict_type": "wrong-type",
    "empty_text": "empty-text",
    "control_character": "control-character",
    "hidden_character": "hidden-character",
    "bad_url": "bad-url",
    "unknown_category": "unknown-category",
    "placeholder": "placeholder",
    "bad_date": "bad-date",
    "unknown_connector": "unknown-connector",
    "list_type": "wrong-type",
    "bad_number": "bad-number",
    "unknown_link_kind": "unknown-link-kind",
    "open_block": "deep-dive-block",
}


def _dotted(path: Sequence[str | int]) -> str:
    """A field's path as messages show it: `architecture.overview`, `links[0].url`."""
    return "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" if index else part
        for index, part in enumerate(path)
    )


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _first_key(loaded: Loaded, parent: KeyPath) -> Position:
    """Position of the first key of a mapping, or of the mapping itself when it is empty."""
    for key_path, position in loaded.key_positions.items():
        if key_path[:-1] == parent:
            return position
    return loaded.value_positions.get(parent, (1, 1))


def _misplaced(loc: KeyPath) -> tuple[str, ...] | None:
    """Where an unknown key belongs when the schema knows it at another level."""
    home = home_of(str(loc[-1]))
    return home if home is not None and home != loc[:-1] else None


def _unknown_key(loaded: Loaded, loc: KeyPath) -> str:
    field = _dotted(loc)
    old = old_key(field)
    if old is not None:
        return old
    if new_path(loc) is not None:
        return old_key_inside(str(loc[-1]))
    home = _misplaced(loc)
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
    options = allowed_keys(loc[:-1])
    hint = did_you_mean(str(loc[-1]), options) or f" (allowed here: {', '.join(options)})"
    return f"unknown key '{field}'{hint}"


def _explained(errors: Sequence[ErrorDetails]) -> set[KeyPath]:
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
        home = _misplaced(loc)
        if home is not None:
            wanted = (*home, str(loc[-1]))
            found.update(wanted[:length] for length in range(1, len(wanted) + 1))
            continue
        close = closest(str(loc[-1]), allowed_keys(loc[:-1]))
        if close is not None:
            found.add((*loc[:-1], close))
    return found


def _is_explained(error: ErrorDetails, explained: set[KeyPath]) -> bool:
    if tuple(error["loc"]) not in explained:
        return False
    empty_section = error["type"] in ("model_type", "dict_type") and error["input"] == ""
    return error["type"] == "missing" or empty_section


def _message(error: ErrorDetails, categories: Sequence[str]) -> str:
    """Say in plain words what is wrong with one field's value."""
    kind = error["type"]
    loc: KeyPath = tuple(error["loc"])
    field = _dotted(loc)
    if kind == "list_type":
        return f"'{field}' must be a list, not {_kind(error['input'])}"
    if kind == "unknown_link_kind":
        options = list(LINK_KINDS)
        hint = did_you_mean(str(error["input"]), options) or f" (one of: {', '.join(options)})"
        return f"{field}: unknown link kind '{error['input']}'{hint}"
    old_path = loc == ("figure",) and isinstance(error["input"], str) and error["input"] != ""
    if kind in ("model_type", "dict_type") and old_path:  # the figure's old shape: a path
        return old_figure()
    if kind in ("model_type", "dict_type"):
        keys = ", ".join(allowed_keys(loc))
        return f"'{field}' must be a mapping with the keys {keys}, not {_kind(error['input'])}"
    if kind == "string_type":
        return f"'{field}' must be text, not {_kind(error['input'])}"
    if kind == "unknown_category":
        hint = did_you_mean(str(error["input"]), categories)
        listed = f" (the list's categories: {', '.join(categories)})" if not hint else ""
        return f"category: unknown category '{error['input']}'{hint}{listed}"
    if kind == "placeholder":
        what = field_description(tuple(str(p) for p in loc))
        return f"{field}: replace the TODO placeholder with {_lower_first(what)}"
    if kind == "unknown_connector":
        options = list(connectors())
        hint = did_you_mean(str(error["input"]), options) or f" (one of: {', '.join(options)})"
        return f"connector: unknown connector '{error['input']}'{hint}"
    return f"{field}: {error['msg']}" if field else error["msg"]


def character_at(loaded: Loaded, loc: KeyPath, index: int) -> Position | None:
    """Where character `index` of a value stands in the file, when the value is on one line
    and written without escapes, so that each character of the value is one of the file."""
    node = loaded.node_at(loc)
    if not isinstance(node, yaml.ScalarNode) or node.start_mark.line != node.end_mark.line:
        return None
    value: str = node.value
    before = {"": 0, "'": 1 + value[:index].count("'"), '"': 1}.get(node.style)
    written = {"": 0, "'": 2 + value.count("'"), '"': 2}.get(node.style)
    if before is None or written is None:
        return None
    if node.end_mark.column - node.start_mark.column != len(value) + written:
        return None
    return node.start_mark.line + 1, node.start_mark.column + before + index + 1


def line_at(loaded: Loaded, loc: KeyPath, index: int) -> Position | None:
    """Where line `index` of a literal block scalar's text (`|`) is in the file (column 1):
    its lines are the file's, after the blank lines it starts with."""
    node = loaded.node_at(loc)
    if not isinstance(node, yaml.ScalarNode) or node.style != "|":
        return None
    lead = len(node.value) - len(node.value.lstrip("\n"))
    row = node.start_mark.line + 1 + lead + index
    return (row + 1, 1) if row < node.end_mark.line else None


def _diagnostic(loaded: Loaded, error: ErrorDetails, categories: Sequence[str]) -> Diagnostic:
    kind = error["type"]
    loc: KeyPath = tuple(error["loc"])
    rule = _RULES.get(kind, "wrong-type")
    position = loaded.value_positions.get(loc) or _first_key(loaded, loc[:-1])
    if kind == "missing":
        position = _first_key(loaded, loc[:-1])
        parent = f" under '{_dotted(loc[:-1])}'" if len(loc) > 1 else ""
        message = f"missing required field '{_dotted(loc)}': add '{loc[-1]}:'{parent}"
    elif kind == "extra_forbidden":
        position = loaded.key_positions.get(loc, position)
        message = _unknown_key(loaded, loc)
    elif loc[-1:] == ("[key]",):  # a key of a mapping with named keys (`references`)
        rule, loc = "unknown-key", loc[:-1]
        position = loaded.key_positions.get(loc, position)
        options = re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))
        hint = did_you_mean(str(loc[-1]), options) or f" (allowed here: {', '.join(options)})"
        message = old_reference(str(loc[-1])) or f"unknown key '{_dotted(loc)}'{hint}"
    else:
        message = _message(error, categories)
        at = error.get("ctx", {}).get("at")
        # A choice of numbers (`heading_level: '3'`) typed in another script's digits.
        foreign = error["input"] if kind == "literal_error" else None
        problem = foreign_digit_problem(foreign) if isinstance(foreign, str) else None
        if problem is not None:
            at, message = problem[0], f"{_dotted(loc)}: {problem[1]}"
        if isinstance(at, int):
            position = character_at(loaded, loc, at) or position
        at_line = error.get("ctx", {}).get("at_line")
        if isinstance(at_line, int):
            position = line_at(loaded, loc, at_line) or position
    return Diagnostic(loaded.path, position[0], position[1], rule, message)


@cache
def _adapter(path: tuple[str, ...]) -> TypeAdapter[Any]:
    # The field's own type and validators, so one answer is judged exactly as `check` would.
    info = field_info(path)
    form: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(form)


def field_problem(
    path: tuple[str, ...], value: str, *, categories: Sequence[str]
) -> tuple[RuleId, str] | None:
    """Return the rule and message `check` would give one field's value, or None if it is fine."""
    try:
        _adapter(path).validate_python(value, context={"categories": list(categories)})
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        error = ErrorDetails(**{**first, "loc": (*path, *first["loc"])})
        return _RULES.get(first["type"], "wrong-type"), _message(error, categories)
    return None


def _layout_missing(data: dict[str, Any], required: Collection[str]) -> list[ErrorDetails]:
    """The fields the layout requires that the data leaves out, as pydantic would name them.

    A field under a missing section is reported as the section missing, once. A choice `a|b`
    is met by either field.
    """
    found: dict[KeyPath, ErrorDetails] = {}
    for choice in required:
        # `a|b`: either will do; when neither is given, the first is reported missing.
        fields = _fields(choice)
        if any(_missing(data, parts) is None for parts in fields):
            continue
        error = _missing(data, fields[0])
        if error is not None:
            found[tuple(error["loc"])] = error
    return list(found.values())


@cache
def _fields(choice: str) -> tuple[tuple[str, ...], ...]:
    """A required choice (`a.b|c`) as its fields' key paths, split once per process."""
    return tuple(tuple(dotted.split(".")) for dotted in choice.split("|"))


def _missing(data: dict[str, Any], parts: tuple[str, ...]) -> ErrorDetails | None:
    """The error of a field (by key path) the data leaves out, or None when it is given; the
    error is built only then."""
    node: Any = data
    for depth, part in enumerate(parts, 1):
        if not isinstance(node, dict):
            return None  # a section that is not a mapping is reported as such
        if part not in node:
            loc = tuple(parts[:depth])
            return ErrorDetails(type="missing", loc=loc, msg="missing", input=node)
        node = node[part]
    return None


def validate(
    loaded: Loaded, *, categories: Sequence[str], required: Collection[str]
) -> tuple[Entry | None, list[Diagnostic]]:
    """Validate a loaded file: the entry when it is valid, and the problems found on the way.

    `required` are the dotted fields the list's layout needs. The problems include those met
    while loading; the loaded file is left as it is.
    """
    problems = list(loaded.diagnostics)
    if problems and loaded.data is None:
        return None, problems
    if not isinstance(loaded.data, dict):
        line, column = loaded.value_positions.get((), (1, 1))
        message = (
            f"an entry file holds one mapping of fields (name: ..., title: ...), "
            f"not {_kind(loaded.data)}"
        )
        return None, [*problems, Diagnostic(loaded.path, line, column, "not-a-mapping", message)]
    entry: Entry | None = None
    try:
        entry = Entry.model_validate(loaded.data, context={"categories": list(categories)})
        errors: list[ErrorDetails] = []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    reported = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    missing, todo = _summary_todo(loaded, _layout_missing(loaded.data, required))
    errors += [e for e in missing if e["loc"] not in reported]
    if errors:
        explained = _explained(errors)
        problems += [
            _diagnostic(loaded, e, categories) for e in errors if not _is_explained(e, explained)
        ]
        return None, [*problems, *todo]
    # A structural problem found while loading (duplicate key, alias) still fails the file.
    return (None if problems else entry), [*problems, *todo]


def _summary_todo(
    loaded: Loaded, missing: list[ErrorDetails]
) -> tuple[list[ErrorDetails], list[Diagnostic]]:
    """The missing fields that fail the entry, and the warning of a panel imported without a
    summary (`panel_quirks.summary: none`): a summary to write (import makes none up), a to-do,
    not an error; once written, the quirk left over."""
    data = loaded.data
    quirks = data.get("panel_quirks") if isinstance(data, dict) else None
    if not isinstance(quirks, dict) or quirks.get("summary") != "none":
        return missing, []
    line, column = loaded.key_positions.get(("panel_quirks", "summary"), (1, 1))
    line_out = "'panel_quirks:' and this line" if len(quirks) == 1 else "this line"
    if "summary" in data:
        message = f"the entry has a summary now: remove {line_out}"
    elif any(e["loc"] == ("summary",) for e in missing):
        missing = [e for e in missing if e["loc"] != ("summary",)]
        message = (
            "no summary yet: the imported panel had none (render writes none); write the "
            "model's one-paragraph summary as 'summary: ...' at the top level and remove "
            f"{line_out}"
        )
    else:
        return missing, []
    return missing, [Diagnostic(loaded.path, line, column, "no-summary", message, "warning")]
