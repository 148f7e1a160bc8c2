"""YAML mistakes a contributor makes most: each diagnostic says which line to fix and how."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.layouts.table import TABLE_REQUIRED
from conftest import GOOD

P = "entries/llava.yaml"
TITLE = "title: 'LLaVA: Large Language and Vision Assistant'"
OVERVIEW = "  overview: Combines a vision encoder with a language model."
COMPONENTS = "  components: CLIP ViT-L/14, Vicuna, a linear projection."
METHODS = "  methods: Two-stage instruction tuning."

# (case id, file content, expected diagnostics as `line:col: severity[rule] message`)
CASES: list[tuple[str, str, list[str]]] = [
    (
        "title holding ': '",
        GOOD.replace(TITLE, "title: BLIP-2: Bootstrapping Language-Image Pre-training"),
        [
            "3:8: error[yaml-syntax] quote the value (it holds ': '): "
            "title: 'BLIP-2: Bootstrapping Language-Image Pre-training'"
        ],
    ),
    (
        "quote inside the value is doubled, the comment left out",
        GOOD.replace(TITLE, "title: LLaVA's sequel: Better  # from the abstract"),
        [
            "3:8: error[yaml-syntax] quote the value (it holds ': '): title: 'LLaVA''s sequel: Better'"
        ],
    ),
    (
        "nested value holding ': ' over two lines",
        GOOD.replace(METHODS, "  methods: Stage 1: align,\n    stage 2: tune."),
        [
            "9:12: error[yaml-syntax] quote the value (it holds ': '); replace lines 9-10 with: "
            "methods: 'Stage 1: align, stage 2: tune.'"
        ],
    ),
    (
        "': ' on a wrapped line of a top-level value",
        GOOD.replace(TITLE, "title: LLaVA, a large\n  language and vision assistant: the paper"),
        [
            "3:8: error[yaml-syntax] quote the value (it holds ': ' on line 4); replace lines 3-4 "
            "with: title: 'LLaVA, a large language and vision assistant: the paper'"
        ],
    ),
    (
        "': ' on the third line of a nested value, a quote in it doubled",
        GOOD.replace(
            OVERVIEW, "  overview: Combines a vision\n    encoder with the\n    model's LM: Vicuna."
        ),
        [
            "6:13: error[yaml-syntax] quote the value (it holds ': ' on line 8); replace lines 6-8 "
            "with: overview: 'Combines a vision encoder with the model''s LM: Vicuna.'"
        ],
    ),
    (
        "a wrapped line starting 'word: ' that is no key of an entry",
        GOOD.replace(METHODS, "  methods: Two-stage\n    tuning: first align, then tune."),
        [
            "9:12: error[yaml-syntax] quote the value (it holds ': ' on line 10); replace lines "
            "9-10 with: methods: 'Two-stage tuning: first align, then tune.'"
        ],
    ),
    (
        "a key of an entry indented under a value is a misindented key",
        GOOD.replace(METHODS, METHODS + "\n    name: Tuned."),
        [
            "10:5: error[yaml-syntax] indentation: line 10 is indented by 4 spaces, but the keys "
            "under 'training:' (line 8) by 2; align 'name:' with 'methods:' on line 9"
        ],
    ),
    (
        "key indented by 3 among keys indented by 2",
        GOOD.replace(COMPONENTS, " " + COMPONENTS),
        [
            "7:4: error[yaml-syntax] indentation: line 7 is indented by 3 spaces, but the keys "
            "under 'architecture:' (line 5) by 2; align 'components:' with 'overview:' on line 6"
        ],
    ),
    (
        "key indented by 1 among keys indented by 2",
        GOOD.replace(COMPONENTS, COMPONENTS[1:]),
        [
            "7:2: error[yaml-syntax] indentation: line 7 is indented by 1 space, but the keys "
            "under 'architecture:' (line 5) by 2; align 'components:' with 'overview:' on line 6"
        ],
    ),
    (
        "first key of a section indented by 3: the parser stops a line later",
        GOOD.replace(OVERVIEW, " " + OVERVIEW),
        [
            "6:4: error[yaml-syntax] indentation: line 6 is indented by 3 spaces, but the keys "
            "under 'architecture:' (line 5) by 2; align 'overview:' with 'components:' on line 7"
        ],
    ),
    (
        "first key of a section indented by 1",
        GOOD.replace(OVERVIEW, OVERVIEW[1:]),
        [
            "6:2: error[yaml-syntax] indentation: line 6 is indented by 1 space, but the keys "
            "under 'architecture:' (line 5) by 2; align 'overview:' with 'components:' on line 7"
        ],
    ),
    (
        "first key of a section indented by 4",
        GOOD.replace("  used:", "    used:"),
        [
            "14:5: error[yaml-syntax] indentation: line 14 is indented by 4 spaces, but the keys "
            "under 'datasets:' (line 13) by 2; align 'used:' with 'purpose:' on line 15"
        ],
    ),
    (
        "last key of a section indented by 4",
        GOOD.replace("  purpose:", "    purpose:"),
        [
            "15:5: error[yaml-syntax] indentation: line 15 is indented by 4 spaces, but the keys "
            "under 'datasets:' (line 13) by 2; align 'purpose:' with 'used:' on line 14"
        ],
    ),
    (
        "top-level key indented",
        GOOD.replace("url:", "  url:"),
        [
            "4:3: error[yaml-syntax] indentation: line 4 is indented by 2 spaces, but the "
            "top-level keys are not indented; align 'url:' with 'title:' on line 3"
        ],
    ),
    (
        "first key of a section not indented",
        GOOD.replace(OVERVIEW, OVERVIEW[2:]),
        [
            "6:1: error[yaml-syntax] indentation: line 6 is not indented, but the keys under "
            "'architecture:' (line 5) by 2; align 'overview:' with 'components:' on line 7"
        ],
    ),
    (
        "continuation line not indented",
        GOOD.replace(METHODS, "  methods: Two-stage\ninstruction tuning."),
        [
            "10:1: error[yaml-syntax] indentation: line 10 is not indented, but it continues the "
            "value of 'methods:' on line 9; indent it by 4 spaces or join it to line 9"
        ],
    ),
    (
        "a file indented by 4 is told 4",
        GOOD.replace("\n  ", "\n    ").replace("    components:", "      components:"),
        [
            "7:7: error[yaml-syntax] indentation: line 7 is indented by 6 spaces, but the keys "
            "under 'architecture:' (line 5) by 4; align 'components:' with 'overview:' on line 6"
        ],
    ),
    (
        "first top-level key indented: the parser stops a line later",
        GOOD.replace("name:", "  name:"),
        [
            "2:3: error[yaml-syntax] indentation: line 2 is indented by 2 spaces, but the "
            "top-level keys are not indented; align 'name:' with 'title:' on line 3"
        ],
    ),
    (
        "key without its ':'",
        GOOD.replace("  fusion_methods:", "  fusion_methods"),
        [
            "12:17: error[yaml-syntax] missing ':' after the key 'fusion_methods' on line 12; "
            "write: fusion_methods: A trainable projection matrix."
        ],
    ),
    (
        "section without its ':'",
        GOOD.replace("training:", "training"),
        [
            "8:9: error[yaml-syntax] missing ':' after the key 'training' on line 8; write: training:"
        ],
    ),
    (
        "first key without its ':'",
        GOOD.replace("name:", "name"),
        ["2:5: error[yaml-syntax] missing ':' after the key 'name' on line 2; write: name: LLaVA"],
    ),
    (
        "other syntax errors keep the parser's words",
        GOOD.replace("name: LLaVA", "name: [LLaVA"),
        [
            "3:6: error[yaml-syntax] invalid YAML: did not find expected ',' or ']' "
            "(while parsing a flow sequence)"
        ],
    ),
    (
        "': ' inside a quoted or block value is fine",
        GOOD.replace(METHODS, "  methods: |\n    Stage 1: align.\n  # note: x\n"),
        [],
    ),
    (
        "section key at the top level",
        GOOD.replace(COMPONENTS, COMPONENTS[2:]),
        [
            "7:1: error[unknown-key] unknown key 'components' here; it belongs under "
            "'architecture:' on line 5 (indent it by 2 spaces below that line)"
        ],
    ),
    (
        "section key under another section",
        GOOD.replace(COMPONENTS, COMPONENTS + "\n  methods: Tuned."),
        [
            "8:3: error[unknown-key] unknown key 'architecture.methods' here; it belongs under "
            "'training:' on line 9 (indent it by 2 spaces below that line)"
        ],
    ),
    (
        "section key under a section that is missing",
        GOOD.replace("training:\n" + METHODS + "\n", "").replace(
            COMPONENTS, COMPONENTS + "\n" + METHODS
        ),
        [
            "8:3: error[unknown-key] unknown key 'architecture.methods' here; it belongs under "
            "'training:' (add 'training:' and indent it by 2 spaces below that line)"
        ],
    ),
    (
        "section left empty, its keys at the top level",
        GOOD.replace(OVERVIEW, OVERVIEW[2:]).replace(COMPONENTS, COMPONENTS[2:]),
        [
            "6:1: error[unknown-key] unknown key 'overview' here; it belongs under "
            "'architecture:' on line 5 (indent it by 2 spaces below that line)",
            "7:1: error[unknown-key] unknown key 'components' here; it belongs under "
            "'architecture:' on line 5 (indent it by 2 spaces below that line)",
        ],
    ),
    (
        "misspelled section: one diagnostic, nothing about its missing keys",
        GOOD.replace("training:", "trainig:").replace(METHODS, "  methods: ''"),
        ["8:1: error[unknown-key] unknown key 'trainig'; did you mean 'training'?"],
    ),
    (
        "misspelled nested key: one diagnostic",
        GOOD.replace("  purpose:", "  purpse:"),
        ["15:3: error[unknown-key] unknown key 'datasets.purpse'; did you mean 'purpose'?"],
    ),
    (
        "an unknown key far from any field still reports the missing one",
        GOOD.replace("url:", "link:"),
        [
            "2:1: error[missing-field] missing required field 'url': add 'url:'",
            "4:1: error[unknown-key] unknown key 'link'; did you mean 'links'?",
        ],
    ),
    (
        "top-level key inside a section",
        GOOD.replace("url: https://arxiv.org/abs/2304.08485\n", "").replace(
            METHODS, METHODS + "\n  url: https://arxiv.org/abs/2304.08485"
        ),
        [
            "9:3: error[unknown-key] unknown key 'training.url' here; it belongs at the top "
            "level: remove its indentation",
        ],
    ),
]


def _expected(lines: list[str]) -> list[str]:
    return [f"{P}:{line}" for line in lines]


@pytest.mark.parametrize(("case", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_checker(case: str, content: str, expected: list[str]) -> None:
    _, diagnostics = check_entries(
        [(P, content.encode())], categories=["Encoders"], required=TABLE_REQUIRED
    )
    assert [d.text() for d in diagnostics] == _expected(expected)


@pytest.mark.parametrize(("case", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cli(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    content: str,
    expected: list[str],
) -> None:
    (project / P).write_text(content, encoding="utf-8")
    code = main(["check"])
    out, err = capsys.readouterr()
    assert out == "".join(line + "\n" for line in _expected(expected))
    assert code == (1 if expected else 0)
    assert "Traceback" not in err
