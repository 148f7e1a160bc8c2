"""The rules of an entry's facts checked against its paper's arXiv metadata, as the list's cache
holds it (core/paperchecks.py), and of the cache file itself (core/papers.py)."""

from __future__ import annotations

from awesome_tools.rule import Example, Rule

# The examples' cache: one record of a fictional paper (ids numbered 99900 and above in a month
# are far beyond any month's submissions, so no real paper has one).
_CACHE = "data/arxiv.json"
_RECORD = """\
{
  "2401.99901": {
    "title": "A Fictional Connector for the Rule Examples",
    "authors": [
      "Ada Example"
    ],
    "published": "2024-01-15",
    "version": 2
  }
}
"""
_OWN = "url: https://arxiv.org/abs/2401.99901\ntitle: A Fictional Connector for the Rule Examples\n"

WRONG_PAPER = Rule(
    "wrong-paper",
    "entry",
    "The paper `url` links to has a title (from the list's arXiv cache) unlike the entry's "
    "`title`: the link may lead to another paper. Titles are compared without case, "
    "punctuation, accents or TeX markup; they differ when difflib's similarity ratio is "
    "below 0.8.",
    "Fix the link, or write the paper's title as `title` (the message shows both).",
    Example(
        "url: https://arxiv.org/abs/2401.99901\ntitle: Flamingo a Visual Language Model",
        1,
        6,
        kind="list",
        others=((_CACHE, _RECORD),),
    ),
    Example(
        "url: https://arxiv.org/abs/2401.99901\n"
        "title: 'A fictional connector for the rule examples'",
        kind="list",
        others=((_CACHE, _RECORD),),
    ),
)

RELEASED_VS_PAPER = Rule(
    "released-vs-paper",
    "entry",
    "`released` is before the first arXiv version of the entry's paper (`url`, its date from "
    "the list's arXiv cache) or more than 3 months after it; with `released_basis: arxiv-v1` "
    "it is not that version's month (or day, where `released` gives one). An entry whose date "
    "is of its official release says `released_basis: official-release` and is not compared.",
    "Write the date of the paper's first version, or say `released_basis: official-release` "
    "when the date is the model's announcement.",
    Example(_OWN + "released: 2023-01", 3, 11, kind="list", others=((_CACHE, _RECORD),)),
    Example(_OWN + "released: 2024-01", kind="list", others=((_CACHE, _RECORD),)),
)

PAPER_NOT_CACHED = Rule(
    "paper-not-cached",
    "entry",
    "An arXiv paper the entry links (`url`, `links`, `sources`) is not in the list's arXiv "
    "cache, so its facts are not checked (a warning; `--strict` fails on it). A list has a "
    "cache when awesome.yaml names one (`arxiv_cache`) or `data/arxiv.json` exists.",
    "Run `awesome-tools refresh` (or let the scheduled refresh workflow do it) and commit "
    "the cache.",
    Example(
        "url: https://arxiv.org/abs/2401.99902",
        1,
        6,
        kind="list",
        others=((_CACHE, _RECORD),),
    ),
    Example(_OWN, kind="list", others=((_CACHE, _RECORD),)),
    level="warning",
)

PAPER_CACHE = Rule(
    "paper-cache",
    "entry",
    "The list's arXiv cache (`data/arxiv.json`, or awesome.yaml's `arxiv_cache`) is not "
    "the JSON object of records `awesome-tools refresh` writes.",
    "Run `awesome-tools refresh` to write it anew (it is generated: never edit it by hand).",
    Example(
        _RECORD.replace('"published": "2024-01-15"', '"published": "January 2024"'),
        2,
        3,
        kind="list",
        path=_CACHE,
        whole=True,
    ),
    Example(_RECORD, kind="list", path=_CACHE, whole=True),
)

RULES = (WRONG_PAPER, RELEASED_VS_PAPER, PAPER_NOT_CACHED, PAPER_CACHE)
