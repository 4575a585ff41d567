"""A per-user cache of compiled criteria, so that a process checking one case does not re-check the measure.

Entries are keyed by the SHA-256 of the criteria file's bytes and by the
program's own code, so an edited criteria file or an upgraded program never
meets a stale entry.  The cache is an optimisation only: any failure to read
or write it is ignored.  ``ZGRONGCUO_CACHE_DIR`` moves it; ``ZGRONGCUO_NO_CACHE=1``
turns it off.
"""

from __future__ import annotations

import os
import sys

from zgrongcuo import __version__


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
    if os.environ.get("ZGRONGCUO_NO_CACHE"):
        return None
    if os.environ.get("ZGRONGCUO_CACHE_DIR"):
        return os.environ["ZGRONGCUO_CACHE_DIR"]
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return os.path.join(base, "zgrongcuo", "cache") if base else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "zgrongcuo")


def _code_stamp() -> str:
    # The pickled classes belong to this code: a different version, or edited
    # sources in a development checkout, must not read old entries.
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    stamps = [__version__]
    for name in ("model/criteria.py", "model/conditions.py", "load/criteria_builder.py"):
        try:
            stat = os.stat(os.path.join(here, name))
            stamps.append(f"{stat.st_mtime_ns:x}{stat.st_size:x}")
        except OSError:
            pass
    return "-".join(stamps)


def _entry(sha: str) -> str | None:
    base = folder()
    name = f"criteria-{sha[:32]}-{sha256_hex(_code_stamp().encode())[:16]}.pickle"
    return os.path.join(base, name) if base else None


def get(sha: str):
    """The compiled criteria stored for ``sha``, or None."""
    path = _entry(sha)
    if path is None:
        return None
    import pickle

    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - a missing, stale or damaged entry is a miss
        return None


def put(sha: str, compiled) -> None:
    """Store compiled criteria for ``sha``, if the cache folder can be written."""
    path = _entry(sha)
    if path is None:
        return
    import pickle

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True, mode=0o700)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            pickle.dump(compiled, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - the cache is an optimisation only
        pass
