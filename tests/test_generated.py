"""Every file a layout generates is checked: README.md and the panel layout's credits file.

`render --check` and `lint` compare each one with what render makes of the entries, naming the
stale file and the command that fixes it; the render hook rewrites a stale one and leaves one
edited by hand as it is, with a copy beside it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.engine.generated import edited_copy
from awesome_tools.layouts import layout_named
from awesome_tools.layouts.panel import CREDITS

MAKEFILE = "readme:\n\tawesome-tools render\n"
CREDIT_ROW = (
    "| LLaVA: Large Language and Vision Assistant | [primary source]"
    "(https://arxiv.org/pdf/2304.08485) | Official architecture diagram | [llava.png](llava.png) |"
)
CONSOLE_FIX = "awesome-tools render"
BADGE = " [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"


def _append(root: Path) -> None:
    with (root / CREDITS).open("a", encoding="utf-8") as credits:
        credits.write("| Made up | by hand | 2 | x.png |\n")


def _remove(root: Path) -> None:
    (root / CREDITS).unlink()


def _edit_row(root: Path) -> None:
    path = root / CREDITS
    path.write_text(path.read_text("utf-8").replace("[primary source]", "[the paper]"), "utf-8")


def _with_makefile(root: Path) -> None:
    (root / "Makefile").write_text(MAKEFILE, "utf-8")
    _append(root)


def _readme_too(root: Path) -> None:
    readme = root / "README.md"
    readme.write_text(readme.read_text("utf-8").replace("# Panel List", "# Other List"), "utf-8")
    _append(root)


def _diff(old: str, new: str, hunk: str) -> str:
    return f"--- {old}\n+++ {new}\n{hunk}"


APPENDED_DIFF = _diff(
    CREDITS,
    f"{CREDITS} (rendered)",
    "@@ -5,4 +5,3 @@\n"
    " | Entry | Source | Figure | Local file |\n"
    " | --- | --- | ---: | --- |\n"
    f" {CREDIT_ROW}\n"
    "-| Made up | by hand | 2 | x.png |\n",
)
STALE = f"{CREDITS} is out of date with entries/: run `{{fix}}`\n"

CHECK_CASES: list[tuple[str, Callable[[Path], None], int, Callable[[str], str], str]] = [
    # (case, change, exit code, expected stdout from the credits text, expected stderr)
    ("current", lambda root: None, 0, lambda credits: "", ""),
    (
        "a line appended to the credits file",
        _append,
        1,
        lambda credits: APPENDED_DIFF,
        STALE.format(fix=CONSOLE_FIX),
    ),
    (
        "the same, where the Makefile has `make readme`",
        _with_makefile,
        1,
        lambda credits: APPENDED_DIFF,
        STALE.format(fix="make readme"),
    ),
    (
        "the credits file deleted",
        _remove,
        1,
        lambda credits: (
            _diff(CREDITS, f"{CREDITS} (rendered)", "@@ -0,0 +1,7 @@\n")
            + "".join(f"+{line}" for line in credits.splitlines(keepends=True))
        ),
        STALE.format(fix=CONSOLE_FIX),
    ),
    (
        "README.md and the credits file stale",
        _readme_too,
        1,
        lambda credits: (
            _diff("README.md", "README.md (rendered)", "@@ -1,4 +1,4 @@\n")
            + f"-# Other List{BADGE}\n+# Panel List{BADGE}\n \n ## Models\n \n"
            + APPENDED_DIFF
        ),
        "README.md is out of date with entries/: run `awesome-tools render`\n"
        + STALE.format(fix=CONSOLE_FIX),
    ),
]


@pytest.mark.parametrize(
    ("change", "code", "out", "err"),
    [case[1:] for case in CHECK_CASES],
    ids=[case[0] for case in CHECK_CASES],
)
def test_render_check_compares_every_generated_file(
    panel_list: Path,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[Path], None],
    code: int,
    out: Callable[[str], str],
    err: str,
) -> None:
    credits = (panel_list / CREDITS).read_text("utf-8")
    change(panel_list)
    capsys.readouterr()
    assert main(["render", "--check"]) == code
    assert capsys.readouterr() == (out(credits), err)


LINT_MESSAGE = (
    f"{CREDITS}:{{line}}:1: error[drift] {CREDITS} differs from what render makes of entries/: "
    f"it is generated; edit entries/, not {CREDITS}, then run `{{fix}}`\n"
)
LINT_CASES: list[tuple[str, Callable[[Path], None], int, str, str]] = [
    ("current", lambda root: None, 0, "", "2 files checked: no problems\n"),
    (
        "a line appended",
        _append,
        1,
        LINT_MESSAGE.format(line=8, fix=CONSOLE_FIX),
        "2 files checked: 1 error, 0 warnings\n",
    ),
    (
        "a row edited, with a Makefile",
        lambda root: (_edit_row(root), (root / "Makefile").write_text(MAKEFILE, "utf-8")),
        1,
        LINT_MESSAGE.format(line=7, fix="make readme"),
        "2 files checked: 1 error, 0 warnings\n",
    ),
    (
        "carriage returns in its line endings",
        lambda root: (root / CREDITS).write_bytes(
            (root / CREDITS).read_bytes().replace(b"\n", b"\r\n")
        ),
        1,
        LINT_MESSAGE.format(line=1, fix=CONSOLE_FIX),
        "2 files checked: 1 error, 0 warnings\n",
    ),
    (
        "deleted",
        _remove,
        1,
        f"{CREDITS}:1:1: error[drift] {CREDITS} is missing: run `awesome-tools render`\n",
        "2 files checked: 1 error, 0 warnings\n",
    ),
]


@pytest.mark.parametrize(
    ("change", "code", "out", "err"),
    [case[1:] for case in LINT_CASES],
    ids=[case[0] for case in LINT_CASES],
)
def test_lint_compares_every_generated_file(
    panel_list: Path,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[Path], None],
    code: int,
    out: str,
    err: str,
) -> None:
    change(panel_list)
    capsys.readouterr()
    assert main(["lint"]) == code
    assert capsys.readouterr() == (out, err)


@pytest.mark.parametrize(
    ("name", "copy"),
    [
        ("README.md", "README.edited.md"),
        (CREDITS, "assets/architectures/CREDITS.edited.md"),
        ("docs/notes", "docs/notes.edited"),
    ],
)
def test_edited_copy(name: str, copy: str) -> None:
    assert edited_copy(name) == copy


def test_every_layout_names_the_files_it_generates(panel_list: Path) -> None:
    from awesome_tools.core.templates import load_templates
    from awesome_tools.engine.project import read_project

    project = read_project(panel_list, panel_list)
    extras = layout_named("panel").extras(
        list(project.entries.values()), project.settings, load_templates(panel_list)
    )
    assert set(extras) == set(layout_named("panel").extra_files) == {CREDITS}
    assert layout_named("table").extra_files == ()


# --- the render hook, in a git repository -----------------------------------------------------


def _git(root: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )


def _committed(root: Path) -> None:
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "the list")


def _title_edited(root: Path) -> None:
    """An entry edited after the commit: README.md and the credits file are only stale."""
    entry = root / "entries" / "llava.yaml"
    entry.write_text(
        entry.read_text("utf-8").replace("Vision Assistant'", "Vision Helper'"), "utf-8"
    )


COPY = "assets/architectures/CREDITS.edited.md"


def _copied_already(root: Path) -> None:
    """An earlier run of the hook copied this very edit."""
    _append(root)
    (root / COPY).write_bytes((root / CREDITS).read_bytes())


def _other_copy(root: Path) -> None:
    _append(root)
    (root / COPY).write_text("another edit\n", "utf-8")


KEEP = (
    f"{CREDITS} differs from what entries/ give and from the last commit: it holds an edit, so "
    "it was left as you wrote it (a copy is in assets/architectures/CREDITS.edited.md)\n"
    "to keep the edit: make it in entries/ (`awesome-tools lint` names the entry file of each "
    "block), then run `awesome-tools render`, stage and commit\n"
    "to drop it: run `awesome-tools render`, stage and commit\n"
)
HOOK_CASES: list[tuple[str, Callable[[Path], None], str, bool]] = [
    # (case, change after the commit, expected stderr, whether the credits file is rendered)
    ("nothing changed", lambda root: None, "unchanged README.md (1 model)\n", True),
    (
        "an entry edited",
        _title_edited,
        f"wrote {CREDITS}\nwrote README.md (1 model)\n"
        "README.md was regenerated: stage it and commit again\n"
        f"{CREDITS} was regenerated: stage it and commit again\n",
        True,
    ),
    ("the credits file edited by hand", _append, KEEP, False),
    ("the same, copied already", _copied_already, KEEP, False),
    (
        "a copy of another edit in the way",
        _other_copy,
        f"{CREDITS} was left as you wrote it, but not copied: "
        "assets/architectures/CREDITS.edited.md exists (from an earlier edit); move it away, "
        "then commit again\n",
        False,
    ),
    (
        "the credits file deleted",
        _remove,
        f"wrote {CREDITS}\nunchanged README.md (1 model)\n"
        f"{CREDITS} was regenerated: stage it and commit again\n",
        True,
    ),
]


@pytest.mark.parametrize(
    ("change", "err", "rendered"),
    [case[1:] for case in HOOK_CASES],
    ids=[case[0] for case in HOOK_CASES],
)
def test_render_hook_rewrites_stale_files_and_keeps_edited_ones(
    panel_list: Path,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[Path], None],
    err: str,
    rendered: bool,
) -> None:
    _committed(panel_list)
    before = (panel_list / CREDITS).read_text("utf-8")
    change(panel_list)
    copied = (panel_list / COPY).read_bytes() if (panel_list / COPY).is_file() else None
    edited = (panel_list / CREDITS).read_text("utf-8") if (panel_list / CREDITS).is_file() else ""
    capsys.readouterr()
    code = main(["render", "--exit-non-zero-on-change"])
    assert capsys.readouterr() == ("", err)
    assert code == (0 if err.startswith("unchanged") else 1)
    now = (panel_list / CREDITS).read_text("utf-8")
    if rendered:
        assert main(["render", "--check"]) == 0
    else:
        assert now == edited != before
        if copied is None:
            assert (panel_list / COPY).read_text("utf-8") == edited
        else:
            assert (panel_list / COPY).read_bytes() == copied
