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
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from awesome_tools.cli import main
from awesome_tools.normalize import slugify
from awesome_tools.ordering import DEFAULT_SECTION, newest_first
from awesome_tools.project import read_project
from awesome_tools.schema import Entry
from awesome_tools.site import build_site
from awesome_tools.templates import load_templates
from conftest import REPO, RICH
from test_peers import require

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# Debian's Chromium here; elsewhere (GitHub's runners ship Google Chrome) point this at the
# browser to use.
CHROMIUM = Path(os.environ.get("AWESOME_TOOLS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"
PACKAGE = REPO / "src" / "awesome_tools"
# A 1x1 PNG, served for every figure: the tests never reach the network.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201a5f1ca6e0000000049454e44ae426082"
)
CARD = "[data-slug]"


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
        entry.figure_alt,
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
    assert '<div><dt>Authors</dt><dd class="f">Ann Author et al., Lab </dd></div>' in alpha
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


# --- in the browser ----------------------------------------------------------------------------


@dataclass
class Session:
    """One page in a fresh browser context, with what went wrong on it."""

    page: Page
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.errors == [], "console errors or uncaught exceptions"
        assert self.dialogs == [], "a dialog opened: page data ran as code"

    def wait_for_url(self, url: str) -> None:
        """Wait until the address is url exactly (the page updates it when typing pauses)."""
        self.page.wait_for_url(lambda current: current == url)

    def shown(self) -> list[str]:
        """The slugs of the cards not hidden, in page order."""
        return list(
            self.page.eval_on_selector_all(
                CARD, "cards => cards.filter(c => !c.hidden).map(c => c.dataset.slug)"
            )
        )

    def hidden(self) -> list[str]:
        return list(
            self.page.eval_on_selector_all(
                CARD,
                "cards => cards.filter(c => c.hasAttribute('hidden')).map(c => c.dataset.slug)",
            )
        )


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the module."""
    require(
        CHROMIUM.is_file(),
        f"Chromium is not installed at {CHROMIUM}: the browser tests need it; "
        "install it with `apt-get install chromium`",
    )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "playwright is not installed: run `make setup` (the dev extra has it)")
        raise
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., Session]]:
    """Open a file in a new context (JavaScript on or off); wait until the script is ready."""
    contexts = []

    def opener(url: str, *, js: bool = True, **options: Any) -> Session:
        context = browser.new_context(java_script_enabled=js, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        session = Session(page)
        page.on("console", lambda m: session.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: session.errors.append(str(error)))
        page.on("dialog", lambda d: (session.dialogs.append(d.message), d.dismiss()))

        def outside(route: Any) -> None:
            session.requests.append(route.request.url)
            route.fulfill(status=200, content_type="image/png", body=PNG)

        context.route(re.compile(r"^https?://"), outside)
        page.goto(url)
        if js:
            page.wait_for_function("performance.getEntriesByName('site:ready').length > 0")
        return session

    yield opener
    for context in contexts:
        context.close()


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
    junk = open_page(f"{page_file.as_uri()}?connector=nonsense&sort=sideways")
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
