"""`awesome-tools check`: validate entry files against the schema and each other."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from awesome_tools.commands.common import (
    fail,
    jobs,
    project_root,
    report,
)
from awesome_tools.engine.papercache import read_papers
from awesome_tools.engine.project import (
    display_path,
    figure_missing,
    read_entries,
    read_settings,
    read_source,
)
from awesome_tools.io.collector import collector_paused
from awesome_tools.io.pathcheck import is_inside, refused_read
from awesome_tools.layouts import layout_named


def run(args: argparse.Namespace) -> int:
    """Validate entry files against the schema and each other."""
    from awesome_tools.core.entrycheck import check_entries

    cwd = Path.cwd()
    root = project_root(args)
    listing = read_entries(root, cwd)
    sources = listing.sources
    refused = list(listing.refused.values())
    selected: set[str] | None = None
    if args.paths:
        missing = [p for p in args.paths if not (Path(p).is_file() or Path(p).is_symlink())]
        if missing:
            raise fail(f"no such file: {', '.join(missing)}")
        given = [Path(p) for p in args.paths]
        known = {s.path.resolve(): s.display for s in sources}
        known.update((path, d.path) for path, d in listing.refused.items())
        selected = set()
        for path in given:
            shown = known.get(Path(os.path.abspath(path))) or known.get(path.resolve())
            if shown is None:
                shown = display_path(path, cwd)
                under = is_inside(Path(os.path.abspath(path)), Path(os.path.abspath(root)))
                problem = (
                    refused_read(path, root, shown, cwd) if under or path.is_symlink() else None
                )
                if problem is not None:
                    refused.append(problem)
                else:
                    sources.append(read_source(path, cwd))
            selected.add(shown)
        refused = [d for d in refused if d.path in selected]
    settings, problems = read_settings(root, cwd)
    layout = layout_named(settings.layout)
    papers, unread = read_papers(root, cwd, settings)
    with collector_paused():
        _, diagnostics = check_entries(
            [(s.display, s.read) for s in sources],
            categories=settings.categories,
            selected=selected,
            required=layout.required,
            model=layout.entry_model,
            missing=figure_missing(root),
            keep_entries=False,
            jobs=jobs(args),
            papers=papers,
        )
    files = len(selected) if selected is not None else listing.files
    return report(sorted(problems + unread + refused + diagnostics), args, files=files)
