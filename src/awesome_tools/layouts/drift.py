"""Drift, for every layout: where README text differs from what `render` makes of the entries,
each difference named by the entry file whose part it falls in and, where it can be told, the
field (the words: `driftwords.py`).

A layout hands over only what is its own: where each entry's part of a text lies (`Part`: a
model block or overview row, a panel, an entry line) and which fields two versions of a part
show differently (`FieldsOf`). The text between the parts is the frame. Parts are matched by
identity, frames by their text, and the matches kept are the longest run in the same order in
both texts (a longest increasing subsequence): near-linear however many parts differ. A match
outside that run was moved; what no match pairs is paired in order with what the other text
has between the same matches (a renamed block is named by its entry), else it is missing or
has no entry file. Each message points at the first differing character.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any, NamedTuple

from awesome_tools.diagnostics import Diagnostic, Severity
from awesome_tools.layouts.driftwords import Names, common, shown
from awesome_tools.layouts.rules import DRIFT


class Part(NamedTuple):
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


def split_lines(text: str) -> list[str]:
    """A README's lines as markdown-it counts them: at LF, CRLF or a lone CR."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


Key = tuple[str, str, int]  # kind ("" for a frame), identity, how many came before


def drift_at(
    path: str, line: int, column: int, message: str, level: Severity | None = None
) -> Diagnostic:
    """A `drift` diagnostic: README.md or another generated file is not what render makes (the
    one way every layout, the engine and the generated-file check say so)."""
    return DRIFT.at(path, line, column, message, level)


def drift(
    text: str, expected: str, have: Side, want: Side, names: Names, fields: FieldsOf
) -> Iterator[Diagnostic]:
    """Report each entry's part and each frame text where README text differs from the
    expected text (both cut into `have` and `want`)."""
    if "\r" in text and "\r" not in expected:
        line = len(split_lines(text[: text.index("\r")]))
        yield drift_at(names.path, line, 1, names.carriage_return())
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
        if i > last_i + 1 or j > last_j + 1:  # something between two matches
            gap = [mine[x] for x in range(last_i + 1, i) if x not in aside]
            their_gap = [theirs[y] for y in range(last_j + 1, j) if y not in taken]
            after = report.next_line(report.end(mine[last_i]) if last_i >= 0 else 0)
            yield from report.gap(gap, their_gap, after)
        if i < len(mine):
            a, b = mine[i], theirs[j]
            if have.lines[a.start : a.end] != want.lines[b.start : b.end] or have.skip:
                yield from report.compare(a, b)
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


def counted(side: Side, part: Part) -> Sequence[int]:
    """The lines of a segment that count: without blank lines at its end (they come and go
    with the parts) and, in a frame, without the lines another rule reports."""
    lines, end = side.lines, part.end
    if part.kind or not side.skip:
        while end > part.start and not lines[end - 1].strip():
            end -= 1
        return range(part.start, end)
    kept = [k for k in range(part.start, end) if k not in side.skip]
    while kept and not lines[kept[-1]].strip():
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
            identity = ("", "\n".join(side.lines[k] for k in counted(side, part)))
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


def _texts(lines: list[str], kept: Sequence[int]) -> list[str]:
    """The lines `counted` keeps: a slice where they run on (the most common case)."""
    if isinstance(kept, range):
        return lines[kept.start : kept.stop]
    return [lines[k] for k in kept]


