"""Canonical text, slugs and paper URLs."""

from __future__ import annotations

import pytest

from awesome_tools.core.normalize import (
    arxiv_id,
    canonical_text,
    find_control_character,
    normalize_url,
    slugify,
)
from awesome_tools.core.urls import BadUrl, split_url


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
        ("https://arxiv.org./abs/2304.08485", "https://arxiv.org/abs/2304.08485"),
        ("https://ARXIV.org/abs/2304.08485", "https://arxiv.org/abs/2304.08485"),
        ("https://www.arxiv.org./pdf/2304.08485v1", "https://arxiv.org/abs/2304.08485"),
        ("https://export.arxiv.org/abs/2304.08485", "https://arxiv.org/abs/2304.08485"),
        ("https://arxiv.org/abs/./2304.08485", "https://arxiv.org/abs/2304.08485"),
        ("https://arxiv.org//abs/2304.08485", "https://arxiv.org/abs/2304.08485"),
        ("https://arxiv.org/abs///2304.08485//", "https://arxiv.org/abs/2304.08485"),
        ("https://arxiv.org/x/y/../../abs/2304.08485", "https://arxiv.org/abs/2304.08485"),
        ("https://arxiv.org/abs/%2E/2304.08485", "https://arxiv.org/abs/2304.08485"),
        ("https://example.org/./a//b", "https://example.org/a/b"),
        ("https://Example.ORG./a", "https://example.org/a"),
        ("https://www.example.org/a", "https://example.org/a"),
        ("https://example.org/a/b/../../a/", "https://example.org/a"),
        ("https://example.org/../a", "https://example.org/a"),
        ("https://[::1]:443/a", "https://[::1]/a/"),
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
        ("https://export.example.org/x", "https://example.org/x"),
        ("https://sub.example.org/x", "https://example.org/x"),
        ("https://example.org/a/b", "https://example.org/a%2Fb"),
        ("https://example.org/a/..b", "https://example.org/b"),
        ("https://[::1]/a", "https://[::2]/a"),
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


@pytest.mark.parametrize(
    ("url", "shown", "described", "at"),
    [
        ("https://arxiv.org/abs/2304.08485\u200b", "\\u200b", "U+200B (ZERO WIDTH SPACE)", 33),
        ("https://arxiv.org/abs/\u200d2304.08485", "\\u200d", "U+200D (ZERO WIDTH JOINER)", 23),
        (
            "\ufeffhttps://arxiv.org/abs/2304.08485",
            "\\ufeff",
            "U+FEFF (ZERO WIDTH NO-BREAK SPACE)",
            1,
        ),
        ("https://arxiv\u00ad.org/abs/2304.08485", "\\xad", "U+00AD (SOFT HYPHEN)", 14),
        (
            "https://arxiv.org/abs/\u202e2304.08485",
            "\\u202e",
            "U+202E (RIGHT-TO-LEFT OVERRIDE)",
            23,
        ),
        ("https://arxiv.org/abs/2304.08485\u2060", "\\u2060", "U+2060 (WORD JOINER)", 33),
        (
            "https://arxiv.org/abs/2304.08485\u034f",
            "\\u034f",
            "U+034F (COMBINING GRAPHEME JOINER)",
            33,
        ),
        ("https://arxiv.org/abs/2304.08485\ufe0f", "\\ufe0f", "U+FE0F (VARIATION SELECTOR-16)", 33),
        (
            "https://arxiv.org/abs/2304.08485\U000e0041",
            "\\U000e0041",
            "U+E0041 (TAG LATIN CAPITAL LETTER A)",
            33,
        ),
        ("https://arxiv.org/abs/\u31642304.08485", "\\u3164", "U+3164 (HANGUL FILLER)", 23),
        ("https://arxiv.org/abs/2304.08485\x07", "\\x07", "U+0007 (control)", 33),
    ],
)
def test_invisible_characters_make_a_link_bad(
    url: str, shown: str, described: str, at: int
) -> None:
    with pytest.raises(BadUrl) as caught:
        split_url(url)
    visible = url.replace(shown.encode().decode("unicode_escape"), shown)
    assert str(caught.value) == (
        f"'{visible}' is not a valid link: it holds the invisible character {described} "
        f"at character {at}; remove it"
    )
    assert (normalize_url(url), arxiv_id(url)) == (None, None)


def test_visible_non_ascii_links_are_read() -> None:
    # The host as a browser sends it (IDNA), the path as written.
    assert normalize_url("https://例え.jp/ページ") == "https://xn--r8jz45g.jp/ページ"
    assert normalize_url("https://example.org/caf\u00e9") == "https://example.org/café"
