"""`zgrongcuo similar`: the decided cases nearest to a case, from an office's folders or the published library."""

# No `from __future__ import annotations`: Typer reads the parameters' annotations when the command is
# built, and string annotations would be compiled anew on every run.

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from zgrongcuo.cli import common, framework
from zgrongcuo.io.files import MAX_BYTES

if TYPE_CHECKING:
    from zgrongcuo.model.case import Case
    from zgrongcuo.render.similar_view import SearchView

FORMATS = ("text", "json", "markdown")
DEFAULT_TOP = 5


app = framework.sub_app()


@app.command("similar", cls=framework.Command, help="cli.similar", epilog="cli.similar_exit")
def similar(
    case: Annotated[str, typer.Argument(metavar="CASE", help="cli.arg.similar_case", show_default=False)],
    *,
    folders: Annotated[list[str] | None, typer.Option("--in", metavar="FOLDER", help="cli.opt.similar_in")] = None,
    top: Annotated[
        int, typer.Option("--top", "-n", parser=framework.Count(minimum=1), metavar="N", help="cli.opt.top")
    ] = DEFAULT_TOP,
    criteria: common.WeighingOption = None,
    format_name: Annotated[str, common.format_option(FORMATS)] = "text",
    lang: common.LangOption,
    max_bytes: common.MaxBytesOption = MAX_BYTES,
    output: common.FileOutputOption = None,
    force: common.ForceOption = False,
) -> None:
    from zgrongcuo.io.precedents import bundled_folder

    search, failures = find(
        case, list(folders or ()) or [bundled_folder()], common.specs(criteria), lang, top, max_bytes, library=not folders
    )
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



def find(
    case_path: "str | Case",
    folders: list[str],
    specs: tuple[str, ...],
    lang: str,
    top: int,
    max_bytes: int,
    *,
    library: bool = False,
) -> "tuple[SearchView, int]":
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
    weighed = common.questions_for(specs, lang).measures if specs else bundled
    for criteria in weighed:
        common.checked_language(lang, criteria)
    chosen = {c.id for c in weighed}
    extra = tuple(c for c in bundled if c.id not in chosen)
    asked = questions((*weighed, *extra))
    case = case_path if not isinstance(case_path, str) else case_reader.load(case_path, asked, max_bytes=max_bytes)
    failures = 0

    def loaded() -> "Iterator[Case]":
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


def nearest_published(case_path: "str | Case", specs: tuple[str, ...], lang: str, max_bytes: int) -> "SearchView":
    """For --precedents: the three nearest published cases, weighed by the measures the case is checked against."""
    from zgrongcuo.io.precedents import bundled_folder

    search, _ = find(case_path, [bundled_folder()], specs, lang, PRECEDENTS_SHOWN, max_bytes, library=True)
    return search
