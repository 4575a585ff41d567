"""How close two cases' answers are, weighted by what can change an outcome: pure, no I/O, no language.

A case is seen as features: each yes/no question answered yes or no, and
each option of an answered list, chosen or not.  A feature counts only when
both cases know it — an unknown answer is neither agreement nor
disagreement.  Features that some rule of the measures weighed can test (a
question or an option an element of a situation, precondition or bottom line
names) weigh ``DECIDING``; the others (answered, but tested by no rule of
those measures) weigh ``BACKGROUND``.  An option neither case chose agrees
at ``ABSENT`` of its weight: two cases that both name their context are alike
in that; that neither names a third context says less.  The similarity is the weighted share
of agreeing features, drawn towards one half by a prior worth ``PRIOR`` of
weight, so that two cases that share one known answer do not outrank two
that share ten::

    similarity = (agreeing weight + PRIOR / 2) / (compared weight + PRIOR)

It is 1 only in the limit; identical cases with many answers come close to
it, and cases with nothing in common known sit at one half.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from zgrongcuo.model.case import Case
from zgrongcuo.model.conditions import Element, elements_of
from zgrongcuo.model.criteria import Criteria, Fact
from zgrongcuo.model.precedents import Comparison, Feature

DECIDING = 1.0  # a question or option some rule of the measures tests
BACKGROUND = 0.1  # answered, but no rule of the measures tests it: it cannot change an outcome
PRIOR = 2.0  # weight of evidence that pulls a similarity towards one half
ABSENT = 0.25  # share of its weight an option counts with when neither case chose it


def deciding_features(measures: Iterable[Criteria]) -> frozenset[Feature]:
    """The questions and options the measures' rules test (through situations, preconditions and bottom lines)."""
    found: set[Feature] = set()
    for criteria in measures:
        elements: list[Element] = [*criteria.preconditions, *criteria.exclusions]
        for situation in criteria.situations:
            elements.extend(situation.elements)
        for rule in criteria.rules:
            elements.extend(elements_of(rule.when))
        for element in elements:
            fact = element.fact
            if fact.type == "yesno":
                found.add((fact.id, ""))
            else:
                found.update((fact.id, option) for option in element.options)
    return frozenset(found)


def features(case: Case, facts: Mapping[str, Fact]) -> dict[Feature, bool]:
    """The case's known answers as features: yes/no, and each option of a known list, chosen or not."""
    out: dict[Feature, bool] = {}
    for fact_id, answer in case.answers.items():
        value = answer.value
        if value is None:
            continue
        if isinstance(value, bool):
            out[(fact_id, "")] = value
            continue
        fact = facts.get(fact_id)
        options = fact.option_ids if fact is not None else tuple(value)
        chosen = set(value)
        for option in options:
            out[(fact_id, option)] = option in chosen
    return out


class Weigher:
    """Compares cases against one case, with the weights of the measures given."""

    def __init__(self, measures: Iterable[Criteria]) -> None:
        self.deciding = deciding_features(measures)

    def weight(self, feature: Feature) -> float:
        return DECIDING if feature in self.deciding else BACKGROUND

    def compare(self, mine: Mapping[Feature, bool], theirs: Mapping[Feature, bool]) -> Comparison:
        agreeing = compared = 0.0
        differing: list[Feature] = []
        weight = self.weight
        for feature, value in mine.items():
            other = theirs.get(feature)
            if other is None:
                continue  # unknown on one side: neither agreement nor disagreement
            w = weight(feature)
            if other == value:
                if not value and feature[1]:  # an option neither chose
                    w *= ABSENT
                agreeing += w
            else:
                differing.append(feature)
            compared += w
        differing.sort(key=lambda f: -weight(f))
        similarity = (agreeing + PRIOR / 2) / (compared + PRIOR)
        return Comparison(similarity, agreeing, compared, tuple(differing))
