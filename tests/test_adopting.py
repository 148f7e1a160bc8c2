"""docs/adopting.md's flow, run as written: upstream's catalog, in a clone of its own, becomes a
list kept with the tool (init, import, render, lint, site) and is committed through the hooks
that init wrote. The commands come from the doc, so the doc and the flow cannot diverge."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, REPO

DOC = REPO / "docs" / "adopting.md"
SECTION = r"<!-- {name}:start -->\n(.*?)<!-- {name}:end -->"
SH_BLOCK = re.compile(r"^```sh\n(.*?)^```$", re.S | re.M)
CLONE = "awesome-vlm-architectures"
# The installed awesome-tools (this venv's) comes first; nothing is installed by the test.
BIN = Path(sys.executable).parent


def flow_commands(name: str = "adoption-flow") -> list[str]:
    """The shell lines of a marked section of docs/adopting.md."""
    section = re.search(SECTION.format(name=name), DOC.read_text("utf-8"), re.S)
    assert section, f"{DOC}: no <!-- {name}:start --> ... end --> section"
    blocks = SH_BLOCK.findall(section[1])
    assert blocks, "the adoption flow has no ```sh block"
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def env_for(tmp_path: Path) -> dict[str, str]:
    """No user git config, no CI, a pre-commit store of the test's own, the venv on PATH."""
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("", encoding="utf-8")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL_ENV"))
        and key not in {"GITHUB_ACTIONS", "SKIP", "CI"}
    }
    env.update(
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        HOME=str(tmp_path),
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        PRE_COMMIT_COLOR="never",
        GIT_AUTHOR_NAME="List Maintainer",
        GIT_AUTHOR_EMAIL="maintainer@example.org",
        GIT_COMMITTER_NAME="List Maintainer",
        GIT_COMMITTER_EMAIL="maintainer@example.org",
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


def sh(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def shown(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """Upstream's list as its maintainer has it: the hand-written README, its figure credits and
    its figures (empty stand-ins), committed in a git repository."""
    root = tmp_path / "work" / CLONE
    root.mkdir(parents=True)
    readme = (FIXTURES / "upstream-74897b3-README.md").read_text("utf-8")
    (root / "README.md").write_text(readme, "utf-8")
    credits = root / "assets" / "architectures" / "CREDITS.md"
    credits.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "upstream-74897b3-CREDITS.md", credits)
    figures = sorted(set(re.findall(r'src="(assets/[^"]+)"', readme)))
    assert len(figures) > 100
    for figure in figures:
        (root / figure).parent.mkdir(parents=True, exist_ok=True)
        (root / figure).write_bytes(b"")
    env = env_for(tmp_path)
    made = sh("git init -q && git add -A && git commit -qm 'The list, by hand'", root, env)
    assert made.returncode == 0, shown(made)
    return root


def test_the_adoption_flow_runs_as_written_and_ci_passes(clone: Path, tmp_path: Path) -> None:
    commands = flow_commands()
    assert commands[0] == f"cd {CLONE}"
    assert any(c.startswith("awesome-tools init") for c in commands)
    assert commands[-1].startswith("git commit")
    env = env_for(tmp_path)
    result = sh("\n".join(commands), clone.parent, env)
    assert result.returncode == 0, shown(result)
    # The commit ran the hooks that init wrote, and they passed.
    config = yaml.safe_load((clone / ".pre-commit-config.yaml").read_text("utf-8"))
    hooks = [hook["name"] for hook in config["repos"][0]["hooks"]]
    assert len(hooks) == 3
    for hook in hooks:
        said = result.stdout + result.stderr
        assert re.search(rf"^{re.escape(hook)}\.+Passed$", said, re.M), shown(result)
    log = sh("git log --format=%s", clone, env)
    subject = re.search(r'git commit -m "([^"]+)"', commands[-1])
    assert subject and log.stdout.split("\n")[:2] == [subject[1], "The list, by hand"]
    # Nothing left over: the page (site/) is ignored, everything else committed.
    status = sh("git status --porcelain --ignored", clone, env)
    assert status.stdout == "!! site/\n", shown(status)
    assert len(list((clone / "entries").glob("*.yaml"))) == 155
    settings = yaml.safe_load((clone / "awesome.yaml").read_text("utf-8"))
    # init's settings, and what import read off the README that they lacked: the README is
    # written back as it was, its figure comments numbered and its credits file unchanged.
    assert settings == {
        "title": "Awesome VLM Architectures",
        "layout": "panel",
        "figure_markers": "position",
    }
    credits = clone / "assets" / "architectures" / "CREDITS.md"
    assert credits.read_bytes() == (FIXTURES / "upstream-74897b3-CREDITS.md").read_bytes()
    assert "\n<!-- architecture-figure:1 -->\n" in (clone / "README.md").read_text("utf-8")
    # The CI workflow init wrote: its steps after the install, run as GitHub would run them.
    workflow = yaml.safe_load((clone / ".github" / "workflows" / "awesome.yml").read_text())
    runs = [step["run"] for step in workflow["jobs"]["check"]["steps"] if "run" in step]
    assert runs[0].startswith("python -m pip install ")
    assert runs[1:] == ["awesome-tools check", "awesome-tools lint", "awesome-tools render --check"]
    for run in runs[1:]:
        step = sh(run, clone, {**env, "GITHUB_ACTIONS": "true"})
        assert step.returncode == 0, f"{run}:\n{shown(step)}"


def test_a_list_from_nothing_starts_as_written(tmp_path: Path) -> None:
    commands = flow_commands("new-list")
    env = env_for(tmp_path)
    result = sh("\n".join(commands), tmp_path, env)
    assert result.returncode == 0, shown(result)
    root = tmp_path / "my-list"
    assert sorted(p.name for p in (root / "entries").iterdir()) == ["model-name.yaml"]
    assert (root / ".git" / "hooks" / "pre-commit").is_file()
    assert yaml.safe_load((root / "awesome.yaml").read_text("utf-8")) == {
        "title": "Awesome Tiny Models",
        "layout": "table",
    }
