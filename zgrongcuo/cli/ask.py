"""`zgrongcuo ask`: the interview in the terminal, then the determination as `check` prints it."""

# No `from __future__ import annotations`: Typer reads the parameters' annotations when the command is
# built, and string annotations would be compiled anew on every run.

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from zgrongcuo.cli import common, framework
from zgrongcuo.io.files import MAX_BYTES
from zgrongcuo.render.registry import OutputFormat

if TYPE_CHECKING:
    from zgrongcuo.interview.dialogue import StreamDialogue
    from zgrongcuo.model.determination import Determination
    from zgrongcuo.render.contract import RenderOptions


app = framework.sub_app()


@app.command("ask", cls=framework.Command, help="cli.ask", epilog="cli.ask_exit_codes")
def ask(
    *,
    criteria: common.CaseCriteriaOption = None,
    case_file: Annotated[str | None, typer.Option("--case", metavar="FILE", help="cli.opt.case")] = None,
    from_texts: Annotated[list[str] | None, typer.Option("--from", metavar="FILE", help="cli.opt.from")] = None,
    save: Annotated[str | None, typer.Option("--save", metavar="FILE", help="cli.opt.save")] = None,
    no_save: Annotated[bool, typer.Option("--no-save", help="cli.opt.no_save")] = False,
    force: Annotated[bool, typer.Option("--force", help="cli.opt.ask_force")] = False,
    everything: Annotated[bool, typer.Option("--all", help="cli.opt.all")] = False,
    meta: Annotated[bool | None, typer.Option("--meta/--no-meta", help="cli.opt.meta")] = None,
    format_name: Annotated[str, common.format_option(f.value for f in OutputFormat)] = "text",
    document: common.DocumentOption = "opinion",
    detail: common.DetailOption = False,
    output: common.OutputOption = None,
    lang: common.LangOption,
    max_bytes: common.MaxBytesOption = MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="cli.opt.ask_quiet")] = False,
    precedents: Annotated[bool, typer.Option("--precedents", help="cli.opt.precedents")] = False,
) -> None:
    from datetime import datetime

    from zgrongcuo.engine.evaluation import evaluate
    from zgrongcuo.errors import UsageError, ZgError
    from zgrongcuo.interview.dialogue import StreamDialogue
    from zgrongcuo.interview.recording import InputEnded, Sitting, same_file, unnamed
    from zgrongcuo.io import case_reader
    from zgrongcuo.model.case import blank_case
    from zgrongcuo.render.contract import RenderOptions
    from zgrongcuo.render.destination import Destination

    # Everything that can be refused is refused here, before the first question.
    specs = common.specs(criteria)
    selection = common.selection_for(specs, lang)  # the --criteria given, else a resumed case's own measures
    if case_file == "-":
        raise UsageError("ask_case_stdin")
    if save == "-":
        raise UsageError("ask_save_stdout")
    if save is not None and no_save:
        raise UsageError("ask_save_and_no_save")
    if output not in (None, "-") and any(p is not None and same_file(output, p) for p in (case_file, save)):
        raise UsageError("ask_output_is_case", file=output)
    if precedents and (format_name != OutputFormat.text or output not in (None, "-") or document != "opinion"):
        raise UsageError("precedents_text_only")
    kept: tuple[str, ...] = ()
    if case_file is not None:
        # Against the measures the file names, or every one --criteria names: a file with answers for a measure
        # not among them is refused, never cut down.
        start, asked = case_reader.load_for(case_file, selection, max_bytes=max_bytes)
        kept = _comments(case_file, max_bytes)
    else:
        start, asked = blank_case(), selection.default()
    if not quiet:
        for notice in (*start.notices, *start.run_notices):
            common.warn(notice, lang)
    if from_texts:  # suggestions from written accounts, each offered at its question
        from zgrongcuo.cli.suggest import read_draft

        start = read_draft(
            from_texts, asked, lang, max_bytes=max_bytes, quiet=quiet, case=start if case_file else None
        ).case
    # A Word document onto a terminal, or an -o file that exists, is refused now, not after the interview.
    options = RenderOptions(lang, detail=detail, measures=len(asked.measures))
    notify = common.say if not quiet else common.silent
    # A report into a folder that holds one of its name takes the next free name: the answers are not lost to it.
    started = datetime.now()
    destination = Destination(
        OutputFormat(format_name), output, options, force=force, say=notify, fresh_names=True, unnamed=unnamed(started),
        document=document,
    )
    # Undecodable bytes typed at a prompt are an invalid answer, not a crash.
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")
    interactive = hasattr(sys.stdin, "isatty") and sys.stdin.isatty()
    dialogue = StreamDialogue(sys.stdin, sys.stderr, interactive=interactive)
    sitting = Sitting(
        asked,
        start,
        lang,
        say=dialogue.say,  # laid out to the terminal's width, as the questions are
        say_verbatim=common.say,
        report=lambda error: common.report_error(error, lang),
        case_file=case_file,
        save=save,
        no_save=no_save,
        force=force,
        everything=everything,
        meta=meta,
        format_name=format_name,
        document=document,
        output=output,
        detail=detail,
        quiet=quiet,
        max_bytes=max_bytes,
        kept_comments=kept,
        started=started,
    )
    sitting.prepare()
    try:
        with _signals_stop(dialogue):
            final = sitting.run(dialogue)
    except KeyboardInterrupt:
        destination.discard()
        framework.said_interrupted(True)  # the interview said so, above its draft and resume command: the last lines
        common.finish(common.ExitCode.INTERRUPTED)
    except InputEnded:
        destination.discard()
        common.finish(common.ExitCode.USAGE)
    failures: list[ZgError] = []
    if precedents:
        from zgrongcuo.cli.similar import nearest_published

        options.precedents = nearest_published(final, specs, lang, max_bytes)
    try:
        renderer = destination.renderer
        several = asked if len(asked.measures) > 1 else None
        ds = tuple(evaluate(m, final, explain=renderer.explains, questions=several) for m in asked.measures)
        if document != "checklist" and any(d.outcome.favourable is None for d in ds):
            sitting.offer_checklist(final)  # said at the end, before where the case was saved
        try:  # an -o file that cannot be written (a full disk) fails here or when put in place
            renderer.determinations(ds)
            renderer.close()
            sys.stdout.flush()
            failures = destination.finish()
        except ZgError as unwritten:
            destination.discard()
            failures = [unwritten]
        for failure in failures:
            common.report_error(failure, lang)
        if failures and output not in (None, "-"):
            _shown_instead(ds, options)  # the determination is not lost with the file it could not go into
    finally:
        sitting.close()  # the saved file's path: the last line of the screen
    if failures or sitting.failed:
        common.finish(common.ExitCode.USAGE)
    common.finish(common.exit_code_for([d.outcome.favourable for d in ds], 0))



