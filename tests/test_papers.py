"""The list's arXiv cache: the API's Atom answer read (hostile inputs refused), the cache written
deterministically and read back, titles and dates compared. Inputs are fictional test papers."""

from __future__ import annotations

import pytest

from awesome_tools.core.arxiv import ArxivError, parse_feed
from awesome_tools.core.paperchecks import date_problem, similarity, title_key
from awesome_tools.core.papers import (
    AnswerError,
    Record,
    cache_text,
    kept,
    parse_answer,
    read_cache,
)
from conftest import FIXTURES

BATCH = (FIXTURES / "arxiv" / "refresh" / "fictional-batch.xml").read_bytes()
ONE = Record(
    "2401.99901",
    r"Fictional-VLM: A Made-Up $\alpha$-Connector for Test Fixtures",
    ("Ada Example", "Bruno Müller-Fixture"),
    "2024-01-15",
    2,
)
TWO = Record(
    "2402.99902",
    "Imaginary Encoders & 100% Synthetic Benchmarks",
    ("Chen Placeholder",),
    "2024-02-03",
    1,
)
OLD = Record("cs/9999999", "An Old-Style Fictional Identifier", ("Dana Nobody",), "2001-05-01", 1)
FEED = '<feed xmlns="http://www.w3.org/2005/Atom">{}</feed>'


def _entry(link: str, *, published: str = "2024-01-15T00:00:00Z", title: str = "T") -> str:
    return (
        f"<entry><id>{link}</id><published>{published}</published><title>{title}</title>"
        "<author><name>A</name></author></entry>"
    )


def test_an_answer_is_read_by_version_less_id() -> None:
    assert parse_answer(BATCH) == {ONE.id: ONE, TWO.id: TWO, OLD.id: OLD}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (FEED.format(""), {}),
        (
            FEED.format(_entry("http://arxiv.org/abs/2401.99903")),
            {"2401.99903": Record("2401.99903", "T", ("A",), "2024-01-15", None)},
        ),
        (
            FEED.format(_entry("http://arxiv.org/abs/2401.99903v12", title=" T\n  U ")),
            {"2401.99903": Record("2401.99903", "T U", ("A",), "2024-01-15", 12)},
        ),
    ],
    ids=["no entry", "no version", "a version, a title over lines"],
)
def test_answer_shapes(raw: str, expected: dict[str, Record]) -> None:
    assert parse_answer(raw.encode()) == expected


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>&b;</title></feed>'
)
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>&x;</title></feed>'
)
REFUSED = "it declares a document type or entities, which are refused"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (LAUGHS, REFUSED),
        (EXTERNAL, REFUSED),
        ('<!DOCTYPE feed SYSTEM "http://example.org/feed.dtd"><feed/>', REFUSED),
        ("<feed", "it is not well-formed XML: unclosed token: line 1, column 0"),
        ("<html><body>Rate exceeded.</body></html>", "it is not an Atom feed"),
        (
            FEED.format(
                "<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>"
                "<title>Error</title><summary>incorrect id format for 1234.12345</summary></entry>"
            ),
            "the arXiv API refused the query: incorrect id format for 1234.12345",
        ),
        (
            FEED.format(_entry("http://arxiv.org/abs/2401.99903v1") * 2),
            "it gives 2401.99903 twice",
        ),
        (
            FEED.format(_entry("https://example.org/paper")),
            "an entry's <id> is not an arXiv paper: 'https://example.org/paper'",
        ),
        (
            FEED.format(_entry("http://arxiv.org/abs/2401.99903", published="soon")),
            "2401.99903: no date in <published> ('soon')",
        ),
        (
            FEED.format(_entry("http://arxiv.org/abs/2401.99903", title=" ")),
            "2401.99903: no title",
        ),
    ],
    ids=[
        "billion laughs",
        "external entity",
        "external document type",
        "truncated",
        "not a feed",
        "an error entry",
        "a paper twice",
        "not an arXiv id",
        "no date",
        "no title",
    ],
)
def test_hostile_or_broken_answers_are_refused(raw: str, message: str) -> None:
    with pytest.raises(AnswerError) as info:
        parse_answer(raw.encode())
    assert str(info.value) == message


CACHE = """\
{
  "2401.99901": {
    "title": "Fictional-VLM: A Made-Up $\\\\alpha$-Connector for Test Fixtures",
    "authors": [
      "Ada Example",
      "Bruno Müller-Fixture"
    ],
    "published": "2024-01-15",
    "version": 2
  },
  "2402.99902": {
    "title": "Imaginary Encoders & 100% Synthetic Benchmarks",
    "authors": [
      "Chen Placeholder"
    ],
    "published": "2024-02-03",
    "version": 1
  }
}
"""


@pytest.mark.parametrize("order", [[ONE, TWO], [TWO, ONE]], ids=["sorted", "reversed"])
def test_the_cache_text_is_sorted_and_stable(order: list[Record]) -> None:
    assert cache_text(order) == CACHE


def test_the_cache_reads_back_what_it_wrote() -> None:
    assert read_cache(CACHE, "data/arxiv.json") == ({ONE.id: ONE, TWO.id: TWO}, [])
    assert cache_text([]) == "{}\n"


