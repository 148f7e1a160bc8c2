"""The command line: argument parsing and dispatch to one module per subcommand."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from awesome_tools import __version__
from awesome_tools.commands import COMMANDS, Command
from awesome_tools.core.digits import ascii_int, foreign_digit_problem
from awesome_tools.layouts import DEFAULT, LAYOUTS

# pydantic looks for plugins of every installed distribution when the first model is built,
# a tenth of a one-file check; this command line uses none. PYDANTIC_DISABLE_PLUGINS set to
# anything else (even empty) lets them load.
PLUGINS = "PYDANTIC_DISABLE_PLUGINS"


def _add_common(parser: argparse.ArgumentParser) -> None:
    default_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    parser.add_argument(
        "--root", metavar="DIR", help="project root (default: nearest with entries/)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default=default_format,
        help="diagnostic format (default: text; github under GitHub Actions)",
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail the run too")
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="processes that share a list of thousands of entries (default: 0, one per usable "
        "CPU; 1: this process only)",
    )


def _jobs(text: str) -> int:
    """A --jobs value: a count of processes, 0 for one per usable CPU."""
    problem = foreign_digit_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem[1])
    try:
        value = ascii_int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def _subcommand(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], command: Command
) -> argparse.ArgumentParser:
    """Add a subcommand run by `awesome_tools.commands.<module>`; one for awesome-tools' own
    repository only runs elsewhere but is left out of `--help` (a subparser given no help is
    not listed)."""
    summary = command.summary
    if command.own_docs_only and not _has_own_docs():
        parser = sub.add_parser(command.name, description=summary)
    else:
        parser = sub.add_parser(command.name, help=summary, description=summary)
    if command.common:
        _add_common(parser)
    for flags, options in command.arguments:
        parser.add_argument(*flags, **options)
    for flag in command.layout_choices:
        names = tuple(LAYOUTS)
        parser.add_argument(flag, choices=names, default=DEFAULT, help=f"default: {DEFAULT}")
    parser.set_defaults(command=command.module or command.name)
    return parser


def _has_own_docs() -> bool:
    """Say whether the project found from here is awesome-tools' own repository, the one
    where `docs` has files to complete; elsewhere --help does not offer it."""
    from awesome_tools.engine.project import find_root, own_docs_missing

    root = find_root(Path.cwd())
    return root is not None and not own_docs_missing(root)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with one subcommand per task (`commands.COMMANDS`).

    Given the command line, only the subcommand it names is built (a hook runs `check` on one
    file thousands of times: each argument costs argparse a help formatter); a command line
    that names none (`--help`, a misspelling) gets them all, so that every one is listed.
    """
    parser = argparse.ArgumentParser(
        prog="awesome-tools",
        description="Keep an awesome list of model architectures as checked data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    named = next((arg for arg in argv or () if not arg.startswith("-")), None)
    wanted = [command for command in COMMANDS if command.name == named]
    for command in wanted or COMMANDS:
        _subcommand(sub, command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code; Ctrl-C is one line and exit 130."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        # A second Ctrl-C meanwhile must not print the traceback the first one did not.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            from awesome_tools.commands.common import EXIT_INTERRUPTED
            from awesome_tools.io.workers import stop_children

            stop_children()
            print("awesome-tools: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        finally:
            signal.signal(signal.SIGINT, previous)


def _run(argv: Sequence[str] | None) -> int:
    os.environ.setdefault(PLUGINS, "__all__")
    # Imported here, after the line above: importing them builds the models.
    from awesome_tools.commands.common import (
        EXIT_PROBLEMS,
        EXIT_USAGE,
        Reported,
        UsageError,
        refused_write,
        report,
    )
    from awesome_tools.diagnostics import visible
    from awesome_tools.io.files import RefusedWrite
    from awesome_tools.io.textfile import EncodingProblem

    parser = build_parser(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        module = importlib.import_module(f"awesome_tools.commands.{args.command}")
        return cast(int, module.run(args))
    except Reported as stop:
        return stop.code
    except EncodingProblem as problem:
        # A file read on the way (a settings or docs file, say) is not UTF-8: nothing written.
        # `init` has no --format: its problems are text.
        shown = argparse.Namespace(format=getattr(args, "format", "text"), strict=False)
        return report([problem.diagnostic], shown, files=1)
    except UsageError as exc:
        print(visible(str(exc)), file=sys.stderr)
        return EXIT_USAGE
    except RefusedWrite as refused:
        print(visible(refused_write(refused)), file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        message = f"awesome-tools: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        print(visible(message), file=sys.stderr)
        return EXIT_USAGE
