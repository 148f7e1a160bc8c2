"""Entries to a static, searchable web page: index.html and its own CSS and JavaScript."""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import markupsafe
from markdown_it import MarkdownIt
from markdown_it.token import Token

from awesome_tools.core.facettypes import parameter_count
from awesome_tools.core.normalize import slugify
from awesome_tools.core.ordering import newest_first, sections, sort_key
from awesome_tools.core.schema import Entry
from awesome_tools.core.templates import TemplateProblem, Templates
from awesome_tools.core.urls import BadUrl, split_url
from awesome_tools.core.vocabulary import connectors
from awesome_tools.io.textfile import place
from awesome_tools.outputs.facettext import FACET_LABELS, facet_texts
from awesome_tools.outputs.lineagetree import tree_svg
from awesome_tools.outputs.matrix import matrices

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
# The page's heading when the list's settings give no title.
DEFAULT_TITLE = "Awesome Model Architectures"
# The facts a card may show, each only where some entry of the list records it.
FACTS = (
    "released",
    "category",
    "authors",
    "contribution",
    "vision_encoder",
    "language_model",
    "connector",
    "vision_family",
    "language_family",
    "params",
    "modalities",
    "license",
    "open_weights",
    "based_on",
    "based_on_outside",
    "code",
    "weights",
)
# A typed link that records a fact the table layout keeps in a field of its own.
_LINKED_FACT = {"code": "code", "model": "weights"}


def _web_link(url: str) -> bool:
    """Say whether a link of the deep dive may be followed: http(s) to a host, nothing else."""
    try:
        parts = split_url(url)
    except BadUrl:
        return False
    return parts.scheme in ("http", "https") and bool(parts.host)


def _prose_parser() -> MarkdownIt:
    """CommonMark with raw HTML shown as text and only http(s) links and images."""
    parser = MarkdownIt("commonmark", {"html": False})
    parser.validateLink = _web_link  # type: ignore[method-assign]
    return parser


_PROSE = _prose_parser()


def prose_html(markdown: str) -> markupsafe.Markup:
    """Render Markdown prose to safe HTML, each top-level block searchable as one field ("f")."""
    tokens = _PROSE.parse(markdown)
    for token in tokens:
        if token.level == 0 and token.nesting != -1 and token.type != "inline":
            token.attrJoin("class", "f")
    return markupsafe.Markup(_PROSE.renderer.render(tokens, _PROSE.options, {}).rstrip("\n"))


def _text_of(tokens: Sequence[Token]) -> str:
    """The text an inline run shows, images and markup left out."""
    parts = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def plain_title(markdown: str | None) -> str:
    """The list's title (a line of Markdown in its settings, badges and all) as plain text."""
    if markdown is None:
        return DEFAULT_TITLE
    runs = [child for token in _PROSE.parseInline(markdown) for child in token.children or []]
    text = " ".join(_text_of(runs).split())
    return text or DEFAULT_TITLE


@dataclass(frozen=True)
class Card:
    """One model as the page shows it, with the values its filters and sorting read."""

    entry: Entry
    slug: str
    section: str
    year: str
    rank: int  # position in the newest-first order
    size_rank: int  # position in the largest-first order (by the largest released size)
    linked: frozenset[str]  # the facts its typed links record ("code", "weights")
    deep_dive: markupsafe.Markup | None  # the deep dive as safe HTML
    facets: dict[str, str]  # the comparable facets as text (facettext.FACET_LABELS)


@dataclass(frozen=True)
class Facets:
    """The values each filter offers, and the facts shown, taken from the entries."""

    categories: list[str]
    connectors: list[str]
    years: list[str]
    shown: frozenset[str]  # the FACTS some entry records; a filter is offered only for these


def _linked(entry: Entry) -> frozenset[str]:
    """The facts an entry's typed links record: a code link records its code, and so on."""
    return frozenset(
        _LINKED_FACT[link.kind] for link in entry.links or [] if link.kind in _LINKED_FACT
    )


