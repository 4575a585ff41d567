"""Commands for the authors of criteria and of case files: criteria list/show/test/validate, diff, template, schema."""

# No `from __future__ import annotations`: Typer reads the parameters' annotations when the command is
# built, and string annotations would be compiled anew on every run.

import sys
from typing import Annotated

import typer

from zgrongcuo.cli import common, framework
from zgrongcuo.io.files import MAX_BYTES
from zgrongcuo.text.catalogue import text

REPORT_FORMATS = ("text", "json")  # of criteria test, criteria validate and diff
SHOW_FORMATS = ("text", "markdown")
SCHEMA_KINDS = ("case", "determination")
TEMPLATE_FORMATS = ("yaml", "xlsx")  # a case file to fill in, or a register (a workbook) to fill in

CriteriaPath = Annotated[
    str | None,
    typer.Argument(metavar="[PATH]", help="cli.arg.criteria_path", autocompletion=common.complete_measures, show_default=False),
]
Paths = Annotated[list[str], typer.Argument(metavar="PATH...", help="cli.arg.paths", show_default=False)]
ReportFormat = Annotated[str, common.format_option(REPORT_FORMATS)]

# ------------------------------------------------------------------ criteria list|show|test|validate

criteria_app = framework.sub_app(cls=framework.Group, help="cli.criteria_group", no_args_is_help=True)


@criteria_app.callback()
def criteria_group(lang: common.LangOption) -> None:
    """`zgrongcuo criteria`: --lang is taken here too, so that `criteria --lang en show` reads as it is written."""


@criteria_app.command("list", cls=framework.Command, help="cli.criteria_list")
def list_measures(*, format_name: ReportFormat = "text", lang: common.LangOption) -> None:
    from zgrongcuo.authoring.measure_list import bundled, write_json

    common.checked_language(lang)
    measures = bundled()
    if format_name == "json":
        write_json(sys.stdout, measures, lang)
    else:
        from zgrongcuo.authoring.console import measures_list
        from zgrongcuo.render.terminal import make_console

        measures_list(make_console(sys.stdout), measures, lang)
    sys.stdout.flush()


@criteria_app.command("show", cls=framework.Command, help="cli.criteria_show")
def show(
    path: CriteriaPath = None,
    *,
    format_name: Annotated[str, common.format_option(SHOW_FORMATS, help="cli.opt.show_format")] = "text",
    lang: common.LangOption,
) -> None:
    from zgrongcuo.authoring import outline

    root = outline.build(common.measure_named(path, lang), lang)
    if format_name == "markdown":
        from zgrongcuo.authoring.outline_markdown import render

        render(root, sys.stdout)
    else:
        from zgrongcuo.authoring.console import show as show_tree
        from zgrongcuo.render.terminal import make_console

        show_tree(make_console(sys.stdout), root)
    sys.stdout.flush()


@criteria_app.command("test", cls=framework.Command, help="cli.criteria_test")
def test(
    paths: Paths,
    *,
    criteria: common.CaseCriteriaOption = None,
    format_name: ReportFormat = "text",
    lang: common.LangOption,
    max_bytes: common.MaxBytesOption = MAX_BYTES,
) -> None:
    from zgrongcuo.authoring import expectations
    from zgrongcuo.errors import UsageError

    selection = common.selection_for(common.specs(criteria), lang)  # the --criteria given, else each case's own
    if paths.count("-") > 1:
        raise UsageError("stdin_twice")
    results = expectations.run(selection, list(paths), max_bytes=max_bytes)
    measures = selection.fixed.measures if selection.fixed is not None else expectations.measures_met(results)
    measures = measures or selection.default().measures
    if format_name == "json":
        from zgrongcuo.authoring.json_reports import write_test

        write_test(sys.stdout, measures, results, lang)
    else:
        from zgrongcuo.authoring.console import test_report
        from zgrongcuo.render.terminal import make_console

        test_report(make_console(sys.stdout), measures, results, lang)
    sys.stdout.flush()
    for r in results:
        if r.error is not None:
            common.report_error(r.error, lang)
    n = expectations.counts(results)
    if n[expectations.ERROR]:
        common.finish(common.ExitCode.USAGE)
    if n[expectations.PASSED] + n[expectations.FAILED] == 0:
        # A suite that runs nothing would pass silently: that is a mistake in the arguments.
        raise UsageError("test.nothing", total=len(results))
    common.finish(common.ExitCode.UNFAVOURABLE if n[expectations.FAILED] else common.ExitCode.OK)


