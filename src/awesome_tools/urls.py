"""Links: the one place a URL is split, so a malformed one is a problem, never an exception."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


class BadUrl(ValueError):
    """A link that cannot be read; `reason` says why in plain words."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"'{url}' is not a valid link: {reason}")
        self.url = url
        self.reason = reason


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


def split_url(url: str) -> Link:
    """Split a link into its parts; raise `BadUrl` where `urlsplit` would raise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadUrl(url, _reason(exc)) from None
    return Link(
        parts.scheme.lower(),
        (parts.hostname or "").lower(),
        port,
        parts.path,
        parts.query,
        parts.fragment,
    )
