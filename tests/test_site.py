"""The web page of `awesome-tools site`: built from the entries, then used in a real browser.

The build and the command are tested without a browser. The page itself is driven in Debian's
Chromium (/usr/bin/chromium) through Playwright for Python, whose pip package brings its own
driver and no browser: search, filters, sorting, URL state, permalinks, keyboard use, JavaScript
off, escaping, console errors and axe-core. Without Chromium or playwright the browser tests
skip, saying how to install them; under CI=true they fail (as the peer checks of test_peers.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.normalize import slugify
from awesome_tools.core.ordering import DEFAULT_SECTION, newest_first
from awesome_tools.core.schema import Entry
from awesome_tools.core.templates import load_templates
from awesome_tools.engine.project import read_project
from awesome_tools.outputs.site import build_site, local_figures, plain_title, prose_html
from conftest import LIST, REPO, RICH
from sitebrowser import CARD, PNG, Session
from test_peers import require

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"
PACKAGE = REPO / "src" / "awesome_tools"


def searched(entry: Entry) -> list[str]:
    """The fields the page searches: every field shown as text (links are not searched)."""
    values = [
        entry.name,
        entry.title,
        entry.released,
        entry.category or DEFAULT_SECTION,
        entry.vision_encoder,
        entry.language_model,
        entry.connector,
        entry.summary,
        entry.authors,
        entry.contribution,
        entry.figure.alt if entry.figure else None,
        *(entry.deep_dive or "").split("\n\n"),
        *(
            [entry.architecture.overview, entry.architecture.components]
            if entry.architecture
            else []
        ),
        *([entry.training.methods] if entry.training else []),
        *([entry.alignment.techniques, entry.alignment.fusion_methods] if entry.alignment else []),
        *([entry.datasets.used, entry.datasets.purpose] if entry.datasets else []),
    ]
    return [value for value in values if value]


# A panel-layout list: summaries, prose and typed links, none of the table's sections.
PANEL_ENTRIES = {
    "alpha": """\
name: Alpha
title: 'Alpha: a panel model'
url: https://arxiv.org/abs/2401.00001
released: 2024-01-02
summary: Alpha reads images with a <b>plain</b> encoder.
contribution: A plain encoder.
authors: Ann Author et al., Lab<br>
links:
- kind: code
  url: https://github.com/example/alpha
  label: GitHub
deep_dive: |-
  **Architecture.** Alpha pairs a vision tower with a decoder.

  Its training uses a zebracrossing curriculum.
""",
    "beta": """\
name: Beta
title: 'Beta: another panel model'
url: https://arxiv.org/abs/2401.00002
released: 2024-02-03
summary: Beta reads images with a decoder only.
""",
    "gamma": """\
