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
def test_example_states_its_outcome_and_carries_its_metadata(criteria, path):
    # Whether each example meets its expect: block is a test item of its own (conftest.py at the top).
    case = case_reader.load(str(path), criteria)
    expect = case.expect_for(criteria.id, primary=True)
    assert expect is not None and expect.outcome, "every example states what it expects"
    assert case.meta["id"] and case.meta["title"], "examples carry their metadata"


def test_the_examples_are_collected_as_test_items():
    import subprocess
    import sys

    from conftest import ROOT

    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-k", "zigui-2014-57"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert "examples/zigui-2014-57-insurance.yaml::zigui-2018" in done.stdout.splitlines(), done.stdout
    assert "precedents/2018-zigui-construction-insurance.yaml::hubei-2020" not in done.stdout


def test_the_article_case_marks_what_is_assumed(criteria):
    case = case_reader.load(str(ARTICLE_CASE), criteria)
    note = case.answers["democratic_decision"].note
    assert note and "假设" in note
    assert evaluate(criteria, case).situations_met == ("S2",)
