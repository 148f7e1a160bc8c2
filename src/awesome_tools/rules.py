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
        "The file is not valid YAML: a misindented line, a value holding `: ` without quotes, "
        "a key without its `:`, a tab.",
        "Do what the message says at the line it names: align the misindented key with the keys "
        "it names, or type the line it shows. Indent with spaces; quote text that starts "
        "with `[`, `{`, `*`, `&`, `!` or contains `: `.",
        "title: BLIP-2: Bootstrapping Language-Image Pre-training",
        "title: 'BLIP-2: Bootstrapping Language-Image Pre-training'",
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
        "yaml-depth",
        "entry",
        "Lists or mappings are nested more than 20 levels deep (reported at the first one past "
        "level 20; the file's own mapping is level 1).",
        "An entry is a mapping of fields, a few of them mappings of text: remove the extra "
        "brackets or indentation, or quote text that starts with `[` or `{`.",
        "architecture:\n  overview: [[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]",
        "architecture:\n  overview: '[x]'",
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
        "A key the schema does not know here: a typo, or a key placed under the wrong parent.",
        "Rename it as suggested, move it under the parent the message names, or remove it.",
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
        "placeholder",
        "entry",
        "A field still holds the `TODO:` placeholder `new` wrote.",
        "Replace it with what the message (and the comment above the field) asks for.",
        'overview: "TODO: One paragraph on how the model works as a whole..."',
        "overview: LLaVA connects a CLIP vision encoder to Vicuna through a linear projection.",
    ),
    Rule(
        "bad-date",
        "entry",
        "`released` is not a real past date written YYYY-MM or YYYY-MM-DD.",
        "Write the month of the paper's first version, e.g. `2023-04`.",
        "released: April 2023",
        "released: 2023-04",
    ),
    Rule(
        "released-mismatch",
        "entry",
        "`released` is more than three months from the month of the arXiv id (warning).",
        "Check the date: arXiv ids start with the year and month of the first version "
        "(2304.08485 is 2023-04).",
        "url: https://arxiv.org/abs/2304.08485\nreleased: 2022-01",
        "url: https://arxiv.org/abs/2304.08485\nreleased: 2023-04",
    ),
    Rule(
        "unknown-connector",
        "entry",
        "`connector` is not a value of the connector vocabulary.",
        "Use one of the values listed in docs/facets.md (the message suggests the closest).",
        "connector: projection",
        "connector: linear",
    ),
    Rule(
        "bad-url",
        "entry",
        "A link is not an absolute http(s) URL (figure: https only), or cannot be read at all: "
        "a `[` or `]` in its host that does not enclose an IPv6 address, a port that is not a "
        "number from 0 to 65535, a host that changes under Unicode normalization, or an "
        "invisible character (zero-width space or joiner, BOM, soft hyphen, bidi control, "
        "variation selector: any Unicode format, control or private-use character), which "
        "would let one link pass for another.",
        "Use the full address starting with https://, copied from the browser's address bar.",
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
        "category-name",
        "entry",
        "A category name (in categories.yaml, or a section title `import` would add there) is "
        "not plain text: it becomes a `##` heading and a Contents link, where Markdown or HTML "
        "markup would turn into a link, an image or a tag.",
        "Use letters, digits, spaces, `& - , . : ' / +` and non-ASCII symbols such as emoji "
        "only; no other ASCII punctuation, control or invisible characters.",
        "- 'Evil](https://evil.example/phish) [x'",
        "- Decoders & Friends",
    ),
    Rule(
        "file-name",
        "entry",
        "The file name is not the slug of the model's name (entry files end in `.yaml`, lower "
        "case: `x.YAML` or `x.yml` is reported, not skipped).",
        "Rename the file to the name given in the message (`LLaVA 1.5` → `llava-1-5.yaml`).",
        "entries/LLaVA_15.yaml  (name: LLaVA 1.5)",
        "entries/llava-1-5.yaml",
    ),
    Rule(
        "name-too-long",
        "entry",
        "The model's name is longer than 100 characters, or gives a file name that is: the file "
        "and the temporary file written beside it must fit every file system "
        "(`check`, `new` and `import` share the limit).",
        "Shorten the name; put the long form in `title`.",
        "name: " + "A" * 24 + "…  (240 characters)",
        "name: LLaVA-NeXT",
    ),
    Rule(
        "outside-list",
        "entry",
        "An entry file is a symbolic link to a file outside the list's folder; it is not read, "
        "so that a check never prints a file of the machine it runs on.",
        "Replace the link with the entry file itself (links within the project are fine).",
        "entries/llava.yaml -> /etc/passwd",
        "entries/llava.yaml -> ../drafts/llava.yaml",
    ),
    Rule(
        "duplicate-entry",
        "entry",
        "Two entries share a name, a file name, or a paper. Links are compared as keys: an "
        "arXiv link (arxiv.org, export.arxiv.org, ar5iv; abs, pdf or html; any version) is its "
        "paper id; any other link is compared with http read as https, the host in lower case "
        "without a final dot or `www.`, no default port, no fragment, and its path without "
        "dot segments, repeated slashes or a final slash (the query counts).",
        "The message names the other file: keep one of the two (edit the existing entry "
        "rather than adding a second).",
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

_BLOCK = "<details>\n<summary>LLaVA</summary>\n<table>...</table>\n</details>"

RULES += [
    Rule(
        "drift",
        "readme",
        "README.md differs from what `render` makes of the entries.",
        "Edit the entry file the message names (or the template, for text outside the model "
        "blocks), then run `make readme` (`awesome-tools render` in a list without this "
        "repository's Makefile); never edit README.md by hand.",
        "<td>Filtered CC3M, ScienceQA</td>   (hand edit; llava.yaml says otherwise)",
        "README.md as `make readme` writes it",
    ),
    Rule(
        "html-parse",
        "readme",
        "Markup the HTML reader cannot read, such as a `<![` that starts neither a CDATA "
        "section nor a conditional comment. Nothing after it is checked or imported.",
        "Write a literal `<` as `&lt;`, or remove the markup.",
        "<td>Uses <![foo [x]]> markers</td>",
        "<td>Uses &lt;![foo [x]]> markers</td>",
    ),
    Rule(
        "unclosed-details",
        "readme",
        "A `<details>` is never closed, or a `</details>` closes nothing.",
        "Add the missing `</details>` (or remove the stray one).",
        "<details>\n<summary>LLaVA</summary>\n<table>...</table>",
        _BLOCK,
    ),
    Rule(
        "block-summary",
        "readme",
        "A model block has no `<summary>`, an empty one, or two.",
        "Give each block exactly one `<summary>` with the model's name.",
        "<details>\n<table>...</table>\n</details>",
        _BLOCK,
    ),
    Rule(
        "block-table",
        "readme",
        "A model block has no `<table>`, or more than one.",
        "Give each block exactly one table.",
        "<details>\n<summary>LLaVA</summary>\n</details>",
        _BLOCK,
    ),
    Rule(
        "table-headers",
        "readme",
        "A table's headers are not the list's columns, in order.",
        "Use Title, Architecture.Overview, ..., Datasets.Purpose (the Alignment pair may be "
        "left out for vision encoders).",
        "<th>Title</th><th>Overview</th>...",
        "<th>Title</th><th>Architecture.Overview</th>...",
    ),
    Rule(
        "header-style",
        "readme",
        "Headers written with spaces instead of dots (warning).",
        "Write `Architecture.Overview`, not `Architecture Overview`.",
        "<th>Architecture Overview</th>",
        "<th>Architecture.Overview</th>",
    ),
    Rule(
        "table-row",
        "readme",
        "A table does not have exactly one data row with one cell per header.",
        "One `<tr>` of `<td>` cells, as many as there are headers.",
        "<tr><td>...</td></tr>   (8 headers, 1 cell)",
        "<tr>  + 8 <td> cells  </tr>",
    ),
    Rule(
        "title-link",
        "readme",
        "The Title cell does not hold exactly one readable http(s) link (see `bad-url` for "
        "what cannot be read), or has text outside it.",
        'Put the whole title inside one link: `<a href="https://...">Title</a>`.',
        '<td>PaLM-E: An Embodied Multimodal Language Model <a href="https://palm-e.github.io">'
        "PaLM-E</a></td>",
        '<td><a href="https://palm-e.github.io">PaLM-E: An Embodied Multimodal Language '
        "Model</a></td>",
    ),
    Rule(
        "empty-cell",
        "readme",
        "A table cell is empty.",
        "Fill the cell in the entry file.",
        "<td></td>",
        "<td>CC3M, LAION</td>",
    ),
    Rule(
        "duplicate-model",
        "readme",
        "Two blocks share a name, or link the same paper.",
        "Keep one block per model.",
        "<summary>LLaVA</summary> ... <summary>LLaVA</summary>",
        "one block per model",
    ),
    Rule(
        "template",
        "readme",
        "The README or page template does not compile, fails while rendering, or tries "
        "something the sandbox refuses: Python internals (`__class__`, `__globals__`, any "
        "`_name`) or changing the values it is given (`render`, `lint`, `site`); or the page's "
        "`site.js` holds `</script` or `<!--`, which would break the element it is embedded in.",
        "Fix the template at the line given (templates/README.md.j2 or the packaged one); "
        "use only the values and filters the template is given.",
        "{{ entry.nmae }}",
        "{{ entry.name }}",
    ),
    Rule(
        "html-block-break",
        "readme",
        "A blank line inside a `<details>` ends the HTML block: "
        "GitHub then shows the rest of the table as a code block or as text.",
        "Remove blank lines inside model blocks (and indent tags by at most 3 spaces).",
        "<details>\n<summary>LLaVA</summary>\n\n    <table>",
        "<details>\n<summary>LLaVA</summary>\n<table>",
    ),
]

BY_ID = {rule.id: rule for rule in RULES}
