"""Running a batch of case files in order, in this process or in worker processes.

Results come back in the order of the files, one at a time, so memory stays
flat however many cases there are.  With several workers, each is given the
measures once and prepares its cases' output itself (for the formats whose
renderer is ``parallel``), and only the prepared payloads travel back: the
lines of a JSONL batch, or, for a script (``check_paths``), the determinations
themselves, whose references into the measures cross as places, not copies.
The worker policy — how many, how many cases each takes at a time — lives here.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from zgrongcuo.errors import ZgError
from zgrongcuo.io import case_reader
from zgrongcuo.io.files import MAX_BYTES, Listed, read_bytes
from zgrongcuo.io.questions import Selection
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import Notice
from zgrongcuo.model.criteria import Criteria, Questions
from zgrongcuo.model.determination import Determination
from zgrongcuo.render.contract import Renderer, RenderOptions

if TYPE_CHECKING:
    from zgrongcuo.io.sheet_reader import RowDocument

# A task: the file's path, its bytes when already read (standard input) or its document (a row of a register),
# or why it cannot be loaded, and where it was found: the real path of the folder it must still lie in when it
# is read, with which file the walk saw there (files.Listed).
Task = tuple[str, "bytes | RowDocument | None", "ZgError | None", "str | Listed | None"]

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


class MeasureParts:
    """Every part of the measures a determination can refer to, by place: how they cross between processes.

    A worker and the main process hold the same measures — given once, or
    loaded from the same files as cases name them — so a reference to a
    fact, an element or an outcome travels as the measure's file and
    fingerprint and its place in that measure, and is the main process's own
    object on arrival, not a copy of it.
    """

    def __init__(self, asked: Questions | Selection) -> None:
        self.asked = asked
        self.places: dict[int, tuple[object, ...]] = {}  # id of a part -> its persistent id
        self._registered: set[int] = set()  # ids of the measures and questions whose parts are in places
        self._parts: dict[object, list[object]] = {}  # a measure's or questions' key -> its parts, in order

    @staticmethod
    def _key(criteria: Criteria) -> tuple[str, str]:
        return criteria.path, criteria.sha256

    @staticmethod
    def parts_of(criteria: Criteria) -> list[object]:
        """A measure's parts in an order both processes agree on."""
        from zgrongcuo.model.conditions import nodes_of

        parts: list[object] = [criteria, *criteria.facts, *(o for f in criteria.facts for o in f.options)]
        parts += [*criteria.situations, *criteria.outcomes.values(), *criteria.rules]
        roots = [*(r.when for r in criteria.rules), *(s.condition for s in criteria.situations)]
        roots += [*criteria.preconditions, *criteria.exclusions, *criteria.conditions.values()]
        return parts + [node for root in roots for node in nodes_of(root)]

    def _register(self, asked: Questions) -> None:
        if id(asked) in self._registered:
            return
        self._registered.add(id(asked))
        key = ("q", tuple(self._key(m) for m in asked.measures))
        own: list[object] = [asked, *asked.facts]
        for place, part in enumerate(own):
            self.places.setdefault(id(part), (*key, place))
        for criteria in asked.measures:
            if id(criteria) not in self._registered:
                self._registered.add(id(criteria))
                for place, item in enumerate(self.parts_of(criteria)):
                    self.places.setdefault(id(item), ("m", *self._key(criteria), place))

    def _known(self) -> list[Questions]:
        if isinstance(self.asked, Questions):
            return [self.asked]
        return self.asked.known()

    def dumps(self, value: object) -> bytes:
        import io
        import pickle

        for asked in self._known():  # measures a Selection has loaded since the last chunk
            self._register(asked)
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        places = self.places
        pickler.persistent_id = lambda obj: places.get(id(obj))  # type: ignore[method-assign]
        pickler.dump(value)
        return buffer.getvalue()

    def loads(self, data: bytes) -> Any:
        import io
        import pickle

        unpickler = pickle.Unpickler(io.BytesIO(data))
        unpickler.persistent_load = self._part  # type: ignore[method-assign]
        return unpickler.load()

    def _part(self, pid: tuple[Any, ...]) -> object:
        kind, *where, place = pid
        parts = self._parts.get((kind, *where))
        if parts is None:
            if kind == "m":
                parts = self.parts_of(self._measure(*where))
            else:
                [keys] = where
                asked = self._questions([self._measure(path, sha) for path, sha in keys])
                parts = [asked, *asked.facts]
            self._parts[(kind, *where)] = parts
        return parts[place]

    def _measure(self, path: str, sha256: str) -> Criteria:
        if isinstance(self.asked, Questions):
            found = next((m for m in self.asked.measures if self._key(m) == (path, sha256)), None)
        else:
            found = self.asked.load(path)
        if found is None or found.sha256 != sha256:
            from zgrongcuo.errors import CriteriaError

            raise CriteriaError("measure_changed_in_run", file=path)
        return found

    def _questions(self, measures: list[Criteria]) -> Questions:
        if isinstance(self.asked, Questions):
            return self.asked
        return self.asked.questions_for([m.path for m in measures])


