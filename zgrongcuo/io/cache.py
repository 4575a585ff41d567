"""A per-user cache of parsed criteria files, so that a process checking one case does not parse the measure again.

What is kept is the parsed document — the nodes with their lines and
columns, as JSON — never compiled objects: the criteria builder runs again
on every load, so an entry can at worst describe a measure that still passes
every check, and nothing in an entry can run code.  Entries are keyed by the
SHA-256 of the file's bytes.

The cache is an optimisation only.  It is used only where it is private:
its folder and every entry must belong to the user running the tool and be
closed to everyone else (folders 0700, files 0600, made so whatever the
umask); anything else — another owner, wider permissions, a link, a damaged
entry — is passed over, never an error.  Entries are written to a temporary
file created exclusively in the cache folder (no link followed) and renamed
into place.  ``ZGRONGCUO_CACHE_DIR`` moves the cache; ``ZGRONGCUO_NO_CACHE=1``
turns it off.  Where the system cannot say who owns a file (Windows), there
is no cache.
"""

from __future__ import annotations

import os
import stat

from zgrongcuo.io.document import MAX_DEPTH, MAX_NODES, Mapping, Node, Scalar, Sequence
from zgrongcuo.io.files import make_private_folders, read_up_to

FORMAT = 1  # of an entry: bump when the nodes or their encoding change
MAX_ENTRY = 64 << 20  # bytes; an entry is about the size of the file it stands for
MAX_ENTRIES = 32  # entries kept, the newest
_PRIVATE_FILE = 0o600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    import importlib

    # The built-in module starts faster than hashlib's OpenSSL binding (3.11: _sha256, 3.12+: _sha2).
    for name in ("_sha256", "_sha2", "hashlib"):
        try:
            digest: str = importlib.import_module(name).sha256(data).hexdigest()
            return digest
        except ImportError:
            continue
    raise AssertionError("hashlib always has sha256")  # pragma: no cover


def folder() -> str | None:
    """Where the cache is, or None when it is off."""
    if os.environ.get("ZGRONGCUO_NO_CACHE") or not hasattr(os, "geteuid") or not _NOFOLLOW:
        return None
    if os.environ.get("ZGRONGCUO_CACHE_DIR"):
        return os.environ["ZGRONGCUO_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "zgrongcuo")


def _name(sha: str, syntax: str) -> str:
    return f"nodes{FORMAT}-{syntax}-{sha}.json"


def _private(status: os.stat_result, kind: int) -> bool:
    """Owned by this user, of the kind expected, and closed to group and others."""
    return stat.S_IFMT(status.st_mode) == kind and status.st_uid == os.geteuid() and not status.st_mode & 0o077


def _open_folder(create: bool) -> int | None:
    """A descriptor of the cache folder if it is private (made so when ``create``), else None.

    The folder itself must be the user's own and not a link, and the folder
    holding it must be the user's or root's and closed to others (or sticky,
    as /tmp is): no one else can then put a link or another folder in its
    place.  So root running with another user's HOME (as sudo leaves it)
    never follows that user's link into a folder of root's.
    """
    path = folder()
    if path is None:
        return None
    parent, name = os.path.split(os.path.abspath(path))
    try:
        holder = os.open(parent, os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC)
    except FileNotFoundError:
        if not create:
            return None
        try:
            make_private_folders(parent, only_in_own=True)
            holder = os.open(parent, os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC)
        except OSError:
            return None
    except OSError:
        return None
    try:
        if not _safe_holder(os.fstat(holder)):
            return None
        try:
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=holder)
        except FileNotFoundError:
            if not create:
                return None
            try:
                os.mkdir(name, 0o700, dir_fd=holder)
            except FileExistsError:
                pass  # made meanwhile: whoever made it, it is checked below
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=holder)
            status = os.fstat(fd)
            if status.st_uid == os.geteuid():
                os.fchmod(fd, 0o700)  # whatever the umask
    except OSError:  # a link (ELOOP), not a folder (ENOTDIR), not allowed in
        return None
    finally:
        os.close(holder)
    if _private(os.fstat(fd), stat.S_IFDIR):
        return fd
    os.close(fd)
    return None


def _safe_holder(status: os.stat_result) -> bool:
    """Whether no one but the user (and root) can replace what is in the folder with this status."""
    if status.st_uid not in (os.geteuid(), 0):
        return False
    return not status.st_mode & 0o022 or bool(status.st_mode & stat.S_ISVTX)


