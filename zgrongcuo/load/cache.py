"""A per-user cache of compiled criteria, so that a process checking one case does not re-check the measure.

Entries are keyed by the SHA-256 of the criteria file's bytes and by the
program's own code, so an edited criteria file or an upgraded program never
meets a stale entry.  The cache is an optimisation only: any failure to read
or write it is ignored.  ``ZGRONGCUO_CACHE_DIR`` moves it; ``ZGRONGCUO_NO_CACHE=1``
turns it off.
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

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


def folder() -> Path | None:
    if os.environ.get("ZGRONGCUO_NO_CACHE"):
        return None
    if os.environ.get("ZGRONGCUO_CACHE_DIR"):
        return Path(os.environ["ZGRONGCUO_CACHE_DIR"])
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "zgrongcuo" / "cache" if base else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zgrongcuo"


def _code_stamp() -> str:
    # The pickled classes belong to this code: a different version, or edited
    # sources in a development checkout, must not read old entries.
    here = Path(__file__).resolve().parent.parent
    stamps = [__version__]
    for name in ("model/criteria.py", "model/conditions.py", "load/criteria_builder.py"):
        try:
            stat = (here / name).stat()
            stamps.append(f"{stat.st_mtime_ns:x}{stat.st_size:x}")
        except OSError:
            pass
    return "-".join(stamps)


def _entry(sha: str) -> Path | None:
    base = folder()
    return base / f"criteria-{sha[:32]}-{sha256_hex(_code_stamp().encode())[:16]}.pickle" if base else None


def get(sha: str):
    """The compiled criteria stored for ``sha``, or None."""
    path = _entry(sha)
    if path is None:
        return None
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
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(compiled, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - the cache is an optimisation only
        pass
