"""Every diagnostic rule, as data: id, summary, what fixes it, and a failing and passing example.

docs/rules.md and the contributing guide are generated from this table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from awesome_tools.ruleids import RuleId

Scope = Literal["entry", "readme"]
# How an example runs (tests/test_examples.py): an entry file, categories.yaml, a README linted
# alone or imported; "drift" a line of the README render writes for the base entry, edited by
# hand; "template" the list's README template rendering the base entry; "link" an entry file that
# is a symbolic link to the target the text names, relative to entries/ (the target holds the
# base entry); "dangling" the same link with no target made, `others` the list's files; "list" a
# file of a list whose entries/llava.yaml holds the base entry (an entry file is a snippet over
# it), `others` the list's other files, and the whole list read as `check` reads it; "panel" a
# panel README linted with the panel layout.
Kind = Literal[
    "entry",
    "categories",
    "readme",
    "import",
    "drift",
    "template",
    "link",
    "dangling",
    "list",
    "panel",
    "list-readme",
]

# Every entry example is a snippet over this valid entry: the snippet's lines come first, then
# the base's top-level keys the snippet does not set, so a line of the snippet is that line of
# the file.
BASE_ENTRY = """\
name: LLaVA
title: 'LLaVA: Large Language and Vision Assistant'
url: https://arxiv.org/abs/2304.08485
architecture:
  overview: Combines a vision encoder with a language model.
  components: CLIP ViT-L/14, Vicuna, a linear projection.
training:
  methods: Two-stage instruction tuning.
alignment:
  techniques: Instruction tuning on GPT-4 generated data.
  fusion_methods: A trainable projection matrix.
datasets:
  used: CC3M, LLaVA-Instruct-158K
  purpose: Pre-training and instruction tuning.
"""
# An entry of a panel list (`no-summary`), whole, without the table's sections.
_NO_SUMMARY = """\
name: LLaVA
title: 'LLaVA: Large Language and Vision Assistant'
url: https://arxiv.org/abs/2304.08485
"""
_PANEL_SETTINGS = ("awesome.yaml", "layout: panel\n")
_TOP_KEY = re.compile(r"([A-Za-z_]+):")


@dataclass(frozen=True)
class Example:
    """A runnable example, and for a failing one where it fires (1-based line and column)."""

    text: str
    line: int = 0
    column: int = 0
    kind: Kind = "entry"
    path: str = "entries/llava.yaml"
    whole: bool = False
    encoding: str = "utf-8"
    others: tuple[tuple[str, str], ...] = ()
    shown: str | None = None

    @property
    def display(self) -> str:
        """The text the docs show."""
        return self.text if self.shown is None else self.shown


def over_base(snippet: str) -> str:
    """Build an entry file: the snippet, then the base entry's keys the snippet does not set."""
    own = {m.group(1) for line in snippet.splitlines() if (m := _TOP_KEY.match(line))}
    kept: list[str] = []
    keep = True
    for line in BASE_ENTRY.splitlines(keepends=True):
        if not line.startswith(" "):
            match = _TOP_KEY.match(line)
            keep = match is None or match.group(1) not in own
        if keep:
            kept.append(line)
    return snippet.rstrip("\n") + "\n" + "".join(kept)


def example_bytes(example: Example) -> bytes:
    """The bytes of the file an example stands for."""
    snippet = example.kind == "entry" or (
        example.kind == "list" and example.path.startswith("entries/")
    )
    text = example.text if example.whole or not snippet else over_base(example.text)
    return text.encode(example.encoding)


def where(example: Example) -> str:
    """Say what an example is and, for a failing one, where it fires."""
    fires = f", fires at line {example.line}, column {example.column}" if example.line else ""
    if example.kind == "drift":
        original = example.others[0][1]
        if example.text == original:
            return " (README.md as render writes it for the base entry)"
        return (
            f" (README.md as render writes it for the base entry, with `{original}` edited{fires})"
        )
    if example.kind == "template":
        return f" (the whole of `{example.path}`, rendering the base entry{fires})"
    if example.kind == "link":
        return f" (`{example.path}` is a link to this file, which holds the base entry{fires})"
    if example.kind == "dangling":
        beside = "".join(f"; `{path}` holds the base entry" for path, _ in example.others)
        beside = beside or "; no file is there"
        return f" (`{example.path}` is a link to this path{beside}{fires})"
    if example.kind == "list":
        what = f"`{example.path}`"
        if example.whole:
            what = f"the whole of `{example.path}`"
        elif example.path.startswith("entries/"):
            what += ": this, then the base entry's other keys"
        else:
            what += " in a list holding the base entry"
        beside = "".join(f"; beside `{path}`" for path, _ in example.others)
        return f" ({what}{beside}{fires})"
    if example.kind == "entry" and not example.whole:
        what = f"`{example.path}`: this, then the base entry's other keys"
    else:
        what = f"the whole of `{example.path}`"
    beside = "".join(f"; beside `{path}`, the base entry" for path, _ in example.others)
    what += ", imported" if example.kind == "import" else ""
    return f" ({what}{beside}{fires})"


