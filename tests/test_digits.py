"""Digits a person types are ASCII 0-9: a date, number, setting or option in the digits of
another script is refused, the character named at its column, with what to type instead."""

# ruff: noqa: RUF001 (the digits of other scripts are the point)
from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.digits import ascii_int
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.normalize import arxiv_id
from awesome_tools.core.schema import Entry
from awesome_tools.layouts.panel.quirks import PanelEntry
from awesome_tools.layouts.table import TABLE_REQUIRED
from conftest import GOOD

P = "entries/llava.yaml"
FIGURE = "figure:\n  file: https://example.org/f.png\n  alt: The model.\n"


def _with(lines: str) -> str:
    # Not an arXiv link, so that no date is compared with the paper's month.
    text = GOOD.replace("https://arxiv.org/abs/2304.08485", "https://example.org/llava")
    return text.replace("architecture:", lines + "architecture:", 1)


# (case, lines added before `architecture:` (line 5 on), diagnostics as `line:col: ...`)
ENTRY_CASES: list[tuple[str, str, list[str]]] = [
    ("ASCII date", "released: 2021-01\n", []),
    (
        "Arabic-Indic date",
        "released: ٢٠٢١-٠١\n",
        [
            "5:11: error[bad-date] released: character 1 is U+0662 (ARABIC-INDIC DIGIT TWO), "
            "not an ASCII digit: type '2021-01'"
        ],
    ),
    (
        "quoted Arabic-Indic date",
        "released: '٢٠٢١-٠١'\n",
        [
            "5:12: error[bad-date] released: character 1 is U+0662 (ARABIC-INDIC DIGIT TWO), "
            "not an ASCII digit: type '2021-01'"
        ],
    ),
    (
        "one full-width digit in the month",
        "released: 2021-0１\n",
        [
            "5:17: error[bad-date] released: character 7 is U+FF11 (FULLWIDTH DIGIT ONE), "
            "not an ASCII digit: type '2021-01'"
        ],
    ),
    (
        "Devanagari day",
        'released: "2021-01-०५"\n',
        [
            "5:20: error[bad-date] released: character 9 is U+0966 (DEVANAGARI DIGIT ZERO), "
            "not an ASCII digit: type '2021-01-05'"
        ],
    ),
    (
        "superscript digit",
        "released: 2021-0¹\n",
        [
            "5:17: error[bad-date] released: character 7 is U+00B9 (SUPERSCRIPT ONE), "
            "not an ASCII digit: type '2021-01'"
        ],
    ),
    (
        "order in Arabic-Indic digits",
        "order: ٣\n",
        [
            "5:8: error[bad-number] order: character 1 is U+0663 (ARABIC-INDIC DIGIT THREE), "
            "not an ASCII digit: type '3'"
        ],
    ),
    (
        "figure number, second digit Bengali",
        FIGURE + "  number: '1৩'\n",
        [
            "8:13: error[bad-number] figure.number: character 2 is U+09E9 (BENGALI DIGIT THREE), "
            "not an ASCII digit: type '13'"
        ],
    ),
    (
        "figure page in Thai digits",
        FIGURE + "  page: ๔\n",
        [
            "8:9: error[bad-number] figure.page: character 1 is U+0E54 (THAI DIGIT FOUR), "
            "not an ASCII digit: type '4'"
        ],
    ),
    (
        "figure width in Persian digits",
        FIGURE + "  width: ۸۰۰\n",
        [
            "8:10: error[bad-number] figure.width: character 1 is U+06F8 "
            "(EXTENDED ARABIC-INDIC DIGIT EIGHT), not an ASCII digit: type '800'"
        ],
    ),
    ("figure width in ASCII digits", FIGURE + "  width: 800\n", []),
    (
        "a panel's heading level in Arabic-Indic digits",
        "panel_quirks:\n  heading_level: '٣'\n",
        [
            "6:19: error[wrong-type] panel_quirks.heading_level: character 1 is U+0663 "
            "(ARABIC-INDIC DIGIT THREE), not an ASCII digit: type '3'"
        ],
    ),
    ("a panel's heading level in ASCII digits", "panel_quirks:\n  heading_level: '3'\n", []),
]


@pytest.mark.parametrize(
    ("case", "lines", "expected"), ENTRY_CASES, ids=[c[0] for c in ENTRY_CASES]
)
def test_checker(case: str, lines: str, expected: list[str]) -> None:
    # A panel's quirks are the panel layout's entry model's (layouts/panel/quirks.py).
    model = PanelEntry if "panel_quirks" in lines else Entry
    _, diagnostics = check_entries(
        [(P, _with(lines).encode())],
        categories=["Encoders"],
        required=TABLE_REQUIRED,
        model=model,
    )
    assert [d.text() for d in diagnostics] == [f"{P}:{line}" for line in expected]


@pytest.mark.parametrize(
    ("case", "lines", "expected"), ENTRY_CASES, ids=[c[0] for c in ENTRY_CASES]
)
def test_check_command(
    project: Path, capsys: pytest.CaptureFixture[str], case: str, lines: str, expected: list[str]
) -> None:
    (project / P).write_text(_with(lines), encoding="utf-8")
    if "panel_quirks" in lines:
        (project / "awesome.yaml").write_text("layout: panel\n", encoding="utf-8")
    code = main(["check"])
    out, err = capsys.readouterr()
    assert (code, out) == (1 if expected else 0, "".join(f"{P}:{line}\n" for line in expected))
    assert "Traceback" not in err


