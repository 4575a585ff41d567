"""Evaluating a case against criteria: pure, no I/O, no language.

The determination records, for every situation, precondition and exclusion,
each element's status and the answer it rests on; wording is the renderers'.
"""

from __future__ import annotations


from zgrongcuo import conditions as c
from zgrongcuo.case import Answer, Case
from zgrongcuo.criteria import Criteria, Outcome, Rule, Situation
from zgrongcuo.records import Record

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


def status_of(truth: c.Truth) -> str:
    return UNKNOWN if truth is None else MET if truth else NOT_MET


class ElementResult(Record):
    __slots__ = ("element", "status", "answer")

    def __init__(self, element: c.Element, status: str, answer: Answer | None) -> None:
        self.element = element
        self.status = status
        self.answer = answer  # None when the case file does not mention the fact

    @property
    def fact(self) -> str:
        return self.element.fact.id


class SituationResult(Record):
    __slots__ = ("situation", "status", "elements")

    def __init__(self, situation: Situation, status: str, elements: tuple[ElementResult, ...]) -> None:
        self.situation = situation
        self.status = status
        self.elements = elements


class Determination(Record):
    __slots__ = (
        "case", "criteria", "outcome", "rule", "rule_values", "situations", "preconditions", "exclusions",
        "next_questions", "unchecked_exclusions",
    )  # fmt: skip

    def __init__(
        self,
        case: Case,
        criteria: Criteria,
        outcome: Outcome,
        rule: Rule | None,  # the rule that fired; None if undetermined
        rule_values: tuple[c.Truth, ...],  # every rule's value, in order
        situations: tuple[SituationResult, ...],
        preconditions: tuple[ElementResult, ...],
        exclusions: tuple[ElementResult, ...],
        next_questions: tuple[str, ...],
        unchecked_exclusions: tuple[str, ...],
    ) -> None:
        self.case = case
        self.criteria = criteria
        self.outcome = outcome
        self.rule = rule
        self.rule_values = rule_values
        self.situations = situations
        self.preconditions = preconditions
        self.exclusions = exclusions
        self.next_questions = next_questions
        self.unchecked_exclusions = unchecked_exclusions

    @property
    def situations_met(self) -> tuple[str, ...]:
        return tuple(s.situation.id for s in self.situations if s.status == MET)

    @property
    def decided(self) -> bool:
        return self.rule is not None


def _elements(elements, values, answers) -> tuple[ElementResult, ...]:
    return tuple(ElementResult(e, status_of(e.evaluate(values)), answers.get(e.fact.id)) for e in elements)


def decide(criteria: Criteria, values: c.Answers) -> tuple[Rule | None, tuple[c.Truth, ...]]:
    """The first rule that is definitely true, and every rule's value."""
    rule_values = []
    fired = None
    for rule in criteria.rules:
        value = rule.when.evaluate(values)
        rule_values.append(value)
        if value is True and fired is None:
            fired = rule
    return fired, tuple(rule_values)


def open_questions(criteria: Criteria, values: c.Answers, rule_values: tuple[c.Truth, ...]) -> tuple[str, ...]:
    """Facts, in asking order, whose answers could still decide an undecided case."""
    found: set[str] = set()
    for rule, value in zip(criteria.rules, rule_values):
        if value is None:
            c.open_facts(rule.when, values, found)
    return tuple(f.id for f in criteria.facts if f.id in found)


def evaluate(criteria: Criteria, case: Case) -> Determination:
    """The determination for one case."""
    values = case.values()
    answers = case.answers
    fired, rule_values = decide(criteria, values)
    situations = []
    for situation in criteria.situations:
        results = _elements(situation.elements, values, answers)
        situations.append(SituationResult(situation, status_of(situation.condition.evaluate(values)), results))
    exclusions = _elements(criteria.exclusions, values, answers)
    unchecked = []
    for result in exclusions:
        if result.fact not in values and result.fact not in unchecked:
            unchecked.append(result.fact)
    return Determination(
        case=case,
        criteria=criteria,
        outcome=fired.outcome if fired else criteria.undetermined,
        rule=fired,
        rule_values=rule_values,
        situations=tuple(situations),
        preconditions=_elements(criteria.preconditions, values, answers),
        exclusions=exclusions,
        next_questions=() if fired else open_questions(criteria, values, rule_values),
        unchecked_exclusions=tuple(unchecked),
    )
