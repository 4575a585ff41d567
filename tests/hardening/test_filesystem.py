"""The file system at the trust boundary: special files, limits, links out of folders, unreadable entries, -o."""

from __future__ import annotations

import os
import subprocess

import pytest

from hardening.adversary import ARTICLE_CASE, run

# ------------------------------------------------------------ special files


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "case.yaml"
    os.mkfifo(path)
    return path


def _refused_special(result: subprocess.CompletedProcess, name: str, kind: str = "a named pipe") -> None:
    assert result.returncode == 2, result.stderr
    assert f"{name}: this is not a regular file ({kind}); it was not read." in result.stderr.decode()


def test_a_fifo_as_a_case_file_is_refused_at_once(fifo):
    _refused_special(run("check", fifo, timeout=20), str(fifo))


def test_a_fifo_as_a_criteria_file_is_refused_at_once(fifo):
    _refused_special(run("check", "--criteria", fifo, ARTICLE_CASE, timeout=20), str(fifo))


def test_a_fifo_given_to_ask_is_refused_at_once(fifo):
    _refused_special(run("ask", "--case", fifo, stdin=subprocess.DEVNULL, timeout=20), str(fifo))


def test_a_case_file_linked_to_a_device_is_refused(tmp_path):
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    _refused_special(run("check", link, timeout=20), str(link), "a device")


def test_a_device_as_criteria_is_refused_and_criteria_have_a_size_limit(tmp_path):
    _refused_special(run("check", "--criteria", "/dev/zero", ARTICLE_CASE, timeout=20), "/dev/zero", "a device")
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(17 << 20)  # sparse: no disk used
    result = run("criteria", "validate", big, timeout=20)
    assert result.returncode == 2
    assert "criteria file too large (17825792 bytes; the limit is 16777216); not parsed." in result.stderr.decode() + result.stdout.decode()


def test_standard_input_is_still_read_from_a_pipe():
    result = run("check", "--format", "json", "-", input=ARTICLE_CASE.read_bytes())
    assert result.returncode == 0, result.stderr


def test_a_closed_standard_input_is_a_usage_error():
    result = run("check", "-", stdin=subprocess.DEVNULL, pass_fds=(), preexec_fn=lambda: os.close(0))
    assert result.returncode == 2
    assert b"standard input is closed" in result.stderr
    assert b"Traceback" not in result.stderr
