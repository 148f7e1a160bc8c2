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
from awesome_tools.core.errorwords import (
    dotted,
    explained_by_others,
    first_key,
    is_explained,
    kind_of,
    message_of,
    unknown_key,
)
from awesome_tools.core.facettypes import plain_loc
from awesome_tools.core.figureshape import (
    old_reference,
)
from awesome_tools.core.keys import field_info
from awesome_tools.core.loaded import KeyPath, Loaded, Position
from awesome_tools.core.problems import rule_of, schema_problem
from awesome_tools.core.rules.fields import NOT_A_MAPPING
from awesome_tools.core.schema import Entry
from awesome_tools.diagnostics import Diagnostic, did_you_mean


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


def _diagnostic(
    loaded: Loaded, error: ErrorDetails, categories: Sequence[str], model: type[Entry]
) -> Diagnostic:
    kind = error["type"]
    loc: KeyPath = tuple(error["loc"])
    position = loaded.value_positions.get(loc) or first_key(loaded, loc[:-1])
    if kind == "missing":
        position = first_key(loaded, loc[:-1])
        parent = f" under '{dotted(loc[:-1])}'" if len(loc) > 1 else ""
        message = f"missing required field '{dotted(loc)}': add '{loc[-1]}:'{parent}"
    elif kind == "extra_forbidden":
        position = loaded.key_positions.get(loc, position)
        message = unknown_key(loaded, loc, model)
    elif loc[-1:] == ("[key]",):  # a key of a mapping with named keys (`references`)
        kind, loc = "extra_forbidden", loc[:-1]
        position = loaded.key_positions.get(loc, position)
        options = re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))
        hint = did_you_mean(str(loc[-1]), options) or f" (allowed here: {', '.join(options)})"
        message = old_reference(str(loc[-1])) or f"unknown key '{dotted(loc)}'{hint}"
    else:
        message = message_of(error, categories, model)
        at = error.get("ctx", {}).get("at")
        # A choice of numbers (`heading_level: '3'`) typed in another script's digits.
        foreign = error["input"] if kind == "literal_error" else None
        problem = foreign_digit_problem(foreign) if isinstance(foreign, str) else None
        if problem is not None:
            at, message = problem[0], f"{dotted(loc)}: {problem[1]}"
        if isinstance(at, int):
            position = character_at(loaded, loc, at) or position
        at_line = error.get("ctx", {}).get("at_line")
        if isinstance(at_line, int):
            position = line_at(loaded, loc, at_line) or position
    return schema_problem(kind, loaded.path, position[0], position[1], message)


@cache
def _adapter(path: tuple[str, ...]) -> TypeAdapter[Any]:
    # The field's own type and validators, so one answer is judged exactly as `check` would.
    info = field_info(path)
    form: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(form)


def field_problem(
    path: tuple[str, ...], value: str, *, categories: Sequence[str]
) -> tuple[str, str] | None:
    """Return the rule and message `check` would give one field's value, or None if it is fine."""
    try:
        _adapter(path).validate_python(value, context={"categories": list(categories)})
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        error = ErrorDetails(**{**first, "loc": plain_loc((*path, *first["loc"]))})
        return rule_of(first["type"]).id, message_of(error, categories)
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
    loaded: Loaded,
    *,
    categories: Sequence[str],
    required: Collection[str],
    model: type[Entry] = Entry,
) -> tuple[Entry | None, list[Diagnostic]]:
    """Validate a loaded file: the entry when it is valid, and the problems found on the way.

    `required` are the dotted fields the list's layout needs, `model` the entry model its
    entries follow (`Entry`, or one that adds the layout's own fields and to-dos). The problems
    include those met while loading; the loaded file is left as it is.
    """
    problems = list(loaded.diagnostics)
    if problems and loaded.data is None:
        return None, problems
    if not isinstance(loaded.data, dict):
        line, column = loaded.value_positions.get((), (1, 1))
        message = (
            f"an entry file holds one mapping of fields (name: ..., title: ...), "
            f"not {kind_of(loaded.data)}"
        )
        return None, [*problems, NOT_A_MAPPING.at(loaded.path, line, column, message)]
    entry: Entry | None = None
    try:
        entry = model.model_validate(loaded.data, context={"categories": list(categories)})
        errors: list[ErrorDetails] = []
    except ValidationError as exc:
        errors = [
            ErrorDetails(**{**error, "loc": plain_loc(tuple(error["loc"]))})
            for error in exc.errors(include_url=False)
        ]
    reported = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    missing, todo = model.todo(loaded, _layout_missing(loaded.data, required))
    errors += [e for e in missing if e["loc"] not in reported]
    if errors:
        explained = explained_by_others(errors, model)
        problems += [
            _diagnostic(loaded, e, categories, model)
            for e in errors
            if not is_explained(e, explained)
        ]
        return None, [*problems, *todo]
    # A structural problem found while loading (duplicate key, alias) still fails the file.
    return (None if problems else entry), [*problems, *todo]