# (case, awesome.yaml, the diagnostic)
SETTINGS_CASES: list[tuple[str, str, str]] = [
    (
        "plain",
        "layout: panel\npanel_heading_level: ٣\n",
        "awesome.yaml:2:22: error[settings] panel_heading_level: character 1 is U+0663 "
        "(ARABIC-INDIC DIGIT THREE), not an ASCII digit: type '3'",
    ),
    (
        "quoted, full-width",
        "layout: panel\npanel_heading_level: '２'\n",
        "awesome.yaml:2:23: error[settings] panel_heading_level: character 1 is U+FF12 "
        "(FULLWIDTH DIGIT TWO), not an ASCII digit: type '2'",
    ),
]


@pytest.mark.parametrize(
    ("case", "settings", "expected"), SETTINGS_CASES, ids=[c[0] for c in SETTINGS_CASES]
)
def test_heading_level_setting(
    project: Path, capsys: pytest.CaptureFixture[str], case: str, settings: str, expected: str
) -> None:
    (project / "awesome.yaml").write_text(settings, encoding="utf-8")
    code = main(["check"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, expected + "\n")
    assert "Traceback" not in err


# (case, --jobs value, exit code, the last line of stderr)
JOBS_CASES: list[tuple[str, str, int, str]] = [
    ("ASCII", "1", 0, "1 file checked: no problems"),
    (
        "Arabic-Indic",
        "٢",
        2,
        "awesome-tools check: error: argument -j/--jobs: character 1 is U+0662 "
        "(ARABIC-INDIC DIGIT TWO), not an ASCII digit: type '2'",
    ),
    (
        "full-width",
        "１",
        2,
        "awesome-tools check: error: argument -j/--jobs: character 1 is U+FF11 "
        "(FULLWIDTH DIGIT ONE), not an ASCII digit: type '1'",
    ),
    (
        "digits apart",
        "1_0",
        2,
        "awesome-tools check: error: argument -j/--jobs: not a number: '1_0'",
    ),
]


@pytest.mark.parametrize(
    ("case", "jobs", "code", "last"), JOBS_CASES, ids=[c[0] for c in JOBS_CASES]
)
def test_jobs_option(
    project: Path, capsys: pytest.CaptureFixture[str], case: str, jobs: str, code: int, last: str
) -> None:
    try:
        got = main(["check", "--jobs", jobs])
    except SystemExit as exc:
        got = int(exc.code or 0)
    _, err = capsys.readouterr()
    assert (got, err.splitlines()[-1]) == (code, last)


# (case, value, int or None for a ValueError)
INT_CASES: list[tuple[str, str, int | None]] = [
    ("digits", "12", 12),
    ("negative", "-3", -3),
    ("Arabic-Indic", "١٢", None),
    ("underscore", "1_2", None),
    ("space", " 1", None),
    ("empty", "", None),
]


@pytest.mark.parametrize(("case", "text", "value"), INT_CASES, ids=[c[0] for c in INT_CASES])
def test_ascii_int(case: str, text: str, value: int | None) -> None:
    if value is None:
        with pytest.raises(ValueError, match="not a number written in ASCII digits"):
            ascii_int(text)
    else:
        assert ascii_int(text) == value


# (link, its arXiv id or None): an id in other digits is not an arXiv id.
ARXIV_CASES: list[tuple[str, str | None]] = [
    ("https://arxiv.org/abs/2304.08485", "2304.08485"),
    ("https://arxiv.org/abs/٢٣٠٤.٠٨٤٨٥", None),
    ("https://arxiv.org/abs/2304.0848５", None),
    ("https://arxiv.org/abs/cs/０３０１００１", None),
    ("https://arxiv.org/pdf/2304.08485v١", None),
]


@pytest.mark.parametrize(("url", "expected"), ARXIV_CASES)
def test_arxiv_id_digits(url: str, expected: str | None) -> None:
    assert arxiv_id(url) == expected


UPSTREAM = Path(__file__).resolve().parent / "fixtures" / "upstream-74897b3-README.md"


def test_an_imported_date_in_other_digits_is_kept_and_refused_by_check() -> None:
    """Import keeps the README's text; check then names the digit (nothing sorts it first)."""
    from awesome_tools.layouts.panel.read import read_panel_readme

    text = UPSTREAM.read_text("utf-8").replace("| 2026-07-28 | MODUS", "| ٢٠٢٦-٠٧-٢٨ | MODUS", 1)
    plan = read_panel_readme(text.encode(), "u.md")
    path = "entries/modus.yaml"
    _, diagnostics = check_entries(
        [(path, plan.files["modus.yaml"].encode())], categories=[], required=TABLE_REQUIRED
    )
    assert [d.text() for d in diagnostics if d.rule == "bad-date"] == [
        f"{path}:5:11: error[bad-date] released: character 1 is U+0662 (ARABIC-INDIC DIGIT TWO), "
        "not an ASCII digit: type '2026-07-28'"
    ]
