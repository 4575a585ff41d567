"""The command line: thin commands over the library (``zgrongcuo.cli.root`` builds only the one that runs)."""

from __future__ import annotations

from typing import Any


def main() -> None:
    """Console-script entry point."""
    from zgrongcuo.cli import process

    process.prepare()
    from zgrongcuo.cli.root import app

    app.main(prog_name="zgrongcuo")


def __getattr__(name: str) -> Any:
    # ``from zgrongcuo.cli import app`` without importing Click for ``main`` alone.
    if name == "app":
        from zgrongcuo.cli.root import app

        return app
    raise AttributeError(name)
