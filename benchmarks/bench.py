"""Time `awesome-tools` check, render and lint against a YAML-parsing floor, side by side.

Generates synthetic projects of N entries in a temp dir (deterministic, seeded; by default
1,000 and 10,000), verifies each passes `awesome-tools check` and renders its README once, then
runs every measurement as a whole subprocess, interleaved round by round, and reports the best
and median wall-clock time of each, with check-jsonschema (largest size only) for comparison:

    check           <= 2.0 x floor at 10,000 entries (best / best, same number of entries)
    render          <= 1.5 x floor at 10,000 entries
    lint            <= 3.5 x floor at 10,000 entries
    lint drifted    <= 4.0 x lint at every size: the same README with every model block
                    hand-edited (a bulk edit or a template change), so every block drifts
    one-file check  <= 0.150 s (best; the real repository, as pre-commit runs it)
    growth          render and lint, best at the largest size / best at the smallest:
                    at most 1.2 x the growth in entries (12 x from 1,000 to 10,000)

Run with the project's venv: `make bench` or `.venv/bin/python benchmarks/bench.py --help`.
Only the standard library and PyYAML are used here, so the tool under test is never imported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the venv's bin/: run this with the venv's python
SCHEMA = Path("schema") / "entry.schema.json"
MODELINE = "# yaml-language-server: $schema=../schema/entry.schema.json\n"


@dataclass(frozen=True)
class Target:
    """A limit on a case's best time: a ratio to another case of the same size, or seconds."""

    kind: str  # "ratio" or "seconds"
    limit: float
    entries: int | None = None  # judged only at this size; None: at every size
    base: str = "floor"  # for a ratio: the case whose best time it is divided by

    def describe(self) -> str:
        """The limit as the table shows it."""
        if self.kind == "ratio":
            return f"<= {self.limit:.1f}x {self.base}"
        return f"<= {self.limit:.3f} s"


TARGETS: dict[str, Target] = {
    "check": Target("ratio", 2.0, entries=10_000),
    "render": Target("ratio", 1.5, entries=10_000),
    "lint": Target("ratio", 3.5, entries=10_000),
    "lint drifted": Target("ratio", 4.0, base="lint"),
    "one-file check": Target("seconds", 0.150),
}
# Cases whose growth from the smallest to the largest size is judged: best time at the largest
# size / best at the smallest may be at most GROWTH_SLACK x the growth in entries (linear).
GROWTH_CASES = ("render", "lint")
GROWTH_SLACK = 1.2

FLOOR_CODE = """\
import pathlib, sys, yaml
for path in sorted(pathlib.Path(sys.argv[1], "entries").glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""

# ---------------------------------------------------------------------------------------------
# Synthetic entries

WORD_TEXT = (
    "model vision language encoder decoder transformer token image text patch embedding query "
    "attention cross layer frozen tuned pretrained projection adapter resampler perceiver visual "
    "feature alignment contrastive caption instruction dataset benchmark stage objective loss "
    "multimodal representation learned linear gated fusion prompt context window resolution "
    "scale parameter training fine inference zero shot few grounding region box mask video frame"
)
DATASET_TEXT = (
    "COCO VQAv2 GQA OKVQA TextVQA LAION-400M CC3M CC12M SBU Visual-Genome ScienceQA DocVQA "
    "ChartQA RefCOCO Flickr30k NoCaps MMBench SEED-Bench WebLI ALIGN-1.8B"
)
SUFFIX_TEXT = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Omega"
WORDS, DATASETS, SUFFIXES = WORD_TEXT.split(), DATASET_TEXT.split(), SUFFIX_TEXT.split()


def slugify(name: str) -> str:
    """Lower-case ASCII, each run of other characters one hyphen (names here are ASCII)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def sentence_text(rng: random.Random, words: list[str]) -> str:
    """Word-like sentences, 200 to 600 characters in all."""
    target = rng.randint(200, 600)
    sentences: list[str] = []
    length = 0
    while length < target:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 16)))
        sentences.append(sentence.capitalize() + ".")
        length += len(sentences[-1]) + 1
    return " ".join(sentences)[:target].rsplit(" ", 1)[0].rstrip(".") + "."


