"""The package another list installs: built sdist and wheel, installed in a fresh venv, offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from awesome_tools import __version__
from conftest import GOOD, REPO, entry_text

PACKAGE = REPO / "src" / "awesome_tools"
BIN = Path(sys.executable).parent
# What the top of a checkout holds that no build reads: copying it would only slow the build.
NOT_SOURCE = {".git", ".venv", "node_modules", "build", "dist", "site", "test-artifacts"}


@dataclass(frozen=True)
class Dist:
    """The built sdist and wheel, and what `python -m build` printed."""

    sdist: Path
    wheel: Path
    log: str


def _run(
    args: list[str | Path], *, cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _offline_env() -> dict[str, str]:
    """The environment without this venv, this checkout or the machine's pip settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PIP_") and key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}
    }
    # No index, no find-links, no constraints from the machine's pip configuration.
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PYTHONNOUSERSITE="1")
    env.pop("GITHUB_ACTIONS", None)
    return env


def _ignore(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == REPO
    return {
        name
        for name in names
        if (top and name in NOT_SOURCE)
        or name in {"__pycache__", ".hypothesis"}
        or name.endswith((".egg-info", "_cache"))
    }


def _package_files() -> set[str]:
    """Every file of src/awesome_tools, as the wheel names it."""
    return {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """Build the sdist, then the wheel from the sdist alone, from a clean copy of the checkout."""
    # A copy: the build writes build/ and *.egg-info, and a stale SOURCES.txt would leak files.
    source = tmp_path_factory.mktemp("source") / "awesome-tools"
    shutil.copytree(REPO, source, ignore=_ignore, symlinks=True)
    out = tmp_path_factory.mktemp("dist")
    result = _run(
        [BIN / "python", "-m", "build", "--no-isolation", "--outdir", out, source],
        cwd=source,
        env=_offline_env(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return Dist(sdist=sdist, wheel=wheel, log=result.stdout + result.stderr)


@pytest.fixture(scope="module")
def venv(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the built wheel, and this venv's dependencies through a .pth file."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    env = _offline_env()
    made = _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=venv.parent, env=env)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    installed = _run(
        [BIN / "pip", "--python", python, "install", "--no-deps", "--no-index", dist.wheel],
        cwd=venv.parent,
        env=env,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # pydantic, pyyaml, jinja2 and markdown-it-py come from the set-up venv, so nothing is
    # downloaded. A path line in a .pth file adds that folder only: the .pth files inside it,
    # among them the editable install of this checkout, are not processed.
    site = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=venv.parent,
        env=env,
    )
    folders = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    Path(site.stdout.strip(), "setup_venv.pth").write_text("\n".join(folders) + "\n", "utf-8")
    return venv


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """Another list, outside this repository: two entries, no categories, no templates."""
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "llava.yaml").write_text(GOOD, encoding="utf-8")
    blip = entry_text(
        "BLIP-2",
        "https://arxiv.org/abs/2301.12597",
        **{"Two-stage instruction tuning.": "Bootstrapped from frozen encoders."},
    )
    (tmp_path / "entries" / "blip-2.yaml").write_text(blip, encoding="utf-8")
    return tmp_path


def _tool(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return _run([venv / "bin" / "awesome-tools", *args], cwd=cwd, env=_offline_env())


def test_the_sdist_alone_builds_the_wheel(dist: Dist) -> None:
    assert "* Building sdist..." in dist.log and "* Building wheel from sdist" in dist.log
    assert dist.sdist.name == f"awesome_tools-{__version__}.tar.gz"
    assert dist.wheel.name == f"awesome_tools-{__version__}-py3-none-any.whl"


def test_the_wheel_carries_every_module_template_and_data_file(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as wheel:
        names = set(wheel.namelist())
    packaged = {name for name in names if name.startswith("awesome_tools/")}
    assert packaged == _package_files()
    assert {
        "awesome_tools/templates/README.md.j2",
        "awesome_tools/templates/model.html.j2",
        "awesome_tools/templates/site/index.html.j2",
        "awesome_tools/templates/site/site.css",
        "awesome_tools/templates/site/site.js",
        "awesome_tools/data/connectors.yaml",
    } <= packaged
    assert f"awesome_tools-{__version__}.dist-info/entry_points.txt" in names
    with zipfile.ZipFile(dist.wheel) as wheel:
        entry_points = wheel.read(
            f"awesome_tools-{__version__}.dist-info/entry_points.txt"
        ).decode()
    assert "awesome-tools = awesome_tools.cli:main" in entry_points


def test_the_sdist_holds_the_package_readme_and_license_but_not_the_tests(dist: Dist) -> None:
    with tarfile.open(dist.sdist) as sdist:
        names = {name.removeprefix(f"awesome_tools-{__version__}/") for name in sdist.getnames()}
    assert {f"src/{name}" for name in _package_files()} <= names
    assert {"pyproject.toml", "MANIFEST.in", "LICENSE", "docs/pypi.md", "PKG-INFO"} <= names
    assert not {name for name in names if name.startswith("tests")}
    assert "README.md" not in names and "entries" not in names


def test_twine_check_passes_on_the_sdist_and_wheel(dist: Dist) -> None:
    result = _run(
        [BIN / "twine", "check", "--strict", dist.sdist, dist.wheel],
        cwd=dist.wheel.parent,
        env={**_offline_env(), "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


def test_the_venv_imports_the_installed_wheel_not_this_checkout(venv: Path) -> None:
    result = _run(
        [venv / "bin" / "python", "-c", "import awesome_tools; print(awesome_tools.__file__)"],
        cwd=venv.parent,
        env=_offline_env(),
    )
    assert result.returncode == 0, result.stderr
    installed = Path(result.stdout.strip())
    assert installed.is_relative_to(venv), installed
    assert not installed.is_relative_to(REPO)


def test_the_installed_tool_checks_renders_and_lints_another_list(venv: Path, sample: Path) -> None:
    version = _tool(venv, "--version", cwd=sample)
    assert (version.returncode, version.stdout) == (0, f"awesome-tools {__version__}\n")

    check = _tool(venv, "check", cwd=sample)
    assert (check.returncode, check.stdout, check.stderr) == (
        0,
        "",
        "2 files checked: no problems\n",
    )

    missing = _tool(venv, "lint", cwd=sample)
    assert (missing.returncode, missing.stderr) == (
        2,
        f"awesome-tools: no such file: {sample / 'README.md'}\n",
    )

    render = _tool(venv, "render", cwd=sample)
    assert (render.returncode, render.stderr) == (0, "wrote README.md (2 models)\n")
    readme = (sample / "README.md").read_text("utf-8")
    # No templates/ folder: the README comes from the wheel's default template.
    packaged = (PACKAGE / "templates" / "README.md.j2").read_text("utf-8")
    assert packaged.splitlines()[0] == readme.splitlines()[0]
    assert readme.index('<details id="blip-2">') < readme.index('<details id="llava">')

    lint = _tool(venv, "lint", cwd=sample)
    assert (lint.returncode, lint.stdout, lint.stderr) == (0, "", "1 file checked: no problems\n")
    stale = _tool(venv, "render", "--check", cwd=sample)
    assert (stale.returncode, stale.stdout, stale.stderr) == (0, "", "")


def test_the_installed_tool_starts_a_list_from_its_packaged_files(
    venv: Path, tmp_path: Path
) -> None:
    """init reads its files from the wheel's awesome_tools/data/init/ (package data)."""
    result = _tool(venv, "init", "new", "--title", "Awesome Tiny Models", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(
        "wrote new/awesome.yaml\nwrote new/.gitignore\nwrote new/.pre-commit-config.yaml\n"
        "wrote new/.github/workflows/awesome.yml\nwrote new/contributing.md\n"
        "wrote new/.markdownlint-cli2.jsonc\ncreated new/entries/\n"
    )
    for name, packaged in [(".gitignore", "gitignore"), (".pre-commit-config.yaml", None)]:
        expected = (PACKAGE / "data" / "init" / (packaged or name.lstrip("."))).read_text("utf-8")
        assert (tmp_path / "new" / name).read_text("utf-8") == expected
    assert 'title: "Awesome Tiny Models"\n' in (tmp_path / "new" / "awesome.yaml").read_text()


def test_the_installed_tool_reports_a_bad_entry_and_a_hand_edit(venv: Path, sample: Path) -> None:
    assert _tool(venv, "render", cwd=sample).returncode == 0
    readme = sample / "README.md"
    lines = readme.read_text("utf-8").replace("Two-stage instruction tuning.", "Edited.")
    readme.write_text(lines, encoding="utf-8")
    edited = next(n for n, line in enumerate(lines.splitlines(), 1) if "Edited." in line)
    lint = _tool(venv, "lint", cwd=sample)
    assert (lint.returncode, lint.stdout, lint.stderr) == (
        1,
        f"README.md:{edited}:5: error[drift] block 'LLaVA' differs from entries/llava.yaml "
        "(field training.methods): found 'Edited.</td>' where render writes 'Two-stage "
        "instruction tuning.</td>'; edit entries/llava.yaml, not README.md, then run "
        "`awesome-tools render`\n",
        "1 file checked: 1 error, 0 warnings\n",
    )

    bad = sample / "entries" / "blip-2.yaml"
    bad.write_text(bad.read_text("utf-8").replace("architecture:", "architecure:"), "utf-8")
    check = _tool(venv, "check", cwd=sample)
    assert (check.returncode, check.stdout, check.stderr) == (
        1,
        "entries/blip-2.yaml:5:1: error[unknown-key] unknown key 'architecure'; "
        "did you mean 'architecture'?\n",
        "2 files checked: 1 error, 0 warnings\n",
    )


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("README.md.j2", "awesome_tools/templates/README.md.j2"),
        ("site/site.js", "awesome_tools/templates/site/site.js"),
        ("panel/panel.md.j2", "awesome_tools/layouts/panel/templates/panel.md.j2"),
        ("table/row.md.j2", "awesome_tools/layouts/table/templates/row.md.j2"),
        ("list/README.md.j2", "awesome_tools/layouts/list/templates/README.md.j2"),
    ],
)
def test_a_layout_s_packaged_template_is_in_its_package_by_its_layout_s_name(
    name: str, where: str
) -> None:
    """A list overrides `panel/panel.md.j2` by that name; the package keeps it in the layout."""
    from awesome_tools.core.packaged import packaged_file
    from awesome_tools.core.templates import load_templates

    assert packaged_file(name) == where
    assert (PACKAGE.parent / where).is_file()
    if name.endswith(".j2"):
        env = load_templates(None).env
        assert env.loader is not None
        assert Path(env.loader.get_source(env, name)[1] or "") == PACKAGE.parent / where
