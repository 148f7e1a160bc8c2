"""What hides in Unicode (unicodepolicy): names and links refuse what shows as nothing, names
are keyed by NFKC and by what they read as, hosts as a browser reads them."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import icu
import pytest

from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.normalize import normalize_url, slugify
from awesome_tools.core.unicodepolicy import describe, hidden_problem, lookalike
from awesome_tools.core.urls import BadUrl, split_url
from awesome_tools.layouts.table import TABLE_REQUIRED
from conftest import GOOD, entry_text

# PyYAML reads these raw in a file; the others (C0/C1 controls, U+FFFE, surrogates) are the
# loader's `control-character`.
_YAML_PRINTABLE = icu.UnicodeSet(
    "[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD\\U00010000-\\U0010FFFF]"
)


def _sample(pattern: str, count: int = 12) -> list[int]:
    """`count` code points spread over a property's set, first and last included."""
    found = icu.UnicodeSet(pattern)
    found.retainAll(_YAML_PRINTABLE)
    ranges = [
        (ord(found.getRangeStart(i)), ord(found.getRangeEnd(i)))
        for i in range(found.getRangeCount())
    ]
    # At most 64 of each range, so that a range of 100,000 unassigned ones does not drown the rest.
    points = [code for start, end in ranges for code in range(start, min(end, start + 63) + 1)]
    step = max(1, len(points) // (count - 1))
    return sorted({*points[::step], points[-1]})


# Each class of what shows as nothing, sampled from the property itself, and the attack's own.
HIDDEN = sorted(
    {
        *_sample("[:Cf:]"),
        *_sample("[:Co:]"),
        *_sample("[:Cn:]"),
        *_sample("[:Default_Ignorable_Code_Point:]"),
        *(c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"),
        0x200B,
        0x202E,
        0x17B4,
        0x17B5,
        0x2065,
        *range(0xFFF0, 0xFFF9),
        0xE0080,
        0x3164,
        0xFE0F,
    }
    - {0xFEFF}  # a BOM inside a plain YAML scalar is read as text's start by no one: covered below
)


@pytest.mark.parametrize("code", HIDDEN, ids=[f"U+{c:04X}" for c in HIDDEN])
def test_a_hidden_character_in_a_name_is_an_error_at_it(code: int) -> None:
    ch = chr(code)
    text = GOOD.replace("name: LLaVA", f"name: LLa{ch}VA")
    _, found = check_entries(
        [("entries/llava.yaml", text.encode())], categories=[], required=TABLE_REQUIRED
    )
    assert [d.text() for d in found] == [
        f"entries/llava.yaml:2:10: error[hidden-character] name: holds {describe(ch)} at "
        "character 4, which shows as nothing; type 'LLaVA'"
    ]


@pytest.mark.parametrize(
    ("code", "described"),
    [
        (0x200B, "U+200B ZERO WIDTH SPACE"),
        (0x202E, "U+202E RIGHT-TO-LEFT OVERRIDE"),
        (0x17B4, "U+17B4 KHMER VOWEL INHERENT AQ"),
        (0x2065, "U+2065 (unassigned)"),
        (0xFFF0, "U+FFF0 (unassigned)"),
        (0xE0080, "U+E0080 (unassigned)"),
        (0xE000, "U+E000 (private use)"),
        (0x0007, "U+0007 (control)"),
        (0xFEFF, "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
def test_a_hidden_character_is_named(code: int, described: str) -> None:
    assert hidden_problem(f"LLa{chr(code)}VA") == (
        3,
        f"holds {described} at character 4, which shows as nothing; type 'LLaVA'",
    )


@pytest.mark.parametrize(
    "code", [c for c in HIDDEN if c > 0x7F], ids=[f"U+{c:04X}" for c in HIDDEN if c > 0x7F]
)
def test_a_hidden_character_in_a_link_is_an_error_at_it(code: int) -> None:
    ch = chr(code)
    url = f"https://arxiv.org/abs/2304.08485{ch}"
    escaped = ch.encode("unicode_escape").decode("ascii")
    number, _, name = describe(ch).partition(" ")
    files = [("entries/beta.yaml", entry_text("Beta", url).encode())]
    _, found = check_entries(files, categories=[], required=TABLE_REQUIRED)
    assert [d.text() for d in found] == [
        f"entries/beta.yaml:4:38: error[bad-url] url: 'https://arxiv.org/abs/2304.08485{escaped}' "
        f"is not a valid link: it holds the invisible character {number} ({name.strip('()')}) at "
        "character 33; remove it"
    ]
    assert normalize_url(url) is None


# Legitimate names: other scripts, accents, hyphens, apostrophes, words of two scripts.
LEGIT = [
    "通义千问-VL",
    "Qwen通义",
    "ロボット工学 VL",
    "Yi-VL 零一",
    "한국어-VLM",
    "Café-VLM",
    "Cafe\u0301-VLM",
    "LLaVA-NeXT",
    "Qwen\u02bcs VL",
    "O\u2019Neil-VL",
    "ГигаЧат VL",
    "Ovis 二",
    "A שלום AA",
    "\u03b1-CLIP",
    "Emu3",
]


@pytest.mark.parametrize("name", LEGIT)
def test_a_legitimate_name_passes(name: str) -> None:
    text = GOOD.replace("name: LLaVA", f"name: {name}")
    path = f"entries/{slugify(name)}.yaml"
    _, found = check_entries([(path, text.encode())], categories=[], required=TABLE_REQUIRED)
    assert [d.text() for d in found] == []


@pytest.mark.parametrize(
    ("name", "column", "message"),
    [
        (
            "LL\u0430VA",
            9,
            "name 'LL\u0430VA' mixes Latin and Cyrillic (\u0430 U+0430 CYRILLIC SMALL LETTER A); "
            "it reads as 'LLaVA': type the Latin letter",
        ),
        (
            "Fl\u0430mingo and LL\u0430VA",
            9,
            "name 'Fl\u0430mingo and LL\u0430VA' mixes Latin and Cyrillic (\u0430 U+0430 CYRILLIC "
            "SMALL LETTER A); it reads as 'Flamingo and LLaVA': type the Latin letter",
        ),
        (
            "\u03b1CLIP",
            7,
            "name '\u03b1CLIP' mixes Latin and Greek (\u03b1 U+03B1 GREEK SMALL LETTER ALPHA); "
            "it reads as 'aCLIP': type the Latin letter",
        ),
        (
            "\u0421\u043e\u0413VLM",
            7,
            "name '\u0421\u043e\u0413VLM' mixes Latin and Cyrillic (\u0421 U+0421 CYRILLIC "
            "CAPITAL LETTER ES); it reads as 'Co\u0413VLM': type the Latin letter",
        ),
    ],
)
def test_a_look_alike_letter_is_a_warning_at_it(name: str, column: int, message: str) -> None:
    text = GOOD.replace("name: LLaVA", f"name: {name}")
    path = f"entries/{slugify(name)}.yaml"
    _, found = check_entries([(path, text.encode())], categories=[], required=TABLE_REQUIRED)
    assert [d.text() for d in found] == [f"{path}:2:{column}: warning[confusable-name] {message}"]


@pytest.mark.parametrize(
    ("other", "message"),
    [
        ("LL\u0430VA", "name 'LL\u0430VA' reads as the name 'LLaVA'"),
        ("LLa\u200bVA", "name 'LLa\\u200bVA' reads as the name 'LLaVA'"),
        ("LLaV\u0391", "name 'LLaV\u0391' reads as the name 'LLaVA'"),
        ("\uff2c\uff2c\uff41\uff36\uff21", "name '\uff2c\uff2c\uff41\uff36\uff21' is also used"),
        ("llava", "name 'llava' is also used"),
    ],
)
def test_names_that_read_alike_are_duplicates(other: str, message: str) -> None:
    files = [
        ("entries/llava.yaml", GOOD.encode()),
        ("entries/other.yaml", entry_text(other, "https://example.org/b").encode()),
    ]
    _, found = check_entries(files, categories=[], required=TABLE_REQUIRED)
    assert (
        f"entries/other.yaml:2:7: error[duplicate-entry] {message} in entries/llava.yaml:2:7"
        in [d.text() for d in found]
    )


# Hosts as a browser reads them: every spelling keys as the paper of arxiv.org.
ARXIV_SPELLINGS = [
    "https://\uff41\uff52\uff58\uff49\uff56.org/abs/2304.08485",  # full-width
    "https://arxiv\u3002org/abs/2304.08485",  # ideographic full stop
    "https://arxiv\uff0eorg/abs/2304.08485",  # full-width full stop
    "https://arxiv\uff61org/abs/2304.08485",  # half-width ideographic full stop
    "https://%61rxiv.org/abs/2304.08485",
    "https://%41RXIV.org/abs/2304.08485",
    "https://ArXiv.ORG/abs/2304.08485",
    "https://arxiv.org./abs/2304.08485",
    "https://\uff21\uff32\uff38\uff29\uff36\u3002\uff4f\uff52\uff47\u3002/abs/2304.08485",
]


@pytest.mark.parametrize("url", ARXIV_SPELLINGS)
def test_a_host_spelled_otherwise_is_the_same_paper(url: str) -> None:
    assert normalize_url(url) == "arxiv:2304.08485"
    files = [
        ("entries/llava.yaml", GOOD.encode()),
        ("entries/beta.yaml", entry_text("Beta", url).encode()),
    ]
    _, found = check_entries(files, categories=[], required=TABLE_REQUIRED)
    assert [d.text() for d in found] == [
        "entries/beta.yaml:4:6: error[duplicate-entry] this paper is also listed in "
        "entries/llava.yaml:4:6",
        "entries/llava.yaml:4:6: error[duplicate-entry] this paper is also listed in "
        "entries/beta.yaml:4:6",
    ]


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://b\u00fccher.de/x", "xn--bcher-kva.de"),
        ("https://B\u00dcCHER.de/x", "xn--bcher-kva.de"),
        ("https://xn--bcher-kva.de/x", "xn--bcher-kva.de"),
        ("https://XN--BCHER-KVA.DE/x", "xn--bcher-kva.de"),
        ("https://b%C3%BCcher.de/x", "xn--bcher-kva.de"),
        ("https://\uff47\uff49\uff54\uff48\uff55\uff42.com/x", "github.com"),
        ("https://github\u3002com/x", "github.com"),
        ("https://%67ithub.com/x", "github.com"),
        ("https://\u2615.example/x", "xn--53h.example"),
        ("https://\u4f8b\u3048.jp/x", "xn--r8jz45g.jp"),
        ("https://my_host.example.org/x", "my_host.example.org"),
    ],
)
def test_a_host_is_keyed_as_a_browser_sends_it(url: str, host: str) -> None:
    assert split_url(url).host == host


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://a%2Fb.org/", "its host reads as 'a/b.org', and a host cannot hold '/'"),
        ("https://a%40b.org/", "its host reads as 'a@b.org', and a host cannot hold '@'"),
        (
            "https://\uff0561rxiv.org/",
            "its host reads as '%61rxiv.org', and a host cannot hold '%'",
        ),
        ("https://a%20b.org/", "its host reads as 'a b.org', and a host cannot hold ' '"),
        ("https://%ff.org/", "its host '%ff.org' does not decode as UTF-8"),
    ],
)
def test_a_host_that_decodes_to_no_host_is_refused(url: str, reason: str) -> None:
    with pytest.raises(BadUrl) as caught:
        split_url(url)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("label", "url"),
    [
        ("GitHub", "https://\uff47\uff49\uff54\uff48\uff55\uff42.com/haotian-liu/LLaVA"),
        ("GitHub", "https://github\u3002com/haotian-liu/LLaVA"),
        ("GitHub", "https://%67ithub.com/haotian-liu/LLaVA"),
    ],
)
def test_a_badge_names_the_host_a_browser_goes_to(label: str, url: str) -> None:
    from awesome_tools.core.links import badge_problem

    assert badge_problem(label, url) is None
    assert badge_problem("Hugging Face", url) == (
        "the 'Hugging Face' badge should link to huggingface.co or hf.co, not to github.com"
    )


