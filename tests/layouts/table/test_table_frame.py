"""The table layout as a frame placing parts rendered one per entry, and the old shape beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.budget import Budget
from awesome_tools.core.templates import TemplateProblem, load_templates
from awesome_tools.engine.project import read_project
from awesome_tools.io import workers
from awesome_tools.layouts.partrender import render_parts
from awesome_tools.layouts.table.frame import uses_parts
from awesome_tools.layouts.table.render import render_readme
from conftest import FIXTURES, TESTS

OLD = FIXTURES / "old-shape"
GOLDEN = TESTS / "golden" / "rich-default-template.md"

# A frame of the old single-file shape and the same frame split: the same README.
OLD_FRAME = """# T
{% from "model.html.j2" import model_block, overview_table %}

## Overview

{{ overview_table(overview) }}
{% for section in sections %}

## {{ section.name | markdown_text }}
{% for entry in section.entries %}

{{ model_block(entry) }}
{% endfor %}
{% endfor %}

## End
"""
SPLIT_FRAME = """# T

## Overview

{{ parts.overview }}
{% for section in parts.sections %}

## {{ section.name | markdown_text }}

{{ section.blocks }}
{% endfor %}

## End
"""


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_old_shape_and_the_split_frame_render_the_same_readme(
    rich_project: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(workers, "MIN_PER_JOB", 1)  # the entries' parts in two processes
    project = read_project(rich_project, rich_project)
    entries, categories = list(project.entries.values()), project.categories
    texts = []
    for frame in (OLD_FRAME, SPLIT_FRAME):
        _write(rich_project, {"README.md.j2": frame})
        templates = load_templates(rich_project)
        texts.append(render_readme(entries, categories, templates=templates, jobs=jobs))
    assert texts[0] == texts[1]
    assert texts[0].count('<details id="') == len(entries) == 4
    assert texts[0].count("<tr><td><a href=") == 4


@pytest.mark.parametrize(
    "files",
    [
        {"README.md.j2": "old-shape/README.md.j2"},
        {"README.md.j2": "old-shape/README.md.j2", "model.html.j2": "old-shape/model.html.j2"},
    ],
    ids=["old frame", "old frame and old model.html.j2"],
)
def test_a_list_of_the_old_single_file_shape_renders_the_golden_readme(
    rich_project: Path, files: dict[str, str]
) -> None:
    _write(
        rich_project, {name: (FIXTURES / path).read_text("utf-8") for name, path in files.items()}
    )
    assert main(["render"]) == 0
    assert (rich_project / "README.md").read_text("utf-8") == GOLDEN.read_text("utf-8")


OLD_MODELS = (OLD / "model.html.j2").read_text("utf-8")
ROW = '{% from "model.html.j2" import overview_row %}{{ overview_row(entry) }}'


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"model.html.j2": OLD_MODELS},
            "templates/model.html.j2:1:1: error[template] the README frame places `parts` (the "
            "model blocks and the overview), which table/model.md.j2, table/row.md.j2 and "
            "table/overview.md.j2 render with model.html.j2's macros; this model.html.j2 has no "
            "`overview_row` and `overview_shell`: add them (the packaged model.html.j2 has "
            "each), or keep a templates/README.md.j2 of the old shape, which calls "
            "`model_block` and `overview_table` itself\n",
        ),
        (
            {"model.html.j2": OLD_MODELS, "table/overview.md.j2": "<table>{{ rows }}</table>"},
            "templates/model.html.j2:1:1: error[template] the README frame places `parts` (the "
            "model blocks and the overview), which table/model.md.j2 and table/row.md.j2 render "
            "with model.html.j2's macros; this model.html.j2 has no `overview_row`: add it (the "
            "packaged model.html.j2 has each), or keep a templates/README.md.j2 of the old shape, "
            "which calls `model_block` and `overview_table` itself\n",
        ),
        (
            {"table/row.md.j2": "<tr>\n{{ 1 / 0 }}</tr>"},
            "templates/table/row.md.j2:2:1: error[template] the template fails: "
            "ZeroDivisionError: division by zero\n",
        ),
        (
            {"table/model.md.j2": "{{ entry.name }}\n{{ entry.nope }}"},
            "templates/table/model.md.j2:2:1: error[template] the template fails: "
            "'awesome_tools.core.schema.Entry object' has no attribute 'nope'\n",
        ),
    ],
    ids=["old model.html.j2", "old model.html.j2, own overview", "row fails", "block fails"],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_part_that_cannot_render_is_a_positioned_diagnostic(
    rich_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    message: str,
    jobs: str,
) -> None:
    monkeypatch.setattr(workers, "MIN_PER_JOB", 1)  # a child's failure is redone here
    _write(rich_project, files)
    (rich_project / "README.md").write_text("old\n", encoding="utf-8")
    assert main(["render", "--jobs", jobs]) == 1
    assert capsys.readouterr().out == message
    assert (rich_project / "README.md").read_text("utf-8") == "old\n"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"README.md.j2": SPLIT_FRAME}, True),
        ({"README.md.j2": OLD_FRAME}, False),
        ({"README.md.j2": "# Mine\n{% for s in sections %}{{ s.name }}\n{% endfor %}"}, False),
        ({"README.md.j2": '# T\n{% include "body.j2" %}', "body.j2": "{{ parts.overview }}"}, True),
        ({"README.md.j2": '{% extends "base.j2" %}', "base.j2": "{{ parts.sections }}"}, True),
        (
            {"README.md.j2": '{% include "body.j2" %}', "body.j2": '{% include "README.md.j2" %}'},
            False,
        ),
        ({"README.md.j2": "{% include sections[0].name %}"}, True),
        ({"README.md.j2": "# T\n{% for %}\n{{ parts }}"}, False),
        ({}, True),
    ],
    ids=[
        "split",
        "old shape",
        "custom",
        "included",
        "extended",
        "includes itself",
        "named by an expression",
        "syntax error",
        "packaged",
    ],
)
def test_a_frame_is_rendered_from_parts_when_it_reads_them(
    tmp_path: Path, files: dict[str, str], expected: bool
) -> None:
    _write(tmp_path, files)
    assert uses_parts(load_templates(tmp_path), "README.md.j2") is expected


def test_parts_come_back_in_order_whichever_process_rendered_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "MIN_PER_JOB", 2)
    _write(tmp_path, {"a.j2": "<{{ n }}>  \n{{ n * 2 }}", "b.j2": "{{ word }}"})
    templates = load_templates(tmp_path)

    def context(n: int) -> dict[str, object]:
        return {"n": n, "word": "x" * n}

    with templates.rendering(10):
        found = render_parts(templates, ["a.j2", "b.j2"], 10, context, jobs=3, strip=True)
    assert found == [[f"<{n}>\n{n * 2}" for n in range(10)], ["x" * n for n in range(10)]]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_part_over_the_output_budget_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(workers, "MIN_PER_JOB", 1)
    _write(tmp_path, {"a.j2": "{{ word }}"})
    templates = load_templates(tmp_path, Budget(output_mb=0.001))  # 1048 characters

    def context(n: int) -> dict[str, object]:
        return {"word": "x" * 1000 * (n + 1)}

    with pytest.raises(TemplateProblem) as caught:
        render_parts(templates, ["a.j2"], 2, context, jobs=jobs)
    assert caught.value.diagnostic.text() == (
        "templates/a.j2:1:1: error[template] a part would be 0.001907 MiB of text, more than "
        "the output budget of 0.0009995 MiB (as awesome.yaml sets it: render_budget.output_mb)"
    )


# A list's own per-entry template that breaks the README: lint says the same with or without
# the proof's shortcut, and the probes (rendered through the same parts) do not prove it.
BROKEN_PARTS = [
    (
        "block never closed",
        {
            "table/model.md.j2": '{% from "model.html.j2" import model_block %}'
            "{{ model_block(entry)[:-10] }}"
        },
        "unclosed-details",
    ),
    (
        "a second table in a block",
        {
            "table/model.md.j2": '{% from "model.html.j2" import model_block %}'
            "{% set block = model_block(entry) %}"
            "{{ block[:-10] ~ ('<table></table>\\n' | safe) ~ block[-10:] }}"
        },
        "block-table",
    ),
]


@pytest.mark.parametrize(
    ("case", "files", "rule"), BROKEN_PARTS, ids=[case[0] for case in BROKEN_PARTS]
)
def test_a_broken_part_template_is_not_proven(
    rich_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    files: dict[str, str],
    rule: str | None,
) -> None:
    from test_proof import _lint_both_ways, _said

    _write(rich_project, files)
    assert main(["render"]) == 0
    capsys.readouterr()
    fast, full = _lint_both_ways(rich_project)
    assert (fast.proven, fast.way) == (False, "whole")
    assert _said(fast) == _said(full)
    errors = {d.rule for d in fast.diagnostics if d.severity == "error"}
    assert errors == (set() if rule is None else errors | {rule})
    assert bool(errors) is (rule is not None)


def test_the_split_frame_is_proven_clean(
    rich_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_proof import _lint_both_ways

    assert main(["render"]) == 0
    capsys.readouterr()
    fast, full = _lint_both_ways(rich_project)
    assert (fast.proven, fast.way, fast.diagnostics) == (True, "current", [])
    assert full.diagnostics == []
