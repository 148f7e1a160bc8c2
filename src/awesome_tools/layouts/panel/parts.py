"""The panel layout's shapes as data: the lines a panel is made of, read and written alike."""

from __future__ import annotations

import re
from urllib.parse import quote

from mdit_py_plugins.anchors.index import slugify

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def readme_lines(text: str) -> list[str]:
    """A README's lines as CommonMark (markdown-it, GitHub) splits them: at LF, CRLF or a lone
    CR, so that a line index is the same to the panel reader and to markdown-it's tokens."""
    return _LINE_BREAK.split(text)


# A panel's heading: `## **Name: Title**` or `### **Name: Title**` (the README chooses).
HEADING = re.compile(r"^(?P<hashes>#{2,3}) \*\*(?P<title>.+?)\*\*[ \t]*$")
LEVELS = (2, 3)
DEFAULT_LEVEL = 3  # the panel layout's own: `### **Name: Title**`
SECTION = re.compile(r"^## ")
ATX = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*$")
BOLD = re.compile(r"^\*\*.+\*\*$")
# A label's `\`, `[` and `]` are backslash-escaped (`label_text`), so that one cannot end it.
BADGE = re.compile(r"\[!\[(?P<label>(?:[^\]\\]|\\.)*)\]\((?P<badge>[^)]*)\)\]\((?P<url>[^)\s]+)\)")
_LABEL_MARKUP = re.compile(r"([\\\[\]])")
_LABEL_ESCAPE = re.compile(r"\\([\\\[\]])")


def label_markdown(label: str) -> str:
    r"""A badge's label as the README writes it inside `[![...]`: `\`, `[` and `]` escaped."""
    return _LABEL_MARKUP.sub(r"\\\1", label)


def label_text(written: str) -> str:
    """A badge's label as written back to its text."""
    return _LABEL_ESCAPE.sub(r"\1", written)


RELEASED = re.compile(r"^\*\*Released:\*\*[ \t]*(?P<date>\S+)[ \t]*$")
# A figure's comments name it by a number (its place) or a slug (its entry's), as the list's
# `figure_markers` setting says; import and lint read both, and any other name of one word, so
# that a hand-named figure is still a figure (import writes it back named as the setting says).
_MARKER = r"(?P<id>\S+?)"
FIGURE_OPEN = re.compile(rf"^<!-- architecture-figure:{_MARKER} -->[ \t]*$")
FIGURE_CLOSE = re.compile(rf"^<!-- /architecture-figure:{_MARKER} -->[ \t]*$")
IMAGE = re.compile(
    r'^\s*<img src="(?P<src>[^"]*)"(?: alt="(?P<alt>[^"]*)")?(?: width="(?P<width>[0-9]+)")?\s*/?>'
    r"[ \t]*$"
)
NOTICE = '<a href="assets/architectures/FIGURE_NOTICE.md">Figure notice</a>'
CAPTION = re.compile(
    r'^<p align="center"><sub><b>(?:Figure (?P<number>[0-9]+)|Official architecture diagram)\.</b> '
    r'(?P<caption>.*)\. <a href="(?P<source>[^"]*)">(?:Source paper|Primary source)</a>'
    r"(?:, PDF p\. (?P<page>[0-9]+))?\. " + re.escape(NOTICE) + r"\.</sub></p>[ \t]*$"
)
NOTE = re.compile(r"^> \*\*Architecture figure:\*\* (?P<note>.*?)[ \t]*$")
DETAILS = "<details>"
MORE = "<summary>ℹ️ <i>More Information</i></summary>"  # noqa: RUF001 (upstream's emoji)
UNDATED = "Undated"  # the index's group of entries without a release date, after the years
YEAR_LINE = re.compile(r"^\*\*(?P<year>[0-9]{4}|Undated):\*\* ")
INDEX_LINK = re.compile(r"\[(?P<name>(?:[^\]\\]|\\.)+)\]\(#(?P<anchor>[^)\s]*)\)")
TIMELINE_HEADER = "| Date | Architecture | Distinctive contribution |"
TIMELINE_RULE = "| --- | --- | --- |"
NONE = "—"  # a timeline cell with no value: no date, no contribution
# A name cell: no `|` but an escaped one (`\|`); a `\` before the cell's end is the name's.
ROW = re.compile(
    r"^\| (?P<date>[^|]+?) \| (?P<name>(?:[^|\\]|\\\||\\)+?) \| (?P<what>.*?) \|[ \t]*$"
)
COUNT = re.compile(r"\((?P<count>[0-9]+) architectures\b")


