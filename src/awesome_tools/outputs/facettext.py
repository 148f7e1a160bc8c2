"""The comparable facets as a card and the compare view show them: one line of text each."""

from __future__ import annotations

from awesome_tools.core.schema import Entry

# Each facet a card shows beside the others, by key, with its label; `based_on` also stands
# for the models outside the list that an entry builds on.
FACET_LABELS = (
    ("vision_family", "Encoder family"),
    ("language_family", "Language-model family"),
    ("params", "Sizes"),
    ("modalities", "Modalities"),
    ("license", "Licence"),
    ("open_weights", "Open weights"),
    ("based_on", "Based on"),
)
_OPEN = {"true": "yes", "false": "no"}


def facet_texts(entry: Entry) -> dict[str, str]:
    """Each facet of FACET_LABELS as one line ("" where the entry does not record it)."""
    modalities = entry.modalities
    return {
        "vision_family": ", ".join(entry.vision_families),
        "language_family": ", ".join(entry.language_families),
        "params": ", ".join(entry.params or []),
        "modalities": (
            f"{', '.join(modalities.inputs)} → {', '.join(modalities.outputs)}"
            if modalities
            else ""
        ),
        "license": ", ".join(entry.licenses),
        "open_weights": _OPEN.get(entry.open_weights or "", ""),
        "based_on": ", ".join([*(entry.based_on or []), *(entry.based_on_outside or [])]),
    }
