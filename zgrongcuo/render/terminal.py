"""Determinations for people in the terminal (with ``authoring.console``, the only modules that import Rich).

By default one determination fits one screen: the case, one line per
situation with what decides it, the preconditions and bottom lines in a line
each, what would change the outcome (three lines at most), and at the bottom
the next step, the reason and the outcome, so that a terminal scrolled to its
end still shows them.  ``--detail`` draws every element in full tables.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from zgrongcuo.errors import ZgError
from zgrongcuo.model.determination import MET, NOT_MET
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.view import DeterminationView, ElementRow, Tally, bar, build, comparison
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.layout import columns, wrap

if TYPE_CHECKING:
    from rich.table import Table

    from zgrongcuo.render.similar_view import SearchView

MAX_POINTS = 3  # lines of "what would change the outcome" in the one-screen summary
MAX_QUESTIONS = 6  # open questions listed there

_STATUS_STYLE = {MET: "green", NOT_MET: "red", "unknown": "yellow"}
_EXCLUSION_STYLE = {MET: "bold red", NOT_MET: "green", "unknown": "yellow"}
_ICON = {MET: "✓", NOT_MET: "✗", "unknown": "?"}
_EXCLUSION_ICON = {MET: "✗", NOT_MET: "✓", "unknown": "?"}  # touching a bottom line is the bad case


def outcome_style(favourable: bool | None) -> str:
    return "green" if favourable else "yellow" if favourable is None else "red"


class TextRenderer(Renderer):
    """A determination per case as it comes; for a batch, a summary and counts at the end."""

    explains = True

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        super().__init__(out, options)
        self.console = make_console(out)
        self.tally = Tally(self.lang) if options.batch else None

    def emit(self, payload: object) -> None:
        assert isinstance(payload, tuple)
        views = [build(d, self.lang) for d in payload]
        several = len(views) > 1
        if several:
            render_comparison(self.console, views)
        for view in views:
            if several:
                self.console.print()
                self.console.print(Text(text("compare.under", self.lang, measure=view.measure_name), style="bold reverse"))
            if self.options.detail:
                render_detail(self.console, view)
            else:
                render_summary(self.console, view, heading=not several)
        nearest = self.options.precedents
        if nearest is not None:
            self.console.print()
            render_similar(self.console, nearest, heading=text("similar.nearest", self.lang), brief=True)
            if not several:  # the outcome stays on the last line
                render_closing(self.console, views)
        if several:
            render_closing(self.console, views)
        if self.tally is not None:
            self.tally.add(payload)

    def failure(self, file: str, error: ZgError) -> None:
        # The error itself went to stderr; the summary notes the file.
        if self.tally is not None:
            self.tally.fail(file, error)

    def close(self) -> None:
        # Nothing to sum up when no case was determined: each failure is on stderr already.
        if self.tally is None or self.tally.failures == self.tally.total:
            return
        from rich.table import Table

        header, rows = self.tally.case_table()
        columns = self.tally.columns()
        subject = columns.index("subject")  # too wide for a terminal beside the rest; the reports carry it
        outcome = columns.index("outcome")
        table = Table(title=text("heading.summary", self.lang), title_justify="left", expand=False)
        for n, heading in enumerate(header):
            if n != subject:
                table.add_column(heading, overflow="fold")
        for row, cells in zip(self.tally.rows, rows, strict=True):
            # Cells are Text, never markup: a case id or file name is shown as written.
            shown = [Text(c, style=outcome_style(row.favourable) if n == outcome else "") for n, c in enumerate(cells)]
            table.add_row(*(cell for n, cell in enumerate(shown) if n != subject))
        self.console.print(table)
        self.console.print(Text(self.tally.counts_line()))
        render_tally(self.console, self.tally)
        render_agreement(self.console, self.tally)


def _bar_table(lang: str, title: str, first: str, rows: list[tuple[str, int, str]]) -> Table:
    """Counts with a bar each: the table and the chart in one."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", expand=False)
    table.add_column(text(first, lang), overflow="fold")
    table.add_column(text("col.count", lang), justify="right", no_wrap=True)
    table.add_column(text("col.chart", lang), no_wrap=True)
    most = max((n for _, n, _ in rows), default=0)
    for label, n, style in rows:
        table.add_row(Text(label), str(n), Text(bar(n, most, 24), style=style))
    return table


