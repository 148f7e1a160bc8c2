"""Plain-words hints for YAML syntax errors: the misindented line, the value that needs quotes.

The parser stops where the text stops making sense, often a line after the mistake; these
hints read the lines up to there the way a contributor wrote them and name the line to fix.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from itertools import pairwise

Hint = tuple[int, int, str]

_KEY = re.compile(r"( *)([A-Za-z_][A-Za-z0-9_-]*)[ ]*:(?:[ \t]+(.*))?$")
# A value starting with one of these is quoted, a block scalar or a flow collection: the lines
# under it may hold anything, so they are never blamed.
_NOT_PLAIN = ("'", '"', "|", ">", "[", "{")
_CLOSED = re.compile(r"""(?:'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|\[[^\]]*\]|\{[^}]*\})\s*(?:#.*)?""")


@dataclass(frozen=True)
class _Key:
    """A `key: value` line."""

    number: int
    indent: int
    key: str
    value: str

    @property
    def empty(self) -> bool:
        return not self.value or self.value.startswith("#")

    @property
    def plain(self) -> bool:
        return self.empty or not self.value.startswith(_NOT_PLAIN)

    @property
    def continues(self) -> bool:
        """Say whether the lines under this one may belong to its value, whatever they hold."""
        if self.plain:
            return False
        return not _CLOSED.fullmatch(self.value)


@dataclass(frozen=True)
class _Other:
    """A line of text that is not a key (a value continued from the line above, say)."""

    number: int
    indent: int
    text: str

    def missing_colon(self, keys: Collection[str]) -> Hint | None:
        """Name the missing ':' when the line starts with a key the document may hold."""
        word, _, rest = self.text.strip().partition(" ")
        if word not in keys:
            return None
        typed = f"{word}: {rest.strip()}".rstrip()
        message = f"missing ':' after the key '{word}' on line {self.number}; write: {typed}"
        return self.number, self.indent + len(word) + 1, message


def _lines(text: str) -> list[_Key | _Other]:
    """The key and text lines, without blank lines, comments and list items."""
    found: list[_Key | _Other] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "-", "...")):
            continue
        indent = len(line) - len(line.lstrip(" "))
        match = _KEY.fullmatch(line.rstrip())
        if match:
            found.append(_Key(number, indent, match.group(2), match.group(3) or ""))
        else:
            found.append(_Other(number, indent, line))
    return found


def _unit(lines: list[_Key | _Other]) -> int:
    """How far the file indents a section's keys below it (2 unless it mostly does otherwise)."""
    steps: Counter[int] = Counter()
    for above, below in pairwise(lines):
        if isinstance(above, _Key) and above.empty and below.indent > above.indent:
            steps[below.indent - above.indent] += 1
    return min(steps, key=lambda s: (-steps[s], s)) if steps else 2


def _spaces(count: int) -> str:
    if count == 0:
        return "not indented"
    return f"indented by {count} space{'' if count == 1 else 's'}"


def _misaligned(line: _Key, target: int, parent: _Key | None, like: _Key) -> Hint:
    if parent is None:
        around = "the top-level keys are not indented"
    else:
        around = f"the keys under '{parent.key}:' (line {parent.number}) by {target}"
    message = (
        f"indentation: line {line.number} is {_spaces(line.indent)}, but {around}; "
        f"align '{line.key}:' with '{like.key}:' on line {like.number}"
    )
    return line.number, line.indent + 1, message


@dataclass
class _Level:
    """An open mapping: its parent key, the first key that set its indentation, its last key."""

    parent: _Key | None
    first: _Key
    last: _Key


def _containing(levels: list[_Level], indent: int) -> _Level:
    """The innermost open mapping a line at this indentation falls inside of."""
    for level in reversed(levels):
        if level.parent is None or level.parent.indent < indent:
            return level
    return levels[0]


def _shallower(levels: list[_Level], line: _Key, unit: int) -> Hint:
    """Name the misindented line when `line` lines up with no open mapping."""
    inside = _containing(levels, line.indent)
    parent = inside.parent
    if line.indent == (parent.indent + unit if parent else 0) != inside.first.indent:
        # The mapping's first key set an odd indentation; this one has the usual one.
        return _misaligned(inside.first, line.indent, parent, line)
    nearest = min(levels, key=lambda lv: (abs(lv.first.indent - line.indent), -lv.first.indent))
    return _misaligned(line, nearest.first.indent, nearest.parent, nearest.last)


