"""What the hardening tests share: the installed command, an unprivileged user, and measures of any size."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def unprivileged() -> list[str]:
    """A command prefix that runs as an unprivileged user, when the tests run as root; skips otherwise.

    Root reads and writes anything, so permission cases mean something only for another user.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv:
        return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "nobody", "--"]
    pytest.skip("running as root, and neither setpriv nor runuser is there to drop privileges")


def open_to_all(path: Path) -> None:
    """Let an unprivileged user reach ``path`` (its folders searchable by everyone)."""
    for folder in [path, *path.parents]:
        if folder == Path("/"):
            break
        mode = folder.stat().st_mode
        folder.chmod(mode | 0o711)


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
