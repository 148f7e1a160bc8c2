"""Drift: blocks matched by identity, so many drifted blocks stay cheap and each names its file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import awesome_tools.layouts.table.segments as segments_module
from awesome_tools.core.blockread import read_document
from awesome_tools.core.blocks import Document
from awesome_tools.layouts.drift import split_lines
from awesome_tools.layouts.table.lint import lint_text
from awesome_tools.layouts.table.segments import _shape, expected_parts, table_parts

FIX = "then run `awesome-tools render`"  # no Makefile: the console script
TEMPLATE = f"differs from templates/README.md.j2: edit that, {FIX}"


def model(name: str, number: int, purpose: str = "pretraining") -> str:
    """A model block on seven lines, as the template writes it: id, summary, table."""
    slug = name.lower()
    return (
        f'<details id="{slug}">\n<summary>{name}</summary>\n<table>\n'
        "<tr><th>Title</th><th>Datasets.Purpose</th></tr>\n"
        f'<tr><td><a href="https://arxiv.org/abs/2304.{number:05d}">{name} paper</a></td>\n'
        f"<td>{purpose}</td></tr>\n</table>\n</details>"
    )


def readme(names: list[str], purposes: dict[str, str] | None = None) -> str:
    """A README: a frame with an overview row per model, the blocks, a closing section."""
    purposes = purposes or {}
    rows = [f'<tr><td><a href="#{n.lower()}">{n}</a></td></tr>' for n in names]
    head = ["# List", "", "<table>", *rows, "</table>", "", "## Models", ""]
    numbers = {name: number for number, name in enumerate(sorted(names), 1)}
    blocks = [model(name, numbers[name], purposes.get(name, "pretraining")) for name in names]
    return "\n".join(head) + "\n" + "\n\n".join(blocks) + "\n\n## Contributing\n\nBe kind.\n"


def files(names: list[str]) -> dict[str, str]:
    return {name.casefold(): f"entries/{name.lower()}.yaml" for name in names}


def drift(text: str, expected: str, names: list[str]) -> list[str]:
    diagnostics = lint_text(text, "README.md", expected=expected, entry_files=files(names))
    return [d.text() for d in diagnostics if d.rule == "drift"]


def move(text: str, name: str, *, before: str) -> str:
    """Move a model's block, and the blank line after it, in front of another's."""
    start = text.index(f'<details id="{name.lower()}">')
    end = text.index("</details>", start) + len("</details>\n\n")
    block, rest = text[start:end], text[:start] + text[end:]
    place = rest.index(f'<details id="{before.lower()}">')
    return rest[:place] + block + rest[place:]


ABC = ["Alpha", "Beta", "Gamma"]
# Lines of readme(ABC): overview rows 4-6, blocks at 11, 20 and 29 (8 lines and a blank each),
# the last line of text at 40.
BLOCK = {"Alpha": 11, "Beta": 20, "Gamma": 29}


PURPOSE = "found 'tuning</td></tr>' where render writes 'pretraining</td></tr>'"


def block_message(
    name: str,
    line: int,
    column: int = 5,
    shown: str = PURPOSE,
    fields: str = "field datasets.purpose",
) -> str:
    source = f"entries/{name.lower()}.yaml"
    return (
        f"README.md:{line}:{column}: error[drift] block '{name}' differs from {source} "
        f"({fields}): {shown}; edit {source}, not README.md, {FIX}"
    )


def moved(name: str, line: int, rendered: int) -> str:
    return (
        f"README.md:{line}:1: error[drift] block '{name}' of entries/{name.lower()}.yaml is out "
        f"of order: render writes it at line {rendered}; the order comes from entries/ and "
        f"categories.yaml, not README.md, {FIX}"
    )


def missing(name: str, line: int) -> str:
    source = f"entries/{name.lower()}.yaml"
    return (
        f"README.md:{line}:1: error[drift] block '{name}' is missing: render writes it here from "
        f"{source}; edit {source}, not README.md, {FIX}"
    )


COPY = (
    "README.md:29:1: error[drift] block 'Beta' repeats the one at line 20: render writes each "
    f"entry once; remove the copy from README.md, {FIX}"
)
X = "found 'x</td></tr>' where render writes 'pretraining</td></tr>'"
CASES: list[tuple[str, Callable[[], str], list[str]]] = [
    ("current", lambda: readme(ABC), []),
    (
        "one cell edited: at the first differing character",
        lambda: readme(ABC, {"Beta": "tuning"}),
        [block_message("Beta", BLOCK["Beta"] + 5)],
    ),
    (
        "every block edited",
        lambda: readme(ABC, dict.fromkeys(ABC, "tuning")),
        [block_message(name, line + 5) for name, line in BLOCK.items()],
    ),
    (
        "blocks swapped",
        lambda: move(readme(ABC), "Gamma", before="Beta"),
        [moved("Gamma", 20, 29)],
    ),
    (
        "block moved and edited",
        lambda: move(readme(ABC, {"Gamma": "tuning"}), "Gamma", before="Alpha"),
        [moved("Gamma", 11, 29), block_message("Gamma", 16)],
    ),
    (
        "block added",
        lambda: readme(ABC).replace(
            "\n\n## Contributing", "\n\n" + model("Delta", 9) + "\n\n## Contributing"
        ),
        [
            "README.md:38:1: error[drift] block 'Delta' has no entry file: "
            "`awesome-tools import README.md` turns it into one (or start from "
            f"`awesome-tools new Delta`), {FIX}"
        ],
    ),
    (
        "block removed",
        lambda: readme(ABC).replace(model("Beta", 2) + "\n\n", ""),
        [missing("Beta", 20)],
    ),
    (
        "last block removed",
        lambda: readme(ABC).replace("\n\n" + model("Gamma", 3), ""),
        [missing("Gamma", 29)],
    ),
    (
        "block copied on its last line: the copy, and where the line goes on",
        lambda: readme(ABC).replace(model("Beta", 2), model("Beta", 2) * 2),
        [
            COPY.replace(":29:", ":27:"),
            "README.md:27:11: error[drift] block 'Beta' differs from entries/beta.yaml: found "
            "'<details id=\"beta\">' where render writes the line's end; edit entries/beta.yaml, "
            f"not README.md, {FIX}",
        ],
    ),
    (
        "block copied after a blank line",
        lambda: readme(ABC).replace(model("Beta", 2), model("Beta", 2) + "\n\n" + model("Beta", 2)),
        [COPY],
    ),
    (
        "block copied, both copies edited",
        lambda: readme(ABC).replace(
            model("Beta", 2), model("Beta", 2, "x") + "\n\n" + model("Beta", 2, "y")
        ),
        [block_message("Beta", 25, shown=X), COPY],
    ),
    (
        "block renamed: matched by place, named by its entry",
        lambda: readme(ABC).replace(model("Beta", 2), model("Beta2", 2)),
        [
            block_message(
                "Beta",
                20,
                18,
                "found 'beta2\">' where render writes 'beta\">'",
                "fields name, title",
            )
        ],
    ),
    (
        "overview row edited",
        lambda: readme(ABC).replace('">Beta</a></td></tr>', '">Beta 2</a></td></tr>'),
        [
            "README.md:5:29: error[drift] overview row 'Beta' differs from entries/beta.yaml: "
            "found 'Beta 2</a></td></tr>' where render writes 'Beta</a></td></tr>'; "
            f"edit entries/beta.yaml, not README.md, {FIX}"
        ],
    ),
    (
        "overview row removed",
        lambda: readme(ABC).replace('<tr><td><a href="#beta">Beta</a></td></tr>\n', ""),
        [
            "README.md:5:1: error[drift] overview row 'Beta' is missing: render writes it here "
            f"from entries/beta.yaml; edit entries/beta.yaml, not README.md, {FIX}"
        ],
    ),
    (
        "text between blocks edited, and a block",
        lambda: readme(ABC, {"Alpha": "x"}).replace("Be kind.", "Be very kind."),
        [
            block_message("Alpha", 16, shown=X),
            "README.md:40:4: error[drift] text outside the entries differs from "
            "templates/README.md.j2: found 'very kind.' where render writes 'kind.'; "
            f"edit that, {FIX}",
        ],
    ),
    (
        "heading added between blocks",
        lambda: readme(ABC).replace(model("Beta", 2), "## More\n\n" + model("Beta", 2)),
        [
            "README.md:20:1: error[drift] text outside the entries differs from "
            f"templates/README.md.j2: found '## More' where render writes nothing; edit that, {FIX}"
        ],
    ),
    (
        "a line ending with a carriage return",
        lambda: readme(ABC).replace("Be kind.", "Be kind.\r"),
        [
            "README.md:40:1: error[drift] line ending with a carriage return; render writes LF "
            f"only: check out README.md without line-ending conversion, {FIX}",
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES]
)
def test_drift(text: Callable[[], str], expected: list[str]) -> None:
    assert drift(text(), readme(ABC), ABC) == expected


def test_every_one_of_many_drifted_blocks_names_its_entry_file() -> None:
    names = [f"M{index:04d}" for index in range(1500)]
    want = readme(names)
    have = readme(names, dict.fromkeys(names, "tuning"))
    first = 8 + len(names)  # the frame's lines, then the first block
    assert drift(have, want, names) == [
        block_message(name, first + 9 * index + 5) for index, name in enumerate(names)
    ]


def test_many_reordered_blocks_are_each_reported_once() -> None:
    names = [f"M{index:04d}" for index in range(600)]
    shuffled = names[1::2] + names[::2]  # every other block moved to the end
    want = readme(names)
    have = (
        want.split("## Models\n")[0]
        + "## Models\n\n"
        + "\n\n".join(model(name, names.index(name) + 1) for name in shuffled)
        + "\n\n## Contributing\n\nBe kind.\n"
    )
    found = drift(have, want, names)
    assert len(found) == 300
    assert all("is out of order" in line for line in found)


MANY = [f"Model{k:02d}" for k in range(12)]
MIDDLE = "Model06"


def _edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _middle(old: str, new: str) -> Callable[[str], str]:
    """Replace a text inside the middle model's block."""

    def edit(text: str) -> str:
        start = text.index(f'<details id="{MIDDLE.lower()}">')
        end = text.index("</details>", start)
        return text[:start] + _edit(text[start:end], old, new) + text[end:]

    return edit


