"""lint's shortcut for a current README (awesome_tools.engine.proof): a broken template is still caught."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import awesome_tools
from awesome_tools.cli import main
from awesome_tools.engine import proof
from awesome_tools.engine.lint import Linted, lint_readme
from awesome_tools.engine.project import read_project
from awesome_tools.io.textfile import decode

PACKAGED = Path(awesome_tools.__file__).parent / "templates" / "model.html.j2"
GOOD = PACKAGED.read_text("utf-8")


def _lint(root: Path, *, shortcuts: bool = True) -> Linted:
    """The engine on the list's README.md, as `lint` (`--no-shortcut`) runs it."""
    text, problem = decode((root / "README.md").read_bytes(), "README.md")
    assert problem is None and text is not None
    return lint_readme(text, "README.md", root=root, cwd=root, own=True, shortcuts=shortcuts)


def _lint_both_ways(root: Path) -> tuple[Linted, Linted]:
    """Lint with the shortcuts allowed, then refused (`lint --no-shortcut`)."""
    return _lint(root), _lint(root, shortcuts=False)


def _said(linted: Linted) -> list[str]:
    return [d.text() for d in linted.diagnostics]


def test_a_current_readme_of_clean_templates_is_not_parsed(seed_project: Path) -> None:
    fast, full = _lint_both_ways(seed_project)
    assert (fast.proven, fast.way) == (True, "current")  # the probes' README alone was parsed
    assert (full.proven, full.way) == (False, "whole")
    assert fast.diagnostics == full.diagnostics == []


# A template of the list that breaks the README: lint reports the same with or without the
# shortcut, and the shortcut is not taken. (case, change to the packaged model template, rule)
BROKEN = [
    (
        "details never closed",
        ("</details>\n{%- endmacro %}", "{%- endmacro %}"),
        "unclosed-details",
    ),
    (
        "blank line in a block",
        ("<td>{{ cell }}</td>", "<td>\n\n{{ cell }}</td>"),
        "html-block-break",
    ),
    (
        "a second table",
        ("</table>\n</details>", "</table>\n<table></table>\n</details>"),
        "block-table",
    ),
    (
        "empty summary",
        ("<summary>{{ entry.name }}</summary>", "<summary></summary>"),
        "block-summary",
    ),
    (
        "the title unescaped",
        (
            '<a href="{{ entry.url }}">{{ entry.title }}</a>',
            '<a href="{{ entry.url }}">{{ entry.title | safe }}</a>',
        ),
        None,  # the list's titles hold no markup: only the probes show it
    ),
    (
        "summary from the title",
        ("<summary>{{ entry.name }}</summary>", "<summary>{{ entry.title }}</summary>"),
        None,  # the list's titles differ: only the probes (one title for all) show it
    ),
    (
        "title outside its link",
        ('<td><a href="{{ entry.url }}">{{ entry.title }}</a></td>', "<td>{{ entry.title }}</td>"),
        "title-link",
    ),
    (
        "broken only for a model with code",
        (
            "</details>\n{%- endmacro %}",
            "{% if not entry.code %}</details>{% endif %}\n{%- endmacro %}",
        ),
        "unclosed-details",
    ),
    (
        "a cell left empty without code",
        ("<td>{{ cell }}</td>", "<td>{{ cell if entry.code else '' }}</td>"),
        "empty-cell",
    ),
]


