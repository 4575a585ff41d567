"""``python -m zgrongcuo.bundle``: the same as ``zgrongcuo bundle`` (docs/install.md)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run ``zgrongcuo bundle`` with ``argv``; the exit code."""
    import typer

    from zgrongcuo.cli.root import app

    args = sys.argv[1:] if argv is None else argv
    return int(typer.main.get_command(app).main(["bundle", *args], prog_name="zgrongcuo", standalone_mode=False))


if __name__ == "__main__":
    from zgrongcuo.cli import process

    process.prepare()
    sys.exit(main())
