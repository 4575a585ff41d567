"""What a bundle is built for: a platform and a Python version, as pip, wheel tags and markers see them.

pip's ``download --platform`` picks wheels for the target, but it evaluates
dependencies' environment markers on the machine it runs on: from Linux it
leaves out ``colorama; platform_system == "Windows"``.  A target therefore
carries its own marker environment, and the bundle is checked against it.
"""

from __future__ import annotations

import re

from zgrongcuo.model.base import Record

PYTHON_VERSION = re.compile(r"3\.[0-9]{1,2}")  # which of them zgrongcuo runs on, its Requires-Python says


class Platform(Record):
    """One operating system and processor that wheels are built for."""

    __slots__ = ("name", "windows", "machine", "tag_platforms", "markers")

    def __init__(self, name: str, *, windows: bool, machine: str, tag_platforms: tuple[str, ...]) -> None:
        self.name = name  # pip's --platform, and the word the bundle's folder carries
        self.windows = windows
        self.machine = machine  # platform.machine() there
        self.tag_platforms = tag_platforms  # platform tags a wheel for it may carry
        self.markers = (
            {"os_name": "nt", "sys_platform": "win32", "platform_system": "Windows", "platform_machine": machine}
            if windows
            else {"os_name": "posix", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": machine}
        )


def _manylinux2014(arch: str) -> tuple[str, ...]:
    # glibc 2.17 and every older manylinux, under both the PEP 600 names and the legacy ones
    legacy = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}
    tags: list[str] = []
    for minor in range(17, 4, -1):
        tags.append(f"manylinux_2_{minor}_{arch}")
        if minor in legacy:
            tags.append(f"{legacy[minor]}_{arch}")
    return tuple(tags)


PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        Platform("win_amd64", windows=True, machine="AMD64", tag_platforms=("win_amd64",)),
        Platform(
            "manylinux2014_x86_64", windows=False, machine="x86_64", tag_platforms=_manylinux2014("x86_64")
        ),
        Platform(
            "manylinux2014_aarch64", windows=False, machine="aarch64", tag_platforms=_manylinux2014("aarch64")
        ),
    )
}


class Target(Record):
    """A platform and one Python version (``3.12``): what one set of wheels must fit."""

    __slots__ = ("platform", "python")

    def __init__(self, platform: Platform, python: str) -> None:
        self.platform = platform
        self.python = python

    @property
    def cp(self) -> str:
        return "cp" + self.python.replace(".", "")

    @property
    def full_version(self) -> str:
        # pip's --python-version 3.12 means 3.12.0 for Requires-Python, and so do we
        return f"{self.python}.0"

    def pip_options(self) -> list[str]:
        """The options that make ``pip download`` fetch wheels for this target and nothing else."""
        return [
            "--only-binary=:all:",
            "--platform",
            self.platform.name,
            "--python-version",
            self.python,
            "--implementation",
            "cp",
            "--abi",
            self.cp,
        ]

    def marker_environment(self) -> dict[str, str]:
        """PEP 508's marker variables as they are on the target (the ``extra`` is added per requirement)."""
        return {
            **self.platform.markers,
            "python_version": self.python,
            "python_full_version": self.full_version,
            "implementation_name": "cpython",
            "implementation_version": self.full_version,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_version": "",
        }

    def wheel_tags(self) -> frozenset[str]:
        """Every tag (``cp312-cp312-win_amd64``, ``py3-none-any`` …) a wheel may carry and install here."""
        from packaging import tags

        major, minor = (int(part) for part in self.python.split("."))
        platforms = list(self.platform.tag_platforms)
        found = [
            *tags.cpython_tags((major, minor), abis=[self.cp], platforms=platforms),
            *tags.compatible_tags((major, minor), self.cp, platforms),
        ]
        return frozenset(str(tag) for tag in found)
