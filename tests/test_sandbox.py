"""Templates run sandboxed: an escape attempt is a template diagnostic and runs nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main

UNSAFE = "error[template] the template is refused: it tries something unsafe"

ATTEMPTS = [
    (
        "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
        "access to attribute '__init__' of 'type' object is unsafe",
    ),
    (
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "access to attribute '__class__' of 'str' object is unsafe",
    ),
    (
        "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch PWNED') }}",
        "access to attribute '_TemplateReference__context' of 'TemplateReference' object is unsafe",
    ),
    (
        "{{ lipsum.__globals__['os'].popen('touch PWNED').read() }}",
        "access to attribute '__globals__' of 'function' object is unsafe",
    ),
    (
        "{{ joiner.__init__.__globals__.os.system('touch PWNED') }}",
        "access to attribute '__init__' of 'type' object is unsafe",
    ),
    (
        "{{ namespace.__init__.__globals__.os.system('touch PWNED') }}",
        "access to attribute '__init__' of 'type' object is unsafe",
    ),
    (
        "{{ cycler['__init__']['__globals__']['os'].system('touch PWNED') }}",
        "access to attribute '__init__' of 'type' object is unsafe",
    ),
    (
        "{{ (sections | attr('__class__')).__mro__ }}",
        "access to attribute '__class__' of 'list' object is unsafe",
    ),
    (
        "{{ '{0.__class__.__mro__}'.format(sections) }}",
        "access to attribute '__class__' of 'list' object is unsafe",
    ),
    (
        "{{ sections.append(1) }}",
        "access to attribute 'append' of 'list' object is unsafe",
    ),
]


@pytest.mark.parametrize(("template", "reason"), ATTEMPTS)
def test_a_template_cannot_escape_the_sandbox(
    rich_project: Path, capsys: pytest.CaptureFixture[str], template: str, reason: str
) -> None:
    (rich_project / "templates").mkdir()
    (rich_project / "templates" / "README.md.j2").write_text(
        f"# T\n\n{template}\n", encoding="utf-8"
    )
    (rich_project / "README.md").write_text("old\n", encoding="utf-8")
    assert main(["render"]) == 1
    assert main(["lint"]) == 1
    out, err = capsys.readouterr()
    assert out == f"templates/README.md.j2:3:1: {UNSAFE} ({reason})\n" * 2
    assert "Traceback" not in err
    assert not (rich_project / "PWNED").exists()
    assert (rich_project / "README.md").read_text("utf-8") == "old\n"


def test_the_site_template_is_sandboxed_too(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (rich_project / "templates" / "site").mkdir(parents=True)
    (rich_project / "templates" / "site" / "index.html.j2").write_text(
        "<p>\n{{ cycler.__init__.__globals__.os.system('touch PWNED') }}\n", encoding="utf-8"
    )
    assert main(["site"]) == 1
    reason = "access to attribute '__init__' of 'type' object is unsafe"
    assert capsys.readouterr().out == f"templates/site/index.html.j2:2:1: {UNSAFE} ({reason})\n"
    assert not (rich_project / "PWNED").exists()
    assert not (rich_project / "site").exists()
