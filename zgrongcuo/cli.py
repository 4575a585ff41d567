"""The command line: thin glue between arguments, the core and the renderers.

Only this module turns errors into messages on stderr and exit codes.
"""

from __future__ import annotations

import contextlib
import copy
import enum
import functools
import itertools
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Optional

import typer

from zgrongcuo import __version__
from zgrongcuo.case import MAX_BYTES
from zgrongcuo.errors import UsageError, ZgError
from zgrongcuo.formats import OutputFormat, ReportFormat, ShowFormat
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
OutputOpt = Annotated[
    Optional[str],
    typer.Option("--output", "-o", metavar="PATH", help="Write to this file (reports of several cases: this folder) instead of standard output."),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite files that already exist.")]
# Every command that reads case files takes the same limit, from the option or the environment.
MaxBytesOpt = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        min=1,
        envvar="ZGRONGCUO_MAX_BYTES",
        help="Refuse case files larger than this many bytes, before reading them (default 1 MiB).",
    ),
]


def _check_lang(lang: str, criteria=None) -> str:
    known = LANGUAGES if criteria is None else criteria.languages
    if lang not in LANGUAGES or lang not in known:
        raise UsageError("unknown_language", lang=lang, known=", ".join(known))
    return lang


def exit_code_for(favourables: Iterable[bool | None], failures: int) -> int:
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
    max_bytes: MaxBytesOpt = MAX_BYTES,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes for a batch (0: one per core).")
    ] = 1,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="JSON and JSONL: add `counterfactuals`, what would change the outcome (text and reports always show it).",
        ),
    ] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Check case files against the criteria and print a determination for each.

    With -o, markdown, html and docx reports of several cases go into a folder,
    one file per case (named by case id, else by file name) and a summary.
    """
    from zgrongcuo import batch as batch_mod
    from zgrongcuo import case as case_mod
    from zgrongcuo import criteria as criteria_mod

    _check_lang(lang)
    crit = criteria_mod.load(criteria)
    _check_lang(lang, crit)
    if cases.count("-") > 1:
        raise UsageError("stdin_twice")
    entries = case_mod.discover(cases)
    batch = len(cases) > 1 or any(Path(a).is_dir() for a in cases if a != "-")
    renderer, sink, folder_writer = _destination(format, output, lang, batch=batch, force=force, explain=explain)
    tasks = (_task(path, problem, max_bytes) for path, problem in entries)
    total = None  # counted only where a progress bar needs it: a batch keeps no list of its files
    if _wants_progress(format):
        tasks = list(tasks)
        total = len(tasks)
    if jobs == 0:
        jobs = batch_mod.cpu_count()
    if jobs > 1:  # a worker costs about as much as CASES_PER_WORKER cases: not for a small batch
        head = list(itertools.islice(tasks, jobs * CASES_PER_WORKER))
        jobs = min(jobs, max(len(head) // CASES_PER_WORKER, 1))
        tasks = itertools.chain(head, tasks)
    results = batch_mod.run(
        tasks,
        crit,
        renderer,
        jobs=jobs,
        criteria_spec=criteria,
        fmt=format,
        lang=lang,
        batch=batch,
        explain=explain,
        max_bytes=max_bytes,
    )
    favourables: set[bool | None] = set()  # which kinds of outcome occurred, for the exit code
    failures = 0
    with _progress(total, lang) as advance:
        for result in results:
            if result.failure is not None:
                failures += 1
                report_error(result.failure, lang)
                renderer.failure(result.file, result.failure)
            else:
                for notice in result.notices:
                    _warn(notice, lang)
                favourables.add(result.favourable)
                if hasattr(renderer, "emit"):
                    renderer.emit(result.payload)
                else:
                    renderer.determination(result.payload)
            sys.stdout.flush()
            advance()
        renderer.close()
    sys.stdout.flush()
    if folder_writer is not None:
        for error in folder_writer.errors:
            failures += 1
            report_error(error, lang)
    if sink is not None:
        from zgrongcuo.files import write_new

        write_new(output, sink.getvalue(), force=force)
        _say(text("wrote", lang, file=output))
    raise typer.Exit(exit_code_for(favourables, failures))


def _task(path: str, problem: ZgError | None, max_bytes: int):
    """A batch task: standard input is read here, so that workers get its bytes like any file's."""
    if path != "-" or problem is not None:
        return path, None, problem
    from zgrongcuo import case as case_mod

    try:
        return path, case_mod.read_bytes("-", max_bytes=max_bytes), None
    except ZgError as error:
        return path, None, error


