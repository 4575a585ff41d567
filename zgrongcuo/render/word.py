"""Determinations as Word documents laid out like a Chinese official opinion draft.

Title in a heading face, centred; body in 仿宋 at 三号 (16 pt); sections
一、二、三、四 in 黑体; sub-sections （一）（二） in 楷体 — the usual layout of
党政机关公文 (GB/T 9704).  Needs python-docx: ``pip install 'zgrongcuo[docx]'``;
it is imported only when a document is made.
"""

from __future__ import annotations

import io
import re
import sys
from typing import IO, Any

from zgrongcuo import __version__
from zgrongcuo.errors import UsageError
from zgrongcuo.model.determination import Determination
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.view import DeterminationView, ElementRow, Tally, bar, build
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.wording import numeral

SUFFIX = ".docx"

# East Asian faces of official documents, with the Latin face beside them.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
SECTION_FONT = "黑体"
SUBSECTION_FONT = "楷体_GB2312"
LATIN_FONT = "Times New Roman"


# Characters XML 1.0 cannot hold (control characters but tab and line ends);
# the loaders refuse them in case files, and a document must not fail on one
# that reaches it another way.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def require() -> None:
    """Raise the catalogued usage error when python-docx is not installed."""
    try:
        import docx  # noqa: F401
    except ImportError:
        raise UsageError("docx_missing") from None


class _Writer:
    def __init__(self) -> None:
        require()
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Pt

        self.Pt, self.qn, self.align = Pt, qn, WD_ALIGN_PARAGRAPH
        self.doc = docx.Document()
        normal = self.doc.styles["Normal"]
        self._font(normal.font, normal.element, BODY_FONT, 16)
        normal.paragraph_format.line_spacing = Pt(28)

    def _font(self, font, element, east_asian: str, size: float, bold: bool = False) -> None:
        font.name = LATIN_FONT
        font.size = self.Pt(size)
        font.bold = bold
        rpr = element.get_or_add_rPr()
        fonts = rpr.find(self.qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(self.qn("w:rFonts"), {})
            rpr.append(fonts)
        fonts.set(self.qn("w:eastAsia"), east_asian)

    def para(self, content: str = "", *, face: str = BODY_FONT, size: float = 16, bold: bool = False, center: bool = False, indent: bool = True):
        p = self.doc.add_paragraph()
        if center:
            p.alignment = self.align.CENTER
        elif indent:
            p.paragraph_format.first_line_indent = self.Pt(size * 2)
        run = p.add_run(_xml_safe(content))
        self._font(run.font, run._element, face, size, bold)
        return p

    def title(self, content: str) -> None:
        self.para(content, face=TITLE_FONT, size=22, center=True)
        self.para("")

    def section(self, content: str) -> None:
        self.para(content, face=SECTION_FONT)

    def subsection(self, content: str) -> None:
        self.para(content, face=SUBSECTION_FONT)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, value in zip(table.rows[0].cells, header, strict=True):
            self._cell(cell, value, bold=True)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                self._cell(cell, value)
        self.para("", indent=False)

    def _cell(self, cell, value: str, *, bold: bool = False) -> None:
        p = cell.paragraphs[0]
        run = p.add_run(_xml_safe(value))
        self._font(run.font, run._element, BODY_FONT, 12, bold)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _reasons(w: _Writer, rows: list[ElementRow]) -> None:
    for i, r in enumerate(rows, 1):
        w.para(f"{i}. {r.reason}")


def document(report: DeterminationView) -> bytes:
    """One case's report as the bytes of a .docx file."""
    h = report.headings
    lang = report.lang
    w = _Writer()
    w.title(report.title)
    w.para(text("report.outcome", lang, outcome=report.outcome, code=report.outcome_code), bold=True)
    w.para(report.how)

    w.section(h["report.basic"])
    for label, value in report.meta:
        w.para(text("location_sep", lang).join((label, value)))
    if report.answers:
        w.subsection(h["heading.answers"])
        w.table([h["col.question"], h["col.answer"], h["col.note"]], [list(a) for a in report.answers])

    w.section(h["report.analysis"])
    for s in report.situations:
        w.subsection(s.heading)
        if s.quote:
            w.para(text("report.quote", lang, quote=s.quote))
        _reasons(w, s.elements)
    n = len(report.situations)
    for key, rows in (("heading.preconditions", report.preconditions), ("heading.exclusions", report.exclusions)):
        if rows:
            n += 1
            w.subsection(("（{}）" if lang == "zh" else "({}) ").format(numeral(n, lang)) + h[key])
            _reasons(w, rows)

    w.section(h["report.conclusion"])
    w.para(text("report.outcome", lang, outcome=report.outcome, code=report.outcome_code), bold=True)
    w.para(report.how)
    for line in report.unchecked:
        w.para(line)
    if report.open_questions:
        w.para(h["heading.open_questions"], bold=True)
        for i, (q, f) in enumerate(report.open_questions, 1):
            w.para(f"{i}. {q} ({f})")
    ex = report.explanation
    if ex:
        w.subsection(h["cf.heading"])
        if ex.intro:
            w.para(ex.intro)
            for i, line in enumerate(ex.lines, 1):
                w.para(f"{i}. {line}")
        if ex.bottom_heading:
            w.para(ex.bottom_heading)
            for i, line in enumerate(ex.bottom_lines, 1):
                w.para(f"{i}. {line}")
        for line in ex.closing:
            w.para(line)

    w.section(h["report.procedure"])
    w.para(report.reminder)
    w.para("")
    for line in (report.criteria_line, report.sha_line, report.generated):
        w.para(line, size=10.5, indent=False)
    return w.bytes()


def summary_document(tally: Tally, generated: str) -> bytes:
    """A batch's counts by outcome and by situation met, and a row per case."""
    lang = tally.lang
    w = _Writer()
    w.title(text("summary.title", lang))
    w.para(tally.counts_line())
    outcomes = tally.by_outcome()
    most = max((n for _, _, n, _ in outcomes), default=0)
    w.section(text("summary.by_outcome", lang))
    w.table(
        [text(k, lang) for k in ("col.outcome", "col.code", "col.count", "col.chart")],
        [[label, code, str(n), bar(n, most, 12)] for label, code, n, _ in outcomes],
    )
    situations = tally.by_situation()
    most = max((n for _, _, n in situations), default=0)
    w.section(text("summary.by_situation", lang))
    w.para(text("summary.several", lang))
    w.table(
        [text(k, lang) for k in ("col.situation", "col.code", "col.count", "col.chart")],
        [[label, sid, str(n), bar(n, most, 12)] for label, sid, n in situations],
    )
    w.section(text("summary.cases", lang))
    w.table(
        [text(k, lang) for k in ("col.file", "col.case_id", "col.outcome", "col.code", "col.situations_met", "col.report")],
        [[r.file, r.case_id, r.outcome, r.code, r.situations, r.report] for r in tally.rows],
    )
    w.para(text("report.generated", lang, time=generated, version=__version__), size=10.5, indent=False)
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
        assert isinstance(payload, Determination)
        self.data = document(build(payload, self.lang, generated=self.options.generated))

    def close(self) -> None:
        if self.data is not None:
            self.out.write(self.data)
