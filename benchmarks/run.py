"""Speed and memory of zgrongcuo, as ratios against floors measured in the same run.

    python benchmarks/run.py            # the full run (10,000 generated cases)
    python benchmarks/run.py --quick    # a smaller, faster run for a first look

Run it with the Python of the environment where zgrongcuo is installed; the
`zgrongcuo` console script beside that Python is what is timed.  Every number
is a median of repeated runs; every target is a ratio to a floor timed in the
same run on the same machine, so the figures travel between machines.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_CASE = ROOT / "examples" / "zigui-2014-57-insurance.yaml"
BIN = Path(sys.executable).parent
EXE = BIN / ("zgrongcuo.exe" if os.name == "nt" else "zgrongcuo")


# Byte-code caching on, as an installed package has it: a development checkout
# run with PYTHONDONTWRITEBYTECODE would otherwise compile every module anew.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: list[str], *, stdout=subprocess.DEVNULL) -> float:
    """Wall time of one run of ``cmd``."""
    start = time.perf_counter()
    subprocess.run(cmd, stdout=stdout, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


# Linux counts a process's peak memory from before its exec, so a command forked
# from this (large) process would report this process's peak; a small launcher
# runs it instead and reports its child's peak alone.
LAUNCHER = """
import os, resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def paired_times(cmd: list[str], floor: list[str], repeat: int) -> tuple[float, float]:
    """Medians of ``cmd`` and of its ``floor``, timed in turn so that both meet the same load.

    On a shared machine the speed drifts by more than the differences measured
    here; alternating the two runs keeps the drift out of the ratio.
    """
    run(cmd)  # warm the file cache (and any criteria cache) first
    run(floor)
    ours, base = [], []
    for _ in range(repeat):
        ours.append(run(cmd))
        base.append(run(floor))
    return statistics.median(ours), statistics.median(base)


def peak_rss(cmd: list[str], repeat: int = 3) -> int:
    """Median peak RSS (KiB) of ``cmd``."""
    peaks = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], capture_output=True, text=True, env=ENV)
        peaks.append(int(done.stdout.strip() or 0))
    return int(statistics.median(peaks))


def _digest(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ---------------------------------------------------------------- case files

CONTEXT = ["superior_decision", "reform_innovation", "creative_implementation", "conflict_resolution",
           "historical_issue", "major_accident", "mass_or_sudden_incident", "urgent_difficult_task", "high_risk_work"]
CAUSES = ["bold_performance", "inexperience", "pilot", "unclear_policy", "unforeseeable", "decisive_action",
          "breaking_obstacles", "touching_vested_interests", "proactive"]
CONSEQUENCES = ["error", "unmet_expectation", "conflict", "loss", "mass_incident", "adverse_social_impact"]
YESNO = ["conformed_to_superior_decision", "democratic_decision", "private_gain", "diligent",
         "decision_procedure_followed", "knowingly_violated", "persisted_after_prohibition",
         "major_liability_accident", "serious_consequence", "remedied"]
WORDS = ["是", "否", "yes", "no", "不确定"]


DECISIONS = ["exempt", "mitigated", "not_eligible", "not_tolerated", "beyond_tolerance"]


def case_text(rng: random.Random, n: int, decided: bool = False) -> str:
    lines = [
        "case:",
        f"  id: BENCH-{n:05d}",
        f"  title: 第{n}号案件：某镇推进重点项目中的失误",
        "  subject: 某镇人民政府",
        "  summary: 为推进县里部署的重点项目，经镇党委会研究决定先行施工，后因手续不全被通报。",
        "answers:",
    ]
    for fact, options in (("context", CONTEXT), ("causes", CAUSES), ("consequences", CONSEQUENCES)):
        chosen = rng.sample(options, rng.randint(0, 2))
        lines.append(f"  {fact}: [{', '.join(chosen)}]")
    for fact in YESNO:
        word = rng.choice(WORDS)
        if rng.random() < 0.3:
            lines += [f"  {fact}:", f"    value: {word}", "    note: 见镇党委会会议纪要及县纪委调查报告。"]
        else:
            lines.append(f"  {fact}: {word}")
    if decided:
        lines += [
            "decision:",
            f"  outcome: {rng.choice(DECISIONS)}",
            "  measure: zigui-2018",
            "  by: 县委常委会",
            f"  date: \"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}\"",
            "  source: 县纪委案件档案",
        ]
    return "\n".join(lines) + "\n"


def make_cases(folder: Path, count: int, *, decided: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2018)
    for n in range(count):
        (folder / f"case-{n:05d}.yaml").write_text(case_text(rng, n, decided), encoding="utf-8")
    return folder


FLOOR_PARSE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).iterdir()):
    with open(path, "rb") as f:
        yaml.load(f.read().decode("utf-8"), Loader=yaml.CSafeLoader)
"""


# ---------------------------------------------------------------------- main


# The floors of the start-up figures: a hello-world Typer app of the same Typer release, with one command,
# run once, importing what the path cannot do without (PyYAML; for text, the Rich modules the text path draws
# with). Against a bare `import yaml` the same figures show the framework's share.
FLOOR_APP = """
import typer, yaml{extra}
app = typer.Typer(add_completion=False)
@app.command()
def hello(name: str = "world") -> None:
    print(f"hello {{name}}")
