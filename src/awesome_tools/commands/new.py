"""`awesome-tools new`: scaffold an entry file, by hand, interactively or from arXiv."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    fail,
    project_root,
    report,
)
from awesome_tools.diagnostics import Diagnostic, visible
from awesome_tools.project import (
    ENTRIES,
    display_path,
    read_categories,
    read_entries,
    read_fixes,
)
from awesome_tools.ruleids import RuleId


def _clash(root: Path, cwd: Path, name: str | None, url: str | None) -> str | None:
    """Say which entry already holds this name, file name or paper, if any."""
    from awesome_tools.entrycheck import identities
    from awesome_tools.normalize import canonical_text, normalize_url, slugify

    wanted_name = canonical_text(name).casefold() if name else None
    wanted_url = normalize_url(url) if url else None
    for path, keys in identities([(s.display, s.raw) for s in read_entries(root, cwd).sources]):
        if wanted_name and keys.name and keys.name.casefold() == wanted_name:
            return f"'{name}' is already listed in {path}"
        if name and keys.slug and keys.slug == slugify(name):
            return f"'{name}' gives the file name of {path} ('{keys.name}')"
        if wanted_url and keys.url == wanted_url:
            return f"the paper {url} is already listed in {path}"
    return None


def _refusal(rule: RuleId, message: str) -> str:
    return f"error[{rule}] {message}"


def _answer_problem(
    path: tuple[str, ...], answer: str, *, categories: list[str], root: Path, cwd: Path
) -> str | None:
    """Say what `check` would report about one typed answer, or None when it is fine."""
    from awesome_tools.validate import field_problem

    found = field_problem(path, answer, categories=categories)
    if found is not None:
        return _refusal(*found)
    clash = _clash(root, cwd, None, answer) if path == ("url",) else None
    return _refusal("duplicate-entry", clash) if clash else None


def _ask_all(
    categories: list[str], *, root: Path, cwd: Path, known: Sequence[str] = ()
) -> tuple[dict[str, str], list[str]]:
    """Prompt for each field in turn, again until the answer passes; empty leaves a placeholder."""
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
        while answer := input(f"{field.dotted}: {field.description}{hint}{optional}\n> ").strip():
            problem = _answer_problem(field.path, answer, categories=categories, root=root, cwd=cwd)
            if problem is None:
                values[field.dotted] = answer
                break
            print(problem, file=sys.stderr)
    return values, skip


def _nothing_written(reason: str) -> int:
    """Say why no entry file was written; exit 1."""
    print(visible(f"awesome-tools: {reason}; nothing written"), file=sys.stderr)
    return EXIT_PROBLEMS


def _given_name(args: argparse.Namespace) -> str | None:
    """Return the name given as NAME or as --name; giving both is a usage error."""
    if args.name is not None and args.name_option is not None:
        raise fail("give the model's name once: as NAME or as --name")
    name: str | None = args.name if args.name is not None else args.name_option
    return name


def _entry_file(root: Path, name: str) -> Path | None:
    """Return entries/<slug>.yaml for a name, or None when the name gives no slug.

    A name `check` would refuse as too long is a usage error, with check's message.
    """
    from awesome_tools.normalize import name_length_problem, slugify

    too_long = name_length_problem(name)
    if too_long:
        raise fail(f"{too_long}; give a shorter name")
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
    categories, problems = read_categories(root, cwd)
    if not problems and category is not None and category not in categories:
        raise fail(f"unknown category '{category}'; categories.yaml lists: {', '.join(categories)}")
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
    from awesome_tools.files import write_atomic
    from awesome_tools.layout import TABLE
    from awesome_tools.scaffold import scaffold_text

    cwd = Path.cwd()
    skip: list[str] = []
    if args.interactive:
        if not sys.stdin.isatty():
            raise fail("--interactive needs a terminal")
        try:
            answers, skip = _ask_all(categories, root=root, cwd=cwd, known=known)
        except (KeyboardInterrupt, EOFError):
            print("\nawesome-tools: cancelled; nothing written", file=sys.stderr)
            return EXIT_PROBLEMS
        values = {**answers, **values}
        clash = _clash(root, cwd, values["name"], values.get("url"))
        if clash:
            return _nothing_written(clash)
    shown = display_path(target, cwd)
    text = scaffold_text(values, categories=categories, required=TABLE.required, skip=skip)
    try:
        # Exclusive: a file that appeared while the questions were answered is never replaced.
        write_atomic(target, text, within=root, exclusive=True)
    except FileExistsError:
        return _nothing_written(f"{shown} exists")
    fixes = read_fixes(root)
    print(
        f"created {shown}: replace each TODO, then run `{fixes.render}` "
        f"(`{fixes.check_file(shown)}` lists what is left)",
        file=sys.stderr,
    )
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Create entries/<slug>.yaml with every field, ready to fill in."""
    from awesome_tools.normalize import canonical_text

    if args.from_arxiv is not None:
        return _new_from_arxiv(args)
    given = _given_name(args)
    if given is None:
        raise fail("new needs the model's NAME, or --from-arxiv ID_OR_URL to take it from a paper")
    cwd = Path.cwd()
    root = project_root(args)
    name = canonical_text(given)
    target = _entry_file(root, name)
    if target is None:
        raise fail(f"'{given}' has no ASCII letter or digit to build a file name from")
    if args.url is not None:
        from awesome_tools.schema import url_problem

        problem = url_problem(args.url)
        if problem:
            raise fail(f"--url {problem}")
    taken = _taken(root, cwd, target, name, args.url)
    if taken:
        return _nothing_written(taken)
    categories, problems = _new_categories(root, cwd, args.category)
    if problems:
        return report(problems, args, files=1)
    given_values = {"name": name, "title": args.title, "url": args.url, "category": args.category}
    values = {key: value for key, value in given_values.items() if value}
    return _write_new(args, root, target, values, categories=categories)


