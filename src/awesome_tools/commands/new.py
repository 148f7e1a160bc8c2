"""`awesome-tools new`: scaffold an entry file, by hand, interactively or from arXiv."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from awesome_tools.commands.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    fail,
    project_root,
    report,
    say,
)
from awesome_tools.engine.project import (
    ENTRIES,
    display_path,
    read_categories,
    read_entries,
    read_fixes,
    read_settings,
)
from awesome_tools.layouts import layout_named
from awesome_tools.ruleids import RuleId

if TYPE_CHECKING:
    from awesome_tools.layouts.base import Layout


def _clash(root: Path, cwd: Path, name: str | None, url: str | None) -> str | None:
    """Say which entry already holds this name, file name or paper, if any."""
    from awesome_tools.core.entrycheck import identities
    from awesome_tools.core.normalize import canonical_text, normalize_url, slugify
    from awesome_tools.core.unicodepolicy import name_key, shown, skeleton_key

    text = canonical_text(name) if name else ""
    wanted_name = name_key(text) if text else None
    wanted_url = normalize_url(url) if url else None
    for path, keys in identities([(s.display, s.raw) for s in read_entries(root, cwd).sources]):
        if wanted_name and keys.name and name_key(keys.name) == wanted_name:
            return f"'{name}' is already listed in {path}"
        # As `check` compares them: by what they read as, where either goes beyond ASCII.
        beyond = keys.name and not (text.isascii() and keys.name.isascii())
        if beyond and skeleton_key(text) == skeleton_key(keys.name or ""):
            return f"'{shown(text)}' reads as '{shown(keys.name or '')}' of {path}"
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
    from awesome_tools.core.validate import field_problem

    found = field_problem(path, answer, categories=categories)
    if found is not None:
        return _refusal(*found)
    clash = _clash(root, cwd, None, answer) if path == ("url",) else None
    return _refusal("duplicate-entry", clash) if clash else None


def _nothing_written(reason: str) -> int:
    """Say why no entry file was written; exit 1."""
    say([f"awesome-tools: {reason}; nothing written"])
    return EXIT_PROBLEMS


def _given_name(args: argparse.Namespace) -> str | None:
    """Return the name given as NAME or as --name; giving both is a usage error."""
    if args.name is not None and args.name_option is not None:
        raise fail("give the model's name once: as NAME or as --name")
    name: str | None = args.name if args.name is not None else args.name_option
    return name


def _entry_file(root: Path, name: str, *, origin: str, hint: str = "") -> Path:
    """Return entries/<slug>.yaml for a name; a name `check` would refuse is a usage error.

    `origin` says where the name came from and `hint` what to do, for the message.
    """
    from awesome_tools.core.normalize import name_length_problem, slugify
    from awesome_tools.core.unicodepolicy import hidden_problem

    hidden = hidden_problem(name)
    if hidden is not None:
        raise fail(f"the name {hidden[1]}")
    too_long = name_length_problem(name)
    if too_long:
        raise fail(f"{too_long}; give a shorter name")
    slug = slugify(name)
    if not slug:
        raise fail(f"{origin} has no ASCII letter or digit to build a file name from{hint}")
    return root / ENTRIES / f"{slug}.yaml"


def _taken(
    root: Path, cwd: Path, target: Path | None, name: str | None, url: str | None
) -> str | None:
    """Say why the entry must not be written: its file exists or the list holds it; a path
    that leads out of the project raises RefusedWrite (before any question is asked)."""
    from awesome_tools.io.files import refuse_outside

    if target is not None:
        refuse_outside([target], root)
    if target is not None and target.exists():
        return f"{display_path(target, cwd)} exists"
    return _clash(root, cwd, name, url)


def _interview(
    root: Path,
    cwd: Path,
    layout: Layout,
    values: dict[str, str],
    *,
    categories: list[str],
    known: Sequence[str],
) -> tuple[dict[str, str], list[str]] | int:
    """Ask for the layout's fields (`new -i`): the values and the sections to leave out, or
    the exit code when the contributor stops or the answers name a model the list has."""
    from awesome_tools.commands.interview import Interview

    interview = Interview(
        categories,
        lambda path, answer: _answer_problem(
            path, answer, categories=categories, root=root, cwd=cwd
        ),
        layout.required,
        layout.suggested,
        layout.shown,
        known=(*known, *values),
    )
    try:
        interview.run()
    except KeyboardInterrupt:
        print("\nawesome-tools: interrupted; nothing written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except EOFError:
        print("\nawesome-tools: cancelled; nothing written", file=sys.stderr)
        return EXIT_PROBLEMS
    values = {**interview.values, **values}
    clash = _clash(root, cwd, values["name"], values.get("url"))
    if clash:
        return _nothing_written(clash)
    return values, interview.skip


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
    from awesome_tools.core.normalize import device_note
    from awesome_tools.io.files import write_atomic
    from awesome_tools.outputs.scaffold import scaffold_text

    cwd = Path.cwd()
    layout = layout_named(read_settings(root, cwd)[0].layout)
    skip: list[str] = []
    if args.interactive:
        asked = _interview(root, cwd, layout, values, categories=categories, known=known)
        if isinstance(asked, int):
            return asked
        values, skip = asked
    shown = display_path(target, cwd)
    text = scaffold_text(
        values,
        categories=categories,
        required=layout.required,
        suggested=layout.suggested,
        skip=skip,
    )
    try:
        # Exclusive: a file that appeared while the questions were answered is never replaced.
        write_atomic(target, text, within=root, exclusive=True)
    except FileExistsError:
        return _nothing_written(f"{shown} exists")
    fixes = read_fixes(root)
    device = device_note(values["name"])
    say(
        [
            *([f"awesome-tools: {device}"] if device else []),
            f"created {shown}: replace each TODO, then run `{fixes.render}` "
            f"(`{fixes.check_file(shown)}` lists what is left)",
        ]
    )
    return EXIT_OK


@dataclass
class _Request:
    """What the command line asks for, resolved: the model, its file and the known values."""

    values: dict[str, str]
    target: Path | None  # None until the paper's title gives the name
    paper: str | None = None  # the arXiv id to fetch the title, link and date from


def _resolve(args: argparse.Namespace, root: Path) -> _Request:
    """Turn the command line into a request; anything malformed is a usage error (exit 2)."""
    from awesome_tools.core.normalize import canonical_text

    given = _given_name(args)
    name = canonical_text(given) if given is not None else None
    target = _entry_file(root, name, origin=f"'{given}'") if name is not None else None
    if args.interactive and not sys.stdin.isatty():
        raise fail("--interactive needs a terminal")
    values = {"name": name, "category": args.category}
    if args.from_arxiv is None:
        if name is None:
            raise fail(
                "new needs the model's NAME, or --from-arxiv ID_OR_URL to take it from a paper"
            )
        if args.url is not None:
            from awesome_tools.core.fieldtypes import url_problem

            problem = url_problem(args.url)
            if problem:
                raise fail(f"--url {problem}")
        values |= {"title": args.title, "url": args.url}
        return _Request({k: v for k, v in values.items() if v}, target)
    from awesome_tools.core import arxiv

    paper = arxiv.paper_id(args.from_arxiv)
    if paper is None:
        raise fail(
            f"--from-arxiv needs an arXiv id or link, like 2301.12597 or "
            f"https://arxiv.org/abs/2301.12597; got '{args.from_arxiv}'"
        )
    if args.title is not None or args.url is not None:
        raise fail("--from-arxiv takes the title and link from the paper: leave out --title/--url")
    values["url"] = arxiv.abs_url(paper)
    return _Request({k: v for k, v in values.items() if v}, target, paper)


def _fetch(request: _Request, root: Path) -> _Request:
    """Fill in the paper's title, link and date from arXiv; the name from its title if none.

    Raises ArxivError when arXiv cannot be asked or gives no such paper.
    """
    from awesome_tools.core import arxiv

    assert request.paper is not None
    found = arxiv.parse_feed(
        arxiv.fetch_feed(request.paper, base=_arxiv_api(), timeout=arxiv.TIMEOUT), request.paper
    )
    values = {**request.values, "title": found.title, "released": found.published}
    target = request.target
    if target is None:
        values["name"] = arxiv.default_name(found.title)
        origin = f"the paper's title gives the name '{values['name']}', which"
        target = _entry_file(root, values["name"], origin=origin, hint="; give one with --name")
    return _Request(values, target, request.paper)


def run(args: argparse.Namespace) -> int:
    """Create entries/<slug>.yaml with every field, ready to fill in.

    One pipeline: resolve the command line, refuse offline whatever can be refused (a file or
    model already there, a broken categories.yaml), ask arXiv if a paper is given, write.
    """
    from awesome_tools.core import arxiv

    cwd = Path.cwd()
    root = project_root(args)
    request = _resolve(args, root)
    if request.paper is not None:
        _arxiv_api()  # a bad address is a usage error before anything else
    taken = _taken(root, cwd, request.target, request.values.get("name"), request.values.get("url"))
    if taken:
        return _nothing_written(taken)
    categories, problems = read_categories(root, cwd)
    if problems:
        return report(problems, args, files=1)
    category = request.values.get("category")
    if category is not None and category not in categories:
        if not categories:
            raise fail(f"unknown category '{category}': the list has none; leave out --category")
        raise fail(f"unknown category '{category}'; categories.yaml lists: {', '.join(categories)}")
    known: tuple[str, ...] = ()
    if request.paper is not None:
        try:
            request = _fetch(request, root)
        except arxiv.ArxivError as exc:
            offline = (
                _without_arxiv(args, request) if isinstance(exc, arxiv.ArxivUnreachable) else ""
            )
            say([f"awesome-tools: {exc}{offline}"])
            return EXIT_PROBLEMS
        known = ("title", "url", "released")
        if args.name is None and args.name_option is None:
            # The name came from the title: it may clash where the given one could not.
            taken = _taken(root, cwd, request.target, request.values["name"], None)
            if taken:
                return _nothing_written(taken)
    assert request.target is not None
    return _write_new(
        args, root, request.target, request.values, categories=categories, known=known
    )


def _without_arxiv(args: argparse.Namespace, request: _Request) -> str:
    """The same `new` with the title and link given by hand, for when arXiv cannot be asked."""
    import shlex

    from awesome_tools.core import arxiv

    assert request.paper is not None
    name = request.values.get("name")
    words = ["awesome-tools", "new", shlex.quote(name) if name else "NAME"]
    words += ["--title", "TITLE", "--url", arxiv.abs_url(request.paper)]
    if args.category is not None:
        words += ["--category", shlex.quote(args.category)]
    if args.interactive:
        words.append("-i")
    return f"; without arXiv, give the title and link yourself: {' '.join(words)}"


def _arxiv_api() -> str:
    """Return the arXiv API's address: the environment's if set, else arXiv's own."""
    from awesome_tools.core.arxiv import API, API_ENV
    from awesome_tools.core.urls import BadUrl, split_url

    base = os.environ.get(API_ENV) or API
    try:
        link = split_url(base)
    except BadUrl as exc:
        raise fail(f"{API_ENV}: {exc}") from None
    if link.scheme not in ("http", "https") or not link.host:
        raise fail(f"{API_ENV} must be an http:// or https:// address, got '{base}'")
    return base
