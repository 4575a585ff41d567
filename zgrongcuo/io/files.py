"""The file system boundary: reading with a size limit; writing atomically, privately, never over a file unasked."""

from __future__ import annotations

import io
import os
import stat
import sys
from typing import IO

from zgrongcuo.errors import CaseError, CriteriaError, ZgError

PRIVATE = 0o600  # case files hold personal data
MAX_BYTES = 1 << 20  # a case file is a page of answers; anything larger is a mistake
MAX_BYTES_LIMIT = 1 << 30  # --max-bytes is clamped to this: a case file is read whole into memory
MAX_CRITERIA_BYTES = 16 << 20  # a measure of thousands of facts fits many times over


# A file a folder walk found: the real path of the walk's root, and which file the walk saw (``seen``).
Listed = tuple[str, int]


def seen(status: os.stat_result) -> int:
    """Which file ``status`` describes, as one number: its device, its inode, and when that inode last changed.

    An inode number freed by a deletion can be given to a file made elsewhere, never with the same change time.
    One number rather than three, for it is kept for every file of a folder listing.
    """
    return (status.st_dev << 128) | (status.st_ino << 64) | (status.st_ctime_ns & ((1 << 64) - 1))


def read_bytes(
    path: str,
    *,
    max_bytes: int = MAX_BYTES,
    stdin: IO[bytes] | None = None,
    error: type[ZgError] = CaseError,
    within: str | Listed | None = None,
) -> bytes:
    """The bytes of a file, or of standard input for ``-``; refuses what is too big or not a regular file.

    ``error`` is the kind of error raised (a case file's or a criteria file's).
    ``within``: the real path of a folder the file must lie in (a folder walk's
    root); a file that turns out to be elsewhere by the time it is opened is
    refused.  With which file the walk saw there (``Listed``: its device, inode
    and change time), the file opened is known to be that one when they match,
    and looked at no further.
    """
    not_found, too_large = _MESSAGES.get(error, ("not_found", "too_large"))
    try:
        if path == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:  # started with standard input closed
                raise error("stdin_closed", file=path)
            data = read_up_to(stream.read, max_bytes + 1)
        else:
            data = _read_file(path, max_bytes, error, too_large, within)
    except ZgError:
        raise
    except FileNotFoundError:
        raise error(not_found, file=path) from None
    except IsADirectoryError:
        raise error("is_a_directory", file=path) from None
    except PermissionError:
        raise error("permission_denied", file=path) from None
    except OSError as exc:
        raise error("read_error", file=path, detail=exc.strerror or str(exc)) from None
    except ValueError:  # a stream closed under us
        raise error("read_error", file=path, detail="closed") from None
    if len(data) > max_bytes:
        raise error(too_large, file=path, size=len(data), limit=max_bytes)
    return data


def identity(path: str) -> tuple[int, int] | None:
    """Which file ``path`` is, however it is named (device and inode); None for standard input or a file gone."""
    if path == "-":
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


# Message ids for a file that is missing or too large, by the kind of file.
_MESSAGES: dict[type[ZgError], tuple[str, str]] = {CriteriaError: ("criteria_not_found", "criteria_too_large")}
_CHUNK = 1 << 16


def _read_file(
    path: str, max_bytes: int, error: type[ZgError], too_large: str, within: str | Listed | None
) -> bytes:
    folder, listed = (within, None) if within is None or isinstance(within, str) else within
    if listed is None:
        # Looked at before it is opened: a FIFO or a device would block or never end. (A file the walk's
        # listing showed as a regular file is not looked at twice.) Opened without blocking as well, in
        # case the name was swapped for one meanwhile: then fstat refuses it.
        kind = _special_kind(os.stat(path).st_mode)
        if kind is not None:
            raise error("not_regular_file", file=path, kind=kind)
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC)
    with os.fdopen(fd, "rb", buffering=0) as f:
        status = os.fstat(fd)
        kind = _special_kind(status.st_mode)
        if kind is not None:
            raise error("not_regular_file", file=path, kind=kind)
        # The very file the listing showed lies where it was found; any other is looked for.
        if folder is not None and seen(status) != listed and not _lies_within(path, fd, status, folder):
            raise error("link_outside", file=path, folder=folder)
        size = status.st_size
        if size > max_bytes:  # refused before a byte of it is read
            raise error(too_large, file=path, size=size, limit=max_bytes)
        # Read what the size says (a 1 MiB read buffer per file would cost more than the
        # parse), and whatever a growing file adds, up to the limit.
        data = f.read(size + 1) or b""
        if len(data) > size:
            data += read_up_to(f.read, max_bytes + 1 - len(data))
        return data


