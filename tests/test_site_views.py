# ruff: noqa: RUF001 (a matrix cell is labelled row, multiplication sign, column, as the page writes it)
"""The page's views of the facets: the compare view, the matrices, the lineage tree and sorting
by size; built from entries, then used in Chromium (as tests/test_site.py, whose browser
fixtures these tests share)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from awesome_tools.core.normalize import slugify
from awesome_tools.core.schema import Entry
from awesome_tools.core.templates import load_templates
from awesome_tools.outputs.facettext import facet_texts
from awesome_tools.outputs.lineagetree import LONGEST, label, lay_out, tree_svg
from awesome_tools.outputs.matrix import matrices
from awesome_tools.outputs.site import build_site, largest_first
from conftest import FIXTURES
from sitebrowser import Session
from test_peers import require
from test_site import AXE, build, project_entries

FACETED = FIXTURES / "facets"


def entry(name: str, **facets: Any) -> Entry:
    return Entry.model_validate(
        {"name": name, "title": name, "url": f"https://example.org/{len(name)}", **facets}
    )


@pytest.fixture
def facets_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture list with facets (test data), as the cwd."""
    shutil.copytree(FACETED, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


# --- the lineage tree ----------------------------------------------------------------------------

# Entries by name and what they are based on; the layers of the tree, each in its order.
TREES = [
    ({"A": [], "B": []}, []),
    ({"A": [], "B": ["A"]}, [["A"], ["B"]]),
    ({"A": [], "B": ["A"], "C": ["B"], "D": ["A", "C"]}, [["A"], ["B"], ["C"], ["D"]]),
    # A model in two layers' reach goes below its deepest parent.
    ({"A": [], "B": ["A"], "C": ["A"], "D": ["B", "C"]}, [["A"], ["B", "C"], ["D"]]),
    # Names compare as `check` compares them; an unknown name and the model itself are no edge.
    ({"A": [], "B": ["a", "Nowhere", "B"]}, [["A"], ["B"]]),
    # Crossings are undone: Z's child goes beside Z, X's beside X.
    ({"X": [], "Z": [], "P": ["Z"], "Q": ["X"]}, [["X", "Z"], ["Q", "P"]]),
    (
        {"F": [], "L": [], "I": ["F"], "O": ["F"], "L5": ["L"], "L6": ["L5"]},
        [["F", "L"], ["I", "O", "L5"], ["L6"]],
    ),
    # A cycle (which `check` refuses) does not hang the page: its models go last.
    ({"A": [], "B": ["A", "C"], "C": ["B"]}, [["A"], ["B", "C"]]),
]


@pytest.mark.parametrize(("based_on", "layers"), TREES)
def test_the_tree_is_layered_by_depth_with_few_crossings(
    based_on: dict[str, list[str]], layers: list[list[str]]
) -> None:
    entries = [entry(name, **({"based_on": on} if on else {})) for name, on in based_on.items()]
    tree = lay_out(entries)
    found: list[list[str]] = [[] for _ in layers]
    for node in tree.nodes:
        found[node.layer].append(node.name)
    assert found == layers
    assert [node.layer for node in tree.nodes] == sorted(node.layer for node in tree.nodes)


def test_the_tree_is_svg_of_links_to_the_cards_with_names_as_text() -> None:
    hostile = 'Evil <script>alert("x")</script> & a name far too long to show'
    entries = [entry("Base"), entry(hostile, based_on=["Base"])]
    svg = tree_svg(entries)
    assert svg.startswith('<svg class="tree" role="group" aria-label="Lineage tree: ')
    slug = "evil-script-alert-x-script-a-name-far-too-long-to-show"
    assert slug == slugify(hostile)
    assert re.findall(r'<a href="(#[^"]*)" data-node="([^"]*)">', svg) == [
        ("#base", "base"),
        (f"#{slug}", slug),
    ]
    assert "<script>" not in svg
    assert '<title>Evil &lt;script&gt;alert("x")&lt;/script&gt; &amp; a name far' in svg
    shown = label(hostile)
    assert len(shown) == LONGEST and shown.endswith("…")
    assert "<text x=" in svg and '>Evil &lt;script&gt;alert("x")&lt;/sc…</text>' in svg
    assert svg.count("<path d=") == 1


def test_no_lineage_no_tree() -> None:
    assert tree_svg([entry("A"), entry("B", based_on_outside=["Vicuna-13B"])]) == ""


# --- the matrices and the facets as text ---------------------------------------------------------


def test_a_model_of_several_families_is_in_each_of_its_cells() -> None:
    entries = [
        entry("L", vision_family="clip-vit", language_family=["vicuna", "mistral"]),
        entry("K", vision_family="clip-vit", language_family="vicuna", released="2023-04"),
        entry(
            "F",
            vision_family="nfnet",
            language_family="chinchilla",
            released="2022-04",
            connector=["perceiver-resampler", "gated-cross-attention"],
        ),
        entry("N", connector="mlp"),
    ]
    families, by_year = matrices(entries)
    assert (families.rows, families.columns) == (
        ["clip-vit", "nfnet"],
        ["vicuna", "mistral", "chinchilla"],
    )
    cells = [[cell and cell.names for cell in row] for row in families.cells]
    assert cells == [[["K", "L"], ["L"], None], [None, None, ["F"]]]
    assert (families.counted, families.total) == (3, 4)
    assert (by_year.rows, by_year.columns) == (
        ["perceiver-resampler", "gated-cross-attention"],
        ["2022"],
    )
    assert [[cell and cell.slugs for cell in row] for row in by_year.cells] == [[["f"]], [["f"]]]
    assert matrices([entry("N", connector="mlp")]) == []


SIZES = [
    (
        {"A": ["7B", "13B"], "B": ["80B"], "C": None, "D": ["27B (4.5B active)"]},
        ["B", "D", "A", "C"],
    ),
    ({"b": ["400M"], "a": ["0.4B"], "c": ["1.2T"]}, ["c", "a", "b"]),
    ({"B": None, "A": None}, ["A", "B"]),
]


@pytest.mark.parametrize(("sizes", "order"), SIZES)
def test_largest_first_by_the_largest_released_size(
    sizes: dict[str, list[str] | None], order: list[str]
) -> None:
    entries = [entry(name, **({"params": p} if p else {})) for name, p in sizes.items()]
    assert [e.name for e in largest_first(entries)] == order


FACET_TEXTS = [
    (
        {},
        {
            "vision_family": "",
            "language_family": "",
            "params": "",
            "modalities": "",
            "license": "",
            "open_weights": "",
            "based_on": "",
        },
    ),
    (
        {
            "vision_family": ["siglip", "clip-vit"],
            "language_family": "qwen",
            "params": ["7B"],
            "modalities": {"input": ["image", "video"], "output": "text"},
            "license": "MIT",
            "open_weights": "false",
            "based_on": ["A"],
            "based_on_outside": ["Qwen-7B"],
        },
        {
            "vision_family": "siglip, clip-vit",
            "language_family": "qwen",
            "params": "7B",
            "modalities": "image, video → text",
            "license": "MIT",
            "open_weights": "no",
            "based_on": "A, Qwen-7B",
        },
    ),
]


@pytest.mark.parametrize(("facets", "texts"), FACET_TEXTS)
def test_the_facets_as_a_card_shows_them(facets: dict[str, Any], texts: dict[str, str]) -> None:
    assert facet_texts(entry("M", **facets)) == texts


def test_the_page_holds_the_views_only_where_the_entries_fill_them(tmp_path: Path) -> None:
    templates = load_templates(tmp_path)
    bare = build_site([entry("A"), entry("B")], [], templates=templates)["index.html"]
    assert 'id="site_matrix"' not in bare and 'id="site_tree"' not in bare
    assert 'value="size"' not in bare and "Encoder family" not in bare
    assert '<button type="button" class="pick" aria-pressed="false">Compare' in bare
    entries = project_entries(FACETED)
    page = build_site(entries, [], templates=templates)["index.html"]
    assert page.count('class="matrix"') == 2 and page.count('<svg class="tree"') == 1
    assert '<option value="size">Size (largest first)</option>' in page
    assert '<div><dt>Sizes</dt><dd class="f">12B, 84B, 562B</dd></div>' in page
    sizes = dict(re.findall(r'data-slug="([^"]*)"[^>]*data-size="([0-9]+)"', page))
    assert sorted(sizes, key=lambda slug: int(sizes[slug]))[:3] == ["palm-e", "flamingo", "idefics"]


# --- in the browser ------------------------------------------------------------------------------


def compared(session: Session) -> list[str]:
    return list(
        session.page.eval_on_selector_all("#site_compare thead a", "a => a.map(x => x.hash)")
    )


def test_compare_keeps_its_models_in_the_address_and_reload_restores_them(
    facets_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(facets_project)
    session = open_page(page_file.as_uri(), viewport={"width": 1100, "height": 900})
    page = session.page
    assert page.is_hidden("#site_compare")
    page.locator("#flamingo .pick").focus()
    page.keyboard.press("Enter")
    assert page.get_attribute("#flamingo .pick", "aria-pressed") == "true"
    assert page.text_content("#site_compare_note") == "Pick another model to compare (up to 4)."
    for slug in ("llava-1-6", "pali", "qwen-vl"):
        page.click(f"#{slug} .pick")
    session.wait_for_url(f"{page_file.as_uri()}#compare=flamingo,llava-1-6,pali,qwen-vl")
    page.click("#llava .pick")
    assert page.text_content("#site_compare_note") == "At most 4 models: remove one to add another."
    assert page.get_attribute("#llava .pick", "aria-pressed") == "false"
    page.reload()
    page.wait_for_function("performance.getEntriesByName('site:ready').length > 0")
    assert compared(session) == ["#flamingo", "#llava-1-6", "#pali", "#qwen-vl"]
    assert page.get_attribute("#pali .pick", "aria-pressed") == "true"
    rows = page.eval_on_selector_all(
        "#site_compare tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )
    by_label = {row[0]: row[1:] for row in rows}
    assert by_label["Connector"] == [
        "perceiver-resampler + gated-cross-attention",
        "mlp",
        "encoder-decoder",
        "perceiver-resampler",
    ]
    assert by_label["Sizes"] == ["3B, 9B, 80B", "7B, 13B, 34B", "3B, 15B, 17B", "9.6B"]
    assert by_label["Based on"] == ["not recorded", "LLaVA 1.5", "not recorded", "not recorded"]
    assert by_label["Open weights"] == ["no", "yes", "no", "yes"]
    assert {
        "Released",
        "Encoder family",
        "Language-model family",
        "Modalities",
        "Licence",
        "Architecture",
        "Training",
        "Datasets",
    } <= set(by_label)
    page.click("#site_compare button.unpick >> nth=1")
    session.wait_for_url(f"{page_file.as_uri()}#compare=flamingo,pali,qwen-vl")
    page.click("#site_compare_clear")
    session.wait_for_url(page_file.as_uri())
    assert page.is_hidden("#site_compare")
    session.assert_clean()


def test_a_hostile_compare_address_names_only_models_of_the_page(
    facets_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(facets_project)
    hostile = "#compare=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,pali,%E0%A4%A,constructor,llava"
    session = open_page(page_file.as_uri() + hostile)
    assert compared(session) == ["#pali", "#llava"]
    assert session.page.query_selector("#site_compare img") is None
    session.assert_clean()


def test_a_matrix_cell_filters_the_cards_and_back(
    facets_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(facets_project)
    session = open_page(page_file.as_uri(), viewport={"width": 1100, "height": 900})
    page = session.page
    page.click("#site_matrix summary")
    assert page.is_visible("#site_matrix_families") and page.is_hidden("#site_matrix_connectors")
    cell = "#site_matrix_families button.cell[data-label='clip-vit × vicuna']"
    assert page.text_content(f"{cell} + .names") == "LLaVA, LLaVA 1.5, LLaVA 1.6"
    page.click(cell)
    page.wait_for_function(
        "document.getElementById('site_count').textContent === 'Showing 3 of 10 models'"
    )
    assert session.shown() == ["llava", "llava-1-5", "llava-1-6"]
    assert (
        page.text_content("#site_cell_text") == "Showing the models of one cell: clip-vit × vicuna."
    )
    # Several language families: LLaVA 1.6 is in the mistral cell as well.
    page.click("#site_matrix_families button.cell[data-label='clip-vit × mistral']")
    page.wait_for_function(
        "document.getElementById('site_count').textContent === 'Showing 1 of 10 models'"
    )
    assert session.shown() == ["llava-1-6"]
    page.click("#site_matrix_families button.cell[data-label='clip-vit × mistral']")
    page.wait_for_function(
        "document.getElementById('site_count').textContent === 'Showing 10 of 10 models'"
    )
    assert page.is_hidden("#site_cell")
    page.check("input[name=site_matrix][value=connectors]")
    assert page.is_hidden("#site_matrix_families") and page.is_visible("#site_matrix_connectors")
    page.click("#site_matrix_connectors button.cell[data-label='gated-cross-attention × 2023']")
    page.wait_for_function(
        "document.getElementById('site_count').textContent === 'Showing 2 of 10 models'"
    )
    assert session.shown() == ["idefics", "openflamingo"]
    page.click("#site_cell_clear")
    page.wait_for_function(
        "document.getElementById('site_count').textContent === 'Showing 10 of 10 models'"
    )
    session.assert_clean()


def test_a_tree_node_is_a_focusable_link_to_its_card(
    facets_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(facets_project)
    session = open_page(page_file.as_uri(), viewport={"width": 1100, "height": 900})
    page = session.page
    page.locator("#site_tree summary").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-node')") == "flamingo"
    stroke = "getComputedStyle(document.activeElement.querySelector('rect')).strokeWidth"
    assert page.evaluate(stroke) == "3px"
    for _ in range(5):  # layer by layer: LLaVA, PALI, IDEFICS, OpenFlamingo, LLaVA 1.5
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-node')") == "llava-1-5"
    page.keyboard.press("Enter")
    session.wait_for_url(f"{page_file.as_uri()}#llava-1-5")
    page.wait_for_function("document.activeElement.id === 'llava-1-5'")
    # A node whose card a matrix cell hides shows every card again, as a permalink does.
    page.click("#site_matrix summary")
    page.click("#site_matrix_families button.cell[data-label='nfnet × chinchilla']")
    assert session.shown() == ["flamingo"]
    page.focus("#site_tree a[data-node='pali']")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'pali'")
    assert len(session.shown()) == 10 and page.is_hidden("#site_cell")
    assert page.query_selector("#site_matrix button.cell[aria-pressed=true]") is None
    session.assert_clean()


def test_sorting_by_size_and_date_and_back(
    facets_project: Path, open_page: Callable[..., Session]
) -> None:
    page_file = build(facets_project)
    session = open_page(page_file.as_uri())
    page = session.page
    by_name = session.shown()
    page.select_option("#site_sort", "size")
    session.wait_for_url(f"{page_file.as_uri()}?sort=size")
    assert session.shown() == [
        "palm-e",
        "flamingo",
        "idefics",
        "llava-1-6",
        "pali",
        "llava",
        "llava-1-5",
        "qwen-vl",
        "openflamingo",
        "frozen",
    ]
    page.select_option("#site_sort", "released")
    assert session.shown()[:3] == ["llava-1-6", "llava-1-5", "idefics"]
    page.select_option("#site_sort", "name")
    assert session.shown() == by_name
    session.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_views_have_no_serious_accessibility_violations(
    facets_project: Path, open_page: Callable[..., Session], scheme: str
) -> None:
    require(AXE.is_file(), "node_modules/axe-core is missing: run `make test` (npm ci)")
    page_file = build(facets_project)
    session = open_page(page_file.as_uri() + "#compare=flamingo,llava", color_scheme=scheme)
    page = session.page
    page.click("#site_matrix summary")
    page.click("#site_matrix_families button.cell >> nth=0")
    page.click("#site_tree summary")
    page.add_script_tag(path=str(AXE))
    # preload: false, or axe fetches the stylesheet itself, which file:// refuses.
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations'], preload: false}))
            .violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"""
    )
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []
    session.assert_clean()
