"""Rules across entries: duplicate names, file names and papers, in full and partial runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.layouts.table import TABLE_REQUIRED
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


def _same_paper(url: str) -> tuple[str, dict[str, str], list[str] | None, list[str]]:
    """LLaVA's paper written another way, by a second entry: both files are named."""
    quoted = "'" + url + "'"
    return (
        f"same paper as {url}",
        {"llava.yaml": GOOD, "llava-copy.yaml": entry_text("LLaVA Copy", quoted)},
        None,
        [
            "entries/llava-copy.yaml:4:6: error[duplicate-entry] "
            "this paper is also listed in entries/llava.yaml:4:6",
            "entries/llava.yaml:4:6: error[duplicate-entry] "
            "this paper is also listed in entries/llava-copy.yaml:4:6",
        ],
    )


# A paper or page does not become new by its host's case, final dot or `www.`, an arXiv
# mirror, dot segments or repeated slashes; an invisible character makes the link bad-url.
DISGUISE_CASES = (
    [
        _same_paper(url)
        for url in [
            "https://arxiv.org./abs/2304.08485",
            "https://ARXIV.org/abs/2304.08485",
            "https://ArXiv.Org./abs/2304.08485v2",
            "https://www.arxiv.org/abs/2304.08485",
            "https://export.arxiv.org/abs/2304.08485",
            "https://arxiv.org/abs/./2304.08485",
            "https://arxiv.org//abs/2304.08485",
            "https://arxiv.org/abs//2304.08485/",
            "https://arxiv.org/pdf/x/../2304.08485",
            "https://arxiv.org/abs/%2e/2304.08485",
        ]
    ]
    + [
        (
            f"same page as {other}",
            {
                "alpha.yaml": entry_text("Alpha", "https://example.org/a/b"),
                "beta.yaml": entry_text("Beta", other),
            },
            None,
            [
                "entries/alpha.yaml:4:6: error[duplicate-entry] "
                "this paper is also listed in entries/beta.yaml:4:6",
                "entries/beta.yaml:4:6: error[duplicate-entry] "
                "this paper is also listed in entries/alpha.yaml:4:6",
            ],
        )
        for other in [
            "https://example.org/./a//b",
            "https://Example.ORG./a/b",
            "http://www.example.org:80/a/b/",
            "https://example.org/a/c/../b#top",
        ]
    ]
    + [
        (
            f"invisible {name} in the link",
            {
                "llava.yaml": GOOD,
                "llava-copy.yaml": entry_text(
                    "LLaVA Copy", "https://arxiv.org/abs/2304.08485".replace("/abs", f"/abs{char}")
                ),
            },
            None,
            [
                "entries/llava-copy.yaml:4:27: error[bad-url] url: "
                f"'https://arxiv.org/abs{escape}/2304.08485' is not a valid link: it holds the "
                f"invisible character {name} at character 22; remove it"
            ],
        )
        for char, escape, name in [
            ("\u200b", "\\u200b", "U+200B (ZERO WIDTH SPACE)"),
            ("\ufeff", "\\ufeff", "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
            ("\u00ad", "\\xad", "U+00AD (SOFT HYPHEN)"),
            ("\u2066", "\\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ]
    ]
)
DISGUISE_CASES.append(
    (
        "zero-width space after the link",
        {
            "llava.yaml": GOOD,
            "llava-copy.yaml": entry_text("LLaVA Copy", "https://arxiv.org/abs/2304.08485\u200b"),
        },
        None,
        [
            "entries/llava-copy.yaml:4:38: error[bad-url] url: "
            "'https://arxiv.org/abs/2304.08485\\u200b' is not a valid link: it holds the "
            "invisible character U+200B (ZERO WIDTH SPACE) at character 33; remove it"
        ],
    )
)
CASES += DISGUISE_CASES


# The lineage: `based_on` names entries of the list, and never leads back to where it started.
LINEAGE_CASES: list[tuple[str, dict[str, str], list[str] | None, list[str]]] = [
    (
        "based on an entry of the list, by its name in another case",
        {
            "llava.yaml": GOOD,
            "flamingo.yaml": entry_text(
                "Flamingo",
                "https://arxiv.org/abs/2204.14198",
                **{"architecture:": "based_on: [llava]\narchitecture:"},
            ),
        },
        None,
        [],
    ),
    (
        "based on a model not in the list",
        {
            "llava.yaml": GOOD,
            "flamingo.yaml": entry_text(
                "Flamingo",
                "https://arxiv.org/abs/2204.14198",
                **{"architecture:": "based_on: [LLaVA-2]\narchitecture:"},
            ),
        },
        None,
        [
            "entries/flamingo.yaml:5:12: error[unknown-based-on] based_on: 'LLaVA-2' is not a "
            "model of this list; did you mean 'LLaVA'?"
        ],
    ),
    (
        "based on nothing like any name",
        {
            "llava.yaml": entry_text(
                "LLaVA",
                "https://arxiv.org/abs/2304.08485",
                **{"architecture:": "based_on: [Chinchilla]\narchitecture:"},
            ),
        },
        None,
        [
            "entries/llava.yaml:5:12: error[unknown-based-on] based_on: 'Chinchilla' is not a "
            "model of this list; a model outside the list goes in based_on_outside"
        ],
    ),
    (
        "two models based on each other: both links are named",
        {
            "llava.yaml": entry_text(
                "LLaVA",
                "https://arxiv.org/abs/2304.08485",
                **{"architecture:": "based_on: [Flamingo]\narchitecture:"},
            ),
            "flamingo.yaml": entry_text(
                "Flamingo",
                "https://arxiv.org/abs/2204.14198",
                **{"architecture:": "based_on: [LLaVA]\narchitecture:"},
            ),
        },
        None,
        [
            "entries/flamingo.yaml:5:12: error[lineage-cycle] based_on: 'LLaVA' leads back to "
            "'Flamingo' (Flamingo -> LLaVA -> Flamingo): a model cannot build on itself; remove "
            "the link that points the wrong way",
            "entries/llava.yaml:5:12: error[lineage-cycle] based_on: 'Flamingo' leads back to "
            "'LLaVA' (LLaVA -> Flamingo -> LLaVA): a model cannot build on itself; remove the "
            "link that points the wrong way",
        ],
    ),
    (
        "a cycle seen from the one file checked",
        {
            "llava.yaml": entry_text(
                "LLaVA",
                "https://arxiv.org/abs/2304.08485",
                **{"architecture:": "based_on: [LLaVA]\narchitecture:"},
            ),
            "flamingo.yaml": FLAMINGO,
        },
        ["entries/llava.yaml"],
        [
            "entries/llava.yaml:5:12: error[lineage-cycle] based_on: 'LLaVA' leads back to "
            "'LLaVA' (LLaVA -> LLaVA): a model cannot build on itself; remove the link that "
            "points the wrong way",
        ],
    ),
]
CASES += LINEAGE_CASES


@pytest.mark.parametrize(
    ("case", "files", "selected", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_cross_entry(
    case: str, files: dict[str, str], selected: list[str] | None, expected: list[str]
) -> None:
    sources = [(f"entries/{name}", text.encode()) for name, text in sorted(files.items())]
    _, diagnostics = check_entries(
        sources, categories=[], selected=selected, required=TABLE_REQUIRED
    )
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