@dataclass(frozen=True)
class Rule:
    """One kind of problem a contributor may meet."""

    id: RuleId
    scope: Scope
    summary: str
    fix: str
    bad: Example
    good: Example


_HEAD = (
    "<tr><th>Title</th><th>Architecture.Overview</th><th>Architecture.Components</th>"
    "<th>Training.Methods</th><th>Alignment.Techniques</th><th>Alignment.Fusion Methods</th>"
    "<th>Datasets.Used</th><th>Datasets.Purpose</th></tr>"
)
_CELLS = "<td>o</td><td>c</td><td>m</td><td>t</td><td>f</td><td>u</td><td>p</td>"
_TITLE = '<a href="https://arxiv.org/abs/2304.08485">Visual Instruction Tuning</a>'


def _block(
    name: str = "LLaVA",
    title: str = _TITLE,
    *,
    head: str = _HEAD,
    cells: str = _CELLS,
    summary: str | None = None,
    close: str = "</details>\n",
) -> str:
    """A model block on six lines: details, summary, table and head, row, closing tags."""
    summary = f"<summary>{name}</summary>\n" if summary is None else summary
    row = f"<tr><td>{title}</td>{cells}</tr>\n"
    return f"<details>\n{summary}<table>{head}\n{row}</table>\n{close}"


_BESIDE = (("entries/llava.yaml", BASE_ENTRY),)