def _recorded(entries: Sequence[Entry], linked: Sequence[frozenset[str]]) -> frozenset[str]:
    """The facts that at least one entry records (a link shown as a badge counts)."""
    found = {fact for kinds in linked for fact in kinds}
    for entry in entries:
        found.update(fact for fact in FACTS if getattr(entry, fact))
    return frozenset(found)


def largest(entry: Entry) -> int | None:
    """The largest total of an entry's released sizes, None when it records none."""
    return max((parameter_count(size)[0] for size in entry.params or []), default=None)


def largest_first(entries: Sequence[Entry]) -> list[Entry]:
    """The entries by their largest released size, largest first; those without one last, ties
    by name."""
    by_name = sorted(entries, key=sort_key)
    sized = [(size, e) for e in by_name if (size := largest(e)) is not None]
    sized.sort(key=lambda pair: -pair[0])
    return [e for _, e in sized] + [e for e in by_name if e.params is None]


def cards(entries: Sequence[Entry], categories: Sequence[str]) -> tuple[list[Card], Facets]:
    """Order the models by name, each with its section and release and size ranks; collect
    the facets."""
    groups = sections(entries, categories)
    section_of = {id(entry): group.name for group in groups for entry in group.entries}
    rank = {id(entry): index for index, entry in enumerate(newest_first(entries))}
    size_rank = {id(entry): index for index, entry in enumerate(largest_first(entries))}
    made = [
        Card(
            entry,
            slugify(entry.name),
            section_of[id(entry)],
            (entry.released or "")[:4],
            rank[id(entry)],
            size_rank[id(entry)],
            _linked(entry),
            prose_html(entry.deep_dive) if entry.deep_dive else None,
            facet_texts(entry),
        )
        for entry in sorted(entries, key=sort_key)
    ]
    shown = _recorded(entries, [card.linked for card in made])
    used = {name for entry in entries for name in entry.connectors}
    facets = Facets(
        categories=[group.name for group in groups] if "category" in shown else [],
        connectors=[name for name in connectors() if name in used],
        years=sorted({card.year for card in made if card.year}, reverse=True),
        shown=shown,
    )
    return made, facets


def local_figures(entries: Sequence[Entry]) -> list[str]:
    """The local figures the entries name (paths relative to the list's root), each once, sorted."""
    return sorted({e.local_figure for e in entries if e.local_figure is not None})


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
    line, column = place(text, found.start())
    held = found.group()
    escaped = held[0] + "\\" + held[1:]
    message = (
        f"the script cannot be embedded in the page: '{held}' would break its <script> element; "
        f"in a string, write '{escaped}'"
    )
    raise TemplateProblem.at(shown, line, column, message)


def build_site(
    entries: Sequence[Entry],
    categories: Sequence[str],
    *,
    templates: Templates,
    title: str | None = None,
) -> dict[str, str]:
    """Return the page's files by name; the same entries always give the same bytes.

    `title` is the list's, as its settings give it (a line of Markdown); the page shows its text.

    Raises TemplateProblem when a template or an asset is missing, does not compile or fails.
    """
    env = templates.env
    loader = env.loader
    assert loader is not None
    made, facets = cards(entries, categories)
    with templates.rendering(len(made), TEMPLATE):
        sources = {name: loader.get_source(env, f"{FOLDER}/{name}")[:2] for name in ASSETS}
        assets = {name: text for name, (text, _) in sources.items()}
        script = _embeddable(*sources[SCRIPT], templates.root)
        page = templates.render(
            TEMPLATE,
            len(made),
            cards=made,
            facets=facets,
            title=plain_title(title),
            count=len(made),
            chunk=CHUNK,
            script=script,
            tree=markupsafe.Markup(tree_svg(entries)),
            matrices=matrices(entries),
            facet_labels=FACET_LABELS,
            assets={name: _versioned(name, text) for name, text in assets.items()},
        ).rstrip("\n")
    return {PAGE: page + "\n", **assets}
