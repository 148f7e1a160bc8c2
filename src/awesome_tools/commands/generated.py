"""Generated files, checked or written: the one loop `render`, `schema` and `docs` share.

A generated file is compared as bytes with what the command makes (`stale`), read only where its
whole path stays in the list (`current`), and written atomically, only when it changes
(`write_changed`). `check_or_write` is the whole of `schema` and `docs`: with `--check` it
writes nothing and names each stale file with the command that regenerates it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from awesome_tools.commands.common import EXIT_OK, EXIT_PROBLEMS, say
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.engine.project import display_path


@dataclass
class Current:
    """Generated files as they are, by name from the list's root: their bytes (None: missing),
    their text, and the problems of those that lead out of the list or to nothing (never
    read) or are not UTF-8."""

    data: dict[str, bytes | None] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)


def current(root: Path, names: Iterable[str], cwd: Path) -> Current:
    """Read the generated files of those names as they are."""
    from awesome_tools.io.pathcheck import read_text_inside

    found = Current()
    for name in names:
        data, text, problem = read_text_inside(
            root / name, root, display_path(root / name, cwd), cwd
        )
        found.data[name] = data
        found.texts[name] = text or ""
        found.problems += [problem] if problem is not None else []
    return found


def stale(have: Current, wanted: dict[str, str]) -> list[str]:
    """The names whose file is not the wanted text, byte for byte (a missing one included)."""
    return [name for name, text in wanted.items() if have.data.get(name) != text.encode("utf-8")]


def write_changed(root: Path, wanted: dict[str, str]) -> list[str]:
    """Write every file whose text changed (atomically, through links inside the list only):
    the names written."""
    from awesome_tools.io.files import refuse_outside, write_atomic

    refuse_outside([root / name for name in wanted], root)
    changed = []
    for name, text in wanted.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if write_atomic(path, text, within=root):
            changed.append(name)
    return changed


def check_or_write(
    root: Path, cwd: Path, wanted: dict[str, str], *, check: bool, fix: str
) -> int | list[Diagnostic]:
    """Write the files that changed, saying `wrote` or `unchanged` of each; with `check`,
    write nothing and say which are stale (exit 1 when one is). With `check`, a file that
    cannot be read safely is a problem, returned for the command to report."""
    if check:
        have = current(root, wanted, cwd)
        if have.problems:
            return have.problems
        old = stale(have, wanted)
        say([f"{display_path(root / name, cwd)} is stale: run `{fix}`" for name in old])
        return EXIT_PROBLEMS if old else EXIT_OK
    changed = write_changed(root, wanted)
    for name in wanted:
        state = "wrote" if name in changed else "unchanged"
        say([f"{state} {display_path(root / name, cwd)}"])
    return EXIT_OK
