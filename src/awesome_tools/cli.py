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
from awesome_tools.digits import ascii_int, foreign_digit_problem

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
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    *,
    module: str | None = None,
    common: bool = True,
    listed: bool = True,
) -> argparse.ArgumentParser:
    """Add a subcommand run by `awesome_tools.commands.<module>` (default: its name); one not
    `listed` runs but is left out of `--help` (a subparser given no help is not listed)."""
    if listed:
        parser = sub.add_parser(name, help=summary, description=summary)
    else:
        parser = sub.add_parser(name, description=summary)
    if common:
        _add_common(parser)
    parser.set_defaults(command=module or name)
    return parser


def _add_check(parser: argparse.ArgumentParser, summary: str) -> None:
    parser.add_argument("--check", action="store_true", help=summary)


def _has_own_docs() -> bool:
    """Say whether the project found from here is awesome-tools' own repository, the one
    where `docs` has files to complete; elsewhere --help does not offer it."""
    from awesome_tools.project import find_root, own_docs_missing

    root = find_root(Path.cwd())
    return root is not None and not own_docs_missing(root)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with one subcommand per task."""
    parser = argparse.ArgumentParser(
        prog="awesome-tools",
        description="Keep an awesome list of model architectures as checked data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = _subcommand(sub, "check", "validate entry files")
    check.add_argument("paths", nargs="*", metavar="PATH", help="entry files (default: all)")

    init = _subcommand(
        sub, "init", "start a list: entries/, settings, .gitignore, hooks, CI", common=False
    )
    init.add_argument("dir", nargs="?", default=".", metavar="DIR", help="default: here")
    init.add_argument("--title", help="the README's heading (default: Awesome List)")
    init.add_argument(
        "--layout", choices=("table", "panel", "list"), default="table", help="default: table"
    )
    init.add_argument(
        "--install",
        metavar="REQUIREMENT",
        help="what the CI workflow installs awesome-tools from (default: the git commit this "
        "one was installed from, else this version from PyPI)",
    )
    init.add_argument("--force", action="store_true", help="replace files that exist")

    imp = _subcommand(
        sub, "import", "turn a README of model blocks into entry files", module="import_"
    )
    imp.add_argument("readme", metavar="README", help="the README to import")
    imp.add_argument("--into", metavar="DIR", help="where to write entries (default: entries/)")
    imp.add_argument("--force", action="store_true", help="overwrite existing entry files")

    render = _subcommand(sub, "render", "write README.md from the entries")
    _add_check(render, "write nothing; exit 1 if stale")
    render.add_argument("--diff", action="store_true", help="show what changes")
    render.add_argument(
        "--exit-non-zero-on-change",
        action="store_true",
        help=(
            "for hooks: exit 1 when a file was written (a new file is a change too); a file "
            "edited since the last commit is left as it is, copied to NAME.edited.md"
        ),
    )

    new = _subcommand(sub, "new", "create an entry file for a model, ready to fill in")
    new.add_argument(
        "name",
        nargs="?",
        metavar="NAME",
        help="the model's name, as the README shows it (optional with --from-arxiv)",
    )
    new.add_argument(
        "--from-arxiv",
        metavar="ID_OR_URL",
        help="take the title, link and first-version date from an arXiv paper "
        "(an id like 2301.12597 or a link)",
    )
    new.add_argument(
        "--name",
        dest="name_option",
        metavar="NAME",
        help="the model's name, instead of NAME (with --from-arxiv, default: the paper's "
        "title up to a colon)",
    )
    new.add_argument("--title", help="the paper's title")
    new.add_argument("--url", help="the paper's http(s) link")
    new.add_argument("--category", help="the README section (one of categories.yaml)")
    new.add_argument("-i", "--interactive", action="store_true", help="ask for each field")

    lint = _subcommand(sub, "lint", "lint a README of model blocks")
    lint.add_argument("readme", nargs="?", metavar="README", help="default: README.md of the root")
    lint.add_argument(
        "--no-shortcut",
        action="store_true",
        help="parse the whole README and the whole expected text, even where the list's "
        "templates are proven to render clean READMEs and only a part differs",
    )

    export = _subcommand(sub, "export", "write every entry as JSON or CSV")
    export.add_argument(
        "export_format",
        metavar="{json,csv}",
        choices=("json", "csv"),
        help="json: a list of entries, exact (schema/export.schema.json); csv: one row per "
        "entry, where a cell that starts with = + - @, tab or carriage return (after any ') "
        "gets a leading ' so that spreadsheets show it as text and never run it as a formula",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="where to write (default: stdout)")

    site = _subcommand(sub, "site", "write the searchable web page of the list")
    site.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="where to write index.html and its assets (default: site/ of the project root)",
    )

    schema = _subcommand(sub, "schema", "write schema/entry.schema.json")
    _add_check(schema, "write nothing; exit 1 if a file is stale")

    docs = _subcommand(
        sub,
        "docs",
        "write docs/rules.md and the other files generated from rules and schema "
        "(awesome-tools' own repository)",
        listed=_has_own_docs(),
    )
    _add_check(docs, "write nothing; exit 1 if a file is stale")

    rules = _subcommand(sub, "rules", "list every diagnostic rule, or explain one", common=False)
    rules.add_argument("rule", nargs="?", metavar="ID", help="the rule to explain (default: list)")
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
            from awesome_tools.workers import stop_children

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
    from awesome_tools.files import RefusedWrite
    from awesome_tools.textfile import EncodingProblem

    parser = build_parser()
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
