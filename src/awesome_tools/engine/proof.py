"""Whether a list's templates render clean READMEs: lint's shortcut for a README that is current.

When README.md is exactly what `render` makes of the entries, every finding of lint would be the
templates' doing. Instead of parsing the whole README (most of lint's time), lint then renders
probe entries through the same templates and lints that small README in full:

- one real entry for each shape of entry in the list (the fields it gives, the kinds of its
  links, the short values such as flags that templates branch on), so that every branch the
  templates take on the list's entries is taken;
- a copy of each with every free-text field holding markup, quotes, entities and Markdown
  (`</details></td></table>` and so on) and with the same title as the others, so that a
  template that lets text through unescaped, or writes the same thing for two entries, shows.

The templates are trusted with the README only if that README has no finding at all and is at
rest at every line where a model block starts (no fence, raw HTML block, comment or `<details>`
open there: `lintpart.cuts_at_rest`), so that lint may cut README.md there. What the
probes cannot show is a template whose structure depends on a field's exact value beyond those
short values (say `{% if entry.name == "X" %}`): such a template is trusted on the probes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

if TYPE_CHECKING:
    from awesome_tools.core.schema import Entry
    from awesome_tools.core.settings import Settings
    from awesome_tools.core.templates import Templates
    from awesome_tools.layouts.base import Layout

# Markup, quotes, entities and Markdown in one line of canonical text.
HOSTILE = (
    "Probe <b>bold</b> &amp; &lt;x&gt; \"quoted\" 'single' </summary></details></td></tr>"
    "</table> <details><table> <!-- note --> | pipe | *star* _under_ `code` [link](#x) # "
    "<script> <pre> <!-- open ``` ~~~"
)
# Lower-case words this short are kept in an entry's shape: flags (yes/no), `br`, `line`, link
# kinds (paper ... project).
SHORT = 8

Shape = tuple[Any, ...]


def shape(value: object) -> Shape | str:
    """What templates can branch on in an entry: which fields it gives, nested; link kinds and
    short values."""
    if isinstance(value, BaseModel):
        return tuple((key, shape(item)) for key, item in value.__dict__.items() if item is not None)
    if isinstance(value, list):
        return tuple(shape(item) for item in value)
    if isinstance(value, str) and len(value) <= SHORT and value.isalpha() and value.islower():
        return value
    return "text"


def representatives(entries: Sequence[Entry]) -> list[Entry]:
    """The first entry of each shape, in the order given."""
    seen: dict[Shape | str, Entry] = {}
    for entry in entries:
        seen.setdefault(shape(entry), entry)
    return list(seen.values())


def _texts(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of the string leaves of dumped entry data."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _texts(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _texts(item, (*path, index))]
    return [path] if isinstance(value, str) and shape(value) == "text" else []


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def _put(data: Any, path: tuple[Any, ...], value: str) -> None:
    _get(data, path[:-1])[path[-1]] = value


def hostile(entry: Entry, number: int, categories: Sequence[str]) -> Entry | None:
    """A copy of the entry whose free text is markup (where the schema allows it), with its own
    name and link; None if no such copy validates."""

    from awesome_tools.core.facettypes import plain_loc

    original = entry.model_dump(exclude_none=True)
    data = entry.model_dump(exclude_none=True)
    context = {"categories": list(categories)}
    leaves = [p for p in _texts(data) if p not in (("name",), ("url",), ("released",))]
    for path in leaves:
        _put(data, path, HOSTILE)
    data["name"] = f"{HOSTILE} {number}"
    data["url"] = f"https://example.org/probe/{number}"
    for _ in range(2):  # the fields that refuse markup get their own value back
        try:
            return type(entry).model_validate(data, context=context)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                path = plain_loc(tuple(error["loc"]))
                try:
                    _put(data, path, _get(original, path))
                except (KeyError, IndexError, TypeError):
                    return None
    return None


def probes(entries: Sequence[Entry], categories: Sequence[str]) -> list[Entry] | None:
    """The representatives of the entries' shapes and their hostile copies; None when a copy
    cannot be made (the schema refuses markup where the templates may print it)."""
    chosen = representatives(entries)
    copies = [hostile(entry, n, categories) for n, entry in enumerate(chosen, 1)]
    if any(copy is None for copy in copies):
        return None
    return [*chosen, *(copy for copy in copies if copy is not None)]


Lint = Callable[[str], Sequence[object]]


def templates_proven(
    layout: Layout,
    entries: Sequence[Entry],
    settings: Settings,
    templates: Templates,
    lint: Lint,
) -> bool:
    """Whether the probes of these entries render into a README in which `lint` finds nothing,
    at rest where each model block starts.

    `lint` lints README text in full (every rule, no drift); a template error is no proof.
    """
    from awesome_tools.core.templates import TemplateProblem
    from awesome_tools.layouts.table.lintpart import cuts_at_rest

    found = probes(entries, settings.categories) if entries else None
    if found is None:
        return False
    try:
        # The figure comments are the code's own text, not the templates': either kind will do.
        text = layout.render(found, replace(settings, figure_markers="slug"), templates)
    except TemplateProblem:
        return False
    return not lint(text) and cuts_at_rest(text)