name: Gamma
title: 'Gamma: a third'
url: https://arxiv.org/abs/2401.00003
summary: Gamma mentions curriculum in its summary.
deep_dive: Gamma's deep dive.
""",
}


@pytest.fixture
def panel_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A panel-layout list of three entries."""
    (tmp_path / "entries").mkdir()
    (tmp_path / "awesome.yaml").write_text("layout: panel\ntitle: Panels\n", encoding="utf-8")
    for name, text in PANEL_ENTRIES.items():
        (tmp_path / "entries" / f"{name}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def project_entries(root: Path) -> list[Entry]:
    project = read_project(root, root)
    assert project.diagnostics == []
    return list(project.entries.values())


def build(root: Path) -> Path:
    """Run `awesome-tools site` in the project; return the page's file."""
    assert main(["site"]) == 0
    return root / "site" / "index.html"


# --- the build, without a browser --------------------------------------------------------------


def test_site_writes_the_page_and_its_assets_once(
    seed_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(seed_project)
    folder = seed_project / "site"
    assert sorted(p.name for p in folder.iterdir()) == ["index.html", "site.css", "site.js"]
    assert capsys.readouterr().err == (
        "wrote site/index.html, site/site.css, site/site.js (10 models)\n"
    )
    for name in ("site.css", "site.js"):
        packaged = (PACKAGE / "templates" / "site" / name).read_text("utf-8")
        assert (folder / name).read_text("utf-8") == packaged
    mtimes = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert main(["site", "-o", "site"]) == 0
    assert capsys.readouterr().err == "unchanged site/ (10 models)\n"
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == mtimes


def test_the_page_holds_every_model_and_the_facets(seed_project: Path) -> None:
    html = build(seed_project).read_text("utf-8")
    entries = project_entries(seed_project)
    slugs = re.findall(r'<article class="card" id="([^"]+)" data-slug="\1"', html)
    assert slugs == [slugify(e.name) for e in sorted(entries, key=lambda e: e.name.casefold())]
    assert html.count("<details>") == 10
    assert "<title>Awesome VLM Architectures</title>" in html  # the repository's override

    def options(select: str) -> list[str]:
        body = html.split(f'<select id="site_{select}" name="{select}">')[1].split("</select>")[0]
        return re.findall(r"<option(?: value=\"\")?>([^<]*)</option>", body)

    # No entry names a category: every model is in the default section, and no filter offers it.
    assert '<select id="site_category"' not in html and "<dt>Category</dt>" not in html
    assert options("connector") == [
        "All connectors",
        "linear",
        "mlp",
        "perceiver-resampler",
        "gated-cross-attention",
        "encoder-decoder",
    ]
    assert options("year") == ["Any year", "2024", "2023", "2022", "2021"]
    assert '<p id="site_count" class="count" role="status" aria-live="polite"' in html
    assert ">Showing 10 of 10 models</p>" in html
    assert re.search(r'<link rel="stylesheet" href="site\.css\?v=[0-9a-f]{12}">', html)
    assert "http" not in html.split("</head>")[0]  # no CDN: every asset is local


def test_a_panel_list_s_page_shows_its_summaries_and_prose(panel_project: Path) -> None:
    html = build(panel_project).read_text("utf-8")
    alpha = html.split('<article class="card" id="alpha"')[1].split("</article>")[0]
    assert (
        '<p class="summary f">Alpha reads images with a &lt;b&gt;plain&lt;/b&gt; encoder.</p>'
        in alpha
    )
    assert '<div><dt>Authors</dt><dd class="f">Ann Author et al., Lab</dd></div>' in alpha
    assert '<div><dt>Contribution</dt><dd class="f">A plain encoder.</dd></div>' in alpha
    assert (
        '<a href="https://github.com/example/alpha">GitHub<span class="sr"> of Alpha</span>'
        in alpha
    )
    assert '<summary>More information<span class="hits"></span></summary>' in alpha
    assert (
        '<div class="prose">\n'
        '<p class="f"><strong>Architecture.</strong> Alpha pairs a vision tower with a decoder.'
        "</p>\n"
        '<p class="f">Its training uses a zebracrossing curriculum.</p>\n'
        "</div>"
    ) in alpha
    assert "<h3>" not in html  # none of the table's sections
    beta = html.split('<article class="card" id="beta"')[1].split("</article>")[0]
    assert "<details>" not in beta and "Authors" not in beta  # nothing more to show
    assert html.count("<details>") == 2


def test_every_value_is_escaped(rich_project: Path) -> None:
    html = build_site(
        project_entries(rich_project),
        ["Decoders & Friends", "Encoders"],
        templates=load_templates(None),
    )["index.html"]
    assert "<b>" not in html and "alert('x')" not in html
    assert "Alpha &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;friends&#34;" in html
    assert 'href="https://example.org/alpha?a=1&amp;b=&#34;2&#34;"' in html
    assert 'data-category="Decoders &amp; Friends"' in html
    assert html.count("<script") == 1  # the page's own site.js


def test_the_same_entries_give_the_same_bytes(rich_project: Path) -> None:
    entries = project_entries(rich_project)
    packaged = load_templates(None)
    first = build_site(entries, ["Decoders & Friends", "Encoders"], templates=packaged)
    assert (
        build_site(entries[::-1], ["Decoders & Friends", "Encoders"], templates=packaged) == first
    )


def test_bad_entries_write_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "entries" / "llava.yaml").write_text("name: LLaVA\n", encoding="utf-8")
    assert main(["site"]) == 1
    out, err = capsys.readouterr()
    assert out == "".join(
        f"entries/llava.yaml:1:1: error[missing-field] missing required field '{key}': add '{key}:'\n"
        for key in ("architecture", "datasets", "title", "training", "url")
    )
    assert err == (
        "awesome-tools: the page was not written: fix the entries first\n"
        "1 file checked: 5 errors, 0 warnings\n"
    )
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            "<p>\n{% for c in cards %}\n{{ c.slug }\n{% endfor %}\n",
            "templates/site/index.html.j2:3:1: error[template] the template fails: unexpected '}'\n",
        ),
        (
            "<p>\n\n{{ missing.name }}\n",
            "templates/site/index.html.j2:3:1: error[template] the template fails: 'missing' is undefined\n",
        ),
    ],
)
def test_a_broken_template_is_a_diagnostic(
    project: Path, capsys: pytest.CaptureFixture[str], template: str, expected: str
) -> None:
    (project / "templates" / "site").mkdir(parents=True)
    (project / "templates" / "site" / "index.html.j2").write_text(template, encoding="utf-8")
    assert main(["site"]) == 1
    out, err = capsys.readouterr()
    assert out == expected
    assert "Traceback" not in err
    assert not (project / "site").exists()


