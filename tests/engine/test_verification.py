"""What to verify next: every open question weighed by how much its answer decides, heaviest first."""

import pytest
from conftest import ARTICLE_CASE
from helpers import MEASURE, S2_EXEMPT, answer_sets, make_case
from hypothesis import given
from hypothesis import strategies as st

from zgrongcuo.engine import counterfactuals as search
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.engine.verification import live_rules, weigh
from zgrongcuo.io import case_reader, criteria_builder
from zgrongcuo.model.case import Answer
from zgrongcuo.model.verification import (
    DECIDES,
    IN_EXCLUSION,
    IN_PRECONDITION,
    IN_RULE,
    IN_SITUATION,
    MAY_DECIDE,
    NO_EFFECT,
    WITH_OTHERS,
)

CRITERIA = criteria_builder.load()
ARTICLE = ARTICLE_CASE.read_text(encoding="utf-8")


def article_with(*facts: str, word: str = "待核实"):
    """The article's case with the answers to ``facts`` changed to ``word``."""
    text = ARTICLE
    for fact in facts:
        start = text.index(f"  {fact}:\n    value: ")
        end = text.index("\n", start + len(fact) + 14)
        text = text[:start] + f"  {fact}:\n    value: {word}" + text[end:]
    case = case_reader.loads(text.encode("utf-8"), CRITERIA, "article.yaml")
    return evaluate(CRITERIA, case, explain=True)


def summary(d):
    return [(q.fact.id, q.weight) for q in d.to_verify]


def leads(question):
    return {(lead.change.after, lead.outcome.id, lead.decides, lead.still_open) for lead in question.leads}


def test_the_question_that_decides_either_way_comes_first_and_one_that_cannot_matter_last():
    d = article_with("democratic_decision", "remedied")
    assert d.outcome.id == "undetermined" and d.next_questions == ("democratic_decision",)
    assert summary(d) == [("democratic_decision", DECIDES), ("remedied", NO_EFFECT)]
    first = d.to_verify[0]
    assert first.answered and leads(first) == {(True, "exempt", True, ()), (False, "not_eligible", True, ())}
    assert [(p.kind, p.situation.id) for p in first.places] == [(IN_SITUATION, "S2")]
    assert [r.outcome.id for r in first.rules] == ["not_eligible", "exempt"]
    # Not serious: whether it was remedied leads nowhere (the article's note says as much).
    assert d.to_verify[1].rules == () and d.to_verify[1].leads == ()


def test_a_bottom_line_open_in_every_rule_goes_before_a_situation_s_element_of_the_same_weight():
    d = article_with("democratic_decision", "private_gain")
    assert summary(d) == [("private_gain", MAY_DECIDE), ("democratic_decision", MAY_DECIDE)]
    gain, decision = d.to_verify
    assert [p.kind for p in gain.places] == [IN_EXCLUSION, IN_SITUATION]
    assert len(gain.rules) == 3 and len(decision.rules) == 2
    assert leads(gain) == {(True, "not_tolerated", True, ()), (False, "undetermined", False, ("democratic_decision",))}
    assert leads(decision) == {(True, "undetermined", False, ("private_gain",)), (False, "not_eligible", True, ())}


def test_grading_questions_weigh_by_what_they_settle():
    d = article_with("serious_consequence", "remedied")
    assert summary(d) == [("serious_consequence", MAY_DECIDE), ("remedied", WITH_OTHERS)]
    serious, remedied = d.to_verify
    assert {p.kind for p in serious.places} == {IN_RULE}
    assert leads(remedied) == {
        (True, "undetermined", False, ("serious_consequence",)),
        (False, "undetermined", False, ("serious_consequence",)),
    }


def test_not_answered_and_answered_unknown_are_told_apart():
    d = evaluate(CRITERIA, make_case({k: v for k, v in S2_EXEMPT.items() if k != "private_gain"} | {"diligent": None}), explain=True)
    states = {q.fact.id: q.answered for q in d.to_verify}
    assert states == {"private_gain": False, "diligent": True}


