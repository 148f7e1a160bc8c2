"""The command line: root discovery, formats, exit codes, schema, the repository's own data."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_tools.cli import build_parser, main
from awesome_tools.commands import COMMANDS
from conftest import GOOD, LIST

BAD_URL = GOOD.replace("https://arxiv.org/abs/2304.08485", "ftp://x.org/p")
BAD_URL_LINE = (
    "entries/llava.yaml:4:6: error[bad-url] url: must be an absolute http:// or https:// link, "
    "got 'ftp://x.org/p'"
)


def test_fixture_list_entries_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(LIST)]) == 0
    assert capsys.readouterr().out == ""


def test_schema_command_writes_then_reports_unchanged(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema"]) == 0
    written = json.loads((project / "schema" / "entry.schema.json").read_text("utf-8"))
    assert written["properties"]["category"]["enum"] == ["Encoders"]
    assert written["additionalProperties"] is False
    assert main(["schema", "--check"]) == 0
    (project / "categories.yaml").write_text("- Encoders\n- Decoders\n", encoding="utf-8")
    assert main(["schema", "--check"]) == 1
    assert capsys.readouterr().err.endswith(
        "schema/entry.schema.json is stale: run `awesome-tools schema`\n"
        "schema/export.schema.json is stale: run `awesome-tools schema`\n"
    )


def test_root_found_from_a_subfolder(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "entries" / "llava.yaml").write_text(BAD_URL, encoding="utf-8")
    monkeypatch.chdir(project / "entries")
    assert main(["check"]) == 1
    assert (
        capsys.readouterr().out == BAD_URL_LINE.replace("entries/llava.yaml", "llava.yaml") + "\n"
    )


def test_no_entries_folder_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "awesome-tools: no entries/ folder here or in any parent folder; "
        "run inside the list's repository, pass --root DIR, or start a list with "
        "`awesome-tools init`\n"
    )


def test_missing_file_argument_is_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "entries/nope.yaml"]) == 2
    assert capsys.readouterr().err == "awesome-tools: no such file: entries/nope.yaml\n"


def test_unknown_option_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--bogus"]) == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_json_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "entries" / "llava.yaml").write_text(BAD_URL, encoding="utf-8")
    assert main(["check", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == [
        {
            "path": "entries/llava.yaml",
            "line": 4,
            "column": 6,
            "rule": "bad-url",
            "message": "url: must be an absolute http:// or https:// link, got 'ftp://x.org/p'",
            "severity": "error",
        }
    ]


def test_github_format_is_chosen_under_actions(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "entries" / "llava.yaml").write_text(BAD_URL, encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["check"]) == 1
    assert capsys.readouterr().out == (
        "::error file=entries/llava.yaml,line=4,col=6,title=bad-url::"
        "url: must be an absolute http:// or https:// link, got 'ftp://x.org/p'\n"
    )


def test_warnings_fail_only_with_strict(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = project / "list.md"
    readme.write_text(
        "<details><summary>X</summary><table><tr><th>Title</th></tr>"
        "<tr><td>Only text</td></tr></table></details>\n",
        encoding="utf-8",
    )
    assert main(["import", "list.md", "--into", "other"]) == 0
    assert main(["import", "list.md", "--into", "other2", "--strict"]) == 1
    out = capsys.readouterr().out
    assert out.count("list.md:1:64: warning[import] Title cell has no link") == 2


def test_one_file_check_imports_neither_jinja2_nor_markdown_it() -> None:
    code = (
        "import sys; from awesome_tools.cli import main; "
        "rc = main(['check', '--root', sys.argv[1], sys.argv[2]]); "
        "assert rc == 0, rc; "
        "assert not {'jinja2', 'markdown_it'} & set(sys.modules), sorted(sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(LIST), str(LIST / "entries" / "llava.yaml")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("setting", "looked_up"),
    [(None, "None"), ("", "{}"), ("__all__", "None")],
    ids=["unset: no plugin lookup", "empty: plugins load", "disabled"],
)
def test_pydantic_plugins_are_not_looked_up_unless_asked_for(
    setting: str | None, looked_up: str
) -> None:
    code = (
        "import sys; from awesome_tools.cli import main; "
        "rc = main(['check', '--root', sys.argv[1], sys.argv[2]]); "
        "import pydantic.plugin._loader as loader; print(rc, loader._plugins)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    result = subprocess.run(
        [sys.executable, "-c", code, str(LIST), str(LIST / "entries" / "llava.yaml")],
        capture_output=True,
        text=True,
        check=False,
        env={**env, "GITHUB_ACTIONS": ""},
    )
    assert result.stdout == f"0 {looked_up}\n", result.stderr


def test_python_dash_m(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "awesome_tools", "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "1 file checked: no problems\n"


@pytest.mark.parametrize(
    ("argv", "built"),
    [
        (["check", "entries/llava.yaml"], ["check"]),
        (["lint", "--no-shortcut"], ["lint"]),
        (["--help"], [c.name for c in COMMANDS]),
        (["chek"], [c.name for c in COMMANDS]),
        ([], [c.name for c in COMMANDS]),
    ],
)
def test_the_parser_builds_only_the_subcommand_named(argv: list[str], built: list[str]) -> None:
    parser = build_parser(argv)
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert list(sub.choices) == built
