"""`awesome-tools init` and `import` into a new folder: what a list needs, never overwriting."""

from __future__ import annotations

import json
import os
import re
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml

import awesome_tools
from awesome_tools import __version__
from awesome_tools.cli import main
from awesome_tools.core.settings import load_settings
from awesome_tools.engine import starter
from awesome_tools.layouts import LAYOUTS
from awesome_tools.layouts.panel.render import DEFAULT_TITLE
from conftest import FIXTURES, REPO

PACKAGED = Path(awesome_tools.__file__).parent / "data" / "init"
STARTED = [
    ".gitignore",
    ".pre-commit-config.yaml",
    "awesome.yaml",
    ".github/workflows/awesome.yml",
    "contributing.md",
    ".markdownlint-cli2.jsonc",
]
NOTE = (
    f"note: new/.github/workflows/awesome.yml installs awesome-tools=={__version__} from PyPI, which has it "
    "only once it is published there; until then, change its `pip install` line to a source CI "
    "can reach (git+URL@TAG), or pass --install to init\n"
)
NEXT = (
    "next, in new: `awesome-tools import README.md` or `awesome-tools new NAME`, then "
    "`pre-commit install`\n"
)
WROTE = (
    "wrote new/awesome.yaml\n"
    "wrote new/.gitignore\n"
    "wrote new/.pre-commit-config.yaml\n"
    "wrote new/.github/workflows/awesome.yml\n"
    "wrote new/contributing.md\n"
    "wrote new/.markdownlint-cli2.jsonc\n"
)
# A .gitignore of the list's own keeps its lines and gets the patterns it lacks.
MERGED = (
    "mine\n/site/\n\n# Added by `awesome-tools init`.\n.venv/\nvenv/\n__pycache__/\n"
    "*.edited.md\n.*.tmp\n.awesome-tools-*/\n"
)


@pytest.fixture(autouse=True)
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path, as an awesome-tools installed from PyPI or a local folder would."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(starter, "installed_from", lambda: None)
    return tmp_path


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_init_writes_what_a_list_needs(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "new"]) == 0
    assert capsys.readouterr() == ("", WROTE + "created new/entries/\n" + NOTE + NEXT)
    root = here / "new"
    assert files(root) == sorted(STARTED)
    assert (root / "entries").is_dir()
    assert (root / ".gitignore").read_text("utf-8") == (PACKAGED / "gitignore").read_text("utf-8")
    hooks = (PACKAGED / "pre-commit-config.yaml").read_text("utf-8")
    assert (root / ".pre-commit-config.yaml").read_text("utf-8") == hooks
    settings, problems = load_settings(
        (root / "awesome.yaml").read_bytes(),
        "awesome.yaml",
        categories_raw=None,
        categories_path="categories.yaml",
        layouts=list(LAYOUTS),
    )
    assert (settings.title, settings.layout, problems) == (DEFAULT_TITLE, "table", [])
    workflow = yaml.safe_load((root / ".github/workflows/awesome.yml").read_text("utf-8"))
    runs = [step.get("run") for step in workflow["jobs"]["check"]["steps"]]
    assert runs == [
        None,
        None,
        f"python -m pip install awesome-tools=={__version__}",
        "awesome-tools check",
        "awesome-tools lint",
        "awesome-tools render --check",
    ]


def test_hooks_run_the_installed_tool_on_the_exported_hooks_patterns() -> None:
    """The written hooks are the exported ones (.pre-commit-hooks.yaml), run from PATH, with the
    settings file in the render hook's pattern."""
    exported = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    written = yaml.safe_load((PACKAGED / "pre-commit-config.yaml").read_text("utf-8"))
    (repo,) = written["repos"]
    assert repo["repo"] == "local"
    for hook in repo["hooks"]:
        assert hook["language"] == "system"
        assert hook["entry"] == exported[hook["id"]]["entry"]
        assert hook.get("pass_filenames", True) == exported[hook["id"]].get("pass_filenames", True)
        assert hook["files"] == exported[hook["id"]]["files"]
    assert [h["id"] for h in repo["hooks"]] == list(exported)
    render = repo["hooks"][2]["files"]
    assert render == (
        r"^(README\.md|assets/architectures/CREDITS\.md|awesome\.yaml|categories\.yaml"
        r"|entries/.*\.ya?ml|templates/.*)$"
    )


