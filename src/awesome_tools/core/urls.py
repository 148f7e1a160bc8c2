"""Links: the one place a URL is split, so a malformed one is a problem, never an exception."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote, urlsplit

from awesome_tools.core.unicodepolicy import describe, hidden_character, shown


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


def invisible_character(text: str) -> int | None:
    """Return the index of the first character that shows as nothing, if any: the one policy of
    `unicodepolicy` (categories Cc, Cf, Cs, Co, Cn and Default_Ignorable_Code_Point)."""
    return hidden_character(text)


def _describe(ch: str) -> str:
    code, _, name = describe(ch).partition(" ")
    return f"{code} ({name.strip('()')})"


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
    return shown(url)


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
        host_of(url, parts.hostname or ""),
        port,
        parts.path,
        parts.query,
        parts.fragment,
    )


# What a host may not hold once decoded (WHATWG URL, "forbidden domain code point"): a browser
# refuses such a host, so a link to one is no link.
_FORBIDDEN_IN_HOST = frozenset("\t\n\r #%/:<>?@[\\]^|\x7f")


def host_of(url: str, host: str) -> str:
    """The host as a browser reads it (WHATWG URL's host parser): percent-decoded, mapped by
    UTS #46 (full-width letters, the ideographic and full-width full stops U+3002, U+FF0E and
    U+FF61 as `.`, case folded) and written in ASCII (`xn--` for a name in another script): a
    full-width `arxiv.org`, `arxiv` U+3002 `org` and `%61rxiv.org` all go to `arxiv.org`."""
    if host.isascii() and "%" not in host:
        return host.lower()
    if host.startswith("[") or ":" in host:
        return host.lower()  # an IPv6 address: urlsplit has checked it
    try:
        decoded = unquote(host, errors="strict") if "%" in host else host
    except UnicodeDecodeError:
        raise BadUrl(url, f"its host '{host}' does not decode as UTF-8") from None
    import idna  # its tables load only for a host beyond ASCII

    try:
        mapped = idna.uts46_remap(decoded, std3_rules=False, transitional=False)
    except (idna.IDNAError, UnicodeError) as exc:
        raise BadUrl(url, f"its host '{decoded}' is not a domain name ({exc})") from None
    forbidden = next((ch for ch in mapped if ch in _FORBIDDEN_IN_HOST), None)
    if forbidden is not None:
        reason = f"its host reads as '{mapped}', and a host cannot hold '{forbidden}'"
        raise BadUrl(url, reason)
    # Each label in ASCII as a browser sends it: Punycode after `xn--` (RFC 3492).
    return ".".join(
        label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
        for label in mapped.split(".")
    )
