"""What a rule is: its id, summary, level, fix and a failing and a passing example, and the
diagnostic it emits.

Each area of the code defines its rules beside the code that emits them (a `rules` module in its
package: io/rules.py, core/rules/, layouts/rules.py, layouts/<name>/rules.py) and emits through
the rule object (`RULE.at(path, line, column, message)`), so a rule id is spelled once;
engine/rulebook.py collects them, and docs/rules.md, `awesome-tools rules` and the contributing
guide are generated from that registry. Here too: the kit the examples are written with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

from awesome_tools.diagnostics import Diagnostic, Severity

Scope = Literal["entry", "readme"]
# What an example is (`project` makes it a small list on disk and names the command that meets
# it): an entry file, categories.yaml, a README linted alone or imported; "drift" a line of the
# README render writes for the base entry, edited by hand; "template" the list's README template
# rendering the base entry; "link" an entry file that is a symbolic link to the target the text
# names, relative to entries/ (the target holds the base entry); "dangling" the same link with no
# target made, `others` the list's files; "list" a file of a list whose entries/llava.yaml holds
# the base entry (an entry file is a snippet over it), `others` the list's other files, and the
# whole list read as `check` reads it; "panel" and "list-readme" a README linted alone with the
# panel or the list layout.
Kind = Literal[
    "entry",
    "categories",
    "readme",
    "import",
    "drift",
    "template",
    "link",
    "dangling",
    "list",
    "panel",
    "list-readme",
]

# Every entry example is a snippet over this valid entry: the snippet's lines come first, then
# the base's top-level keys the snippet does not set, so a line of the snippet is that line of
# the file.
BASE_ENTRY = """\
name: LLaVA
title: 'LLaVA: Large Language and Vision Assistant'
url: https://arxiv.org/abs/2304.08485
architecture:
  overview: Combines a vision encoder with a language model.
  components: CLIP ViT-L/14, Vicuna, a linear projection.
training:
  methods: Two-stage instruction tuning.
alignment:
  techniques: Instruction tuning on GPT-4 generated data.
  fusion_methods: A trainable projection matrix.
datasets:
  used: CC3M, LLaVA-Instruct-158K
  purpose: Pre-training and instruction tuning.
"""
_TOP_KEY = re.compile(r"([A-Za-z_]+):")


@dataclass(frozen=True)
class Example:
    """A runnable example, and for a failing one where it fires (1-based line and column)."""

    text: str
    line: int = 0
    column: int = 0
    kind: Kind = "entry"
    path: str = "entries/llava.yaml"
    whole: bool = False
    encoding: str = "utf-8"
    others: tuple[tuple[str, str], ...] = ()
    shown: str | None = None

    @property
    def display(self) -> str:
        """The text the docs show."""
        return self.text if self.shown is None else self.shown


def over_base(snippet: str) -> str:
    """Build an entry file: the snippet, then the base entry's keys the snippet does not set."""
    own = {m.group(1) for line in snippet.splitlines() if (m := _TOP_KEY.match(line))}
    kept: list[str] = []
    keep = True
    for line in BASE_ENTRY.splitlines(keepends=True):
        if not line.startswith(" "):
            match = _TOP_KEY.match(line)
            keep = match is None or match.group(1) not in own
        if keep:
            kept.append(line)
    return snippet.rstrip("\n") + "\n" + "".join(kept)


def example_bytes(example: Example) -> bytes:
    """The bytes of the file an example stands for."""
    snippet = example.kind == "entry" or (
        example.kind == "list" and example.path.startswith("entries/")
    )
    text = example.text if example.whole or not snippet else over_base(example.text)
    return text.encode(example.encoding)


def where(example: Example) -> str:
    """Say what an example is and, for a failing one, where it fires."""
    fires = f", fires at line {example.line}, column {example.column}" if example.line else ""
    if example.kind == "drift":
        original = example.others[0][1]
        if example.text == original:
            return " (README.md as render writes it for the base entry)"
        return (
            f" (README.md as render writes it for the base entry, with `{original}` edited{fires})"
        )
    if example.kind == "template":
        return f" (the whole of `{example.path}`, rendering the base entry{fires})"
    if example.kind == "link":
        return f" (`{example.path}` is a link to this file, which holds the base entry{fires})"
    if example.kind == "dangling":
        beside = "".join(f"; `{path}` holds the base entry" for path, _ in example.others)
        beside = beside or "; no file is there"
        return f" (`{example.path}` is a link to this path{beside}{fires})"
    if example.kind == "list":
        what = f"`{example.path}`"
        if example.whole:
            what = f"the whole of `{example.path}`"
        elif example.path.startswith("entries/"):
            what += ": this, then the base entry's other keys"
        else:
            what += " in a list holding the base entry"
        beside = "".join(f"; beside `{path}`" for path, _ in example.others)
        return f" ({what}{beside}{fires})"
    if example.kind == "entry" and not example.whole:
        what = f"`{example.path}`: this, then the base entry's other keys"
    else:
        what = f"the whole of `{example.path}`"
    beside = "".join(f"; beside `{path}`, the base entry" for path, _ in example.others)
    what += ", imported" if example.kind == "import" else ""
    return f" ({what}{beside}{fires})"


