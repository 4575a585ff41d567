"""The register an office hands out to be filled in: a workbook with a row of headings and drop-down lists.

The first sheet is the register: the case's fields and then every question
of the chosen measures, headed by the question's label, one case per row
below.  Each question's column offers its answers in a drop-down list (是, 否,
不确定, 待核实; or the options' labels, several of which may be typed
separated by ；), shows the question when a cell is chosen, and keeps the
date and the case id as text (so that 2014-05 stays a month, and 0755 keeps
its zero).  The second sheet explains each question in the measure's words:
the question, its help, the measure's own words, the options.  A hidden third
sheet holds the option lists the drop-downs read (a list longer than Excel's
255 characters cannot be written into the validation itself).

``check`` reads the filled-in workbook as a register (``io.sheet_reader``),
to the same determinations as the same answers in case files.
"""

from __future__ import annotations

import io

from zgrongcuo.io.workbook import MARKER
from zgrongcuo.model.case import META_KEYS
from zgrongcuo.model.criteria import Criteria, Fact, Questions
from zgrongcuo.render.register import OPTION_SEP
from zgrongcuo.render.xlsx import LINE_POINTS, lines_in, width_of
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import shortened

ROWS = 1000  # rows made ready with drop-downs and text formats; more can be added by copying one
PRINTED_ROWS = 20  # a blank form printed to be filled in by hand
# The words a yes/no question's drop-down offers (catalogue keys), by language: each is an answer case files take.
YES_NO = {"zh": ("yes", "no", "answered_unknown", "template_xlsx.to_verify"), "en": ("yes", "no", "answered_unknown")}
PROMPT = 255  # characters Excel keeps in an input prompt
META_WIDTH = {"id": 16, "title": 30, "subject": 24, "summary": 40, "conduct_date": 14}


def heading(key: str, lang: str) -> str:
    """A case field's heading in the template: its label, as the interview and the reports name it."""
    return text(f"meta.{key}", lang)


