"""Determinations for people: Rich tables in the terminal. The only module that imports Rich."""

from __future__ import annotations

import contextlib

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from zgrongcuo.engine import MET, NOT_MET, Determination, ElementResult
from zgrongcuo.errors import ZgError
from zgrongcuo.messages import text
from zgrongcuo.reasons import answer_text, fact_labels, reason, status_text

_STATUS_STYLE = {MET: "green", NOT_MET: "red", "unknown": "yellow"}
_EXCLUSION_STYLE = {MET: "bold red", NOT_MET: "green", "unknown": "yellow"}
_ICON = {MET: "✓", NOT_MET: "✗", "unknown": "?"}
_EXCLUSION_ICON = {MET: "✗", NOT_MET: "✓", "unknown": "?"}  # touching a bottom line is the bad case


def outcome_style(favourable: bool | None) -> str:
    return "green" if favourable else "yellow" if favourable is None else "red"


class TextRenderer:
    """A determination per case as it comes; for a batch, a summary and counts at the end."""

    def __init__(self, console: Console, lang: str, *, batch: bool = False, **_: object) -> None:
        self.console, self.lang = console, lang
        self.tally = None
        if batch:
            from zgrongcuo.report import Tally

            self.tally = Tally(lang)

    def determination(self, d: Determination) -> None:
        render_determination(self.console, d, self.lang)
        if self.tally is not None:
            self.tally.add(d)

    def failure(self, file: str, error: ZgError) -> None:
        # The error itself went to stderr; the summary notes the file.
        if self.tally is not None:
            self.tally.fail(file)

    def close(self) -> None:
        if self.tally is None or not self.tally.rows:
            return
        lang = self.lang
        table = Table(title=text("heading.summary", lang), title_justify="left", expand=False)
        for col in ("col.file", "col.case_id", "col.outcome", "col.code", "col.situations_met"):
            table.add_column(text(col, lang), overflow="fold")
        for row in self.tally.rows:
            label = Text(row.outcome, style=outcome_style(row.favourable))
            table.add_row(row.file, row.case_id, label, row.code, row.situations)
        self.console.print(table)
        self.console.print(self.tally.counts_line())
        render_tally(self.console, self.tally)


def _bar_table(lang: str, title: str, first: str, rows: list[tuple[str, str, int, str]]) -> Table:
    """Counts with a bar each: the table and the chart in one."""
    from zgrongcuo.report import bar

    table = Table(title=title, title_justify="left", expand=False)
    table.add_column(text("col.code", lang), no_wrap=True)
    table.add_column(text("col.count", lang), justify="right", no_wrap=True)
    table.add_column(text("col.chart", lang), no_wrap=True)
    table.add_column(text(first, lang), overflow="fold")
    most = max((n for _, _, n, _ in rows), default=0)
    for label, code, n, style in rows:
        table.add_row(escape(code), str(n), f"[{style}]{bar(n, most, 24)}[/]" if n else "", escape(label))
    return table


def render_tally(console: Console, tally) -> None:
    """A batch's counts by outcome and by situation met, as tables with bar charts."""
    lang = tally.lang
    outcomes = [(label, code, n, outcome_style(fav)) for label, code, n, fav in tally.by_outcome()]
    console.print(_bar_table(lang, text("summary.by_outcome", lang), "col.outcome", outcomes))
    situations = [(label, sid, n, "cyan") for label, sid, n in tally.by_situation()]
    if situations:
        console.print(_bar_table(lang, text("summary.by_situation", lang), "col.situation", situations))
        console.print(text("summary.several", lang), style="dim")