def dataset_list(rng: random.Random) -> str:
    """A comma-separated list of dataset names, 200 to 600 characters."""
    target = rng.randint(200, 600)
    names: list[str] = []
    while len(", ".join(names)) < target:
        names.append(f"{rng.choice(DATASETS)}-{rng.randint(1, 999)}")
    return ", ".join(names)


def synthetic_entry(index: int, arxiv_key: int, rng: random.Random) -> dict[str, object]:
    """One entry with every table field, a unique name and a unique arXiv id."""
    name = f"Model {index:05d} {rng.choice(SUFFIXES)}"
    month, number = divmod(arxiv_key, 100_000)
    return {
        "name": name,
        "title": f"{name}: " + sentence_text(rng, WORDS)[: rng.randint(30, 90)].rstrip(" ."),
        "url": f"https://arxiv.org/abs/23{month + 1:02d}.{number:05d}",
        "architecture": {
            "overview": sentence_text(rng, WORDS),
            "components": sentence_text(rng, WORDS),
        },
        "training": {"methods": sentence_text(rng, WORDS)},
        "alignment": {
            "techniques": sentence_text(rng, WORDS),
            "fusion_methods": sentence_text(rng, WORDS),
        },
        "datasets": {"used": dataset_list(rng), "purpose": sentence_text(rng, WORDS)},
    }


def generate_project(root: Path, count: int, seed: int) -> list[str]:
    """Write `count` entries, an empty categories.yaml and the schema; return entry paths."""
    if count > 12 * 100_000:
        raise SystemExit(f"bench: at most 1,200,000 entries (unique arXiv ids), got {count}")
    rng = random.Random(seed)
    entries = root / "entries"
    entries.mkdir(parents=True)
    (root / "categories.yaml").write_text("# No sections: every entry in the default one.\n")
    (root / SCHEMA).parent.mkdir()
    shutil.copyfile(REPO / SCHEMA, root / SCHEMA)
    files: list[str] = []
    for index, key in enumerate(rng.sample(range(12 * 100_000), count)):
        data = synthetic_entry(index, key, rng)
        body = yaml.dump(
            data, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=100
        )
        relative = f"entries/{slugify(str(data['name']))}.yaml"
        (root / relative).write_text(MODELINE + body, encoding="utf-8")
        files.append(relative)
    return files


# ---------------------------------------------------------------------------------------------
# Cases and timing


@dataclass
class Case:
    """One measurement: commands run one after the other (times summed) as one timed run."""

    name: str
    size: int | None  # entries in the project; None for the real repository
    commands: list[list[str]]
    cwd: Path
    repeat: int
    note: str = ""
    prepare: Callable[[], None] | None = None  # run before every run, outside the timing
    exit_code: int = 0  # what every command must exit with
    times: list[float] = field(default_factory=list)

    def run_once(self) -> float:
        """Prepare, then run every command; return the summed wall-clock seconds of the commands.

        Abort on a failure.
        """
        if self.prepare is not None:
            self.prepare()
        total = 0.0
        for command in self.commands:
            start = time.perf_counter()
            done = subprocess.run(command, cwd=self.cwd, capture_output=True, text=True)
            total += time.perf_counter() - start
            if done.returncode != self.exit_code:
                shown = " ".join(command[:6]) + (" ..." if len(command) > 6 else "")
                sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
                raise SystemExit(f"bench: {self.name} failed (exit {done.returncode}): {shown}")
        return total


def chunked(args: list[str], budget: int) -> list[list[str]]:
    """Split arguments into groups whose command-line size stays under budget bytes."""
    groups: list[list[str]] = [[]]
    used = 0
    for arg in args:
        size = len(os.fsencode(arg)) + 1 + 8  # the string, its NUL, its argv pointer
        if groups[-1] and used + size > budget:
            groups.append([])
            used = 0
        groups[-1].append(arg)
        used += size
    return groups