def render_tally(console: Console, tally: Tally) -> None:
    """A batch's counts by outcome and by situation met, as tables with bar charts."""
    lang = tally.lang
    for measure in tally.groups():
        outcomes = [(label, n, outcome_style(fav)) for label, _, n, fav in tally.by_outcome(measure)]
        console.print(_bar_table(lang, tally.heading("summary.by_outcome", measure), "col.outcome", outcomes))
    for measure in tally.groups():
        situations = [(name or label, n, "cyan") for label, name, n in tally.by_situation(measure)]
        if situations:
            console.print(_bar_table(lang, tally.heading("summary.by_situation", measure), "col.situation", situations))
    if any(tally.by_situation(m) for m in tally.groups()):
        console.print(Text(text("summary.several", lang), style="dim"))


def render_agreement(console: Console, tally: Tally) -> None:
    """For the decided cases of a batch: how often the screening agrees with the decision, and where it does not."""
    from rich.table import Table

    if not tally.decided:
        return
    for measure in tally.groups():
        if not tally.agreement(measure):
            continue
        header, rows = tally.agreement_table(measure)
        table = Table(title=tally.heading("agreement.heading", measure), title_justify="left", expand=False)
        for n, heading in enumerate(header):
            table.add_column(heading, overflow="fold", justify="left" if n == 0 else "right")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
        console.print(Text(tally.agreement_line(measure)))
        if tally.differing(measure):
            header, rows = tally.differing_table(measure)
            table = Table(title=tally.heading("agreement.differing", measure), title_justify="left", expand=False)
            for heading in header[:4]:  # the file is in the table of cases above
                table.add_column(heading, overflow="fold")
            for row in rows:
                table.add_row(*(Text(cell, style="red" if n == 3 else "") for n, cell in enumerate(row[:4])))
            console.print(table)


def _fit(value: str, width: int) -> str:
    """``value`` laid out in ``width`` columns by the tool's own rules, so that Rich folds nothing.

    Rich would fold Chinese at the width, whatever falls there: a line of
    only "。", a version "2018.1" cut in two.
    """
    return "\n".join(line for paragraph in value.split("\n") for line in wrap(paragraph, max(width, 4)))


def _cell(value: str, width: int, style: str = "") -> Text:
    # Cells are Text, not markup: nothing a case file says is parsed as markup, and it renders faster.
    return Text(_fit(value, width), style=style)


def _element_rows(table: Table, rows: list[ElementRow], *, exclusion: bool = False, indent: str = "") -> None:
    styles, icons = (_EXCLUSION_STYLE, _EXCLUSION_ICON) if exclusion else (_STATUS_STYLE, _ICON)
    item, status, reason = (column.width or 20 for column in table.columns)
    for r in rows:
        table.add_row(
            _cell(indent + r.label, item),
            _cell(f"{icons[r.status]} {r.status_text}", status, styles[r.status]),
            _cell(r.clause, reason),
        )


