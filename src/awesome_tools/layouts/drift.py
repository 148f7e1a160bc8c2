"""Drift, for every layout: where README text differs from what `render` makes of the entries,
each difference named by the entry file whose part it falls in and, where it can be told, the
field.

A layout hands over only what is its own: where each entry's part of a text lies (`Part`: a
table's model block or overview row, a panel, a list's entry line), and which fields two
versions of a part show differently (`FieldsOf`). The rest is here, the same for each layout:
the text between the parts is the frame (the template's); parts are matched by identity and a
frame by its text, and the matches kept are the longest run in the same order in both texts (a
longest increasing subsequence), so the work stays near-linear however many parts differ. A
matched part outside that run was moved; a part of a text matched by none is paired, in order,
with one the other text has between the same matches (a renamed block is named by its entry),
else it is missing or has no entry file. Each message points at the first differing character
and shows what the README has there and what render writes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import PurePosixPath
from typing import Any

from awesome_tools.core.fixes import Fixes
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.driftfields import in_fields


@dataclass(frozen=True, slots=True)
class Part:
    """A run of a text's lines, `start` to `end` (0-based, end exclusive): one entry's part
    (`kind` as a message calls it, its identity `key` and the entry's `name` as the text shows
    it, what the layout read of it as `data`), or, with no kind, frame text between parts."""

    start: int
    end: int
    kind: str = ""
    key: str = ""
    name: str = ""
    data: Any = None


@dataclass(frozen=True)
class Side:
    """One text for drift: its lines (`split_lines`), its entries' parts in order, and the
    lines another rule reports (left out of the frame)."""

    lines: list[str]
    parts: list[Part]
    skip: frozenset[int] = frozenset()


# Which fields two versions of an entry's part show differently (README's, then render's),
# each with its lines.
FieldsOf = Callable[[Part, Sequence[str], Part, Sequence[str]], list[str]]


@dataclass(frozen=True)
class Names:
    """What the messages name: the README's path, the entry files by entry name (casefolded),
    the template the frame comes from, the commands to run."""

    path: str
    entry_files: dict[str, str]
    frame: str
    fixes: Fixes
    stems: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        stems = {PurePosixPath(path).stem: path for path in self.entry_files.values()}
        object.__setattr__(self, "stems", stems)

    def source(self, part: Part) -> str:
        """The entry file a part comes from: by the entry's name, else by its identity (a
        model's `id`, a panel's title), else by the file name its identity is."""
        files = self.entry_files
        found = files.get(part.name.casefold()) or files.get(part.key.casefold())
        return found or self.stems.get(part.key) or "its entry file"

    @property
    def fix(self) -> str:
        return f"then run `{self.fixes.render}`"


def split_lines(text: str) -> list[str]:
    """A README's lines as markdown-it counts them: at LF, CRLF or a lone CR."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


Key = tuple[str, str, int]  # kind ("" for a frame), identity, how many came before


def drift(
    text: str, expected: str, have: Side, want: Side, names: Names, fields: FieldsOf
) -> Iterator[Diagnostic]:
    """Report each entry's part and each frame text where README text differs from the
    expected text (both cut into `have` and `want`)."""
    if "\r" in text and "\r" not in expected:
        line = len(split_lines(text[: text.index("\r")]))
        message = (
            "line ending with a carriage return; render writes LF only: check out README.md "
            f"without line-ending conversion, {names.fix}"
        )
        yield Diagnostic(names.path, line, 1, "drift", message)
    mine, theirs = segments(have), segments(want)
    mine_keys, their_keys = _keys(mine, have), _keys(theirs, want)
    chain = _chain(mine_keys, their_keys)
    chained = {i for i, _ in chain}
    where = {key: j for j, key in enumerate(their_keys)}
    first = {key[:2]: i for i, key in reversed(list(enumerate(mine_keys)))}
    report = _Report(have, want, names, fields)
    aside: dict[int, int | None] = {}  # README parts reported on their own: moved, copies
    for i, key in enumerate(mine_keys):
        if i in chained or not key[0]:
            continue
        if key in where:
            aside[i] = where[key]
            yield report.moved(mine[i], theirs[where[key]])
            yield from report.compare(mine[i], theirs[where[key]])
        elif key[2] > 0:
            aside[i] = None
            yield report.copy(mine[i], mine[first[key[:2]]])
    taken = set(aside.values())
    last_i, last_j = -1, -1
    for i, j in [*chain, (len(mine), len(theirs))]:
        gap = [mine[x] for x in range(last_i + 1, i) if x not in aside]
        their_gap = [theirs[y] for y in range(last_j + 1, j) if y not in taken]
        after = report.next_line(report.end(mine[last_i]) if last_i >= 0 else 0)
        yield from report.gap(gap, their_gap, after)
        if i < len(mine):
            yield from report.compare(mine[i], theirs[j])
        last_i, last_j = i, j


