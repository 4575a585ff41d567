"""What every command shares: the options written once, the exit codes by name, messages on stderr.

Only the command line turns errors into messages on stderr and exit codes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from zgrongcuo.cli import framework, process
from zgrongcuo.errors import UsageError, ZgError
from zgrongcuo.io.files import MAX_BYTES_LIMIT
from zgrongcuo.model.case import Notice
from zgrongcuo.model.criteria import Criteria, Questions
from zgrongcuo.text.catalogue import LANGUAGES, text
from zgrongcuo.text.escape import quoted, quoted_params

if TYPE_CHECKING:
    from zgrongcuo.io.questions import Selection

ExitCode = framework.ExitCode


def finish(code: int) -> NoReturn:
    """End the command with ``code`` (an interruption by SIGTERM ends with its own code)."""
    if code == ExitCode.INTERRUPTED and process.terminated():
        code = ExitCode.TERMINATED
    raise typer.Exit(int(code))


def interrupted(lang: str) -> int:
    """Say that the command was interrupted (Ctrl-C) or terminated (SIGTERM); the exit code to end with."""
    framework.said_interrupted(True)
    try:
        sys.stdout.flush()  # the lines finished before the interruption come before the message that ends them
    except (OSError, ValueError, ZgError):  # a standard output that cannot take them: the interruption is the news
        pass
    if process.terminated():
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
    """A paragraph on stderr per problem: where, which key, what is wrong (every problem found in the file)."""
    prefix = text("error_prefix", lang) + text("location_sep", lang)
    for paragraph in error.paragraphs(lang):
        say(prefix + paragraph)


def warn(notice: Notice, lang: str) -> None:
    """A warning about how a file was read, on stderr (a file name in it shown, never acting)."""
    words = text(notice.msg_id, lang, **quoted_params(notice.params))
    say(text("warning_prefix", lang) + text("location_sep", lang) + words)


# ------------------------------------------------------------------ options
# The options several commands share, as Typer's Annotated types; help texts are catalogue ids,
# worded in the run's language when the command is built (framework.word).


def complete_measures(incomplete: str) -> list[str]:
    """Shell completion of --criteria: the bundled measures' names, then criteria files here."""
    import glob

    from zgrongcuo.io.measures import bundled_measures

    names = [name for name in bundled_measures() if name.startswith(incomplete)]
    files = [p for p in sorted(glob.glob(glob.escape(incomplete) + "*")) if p.endswith((".yaml", ".yml", ".json"))]
    return names + files


def criteria_option(help: str) -> Any:
    """``--criteria``, which may be given several times; ``help`` says what the measures do on the command."""
    return typer.Option("--criteria", metavar="PATH", help=help, autocompletion=complete_measures)


CriteriaOption = Annotated[list[str] | None, criteria_option("cli.opt.criteria_several")]
# On commands that read case files: without it, each case's own measures (its measures:), else the default.
CaseCriteriaOption = Annotated[list[str] | None, criteria_option("cli.opt.criteria_cases")]
LangOption = Annotated[
    str, typer.Option("--lang", metavar="zh|en", default_factory=framework.language, help="cli.opt.lang")
]
DetailOption = Annotated[bool, typer.Option("--detail", help="cli.opt.detail")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="cli.opt.quiet")]
# The same option where it says something else: the measures that weigh (similar), whose questions are written
# out (template, schema); and -o where the output is always one file.
WeighingOption = Annotated[list[str] | None, criteria_option("cli.opt.criteria_weigh")]
QuestionsOption = Annotated[list[str] | None, criteria_option("cli.opt.criteria_questions")]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", metavar="PATH", help="cli.opt.output")]
FileOutputOption = Annotated[str | None, typer.Option("--output", "-o", metavar="PATH", help="cli.opt.output_file")]
ForceOption = Annotated[bool, typer.Option("--force", help="cli.opt.force")]
# The papers a case gives (render.documents.Document): named here, where the option is built at every run,
# so that the module that makes them is imported only when one is asked for.
DOCUMENTS = ("opinion", "checklist", "application")
_document_choice = framework.Choice(DOCUMENTS)
DocumentOption = Annotated[
    str,
    typer.Option(
        "--document", parser=_document_choice, metavar=f"[{'|'.join(DOCUMENTS)}]", help="cli.opt.document",
        autocompletion=_document_choice.complete,
    ),
]  # fmt: skip
MaxBytesOption = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        parser=framework.Count(minimum=1, maximum=MAX_BYTES_LIMIT),  # a case file is read whole into memory
        envvar="ZGRONGCUO_MAX_BYTES",
        metavar="N",
        help="cli.opt.max_bytes",
    ),
]


def format_option(choices: Iterable[str], help: str = "cli.opt.format") -> Any:
    """``--format``/``-f``: one of ``choices``, any case, completed in the shell."""
    choice = framework.Choice(choices)
    return typer.Option(
        "--format", "-f", parser=choice, metavar=f"[{'|'.join(choice.choices)}]", help=help,
        autocompletion=choice.complete,
    )  # fmt: skip


def specs(criteria: list[str] | None) -> tuple[str, ...]:
    """The ``--criteria`` values as given (none: the default measure)."""
    return tuple(criteria or ())


def checked_language(lang: str, criteria: Criteria | None = None) -> str:
    """``lang`` if the tool (and the criteria) speak it; a usage error otherwise."""
    known = LANGUAGES if criteria is None else criteria.languages
    if lang not in LANGUAGES or lang not in known:
        raise UsageError("unknown_language", lang=lang, known=", ".join(known))
    return lang


def measure_named(spec: str | None, lang: str) -> Criteria:
    """The measure a command's argument names (a file or a bundled name), checked to speak ``lang``, shadowing said."""
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
    say(text("wrote", lang, file=quoted(output)))


def emit_bytes(content: bytes, output: str | None, force: bool, lang: str, kind: str) -> None:
    """A file's bytes into a new file (``-o``), or into a pipe with ``-o -``; never into a terminal."""
    if output is None or (output == "-" and sys.stdout.isatty()):
        raise UsageError("binary_needs_output", format=kind)
    if output == "-":
        stream: Any = getattr(sys.stdout, "buffer", sys.stdout)
        stream.write(content)
        stream.flush()
        return
    from zgrongcuo.io.files import write_new

    write_new(output, content, force=force)
    say(text("wrote", lang, file=quoted(output)))


def warn_if_shadowed(spec: str | None, lang: str) -> None:
    """A bundled measure's name means the bundled measure: say so when a file in this folder has that name."""
    from zgrongcuo.io.measures import shadowed

    if shadowed(spec):
        say(text("warning_prefix", lang) + text("location_sep", lang) + text("measure_name_shadows", lang, name=quoted(spec or "")))


def selection_for(specs: tuple[str, ...], lang: str) -> Selection:
    """What each case is checked against: the ``--criteria`` given (checked to speak ``lang``; they override what the
    case files name), or, none given, each case's own measures (SPEC "A case may name the measures ...")."""
    from zgrongcuo.io.questions import Selection

    checked_language(lang)
    for spec in specs:
        warn_if_shadowed(spec, lang)
    selection = Selection(specs, lang=lang)
    for criteria in selection.fixed.measures if selection.fixed is not None else ():
        checked_language(lang, criteria)
    return selection


def questions_for(specs: tuple[str, ...], lang: str) -> Questions:
    """The measures each ``--criteria`` names (none: the default), checked to speak ``lang``, and their questions."""
    asked = selection_for(specs, lang).default()
    if not specs:  # the default measure, which selection_for has not looked at
        checked_language(lang, asked.measures[0])
    return asked
