"""Determinations as Markdown reports (one document per case; a summary for a batch)."""

from __future__ import annotations

import sys
from typing import IO, Any
from urllib.parse import quote

from zgrongcuo import __version__
from zgrongcuo.errors import ZgError
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.view import DeterminationView, ElementRow, Tally, bar, build, comparison
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import markdown as md

SUFFIX = ".md"


def _table(header: list[str], rows: list[list[str]], *, raw: int | None = None) -> list[str]:
    """A pipe table; column ``raw`` is Markdown already (a link)."""
    lines = ["| " + " | ".join(md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(c if i == raw else md(c) for i, c in enumerate(row)) + " |" for row in rows]
    return lines + [""]


def _element_table(report: DeterminationView, rows: list[ElementRow]) -> list[str]:
    h = report.headings
    return _table([h["report.elements"], h["col.status"], h["col.reason"]], [[r.label, r.status_text, r.reason] for r in rows])


def _measure_body(report: DeterminationView, level: int, *, with_meta: bool) -> list[str]:
    """One measure's part of a report; ``level`` is the depth of its section headings (## is 2)."""
    h = report.headings
    hh, hhh = "#" * level, "#" * (level + 1)

    def head(key: str, n: int) -> str:  # numbered in a one-measure report; within a measure's part, not
        return h.numbered(n, f"section.{key}") if with_meta else h[f"section.{key}"]

    why = text("concise.why", report.lang) + report.why
    out: list[str] = []
    for line in report.warnings:
        out += [f"> ⚠ {md(line)}", ""]
    if with_meta:
        out += [f"{hh} {md(head('basic', 1))}", ""]
        out += _table([text("col.field", report.lang), text("col.value", report.lang)], [[label, value] for label, value in report.meta])
    if report.answers:
        out += [f"{hhh} {md(h['heading.answers'])}", ""]
        out += _table([h["col.question"], h["col.answer"], h["col.note"]], [list(a) for a in report.answers])
    for line in report.unused:
        out += [md(line), ""]

    out += [f"{hh} {md(head('analysis', 2))}", ""]
    for s in report.situations:
        out += [f"{hhh} {md(s.heading)}", ""]
        if s.quote:
            out += [f"> {md(s.quote)}", ""]
        out += _element_table(report, s.elements)
    if report.preconditions:
        out += [f"{hhh} {md(h['heading.preconditions'])}", ""] + _element_table(report, report.preconditions)
    if report.exclusions:
        out += [f"{hhh} {md(h['heading.exclusions'])}", ""] + _element_table(report, report.exclusions)

    out += [f"{hh} {md(head('conclusion', 3))}", ""]
    out += [f"**{md(text('report.outcome', report.lang, outcome=report.outcome, code=report.outcome_code))}**", ""]
    out += [md(why), ""]
    for line in report.unchecked:
        out += [md(line), ""]
    if report.open_questions:
        out += [f"**{md(h['heading.open_questions'])}**", ""]
        out += [f"{i}. {md(q)} (`{f}`)" for i, (q, f) in enumerate(report.open_questions, 1)] + [""]
    if report.decision:
        out += [f"{hhh} {md(h['decision.heading'])}", ""] + [f"{md(line)}  " for line in report.decision] + [""]
    ex = report.explanation
    if ex:
        out += [f"{hhh} {md(h['cf.heading'])}", ""]
        if ex.intro:
            out += [md(ex.intro), ""] + [f"{i}. {md(line)}" for i, line in enumerate(ex.lines, 1)] + [""]
        if ex.bottom_heading:
            out += [md(ex.bottom_heading), ""] + [f"- {md(line)}" for line in ex.bottom_lines] + [""]
        for line in ex.closing:
            out += [md(line), ""]

    out += [f"{hh} {md(head('procedure', 4))}", "", md(report.reminder), ""]
    return out


def document(views: list[DeterminationView]) -> str:
    """One case's report as a Markdown document: with several measures, a comparison and then each measure."""
    first = views[0]
    lang = first.lang
    out = [f"# {md(first.title)}", ""]
    if len(views) == 1:
        why = text("concise.why", lang) + first.why
        out += [f"> **{md(first.outcome)}** (`{first.outcome_code}`)  ", f"> {md(why)}", ""]
        out += _measure_body(first, 2, with_meta=True)
        out += ["---", "", md(first.criteria_line) + "  ", md(first.sha_line) + "  ", md(first.generated), ""]
        return "\n".join(out)
    h = first.headings
    rows = comparison(views)
    for r in rows:  # each result with the warnings that qualify it
        out += [f"> **{md(r.name)}**：{md(r.outcome)} (`{r.code}`)  "] + [f"> ⚠ {md(line)}  " for line in r.warnings]
    out += [""]
    out += [f"## {md(h.numbered(1, 'section.basic'))}", ""]
    out += _table([text("col.field", lang), text("col.value", lang)], [[label, value] for label, value in first.meta])
    out += [f"## {md(h.numbered(2, 'section.compare'))}", "", md(text("compare.intro", lang, count=len(views))), ""]
    out += _table(
        [h["col.measure"], h["col.level"], h["col.outcome"], h["col.situations_met"], h["col.open_count"]],
        [[r.name, r.level, f"{r.outcome} ({r.code})", r.situations, r.open] for r in rows],
    )
    for n, v in enumerate(views, 3):
        out += [f"## {md(h.numbered(n, 'section.under', measure=v.measure_name))}", ""]
        out += _measure_body(v, 3, with_meta=False)
    out += ["---", ""]
    out += [md(v.criteria_line) + "  " for v in views]
    out += [md(first.generated), ""]
    return "\n".join(out)


def summary_document(tally: Tally, generated: str) -> str:
    """A batch's counts by outcome and by situation met, and a row per case."""
    lang = tally.lang
    out = [f"# {md(text('summary.title', lang))}", "", md(tally.counts_line()), ""]
    for measure in tally.groups():
        outcomes = tally.by_outcome(measure)
        most = max((n for _, _, n, _ in outcomes), default=0)
        out += [f"## {md(tally.heading('summary.by_outcome', measure))}", ""]
        out += _table(
            [text("col.outcome", lang), text("col.count", lang), text("col.chart", lang)],
            [[label, str(n), bar(n, most)] for label, _, n, _ in outcomes],
        )
    for measure in tally.groups():
        situations = tally.by_situation(measure)
        most = max((n for _, _, n in situations), default=0)
        out += [f"## {md(tally.heading('summary.by_situation', measure))}", "", md(text("summary.several", lang)), ""]
        out += _table(
            [text("col.situation", lang), text("col.count", lang), text("col.chart", lang)],
            [[label, str(n), bar(n, most)] for label, _, n in situations],
        )
    for measure in tally.groups():
        if tally.agreement(measure):
            out += [f"## {md(tally.heading('agreement.heading', measure))}", "", md(tally.agreement_line(measure)), ""]
            out += _table(*tally.agreement_table(measure))
            if tally.differing(measure):
                out += [f"### {md(tally.heading('agreement.differing', measure))}", ""]
                out += _table(*tally.differing_table(measure))
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
        assert isinstance(payload, tuple)
        if self.tally.total:
            self.out.write("\n---\n\n")
        self.out.write(document([build(d, self.lang, generated=self.options.generated) for d in payload]))
        self.tally.add(payload)

    def failure(self, file: str, error: ZgError) -> None:
        self.tally.fail(file, error)

    def close(self) -> None:
        if self.options.batch and self.tally.total:
            self.out.write("\n---\n\n" + summary_document(self.tally, self.options.generated))
