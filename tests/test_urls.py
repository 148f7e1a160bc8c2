"""Hostile links: every entry point reports them (bad-url, title-link, import), none raises."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_table_lint import block

from awesome_tools.cli import main
from awesome_tools.core import arxiv
from awesome_tools.core.arxiv import paper_id
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.normalize import arxiv_id, normalize_url
from awesome_tools.core.urls import BadUrl, split_url
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.layouts.table.importer import plan_import
from awesome_tools.layouts.table.lint import lint_text
from conftest import GOOD

BRACKET = "a '[' or ']' in its host must enclose an IPv6 address"
PORT = "its port must be a number from 0 to 65535"
NFKC = "its host holds characters that change under Unicode normalization"
BACKSLASH = "a backslash is read as '/' by browsers and not by other tools; use '/'"
USERINFO = "a user name before '@' hides the real host; remove it"

# (link, why it cannot be read): most raised ValueError from urllib.parse.urlsplit.
HOSTILE = [
    ("https://example.com[", BRACKET),
    ("https://example.com]/a", BRACKET),
    ("https://[x/abs/2304.08485", BRACKET),
    ("https://[::1", BRACKET),
    ("https://[x]/", BRACKET),
    ("https://arxiv.org[/abs/2304.08485", BRACKET),
    ("https://example.org:b/", PORT),
    ("https://example.org:99999/", PORT),
    ("https://ex\uff0fample.org/", NFKC),
    # Not errors to urlsplit, but read differently by browsers, or a host in disguise.
    ("https://arxiv.org\\@evil.example/abs/2304.08485", BACKSLASH),
    ("https://arxiv.org\\abs\\2304.08485", BACKSLASH),
    ("https://arxiv.org@evil.example/abs/2304.08485", USERINFO),
    ("https://user:pass@arxiv.org/abs/2304.08485", USERINFO),
]
IDS = [link for link, _ in HOSTILE]

# (field, line and column of its value): `url` replaces the paper link, the others are added.
FIELDS = [("url", "4:6"), ("code", "5:7"), ("weights", "5:10"), ("figure.file", "6:9")]


def _entry(field: str, link: str) -> str:
    quoted = "'" + link + "'"
    if field == "url":
        return GOOD.replace("https://arxiv.org/abs/2304.08485", quoted)
    if field == "figure.file":
        extra = f"figure:\n  file: {quoted}\n  alt: The diagram.\n"
    else:
        extra = f"{field}: {quoted}\n"
    return GOOD.replace("architecture:", extra + "architecture:", 1)


@pytest.mark.parametrize(("link", "reason"), HOSTILE, ids=IDS)
def test_split_url_refuses_in_plain_words(link: str, reason: str) -> None:
    with pytest.raises(BadUrl) as caught:
        split_url(link)
    assert str(caught.value) == f"'{link}' is not a valid link: {reason}"
    assert (arxiv_id(link), normalize_url(link), paper_id(link)) == (None, None, None)


SPACE_FIX = "remove it, or write %20 where the link needs a space"

# (link, what split_url says, the index of the whitespace): an absolute link with whitespace.
SPACED = [
    ("https://arxiv.org/abs/2304.08485 v2", "a space at character 33", 32),
    ("https://arxiv.org/abs/2304.08485\u00a0v2", "U+00A0 (NO-BREAK SPACE) at character 33", 32),
    ("https:// arxiv.org/abs/2304.08485", "a space at character 9", 8),
    ("https://arxiv.org/a\u2003b", "U+2003 (EM SPACE) at character 20", 19),
    ("https://arxiv.org/a\u3000b", "U+3000 (IDEOGRAPHIC SPACE) at character 20", 19),
]


@pytest.mark.parametrize(("link", "what", "index"), SPACED, ids=[s[1] for s in SPACED])
def test_split_url_names_whitespace_and_where(link: str, what: str, index: int) -> None:
    with pytest.raises(BadUrl) as caught:
        split_url(link)
    assert caught.value.reason == f"it holds {what}; {SPACE_FIX}"
    assert caught.value.index == index


@pytest.mark.parametrize("text", ["not a link", "arxiv.org/abs/2304.08485 v2", "mailto:a b"])
def test_whitespace_in_text_that_is_no_absolute_link_is_left_to_the_caller(text: str) -> None:
    assert split_url(text).host == ""


def test_new_says_where_the_space_in_a_url_is(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "LLaVA 2", "--url", "https://arxiv.org/abs/2304.08485 v2"]) == 2
    assert capsys.readouterr().err == (
        "awesome-tools: --url 'https://arxiv.org/abs/2304.08485 v2' is not a valid link: "
        f"it holds a space at character 33; {SPACE_FIX}\n"
    )


def test_a_bracketed_ipv6_host_is_a_link() -> None:
    assert split_url("HTTPS://[::1]:8443/a?b#c") == split_url("https://[::1]:8443/a?b#c")
    assert split_url("https://[::1]:8443/a?b#c").host == "::1"
    assert split_url("https://[::1]:8443/a?b#c").port == 8443


@pytest.mark.parametrize(("field", "at"), FIELDS, ids=[f for f, _ in FIELDS])
@pytest.mark.parametrize(("link", "reason"), HOSTILE, ids=IDS)
def test_check_reports_bad_url_on_every_link_field(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    field: str,
    at: str,
    link: str,
    reason: str,
) -> None:
    expected = (
        f"entries/llava.yaml:{at}: error[bad-url] {field}: '{link}' is not a valid link: {reason}"
    )
    text = _entry(field, link)
    _, diagnostics = check_entries(
        [("entries/llava.yaml", text.encode())], categories=[], required=TABLE_REQUIRED
    )
    assert [d.text() for d in diagnostics] == [expected]
    (project / "entries" / "llava.yaml").write_text(text, encoding="utf-8")
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out == expected + "\n"
    assert err == "1 file checked: 1 error, 0 warnings\n"


@pytest.mark.parametrize(("link", "reason"), HOSTILE, ids=IDS)
def test_two_entries_with_one_hostile_link_are_reported_not_raised(
    project: Path, capsys: pytest.CaptureFixture[str], link: str, reason: str
) -> None:
    (project / "entries" / "llava.yaml").write_text(_entry("url", link), "utf-8")
    other = _entry("url", link).replace("name: LLaVA", "name: Other")
    (project / "entries" / "other.yaml").write_text(other, "utf-8")
    assert main(["check"]) == 1
    assert capsys.readouterr().out == "".join(
        f"entries/{name}.yaml:4:6: error[bad-url] url: '{link}' is not a valid link: {reason}\n"
        for name in ("llava", "other")
    )


@pytest.mark.parametrize(("link", "reason"), HOSTILE, ids=IDS)
def test_new_refuses_a_hostile_url(
    project: Path, capsys: pytest.CaptureFixture[str], link: str, reason: str
) -> None:
    assert main(["new", "LLaVA 2", "--url", link]) == 2
    assert capsys.readouterr().err == (
        f"awesome-tools: --url '{link}' is not a valid link: {reason}\n"
    )
    assert not (project / "entries" / "llava-2.yaml").exists()


@pytest.mark.parametrize(
    "pasted",
    [
        "https://arxiv.org/abs/[x",
        "https://arxiv.org[/abs/2304.08485",
        "https://[arxiv.org/abs/2304.08485",
        "arxiv.org]/abs/2304.08485",
        "arXiv:[2304.08485",
    ],
)
def test_new_from_arxiv_refuses_a_hostile_link_offline(
    project: Path, capsys: pytest.CaptureFixture[str], pasted: str
) -> None:
    assert main(["new", "--from-arxiv", pasted]) == 2
    assert capsys.readouterr().err == (
        "awesome-tools: --from-arxiv needs an arXiv id or link, like 2301.12597 or "
        f"https://arxiv.org/abs/2301.12597; got '{pasted}'\n"
    )


@pytest.mark.parametrize(("link", "reason"), HOSTILE, ids=IDS)
def test_new_refuses_a_hostile_api_address(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    link: str,
    reason: str,
) -> None:
    monkeypatch.setenv(arxiv.API_ENV, link)
    assert main(["new", "--from-arxiv", "2304.08485"]) == 2
    assert capsys.readouterr().err == (
        f"awesome-tools: {arxiv.API_ENV}: '{link}' is not a valid link: {reason}\n"
    )


def _readme(title_link: str = "https://arxiv.org/abs/2304.08485", figure: str = "") -> str:
    figure_line = f'<p><img src="{figure}" alt="d" /></p>\n' if figure else ""
    text = block(title=f'<a href="{title_link}">T</a>').replace(
        "<details>\n", "<details>\n" + figure_line
    )
    return "# List\n\n" + text


@pytest.mark.parametrize(("link", "reason"), HOSTILE, ids=IDS)
def test_lint_reports_a_hostile_title_link(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    link: str,
    reason: str,
) -> None:
    expected = f"list.md:6:9: error[title-link] Title link '{link}' is not a valid link: {reason}"
    text = _readme(title_link=link)
    assert [d.text() for d in lint_text(text, "list.md")] == [expected]
    (tmp_path / "list.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "list.md"]) == 1
    assert capsys.readouterr().out == expected + "\n"


@pytest.mark.parametrize(("link", "reason"), HOSTILE, ids=IDS)
def test_import_drops_a_hostile_figure_with_a_warning(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    link: str,
    reason: str,
) -> None:
    expected = (
        f"list.md:4:4: warning[import] figure '{link}' is not a valid link: {reason}; dropped"
    )
    text = _readme(figure=link)
    plan = plan_import(text.encode(), "list.md", categories_text=None, categories_path="c.yaml")
    assert [d.text() for d in plan.diagnostics] == [expected]
    (tmp_path / "entries").mkdir()
    (tmp_path / "list.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["import", "list.md"]) == 0
    assert capsys.readouterr().out == expected + "\n"
    assert "figure" not in (tmp_path / "entries" / "llava.yaml").read_text("utf-8")
    assert main(["check"]) == 0


@pytest.mark.parametrize(("link", "reason"), HOSTILE, ids=IDS)
def test_import_keeps_a_hostile_title_link_for_check_to_report(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    link: str,
    reason: str,
) -> None:
    (tmp_path / "entries").mkdir()
    (tmp_path / "list.md").write_text(_readme(title_link=link), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["import", "list.md"]) == 0
    capsys.readouterr()
    assert main(["check"]) == 1
    assert capsys.readouterr().out == (
        f"entries/llava.yaml:4:6: error[bad-url] url: '{link}' is not a valid link: {reason}\n"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://ARXIV.org./abs/2304.08485",
        "https://www.arxiv.org//abs/./2304.08485v1",
        "https://export.arxiv.org/pdf/2304.08485",
    ],
)
def test_new_sees_through_a_disguised_listed_paper(
    project: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    assert main(["new", "LLaVA 2", "--url", url]) == 1
    assert capsys.readouterr().err == (
        f"awesome-tools: the paper {url} is already listed in entries/llava.yaml; nothing written\n"
    )
    assert not (project / "entries" / "llava-2.yaml").exists()


def test_new_names_an_invisible_character_in_the_url(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "LLaVA 2", "--url", "https://arxiv.org/abs/2304.08485\u200b"]) == 2
    assert capsys.readouterr().err == (
        "awesome-tools: --url 'https://arxiv.org/abs/2304.08485\\u200b' is not a valid link: "
        "it holds the invisible character U+200B (ZERO WIDTH SPACE) at character 33; remove it\n"
    )
