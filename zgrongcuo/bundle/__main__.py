"""``python -m zgrongcuo.bundle``: build an offline bundle (docs/install.md).

A tool for the IT colleague on a machine that reaches a package index, not a
command of ``zgrongcuo`` itself: its few options are parsed here, so that it
depends on nothing the command line is made of, and every word it says comes
from the catalogue.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from zgrongcuo.errors import UsageError, ZgError, suggest
from zgrongcuo.text.catalogue import DEFAULT_LANGUAGE, LANGUAGES, text
from zgrongcuo.text.escape import one_line

if TYPE_CHECKING:
    from zgrongcuo.bundle.build import Request

VALUE_OPTIONS = ("--platform", "--python", "--from", "--output", "-o", "--lang")
FLAGS = ("--force", "--debug", "--help", "-h")
# sysconfig's name of this interpreter's platform -> the bundle platform built for it by default
HOST_PLATFORMS = {
    "win-amd64": "win_amd64",
    "linux-x86_64": "manylinux2014_x86_64",
    "linux-aarch64": "manylinux2014_aarch64",
}
EXIT_OK, EXIT_NOT_BUILT, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 70, 130


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv``, build the bundle, say what was built; the exit code."""
    args = sys.argv[1:] if argv is None else argv
    chosen = _language(args)
    lang = chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE  # an unknown one is an error said in the default
    debug = "--debug" in args
    try:
        options = _parse(args)
        if "help" in options:
            _out(text("bundle.help", lang))
            return EXIT_OK
        if chosen not in LANGUAGES:
            raise UsageError("unknown_language", lang=chosen, known=", ".join(LANGUAGES))
        request = _request(options)
        if find_spec("packaging") is None:
            from zgrongcuo.bundle.download import BundleError

            raise BundleError("bundle.no_packaging", command=f'"{sys.executable}" -m pip install packaging')
        from zgrongcuo.bundle.build import build, size_text

        built = build(request, lambda msg_id, **params: _err(text(msg_id, lang, **_shown(params))))
    except UsageError as error:
        _err(_error_line(error, lang))
        _err(text("bundle.try_help", lang))
        return EXIT_USAGE
    except ZgError as error:  # BundleError: the index, pip, a wheel missing for the target
        _err(_error_line(error, lang))
        for line in getattr(error, "pip_said", "").splitlines():  # pip's own words, each line made safe to show
            _err("    " + one_line(line))
        return EXIT_NOT_BUILT
    except KeyboardInterrupt:
        _err(text("interrupted", lang))
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: said as one, with the details under --debug
        if debug:
            raise
        from zgrongcuo import __version__

        _err(text("internal_error", lang, version=__version__, detail=f"{type(exc).__name__}: {exc}"))
        return EXIT_INTERNAL
    _out(
        text(
            "bundle.done",
            lang,
            folder=one_line(str(built.folder)),
            zip=one_line(str(built.archive)),
            size=size_text(built.archive),
            platform=text(f"bundle.platform.{request.platform.name}", lang),
            pythons=text("bundle.or", lang).join(request.pythons),
            count=len(built.wheels),
        )
    )
    for name in built.wheels:
        _out(f"  {name}")
    return EXIT_OK


def _language(args: list[str]) -> str:
    chosen = os.environ.get("ZGRONGCUO_LANG") or DEFAULT_LANGUAGE
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    return chosen


def _parse(args: list[str]) -> dict[str, list[str]]:
    """Option name (without dashes) -> the values given, in order; flags get an empty list."""
    options: dict[str, list[str]] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in FLAGS and not eq:
            options.setdefault("help" if name in ("-h", "--help") else name.lstrip("-"), [])
        elif name in VALUE_OPTIONS:
            if not eq:
                if i + 1 >= len(args):
                    raise UsageError("bundle.needs_value", name=name)
                i += 1
                value = args[i]
            options.setdefault("output" if name == "-o" else name.lstrip("-"), []).append(value)
        elif arg.startswith("-"):
            raise UsageError("bundle.unknown_option", name=name, suggestion=suggest(name, (*VALUE_OPTIONS, *FLAGS)))
        else:
            raise UsageError("bundle.unexpected_argument", value=arg)
        i += 1
    return options


def _request(options: dict[str, list[str]]) -> Request:
    from zgrongcuo.bundle.build import Request
    from zgrongcuo.bundle.targets import PLATFORMS, PYTHON_VERSION

    choices = ", ".join(PLATFORMS)
    if "platform" in options:
        name = options["platform"][-1]
        if name not in PLATFORMS:
            raise UsageError("bundle.unknown_platform", value=name, choices=choices, suggestion=suggest(name, PLATFORMS))
    else:
        host = sysconfig.get_platform()
        if host not in HOST_PLATFORMS:
            raise UsageError("bundle.host_not_a_target", host=host, choices=choices)
        name = HOST_PLATFORMS[host]
    pythons = options.get("python") or [f"{sys.version_info[0]}.{sys.version_info[1]}"]
    for python in pythons:
        if not PYTHON_VERSION.fullmatch(python):
            raise UsageError("bundle.bad_python", value=python)
    ordered = sorted(set(pythons), key=lambda p: int(p.split(".")[1]))
    source = Path(options["from"][-1]) if "from" in options else None
    output = Path(options["output"][-1]) if "output" in options else Path.cwd()
    return Request(PLATFORMS[name], ordered, source, output, force="force" in options)


def _shown(params: dict[str, object]) -> dict[str, object]:
    # paths and names as given, but never a line break or a terminal escape
    return {key: one_line(value) if isinstance(value, str) else value for key, value in params.items()}


def _error_line(error: ZgError, lang: str) -> str:
    return text("error_prefix", lang) + text("location_sep", lang) + error.render(lang)


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
