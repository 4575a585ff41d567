"""`zgrongcuo check`: case files in, determinations out."""

# No `from __future__ import annotations`: Typer reads the parameters' annotations when the command is
# built, and string annotations would be compiled anew on every run.

import sys
from typing import Annotated

import typer

from zgrongcuo.cli import common, framework
from zgrongcuo.io.files import MAX_BYTES
from zgrongcuo.render.registry import OutputFormat

app = framework.sub_app()


@app.command("check", cls=framework.Command, help="cli.check", epilog="cli.exit_codes")
def check(
    cases: Annotated[list[str], typer.Argument(metavar="CASE...", help="cli.arg.cases", show_default=False)],
    *,
    criteria: common.CaseCriteriaOption = None,
    format_name: Annotated[str, common.format_option(f.value for f in OutputFormat)] = "text",
    document: common.DocumentOption = "opinion",
    lang: common.LangOption,
    max_bytes: common.MaxBytesOption = MAX_BYTES,
    jobs: Annotated[int, typer.Option("--jobs", "-j", parser=framework.Count(), metavar="N", help="cli.opt.jobs")] = 1,
    explain: Annotated[bool, typer.Option("--explain", help="cli.opt.explain")] = False,
    detail: common.DetailOption = False,
    output: common.OutputOption = None,
    force: common.ForceOption = False,
    quiet: common.QuietOption = False,
    precedents: Annotated[bool, typer.Option("--precedents", help="cli.opt.precedents")] = False,
    sheet: Annotated[str | None, typer.Option("--sheet", metavar="NAME", help="cli.opt.sheet")] = None,
) -> None:
    from zgrongcuo import batch
    from zgrongcuo.errors import InternalError
    from zgrongcuo.io.discovery import is_workbook
    from zgrongcuo.render.contract import RenderOptions
    from zgrongcuo.render.destination import Destination
    from zgrongcuo.render.progress import progress, shown, wanted

    specs = common.specs(criteria)
    selection = common.selection_for(specs, lang)  # the --criteria given, else each case's own measures
    paths = list(cases)
    if sheet is not None and not any(is_workbook(p) for p in paths):
        from zgrongcuo.errors import UsageError

        raise UsageError("sheet_without_workbook")
    fmt = OutputFormat(format_name)
    nearest = None
    if precedents:
        if fmt is not OutputFormat.text or batch.is_batch(paths) or output is not None or paths == ["-"] or document != "opinion":
            from zgrongcuo.errors import UsageError

            raise UsageError("precedents_text_only")
        from zgrongcuo.cli.similar import nearest_published

        nearest = nearest_published(paths[0], specs, lang, max_bytes)
    measures = len(selection.fixed.measures) if selection.fixed is not None else 1  # known in advance, if at all
    options = RenderOptions(
        lang, batch=batch.is_batch(paths), explain=explain, detail=detail, measures=measures, precedents=nearest
    )
    notice = common.say if not quiet else common.silent
    destination = Destination(fmt, output, options, force=force, say=notice, document=document)
    renderer = destination.renderer
    tasks = batch.tasks_for(paths, max_bytes=max_bytes, asked=selection, sheet=sheet)
    total = None  # counted only where a progress bar needs it: a batch keeps no list of its files
    if wanted(fmt, into_files=output not in (None, "-")):
        tasks = iter(listed := list(tasks))
        total = len(listed)
        if shown(total):
            destination.one_line_for_files()
    jobs, tasks = batch.workers_for(jobs, tasks)
    favourables: set[bool | None] = set()  # which kinds of outcome occurred, for the exit code
    failures = 0
    bugs = 0  # outputs a bug kept from being made: the others are made, and the run ends with 70
    on_screen = sys.stdout.isatty()
    try:
        with progress(total, lang) as advance:
            for result in batch.run(tasks, selection, renderer, jobs=jobs, max_bytes=max_bytes):
                if result.failure is not None or (result.notices and not quiet) or on_screen:
                    # What came before goes first where both streams reach one screen or file; a batch
                    # into a pipe or file is otherwise written in blocks, not a system call a case.
                    sys.stdout.flush()
                if result.failure is not None:
                    failures += 1
                    common.report_error(result.failure, lang)
                    renderer.failure(result.file, result.failure)
                else:
                    if not quiet:
                        for warning in result.notices:
                            common.warn(warning, lang)
                    favourables.update(result.favourables)
                    renderer.emit(result.payload)
                advance()
            renderer.close()
        sys.stdout.flush()
    except BaseException:  # Ctrl-C, SIGTERM, an error: an -o file half written is not left behind
        destination.discard()
        raise
    for error in destination.finish(checked=bool(favourables)):
        failures += 1
        bugs += isinstance(error, InternalError)
        common.report_error(error, lang)
    common.finish(common.ExitCode.INTERNAL if bugs else common.exit_code_for(favourables, failures))
