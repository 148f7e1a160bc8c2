"""What the checks of a list's own files and of entries side by side report (core/categories.py,
core/settings.py, core/entrycheck.py, core/templates.py)."""

from __future__ import annotations

from awesome_tools.rule import BASE_ENTRY, Example, Rule

_BESIDE = (("entries/llava.yaml", BASE_ENTRY),)


CATEGORIES_FILE = Rule(
    "categories-file",
    "entry",
    "categories.yaml is not a list of distinct section names.",
    "Write one `- Section name` line per section.",
    Example("categories: Encoders\n", 1, 1, "categories", "categories.yaml"),
    Example("- Encoders\n", kind="categories", path="categories.yaml"),
)

CATEGORY_NAME = Rule(
    "category-name",
    "entry",
    "A category name (in categories.yaml, or a section title `import` would add there) is "
    "not plain text: it becomes a `##` heading and a Contents link, where Markdown or HTML "
    "markup would turn into a link, an image or a tag.",
    "Use letters, digits, spaces, `& - , . : ' / +` and non-ASCII symbols such as emoji "
    "only; no other ASCII punctuation, control or invisible characters.",
    Example("- 'Evil](https://evil.example/phish) [x'\n", 1, 3, "categories", "categories.yaml"),
    Example("- Decoders & Friends\n", kind="categories", path="categories.yaml"),
)

SETTINGS = Rule(
    "settings",
    "entry",
    "awesome.yaml (the list's settings: title, layout, categories, panel_heading_level, "
    "figure_markers, render_budget, arxiv_cache, authors, url, readme_views) is not a mapping "
    "of these keys, names an unknown layout, kind of figure markers or README view, a panel "
    "heading level other than 2 or 3, a render budget that is not `seconds` and `output_mb` "
    "above 0, authors that are not a list of names, a url that is not http(s), or lists "
    "categories while "
    "categories.yaml does too.",
    "Use the keys and values the message names (`table` or another packaged layout; "
    "`position` or `slug` figure markers); keep the categories in one file: move them "
    "under `categories:` and delete categories.yaml.",
    Example("layout: tabel\n", 1, 9, kind="list", path="awesome.yaml"),
    Example(
        "title: Awesome VLM Architectures\nlayout: table\ncategories:\n- Encoders\n",
        kind="list",
        path="awesome.yaml",
    ),
)

FILE_NAME = Rule(
    "file-name",
    "entry",
    "The file name is not the slug of the model's name (entry files end in `.yaml`, lower "
    "case: `x.YAML` or `x.yml` is reported, not skipped); a slug that is a device name "
    "Windows reserves (`con`, `nul`, `aux`, `prn`, `com1`, `lpt1`, ...) ends in `-model`, "
    "so that Windows can check the file out.",
    "Rename the file to the name given in the message (`LLaVA 1.5` → `llava-1-5.yaml`, "
    "`CON` → `con-model.yaml`).",
    Example("name: LLaVA 1.5", 1, 7, path="entries/LLaVA_15.yaml"),
    Example("name: LLaVA 1.5", path="entries/llava-1-5.yaml"),
)

NAME_TOO_LONG = Rule(
    "name-too-long",
    "entry",
    "The model's name is longer than 100 characters, or gives a file name that is: the file "
    "and the temporary file written beside it must fit every file system "
    "(`check`, `new` and `import` share the limit).",
    "Shorten the name; put the long form in `title`.",
    Example(
        "name: " + "A" * 240,
        1,
        7,
        path="entries/a.yaml",
        shown="name: AAAAAAAAAAAAAAAAAAAAAAAA…   # 240 characters",
    ),
    Example("name: LLaVA-NeXT", path="entries/llava-next.yaml"),
)

DUPLICATE_ENTRY = Rule(
    "duplicate-entry",
    "entry",
    "Two entries share a name, a file name, or a paper. Names are compared in NFKC with "
    "case folded (a full-width `\uff2c\uff2c\uff41\uff36\uff21` is `LLaVA`) and by what "
    "they read as where one goes beyond ASCII (their UTS #39 skeleton: `LL\u0430VA` with "
    "a Cyrillic \u0430 is `LLaVA`). Links are compared as keys: the host as a browser "
    "reads it (percent-decoded, mapped by UTS #46: full-width letters, the full stops "
    "U+3002, U+FF0E and U+FF61, case; in ASCII, `xn--` for another script); an arXiv link"
    " (arxiv.org, export.arxiv.org, ar5iv; abs, pdf or html; any version) is its paper "
    "id; any other link is compared with http read as https, the host without a final dot"
    " or `www.`, no default port, no fragment, and its path without dot segments, "
    "repeated slashes or a final slash (the query counts).",
    "The message names the other file: keep one of the two (edit the existing entry "
    "rather than adding a second).",
    Example(
        "name: LLaVA 2\nurl: https://arxiv.org/pdf/2304.08485v2",
        2,
        6,
        path="entries/llava-2.yaml",
        others=_BESIDE,
    ),
    Example(
        "name: LLaVA 2\nurl: https://arxiv.org/abs/2310.03744",
        path="entries/llava-2.yaml",
        others=_BESIDE,
    ),
)

TEMPLATE = Rule(
    "template",
    "readme",
    "The README or page template does not compile, fails while rendering (any error, "
    "running out of memory, a macro that calls itself without end), goes over its render "
    "budget (time, or text written: by default 60 s plus 2 ms and 64 MiB plus 16 KiB per "
    "entry, set by `render_budget` in awesome.yaml), or tries something the sandbox "
    "refuses: Python internals (`__class__`, `__globals__`, any `_name`) or changing the "
    "values it is given (`render`, `lint`, `site`); or the page's `site.js` holds "
    "`</script` or `<!--`, which would break the element it is embedded in.",
    "Fix the template at the line given (templates/README.md.j2 or the packaged one); "
    "use only the values and filters the template is given; a list that needs a longer "
    "render sets `render_budget: {seconds: 120, output_mb: 200}` in awesome.yaml.",
    Example(
        "# Models\n{% for section in sections %}\n## {{ section.nmae }}\n{% endfor %}\n",
        3,
        1,
        kind="template",
        path="templates/README.md.j2",
    ),
    Example(
        "# Models\n{% for section in sections %}\n## {{ section.name }}\n{% endfor %}\n",
        kind="template",
        path="templates/README.md.j2",
    ),
)

RULES = (
    CATEGORIES_FILE,
    CATEGORY_NAME,
    SETTINGS,
    FILE_NAME,
    NAME_TOO_LONG,
    DUPLICATE_ENTRY,
    TEMPLATE,
)