def get(sha: str, syntax: str) -> Node | None:
    """The parsed document stored for a file of this ``sha`` read as ``syntax`` ("yaml"/"json"), or None.

    Anything that is not a usable entry — a folder, a link, a pipe, another
    user's file, a damaged or unreadable one — is a miss, never an error.
    """
    base = _open_folder(create=False)
    if base is None:
        return None
    try:
        fd = os.open(_name(sha, syntax), os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK | _CLOEXEC, dir_fd=base)
    except OSError:
        return None
    finally:
        os.close(base)
    try:
        status = os.fstat(fd)
        if not _private(status, stat.S_IFREG) or status.st_size > MAX_ENTRY:
            return None
        data = read_up_to(lambda n: os.read(fd, n), MAX_ENTRY + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    import json

    try:
        return _node(json.loads(data), 0)
    except (ValueError, TypeError, IndexError, RecursionError):
        return None  # damaged, or not an entry of this format: a miss


def put(sha: str, syntax: str, root: Node | None) -> None:
    """Store the parsed document of a file of this ``sha``, if the cache folder is there to be written."""
    if root is None:
        return
    base = _open_folder(create=True)
    if base is None:
        return
    import json

    name = _name(sha, syntax)
    temporary = f".{name}.{os.urandom(6).hex()}.tmp"
    try:
        data = json.dumps(_encode(root, [MAX_NODES]), ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, _PRIVATE_FILE, dir_fd=base)
        try:
            os.fchmod(fd, _PRIVATE_FILE)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(temporary, name, src_dir_fd=base, dst_dir_fd=base)
        _prune(base, keep=name)
    except (OSError, ValueError, RecursionError):  # the cache is an optimisation only
        try:
            os.unlink(temporary, dir_fd=base)
        except OSError:
            pass
    finally:
        os.close(base)


def _prune(base: int, keep: str) -> None:
    """Remove the oldest entries beyond ``MAX_ENTRIES``: each edit of a criteria file leaves one."""
    entries = []
    for entry in os.listdir(base):
        if entry.startswith("nodes") and entry.endswith(".json") and entry != keep:
            try:
                entries.append((os.stat(entry, dir_fd=base, follow_symlinks=False).st_mtime_ns, entry))
            except OSError:
                continue
    for _, entry in sorted(entries)[: max(0, len(entries) + 1 - MAX_ENTRIES)]:
        try:
            os.unlink(entry, dir_fd=base)
        except OSError:
            pass


# A node as JSON: a scalar is [line, column, text, plain (0/1)], a mapping
# [line, column, [key, value, key, value, ...]], a list [line, column, [items], 0].


def _encode(node: Node, budget: list[int]) -> list[object]:
    # Aliases share nodes that JSON would copy: past the document's node limit, nothing is stored.
    budget[0] -= 1
    if budget[0] < 0:
        raise ValueError("too many nodes once aliases are copied")
    if type(node) is Scalar:
        return [node.line, node.column, node.value, 1 if node.plain else 0]
    if type(node) is Mapping:
        return [node.line, node.column, [_encode(part, budget) for pair in node.items for part in pair]]
    assert type(node) is Sequence
    return [node.line, node.column, [_encode(item, budget) for item in node.items], 0]


def _node(entry: object, depth: int) -> Node:
    """The node an entry holds; ValueError for anything that is not one (nesting bounded as in a document)."""
    if type(entry) is not list or not 3 <= len(entry) <= 4 or depth > MAX_DEPTH + 1:
        raise ValueError("not a node")
    line, column, body = entry[0], entry[1], entry[2]
    if type(line) is not int or type(column) is not int or line < 1 or column < 1:
        raise ValueError("not a position")
    if type(body) is str:
        if len(entry) != 4 or entry[3] not in (0, 1):
            raise ValueError("not a scalar")
        return Scalar(line, column, body, entry[3] == 1)
    if type(body) is not list:
        raise ValueError("not a node")
    if len(entry) == 3:
        if len(body) % 2:
            raise ValueError("not a mapping")
        items = []
        for i in range(0, len(body), 2):
            key = _node(body[i], depth + 1)
            if type(key) is not Scalar:
                raise ValueError("not a key")
            items.append((key, _node(body[i + 1], depth + 1)))
        return Mapping(line, column, items)
    return Sequence(line, column, [_node(item, depth + 1) for item in body])

