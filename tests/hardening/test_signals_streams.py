"""Signals and streams: closed, broken and full streams, console encodings, Ctrl-C and SIGTERM, a failed fork."""

from __future__ import annotations

import fcntl
import os
import subprocess

import pytest

from hardening.adversary import ARTICLE_CASE, ROOT, ZGRONGCUO, run

UNFAVOURABLE_CASE = ROOT / "examples" / "s1-tender-to-relative-not-tolerated.yaml"
FORMATS = ["text", "json", "jsonl", "csv", "markdown", "html"]


def _closing(*fds: int):
    return lambda: [os.close(fd) for fd in fds]


# ------------------------------------------------------------ closed streams


@pytest.mark.parametrize(("case", "code"), [(ARTICLE_CASE, 0), (UNFAVOURABLE_CASE, 1)])
def test_a_closed_stderr_does_not_change_the_exit_code(case, code):
    for fmt in ("text", "json"):
        result = run("check", "--format", fmt, case, preexec_fn=_closing(2))
        assert result.returncode == code
        assert result.stdout


def test_a_closed_stdout_is_a_usage_error_with_a_message():
    result = run("check", ARTICLE_CASE, preexec_fn=_closing(1))
    assert result.returncode == 2
    assert result.stderr == b"error: -: standard output is closed.\n"


def test_a_closed_stdout_does_not_matter_when_nothing_is_written_there(tmp_path):
    result = run("check", "--format", "json", "-o", tmp_path / "out.json", ARTICLE_CASE, preexec_fn=_closing(1))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.json").exists()


def test_a_closed_stdin_is_a_usage_error_with_a_message():
    result = run("check", "-", stdin=subprocess.DEVNULL, preexec_fn=_closing(0))
    assert result.returncode == 2
    assert result.stderr == b"error: -: standard input is closed and cannot be read.\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_is_a_usage_error_not_a_bug(fmt):
    with open("/dev/full", "wb") as full:
        result = run("check", "--format", fmt, ARTICLE_CASE, stdout=full, capture_output=False, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert result.stderr == b"error: -: cannot write to standard output: No space left on device.\n"


# ------------------------------------------------------------ a reader that goes away


def _read_one_byte_and_close(*args: object) -> tuple[int, bytes]:
    """Run the command into a small pipe whose reader takes one byte and leaves, as `| head -c 1` does."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(read_end, fcntl.F_SETPIPE_SZ, 4096)  # the output soon fills it
    with subprocess.Popen([ZGRONGCUO, *map(str, args)], stdout=write_end, stderr=subprocess.PIPE) as process:
        os.close(write_end)
        assert os.read(read_end, 1)
        os.close(read_end)
        stderr = process.stderr.read()
    return process.returncode, stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_reader_going_away_leaves_the_exit_code_of_the_results(fmt):
    # The rule, in every format: the output stops, the cases are all checked, and the
    # exit code is the one the results give; nothing is said on stderr.
    examples = ROOT / "examples"
    assert _read_one_byte_and_close("check", "--format", fmt, *[ARTICLE_CASE] * 24) == (0, b"")
    assert _read_one_byte_and_close("check", "--format", fmt, examples, examples, examples) == (1, b"")


# ------------------------------------------------------------ encodings


def test_pipes_and_files_get_utf8_whatever_the_locale_says():
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "ZGRONGCUO_LANG": "zh"}
    for fmt in ("text", "json"):
        result = run("check", "--format", fmt, ARTICLE_CASE, env=env)
        assert result.returncode == 0, result.stderr
        assert "建议容错免责" in result.stdout.decode("utf-8")
    result = run("check", ROOT / "no-such.yaml", env=env)
    assert result.returncode == 2 and "文件不存在" in result.stderr.decode("utf-8")


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_a_terminal_gets_its_own_encoding_with_plain_symbols(encoding):
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "PYTHONIOENCODING": encoding, "ZGRONGCUO_LANG": "zh", "COLUMNS": "100"}
    child = pexpect.spawn(ZGRONGCUO, ["check", str(UNFAVOURABLE_CASE)], env=env, timeout=30)
    out = child.read()
    child.close()
    assert child.exitstatus == 1, out[-500:]
    text = out.decode(encoding, errors="strict")
    assert "Traceback" not in text and "内部出错" not in text
    if encoding == "gbk":
        assert "不予容错" in text and "√" in text and "×" in text  # ✓ and ✗ have no GBK code
    else:
        assert "\\u4e0d\\u4e88" in text and " v " in text.replace("\r\n", " ")  # escapes, and a plain tick
