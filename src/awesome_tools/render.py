"""Entries to README text through jinja2 templates: the package's default or the project's own."""

from __future__ import annotations

import contextlib
import re
import traceback
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.sandbox
import markupsafe

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.fixes import Fixes
from awesome_tools.normalize import slugify
from awesome_tools.schema import Entry

TEMPLATE = "README.md.j2"
PACKAGE_PREFIX = "awesome_tools"
DEFAULT_SECTION = "Architectures"


@dataclass(frozen=True)
class Section:
    """A `##` section of the README and the models listed under it."""

    name: str
    anchor: str
    entries: list[Entry]


def github_anchor(heading: str) -> str:
    """Return the fragment GitHub gives a heading: lower case, no punctuation, `-` for space."""
    kept = []
    for ch in heading.lower():
        category = unicodedata.category(ch)
        if ch in "-_" or category[0] in "LNM":
            kept.append(ch)
        elif ch == " ":
            kept.append("-")
    return "".join(kept)


# Characters that can start Markdown markup inline (links, images, emphasis, code, HTML, tables,
# a heading's closing #s); category names are checked to hold none, and are escaped anyway.
# `<`, `>` and `&` are left to the HTML escape that follows, so its entities stay whole.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#!|~])")


def markdown_text(value: str) -> markupsafe.Markup:
    """Escape text for a Markdown heading or link text: Markdown markup, then HTML."""
    return markupsafe.escape(_MARKDOWN.sub(r"\\\1", value))


def sort_key(entry: Entry) -> tuple[str, str]:
    """Order within a section: by name ignoring case, ties by file name."""
    return entry.name.casefold(), slugify(entry.name)


def sections(entries: Sequence[Entry], categories: Sequence[str]) -> list[Section]:
    """Group entries by category in the order of categories.yaml; the rest go last."""
    grouped: dict[str, list[Entry]] = {name: [] for name in [*categories, DEFAULT_SECTION]}
    for entry in entries:
        grouped[entry.category or DEFAULT_SECTION].append(entry)
    return [
        Section(name, github_anchor(name), sorted(members, key=sort_key))
        for name, members in grouped.items()
        if members
    ]


def newest_first(entries: Sequence[Entry]) -> list[Entry]:
    """Order for the overview: latest release first, undated last, ties by name."""
    ordered = sorted(entries, key=sort_key)
    dated = sorted((e for e in ordered if e.released), key=lambda e: e.released or "", reverse=True)
    return dated + [e for e in ordered if not e.released]


def environment(root: Path | None) -> jinja2.Environment:
    """Templates from the project's templates/ first, then the package's defaults.

    Each template is looked up file by file, so a project overrides only the files it has. The
    packaged ones are also reachable as `awesome_tools/NAME`, so that an override can extend or
    import the default it replaces. Templates run sandboxed: CI renders the templates of pull
    requests, so a template must not reach Python's internals or change the values it is given.
    """
    loaders: list[jinja2.BaseLoader] = []
    if root is not None and (root / "templates").is_dir():
        loaders.append(jinja2.FileSystemLoader(root / "templates"))
    package = jinja2.PackageLoader("awesome_tools", "templates")
    loaders += [package, jinja2.PrefixLoader({PACKAGE_PREFIX: package})]
    env = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["slug"] = slugify
    env.filters["markdown_text"] = markdown_text
    return env


def template_path(root: Path | None) -> str:
    """Name the template file a maintainer edits to change the README's frame."""
    if root is not None and (root / "templates" / TEMPLATE).is_file():
        return f"templates/{TEMPLATE}"
    return f"the packaged template awesome_tools/templates/{TEMPLATE}"


class TemplateProblem(Exception):
    """A template that does not compile or render, as a diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.text())
        self.diagnostic = diagnostic


def template_problem(
    exc: jinja2.TemplateError, root: Path | None, *, template: str = TEMPLATE
) -> TemplateProblem:
    """Locate a template error in the template file, for a `path:line:col` diagnostic."""
    line, source = 1, None
    if isinstance(exc, jinja2.TemplateSyntaxError):
        line, source = exc.lineno, exc.filename
    else:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
        if frames:
            line, source = frames[-1].lineno or 1, frames[-1].filename
    shown = source or template
    if root is not None and source is not None:
        with contextlib.suppress(ValueError):
            shown = Path(source).resolve().relative_to(root.resolve()).as_posix()
    reason = (exc.message or type(exc).__name__).rstrip(".")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        message = f"the template is refused: it tries something unsafe ({reason})"
    else:
        message = f"the template fails: {reason}"
    return TemplateProblem(Diagnostic(shown, line, 1, "template", message))


def render_readme(
    entries: Sequence[Entry], categories: Sequence[str], *, root: Path | None = None
) -> str:
    """Render README text; the same entries always give the same bytes."""
    try:
        text = (
            environment(root)
            .get_template(TEMPLATE)
            .render(
                sections=sections(entries, categories),
                overview=newest_first(entries),
                count=len(entries),
            )
        )
    except jinja2.TemplateError as exc:
        raise template_problem(exc, root) from None
    if not text.endswith("\n") or text.endswith("\n\n"):
        text = text.rstrip("\n") + "\n"
    if " \n" in text or "\t\n" in text:
        # A template that leaves trailing whitespace still gives a clean README.
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


def hand_edit_notes(previous: str, entries: Sequence[Entry], shown: str, fixes: Fixes) -> list[str]:
    """Where a hand edit that the render hook just overwrote still is, and how to keep it.

    In a commit, the edited README.md is still in git's index; a model block that no entry file
    gives (a model added by hand) can be imported from there into an entry file.
    """
    from awesome_tools.blocks import read_document

    names = {entry.name.casefold() for entry in entries}
    notes = [
        f"if you edited {shown} by hand, the edit is still staged (`git diff --cached {shown}` "
        "shows it): make it in entries/ instead, then commit"
    ]
    staged = "staged-README.md"
    for block in read_document(previous).models:
        if block.summary and block.summary.casefold() not in names:
            notes.append(
                f"{shown} had block '{block.summary}' (line {block.line}) with no entry file; "
                f"to keep it: `git show :{shown} > {staged}`, then `{fixes.import_file(staged)}` "
                "writes its entry file"
            )
    return notes
