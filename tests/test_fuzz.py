"""The fuzz harness stays sound, and every input the fuzzer found stays fixed.

The targets of `fuzz/targets.py` are run here without atheris: over the committed seed corpora,
and over each failing input found so far (docs/fuzzing.md), with the diagnostic it must give.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from awesome_tools.core.entrycheck import check_entries
from awesome_tools.layouts.panel import LAYOUT as PANEL
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.layouts.table.importer import plan_import
from awesome_tools.layouts.table.lint import lint_text
from conftest import entry_text

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"fuzz_{name}", FUZZ / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


targets = _load("targets")
SEEDS = sorted((p.parent.name, p) for p in (FUZZ / "corpus").glob("*/*"))


def test_the_runner_offers_every_target() -> None:
    names = _load("run").NAMES
    assert names == tuple(targets.TARGETS)


def test_every_target_has_seeds() -> None:
    assert sorted({name for name, _ in SEEDS}) == sorted(targets.TARGETS)


@pytest.mark.parametrize(("name", "seed"), SEEDS, ids=[f"{n}/{p.name}" for n, p in SEEDS])
def test_target_passes_its_seeds(name: str, seed: Path) -> None:
    targets.TARGETS[name](seed.read_bytes())


def test_round_trip_target_catches_a_lost_field(monkeypatch: pytest.MonkeyPatch) -> None:
    import awesome_tools.layouts.table.importer as importer

    real = importer.dump_entry

    def lossy(data: dict[str, object]) -> str:
        return real({**data, "title": "Another title"})

    monkeypatch.setattr(importer, "dump_entry", lossy)
    with pytest.raises(targets.Finding, match="round trip changed the entry"):
        targets.round_trip((FUZZ / "corpus" / "roundtrip" / "llava.yaml").read_bytes())


def test_well_formed_refuses_a_position_outside_the_text() -> None:
    from awesome_tools.diagnostics import Diagnostic

    bad = Diagnostic("README.md", 3, 1, "drift", "x")
    with pytest.raises(targets.Finding, match=r"malformed diagnostic \(line\)"):
        targets.well_formed([bad], "README.md", "one line\n")


# ---------------------------------------------------------------------------------------------
# Every failing input the fuzzer found, as found (tests/fixtures/fuzz/) and reduced by hand.

FOUND = Path(__file__).resolve().parent / "fixtures" / "fuzz"
CR = (
    "error[drift] line ending with a carriage return; render writes LF only: check out "
    "README.md without line-ending conversion, then run `awesome-tools render`"
)
NESTED_UNCLOSED_SUMMARY = (
    "<details>\n<summary>LLaVA</summary>\n<table><tr><td></td></tr></table>\n</details>\n\n"
    "<details>\n<summary>Section</sumXmary>\n<details>\nLLaVA\n<table><tr><td></td></tr></table>\n"
    "</details>\n</details>\n"
)


def _readme(data: bytes, *, drift: bool) -> list[str]:
    """Lint (against the fuzz targets' rendered README when drift) and import; both must finish."""
    text = data.decode("utf-8")
    expected = {"expected": targets.EXPECTED, "entry_files": targets.ENTRY_FILES} if drift else {}
    linted = [d.text() for d in lint_text(text, "README.md", **expected)]
    plan = plan_import(data, "README.md", categories_text=None, categories_path="c.yaml")
    return linted + [d.text() for d in plan.diagnostics]


def _entry(data: bytes, path: str = "entries/llava.yaml") -> list[str]:
    _, diagnostics = check_entries(
        [(path, data)], categories=targets.CATEGORIES, required=TABLE_REQUIRED
    )
    return [d.text() for d in diagnostics]


README_CASES: list[tuple[str, bytes, bool, str]] = [
    (
        # A <summary> never closed ran on into the next <details>, which got a name but no
        # <summary> position: the duplicate-model rule then raised IndexError.
        "unclosed summary names a nested block (reduced)",
        NESTED_UNCLOSED_SUMMARY.encode(),
        False,
        "README.md:8:1: error[block-summary] model block has no <summary>",
    ),
    (
        "unclosed summary names a nested block (found)",
        (FOUND / "lint-unclosed-summary.md").read_bytes(),
        True,
        "README.md:50:1: error[block-summary] model block has no <summary>",
    ),
    (
        # Lone CRs are line breaks to the block reader but were not to drift: IndexError.
        "CR line breaks in a drifted README (reduced)",
        targets.EXPECTED.replace("\n", "\r").encode(),
        True,
        f"README.md:1:1: {CR}",
    ),
    (
        "CRLF line breaks in a current README",
        targets.EXPECTED.replace("\n", "\r\n").encode(),
        True,
        f"README.md:1:1: {CR}",
    ),
    (
        "CR line breaks in a drifted README (found)",
        (FOUND / "lint-cr-line-endings.md").read_bytes(),
        True,
        f"README.md:6:1: {CR}",
    ),
]


@pytest.mark.parametrize(
    ("data", "drift", "expected"),
    [case[1:] for case in README_CASES],
    ids=[case[0] for case in README_CASES],
)
def test_found_readme(data: bytes, drift: bool, expected: str) -> None:
    assert expected in _readme(data, drift=drift)


def test_crlf_readme_reports_only_its_line_endings() -> None:
    data = targets.EXPECTED.replace("\n", "\r\n").encode()
    text = data.decode()
    found = lint_text(text, "README.md", expected=targets.EXPECTED, entry_files=targets.ENTRY_FILES)
    assert [d.text() for d in found] == [f"README.md:1:1: {CR}"]


ENTRY_CASES: list[tuple[str, bytes, str, str]] = [
    (
        "[ in a URL (reduced)",
        entry_text("LLaVA", "https://example.com[").encode(),
        "entries/llava.yaml",
        "entries/llava.yaml:4:6: error[bad-url] ",
    ),
    (
        "[ in a URL (found by the check target)",
        (FOUND / "check-ipv6-url.yaml").read_bytes(),
        "entries/fuzz.yaml",
        "entries/fuzz.yaml:3:6: error[bad-url] ",
    ),
    (
        "] in a URL (found by the round-trip target)",
        (FOUND / "roundtrip-ipv6-url.yaml").read_bytes(),
        "entries/fuzz.yaml",
        # The file also repeats `url:` (line 5); either may be the one reported.
        "entries/fuzz.yaml:",
    ),
]


@pytest.mark.parametrize(
    ("data", "path", "expected"),
    [case[1:] for case in ENTRY_CASES],
    ids=[case[0] for case in ENTRY_CASES],
)
def test_found_entry(data: bytes, path: str, expected: str) -> None:
    found = _entry(data, path)
    assert any(line.startswith(expected) and "error[bad-url] " in line for line in found)


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\x85", "\u2028", "\u2029"])
def test_a_reference_after_lines_yaml_breaks_otherwise_is_placed(newline: str) -> None:
    """Found by the check target (`check-cr-line-breaks`): YAML ends a line at a lone CR,
    NEL or U+2028/9 too; the html-entity check counted only LF and indexed past its lines."""
    text = entry_text("LLaVA", "https://arxiv.org/abs/2304.08485").replace(
        "title: 'LLaVA: Large Language and Vision Assistant'", "title: 'LLaVA: Tom &amp; Jerry'"
    )
    found = _entry(text.replace("\n", newline).encode(), "entries/llava.yaml")
    assert found == [
        'entries/llava.yaml:3:20: warning[html-entity] title: "&amp;" is an HTML character '
        "reference; type the character itself: &"
    ]
    assert _entry((FOUND / "check-cr-line-breaks").read_bytes(), "entries/fuzz.yaml")


def test_an_entry_with_a_warning_round_trips_with_the_same_warning() -> None:
    """Found by the round-trip target: an arXiv id far from the release date is a warning the
    entry keeps through render and import; the target's oracle once took it for a loss."""
    data = (FOUND / "roundtrip-released-warning.yaml").read_bytes()
    _, diagnostics = check_entries(
        [("entries/llava.yaml", data)], categories=targets.CATEGORIES, required=TABLE_REQUIRED
    )
    assert [d.rule for d in diagnostics if d.rule != "file-name"] == ["released-mismatch"]
    targets.round_trip(data)


def test_a_lone_carriage_return_ends_a_panel_readme_s_line() -> None:
    """Found by the panel target (tests/fixtures/fuzz/panel-lone-cr.md): markdown-it ends a line
    at a lone CR, as GitHub does, and the panel reader did not: a heading's line index from the
    parse was past the reader's lines (IndexError). Both split lines alike now."""
    targets.panel_readme((FOUND / "panel-lone-cr.md").read_bytes())
    text = "# List\r## Architectures\n\n### **LLaVA: a model**\n\nA model.\r### **BLIP: a model**\n"
    plan = PANEL.read(
        text.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    assert sorted(plan.files) == ["blip.yaml", "llava.yaml"]
    assert [d.text() for d in plan.diagnostics if "BLIP" in d.message] == [
        "README.md:7:1: warning[import] panel 'BLIP' has no link; the entry needs a 'url'",
        "README.md:7:1: warning[import] panel 'BLIP' has no release timeline row",
    ]


@pytest.mark.parametrize("text", ["", "x", "\n\n", "# A list without panels\n"])
def test_a_readme_without_panels_is_no_panel_import(text: str) -> None:
    """Found by the panel target (an empty file: tests/fixtures/fuzz/panel-empty.md): the panel
    importer raised IndexError on a README without a single panel heading."""
    assert (FOUND / "panel-empty.md").read_bytes() == b""
    targets.panel_readme(text.encode())
    plan = PANEL.read(
        text.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    assert [d.text() for d in plan.diagnostics] == [
        "README.md:1:1: error[import] no panel found: a panel starts with a heading line "
        "'### **Name: Title**'"
    ]
    assert plan.files == {}


def test_an_unreadable_readme_reports_html_parse_in_place_of_drift() -> None:
    """Found by the lint target: a mangled README the HTML reader stops in gets html-parse only;
    the target's oracle once demanded a drift error there too."""
    data = (FOUND / "lint-unreadable-drift.md").read_bytes()
    found = lint_text(
        data.decode("utf-8"),
        "README.md",
        expected=targets.EXPECTED,
        entry_files=targets.ENTRY_FILES,
    )
    assert [(d.rule, d.line, d.column) for d in found] == [("html-parse", 43, 4)]
    targets.lint_readme(data)


@pytest.mark.parametrize("target", ["a.yaml", "b.yaml"], ids=["itself", "two-links"])
def test_an_entry_link_loop_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    """Found by the paths target (tests/fixtures/fuzz/paths-link-loop): an entry file that is a
    loop of links raised OSError (ELOOP) while entries/ was listed."""
    from awesome_tools.engine.project import read_project

    targets.paths((FOUND / "paths-link-loop").read_bytes())
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "a.yaml").symlink_to(target)
    if target == "b.yaml":
        (tmp_path / "entries" / "b.yaml").symlink_to("a.yaml")
    found = [d.text() for d in read_project(tmp_path, tmp_path).diagnostics]
    assert found == [
        f"entries/{name}:1:1: error[dangling-link] the file is a link to '{to}', which leads "
        "round in a loop of links; it is not read"
        for name, to in [("a.yaml", target), ("b.yaml", "a.yaml")][: len({"a.yaml", target})]
    ]


def test_the_paths_target_catches_a_read_out_of_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    import awesome_tools.engine.project as project

    monkeypatch.setattr(project, "refused_read", lambda *args: None)
    with pytest.raises(targets.Finding, match="outside the list was read"):
        targets.paths(bytes([1, 9]))  # entries/a.yaml linked to a file outside


@pytest.mark.parametrize(
    "name",
    [
        "panel-text-name-backslash",
        "panel-text-title-prefix",
        "panel-text-deep-dive-words",
        "panel-text-amp-reference",
        "panel-text-authors-empty-line",
    ],
)
def test_found_panel_text(name: str) -> None:
    """Found by the panel-text target (docs/fuzzing.md): a name ending in `\\` whose timeline
    cell lint and import did not read back; a title without its name's prefix that import gave
    back prefixed; a deep dive's tag import escapes, said as "deep dive" (the oracle's); an
    authors' text holding `&lt;`, written `&amp;lt;`, that import took for a spelling of the
    README's (`panel_quirks.references`); authors that start with `<br>`, an empty line import
    drops (check now drops it)."""
    targets.panel_text((FOUND / name).read_bytes())


def test_the_panel_text_target_catches_a_swallowed_panel(monkeypatch: pytest.MonkeyPatch) -> None:
    import awesome_tools.layouts.panel.pieces as panel

    monkeypatch.setattr(panel, "plain_text", lambda text: text)
    with pytest.raises(targets.Finding, match="panel headings markdown-it does not see"):
        targets.panel_text(b"```")


def test_the_panel_text_target_catches_a_field_lost_unsaid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import awesome_tools.layouts.panel.read as panelread

    real = panelread.dump_entry

    def lossy(data: dict[str, object]) -> str:
        return real({k: v for k, v in data.items() if k != "contribution"})

    monkeypatch.setattr(panelread, "dump_entry", lossy)
    with pytest.raises(targets.Finding, match=r"import changed \['contribution'\]"):
        targets.panel_text(b"A summary.")
