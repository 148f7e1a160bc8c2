"""What a README layout is: the Protocol every layout package's `LAYOUT` satisfies.

A layout renders a list's entries into README text, reads a README of its shape back into an
import plan, names the files it writes besides README.md and the template its frame comes from,
checks a README of its shape, and says which fields its entries must have. The core knows no
layout: a command asks the registry (`awesome_tools.layouts`) for the list's one and hands the
core what the layout requires (`required`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from awesome_tools.core.entrycheck import Make
    from awesome_tools.core.fixes import Fixes
    from awesome_tools.core.schema import Entry
    from awesome_tools.core.settings import Settings
    from awesome_tools.core.templates import Templates
    from awesome_tools.diagnostics import Diagnostic
    from awesome_tools.layouts.importplan import ImportPlan


class LintPart(Protocol):
    """Lint of only the part of a README that differs from the expected one: its diagnostics,
    or None when only the whole README can be linted."""

    def __call__(
        self,
        text: str,
        path: str,
        expected: str,
        entry_files: dict[str, str],
        frame: str,
        fixes: Fixes,
    ) -> list[Diagnostic] | None: ...


class Layout(Protocol):
    """A README layout (one per package under `awesome_tools/layouts/`)."""

    @property
    def name(self) -> str:
        """The name `awesome.yaml`'s `layout:` gives."""

    @property
    def required(self) -> frozenset[str]:
        """The dotted fields every entry must have: `check` reports each one missing
        (`missing-field`), `new` writes each as a placeholder. A section the schema knows but
        the layout does not name may be left out; when given, it holds all its own fields.
        `a|b` is a choice: either field will do (check names the first when neither is given)."""

    @property
    def entry_model(self) -> type[Entry]:
        """The model the list's entries follow: the core's `Entry`, or a subclass adding the
        layout's own data (the panel layout's `panel_quirks`) and its to-dos (`Entry.todo`)."""

    @property
    def suggested(self) -> frozenset[str]:
        """Fields `new` also writes as placeholders, though an entry may leave them out."""

    @property
    def shown(self) -> frozenset[str] | None:
        """The optional top-level fields and sections the README shows: `new -i` offers only
        these (None: every field of the schema)."""

    @property
    def extra_files(self) -> tuple[str, ...]:
        """Every path `extras` may write, from the list's root: the hooks and docs name them."""

    @property
    def lint_part(self) -> LintPart | None:
        """Lint of the part of a README that differs from the expected one, where every text
        value reaches the README escaped, so that lint may trust a current README to templates
        that render probe entries clean (`engine/proof.py`); None: the README is always
        parsed whole."""

    @property
    def lint_alone(self) -> Callable[[str, str], Any] | None:
        """The README checks that need no entry, run on (text, path) in another process while
        the entries load and the expected README renders; `lint` takes the result as `alone`.
        None: the layout has none apart."""

    def recognises(self, text: str) -> bool:
        """Whether README text is written in this layout (import and a lone lint ask)."""

    def render(
        self,
        entries: Sequence[Entry],
        settings: Settings,
        templates: Templates,
        /,
        *,
        jobs: int = 1,
        made: Sequence[Any] | None = None,
    ) -> str:
        """Entries to README text through the list's templates, as its settings say (its
        categories, title, figure markers and heading level: each layout reads what it
        shows); `jobs` processes may share the work of a large list. `made`, aligned with
        `entries`, is what `entry_parts` made of each where it was checked (None: nothing was,
        and the layout renders every part itself)."""

    def entry_parts(self, templates: Templates, settings: Settings, /) -> Make | None:
        """What the processes that check the entries render of each valid one, there, for
        `render` to place (`made`): no second round of processes, the parent only places
        text. None: the layout renders its entries in `render` (the default)."""

    def read(
        self, raw: bytes, path: str, /, *, categories: str | None, categories_path: str
    ) -> ImportPlan:
        """README bytes (shown as `path`) to the entry files, categories and frame they hold;
        `categories` is the list's categories.yaml text, if any."""

    def extras(
        self, entries: Sequence[Entry], settings: Settings, templates: Templates, /
    ) -> dict[str, str]:
        """The files render writes besides README.md, by path from the list's root."""

    def frame(self, templates: Templates) -> str:
        """The template the README's frame comes from, by name."""

    def lint(
        self,
        text: str,
        path: str,
        /,
        *,
        expected: str | None,
        entry_files: dict[str, str],
        frame: str,
        fixes: Fixes,
        jobs: int = 1,
        shortcuts: bool = True,
        alone: Callable[[], Any] | None = None,
    ) -> list[Diagnostic]:
        """README text's diagnostics, against the expected README where given (drift, naming
        entry files by name); `jobs` processes may share the work; without `shortcuts` every
        text is parsed whole (`lint --no-shortcut`); `alone` gives what `lint_alone` found of
        this text, begun earlier."""


class LayoutDefaults:
    """What a layout has unless it says otherwise: nothing suggested beyond its required
    fields, every optional field shown, no file besides README.md, no shortcut or entry-free
    checks apart (its README is linted whole), the core's entry model, and nothing rendered
    where the entries are checked. A layout class may start from it."""

    suggested: frozenset[str] = frozenset()
    shown: frozenset[str] | None = None
    extra_files: tuple[str, ...] = ()
    lint_part: LintPart | None = None
    lint_alone: Callable[[str, str], Any] | None = None

    def extras(
        self, entries: Sequence[Entry], settings: Settings, templates: Templates, /
    ) -> dict[str, str]:
        """No file besides README.md."""
        return {}

    @property
    def entry_model(self) -> type[Entry]:
        """The core's entry model, with no data of the layout's own."""
        from awesome_tools.core.schema import Entry

        return Entry

    def entry_parts(self, templates: Templates, settings: Settings, /) -> Make | None:
        """Nothing rendered where the entries are checked: `render` renders them."""
        return None
