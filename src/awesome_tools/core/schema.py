"""The entry schema: one pydantic model per table section, every field described."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field

from awesome_tools.core.fieldtypes import (
    BrLines,
    Category,
    Connector,
    Digits,
    FigureRef,
    HttpsUrl,
    LinkKind,
    Name,
    Prose,
    Released,
    Text,
    WebUrl,
)
from awesome_tools.core.strictmodel import StrictModel
from awesome_tools.core.vocabulary import connectors

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from awesome_tools.core.loaded import Loaded
    from awesome_tools.diagnostics import Diagnostic


class Architecture(StrictModel):
    """How the model is built."""

    overview: Text = Field(
        description="One paragraph on how the model works as a whole: what goes in, what comes "
        "out, and how vision and language parts are put together."
    )
    components: Text = Field(
        description="The building blocks: vision encoder, language model, the connector between "
        "them, and any other module that matters."
    )


class Training(StrictModel):
    """How the model is trained."""

    methods: Text = Field(
        description="The training recipe: stages, objectives and losses, what is frozen and what "
        "is tuned."
    )


class Alignment(StrictModel):
    """How vision and language are brought together (absent for vision encoders)."""

    techniques: Text = Field(
        description="How visual and textual representations are aligned (contrastive learning, "
        "instruction tuning, ...)."
    )
    fusion_methods: Text = Field(
        description="Where and how visual features enter the language model (projection, "
        "cross-attention, learned queries, ...)."
    )


class Datasets(StrictModel):
    """What the model is trained and evaluated on."""

    used: Text = Field(description="The datasets, comma-separated, as the paper names them.")
    purpose: Text = Field(description="What each dataset is used for: pre-training, tuning, ...")


class Link(StrictModel):
    """One typed link of a model, shown as a badge in the panel layout."""

    kind: LinkKind = Field(
        description="What the link leads to: paper, code, model (weights or model card), "
        "project (page), demo or other."
    )
    url: WebUrl = Field(description="The http(s) link itself.")
    label: Text | None = Field(
        default=None,
        description="Optional: the badge text as shown (arXiv, GitHub, HuggingFace, Gradio, "
        "Project, ...); by default the kind's own label.",
    )
    badge: HttpsUrl | None = Field(
        default=None,
        description="Optional: the https link of the badge image exactly as the list shows it; "
        "by default a shields.io badge made from the label.",
    )


class Figure(StrictModel):
    """An image of the architecture, its alt text, and where it comes from."""

    file: FigureRef = Field(
        description="The image: an https link, or a file path relative to the list's folder "
        "(e.g. assets/architectures/llava.png) that must exist."
    )
    alt: Text = Field(description="The alt text: what the diagram shows.")
    caption: Text | None = Field(
        default=None, description="Optional: the figure's caption, as its source gives it."
    )
    number: Digits | None = Field(
        default=None, description="Optional: the figure's number in its source (e.g. 2)."
    )
    source: WebUrl | None = Field(
        default=None,
        description="Optional: the http(s) link to the paper or page the figure comes from.",
    )
    page: Digits | None = Field(
        default=None, description="Optional: the page of the source that holds the figure."
    )
    width: Digits | None = Field(
        default=None, description="Optional: the width the figure is shown at, in pixels."
    )

    def __html__(self) -> str:
        """A template writing the figure itself (`{{ entry.figure }}`: the path, in the old
        shape) fails naming the field to write, rather than writing the mapping."""
        raise TypeError("the figure is one mapping now: entry.figure.file is the image")


class Entry(StrictModel):
    """One model of the list: the data behind one collapsible block of the README."""

    name: Name = Field(description="The model's name as the README shows it (the block's summary).")
    title: Text = Field(description="The title of the paper or page that introduces the model.")
    url: WebUrl = Field(description="The http(s) link to that paper or page (arXiv abs preferred).")
    released: Released | None = Field(
        default=None,
        description="Optional: when the model was first released (its paper's first version), "
        "as YYYY-MM or YYYY-MM-DD.",
    )
    category: Category | None = Field(
        default=None,
        description="Optional: the README section the model is listed under; one of the names "
        "in categories.yaml.",
    )
    order: Digits | None = Field(
        default=None,
        description="Optional: the editorial order among models released the same day, as a "
        "number (1 first in the newest-first timeline); models without one follow, by name.",
    )
    summary: Text | None = Field(
        default=None,
        description="The panel's one-paragraph summary of the model (required by the panel "
        "layout).",
    )
    contribution: Text | None = Field(
        default=None,
        description="Optional: the model's distinctive contribution in one line (the release "
        "timeline's row).",
    )
    authors: BrLines | None = Field(
        default=None,
        description="Optional: the authors and affiliation as the panel shows them "
        "(e.g. Mingqiao Ye et al., EPFL).",
    )
    vision_encoder: Text | None = Field(
        default=None,
        description="Optional: the vision encoder, as the paper names it (e.g. CLIP ViT-L/14).",
    )
    language_model: Text | None = Field(
        default=None,
        description="Optional: the language model, as the paper names it (e.g. Vicuna-13B).",
    )
    connector: Connector | None = Field(
        default=None,
        description="Optional: how the vision encoder feeds the language model; one of the "
        "values of the connector vocabulary (docs/facets.md).",
    )
    code: HttpsUrl | None = Field(
        default=None, description="Optional: an https link to the official code repository."
    )
    weights: HttpsUrl | None = Field(
        default=None, description="Optional: an https link to the released model weights."
    )
    links: list[Link] | None = Field(
        default=None,
        description="Optional: the model's typed links in display order (paper, code, then "
        "model or demo), each a mapping of kind, url and optionally label and badge.",
    )
    figure: Figure | None = Field(
        default=None,
        description="Optional: an image of the architecture, a mapping of its file and alt "
        "text (both required) and, optionally, its caption, number, source, page and width.",
    )
    architecture: Architecture | None = Field(
        default=None, description="How the model is built (required by the table layout)."
    )
    training: Training | None = Field(
        default=None, description="How the model is trained (required by the table layout)."
    )
    alignment: Alignment | None = Field(
        default=None,
        description="How vision and language are aligned; leave it out for pure vision encoders.",
    )
    datasets: Datasets | None = Field(
        default=None,
        description="What the model is trained and evaluated on (required by the table layout).",
    )
    deep_dive: Prose | None = Field(
        default=None,
        description='Optional: the panel\'s "More Information": Markdown paragraphs, a blank '
        "line between two; line breaks are kept.",
    )

    # The fields that hold plain text, dotted (`[]`: every item of a list): where an HTML
    # character reference is a mistake (core/charrefs.py). A layout's entry model adds its own.
    plain_text: ClassVar[tuple[str, ...]] = (
        "name",
        "title",
        "summary",
        "contribution",
        "authors",
        "vision_encoder",
        "language_model",
        "links[].label",
        "figure.alt",
        "figure.caption",
        "architecture.overview",
        "architecture.components",
        "training.methods",
        "alignment.techniques",
        "alignment.fusion_methods",
        "datasets.used",
        "datasets.purpose",
    )

    @classmethod
    def todo(
        cls, loaded: Loaded, missing: list[ErrorDetails]
    ) -> tuple[list[ErrorDetails], list[Diagnostic]]:
        """The missing fields that fail the entry, and the warnings that stand for the others:
        a layout's entry model may excuse a missing field it knows the reason for. None here."""
        return missing, []

    @property
    def local_figure(self) -> str | None:
        """The figure when it is a file of the list (a path from its root), not an https link."""
        figure = self.figure
        return figure.file if figure is not None and "://" not in figure.file else None


def entry_json_schema(
    categories: list[str], *, required: Collection[str], model: type[Entry] | None = None
) -> dict[str, Any]:
    """Return the JSON Schema of an entry file of the layout's `model` (`Entry` unless given),
    the allowed categories and the top-level keys the layout requires (`required`, dotted)
    included."""
    model = model or Entry
    schema = model.model_json_schema()
    # A choice (`a|b`) requires neither key on its own.
    needed = {dotted.split(".")[0] for dotted in required if "|" not in dotted}
    schema["required"] = [key for key in model.model_fields if key in needed]
    # Optional fields are left out, never null: YAML `~` is the text "~" to our loader.
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for prop in definition.get("properties", {}).values():
            options = [o for o in prop.pop("anyOf", []) if o != {"type": "null"}]
            if options:
                prop.pop("default", None)
                prop.update(options[0])
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Awesome VLM Architectures entry"
    schema["properties"]["category"]["enum"] = categories
    schema["properties"]["connector"]["enum"] = list(connectors())
    return schema
