"""`zgrongcuo ask`: the interview in the terminal, then the determination as `check` prints it."""

from __future__ import annotations

import os
import sys

import click

from zgrongcuo.cli import common
from zgrongcuo.cli.root import Command
from zgrongcuo.render.registry import OutputFormat
from zgrongcuo.text.catalogue import text


def command(lang: str) -> click.Command:
    @click.command("ask", cls=Command, lang=lang, help=text("cli.ask", lang) + "\n\n" + text("cli.ask_more", lang))
    @common.criteria_option(lang)
    @click.option("--case", "case_file", metavar="FILE", default=None, help=text("cli.opt.case", lang))
    @click.option("--save", metavar="FILE", default=None, help=text("cli.opt.save", lang))
    @common.force_option(lang, "cli.opt.ask_force")
    @click.option("--all", "everything", is_flag=True, help=text("cli.opt.all", lang))
    @click.option("--meta/--no-meta", default=None, help=text("cli.opt.meta", lang))
    @common.format_option(lang, [f.value for f in OutputFormat], "text")
    @common.lang_option(lang)
    @common.guarded
    def ask(
        criteria: str | None,
        case_file: str | None,
        save: str | None,
        force: bool,
        everything: bool,
        meta: bool | None,
        format_name: str,
        lang: str,
    ) -> None:
        from zgrongcuo.engine.evaluation import evaluate
        from zgrongcuo.errors import UsageError
        from zgrongcuo.interview.dialogue import StreamDialogue
        from zgrongcuo.interview.recording import InputEnded, Sitting
        from zgrongcuo.load import case_reader
        from zgrongcuo.model.case import blank_case
        from zgrongcuo.render.contract import RenderOptions
        from zgrongcuo.render.registry import make_renderer

        crit = common.load_criteria(criteria, lang)
        if case_file == "-":
            raise UsageError("ask_case_stdin")
        start = case_reader.load(case_file, crit) if case_file is not None else blank_case()
        for notice in start.notices:
            common.warn(notice, lang)
        if save is not None and os.path.isdir(save):
            raise UsageError("is_a_directory", file=save)
        # Undecodable bytes typed at a prompt are an invalid answer, not a crash.
        if hasattr(sys.stdin, "reconfigure"):
            sys.stdin.reconfigure(errors="replace")
        sitting = Sitting(
            crit,
            start,
            lang,
            say=common.say,
            report=lambda error: common.report_error(error, lang),
            criteria_spec=criteria,
            case_file=case_file,
            save=save,
            force=force,
            everything=everything,
            meta=meta,
            format_name=format_name,
        )
        piped = not (hasattr(sys.stdin, "isatty") and sys.stdin.isatty())
        try:
            final = sitting.run(StreamDialogue(sys.stdin, sys.stderr), piped=piped)
        except KeyboardInterrupt:
            common.finish(common.ExitCode.INTERRUPTED)
        except InputEnded:
            common.finish(common.ExitCode.USAGE)
        renderer = make_renderer(OutputFormat(format_name), None, RenderOptions(lang))
        determination = evaluate(crit, final, explain=renderer.explains)
        renderer.determination(determination)
        renderer.close()
        sys.stdout.flush()
        common.finish(common.exit_code_for([determination.outcome.favourable], 0))

    return ask
