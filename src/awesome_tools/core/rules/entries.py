"""What the checks of one entry beyond its schema report (core/entryrules.py, core/charrefs.py)."""

from __future__ import annotations

from awesome_tools.rule import Example, Rule

CONFUSABLE_NAME = Rule(
    "confusable-name",
    "entry",
    "A word of the model's name mixes scripts, and a letter of one reads as a letter of the "
    "word's main script (UTS #39 skeleton from ICU's confusables table): `LL\u0430VA` with "
    "a Cyrillic \u0430 (warning; two names that read alike are a `duplicate-entry` error). "
    "A name may mix scripts word by word (`通义千问-VL`, `\u03b1-CLIP`), and Han, "
    "Hiragana, Katakana, Hangul and Bopomofo count as one script.",
    "Type the letter of the word's own script; the message names the scripts, the letter "
    "and what the name reads as.",
    Example("name: LL\u0430VA", 1, 9, path="entries/ll-va.yaml"),
    Example("name: LLaVA"),
    level="warning",
)

RELEASED_MISMATCH = Rule(
    "released-mismatch",
    "entry",
    "`released` is more than three months from the month of the arXiv id (warning). Not "
    "compared with `released_basis: official-release`, nor where the list's arXiv cache has "
    "the paper: `released-vs-paper` then compares it with the first version's own date.",
    "Check the date: arXiv ids start with the year and month of the first version "
    "(2304.08485 is 2023-04).",
    Example("url: https://arxiv.org/abs/2304.08485\nreleased: 2022-01", 2, 11),
    Example("url: https://arxiv.org/abs/2304.08485\nreleased: 2023-04"),
    level="warning",
)

BADGE_DESTINATION = Rule(
    "badge-destination",
    "entry",
    "A link's badge label names a site (GitHub, HuggingFace, arXiv, GitLab, OpenReview, "
    "Colab, ModelScope, Kaggle, YouTube) and the link goes elsewhere (a warning: the link "
    "works, its badge misleads; `--strict` fails on it).",
    "Fix the link, or give the badge the label of the site it leads to.",
    Example(
        "links:\n- kind: code\n  url: https://gitlab.com/haotian-liu/LLaVA\n  label: GitHub",
        3,
        8,
    ),
    Example("links:\n- kind: code\n  url: https://github.com/haotian-liu/LLaVA\n  label: GitHub"),
    level="warning",
)

FIGURE_FILE = Rule(
    "figure-file",
    "entry",
    "`figure.file` names a file of the list (a path relative to its folder) that is not there "
    "(or is a link leading out of the list).",
    "Add the image at that path, or fix the path (or use an https link).",
    Example(
        "figure:\n  file: assets/architectures/llava.png\n  alt: The LLaVA architecture.",
        2,
        9,
        kind="list",
    ),
    Example(
        "figure:\n  file: assets/architectures/llava.png\n  alt: The LLaVA architecture.",
        kind="list",
        others=(("assets/architectures/llava.png", "an image"),),
    ),
)

HTML_ENTITY = Rule(
    "html-entity",
    "entry",
    "A plain-text field holds an HTML character reference (`&#x27;`, `&amp;`, `&quot;`) "
    "where the character itself belongs (a warning: the page, exports and the table show "
    "the reference as written; `--strict` fails on it).",
    "Type the character the message names; render writes it as the README needs it. "
    "References to invisible characters (`&nbsp;`) and unknown ones (`&foo;`) are left alone.",
    Example("summary: LLaVA&#x27;s two-stage tuning.", 1, 15),
    Example("summary: LLaVA's two-stage tuning."),
    level="warning",
)

RULES = (
    CONFUSABLE_NAME,
    RELEASED_MISMATCH,
    BADGE_DESTINATION,
    FIGURE_FILE,
    HTML_ENTITY,
)
