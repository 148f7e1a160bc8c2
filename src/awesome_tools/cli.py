"""The command line: argument parsing, reading and writing files, printing, exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from awesome_tools import __version__
from awesome_tools.diagnostics import Diagnostic, Format, format_diagnostics, has_errors, summary
from awesome_tools.project import (
    CATEGORIES,
    ENTRIES,
    display_path,
    find_root,
    read_entries,
    read_source,
)

if TYPE_CHECKING:
    from awesome_tools.schema import Entry

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with the command line or the environment (exit 2)."""


def _fail(message: str) -> UsageError:
    return UsageError(f"awesome-tools: {message}")


def _root(args: argparse.Namespace) -> Path:
    if args.root is not None:
        root = Path(args.root)
        if not (root / ENTRIES).is_dir():
            raise _fail(f"{root} has no {ENTRIES}/ folder")
        return root
    root_found = find_root(Path.cwd())
    if root_found is None:
        raise _fail(
            f"no {ENTRIES}/ folder here or in any parent folder; "
            "run inside the list's repository or pass --root DIR"
        )
    return root_found


def _report(diagnostics: Sequence[Diagnostic], args: argparse.Namespace, *, files: int) -> int:
    fmt = cast(Format, args.format)
    sys.stdout.write(format_diagnostics(diagnostics, fmt))
    if fmt == "text":
        print(summary(diagnostics, files=files), file=sys.stderr)
    return EXIT_PROBLEMS if has_errors(diagnostics, strict=args.strict) else EXIT_OK


def _read_categories(root: Path, cwd: Path) -> tuple[list[str], list[Diagnostic]]:
    from awesome_tools.check import load_categories

    path = root / CATEGORIES
    if not path.is_file():
        return [], []
    source = read_source(path, cwd)
    return load_categories(source.raw, source.display)


def cmd_check(args: argparse.Namespace) -> int:
    """Validate entry files against the schema and each other."""
    from awesome_tools.check import check_sources

    cwd = Path.cwd()
    root = _root(args)
    sources = read_entries(root, cwd)
    selected: set[str] | None = None
    if args.paths:
        missing = [p for p in args.paths if not Path(p).is_file()]
        if missing:
            raise _fail(f"no such file: {', '.join(missing)}")
        given = [Path(p) for p in args.paths]
        known = {s.path.resolve(): s.display for s in sources}
        outside = [p for p in given if p.resolve() not in known]
        sources += [read_source(p, cwd) for p in outside]
        selected = {known.get(p.resolve()) or display_path(p, cwd) for p in given}
    categories, problems = _read_categories(root, cwd)
    _, diagnostics = check_sources(
        [(s.display, s.raw) for s in sources], categories=categories, selected=selected
    )
    files = len(selected) if selected is not None else len(sources)
    return _report(sorted(problems + diagnostics), args, files=files)


def _load_entries(
    root: Path, cwd: Path
) -> tuple[dict[str, Entry], list[str], list[Diagnostic], int]:
    """Check every entry of the project; return valid entries by path, categories, problems."""
    from awesome_tools.check import check_sources

    sources = read_entries(root, cwd)
    categories, problems = _read_categories(root, cwd)
    checked, diagnostics = check_sources(
        [(s.display, s.raw) for s in sources], categories=categories
    )
    entries = {item.path: item.entry for item in checked if item.entry is not None}
    return entries, categories, sorted(problems + diagnostics), len(sources)


