"""Every ```mermaid block of the Markdown files given, parsed by Mermaid's own parser.

Usage: .venv/bin/python tools/check-mermaid.py README.md [MORE.md ...]

Mermaid (node_modules/mermaid, pinned by package-lock.json: `make node`) needs a DOM to parse
(its label sanitiser, DOMPurify, has none under Node), so its bundle runs in Chromium
(AWESOME_TOOLS_CHROMIUM, else /usr/bin/chromium) through Playwright for Python, as the page's
tests do. Each block that does not parse is `path:line:column: error[mermaid] message`, at the
line Mermaid names (within the block); exit 1 if any, 2 where Mermaid or Chromium is missing,
else 0.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
CHROMIUM = Path(os.environ.get("AWESOME_TOOLS_CHROMIUM", "/usr/bin/chromium"))
# Parse each text; null where it parses, else Mermaid's message.
PARSE = """async (texts) => {
  mermaid.initialize({ startOnLoad: false });
  const found = [];
  for (const text of texts) {
    try { await mermaid.parse(text); found.push(null); }
    catch (error) { found.push(String((error && error.message) || error)); }
  }
  return found;
}"""
AT_LINE = re.compile(r"on line (\d+)")


def blocks(text: str) -> list[tuple[int, str]]:
    """Each ```mermaid fence: the line of its first content line (1-based), its content."""
    tokens = MarkdownIt("commonmark").parse(text)
    return [
        (token.map[0] + 2, token.content)
        for token in tokens
        if token.type == "fence" and token.info.strip() == "mermaid" and token.map
    ]


def parse_all(texts: list[str]) -> list[str | None]:
    """Mermaid's message for each text that does not parse, None for each that does."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.set_content("<!doctype html><html><body></body></html>")
            page.add_script_tag(path=str(BUNDLE))
            found: list[str | None] = page.evaluate(PARSE, texts)
            return found
        finally:
            browser.close()


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    for needed, how in ((BUNDLE, "run `make node`"), (CHROMIUM, "install chromium")):
        if not needed.is_file():
            print(f"check-mermaid: {needed} is missing: {how}", file=sys.stderr)
            return 2
    found = [(path, *block) for path in paths for block in blocks(Path(path).read_text("utf-8"))]
    messages = parse_all([text for _, _, text in found]) if found else []
    status = 0
    for (path, line, text), message in zip(found, messages, strict=True):
        if message is None:
            continue
        status = 1
        at = AT_LINE.search(message)
        # Mermaid may count a line past the block's end (a string left open): its last line.
        last = line + max(len(text.splitlines()), 1) - 1
        where = min(line + int(at.group(1)) - 1, last) if at else line
        lines = [part.strip() for part in message.splitlines() if part.strip()]
        said = " ".join(lines[:1] + lines[-1:] if len(lines) > 1 else lines)
        print(f"{path}:{where}:1: error[mermaid] {said}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
