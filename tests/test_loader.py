"""The safe loader: every scalar a string, positions for keys and values."""

from __future__ import annotations

from awesome_tools.core.loader import load_yaml
from awesome_tools.io.textfile import decode


def test_scalars_stay_strings() -> None:
    loaded = load_yaml("a: no\nb: 1.10\nc: 2024-02-16\nd: ~\ne: 0x1F\nf:\n", "f.yaml")
    assert loaded.data == {
        "a": "no",
        "b": "1.10",
        "c": "2024-02-16",
        "d": "~",
        "e": "0x1F",
        "f": "",
    }
    assert loaded.diagnostics == []


def test_positions_are_one_based_and_count_characters() -> None:
    loaded = load_yaml("é: x\nouter:\n  inner: «v»\n", "f.yaml")
    assert loaded.key_positions[("outer", "inner")] == (3, 3)
    assert loaded.value_positions[("outer", "inner")] == (3, 10)
    assert loaded.value_positions[("é",)] == (1, 4)


def test_python_tag_runs_nothing(tmp_path: object) -> None:
    loaded = load_yaml("a: !!python/object/apply:os.system ['exit 3']\n", "f.yaml")
    assert loaded.data is None
    assert [d.rule for d in loaded.diagnostics] == ["yaml-tag"]


def test_merge_key_is_not_merged() -> None:
    loaded = load_yaml("base: &b {x: 1}\nc:\n  <<: {y: 2}\n", "f.yaml")
    assert loaded.data == {"base": {"x": "1"}, "c": {"<<": {"y": "2"}}}


def test_bom_is_accepted_and_invalid_utf8_is_located() -> None:
    assert decode(b"\xef\xbb\xbfa: b\n", "f.yaml") == ("a: b\n", None)
    text, problem = decode(b"a: b\nc: \xff\n", "f.yaml")
    assert text is None
    assert problem is not None and problem.text() == (
        "f.yaml:2:4: error[encoding] file is not valid UTF-8 (byte 0xff); save it as UTF-8"
    )
