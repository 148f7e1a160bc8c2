"""The README's views of the whole list (layouts/views.py): the at-a-glance table, the Mermaid
lineage graph and timeline, shown where awesome.yaml's `readme_views` names them, in both
layouts; every Mermaid block parsed by Mermaid's own parser (tools/check-mermaid.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from awesome_tools.cli import main
from awesome_tools.core.schema import Entry
from awesome_tools.layouts.views import VIEWS_LOOP, lineage, mermaid_text, view_sections, years
from conftest import REPO, _sections, write_project
from test_peers import require

CHECK = REPO / "tools" / "check-mermaid.py"
BUNDLE = REPO / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
CHROMIUM = Path(os.environ.get("AWESOME_TOOLS_CHROMIUM", "/usr/bin/chromium"))
HOSTILE = 'A "quoted" [model] #1; x: y <b>&amp;</b> `tick` {c} (d) | e % f'


def model(name: str, released: str | None = None, **facets: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"name": name, "title": f"{name} paper", "url": "https://example.org/"}
    data["url"] += name.encode().hex()
    if released:
        data["released"] = released
    return {**data, **facets, **_sections(name, alignment=False)}


def entry(name: str, released: str | None = None, **facets: Any) -> Entry:
    return Entry.model_validate(model(name, released, **facets))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("LLaVA 1.5", "LLaVA 1.5"),
        ('say "hi"', "say #34;hi#34;"),
        ("a[b](c){d}", "a#91;b#93;#40;c#41;#123;d#125;"),
        ("#1; x: y", "#35;1#59; x#58; y"),
        ("<b>&</b>", "#60;b#62;#38;#60;/b#62;"),
        ("`x` | 50% *a* _b_ ~c~ =", "#96;x#96; #124; 50#37; #42;a#42; #95;b#95; #126;c#126; #61;"),
        ("back\\slash", "back#92;slash"),
    ],
)
def test_mermaid_text_codes_every_character_mermaid_reads(text: str, written: str) -> None:
    assert mermaid_text(text) == written


@pytest.mark.parametrize(
    ("entries", "nodes", "edges"),
    [
        ([entry("A"), entry("B")], [], []),
        (
            [entry("C", based_on=["b"]), entry("B", based_on=["A"]), entry("X"), entry("A")],
            [("n1", "C"), ("n2", "B"), ("n4", "A")],
            [("n2", "n1"), ("n4", "n2")],
        ),
        (
            [entry("D", based_on=["A", "B"]), entry("B"), entry("A")],
            [("n1", "D"), ("n2", "B"), ("n3", "A")],
            [("n3", "n1"), ("n2", "n1")],
        ),
        ([entry("A", based_on=["Missing"])], [], []),
    ],
)
def test_lineage_links_only_the_models_with_lineage(
    entries: list[Entry], nodes: list[tuple[str, str]], edges: list[tuple[str, str]]
) -> None:
    assert lineage(entries) == (nodes, edges)


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([entry("A")], []),
        ([entry("A", "2023-04"), entry("B")], [("2023", ["A"])]),
        (
            [entry("C", "2024-01-30"), entry("B", "2023-10"), entry("A", "2023-04")],
            [("2023", ["A", "B"]), ("2024", ["C"])],
        ),
    ],
)
def test_years_oldest_first_each_in_date_order(
    entries: list[Entry], expected: list[tuple[str, list[str]]]
) -> None:
    assert years(entries) == expected


def render_list(root: Path, models: list[dict[str, Any]], settings: str) -> str:
    """The README render writes for `models` under `settings`, after check; lint finds it
    current (no drift on what render just wrote)."""
    write_project(root, models, [])
    (root / "awesome.yaml").write_text(settings, "utf-8")
    assert main(["check"]) == 0
    assert main(["render"]) == 0
    assert main(["lint"]) == 0
    return (root / "README.md").read_text("utf-8")


TWO = [
    model("LLaVA", "2023-04", vision_family="clip-vit", params=["7B", "13B"]),
    model(
        "LLaVA 1.5",
        "2023-10",
        based_on=["LLaVA"],
        connector=["mlp", "linear"],
        license="Apache-2.0",
        open_weights="true",
    ),
]
TABLE_VIEWS = """\
## At a Glance

<table>
<thead>
<tr><th>Model</th><th>Released</th><th>Vision encoder</th><th>Language model</th><th>Connector</th><th>Sizes</th><th>Licence</th><th>Weights</th></tr>
</thead>
<tbody>
<tr><td><a href="#llava-1-5">LLaVA 1.5</a></td><td>2023-10</td><td>—</td><td>—</td><td>mlp + linear</td><td>—</td><td>Apache-2.0</td><td>open</td></tr>
<tr><td><a href="#llava">LLaVA</a></td><td>2023-04</td><td>clip-vit</td><td>—</td><td>—</td><td>7B, 13B</td><td>—</td><td>—</td></tr>
</tbody>
</table>

## Lineage

```mermaid
flowchart LR
  n1["LLaVA 1.5"]
  n2["LLaVA"]
  n2 --> n1
```

## Releases by Year

