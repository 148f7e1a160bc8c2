"""Links: the one place a URL is split, so a malformed one is a problem, never an exception."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit


class BadUrl(ValueError):
    """A link that cannot be read; `reason` says why in plain words."""

    def __init__(self, url: str, reason: str, *, index: int | None = None) -> None:
        super().__init__(f"'{url}' is not a valid link: {reason}")
        self.url = url
        self.reason = reason
        self.index = index


@dataclass(frozen=True)
class Link:
    """The parts of a link; scheme and host in lower case, the port as a number or None."""

    scheme: str
    host: str
    port: int | None
    path: str
    query: str
    fragment: str


def _reason(error: ValueError) -> str:
    """Plain words for what `urlsplit` refused; its messages name IPv6 and ports."""
    text = str(error)
    if "IPv6" in text or "IPv4" in text:
        return "a '[' or ']' in its host must enclose an IPv6 address"
    if text.startswith("Port"):
        return "its port must be a number from 0 to 65535"
    return "its host holds characters that change under Unicode normalization"


# Characters no one sees but that make two links differ: Unicode "format" (Cf: zero-width
# space and joiners, BOM, soft hyphen, bidi controls, tag characters), control, surrogate and
# private-use characters, and the blank letters, joiners and selectors that render as nothing.
_INVISIBLE_CATEGORIES = {"Cf", "Cc", "Cs", "Co"}
INVISIBLE = frozenset(
    {
        0x034F,  # combining grapheme joiner
        0x115F,  # Hangul choseong filler
        0x1160,  # Hangul jungseong filler
        0x2800,  # braille pattern blank
        0x3164,  # Hangul filler
        0xFFA0,  # halfwidth Hangul filler
        *range(0xFE00, 0xFE10),  # variation selectors
        *range(0xE0100, 0xE01F0),  # variation selectors supplement
    }
)


def invisible_character(text: str) -> int | None:
    """Return the index of the first character that shows as nothing, if any."""
    # Printable text holds no format, control, surrogate or private-use character.
    if text.isascii() and text.isprintable():
        return None
    for index, ch in enumerate(text):
        if ord(ch) in INVISIBLE or unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
            return index
    return None


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} ({name})" if name else f"U+{ord(ch):04X}"


def whitespace_problem(url: str) -> BadUrl | None:
    """Name the first whitespace character of a link and where it stands."""
    if url.isascii() and " " not in url and url.isprintable():
        return None
    index = next((i for i, ch in enumerate(url) if ch.isspace()), None)
    if index is None:
        return None
    ch = url[index]
    what = {" ": "a space", "\t": "a tab", "\n": "a line break"}.get(ch) or _describe(ch)
    reason = (
        f"it holds {what} at character {index + 1}; remove it, or write %20 where the link "
        "needs a space"
    )
    return BadUrl(_shown(url), reason, index=index)


def _shown(url: str) -> str:
    """The link with each invisible character written as an escape, so a message shows it."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if invisible_character(ch) is not None else ch
        for ch in url
    )


# An entry's links are split by its field validators, then again for its keys, its badges and
# the overview's labels: each link is split once per process (a Link is frozen; a BadUrl is
# never cached). A few hundred bytes a link.
@cache
def split_url(url: str) -> Link:
    """Split a link into its parts; raise `BadUrl` where `urlsplit` would raise.

    A link holding an invisible character is refused too: it would look like, but not be,
    the link it copies.
    """
    index = invisible_character(url)
    if index is not None:
        reason = (
            f"it holds the invisible character {_describe(url[index])} at character "
            f"{index + 1}; remove it"
        )
        raise BadUrl(_shown(url), reason)
    if "\\" in url:
        # Browsers read a backslash as '/', Python's parser does not: the two would see
        # different hosts in `https://a.org\\@b.org`.
        raise BadUrl(url, "a backslash is read as '/' by browsers and not by other tools; use '/'")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadUrl(url, _reason(exc)) from None
    spaced = whitespace_problem(url) if parts.scheme and parts.netloc else None
    if spaced is not None:
        # Markdown ends a link at the space, a browser or a copy cuts it there: an absolute link
        # with one is a link with a typo (text that is no link at all is told so by its caller).
        raise spaced
    if parts.username is not None:
        # `https://arxiv.org@evil.example/` shows one host and leads to another.
        raise BadUrl(url, "a user name before '@' hides the real host; remove it")
    return Link(
        parts.scheme.lower(),
        (parts.hostname or "").lower(),
        port,
        parts.path,
        parts.query,
        parts.fragment,
    )
