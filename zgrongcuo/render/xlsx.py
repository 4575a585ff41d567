"""A batch's screenings as an Excel workbook: the register (台账) and its summary (汇总).

The 台账 sheet has a row per case and measure in the words people read (情形二,
是/否/不确定, 建议容错免责…): the case, the outcome and why, what is still open,
the decision taken and whether the screening agrees, then each question's
answer, and last the ids for scripts under the names CSV gives them.  Its
heading row is frozen and filtered, its columns as wide as what they hold
(up to a bound, then wrapped), and it prints landscape on A4, one page wide,
the headings repeated, the answers and ids left off the printed page.  The
汇总 sheet gives the counts a year-end report needs: by outcome, by measure,
by situation, and agreement with the decisions taken, read from the batch's
Tally as the other summaries read it.

Rows are written as they come (openpyxl's write-only workbook keeps each
sheet in a temporary file), so memory stays flat however long the batch: only
the first rows are held, to measure the columns' widths before the first row
is written.  Text from case files is escaped as in every output for people,
and a cell that would start a formula is stored as text, marked as Excel
marks typed text (a leading apostrophe), so nothing in a case runs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, Any

from zgrongcuo import __version__
from zgrongcuo.errors import ZgError
from zgrongcuo.io.workbook import MARKER
from zgrongcuo.model.criteria import Fact
from zgrongcuo.model.determination import Determination
from zgrongcuo.render import register
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.view import Tally, build, shown
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import shortened, xml_safe
from zgrongcuo.text.layout import columns

HOLD = 200  # rows held to measure the columns before the first is written
MAX_CELL = 32_767  # characters Excel keeps in a cell
# How wide a column may grow before its text wraps (Excel's units: a Chinese character is two).
WIDEST = {"why": 40, "remarks": 40, "title": 26, "subject": 20, "preconditions": 24, "exclusions": 24, "open_questions": 24}
WIDEST_DEFAULT = 16  # other readable columns, answers and ids
NARROWEST = 6
LINE_POINTS = 15  # a line of 11-point text, with its leading
MOST_LINES = 12  # a row grows no taller: the rest of a long cell shows in the cell itself
_REMARKS = register.READABLE.index("remarks")  # the columns a row's writing looks for
_OUTCOME = register.READABLE.index("outcome")
_FORMULA_START = ("=", "+", "-", "@")


def width_of(value: str) -> int:
    """How wide a cell's text is, in Excel's column units: a Chinese character counts two."""
    return max((columns(line) for line in value.split("\n")), default=0)


def lines_in(value: str, width: int) -> int:
    """The lines ``value`` takes in a cell ``width`` units wide, its own line breaks kept."""
    room = max(width - 1, 1)
    return sum(max(1, -(-width_of(part) // room)) for part in value.split("\n"))


# The looks the workbook uses, registered once as named styles and given to a cell by name: setting a
# font, a fill and a border on each of a large batch's cells is most of the time a workbook takes.
_LOOKS: dict[str, dict[str, Any]] = {
    "heading": {"bold": True, "fill": "D9E1F2", "align": "centre", "border": True},
    "heading_ids": {"colour": "808080", "fill": "EDEDED", "align": "centre", "border": True},
    "cell": {"border": True},
    "number": {"border": True, "align": "number"},
    "share": {"border": True, "format": "0%"},
    "cell_ids": {"colour": "808080", "border": True},
    # The outcome's cell: favourable, unfavourable, undetermined; a file that could not be loaded is unfavourable.
    "favourable": {"fill": "E2EFDA", "border": True},
    "unfavourable": {"fill": "FCE4D6", "border": True},
    "undetermined": {"fill": "FFF2CC", "border": True},
    "title": {"bold": True, "size": 14, "align": "line"},
    "line": {"align": "line"},
    "line_bold": {"bold": True, "align": "line"},
}
_OUTCOME_LOOK = {True: "favourable", False: "unfavourable", None: "undetermined"}


def _named_styles(wb: Any) -> None:
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin", color="A6A6A6")
    aligns = {
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "centre": Alignment(wrap_text=True, vertical="center", horizontal="center"),
        "number": Alignment(vertical="top", horizontal="center"),
        "line": Alignment(wrap_text=True, vertical="top"),  # a line of the summary, across its merged columns
    }
    for name, look in _LOOKS.items():
        style = NamedStyle(name=f"zgrongcuo {name}")
        style.font = Font(bold=look.get("bold", False), size=look.get("size", 11), color=look.get("colour"))
        style.alignment = aligns[look.get("align", "wrap")]
        if "fill" in look:
            style.fill = PatternFill("solid", fgColor=look["fill"])
        if "format" in look:
            style.number_format = look["format"]
        if look.get("border"):
            style.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        wb.add_named_style(style)


class _Book:
    """The write-only workbook and what writing a cell takes."""

    def __init__(self, lang: str, generated: str, kind: str) -> None:
        import openpyxl
        from openpyxl.packaging.custom import StringProperty

        self.lang = lang
        self.wb = openpyxl.Workbook(write_only=True)
        self.wb.custom_doc_props.append(StringProperty(name=MARKER, value=kind))
        self.wb.properties.creator = f"zgrongcuo {__version__}"
        self.wb.properties.title = text("register.title", lang)
        self.generated = generated
        _named_styles(self.wb)

    def cell(self, ws: Any, value: str | float, look: str = "cell") -> Any:
        """A cell showing ``value`` in one of the workbook's looks; text is always text, never a formula."""
        from openpyxl.cell import WriteOnlyCell

        if isinstance(value, str):
            value = shortened(xml_safe(value), MAX_CELL)  # nothing may make a workbook unreadable
        cell = WriteOnlyCell(ws, value)
        cell.style = f"zgrongcuo {look}"
        if isinstance(value, str) and value:
            cell.data_type = "s"  # text, whatever it starts with
            if value.startswith(_FORMULA_START):
                cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        return cell

    def save(self, out: IO[bytes]) -> None:
        self.wb.save(out)


