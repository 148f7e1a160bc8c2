"""`awesome-tools export`: JSON valid against its schema, CSV per RFC 4180, both lossless."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from awesome_tools.cli import main
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.schema import Entry
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.outputs.export import (
    columns,
    export_json_schema,
    facet_cell,
    from_csv_row,
    from_facet_cell,
    from_spreadsheet_cell,
    records,
    spreadsheet_cell,
    to_csv,
    to_json,
)
from conftest import LIST, RICH, RICH_CATEGORIES


def _entries() -> list[Entry]:
    return [Entry.model_validate(data) for data in RICH]


def test_json_validates_against_the_export_schema() -> None:
    jsonschema.validate(
        json.loads(to_json(_entries())),
        export_json_schema(RICH_CATEGORIES, required=TABLE_REQUIRED),
    )


def test_the_schema_can_reject_an_export() -> None:
    bad = json.loads(to_json(_entries()))
    bad[0]["connector"] = "glue"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, export_json_schema(RICH_CATEGORIES, required=TABLE_REQUIRED))


def test_json_read_back_equals_the_entries() -> None:
    back = [Entry.model_validate(item) for item in json.loads(to_json(_entries()))]
    assert sorted(back, key=lambda e: e.name) == sorted(_entries(), key=lambda e: e.name)


def test_rows_are_sorted_by_name_and_keys_follow_the_schema() -> None:
    rows = records(_entries())
    assert [row["name"] for row in rows] == ["alpha", "Beta", "ViT", "Zeta-VLM"]
    assert list(rows[3]) == [
        "name",
        "title",
        "url",
        "category",
        "figure",
        "architecture",
        "training",
        "alignment",
        "datasets",
    ]


def test_csv_is_rfc_4180_and_flattens_with_dots() -> None:
    text = to_csv(_entries())
    assert text.startswith(",".join(columns()) + "\r\n")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert '"Alpha <script>alert(\'x\')</script> & ""friends"""' in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["name"] for row in rows] == ["alpha", "Beta", "ViT", "Zeta-VLM"]
    assert rows[2]["alignment.techniques"] == "" and rows[2]["datasets.used"] == "ViT data."
    assert "architecture.overview" in columns() and "architecture" not in columns()
    # The figure is one mapping: its columns are its fields, dotted, in the schema's order.
    figure = [c for c in columns() if c.startswith("figure")]
    assert figure == [
        *("figure.file", "figure.alt", "figure.caption", "figure.number"),
        *("figure.source", "figure.page", "figure.width"),
    ]
    assert (rows[3]["figure.file"], rows[3]["figure.alt"]) == (
        "https://example.org/zeta.png",
        "Zeta's encoder feeding a decoder",
    )


FORMULAS = [
    (
        '=HYPERLINK("https://evil.example","click")',
        '\'=HYPERLINK("https://evil.example","click")',
    ),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("'=1", "''=1"),
    ("''-1", "'''-1"),
    ("'90s models", "'90s models"),
    ("'", "'"),
    ("a = b + c - d @ e", "a = b + c - d @ e"),
    ("Two-stage tuning", "Two-stage tuning"),
    ("", ""),
]


@pytest.mark.parametrize(("value", "cell"), FORMULAS)
def test_csv_cells_never_start_a_formula_and_read_back_exactly(value: str, cell: str) -> None:
    assert spreadsheet_cell(value) == cell
    assert from_spreadsheet_cell(cell) == value


def _formula_entries() -> list[Entry]:
    """The rich entries, with a formula in text fields of the first, and typed links."""
    first = {**RICH[0], "title": FORMULAS[0][0], "released": "2024-01-01"}
    first["links"] = [
        {"kind": "paper", "url": "https://arxiv.org/abs/2304.08485", "label": "arXiv"},
        {"kind": "demo", "url": 'https://x.example/d?a=1,b="2"', "label": "=Démo"},
    ]
    first["architecture"] = {"overview": FORMULAS[3][0], "components": "-x"}
    first["training"] = {"methods": "+1"}
    return [Entry.model_validate(data) for data in [first, *RICH[1:]]]


def test_csv_read_back_equals_the_entries() -> None:
    """A reader removes the one quote a formula-like cell was given (and nothing else)."""
    assert "links" in columns()
    for entries in (_entries(), _formula_entries()):
        back = []
        for row in csv.DictReader(io.StringIO(to_csv(entries), newline="")):
            back.append(Entry.model_validate(from_csv_row(row)))
        assert sorted(back, key=lambda e: e.name) == sorted(entries, key=lambda e: e.name)


def test_csv_prefixes_formulas_and_json_stays_exact() -> None:
    entries = _formula_entries()
    rows = list(csv.DictReader(io.StringIO(to_csv(entries), newline="")))
    alpha = next(row for row in rows if row["name"] == RICH[0]["name"])
    assert alpha["title"] == '\'=HYPERLINK("https://evil.example","click")'
    assert alpha["architecture.overview"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert alpha["architecture.components"] == "'-x"
    assert alpha["training.methods"] == "'+1"
    assert alpha["released"] == "2024-01-01"
    for row in rows:
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row.values())
    exported = json.loads(to_json(entries))
    first = next(item for item in exported if item["name"] == RICH[0]["name"])
    assert first["title"] == FORMULAS[0][0]
    assert first["architecture"] == {"overview": FORMULAS[3][0], "components": "-x"}


