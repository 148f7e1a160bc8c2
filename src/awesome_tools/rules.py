"""Every diagnostic rule, as data: id, summary, what fixes it, and a failing and passing example.

docs/rules.md and the contributing guide are generated from this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["entry", "readme"]


@dataclass(frozen=True)
class Rule:
    """One kind of problem a contributor may meet."""

    id: str
    scope: Scope
    summary: str
    fix: str
    bad: str
    good: str


RULES: list[Rule] = [
    Rule(
        "encoding",
        "entry",
        "The file is not valid UTF-8.",
        "Save the file as UTF-8 in your editor.",
        "title: caf\\xe9   (a Latin-1 byte)",
        "title: café",
    ),
    Rule(
        "empty-file",
        "entry",
        "The file holds no YAML document (empty, or only comments).",
        "Fill in the fields, or delete the file.",
        "# nothing here yet",
        "name: LLaVA\n...",
    ),
    Rule(
        "multiple-documents",
        "entry",
        "The file holds more than one YAML document.",
        "One model per file: remove the `---` and move the second model to its own file.",
        "name: A\n---\nname: B",
        "name: A",
    ),
    Rule(
        "yaml-syntax",
        "entry",
        "The file is not valid YAML (including tab indentation).",
        "Fix the YAML at the position given; indent with spaces, quote text that starts with "
        "`[`, `{`, `*`, `&`, `!` or contains `: `.",
        "title: [LLaVA",
        "title: '[LLaVA]'",
    ),
    Rule(
        "yaml-alias",
        "entry",
        "An alias (`*name`) is used; entries do not share values.",
        "Write the value out in full.",
        "name: &n LLaVA\ntitle: *n",
        "name: LLaVA\ntitle: LLaVA",
    ),
    Rule(
        "yaml-tag",
        "entry",
        "An explicit YAML tag (`!!python/...`, `!!int`) is used.",
        "Remove the tag: every value is plain text.",
        "name: !!python/name:os.system",
        "name: LLaVA",
    ),
    Rule(
        "control-character",
        "entry",
        "A control character (other than whitespace) is in the text.",
        "Remove the invisible character (often pasted from a PDF).",
        'name: "LL\\u0007aVA"',
        "name: LLaVA",
    ),
    Rule(
        "duplicate-key",
        "entry",
        "A key appears twice in the same mapping.",
        "Keep one of the two (YAML would silently drop the first).",
        "name: LLaVA\nname: LLaVA 2",
        "name: LLaVA",
    ),
    Rule(
        "not-a-mapping",
        "entry",
        "The top level is a list or text instead of a mapping.",
        "Write `key: value` pairs at the top level.",
        "- name: LLaVA",
        "name: LLaVA",
    ),
    Rule(
        "unknown-key",
        "entry",
        "A key the schema does not know (often a typo).",
        "Rename it as suggested, or remove it.",
        "architecure:\n  overview: ...",
        "architecture:\n  overview: ...",
    ),
    Rule(
        "missing-field",
        "entry",
        "A required field is missing (or figure without figure_alt).",
        "Add the field named in the message.",
        "training: {}",
        "training:\n  methods: ...",
    ),
    Rule(
        "wrong-type",
        "entry",
        "A mapping or list where text is expected, or text where a section is expected.",
        "Write text on one line (or a folded block); put section fields under the section.",
        "datasets:\n  used:\n  - CC3M",
        "datasets:\n  used: CC3M, LAION",
    ),
    Rule(
        "empty-text",
        "entry",
        "A text field is empty or only whitespace.",
        "Write the text, or remove an optional field.",
        "title: ''",
        "title: Visual Instruction Tuning",
    ),
    Rule(
        "bad-url",
        "entry",
        "A link is not an absolute http(s) URL (figure: https only).",
        "Use the full address starting with https://.",
        "url: arxiv.org/abs/2304.08485",
        "url: https://arxiv.org/abs/2304.08485",
    ),
    Rule(
        "unknown-category",
        "entry",
        "The category is not listed in categories.yaml.",
        "Use one of the listed categories (the message suggests the closest), or add the new "
        "section to categories.yaml.",
        "category: Encoder",
        "category: Encoders",
    ),
    Rule(
        "categories-file",
        "entry",
        "categories.yaml is not a list of distinct section names.",
        "Write one `- Section name` line per section.",
        "categories: Encoders",
        "- Encoders",
    ),
    Rule(
        "file-name",
        "entry",
        "The file name is not the slug of the model's name.",
        "Rename the file to the name given in the message (`LLaVA 1.5` → `llava-1-5.yaml`).",
        "entries/LLaVA_15.yaml  (name: LLaVA 1.5)",
        "entries/llava-1-5.yaml",
    ),
    Rule(
        "duplicate-entry",
        "entry",
        "Two entries share a name, a file name, or a paper.",
        "The model is already listed in the file named in the message: edit that one instead.",
        "url: https://arxiv.org/pdf/2304.08485v2  (llava.yaml has .../abs/2304.08485)",
        "a paper no other entry links to",
    ),
    Rule(
        "import",
        "entry",
        "The importer met something in a README it could not map (warning).",
        "Check the entry it wrote and fill in what is missing by hand.",
        "<td>Title with no link</td>",
        '<td><a href="https://...">Title</a></td>',
    ),
]

BY_ID = {rule.id: rule for rule in RULES}
