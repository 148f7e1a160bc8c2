"""The pre-commit hooks: the exported ones run on example folders, the repository's for real.

`.pre-commit-hooks.yaml` is tested as check-jsonschema tests its hooks: each hook's `entry`,
with the files its `files` pattern selects, runs on positive and negative example lists, and
the exact exit code and output are asserted. No package is installed: the entry is the console
script of this package, run in-process.

`.pre-commit-config.yaml` is tested through real `git commit`s in a copy of the project whose
list is the frozen fixture list (tests/fixtures/list), never the live one. Every hook there runs
a tool the project's set-up installed (tools/venv-run, tools/node-run), so pre-commit builds
nothing; its store (PRE_COMMIT_HOME) is shared by the session, and the template copy is built
once and copied per test.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import tomllib
import yaml

from awesome_tools.cli import main
from awesome_tools.layouts.panel import CREDITS
from conftest import GOOD, LIST, PANEL_ENTRY, REPO, entry_text
from test_generated import _committed

TIMEOUT = 300
STAMP = REPO / ".venv" / ".installed"
PRE_COMMIT = REPO / ".venv" / "bin" / "pre-commit"
MANIFEST: list[dict[str, Any]] = yaml.safe_load(
    (REPO / ".pre-commit-hooks.yaml").read_text("utf-8")
)
HOOKS = {hook["id"]: hook for hook in MANIFEST}

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
REGENERATED = "README.md was regenerated: stage it and commit again"

STATUS = re.compile(
    r"^(?P<name>\S.*?)\.+(?:\(no files to check\))?(?P<status>Passed|Failed|Skipped)$"
)

SIGMA = entry_text(
    "Sigma-VLM", "https://example.org/papers/sigma", **{"LLaVA: Large": "Sigma: Large"}
)


def position(text: str, prefix: str) -> tuple[int, int]:
    """1-based line and column of the value of the first line starting with `prefix`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(prefix):
            return number, len(prefix) + 1
    raise AssertionError(f"no line starts with {prefix!r}")


# --- .pre-commit-hooks.yaml: each entry on positive and negative example lists ---------------


def test_manifest_entries_are_this_package_s_console_script() -> None:
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert set(HOOKS) == {"check-entries", "lint-readme", "render-readme"}
    for hook in MANIFEST:
        assert hook["language"] == "python", hook["id"]
        assert shlex.split(hook["entry"])[0] in scripts, hook["id"]


