"""Panels at the README's heading level: the 2025 upstream README's `## **Name: Title**` panels
imported, rendered and linted; headings that are not panels said, never silently lost."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_tools.cli import main
from awesome_tools.core.schema import Entry
from awesome_tools.core.settings import Settings
from awesome_tools.core.templates import load_templates
from awesome_tools.layouts.panel import LAYOUT as PANEL
from awesome_tools.layouts.panel.lint import lint_panels
from awesome_tools.layouts.panel.quirks import PanelEntry
from awesome_tools.layouts.panel.read import read_panel_readme
from conftest import TESTS
from test_roundtrip import panel_entries

FIXTURES = TESTS / "fixtures"
OLDER = FIXTURES / "upstream-7f19681-README.md"  # upstream at 7f19681 (2025-02-24), CC0 1.0
BOLD = re.compile(r"^(#{2,3}) \*\*(.+?)\*\*[ \t]*$")


def _headings(text: str) -> list[tuple[str, str]]:
    return [(m[1], m[2]) for line in text.split("\n") if (m := BOLD.match(line))]


def _import(readme: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    (root / "entries").mkdir(parents=True)
    monkeypatch.chdir(root)
    return main(["import", str(readme)])


def _verbatim(original: str, rendered: str) -> int:
    """The non-blank lines of the original reproduced verbatim and in order."""
    want = [line for line in original.split("\n") if line.strip()]
    have = [line for line in rendered.split("\n") if line.strip()]
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def test_the_2025_readme_imports_every_model_at_its_level(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    original = OLDER.read_text("utf-8")
    headings = _headings(original)
    assert len(headings) == 97
    assert [h for h, _ in headings].count("###") == 1  # KOSMOS-2, the odd one
    root = tmp_path / "list"
    assert _import(OLDER, root, monkeypatch) == 0
    out, err = capsys.readouterr()
    assert "imported 97 entries into entries/ (97 written)" in err
    assert "error[" not in out
    assert len(list((root / "entries").iterdir())) == 97
    assert (
        (root / "awesome.yaml")
        .read_text("utf-8")
        .endswith("panel_heading_level: 2\nfigure_markers: slug\n")
    )
    kosmos = (root / "entries" / "kosmos-2.yaml").read_text("utf-8")
    assert "  heading_level: '3'\n" in kosmos
    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    assert err == "97 files checked: 0 errors, 9 warnings\n"
    # Upstream's own label mistakes (a GitHub badge on a project page and the like).
    assert [line.split(" ", 2)[1] for line in out.splitlines()] == [
        "warning[badge-destination]"
    ] * 9
    assert main(["render"]) == 0
    capsys.readouterr()
    assert main(["lint"]) == 0
    assert capsys.readouterr() == ("", "1 file checked: no problems\n")
    rendered = (root / "README.md").read_text("utf-8")
    assert _headings(rendered) == headings
    # docs/panel.md gives these figures (the ### READMEs of 2024 for comparison).
    assert (_verbatim(original, rendered), len([x for x in original.split("\n") if x.strip()])) == (
        706,
        1110,
    )
    again = tmp_path / "again"
    assert _import(root / "README.md", again, monkeypatch) == 0
    for folder in ("entries", "templates"):
        first = {p.name: p.read_bytes() for p in (root / folder).iterdir()}
        assert {p.name: p.read_bytes() for p in (again / folder).iterdir()} == first
    assert (again / "awesome.yaml").read_bytes() == (root / "awesome.yaml").read_bytes()


def _panel(hashes: str, title: str, url: str) -> str:
    badge = f"[![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)]({url})"
    return f"{hashes} **{title}**\n\nA summary.\n\n{badge}\n"


LLAVA = "LLaVA: Visual Instruction Tuning", "https://arxiv.org/abs/2304.08485"
BLIP = "BLIP: Bootstrapping", "https://arxiv.org/abs/2201.12086"
CLIP = "CLIP: Contrastive", "https://arxiv.org/abs/2103.00020"
HEAD = "# List\n\n## Contents\n\n- [Architectures](#architectures)\n\n## Architectures\n\n"
SHAPE = "`## **Name: Title**` or `### **Name: Title**`"
NOT_PANEL = (
    f"is followed by a panel's parts, but a panel heading is {SHAPE}: not imported as a panel"
)
NO_ROW = "warning[import] panel '{}' has no release timeline row"

# What import writes of the figure comments of READMEs that name none.
MARKERS = "figure_markers: slug\n"

# (case, README, entry files, panel_heading_level written, diagnostics after 'README.md:')
CASES = [
    (
        "## panels under ## sections",
        HEAD + _panel("##", *LLAVA) + "\n" + _panel("##", *BLIP) + "\n## References\n\n- x\n",
        ["blip.yaml", "llava.yaml"],
        "panel_heading_level: 2\n",
        ["9:1: " + NO_ROW.format("LLaVA"), "15:1: " + NO_ROW.format("BLIP")],
    ),
    (
        "one ### panel among ## ones",
        HEAD + _panel("##", *LLAVA) + "\n" + _panel("###", *BLIP) + "\n" + _panel("##", *CLIP),
        ["blip.yaml", "clip.yaml", "llava.yaml"],
        "panel_heading_level: 2\n",
        [f"{n}:1: " + NO_ROW.format(m) for n, m in ((9, "LLaVA"), (15, "BLIP"), (21, "CLIP"))],
    ),
    (
        "a bold ## heading of the frame in a ### list",
        "# List\n\n## **Note**\n\nSome text.\n\n## Architectures\n\n" + _panel("###", *LLAVA),
        ["llava.yaml"],
        "",
        [
            "3:1: warning[import] heading '## **Note**' is not followed by a panel's badges, "
            "figure, release line or deep dive: not imported as a panel",
            "9:1: " + NO_ROW.format("LLaVA"),
        ],
    ),
    (
        "a #### panel: its lines dropped, each said",
        HEAD + _panel("###", *LLAVA) + "\n" + _panel("####", *BLIP),
        ["llava.yaml"],
        "",
        [
            "9:1: " + NO_ROW.format("LLaVA"),
            "14:1: warning[import] the panel is written back with 5 lines instead of 11",
            f"15:1: warning[import] heading '#### **BLIP: Bootstrapping**' {NOT_PANEL}",
            "15:1: warning[import] panel 'LLaVA': line not part of a panel's shape; dropped: "
            "'#### **BLIP: Bootstrapping**'",
            "17:1: warning[import] panel 'LLaVA': line not part of a panel's shape; dropped: 'A summary.'",
            "19:1: warning[import] panel 'LLaVA': line not part of a panel's shape; dropped: "
            "'[![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](ht'",
        ],
    ),
    (
        "a panel heading that is not bold stays in the frame",
        HEAD
        + _panel("###", *LLAVA)
        + "\n## BLIP: Bootstrapping\n\n[![arXiv](x.svg)](https://a.b)\n",
        ["llava.yaml"],
        "",
        [
            "9:1: " + NO_ROW.format("LLaVA"),
            f"15:1: warning[import] heading '## BLIP: Bootstrapping' {NOT_PANEL}",
        ],
    ),
]


@pytest.mark.parametrize(
    ("case", "readme", "files", "level", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_panel_headings_and_the_headings_left_out(
    case: str, readme: str, files: list[str], level: str, expected: list[str]
) -> None:
    plan = read_panel_readme(readme.encode(), "README.md")
    assert sorted(plan.files) == files
    assert plan.others["awesome.yaml"] == 'layout: panel\ntitle: "List"\n' + level + MARKERS
    assert [d.text() for d in plan.diagnostics] == [f"README.md:{line}" for line in expected]


def test_a_readme_whose_panels_would_be_mostly_lost_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    text = HEAD + _panel("###", *LLAVA) + "\n" + _panel("####", *BLIP) + "\n"
    readme.write_text(text + _panel("####", *CLIP), "utf-8")
    assert _import(readme, tmp_path / "list", monkeypatch) == 1
    out, err = capsys.readouterr()
    assert err == "awesome-tools: nothing written\n1 file checked: 1 error, 10 warnings\n"
    assert out.splitlines()[2] == (
        "../README.md:15:1: error[import] 2 headings followed by a panel's parts are not panel "
        f"headings (panel headings: 1): their panels would be lost; write them as {SHAPE}"
    )
    assert list((tmp_path / "list" / "entries").iterdir()) == []


def _entries() -> list[Entry]:
    return [
        PanelEntry.model_validate(
            {
                "name": name.split(":")[0],
                "title": name,
                "url": url,
                "released": f"2024-0{n}-01",
                "summary": "A summary.",
                "links": [{"kind": "paper", "url": url, "label": "arXiv"}],
            }
            | ({"panel_quirks": {"heading_level": "3"}} if n == 2 else {})
        )
        for n, (name, url) in enumerate((LLAVA, BLIP, CLIP), 1)
    ]


def test_render_writes_the_list_s_level_and_the_odd_panel_s_own() -> None:
    settings = Settings("panel", title="List", panel_heading_level=2)
    readme = PANEL.render(_entries(), settings, load_templates(None))
    assert _headings(readme) == [("##", CLIP[0]), ("###", BLIP[0]), ("##", LLAVA[0])]
    plan = read_panel_readme(readme.encode(), "README.md")
    assert plan.diagnostics == []
    assert plan.others["awesome.yaml"].endswith("panel_heading_level: 2\nfigure_markers: slug\n")
    assert "panel_quirks:\n  heading_level: '3'\n" in plan.files["blip.yaml"]
    assert "panel_quirks" not in plan.files["clip.yaml"]
    assert lint_panels(readme, "README.md", expected=readme) == []


LINT = [
    ("a ## heading among ## panels", "## Other\n", 3, "## Other", "##"),
    ("a ### heading among ### panels", "### Other\n", 3, "### Other", "###"),
]


@pytest.mark.parametrize(
    ("case", "extra", "line", "shown", "hashes"), LINT, ids=[c[0] for c in LINT]
)
def test_panel_heading_at_the_readme_s_level(
    case: str, extra: str, line: int, shown: str, hashes: str
) -> None:
    text = f"{hashes} **{LLAVA[0]}**\n\n[![arXiv](x.svg)]({LLAVA[1]})\n{extra}\n"
    text += f"{hashes} **{BLIP[0]}**\n\n[![arXiv](x.svg)]({BLIP[1]})\n"
    assert [d.text() for d in lint_panels(text, "README.md")] == [
        f"README.md:4:1: error[panel-heading] panel heading '{shown}' is not "
        f"`{hashes} **Name: Title**`: the index, timeline and drift find panels by that shape"
    ]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(panel_entries(), st.sampled_from([2, 3]))
def test_import_of_render_gives_back_the_level(original: list[Entry], level: int) -> None:
    readme = PANEL.render(
        original, Settings("panel", panel_heading_level=level), load_templates(None)
    )
    plan = read_panel_readme(readme.encode(), "README.md")
    assert plan.diagnostics == []
    written = "panel_heading_level: 2\n" if level == 2 else ""
    assert plan.others["awesome.yaml"].startswith("layout: panel\ntitle: ")
    assert plan.others["awesome.yaml"].endswith('"\n' + written + MARKERS)
    assert "heading_level" not in "".join(plan.files.values())
    assert [h for h, _ in _headings(readme)] == ["#" * level] * len(original)