def render(criteria: Criteria | Questions, lang: str, *, measures: tuple[str, ...] = ()) -> bytes:
    """The template workbook's bytes for one measure, or several (their questions together), in ``lang``.

    ``measures``: how each row names the measures, filled in beforehand (as the YAML template's ``measures:``),
    so that ``check`` needs no ``--criteria``; a row with nothing else in it is no case.
    """
    import openpyxl
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    asked = criteria if isinstance(criteria, Questions) else Questions.single(criteria)
    wb = openpyxl.Workbook()
    wb.custom_doc_props.append(StringProperty(name=MARKER, value="template"))
    wb.properties.title = text("template_xlsx.title", lang)
    titles = "、".join(m.title[lang] for m in asked.measures)
    wb.properties.subject = titles
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="D9E1F2")
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")

    ws = wb.active
    ws.title = text("template_xlsx.sheet", lang)
    lists = wb.create_sheet(text("template_xlsx.lists_sheet", lang))
    lists.sheet_state = "hidden"

    headings = [heading(k, lang) for k in META_KEYS] + [text("sheet.measures", lang)] + [f.label[lang] for f in asked.facts]
    first_fact = len(META_KEYS) + 2  # the column of the first question, after the case's fields and the measures
    for column, name in enumerate(headings, 1):
        cell = ws.cell(row=1, column=column, value=name)
        cell.font, cell.fill, cell.alignment, cell.border = bold, head_fill, centre, border
    named = "、".join(measures)
    widths = [META_WIDTH.get(k, 16) for k in META_KEYS] + [max(width_of(named) + 2, 10)]
    widths += [min(max(width_of(f.label[lang]) // 2 + 2, 12), 20) for f in asked.facts]
    for column, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.row_dimensions[1].height = LINE_POINTS * max(lines_in(h, w) for h, w in zip(headings, widths, strict=True)) + 4
    ws.freeze_panes = "C2"
    last = ROWS + 1
    _page(ws, f"A1:{get_column_letter(len(headings))}{PRINTED_ROWS + 1}")
    ws.print_title_rows = "1:1"

    for key in ("id", "conduct_date"):  # text as typed: a month stays a month, 0755 keeps its zero
        column = get_column_letter(META_KEYS.index(key) + 1)
        for row in range(2, last + 1):
            ws[f"{column}{row}"].number_format = "@"
    measures_column = get_column_letter(len(META_KEYS) + 1)
    if named:
        for row in range(2, last + 1):
            ws[f"{measures_column}{row}"] = named
    measures_prompt = DataValidation(
        type=None, showInputMessage=True, promptTitle=shortened(text("sheet.measures", lang), 32),
        prompt=shortened(text("template_xlsx.measures_prompt", lang), PROMPT),
    )  # fmt: skip
    measures_prompt.add(f"{measures_column}2:{measures_column}{last}")
    ws.add_data_validation(measures_prompt)
    date_column = get_column_letter(META_KEYS.index("conduct_date") + 1)
    date_prompt = DataValidation(
        type=None, showInputMessage=True, promptTitle=shortened(heading("conduct_date", lang), 32),
        prompt=text("template_xlsx.date_prompt", lang),
    )  # fmt: skip
    date_prompt.add(f"{date_column}2:{date_column}{last}")
    ws.add_data_validation(date_prompt)

    words = [text(k, lang) for k in YES_NO.get(lang, YES_NO["en"])]
    yes_no = ",".join(words)
    list_column = 0
    for n, fact in enumerate(asked.facts, first_fact):
        column = get_column_letter(n)
        if fact.type == "yesno":
            rule = DataValidation(type="list", formula1=f'"{yes_no}"', allow_blank=True, errorStyle="stop")
            rule.error = text("template_xlsx.yesno_error", lang, words=text("list_sep", lang).join(words))
        else:
            list_column += 1
            letter = get_column_letter(list_column)
            lists.cell(row=1, column=list_column, value=fact.label[lang])
            for i, option in enumerate(fact.options, 2):
                lists.cell(row=i, column=list_column, value=option.label[lang])
            source = f"'{lists.title}'!${letter}$2:${letter}${len(fact.options) + 1}"
            # Several options are typed separated by ；: Excel warns that the value is not in the list and keeps it.
            rule = DataValidation(type="list", formula1=source, allow_blank=True, errorStyle="information")
            rule.error = text("template_xlsx.set_error", lang, sep=OPTION_SEP)
        rule.showErrorMessage = True
        rule.errorTitle = shortened(fact.label[lang], 32)
        rule.showInputMessage = True
        rule.promptTitle = shortened(fact.label[lang], 32)
        rule.prompt = shortened(fact.question[lang], PROMPT)
        rule.add(f"{column}2:{column}{last}")
        ws.add_data_validation(rule)

    _notes(wb.create_sheet(text("template_xlsx.notes_sheet", lang), 1), asked, lang)
    wb.active = 0
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _notes(ws: object, asked: Questions, lang: str) -> None:
    """The sheet that explains each question in the measure's words, and how to fill in the register."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    head_fill = PatternFill("solid", fgColor="D9E1F2")
    widths = (6, 22, 40, 50, 44, 40)
    for column, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(column)].width = width  # type: ignore[attr-defined]
    rows: list[list[str]] = []
    for measure in asked.measures:
        rows.append([text("template.head", lang, title=measure.title[lang], version=measure.version)])
    for key in ("template_xlsx.how", "template_xlsx.yesno_how", "template_xlsx.set_how", "template_xlsx.note_how"):
        rows.append([text(key, lang, sep=OPTION_SEP)])
    rows.append([])
    header = [text(f"template_xlsx.col.{k}", lang) for k in ("number", "heading", "question", "help", "quote", "options")]
    rows.append(header)
    for n, fact in enumerate(asked.facts, 1):
        rows.append(
            [
                str(n),
                f"{fact.label[lang]}\n({fact.id})",
                fact.question[lang],
                fact.help[lang],
                fact.quote or "",
                _answers(fact, lang),
            ]
        )
    header_row = len(asked.measures) + 6
    for number, values in enumerate(rows, 1):
        for column, value in enumerate(values, 1):
            cell = ws.cell(row=number, column=column, value=value)  # type: ignore[attr-defined]
            cell.alignment = wrap
            if number == header_row:
                cell.font, cell.fill = bold, head_fill
        if len(values) == 1:  # a sentence across the sheet
            ws.merge_cells(start_row=number, start_column=1, end_row=number, end_column=len(widths))  # type: ignore[attr-defined]
            lines = lines_in(values[0], sum(widths))
        else:
            lines = max((lines_in(v, w) for v, w in zip(values, widths, strict=False)), default=1)
        ws.row_dimensions[number].height = LINE_POINTS * min(lines, 40) + 4  # type: ignore[attr-defined]
    ws.freeze_panes = f"C{header_row + 1}"  # type: ignore[attr-defined]
    _page(ws, None)
    ws.print_title_rows = f"{header_row}:{header_row}"  # type: ignore[attr-defined]


def _page(ws: object, area: str | None) -> None:
    """Printed landscape on A4, one page wide."""
    setup = ws.page_setup  # type: ignore[attr-defined]
    setup.orientation = "landscape"
    setup.paperSize = "9"  # A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[attr-defined]
    if area is not None:
        ws.print_area = area  # type: ignore[attr-defined]


def _answers(fact: Fact, lang: str) -> str:
    if fact.type == "yesno":
        return text("list_sep", lang).join(text(k, lang) for k in YES_NO.get(lang, YES_NO["en"]))
    return "\n".join(f"{o.label[lang]} ({o.id})" for o in fact.options)


