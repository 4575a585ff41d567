"""`zgrongcuo suggest`: written accounts in, a case-file draft out, its answers proposed with their sentences."""

# No `from __future__ import annotations`: Typer reads the parameters' annotations when the command is
# built, and string annotations would be compiled anew on every run.

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from zgrongcuo.cli import common, framework
from zgrongcuo.io.files import MAX_BYTES
from zgrongcuo.text.catalogue import text

if TYPE_CHECKING:
    from zgrongcuo.io.accounts import Source
    from zgrongcuo.io.questions import Selection
    from zgrongcuo.model.case import Case
    from zgrongcuo.model.criteria import Questions
    from zgrongcuo.suggestion.draft import Draft

app = framework.sub_app()


@app.command("suggest", cls=framework.Command, help="cli.suggest", epilog="cli.suggest_exit_codes")
def suggest(
    texts: Annotated[list[str], typer.Argument(metavar="FILE...", help="cli.arg.texts", show_default=False)],
    *,
    criteria: common.CriteriaOption = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="PATH", help="cli.opt.suggest_output")] = None,
    format_name: Annotated[str, common.format_option(("text", "yaml", "json"), help="cli.opt.suggest_format")] = "text",
    force: common.ForceOption = False,
    lang: common.LangOption,
    max_bytes: common.MaxBytesOption = MAX_BYTES,
    quiet: common.QuietOption = False,
) -> None:
    from zgrongcuo.errors import UsageError

    specs = common.specs(criteria)
    # The --criteria given; else a case file given as the account is read against the measures it names, as
    # `check` reads it, and a written account against the default measure.
    asked = common.selection_for(specs, lang)
    folders = [t for t in texts if t != "-" and os.path.isdir(t)]
    if folders:
        if len(texts) > 1:
            raise UsageError("suggest_folder_alone", folder=folders[0])
        if format_name != "text":
            raise UsageError("suggest_batch_text_only")
        common.finish(_batch(folders[0], asked, specs, lang, output=output, force=force, max_bytes=max_bytes, quiet=quiet))
    if texts.count("-") > 1:
        raise UsageError("stdin_twice")
    saved = output if output not in (None, "-") else None
    if saved is not None:
        _refuse_over_a_text(saved, texts, force)
    made = read_draft(texts, asked, lang, max_bytes=max_bytes, quiet=quiet, file=saved or "-")
    _name_measures(made, specs)
    if saved is not None:
        _write(made, lang, saved, force)
        common.say(text("wrote", lang, file=_shown(saved)))
    if format_name == "text" and output != "-":
        from zgrongcuo.render.suggestions import draft_lines

        sys.stdout.write("\n".join(draft_lines(made, lang, _width(), saved=saved)) + "\n")
    else:  # the draft itself, for a script or a redirection (-o - is standard output)
        sys.stdout.write(_file_text(made, lang, json_syntax=format_name == "json"))
    sys.stdout.flush()
    common.finish(common.ExitCode.OK)


def read_draft(
    paths: list[str], asked: "Questions | Selection", lang: str, *, max_bytes: int, quiet: bool,
    case: "Case | None" = None, file: str = "-",
) -> "Draft":  # fmt: skip
    """The written accounts at ``paths`` read, and the draft they make (``case``: answers to keep).

    ``asked``: the questions to suggest answers to; a ``Selection``: those of the measures a case file among
    the accounts names (else the default's).
    """
    from zgrongcuo.errors import UsageError
    from zgrongcuo.io import accounts
    from zgrongcuo.suggestion.draft import draft

    read = [accounts.read(path, asked, max_bytes=max_bytes) for path in paths]
    if not quiet:
        for source in read:
            for notice in source.notices:
                common.warn(notice, lang)
    cases = [(path, s.case) for path, s in zip(paths, read, strict=True) if s.case is not None]
    if len(cases) + (case is not None) > 1:
        raise UsageError("suggest_two_cases", first=cases[0][0], second=cases[-1][0] if len(cases) > 1 else "--case")
    kept = case if case is not None else cases[0][1] if cases else None
    return draft([s.account for s in read], _questions(asked, read), lang, case=kept, file=file)


def _questions(asked: "Questions | Selection", read: "list[Source]") -> "Questions":
    """The questions a draft proposes answers to: those given, or the measures of the case file read."""
    from zgrongcuo.io.questions import Selection

    if not isinstance(asked, Selection):
        return asked
    return next((s.questions for s in read if s.questions is not None), None) or asked.default()