RULES: list[Rule] = [
    Rule(
        "encoding",
        "entry",
        "The file is not valid UTF-8 (any file the tool reads: entries, settings, templates, "
        "README).",
        "Save the file as UTF-8 in your editor; a UTF-16 or UTF-32 file is named as such.",
        Example(
            "title: café",
            1,
            11,
            encoding="latin-1",
            shown="title: café   # saved as Latin-1: byte 0xe9",
        ),
        Example("title: café"),
    ),
    Rule(
        "empty-file",
        "entry",
        "The file holds no YAML document (empty, or only comments).",
        "Fill in the fields, or delete the file.",
        Example("# nothing here yet\n", 1, 1, whole=True),
        Example("name: LLaVA"),
    ),
    Rule(
        "multiple-documents",
        "entry",
        "The file holds more than one YAML document.",
        "One model per file: remove the `---` and move the second model to its own file.",
        Example("name: LLaVA\n---\nname: LLaVA 2", 2, 1),
        Example("name: LLaVA"),
    ),
    Rule(
        "yaml-syntax",
        "entry",
        "The file is not valid YAML: a misindented line, a value holding `: ` without quotes, "
        "a key without its `:`, a tab.",
        "Do what the message says at the line it names: align the misindented key with the keys "
        "it names, or type the line it shows. Indent with spaces; quote text that starts "
        "with `[`, `{`, `*`, `&`, `!` or contains `: `.",
        Example("title: BLIP-2: Bootstrapping Language-Image Pre-training", 1, 8),
        Example("title: 'BLIP-2: Bootstrapping Language-Image Pre-training'"),
    ),
    Rule(
        "yaml-alias",
        "entry",
        "An alias (`*name`) is used; entries do not share values.",
        "Write the value out in full.",
        Example("name: &n LLaVA\ntitle: *n", 2, 1),
        Example("name: LLaVA\ntitle: LLaVA"),
    ),
    Rule(
        "yaml-tag",
        "entry",
        "An explicit YAML tag (`!!python/...`, `!!int`) is used.",
        "Remove the tag: every value is plain text.",
        Example("name: !!python/name:os.system", 1, 7),
        Example("name: LLaVA"),
    ),
    Rule(
        "yaml-depth",
        "entry",
        "Lists or mappings are nested more than 20 levels deep (reported at the first one past "
        "level 20; the file's own mapping is level 1).",
        "An entry is a mapping of fields, a few of them mappings of text: remove the extra "
        "brackets or indentation, or quote text that starts with `[` or `{`.",
        Example(
            "architecture:\n  overview: [[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]\n"
            "  components: CLIP",
            2,
            31,
        ),
        Example("architecture:\n  overview: '[x]'\n  components: CLIP"),
    ),
    Rule(
        "control-character",
        "entry",
        "A control character (other than whitespace) is in the text.",
        "Remove the invisible character (often pasted from a PDF).",
        Example('name: "LL\\u0007aVA"', 1, 7),
        Example("name: LLaVA"),
    ),
    Rule(
        "hidden-character",
        "entry",
        "The model's name holds a character that shows as nothing, so that it looks like another "
        "name and is not: a character of the Unicode categories Cc, Cf (zero-width space and "
        "joiners, bidi controls such as U+202E, tags), Cs, Co (private use) or Cn "
        "(unassigned), or a default-ignorable code point (fillers, variation selectors, U+17B4, "
        "U+2065, U+FFF0..U+FFF8, U+E0080...). The same policy refuses them in links "
        "(`bad-url`); docs/unicode.md says where it comes from.",
        "Delete the character: the message names it (U+200B ZERO WIDTH SPACE), places it, and "
        "gives the name to type.",
        Example(
            "name: LLa\u200bVA", 1, 10, shown="name: LLa\u200bVA   # U+200B between 'LLa' and 'VA'"
        ),
        Example("name: LLaVA"),
    ),
    Rule(
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
    ),
    Rule(
        "duplicate-key",
        "entry",
        "A key appears twice in the same mapping.",
        "Keep one of the two (YAML would silently drop the first).",
        Example("name: LLaVA\nname: LLaVA", 2, 1),
        Example("name: LLaVA"),
    ),
    Rule(
        "not-a-mapping",
        "entry",
        "The top level is a list or text instead of a mapping.",
        "Write `key: value` pairs at the top level.",
        Example("- name: LLaVA\n", 1, 1, whole=True),
        Example("name: LLaVA"),
    ),
    Rule(
        "unknown-key",
        "entry",
        "A key the schema does not know here: a typo, a key placed under the wrong parent, or "
        "a key of the figure's old flat shape (`figure_alt`, `figure_caption`, ...: now `alt`, "
        "`caption`, ... under `figure`).",
        "Rename it as suggested, move it under the parent the message names, or remove it; "
        "`awesome-tools upgrade` converts an entry file of the old figure shape.",
        Example("architecure:\n  overview: Two towers.", 1, 1),
        Example("architecture:\n  overview: Two towers.\n  components: CLIP"),
    ),
    Rule(
        "missing-field",
        "entry",
        "A required field is missing (a `figure` needs its `file` and its `alt` text).",
        "Add the field named in the message.",
        Example("training: {}", 1, 11),
        Example("training:\n  methods: Two-stage instruction tuning."),
    ),
    Rule(
        "no-summary",
        "entry",
        "In a panel list, an imported panel had no summary paragraph (`panel_quirks.summary: "
        "none`, as upstream's panels of early 2024): the layout asks for one, but import makes "
        "none up. A "
        "warning, a to-do of the migrated list: render writes the panel without a summary, as it "
        "was; `--strict` fails on it. Also when the entry has a summary and still the quirk.",
        "Write the model's one-paragraph summary as `summary:` and remove `summary: none` from "
        "`panel_quirks`. A new entry has no such quirk: its missing summary is `missing-field`.",
        Example(
            _NO_SUMMARY + "panel_quirks:\n  summary: none\n",
            5,
            3,
            kind="list",
            whole=True,
            others=(_PANEL_SETTINGS,),
        ),
        Example(
            _NO_SUMMARY + "summary: Combines a vision encoder with a language model.\n",
            kind="list",
            whole=True,
            others=(_PANEL_SETTINGS,),
        ),
    ),
    Rule(
        "wrong-type",
        "entry",
        "A mapping or list where text is expected, text where a section is expected (`figure: "
        "path`, the old shape: now `figure: {file: path, alt: ...}`), or a value not of its "
        "field's form (a `panel_quirks` flag other than yes or no, `references` that are not "
        "HTML character references).",
        "Write text on one line (or a folded block); put section fields under the section.",
        Example("datasets:\n  used:\n  - CC3M\n  purpose: Pre-training.", 3, 3),
        Example("datasets:\n  used: CC3M, LAION\n  purpose: Pre-training."),
    ),
    Rule(
        "empty-text",
        "entry",
        "A text field is empty or only whitespace.",
        "Write the text, or remove an optional field.",
        Example("title: ''", 1, 8),
        Example("title: Visual Instruction Tuning"),
    ),
    Rule(
        "placeholder",
        "entry",
        "A field still holds the `TODO:` placeholder `new` wrote.",
        "Replace it with what the message (and the comment above the field) asks for.",
        Example('title: "TODO: The paper\'s title, as arXiv shows it"', 1, 8),
        Example("title: Visual Instruction Tuning"),
    ),
    Rule(
        "bad-date",
        "entry",
        "`released` is not a real past date written YYYY-MM or YYYY-MM-DD in ASCII digits.",
        "Write the month of the paper's first version with the digits 0-9, e.g. `2023-04` "
        "(the digits of other scripts, Arabic-Indic or full-width, are refused by name).",
        Example("released: April 2023", 1, 11),
        Example("released: 2023-04"),
    ),
    Rule(
        "released-mismatch",
        "entry",
        "`released` is more than three months from the month of the arXiv id (warning).",
        "Check the date: arXiv ids start with the year and month of the first version "
        "(2304.08485 is 2023-04).",
        Example("url: https://arxiv.org/abs/2304.08485\nreleased: 2022-01", 2, 11),
        Example("url: https://arxiv.org/abs/2304.08485\nreleased: 2023-04"),
    ),
    Rule(
        "unknown-connector",
        "entry",
        "`connector` is not a value of the connector vocabulary.",
        "Use one of the values listed in docs/facets.md (the message suggests the closest).",
        Example("connector: projection", 1, 12),
        Example("connector: linear"),
    ),
    Rule(
        "bad-number",
        "entry",
        "`order`, `figure.number`, `figure.page` or `figure.width` is not a whole number "
        "written in ASCII digits.",
        "Write the number in the digits 0-9 only: `2`, not `two`, `p. 2` or the digit of "
        "another script.",
        Example("order: first", 1, 8),
        Example("order: 1"),
    ),
    Rule(
        "unknown-link-kind",
        "entry",
        "A link's `kind` is not one of paper, code, model, project, demo, other.",
        "Use one of the six kinds (the message suggests the closest); put the badge's own text "
        "in `label`.",
        Example("links:\n- kind: papers\n  url: https://arxiv.org/abs/2304.08485", 2, 9),
        Example("links:\n- kind: paper\n  url: https://arxiv.org/abs/2304.08485"),
    ),
    Rule(
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
        Example(
            "links:\n- kind: code\n  url: https://github.com/haotian-liu/LLaVA\n  label: GitHub"
        ),
    ),
    Rule(
        "html-entity",
        "entry",
        "A plain-text field holds an HTML character reference (`&#x27;`, `&amp;`, `&quot;`) "
        "where the character itself belongs (a warning: the page, exports and the table show "
        "the reference as written; `--strict` fails on it).",
        "Type the character the message names; render writes it as the README needs it. "
        "References to invisible characters (`&nbsp;`) and unknown ones (`&foo;`) are left alone.",
        Example("summary: LLaVA&#x27;s two-stage tuning.", 1, 15),
        Example("summary: LLaVA's two-stage tuning."),
    ),
    Rule(
        "deep-dive-block",
        "entry",
        "A deep dive's Markdown opens a block that does not close before the panel's "
        "`</details>` (a code fence, or an HTML block of CommonMark's kinds 1-5: `<pre>`, "
        "`<script>`, `<style>`, `<textarea>`, `<!--`, `<?`, `<!X`, `<![CDATA[`), holds a "
        "`<details>` or `</details>` of its own, or has a line indented 4 spaces after a blank "
        "line (GitHub ends the fold's HTML there): GitHub would show every later panel inside it. "
        "markdown-it decides, with the deep dive parsed where the panel puts it.",
        "Close the block inside the deep dive (a fence with its closing fence, `<pre>` with "
        "`</pre>`, `<!--` with `-->`), or write the markup as text: `&lt;pre>`, or a code span "
        "(`` `<pre>` ``). The panel's fold is its own: leave `<details>` out.",
        Example("deep_dive: |\n  Stage one:\n\n  ```\n  train the projector", 4, 1),
        Example("deep_dive: |\n  Stage one:\n\n  ```\n  train the projector\n  ```"),
    ),
    Rule(
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
    ),
    Rule(
        "bad-url",
        "entry",
        "A link is not an absolute http(s) URL (figure file and badge: https only; the file may "
        "also be a path inside the list's folder, without `..` or a Windows device name such as "
        "`con`), or cannot be read at all: "
        "a `[` or `]` in its host that does not enclose an IPv6 address, a port that is not a "
        "number from 0 to 65535, a host that changes under Unicode normalization, a backslash "
        "(browsers read it as `/`), a user name before `@` that hides the real host, or an "
        "invisible character (zero-width space or joiner, BOM, soft hyphen, bidi control, "
        "variation selector: any Unicode format, control or private-use character), which "
        "would let one link pass for another; or an absolute link holds whitespace (the "
        "column points at it).",
        "Use the full address starting with https://, copied from the browser's address bar; "
        "remove a space in it, or write it as `%20` where the address needs one.",
        Example("url: arxiv.org/abs/2304.08485", 1, 6),
        Example("url: https://arxiv.org/abs/2304.08485"),
    ),
    Rule(
        "unknown-category",
        "entry",
        "The category is not listed in categories.yaml.",
        "Use one of the listed categories (the message suggests the closest), or add the new "
        "section to categories.yaml.",
        Example("category: Encoder", 1, 11),
        Example("category: Encoders"),
    ),
    Rule(
        "categories-file",
        "entry",
        "categories.yaml is not a list of distinct section names.",
        "Write one `- Section name` line per section.",
        Example("categories: Encoders\n", 1, 1, "categories", "categories.yaml"),
        Example("- Encoders\n", kind="categories", path="categories.yaml"),
    ),
    Rule(
        "category-name",
        "entry",
        "A category name (in categories.yaml, or a section title `import` would add there) is "
        "not plain text: it becomes a `##` heading and a Contents link, where Markdown or HTML "
        "markup would turn into a link, an image or a tag.",
        "Use letters, digits, spaces, `& - , . : ' / +` and non-ASCII symbols such as emoji "
        "only; no other ASCII punctuation, control or invisible characters.",
        Example(
            "- 'Evil](https://evil.example/phish) [x'\n", 1, 3, "categories", "categories.yaml"
        ),
        Example("- Decoders & Friends\n", kind="categories", path="categories.yaml"),
    ),
    Rule(
        "settings",
        "entry",
        "awesome.yaml (the list's settings: title, layout, categories, panel_heading_level, "
        "figure_markers, render_budget) is not a mapping of these keys, names an unknown "
        "layout or kind of figure markers, a panel heading level other than 2 or 3, a render "
        "budget that is not `seconds` and `output_mb` above 0, or lists categories while "
        "categories.yaml does too.",
        "Use the keys and values the message names (`table` or another packaged layout; "
        "`position` or `slug` figure markers); keep the categories in one file: move them "
        "under `categories:` and delete categories.yaml.",
        Example("layout: tabel\n", 1, 9, kind="list", path="awesome.yaml"),
        Example(
            "title: Awesome VLM Architectures\nlayout: table\ncategories:\n- Encoders\n",
            kind="list",
            path="awesome.yaml",
        ),
    ),
    Rule(
        "file-name",
        "entry",
        "The file name is not the slug of the model's name (entry files end in `.yaml`, lower "
        "case: `x.YAML` or `x.yml` is reported, not skipped); a slug that is a device name "
        "Windows reserves (`con`, `nul`, `aux`, `prn`, `com1`, `lpt1`, ...) ends in `-model`, "
        "so that Windows can check the file out.",
        "Rename the file to the name given in the message (`LLaVA 1.5` → `llava-1-5.yaml`, "
        "`CON` → `con-model.yaml`).",
        Example("name: LLaVA 1.5", 1, 7, path="entries/LLaVA_15.yaml"),
        Example("name: LLaVA 1.5", path="entries/llava-1-5.yaml"),
    ),
    Rule(
        "name-too-long",
        "entry",
        "The model's name is longer than 100 characters, or gives a file name that is: the file "
        "and the temporary file written beside it must fit every file system "
        "(`check`, `new` and `import` share the limit).",
        "Shorten the name; put the long form in `title`.",
        Example(
            "name: " + "A" * 240,
            1,
            7,
            path="entries/a.yaml",
            shown="name: AAAAAAAAAAAAAAAAAAAAAAAA…   # 240 characters",
        ),
        Example("name: LLaVA-NeXT", path="entries/llava-next.yaml"),
    ),
    Rule(
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
    ),
    Rule(
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
    ),
    Rule(
        "duplicate-entry",
        "entry",
        "Two entries share a name, a file name, or a paper. Names are compared in NFKC with "
        "case folded (a full-width `\uff2c\uff2c\uff41\uff36\uff21` is `LLaVA`) and by what "
        "they read as where one goes beyond ASCII (their UTS #39 skeleton: `LL\u0430VA` with "
        "a Cyrillic \u0430 is `LLaVA`). Links are compared as keys: the host as a browser "
        "reads it (percent-decoded, mapped by UTS #46: full-width letters, the full stops "
        "U+3002, U+FF0E and U+FF61, case; in ASCII, `xn--` for another script); an arXiv link"
        " (arxiv.org, export.arxiv.org, ar5iv; abs, pdf or html; any version) is its paper "
        "id; any other link is compared with http read as https, the host without a final dot"
        " or `www.`, no default port, no fragment, and its path without dot segments, "
        "repeated slashes or a final slash (the query counts).",
        "The message names the other file: keep one of the two (edit the existing entry "
        "rather than adding a second).",
        Example(
            "name: LLaVA 2\nurl: https://arxiv.org/pdf/2304.08485v2",
            2,
            6,
            path="entries/llava-2.yaml",
            others=_BESIDE,
        ),
        Example(
            "name: LLaVA 2\nurl: https://arxiv.org/abs/2310.03744",
            path="entries/llava-2.yaml",
            others=_BESIDE,
        ),
    ),
    Rule(
        "import",
        "entry",
        "The importer met something in a README it could not map (warning).",
        "Check the entry it wrote and fill in what is missing by hand.",
        Example(_block(title="Visual Instruction Tuning"), 4, 5, "import", "README.md"),
        Example(_block(), kind="import", path="README.md"),
    ),
]