def arg_budget() -> int:
    """Bytes of arguments one command may safely take (ARG_MAX less the environment, halved)."""
    try:
        arg_max = os.sysconf("SC_ARG_MAX")
    except (ValueError, OSError):
        arg_max = 128 * 1024
    environment = sum(len(k) + len(v) + 2 + 8 for k, v in os.environ.items())
    return max(32 * 1024, (arg_max - environment) // 2)


def tool_command(command: str, root: Path) -> list[str]:
    """An `awesome-tools` command on the project at root."""
    return [str(BIN / "awesome-tools"), command, "--root", str(root)]


# Every model block's last cell edited, as a bulk edit or a template change would.
DRIFT_OLD = "</td>\n</tr>\n</tbody>\n</table>\n</details>"
DRIFT_NEW = " (edited by hand)</td>\n</tr>\n</tbody>\n</table>\n</details>"


def drift_readme(root: Path, size: int) -> tuple[Path, Path]:
    """Keep the current README and one with every block drifted; check lint reports each block.

    Return the two copies, which the lint cases put in place before each of their runs.
    """
    current, drifted = root / "README.current.md", root / "README.drifted.md"
    text = (root / "README.md").read_text(encoding="utf-8")
    if text.count(DRIFT_OLD) != size:
        raise SystemExit(f"bench: the README of {root} does not have {size} model blocks")
    current.write_text(text, encoding="utf-8")
    drifted.write_text(text.replace(DRIFT_OLD, DRIFT_NEW), encoding="utf-8")
    shutil.copyfile(drifted, root / "README.md")
    done = subprocess.run(tool_command("lint", root), capture_output=True, text=True)
    shutil.copyfile(current, root / "README.md")
    found = done.stdout.count("error[drift] block ")
    if done.returncode != 1 or found != size:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit(f"bench: lint reports {found} drifted blocks of {size} on {root}")
    return current, drifted


def put_readme(source: Path, root: Path) -> Callable[[], None]:
    """A prepare step: copy source to the project's README.md."""

    def prepare() -> None:
        shutil.copyfile(source, root / "README.md")

    return prepare


def project_cases(
    root: Path, files: list[str], args: argparse.Namespace, jsonschema: bool
) -> list[Case]:
    """The measurements run on one synthetic project, whose README.md is rendered and current.

    `render` writes only when the content changes, so its README is deleted before every run
    (untimed): every timed run renders and writes the whole file. `lint` puts the current README
    in place and `lint drifted` the one with every block edited before each run (untimed).
    """
    size = len(files)
    floor = [sys.executable, "-c", FLOOR_CODE, str(root)]
    check, render, lint = (tool_command(name, root) for name in ("check", "render", "lint"))
    delete_readme = (root / "README.md").unlink
    current, drifted = drift_readme(root, size)
    cases = [
        Case("floor", size, [floor], root, args.repeat),
        Case("check", size, [check], root, args.repeat),
        Case("render", size, [render], root, args.repeat, prepare=delete_readme),
        Case("lint", size, [lint], root, args.repeat, prepare=put_readme(current, root)),
        Case(
            "lint drifted",
            size,
            [lint],
            root,
            args.repeat,
            note="every block drifted",
            prepare=put_readme(drifted, root),
            exit_code=1,
        ),
    ]
    if jsonschema:
        command = [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA)]
        groups = chunked(files, arg_budget() - sum(len(a) + 9 for a in command))
        note = f"{len(groups)} chunks, summed" if len(groups) > 1 else ""
        by_chunk = [command + group for group in groups]
        cases.append(Case("check-jsonschema", size, by_chunk, root, args.jsonschema_repeat, note))
    return cases


