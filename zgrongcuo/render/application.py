"""The 容错免责申请表: an application form prefilled from a case file, as a plain table on A4.

What the case file says goes in: the applicant (the case's subject), the
matter and the date of the conduct, what happened, the situations claimed in
the measure's own words (those the answers meet; while none is met, those
still open), the reasons (each element of a claimed situation against the
answer and its note), and every question with its answer and note.  What it
cannot say stays blank for a person to fill in: the post, the signature, the
unit's and the accepting body's opinions.  It is a draft the office adapts to
its own form; the layout is the conventional one of such forms.
"""

from __future__ import annotations

from typing import Any

from zgrongcuo.model.base import Record
from zgrongcuo.model.determination import MET, UNKNOWN, Determination, SituationResult
from zgrongcuo.render.documents import MAX_LINES, MAX_ROWS, PaperRenderer, capped
from zgrongcuo.render.view import shown
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.summary import group_line
from zgrongcuo.text.wording import answer_text, date_words, quoted

# Columns of the form, in millimetres across the text block (156 mm): a label, then three more; the fields'
# values span the last three, the answers fill them as question (the first two), answer and note.
_COLUMNS_MM = (30, 44, 30, 52)


class ClaimedSituation(Record):
    """A situation the application claims under a measure: its name, the measure's words, and whether it is still open."""

    __slots__ = ("measure", "name", "quote", "open", "reasons")

    def __init__(self, measure: str, name: str, quote: str, open_: bool, reasons: list[str]) -> None:
        self.measure = measure  # the measure's short name
        self.name = name
        self.quote = quote
        self.open = open_  # not met yet: some element is still to be established
        self.reasons = reasons  # each element: the measure's words, the answer, the note


class ApplicationView(Record):
    """Everything the form shows, as plain text in one language."""

    __slots__ = ("lang", "title", "fields", "conduct", "claims", "none_claimed", "groups", "answers", "remark")

    def __init__(
        self,
        lang: str,
        title: str,
        fields: dict[str, str],
        conduct: str,
        claims: list[ClaimedSituation],
        none_claimed: list[str],
        groups: list[str],
        answers: list[tuple[str, str, str]],
        remark: str,
    ) -> None:
        self.lang = lang
        self.title = title
        self.fields = fields  # applicant, case id, matter, date, measures: what the case file says, or ""
        self.conduct = conduct  # what happened (the case's summary)
        self.claims = claims
        self.none_claimed = none_claimed  # measures under which no situation can be claimed on these answers
        self.groups = groups  # the preconditions and bottom lines, a line per measure
        self.answers = answers  # (question, answer, note) for every question, in asking order
        self.remark = remark


def _claims(d: Determination, lang: str, several: bool) -> list[ClaimedSituation]:
    """The situations met; while none is, those still open."""
    met = [s for s in d.situations if s.status == MET]
    chosen: list[SituationResult] = met or [s for s in d.situations if s.status == UNKNOWN]
    measure = d.criteria.name(lang) if several else ""
    out = []
    for s in chosen:
        reasons = []
        for e in s.elements:
            element = e.element
            words = quoted(element.quote or element.fact.label[lang], lang)
            answer = e.answer
            said = answer_text(element.fact, answer.value if answer else None, lang, answered=answer is not None)
            line = text("application.reason", lang, words=words, label=element.fact.label[lang], answer=said)
            if answer is not None and answer.note:
                line += text("application.note", lang, note=shown(answer.note))
            reasons.append(line)
        reasons = capped(reasons, MAX_LINES, lang)
        out.append(ClaimedSituation(measure, s.situation.label[lang], s.situation.quote or "", s.status != MET, reasons))
    return out


def build_application(ds: tuple[Determination, ...], lang: str) -> ApplicationView:
    """The form for one case, from its determinations (one per measure)."""
    first = ds[0]
    several = len(ds) > 1
    meta = first.case.meta
    date = meta.get("conduct_date")
    fields = {
        "applicant": shown(meta.get("subject") or ""),
        "case_id": shown(meta.get("id") or "", line=True),
        "matter": shown(meta.get("title") or ""),
        "date": shown(date_words(date, lang)) if date else "",
        "measures": text("list_sep", lang).join(text("application.measure", lang, title=d.criteria.title[lang]) for d in ds),
    }
    claims: list[ClaimedSituation] = []
    none_claimed = []
    groups = []
    for d in ds:
        found = _claims(d, lang, several)
        claims += found
        if not found:
            none_claimed.append(text("application.none_claimed", lang, measure=d.criteria.name(lang)))
        line = text(
            "application.groups",
            lang,
            preconditions=group_line(d.preconditions, lang, exclusion=False),
            exclusions=group_line(d.exclusions, lang, exclusion=True),
        )
        groups.append(text("checklist.under", lang, measure=d.criteria.name(lang)) + line if several else line)
    facts = first.questions.facts if first.questions is not None else first.criteria.facts
    answers = []
    for fact in facts[:MAX_ROWS]:
        answer = first.case.answers.get(fact.id)
        value = answer.value if answer is not None else None
        said = answer_text(fact, value, lang, answered=answer is not None)
        answers.append((fact.label[lang], said, shown(answer.note or "") if answer is not None else ""))
    if len(facts) > MAX_ROWS:
        answers.append((text("paper.more", lang, count=len(facts) - MAX_ROWS), "", ""))
    return ApplicationView(
        lang,
        text("application.title", lang),
        fields,
        shown(meta.get("summary") or ""),
        claims,
        none_claimed,
        groups,
        answers,
        text("application.remark", lang),
    )


