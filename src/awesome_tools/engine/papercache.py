"""Reads the disk: the list's arXiv cache, where its settings say or at `data/arxiv.json`."""

from __future__ import annotations

from pathlib import Path

from awesome_tools.core.papers import DEFAULT_CACHE, Cache, read_cache
from awesome_tools.core.settings import Settings
from awesome_tools.diagnostics import Diagnostic


def cache_name(settings: Settings) -> str:
    """The cache's path from the list's root."""
    return settings.arxiv_cache or DEFAULT_CACHE


def read_papers(root: Path, cwd: Path, settings: Settings) -> tuple[Cache | None, list[Diagnostic]]:
    """The list's cache (None when the list keeps none: awesome.yaml names no `arxiv_cache`
    and there is no `data/arxiv.json`; a cache it names but that is missing is empty), and
    why it could not be read."""
    from awesome_tools.engine.project import display_path
    from awesome_tools.io.pathcheck import read_text_inside

    name = cache_name(settings)
    shown = display_path(root / name, cwd)
    _, text, problem = read_text_inside(root / name, root, shown, cwd)
    if problem is not None:
        return Cache({}, shown), [problem]
    if text is None:
        return (Cache({}, shown) if settings.arxiv_cache else None), []
    records, problems = read_cache(text, shown)
    return Cache(records, shown), problems