def repo_cases(args: argparse.Namespace) -> list[Case]:
    """The measurements run on the real repository."""
    one_file = [str(BIN / "awesome-tools"), "check", "entries/llava.yaml"]
    return [Case("one-file check", None, [one_file], REPO, args.repeat)]


def run_interleaved(cases: list[Case]) -> None:
    """One untimed warm-up run of each case, then timed runs round by round, side by side."""
    for case in cases:
        case.run_once()
    for round_number in range(max(case.repeat for case in cases)):
        for case in cases:
            if round_number < case.repeat:
                case.times.append(case.run_once())
        print(f"  round {round_number + 1} done", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Results


def results(cases: list[Case]) -> list[dict[str, object]]:
    """Best, median, ratio to the floor of the same size, and the target's verdict."""
    bests = {(case.name, case.size): min(case.times) for case in cases}
    floors = {case.size: min(case.times) for case in cases if case.name == "floor"}
    rows: list[dict[str, object]] = []
    for case in cases:
        best = min(case.times)
        floor = floors.get(case.size)
        ratio = best / floor if floor else None
        target, status = "", ""
        goal = TARGETS.get(case.name)
        if goal is not None and goal.entries in (None, case.size):
            base = bests.get((goal.base, case.size))
            value = (best / base if base else None) if goal.kind == "ratio" else best
            target = goal.describe()
            status = "PASS" if value is not None and value <= goal.limit else "MISS"
        rows.append(
            {
                "name": case.name,
                "entries": case.size if case.size is not None else "repo",
                "runs": len(case.times),
                "best_s": round(best, 4),
                "median_s": round(statistics.median(case.times), 4),
                "ratio_to_floor": round(ratio, 2) if ratio is not None else None,
                "target": target,
                "status": status,
                "note": case.note,
                "times_s": [round(t, 4) for t in case.times],
            }
        )
    return rows


def growth(cases: list[Case]) -> list[dict[str, object]]:
    """For each case measured at several sizes: best at the largest / best at the smallest.

    The cases in GROWTH_CASES get a verdict: at most GROWTH_SLACK x the growth in entries.
    """
    best: dict[str, dict[int, float]] = {}
    for case in cases:
        if case.size is not None:
            best.setdefault(case.name, {})[case.size] = min(case.times)
    found: list[dict[str, object]] = []
    for name, by_size in best.items():
        if len(by_size) < 2:
            continue
        small, large = min(by_size), max(by_size)
        ratio = by_size[large] / by_size[small]
        limit = GROWTH_SLACK * large / small
        judged = name in GROWTH_CASES
        found.append(
            {
                "name": name,
                "from_entries": small,
                "to_entries": large,
                "growth": round(ratio, 2),
                "target": f"<= {limit:.1f}x" if judged else "",
                "status": ("PASS" if ratio <= limit else "MISS") if judged else "",
            }
        )
    return found


def print_table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> None:
    """Print rows of cells as a plain-text table, columns left-aligned."""
    lines = [header, *body]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )


def print_results(rows: list[dict[str, object]]) -> None:
    """Print the timings as a plain-text table."""
    header = (
        "case",
        "entries",
        "runs",
        "best s",
        "median s",
        "x floor",
        "target",
        "verdict",
        "note",
    )
    lines: list[tuple[str, ...]] = []
    for row in rows:
        ratio = row["ratio_to_floor"]
        lines.append(
            (
                str(row["name"]),
                str(row["entries"]),
                str(row["runs"]),
                f"{row['best_s']:.3f}",
                f"{row['median_s']:.3f}",
                f"{ratio:.2f}" if ratio is not None else "-",
                str(row["target"]),
                str(row["status"]),
                str(row["note"]),
            )
        )
    print_table(header, lines)


