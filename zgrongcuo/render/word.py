"""Determinations as Word documents: a screening opinion drafted as a 公文 (GB/T 9704-2012).

The layout lives in a template shipped as plain XML beside this module
(``gongwen/``): A4 portrait, margins 37/35/28/26 mm, title in 2号 方正小标宋简体,
body in 3号 仿宋_GB2312 on 22 lines to the page, first-level headings in 3号 黑体,
second-level in 3号 楷体_GB2312, page numbers "— N —", East Asian language zh-CN,
and for each face the one that stands in for it where it is missing.  This module
only adds paragraphs in the template's styles, through python-docx's public API;
a Chinese draft carries no English codes, no local paths and no tool jargon.

Needs python-docx, a dependency of the package; it is imported only when a document is made.
"""

from __future__ import annotations

import functools
import io
import os
import sys
import zipfile
from typing import IO, Any

from zgrongcuo.errors import UsageError
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.view import DeterminationView, ElementRow, Tally, bar, build, comparison
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import shortened, xml_safe
from zgrongcuo.text.wording import numeral

SUFFIX = ".docx"
TEMPLATE = os.path.join(os.path.dirname(__file__), "gongwen")
TEXT_WIDTH_MM = 156  # the text block of GB/T 9704: 210 mm less margins of 28 and 26 mm

TITLE_PROPERTY_LIMIT = 255  # characters of a core property (python-docx refuses more)


def require() -> None:
    """Raise the catalogued usage error when python-docx is not installed."""
    try:
        import docx  # noqa: F401
    except ImportError:
        raise UsageError("docx_missing") from None


