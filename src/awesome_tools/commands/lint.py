"""`awesome-tools lint`: lint a README of model blocks, and the project's for drift."""

from __future__ import annotations

import argparse
import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from awesome_tools.commands.common import fail, jobs, load_project, project_root, report
from awesome_tools.engine.project import (
    display_path,
    find_root,
    read_source,
)
from awesome_tools.io.pathcheck import is_inside, refused_read

if TYPE_CHECKING:
    from awesome_tools.engine.project import Source
    from awesome_tools.io.workers import Pending


def run(args: argparse.Namespace) -> int:
    """Lint a README of model blocks; the project's README.md is also checked for drift."""
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
    # The list's own README.md is linted against its entries (drift), its entry-free checks
    # begun first.
    own = root is not None and readme.resolve() == (root / "README.md").resolve()
    alone = _begin_alone(args, root, cwd, text, source.display) if own and root else None
    try:
        return _lint(args, cwd, root, own, source, text, alone)
    finally:
        if alone is not None:
            alone.cancel()


def _begin_alone(
    args: argparse.Namespace, root: Path, cwd: Path, text: str, shown: str
) -> Pending[Any] | None:
    """The list's README checks that need no entry (`Layout.lint_alone`), begun in another
    process, so that they run while the entries load and the expected README renders: for a
    large README (`lint.MIN_PARALLEL`) with `jobs` over 1; else None (lint runs them itself)."""
    from awesome_tools.engine.project import read_settings
    from awesome_tools.io.workers import MIN_PARALLEL, Pending
    from awesome_tools.layouts import layout_named

    if jobs(args) <= 1 or len(text) <= MIN_PARALLEL:
        return None
    settings, problems = read_settings(root, cwd)
    lint_alone = layout_named(settings.layout).lint_alone
    if problems or lint_alone is None:
        return None
    return Pending(partial(lint_alone, text, shown))


def _lint(
    args: argparse.Namespace,
    cwd: Path,
    root: Path | None,
    own: bool,
    source: Source,
    text: str,
    alone: Pending[Any] | None,
) -> int:
    """Lint the decoded README text (of `source`), against the list's entries where it is the
    list's README.md (`own`); `alone` is its entry-free checks, begun earlier."""
    from awesome_tools.engine.lint import lint_readme

    linted = lint_readme(
        text,
        source.display,
        project=load_project(args, cwd) if own else None,
        root=root,
        cwd=cwd,
        jobs=jobs(args),
        shortcuts=not args.no_shortcut,
        alone=alone.result if alone is not None else None,
    )
    return report(sorted(linted.diagnostics), args, files=linted.files)
