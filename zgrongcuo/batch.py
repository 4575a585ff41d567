"""Running a batch of case files in order, in this process or in worker processes.

Results come back in the order of the files, one at a time, so memory stays
flat however many cases there are; with several workers each loads the
criteria once and renders its cases itself, and only the rendered text (or
row) travels back.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator

from zgrongcuo import case as case_mod
from zgrongcuo.case import Notice
from zgrongcuo.errors import ZgError
from zgrongcuo.records import Record


class Result(Record):
    __slots__ = ("file", "failure", "favourable", "payload", "notices")

    def __init__(
        self,
        file: str,
        failure: ZgError | None = None,  # why the file could not be loaded
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
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _process(task: tuple[str, bytes | None, ZgError | None], criteria, prepare, max_bytes: int) -> Result:
    from zgrongcuo.engine import evaluate

    path, data, problem = task
    try:
        if problem is not None:
            raise problem
        if data is None:
            data = case_mod.read_bytes(path, max_bytes=max_bytes)
        loaded = case_mod.loads(data, criteria, path)
    except ZgError as error:
        return Result(path, failure=error)
    d = evaluate(criteria, loaded)
    return Result(path, favourable=d.outcome.favourable, payload=prepare(d), notices=tuple(loaded.notices))


# Worker processes keep their criteria and renderer here between tasks.
_worker: dict[str, object] = {}


def _init_worker(criteria_spec, fmt, lang: str, batch: bool, explain: bool, max_bytes: int) -> None:
    from zgrongcuo import criteria as criteria_mod

    _worker["criteria"] = criteria_mod.load(criteria_spec)
    _worker["prepare"] = fmt.renderer(_Discard(), lang, batch=batch, explain=explain).prepare
    _worker["max_bytes"] = max_bytes


CHUNK = 64  # cases a worker takes at a time


def _work(tasks: list) -> tuple[list[tuple], bytes]:
    """Process a chunk of tasks: small tuples per case, and the byte payloads joined into one.

    One joined bytes object crosses the pipe far faster than many small ones;
    the main process cuts it up again by the lengths in the tuples.
    """
    rows, blobs = [], []
    for task in tasks:
        r = _process(task, _worker["criteria"], _worker["prepare"], _worker["max_bytes"])
        payload = r.payload
        if isinstance(payload, bytes):
            blobs.append(payload)
            payload = len(payload)
        rows.append((r.file, r.failure, r.favourable, payload, r.notices))
    return rows, b"".join(blobs)


def _chunks(tasks: Iterable, size: int) -> Iterator[list]:
    iterator = iter(tasks)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class _Discard:
    """A stream for renderers in workers, whose output goes back as payloads instead."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def run(
    tasks: Iterable[tuple[str, bytes | None, ZgError | None]],
    criteria,
    renderer,
    *,
    jobs: int = 1,
    criteria_spec=None,
    fmt=None,
    lang: str = "zh",
    batch: bool = False,
    explain: bool = False,
    max_bytes: int = case_mod.MAX_BYTES,
) -> Iterator[Result]:
    """Evaluate every task in order; with ``jobs`` > 1, in that many worker processes."""
    if jobs <= 1 or not hasattr(renderer, "prepare"):
        prepare = renderer.prepare if hasattr(renderer, "prepare") else (lambda d: d)
        for task in tasks:
            yield _process(task, criteria, prepare, max_bytes)
        return
    import multiprocessing

    import gc

    # Forked workers share this process's memory until they write to it; a
    # garbage collection touching every object would copy it all.
    gc.freeze()
    init = (criteria_spec, fmt, lang, batch, explain, max_bytes)
    with multiprocessing.get_context().Pool(jobs, initializer=_init_worker, initargs=init) as pool:
        for rows, blob in pool.imap(_work, _chunks(tasks, CHUNK)):
            view, offset = memoryview(blob), 0
            for file, failure, favourable, payload, notices in rows:
                if type(payload) is int:  # a length into the chunk's joined bytes
                    payload, offset = view[offset : offset + payload], offset + payload
                yield Result(file, failure, favourable, payload, notices)
