"""Messages name a command that works where they are shown: make targets here, the CLI elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.fixes import CONSOLE, Fixes, fixes_from_makefile
from awesome_tools.engine.generated import hand_edit_notes

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
    assert out == (
        "README.md:46:6: error[drift] block 'LLaVA' differs from entries/llava.yaml (field "
        "training.methods): found 'Three-stage instruction tuning.</td>' where render writes "
        "'Two-stage instruction tuning.</td>'; edit entries/llava.yaml, not README.md, then run "
        f"`{render}`\n"
    )


@pytest.mark.parametrize(
    ("makefile", "render", "import_"),
    [
        (False, "awesome-tools render", "awesome-tools import README.edited.md"),
        (True, "make readme", "make import README=README.edited.md"),
    ],
)
def test_render_hook_leaves_a_hand_edit_and_says_how_to_keep_it(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    makefile: bool,
    render: str,
    import_: str,
) -> None:
    """Outside git there is no last commit: a README that is not render's is an edit."""
    if makefile:
        (project / "Makefile").write_text(MAKEFILE, encoding="utf-8")
    assert main(["render"]) == 0
    readme = project / "README.md"
    added = (
        '<details id="newbie">\n<summary>Newbie</summary>\n<table><tr><th>Title</th></tr>'
        '<tr><td><a href="https://e.org/n">N</a></td></tr></table>\n</details>\n'
    )
    edited = readme.read_text("utf-8") + "\n" + added
    readme.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert main(["render", "--exit-non-zero-on-change"]) == 1
    assert capsys.readouterr().err == (
        "README.md differs from what entries/ give and from the last commit: it holds an edit, "
        "so it was left as you wrote it (a copy is in README.edited.md)\n"
        "to keep the edit: make it in entries/ (`awesome-tools lint` names the entry file of "
        f"each block; a model added by hand: `{import_}` writes its entry file), then run "
        f"`{render}`, stage and commit\n"
        f"to drop it: run `{render}`, stage and commit\n"
    )
    assert readme.read_text("utf-8") == edited
    assert (project / "README.edited.md").read_text("utf-8") == edited


def test_hand_edit_notes_of_a_generated_file_other_than_the_readme() -> None:
    notes = hand_edit_notes([("CREDITS.md", "CREDITS.edited.md")], None, CONSOLE)
    assert notes == [
        "CREDITS.md differs from what entries/ give and from the last commit: it holds an edit, "
        "so it was left as you wrote it (a copy is in CREDITS.edited.md)",
        "to keep the edit: make it in entries/ (`awesome-tools lint` names the entry file of "
        "each block), then run `awesome-tools render`, stage and commit",
        "to drop it: run `awesome-tools render`, stage and commit",
    ]
