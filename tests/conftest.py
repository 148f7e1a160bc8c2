from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from awesome_tools.cli import main
from awesome_tools.core.entryfile import dump_entry
from awesome_tools.core.normalize import slugify

# The browser fixtures of the page's tests (`browser`, `open_page`).
pytest_plugins = ["sitebrowser"]

REPO = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
# A frozen copy of the list (entries, README, templates, settings): tests never read the live
# entries/ or README.md, so adding, editing or removing a model cannot change what they report.
LIST = FIXTURES / "list"

GOOD = """\
# yaml-language-server: $schema=../schema/entry.schema.json
name: LLaVA
title: 'LLaVA: Large Language and Vision Assistant'
url: https://arxiv.org/abs/2304.08485
architecture:
  overview: Combines a vision encoder with a language model.
  components: CLIP ViT-L/14, Vicuna, a linear projection.
training:
  methods: Two-stage instruction tuning.
alignment:
  techniques: Instruction tuning on GPT-4 generated data.
  fusion_methods: A trainable projection matrix.
datasets:
  used: CC3M, LLaVA-Instruct-158K
  purpose: Pre-training and instruction tuning.
"""


def entry_text(name: str, url: str, **replace: str) -> str:
    """A valid entry with another name and link, and optional text replacements."""
    text = GOOD.replace("name: LLaVA", f"name: {name}").replace(
        "https://arxiv.org/abs/2304.08485", url
    )
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


def stand_in_figures(root: Path) -> int:
    """Give an imported list its local figure files, as empty stand-ins (check wants each to
    exist; upstream's images are not part of the corpus copy); how many."""
    texts = "".join(p.read_text("utf-8") for p in sorted((root / "entries").glob("*.yaml")))
    figures = sorted(set(re.findall(r"^  file: (assets/\S+\.png)$", texts, re.M)))
    for figure in figures:
        (root / figure).parent.mkdir(parents=True, exist_ok=True)
        (root / figure).write_bytes(b"")
    return len(figures)


# One model of a panel list with a local figure (its credits file has a row).
PANEL_ENTRY = (
    GOOD
    + "summary: LLaVA links CLIP to Vicuna.\n"
    + "figure:\n"
    + "  file: assets/architectures/llava.png\n"
    + "  alt: LLaVA's architecture\n"
    + "  source: https://arxiv.org/pdf/2304.08485\n"
)


@pytest.fixture
def panel_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A panel list of one model with a local figure, rendered, as the cwd."""
    (tmp_path / "awesome.yaml").write_text("layout: panel\ntitle: Panel List\n", "utf-8")
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "llava.yaml").write_text(PANEL_ENTRY, "utf-8")
    (tmp_path / "assets" / "architectures").mkdir(parents=True)
    (tmp_path / "assets" / "architectures" / "llava.png").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["render"]) == 0
    return tmp_path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with one valid entry and an empty categories file, as the cwd."""
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "llava.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "categories.yaml").write_text("- Encoders\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


@pytest.fixture
def seed_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the frozen fixture list (tests/fixtures/list: the seed's 10 models), as the cwd."""
    shutil.copytree(LIST, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="rewrite the golden files in tests/golden/ from the current output",
    )


def _sections(prefix: str, alignment: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "architecture": {"overview": f"{prefix} overview.", "components": f"{prefix} parts."},
        "training": {"methods": f"{prefix} training."},
        "alignment": {"techniques": f"{prefix} align.", "fusion_methods": f"{prefix} fuse."},
        "datasets": {"used": f"{prefix} data.", "purpose": f"{prefix} purpose."},
    }
    if not alignment:
        del data["alignment"]
    return data


RICH_CATEGORIES = ["Decoders & Friends", "Encoders"]
RICH: list[dict[str, Any]] = [
    {
        "name": "Zeta-VLM",
        "title": "Zeta: a Decoder",
        "url": "https://arxiv.org/abs/2401.00001",
        "category": "Decoders & Friends",
        "figure": {
            "file": "https://example.org/zeta.png",
            "alt": "Zeta's encoder feeding a decoder",
        },
        **_sections("Zeta"),
    },
    {
        "name": "alpha",
        "title": "Alpha <script>alert('x')</script> & \"friends\"",
        "url": 'https://example.org/alpha?a=1&b="2"',
        "category": "Decoders & Friends",
        **_sections("Alpha </td></tr> <b>bold</b>"),
    },
    {
        "name": "ViT",
        "title": "An Image is Worth 16x16 Words",
        "url": "https://arxiv.org/abs/2010.11929",
        "category": "Encoders",
        **_sections("ViT", alignment=False),
    },
    {
        "name": "Beta",
        "title": "Beta",
        "url": "https://example.org/beta",
        **_sections("Beta"),
    },
]


def write_project(root: Path, entries: list[dict[str, Any]], categories: list[str]) -> Path:
    """Write entry files and categories.yaml for a project at root."""
    (root / "entries").mkdir(parents=True, exist_ok=True)
    for data in entries:
        (root / "entries" / f"{slugify(data['name'])}.yaml").write_text(
            dump_entry(data), encoding="utf-8"
        )
    (root / "categories.yaml").write_text(
        "".join(f'- "{name}"\n' for name in categories), encoding="utf-8"
    )
    return root


@pytest.fixture
def rich_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with categories, a figure, a vision encoder and markup in its text, as the cwd."""
    write_project(tmp_path, RICH, RICH_CATEGORIES)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path