class _Rows:
    """A sheet written row by row, each row as tall as the most lines a cell of it wraps into.

    Neither Excel nor LibreOffice sizes the rows of a workbook it opens to
    their wrapped text, so each row says how tall it is; its dimension is let go
    once the row is written, so that none is kept per row.
    """

    def __init__(self, book: _Book, title: str, widths: list[int] | None = None) -> None:
        self.book = book
        self.ws = book.wb.create_sheet(title)
        self.widths: list[int] = []
        self.next_row = 1
        if widths is not None:
            self.set_widths(widths)

    def set_widths(self, widths: list[int]) -> None:
        from openpyxl.utils import get_column_letter

        self.widths = widths
        for i, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = width

    def append(self, cells: list[Any], values: list[str], *, spans: int = 1, measured: int | None = None) -> None:
        """Write a row of cells showing ``values``; ``spans``: its one cell is merged across that many columns.

        ``measured``: only the first so many columns decide the row's height (the ones printed).
        """
        lines = 1
        for i, value in enumerate(values[:measured]):
            width = sum(self.widths[i : i + spans]) if spans > 1 else self.widths[i] if i < len(self.widths) else 9
            lines = max(lines, lines_in(value, width))
        if lines > 1:
            self.ws.row_dimensions[self.next_row].height = LINE_POINTS * min(lines, MOST_LINES) + 2
        if spans > 1:
            from openpyxl.utils import get_column_letter

            self.ws.merged_cells.add(f"A{self.next_row}:{get_column_letter(spans)}{self.next_row}")
        self.ws.append(cells)
        self.ws.row_dimensions.pop(self.next_row, None)
        self.next_row += 1

    def page(self, *, landscape: bool) -> None:
        """Printed on A4, one page wide, with the title at the top and page numbers at the foot."""
        ws = self.ws
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.9
        ws.page_margins.header = ws.page_margins.footer = 0.35
        lang = self.book.lang
        ws.oddFooter.center.text = text("register.page", lang)
        ws.oddFooter.right.text = self.book.generated.replace("&", "&&")