def test_a_project_overrides_the_site_templates_file_by_file(project: Path) -> None:
    site = project / "templates" / "site"
    site.mkdir(parents=True)
    (site / "site.css").write_text("body { color: black; }\n", encoding="utf-8")
    html = build(project).read_text("utf-8")
    assert (project / "site" / "site.css").read_text("utf-8") == "body { color: black; }\n"
    assert (project / "site" / "site.js").read_text("utf-8") == (
        PACKAGE / "templates" / "site" / "site.js"
    ).read_text("utf-8")
    assert "<title>Awesome Model Architectures</title>" in html  # the packaged page
    (site / "index.html.j2").write_text(
        '{% extends "awesome_tools/site/index.html.j2" %}{% block title %}Mine{% endblock %}',
        encoding="utf-8",
    )
    html = build(project).read_text("utf-8")
    assert "<title>Mine</title>" in html and "<h1>Mine</h1>" in html
    assert 'data-slug="llava"' in html


def test_the_page_embeds_its_script_as_a_module(project: Path) -> None:
    """A browser refuses a module file from file://, so the page holds site.js's text."""
    packaged = (PACKAGE / "templates" / "site" / "site.js").read_text("utf-8")
    html = build(project).read_text("utf-8")
    assert f'<script type="module">\n{packaged}</script>\n' in html
    assert html.count("<script") == 1
    site = project / "templates" / "site"
    site.mkdir(parents=True)
    (site / "site.js").write_text("export const mine = '<\\/script>';\n", encoding="utf-8")
    html = build(project).read_text("utf-8")
    assert "<script type=\"module\">\nexport const mine = '<\\/script>';\n</script>\n" in html


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            'const a = 1;\nconst end = "</script>";\n',
            "templates/site/site.js:2:14: error[template] the script cannot be embedded in the "
            "page: '</script' would break its <script> element; in a string, write '<\\/script'\n",
        ),
        (
            'x = "</SCRIPT>";\n',
            "templates/site/site.js:1:6: error[template] the script cannot be embedded in the "
            "page: '</SCRIPT' would break its <script> element; in a string, write '<\\/SCRIPT'\n",
        ),
        (
            "// <!-- a comment\n",
            "templates/site/site.js:1:4: error[template] the script cannot be embedded in the "
            "page: '<!--' would break its <script> element; in a string, write '<\\!--'\n",
        ),
    ],
)
def test_a_script_that_would_break_its_element_is_a_diagnostic(
    project: Path, capsys: pytest.CaptureFixture[str], script: str, expected: str
) -> None:
    (project / "templates" / "site").mkdir(parents=True)
    (project / "templates" / "site" / "site.js").write_text(script, encoding="utf-8")
    assert main(["site"]) == 1
    out, err = capsys.readouterr()
    assert out == expected
    assert "Traceback" not in err
    assert not (project / "site").exists()


