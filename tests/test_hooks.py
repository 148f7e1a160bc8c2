"""The pre-commit hooks, run for real by the real pre-commit.

`.pre-commit-config.yaml` is exercised through `git commit` in a temporary copy of the project
(its `.venv` a symlink to the project's, so tools/venv-run finds it up to date), and
`.pre-commit-hooks.yaml` through `pre-commit try-repo` in a small list of its own. pre-commit
builds the hook environments from PyPI and npm once per test session, in a shared
PRE_COMMIT_HOME.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from conftest import GOOD, REPO, entry_text

TIMEOUT = 600
PRE_COMMIT = (sys.executable, "-m", "pre_commit")
STAMP = REPO / ".venv" / ".installed"

# The hook names as pre-commit prints them, from .pre-commit-config.yaml.
CHECK = "check entry files"
LINT = "lint README.md (hand edits belong in entries/)"
RENDER = "regenerate README.md from entries/"
LOCAL_HOOKS = (
    CHECK,
    LINT,
    RENDER,
    "trim trailing whitespace",
    "fix end of files",
    "check YAML syntax",
    "markdownlint README.md",
)
MODIFIED = "- files were modified by this hook"
NOT_WRITTEN = "awesome-tools: README.md not written: fix the entries first"

STATUS = re.compile(
    r"^(?P<name>\S.*?)\.+(?:\(no files to check\))?(?P<status>Passed|Failed|Skipped)$"
)


# --- running things -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PRE_COMMIT_HOME for the session: the hook environments are built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def hook_env(tmp_path_factory: pytest.TempPathFactory, pre_commit_home: Path) -> dict[str, str]:
    """The environment of every subprocess: no CI or outer git/make/pre-commit state leaks in."""
    gitconfig = tmp_path_factory.mktemp("git") / "gitconfig"
    gitconfig.write_text("", encoding="utf-8")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PRE_COMMIT", "MAKE"))
        and key not in {"GITHUB_ACTIONS", "SKIP", "MFLAGS"}
    }
    env.update(
        PRE_COMMIT_HOME=str(pre_commit_home),
        PRE_COMMIT_COLOR="never",
        GIT_AUTHOR_NAME="Hook Tester",
        GIT_AUTHOR_EMAIL="hooks@example.org",
        GIT_COMMITTER_NAME="Hook Tester",
        GIT_COMMITTER_EMAIL="hooks@example.org",
        # No user or system git config (hooksPath, gpgsign, templates) can change the outcome.
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


def run(
    command: Sequence[str | Path], cwd: Path, env: Mapping[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run a command; stdout and stderr together, as a contributor sees them."""
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def ok(command: Sequence[str | Path], cwd: Path, env: Mapping[str, str]) -> str:
    """Run a command that must succeed; return its output."""
    result = run(command, cwd, env)
    assert result.returncode == 0, f"{command} exited {result.returncode}:\n{result.stdout}"
    return result.stdout


def git(cwd: Path, env: Mapping[str, str], *args: str) -> str:
    return ok(["git", *args], cwd, env)


def commit(cwd: Path, env: Mapping[str, str], message: str) -> subprocess.CompletedProcess[str]:
    return run(["git", "commit", "-m", message], cwd, env)


def try_repo(
    cwd: Path, env: Mapping[str, str], hook: str, *files: str
) -> subprocess.CompletedProcess[str]:
    """Run an exported hook of REPO's working tree (a shadow commit of `git add -u`: changes to
    tracked files are in, untracked files are not) on files of the repository at cwd."""
    return run([*PRE_COMMIT, "try-repo", REPO, hook, "--files", *files], cwd, env)


# --- reading pre-commit's output ------------------------------------------------------------


def sections(output: str) -> list[tuple[str, str, list[str]]]:
    """(hook name, status, lines printed under it) for each hook pre-commit reports."""
    found: list[tuple[str, str, list[str]]] = []
    for line in output.splitlines():
        match = STATUS.match(line)
        if match:
            found.append((match["name"], match["status"], []))
        elif found:
            found[-1][2].append(line)
    return found


