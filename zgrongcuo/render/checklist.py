"""The 核实清单: what to verify next for one case, the question whose answer decides most first.

Every question without a definite answer is listed once — not answered,
answered unknown (不确定, 待核实), or only suggested — with what it decides
under each measure (the situation, precondition, bottom line or outcome that
tests it, in the measure's words), where each answer leads, and the materials
that usually establish it.  The engine weighed the questions
(``engine.verification``); this module words them once (:class:`ChecklistView`)
and lays them out as text, Markdown and Word.
"""

from __future__ import annotations

from zgrongcuo.model.base import Record
from zgrongcuo.model.criteria import Fact
from zgrongcuo.model.determination import Determination
from zgrongcuo.model.verification import NO_EFFECT, OpenQuestion, together
from zgrongcuo.render.contract import generated_at
from zgrongcuo.render.documents import MAX_ITEMS, MAX_LINES, PaperRenderer, capped
from zgrongcuo.render.view import shown
from zgrongcuo.text import verification as words
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import markdown as md
from zgrongcuo.text.wording import case_name, date_words, numeral

# The case as a checklist names it (the summary of the facts is the opinion's), and the label of each.
_META = (("id", "col.case_id"), ("title", "col.title"), ("subject", "col.subject"), ("conduct_date", "checklist.conduct_date"))


class MeasurePart(Record):
    """What one question decides under one measure."""

    __slots__ = ("measure", "weight", "places", "leads")

    def __init__(self, measure: str, weight: str, places: list[str], leads: list[str]) -> None:
        self.measure = measure  # the measure's short name; empty when the case is checked against one
        self.weight = weight
        self.places = places
        self.leads = leads


class ChecklistItem(Record):
    """One open question: what it asks, what the case says now, what it decides, and what establishes it."""

    __slots__ = ("fact", "label", "question", "state", "note", "parts", "materials", "changes", "suggested")

    def __init__(
        self,
        fact: str,
        label: str,
        question: str,
        state: str,
        note: str,
        parts: list[MeasurePart],
        materials: list[str],
        changes: bool,
        suggested: list[str] | None = None,
    ) -> None:
        self.fact = fact
        self.label = label
        self.question = question
        self.state = state  # 未回答, 回答为“不确定”, and whether a written account suggests an answer
        self.note = note  # the case file's note on it
        self.suggested = suggested or []  # the sentences of a written account a suggestion rests on (or that say both)
        self.parts = parts
        self.materials = materials
        self.changes = changes  # its answer can change some measure's outcome


class ChecklistView(Record):
    """A case's 核实清单, as plain text in one language."""

    __slots__ = ("lang", "title", "meta", "outcomes", "count", "items", "notes", "remark")

    def __init__(
        self,
        lang: str,
        title: str,
        meta: list[tuple[str, str]],
        outcomes: list[str],
        count: str,
        items: list[ChecklistItem],
        notes: list[str],
        remark: str,
    ) -> None:
        self.lang = lang
        self.title = title
        self.meta = meta  # (label, value)
        self.outcomes = outcomes  # a sentence per measure: the screening's result
        self.count = count  # how many questions are open, and in what order they come
        self.items = items
        self.notes = notes
        self.remark = remark

    @property
    def changing(self) -> list[ChecklistItem]:
        return [i for i in self.items if i.changes]

    @property
    def idle(self) -> list[ChecklistItem]:
        return [i for i in self.items if not i.changes]


def _materials(questions: tuple[OpenQuestion | None, ...], lang: str) -> list[str]:
    """Each measure's materials for the question, in order, each said once."""
    out: list[str] = []
    for q in questions:
        for item in q.fact.materials if q is not None else ():
            if item[lang] not in out:
                out.append(item[lang])
    return out


def _suggested(d: Determination, fact: Fact, lang: str) -> list[str]:
    """The sentences a suggested answer to ``fact`` rests on, or that show it both ways (case file's ``suggested:``)."""
    suggestion = d.case.suggested.get(fact.id)
    if suggestion is None:
        return []
    from zgrongcuo.render.suggestions import contrary_line, evidence_line

    return [evidence_line(e, lang) for e in suggestion.evidence] + [contrary_line(fact, e, lang) for e in suggestion.conflicting]


