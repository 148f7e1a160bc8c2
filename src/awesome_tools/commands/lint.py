"""`awesome-tools lint`: lint a README of model blocks, and the project's for drift."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from awesome_tools.commands.common import fail, jobs, project_root, report
from awesome_tools.engine.project import (
    display_path,
    find_root,
    read_source,
)
from awesome_tools.io.pathcheck import is_inside, refused_read


def run(args: argparse.Namespace) -> int:
    """Lint a README of model blocks; the project's README.md is also checked for drift."""
    from awesome_tools.engine.lint import lint_readme
    from awesome_tools.io.textfile import decode

    cwd = Path.cwd()
    root = project_root(args) if args.root else find_root(cwd)
    readme = Path(args.readme) if args.readme else (root or cwd) / "README.md"
    if root is not None and is_inside(Path(os.path.abspath(readme)), Path(os.path.abspath(root))):
        refused = refused_read(readme, root, display_path(readme, cwd), cwd)
        if refused is not None:
            return report([refused], args, files=1)
    if not readme.is_file():
        raise fail(f"no such file: {readme}")
    source = read_source(readme, cwd)
    text, problem = decode(source.raw, source.display)
    if text is None:
        return report([problem] if problem else [], args, files=1)
    # The list's own README.md is linted against its entries (drift).
    own = root is not None and readme.resolve() == (root / "README.md").resolve()
    linted = lint_readme(
        text,
        source.display,
        root=root,
        cwd=cwd,
        own=own,
        jobs=jobs(args),
        shortcuts=not args.no_shortcut,
    )
    return report(sorted(linted.diagnostics), args, files=linted.files)
