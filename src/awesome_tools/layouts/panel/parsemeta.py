"""A panel's meta lines read: its badges as typed links, its authors, its release line, and how
they are laid out."""

from __future__ import annotations

import re
from typing import Any

from awesome_tools.core import charrefs
from awesome_tools.core.normalize import canonical_text
from awesome_tools.core.urls import BadUrl, split_url
from awesome_tools.layouts.panel.parts import (
    BADGE,
    RELEASED,
    default_badge,
    label_text,
    link_kind,
)
from awesome_tools.layouts.panel.reader import Reader


def _badge_links(reader: Reader, start: int, text: str) -> list[dict[str, str]]:
    """The badges of a panel's meta lines (`text`, from line `start`) as links: kind, url,
    label, and the badge image where it is not the default one."""
    links = []
    for match in BADGE.finditer(text):
        url, badge, label = match["url"], match["badge"], label_text(match["label"])
        try:
            host = split_url(url).host
        except BadUrl:
            host = ""
        link = {"kind": link_kind(label, host), "url": url, "label": label}
        if re.search(r"\s", badge) or not badge.startswith("https://"):
            at = start + text[: match.start()].count("\n")
            reader.warn(at, f"badge image '{badge}' is not one https link; a default is used")
        # The default is what render writes without one (of the label as text).
        elif badge != default_badge(charrefs.decode(label)):
            link["badge"] = badge
        links.append(link)
    return links


def read_meta(reader: Reader, start: int, stop: int, data: dict[str, Any]) -> None:
    """Badges, authors and the release line: the lines between the summary and the figure."""
    lines = [line.rstrip() for line in reader.lines[start:stop]]
    text = "\n".join(lines)
    links = _badge_links(reader, start, text)
    if links:
        data["links"] = links
        data["url"] = links[0]["url"]
    rest = BADGE.sub("\x00", text).split("\n")
    badge_lines = [n for n, line in enumerate(rest) if "\x00" in line]
    quirks: dict[str, str] = {}
    authors: list[str] = []
    author_br = False
    released = False
    for n, line in enumerate(rest):
        plain = line.replace("\x00", "").strip()
        ends_br = plain.endswith("<br>")
        plain = plain.removesuffix("<br>").strip()
        if not plain:
            if ends_br and "\x00" not in line:
                reader.warn(start + n, "a line holding only <br> is left out")
            continue
        date = RELEASED.match(plain)
        if date:
            released = True
            data["_released_line"] = (start + n, date["date"])
        elif "\x00" in line:
            reader.warn(start + n, f"text among the badges is taken as the authors: '{plain}'")
            authors.append(plain)
            author_br = ends_br
        else:
            authors.append(plain)
            author_br = ends_br
    if authors:
        data["authors"] = canonical_text("<br>".join(authors))
        if author_br != released:
            quirks["authors_br"] = "yes" if author_br else "no"
    if len(badge_lines) > 1:
        quirks["badges_split"] = "yes"
    if badge_lines and authors:
        last = badge_lines[-1]
        if rest[last].rstrip().endswith("<br>"):
            quirks["badges_end"] = "br"
        elif last + 1 < len(rest) and rest[last + 1].strip():
            quirks["badges_end"] = "line"
    if not released:
        quirks["released_line"] = "no"
    data["_quirks"] = quirks