def run_hook(hook_id: str, root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run an exported hook as pre-commit would: its entry, plus the files it selects."""
    hook = HOOKS[hook_id]
    files = sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())
    selected = [name for name in files if re.search(hook["files"], name)]
    assert selected, f"{hook_id}: no file of the example matches {hook['files']}"
    argv = shlex.split(hook["entry"])[1:]
    if hook.get("pass_filenames", True):
        argv += selected
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _list(root: Path) -> None:
    """A list of two valid entries with its README rendered: every hook passes on it."""
    (root / "entries").mkdir()
    (root / "entries" / "llava.yaml").write_text(GOOD, encoding="utf-8")
    (root / "entries" / "sigma-vlm.yaml").write_text(SIGMA, encoding="utf-8")
    assert main(["render"]) == 0


def _misspelled(root: Path) -> None:
    _list(root)
    text = SIGMA.replace("architecture:", "architcture:")
    (root / "entries" / "sigma-vlm.yaml").write_text(text, encoding="utf-8")


def _duplicate(root: Path) -> None:
    _list(root)
    text = entry_text(
        "LLaVA v2", "https://arxiv.org/pdf/2304.08485v2", **{"LLaVA: Large": "LLaVA v2: Large"}
    )
    (root / "entries" / "sigma-vlm.yaml").unlink()
    (root / "entries" / "llava-v2.yaml").write_text(text, encoding="utf-8")


def _hand_edit(root: Path) -> None:
    _list(root)
    readme = root / "README.md"
    readme.write_text(
        readme.read_text("utf-8").replace("Two-stage instruction tuning.", "One stage.", 1),
        "utf-8",
    )


def _entry_edited(root: Path) -> None:
    """An entry edited after the list was committed: README.md is only stale."""
    _list(root)
    _committed(root)
    entry = root / "entries" / "sigma-vlm.yaml"
    entry.write_text(entry.read_text("utf-8").replace("Two-stage", "Three-stage"), "utf-8")


def _hand_edit_committed(root: Path) -> None:
    """README.md edited by hand after the list was committed."""
    _list(root)
    _committed(root)
    readme = root / "README.md"
    text = readme.read_text("utf-8").replace("Two-stage instruction tuning.", "One stage.", 1)
    readme.write_text(text, "utf-8")


def _credits_edited(root: Path) -> None:
    """A panel list whose credits file has a line added by hand."""
    (root / "awesome.yaml").write_text("layout: panel\n", encoding="utf-8")
    (root / "entries").mkdir()
    (root / "entries" / "llava.yaml").write_text(PANEL_ENTRY, encoding="utf-8")
    (root / "assets" / "architectures").mkdir(parents=True)
    (root / "assets" / "architectures" / "llava.png").write_bytes(b"")
    assert main(["render"]) == 0
    with (root / CREDITS).open("a", encoding="utf-8") as credits:
        credits.write("| Made up | by hand | 2 | x.png |\n")


def _no_readme(root: Path) -> None:
    _list(root)
    (root / "README.md").unlink()


def _broken(root: Path) -> None:
    _list(root)
    (root / "entries" / "sigma-vlm.yaml").write_text("name: [\n", encoding="utf-8")


def _line(root: Path, name: str, needle: str) -> int:
    lines = (root / name).read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


EXAMPLES: list[tuple[str, str, Callable[[Path], None], int, Callable[[Path], str], str]] = [
    # (hook, example, make the folder, exit code, expected stdout, expected stderr)
    ("check-entries", "positive", _list, 0, lambda r: "", "2 files checked: no problems\n"),
    (
        "check-entries",
        "misspelled key",
        _misspelled,
        1,
        lambda r: (
            f"entries/sigma-vlm.yaml:{_line(r, 'entries/sigma-vlm.yaml', 'architcture')}:1: "
            "error[unknown-key] unknown key 'architcture'; did you mean 'architecture'?\n"
        ),
        "2 files checked: 1 error, 0 warnings\n",
    ),
    (
        "check-entries",
        "duplicate paper",
        _duplicate,
        1,
        lambda r: (
            "entries/llava-v2.yaml:4:6: error[duplicate-entry] this paper is also listed in "
            "entries/llava.yaml:4:6\n"
            "entries/llava.yaml:4:6: error[duplicate-entry] this paper is also listed in "
            "entries/llava-v2.yaml:4:6\n"
        ),
        "2 files checked: 2 errors, 0 warnings\n",
    ),
    ("lint-readme", "positive", _list, 0, lambda r: "", "1 file checked: no problems\n"),
    (
        "lint-readme",
        "hand edit",
        _hand_edit,
        1,
        lambda r: (
            f"README.md:{_line(r, 'README.md', 'One stage.')}:5: error[drift] block 'LLaVA' "
            "differs from entries/llava.yaml (field training.methods): found 'One stage.</td>' "
            "where render writes 'Two-stage instruction tuning.</td>'; edit entries/llava.yaml, "
            "not README.md, then run `awesome-tools render`\n"
        ),
        "1 file checked: 1 error, 0 warnings\n",
    ),
    (
        "lint-readme",
        "a line added to a panel list's credits file",
        _credits_edited,
        1,
        lambda r: (
            f"{CREDITS}:8:1: error[drift] {CREDITS} differs from what render makes of entries/: "
            f"it is generated; edit entries/, not {CREDITS}, then run `awesome-tools render`\n"
        ),
        "2 files checked: 1 error, 0 warnings\n",
    ),
    ("render-readme", "positive", _list, 0, lambda r: "", "unchanged README.md (2 models)\n"),
    (
        "render-readme",
        "entry edited",
        _entry_edited,
        1,
        lambda r: "",
        f"wrote README.md (2 models)\n{REGENERATED}\n",
    ),
    (
        "render-readme",
        "hand edit",
        _hand_edit_committed,
        1,
        lambda r: "",
        "README.md differs from what entries/ give and from the last commit: it holds an edit, "
        "so it was left as you wrote it (a copy is in README.edited.md)\n"
        "to keep the edit: make it in entries/ (`awesome-tools lint` names the entry file of "
        "each block; a model added by hand: `awesome-tools import README.edited.md` writes its "
        "entry file), then run `awesome-tools render`, stage and commit\n"
        "to drop it: run `awesome-tools render`, stage and commit\n",
    ),
    (
        "render-readme",
        "no README yet",
        _no_readme,
        1,
        lambda r: "",
        f"wrote README.md (2 models)\n{REGENERATED}\n",
    ),
    (
        "render-readme",
        "broken entry",
        _broken,
        1,
        lambda r: "",
        # check-entries lists the problems in the same commit: render only names the command.
        f"{NOT_WRITTEN} (`awesome-tools check` lists the problems)\n",
    ),
]


@pytest.mark.parametrize(
    ("hook_id", "make", "code", "out", "err"),
    [case[:1] + case[2:] for case in EXAMPLES],
    ids=[f"{case[0]}: {case[1]}" for case in EXAMPLES],
)
def test_exported_hook(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    hook_id: str,
    make: Callable[[Path], None],
    code: int,
    out: Callable[[Path], str],
    err: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    make(tmp_path)
    result = run_hook(hook_id, tmp_path, capsys)
    assert result == (code, out(tmp_path), err)


def test_render_hook_settles_after_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _entry_edited(tmp_path)
    assert run_hook("render-readme", tmp_path, capsys)[0] == 1
    assert "Three-stage" in (tmp_path / "README.md").read_text("utf-8")
    assert run_hook("render-readme", tmp_path, capsys) == (
        0,
        "",
        "unchanged README.md (2 models)\n",
    )
    assert run_hook("lint-readme", tmp_path, capsys)[0] == 0


# --- the files each hook runs on, in both hook files ------------------------------------------

CONFIG_HOOKS = {
    hook["id"]: hook
    for repo in yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))["repos"]
    for hook in repo["hooks"]
}
# The hooks `awesome-tools init` writes into a new list.
INIT_HOOKS = {
    hook["id"]: hook
    for repo in yaml.safe_load(
        (REPO / "src/awesome_tools/data/init/pre-commit-config.yaml").read_text("utf-8")
    )["repos"]
    for hook in repo["hooks"]
}
PATTERN_CASES = [
    # (path from the list's root, matched by render-readme, matched by lint-readme)
    ("README.md", True, True),
    ("assets/architectures/CREDITS.md", True, True),
    ("awesome.yaml", True, False),
    ("categories.yaml", True, False),
    ("templates/README.md.j2", True, False),
    ("templates/panel/CREDITS.md.j2", True, False),
    ("entries/llava.yaml", True, False),
    ("entries/llava.yml", True, False),
    ("README.edited.md", False, False),
    ("assets/architectures/CREDITS.edited.md", False, False),
    ("assets/architectures/llava.png", False, False),
    ("docs/README.md", False, False),
    ("docs/awesome.yaml", False, False),
    ("awesome.yaml.bak", False, False),
]


@pytest.mark.parametrize(
    "hooks", [HOOKS, CONFIG_HOOKS, INIT_HOOKS], ids=["exported", "this repository's", "init's"]
)
@pytest.mark.parametrize(("path", "render", "lint"), PATTERN_CASES)
def test_hook_patterns(hooks: dict[str, Any], path: str, render: bool, lint: bool) -> None:
    """A change to any input of the README, or to a generated file, runs the hooks."""
    assert (re.search(hooks["render-readme"]["files"], path) is not None) == render
    assert (re.search(hooks["lint-readme"]["files"], path) is not None) == lint


@pytest.mark.parametrize(
    "hooks", [HOOKS, CONFIG_HOOKS, INIT_HOOKS], ids=["exported", "this repository's", "init's"]
)
def test_hook_patterns_name_every_generated_file(hooks: dict[str, Any]) -> None:
    from awesome_tools.core.settings import CATEGORIES, SETTINGS
    from awesome_tools.layouts import LAYOUTS, layout_named

    generated = ["README.md"] + [n for name in LAYOUTS for n in layout_named(name).extra_files]
    assert generated == ["README.md", "assets/architectures/CREDITS.md"]
    for name in [*generated, SETTINGS, CATEGORIES]:
        assert re.search(hooks["render-readme"]["files"], name), name
    for name in generated:
        assert re.search(hooks["lint-readme"]["files"], name), name


# --- .pre-commit-config.yaml, through git commit --------------------------------------------


@pytest.fixture(scope="session")
def hook_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of every subprocess: one shared pre-commit store; no CI, no user git."""
    gitconfig = tmp_path_factory.mktemp("git") / "gitconfig"
    gitconfig.write_text("", encoding="utf-8")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PRE_COMMIT", "MAKE"))
        and key not in {"GITHUB_ACTIONS", "SKIP", "MFLAGS"}
    }
    env.update(
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
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
    """The lines a hook printed, found by its `- hook id:` line."""
    bodies = [body for _, _, body in sections(output) if f"- hook id: {hook_id}" in body]
    assert len(bodies) == 1, f"no single report of hook {hook_id}:\n{output}"
    return bodies[0]


def head(repo: Path, env: Mapping[str, str]) -> str:
    return git(repo, env, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="session")
def template_clone(tmp_path_factory: pytest.TempPathFactory, hook_env: dict[str, str]) -> Path:
    """The project's tools with the frozen fixture list, committed; hooks put in by make readme.

    Built once per session. Its `.venv` and `node_modules` are the project's, linked: nothing is
    installed. The live entries/ and README.md are not copied: the fixture list takes their place.
    """
    assert STAMP.is_file(), f"{REPO}/.venv is not set up: run `make setup` there first"
    copy = tmp_path_factory.mktemp("clone") / "project"
    listed = git(REPO, hook_env, "ls-files", "-z").split("\0")
    live = ("entries/", "templates/")
    for name in filter(None, listed):
        source = REPO / name
        if name.startswith(live) or name in {"README.md", "categories.yaml"}:
            continue
        if source.is_file():  # not deleted in the working tree
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)  # keep mtimes: older than the venv's stamp
    for name in ("entries", "templates"):
        shutil.copytree(LIST / name, copy / name)
    for name in ("README.md", "categories.yaml"):
        shutil.copy2(LIST / name, copy / name)
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
    # tools/node-run runs `make node` before markdownlint: `npm ci` there would empty the
    # project's node_modules through the link, so it must find them up to date too.
    if (REPO / "node_modules").is_dir() and run(
        ["make", "-q", "node_modules/.installed"], copy, hook_env
    ).returncode != 0:
        pytest.fail(
            f"{REPO}/node_modules is older than package.json or package-lock.json: run "
            f"`make node` in {REPO}; the hook tests do not reinstall them",
            pytrace=False,
        )
    # Hooks on by default: `make readme` installs the git hook, once.
    hook = copy / ".git" / "hooks" / "pre-commit"
    assert not hook.exists()
    first = ok(["make", "-s", "readme"], copy, hook_env)
    assert first == (
        "pre-commit installed at .git/hooks/pre-commit (checks every commit; "
        "`git commit --no-verify` skips them)\nunchanged README.md (10 models)\n"
    )
    assert "File generated by pre-commit" in hook.read_text("utf-8")
    assert ok(["make", "-s", "readme"], copy, hook_env) == "unchanged README.md (10 models)\n"
    assert git(copy, hook_env, "status", "--porcelain") == ""
    return copy


