"""Wording a determination: answers, requirements and reasons in the user's language."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from zgrongcuo.model.conditions import AnswerValue, Element
from zgrongcuo.model.criteria import Criteria, Fact
from zgrongcuo.model.determination import Determination, ElementResult
from zgrongcuo.text.catalogue import text


def quoted(value: str, lang: str) -> str:
    return text("quote_marks", lang, text=value)


def answer_text(fact: Fact, value: AnswerValue | None, lang: str, *, answered: bool | None = None) -> str:
    """An answer as a person would say it: 是/否 or the chosen options.

    With no value, ``answered`` tells which statement it is: “不确定” (answered
    unknown), 未回答 (the case does not mention it), or 未查明 when either may be meant.
    """
    if value is None:
        if answered is None:
            return text("unknown_answer", lang)
        return quoted(text("answered_unknown", lang), lang) if answered else text("not_answered", lang)
    if isinstance(value, bool):
        return quoted(text("yes" if value else "no", lang), lang)
    if not value:
        return quoted(text("none_of_them", lang), lang)
    return text("list_sep", lang).join(quoted(fact.option(o).label[lang], lang) for o in value)


def requirement_text(element: Element, lang: str, *, exclusion: bool = False) -> str:
    """What an element asks of the answer ("要求为“是”", "touched if ...")."""
    prefix = "touch." if exclusion else "req."
    if element.op == "is":
        return text(prefix + "is", lang, value=quoted(text("yes" if element.operand else "no", lang), lang))
    labels = [quoted(element.fact.option(o).label[lang], lang) for o in element.options]
    return text(prefix + element.op, lang, options=text("list_sep", lang).join(labels))


def reason(
    result: ElementResult, lang: str, *, exclusion: bool = False, with_note: bool = True, with_label: bool = True
) -> str:
    """One sentence: the fact, its answer, what the element requires, and the note if any."""
    value = result.answer.value if result.answer else None
    answered = result.answer is not None
    if with_label:
        sentence = reason_base(result.element, value, lang, exclusion, answered)
    else:
        sentence = reason_clause(result.element, value, lang, exclusion, answered)
    note = result.answer.note if result.answer else None
    if note and with_note:
        sentence += " " + text("note", lang, note=note)
    return sentence


@functools.lru_cache(maxsize=4096)
def reason_base(element: Element, value: AnswerValue | None, lang: str, exclusion: bool, answered: bool) -> str:
    """The reason without the note; the same few sentences recur across a batch, so they are kept."""
    clause = reason_clause(element, value, lang, exclusion, answered)
    return text("reason", lang, label=element.fact.label[lang], clause=clause)


@functools.lru_cache(maxsize=4096)
def reason_clause(element: Element, value: AnswerValue | None, lang: str, exclusion: bool, answered: bool) -> str:
    """The answer (or that there is none) and what the element requires, without naming the fact."""
    answer = answer_text(element.fact, value, lang, answered=answered)
    if answered:
        answer = text("answered", lang, answer=answer)
    return text("reason_clause", lang, answer=answer, requirement=requirement_text(element, lang, exclusion=exclusion))


def status_text(status: str, lang: str, *, exclusion: bool = False) -> str:
    return text(("exclusion_status." if exclusion else "status.") + status, lang)


def fact_labels(criteria: Criteria, fact_ids: Iterable[str], lang: str) -> str:
    return text("list_sep", lang).join(criteria.fact_by_id[f].label[lang] for f in fact_ids)


def element_text(element: Element, lang: str, *, exclusion: bool = False) -> str:
    """An element as a sentence: the question's label and what it requires."""
    return text(
        "element_text", lang, label=element.fact.label[lang], requirement=requirement_text(element, lang, exclusion=exclusion)
    )


def case_name(d: Determination) -> str:
    """The case as a reader names it: id and title, else its file."""
    meta = d.case.meta
    return " ".join(p for p in (meta.get("id"), meta.get("title")) if p) or d.case.file


_DIGITS = "〇一二三四五六七八九"


def date_words(date: str, lang: str) -> str:
    """A date as written in a case file, in words where it is YYYY, YYYY-MM or YYYY-MM-DD: "2018年6月"."""
    import re

    if lang != "zh":
        return date
    match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?", date.strip())
    if not match:
        return date
    year, month, day = match.groups()
    return f"{year}年" + (f"{int(month)}月" if month else "") + (f"{int(day)}日" if day else "")


def numeral(n: int, lang: str) -> str:
    """1 → 一, 12 → 十二 in Chinese (the numbering of official documents); digits otherwise."""
    if lang != "zh" or not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _DIGITS[tens]) + "十" if tens else "") + (_DIGITS[ones] if ones else "")