def build_checklist(ds: tuple[Determination, ...], lang: str, *, generated: str | None = None) -> ChecklistView:
    """The checklist of one case from its determinations (one per measure, weighed by the engine)."""
    first = ds[0]
    several = len(ds) > 1
    meta = first.case.meta
    rows = []
    for key, label in _META:
        value = meta.get(key)
        if value:
            rows.append((text(label, lang), shown(date_words(value, lang) if key == "conduct_date" else value)))
    outcomes = [text("checklist.outcome", lang, outcome=d.outcome.label[lang], measure=d.criteria.name(lang)) for d in ds]
    items = []
    ordered = together(ds)
    for fact, questions in ordered[:MAX_ITEMS]:
        answer = first.case.answers.get(fact.id)
        parts = []
        for d, q in zip(ds, questions, strict=True):
            if q is None:
                continue
            parts.append(
                MeasurePart(
                    d.criteria.name(lang) if several else "",
                    words.weight_text(q, d, lang),
                    capped(words.places(q, lang), MAX_LINES, lang),
                    capped(words.leads(q, d, lang), MAX_LINES, lang),
                )
            )
        state = next(words.state(q, d, lang) for d, q in zip(ds, questions, strict=True) if q is not None)
        items.append(
            ChecklistItem(
                fact.id,
                fact.label[lang],
                fact.question[lang],
                state,
                shown(answer.note or "") if answer is not None else "",
                parts,
                capped(_materials(questions, lang), MAX_LINES, lang),
                any(q is not None and q.weight != NO_EFFECT for q in questions),
                capped(_suggested(first, fact, lang), MAX_LINES, lang),
            )
        )
    count = text("checklist.count", lang, count=len(ordered)) if items else text("checklist.count_none", lang)
    notes = [text("checklist.notes", lang)]
    if len(ordered) > len(items):
        notes.insert(0, text("checklist.more", lang, count=len(ordered) - len(items)))
    if not all(d.to_verify_complete for d in ds):
        notes.append(text("checklist.incomplete", lang))
    notes += [d.criteria.reminder[lang] for d in ds]
    return ChecklistView(
        lang,
        text("checklist.title", lang, name=shown(case_name(first), line=True)),
        rows,
        outcomes,
        count,
        items,
        notes,
        text("checklist.remark", lang, time=generated or generated_at()),
    )


def _fields(item: ChecklistItem, lang: str) -> list[tuple[str, list[str]]]:
    """An item's fields in order, as (label, lines); a measure's lines lead with its name when there are several."""
    state = item.state + text("sentence_end", lang)
    if item.note:
        state += ("" if lang == "zh" else " ") + text("note", lang, note=item.note)
    out = [(text("checklist.field.question", lang), [item.question]), (text("checklist.field.state", lang), [state])]
    if item.suggested:
        out.append((text("checklist.field.suggested", lang), item.suggested))
    for key, pick in (("weight", lambda p: [p.weight]), ("places", lambda p: p.places), ("leads", lambda p: p.leads)):
        lines: list[str] = []
        for part in item.parts:
            said = pick(part)
            if key == "places":
                said = [line + text("sentence_end", lang) for line in said]
            if part.measure and said:
                said = [text("checklist.under", lang, measure=part.measure) + said[0], *said[1:]]
            lines += said
        if lines:
            out.append((text(f"checklist.field.{key}", lang), lines))
    return out


def _numbered(n: int, words_: str, lang: str) -> str:
    return text("section.numbered", lang, number=numeral(n, lang), words=words_)


def _sub(n: int, words_: str, lang: str) -> str:
    return ("（{}）" if lang == "zh" else "({}) ").format(numeral(n, lang)) + words_


def _sections(view: ChecklistView) -> list[tuple[str, list[ChecklistItem]]]:
    out = []
    for key, items in (("checklist.section.open", view.changing), ("checklist.section.idle", view.idle)):
        if items:
            out.append((text(key, view.lang), items))
    return out


def _materials_lines(item: ChecklistItem, lang: str) -> list[str]:
    return [f"{n}. {m}" for n, m in enumerate(item.materials, 1)] or [text("checklist.materials_none", lang)]


# ------------------------------------------------------------ text


def plain(view: ChecklistView, width: int = 80) -> str:
    """The checklist as plain text in ``width`` columns, Chinese wrapped between characters."""
    from zgrongcuo.text.layout import columns, wrap

    lang = view.lang
    out: list[str] = []

    def para(value: str, indent: int = 0, lead: str = "") -> None:
        lines = wrap(value, max(width - indent - columns(lead), 20))
        pad = " " * (indent + columns(lead))
        out.extend((" " * indent + lead if i == 0 else pad) + line for i, line in enumerate(lines))

    para(view.title)
    out.append("")
    for label, value in view.meta:
        para(value, lead=label + text("location_sep", lang))
    for line in view.outcomes:
        para(line)
    para(view.count)
    n = 0
    for heading, items in _sections(view):
        n += 1
        out += ["", _numbered(n, heading, lang)]
        for k, item in enumerate(items, 1):
            out += ["", _sub(k, item.label, lang)]
            for label, lines in _fields(item, lang):
                lead = label + text("location_sep", lang)
                for i, line in enumerate(lines):
                    para(line, indent=2 + (columns(lead) if i else 0), lead="" if i else lead)
            para(text("checklist.field.materials", lang) + text("location_sep", lang), indent=2)
            for n_, material in enumerate(item.materials, 1):
                para(material, indent=4, lead=f"{n_}. ")
            if not item.materials:
                para(text("checklist.materials_none", lang), indent=4)
    out += ["", _numbered(n + 1, text("checklist.section.notes", lang), lang)]
    for line in view.notes:
        para(line)
    para(view.remark)
    return "\n".join(out) + "\n"


