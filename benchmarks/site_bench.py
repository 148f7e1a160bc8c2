"""Time the web page of `awesome-tools site` in Chromium on a synthetic list of 10,000 entries.

Generates the entries with bench.py's generator (same seed, same files), builds the page with
`awesome-tools site`, opens it from file:// in headless Chromium (Playwright) and reports:

    page size       bytes of index.html, site.css and site.js
    first render    navigation start -> the page's `site:ready` mark (the whole HTML parsed,
                    DOMContentLoaded, site.js has read every card and shown the controls)
                    <= 3 s (median of the loads); first contentful paint shown beside it
    keystroke       the input event's timeStamp -> the end of the next rendered frame
                    (requestAnimationFrame, then a task), by which the count text and every
                    card's hidden attribute are updated and painted
                    <= 100 ms (median of 20 keystrokes)

With --facets, every entry also gets the facets of issue 20 (families, connectors, sizes,
licence, a release date; a third of them a lineage), so that the page has its matrices and a
lineage tree of thousands of nodes.

Run with the project's venv: `.venv/bin/python benchmarks/site_bench.py --help`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from bench import BIN, REPO, generate_project, machine

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIRST_RENDER_LIMIT_MS = 3000.0
KEYSTROKE_LIMIT_MS = 100.0
# 20 keystrokes: typing narrows the results (each search runs over the last one's matches),
# the backspaces widen them again (a search over every card).
KEYS = [*"cross attention", *["Backspace"] * 5]

# Installed before the first keystroke. The page's own listener is on the form, so this one,
# on window, runs after it: the results are written by then; the frame after shows them.
PROBE = """() => {
  window.__keystrokes = [];
  window.addEventListener("input", (event) => {
    const start = event.timeStamp;
    const handled = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      const painted = performance.now();
      const cards = document.querySelectorAll("#site_models > .card");
      let hidden = 0;
      for (const card of cards) if (card.hidden) hidden++;
      window.__keystrokes.push({
        script_ms: handled - start,
        frame_ms: painted - start,
        count: document.getElementById("site_count").textContent,
        hidden: hidden,
      });
    }));
  });
}"""

LOAD_METRICS = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    ready_ms: performance.getEntriesByName("site:ready")[0].startTime,
    indexed_ms: performance.getEntriesByName("site:indexed")[0].startTime,
    fcp_ms: paint ? paint.startTime : null,
    dom_interactive_ms: nav.domInteractive,
    dom_content_loaded_ms: nav.domContentLoadedEventEnd,
  };
}"""


def chromium_version() -> str:
    """The version line Chromium prints."""
    done = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True)
    return done.stdout.strip()


def add_facets(root: Path, files: list[str], seed: int) -> None:
    """Give each generated entry the facets of issue 20, drawn from the vocabularies (read as
    data, the tool not imported): a release date within three months of its arXiv id, one or
    two connectors, families, sizes, a licence and, for a third of them, an earlier model it is
    based on; so that the page has its matrices and a lineage tree of thousands of models."""
    data = REPO / "src" / "awesome_tools" / "data"
    families = yaml.safe_load((data / "families.yaml").read_text(encoding="utf-8"))
    connectors = list(yaml.safe_load((data / "connectors.yaml").read_text(encoding="utf-8")))
    rng = random.Random(seed)
    names: list[str] = []
    for relative in files:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        entry = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        month = int(entry["url"][-10:-6]) % 100 - 1 + rng.randint(0, 3)
        facets = {
            "released": f"20{23 + month // 12}-{month % 12 + 1:02d}",
            "connector": rng.sample(connectors, rng.choice([1, 1, 2])),
            "vision_family": rng.choice(list(families["vision"])),
            "language_family": rng.sample(list(families["language"]), rng.choice([1, 1, 2])),
            "params": [f"{size}B" for size in sorted(rng.sample(range(1, 200), 2))],
            "license": rng.choice(["Apache-2.0", "MIT", "proprietary", "research-only"]),
            "open_weights": rng.choice(["true", "false"]),
        }
        if names and rng.random() < 1 / 3:
            facets["based_on"] = [rng.choice(names)]
        names.append(entry["name"])
        body = yaml.dump(facets, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True)
        path.write_text(text + body, encoding="utf-8")


def build(root: Path) -> tuple[Path, float, dict[str, int]]:
    """Build the page with `awesome-tools site`; return its folder, the time and file sizes."""
    out = root / "site"
    start = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "awesome-tools"), "site", "--root", str(root), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit("site_bench: `awesome-tools site` failed")
    sizes = {path.name: path.stat().st_size for path in sorted(out.iterdir())}
    return out, took, sizes


