"""The README passes real peers: markdownlint-cli2, awesome-lint and two CommonMark renderers.

Each check runs on the repository's README.md and on a README rendered with the repository's
templates from the `rich_project` entries (markup in the text, a figure, categories).
The Node linters come from `make test` (`npm ci`) and cmark-gfm from apt (.ci/run installs it);
without them the checks skip and say why, except under CI=true, where a missing tool fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from awesome_tools.cli import main
from conftest import LIST, REPO, RICH, stand_in_figures

MARKDOWNLINT = REPO / "node_modules" / ".bin" / "markdownlint-cli2"
AWESOME_LINT_PACKAGE = REPO / "node_modules" / "awesome-lint"
AWESOME_LINT_RUNNER = REPO / "tools" / "awesome-lint.mjs"
LINT_CONFIG = ".markdownlint-cli2.jsonc"

# Outside the model blocks the templates emit exactly one code block: the fenced `sh` block of
# the Contributing section (templates/README.md.j2). Anything else is a model block gone wrong.
PRE_OUTSIDE_DETAILS = 1


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


def require(available: bool, reason: str) -> None:
    """Skip with a visible reason when a peer tool is missing; under CI=true, fail instead."""
    if available:
        return
    if under_ci():
        pytest.fail(f"{reason} (CI=true: CI installs it, so a missing tool is a failure)")
    pytest.skip(reason)


def require_node_tool(path: Path, what: str) -> None:
    require(
        shutil.which("node") is not None,
        f"node is not on PATH: {what} cannot run; install Node.js and run `make test` (npm ci)",
    )
    require(
        path.exists(),
        f"{path.relative_to(REPO)} is missing: run `make test` (npm ci) to install {what}",
    )


def run(
    command: list[str], cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=300, check=False
    )


def shown(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"


@dataclass
class Readme:
    """A README.md in a folder of its own, with contributing.md, LICENSE and the lint config."""

    root: Path
    names: list[str]

    @property
    def text(self) -> str:
        return (self.root / "README.md").read_text(encoding="utf-8")


def entry_names(root: Path) -> list[str]:
    return [
        str(yaml.safe_load(path.read_text(encoding="utf-8"))["name"])
        for path in sorted((root / "entries").glob("*.yaml"))
    ]


@pytest.fixture(params=["fixture-list", "rich"])
def readme(request: pytest.FixtureRequest) -> Readme:
    """The frozen list's README.md (as committed), or one rendered from the rich entries."""
    if request.param == "fixture-list":
        root: Path = request.getfixturevalue("seed_project")
    else:
        root = request.getfixturevalue("rich_project")
        shutil.copytree(LIST / "templates", root / "templates")
        for name in ("contributing.md", "LICENSE"):
            shutil.copy(LIST / name, root / name)
        assert main(["render"]) == 0
    # The project's own markdownlint settings: what the peers check is the tool's output.
    shutil.copy(REPO / LINT_CONFIG, root / LINT_CONFIG)
    names = entry_names(root)
    if request.param == "rich":
        assert len(names) == len(RICH)
    assert names, "no entries to check"
    return Readme(root, names)


# --- the Node linters -------------------------------------------------------------------------


def test_markdownlint_cli2_passes(readme: Readme) -> None:
    require_node_tool(MARKDOWNLINT, "markdownlint-cli2")
    result = run([str(MARKDOWNLINT), "README.md"], cwd=readme.root)
    assert result.returncode == 0, f"markdownlint-cli2 README.md failed:\n{shown(result)}"


def test_awesome_lint_passes(readme: Readme) -> None:
    require_node_tool(AWESOME_LINT_PACKAGE, "awesome-lint")
    result = run(["node", str(AWESOME_LINT_RUNNER), "README.md"], cwd=readme.root)
    assert result.returncode == 0, f"awesome-lint README.md failed:\n{shown(result)}"


# --- CommonMark renderers ---------------------------------------------------------------------


