"""`new -i`: the questions, a field at a time, each answer checked as `check` would check it.

First what the list's layout needs (and the sections it proposes, each with a yes/no); then, only
if the contributor opts in, the optional fields that layout shows. The figure is a section: its
file and alt text are asked for only when it is included, its caption, source and the rest with
them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from awesome_tools.commands.common import say
from awesome_tools.outputs.scaffold import EntryField, fields

# What `check` would say about one typed answer (`error[rule] message`), or None.
Problem = Callable[[tuple[str, ...], str], str | None]


@dataclass
class Interview:
    """The list's side of the questions, and the answers so far."""

    categories: Sequence[str]
    problem: Problem
    required: Collection[str]
    suggested: Collection[str]
    offered: Collection[str] | None  # the optional fields the layout shows (None: all)
    known: Collection[str] = ()
    values: dict[str, str] = field(default_factory=dict)
    skip: list[str] = field(default_factory=list)

    def _open(self, entry_field: EntryField) -> bool:
        """Whether a field is still to be asked about (not known, not in a section left out)."""
        dotted = entry_field.dotted
        if entry_field.path == ("name",) or dotted in self.known:
            return False
        if entry_field.listed:
            return False
        if entry_field.path == ("category",) and not self.categories:
            return False  # nothing to choose from: `check` would refuse any answer
        return not any(dotted.startswith(f"{s}.") for s in self.skip)

    def _needed(self, entry_field: EntryField) -> bool:
        """Whether the layout needs the field, proposes its section, or it places the model."""
        top = entry_field.path[0]
        proposed = any(s.split(".")[0] == top for s in self.suggested)
        return entry_field.required or proposed or entry_field.path == ("category",)

    def _shown(self, entry_field: EntryField) -> bool:
        return self.offered is None or entry_field.path[0] in self.offered

    def ask(self, entry_field: EntryField, *, opted_in: bool) -> None:
        """Ask about one field (a section: whether to include it) until the answer passes.

        A section the layout proposes is included unless declined; one opted into, only if
        accepted.
        """
        dotted = entry_field.dotted
        if entry_field.section:
            if not entry_field.required:
                default = "[y/N]" if opted_in else "[Y/n]"
                answer = input(f"{dotted}: {entry_field.description} Include it? {default} ")
                chosen = answer.strip().lower()
                declined = chosen not in ("y", "yes") if opted_in else chosen in ("n", "no")
                if declined:
                    self.skip.append(dotted)
            return
        hint = f" ({', '.join(self.categories)})" if entry_field.path == ("category",) else ""
        maybe = " [optional, Enter to skip]" if not entry_field.required else ""
        while answer := input(f"{dotted}: {entry_field.description}{hint}{maybe}\n> ").strip():
            problem = self.problem(entry_field.path, answer)
            if problem is None:
                self.values[dotted] = answer
                return
            say([problem])

    def run(self) -> None:
        """Ask what the layout needs, then offer the optional fields it shows."""
        later: list[EntryField] = []
        held: set[str] = set()  # sections not asked about now: their fields follow them
        for entry_field in fields(self.required):
            if not self._open(entry_field):
                continue
            if self._needed(entry_field) and entry_field.path[0] not in held:
                self.ask(entry_field, opted_in=False)
                continue
            if entry_field.section:
                held.add(entry_field.dotted)
            if self._shown(entry_field):
                later.append(entry_field)
        names = [f.dotted for f in later if len(f.path) == 1]
        if not names:
            return
        answer = input(f"Add optional fields ({', '.join(names)})? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            return
        for entry_field in later:
            if self._open(entry_field):
                self.ask(entry_field, opted_in=True)
