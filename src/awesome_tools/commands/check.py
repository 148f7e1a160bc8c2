"""`awesome-tools check`: validate entry files against the schema and each other."""

from __future__ import annotations

import argparse
from pathlib import Path

from awesome_tools.commands.common import (
    fail,
    project_root,
    read_categories,
    report,
)
from awesome_tools.project import (
    display_path,
    read_entries,
    read_source,
)


def run(args: argparse.Namespace) -> int:
    """Validate entry files against the schema and each other."""
    from awesome_tools.check import check_sources

    cwd = Path.cwd()
    root = project_root(args)
    sources = read_entries(root, cwd)
    selected: set[str] | None = None
    if args.paths:
        missing = [p for p in args.paths if not Path(p).is_file()]
        if missing:
            raise fail(f"no such file: {', '.join(missing)}")
        given = [Path(p) for p in args.paths]
        known = {s.path.resolve(): s.display for s in sources}
        outside = [p for p in given if p.resolve() not in known]
        sources += [read_source(p, cwd) for p in outside]
        selected = {known.get(p.resolve()) or display_path(p, cwd) for p in given}
    categories, problems = read_categories(root, cwd)
    _, diagnostics = check_sources(
        [(s.display, s.raw) for s in sources], categories=categories, selected=selected
    )
    files = len(selected) if selected is not None else len(sources)
    return report(sorted(problems + diagnostics), args, files=files)