def word(view: ApplicationView) -> bytes:
    """The form as a Word document: the 公文 template's page, one table across the text block."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    from zgrongcuo.render.word import Draft
    from zgrongcuo.text.escape import xml_safe

    lang = view.lang
    w = Draft(view.title)
    doc = w.doc
    table = doc.add_table(rows=0, cols=len(_COLUMNS_MM))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    style = doc.styles["Table Text"]

    def fill(cell: Any, lines: list[str], *, bold: bool = False, centre: bool = False) -> None:
        for i, line in enumerate(lines or [""]):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            paragraph.style = style
            if centre:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if line:
                paragraph.add_run(xml_safe(line)).bold = bold or None
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER if centre else WD_CELL_VERTICAL_ALIGNMENT.TOP

    def row(label: str, lines: list[str], *, height: int = 0, pairs: tuple[str, str, str] | None = None) -> None:
        """A label and its value across the rest; ``pairs``: value, second label, second value instead."""
        r = table.add_row()
        if height:
            r.height = Mm(height)
            r.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        cells = r.cells
        fill(cells[0], [label], bold=True, centre=True)
        if pairs is not None:
            fill(cells[1], [pairs[0]])
            fill(cells[2], [pairs[1]], bold=True, centre=True)
            fill(cells[3], [pairs[2]])
            return
        merged = cells[1].merge(cells[3])
        fill(merged, lines)

    def t(key: str, **params: object) -> str:
        return text(key, lang, **params)

    f = view.fields
    row(t("application.applicant"), [], pairs=(f["applicant"], t("application.case_id"), f["case_id"]), height=12)
    row(t("application.post"), [""], height=12)
    row(t("application.matter"), [f["matter"]], height=12)
    row(t("application.date"), [], pairs=(f["date"], t("application.measures"), f["measures"]), height=12)
    row(t("application.conduct"), [view.conduct], height=40)
    situations = []
    for claim in view.claims:
        lead = text("checklist.under", lang, measure=claim.measure) if claim.measure else ""
        status = t("application.still_open") if claim.open else ""
        situations.append(lead + claim.name + status)
        if claim.quote:
            situations.append(t("application.quote", quote=claim.quote))
    situations += view.none_claimed
    row(t("application.situations"), capped(situations, MAX_LINES, lang), height=25)
    reasons = []
    for claim in view.claims:
        if len(view.claims) > 1:
            reasons.append(claim.name + text("location_sep", lang))
        reasons += [f"{n}. {line}" for n, line in enumerate(claim.reasons, 1)]
    reasons += view.groups
    row(t("application.reasons"), capped(reasons, MAX_LINES, lang), height=40)

    # Every question: a heading across the table, then the question (over the first two columns), answer and note.
    # Merged across only: a label merged down a thousand rows overflows python-docx's recursion.
    heading = table.add_row().cells
    fill(heading[0].merge(heading[3]), [t("application.answers")], bold=True, centre=True)
    header = table.add_row().cells
    fill(header[0].merge(header[1]), [t("col.question")], bold=True, centre=True)
    fill(header[2], [t("col.answer")], bold=True, centre=True)
    fill(header[3], [t("col.note")], bold=True, centre=True)
    for question, answer, note in view.answers:
        cells = table.add_row().cells
        fill(cells[0].merge(cells[1]), [question])
        fill(cells[2], [answer])
        fill(cells[3], [note])

    row(t("application.signature"), ["", t("application.signed"), t("application.day")], height=25)
    row(t("application.unit_opinion"), ["", "", t("application.sealed"), t("application.day")], height=35)
    row(t("application.accepting_opinion"), ["", "", t("application.sealed"), t("application.day")], height=35)
    signed = {t("application.day"), t("application.sealed"), t("application.signed")}
    for r in table.rows[-3:]:  # the three rows just made: signature, seal and date stand at the right
        for paragraph in r.cells[-1].paragraphs[-2:]:
            if paragraph.text in signed:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    for column, width in zip(table.columns, _COLUMNS_MM, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)  # Word reads the cells' widths, LibreOffice the columns' ones
    w.para(view.remark)
    return w.bytes()


class ApplicationWord(PaperRenderer):
    """The form for one case, as a Word document."""

    SUFFIX = ".docx"
    binary = True
    explains = False  # the form reads the determination, not what would change it

    def document(self, ds: tuple[Determination, ...]) -> bytes:
        return word(build_application(ds, self.lang))
