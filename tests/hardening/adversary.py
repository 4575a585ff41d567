"""What the hardening tests share: the installed command, an unprivileged user, and measures of any size."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ZGRONGCUO = str(Path(sys.executable).parent / "zgrongcuo")
ROOT = Path(__file__).resolve().parents[2]
ARTICLE_CASE = ROOT / "examples" / "zigui-2014-57-insurance.yaml"
NOBODY = 65534


def run(*args: object, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """The installed command with ``args``, as a separate process; bytes in and out."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("env", {**os.environ, "ZGRONGCUO_LANG": "en"})  # messages in English, to compare
    return subprocess.run([ZGRONGCUO, *map(str, args)], timeout=timeout, **kwargs)


class Invoked:
    """What a command run in this process did, shaped like a finished subprocess."""

    def __init__(self, returncode: int, stdout: bytes, stderr: bytes) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def invoke(*args: object, input: bytes | str | None = None, cwd: Path | None = None) -> Invoked:
    """The command with ``args`` run in this process (CliRunner): for what needs no process of its own.

    Streams, signals, permissions and the console script's own set-up need a real
    process: :func:`run`.
    """
    from typer.testing import CliRunner

    from zgrongcuo.cli import app

    with contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext():
        result = CliRunner().invoke(app, [str(a) for a in args], input=input, env={"ZGRONGCUO_LANG": "en"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Invoked(result.exit_code, result.stdout_bytes, result.stderr_bytes)


def run_as(prefix: list[str], *args: object, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """The installed command with ``args``, run through ``prefix`` (e.g. as another user)."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("env", {**os.environ, "ZGRONGCUO_LANG": "en"})
    return subprocess.run([*prefix, ZGRONGCUO, *map(str, args)], timeout=timeout, **kwargs)


def unprivileged() -> list[str]:
    """A command prefix that runs as an unprivileged user, when the tests run as root; skips otherwise.

    Root reads and writes anything, so permission cases mean something only for another user.
    """
    if os.geteuid() != 0:
        return []
    prefix = _unprivileged_prefix()
    if prefix is None:
        pytest.skip("running as root, with no way to run the installed command as an unprivileged user "
                    "(no setpriv or runuser, or its folders are closed to other users)")
    return prefix


@functools.cache
def _unprivileged_prefix() -> list[str] | None:
    candidates = []
    if shutil.which("setpriv"):
        candidates.append([shutil.which("setpriv"), f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"])
    if shutil.which("runuser"):
        candidates.append([shutil.which("runuser"), "-u", "nobody", "--"])
    for prefix in candidates:
        done = subprocess.run([*prefix, ZGRONGCUO, "--version"], capture_output=True, timeout=60)
        if done.returncode == 0:
            return prefix
    return None


@contextlib.contextmanager
def nobody_folder() -> Iterator[tuple[Path, list[str]]]:
    """A folder an unprivileged user owns and reaches, with the command prefix that runs as that user."""
    import tempfile

    prefix = unprivileged()
    folder = Path(tempfile.mkdtemp(prefix="zg-hardening-"))
    folder.chmod(0o755)
    if prefix:
        os.chown(folder, NOBODY, NOBODY)
    try:
        yield folder, prefix
    finally:
        for sub in [folder, *folder.rglob("*")]:
            if sub.is_dir() and not sub.is_symlink():
                sub.chmod(0o755)
        shutil.rmtree(folder)


def give(path: Path) -> None:
    """Hand ``path`` (and what is under it) to the unprivileged user, where the tests run as root."""
    if os.geteuid() == 0:
        for sub in [path, *path.rglob("*")] if path.is_dir() else [path]:
            os.chown(sub, NOBODY, NOBODY, follow_symlinks=False)


def measure(facts: int, *, chain: int = 0, situations: int = 1) -> str:
    """A criteria file of ``facts`` yes/no facts, as a measure's authors might write a large one.

    Each situation requires a share of the facts; the first rule is an exclusion
    on fact 1. ``chain`` adds that many named conditions, each referring to the next.
    """
    lines = [
        "format: 1", "id: big", 'version: "1"', "title: {zh: 大, en: Big}", "languages: [zh, en]",
        "bases: {x: {zh: x, en: x}}", "facts:",
    ]  # fmt: skip
    for i in range(1, facts + 1):
        lines += [
            f"  - id: f{i}", "    type: yesno", f"    label: {{zh: 问题{i}, en: Fact {i}}}",
            f"    question: {{zh: 问题{i}？, en: Fact {i}?}}", "    help: {zh: 说明, en: Help}",
        ]  # fmt: skip
    lines.append("situations:")
    share = max(1, (facts - 1) // situations)
    for s in range(situations):
        first = 2 + s * share
        last = facts + 1 if s == situations - 1 else min(first + share, facts + 1)
        members = range(first, last) or range(1, 2)
        lines += [f"  - id: S{s + 1}", f"    label: {{zh: 情形{s + 1}, en: S{s + 1}}}", "    all:"]
        lines += [f"      - {{fact: f{i}, is: yes, basis: x}}" for i in members]
    lines += ["exclusions:", "  - {fact: f1, is: yes, basis: x}"]
    if chain:
        lines.append("conditions:")
        for k in range(1, chain + 1):
            target = f"{{ref: c{k + 1}}}" if k < chain else "{situations: any}"
            lines.append(f"  c{k}: {{all: [{target}]}}")
    lines += [
        "outcomes:",
        "  - {id: no, label: {zh: 否, en: No}, favourable: false}",
        "  - {id: yes, label: {zh: 是, en: Yes}, favourable: true}",
        "  - {id: undetermined, label: {zh: 未定, en: Undetermined}, favourable: null}",
        "rules:",
        "  - {outcome: no, when: {exclusions: any}}",
        f"  - {{outcome: yes, when: {'{ref: c1}' if chain else '{situations: any}'}}}",
        "  - {outcome: no, when: {not: {situations: any}}}",
        "reminder: {zh: 提醒, en: Reminder}",
    ]
    return "\n".join(lines) + "\n"
