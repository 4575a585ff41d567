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


# ---------------------------------------------------------------- every bundled case names its measures

BUNDLED_FOLDERS = ("examples", "measures/wenze-2019/examples", "measures/hubei-2020/examples", "precedents")


@pytest.mark.parametrize("folder", BUNDLED_FOLDERS)
def test_every_bundled_case_names_its_measures_and_runs_with_them_alone(folder):
    """Checked with no --criteria, every file of the folder loads, under the measures it names: those it expects."""
    import io

    from conftest import ROOT

    from zgrongcuo import batch
    from zgrongcuo.authoring import expectations
    from zgrongcuo.io.questions import Selection
    from zgrongcuo.render.contract import RenderOptions
    from zgrongcuo.render.json_output import JsonlRenderer

    path = ROOT / folder
    files = sorted(path.glob("*.yaml"))
    renderer = JsonlRenderer(io.StringIO(), RenderOptions("zh", batch=True))
    results = list(batch.run(batch.tasks_for([str(path)]), Selection(), renderer))
    assert [r.failure for r in results] == [None] * len(files)
    for file in files:
        case = case_reader.load(str(file), Selection())
        assert case.measures, f"{file.name} names its measures"
        assert list(case.measures) == [e.measure for e in case.expects], f"{file.name}: a measure for each expectation"
    report = expectations.run(Selection(), [str(path)])
    assert {r.status for r in report} == {expectations.PASSED}
    assert len(report) == sum(len(case_reader.load(str(f), Selection()).expects) for f in files)


def test_the_three_distinctions_are_quoted_word_for_word_from_one_text():
    """Every quote of them, in every bundled measure, is the 2016 wording as the repository's copy gives it."""
    from conftest import ROOT
    from helpers import quoted_items

    from zgrongcuo.io import criteria_builder

    source = (ROOT / "tests" / "sources" / "three-distinctions-2016.md").read_text(encoding="utf-8")
    speech = next(line for line in source.splitlines() if line.startswith("要把干部"))
    quoted = []
    for name in ("zigui-2018", "wenze-2019", "hubei-2020"):
        quoted += [(name, w, q) for w, q, b in quoted_items(criteria_builder.load(name)) if q and "区分开来" in q]
    quoted += [
        (name, f"exclusion {e.fact.id}", e.quote)
        for name in ("zigui-2018", "wenze-2019", "hubei-2020")
        for e in criteria_builder.load(name).exclusions
        if e.quote and "区分开来" in e.quote
    ]
    quoted = [(n, w, q) for n, w, q in quoted if "要求" not in q]  # the guidance's own "落实“三个区分开来”要求"
    assert len(quoted) >= 10
    assert [(n, w) for n, w, q in quoted if q not in speech] == []