@pytest.mark.parametrize(
    ("title", "layout", "install", "expected_run"),
    [
        ("My List", "panel", None, f"python -m pip install awesome-tools=={__version__}"),
        (
            'A "quoted": list # not a comment',
            "table",
            "git+https://example.org/tools.git@v1.0.0",
            "python -m pip install git+https://example.org/tools.git@v1.0.0",
        ),
        (
            "Ünïcode ✓",
            "table",
            "awesome-tools >= 0.1",
            "python -m pip install 'awesome-tools >= 0.1'",
        ),
        (  # YAML's and the shell's special characters stay inside the one value
            "T",
            "table",
            "x: y #z '$HOME'",
            "python -m pip install 'x: y #z '\"'\"'$HOME'\"'\"''",
        ),
    ],
)
def test_title_layout_and_install_are_written_safely(
    here: Path, title: str, layout: str, install: str | None, expected_run: str
) -> None:
    args = ["init", "new", "--title", title, "--layout", layout]
    assert main([*args, *(["--install", install] if install else [])]) == 0
    settings = yaml.safe_load((here / "new" / "awesome.yaml").read_text("utf-8"))
    assert settings == {"title": title, "layout": layout}
    workflow = yaml.safe_load((here / "new/.github/workflows/awesome.yml").read_text("utf-8"))
    assert workflow["jobs"]["check"]["steps"][2]["run"] == expected_run


@pytest.mark.parametrize(
    ("direct_url", "expected"),
    [
        (None, None),
        ('{"url": "file:///src/awesome-tools", "dir_info": {"editable": true}}', None),
        ('{"url": "file:///tmp/a.whl", "archive_info": {}}', None),
        (
            '{"url": "https://github.com/o/awesome-tools", "vcs_info": {"vcs": "git", '
            '"commit_id": "0123abc", "requested_revision": "v0.1.0"}}',
            "git+https://github.com/o/awesome-tools@0123abc",
        ),
        (
            '{"url": "https://github.com/o/t", "vcs_info": {"vcs": "git"}}',
            "git+https://github.com/o/t",
        ),
        ('{"url": "https://hg.example.org/t", "vcs_info": {"vcs": "hg"}}', None),
        ('{"url": "file:///src/t", "vcs_info": {"vcs": "git", "commit_id": "1"}}', None),
        ("not json", None),
        ("[1, 2]", None),
    ],
)
def test_ci_installs_from_where_this_tool_came_from(
    monkeypatch: pytest.MonkeyPatch, direct_url: str | None, expected: str | None
) -> None:
    monkeypatch.undo()  # the real installed_from, on a stand-in distribution

    class Distribution:
        def read_text(self, name: str) -> str | None:
            assert name == "direct_url.json"
            return direct_url

    monkeypatch.setattr(metadata, "distribution", lambda name: Distribution())
    assert starter.installed_from() == expected
    assert starter.default_install() == (expected or f"awesome-tools=={__version__}")


