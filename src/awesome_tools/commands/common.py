"""What every command shares: the project root, reading entries, reporting, exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from awesome_tools.diagnostics import Diagnostic, Format, format_diagnostics, has_errors, summary
from awesome_tools.project import (
    CATEGORIES,
    ENTRIES,
    find_root,
    read_entries,
    read_source,
)

if TYPE_CHECKING:
    from awesome_tools.schema import Entry

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with the command line or the environment (exit 2)."""


class Reported(Exception):
    """The command stops early: its diagnostics are printed; `code` is the exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def fail(message: str) -> UsageError:
    return UsageError(f"awesome-tools: {message}")


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
            "run inside the list's repository or pass --root DIR"
        )
    return root_found


def report(diagnostics: Sequence[Diagnostic], args: argparse.Namespace, *, files: int) -> int:
    fmt = cast(Format, args.format)
    sys.stdout.write(format_diagnostics(diagnostics, fmt))
    if fmt == "text":
        print(summary(diagnostics, files=files), file=sys.stderr)
    return EXIT_PROBLEMS if has_errors(diagnostics, strict=args.strict) else EXIT_OK


def read_categories(root: Path, cwd: Path) -> tuple[list[str], list[Diagnostic]]:
    from awesome_tools.check import load_categories

    path = root / CATEGORIES
    if not path.is_file():
        return [], []
    source = read_source(path, cwd)
    return load_categories(source.raw, source.display)


def load_entries(
    root: Path, cwd: Path
) -> tuple[dict[str, Entry], list[str], list[Diagnostic], int]:
    """Check every entry of the project; return valid entries by path, categories, problems."""
    from awesome_tools.check import check_sources

    listing = read_entries(root, cwd)
    categories, problems = read_categories(root, cwd)
    checked, diagnostics = check_sources(
        [(s.display, s.raw) for s in listing.sources], categories=categories
    )
    entries = {item.path: item.entry for item in checked if item.entry is not None}
    refused = list(listing.refused.values())
    return entries, categories, sorted(problems + refused + diagnostics), listing.files


def valid_entries(
    args: argparse.Namespace, root: Path, cwd: Path, *, refusal: str
) -> tuple[list[Entry], list[str], int]:
    """The project's entries and categories, or, when any has an error, say `refusal` and stop."""
    entries, categories, diagnostics, files = load_entries(root, cwd)
    if has_errors(diagnostics, strict=args.strict):
        print(f"awesome-tools: {refusal}: fix the entries first", file=sys.stderr)
        raise Reported(report(diagnostics, args, files=files))
    return list(entries.values()), categories, files
