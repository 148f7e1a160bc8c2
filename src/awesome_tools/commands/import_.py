"""`awesome-tools import`: a README of model blocks to entry files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_PROBLEMS,
    fail,
    project_root,
    report,
)
from awesome_tools.diagnostics import has_errors, visible
from awesome_tools.project import (
    CATEGORIES,
    ENTRIES,
    display_path,
    read_source,
)


def run(args: argparse.Namespace) -> int:
    """Turn a README of model blocks into one entry file per model."""
    from awesome_tools.importer import plan_import
    from awesome_tools.project import write_atomic

    cwd = Path.cwd()
    readme = Path(args.readme)
    if not readme.is_file():
        raise fail(f"no such file: {args.readme}")
    into = Path(args.into) if args.into else project_root(args) / ENTRIES
    categories_path = into.absolute().parent / CATEGORIES
    source = read_source(readme, cwd)
    plan = plan_import(
        source.raw,
        source.display,
        categories_text=categories_path.read_text("utf-8") if categories_path.is_file() else None,
        categories_path=display_path(categories_path, cwd),
    )
    if has_errors(plan.diagnostics):
        print("awesome-tools: nothing written", file=sys.stderr)
        return report(plan.diagnostics, args, files=1)
    existing = [into / name for name in plan.files if (into / name).exists()]
    if existing and not args.force:
        for path in existing:
            print(visible(f"awesome-tools: {display_path(path, cwd)} exists"), file=sys.stderr)
        print("awesome-tools: nothing written (use --force to overwrite)", file=sys.stderr)
        report(plan.diagnostics, args, files=1)
        return EXIT_PROBLEMS
    written = sum(write_atomic(into / name, text) for name, text in plan.files.items())
    if plan.categories_text is not None:
        write_atomic(categories_path, plan.categories_text)
    print(
        f"imported {len(plan.files)} entries into {display_path(into, cwd)}/ ({written} written)",
        file=sys.stderr,
    )
    return report(plan.diagnostics, args, files=1)