def status(output: str, name: str) -> str:
    """Passed, Failed or Skipped: the status pre-commit gives the hook of this name."""
    statuses = [state for hook, state, _ in sections(output) if hook == name]
    assert len(statuses) == 1, f"no single status line for {name!r}:\n{output}"
    return statuses[0]


def report(output: str, hook_id: str) -> list[str]:
    """The lines a failing hook printed, found by its `- hook id:` line."""
    bodies = [body for _, _, body in sections(output) if f"- hook id: {hook_id}" in body]
    assert len(bodies) == 1, f"no single report of hook {hook_id}:\n{output}"
    return bodies[0]


def position(text: str, prefix: str) -> tuple[int, int]:
    """1-based line and column of the value of the first line starting with `prefix`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(prefix):
            return number, len(prefix) + 1
    raise AssertionError(f"no line starts with {prefix!r}")


# --- the project copy -----------------------------------------------------------------------


@pytest.fixture
def clone(tmp_path: Path, hook_env: dict[str, str]) -> Iterator[Path]:
    """A git repository holding a copy of the project, with the pre-commit hook installed."""
    assert STAMP.is_file(), f"{REPO}/.venv is not set up: run `make setup` there first"
    copy = tmp_path / "project"
    listed = git(REPO, hook_env, "ls-files", "-z").split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():  # not deleted in the working tree
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)  # keep mtimes: older than the venv's stamp
    (copy / ".venv").symlink_to(REPO / ".venv", target_is_directory=True)
    if (REPO / "node_modules").is_dir():
        (copy / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    git(copy, hook_env, "init", "-q", "-b", "main")
    # .gitignore's `.venv/` and `node_modules/` match directories only, not these symlinks.
    with (copy / ".git" / "info" / "exclude").open("a", encoding="utf-8") as exclude:
        exclude.write("/.venv\n/node_modules\n")
    git(copy, hook_env, "add", "-A")
    git(copy, hook_env, "commit", "-q", "-m", "A copy of the project")

    # tools/venv-run runs `make setup` before each hook: it must find the shared venv up to
    # date, never reinstall into it. `make -q` asks without running anything.
    if run(["make", "-q", ".venv/.installed"], copy, hook_env).returncode != 0:
        pytest.fail(
            f"{STAMP} is older than pyproject.toml or constraints.txt: run `make setup` in "
            f"{REPO}; the hook tests do not reinstall the project's venv",
            pytrace=False,
        )
    installed = STAMP.stat().st_mtime_ns
    assert ok(["make", "-s", "setup"], copy, hook_env) == ""
    assert STAMP.stat().st_mtime_ns == installed, "make setup in the copy reinstalled the venv"

    assert "pre-commit installed at .git/hooks/pre-commit" in ok(
        [*PRE_COMMIT, "install"], copy, hook_env
    )
    yield copy
    assert STAMP.stat().st_mtime_ns == installed, "a hook reinstalled the project's venv"


def head(repo: Path, env: Mapping[str, str]) -> str:
    return git(repo, env, "rev-parse", "HEAD").strip()


def fill_placeholders(path: Path, url: str) -> int:
    """Replace each `"TODO: ..."` value with real text (the url with `url`); say how many."""

    def real(match: re.Match[str]) -> str:
        indent, key = match["indent"], match["key"]
        value = url if key == "url" else f"{key.replace('_', ' ').capitalize()} of LLaVA 2."
        return f'{indent}{key}: "{value}"'

    text, count = re.subn(
        r'^(?P<indent> *)(?P<key>\w+): "TODO: [^"\n]*"$', real, path.read_text("utf-8"), flags=re.M
    )
    path.write_text(text, encoding="utf-8")
    return count


# --- .pre-commit-config.yaml, through git commit --------------------------------------------


def test_new_model_is_committed(clone: Path, hook_env: dict[str, str]) -> None:
    created = ok(["make", "-s", "new", "NAME=LLaVA 2"], clone, hook_env)
    assert "created entries/llava-2.yaml: replace each TODO" in created
    entry = clone / "entries" / "llava-2.yaml"

    # The scaffold as written is blocked: every TODO is reported.
    git(clone, hook_env, "add", "entries/llava-2.yaml")
    scaffold = commit(clone, hook_env, "Add LLaVA 2 (unfinished)")
    assert scaffold.returncode == 1, scaffold.stdout
    assert status(scaffold.stdout, CHECK) == "Failed"
    line, column = position(entry.read_text("utf-8"), "title: ")
    lines = report(scaffold.stdout, "check-entries")
    assert (
        f"entries/llava-2.yaml:{line}:{column}: error[placeholder] title: replace the TODO "
        "placeholder with the title of the paper or page that introduces the model."
    ) in lines
    todos = entry.read_text("utf-8").count('"TODO: ')
    assert f"1 file checked: {todos} errors, 0 warnings" in lines

    assert fill_placeholders(entry, "https://example.org/papers/llava-2") == todos > 0
    assert "TODO" not in entry.read_text("utf-8")
    ok(["make", "-s", "readme"], clone, hook_env)
    git(clone, hook_env, "add", "-A")
    result = commit(clone, hook_env, "Add LLaVA 2")
    assert result.returncode == 0, result.stdout
    for name in LOCAL_HOOKS:
        assert status(result.stdout, name) == "Passed", result.stdout
    assert "- hook id:" not in result.stdout
    assert git(clone, hook_env, "status", "--porcelain") == ""
    changed = git(clone, hook_env, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(changed) == ["README.md", "entries/llava-2.yaml"]
    assert "<summary>LLaVA 2</summary>" in git(clone, hook_env, "show", "HEAD:README.md")


def test_misspelled_key_blocks_the_commit(clone: Path, hook_env: dict[str, str]) -> None:
    before = head(clone, hook_env)
    text = entry_text(
        "Sigma-VLM",
        "https://example.org/papers/sigma",
        **{"LLaVA: Large": "Sigma: Large", "architecture:": "architcture:"},
    )
    (clone / "entries" / "sigma-vlm.yaml").write_text(text, encoding="utf-8")
    git(clone, hook_env, "add", "-A")
    result = commit(clone, hook_env, "Add Sigma-VLM")

    assert result.returncode == 1, result.stdout
    assert status(result.stdout, CHECK) == "Failed"
    line, _ = position(text, "architcture:")
    lines = report(result.stdout, "check-entries")
    assert (
        f"entries/sigma-vlm.yaml:{line}:1: error[unknown-key] unknown key 'architcture'; "
        "did you mean 'architecture'?"
    ) in lines
    assert "1 file checked: 1 error, 0 warnings" in lines
    assert status(result.stdout, RENDER) == "Failed"
    assert NOT_WRITTEN in report(result.stdout, "render-readme")
    assert head(clone, hook_env) == before
    assert git(clone, hook_env, "status", "--porcelain") == "A  entries/sigma-vlm.yaml\n"


def test_hand_edit_of_readme_is_reported_and_reverted(
    clone: Path, hook_env: dict[str, str]
) -> None:
    before = head(clone, hook_env)
    readme = clone / "README.md"
    rendered = readme.read_text("utf-8")
    lines = rendered.splitlines(keepends=True)
    summary = lines.index("<summary>LLaVA</summary>\n")
    assert lines[summary - 1] == '<details id="llava">\n'
    details = summary  # the 1-based line of the block's <details>
    # The Architecture.Overview cell: the first cell after the Title cell (which holds the link).
    cell = next(
        i
        for i in range(summary, len(lines))
        if lines[i].startswith("<td>") and "<a href=" not in lines[i]
    )
    lines[cell] = "<td>A hand-written overview of LLaVA.</td>\n"
    readme.write_text("".join(lines), encoding="utf-8")
    git(clone, hook_env, "add", "README.md")
    result = commit(clone, hook_env, "Edit LLaVA by hand")

    assert result.returncode == 1, result.stdout
    assert status(result.stdout, CHECK) == "Skipped"
    assert status(result.stdout, LINT) == "Failed"
    assert (
        f"README.md:{cell + 1}:1: error[drift] block 'LLaVA' (line {details}) differs from "
        "entries/llava.yaml: edit entries/llava.yaml, not README.md, then run `make readme`"
    ) in report(result.stdout, "lint-readme")
    assert status(result.stdout, RENDER) == "Failed"
    models = len(list((clone / "entries").glob("*.yaml")))
    render = report(result.stdout, "render-readme")
    assert MODIFIED in render
    assert f"wrote README.md ({models} models)" in render

    # render put the generated README back; the hand edit is left only in the index.
    assert readme.read_text("utf-8") == rendered
    ok([clone / ".venv" / "bin" / "awesome-tools", "render", "--check"], clone, hook_env)
    assert head(clone, hook_env) == before
    assert git(clone, hook_env, "status", "--porcelain") == "MM README.md\n"


def test_duplicate_paper_blocks_the_commit(clone: Path, hook_env: dict[str, str]) -> None:
    before = head(clone, hook_env)
    text = entry_text(
        "LLaVA v2", "https://arxiv.org/pdf/2304.08485v2", **{"LLaVA: Large": "LLaVA v2: Large"}
    )
    (clone / "entries" / "llava-v2.yaml").write_text(text, encoding="utf-8")
    git(clone, hook_env, "add", "-A")
    result = commit(clone, hook_env, "Add LLaVA v2")

    assert result.returncode == 1, result.stdout
    assert status(result.stdout, CHECK) == "Failed"
    line, column = position(text, "url: ")
    o_line, o_column = position((clone / "entries" / "llava.yaml").read_text("utf-8"), "url: ")
    lines = report(result.stdout, "check-entries")
    assert (
        f"entries/llava-v2.yaml:{line}:{column}: error[duplicate-entry] this paper is also "
        f"listed in entries/llava.yaml:{o_line}:{o_column}"
    ) in lines
    assert "1 file checked: 1 error, 0 warnings" in lines
    assert status(result.stdout, RENDER) == "Failed"
    assert NOT_WRITTEN in report(result.stdout, "render-readme")
    assert head(clone, hook_env) == before


def test_readme_not_regenerated_is_rendered_then_committed(
    clone: Path, hook_env: dict[str, str]
) -> None:
    before = head(clone, hook_env)
    text = entry_text(
        "Sigma-VLM", "https://example.org/papers/sigma", **{"LLaVA: Large": "Sigma: Large"}
    )
    (clone / "entries" / "sigma-vlm.yaml").write_text(text, encoding="utf-8")
    git(clone, hook_env, "add", "-A")
    first = commit(clone, hook_env, "Add Sigma-VLM")

    assert first.returncode == 1, first.stdout
    assert status(first.stdout, CHECK) == "Passed"
    assert status(first.stdout, RENDER) == "Failed"
    assert MODIFIED in report(first.stdout, "render-readme")
    assert head(clone, hook_env) == before
    unstaged = git(clone, hook_env, "status", "--porcelain")
    assert unstaged == " M README.md\nA  entries/sigma-vlm.yaml\n"
    assert "<summary>Sigma-VLM</summary>" in (clone / "README.md").read_text("utf-8")

    git(clone, hook_env, "add", "README.md")
    second = commit(clone, hook_env, "Add Sigma-VLM")
    assert second.returncode == 0, second.stdout
    for name in LOCAL_HOOKS:
        assert status(second.stdout, name) == "Passed", second.stdout
    assert git(clone, hook_env, "status", "--porcelain") == ""
    assert git(clone, hook_env, "rev-parse", "HEAD~1").strip() == before


# --- .pre-commit-hooks.yaml, through pre-commit try-repo ------------------------------------


def test_manifest_and_config_validate(tmp_path: Path, hook_env: dict[str, str]) -> None:
    ok([*PRE_COMMIT, "validate-manifest", REPO / ".pre-commit-hooks.yaml"], tmp_path, hook_env)
    ok([*PRE_COMMIT, "validate-config", REPO / ".pre-commit-config.yaml"], tmp_path, hook_env)


@pytest.fixture
def sample(tmp_path: Path, hook_env: dict[str, str]) -> Path:
    """Another list kept with awesome-tools: two valid entries, no templates/, no README."""
    root = tmp_path / "sample"
    (root / "entries").mkdir(parents=True)
    (root / "entries" / "llava.yaml").write_text(GOOD, encoding="utf-8")
    (root / "entries" / "sigma-vlm.yaml").write_text(
        entry_text(
            "Sigma-VLM", "https://example.org/papers/sigma", **{"LLaVA: Large": "Sigma: Large"}
        ),
        encoding="utf-8",
    )
    git(root, hook_env, "init", "-q", "-b", "main")
    git(root, hook_env, "add", "-A")
    git(root, hook_env, "commit", "-q", "-m", "Two entries")
    return root


ENTRY_FILES = ("entries/llava.yaml", "entries/sigma-vlm.yaml")


def test_exported_check_entries(sample: Path, hook_env: dict[str, str]) -> None:
    good = try_repo(sample, hook_env, "check-entries", *ENTRY_FILES)
    assert good.returncode == 0, good.stdout
    assert status(good.stdout, "check entry files") == "Passed"

    broken = sample / "entries" / "sigma-vlm.yaml"
    text = broken.read_text("utf-8").replace("architecture:", "architcture:")
    broken.write_text(text, encoding="utf-8")
    bad = try_repo(sample, hook_env, "check-entries", *ENTRY_FILES)
    assert bad.returncode == 1, bad.stdout
    assert status(bad.stdout, "check entry files") == "Failed"
    line, _ = position(text, "architcture:")
    lines = report(bad.stdout, "check-entries")
    assert (
        f"entries/sigma-vlm.yaml:{line}:1: error[unknown-key] unknown key 'architcture'; "
        "did you mean 'architecture'?"
    ) in lines
    assert "2 files checked: 1 error, 0 warnings" in lines


def test_exported_render_and_lint_readme(sample: Path, hook_env: dict[str, str]) -> None:
    readme = sample / "README.md"
    # A new README.md is an untracked file, which pre-commit does not see change: the hook's
    # own exit status (render --exit-non-zero-on-change) fails the run that creates it.
    first = try_repo(sample, hook_env, "render-readme", *ENTRY_FILES)
    assert first.returncode == 1, first.stdout
    assert status(first.stdout, "regenerate README.md") == "Failed"
    assert "README.md was regenerated: stage it and commit again" in report(
        first.stdout, "render-readme"
    )
    assert git(sample, hook_env, "status", "--porcelain") == "?? README.md\n"
    text = readme.read_text("utf-8")
    assert text.startswith("<!-- Generated from entries/ by awesome-tools render.")  # packaged
    assert "<summary>LLaVA</summary>" in text
    assert "<summary>Sigma-VLM</summary>" in text

    again = try_repo(sample, hook_env, "render-readme", *ENTRY_FILES)
    assert again.returncode == 0, again.stdout
    assert status(again.stdout, "regenerate README.md") == "Passed"
    assert readme.read_text("utf-8") == text

    lint = try_repo(sample, hook_env, "lint-readme", "README.md")
    assert lint.returncode == 0, lint.stdout
    assert status(lint.stdout, "lint README.md") == "Passed"

    # Once README.md is tracked, an entry change that rewrites it fails the run, then passes.
    git(sample, hook_env, "add", "README.md")
    git(sample, hook_env, "commit", "-q", "-m", "README.md")
    entry = sample / "entries" / "sigma-vlm.yaml"
    entry.write_text(
        entry.read_text("utf-8").replace(
            "Combines a vision encoder", "Sigma joins a vision encoder"
        ),
        encoding="utf-8",
    )
    changed = try_repo(sample, hook_env, "render-readme", *ENTRY_FILES)
    assert changed.returncode == 1, changed.stdout
    assert status(changed.stdout, "regenerate README.md") == "Failed"
    lines = report(changed.stdout, "render-readme")
    assert MODIFIED in lines
    assert "wrote README.md (2 models)" in lines
    assert "Sigma joins a vision encoder" in readme.read_text("utf-8")

    settled = try_repo(sample, hook_env, "render-readme", *ENTRY_FILES)
    assert settled.returncode == 0, settled.stdout
    assert status(settled.stdout, "regenerate README.md") == "Passed"
    lint = try_repo(sample, hook_env, "lint-readme", "README.md")
    assert lint.returncode == 0, lint.stdout
    assert status(lint.stdout, "lint README.md") == "Passed"
