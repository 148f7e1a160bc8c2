"""What every command shares: the project root, reading entries, reporting, exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import cast

from awesome_tools.diagnostics import (
    Diagnostic,
    Format,
    format_diagnostics,
    has_errors,
    summary,
    visible,
)
from awesome_tools.engine.project import (
    ENTRIES,
    Project,
    display_path,
    find_root,
    read_project,
)
from awesome_tools.io.collector import collector_paused
from awesome_tools.io.files import RefusedWrite

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
# Ctrl-C (SIGINT): 128 + 2, as a shell reports a command the signal ended.
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A problem with the command line or the environment (exit 2)."""


class Reported(Exception):
    """The command stops early: its diagnostics are printed; `code` is the exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def fail(message: str) -> UsageError:
    return UsageError(f"awesome-tools: {message}")


def refused_write(refused: RefusedWrite) -> str:
    """One line naming a path not written and the link that leads it out of the project."""
    cwd = Path.cwd()
    path, link = display_path(refused.path, cwd), display_path(refused.link, cwd)
    how = "it is a link" if link == path else f"{link} is a link"
    return f"awesome-tools: refusing to write {path}: {how} out of {refused.of}; nothing written"


def models(count: int) -> str:
    """Count models in words: "1 model", "10 models"."""
    return f"{count} model{'' if count == 1 else 's'}"


def project_root(args: argparse.Namespace) -> Path:
    if args.root is not None:
        root = Path(args.root)
        if not (root / ENTRIES).is_dir():
            raise fail(f"{root} has no {ENTRIES}/ folder")
        return root
    root_found = find_root(Path.cwd())
    if root_found is None:
        raise fail(
            f"no {ENTRIES}/ folder here or in any parent folder; "
            "run inside the list's repository, pass --root DIR, or start a list with "
            "`awesome-tools init`"
        )
    return root_found


def jobs(args: argparse.Namespace) -> int:
    """The processes a command may use for a large list: `--jobs`, else every usable CPU."""
    from awesome_tools.io.workers import resolve_jobs

    return resolve_jobs(cast(int, args.jobs))


def say(lines: Iterable[str]) -> None:
    """Tell the reader (stderr), each line escaped as diagnostics are: a path, a name or a
    Makefile's command can hold characters that drive the terminal or forge a line."""
    for line in lines:
        print(visible(line), file=sys.stderr)


def report(diagnostics: Sequence[Diagnostic], args: argparse.Namespace, *, files: int) -> int:
    fmt = cast(Format, args.format)
    sys.stdout.write(format_diagnostics(diagnostics, fmt))
    if fmt == "text":
        say([summary(diagnostics, files=files)])
    return EXIT_PROBLEMS if has_errors(diagnostics, strict=args.strict) else EXIT_OK


def load_project(args: argparse.Namespace, cwd: Path, *, parts: bool = False) -> Project:
    """The project of the command line, every entry checked (with `parts`, the layout's parts
    of each rendered where it is checked), the collector paused meanwhile."""
    root = project_root(args)
    with collector_paused():
        return read_project(root, cwd, jobs=jobs(args), parts=parts)


def valid_project(
    args: argparse.Namespace,
    cwd: Path,
    *,
    refusal: str,
    brief: bool = False,
    parts: bool = False,
) -> Project:
    """The project, or, when any entry has an error, say `refusal` and stop.

    `brief`: name the command that lists the problems instead of listing them, for a hook that
    runs after `check-entries` has reported them in the same commit. `parts`: as
    `load_project`.
    """
    project = load_project(args, cwd, parts=parts)
    if has_errors(project.diagnostics, strict=args.strict):
        if brief:
            lister = project.fixes.check_file()
            say(
                [f"awesome-tools: {refusal}: fix the entries first (`{lister}` lists the problems)"]
            )
            raise Reported(EXIT_PROBLEMS)
        say([f"awesome-tools: {refusal}: fix the entries first"])
        raise Reported(report(project.diagnostics, args, files=project.files))
    return project
