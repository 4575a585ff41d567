"""Evaluating a case against criteria: pure, no I/O, no language.

The determination records, for every situation, precondition and exclusion,
each element's status and the answer it rests on; wording is the text layer's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from zgrongcuo.model.case import Answer, Case
from zgrongcuo.model.conditions import All, Any, Condition, Element, Not, Ref, Truth, Values
from zgrongcuo.model.criteria import Criteria, Rule
from zgrongcuo.model.determination import Determination, ElementResult, SituationResult, status_of


def decide(criteria: Criteria, values: Values) -> tuple[Rule | None, tuple[Truth, ...]]:
    """The first rule that is definitely true, and every rule's value."""
    rule_values = []
    fired = None
    for rule in criteria.rules:
        value = rule.when.evaluate(values)
        rule_values.append(value)
        if value is True and fired is None:
            fired = rule
    return fired, tuple(rule_values)


def _open_facts(condition: Condition, values: Values, found: set[str]) -> None:
    """Add to ``found`` the facts in the unknown parts of ``condition``.

    A part that is already decided (a false part of an ``and``, a true part of
    an ``or``, anything definite) is not searched: answering its facts could
    not change the whole.
    """
    if condition.evaluate(values) is not None:
        return
    if isinstance(condition, Element):
        found.add(condition.fact.id)
    elif isinstance(condition, (All, Any)):
        for part in condition.parts:
            _open_facts(part, values, found)
    elif isinstance(condition, Not):
        _open_facts(condition.part, values, found)
    elif isinstance(condition, Ref):
        _open_facts(condition.target, values, found)


def open_questions(criteria: Criteria, values: Values, rule_values: tuple[Truth, ...]) -> tuple[str, ...]:
    """Facts, in asking order, whose answers could still decide an undecided case."""
    found: set[str] = set()
    for rule, value in zip(criteria.rules, rule_values, strict=True):
        if value is None:
            _open_facts(rule.when, values, found)
    return tuple(f.id for f in criteria.facts if f.id in found)


def _results(elements: Iterable[Element], values: Values, answers: Mapping[str, Answer]) -> tuple[ElementResult, ...]:
    return tuple(ElementResult(e, status_of(e.evaluate(values)), answers.get(e.fact.id)) for e in elements)


def evaluate(criteria: Criteria, case: Case, *, explain: bool = False) -> Determination:
    """The determination for one case; with ``explain``, also what would change its outcome."""
    values = case.values()
    answers = case.answers
    fired, rule_values = decide(criteria, values)
    situations = tuple(
        SituationResult(s, status_of(s.condition.evaluate(values)), _results(s.elements, values, answers))
        for s in criteria.situations
    )
    exclusions = _results(criteria.exclusions, values, answers)
    unchecked: list[str] = []
    for result in exclusions:
        if result.fact not in values and result.fact not in unchecked:
            unchecked.append(result.fact)
    determination = Determination(
        case=case,
        criteria=criteria,
        outcome=fired.outcome if fired else criteria.undetermined,
        rule=fired,
        rule_values=rule_values,
        situations=situations,
        preconditions=_results(criteria.preconditions, values, answers),
        exclusions=exclusions,
        next_questions=() if fired else open_questions(criteria, values, rule_values),
        unchecked_exclusions=tuple(unchecked),
        values=values,
    )
    if explain:
        from zgrongcuo.engine.counterfactuals import explain as search

        determination.counterfactuals, determination.counterfactuals_complete = search(determination)
    return determination
