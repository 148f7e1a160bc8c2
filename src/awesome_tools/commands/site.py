"""`awesome-tools site`: write the searchable web page of the list."""

from __future__ import annotations

import argparse
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_OK,
    fail,
    models,
    report,
    say,
    valid_project,
)
from awesome_tools.engine.project import display_path, figure_missing
from awesome_tools.io.pathcheck import read_inside


def _figure_files(root: Path, figures: list[str], page: set[str]) -> dict[str, bytes]:
    """Read each local figure that is a file of the list, by its path relative to root.

    A figure outside the list is never read (check reports it); one named like a file of the
    page would replace it, so the page is not written.
    """
    missing = figure_missing(root)
    found = {}
    for figure in figures:
        if figure in page:
            raise fail(
                f"the page was not written: the figure '{figure}' has the name of one of the "
                "page's files; move it into a folder"
            )
        if missing(figure) is None:
            data = read_inside(root / figure, root, figure, root)
            if isinstance(data, bytes):
                found[figure] = data
    return found


def _write_figure(folder: Path, relative: str, data: bytes, within: Path | None) -> bool:
    """Copy a figure to the same relative path in the page's folder, never out of that folder."""
    from awesome_tools.io.files import RefusedWrite, write_atomic
    from awesome_tools.io.pathcheck import leads_out

    path = folder / relative
    link = leads_out(path, folder)
    if link is not None:
        raise RefusedWrite(path, link, of="the page's folder")
    return write_atomic(path, data, within=within)


def run(args: argparse.Namespace) -> int:
    """Write index.html, its assets and the list's local figures into the output folder, each
    only when it changes."""
    from awesome_tools.core.templates import TemplateProblem
    from awesome_tools.io.files import refuse_outside, write_atomic
    from awesome_tools.outputs.site import FOLDER, build_site, local_figures

    cwd = Path.cwd()
    project = valid_project(args, cwd, refusal="the page was not written")
    root, entries = project.root, list(project.entries.values())
    try:
        pages = build_site(
            entries,
            project.categories,
            templates=project.templates(),
            title=project.settings.title,
        )
    except TemplateProblem as problem:
        return report([problem.diagnostic], args, files=project.files)
    figures = _figure_files(root, local_figures(entries), set(pages))
    folder = Path(args.output) if args.output is not None else root / FOLDER
    # Links in the default folder may lead only within the project; --output is the user's.
    within = root if args.output is None else None
    if within is not None:
        refuse_outside([folder / name for name in [*pages, *figures]], within)
    written = [
        name for name, text in pages.items() if write_atomic(folder / name, text, within=within)
    ]
    copied = sum(_write_figure(folder, name, data, within) for name, data in figures.items())
    shown = display_path(folder, cwd)
    what = ", ".join(f"{shown}/{name}" for name in written)
    if copied:
        what += f"{' and ' if what else ''}{copied} figure{'' if copied == 1 else 's'}"
    done = f"wrote {what}" if what else f"unchanged {shown}/"
    say([f"{done} ({models(len(entries))})"])
    return EXIT_OK
