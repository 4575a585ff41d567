"""Linting a criteria file: what loading accepts but its authors would not mean.

Loading (criteria.loads) already refuses every schema error, dangling
reference and missing translation; the linter reports that one error, or, for
criteria that load, warnings about parts that can never matter: facts and
options nothing uses, situations that can never be met, rules that can never
fire, outcomes no rule gives, elements without a stated basis, and, in a measure
that names the materials establishing its facts, a fact the rules use that
names none or names one twice.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from zgrongcuo.errors import CriteriaError, ZgError
from zgrongcuo.model import conditions as c
from zgrongcuo.model.base import Record
from zgrongcuo.model.conditions import AnswerValue
from zgrongcuo.model.criteria import Criteria, Fact, Rule

ERROR, WARNING = "error", "warning"
# Answer combinations one rule search may visit before it gives up and says so, and element
# tests the searches of one run may make in all (a measure of thousands of facts makes
# thousands per combination): under a second of work.
SEARCH_BUDGET = 200_000
SEARCH_WORK = 5_000_000
# A set fact's tested options are enumerated as subsets up to this many options.
MAX_OPTIONS_ENUMERATED = 12


class Finding(Record):
    """One problem: an error (the file cannot be used) or a warning (it can, but something is off)."""

    __slots__ = ("severity", "problem")

    def __init__(self, severity: str, problem: ZgError) -> None:
        self.severity = severity
        self.problem = problem

    def to_json(self, lang: str) -> dict[str, object]:
        return {"severity": self.severity, "id": self.problem.msg_id, **self.problem.to_json(lang)}


def lint_path(spec: str | Path | None) -> tuple[str, list[Finding]]:
    """The criteria file named by ``spec`` (None: the bundled one) and its findings."""
    from zgrongcuo.io.criteria_builder import load
    from zgrongcuo.io.measures import resolve

    try:
        path = str(resolve(str(spec) if spec is not None else None))
        loaded = load(path)
    except ZgError as error:
        return str(spec or "-") if error.file is None else error.file, [Finding(ERROR, error)]
    return path, lint(loaded)


def lint(criteria: Criteria) -> list[Finding]:
    """Warnings about criteria that loaded, in the order of the file."""
    linter = _Linter(criteria)
    linter.run()
    return sorted(linter.found, key=lambda f: (f.problem.line or 0, f.problem.key or ""))


class _Linter:
    def __init__(self, criteria: Criteria) -> None:
        self.criteria = criteria
        self.found: list[Finding] = []
        self.work_left = SEARCH_WORK

    def warn(self, msg_id: str, line: int | None, key: str, **params: Any) -> None:
        self.found.append(Finding(WARNING, CriteriaError(msg_id, file=self.criteria.path, line=line, key=key, **params)))

    def run(self) -> None:
        self.unused()
        self.impossible_situations()
        self.rules_that_never_fire()
        self.missing_basis()
        self.cues()
        self.materials()

    # -- what nothing uses

    def unused(self) -> None:
        crit = self.criteria
        reached: set[tuple[str, str]] = set()  # (kind, name) of the Refs the rules reach
        used_facts: set[str] = set()
        for rule in crit.rules:
            for node in c.nodes_of(rule.when):
                if isinstance(node, c.Element):
                    used_facts.add(node.fact.id)
                elif isinstance(node, c.Ref) and node.kind != "situations":  # the group's own Refs name each situation
                    reached.add((node.kind, node.name))
        for fact in crit.facts:
            if fact.id not in used_facts:
                self.warn("lint.unused_fact", fact.line, f"facts[{fact.id}]", name=fact.id)
        situations_reached = {name for kind, name in reached if kind == "situation"}
        for situation in crit.situations:
            if situation.id not in situations_reached:
                self.warn("lint.unused_situation", situation.line, f"situations[{situation.id}]", name=situation.id)
        refs = {name for kind, name in reached if kind == "ref"}
        for name in crit.conditions:
            if name not in refs:
                self.warn("lint.unused_condition", None, f"conditions.{name}", name=name)
        tested: set[tuple[str, str]] = set()
        for element in self.all_elements():
            if isinstance(element.operand, tuple):
                tested.update((element.fact.id, o) for o in element.operand)
        for fact in crit.facts:
            if fact.id not in used_facts:
                continue  # said once, for the fact
            for option in fact.options:
                if (fact.id, option.id) not in tested:
                    self.warn(
                        "lint.unused_option",
                        option.line,
                        f"facts[{fact.id}].options[{option.id}]",
                        name=option.id,
                        fact=fact.id,
                    )
        named = {r.outcome.id for r in crit.rules}
        for outcome in crit.outcomes.values():
            if outcome.id != crit.undetermined.id and outcome.id not in named:
                self.warn("lint.unused_outcome", outcome.line, f"outcomes[{outcome.id}]", name=outcome.id)

    # -- cues for suggestions from written accounts

    def cues(self) -> None:
        """Phrases that would be found nearly anywhere, or that show two options of one list at once."""
        from zgrongcuo.suggestion.cues import parts

        for fact in self.criteria.facts:
            key = f"facts[{fact.id}]"
            phrases = [(p, fact.line, f"{key}.cues") for ps in fact.cues.values() for p in ps]
            if fact.cues_unless and not fact.cues:
                self.warn("lint.cue_unless_alone", fact.line, f"{key}.cues.unless", fact=fact.id)
            owner: dict[str, str] = {}
            for option in fact.options:
                okey = f"{key}.options[{option.id}].cues"
                phrases += [(p, option.line, okey) for p in option.cues]
                for phrase in option.cues:
                    if phrase in owner:
                        self.warn(
                            "lint.cue_two_options", option.line, okey, phrase=phrase, first=owner[phrase],
                            option=option.id, fact=fact.id,
                        )  # fmt: skip
                    owner.setdefault(phrase, option.id)
            for phrase, line, where in phrases:
                if len("".join(parts(phrase))) < 2:
                    self.warn("lint.cue_short", line, where, phrase=phrase)

    def all_elements(self) -> list[c.Element]:
        crit = self.criteria
        out = [e for s in crit.situations for e in s.elements]
        out += [*crit.preconditions, *crit.exclusions]
        for condition in crit.conditions.values():
            out += c.elements_of(condition)
        for rule in crit.rules:
            out += c.elements_of(rule.when)
        return out

    # -- situations that can never be met

    def impossible_situations(self) -> None:
        for situation in self.criteria.situations:
            fact = _contradiction(situation.elements)
            if fact is not None:
                self.warn(
                    "lint.impossible_situation",
                    situation.line,
                    f"situations[{situation.id}]",
                    name=situation.id,
                    fact=fact.id,
                )
        fact = _contradiction(self.criteria.preconditions)
        if fact is not None:
            first = self.criteria.preconditions[0]
            self.warn("lint.impossible_preconditions", first.line, "preconditions", fact=fact.id)

    # -- rules that can never fire

    def rules_that_never_fire(self) -> None:
        rules = self.criteria.rules
        for j, rule in enumerate(rules):
            alone = self.search(rule.when, ())
            if alone.found is False:
                self.warn_rule("lint.rule_never_true", rule, **alone.how())
                continue
            earlier = tuple(r.when for r in rules[:j])
            if not earlier:
                continue
            result = self.search(rule.when, earlier)
            if result.found is False:
                self.warn_rule("lint.rule_shadowed", rule, **result.how())
            elif result.found is None:
                self.warn_rule("lint.rule_search_incomplete", rule, count=result.visited)

    def warn_rule(self, msg_id: str, rule: Rule, **params: Any) -> None:
        self.warn(msg_id, rule.line, f"rules[{rule.number}]", number=rule.number, outcome=rule.outcome.id, **params)

    def search(self, target: c.Condition, earlier: tuple[c.Condition, ...]) -> _Search:
        # One budget for the whole run: a measure of many rules cannot multiply it.
        result = _search(self.criteria, target, earlier, self.work_left)
        self.work_left = max(self.work_left - result.spent, 0)
        return result

    # -- basis

    def missing_basis(self) -> None:
        crit = self.criteria
        groups = [(f"situations[{s.id}].all", s.elements, s.basis) for s in crit.situations]
        groups += [("preconditions", crit.preconditions, None), ("exclusions", crit.exclusions, None)]
        for key, elements, inherited in groups:
            for element in elements:
                if element.basis is None and inherited is None:
                    self.warn(
                        "lint.element_without_basis",
                        element.line,
                        element.key or key,
                        fact=element.fact.id,
                    )


    # -- materials (the 核实清单)

    def materials(self) -> None:
        crit = self.criteria
        if not any(f.materials for f in crit.facts):
            return  # a measure that names no materials at all has chosen not to: nothing to say per fact
        used = {element.fact.id for rule in crit.rules for element in c.elements_of(rule.when)}
        for fact in crit.facts:
            key = f"facts[{fact.id}]"
            if not fact.materials and fact.id in used:
                self.warn("lint.materials_missing", fact.line, key, name=fact.id)
            seen: set[str] = set()
            for n, item in enumerate(fact.materials, 1):
                for words in item.values():
                    if words in seen:
                        self.warn("lint.materials_repeated", fact.line, f"{key}.materials[{n}]", name=fact.id, item=words)
                        break
                else:
                    seen.update(item.values())


# ------------------------------------------------------------- answer spaces


def _answers_for(fact: Fact, elements: list[c.Element]) -> list[AnswerValue]:
    """Definite answers to ``fact`` that differ for ``elements``: one per distinct result of the tests.

    Only the options the tests name matter; answers that give every test the
    same values are interchangeable, so one of each kind is kept.
    """
    if fact.type == "yesno":
        return [True, False]
    named = sorted({o for e in elements for o in e.options}, key=fact.option_ids.index)
    if len(named) > MAX_OPTIONS_ENUMERATED:
        return [(), *((o,) for o in named), tuple(named)]  # a sample, not every subset
    seen: dict[tuple[bool | None, ...], tuple[str, ...]] = {}
    for size in range(len(named) + 1):
        for subset in itertools.combinations(named, size):
            signature = tuple(e.evaluate({fact.id: subset}) for e in elements)
            seen.setdefault(signature, subset)
    return list(seen.values())


def _contradiction(elements: tuple[c.Element, ...]) -> Fact | None:
    """The first fact whose elements, all required together, no answer satisfies."""
    by_fact: dict[str, list[c.Element]] = {}
    for element in elements:
        by_fact.setdefault(element.fact.id, []).append(element)
    for tests in by_fact.values():
        fact = tests[0].fact
        if not any(all(e.evaluate({fact.id: a}) for e in tests) for a in _answers_for(fact, tests)):
            return fact
    return None


class _Search(Record):
    __slots__ = ("found", "visited", "facts", "exhaustive", "spent")

    def __init__(self, found: bool | None, visited: int, facts: int, exhaustive: bool, spent: int = 0) -> None:
        self.found = found  # True: an answer set fires the rule; False: none can; None: budget ran out
        self.visited = visited
        self.facts = facts
        self.exhaustive = exhaustive  # every answer kind was considered (no sampled set fact)
        self.spent = spent  # element tests made

    def how(self) -> dict[str, object]:
        return {"method": "lint.exhaustive" if self.exhaustive else "lint.sampled", "count": self.visited, "facts": self.facts}


def _search(criteria: Criteria, target: c.Condition, earlier: tuple[c.Condition, ...], work: int = SEARCH_WORK) -> _Search:
    """Is there an answer set (any fact may stay unknown) where ``target`` is true and no earlier rule is?

    Kleene conditions are monotone in what is known: a condition that is true
    (or false) with some facts unknown stays so whatever they are answered.
    So a partial answer set that already makes an earlier rule true, or the
    target false, is cut off with everything below it; one that makes the
    target true and no earlier rule true is a witness, with the rest unknown.
    Over the facts involved this is an exhaustive search, of at most ``work``
    element tests (``_Search.spent`` says how many it made).
    """
    elements = c.elements_of(target) + [e for cond in earlier for e in c.elements_of(cond)]
    by_fact: dict[str, list[c.Element]] = {}
    for element in elements:
        by_fact.setdefault(element.fact.id, []).append(element)
    facts = [f for f in criteria.facts if f.id in by_fact]
    exhaustive = all(
        f.type == "yesno" or len({o for e in by_fact[f.id] for o in e.options}) <= MAX_OPTIONS_ENUMERATED for f in facts
    )
    # Facts of the target first: the target's truth is settled soonest.
    target_facts = {e.fact.id for e in c.elements_of(target)}
    facts.sort(key=lambda f: (f.id not in target_facts, f.index))
    # Definite answers first: a rule that can fire usually does so on a full
    # answer set, found at the first descent; unknown is tried last.
    choices: list[list[AnswerValue | None]] = [[*_answers_for(f, by_fact[f.id]), None] for f in facts]
    answers: dict[str, AnswerValue] = {}
    # What one visit costs: every element test of the target and the earlier rules.
    cost = max(1, len(elements))
    budget = min(SEARCH_BUDGET, max(work // cost, 1))

    def settled(i: int) -> bool | None:
        """True: a witness; False: nothing below this partial answer set; None: go on with fact ``i``."""
        if any(cond.evaluate(answers) is True for cond in earlier):
            return False
        value = target.evaluate(answers)
        if value is True:
            return True
        if value is False or i == len(facts):
            return False
        return None

    # Depth first, one level per fact, on a stack of its own: a measure of thousands
    # of facts is as deep, and Python's recursion is not.
    visited = 1
    at_root = settled(0)
    if at_root is not None:
        return _Search(at_root, visited, len(facts), exhaustive, cost)
    choice_at = [0]  # per level: the next answer to try for that level's fact
    while choice_at:
        level = len(choice_at) - 1
        fact_id = facts[level].id
        k = choice_at[level]
        if k == len(choices[level]):  # every answer tried: back up a level
            answers.pop(fact_id, None)
            choice_at.pop()
            continue
        choice_at[level] = k + 1
        choice = choices[level][k]
        if choice is None:
            answers.pop(fact_id, None)
        else:
            answers[fact_id] = choice
        visited += 1
        if visited > budget:
            return _Search(None, visited, len(facts), exhaustive, visited * cost)
        below = settled(level + 1)
        if below is True:
            return _Search(True, visited, len(facts), exhaustive, visited * cost)
        if below is None:
            choice_at.append(0)
    return _Search(False, visited, len(facts), exhaustive, visited * cost)
