"""Wording a determination: answers, requirements and reasons in the user's language."""

from __future__ import annotations

import functools

from zgrongcuo.conditions import Element
from zgrongcuo.criteria import Fact
from zgrongcuo.engine import ElementResult
from zgrongcuo.messages import text


def quoted(value: str, lang: str) -> str:
    return text("quote_marks", lang, text=value)


def answer_text(fact: Fact, value, lang: str) -> str:
    """An answer as a person would say it: 是/否, the chosen options, or 尚未回答."""
    if value is None:
        return text("not_answered", lang)
    if fact.type == "yesno":
        return quoted(text("yes" if value else "no", lang), lang)
    if not value:
        return quoted(text("none_of_them", lang), lang)
    return text("list_sep", lang).join(quoted(fact.option(o).label[lang], lang) for o in value)


def requirement_text(element: Element, lang: str, *, exclusion: bool = False) -> str:
    """What an element asks of the answer ("要求为“是”", "touched if ...")."""
    prefix = "touch." if exclusion else "req."
    if element.op == "is":
        return text(prefix + "is", lang, value=quoted(text("yes" if element.operand else "no", lang), lang))
    labels = [quoted(element.fact.option(o).label[lang], lang) for o in element.operand]  # type: ignore[union-attr]
    return text(prefix + element.op, lang, options=text("list_sep", lang).join(labels))


def reason(
    result: ElementResult, lang: str, *, exclusion: bool = False, with_note: bool = True, with_label: bool = True
) -> str:
    """One sentence: the fact, its answer, what the element requires, and the note if any."""
    value = result.answer.value if result.answer else None
    if with_label:
        sentence = reason_base(result.element, value, lang, exclusion)
    else:
        sentence = reason_clause(result.element, value, lang, exclusion)
    note = result.answer.note if result.answer else None
    if note and with_note:
        sentence += " " + text("note", lang, note=note)
    return sentence


@functools.lru_cache(maxsize=4096)
def reason_base(element: Element, value, lang: str, exclusion: bool) -> str:
    """The reason without the note; the same few sentences recur across a batch, so they are kept."""
    return text("reason", lang, label=element.fact.label[lang], clause=reason_clause(element, value, lang, exclusion))


@functools.lru_cache(maxsize=4096)
def reason_clause(element: Element, value, lang: str, exclusion: bool) -> str:
    """The answer and what the element requires, without naming the fact."""
    answer = answer_text(element.fact, value, lang)
    if value is not None:
        answer = text("answered", lang, answer=answer)
    return text("reason_clause", lang, answer=answer, requirement=requirement_text(element, lang, exclusion=exclusion))


def status_text(status: str, lang: str, *, exclusion: bool = False) -> str:
    return text(("exclusion_status." if exclusion else "status.") + status, lang)


def fact_labels(criteria, fact_ids, lang: str) -> str:
    return text("list_sep", lang).join(criteria.fact_by_id[f].label[lang] for f in fact_ids)
