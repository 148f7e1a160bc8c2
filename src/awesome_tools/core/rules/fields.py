"""What checking an entry's fields against the schema reports (core/validate.py)."""

from __future__ import annotations

from awesome_tools.rule import Example, Rule

HIDDEN_CHARACTER = Rule(
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
    error_types=("hidden_character",),
)

NOT_A_MAPPING = Rule(
    "not-a-mapping",
    "entry",
    "The top level is a list or text instead of a mapping.",
    "Write `key: value` pairs at the top level.",
    Example("- name: LLaVA\n", 1, 1, whole=True),
    Example("name: LLaVA"),
)

UNKNOWN_KEY = Rule(
    "unknown-key",
    "entry",
    "A key the schema does not know here: a typo, a key placed under the wrong parent, or "
    "a key of the figure's old flat shape (`figure_alt`, `figure_caption`, ...: now `alt`, "
    "`caption`, ... under `figure`).",
    "Rename it as suggested, move it under the parent the message names, or remove it; "
    "`awesome-tools upgrade` converts an entry file of the old figure shape.",
    Example("architecure:\n  overview: Two towers.", 1, 1),
    Example("architecture:\n  overview: Two towers.\n  components: CLIP"),
    error_types=("extra_forbidden",),
)

MISSING_FIELD = Rule(
    "missing-field",
    "entry",
    "A required field is missing (a `figure` needs its `file` and its `alt` text).",
    "Add the field named in the message.",
    Example("training: {}", 1, 11),
    Example("training:\n  methods: Two-stage instruction tuning."),
    error_types=("missing",),
)

WRONG_TYPE = Rule(
    "wrong-type",
    "entry",
    "A mapping or list where text is expected, text where a section is expected (`figure: "
    "path`, the old shape: now `figure: {file: path, alt: ...}`), or a value not of its "
    "field's form (a `panel_quirks` flag other than yes or no, `references` that are not "
    "HTML character references).",
    "Write text on one line (or a folded block); put section fields under the section.",
    Example("datasets:\n  used:\n  - CC3M\n  purpose: Pre-training.", 3, 3),
    Example("datasets:\n  used: CC3M, LAION\n  purpose: Pre-training."),
    error_types=("string_type", "model_type", "dict_type", "list_type"),
)

EMPTY_TEXT = Rule(
    "empty-text",
    "entry",
    "A text field is empty or only whitespace.",
    "Write the text, or remove an optional field.",
    Example("title: ''", 1, 8),
    Example("title: Visual Instruction Tuning"),
    error_types=("empty_text",),
)

PLACEHOLDER = Rule(
    "placeholder",
    "entry",
    "A field still holds the `TODO:` placeholder `new` wrote.",
    "Replace it with what the message (and the comment above the field) asks for.",
    Example('title: "TODO: The paper\'s title, as arXiv shows it"', 1, 8),
    Example("title: Visual Instruction Tuning"),
    error_types=("placeholder",),
)

BAD_DATE = Rule(
    "bad-date",
    "entry",
    "`released` is not a real past date written YYYY-MM or YYYY-MM-DD in ASCII digits.",
    "Write the month of the paper's first version with the digits 0-9, e.g. `2023-04` "
    "(the digits of other scripts, Arabic-Indic or full-width, are refused by name).",
    Example("released: April 2023", 1, 11),
    Example("released: 2023-04"),
    error_types=("bad_date",),
)

UNKNOWN_CONNECTOR = Rule(
    "unknown-connector",
    "entry",
    "`connector` is not a value of the connector vocabulary.",
    "Use one of the values listed in docs/facets.md (the message suggests the closest).",
    Example("connector: projection", 1, 12),
    Example("connector: linear"),
    error_types=("unknown_connector",),
)

BAD_NUMBER = Rule(
    "bad-number",
    "entry",
    "`order`, `figure.number`, `figure.page` or `figure.width` is not a whole number "
    "written in ASCII digits.",
    "Write the number in the digits 0-9 only: `2`, not `two`, `p. 2` or the digit of "
    "another script.",
    Example("order: first", 1, 8),
    Example("order: 1"),
    error_types=("bad_number",),
)

UNKNOWN_LINK_KIND = Rule(
    "unknown-link-kind",
    "entry",
    "A link's `kind` is not one of paper, code, model, project, demo, other.",
    "Use one of the six kinds (the message suggests the closest); put the badge's own text "
    "in `label`.",
    Example("links:\n- kind: papers\n  url: https://arxiv.org/abs/2304.08485", 2, 9),
    Example("links:\n- kind: paper\n  url: https://arxiv.org/abs/2304.08485"),
    error_types=("unknown_link_kind",),
)

BAD_URL = Rule(
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
    error_types=("bad_url",),
)

DEEP_DIVE_BLOCK = Rule(
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
    error_types=("open_block",),
)

UNKNOWN_CATEGORY = Rule(
    "unknown-category",
    "entry",
    "The category is not listed in categories.yaml.",
    "Use one of the listed categories (the message suggests the closest), or add the new "
    "section to categories.yaml.",
    Example("category: Encoder", 1, 11),
    Example("category: Encoders"),
    error_types=("unknown_category",),
)

RULES = (
    HIDDEN_CHARACTER,
    NOT_A_MAPPING,
    UNKNOWN_KEY,
    MISSING_FIELD,
    WRONG_TYPE,
    EMPTY_TEXT,
    PLACEHOLDER,
    BAD_DATE,
    UNKNOWN_CONNECTOR,
    BAD_NUMBER,
    UNKNOWN_LINK_KIND,
    BAD_URL,
    DEEP_DIVE_BLOCK,
    UNKNOWN_CATEGORY,
)
