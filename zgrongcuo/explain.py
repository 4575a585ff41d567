"""What would change the outcome: the smallest changes of answers that decide a case otherwise.

Pure, like the engine: it works on the criteria and a case's answer values,
and says nothing in any language (``reasons.py`` and the renderers word it).

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

from dataclasses import dataclass
from itertools import combinations

from zgrongcuo.criteria import Criteria, Fact, Outcome
from zgrongcuo.engine import decide

MAX_CHANGES = 2

Value = bool | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Change:
    """One fact's answer, before and after (after several steps when two touch the same fact)."""

    fact: Fact
    before: Value
    after: Value

    def added(self) -> tuple[str, ...]:
        """Options the change adds to an answered list (empty otherwise)."""
        if self.fact.type != "set" or self.before is None:
            return ()
        return tuple(o for o in self.after if o not in self.before)  # type: ignore[union-attr]

    def removed(self) -> tuple[str, ...]:
        if self.fact.type != "set" or self.before is None:
            return ()
        return tuple(o for o in self.before if o not in self.after)  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class Counterfactual:
    changes: tuple[Change, ...]  # one per fact changed, in asking order
    outcome: Outcome
    situations_met: tuple[str, ...]
    bottom_line: bool  # a fact of the criteria's exclusions is among the changes

    @property
    def facts(self) -> tuple[str, ...]:
        return tuple(ch.fact.id for ch in self.changes)


# A step: (fact id, kind, option) — kind is "set" (a yes/no answer or a whole
# list), "add" or "remove".
_Step = tuple[str, str, object]


def exclusion_facts(criteria: Criteria) -> frozenset[str]:
    """Facts the bottom lines test: changes to them are facts to establish, never advice."""
    return frozenset(e.fact.id for e in criteria.exclusions)


def _steps(fact: Fact, value: Value) -> list[_Step]:
    if fact.type == "yesno":
        if value is None:
            return [(fact.id, "set", True), (fact.id, "set", False)]
        return [(fact.id, "set", not value)]
    if value is None:
        return [(fact.id, "set", ())] + [(fact.id, "set", (o,)) for o in fact.option_ids]
    chosen = set(value)  # type: ignore[arg-type]
    return [(fact.id, "remove" if o in chosen else "add", o) for o in fact.option_ids]


def _apply(fact: Fact, value: Value, steps: list[_Step]) -> Value | None:
    """The answer after ``steps`` (all on ``fact``); None when they cannot be combined."""
    if fact.type == "yesno":
        return steps[0][2] if len(steps) == 1 else None  # type: ignore[return-value]
    if value is None:
        # Answering an unanswered list with two options is two steps; "none" and
        # an option, or the same option twice, do not combine.
        picked = [s[2] for s in steps]
        if any(p == () for p in picked) and len(picked) > 1:
            return None
        options = [o for p in picked for o in p]  # type: ignore[union-attr]
        if len(set(options)) != len(options):
            return None
        return tuple(o for o in fact.option_ids if o in options)
    chosen = set(value)  # type: ignore[arg-type]
    touched = [s[2] for s in steps]
    if len(set(touched)) != len(touched):
        return None
    for _, kind, option in steps:
        if kind == "add":
            chosen.add(option)  # type: ignore[arg-type]
        else:
            chosen.discard(option)  # type: ignore[arg-type]
    return tuple(o for o in fact.option_ids if o in chosen)


def _variant(criteria: Criteria, values: dict[str, Value], steps: tuple[_Step, ...]):
    """The changed answers and the changes, or None when the steps do not combine."""
    by_fact: dict[str, list[_Step]] = {}
    for step in steps:
        by_fact.setdefault(step[0], []).append(step)
    changed = dict(values)
    changes = []
    for fact in criteria.facts:  # asking order
        if fact.id not in by_fact:
            continue
        before = values.get(fact.id)
        after = _apply(fact, before, by_fact[fact.id])
        if after is None:
            return None
        changed[fact.id] = after
        changes.append(Change(fact, before, after))
    return changed, tuple(changes)


def _result(criteria: Criteria, values: dict[str, Value]) -> Outcome:
    fired, _ = decide(criteria, values)
    return fired.outcome if fired else criteria.undetermined


def _situations_met(criteria: Criteria, values: dict[str, Value]) -> tuple[str, ...]:
    return tuple(s.id for s in criteria.situations if s.condition.evaluate(values) is True)


def counterfactuals(criteria: Criteria, values: dict[str, Value], *, limit: int = MAX_CHANGES) -> list[Counterfactual]:
    """Every minimal set of at most ``limit`` changes that makes the outcome favourable.

    Minimal: no proper subset of its changes is favourable on its own.  Sorted
    by size, then by the facts' asking order.
    """
    values = {k: v for k, v in values.items() if v is not None}
    if _result(criteria, values).favourable is not False:
        return []
    steps = [step for fact in criteria.facts for step in _steps(fact, values.get(fact.id))]
    bottom = exclusion_facts(criteria)
    favourable: set[frozenset[_Step]] = set()
    found: list[Counterfactual] = []
    seen_answers: set[tuple] = set()
    for size in range(1, limit + 1):
        for combo in combinations(steps, size):
            key = frozenset(combo)
            if any(frozenset(sub) in favourable for n in range(1, size) for sub in combinations(combo, n)):
                continue  # a smaller set already does it
            variant = _variant(criteria, values, combo)
            if variant is None:
                continue
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
    order = {f.id: f.index for f in criteria.facts}
    found.sort(key=lambda cf: (len(cf.changes), [order[f] for f in cf.facts]))
    return found


def open_answers(criteria: Criteria, values: dict[str, Value], questions: tuple[str, ...]) -> list[Counterfactual]:
    """For an undetermined case: each single answer to an open question that decides the case alone."""
    values = {k: v for k, v in values.items() if v is not None}
    bottom = exclusion_facts(criteria)
    found = []
    for fact_id in questions:
        fact = criteria.fact_by_id[fact_id]
        for step in _steps(fact, values.get(fact_id)):
            variant = _variant(criteria, values, (step,))
            if variant is None:  # pragma: no cover - a single step always applies
                continue
            changed, changes = variant
            outcome = _result(criteria, changed)
            if outcome.favourable is None:
                continue
            found.append(Counterfactual(changes, outcome, _situations_met(criteria, changed), fact_id in bottom))
    return found


def explain(determination) -> list[Counterfactual]:
    """What would change this determination: counterfactuals if unfavourable, deciding answers if undetermined."""
    criteria = determination.criteria
    values = determination.case.values()
    favourable = determination.outcome.favourable
    if favourable is False:
        return counterfactuals(criteria, values)
    if favourable is None:
        return open_answers(criteria, values, determination.next_questions)
    return []
