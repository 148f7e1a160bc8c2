"""`awesome-tools upgrade`: entry files of the figure's old shape rewritten in the new one."""

from __future__ import annotations

import argparse
from pathlib import Path

from awesome_tools.commands.common import EXIT_OK, EXIT_PROBLEMS, project_root, report, say
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.engine.project import read_entries


def run(args: argparse.Namespace) -> int:
    """Rewrite each entry file of the old figure shape (only those: each written atomically),
    saying each one; with --check, name them and write nothing."""
    from awesome_tools.core.upgrade import upgrade_entry
    from awesome_tools.io.files import refuse_outside, write_atomic
    from awesome_tools.io.textfile import decode

    cwd = Path.cwd()
    root = project_root(args)
    listing = read_entries(root, cwd)
    problems: list[Diagnostic] = list(listing.refused.values())
    new: dict[Path, tuple[str, str]] = {}
    for source in listing.sources:
        text, problem = decode(source.read(), source.display)
        if text is None:
            problems += [problem] if problem is not None else []
            continue
        upgrade = upgrade_entry(text, source.display)
        problems += upgrade.problems
        if upgrade.text is not None:
            new[source.path] = (source.display, upgrade.text)
    if args.check:
        fix = "run `awesome-tools upgrade`"
        say([f"{shown} has the figure's old shape: {fix}" for shown, _ in new.values()])
    else:
        refuse_outside(list(new), root)
        for path, (shown, text) in new.items():
            write_atomic(path, text, within=root)
            say([f"upgraded {shown}"])
    if problems:
        return report(sorted(problems), args, files=listing.files)
    if not new:
        say([f"no entry file has the figure's old shape ({listing.files} checked)"])
    return EXIT_PROBLEMS if args.check and new else EXIT_OK
