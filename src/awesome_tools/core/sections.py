"""The sections and parts of an entry, each a pydantic model with every field described:
architecture, training, alignment, datasets, a typed link, the figure and the modalities."""

from __future__ import annotations

from pydantic import Field

from awesome_tools.core.facettypes import InputModality, OutputModality, listed, one_or_several
from awesome_tools.core.fieldtypes import (
    Digits,
    FigureRef,
    HttpsUrl,
    LinkKind,
    Text,
    WebUrl,
)
from awesome_tools.core.strictmodel import StrictModel


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


class Modalities(StrictModel):
    """What the model reads and what it writes."""

    input: one_or_several(InputModality) = Field(  # type: ignore[valid-type]
        description="What the model reads: one or a list of the input modalities in "
        "docs/facets.md (text, image, video, audio)."
    )
    output: one_or_several(OutputModality) = Field(  # type: ignore[valid-type]
        description="What the model writes: one or a list of the output modalities in "
        "docs/facets.md (text, image, video, audio, boxes, masks, embeddings)."
    )

    @property
    def inputs(self) -> list[str]:
        return listed(self.input)

    @property
    def outputs(self) -> list[str]:
        return listed(self.output)
