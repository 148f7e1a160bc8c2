"""Figure markers: by place (upstream's convention, kept on import) or by entry (`figure_markers:
slug`, a new list's default), so that one model added to the list is one hunk of its README."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.layouts.panel.lint import lint_panels
from awesome_tools.layouts.panel.parts import HEADING
from awesome_tools.layouts.panel.read import read_panel_readme
from conftest import TESTS, stand_in_figures

FIXTURES = TESTS / "fixtures"
UPSTREAM = FIXTURES / "upstream-74897b3-README.md"
CREDITS = Path("assets/architectures/CREDITS.md")

ADDED = """\
name: Example VLM
title: 'Example VLM: A Model Added in a Pull Request'
url: https://arxiv.org/abs/2406.00001
released: '{date}'
summary: Example VLM joins a CLIP encoder to a small language model through an MLP.
links:
- kind: paper
  url: https://arxiv.org/abs/2406.00001
  label: arXiv
figure:
  file: assets/architectures/example-vlm-arch.png
  alt: Example VLM architecture
  caption: The Example VLM pipeline
  number: '1'
  source: https://arxiv.org/pdf/2406.00001
deep_dive: Example VLM is built like LLaVA.
"""


def _quiet_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, out + err


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The upstream catalog imported into an empty list, with stand-ins for its figure files."""
    root = tmp_path_factory.mktemp("upstream") / "list"
    (root / "entries").mkdir(parents=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert main(["import", str(UPSTREAM)]) == 0
    stand_in_figures(root)
    (root / "assets" / "architectures" / "example-vlm-arch.png").write_bytes(b"")
    return root


def _list(
    upstream: Path,
    tmp_path: Path,
    markers: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Path:
    """A copy of the imported list with the given figure markers, rendered."""
    root = tmp_path / "list"
    shutil.copytree(upstream, root)
    settings = root / "awesome.yaml"
    text = settings.read_text("utf-8")
    assert text.endswith("\nfigure_markers: position\n")
    settings.write_text(text.replace("figure_markers: position", f"figure_markers: {markers}"))
    monkeypatch.chdir(root)
    _quiet_main(["render"], capsys)
    return root


def _panel_lines(lines: list[str], name: str | None) -> int:
    """How many lines a panel has, from its heading to the next panel's (0: not there)."""
    heads = [i for i, line in enumerate(lines) if HEADING.match(line)]
    start = next((i for i in heads if lines[i].startswith(f"### **{name}: ")), None)
    if start is None:
        return 0
    return next((i for i in heads if i > start), len(lines)) - start


def _changed(before: str, after: str, name: str | None = None) -> int:
    """Lines removed or added by difflib, less the named panel's own lines (in either text).

    Counted, not located: a panel that ends as the one before it does may be shown one line
    off, and the blank line between two panels counted with either.
    """
    old, new = before.split("\n"), after.split("\n")
    # The lines both texts start and end with are unchanged: difflib compares the rest only.
    n = min(len(old), len(new))
    head = next((k for k in range(n) if old[k] != new[k]), n)
    tail = next((k for k in range(n - head) if old[-1 - k] != new[-1 - k]), n - head)
    matcher = difflib.SequenceMatcher(
        None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False
    )
    changed = sum(
        (i2 - i1) + (j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )
    return changed - _panel_lines(old, name) - _panel_lines(new, name)


def _edit(root: Path, edit: str) -> str:
    """Make one contributor's change in entries/; the model it concerns."""
    if edit == "add":
        (root / "entries" / "example-vlm.yaml").write_text(ADDED.format(date="2024-06-15"))
        return "Example VLM"
    llava = root / "entries" / "llava-1-5.yaml"
    if edit == "remove":
        llava.unlink()
    else:
        llava.write_text(llava.read_text("utf-8").replace("'2023-10-05'", "'2025-01-15'"))
    return "LLaVA 1.5"


# (markers, edit, README lines changed outside the model's panel, credits lines changed)
# Outside the panel, with slugs: the two counts, the year lines of the index (one each way) and
# the timeline's rows. By place, every later panel's figure comments are renumbered too.
CASES = [
    ("slug", "add", 7, 1),
    ("slug", "remove", 7, 1),
    ("slug", "redate", 6, 2),
    ("position", "add", 207, 1),
    ("position", "remove", 103, 1),
    ("position", "redate", 106, 2),
]


@pytest.mark.parametrize(("markers", "edit", "outside", "credits"), CASES)
def test_one_model_is_one_hunk_with_stable_markers(
    upstream: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    markers: str,
    edit: str,
    outside: int,
    credits: int,
) -> None:
    root = _list(upstream, tmp_path, markers, monkeypatch, capsys)
    before = (root / "README.md").read_text("utf-8")
    credits_before = (root / CREDITS).read_text("utf-8")
    name = _edit(root, edit)
    _quiet_main(["render"], capsys)
    after = (root / "README.md").read_text("utf-8")
    found = _changed(before, after, name)
    print(f"\n{markers} {edit}: {found} README lines changed outside the panel of {name}")
    assert found == outside
    if edit == "add":
        marker = "example-vlm" if markers == "slug" else "36"
        assert f"\n<!-- architecture-figure:{marker} -->\n" in after
    if markers == "slug":
        assert found <= 12  # issue 17's bound
    assert _changed(credits_before, (root / CREDITS).read_text("utf-8")) == credits


def test_the_switch_renames_each_figure_s_comments_once_and_round_trips(
    upstream: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`figure_markers: slug` in a migrated list: one render renames the two comment lines of
    each figure and changes nothing else in README.md; it then imports back to slug markers."""
    root = _list(upstream, tmp_path, "position", monkeypatch, capsys)
    numbered = (root / "README.md").read_text("utf-8")
    credits = (root / CREDITS).read_text("utf-8")
    settings = root / "awesome.yaml"
    settings.write_text(settings.read_text("utf-8").replace("position\n", "slug\n"))
    _quiet_main(["render"], capsys)
    named = (root / "README.md").read_text("utf-8")
    old, new = numbered.split("\n"), named.split("\n")
    assert len(old) == len(new)
    renamed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert len(renamed) == 2 * 155  # the two comments of each panel's figure, nothing else
    comment = re.compile(r"<!-- (/?)architecture-figure:([a-z0-9-]+) -->")
    for a, b in renamed:
        was, now = comment.fullmatch(a), comment.fullmatch(b)
        assert was and now and was[1] == now[1] and was[2].isdigit() and not now[2].isdigit()
    assert "\n<!-- architecture-figure:llava-1-5 -->\n" in named
    assert "\n<!-- /architecture-figure:llava-1-5 -->\n" in named
    assert re.findall(r"^<!-- /?architecture-figure:\d+ -->$", named, re.M) == []
    # The credits follow the panels' order now, no longer the figure numbers: 11 rows move.
    reordered = (root / CREDITS).read_text("utf-8")
    assert sorted(credits.split("\n")) == sorted(reordered.split("\n"))
    assert _changed(credits, reordered) == 2 * 11
    _quiet_main(["lint"], capsys)
    again = tmp_path / "again"
    (again / "entries").mkdir(parents=True)
    monkeypatch.chdir(again)
    _quiet_main(["import", str(root / "README.md")], capsys)
    assert (again / "awesome.yaml").read_text("utf-8").endswith("\nfigure_markers: slug\n")
    kept = "".join(p.read_text("utf-8") for p in (again / "entries").glob("*.yaml"))
    assert "figure_id" not in kept  # the numbers of the old comments are gone with them
    shutil.copytree(root / "assets", again / "assets")
    _quiet_main(["render"], capsys)
    assert (again / "README.md").read_text("utf-8") == named


def _two_panels(first: str | None, second: str | None) -> str:
    """A panel README of two models, their figure comments named as given (None: a bare
    image, as older panel READMEs have)."""

    def panel(name: str, title: str, marker: str | None) -> str:
        image = f'<p align="center">\n  <img src="{name}.png" alt="{name} architecture">\n</p>'
        figure = (
            image
            if marker is None
            else f"<!-- architecture-figure:{marker} -->\n{image}\n"
            f"<!-- /architecture-figure:{marker} -->"
        )
        return (
            f"### **{name}: {title}**\n\nA summary.\n\n"
            f"[![arXiv](https://img.shields.io/badge/arXiv-blue?style=flat-square)]"
            f"(https://arxiv.org/abs/2304.0848{len(name)})\n\n{figure}\n"
        )

    return (
        "# List\n\n## Release Timeline\n\n| Date | Architecture | Distinctive contribution |\n"
        "| --- | --- | --- |\n| 2023-10-05 | LLaVA 1.5 | — |\n| 2023-04-17 | LLaVA | — |\n\n"
        "## Architectures\n\n"
        + panel("LLaVA 1.5", "Improved Baselines", first)
        + "\n"
        + panel("LLaVA", "Visual Instruction Tuning", second)
    )


W = "warning[import]"
BARE = f"{W} figure is written back in the figure-block shape (with its comments)"
AGAIN = f"{W} the panel is written back normalised from this line:"
# (case, the two panels' figure comments, the setting import writes, each entry's figure_id,
#  import's warnings)
IMPORT_CASES: list[tuple[str, tuple[str | None, str | None], str, list[str | None], list[str]]] = [
    ("numbered by place", ("1", "2"), "position", [None, None], []),
    ("a number off its place is kept", ("1", "7"), "position", [None, "7"], []),
    ("named by entry", ("llava-1-5", "llava"), "slug", [None, None], []),
    (
        "no comments at all",
        (None, None),
        "slug",
        [None, None],
        [
            f"18:1: {BARE}",
            f"18:1: {AGAIN} '<!-- architecture-figure:llava-1-5 -->'",
            f"28:1: {BARE}",
            f"28:1: {AGAIN} '<!-- architecture-figure:llava -->'",
        ],
    ),
    (
        "a name other than the entry's",
        ("llava-1-5", "llava-v1"),
        "slug",
        [None, None],
        [f"30:1: {AGAIN} '<!-- architecture-figure:llava -->'"],
    ),
    (
        "a name of the README's own",
        ("Fig_A", "Fig_B"),
        "slug",
        [None, None],
        [
            f"18:1: {AGAIN} '<!-- architecture-figure:llava-1-5 -->'",
            f"30:1: {AGAIN} '<!-- architecture-figure:llava -->'",
        ],
    ),
    (
        "a name among numbers",
        ("1", "llava-v1"),
        "position",
        [None, None],
        [f"30:1: {AGAIN} '<!-- architecture-figure:2 -->'"],
    ),
    (
        "as many names as numbers",
        ("1", "llava"),
        "slug",
        [None, None],
        [f"18:1: {AGAIN} '<!-- architecture-figure:llava-1-5 -->'"],
    ),
]


@pytest.mark.parametrize(
    ("case", "markers", "setting", "ids", "warned"), IMPORT_CASES, ids=[c[0] for c in IMPORT_CASES]
)
def test_import_reads_both_kinds_of_figure_comments(
    case: str,
    markers: tuple[str | None, str | None],
    setting: str,
    ids: list[str | None],
    warned: list[str],
) -> None:
    plan = read_panel_readme(_two_panels(*markers).encode(), "README.md")
    assert plan.others["awesome.yaml"].endswith(f"\nfigure_markers: {setting}\n")
    files = [plan.files[name] for name in ("llava-1-5.yaml", "llava.yaml")]
    found = [re.search(r"figure_id: '(\d+)'", text) for text in files]
    assert [m[1] if m else None for m in found] == ids
    assert [d.text() for d in plan.diagnostics] == [f"README.md:{w}" for w in warned]


# (case, the figure comments' two lines, lint's diagnostics)
LINT_CASES = [
    ("named by entry", ("llava", "llava"), []),
    ("numbered", ("3", "3"), []),
    (
        "closed under another name",
        ("llava", "llava-1-5"),
        ["README.md:13:1: error[panel-figure] figure block llava is closed as llava-1-5"],
    ),
    ("named by hand", ("LLaVA_1.5", "LLaVA_1.5"), []),
    (
        "closed under another hand-made name",
        ("LLaVA_1.5", "llava_1.5"),
        ["README.md:13:1: error[panel-figure] figure block LLaVA_1.5 is closed as llava_1.5"],
    ),
]


@pytest.mark.parametrize(("case", "lines", "expected"), LINT_CASES, ids=[c[0] for c in LINT_CASES])
def test_lint_reads_both_kinds_of_figure_comments(
    case: str, lines: tuple[str, str], expected: list[str]
) -> None:
    text = (
        "# List\n\n## Architectures\n\n### **LLaVA: Visual Instruction Tuning**\n\nA summary.\n\n"
        f"<!-- architecture-figure:{lines[0]} -->\n"
        '<p align="center">\n  <img src="a.png" alt="LLaVA architecture">\n</p>\n'
        f"<!-- /architecture-figure:{lines[1]} -->\n"
    )
    assert [d.text() for d in lint_panels(text, "README.md")] == expected


def _block_lines(lines: list[str], slug: str) -> int:
    """How many lines a table-layout model block has, with the blank line after it (0: none)."""
    start = next((i for i, line in enumerate(lines) if line == f'<details id="{slug}">'), None)
    if start is None:
        return 0
    return lines.index("</details>", start) + 2 - start


# (edit, README lines changed outside the model's block): the overview's row, nothing else; a
# block is named by its entry's slug (`<details id="llava">`), nothing in it by its place.
TABLE_CASES = [("add", 1), ("remove", 1), ("redate", 2)]


@pytest.mark.parametrize(("edit", "outside"), TABLE_CASES)
def test_the_table_layout_has_nothing_numbered_either(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    edit: str,
    outside: int,
) -> None:
    root = tmp_path / "list"
    shutil.copytree(FIXTURES / "list", root)
    monkeypatch.chdir(root)
    before = (root / "README.md").read_text("utf-8")
    llava = root / "entries" / "llava.yaml"
    text = llava.read_text("utf-8")
    slug = "llava"
    if edit == "add":
        slug = "llava-next-test"
        added = text.replace("name: LLaVA\n", "name: LLaVA Next Test\n")
        added = added.replace("2304.08485", "2404.08485").replace(
            "released: 2023-04", "released: 2024-04"
        )
        (root / "entries" / f"{slug}.yaml").write_text(added)
    elif edit == "remove":
        llava.unlink()
    else:
        llava.write_text(text.replace("released: 2023-04", "released: 2024-03"))
    _quiet_main(["render"], capsys)
    after = (root / "README.md").read_text("utf-8")
    old, new = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changed = sum(
        (i2 - i1) + (j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )
    # A re-dated model's block shows no date: only its overview row moves.
    inside = 0 if edit == "redate" else _block_lines(old, slug) + _block_lines(new, slug)
    assert inside == (0 if edit == "redate" else 30)
    assert changed - inside == outside


@pytest.mark.parametrize(
    ("settings", "marker"),
    [
        ("layout: panel\n", "llava-1-5"),
        ("layout: panel\nfigure_markers: slug\n", "llava-1-5"),
        ("layout: panel\nfigure_markers: position\n", "1"),
    ],
)
def test_a_list_that_does_not_say_renders_slug_markers(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    settings: str,
    marker: str,
) -> None:
    plan = read_panel_readme(_two_panels("1", "2").encode(), "README.md")
    (tmp_path / "entries").mkdir()
    for name, text in plan.files.items():
        (tmp_path / "entries" / name).write_text(text, encoding="utf-8")
    for figure in ("LLaVA 1.5.png", "LLaVA.png"):
        (tmp_path / figure).write_bytes(b"")
    (tmp_path / "awesome.yaml").write_text(settings, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _quiet_main(["render"], capsys)
    text = (tmp_path / "README.md").read_text("utf-8")
    assert f"\n<!-- architecture-figure:{marker} -->\n" in text
    assert f"\n<!-- /architecture-figure:{marker} -->\n" in text