def _destination(format: OutputFormat, output: str | None, lang: str, *, batch: bool, force: bool, explain: bool):
    """The renderer for ``-o``/``--format``, the buffer to write to a file at the end, and the report-folder writer."""
    to_stdout = output == "-"  # explicitly standard output, e.g. a Word document into a pipe
    if to_stdout:
        output = None
    if format is OutputFormat.docx:
        from zgrongcuo.render_docx import require

        require()
        if batch and output is None:
            raise UsageError("docx_batch_needs_output")
        if output is None and (not to_stdout or sys.stdout.isatty()):
            raise UsageError("docx_needs_output")
    if output is None:
        return format.renderer(None, lang, batch=batch, explain=explain), None, None
    target = Path(output)
    if format.is_report and (batch or target.is_dir()):
        if target.exists() and not target.is_dir():
            raise UsageError("output_not_folder", file=output)
        from zgrongcuo.report import FolderWriter

        # One case into an existing folder is named as in a batch, without a summary.
        writer = FolderWriter(format.document_module(), target, lang, force=force, say=_say, summary=batch)
        return writer, None, writer
    if target.exists() and not force and not target.is_dir():
        raise ZgError("file_exists", file=output)
    import io

    sink = io.BytesIO() if format is OutputFormat.docx else io.StringIO()
    return format.renderer(sink, lang, batch=batch, explain=explain), sink, None


def _warn(notice, lang: str) -> None:
    """A warning about how a file was read, on stderr."""
    _say(text("warning_prefix", lang) + text("location_sep", lang) + text(notice.msg_id, lang, **notice.params))


PROGRESS_FROM = 200  # cases; below this a batch is over before a bar helps
CASES_PER_WORKER = 64  # starting a worker costs about as much as checking this many cases


def _wants_progress(format: OutputFormat) -> bool:
    """Text for people, and a terminal to draw a bar in."""
    return format is OutputFormat.text and sys.stderr.isatty()


@contextlib.contextmanager
def _progress(total: int | None, lang: str):
    """A progress bar on stderr for a long batch of ``total`` cases; nothing when ``total`` is None or small."""
    if total is None or total < PROGRESS_FROM:
        yield lambda: None
        return
    from zgrongcuo.render_text import progress_bar

    with progress_bar(total, text("progress", lang)) as advance:
        yield advance


# ------------------------------------------------------ for policy authors

ReportFormatOpt = Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]


@criteria_app.command("show")
@guarded
def criteria_show(
    path: Annotated[
        Optional[str],
        typer.Argument(metavar="[PATH]", help="Criteria file or bundled measure name; default: the bundled Zigui 2018 measure."),
    ] = None,
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="text (a tree) or markdown.", case_sensitive=False)] = ShowFormat.text,
    lang: LangOpt = DEFAULT_LANGUAGE,
) -> None:
    """Show a measure as the tool reads it, in plain words.

    Situations with their elements, preconditions, bottom lines, named conditions,
    the outcome rules in order and the questions, each with its quoted source and basis.
    """
    from zgrongcuo import criteria as criteria_mod
    from zgrongcuo import outline

    _check_lang(lang)
    crit = criteria_mod.load(path)
    _check_lang(lang, crit)
    root = outline.build(crit, lang)
    if format is ShowFormat.markdown:
        from zgrongcuo import render_outline

        render_outline.render(root, sys.stdout)
    elif format is ShowFormat.text:
        from zgrongcuo.render_reports_text import show
        from zgrongcuo.render_text import make_console

        show(make_console(sys.stdout), root)
    else:  # pragma: no cover - the test covers every member
        raise AssertionError(format)
    sys.stdout.flush()


