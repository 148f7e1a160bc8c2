"""Run the fuzz targets of `fuzz/targets.py` with atheris, each for a given time.

    .venv/bin/python fuzz/run.py --seconds 600 check import lint roundtrip   # what `make fuzz` runs
    .venv/bin/python fuzz/run.py --seconds 600 --parallel 2   # every target, two at a time
    .venv/bin/python fuzz/run.py --one lint [libFuzzer options] [corpus dirs]  # one target, as is
    .venv/bin/python fuzz/run.py --replay lint FILE...   # what each saved input does now

Each target runs in its own process, in libFuzzer's fork mode so that a finding does not end
the run: the inputs that fail are saved as `.fuzz/crashes/TARGET-crash-<sha1>` (and timeouts,
out-of-memory inputs alike); new inputs go to `.fuzz/corpus/TARGET/` (both git-ignored), and
the committed seeds are read from `fuzz/corpus/TARGET/`. The output of each run is kept in
`.fuzz/logs/TARGET.log`. Exit 1 when any target saved a failing input, else 0.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = REPO / ".fuzz"
# The targets of targets.TARGETS (not imported here: atheris must instrument it first).
NAMES = (
    "check",
    "import",
    "lint",
    "roundtrip",
    "panel",
    "paths",
    "lint-diff",
    "panel-text",
)


def fuzz_one(name: str, argv: list[str]) -> None:
    """Fuzz one target in this process (libFuzzer parses argv); never returns."""
    import atheris

    sys.path.insert(0, str(HERE))
    # Instrument our code and the pure-Python parsers it hands text to, for coverage feedback.
    with atheris.instrument_imports(include=["awesome_tools", "markdown_it", "html", "targets"]):
        import targets

    target = targets.TARGETS[name]
    # libFuzzer's fork mode starts its jobs by running argv[0]: the executable launcher.
    atheris.Setup([str(launcher(name, sys.executable)), *argv], target)
    atheris.Fuzz()


def replay(name: str, paths: list[str]) -> int:
    """Run one target on saved inputs, without atheris; print what they raise, grouped.

    Exit 1 if any input still fails.
    """
    import traceback

    sys.path.insert(0, str(HERE))
    import targets

    groups: dict[str, list[str]] = {}
    for path in paths:
        try:
            targets.TARGETS[name](Path(path).read_bytes())
        except Exception as exc:
            frames = traceback.extract_tb(exc.__traceback__)
            ours = [f for f in frames if "awesome_tools" in f.filename] or frames
            where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}"
            first = (str(exc).splitlines() or [""])[0][:160]
            groups.setdefault(f"{type(exc).__name__}: {first} (in {where})", []).append(path)
        else:
            groups.setdefault("passes now", []).append(path)
    for finding, found in sorted(groups.items(), key=lambda item: -len(item[1])):
        print(f"  {len(found)} x {finding}, e.g. {found[0]}")
    return 1 if set(groups) - {"passes now"} else 0


def launcher(name: str, python: str) -> Path:
    """An executable that runs one target with this Python, for libFuzzer to start jobs with."""
    path = WORK / "bin" / name
    text = f'#!/bin/sh\nexec "{python}" "{Path(__file__).resolve()}" --one {name} "$@"\n'
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)
    return path


def run_target(name: str, seconds: int, python: str) -> dict[str, object]:
    """Fuzz one target for `seconds` in a child process; return its figures and findings."""
    corpus, seeds = WORK / "corpus" / name, HERE / "corpus" / name
    crashes, logs = WORK / "crashes", WORK / "logs"
    for folder in (corpus, crashes, logs):
        folder.mkdir(parents=True, exist_ok=True)
    before = set(crashes.glob(f"{name}-*"))
    command = [
        str(launcher(name, python)),
        f"-max_total_time={seconds}",
        "-fork=1",
        "-ignore_crashes=1",
        "-ignore_timeouts=1",
        "-ignore_ooms=1",
        "-timeout=20",
        "-rss_limit_mb=2048",
        f"-artifact_prefix={crashes}/{name}-",
        str(corpus),
        str(seeds),
    ]
    log = logs / f"{name}.log"
    start = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
    elapsed = time.monotonic() - start
    text = log.read_text(encoding="utf-8", errors="replace")
    # Fork mode prints `#RUNS: cov: … exec/s: N … time: Ts` lines; the last one is the total.
    totals = re.findall(r"^#(\d+): cov: (\d+) .*?exec/s:? (\d+)", text, re.MULTILINE)
    runs, cov, _ = totals[-1] if totals else ("0", "0", "0")
    found = sorted(set(crashes.glob(f"{name}-*")) - before)
    return {
        "target": name,
        "seconds": round(elapsed),
        "runs": int(runs),
        "execs_per_s": round(int(runs) / elapsed) if elapsed else 0,
        "coverage": int(cov),
        "findings": [str(p.relative_to(REPO)) for p in found],
        "exit": done.returncode,
        "log": str(log.relative_to(REPO)),
    }


def main() -> int:
    """Fuzz the targets named, `--parallel` at a time, and print a summary in their order."""
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        fuzz_one(sys.argv[2], sys.argv[3:])
    if len(sys.argv) > 2 and sys.argv[1] == "--replay":
        return replay(sys.argv[2], sys.argv[3:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=600, help="time per target (default 600)")
    parser.add_argument(
        "--parallel",
        type=int,
        default=1,
        help="targets fuzzed at once, each in its own process (default 1; one per core at most)",
    )
    parser.add_argument("targets", nargs="*", choices=[*NAMES, []], default=[])
    args = parser.parse_args()
    if args.seconds < 1:
        parser.error("--seconds must be at least 1")
    if args.parallel < 1:
        parser.error("--parallel must be at least 1")
    names = args.targets or list(NAMES)

    def run(name: str) -> dict[str, object]:
        print(f"fuzzing {name} for {args.seconds} s", file=sys.stderr, flush=True)
        return run_target(name, args.seconds, sys.executable)

    # Each target is its own process: threads here only wait for them.
    with ThreadPoolExecutor(max_workers=args.parallel) as pool:
        results = list(pool.map(run, names))
    failed = False
    for name, result in zip(names, results, strict=True):
        findings = result["findings"]
        assert isinstance(findings, list)
        print(
            f"{name}: {result['runs']} runs in {result['seconds']} s "
            f"({result['execs_per_s']}/s), coverage {result['coverage']}, "
            f"{len(findings)} failing inputs; log {result['log']}"
        )
        if findings:
            subprocess.run([sys.executable, __file__, "--replay", name, *findings], cwd=REPO)
        failed = failed or bool(findings)
        if not findings and result["runs"] == 0:
            print(f"  no runs: see {result['log']}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
