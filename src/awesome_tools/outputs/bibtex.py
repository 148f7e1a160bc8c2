"""Entries as BibTeX records (`export bibtex`) from the list's arXiv cache, and the list's
CITATION.cff from its settings (`export cff`): text, in a stable order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import yaml

from awesome_tools.core.normalize import arxiv_id, slugify
from awesome_tools.core.ordering import sort_key
from awesome_tools.core.papers import Record
from awesome_tools.core.schema import Entry
from awesome_tools.core.settings import Settings

# Every character BibTeX or LaTeX reads as markup, written as text: values are plain text
# (a TeX command in an arXiv title is written as its characters, never run).
_SPECIALS = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "$": r"\$",
        "&": r"\&",
        "%": r"\%",
        "#": r"\#",
        "_": r"\_",
        "^": r"\^{}",
        "~": r"\~{}",
    }
)
# What a URL may hold that would end or break a braced BibTeX value, percent-encoded.
_URL = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"})
CFF_VERSION = "1.2.0"


def bibtex_text(value: str) -> str:
    """Plain text as a braced BibTeX value holds it: every special character escaped."""
    return value.translate(_SPECIALS)


def _author(name: str) -> str:
    """One author of an `author` field: a name BibTeX would split (a comma, the word `and`)
    kept whole in braces."""
    text = bibtex_text(name)
    return f"{{{text}}}" if "," in name or " and " in f" {name.lower()} " else text


def _record(key: str, fields: list[tuple[str, str]], comment: str | None) -> str:
    lines = [f"% {comment}"] if comment else []
    lines.append(f"@misc{{{key},")
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    return "\n".join([*lines, "}"]) + "\n"


def bibtex_entry(entry: Entry, records: Mapping[str, Record]) -> tuple[str, bool]:
    """One entry's BibTeX record, and whether its paper was in the cache (when not, the record
    is written from the entry's own title, date and link, with a comment that says so)."""
    key = slugify(entry.name)
    paper = arxiv_id(str(entry.url))
    record = records.get(paper) if paper else None
    if record is None:
        fields = [("title", bibtex_text(entry.title))]
        fields += [("year", entry.released[:4])] if entry.released else []
        fields.append(("url", str(entry.url).translate(_URL)))
        why = "no arXiv paper" if paper is None else f"arXiv {paper} is not in the cache"
        # The key, not the name, in the comment: BibTeX reads an `@` anywhere as a record.
        return _record(key, fields, f"{key}: {why}; from the entry's own fields"), False
    fields = [("title", bibtex_text(record.title))]
    if record.authors:
        fields.append(("author", " and ".join(_author(name) for name in record.authors)))
    fields += [
        ("year", record.published[:4]),
        ("eprint", record.id),
        ("archivePrefix", "arXiv"),
        ("url", f"https://arxiv.org/abs/{record.id}"),
    ]
    return _record(key, fields, None), True


def to_bibtex(entries: Sequence[Entry], records: Mapping[str, Record]) -> tuple[str, int]:
    """Every entry's BibTeX record, by name, a blank line between; how many were not cached."""
    made = [bibtex_entry(entry, records) for entry in sorted(entries, key=sort_key)]
    return "\n".join(text for text, _ in made), sum(not cached for _, cached in made)


def citation_cff(settings: Settings) -> str:
    """The list's CITATION.cff (Citation File Format 1.2.0): its title, authors and link from
    awesome.yaml; each author written as CFF's `name`."""
    data: dict[str, object] = {
        "cff-version": CFF_VERSION,
        "message": "If you use this list, please cite it as below.",
        "type": "dataset",
        "title": settings.title,
        "authors": [{"name": name} for name in settings.authors],
    }
    if settings.url:
        data["url"] = settings.url
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
