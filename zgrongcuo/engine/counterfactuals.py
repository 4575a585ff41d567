"""What would change the outcome: the smallest changes of answers that decide a case otherwise.

Pure, like the engine: it works on the criteria and a case's answer values,
and says nothing in any language (``zgrongcuo.text.explanation`` words it).

A *change* is one step away from the answers as given:

- a yes/no question gets the other definite answer, or an unanswered one
  gets yes or no;
- a multiple-choice question answered with a list gains or loses one option;
  an unanswered one is answered with one option, or with none (``[]``).

Changing an answer *to* unknown is not a change here: forgetting a fact
never decides a case, and the tool does not advise unlearning what is known.

For an unfavourable outcome, :func:`counterfactuals` returns every set of at
most two changes that makes the outcome favourable and has no smaller such
subset.  For an undetermined one, :func:`open_answers` returns, for each open
question, the single answers that would decide the case on their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import combinations
from typing import Union

from zgrongcuo.engine.evaluation import decide
from zgrongcuo.model.conditions import AnswerValue, elements_of
from zgrongcuo.model.criteria import Criteria, Fact, Outcome
from zgrongcuo.model.determination import Change, Counterfactual, Determination

MAX_CHANGES = 2
# Work the search may do for one case, in element tests: an evaluation of
# changed answers costs the number of element tests in the rules.  The bundled
# measures need well under a hundredth of it; a measure of thousands of facts
# stops here, after a second or two, and the result says so.
BUDGET = 5_000_000

MaybeAnswer = Union[AnswerValue, None]

# An edit: (fact id, kind, operand) — kind is "set" (a yes/no answer or a
# whole list), "add" or "remove" (an option).
_Edit = tuple[str, str, object]


def _edits(fact: Fact, value: MaybeAnswer) -> list[_Edit]:
    if fact.type == "yesno":
        if value is None:
            return [(fact.id, "set", True), (fact.id, "set", False)]
        return [(fact.id, "set", not value)]
    if not isinstance(value, tuple):
        return [(fact.id, "set", ())] + [(fact.id, "set", (o,)) for o in fact.option_ids]
    chosen = set(value)
    return [(fact.id, "remove" if o in chosen else "add", o) for o in fact.option_ids]


def _apply(fact: Fact, value: MaybeAnswer, edits: list[_Edit]) -> MaybeAnswer:
    """The answer after ``edits`` (all on ``fact``); None when they cannot be combined."""
    if fact.type == "yesno":
        after = edits[0][2]
        return after if len(edits) == 1 and isinstance(after, bool) else None
    if not isinstance(value, tuple):
        # Answering an unanswered list with two options is two edits; "none" and
        # an option, or the same option twice, do not combine.
        picked = [e[2] for e in edits if isinstance(e[2], tuple)]
        if any(p == () for p in picked) and len(picked) > 1:
            return None
        options = [o for p in picked for o in p]
        if len(set(options)) != len(options):
            return None
        return tuple(o for o in fact.option_ids if o in options)
    chosen = set(value)
    touched = [e[2] for e in edits]
    if len(set(touched)) != len(touched):
        return None
    for _, kind, option in edits:
        if kind == "add":
            chosen.add(str(option))
        else:
            chosen.discard(str(option))
    return tuple(o for o in fact.option_ids if o in chosen)


def _variant(
    criteria: Criteria, values: dict[str, AnswerValue], edits: tuple[_Edit, ...]
) -> tuple[dict[str, AnswerValue], tuple[Change, ...]] | None:
    """The changed answers and the changes, or None when the edits do not combine."""
    by_fact: dict[str, list[_Edit]] = {}
    for edit in edits:
        by_fact.setdefault(edit[0], []).append(edit)
    changed = dict(values)
    changes = []
    facts = criteria.fact_by_id
    for fact in sorted((facts[f] for f in by_fact), key=lambda f: f.index):  # asking order
        before = values.get(fact.id)
        after = _apply(fact, before, by_fact[fact.id])
        if after is None:
            return None
        changed[fact.id] = after
        changes.append(Change(fact, before, after))
    return changed, tuple(changes)


def _result(criteria: Criteria, values: dict[str, AnswerValue]) -> Outcome:
    fired, _ = decide(criteria, values)
    return fired.outcome if fired else criteria.undetermined


def _situations_met(criteria: Criteria, values: dict[str, AnswerValue]) -> tuple[str, ...]:
    return tuple(s.id for s in criteria.situations if s.condition.evaluate(values) is True)


class _Budget:
    """Work left for one search; it stops when this runs out."""

    __slots__ = ("left", "cost", "exhausted")

    def __init__(self, criteria: Criteria, work: int) -> None:
        self.left = work
        # What one evaluation of changed answers costs: every element test of every rule.
        self.cost = max(1, sum(len(elements_of(rule.when)) for rule in criteria.rules))
        self.exhausted = False

    def spend(self, units: int) -> bool:
        """Take ``units`` of work; False (and exhausted from then on) when there was not enough left."""
        self.left -= units
        if self.left < 0:
            self.exhausted = True
        return not self.exhausted

    def evaluation(self) -> bool:
        return self.spend(self.cost)


def counterfactuals(
    criteria: Criteria, values: Mapping[str, AnswerValue], *, limit: int = MAX_CHANGES, budget: int = BUDGET
) -> tuple[list[Counterfactual], bool]:
    """Every minimal set of at most ``limit`` changes that makes the outcome favourable, and whether the search finished.

    Minimal: no proper subset of its changes is favourable on its own.  Sorted
    by size, then by the facts' asking order.  The search does at most
    ``budget`` units of work (see ``BUDGET``); when that runs out, what was
    found so far is returned with ``False``.
    """
    known = dict(values)
    if _result(criteria, known).favourable is not False:
        return [], True
    edits = [edit for fact in criteria.facts for edit in _edits(fact, known.get(fact.id))]
    bottom = criteria.exclusion_facts()
    favourable: set[frozenset[_Edit]] = set()
    found: list[Counterfactual] = []
    seen_answers: set[tuple[tuple[str, MaybeAnswer], ...]] = set()
    spent = _Budget(criteria, budget)
    for size in range(1, limit + 1):
        for combo in combinations(edits, size):
            if not spent.spend(1):
                break  # visiting a combination costs too, even one that does not combine
            key = frozenset(combo)
            if any(frozenset(sub) in favourable for n in range(1, size) for sub in combinations(combo, n)):
                continue  # a smaller set already does it
            variant = _variant(criteria, known, combo)
            if variant is None:
                continue
            if not spent.evaluation():
                break
            changed, changes = variant
            outcome = _result(criteria, changed)
            if outcome.favourable is not True:
                continue
            favourable.add(key)
            signature = tuple((ch.fact.id, ch.after) for ch in changes)
            if signature in seen_answers:
                continue
            seen_answers.add(signature)
            found.append(
                Counterfactual(
                    changes=changes,
                    outcome=outcome,
                    situations_met=_situations_met(criteria, changed),
                    bottom_line=any(ch.fact.id in bottom for ch in changes),
                )
            )
        if spent.exhausted:
            break
    order = {f.id: f.index for f in criteria.facts}
    found.sort(key=lambda cf: (len(cf.changes), [order[f] for f in cf.facts]))
    return found, not spent.exhausted


def open_answers(
    criteria: Criteria, values: Mapping[str, AnswerValue], questions: tuple[str, ...], *, budget: int = BUDGET
) -> tuple[list[Counterfactual], bool]:
    """For an undetermined case: each single answer to an open question that decides the case alone."""
    known = dict(values)
    bottom = criteria.exclusion_facts()
    found: list[Counterfactual] = []
    spent = _Budget(criteria, budget)
    for fact_id in questions:
        fact = criteria.fact_by_id[fact_id]
        for edit in _edits(fact, known.get(fact_id)):
            variant = _variant(criteria, known, (edit,))
            if variant is None:  # pragma: no cover - a single edit always applies
                continue
            if not spent.evaluation():
                return found, False
            changed, changes = variant
            outcome = _result(criteria, changed)
            if outcome.favourable is None:
                continue
            found.append(Counterfactual(changes, outcome, _situations_met(criteria, changed), fact_id in bottom))
    return found, True


def _deciding(d: Determination) -> tuple[Counterfactual, ...]:
    """The open answers that decide ``d`` alone, as ``open_answers`` finds them, read off the weighed open questions."""
    assert d.to_verify is not None
    by_fact = {q.fact.id: q for q in d.to_verify}
    bottom = d.criteria.exclusion_facts()
    return tuple(
        Counterfactual((lead.change,), lead.outcome, lead.situations_met, fact_id in bottom)
        for fact_id in d.next_questions
        for lead in by_fact[fact_id].leads
        if lead.decides
    )


def explain(determination: Determination, *, budget: int = BUDGET) -> tuple[tuple[Counterfactual, ...], bool]:
    """What would change this determination, and whether the search finished.

    Counterfactuals if unfavourable, deciding answers if undetermined, nothing if favourable.
    """
    criteria = determination.criteria
    values = determination.values
    favourable = determination.outcome.favourable
    if favourable is False:
        found, complete = counterfactuals(criteria, values, budget=budget)
    elif favourable is None and determination.to_verify is not None:
        return _deciding(determination), determination.to_verify_complete  # weighed already: the same answers, tried once
    elif favourable is None:
        found, complete = open_answers(criteria, values, determination.next_questions, budget=budget)
    else:
        return (), True
    return tuple(found), complete
