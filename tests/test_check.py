"""Bad entry files: each gets one exact diagnostic, from the checker and from the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.layouts.panel import LAYOUT as PANEL
from awesome_tools.layouts.table import TABLE_REQUIRED
from conftest import GOOD

P = "entries/llava.yaml"


# (case id, file content, expected diagnostics as `line:col: severity[rule] message`)
def _with(fields: str) -> str:
    """GOOD with these lines before `architecture:` (the first of them is line 5)."""
    return GOOD.replace("architecture:\n", fields + "\narchitecture:\n")


CASES: list[tuple[str, bytes | str, list[str]]] = [
    ("valid", GOOD, []),
    ("empty file", "", ["1:1: error[empty-file] file holds no YAML document"]),
    ("only comments", "# nothing yet\n", ["1:1: error[empty-file] file holds no YAML document"]),
    (
        "two documents",
        "name: a\n---\nname: b\n",
        [
            "2:1: error[multiple-documents] a second YAML document starts here; "
            "an entry file holds exactly one (remove '---')"
        ],
    ),
    (
        "top level list",
        "- name: LLaVA\n",
        [
            "1:1: error[not-a-mapping] an entry file holds one mapping of fields "
            "(name: ..., title: ...), not a list"
        ],
    ),
    (
        "top level text",
        "LLaVA\n",
        [
            "1:1: error[not-a-mapping] an entry file holds one mapping of fields "
            "(name: ..., title: ...), not text"
        ],
    ),
    (
        "invalid utf-8",
        b"name: LLaVA\ntitle: caf\xe9\n",
        ["2:11: error[encoding] file is not valid UTF-8 (byte 0xe9); save it as UTF-8"],
    ),
    (
        "syntax error",
        GOOD.replace("name: LLaVA", "name: [LLaVA"),
        [
            "3:6: error[yaml-syntax] invalid YAML: did not find expected ',' or ']' "
            "(while parsing a flow sequence)"
        ],
    ),
    (
        "tab indent",
        GOOD.replace("  components:", "\tcomponents:"),
        ["7:1: error[yaml-syntax] tab character: YAML indentation must use spaces"],
    ),
    (
        "alias",
        GOOD.replace("name: LLaVA", "name: &n LLaVA").replace(
            "title: 'LLaVA: L", "x: *n\ntitle: 'L"
        ),
        ["3:1: error[yaml-alias] aliases (*name) are not allowed: write the value out"],
    ),
    (
        "billion laughs",
        'a: &a ["lol","lol","lol"]\nb: &b [*a,*a,*a]\nc: &c [*b,*b,*b]\nd: [*c,*c,*c]\n',
        ["2:4: error[yaml-alias] aliases (*name) are not allowed: write the value out"],
    ),
    (
        "python tag",
        GOOD.replace("name: LLaVA", "name: !!python/object/apply:os.system ['touch pwned']"),
        ["2:7: error[yaml-tag] YAML tag '!!python/object/apply:os.system' is not allowed"],
    ),
    (
        "control character in YAML",
        GOOD.replace("name: LLaVA", "name: LL\x07aVA"),
        [
            "2:9: error[control-character] control character U+0007 is not allowed in YAML; remove it"
        ],
    ),
    (
        "escaped control character",
        GOOD.replace("name: LLaVA", 'name: "LL\\u0085a\\u009bVA"'),
        ["2:7: error[control-character] name: control character U+009B is not allowed; remove it"],
    ),
    (
        "duplicate key",
        GOOD.replace("url:", "name: LLaVA 2\nurl:"),
        ["4:1: error[duplicate-key] duplicate key 'name' (first defined on line 2)"],
    ),
    (
        "misspelled key",
        GOOD.replace("architecture:", "architecure:"),
        ["5:1: error[unknown-key] unknown key 'architecure'; did you mean 'architecture'?"],
    ),
    (
        "unknown nested key",
        GOOD.replace("  components:", "  parts: x\n  components:"),
        [
            "7:3: error[unknown-key] unknown key 'architecture.parts' "
            "(allowed here: overview, components)"
        ],
    ),
    (
        "missing nested field",
        GOOD.replace("  components: CLIP ViT-L/14, Vicuna, a linear projection.\n", ""),
        [
            "6:3: error[missing-field] missing required field 'architecture.components': "
            "add 'components:' under 'architecture'"
        ],
    ),
    (
        "missing top-level field",
        GOOD.replace("title: 'LLaVA: Large Language and Vision Assistant'\n", ""),
        ["2:1: error[missing-field] missing required field 'title': add 'title:'"],
    ),
    (
        "javascript url",
        GOOD.replace("https://arxiv.org/abs/2304.08485", "javascript:alert(1)"),
        [
            "4:6: error[bad-url] url: must be an absolute http:// or https:// link, "
            "got 'javascript:alert(1)'"
        ],
    ),
    (
        "relative url",
        GOOD.replace("https://arxiv.org/abs/2304.08485", "abs/2304.08485"),
        [
            "4:6: error[bad-url] url: must be an absolute http:// or https:// link, "
            "got 'abs/2304.08485'"
        ],
    ),
    (
        "data url figure",
        GOOD.replace(
            "architecture:",
            "figure:\n  file: data:image/png;base64,AAAA\n  alt: x\narchitecture:",
        ),
        [
            "6:9: error[bad-url] figure.file: must be an absolute https:// link, "
            "got 'data:image/png;base64,AAAA'"
        ],
    ),
    (
        "figure without alt",
        GOOD.replace("architecture:", "figure:\n  file: https://example.org/a.png\narchitecture:"),
        [
            "6:3: error[missing-field] missing required field 'figure.alt': add 'alt:' under 'figure'"
        ],
    ),
    (
        "blank text",
        GOOD.replace("  used: CC3M, LLaVA-Instruct-158K", "  used: '  '"),
        ["14:9: error[empty-text] datasets.used: must not be empty"],
    ),
    (
        "empty value",
        GOOD.replace("  used: CC3M, LLaVA-Instruct-158K", "  used:"),
        ["14:8: error[empty-text] datasets.used: must not be empty"],
    ),
    (
        "mapping where text is expected",
        GOOD.replace("name: LLaVA", "name:\n  en: LLaVA"),
        ["3:3: error[wrong-type] 'name' must be text, not a mapping"],
    ),
    (
        "list where text is expected",
        GOOD.replace("  used: CC3M, LLaVA-Instruct-158K", "  used:\n  - CC3M\n  - LAION"),
        ["15:3: error[wrong-type] 'datasets.used' must be text, not a list"],
    ),
    (
        "text where a section is expected",
        GOOD.replace("training:\n  methods: Two-stage instruction tuning.", "training: tuned"),
        ["8:11: error[wrong-type] 'training' must be a mapping with the keys methods, not text"],
    ),
    (
        "unknown category",
        GOOD.replace("architecture:", "category: Encoder\narchitecture:"),
        [
            "5:11: error[unknown-category] category: unknown category 'Encoder'; did you mean 'Encoders'?"
        ],
    ),
    (
        "wrong file name",
        GOOD.replace("name: LLaVA", "name: LLaVA 1.5"),
        [
            "2:7: error[file-name] file for 'LLaVA 1.5' must be named 'llava-1-5.yaml' (rename 'llava.yaml')"
        ],
    ),
    (
        "name too long",
        GOOD.replace("name: LLaVA", "name: " + "L" * 101),
        ["2:7: error[name-too-long] name is 101 characters long; at most 100 are allowed"],
    ),
    (
        "name whose file name is too long",
        GOOD.replace("name: LLaVA", "name: " + "\ufb03" * 34),
        [
            "2:7: error[name-too-long] name gives a file name of 102 characters "
            "('ffiffiffiffiffiffiff…'); at most 100 are allowed"
        ],
    ),
    (
        "name of the longest length",
        GOOD.replace("name: LLaVA", "name: " + "L" * 100),
        [
            f"2:7: error[file-name] file for '{'L' * 100}' must be named '{'l' * 100}.yaml' "
            "(rename 'llava.yaml')"
        ],
    ),
    (
        "name without ASCII",
        GOOD.replace("name: LLaVA", "name: 视觉"),
        [
            "2:7: error[file-name] name '视觉' has no ASCII letter or digit to build a file name from"
        ],
    ),
    (
        "unknown top-level key",
        GOOD.replace("url:", "year: 2023\nurl:"),
        [
            "4:1: error[unknown-key] unknown key 'year' (allowed here: "
            "name, title, url, released, released_basis, category, order, summary, contribution, "
            "authors, vision_encoder, language_model, connector, vision_family, language_family, "
            "params, modalities, based_on, based_on_outside, license, open_weights, code, weights, "
            "links, figure, architecture, training, alignment, datasets, sources, deep_dive)"
        ],
    ),
    ("BOM and CRLF", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode(), []),
    (
        "alignment may be left out",
        GOOD.replace(GOOD[GOOD.index("alignment:") : GOOD.index("datasets:")], ""),
        [],
    ),
]


FACET_CASES: list[tuple[str, bytes | str, list[str]]] = [
    (
        "facets filled in",
        GOOD.replace(
            "architecture:",
            "released: 2023-04\nvision_encoder: CLIP ViT-L/14\nlanguage_model: Vicuna-13B\nconnector: linear\ncode: https://github.com/haotian-liu/LLaVA\narchitecture:",
            1,
        ),
        [],
    ),
    (
        "placeholder",
        GOOD.replace("  components: CLIP", '  components: "TODO: fill me"\n  x: CLIP'),
        [
            "7:15: error[placeholder] architecture.components: replace the TODO placeholder with the building blocks: vision encoder, language model, the connector between them, and any other module that matters.",
            "8:3: error[unknown-key] unknown key 'architecture.x' (allowed here: overview, components)",
        ],
    ),
    (
        "month 13",
        GOOD.replace("architecture:", "released: 2023-13\narchitecture:", 1),
        ["5:11: error[bad-date] released: '2023-13' is not a real date"],
    ),
    (
        "not a date",
        GOOD.replace("architecture:", "released: April 2023\narchitecture:", 1),
        [
            "5:11: error[bad-date] released: must be a date written YYYY-MM or YYYY-MM-DD, got 'April 2023'"
        ],
    ),
    (
        "future date",
        GOOD.replace("architecture:", "released: 2999-01\narchitecture:", 1),
        ["5:11: error[bad-date] released: '2999-01' is in the future"],
    ),
    (
        "day 30 of February",
        GOOD.replace("architecture:", "released: 2023-02-30\narchitecture:", 1),
        ["5:11: error[bad-date] released: '2023-02-30' is not a real date"],
    ),
    (
        "release far from the arXiv id",
        GOOD.replace("architecture:", "released: 2022-12\narchitecture:", 1),
        [
            "5:11: warning[released-mismatch] released 2022-12 is 4 months from the arXiv id 2304.08485 (2023-04); check the date"
        ],
    ),
    (
        "release close to the arXiv id",
        GOOD.replace("architecture:", "released: 2023-07-31\narchitecture:", 1),
        [],
    ),
    (
        "misspelled connector",
        GOOD.replace("architecture:", "connector: liner\narchitecture:", 1),
        [
            "5:12: error[unknown-connector] connector: unknown connector 'liner'; did you mean 'linear'?"
        ],
    ),
    (
        "unknown connector",
        GOOD.replace("architecture:", "connector: adapter\narchitecture:", 1),
        [
            "5:12: error[unknown-connector] connector: unknown connector 'adapter' (one of: linear, mlp, q-former, perceiver-resampler, cross-attention, gated-cross-attention, encoder-decoder, none, visual-expert, visual-embedding-table)"
        ],
    ),
    (
        "http code link",
        GOOD.replace("architecture:", "code: http://github.com/x/y\narchitecture:", 1),
        [
            "5:7: error[bad-url] code: must be an absolute https:// link, got 'http://github.com/x/y'"
        ],
    ),
]
CASES += FACET_CASES


# Facets v2: families, connectors in order, sizes, modalities, licence, release basis.
FACET_V2_CASES: list[tuple[str, bytes | str, list[str]]] = [
    (
        "every facet filled in",
        _with(
            "released: 2023-04-17\nreleased_basis: arxiv-v1\nconnector: [perceiver-resampler, "
            "gated-cross-attention]\nvision_family: clip-vit\nlanguage_family: [vicuna, llama]\n"
            "params: [7B, 13B, 27B (4.5B active)]\nmodalities:\n  input: [text, image]\n"
            "  output: text\nbased_on_outside: [Vicuna-13B]\nlicense: [Apache-2.0, "
            "LicenseRef-Llama-2]\nopen_weights: true\nsources: [https://github.com/haotian-liu/LLaVA]"
        ),
        [],
    ),
    (
        "a connector of a list misspelt",
        _with("connector: [mlp, resampler]"),
        [
            "5:18: error[unknown-connector] connector[1]: unknown connector 'resampler'; "
            "did you mean 'perceiver-resampler'?"
        ],
    ),
    (
        "a connector named twice",
        _with("connector: [mlp, mlp]"),
        ["5:12: error[repeated-value] connector: 'mlp' is listed twice (items 1 and 2); keep one"],
    ),
    (
        "an empty list of connectors",
        _with("connector: []"),
        [
            "5:12: error[wrong-type] connector: List should have at least 1 item after validation, not 0"
        ],
    ),
    (
        "a vision family misspelt",
        _with("vision_family: siglip2"),
        [
            "5:16: error[unknown-family] vision_family: unknown vision family 'siglip2'; did you mean 'siglip'?"
        ],
    ),
    (
        "a language family of a list unknown",
        _with("language_family:\n  - qwen\n  - gpt"),
        [
            "7:5: error[unknown-family] language_family[1]: unknown language family 'gpt'; "
            "did you mean 'opt'?"
        ],
    ),
    (
        "a size in words",
        _with("params: [7B, 13 billion]"),
        [
            "5:14: error[bad-params] params[1]: '13 billion' is not a size: write the number and "
            "M, B or T, such as 7B or 400M (a mixture of experts: 27B (4.5B active))"
        ],
    ),
    (
        "more active parameters than in all",
        _with("params: [3B (4B active)]"),
        [
            "5:10: error[bad-params] params[0]: '3B (4B active)' is not a size: the total must be "
            "above 0 and the active part below it"
        ],
    ),
    (
        "a modality out of the vocabulary",
        _with("modalities:\n  input: [text, photo]\n  output: [text, points]"),
        [
            "6:17: error[unknown-modality] modalities.input[1]: unknown input modality 'photo' "
            "(one of: text, image, video, audio)",
            "7:18: error[unknown-modality] modalities.output[1]: unknown output modality 'points' "
            "(one of: text, image, audio, boxes, masks, video, embeddings)",
        ],
    ),
    (
        "modalities without outputs",
        _with("modalities:\n  input: image"),
        [
            "6:3: error[missing-field] missing required field 'modalities.output': add 'output:' "
            "under 'modalities'"
        ],
    ),
    (
        "a licence written loosely",
        _with("license: apache-2.0"),
        [
            "5:10: error[unknown-license] license: 'apache-2.0' is not an SPDX licence id (such as "
            "Apache-2.0 or CC-BY-NC-4.0), LicenseRef-<name> for a licence of its own, proprietary "
            "or research-only; did you mean 'Apache-2.0'?"
        ],
    ),
    (
        "open weights as yes",
        _with("open_weights: yes"),
        ["5:15: error[bad-flag] open_weights: unknown value 'yes' (one of: true, false)"],
    ),
    (
        "a release basis of its own",
        _with("released_basis: paper"),
        [
            "5:17: error[unknown-basis] released_basis: unknown release basis 'paper' "
            "(one of: arxiv-v1, official-release)"
        ],
    ),
]
CASES += FACET_V2_CASES
# What hides in a name (tests/test_unicode.py has every class and the legitimate names).
CASES += [
    (
        "zero-width space in the name",
        GOOD.replace("name: LLaVA", "name: LLa\u200bVA"),
        [
            "2:10: error[hidden-character] name: holds U+200B ZERO WIDTH SPACE at character 4, "
            "which shows as nothing; type 'LLaVA'"
        ],
    ),
    (
        "right-to-left override in the name",
        GOOD.replace("name: LLaVA", "name: LLaVA\u202e"),
        [
            "2:12: error[hidden-character] name: holds U+202E RIGHT-TO-LEFT OVERRIDE at "
            "character 6, which shows as nothing; type 'LLaVA'"
        ],
    ),
    (
        "cyrillic look-alike in the name",
        GOOD.replace("name: LLaVA", "name: LLaV\u0410"),
        [
            "2:7: error[file-name] file for 'LLaV\u0410' must be named 'llav.yaml' "
            "(rename 'llava.yaml')",
            "2:11: warning[confusable-name] name 'LLaV\u0410' mixes Latin and Cyrillic "
            "(\u0410 U+0410 CYRILLIC CAPITAL LETTER A); it reads as 'LLaVA': type the Latin letter",
        ],
    ),
]

_OPEN = (
    "that does not close before the panel's end: GitHub would show the panels after it as part "
    "of it; close it in the deep dive, or write the markup as text (`<` as `&lt;`, a fence in a "
    "code span)"
)
# deep-dive-block: a block the deep dive opens and does not close, at its line of a `|` block.
DEEP_DIVE_CASES: list[tuple[str, bytes | str, list[str]]] = [
    (
        "deep dive opens a fence",
        GOOD + "deep_dive: |\n  Stage one.\n\n  ```\n  code\n",
        [
            f"19:1: error[deep-dive-block] deep_dive: line 3 of its Markdown opens a code fence (```) {_OPEN}"
        ],
    ),
    (
        "deep dive opens a comment, one line",
        GOOD + "deep_dive: '<!-- a'\n",
        [
            "16:12: error[deep-dive-block] deep_dive: line 1 of its Markdown opens an HTML block "
            f"('<!-- a', CommonMark §4.6) {_OPEN}"
        ],
    ),
    ("deep dive closes its fence", GOOD + "deep_dive: |\n  ```\n  code\n  ```\n", []),
]
CASES += DEEP_DIVE_CASES


# A figure's file and alt text, lines 5 to 7: a case's other figure field is line 8.
FIGURE = "figure:\n  file: https://x.org/a.png\n  alt: x\n"


ARXIV = "https://arxiv.org/abs/2304.08485"
LINKS = (
    f"links:\n- kind: paper\n  url: {ARXIV}\n  label: arXiv\n"
    "  badge: https://img.shields.io/badge/arXiv-2304.08485-b31b1b.svg\n"
    "- kind: code\n  url: https://github.com/haotian-liu/LLaVA\n  label: GitHub\n"
    "- kind: model\n  url: https://hf.co/liuhaotian/llava\n  label: Hugging Face"
)
# The panel layout's fields: each validator, and the check rules on links.
FIELD_CASES: list[tuple[str, bytes | str, list[str]]] = [
    (
        "panel fields are valid",
        _with(
            "order: 2\nsummary: One  paragraph.\ncontribution: A line.\nauthors: A et al., EPFL\n"
            "figure:\n  file: https://x.org/llava.png\n  alt: The architecture.\n"
            "  caption: Overview.\n  number: 2\n  source: https://arxiv.org/pdf/1\n"
            "  page: 4\n  width: 820\ndeep_dive: |\n  First.  \n\n  Second.\n" + LINKS
        ),
        [],
    ),
    (
        "order is digits",
        _with("order: first"),
        ["5:8: error[bad-number] order: must be a whole number written in digits, got 'first'"],
    ),
    (
        "a negative order",
        _with("order: -1"),
        ["5:8: error[bad-number] order: must be a whole number written in digits, got '-1'"],
    ),
    (
        "figure page is digits",
        _with(FIGURE + "  page: p. 4"),
        [
            "8:9: error[bad-number] figure.page: must be a whole number written in digits, "
            "got 'p. 4'"
        ],
    ),
    ("empty summary", _with("summary: ''"), ["5:10: error[empty-text] summary: must not be empty"]),
    (
        "summary placeholder",
        _with("summary: 'TODO: later'"),
        [
            "5:10: error[placeholder] summary: replace the TODO placeholder with the panel's "
            "one-paragraph summary of the model (required by the panel layout)."
        ],
    ),
    (
        "links is a list",
        _with(f"links: {ARXIV}"),
        ["5:8: error[wrong-type] 'links' must be a list, not text"],
    ),
    (
        "links as a mapping",
        _with("links:\n  kind: paper"),
        ["6:3: error[wrong-type] 'links' must be a list, not a mapping"],
    ),
    (
        "a link that is text",
        _with("links:\n- paper"),
        [
            "6:3: error[wrong-type] 'links[0]' must be a mapping with the keys kind, url, label, "
            "badge, not text"
        ],
    ),
    (
        "a link without its url",
        _with("links:\n- kind: paper"),
        [
            "6:3: error[missing-field] missing required field 'links[0].url': "
            "add 'url:' under 'links[0]'"
        ],
    ),
    (
        "a link without its kind",
        _with(f"links:\n- url: {ARXIV}"),
        [
            "6:3: error[missing-field] missing required field 'links[0].kind': "
            "add 'kind:' under 'links[0]'"
        ],
    ),
    (
        "unknown link kind",
        _with(f"links:\n- kind: article\n  url: {ARXIV}"),
        [
            "6:9: error[unknown-link-kind] links[0].kind: unknown link kind 'article' "
            "(one of: paper, code, model, project, demo, other)"
        ],
    ),
    (
        "link kind misspelled",
        _with(f"links:\n- kind: papers\n  url: {ARXIV}"),
        [
            "6:9: error[unknown-link-kind] links[0].kind: unknown link kind 'papers'; did you mean 'paper'?"
        ],
    ),
    (
        "a link's url",
        _with("links:\n- kind: paper\n  url: arxiv.org/abs/1"),
        [
            "7:8: error[bad-url] links[0].url: must be an absolute http:// or https:// link, "
            "got 'arxiv.org/abs/1'"
        ],
    ),
    (
        "a space in a url: its column",
        GOOD.replace("2304.08485", "2304.08485 v2"),
        [
            "4:38: error[bad-url] url: 'https://arxiv.org/abs/2304.08485 v2' is not a valid "
            "link: it holds a space at character 33; remove it, or write %20 where the link "
            "needs a space"
        ],
    ),
    (
        "a space in a quoted link of a list, after a doubled quote and a trimmed space",
        _with("links:\n- kind: paper\n  url: ' https://x.org/it''s a'"),
        [
            "7:29: error[bad-url] links[0].url: 'https://x.org/it's a' is not a valid link: "
            "it holds a space at character 19; remove it, or write %20 where the link needs a space"
        ],
    ),
    (
        "a no-break space is named",
        GOOD.replace("abs/2304", "abs/\u00a02304"),
        [
            "4:28: error[bad-url] url: 'https://arxiv.org/abs/\u00a02304.08485' is not a valid "
            "link: it holds U+00A0 (NO-BREAK SPACE) at character 23; remove it, or write %20 "
            "where the link needs a space"
        ],
    ),
    (
        "a tab written as an escape: the value's start, as the file is not the value",
        GOOD.replace("url: https://arxiv.org/abs/2304.08485", 'url: "https://arxiv.org/\\tx"'),
        [
            "4:6: error[bad-url] url: 'https://arxiv.org/\\tx' is not a valid link: it holds "
            "a tab at character 19; remove it, or write %20 where the link needs a space"
        ],
    ),
    (
        "a link wrapped over two lines: the value's start",
        GOOD.replace("2304.08485", "2304.08485\n  v2"),
        [
            "4:6: error[bad-url] url: 'https://arxiv.org/abs/2304.08485 v2' is not a valid "
            "link: it holds a space at character 33; remove it, or write %20 where the link "
            "needs a space"
        ],
    ),
    (
        "text with a space that is no link is told it is no link",
        GOOD.replace("https://arxiv.org/abs/2304.08485", "see the paper"),
        [
            "4:6: error[bad-url] url: must be an absolute http:// or https:// link, "
            "got 'see the paper'"
        ],
    ),
    (
        "a badge is https",
        _with(f"links:\n- kind: paper\n  url: {ARXIV}\n  badge: http://img.shields.io/x"),
        [
            "8:10: error[bad-url] links[0].badge: must be an absolute https:// link, "
            "got 'http://img.shields.io/x'"
        ],
    ),
    (
        "unknown key in a link",
        _with(f"links:\n- kind: paper\n  url: {ARXIV}\n  text: x"),
        [
            "8:3: error[unknown-key] unknown key 'links[0].text' (allowed here: kind, url, label, badge)"
        ],
    ),
    (
        "a HuggingFace badge on GitHub",
        _with("links:\n- kind: model\n  url: https://github.com/x/y\n  label: HuggingFace"),
        [
            "7:8: warning[badge-destination] the 'HuggingFace' badge should link to huggingface.co or "
            "hf.co, not to github.com"
        ],
    ),
    (
        "a GitHub badge on a subdomain of gitlab",
        _with(
            f"links:\n- kind: paper\n  url: {ARXIV}\n- kind: code\n"
            "  url: https://www.gitlab.com/x/y\n  label: git-hub"
        ),
        [
            "9:8: warning[badge-destination] the 'git-hub' badge should link to github.com, not to gitlab.com"
        ],
    ),
    (
        "a label naming no site",
        _with("links:\n- kind: demo\n  url: https://x.example/demo\n  label: Gradio"),
        [],
    ),
    (
        "figure outside the list",
        _with("figure:\n  file: ../x.png\n  alt: x"),
        [
            "6:9: error[bad-url] figure.file: must be an https:// link or a path relative to the "
            "list's folder without '..', got '../x.png'"
        ],
    ),
    (
        "figure absolute path",
        _with("figure:\n  file: /etc/x.png\n  alt: x"),
        [
            "6:9: error[bad-url] figure.file: must be an https:// link or a path relative to the "
            "list's folder without '..', got '/etc/x.png'"
        ],
    ),
    (
        "figure over http",
        _with("figure:\n  file: http://x.org/y.png\n  alt: x"),
        [
            "6:9: error[bad-url] figure.file: must be an absolute https:// link, "
            "got 'http://x.org/y.png'"
        ],
    ),
    (
        "a local figure without alt text",
        _with("figure:\n  file: assets/x.png"),
        [
            "6:3: error[missing-field] missing required field 'figure.alt': add 'alt:' under 'figure'"
        ],
    ),
    (
        "figure source",
        _with(FIGURE + "  source: ftp://x.org/a"),
        [
            "8:11: error[bad-url] figure.source: must be an absolute http:// or https:// link, "
            "got 'ftp://x.org/a'"
        ],
    ),
    (
        "deep dive control character",
        _with('deep_dive: "a\\u0007b"'),
        [
            "5:12: error[control-character] deep_dive: control character U+0007 is not "
            "allowed; remove it"
        ],
    ),
    (
        "deep dive blank",
        _with("deep_dive: |\n\n   \n"),
        ["5:12: error[empty-text] deep_dive: must not be empty"],
    ),
]
CASES += FIELD_CASES


def _refs(field: str, reference: str, char: str) -> str:
    return (
        f'warning[html-entity] {field}: "{reference}" is an HTML character reference; '
        f"type the character itself: {char}"
    )


# A reference left in plain text: the warning names its field, line and column.
HTML_ENTITY_CASES: list[tuple[str, bytes | str, list[str]]] = [
    (
        "a hex reference in the summary",
        _with("summary: LLaVA&#x27;s two-stage tuning."),
        ["5:15: " + _refs("summary", "&#x27;", "'")],
    ),
    (
        "a named reference in the contribution",
        _with("contribution: Q&amp;A"),
        ["5:16: " + _refs("contribution", "&amp;", "&")],
    ),
    (
        "two on a quoted line",
        _with(FIGURE + '  caption: "Say &quot;hi&quot;"'),
        [
            "8:17: " + _refs("figure.caption", "&quot;", '"'),
            "8:25: " + _refs("figure.caption", "&quot;", '"'),
        ],
    ),
    (
        "a decimal reference in a badge label",
        _with(f"links:\n- kind: paper\n  url: {ARXIV}\n  label: it&#39;s"),
        ["8:12: " + _refs("links[0].label", "&#39;", "'")],
    ),
    (
        "on the second line of a wrapped value",
        _with("summary: A first line\n  and the model&#x27;s second"),
        ["6:16: " + _refs("summary", "&#x27;", "'")],
    ),
    (
        "spelt by a YAML escape: the value's start",
        _with('summary: "x\\x26#x27;y"'),
        ["5:10: " + _refs("summary", "&#x27;", "'")],
    ),
]
CASES += HTML_ENTITY_CASES


DEPTH = (
    "error[yaml-depth] nested more than 20 levels deep; the list's YAML files need at most "
    "3 levels (remove brackets or indentation, or quote the text)"
)


def _nested_mappings(levels: int) -> str:
    """`extra:` holding mappings `levels` deep, one key a line, each indented one more space."""
    keys = "".join(" " * (i + 1) + f"k{i}:\n" for i in range(levels))
    return f"extra:\n{keys}{' ' * (levels + 1)}x\n"


# Each shape is reported once, at the first collection past level 20 (the file's own mapping is
# level 1), however deep the rest goes: libyaml's own limit is 1,000 levels.
DEPTH_CASES: list[tuple[str, bytes | str, list[str]]] = [
    ("500 flow lists", GOOD + "extra: " + "[" * 500 + "]" * 500 + "\n", [f"16:27: {DEPTH}"]),
    ("990 block mappings", GOOD + _nested_mappings(990), [f"36:21: {DEPTH}"]),
    (
        "500 flow mappings",
        GOOD + "extra: " + "{a: " * 500 + "x" + "}" * 500 + "\n",
        [f"16:84: {DEPTH}"],
    ),
    (
        "past libyaml's limit",
        GOOD + "extra: " + "[" * 1500 + "]" * 1500 + "\n",
        [f"16:27: {DEPTH}"],
    ),
    (
        "40 block lists",
        GOOD + "extra:\n" + "".join("  " * i + "-\n" for i in range(40)) + "  " * 40 + "x\n",
        [f"36:39: {DEPTH}"],
    ),
    (
        "deep in a field",
        GOOD.replace(
            "overview: Combines a vision encoder with a language model.",
            "overview: " + "[" * 30 + "]" * 30,
        ),
        [f"6:31: {DEPTH}"],
    ),
    (
        "20 levels are read",
        GOOD + "extra: " + "[" * 19 + "]" * 19 + "\n",
        [
            "16:1: error[unknown-key] unknown key 'extra' (allowed here: "
            "name, title, url, released, released_basis, category, order, summary, contribution, "
            "authors, vision_encoder, language_model, connector, vision_family, language_family, "
            "params, modalities, based_on, based_on_outside, license, open_weights, code, weights, "
            "links, figure, architecture, training, alignment, datasets, sources, deep_dive)"
        ],
    ),
]
CASES += DEPTH_CASES


# The panel layout's own data (`panel_quirks`, layouts/panel/quirks.py): checked in a panel list,
# whose entries follow its entry model; a table list's entry holding it is an unknown key.
PANEL_CASES: list[tuple[str, bytes | str, list[str]]] = [
    (
        "a summary, and the quirk saying the imported panel had none",
        _with("summary: One paragraph.\npanel_quirks:\n  summary: none"),
        [
            "7:3: warning[no-summary] the entry has a summary now: remove 'panel_quirks:' and "
            "this line"
        ],
    ),
    (
        "in the note a panel shows instead of a figure",
        _with("panel_quirks:\n  figure_note: none&#x2019;s here"),
        ["6:20: " + _refs("panel_quirks.figure_note", "&#x2019;", "\u2019")],
    ),
    (
        "the quirk's keys are fields, its values references",
        _with("panel_quirks:\n  references:\n    figure_cap: '&#x27;'\n    summary: '&#x27; x'"),
        [
            "7:5: error[unknown-key] unknown key 'panel_quirks.references.figure_cap'; "
            "did you mean 'figure.caption'?",
            "8:14: error[wrong-type] panel_quirks.references.summary: 'x' is not an HTML "
            "character reference to one visible character (such as &#x27;); a space goes "
            "between two",
        ],
    ),
    (
        "unknown, invisible, Markdown and the quirk itself are left alone",
        _with(
            "summary: a &foo; b&nbsp;c R&D\ndeep_dive: <code>&#91;SEG&#93;</code>\n"
            "panel_quirks:\n  references:\n    summary: '&#x27;'"
        ),
        [],
    ),
]


def _expected(lines: list[str]) -> list[str]:
    return [f"{P}:{line}" for line in lines]


@pytest.mark.parametrize(("case", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_checker(case: str, content: bytes | str, expected: list[str]) -> None:
    raw = content.encode() if isinstance(content, str) else content
    _, diagnostics = check_entries([(P, raw)], categories=["Encoders"], required=TABLE_REQUIRED)
    assert [d.text() for d in diagnostics] == _expected(expected)


@pytest.mark.parametrize(("case", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cli(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    content: bytes | str,
    expected: list[str],
) -> None:
    target = project / P
    target.write_bytes(content.encode() if isinstance(content, str) else content)
    code = main(["check"])
    out, err = capsys.readouterr()
    assert out == "".join(line + "\n" for line in _expected(expected))
    assert code == (1 if any("error[" in line for line in expected) else 0)
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("case", "content", "expected"), PANEL_CASES, ids=[c[0] for c in PANEL_CASES]
)
def test_panel_checker(case: str, content: str, expected: list[str]) -> None:
    _, diagnostics = check_entries(
        [(P, content.encode())],
        categories=["Encoders"],
        required=TABLE_REQUIRED,
        model=PANEL.entry_model,
    )
    assert [d.text() for d in diagnostics] == _expected(expected)


@pytest.mark.parametrize(
    ("case", "content", "expected"), PANEL_CASES, ids=[c[0] for c in PANEL_CASES]
)
def test_panel_cli(
    project: Path, capsys: pytest.CaptureFixture[str], case: str, content: str, expected: list[str]
) -> None:
    (project / "awesome.yaml").write_text("layout: panel\n", encoding="utf-8")
    (project / P).write_text(content, encoding="utf-8")
    assert main(["check"]) == (1 if any("error[" in line for line in expected) else 0)
    assert capsys.readouterr().out == "".join(line + "\n" for line in _expected(expected))


def test_a_table_list_s_entry_holding_panel_quirks_names_it_an_unknown_key(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / P).write_text(_with("panel_quirks:\n  summary: none"), encoding="utf-8")
    assert main(["check"]) == 1
    assert capsys.readouterr().out.startswith(
        f"{P}:5:1: error[unknown-key] unknown key 'panel_quirks' (allowed here: name, title,"
    )