@functools.lru_cache(maxsize=1)
def template_bytes() -> bytes:
    """The template's parts zipped into a .docx, as python-docx opens it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for folder, _, names in sorted(os.walk(TEMPLATE)):
            for name in sorted(names):
                path = os.path.join(folder, name)
                package.write(path, os.path.relpath(path, TEMPLATE).replace(os.sep, "/"))
    return buffer.getvalue()


class Draft:
    """A document in the template's styles: a title, headings, paragraphs and tables."""

    def __init__(self, title: str) -> None:
        require()
        import docx

        self.doc = docx.Document(io.BytesIO(template_bytes()))
        # The document's title property holds 255 characters; the title on the page keeps every one.
        self.doc.core_properties.title = xml_safe(shortened(title, TITLE_PROPERTY_LIMIT))
        self.doc.add_paragraph(xml_safe(title), style="Title")

    def heading(self, words: str, level: int = 1) -> None:
        self.doc.add_paragraph(xml_safe(words), style=f"Heading {level}")

    def para(self, words: str, *, bold: str = "") -> None:
        """A body paragraph; ``bold`` is a lead-in set in bold before the words."""
        paragraph = self.doc.add_paragraph()
        if bold:
            paragraph.add_run(xml_safe(bold)).bold = True
        paragraph.add_run(xml_safe(words))

    def table(self, header: list[str], rows: list[list[str]], shares: tuple[int, ...] = ()) -> None:
        """A table across the text block; ``shares`` divide its width among the columns (default: evenly)."""
        from docx.shared import Mm

        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        shares = shares or (1,) * len(header)
        widths = [Mm(TEXT_WIDTH_MM * share / sum(shares)) for share in shares]
        for cell, value in zip(table.rows[0].cells, header, strict=True):
            self._cell(cell, value, bold=True)
        for row in rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                self._cell(cell, value)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
            for cell in column.cells:
                cell.width = width  # Word reads the cells' widths, LibreOffice the columns' ones

    def _cell(self, cell: Any, value: str, *, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = self.doc.styles["Table Text"]
        run = paragraph.add_run(xml_safe(value))
        run.bold = bold or None

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _subheading(n: int, words: str, lang: str) -> str:
    return ("（{}）" if lang == "zh" else "({}) ").format(numeral(n, lang)) + words


def _reasons(w: Draft, rows: list[ElementRow]) -> None:
    for i, r in enumerate(rows, 1):
        w.para(f"{i}. {r.reason}")


def _analysis(w: Draft, report: DeterminationView, *, with_answers: bool) -> int:
    """Each situation, precondition and bottom line as a second-level heading (first the answers, when asked).

    Returns how many second-level headings it made.
    """
    h = report.headings
    lang = report.lang
    level = 2
    n = 0
    if report.answers and with_answers:  # within a measure's part: the answers it reads head the analysis
        n += 1
        w.heading(_subheading(n, h["heading.answers"], lang), level)
        w.table([h["col.question"], h["col.answer"], h["col.note"]], [list(a) for a in report.answers], (2, 2, 5))
        for sentence in report.unused:
            w.para(sentence)
    for s in report.situations:
        n += 1
        w.heading(_subheading(n, f"{s.label}：{s.status_text}" if lang == "zh" else f"{s.label}: {s.status_text}", lang), level)
        if s.quote:
            w.para(text("report.quote", lang, quote=s.quote))
        _reasons(w, s.elements)
    for key, rows in (("heading.preconditions", report.preconditions), ("heading.exclusions", report.exclusions)):
        if rows:
            n += 1
            w.heading(_subheading(n, h[key], lang), level)
            _reasons(w, rows)
    return n


def _opinion(w: Draft, report: DeterminationView) -> None:
    """The outcome, why, what is still open and what would change it."""
    h = report.headings
    lang = report.lang
    w.para(report.outcome + text("sentence_end", lang), bold=text("report.result", lang))
    w.para(report.why, bold=text("concise.why", lang))
    for line in report.warnings:
        w.para(line)
    for line in report.unchecked:
        w.para(line)
    if report.open_questions:
        w.para("", bold=h["heading.open_questions"] + text("location_sep", lang))
        for i, (question, _) in enumerate(report.open_questions, 1):
            w.para(f"{i}. {question}")
    if report.decision:
        w.para("", bold=h["decision.heading"] + text("location_sep", lang))
        for line in report.decision:
            w.para(line)
    ex = report.explanation
    if ex:
        w.para("", bold=h["cf.heading"] + text("location_sep", lang))
        for i, point in enumerate(ex.points(), 1):
            w.para(f"{i}. {point}")
        for line in ex.closing:
            w.para(line)


def _basic(w: Draft, report: DeterminationView, heading: str) -> None:
    lang = report.lang
    w.heading(heading)
    for label, value in report.meta:
        if label != text("report.file", lang):  # a path on this machine says nothing in a draft
            w.para(value, bold=label + text("location_sep", lang))


def document(views: list[DeterminationView]) -> bytes:
    """One case's screening opinion as the bytes of a .docx file; with several measures, compared and then each."""
    first = views[0]
    h = first.headings
    lang = first.lang
    w = Draft(first.title)
    if len(views) == 1:
        w.para(first.outcome + text("sentence_end", lang), bold=text("report.result", lang))
        for line in first.warnings:  # what changes how the result reads stands beside it
            w.para(line)
        w.para(first.why, bold=text("concise.why", lang))
        _basic(w, first, h.numbered(1, "section.basic"))
        if first.answers:
            w.heading(_subheading(1, h["heading.answers"], lang), 2)
            w.table([h["col.question"], h["col.answer"], h["col.note"]], [list(a) for a in first.answers], (2, 2, 5))
        w.heading(h.numbered(2, "section.analysis"))
        _analysis(w, first, with_answers=False)
        w.heading(h.numbered(3, "section.conclusion"))
        _opinion(w, first)
        w.heading(h.numbered(4, "section.procedure"))
        w.para(first.reminder)
        w.para(text("report.remark", lang, criteria=first.criteria_name, time=first.generated_time))
        return w.bytes()

    rows = comparison(views)
    for r in rows:
        w.para(r.outcome + text("sentence_end", lang), bold=r.name + text("location_sep", lang))
        for line in r.warnings:  # e.g. conduct before the measure was in force: beside the result it qualifies
            w.para(line)
    _basic(w, first, h.numbered(1, "section.basic"))
    w.heading(h.numbered(2, "section.compare"))
    w.para(text("compare.intro", lang, count=len(views)))
    w.table(
        [h["col.measure"], h["col.level"], h["col.outcome"], h["col.situations_met"], h["col.open_count"]],
        [[r.name, r.level, r.outcome, r.situations, r.open] for r in rows],
        (4, 2, 3, 4, 2),
    )
    n = 2
    for v in views:
        n += 1
        w.heading(h.numbered(n, "section.under", measure=v.measure_name))
        done = _analysis(w, v, with_answers=True)
        w.heading(_subheading(done + 1, h["section.conclusion"], lang), 2)
        _opinion(w, v)
    w.heading(h.numbered(n + 1, "section.procedure"))
    for v in views:
        w.para(v.reminder, bold=v.measure_name + text("location_sep", lang))
    names = text("list_sep", lang).join(v.criteria_name for v in views)
    w.para(text("report.remark", lang, criteria=names, time=first.generated_time))
    return w.bytes()


def _in(measure: str, outcome: str, lang: str) -> str:
    return text("summary.in_measure", lang, measure=measure, label=outcome) if measure else outcome


def summary_document(tally: Tally, generated: str) -> bytes:
    """A batch's counts by outcome and by situation met, and a row per case."""
    lang = tally.lang
    w = Draft(text("summary.title", lang))
    w.para(tally.counts_line())
    for measure in tally.groups():
        outcomes = tally.by_outcome(measure)
        most = max((n for _, _, n, _ in outcomes), default=0)
        w.heading(tally.heading("summary.by_outcome", measure))
        w.table(
            [text(k, lang) for k in ("col.outcome", "col.count", "col.chart")],
            [[label, str(n), bar(n, most, 12)] for label, _, n, _ in outcomes],
            (5, 1, 3),
        )
    for measure in tally.groups():
        situations = tally.by_situation(measure)
        most = max((n for _, _, n in situations), default=0)
        w.heading(tally.heading("summary.by_situation", measure))
        w.para(text("summary.several", lang))
        w.table(
            [text(k, lang) for k in ("col.situation", "col.count", "col.chart")],
            [[label, str(n), bar(n, most, 12)] for label, _, n in situations],
            (5, 1, 3),
        )
    for measure in tally.groups():
        if tally.agreement(measure):
            w.heading(tally.heading("agreement.heading", measure))
            w.para(tally.agreement_line(measure))
            w.table(*tally.agreement_table(measure), (5, 1, 1, 1, 2))
            if tally.differing(measure):
                w.para("", bold=tally.heading("agreement.differing", measure) + text("location_sep", lang))
                header, rows = tally.differing_table(measure)
                w.table(header[:4], [row[:4] for row in rows], (2, 4, 3, 3))  # a local path says nothing in a draft
    w.heading(text("summary.cases", lang))
    w.table(
        [text(k, lang) for k in ("col.case_id", "col.title", "col.subject", "col.outcome", "col.situations_met")],
        [[r.case_id, r.title or r.problem, r.subject, _in(r.measure if tally.several else "", r.outcome, lang), r.situations] for r in tally.rows],
        (2, 3, 3, 3, 2),
    )
    w.para(text("report.remark_summary", lang, time=generated))
    return w.bytes()


class WordRenderer(Renderer):
    """A single case's document on a binary stream (the CLI refuses a terminal and batches without -o)."""

    explains = True

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        super().__init__(out, options)
        target: Any = out if out is not None else sys.stdout
        self.out: IO[bytes] = getattr(target, "buffer", target)
        self.data: bytes | None = None

    def emit(self, payload: object) -> None:
        assert isinstance(payload, tuple)
        self.data = document([build(d, self.lang, generated=self.options.generated) for d in payload])

    def close(self) -> None:
        if self.data is not None:
            self.out.write(self.data)
