"""`awesome-tools new --from-arxiv`: title, link and date from a local stand-in for the arXiv API."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from awesome_tools.cli import main
from awesome_tools.core import arxiv
from awesome_tools.core.arxiv import (
    ArxivError,
    Paper,
    default_name,
    paper_id,
    parse_feed,
    query_url,
)
from conftest import FIXTURES, entry_text

RECORDED = FIXTURES / "arxiv"
BLIP2 = "2301.12597"
BLIP2_TITLE = (
    "BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and "
    "Large Language Models"
)
# Recorded answers that are not a paper: the id the stand-in serves each under, the file, and
# what `new` says.
RECORDED_ERRORS = [
    ("2301.99999", "2301.99999.xml", "arXiv has no paper 2301.99999"),
    (
        "1234.12345",
        "1234.12345.xml",
        "the arXiv API refused 1234.12345: incorrect id format for 1234.12345",
    ),
    (
        "2301.00001",
        "truncated.xml",
        "the arXiv API sent a malformed answer for 2301.00001: no element found: line 15, column 0",
    ),
]
ROUTES = {BLIP2: f"{BLIP2}.xml", **{paper: name for paper, name, _ in RECORDED_ERRORS}}
FAILING = "2301.00500"  # answers HTTP 500
SILENT = "2301.00002"  # accepts the connection, never answers
TRICKLING = "2301.00003"  # answers one byte at a time, without end
HANGING_UP = "2301.00004"  # closes the connection without an answer


@dataclass
class Api:
    """The stand-in's address and the request paths it received."""

    url: str
    requests: list[str]


def _handler(requests: list[str], release: threading.Event) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            paper = parse_qs(urlsplit(self.path).query).get("id_list", [""])[0]
            if paper == SILENT:
                release.wait(30)
            elif paper == HANGING_UP:
                self.close_connection = True
            elif paper == FAILING:
                self.send_error(500)
            elif paper == TRICKLING:
                self.send_response(200)
                self.send_header("Content-Length", "1000000")
                self.end_headers()
                try:
                    while not release.wait(0.02):
                        self.wfile.write(b" ")
                except OSError:
                    pass  # the client gave up, as it should
            else:
                body = (RECORDED / ROUTES[paper]).read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "application/atom+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Keep the server's log out of the captured stderr."""

    return Handler


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[Api]:
    """Serve the recorded answers on 127.0.0.1 and point AWESOME_TOOLS_ARXIV_API at them."""
    requests: list[str] = []
    release = threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(requests, release))
    # A short poll lets shutdown() return at once instead of after the default half second.
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/api/query"
    monkeypatch.setenv(arxiv.API_ENV, url)
    yield Api(url, requests)
    release.set()
    server.shutdown()
    server.server_close()
    thread.join()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _fill(text: str) -> str:
    """Replace every placeholder the way a contributor would."""
    return re.sub(r'"TODO: [^"]*"', '"Written by hand."', text)


def _entry_files(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "entries").iterdir())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2301.12597", "2301.12597"),
        ("2301.12597v2", "2301.12597"),
        (" 2301.12597 ", "2301.12597"),
        ("arXiv:2301.12597v1", "2301.12597"),
        ("0704.0001", "0704.0001"),
        ("https://arxiv.org/abs/2301.12597", "2301.12597"),
        ("https://arxiv.org/pdf/2301.12597v1.pdf", "2301.12597"),
        ("http://export.arxiv.org/abs/2301.12597v3", "2301.12597"),
        ("arxiv.org/abs/2301.12597", "2301.12597"),
        ("cs/0112017", "cs/0112017"),
        ("cs/0112017v1", "cs/0112017"),
        ("https://arxiv.org/abs/cs/0112017", "cs/0112017"),
        ("BLIP-2", None),
        ("2301.125", None),
        ("2301.12597?x=1", None),
        ("https://example.org/abs/2301.12597", None),
        ("https://arxiv.org/list/cs.CV/recent", None),
        ("", None),
    ],
)
def test_paper_id(text: str, expected: str | None) -> None:
    assert paper_id(text) == expected


