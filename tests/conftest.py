from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

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
    """A copy of the repository's entries, categories and schema, as the cwd."""
    for name in ("entries", "schema"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "categories.yaml", tmp_path / "categories.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path
