"""Finding case files: arguments in order, folders walked in sorted order, hidden entries skipped.

What a folder walk follows (docs/security.md): a symbolic link in a folder is
followed only when it leads to a file or folder inside the folder given on the
command line; one that leads out of it is reported, not read. An entry that
cannot be listed or looked at is reported too, never skipped in silence. An
argument itself is taken as given, link or not: that is the user's choice.
"""

from __future__ import annotations

import os
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
    stack = [iter(_listing(top, within, within, suffixes))]
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
            stack.append(iter(_listing(path, found, within, suffixes)))


def _listing(
    folder: str, real_folder: str, within: str, suffixes: tuple[str, ...] = CASE_SUFFIXES
) -> list[tuple[str, CaseError | None, str | int | None]]:
    """A folder's entries to consider, in sorted order.

    Each: (path, problem, the real path of a folder to walk, or for a regular file that is no link which
    file the listing saw, ``files.seen``; else None).
    """
    try:
        # scandir knows each entry's type (and inode) from the listing: no stat per file.
        with os.scandir(folder) as listing:
            entries = sorted((e for e in listing if not e.name.startswith(".")), key=_sort_key)
    except OSError as exc:
        return [(folder, _unreadable(folder, exc, "folder_unreadable"), None)]
    out: list[tuple[str, CaseError | None, str | int | None]] = []
    for entry in entries:
        identity: int | None = None
        try:
            if entry.is_symlink():
                is_folder = entry.is_dir()  # where it leads
                if not (is_folder or _is_case(entry.name, suffixes)):
                    continue
                real = os.path.realpath(entry.path)
                if os.path.commonpath([real, within]) != within:
                    out.append((entry.path, CaseError("link_outside", file=entry.path, folder=within), None))
                    continue
            else:
                # Not a link: its real path is its folder's and its name (no realpath, which
                # looks at every folder above it, at each level of a deep tree).
                real = os.path.join(real_folder, entry.name)
                is_folder = entry.is_dir(follow_symlinks=False)
                if not (is_folder or _is_case(entry.name, suffixes)):
                    continue
                if entry.is_file(follow_symlinks=False):
                    # One lstat, cheaper than finding where it leads when it is read; not entry.stat(), which
                    # would keep the whole result with each entry of a listing of any size.
                    identity = seen(os.lstat(entry.path))
        except OSError as exc:
            out.append((entry.path, _unreadable(entry.path, exc, "permission_denied"), None))
            continue
        # Anything else with a case file's name is read, and refused there if it is not a regular file.
        out.append((entry.path, None, real if is_folder else identity))
    return out


def _sort_key(entry: os.DirEntry[str]) -> str:
    # As the walk always had it: a folder sorts as its name with a trailing "/".
    try:
        return entry.name + "/" if entry.is_dir() else entry.name
    except OSError:
        return entry.name


def _unreadable(path: str, exc: OSError, denied: str) -> CaseError:
    if isinstance(exc, PermissionError):
        return CaseError(denied, file=path)
    return CaseError("read_error", file=path, detail=exc.strerror or str(exc))