@dataclass(frozen=True)
class Rule:
    """One kind of problem a contributor may meet.

    `level` is the level its diagnostics have unless the emitter says otherwise (an importer's
    note that stops the import is an error, the others warnings). `error_types` are the
    pydantic error types the schema raises for it, so the schema's errors map to rules here.
    """

    id: str
    scope: Scope
    summary: str
    fix: str
    bad: Example
    good: Example
    level: Severity = "error"
    error_types: tuple[str, ...] = ()

    def at(
        self, path: str, line: int, column: int, message: str, level: Severity | None = None
    ) -> Diagnostic:
        """This rule's diagnostic at a 1-based line and column of a file."""
        return Diagnostic(path, line, column, self.id, message, level or self.level)


TABLE_HEAD = (
    "<tr><th>Title</th><th>Architecture.Overview</th><th>Architecture.Components</th>"
    "<th>Training.Methods</th><th>Alignment.Techniques</th><th>Alignment.Fusion Methods</th>"
    "<th>Datasets.Used</th><th>Datasets.Purpose</th></tr>"
)
TABLE_CELLS = "<td>o</td><td>c</td><td>m</td><td>t</td><td>f</td><td>u</td><td>p</td>"
TABLE_TITLE = '<a href="https://arxiv.org/abs/2304.08485">Visual Instruction Tuning</a>'


def table_block(
    name: str = "LLaVA",
    title: str = TABLE_TITLE,
    *,
    head: str = TABLE_HEAD,
    cells: str = TABLE_CELLS,
    summary: str | None = None,
    close: str = "</details>\n",
) -> str:
    """A model block on six lines: details, summary, table and head, row, closing tags."""
    summary = f"<summary>{name}</summary>\n" if summary is None else summary
    row = f"<tr><td>{title}</td>{cells}</tr>\n"
    return f"<details>\n{summary}<table>{head}\n{row}</table>\n{close}"


def readme_example(text: str, line: int = 0, column: int = 0) -> Example:
    """A README linted alone with the table layout."""
    return Example(text, line, column, "readme", "README.md")


@dataclass(frozen=True)
class Project:
    """A small list on disk that an example stands for, and the command that meets it.

    Every example runs the same way (tests/test_examples.py): write `files`, make `links`, run
    `render` first when `edited` is set and replace `edited[0]` by `edited[1]` in README.md, then
    run `command` and keep the diagnostics of the example's file.
    """

    files: tuple[tuple[str, bytes], ...]
    command: tuple[str, ...] = ("check",)
    links: tuple[tuple[str, str], ...] = ()
    edited: tuple[str, str] | None = None


_BASE_FILE = (("entries/llava.yaml", BASE_ENTRY.encode()),)
# An entry example may name the category its list declares.
_CATEGORIES = (("categories.yaml", b"- Encoders\n"),)
_LONE = {"readme": "table", "panel": "panel", "list-readme": "list", "import": "table"}


def project(example: Example) -> Project:
    """The list an example runs in, and the command run there."""
    own = ((example.path, example_bytes(example)),)
    others = tuple((path, text.encode()) for path, text in example.others)
    if example.kind in _LONE:
        settings = (("awesome.yaml", f"layout: {_LONE[example.kind]}\n".encode()),)
        command = ("import", example.path) if example.kind == "import" else ("lint",)
        return Project(own + settings, command)
    if example.kind == "drift":
        return Project(_BASE_FILE, ("lint",), edited=(example.others[0][1], example.text))
    if example.kind == "template":
        return Project((*_BASE_FILE, (example.path, example.text.encode())), ("render",))
    if example.kind == "link":
        target = str(PurePosixPath("entries", example.text))
        return Project(((target, BASE_ENTRY.encode()),), links=((example.path, example.text),))
    if example.kind == "dangling":
        return Project(others, links=((example.path, example.text),))
    if example.kind in ("list", "categories"):
        return Project(_BASE_FILE + own + others)
    return Project(_CATEGORIES + own + others)
