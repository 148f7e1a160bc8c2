"""What hides in Unicode, decided in one place for names and links alike.

A character is *hidden* when Unicode says it shows as nothing or as nothing fixed: the general
categories Cc (control), Cf (format: zero-width space and joiners, bidi controls, tags), Cs
(surrogate), Co (private use) and Cn (unassigned), and every Default_Ignorable_Code_Point
(fillers, variation selectors, U+17B4, U+2065, U+FFF0..U+FFF8, U+E0080 ...). The sets come from
ICU's property tables (`pyicu-wheels`), so a new Unicode version needs no edit here.

Names are keyed by NFKC with case folded (a full-width `LLaVA` is `llava`), and compared by their
UTS #39 skeleton from ICU's confusables table (`LLaVA` with a Cyrillic U+0430 for its `a` reads as
`LLaVA`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

# The properties, as an ICU set pattern: the categories by their short names, and the derived
# property Default_Ignorable_Code_Point.
HIDDEN_PATTERN = "[[:Cc:][:Cf:][:Cs:][:Co:][:Cn:][:Default_Ignorable_Code_Point:]]"

# Scripts written together in one language (UTS #39's "highly restrictive" level): a Japanese
# name mixes Han and Kana, a Korean one Han and Hangul, and neither is a look-alike of the other.
_CJK = {"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"}
_NO_SCRIPT = {"Common", "Inherited", "Unknown"}


@cache
def _icu() -> Any:
    # ICU is loaded on the first text that is not printable ASCII, or the first skeleton.
    import icu

    return icu


@cache
def _hidden_set() -> Any:
    hidden = _icu().UnicodeSet(HIDDEN_PATTERN)
    hidden.freeze()
    return hidden


@cache
def _spoof_checker() -> Any:
    return _icu().SpoofChecker()


def hidden_character(text: str) -> int | None:
    """The index of the first character that shows as nothing (see the module), or None."""
    if text.isascii() and text.isprintable():
        return None
    hidden = _hidden_set()
    return next((i for i, ch in enumerate(text) if hidden.contains(ch)), None)


def is_hidden(ch: str) -> bool:
    """Whether one character shows as nothing."""
    return hidden_character(ch) is not None


def shown(text: str) -> str:
    """Text with each hidden character written as an escape (`\\u200b`), so a message shows it."""
    if hidden_character(text) is None:
        return text
    escaped = (ch.encode("unicode_escape").decode("ascii") if is_hidden(ch) else ch for ch in text)
    return "".join(escaped)


def describe(ch: str) -> str:
    """A character as a message names it: `U+200B ZERO WIDTH SPACE`."""
    name = unicodedata.name(ch, "") or _icu().Char.charName(ch)
    if not name:
        kind = {"Co": "private use", "Cs": "surrogate", "Cn": "unassigned"}
        name = f"({kind.get(unicodedata.category(ch), 'control')})"
    return f"U+{ord(ch):04X} {name}"


def hidden_problem(text: str) -> tuple[int, str] | None:
    """Where text holds a hidden character and what to do, as (index, message); None if none."""
    index = hidden_character(text)
    if index is None:
        return None
    kept = " ".join("".join(ch for ch in text if not is_hidden(ch)).split())
    what = describe(text[index])
    fix = f"type '{kept}'" if kept.strip() else "type the name in visible characters"
    return index, f"holds {what} at character {index + 1}, which shows as nothing; {fix}"


def name_key(name: str) -> str:
    """A name as duplicates compare it: NFKC, case folded (full-width `LLaVA` is `llava`)."""
    return unicodedata.normalize("NFKC", name).casefold()


@lru_cache(maxsize=1 << 14)
def skeleton(text: str) -> str:
    """The UTS #39 skeleton: what the text reads as, each look-alike made its prototype."""
    return str(_spoof_checker().getSkeleton(0, text))


def skeleton_key(name: str) -> str:
    """A name as look-alikes compare it: the skeleton of the NFKC form, case folded, and its
    skeleton again (`LLaVA` with a Cyrillic U+0430, `Emu3` with a Cyrillic U+0417 and their
    Latin forms are one; `m` is `rn`)."""
    return skeleton(skeleton(unicodedata.normalize("NFKC", name)).casefold())


def _group(ch: str) -> str:
    script = str(_icu().Script.getScript(ch).getName())
    return "Han" if script in _CJK else script


@dataclass(frozen=True)
class Lookalike:
    """A letter of a name that stands for a letter of the name's main script."""

    index: int
    scripts: tuple[str, str]
    reads_as: str

    def message(self, name: str) -> str:
        ch = name[self.index]
        main, other = self.scripts
        return (
            f"name '{name}' mixes {main} and {other} ({ch} {describe(ch)}); it reads as "
            f"'{self.reads_as}': type the {main} letter"
        )


def lookalike(name: str) -> Lookalike | None:
    """The first letter of another script that reads as a letter of its word's main script.

    Each word (a run of letters) is judged alone, so a name may hold words of two scripts. A
    word's main script is the one most of its letters are written in (Han, Hiragana, Katakana,
    Hangul and Bopomofo count as one); a letter of another script is a look-alike when its
    skeleton is made of the main script's letters only (a Cyrillic U+0430 for the `a` of
    `LLaVA`).
    """
    if name.isascii():
        return None
    found: dict[int, str] = {}
    scripts: tuple[str, str] | None = None
    for word in _WORD.finditer(name):
        for index, proto, pair in _word_lookalikes(word.group(), word.start()):
            found[index] = proto
            scripts = scripts or pair
    if scripts is None:
        return None
    reads_as = "".join(found.get(i, ch) for i, ch in enumerate(name))
    return Lookalike(min(found), scripts, reads_as)


# A word: a run of letters (not digits, marks, punctuation or spaces).
_WORD = re.compile(r"[^\W\d_]+")


def _word_lookalikes(word: str, offset: int) -> list[tuple[int, str, tuple[str, str]]]:
    """(index in the name, what it reads as, (main script, its script)) of each look-alike."""
    groups = [_group(ch) for ch in word]
    counts = Counter(g for g in groups if g not in _NO_SCRIPT)
    if len(counts) < 2:
        return []
    main = max(counts, key=lambda g: (counts[g], g == "Latin"))
    found = []
    for index, (ch, group) in enumerate(zip(word, groups, strict=True)):
        if group in _NO_SCRIPT or group == main:
            continue
        proto = skeleton(ch)
        letters = [c for c in proto if _group(c) not in _NO_SCRIPT]
        if proto != ch and letters and all(_group(c) == main for c in letters):
            found.append((offset + index, proto, (main, group)))
    return found
