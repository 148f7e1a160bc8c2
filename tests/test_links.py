"""Typed links: what the overview calls an entry's link, where a badge's label must lead, and
the overview's first link read back by import."""

from __future__ import annotations

import pytest

from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.links import badge_problem, link_label, overview_link
from awesome_tools.core.schema import Entry
from awesome_tools.core.templates import load_templates
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.layouts.table.importer import plan_import
from awesome_tools.layouts.table.render import render_readme
from conftest import GOOD

LABELS = [
    ("https://arxiv.org/abs/2304.08485", "Paper"),
    ("https://export.arxiv.org/pdf/2304.08485v2", "Paper"),
    ("https://openreview.net/forum?id=abc", "Paper"),
    ("https://aclanthology.org/2023.acl-long.1/", "Paper"),
    ("https://proceedings.neurips.cc/paper/2022/x.html", "Paper"),
    ("https://example.org/files/paper.PDF", "Paper"),
    ("https://huggingface.co/HuggingFaceM4/idefics-80b", "Model card"),
    ("https://www.hf.co/openflamingo/x", "Model card"),
    ("https://llava-vl.github.io/blog/2024-01-30-llava-next/", "Blog"),
    ("https://blog.research.google/2023/03/palm-e.html", "Blog"),
    ("https://medium.com/@x/y", "Blog"),
    ("https://palm-e.github.io", "Project page"),
    ("https://example.org/beta", "Project page"),
    ("not a link", "Project page"),
]


@pytest.mark.parametrize(("url", "label"), LABELS)
def test_link_label(url: str, label: str) -> None:
    assert link_label(url) == label


BADGES = [
    ("GitHub", "https://github.com/x/y", None),
    ("github", "https://gist.github.com/x", None),
    ("Hugging Face", "https://huggingface.co/x", None),
    ("HuggingFace", "https://hf.co/x", None),
    ("arXiv", "https://arxiv.org/abs/1", None),
    ("Gradio", "https://x.example/demo", None),
    ("Project", "https://x.github.io", None),
    (
        "GitHub",
        "https://notgithub.com/x",
        "the 'GitHub' badge should link to github.com, not to notgithub.com",
    ),
    (
        "arXiv",
        "https://openreview.net/x",
        "the 'arXiv' badge should link to arxiv.org, not to openreview.net",
    ),
    (
        "HuggingFace",
        "https://github.com/x",
        "the 'HuggingFace' badge should link to huggingface.co or hf.co, not to github.com",
    ),
]


@pytest.mark.parametrize(("label", "url", "problem"), BADGES)
def test_badge_problem(label: str, url: str, problem: str | None) -> None:
    assert badge_problem(label, url) == problem


def _entry(text: str) -> Entry:
    checked, problems = check_entries(
        [("entries/llava.yaml", text.encode())], categories=[], required=TABLE_REQUIRED
    )
    assert problems == [] and checked[0].entry is not None
    return checked[0].entry


CARD = "https://huggingface.co/HuggingFaceM4/idefics-80b"
PAPER = "https://arxiv.org/abs/2306.16527"
WITH_PAPER = GOOD.replace("https://arxiv.org/abs/2304.08485", CARD) + (
    f"links:\n- kind: code\n  url: https://github.com/x/y\n- kind: paper\n  url: {PAPER}\n"
)


@pytest.mark.parametrize(
    ("text", "link", "shown"),
    [
        (GOOD, ("https://arxiv.org/abs/2304.08485", "Paper"), "Paper"),
        (GOOD.replace("https://arxiv.org/abs/2304.08485", CARD), (CARD, "Model card"), None),
        (WITH_PAPER, (PAPER, "Paper"), "Paper"),
    ],
    ids=["url is the paper", "url is a model card", "a paper link of its own"],
)
def test_the_overview_s_first_link_renders_and_imports_back(
    text: str, link: tuple[str, str], shown: str | None
) -> None:
    entry = _entry(text)
    assert overview_link(entry) == link
    readme = render_readme([entry], [], templates=load_templates(None))
    assert f'<td><a href="{link[0]}">{link[1]}</a> · ' in readme
    plan = plan_import(readme.encode(), "README.md", categories_text=None, categories_path="c")
    assert plan.diagnostics == []
    (written,) = plan.files.values()
    paper_links = f"links:\n- kind: paper\n  url: {PAPER}\n" if text == WITH_PAPER else ""
    assert (paper_links in written) and (("links:" in written) == bool(paper_links))


def test_the_json_schema_holds_the_panel_fields_and_the_layout_s_requirements() -> None:
    from awesome_tools.core.schema import entry_json_schema
    from awesome_tools.outputs.export import export_json_schema

    table = entry_json_schema(["Encoders"], required=TABLE_REQUIRED)
    assert table["required"] == ["name", "title", "url", "architecture", "training", "datasets"]
    assert table["properties"]["links"]["items"] == {"$ref": "#/$defs/Link"}
    link = table["$defs"]["Link"]
    assert link["required"] == ["kind", "url"]
    assert link["properties"]["kind"]["enum"] == [
        "paper",
        "code",
        "model",
        "project",
        "demo",
        "other",
    ]
    assert table["properties"]["order"]["pattern"] == "^[0-9]+$"
    for digits in ("number", "page", "width"):
        assert table["$defs"]["Figure"]["properties"][digits]["pattern"] == "^[0-9]+$"
    panel = entry_json_schema([], required={"name", "title", "url", "summary"})
    assert panel["required"] == ["name", "title", "url", "summary"]
    export = export_json_schema([], required={"name", "title", "url", "summary"})
    assert export["$defs"]["Entry"]["required"] == ["name", "title", "url", "summary"]
    assert "Link" in export["$defs"]


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("One.\nTwo.", "One.\nTwo."),
        ("One.  \r\n\r\nTwo.\t\n", "One.\n\nTwo."),
        ("\n\nOne.\rTwo.\n\n", "One.\nTwo."),
        ("  - item\n  - item", "  - item\n  - item"),
    ],
    ids=["lines kept", "CRLF and trailing spaces", "CR and blank ends", "indentation kept"],
)
def test_deep_dive_prose_keeps_its_lines(written: str, kept: str) -> None:
    entry = Entry.model_validate(
        {**_entry(GOOD).model_dump(exclude_none=True), "deep_dive": written}
    )
    assert entry.deep_dive == kept
