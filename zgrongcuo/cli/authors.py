"""Commands for the authors of criteria and of case files: criteria show/test/validate, diff, template, schema."""

from __future__ import annotations

import sys
from typing import Any

import click

from zgrongcuo.cli import common
from zgrongcuo.cli.root import Argument, Command, Group
from zgrongcuo.text.catalogue import text

REPORT_FORMATS = ("text", "json")  # of criteria test, criteria validate and diff
SHOW_FORMATS = ("text", "markdown")
SCHEMA_KINDS = ("case", "determination")


def criteria_group(lang: str) -> click.Group:
    """`zgrongcuo criteria show|test|validate`."""
    group = Group("criteria", lang=lang, help=text("cli.criteria_group", lang), no_args_is_help=True)
    for made in (_list, _show, _test, _validate):
        group.add_command(made(lang))
    return group


def _help(lang: str, name: str) -> str:
    return text(f"cli.{name}", lang) + "\n\n" + text(f"cli.{name}_more", lang)


def _path_argument(lang: str) -> common.Decorator[Any]:
    return click.argument("path", required=False, metavar="[PATH]", cls=Argument, help=text("cli.arg.criteria_path", lang))


def _paths_argument(lang: str, name: str = "paths", metavar: str = "PATH...") -> common.Decorator[Any]:
    return click.argument(name, nargs=-1, required=True, metavar=metavar, cls=Argument, help=text("cli.arg.paths", lang))


def _list(lang: str) -> click.Command:
    @click.command("list", cls=Command, lang=lang, help=_help(lang, "criteria_list"))
    @common.format_option(lang, REPORT_FORMATS, "text")
    @common.lang_option(lang)
    @common.guarded
    def list_measures(format_name: str, lang: str) -> None:
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

    return list_measures


def _show(lang: str) -> click.Command:
    @click.command("show", cls=Command, lang=lang, help=_help(lang, "criteria_show"))
    @_path_argument(lang)
    @click.option(
        "--format", "-f", "format_name", type=common.Choice(SHOW_FORMATS, lang), default="text",
        help=text("cli.opt.show_format", lang),
    )  # fmt: skip
    @common.lang_option(lang)
    @common.guarded
    def show(path: str | None, format_name: str, lang: str) -> None:
        from zgrongcuo.authoring import outline

        root = outline.build(common.load_criteria(path, lang), lang)
        if format_name == "markdown":
            from zgrongcuo.authoring.outline_markdown import render

            render(root, sys.stdout)
        else:
            from zgrongcuo.authoring.console import show as show_tree
            from zgrongcuo.render.terminal import make_console

            show_tree(make_console(sys.stdout), root)
        sys.stdout.flush()

    return show


def _test(lang: str) -> click.Command:
    @click.command("test", cls=Command, lang=lang, help=_help(lang, "criteria_test"))
    @_paths_argument(lang)
    @common.criteria_option(lang, several=True)
    @common.format_option(lang, REPORT_FORMATS, "text")
    @common.lang_option(lang)
    @common.max_bytes_option(lang)
    @common.guarded
    def test(paths: tuple[str, ...], criteria: tuple[str, ...], format_name: str, lang: str, max_bytes: int) -> None:
        from zgrongcuo.authoring import expectations
        from zgrongcuo.errors import UsageError

        measures = common.load_questions(criteria, lang).measures
        if paths.count("-") > 1:
            raise UsageError("stdin_twice")
        results = expectations.run(measures, list(paths), max_bytes=max_bytes)
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

    return test


def _validate(lang: str) -> click.Command:
    @click.command("validate", cls=Command, lang=lang, help=_help(lang, "criteria_validate"))
    @_path_argument(lang)
    @click.option("--strict", is_flag=True, help=text("cli.opt.strict", lang))
    @common.format_option(lang, REPORT_FORMATS, "text")
    @common.lang_option(lang)
    @common.guarded
    def validate(path: str | None, strict: bool, format_name: str, lang: str) -> None:
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
                    click.echo(text(heading, lang, count=len(group)))
                    for finding in group:
                        click.echo("  " + finding.problem.render(lang).replace("\n", "\n  "))
            if findings:
                click.echo(text("lint.summary", lang, file=file, errors=len(errors), warnings=len(warnings)))
            else:
                click.echo(text("lint.clean", lang, file=file))
        if errors:
            common.finish(common.ExitCode.USAGE)
        common.finish(common.ExitCode.UNFAVOURABLE if strict and warnings else common.ExitCode.OK)

    return validate


def diff_command(lang: str) -> click.Command:
    @click.command("diff", cls=Command, lang=lang, help=_help(lang, "diff"))
    @click.argument("old", metavar="OLD_CRITERIA", cls=Argument, help=text("cli.arg.old", lang))
    @click.argument("new", metavar="NEW_CRITERIA", cls=Argument, help=text("cli.arg.new", lang))
    @_paths_argument(lang, "cases", "CASE...")
    @common.format_option(lang, REPORT_FORMATS, "text")
    @common.lang_option(lang)
    @common.max_bytes_option(lang)
    @common.guarded
    def diff(old: str, new: str, cases: tuple[str, ...], format_name: str, lang: str, max_bytes: int) -> None:
        from zgrongcuo.authoring import impact
        from zgrongcuo.errors import UsageError

        old_criteria, new_criteria = common.load_criteria(old, lang), common.load_criteria(new, lang)
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

    return diff


def template_command(lang: str) -> click.Command:
    @click.command("template", cls=Command, lang=lang, help=_help(lang, "template"))
    @common.criteria_option(lang, several=True)
    @common.lang_option(lang)
    @common.output_option(lang)
    @common.force_option(lang)
    @click.option("--schema", "schema_url", metavar="URL", default="case.schema.json", help=text("cli.opt.schema_url", lang))
    @common.guarded
    def template(criteria: tuple[str, ...], lang: str, output: str | None, force: bool, schema_url: str) -> None:
        from zgrongcuo.authoring.template import render

        common.emit(render(common.load_questions(criteria, lang), lang, schema=schema_url), output, force, lang)

    return template


def schema_command(lang: str) -> click.Command:
    @click.command("schema", cls=Command, lang=lang, help=text("cli.schema", lang))
    @click.argument(
        "kind", required=False, default="case", type=common.Choice(SCHEMA_KINDS, lang), metavar="[case|determination]",
        cls=Argument, help=text("cli.arg.schema_kind", lang),
    )  # fmt: skip
    @common.criteria_option(lang, several=True)
    @common.lang_option(lang)
    @common.output_option(lang)
    @common.force_option(lang)
    @common.guarded
    def schema(kind: str, criteria: tuple[str, ...], lang: str, output: str | None, force: bool) -> None:
        import json

        asked = common.load_questions(criteria, lang)
        if kind == "case":
            from zgrongcuo.authoring.case_schema import case_schema

            data = case_schema(asked, lang)
        else:
            from zgrongcuo.render.fields import determination_schema

            data = determination_schema(asked.measures, lang)
        common.emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output, force, lang)

    return schema