def _arxiv_api() -> str:
    """Return the arXiv API's address: the environment's if set, else arXiv's own."""
    from awesome_tools.arxiv import API, API_ENV
    from awesome_tools.urls import BadUrl, split_url

    base = os.environ.get(API_ENV) or API
    try:
        link = split_url(base)
    except BadUrl as exc:
        raise fail(f"{API_ENV}: {exc}") from None
    if link.scheme not in ("http", "https") or not link.host:
        raise fail(f"{API_ENV} must be an http:// or https:// address, got '{base}'")
    return base


def _new_from_arxiv(args: argparse.Namespace) -> int:
    """Create the entry file of an arXiv paper with its title, link and date filled in."""
    from awesome_tools import arxiv
    from awesome_tools.normalize import canonical_text

    paper = arxiv.paper_id(args.from_arxiv)
    if paper is None:
        raise fail(
            f"--from-arxiv needs an arXiv id or link, like 2301.12597 or "
            f"https://arxiv.org/abs/2301.12597; got '{args.from_arxiv}'"
        )
    if args.title is not None or args.url is not None:
        raise fail("--from-arxiv takes the title and link from the paper: leave out --title/--url")
    given = _given_name(args)
    cwd = Path.cwd()
    root = project_root(args)
    base = _arxiv_api()
    url = arxiv.abs_url(paper)
    name = canonical_text(given) if given is not None else None
    target = _entry_file(root, name) if name is not None else None
    if name is not None and target is None:
        raise fail(f"'{given}' has no ASCII letter or digit to build a file name from")
    if args.interactive and not sys.stdin.isatty():
        raise fail("--interactive needs a terminal")
    # Everything that can be refused offline is refused before arXiv is asked.
    taken = _taken(root, cwd, target, name, url)
    if taken:
        return _nothing_written(taken)
    categories, problems = _new_categories(root, cwd, args.category)
    if problems:
        return report(problems, args, files=1)
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
            raise fail(
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