def test_lookalike_is_none_for_ascii() -> None:
    assert lookalike("LLaVA") is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Qwen-VL", "Qwen-V1"),  # ASCII look-alikes are two models: compared by case only
        ("Llama", "Ll\u0430ma-2"),
        ("\u03b1CLIP", "aCLIP-2"),
    ],
)
def test_names_that_do_not_read_alike_are_not_duplicates(first: str, second: str) -> None:
    files = [
        (f"entries/{slugify(name)}.yaml", entry_text(name, f"https://example.org/{i}").encode())
        for i, name in enumerate([first, second])
    ]
    _, found = check_entries(files, categories=[], required=TABLE_REQUIRED)
    assert [d.rule for d in found if d.rule == "duplicate-entry"] == []


def test_a_list_of_ascii_names_and_links_is_checked_without_icu() -> None:
    # ICU and idna load only for text beyond ASCII: the one-file check of pre-commit stays fast.
    code = (
        "import sys\n"
        "from awesome_tools.core.entrycheck import check_entries\n"
        "from awesome_tools.layouts.table import TABLE_REQUIRED\n"
        "from conftest import GOOD, entry_text\n"
        "files = [('entries/llava.yaml', GOOD.encode()),\n"
        "         ('entries/beta.yaml', entry_text('Beta', 'https://e.org/b').encode())]\n"
        "_, found = check_entries(files, categories=[], required=TABLE_REQUIRED)\n"
        "print(len(found), 'icu' in sys.modules, 'idna' in sys.modules)\n"
    )
    tests = Path(__file__).parent
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tests, capture_output=True, text=True, check=True
    )
    assert done.stdout == "0 False False\n"
