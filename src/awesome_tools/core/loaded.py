"""A YAML file loaded: its plain values, the position of every key and value, its diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.rule import Rule

Position = tuple[int, int]

KeyPath = tuple[str | int, ...]


@dataclass
class Loaded:
    """A YAML document as plain values, the problems met on the way, and positions on demand."""

    path: str
    data: Any = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    root: yaml.Node | None = field(default=None, repr=False)
    _positions: tuple[dict[KeyPath, Position], dict[KeyPath, Position]] | None = field(
        default=None, repr=False
    )

    def error(self, position: Position, rule: Rule, message: str) -> None:
        """Record a rule's error at a position."""
        self.diagnostics.append(rule.at(self.path, position[0], position[1], message))

    def _walk_positions(self) -> tuple[dict[KeyPath, Position], dict[KeyPath, Position]]:
        if self._positions is None:
            keys: dict[KeyPath, Position] = {}
            values: dict[KeyPath, Position] = {}
            if self.root is not None:
                values[()] = mark(self.root)
                _record_positions(self.root, keys, values)
            self._positions = keys, values
        return self._positions

    def top_value_position(self, key: str) -> Position:
        """Where a top-level key's value starts, without walking the whole tree."""
        if self._positions is None and isinstance(self.root, yaml.MappingNode):
            for key_node, value_node in self.root.value:
                if key_node.value == key:
                    return mark(value_node)
        return self.value_positions.get((key,), (1, 1))

    def node_at(self, path: KeyPath) -> yaml.Node | None:
        """The node of a value by its key path (the first of a repeated key, as positions are)."""
        node = self.root
        for part in path:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == part), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                node = node.value[part] if part < len(node.value) else None
            else:
                return None
        return node

    @property
    def key_positions(self) -> dict[KeyPath, Position]:
        """Where each key stands, by its path (the first occurrence of a repeated key)."""
        return self._walk_positions()[0]

    @property
    def value_positions(self) -> dict[KeyPath, Position]:
        """Where each value starts, by its key path; `()` is the document itself."""
        return self._walk_positions()[1]


def _record_positions(
    root: yaml.Node, keys: dict[KeyPath, Position], values: dict[KeyPath, Position]
) -> None:
    # Iterative, in document order, so no nesting can exhaust the Python stack.
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, KeyPath]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        children: list[tuple[yaml.Node, KeyPath]] = []
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                key_path = (*path, key_node.value)
                if key_path not in keys:
                    keys[key_path] = mark(key_node)
                    values[key_path] = mark(value_node)
                    children.append((value_node, key_path))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                values[(*path, index)] = mark(item)
                children.append((item, (*path, index)))
        stack.extend(reversed(children))


def mark(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1