def _unified_diff(old: str, new: str, name: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), name, f"{name} (rendered)"
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def cmd_render(args: argparse.Namespace) -> int:
    """Write README.md from the entries (or, with --check, say whether it is current)."""
    from awesome_tools.project import display_path, write_atomic
    from awesome_tools.render import TemplateProblem, render_readme

    cwd = Path.cwd()
    root = _root(args)
    entries, categories, diagnostics, files = _load_entries(root, cwd)
    if has_errors(diagnostics, strict=args.strict):
        print("awesome-tools: README.md not written: fix the entries first", file=sys.stderr)
        return _report(diagnostics, args, files=files)
    try:
        text = render_readme(list(entries.values()), categories, root=root)
    except TemplateProblem as problem:
        return _report([problem.diagnostic], args, files=files)
    target = root / "README.md"
    shown = display_path(target, cwd)
    current = target.read_text("utf-8") if target.is_file() else ""
    if args.check or args.diff:
        sys.stdout.write(_unified_diff(current, text, shown))
    if args.check:
        if current != text:
            print(f"{shown} is out of date with entries/: run `make readme`", file=sys.stderr)
            return EXIT_PROBLEMS
        return EXIT_OK
    changed = write_atomic(target, text)
    print(f"{'wrote' if changed else 'unchanged'} {shown} ({len(entries)} models)", file=sys.stderr)
    if changed and args.exit_non_zero_on_change:
        print(f"{shown} was regenerated: stage it and commit again", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_lint(args: argparse.Namespace) -> int:
    """Lint a README of model blocks; the project's README.md is also checked for drift."""
    from awesome_tools.lint import lint_text
    from awesome_tools.loader import decode
    from awesome_tools.render import TemplateProblem, render_readme, template_path

    cwd = Path.cwd()
    root = _root(args) if args.root else find_root(cwd)
    readme = Path(args.readme) if args.readme else (root or cwd) / "README.md"
    if not readme.is_file():
        raise _fail(f"no such file: {readme}")
    source = read_source(readme, cwd)
    text, problem = decode(source.raw, source.display)
    if text is None:
        return _report([problem] if problem else [], args, files=1)
    expected: str | None = None
    entry_files: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    if root is not None and readme.resolve() == (root / "README.md").resolve():
        entries, categories, problems, _ = _load_entries(root, cwd)
        if has_errors(problems):
            message = "drift not checked: entries/ has errors (run `awesome-tools check`)"
            diagnostics.append(Diagnostic(source.display, 1, 1, "drift", message, "warning"))
        else:
            try:
                expected = render_readme(list(entries.values()), categories, root=root)
            except TemplateProblem as problem:
                return _report([problem.diagnostic], args, files=1)
            entry_files = {entry.name.casefold(): path for path, entry in entries.items()}
    diagnostics += lint_text(
        text,
        source.display,
        expected=expected,
        entry_files=entry_files,
        template=template_path(root),
    )
    return _report(sorted(diagnostics), args, files=1)


def _clash(root: Path, cwd: Path, name: str | None, url: str | None) -> str | None:
    """Say which entry already holds this name, file name or paper, if any."""
    from awesome_tools.check import identities
    from awesome_tools.normalize import canonical_text, normalize_url, slugify

    wanted_name = canonical_text(name).casefold() if name else None
    wanted_url = normalize_url(url) if url else None
    for path, keys in identities([(s.display, s.raw) for s in read_entries(root, cwd)]):
        if wanted_name and keys.name and keys.name.casefold() == wanted_name:
            return f"'{name}' is already listed in {path}"
        if name and keys.slug and keys.slug == slugify(name):
            return f"'{name}' gives the file name of {path} ('{keys.name}')"
        if wanted_url and keys.url == wanted_url:
            return f"the paper {url} is already listed in {path}"
    return None


def _ask_all(
    categories: list[str], *, known: Sequence[str] = ()
) -> tuple[dict[str, str], list[str]]:
    """Prompt for each field in turn; an empty answer leaves a placeholder or skips."""
    from awesome_tools.scaffold import fields

    values: dict[str, str] = {}
    skip: list[str] = []
    for field in fields():
        if field.path == ("name",) or field.dotted in known:
            continue
        if any(field.dotted.startswith(f"{s}.") for s in skip):
            continue
        if field.section:
            if not field.required:
                answer = input(f"{field.dotted}: {field.description} Include it? [Y/n] ")
                if answer.strip().lower() in ("n", "no"):
                    skip.append(field.dotted)
            continue
        hint = f" ({', '.join(categories)})" if field.path == ("category",) else ""
        optional = " [optional, Enter to skip]" if not field.required else ""
        answer = input(f"{field.dotted}: {field.description}{hint}{optional}\n> ").strip()
        if answer:
            values[field.dotted] = answer
    return values, skip


def _nothing_written(reason: str) -> int:
    """Say why no entry file was written; exit 1."""
    print(f"awesome-tools: {reason}; nothing written", file=sys.stderr)
    return EXIT_PROBLEMS


def _given_name(args: argparse.Namespace) -> str | None:
    """Return the name given as NAME or as --name; giving both is a usage error."""
    if args.name is not None and args.name_option is not None:
        raise _fail("give the model's name once: as NAME or as --name")
    name: str | None = args.name if args.name is not None else args.name_option
    return name


def _entry_file(root: Path, name: str) -> Path | None:
    """Return entries/<slug>.yaml for a name, or None when the name gives no slug."""
    from awesome_tools.normalize import slugify

    slug = slugify(name)
    return root / ENTRIES / f"{slug}.yaml" if slug else None


def _taken(
    root: Path, cwd: Path, target: Path | None, name: str | None, url: str | None
) -> str | None:
    """Say why the entry must not be written: its file exists or the list holds it."""
    if target is not None and target.exists():
        return f"{display_path(target, cwd)} exists"
    return _clash(root, cwd, name, url)


def _new_categories(
    root: Path, cwd: Path, category: str | None
) -> tuple[list[str], list[Diagnostic]]:
    """Read categories.yaml; an unknown --category is a usage error."""
    categories, problems = _read_categories(root, cwd)
    if not problems and category is not None and category not in categories:
        raise _fail(
            f"unknown category '{category}'; categories.yaml lists: {', '.join(categories)}"
        )
    return categories, problems


def _write_new(
    args: argparse.Namespace,
    root: Path,
    target: Path,
    values: dict[str, str],
    *,
    categories: list[str],
    known: Sequence[str] = (),
) -> int:
    """Ask for the other fields if -i, then write the scaffold; nothing on a clash or cancel."""
    from awesome_tools.project import write_atomic
    from awesome_tools.scaffold import scaffold_text

    cwd = Path.cwd()
    skip: list[str] = []
    if args.interactive:
        if not sys.stdin.isatty():
            raise _fail("--interactive needs a terminal")
        try:
            answers, skip = _ask_all(categories, known=known)
        except (KeyboardInterrupt, EOFError):
            print("\nawesome-tools: cancelled; nothing written", file=sys.stderr)
            return EXIT_PROBLEMS
        values = {**answers, **values}
        clash = _clash(root, cwd, values["name"], values.get("url"))
        if clash:
            return _nothing_written(clash)
    write_atomic(target, scaffold_text(values, categories=categories, skip=skip))
    shown = display_path(target, cwd)
    print(
        f"created {shown}: replace each TODO, then run `make readme` "
        f"(`awesome-tools check {shown}` lists what is left)",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    """Create entries/<slug>.yaml with every field, ready to fill in."""
    from awesome_tools.normalize import canonical_text

    if args.from_arxiv is not None:
        return _new_from_arxiv(args)
    given = _given_name(args)
    if given is None:
        raise _fail("new needs the model's NAME, or --from-arxiv ID_OR_URL to take it from a paper")
    cwd = Path.cwd()
    root = _root(args)
    name = canonical_text(given)
    target = _entry_file(root, name)
    if target is None:
        raise _fail(f"'{given}' has no ASCII letter or digit to build a file name from")
    if args.url is not None:
        from awesome_tools.schema import url_problem

        problem = url_problem(args.url)
        if problem:
            raise _fail(f"--url {problem}")
    taken = _taken(root, cwd, target, name, args.url)
    if taken:
        return _nothing_written(taken)
    categories, problems = _new_categories(root, cwd, args.category)
    if problems:
        return _report(problems, args, files=1)
    given_values = {"name": name, "title": args.title, "url": args.url, "category": args.category}
    values = {key: value for key, value in given_values.items() if value}
    return _write_new(args, root, target, values, categories=categories)


def _arxiv_api() -> str:
    """Return the arXiv API's address: the environment's if set, else arXiv's own."""
    from urllib.parse import urlsplit

    from awesome_tools.arxiv import API, API_ENV

    base = os.environ.get(API_ENV) or API
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise _fail(f"{API_ENV} must be an http:// or https:// address, got '{base}'")
    return base


def _new_from_arxiv(args: argparse.Namespace) -> int:
    """Create the entry file of an arXiv paper with its title, link and date filled in."""
    from awesome_tools import arxiv
    from awesome_tools.normalize import canonical_text

    paper = arxiv.paper_id(args.from_arxiv)
    if paper is None:
        raise _fail(
            f"--from-arxiv needs an arXiv id or link, like 2301.12597 or "
            f"https://arxiv.org/abs/2301.12597; got '{args.from_arxiv}'"
        )
    if args.title is not None or args.url is not None:
        raise _fail("--from-arxiv takes the title and link from the paper: leave out --title/--url")
    given = _given_name(args)
    cwd = Path.cwd()
    root = _root(args)
    base = _arxiv_api()
    url = arxiv.abs_url(paper)
    name = canonical_text(given) if given is not None else None
    target = _entry_file(root, name) if name is not None else None
    if name is not None and target is None:
        raise _fail(f"'{given}' has no ASCII letter or digit to build a file name from")
    if args.interactive and not sys.stdin.isatty():
        raise _fail("--interactive needs a terminal")
    # Everything that can be refused offline is refused before arXiv is asked.
    taken = _taken(root, cwd, target, name, url)
    if taken:
        return _nothing_written(taken)
    categories, problems = _new_categories(root, cwd, args.category)
    if problems:
        return _report(problems, args, files=1)
    try:
        raw = arxiv.fetch_feed(paper, base=base, timeout=arxiv.TIMEOUT)
        found = arxiv.parse_feed(raw, paper)
    except arxiv.ArxivError as exc:
        print(f"awesome-tools: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    if name is None or target is None:
        name = arxiv.default_name(found.title)
        target = _entry_file(root, name)
        if target is None:
            raise _fail(
                f"the paper's title gives the name '{name}', which has no ASCII letter or "
                "digit to build a file name from; give one with --name"
            )
        taken = _taken(root, cwd, target, name, url)
        if taken:
            return _nothing_written(taken)
    values = {"name": name, "title": found.title, "url": url, "released": found.published}
    if args.category is not None:
        values["category"] = args.category
    return _write_new(
        args, root, target, values, categories=categories, known=("title", "url", "released")
    )


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of an entry file and of the JSON export."""
    import json

    from awesome_tools.export import export_json_schema
    from awesome_tools.project import display_path, write_atomic
    from awesome_tools.schema import entry_json_schema

    cwd = Path.cwd()
    root = _root(args)
    categories, problems = _read_categories(root, cwd)
    if problems:
        return _report(problems, args, files=1)
    wanted = {
        root / "schema" / "entry.schema.json": entry_json_schema(categories),
        root / "schema" / "export.schema.json": export_json_schema(categories),
    }
    stale = False
    for target, schema in wanted.items():
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        shown = display_path(target, cwd)
        if args.check:
            current = target.read_text(encoding="utf-8") if target.is_file() else ""
            if current != text:
                print(f"{shown} is stale: run `awesome-tools schema`", file=sys.stderr)
                stale = True
            continue
        changed = write_atomic(target, text)
        print(f"{'wrote' if changed else 'unchanged'} {shown}", file=sys.stderr)
    return EXIT_PROBLEMS if stale else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Write every entry as JSON or CSV, to a file or to standard output."""
    from awesome_tools.export import to_csv, to_json
    from awesome_tools.project import write_atomic

    cwd = Path.cwd()
    root = _root(args)
    entries, _, diagnostics, files = _load_entries(root, cwd)
    if has_errors(diagnostics):
        print("awesome-tools: nothing exported: fix the entries first", file=sys.stderr)
        return _report(diagnostics, args, files=files)
    values = list(entries.values())
    text = to_json(values) if args.export_format == "json" else to_csv(values)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        write_atomic(Path(args.output), text)
        print(f"exported {len(values)} entries to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Turn a README of model blocks into one entry file per model."""
    from awesome_tools.importer import plan_import
    from awesome_tools.project import display_path, write_atomic

    cwd = Path.cwd()
    readme = Path(args.readme)
    if not readme.is_file():
        raise _fail(f"no such file: {args.readme}")
    into = Path(args.into) if args.into else _root(args) / ENTRIES
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
        return _report(plan.diagnostics, args, files=1)
    existing = [into / name for name in plan.files if (into / name).exists()]
    if existing and not args.force:
        for path in existing:
            print(f"awesome-tools: {display_path(path, cwd)} exists", file=sys.stderr)
        print("awesome-tools: nothing written (use --force to overwrite)", file=sys.stderr)
        _report(plan.diagnostics, args, files=1)
        return EXIT_PROBLEMS
    written = sum(write_atomic(into / name, text) for name, text in plan.files.items())
    if plan.categories_text is not None:
        write_atomic(categories_path, plan.categories_text)
    print(
        f"imported {len(plan.files)} entries into {display_path(into, cwd)}/ ({written} written)",
        file=sys.stderr,
    )
    return _report(plan.diagnostics, args, files=1)


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
    check.set_defaults(func=cmd_check)

    imp = sub.add_parser("import", help="turn a README of model blocks into entry files")
    imp.add_argument("readme", metavar="README", help="the README to import")
    imp.add_argument("--into", metavar="DIR", help="where to write entries (default: entries/)")
    imp.add_argument("--force", action="store_true", help="overwrite existing entry files")
    _add_common(imp)
    imp.set_defaults(func=cmd_import)

    render = sub.add_parser("render", help="write README.md from the entries")
    render.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    render.add_argument("--diff", action="store_true", help="show what changes")
    render.add_argument(
        "--exit-non-zero-on-change",
        action="store_true",
        help="exit 1 when README.md was written (for hooks: a new file is a change too)",
    )
    _add_common(render)
    render.set_defaults(func=cmd_render)

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
    new.set_defaults(func=cmd_new)

    lint = sub.add_parser("lint", help="lint a README of model blocks")
    lint.add_argument("readme", nargs="?", metavar="README", help="default: README.md of the root")
    _add_common(lint)
    lint.set_defaults(func=cmd_lint)

    export = sub.add_parser("export", help="write every entry as JSON or CSV")
    export.add_argument(
        "--format",
        dest="export_format",
        choices=("json", "csv"),
        required=True,
        help="json: a list of entries (schema/export.schema.json); csv: one row per entry",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="where to write (default: stdout)")
    export.add_argument(
        "--root", metavar="DIR", help="project root (default: nearest with entries/)"
    )
    export.set_defaults(func=cmd_export, format="text", strict=False)

    schema = sub.add_parser("schema", help="write schema/entry.schema.json")
    schema.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    _add_common(schema)
    schema.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return cast(int, cast(Any, args.func)(args))
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(
            f"awesome-tools: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return EXIT_USAGE
