"""Every shipped example meets its own expect: block."""

import pytest
from conftest import ARTICLE_CASE, EXAMPLES

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.io import case_reader

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def test_there_is_an_example_for_every_outcome(criteria):
    outcomes = set()
    for path in EXAMPLE_FILES:
        outcomes.add(case_reader.load(str(path), criteria).expect_for(criteria.id, primary=True).outcome)
    assert outcomes == set(criteria.outcomes)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_meets_its_expectations(criteria, path):
    case = case_reader.load(str(path), criteria)
    expect = case.expect_for(criteria.id, primary=True)
    assert expect is not None and expect.outcome, "every example states what it expects"
    d = evaluate(criteria, case)
    assert d.outcome.id == expect.outcome
    if expect.situations is not None:
        assert d.situations_met == expect.situations
    if expect.next_questions is not None:
        assert d.next_questions == expect.next_questions
    assert case.meta["id"] and case.meta["title"], "examples carry their metadata"


def test_the_article_case_marks_what_is_assumed(criteria):
    case = case_reader.load(str(ARTICLE_CASE), criteria)
    note = case.answers["democratic_decision"].note
    assert note and "假设" in note
    assert evaluate(criteria, case).situations_met == ("S2",)
