"""`zgrongcuo similar`: the decided cases nearest to a case, from an office's folders or the published library."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from zgrongcuo.cli import common
from zgrongcuo.cli.root import Argument, Command
from zgrongcuo.text.catalogue import text

if TYPE_CHECKING:
    from zgrongcuo.model.case import Case
    from zgrongcuo.render.similar_view import SearchView

FORMATS = ("text", "json", "markdown")
DEFAULT_TOP = 5


def command(lang: str) -> click.Command:
    @click.command(
        "similar",
        cls=Command,
        lang=lang,
        help=text("cli.similar", lang) + "\n\n" + text("cli.similar_more", lang),
        epilog=text("cli.similar_exit", lang),
    )
    @click.argument("case", metavar="CASE", cls=Argument, help=text("cli.arg.similar_case", lang))
    @click.option("--in", "folders", metavar="FOLDER", multiple=True, help=text("cli.opt.similar_in", lang))
    @click.option("--top", "-n", type=common.Count(lang, minimum=1), default=DEFAULT_TOP, metavar="N", help=text("cli.opt.top", lang))
    @common.criteria_option(lang, several=True)
    @common.format_option(lang, FORMATS, "text")
    @common.lang_option(lang)
    @common.max_bytes_option(lang)
    @common.output_option(lang)
    @common.force_option(lang)
    @common.guarded
    def similar(
        case: str,
        folders: tuple[str, ...],
        top: int,
        criteria: tuple[str, ...],
        format_name: str,
        lang: str,
        max_bytes: int,
        output: str | None,
        force: bool,
    ) -> None:
        from zgrongcuo.io.precedents import bundled_folder

        search, failures = find(case, list(folders) or [bundled_folder()], criteria, lang, top, max_bytes, library=not folders)
        if format_name == "json":
            from zgrongcuo.render.similar_output import dumps

            common.emit(dumps(search), output, force, lang)
        elif format_name == "markdown":
            from zgrongcuo.render.similar_output import markdown

            common.emit(markdown(search), output, force, lang)
        else:
            from zgrongcuo.render.terminal import make_console, render_similar

            if output is not None:
                import io

                buffer = io.StringIO()
                render_similar(make_console(buffer), search)
                common.emit(buffer.getvalue(), output, force, lang)
            else:
                render_similar(make_console(sys.stdout), search)
        sys.stdout.flush()
        common.finish(common.ExitCode.USAGE if failures else common.ExitCode.OK)

    return similar


def find(
    case_path: str | Case,
    folders: list[str],
    specs: tuple[str, ...],
    lang: str,
    top: int,
    max_bytes: int,
    *,
    library: bool = False,
) -> tuple[SearchView, int]:
    """Load the case (unless given loaded) and every case file under ``folders``; rank the decided ones.

    Returns the view and how many files could not be read.

    The similarity is weighed by the measures named (default: every bundled
    one); the files are read against the questions of those and of every
    bundled measure, since published cases answer the questions of several.
    """
    from zgrongcuo.engine.precedents import nearest
    from zgrongcuo.io import case_reader, precedents
    from zgrongcuo.io.criteria_builder import load
    from zgrongcuo.io.measures import bundled_measures
    from zgrongcuo.io.questions import questions
    from zgrongcuo.render.similar_view import SearchView

    bundled = tuple(load(p) for p in bundled_measures().values())
    weighed = common.load_questions(specs, lang).measures if specs else bundled
    for criteria in weighed:
        common.checked_language(lang, criteria)
    chosen = {c.id for c in weighed}
    extra = tuple(c for c in bundled if c.id not in chosen)
    asked = questions((*weighed, *extra))
    case = case_path if not isinstance(case_path, str) else case_reader.load(case_path, asked, max_bytes=max_bytes)
    failures = 0

    def loaded() -> Iterator[Case]:
        nonlocal failures
        for item in precedents.read(folders, asked, max_bytes=max_bytes):
            if isinstance(item, Exception):
                failures += 1
                common.report_error(item, lang)
            else:
                yield item

    search = nearest(case, loaded(), weighed, asked.fact_by_id, top=top)
    return SearchView(case, search, asked.fact_by_id, weighed, folders, library, lang), failures


PRECEDENTS_SHOWN = 3  # after a determination, with --precedents


def nearest_published(case_path: str | Case, specs: tuple[str, ...], lang: str, max_bytes: int) -> SearchView:
    """For --precedents: the three nearest published cases, weighed by the measures the case is checked against."""
    from zgrongcuo.io.precedents import bundled_folder

    search, _ = find(case_path, [bundled_folder()], specs, lang, PRECEDENTS_SHOWN, max_bytes, library=True)
    return search
