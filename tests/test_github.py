"""GitHub files: workflows and the issue form validate against the schemas GitHub publishes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def _validate(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflow_matches_the_github_workflow_schema(workflow: Path) -> None:
    result = _validate("vendor.github-workflows", workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_form_matches_the_issue_forms_schema() -> None:
    result = _validate(
        "vendor.github-issue-forms", REPO / ".github" / "ISSUE_TEMPLATE" / "add-model.yml"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "ci.yml"
    broken.write_text("on: push\njobs:\n  test:\n    steps: []\n", encoding="utf-8")
    result = _validate("vendor.github-workflows", broken)
    assert result.returncode == 1
    assert "runs-on" in result.stdout + result.stderr


def test_expected_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == [
        "ci.yml",
        "links.yml",
        "pages.yml",
        "refresh-arxiv.yml",
        "release.yml",
    ]
    ci = (REPO / ".github" / "workflows" / "ci.yml").read_text("utf-8")
    assert "make test" in ci and "git diff --exit-code -- README.md" in ci
    assert "Run 'make readme' and commit README.md." in ci
    links = (REPO / ".github" / "workflows" / "links.yml").read_text("utf-8")
    assert "schedule:" in links and "workflow_dispatch:" in links and "pull_request" not in links
    assert "fail: false" in links
    pages = (REPO / ".github" / "workflows" / "pages.yml").read_text("utf-8")
    assert ".venv/bin/awesome-tools site -o site" in pages and "branches: [main]" in pages
    assert "actions/upload-pages-artifact@v3" in pages and "actions/deploy-pages@v4" in pages
    assert "pages: write" in pages and "id-token: write" in pages


def test_the_arxiv_refresh_runs_weekly_and_opens_a_pull_request() -> None:
    workflow = yaml.safe_load(
        (REPO / ".github" / "workflows" / "refresh-arxiv.yml").read_text("utf-8")
    )
    assert set(workflow[True]) == {"schedule", "workflow_dispatch"}
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write"}
    runs = [step.get("run", "") for step in workflow["jobs"]["refresh"]["steps"]]
    assert runs[2:4] == ["make setup", ".venv/bin/awesome-tools refresh"]
    assert "gh pr create --head" in runs[4] and "git diff --cached --quiet" in runs[4]


def test_release_builds_checks_and_publishes_on_a_version_tag() -> None:
    release = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text("utf-8"))
    # PyYAML reads the key `on` as True (YAML 1.1).
    assert release[True] == {"push": {"tags": ["v*"]}}
    assert release["permissions"] == {"contents": "read"}
    build, publish = release["jobs"]["build"], release["jobs"]["publish"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert "python -m pip install -c constraints.txt build twine" in runs
    assert "python -m build" in runs and "python -m twine check --strict dist/*" in runs
    assert any("dist/awesome_tools-${GITHUB_REF_NAME#v}-py3-none-any.whl" in run for run in runs)
    assert build["steps"][-1] == {
        "uses": "actions/upload-artifact@v4",
        "with": {"name": "dist", "path": "dist/", "if-no-files-found": "error"},
    }
    assert "permissions" not in build
    assert publish["needs"] == "build"
    assert publish["environment"] == {"name": "pypi", "url": "https://pypi.org/p/awesome-tools"}
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["steps"] == [
        {"uses": "actions/download-artifact@v4", "with": {"name": "dist", "path": "dist/"}},
        {"uses": "pypa/gh-action-pypi-publish@release/v1"},
    ]
