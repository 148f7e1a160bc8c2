"""The entry schema: one model per entry, every field described; its sections' models are in
`sections.py`, its facets' types in `facettypes.py`."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import AfterValidator, Field

from awesome_tools.core.facettypes import (
    Basis,
    Connectors,
    Flag,
    LanguageFamilies,
    Licenses,
    Param,
    VisionFamilies,
    distinct,
    listed,
)
from awesome_tools.core.fieldtypes import (
    BrLines,
    Category,
    Digits,
    HttpsUrl,
    Name,
    Prose,
    Released,
    Text,
    WebUrl,
)
from awesome_tools.core.sections import (
    Alignment,
    Architecture,
    Datasets,
    Figure,
    Link,
    Modalities,
    Training,
)
from awesome_tools.core.strictmodel import StrictModel
from awesome_tools.core.vocabulary import connectors

__all__ = ["Alignment", "Architecture", "Datasets", "Entry", "Figure", "Link", "Training"]

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from awesome_tools.core.loaded import Loaded
    from awesome_tools.diagnostics import Diagnostic


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
    released_basis: Basis | None = Field(
        default=None,
        description="Optional: what the release date is the date of: arxiv-v1 (the paper's "
        "first version, the default for an arXiv link) or official-release (the announcement "
        "or model card).",
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
    connector: Connectors | None = Field(
        default=None,
        description="Optional: how the vision encoder feeds the language model; one value of "
        "the connector vocabulary (docs/facets.md), or a list of them in the order the visual "
        "tokens pass them.",
    )
    vision_family: VisionFamilies | None = Field(
        default=None,
        description="Optional: the family the vision encoder comes from, one value of the "
        "vocabulary in docs/facets.md (e.g. clip-vit, siglip), or a list for several encoders.",
    )
    language_family: LanguageFamilies | None = Field(
        default=None,
        description="Optional: the family the language model comes from, one value of the "
        "vocabulary in docs/facets.md (e.g. llama, qwen), or a list for several released ones.",
    )
    params: Annotated[list[Param], Field(min_length=1), AfterValidator(distinct)] | None = Field(
        default=None,
        description="Optional: the released sizes in parameters, as written (e.g. [7B, 13B]; a "
        "mixture of experts: 27B (4.5B active)).",
    )
    modalities: Modalities | None = Field(
        default=None,
        description="Optional: what the model reads and writes, a mapping of input and output.",
    )
    based_on: Annotated[list[Name], Field(min_length=1), AfterValidator(distinct)] | None = Field(
        default=None,
        description="Optional: the models of this list it builds on, by name (each must be in "
        "the list).",
    )
    based_on_outside: (
        Annotated[list[Text], Field(min_length=1), AfterValidator(distinct)] | None
    ) = Field(
        default=None,
        description="Optional: the models outside this list it builds on, as their authors "
        "name them (e.g. Vicuna-13B v1.5).",
    )
    license: Licenses | None = Field(
        default=None,
        description="Optional: the licence of the released weights: an SPDX id (e.g. "
        "Apache-2.0), LicenseRef-<name> for a licence of its own, proprietary or research-only; "
        "a list where sizes differ.",
    )
    open_weights: Flag | None = Field(
        default=None,
        description="Optional: whether the weights can be downloaded: true or false.",
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
    sources: Annotated[list[WebUrl], Field(min_length=1), AfterValidator(distinct)] | None = Field(
        default=None,
        description="Optional: http(s) links to the primary sources of facts not in the paper "
        "at `url` (a model card, a release post).",
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
    def connectors(self) -> list[str]:
        """The connectors in order (`connector` holds one or a list)."""
        return listed(self.connector)

    @property
    def vision_families(self) -> list[str]:
        return listed(self.vision_family)

    @property
    def language_families(self) -> list[str]:
        return listed(self.language_family)

    @property
    def licenses(self) -> list[str]:
        return listed(self.license)

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
    for branch in schema["properties"]["connector"]["oneOf"]:
        (branch.get("items") or branch)["enum"] = list(connectors())
    return schema