def print_growth(rows: list[dict[str, object]]) -> None:
    """Print the growth from the smallest to the largest size as a plain-text table."""
    header = ("case", "entries", "growth", "target", "verdict")
    lines: list[tuple[str, ...]] = [
        (
            str(row["name"]),
            f"{row['from_entries']} -> {row['to_entries']}",
            f"{row['growth']:.2f}x",
            str(row["target"]),
            str(row["status"]),
        )
        for row in rows
    ]
    print_table(header, lines)


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    if Path("/proc/cpuinfo").is_file():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    if Path("/proc/meminfo").is_file():
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "packages": package_versions(),
    }


def package_versions() -> dict[str, str]:
    """Versions of the packages that matter to the figures."""
    versions = {}
    for package in ("pydantic", "pydantic-core", "PyYAML", "check-jsonschema"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


def parse_sizes(text: str) -> list[int]:
    """Parse `1000,10000` (underscores allowed) into positive sizes."""
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"sizes must be positive: {text}")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument(
        "--sizes",
        type=parse_sizes,
        default=[1_000, 10_000],
        help="comma-separated entry counts (default: 1000,10000)",
    )
    sizes.add_argument(
        "--entries", type=int, metavar="N", help="one project of N entries (same as --sizes N)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case (default: 5)")
    parser.add_argument(
        "--jsonschema-repeat", type=int, default=1, help="timed check-jsonschema runs (default: 1)"
    )
    parser.add_argument(
        "--skip-jsonschema", action="store_true", help="do not run check-jsonschema (quick runs)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write results as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    return parser


def main() -> int:
    """Generate, verify, time, report."""
    args = build_parser().parse_args()
    if args.repeat < 1 or args.jsonschema_repeat < 1:
        raise SystemExit("bench: --repeat and --jsonschema-repeat must be at least 1")
    needed = ["awesome-tools"] + ([] if args.skip_jsonschema else ["check-jsonschema"])
    for tool in needed:
        if not (BIN / tool).is_file():
            raise SystemExit(f"bench: no {BIN / tool}; run with the venv's python (make bench)")
    sizes = sorted(set(args.sizes if args.entries is None else [args.entries]))
    if sizes[0] < 1:
        raise SystemExit("bench: --entries must be at least 1")
    scratch = Path(tempfile.mkdtemp(prefix="awesome-bench-"))
    try:
        cases = repo_cases(args)
        for size in sizes:
            root = scratch / f"n{size}"
            print(f"generating {size} entries in {root}", file=sys.stderr)
            files = generate_project(root, size, args.seed)
            for command in ("check", "render"):  # valid, and its README current for `lint`
                done = subprocess.run(tool_command(command, root), capture_output=True, text=True)
                if done.returncode != 0:
                    sys.stderr.write(done.stdout[-5000:] + done.stderr[-5000:])
                    raise SystemExit(f"bench: `awesome-tools {command}` fails on {root}")
            jsonschema = size == sizes[-1] and not args.skip_jsonschema
            cases += project_cases(root, files, args, jsonschema)
        print("timing (one warm-up run per case, then interleaved rounds)", file=sys.stderr)
        run_interleaved(cases)
    finally:
        if args.keep:
            print(f"kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    rows = results(cases)
    growth_rows = growth(cases)
    info = machine()
    packages = ", ".join(f"{k} {v}" for k, v in package_versions().items())
    print(f"\n{info['cpus']} x {info['cpu']}, {info['memory']}, Python {info['python']}")
    print(f"{packages}\n")
    print_results(rows)
    if growth_rows:
        print()
        print_growth(growth_rows)
    if args.json:
        report = {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "machine": info,
            "options": {
                "sizes": sizes,
                "repeat": args.repeat,
                "jsonschema_repeat": args.jsonschema_repeat,
                "skip_jsonschema": args.skip_jsonschema,
                "seed": args.seed,
            },
            "results": rows,
            "growth": growth_rows,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}", file=sys.stderr)
    misses = [f"{row['name']} ({row['entries']})" for row in rows if row["status"] == "MISS"]
    misses += [f"{row['name']} (growth)" for row in growth_rows if row["status"] == "MISS"]
    if misses:
        print(f"\ntargets missed: {', '.join(misses)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