@pytest.mark.parametrize(
    ("title", "name"),
    [
        (BLIP2_TITLE, "BLIP-2"),
        ("Flamingo : a Visual  Language Model", "Flamingo"),
        ("Visual Instruction Tuning", "Visual Instruction Tuning"),
        (": A Title Without a Name", ": A Title Without a Name"),
    ],
)
def test_default_name(title: str, name: str) -> None:
    assert default_name(title) == name


def test_query_url_encodes_old_style_ids() -> None:
    base = "http://export.arxiv.org/api/query"
    assert query_url("cs/0112017", base=base) == f"{base}?id_list=cs%2F0112017"
    assert query_url(BLIP2, base=f"{base}?x=1") == f"{base}?x=1&id_list={BLIP2}"


def test_parse_feed_reads_title_and_first_version_date() -> None:
    raw = (RECORDED / f"{BLIP2}.xml").read_bytes()
    assert parse_feed(raw, BLIP2) == Paper(BLIP2, BLIP2_TITLE, "2023-01-30")


@pytest.mark.parametrize(("paper", "fixture", "message"), RECORDED_ERRORS)
def test_parse_feed_refuses_what_is_not_a_paper(paper: str, fixture: str, message: str) -> None:
    with pytest.raises(ArxivError) as info:
        parse_feed((RECORDED / fixture).read_bytes(), paper)
    assert str(info.value) == message


_BLIP2_FEED = (RECORDED / f"{BLIP2}.xml").read_text("utf-8")


@pytest.mark.parametrize(
    ("raw", "paper", "message"),
    [
        (
            "<html><body>Rate exceeded.</body></html>",
            BLIP2,
            "the arXiv API sent a malformed answer for 2301.12597: not an Atom feed",
        ),
        (
            _BLIP2_FEED,
            "2304.08485",
            "the arXiv API sent a malformed answer for 2304.08485: "
            "its entry is for another paper, 2301.12597",
        ),
        (
            _BLIP2_FEED.replace("2023-01-30T18:58:12Z", "yesterday"),
            BLIP2,
            "the arXiv API sent a malformed answer for 2301.12597: "
            "no date in <published> ('yesterday')",
        ),
        (
            re.sub(r"<title>BLIP-2[^<]*</title>", "<title> </title>", _BLIP2_FEED),
            BLIP2,
            "the arXiv API sent a malformed answer for 2301.12597: no title",
        ),
    ],
)
def test_parse_feed_refuses_a_malformed_entry(raw: str, paper: str, message: str) -> None:
    with pytest.raises(ArxivError) as info:
        parse_feed(raw.encode("utf-8"), paper)
    assert str(info.value) == message


