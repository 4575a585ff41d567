"""Running a batch of case files in order, in this process or in worker processes.

Results come back in the order of the files, one at a time, so memory stays
flat however many cases there are.  With several workers, each loads the
criteria once and prepares its cases' output itself (for the formats whose
renderer is ``parallel``), and only the prepared payloads travel back.  The
worker policy — how many, how many cases each takes at a time — lives here.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from zgrongcuo.errors import ZgError
from zgrongcuo.io import case_reader
from zgrongcuo.io.files import MAX_BYTES, read_bytes
from zgrongcuo.io.questions import Selection
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import Notice
from zgrongcuo.model.criteria import Questions
from zgrongcuo.render.contract import Renderer, RenderOptions

if TYPE_CHECKING:
    from zgrongcuo.io.sheet_reader import RowDocument

# A task: the file's path, its bytes when already read (standard input) or its document (a row of a register),
# or why it cannot be loaded, and the real path of the folder it was found in (it must still lie there when it
# is read).
Task = tuple[str, "bytes | RowDocument | None", "ZgError | None", "str | None"]

CHUNK = 64  # cases a worker takes at a time; starting a worker costs about as much as checking this many


class CaseResult(Record):
    """What became of one case file: its payload for the renderer, or why it could not be loaded."""

    __slots__ = ("file", "failure", "favourables", "payload", "notices")

    def __init__(
        self,
        file: str,
        failure: ZgError | None = None,
        favourables: tuple[bool | None, ...] = (),  # of its outcome under each measure, in order
        payload: object = None,  # what the renderer's emit() takes
        notices: tuple[Notice, ...] = (),
    ) -> None:
        self.file = file
        self.failure = failure
        self.favourables = favourables
        self.payload = payload
        self.notices = notices


def cpu_count() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def workers_for(jobs: int, tasks: Iterable[Task]) -> tuple[int, Iterator[Task]]:
    """How many workers a batch gets (``jobs`` 0: one per core), and the tasks, of which some were looked at.

    A worker costs about as much as ``CHUNK`` cases, so a small batch stays in
    one process whatever was asked; and never more workers than cores.
    """
    cores = cpu_count()
    jobs = cores if jobs == 0 else min(jobs, cores)
    tasks = iter(tasks)
    if jobs <= 1:
        return 1, tasks
    head = list(itertools.islice(tasks, jobs * CHUNK))
    return min(jobs, max(len(head) // CHUNK, 1)), itertools.chain(head, tasks)


def _process(
    task: Task, asked: Questions | Selection, prepare: Callable[..., object], explain: bool, max_bytes: int
) -> CaseResult:
    """Load one case and evaluate it against every measure: the renderer prepares the determinations together.

    ``asked``: the questions of the measures every case is checked against, or
    a ``Selection`` that gives each case its own (or those ``--criteria`` gave).
    """
    from zgrongcuo.engine.evaluation import evaluate

    path, data, problem, within = task
    try:
        if problem is not None:
            raise problem
        if data is not None and not isinstance(data, bytes):  # a register's row (not imported: no check pays for it)
            loaded, questions = data.read(asked)
        else:
            if data is None:
                data = read_bytes(path, max_bytes=max_bytes, within=within)
            loaded, questions = case_reader.loads_for(data, asked, path)
    except ZgError as error:
        return CaseResult(path, failure=error)
    several = questions if len(questions.measures) > 1 else None
    ds = tuple(evaluate(criteria, loaded, explain=explain, questions=several) for criteria in questions.measures)
    favourables = tuple(d.outcome.favourable for d in ds)
    notices = (*loaded.notices, *loaded.run_notices)
    return CaseResult(path, favourables=favourables, payload=prepare(ds), notices=notices)


# Worker processes keep their criteria and renderer here between tasks.
_worker: dict[str, object] = {}


def _init_worker(
    criteria_specs: tuple[str | None, ...] | Selection,
    renderer: type[Renderer],
    options: RenderOptions,
    max_bytes: int,
) -> None:
    import io

    from zgrongcuo.io.questions import load_measures, questions

    # Its stream takes only what a renderer writes when made (a CSV header); what it prepares goes back as payloads.
    made = renderer(io.StringIO(), options)
    if isinstance(criteria_specs, Selection):  # each case its own measures, loaded in the worker as they are met
        asked: Questions | Selection = criteria_specs
    else:
        asked = questions(load_measures(criteria_specs))
    _worker.update(asked=asked, prepare=made.prepare, explain=made.explains, max_bytes=max_bytes)


def _work(
    tasks: list[Task],
) -> tuple[list[tuple[str, ZgError | None, tuple[bool | None, ...], object, tuple[Notice, ...]]], bytes]:
    """Process a chunk of tasks: small tuples per case, and the byte payloads joined into one.

    One joined bytes object crosses the pipe far faster than many small ones;
    the main process cuts it up again by the lengths in the tuples.
    """
    rows, blobs = [], []
    w = _worker
    for task in tasks:
        r = _process(task, w["asked"], w["prepare"], w["explain"], w["max_bytes"])  # type: ignore[arg-type]
        payload = r.payload
        if isinstance(payload, bytes):
            blobs.append(payload)
            payload = len(payload)
        rows.append((r.file, r.failure, r.favourables, payload, r.notices))
    return rows, b"".join(blobs)


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    iterator = iter(tasks)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def run(
    tasks: Iterable[Task],
    asked: Questions | Selection,
    renderer: Renderer,
    *,
    jobs: int = 1,
    criteria_specs: tuple[str | None, ...] = (),
    max_bytes: int = MAX_BYTES,
) -> Iterator[CaseResult]:
    """Evaluate every task against every measure, in order; with ``jobs`` > 1 and a parallel renderer, in workers.

    ``asked``: the questions of the measures every case is checked against, or a ``Selection``: each case
    its own measures, unless ``--criteria`` gave some (then a notice says so, for the first case it overrides).
    ``criteria_specs`` is how the workers load the same measures (what each ``--criteria`` said), when
    ``asked`` is not a Selection. When no worker can be started (a failed fork), everything is done in this process.
    """
    results = _run(tasks, asked, renderer, jobs, criteria_specs, max_bytes)
    if isinstance(asked, Selection) and asked.overrides:
        results = _once(results, "measures_overridden")
    return results


def _once(results: Iterator[CaseResult], msg_id: str) -> Iterator[CaseResult]:
    """The results, with the notice ``msg_id`` on the first that carries it only: it is said once per batch."""
    said = False
    for result in results:
        if any(n.msg_id == msg_id for n in result.notices):
            if said:
                result.notices = tuple(n for n in result.notices if n.msg_id != msg_id)
            said = True
        yield result


def _run(
    tasks: Iterable[Task],
    asked: Questions | Selection,
    renderer: Renderer,
    jobs: int,
    criteria_specs: tuple[str | None, ...],
    max_bytes: int,
) -> Iterator[CaseResult]:
    here = (asked, renderer.prepare, renderer.explains, max_bytes)
    if jobs <= 1 or not renderer.parallel:
        for task in tasks:
            yield _process(task, *here)
        return
    import gc

    # Forked workers share this process's memory until they write to it; a
    # garbage collection touching every object would copy it all.
    gc.freeze()
    init = asked if isinstance(asked, Selection) else criteria_specs
    workers = _Workers.start(jobs, (init, type(renderer), renderer.options, max_bytes))
    try:
        yield from workers.run(_chunks(tasks, CHUNK), here)
    except BaseException:  # Ctrl-C, SIGTERM, or the caller gone: the workers' chunks are wanted no more
        workers.stop(now=True)
        raise
    workers.stop()


class _Workers:
    """Worker processes, each with a pipe of its own: chunks go out in turn and results come back in that order.

    A worker is sent a chunk only when it has none, so neither side can block
    the other however large a chunk or its result. Nothing is shared between
    the workers (no lock a dying worker could hold), so stopping them is
    immediate: on Ctrl-C or SIGTERM they are ended and the exception goes on.
    Workers ignore Ctrl-C (the terminal sends it to them too) and die of SIGTERM
    without a word; one that ends unexpectedly has its chunk done here instead,
    and one left behind by a killed main process finds its pipe closed and ends.
    """

    def __init__(self, started: list[tuple[Any, Any]]) -> None:
        self.started = started  # (process, the main process's end of its pipe)

    @classmethod
    def start(cls, jobs: int, init: tuple[object, ...]) -> _Workers:
        import multiprocessing
        import signal

        context = multiprocessing.get_context()
        started: list[tuple[Any, Any]] = []
        # Signals wait until a worker has set its own handlers: none may die of ours.
        blocked = {signal.SIGINT, signal.SIGTERM}
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked) if hasattr(signal, "pthread_sigmask") else None
        try:
            for _ in range(jobs):
                ours, theirs = context.Pipe()
                others = [end for _, end in started] + [ours]
                process = context.Process(target=_serve, args=(theirs, others, init), daemon=True)
                try:
                    process.start()
                except OSError:  # no more processes (EAGAIN, ENOMEM): fewer workers, or none
                    ours.close()
                    theirs.close()
                    break
                theirs.close()
                started.append((process, ours))
        finally:
            if previous is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        return cls(started)

    def run(self, chunks: Iterator[list[Task]], here: tuple[Any, ...]) -> Iterator[CaseResult]:
        # In order: (the worker doing it, or None for this process; the chunk).
        pending: deque[tuple[Any, list[Task]]] = deque()
        for slot in [end for _, end in self.started] or [None]:
            chunk = next(chunks, None)
            if chunk is None:
                break
            pending.append((self._send(slot, chunk), chunk))
        while pending:
            slot, chunk = pending.popleft()
            answer = self._receive(slot)
            if answer is None:  # done here: by choice, or because the worker ended
                results: Iterable[CaseResult] = [_process(task, *here) for task in chunk]
                slot = None
            else:
                results = _unpacked(*answer)
            following = next(chunks, None)
            if following is not None:
                pending.append((self._send(slot, following), following))
            yield from results

    @staticmethod
    def _send(end: Any, chunk: list[Task]) -> Any:
        if end is None:
            return None
        try:
            end.send(chunk)
        except (OSError, ValueError):  # the worker is gone: this process does its share
            return None
        return end

    @staticmethod
    def _receive(end: Any) -> tuple[list[Any], bytes] | None:
        if end is None:
            return None
        try:
            status, value = end.recv()
        except (EOFError, OSError):
            return None
        if status != "done":
            raise RuntimeError(f"in a worker process: {value}")
        return value

    # How long workers that finished their work are given to end by themselves, all of them together.
    GRACE = 0.5

    def stop(self, *, now: bool = False) -> None:
        """End every worker: asked to when all went well, told to at once when interrupted (``now``).

        The waits share one deadline, so stopping takes as long with eight
        workers as with one: the documented second holds whatever --jobs says.
        """
        import time

        if not now:
            for _, end in self.started:
                try:
                    end.send(None)
                except (OSError, ValueError):
                    pass
            deadline = time.monotonic() + self.GRACE
            for process, _ in self.started:
                process.join(timeout=max(0.0, deadline - time.monotonic()))
        for process, _ in self.started:
            if process.is_alive():
                process.terminate()
        deadline = time.monotonic() + 1
        for process, end in self.started:
            process.join(timeout=max(0.0, deadline - time.monotonic()))
            if process.is_alive():  # pragma: no cover - SIGTERM is not blocked in a worker
                process.kill()
                process.join()
            end.close()


def _unpacked(rows: list[Any], blob: bytes) -> Iterator[CaseResult]:
    view, offset = memoryview(blob), 0
    for file, failure, favourables, payload, notices in rows:
        if isinstance(payload, int):  # a length into the chunk's joined bytes
            end = offset + payload
            payload, offset = view[offset:end], end
        yield CaseResult(file, failure, favourables, payload, notices)


def _serve(end: Any, others: list[Any], init: tuple[Any, ...]) -> None:
    """A worker process: chunks in, results out, until told to stop or the main process is gone."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the main process handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # ended by the main process: quietly
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    for other in others:  # the main process's ends: held here, they would keep pipes open after it died
        other.close()
    try:
        _init_worker(*init)
        ready: tuple[str, object] | None = None
    except Exception as exc:  # noqa: BLE001 - said to the main process, which reports it
        ready = ("failed", f"{type(exc).__name__}: {exc}")
    while True:
        try:
            chunk = end.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        try:
            answer = ready or ("done", _work(chunk))
        except Exception as exc:  # noqa: BLE001 - a bug: the main process reports it as such
            answer = ("failed", f"{type(exc).__name__}: {exc}")
        try:
            end.send(answer)
        except (OSError, ValueError):
            return


