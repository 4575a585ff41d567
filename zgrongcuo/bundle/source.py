"""Where the bundle's zgrongcuo wheel comes from: a checkout, a wheel file, or the zgrongcuo installed here.

An IT colleague has the tool installed, not a checkout: a regular install is
packed back into the wheel it came from, file by file as its RECORD lists
them, each checked against the hash recorded at install time.  A developer's
editable install is built from its checkout.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import zipfile
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from zgrongcuo.bundle.download import BundleError, run_pip
from zgrongcuo.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

PROJECT = "zgrongcuo"
# Written by the installer, not part of the wheel: RECORD is made anew.
_INSTALLER_FILES = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}


def zgrongcuo_wheel(source: Path | None, into: Path, say: Callable[..., None]) -> Path:
    """The zgrongcuo wheel for the bundle, in ``into``: from ``source`` (a checkout or a wheel), else from what is installed."""
    if source is None:
        return _from_installed(into, say)
    if source.is_file() and source.suffix == ".whl":
        _check_project(source)
        target = into / source.name
        shutil.copyfile(source, target)
        return target
    if source.is_dir() and (source / "pyproject.toml").is_file():
        return _build(source, into, say)
    raise UsageError("bundle.source_not_usable", file=str(source))


def _check_project(wheel: Path) -> None:
    name = wheel.name.split("-", 1)[0].lower()
    if name != PROJECT:
        raise UsageError("bundle.not_zgrongcuo", file=str(wheel), name=name)


def _build(checkout: Path, into: Path, say: Callable[..., None]) -> Path:
    say("bundle.progress.build", source=str(checkout))
    out = into / "built"
    out.mkdir()
    run_pip(["wheel", "--no-deps", "-w", str(out), str(checkout)])
    wheels = list(out.glob("*.whl"))
    if len(wheels) != 1 or not wheels[0].name.lower().startswith(PROJECT + "-"):
        raise UsageError("bundle.source_not_usable", file=str(checkout))
    return wheels[0]


def _from_installed(into: Path, say: Callable[..., None]) -> Path:
    try:
        dist = metadata.distribution(PROJECT)
    except metadata.PackageNotFoundError:
        raise UsageError("bundle.not_installed") from None
    editable = _editable_checkout(dist)
    if editable is not None:
        return _build(editable, into, say)
    say("bundle.progress.repack", version=dist.version)
    return repack(dist, into)


def _editable_checkout(dist: metadata.Distribution) -> Path | None:
    text = dist.read_text("direct_url.json")
    if not text:
        return None
    try:
        url = json.loads(text)
    except ValueError:
        return None
    if not (isinstance(url, dict) and url.get("dir_info", {}).get("editable")):
        return None
    parsed = urlparse(str(url.get("url", "")))
    return Path(url2pathname(unquote(parsed.path))) if parsed.scheme == "file" else None


def repack(dist: metadata.Distribution, into: Path) -> Path:
    """The wheel a regular install came from, made again from its files as RECORD lists them."""
    files = dist.files or []
    dist_info = next((f.parts[0] for f in files if f.name == "METADATA" and len(f.parts) == 2), None)
    if dist_info is None:
        raise BundleError("bundle.installed_changed", file=PROJECT)
    contents: dict[str, bytes] = {}
    for file in files:
        path = str(file)
        # Console scripts and byte code are made at install time, outside the package or beside it.
        if path.startswith("..") or file.suffix == ".pyc" or "__pycache__" in file.parts:
            continue
        if file.parts[0] == dist_info and file.name in _INSTALLER_FILES:
            continue
        data = Path(str(file.locate())).read_bytes()
        if file.hash is None or file.hash.mode != "sha256" or _digest(data) != file.hash.value:
            raise BundleError("bundle.installed_changed", file=str(file.locate()))
        contents[path] = data
    tag = _wheel_tag(contents.get(f"{dist_info}/WHEEL", b""))
    record = f"{dist_info}/RECORD"
    lines = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in sorted(contents.items())]
    contents[record] = ("\n".join([*lines, f"{record},,"]) + "\n").encode()
    target = into / f"{dist_info.removesuffix('.dist-info')}-{tag}.whl"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        # dist-info last, as the wheel specification recommends
        for name in sorted(contents, key=lambda n: (n.startswith(dist_info + "/"), n)):
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, contents[name], zipfile.ZIP_DEFLATED)
    return target


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _wheel_tag(wheel_file: bytes) -> str:
    tags = [line.split(":", 1)[1].strip() for line in wheel_file.decode().splitlines() if line.startswith("Tag:")]
    if len(tags) != 1:  # zgrongcuo is pure Python: one tag, py3-none-any
        raise BundleError("bundle.installed_changed", file="WHEEL")
    return tags[0]