def test_new_fills_in_the_paper(
    project: Path, api: Api, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--from-arxiv", BLIP2]) == 0
    assert capsys.readouterr().err == (
        "created entries/blip-2.yaml: replace each TODO, then run `awesome-tools render` "
        "(`awesome-tools check entries/blip-2.yaml` lists what is left)\n"
    )
    assert api.requests == [f"/api/query?id_list={BLIP2}"]
    path = project / "entries" / "blip-2.yaml"
    lines = path.read_text("utf-8").splitlines()
    assert 'name: "BLIP-2"' in lines
    assert f'title: "{BLIP2_TITLE}"' in lines
    assert 'url: "https://arxiv.org/abs/2301.12597"' in lines
    assert 'released: "2023-01-30"' in lines
    assert main(["check", "entries/blip-2.yaml"]) == 1
    path.write_text(_fill(path.read_text("utf-8")), encoding="utf-8")
    assert main(["check"]) == 0


@pytest.mark.parametrize(
    ("args", "file", "name"),
    [
        (["--from-arxiv", "https://arxiv.org/abs/2301.12597"], "blip-2.yaml", "BLIP-2"),
        (["--from-arxiv", "https://arxiv.org/pdf/2301.12597v1.pdf"], "blip-2.yaml", "BLIP-2"),
        (["--from-arxiv", "2301.12597v2"], "blip-2.yaml", "BLIP-2"),
        (["--from-arxiv", BLIP2, "--name", "BLIP-2 OPT"], "blip-2-opt.yaml", "BLIP-2 OPT"),
        (["BLIP2", "--from-arxiv", BLIP2], "blip2.yaml", "BLIP2"),
    ],
)
def test_new_takes_links_versions_and_a_name(
    project: Path,
    api: Api,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    file: str,
    name: str,
) -> None:
    assert main(["new", *args]) == 0
    assert api.requests == [f"/api/query?id_list={BLIP2}"]
    lines = (project / "entries" / file).read_text("utf-8").splitlines()
    assert f'name: "{name}"' in lines
    assert f'title: "{BLIP2_TITLE}"' in lines
    assert 'url: "https://arxiv.org/abs/2301.12597"' in lines
    assert 'released: "2023-01-30"' in lines
    assert _entry_files(project) == sorted(["llava.yaml", file])


def test_interactive_does_not_ask_for_what_arxiv_gave(
    project: Path, api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts: list[str] = []

    def answer(prompt: str = "") -> str:
        prompts.append(prompt)
        if "Include it?" in prompt:
            return "n"
        return "" if "[optional" in prompt else "Written by hand."

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    assert main(["new", "--from-arxiv", BLIP2, "-i"]) == 0
    asked = [prompt.split(":")[0] for prompt in prompts]
    assert asked[0] == "category"
    assert not {"title", "url", "released"} & set(asked)
    assert f'title: "{BLIP2_TITLE}"' in (project / "entries" / "blip-2.yaml").read_text("utf-8")
    assert main(["check"]) == 0


@pytest.mark.parametrize(("paper", "fixture", "message"), RECORDED_ERRORS)
def test_new_reports_what_is_not_a_paper(
    project: Path,
    api: Api,
    capsys: pytest.CaptureFixture[str],
    paper: str,
    fixture: str,
    message: str,
) -> None:
    assert main(["new", "--from-arxiv", paper]) == 1
    assert capsys.readouterr().err == f"awesome-tools: {message}\n"
    assert api.requests == [f"/api/query?id_list={paper}"]
    assert _entry_files(project) == ["llava.yaml"]


@pytest.mark.parametrize(
    ("paper", "message"),
    [
        (FAILING, "the arXiv API answered HTTP 500 Internal Server Error for 2301.00500"),
        (SILENT, "the arXiv API did not answer within 0.5 s"),
        (TRICKLING, "the arXiv API did not answer within 0.5 s"),
        (
            HANGING_UP,
            "the arXiv API at {api} broke off its answer: "
            "Remote end closed connection without response",
        ),
    ],
)
def test_new_reports_a_failing_api(
    project: Path,
    api: Api,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paper: str,
    message: str,
) -> None:
    monkeypatch.setattr(arxiv, "TIMEOUT", 0.5)
    start = time.monotonic()
    assert main(["new", "--from-arxiv", paper]) == 1
    assert time.monotonic() - start < 5
    assert capsys.readouterr().err == (
        f"awesome-tools: {message.format(api=api.url)}; without arXiv, give the title and link "
        f"yourself: awesome-tools new NAME --title TITLE --url https://arxiv.org/abs/{paper}\n"
    )
    assert api.requests == [f"/api/query?id_list={paper}"]
    assert _entry_files(project) == ["llava.yaml"]


# (the command line after `new`, how the printed command gives the same without arXiv)
OFFLINE = [
    (["--from-arxiv", BLIP2], "NAME --title TITLE --url https://arxiv.org/abs/2301.12597"),
    (
        ["BLIP 2", "--from-arxiv", "arXiv:2301.12597v2", "--category", "Vision encoders", "-i"],
        "'BLIP 2' --title TITLE --url https://arxiv.org/abs/2301.12597 "
        "--category 'Vision encoders' -i",
    ),
    (
        ["--name", "BLIP-2", "--from-arxiv", "https://arxiv.org/pdf/2301.12597"],
        "BLIP-2 --title TITLE --url https://arxiv.org/abs/2301.12597",
    ),
]


@pytest.mark.parametrize(("args", "command"), OFFLINE, ids=[" ".join(a) for a, _ in OFFLINE])
def test_new_reports_no_network_and_the_command_without_arxiv(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    command: str,
) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/api/query"
    monkeypatch.setenv(arxiv.API_ENV, url)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    (project / "categories.yaml").write_text("- Vision encoders\n", "utf-8")
    assert main(["new", *args]) == 1
    assert capsys.readouterr().err == (
        f"awesome-tools: could not reach the arXiv API at {url}: Connection refused; without "
        f"arXiv, give the title and link yourself: awesome-tools new {command}\n"
    )
    assert _entry_files(project) == ["llava.yaml"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--from-arxiv", "https://arxiv.org/pdf/2304.08485v3"],
            "the paper https://arxiv.org/abs/2304.08485 is already listed in entries/llava.yaml",
        ),
        (["LLaVA", "--from-arxiv", BLIP2], "entries/llava.yaml exists"),
        (["--name", "llava", "--from-arxiv", BLIP2], "entries/llava.yaml exists"),
    ],
)
def test_new_refuses_a_listed_paper_before_asking_arxiv(
    project: Path, api: Api, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    original = (project / "entries" / "llava.yaml").read_bytes()
    assert main(["new", *args]) == 1
    assert capsys.readouterr().err == f"awesome-tools: {message}; nothing written\n"
    assert api.requests == []
    assert _entry_files(project) == ["llava.yaml"]
    assert (project / "entries" / "llava.yaml").read_bytes() == original


@pytest.mark.parametrize(
    ("file", "name", "message"),
    [
        ("blip-2.yaml", "BLIP 2", "entries/blip-2.yaml exists"),
        ("blip.yaml", "BLIP-2", "'BLIP-2' is already listed in entries/blip.yaml"),
    ],
)
def test_new_refuses_a_listed_name_from_the_title(
    project: Path,
    api: Api,
    capsys: pytest.CaptureFixture[str],
    file: str,
    name: str,
    message: str,
) -> None:
    other = entry_text(name, "https://example.org/blip")
    (project / "entries" / file).write_text(other, encoding="utf-8")
    assert main(["new", "--from-arxiv", BLIP2]) == 1
    assert capsys.readouterr().err == f"awesome-tools: {message}; nothing written\n"
    assert api.requests == [f"/api/query?id_list={BLIP2}"]
    assert _entry_files(project) == sorted(["llava.yaml", file])
    assert (project / "entries" / file).read_text("utf-8") == other


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "new needs the model's NAME, or --from-arxiv ID_OR_URL to take it from a paper"),
        (
            ["--from-arxiv", "BLIP-2"],
            "--from-arxiv needs an arXiv id or link, like 2301.12597 or "
            "https://arxiv.org/abs/2301.12597; got 'BLIP-2'",
        ),
        (
            ["--from-arxiv", "https://example.org/abs/2301.12597"],
            "--from-arxiv needs an arXiv id or link, like 2301.12597 or "
            "https://arxiv.org/abs/2301.12597; got 'https://example.org/abs/2301.12597'",
        ),
        (
            ["--from-arxiv", BLIP2, "--url", "https://arxiv.org/abs/2301.12597"],
            "--from-arxiv takes the title and link from the paper: leave out --title/--url",
        ),
        (["X", "--name", "Y"], "give the model's name once: as NAME or as --name"),
        (
            ["--from-arxiv", BLIP2, "--name", "视觉"],
            "'视觉' has no ASCII letter or digit to build a file name from",
        ),
        (
            ["--from-arxiv", BLIP2, "--category", "Encoder"],
            "unknown category 'Encoder'; categories.yaml lists: Encoders",
        ),
        (["--from-arxiv", BLIP2, "-i"], "--interactive needs a terminal"),
    ],
)
def test_usage_errors_ask_nothing_and_write_nothing(
    project: Path, api: Api, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["new", *args]) == 2
    assert capsys.readouterr().err == f"awesome-tools: {message}\n"
    assert api.requests == []
    assert _entry_files(project) == ["llava.yaml"]


def test_api_address_must_be_http(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(arxiv.API_ENV, "file:///etc/passwd")
    assert main(["new", "--from-arxiv", BLIP2]) == 2
    assert capsys.readouterr().err == (
        "awesome-tools: AWESOME_TOOLS_ARXIV_API must be an http:// or https:// address, "
        "got 'file:///etc/passwd'\n"
    )
    assert _entry_files(project) == ["llava.yaml"]


def test_plain_new_still_needs_no_network(project: Path, api: Api) -> None:
    assert main(["new", "LLaVA 2", "--url", "https://arxiv.org/abs/2401.00001"]) == 0
    assert api.requests == []