def segments(side: Side) -> list[Part]:
    """The side's parts with the frame between them: a frame of blank lines (or of lines
    another rule reports) is left out, as blank lines come and go with the parts."""
    found: list[Part] = []
    position = 0
    for part in [*side.parts, Part(len(side.lines), len(side.lines))]:
        if part.start > position and any(
            side.lines[k].strip() for k in range(position, part.start) if k not in side.skip
        ):
            found.append(Part(position, part.start))
        if part.kind:
            found.append(part)
        position = max(position, part.end)
    return found


def frame_lines(side: Side, part: Part) -> list[int]:
    """The lines of a segment that count: without blank lines at its end (they come and go
    with the parts) and, in a frame, without the lines another rule reports."""
    kept = [k for k in range(part.start, part.end) if part.kind or k not in side.skip]
    while kept and not side.lines[kept[-1]].strip():
        kept.pop()
    return kept


def _keys(segments: list[Part], side: Side) -> list[Key]:
    """Each segment's identity (a frame's is its text), numbered so that repeats stay apart."""
    seen: dict[tuple[str, str], int] = {}
    keys: list[Key] = []
    for part in segments:
        if part.kind:
            identity = (part.kind, part.key)
        else:
            identity = ("", "\n".join(side.lines[k] for k in frame_lines(side, part)))
        count = seen.get(identity, 0)
        seen[identity] = count + 1
        keys.append((*identity, count))
    return keys


def _chain(have: list[Key], want: list[Key]) -> list[tuple[int, int]]:
    """The longest run of (have, want) index pairs with equal keys, in order in both lists."""
    where = {key: j for j, key in enumerate(want)}
    pairs = [(i, where[key]) for i, key in enumerate(have) if key in where]
    tails: list[int] = []  # for each run length, the pair ending the run with the least j
    tail_js: list[int] = []
    back = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        length = bisect_left(tail_js, j)
        back[index] = tails[length - 1] if length else -1
        if length == len(tails):
            tails.append(index)
            tail_js.append(j)
        else:
            tails[length], tail_js[length] = index, j
    chain: list[tuple[int, int]] = []
    index = tails[-1] if tails else -1
    while index >= 0:
        chain.append(pairs[index])
        index = back[index]
    return chain[::-1]


def _shown(line: str, column: int) -> str:
    """What a line has from the start of the word holding a differing character on (at most
    20 characters before it), briefly: both texts share the line up to that character, so
    both excerpts start alike."""
    start = column - 1
    while start > column - 21 and start > 0 and line[start - 1] not in " \t>\"":
        start -= 1
    rest = line[start:]
    if not rest:
        return "the line's end"
    cut = "..." if start > 0 and line[start - 1] not in " \t>\"" else ""
    return f"'{cut}{rest[:40]}...'" if len(rest) > 40 else f"'{cut}{rest}'"


