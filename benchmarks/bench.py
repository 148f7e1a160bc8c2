"""Time `awesome-tools` check, render and lint against a YAML-parsing floor, side by side.

Generates synthetic projects of N entries in a temp dir for each README layout (by default
10,000 and 100,000 entries, table and panel layouts): the table layout's entries are generated
(seeded), the panel layout's are the upstream catalog's 155 (tests/fixtures, imported once with
`awesome-tools import`) copied with unique names, file names and papers, with stand-in figure
files. Each project must pass `awesome-tools check` and gets its README rendered once; then
every measurement runs as a whole subprocess, interleaved round by round, and the best and
median wall-clock time and the peak memory (GNU time's maximum resident set size) are reported:

    check            <= 1.0 x floor at 10,000 entries (best / best, same layout and size)
    render           <= 1.5 x floor at 10,000 entries (README deleted before each run)
    lint             <= 3.0 x floor at 10,000 entries (README current)
    lint one edited  <= 3.5 x floor at 10,000 entries: one block hand-edited; the one drift
                     error must name that entry's file
    lint drifted     <= 4.0 x lint (table layout, up to 10,000): every block hand-edited
    one-file check   <= 0.150 s (best; the real repository, as pre-commit runs it)
    pre-commit one entry  <= 1.5 s: `pre-commit run --files` on one staged entry in a clone
                     of the repository with every hook; each hook's seconds are shown
    growth           check, render, lint, lint one edited: best at the largest size / best at
                     the smallest, at most 1.2 x the growth in entries (12 x, 10,000 -> 100,000)

Run with the project's venv: `make bench` or `.venv/bin/python benchmarks/bench.py --help`.
Only the standard library and PyYAML are used here, so the tool under test is never imported.
"""

from __future__ import annotations

