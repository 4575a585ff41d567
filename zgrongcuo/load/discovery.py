"""Finding case files: arguments in order, folders recursed in sorted order, hidden entries skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator

from zgrongcuo.errors import CaseError

CASE_SUFFIXES = (".yaml", ".yml", ".json")


def discover(paths: list[str]) -> Iterator[tuple[str, CaseError | None]]:
    """Expand arguments into case files in order: folders recurse in sorted order, hidden entries skipped.

    Each entry is a path and, for an argument that yields nothing usable, the
    error to report.  Entries come one at a time, so a batch of any size keeps
    no list of its files.
    """
    for arg in paths:
        if arg == "-" or not os.path.isdir(arg):
            yield arg, None
            continue
        found = False
        for path in _walk(arg, set()):
            found = True
            yield path, None
        if not found:
            yield arg, CaseError("no_cases_in_folder", file=arg, suffixes=", ".join(CASE_SUFFIXES))


def _walk(folder: str, seen: set[str]) -> Iterator[str]:
    real = os.path.realpath(folder)
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        # scandir knows each entry's type from the listing: no stat per file. Only the
        # names are kept to sort (a folder's subfolders marked with a trailing "/").
        with os.scandir(folder) as listing:
            names = sorted(
                entry.name + "/" if entry.is_dir() else entry.name
                for entry in listing
                if not entry.name.startswith(".")
                and (entry.is_dir() or (os.path.splitext(entry.name)[1].lower() in CASE_SUFFIXES and entry.is_file()))
            )
    except OSError:
        return
    for name in names:
        if name.endswith("/"):
            yield from _walk(os.path.join(folder, name[:-1]), seen)
        else:
            yield os.path.join(folder, name)