@criteria_app.command("validate", cls=framework.Command, help="cli.criteria_validate")
def validate(
    path: CriteriaPath = None,
    *,
    strict: Annotated[bool, typer.Option("--strict", help="cli.opt.strict")] = False,
    format_name: ReportFormat = "text",
    lang: common.LangOption,
) -> None:
    from zgrongcuo.authoring import lint

    common.checked_language(lang)
    file, findings = lint.lint_path(path)
    errors = [f for f in findings if f.severity == lint.ERROR]
    warnings = [f for f in findings if f.severity == lint.WARNING]
    if format_name == "json":
        from zgrongcuo.authoring.json_reports import write_lint

        write_lint(sys.stdout, file, findings, lang)
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
    if errors:
        common.finish(common.ExitCode.USAGE)
    common.finish(common.ExitCode.UNFAVOURABLE if strict and warnings else common.ExitCode.OK)


# ------------------------------------------------------------------ diff, template, schema

diff_app = framework.sub_app()


@diff_app.command("diff", cls=framework.Command, help="cli.diff")
def diff(
    old: Annotated[str, typer.Argument(metavar="OLD_CRITERIA", help="cli.arg.old", show_default=False)],
    new: Annotated[str, typer.Argument(metavar="NEW_CRITERIA", help="cli.arg.new", show_default=False)],
    cases: Annotated[list[str], typer.Argument(metavar="CASE...", help="cli.arg.paths", show_default=False)],
    *,
    format_name: ReportFormat = "text",
    lang: common.LangOption,
    max_bytes: common.MaxBytesOption = MAX_BYTES,
) -> None:
    from zgrongcuo.authoring import impact
    from zgrongcuo.errors import UsageError

    old_criteria, new_criteria = common.measure_named(old, lang), common.measure_named(new, lang)
    if cases.count("-") > 1:
        raise UsageError("stdin_twice")
    report = impact.compare(old_criteria, new_criteria, list(cases), max_bytes=max_bytes)
    if format_name == "json":
        from zgrongcuo.authoring.json_reports import write_diff

        write_diff(sys.stdout, report, lang)
    else:
        from zgrongcuo.authoring.console import diff_report
        from zgrongcuo.render.terminal import make_console

        diff_report(make_console(sys.stdout), report, lang)
    sys.stdout.flush()
    if report.failed:
        common.finish(common.ExitCode.USAGE)
    common.finish(common.ExitCode.UNFAVOURABLE if report.changed else common.ExitCode.OK)


template_app = framework.sub_app()


@template_app.command("template", cls=framework.Command, help="cli.template")
def template(
    *,
    criteria: common.QuestionsOption = None,
    lang: common.LangOption,
    output: common.FileOutputOption = None,
    force: common.ForceOption = False,
    schema_url: Annotated[str, typer.Option("--schema", metavar="URL", help="cli.opt.schema_url")] = "case.schema.json",
    format_name: Annotated[str, common.format_option(TEMPLATE_FORMATS, help="cli.opt.template_format")] = "yaml",
) -> None:
    from zgrongcuo.io.measures import reference, written_from

    asked = common.questions_for(common.specs(criteria), lang)
    # The file names the measures it was made for, from where it is written: check and ask need no --criteria.
    at = output if output not in (None, "-") else None
    refs = [written_from(reference(m.path, m.id), at) for m in asked.measures]
    if format_name == "xlsx":  # the register an office hands out: a workbook, never into a terminal
        from zgrongcuo.authoring.template_workbook import render as workbook

        common.emit_bytes(workbook(asked, lang, measures=tuple(refs)), output, force, lang, format_name)
        return
    from zgrongcuo.authoring.template import render
    from zgrongcuo.io.case_writer import key

    named = tuple(key(r) for r in refs)
    common.emit(render(asked, lang, schema=schema_url, measures=named), output, force, lang)


schema_app = framework.sub_app()


@schema_app.command("schema", cls=framework.Command, help="cli.schema")
def schema(
    kind: Annotated[
        str,
        typer.Argument(
            parser=framework.Choice(SCHEMA_KINDS), metavar="[case|determination]", help="cli.arg.schema_kind",
            autocompletion=framework.Choice(SCHEMA_KINDS).complete, show_default=False,
        ),
    ] = "case",
    *,
    criteria: common.QuestionsOption = None,
    lang: common.LangOption,
    output: common.FileOutputOption = None,
    force: common.ForceOption = False,
) -> None:
    import json

    asked = common.questions_for(common.specs(criteria), lang)
    if kind == "case":
        from zgrongcuo.authoring.case_schema import case_schema

        data = case_schema(asked, lang)
    else:
        from zgrongcuo.render.fields import determination_schema

        data = determination_schema(asked.measures, lang)
    common.emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output, force, lang)
