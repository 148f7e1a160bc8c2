"""Generated files: read as they are (only where the whole path stays in the list), compared as
bytes and written atomically, only when they change; where the render hook copies one edited
by hand and what it says; a stale one as a diagnostic."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from awesome_tools.core.fixes import Fixes
from awesome_tools.core.lines import common_ends
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.drift import drift_at


@dataclass
class Current:
    """Generated files as they are, by name from the list's root: their bytes (None: missing),
    their text ("" where missing), and by name the problem of each that leads out of the list
    or to nothing (never read) or is not UTF-8."""

    data: dict[str, bytes | None] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    problems: dict[str, Diagnostic] = field(default_factory=dict)

    def text(self, name: str) -> str | None:
        """The file's text, None where it is missing."""
        return None if self.data[name] is None else self.texts[name]


def current(root: Path, names: Iterable[str], cwd: Path) -> Current:
    """Read the generated files of those names as they are."""
    from awesome_tools.engine.project import display_path
    from awesome_tools.io.pathcheck import read_text_inside

    found = Current()
    for name in names:
        data, text, problem = read_text_inside(
            root / name, root, display_path(root / name, cwd), cwd
        )
        found.data[name] = data
        found.texts[name] = text or ""
        if problem is not None:
            found.problems[name] = problem
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


def edited_copy(name: str) -> str:
    """Where the render hook copies a generated file edited by hand: `README.edited.md`."""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.edited{path.suffix}"))


def hand_edit_notes(
    edited: Sequence[tuple[str, str]], readme: str | None, fixes: Fixes
) -> list[str]:
    """What the render hook says of generated files (shown, copy) it left as edited by hand.

    `readme` is the copy of README.md when it is one of them: its hand-added models import.
    """
    notes = [
        f"{shown} differs from what entries/ give and from the last commit: it holds an edit, "
        f"so it was left as you wrote it (a copy is in {copy})"
        for shown, copy in edited
    ]
    added = (
        f"; a model added by hand: `{fixes.import_file(readme)}` writes its entry file"
        if readme is not None
        else ""
    )
    notes.append(
        f"to keep the edit: make it in entries/ (`awesome-tools lint` names the entry file of "
        f"each block{added}), then run `{fixes.render}`, stage and commit"
    )
    notes.append(f"to drop it: run `{fixes.render}`, stage and commit")
    return notes


def stale_generated(
    shown: str, current: str | None, wanted: str, fixes: Fixes
) -> Diagnostic | None:
    """A generated file that is not what render makes of the entries, at its first difference."""
    if current == wanted:
        return None
    if current is None:
        return drift_at(shown, 1, 1, f"{shown} is missing: run `{fixes.render}`")
    # Split on "\n" only: a carriage return is a difference, at the line that holds it.
    line = 1 + common_ends(current.split("\n"), wanted.split("\n"))[0]
    message = (
        f"{shown} differs from what render makes of entries/: it is generated; edit entries/, "
        f"not {shown}, then run `{fixes.render}`"
    )
    return drift_at(shown, line, 1, message)
