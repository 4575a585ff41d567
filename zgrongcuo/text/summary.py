"""A determination in a sentence: why the outcome was reached, and what decides each situation.

The sentence is read off the outcome rule that fired, so it serves any
measure: the parts of the rule that hold (a situation met, the preconditions
met, no bottom line touched, an answer) are said in the measure's own labels.
Rule numbers are the tool's internal order and are never shown as if they were
articles of the measure.
"""

from __future__ import annotations

from zgrongcuo.model.conditions import Condition, Element, Ref
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.model.determination import MET, NOT_MET, UNKNOWN, Determination, ElementResult, SituationResult
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.wording import answer_text, reason

MAX_CLAUSE_ITEMS = 4  # names listed in one clause before "等"

# Clause kinds, in the order a sentence gives them.
_SITUATION, _PRECONDITION, _BOTTOM, _ANSWER = range(4)


def why(d: Determination, lang: str) -> str:
    """One sentence: why the outcome was reached (or, undetermined, what is still open).

    Worded from ``d.grounds``, what the engine found to decide the rule that fired.
    """
    if d.rule is None:
        return text("why.open", lang, count=len(d.next_questions))
    clauses: list[tuple[int, str]] = []
    unmet: list[str] = []  # situations not met, said together

    def flush_unmet() -> None:
        if unmet:
            clauses.append((_SITUATION, _not_met(unmet, d.criteria, lang)))
            unmet.clear()

    for node, truth in d.grounds:
        if isinstance(node, Ref) and node.kind == "situation" and not truth:
            unmet.append(node.name)
            continue
        flush_unmet()
        clauses.append(_clause(node, bool(truth), d, lang))
    flush_unmet()
    seen: set[str] = set()
    ordered = []
    for _, clause in sorted(clauses, key=lambda kc: kc[0]):
        if clause not in seen:
            seen.add(clause)
            ordered.append(clause)
    return text("why.sentence", lang, clauses=text("why.sep", lang).join(ordered))


def _clause(node: Condition, holds: bool, d: Determination, lang: str) -> tuple[int, str]:
    """The clause for one ground: an answer, a situation, the preconditions or the bottom lines."""
    criteria = d.criteria
    if isinstance(node, Element):
        return _ANSWER, _answer(node, d, lang)
    assert isinstance(node, Ref)  # the grounds are element tests and named parts
    if node.kind == "situation":
        return _SITUATION, text("why.met", lang, names=_situation_names([node.name], criteria, lang))
    if node.kind == "situations":
        if holds:
            return _SITUATION, text("why.met", lang, names=_situation_names(list(d.situations_met), criteria, lang))
        return _SITUATION, _not_met([s.id for s in criteria.situations], criteria, lang)
    if node.kind == "preconditions":
        if holds:
            return _PRECONDITION, text("why.preconditions_met", lang)
        failing = [r.element for r in d.preconditions if r.status == NOT_MET]
        items = _names([_answer(e, d, lang) for e in failing], lang)
        return _PRECONDITION, text("why.preconditions_not_met", lang, items=items)
    if holds:  # the bottom lines
        touched = [r.element for r in d.exclusions if r.status == MET]
        return _BOTTOM, text("why.touched", lang, items=_names([_answer(e, d, lang) for e in touched], lang))
    return _BOTTOM, text("why.untouched", lang)


def _names(items: list[str], lang: str) -> str:
    shown = items[:MAX_CLAUSE_ITEMS]
    names = text("list_sep", lang).join(shown)
    return names + (text("why.and_more", lang) if len(items) > len(shown) else "")


def _situation_names(ids: list[str], criteria: Criteria, lang: str) -> str:
    return _names([s.name(lang) for s in criteria.situations if s.id in ids], lang)


def _answer(element: Element, d: Determination, lang: str) -> str:
    value = d.values.get(element.fact.id)
    answered = element.fact.id in d.case.answers
    answer = answer_text(element.fact, value, lang, answered=answered)
    return text("why.answer", lang, label=element.fact.label[lang], answer=answer)


def _not_met(ids: list[str], criteria: Criteria, lang: str) -> str:
    """Situations not met: one by name, several as "none of", all of them as "no situation"."""
    if set(ids) >= {s.id for s in criteria.situations}:
        return text("why.no_situation", lang)
    if len(ids) == 1:
        return text("why.not_met", lang, names=_situation_names(ids, criteria, lang))
    return text("why.none_of", lang, names=_situation_names(ids, criteria, lang))


def deciding(s: SituationResult, lang: str) -> str:
    """What decides a situation's status: all elements met, or the first element not met (or still open)."""
    if s.status == MET:
        return text("why.all_elements_met", lang)
    first = next(e for e in s.elements if e.status == s.status)
    return reason(first, lang, with_note=False)


def group_line(results: tuple[ElementResult, ...], lang: str, *, exclusion: bool) -> str:
    """The preconditions (or the bottom lines) in one line: all met / none touched, else which are not and which are open."""
    if not results:
        return text("group.none", lang)
    bad = MET if exclusion else NOT_MET  # a touched bottom line, an unmet precondition
    prefix = "group.exclusion." if exclusion else "group.precondition."
    parts = []
    failing = [r for r in results if r.status == bad]
    if failing:
        items = text("list_sep", lang).join(_result_answer(r, lang) for r in failing)
        parts.append(text(prefix + "bad", lang, items=items))
    open_ = [r for r in results if r.status == UNKNOWN]
    if open_:
        parts.append(text("group.open", lang, items=text("list_sep", lang).join(r.element.fact.label[lang] for r in open_)))
    if not parts:
        return text(prefix + "good", lang)
    return text("why.sep", lang).join(parts)


def _result_answer(r: ElementResult, lang: str) -> str:
    value = r.answer.value if r.answer else None
    answer = answer_text(r.element.fact, value, lang, answered=r.answer is not None)
    return text("group.item", lang, label=r.element.fact.label[lang], answer=answer)