def one_load(browser: Browser, url: str, pause_ms: int) -> tuple[dict[str, Any], list[Any]]:
    """Load the page in a fresh context, then type the keystrokes; return both measurements."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_function(
        "performance.getEntriesByName('site:indexed').length > 0", timeout=120_000
    )
    load = page.evaluate(LOAD_METRICS)
    page.evaluate(PROBE)
    page.locator("input[type=search]").focus()
    for number, key in enumerate(KEYS, 1):
        page.keyboard.press(key)
        page.wait_for_function(f"window.__keystrokes.length >= {number}")
        page.wait_for_timeout(pause_ms)
    rows = page.evaluate("window.__keystrokes")
    context.close()
    if errors:
        raise SystemExit(f"site_bench: the page failed: {errors}")
    return load, [{"key": key, **row} for key, row in zip(KEYS, rows, strict=True)]


def measure(url: str, loads: int, pause_ms: int) -> tuple[list[Any], list[Any]]:
    """Load the page `loads` times in one browser; type the keystrokes on each load."""
    from playwright.sync_api import sync_playwright

    load_rows: list[Any] = []
    key_rows: list[Any] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        for _ in range(loads):
            load, keys = one_load(browser, url, pause_ms)
            load_rows.append(load)
            key_rows += keys
        browser.close()
    return load_rows, key_rows


def verdict(value: float, limit: float) -> str:
    return "PASS" if value <= limit else "MISS"


def main() -> int:
    """Generate, build, measure, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000, help="entries (default: 10000)")
    parser.add_argument("--loads", type=int, default=3, help="page loads (default: 3)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument(
        "--pause", type=int, default=150, help="ms between keystrokes (default: 150)"
    )
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write results as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the generated project")
    parser.add_argument(
        "--facets", action="store_true", help="give every entry facets and a third a lineage"
    )
    args = parser.parse_args()
    if not CHROMIUM.is_file():
        raise SystemExit(f"site_bench: no {CHROMIUM}; install it with `apt-get install chromium`")
    scratch = Path(tempfile.mkdtemp(prefix="awesome-site-bench-"))
    try:
        root = scratch / f"n{args.entries}"
        print(f"generating {args.entries} entries in {root}", file=sys.stderr)
        files = generate_project(root, args.entries, args.seed)
        if args.facets:
            add_facets(root, files, args.seed)
        out, build_s, sizes = build(root)
        print(f"built {out} in {build_s:.2f} s; measuring", file=sys.stderr)
        loads, keys = measure((out / "index.html").as_uri(), args.loads, args.pause)
    finally:
        if args.keep:
            print(f"kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    info = machine()
    ready = statistics.median(row["ready_ms"] for row in loads)
    fcp = statistics.median(row["fcp_ms"] for row in loads if row["fcp_ms"] is not None)
    per_load = [keys[i : i + len(KEYS)] for i in range(0, len(keys), len(KEYS))]
    medians = [statistics.median(row["frame_ms"] for row in rows) for rows in per_load]
    keystroke = statistics.median(medians)
    script = statistics.median(row["script_ms"] for row in keys)
    each_load = ", ".join(f"{row['ready_ms']:.0f}" for row in loads)
    print(f"\n{info['cpus']} x {info['cpu']}, {info['memory']}, {chromium_version()}")
    print(f"entries {args.entries}, page {sum(sizes.values()):,} bytes {sizes}")
    print(f"built by `awesome-tools site` in {build_s:.2f} s")
    print(
        f"first render (site:ready), median of {len(loads)} loads: {ready:.0f} ms "
        f"[{each_load}] "
        f"(<= {FIRST_RENDER_LIMIT_MS:.0f} ms: {verdict(ready, FIRST_RENDER_LIMIT_MS)})"
    )
    indexed = statistics.median(row["indexed_ms"] for row in loads)
    print(f"first contentful paint, median: {fcp:.0f} ms; search index complete: {indexed:.0f} ms")
    print(
        f"keystroke -> results painted, median of {len(KEYS)} per load: "
        f"{', '.join(f'{m:.1f}' for m in medians)} ms; overall {keystroke:.1f} ms "
        f"(<= {KEYSTROKE_LIMIT_MS:.0f} ms: {verdict(keystroke, KEYSTROKE_LIMIT_MS)}); "
        f"max {max(row['frame_ms'] for row in keys):.1f} ms; in the script alone, median "
        f"{script:.1f} ms"
    )
    for row in per_load[-1]:
        print(f"  {row['key']!r:12} {row['frame_ms']:7.1f} ms  {row['count']}")
    if args.json:
        report = {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "machine": {**info, "chromium": chromium_version()},
            "entries": args.entries,
            "sizes": sizes,
            "build_s": round(build_s, 3),
            "loads": loads,
            "keystrokes": keys,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