def _name_measures(made: "Draft", specs: tuple[str, ...]) -> None:
    """With --criteria, the draft names the measures it was read for (``measures:``): ask --case and check take them."""
    from zgrongcuo.io.measures import reference

    if specs:
        made.case.measures = tuple(reference(m.path, m.id) for m in made.questions.measures)


def _batch(
    folder: str,
    asked: "Selection",
    specs: tuple[str, ...],
    lang: str,
    *,
    output: str | None,
    force: bool,
    max_bytes: int,
    quiet: bool,
) -> int:
    """Each written account in ``folder`` its own case: a line each, a draft each in the ``-o`` folder."""
    from zgrongcuo.errors import UsageError, ZgError
    from zgrongcuo.io import accounts
    from zgrongcuo.io.discovery import CASE_SUFFIXES, discover
    from zgrongcuo.io.files import unused
    from zgrongcuo.render.suggestions import batch_line
    from zgrongcuo.suggestion.draft import draft
    from zgrongcuo.text.escape import file_stem

    if output is not None and os.path.exists(output) and not os.path.isdir(output):
        raise UsageError("suggest_output_folder", file=_shown(output))
    failures, cases, proposed, contrary = 0, 0, 0, 0
    names: set[str] = set()
    for path, problem, within in discover([folder], accounts.TEXT_SUFFIXES + CASE_SUFFIXES):
        try:
            if problem is not None:
                if problem.msg_id == "no_cases_in_folder":
                    raise UsageError("suggest_no_texts", file=_shown(folder), suffixes=", ".join(accounts.TEXT_SUFFIXES))
                raise problem
            source = accounts.read(path, asked, max_bytes=max_bytes, within=within)
            made = draft([source.account], _questions(asked, [source]), lang, case=source.case, file=path)
            _name_measures(made, specs)
            saved = None
            if output is not None:
                stem = file_stem(os.path.splitext(os.path.basename(path))[0]) or "draft"
                target = os.path.join(output, stem + ".yaml")
                if target in names or (not force and os.path.lexists(target)):
                    target = unused(target)
                names.add(target)
                _write(made, lang, target, force)
                saved = target
        except UsageError:
            raise
        except ZgError as error:
            failures += 1
            sys.stdout.flush()  # the lines before it come first, where both streams reach one file
            common.report_error(error, lang)
            continue
        if not quiet and source.notices:
            sys.stdout.flush()
            for notice in source.notices:
                common.warn(notice, lang)
        cases += 1
        proposed += made.proposed
        contrary += made.contrary
        sys.stdout.write(batch_line(path, made, lang, saved) + "\n")
    sys.stdout.write(text("suggest.batch_total", lang, cases=cases, proposed=proposed, contrary=contrary) + "\n")
    if failures:
        sys.stdout.write(text("suggest.batch_failed", lang, count=failures) + "\n")
    sys.stdout.flush()
    return common.ExitCode.USAGE if failures else common.ExitCode.OK


def _refuse_over_a_text(output: str, texts: list[str], force: bool) -> None:
    """A written account is never replaced by a draft; a case file given may be, with --force (its answers are kept)."""
    from zgrongcuo.errors import UsageError
    from zgrongcuo.interview.recording import same_file
    from zgrongcuo.io.discovery import CASE_SUFFIXES

    for path in texts:
        if path != "-" and os.path.exists(output) and same_file(output, path):
            if not (force and path.lower().endswith(CASE_SUFFIXES)):
                raise UsageError("suggest_output_is_text", file=_shown(output))


def _file_text(made: "Draft", lang: str, *, json_syntax: bool, at: str | None = None) -> str:
    """The draft as a case file; ``at``: where it goes, from which the paths of its measures are written."""
    import datetime

    from zgrongcuo.io import case_writer

    names = text("summary.measures_sep", lang).join(
        text("criteria_name", lang, title=m.title[lang], version=m.version) for m in made.questions.measures
    )
    header = text("suggest.file_header", lang, date=datetime.date.today().isoformat(), measures=names)
    comments = () if json_syntax else (header, text("ask.file_note", lang))
    return case_writer.dumps(made.case, made.questions, lang=lang, comments=comments, json_syntax=json_syntax, at=at)


def _write(made: "Draft", lang: str, path: str, force: bool) -> None:
    from zgrongcuo.io.files import write_new

    write_new(path, _file_text(made, lang, json_syntax=path.lower().endswith(".json"), at=path), force=force)


def _shown(path: str) -> str:
    from zgrongcuo.text.escape import one_line

    return one_line(path)


def _width() -> int:
    import shutil

    return max(shutil.get_terminal_size((80, 24)).columns, 20)
