"""What to verify next: every question still open, the one whose answer decides most first.

Pure, like the engine.  A question is open when the engine can read no answer
to it: the case does not mention it, or answers it unknown (不确定, 待核实).
A suggestion from a written account is not an answer either (SPEC.md,
"Suggested answers"), so a question only suggested is open here too.

Which open questions can still change the outcome is known from the rules:
those in an unknown part of a rule that was passed over — every rule of an
undetermined case, and for a decided one the rules before the one that fired
(Kleene logic is monotone: answering a question can turn an unknown rule
true, never a definite one round).  Each of those is tried alone, with every
answer it can be given in one step (yes and no; none of the options, or one),
to see where it leads.  The weight of a question is then:

- ``DECIDES``: every one of those answers settles the case (or, decided, changes its outcome);
- ``MAY_DECIDE``: some answer does;
- ``WITH_OTHERS``: it counts, but only together with other answers;
- ``NO_EFFECT``: no answer to it can change the outcome under this measure.

Within a weight, a question open in more of the rules comes first (the
bottom lines, which every rule tests, usually lead), then the one that leaves
fewest questions open after its best answer, then the asking order.
"""

from __future__ import annotations

from zgrongcuo.engine.counterfactuals import BUDGET, _Budget, _edits, _variant
from zgrongcuo.engine.evaluation import decide, open_questions
from zgrongcuo.model import conditions as c
from zgrongcuo.model.conditions import Truth
from zgrongcuo.model.criteria import Criteria, Rule, Situation
from zgrongcuo.model.determination import Change, Determination
from zgrongcuo.model.verification import (
    DECIDES,
    IN_EXCLUSION,
    IN_PRECONDITION,
    IN_RULE,
    IN_SITUATION,
    MAY_DECIDE,
    NO_EFFECT,
    WITH_OTHERS,
    Lead,
    OpenQuestion,
    Place,
)

# Work of finding what an answer leaves open, in evaluations: that walk visits every unknown part where an
# evaluation stops at the first decided one (about three times the time on the 5,000-fact measure of the tests).
OPEN_WALK = 3
# What a Ref names, as the kind of place its elements are.
_GROUPS = {"preconditions": IN_PRECONDITION, "exclusions": IN_EXCLUSION}


def live_rules(d: Determination) -> tuple[Rule, ...]:
    """The rules whose value is still open and that could yet decide the case before the one that fired."""
    last = d.rule.number if d.rule is not None else len(d.criteria.rules) + 1
    return tuple(r for r, v in zip(d.criteria.rules, d.rule_values, strict=True) if v is None and r.number < last)


def _places(rule: Rule, d: Determination) -> list[Place]:
    """The elements in the unknown parts of ``rule``, each with what it belongs to, in written order.

    A decided part (a false part of an ``and``, a true part of an ``or``) is not
    entered: answering its questions could not change the rule.
    """
    criteria = d.criteria

    def within(node: c.Condition, around: tuple[str, Situation | None]) -> tuple[str, Situation | None]:
        if isinstance(node, c.Ref):
            if node.kind == "situation":
                return IN_SITUATION, criteria.situation(node.name)
            # A group keeps its own kind; a named condition or the situations taken together, the kind around them.
            return _GROUPS.get(node.kind, around[0]), around[1]
        return around

    top: tuple[str, Situation | None] = (IN_RULE, None)
    return [
        Place(kind, node, situation, rule if kind == IN_RULE else None)
        for node, value, (kind, situation) in c.deciding_walk(rule.when, None, d.truth_of, top, within)
        if isinstance(node, c.Element) and value is None
    ]


def _weight(leads: list[Lead]) -> int:
    deciding = sum(lead.decides for lead in leads)
    if not deciding:
        return WITH_OTHERS
    return DECIDES if deciding == len(leads) else MAY_DECIDE


def weigh(d: Determination, *, budget: int = BUDGET) -> tuple[tuple[OpenQuestion, ...], bool]:
    """Every open question of ``d``'s measure, the heaviest first, and whether each could be weighed within ``budget``."""
    criteria, values = d.criteria, d.values
    live = live_rules(d)
    places: dict[str, dict[Place, None]] = {}  # per fact, in order, each once
    rules: dict[str, dict[Rule, None]] = {}
    for rule in live:
        for place in _places(rule, d):
            places.setdefault(place.element.fact.id, {})[place] = None
            rules.setdefault(place.element.fact.id, {})[rule] = None
    known = dict(values)
    spent = _Budget(criteria, budget)
    found: list[tuple[tuple[int, ...], OpenQuestion]] = []
    for fact in criteria.facts:
        if fact.id in values:
            continue
        answered = fact.id in d.case.answers
        if fact.id not in rules:
            found.append(((NO_EFFECT, 0, 0, fact.index), OpenQuestion(fact, answered, NO_EFFECT)))
            continue
        leads: list[Lead] = []
        for edit in _edits(fact, None):
            if not spent.evaluation():
                break
            variant = _variant(criteria, known, (edit,))
            if variant is None:  # pragma: no cover - a single edit always applies
                continue
            changed, (change,) = variant
            fired, rule_values = decide(criteria, changed)
            if d.rule is None and fired is None and not spent.spend(OPEN_WALK * spent.cost):
                break
            leads.append(_lead(criteria, d, changed, change, fired, rule_values))
        weighed = not spent.exhausted
        weight = _weight(leads) if weighed else WITH_OTHERS
        question = OpenQuestion(
            fact, answered, weight, tuple(rules[fact.id]), tuple(places[fact.id]), tuple(leads) if weighed else (), weighed
        )
        found.append(((weight, -len(question.rules), question.left, fact.index), question))
    found.sort(key=lambda pair: pair[0])
    return tuple(q for _, q in found), not spent.exhausted


def _lead(
    criteria: Criteria,
    d: Determination,
    changed: dict[str, c.AnswerValue],
    change: Change,
    fired: Rule | None,
    rule_values: tuple[Truth, ...],
) -> Lead:
    """Where one answer leads: the outcome, the situations met, and what would still be open."""
    outcome = fired.outcome if fired is not None else criteria.undetermined
    met = tuple(s.id for s in criteria.situations if s.condition.evaluate(changed) is True)
    if d.rule is None:
        decides = fired is not None
        still = () if decides else open_questions(criteria, changed, rule_values)
    else:
        decides = outcome.id != d.outcome.id
        still = ()
    return Lead(change, outcome, met, decides, still)