@pytest.mark.parametrize(
    ("before", "force", "code", "err", "after"),
    [
        (  # settings of the maintainer's own: kept and named, the rest written
            {"awesome.yaml": "title: Mine\n"},
            False,
            1,
            WROTE.replace("wrote new/awesome.yaml\n", "")
            + "created new/entries/\n"
            + "awesome-tools: kept new/awesome.yaml: it exists with other text (use --force to "
            "replace it)\n" + NOTE,
            {"awesome.yaml": "title: Mine\n"},
        ),
        (  # a .gitignore of the maintainer's own: merged, forced or not
            {".gitignore": "mine\n/site/\n"},
            False,
            0,
            WROTE + "created new/entries/\n" + NOTE + NEXT,
            {".gitignore": MERGED},
        ),
        (
            {".gitignore": "mine\n/site/\n", "awesome.yaml": "title: Mine\n"},
            True,
            0,
            WROTE + "created new/entries/\n" + NOTE + NEXT,
            {".gitignore": MERGED},
        ),
        (  # the same text already: nothing to say about it
            {".gitignore": (PACKAGED / "gitignore").read_text("utf-8")},
            False,
            0,
            WROTE.replace("wrote new/.gitignore\n", "") + "created new/entries/\n" + NOTE + NEXT,
            {".gitignore": (PACKAGED / "gitignore").read_text("utf-8")},
        ),
        (  # a contributing guide of the list's own, under awesome-lint's other name
            {"CONTRIBUTING.md": "# How to help\n"},
            False,
            0,
            WROTE.replace("wrote new/contributing.md\n", "")
            + "created new/entries/\n"
            + NOTE
            + NEXT,
            {"CONTRIBUTING.md": "# How to help\n"},
        ),
        (  # markdownlint settings of the list's own, in another of the files it reads
            {".markdownlint.yaml": "MD033: false\n"},
            False,
            0,
            WROTE.replace("wrote new/.markdownlint-cli2.jsonc\n", "")
            + "created new/entries/\n"
            + NOTE
            + NEXT,
            {".markdownlint.yaml": "MD033: false\n"},
        ),
    ],
    ids=["kept", "gitignore-merged", "forced", "same", "own-guide", "own-markdownlint"],
)
def test_existing_files_are_kept_unless_forced(
    here: Path,
    capsys: pytest.CaptureFixture[str],
    before: dict[str, str],
    force: bool,
    code: int,
    err: str,
    after: dict[str, str],
) -> None:
    root = here / "new"
    root.mkdir()
    for name, text in before.items():
        (root / name).write_text(text, "utf-8")
    assert main(["init", "new", *(["--force"] if force else [])]) == code
    assert capsys.readouterr() == ("", err)
    for name, text in after.items():
        assert (root / name).read_text("utf-8") == text
    # A file of the list's own under another name stands for the starter file.
    own = [n for n in before if n not in STARTED]
    instead = {
        ".markdownlint.yaml": ".markdownlint-cli2.jsonc",
        "CONTRIBUTING.md": "contributing.md",
    }
    assert files(root) == sorted({*STARTED, *own} - {instead[n] for n in own})


def test_a_second_init_changes_nothing(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "new"]) == 0
    capsys.readouterr()
    assert main(["init", "new"]) == 0
    assert capsys.readouterr() == ("", "nothing written: new is set up already\n" + NEXT)


@pytest.mark.parametrize(
    ("link", "to", "shown"),
    [
        (".gitignore", "outside/file", "new/.gitignore leads out of the list through a link"),
        (
            ".github",
            "outside",
            "new/.github/workflows/awesome.yml leads out of the list through the link new/.github",
        ),
        ("entries", "outside", "new/entries leads out of the list through a link"),
    ],
)
def test_a_link_out_of_the_list_is_refused(
    here: Path, capsys: pytest.CaptureFixture[str], link: str, to: str, shown: str
) -> None:
    (here / "outside").mkdir()
    (here / "outside" / "file").write_text("theirs\n", "utf-8")
    root = here / "new"
    root.mkdir()
    (root / link).symlink_to(here / to)
    assert main(["init", "new", "--force"]) == 1
    assert capsys.readouterr() == (
        "",
        f"awesome-tools: {shown}\nawesome-tools: nothing written\n",
    )
    assert files(here / "outside") == ["file"]
    assert (here / "outside" / "file").read_text("utf-8") == "theirs\n"
    assert sorted(os.listdir(root)) == [link]


