"""Decided cases to compare with: the bundled library of published cases, or an office's own folders.

An archive is a folder of case files; nothing else is needed.  A case counts
as a precedent when its file records a ``decision:``.  Files are read one at a
time, so a folder of any size keeps only the cases being ranked in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from zgrongcuo.errors import ZgError
from zgrongcuo.io import case_reader
from zgrongcuo.io.discovery import discover
from zgrongcuo.io.files import MAX_BYTES, identity, read_bytes
from zgrongcuo.model.case import Case
from zgrongcuo.model.criteria import Questions

_HERE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def bundled_folder() -> str:
    """The published cases shipped with the tool: inside the package, or the checkout's when installed editable."""
    inside = os.path.join(_HERE, "precedents")
    return inside if os.path.isdir(inside) else os.path.join(os.path.dirname(_HERE), "precedents")


def read(folders: list[str], asked: Questions, *, max_bytes: int = MAX_BYTES) -> Iterator[Case | ZgError]:
    """Every case file under ``folders`` (sorted, hidden entries skipped), loaded, or why it could not be.

    A file is read once, however it is reached: a folder given twice, or a
    link to a file in the same folder, would otherwise list one decided case twice.
    """
    seen: set[tuple[int, int]] = set()
    for path, problem, within in discover(folders):
        try:
            if problem is not None:
                raise problem
            origin = identity(path)  # None: read_bytes says what is wrong with it
            if origin is not None:
                if origin in seen:
                    continue
                seen.add(origin)
            case = case_reader.loads(read_bytes(path, max_bytes=max_bytes, within=within), asked, path)
        except ZgError as error:
            yield error
            continue
        case.origin = origin
        yield case