@criteria_app.command("test")
@guarded
def criteria_test(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH...", help="Case files or folders of them (recursed, as check does).")
    ],
    criteria: CriteriaOpt = None,
    format: ReportFormatOpt = ReportFormat.text,
    lang: LangOpt = DEFAULT_LANGUAGE,
    max_bytes: MaxBytesOpt = MAX_BYTES,
) -> None:
    """Run the cases that have an expect: block; report what differs.

    Exit 0 when every such case passes, 1 when one fails, 2 when a file cannot be
    loaded or no case has an expect: block. Files without one are skipped.
    """
    from zgrongcuo import criteria as criteria_mod
    from zgrongcuo import expectations

    _check_lang(lang)
    crit = criteria_mod.load(criteria)
    _check_lang(lang, crit)
    if paths.count("-") > 1:
        raise UsageError("stdin_twice")
    results = expectations.run(crit, paths, max_bytes=max_bytes)
    n = expectations.counts(results)
    if format is ReportFormat.json:
        from zgrongcuo.render_reports_json import write_test

        write_test(sys.stdout, crit, results, lang)
    elif format is ReportFormat.text:
        from zgrongcuo.render_reports_text import test_report
        from zgrongcuo.render_text import make_console

        test_report(make_console(sys.stdout), crit, results, lang)
    else:  # pragma: no cover - the test covers every member
        raise AssertionError(format)
    sys.stdout.flush()
    for r in results:
        if r.error is not None:
            report_error(r.error, lang)
    if n[expectations.ERROR]:
        raise typer.Exit(EXIT_USAGE)
    if n[expectations.PASSED] + n[expectations.FAILED] == 0:
        # A suite that runs nothing would pass silently: that is a mistake in the arguments.
        raise UsageError("test.nothing", total=len(results))
    raise typer.Exit(EXIT_UNFAVOURABLE if n[expectations.FAILED] else EXIT_OK)


@app.command("diff")
@guarded
def diff(
    old: Annotated[str, typer.Argument(metavar="OLD_CRITERIA", help="The criteria file (or bundled measure) before the change.")],
    new: Annotated[str, typer.Argument(metavar="NEW_CRITERIA", help="The criteria file (or bundled measure) after the change.")],
    cases: Annotated[
        list[str], typer.Argument(metavar="CASE...", help="Case files or folders of them (recursed, as check does).")
    ],
    format: ReportFormatOpt = ReportFormat.text,
    lang: LangOpt = DEFAULT_LANGUAGE,
    max_bytes: MaxBytesOpt = MAX_BYTES,
) -> None:
    """List the cases whose outcome or situations change between two criteria.

    Each changed case with the statuses that moved, then a count by transition.
    Exit 0 when nothing changed, 1 when something did, 2 when a file cannot be loaded.
    """
    from zgrongcuo import comparison
    from zgrongcuo import criteria as criteria_mod

    _check_lang(lang)
    old_crit = criteria_mod.load(old)
    new_crit = criteria_mod.load(new)
    _check_lang(lang, old_crit)
    _check_lang(lang, new_crit)
    if cases.count("-") > 1:
        raise UsageError("stdin_twice")
    report = comparison.compare(old_crit, new_crit, cases, max_bytes=max_bytes)
    if format is ReportFormat.json:
        from zgrongcuo.render_reports_json import write_diff

        write_diff(sys.stdout, report, lang)
    elif format is ReportFormat.text:
        from zgrongcuo.render_reports_text import diff_report
        from zgrongcuo.render_text import make_console

        diff_report(make_console(sys.stdout), report, lang)
    else:  # pragma: no cover - the test covers every member
        raise AssertionError(format)
    sys.stdout.flush()
    if report.failed:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_UNFAVOURABLE if report.changed else EXIT_OK)


