"""Typed links as data: the host a badge's label names, and what an entry's link is called in
the overview table ("Paper" only for a paper)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from awesome_tools.core.normalize import host_key
from awesome_tools.core.urls import BadUrl, split_url

if TYPE_CHECKING:
    from awesome_tools.core.schema import Entry

# A badge label (lower case, spaces and hyphens removed) and the hosts its link must lead to.
BADGE_HOSTS: dict[str, tuple[str, ...]] = {
    "arxiv": ("arxiv.org",),
    "github": ("github.com",),
    "gitlab": ("gitlab.com",),
    "huggingface": ("huggingface.co", "hf.co"),
    "openreview": ("openreview.net",),
    "colab": ("colab.research.google.com",),
    "modelscope": ("modelscope.cn",),
    "kaggle": ("kaggle.com",),
    "youtube": ("youtube.com", "youtu.be"),
}

# What the overview calls an entry's link, by host; the first match wins, "Project page" else.
PAPER_HOSTS = (
    "arxiv.org",
    "openreview.net",
    "aclanthology.org",
    "proceedings.neurips.cc",
    "papers.nips.cc",
    "openaccess.thecvf.com",
    "proceedings.mlr.press",
    "jmlr.org",
    "dl.acm.org",
    "ieeexplore.ieee.org",
    "link.springer.com",
    "ecva.net",
    "ojs.aaai.org",
    "ijcai.org",
    "doi.org",
)
MODEL_CARD_HOSTS = ("huggingface.co", "hf.co", "modelscope.cn")
BLOG_HOSTS = ("medium.com", "substack.com", "blog.google", "ai.meta.com", "openai.com")
PAPER, MODEL_CARD, PROJECT_PAGE, BLOG = "Paper", "Model card", "Project page", "Blog"


def _host(url: str) -> str:
    """The link's host as duplicate keys compare it (no final dot, no `www.`), or ""."""
    try:
        return host_key(split_url(url).host)
    except BadUrl:
        return ""


def _on(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == h or host.endswith(f".{h}") for h in hosts)


def badge_hosts(label: str) -> tuple[str, ...]:
    """The hosts a badge with this label must link to; empty when the label names none."""
    return BADGE_HOSTS.get(label.casefold().replace(" ", "").replace("-", ""), ())


def badge_problem(label: str, url: str) -> str | None:
    """Say why a badge's link does not go where its label says, or None when it does."""
    hosts = badge_hosts(label)
    host = _host(url)
    if not hosts or _on(host, hosts):
        return None
    wanted = " or ".join(hosts)
    return f"the '{label}' badge should link to {wanted}, not to {host or url}"


def link_label(url: str) -> str:
    """What a link is: Paper, Model card, Blog or Project page."""
    host = _host(url)
    try:
        path = split_url(url).path.lower()
    except BadUrl:
        path = ""
    if _on(host, PAPER_HOSTS) or path.endswith(".pdf"):
        return PAPER
    if _on(host, MODEL_CARD_HOSTS):
        return MODEL_CARD
    if _on(host, BLOG_HOSTS) or host.startswith("blog.") or "/blog/" in f"{path}/":
        return BLOG
    return PROJECT_PAGE


def overview_link(entry: Entry) -> tuple[str, str]:
    """The overview's first link: the entry's first paper link, else its url; and its label."""
    for link in entry.links or ():
        if link.kind == "paper":
            return link.url, PAPER
    return entry.url, link_label(entry.url)