@pytest.fixture
def clone(template_clone: Path, tmp_path: Path) -> Iterator[Path]:
    """A fresh copy of the template clone for one test."""
    copy = tmp_path / "project"
    shutil.copytree(template_clone, copy, symlinks=True)
    installed = STAMP.stat().st_mtime_ns
    yield copy
    assert STAMP.stat().st_mtime_ns == installed, "a hook reinstalled the project's venv"


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


def test_new_model_is_committed(clone: Path, hook_env: dict[str, str]) -> None:
    created = ok(["make", "-s", "new", "NAME=LLaVA 2"], clone, hook_env)
    assert created == (
        "created entries/llava-2.yaml: replace each TODO, then run `make readme` "
        "(`make check` lists what is left)\n"
    )
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
    # One diagnostic once per commit: render names the command, check-entries has the list.
    assert status(scaffold.stdout, RENDER) == "Failed"
    render = report(scaffold.stdout, "render-readme")
    assert [line for line in render if line and not line.startswith("- ")] == [
        f"{NOT_WRITTEN} (`make check` lists the problems)"
    ]
    assert scaffold.stdout.count("error[placeholder]") == todos

    # Filled in, with a release date far from the arXiv id: the warning shows, the commit passes.
    assert fill_placeholders(entry, "https://arxiv.org/abs/2301.00002") == todos > 0
    text = entry.read_text("utf-8").replace("# released:", 'released: "2025-06"')
    entry.write_text(text, encoding="utf-8")
    assert "TODO" not in text
    ok(["make", "-s", "readme"], clone, hook_env)
    git(clone, hook_env, "add", "-A")
    result = commit(clone, hook_env, "Add LLaVA 2")
    assert result.returncode == 0, result.stdout
    for name in LOCAL_HOOKS:
        assert status(result.stdout, name) == "Passed", result.stdout
    line, column = position(text, "released: ")
    assert (
        f"entries/llava-2.yaml:{line}:{column}: warning[released-mismatch] released 2025-06 is "
        "29 months from the arXiv id 2301.00002 (2023-01); check the date"
    ) in report(result.stdout, "check-entries")
    assert git(clone, hook_env, "status", "--porcelain") == ""
    changed = git(clone, hook_env, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(changed) == ["README.md", "entries/llava-2.yaml"]
    assert "<summary>LLaVA 2</summary>" in git(clone, hook_env, "show", "HEAD:README.md")


OVERVIEW = re.compile(r"^  overview: .*?(?=^  components:)", re.M | re.S)
SUMMARY = "LLaVA links a CLIP encoder to Vicuna with a linear layer."
HAND_TEXT = "LLaVA joins CLIP and Vicuna through one linear layer."
KEEP_NOTES = [
    "README.md differs from what entries/ give and from the last commit: it holds an edit, so it "
    "was left as you wrote it (a copy is in README.edited.md)",
    "to keep the edit: make it in entries/ (`awesome-tools lint` names the entry file of each "
    "block; a model added by hand: `make import README=README.edited.md` writes its entry file), "
    "then run `make readme`, stage and commit",
    "to drop it: run `make readme`, stage and commit",
]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _edit_cell(text: str) -> tuple[str, str]:
    """The Architecture.Overview cell of LLaVA's table rewritten; lint's drift line for it."""
    lines = text.splitlines(keepends=True)
    summary = lines.index("<summary>LLaVA</summary>\n")
    cell = next(
        i
        for i in range(summary, len(lines))
        if lines[i].startswith("<td>") and "<a href=" not in lines[i]
    )
    lines[cell] = f"<td>{HAND_TEXT}</td>\n"
    return "".join(lines), (
        f"README.md:{cell + 1}:11: error[drift] block 'LLaVA' differs from entries/llava.yaml "
        "(field architecture.overview): found 'joins CLIP and Vicuna through one linear...' "
        "where render writes 'combines a pre-trained language model (L...'; edit "
        "entries/llava.yaml, not README.md, then run `make readme`"
    )


def _edit_summary(text: str) -> tuple[str, str]:
    """The summary of LLaVA's panel rewritten; lint's drift line for it."""
    edited = text.replace(f"\n{SUMMARY}\n", f"\n{HAND_TEXT}\n", 1)
    return edited, (
        f"README.md:{_line_of(edited, HAND_TEXT)}:7: error[drift] panel 'LLaVA' differs from "
        "entries/llava.yaml (field summary): found 'joins CLIP and Vicuna through one linear...' "
        "where render writes 'links a CLIP encoder to Vicuna with a li...'; edit "
        "entries/llava.yaml, not README.md, then run `make readme`"
    )


def _add_model(text: str) -> tuple[str, str]:
    """A model block added by hand after LLaVA's, a copy of it with another name and paper."""
    start = text.index('<details id="llava">')
    end = text.index("</details>\n", start) + len("</details>\n")
    block = (
        text[start:end]
        .replace('id="llava"', 'id="llava-hand"')
        .replace("<summary>LLaVA</summary>", "<summary>LLaVA Hand</summary>")
        .replace("https://arxiv.org/abs/2304.08485", "https://arxiv.org/abs/2401.00001")
    )
    edited = text[:end] + "\n" + block + text[end:]
    line = _line_of(edited, '<details id="llava-hand">')
    return edited, (
        f"README.md:{line}:1: error[drift] block 'LLaVA Hand' "
        "has no entry file: `make import README=README.md` turns it into one (or start from "
        "`make new NAME='LLaVA Hand'`), then run `make readme`"
    )


def _to_panel(clone: Path, env: Mapping[str, str]) -> None:
    """The clone's list switched to the panel layout, LLaVA given a summary, committed green."""
    (clone / "awesome.yaml").write_text("layout: panel\n", encoding="utf-8")
    entry = clone / "entries" / "llava.yaml"
    entry.write_text(entry.read_text("utf-8") + f"summary: {SUMMARY}\n", encoding="utf-8")
    ok(["make", "-s", "readme"], clone, env)
    git(clone, env, "add", "-A")
    result = commit(clone, env, "Switch to the panel layout")
    assert result.returncode == 0, result.stdout


def _keep_in_entry(
    pattern: re.Pattern[str], value: str
) -> Callable[[Path, Mapping[str, str]], str]:
    """The contributor makes the edit in entries/llava.yaml, as the notes say."""

    def follow(clone: Path, env: Mapping[str, str]) -> str:
        entry = clone / "entries" / "llava.yaml"
        text, count = pattern.subn(value, entry.read_text("utf-8"))
        assert count == 1
        entry.write_text(text, encoding="utf-8")
        return ""

    return follow


def _importing(readme: str) -> Callable[[Path, Mapping[str, str]], str]:
    """The contributor runs the printed `make import README=...`."""

    def follow(clone: Path, env: Mapping[str, str]) -> str:
        return ok(["make", "-s", "import", f"README={readme}"], clone, env)

    return follow


HAND_EDITS: list[
    tuple[
        str, bool, Callable[[str], tuple[str, str]], Callable[[Path, Mapping[str, str]], str], str
    ]
] = [
    # (case, panel layout, the hand edit, what the contributor does to keep it, its output, and
    # what `make readme` says then: the README is already what the entries give)
    (
        "a changed cell",
        False,
        _edit_cell,
        _keep_in_entry(OVERVIEW, f"  overview: {HAND_TEXT}\n"),
        "",
        "unchanged README.md (10 models)\n",
    ),
    (
        "a changed panel summary",
        True,
        _edit_summary,
        _keep_in_entry(
            re.compile(f"^summary: {re.escape(SUMMARY)}$", re.M), f"summary: {HAND_TEXT}"
        ),
        "",
        "unchanged README.md (10 models)\n",
    ),
    (
        "a model added by hand, the copy imported as render-readme says",
        False,
        _add_model,
        _importing("README.edited.md"),
        "imported 11 entries into entries/ (1 written)\n1 file checked: no problems\n",
        "wrote README.md (11 models)\n",  # render puts the block in its place
    ),
    (
        "a model added by hand, README.md imported as lint-readme says",
        False,
        _add_model,
        _importing("README.md"),
        "imported 11 entries into entries/ (1 written)\n1 file checked: no problems\n",
        "wrote README.md (11 models)\n",
    ),
]


@pytest.mark.parametrize(
    ("panel", "edit", "keep", "kept", "rendered"),
    [case[1:] for case in HAND_EDITS],
    ids=[case[0] for case in HAND_EDITS],
)
def test_a_hand_edit_of_the_readme_is_never_lost(
    clone: Path,
    hook_env: dict[str, str],
    panel: bool,
    edit: Callable[[str], tuple[str, str]],
    keep: Callable[[Path, Mapping[str, str]], str],
    kept: str,
    rendered: str,
) -> None:
    if panel:
        _to_panel(clone, hook_env)
    before = head(clone, hook_env)
    readme = clone / "README.md"
    edited, drift = edit(readme.read_text("utf-8"))
    readme.write_text(edited, encoding="utf-8")
    git(clone, hook_env, "add", "README.md")
    result = commit(clone, hook_env, "Edit README.md by hand")

    # The commit fails with the drift message; README.md stays as the contributor wrote it.
    assert result.returncode == 1, result.stdout
    assert status(result.stdout, CHECK) == "Skipped"
    assert status(result.stdout, LINT) == "Failed"
    assert drift in report(result.stdout, "lint-readme")
    assert status(result.stdout, RENDER) == "Failed"
    render = report(result.stdout, "render-readme")
    assert MODIFIED not in render
    assert [line for line in render if line and not line.startswith("- ")] == KEEP_NOTES
    assert readme.read_text("utf-8") == edited
    assert git(clone, hook_env, "show", ":README.md") == edited
    assert (clone / "README.edited.md").read_text("utf-8") == edited
    assert head(clone, hook_env) == before
    assert git(clone, hook_env, "status", "--porcelain") == "M  README.md\n"

    # The printed commands: keep the edit, `make readme`, stage, commit: green.
    assert keep(clone, hook_env) == kept
    assert ok(["make", "-s", "readme"], clone, hook_env) == rendered
    git(clone, hook_env, "add", "-A")
    second = commit(clone, hook_env, "Edit LLaVA in entries/")
    assert second.returncode == 0, second.stdout
    for name in LOCAL_HOOKS:
        assert status(second.stdout, name) in {"Passed", "Skipped"}, second.stdout
    assert git(clone, hook_env, "status", "--porcelain") == ""
    committed = git(clone, hook_env, "show", "HEAD:README.md")
    assert HAND_TEXT in committed or "<summary>LLaVA Hand</summary>" in committed
    # The contributor's text is still there to compare with, out of git's way.
    assert (clone / "README.edited.md").read_text("utf-8") == edited
    assert "README.edited.md" not in git(clone, hook_env, "ls-files")


def test_a_hand_edit_can_be_dropped(clone: Path, hook_env: dict[str, str]) -> None:
    readme = clone / "README.md"
    rendered = readme.read_text("utf-8")
    edited, _ = _edit_cell(rendered)
    readme.write_text(edited, encoding="utf-8")
    git(clone, hook_env, "add", "README.md")
    assert commit(clone, hook_env, "Edit README.md by hand").returncode == 1
    # "to drop it: run `make readme`, stage and commit"
    assert ok(["make", "-s", "readme"], clone, hook_env) == "wrote README.md (10 models)\n"
    git(clone, hook_env, "add", "README.md")
    assert git(clone, hook_env, "status", "--porcelain") == ""
    assert readme.read_text("utf-8") == rendered
    assert (clone / "README.edited.md").read_text("utf-8") == edited


def test_readme_not_regenerated_is_rendered_then_committed(
    clone: Path, hook_env: dict[str, str]
) -> None:
    before = head(clone, hook_env)
    (clone / "entries" / "sigma-vlm.yaml").write_text(SIGMA, encoding="utf-8")
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


def test_a_hook_whose_python_is_gone_is_installed_again(
    clone: Path, hook_env: dict[str, str]
) -> None:
    """A hook left by a deleted venv (or worktree) would fail every commit: make readme
    installs it again, and only then."""
    hook = clone / ".git" / "hooks" / "pre-commit"
    text = hook.read_text("utf-8")
    stale = re.sub(r"(?m)^INSTALL_PYTHON=.*$", "INSTALL_PYTHON=/nonexistent/bin/python", text)
    assert stale != text
    hook.write_text(stale, encoding="utf-8")
    assert ok(["make", "-s", "readme"], clone, hook_env) == (
        "pre-commit installed at .git/hooks/pre-commit (checks every commit; "
        "`git commit --no-verify` skips them)\nunchanged README.md (10 models)\n"
    )
    assert "/nonexistent/" not in hook.read_text("utf-8")
    assert ok(["make", "-s", "readme"], clone, hook_env) == "unchanged README.md (10 models)\n"


def test_manifest_and_config_validate(tmp_path: Path, hook_env: dict[str, str]) -> None:
    ok([PRE_COMMIT, "validate-manifest", REPO / ".pre-commit-hooks.yaml"], tmp_path, hook_env)
    ok([PRE_COMMIT, "validate-config", REPO / ".pre-commit-config.yaml"], tmp_path, hook_env)


def test_every_local_hook_runs_a_tool_the_set_up_installed() -> None:
    """No hook asks pre-commit to build an environment: commits need no network."""
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    for repo in config["repos"]:
        assert repo["repo"] == "local"
        for hook in repo["hooks"]:
            assert hook["language"] == "unsupported", hook["id"]
            assert "additional_dependencies" not in hook, hook["id"]
            assert hook["entry"].split()[0] in {"tools/venv-run", "tools/node-run"}, hook["id"]


def test_an_unstaged_hand_edit_survives_a_commit_of_entries(
    clone: Path, hook_env: dict[str, str]
) -> None:
    """pre-commit sets an unstaged README.md aside; the render hook sees the committed one."""
    before = head(clone, hook_env)
    readme = clone / "README.md"
    edited, _ = _edit_cell(readme.read_text("utf-8"))
    readme.write_text(edited, encoding="utf-8")
    entry = clone / "entries" / "llava.yaml"
    text = OVERVIEW.sub("  overview: Another overview.\n", entry.read_text("utf-8"))
    entry.write_text(text, encoding="utf-8")
    git(clone, hook_env, "add", "entries/llava.yaml")
    result = commit(clone, hook_env, "Edit LLaVA")
    assert result.returncode == 1, result.stdout
    assert status(result.stdout, RENDER) == "Failed"
    assert "[WARNING] Stashed changes conflicted with hook auto-fixes... Rolling back fixes..." in (
        result.stdout.splitlines()
    )
    assert readme.read_text("utf-8") == edited
    assert head(clone, hook_env) == before
    assert git(clone, hook_env, "status", "--porcelain") == " M README.md\nM  entries/llava.yaml\n"

    # Staged as the hook asks, the edit is now the README being committed: left as written.
    git(clone, hook_env, "add", "README.md")
    second = commit(clone, hook_env, "Edit LLaVA")
    assert second.returncode == 1, second.stdout
    render = report(second.stdout, "render-readme")
    assert [line for line in render if line and not line.startswith("- ")] == KEEP_NOTES
    assert readme.read_text("utf-8") == edited
    assert (clone / "README.edited.md").read_text("utf-8") == edited


def test_hooks_doc_quotes_what_the_render_hook_says() -> None:
    text = (REPO / "docs" / "hooks.md").read_text("utf-8")
    quoted = re.search(r"```text\n(.*?)```", text, re.S)
    assert quoted is not None
    assert quoted[1].splitlines() == KEEP_NOTES
