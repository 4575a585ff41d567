"""What every command shares: the options written once, the exit codes by name, messages on stderr, and the guard.

Only the command line turns errors into messages on stderr and exit codes.
"""

from __future__ import annotations

import enum
import functools
import sys
from collections.abc import Callable, Iterable
from typing import Any, NoReturn, TypeVar

import click

from zgrongcuo import __version__
from zgrongcuo.errors import UsageError, ZgError
from zgrongcuo.io.files import MAX_BYTES, MAX_BYTES_LIMIT
from zgrongcuo.model.case import Notice
from zgrongcuo.model.criteria import Criteria, Questions
from zgrongcuo.text.catalogue import DEFAULT_LANGUAGE, LANGUAGES, text


class ExitCode(enum.IntEnum):
    """Exit codes, the first that applies (README "Exit codes")."""

    OK = 0
    UNFAVOURABLE = 1  # some outcome is unfavourable: a normal result
    USAGE = 2  # a usage error, a file that cannot be loaded, input that ran out
    UNDETERMINED = 3
    INTERNAL = 70  # a bug
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM


def finish(code: int) -> NoReturn:
    """End the command with ``code`` (an interruption by SIGTERM ends with its own code)."""
    if code == ExitCode.INTERRUPTED and _terminated():
        code = ExitCode.TERMINATED
    raise click.exceptions.Exit(int(code))


def _terminated() -> bool:
    process = sys.modules.get("zgrongcuo.cli.process")  # set up by the console script only
    return bool(process is not None and process.terminated())


def interrupted(lang: str) -> int:
    """Say that the command was interrupted (Ctrl-C) or terminated (SIGTERM); the exit code to end with."""
    if _terminated():
        say(text("terminated", lang))
        return ExitCode.TERMINATED
    say(text("interrupted", lang))
    return ExitCode.INTERRUPTED


def exit_code_for(favourables: Iterable[bool | None], failures: int) -> ExitCode:
    """The exit code of a batch: load failures, then unfavourable, then undetermined."""
    if failures:
        return ExitCode.USAGE
    kinds = set(favourables)
    if False in kinds:
        return ExitCode.UNFAVOURABLE
    if None in kinds:
        return ExitCode.UNDETERMINED
    return ExitCode.OK


# ------------------------------------------------------------------ messages


def say(message: str) -> None:
    """A line on standard error; a standard error that cannot be written never changes the outcome."""
    try:
        sys.stderr.write(message.rstrip("\n") + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # closed, or None when started without it
        pass


def silent(message: str) -> None:
    """What ``--quiet`` makes of a notice."""


def report_error(error: ZgError, lang: str) -> None:
    """One paragraph on stderr: where, which key, what is wrong."""
    say(text("error_prefix", lang) + text("location_sep", lang) + error.render(lang))


def warn(notice: Notice, lang: str) -> None:
    """A warning about how a file was read, on stderr (a file name in it shown, never acting)."""
    from zgrongcuo.text.escape import one_line

    params = {k: one_line(v) if isinstance(v, str) else v for k, v in notice.params.items()}
    say(text("warning_prefix", lang) + text("location_sep", lang) + text(notice.msg_id, lang, **params))


# ------------------------------------------------------------------ options

F = TypeVar("F", bound=Callable[..., Any])
Decorator = Callable[[F], F]


class Choice(click.Choice):
    """A choice whose refusal is worded in the command's language."""

    def __init__(self, choices: Iterable[str], lang: str) -> None:
        super().__init__(list(choices), case_sensitive=False)
        self.lang = lang

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        folded = str(value).lower()
        for choice in self.choices:
            if str(choice).lower() == folded:
                return choice
        self.fail(text("cli.not_a_choice", self.lang, value=value, choices=", ".join(map(str, self.choices))), param, ctx)


class Count(click.ParamType):
    """A whole number of at least ``minimum``, refused in the command's language; above ``maximum``, the maximum."""

    name = "integer"

    def __init__(self, lang: str, minimum: int = 0, maximum: int | None = None) -> None:
        self.lang, self.minimum, self.maximum = lang, minimum, maximum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:  # also a number of thousands of digits
            self.fail(text("cli.not_an_integer", self.lang, value=_short(str(value))), param, ctx)
        if number < self.minimum:
            self.fail(text("cli.below_minimum", self.lang, value=_short(str(number)), minimum=self.minimum), param, ctx)
        return number if self.maximum is None else min(number, self.maximum)


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:20] + "…" + value[-10:]


