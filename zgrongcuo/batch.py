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
from collections.abc import Callable, Iterable, Iterator

from zgrongcuo.errors import ZgError
from zgrongcuo.load import case_reader
from zgrongcuo.load.files import MAX_BYTES, read_bytes
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import Notice
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.render.contract import Renderer, RenderOptions

# A task: the file's path, its bytes when already read (standard input), or why it cannot be loaded,
# and the real path of the folder it was found in (it must still lie there when it is read).
Task = tuple[str, "bytes | None", "ZgError | None", "str | None"]

CHUNK = 64  # cases a worker takes at a time; starting a worker costs about as much as checking this many


class CaseResult(Record):
    """What became of one case file: its payload for the renderer, or why it could not be loaded."""

    __slots__ = ("file", "failure", "favourable", "payload", "notices")

    def __init__(
        self,
        file: str,
        failure: ZgError | None = None,
        favourable: bool | None = None,
        payload: object = None,  # what the renderer's emit() takes
        notices: tuple[Notice, ...] = (),
    ) -> None:
        self.file = file
        self.failure = failure
        self.favourable = favourable
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


def _process(task: Task, criteria: Criteria, prepare: Callable[..., object], explain: bool, max_bytes: int) -> CaseResult:
    from zgrongcuo.engine.evaluation import evaluate

    path, data, problem, within = task
    try:
        if problem is not None:
            raise problem
        if data is None:
            data = read_bytes(path, max_bytes=max_bytes, within=within)
        loaded = case_reader.loads(data, criteria, path)
    except ZgError as error:
        return CaseResult(path, failure=error)
    d = evaluate(criteria, loaded, explain=explain)
    return CaseResult(path, favourable=d.outcome.favourable, payload=prepare(d), notices=tuple(loaded.notices))


# Worker processes keep their criteria and renderer here between tasks.
_worker: dict[str, object] = {}


def _init_worker(criteria_spec: str | None, renderer: type[Renderer], options: RenderOptions, max_bytes: int) -> None:
    import io

    from zgrongcuo.load.criteria_builder import load

    # Its stream takes only what a renderer writes when made (a CSV header); what it prepares goes back as payloads.
    made = renderer(io.StringIO(), options)
    _worker.update(criteria=load(criteria_spec), prepare=made.prepare, explain=made.explains, max_bytes=max_bytes)


def _work(tasks: list[Task]) -> tuple[list[tuple[str, ZgError | None, bool | None, object, tuple[Notice, ...]]], bytes]:
    """Process a chunk of tasks: small tuples per case, and the byte payloads joined into one.

    One joined bytes object crosses the pipe far faster than many small ones;
    the main process cuts it up again by the lengths in the tuples.
    """
    rows, blobs = [], []
    w = _worker
    for task in tasks:
        r = _process(task, w["criteria"], w["prepare"], w["explain"], w["max_bytes"])  # type: ignore[arg-type]
        payload = r.payload
        if isinstance(payload, bytes):
            blobs.append(payload)
            payload = len(payload)
        rows.append((r.file, r.failure, r.favourable, payload, r.notices))
    return rows, b"".join(blobs)


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    iterator = iter(tasks)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def run(
    tasks: Iterable[Task],
    criteria: Criteria,
    renderer: Renderer,
    *,
    jobs: int = 1,
    criteria_spec: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[CaseResult]:
    """Evaluate every task in order; with ``jobs`` > 1 and a parallel renderer, in that many worker processes.

    ``criteria_spec`` is how the workers load the same criteria (what ``--criteria`` said).
    """
    if jobs <= 1 or not renderer.parallel:
        for task in tasks:
            yield _process(task, criteria, renderer.prepare, renderer.explains, max_bytes)
        return
    import gc
    import multiprocessing

    # Forked workers share this process's memory until they write to it; a
    # garbage collection touching every object would copy it all.
    gc.freeze()
    init = (criteria_spec, type(renderer), renderer.options, max_bytes)
    with multiprocessing.get_context().Pool(jobs, initializer=_init_worker, initargs=init) as pool:
        for rows, blob in pool.imap(_work, _chunks(tasks, CHUNK)):
            view, offset = memoryview(blob), 0
            for file, failure, favourable, payload, notices in rows:
                if isinstance(payload, int):  # a length into the chunk's joined bytes
                    end = offset + payload
                    payload, offset = view[offset:end], end
                yield CaseResult(file, failure, favourable, payload, notices)


def tasks_for(paths: list[str], *, max_bytes: int = MAX_BYTES) -> Iterator[Task]:
    """The tasks for ``check``'s arguments: folders walked lazily, standard input read here, once.

    Standard input is read in this process so that a worker gets its bytes like any file's.
    """
    from zgrongcuo.errors import UsageError
    from zgrongcuo.load.discovery import discover

    if paths.count("-") > 1:
        raise UsageError("stdin_twice")
    for path, problem, within in discover(paths):
        if path != "-" or problem is not None:
            yield path, None, problem, within
            continue
        try:
            yield path, read_bytes("-", max_bytes=max_bytes), None, None
        except ZgError as error:
            yield path, None, error, None


def is_batch(paths: list[str]) -> bool:
    """Several cases, or a folder of them: an array in JSON, a summary in text and reports."""
    return len(paths) > 1 or any(os.path.isdir(p) for p in paths if p != "-")
