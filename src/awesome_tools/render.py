"""Entries to README text through the list's templates, and what the render hook says."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.fixes import Fixes
from awesome_tools.ordering import newest_first, sections
from awesome_tools.schema import Entry
from awesome_tools.templates import README, Templates


def render_readme(
    entries: Sequence[Entry],
    categories: Sequence[str],
    *,
    templates: Templates,
    title: str | None = None,
    jobs: int = 1,
) -> str:
    """Render README text; the same entries always give the same bytes.

    `title` is the list's (its settings'); a template may show it, the packaged one has its own.
    A frame that places `parts` gets each entry's block and overview row rendered on its own, in
    `jobs` processes for a large list (`tableframe.py`); one of the old single-file shape is
    rendered whole.
    """
    from awesome_tools.tableframe import PARTS, table_parts, uses_parts

    grouped, overview = sections(entries, categories), newest_first(entries)
    with templates.rendering(len(entries), README):  # one budget for the parts and the frame
        parts = (
            {PARTS: table_parts(grouped, overview, templates, jobs=jobs)}
            if uses_parts(templates, README)
            else {}
        )
        text = templates.render(
            README,
            len(entries),
            sections=grouped,
            overview=overview,
            count=len(entries),
            title=title,
            **parts,
        )
    if not text.endswith("\n") or text.endswith("\n\n"):
        text = text.rstrip("\n") + "\n"
    if " \n" in text or "\t\n" in text:
        # A template that leaves trailing whitespace still gives a clean README.
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


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
    from awesome_tools.drift import common_ends

    # Split on "\n" only: a carriage return is a difference, at the line that holds it.
    line = 1 + common_ends(current.split("\n"), wanted.split("\n"))[0]
    message = (
        f"{shown} differs from what render makes of entries/: it is generated; edit entries/, "
        f"not {shown}, then run `{fixes.render}`"
    )
    return Diagnostic(shown, line, 1, "drift", message)