def test_a_decided_case_lists_the_bottom_line_that_could_still_change_it():
    answers = dict(S2_EXEMPT, context=(), private_gain=None)
    d = evaluate(CRITERIA, make_case(answers), explain=True)
    assert d.outcome.id == "not_eligible" and d.unchecked_exclusions == ("private_gain",)
    (gain,) = d.to_verify
    assert gain.weight == MAY_DECIDE
    assert leads(gain) == {(True, "not_tolerated", True, ()), (False, "not_eligible", False, ())}
    assert [p.kind for p in gain.places] == [IN_EXCLUSION]  # situation 2 is already out: its element decides nothing


def test_a_precondition_is_named_as_one():
    answers = dict(S2_EXEMPT)
    del answers["diligent"]
    d = evaluate(CRITERIA, make_case(answers), explain=True)
    (diligent,) = d.to_verify
    assert diligent.weight == DECIDES and [p.kind for p in diligent.places] == [IN_PRECONDITION]


def test_every_question_answered_leaves_nothing_to_verify():
    d = evaluate(CRITERIA, make_case(S2_EXEMPT), explain=True)
    assert d.to_verify == () and d.to_verify_complete


def test_without_explain_nothing_is_weighed():
    assert evaluate(CRITERIA, make_case({})).to_verify is None


def test_a_made_up_measure_is_weighed_by_the_same_engine():
    measure = criteria_builder.loads(MEASURE.encode("utf-8"), "m.yaml")
    d = evaluate(measure, case_reader.loads(b"answers:\n  reason: [illness]\n", measure, "c.yaml"), explain=True)
    assert [(q.fact.id, q.weight) for q in d.to_verify] == [("damaged", DECIDES)]


def test_the_budget_bounds_the_work_and_says_when_it_ran_out():
    d = evaluate(CRITERIA, make_case({}))
    found, complete = weigh(d, budget=1)
    assert not complete
    assert [q.fact.id for q in found if q.weighed] == []
    assert {q.weight for q in found} <= {WITH_OTHERS, NO_EFFECT}
    assert sorted(q.fact.index for q in found) == list(range(len(CRITERIA.facts)))


@given(answer_sets(CRITERIA), st.sets(st.sampled_from([f.id for f in CRITERIA.facts])))
def test_weights_are_what_evaluating_each_answer_gives(answers, dropped):
    case = make_case({k: v for k, v in answers.items() if k not in dropped})
    d = evaluate(CRITERIA, case, explain=True)
    open_ = [f.id for f in CRITERIA.facts if f.id not in d.values]
    assert sorted(q.fact.id for q in d.to_verify) == sorted(open_)
    weights = [q.weight for q in d.to_verify]
    assert weights == sorted(weights)
    if not d.decided:
        assert set(d.next_questions) == {q.fact.id for q in d.to_verify if q.weight != NO_EFFECT}
    live = {r.number for r in live_rules(d)}
    for q in d.to_verify:
        assert q.answered == (q.fact.id in case.answers)
        assert {r.number for r in q.rules} <= live
        for lead in q.leads:
            changed = case.copy()
            changed.answers[q.fact.id] = Answer(lead.change.after)
            again = evaluate(CRITERIA, changed)
            assert again.outcome is lead.outcome
            assert lead.decides == (again.decided if not d.decided else again.outcome is not d.outcome)
            assert lead.still_open == (again.next_questions if not again.decided else ())
        if q.weight == NO_EFFECT:  # whatever it is answered, the outcome stays (Kleene logic is monotone)
            for value in ([True, False] if q.fact.type == "yesno" else [(), *((o,) for o in q.fact.option_ids)]):
                changed = case.copy()
                changed.answers[q.fact.id] = Answer(value)
                assert evaluate(CRITERIA, changed).outcome is d.outcome
    # What the engine attached for an undetermined case is what the search on its own finds.
    if not d.decided:
        alone, _ = search.open_answers(CRITERIA, d.values, d.next_questions)
        assert list(d.counterfactuals) == alone


@pytest.mark.parametrize("name", ["wenze-2019", "hubei-2020"])
def test_the_other_bundled_measures_weigh_every_question_of_a_blank_case(name):
    measure = criteria_builder.load(name)
    d = evaluate(measure, make_case({}), explain=True)
    assert len(d.to_verify) == len(measure.facts) and d.to_verify_complete
    assert d.to_verify[0].weight < NO_EFFECT
