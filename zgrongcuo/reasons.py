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


# -- conditions in plain words (criteria show, criteria test, diff)


def element_text(element: Element, lang: str, *, exclusion: bool = False) -> str:
    """An element as a sentence: the question's label and what it requires."""
    return text(
        "element_text", lang, label=element.fact.label[lang], requirement=requirement_text(element, lang, exclusion=exclusion)
    )


def element_code(element: Element) -> str:
    """An element as it is written in the criteria file."""
    if element.op == "is":
        operand = "yes" if element.operand else "no"
    elif element.op == "has":
        operand = element.operand[0]  # type: ignore[index]
    else:
        operand = "[" + ", ".join(element.operand) + "]"  # type: ignore[arg-type]
    return f"fact: {element.fact.id}, {element.op}: {operand}"


def condition_head(condition, lang: str, criteria=None) -> tuple[str, str]:
    """The head of a condition in plain words and as written; parts of all/any/not are the caller's to walk."""
    from zgrongcuo import conditions as c

    if isinstance(condition, Element):
        return element_text(condition, lang), element_code(condition)
    if isinstance(condition, c.All):
        return text("cond.all", lang), "all"
    if isinstance(condition, c.Any):
        return text("cond.any", lang), "any"
    if isinstance(condition, c.Not):
        inner, code = condition_head(condition.part, lang, criteria)
        return text("cond.not", lang, inner=inner), f"not: {code}"
    # A reference keeps the name it is written with.
    if condition.kind == "ref":
        return text("cond.ref", lang, name=condition.name), f"ref: {condition.name}"
    if condition.kind == "situation":
        situation = next((s for s in criteria.situations if s.id == condition.name), None) if criteria else None
        label = situation.label[lang] if situation else ""
        return text("cond.situation", lang, id=condition.name, label=label), f"situation: {condition.name}"
    return text(f"cond.{condition.kind}.{condition.name}", lang), f"{condition.kind}: {condition.name}"


def condition_parts(condition) -> tuple:
    """The sub-conditions shown beneath a condition's head (none for an element or a reference)."""
    from zgrongcuo import conditions as c

    if isinstance(condition, (c.All, c.Any)):
        return condition.parts
    if isinstance(condition, c.Not):
        return condition_parts(condition.part)
    return ()


def status_change(old: str | None, new: str | None, lang: str, *, exclusion: bool = False) -> tuple[str, str]:
    absent = text("diff.absent", lang)
    return (
        status_text(old, lang, exclusion=exclusion) if old else absent,
        status_text(new, lang, exclusion=exclusion) if new else absent,
    )


def ids_text(ids, lang: str) -> str:
    """A list of ids as a reader sees it; an empty one says so."""
    return text("list_sep", lang).join(ids) if ids else text("empty_list_shown", lang)


def outcome_text(criteria, outcome_id: str, lang: str) -> str:
    outcome = criteria.outcomes.get(outcome_id)
    return f"{outcome.label[lang]} ({outcome_id})" if outcome else outcome_id


def difference_text(criteria, difference, lang: str) -> str:
    """One expected-vs-actual line of `criteria test`."""
    if difference.field == "outcome":
        expected = outcome_text(criteria, difference.expected, lang)
        actual = outcome_text(criteria, difference.actual, lang)
    else:
        expected, actual = ids_text(difference.expected, lang), ids_text(difference.actual, lang)
    field = text("test.field." + difference.field, lang)
    return text("test.differs", lang, field=field, expected=expected, actual=actual)


def failure_reasons(result, lang: str) -> list[str]:
    """Why a case's determination is not the expected one, in sentences."""
    from zgrongcuo.engine import MET, NOT_MET

    d = result.determination
    out = []
    for fields in result.differences:
        if fields.field != "outcome":
            continue
        if d.rule is not None:
            out.append(text("test.fired", lang, number=d.rule.number, label=d.outcome.label[lang]))
        else:
            out.append(text("test.none_fired", lang, facts=ids_text(d.next_questions, lang)))
    from zgrongcuo.expectations import unmet_situations

    for s in unmet_situations(result):
        head = text("test.situation_not_met", lang, id=s.situation.id, status=status_text(s.status, lang))
        sep = "" if lang == "zh" else " "
        out.append(head + sep.join(reason(e, lang) for e in s.elements if e.status != MET))
    if any(f.field == "outcome" for f in result.differences):
        out.extend(reason(p, lang) for p in d.preconditions if p.status == NOT_MET)
        out.extend(reason(e, lang, exclusion=True) for e in d.exclusions if e.status == MET)
    return out


def change_text(change, lang: str) -> str:
    """One reason a case changed under `diff`: which status moved, and the element's reason now."""
    if change.where == "situation":
        old, new = status_change(change.old, change.new, lang)
        return text("diff.situation_status", lang, id=change.situation, old=old, new=new)
    exclusion = change.where == "exclusion"
    old, new = status_change(change.old, change.new, lang, exclusion=exclusion)
    where = text("diff.where." + ("situation" if change.where == "element" else change.where), lang, id=change.situation)
    result = change.result
    return text(
        "diff.element",
        lang,
        where=where,
        old=old,
        new=new,
        reason=reason(result, lang, exclusion=exclusion),
    )