@dataclass(frozen=True)
class _Report:
    """Where each message of drift points, and what it shows of both texts there (its words:
    `Names`)."""

    have: Side
    want: Side
    names: Names
    fields: FieldsOf

    def at(self, line: int, column: int, message: str) -> Diagnostic:
        return drift_at(self.names.path, line, column, message)

    def end(self, part: Part) -> int:
        """Where a README segment's lines that count end (another rule's lines and blank lines
        after them are not its)."""
        kept = counted(self.have, part)
        return kept[-1] + 1 if kept else part.start

    def next_line(self, start: int) -> int:
        """The 1-based number of the first line from `start` (0-based) on that is not blank:
        where what is missing goes (the README's last line if none)."""
        lines = self.have.lines
        return 1 + next((k for k in range(start, len(lines)) if lines[k].strip()), len(lines) - 1)

    def compare(self, mine: Part, theirs: Part) -> Iterator[Diagnostic]:
        """A pair of parts (or frames), at the first character where they differ, if they do
        (where one has lines the other lacks, at the first of them that is not blank)."""
        a, b = self.have.lines, self.want.lines
        if a[mine.start : mine.end] == b[theirs.start : theirs.end] and not self.have.skip:
            return  # the same lines: the most common case, at the cost of one comparison
        kept, their_kept = counted(self.have, mine), counted(self.want, theirs)
        if _texts(a, kept) != _texts(b, their_kept):
            yield self.differs(mine, kept, theirs, their_kept)

    def differs(
        self, mine: Part, kept: Sequence[int], theirs: Part, their_kept: Sequence[int]
    ) -> Diagnostic:
        """Two versions of a part, by the lines of each that count, which differ."""
        a, b = self.have.lines, self.want.lines
        pairs = zip(kept, their_kept, strict=False)
        k = next((n for n, (x, y) in enumerate(pairs) if a[x] != b[y]), None)
        column, found, rendered = 1, "nothing more", "nothing more"
        if k is not None:
            position = kept[k] + 1
            column += common(a[kept[k]], b[their_kept[k]])
            found, rendered = shown(a[kept[k]], column), shown(b[their_kept[k]], column)
        elif len(kept) > len(their_kept):  # README's part goes on
            line = next(x for x in kept[len(their_kept) :] if a[x].strip())
            position, found = line + 1, shown(a[line], 1)
        else:  # README's part ends where render writes more
            position = kept[-1] + 1 if kept else mine.start + 1
            column = len(a[position - 1]) + 1
            rendered = shown(b[next(y for y in their_kept[len(kept) :] if b[y].strip())], 1)
        fields = self.fields(mine, a[mine.start : mine.end], theirs, b[theirs.start : theirs.end])
        words = f"found {found} where render writes {rendered}"
        message = self.names.differs(theirs.kind, theirs.name, theirs.key, fields, words)
        return self.at(position, column, message)

    def gap(self, mine: list[Part], theirs: list[Part], after: int) -> Iterator[Diagnostic]:
        """What lies between two matches: frames against frames and parts against parts of
        their kind, in order; what is left over is extra or missing (at line `after`)."""
        kinds = dict.fromkeys(s.kind for s in [*mine, *theirs])
        for kind in sorted(kinds, key=bool):  # the frame first
            pairs = zip_longest(
                [s for s in mine if s.kind == kind], [s for s in theirs if s.kind == kind]
            )
            for old, new in pairs:
                if old is not None and new is not None:
                    yield from self.compare(old, new)
                elif old is not None:
                    line = self.next_line(old.start)
                    found = shown(self.have.lines[line - 1], 1)
                    yield self.at(line, 1, self.names.extra(old.kind, old.name, found))
                elif new is not None:
                    lines = self.want.lines
                    first = next(
                        (k for k in range(new.start, new.end) if lines[k].strip()), new.start
                    )
                    words = self.names.missing(new.kind, new.name, new.key, shown(lines[first], 1))
                    yield self.at(after, 1, words)

    def moved(self, mine: Part, theirs: Part) -> Diagnostic:
        """A part that is in both texts, but not where render puts it."""
        words = self.names.moved(theirs.kind, theirs.name, theirs.key, theirs.start + 1)
        return self.at(mine.start + 1, 1, words)

    def copy(self, mine: Part, original: Part) -> Diagnostic:
        """A second part of the same identity, which render never writes."""
        return self.at(mine.start + 1, 1, self.names.copy(mine.kind, mine.name, original.start + 1))
