"""`awesome-tools new`: a complete scaffold, one message per unfilled field, no clobbering."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.keys import field_description
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.outputs.scaffold import fields


def _fill(text: str) -> str:
    """Replace every placeholder the way a contributor would."""
    return re.sub(r'"TODO: [^"]*"', '"Written by hand."', text)


def test_scaffold_has_every_field_with_its_description(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "LLaVA 2"]) == 0
    assert capsys.readouterr().err == (
        "created entries/llava-2.yaml: replace each TODO, then run `awesome-tools render` "
        "(`awesome-tools check entries/llava-2.yaml` lists what is left)\n"
    )
    text = (project / "entries" / "llava-2.yaml").read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/entry.schema.json"
    assert lines[1:3] == [
        "# The model's name as the README shows it (the block's summary).",
        'name: "LLaVA 2"',
    ]
    # The panel layout's fidelity data is its entry model's (layouts/panel/quirks.py), not the
    # schema's: a new entry is never offered it.
    written = fields(TABLE_REQUIRED)
    assert not any(f.dotted.startswith("panel_quirks") for f in written)
    assert not any(line.startswith(("panel_quirks", "# panel_quirks")) for line in lines)
    for field in written:
        key = field.path[-1]
        indent = "  " * (len(field.path) - 1)
        index = next(i for i, line in enumerate(lines) if re.match(rf"{indent}(# )?{key}:", line))
        assert lines[index - 1].startswith(f"{indent}# {field.description}")
        if not field.required and not field.section:
            assert lines[index] == f"{indent}# {key}:"
    assert all(line == line.rstrip() for line in lines)


def test_each_placeholder_gets_one_message(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "new",
                "LLaVA 2",
                "--title",
                "Better LLaVA",
                "--url",
                "https://arxiv.org/abs/2401.00001",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["check", "entries/llava-2.yaml"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": error[placeholder] ")[1].split(":")[0] for line in out] == [
        "architecture.overview",
        "architecture.components",
        "training.methods",
        "alignment.techniques",
        "alignment.fusion_methods",
        "datasets.used",
        "datasets.purpose",
    ]
    assert out[0] == (
        "entries/llava-2.yaml:73:13: error[placeholder] architecture.overview: replace the TODO "
        "placeholder with one paragraph on how the model works as a whole: what goes in, what "
        "comes out, and how vision and language parts are put together."
    )


def test_filled_scaffold_passes_and_renders(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "LLaVA 2", "--category", "Encoders"]) == 0
    path = project / "entries" / "llava-2.yaml"
    text = path.read_text("utf-8")
    assert 'category: "Encoders"' in text
    path.write_text(
        _fill(text).replace('url: "Written by hand."', 'url: "https://e.org/l2"'), encoding="utf-8"
    )
    assert main(["check"]) == 0
    assert main(["render"]) == 0
    readme = (project / "README.md").read_text("utf-8")
    assert "## Encoders" in readme and "<summary>LLaVA 2</summary>" in readme


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["LLaVA"], "awesome-tools: entries/llava.yaml exists; nothing written\n"),
        (["llava"], "awesome-tools: entries/llava.yaml exists; nothing written\n"),
        (
            ["Other", "--url", "https://arxiv.org/pdf/2304.08485v3"],
            "awesome-tools: the paper https://arxiv.org/pdf/2304.08485v3 is already listed in "
            "entries/llava.yaml; nothing written\n",
        ),
        (
            ["LL\u0430VA"],
            "awesome-tools: 'LL\u0430VA' reads as 'LLaVA' of entries/llava.yaml; nothing written\n",
        ),
        (
            ["LLaV\u0391"],
            "awesome-tools: 'LLaV\u0391' reads as 'LLaVA' of entries/llava.yaml; nothing written\n",
        ),
        (
            ["\uff2c\uff2c\uff41\uff36\uff21"],
            "awesome-tools: entries/llava.yaml exists; nothing written\n",
        ),
    ],
)
def test_refuses_a_model_already_listed(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = sorted(p.name for p in (project / "entries").iterdir())
    original = (project / "entries" / "llava.yaml").read_bytes()
    assert main(["new", *args]) == 1
    assert capsys.readouterr().err == message
    assert sorted(p.name for p in (project / "entries").iterdir()) == before
    assert (project / "entries" / "llava.yaml").read_bytes() == original


@pytest.mark.parametrize(
    ("name", "described"),
    [
        ("LLa\u200bVA", "U+200B ZERO WIDTH SPACE"),
        ("LLa\u202eVA", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("LLa\u17b4VA", "U+17B4 KHMER VOWEL INHERENT AQ"),
        ("LLa\U000e0080VA", "U+E0080 (unassigned)"),
    ],
)
def test_refuses_a_name_holding_what_shows_as_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, described: str
) -> None:
    before = sorted(p.name for p in (project / "entries").iterdir())
    assert main(["new", name]) == 2
    assert capsys.readouterr().err == (
        f"awesome-tools: the name holds {described} at character 4, which shows as nothing; "
        "type 'LLaVA'\n"
    )
    assert sorted(p.name for p in (project / "entries").iterdir()) == before


def test_refuses_a_name_whose_file_name_another_entry_has(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "entries" / "llava.yaml").rename(project / "entries" / "la.yaml")
    assert main(["new", "LLaVA"]) == 1
    assert capsys.readouterr().err == (
        "awesome-tools: 'LLaVA' is already listed in entries/la.yaml; nothing written\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["X", "--url", "arxiv.org/abs/1"],
            "awesome-tools: --url must be an absolute http:// or https:// link, got 'arxiv.org/abs/1'\n",
        ),
        (
            ["X", "--category", "Encoder"],
            "awesome-tools: unknown category 'Encoder'; categories.yaml lists: Encoders\n",
        ),
        (
            ["视觉"],
            "awesome-tools: '视觉' has no ASCII letter or digit to build a file name from\n",
        ),
        (["X", "-i"], "awesome-tools: --interactive needs a terminal\n"),
    ],
)
def test_usage_errors_write_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["new", *args]) == 2
    assert capsys.readouterr().err == message
    assert [p.name for p in (project / "entries").iterdir()] == ["llava.yaml"]


class _Terminal:
    """Answers typed at the prompts, then an interruption."""

    def __init__(self, answers: list[str], end: type[BaseException] = EOFError) -> None:
        self.answers = answers
        self.end = end
        self.prompts: list[str] = []

    def __call__(self, prompt: str = "") -> str:
        self.prompts.append(prompt)
        if not self.answers:
            raise self.end
        return self.answers.pop(0)


def _prompt(dotted: str, hint: str = "") -> str:
    """The question `new -i` asks about a field: its description, then what may be typed."""
    description = field_description(tuple(dotted.split(".")))
    if description.startswith("Optional:"):
        hint += " [optional, Enter to skip]"
    return f"{dotted}: {description}{hint}\n> "


def _section(dotted: str, default: str) -> str:
    return f"{dotted}: {field_description((dotted,))} Include it? {default} "


TABLE_OPTIONAL = "released, vision_encoder, language_model, connector, code, weights, figure"
PANEL_OPTIONAL = (
    "released, released_basis, order, contribution, authors, vision_encoder, language_model, "
    "connector, vision_family, language_family, modalities, license, open_weights, code, "
    "weights, figure, architecture, training, alignment, datasets, deep_dive"
)
TABLE_NEEDS = [
    ("architecture.overview", "Overview."),
    ("architecture.components", "Parts."),
    ("training.methods", "Recipe."),
]
DATASETS = [("datasets.used", "CC3M"), ("datasets.purpose", "Pre-training.")]
FIGURE = "https://example.org/llava-2.png"

# (case, awesome.yaml or None, categories.yaml, [(exact prompt, answer typed)], lines of the file)
INTERVIEWS: list[tuple[str, str | None, str, list[tuple[str, str]], list[str]]] = [
    (
        "table list: what the layout needs, the list's categories, optional fields declined",
        None,
        "- Encoders\n- Decoders\n",
        [
            (_prompt("title"), "A Better LLaVA"),
            (_prompt("url"), "https://arxiv.org/abs/2401.00002"),
            (_prompt("category", " (Encoders, Decoders)"), "Decoders"),
            *[(_prompt(f), a) for f, a in TABLE_NEEDS],
            (_section("alignment", "[Y/n]"), ""),
            (_prompt("alignment.techniques"), "Contrastive."),
            (_prompt("alignment.fusion_methods"), "Projection."),
            *[(_prompt(f), a) for f, a in DATASETS],
            (f"Add optional fields ({TABLE_OPTIONAL})? [y/N] ", ""),
        ],
        ['category: "Decoders"', 'techniques: "Contrastive."', "# released:", "# summary:"],
    ),
    (
        "table list without categories: no category question; a figure asks for its file and alt",
        None,
        "# no sections\n",
        [
            (_prompt("title"), "A Better LLaVA"),
            (_prompt("url"), "https://arxiv.org/abs/2401.00002"),
            *[(_prompt(f), a) for f, a in TABLE_NEEDS],
            (_section("alignment", "[Y/n]"), "n"),
            *[(_prompt(f), a) for f, a in DATASETS],
            (f"Add optional fields ({TABLE_OPTIONAL})? [y/N] ", "y"),
            (_prompt("released"), "2024-01"),
            (_prompt("vision_encoder"), ""),
            (_prompt("language_model"), "Vicuna-13B"),
            (_prompt("connector"), "mlp"),
            (_prompt("code"), ""),
            (_prompt("weights"), ""),
            (_section("figure", "[y/N]"), "y"),
            (_prompt("figure.file"), FIGURE),
            (_prompt("figure.alt"), "The diagram."),
            *[(_prompt(f"figure.{f}"), "") for f in ("caption", "number", "source", "page")],
            (_prompt("figure.width"), ""),
        ],
        ['released: "2024-01"', "figure:", f'file: "{FIGURE}"', 'alt: "The diagram."'],
    ),
    (
        "panel list: title, link and summary; optional fields declined",
        "layout: panel\n",
        "- Encoders\n",
        [
            (_prompt("title"), "A Better LLaVA"),
            (_prompt("url"), "https://arxiv.org/abs/2401.00002"),
            (_prompt("category", " (Encoders)"), ""),
            (_prompt("summary"), "A model."),
            (f"Add optional fields ({PANEL_OPTIONAL})? [y/N] ", "n"),
        ],
        ['summary: "A model."', "# architecture:", "# figure:", "# caption:"],
    ),
    (
        "panel list, optional fields taken: the figure declined, no figure questions; sections "
        "opted into",
        "layout: panel\n",
        "- Encoders\n",
        [
            (_prompt("title"), "A Better LLaVA"),
            (_prompt("url"), "https://arxiv.org/abs/2401.00002"),
            (_prompt("category", " (Encoders)"), ""),
            (_prompt("summary"), "A model."),
            (f"Add optional fields ({PANEL_OPTIONAL})? [y/N] ", "yes"),
            *[(_prompt(f), "") for f in ("released", "released_basis", "order")],
            *[(_prompt(f), "") for f in ("contribution", "authors")],
            *[(_prompt(f), "") for f in ("vision_encoder", "language_model", "connector")],
            (_prompt("vision_family"), "siglip"),
            (_prompt("language_family"), ""),
            (_section("modalities", "[y/N]"), "y"),
            (_prompt("modalities.input"), "image"),
            (_prompt("modalities.output"), "text"),
            *[(_prompt(f), "") for f in ("license", "open_weights", "code", "weights")],
            (_section("figure", "[y/N]"), ""),
            (_section("architecture", "[y/N]"), "y"),
            *[(_prompt(f), a) for f, a in TABLE_NEEDS[:2]],
            (_section("training", "[y/N]"), ""),
            (_section("alignment", "[y/N]"), "n"),
            (_section("datasets", "[y/N]"), ""),
            (_prompt("deep_dive"), "More."),
        ],
        [
            'overview: "Overview."',
            'deep_dive: "More."',
            'vision_family: "siglip"',
            'input: "image"',
            'output: "text"',
        ],
    ),
]


@pytest.mark.parametrize(
    ("case", "settings", "categories", "session", "lines"),
    INTERVIEWS,
    ids=[c[0] for c in INTERVIEWS],
)
def test_interactive_asks_what_the_layout_needs_then_optional_fields_if_wanted(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    settings: str | None,
    categories: str,
    session: list[tuple[str, str]],
    lines: list[str],
) -> None:
    if settings is not None:
        (project / "awesome.yaml").write_text(settings, "utf-8")
    (project / "categories.yaml").write_text(categories, "utf-8")
    terminal = _Terminal([answer for _, answer in session])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", terminal)
    assert main(["new", "LLaVA 2", "--interactive"]) == 0
    assert terminal.prompts == [prompt for prompt, _ in session]
    assert capsys.readouterr().err == (
        "created entries/llava-2.yaml: replace each TODO, then run `awesome-tools render` "
        "(`awesome-tools check entries/llava-2.yaml` lists what is left)\n"
    )
    text = (project / "entries" / "llava-2.yaml").read_text("utf-8")
    assert [line for line in lines if line not in [t.strip() for t in text.splitlines()]] == []
    assert "TODO" not in text
    assert main(["check"]) == 0


# (how the interview ends, exit code, the line said): Ctrl-C is 130, as for every command.
STOPS: list[tuple[type[BaseException], int, str]] = [
    (KeyboardInterrupt, 130, "awesome-tools: interrupted; nothing written"),
    (EOFError, 1, "awesome-tools: cancelled; nothing written"),
]


@pytest.mark.parametrize(("interruption", "code", "said"), STOPS, ids=["ctrl-c", "end of input"])
def test_interrupted_interactive_leaves_no_file(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    interruption: type[BaseException],
    code: int,
    said: str,
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", _Terminal(["A title"], interruption))
    assert main(["new", "LLaVA 2", "-i"]) == code
    assert capsys.readouterr().err == f"\n{said}\n"
    assert [p.name for p in (project / "entries").iterdir()] == ["llava.yaml"]


# The answers of a run that takes every default: field by field, in prompt order.
_DEFAULTS = {
    "title": "A Better LLaVA",
    "url": "https://arxiv.org/abs/2401.00002",
    "category": "",
    "architecture.overview": "Overview.",
    "architecture.components": "Parts.",
    "training.methods": "Recipe.",
    "alignment": "n",
    "datasets.used": "CC3M",
    "datasets.purpose": "Pre-training.",
    "Add optional fields": "y",
    "released": "",
    "vision_encoder": "",
    "language_model": "",
    "connector": "",
    "code": "",
    "weights": "",
    "figure": "",
}

# (field, bad answer, what `check` would say about it, good answer)
BAD_ANSWERS: list[tuple[str, str, str, str]] = [
    (
        "url",
        "ftp://arxiv.org/abs/2401.00002",
        "error[bad-url] url: must be an absolute http:// or https:// link, "
        "got 'ftp://arxiv.org/abs/2401.00002'",
        "https://arxiv.org/abs/2401.00002",
    ),
    (
        "url",
        "https://arxiv.org/abs/2304.08485v2",
        "error[duplicate-entry] the paper https://arxiv.org/abs/2304.08485v2 is already listed "
        "in entries/llava.yaml",
        "https://arxiv.org/abs/2401.00002",
    ),
    (
        "released",
        "January 2024",
        "error[bad-date] released: must be a date written YYYY-MM or YYYY-MM-DD, "
        "got 'January 2024'",
        "2024-01",
    ),
    (
        "released",
        "2024-02-30",
        "error[bad-date] released: '2024-02-30' is not a real date",
        "2024-02-29",
    ),
    (
        "category",
        "Encoder",
        "error[unknown-category] category: unknown category 'Encoder'; did you mean 'Encoders'?",
        "Encoders",
    ),
    (
        "connector",
        "liner",
        "error[unknown-connector] connector: unknown connector 'liner'; did you mean 'linear'?",
        "linear",
    ),
    (
        "code",
        "http://github.com/x/y",
        "error[bad-url] code: must be an absolute https:// link, got 'http://github.com/x/y'",
        "https://github.com/x/y",
    ),
    (
        "architecture.overview",
        "TODO: later",
        "error[placeholder] architecture.overview: replace the TODO placeholder with one "
        "paragraph on how the model works as a whole: what goes in, what comes out, and how "
        "vision and language parts are put together.",
        "Overview.",
    ),
]


@pytest.mark.parametrize(
    ("field", "bad", "message", "good"), BAD_ANSWERS, ids=[f"{c[0]}: {c[1]}" for c in BAD_ANSWERS]
)
def test_interactive_asks_again_until_the_answer_passes(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    field: str,
    bad: str,
    message: str,
    good: str,
) -> None:
    answers = {**_DEFAULTS, field: good}
    typed = [a for key, a in answers.items() for a in ([bad, a] if key == field else [a])]
    terminal = _Terminal(typed)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", terminal)
    assert main(["new", "LLaVA 2", "-i"]) == 0
    assert terminal.answers == []
    err = capsys.readouterr().err
    assert err.splitlines()[0] == message
    prompts = [p for p in terminal.prompts if p.startswith(f"{field}: ")]
    assert len(prompts) == 2 and prompts[0] == prompts[1]
    text = (project / "entries" / "llava-2.yaml").read_text("utf-8")
    assert f'{field.split(".")[-1]}: "{good}"' in text
    assert f'"{bad}"' not in text
    assert main(["check"]) == 0


def test_interactive_cancelled_after_a_refused_answer_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", _Terminal(["A title", "not a link"], KeyboardInterrupt))
    assert main(["new", "LLaVA 2", "-i"]) == 130
    assert capsys.readouterr().err == (
        "error[bad-url] url: must be an absolute http:// or https:// link, got 'not a link'\n"
        "\nawesome-tools: interrupted; nothing written\n"
    )
    assert [p.name for p in (project / "entries").iterdir()] == ["llava.yaml"]
