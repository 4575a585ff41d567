"""The Hubei 2020 epidemic-response guidance: a third real measure, with outcomes of its own."""

import json

import pytest
from conftest import ROOT
from helpers import quoted_items
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.io import case_reader, criteria_builder
from zgrongcuo.io.questions import questions

runner = CliRunner()
EXAMPLES = ROOT / "measures" / "hubei-2020" / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
SOURCE = (ROOT / "tests" / "sources" / "hubei-2020-notice.md").read_text(encoding="utf-8")
TEXT = SOURCE[SOURCE.index("为深入贯彻落实") :]  # the guidance itself, after the notes on where it was read


@pytest.fixture(scope="module")
def hubei():
    return criteria_builder.load("hubei-2020")


@pytest.fixture(scope="module")
def asked(hubei, criteria):
    return questions((hubei, criteria))


def run(*args):
    return runner.invoke(app, [*map(str, args)])


def test_every_quote_of_the_guidance_is_word_for_word(hubei):
    quoted = [(w, q) for w, q, b in quoted_items(hubei) if q and b == "guidance"]
    assert len(quoted) >= 30
    assert [w for w, q in quoted if q not in TEXT] == []


def test_what_is_the_tools_reading_is_not_labelled_the_guidances(hubei):
    # The guidance names no bottom line and no order among its rules: both are readings made here.
    assert {e.basis for e in hubei.exclusions} == {"interpretation"}
    graded = [r for r in hubei.rules if r.quote]
    assert len(graded) == 5 and {r.basis for r in graded} == {"interpretation"}
    assert all(r.quote in TEXT and "谁先谁后" in r.note["zh"] for r in graded)  # the outcome's words stay the guidance's
    # Rule 3's two phrases read through one option: said where it is used.
    for s in (hubei.situation("H3a"), hubei.situation("H3b")):
        [context] = [e for e in s.elements if e.fact.id == "context"]
        assert context.basis == "interpretation" and "一个选项" in context.note["zh"]


@pytest.mark.parametrize("situation", ["H4a", "H4b", "H5"])
def test_rules_4_and_5_need_an_error_in_the_work(hubei, situation):
    [consequences] = [e for e in hubei.situation(situation).elements if e.fact.id == "consequences"]
    assert consequences.basis == "interpretation"
    base = "answers:\n  context: [epidemic_control]\n  remedied: 是\n  cooperated: 是\n  fit_for_duty: 是\n"
    for listed, status in (("[]", "not_met"), ("[adverse_social_impact]", "not_met"), ("[inadequate_work]", "met")):
        case = case_reader.loads(f"{base}  consequences: {listed}\n".encode(), hubei, "x.yaml")
        [result] = [r for r in evaluate(hubei, case).situations if r.situation.id == situation]
        assert result.status == status, listed


def test_each_of_the_five_graded_rules_is_quoted_whole_by_a_situation(hubei):
    for n in range(1, 6):
        start = TEXT.index(f"{n}.对")
        rule = TEXT[start : TEXT.index("\n", start)]
        assert any(s.quote == rule for s in hubei.situations), n


def test_what_it_says_about_its_dates_and_where_from(hubei):
    assert (hubei.in_force.start, hubei.in_force.end) == (None, None)  # the text states none: none is invented
    assert "2020年3月5日" in hubei.in_force.note["zh"]
    assert hubei.level == "province" and hubei.issuer["zh"] == "湖北省纪委监委"


def test_interpretations_carry_a_note(hubei):
    parts = [*hubei.preconditions, *hubei.exclusions, *hubei.rules]
    assert [p for p in parts if p.basis == "interpretation" and not (p.note and p.note["zh"] and p.note["en"])] == []


def test_its_outcomes_grade_the_handling_and_say_which_are_favourable(hubei):
    favourable = {o.id: o.favourable for o in hubei.outcomes.values()}
    assert favourable == {
        "not_tolerated": False, "not_applicable": False, "spared_or_exempt": True, "exempt": True,
        "education": True, "lighter": True, "cautious_adjustment": False, "accountable": False, "undetermined": None,
    }  # fmt: skip


