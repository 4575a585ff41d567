"""What to verify next, as the engine gives it: each open question, where it still counts, where its answers lead.

Types only, apart from the determination they belong to (``Determination.to_verify``): only a run that weighs
open questions imports them.  ``zgrongcuo.engine.verification`` computes them.
"""

from __future__ import annotations

from zgrongcuo.model.base import Record, ValueRecord
from zgrongcuo.model.conditions import Element
from zgrongcuo.model.criteria import Fact, Outcome, Rule, Situation
from zgrongcuo.model.determination import Change

# How much answering an open question decides (OpenQuestion.weight), heaviest first: every answer it can be given
# decides the case (changes its outcome, when it is decided already); some answer does; it counts, but only together
# with other answers; it cannot change this measure's outcome whatever the answer.
DECIDES, MAY_DECIDE, WITH_OTHERS, NO_EFFECT = 1, 2, 3, 4
# Where an open question's answer still counts (Place.kind).
IN_SITUATION, IN_PRECONDITION, IN_EXCLUSION, IN_RULE = "situation", "precondition", "exclusion", "rule"


class Place(ValueRecord):
    """An element whose value is still open, and what it belongs to: a situation, the preconditions, a bottom line, a rule."""

    __slots__ = ("kind", "element", "situation", "rule")

    def __init__(self, kind: str, element: Element, situation: Situation | None = None, rule: Rule | None = None) -> None:
        self.kind = kind  # IN_SITUATION, IN_PRECONDITION, IN_EXCLUSION or IN_RULE
        self.element = element
        self.situation = situation  # for IN_SITUATION
        self.rule = rule  # for IN_RULE: the outcome rule that tests the fact itself


class Lead(ValueRecord):
    """One answer to an open question on its own, and where it leads."""

    __slots__ = ("change", "outcome", "situations_met", "decides", "still_open")

    def __init__(
        self,
        change: Change,
        outcome: Outcome,
        situations_met: tuple[str, ...],
        decides: bool,
        still_open: tuple[str, ...] = (),
    ) -> None:
        self.change = change
        self.outcome = outcome
        self.situations_met = situations_met
        self.decides = decides  # it settles an undetermined case, or changes a decided one's outcome
        self.still_open = still_open  # when the case stays undetermined: the questions that could decide it, in asking order


class OpenQuestion(Record):
    """A question of the measure with no answer the engine can read, and how much answering it decides."""

    __slots__ = ("fact", "answered", "weight", "rules", "places", "leads", "weighed")

    def __init__(
        self,
        fact: Fact,
        answered: bool,
        weight: int,
        rules: tuple[Rule, ...] = (),
        places: tuple[Place, ...] = (),
        leads: tuple[Lead, ...] = (),
        weighed: bool = True,
    ) -> None:
        self.fact = fact
        self.answered = answered  # answered unknown (不确定, 待核实) rather than not mentioned
        self.weight = weight  # DECIDES, MAY_DECIDE, WITH_OTHERS or NO_EFFECT
        self.rules = rules  # the outcome rules still open on it, before the one that fired (all, when undetermined)
        self.places = places  # where its answer counts in them, in the order of the rules
        self.leads = leads  # each answer it can be given alone (yes/no; none or one option), and where it leads
        self.weighed = weighed  # False: the work budget ran out before its answers were tried

    @property
    def left(self) -> int:
        """The fewest questions still open after one of its answers (0 when one decides the case)."""
        return min((len(lead.still_open) for lead in self.leads), default=0)

    @property
    def deciding(self) -> tuple[Lead, ...]:
        """The answers that settle the case (or, decided, change its outcome) on their own."""
        return tuple(lead for lead in self.leads if lead.decides)
