"""What the engine gives for a case: the status of every situation, element, precondition and bottom line.

Computed once by ``zgrongcuo.engine``; every renderer formats this one result
and none recomputes it.  Wording is the ``text`` layer's.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from zgrongcuo.model.base import Record, ValueRecord
from zgrongcuo.model.case import Answer, Case, Notice
from zgrongcuo.model.conditions import AnswerValue, Condition, Element, Truth, Values, deciding_parts, named
from zgrongcuo.model.criteria import Criteria, Fact, Outcome, Questions, Rule, Situation

if TYPE_CHECKING:
    from zgrongcuo.model.verification import OpenQuestion


class Status(StrEnum):
    """The status of a situation, a precondition, a bottom line or an element: text as JSON writes it."""

    MET = "met"  # a situation or precondition holds; a bottom line is touched (its fact is yes)
    NOT_MET = "not_met"
    UNKNOWN = "unknown"  # it depends on answers the case does not give


MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN


STATUS: dict[Truth, Status] = {True: MET, False: NOT_MET, None: UNKNOWN}  # a condition's value as a status


class ElementResult(Record):
    """One element test of a case: its status, and the case's answer it rests on."""

    __slots__ = ("element", "status", "answer")

    def __init__(self, element: Element, status: Status, answer: Answer | None) -> None:
        self.element = element
        self.status = status
        self.answer = answer  # None when the case does not mention the fact

    @property
    def fact(self) -> str:
        return self.element.fact.id


class SituationResult(Record):
    """One situation of a case: its status, and the result of each of its elements."""

    __slots__ = ("situation", "status", "elements")

    def __init__(self, situation: Situation, status: Status, elements: tuple[ElementResult, ...]) -> None:
        self.situation = situation
        self.status = status
        self.elements = elements


