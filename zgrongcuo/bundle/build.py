"""Building a bundle: the zgrongcuo wheel, every wheel each target needs, the install scripts, the instructions, the .zip.

The folder is made in a temporary place and moved into the output folder
whole, and the .zip is written beside it under another name and renamed,
so that an interrupted build leaves no half bundle to be carried away.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from zgrongcuo.bundle.download import BundleError, fetch, target_label, unmet_error
from zgrongcuo.bundle.source import zgrongcuo_wheel
from zgrongcuo.bundle.targets import PLATFORMS, Platform, Target
from zgrongcuo.bundle.wheels import NotAWheel, Unmet, plan, read_wheel
from zgrongcuo.errors import UsageError
from zgrongcuo.model.base import Record
from zgrongcuo.text.catalogue import labels_of, text

if TYPE_CHECKING:
    from collections.abc import Callable

FILES = Path(__file__).parent / "files"
INSTRUCTIONS = "安装说明.txt"
MANIFEST = "bundle.json"
# What install.py says, taken from the catalogue into bundle.json: it runs before zgrongcuo is installed.
INSTALLER_MESSAGES = (
    "install.wrong_python",
    "install.wrong_platform",
    "install.not_a_venv",
    "install.creating",
    "install.venv_failed",
    "install.installing",
    "install.pip_failed",
    "install.check_failed",
    "install.done_windows",
    "install.done_linux",
)
_PLACEHOLDER = re.compile(r"@[A-Z_]+@")
_ECHO_ESCAPES = str.maketrans({c: "^" + c for c in "^&|<>"} | {"%": "%%"})


class Request(Record):
    """What to build: for which platform and Pythons, from which zgrongcuo, into which folder."""

    __slots__ = ("platform", "pythons", "source", "output", "force")

    def __init__(self, platform: Platform, pythons: list[str], source: Path | None, output: Path, force: bool) -> None:
        self.platform = platform
        self.pythons = pythons  # oldest first
        self.source = source  # None: the zgrongcuo installed here
        self.output = output
        self.force = force


class Built(Record):
    """A bundle as written: its folder, its .zip and the wheels in it."""

    __slots__ = ("folder", "archive", "wheels")

    def __init__(self, folder: Path, archive: Path, wheels: list[str]) -> None:
        self.folder = folder
        self.archive = archive
        self.wheels = wheels


def build(request: Request, say: Callable[..., None]) -> Built:
    """Build the bundle ``request`` asks for; progress goes to ``say(msg_id, **params)``."""
    from packaging.requirements import Requirement

    platform, pythons = request.platform, request.pythons
    with tempfile.TemporaryDirectory(prefix="zgrongcuo-bundle-") as tmp:
        work = Path(tmp)
        own = zgrongcuo_wheel(request.source, work, say)
        try:
            info = read_wheel(own)
        except NotAWheel:  # a file named as a zgrongcuo wheel that is none: said as any unusable source is
            raise UsageError("bundle.source_not_usable", file=str(request.source or own)) from None
        for python in pythons:
            if info.requires_python is not None and not info.requires_python.contains(f"{python}.0"):
                raise UsageError(
                    "bundle.python_not_supported", version=str(info.version), spec=str(info.requires_python), python=python
                )
        name = f"zgrongcuo-{info.version}-{platform.name}-py{'-'.join(pythons)}"
        folder, archive = request.output / name, request.output / f"{name}.zip"
        _may_write(folder, archive, name, request.force)
        # pip too: the installer runs it from its wheel, so the office PC needs neither pip nor ensurepip.
        roots = [Requirement(f"zgrongcuo=={info.version}"), Requirement("pip")]

        stage = work / name
        wheels = stage / "wheels"
        wheels.mkdir(parents=True)
        missed: list[Requirement] = []  # by pip, on this machine, for the targets so far
        for python in pythons:
            target = Target(platform, python)
            say("bundle.progress.download", target=target_label(target))
            for wheel in fetch(target, own, roots, work, missed).values():
                if not (wheels / wheel.path.name).exists():
                    shutil.copyfile(wheel.path, wheels / wheel.path.name)
        # What pip will see on the target is the folder with every Python's wheels in it.
        staged = [read_wheel(path) for path in sorted(wheels.glob("*.whl"))]
        pips: dict[str, str] = {}
        for python in pythons:
            target = Target(platform, python)
            try:
                pips[python] = plan(staged, roots, target)["pip"].path.name
            except Unmet as unmet:
                raise unmet_error(unmet, target) from None
        names = [wheel.path.name for wheel in staged]
        write_files(stage, str(info.version), platform, pips, names)

        try:
            request.output.mkdir(parents=True, exist_ok=True)
            _place(stage, folder)
            _zip(folder, archive)
        except OSError as exc:
            raise BundleError("write_error", file=exc.filename or str(request.output), detail=exc.strerror or str(exc)) from None
    return Built(folder, archive, names)


def _may_write(folder: Path, archive: Path, name: str, force: bool) -> None:
    if folder.parent.exists() and not folder.parent.is_dir():
        raise UsageError("bundle.output_not_folder", file=str(folder.parent))
    for path, is_bundle in ((folder, _is_bundle_folder), (archive, lambda p: _is_bundle_zip(p, name))):
        if not os.path.lexists(path):
            continue
        if not force:
            raise UsageError("bundle.output_exists", file=str(path))
        if not is_bundle(path):  # --force replaces a bundle, never something else of that name
            raise UsageError("bundle.output_not_bundle", file=str(path))


def _is_bundle_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink() and (path / MANIFEST).is_file()


def _is_bundle_zip(path: Path, name: str) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return f"{name}/{MANIFEST}" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def write_files(stage: Path, version: str, platform: Platform, pips: dict[str, str], wheels: list[str]) -> None:
    """The installer, its manifest, the platform's install script and the instructions, in ``stage``.

    ``pips``: Python version (oldest first) -> the pip wheel the installer runs there.
    """
    pythons = list(pips)
    shutil.copyfile(FILES / "install.py", stage / "install.py")
    messages = {msg_id: _pair(msg_id) for msg_id in INSTALLER_MESSAGES}
    for name in PLATFORMS:
        messages[f"platform.{name}"] = _pair(f"bundle.platform.{name}")
    manifest = {
        "format": 1,
        "zgrongcuo": version,
        "platform": platform.name,
        "python": pythons,
        "pip": pips,
        "wheels": wheels,
    }
    (stage / MANIFEST).write_text(
        json.dumps({**manifest, "messages": messages}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    newest_first = " ".join(reversed(pythons))
    no_python = {
        lang: text(
            "install.no_python",
            lang,
            pythons=text("bundle.or", lang).join(pythons),
            bits=text("install.bits.64", lang) if platform.windows else platform.machine,
        )
        for lang in ("zh", "en")
    }
    if platform.windows:
        script = _fill(
            (FILES / "install.bat").read_text(encoding="ascii"),
            VERSION=version,
            PYTHONS=newest_first,
            NO_PYTHON=no_python["en"].translate(_ECHO_ESCAPES),
            NOT_EXTRACTED=text("install.not_extracted", "en").translate(_ECHO_ESCAPES),
        )
        # cmd.exe finds labels reliably only in CRLF files, and reads them in the console's code page: ASCII.
        (stage / "install.bat").write_bytes(_crlf(script).encode("ascii"))
        (stage / "console.bat").write_bytes(_crlf((FILES / "console.bat").read_text(encoding="ascii")).encode("ascii"))
    else:
        script = _fill(
            (FILES / "install.sh").read_text(encoding="utf-8"),
            VERSION=version,
            PYTHONS=" ".join(f"python{p}" for p in reversed(pythons)),
            NO_PYTHON_ZH=_sh_quoted(no_python["zh"]),
            NO_PYTHON_EN=_sh_quoted(no_python["en"]),
        )
        (stage / "install.sh").write_text(script, encoding="utf-8", newline="\n")
        (stage / "install.sh").chmod(0o755)
    instructions = ("\n\n" + "=" * 72 + "\n\n").join(
        text(
            f"bundle.readme.{'windows' if platform.windows else 'linux'}",
            lang,
            version=version,
            platform=text(f"bundle.platform.{platform.name}", lang),
            pythons=text("bundle.or", lang).join(pythons),
            example=pythons[-1],
            no_python_en=no_python["en"],
            no_python_zh=no_python["zh"],
        )
        for lang in ("zh", "en")
    )
    if platform.windows:  # Notepad before Windows 10 1903 reads UTF-8 only with a BOM, and lines only with CRLF
        (stage / INSTRUCTIONS).write_bytes(b"\xef\xbb\xbf" + _crlf(instructions + "\n").encode("utf-8"))
    else:
        (stage / INSTRUCTIONS).write_text(instructions + "\n", encoding="utf-8", newline="\n")


def _pair(msg_id: str) -> list[str]:
    labels = labels_of(msg_id)
    return [labels["zh"], labels["en"]]


def _fill(template: str, **values: str) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", value)
    left = _PLACEHOLDER.search(template)
    if left:
        raise AssertionError(f"the placeholder {left.group()} of an install script was not filled in")
    return template


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _sh_quoted(text: str) -> str:
    # inside '...': a quote ends the string, so it is written as '\''
    return text.replace("'", "'\\''")


def _place(stage: Path, folder: Path) -> None:
    partial = folder.with_name(f".{folder.name}.partial-{os.getpid()}")
    try:
        shutil.copytree(stage, partial, symlinks=True)
        old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
        if os.path.lexists(folder):  # checked to be a bundle, and --force given
            folder.rename(old)
        partial.rename(folder)
        if old.exists():
            shutil.rmtree(old)
    finally:
        if partial.exists():  # interrupted, or the disk full: no half bundle left behind
            shutil.rmtree(partial, ignore_errors=True)


def _zip(folder: Path, archive: Path) -> None:
    partial = archive.with_name(f".{archive.name}.partial-{os.getpid()}")
    try:
        with zipfile.ZipFile(partial, "w") as z:
            z.write(folder, folder.name)
            for path in sorted(folder.rglob("*")):
                name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
                # wheels are zip files already; deflating them again gains nothing
                compression = zipfile.ZIP_STORED if path.suffix == ".whl" else zipfile.ZIP_DEFLATED
                z.write(path, name, compress_type=compression)
        os.replace(partial, archive)
    finally:
        if partial.exists():
            partial.unlink()


def size_text(path: Path) -> str:
    """A file's size as people read it: ``12.3 MB``."""
    return f"{path.stat().st_size / 1_000_000:.1f} MB"