def _common(a: str, b: str) -> int:
    """How many characters two lines share at their start."""
    return next(
        (n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


@dataclass(frozen=True)
class _Report:
    """Drift's messages, each of one shape: what differs (the entry's part and file, the
    fields), where, what the README has there and what render writes, what to do."""

    have: Side
    want: Side
    names: Names
    fields: FieldsOf

    def at(self, line: int, column: int, message: str) -> Diagnostic:
        return Diagnostic(self.names.path, line, column, "drift", message)

    def end(self, part: Part) -> int:
        """Where a README segment's lines that count end (another rule's lines and blank lines
        after them are not its)."""
        kept = frame_lines(self.have, part)
        return kept[-1] + 1 if kept else part.start

    def next_line(self, start: int) -> int:
        """The 1-based number of the first line from `start` (0-based) on that is not blank:
        where what is missing goes (the README's last line if none)."""
        lines = self.have.lines
        return 1 + next((k for k in range(start, len(lines)) if lines[k].strip()), len(lines) - 1)

    def want_first(self, part: Part) -> int:
        """The 0-based line of an expected segment's first line that is not blank."""
        lines = self.want.lines
        return next((k for k in range(part.start, part.end) if lines[k].strip()), part.start)

    def compare(self, mine: Part, theirs: Part) -> Iterator[Diagnostic]:
        """A matched pair, if their text differs."""
        if self._kept(self.have, mine) != self._kept(self.want, theirs):
            yield self.differs(mine, theirs)

    def _kept(self, side: Side, part: Part) -> list[str]:
        return [side.lines[k] for k in frame_lines(side, part)]

    def differs(self, mine: Part, theirs: Part) -> Diagnostic:
        """Two versions of a part, at the first character where they differ (where one has
        lines the other lacks, at the first of them that is not blank)."""
        kept, their_kept = frame_lines(self.have, mine), frame_lines(self.want, theirs)
        a, b = self.have.lines, self.want.lines
        pairs = zip(kept, their_kept, strict=False)
        k = next((n for n, (x, y) in enumerate(pairs) if a[x] != b[y]), None)
        column, found, rendered = 1, "nothing more", "nothing more"
        if k is not None:
            position = kept[k] + 1
            column += _common(a[kept[k]], b[their_kept[k]])
            found, rendered = _shown(a[kept[k]], column), _shown(b[their_kept[k]], column)
        elif len(kept) > len(their_kept):  # README's part goes on
            line = next(x for x in kept[len(their_kept) :] if a[x].strip())
            position, found = line + 1, _shown(a[line], 1)
        else:  # README's part ends where render writes more
            position = kept[-1] + 1 if kept else mine.start + 1
            column = len(a[position - 1]) + 1
            line = next(y for y in their_kept[len(kept) :] if b[y].strip())
            rendered = _shown(b[line], 1)
        shown = f"found {found} where render writes {rendered}"
        if not theirs.kind:
            return self.at(position, column, f"{self._frame()}: {shown}; edit that, {self.fix}")
        source = self.names.source(theirs)
        fields = self.fields(mine, a[mine.start : mine.end], theirs, b[theirs.start : theirs.end])
        subject = f"{theirs.kind} '{theirs.name}' differs from {source}{in_fields(fields)}"
        return self.at(
            position, column, f"{subject}: {shown}; edit {source}, not README.md, {self.fix}"
        )

    @property
    def fix(self) -> str:
        return self.names.fix

    def _frame(self) -> str:
        return f"text outside the entries differs from {self.names.frame}"

    def gap(self, mine: list[Part], theirs: list[Part], after: int) -> Iterator[Diagnostic]:
        """What lies between two matches: frames against frames and parts against parts of
        their kind, in order; what is left over is extra or missing."""
        kinds = dict.fromkeys(s.kind for s in [*mine, *theirs])
        for kind in sorted(kinds, key=bool):  # the frame first
            pairs = zip_longest(
                [s for s in mine if s.kind == kind], [s for s in theirs if s.kind == kind]
            )
            for old, new in pairs:
                if old is not None and new is not None:
                    yield from self.compare(old, new)
                elif old is not None:
                    yield self.extra(old)
                elif new is not None:
                    yield self.missing(new, after)

    def extra(self, mine: Part) -> Diagnostic:
        """A README part (or frame text) render does not write."""
        line = self.next_line(mine.start)
        if not mine.kind:
            found = _shown(self.have.lines[line - 1], 1)
            message = f"{self._frame()}: found {found} where render writes nothing"
            return self.at(line, 1, f"{message}; edit that, {self.fix}")
        fixes = self.names.fixes
        message = (
            f"{mine.kind} '{mine.name}' has no entry file: `{fixes.import_file(self.names.path)}` "
            f"turns it into one (or start from `{fixes.new_model(mine.name)}`), {self.fix}"
        )
        return self.at(line, 1, message)

    def missing(self, theirs: Part, after: int) -> Diagnostic:
        """A part (or frame text) render writes that README.md lacks, at the line after."""
        if not theirs.kind:
            found = _shown(self.want.lines[self.want_first(theirs)], 1)
            message = f"{self._frame()}: found nothing where render writes {found}"
            return self.at(after, 1, f"{message}; edit that, {self.fix}")
        source = self.names.source(theirs)
        message = (
            f"{theirs.kind} '{theirs.name}' is missing: render writes it here from {source}; "
            f"edit {source}, not README.md, {self.fix}"
        )
        return self.at(after, 1, message)

    def moved(self, mine: Part, theirs: Part) -> Diagnostic:
        """A part that is in both texts, but not where render puts it."""
        message = (
            f"{theirs.kind} '{theirs.name}' of {self.names.source(theirs)} is out of order: "
            f"render writes it at line {theirs.start + 1}; the order comes from entries/ and "
            f"categories.yaml, not README.md, {self.fix}"
        )
        return self.at(mine.start + 1, 1, message)

    def copy(self, mine: Part, original: Part) -> Diagnostic:
        """A second part of the same identity, which render never writes."""
        message = (
            f"{mine.kind} '{mine.name}' repeats the one at line {original.start + 1}: render "
            f"writes each entry once; remove the copy from README.md, {self.fix}"
        )
        return self.at(mine.start + 1, 1, message)