class BlockCensus(HTMLParser):
    """Counts what a renderer made of the model blocks: details, summaries, tables, code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.details = 0
        self.tables = 0
        self.tables_in_details = 0
        self.pre_in_details = 0
        self.code_in_details = 0
        self.pre_outside = 0
        self.summaries: list[str] = []
        self._depth = 0
        self._summary: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        inside = self._depth > 0
        if tag == "details":
            self.details += 1
            self._depth += 1
        elif tag == "summary":
            self._summary = []
        elif tag == "table":
            self.tables += 1
            self.tables_in_details += int(inside)
        elif tag == "pre":
            if inside:
                self.pre_in_details += 1
            else:
                self.pre_outside += 1
        elif tag == "code":
            self.code_in_details += int(inside)

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            self._depth = max(0, self._depth - 1)
        elif tag == "summary" and self._summary is not None:
            self.summaries.append("".join(self._summary).strip())
            self._summary = None

    def handle_data(self, data: str) -> None:
        if self._summary is not None:
            self._summary.append(data)


def block_problems(html: str, names: list[str]) -> list[str]:
    """What is wrong with the rendered model blocks; empty when each entry is one clean block."""
    census = BlockCensus()
    census.feed(html)
    census.close()
    expected = len(names)
    problems = [
        f"{what}: {got}, expected {want}"
        for what, got, want in [
            ("<details> elements", census.details, expected),
            ("<summary> elements (models)", len(census.summaries), expected),
            # The model tables, and the overview table above them.
            ("<table> elements", census.tables, expected + 1),
            ("<table> elements inside <details>", census.tables_in_details, expected),
            ("<pre> inside <details>", census.pre_in_details, 0),
            ("<code> inside <details>", census.code_in_details, 0),
            ("<pre> outside <details>", census.pre_outside, PRE_OUTSIDE_DETAILS),
        ]
        if got != want
    ]
    if sorted(census.summaries) != sorted(names):
        problems.append(
            f"<summary> texts {sorted(census.summaries)} != entry names {sorted(names)}"
        )
    return problems


def assert_clean_blocks(html: str, names: list[str]) -> None:
    problems = block_problems(html, names)
    assert not problems, "the rendered README's model blocks are broken:\n" + "\n".join(problems)


def markdown_it_html(text: str) -> str:
    return MarkdownIt("commonmark").render(text)


def cmark_gfm_html(text: str) -> str:
    binary = shutil.which("cmark-gfm")
    require(
        binary is not None,
        "cmark-gfm is not on PATH: install it (`apt-get install cmark-gfm`; .ci/run does this in CI)",
    )
    assert binary is not None
    result = run([binary, "--unsafe", "-e", "table", "-e", "autolink"], cwd=Path.cwd(), stdin=text)
    assert result.returncode == 0, f"cmark-gfm failed:\n{shown(result)}"
    return result.stdout


RENDERERS: dict[str, Callable[[str], str]] = {
    "markdown-it": markdown_it_html,
    "cmark-gfm": cmark_gfm_html,
}


@pytest.mark.parametrize("renderer", RENDERERS)
def test_each_entry_renders_as_one_clean_block(readme: Readme, renderer: str) -> None:
    assert_clean_blocks(RENDERERS[renderer](readme.text), readme.names)


def break_first_block(text: str) -> str:
    """A blank line and a 4-space-indented <td> inside a block: CommonMark makes it a code block."""
    broken, count = re.subn(
        r"<tbody>\n<tr>\n", "<tbody>\n<tr>\n\n    <td>stray</td>\n", text, count=1
    )
    assert count == 1, "no <tbody><tr> to break"
    return broken


@pytest.mark.parametrize("renderer", RENDERERS)
def test_block_check_catches_an_indented_line(readme: Readme, renderer: str) -> None:
    problems = block_problems(RENDERERS[renderer](break_first_block(readme.text)), readme.names)
    assert any(problem.startswith("<pre> inside <details>: 1") for problem in problems), problems
    with pytest.raises(AssertionError, match="<pre> inside <details>"):
        assert_clean_blocks(RENDERERS[renderer](break_first_block(readme.text)), readme.names)


# --- the panel layout -------------------------------------------------------------------------

UPSTREAM = REPO / "tests" / "fixtures" / "upstream-74897b3-README.md"

# Upstream's own prose (deep dives) writes HTML the panel layout does not: `<code>` where
# backticks would do, and LLaVA-CoT's stage tags `<SUMMARY>, <CAPTION>, <REASONING>,
# <CONCLUSION>` as if they were text (GitHub hides them). Import writes them as code spans and
# text (prosehtml.py), so the entries hold Markdown and the README passes markdownlint whole.
UPSTREAM_PROSE = [
    ("sa2va.yaml", "`[SEG]`"),
    ("omnivlm.yaml", "`[batch_size, 729, hidden_size]`"),
    ("llava-cot.yaml", "(\\<SUMMARY>, \\<CAPTION>, \\<REASONING>, \\<CONCLUSION>)"),
    ("pixtral-12b.yaml", "`[IMAGE BREAK]`"),
]


def panel_entry(name: str, slug: str, released: str, arxiv: str, figure: str) -> str:
    """A panel entry with every panel field: summary, typed links, authors, figure, deep dive."""
    return f"""\