def _readme(text: str, line: int = 0, column: int = 0) -> Example:
    return Example(text, line, column, "readme", "README.md")


RULES += [
    Rule(
        "drift",
        "readme",
        "README.md, or another file the layout generates (the panel layout's "
        "`assets/architectures/CREDITS.md`), differs from what `render` makes of the entries. "
        "In every layout the message names the entry file whose part of the README differs (a "
        "model block or overview row, a panel, an entry line) and the fields that differ where "
        "they can be told, points at the first differing character and shows what README.md has "
        "there and what render writes; a part out of order, copied, missing or with no entry "
        "file is said so.",
        "Edit the entry file the message names, in the fields it names (or the template, for "
        "text outside the entries), then run `make readme` (`awesome-tools render` in a list "
        "without this repository's Makefile); never edit README.md or a generated file by hand.",
        Example(
            "<td>Three-stage instruction tuning.</td>",
            46,
            6,
            kind="drift",
            path="README.md",
            others=(("README.md", "<td>Two-stage instruction tuning.</td>"),),
        ),
        Example(
            "<td>Two-stage instruction tuning.</td>",
            kind="drift",
            path="README.md",
            others=(("README.md", "<td>Two-stage instruction tuning.</td>"),),
        ),
    ),
    Rule(
        "html-parse",
        "readme",
        "Markup the HTML reader cannot read, such as a `<![` that starts neither a CDATA "
        "section nor a conditional comment. Nothing after it is checked or imported.",
        "Write a literal `<` as `&lt;`, or remove the markup.",
        _readme(_block(cells="<td>Uses <![foo [x]]> markers</td>" + _CELLS[9:]), 4, 95),
        _readme(_block(cells="<td>Uses &lt;![foo [x]]> markers</td>" + _CELLS[9:])),
    ),
    Rule(
        "unclosed-details",
        "readme",
        "A `<details>` is never closed, or a `</details>` closes nothing.",
        "Add the missing `</details>` (or remove the stray one).",
        _readme(_block(close=""), 1, 1),
        _readme(_block()),
    ),
    Rule(
        "block-summary",
        "readme",
        "A model block has no `<summary>`, an empty one, or two.",
        "Give each block exactly one `<summary>` with the model's name.",
        _readme(_block(summary=""), 1, 1),
        _readme(_block()),
    ),
    Rule(
        "block-table",
        "readme",
        "A model block has no `<table>`, or more than one.",
        "Give each block exactly one table.",
        _readme("<details>\n<summary>LLaVA</summary>\n</details>\n", 1, 1),
        _readme(_block()),
    ),
    Rule(
        "table-headers",
        "readme",
        "A table's headers are not the list's columns, in order.",
        "Use Title, Architecture.Overview, ..., Datasets.Purpose (the Alignment pair may be "
        "left out for vision encoders).",
        _readme(_block(head=_HEAD.replace("Architecture.Overview", "Overview")), 3, 1),
        _readme(_block()),
    ),
    Rule(
        "header-style",
        "readme",
        "Headers written with spaces instead of dots (warning).",
        "Write `Architecture.Overview`, not `Architecture Overview`.",
        _readme(
            _block(head=_HEAD.replace("Architecture.Overview", "Architecture Overview")), 3, 26
        ),
        _readme(_block()),
    ),
    Rule(
        "table-row",
        "readme",
        "A table does not have exactly one data row with one cell per header.",
        "One `<tr>` of `<td>` cells, as many as there are headers.",
        _readme(_block(cells=""), 4, 5),
        _readme(_block()),
    ),
    Rule(
        "title-link",
        "readme",
        "The Title cell does not hold exactly one readable http(s) link (see `bad-url` for "
        "what cannot be read), or has text outside it.",
        'Put the whole title inside one link: `<a href="https://...">Title</a>`.',
        _readme(
            _block(
                title='PaLM-E: An Embodied Multimodal Language Model <a href="https://palm-e.github.io">PaLM-E</a>'
            ),
            4,
            5,
        ),
        _readme(
            _block(
                title='<a href="https://palm-e.github.io">'
                "PaLM-E: An Embodied Multimodal Language Model</a>"
            )
        ),
    ),
    Rule(
        "empty-cell",
        "readme",
        "A table cell is empty.",
        "Fill the cell in the entry file.",
        _readme(_block(cells="<td></td>" + _CELLS[9:]), 4, 86),
        _readme(_block()),
    ),
    Rule(
        "duplicate-model",
        "readme",
        "Two blocks share a name, or link the same paper.",
        "Keep one block per model.",
        _readme(_block() + _block(), 8, 1),
        _readme(
            _block() + _block("BLIP-2", '<a href="https://arxiv.org/abs/2301.12597">BLIP-2</a>')
        ),
    ),
    Rule(
        "template",
        "readme",
        "The README or page template does not compile, fails while rendering (any error, "
        "running out of memory, a macro that calls itself without end), goes over its render "
        "budget (time, or text written: by default 60 s plus 2 ms and 64 MiB plus 16 KiB per "
        "entry, set by `render_budget` in awesome.yaml), or tries something the sandbox "
        "refuses: Python internals (`__class__`, `__globals__`, any `_name`) or changing the "
        "values it is given (`render`, `lint`, `site`); or the page's `site.js` holds "
        "`</script` or `<!--`, which would break the element it is embedded in.",
        "Fix the template at the line given (templates/README.md.j2 or the packaged one); "
        "use only the values and filters the template is given; a list that needs a longer "
        "render sets `render_budget: {seconds: 120, output_mb: 200}` in awesome.yaml.",
        Example(
            "# Models\n{% for section in sections %}\n## {{ section.nmae }}\n{% endfor %}\n",
            3,
            1,
            kind="template",
            path="templates/README.md.j2",
        ),
        Example(
            "# Models\n{% for section in sections %}\n## {{ section.name }}\n{% endfor %}\n",
            kind="template",
            path="templates/README.md.j2",
        ),
    ),
    Rule(
        "html-block-break",
        "readme",
        "A blank line inside a `<details>` ends the HTML block: "
        "GitHub then shows the rest of the table as a code block or as text.",
        "Remove blank lines inside model blocks (and indent tags by at most 3 spaces).",
        _readme(_block(summary="<summary>LLaVA</summary>\n\n    "), 4, 1),
        _readme(_block()),
    ),
]

