"""What the engine gives for a case: the status of every situation, element, precondition and bottom line.

Computed once by ``zgrongcuo.engine``; every renderer formats this one result
and none recomputes it.  Wording is the ``text`` layer's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zgrongcuo.model.base import Record, ValueRecord
from zgrongcuo.model.case import Answer, Case, Notice
from zgrongcuo.model.conditions import AnswerValue, Element, Truth, Values
from zgrongcuo.model.criteria import Criteria, Fact, Outcome, Questions, Rule, Situation

if TYPE_CHECKING:
    from zgrongcuo.model.verification import OpenQuestion

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


def status_of(truth: Truth) -> str:
    return UNKNOWN if truth is None else MET if truth else NOT_MET


class ElementResult(Record):
    __slots__ = ("element", "status", "answer")

    def __init__(self, element: Element, status: str, answer: Answer | None) -> None:
        self.element = element
        self.status = status
        self.answer = answer  # None when the case does not mention the fact

    @property
    def fact(self) -> str:
        return self.element.fact.id


class SituationResult(Record):
    __slots__ = ("situation", "status", "elements")

    def __init__(self, situation: Situation, status: str, elements: tuple[ElementResult, ...]) -> None:
        self.situation = situation
        self.status = status
        self.elements = elements


class Change(ValueRecord):
    """One fact's answer, before and after (after several steps when two touch the same fact)."""

    __slots__ = ("fact", "before", "after")

    def __init__(self, fact: Fact, before: AnswerValue | None, after: AnswerValue | None) -> None:
        self.fact = fact
        self.before = before
        self.after = after

    def added(self) -> tuple[str, ...]:
        """Options the change adds to an answered list (empty otherwise)."""
        if not isinstance(self.before, tuple) or not isinstance(self.after, tuple):
            return ()
        return tuple(o for o in self.after if o not in self.before)

    def removed(self) -> tuple[str, ...]:
        """Options the change takes from an answered list (empty otherwise)."""
        if not isinstance(self.before, tuple) or not isinstance(self.after, tuple):
            return ()
        return tuple(o for o in self.before if o not in self.after)


class Counterfactual(ValueRecord):
    """A set of changes to the answers, and the outcome they would lead to."""

    __slots__ = ("changes", "outcome", "situations_met", "bottom_line")

    def __init__(
        self, changes: tuple[Change, ...], outcome: Outcome, situations_met: tuple[str, ...], bottom_line: bool
    ) -> None:
        self.changes = changes  # one per fact changed, in asking order
        self.outcome = outcome
        self.situations_met = situations_met
        self.bottom_line = bottom_line  # a fact of the criteria's exclusions is among the changes

    @property
    def facts(self) -> tuple[str, ...]:
        return tuple(ch.fact.id for ch in self.changes)


class Determination(Record):
    __slots__ = (
        "case", "criteria", "outcome", "rule", "rule_values", "situations", "preconditions", "exclusions",
        "next_questions", "unchecked_exclusions", "counterfactuals", "counterfactuals_complete", "values",
        "unused_answers", "unused_options", "notices", "questions", "agrees", "agrees_on", "to_verify",
        "to_verify_complete",
    )  # fmt: skip

    def __init__(
        self,
        case: Case,
        criteria: Criteria,
        outcome: Outcome,
        rule: Rule | None,  # the rule that fired; None if undetermined
        rule_values: tuple[Truth, ...],  # every rule's value, in order
        situations: tuple[SituationResult, ...],
        preconditions: tuple[ElementResult, ...],
        exclusions: tuple[ElementResult, ...],
        next_questions: tuple[str, ...],
        unchecked_exclusions: tuple[str, ...],
        counterfactuals: tuple[Counterfactual, ...] | None = None,
        counterfactuals_complete: bool = True,
        values: Values | None = None,
        unused_answers: tuple[str, ...] = (),
        unused_options: dict[str, tuple[str, ...]] | None = None,
        notices: tuple[Notice, ...] = (),
        questions: Questions | None = None,
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
        # What would change the outcome; None when it was not asked for (see engine.evaluate).
        self.counterfactuals = counterfactuals
        self.counterfactuals_complete = counterfactuals_complete  # False: the search ran out of its work budget
        self.values: Values = values if values is not None else case.values()  # the answers the engine read
        # Answers in the case file that this measure does not read (the file serves several measures):
        # facts it does not ask, and options of a shared question it does not offer.
        self.unused_answers = unused_answers
        self.unused_options: dict[str, tuple[str, ...]] = unused_options if unused_options is not None else {}
        self.notices = notices  # warnings about this measure and this case (e.g. the conduct outside its dates)
        self.questions = questions  # what the case file was read against, when several measures (names unused answers)
        # Whether the screening agrees with the decision the case file records (None: no decision, or not
        # comparable: undetermined, or the measure does not apply to the case),
        # and on what: "outcome" (the decision is under this measure) or "favourable" (under another).
        self.agrees: bool | None = None
        self.agrees_on: str | None = None
        # Every question without an answer the engine can read, the one whose answer decides most first; None when
        # not asked for (engine.evaluate with explain). False: the work budget ran out (see engine.verification).
        self.to_verify: tuple[OpenQuestion, ...] | None = None
        self.to_verify_complete = True

    @property
    def situations_met(self) -> tuple[str, ...]:
        return tuple(s.situation.id for s in self.situations if s.status == MET)

    @property
    def decided(self) -> bool:
        return self.rule is not None
