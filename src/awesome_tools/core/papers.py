"""The list's cache of arXiv metadata: what the API's Atom answer says of each paper, the cache
file's text (one record per id, sorted, stable) and that text read back with its problems."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.etree import ElementTree

from awesome_tools.core.normalize import arxiv_id, canonical_text
from awesome_tools.core.rules.papers import PAPER_CACHE
from awesome_tools.core.schema import Entry
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io.textfile import place

# Where a list keeps its cache unless awesome.yaml's `arxiv_cache` says otherwise.
DEFAULT_CACHE = "data/arxiv.json"
_ATOM = "{http://www.w3.org/2005/Atom}"
# arXiv reports a bad query as a feed with one entry whose id points into its errors page.
_ERROR_ID = "http://arxiv.org/api/errors"
_VERSION = re.compile(r"v([0-9]+)$")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The keys of a record, in the order the cache writes them.
_KEYS = ("title", "authors", "published", "version")


@dataclass(frozen=True)
class Cache:
    """A list's arXiv cache as `check` reads it: the records by id, and the file's path as
    messages show it."""

    records: Mapping[str, Record]
    shown: str


class AnswerError(Exception):
    """An answer of the arXiv API that cannot be read; the message is plain words."""


@dataclass(frozen=True)
class Record:
    """What the cache keeps of one paper: its title and authors as the latest version gives
    them, the date of its first version, and the latest version's number (None: not given)."""

    id: str
    title: str
    authors: tuple[str, ...]
    published: str
    version: int | None = None


def linked_ids(entry: Entry) -> list[str]:
    """The version-less arXiv ids an entry links (`url`, `links`, `sources`), first link first."""
    urls = [entry.url, *(link.url for link in entry.links or ()), *(entry.sources or ())]
    found = (arxiv_id(str(url)) for url in urls)
    return list(dict.fromkeys(paper for paper in found if paper is not None))


def _text(node: ElementTree.Element, tag: str) -> str:
    found = node.find(f"{_ATOM}{tag}")
    return canonical_text("".join(found.itertext())) if found is not None else ""


def _record(entry: ElementTree.Element) -> Record:
    """One `<entry>` of the answer as a record."""
    link = _text(entry, "id")
    paper = arxiv_id(link)
    if paper is None:
        raise AnswerError(f"an entry's <id> is not an arXiv paper: {link!r}")
    published = _text(entry, "published")
    try:
        # fromisoformat() reads a final Z only from Python 3.11 on.
        day = datetime.fromisoformat(published.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise AnswerError(f"{paper}: no date in <published> ({published!r})") from None
    title = _text(entry, "title")
    if not title:
        raise AnswerError(f"{paper}: no title")
    authors = tuple(
        name for node in entry.findall(f"{_ATOM}author") if (name := _text(node, "name"))
    )
    version = _VERSION.search(link.rstrip("/"))
    return Record(paper, title, authors, day, int(version.group(1)) if version else None)


def parse_answer(raw: bytes) -> dict[str, Record]:
    """Read every paper of an arXiv API answer (Atom), keyed by version-less id.

    The answer is hostile input: a document type or an entity declaration is refused
    (defusedxml), as are anything but an Atom feed, an error entry and a paper given twice.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        feed = fromstring(raw, forbid_dtd=True)
    except DefusedXmlException:
        raise AnswerError("it declares a document type or entities, which are refused") from None
    except ElementTree.ParseError as exc:
        raise AnswerError(f"it is not well-formed XML: {exc}") from None
    if feed.tag != f"{_ATOM}feed":
        raise AnswerError("it is not an Atom feed")
    found: dict[str, Record] = {}
    for entry in feed.findall(f"{_ATOM}entry"):
        if _text(entry, "id").startswith(_ERROR_ID):
            reason = _text(entry, "summary") or "no reason given"
            raise AnswerError(f"the arXiv API refused the query: {reason}")
        record = _record(entry)
        if record.id in found:
            raise AnswerError(f"it gives {record.id} twice")
        found[record.id] = record
    return found


def cache_text(records: Iterable[Record]) -> str:
    """The cache file: a JSON object of records by id, sorted, keys in a fixed order."""
    data = {
        record.id: {
            "title": record.title,
            "authors": list(record.authors),
            "published": record.published,
            "version": record.version,
        }
        for record in sorted(records, key=lambda record: record.id)
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _value(paper: str, value: Any) -> Record | str:
    """A record read back, or what is wrong with it."""
    if not isinstance(value, dict) or set(value) != set(_KEYS):
        return f"the record of {paper} is an object of {', '.join(_KEYS)}"
    title, authors, published, version = (value[key] for key in _KEYS)
    if not isinstance(title, str) or not title.strip():
        return f"the title of {paper} is not text"
    if not isinstance(authors, list) or not all(isinstance(name, str) for name in authors):
        return f"the authors of {paper} are not a list of names"
    if not isinstance(published, str) or not _DATE.fullmatch(published):
        return f"the date of {paper} is not YYYY-MM-DD"
    if version is not None and (type(version) is not int or version < 1):
        return f"the version of {paper} is not a number from 1"
    return Record(paper, title, tuple(authors), published, version)


def read_cache(text: str, path: str) -> tuple[dict[str, Record], list[Diagnostic]]:
    """The cache file's records by id, and its problems at their line and column (a record
    that cannot be read is left out; a file that is not JSON gives none)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"{path} is not JSON ({exc.msg}): run `awesome-tools refresh` to write it anew"
        return {}, [PAPER_CACHE.at(path, exc.lineno, exc.colno, message)]
    if not isinstance(data, dict):
        return {}, [PAPER_CACHE.at(path, 1, 1, f"{path} holds an object of records by arXiv id")]
    records: dict[str, Record] = {}
    problems: list[Diagnostic] = []
    for paper, value in data.items():
        at = place(text, max(text.find(json.dumps(paper, ensure_ascii=False)), 0))
        read = _value(paper, value) if arxiv_id(f"https://arxiv.org/abs/{paper}") == paper else None
        if isinstance(read, Record):
            records[paper] = read
            continue
        problem = read or f"'{paper}' is not a version-less arXiv id"
        problems.append(PAPER_CACHE.at(path, *at, problem))
    return records, problems


def kept(records: Mapping[str, Record], linked: Iterable[str]) -> list[Record]:
    """The records of the ids still linked, the others dropped."""
    return [records[paper] for paper in sorted(set(linked)) if paper in records]
