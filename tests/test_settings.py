"""awesome.yaml: the list's title, layout and categories (categories.yaml still read); the
fields a layout requires; a local figure must be a file of the list."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.settings import load_settings
from awesome_tools.engine.project import read_project
from awesome_tools.layouts import LAYOUTS
from awesome_tools.layouts.table import LAYOUT as TABLE
from awesome_tools.layouts.table import TableLayout
from conftest import GOOD

S, C = "awesome.yaml", "categories.yaml"

# (case, awesome.yaml or None, categories.yaml or None,
#  (layout, title, categories, the file they come from), diagnostics)
CASES: list[
    tuple[str, str | None, str | None, tuple[str, str | None, list[str], str | None], list[str]]
] = [
    ("no settings at all", None, None, ("table", None, [], None), []),
    ("categories.yaml alone", None, "- Encoders\n", ("table", None, ["Encoders"], C), []),
    ("an empty awesome.yaml", "# later\n", None, ("table", None, [], None), []),
    (
        "every setting",
        "title: Awesome VLMs\nlayout: table\ncategories:\n- Encoders\n- Decoders\n",
        None,
        ("table", "Awesome VLMs", ["Encoders", "Decoders"], S),
        [],
    ),
    (
        "awesome.yaml without categories reads categories.yaml",
        "title: Awesome VLMs\n",
        "- Encoders\n",
        ("table", "Awesome VLMs", ["Encoders"], C),
        [],
    ),
    (
        "both files hold categories",
        "layout: table\ncategories:\n- Encoders\n",
        "- Decoders\n",
        ("table", None, ["Encoders"], S),
        [
            "awesome.yaml:2:1: error[settings] categories are listed both here and in "
            "categories.yaml: keep one list (move them under 'categories:' here and delete "
            "categories.yaml)"
        ],
    ),
    (
        "a misspelled layout",
        "layout: tabel\n",
        None,
        ("table", None, [], None),
        [
            "awesome.yaml:1:9: error[settings] unknown layout 'tabel'; did you mean 'table'? "
            "(layouts: table, panel, list)"
        ],
    ),
    (
        "an unknown layout",
        "layout: magazine\n",
        None,
        ("table", None, [], None),
        [
            "awesome.yaml:1:9: error[settings] unknown layout 'magazine' (layouts: table, panel, list)"
        ],
    ),
    (
        "a layout that is a list",
        "layout: [table]\n",
        None,
        ("table", None, [], None),
        [
            "awesome.yaml:1:9: error[settings] unknown layout 'a list or mapping' (layouts: table, panel, list)"
        ],
    ),
    (
        "a misspelled key",
        "titel: Awesome VLMs\n",
        None,
        ("table", None, [], None),
        ["awesome.yaml:1:1: error[settings] unknown setting 'titel'; did you mean 'title'?"],
    ),
    (
        "an unknown key",
        "theme: dark\n",
        None,
        ("table", None, [], None),
        [
            "awesome.yaml:1:1: error[settings] unknown setting 'theme' "
            "(known: title, layout, categories, panel_heading_level, figure_markers, render_budget, arxiv_cache, authors, url, readme_views)"
        ],
    ),
    (
        "a title that is a mapping",
        "title:\n  en: Awesome\n",
        None,
        ("table", None, [], None),
        ["awesome.yaml:2:3: error[settings] title is one line of text"],
    ),
    (
        "settings that are a list",
        "- table\n",
        None,
        ("table", None, [], None),
        [
            "awesome.yaml:1:1: error[settings] awesome.yaml holds a mapping of settings "
            "(title, layout, categories, panel_heading_level, figure_markers, render_budget, arxiv_cache, authors, url, readme_views)"
        ],
    ),
    (
        "categories that are text",
        "categories: Encoders\n",
        None,
        ("table", None, [], S),
        ["awesome.yaml:1:13: error[categories-file] categories holds a list of section names"],
    ),
    (
        "a category listed twice",
        "categories:\n- Encoders\n- Encoders\n",
        None,
        ("table", None, ["Encoders"], S),
        ["awesome.yaml:3:3: error[categories-file] category 'Encoders' is listed twice"],
    ),
    (
        "a category with markup",
        "categories:\n- '[x](y)'\n",
        None,
        ("table", None, [], S),
        [
            "awesome.yaml:2:3: error[category-name] category '[x](y)' holds ( ) [ ]: a category "
            "is plain text (letters, digits, spaces, & - , . : ' / + and non-ASCII symbols "
            "such as emoji)"
        ],
    ),
    (
        "a duplicate setting",
        "layout: table\nlayout: table\n",
        None,
        ("table", None, [], None),
        ["awesome.yaml:2:1: error[duplicate-key] duplicate key 'layout' (first defined on line 1)"],
    ),
]


@pytest.mark.parametrize(
    ("case", "settings", "categories", "expected", "problems"), CASES, ids=[c[0] for c in CASES]
)
def test_load_settings(
    case: str,
    settings: str | None,
    categories: str | None,
    expected: tuple[str, str | None, list[str], str | None],
    problems: list[str],
) -> None:
    found, diagnostics = load_settings(
        settings.encode() if settings is not None else None,
        S,
        categories_raw=categories.encode() if categories is not None else None,
        categories_path=C,
        layouts=list(LAYOUTS),
    )
    layout, title, names, source = expected
    assert (found.layout, found.title, list(found.categories), found.categories_file) == (
        layout,
        title,
        names,
        source,
    )
    assert [d.text() for d in diagnostics] == problems


# (awesome.yaml, the panel heading level read, diagnostics)
LEVELS = [
    ("layout: panel\n", 3, []),
    ("layout: panel\npanel_heading_level: 2\n", 2, []),
    ("layout: panel\npanel_heading_level: '3'\n", 3, []),
    (
        "panel_heading_level: 4\n",
        3,
        [
            "awesome.yaml:1:22: error[settings] panel_heading_level is 2 (panel headings "
            "`## **Name: Title**`) or 3 (`###`)"
        ],
    ),
    (
        "panel_heading_level: [2]\n",
        3,
        [
            "awesome.yaml:1:22: error[settings] panel_heading_level is 2 (panel headings "
            "`## **Name: Title**`) or 3 (`###`)"
        ],
    ),
]


# (case, awesome.yaml or None, the figure markers read, diagnostics)
MARKER_CASES: list[tuple[str, str | None, str, list[str]]] = [
    ("a list with no settings gets stable markers", None, "slug", []),
    ("a list that does not say gets stable markers", "layout: panel\n", "slug", []),
    ("by place, as upstream numbers them", "figure_markers: position\n", "position", []),
    ("by entry", "layout: panel\nfigure_markers: slug\n", "slug", []),
    (
        "a misspelled kind",
        "layout: panel\nfigure_markers: positon\n",
        "slug",
        [
            "awesome.yaml:2:17: error[settings] unknown figure_markers 'positon'; did you mean "
            "'position'? (choices: position, slug)"
        ],
    ),
    (
        "a kind in capitals",
        "figure_markers: Slug\n",
        "slug",
        [
            "awesome.yaml:1:17: error[settings] unknown figure_markers 'Slug'; did you mean "
            "'slug'? (choices: position, slug)"
        ],
    ),
    (
        "an unknown kind",
        "figure_markers: numbered\n",
        "slug",
        [
            "awesome.yaml:1:17: error[settings] unknown figure_markers 'numbered' "
            "(choices: position, slug)"
        ],
    ),
    (
        "a kind that is a list",
        "figure_markers:\n- slug\n",
        "slug",
        [
            "awesome.yaml:2:1: error[settings] unknown figure_markers 'a list or mapping' "
            "(choices: position, slug)"
        ],
    ),
    (
        "no kind at all",
        "figure_markers:\n",
        "slug",
        [
            "awesome.yaml:1:16: error[settings] figure_markers has no value "
            "(choices: position, slug)"
        ],
    ),
]


@pytest.mark.parametrize(("settings", "level", "problems"), LEVELS)
def test_the_panel_heading_level(settings: str, level: int, problems: list[str]) -> None:
    found, diagnostics = load_settings(
        settings.encode(), S, categories_raw=None, categories_path=C, layouts=list(LAYOUTS)
    )
    assert found.panel_heading_level == level
    assert [d.text() for d in diagnostics] == problems


@pytest.mark.parametrize(
    ("case", "settings", "markers", "problems"), MARKER_CASES, ids=[c[0] for c in MARKER_CASES]
)
def test_figure_markers_setting(
    case: str, settings: str | None, markers: str, problems: list[str]
) -> None:
    raw = settings.encode() if settings is not None else None
    found, diagnostics = load_settings(
        raw, S, categories_raw=None, categories_path=C, layouts=list(LAYOUTS)
    )
    assert found.figure_markers == markers
    assert [d.text() for d in diagnostics] == problems


@pytest.mark.parametrize(
    ("case", "settings", "categories", "expected", "problems"),
    [c for c in CASES if c[4]],
    ids=[c[0] for c in CASES if c[4]],
)
def test_check_reports_the_settings(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    settings: str | None,
    categories: str | None,
    expected: tuple[str, str | None, list[str], str | None],
    problems: list[str],
) -> None:
    (project / C).unlink()
    if settings is not None:
        (project / S).write_text(settings, encoding="utf-8")
    if categories is not None:
        (project / C).write_text(categories, encoding="utf-8")
    assert main(["check"]) == 1
    assert capsys.readouterr().out == "".join(f"{line}\n" for line in problems)


def test_the_settings_choose_the_project_s_layout_title_and_categories(project: Path) -> None:
    (project / C).unlink()
    (project / S).write_text("title: VLMs\ncategories: [Encoders]\n", encoding="utf-8")
    found = read_project(project, project)
    assert (found.layout, found.settings.title, found.categories) == (TABLE, "VLMs", ["Encoders"])
    assert found.diagnostics == []


def test_an_unknown_category_names_the_categories_of_awesome_yaml(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / C).unlink()
    (project / S).write_text("categories:\n- Encoders\n", encoding="utf-8")
    (project / "entries" / "llava.yaml").write_text(GOOD + "category: Vision\n", "utf-8")
    assert main(["check"]) == 1
    assert capsys.readouterr().out == (
        "entries/llava.yaml:16:11: error[unknown-category] category: unknown category "
        "'Vision' (the list's categories: Encoders)\n"
    )


# A layout that needs a summary and none of the table's sections, as the panel layout will.


class SummaryOnly(TableLayout):
    """A layout that needs a summary and none of the table's sections."""

    name = "summary-only"
    required = frozenset(["name", "title", "url", "summary"])
    suggested: frozenset[str] = frozenset()


