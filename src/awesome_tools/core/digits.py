"""Digits a person types (dates, numbers, settings, options): ASCII 0-9 only.

Python's `\\d`, `str.isdigit()` and `int()` take the digits of every script (Arabic-Indic,
Devanagari, full-width), so a value written in them would pass, compare and sort as a number.
Every digits value is tested here first; a regular expression that reads digits spells them
`[0-9]`.
"""

from __future__ import annotations

import unicodedata


def foreign_digit(text: str) -> int | None:
    """Return the index of the first digit that is not one of ASCII 0-9, if any."""
    if text.isascii():
        return None
    return next((i for i, ch in enumerate(text) if ch.isdigit() and not ch.isascii()), None)


def in_ascii(text: str) -> str:
    """The text with each digit of another script written as the ASCII digit of its value."""
    return "".join(
        str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text
    )


def foreign_digit_problem(text: str) -> tuple[int, str] | None:
    """Where the first digit other than 0-9 stands, and a message that names it and says what
    to type instead; None when every digit is ASCII."""
    index = foreign_digit(text)
    if index is None:
        return None
    ch = text[index]
    name = unicodedata.name(ch, "")
    what = f"U+{ord(ch):04X} ({name})" if name else f"U+{ord(ch):04X}"
    typed = in_ascii(text.strip())
    return index, f"character {index + 1} is {what}, not an ASCII digit: type '{typed}'"


def ascii_int(text: str) -> int:
    """`int()` of ASCII digits (an optional sign, no spaces); ValueError for anything else."""
    digits = text[1:] if text[:1] in "+-" else text
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"not a number written in ASCII digits: {text!r}")
    return int(text)
