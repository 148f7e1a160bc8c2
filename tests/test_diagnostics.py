"""Diagnostics never pass a control, line-separator or bidi character through raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.diagnostics import Diagnostic, format_diagnostics, visible
from conftest import GOOD

ESCAPES = [
    ("plain text café", "plain text café"),
    ("a\nb", "a\\nb"),
    ("a\r\nb", "a\\r\\nb"),
    ("tab\there", "tab\\there"),
    ("\x1b]0;title\x07\x1b[31m", "\\x1b]0;title\\x07\\x1b[31m"),
    ("nul\x00", "nul\\x00"),
    ("del\x7f", "del\\x7f"),
    ("csi\x9b31m next\x85line", "csi\\x9b31m next\\x85line"),
    ("line\u2028para\u2029", "line\\u2028para\\u2029"),
    (
        "bidi \u202eevil\u202c \u2066iso\u2069 \u200f\u061c",
        "bidi \\u202eevil\\u202c \\u2066iso\\u2069 \\u200f\\u061c",
    ),
    ("back\\slash stays", "back\\slash stays"),
]


@pytest.mark.parametrize(("raw", "shown"), ESCAPES)
def test_visible_escapes_what_a_terminal_would_act_on(raw: str, shown: str) -> None:
    assert visible(raw) == shown


@pytest.mark.parametrize(("raw", "shown"), ESCAPES)
def test_every_format_escapes_path_and_message(raw: str, shown: str) -> None:
    diagnostic = Diagnostic(f"entries/{raw}.yaml", 2, 3, "unknown-key", f"unknown key '{raw}'")
    text = format_diagnostics([diagnostic], "text")
    assert text == f"entries/{shown}.yaml:2:3: error[unknown-key] unknown key '{shown}'\n"
    github = format_diagnostics([diagnostic], "github")
    assert github == (
        f"::error file=entries/{shown}.yaml,line=2,col=3,title=unknown-key::unknown key '{shown}'\n"
    )
    dumped = format_diagnostics([diagnostic], "json")
    assert json.loads(dumped) == [
        {
            "path": f"entries/{raw}.yaml",
            "line": 2,
            "column": 3,
            "rule": "unknown-key",
            "message": f"unknown key '{raw}'",
            "severity": "error",
        }
    ]
    # One diagnostic is one line of text, one annotation, and the same ten lines of JSON.
    assert dumped.count("\n") == 10
    assert visible(dumped.replace("\n", "")) == dumped.replace("\n", "")


FORGED = "x\nentries/llava.yaml:1:1: error[forged] owned\u2028\x1b]0;title\x07\x1b[31m"
FORGED_SHOWN = "x\\nentries/llava.yaml:1:1: error[forged] owned\\u2028\\x1b]0;title\\x07\\x1b[31m"


def test_a_yaml_key_cannot_forge_a_diagnostic_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = json.dumps(FORGED)
    (project / "entries" / "llava.yaml").write_text(f"{GOOD}{key}: 1\n", encoding="utf-8")
    (project / "entries" / "b\x1b[31m.yaml").write_text("name: [\n", encoding="utf-8")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0] == (
        "entries/b\\x1b[31m.yaml:2:1: error[yaml-syntax] invalid YAML: did not find expected "
        "node content (while parsing a flow node)"
    )
    assert lines[1].startswith(
        f"entries/llava.yaml:16:1: error[unknown-key] unknown key '{FORGED_SHOWN}' (allowed"
    )
    assert "\x1b" not in out and "\x07" not in out and "\u2028" not in out
    assert main(["check", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [d["path"] for d in found] == ["entries/b\x1b[31m.yaml", "entries/llava.yaml"]
    assert found[1]["message"].startswith(f"unknown key '{FORGED}'")


def test_usage_errors_are_escaped_too(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "no\x1b[2Jfile\n"]) == 2
    assert capsys.readouterr().err == "awesome-tools: no such file: no\\x1b[2Jfile\\n\n"