def undated_names(lines: list[str], end: int) -> set[str]:
    """The names the index lists as undated (before line index `end`): no timeline row is due."""
    return {
        label_text(link["name"])
        for line in lines[:end]
        if (year := YEAR_LINE.match(line)) and year["year"] == UNDATED
        for link in INDEX_LINK.finditer(line)
    }


def index_names(lines: list[str], heads: list[int]) -> dict[int, str]:
    """The name the index gives each panel (by its heading's line index), as written: the
    index links a name to the panel's anchor, so a title need not start with its name."""
    from awesome_tools.core.charrefs import decode

    if not heads:
        return {}
    links = {
        link["anchor"]: label_text(link["name"])
        for line in lines[: heads[0]]
        if YEAR_LINE.match(line)
        for link in INDEX_LINK.finditer(line)
    }
    titles = []
    for i in heads:
        heading = HEADING.match(lines[i])
        titles.append(decode(heading["title"]) if heading else lines[i])
    slugs = anchors(titles, [])
    return {i: links[slug] for i, slug in zip(heads, slugs, strict=True) if slug in links}


# Badge texts that name a kind of link, and the default label and colour of each kind.
KIND_OF_LABEL = {
    "arxiv": "paper",
    "paper": "paper",
    "openreview": "paper",
    "github": "code",
    "code": "code",
    "huggingface": "model",
    "model": "model",
    "model card": "model",
    "weights": "model",
    "project": "project",
    "website": "project",
    "blog": "project",
    "official": "project",
    "demo": "demo",
    "gradio": "demo",
}
KIND_OF_HOST = {"arxiv.org": "paper", "github.com": "code", "huggingface.co": "model"}
DEFAULT_LABEL = {
    "paper": "Paper",
    "code": "GitHub",
    "model": "HuggingFace",
    "project": "Project",
    "demo": "Demo",
    "other": "Link",
}


def split_title(title: str) -> str:
    """The model's name: a panel heading's text before its first ': ' (all of it without)."""
    return title.split(": ", 1)[0]


def link_kind(label: str, host: str) -> str:
    """What a badge's link leads to, from its label first and its host after."""
    kind = KIND_OF_LABEL.get(label.casefold())
    if kind is None:
        kind = next((k for h, k in KIND_OF_HOST.items() if host.endswith(h)), "other")
    return kind


def default_badge(label: str) -> str:
    """A shields.io badge for a label (a link added by hand has no badge image of its own)."""
    text = label.replace("-", "--").replace("_", "__").replace(" ", "_")
    # What would end the link or the URL is percent-encoded, as shields.io reads it.
    text = re.sub(r"[()<>\\%\s]", lambda m: quote(m[0], safe=""), text)
    return f"https://img.shields.io/badge/{text}-blue?style=flat-square"


def anchors(titles: list[str], taken: list[str]) -> list[str]:
    """GitHub's heading anchors for the panel titles, after the frame's headings took theirs.

    GitHub numbers a repeated slug (`x`, `x-1`, ...); mdit-py-plugins' slugger is GitHub's.
    """
    seen: dict[str, int] = {}
    for slug in (slugify(text) for text in taken):
        seen[slug] = seen.get(slug, 0) + 1
    found = []
    for title in titles:
        slug = slugify(title)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.append(slug if count == 0 else f"{slug}-{count}")
    return found
