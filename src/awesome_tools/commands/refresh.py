"""`awesome-tools refresh`: the list's arXiv cache written anew from the arXiv API, or from
saved answers of it (`--from FILE`). The only command that reaches the network."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from awesome_tools.commands.common import EXIT_OK, EXIT_PROBLEMS, say, valid_project

# What to do when arXiv cannot be asked.
_OFFLINE = (
    "nothing written; run it again later, or fill the cache from a saved answer with --from FILE"
)


def _answers(args: argparse.Namespace, linked: list[str]) -> Iterable[tuple[str, bytes]]:
    """Each answer to read, and where it came from: the files given, else the arXiv API."""
    if args.from_files:
        for name in args.from_files:
            yield name, Path(name).read_bytes()
        return
    from awesome_tools.commands.newrequest import arxiv_api
    from awesome_tools.core.arxiv import fetch_batches

    base = arxiv_api()
    for raw in fetch_batches(linked, base=base):
        yield "the arXiv API", raw


def run(args: argparse.Namespace) -> int:
    """Write the list's arXiv cache: a record for every arXiv paper its entries link."""
    from awesome_tools.core.arxiv import ArxivError
    from awesome_tools.core.papers import AnswerError, cache_text, kept, linked_ids, parse_answer
    from awesome_tools.engine.generated import write_changed
    from awesome_tools.engine.papercache import cache_name, read_papers
    from awesome_tools.engine.project import display_path

    cwd = Path.cwd()
    project = valid_project(args, cwd, refusal="nothing refreshed")
    linked = sorted({paper for entry in project.entries.values() for paper in linked_ids(entry)})
    cache, unread = read_papers(project.root, cwd, project.settings)
    if unread:
        say([f"{d.text()} (left out: refresh writes the cache anew)" for d in unread])
    records = dict(cache.records) if cache is not None else {}
    try:
        for source, raw in _answers(args, linked):
            try:
                records.update(parse_answer(raw))
            except AnswerError as exc:
                say([f"awesome-tools: {source}: cannot read the answer: {exc}; nothing written"])
                return EXIT_PROBLEMS
    except ArxivError as exc:
        say([f"awesome-tools: {exc}; {_OFFLINE}"])
        return EXIT_PROBLEMS
    name = cache_name(project.settings)
    shown = display_path(project.root / name, cwd)
    written = write_changed(project.root, {name: cache_text(kept(records, linked))})
    missing = [paper for paper in linked if paper not in records]
    say([f"{shown}: no record of arXiv {paper}, which the list links" for paper in missing])
    state = "wrote" if written else "unchanged"
    say([f"{state} {shown}: {len(linked) - len(missing)} of {len(linked)} linked papers"])
    return EXIT_OK
