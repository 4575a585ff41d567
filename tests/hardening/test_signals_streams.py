"""Signals and streams: closed, broken and full streams, console encodings, Ctrl-C and SIGTERM, a failed fork."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess

import pytest

from hardening.adversary import ARTICLE_CASE, ROOT, ZGRONGCUO, run

UNFAVOURABLE_CASE = ROOT / "examples" / "s1-tender-to-relative-not-tolerated.yaml"
EN = {**os.environ, "ZGRONGCUO_LANG": "en"}
FORMATS = ["text", "json", "jsonl", "csv", "markdown", "html"]


def _closing(*fds: int):
    return lambda: [os.close(fd) for fd in fds]


# ------------------------------------------------------------ closed streams


@pytest.mark.parametrize(("case", "code"), [(ARTICLE_CASE, 0), (UNFAVOURABLE_CASE, 1)])
def test_a_closed_stderr_does_not_change_the_exit_code(case, code):
    result = run("check", "--format", "json", case, preexec_fn=_closing(2))
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


def test_a_full_disk_is_a_usage_error_not_a_bug():
    with open("/dev/full", "wb") as full:
        processes = [
            subprocess.Popen([ZGRONGCUO, "check", "--format", fmt, ARTICLE_CASE], stdout=full, stderr=subprocess.PIPE, env=EN)
            for fmt in FORMATS
        ]
        for fmt, process in zip(FORMATS, processes, strict=True):
            stderr = process.communicate(timeout=60)[1]
            assert process.returncode == 2, fmt
            assert stderr == b"error: -: cannot write to standard output: No space left on device.\n", fmt


# ------------------------------------------------------------ a reader that goes away


def test_a_reader_going_away_leaves_the_exit_code_of_the_results():
    # The rule, in every format: the output stops, every case is still checked, and the
    # exit code is the one the results give; nothing is said. Each reader takes one byte
    # of a small pipe and leaves, as `| head -c 1` does, while the first case is written;
    # the unfavourable case comes after that.
    runs = []
    for fmt in FORMATS:
        articles = [ARTICLE_CASE] * (40 if fmt == "csv" else 2)  # a CSV row is short
        for cases, code in (([ARTICLE_CASE], 0), ([*articles, UNFAVOURABLE_CASE], 1)):
            read_end, write_end = os.pipe()
            fcntl.fcntl(read_end, fcntl.F_SETPIPE_SZ, 4096)  # the first case fills it
            command = [ZGRONGCUO, "check", "--format", fmt, *map(str, cases)]
            runs.append((fmt, code, read_end, subprocess.Popen(command, stdout=write_end, stderr=subprocess.PIPE)))
            os.close(write_end)
    for fmt, code, read_end, process in runs:
        assert os.read(read_end, 1), fmt
        os.close(read_end)
    for fmt, code, _, process in runs:
        stderr = process.communicate(timeout=60)[1]
        assert (process.returncode, stderr) == (code, b""), fmt


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


# ------------------------------------------------------------ signals and workers


def _session_members(session: int) -> list[int]:
    """Processes still alive in ``session`` (the command's own, started with a new session)."""
    members = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    fields = f.read().rpartition(b")")[2].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != b"Z":  # state, ppid, pgrp, session
                members.append(int(entry))
    return members


def _long_parallel_batch() -> subprocess.Popen:
    """A --jobs 2 batch long enough to be interrupted while its workers run, in a session of its own."""
    examples = str(ROOT / "examples")
    command = [ZGRONGCUO, "check", "--format", "jsonl", "--explain", "--jobs", "2", *[examples] * 400]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, env=EN)
    assert process.stdout.readline()  # running, and its workers with it
    assert len(_session_members(process.pid)) >= 3, "the workers were not started"
    return process


def _ended_cleanly(process: subprocess.Popen, code: int, message: bytes) -> None:
    import time

    from zgrongcuo.batch import CHUNK

    rest, stderr = process.communicate(timeout=60)
    # Promptly: once signalled, nothing more is checked than the chunks already in the workers' hands
    # (one each, and one being written), of the 3,200 cases asked for.
    assert len(rest.splitlines()) <= 3 * CHUNK, "the batch went on after the signal"
    assert process.returncode == code, stderr[-2000:]
    assert b"Traceback" not in stderr and stderr.endswith(message), stderr[-2000:]
    for _ in range(40):
        if not _session_members(process.pid):
            break
        time.sleep(0.05)
    assert _session_members(process.pid) == [], "workers were left behind"


def test_ctrl_c_ends_a_parallel_batch_promptly_with_130():
    import signal

    process = _long_parallel_batch()
    os.killpg(process.pid, signal.SIGINT)  # a terminal sends it to the whole foreground group
    _ended_cleanly(process, 130, b"interrupted.\n")


def test_an_interrupted_batch_into_one_file_ends_with_its_message_after_every_line_it_finished(tmp_path):
    # Lines go into a file in blocks: those finished before Ctrl-C are written before the message, whole.
    import json
    import signal
    import time

    log = tmp_path / "log"
    command = [ZGRONGCUO, "check", "--format", "jsonl", "--jobs", "2", *[str(ROOT / "examples")] * 400]
    with open(log, "wb") as both:
        process = subprocess.Popen(command, stdout=both, stderr=both, start_new_session=True, env=EN)
        for _ in range(600):
            if log.stat().st_size > 0:
                break
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=60) == 130
    lines = log.read_bytes().decode("utf-8").split("\n")
    assert lines[-2:] == ["interrupted.", ""], lines[-3:]
    assert len(lines) > 3 and all(json.loads(line)["outcome"] for line in lines[:-2])