def tasks_for(
    paths: list[str],
    *,
    max_bytes: int = MAX_BYTES,
    asked: Questions | Selection | None = None,
    sheet: str | None = None,
) -> Iterator[Task]:
    """The tasks for ``check``'s arguments: folders walked lazily, standard input read here, once.

    Standard input is read in this process so that a worker gets its bytes like any file's.
    A workbook given as an argument is read here too (its ``sheet``, or the first), row by row
    as the tasks are taken, its headings known from ``asked``; each row is read as a case where
    cases are checked. A spreadsheet in a format that is not read is a task with the error that
    says what to do.
    """
    from zgrongcuo.errors import CaseError, UsageError
    from zgrongcuo.io.discovery import OTHER_SPREADSHEETS, discover, is_workbook

    if paths.count("-") > 1:
        raise UsageError("stdin_twice")
    for path, problem, within in discover(paths):
        if problem is None and within is None and asked is not None and path != "-":
            if is_workbook(path):
                from zgrongcuo.io.sheet_reader import read_register

                for row, case, error in read_register(path, asked, sheet=sheet, max_bytes=max_bytes):
                    yield row, case, error, None
                continue
            suffix = os.path.splitext(path)[1].lower()
            if suffix in OTHER_SPREADSHEETS:
                yield path, None, CaseError("workbook_other_format", file=path, suffix=suffix), None
                continue
        if path != "-" or problem is not None:
            yield path, None, problem, within
            continue
        try:
            yield path, read_bytes("-", max_bytes=max_bytes), None, None
        except ZgError as error:
            yield path, None, error, None


def is_batch(paths: list[str]) -> bool:
    """Several cases, a folder of them or a register of them: an array in JSON, a summary in text and reports."""
    from zgrongcuo.io.discovery import is_workbook

    return len(paths) > 1 or any(os.path.isdir(p) or is_workbook(p) for p in paths if p != "-")
