"""Text is text: HTML character references decoded on import, written back on render, found."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo

from awesome_tools.cli import main
from awesome_tools.core import charrefs
from awesome_tools.core.charrefs import Context
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.keys import model_of
from awesome_tools.core.schema import Entry
from awesome_tools.layouts.panel.quirks import PanelEntry
from awesome_tools.layouts.panel.read import read_panel_readme
from awesome_tools.layouts.panel.render import panel_text
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.layouts.table.importer import plan_import

FIXTURES = Path(__file__).resolve().parent / "fixtures"
UPSTREAM = FIXTURES / "upstream-74897b3-README.md"

# (written, context, plain text, the spellings import keeps, what render writes of the text)
CODEC_CASES: list[tuple[str, Context, str, str | None, str]] = [
    ("Eagle 2&#x27;s", "markdown", "Eagle 2's", "&#x27;", "Eagle 2&#x27;s"),
    ("it&#39;s", "markdown", "it's", "&#39;", "it&#39;s"),
    ("Q&amp;A", "markdown", "Q&A", "&amp;", "Q&amp;A"),
    ("say &quot;hi&quot;", "markdown", 'say "hi"', "&quot;", "say &quot;hi&quot;"),
    ("say &quot;hi&quot;", "attribute", 'say "hi"', None, "say &quot;hi&quot;"),
    ("a &lt;b&gt;", "markdown", "a <b>", "&gt;", "a &lt;b&gt;"),
    ("a &#60;b", "html", "a <b", "&#60;", "a &#60;b"),
    # Unknown, invisible, or no character at all: left as written, the & not escaped.
    ("a &foo; b", "markdown", "a &foo; b", None, "a &foo; b"),
    ("a&nbsp;b", "markdown", "a&nbsp;b", None, "a&nbsp;b"),
    ("a&#0;b &#32;", "markdown", "a&#0;b &#32;", None, "a&#0;b &#32;"),
    # Markdown decodes only references closed by `;`; an & starting none stays.
    ("R&D &copy 2024", "markdown", "R&D &copy 2024", None, "R&D &copy 2024"),
    (
        "&#x1F600; &#128512;",
        "markdown",
        "\U0001f600 \U0001f600",
        "&#x1F600;",
        "&#x1F600; &#x1F600;",
    ),
]


@pytest.mark.parametrize(
    ("written", "context", "plain", "spelt", "back"), CODEC_CASES, ids=[c[0] for c in CODEC_CASES]
)
def test_decode_spellings_and_encode(
    written: str, context: Context, plain: str, spelt: str | None, back: str
) -> None:
    assert charrefs.decode(written) == plain
    assert charrefs.spellings(written, context) == spelt
    assert charrefs.encode(plain, context, spelt) == back


# (plain text typed in an entry, context, what render writes): markup never gets through.
ESCAPE_CASES: list[tuple[str, Context, str]] = [
    ("<script>alert(1)</script>", "markdown", "&lt;script>alert(1)&lt;/script>"),
    ("<b>bold</b>", "html", "&lt;b>bold&lt;/b>"),
    ('x" onerror="alert(1)', "attribute", "x&quot; onerror=&quot;alert(1)"),
    ("the text &amp; itself", "markdown", "the text &amp;amp; itself"),
    ("R&D, Q&A", "markdown", "R&D, Q&A"),
    # An HTML parser reads `&copy` without `;` as ©: in HTML, that & is escaped.
    ("&copy 2024", "html", "&amp;copy 2024"),
    ("&copy 2024", "markdown", "&copy 2024"),
    ('it\'s "fine"', "markdown", 'it\'s "fine"'),
]


@pytest.mark.parametrize(("plain", "context", "written"), ESCAPE_CASES)
def test_render_escapes_what_would_be_markup(plain: str, context: Context, written: str) -> None:
    assert charrefs.encode(plain, context) == written
    assert charrefs.decode(written) == plain


BASE = {
    "name": "LLaVA",
    "title": "LLaVA",
    "url": "https://arxiv.org/abs/2304.08485",
    "summary": "A summary.",
    "figure": {
        "file": "assets/llava.png",
        "alt": "LLaVA architecture",
        "caption": "The caption",
        "source": "https://arxiv.org/abs/2304.08485",
    },
}


def _with(data: dict[str, Any], dotted: str, text: str) -> dict[str, Any]:
    """The data with one field (`summary`, `figure.alt`) given the text."""
    head, _, rest = dotted.partition(".")
    return {**data, head: {**data[head], rest: text} if rest else text}


def _at(data: dict[str, Any], dotted: str) -> Any:
    """The value of one field (`summary`, `figure.alt`) of the data."""
    for key in dotted.split("."):
        data = data[key]
    return data


# (field, text typed in the entry, the line of the panel it gives)
PANEL_ESCAPES: list[tuple[str, str, str]] = [
    ("summary", "A <script>alert(1)</script> & more", "A &lt;script>alert(1)&lt;/script> & more"),
    (
        "title",
        "LLaVA: <img src=x onerror=alert(1)>",
        "### **LLaVA: &lt;img src=x onerror=alert(1)>**",
    ),
    (
        "figure.alt",
        'LLaVA" onload="alert(1)',
        '  <img src="assets/llava.png" alt="LLaVA&quot; onload=&quot;alert(1)">',
    ),
    (
        "figure.caption",
        "A </sub><script>x</script> &amp; caption",
        '<p align="center"><sub><b>Official architecture diagram.</b> A &lt;/sub>&lt;script>x&lt;/script> '
        '&amp;amp; caption. <a href="https://arxiv.org/abs/2304.08485">Primary source</a>. '
        '<a href="assets/architectures/FIGURE_NOTICE.md">Figure notice</a>.</sub></p>',
    ),
]


@pytest.mark.parametrize(
    ("field", "text", "line"), PANEL_ESCAPES, ids=[c[0] for c in PANEL_ESCAPES]
)
def test_a_new_entry_s_text_never_becomes_markup(field: str, text: str, line: str) -> None:
    assert line in panel_text(PanelEntry.model_validate(_with(BASE, field, text)), "1").split("\n")


FRAME = (
    "# List\n\n## Release Timeline\n\n| Date | Architecture | Distinctive contribution |\n"
    "| --- | --- | --- |\n| 2023-04-17 | {name} | {contribution} |\n\n## Architectures\n\n"
)
PANEL = (
    "### **{title}**\n\n{summary}\n\n"
    "[![{label}](https://img.shields.io/badge/arXiv-2304.08485-b31b1b.svg)]"
    "(https://arxiv.org/abs/2304.08485)\n\n"
    "{authors}<br>\n**Released:** 2023-04-17\n\n"
    "<!-- architecture-figure:1 -->\n"
    '<p align="center">\n  <img src="assets/llava.png" alt="{alt}" width="820">\n</p>\n'
    '<p align="center"><sub><b>Figure 1.</b> {caption}. '
    '<a href="https://arxiv.org/abs/2304.08485">Source paper</a>, PDF p. 3. '
    '<a href="assets/architectures/FIGURE_NOTICE.md">Figure notice</a>.</sub></p>\n'
    "<!-- /architecture-figure:1 -->\n"
)
PLAIN = {
    "name": "LLaVA",
    "title": "LLaVA: Visual Instruction Tuning",
    "summary": "A summary.",
    "contribution": "Visual instruction tuning",
    "label": "arXiv",
    "authors": "Haotian Liu, Chunyuan Li",
    "alt": "LLaVA architecture",
    "caption": "The caption",
}


def _readme(**texts: str) -> str:
    values = {**PLAIN, **texts}
    return FRAME.format(**values) + PANEL.format(**values)


# (case, README text in place of the plain text, field, its value in the entry, the quirk)
IMPORT_CASES: list[tuple[str, dict[str, str], str, str, dict[str, str] | None]] = [
    ("none", {}, "summary", "A summary.", None),
    (
        "hex in the alt",
        {"alt": "LLaVA&#x27;s architecture"},
        "figure.alt",
        "LLaVA's architecture",
        {"figure.alt": "&#x27;"},
    ),
    (
        "decimal in the caption",
        {"caption": "LLaVA&#39;s design"},
        "figure.caption",
        "LLaVA's design",
        {"figure.caption": "&#39;"},
    ),
    (
        "named in the summary",
        {"summary": "Q&amp;A &quot;tuned&quot;."},
        "summary",
        'Q&A "tuned".',
        {"summary": "&amp; &quot;"},
    ),
    (
        "markup in the summary",
        {"summary": "A &lt;b&gt; tag."},
        "summary",
        "A <b> tag.",
        {"summary": "&gt;"},
    ),
    (
        "quote in the alt",
        {"alt": "The &quot;LLaVA&quot; figure"},
        "figure.alt",
        'The "LLaVA" figure',
        None,
    ),
    (
        "in the heading",
        {"title": "LLaVA: It&#x27;s tuned"},
        "title",
        "LLaVA: It's tuned",
        {"title": "&#x27;"},
    ),
    (
        "in the timeline",
        {"contribution": "Tuning &amp; data"},
        "contribution",
        "Tuning & data",
        {"contribution": "&amp;"},
    ),
    (
        "in the authors",
        {"authors": "Ren&eacute; Liu"},
        "authors",
        "René Liu",
        {"authors": "&eacute;"},
    ),
    ("in a badge label", {"label": "ar&#88;iv"}, "links", "arXiv", {"label": "&#88;"}),
    ("invalid, left as is", {"summary": "A &foo; here."}, "summary", "A &foo; here.", None),
]


@pytest.mark.parametrize(
    ("case", "texts", "field", "value", "quirk"), IMPORT_CASES, ids=[c[0] for c in IMPORT_CASES]
)
def test_import_decodes_and_render_writes_the_readme_back(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    texts: dict[str, str],
    field: str,
    value: str,
    quirk: dict[str, str] | None,
) -> None:
    original = _readme(**texts)
    (tmp_path / "entries").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "llava.png").write_bytes(b"")
    (tmp_path / "old.md").write_text(original, "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["import", "old.md"]) == 0
    assert "warning" not in capsys.readouterr().out
    data = yaml.safe_load((tmp_path / "entries" / "llava.yaml").read_text("utf-8"))
    got = data["links"][0]["label"] if field == "links" else _at(data, field)
    assert got == value
    assert (data.get("panel_quirks") or {}).get("references") == quirk
    assert main(["check"]) == 0
    out, _ = capsys.readouterr()
    assert "html-entity" not in out
    assert main(["render"]) == 0
    assert (tmp_path / "README.md").read_text("utf-8") == original


def test_a_character_written_both_ways_comes_back_one_way_with_a_warning() -> None:
    readme = _readme(summary="It's LLaVA&#x27;s.")
    plan = read_panel_readme(readme.encode(), "README.md")
    line = readme.split("\n").index("It's LLaVA&#x27;s.") + 1
    assert [d.text() for d in plan.diagnostics] == [
        f"README.md:{line}:1: warning[import] the panel is written back normalised from this "
        "line: 'It&#x27;s LLaVA&#x27;s.'"
    ]
    assert yaml.safe_load(plan.files["llava.yaml"])["summary"] == "It's LLaVA's."


def test_a_note_instead_of_a_figure_is_decoded_and_written_back() -> None:
    note = "> **Architecture figure:** The paper&#x27;s figures show no architecture."
    figure = PANEL.format(**PLAIN).split("<!-- architecture-figure:1 -->\n")[1]
    readme = _readme().replace(figure.split("<!-- /architecture-figure:1 -->")[0], note + "\n")
    plan = read_panel_readme(readme.encode(), "README.md")
    assert plan.diagnostics == []
    data = yaml.safe_load(plan.files["llava.yaml"])
    assert data["panel_quirks"]["figure_note"] == "The paper's figures show no architecture."
    assert data["panel_quirks"]["references"] == {"figure_note": "&#x27;"}
    assert note in panel_text(PanelEntry.model_validate(data), "1")


def test_the_upstream_catalog_imports_as_plain_text() -> None:
    plan = read_panel_readme(UPSTREAM.read_bytes(), "README.md")
    entries = {name: yaml.safe_load(text) for name, text in plan.files.items()}
    left = [
        (name, path)
        for name, data in entries.items()
        for path, text in charrefs.fields(data, PanelEntry.plain_text)
        if any(True for _ in charrefs.found(text))
    ]
    assert left == []
    spelt = {
        name[: -len(".yaml")]: data["panel_quirks"]["references"]
        for name, data in entries.items()
        if "references" in data.get("panel_quirks", {})
    }
    # The 12 entries whose alt text, caption or note upstream wrote with `&#x27;`.
    assert sorted(spelt) == [
        "aimv2",
        "aria",
        "eagle-2",
        "firellava",
        "internlm-xcomposer-2-5",
        "internvl-2-5",
        "llava-1-6",
        "llava-cot",
        "maya",
        "otterhd",
        "qwen2-vl",
        "smolvlm",
    ]
    assert {v for quirks in spelt.values() for v in quirks.values()} == {"&#x27;"}
    assert spelt["eagle-2"] == {"figure.alt": "&#x27;", "figure.caption": "&#x27;"}
    assert "Eagle 2's tiled mixture" in entries["eagle-2.yaml"]["figure"]["caption"]
    _, problems = check_entries(
        [(f"entries/{name}", text.encode()) for name, text in plan.files.items()],
        categories=[],
        missing=lambda path: None,
        required=TABLE_REQUIRED,
    )
    assert [p for p in problems if p.rule == "html-entity"] == []


TABLE = """\
# List

