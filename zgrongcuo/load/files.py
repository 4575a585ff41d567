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


def unused(path: str | os.PathLike[str]) -> str:
    """``path`` if nothing is there, else ``name-2.yaml``, ``name-3.yaml``…: a new file never replaces one."""
    target = os.fspath(path)
    stem, suffix = os.path.splitext(target)
    n = 2
    while os.path.lexists(target):
        target = f"{stem}-{n}{suffix}"
        n += 1
    return target


# What a file name made from a text may not hold: path separators, characters Windows refuses, control
# characters and blanks (shells and mail clients mangle them).
_NOT_IN_NAMES = frozenset('/\\:*?"<>|') | frozenset(map(chr, range(0x20))) | {"\x7f"}
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))})
NAME_LIMIT = 80  # characters of a text kept in a file name


def safe_stem(text: str) -> str:
    """A file name (without suffix) made from ``text``, e.g. a case id; empty if nothing of it is usable."""
    chars = ["-" if ch in _NOT_IN_NAMES or ch.isspace() else ch for ch in text.strip()]
    stem = "-".join(part for part in "".join(chars).split("-") if part)  # no runs of dashes
    stem = stem[:NAME_LIMIT].strip(". -")  # no hidden files, no names Windows trims
    if stem.lower().split(".")[0] in _RESERVED:
        stem = "case-" + stem
    return stem


def unwritable(path: str | os.PathLike[str], *, replace: bool = False) -> tuple[str, str | None] | None:
    """Why ``write_new(path, ..., force=replace)`` would fail, found before anything is written; None if it would not.

    The reason is ``is_a_directory``, ``dangling_link``, ``file_exists``,
    ``folder_is_file`` or ``write_error`` with the system's words: the folder
    is tried with a real temporary file, which answers for read-only file
    systems and access lists alike.
    """
    target = os.fspath(path)
    if os.path.isdir(target):
        return "is_a_directory", None
    if os.path.islink(target) and not os.path.exists(target):
        return "dangling_link", None
    if os.path.lexists(target) and not replace:
        return "file_exists", None
    folder = os.path.dirname(os.path.abspath(target))
    while not os.path.lexists(folder):  # write_new makes the missing folders: try the first that exists
        folder = os.path.dirname(folder)
    if not os.path.isdir(folder):
        return "folder_is_file", folder
    import tempfile

    try:
        fd, probe = tempfile.mkstemp(prefix=".zgrongcuo-probe.", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return "write_error", exc.strerror or str(exc)
    return None
