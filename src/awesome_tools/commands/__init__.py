"""One module per subcommand, each with `run(args) -> exit code`; imported only when used.

`COMMANDS` is every subcommand as data: its name, summary and arguments (each the flags and the
keyword arguments of argparse's `add_argument`). `cli.py` builds the parser from it, so adding a
command is a row here and its module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Argument = tuple[tuple[str, ...], dict[str, Any]]


def arg(*flags: str, **options: Any) -> Argument:
    """One argument of a subcommand, as argparse's `add_argument(*flags, **options)` takes it."""
    return flags, options


def _check(summary: str) -> Argument:
    return arg("--check", action="store_true", help=summary)


@dataclass(frozen=True)
class Command:
    """A subcommand: run by `awesome_tools.commands.<module>` (default: its name); `common`
    adds --root, --format, --strict and --jobs; `own_docs_only` leaves it out of --help
    outside awesome-tools' own repository."""

    name: str
    summary: str
    arguments: tuple[Argument, ...] = ()
    module: str | None = None
    common: bool = True
    own_docs_only: bool = False
    # Arguments whose choices are the registry's layout names (`init --layout`).
    layout_choices: tuple[str, ...] = ()


COMMANDS = (
    Command(
        "check",
        "validate entry files",
        (arg("paths", nargs="*", metavar="PATH", help="entry files (default: all)"),),
    ),
    Command(
        "init",
        "start a list: entries/, settings, .gitignore, hooks, CI",
        (
            arg("dir", nargs="?", default=".", metavar="DIR", help="default: here"),
            arg("--title", help="the README's heading (default: Awesome List)"),
            arg(
                "--install",
                metavar="REQUIREMENT",
                help="what the CI workflow installs awesome-tools from (default: the git "
                "commit this one was installed from, else this version from PyPI)",
            ),
            arg("--force", action="store_true", help="replace files that exist"),
        ),
        common=False,
        layout_choices=("--layout",),
    ),
    Command(
        "import",
        "turn a README of model blocks into entry files",
        (
            arg("readme", metavar="README", help="the README to import"),
            arg("--into", metavar="DIR", help="where to write entries (default: entries/)"),
            arg("--force", action="store_true", help="overwrite existing entry files"),
        ),
        module="import_",
    ),
    Command(
        "render",
        "write README.md from the entries",
        (
            _check("write nothing; exit 1 if stale"),
            arg("--diff", action="store_true", help="show what changes"),
            arg(
                "--exit-non-zero-on-change",
                action="store_true",
                help="for hooks: exit 1 when a file was written (a new file is a change too); "
                "a file edited since the last commit is left as it is, copied to NAME.edited.md",
            ),
        ),
    ),
    Command(
        "new",
        "create an entry file for a model, ready to fill in",
        (
            arg(
                "name",
                nargs="?",
                metavar="NAME",
                help="the model's name, as the README shows it (optional with --from-arxiv)",
            ),
            arg(
                "--from-arxiv",
                metavar="ID_OR_URL",
                help="take the title, link and first-version date from an arXiv paper "
                "(an id like 2301.12597 or a link)",
            ),
            arg(
                "--name",
                dest="name_option",
                metavar="NAME",
                help="the model's name, instead of NAME (with --from-arxiv, default: the "
                "paper's title up to a colon)",
            ),
            arg("--title", help="the paper's title"),
            arg("--url", help="the paper's http(s) link"),
            arg("--category", help="the README section (one of categories.yaml)"),
            arg("-i", "--interactive", action="store_true", help="ask for each field"),
        ),
    ),
    Command(
        "lint",
        "lint a README of model blocks",
        (
            arg("readme", nargs="?", metavar="README", help="default: README.md of the root"),
            arg(
                "--no-shortcut",
                action="store_true",
                help="parse the whole README and the whole expected text, even where the "
                "list's templates are proven to render clean READMEs and only a part differs",
            ),
        ),
    ),
    Command(
        "export",
        "write every entry as JSON, CSV or BibTeX, or the list's CITATION.cff",
        (
            arg(
                "export_format",
                metavar="{json,csv,bibtex,cff}",
                choices=("json", "csv", "bibtex", "cff"),
                help="json: a list of entries, exact (schema/export.schema.json); csv: one row "
                "per entry, where a cell that starts with = + - @, tab or carriage return "
                "(after any ') gets a leading ' so that spreadsheets show it as text and never "
                "run it as a formula; bibtex: one record per entry, from the list's arXiv cache "
                "(an entry whose paper it lacks from its own title, date and link, with a "
                "comment); cff: the list's CITATION.cff from awesome.yaml (title, authors, url), "
                "written at the list's root",
            ),
            arg(
                "-o",
                "--output",
                metavar="FILE",
                help="where to write (default: stdout; cff: CITATION.cff of the list's root)",
            ),
        ),
    ),
    Command(
        "refresh",
        "write the list's arXiv cache (data/arxiv.json): title, authors and first-version date "
        "of every arXiv paper the entries link, from the arXiv API (the only command that "
        "reaches the network)",
        (
            arg(
                "--from",
                dest="from_files",
                action="append",
                metavar="FILE",
                help="read a saved answer of the arXiv API (Atom) instead of the network; may "
                "be given more than once",
            ),
        ),
    ),
    Command(
        "site",
        "write the searchable web page of the list",
        (
            arg(
                "-o",
                "--output",
                metavar="DIR",
                help="where to write index.html and its assets (default: site/ of the project "
                "root)",
            ),
        ),
    ),
    Command(
        "upgrade",
        "rewrite entry files of the figure's old shape (figure: path, figure_alt: ...) as "
        "figure: {file: ..., alt: ...}",
        (_check("write nothing; exit 1 if a file is of the old shape"),),
    ),
    Command(
        "schema",
        "write schema/entry.schema.json",
        (_check("write nothing; exit 1 if a file is stale"),),
    ),
    Command(
        "docs",
        "write docs/rules.md and the other files generated from rules and schema "
        "(awesome-tools' own repository)",
        (_check("write nothing; exit 1 if a file is stale"),),
        own_docs_only=True,
    ),
    Command(
        "rules",
        "list every diagnostic rule, or explain one",
        (arg("rule", nargs="?", metavar="ID", help="the rule to explain (default: list)"),),
        common=False,
    ),
)