## Models

<details id="llava">
<summary>LLaVA&#x27;s model</summary>
<img src="https://x.org/a.png" alt="Q&amp;A &quot;figure&quot;">
<table>
<thead>
<tr>
<th>Title</th><th>Architecture.Overview</th><th>Architecture.Components</th><th>Training.Methods</th><th>Alignment.Techniques</th><th>Alignment.Fusion Methods</th><th>Datasets.Used</th><th>Datasets.Purpose</th>
</tr>
</thead>
<tbody>
<tr>
<td><a href="https://arxiv.org/abs/2304.08485">It&#39;s tuned</a></td><td>A &lt;b&gt; tag</td><td>x &foo; y</td><td>z</td><td>z</td><td>z</td><td>z</td><td>z</td>
</tr>
</tbody>
</table>
</details>
"""


def test_the_table_import_decodes_references_too() -> None:
    plan = plan_import(TABLE.encode(), "README.md", categories_text=None, categories_path="c.yaml")
    assert plan.diagnostics == []
    data = yaml.safe_load(plan.files["llava-s-model.yaml"])
    assert data["name"] == "LLaVA's model"
    assert data["figure"]["alt"] == 'Q&A "figure"'
    assert data["title"] == "It's tuned"
    assert data["architecture"]["overview"] == "A <b> tag"
    assert data["architecture"]["components"] == "x &foo; y"


def _validators(info: FieldInfo) -> list[str]:
    """The names of a field's validator functions, through Optional and Annotated."""
    found = [m.func.__name__ for m in info.metadata if isinstance(m, AfterValidator)]
    for arg in get_args(info.annotation):
        found += [
            m.func.__name__
            for m in getattr(arg, "__metadata__", ())
            if isinstance(m, AfterValidator)
        ]
    return found


