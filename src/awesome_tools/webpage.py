"""Entries to a static, searchable web page: index.html and its own CSS and JavaScript."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from awesome_tools.normalize import slugify
from awesome_tools.ordering import newest_first, sections, sort_key
from awesome_tools.schema import Entry
from awesome_tools.templates import Templates
from awesome_tools.vocabulary import connectors

FOLDER = "site"
PAGE = "index.html"
TEMPLATE = f"{FOLDER}/{PAGE}.j2"
# Copied as they are (not rendered), each from the project's templates/site/ when it has one.
ASSETS = ("site.css", "site.js")
# Cards per group that the browser lays out, or skips while off-screen, as one.
CHUNK = 100


@dataclass(frozen=True)
class Card:
    """One model as the page shows it, with the values its filters and sorting read."""

    entry: Entry
    slug: str
    section: str
    year: str
    rank: int  # position in the newest-first order


@dataclass(frozen=True)
class Facets:
    """The values each filter offers, taken from the entries."""

    categories: list[str]
    connectors: list[str]
    years: list[str]


def cards(entries: Sequence[Entry], categories: Sequence[str]) -> tuple[list[Card], Facets]:
    """Order the models by name, each with its section and release rank; collect the facets."""
    groups = sections(entries, categories)
    section_of = {id(entry): group.name for group in groups for entry in group.entries}
    rank = {id(entry): index for index, entry in enumerate(newest_first(entries))}
    made = [
        Card(
            entry,
            slugify(entry.name),
            section_of[id(entry)],
            (entry.released or "")[:4],
            rank[id(entry)],
        )
        for entry in sorted(entries, key=sort_key)
    ]
    used = {entry.connector for entry in entries if entry.connector}
    facets = Facets(
        categories=[group.name for group in groups],
        connectors=[name for name in connectors() if name in used],
        years=sorted({card.year for card in made if card.year}, reverse=True),
    )
    return made, facets


def _versioned(name: str, text: str) -> str:
    """Link an asset with a digest of its text, so a browser never mixes old and new files."""
    return f"{name}?v={hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def build_site(
    entries: Sequence[Entry], categories: Sequence[str], *, templates: Templates
) -> dict[str, str]:
    """Return the page's files by name; the same entries always give the same bytes.

    Raises TemplateProblem when a template or an asset is missing, does not compile or fails.
    """
    env = templates.env
    loader = env.loader
    assert loader is not None
    made, facets = cards(entries, categories)
    try:
        assets = {name: loader.get_source(env, f"{FOLDER}/{name}")[0] for name in ASSETS}
        page = (
            env.get_template(TEMPLATE)
            .render(
                cards=made,
                facets=facets,
                count=len(made),
                chunk=CHUNK,
                assets={name: _versioned(name, text) for name, text in assets.items()},
            )
            .rstrip("\n")
        )
    except jinja2.TemplateError as exc:
        raise templates.problem(exc, template=TEMPLATE) from None
    return {PAGE: page + "\n", **assets}
