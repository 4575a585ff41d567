"""The command line: thin glue between arguments, the core and the renderers.

Only this module turns errors into messages on stderr and exit codes.
"""

from __future__ import annotations

import enum
import functools
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zgrongcuo import __version__
from zgrongcuo.errors import UsageError, ZgError
from zgrongcuo.formats import OutputFormat
from zgrongcuo.messages import DEFAULT_LANGUAGE, LANGUAGES, text

# Exit codes, the first that applies (README "Exit codes").
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70
EXIT_USAGE = 2
EXIT_UNFAVOURABLE = 1
EXIT_UNDETERMINED = 3
EXIT_OK = 0

app = typer.Typer(
    name="zgrongcuo",
    help="容错免责初筛工具 — screen cases against a fault-tolerance (容错免责) measure.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# `zgrongcuo criteria show|validate|test`: commands for the authors of criteria files.
criteria_app = typer.Typer(
    help="Work with criteria files (for policy authors).", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(criteria_app, name="criteria")

_state = {"debug": bool(os.environ.get("ZGRONGCUO_DEBUG"))}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zgrongcuo {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of internal errors.")] = False,
) -> None:
    """容错免责初筛工具 — screen cases against a fault-tolerance (容错免责) measure."""
    # Set on every invocation: an earlier --debug in the same process must not stick.
    _state["debug"] = debug or bool(os.environ.get("ZGRONGCUO_DEBUG"))


def _say(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")
    sys.stderr.flush()


def report_error(error: ZgError, lang: str) -> None:
    """One paragraph on stderr: where, which key, what is wrong."""
    _say(text("error_prefix", lang) + text("location_sep", lang) + error.render(lang))


def guarded(func):
    """Turn what escapes a command into the documented exit codes, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        lang = kwargs.get("lang") if kwargs.get("lang") in LANGUAGES else DEFAULT_LANGUAGE
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except ZgError as error:
            report_error(error, lang)
            raise typer.Exit(EXIT_USAGE) from None
        except KeyboardInterrupt:
            _say(text("interrupted", lang))
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): stop quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_OK) from None
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if _state["debug"]:
                import traceback

                traceback.print_exc()
            detail = f"{type(exc).__name__}: {exc}"
            _say(text("internal_error", lang, version=__version__, detail=detail))
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


# ------------------------------------------------------------------ options

CriteriaOpt = Annotated[
    Optional[str],
    typer.Option(
        "--criteria",
        metavar="PATH",
        help="Criteria file (or the name of a bundled measure); default: the bundled Zigui 2018 measure.",
    ),
]
LangOpt = Annotated[str, typer.Option("--lang", metavar="zh|en", help="Language of labels and reasons.")]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]


def _check_lang(lang: str, criteria=None) -> str:
    known = LANGUAGES if criteria is None else criteria.languages
    if lang not in LANGUAGES or lang not in known:
        raise UsageError("unknown_language", lang=lang, known=", ".join(known))
    return lang


def exit_code_for(favourables: list[bool | None], failures: int) -> int:
    """The batch's exit code: load failures, then unfavourable, then undetermined."""
    if failures:
        return EXIT_USAGE
    if any(f is False for f in favourables):
        return EXIT_UNFAVOURABLE
    if any(f is None for f in favourables):
        return EXIT_UNDETERMINED
    return EXIT_OK


# ----------------------------------------------------------------- commands


@app.command()
@guarded
def check(
    cases: Annotated[
        list[str],
        typer.Argument(metavar="CASE...", help="Case files (.yaml, .yml, .json), folders of them, or - for standard input."),
    ],
    criteria: CriteriaOpt = None,
    format: FormatOpt = OutputFormat.text,
    lang: LangOpt = DEFAULT_LANGUAGE,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes",
            min=1,
            envvar="ZGRONGCUO_MAX_BYTES",
            help="Refuse case files larger than this many bytes, before reading them (default 1 MiB).",
        ),
    ] = 1 << 20,
) -> None:
    """Check case files against the criteria and print a determination for each."""
    from zgrongcuo import case as case_mod
    from zgrongcuo import criteria as criteria_mod
    from zgrongcuo.engine import evaluate

    _check_lang(lang)
    crit = criteria_mod.load(criteria)
    _check_lang(lang, crit)
    if cases.count("-") > 1:
        raise UsageError("stdin_twice")
    entries = case_mod.discover(cases)
    batch = len(cases) > 1 or any(Path(a).is_dir() for a in cases if a != "-")
    renderer = format.renderer(sys.stdout, lang, batch=batch)
    favourables: list[bool | None] = []
    failures = 0
    for path, problem in entries:
        try:
            if problem is not None:
                raise problem
            loaded = case_mod.load(path, crit, max_bytes=max_bytes)
        except ZgError as error:
            failures += 1
            report_error(error, lang)
            renderer.failure(path, error)
            continue
        for notice in loaded.notices:
            _say(text("warning_prefix", lang) + text("location_sep", lang) + text(notice.msg_id, lang, **notice.params))
        determination = evaluate(crit, loaded)
        favourables.append(determination.outcome.favourable)
        renderer.determination(determination)
        sys.stdout.flush()
    renderer.close()
    sys.stdout.flush()
    raise typer.Exit(exit_code_for(favourables, failures))


class LintFormat(str, enum.Enum):
    text = "text"
    json = "json"


@criteria_app.command("validate")
@guarded
def criteria_validate(
    path: Annotated[
        Optional[str],
        typer.Argument(metavar="[PATH]", help="Criteria file or bundled measure name; default: the bundled measure."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when there are warnings.")] = False,
    format: Annotated[LintFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)] = LintFormat.text,
    lang: LangOpt = DEFAULT_LANGUAGE,
) -> None:
    """Lint a criteria file for its authors.

    Errors (the file cannot be used) exit 2; warnings (parts that can never
    matter) are listed apart and exit 0, or 1 with --strict.
    """
    from zgrongcuo import lint

    _check_lang(lang)
    file, findings = lint.lint_path(path)
    errors = [f for f in findings if f.severity == lint.ERROR]
    warnings = [f for f in findings if f.severity == lint.WARNING]
    if format is LintFormat.json:
        import json

        report = {
            "file": file,
            "errors": [f.to_json(lang) for f in errors],
            "warnings": [f.to_json(lang) for f in warnings],
        }
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        for heading, group in (("lint.heading_errors", errors), ("lint.heading_warnings", warnings)):
            if group:
                typer.echo(text(heading, lang, count=len(group)))
                for finding in group:
                    typer.echo("  " + finding.problem.render(lang).replace("\n", "\n  "))
        if findings:
            typer.echo(text("lint.summary", lang, file=file, errors=len(errors), warnings=len(warnings)))
        else:
            typer.echo(text("lint.clean", lang, file=file))
    raise typer.Exit(EXIT_USAGE if errors else EXIT_UNFAVOURABLE if strict and warnings else EXIT_OK)


def main() -> None:
    """Console-script entry point."""
    app()
