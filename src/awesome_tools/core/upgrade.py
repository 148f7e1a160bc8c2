"""An entry file of the figure's old shape rewritten in the new one, its text kept otherwise.

`figure: path` with `figure_alt: ...`, `figure_caption: ...` beside it becomes one mapping,
`figure:` with `file:`, `alt:`, `caption:` ... under it, where the first of them stood: each
value moved with its own lines (a folded or literal block included) and the comments above it,
indented by two spaces. The keys of `panel_quirks.references` that named the old fields are
renamed in place. Every other line stays as it is; the new text is read back and must hold
exactly the converted values, or the file is left alone and named, to be converted by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from awesome_tools.core.figureshape import FIGURE_KEYS, OLD_KEYS, OLD_REFERENCES
from awesome_tools.core.loaded import Loaded
from awesome_tools.core.loader import load_yaml
from awesome_tools.core.problems import schema_problem
from awesome_tools.diagnostics import Diagnostic

_BY_HAND = "convert it by hand: figure: {file: ..., alt: ...}"


@dataclass
class Upgrade:
    """The new text of an entry file (None: nothing to change) or why it is left alone."""

    text: str | None = None
    problems: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True)
class _Piece:
    """One top-level key of the file: its lines (0-based, end included) and what it holds."""

    key: str
    first: int  # the first line after the previous key's value: comments above it are its own
    line: int  # the key's line
    last: int  # the value's last line


def _comment_or_blank(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _pieces(root: yaml.MappingNode, lines: list[str]) -> list[_Piece]:
    """The top-level keys in file order; the first one's comments are those right above it
    (a `---` or a directive before them is the document's, not the key's)."""
    pieces: list[_Piece] = []
    for key_node, value_node in root.value:
        line = key_node.start_mark.line
        end = value_node.end_mark
        last = max(end.line if end.column > 0 else end.line - 1, line)
        first = pieces[-1].last + 1 if pieces else line
        while not pieces and first > 0 and _comment_or_blank(lines[first - 1]):
            first -= 1
        pieces.append(_Piece(str(key_node.value), first, line, last))
    return pieces


def _old_references(data: dict[str, Any]) -> list[str]:
    quirks = data.get("panel_quirks")
    references = quirks.get("references") if isinstance(quirks, dict) else None
    return [key for key in references or {} if key in OLD_REFERENCES]


def _converted(data: dict[str, Any]) -> dict[str, Any]:
    """The values the upgraded file must hold."""
    figure = {"file": data["figure"]} if isinstance(data.get("figure"), str) else {}
    figure.update((OLD_KEYS[key], value) for key, value in data.items() if key in OLD_KEYS)
    new = {k: v for k, v in data.items() if k not in OLD_KEYS and not (k == "figure" and figure)}
    if figure:
        new["figure"] = figure
    renamed = _old_references(data)
    if renamed:
        references = dict(data["panel_quirks"]["references"])
        for key in renamed:
            references[OLD_REFERENCES[key]] = references.pop(key)
        new["panel_quirks"] = {**data["panel_quirks"], "references": references}
    return new


def _indented(lines: list[str]) -> list[str]:
    return [f"  {line}" if line.strip() else line for line in lines]


def _figure_lines(lines: list[str], pieces: list[_Piece]) -> list[str]:
    """The new `figure:` mapping made of the old pieces, in the schema's order."""
    by_key = {("file" if p.key == "figure" else OLD_KEYS[p.key]): p for p in pieces}
    given = next((p for p in pieces if p.key == "figure"), None)
    head = lines[given.first : given.line] if given is not None else []
    end = "\r" if lines[pieces[0].line].endswith("\r") else ""
    out = [*head, f"figure:{end}"]
    for key in FIGURE_KEYS:
        piece = by_key.get(key)
        if piece is None:
            continue
        if piece is not given:
            out += _indented(lines[piece.first : piece.line])
        first = lines[piece.line]
        out += _indented([key + first[len(piece.key) :], *lines[piece.line + 1 : piece.last + 1]])
    return out


def _rewritten(text: str, loaded: Loaded, root: yaml.MappingNode, moved: set[str]) -> str | None:
    """The file's text with the figure pieces made one mapping; None when a key is not
    written plainly at its line's start (a quoted key, say)."""
    lines = text.split("\n")
    pieces = _pieces(root, lines)
    for key in _old_references(loaded.data):
        line, column = loaded.key_positions[("panel_quirks", "references", key)]
        row = lines[line - 1]
        if not row.startswith(f"{key}:", column - 1):
            return None
        lines[line - 1] = row[: column - 1] + OLD_REFERENCES[key] + row[column - 1 + len(key) :]
    figure = [p for p in pieces if p.key in moved]
    if any(not lines[p.line].startswith(f"{p.key}:") for p in figure):
        return None
    out = lines[: pieces[0].first]
    for piece in pieces:
        if piece.key not in moved:
            out += lines[piece.first : piece.last + 1]
        elif piece is figure[0]:
            out += _figure_lines(lines, figure)
    out += lines[pieces[-1].last + 1 :]
    return "\n".join(out)


def upgrade_entry(text: str, path: str) -> Upgrade:
    """Rewrite an entry file's figure in the new shape; nothing for a file already in it, or
    one that does not load (check names what is wrong with it)."""
    loaded = load_yaml(text, path)
    data = loaded.data
    if loaded.diagnostics or not isinstance(data, dict):
        return Upgrade()
    if not isinstance(loaded.root, yaml.MappingNode):
        return Upgrade()
    old = [key for key in data if key in OLD_KEYS]
    moved = {*old, *(["figure"] if isinstance(data.get("figure"), str) else [])}
    if not moved and not _old_references(data):
        return Upgrade()
    at = loaded.key_positions.get((old[0],) if old else ("figure",), (1, 1))
    kind = "extra_forbidden" if old else "model_type"
    if "figure" in data and "figure" not in moved and old:
        message = f"'figure' is a mapping already: move {', '.join(old)} under it as " + ", ".join(
            OLD_KEYS[key] for key in old
        )
        return Upgrade(None, [schema_problem(kind, path, *at, message)])
    new = _rewritten(text, loaded, loaded.root, moved)
    if new is not None:
        again = load_yaml(new, path)
        if not again.diagnostics and again.data == _converted(data):
            return Upgrade(new)
    message = f"the figure's old shape could not be rewritten safely here: {_BY_HAND}"
    return Upgrade(None, [schema_problem(kind, path, *at, message)])