def _text_fields(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The dotted fields of a model whose type is Text, Name or BrLines (the authors),
    sections and lists of models walked."""
    dotted = []
    for name, info in model.model_fields.items():
        inner = model_of(info.annotation)
        if inner is not None:
            listed = "list[" in str(info.annotation)
            dotted += _text_fields(inner, f"{prefix}{name}{'[]' if listed else ''}.")
        # A name is text that refuses what shows as nothing as well (unicodepolicy).
        elif _validators(info) in (["_text"], ["_name"], ["_lines"]):
            dotted.append(prefix + name)
    return dotted


@pytest.mark.parametrize("model", [Entry, PanelEntry], ids=["common", "panel"])
def test_every_text_field_of_the_schema_is_plain_text_the_check_reads(model: type[Entry]) -> None:
    assert sorted(model.plain_text) == sorted(_text_fields(model))


def _encode_each(text: str, context: Context, spelt: str | None) -> str:
    """encode, written character by character: what the one-pass substitution must equal."""
    kept = {charrefs.character(ref): ref for ref in (spelt or "").split()}
    out = []
    for index, char in enumerate(text):
        if char in kept:
            out.append(kept[char])
        elif char == "&":
            out.append("&amp;" if charrefs._escaped(text, index, context) else "&")
        else:
            out.append(charrefs._default(char, context) or char)
    return "".join(out)


def test_encode_equals_the_character_by_character_escape() -> None:
    import random

    rng = random.Random(18)
    pieces = [
        "&",
        "&amp;",
        "&lt;",
        "&#60;",
        "&copy;",
        "&x",
        "<",
        '"',
        "'",
        "é",
        "©",
        "a",
        " ",
        ";",
        "#",
    ]
    spellings = [None, "&copy;", "&#233; &#169;", "&quot;", "&lt;", "&NotEqualTilde;"]
    contexts: tuple[Context, ...] = get_args(Context)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        spelt, context = rng.choice(spellings), rng.choice(contexts)
        assert charrefs.encode(text, context, spelt) == _encode_each(text, context, spelt), (
            text,
            context,
            spelt,
        )
