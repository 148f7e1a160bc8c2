"""`awesome-tools refresh` and the checks `check` makes offline from the cache it writes: exit
codes, exact messages and positions. The network is never reached: the fetch is replaced."""

from __future__ import annotations

import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core import arxiv
from awesome_tools.core.arxiv import ArxivUnreachable
from conftest import FIXTURES, entry_text

BATCH = FIXTURES / "arxiv" / "refresh" / "fictional-batch.xml"
TITLE = r"'Fictional-VLM: A Made-Up $\alpha$-Connector for Test Fixtures'"
OFFLINE = (
    "nothing written; run it again later, or fill the cache from a saved answer with --from FILE"
)


@pytest.fixture
def papers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A list keeping an arXiv cache, with one entry linking two fictional papers; `check`
    and `--from` must never reach the network."""
    (tmp_path / "entries").mkdir()
    (tmp_path / "awesome.yaml").write_text("arxiv_cache: data/arxiv.json\n", "utf-8")
    (tmp_path / "categories.yaml").write_text("- Encoders\n", "utf-8")
    _entry(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def no_network(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the network was reached")

    monkeypatch.setattr(arxiv, "fetch_url", no_network)
    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    yield tmp_path


def _entry(root: Path, *, title: str = TITLE, released: str = "2024-01", more: str = "") -> None:
    text = entry_text(
        "Fictional-VLM",
        "https://arxiv.org/abs/2401.99901",
        **{"title: 'LLaVA: Large Language and Vision Assistant'": f"title: {title}"},
    )
    text += f"released: {released}\nlinks:\n- kind: paper\n  url: https://arxiv.org/abs/2402.99902\n{more}"
    (root / "entries" / "fictional-vlm.yaml").write_text(text, "utf-8")


def _check(capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, list[str]]:
    code = main(["check", *flags])
    return code, capsys.readouterr().out.splitlines()


def _refresh(capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, list[str]]:
    code = main(["refresh", *flags])
    return code, capsys.readouterr().err.splitlines()


NOT_CACHED = [
    "entries/fictional-vlm.yaml:4:6: warning[paper-not-cached] arXiv 2401.99901 is not in data/arxiv.json: run `awesome-tools refresh` to check this entry against its paper",
    "entries/fictional-vlm.yaml:19:8: warning[paper-not-cached] arXiv 2402.99902 is not in data/arxiv.json: run `awesome-tools refresh` to check this entry against its paper",
]  # fmt: skip


@pytest.mark.parametrize(("flags", "code"), [((), 0), (("--strict",), 1)])
def test_without_a_cache_file_check_notes_each_paper(
    papers: Path, capsys: pytest.CaptureFixture[str], flags: tuple[str, ...], code: int
) -> None:
    assert _check(capsys, *flags) == (code, NOT_CACHED)


def test_a_list_that_keeps_no_cache_is_not_told_of_one(
    papers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (papers / "awesome.yaml").unlink()
    assert _check(capsys, "--strict") == (0, [])


def test_refresh_from_a_saved_answer_writes_the_cache_once(
    papers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _refresh(capsys, "--from", str(BATCH)) == (
        0,
        ["wrote data/arxiv.json: 2 of 2 linked papers"],
    )
    cache = papers / "data" / "arxiv.json"
    written = cache.read_text("utf-8")
    # cs/9999999 is in the answer but no entry links it.
    assert list(_ids(written)) == ["2401.99901", "2402.99902"]
    before = os.stat(cache)
    assert _refresh(capsys, "--from", str(BATCH)) == (
        0,
        ["unchanged data/arxiv.json: 2 of 2 linked papers"],
    )
    assert os.stat(cache).st_mtime_ns == before.st_mtime_ns
    assert os.stat(cache).st_ino == before.st_ino
    assert _check(capsys) == (0, [])


def _ids(text: str) -> Iterator[str]:
    import json

    yield from json.loads(text)


def test_refresh_drops_papers_no_longer_linked(
    papers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _refresh(capsys, "--from", str(BATCH))[0] == 0
    text = (papers / "entries" / "fictional-vlm.yaml").read_text("utf-8")
    (papers / "entries" / "fictional-vlm.yaml").write_text(text.split("links:")[0], "utf-8")
    assert _refresh(capsys, "--from", str(BATCH)) == (
        0,
        ["wrote data/arxiv.json: 1 of 1 linked papers"],
    )
    assert list(_ids((papers / "data" / "arxiv.json").read_text("utf-8"))) == ["2401.99901"]


WRONG = "entries/fictional-vlm.yaml:4:6: error[wrong-paper] url links arXiv 2401.99901, titled 'Fictional-VLM: A Made-Up $\\alpha$-Connector for Test Fixtures', but title is 'Imaginary Encoders & 100% Synthetic Benchmarks' (similarity 0.23, below 0.80): a link to another paper?"
BEFORE = "entries/fictional-vlm.yaml:16:11: error[released-vs-paper] released 2023-01 is before the first version of arXiv 2401.99901 (2024-01-15); write that date, or say `released_basis: official-release` if 2023-01 is the model's release"
LATE = "entries/fictional-vlm.yaml:16:11: error[released-vs-paper] released 2025-01 is 12 months after the first version of arXiv 2401.99901 (2024-01-15), more than 3; write that date, or say `released_basis: official-release` if 2025-01 is the model's release"


@pytest.mark.parametrize(
    ("changes", "code", "out"),
    [
        ({}, 0, []),
        ({"title": "'Imaginary Encoders & 100% Synthetic Benchmarks'"}, 1, [WRONG]),
        ({"released": "2023-01"}, 1, [BEFORE]),
        ({"released": "2025-01"}, 1, [LATE]),
        ({"released": "2025-01", "more": "released_basis: official-release\n"}, 0, []),
        (
            {"more": "sources:\n- https://arxiv.org/abs/2403.99903\n"},
            0,
            ["entries/fictional-vlm.yaml:21:3: warning[paper-not-cached] arXiv 2403.99903 is not in data/arxiv.json: run `awesome-tools refresh` to check this entry against its paper"],
        ),
    ],
    ids=["clean", "wrong paper", "before v1", "a year after v1", "official release", "a source not cached"],
)  # fmt: skip
def test_check_from_the_cache(
    papers: Path,
    capsys: pytest.CaptureFixture[str],
    changes: dict[str, str],
    code: int,
    out: list[str],
) -> None:
    assert _refresh(capsys, "--from", str(BATCH))[0] == 0
    _entry(papers, **changes)
    assert _check(capsys) == (code, out)


def test_the_cache_supersedes_the_month_of_the_id(
    papers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _entry(papers, released="2023-01")
    assert _check(capsys)[1][1] == (
        "entries/fictional-vlm.yaml:16:11: warning[released-mismatch] released 2023-01 is 12 "
        "months from the arXiv id 2401.99901 (2024-01); check the date"
    )
    assert _refresh(capsys, "--from", str(BATCH))[0] == 0
    assert _check(capsys) == (1, [BEFORE])


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (b"<feed", "cannot read the answer: it is not well-formed XML: unclosed token: line 1, column 0"),
        (b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "cannot read the answer: it declares a document type or entities, which are refused"),
    ],
)  # fmt: skip
def test_an_unreadable_answer_writes_nothing(
    papers: Path, capsys: pytest.CaptureFixture[str], answer: bytes, message: str
) -> None:
    (papers / "answer.xml").write_bytes(answer)
    assert _refresh(capsys, "--from", "answer.xml") == (
        1,
        [f"awesome-tools: answer.xml: {message}; nothing written"],
    )
    assert not (papers / "data").exists()


def test_a_missing_answer_file_is_a_usage_error(
    papers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _refresh(capsys, "--from", "nowhere.xml") == (
        2,
        ["awesome-tools: No such file or directory: nowhere.xml"],
    )


def test_refresh_asks_the_api_in_one_batch(
    papers: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(url: str, *, base: str, timeout: float, what: str) -> bytes:
        asked.append(url)
        return BATCH.read_bytes()

    monkeypatch.setattr(arxiv, "fetch_url", answer)
    monkeypatch.setenv(arxiv.API_ENV, "http://127.0.0.1:9/api/query")
    assert _refresh(capsys) == (0, ["wrote data/arxiv.json: 2 of 2 linked papers"])
    assert asked == ["http://127.0.0.1:9/api/query?id_list=2401.99901%2C2402.99902&max_results=2"]


def test_an_unreachable_api_is_tried_with_backoff_then_one_line(
    papers: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []

    def down(url: str, *, base: str, timeout: float, what: str) -> bytes:
        raise ArxivUnreachable(f"could not reach the arXiv API at {base}: Connection refused")

    monkeypatch.setattr(arxiv, "fetch_url", down)
    monkeypatch.setattr(arxiv.time, "sleep", waits.append)
    monkeypatch.setenv(arxiv.API_ENV, "http://127.0.0.1:9/api/query")
    assert _refresh(capsys) == (
        1,
        [
            "awesome-tools: could not reach the arXiv API at http://127.0.0.1:9/api/query: "
            f"Connection refused; {OFFLINE}"
        ],
    )
    assert waits == [3.0, 6.0, 12.0]
    assert not (papers / "data").exists()


def test_batches_are_spaced_and_each_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    asked: list[str] = []
    failures = iter([True, False, False, False])

    def flaky(url: str, *, base: str, timeout: float, what: str) -> bytes:
        asked.append(what)
        if next(failures):
            raise ArxivUnreachable("the arXiv API answered HTTP 503 Service Unavailable")
        return b"answer"

    monkeypatch.setattr(arxiv, "fetch_url", flaky)
    monkeypatch.setattr(arxiv, "BATCH", 2)
    ids = ["2401.99901", "2401.99902", "2401.99903"]
    found = list(arxiv.fetch_batches(ids, base="http://x/api", sleep=waits.append))
    assert found == [b"answer", b"answer"]
    assert asked == ["2401.99901 and 1 more", "2401.99901 and 1 more", "2401.99903"]
    assert waits == [3.0, 3.0]


def test_a_cache_out_of_the_list_is_refused(
    papers: Path, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "arxiv.json"
    (papers / "data").mkdir()
    (papers / "data" / "arxiv.json").symlink_to(outside)
    code, err = _refresh(capsys, "--from", str(BATCH))
    assert code == 1
    assert not outside.exists()
    assert err[-1] == (
        "awesome-tools: refusing to write data/arxiv.json: it is a link out of the project; "
        "nothing written"
    )
