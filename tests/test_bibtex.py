"""`export bibtex` (records from the arXiv cache, or from the entry's own fields) and
`export cff` (the list's CITATION.cff, valid against the Citation File Format's schema)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.papers import Record
from awesome_tools.outputs.bibtex import bibtex_text
from conftest import FIXTURES, entry_text
from test_github import CHECK_JSONSCHEMA

BATCH = FIXTURES / "arxiv" / "refresh" / "fictional-batch.xml"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Plain words", "Plain words"),
        ("A & B", r"A \& B"),
        ("100% of $5 #1 a_b", r"100\% of \$5 \#1 a\_b"),
        ("x^2 ~ y", r"x\^{}2 \~{} y"),
        (r"$\alpha$-CLIP", r"\$\textbackslash{}alpha\$-CLIP"),
        ("{unbalanced", r"\{unbalanced"),
        ("}@misc{evil,", r"\}@misc\{evil,"),
        ("Müller 通义", "Müller 通义"),
    ],
)
def test_bibtex_text_escapes_every_special(text: str, escaped: str) -> None:
    assert bibtex_text(text) == escaped


@pytest.fixture
def cited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A list of two fictional models, one of them in the arXiv cache, as the cwd."""
    (tmp_path / "entries").mkdir()
    (tmp_path / "categories.yaml").write_text("- Encoders\n", "utf-8")
    title = "title: 'LLaVA: Large Language and Vision Assistant'"
    (tmp_path / "entries" / "fictional-vlm.yaml").write_text(
        entry_text(
            "Fictional-VLM",
            "https://arxiv.org/abs/2401.99901",
            **{title: "title: 'Fictional-VLM: A Made-Up alpha-Connector for Test Fixtures'"},
        ),
        "utf-8",
    )
    (tmp_path / "entries" / "model-home.yaml").write_text(
        entry_text(
            "Model@Home",
            "https://example.org/model{1}",
            **{title: "title: 'Model & Friends: 100% {Made} Up'"},
        )
        + "released: 2024-03-02\n",
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


CACHED = r"""@misc{fictional-vlm,
  title = {Fictional-VLM: A Made-Up \$\textbackslash{}alpha\$-Connector for Test Fixtures},
  author = {Ada Example and Bruno Müller-Fixture},
  year = {2024},
  eprint = {2401.99901},
  archivePrefix = {arXiv},
  url = {https://arxiv.org/abs/2401.99901},
}
"""
OWN = r"""% model-home: no arXiv paper; from the entry's own fields
@misc{model-home,
  title = {Model \& Friends: 100\% \{Made\} Up},
  year = {2024},
  url = {https://example.org/model%7B1%7D},
}
"""
UNCACHED = r"""% fictional-vlm: arXiv 2401.99901 is not in the cache; from the entry's own fields
@misc{fictional-vlm,
  title = {Fictional-VLM: A Made-Up alpha-Connector for Test Fixtures},
  url = {https://arxiv.org/abs/2401.99901},
}
"""


@pytest.mark.parametrize(
    ("refreshed", "out", "err"),
    [
        (True, CACHED + "\n" + OWN, ["1 of 2 records written from the entries' own fields: their paper is not in the arXiv cache (`awesome-tools refresh` adds it)"]),
        (False, UNCACHED + "\n" + OWN, ["2 of 2 records written from the entries' own fields: their paper is not in the arXiv cache (`awesome-tools refresh` adds it)"]),
    ],
    ids=["cached", "no cache"],
)  # fmt: skip
def test_export_bibtex(
    cited: Path, capsys: pytest.CaptureFixture[str], refreshed: bool, out: str, err: list[str]
) -> None:
    if refreshed:
        assert main(["refresh", "--from", str(BATCH)]) == 0
        capsys.readouterr()
    assert main(["export", "bibtex"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err.splitlines()) == (out, err)


def test_a_record_is_keyed_by_the_entry_s_slug() -> None:
    from awesome_tools.core.schema import Entry
    from awesome_tools.outputs.bibtex import bibtex_entry

    entry = Entry.model_validate(
        {"name": "Fictional VLM 2", "title": "T", "url": "https://arxiv.org/abs/2402.99902"}
    )
    record = Record("2402.99902", "T", ("Smith, Jr., Ann", "Bo and Co"), "2024-02-03", 1)
    text, cached = bibtex_entry(entry, {record.id: record})
    assert cached
    assert text.splitlines()[:3] == [
        "@misc{fictional-vlm-2,",
        "  title = {T},",
        "  author = {{Smith, Jr., Ann} and {Bo and Co}},",
    ]


CFF = """\
cff-version: 1.2.0
message: If you use this list, please cite it as below.
type: dataset
title: Awesome Fictional Models
authors:
- name: Ada Example
- name: Bruno Müller-Fixture
url: https://example.org/awesome-fictional
"""
SETTINGS = (
    "title: Awesome Fictional Models\nauthors:\n- Ada Example\n- Bruno Müller-Fixture\n"
    "url: https://example.org/awesome-fictional\n"
)


def test_export_cff_writes_citation_cff_once(
    cited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (cited / "awesome.yaml").write_text(SETTINGS, "utf-8")
    assert main(["export", "cff"]) == 0
    assert capsys.readouterr().err == "wrote CITATION.cff\n"
    citation = cited / "CITATION.cff"
    assert citation.read_text("utf-8") == CFF
    before = os.stat(citation)
    assert main(["export", "cff"]) == 0
    assert capsys.readouterr().err == "unchanged CITATION.cff\n"
    assert os.stat(citation).st_mtime_ns == before.st_mtime_ns
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.citation-file-format", str(citation)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("settings", "code", "err"),
    [
        ("title: A\n", 2, "awesome-tools: CITATION.cff needs the list's authors: add them to awesome.yaml\n"),
        ("authors: [Ada]\n", 2, "awesome-tools: CITATION.cff needs the list's title: add them to awesome.yaml\n"),
        ("layout: table\n", 2, "awesome-tools: CITATION.cff needs the list's title and authors: add them to awesome.yaml\n"),
        ("title: A\nauthors: Ada\n", 1, "awesome-tools: nothing exported: fix the entries first\n"),
        ("title: A\nauthors: [Ada]\nurl: ftp://example.org\n", 1, "awesome-tools: nothing exported: fix the entries first\n"),
    ],
)  # fmt: skip
def test_export_cff_needs_a_title_and_authors(
    cited: Path, capsys: pytest.CaptureFixture[str], settings: str, code: int, err: str
) -> None:
    (cited / "awesome.yaml").write_text(settings, "utf-8")
    assert main(["export", "cff", "--format", "json"]) == code
    assert capsys.readouterr().err == err
    assert not (cited / "CITATION.cff").exists()


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ("authors: Ada\n", "awesome.yaml:1:10: error[settings] authors is a list of names"),
        ("authors:\n- Ada\n- [x]\n", "awesome.yaml:3:3: error[settings] each author is a line of text"),
        ("url: ftp://example.org\n", "awesome.yaml:1:6: error[settings] url is the list's http(s) link"),
        ("url: 'https://exa mple.org'\n", "awesome.yaml:1:6: error[settings] url is the list's http(s) link"),
        ("arxiv_cache: [a]\n", "awesome.yaml:1:14: error[settings] arxiv_cache is a path in the list"),
    ],
)  # fmt: skip
def test_citation_settings_are_checked(
    cited: Path, capsys: pytest.CaptureFixture[str], settings: str, problem: str
) -> None:
    (cited / "awesome.yaml").write_text(settings, "utf-8")
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines() == [problem]
