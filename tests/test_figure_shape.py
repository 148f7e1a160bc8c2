"""The figure is one mapping, `figure: {file, alt, caption, number, source, page, width}`: each
field through import, the entry file and render; the old flat shape named where it stands, and
`awesome-tools upgrade` rewriting it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from awesome_tools.cli import main
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.figureshape import FIGURE_KEYS, OLD_KEYS
from awesome_tools.core.schema import Entry, Figure
from awesome_tools.core.settings import Settings
from awesome_tools.core.templates import load_templates
from awesome_tools.core.upgrade import upgrade_entry
from awesome_tools.layouts.panel import LAYOUT as PANEL
from awesome_tools.layouts.panel.quirks import PanelEntry
from awesome_tools.layouts.table import LAYOUT as TABLE
from awesome_tools.layouts.table import TABLE_REQUIRED
from conftest import GOOD

P = "entries/llava.yaml"
UPGRADE = "; `awesome-tools upgrade` converts an entry file of the old shape"


def test_the_figure_keys_are_the_schema_s() -> None:
    assert tuple(Figure.model_fields) == FIGURE_KEYS
    assert sorted(OLD_KEYS.values()) == sorted(k for k in FIGURE_KEYS if k != "file")


def _old(lines: str) -> str:
    """GOOD with these lines before `architecture:` (the first of them is line 5)."""
    return GOOD.replace("architecture:\n", lines + "architecture:\n")


def _moved(key: str, new: str) -> str:
    example = "file: ..., alt: ..." + ("" if new == "alt" else f", {new}: ...")
    return f"error[unknown-key] '{key}' is now '{new}' under 'figure:' (figure: {{{example}}}){UPGRADE}"


NOT_TEXT = (
    "error[wrong-type] 'figure' is a mapping now, not text: write the image as 'file:' under "
    f"'figure:' with its alt text (figure: {{file: ..., alt: ...}}){UPGRADE}"
)


WANTED = "'figure' must be a mapping with the keys file, alt, caption, number, source, page, width"


# (case, entry file, what check says): the old shape, key by key, at the key's line and column.
OLD_CASES: list[tuple[str, str, list[str]]] = [
    *(
        (key, _old(f"{key}: '2'\n"), [f"{P}:5:1: {_moved(key, new)}"])
        for key, new in OLD_KEYS.items()
    ),
    ("figure as text", _old("figure: assets/x.png\n"), [f"{P}:5:9: {NOT_TEXT}"]),
    (
        "figure as a list",
        _old("figure:\n- assets/x.png\n"),
        [f"{P}:6:1: error[wrong-type] {WANTED}, not a list"],
    ),
    (
        "figure empty, its keys not indented",
        _old("figure:\nfile: a.png\n"),
        [
            f"{P}:6:1: error[unknown-key] unknown key 'file' here; it belongs under 'figure:' "
            "on line 5 (indent it by 2 spaces below that line)"
        ],
    ),
    (
        "the whole old shape",
        _old("figure: https://x.org/a.png\nfigure_alt: The diagram.\nfigure_width: '640'\n"),
        [
            f"{P}:5:9: {NOT_TEXT}",
            f"{P}:6:1: {_moved('figure_alt', 'alt')}",
            f"{P}:7:1: {_moved('figure_width', 'width')}",
        ],
    ),
    (
        "an old key beside the new shape",
        _old("figure:\n  file: https://x.org/a.png\n  alt: x\nfigure_caption: A caption.\n"),
        [f"{P}:8:1: {_moved('figure_caption', 'caption')}"],
    ),
    (
        "an old key under figure",
        _old("figure:\n  file: https://x.org/a.png\n  figure_alt: x\n"),
        [
            f"{P}:7:3: error[unknown-key] unknown key 'figure.figure_alt'; under 'figure:' it "
            "is 'alt'",
        ],
    ),
    (
        "the old names in panel_quirks.references",
        _old(
            "panel_quirks:\n  references:\n    figure_alt: '&#x27;'\n    figure_caption: '&#39;'\n"
        ),
        [
            f"{P}:7:5: error[unknown-key] 'panel_quirks.references.figure_alt' is now "
            f"'panel_quirks.references.figure.alt'{UPGRADE}",
            f"{P}:8:5: error[unknown-key] 'panel_quirks.references.figure_caption' is now "
            f"'panel_quirks.references.figure.caption'{UPGRADE}",
        ],
    ),
    (
        "the alt text beside a new figure without it",
        _old("figure:\n  file: https://x.org/a.png\nfigure_alt: x\n"),
        [f"{P}:7:1: {_moved('figure_alt', 'alt')}"],
    ),
    (
        "the new key at the top level",
        _old("alt: x\n"),
        [
            f"{P}:5:1: error[unknown-key] unknown key 'alt' here; it belongs under 'figure:' "
            "(add 'figure:' and indent it by 2 spaces below that line)"
        ],
    ),
    (
        "the new key beside the figure mapping",
        _old("figure:\n  file: a.png\nalt: x\n"),
        [
            f"{P}:7:1: error[unknown-key] unknown key 'alt' here; it belongs under 'figure:' "
            "on line 5 (indent it by 2 spaces below that line)"
        ],
    ),
    (
        "a figure without its alt text",
        _old("figure:\n  file: https://x.org/a.png\n"),
        [
            f"{P}:6:3: error[missing-field] missing required field 'figure.alt': add 'alt:' "
            "under 'figure'"
        ],
    ),
    (
        "alt text without a figure",
        _old("figure:\n  alt: x\n"),
        [
            f"{P}:6:3: error[missing-field] missing required field 'figure.file': add 'file:' "
            "under 'figure'"
        ],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), OLD_CASES, ids=[c[0] for c in OLD_CASES])
def test_check_names_the_new_shape_at_each_old_key(
    case: str, text: str, expected: list[str]
) -> None:
    # The panel layout's entry model: its quirks' references named the old keys too.
    _, diagnostics = check_entries(
        [(P, text.encode())], categories=[], required=TABLE_REQUIRED, model=PanelEntry
    )
    assert [d.text() for d in diagnostics] == expected


def test_the_check_command_exits_1_on_the_old_shape(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / P).write_text(_old("figure: https://x.org/a.png\nfigure_alt: x\n"), "utf-8")
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out == (f"{P}:5:9: {NOT_TEXT}\n{P}:6:1: {_moved('figure_alt', 'alt')}\n")
    assert err == "1 file checked: 2 errors, 0 warnings\n"


PANEL_BASE = {
    "name": "Mid",
    "title": "Mid: a model",
    "url": "https://arxiv.org/abs/2310.00001",
    "summary": "Mid links.",
}
FILE = "assets/architectures/mid.png"
SOURCE = "https://arxiv.org/pdf/2310.00001"
# (case, the panel entry's figure, the figure as its imported entry file writes it)
PANEL_FIGURES: list[tuple[str, dict[str, str], str]] = [
    ("file and alt", {"file": FILE, "alt": "Mid's design"}, ""),
    ("width", {"file": FILE, "alt": "A", "width": "640"}, "  width: '640'\n"),
    (
        "caption and source",
        {"file": FILE, "alt": "A", "caption": "The model", "source": SOURCE},
        f"  caption: The model\n  source: {SOURCE}\n",
    ),
    (
        "number",
        {"file": FILE, "alt": "A", "caption": "C", "number": "2", "source": SOURCE},
        f"  caption: C\n  number: '2'\n  source: {SOURCE}\n",
    ),
    (
        "page",
        {"file": FILE, "alt": "A", "caption": "C", "source": SOURCE, "page": "4"},
        f"  caption: C\n  source: {SOURCE}\n  page: '4'\n",
    ),
    (
        "every field",
        {
            "file": "https://example.org/mid.png",
            "alt": "A",
            "caption": "C",
            "number": "3",
            "source": SOURCE,
            "page": "5",
            "width": "820",
        },
        f"  caption: C\n  number: '3'\n  source: {SOURCE}\n  page: '5'\n  width: '820'\n",
    ),
]


def _head(figure: dict[str, str]) -> str:
    alt = yaml.safe_dump(figure["alt"], allow_unicode=True).removesuffix("\n...\n").strip()
    return f"figure:\n  file: {figure['file']}\n  alt: {alt}\n"


@pytest.mark.parametrize(
    ("case", "figure", "rest"), PANEL_FIGURES, ids=[c[0] for c in PANEL_FIGURES]
)
def test_each_figure_field_goes_through_import_the_entry_file_and_render(
    case: str, figure: dict[str, str], rest: str
) -> None:
    templates = load_templates(None)
    entry = PanelEntry.model_validate({**PANEL_BASE, "figure": figure})
    readme = PANEL.render([entry], Settings("panel"), templates)
    plan = PANEL.read(
        readme.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    assert plan.diagnostics == []
    text = plan.files["mid.yaml"]
    assert _head(figure) + rest in text
    assert "figure_" not in text
    back = PanelEntry.model_validate(yaml.safe_load(text))
    assert back.figure == entry.figure
    assert PANEL.render([back], Settings("panel"), templates) == readme


def test_the_table_layout_s_figure_goes_through_import_and_render() -> None:
    templates = load_templates(None)
    data: dict[str, Any] = yaml.safe_load(GOOD)
    entry = Entry.model_validate(
        {**data, "figure": {"file": "https://x.org/llava.png", "alt": 'LLaVA "two" <towers>'}}
    )
    readme = TABLE.render([entry], Settings("table"), templates)
    assert '<img src="https://x.org/llava.png" alt="LLaVA &#34;two&#34; &lt;towers&gt;">' in readme
    plan = TABLE.read(
        readme.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    text = plan.files["llava.yaml"]
    assert 'figure:\n  file: https://x.org/llava.png\n  alt: LLaVA "two" <towers>\n' in text
    back = Entry.model_validate(yaml.safe_load(text))
    assert TABLE.render([back], Settings("table"), templates) == readme


# (case, an entry file's text, what upgrade makes of it: None when it changes nothing)
UPGRADES: list[tuple[str, str, str | None]] = [
    (
        "every old key, with the comments above each, a folded value and one out of place",
        "# yaml-language-server: $schema=../schema/entry.schema.json\n"
        "name: LLaVA\n"
        "# Optional: an image of the architecture.\n"
        "figure: assets/llava.png\n"
        "# The figure's alt text.\n"
        "figure_alt: >-\n"
        "  Two towers\n"
        "  and a projector\n"
        "figure_caption: The caption\n"
        "figure_number: '2'\n"
        "summary: A model.\n"
        "figure_width: '640'\n"
        "figure_page: '3'\n"
        "figure_source: https://arxiv.org/pdf/2304.08485\n"
        "deep_dive: |\n"
        "  Deep.\n",
        "# yaml-language-server: $schema=../schema/entry.schema.json\n"
        "name: LLaVA\n"
        "# Optional: an image of the architecture.\n"
        "figure:\n"
        "  file: assets/llava.png\n"
        "  # The figure's alt text.\n"
        "  alt: >-\n"
        "    Two towers\n"
        "    and a projector\n"
        "  caption: The caption\n"
        "  number: '2'\n"
        "  source: https://arxiv.org/pdf/2304.08485\n"
        "  page: '3'\n"
        "  width: '640'\n"
        "summary: A model.\n"
        "deep_dive: |\n"
        "  Deep.\n",
    ),
    (
        "CRLF line ends, the alt text first",
        "name: A\r\nfigure_alt: x\r\nfigure: https://x.org/a.png\r\n",
        "name: A\r\nfigure:\r\n  file: https://x.org/a.png\r\n  alt: x\r\n",
    ),
    (
        "a literal block with an indentation indicator, a blank line after it",
        "figure: a.png\nfigure_alt: |2\n   indented\n\nname: N\n",
        "figure:\n  file: a.png\n  alt: |2\n     indented\n\nname: N\n",
    ),
    (
        "the document's start stays first",
        "---\n# the alt\nfigure_alt: x\nfigure: a.png\nname: N\n",
        "---\nfigure:\n  file: a.png\n  # the alt\n  alt: x\nname: N\n",
    ),
    (
        "the references' old names renamed in place",
        "name: N\npanel_quirks:\n  references:\n    figure_alt: '&#x27;'  # kept\n",
        "name: N\npanel_quirks:\n  references:\n    figure.alt: '&#x27;'  # kept\n",
    ),
    ("the new shape", "name: N\nfigure:\n  file: a.png\n  alt: x\n", None),
    ("no figure", GOOD, None),
    ("not YAML: check says why", "name: [\n", None),
]


@pytest.mark.parametrize(("case", "old", "new"), UPGRADES, ids=[c[0] for c in UPGRADES])
def test_upgrade_rewrites_the_old_shape_and_nothing_else(
    case: str, old: str, new: str | None
) -> None:
    upgrade = upgrade_entry(old, P)
    assert (upgrade.text, upgrade.problems) == (new, [])
    if new is not None:
        assert upgrade_entry(new, P).text is None  # once is enough


# (case, an entry file upgrade leaves alone, what it says)
LEFT_ALONE: list[tuple[str, str, str]] = [
    (
        "the new mapping and an old key",
        "name: N\nfigure:\n  file: a.png\nfigure_alt: x\nfigure_width: '2'\n",
        f"{P}:4:1: error[unknown-key] 'figure' is a mapping already: move figure_alt, "
        "figure_width under it as alt, width",
    ),
    (
        "a quoted old key",
        "name: N\n'figure_alt': x\nfigure: a.png\n",
        f"{P}:2:1: error[unknown-key] the figure's old shape could not be rewritten safely "
        "here: convert it by hand: figure: {file: ..., alt: ...}",
    ),
    (
        "a space before the colon",
        "name: N\nfigure: a.png\nfigure_alt : x\n",
        f"{P}:3:1: error[unknown-key] the figure's old shape could not be rewritten safely "
        "here: convert it by hand: figure: {file: ..., alt: ...}",
    ),
]


@pytest.mark.parametrize(("case", "text", "said"), LEFT_ALONE, ids=[c[0] for c in LEFT_ALONE])
def test_upgrade_leaves_alone_what_it_cannot_rewrite_safely(
    case: str, text: str, said: str
) -> None:
    upgrade = upgrade_entry(text, P)
    assert upgrade.text is None
    assert [d.text() for d in upgrade.problems] == [said]


OLD_ENTRY = _old("figure: https://x.org/a.png\nfigure_alt: The diagram.\n")


def test_the_upgrade_command_writes_only_the_old_files_and_names_each(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / P).write_text(OLD_ENTRY, "utf-8")
    (project / "entries" / "okay.yaml").write_text(
        GOOD.replace("LLaVA", "Okay").replace("2304.08485", "2304.00001"), "utf-8"
    )
    before = (project / "entries" / "okay.yaml").stat().st_mtime_ns
    assert main(["upgrade", "--check"]) == 1
    assert capsys.readouterr().err == (
        f"{P} has the figure's old shape: run `awesome-tools upgrade`\n"
    )
    assert (project / P).read_text("utf-8") == OLD_ENTRY
    assert main(["upgrade"]) == 0
    assert capsys.readouterr().err == f"upgraded {P}\n"
    assert (project / P).read_text("utf-8") == _old(
        "figure:\n  file: https://x.org/a.png\n  alt: The diagram.\n"
    )
    assert (project / "entries" / "okay.yaml").stat().st_mtime_ns == before
    assert main(["upgrade"]) == 0
    assert capsys.readouterr().err == "no entry file has the figure's old shape (2 checked)\n"
    assert main(["check"]) == 0, capsys.readouterr().out


def test_the_upgrade_command_reports_a_file_it_leaves_alone(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / P).write_text(_old("figure:\n  file: a.png\nfigure_alt: x\n"), "utf-8")
    assert main(["upgrade"]) == 1
    out, err = capsys.readouterr()
    assert out == (
        f"{P}:7:1: error[unknown-key] 'figure' is a mapping already: move figure_alt under it "
        "as alt\n"
    )
    assert err == "1 file checked: 1 error, 0 warnings\n"


# (case, what a list's own template of the old shape writes of each entry with a figure,
# what render says)
OLD_TEMPLATES: list[tuple[str, str, str]] = [
    (
        "an old field",
        "{{ entry.figure_alt }}",
        "the template fails: 'awesome_tools.core.schema.Entry object' has no attribute "
        "'figure_alt'; the figure is one mapping now: entry.figure.alt",
    ),
    (
        "the figure as its path",
        '<img src="{{ entry.figure }}">',
        "the template fails: TypeError: the figure is one mapping now: entry.figure.file is "
        "the image",
    ),
]


@pytest.mark.parametrize(
    ("case", "written", "said"), OLD_TEMPLATES, ids=[c[0] for c in OLD_TEMPLATES]
)
def test_a_template_of_the_old_shape_is_told_the_new_one(
    seed_project: Path, capsys: pytest.CaptureFixture[str], case: str, written: str, said: str
) -> None:
    entry = seed_project / "entries" / "flamingo.yaml"
    figure = "figure:\n  file: https://x.org/f.png\n  alt: F\narchitecture:"
    entry.write_text(entry.read_text("utf-8").replace("architecture:", figure, 1), "utf-8")
    template = seed_project / "templates" / "README.md.j2"
    lines = template.read_text("utf-8").count("\n")
    loop = "{% for s in sections %}{% for entry in s.entries %}{% if entry.figure %}"
    template.write_text(
        template.read_text("utf-8") + f"{loop}{written}{{% endif %}}{{% endfor %}}{{% endfor %}}\n",
        "utf-8",
    )
    readme = (seed_project / "README.md").read_bytes()
    assert main(["render"]) == 1
    out, _ = capsys.readouterr()
    assert out == f"templates/README.md.j2:{lines + 1}:1: error[template] {said}\n"
    assert (seed_project / "README.md").read_bytes() == readme


# (case, the figure line as hand-edited, the field named, the column of the first differing
# character, what drift shows of both lines there)
FIGURE_EDITS: list[tuple[str, str, str, int, str]] = [
    (
        "the alt text",
        '<img src="https://x.org/llava.png" alt="Two towers!">',
        "figure.alt",
        51,
        "found 'towers!\">' where render writes 'towers\">'",
    ),
    (
        "the image",
        '<img src="https://x.org/other.png" alt="Two towers">',
        "figure.file",
        25,
        "found 'https://x.org/other.png\" alt=\"Two towers...' where render writes "
        "'https://x.org/llava.png\" alt=\"Two towers...'",
    ),
]


@pytest.mark.parametrize(
    ("case", "edited", "fields", "column", "shown"),
    FIGURE_EDITS,
    ids=[c[0] for c in FIGURE_EDITS],
)
def test_a_hand_edited_figure_names_the_figure_field(
    seed_project: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    edited: str,
    fields: str,
    column: int,
    shown: str,
) -> None:
    entry = seed_project / P
    figure = "figure:\n  file: https://x.org/llava.png\n  alt: Two towers\narchitecture:"
    entry.write_text(entry.read_text("utf-8").replace("architecture:", figure, 1), "utf-8")
    assert main(["render"]) == 0
    readme = seed_project / "README.md"
    lines = readme.read_text("utf-8").split("\n")
    at = lines.index('<img src="https://x.org/llava.png" alt="Two towers">')
    assert lines[at - 2] == '<details id="llava">'
    lines[at] = edited
    readme.write_text("\n".join(lines), "utf-8")
    capsys.readouterr()
    assert main(["lint"]) == 1
    assert capsys.readouterr().out == (
        f"README.md:{at + 1}:{column}: error[drift] block 'LLaVA' differs from {P} (field "
        f"{fields}): {shown}; edit {P}, not README.md, then run `make readme`\n"
    )
