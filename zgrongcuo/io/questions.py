"""Several measures at once: loading the ones ``--criteria`` names, and the questions they ask together.

Measures that ask the same question use the same fact id, and an option id
means one thing in every measure (SPEC.md, "Several measures").  Here the
shared ids are checked to agree — a fact that is yes/no in one measure and a
list in another cannot be answered once for both — and a shared list offers
the union of the options.
"""

from __future__ import annotations

from collections.abc import Sequence

from zgrongcuo.errors import CriteriaError, UsageError
from zgrongcuo.io.document import join
from zgrongcuo.model.criteria import Criteria, Fact, Questions


def load_measures(specs: Sequence[str | Criteria | None]) -> tuple[Criteria, ...]:
    """The measures named (or given, loaded), in the order given (none named: the default measure)."""
    from zgrongcuo.io.criteria_builder import load

    measures: list[Criteria] = []
    for spec in specs or (None,):
        criteria = spec if isinstance(spec, Criteria) else load(spec)
        for earlier in measures:
            if earlier.id == criteria.id:
                raise UsageError("measure_twice", name=criteria.id, first=earlier.path, second=criteria.path)
        measures.append(criteria)
    return tuple(measures)


def questions(measures: Sequence[Criteria]) -> Questions:
    """The questions of ``measures`` together; a CriteriaError where two of them use one id differently."""
    if len(measures) == 1:
        return Questions.single(measures[0])
    facts: dict[str, Fact] = {}
    owner: dict[str, Criteria] = {}
    for criteria in measures:
        for fact in criteria.facts:
            seen = facts.get(fact.id)
            if seen is None:
                facts[fact.id], owner[fact.id] = fact, criteria
                continue
            if seen.type != fact.type:
                raise CriteriaError(
                    "shared_fact_type",
                    file=criteria.path,
                    line=fact.line,
                    key=join("facts", fact.id),
                    fact=fact.id,
                    type=fact.type,
                    other=owner[fact.id].id,
                    other_type=seen.type,
                )
            extra = tuple(o for o in fact.options if o.id not in seen.option_ids)
            if extra:
                facts[fact.id] = Fact(
                    seen.id, seen.type, seen.label, seen.question, seen.help, seen.options + extra,
                    seen.quote, seen.basis, seen.note, seen.index, seen.line,
                )  # fmt: skip
    return Questions(tuple(measures), tuple(facts.values()))


def elsewhere(name: str, selected: Sequence[Criteria], *, option_of: str | None = None) -> str | None:
    """A bundled measure, not among ``selected``, that asks the question ``name`` (or has that option of ``option_of``).

    Only looked up when a case file names an id the selected measures do not
    know, so that the message can say which ``--criteria`` to add.
    """
    from zgrongcuo.errors import ZgError
    from zgrongcuo.io.criteria_builder import load
    from zgrongcuo.io.measures import bundled_measures

    chosen = {c.id for c in selected}
    for measure, path in bundled_measures().items():
        if measure in chosen:
            continue
        try:
            criteria = load(path)
        except ZgError:
            continue
        if criteria.id in chosen:
            continue
        if option_of is None:
            if name in criteria.fact_by_id:
                return criteria.id
        else:
            fact = criteria.fact_by_id.get(option_of)
            if fact is not None and name in fact.option_ids:
                return criteria.id
    return None
