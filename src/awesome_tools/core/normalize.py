"""Canonical forms: field text, file-name slugs and paper URLs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlunsplit

from awesome_tools.core.urls import BadUrl, Link, split_url

# Unicode White_Space: these collapse to one space. Python's str.split() also splits on the
# C0 "information separators" U+001C..U+001F, which are control characters, not spaces.
_WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_WHITESPACE_RUN = re.compile(f"[{re.escape(_WHITESPACE)}]+")
_CONTROL = re.compile(
    "["
    + "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in _WHITESPACE)
    + "]"
)


def is_plain(value: str) -> bool:
    """Say whether text is canonical with no control character, by a cheap test.

    `str.isprintable()` is false for every whitespace but the space and for every control
    character, so most text is settled without a regular expression.
    """
    return value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " "


def canonical_text(value: str) -> str:
    """Collapse each run of whitespace to one space and trim the ends."""
    if is_plain(value):
        return value
    return _WHITESPACE_RUN.sub(" ", value).strip(" ")


def text_value(value: object) -> str | None:
    """A loaded value's canonical text, or None when it is not text, holds a control
    character or is blank."""
    if not isinstance(value, str) or find_control_character(value) is not None:
        return None
    return canonical_text(value) or None


def find_control_character(value: str) -> int | None:
    """Return the index of the first control character that is not whitespace."""
    if value.isprintable():
        return None
    match = _CONTROL.search(value)
    return match.start() if match else None


# A name, and the file name it gives, must fit the file system with room for the temporary
# file a write makes beside it (`.SLUG.yaml.XXXXXXXX.tmp`, 19 characters more), on every
# system the list is kept on; 100 is far beyond any model's name.
NAME_MAX = 100


def name_length_problem(name: str) -> str | None:
    """Say why a model's name is too long (or its file name), or None when it fits."""
    if len(name) > NAME_MAX:
        return f"name is {len(name)} characters long; at most {NAME_MAX} are allowed"
    slug = slugify(name)
    if len(slug) > NAME_MAX:
        return (
            f"name gives a file name of {len(slug)} characters ('{slug[:20]}…'); "
            f"at most {NAME_MAX} are allowed"
        )
    return None


_NON_SLUG = re.compile(r"[^a-z0-9]+")

# The device names Windows reserves whatever the extension: a checkout cannot create
# `entries/con.yaml` there (nor `aux.png`, `lpt1.yaml`). The digits include Windows' superscripts.
_WINDOWS_DEVICE = re.compile(
    "(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])"
)
# What a slug that is a device name gets, so that `new`, `import` and `check` name its file alike.
DEVICE_SUFFIX = "-model"


def windows_device(file_name: str) -> str | None:
    """The device name a file name's stem is (`CON.yaml` is `CON`), or None when it is none.

    Windows takes the part before the first dot, any case, trailing spaces and dots dropped.
    """
    stem = file_name.split(".", 1)[0].rstrip(" ")
    return stem if _WINDOWS_DEVICE.fullmatch(stem.lower()) else None


@lru_cache(maxsize=1 << 16)
def slugify(name: str) -> str:
    """Lower-case ASCII, accents folded, each run of other characters one hyphen; a Windows
    device name (`con`, `nul`, `com1`, ...) with `-model` after it."""
    slug = _plain_slug(name)
    return slug + DEVICE_SUFFIX if windows_device(slug) else slug


def device_note(name: str) -> str | None:
    """Say why a name's file gets `-model`, when its slug is a Windows device name."""
    device = windows_device(_plain_slug(name))
    if device is None:
        return None
    return (
        f"'{name}' is written to {slugify(name)}.yaml: Windows reserves the name "
        f"'{device}' for a device"
    )


def _plain_slug(name: str) -> str:
    folded = name
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_SLUG.sub("-", folded.lower()).strip("-")


# Hosts are compared without `www.` and a final dot, so these are arXiv and its mirrors.
_ARXIV_HOSTS = {"arxiv.org", "export.arxiv.org", "ar5iv.org", "ar5iv.labs.arxiv.org"}
_ARXIV_PATH = re.compile(
    r"^/(?:abs|pdf|html|format)/"
    r"(?P<id>[0-9]{4}\.[0-9]{4,5}|[a-z][a-z.-]*/[0-9]{7})"
    r"(?:v[0-9]+)?(?:\.pdf)?$",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_DOT = {".", "%2e"}
_DOT_DOT = {"..", ".%2e", "%2e.", "%2e%2e"}


def host_key(host: str) -> str:
    """A host as two links to one site share it: lower case, no final dot, no `www.`."""
    host = host.rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _path_key(path: str) -> str:
    """A path without dot segments, repeated slashes or a final slash (RFC 3986, 5.2.4)."""
    kept: list[str] = []
    for segment in path.split("/"):
        lowered = segment.lower()
        if not segment or lowered in _DOT:
            continue
        if lowered in _DOT_DOT:
            if kept:
                kept.pop()
            continue
        kept.append(segment)
    return "/" + "/".join(kept) if kept else ""


def _paper(link: Link) -> str | None:
    if host_key(link.host) not in _ARXIV_HOSTS:
        return None
    match = _ARXIV_PATH.match(_path_key(link.path))
    return match.group("id").lower() if match else None


def arxiv_id(url: str) -> str | None:
    """Return the version-less arXiv identifier a URL points at, if any."""
    try:
        return _paper(split_url(url))
    except BadUrl:
        return None


def normalize_url(url: str) -> str | None:
    """Reduce a link to a key under which two links to the same paper or page compare equal.

    arXiv links become `arxiv:<id>`; others keep their query, lose their fragment, default
    port, `www.`, final dot, dot segments and repeated slashes, and read http as https. None
    for a link that cannot be read: the schema reports it, and it names no paper.
    """
    try:
        link = split_url(url.strip())
    except BadUrl:
        return None
    paper = _paper(link)
    if paper is not None:
        return f"arxiv:{paper}"
    scheme = "https" if link.scheme == "http" else link.scheme
    host, port = host_key(link.host), link.port
    host = f"[{host}]" if ":" in host else host
    netloc = host if port in (None, _DEFAULT_PORTS.get(link.scheme)) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, _path_key(link.path), link.query, ""))
