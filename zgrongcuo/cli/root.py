"""The root of the command line: the ``zgrongcuo`` Typer app, its own options, and the table of its commands.

Each command is a Typer app in its own module (the ``COMMANDS`` table), built
only when it runs (:class:`~zgrongcuo.cli.framework.LazyGroup`). The language
of help and of every message is chosen before anything is parsed — ``--lang``
wherever it stands, else ``ZGRONGCUO_LANG``, else Chinese — so
``zgrongcuo check -h`` is Chinese and ``zgrongcuo --lang en check -h`` English.
"""

from __future__ import annotations

from typing import Annotated

import typer

from zgrongcuo import __version__
from zgrongcuo.cli import framework

# name -> "module:Typer app"; the app is built into a command when the command runs.
COMMANDS: dict[str, str] = {
    "check": "zgrongcuo.cli.check:app",
    "ask": "zgrongcuo.cli.ask:app",
    "similar": "zgrongcuo.cli.similar:app",
    "suggest": "zgrongcuo.cli.suggest:app",
    "template": "zgrongcuo.cli.authors:template_app",
    "schema": "zgrongcuo.cli.authors:schema_app",
    "diff": "zgrongcuo.cli.authors:diff_app",
    "criteria": "zgrongcuo.cli.authors:criteria_app",
    "bundle": "zgrongcuo.cli.bundle:app",
}


class Root(framework.LazyGroup):
    lazy = COMMANDS


app = typer.Typer(
    cls=Root,
    name="zgrongcuo",
    help="cli.app",
    epilog="cli.app_epilog",
    no_args_is_help=True,
    **framework.APP_SETTINGS,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zgrongcuo {__version__}")
        raise typer.Exit()


def _debug(value: bool) -> None:
    if value:
        framework.set_debugging()


@app.callback()
def zgrongcuo(
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_version, help="cli.version")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", callback=_debug, help="cli.debug")] = False,
    # Chosen before parsing (framework.chosen_language); accepted here too, so `zgrongcuo --lang en check` works.
    lang: Annotated[str, typer.Option("--lang", metavar="zh|en", help="cli.opt.lang")] = "",
) -> None:
    """The options of ``zgrongcuo`` itself; the command that follows does the work."""
