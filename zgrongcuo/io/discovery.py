"""Finding case files: arguments in order, folders walked in sorted order, hidden entries skipped.

What a folder walk follows (docs/security.md): a symbolic link in a folder is
followed only when it leads to a file or folder inside the folder given on the
command line; one that leads out of it is reported, not read. An entry that
cannot be listed or looked at is reported too, never skipped in silence. An
argument itself is taken as given, link or not: that is the user's choice.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from typing import TYPE_CHECKING

from zgrongcuo.errors import CaseError
from zgrongcuo.io.files import seen

if TYPE_CHECKING:
    from zgrongcuo.io.files import Listed

CASE_SUFFIXES = (".yaml", ".yml", ".json")
# A register kept in a workbook: read row by row when named as an argument, never found in a folder, where
# a register this tool wrote or any other spreadsheet may lie beside the case files (docs/case-files.md).
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Spreadsheets in formats that are not read: named as an argument, each gets a message that says what to do.
OTHER_SPREADSHEETS = (".xls", ".et", ".ods", ".xlsb", ".csv")


def is_workbook(path: str) -> bool:
    return path.lower().endswith(WORKBOOK_SUFFIXES)


# A found entry: the path, the error to report instead of reading it, and where it must lie when it is read
# (None for an argument): the real path of the walk's root, with the file the listing showed where it showed
# a regular file (files.Listed).
Found = tuple[str, "CaseError | None", "str | Listed | None"]


def discover(paths: list[str], suffixes: tuple[str, ...] = CASE_SUFFIXES) -> Iterator[Found]:
    """Expand arguments into case files in order: folders walked in sorted order, hidden entries skipped.

    Entries come one at a time, so a batch of any size keeps no list of its files.
    ``suffixes``: the files a walk reads (written accounts, for ``suggest``).
    """
    for arg in paths:
        if arg == "-" or not os.path.isdir(arg):
            yield arg, None, None
            continue
        found = False
        for entry in _walk(arg, suffixes):
            found = True
            yield entry
        if not found:
            why = _nothing_in(arg) if suffixes == CASE_SUFFIXES else "no_cases_in_folder"
            yield arg, CaseError(why, file=arg, suffixes=", ".join(suffixes)), None


def _nothing_in(folder: str) -> str:
    """Why a folder gave no case: it holds none, or only registers, which are read when named (docs/case-files.md)."""
    try:
        with os.scandir(folder) as listing:
            registers = any(is_workbook(e.name) and not e.name.startswith(".") for e in listing)
    except OSError:
        registers = False
    return "no_cases_in_folder_but_workbooks" if registers else "no_cases_in_folder"


def _is_case(name: str, suffixes: tuple[str, ...] = CASE_SUFFIXES) -> bool:
    return os.path.splitext(name)[1].lower() in suffixes


def _walk(top: str, suffixes: tuple[str, ...] = CASE_SUFFIXES) -> Iterator[Found]:
    # A stack of listings rather than recursion: a folder may nest as deep as paths allow.
    within = os.path.realpath(top)
    walked = {within}  # folders walked, by real path: a link back up is not walked again
    stack = [_listing(top, within, within, suffixes)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path, problem, found = entry
        if not isinstance(found, str) or problem is not None:  # a file (seen by the listing, if regular), or a problem
            yield path, problem, (within, found) if isinstance(found, int) else within
        elif found not in walked:
            walked.add(found)
            stack.append(_listing(path, found, within, suffixes))


def _listing(
    folder: str, real_folder: str, within: str, suffixes: tuple[str, ...] = CASE_SUFFIXES
) -> Iterator[tuple[str, CaseError | None, str | int | None]]:
    """A folder's entries to consider, in sorted order, each looked at when it is reached.

    Each: (path, problem, the real path of a folder to walk, or for a regular file that is no link which
    file the listing saw, ``files.seen``; else None). Only the names are read and kept before the first
    comes: the first cases of a large folder are being checked while the rest are looked at, and a folder
    of 10,000 files costs 10,000 short strings, not 10,000 directory entries.
    """
    try:
        # scandir knows each entry's type from the listing: no stat per name to choose what to keep.
        with os.scandir(folder) as listing:
            keys = sorted(key for key in map(_sort_key, listing) if key.endswith("/") or _is_case(key, suffixes))
    except OSError as exc:
        yield folder, _unreadable(folder, exc, "folder_unreadable"), None
        return
    for key in keys:
        name = key[:-1] if key.endswith("/") else key  # a name never holds a "/"
        path = os.path.join(folder, name)
        identity: int | None = None
        try:
            # One lstat: what the entry is now, and for a regular file which file it is.
            status = os.lstat(path)
            if stat.S_ISLNK(status.st_mode):
                is_folder = os.path.isdir(path)  # where it leads
                if not (is_folder or _is_case(name, suffixes)):
                    continue
                real = os.path.realpath(path)
                if os.path.commonpath([real, within]) != within:
                    yield path, CaseError("link_outside", file=path, folder=within), None
                    continue
            else:
                # Not a link: its real path is its folder's and its name (no realpath, which
                # looks at every folder above it, at each level of a deep tree).
                real = os.path.join(real_folder, name)
                is_folder = stat.S_ISDIR(status.st_mode)
                if not (is_folder or _is_case(name, suffixes)):
                    continue
                if stat.S_ISREG(status.st_mode):
                    identity = seen(status)
        except OSError as exc:
            yield path, _unreadable(path, exc, "permission_denied"), None
            continue
        # Anything else with a case file's name is read, and refused there if it is not a regular file.
        yield path, None, real if is_folder else identity


def _sort_key(entry: os.DirEntry[str]) -> str:
    """An entry's name, with a trailing "/" for a folder (as the walk always sorted); "" for a hidden one."""
    if entry.name.startswith("."):
        return ""
    try:
        return entry.name + "/" if entry.is_dir() else entry.name
    except OSError:
        return entry.name


def _unreadable(path: str, exc: OSError, denied: str) -> CaseError:
    if isinstance(exc, PermissionError):
        return CaseError(denied, file=path)
    return CaseError("read_error", file=path, detail=exc.strerror or str(exc))
