"""The measures shipped with the package, and what ``--criteria`` names: a path or a bundled measure."""

from __future__ import annotations

import functools
import os

from zgrongcuo.errors import UsageError, suggest

# The package folder (os.path rather than pathlib: this is on the path of every check, and pathlib is slow to import).
_HERE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
DEFAULT_MEASURE = "zigui-2018"  # the name of criteria.yaml, the default measure (the id it declares; a test holds the two equal)


def bundled_path() -> str:
    """The default measure's file: inside the package, or the checkout's when installed editable."""
    inside = os.path.join(_HERE, "criteria.yaml")
    return inside if os.path.isfile(inside) else os.path.join(os.path.dirname(_HERE), "criteria.yaml")


@functools.lru_cache(maxsize=1)
def bundled_measures() -> dict[str, str]:
    """Measures shipped with the package, by name: the default first, then the others by name.

    Listed once per process (a case file's decision or expectation may ask for
    every case of a batch); callers do not change the dict.
    """
    found: dict[str, str] = {DEFAULT_MEASURE: bundled_path()}
    for folder in (os.path.join(_HERE, "measures"), os.path.join(os.path.dirname(_HERE), "measures")):
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                stem, suffix = os.path.splitext(name)
                if suffix == ".yaml":
                    found.setdefault(stem, os.path.join(folder, name))
    return found


def resolve(spec: str | None) -> str:
    """The criteria file named by ``--criteria``: a bundled measure's name, a path, or the default.

    A bundled measure's name always means the bundled measure, whatever files
    the current folder holds: a local file of that name is given as a path
    (``./wenze-2019``). Any other word that names no file is refused with
    every bundled name.
    """
    if spec is None:
        return bundled_path()
    measures = bundled_measures()
    if spec in measures:
        return measures[spec]
    if names_a_file(spec):
        return spec
    raise UsageError("unknown_measure", name=spec, known=", ".join(measures)).at(suggestion=suggest(spec, measures))


def names_a_file(name: str, folder: str = "") -> bool:
    """Whether a name that is no bundled measure's is meant as a criteria file's path (seen from ``folder``)."""
    return any(sep in name for sep in "/\\") or bool(os.path.splitext(name)[1]) or os.path.lexists(os.path.join(folder, name))


def shadowed(spec: str | None) -> bool:
    """Whether ``spec`` is a bundled measure's name that a file in the current folder also has."""
    return spec is not None and spec in bundled_measures() and os.path.lexists(spec)


def reference(path: str, measure_id: str) -> str:
    """How a case file names a measure loaded from ``path``: its bundled name when it is the bundled file, else the path."""
    bundled = bundled_measures().get(measure_id)
    if bundled is not None and os.path.realpath(bundled) == os.path.realpath(path):
        return measure_id
    return path


def written_from(ref: str, case_file: str | None) -> str:
    """A measure's reference as a case file at ``case_file`` writes it: a path relative to the file's folder.

    A case file's paths are read from its own folder (``case_reader``), so that it names
    the same criteria file wherever the tool is run.
    """
    if ref in bundled_measures() or case_file is None or case_file == "-":
        return ref
    relative = os.path.relpath(os.path.abspath(ref), os.path.dirname(os.path.abspath(case_file)))
    return relative.replace(os.sep, "/")
