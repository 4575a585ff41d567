"""The engine's truth tables on the bundled Zigui criteria, and its generic semantics."""

import pytest
from helpers import CLEAN, EXCLUSIONS, MEETS, S2_EXEMPT, make_case

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.model import conditions as c

ALL_FACTS = list(S2_EXEMPT)


def run(criteria, answers):
    return evaluate(criteria, make_case(answers))


def situation_status(d, sid):
    return next(s.status for s in d.situations if s.situation.id == sid)


# ---------------------------------------------------------------- situations


@pytest.mark.parametrize("sid", sorted(MEETS))
def test_each_situation_is_met_by_its_elements_alone(criteria, sid):
    d = run(criteria, {**CLEAN, **MEETS[sid]})
    assert d.situations_met == (sid,)
    assert d.outcome.id == "exempt"


@pytest.mark.parametrize("sid", sorted(MEETS))
def test_each_element_is_necessary(criteria, sid):
    """Breaking any one element of a situation makes it not met (and the case not eligible)."""
    for fact, value in MEETS[sid].items():
        broken = () if isinstance(value, tuple) else (not value)
        d = run(criteria, {**CLEAN, **MEETS[sid], fact: broken})
        assert situation_status(d, sid) == "not_met", fact
        element = next(e for s in d.situations if s.situation.id == sid for e in s.elements if e.fact == fact)
        assert element.status == "not_met"


@pytest.mark.parametrize("sid", sorted(MEETS))
def test_an_unanswered_element_leaves_the_situation_unknown(criteria, sid):
    for fact in MEETS[sid]:
        answers = {**CLEAN, **MEETS[sid]}
        del answers[fact]
        d = run(criteria, answers)
        assert situation_status(d, sid) == "unknown", fact


@pytest.mark.parametrize(
    ("situation", "fact", "options", "met"),
    [
        ("S1", "consequences", ("error",), True),
        ("S1", "consequences", ("conflict", "loss"), True),
        ("S1", "consequences", ("loss",), False),
        ("S2", "causes", ("pilot",), True),
        ("S2", "causes", ("inexperience", "pilot"), True),
        ("S2", "causes", ("unclear_policy",), False),
        ("S2", "consequences", ("error",), True),
        ("S3", "causes", ("unclear_policy",), True),
        ("S3", "consequences", ("unmet_expectation",), False),
        ("S4", "context", ("mass_or_sudden_incident",), True),
        ("S4", "context", ("major_accident",), True),
        ("S4", "causes", ("decisive_action",), True),
        ("S4", "causes", ("breaking_obstacles",), True),
        ("S4", "consequences", ("loss",), True),
        ("S4", "consequences", ("error",), False),
        ("S5", "context", ("urgent_difficult_task",), True),
        ("S5", "consequences", ("loss",), True),
        ("S5", "consequences", ("error",), True),
        ("S5", "consequences", ("conflict",), False),
    ],
)
def test_set_memberships(criteria, situation, fact, options, met):
    d = run(criteria, {**CLEAN, **MEETS[situation], fact: options})
    assert situation_status(d, situation) == ("met" if met else "not_met")


def test_s2_needs_no_private_gain_and_a_democratic_decision(criteria):
    d = run(criteria, {**CLEAN, **MEETS["S2"], "democratic_decision": False})
    assert situation_status(d, "S2") == "not_met"
    assert d.outcome.id == "not_eligible"


def test_s1_needs_conformity_with_the_superior_decision(criteria):
    d = run(criteria, {**CLEAN, **MEETS["S1"], "conformed_to_superior_decision": False})
    assert d.outcome.id == "not_eligible"


# ----------------------------------------------------------- outcome rules


@pytest.mark.parametrize("fact", EXCLUSIONS)
def test_any_exclusion_means_not_tolerated(criteria, fact):
    d = run(criteria, {**S2_EXEMPT, fact: True})
    assert d.outcome.id == "not_tolerated"
    assert d.rule.number == 1
    assert d.outcome.favourable is False
    touched = [e.fact for e in d.exclusions if e.status == "met"]
    assert touched == [fact]


@pytest.mark.parametrize("fact", ["diligent", "decision_procedure_followed"])
def test_a_failed_precondition_means_not_eligible(criteria, fact):
    d = run(criteria, {**S2_EXEMPT, fact: False})
    assert d.outcome.id == "not_eligible"
    assert d.rule.number == 2
    assert [p.status for p in d.preconditions if p.fact == fact] == ["not_met"]


