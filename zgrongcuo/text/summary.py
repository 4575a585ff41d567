"""A determination in a sentence: why the outcome was reached, and what decides each situation.

The sentence is read off the outcome rule that fired, so it serves any
measure: the parts of the rule that hold (a situation met, the preconditions
met, no bottom line touched, an answer) are said in the measure's own labels.
Rule numbers are the tool's internal order and are never shown as if they were
articles of the measure.
"""

from __future__ import annotations

from zgrongcuo.model import conditions as c
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.model.determination import MET, NOT_MET, UNKNOWN, Determination, ElementResult, SituationResult
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.wording import answer_text, reason

MAX_CLAUSE_ITEMS = 4  # names listed in one clause before "等"

# Clause kinds, in the order a sentence gives them.
_SITUATION, _PRECONDITION, _BOTTOM, _ANSWER = range(4)


def why(d: Determination, lang: str) -> str:
    """One sentence: why the outcome was reached (or, undetermined, what is still open)."""
    if d.rule is None:
        return text("why.open", lang, count=len(d.next_questions))
    clauses: list[tuple[int, str]] = []
    _holds(d.rule.when, d, lang, clauses)
    seen: set[str] = set()
    ordered = []
    for _, clause in sorted(clauses, key=lambda kc: kc[0]):
        if clause not in seen:
            seen.add(clause)
            ordered.append(clause)
    return text("why.sentence", lang, clauses=text("why.sep", lang).join(ordered))


def _names(items: list[str], lang: str) -> str:
    shown = items[:MAX_CLAUSE_ITEMS]
    names = text("list_sep", lang).join(shown)
    return names + (text("why.and_more", lang) if len(items) > len(shown) else "")


def _situation_names(ids: list[str], criteria: Criteria, lang: str) -> str:
    return _names([s.name(lang) for s in criteria.situations if s.id in ids], lang)


def _answer(element: c.Element, d: Determination, lang: str) -> str:
    value = d.values.get(element.fact.id)
    answered = element.fact.id in d.case.answers
    answer = answer_text(element.fact, value, lang, answered=answered)
    return text("why.answer", lang, label=element.fact.label[lang], answer=answer)


def _holds(cond: c.Condition, d: Determination, lang: str, out: list[tuple[int, str]]) -> None:
    """Add the clauses that say why ``cond`` (which is true) holds."""
    values, criteria = d.values, d.criteria
    if isinstance(cond, c.Element):
        out.append((_ANSWER, _answer(cond, d, lang)))
    elif isinstance(cond, c.AllOf):
        for part in cond.parts:
            _holds(part, d, lang, out)
    elif isinstance(cond, c.AnyOf):
        first = next(p for p in cond.parts if p.evaluate(values) is True)
        _holds(first, d, lang, out)
    elif isinstance(cond, c.Not):
        _fails(cond.part, d, lang, out)
    elif cond.kind == "situation":
        out.append((_SITUATION, text("why.met", lang, names=_situation_names([cond.name], criteria, lang))))
    elif cond.kind == "situations":
        out.append((_SITUATION, text("why.met", lang, names=_situation_names(list(d.situations_met), criteria, lang))))
    elif cond.kind == "preconditions":
        out.append((_PRECONDITION, text("why.preconditions_met", lang)))
    elif cond.kind == "exclusions":
        touched = [e for e in criteria.exclusions if e.evaluate(values) is True]
        out.append((_BOTTOM, text("why.touched", lang, items=_names([_answer(e, d, lang) for e in touched], lang))))
    else:  # a named condition reads as what it names
        _holds(cond.target, d, lang, out)


def _fails(cond: c.Condition, d: Determination, lang: str, out: list[tuple[int, str]]) -> None:
    """Add the clauses that say why ``cond`` (which is false) does not hold."""
    values, criteria = d.values, d.criteria
    if isinstance(cond, c.Element):
        out.append((_ANSWER, _answer(cond, d, lang)))
    elif isinstance(cond, c.AllOf):
        first = next(p for p in cond.parts if p.evaluate(values) is False)
        _fails(first, d, lang, out)
    elif isinstance(cond, c.AnyOf):
        situations = [p.name for p in cond.parts if isinstance(p, c.Ref) and p.kind == "situation"]
        if situations and len(situations) == len(cond.parts):
            out.append((_SITUATION, _none_of(situations, criteria, lang)))
        else:
            for part in cond.parts:
                _fails(part, d, lang, out)
    elif isinstance(cond, c.Not):
        _holds(cond.part, d, lang, out)
    elif cond.kind == "situation":
        out.append((_SITUATION, text("why.not_met", lang, names=_situation_names([cond.name], criteria, lang))))
    elif cond.kind == "situations":
        out.append((_SITUATION, _none_of([s.id for s in criteria.situations], criteria, lang)))
    elif cond.kind == "preconditions":
        failing = [e for e in criteria.preconditions if e.evaluate(values) is False]
        items = _names([_answer(e, d, lang) for e in failing], lang)
        out.append((_PRECONDITION, text("why.preconditions_not_met", lang, items=items)))
    elif cond.kind == "exclusions":
        out.append((_BOTTOM, text("why.untouched", lang)))
    else:
        _fails(cond.target, d, lang, out)


def _none_of(ids: list[str], criteria: Criteria, lang: str) -> str:
    if len(ids) == len(criteria.situations):
        return text("why.no_situation", lang)
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
