"""What the commands echo of a list's text (the diff of `render --check`/`--diff`, paths and
names in their messages) is escaped as diagnostics are: nothing a README line holds can drive
the terminal, forge a line or reorder what is shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from awesome_tools.cli import main

# Every character diagnostics escape; none may reach the terminal raw.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")

# (a line typed into README.md, as the diff shows it)
LINES = [
    ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),  # SGR colour
    ("\x1b]0;owned\x07title", "\\x1b]0;owned\\x07title"),  # OSC: sets the window title
    ("\x1b[2J\x1b[Hclear", "\\x1b[2J\\x1b[Hclear"),  # clears the screen
    ("\x9b31mC1 CSI", "\\x9b31mC1 CSI"),  # the C1 form of ESC [
    ("next\x85line", "next\\x85line"),  # NEL
    ("evil\u202etxt.exe", "evil\\u202etxt.exe"),  # right-to-left override
    ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),  # left-to-right isolate
    ("a\u2028b", "a\\u2028b"),  # line separator
    ("overwritten\rforged", "overwritten\\rforged"),  # a carriage return inside a line
    ("tab\there\x7f", "tab\\there\\x7f"),
]


def _hand_edit(root: Path, line: str) -> list[str]:
    """Put `line` after the README's second line; return the rendered README's lines."""
    readme = root / "README.md"
    rendered = readme.read_bytes().decode("utf-8").split("\n")
    readme.write_bytes("\n".join([*rendered[:2], line, *rendered[2:]]).encode("utf-8"))
    return rendered


def _diff(rendered: list[str], shown: str) -> str:
    context = [f" {line}\n" for line in rendered[:5]]
    return (
        "--- README.md\n+++ README.md (rendered)\n@@ -1,6 +1,5 @@\n"
        + "".join(context[:2])
        + f"-{shown}\n"
        + "".join(context[2:])
    )


@pytest.mark.parametrize(("line", "shown"), LINES)
@pytest.mark.parametrize(
    ("argv", "code", "err"),
    [
        (
            ["render", "--check"],
            1,
            "README.md is out of date with entries/: run `awesome-tools render`\n",
        ),
        (["render", "--diff"], 0, "wrote README.md (1 model)\n"),
    ],
)
def test_the_diff_shows_a_readme_lines_controls_escaped(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    line: str,
    shown: str,
    argv: list[str],
    code: int,
    err: str,
) -> None:
    assert main(["render"]) == 0
    rendered = _hand_edit(project, line)
    capsys.readouterr()
    assert main(argv) == code
    out, got_err = capsys.readouterr()
    assert (out, got_err) == (_diff(rendered, shown), err)
    assert RAW.search(out + got_err) is None


@pytest.mark.parametrize(
    ("folder", "shown"),
    [
        ("\x1b[31mlist", "\\x1b[31mlist"),
        ("list\u202eedoc", "list\\u202eedoc"),
        ("a\rb", "a\\rb"),
        ("x\x9by", "x\\x9by"),
    ],
)
def test_paths_in_messages_are_escaped(
    project: Path, capsys: pytest.CaptureFixture[str], folder: str, shown: str
) -> None:
    """A list in a folder whose name holds controls: render's lines name it escaped."""
    root = project / folder
    (project / "entries").rename(project / "moved")
    root.mkdir()
    (project / "moved").rename(root / "entries")
    (project / "categories.yaml").rename(root / "categories.yaml")
    assert main(["render", "--root", str(root)]) == 0
    assert capsys.readouterr() == ("", f"wrote {shown}/README.md (1 model)\n")
    readme = root / "README.md"
    readme.write_bytes(readme.read_bytes() + b"x\n")
    assert main(["render", "--check", "--root", str(root)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith(f"--- {shown}/README.md\n+++ {shown}/README.md (rendered)\n")
    assert out.endswith("-x\n")
    assert err == f"{shown}/README.md is out of date with entries/: run `awesome-tools render`\n"
    assert RAW.search(out + err) is None
