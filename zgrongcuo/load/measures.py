"""The measures shipped with the package, and what ``--criteria`` names: a path or a bundled measure."""

from __future__ import annotations

from pathlib import Path

from zgrongcuo.errors import UsageError, suggest

_HERE = Path(__file__).resolve().parent.parent  # the package folder


def bundled_path() -> Path:
    """The default measure's file: inside the package, or the checkout's when installed editable."""
    inside = _HERE / "criteria.yaml"
    return inside if inside.is_file() else _HERE.parent / "criteria.yaml"


def bundled_measures() -> dict[str, Path]:
    """Measures shipped with the package, by name."""
    found: dict[str, Path] = {}
    for folder in (_HERE / "measures", _HERE.parent / "measures"):
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                found.setdefault(path.stem, path)
    return found


def resolve(spec: str | None) -> Path:
    """The criteria file named by ``--criteria``: a path, a bundled measure's name, or the default."""
    if spec is None:
        return bundled_path()
    path = Path(spec)
    if path.exists() or any(sep in spec for sep in "/\\") or path.suffix:
        return path
    measures = bundled_measures()
    if spec in measures:
        return measures[spec]
    raise UsageError("unknown_measure", name=spec, known=", ".join(measures) or "-").at(
        suggestion=suggest(spec, measures)
    )