# (what README.md gets, what the expected text gets): each side's text from readme(MANY).
WINDOW_CASES: dict[str, tuple[Callable[[str], str], Callable[[str], str]]] = {
    "middle cell edited": (_middle("<td>pretraining", "<td>edited"), str),
    "middle block without its end": (_middle("</table>\n", "</table>\n<details>\n"), str),
    "middle block removed": (lambda t: _edit(t, model(MIDDLE, 7) + "\n\n", ""), str),
    "block added in the middle": (
        lambda t: _edit(t, model(MIDDLE, 7), model(MIDDLE, 7) + "\n\n" + model("Extra", 99)),
        str,
    ),
    "expected block left open": (str, _middle("</table>\n", "</table>\n<details>\n")),
    "expected block unreadable": (str, _middle("</table>\n", "</table>\n<![x [y]]>\n")),
    "first block edited": (lambda t: t.replace("<td>pretraining", "<td>x", 1), str),
    "last block edited": (
        lambda t: (
            t[: t.rindex("<td>pretraining")] + "<td>x" + t[t.rindex("<td>pretraining") + 15 :]
        ),
        str,
    ),
    "frame edited": (lambda t: _edit(t, "Be kind.", "Be nice."), str),
    "blocks far apart edited": (
        lambda t: _edit(
            _edit(t, "Model02 paper</a></td>\n<td>pretraining", "Model02 paper</a></td>\n<td>x"),
            "Model10 paper</a></td>\n<td>pretraining",
            "Model10 paper</a></td>\n<td>y",
        ),
        str,
    ),
    "no difference": (str, str),
    # Something left open in the window runs on past its end: the rest reads otherwise.
    "script left open in the middle block": (_middle("<td>pretraining", "<td><script>"), str),
    "comment left open in the expected block": (str, _middle("<td>pretraining", "<td><!--")),
    "fence opened in the expected window": (str, _middle("</table>\n", "</table>\n\n```\n")),
    "pre left open in the middle block": (_middle("</table>\n", "</table>\n\n<pre>\n"), str),
}