def criteria_option(lang: str, *, several: bool = False) -> Decorator[Any]:
    """``--criteria``; with ``several``, it may be given more than once (each case checked against every one)."""
    if several:
        return click.option(
            "--criteria", "criteria", metavar="PATH", multiple=True, help=text("cli.opt.criteria_several", lang)
        )
    return click.option("--criteria", metavar="PATH", default=None, help=text("cli.opt.criteria", lang))


def lang_option(lang: str) -> Decorator[Any]:
    return click.option(
        "--lang",
        metavar="zh|en",
        default=DEFAULT_LANGUAGE,
        envvar="ZGRONGCUO_LANG",
        help=text("cli.opt.lang", lang),
    )


def format_option(lang: str, choices: Iterable[str], default: str) -> Decorator[Any]:
    return click.option("--format", "-f", "format_name", type=Choice(choices, lang), default=default, help=text("cli.opt.format", lang))


def detail_option(lang: str) -> Decorator[Any]:
    return click.option("--detail", is_flag=True, help=text("cli.opt.detail", lang))


def quiet_option(lang: str, msg_id: str = "cli.opt.quiet") -> Decorator[Any]:
    return click.option("--quiet", "-q", is_flag=True, help=text(msg_id, lang))


def output_option(lang: str) -> Decorator[Any]:
    return click.option("--output", "-o", metavar="PATH", default=None, help=text("cli.opt.output", lang))


def force_option(lang: str, msg_id: str = "cli.opt.force") -> Decorator[Any]:
    return click.option("--force", is_flag=True, help=text(msg_id, lang))


def max_bytes_option(lang: str) -> Decorator[Any]:
    # Every command that reads case files takes the same limit, from the option or the environment.
    return click.option(
        "--max-bytes",
        type=Count(lang, minimum=1, maximum=MAX_BYTES_LIMIT),  # a case file is read whole into memory
        default=MAX_BYTES,
        envvar="ZGRONGCUO_MAX_BYTES",
        metavar="N",
        help=text("cli.opt.max_bytes", lang),
    )


def checked_language(lang: str, criteria: Criteria | None = None) -> str:
    """``lang`` if the tool (and the criteria) speak it; a usage error otherwise."""
    known = LANGUAGES if criteria is None else criteria.languages
    if lang not in LANGUAGES or lang not in known:
        raise UsageError("unknown_language", lang=lang, known=", ".join(known))
    return lang


def load_criteria(spec: str | None, lang: str) -> Criteria:
    """The criteria ``--criteria`` names, checked to speak ``lang``."""
    from zgrongcuo.io.criteria_builder import load

    checked_language(lang)
    warn_if_shadowed(spec, lang)
    criteria = load(spec)
    checked_language(lang, criteria)
    return criteria


def emit(content: str, output: str | None, force: bool, lang: str) -> None:
    """Standard output, or a new file (``-o``) that is never overwritten without --force."""
    if output is None or output == "-":
        sys.stdout.write(content)
        return
    from zgrongcuo.io.files import write_new

    write_new(output, content, force=force)
    say(text("wrote", lang, file=output))


def warn_if_shadowed(spec: str | None, lang: str) -> None:
    """A bundled measure's name means the bundled measure: say so when a file in this folder has that name."""
    from zgrongcuo.io.measures import shadowed

    if shadowed(spec):
        say(text("warning_prefix", lang) + text("location_sep", lang) + text("measure_name_shadows", lang, name=spec))


def load_questions(specs: tuple[str, ...], lang: str) -> Questions:
    """The measures each ``--criteria`` names (none: the default), checked to speak ``lang``, and their questions."""
    from zgrongcuo.io.questions import load_measures, questions

    checked_language(lang)
    for spec in specs:
        warn_if_shadowed(spec, lang)
    measures = load_measures(specs)
    for criteria in measures:
        checked_language(lang, criteria)
    return questions(measures)


# ------------------------------------------------------------------ the guard


def guarded(func: F) -> F:
    """Turn what escapes a command into the documented exit codes, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = str(kwargs.get("lang")) if kwargs.get("lang") in LANGUAGES else DEFAULT_LANGUAGE
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.Abort, click.UsageError):
            raise
        except ZgError as error:
            report_error(error, lang)
            finish(ExitCode.USAGE)
        except KeyboardInterrupt:
            finish(interrupted(lang))
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            from zgrongcuo.cli.root import debugging

            if debugging():
                import traceback

                traceback.print_exc()
            say(text("internal_error", lang, version=__version__, detail=f"{type(exc).__name__}: {exc}"))
            finish(ExitCode.INTERNAL)

    return wrapper  # type: ignore[return-value]
