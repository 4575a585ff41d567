"""The register (台账): a row per case and measure, as people read it and, after it, as scripts read it.

One home for what a row says, for the workbook (``render.xlsx``) and for the
words the CSV carries beside its ids: the readable cells come from the one
view of a determination (``render.view``) and the catalogue, in the chosen
language; the ids come last, under the column names scripts already read in
CSV, so that a script finds them whatever the language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zgrongcuo.model.criteria import Fact
from zgrongcuo.model.determination import MET, Determination
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import one_line

if TYPE_CHECKING:  # CSV reads the words of this module and never builds a view: it does not import one
    from zgrongcuo.render.view import DeterminationView

# The columns a person reads, in order; headed by "register.col.<name>" in the language.
# The first PRINTED of them are what a register handed in shows on paper; the rest are for working in the sheet.
READABLE = (
    "number", "case_id", "title", "subject", "measure", "outcome", "situations", "why", "decision", "agrees",
    "conduct_date", "preconditions", "exclusions", "open_questions", "decided_by", "remarks",
)  # fmt: skip
PRINTED = READABLE.index("agrees") + 1
# The columns for scripts, last, headed by these names in every language (as CSV's with --lang en).
IDS = ("file", "measure_id", "outcome_code", "situation_ids", "open_ids", "decision_code", "decision_measure", "agrees_code")
OPTION_SEP = "；"  # between the options of one answer: an option's label may hold 、 itself


def situation_names(d: Determination, lang: str) -> str:
    """The situations met, as a sentence names them: 情形一、情形二 (empty when none)."""
    return text("list_sep", lang).join(s.situation.name(lang) for s in d.situations if s.status == MET)


def open_labels(d: Determination, lang: str) -> str:
    """The questions still open, by their labels."""
    facts = d.criteria.fact_by_id
    return text("list_sep", lang).join(facts[f].label[lang] for f in d.next_questions)


def decision_label(d: Determination, lang: str) -> str:
    """What the competent body decided, in the measure's words (empty when the case records no decision)."""
    decision = d.case.decision
    if decision is None:
        return ""
    return one_line(decision.label.get(lang, decision.outcome))


def agreement_word(d: Determination, lang: str) -> str:
    """Whether the screening agrees with the decision: 是, 否, 无法对照 — empty when there is no decision."""
    if d.case.decision is None:
        return ""
    if d.agrees is None:
        return text("col.not_comparable", lang)
    return text("yes" if d.agrees else "no", lang)


def agreement_code(d: Determination) -> str:
    """As scripts read it: yes, no, not_comparable (a decision the screening cannot be set beside), or empty."""
    if d.case.decision is None:
        return ""
    return "not_comparable" if d.agrees is None else "yes" if d.agrees else "no"


def answer_cell(fact: Fact, d: Determination, lang: str) -> str:
    """An answer as a register cell shows it: 是, 否, 不确定, the options' labels; empty when not answered."""
    answer = d.case.answers.get(fact.id)
    if answer is None:
        return ""
    value = answer.value
    if value is None:
        return text("answered_unknown", lang)
    if isinstance(value, bool):
        return text("yes" if value else "no", lang)
    if not value:
        return text("none_of_them", lang)
    return OPTION_SEP.join(fact.option(o).label[lang] if o in fact.option_set else o for o in value)


def headings(lang: str) -> list[str]:
    """The readable columns' headings in ``lang``."""
    return [text(f"register.col.{name}", lang) for name in READABLE]


def readable(v: DeterminationView, d: Determination, number: int) -> list[str]:
    """The cells a person reads, in READABLE's order, from the view (and the case's own fields, escaped)."""
    lang = v.lang
    meta = d.case.meta
    decision = d.case.decision
    decided_by = ""
    if decision is not None:
        decided_by = " ".join(one_line(part) for part in (decision.by, decision.date) if part)
    remarks = [*v.warnings, *v.unchecked, *v.unused]
    cells = {
        "number": str(number),
        "case_id": one_line(meta.get("id") or ""),
        "title": one_line(meta.get("title") or ""),
        "subject": one_line(meta.get("subject") or ""),
        "measure": v.measure_name,
        "outcome": v.outcome,
        "situations": situation_names(d, lang) or text("compare.none_met", lang),
        "why": v.why + ("\n" + text("register.open_line", lang, questions=open_labels(d, lang)) if d.next_questions else ""),
        "decision": decision_label(d, lang),
        "agrees": agreement_word(d, lang),
        "conduct_date": one_line(meta.get("conduct_date") or ""),
        "preconditions": v.preconditions_line,
        "exclusions": v.exclusions_line,
        "open_questions": open_labels(d, lang),
        "decided_by": decided_by,
        "remarks": "\n".join(remarks),
    }
    return [cells[name] for name in READABLE]


def ids(d: Determination) -> list[str]:
    """The cells for scripts, in IDS's order: the file, and ids."""
    decision = d.case.decision
    return [
        one_line(d.case.file),  # a workbook holds text only: undecodable bytes of a name are shown as escapes
        d.criteria.id,
        d.outcome.id,
        ";".join(d.situations_met),
        ";".join(d.next_questions),
        decision.outcome if decision else "",
        decision.measure if decision else "",
        agreement_code(d),
    ]


def failed(file: str, problem: str, number: int, lang: str) -> tuple[list[str], list[str]]:
    """The readable cells and the ids of a file that could not be loaded."""
    cells = [""] * len(READABLE)
    cells[READABLE.index("number")] = str(number)
    cells[READABLE.index("title")] = file  # where a title would be: which file, and why, on the printed page too
    cells[READABLE.index("outcome")] = text("load_failed", lang)
    cells[READABLE.index("why")] = problem
    codes = [""] * len(IDS)
    codes[IDS.index("file")] = file
    codes[IDS.index("outcome_code")] = "error"
    return cells, codes