class _Ledger:
    """The 台账 sheet: rows held until the columns are measured, then written as they come."""

    def __init__(self, book: _Book) -> None:
        self.book = book
        self.lang = book.lang
        self.sheet = _Rows(book, text("register.sheet", self.lang))
        self.held: list[tuple[list[str], dict[str, str], list[str], bool | None]] = []
        self.facts: list[Fact] | None = None  # the answer columns, fixed when the first rows are written
        self.seen: dict[str, Fact] = {}  # the questions met in the rows held, in order
        self.rows = 0

    def add(self, cells: list[str], answers: dict[str, str], codes: list[str], favourable: bool | None, facts: tuple[Fact, ...]) -> None:
        if self.facts is None:
            for fact in facts:
                self.seen.setdefault(fact.id, fact)
            self.held.append((cells, answers, codes, favourable))
            if len(self.held) >= HOLD:
                self.flush()
            return
        self._write(cells, answers, codes, favourable)

    def flush(self) -> None:
        """Fix the columns from the rows held, write the heading row and them."""
        if self.facts is not None:
            return
        self.facts = list(self.seen.values())
        headings = register.headings(self.lang) + [f.label[self.lang] for f in self.facts] + list(register.IDS)
        widths = [min(width_of(h), WIDEST_DEFAULT) for h in headings]
        limits = [WIDEST.get(name, WIDEST_DEFAULT) for name in register.READABLE] + [WIDEST_DEFAULT] * (
            len(self.facts) + len(register.IDS)
        )
        for cells, answers, codes, _ in self.held:
            for i, value in enumerate(self._values(cells, answers, codes)):
                widths[i] = max(widths[i], min(width_of(value), limits[i]))
        self.sheet.set_widths([max(width, NARROWEST) + 2 for width in widths])
        ws = self.sheet.ws
        ws.freeze_panes = "D2"  # the headings, and the number, id and title of each row
        self.sheet.page(landscape=True)
        ws.print_title_rows = "1:1"
        ws.oddHeader.center.text = text("register.title", self.lang)
        ws.oddHeader.center.size = 14
        first_id = len(headings) - len(register.IDS)
        cells = [self.book.cell(ws, h, "heading_ids" if i >= first_id else "heading") for i, h in enumerate(headings)]
        self.sheet.append(cells, headings)
        for row in self.held:
            self._write(*row)
        self.held = []

    def _values(self, cells: list[str], answers: dict[str, str], codes: list[str]) -> list[str]:
        facts = self.facts or []
        return [*cells, *(answers.get(f.id, "") for f in facts), *codes]

    def _write(self, cells: list[str], answers: dict[str, str], codes: list[str], favourable: bool | None) -> None:
        facts = self.facts or []
        others = [f"{fact}：{value}" for fact, value in answers.items() if fact not in self.seen]  # seen: the columns
        if others:  # a question of a measure no earlier row was checked against: kept, in the remarks
            cells = list(cells)
            cells[_REMARKS] = "\n".join(p for p in (cells[_REMARKS], *others) if p)
        first_id = len(cells) + len(facts)
        values = self._values(cells, answers, codes)
        row = []
        for i, value in enumerate(values):
            look = _OUTCOME_LOOK[favourable] if i == _OUTCOME else "cell_ids" if i >= first_id else "number" if i == 0 else "cell"
            row.append(self.book.cell(self.sheet.ws, int(value) if i == 0 and value.isdigit() else value, look))
        # As tall as the printed columns need: the register on paper is what is handed in. A longer remark
        # or list of open questions shows in full when its cell is chosen, or once the row is made taller.
        self.sheet.append(row, values, measured=register.PRINTED)
        self.rows += 1

    def close(self) -> None:
        self.flush()
        from openpyxl.utils import get_column_letter

        ws = self.sheet.ws
        last = self.rows + 1
        if self.rows:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(self.sheet.widths))}{last}"
        ws.print_area = f"A1:{get_column_letter(register.PRINTED)}{last}"


