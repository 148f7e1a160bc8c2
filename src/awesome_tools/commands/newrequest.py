"""What `new` is asked for, resolved: the model, its file, the paper to take them from."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from awesome_tools.commands.common import (
    fail,
)
from awesome_tools.engine.project import (
    ENTRIES,
    display_path,
    read_entries,
)

if TYPE_CHECKING:
    from awesome_tools.core.crossentry import Keys


def listed(root: Path, cwd: Path) -> list[tuple[str, Keys]]:
    """What identifies each entry the list holds (its name, file name and paper), by file."""
    from awesome_tools.core.entrycheck import identities

    return identities([(s.display, s.raw) for s in read_entries(root, cwd).sources])


def clash_with(root: Path, cwd: Path, name: str | None, url: str | None) -> str | None:
    """Say which entry already holds this name, file name or paper, if any."""
    from awesome_tools.core.crossentry import clash

    return clash(listed(root, cwd), name, url)


def refusal(rule: str, message: str) -> str:
    return f"error[{rule}] {message}"


def given_name(args: argparse.Namespace) -> str | None:
    """Return the name given as NAME or as --name; giving both is a usage error."""
    if args.name is not None and args.name_option is not None:
        raise fail("give the model's name once: as NAME or as --name")
    name: str | None = args.name if args.name is not None else args.name_option
    return name


def entry_file(root: Path, name: str, *, origin: str, hint: str = "") -> Path:
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


def taken_by(
    root: Path, cwd: Path, target: Path | None, name: str | None, url: str | None
) -> str | None:
    """Say why the entry must not be written: its file exists or the list holds it; a path
    that leads out of the project raises RefusedWrite (before any question is asked)."""
    from awesome_tools.io.files import refuse_outside

    if target is not None:
        refuse_outside([target], root)
    if target is not None and target.exists():
        return f"{display_path(target, cwd)} exists"
    return clash_with(root, cwd, name, url)


@dataclass
class Request:
    """What the command line asks for, resolved: the model, its file and the known values."""

    values: dict[str, str]
    target: Path | None  # None until the paper's title gives the name
    paper: str | None = None  # the arXiv id to fetch the title, link and date from


def resolve(args: argparse.Namespace, root: Path) -> Request:
    """Turn the command line into a request; anything malformed is a usage error (exit 2)."""
    from awesome_tools.core.normalize import canonical_text

    given = given_name(args)
    name = canonical_text(given) if given is not None else None
    target = entry_file(root, name, origin=f"'{given}'") if name is not None else None
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
        return Request({k: v for k, v in values.items() if v}, target)
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
    return Request({k: v for k, v in values.items() if v}, target, paper)


def fetch(request: Request, root: Path) -> Request:
    """Fill in the paper's title, link and date from arXiv; the name from its title if none.

    Raises ArxivError when arXiv cannot be asked or gives no such paper.
    """
    from awesome_tools.core import arxiv

    assert request.paper is not None
    found = arxiv.parse_feed(
        arxiv.fetch_feed(request.paper, base=arxiv_api(), timeout=arxiv.TIMEOUT), request.paper
    )
    values = {**request.values, "title": found.title, "released": found.published}
    target = request.target
    if target is None:
        values["name"] = arxiv.default_name(found.title)
        origin = f"the paper's title gives the name '{values['name']}', which"
        target = entry_file(root, values["name"], origin=origin, hint="; give one with --name")
    return Request(values, target, request.paper)


def without_arxiv(args: argparse.Namespace, request: Request) -> str:
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


def arxiv_api() -> str:
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
