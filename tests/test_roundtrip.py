"""Property: the README is a lossless view of the data, import(render(entries)) == entries."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_tools.entrycheck import check_entries
from awesome_tools.fieldtypes import PLACEHOLDER
from awesome_tools.importer import plan_import
from awesome_tools.normalize import canonical_text
from awesome_tools.render import render_readme
from awesome_tools.schema import Entry
from awesome_tools.templates import load_templates
from awesome_tools.urls import INVISIBLE
from awesome_tools.vocabulary import connectors

CATEGORIES = ["Encoders", "Decoders & Friends", "Über Modelle: 2D/3D + O'Neil, etc."]
TRICKY = [
    "&",
    "<",
    ">",
    '"',
    "'",
    "&amp;",
    "&#39;",
    "</td>",
    "</details>",
    "<!--",
    "-->",
    "]]>",
    "😀",
    "👩‍👩‍👧",
    "مرحبا بالعالم",
    "שלום",
    "\u200b",
    "\u200d",
    "\u202e",
    "e\u0301",
    "漢字",
    "*emph*",
    "`code`",
    "[link](x)",
    "\\",
    "|",
    "#",
]
# Valid text is drawn directly, not filtered out of arbitrary text: no control character (the
# checker refuses them), whitespace collapsed as the checker keeps it, never a TODO placeholder.
visible = st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp"))
printable = st.characters(blacklist_categories=("Cc", "Cs"))
piece = st.one_of(st.sampled_from(TRICKY), st.text(printable, min_size=1, max_size=10))


def _field_text(first: str, parts: list[str]) -> str:
    value = canonical_text(" ".join([first, *parts]))
    return f"x {value}" if value.startswith(PLACEHOLDER) else value


text = st.builds(_field_text, visible, st.lists(piece, max_size=6))
# URLs refuse spaces and invisible characters as well (awesome_tools.urls: format, control,
# surrogate and private-use characters, and the few visible-category blanks it names).
url_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cf", "Co", "Cs", "Zs", "Zl", "Zp"),
        # and a backslash, which browsers read as '/'.
        blacklist_characters="\\" + "".join(map(chr, INVISIBLE)),
    ),
    max_size=12,
)


@st.composite
def entry(draw: st.DrawFn, index: int) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": f"{draw(text)} m{index}",
        "title": draw(text),
        "url": f"https://example.org/{index}/{draw(url_text)}",
    }
    if draw(st.booleans()):
        day = draw(st.dates(min_value=date(1990, 1, 1), max_value=date.today()))
        data["released"] = day.isoformat()[: draw(st.sampled_from([7, 10]))]
    for key in ("vision_encoder", "language_model"):
        if draw(st.booleans()):
            # A lone dash is how the overview shows a missing value, so it is no value.
            data[key] = draw(text.filter(lambda t: t != "—"))
    if draw(st.booleans()):
        data["connector"] = draw(st.sampled_from(list(connectors())))
    for key in ("code", "weights"):
        if draw(st.booleans()):
            data[key] = f"https://example.org/{key}{index}/{draw(url_text)}"
    category = draw(st.none() | st.sampled_from(CATEGORIES))
    if category:
        data["category"] = category
    if draw(st.booleans()):
        data["figure"] = f"https://example.org/f{index}/{draw(url_text)}.png"
        data["figure_alt"] = draw(text)
    data["architecture"] = {"overview": draw(text), "components": draw(text)}
    data["training"] = {"methods": draw(text)}
    if draw(st.booleans()):
        data["alignment"] = {"techniques": draw(text), "fusion_methods": draw(text)}
    data["datasets"] = {"used": draw(text), "purpose": draw(text)}
    return data


PACKAGED = load_templates(None)


@st.composite
def entries(draw: st.DrawFn) -> list[Entry]:
    count = draw(st.integers(min_value=1, max_value=4))
    return [Entry.model_validate(draw(entry(i))) for i in range(count)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries())
def test_import_of_render_gives_back_the_entries(original: list[Entry]) -> None:
    readme = render_readme(original, CATEGORIES, templates=PACKAGED)
    categories_text = "".join(f'- "{name}"\n' for name in CATEGORIES)
    plan = plan_import(
        readme.encode(), "README.md", categories_text=categories_text, categories_path="c.yaml"
    )
    assert [d for d in plan.diagnostics if d.severity == "error"] == []
    assert plan.categories_text is None
    checked, problems = check_entries(
        [(f"entries/{name}", body.encode()) for name, body in plan.files.items()],
        categories=CATEGORIES,
    )
    assert problems == []
    back = sorted((c.entry.model_dump() for c in checked if c.entry), key=lambda d: d["name"])
    assert back == sorted((e.model_dump() for e in original), key=lambda d: d["name"])
