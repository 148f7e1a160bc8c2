"""Generated files: where the render hook copies one edited by hand, what it says, and a stale
one as a diagnostic."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from awesome_tools.core.fixes import Fixes
from awesome_tools.core.lines import common_ends
from awesome_tools.diagnostics import Diagnostic


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
        return Diagnostic(shown, 1, 1, "drift", f"{shown} is missing: run `{fixes.render}`")
    # Split on "\n" only: a carriage return is a difference, at the line that holds it.
    line = 1 + common_ends(current.split("\n"), wanted.split("\n"))[0]
    message = (
        f"{shown} differs from what render makes of entries/: it is generated; edit entries/, "
        f"not {shown}, then run `{fixes.render}`"
    )
    return Diagnostic(shown, line, 1, "drift", message)