def _deeper(
    levels: list[_Level], line: _Key, previous: _Key, before: _Key | None, unit: int
) -> Hint:
    """Name the misindented line when a key sits deeper than a key that already has a value."""
    top = levels[-1]
    parent = top.parent
    if parent is not None and top.first is previous and line.indent == parent.indent + unit:
        # The mapping's first key set an odd indentation; this one has the usual one.
        return _misaligned(previous, line.indent, parent, line)
    if (
        before is not None
        and before.empty
        and before.indent == previous.indent
        and line.indent == before.indent + unit
    ):
        # `section:` left empty, its first key at the section's level, the next key under it.
        return _misaligned(previous, line.indent, before, line)
    return _misaligned(line, top.first.indent, parent, top.last)


def misindented(text: str, last_line: int, *, keys: Collection[str] = ()) -> Hint | None:
    """Find the first line up to `last_line` whose indentation breaks the mapping it is in.

    A line of text that starts with one of `keys` but breaks the mapping lacks its ':'.
    """
    lines = _lines(text)
    unit = _unit(lines)
    levels: list[_Level] = []
    previous: _Key | None = None
    before: _Key | None = None
    for line in lines:
        if line.number > last_line:
            break
        if isinstance(line, _Other) and (previous is None or not previous.continues):
            # Text where a key may stand, or under a `key:` that opens a mapping.
            shallow = previous is None or line.indent <= previous.indent or previous.empty
            missing = line.missing_colon(keys) if shallow else None
            if missing is not None:
                return missing
        if previous is None:
            if isinstance(line, _Key):
                levels.append(_Level(None, line, line))
                previous = line
            continue
        if isinstance(line, _Other):
            if line.indent <= previous.indent and previous.plain:
                message = (
                    f"indentation: line {line.number} is {_spaces(line.indent)}, but it continues "
                    f"the value of '{previous.key}:' on line {previous.number}; indent it by "
                    f"{previous.indent + unit} spaces or join it to line {previous.number}"
                )
                return line.number, line.indent + 1, message
            continue
        if line.indent > previous.indent:
            if not previous.empty:
                if previous.continues or (previous.plain and keys and line.key not in keys):
                    # A wrapped line of the value above that holds ': ' after a word.
                    continue
                return _deeper(levels, line, previous, before, unit)
            levels.append(_Level(previous, line, line))
        else:
            index = next(
                (i for i, level in enumerate(levels) if level.first.indent == line.indent), None
            )
            if index is None:
                return _shallower(levels, line, unit)
            del levels[index + 1 :]
            levels[-1].last = line
        before, previous = previous, line
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _plain(match: re.Match[str] | None) -> bool:
    return match is not None and bool(match.group(3)) and not match.group(3).startswith(_NOT_PLAIN)


def _owner(lines: list[str], number: int, column: int) -> tuple[int, re.Match[str]] | None:
    """The `key: value` line whose plain value runs on to the `:` at (`number`, `column`)."""
    line = lines[number - 1]
    match = _KEY.fullmatch(line.rstrip())
    if match is not None and match.group(3) and column - 1 > match.start(3):
        return (number, match) if _plain(match) else None
    # A wrapped line of the value above: its key is the nearest key line indented less.
    indent = _indent(line)
    for above in range(number - 1, 0, -1):
        text = lines[above - 1]
        if not text.strip() or text.lstrip().startswith(("#", "-")):
            return None
        match = _KEY.fullmatch(text.rstrip())
        if match is not None:
            return (above, match) if _plain(match) and len(match.group(1)) < indent else None
    return None


def quote_value(text: str, line_number: int, column: int) -> Hint | None:
    """Show the quoted value when the parser stops at a `: ` inside a plain value.

    The `: ` may stand on the key's line or on a line that wraps its value; a value over several
    lines is joined into the one line to type in their place.
    """
    lines = text.splitlines()
    if not 0 < line_number <= len(lines) or lines[line_number - 1][column - 1 : column] != ":":
        return None
    owner = _owner(lines, line_number, column)
    if owner is None:
        return None
    first, match = owner
    indent = len(match.group(1))
    parts = [match.group(3)]
    for following in lines[first:]:
        if not following.strip() or _indent(following) <= indent:
            break
        parts.append(following.strip())
    value = re.sub(r"\s+#.*", "", " ".join(parts)).strip()
    quoted = "'" + value.replace("'", "''") + "'"
    typed = f"{match.group(2)}: {quoted}"
    if len(parts) == 1:
        message = f"quote the value (it holds ': '): {typed}"
    else:
        where = "" if first == line_number else f" on line {line_number}"
        message = (
            f"quote the value (it holds ': '{where}); replace lines {first}-"
            f"{first + len(parts) - 1} with: {typed}"
        )
    return first, match.start(3) + 1, message
