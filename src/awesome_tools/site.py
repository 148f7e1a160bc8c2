"""Entries to a static, searchable web page: index.html and its own CSS and JavaScript."""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markupsafe

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.normalize import slugify
from awesome_tools.ordering import newest_first, sections, sort_key
from awesome_tools.schema import Entry
from awesome_tools.templates import TemplateProblem, Templates
from awesome_tools.vocabulary import connectors

FOLDER = "site"
PAGE = "index.html"
TEMPLATE = f"{FOLDER}/{PAGE}.j2"
# Copied as they are (not rendered), each from the project's templates/site/ when it has one.
ASSETS = ("site.css", "site.js")
# Embedded in the page as an inline module: a browser refuses a module file from file://.
SCRIPT = "site.js"
# Either breaks the page's <script> element: '</script' ends it early, '<!--' may keep it open.
_SCRIPT_BREAK = re.compile(r"</script|<!--", re.IGNORECASE)
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


def _embeddable(text: str, source: str | None, root: Path | None) -> markupsafe.Markup:
    """Return the script's text for the page, refusing text that would break its element."""
    found = _SCRIPT_BREAK.search(text)
    if found is None:
        return markupsafe.Markup(text)
    shown = f"{FOLDER}/{SCRIPT}"
    if root is not None and source is not None:
        with contextlib.suppress(ValueError):
            shown = Path(source).resolve().relative_to(root.resolve()).as_posix()
    start = found.start()
    line = text.count("\n", 0, start) + 1
    column = start - text.rfind("\n", 0, start)
    held = found.group()
    escaped = held[0] + "\\" + held[1:]
    message = (
        f"the script cannot be embedded in the page: '{held}' would break its <script> element; "
        f"in a string, write '{escaped}'"
    )
    raise TemplateProblem(Diagnostic(shown, line, column, "template", message))


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
        sources = {name: loader.get_source(env, f"{FOLDER}/{name}")[:2] for name in ASSETS}
        assets = {name: text for name, (text, _) in sources.items()}
        script = _embeddable(*sources[SCRIPT], templates.root)
        page = (
            env.get_template(TEMPLATE)
            .render(
                cards=made,
                facets=facets,
                count=len(made),
                chunk=CHUNK,
                script=script,
                assets={name: _versioned(name, text) for name, text in assets.items()},
            )
            .rstrip("\n")
        )
    except jinja2.TemplateError as exc:
        raise templates.problem(exc, template=TEMPLATE) from None
    return {PAGE: page + "\n", **assets}
