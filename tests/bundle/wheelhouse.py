"""Wheels made on the spot, for the bundle's tests."""

import zipfile
from pathlib import Path


def make_wheel(folder: Path, name: str, version: str = "1.0", *, requires=(), tag="py3-none-any", python=None, files=None):
    """A wheel that pip installs: METADATA with ``requires`` (Requires-Dist lines), WHEEL, RECORD and ``files``."""
    folder.mkdir(parents=True, exist_ok=True)
    dist = f"{name.replace('-', '_')}-{version}"
    metadata = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    metadata += [f"Requires-Python: {python}"] if python else []
    metadata += [f"Requires-Dist: {r}" for r in requires]
    contents = {
        f"{dist}.dist-info/METADATA": "\n".join(metadata) + "\n",
        f"{dist}.dist-info/WHEEL": f"Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: {tag}\n",
        **(files or {f"{name.replace('-', '_')}/__init__.py": ""}),
    }
    contents[f"{dist}.dist-info/RECORD"] = "".join(f"{n},,\n" for n in [*contents, f"{dist}.dist-info/RECORD"])
    path = folder / f"{dist}-{tag}.whl"
    with zipfile.ZipFile(path, "w") as z:
        for member, text in contents.items():
            z.writestr(member, text)
    return path
