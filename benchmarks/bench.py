"""Time `awesome-tools check` against a YAML-parsing floor and check-jsonschema, side by side.

Generates a synthetic project of N entries in a temp dir (deterministic, seeded), verifies it
passes `awesome-tools check`, then runs every measurement as a whole subprocess, interleaved
round by round, and reports the best and median wall-clock time of each with the targets:

    check           <= 2.0 x floor (best / best, same number of entries)
    one-file check  <= 0.150 s     (best; the real repository, as pre-commit runs it)

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
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the venv's bin/: run this with the venv's python
SCHEMA = Path("schema") / "entry.schema.json"
MODELINE = "# yaml-language-server: $schema=../schema/entry.schema.json\n"

# Targets: a case name maps to ("ratio", limit vs floor) or ("seconds", limit), judged on best.
TARGETS: dict[str, tuple[str, float]] = {
    "check": ("ratio", 2.0),
    "one-file check": ("seconds", 0.150),
}

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
    times: list[float] = field(default_factory=list)

    def run_once(self) -> float:
        """Run every command; return the summed wall-clock seconds. Abort on a failure."""
        total = 0.0
        for command in self.commands:
            start = time.perf_counter()
            done = subprocess.run(command, cwd=self.cwd, capture_output=True, text=True)
            total += time.perf_counter() - start
            if done.returncode != 0:
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


def project_cases(root: Path, files: list[str], args: argparse.Namespace) -> list[Case]:
    """The measurements run on one synthetic project. Add later ones (render, lint) here."""
    size = len(files)
    jsonschema = [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA)]
    groups = chunked(files, arg_budget() - sum(len(a) + 9 for a in jsonschema))
    note = f"{len(groups)} chunks, summed" if len(groups) > 1 else ""
    floor = [sys.executable, "-c", FLOOR_CODE, str(root)]
    check = [str(BIN / "awesome-tools"), "check", "--root", str(root)]
    by_chunk = [jsonschema + group for group in groups]
    return [
        Case("floor", size, [floor], root, args.repeat),
        Case("check", size, [check], root, args.repeat),
        Case("check-jsonschema", size, by_chunk, root, args.jsonschema_repeat, note),
    ]


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
    floors = {case.size: min(case.times) for case in cases if case.name == "floor"}
    rows: list[dict[str, object]] = []
    for case in cases:
        best = min(case.times)
        floor = floors.get(case.size)
        ratio = best / floor if floor else None
        target, status = "", ""
        if case.name in TARGETS:
            kind, limit = TARGETS[case.name]
            value = ratio if kind == "ratio" else best
            target = f"<= {limit:.1f}x floor" if kind == "ratio" else f"<= {limit:.3f} s"
            status = "PASS" if value is not None and value <= limit else "MISS"
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


def print_table(rows: list[dict[str, object]]) -> None:
    """Print the results as a plain-text table."""
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
    lines = [header]
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
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )


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
    parser.add_argument("--entries", type=int, default=10_000, help="entries (default: 10000)")
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        help="comma-separated entry counts, e.g. 1000,10000 (overrides --entries)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case (default: 5)")
    parser.add_argument(
        "--jsonschema-repeat", type=int, default=1, help="timed check-jsonschema runs (default: 1)"
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
    for tool in ("awesome-tools", "check-jsonschema"):
        if not (BIN / tool).is_file():
            raise SystemExit(f"bench: no {BIN / tool}; run with the venv's python (make bench)")
    sizes = args.sizes or [args.entries]
    scratch = Path(tempfile.mkdtemp(prefix="awesome-bench-"))
    try:
        cases = repo_cases(args)
        for size in sizes:
            root = scratch / f"n{size}"
            print(f"generating {size} entries in {root}", file=sys.stderr)
            files = generate_project(root, size, args.seed)
            check = [str(BIN / "awesome-tools"), "check", "--root", str(root)]
            done = subprocess.run(check, capture_output=True, text=True)
            if done.returncode != 0:
                sys.stderr.write(done.stdout[-5000:] + done.stderr[-5000:])
                raise SystemExit(f"bench: generated project fails `awesome-tools check`: {root}")
            cases += project_cases(root, files, args)
        print("timing (one warm-up run per case, then interleaved rounds)", file=sys.stderr)
        run_interleaved(cases)
    finally:
        if args.keep:
            print(f"kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    rows = results(cases)
    info = machine()
    packages = ", ".join(f"{k} {v}" for k, v in package_versions().items())
    print(f"\n{info['cpus']} x {info['cpu']}, {info['memory']}, Python {info['python']}")
    print(f"{packages}\n")
    print_table(rows)
    if args.json:
        report = {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "machine": info,
            "options": {
                "sizes": sizes,
                "repeat": args.repeat,
                "jsonschema_repeat": args.jsonschema_repeat,
                "seed": args.seed,
            },
            "results": rows,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}", file=sys.stderr)
    misses = [f"{row['name']} ({row['entries']})" for row in rows if row["status"] == "MISS"]
    if misses:
        print(f"\ntargets missed: {', '.join(misses)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