@pytest.mark.parametrize(("case", "change", "rule"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_template_is_still_reported(
    seed_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    change: tuple[str, str],
    rule: str | None,
) -> None:
    old, new = change
    assert old in GOOD
    (seed_project / "templates" / "model.html.j2").write_text(GOOD.replace(old, new), "utf-8")
    assert main(["render"]) == 0
    capsys.readouterr()
    fast, full = _lint_both_ways(seed_project)
    assert (fast.proven, fast.way) == (False, "whole")
    assert _said(fast) == _said(full)
    if rule is not None:
        assert rule in {d.rule for d in fast.diagnostics if d.severity == "error"}


def test_an_edited_overview_row_is_reported_naming_its_entry(seed_project: Path) -> None:
    readme = seed_project / "README.md"
    readme.write_text(readme.read_text("utf-8").replace("</td>", " edited</td>", 1), "utf-8")
    fast, full = _lint_both_ways(seed_project)
    assert (fast.proven, fast.way) == (True, "part")  # the part that differs is linted alone
    assert (
        _said(fast)
        == _said(full)
        == [
            "README.md:22:43: error[drift] overview row 'LLaVA 1.6' differs from "
            "entries/llava-1-6.yaml (field name): found ' edited</td><td>2024-01-30</td><td>CLIP "
            "...' where render writes '</td><td>2024-01-30</td><td>CLIP ViT-L/1...'; edit "
            "entries/llava-1-6.yaml, not README.md, then run `make readme`"
        ]
    )


def test_the_probes_are_one_entry_per_shape_and_a_hostile_copy_of_each(seed_project: Path) -> None:
    project = read_project(seed_project, seed_project)
    entries = list(project.entries.values())
    shapes = {proof.shape(entry) for entry in entries}
    probes = proof.probes(entries, project.categories)
    assert probes is not None
    assert len(probes) == 2 * len(shapes) == 12
    chosen, copies = probes[: len(shapes)], probes[len(shapes) :]
    assert chosen == proof.representatives(entries)
    assert [proof.shape(c) for c in copies] == [proof.shape(c) for c in chosen]
    for number, copy in enumerate(copies, 1):
        assert copy.name == f"{proof.HOSTILE} {number}"
        assert copy.title == proof.HOSTILE
        assert copy.url == f"https://example.org/probe/{number}"
        assert copy.architecture is not None and copy.architecture.overview == proof.HOSTILE


def _block(text: str, anchor: str) -> tuple[int, int]:
    start = text.index(f'<details id="{anchor}">')
    return start, text.index("</details>\n", start) + len("</details>\n")


def _swap(text: str, first: str, second: str) -> str:
    a, b = _block(text, first)
    c, d = _block(text, second)
    return text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:]


def _copy_after(text: str, anchor: str, after: str) -> str:
    a, b = _block(text, anchor)
    _, end = _block(text, after)
    return text[:end] + "\n" + text[a:b] + text[end:]


def _drop(text: str, anchor: str) -> str:
    a, b = _block(text, anchor)
    return text[:a] + text[b + 1 :]


def _in_block(anchor: str, old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        a, b = _block(text, anchor)
        assert old in text[a:b]
        return text[:a] + text[a:b].replace(old, new, 1) + text[b:]

    return edit


# Hand edits of a current README: lint says the same whether it lints only the part that
# differs or the whole. (case, edit, whether the part stands for the whole)
EDITS: list[tuple[str, Callable[[str], str], bool]] = [
    ("a cell edited", _in_block("llava", "</td>\n</tr>", " (edited)</td>\n</tr>"), True),
    ("a block's name edited", _in_block("llava", "<summary>LLaVA<", "<summary>LLaVA 2<"), False),
    ("a block's id edited", _in_block("llava", 'id="llava"', 'id="llava-x"'), False),
    ("a block dropped", lambda t: _drop(t, "llava"), True),
    ("two blocks swapped", lambda t: _swap(t, "llava", "llava-1-5"), True),
    ("a copy of a block far away", lambda t: _copy_after(t, "flamingo", "llava"), False),
    ("a table left open", _in_block("llava", "</table>", ""), True),
    ("an empty first row", _in_block("llava", "<tbody>\n<tr>", "<tbody>\n<tr></tr>\n<tr>"), False),
    (
        "an empty row in a block with none",
        _in_block("llava", "<tbody>\n<tr>\n<td>", "<tbody>\n<tr>\n</tr>\n<tr>\n<td>"),
        False,
    ),
    ("details left open", _in_block("llava", "</details>", ""), False),
    (
        "a blank line in a block",
        _in_block("llava", "<tbody>\n<tr>\n<td>", "<tbody>\n<tr>\n\n<td>"),
        True,
    ),
    (
        "the paper link of another block",
        _in_block("llava", "https://arxiv.org/abs/2304.08485", "https://arxiv.org/abs/2106.13884"),
        False,
    ),
    ("the intro edited", lambda t: t.replace("A curated list", "A hand-kept list", 1), True),
    (
        "edits far apart",
        lambda t: _in_block("qwen-vl", "</summary>", " </summary>")(
            _in_block("flamingo", "</summary>", " </summary>")(t)
        ),
        False,
    ),
    ("line ends CRLF", lambda t: t.replace("\n", "\r\n"), False),
]


@pytest.mark.parametrize(("case", "edit", "part"), EDITS, ids=[e[0] for e in EDITS])
def test_a_hand_edit_is_reported_as_by_the_whole_lint(
    seed_project: Path, case: str, edit: Callable[[str], str], part: bool
) -> None:
    readme = seed_project / "README.md"
    readme.write_bytes(edit(readme.read_text("utf-8")).encode("utf-8"))
    fast, full = _lint_both_ways(seed_project)
    assert (fast.proven, fast.way) == (True, "part" if part else "whole")
    assert _said(fast) == _said(full)
    assert any(d.severity == "error" for d in fast.diagnostics)