def test_the_package_ships_the_site_templates() -> None:
    pyproject = (REPO / "pyproject.toml").read_text("utf-8")
    found = re.search(
        r"^\[tool\.setuptools\.package-data\]\nawesome_tools = (\[.*\])$", pyproject, re.M
    )
    assert found is not None
    patterns = json.loads(found.group(1))
    shipped = {p for pattern in patterns for p in PACKAGE.glob(pattern)}
    site = sorted((PACKAGE / "templates" / "site").iterdir())
    assert [p.name for p in site] == ["index.html.j2", "site.css", "site.js"]
    assert set(site) <= shipped
    # The built page's site/ is ignored at the root only, never these folders of the same name.
    for folder in (PACKAGE / "templates" / "site", REPO / "templates" / "site"):
        ignored = subprocess.run(
            ["git", "check-ignore", "-q", str(folder / "index.html.j2")], cwd=REPO, check=False
        )
        assert ignored.returncode == 1, f"{folder} is git-ignored"
    built = subprocess.run(["git", "check-ignore", "-q", "site/index.html"], cwd=REPO, check=False)
    assert built.returncode == 0, "site/ (the built page) is not git-ignored"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "**LLaVA 1.5**: a *small* `change`.",
            '<p class="f"><strong>LLaVA 1.5</strong>: a <em>small</em> <code>change</code>.</p>',
        ),
        ("One.\n\nTwo.", '<p class="f">One.</p>\n<p class="f">Two.</p>'),
        ("- a\n- b", '<ul class="f">\n<li>a</li>\n<li>b</li>\n</ul>'),
        (
            "See [the code](https://github.com/a/b?x=1&y=2).",
            '<p class="f">See <a href="https://github.com/a/b?x=1&amp;y=2">the code</a>.</p>',
        ),
        (
            "<b>raw</b> <script>x()</script>",
            '<p class="f">&lt;b&gt;raw&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt;</p>',
        ),
        ("[x](javascript:alert(1))", '<p class="f">[x](javascript:alert(1))</p>'),
        ("[x](data:text/html,hi)", '<p class="f">[x](data:text/html,hi)</p>'),
        ("[x](relative/page.md)", '<p class="f">[x](relative/page.md)</p>'),
        ("[x](https://a.org@b.org)", '<p class="f">[x](https://a.org@b.org)</p>'),
        ("<javascript:alert(1)>", '<p class="f">&lt;javascript:alert(1)&gt;</p>'),
        ("![d](diagram.png)", '<p class="f">![d](diagram.png)</p>'),
        ("It&#x27;s &amp; so", '<p class="f">It\'s &amp; so</p>'),
    ],
    ids=[
        "emphasis",
        "paragraphs",
        "list",
        "https-link",
        "raw-html",
        "javascript",
        "data",
        "relative",
        "user-name",
        "autolink",
        "local-image",
        "entities",
    ],
)
def test_the_deep_dive_is_markdown_rendered_to_safe_html(markdown: str, expected: str) -> None:
    assert prose_html(markdown) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (None, "Awesome Model Architectures"),
        ("Panels", "Panels"),
        (
            "👁️‍🗨️ Awesome VLM Architectures "
            "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
            "👁️‍🗨️ Awesome VLM Architectures",
        ),
        ("A **bold** `list` &amp; <b>more</b>", "A bold list & <b>more</b>"),
        ("[![badge](https://a.org/b.svg)](https://a.org)", "Awesome Model Architectures"),
    ],
)
def test_the_page_title_is_the_settings_title_as_text(title: str | None, expected: str) -> None:
    assert plain_title(title) == expected


def test_the_title_and_introduction_come_from_the_settings(panel_project: Path) -> None:
    html = build(panel_project).read_text("utf-8")
    assert "<title>Panels</title>" in html and "<h1>Panels</h1>" in html
    assert (
        "<p>3 models. Search every field, filter by release year, and open a model for its "
        "details.</p>"
    ) in html


def test_a_fact_no_entry_records_is_left_out(panel_project: Path) -> None:
    html = build(panel_project).read_text("utf-8")
    facts = {
        slug: re.findall(r"<div><dt>([^<]*)</dt><dd[^>]*>(.*?)</dd></div>", card)
        for slug, card in re.findall(
            r'<article class="card" id="([^"]+)"(.*?)</article>', html, re.S
        )
    }
    code = '<a href="https://github.com/example/alpha">GitHub<span class="sr"> of Alpha</span></a>'
    # Alpha's code link records the code; only Gamma's release date is missing.
    assert facts == {
        "alpha": [
            ("Released", "2024-01-02"),
            ("Authors", "Ann Author et al., Lab"),
            ("Contribution", "A plain encoder."),
            ("GitHub", code),
        ],
        "beta": [("Released", "2024-02-03"), ("Code", "not recorded")],
        "gamma": [("Released", "not recorded"), ("Code", "not recorded")],
    }
    for control in ("category", "connector"):
        assert f'id="site_{control}"' not in html
    assert '<select id="site_year" name="year">' in html


LOCAL_FIGURE = {
    "file": "assets/architectures/alpha.png",
    "alt": "Alpha's tower feeding a decoder",
    "caption": "Alpha's tower & decoder",
    "number": "2",
    "source": "https://arxiv.org/abs/2401.00001",
    "page": "3",
}


def add_figure(root: Path, name: str, **fields: str) -> None:
    """Give an entry file of root a figure of these fields (quoted YAML, appended)."""
    path = root / "entries" / f"{name}.yaml"
    lines = "figure:\n" + "".join(
        f"  {key}: {json.dumps(value)}\n" for key, value in fields.items()
    )
    path.write_text(path.read_text("utf-8") + lines, encoding="utf-8")


