"""Writing files the user keeps: atomically, readable by the owner only, never over an existing file unasked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from zgrongcuo.errors import ZgError

PRIVATE = 0o600  # case files hold personal data


def write_new(path: str | Path, data: str | bytes, *, force: bool = False, mode: int = PRIVATE) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Refuses (``ZgError("file_exists")``) when ``path`` exists, unless ``force``.
    A reader never sees a half-written file, and a crash leaves the old file whole.
    """
    target = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if target.is_dir():
        raise ZgError("is_a_directory", file=str(target))
    if target.exists() and not force:
        raise ZgError("file_exists", file=str(target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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
                if target.exists():
                    raise ZgError("file_exists", file=str(target)) from None
                os.replace(tmp, target)
    except OSError as exc:
        raise ZgError("write_error", file=str(target), detail=exc.strerror or str(exc)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def free_name(path: str | Path, tag: str) -> Path:
    """A path beside ``path`` that does not exist yet: ``name.TAG.yaml``, then ``name.TAG-2.yaml``…"""
    target = Path(path)
    stem, suffix = target.stem, target.suffix or ".yaml"
    candidate = target.with_name(f"{stem}.{tag}{suffix}")
    n = 2
    while candidate.exists():
        candidate = target.with_name(f"{stem}.{tag}-{n}{suffix}")
        n += 1
    return candidate