@app.command()
@guarded
def ask(
    criteria: CriteriaOpt = None,
    case_file: Annotated[
        Optional[str],
        typer.Option(
            "--case",
            metavar="FILE",
            help="Start from this case file (complete or partial) and ask only what is still open: "
            "the way to resume a draft.",
        ),
    ] = None,
    save: Annotated[
        Optional[str],
        typer.Option(
            "--save",
            metavar="FILE",
            help="Write the answers, metadata and notes to this case file (.yaml, or .json) at the end.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the --save file if it exists, without asking.")
    ] = False,
    everything: Annotated[
        bool,
        typer.Option(
            "--all", help="Ask every question, even those that can no longer change the outcome (a complete record)."
        ),
    ] = False,
    meta: Annotated[
        Optional[bool],
        typer.Option(
            "--meta/--no-meta",
            help="Ask for a missing case id, title and subject at the start "
            "(default: when no question has been answered yet; --meta also when resuming).",
        ),
    ] = None,
    format: FormatOpt = OutputFormat.text,
    lang: LangOpt = DEFAULT_LANGUAGE,
) -> None:
    """Interview a person, question by question, and print the determination.

    Only questions whose answer can still change the outcome are asked; the
    determination is printed exactly as check prints it, with check's exit codes.
    """
    from zgrongcuo import case as case_mod
    from zgrongcuo import criteria as criteria_mod
    from zgrongcuo.engine import evaluate
    from zgrongcuo.interview import Interview, StreamDialogue

    _check_lang(lang)
    crit = criteria_mod.load(criteria)
    _check_lang(lang, crit)
    if case_file == "-":
        raise UsageError("ask_case_stdin")
    if case_file is not None:
        start = case_mod.load(case_file, crit)
        for notice in start.notices:
            _warn(notice, lang)
    else:
        start = case_mod.Case(file="-", meta={k: None for k in case_mod.META_KEYS}, answers={})
    if save is not None and Path(save).is_dir():
        raise UsageError("is_a_directory", file=save)

    # Undecodable bytes typed at a prompt are an invalid answer, not a crash.
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")
    io = StreamDialogue(sys.stdin, sys.stderr)
    interview = Interview(crit, start, lang, everything=everything, ask_meta=meta)
    resume = _resume_command(case_file, save, criteria, lang, everything, format)
    try:
        overwrite = force
        if save is not None and Path(save).exists() and not force:
            overwrite = _confirm(io, text("ask.overwrite_prompt", lang, file=save), lang)
            if not overwrite:
                raise ZgError("file_exists", file=save)
        interview.run(io)
    except KeyboardInterrupt:
        _say("")
        _say(text("ask.interrupted", lang))
        _save_draft(interview, crit, lang, save, case_file, resume)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except EOFError:
        piped = not (hasattr(sys.stdin, "isatty") and sys.stdin.isatty())
        _say(text("ask.input_ran_out" if piped else "ask.input_ended", lang))
        _save_draft(interview, crit, lang, save, case_file, resume)
        raise typer.Exit(EXIT_USAGE) from None

    final = interview.case
    if save is not None:
        try:
            _write_case(final, crit, lang, save, force=overwrite)
        except ZgError as error:  # e.g. the file appeared meanwhile: keep the answers all the same
            report_error(error, lang)
            _save_draft(interview, crit, lang, save, case_file, resume)
            raise typer.Exit(EXIT_USAGE) from None
        _say(text("ask.saved", lang, file=save))
        final.file = save
    determination = evaluate(crit, final)
    renderer = format.renderer(sys.stdout, lang, batch=False)
    renderer.determination(determination)
    renderer.close()
    sys.stdout.flush()
    raise typer.Exit(exit_code_for([determination.outcome.favourable], 0))


def _confirm(io, prompt: str, lang: str) -> bool:
    from zgrongcuo.interview import split_note, yes_no

    while True:
        word, _ = split_note(io.ask(prompt))
        value = yes_no(word) if word else None
        if isinstance(value, bool):
            return value
        io.say(text("ask.hint_yesno", lang))


def _write_case(case, crit, lang: str, path: str, *, force: bool, draft_of: str | None = None) -> None:
    import datetime

    from zgrongcuo import files, record

    comments = [record.header(crit, lang, datetime.date.today().isoformat())]
    if draft_of is not None:
        comments.insert(0, text("ask.draft_header", lang, command=draft_of))
    data = record.dumps(case, crit, lang=lang, comments=tuple(comments), json_syntax=path.lower().endswith(".json"))
    files.write_new(path, data, force=force)