# ------------------------------------------------------------ Markdown


def markdown(view: ChecklistView) -> str:
    """The checklist as a Markdown document."""
    lang = view.lang
    out = [f"# {md(view.title)}", ""]
    if view.meta:
        out += [f"**{md(label)}**{text('location_sep', lang)}{md(value)}  " for label, value in view.meta] + [""]
    out += [*(md(line) + "  " for line in view.outcomes), md(view.count), ""]
    n = 0
    for heading, items in _sections(view):
        n += 1
        out += [f"## {md(_numbered(n, heading, lang))}", ""]
        for k, item in enumerate(items, 1):
            out += [f"### {md(_sub(k, item.label, lang))}", ""]
            for label, lines in _fields(item, lang):
                lead = f"- **{md(label)}**{text('location_sep', lang)}"
                if len(lines) == 1:
                    out.append(lead + md(lines[0]))
                else:
                    out.append(lead)
                    out += [f"  - {md(line)}" for line in lines]
            out.append(f"- **{md(text('checklist.field.materials', lang))}**{text('location_sep', lang)}")
            if item.materials:
                out += [f"  {n_}. {md(m)}" for n_, m in enumerate(item.materials, 1)]
            else:
                out.append(f"  - {md(text('checklist.materials_none', lang))}")
            out.append("")
    out += [f"## {md(_numbered(n + 1, text('checklist.section.notes', lang), lang))}", ""]
    out += [md(line) + "\n" for line in view.notes]
    out += [md(view.remark), ""]
    return "\n".join(out)


# ------------------------------------------------------------ Word


def word(view: ChecklistView) -> bytes:
    """The checklist as a Word document in the 公文 template (A4, GB/T 9704 margins and faces)."""
    from zgrongcuo.render.word import Draft

    lang = view.lang
    w = Draft(view.title)
    sep = text("location_sep", lang)
    for label, value in view.meta:
        w.para(value, bold=label + sep)
    for line in view.outcomes:
        w.para(line)
    w.para(view.count)
    n = 0
    for heading, items in _sections(view):
        n += 1
        w.heading(_numbered(n, heading, lang))
        for k, item in enumerate(items, 1):
            w.heading(_sub(k, item.label, lang), 2)
            for label, lines in _fields(item, lang):
                w.para(lines[0], bold=label + sep)
                for line in lines[1:]:
                    w.para(line)
            w.para("", bold=text("checklist.field.materials", lang) + sep)
            for line in _materials_lines(item, lang):
                w.para(line)
    w.heading(_numbered(n + 1, text("checklist.section.notes", lang), lang))
    for line in view.notes:
        w.para(line)
    w.para(view.remark)
    return w.bytes()


# ------------------------------------------------------------ renderers


class ChecklistRenderer(PaperRenderer):
    """One checklist per case."""

    def view(self, ds: tuple[Determination, ...]) -> ChecklistView:
        return build_checklist(ds, self.lang, generated=self.options.generated)


class ChecklistText(ChecklistRenderer):
    """Plain text, wrapped to the terminal (or 80 columns into a file or a pipe)."""

    SUFFIX = ".txt"
    separator = "\n" + "─" * 40 + "\n\n"

    def document(self, ds: tuple[Determination, ...]) -> str:
        import shutil

        tty = hasattr(self.out, "isatty") and self.out.isatty()
        width = shutil.get_terminal_size((80, 24)).columns if tty else 80
        return plain(self.view(ds), width)


class ChecklistMarkdown(ChecklistRenderer):
    SUFFIX = ".md"
    separator = "\n---\n\n"

    def document(self, ds: tuple[Determination, ...]) -> str:
        return markdown(self.view(ds))


class ChecklistWord(ChecklistRenderer):
    SUFFIX = ".docx"
    binary = True

    def document(self, ds: tuple[Determination, ...]) -> bytes:
        return word(self.view(ds))
