"""What to verify next, as the engine gives it: each open question, where it still counts, where its answers lead.

Types, and the order several measures' open questions are shown in (``together``), apart from the determination
they belong to (``Determination.to_verify``): only a run that weighs open questions imports them.
``zgrongcuo.engine.verification`` computes them.
"""

from __future__ import annotations

from collections.abc import Sequence

from zgrongcuo.model.base import Record, ValueRecord
from zgrongcuo.model.conditions import Element
from zgrongcuo.model.criteria import Fact, Outcome, Rule, Situation
from zgrongcuo.model.determination import Change, Determination

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


def together(ds: Sequence[Determination]) -> list[tuple[Fact, tuple[OpenQuestion | None, ...]]]:
    """One case's open questions under several measures, each once, with its weighing under each (None: not asked).

    Heaviest first: a question takes its best weight under any measure; then
    the one that can change more of the outcomes, then the one open in more
    rules, then the one that leaves fewest open, then the asking order (the
    first measure's, then each next one's).  For one measure, the order ``weigh`` gave.
    """
    entries: dict[str, list[OpenQuestion | None]] = {}
    order: dict[str, tuple[int, int]] = {}
    for n, d in enumerate(ds):
        for q in d.to_verify or ():
            entry = entries.setdefault(q.fact.id, [None] * len(ds))
            entry[n] = q
            order.setdefault(q.fact.id, (n, q.fact.index))

    def key(fact_id: str) -> tuple[int, ...]:
        weighed = [q for q in entries[fact_id] if q is not None]
        changing = sum(q.weight != NO_EFFECT for q in weighed)
        rules = sum(len(q.rules) for q in weighed)
        return (min(q.weight for q in weighed), -changing, -rules, min(q.left for q in weighed), *order[fact_id])

    out = []
    for fact_id in sorted(entries, key=key):
        questions = tuple(entries[fact_id])
        fact = next(q.fact for q in questions if q is not None)
        out.append((fact, questions))
    return out
