"""The table README placed from parts made where the entries were checked (`place.py`): the
same bytes as the frame rendered around them, whatever the frame and part templates do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from awesome_tools.cli import main
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.templates import load_templates
from awesome_tools.engine.project import read_project
from awesome_tools.io import workers
from awesome_tools.layouts.table import place
from awesome_tools.layouts.table.render import render_readme
from conftest import GOOD

FRAME = """# T

## Overview

{{ parts.overview }}
{% for section in parts.sections %}

## {{ section.name | markdown_text }}

{{ section.blocks }}
{% endfor %}

## End
"""
BLOCK = '{% from "model.html.j2" import model_block %}{{ model_block(entry) }}'
NBSP = "\u00a0"

# (id, the list's templates, whether the parts are put into the frame's text after it renders)
CASES: list[tuple[str, dict[str, str], bool]] = [
    ("packaged", {}, True),
    ("own frame", {"README.md.j2": FRAME}, True),
    ("spaces after a frame line", {"README.md.j2": FRAME.replace("## End", "## End  ")}, True),
    ("a tab after a frame line", {"README.md.j2": FRAME.replace("# T", "# T\t")}, True),
    ("a block ends in spaces", {"table/model.md.j2": BLOCK + "  "}, True),
    ("a block line ends in a tab", {"table/model.md.j2": BLOCK.replace("}}{{", "}}\t\n{{")}, True),
    ("a row ends in spaces", {"table/row.md.j2": "<tr><td>{{ entry.name }}</td></tr> "}, True),
    ("a block ends in a no-break space", {"table/model.md.j2": BLOCK + NBSP}, True),
    (
        "a no-break space and a frame line's space",
        {"table/model.md.j2": BLOCK + NBSP, "README.md.j2": FRAME.replace("# T", "# T ")},
        True,
    ),
    (
        "blocks after a heading on its line",
        {"README.md.j2": FRAME.replace("\n\n{{ section.blocks }}", " {{ section.blocks }}")},
        False,
    ),
    (
        "spaces before the blocks",
        {"README.md.j2": FRAME.replace("{{ section", "  {{ section")},
        False,
    ),
    ("nothing after the blocks", {"README.md.j2": FRAME.replace("\n## End\n", "")}, False),
    (
        "the overview twice",
        {"README.md.j2": FRAME.replace("## End", "{{ parts.overview }}\n\n## End")},
        True,
    ),
    (
        "blocks filtered",
        {
            "README.md.j2": FRAME.replace(
                "section.blocks", "section.blocks | replace('Alpha', 'Omega')"
            )
        },
        False,
    ),
]


@pytest.mark.parametrize(("case", "files", "spliced"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("jobs", [1, 2])
def test_placed_parts_give_the_frame_rendered_around_them(
    rich_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    files: dict[str, str],
    spliced: bool,
    jobs: int,
) -> None:
    monkeypatch.setattr(workers, "MIN_PER_JOB", 1)  # the entries' parts made in two processes
    for name, text in files.items():
        (rich_project / "templates" / name).parent.mkdir(parents=True, exist_ok=True)
        (rich_project / "templates" / name).write_text(text, encoding="utf-8")
    results: list[str | None] = []
    real = place.placed

    def spy(*args: Any) -> str | None:
        results.append(real(*args))
        return results[-1]

    monkeypatch.setattr(place, "placed", spy)
    project = read_project(rich_project, rich_project, jobs=jobs, parts=True)
    entries, categories = list(project.entries.values()), project.categories
    made = project.made_of()
    assert made is not None and len(made) == len(entries) == 4
    text = render_readme(entries, categories, templates=project.templates(), made=made)
    whole = render_readme(entries, categories, templates=load_templates(rich_project))
    assert text == whole
    assert [result is not None for result in results] == ([spliced] if results else [])
    assert bool(results) == ("filtered" not in case)
    assert text.count("</summary>") == 4
    assert not [line for line in text.split("\n") if line.endswith((" ", "\t"))]
    assert (NBSP + "\n" in text) == ("no-break space" in case and "frame line" not in case)


@pytest.mark.parametrize(
    ("frame", "bare"),
    [
        (FRAME, True),
        ("{{ parts.overview }}\n{{ parts.overview }}", True),
        ("{% for s in parts.sections %}{{ s.name }}{{ s.anchor }}{{ s.blocks }}{% endfor %}", True),
        ("{% for s in parts.sections %}{{ s.entries | length }}{% endfor %}", True),
        ("{% for s in parts.sections %}{% else %}{{ s }}{% endfor %}", True),
        ("{{ parts.overview | upper }}", False),
        ("{{ parts.overview ~ '' }}", False),
        ("{{ parts }}", False),
        ("{{ parts['overview'] }}", False),
        ("{{ parts.sections | map(attribute='blocks') | join }}", False),
        ("{% set o = parts.overview %}{{ o }}", False),
        ("{% set parts = 1 %}", False),
        ("{% filter upper %}{{ parts.overview }}{% endfilter %}", False),
        ("{% set o %}{{ parts.overview }}{% endset %}{{ o | upper }}", False),
        ("{% block b %}{{ parts.overview }}{% endblock %}{{ self.b() | upper }}", False),
        ("{% macro m() %}{{ parts.overview }}{% endmacro %}{{ m() | upper }}", False),
        ('{% include "x.j2" %}{{ parts.overview }}', False),
        ("{% for s in parts.sections %}{{ s }}{% endfor %}", False),
        ("{% for s in parts.sections %}{{ s.blocks | upper }}{% endfor %}", False),
        ("{% for s in parts.sections %}{{ s | attr('blocks') }}{% endfor %}", False),
        ("{% for s in parts.sections if s.blocks %}{{ s.blocks }}{% endfor %}", False),
        ("{% for s in parts.sections %}{% set s = 1 %}{% endfor %}", False),
        (
            "{% for s in parts.sections %}{% for s in sections %}{{ s }}{% endfor %}{% endfor %}",
            False,
        ),
        ("{% for s in parts.sections recursive %}{{ s.blocks }}{% endfor %}", False),
        ("{% for parts in parts.sections %}{% endfor %}", False),
        ("{% for a, b in parts.sections %}{% endfor %}", False),
        ("{% for s in sections %}{{ s.blocks }}{% endfor %}", False),
        ("{% for %}", False),
    ],
)
def test_a_frame_prints_its_parts_bare_or_is_rendered_around_them(
    tmp_path: Path, frame: str, bare: bool
) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "README.md.j2").write_text(frame, encoding="utf-8")
    assert place.prints_parts_bare(load_templates(tmp_path), "README.md.j2") is bare


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        ("a\nO\nb\nS0\nc\n", "a\nT\nb\nx\n\ny\nc\n"),
        ("a  \nO\nS0\nc\n\n", "a\nT\nx\n\ny\nc\n"),
        ("O\nc\n", None),  # not at a line's start
        ("a\nO c\n", None),
        ("a\nO\n\n", None),  # nothing of the frame after the last part
        ("a\nX\nc\n", None),  # a mark of another render
        ("a\n\x00\nc\n", None),
    ],
)
def test_parts_are_placed_only_alone_on_their_lines(frame: str, expected: str | None) -> None:
    marks = place.new_marks(1)
    own = frame.replace("O", marks[0]).replace("S0", marks[1][0])
    own = own.replace("X", place.new_marks(1)[0])
    blocks = [place.marked_block("x"), place.marked_block("y")]
    assert place.placed(own, marks, "T", [blocks]) == expected


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("", ("", None, False)),
        ("<a>\n<b>", ("<a>\n<b>", None, False)),
        ("a\nb", ("a\nb", None, False)),
        ("<a>\n<b> ", ("<a>\n<b> ", "<a>\n<b>", True)),
        ("<a> \n<b>", ("<a> \n<b>", "<a>\n<b>", True)),
        ("<a>\t\n<b>", ("<a>\t\n<b>", "<a>\n<b>", True)),
        (f"<a>{NBSP}\n<b>", (f"<a>{NBSP}\n<b>", "<a>\n<b>", False)),
        (f"<a>\n<b>{NBSP}", (f"<a>\n<b>{NBSP}", "<a>\n<b>", False)),
        ("<a>\n\n<b>", ("<a>\n\n<b>", None, False)),
    ],
)
def test_a_block_says_what_stripping_it_changes(text: str, block: place.Block) -> None:
    assert place.marked_block(text) == block


def test_each_render_marks_its_parts_with_its_own_token() -> None:
    # A frame prints section names and entry fields: no text of the list can hold a mark.
    first, second = place.new_marks(2), place.new_marks(2)
    assert first[0] != second[0] and first[1][1] != second[1][1]
    assert first[0].startswith("\x00") and first[0].endswith(":o\x00")


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_the_first_part_that_fails_is_named_with_any_number_of_processes(
    rich_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    jobs: str,
) -> None:
    # Two entries fail, each in its own way: the first in file order (beta.yaml) is named.
    monkeypatch.setattr(workers, "MIN_PER_JOB", 1)
    block = (
        '{% if entry.name == "Zeta-VLM" %}{{ entry.nope }}\n'
        '{% elif entry.name == "Beta" %}\n{{ 1 / 0 }}{% else %}{{ entry.name }}{% endif %}'
    )
    (rich_project / "templates" / "table").mkdir(parents=True)
    (rich_project / "templates" / "table" / "model.md.j2").write_text(block, encoding="utf-8")
    assert main(["render", "--jobs", jobs]) == 1
    assert capsys.readouterr().out == (
        "templates/table/model.md.j2:3:1: error[template] the template fails: "
        "ZeroDivisionError: division by zero\n"
    )
    assert not (rich_project / "README.md").exists()


def test_entries_with_errors_are_named_before_a_part_that_fails(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (rich_project / "templates" / "table").mkdir(parents=True)
    (rich_project / "templates" / "table" / "model.md.j2").write_text("{{ 1 / 0 }}", "utf-8")
    (rich_project / "entries" / "beta.yaml").write_text("name: Beta\n", encoding="utf-8")
    assert main(["render"]) == 1
    missing = "entries/beta.yaml:1:1: error[missing-field] missing required field"
    assert capsys.readouterr() == (
        f"{missing} 'architecture': add 'architecture:'\n"
        f"{missing} 'datasets': add 'datasets:'\n"
        f"{missing} 'title': add 'title:'\n"
        f"{missing} 'training': add 'training:'\n"
        f"{missing} 'url': add 'url:'\n",
        "awesome-tools: README.md not written: fix the entries first\n"
        "4 files checked: 5 errors, 0 warnings\n",
    )


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_what_is_made_of_each_entry_comes_back_with_it(
    monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(workers, "MIN_PER_JOB", 1)
    names = ["A", "B", "C", "D", "E"]
    sources: list[tuple[str, Any]] = [
        (f"entries/{name.lower()}.yaml", GOOD.replace("LLaVA", name).replace("08485", f"0848{n}"))
        for n, name in enumerate(names)
    ]
    sources[2] = (sources[2][0], b"name: C\n")  # invalid: nothing is made of it
    encoded = [(path, text.encode() if isinstance(text, str) else text) for path, text in sources]

    def make(entries: Any, total: int) -> list[Any]:
        return [(entry.name, total) for entry in entries]

    checked, _ = check_entries(
        encoded, categories=[], required=frozenset(["name"]), jobs=jobs, make=make
    )
    assert [(item.path, item.made) for item in checked] == [
        ("entries/a.yaml", ("A", 5)),
        ("entries/b.yaml", ("B", 5)),
        ("entries/c.yaml", None),
        ("entries/d.yaml", ("D", 5)),
        ("entries/e.yaml", ("E", 5)),
    ]


def test_a_frame_too_deep_to_read_is_a_template_error_not_a_traceback(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Whether the frame places parts is asked before the entries load: its failure to parse is
    # left to the render, which reports it within the budget.
    frame = "{% if 1 %}" * 3000 + "x" + "{% endif %}" * 3000
    (rich_project / "templates").mkdir()
    (rich_project / "templates" / "README.md.j2").write_text(frame, encoding="utf-8")
    assert main(["render"]) == 1
    assert capsys.readouterr() == (
        "templates/README.md.j2:1:1: error[template] the template calls itself without end (a "
        "macro or a recursive loop never stops)\n",
        "4 files checked: 1 error, 0 warnings\n",
    )


@pytest.mark.parametrize("looping", ["alpha", "ViT", "Zeta-VLM"])
def test_a_block_that_never_ends_stops_on_time_in_any_process(
    rich_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    looping: str,
) -> None:
    # Three processes check the four entries (alpha; beta and ViT; Zeta-VLM, the parent's
    # own): each renders its parts within a budget of its own, and none is left running.
    monkeypatch.setattr(workers, "MIN_PER_JOB", 1)
    (rich_project / "awesome.yaml").write_text("render_budget:\n  seconds: 1\n", "utf-8")
    (rich_project / "templates" / "table").mkdir(parents=True)
    (rich_project / "templates" / "table" / "model.md.j2").write_text(
        "{{ entry.name }}\n"
        f"{{% if entry.name == '{looping}' %}}{{% for i in range(100000) %}}"
        "{% for j in range(100000) %}{% endfor %}{% endfor %}{% endif %}\n",
        "utf-8",
    )
    assert main(["render", "--jobs", "3"]) == 1
    assert capsys.readouterr().out == (
        "templates/table/model.md.j2:2:1: error[template] the template ran longer than its "
        "time budget, 1 s (as awesome.yaml sets it: render_budget.seconds)\n"
    )
    assert workers._LIVE == {}
    assert not (rich_project / "README.md").exists()
