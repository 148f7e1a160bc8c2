"""The templates a list renders with: its own templates/ over the packaged ones, sandboxed, and
template errors as positioned diagnostics."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import posixpath
import re
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox
import markupsafe

from awesome_tools.core.budget import (
    NO_BUDGET,
    Budget,
    BudgetExceeded,
    Limits,
    TimeUp,
    checked_binop,
    checked_output,
    enforced,
)
from awesome_tools.core.figureshape import old_attribute
from awesome_tools.core.links import link_label, overview_link
from awesome_tools.core.normalize import slugify
from awesome_tools.core.packaged import TEMPLATES, LayoutTemplates, packaged_file
from awesome_tools.core.rules.lists import TEMPLATE
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io.textfile import decode

README = "README.md.j2"
PACKAGE_PREFIX = "awesome_tools"


# Characters that can start Markdown markup inline (links, images, emphasis, code, HTML, tables,
# a heading's closing #s); category names are checked to hold none, and are escaped anyway.
# `<`, `>` and `&` are left to the HTML escape that follows, so its entities stay whole.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#!|~])")


def markdown_text(value: str) -> markupsafe.Markup:
    """Escape text for a Markdown heading or link text: Markdown markup, then HTML."""
    return markupsafe.escape(_MARKDOWN.sub(r"\\\1", value))


class TemplateProblem(Exception):
    """A template that does not compile or render, as a diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.text())
        self.diagnostic = diagnostic

    @classmethod
    def at(cls, path: str, line: int, column: int, message: str) -> TemplateProblem:
        """The `template` problem of a list's template (or the page's script) at a place."""
        return cls(TEMPLATE.at(path, line, column, message))


class TemplateEncodingError(jinja2.TemplateError):
    """A template file that is not UTF-8: a jinja2 error, so that every caller reports it."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class _ListLoader(jinja2.FileSystemLoader):
    """The list's templates/, each file decoded as every file the tool reads is; a template
    whose path, every component resolved, leads out of the list or to nothing is refused unread
    (`outside-list`, `dangling-link`), never skipped."""

    def __init__(self, root: Path) -> None:
        super().__init__(root / TEMPLATES)
        self.root = root

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        from awesome_tools.io.pathcheck import refused_read

        pieces = jinja2.loaders.split_template_path(template)
        refused = refused_read(
            self.root.joinpath(TEMPLATES, *pieces),
            self.root,
            "/".join((TEMPLATES, *pieces)),
            self.root,
        )
        if refused is not None:
            raise TemplateProblem(refused)
        filename = posixpath.join(self.searchpath[0], *pieces)
        if not os.path.isfile(filename):
            raise jinja2.TemplateNotFound(template)
        with open(filename, "rb") as file:
            text, problem = decode(file.read(), posixpath.join(TEMPLATES, *pieces))
        if problem is not None:
            raise TemplateEncodingError(problem)
        assert text is not None
        mtime = os.path.getmtime(filename)
        return text, os.path.normpath(filename), lambda: _unchanged(filename, mtime)


def _unchanged(filename: str, mtime: float) -> bool:
    try:
        return os.path.getmtime(filename) == mtime
    except OSError:
        return False


@dataclass(frozen=True)
class Templates:
    """A ready template environment, the list root its diagnostics' paths are shown from, and
    the budget every render runs within (`budget.py`)."""

    env: jinja2.Environment
    root: Path | None = None
    budget: Budget = NO_BUDGET

    def provide(self, **functions: Callable[..., Any]) -> None:
        """Give the templates functions to call by name: a layout hands its templates what
        they need (the table layout its columns) before it renders them."""
        self.env.globals.update(functions)

    def render(self, name: str, entries: int, /, **context: Any) -> str:
        """Render one template within the budget for that many entries; TemplateProblem if it
        fails or goes over."""
        with self.rendering(entries, name):
            return checked_output(self.env.get_template(name).render(**context), "the output")

    @contextlib.contextmanager
    def rendering(self, entries: int, template: str = README) -> Iterator[None]:
        """Run a render (of one or several templates) within the budget: anything the
        templates raise, over-budget included, becomes a TemplateProblem at the template's
        line. A render inside another runs within the outer one's budget."""
        limits = self.budget.limits(entries)
        try:
            with enforced(limits) as active:
                limits = active
                yield
        except TemplateProblem:
            raise
        except Exception as exc:  # a template's every failure is a diagnostic
            raise self.problem(exc, template=template, limits=limits) from None

    def frame(self, name: str = README) -> str:
        """Name the template file a maintainer edits to change the README's frame."""
        if self.root is not None and (self.root / "templates" / name).is_file():
            return f"templates/{name}"
        return f"the packaged template {packaged_file(name)}"

    def problem(
        self, exc: Exception, *, template: str = README, limits: Limits | None = None
    ) -> TemplateProblem:
        """Locate a template error in the template file, for a `path:line:col` diagnostic."""
        if isinstance(exc, TemplateEncodingError):
            return TemplateProblem(exc.diagnostic)
        line, source = 1, None
        if isinstance(exc, jinja2.TemplateSyntaxError):
            line, source = exc.lineno, exc.filename
        else:
            trace = traceback.extract_tb(exc.__traceback__)
            frames = [f for f in trace if f.filename.endswith(".j2")]
            if frames:
                line, source = frames[-1].lineno or 1, frames[-1].filename
        shown = source or template
        if (
            source is None
            and self.root is not None
            and (self.root / TEMPLATES / template).is_file()
        ):
            shown = f"{TEMPLATES}/{template}"
        if self.root is not None and source is not None:
            with contextlib.suppress(ValueError):
                shown = Path(source).resolve().relative_to(self.root.resolve()).as_posix()
        message = _failure(exc, limits or self.budget.limits(0))
        return TemplateProblem.at(shown, line, 1, message)