def test_the_figure_shows_its_alt_caption_number_and_source(panel_project: Path) -> None:
    add_figure(panel_project, "alpha", **LOCAL_FIGURE)
    add_figure(
        panel_project,
        "beta",
        file="https://example.org/beta.png",
        alt="Beta",
        caption="Beta's diagram",
        source="https://example.org/beta",
    )
    (panel_project / "assets" / "architectures").mkdir(parents=True)
    (panel_project / "assets" / "architectures" / "alpha.png").write_bytes(PNG)
    html = build(panel_project).read_text("utf-8")
    assert (
        '<figure><img src="assets/architectures/alpha.png" alt="Alpha&#39;s tower feeding a '
        'decoder" loading="lazy" decoding="async"><figcaption><b>Figure 2.</b> <span class="f">'
        "Alpha&#39;s tower &amp; decoder</span>. "
        '<a href="https://arxiv.org/abs/2401.00001">Source paper</a>, PDF p. 3.</figcaption>'
        "</figure>"
    ) in html
    assert (
        '<figure><img src="https://example.org/beta.png" alt="Beta" loading="lazy" '
        'decoding="async"><figcaption><b>Official architecture diagram.</b> <span class="f">'
        "Beta&#39;s diagram</span>. "
        '<a href="https://example.org/beta">Primary source</a>.</figcaption></figure>'
    ) in html
    assert html.count("<figcaption>") == 2


def test_a_panel_without_a_figure_shows_its_note(panel_project: Path) -> None:
    gamma = panel_project / "entries" / "gamma.yaml"
    note = "panel_quirks:\n  figure_note: The paper's figures show results, not the model.\n"
    gamma.write_text(gamma.read_text("utf-8") + note, encoding="utf-8")
    html = build(panel_project).read_text("utf-8")
    card = html.split('<article class="card" id="gamma"')[1].split("</article>")[0]
    assert (
        '<p class="note"><b>Architecture figure:</b> <span class="f">The paper&#39;s figures '
        "show results, not the model.</span></p>"
    ) in card
    assert "<figure>" not in html


