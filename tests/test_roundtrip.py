"""Property: the README is a lossless view of the data, import(render(entries)) == entries."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.fieldtypes import PLACEHOLDER
from awesome_tools.core.normalize import canonical_text
from awesome_tools.core.schema import Entry
from awesome_tools.core.settings import Settings
from awesome_tools.core.templates import load_templates
from awesome_tools.core.unicodepolicy import is_hidden
from awesome_tools.core.vocabulary import connectors
from awesome_tools.layouts.panel import LAYOUT as PANEL
from awesome_tools.layouts.panel.quirks import PanelEntry
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.layouts.table.importer import plan_import
from awesome_tools.layouts.table.render import render_readme

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


def _shown(value: str) -> str:
    """Text without the characters that show as nothing (awesome_tools.core.unicodepolicy)."""
    return "".join(ch for ch in value if not is_hidden(ch))


# Names and URLs refuse what shows as nothing (categories Cc, Cf, Cs, Co, Cn and the
# default-ignorable code points); URLs refuse spaces as well.
name_text = st.builds(lambda value: _shown(value).strip() or "x", text)
url_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cf", "Co", "Cs", "Cn", "Zs", "Zl", "Zp"),
        # and a backslash, which browsers read as '/'.
        blacklist_characters="\\",
    ),
    max_size=12,
).map(_shown)


@st.composite
def entry(draw: st.DrawFn, index: int) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": f"{draw(name_text)} m{index}",
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
        data["figure"] = {
            "file": f"https://example.org/f{index}/{draw(url_text)}.png",
            "alt": draw(text),
        }
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
        required=TABLE_REQUIRED,
    )
    # The text holds references such as `&amp;` on purpose (TRICKY): the text shows them as
    # written, and `html-entity` rightly advises typing the character instead; a drawn name may
    # mix scripts within a word, which `confusable-name` rightly warns of.
    assert [p for p in problems if p.rule not in ("html-entity", "confusable-name")] == []
    back = sorted((c.entry.model_dump() for c in checked if c.entry), key=lambda d: d["name"])
    assert back == sorted((e.model_dump() for e in original), key=lambda d: d["name"])


# --- the panel layout -------------------------------------------------------------------------

# The panel layout writes its text as the list wrote it (Markdown source, as upstream keeps it),
# so a valid panel text is words and plain punctuation: no Markdown markup, which would be the
# list's own, and no ': ' in a name (the heading's name ends there). What HTML would read as
# markup (`<`, `&` before `amp;`, `"` in the alt text) render escapes, and import decodes.
PANEL_PUNCTUATION = "-.,'/&+!?%\u2019<>\";"
word = st.text(
    st.characters(categories=("L", "N"), include_characters=PANEL_PUNCTUATION),
    min_size=1,
    max_size=8,
).filter(
    # A word starts with a letter or digit (almost all do), and holds no letter that shows as
    # nothing (U+1160 HANGUL JUNGSEONG FILLER is a letter): `check` refuses those.
    lambda w: w[0].isalnum() and not any(is_hidden(ch) for ch in w)
)
words = st.lists(word, min_size=1, max_size=6).map(" ".join)
slug_text = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-_"), min_size=1, max_size=10
)
digits = st.integers(min_value=0, max_value=999).map(str)
# A label with the host it names, for each kind (a label consistent with its destination).
LINKS = {
    "paper": [("arXiv", "https://arxiv.org/abs/"), ("Paper", "https://example.org/paper/")],
    "code": [("GitHub", "https://github.com/"), ("Code", "https://gitlab.com/")],
    "model": [("HuggingFace", "https://huggingface.co/"), ("Weights", "https://example.org/w/")],
    "project": [("Project", "https://example.org/project/"), ("Blog", "https://blog.example.org/")],
    "demo": [("Demo", "https://example.org/demo/"), ("Gradio", "https://huggingface.co/spaces/")],
    "other": [("Slides", "https://example.org/slides/")],
}


@st.composite
def panel_link(draw: st.DrawFn, kind: str, index: int) -> dict[str, str]:
    label, prefix = draw(st.sampled_from(LINKS[kind]))
    # The index keeps entries' links apart: two entries with one paper are duplicates.
    link = {"kind": kind, "url": f"{prefix}m{index}/{draw(slug_text)}", "label": label}
    if draw(st.booleans()):
        link["badge"] = f"https://img.shields.io/badge/{draw(slug_text)}-blue.svg"
    return link


@st.composite
def panel_entry(draw: st.DrawFn, index: int, released: str) -> dict[str, Any]:
    name = f"{draw(words)} m{index}"
    kinds = draw(st.lists(st.sampled_from(list(LINKS)), min_size=1, max_size=4))
    links = [draw(panel_link(kind, index)) for kind in kinds]
    data: dict[str, Any] = {
        "name": name,
        "title": draw(st.sampled_from([name, f"{name}: {draw(words)}"])),
        # A panel shows no link of its own: its first badge is the entry's link.
        "url": links[0]["url"],
        "released": released,
        "links": links,
    }
    if draw(st.booleans()):
        data["summary"] = draw(words)
    else:  # as upstream's panels of March 2024: none, and the entry says so
        data["panel_quirks"] = {"summary": "none"}
    if draw(st.booleans()):
        data["contribution"] = draw(words)
    if draw(st.booleans()):
        # An affiliation goes on a line of its own after a <br>.
        data["authors"] = "<br>".join(draw(st.lists(words, min_size=1, max_size=2)))
    if draw(st.booleans()):
        figure = {"file": f"assets/architectures/{draw(slug_text)}.png", "alt": draw(words)}
        if draw(st.booleans()):
            figure["caption"] = draw(words)
            if draw(st.booleans()):
                figure["number"] = draw(digits)
            figure["source"] = f"https://arxiv.org/pdf/{draw(slug_text)}"
            if draw(st.booleans()):
                figure["page"] = draw(digits)
        if draw(st.booleans()):
            figure["width"] = draw(digits)
        data["figure"] = figure
    if draw(st.booleans()):
        paragraphs = draw(st.lists(st.lists(words, min_size=1, max_size=3), min_size=1, max_size=3))
        data["deep_dive"] = "\n\n".join("\n".join(lines) for lines in paragraphs)
    return data


@st.composite
def panel_entries(draw: st.DrawFn) -> list[Entry]:
    days = draw(
        st.lists(
            st.dates(min_value=date(1990, 1, 1), max_value=date.today()).map(date.isoformat),
            min_size=1,
            max_size=5,
        )
    )
    data = [draw(panel_entry(i, day)) for i, day in enumerate(days)]
    # Same-day entries carry their editorial order, 1, 2, ... (the timeline's order).
    for day in set(days):
        same = [d for d in data if d["released"] == day]
        if len(same) > 1:
            for n, item in enumerate(draw(st.permutations(same)), 1):
                item["order"] = str(n)
    return [PanelEntry.model_validate(item) for item in data]


@pytest.mark.parametrize("markers", ["slug", "position"])
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(original=panel_entries())
def test_panel_import_of_render_gives_back_the_entries(
    markers: Literal["slug", "position"], original: list[Entry]
) -> None:
    readme = PANEL.render(original, Settings("panel", figure_markers=markers), PACKAGED)
    plan = PANEL.read(
        readme.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    assert plan.diagnostics == []
    # The figure comments tell the kind; a README without figures gets the default.
    read = markers if any(e.figure for e in original) else "slug"
    assert plan.others["awesome.yaml"].endswith(f"\nfigure_markers: {read}\n")
    checked, problems = check_entries(
        [(f"entries/{name}", body.encode()) for name, body in plan.files.items()],
        categories=[],
        required=PANEL.required,
        model=PANEL.entry_model,
        missing=lambda path: None,
    )
    # `&amp;` may be the text; a summary still to write is a to-do.
    assert [
        p for p in problems if p.rule not in ("html-entity", "no-summary", "confusable-name")
    ] == []
    to_do = [p.path for p in problems if p.rule == "no-summary"]
    assert len(to_do) == sum(1 for e in original if e.summary is None)
    back = sorted((c.entry.model_dump() for c in checked if c.entry), key=lambda d: d["name"])
    assert back == sorted((e.model_dump() for e in original), key=lambda d: d["name"])


# Found by the property: the timeline's dash for a missing contribution came back as the
# contribution '—'.
NO_CONTRIBUTION = {
    "name": "0 m0",
    "title": "0 m0",
    "url": "https://arxiv.org/abs/0",
    "released": "2000-01-01",
    "summary": "0",
    "links": [{"kind": "paper", "url": "https://arxiv.org/abs/0", "label": "arXiv"}],
}


def test_panel_round_trip_without_contribution() -> None:
    original = [PanelEntry.model_validate(NO_CONTRIBUTION)]
    readme = PANEL.render(original, Settings("panel"), PACKAGED)
    assert "| 2000-01-01 | 0 m0 | — |\n" in readme
    plan = PANEL.read(
        readme.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    assert plan.diagnostics == []
    back = [PanelEntry.model_validate(yaml.safe_load(body)) for body in plan.files.values()]
    assert back[0].contribution is None
    assert [e.model_dump() for e in back] == [e.model_dump() for e in original]