def test_records_no_longer_linked_are_dropped() -> None:
    assert kept({ONE.id: ONE, TWO.id: TWO}, [TWO.id, "2403.99903"]) == [TWO]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"2401.99901": ', "1:16: error[paper-cache] data/arxiv.json is not JSON (Expecting value): run `awesome-tools refresh` to write it anew"),
        ("[]", "1:1: error[paper-cache] data/arxiv.json holds an object of records by arXiv id"),
        ('{\n  "LLaVA": {}\n}', "2:3: error[paper-cache] 'LLaVA' is not a version-less arXiv id"),
        ('{\n  "2401.99901v2": {}\n}', "2:3: error[paper-cache] '2401.99901v2' is not a version-less arXiv id"),
        ('{\n  "2401.99901": {"title": "T"}\n}', "2:3: error[paper-cache] the record of 2401.99901 is an object of title, authors, published, version"),
        (CACHE.replace('"version": 2', '"version": 0'), "2:3: error[paper-cache] the version of 2401.99901 is not a number from 1"),
        (CACHE.replace('"version": 2', '"version": true'), "2:3: error[paper-cache] the version of 2401.99901 is not a number from 1"),
        (CACHE.replace('"2024-02-03"', '"Feb 2024"'), "11:3: error[paper-cache] the date of 2402.99902 is not YYYY-MM-DD"),
        (CACHE.replace('"Chen Placeholder"', "1"), "11:3: error[paper-cache] the authors of 2402.99902 are not a list of names"),
        (CACHE.replace('"Imaginary Encoders & 100% Synthetic Benchmarks"', '""'), "11:3: error[paper-cache] the title of 2402.99902 is not text"),
    ],
)  # fmt: skip
def test_a_broken_cache_is_reported_where_it_breaks(text: str, expected: str) -> None:
    records, problems = read_cache(text, "data/arxiv.json")
    assert [d.text() for d in problems] == [f"data/arxiv.json:{expected}"]
    assert set(records) <= {ONE.id, TWO.id}


@pytest.mark.parametrize(
    ("title", "key"),
    [
        (r"Fictional-VLM: A Made-Up $\alpha$-Connector", "fictional vlm a made up connector"),
        ("Caf\u00e9  \u00dcber  Models", "cafe uber models"),
        (r"Caf{\'e} {PaLI}", "cafe pali"),
        ("PALI: A JOINTLY-SCALED MODEL", "pali a jointly scaled model"),
    ],
)
def test_title_key(title: str, key: str) -> None:
    assert title_key(title) == key


@pytest.mark.parametrize(
    ("one", "other", "ratio"),
    [
        ("Imaginary Encoders & 100% Synthetic Benchmarks", "imaginary encoders: 100% synthetic benchmarks", 1.0),
        ("Imaginary Encoders & 100% Synthetic Benchmarks", "Imaginary Encoders and Synthetic Benchmarks", 0.93),
        ("Imaginary Encoders & 100% Synthetic Benchmarks", "An Old-Style Fictional Identifier", 0.24),
    ],
)  # fmt: skip
def test_similarity(one: str, other: str, ratio: float) -> None:
    assert round(similarity(one, other), 2) == ratio


@pytest.mark.parametrize(
    ("released", "basis", "problem"),
    [
        ("2024-01", None, None),
        ("2024-01-15", None, None),
        ("2024-04", None, None),
        ("2024-04-30", None, None),
        ("2024-05", None, "released 2024-05 is 4 months after the first version of arXiv 2401.99901 (2024-01-15), more than 3; write that date, or say `released_basis: official-release` if 2024-05 is the model's release"),
        ("2023-12", None, "released 2023-12 is before the first version of arXiv 2401.99901 (2024-01-15); write that date, or say `released_basis: official-release` if 2023-12 is the model's release"),
        ("2024-01-14", None, "released 2024-01-14 is before the first version of arXiv 2401.99901 (2024-01-15); write that date, or say `released_basis: official-release` if 2024-01-14 is the model's release"),
        ("2025-01", None, "released 2025-01 is 12 months after the first version of arXiv 2401.99901 (2024-01-15), more than 3; write that date, or say `released_basis: official-release` if 2025-01 is the model's release"),
        ("2023-01", "official-release", None),
        ("2025-01", "official-release", None),
        ("2024-01", "arxiv-v1", None),
        ("2024-01-15", "arxiv-v1", None),
        ("2024-02", "arxiv-v1", "released 2024-02 is not the first version of arXiv 2401.99901 (2024-01-15), as `released_basis: arxiv-v1` says"),
        ("2024-01-16", "arxiv-v1", "released 2024-01-16 is not the first version of arXiv 2401.99901 (2024-01-15), as `released_basis: arxiv-v1` says"),
    ],
)  # fmt: skip
def test_date_problem(released: str, basis: str | None, problem: str | None) -> None:
    assert date_problem(released, basis, ONE) == problem


@pytest.mark.parametrize("raw", [LAUGHS, EXTERNAL], ids=["billion laughs", "external entity"])
def test_new_from_arxiv_refuses_entities_too(raw: str) -> None:
    with pytest.raises(ArxivError) as info:
        parse_feed(raw.encode(), "2401.99901")
    assert str(info.value) == (
        "the arXiv API sent a malformed answer for 2401.99901: it declares a document type or "
        "entities, which are refused"
    )