@pytest.mark.parametrize(
    ("serious", "remedied", "outcome", "rule", "favourable"),
    [
        (False, False, "exempt", 3, True),
        (False, True, "exempt", 3, True),
        (False, None, "exempt", 3, True),
        (True, True, "mitigated", 4, True),
        (True, False, "beyond_tolerance", 5, False),
        (True, None, "undetermined", None, None),
        (None, True, "undetermined", None, None),
    ],
)
def test_grading_by_consequence_and_remedy(criteria, serious, remedied, outcome, rule, favourable):
    d = run(criteria, {**S2_EXEMPT, "serious_consequence": serious, "remedied": remedied})
    assert d.outcome.id == outcome
    assert (d.rule.number if d.rule else None) == rule
    assert d.outcome.favourable is favourable


def test_the_article_case_is_exempt_under_situation_2(criteria):
    d = run(criteria, S2_EXEMPT)
    assert (d.outcome.id, d.rule.number, d.situations_met) == ("exempt", 3, ("S2",))
    assert d.next_questions == ()
    assert d.unchecked_exclusions == ()


# ------------------------------------------------------- unknowns and open questions


def test_nothing_answered_is_undetermined_with_every_question_open(criteria):
    d = run(criteria, {})
    assert d.outcome.id == "undetermined"
    assert d.rule is None
    assert d.next_questions == tuple(f.id for f in criteria.facts)
    assert d.unchecked_exclusions == EXCLUSIONS


def test_outside_every_situation_is_not_eligible_even_with_bottom_lines_unexamined(criteria):
    d = run(criteria, {"context": [], "causes": [], "consequences": []})
    assert d.outcome.id == "not_eligible"
    assert d.next_questions == ()
    assert d.unchecked_exclusions == EXCLUSIONS


def test_favourable_outcomes_need_every_exclusion_answered_no(criteria):
    answers = dict(S2_EXEMPT)
    del answers["major_liability_accident"]
    d = run(criteria, answers)
    assert d.outcome.id == "undetermined"
    assert d.next_questions == ("major_liability_accident",)
    assert d.unchecked_exclusions == ("major_liability_accident",)


def test_open_questions_skip_facts_under_a_false_and(criteria):
    """Situation 2 is met; the other situations' own facts cannot change anything."""
    answers = {**S2_EXEMPT}
    del answers["serious_consequence"]
    del answers["conformed_to_superior_decision"]
    d = run(criteria, answers)
    assert d.outcome.id == "undetermined"
    # conformed_to_superior_decision only matters to S1, which is already false
    # (its context element fails), and eligibility is already true via S2.
    assert d.next_questions == ("serious_consequence",)


def test_open_questions_are_in_asking_order(criteria):
    answers = {**S2_EXEMPT}
    for fact in ("remedied", "diligent", "context", "serious_consequence"):
        del answers[fact]
    d = run(criteria, answers)
    order = [f.id for f in criteria.facts]
    assert list(d.next_questions) == sorted(d.next_questions, key=order.index)
    assert "remedied" not in d.next_questions or "serious_consequence" in d.next_questions


def test_remedy_is_asked_only_once_the_consequence_is_serious(criteria):
    answers = {**S2_EXEMPT}
    del answers["remedied"]
    assert run(criteria, answers).outcome.id == "exempt"
    answers["serious_consequence"] = True
    d = run(criteria, answers)
    assert d.outcome.id == "undetermined"
    assert d.next_questions == ("remedied",)


# ------------------------------------------------------------- Kleene logic

T, F, U = True, False, None


class Const:
    def __init__(self, value):
        self.value = value

    def evaluate(self, answers):
        return self.value


@pytest.mark.parametrize(
    ("a", "b", "conj", "disj"),
    [
        (T, T, T, T),
        (T, F, F, T),
        (T, U, U, T),
        (F, F, F, F),
        (F, U, F, U),
        (U, U, U, U),
    ],
)
def test_kleene_tables(a, b, conj, disj):
    for x, y in ((a, b), (b, a)):
        assert c.AllOf((Const(x), Const(y))).evaluate({}) is conj
        assert c.AnyOf((Const(x), Const(y))).evaluate({}) is disj
    assert c.Not(Const(a)).evaluate({}) is (None if a is None else not a)