def read_up_to(read, limit: int) -> bytes:
    """At most ``limit`` bytes from ``read``, in pieces: a large limit allocates nothing up front."""
    parts: list[bytes] = []
    left = limit
    while left > 0:
        part = read(min(left, _CHUNK))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _special_kind(mode: int) -> str | None:
    """What a file is when it is not a regular file (a folder: IsADirectoryError); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        raise IsADirectoryError
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def _lies_within(path: str, fd: int, status: os.stat_result, folder: str) -> bool:
    """Whether the file opened as ``path`` (descriptor ``fd``) lies inside ``folder``, a real path."""
    real = _opened_path(fd)
    if real is None:  # where the path leads now, if that is the file opened
        real = os.path.realpath(path)
        try:
            now = os.stat(real)
        except OSError:
            return False
        if (now.st_dev, now.st_ino) != (status.st_dev, status.st_ino):
            return False
    return real.startswith(folder.rstrip(os.sep) + os.sep)


def _opened_path(fd: int) -> str | None:
    """Where the file open as ``fd`` is, as Linux says it: one call, and no race; None elsewhere."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return None


def names_folder(path: str) -> bool:
    """Whether ``path`` is written as a folder: it ends with a separator (``意见稿/``)."""
    return path.endswith(os.sep) or (os.altsep is not None and path.endswith(os.altsep))


def write_new(path: str | os.PathLike[str], data: str | bytes, *, force: bool = False, mode: int = PRIVATE) -> str:
    """Write ``data`` to ``path`` through a temporary file and a rename; the path written.

    Refuses (``ZgError("file_exists")``) when ``path`` exists, unless ``force``;
    never replaces anything but a regular file (see :func:`check_replaceable`).
    A reader never sees a half-written file, and a crash leaves the old file whole.
    Folders it makes are private (0700).
    """
    if isinstance(data, str):
        # Text is UTF-8; a lone surrogate (an undecodable byte of a file name) is written as its escape.
        data = data.encode("utf-8", "backslashreplace")
    pending = PendingFile(path, force=force, mode=mode)
    try:
        pending.buffer.write(data)
    except BaseException:
        pending.discard()
        raise
    return pending.commit()


class PendingFile:
    """A file written as its content comes, into a temporary file beside it, and put in place only when complete.

    What is refused is refused when it is made, before anything is written:
    a path that names a folder, or something :func:`check_replaceable` would
    not replace.  ``commit`` puts the file in place (never over a file that
    appeared meanwhile, unless ``force``); ``discard`` removes it, and the
    folders made for it if they are still empty.  A pending file dropped
    without either (an interruption, an error) is discarded when the process ends.
    """

    def __init__(self, path: str | os.PathLike[str], *, force: bool = False, mode: int = PRIVATE) -> None:
        import tempfile  # only where something is written: every check reads, few write
        import weakref

        self.target = target = os.fspath(path)
        self.force, self.mode = force, mode
        if names_folder(target):
            raise ZgError("output_names_folder", file=target)
        check_replaceable(target, force=force)
        folder = os.path.dirname(target) or "."
        try:
            self.made = make_private_folders(folder)
        except OSError as exc:
            raise ZgError("write_error", file=target, detail=exc.strerror or str(exc)) from None
        try:
            fd, self.temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            _remove_made(self.made)
            raise ZgError("write_error", file=target, detail=exc.strerror or str(exc)) from None
        self.raw = _Guarded(fd, target)
        self.buffer = io.BufferedWriter(self.raw)
        self.stream: io.TextIOWrapper | None = None
        self._streams = [self.buffer, self.raw]  # closed in this order, whatever happens
        self._cleanup = weakref.finalize(self, _discard, self._streams, self.temporary, self.made)

    def text(self) -> io.TextIOWrapper:
        """The file as a text stream: UTF-8, lines as written, a lone surrogate written as its escape."""
        if self.stream is None:
            self.stream = io.TextIOWrapper(self.buffer, encoding="utf-8", errors="backslashreplace", newline="")
            self._streams.insert(0, self.stream)
        return self.stream

    def size(self) -> int:
        """Bytes written so far (after a flush of the stream over it)."""
        return os.fstat(self.raw.fileno()).st_size

    def commit(self) -> str:
        """Put the file in place; the path written."""
        target, temporary = self.target, self.temporary
        try:
            for stream in self._streams:
                stream.flush()
            os.fsync(self.raw.fileno())
            os.fchmod(self.raw.fileno(), self.mode)
            _close(self._streams)
            if self.force:
                check_replaceable(target, force=True)  # once more, as late as can be
                os.replace(temporary, target)
            else:
                # link() fails if the target appeared meanwhile: no race overwrites it.
                try:
                    os.link(temporary, target)
                except FileExistsError:
                    raise ZgError("file_exists", file=target) from None
                except OSError:  # file systems without hard links
                    if os.path.lexists(target):
                        raise ZgError("file_exists", file=target) from None
                    os.replace(temporary, target)
        except OSError as exc:
            self.discard()
            raise ZgError("write_error", file=target, detail=exc.strerror or str(exc)) from None
        except ZgError:
            self.discard()
            raise
        self.made.clear()  # in place: the folders made hold it now
        self._cleanup()  # the temporary name: a hard link to the file now in place, or gone
        return target

    def discard(self) -> None:
        """Remove what was written, and the folders made for it that are still empty."""
        self._cleanup()