class XlsxRenderer(Renderer):
    """The register and its summary as one workbook, written to a binary stream when the batch ends."""

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        super().__init__(out, options)
        target: Any = out if out is not None else sys.stdout
        self.out: IO[bytes] = getattr(target, "buffer", target)
        self.tally = Tally(self.lang)
        self.book = _Book(self.lang, options.generated, "register")
        self.ledger = _Ledger(self.book)
        self.cases = 0

    def emit(self, payload: object) -> None:
        assert isinstance(payload, tuple)
        ds: tuple[Determination, ...] = payload
        self.cases += 1
        self.tally.add(ds)
        self.tally.rows.clear()  # the 台账 lists each case; the summary only counts: no row per case is kept
        for d in ds:
            v = build(d, self.lang, generated=self.options.generated)
            asked = d.questions if d.questions is not None else d.criteria
            answers = {f: register.answer_cell(asked.fact_by_id[f], d, self.lang) for f in d.case.answers if f in asked.fact_by_id}
            self.ledger.add(register.readable(v, d, self.cases), answers, register.ids(d), d.outcome.favourable, asked.facts)

    def failure(self, file: str, error: ZgError) -> None:
        self.cases += 1
        self.tally.fail(file, error)
        self.tally.rows.clear()
        cells, codes = register.failed(shown(file, line=True), error.render(self.lang), self.cases, self.lang)
        self.ledger.add(cells, {}, codes, False, ())

    def close(self) -> None:
        self.ledger.close()
        _summary(self.book, self.tally)
        self.book.save(self.out)


def _summary(book: _Book, tally: Tally) -> None:
    """The 汇总 sheet: the counts by measure, by outcome and by situation, and agreement with decisions."""
    lang = tally.lang
    sheet = _Rows(book, text("register.summary_sheet", lang), [40, 9, 9, 9, 9, 10])
    sheet.page(landscape=False)
    ws = sheet.ws
    columns = len(sheet.widths)

    def line(words: str, look: str = "line") -> None:  # across the sheet's columns
        cells = [book.cell(ws, words, look)] + [book.cell(ws, "", "line") for _ in range(columns - 1)]
        sheet.append(cells, [words], spans=columns)

    def table(header: list[str], rows: Sequence[Sequence[str | int | float]]) -> None:
        sheet.append([book.cell(ws, h, "heading") for h in header], header)
        for row in rows:
            cells = [book.cell(ws, value, "share" if isinstance(value, float) else "cell") for value in row]
            sheet.append(cells, [str(v) for v in row])
        ws.append([])
        sheet.next_row += 1

    line(text("summary.title", lang), "title")
    line(tally.counts_line())
    line(text("report.remark_summary", lang, time=book.generated))
    ws.append([])
    sheet.next_row += 1
    if tally.measures:
        line(text("register.by_measure", lang), "line_bold")
        keys = ("col.measure", "col.count", "register.favourable", "register.unfavourable", "register.undetermined")
        rows: list[list[str | int]] = []
        for measure_id, counts in tally.measures.items():
            counted = tally.by_outcome(measure_id)
            kinds = {kind: sum(n for _, code, n, fav in counted if fav is kind and code != "error") for kind in (True, False, None)}
            rows.append([counts.criteria.name(lang), sum(kinds.values()), kinds[True], kinds[False], kinds[None]])
        table([text(k, lang) for k in keys], rows)
    for measure in tally.groups():
        outcomes = tally.by_outcome(measure)
        total = sum(n for *_, n, _ in outcomes) or 1
        line(tally.heading("summary.by_outcome", measure), "line_bold")
        table(
            [text(k, lang) for k in ("col.outcome", "col.count", "register.share")],
            [[label, n, n / total] for label, _, n, _ in outcomes],
        )
    for measure in tally.groups():
        situations = tally.by_situation(measure)
        if not situations:
            continue
        line(tally.heading("summary.by_situation", measure), "line_bold")
        line(text("summary.several", lang))
        table([text(k, lang) for k in ("col.situation", "col.count")], [[label, n] for label, _, n in situations])
    for measure in tally.groups():
        if not tally.agreement(measure):
            continue
        line(tally.heading("agreement.heading", measure), "line_bold")
        line(tally.agreement_line(measure))
        header, body = tally.agreement_table(measure)
        table(header, [[row[0], *(int(n) if n.isdigit() else n for n in row[1:])] for row in body])
        if tally.differing(measure):
            line(tally.heading("agreement.differing", measure), "line_bold")
            header, body = tally.differing_table(measure)
            table(header[:4], [row[:4] for row in body])
