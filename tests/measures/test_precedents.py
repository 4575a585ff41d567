"""The precedent library: published decisions that load with every bundled measure and say where each fact comes from."""

import re

import pytest
import yaml
from conftest import ROOT

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.load import case_reader
from zgrongcuo.load.questions import load_measures, questions

PRECEDENTS = ROOT / "precedents"
FILES = sorted(PRECEDENTS.glob("*.yaml"))
MEASURES = ("zigui-2018", "wenze-2019", "hubei-2020")
# Outcomes of a decision taken under a measure the tool does not have (precedents/README.md).
GENERIC_OUTCOMES = {"exempt", "mitigated", "not_tolerated", "accountable"}
# Every answer says whether it quotes the source, infers from it, or assumes.
NOTE_KINDS = ("原文：", "推断：", "假设：")
FILE_NAME = re.compile(r"^(\d{4}|undated)-[a-z0-9]+(-[a-z0-9]+)+\.yaml$")
MEASURE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def measures():
    return load_measures(MEASURES)


def without_decision(text: str) -> str:
    """The case file with its decision block cut out, for a case reader that does not know the block yet."""
    kept, inside = [], False
    for line in text.splitlines(keepends=True):
        if re.match(r"^[^\s#]", line):
            inside = line.startswith("decision:")
        if not inside:
            kept.append(line)
    return "".join(kept)


def load(path, measures):
    return case_reader.loads(
        without_decision(path.read_text(encoding="utf-8")).encode(), questions(measures), str(path)
    )


def decision_of(path) -> dict:
    # BaseLoader keeps every scalar as text, as the case reader does: "2022-01" stays a string.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["decision"]


def test_the_library_has_its_readme_and_the_published_cases():
    assert (PRECEDENTS / "README.md").is_file()
    assert len(FILES) >= 9
    ids = [yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["case"]["id"] for path in FILES]
    assert len(ids) == len(set(ids)), "case ids are unique"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_precedent_loads_and_is_screened_by_every_measure(measures, path):
    assert FILE_NAME.match(path.name), "year-place-subject, ASCII"
    case = load(path, measures)
    for key in ("id", "title", "subject", "summary"):
        assert case.meta[key], key
    asked = questions(measures)
    for criteria in measures:
        assert evaluate(criteria, case, questions=asked).outcome.id in criteria.outcomes


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_answer_says_whether_the_source_states_it(measures, path):
    case = load(path, measures)
    assert case.answers, "a precedent answers what its source states"
    for fact, answer in case.answers.items():
        assert answer.note, f"{fact}: every answer has a note"
        if answer.value is not None:
            assert answer.note.startswith(NOTE_KINDS), f"{fact}: a note starts with one of {NOTE_KINDS}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_decision_names_measure_outcome_and_source(measures, path):
    decision = decision_of(path)
    assert set(decision) <= {"outcome", "measure", "by", "date", "document", "source", "note"}
    assert decision["source"].startswith(("http://", "https://"))
    assert decision["note"] and decision["by"]
    assert MEASURE_ID.match(decision["measure"])
    bundled = {criteria.id: criteria for criteria in measures}
    if decision["measure"] in bundled:
        assert decision["outcome"] in bundled[decision["measure"]].outcomes
    else:
        assert decision["outcome"] in GENERIC_OUTCOMES
    if "date" in decision:
        assert re.match(r"^\d{4}(-\d{2}){0,2}$", decision["date"])