def test_export_of_the_fixture_list_equals_what_check_reads() -> None:
    sources = [
        (f"entries/{p.name}", p.read_bytes()) for p in sorted((LIST / "entries").glob("*.yaml"))
    ]
    checked, problems = check_entries(sources, categories=[], required=TABLE_REQUIRED)
    assert problems == []
    entries = [c.entry for c in checked if c.entry is not None]
    exported = json.loads(to_json(entries))
    assert len(exported) == 10
    assert [Entry.model_validate(item) for item in exported] == sorted(
        entries, key=lambda e: (e.name.casefold(), e.name)
    )


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_cli_writes_a_file_or_stdout(
    rich_project: Path, capsysbinary: pytest.CaptureFixture[bytes], fmt: str
) -> None:
    assert main(["export", fmt]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    expected = to_json(_entries()) if fmt == "json" else to_csv(_entries())
    assert out == expected
    assert main(["export", fmt, "-o", f"list.{fmt}"]) == 0
    assert (rich_project / f"list.{fmt}").read_bytes() == expected.encode("utf-8")


def test_cli_exports_nothing_when_an_entry_is_broken(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (rich_project / "entries" / "beta.yaml").write_text("name: Beta\n", encoding="utf-8")
    assert main(["export", "json", "-o", "out.json"]) == 1
    out, err = capsys.readouterr()
    assert "entries/beta.yaml:1:1: error[missing-field] missing required field 'title'" in out
    assert "awesome-tools: nothing exported: fix the entries first\n" in err
    assert not (rich_project / "out.json").exists()


# A field taking one value or a list of them, as its CSV cell: one value stays text, a list is
# compact JSON, and a value that would read as JSON is written as a JSON string.
FACET_CELLS = [
    ("mlp", "mlp"),
    (["mlp"], '["mlp"]'),
    (
        ["perceiver-resampler", "gated-cross-attention"],
        '["perceiver-resampler","gated-cross-attention"]',
    ),
    ("Apache-2.0", "Apache-2.0"),
    ("[mlp]", '"[mlp]"'),
    ('"quoted"', '"\\"quoted\\""'),
    ("naïve", "naïve"),
    (["a,b", 'c"d'], '["a,b","c\\"d"]'),
]


@pytest.mark.parametrize(("value", "cell"), FACET_CELLS)
def test_a_one_or_several_cell_reads_back_exactly(value: str | list[str], cell: str) -> None:
    assert facet_cell(value) == cell
    assert from_facet_cell(cell) == value


_BASE = {"title": "T", "url": "https://arxiv.org/abs/2401.00002"}
# The facets of an entry and the CSV cells they become (the columns not shown are empty).
FACETED = [
    (
        {"connector": "mlp", "vision_family": "clip-vit", "language_family": "vicuna"},
        {"connector": "mlp", "vision_family": "clip-vit", "language_family": "vicuna"},
    ),
    (
        {
            "connector": ["perceiver-resampler", "gated-cross-attention"],
            "vision_family": ["nfnet"],
            "language_family": ["chinchilla", "llama"],
        },
        {
            "connector": '["perceiver-resampler","gated-cross-attention"]',
            "vision_family": '["nfnet"]',
            "language_family": '["chinchilla","llama"]',
        },
    ),
    (
        {"params": ["7B", "27B (4.5B active)"], "license": "Apache-2.0", "open_weights": "true"},
        {"params": '["7B","27B (4.5B active)"]', "license": "Apache-2.0", "open_weights": "true"},
    ),
    (
        {"license": ["Apache-2.0", "research-only"], "open_weights": "false"},
        {"license": '["Apache-2.0","research-only"]', "open_weights": "false"},
    ),
    (
        {"modalities": {"input": ["image", "text"], "output": "text"}},
        {"modalities.input": '["image","text"]', "modalities.output": "text"},
    ),
    (
        {
            "based_on": ["Base"],
            "based_on_outside": ["Vicuna-13B v1.5"],
            "released_basis": "arxiv-v1",
        },
        {
            "based_on": '["Base"]',
            "based_on_outside": '["Vicuna-13B v1.5"]',
            "released_basis": "arxiv-v1",
        },
    ),
    (
        {"sources": ["https://example.org/card", "https://example.org/licence"]},
        {"sources": '["https://example.org/card","https://example.org/licence"]'},
    ),
]


@pytest.mark.parametrize(("facets", "cells"), FACETED)
def test_csv_carries_the_facets_and_reads_them_back(
    facets: dict[str, object], cells: dict[str, str]
) -> None:
    entry = Entry.model_validate({"name": "Faceted", **_BASE, **facets})
    (row,) = csv.DictReader(io.StringIO(to_csv([entry]), newline=""))
    assert {key: cell for key, cell in row.items() if cell and key not in ("name", *_BASE)} == cells
    assert from_csv_row(row) == {"name": "Faceted", **_BASE, **facets}
    assert Entry.model_validate(from_csv_row(row)) == entry


@pytest.mark.parametrize("facets", [facets for facets, _ in FACETED])
def test_json_carries_the_facets_as_written(facets: dict[str, object]) -> None:
    entry = Entry.model_validate({"name": "Faceted", **_BASE, **facets})
    (exported,) = json.loads(to_json([entry]))
    assert exported == {"name": "Faceted", **_BASE, **facets}
    jsonschema.validate([exported], export_json_schema([], required=()))