def test_local_figures_are_copied_into_the_page_s_folder_once(
    panel_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_figure(panel_project, "alpha", **LOCAL_FIGURE)
    add_figure(panel_project, "beta", file="https://example.org/beta.png", alt="Beta")
    add_figure(panel_project, "gamma", file="alpha.png", alt="Gamma")
    (panel_project / "assets" / "architectures").mkdir(parents=True)
    (panel_project / "assets" / "architectures" / "alpha.png").write_bytes(PNG)
    (panel_project / "alpha.png").write_bytes(PNG[:-1] + b"!")
    build(panel_project)
    assert capsys.readouterr().err == (
        "wrote site/index.html, site/site.css, site/site.js and 2 figures (3 models)\n"
    )
    site = panel_project / "site"
    copied = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.png"))
    assert copied == ["alpha.png", "assets/architectures/alpha.png"]  # the remote one stays remote
    assert (site / "assets/architectures/alpha.png").read_bytes() == PNG
    assert (site / "alpha.png").read_bytes() == PNG[:-1] + b"!"
    stamp = (site / "alpha.png").stat().st_mtime_ns
    assert main(["site"]) == 0
    assert capsys.readouterr().err == "unchanged site/ (3 models)\n"
    assert (site / "alpha.png").stat().st_mtime_ns == stamp
    (panel_project / "alpha.png").write_bytes(PNG)
    assert main(["site"]) == 0
    assert capsys.readouterr().err == "wrote 1 figure (3 models)\n"
    assert (site / "alpha.png").read_bytes() == PNG


@pytest.mark.parametrize("name", ["index.html", "site.css", "site.js"])
def test_a_figure_named_like_a_file_of_the_page_writes_nothing(
    panel_project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    add_figure(panel_project, "alpha", file=name, alt="Alpha")
    (panel_project / name).write_bytes(PNG)
    assert main(["site"]) == 2
    assert capsys.readouterr().err == (
        f"awesome-tools: the page was not written: the figure '{name}' has the name of one of "
        "the page's files; move it into a folder\n"
    )
    assert not (panel_project / "site").exists()


def test_a_figure_is_never_read_or_written_out_of_the_project(
    panel_project: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.png").write_bytes(b"secret")
    add_figure(panel_project, "alpha", file="assets/secret.png", alt="Alpha")
    (panel_project / "assets").mkdir()
    (panel_project / "assets" / "secret.png").symlink_to(outside / "secret.png")
    assert main(["site"]) == 1  # check refuses the figure: it is not a file of the list
    assert "error[figure-file] figure file 'assets/secret.png'" in capsys.readouterr().out
    assert not (panel_project / "site").exists()
    (panel_project / "assets" / "secret.png").unlink()
    (panel_project / "assets" / "secret.png").write_bytes(PNG)
    (panel_project / "site").mkdir()
    (panel_project / "site" / "assets").symlink_to(outside)
    assert main(["site"]) == 1
    assert capsys.readouterr().err == (
        "awesome-tools: refusing to write site/assets/secret.png: site/assets is a link out of "
        "the project; nothing written\n"
    )
    assert os.listdir(panel_project / "site") == ["assets"]
    assert (outside / "secret.png").read_bytes() == b"secret"


# --- in the browser ----------------------------------------------------------------------------


def type_query(session: Session, query: str, total: int, expected: int) -> None:
    session.page.locator("input[type=search]").fill(query)
    noun = "model" if total == 1 else "models"
    session.page.wait_for_function(
        "text => document.getElementById('site_count').textContent === text",
        arg=f"Showing {expected} of {total} {noun}",
    )


def test_search_shows_exactly_the_models_that_say_so(
    seed_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(seed_project)
    entries = project_entries(seed_project)
    expected = sorted(
        slugify(e.name)
        for e in entries
        if any("cross-attention" in value.lower() for value in searched(e))
    )
    assert 0 < len(expected) < len(entries)
    session = open_page(page_file.as_uri(), viewport={"width": 1200, "height": 1600})
    type_query(session, "Cross-Attention", 10, len(expected))
    assert sorted(session.shown()) == expected
    assert sorted(session.hidden()) == sorted({slugify(e.name) for e in entries} - set(expected))
    marks = session.page.eval_on_selector_all(
        "#site_models mark", "marks => marks.map(m => m.textContent.toLowerCase())"
    )
    assert marks and set(marks) == {"cross-attention"}
    session.wait_for_url(f"{page_file.as_uri()}?q=Cross-Attention")
    session.page.locator(f"#{expected[0]} summary").click()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "site.png"
    session.page.screenshot(path=str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG")
    session.page.locator("#site_clear").click()
    session.page.wait_for_function("!document.querySelector('#site_models mark')")
    assert len(session.shown()) == 10
    session.wait_for_url(page_file.as_uri())
    session.assert_clean()


def test_search_finds_a_panel_list_s_summaries_and_prose(
    panel_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(panel_project)
    entries = project_entries(panel_project)
    session = open_page(page_file.as_uri(), viewport={"width": 1200, "height": 1600})
    # A word only in Alpha's deep dive, then one in a deep dive and in a summary.
    for word, expected in (("zebracrossing", ["alpha"]), ("curriculum", ["alpha", "gamma"])):
        assert (
            sorted(slugify(e.name) for e in entries if any(word in v.lower() for v in searched(e)))
            == expected
        )
        type_query(session, word, 3, len(expected))
        assert sorted(session.shown()) == expected
    # Highlights follow the count: wait for both (Alpha's folded in its deep dive).
    session.page.wait_for_function("document.querySelectorAll('#site_models mark').length === 2")
    marks = session.page.eval_on_selector_all(
        "#site_models mark",
        "marks => marks.map(m => m.closest('article').id + ':' + m.textContent)",
    )
    assert marks == ["alpha:curriculum", "gamma:curriculum"]
    assert session.page.text_content("#alpha .hits") == " (1 match)"
    # A match inside the deep dive's markup is marked there; the markup stays.
    type_query(session, "architecture", 3, 1)
    strong = "#alpha .prose strong"
    session.page.wait_for_selector(f"{strong} mark", state="attached")
    assert session.page.inner_html(strong) == "<mark>Architecture</mark>."
    assert session.page.text_content("#alpha .hits") == " (1 match)"
    session.page.locator("#site_clear").click()
    session.page.wait_for_function("!document.querySelector('#site_models mark')")
    assert session.page.inner_html(strong) == "Architecture."
    assert session.page.inner_html("#alpha .prose p.f >> nth=0") == (
        "<strong>Architecture.</strong> Alpha pairs a vision tower with a decoder."
    )
    session.assert_clean()


def test_a_connector_filter_and_the_release_sort(
    seed_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(seed_project)
    entries = project_entries(seed_project)
    session = open_page(page_file.as_uri())
    session.page.select_option("#site_connector", "gated-cross-attention")
    gated = [e for e in entries if e.connector == "gated-cross-attention"]
    expect_text = f"Showing {len(gated)} of 10 models"
    assert session.page.inner_text("#site_count") == expect_text
    assert sorted(session.shown()) == sorted(slugify(e.name) for e in gated)
    session.page.select_option("#site_sort", "released")
    assert session.shown() == [slugify(e.name) for e in newest_first(gated)]
    session.page.select_option("#site_connector", "")
    assert session.shown() == [slugify(e.name) for e in newest_first(entries)]
    session.assert_clean()


def test_url_state_round_trip(seed_project: Path, open_page: Callable[..., Session]) -> None:
    page_file = build(seed_project)
    first = open_page(page_file.as_uri())
    first.page.locator("input[type=search]").fill("vision language")
    first.page.select_option("#site_connector", "mlp")
    first.page.select_option("#site_year", "2023")
    first.page.select_option("#site_sort", "released")
    url = f"{page_file.as_uri()}?q=vision+language&connector=mlp&year=2023&sort=released"
    first.wait_for_url(url)
    view = (first.shown(), first.page.inner_text("#site_count"))
    assert 0 < len(view[0]) < 10
    second = open_page(url)
    assert (second.shown(), second.page.inner_text("#site_count")) == view
    controls = ["#site_q", "#site_connector", "#site_year", "#site_sort"]
    values = [second.page.input_value(c) for c in controls]
    assert values == ["vision language", "mlp", "2023", "released"]
    assert second.page.locator("#site_models mark").count() > 0
    junk = open_page(
        f"{page_file.as_uri()}?connector=nonsense&sort=sideways&category=Architectures"
    )
    assert len(junk.shown()) == 10
    junk.wait_for_url(page_file.as_uri())
    for session in (first, second, junk):
        session.assert_clean()


def test_a_permalink_opens_and_scrolls_to_its_card(
    seed_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(seed_project)
    session = open_page(f"{page_file.as_uri()}#qwen-vl", viewport={"width": 800, "height": 600})
    page = session.page

    shown_open = """slug => {
      const card = document.getElementById(slug);
      const top = card.getBoundingClientRect().top;
      return card.querySelector('details').open && top >= 0 && top < innerHeight;
    }"""

    def in_view(slug: str) -> bool:
        return bool(page.evaluate(shown_open, slug))

    assert page.evaluate("scrollY") > 0 and in_view("qwen-vl")
    assert page.evaluate("document.activeElement.id") == "qwen-vl"
    page.locator("#flamingo h2 a").click()
    page.wait_for_function("location.hash === '#flamingo'")
    # The page opens the card and scrolls on hashchange, which may come a frame after the hash.
    page.wait_for_function(shown_open, arg="flamingo", timeout=5000)
    assert in_view("flamingo")
    hidden = open_page(
        f"{page_file.as_uri()}?connector=linear#qwen-vl", viewport={"width": 800, "height": 600}
    )
    assert len(hidden.shown()) == 10 and hidden.page.input_value("#site_connector") == ""
    hidden.wait_for_url(f"{page_file.as_uri()}#qwen-vl")
    for each in (session, hidden):
        each.assert_clean()


def test_keyboard_use_and_visible_focus(
    seed_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(seed_project)
    session = open_page(page_file.as_uri())
    page = session.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "search"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.type("perceiver")
    page.keyboard.press("Enter")  # no form submission, no reload
    assert page.inner_text("#site_count").startswith("Showing ")
    assert page.input_value("#site_q") == "perceiver"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "site_connector"
    summary = page.locator("#qwen-vl summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('#qwen-vl details').open") is True
    session.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(
    seed_project: Path, open_page: Callable[..., Session], scheme: str
) -> None:
    require(AXE.is_file(), "node_modules/axe-core is missing: run `make test` (npm ci)")
    page_file = build(seed_project)
    session = open_page(page_file.as_uri(), color_scheme=scheme)
    said = [e for e in project_entries(seed_project) if any("vision" in v for v in searched(e))]
    type_query(session, "vision", 10, len(said))
    session.page.locator("#llava summary").click()
    session.assert_clean()
    session.page.add_script_tag(path=str(AXE))
    # preload: false, or axe fetches the stylesheet itself, which file:// refuses.
    violations = session.page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations'], preload: false}))
            .violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"""
    )
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    session.assert_clean()


def test_without_javascript_every_model_is_listed(
    seed_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(seed_project)
    session = open_page(page_file.as_uri(), js=False)
    cards = session.page.locator(CARD)
    assert cards.count() == 10
    assert all(cards.nth(i).is_visible() for i in range(10))
    assert session.hidden() == []
    assert session.page.inner_text("#site_count") == "Showing 10 of 10 models"
    assert not session.page.locator("#site_controls").is_visible()
    assert "need JavaScript" in session.page.inner_text("main")
    session.assert_clean()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_markup_in_the_data_is_shown_as_text(
    rich_project: Path, open_page: Callable[..., Session], js: bool
) -> None:
    page_file = build(rich_project)
    session = open_page(page_file.as_uri(), js=js)
    page = session.page
    assert page.inner_text("#alpha .paper a") == RICH[1]["title"]
    assert page.locator("#site_models script, #site_models b").count() == 0
    if js:
        type_query(session, "<script> alert('x')", 4, 1)
        assert session.shown() == ["alpha"]
        marks = page.eval_on_selector_all("#alpha mark", "marks => marks.map(m => m.textContent)")
        assert marks == ["<script>", "alert('x')"]
        page.locator("#alpha summary").click()
        assert (
            page.inner_text("#alpha details dd >> nth=0")
            == "Alpha </td></tr> <b>bold</b> overview."
        )
        assert page.locator("#site_models script, #site_models b").count() == 0
        page.locator("#site_clear").click()
    page.locator("#zeta-vlm summary").click()
    page.wait_for_function("document.querySelector('#zeta-vlm img').complete")
    assert page.get_attribute("#zeta-vlm img", "alt") == "Zeta's encoder feeding a decoder"
    assert session.requests == ["https://example.org/zeta.png"]
    session.assert_clean()


# --- both layouts, as a reader meets them ---------------------------------------------------------

UPSTREAM = REPO / "tests" / "fixtures" / "upstream-74897b3-README.md"
# What a reader must never see: a character reference or Markdown's emphasis and link markup.
LITERAL_MARKUP = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|\*\*|\]\(")


def tiny_png(width: int, height: int) -> bytes:
    """A valid PNG of one colour, made here: the corpus holds no image files."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x40\x80\xc0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def give_figures_files(root: Path) -> int:
    """Write a small PNG for each local figure the entries name; return how many."""
    figures = local_figures(list(read_project(root, root).entries.values()))
    for figure in figures:
        (root / figure).parent.mkdir(parents=True, exist_ok=True)
        (root / figure).write_bytes(tiny_png(24, 16))
    return len(figures)


@dataclass(frozen=True)
class Built:
    """A list's page, built once for the module."""

    page: Path
    entries: list[Entry]
    figures: int  # local figures


def built(root: Path) -> Built:
    figures = give_figures_files(root)
    assert main(["site", "--root", str(root), "-j", "1"]) == 0
    project = read_project(root, root)
    assert [d for d in project.diagnostics if d.severity == "error"] == []
    return Built(root / "site" / "index.html", list(project.entries.values()), figures)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The upstream catalog (155 panels) imported into an empty folder, its page built."""
    root = tmp_path_factory.mktemp("catalog")
    (root / "entries").mkdir()
    shutil.copyfile(UPSTREAM, root / "README.md")
    assert main(["import", "--root", str(root), "-j", "1", str(root / "README.md")]) == 0
    return built(root)


@pytest.fixture(scope="module")
def table_list(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The frozen table list, one model given a local figure and one a remote figure."""
    root = tmp_path_factory.mktemp("table")
    shutil.copytree(LIST, root, dirs_exist_ok=True)
    add_figure(root, "llava", **LOCAL_FIGURE)
    add_figure(root, "flamingo", file="https://example.org/flamingo.png", alt="Flamingo")
    return built(root)


READER_CHECKS = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const images = Array.from(document.images);
  images.forEach(img => { img.loading = 'eager'; });
  return images.length;
}"""


@pytest.mark.parametrize(
    ("layout", "models", "local", "images", "word", "year"),
    [("table", 10, 1, 2, "perceiver", "2023"), ("panel", 155, 130, 130, "resampler", "2025")],
)
def test_a_reader_sees_every_figure_and_only_text(
    request: pytest.FixtureRequest,
    open_page: Callable[..., Session],
    layout: str,
    models: int,
    local: int,
    images: int,
    word: str,
    year: str,
) -> None:
    made: Built = request.getfixturevalue("table_list" if layout == "table" else "catalog")
    assert (len(made.entries), made.figures) == (models, local)
    session = open_page(made.page.as_uri(), viewport={"width": 1200, "height": 900})
    page = session.page
    assert page.evaluate(READER_CHECKS) == images
    page.wait_for_function("Array.from(document.images).every(img => img.complete)")
    broken = page.eval_on_selector_all(
        "img", "imgs => imgs.filter(i => !(i.naturalWidth > 0)).map(i => i.getAttribute('src'))"
    )
    assert broken == []
    shown = page.evaluate(
        """() => [document.title, document.querySelector('header').innerText,
                  document.querySelector('main').textContent,
                  ...Array.from(document.images, img => img.alt)].join('\\n')"""
    )
    assert LITERAL_MARKUP.findall(shown) == []
    expected = sorted(
        slugify(e.name) for e in made.entries if any(word in v.lower() for v in searched(e))
    )
    assert 0 < len(expected) < models
    type_query(session, word, models, len(expected))
    assert sorted(session.shown()) == expected
    page.locator("#site_clear").click()
    in_year = sorted(slugify(e.name) for e in made.entries if (e.released or "").startswith(year))
    page.select_option("#site_year", year)
    assert page.inner_text("#site_count") == f"Showing {len(in_year)} of {models} models"
    assert sorted(session.shown()) == in_year
    session.assert_clean()
