"""What the tool's file reading reports (io/textfile.py, io/pathcheck.py)."""

from __future__ import annotations

from awesome_tools.rule import BASE_ENTRY, Example, Rule

ENCODING = Rule(
    "encoding",
    "entry",
    "The file is not valid UTF-8 (any file the tool reads: entries, settings, templates, README).",
    "Save the file as UTF-8 in your editor; a UTF-16 or UTF-32 file is named as such.",
    Example(
        "title: café",
        1,
        11,
        encoding="latin-1",
        shown="title: café   # saved as Latin-1: byte 0xe9",
    ),
    Example("title: café"),
)

OUTSIDE_LIST = Rule(
    "outside-list",
    "entry",
    "A file the list reads (an entry file, a template, `awesome.yaml`, `categories.yaml`, "
    "README.md or a file render writes beside it, a figure) leads outside the list's folder "
    "through a symbolic link: the file itself or a folder on its way, every component "
    "resolved. It is not read, so that a check never prints a file of the machine it runs "
    "on; the message names the link. (A file the tool would write there is refused too, "
    "with nothing written.)",
    "Replace the link with the file itself (links within the project are fine).",
    Example("../../elsewhere/llava.yaml", 1, 1, kind="link"),
    Example("../drafts/llava.yaml", kind="link"),
)

DANGLING_LINK = Rule(
    "dangling-link",
    "entry",
    "A file the list reads is a symbolic link to nothing (the file itself or a folder on its "
    "way): an error naming the link and where it points, so that a model never vanishes "
    "from the README, or a template from the render, without a word.",
    "Point the link at the file, or replace it with the file itself.",
    Example("../drafts/llava.yaml", 1, 1, kind="dangling"),
    Example(
        "../drafts/llava.yaml",
        kind="dangling",
        others=(("drafts/llava.yaml", BASE_ENTRY),),
    ),
)

RULES = (
    ENCODING,
    OUTSIDE_LIST,
    DANGLING_LINK,
)
