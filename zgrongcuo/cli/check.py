"""`zgrongcuo check`: case files in, determinations out."""

from __future__ import annotations

import sys

import click

from zgrongcuo.cli import common
from zgrongcuo.cli.root import Argument, Command
from zgrongcuo.render.registry import OutputFormat
from zgrongcuo.text.catalogue import text


def command(lang: str) -> click.Command:
    @click.command(
        "check",
        cls=Command,
        lang=lang,
        help=text("cli.check", lang) + "\n\n" + text("cli.check_more", lang),
        epilog=text("cli.exit_codes", lang),
    )
    @click.argument("cases", nargs=-1, required=True, metavar="CASE...", cls=Argument, help=text("cli.arg.cases", lang))
    @common.criteria_option(lang, several=True)
    @common.format_option(lang, [f.value for f in OutputFormat], "text")
    @common.lang_option(lang)
    @common.max_bytes_option(lang)
    @click.option("--jobs", "-j", type=common.Count(lang), default=1, metavar="N", help=text("cli.opt.jobs", lang))
    @click.option("--explain", is_flag=True, help=text("cli.opt.explain", lang))
    @common.detail_option(lang)
    @common.output_option(lang)
    @common.force_option(lang)
    @common.quiet_option(lang)
    @click.option("--precedents", is_flag=True, help=text("cli.opt.precedents", lang))
    @common.guarded
    def check(
        cases: tuple[str, ...],
        criteria: tuple[str, ...],
        format_name: str,
        lang: str,
        max_bytes: int,
        jobs: int,
        explain: bool,
        detail: bool,
        output: str | None,
        force: bool,
        quiet: bool,
        precedents: bool,
    ) -> None:
        from zgrongcuo import batch
        from zgrongcuo.render.contract import RenderOptions
        from zgrongcuo.render.destination import Destination
        from zgrongcuo.render.progress import progress, wanted

        asked = common.load_questions(criteria, lang)
        paths = list(cases)
        fmt = OutputFormat(format_name)
        nearest = None
        if precedents:
            if fmt is not OutputFormat.text or batch.is_batch(paths) or output is not None or paths == ["-"]:
                from zgrongcuo.errors import UsageError

                raise UsageError("precedents_text_only")
            from zgrongcuo.cli.similar import nearest_published

            nearest = nearest_published(paths[0], criteria, lang, max_bytes)
        measures = len(asked.measures)
        options = RenderOptions(
            lang, batch=batch.is_batch(paths), explain=explain, detail=detail, measures=measures, precedents=nearest
        )
        notice = common.say if not quiet else common.silent
        destination = Destination(fmt, output, options, force=force, say=notice)
        renderer = destination.renderer
        tasks = batch.tasks_for(paths, max_bytes=max_bytes)
        total = None  # counted only where a progress bar needs it: a batch keeps no list of its files
        if wanted(fmt):
            tasks = iter(listed := list(tasks))
            total = len(listed)
        jobs, tasks = batch.workers_for(jobs, tasks)
        favourables: set[bool | None] = set()  # which kinds of outcome occurred, for the exit code
        failures = 0
        with progress(total, lang) as advance:
            for result in batch.run(tasks, asked, renderer, jobs=jobs, criteria_specs=criteria, max_bytes=max_bytes):
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
                sys.stdout.flush()
                advance()
            renderer.close()
        sys.stdout.flush()
        for error in destination.finish(checked=bool(favourables)):
            failures += 1
            common.report_error(error, lang)
        common.finish(common.exit_code_for(favourables, failures))

    return check
