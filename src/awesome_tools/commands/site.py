"""`awesome-tools site`: write the searchable web page of the list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_OK,
    models,
    report,
    valid_project,
)
from awesome_tools.project import display_path


def run(args: argparse.Namespace) -> int:
    """Write index.html and its assets into the output folder, each only when it changes."""
    from awesome_tools.files import write_atomic
    from awesome_tools.site import FOLDER, build_site
    from awesome_tools.templates import TemplateProblem

    cwd = Path.cwd()
    project = valid_project(args, cwd, refusal="the page was not written")
    root, entries = project.root, list(project.entries.values())
    try:
        pages = build_site(entries, project.categories, templates=project.templates())
    except TemplateProblem as problem:
        return report([problem.diagnostic], args, files=project.files)
    folder = Path(args.output) if args.output is not None else root / FOLDER
    # Links in the default folder may lead only within the project; --output is the user's.
    within = root if args.output is None else None
    written = [
        name for name, text in pages.items() if write_atomic(folder / name, text, within=within)
    ]
    shown = display_path(folder, cwd)
    what = ", ".join(f"{shown}/{name}" for name in written)
    done = f"wrote {what}" if written else f"unchanged {shown}/"
    print(f"{done} ({models(len(entries))})", file=sys.stderr)
    return EXIT_OK
