"""The rules of an entry's comparable facets, emitted by their field types
(`core/facettypes.py`, through `core/problems.py`) and, across entries, by `core/lineage.py`."""

from __future__ import annotations

from awesome_tools.rule import Example, Rule

UNKNOWN_FAMILY = Rule(
    "unknown-family",
    "entry",
    "`vision_family` or `language_family` is not a value of its vocabulary.",
    "Use one of the families listed in docs/facets.md (the message suggests the closest), or "
    "`in-house` for a model of the authors' own; several are written as a list.",
    Example("vision_family: clip", 1, 16),
    Example("vision_family: clip-vit"),
    error_types=("unknown_family",),
)

UNKNOWN_MODALITY = Rule(
    "unknown-modality",
    "entry",
    "A value of `modalities.input` or `modalities.output` is not one the vocabulary allows.",
    "Inputs are text, image, video or audio; outputs text, image, audio, boxes or masks.",
    Example("modalities:\n  input: [text, photo]\n  output: text", 2, 17),
    Example("modalities:\n  input: [text, image]\n  output: text"),
    error_types=("unknown_modality",),
)

REPEATED_VALUE = Rule(
    "repeated-value",
    "entry",
    "A list of values (connectors, families, sizes, modalities, lineage, sources) names one "
    "value twice.",
    "Keep one of the two.",
    Example("params: [7B, 13B, 7B]", 1, 9),
    Example("params: [7B, 13B]"),
    error_types=("repeated_value",),
)

BAD_PARAMS = Rule(
    "bad-params",
    "entry",
    "A released size in `params` is not a number followed by M, B or T.",
    "Write each size as papers do, `7B`, `400M` or `1.2T`; a mixture of experts as "
    "`27B (4.5B active)`.",
    Example("params: [7 billion]", 1, 10),
    Example("params: [7B, 27B (4.5B active)]"),
    error_types=("bad_params",),
)

UNKNOWN_LICENSE = Rule(
    "unknown-license",
    "entry",
    "`license` is not an SPDX licence id, `LicenseRef-<name>`, `proprietary` or `research-only`.",
    "Write the SPDX id of the weights' licence (the message suggests the closest); a licence "
    "of the model's own is `LicenseRef-` and its name, such as `LicenseRef-Llama-2`.",
    Example("license: Apache 2.0", 1, 10),
    Example("license: Apache-2.0"),
    error_types=("unknown_license",),
)

UNKNOWN_BASIS = Rule(
    "unknown-basis",
    "entry",
    "`released_basis` is neither `arxiv-v1` nor `official-release`.",
    "Write `arxiv-v1` when `released` is the date of the paper's first arXiv version, "
    "`official-release` when it is the date of the announcement or model card.",
    Example("released_basis: paper", 1, 17),
    Example("released_basis: official-release"),
    error_types=("unknown_basis",),
)


BAD_FLAG = Rule(
    "bad-flag",
    "entry",
    "`open_weights` is neither `true` nor `false`.",
    "Write `true` when the weights can be downloaded, `false` when they cannot.",
    Example("open_weights: yes", 1, 15),
    Example("open_weights: true"),
    error_types=("bad_flag",),
)

UNKNOWN_BASED_ON = Rule(
    "unknown-based-on",
    "entry",
    "`based_on` names a model that is not in the list.",
    "Write the name of an entry of this list as its `name` gives it (the message suggests the "
    "closest); a model outside the list goes in `based_on_outside`.",
    Example("based_on: [LLaVA 2]", 1, 12),
    Example("based_on_outside: [LLaVA 2]"),
)

LINEAGE_CYCLE = Rule(
    "lineage-cycle",
    "entry",
    "Following `based_on` from an entry leads back to it: a model would build on itself.",
    "Remove the `based_on` link that points the wrong way: the older model does not build on "
    "the newer one.",
    Example("based_on: [LLaVA]", 1, 12),
    Example("based_on_outside: [Vicuna-13B]"),
)

RULES = (
    UNKNOWN_FAMILY,
    UNKNOWN_MODALITY,
    REPEATED_VALUE,
    BAD_PARAMS,
    UNKNOWN_LICENSE,
    UNKNOWN_BASIS,
    BAD_FLAG,
    UNKNOWN_BASED_ON,
    LINEAGE_CYCLE,
)