name: {name}
title: '{name}: A Model of Its Own'
url: https://arxiv.org/abs/{arxiv}
released: '{released}'
summary: {name} joins a vision encoder to a language model through a small projector.
contribution: A projector that keeps the encoder frozen
authors: Ada Lovelace, Alan Turing<br>Analytical Engines Ltd.
links:
- kind: paper
  url: https://arxiv.org/abs/{arxiv}
  label: arXiv
- kind: code
  url: https://github.com/example/{slug}
  label: GitHub
- kind: model
  url: https://huggingface.co/example/{slug}
  label: HuggingFace
figure:
  file: {figure}
  alt: '{name} architecture: the encoder, the projector and the decoder.'
  caption: The encoder, the projector and the decoder
  number: '2'
  source: https://arxiv.org/abs/{arxiv}
  page: '3'
deep_dive: |-
  **{name}** keeps the *vision encoder* frozen and trains only the projector.

  The second stage tunes the decoder on instructions (`stage 2`), see [the paper](https://arxiv.org/abs/{arxiv}).
"""


@pytest.fixture(params=["upstream", "small"])
def panel_readme(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Readme:
    """A panel README: upstream's catalog imported and rendered in its own frame, or three panel
    entries rendered in the packaged panel frame."""
    root = tmp_path / "list"
    (root / "entries").mkdir(parents=True)
    monkeypatch.chdir(root)
    if request.param == "upstream":
        assert main(["import", str(UPSTREAM)]) == 0
    else:
        (root / "awesome.yaml").write_text("layout: panel\ntitle: Awesome Panels\n", "utf-8")
        for name, released, arxiv in [
            ("Alpha", "2024-05-01", "2405.00101"),
            ("Beta", "2023-02-03", "2302.00202"),
            ("Gamma", "2023-02-03", "2302.00303"),
        ]:
            slug = name.lower()
            figure = f"assets/architectures/{slug}.png"
            text = panel_entry(name, slug, released, arxiv, figure)
            (root / "entries" / f"{slug}.yaml").write_text(text, "utf-8")
    assert stand_in_figures(root) > 0
    assert main(["render"]) == 0
    assert not (root / "templates").exists() or request.param == "upstream"
    shutil.copy(LIST / "contributing.md", root / "contributing.md")
    shutil.copy(REPO / LINT_CONFIG, root / LINT_CONFIG)
    names = entry_names(root)
    assert len(names) == (155 if request.param == "upstream" else 3)
    return Readme(root, names)


def test_markdownlint_cli2_passes_the_panel_layout(panel_readme: Readme) -> None:
    require_node_tool(MARKDOWNLINT, "markdownlint-cli2")
    result = run([str(MARKDOWNLINT), "README.md"], cwd=panel_readme.root)
    assert result.returncode == 0, f"markdownlint-cli2 README.md failed:\n{shown(result)}"
    if len(panel_readme.names) == 155:
        for path, markdown in UPSTREAM_PROSE:
            entry = yaml.safe_load((panel_readme.root / "entries" / path).read_text("utf-8"))
            assert markdown in entry["deep_dive"]
            assert markdown in panel_readme.text


def test_awesome_lint_passes_the_panel_layout(panel_readme: Readme) -> None:
    require_node_tool(AWESOME_LINT_PACKAGE, "awesome-lint")
    result = run(["node", str(AWESOME_LINT_RUNNER), "README.md"], cwd=panel_readme.root)
    assert result.returncode == 0, f"awesome-lint README.md failed:\n{shown(result)}"
