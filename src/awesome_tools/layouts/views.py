"""The README's views of the whole list, drawn from the facets: the at-a-glance table, the
lineage graph (a Mermaid flowchart from `based_on`) and the release timeline (a Mermaid
timeline, by year). Each is shown where the list's settings name it (`readme_views` in
awesome.yaml, `viewsettings.py`) and its frame places `views` ([index.md](../../docs/index.md)).

The layout hands the entries in its overview's order, each with the anchor of its part in the
README; the text of each view is the layout's template (`<layout>/glance.md.j2`,
`lineage.md.j2`, `timeline.md.j2`), given what is worked out here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from awesome_tools.core.lineage import based_on_edges
from awesome_tools.core.ordering import github_anchor
from awesome_tools.layouts.driftwords import DIAGRAM

if TYPE_CHECKING:
    from collections.abc import Iterator

    from markupsafe import Markup

    from awesome_tools.core.schema import Entry
    from awesome_tools.core.templates import Templates
    from awesome_tools.layouts.drift import Part

# Each view: its heading in the README, in the order the README shows them.
TITLES = {"glance": "At a Glance", "lineage": "Lineage", "timeline": "Releases by Year"}
# The characters Mermaid reads in a label or a timeline event (quotes, brackets, its entity and
# comment marks, statement and event separators, HTML, Markdown), each written as its entity
# code `#NN;`, which Mermaid shows as the character.
_SPECIAL = frozenset('"#;:<>&`|[](){}%\\*_~=')


@dataclass(frozen=True)
class View:
    """One view as the frame places it: its heading's text and anchor, and its text."""

    name: str
    title: str
    anchor: str
    text: Markup


def mermaid_text(text: str) -> Markup:
    """Text that Mermaid shows as written inside a quoted node label or a timeline event (as
    markup: no HTML escape on top, the characters HTML reads are coded already)."""
    import markupsafe

    return markupsafe.Markup("".join(f"#{ord(ch)};" if ch in _SPECIAL else ch for ch in text))


def lineage(entries: Sequence[Entry]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The lineage graph: its nodes (id, name), the entries that build on one of the list or
    are built on, in `entries`' order, and its edges (from the model built on to the one
    built on it). A name `based_on` gives that is no entry of the list is left out (`check`
    refuses it before anything renders)."""
    ids = {id(entry): f"n{n}" for n, entry in enumerate(entries, 1)}
    edges = [(ids[id(base)], ids[id(entry)]) for base, entry in based_on_edges(entries)]
    linked = {node for edge in edges for node in edge}
    nodes = [(ids[id(entry)], entry.name) for entry in entries if ids[id(entry)] in linked]
    return nodes, edges


def years(entries: Sequence[Entry]) -> list[tuple[str, list[str]]]:
    """The entries released, by year, oldest first, each year's in the order of their dates
    (then of `entries`); an entry without a release date has no place on a timeline."""
    dated = sorted((e for e in entries if e.released), key=lambda e: e.released or "")
    by_year: dict[str, list[str]] = {}
    for entry in dated:
        by_year.setdefault((entry.released or "")[:4], []).append(entry.name)
    return list(by_year.items())


def views(
    templates: Templates,
    layout: str,
    shown: Sequence[str],
    ordered: Sequence[Entry],
    anchors: Sequence[str],
) -> list[View]:
    """The views `shown` names (in the README's order), each rendered by the layout's template
    from `ordered` (the overview's order) and `anchors` (each entry's part); a view with
    nothing to show (no lineage, no release date) is left out, heading and all."""
    import markupsafe

    rows = list(zip(ordered, anchors, strict=True))
    context: dict[str, dict[str, object]] = {
        "glance": {"rows": rows},
        "lineage": dict(zip(("nodes", "edges"), lineage(ordered), strict=True)),
        "timeline": {"years": years(ordered)},
    }
    templates.provide(mermaid_text=mermaid_text)
    found = []
    for name in (view for view in TITLES if view in shown):
        given = context[name]
        if not any(given.values()):
            continue
        text = templates.render(f"{layout}/{name}.md.j2", len(ordered), **given)
        title = TITLES[name]
        found.append(View(name, title, github_anchor(title), markupsafe.Markup(text.rstrip("\n"))))
    return found


# The views in a frame, as import writes them where it found them: each under its heading,
# one blank line apart (the packaged frames write them so too).
VIEWS_LOOP = """\
{% for view in views %}
{% if not loop.first %}

{% endif %}
## {{ view.title }}

{{ view.text }}
{% endfor %}"""

# What each view's text starts with (after its heading and a blank line), as its template
# writes it: how import knows a section render wrote from one a person wrote.
_OPENINGS = {
    "glance": ("<table>",),
    "lineage": ("```mermaid", "flowchart LR"),
    "timeline": ("```mermaid", "timeline"),
}
_CLOSINGS = {"glance": "</table>", "lineage": "```", "timeline": "```"}


def view_sections(lines: Sequence[str], end: int) -> tuple[int, int, list[str]] | None:
    """The README's views as render writes them, before line `end` (0-based): the first run
    of `## <title>` sections of views, each holding only its template's text; the line of the
    first heading, the line after the last one's text, and the views' names. None where the
    README has none (a section of that heading a person wrote is not one)."""
    by_heading = {f"## {title}": name for name, title in TITLES.items()}
    found: list[str] = []
    start = stop = -1
    i = 0
    while i < end:
        name = by_heading.get(lines[i].rstrip())
        if name is None or name in found:
            if found and lines[i].startswith("#"):
                break
            i += 1
            continue
        after = next((n for n in range(i + 1, end) if lines[n].startswith("#")), end)
        body = [n for n in range(i + 1, after) if lines[n].strip()]
        shown = [lines[n].rstrip() for n in body]
        opening = _OPENINGS[name]
        if not body or tuple(shown[: len(opening)]) != opening or shown[-1] != _CLOSINGS[name]:
            break
        start = i if start < 0 else start
        found.append(name)
        stop, i = body[-1] + 1, after
    return (start, stop, found) if found else None


# What drift calls a row of the glance table (its entry's part, as an overview row is), and how
# many cells one has. A diagram is the whole list's part (`driftwords.DIAGRAM`).
GLANCE_ROW = "glance row"
GLANCE_CELLS = 8
_DIAGRAMS = {"flowchart LR": "lineage", "timeline": "timeline"}


def view_parts(lines: Sequence[str], start: int, end: int) -> Iterator[Part]:
    """The views' Mermaid diagrams among `lines[start:end]`, each a part of its own (its
    fence, from its opening to its closing line), known by its view's name."""
    from awesome_tools.layouts.drift import Part

    k = start
    while k + 1 < end:
        name = _DIAGRAMS.get(lines[k + 1].rstrip()) if lines[k].rstrip() == "```mermaid" else None
        # The closing fence is looked for only after an opening one: looking from every line
        # would read the rest of a README of 10,000 blocks once per line.
        close = None
        if name is not None:
            close = next((n for n in range(k + 1, end) if lines[n].rstrip() == "```"), None)
        if name is None or close is None:
            k += 1
            continue
        yield Part(k, close + 1, DIAGRAM, name, TITLES[name])
        k = close + 1