SUMMARY = SummaryOnly()


def _register_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary-only layout as a package of its own, in the registry."""
    package = types.ModuleType("summary_only_layout")
    package.LAYOUT = SUMMARY  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, package.__name__, package)
    monkeypatch.setitem(LAYOUTS, SUMMARY.name, package.__name__)


NO_SECTIONS = "\n".join(GOOD.splitlines()[:4]) + "\n"

# (case, layout's required fields, entry text, diagnostics)
REQUIRED: list[tuple[str, frozenset[str], str, list[str]]] = [
    (
        "the table layout needs the sections",
        TABLE.required,
        NO_SECTIONS,
        [
            "2:1: error[missing-field] missing required field 'architecture': add 'architecture:'",
            "2:1: error[missing-field] missing required field 'datasets': add 'datasets:'",
            "2:1: error[missing-field] missing required field 'training': add 'training:'",
        ],
    ),
    (
        "the table layout needs each field of a section",
        TABLE.required,
        GOOD.replace("  used: CC3M, LLaVA-Instruct-158K\n", ""),
        [
            "14:3: error[missing-field] missing required field 'datasets.used': "
            "add 'used:' under 'datasets'"
        ],
    ),
    (
        "a summary-only layout takes an entry without sections",
        SUMMARY.required,
        NO_SECTIONS + "summary: x\n",
        [],
    ),
    (
        "a summary-only layout needs the summary",
        SUMMARY.required,
        GOOD,
        ["2:1: error[missing-field] missing required field 'summary': add 'summary:'"],
    ),
    (
        "a section given is whole in any layout",
        SUMMARY.required,
        NO_SECTIONS + "summary: x\ntraining: {}\n",
        [
            "6:11: error[missing-field] missing required field 'training.methods': "
            "add 'methods:' under 'training'"
        ],
    ),
    (
        "a misspelled section is reported once",
        TABLE.required,
        GOOD.replace("training:", "trainig:"),
        ["8:1: error[unknown-key] unknown key 'trainig'; did you mean 'training'?"],
    ),
]


@pytest.mark.parametrize(
    ("case", "required", "text", "expected"), REQUIRED, ids=[c[0] for c in REQUIRED]
)
def test_the_layout_s_required_fields(
    case: str, required: frozenset[str], text: str, expected: list[str]
) -> None:
    checked, diagnostics = check_entries(
        [("entries/llava.yaml", text.encode())], categories=[], required=required
    )
    assert [d.text().removeprefix("entries/llava.yaml:") for d in diagnostics] == expected
    assert (checked[0].entry is not None) == (expected == [])


def test_check_asks_for_the_fields_of_the_list_s_layout(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _register_summary(monkeypatch)
    (project / S).write_text("layout: summary-only\n", encoding="utf-8")
    (project / C).unlink()
    assert main(["check"]) == 1
    assert capsys.readouterr().out == (
        "entries/llava.yaml:2:1: error[missing-field] missing required field 'summary': "
        "add 'summary:'\n"
    )
    (project / "entries" / "llava.yaml").write_text(NO_SECTIONS + "summary: x\n", "utf-8")
    assert main(["check"]) == 0
    assert read_project(project, project).layout is SUMMARY


def test_new_writes_the_layout_s_required_fields_as_placeholders(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _register_summary(monkeypatch)
    (project / S).write_text("layout: summary-only\n", encoding="utf-8")
    (project / C).unlink()
    assert main(["new", "LLaVA 2", "--url", "https://arxiv.org/abs/2401.00001"]) == 0
    text = (project / "entries" / "llava-2.yaml").read_text("utf-8")
    assert "\nsummary: \"TODO: The panel's one-paragraph summary" in text
    assert "\n# architecture:\n" in text and "\n  # overview:\n" in text
    capsys.readouterr()
    assert main(["check", "entries/llava-2.yaml"]) == 1
    rules = [line.split(" ")[1] for line in capsys.readouterr().out.splitlines()]
    assert rules == ["error[placeholder]", "error[placeholder]"]  # title, summary


FIGURE = GOOD + "figure:\n  file: assets/llava.png\n  alt: The architecture.\n"


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        ({"assets/llava.png": "image"}, ""),
        (
            {},
            "entries/llava.yaml:17:9: error[figure-file] figure file 'assets/llava.png' is not "
            "in the list's folder; add it or fix the path\n",
        ),
        (
            {"assets/llava.png/x": "a folder, not a file"},
            "entries/llava.yaml:17:9: error[figure-file] figure file 'assets/llava.png' is not "
            "in the list's folder; add it or fix the path\n",
        ),
    ],
    ids=["present", "missing", "a folder"],
)
def test_a_local_figure_must_be_a_file_of_the_list(
    project: Path, capsys: pytest.CaptureFixture[str], made: dict[str, str], expected: str
) -> None:
    (project / "entries" / "llava.yaml").write_text(FIGURE, encoding="utf-8")
    for path, text in made.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    assert main(["check"]) == (1 if expected else 0)
    assert capsys.readouterr().out == expected
    assert main(["check", "entries/llava.yaml"]) == (1 if expected else 0)
    assert capsys.readouterr().out == expected


def test_a_figure_linking_out_of_the_list_is_not_a_file_of_it(
    project: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.png"
    outside.write_text("x", encoding="utf-8")
    (project / "assets").mkdir()
    (project / "assets" / "llava.png").symlink_to(outside)
    (project / "entries" / "llava.yaml").write_text(FIGURE, encoding="utf-8")
    assert main(["check"]) == 1
    assert "error[figure-file]" in capsys.readouterr().out


def test_import_into_a_list_whose_categories_are_in_awesome_yaml(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / C).unlink()
    (project / S).write_text("categories:\n- Encoders\n", encoding="utf-8")
    readme = project / "other.md"
    readme.write_text(
        "## Decoders\n\n<details>\n<summary>BLIP</summary>\n<table><tr><th>Title</th>"
        "<th>Architecture.Overview</th><th>Architecture.Components</th><th>Training.Methods</th>"
        "<th>Datasets.Used</th><th>Datasets.Purpose</th></tr>\n<tr><td>"
        '<a href="https://arxiv.org/abs/2201.12086">BLIP</a></td><td>o</td><td>c</td><td>m</td>'
        "<td>u</td><td>p</td></tr>\n</table>\n</details>\n",
        encoding="utf-8",
    )
    assert main(["import", "other.md", "--into", "entries"]) == 1
    assert capsys.readouterr().out == (
        "awesome.yaml:1:1: error[settings] the README has sections this file does not list; "
        "add them under 'categories:' first: Decoders\n"
    )
    assert not (project / "entries" / "blip.yaml").exists() and not (project / C).exists()