def _draft_path(save: str | None, case_file: str | None) -> Path:
    """Where a draft goes: the --save path if it is free, else a new name beside it (or beside --case)."""
    import re

    from zgrongcuo.files import free_name

    if save is not None and not Path(save).exists():
        return Path(save)
    base = Path(save or case_file or "zgrongcuo.yaml")
    # Resuming a draft and stopping again: name.draft-2.yaml, not name.draft.draft.yaml.
    base = base.with_name(re.sub(r"\.draft(-\d+)?$", "", base.stem) + (base.suffix or ".yaml"))
    return free_name(base, "draft")


def _resume_command(case_file, save, criteria, lang, everything, format) -> Callable[[str], str]:
    import shlex

    def command(draft: str) -> str:
        words = ["zgrongcuo", "ask", "--case", draft]
        if criteria is not None:
            words += ["--criteria", criteria]
        if lang != DEFAULT_LANGUAGE:
            words += ["--lang", lang]
        if everything:
            words.append("--all")
        if format is not OutputFormat.text:
            words += ["--format", format.value]
        if save is not None:
            words += ["--save", save]
        return shlex.join(words)

    return command


def _save_draft(interview, crit, lang: str, save, case_file, resume) -> None:
    """Keep what was answered: a draft never overwrites anything."""
    if not interview.changed:
        _say(text("ask.nothing_to_save", lang))
        return
    path = _draft_path(save, case_file)
    command = resume(str(path))
    try:
        _write_case(interview.case, crit, lang, str(path), force=False, draft_of=command)
    except ZgError as error:
        report_error(error, lang)
        return
    _say(text("ask.draft_saved", lang, file=str(path), command=command))


class SchemaKind(str, enum.Enum):
    case = "case"
    determination = "determination"


@app.command()
@guarded
def template(
    criteria: CriteriaOpt = None,
    lang: LangOpt = DEFAULT_LANGUAGE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    schema_url: Annotated[
        str,
        typer.Option("--schema", metavar="URL", help="Where the first line points editors for the case schema."),
    ] = "case.schema.json",
) -> None:
    """Print a blank case file to fill in, questions and help as comments.

    Check on the untouched file gives undetermined with every question open.
    """
    from zgrongcuo import criteria as criteria_mod
    from zgrongcuo import template as template_mod

    _check_lang(lang)
    crit = criteria_mod.load(criteria)
    _check_lang(lang, crit)
    _emit(template_mod.render(crit, lang, schema=schema_url), output, force, lang)


@app.command()
@guarded
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="case (default) or determination.", case_sensitive=False)] = SchemaKind.case,
    criteria: CriteriaOpt = None,
    lang: LangOpt = DEFAULT_LANGUAGE,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Print the JSON Schema of case files or of determinations."""
    import json

    from zgrongcuo import criteria as criteria_mod

    _check_lang(lang)
    crit = criteria_mod.load(criteria)
    _check_lang(lang, crit)
    if kind is SchemaKind.case:
        from zgrongcuo.schema import case_schema

        data = case_schema(crit, lang)
    else:
        from zgrongcuo.render_json import determination_schema

        data = determination_schema(crit, lang)
    _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output, force, lang)


def _emit(content: str, output: str | None, force: bool, lang: str) -> None:
    """Standard output, or a new file that is never overwritten without --force."""
    if output is None or output == "-":
        sys.stdout.write(content)
        return
    from zgrongcuo.files import write_new

    write_new(output, content, force=force)
    _say(text("wrote", lang, file=output))


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


def only_the_command_in(argv: list[str]) -> typer.Typer:
    """The app with just the command that ``argv`` runs (the whole app when none matches).

    Typer builds the parameters of every command at each start; a script that
    checks one case per call pays for the one command it runs, not for all.
    """
    name = next((a for a in argv if not a.startswith("-")), None)
    commands = [c for c in app.registered_commands if (c.name or c.callback.__name__.replace("_", "-")) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    slim = copy.copy(app)
    slim.registered_commands = commands
    slim.registered_groups = groups
    return slim


def main() -> None:
    """Console-script entry point."""
    only_the_command_in(sys.argv[1:])(prog_name="zgrongcuo")