@pytest.mark.parametrize("mine, theirs", WINDOW_CASES.values(), ids=list(WINDOW_CASES))
def test_expected_parts_equal_a_whole_parse(
    mine: Callable[[str], str], theirs: Callable[[str], str]
) -> None:
    text, expected = mine(readme(MANY)), theirs(readme(MANY))
    have_lines, want_lines = split_lines(text), split_lines(expected)
    document = read_document(text)
    have = table_parts(document, have_lines)
    found = expected_parts(have, have_lines, expected, want_lines, rests=document.rests)
    whole = table_parts(read_document(expected), want_lines)
    assert [_shape(s) for s in found] == [_shape(s) for s in whole]


def test_one_edited_block_parses_only_a_window_of_the_expected_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed: list[int] = []
    real = segments_module.read_document

    def spy(text: str) -> Document:
        parsed.append(len(text))
        return real(text)

    monkeypatch.setattr(segments_module, "read_document", spy)
    expected = readme(MANY)
    text = _middle("<td>pretraining", "<td>edited")(expected)
    line = expected.split("\n").index('<details id="model06">') + 1
    assert drift(text, expected, MANY) == [
        block_message(
            MIDDLE,
            line + 5,
            shown="found 'edited</td></tr>' where render writes 'pretraining</td></tr>'",
        )
    ]
    assert parsed and max(parsed) < len(expected) / 2