```mermaid
timeline
  2023 : LLaVA : LLaVA 1.5
```
"""


@pytest.mark.parametrize(
    ("layout", "anchors"),
    [
        ("table", ["#llava-1-5", "#llava"]),
        ("panel", ["#llava-15-paper", "#llava-paper"]),
    ],
)
def test_views_render_where_the_settings_name_them(
    project: Path, layout: str, anchors: list[str]
) -> None:
    (project / "entries" / "llava.yaml").unlink()
    models = [{**m, "summary": f"{m['name']} in short."} for m in TWO]
    settings = f"layout: {layout}\nreadme_views: [timeline, glance, lineage]\n"
    readme = render_list(project, models, settings)
    expected = TABLE_VIEWS.replace("#llava-1-5", anchors[0]).replace('"#llava"', f'"{anchors[1]}"')
    assert expected in readme
    assert readme.count("## At a Glance") == 1


@pytest.mark.parametrize(
    ("layout", "views", "shown"),
    [
        ("table", "", []),
        ("panel", "", []),
        ("table", "readme_views: [glance]\n", ["At a Glance"]),
        ("table", "readme_views: [lineage, timeline]\n", ["Lineage", "Releases by Year"]),
        ("panel", "readme_views: [timeline]\n", ["Releases by Year"]),
    ],
)
def test_each_view_is_shown_only_when_named(
    project: Path, layout: str, views: str, shown: list[str]
) -> None:
    (project / "entries" / "llava.yaml").unlink()
    models = [{**m, "summary": f"{m['name']} in short."} for m in TWO]
    readme = render_list(project, models, f"layout: {layout}\n{views}")
    found = [t for t in ("At a Glance", "Lineage", "Releases by Year") if f"## {t}\n" in readme]
    assert found == shown
    assert ("```mermaid" in readme) == any(t != "At a Glance" for t in shown)


def test_no_lineage_and_no_dates_leave_their_views_out(project: Path) -> None:
    settings = "readme_views: [glance, lineage, timeline]\n"
    readme = render_list(project, [model("LLaVA")], settings)
    assert "## At a Glance\n" in readme
    assert "## Lineage" not in readme
    assert "## Releases by Year" not in readme
    assert "- [Overview](#overview)\n- [At a Glance](#at-a-glance)\n- [Architectures]" in readme


VIEWS = " (views: glance, lineage, timeline)"


@pytest.mark.parametrize(
    ("value", "column", "message"),
    [
        ("glance", 15, "readme_views is a list of the views the README shows" + VIEWS),
        ("[glanse]", 16, "readme_views: unknown view 'glanse'; did you mean 'glance'?" + VIEWS),
        ("[glance, glance]", 24, "readme_views: 'glance' is named twice: keep one"),
        ("[[glance]]", 16, "readme_views: each view is a name" + VIEWS),
    ],
)
def test_a_wrong_readme_views_is_reported_at_its_value(
    project: Path, value: str, column: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "awesome.yaml").write_text(f"readme_views: {value}\n", "utf-8")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert out == f"awesome.yaml:1:{column}: error[settings] {message}\n"


def check_mermaid(*paths: Path) -> subprocess.CompletedProcess[str]:
    require(BUNDLE.is_file(), f"{BUNDLE.relative_to(REPO)} is missing: run `make node`")
    require(CHROMIUM.is_file(), f"Chromium is not installed at {CHROMIUM}: apt-get install it")
    command = [sys.executable, str(CHECK), *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


# Lists whose diagrams Mermaid must parse: (name, models, Mermaid blocks in the README).
DIAGRAMS: list[tuple[str, list[dict[str, Any]], int]] = [
    (
        "hostile-names",
        [
            model(HOSTILE, "2023-04"),
            model("end\\", "2023-05", based_on=[HOSTILE]),
            model("graph; click x", "2024-01", based_on=[HOSTILE, "end\\"]),
        ],
        2,
    ),
    ("no-lineage-one-year", [model("A", "2023-01"), model("B", "2023-12-31")], 1),
    (
        "many-years",
        [model(f"M{n}", f"{year}-0{n % 9 + 1}") for n, year in enumerate(range(2015, 2026))]
        + [model("Child", "2026-01", based_on=[f"M{n}" for n in range(11)]), model("Undated")],
        2,
    ),
]


def test_every_diagram_render_draws_parses_with_mermaid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    readmes = []
    for name, models, blocks in DIAGRAMS:
        for layout in ("table", "panel"):
            root = tmp_path / f"{name}-{layout}"
            root.mkdir()
            monkeypatch.chdir(root)
            summed = [{**m, "summary": "In short."} for m in models]
            settings = f"layout: {layout}\nreadme_views: [glance, lineage, timeline]\n"
            readme = render_list(root, summed, settings)
            assert readme.count("```mermaid\n") == blocks, name
            readmes.append(root / "README.md")
    done = check_mermaid(*readmes)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


BROKEN = """\
# Broken

```mermaid
flowchart LR
  n1["A"] --> n2["B
```

```mermaid
timeline
  2023 : A
```

