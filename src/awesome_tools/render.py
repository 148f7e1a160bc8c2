"""Entries to README text through the list's templates, and what the render hook says."""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

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
) -> str:
    """Render README text; the same entries always give the same bytes.

    `title` is the list's (its settings'); a template may show it, the packaged one has its own.
    """
    try:
        text = templates.env.get_template(README).render(
            sections=sections(entries, categories),
            overview=newest_first(entries),
            count=len(entries),
            title=title,
        )
    except jinja2.TemplateError as exc:
        raise templates.problem(exc) from None
    if not text.endswith("\n") or text.endswith("\n\n"):
        text = text.rstrip("\n") + "\n"
    if " \n" in text or "\t\n" in text:
        # A template that leaves trailing whitespace still gives a clean README.
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


def hand_edit_notes(previous: str, entries: Sequence[Entry], shown: str, fixes: Fixes) -> list[str]:
    """Where a hand edit that the render hook just overwrote still is, and how to keep it.

    In a commit, the edited README.md is still in git's index; a model block that no entry file
    gives (a model added by hand) can be imported from there into an entry file.
    """
    from awesome_tools.blocks import read_document

    names = {entry.name.casefold() for entry in entries}
    notes = [
        f"if you edited {shown} by hand, the edit is still staged (`git diff --cached {shown}` "
        "shows it): make it in entries/ instead, then commit"
    ]
    staged = "staged-README.md"
    for block in read_document(previous).models:
        if block.summary and block.summary.casefold() not in names:
            notes.append(
                f"{shown} had block '{block.summary}' (line {block.line}) with no entry file; "
                f"to keep it: `git show :{shown} > {staged}`, then `{fixes.import_file(staged)}` "
                "writes its entry file"
            )
    return notes
