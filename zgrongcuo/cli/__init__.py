"""The command line: a Typer app (``app``) of thin commands over the library; only the command that runs is built."""

from __future__ import annotations

from typing import Any


def main() -> None:
    """Console-script entry point."""
    import gc

    # Start-up makes tens of thousands of objects that live as long as the process (modules, classes, the
    # command); collecting cycles among them is wasted work. The command unfreezes the collector when it runs.
    gc.disable()
    from zgrongcuo.cli import process

    process.prepare()
    import typer

    from zgrongcuo.cli.root import app

    typer.main.get_command(app).main(prog_name="zgrongcuo")


def __getattr__(name: str) -> Any:
    # ``from zgrongcuo.cli import app`` without importing Typer for ``main`` alone.
    if name == "app":
        from zgrongcuo.cli.root import app

        return app
    raise AttributeError(name)