class _Guarded(io.FileIO):
    """The temporary file: a failure to write (a full disk) is the user's error about their path, not a crash."""

    def __init__(self, fd: int, target: str) -> None:
        super().__init__(fd, "wb")
        self.target = target

    def write(self, data) -> int:
        try:
            return super().write(data)
        except OSError as exc:
            raise ZgError("write_error", file=self.target, detail=exc.strerror or str(exc)) from None


def _close(streams: list[io.IOBase]) -> None:
    for stream in streams:
        try:
            stream.close()
        except (OSError, ValueError, ZgError):  # a buffer that cannot be flushed any more is dropped
            pass


def _discard(streams: list[io.IOBase], temporary: str, made: list[str]) -> None:
    _close(streams)
    try:
        os.unlink(temporary)
    except OSError:
        pass
    _remove_made(made)


def _remove_made(made: list[str]) -> None:
    for folder in reversed(made):  # the deepest first; a folder something else was put in stays
        try:
            os.rmdir(folder)
        except OSError:
            break


def check_replaceable(path: str, *, force: bool) -> None:
    """Refuse to write at ``path`` unless it is free, or a regular file and ``force``.

    A folder, a link (wherever it points), a device, a FIFO or a socket is never
    replaced: ``-o /dev/full --force`` must not swap a device node for a file.
    """
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ZgError("write_error", file=path, detail=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(status.st_mode):
        raise ZgError("is_a_directory", file=path)
    if stat.S_ISLNK(status.st_mode):
        raise ZgError("output_is_link", file=path)
    if not stat.S_ISREG(status.st_mode):
        raise ZgError("output_not_regular", file=path, kind=_special_kind(status.st_mode))
    if not force:
        raise ZgError("file_exists", file=path)


def make_private_folders(folder: str, *, only_in_own: bool = False) -> list[str]:
    """Make ``folder`` and any missing folders above it, each 0700 whatever the umask; the folders made, outermost first.

    ``only_in_own``: only inside a folder of the user's own — root running with
    another user's HOME (sudo keeps it) must not leave a folder of root's there.
    """
    missing = []
    while folder and not os.path.lexists(folder):
        missing.append(folder)
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    if only_in_own and missing and os.lstat(folder).st_uid != os.geteuid():
        raise PermissionError(folder)
    made = []
    for path in reversed(missing):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue  # made meanwhile: whoever made it, it is checked when it is used
        made.append(path)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0))
        try:
            os.fchmod(fd, 0o700)
        finally:
            os.close(fd)
    return made


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


def unwritable(path: str | os.PathLike[str], *, replace: bool = False) -> tuple[str, str | None] | None:
    """Why ``write_new(path, ..., force=replace)`` would fail, found before anything is written; None if it would not.

    The reason is ``names_folder``, ``is_a_directory``, ``dangling_link``,
    ``is_link``, ``not_regular`` (with the kind), ``file_exists``,
    ``folder_is_file`` or ``write_error`` with the system's words: the folder
    is tried with a real temporary file, which answers for read-only file
    systems and access lists alike.  What ``--force`` may not replace (a link,
    a pipe, a device) is a reason whatever ``replace`` says.
    """
    target = os.fspath(path)
    if names_folder(target):
        return "names_folder", None
    try:
        status: os.stat_result | None = os.lstat(target)
    except OSError:
        status = None
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            return "is_a_directory", None
        if stat.S_ISLNK(status.st_mode):
            return ("is_link", None) if os.path.exists(target) else ("dangling_link", None)
        if not stat.S_ISREG(status.st_mode):
            return "not_regular", _special_kind(status.st_mode)
        if not replace:
            return "file_exists", None
    return unwritable_folder(os.path.dirname(os.path.abspath(target)))


def unwritable_folder(folder: str) -> tuple[str, str | None] | None:
    """Why files could not be written into ``folder`` (made if missing), found before anything is written; None if they could."""
    folder = os.path.abspath(folder)
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
