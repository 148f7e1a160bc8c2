"""The command line: argument parsing and dispatch to one module per subcommand."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import cast

from awesome_tools import __version__
from awesome_tools.commands.common import EXIT_USAGE, Reported, UsageError
from awesome_tools.diagnostics import visible


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


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with one subcommand per task."""
    parser = argparse.ArgumentParser(
        prog="awesome-tools",
        description="Keep an awesome list of model architectures as checked data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="validate entry files")
    check.add_argument("paths", nargs="*", metavar="PATH", help="entry files (default: all)")
    _add_common(check)
    check.set_defaults(command="check")

    imp = sub.add_parser("import", help="turn a README of model blocks into entry files")
    imp.add_argument("readme", metavar="README", help="the README to import")
    imp.add_argument("--into", metavar="DIR", help="where to write entries (default: entries/)")
    imp.add_argument("--force", action="store_true", help="overwrite existing entry files")
    _add_common(imp)
    imp.set_defaults(command="import_")

    render = sub.add_parser("render", help="write README.md from the entries")
    render.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    render.add_argument("--diff", action="store_true", help="show what changes")
    render.add_argument(
        "--exit-non-zero-on-change",
        action="store_true",
        help="exit 1 when README.md was written (for hooks: a new file is a change too)",
    )
    _add_common(render)
    render.set_defaults(command="render")

    new = sub.add_parser("new", help="create an entry file for a model, ready to fill in")
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
    _add_common(new)
    new.set_defaults(command="new")

    lint = sub.add_parser("lint", help="lint a README of model blocks")
    lint.add_argument("readme", nargs="?", metavar="README", help="default: README.md of the root")
    _add_common(lint)
    lint.set_defaults(command="lint")

    export = sub.add_parser("export", help="write every entry as JSON or CSV")
    export.add_argument(
        "export_format",
        metavar="{json,csv}",
        choices=("json", "csv"),
        help="json: a list of entries, exact (schema/export.schema.json); csv: one row per "
        "entry, where a cell that starts with = + - @, tab or carriage return (after any ') "
        "gets a leading ' so that spreadsheets show it as text and never run it as a formula",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="where to write (default: stdout)")
    _add_common(export)
    export.set_defaults(command="export")

    site = sub.add_parser("site", help="write the searchable web page of the list")
    site.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="where to write index.html and its assets (default: site/ of the project root)",
    )
    _add_common(site)
    site.set_defaults(command="site")

    schema = sub.add_parser("schema", help="write schema/entry.schema.json")
    schema.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    _add_common(schema)
    schema.set_defaults(command="schema")

    docs = sub.add_parser(
        "docs", help="write docs/rules.md and the other files generated from rules and schema"
    )
    docs.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    _add_common(docs)
    docs.set_defaults(command="docs")

    rules = sub.add_parser("rules", help="list every diagnostic rule, or explain one")
    rules.add_argument("rule", nargs="?", metavar="ID", help="the rule to explain (default: list)")
    rules.set_defaults(command="rules")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
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
    except UsageError as exc:
        print(visible(str(exc)), file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        message = f"awesome-tools: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        print(visible(message), file=sys.stderr)
        return EXIT_USAGE
