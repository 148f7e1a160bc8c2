"""The field types of an entry: text, links, dates, numbers, prose, figures, vocabulary values,
each a validated `Annotated` type with messages in plain words."""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePosixPath
from typing import Annotated

from pydantic import (
    AfterValidator,
    Field,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

from awesome_tools.core.digits import foreign_digit_problem
from awesome_tools.core.mdsafe import deep_dive_problem
from awesome_tools.core.normalize import (
    canonical_text,
    find_control_character,
    is_plain,
    windows_device,
)
from awesome_tools.core.unicodepolicy import hidden_character, hidden_problem
from awesome_tools.core.urls import BadUrl, split_url, whitespace_problem

PLACEHOLDER = "TODO:"


def _text(value: str) -> str:
    if value.startswith(PLACEHOLDER):
        raise PydanticCustomError("placeholder", "still holds the placeholder")
    if value and is_plain(value):
        return value
    index = find_control_character(value)
    if index is not None:
        raise PydanticCustomError(
            "control_character",
            "control character U+{code} is not allowed; remove it",
            {"code": f"{ord(value[index]):04X}"},
        )
    text = canonical_text(value)
    if not text:
        raise PydanticCustomError("empty_text", "must not be empty")
    if text.startswith(PLACEHOLDER):
        raise PydanticCustomError("placeholder", "still holds the placeholder")
    return text


def _name(value: str) -> str:
    """A model's name: text without a character that shows as nothing (`unicodepolicy`), so
    that no two names look alike and differ; `at` places the character."""
    text = _text(value)
    problem = hidden_problem(value)
    if problem is not None:
        at, message = problem
        raise PydanticCustomError("hidden_character", "{problem}", {"problem": message, "at": at})
    return text


def _url(value: str, *, schemes: tuple[str, ...]) -> str:
    url = _text(value)
    try:
        link = split_url(url)
    except BadUrl as exc:
        context: dict[str, object] = {"problem": str(exc)}
        # Whitespace is named and placed as written (a tab, a no-break space), not as the space
        # it was made; `at` is its index in the value, for the diagnostic's column.
        spaced = whitespace_problem(value.strip()) if exc.index is not None else None
        hidden = hidden_character(value)
        if spaced is not None and spaced.index is not None:
            at = len(value) - len(value.lstrip()) + spaced.index
            context = {"problem": str(spaced), "at": at}
        elif hidden is not None:
            # A character that shows as nothing is placed where it stands in the value.
            context["at"] = hidden
        raise PydanticCustomError("bad_url", "{problem}", context) from None
    wanted = " or ".join(f"{s}://" for s in schemes)
    if link.scheme not in schemes or not link.host:
        raise PydanticCustomError(
            "bad_url",
            "must be an absolute {wanted} link, got '{url}'",
            {"wanted": wanted, "url": url},
        )
    return url


def _web_url(value: str) -> str:
    return _url(value, schemes=("http", "https"))


def _https_url(value: str) -> str:
    return _url(value, schemes=("https",))


def url_problem(value: str) -> str | None:
    """Say what is wrong with a paper link, or None when it is fine."""
    try:
        _web_url(value)
    except PydanticCustomError as exc:
        return exc.message()
    return None


_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")


def _ascii_digits(value: str, kind: str) -> None:
    """Refuse a digit of another script, named, at its character, with the value to type."""
    problem = foreign_digit_problem(value)
    if problem is not None:
        at, message = problem
        raise PydanticCustomError(kind, "{problem}", {"problem": message, "at": at})


def _released(value: str) -> str:
    text = _text(value)
    _ascii_digits(value, "bad_date")
    match = _DATE.fullmatch(text)
    if match is None:
        raise PydanticCustomError(
            "bad_date",
            "must be a date written YYYY-MM or YYYY-MM-DD, got '{value}'",
            {"value": text},
        )
    year, month, day = match.groups()
    try:
        when = date(int(year), int(month), int(day or 1))
    except ValueError:
        raise PydanticCustomError(
            "bad_date", "'{value}' is not a real date", {"value": text}
        ) from None
    if when > date.today():
        raise PydanticCustomError("bad_date", "'{value}' is in the future", {"value": text})
    return text


_DIGITS = re.compile(r"[0-9]+")


def _digits(value: str) -> str:
    text = _text(value)
    _ascii_digits(value, "bad_number")
    if _DIGITS.fullmatch(text) is None:
        raise PydanticCustomError(
            "bad_number", "must be a whole number written in digits, got '{value}'", {"value": text}
        )
    return text


def _prose(value: str) -> str:
    """Markdown paragraphs: line ends made `\n`, each line's trailing spaces and the ends'
    blank lines dropped; unlike Text, the lines stay."""
    index = find_control_character(value)
    if index is not None:
        raise PydanticCustomError(
            "control_character",
            "control character U+{code} is not allowed; remove it",
            {"code": f"{ord(value[index]):04X}"},
        )
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    if not text.strip():
        raise PydanticCustomError("empty_text", "must not be empty")
    if text.lstrip().startswith(PLACEHOLDER):
        raise PydanticCustomError("placeholder", "still holds the placeholder")
    problem = deep_dive_problem(text)
    if problem is not None:
        raise PydanticCustomError(
            "open_block",
            "line {line} of its Markdown {what}: GitHub would show the panels after it as part "
            "of it; close it in the deep dive, or write the markup as text (`<` as `&lt;`, a "
            "fence in a code span)",
            {"line": problem[0] + 1, "what": problem[1], "at_line": problem[0]},
        )
    return text


def _figure(value: str) -> str:
    """An https link, or a file path relative to the list's root that stays inside it."""
    text = _text(value)
    if "://" in text or ":" in text.split("/")[0]:
        return _https_url(text)
    path = PurePosixPath(text)
    if "\\" in text or path.is_absolute() or ".." in path.parts:
        raise PydanticCustomError(
            "bad_url",
            "must be an https:// link or a path relative to the list's folder without '..', "
            "got '{value}'",
            {"value": text},
        )
    device = next(filter(None, map(windows_device, path.parts)), None)
    if device is not None:
        raise PydanticCustomError(
            "bad_url",
            "Windows reserves the name '{device}' for a device, so it cannot check out "
            "'{value}': rename the file",
            {"device": device, "value": text},
        )
    return text


def _references(value: str) -> str:
    """HTML character references, a space between two, each to one visible character."""
    from awesome_tools.core.charrefs import character

    text = _text(value)
    for token in text.split(" "):
        if character(token) is None:
            raise PydanticCustomError(
                "bad_reference",
                "'{token}' is not an HTML character reference to one visible character "
                "(such as &#x27;); a space goes between two",
                {"token": token},
            )
    return text


LINK_KINDS = ("paper", "code", "model", "project", "demo", "other")


def _link_kind(value: str) -> str:
    text = _text(value)
    if text not in LINK_KINDS:
        raise PydanticCustomError(
            "unknown_link_kind", "unknown link kind '{value}'", {"value": text}
        )
    return text


def _category(value: str, info: ValidationInfo) -> str:
    allowed = (info.context or {}).get("categories")
    if allowed is not None and value not in allowed:
        raise PydanticCustomError(
            "unknown_category", "unknown category '{value}'", {"value": value}
        )
    return value


# The JSON Schema keywords only mirror the validators for editors and other tools.
Text = Annotated[str, AfterValidator(_text), Field(json_schema_extra={"pattern": r"\S"})]
Name = Annotated[str, AfterValidator(_name), Field(json_schema_extra={"pattern": r"\S"})]


def _lines(value: str) -> str:
    """Text whose lines a `<br>` separates (the authors): no space at a line's ends and no
    empty line, which the README does not show (a panel's authors are one line each) and
    import does not read."""
    lines = [line for line in _BR_SPACES.split(_text(value)) if line]
    if not lines:
        raise PydanticCustomError("empty_text", "must not be empty")
    return "<br>".join(lines)


_BR_SPACES = re.compile(r" *<br> *")
BrLines = Annotated[str, AfterValidator(_lines), Field(json_schema_extra={"pattern": r"\S"})]
WebUrl = Annotated[
    str,
    AfterValidator(_web_url),
    Field(json_schema_extra={"pattern": r"^\s*[Hh][Tt][Tt][Pp][Ss]?://"}),
]
HttpsUrl = Annotated[
    str,
    AfterValidator(_https_url),
    Field(json_schema_extra={"pattern": r"^\s*[Hh][Tt][Tt][Pp][Ss]://"}),
]
Category = Annotated[Text, AfterValidator(_category)]
Released = Annotated[
    str,
    AfterValidator(_released),
    Field(json_schema_extra={"pattern": r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"}),
]
References = Annotated[str, AfterValidator(_references), Field(json_schema_extra={"pattern": "&"})]
Digits = Annotated[str, AfterValidator(_digits), Field(json_schema_extra={"pattern": r"^[0-9]+$"})]
Prose = Annotated[str, AfterValidator(_prose), Field(json_schema_extra={"pattern": r"\S"})]
FigureRef = Annotated[
    str,
    AfterValidator(_figure),
    Field(json_schema_extra={"pattern": r"^(\s*[Hh][Tt][Tt][Pp][Ss]://|[^/\\:]+(/|$))"}),
]
LinkKind = Annotated[
    str, AfterValidator(_link_kind), Field(json_schema_extra={"enum": list(LINK_KINDS)})
]
