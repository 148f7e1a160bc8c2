"""The files a new list starts with (`init`, and `import` into a new folder): its settings, a
.gitignore, the pre-commit hooks and a CI workflow, from the packaged `data/init/` files."""

from __future__ import annotations

import json
import re
import shlex
import string
from importlib import metadata, resources

from awesome_tools import __version__
from awesome_tools.layouts.panel.render import DEFAULT_TITLE

DISTRIBUTION = "awesome-tools"
# Each file of the list, by its path in the list, and the packaged file it is made from.
__all__ = ["DEFAULT_TITLE", "default_install", "installed_from", "starter_files"]

FILES = {
    "awesome.yaml": "awesome.yaml",
    ".gitignore": "gitignore",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".github/workflows/awesome.yml": "awesome.yml",
    "contributing.md": "contributing.md",
    ".markdownlint-cli2.jsonc": "markdownlint-cli2.jsonc",
}
# Starter files a list may hold under another name already (any case): then it has its own.
OWN = {
    # the names awesome-lint accepts for a contributing guide
    "contributing.md": frozenset({"contributing.md"}),
    # the configuration files markdownlint-cli2 reads
    ".markdownlint-cli2.jsonc": frozenset(
        f".markdownlint{kind}.{ext}"
        for kind in ("-cli2", "")
        for ext in ("jsonc", "json", "yaml", "yml", "cjs", "mjs")
    ),
}
# A .gitignore of the list's own gets the patterns it lacks, appended under this line.
IGNORED_BY = "# Added by `awesome-tools init`."
# The packaged files with `$name` placeholders; the others are copied as they are.
TEMPLATED = frozenset({"awesome.yaml", "awesome.yml"})


def _packaged(name: str) -> str:
    return resources.files("awesome_tools").joinpath(f"data/init/{name}").read_text("utf-8")


def starter_files(*, title: str, layout: str, install: str) -> dict[str, str]:
    """The text of each starter file by its path in the list.

    `install` is the pip requirement the CI workflow installs awesome-tools from.
    """
    values = {
        # A JSON string is a YAML string: any title is quoted safely.
        "title": json.dumps(title, ensure_ascii=False),
        "layout": layout,
        # The step's command as a YAML string: any requirement stays one shell word and one
        # YAML value (a `: ` or ` #` in it would end a plain YAML scalar).
        "install": json.dumps(f"python -m pip install {shlex.quote(install)}", ensure_ascii=False),
    }
    out = {}
    for path, name in FILES.items():
        text = _packaged(name)
        out[path] = string.Template(text).substitute(values) if name in TEMPLATED else text
    return out


def installed_from() -> str | None:
    """The git URL this awesome-tools was installed from, pinned to its commit (PEP 610's
    direct_url.json: `pipx install git+…`), or None (PyPI, a local folder, a wheel file)."""
    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    try:
        data = json.loads(text or "null")
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("vcs_info"), dict):
        return None
    url, vcs = data.get("url"), data["vcs_info"]
    if vcs.get("vcs") != "git" or not isinstance(url, str) or url.startswith("file:"):
        return None
    commit = vcs.get("commit_id")
    return f"git+{url}@{commit}" if isinstance(commit, str) else f"git+{url}"


def default_install() -> str:
    """What CI installs unless told: the git commit this one came from, else this version."""
    return installed_from() or f"{DISTRIBUTION}=={__version__}"


def merged_gitignore(current: str, ours: str) -> str:
    """The list's own .gitignore with the patterns of ours it lacks appended (unchanged when it
    has them all)."""
    have = {line.strip() for line in current.split("\n")}
    missing = [
        line
        for line in ours.split("\n")
        if line.strip() and not line.startswith("#") and line.strip() not in have
    ]
    if not missing:
        return current
    head = current if current.endswith("\n") or not current else current + "\n"
    return head + "\n".join(["", IGNORED_BY, *missing]) + "\n"


_KEY = re.compile(r"^(?P<key>[A-Za-z_]+):")


def _blocks(text: str) -> dict[str, list[str]]:
    """Each top-level key of a settings file with its lines, the comments above it included."""
    blocks: dict[str, list[str]] = {}
    pending: list[str] = []
    for line in text.split("\n"):
        key = _KEY.match(line)
        if key:
            blocks[key["key"]] = [*pending, line]
            pending = []
        elif line.startswith("#"):
            pending.append(line)
        elif line.strip() and blocks:
            blocks[list(blocks)[-1]].append(line)
    return blocks


def merged_settings(current: str, imported: str) -> tuple[str, list[str]]:
    """The list's own awesome.yaml with the settings an import found that it lacks appended
    (figure markers, panel heading level), and what it says otherwise than the README, each
    a note."""
    have, found = _blocks(current), _blocks(imported)
    missing = [key for key in found if key not in have]
    notes = []
    for key in found:
        if key in have and key != "title":
            theirs, ours = have[key][-1].strip(), found[key][-1].strip()
            if theirs != ours:
                notes.append(f"keeps '{theirs}' where the imported README reads '{ours}'")
    if not missing:
        return current, notes
    head = current if current.endswith("\n") or not current else current + "\n"
    lines = [line for key in missing for line in found[key]]
    return head + "\n".join(lines) + "\n", notes


def readme_title(text: str) -> str | None:
    """The text of a README's first line when it is a level-one heading (`# Title`)."""
    first = text.split("\n", 1)[0].rstrip()
    if not first.startswith("# "):
        return None
    return first.removeprefix("# ").strip() or None