app(["--name", "zgrongcuo"], standalone_mode=False)
"""
TEXT_MODULES = ", rich.console, rich.text"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer cases and repetitions")
    parser.add_argument("--cases", type=int, default=None, help="cases in the big batch (default 10,000)")
    parser.add_argument("--repeat", type=int, default=None, help="runs per start-up figure (default 21)")
    args = parser.parse_args()
    big = args.cases or (2_000 if args.quick else 10_000)
    small = big // 10
    repeat = args.repeat or (7 if args.quick else 21)
    batch_repeat = 3 if args.quick else 7
    if not EXE.exists():
        print(f"zgrongcuo is not installed beside {sys.executable}", file=sys.stderr)
        return 2
    py = sys.executable
    results: list[tuple[str, float, float, float, str]] = []

    def record(name: str, value: float, floor: float, target: float, unit: str = "s") -> None:
        ratio = value / floor
        results.append((name, value, floor, ratio, f"<= {target}" + ("  ok" if ratio <= target else "  MISSED")))
        print(f"{name:<48} {value:9.4f}{unit} / {floor:9.4f}{unit} = {ratio:5.2f}  (target <= {target})", flush=True)

    print(f"zgrongcuo benchmark — {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores")
    case = str(ARTICLE_CASE)

    # 1. and 2. start-up: text and JSON for one case
    from importlib.metadata import version

    print(f"floors: a hello-world app of typer {version('typer')} importing PyYAML (and, for text, rich.console and rich.text)")
    bare = [py, "-c", "import yaml"]
    for name, cmd, extra in (
        ("1 check (text), one case", [str(EXE), "check", case], TEXT_MODULES),
        ("2 check --format json, one case", [str(EXE), "check", "--format", "json", case], ""),
    ):
        ours, floor = paired_times(cmd, [py, "-c", FLOOR_APP.format(extra=extra)], repeat)
        record(name, ours, floor, 1.2)
        # Against `import yaml`, the command as timed beside it: each ratio from one interleaved pairing.
        ours_beside, yaml_only = paired_times(cmd, bare, max(3, repeat // 3))
        print(f"  absolute: {ours * 1000:.0f} ms, hello-world app {floor * 1000:.0f} ms, `import yaml` {yaml_only * 1000:.0f} ms;"
              f" against `import yaml`: {ours_beside / yaml_only:.2f}, the framework's share {(floor - yaml_only) / ours:.0%}")

    work = Path(tempfile.mkdtemp(prefix="zgrongcuo-bench-"))
    try:
        big_dir = make_cases(work / "big", big)
        small_dir = make_cases(work / "small", small)
        # 3. batch throughput
        jsonl = [str(EXE), "check", "--format", "jsonl", str(big_dir)]
        one_job, floor = paired_times(jsonl, [py, "-c", FLOOR_PARSE, str(big_dir)], batch_repeat)
        record(f"3 check --format jsonl, {big:,} cases", one_job, floor, 1.4)
        # 4. parallel workers, and identical output
        two_jobs, one_job = paired_times([*jsonl, "--jobs", "2"], jsonl, batch_repeat)
        record("4 the same with --jobs 2 (against --jobs 1)", two_jobs, one_job, 0.6)
        with open(work / "one.jsonl", "wb") as a, open(work / "two.jsonl", "wb") as b:
            run(jsonl, stdout=a)
            run([*jsonl, "--jobs", "2"], stdout=b)
        same = _digest(work / "one.jsonl") == _digest(work / "two.jsonl")
        print(f"  output of --jobs 2 identical to --jobs 1, line for line: {'yes' if same else 'NO'}")
        # 5. memory flat in the number of cases
        rss_small = peak_rss([str(EXE), "check", "--format", "jsonl", str(small_dir)])
        rss_big = peak_rss(jsonl)
        if rss_small and rss_big:
            record(f"5 peak RSS at {big:,} / at {small:,} cases", rss_big / 1024, rss_small / 1024, 1.10, " MiB")
        # 6. the nearest decided cases in an archive, against checking the same archive
        archive = make_cases(work / "archive", big, decided=True)
        similar = [str(EXE), "similar", case, "--in", str(archive), "--format", "json", "--criteria", "zigui-2018"]
        ours, floor = paired_times(similar, [str(EXE), "check", "--format", "jsonl", str(archive)], batch_repeat)
        record(f"6 similar in {big:,} decided cases (against check jsonl)", ours, floor, 2.0)
        # 7. memory with -o: the output is written as it comes, so the file's size is not held in memory
        written = work / "out.jsonl"
        to_file = ["--format", "jsonl", "-o", str(written), "--force"]
        rss_small_o = peak_rss([str(EXE), "check", *to_file, str(small_dir)])
        rss_big_o = peak_rss([str(EXE), "check", *to_file, str(big_dir)])
        if rss_small_o and rss_big_o:
            record(f"7 peak RSS with -o at {big:,} / at {small:,} cases", rss_big_o / 1024, rss_small_o / 1024, 1.10, " MiB")
            print(f"  with -o against standard output at {big:,} cases: {rss_big_o / rss_big:.2f}" if rss_big else "")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    missed = [r for r in results if r[4].endswith("MISSED")]
    print(f"\n{len(results) - len(missed)} of {len(results)} targets met" + (" (identical output: no)" if not same else ""))
    return 1 if missed or not same else 0


if __name__ == "__main__":
    sys.exit(main())
