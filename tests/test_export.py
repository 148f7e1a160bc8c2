"""`awesome-tools export`: JSON valid against its schema, CSV per RFC 4180, both lossless."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from awesome_tools.check import check_sources
from awesome_tools.cli import main
from awesome_tools.export import columns, export_json_schema, records, to_csv, to_json
from awesome_tools.schema import Entry
from conftest import LIST, RICH, RICH_CATEGORIES


def _entries() -> list[Entry]:
    return [Entry.model_validate(data) for data in RICH]


def test_json_validates_against_the_export_schema() -> None:
    jsonschema.validate(json.loads(to_json(_entries())), export_json_schema(RICH_CATEGORIES))


def test_the_schema_can_reject_an_export() -> None:
    bad = json.loads(to_json(_entries()))
    bad[0]["connector"] = "glue"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, export_json_schema(RICH_CATEGORIES))


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
        "figure_alt",
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


def test_csv_read_back_equals_the_entries() -> None:
    back = []
    for row in csv.DictReader(io.StringIO(to_csv(_entries()), newline="")):
        nested: dict[str, object] = {}
        for key, value in row.items():
            if value:
                head, _, tail = key.partition(".")
                if tail:
                    nested.setdefault(head, {})[tail] = value  # type: ignore[index]
                else:
                    nested[head] = value
        back.append(Entry.model_validate(nested))
    assert sorted(back, key=lambda e: e.name) == sorted(_entries(), key=lambda e: e.name)


def test_export_of_the_fixture_list_equals_what_check_reads() -> None:
    sources = [
        (f"entries/{p.name}", p.read_bytes()) for p in sorted((LIST / "entries").glob("*.yaml"))
    ]
    checked, problems = check_sources(sources, categories=[])
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
    assert main(["export", "--format", fmt]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    expected = to_json(_entries()) if fmt == "json" else to_csv(_entries())
    assert out == expected
    assert main(["export", "--format", fmt, "-o", f"list.{fmt}"]) == 0
    assert (rich_project / f"list.{fmt}").read_bytes() == expected.encode("utf-8")


def test_cli_exports_nothing_when_an_entry_is_broken(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (rich_project / "entries" / "beta.yaml").write_text("name: Beta\n", encoding="utf-8")
    assert main(["export", "--format", "json", "-o", "out.json"]) == 1
    out, err = capsys.readouterr()
    assert "entries/beta.yaml:1:1: error[missing-field] missing required field 'title'" in out
    assert "awesome-tools: nothing exported: fix the entries first\n" in err
    assert not (rich_project / "out.json").exists()
