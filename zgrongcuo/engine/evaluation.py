"""Evaluating a case against criteria: pure, no I/O, no language.

The determination records, for every situation, precondition and exclusion,
each element's status and the answer it rests on; wording is the text layer's.
"""

from __future__ import annotations

from collections.abc import Sequence

from zgrongcuo.model.case import Answer, Case, Notice
from zgrongcuo.model.conditions import Condition, Element, Truth, Values, deciding_parts
from zgrongcuo.model.criteria import Criteria, Questions, Rule
from zgrongcuo.model.determination import Determination


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


def open_questions(
    criteria: Criteria, values: Values, rule_values: Sequence[Truth], truths: Sequence[Truth] | None = None
) -> tuple[str, ...]:
    """Facts, in asking order, whose answers could still decide an undecided case.

    Those in the unknown parts of the rules that are unknown: a part already
    decided (a false part of an ``and``, a true part of an ``or``) is not
    searched, since answering its facts could not change the whole.
    ``truths``: every condition's value under ``values``, when the engine has them.
    """
    program = criteria.layout.program
    known = program.run(values) if truths is None else truths
    position = program.position

    def truth_of(condition: Condition) -> Truth:
        return known[position(condition)]

    found = {
        node.fact.id
        for rule, value in zip(criteria.rules, rule_values, strict=True)
        if value is None
        for node, _ in deciding_parts(rule.when, None, truth_of)
        if isinstance(node, Element)
    }
    return tuple(f.id for f in criteria.facts if f.id in found)


def project(criteria: Criteria, case: Case) -> tuple[Case, tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The case as ``criteria`` reads it, the facts it does not ask, and the options of a shared list it does not offer.

    A case file can serve several measures (SPEC.md, "Several measures"): a
    measure ignores what it does not ask, and reads a shared list as the
    options it knows, the list staying closed (naming only options it does
    not use means "none of its options").
    """
    if case.read_for == criteria.id:
        return case, (), {}
    facts = criteria.fact_by_id
    unused: list[str] = []
    dropped: dict[str, tuple[str, ...]] = {}
    kept: dict[str, Answer] = {}
    for fact_id, answer in case.answers.items():
        fact = facts.get(fact_id)
        if fact is None:
            unused.append(fact_id)
            continue
        value = answer.value
        if isinstance(value, tuple) and not fact.option_set.issuperset(value):
            dropped[fact_id] = tuple(o for o in value if o not in fact.option_set)
            answer = Answer(tuple(o for o in value if o in fact.option_set), answer.note, answer.line)
        kept[fact_id] = answer
    if not unused and not dropped:
        return case, (), {}
    return Case(case.file, case.meta, kept, case.expects, case.notices, case.decision), tuple(unused), dropped


def date_notices(criteria: Criteria, case: Case) -> tuple[Notice, ...]:
    """A warning when the case's conduct date falls, or may fall, outside the dates the measure was in force."""
    date = case.meta.get("conduct_date")
    force = criteria.in_force
    place = force.place(date) if date else None
    if place is None or place == "within":
        return ()
    period = f"{force.start or '…'} – {force.end or '…'}"
    params: dict[str, object] = {"date": date, "start": force.start or "", "end": force.end or "", "period": period}
    return (Notice(_PLACES[place], params),)


_PLACES = {"before": "conduct_before_force", "after": "conduct_after_force", "across": "conduct_maybe_outside"}


def agreement(d: Determination) -> tuple[bool | None, str | None]:
    """Whether the screening agrees with the recorded decision, and on what.

    Under the decision's own measure the outcomes must be the same; under
    another measure the two can only agree in direction (relief granted, in
    full or in part, or not). A screening that is not comparable neither agrees
    nor disagrees: an undetermined one, and one whose measure does not apply to
    the case (SPEC "Agreement").
    """
    decision = d.case.decision
    if decision is None or not d.decided or not d.outcome.applicable:
        return None, None
    if decision.measure == d.criteria.id:
        return decision.outcome == d.outcome.id, "outcome"
    return decision.favourable == bool(d.outcome.favourable), "favourable"


def evaluate(
    criteria: Criteria, case: Case, *, explain: bool = False, questions: Questions | None = None
) -> Determination:
    """The determination for one case; with ``explain``, also what would change its outcome and what to verify next.

    The case may answer questions of other measures too: those are set aside
    (``unused_answers``) and the rest read as this measure reads them.
    ``questions`` are those the case was read against, to name what is set aside.
    """
    case, unused, dropped = project(criteria, case)
    values = case.values()
    layout = criteria.layout
    truths = layout.program.run(values)  # every condition's value, each evaluated once
    rule_values = tuple(truths[i] for i in layout.rules)
    fired = next((rule for rule, value in zip(criteria.rules, rule_values, strict=True) if value is True), None)
    unchecked: list[str] = []  # the bottom lines no answer has examined, each once
    for element in criteria.exclusions:
        fact = element.fact.id
        if fact not in values and fact not in unchecked:
            unchecked.append(fact)
    determination = Determination(
        case=case,
        criteria=criteria,
        outcome=fired.outcome if fired else criteria.undetermined,
        rule=fired,
        rule_values=rule_values,
        situations=None,  # read off the truths when first asked for
        preconditions=None,
        exclusions=None,
        next_questions=(),
        unchecked_exclusions=tuple(unchecked),
        values=values,
        unused_answers=unused,
        unused_options=dropped,
        notices=date_notices(criteria, case),
        questions=questions,
        truths=truths,
    )
    if fired is None:
        determination.next_questions = open_questions(criteria, values, rule_values, truths)
    if case.decision is not None:
        determination.agrees, determination.agrees_on = agreement(determination)
    if explain:
        from zgrongcuo.engine.counterfactuals import explain as search

        if all(f.id in values for f in criteria.facts):
            determination.to_verify = ()  # every question answered: nothing to weigh (or to import)
        else:
            from zgrongcuo.engine.verification import weigh

            determination.to_verify, determination.to_verify_complete = weigh(determination)
        determination.counterfactuals, determination.counterfactuals_complete = search(determination)
    return determination
