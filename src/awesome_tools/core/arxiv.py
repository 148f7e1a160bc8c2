"""arXiv papers: an id from what a contributor pastes, and the title and date the API gives."""

from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode
from xml.etree import ElementTree

from awesome_tools import __version__
from awesome_tools.core.normalize import arxiv_id, canonical_text

API = "http://export.arxiv.org/api/query"
API_ENV = "AWESOME_TOOLS_ARXIV_API"
# Seconds for each network step and for the whole answer: the command must never hang.
TIMEOUT = 10.0
# `refresh`: ids asked in one request; tries of each request, waiting DELAY seconds, then twice
# that, between them; and DELAY between requests, as arXiv's API terms ask (one request every
# three seconds).
BATCH = 50
TRIES = 4
DELAY = 3.0

_ATOM = "{http://www.w3.org/2005/Atom}"
# arXiv reports a bad query as a feed with one entry whose id points into its errors page.
_ERROR_ID = "http://arxiv.org/api/errors"
_PASTED = re.compile(r"[A-Za-z0-9./-]+")


class ArxivError(Exception):
    """A paper that could not be fetched or read; the message is plain words."""


class ArxivUnreachable(ArxivError):
    """The arXiv API could not be asked or did not answer: no network, a timeout, an HTTP error."""


@dataclass(frozen=True)
class Paper:
    """What the arXiv API says about one paper."""

    id: str
    title: str
    published: str


def paper_id(text: str) -> str | None:
    """Return the version-less arXiv id of a link, a bare id or an `arXiv:` id, if it is one."""
    text = text.strip()
    if text[:6].lower() == "arxiv:":
        text = text[6:]
    if "://" in text:
        return arxiv_id(text)
    if not _PASTED.fullmatch(text):
        return None
    # A bare id (2301.12597v2, cs/0112017) or a link without its scheme (arxiv.org/abs/...).
    return arxiv_id(f"https://arxiv.org/abs/{text}") or arxiv_id(f"https://{text}")


def abs_url(paper: str) -> str:
    """Return the canonical link of a paper: its abstract page, no version."""
    return f"https://arxiv.org/abs/{paper}"


def default_name(title: str) -> str:
    """Name a model after its paper: the part of the title before a colon, else the title."""
    head, colon, _ = title.partition(":")
    return canonical_text(head) if colon and head.strip() else title


def query_url(paper: str, *, base: str) -> str:
    """Return the API request for one paper."""
    return f"{base}{'&' if '?' in base else '?'}{urlencode({'id_list': paper})}"


def _text(entry: ElementTree.Element, tag: str) -> str:
    found = entry.find(f"{_ATOM}{tag}")
    return canonical_text("".join(found.itertext())) if found is not None else ""


def parse_feed(raw: bytes, paper: str) -> Paper:
    """Read the title and first-version date of a paper from the API's Atom answer."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        feed = fromstring(raw, forbid_dtd=True)
    except DefusedXmlException:
        raise ArxivError(
            f"the arXiv API sent a malformed answer for {paper}: it declares a document type "
            "or entities, which are refused"
        ) from None
    except ElementTree.ParseError as exc:
        raise ArxivError(f"the arXiv API sent a malformed answer for {paper}: {exc}") from None
    if feed.tag != f"{_ATOM}feed":
        raise ArxivError(f"the arXiv API sent a malformed answer for {paper}: not an Atom feed")
    entry = feed.find(f"{_ATOM}entry")
    if entry is None:
        raise ArxivError(f"arXiv has no paper {paper}")
    entry_id = _text(entry, "id")
    title = _text(entry, "title")
    found = arxiv_id(entry_id)
    if entry_id.startswith(_ERROR_ID) or (title == "Error" and found is None):
        reason = _text(entry, "summary") or "no reason given"
        raise ArxivError(f"the arXiv API refused {paper}: {reason}")
    if found != paper:
        raise ArxivError(
            f"the arXiv API sent a malformed answer for {paper}: "
            f"its entry is for another paper, {found or repr(entry_id)}"
        )
    published = _text(entry, "published")
    try:
        # fromisoformat() reads a final Z only from Python 3.11 on.
        day = datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        raise ArxivError(
            f"the arXiv API sent a malformed answer for {paper}: "
            f"no date in <published> ({published!r})"
        ) from None
    if not title:
        raise ArxivError(f"the arXiv API sent a malformed answer for {paper}: no title")
    return Paper(paper, title, day.isoformat())


def batch_url(papers: Sequence[str], *, base: str) -> str:
    """Return the API request for several papers, every one of them in one answer."""
    query = urlencode({"id_list": ",".join(papers), "max_results": len(papers)})
    return f"{base}{'&' if '?' in base else '?'}{query}"


def fetch_batches(
    papers: Sequence[str],
    *,
    base: str,
    timeout: float = TIMEOUT,
    sleep: Callable[[float], None] | None = None,
) -> Iterator[bytes]:
    """Ask the arXiv API about papers, BATCH at a time, DELAY seconds apart; each request tried
    TRIES times with a wait growing from DELAY between tries; ArxivUnreachable after the last.
    `sleep` waits (default: time.sleep)."""
    wait = sleep or time.sleep
    for start in range(0, len(papers), BATCH):
        if start:
            wait(DELAY)
        batch = papers[start : start + BATCH]
        what = batch[0] if len(batch) == 1 else f"{batch[0]} and {len(batch) - 1} more"
        for attempt in range(TRIES):
            try:
                answer = fetch_url(
                    batch_url(batch, base=base), base=base, timeout=timeout, what=what
                )
            except ArxivUnreachable:
                if attempt == TRIES - 1:
                    raise
                wait(DELAY * 2**attempt)
                continue
            yield answer
            break


def fetch_feed(paper: str, *, base: str, timeout: float) -> bytes:
    """Ask the arXiv API about one paper and return its answer, or raise ArxivUnreachable."""
    return fetch_url(query_url(paper, base=base), base=base, timeout=timeout, what=paper)


def fetch_url(url: str, *, base: str, timeout: float, what: str) -> bytes:
    """Ask the arXiv API (at `base`) a request about `what` and return its answer, or raise
    ArxivUnreachable."""
    request = urllib.request.Request(url, headers={"User-Agent": f"awesome-tools/{__version__}"})
    late = ArxivUnreachable(f"the arXiv API did not answer within {timeout:g} s")
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            # The socket timeout bounds each read; the deadline bounds a server that trickles.
            while chunk := response.read1(65536):
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise late
    except urllib.error.HTTPError as exc:
        exc.close()
        raise ArxivUnreachable(
            f"the arXiv API answered HTTP {exc.code} {exc.reason} for {what}"
        ) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise late from None
        reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
        raise ArxivUnreachable(f"could not reach the arXiv API at {base}: {reason}") from None
    except TimeoutError:
        raise late from None
    except (http.client.HTTPException, OSError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise ArxivUnreachable(f"the arXiv API at {base} broke off its answer: {reason}") from None
    return b"".join(chunks)
