"""Evaluating a case against criteria: pure, no I/O, no language.

The determination records, for every situation, precondition and exclusion,
each element's status and the answer it rests on; wording is the text layer's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from zgrongcuo.model.case import Answer, Case, Notice
from zgrongcuo.model.conditions import AllOf, AnyOf, Condition, Element, Not, Truth, Values
from zgrongcuo.model.criteria import Criteria, Questions, Rule
from zgrongcuo.model.determination import Determination, ElementResult, SituationResult, status_of


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


def _open_facts(condition: Condition, values: Values, found: list[str]) -> Truth:
    """The value of ``condition``; the facts in its unknown parts are appended to ``found``.

    A part that is decided (a false part of an ``and``, a true part of an
    ``or``, anything definite) leaves nothing in ``found``: answering its
    facts could not change the whole.  One walk, each part evaluated once.
    """
    if isinstance(condition, Element):
        value = condition.evaluate(values)
        if value is None:
            found.append(condition.fact.id)
        return value
    mark = len(found)
    result: Truth
    if isinstance(condition, AllOf):
        result = True
        for part in condition.parts:
            value = _open_facts(part, values, found)
            if value is False:
                result = False
                break
            if value is None:
                result = None
    elif isinstance(condition, AnyOf):
        result = False
        for part in condition.parts:
            value = _open_facts(part, values, found)
            if value is True:
                result = True
                break
            if value is None:
                result = None
    elif isinstance(condition, Not):
        value = _open_facts(condition.part, values, found)
        result = None if value is None else not value
    else:
        result = _open_facts(condition.target, values, found)
    if result is not None:
        del found[mark:]
    return result


def open_questions(criteria: Criteria, values: Values, rule_values: tuple[Truth, ...]) -> tuple[str, ...]:
    """Facts, in asking order, whose answers could still decide an undecided case."""
    found: list[str] = []
    for rule, value in zip(criteria.rules, rule_values, strict=True):
        if value is None:
            _open_facts(rule.when, values, found)
    open_ = set(found)
    return tuple(f.id for f in criteria.facts if f.id in open_)


def _results(elements: Iterable[Element], values: Values, answers: Mapping[str, Answer]) -> tuple[ElementResult, ...]:
    return tuple(ElementResult(e, status_of(e.evaluate(values)), answers.get(e.fact.id)) for e in elements)


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


def _span(date: str) -> tuple[str, str]:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD date can mean, as text that sorts as dates do."""
    if len(date) == 4:
        return date + "-01-01", date + "-12-31"
    if len(date) == 7:
        return date + "-01", date + "-31"
    return date, date


def date_notices(criteria: Criteria, case: Case) -> tuple[Notice, ...]:
    """A warning when the case's conduct date falls, or may fall, outside the dates the measure was in force."""
    date = case.meta.get("conduct_date")
    force = criteria.in_force
    if not date or (force.start is None and force.end is None):
        return ()
    first, last = _span(date)
    period = f"{force.start or '…'} – {force.end or '…'}"
    params: dict[str, object] = {"date": date, "start": force.start or "", "end": force.end or "", "period": period}
    if force.start is not None and last < force.start:
        return (Notice("conduct_before_force", params),)
    if force.end is not None and first > force.end:
        return (Notice("conduct_after_force", params),)
    if (force.start is not None and first < force.start) or (force.end is not None and last > force.end):
        return (Notice("conduct_maybe_outside", params),)
    return ()


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
    answers = case.answers
    fired, rule_values = decide(criteria, values)
    situations = tuple(
        SituationResult(s, status_of(s.condition.evaluate(values)), _results(s.elements, values, answers))
        for s in criteria.situations
    )
    exclusions = _results(criteria.exclusions, values, answers)
    unchecked: list[str] = []
    for result in exclusions:
        if result.fact not in values and result.fact not in unchecked:
            unchecked.append(result.fact)
    determination = Determination(
        case=case,
        criteria=criteria,
        outcome=fired.outcome if fired else criteria.undetermined,
        rule=fired,
        rule_values=rule_values,
        situations=situations,
        preconditions=_results(criteria.preconditions, values, answers),
        exclusions=exclusions,
        next_questions=() if fired else open_questions(criteria, values, rule_values),
        unchecked_exclusions=tuple(unchecked),
        values=values,
        unused_answers=unused,
        unused_options=dropped,
        notices=date_notices(criteria, case),
        questions=questions,
    )
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
