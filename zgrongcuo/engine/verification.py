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

from collections.abc import Sequence

from zgrongcuo.engine.counterfactuals import BUDGET, _Budget, _edits, _variant
from zgrongcuo.engine.evaluation import decide, open_questions
from zgrongcuo.model import conditions as c
from zgrongcuo.model.conditions import Truth, Values
from zgrongcuo.model.criteria import Criteria, Fact, Rule, Situation
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


def _places(
    condition: c.Condition,
    values: Values,
    kind: str,
    situation: Situation | None,
    rule: Rule,
    criteria: Criteria,
    out: list[Place],
) -> Truth:
    """The value of ``condition``; its elements in unknown parts are appended to ``out``, each with what it belongs to.

    One walk, each part evaluated once, as ``engine.evaluation`` finds the open questions: a decided part leaves nothing.
    """
    if isinstance(condition, c.Element):
        value = condition.evaluate(values)
        if value is None:
            out.append(Place(kind, condition, situation, rule if kind == IN_RULE else None))
        return value
    mark = len(out)
    result: Truth
    if isinstance(condition, (c.AllOf, c.AnyOf)):
        stop = isinstance(condition, c.AnyOf)  # an "or" is settled by a true part, an "and" by a false one
        result = not stop
        for part in condition.parts:
            value = _places(part, values, kind, situation, rule, criteria, out)
            if value is stop:
                result = stop
                break
            if value is None:
                result = None
    elif isinstance(condition, c.Not):
        value = _places(condition.part, values, kind, situation, rule, criteria, out)
        result = None if value is None else not value
    elif condition.kind == "situation":
        result = _places(condition.target, values, IN_SITUATION, criteria.situation(condition.name), rule, criteria, out)
    else:  # a group keeps its own kind; a named condition or the situations taken together, the kind around them
        result = _places(condition.target, values, _GROUPS.get(condition.kind, kind), situation, rule, criteria, out)
    if result is not None:
        del out[mark:]
    return result


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
        found_here: list[Place] = []
        _places(rule.when, values, IN_RULE, None, rule, criteria, found_here)
        for place in found_here:
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