def _failure(exc: Exception, limits: Limits) -> str:
    """What went wrong in a template, in words."""
    if isinstance(exc, TimeUp):
        return f"the template ran longer than its time budget, {limits.time_text()}"
    if isinstance(exc, BudgetExceeded):
        return str(exc)
    if isinstance(exc, MemoryError):
        return f"the template ran out of memory: a render may take {limits.memory_text()}"
    if isinstance(exc, RecursionError):
        return "the template calls itself without end (a macro or a recursive loop never stops)"
    if isinstance(exc, jinja2.TemplateError):
        reason = (exc.message or type(exc).__name__).rstrip(".")
        if isinstance(exc, jinja2.exceptions.SecurityError):
            return f"the template is refused: it tries something unsafe ({reason})"
        return f"the template fails: {reason}{old_attribute(reason)}"
    reason = str(exc).splitlines()[0].rstrip(".") if str(exc) else ""
    return f"the template fails: {type(exc).__name__}" + (f": {reason}" if reason else "")


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, with a fast path for reading the list's own data.

    A declared field of an entry (a pydantic model of the schema) or of a dataclass the renderer
    passes (a section, a panel's parts) is plain data: reading it needs none of the sandbox's
    checks, which otherwise cost a third of a render. Every other attribute (a method, a dunder,
    a field of any other object) goes through them as before.
    """

    # A repetition or power in a template is measured against the output budget first.
    intercepted_binops = frozenset({"*", "**"})

    def getattr(self, obj: object, attribute: str) -> object:
        if attribute in _data_fields(type(obj)):
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        checked_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)


_FIELDS: dict[type, frozenset[str]] = {}


def _data_fields(kind: type) -> frozenset[str]:
    """The declared data fields of one of this package's models or dataclasses (else none)."""
    found = _FIELDS.get(kind)
    if found is None:
        names: list[str] = []
        if kind.__module__.startswith("awesome_tools."):
            if dataclasses.is_dataclass(kind):
                names = [f.name for f in dataclasses.fields(kind)]
            elif isinstance(getattr(kind, "model_fields", None), dict):
                names = list(kind.model_fields)  # type: ignore[attr-defined]
        found = _FIELDS[kind] = frozenset(n for n in names if not n.startswith("_"))
    return found


def load_templates(root: Path | None, budget: Budget = NO_BUDGET) -> Templates:
    """The templates of the list at root (None: the packaged ones alone), rendering within
    the budget its settings give."""
    return Templates(_environment(root), root, budget)


def _environment(root: Path | None) -> jinja2.Environment:
    """Templates from the project's templates/ first, then the package's defaults.

    Each template is looked up file by file, so a project overrides only the files it has. The
    packaged ones are also reachable as `awesome_tools/NAME`, so that an override can extend or
    import the default it replaces. Templates run sandboxed: CI renders the templates of pull
    requests, so a template must not reach Python's internals or change the values it is given.
    """
    loaders: list[jinja2.BaseLoader] = []
    if root is not None and os.path.lexists(root / TEMPLATES):
        loaders.append(_ListLoader(root))
    package = jinja2.ChoiceLoader(
        [jinja2.PackageLoader("awesome_tools", "templates"), LayoutTemplates()]
    )
    loaders += [package, jinja2.PrefixLoader({PACKAGE_PREFIX: package})]
    env = _Sandbox(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # A command reads each template once: no look at its file each time it is used (a
        # panel README renders its panel template once per model).
        auto_reload=False,
    )
    env.filters["slug"] = slugify
    env.filters["markdown_text"] = markdown_text
    env.filters["link_label"] = link_label
    env.filters["overview_link"] = overview_link
    return env
