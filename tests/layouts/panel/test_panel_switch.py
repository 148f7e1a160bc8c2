"""Switching layouts by the settings alone: a table list renders as panels, the panel frame
takes the list's title, and each layout still asks for its own fields."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from awesome_tools.cli import main
from awesome_tools.layouts.panel.parts import MORE
from conftest import FIXTURES

LIST = FIXTURES / "list"

# The frozen list's FROZEN entry as a panel: its title as it is (without the name, as the entry
# writes it), its url and fields, the sections as the deep dive.
FROZEN_PANEL = f"""\
### **Multimodal Few-Shot Learning with Frozen Language Models**

[![Paper](https://img.shields.io/badge/Paper-blue?style=flat-square)](https://arxiv.org/abs/2106.13884)

**Released:** 2021-06

<details>
{MORE}

**Vision encoder.** NF-ResNet-50

**Language model.** 7B-parameter transformer trained on C4

**Connector.** linear

**Architecture.** Frozen introduces a method to extend few-shot learning capabilities of language \
models to multimodal settings (vision and language) without modifying the language model's weights. \
It involves training a vision encoder to encode images into a sequence of continuous embeddings.

**Components.** The architecture includes a pre-trained autoregressive language model based on the \
Transformer architecture and a vision encoder based on NF-ResNet-50. It uses the final output vector \
of the NF-Resnet after global pooling as a visual prefix.

**Training.** Training updates only the parameters of the vision encoder using paired image-caption \
data from the Conceptual Captions dataset. The language model's weights remain frozen, making the \
system modular and simple.

**Alignment.** Frozen employs a dynamic visual prefix, contrasting with static text prompts used in \
prefix tuning. This allows for multimodal task performance improvement through in-context learning.

**Fusion.** The visual prefix is linearly mapped and reshaped into a sequence of embeddings, \
functioning similarly to an embedding sequence of prefix tokens, facilitating the model's \
adaptation to multimodal inputs.

**Datasets.** Conceptual Captions

**Dataset purpose.** Used for training the vision encoder to encode images into sequences of \
embeddings that are then processed by the language model to generate appropriate captions.

</details>"""

PANEL_ENTRY = """\
name: Tiny
title: 'Tiny: a panel entry'
url: https://arxiv.org/abs/2401.00001
summary: A one-paragraph summary.
"""


@pytest.fixture
def switched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The frozen table-layout list, switched to the panel layout in its settings."""
    root = tmp_path / "list"
    shutil.copytree(LIST, root)
    (root / "awesome.yaml").write_text("layout: panel\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _panels(text: str) -> dict[str, str]:
    """Each panel's text by its heading line."""
    body = text.split("## Architectures\n\n", 1)[1].rstrip("\n")
    return {p.split("\n", 1)[0]: p for p in ("\n\n" + body).split("\n\n### ")[1:]}


def _words(value: str) -> str:
    return " ".join(value.split())


def test_a_table_list_renders_as_panels_by_its_settings_alone(
    switched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check"]) == 0
    assert capsys.readouterr().err == "10 files checked: no problems\n"
    assert main(["render"]) == 0
    assert capsys.readouterr().err == "wrote README.md (10 models)\n"
    text = (switched / "README.md").read_text("utf-8")
    # The list's templates/README.md.j2 is a table frame: the packaged panel frame is used.
    assert text.startswith(
        "# Awesome List [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n## Models\n"
    )
    panels = _panels(text)
    assert len(panels) == 10
    assert (
        f"### {next(p for h, p in panels.items() if h.startswith('**Multimodal Few-Shot'))}"
        == FROZEN_PANEL
    )
    for path in sorted((switched / "entries").glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        name, title = data["name"], data["title"]
        heading = next(h for h in panels if h.startswith(f"**{name}: ") or h == f"**{title}**")
        panel = _words(panels[heading].replace("\\", ""))
        fields = [data["url"], data.get("code"), data.get("weights"), data.get("released")]
        fields += [data.get(key) for key in ("vision_encoder", "language_model", "connector")]
        fields += [v for section in ("architecture", "training", "alignment", "datasets")
                   for v in (data.get(section) or {}).values()]  # fmt: skip
        for value in fields:
            assert value is None or _words(str(value)) in panel, (path.name, value)
    assert main(["lint"]) == 0
    assert capsys.readouterr() == ("", "1 file checked: no problems\n")
    assert main(["render", "--check"]) == 0


def test_markup_in_a_table_field_shows_as_written_in_its_panel(switched: Path) -> None:
    frozen = switched / "entries" / "frozen.yaml"
    text = frozen.read_text("utf-8").replace("used: Conceptual Captions", "used: <CC> *3M* [x]")
    frozen.write_text(text, encoding="utf-8")
    assert main(["render"]) == 0
    readme = (switched / "README.md").read_text("utf-8")
    assert "\n**Datasets.** \\<CC\\> \\*3M\\* \\[x\\]\n" in readme
    assert main(["lint"]) == 0


# (case, awesome.yaml, README's first line)
TITLES = [
    (
        "no title: the default",
        "layout: panel\n",
        "# Awesome List [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
    ),
    (
        "the settings' title",
        "layout: panel\ntitle: Awesome VLMs\n",
        "# Awesome VLMs [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
    ),
    (
        "markup in it is text",
        "layout: panel\ntitle: Awesome *VLMs*\n",
        "# Awesome \\*VLMs\\* [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
    ),
]


@pytest.mark.parametrize(("case", "settings", "first"), TITLES, ids=[c[0] for c in TITLES])
def test_the_packaged_panel_frame_takes_the_list_s_title(
    switched: Path, case: str, settings: str, first: str
) -> None:
    (switched / "awesome.yaml").write_text(settings, encoding="utf-8")
    assert main(["render"]) == 0
    assert (switched / "README.md").read_text("utf-8").split("\n")[0] == first
    assert main(["lint"]) == 0


# (case, frame files by path under templates/, README's first line)
FRAMES = [
    ("the list's panel frame", {"panel/README.md.j2": "# Own\n\n{{ panels }}\n"}, "# Own"),
    ("a panel frame in README.md.j2", {"README.md.j2": "# Imported\n\n{{ panels }}\n"}, "# Imported"),
    ("the panel frame before README.md.j2", {"README.md.j2": "# A\n\n{{ panels }}\n",
                                             "panel/README.md.j2": "# B\n\n{{ panels }}\n"}, "# B"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "files", "first"), FRAMES, ids=[c[0] for c in FRAMES])
def test_the_panel_layout_s_frame(
    switched: Path, case: str, files: dict[str, str], first: str
) -> None:
    for name, text in files.items():
        (switched / "templates" / name).parent.mkdir(parents=True, exist_ok=True)
        (switched / "templates" / name).write_text(text, encoding="utf-8")
    assert main(["render"]) == 0
    assert (switched / "README.md").read_text("utf-8").split("\n")[0] == first
    assert main(["lint"]) == 0


def test_a_table_list_still_renders_its_own_frame_with_the_title(
    switched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (switched / "awesome.yaml").write_text("title: Mine\n", encoding="utf-8")
    (switched / "templates" / "README.md.j2").write_text("# {{ title }}\n", encoding="utf-8")
    assert main(["render"]) == 0
    assert (switched / "README.md").read_text("utf-8") == "# Mine\n"


# (case, awesome.yaml, entry file text, check's output)
FIELDS = [
    (
        "a panel entry in a table list lacks the table's sections",
        "layout: table\n",
        PANEL_ENTRY,
        "entries/tiny.yaml:1:1: error[missing-field] missing required field 'architecture': "
        "add 'architecture:'\n"
        "entries/tiny.yaml:1:1: error[missing-field] missing required field 'datasets': "
        "add 'datasets:'\n"
        "entries/tiny.yaml:1:1: error[missing-field] missing required field 'training': "
        "add 'training:'\n",
    ),
    (
        "a panel list takes a summary-only entry",
        "layout: panel\n",
        PANEL_ENTRY,
        "",
    ),
    (
        "a panel entry needs a summary or the table's sections",
        "layout: panel\n",
        PANEL_ENTRY.replace("summary: A one-paragraph summary.\n", ""),
        "entries/tiny.yaml:1:1: error[missing-field] missing required field 'summary': "
        "add 'summary:'\n",
    ),
]


@pytest.mark.parametrize(("case", "settings", "entry", "out"), FIELDS, ids=[c[0] for c in FIELDS])
def test_each_layout_asks_for_its_own_fields(
    switched: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    settings: str,
    entry: str,
    out: str,
) -> None:
    (switched / "awesome.yaml").write_text(settings, encoding="utf-8")
    (switched / "entries" / "tiny.yaml").write_text(entry, encoding="utf-8")
    assert main(["check"]) == (1 if out else 0)
    assert capsys.readouterr().out == out


def test_a_list_s_own_panel_template_lays_out_each_panel(switched: Path) -> None:
    """templates/panel/panel.md.j2 overrides the packaged one: here, the figure-less FROZEN
    panel gets its release lines after the deep dive, and a line of the list's own."""
    own = switched / "templates" / "panel"
    own.mkdir(parents=True)
    (own / "panel.md.j2").write_text(
        "{{ heading }}\n\n{{ deep_dive }}\n\n{{ meta }}\n\n*Listed as {{ entry.name }}.*",
        encoding="utf-8",
    )
    assert main(["render"]) == 0
    frozen = _panels((switched / "README.md").read_text("utf-8"))[
        "**Multimodal Few-Shot Learning with Frozen Language Models**"
    ]
    assert frozen.index("</details>") < frozen.index("**Released:** 2021-06")
    assert frozen.rstrip().endswith("*Listed as FROZEN.*")
    assert main(["lint"]) == 0


def test_a_broken_panel_template_is_a_positioned_diagnostic(
    switched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = switched / "templates" / "panel"
    own.mkdir(parents=True)
    (own / "panel.md.j2").write_text(
        "{{ heading }}\n\n{{ entry.nmae }}\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["render"]) == 1
    assert capsys.readouterr().out.startswith(
        "templates/panel/panel.md.j2:3:1: error[template] the template fails: "
    )
