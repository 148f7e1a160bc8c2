"""Rules across entries: duplicate names, file names and papers, in full and partial runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.check import check_sources
from awesome_tools.cli import main
from conftest import GOOD, entry_text

FLAMINGO = entry_text("Flamingo", "https://arxiv.org/abs/2204.14198")

CASES: list[tuple[str, dict[str, str], list[str] | None, list[str]]] = [
    ("distinct entries", {"llava.yaml": GOOD, "flamingo.yaml": FLAMINGO}, None, []),
    (
        "same name, other case: both files are named",
        {"llava.yaml": GOOD, "llava-2.yaml": entry_text("llava", "https://example.org/x")},
        None,
        [
            "entries/llava-2.yaml:2:7: error[duplicate-entry] "
            "name 'llava' is also used in entries/llava.yaml:2:7",
            "entries/llava-2.yaml:2:7: error[file-name] "
            "file for 'llava' must be named 'llava.yaml' (rename 'llava-2.yaml')",
            "entries/llava.yaml:2:7: error[duplicate-entry] "
            "name 'LLaVA' is also used in entries/llava-2.yaml:2:7",
        ],
    ),
    (
        "same slug",
        {
            "llava-1-5.yaml": entry_text("LLaVA 1.5", "https://e.org/a"),
            "llava-1-5b.yaml": entry_text("LLaVA-1.5", "https://e.org/b"),
        },
        None,
        [
            "entries/llava-1-5.yaml:2:7: error[duplicate-entry] "
            "name 'LLaVA 1.5' gives the same file name as the one in entries/llava-1-5b.yaml:2:7",
            "entries/llava-1-5b.yaml:2:7: error[duplicate-entry] "
            "name 'LLaVA-1.5' gives the same file name as the one in entries/llava-1-5.yaml:2:7",
            "entries/llava-1-5b.yaml:2:7: error[file-name] "
            "file for 'LLaVA-1.5' must be named 'llava-1-5.yaml' (rename 'llava-1-5b.yaml')",
        ],
    ),
    (
        "same paper, other arXiv form",
        {
            "flamingo.yaml": FLAMINGO,
            "flamingo-2.yaml": entry_text("Flamingo 2", "https://ar5iv.org/pdf/2204.14198v1.pdf"),
        },
        None,
        [
            "entries/flamingo-2.yaml:4:6: error[duplicate-entry] "
            "this paper is also listed in entries/flamingo.yaml:4:6",
            "entries/flamingo.yaml:4:6: error[duplicate-entry] "
            "this paper is also listed in entries/flamingo-2.yaml:4:6",
        ],
    ),
    (
        "partial run reports only the given file, against the rest",
        {"llava.yaml": GOOD, "aaa.yaml": entry_text("AAA", "https://arxiv.org/pdf/2304.08485v2")},
        ["entries/aaa.yaml"],
        [
            "entries/aaa.yaml:4:6: error[duplicate-entry] "
            "this paper is also listed in entries/llava.yaml:4:6",
        ],
    ),
    (
        "partial run ignores problems of files not given",
        {"llava.yaml": GOOD, "broken.yaml": "name: [\n"},
        ["entries/llava.yaml"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("case", "files", "selected", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_cross_entry(
    case: str, files: dict[str, str], selected: list[str] | None, expected: list[str]
) -> None:
    sources = [(f"entries/{name}", text.encode()) for name, text in sorted(files.items())]
    _, diagnostics = check_sources(sources, categories=[], selected=selected)
    assert [d.text() for d in diagnostics] == expected


@pytest.mark.parametrize(
    ("case", "files", "selected", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_cross_entry_cli(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    files: dict[str, str],
    selected: list[str] | None,
    expected: list[str],
) -> None:
    (project / "entries" / "llava.yaml").unlink()
    for name, text in files.items():
        (project / "entries" / name).write_text(text, encoding="utf-8")
    code = main(["check", *(selected or [])])
    assert capsys.readouterr().out == "".join(f"{line}\n" for line in expected)
    assert code == (1 if expected else 0)
