"""`awesome-tools rules [ID]`: the list, one rule explained, an unknown id."""

from __future__ import annotations

import pytest

from awesome_tools.cli import main
from awesome_tools.engine.rulebook import RULES

EXPLAINED = """\
yaml-alias (entry, error)

An alias (`*name`) is used; entries do not share values.

Fix: Write the value out in full.

Fails (`entries/llava.yaml`: this, then the base entry's other keys, fires at line 2, column 1):

    name: &n LLaVA
    title: *n

Passes (`entries/llava.yaml`: this, then the base entry's other keys):

    name: LLaVA
    title: LLaVA

Defined in src/awesome_tools/core/rules/yaml.py
"""


def test_without_an_id_every_rule_is_listed_one_per_line_aligned(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    pad = " " * (max(len(rule.id) for rule in RULES) + 2 - len("outside-list"))
    assert lines[:3] == [
        f"encoding    {pad}entry   The file is not valid UTF-8 (any file the tool reads: "
        "entries, settings, templates, README).",
        f"outside-list{pad}entry   A file the list reads (an entry file, a template, "
        "`awesome.yaml`, `categories.yaml`, README.md or a file render writes beside it, a "
        "figure) leads outside the list's folder through a symbolic link: the file itself or a "
        "folder on its way, every component resolved. It is not read, so that a check never "
        "prints a file of the machine it runs on; the message names the link. (A file the tool "
        "would write there is refused too, with nothing written.)",
        f"dangling-link{pad[1:]}entry   A file the list reads is a symbolic link to nothing (the "
        "file itself or a folder on its way): an error naming the link and where it points, so "
        "that a model never vanishes from the README, or a template from the render, without a "
        "word.",
    ]
    assert [line.split()[0] for line in lines] == [rule.id for rule in RULES]
    assert err == ""


def test_an_id_is_explained_with_its_fix_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "yaml-alias"]) == 0
    assert capsys.readouterr() == (EXPLAINED, "")


def test_a_readme_rule_shows_where_its_example_fires(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "header-style"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("header-style (readme, warning)\n\nHeaders written with spaces")
    assert "Fails (the whole of `README.md`, fires at line 3, column 26):\n" in out


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            "yaml-alas",
            "awesome-tools: unknown rule 'yaml-alas'; did you mean 'yaml-alias'? "
            "(`awesome-tools rules` lists them)\n",
        ),
        ("zzz", "awesome-tools: unknown rule 'zzz' (`awesome-tools rules` lists them)\n"),
    ],
)
def test_an_unknown_id_is_a_usage_error_naming_the_closest(
    given: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", given]) == 2
    assert capsys.readouterr() == ("", message)
