"""The panel layout's shapes as data: the lines a panel is made of, read and written alike."""

from __future__ import annotations

import re

from mdit_py_plugins.anchors.index import slugify

HEADING = re.compile(r"^### \*\*(?P<title>.+?)\*\*[ \t]*$")
SECTION = re.compile(r"^## ")
BADGE = re.compile(r"\[!\[(?P<label>[^\]]*)\]\((?P<badge>[^)]*)\)\]\((?P<url>[^)\s]+)\)")
RELEASED = re.compile(r"^\*\*Released:\*\*[ \t]*(?P<date>\S+)[ \t]*$")
FIGURE_OPEN = re.compile(r"^<!-- architecture-figure:(?P<number>\d+) -->[ \t]*$")
FIGURE_CLOSE = re.compile(r"^<!-- /architecture-figure:(?P<number>\d+) -->[ \t]*$")
IMAGE = re.compile(
    r'^\s*<img src="(?P<src>[^"]*)"(?: alt="(?P<alt>[^"]*)")?(?: width="(?P<width>\d+)")?\s*/?>'
    r"[ \t]*$"
)
NOTICE = '<a href="assets/architectures/FIGURE_NOTICE.md">Figure notice</a>'
CAPTION = re.compile(
    r'^<p align="center"><sub><b>(?:Figure (?P<number>\d+)|Official architecture diagram)\.</b> '
    r'(?P<caption>.*)\. <a href="(?P<source>[^"]*)">(?:Source paper|Primary source)</a>'
    r"(?:, PDF p\. (?P<page>\d+))?\. " + re.escape(NOTICE) + r"\.</sub></p>[ \t]*$"
)
NOTE = re.compile(r"^> \*\*Architecture figure:\*\* (?P<note>.*?)[ \t]*$")
DETAILS = "<details>"
MORE = "<summary>ℹ️ <i>More Information</i></summary>"  # noqa: RUF001 (upstream's emoji)
YEAR_LINE = re.compile(r"^\*\*(?P<year>\d{4}):\*\* ")
TIMELINE_HEADER = "| Date | Architecture | Distinctive contribution |"
TIMELINE_RULE = "| --- | --- | --- |"
NONE = "—"  # a timeline cell with no value: no date, no contribution
ROW = re.compile(r"^\| (?P<date>[^|]+?) \| (?P<name>(?:[^|\\]|\\.)+?) \| (?P<what>.*?) \|[ \t]*$")
COUNT = re.compile(r"\((?P<count>\d+) architectures\b")

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


def escape_jinja(text: str) -> str:
    """Frame text as template text: only what jinja2 would read as markup is escaped."""
    return re.sub(r"\{(?=[{%#])", '{{ "{" }}', text)
