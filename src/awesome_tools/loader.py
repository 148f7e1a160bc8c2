"""Safe YAML loading: text to plain values, with the position of every key and value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from awesome_tools.diagnostics import Diagnostic

Position = tuple[int, int]
KeyPath = tuple[str | int, ...]

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StringLoader(_Base):  # type: ignore[misc]
    """Compose-only loader that types no scalar: `no`, `1.10` and dates stay strings."""

    yaml_implicit_resolvers: ClassVar[dict[str, Any]] = {}


_STR = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {_STR, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass
class Loaded:
    """A YAML document as plain values, with positions and the problems met on the way."""

    path: str
    data: Any = None
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)
    value_positions: dict[KeyPath, Position] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, position: Position, rule: str, message: str) -> None:
        """Record an error at a position."""
        self.diagnostics.append(Diagnostic(self.path, position[0], position[1], rule, message))


def _mark(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _position_of_index(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """Decode UTF-8 (a BOM allowed); invalid bytes become a positioned diagnostic."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8-sig", errors="replace")
        line, column = _position_of_index(before, len(before))
        message = f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        return None, Diagnostic(path, line, column, "encoding", message)


def _syntax_diagnostic(text: str, path: str, exc: yaml.YAMLError) -> Diagnostic:
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = _position_of_index(text, exc.position)
        return Diagnostic(
            path,
            line,
            column,
            "control-character",
            f"control character U+{exc.character:04X} is not allowed in YAML; remove it",
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(exc, yaml.composer.ComposerError) and "single document" in str(exc.context):
        return Diagnostic(
            path,
            line,
            column,
            "multiple-documents",
            "a second YAML document starts here; an entry file holds exactly one (remove '---')",
        )
    lines = text.splitlines()
    if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        return Diagnostic(
            path, line, column, "yaml-syntax", "tab character: YAML indentation must use spaces"
        )
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"{problem} ({context})" if context else problem
    return Diagnostic(path, line, column, "yaml-syntax", f"invalid YAML: {message}")


class _Refused(Exception):
    """A construct that makes the document unsafe to read further (alias, tag)."""


class _Walker:
    """Turn a composed node tree into plain values, refusing aliases, tags and duplicate keys."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.seen: set[int] = set()

    def value(self, node: yaml.Node, path: KeyPath, at: Position) -> Any:
        if id(node) in self.seen:
            # A composed alias is the anchored node itself, so `at` is where it is used from.
            message = "aliases (*name) are not allowed: write the value out"
            self.loaded.error(at, "yaml-alias", message)
            raise _Refused
        self.seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.loaded.error(_mark(node), "yaml-tag", f"YAML tag '{tag}' is not allowed")
            raise _Refused
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i), _mark(node)) for i, item in enumerate(node.value)]
        return node.value

    def mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            at = _mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.loaded.error(at, "yaml-syntax", "a key must be plain text")
                continue
            key = key_node.value
            key_path = (*path, key)
            if key in result:
                first = self.loaded.key_positions[key_path][0]
                self.loaded.error(
                    at, "duplicate-key", f"duplicate key '{key}' (first defined on line {first})"
                )
                continue
            self.loaded.key_positions[key_path] = at
            self.loaded.value_positions[key_path] = _mark(value_node)
            result[key] = self.value(value_node, key_path, at)
        return result


def load_yaml(text: str, path: str) -> Loaded:
    """Compose one YAML document safely into plain values; never raises on bad input."""
    loaded = Loaded(path)
    loader = _StringLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        loaded.diagnostics.append(_syntax_diagnostic(text, path, exc))
        return loaded
    finally:
        loader.dispose()
    if node is None:
        loaded.error((1, 1), "empty-file", "file holds no YAML document")
        return loaded
    loaded.value_positions[()] = _mark(node)
    try:
        loaded.data = _Walker(loaded).value(node, (), _mark(node))
    except _Refused:
        loaded.data = None
    return loaded