import argparse
import html
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
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the venv's bin/: run this with the venv's python
SCHEMA = Path("schema") / "entry.schema.json"
GNU_TIME = shutil.which("time", path="/usr/bin:/bin")  # for each command's peak memory
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
    "check": Target("ratio", 1.0, entries=10_000),
    "render": Target("ratio", 1.5, entries=10_000),
    "lint": Target("ratio", 3.0, entries=10_000),
    "lint one edited": Target("ratio", 3.5, entries=10_000),
    "lint drifted": Target("ratio", 4.0, base="lint"),
    "one-file check": Target("seconds", 0.150),
    "pre-commit one entry": Target("seconds", 1.5),
}
# Cases whose growth from the smallest to the largest size is judged: best time at the largest
# size / best at the smallest may be at most GROWTH_SLACK x the growth in entries (linear).
GROWTH_CASES = ("check", "render", "lint", "lint one edited")
GROWTH_SLACK = 1.2
LAYOUTS = ("table", "panel")
# Sizes above this run --large-repeat times: 100,000 entries take minutes per round.
LARGE = 10_000

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
    """Lower-case ASCII, accents folded, each run of other characters one hyphen."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


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


UPSTREAM = REPO / "tests" / "fixtures" / "upstream-74897b3-README.md"
ARXIV_ID = re.compile(r"(?<![\d.])(\d{4})\.\d{4,5}(?:v\d+)?(?![\d])")
FIGURE = re.compile(r"^figure:\n  file: (assets/\S+\.png)$", re.M)


@dataclass(frozen=True)
class PanelSeed:
    """The upstream catalog imported once: its settings, templates and entry texts to copy."""

    root: Path
    texts: list[str]  # each entry's YAML with `@@K@@` (copy number) and `@@ID@@` placeholders
    slugs: list[str]  # each entry's file-name slug before the copy number


def import_upstream(scratch: Path) -> PanelSeed:
    """Import the upstream catalog's 155 entries once with `awesome-tools import`."""
    root = scratch / "upstream"
    (root / "entries").mkdir(parents=True)
    done = subprocess.run(
        [str(BIN / "awesome-tools"), "import", str(UPSTREAM)],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit("bench: `awesome-tools import` of the upstream catalog failed")
    texts, slugs = [], []
    for path in sorted((root / "entries").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        slugs.append(slugify(str(data["name"])))
        texts.append(MODELINE + panel_template(data))
    return PanelSeed(root, texts, slugs)


def panel_template(data: dict[str, object]) -> str:
    """One upstream entry with a copy-numbered name and title and placeholder arXiv ids."""
    data["name"] = f"{data['name']} R@@K@@"
    data["title"] = f"{data['title']} (R@@K@@)"
    url = str(data["url"])
    if ARXIV_ID.search(url) is None:  # a blog or a repository: one page per copy
        data["url"] = url + ("&" if "?" in url else "?") + "r=@@K@@"
    body = yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100)
    return ARXIV_ID.sub(r"\1.@@ID@@", body)


def generate_panel_project(root: Path, count: int, seed: PanelSeed) -> list[str]:
    """Write `count` panel entries, copies of the upstream ones with unique names and papers."""
    if count > 100_000:
        raise SystemExit(
            f"bench: at most 100,000 panel entries (five-digit arXiv ids), got {count}"
        )
    (root / "entries").mkdir(parents=True)
    shutil.copyfile(seed.root / "awesome.yaml", root / "awesome.yaml")
    shutil.copytree(seed.root / "templates", root / "templates")
    (root / SCHEMA).parent.mkdir()
    shutil.copyfile(REPO / SCHEMA, root / SCHEMA)
    files: list[str] = []
    for index in range(count):
        copy, which = divmod(index, len(seed.texts))
        text = seed.texts[which].replace("@@K@@", str(copy)).replace("@@ID@@", f"{index:05d}")
        relative = f"entries/{seed.slugs[which]}-r{copy}.yaml"
        (root / relative).write_text(text, encoding="utf-8")
        files.append(relative)
    for figure in sorted(set(FIGURE.findall("".join(seed.texts)))):
        # Stand-ins: the images belong to the upstream repository (as tests/layouts/panel/ does).
        (root / figure).parent.mkdir(parents=True, exist_ok=True)
        (root / figure).write_bytes(b"")
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
    layout: str = "repo"  # "table" or "panel" for a synthetic project
    times: list[float] = field(default_factory=list)
    peak_kib: int = 0  # the largest maximum resident set size of any of its processes
    outputs: list[str] = field(default_factory=list)  # the last run's output, per command

    def run_once(self) -> float:
        """Prepare, then run every command; return the summed wall-clock seconds of the commands.

        Abort on a failure.
        """
        if self.prepare is not None:
            self.prepare()
        total = 0.0
        self.outputs = []
        for command in self.commands:
            seconds, code, output, peak = run_measured(command, self.cwd)
            total += seconds
            self.peak_kib = max(self.peak_kib, peak)
            self.outputs.append(output)
            if code != self.exit_code:
                shown = " ".join(command[:6]) + (" ..." if len(command) > 6 else "")
                sys.stderr.write(output[-5000:])
                raise SystemExit(f"bench: {self.name} failed (exit {code}): {shown}")
        return total


def run_measured(
    command: list[str], cwd: Path, env: dict[str, str] | None = None
) -> tuple[float, int, str, int]:
    """Run a command; return its wall-clock seconds, exit code, output and peak memory (KiB).

    The peak is the command's maximum resident set size (with its waited-for children's, for a
    script such as pre-commit), as GNU time reports it. Not os.wait4 on our own child: Linux
    carries the high-water mark of the memory a process had before exec into its ru_maxrss,
    and a child started from this process (vfork) would report this process's peak.
    """
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as peak:
        timed = [str(GNU_TIME), "-o", peak.name, "-f", "%M", *command] if GNU_TIME else command
        start = time.perf_counter()
        child = subprocess.Popen(timed, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
        reported = peak.read().split()  # "Command exited with non-zero status 1" comes first
    kib = int(reported[-1]) if GNU_TIME and reported else usage.ru_maxrss
    return seconds, child.returncode, output, kib


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
EDIT = " (edited by hand)"


def edit_one_block(text: str, layout: str, entry: Path) -> str:
    """The README with one model block edited by hand: the block of the given entry file."""
    data = yaml.load(entry.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    if layout == "table":
        start = text.index(f'<details id="{entry.stem}">')
        end = text.index(DRIFT_OLD, start)
        return text[:end] + EDIT + text[end:]
    # The panel's heading is its title (Markdown-escaped, `<` and `&` as references); its
    # summary paragraph follows a blank line.
    heading = next(
        (
            found
            for found in re.finditer(r"^### \*\*(.*)\*\*\n\n", text, re.M)
            if html.unescape(re.sub(r"\\(.)", r"\1", found[1])) == str(data["title"])
        ),
        None,
    )
    if heading is None:
        raise SystemExit(f"bench: no panel heading for {entry.name}")
    end = text.index("\n", heading.end())
    return text[:end] + EDIT + text[end:]


def check_lint(root: Path, readme: Path, blocks: int, entry: str | None) -> None:
    """Put readme in place, lint: exactly `blocks` drift errors, naming `entry` if given."""
    current = (root / "README.md").read_bytes()
    shutil.copyfile(readme, root / "README.md")
    done = subprocess.run(tool_command("lint", root), capture_output=True, text=True)
    (root / "README.md").write_bytes(current)
    found = [line for line in done.stdout.splitlines() if "error[drift]" in line]
    named = entry is None or (len(found) == 1 and entry in found[0])
    if done.returncode != 1 or len(found) != blocks or not named:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit(
            f"bench: lint of {readme.name} reports {len(found)} drift errors, not {blocks}"
            + (f" naming {entry}" if entry else "")
        )


def put_readme(source: Path, root: Path) -> Callable[[], None]:
    """A prepare step: copy source to the project's README.md."""

    def prepare() -> None:
        shutil.copyfile(source, root / "README.md")

    return prepare


def project_cases(
    root: Path, layout: str, files: list[str], args: argparse.Namespace, jsonschema: bool
) -> list[Case]:
    """The measurements run on one synthetic project, whose README.md is rendered and current.

    `render` writes only when the content changes, so its README is deleted before every run
    (untimed): every timed run renders and writes the whole file. The lint cases put their
    README in place before each run (untimed): the current one, one with the block of the
    middle entry edited by hand, and (table layout, up to 10,000 entries) one with every block
    edited. Each edited README is linted once first: the drift errors must be exactly the edits,
    the single one naming the edited entry's file.
    """
    size = len(files)
    repeat = args.repeat if size <= LARGE else args.large_repeat
    floor = [sys.executable, "-c", FLOOR_CODE, str(root)]
    check, render, lint = (tool_command(name, root) for name in ("check", "render", "lint"))
    delete_readme = (root / "README.md").unlink
    text = (root / "README.md").read_text(encoding="utf-8")
    current, one = root / "README.current.md", root / "README.one.md"
    current.write_text(text, encoding="utf-8")
    middle = files[size // 2]
    one.write_text(edit_one_block(text, layout, root / middle), encoding="utf-8")
    check_lint(root, one, 1, middle)

    def case(name: str, command: list[str], **options: object) -> Case:
        return Case(name, size, [command], root, repeat, layout=layout, **options)  # type: ignore[arg-type]

    cases = [
        case("floor", floor),
        case("check", check),
        case("render", render, prepare=delete_readme),
        case("lint", lint, prepare=put_readme(current, root)),
        case(
            "lint one edited",
            lint,
            note=f"drift names {middle}",
            prepare=put_readme(one, root),
            exit_code=1,
        ),
    ]
    if layout == "table" and size <= LARGE and not args.skip_drifted:
        if text.count(DRIFT_OLD) != size:
            raise SystemExit(f"bench: the README of {root} does not have {size} model blocks")
        drifted = root / "README.drifted.md"
        drifted.write_text(text.replace(DRIFT_OLD, DRIFT_NEW), encoding="utf-8")
        check_lint(root, drifted, size, None)
        cases.append(
            case(
                "lint drifted",
                lint,
                note="every block drifted",
                prepare=put_readme(drifted, root),
                exit_code=1,
            )
        )
    if jsonschema:
        command = [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA)]
        groups = chunked(files, arg_budget() - sum(len(a) + 9 for a in command))
        note = f"{len(groups)} chunks, summed" if len(groups) > 1 else ""
        by_chunk = [command + group for group in groups]
        cases.append(
            Case(
                "check-jsonschema",
                size,
                by_chunk,
                root,
                args.jsonschema_repeat,
                note,
                layout=layout,
            )
        )
    return cases


HOOK_LINE = re.compile(
    r"^(?P<name>\S.*?)\.{3,}(?:\(no files to check\))?(?P<result>Passed|Failed|Skipped)$"
)
DURATION = re.compile(r"^- duration: (?P<seconds>[\d.]+)s$")
ONE_ENTRY = "entries/llava.yaml"


def hook_clone(scratch: Path) -> Path:
    """The repository's tracked files in a fresh git repository, `.venv` (and `node_modules`)
    linked, as tests/test_hooks.py's template_clone: nothing is installed."""
    clone = scratch / "clone"
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    for name in filter(None, listed.split("\0")):
        if (REPO / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, clone / name)  # keep mtimes: older than the venv's stamp
    for name in (".venv", "node_modules"):
        if (REPO / name).is_dir():
            (clone / name).symlink_to(REPO / name, target_is_directory=True)
    env = git_env(scratch)
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run(["git", *command], cwd=clone, env=env, check=True, capture_output=True)
    with (clone / ".git" / "info" / "exclude").open("a", encoding="utf-8") as exclude:
        exclude.write("/.venv\n/node_modules\n")
    return clone


def git_env(scratch: Path) -> dict[str, str]:
    """An environment for git and pre-commit that reads no user configuration or cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        HOME=str(scratch),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="bench",
        GIT_AUTHOR_EMAIL="bench@example.invalid",
        GIT_COMMITTER_NAME="bench",
        GIT_COMMITTER_EMAIL="bench@example.invalid",
        PRE_COMMIT_HOME=str(scratch / "pre-commit-home"),
    )
    return env


@dataclass
class HookCase(Case):
    """`pre-commit run --files` on one staged entry, with the seconds of each hook."""

    env: dict[str, str] = field(default_factory=dict)
    hooks: list[dict[str, float]] = field(default_factory=list)  # per run: hook -> seconds

    def run_once(self) -> float:
        """Stage a touched entry, run the hooks verbosely; keep each hook's duration."""
        if self.prepare is not None:
            self.prepare()
        seconds, code, output, peak = run_measured(self.commands[0], self.cwd, self.env)
        self.peak_kib = max(self.peak_kib, peak)
        if code != self.exit_code:
            sys.stderr.write(output[-5000:])
            raise SystemExit(f"bench: {self.name} failed (exit {code})")
        durations: dict[str, float] = {}
        hook = ""
        for line in output.splitlines():
            if (found := HOOK_LINE.match(line)) is not None:
                hook = found["name"].strip()
                durations[hook] = 0.0
            elif (took := DURATION.match(line)) is not None and hook:
                durations[hook] = float(took["seconds"])
        self.hooks.append(durations)
        return seconds


def repo_cases(args: argparse.Namespace, scratch: Path) -> list[Case]:
    """The measurements run on the real repository (pre-commit's on a clone of it)."""
    one_file = [str(BIN / "awesome-tools"), "check", ONE_ENTRY]
    cases: list[Case] = [Case("one-file check", None, [one_file], REPO, args.repeat)]
    if args.skip_hooks:
        return cases
    clone = hook_clone(scratch)
    env = git_env(scratch)
    original = (clone / ONE_ENTRY).read_text(encoding="utf-8")

    def touch_entry() -> None:
        # A comment changes the file, not the README: every hook passes.
        (clone / ONE_ENTRY).write_text(original + "# touched\n", encoding="utf-8")
        subprocess.run(["git", "add", ONE_ENTRY], cwd=clone, env=env, check=True)

    command = [str(BIN / "pre-commit"), "run", "--verbose", "--files", ONE_ENTRY]
    cases.append(
        HookCase(
            "pre-commit one entry",
            None,
            [command],
            clone,
            args.repeat,
            note=f"pre-commit run --files {ONE_ENTRY}",
            prepare=touch_entry,
            env=env,
        )
    )
    return cases


def run_interleaved(cases: list[Case]) -> None:
    """One untimed warm-up run of each case, then timed runs round by round, side by side."""
    for case in cases:
        if case.size is None or case.size <= LARGE:  # a large size's runs are too slow to waste
            case.run_once()
    for round_number in range(max(case.repeat for case in cases)):
        for case in cases:
            if round_number < case.repeat:
                case.times.append(case.run_once())
        print(f"  round {round_number + 1} done", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Results


def results(cases: list[Case]) -> list[dict[str, object]]:
    """Best, median, ratio to the floor of the same layout and size, peak memory, verdict."""
    bests = {(case.layout, case.name, case.size): min(case.times) for case in cases}
    floors = {(case.layout, case.size): min(case.times) for case in cases if case.name == "floor"}
    rows: list[dict[str, object]] = []
    for case in cases:
        best = min(case.times)
        floor = floors.get((case.layout, case.size))
        ratio = best / floor if floor else None
        target, status = "", ""
        goal = TARGETS.get(case.name)
        if goal is not None and goal.entries in (None, case.size):
            base = bests.get((case.layout, goal.base, case.size))
            value = (best / base if base else None) if goal.kind == "ratio" else best
            target = goal.describe()
            status = "PASS" if value is not None and value <= goal.limit else "MISS"
        row: dict[str, object] = {
            "layout": case.layout,
            "name": case.name,
            "entries": case.size if case.size is not None else "repo",
            "runs": len(case.times),
            "best_s": round(best, 4),
            "median_s": round(statistics.median(case.times), 4),
            "ratio_to_floor": round(ratio, 2) if ratio is not None else None,
            "peak_mib": round(case.peak_kib / 1024, 1),
            "target": target,
            "status": status,
            "note": case.note,
            "times_s": [round(t, 4) for t in case.times],
        }
        if isinstance(case, HookCase) and case.hooks:
            timed = case.hooks[len(case.hooks) - len(case.times) :]  # after the warm-up
            row["hooks_s"] = timed[case.times.index(best)]
        rows.append(row)
    return rows


def growth(cases: list[Case]) -> list[dict[str, object]]:
    """For each case measured at several sizes: best at the largest / best at the smallest.

    The cases in GROWTH_CASES get a verdict: at most GROWTH_SLACK x the growth in entries.
    """
    best: dict[tuple[str, str], dict[int, float]] = {}
    for case in cases:
        if case.size is not None:
            best.setdefault((case.layout, case.name), {})[case.size] = min(case.times)
    found: list[dict[str, object]] = []
    for (layout, name), by_size in best.items():
        if len(by_size) < 2:
            continue
        small, large = min(by_size), max(by_size)
        ratio = by_size[large] / by_size[small]
        limit = GROWTH_SLACK * large / small
        judged = name in GROWTH_CASES
        found.append(
            {
                "layout": layout,
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
    """Print the timings as a plain-text table, then where the hook run's time went."""
    header = (
        "layout",
        "case",
        "entries",
        "runs",
        "best s",
        "median s",
        "x floor",
        "peak MiB",
        "target",
        "verdict",
        "note",
    )
    lines: list[tuple[str, ...]] = []
    for row in rows:
        ratio = row["ratio_to_floor"]
        lines.append(
            (
                str(row["layout"]),
                str(row["name"]),
                str(row["entries"]),
                str(row["runs"]),
                f"{row['best_s']:.3f}",
                f"{row['median_s']:.3f}",
                f"{ratio:.2f}" if ratio is not None else "-",
                f"{row['peak_mib']:.0f}",
                str(row["target"]),
                str(row["status"]),
                str(row["note"]),
            )
        )
    print_table(header, lines)
    for row in rows:
        hooks = row.get("hooks_s")
        if isinstance(hooks, dict):
            print(f"\n{row['name']}, best run ({row['best_s']:.3f} s), by hook (pre-commit's own):")
            hook_lines = [(name, f"{seconds:.2f}") for name, seconds in hooks.items()]
            overhead = float(str(row["best_s"])) - sum(hooks.values())
            hook_lines.append(
                ("pre-commit itself (start-up, file classes, git)", f"{overhead:.2f}")
            )
            print_table(("hook", "seconds"), hook_lines)


def print_growth(rows: list[dict[str, object]]) -> None:
    """Print the growth from the smallest to the largest size as a plain-text table."""
    header = ("layout", "case", "entries", "growth", "target", "verdict")
    lines: list[tuple[str, ...]] = [
        (
            str(row["layout"]),
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


def parse_layouts(text: str) -> list[str]:
    """Parse `table,panel` into known layouts, in the given order."""
    layouts = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [layout for layout in layouts if layout not in LAYOUTS]
    if not layouts or unknown:
        raise argparse.ArgumentTypeError(f"layouts are {', '.join(LAYOUTS)}: not {text}")
    return list(dict.fromkeys(layouts))


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument(
        "--sizes",
        type=parse_sizes,
        default=[10_000, 100_000],
        help="comma-separated entry counts (default: 10000,100000)",
    )
    sizes.add_argument(
        "--entries", type=int, metavar="N", help="one project of N entries (same as --sizes N)"
    )
    parser.add_argument(
        "--layouts",
        type=parse_layouts,
        default=list(LAYOUTS),
        help="comma-separated README layouts to measure (default: table,panel)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case (default: 5)")
    parser.add_argument(
        "--large-repeat",
        type=int,
        default=1,
        help=f"timed runs per case above {LARGE:,} entries (default: 1)",
    )
    parser.add_argument(
        "--jsonschema-repeat", type=int, default=1, help="timed check-jsonschema runs (default: 1)"
    )
    parser.add_argument(
        "--skip-jsonschema", action="store_true", help="do not run check-jsonschema (quick runs)"
    )
    parser.add_argument(
        "--skip-drifted", action="store_true", help="do not lint a README with every block edited"
    )
    parser.add_argument(
        "--skip-hooks", action="store_true", help="do not time pre-commit on a clone"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write results as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    return parser


def prepare_project(
    scratch: Path, layout: str, size: int, args: argparse.Namespace, seed: PanelSeed | None
) -> tuple[Path, list[str]]:
    """Generate a project, check it passes and render its README once (current for lint)."""
    root = scratch / f"{layout}-{size}"
    print(f"generating {size} {layout} entries in {root}", file=sys.stderr)
    if seed is None:
        files = generate_project(root, size, args.seed)
    else:
        files = generate_panel_project(root, size, seed)
    for command in ("check", "render"):
        done = subprocess.run(tool_command(command, root), capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stdout[-5000:] + done.stderr[-5000:])
            raise SystemExit(f"bench: `awesome-tools {command}` fails on {root}")
    return root, files


def main() -> int:
    """Generate, verify, time, report."""
    args = build_parser().parse_args()
    if min(args.repeat, args.large_repeat, args.jsonschema_repeat) < 1:
        raise SystemExit("bench: --repeat, --large-repeat and --jsonschema-repeat must be >= 1")
    needed = ["awesome-tools"] + ([] if args.skip_jsonschema else ["check-jsonschema"])
    needed += [] if args.skip_hooks else ["pre-commit"]
    for tool in needed:
        if not (BIN / tool).is_file():
            raise SystemExit(f"bench: no {BIN / tool}; run with the venv's python (make bench)")
    sizes = sorted(set(args.sizes if args.entries is None else [args.entries]))
    if sizes[0] < 1:
        raise SystemExit("bench: --entries must be at least 1")
    scratch = Path(tempfile.mkdtemp(prefix="awesome-bench-"))
    try:
        cases = repo_cases(args, scratch)
        seed = import_upstream(scratch) if "panel" in args.layouts else None
        # The peer at the largest size up to 10,000: at 100,000 it takes many minutes.
        peer = max((s for s in sizes if s <= LARGE), default=None)
        # Sizes up to 10,000 are timed together, then each larger one on its own: its few runs
        # need no interleaving, and its projects (gigabytes) exist only while it is timed.
        groups = [[s for s in sizes if s <= LARGE]] + [[s] for s in sizes if s > LARGE]
        for group in filter(None, groups):
            timed: list[Case] = [] if cases and cases[0].times else cases
            for layout in args.layouts:
                for size in group:
                    root, files = prepare_project(
                        scratch, layout, size, args, seed if layout == "panel" else None
                    )
                    # The repository's schema is its own layout's (table): a panel entry
                    # holds none of the sections it requires.
                    jsonschema = size == peer and layout == "table" and not args.skip_jsonschema
                    timed += project_cases(root, layout, files, args, jsonschema)
            print("timing (one warm-up run per case, then interleaved rounds)", file=sys.stderr)
            run_interleaved(timed)
            if timed is not cases:
                cases += timed
            if group[0] > LARGE and not args.keep:
                for layout in args.layouts:
                    shutil.rmtree(scratch / f"{layout}-{group[0]}", ignore_errors=True)
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
                "layouts": args.layouts,
                "repeat": args.repeat,
                "large_repeat": args.large_repeat,
                "jsonschema_repeat": args.jsonschema_repeat,
                "skip_jsonschema": args.skip_jsonschema,
                "seed": args.seed,
            },
            "results": rows,
            "growth": growth_rows,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}", file=sys.stderr)
    misses = [
        f"{row['layout']} {row['name']} ({row['entries']})"
        for row in rows
        if row["status"] == "MISS"
    ]
    misses += [
        f"{row['layout']} {row['name']} (growth)" for row in growth_rows if row["status"] == "MISS"
    ]
    if misses:
        print(f"\ntargets missed: {', '.join(misses)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