_TIMELINE = (
    "| Date | Architecture | Distinctive contribution |\n| --- | --- | --- |\n"
    "| 2023-04-17 | LLaVA | Visual instruction tuning |\n"
)


def _panel_readme(panel: str = "", rows: str = _TIMELINE) -> str:
    body = panel or (
        "### **LLaVA: Visual Instruction Tuning**\n\nA summary.\n\n"
        "<!-- architecture-figure:1 -->\n"
        '<p align="center">\n  <img src="assets/llava.png" alt="LLaVA architecture">\n</p>\n'
        "<!-- /architecture-figure:1 -->\n"
    )
    return f"# List\n\n## Release Timeline\n\n{rows}\n## Architectures\n\n{body}"


def _panel(text: str, line: int = 0, column: int = 0) -> Example:
    return Example(text, line, column, "panel", "README.md")


RULES += [
    Rule(
        "panel-heading",
        "readme",
        "In a panel README, a heading at the panels' level (`###`, or `##` where the panels "
        "are `## **Name: Title**`) among the panels is not `### **Name: Title**`: the index, "
        "the timeline and drift find panels by that shape.",
        "Write the heading as `### **Name: Title**` (bold, nothing after it); better, edit the "
        "entry file and run `make readme`.",
        _panel(
            _panel_readme(_panel_readme().split("## Architectures\n\n")[1] + "### LLaVA-2\n"), 20, 1
        ),
        _panel(_panel_readme()),
    ),
    Rule(
        "panel-figure",
        "readme",
        "A panel's figure block is not closed, is closed under another id (the number or slug "
        "that names it), or its image has no alt text.",
        "Close `<!-- architecture-figure:ID -->` with `<!-- /architecture-figure:ID -->` (the "
        "same ID: `llava-1-5`, or `3` in a list whose `figure_markers` are `position`) and give "
        "the `<img>` an alt text (the entry's `figure.alt`).",
        _panel(_panel_readme().replace("/architecture-figure:1", "/architecture-figure:2"), 19, 1),
        _panel(_panel_readme()),
    ),
    Rule(
        "timeline-coverage",
        "readme",
        "A panel has no row in the release timeline, a row names no panel, or a panel has two "
        "rows: every panel is in the timeline exactly once.",
        "Give the entry a `released` date and a `contribution`, then run `make readme`: the "
        "timeline is written from the entries.",
        _panel(_panel_readme(rows=_TIMELINE + "| 2023-04-17 | LLaVA | Again |\n"), 8, 1),
        _panel(_panel_readme()),
    ),
    Rule(
        "panel-swallowed",
        "readme",
        "A panel heading that markdown-it (CommonMark) does not see as a heading, because a "
        "block an earlier line opened is still open (a code fence, an HTML block such as "
        "`<pre>`, `<script>` or `<!--` that runs to its end marker, or one that runs to the next "
        "blank line); or a panel's `<details>` fold not closed in it (or closed without being "
        "opened): GitHub shows every later panel inside it. Reported at the line the block starts.",
        "Close the block where it opens (a closing fence, `</pre>`, `-->`, `</details>`), or "
        "write its markup as text; in a generated README, fix the entry and run `make readme`.",
        _panel(
            _panel_readme(rows=_TIMELINE + "| 2023-01-30 | BLIP-2 | Q-Former |\n").replace(
                "A summary.", "~~~\n\n### **BLIP-2: Bootstrapping**"
            ),
            14,
            1,
        ),
        _panel(_panel_readme()),
    ),
]


