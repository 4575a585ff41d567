"""The file system boundary: reading with a size limit; writing atomically, privately, never over a file unasked."""

from __future__ import annotations

import os
import sys
from typing import BinaryIO

from zgrongcuo.errors import CaseError, ZgError

PRIVATE = 0o600  # case files hold personal data
MAX_BYTES = 1 << 20  # a case file is a page of answers; anything larger is a mistake


def read_bytes(path: str, *, max_bytes: int = MAX_BYTES, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of a case file, or of standard input for ``-``; refuses what is too big."""
    try:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
        else:
            with open(path, "rb") as f:
                size = os.fstat(f.fileno()).st_size
                if size > max_bytes:  # refused before a byte of it is read
                    raise CaseError("too_large", file=path, size=size, limit=max_bytes)
                # Read what the size says (a 1 MiB read buffer per file would cost more than the
                # parse), and whatever a growing or special file adds, up to the limit.
                data = f.read(size + 1)
                if len(data) > size:
                    data += f.read(max_bytes + 1 - len(data))
    except FileNotFoundError:
        raise CaseError("not_found", file=path) from None
    except IsADirectoryError:
        raise CaseError("is_a_directory", file=path) from None
    except PermissionError:
        raise CaseError("permission_denied", file=path) from None
    except OSError as exc:
        raise CaseError("read_error", file=path, detail=exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise CaseError("too_large", file=path, size=len(data), limit=max_bytes)
    return data


def write_new(path: str | os.PathLike[str], data: str | bytes, *, force: bool = False, mode: int = PRIVATE) -> str:
    """Write ``data`` to ``path`` through a temporary file and a rename; the path written.

    Refuses (``ZgError("file_exists")``) when ``path`` exists, unless ``force``.
    A reader never sees a half-written file, and a crash leaves the old file whole.
    """
    target = os.fspath(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if os.path.isdir(target):
        raise ZgError("is_a_directory", file=target)
    if os.path.lexists(target) and not force:
        raise ZgError("file_exists", file=target)
    import tempfile  # only where something is written: every check reads, few write

    folder = os.path.dirname(target) or "."
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ZgError("write_error", file=str(target), detail=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        if force:
            os.replace(tmp, target)
        else:
            # link() fails if the target appeared meanwhile: no race overwrites it.
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise ZgError("file_exists", file=str(target)) from None
            except OSError:  # file systems without hard links
                if os.path.lexists(target):
                    raise ZgError("file_exists", file=str(target)) from None
                os.replace(tmp, target)
    except OSError as exc:
        raise ZgError("write_error", file=str(target), detail=exc.strerror or str(exc)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def free_name(path: str | os.PathLike[str], tag: str) -> str:
    """A path beside ``path`` that does not exist yet: ``name.TAG.yaml``, then ``name.TAG-2.yaml``…"""
    stem, suffix = os.path.splitext(os.fspath(path))
    suffix = suffix or ".yaml"
    candidate = f"{stem}.{tag}{suffix}"
    n = 2
    while os.path.lexists(candidate):
        candidate = f"{stem}.{tag}-{n}{suffix}"
        n += 1
    return candidate