def _shown_instead(ds: "tuple[Determination, ...]", options: "RenderOptions") -> None:
    """The determination on standard output, as text, when the -o file could not be written."""
    from zgrongcuo.render.contract import RenderOptions
    from zgrongcuo.render.registry import make_renderer

    shown = RenderOptions(options.lang, detail=options.detail, measures=options.measures)
    renderer = make_renderer(OutputFormat.text, None, shown)
    renderer.determinations(ds)
    renderer.close()
    sys.stdout.flush()


def _comments(path: str, max_bytes: int) -> tuple[str, ...]:
    """The comments at the top of a resumed case file, which its update keeps."""
    from zgrongcuo.errors import CaseError
    from zgrongcuo.io.case_writer import leading_comments
    from zgrongcuo.io.document import decode
    from zgrongcuo.io.files import read_bytes

    source, _ = decode(read_bytes(path, max_bytes=max_bytes), path, CaseError)
    return leading_comments(source)


@contextlib.contextmanager
def _signals_stop(dialogue: "StreamDialogue") -> Iterator[None]:
    """During the interview, Ctrl-C, a closed terminal window (SIGHUP) and SIGTERM stop it with a draft kept.

    The dialogue decides when: at once while it waits for a line, else at the next prompt, so that
    no signal breaks into the writing of the case or of a draft.
    """
    import signal

    def stop(signum: int, frame: object) -> None:
        if signum == getattr(signal, "SIGTERM", None):
            from zgrongcuo.cli import process

            process.mark_terminated()  # the draft is kept as for Ctrl-C; the exit code is SIGTERM's, 143
        dialogue.interrupt()

    wanted = [getattr(signal, name) for name in ("SIGINT", "SIGHUP", "SIGTERM") if hasattr(signal, name)]
    try:
        previous = {s: signal.signal(s, stop) for s in wanted}
    except ValueError:  # not the main thread: leave the signals as they are
        previous = {}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
