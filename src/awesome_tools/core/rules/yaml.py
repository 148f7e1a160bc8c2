"""What reading an entry file's YAML reports (core/loader.py)."""

from __future__ import annotations

from awesome_tools.rule import Example, Rule

EMPTY_FILE = Rule(
    "empty-file",
    "entry",
    "The file holds no YAML document (empty, or only comments).",
    "Fill in the fields, or delete the file.",
    Example("# nothing here yet\n", 1, 1, whole=True),
    Example("name: LLaVA"),
)

MULTIPLE_DOCUMENTS = Rule(
    "multiple-documents",
    "entry",
    "The file holds more than one YAML document.",
    "One model per file: remove the `---` and move the second model to its own file.",
    Example("name: LLaVA\n---\nname: LLaVA 2", 2, 1),
    Example("name: LLaVA"),
)

YAML_SYNTAX = Rule(
    "yaml-syntax",
    "entry",
    "The file is not valid YAML: a misindented line, a value holding `: ` without quotes, "
    "a key without its `:`, a tab.",
    "Do what the message says at the line it names: align the misindented key with the keys "
    "it names, or type the line it shows. Indent with spaces; quote text that starts "
    "with `[`, `{`, `*`, `&`, `!` or contains `: `.",
    Example("title: BLIP-2: Bootstrapping Language-Image Pre-training", 1, 8),
    Example("title: 'BLIP-2: Bootstrapping Language-Image Pre-training'"),
)

YAML_ALIAS = Rule(
    "yaml-alias",
    "entry",
    "An alias (`*name`) is used; entries do not share values.",
    "Write the value out in full.",
    Example("name: &n LLaVA\ntitle: *n", 2, 1),
    Example("name: LLaVA\ntitle: LLaVA"),
)

YAML_TAG = Rule(
    "yaml-tag",
    "entry",
    "An explicit YAML tag (`!!python/...`, `!!int`) is used.",
    "Remove the tag: every value is plain text.",
    Example("name: !!python/name:os.system", 1, 7),
    Example("name: LLaVA"),
)

YAML_DEPTH = Rule(
    "yaml-depth",
    "entry",
    "Lists or mappings are nested more than 20 levels deep (reported at the first one past "
    "level 20; the file's own mapping is level 1).",
    "An entry is a mapping of fields, a few of them mappings of text: remove the extra "
    "brackets or indentation, or quote text that starts with `[` or `{`.",
    Example(
        "architecture:\n  overview: [[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]\n  components: CLIP",
        2,
        31,
    ),
    Example("architecture:\n  overview: '[x]'\n  components: CLIP"),
)

CONTROL_CHARACTER = Rule(
    "control-character",
    "entry",
    "A control character (other than whitespace) is in the text.",
    "Remove the invisible character (often pasted from a PDF).",
    Example('name: "LL\\u0007aVA"', 1, 7),
    Example("name: LLaVA"),
    error_types=("control_character",),
)

DUPLICATE_KEY = Rule(
    "duplicate-key",
    "entry",
    "A key appears twice in the same mapping.",
    "Keep one of the two (YAML would silently drop the first).",
    Example("name: LLaVA\nname: LLaVA", 2, 1),
    Example("name: LLaVA"),
)

RULES = (
    EMPTY_FILE,
    MULTIPLE_DOCUMENTS,
    YAML_SYNTAX,
    YAML_ALIAS,
    YAML_TAG,
    YAML_DEPTH,
    CONTROL_CHARACTER,
    DUPLICATE_KEY,
)
