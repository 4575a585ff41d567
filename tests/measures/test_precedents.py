"""The precedent library: published decisions that load with every bundled measure and say where each fact comes from."""

import re
from pathlib import Path

import pytest
from conftest import ROOT

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.io import case_reader
from zgrongcuo.io.precedents import bundled_folder
from zgrongcuo.io.questions import load_measures, questions

PRECEDENTS = ROOT / "precedents"
FILES = sorted(PRECEDENTS.glob("*.yaml"))
MEASURES = ("zigui-2018", "wenze-2019", "hubei-2020")
# Every answer says whether it quotes the source, infers from it, or assumes.
NOTE_KINDS = ("原文：", "推断：", "假设：")
FILE_NAME = re.compile(r"^(\d{4}|undated)-[a-z0-9]+(-[a-z0-9]+)+\.yaml$")
MEASURE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def asked():
    return questions(load_measures(MEASURES))


def test_the_library_is_the_folder_the_tool_searches():
    assert Path(bundled_folder()).resolve() == PRECEDENTS.resolve()
    assert (PRECEDENTS / "README.md").is_file()
    assert len(FILES) >= 9


def test_case_ids_are_unique(asked):
    ids = [case_reader.load(str(path), asked).meta["id"] for path in FILES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_precedent_loads_and_is_screened_by_every_measure(asked, path):
    assert FILE_NAME.match(path.name), "year-place-subject, ASCII"
    case = case_reader.load(str(path), asked)
    for key in ("id", "title", "subject", "summary"):
        assert case.meta[key], key
    for criteria in asked.measures:
        evaluate(criteria, case, questions=asked)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_answer_says_whether_the_source_states_it(asked, path):
    case = case_reader.load(str(path), asked)
    assert case.answers, "a precedent answers what its source states"
    for fact, answer in case.answers.items():
        assert answer.note, f"{fact}: every answer has a note"
        if answer.value is not None:
            assert answer.note.startswith(NOTE_KINDS), f"{fact}: a note starts with one of {NOTE_KINDS}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_decision_names_its_measure_and_source(asked, path):
    # The reader has checked the outcome against the measure, or against the generic ones for a measure the tool lacks.
    decision = case_reader.load(str(path), asked).decision
    assert decision is not None
    assert decision.source.startswith(("http://", "https://"))
    assert decision.note
    assert MEASURE_ID.match(decision.measure)
    assert decision.known == (decision.measure in MEASURES)
    if decision.date is not None:
        assert re.match(r"^\d{4}(-\d{2}){0,2}$", decision.date), "a year, month or day"


@pytest.fixture(scope="module")
def case_schema():
    import json

    from typer.testing import CliRunner

    from zgrongcuo.cli import app

    args = ["schema", "case", "--criteria", "zigui-2018", "--criteria", "wenze-2019", "--criteria", "hubei-2020"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_precedent_validates_against_the_case_schema(case_schema, path):
    import jsonschema
    import yaml

    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), case_schema)


def test_the_three_measures_side_by_side_on_every_published_case():
    """Each file's expect: holds what each bundled measure screens from the facts as stated."""
    import json

    from typer.testing import CliRunner

    from zgrongcuo.cli import app

    three = ["--criteria", "zigui-2018", "--criteria", "wenze-2019", "--criteria", "hubei-2020"]
    result = CliRunner().invoke(app, ["criteria", "test", str(PRECEDENTS), *three, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["passed"] == 3 * len(FILES) and report["failed"] == report["skipped"] == 0
    checked = CliRunner().invoke(app, ["check", str(PRECEDENTS), *three, "--format", "jsonl"])
    lines = [json.loads(line) for line in checked.stdout.splitlines()]
    assert [d["criteria"]["id"] for d in lines] == ["zigui-2018", "wenze-2019", "hubei-2020"] * len(FILES)
    assert all(d["decision"] is not None and d["decision"]["source"] for d in lines)