_LIST_README = """\
# Awesome Things

## Tools

{tools}

- [Alpha](https://example.com/alpha) - First tool.
{beta}
"""


def _list(
    tools: str = "### Small tools", beta: str = "- [Beta](https://example.com/beta) - Second."
) -> Example:
    return Example(
        _LIST_README.format(tools=tools, beta=beta), kind="list-readme", path="README.md"
    )


RULES += [
    Rule(
        "list-entry",
        "readme",
        "In a list-layout README, a list item inside a category's part holds a link but is not "
        "an entry line `- [Name](https://...) - Summary.` (another bullet, a link that is not "
        "http(s), text after the link without ` - `), or an entry line sits under another entry.",
        "Write it as `- [Name](https://...) - Summary.` at its category's level (or in a list "
        "group, a plain-text item such as `- Drivers`); better, edit the entry file and run "
        "`make readme`.",
        replace(_list(beta="* [Beta](https://example.com/beta) - Second."), line=8, column=1),
        _list(),
    ),
    Rule(
        "list-heading",
        "readme",
        "In a list-layout README, a category heading skips a level (`####` under `##`) or is not "
        "plain text: categories.yaml names each category by the path of its headings.",
        "Write the heading one level under its parent's (`###` under `##`), in plain text.",
        replace(_list(tools="#### Small tools"), line=5, column=1),
        _list(),
    ),
]

BY_ID = {rule.id: rule for rule in RULES}