def _widths(total: int, *shares: int) -> list[int]:
    """Column widths that fill ``total`` cells (borders and padding taken off) in these shares.

    Fixed widths spare Rich from measuring every cell to lay a table out: most of
    the time a determination takes to print.
    """
    room = max(total - 1 - 3 * len(shares), 8 * len(shares))
    widths = [max(room * share // sum(shares), 6) for share in shares]
    widths[-1] += room - sum(widths)
    return widths


_STATUS_WIDTH = 10  # "✓ 未触及", "✗ not touched" fold at worst


def _table(console: Console, lang: str, title: str) -> Table:
    from rich.table import Table

    item, reason = _widths(console.width - _STATUS_WIDTH - 3, 2, 5)
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column(text("col.item", lang), width=item, overflow="fold")
    table.add_column(text("col.status", lang), width=_STATUS_WIDTH, overflow="fold")
    table.add_column(text("col.reason", lang), width=reason, overflow="fold")
    return table


class _Page:
    """Lines laid out here and printed at once: Rich measures and wraps nothing.

    A determination on one screen is a few dozen lines; printing them one by one
    through Rich cost more than the rest of the run.
    """

    def __init__(self, width: int) -> None:
        self.width = width
        self.text = Text()

    def line(self, *pieces: tuple[str, str]) -> None:
        for words, style in pieces:
            self.text.append(words, style=style or None)
        self.text.append("\n")

    def hanging(self, lead: list[tuple[str, str]], body: str, style: str = "") -> None:
        """``lead`` then ``body``, wrapped to the width with later lines under the body's start."""
        indent = sum(columns(words) for words, _ in lead)
        lines = wrap(body, max(self.width - indent, 16)) if body else [""]
        self.line(*lead, (lines[0], style))
        for rest in lines[1:]:
            self.line((" " * indent + rest, style))


def _padded(words: str, width: int) -> str:
    return words + " " * max(width - columns(words), 1)


def render_comparison(console: Console, views: list[DeterminationView]) -> None:
    """The case under each measure, a few lines per measure: outcome, what is met, what is still open."""
    first = views[0]
    lang = first.lang
    page = _Page(console.width)
    page.hanging([], first.case_title, "bold")
    if first.subject:
        page.hanging([], text("subject_line", lang, subject=first.subject), "dim")
    if first.suggested:
        page.hanging([("? ", "bold cyan")], first.suggested, "cyan")
    page.line((text("compare.heading", lang), "bold"))
    for row in comparison(views):
        style = outcome_style(row.favourable)
        level = f"（{row.level}）" if row.level and lang == "zh" else f" ({row.level})" if row.level else ""
        page.hanging([("  ", "")], row.name + level, "bold")
        page.line(("    ", ""), (row.outcome, f"bold {style}"), (f"  ({row.code})", style))
        met = text("compare.met", lang, situations=row.situations)
        if row.open:
            met += text("list_sep", lang) + text("compare.open_line", lang, count=row.open)
        page.hanging([("    ", "")], met)
        for warning in row.warnings:
            page.hanging([("    ", "")], warning, "yellow")
    page.hanging([], text("compare.intro", lang, count=len(views)), "dim")
    page.text.rstrip()
    console.print(page.text, soft_wrap=True)
    console.print()


def render_closing(console: Console, views: list[DeterminationView]) -> None:
    """The outcome under each measure, last, so that a scrolled terminal still shows them all."""
    lang = views[0].lang
    console.print()
    page = _Page(console.width)
    page.line(("═" * min(console.width, 60), "dim"))
    if len(views) == 1:  # after the precedents: the outcome again, last
        v = views[0]
        page.line((text("concise.outcome", lang) + v.outcome, f"bold {outcome_style(v.favourable)}"), (f"  ({v.outcome_code})", ""))
        page.text.rstrip()
        console.print(page.text, soft_wrap=True)
        return
    page.line((text("compare.closing", lang), "bold"))
    for row in comparison(views):
        style = outcome_style(row.favourable)
        page.hanging([("  " + row.name + text("location_sep", lang), "bold")], f"{row.outcome}  ({row.code})", f"bold {style}")
    page.text.rstrip()
    console.print(page.text, soft_wrap=True)


def render_summary(console: Console, v: DeterminationView, *, heading: bool = True) -> None:
    """Print one determination on one screen, the next step, the reason and the outcome last.

    ``heading`` false leaves out the case's title and subject (the comparison above gave them).
    """
    lang = v.lang
    page = _Page(console.width)
    if heading:
        page.hanging([], v.case_title, "bold")
        if v.subject:
            page.hanging([], text("subject_line", lang, subject=v.subject), "dim")
    page.hanging([], text("concise.file", lang, file=v.file, criteria=v.criteria_name), "dim")
    if v.suggested and heading:  # several measures: the comparison above said it once
        page.hanging([("? ", "bold cyan")], v.suggested, "cyan")
    for warning in v.warnings:
        page.hanging([("! ", "bold yellow")], warning, "yellow")
    for sentence in v.unused:
        page.hanging([], sentence, "dim")

    page.line((text("heading.situations", lang), "bold"))
    name_width = max((columns(s.name) for s in v.situations), default=0) + 2
    for s in v.situations:
        lead = [("  ", ""), (f"{_ICON[s.status]} ", _STATUS_STYLE[s.status]), (_padded(s.name, name_width), "bold")]
        page.hanging(lead, s.deciding)
    for key, line, good in (
        ("concise.preconditions", v.preconditions_line, v.preconditions_line == text("group.precondition.good", lang)),
        ("concise.exclusions", v.exclusions_line, v.exclusions_line == text("group.exclusion.good", lang)),
    ):
        page.hanging([(text(key, lang), "bold")], line, "green" if good else "yellow")
    for n, sentence in enumerate(v.unchecked):
        page.hanging([("  ", "")], sentence, "yellow" if n else "bold yellow")

    points = v.explanation.points()
    if points:
        page.line((text("cf.heading", lang), "bold"))
        for point in points[:MAX_POINTS]:
            page.hanging([("  • ", "")], point)
        if len(points) > MAX_POINTS:
            page.hanging([("    ", "")], text("cf.more", lang, count=len(points) - MAX_POINTS), "dim")
    elif v.explanation.closing and v.favourable is False:
        page.hanging([(text("cf.heading_inline", lang), "bold")], v.explanation.closing[0])
    if v.open_questions:
        page.line((text("heading.open_questions", lang), "bold yellow"))
        for i, (question, _) in enumerate(v.open_questions[:MAX_QUESTIONS], 1):
            page.hanging([(f"  {i}. ", "")], question)
        if len(v.open_questions) > MAX_QUESTIONS:
            more = text("concise.more_questions", lang, count=len(v.open_questions) - MAX_QUESTIONS)
            page.hanging([("     ", "")], more, "dim")

    if v.decision:
        page.line((text("decision.heading", lang), "bold"))
        for n, sentence in enumerate(v.decision):
            page.hanging([("  ", "")], sentence, _agreement_style(v.agrees) if n == 1 else "")
    _verdict(page, v)
    page.text.rstrip()
    console.print(page.text, soft_wrap=True)


def _agreement_style(agrees: bool | None) -> str:
    return "yellow" if agrees is None else "green" if agrees else "bold red"


def render_detail(console: Console, v: DeterminationView) -> None:
    """Print one determination in full: headline, situations, preconditions, bottom lines, answers, open questions."""
    from rich.console import Group
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    lang = v.lang
    style = outcome_style(v.favourable)

    head = Text()
    head.append(v.outcome, style=f"bold {style}")
    head.append(f"  ({v.outcome_code})", style=style)
    inner = console.width - 4  # the panel's borders and padding
    lines: list[Text] = [head, Text(_fit(text("concise.why", lang) + v.why, inner))]
    if v.subject:
        lines.append(Text(_fit(text("subject_line", lang, subject=v.subject), inner), style="dim"))
    if v.suggested:
        lines.append(Text(_fit(v.suggested, inner), style="cyan"))
    lines += [Text(_fit(warning, inner), style="yellow") for warning in v.warnings]
    lines += [Text(_fit(sentence, inner), style="dim") for sentence in v.unused]
    title = v.case_title
    console.print(Panel(Group(*lines), title=escape(title), subtitle=escape(v.file), border_style=style))

    table = _table(console, lang, text("heading.situations", lang))
    item, status, reason = (column.width or 20 for column in table.columns)
    for s in v.situations:
        st = _STATUS_STYLE[s.status]
        table.add_row(
            _cell(f"{s.id} {s.label}", item, "bold"),
            _cell(f"{_ICON[s.status]} {s.status_text}", status, f"bold {st}"),
            _cell(s.quote, reason, "dim italic"),
        )
        _element_rows(table, s.elements, indent="  ")
        table.add_section()
    console.print(table)

    if v.preconditions:
        table = _table(console, lang, text("heading.preconditions", lang))
        _element_rows(table, v.preconditions)
        console.print(table)
    if v.exclusions:
        table = _table(console, lang, text("heading.exclusions", lang))
        _element_rows(table, v.exclusions, exclusion=True)
        console.print(table)

    if v.answers:
        widths = _widths(console.width, 2, 2, 4)
        table = Table(title=text("heading.answers", lang), title_justify="left")
        for header, width in zip(("col.question", "col.answer", "col.note"), widths, strict=True):
            table.add_column(text(header, lang), width=width, overflow="fold")
        for label, answer, note in v.answers:
            table.add_row(*(_cell(value, width) for value, width in zip((label, answer, note), widths, strict=True)))
        console.print(table)

    page = _Page(console.width)
    if v.open_questions:
        page.line((text("heading.open_questions", lang), "bold yellow"))
        for i, (question, fact_id) in enumerate(v.open_questions, 1):
            page.hanging([(f"  {i}. ", "")], f"{question} ({fact_id})")
    for n, sentence in enumerate(v.unchecked):
        page.hanging([], sentence, "bold yellow" if n == 0 else "yellow")
    _print(console, page)
    _render_explanation(console, v)
    page = _Page(console.width)
    if v.decision:
        page.line((text("decision.heading", lang), "bold"))
        for n, sentence in enumerate(v.decision):
            page.hanging([("  ", "")], sentence, _agreement_style(v.agrees) if n == 1 else "")
    page.hanging([], v.criteria_line, "dim")
    _verdict(page, v)  # the next step, the reason and the outcome last, as on the one screen
    _print(console, page)
    console.print()


def _print(console: Console, page: _Page) -> None:
    page.text.rstrip()
    if page.text:
        console.print(page.text, soft_wrap=True)


def _verdict(page: _Page, v: DeterminationView) -> None:
    """The last lines of every view of a determination: the next step, the reason, the outcome."""
    lang = v.lang
    style = outcome_style(v.favourable)
    page.line(("─" * min(page.width, 60), "dim"))
    next_step = text("concise.next_open", lang) if v.open_questions else v.reminder
    page.hanging([(text("concise.next", lang), "bold")], next_step)
    page.hanging([(text("concise.why", lang), "bold")], v.why)
    page.line((text("concise.outcome", lang) + v.outcome, f"bold {style}"), (f"  ({v.outcome_code})", style))


def _render_explanation(console: Console, v: DeterminationView) -> None:
    ex = v.explanation
    if not ex:
        return
    page = _Page(console.width)
    page.line((text("cf.heading", v.lang), "bold"))
    for intro, lines in ((ex.intro, ex.lines), (ex.bottom_heading, ex.bottom_lines)):
        if intro:
            page.hanging([], intro)
        for line in lines:  # a wrapped sentence stays beside its bullet
            page.hanging([("  • ", "")], line)
    for line in ex.closing:
        page.hanging([], line, "dim")
    _print(console, page)


MAX_DIFFERENCES = 3  # differing answers listed per case in the terminal


def render_similar(console: Console, v: SearchView, *, heading: str | None = None, brief: bool = False) -> None:
    """The nearest decided cases, a few lines each: name and similarity, the decision, how they differ, the source.

    ``brief`` (after a determination, with --precedents) leaves out the counts and the weighing.
    """
    lang = v.lang
    page = _Page(console.width)
    page.hanging([], heading or v.heading, "bold")
    if v.library:
        page.hanging([], text("similar.library", lang), "dim")
    if not brief:
        page.hanging([], v.counts_line(), "dim")
        page.hanging([], v.weights_line(), "dim")
    if not v.matches:
        page.hanging([], text("similar.none", lang, read=v.read), "yellow")
    for m in v.matches:
        lead = f"{m.rank}. "
        page.hanging([(lead, "bold")], m.name + text("similar.after_name", lang, percent=m.percent), "bold")
        indent = " " * columns(lead)
        page.hanging([(indent, "")], m.decision)
        if m.differences:
            shown = m.differences if not brief else m.differences[:1]
            limit = MAX_DIFFERENCES if not brief else 1
            page.hanging([(indent + text("similar.differences", lang), "dim")], shown[0].sentence)
            pad = indent + " " * columns(text("similar.differences", lang))
            for d in m.differences[1:limit]:
                page.hanging([(pad, "")], d.sentence)
            if len(m.differences) > limit:
                page.hanging([(pad, "")], text("similar.more_differences", lang, count=len(m.differences) - limit), "dim")
        else:
            page.hanging([(indent, "")], text("similar.no_difference", lang), "dim")
        if m.source:
            page.hanging([(indent, "")], text("decision.source", lang, source=m.source), "dim")
    page.text.rstrip()
    console.print(page.text, soft_wrap=True)


def make_console(out: IO[str] | None = None, *, stderr: bool = False) -> Console:
    """A console on ``out`` (None: whatever sys.stdout is when it writes); honours NO_COLOR and COLUMNS.

    Emoji codes and highlighting are off: case files are printed as written.
    """
    return Console(file=out, stderr=stderr, highlight=False, soft_wrap=False, emoji=False)


@contextlib.contextmanager
def progress_bar(total: int, description: str) -> Iterator[Callable[[], None]]:
    """A bar on stderr; what is printed to stdout meanwhile appears above it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=make_console(stderr=True), transient=True, redirect_stdout=True) as progress:
        task = progress.add_task(description, total=total)
        yield lambda: progress.advance(task)
