"""Determinations as Markdown reports (one document per case; a summary for a batch)."""

from __future__ import annotations

import sys
from typing import IO, Any
from urllib.parse import quote

from zgrongcuo import __version__
from zgrongcuo.errors import ZgError
from zgrongcuo.model.determination import Determination
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.escape import markdown as md
from zgrongcuo.render.view import DeterminationView, ElementRow, Tally, bar, build
from zgrongcuo.text.catalogue import text

SUFFIX = ".md"


def _table(header: list[str], rows: list[list[str]], *, raw: int | None = None) -> list[str]:
    """A pipe table; column ``raw`` is Markdown already (a link)."""
    lines = ["| " + " | ".join(md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(c if i == raw else md(c) for i, c in enumerate(row)) + " |" for row in rows]
    return lines + [""]


def _element_table(report: DeterminationView, rows: list[ElementRow]) -> list[str]:
    h = report.headings
    return _table([h["report.elements"], h["col.status"], h["col.reason"]], [[r.label, r.status_text, r.reason] for r in rows])


def document(report: DeterminationView) -> str:
    """One case's report as a Markdown document."""
    h = report.headings
    out = [f"# {md(report.title)}", ""]
    why = text("concise.why", report.lang) + report.why
    out += [f"> **{md(report.outcome)}** (`{report.outcome_code}`)  ", f"> {md(why)}", ""]

    out += [f"## {md(h['report.basic'])}", ""]
    out += _table([text("col.field", report.lang), text("col.value", report.lang)], [[label, value] for label, value in report.meta])
    if report.answers:
        out += [f"### {md(h['heading.answers'])}", ""]
        out += _table([h["col.question"], h["col.answer"], h["col.note"]], [list(a) for a in report.answers])

    out += [f"## {md(h['report.analysis'])}", ""]
    for s in report.situations:
        out += [f"### {md(s.heading)}", ""]
        if s.quote:
            out += [f"> {md(s.quote)}", ""]
        out += _element_table(report, s.elements)
    if report.preconditions:
        out += [f"### {md(h['heading.preconditions'])}", ""] + _element_table(report, report.preconditions)
    if report.exclusions:
        out += [f"### {md(h['heading.exclusions'])}", ""] + _element_table(report, report.exclusions)

    out += [f"## {md(h['report.conclusion'])}", ""]
    out += [f"**{md(text('report.outcome', report.lang, outcome=report.outcome, code=report.outcome_code))}**", ""]
    out += [md(why), ""]
    for line in report.unchecked:
        out += [md(line), ""]
    if report.open_questions:
        out += [f"**{md(h['heading.open_questions'])}**", ""]
        out += [f"{i}. {md(q)} (`{f}`)" for i, (q, f) in enumerate(report.open_questions, 1)] + [""]
    ex = report.explanation
    if ex:
        out += [f"### {md(h['cf.heading'])}", ""]
        if ex.intro:
            out += [md(ex.intro), ""] + [f"{i}. {md(line)}" for i, line in enumerate(ex.lines, 1)] + [""]
        if ex.bottom_heading:
            out += [md(ex.bottom_heading), ""] + [f"- {md(line)}" for line in ex.bottom_lines] + [""]
        for line in ex.closing:
            out += [md(line), ""]

    out += [f"## {md(h['report.procedure'])}", "", md(report.reminder), "", "---", ""]
    out += [md(report.criteria_line) + "  ", md(report.sha_line) + "  ", md(report.generated), ""]
    return "\n".join(out)


def summary_document(tally: Tally, generated: str) -> str:
    """A batch's counts by outcome and by situation met, and a row per case."""
    lang = tally.lang
    out = [f"# {md(text('summary.title', lang))}", "", md(tally.counts_line()), ""]
    outcomes = tally.by_outcome()
    most = max((n for _, _, n, _ in outcomes), default=0)
    out += [f"## {md(text('summary.by_outcome', lang))}", ""]
    out += _table(
        [text("col.outcome", lang), text("col.count", lang), text("col.chart", lang)],
        [[label, str(n), bar(n, most)] for label, _, n, _ in outcomes],
    )
    situations = tally.by_situation()
    most = max((n for _, _, n in situations), default=0)
    out += [f"## {md(text('summary.by_situation', lang))}", "", md(text("summary.several", lang)), ""]
    out += _table(
        [text("col.situation", lang), text("col.count", lang), text("col.chart", lang)],
        [[label, str(n), bar(n, most)] for label, _, n in situations],
    )
    out += [f"## {md(text('summary.cases', lang))}", ""]
    header, rows = tally.case_table()
    report = header.index(text("col.report", lang)) if text("col.report", lang) in header else None
    if report is not None:
        for row in rows:
            row[report] = f"[{md(row[report])}](<{quote(row[report])}>)" if row[report] else ""
    out += _table(header, rows, raw=report)
    out += [md(text("report.generated", lang, time=generated, version=__version__)), ""]
    return "\n".join(out)


class MarkdownRenderer(Renderer):
    """Reports one after another on a stream, a rule between them, the summary at the end of a batch."""

    explains = True

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        super().__init__(out, options)
        self.out: IO[str] = out if out is not None else sys.stdout
        self.tally = Tally(self.lang)

    def emit(self, payload: object) -> None:
        assert isinstance(payload, Determination)
        if self.tally.total:
            self.out.write("\n---\n\n")
        self.out.write(document(build(payload, self.lang, generated=self.options.generated)))
        self.tally.add(payload)

    def failure(self, file: str, error: ZgError) -> None:
        self.tally.fail(file, error)

    def close(self) -> None:
        if self.options.batch and self.tally.total:
            self.out.write("\n---\n\n" + summary_document(self.tally, self.options.generated))
