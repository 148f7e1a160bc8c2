"""The base of every model of an entry."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """Base of every model of an entry: strings only, no unknown keys, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