def test_facts_it_shares_with_zigui_are_the_same_questions(hubei, criteria):
    shared = set(hubei.fact_by_id) & set(criteria.fact_by_id)
    assert shared >= {"context", "causes", "consequences", "diligent", "serious_consequence", "remedied", "private_gain"}
    for fact_id in shared:
        assert hubei.fact_by_id[fact_id].type == criteria.fact_by_id[fact_id].type


def test_the_examples_cover_every_outcome(hubei, asked):
    outcomes = {case_reader.load(str(p), asked).expect_for("hubei-2020", primary=True).outcome for p in EXAMPLE_FILES}
    assert outcomes == set(hubei.outcomes)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_carries_its_metadata(asked, path):
    # Whether each example meets its expect: block is a test item of its own (conftest.py at the top).
    case = case_reader.load(str(path), asked)
    assert case.meta["id"] and case.meta["title"] and case.meta["summary"]


def test_a_more_lenient_rule_that_is_still_open_holds_back_a_less_lenient_one(hubei):
    # Rule 2 holds, but rule 3 (不予或免予问责) hangs on whether the consequence was serious.
    text = (EXAMPLES / "h2-mask-shortage-exempt.yaml").read_text(encoding="utf-8")
    text = text.replace("  context: [epidemic_control]", "  context: [epidemic_control, emergency_response]")
    text = text.replace("value: [objective_constraints]", "value: [objective_constraints, proactive]")
    text = text.replace("  consequences: [inadequate_work]", "  consequences: [inadequate_work, error]")
    open_text = text.replace("  serious_consequence: 否\n", "")
    d = evaluate(hubei, case_reader.loads(open_text.encode(), hubei, "x.yaml"))
    assert d.outcome.id == "undetermined" and "serious_consequence" in d.next_questions
    serious = text.replace("  serious_consequence: 否\n", "  serious_consequence: 是\n")
    assert evaluate(hubei, case_reader.loads(serious.encode(), hubei, "x.yaml")).outcome.id == "exempt"
    assert evaluate(hubei, case_reader.loads(text.encode(), hubei, "x.yaml")).outcome.id == "spared_or_exempt"


def test_no_lenient_outcome_while_a_bottom_line_is_open(hubei):
    text = (EXAMPLES / "h1-register-slip-education.yaml").read_text(encoding="utf-8").replace("  private_gain: 否\n", "")
    d = evaluate(hubei, case_reader.loads(text.encode(), hubei, "x.yaml"))
    assert d.outcome.id == "undetermined" and d.next_questions == ("private_gain",)


def test_criteria_test_runs_the_examples_against_each_measure_they_name():
    result = run("criteria", "test", EXAMPLES, "--criteria", "hubei-2020", "--criteria", "zigui-2018", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [m["id"] for m in report["measures"]] == ["hubei-2020", "zigui-2018"]
    measures = [r["measure"] for r in report["results"]]
    assert measures.count("hubei-2020") == len(EXAMPLE_FILES) and measures.count("zigui-2018") == 1
    # Alone, the Zigui measure cannot read these files: the Hubei questions are not its own.
    alone = run("criteria", "test", EXAMPLES, "--criteria", "zigui-2018")
    assert alone.exit_code == 2
    assert "--criteria hubei-2020" in alone.stderr


def test_check_gives_a_line_per_case_and_measure_cases_outermost():
    result = run(
        "check", EXAMPLES, "--criteria", "hubei-2020", "--criteria", "zigui-2018", "--format", "jsonl", "--lang", "en"
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2 * len(EXAMPLE_FILES)
    assert [d["criteria"]["id"] for d in lines] == ["hubei-2020", "zigui-2018"] * len(EXAMPLE_FILES)
    assert [d["file"] for d in lines[::2]] == [d["file"] for d in lines[1::2]] == [str(p) for p in EXAMPLE_FILES]
    assert result.exit_code == 1
