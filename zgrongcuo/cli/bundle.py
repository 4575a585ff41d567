"""`zgrongcuo bundle` (also `python -m zgrongcuo.bundle`): an offline bundle for PCs with no package index."""

# No `from __future__ import annotations`: Typer reads the parameters' annotations when the command is
# built, and string annotations would be compiled anew on every run.

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zgrongcuo.cli import common, framework

if TYPE_CHECKING:
    from zgrongcuo.bundle.build import Request

app = framework.sub_app()

# sysconfig's name of this interpreter's platform -> the bundle platform built for it by default
HOST_PLATFORMS = {
    "win-amd64": "win_amd64",
    "linux-x86_64": "manylinux2014_x86_64",
    "linux-aarch64": "manylinux2014_aarch64",
}
PLATFORM_NAMES = tuple(HOST_PLATFORMS.values())


@app.command("bundle", cls=framework.Command, help="cli.bundle", epilog="cli.bundle_exit")
def bundle(
    *,
    platform: Annotated[
        str | None,
        typer.Option(
            "--platform", metavar="[" + "|".join(PLATFORM_NAMES) + "]", parser=framework.Choice(PLATFORM_NAMES),
            autocompletion=framework.Choice(PLATFORM_NAMES).complete, help="cli.opt.bundle_platform",
        ),
    ] = None,  # fmt: skip
    python: Annotated[
        list[str] | None,
        typer.Option("--python", metavar="VERSION", parser=lambda v: _python_version(v), help="cli.opt.bundle_python"),
    ] = None,
    source: Annotated[str | None, typer.Option("--from", metavar="PATH", help="cli.opt.bundle_from")] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FOLDER", help="cli.opt.bundle_output")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="cli.opt.bundle_force")] = False,
    lang: common.LangOption,
) -> None:
    from importlib.util import find_spec

    from zgrongcuo.bundle.download import BundleError
    from zgrongcuo.text.catalogue import text
    from zgrongcuo.text.escape import one_line

    common.checked_language(lang)
    request = _request(platform, python or [], source, output, force)
    try:
        if find_spec("packaging") is None:
            raise BundleError("bundle.no_packaging", command=f'"{sys.executable}" -m pip install packaging')
        from zgrongcuo.bundle.build import build, size_text

        built = build(request, lambda msg_id, **params: common.say(text(msg_id, lang, **_shown(params))))
    except BundleError as error:  # the index, pip, a wheel missing for the target: not built (exit 1)
        common.report_error(error, lang)
        for line in getattr(error, "pip_said", "").splitlines():  # pip's own words, each line made safe to show
            common.say("    " + one_line(line))
        common.finish(common.ExitCode.UNFAVOURABLE)
    done = text(
        "bundle.done",
        lang,
        folder=one_line(str(built.folder)),
        zip=one_line(str(built.archive)),
        size=size_text(built.archive),
        platform=text(f"bundle.platform.{request.platform.name}", lang),
        pythons=text("bundle.or", lang).join(request.pythons),
        count=len(built.wheels),
    )
    sys.stdout.write(done + "\n" + "".join(f"  {name}\n" for name in built.wheels))
    sys.stdout.flush()


def _request(platform: str | None, pythons: list[str], source: str | None, output: str | None, force: bool) -> "Request":
    import sysconfig

    from zgrongcuo.bundle.build import Request
    from zgrongcuo.bundle.targets import PLATFORMS
    from zgrongcuo.errors import UsageError

    if platform is None:
        host = sysconfig.get_platform()
        if host not in HOST_PLATFORMS:
            raise UsageError("bundle.host_not_a_target", host=host, choices=", ".join(PLATFORMS))
        platform = HOST_PLATFORMS[host]
    pythons = pythons or [f"{sys.version_info[0]}.{sys.version_info[1]}"]
    ordered = sorted(set(pythons), key=lambda p: int(p.split(".")[1]))
    return Request(
        PLATFORMS[platform],
        ordered,
        Path(source) if source is not None else None,
        Path(output) if output is not None else Path.cwd(),
        force=force,
    )


def _python_version(value: str) -> str:
    """A Python version as the target's pip knows it: 3.12."""
    from zgrongcuo.bundle.targets import PYTHON_VERSION

    if not PYTHON_VERSION.fullmatch(value):
        raise framework.Refused("bundle.bad_python", value=value)
    return value


def _shown(params: dict[str, object]) -> dict[str, object]:
    from zgrongcuo.text.escape import one_line

    # paths and names as given, but never a line break or a terminal escape
    return {key: one_line(value) if isinstance(value, str) else value for key, value in params.items()}
