"""Wheels in a folder, and what pip would install from that folder alone on a target.

``plan`` follows each wheel's Requires-Dist with the target's markers, takes
for every requirement the newest wheel in the folder that fits the target
(its tags and its Requires-Python) and meets the specifier, as
``pip install --no-index --find-links`` there would; a requirement nothing
in the folder meets is ``Unmet``.  A bundle whose plan succeeds installs
offline; one whose plan fails would need the index, or a compiler.
"""

from __future__ import annotations

import email.parser
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from zgrongcuo.model.base import Record

if TYPE_CHECKING:
    from packaging.requirements import Requirement
    from packaging.specifiers import SpecifierSet
    from packaging.version import Version

    from zgrongcuo.bundle.targets import Target

_METADATA = re.compile(r"[^/]+\.dist-info/METADATA")


class Wheel(Record):
    """A wheel file: its project, version, tags and what it requires."""

    __slots__ = ("path", "name", "version", "tags", "requires", "requires_python")

    def __init__(
        self,
        path: Path,
        name: str,
        version: Version,
        tags: frozenset[str],
        requires: list[Requirement],
        requires_python: SpecifierSet | None,
    ) -> None:
        self.path = path
        self.name = name  # canonical: lower case, runs of -_. as one -
        self.version = version
        self.tags = tags
        self.requires = requires
        self.requires_python = requires_python

    def fits(self, target: Target, tags: frozenset[str]) -> bool:
        """Whether pip on the target would take this wheel (``tags``: the target's)."""
        if not self.tags & tags:
            return False
        return self.requires_python is None or self.requires_python.contains(target.full_version, prereleases=True)


class NotAWheel(ValueError):
    """A file that is not a readable wheel (its name or its METADATA)."""


def read_wheel(path: Path) -> Wheel:
    """The wheel at ``path``, from its file name and its METADATA."""
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.specifiers import InvalidSpecifier, SpecifierSet
    from packaging.utils import InvalidWheelFilename, parse_wheel_filename

    try:
        name, version, _build, tags = parse_wheel_filename(path.name)
        with zipfile.ZipFile(path) as archive:
            found = [n for n in archive.namelist() if _METADATA.fullmatch(n)]
            if len(found) != 1:
                raise NotAWheel(path.name)
            metadata = email.parser.BytesHeaderParser().parsebytes(archive.read(found[0]))
        requires = [Requirement(line) for line in metadata.get_all("Requires-Dist") or ()]
        python = metadata.get("Requires-Python")
        requires_python = SpecifierSet(python) if python else None
    except (InvalidWheelFilename, InvalidRequirement, InvalidSpecifier, zipfile.BadZipFile, OSError) as exc:
        raise NotAWheel(path.name) from exc
    return Wheel(path, name, version, frozenset(str(t) for t in tags), requires, requires_python)


class Unmet(Exception):
    """A requirement that no wheel in the folder meets on the target."""

    def __init__(self, requirement: Requirement, needed_by: Wheel | None, chosen: Wheel | None = None) -> None:
        super().__init__(str(requirement))
        self.requirement = requirement
        self.needed_by = needed_by
        self.chosen = chosen  # a wheel of that project already taken, for another requirement, that does not meet it


def plan(wheels: list[Wheel], roots: list[Requirement], target: Target) -> dict[str, Wheel]:
    """Project name -> the wheel pip would install from ``wheels`` alone on ``target`` for the ``roots``."""
    from packaging.utils import canonicalize_name

    tags = target.wheel_tags()
    environment = target.marker_environment()
    fitting: dict[str, list[Wheel]] = {}
    for wheel in wheels:
        if wheel.fits(target, tags):
            fitting.setdefault(wheel.name, []).append(wheel)
    chosen: dict[str, Wheel] = {}
    followed: set[tuple[str, str]] = set()  # (project, extra) whose requirements are queued
    queue: list[tuple[Requirement, Wheel | None]] = [(root, None) for root in roots]
    while queue:
        requirement, needed_by = queue.pop(0)
        name = canonicalize_name(requirement.name)
        if name in chosen:
            wheel = chosen[name]
            if not requirement.specifier.contains(wheel.version, prereleases=True):
                raise Unmet(requirement, needed_by, chosen=wheel)
        else:
            candidates = [w for w in fitting.get(name, ()) if requirement.specifier.contains(w.version, prereleases=True)]
            if not candidates:
                raise Unmet(requirement, needed_by)
            wheel = chosen[name] = max(candidates, key=lambda w: w.version)
        for extra in ("", *sorted(requirement.extras)):
            if (name, extra) in followed:
                continue
            followed.add((name, extra))
            for dependency in wheel.requires:
                if dependency.marker is None or dependency.marker.evaluate({**environment, "extra": extra}):
                    queue.append((dependency, wheel))
    return chosen


def without_marker(requirement: Requirement) -> str:
    """The requirement as pip takes it on its command line for the target: name, extras, versions."""
    extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
    return f"{requirement.name}{extras}{requirement.specifier}"