def test_a_link_inside_the_list_is_written_through(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = here / "new"
    (root / "shared").mkdir(parents=True)
    (root / "shared" / "ignore").write_text("mine\n", "utf-8")
    (root / ".gitignore").symlink_to(Path("shared") / "ignore")
    assert main(["init", "new", "--force"]) == 0
    assert "wrote new/shared/ignore\n" in capsys.readouterr().err
    assert (root / ".gitignore").is_symlink()
    assert (root / "shared" / "ignore").read_text("utf-8") == (
        "mine\n\n# Added by `awesome-tools init`.\n/site/\n.venv/\nvenv/\n__pycache__/\n"
        "*.edited.md\n.*.tmp\n.awesome-tools-*/\n"
    )


@pytest.mark.parametrize(
    ("option", "value", "err"),
    [
        (
            "--title",
            "",
            "awesome-tools: --title '' is not a title: blank, or with a control character\n",
        ),
        (
            "--title",
            "Bell\x07",
            "awesome-tools: --title 'Bell\\x07' is not a title: blank, or with a control "
            "character\n",
        ),
        (  # a second line would be a step of the workflow's own
            "--install",
            "ok\n      - run: evil",
            "awesome-tools: --install 'ok\\n      - run: evil' is not a pip requirement on one "
            "line\n",
        ),
        ("--install", " ", "awesome-tools: --install ' ' is not a pip requirement on one line\n"),
    ],
)
def test_a_title_or_requirement_that_is_no_text_is_a_usage_error(
    here: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, err: str
) -> None:
    assert main(["init", "new", option, value]) == 2
    assert capsys.readouterr() == ("", err)
    assert not (here / "new").exists()


@pytest.mark.parametrize(
    ("make", "err"),
    [
        ("file", "awesome-tools: new is not a folder\n"),
        (
            "entries-file",
            "awesome-tools: new/entries is not a folder\nawesome-tools: nothing written\n",
        ),
    ],
)
def test_what_is_not_a_folder_is_said(
    here: Path, capsys: pytest.CaptureFixture[str], make: str, err: str
) -> None:
    if make == "file":
        (here / "new").write_text("x\n", "utf-8")
    else:
        (here / "new").mkdir()
        (here / "new" / "entries").write_text("x\n", "utf-8")
    assert main(["init", "new"]) == (2 if make == "file" else 1)
    assert capsys.readouterr() == ("", err)
    assert not (here / "new" / "awesome.yaml").exists()


@pytest.mark.parametrize(
    ("readme", "settings"),
    [
        (
            "upstream-146fbe4-README.md",
            {
                "title": "👁️\u200d🗨️Awesome Vision Language Model Architectures👁️\u200d🗨️",
                "layout": "table",
            },
        ),
        (
            "panel-unseen-README.md",
            {
                "layout": "panel",
                "title": "Awesome Tiny VLMs [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
                "figure_markers": "slug",
            },
        ),
    ],
)
def test_import_into_a_new_folder_sets_the_list_up(
    here: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    readme: str,
    settings: dict[str, str],
) -> None:
    """No entries/ here or above: the folder becomes a list, set up as init does; the settings
    are the README's (its layout, its title)."""
    root = here / "new"
    root.mkdir()
    monkeypatch.chdir(root)
    assert main(["import", str(FIXTURES / readme)]) == 0
    err = capsys.readouterr().err
    # A panel README brings its own settings (written with its template, not by the set-up).
    started = [n for n in starter.FILES if n != "awesome.yaml" or settings["layout"] == "table"]
    assert "".join(f"wrote {name}\n" for name in started) + NOTE.replace("new/", "") in err
    assert yaml.safe_load((root / "awesome.yaml").read_text("utf-8")) == settings
    for name in (".gitignore", ".pre-commit-config.yaml", ".github/workflows/awesome.yml"):
        packaged = (PACKAGED / starter.FILES[name]).read_text("utf-8")
        assert (root / name).read_text("utf-8") == packaged.replace(
            "$install", f'"python -m pip install awesome-tools=={__version__}"'
        )
    assert (root / "entries").is_dir()


def test_import_into_an_existing_list_sets_nothing_up(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "entries").mkdir()
    assert main(["import", str(FIXTURES / "panel-unseen-README.md")]) == 0
    assert "wrote" not in capsys.readouterr().err
    assert not (here / ".gitignore").exists()
    assert not (here / ".github").exists()


def test_import_refuses_a_link_out_of_the_new_list(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "outside").mkdir()
    root = here / "new"
    root.mkdir()
    (root / ".github").symlink_to(here / "outside")
    assert main(["import", str(FIXTURES / "panel-unseen-README.md"), "--root", "new"]) == 1
    assert capsys.readouterr().err.endswith(
        "awesome-tools: new/.github/workflows/awesome.yml leads out of the list through the "
        "link new/.github\n"
        "awesome-tools: nothing written\n"
    )
    assert sorted(os.listdir(root)) == [".github"]
    assert os.listdir(here / "outside") == []


def test_help_offers_init(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--help"]) == 0
    out = capsys.readouterr().out
    assert f"(default: {DEFAULT_TITLE})" in out
    assert f"--layout {{{','.join(LAYOUTS)}}}" in out


@pytest.mark.parametrize(
    ("init", "code", "last_out", "err"),
    [
        (  # init's default layout is table: a panel README would not render in it
            ["init"],
            1,
            "awesome.yaml:4:1: error[settings] the README is in the panel layout and this list "
            "in the table layout: set 'layout: panel' here first",
            "awesome-tools: nothing written\n1 file checked: 1 error, 7 warnings\n",
        ),
        (
            ["init", "--layout", "panel"],
            0,
            "warning[import] the panel is written back normalised from this line: ''",
            "imported 2 entries into entries/ (2 written)\n1 file checked: 0 errors, 7 warnings\n",
        ),
    ],
    ids=["table", "panel"],
)
def test_import_after_init_needs_the_readmes_layout(
    here: Path,
    capsys: pytest.CaptureFixture[str],
    init: list[str],
    code: int,
    last_out: str,
    err: str,
) -> None:
    assert main(init) == 0
    capsys.readouterr()
    assert main(["import", str(FIXTURES / "panel-unseen-README.md")]) == code
    out, said = capsys.readouterr()
    assert said == err
    assert out.splitlines()[-1].endswith(last_out)
    assert sorted(p.name for p in (here / "entries").iterdir()) == (
        ["mobilevlm-v2.yaml", "tinyllava.yaml"] if code == 0 else []
    )


INIT_SETTINGS = 'title: "Mine"\nlayout: panel\n'
MARKERS_COMMENT = "# position: figure comments numbered by place\n"
# (case, the list's awesome.yaml, what import read off the README, merged, notes)
MERGE_CASES = [
    (
        "a setting the list lacks is appended with its comment",
        INIT_SETTINGS,
        'layout: panel\ntitle: "Theirs"\n' + MARKERS_COMMENT + "figure_markers: position\n",
        INIT_SETTINGS + MARKERS_COMMENT + "figure_markers: position\n",
        [],
    ),
    (
        "the heading level too",
        INIT_SETTINGS,
        "layout: panel\npanel_heading_level: 2\nfigure_markers: slug\n",
        INIT_SETTINGS + "panel_heading_level: 2\nfigure_markers: slug\n",
        [],
    ),
    (
        "the list's own value is kept and said",
        INIT_SETTINGS + "figure_markers: slug\n",
        "layout: panel\nfigure_markers: position\n",
        INIT_SETTINGS + "figure_markers: slug\n",
        ["keeps 'figure_markers: slug' where the imported README reads 'figure_markers: position'"],
    ),
    ("nothing to add", INIT_SETTINGS, "layout: panel\n", INIT_SETTINGS, []),
    (
        "a file without a final newline",
        "layout: panel",
        "layout: panel\nfigure_markers: slug\n",
        "layout: panel\nfigure_markers: slug\n",
        [],
    ),
]


@pytest.mark.parametrize(
    ("case", "current", "imported", "merged", "notes"),
    MERGE_CASES,
    ids=[c[0] for c in MERGE_CASES],
)
def test_merged_settings(
    case: str, current: str, imported: str, merged: str, notes: list[str]
) -> None:
    assert starter.merged_settings(current, imported) == (merged, notes)


def _jsonc(path: Path) -> Any:
    return json.loads(re.sub(r"^\s*//.*$", "", path.read_text("utf-8"), flags=re.M))


def test_the_written_markdownlint_settings_are_the_ones_the_peers_pass() -> None:
    """The settings init writes are this repository's, whose README and the upstream catalog's
    rendered README pass markdownlint-cli2 with them (tests/test_peers.py)."""
    written = _jsonc(PACKAGED / "markdownlint-cli2.jsonc")
    assert written["config"] == _jsonc(REPO / ".markdownlint-cli2.jsonc")["config"]
    assert written["globs"] == ["README.md"]