```mermaid
flowchart LR
  n1[[[ -->
```
"""


def test_the_validator_reports_each_block_mermaid_refuses(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(BROKEN, "utf-8")
    done = check_mermaid(tmp_path / "README.md")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert [line.split(" error[mermaid] ")[0] for line in lines] == [
        f"{tmp_path / 'README.md'}:5:1:",
        f"{tmp_path / 'README.md'}:15:1:",
    ]
    assert lines[1].endswith(
        "Parse error on line 2: Expecting 'TAGEND', 'STR', 'MD_STR', 'UNICODE_TEXT', 'TEXT', "
        "'TAGSTART', got 'SQS'"
    )


def test_a_panel_readme_imports_its_views_as_the_frame_loop_and_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    source = tmp_path / "source"
    source.mkdir()
    monkeypatch.chdir(source)
    models = [{**m, "summary": "In short."} for m in (model("A", "2023-04"), model("B", "2024-01"))]
    readme = render_list(source, models, "layout: panel\nreadme_views: [glance, timeline]\n")
    copy = tmp_path / "copy"
    copy.mkdir()
    monkeypatch.chdir(copy)
    assert main(["import", str(source / "README.md")]) == 0
    settings = (copy / "awesome.yaml").read_text("utf-8")
    assert "readme_views: [glance, timeline]\n" in settings
    frame = (copy / "templates" / "README.md.j2").read_text("utf-8")
    assert f"\n\n{VIEWS_LOOP}\n\n## Architectures\n" in frame
    assert "<table>" not in frame
    assert main(["render"]) == 0
    assert (copy / "README.md").read_text("utf-8") == readme


def test_a_table_readme_import_says_how_to_show_its_views_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    source = tmp_path / "source"
    source.mkdir()
    monkeypatch.chdir(source)
    readme = render_list(source, TWO, "readme_views: [glance, lineage]\n")
    line = readme.split("\n").index("## At a Glance") + 1
    copy = tmp_path / "copy"
    copy.mkdir()
    monkeypatch.chdir(copy)
    capsys.readouterr()
    assert main(["import", str(source / "README.md")]) == 0
    note = (
        f"../source/README.md:{line}:1: warning[import] the README's views (glance, lineage) "
        "are drawn from the entries, not imported: add 'readme_views: [glance, lineage]' to "
        "awesome.yaml to show them again"
    )
    assert note in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("## At a Glance\n\n<table>\n</table>\n\n## Next\n", (0, 4, ["glance"])),
        ("# T\n\n## Lineage\n\nA graph drawn by hand.\n", None),
        (
            "## Lineage\n\n```mermaid\nflowchart LR\n```\n## Releases by Year\n\n```mermaid\n"
            "timeline\n```\n\n## Lineage\n",
            (0, 10, ["lineage", "timeline"]),
        ),
        ("## Releases by Year\n\n```mermaid\nflowchart LR\n```\n", None),
    ],
)
def test_view_sections_are_only_those_render_writes(
    text: str, found: tuple[int, int, list[str]] | None
) -> None:
    lines = text.split("\n")
    assert view_sections(lines, len(lines)) == found


@pytest.mark.parametrize(
    ("old", "new", "message", "above"),
    [
        (
            "<td>7B, 13B</td>",
            "<td>7B</td>",
            "glance row 'LLaVA' differs from entries/llava.yaml: found '7B</td><td>—</td><td>—</td>"
            "</tr>' where render writes '7B, 13B</td><td>—</td><td>—</td></tr>'; edit "
            "entries/llava.yaml, not README.md, then run `awesome-tools render`",
            0,
        ),
        (
            "  n2 --> n1\n",
            "  n1 --> n2\n",
            "the Lineage diagram (drawn from the entries) differs: found 'n1 --> n2' where render "
            "writes 'n2 --> n1'; edit the entries (released, based_on), not README.md, then run "
            "`awesome-tools render`",
            0,
        ),
        (
            "```mermaid\ntimeline\n  2023 : LLaVA : LLaVA 1.5\n```\n\n",
            "",
            "the Releases by Year diagram (drawn from the entries) is missing: render draws it "
            "here; edit the entries (released, based_on), not README.md, then run "
            "`awesome-tools render`",
            2,  # at the frame text before it: its heading
        ),
    ],
)
@pytest.mark.parametrize("shortcut", [[], ["--no-shortcut"]])
def test_an_edited_view_is_drift_named_for_what_it_is_drawn_from(
    project: Path,
    old: str,
    new: str,
    message: str,
    above: int,
    shortcut: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    (project / "entries" / "llava.yaml").unlink()
    readme = render_list(project, TWO, "readme_views: [glance, lineage, timeline]\n")
    assert readme.count(old) == 1
    (project / "README.md").write_text(readme.replace(old, new), "utf-8")
    line = readme[: readme.index(old)].count("\n") + 1 - above
    capsys.readouterr()
    assert main(["lint", *shortcut]) == 1
    found = [f.split(" error[drift] ") for f in capsys.readouterr().out.splitlines()]
    # A part left out leaves the frame text around it joined: said once more, as the frame's.
    assert [said for _, said in found if not said.startswith("text outside")] == [message]
    assert next(at for at, said in found if said == message).startswith(f"README.md:{line}:")