# Worker processes keep their measures and renderer here between tasks.
_worker: dict[str, Any] = {}


def _init_worker(asked: Questions | Selection, renderer: type[Renderer], options: RenderOptions, max_bytes: int) -> None:
    """A worker's set-up: the measures (a Selection loads those each case names as they are met) and the renderer."""
    import io

    # Its stream takes only what a renderer writes when made (a CSV header); what it prepares goes back as payloads.
    made = renderer(io.StringIO(), options)
    parts = MeasureParts(asked)
    _worker.update(asked=asked, prepare=made.prepare, explain=made.explains, max_bytes=max_bytes, parts=parts)


def _work(tasks: list[Task]) -> tuple[bytes, bytes]:
    """Process a chunk of tasks: small tuples per case, and the byte payloads joined into one.

    One joined bytes object crosses the pipe far faster than many small ones;
    the main process cuts it up again by the lengths in the tuples.
    """
    rows, blobs = [], []
    w = _worker
    for task in tasks:
        r = _process(task, w["asked"], w["prepare"], w["explain"], w["max_bytes"])
        payload = r.payload
        if isinstance(payload, bytes):
            blobs.append(payload)
            payload = len(payload)
        rows.append((r.file, r.failure, r.favourables, payload, r.notices))
    return w["parts"].dumps(rows), b"".join(blobs)


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
    max_bytes: int = MAX_BYTES,
) -> Iterator[CaseResult]:
    """Evaluate every task against every measure, in order; with ``jobs`` > 1 and a parallel renderer, in workers.

    ``asked``: the questions of the measures every case is checked against, or a ``Selection``: each case
    its own measures, unless ``--criteria`` gave some (then a notice says so, for the first case it overrides).
    The workers are given ``asked`` itself. When no worker can be started (a failed fork), everything is
    done in this process.
    """
    results = _run(tasks, asked, renderer, jobs, max_bytes)
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
    workers = _Workers.start(jobs, (asked, type(renderer), renderer.options, max_bytes))
    gc.unfreeze()  # the workers have their copy: this process, a script's perhaps, collects as before
    try:
        yield from workers.run(_chunks(tasks, CHUNK), here, MeasureParts(asked))
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

    def run(self, chunks: Iterator[list[Task]], here: tuple[Any, ...], parts: MeasureParts) -> Iterator[CaseResult]:
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
                rows, blob = answer
                results = _unpacked(parts.loads(rows), blob)
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
    def _receive(end: Any) -> tuple[bytes, bytes] | None:
        if end is None:
            return None
        try:
            status, value = end.recv()
            if status != "done":
                raise RuntimeError(f"in a worker process: {value}")
            # The lines come as they are, in a message of their own: no pickling of the one big bytes object.
            return value, end.recv_bytes()
        except (EOFError, OSError):
            return None

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
        blob = None
        try:
            if ready is not None:
                answer: tuple[str, object] = ready
            else:
                rows, blob = _work(chunk)
                answer = ("done", rows)
        except Exception as exc:  # noqa: BLE001 - a bug: the main process reports it as such
            answer, blob = ("failed", f"{type(exc).__name__}: {exc}"), None
        try:
            end.send(answer)
            if blob is not None:
                end.send_bytes(blob)
        except (OSError, ValueError):
            return


class _Kept(Renderer):
    """No output: a script is given the determinations themselves (``check_paths``), from workers too."""

    parallel = True

    def __init__(self, out: object, options: RenderOptions) -> None:
        super().__init__(None, options)
        self.explains = options.explain


def check_paths(
    paths: Iterable[str],
    asked: Questions | Selection,
    *,
    jobs: int = 1,
    explain: bool = False,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Determination | ZgError]:
    """Every case file under ``paths``, in order: its determinations (one per measure, in order), or its error.

    ``asked``: the measures every case is checked against, or a Selection (each case its own). Folders
    are walked as ``check`` walks them. ``-`` is a file of that name: standard input is read only when
    a script reads it itself. A register (.xlsx) named is read row by row, as ``check`` reads it.
    """
    named = [os.path.join(os.curdir, "-") if p == "-" else p for p in paths]
    jobs, tasks = workers_for(jobs, tasks_for(named, max_bytes=max_bytes, asked=asked))
    kept = _Kept(None, RenderOptions("zh", explain=explain))
    for result in run(tasks, asked, kept, jobs=jobs, max_bytes=max_bytes):
        if result.failure is not None:
            yield result.failure.at(file=result.file)
        else:
            yield from result.payload  # type: ignore[misc]


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
