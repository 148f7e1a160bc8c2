"""Canonical text, slugs and paper URLs."""

from __future__ import annotations

import pytest

from awesome_tools.normalize import canonical_text, find_control_character, normalize_url, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("LLaVA", "llava"),
        ("LLaVA 1.5", "llava-1-5"),
        ("Nous-Hermes-2-Vision - Mistral 7B", "nous-hermes-2-vision-mistral-7b"),
        ("PaLM-E", "palm-e"),
        ("Señor Café", "senor-cafe"),
        ("  --Qwen_VL--  ", "qwen-vl"),
        ("Ångström ß", "angstrom"),
        ("视觉", ""),
        ("ﬁne", "fine"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://arxiv.org/abs/2204.14198v2", "https://arxiv.org/pdf/2204.14198"),
        ("https://ar5iv.org/pdf/2204.14198v1.pdf", "https://arxiv.org/abs/2204.14198"),
        ("http://www.arxiv.org/abs/2204.14198", "https://arxiv.org/html/2204.14198v3"),
        ("https://arxiv.org/abs/cs/0112017v1", "https://arxiv.org/pdf/cs/0112017"),
        ("HTTPS://Example.ORG/page/", "https://example.org/page"),
        ("https://example.org/page#intro", "https://example.org/page"),
        ("http://example.org:80/x", "https://example.org/x"),
    ],
)
def test_same_paper(a: str, b: str) -> None:
    assert normalize_url(a) == normalize_url(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://arxiv.org/abs/2204.14198", "https://arxiv.org/abs/2204.14199"),
        ("https://example.org/page?x=1", "https://example.org/page?x=2"),
        ("https://example.org/Page", "https://example.org/page"),
        ("https://example.org:8443/x", "https://example.org/x"),
    ],
)
def test_different_pages(a: str, b: str) -> None:
    assert normalize_url(a) != normalize_url(b)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("  a \n\t b  ", "a b"),
        ("a\u00a0\u2003b\u3000", "a b"),
        ("line\r\nbreak", "line break"),
        ("zero\u200bwidth", "zero\u200bwidth"),
        ("", ""),
    ],
)
def test_canonical_text(raw: str, canonical: str) -> None:
    assert canonical_text(raw) == canonical


@pytest.mark.parametrize(
    ("text", "index"),
    [("ok\ttab\nnew line", None), ("bell\x07", 4), ("c1\x9b", 2), ("del\x7f", 3), ("sep\x1c", 3)],
)
def test_control_characters(text: str, index: int | None) -> None:
    assert find_control_character(text) == index