Row = tuple[Element, Status, "Answer | None"]  # an element's result as a plain tuple: element, status, answer


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
    """The result for one case under one measure: its outcome, and the status of every part that led to it."""

    __slots__ = (
        "case", "criteria", "outcome", "rule", "rule_values", "_situations", "_preconditions", "_exclusions",
        "next_questions", "unchecked_exclusions", "counterfactuals", "counterfactuals_complete", "values",
        "unused_answers", "unused_options", "notices", "questions", "agrees", "agrees_on", "truths", "to_verify",
        "to_verify_complete",
    )  # fmt: skip

    def __init__(
        self,
        case: Case,
        criteria: Criteria,
        outcome: Outcome,
        rule: Rule | None,  # the rule that fired; None if undetermined
        rule_values: tuple[Truth, ...],  # every rule's value, in order
        # The results, or None: read off ``truths`` when first asked for (a JSONL batch never makes them).
        situations: tuple[SituationResult, ...] | None,
        preconditions: tuple[ElementResult, ...] | None,
        exclusions: tuple[ElementResult, ...] | None,
        next_questions: tuple[str, ...],
        unchecked_exclusions: tuple[str, ...],
        counterfactuals: tuple[Counterfactual, ...] | None = None,
        counterfactuals_complete: bool = True,
        values: Values | None = None,
        unused_answers: tuple[str, ...] = (),
        unused_options: dict[str, tuple[str, ...]] | None = None,
        notices: tuple[Notice, ...] = (),
        questions: Questions | None = None,
        truths: list[Truth] | None = None,
    ) -> None:
        self.case = case
        self.criteria = criteria
        self.outcome = outcome
        self.rule = rule
        self.rule_values = rule_values
        self._situations = situations
        self._preconditions = preconditions
        self._exclusions = exclusions
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
        # The value of every condition of the measure, by its place in ``criteria.layout.program``:
        # how the engine reached the outcome, recorded so that nothing has to evaluate it again.
        self.truths = truths
        # Every question without an answer the engine can read, the one whose answer decides most first; None when
        # not asked for (engine.evaluate with explain). False: the work budget ran out (see engine.verification).
        self.to_verify: tuple[OpenQuestion, ...] | None = None
        self.to_verify_complete = True

    # The results of the situations, preconditions and bottom lines: made from the engine's record when first
    # asked for. ``*_rows`` give the same as plain tuples, for what reads every one of them once (a JSONL line).

    @property
    def situations(self) -> tuple[SituationResult, ...]:
        if self._situations is None:
            self._situations = tuple(
                SituationResult(s, status, tuple(ElementResult(*row) for row in rows)) for s, status, rows in self.situation_rows()
            )
        return self._situations

    @property
    def preconditions(self) -> tuple[ElementResult, ...]:
        if self._preconditions is None:
            self._preconditions = tuple(ElementResult(*row) for row in self.precondition_rows())
        return self._preconditions

    @property
    def exclusions(self) -> tuple[ElementResult, ...]:
        if self._exclusions is None:
            self._exclusions = tuple(ElementResult(*row) for row in self.exclusion_rows())
        return self._exclusions

    def _rows(self, elements: tuple[Element, ...], at: tuple[int, ...]) -> list[Row]:
        truths, answers = self.truths, self.case.answers
        assert truths is not None  # made by the engine, or given their results
        return [(e, STATUS[truths[i]], answers.get(e.fact.id)) for e, i in zip(elements, at, strict=True)]

    def status_at(self, position: int) -> Status:
        """The status of the condition at ``position`` in the measure's program, as the engine recorded it."""
        assert self.truths is not None
        return STATUS[self.truths[position]]

    def situation_places(self) -> list[tuple[Situation, Status, tuple[Element, ...], tuple[int, ...]]] | None:
        """Each situation, its status, its elements and their places in the engine's record (``status_at``).

        None when the results were given rather than recorded (read ``situation_rows`` then).
        """
        if self._situations is not None or self.truths is None:
            return None
        layout, truths = self.criteria.layout, self.truths
        return [
            (s, STATUS[truths[at]], s.elements, elements_at)
            for s, at, elements_at in zip(self.criteria.situations, layout.situations, layout.situation_elements, strict=True)
        ]

    def situation_rows(self) -> list[tuple[Situation, Status, list[Row]]]:
        """Each situation, its status, and its elements' rows (element, status, answer)."""
        if self._situations is not None:
            return [(s.situation, s.status, [(e.element, e.status, e.answer) for e in s.elements]) for s in self._situations]
        layout, truths = self.criteria.layout, self.truths
        assert truths is not None
        return [
            (s, STATUS[truths[at]], self._rows(s.elements, elements_at))
            for s, at, elements_at in zip(self.criteria.situations, layout.situations, layout.situation_elements, strict=True)
        ]

    def precondition_rows(self) -> list[Row]:
        if self._preconditions is not None:
            return [(r.element, r.status, r.answer) for r in self._preconditions]
        return self._rows(self.criteria.preconditions, self.criteria.layout.preconditions)

    def exclusion_rows(self) -> list[Row]:
        if self._exclusions is not None:
            return [(r.element, r.status, r.answer) for r in self._exclusions]
        return self._rows(self.criteria.exclusions, self.criteria.layout.exclusions)

    @property
    def situations_met(self) -> tuple[str, ...]:
        if self._situations is None and self.truths is not None:
            truths = self.truths
            at = self.criteria.layout.situations
            return tuple(s.id for s, i in zip(self.criteria.situations, at, strict=True) if truths[i] is True)
        return tuple(s.situation.id for s in self.situations if s.status == MET)

    @property
    def decided(self) -> bool:
        return self.rule is not None

    def truth_of(self, condition: Condition) -> Truth:
        """A condition's value as the engine recorded it."""
        if self.truths is None:
            raise ValueError("made without the engine's record of its conditions")
        return self.truths[self.criteria.layout.program.position(condition)]

    @property
    def grounds(self) -> tuple[tuple[Condition, Truth], ...]:
        """Why the rule that fired holds, read off the engine's record: the parts of it that decide, with their values.

        Element tests, and the named parts a sentence gives as they are (a
        situation, the situations, the preconditions, the bottom lines). Empty when undetermined.
        """
        if self.rule is None:
            return ()
        return tuple(deciding_parts(self.rule.when, True, self.truth_of, stop=named))