@pytest.mark.parametrize("whom", ["main", "group"])
def test_sigterm_ends_a_parallel_batch_promptly_with_143(whom):
    import signal

    process = _long_parallel_batch()
    (os.kill if whom == "main" else os.killpg)(process.pid, signal.SIGTERM)
    _ended_cleanly(process, 143, b"terminated (SIGTERM).\n")


def test_a_worker_that_dies_has_its_share_done_by_the_main_process(tmp_path):
    import signal

    examples = str(ROOT / "examples")
    args = ["check", "--format", "jsonl", "--explain", "--jobs", "2", *[examples] * 20]
    expected = run(*[a if a != "2" else "1" for a in args]).stdout
    process = subprocess.Popen([ZGRONGCUO, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, env=EN)
    first = process.stdout.readline()
    workers = [pid for pid in _session_members(process.pid) if pid != process.pid]
    os.kill(workers[0], signal.SIGKILL)  # e.g. the kernel's out-of-memory killer
    rest = process.stdout.read()  # from the buffered reader: it may hold more than the first line
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 1, stderr
    assert first + rest == expected


def test_a_failed_fork_falls_back_to_one_process(monkeypatch):
    import multiprocessing.process

    from zgrongcuo import batch
    from zgrongcuo.io import criteria_builder
    from zgrongcuo.io.questions import questions
    from zgrongcuo.render.contract import RenderOptions
    from zgrongcuo.render.json_output import JsonlRenderer

    def refuse(self):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    renderer = JsonlRenderer(None, RenderOptions("en", batch=True))
    tasks = list(batch.tasks_for([str(ROOT / "examples")] * 20))
    results = list(batch.run(tasks, questions([criteria_builder.load()]), renderer, jobs=2))
    assert [r.file for r in results] == [t[0] for t in tasks]
    assert all(r.failure is None for r in results)


def test_a_failed_fork_falls_back_to_one_process_for_real():
    from hardening.adversary import unprivileged

    prefix = unprivileged()
    prlimit = shutil.which("prlimit")
    if not prlimit:
        pytest.skip("prlimit is needed to refuse new processes")
    examples = str(ROOT / "examples")
    args = ["check", "--format", "jsonl", "--jobs", "2", *[examples] * 20]
    # One process for the user at most: the command itself. (Root is not held to the limit.)
    limited = subprocess.run(
        [prlimit, "--nproc=1", *prefix, ZGRONGCUO, *args], capture_output=True, timeout=60,
        env={**os.environ, "ZGRONGCUO_LANG": "en"},
    )  # fmt: skip
    assert limited.returncode == 1, limited.stderr
    assert limited.stdout == run(*args).stdout


class _Busy:
    """A worker process in the middle of a chunk: it ends only when told to (terminate).

    A join waits out its whole timeout on ``clock``, as a join on a busy worker does.
    """

    def __init__(self, clock: list[float], waits: list[float]) -> None:
        self.clock, self.waits, self.alive = clock, waits, True

    def join(self, timeout=None):
        if self.alive:
            self.waits.append(timeout)
            self.clock[0] += timeout

    def is_alive(self):
        return self.alive

    def terminate(self):
        self.alive = False

    def kill(self):
        self.alive = False


class _End:
    def send(self, item):
        pass

    def close(self):
        pass


@pytest.mark.parametrize("workers", [1, 2, 8, 32])
@pytest.mark.parametrize("now", [True, False])
def test_stopping_workers_waits_the_same_whatever_their_number(workers, now, monkeypatch):
    # The waits share one deadline: a stop is as quick with 32 busy workers as with one.
    import time

    from zgrongcuo.batch import _Workers

    clock, waits = [0.0], []
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    pool = _Workers([(_Busy(clock, waits), _End()) for _ in range(workers)])
    pool.stop(now=now)
    assert all(not process.alive for process, _ in pool.started)
    assert sum(waits) <= 0.5 + 1e-9, waits  # at most the grace given to workers that finished
    if now:  # interrupted: nothing waits for a busy worker to finish its chunk
        assert waits == []


def test_a_batch_left_early_tells_its_workers_to_stop_at_once(monkeypatch):
    # Ctrl-C in the loop over the results closes the batch: its workers are ended, not waited for.
    from zgrongcuo import batch
    from zgrongcuo.io import criteria_builder
    from zgrongcuo.io.questions import questions
    from zgrongcuo.render.contract import RenderOptions
    from zgrongcuo.render.json_output import JsonlRenderer

    stops: list[bool] = []
    original = batch._Workers.stop
    monkeypatch.setattr(batch._Workers, "stop", lambda self, now=False: (stops.append(now), original(self, now=True)))
    renderer = JsonlRenderer(None, RenderOptions("en", batch=True))
    tasks = list(batch.tasks_for([str(ROOT / "examples")] * 40))
    results = batch.run(tasks, questions([criteria_builder.load()]), renderer, jobs=2)
    next(results)
    results.close()
    assert stops == [True]
