"""Wording for policy authors: conditions in plain words, and what `criteria test` and `diff` found."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from zgrongcuo.authoring.expectations import unmet_situations
from zgrongcuo.model import conditions as c
from zgrongcuo.model.conditions import Element
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.model.determination import MET, NOT_MET
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.wording import element_text, reason, status_text

if TYPE_CHECKING:
    from zgrongcuo.authoring.expectations import ExpectationResult, FieldDifference
    from zgrongcuo.authoring.impact import StatusChange


def element_code(element: Element) -> str:
    """An element as it is written in the criteria file."""
    if element.op == "is":
        operand = "yes" if element.operand else "no"
    elif element.op == "has":
        operand = element.options[0]
    else:
        operand = "[" + ", ".join(element.options) + "]"
    return f"fact: {element.fact.id}, {element.op}: {operand}"


def condition_head(condition: c.Condition, lang: str, criteria: Criteria | None = None) -> tuple[str, str]:
    """The head of a condition in plain words and as written; parts of all/any/not are the caller's to walk."""
    if isinstance(condition, Element):
        return element_text(condition, lang), element_code(condition)
    if isinstance(condition, c.AllOf):
        return text("cond.all", lang), "all"
    if isinstance(condition, c.AnyOf):
        return text("cond.any", lang), "any"
    if isinstance(condition, c.Not):
        inner, code = condition_head(condition.part, lang, criteria)
        return text("cond.not", lang, inner=inner), f"not: {code}"
    # A reference keeps the name it is written with.
    if condition.kind == "ref":
        return text("cond.ref", lang, name=condition.name), f"ref: {condition.name}"
    if condition.kind == "situation":
        situation = criteria.situation(condition.name) if criteria else None
        label = situation.label[lang] if situation else ""
        return text("cond.situation", lang, id=condition.name, label=label), f"situation: {condition.name}"
    return text(f"cond.{condition.kind}.{condition.name}", lang), f"{condition.kind}: {condition.name}"


def condition_parts(condition: c.Condition) -> tuple[c.Condition, ...]:
    """The sub-conditions shown beneath a condition's head: a reference is shown by its name, a "not" with its part's."""
    if isinstance(condition, c.Ref):
        return ()
    if isinstance(condition, c.Not):
        return condition_parts(condition.part)
    return condition.children()


def status_change(old: str | None, new: str | None, lang: str, *, exclusion: bool = False) -> tuple[str, str]:
    absent = text("diff.absent", lang)
    return (
        status_text(old, lang, exclusion=exclusion) if old else absent,
        status_text(new, lang, exclusion=exclusion) if new else absent,
    )


def ids_text(ids: Iterable[str], lang: str) -> str:
    """A list of ids as a reader sees it; an empty one says so."""
    ids = list(ids)
    return text("list_sep", lang).join(ids) if ids else text("empty_list_shown", lang)


def outcome_text(criteria: Criteria, outcome_id: str, lang: str) -> str:
    outcome = criteria.outcomes.get(outcome_id)
    return f"{outcome.label[lang]} ({outcome_id})" if outcome else outcome_id


def difference_text(criteria: Criteria, difference: FieldDifference, lang: str) -> str:
    """One expected-vs-actual line of `criteria test`."""
    if difference.field == "outcome":
        expected = outcome_text(criteria, str(difference.expected), lang)
        actual = outcome_text(criteria, str(difference.actual), lang)
    else:
        expected, actual = ids_text(difference.expected, lang), ids_text(difference.actual, lang)
    field = text("test.field." + difference.field, lang)
    return text("test.differs", lang, field=field, expected=expected, actual=actual)


def failure_reasons(result: ExpectationResult, lang: str) -> list[str]:
    """Why a case's determination is not the expected one, in sentences."""
    d = result.determination
    if d is None:
        return []
    out = []
    for fields in result.differences:
        if fields.field != "outcome":
            continue
        if d.rule is not None:
            out.append(text("test.fired", lang, number=d.rule.number, label=d.outcome.label[lang]))
        else:
            out.append(text("test.none_fired", lang, facts=ids_text(d.next_questions, lang)))
    for s in unmet_situations(result):
        head = text("test.situation_not_met", lang, id=s.situation.id, status=status_text(s.status, lang))
        sep = "" if lang == "zh" else " "
        out.append(head + sep.join(reason(e, lang) for e in s.elements if e.status != MET))
    if any(f.field == "outcome" for f in result.differences):
        out.extend(reason(p, lang) for p in d.preconditions if p.status == NOT_MET)
        out.extend(reason(e, lang, exclusion=True) for e in d.exclusions if e.status == MET)
    return out


def change_text(change: StatusChange, lang: str) -> str:
    """One reason a case changed under `diff`: which status moved, and the element's reason now."""
    if change.where == "situation":
        old, new = status_change(change.old, change.new, lang)
        return text("diff.situation_status", lang, id=change.situation, old=old, new=new)
    exclusion = change.where == "exclusion"
    old, new = status_change(change.old, change.new, lang, exclusion=exclusion)
    where = text("diff.where." + ("situation" if change.where == "element" else change.where), lang, id=change.situation)
    result = change.result
    assert result is not None  # an element's change carries the element's result
    return text(
        "diff.element",
        lang,
        where=where,
        old=old,
        new=new,
        reason=reason(result, lang, exclusion=exclusion),
    )
