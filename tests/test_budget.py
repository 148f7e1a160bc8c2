"""A render runs within a time and output budget; whatever a template does wrong — an exception
of any kind, running out of memory, recursion, going over the budget — is a `template`
diagnostic at the template's line, never a traceback or a run of hours (budget.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.budget import Budget, Limits, checked_binop, enforced
from awesome_tools.core.settings import load_settings
from awesome_tools.layouts import LAYOUTS

T = "templates/README.md.j2:"
ERROR = "error[template]"
SET_OUTPUT = "(as awesome.yaml sets it: render_budget.output_mb)"
SET_SECONDS = "(as awesome.yaml sets it: render_budget.seconds)"

# (case, awesome.yaml, README template, the diagnostic render and lint both give)
FAILURES = [
    (
        "an exception of Python's",
        "",
        "# T\n\n{{ 1 / 0 }}\n",
        f"{T}3:1: {ERROR} the template fails: ZeroDivisionError: division by zero",
    ),
    (
        "a range the sandbox refuses",
        "",
        "# T\n{% for i in range(10 ** 6) %}\n{% endfor %}\n",
        f"{T}2:1: {ERROR} the template fails: OverflowError: Range too big. The sandbox blocks "
        "ranges larger than MAX_RANGE (100000)",
    ),
    (
        "a value of the wrong type",
        "",
        "# T\n\n\n{{ count + 'x' }}\n",
        f"{T}4:1: {ERROR} the template fails: TypeError: unsupported operand type(s) for +: "
        "'int' and 'str'",
    ),
    (
        "a macro that calls itself",
        "",
        "# T\n{% macro f(n) %}\n{{ f(n) }}\n{% endmacro %}\n{{ f(1) }}\n",
        f"{T}3:1: {ERROR} the template calls itself without end (a macro or a recursive loop "
        "never stops)",
    ),
    (
        "a repetition of a terabyte",
        "",
        '# T\n\n{{ "x" * 10**12 }}\n',
        f"{T}3:1: {ERROR} `*` would make a value of 1e+12 items, more than the output budget "
        "of 64.06 MiB (the default for this list: render_budget.output_mb)",
    ),
    (
        "a repetition of a list, the count first",
        "render_budget:\n  output_mb: 1\n",
        "# T\n{% set n = 2000000 %}\n{{ (n * [1]) | length }}\n",
        f"{T}3:1: {ERROR} `*` would make a value of 2e+06 items, more than the output budget "
        f"of 1 MiB {SET_OUTPUT}",
    ),
    (
        "a power too long to print",
        "",
        "# T\n\n\n\n{{ 10 ** 100000 }}\n",
        f"{T}5:1: {ERROR} `**` would make a number of 1e+05 digits, more than can be printed "
        "(4300 digits)",
    ),
    (
        "two nested loops of 100,000",
        "render_budget:\n  seconds: 0.5\n",
        "# T\n{% for i in range(100000) %}\n{% for j in range(100000) %}\n{% endfor %}\n"
        "{% endfor %}\n",
        f"{T}3:1: {ERROR} the template ran longer than its time budget, 0.5 s {SET_SECONDS}",
    ),
    (
        "a text longer than the output budget",
        "render_budget:\n  output_mb: 1\n",
        '# T\n{% for i in range(30000) %}\n{{ "x" * 50 }}\n{% endfor %}\n',
        f"{T}1:1: {ERROR} the output would be 1.459 MiB of text, more than the output budget "
        f"of 1 MiB {SET_OUTPUT}",
    ),
]
if sys.platform == "linux":  # the address space is capped where the process's size is known
    FAILURES.append(
        (
            "a padding of ten gigabytes",
            "render_budget:\n  output_mb: 2\n",
            '# T\n\n{{ "x" | center(10 ** 10) }}\n',
            f"{T}3:1: {ERROR} the template ran out of memory: a render may take 288 MiB beyond "
            "what the list holds (256 MiB and 16 bytes per character of the output budget, "
            f"2 MiB {SET_OUTPUT})",
        )
    )


@pytest.mark.parametrize(
    ("case", "settings", "template", "expected"), FAILURES, ids=[c[0] for c in FAILURES]
)
def test_a_failing_template_is_one_diagnostic_at_its_line(
    rich_project: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    settings: str,
    template: str,
    expected: str,
) -> None:
    (rich_project / "awesome.yaml").write_text(settings, "utf-8")
    (rich_project / "templates").mkdir()
    (rich_project / "templates" / "README.md.j2").write_text(template, "utf-8")
    (rich_project / "README.md").write_text("old\n", "utf-8")
    assert main(["render"]) == 1
    assert main(["render", "--check"]) == 1
    assert main(["lint"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [expected] * 3
    assert "Traceback" not in err
    assert (rich_project / "README.md").read_text("utf-8") == "old\n"


def test_the_panel_template_runs_within_the_budget(
    panel_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (panel_list / "awesome.yaml").write_text(
        "layout: panel\nrender_budget:\n  seconds: 0.5\n", "utf-8"
    )
    (panel_list / "templates" / "panel").mkdir(parents=True)
    (panel_list / "templates" / "panel" / "panel.md.j2").write_text(
        "{{ heading }}\n{% for i in range(100000) %}{% for j in range(100000) %}"
        "{% endfor %}{% endfor %}\n",
        "utf-8",
    )
    before = (panel_list / "README.md").read_bytes()
    assert main(["render", "--jobs", "2"]) == 1
    assert main(["lint"]) == 1
    out, err = capsys.readouterr()
    message = (
        "templates/panel/panel.md.j2:2:1: error[template] the template ran longer than its "
        f"time budget, 0.5 s {SET_SECONDS}"
    )
    assert out.splitlines() == [message, message]
    assert "Traceback" not in err
    assert (panel_list / "README.md").read_bytes() == before


@pytest.mark.parametrize("looping", ["Model A", "Model C"], ids=["a child's share", "its own"])
def test_a_render_shared_between_processes_stops_on_time(
    panel_list: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    looping: str,
) -> None:
    """A panel that never ends in a forked child's share or in the parent's own: the render
    stops on time either way, and no child is left running."""
    import awesome_tools.io.workers as workers

    monkeypatch.setattr(workers, "MIN_PER_JOB", 1)
    for n, name in enumerate(["Model A", "Model B", "Model C"]):
        (panel_list / "entries" / f"model-{name[-1].lower()}.yaml").write_text(
            f"name: {name}\ntitle: '{name}: a model'\n"
            f"url: https://arxiv.org/abs/2401.0000{n}\nsummary: A model.\n",
            "utf-8",
        )
    (panel_list / "awesome.yaml").write_text(
        "layout: panel\nrender_budget:\n  seconds: 1\n", "utf-8"
    )
    (panel_list / "templates" / "panel").mkdir(parents=True)
    (panel_list / "templates" / "panel" / "panel.md.j2").write_text(
        "{{ heading }}\n"
        f"{{% if entry.name == '{looping}' %}}{{% for i in range(100000) %}}"
        "{% for j in range(100000) %}{% endfor %}{% endfor %}{% endif %}\n",
        "utf-8",
    )
    assert main(["render", "--jobs", "2"]) == 1
    assert capsys.readouterr().out == (
        "templates/panel/panel.md.j2:2:1: error[template] the template ran longer than its "
        f"time budget, 1 s {SET_SECONDS}\n"
    )
    assert workers._LIVE == {}


def test_the_page_template_runs_within_the_budget(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (rich_project / "awesome.yaml").write_text("render_budget:\n  output_mb: 0.5\n", "utf-8")
    (rich_project / "templates" / "site").mkdir(parents=True)
    (rich_project / "templates" / "site" / "index.html.j2").write_text(
        "<p>\n{{ 'ab' * 300000 }}\n", "utf-8"
    )
    assert main(["site"]) == 1
    assert capsys.readouterr().out == (
        "templates/site/index.html.j2:2:1: error[template] `*` would make a value of 6e+05 "
        f"items, more than the output budget of 0.5 MiB {SET_OUTPUT}\n"
    )
    assert not (rich_project / "site").exists()


def test_a_list_within_its_budget_renders_as_before(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render"]) == 0
    before = (rich_project / "README.md").read_bytes()
    (rich_project / "awesome.yaml").write_text(
        "render_budget:\n  seconds: 30\n  output_mb: 1\n", "utf-8"
    )
    (rich_project / "templates").mkdir()
    (rich_project / "templates" / "README.md.j2").write_text(
        '{% extends "awesome_tools/README.md.j2" %}\n{# {{ "ab" * 3 }} #}\n', "utf-8"
    )
    assert main(["render", "--check"]) == 0
    assert main(["lint"]) == 0
    assert (rich_project / "README.md").read_bytes() == before


# (case, operator, left, right, refused)
BINOPS = [
    ("text within", "*", "ab", 600, False),
    ("text over", "*", "ab", 601, True),
    ("count first", "*", 1201, "a", True),
    ("a list", "*", [1, 2], 601, True),
    ("numbers", "*", 10**6, 10**6, False),
    ("power within", "**", 10, 4300, False),
    ("power over", "**", 10, 4301, True),
    ("power of one", "**", 1, 10**12, False),
    ("negative power", "**", 10, -(10**12), False),
    ("other operator", "+", "a" * 2000, "b", False),
]


@pytest.mark.parametrize(
    ("case", "operator", "left", "right", "refused"), BINOPS, ids=[c[0] for c in BINOPS]
)
def test_repetitions_and_powers_are_measured_before_they_are_made(
    case: str, operator: str, left: object, right: object, refused: bool
) -> None:
    from awesome_tools.core.budget import BudgetExceeded

    with enforced(Limits(60.0, 1200)):
        if refused:
            with pytest.raises(BudgetExceeded):
                checked_binop(operator, left, right)
        else:
            checked_binop(operator, left, right)
    checked_binop(operator, left, right)  # outside a render nothing is measured


@pytest.mark.parametrize(
    ("budget", "entries", "limits"),
    [
        (Budget(), 0, Limits(60.0, 64 * 2**20)),
        (Budget(), 10_000, Limits(80.0, 64 * 2**20 + 10_000 * 16 * 1024)),
        (Budget(seconds=5), 10_000, Limits(5.0, 64 * 2**20 + 10_000 * 16 * 1024, True)),
        (Budget(output_mb=2), 10_000, Limits(80.0, 2 * 2**20, False, True)),
    ],
)
def test_the_default_budget_grows_with_the_list(
    budget: Budget, entries: int, limits: Limits
) -> None:
    assert budget.limits(entries) == limits


S = "awesome.yaml"
# (awesome.yaml, the budget read, diagnostics)
SETTINGS = [
    ("render_budget:\n  seconds: 120\n  output_mb: 2.5\n", Budget(120.0, 2.5), []),
    ("render_budget: {}\n", Budget(), []),
    (
        "render_budget: fast\n",
        Budget(),
        [
            "awesome.yaml:1:16: error[settings] render_budget is a mapping: seconds (a render's "
            "time) and output_mb (its text)"
        ],
    ),
    (
        "render_budget:\n  second: 10\n",
        Budget(),
        [
            "awesome.yaml:2:3: error[settings] unknown render_budget key 'second'; "
            "did you mean 'seconds'?"
        ],
    ),
    (
        "render_budget:\n  seconds: 0\n  output_mb: -1\n",
        Budget(),
        [
            "awesome.yaml:2:12: error[settings] render_budget.seconds is a number above 0, in "
            "ASCII digits (e.g. 120 or 2.5)",
            "awesome.yaml:3:14: error[settings] render_budget.output_mb is a number above 0, in "
            "ASCII digits (e.g. 120 or 2.5)",
        ],
    ),
    (
        "render_budget:\n  seconds: [1]\n  output_mb: 1e3\n",
        Budget(),
        [
            "awesome.yaml:2:12: error[settings] render_budget.seconds is a number above 0, in "
            "ASCII digits (e.g. 120 or 2.5)",
            "awesome.yaml:3:14: error[settings] render_budget.output_mb is a number above 0, in "
            "ASCII digits (e.g. 120 or 2.5)",
        ],
    ),
    (
        "render_budget:\n  seconds: '١٢٠'\n",
        Budget(),
        [
            "awesome.yaml:2:13: error[settings] render_budget.seconds: character 1 is U+0661 "
            "(ARABIC-INDIC DIGIT ONE), not an ASCII digit: type '120'"
        ],
    ),
]


@pytest.mark.parametrize(("settings", "budget", "problems"), SETTINGS)
def test_the_render_budget_setting(settings: str, budget: Budget, problems: list[str]) -> None:
    found, diagnostics = load_settings(
        settings.encode(),
        S,
        categories_raw=None,
        categories_path="categories.yaml",
        layouts=list(LAYOUTS),
    )
    assert found.render_budget == budget
    assert [d.text() for d in diagnostics] == problems
