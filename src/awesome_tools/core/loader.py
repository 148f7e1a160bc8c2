"""Safe YAML loading: text to plain values, with the position of every key and value."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import yaml

from awesome_tools.core.loaded import Loaded, Position, mark
from awesome_tools.core.problems import schema_problem
from awesome_tools.core.rules.yaml import (
    DUPLICATE_KEY,
    EMPTY_FILE,
    MULTIPLE_DOCUMENTS,
    YAML_ALIAS,
    YAML_DEPTH,
    YAML_SYNTAX,
    YAML_TAG,
)
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io.textfile import place

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED_TAGS = {_STR, _MAP, _SEQ}
# An entry is three levels deep (file, section, field); the bound leaves room for mistakes and
# keeps every walk over loaded data far from Python's recursion limit.
MAX_DEPTH = 20
_DEPTH_MESSAGE = (
    f"nested more than {MAX_DEPTH} levels deep; the list's YAML files need at most 3 levels "
    "(remove brackets or indentation, or quote the text)"
)
_SCALAR = yaml.ScalarNode
_DEFAULT_TAGS = {yaml.ScalarNode: _STR, yaml.MappingNode: _MAP, yaml.SequenceNode: _SEQ}


class _StringLoader(_Base):  # type: ignore[misc]
    """Compose-only loader that types no scalar: `no`, `1.10` and dates stay strings."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        """Give each node its default tag; the generic resolver is slow and finds nothing."""
        return _DEFAULT_TAGS[kind]


def _syntax_diagnostic(
    text: str, path: str, exc: yaml.YAMLError, keys: Collection[str]
) -> Diagnostic:
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = place(text, exc.position)
        message = f"control character U+{exc.character:04X} is not allowed in YAML; remove it"
        return schema_problem("control_character", path, line, column, message)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(exc, yaml.composer.ComposerError) and "single document" in str(exc.context):
        return MULTIPLE_DOCUMENTS.at(
            path,
            line,
            column,
            "a second YAML document starts here; an entry file holds exactly one (remove '---')",
        )
    if getattr(exc, "problem", None) == "exceeded maximum nesting depth":
        # libyaml stops at 1,000 levels; name the first level past ours, as for shallower input.
        line, column = _first_too_deep(text) or (line, column)
        return YAML_DEPTH.at(path, line, column, _DEPTH_MESSAGE)
    lines = text.splitlines()
    if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        return YAML_SYNTAX.at(path, line, column, "tab character: YAML indentation must use spaces")
    hint = _hint(text, exc, keys)
    if hint is not None:
        return YAML_SYNTAX.at(path, hint[0], hint[1], hint[2])
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"{problem} ({context})" if context else problem
    return YAML_SYNTAX.at(path, line, column, f"invalid YAML: {message}")


def _hint(text: str, exc: yaml.YAMLError, keys: Collection[str]) -> tuple[int, int, str] | None:
    """Say in plain words what to change: a misindented line, or a value to put in quotes."""
    from awesome_tools.core.syntaxhints import misindented, quote_value

    marks = [getattr(exc, name, None) for name in ("problem_mark", "context_mark")]
    lines = [mark.line + 1 for mark in marks if mark is not None]
    if not lines:
        return None
    found = misindented(text, max(lines), keys=keys)
    problem = marks[0]
    if found is None and problem is not None:
        found = quote_value(text, problem.line + 1, problem.column + 1)
    return found


class _Refused(Exception):
    """A construct that makes the document unsafe to read further (alias, tag)."""


class _Unusual(Exception):
    """The fast build met something only the careful walk can report."""


def _build(node: yaml.Node, seen: set[int], depth: int = 1) -> Any:
    """Plain values for the common, clean document; anything unusual defers to `_Walker`."""
    if id(node) in seen:
        raise _Unusual
    seen.add(id(node))
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if depth > MAX_DEPTH:
        raise _Unusual
    if node.tag == _MAP and isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if key_node.tag != _STR or not isinstance(key_node, yaml.ScalarNode):
                raise _Unusual
            if (
                value_node.tag == _STR
                and type(value_node) is _SCALAR
                and id(value_node) not in seen
            ):
                # Most values are text: no call for them (a file holds thousands).
                seen.add(id(value_node))
                result[key_node.value] = value_node.value
            else:
                result[key_node.value] = _build(value_node, seen, depth + 1)
        if len(result) != len(node.value):
            raise _Unusual
        return result
    if node.tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [_build(item, seen, depth + 1) for item in node.value]
    raise _Unusual


class _Walker:
    """Turn a node tree into plain values, reporting aliases, tags and duplicate keys."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.seen: set[int] = set()

    def value(self, node: yaml.Node, at: Position, depth: int = 1) -> Any:
        if id(node) in self.seen:
            # A composed alias is the anchored node itself, so `at` is where it is used from.
            message = "aliases (*name) are not allowed: write the value out"
            self.loaded.error(at, YAML_ALIAS, message)
            raise _Refused
        self.seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.loaded.error(mark(node), YAML_TAG, f"YAML tag '{tag}' is not allowed")
            raise _Refused
        if isinstance(node, yaml.ScalarNode):
            return node.value
        if depth > MAX_DEPTH:
            self.loaded.error(mark(node), YAML_DEPTH, _DEPTH_MESSAGE)
            raise _Refused
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth)
        return [self.value(item, mark(node), depth + 1) for item in node.value]

    def mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            at = mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.loaded.error(at, YAML_SYNTAX, "a key must be plain text")
                continue
            key = key_node.value
            if key in result:
                message = f"duplicate key '{key}' (first defined on line {first_lines[key]})"
                self.loaded.error(at, DUPLICATE_KEY, message)
                continue
            first_lines[key] = at[0]
            result[key] = self.value(value_node, at, depth + 1)
        return result


def _first_too_deep(text: str) -> Position | None:
    """Where the first collection past the depth bound starts, found by the iterative parser."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                mark = event.start_mark
                if depth > MAX_DEPTH and mark is not None:
                    return mark.line + 1, mark.column + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None


def load_yaml(text: str, path: str, *, keys: Collection[str] = ()) -> Loaded:
    """Compose one YAML document safely into plain values; never raises on bad input.

    `keys` are the keys the document may hold: a line starting with one but missing its ':'
    is named as such.
    """
    loaded = Loaded(path)
    loader = _StringLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        loaded.diagnostics.append(_syntax_diagnostic(text, path, exc, keys))
        return loaded
    except RecursionError:
        # Only the pure-Python composer recurses (libyaml stops at 1,000 levels by itself).
        loaded.error(_first_too_deep(text) or (1, 1), YAML_DEPTH, _DEPTH_MESSAGE)
        return loaded
    finally:
        loader.dispose()
    if node is None:
        loaded.error((1, 1), EMPTY_FILE, "file holds no YAML document")
        return loaded
    loaded.root = node
    try:
        loaded.data = _build(node, set())
    except _Unusual:
        try:
            loaded.data = _Walker(loaded).value(node, mark(node))
        except _Refused:
            loaded.data = None
    return loaded
