"""Messages name a command that works where they are shown: make targets here, the CLI elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.fixes import CONSOLE, Fixes, fixes_from_makefile
from awesome_tools.render import hand_edit_notes

MAKEFILE = "readme: x\n\tawesome-tools render\nnew:\n\tawesome-tools new\ncheck:\nimport:\ndocs:\n"

FIXES_CASES = [
    ("no Makefile", None, CONSOLE),
    ("a Makefile without the targets", "all:\n\techo hi\nREADME := x\n", CONSOLE),
    (
        "every target",
        MAKEFILE,
        Fixes(
            render="make readme",
            new="make new NAME={name}",
            check="make check",
            schema="make docs",
            docs="make docs",
            import_="make import README={path}",
        ),
    ),
    ("only readme", "readme: $(STAMP)\n", Fixes(render="make readme")),
    # `readme := x` is a variable, `readme-old:` another target: neither is `make readme`.
    ("variables and look-alikes", "readme := x\nreadme-old:\n\ttrue\n", CONSOLE),
]


@pytest.mark.parametrize(
    ("makefile", "expected"),
    [case[1:] for case in FIXES_CASES],
    ids=[case[0] for case in FIXES_CASES],
)
def test_fixes_from_makefile(makefile: str | None, expected: Fixes) -> None:
    assert fixes_from_makefile(makefile) == expected


def test_commands_quote_what_a_shell_would_split() -> None:
    here = fixes_from_makefile(MAKEFILE)
    assert here.new_model("LLaVA 2") == "make new NAME='LLaVA 2'"
    assert CONSOLE.new_model("LLaVA 2") == "awesome-tools new 'LLaVA 2'"
    assert CONSOLE.new_model() == "awesome-tools new NAME"
    assert CONSOLE.check_file("entries/a b.yaml") == "awesome-tools check 'entries/a b.yaml'"
    assert CONSOLE.check_file() == "awesome-tools check"
    assert here.check_file("entries/x.yaml") == "make check"
    assert here.import_file("staged-README.md") == "make import README=staged-README.md"


@pytest.mark.parametrize(
    ("makefile", "render", "check"),
    [
        (False, "awesome-tools render", "awesome-tools check entries/sigma.yaml"),
        (True, "make readme", "make check"),
    ],
    ids=["another list", "this repository"],
)
def test_messages_name_the_list_s_own_commands(
    project: Path, capsys: pytest.CaptureFixture[str], makefile: bool, render: str, check: str
) -> None:
    if makefile:
        (project / "Makefile").write_text(MAKEFILE, encoding="utf-8")
    assert main(["new", "Sigma"]) == 0
    assert capsys.readouterr().err == (
        f"created entries/sigma.yaml: replace each TODO, then run `{render}` "
        f"(`{check}` lists what is left)\n"
    )
    (project / "entries" / "sigma.yaml").unlink()
    assert main(["render", "--check"]) == 1
    assert capsys.readouterr().err.endswith(
        f"README.md is out of date with entries/: run `{render}`\n"
    )
    assert main(["render"]) == 0
    readme = project / "README.md"
    readme.write_text(readme.read_text("utf-8").replace("Two-stage", "Three-stage"), "utf-8")
    assert main(["lint"]) == 1
    out = capsys.readouterr().out
    assert out.endswith(
        "differs from entries/llava.yaml (field training.methods): edit entries/llava.yaml, "
        f"not README.md, then run `{render}`\n"
    ), out


def test_render_hook_says_where_a_hand_edit_still_is(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "Makefile").write_text(MAKEFILE, encoding="utf-8")
    assert main(["render"]) == 0
    readme = project / "README.md"
    text = readme.read_text("utf-8")
    added = (
        '<details id="newbie">\n<summary>Newbie</summary>\n<table><tr><th>Title</th></tr>'
        '<tr><td><a href="https://e.org/n">N</a></td></tr></table>\n</details>\n'
    )
    readme.write_text(text + "\n" + added, encoding="utf-8")
    line = text.count("\n") + 2
    capsys.readouterr()
    assert main(["render", "--exit-non-zero-on-change"]) == 1
    assert capsys.readouterr().err == (
        "wrote README.md (1 model)\n"
        "README.md was regenerated: stage it and commit again\n"
        "note: if you edited README.md by hand, the edit is still staged "
        "(`git diff --cached README.md` shows it): make it in entries/ instead, then commit\n"
        f"note: README.md had block 'Newbie' (line {line}) with no entry file; to keep it: "
        "`git show :README.md > staged-README.md`, then "
        "`make import README=staged-README.md` writes its entry file\n"
    )
    assert readme.read_text("utf-8") == text


def test_hand_edit_notes_name_only_blocks_without_entries() -> None:
    notes = hand_edit_notes("# Nothing but a title\n", [], "README.md", CONSOLE)
    assert notes == [
        "if you edited README.md by hand, the edit is still staged (`git diff --cached "
        "README.md` shows it): make it in entries/ instead, then commit"
    ]
