"""An entry's facts checked against its papers as the list's arXiv cache holds them: the title
of the paper `url` links, the release date against its first version, and every linked paper
the cache lacks. Pure: the cache is handed in."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from difflib import SequenceMatcher

from awesome_tools.core.loaded import Loaded
from awesome_tools.core.normalize import arxiv_id
from awesome_tools.core.papers import Record
from awesome_tools.core.rules.papers import PAPER_NOT_CACHED, RELEASED_VS_PAPER, WRONG_PAPER
from awesome_tools.core.schema import Entry
from awesome_tools.diagnostics import Diagnostic

# Two titles of one paper differ by punctuation, case, a subtitle's wording or a version's
# edit; two papers' titles share little more than common words. Below this ratio (difflib's
# 2*matches/length, on the normalised titles) they are taken for two papers.
SIMILAR = 0.8
# How many months after its paper's first version a model's release may be dated.
SPAN_MONTHS = 3
# TeX in arXiv titles: a command's name (its argument's braces are dropped below), an accent.
_TEX_COMMAND = re.compile(r"\\(?:[A-Za-z]+\*?|[^A-Za-z\s])")
_NOT_WORD = re.compile(r"[\W_]+")


def title_key(title: str) -> str:
    """A title as it is compared: no TeX markup, accents, case or punctuation."""
    plain = _TEX_COMMAND.sub("", title).replace("$", "").replace("{", "").replace("}", "")
    decomposed = unicodedata.normalize("NFKD", plain)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", letters.casefold()).strip()


def similarity(one: str, other: str) -> float:
    """How alike two titles are, from 0 to 1, once normalised (`title_key`)."""
    return SequenceMatcher(None, title_key(one), title_key(other), autojunk=False).ratio()


def _month(date: str) -> int:
    return int(date[:4]) * 12 + int(date[5:7])


def date_problem(released: str, basis: str | None, record: Record) -> str | None:
    """Why a release date disagrees with the paper's first version, or None."""
    if basis == "official-release":
        return None
    first = record.published[: len(released)]
    what = f"the first version of arXiv {record.id} ({record.published})"
    if basis == "arxiv-v1":
        if released == first:
            return None
        return f"released {released} is not {what}, as `released_basis: arxiv-v1` says"
    if released < first:
        return (
            f"released {released} is before {what}; write that date, or say "
            f"`released_basis: official-release` if {released} is the model's release"
        )
    late = _month(released) - _month(record.published)
    if late <= SPAN_MONTHS:
        return None
    return (
        f"released {released} is {late} months after {what}, more than {SPAN_MONTHS}; write that "
        f"date, or say `released_basis: official-release` if {released} is the model's release"
    )


def _title_problem(loaded: Loaded, entry: Entry, record: Record) -> list[Diagnostic]:
    ratio = similarity(entry.title, record.title)
    if ratio >= SIMILAR:
        return []
    line, column = loaded.value_positions.get(("url",), (1, 1))
    message = (
        f"url links arXiv {record.id}, titled '{record.title}', but title is '{entry.title}' "
        f"(similarity {ratio:.2f}, below {SIMILAR:.2f}): a link to another paper?"
    )
    return [WRONG_PAPER.at(loaded.path, line, column, message)]


def _link_places(entry: Entry) -> list[tuple[str, tuple[str | int, ...]]]:
    """Each link of an entry and where its value is: `url`, `links[i].url`, `sources[i]`."""
    places: list[tuple[str, tuple[str | int, ...]]] = [(str(entry.url), ("url",))]
    places += [(str(link.url), ("links", n, "url")) for n, link in enumerate(entry.links or ())]
    places += [(str(url), ("sources", n)) for n, url in enumerate(entry.sources or ())]
    return places


def paper_problems(
    loaded: Loaded, entry: Entry | None, records: Mapping[str, Record], cache: str
) -> list[Diagnostic]:
    """Check an entry against the cached metadata of its papers (`cache`: the file's path)."""
    if entry is None:
        return []
    found: list[Diagnostic] = []
    noted: set[str] = set()
    for url, key in _link_places(entry):
        paper = arxiv_id(url)
        if paper is None or paper in records or paper in noted:
            continue
        noted.add(paper)
        line, column = loaded.value_positions.get(key, (1, 1))
        message = (
            f"arXiv {paper} is not in {cache}: run `awesome-tools refresh` to check this "
            f"entry against its paper"
        )
        found.append(PAPER_NOT_CACHED.at(loaded.path, line, column, message))
    record = records.get(arxiv_id(str(entry.url)) or "")
    if record is None:
        return found
    found += _title_problem(loaded, entry, record)
    why = date_problem(entry.released, entry.released_basis, record) if entry.released else None
    if why is not None:
        line, column = loaded.value_positions.get(("released",), (1, 1))
        found.append(RELEASED_VS_PAPER.at(loaded.path, line, column, why))
    return found