def _element_rows(table: Table, results: tuple[ElementResult, ...], lang: str, *, exclusion: bool = False, indent: str = "") -> None:
    # Cells are Text, not markup: nothing a case file says is parsed as markup, and it renders faster.
    styles, icons = (_EXCLUSION_STYLE, _EXCLUSION_ICON) if exclusion else (_STATUS_STYLE, _ICON)
    for r in results:
        table.add_row(
            Text(indent + r.element.fact.label[lang]),
            Text(f"{icons[r.status]} {status_text(r.status, lang, exclusion=exclusion)}", style=styles[r.status]),
            Text(reason(r, lang, exclusion=exclusion, with_note=False, with_label=False)),
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
    item, reason = _widths(console.width - _STATUS_WIDTH - 3, 2, 5)
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column(text("col.item", lang), width=item, overflow="fold")
    table.add_column(text("col.status", lang), width=_STATUS_WIDTH, overflow="fold")
    table.add_column(text("col.reason", lang), width=reason, overflow="fold")
    return table


def render_determination(console: Console, d: Determination, lang: str) -> None:
    """Print one determination: headline, situations, preconditions, bottom lines, open questions."""
    criteria = d.criteria
    meta = d.case.meta
    style = outcome_style(d.outcome.favourable)

    head = Text()
    head.append(d.outcome.label[lang], style=f"bold {style}")
    head.append(f"  ({d.outcome.id})", style=style)
    lines: list = [head]
    how = text("rule_fired", lang, number=d.rule.number) if d.rule else text("no_rule_fired", lang)
    met = d.situations_met
    sep = text("list_sep", lang)
    how += "；" if lang == "zh" else "; "
    how += text("situations_met", lang, ids=sep.join(met)) if met else text("no_situation_met", lang)
    lines.append(Text(how))
    if meta.get("subject"):
        lines.append(Text(text("subject_line", lang, subject=meta["subject"]), style="dim"))
    title = " ".join(p for p in (meta.get("id"), meta.get("title")) if p) or d.case.file
    console.print(Panel(Group(*lines), title=escape(title), subtitle=escape(d.case.file), border_style=style))

    table = _table(console, lang, text("heading.situations", lang))
    for s in d.situations:
        st = _STATUS_STYLE[s.status]
        table.add_row(
            Text(f"{s.situation.id} {s.situation.label[lang]}", style="bold"),
            Text(f"{_ICON[s.status]} {status_text(s.status, lang)}", style=f"bold {st}"),
            Text(s.situation.quote or "", style="dim italic"),
        )
        _element_rows(table, s.elements, lang, indent="  ")
        table.add_section()
    console.print(table)

    if d.preconditions:
        table = _table(console, lang, text("heading.preconditions", lang))
        _element_rows(table, d.preconditions, lang)
        console.print(table)
    if d.exclusions:
        table = _table(console, lang, text("heading.exclusions", lang))
        _element_rows(table, d.exclusions, lang, exclusion=True)
        console.print(table)

    answered = [(fact, d.case.answers[fact.id]) for fact in criteria.facts if fact.id in d.case.answers]
    if answered:
        widths = _widths(console.width, 2, 2, 4)
        table = Table(title=text("heading.answers", lang), title_justify="left")
        for header, width in zip(("col.question", "col.answer", "col.note"), widths):
            table.add_column(text(header, lang), width=width, overflow="fold")
        for fact, answer in answered:
            table.add_row(Text(fact.label[lang]), Text(answer_text(fact, answer.value, lang)), Text(answer.note or ""))
        console.print(table)

    if d.next_questions:
        console.print(f"[bold yellow]{text('heading.open_questions', lang)}[/]")
        for i, fact_id in enumerate(d.next_questions, 1):
            fact = criteria.fact_by_id[fact_id]
            console.print(f"  {i}. {escape(fact.question[lang])} [dim]({fact_id})[/]")
    if d.decided and d.unchecked_exclusions:
        console.print(
            f"[bold yellow]{escape(text('unchecked_exclusions', lang, facts=fact_labels(criteria, d.unchecked_exclusions, lang)))}[/]"
        )
        if not d.outcome.favourable:
            console.print(f"[yellow]{escape(text('unchecked_explained', lang))}[/]")
    _render_explanation(console, d, lang)

    console.print(
        text("criteria_line", lang, title=escape(criteria.title[lang]), version=escape(criteria.version), sha=criteria.sha256[:12]),
        style="dim",
    )
    console.print(Panel(escape(criteria.reminder[lang]), border_style="dim"))
    console.print()


def _render_explanation(console: Console, d: Determination, lang: str) -> None:
    if d.outcome.favourable:
        return  # nothing to change
    from zgrongcuo.report import explanation

    ex = explanation(d, lang)
    if not ex:
        return
    console.print(f"[bold]{escape(text('cf.heading', lang))}[/]")
    for intro, lines in ((ex.intro, ex.lines), (ex.bottom_heading, ex.bottom_lines)):
        if intro:
            console.print(escape(intro))
        if lines:
            # A grid keeps a wrapped sentence beside its bullet: Chinese has no spaces to break at.
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            for line in lines:
                grid.add_row("  •", escape(line))
            console.print(grid)
    for line in ex.closing:
        console.print(escape(line), style="dim")


def make_console(out=None, *, stderr: bool = False, **options) -> Console:
    """A console on ``out`` (None: whatever sys.stdout is when it writes); honours NO_COLOR and COLUMNS.

    Emoji codes and highlighting are off: case files are printed as written.
    """
    return Console(file=out, stderr=stderr, highlight=False, soft_wrap=False, emoji=False, **options)


@contextlib.contextmanager
def progress_bar(total: int, description: str):
    """A bar on stderr; what is printed to stdout meanwhile appears above it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=make_console(stderr=True), transient=True, redirect_stdout=True) as progress:
        task = progress.add_task(description, total=total)
        yield lambda: progress.advance(task)
