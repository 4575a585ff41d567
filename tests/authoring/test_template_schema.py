"""The blank case template and the JSON Schemas of case files and determinations."""

import json
import re
import unicodedata

import jsonschema
import pytest
import yaml
from conftest import ARTICLE_CASE, EXAMPLES
from typer.testing import CliRunner

from zgrongcuo.cli import app

runner = CliRunner()
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def run(*args, input=None):
    return runner.invoke(app, [*map(str, args)], input=input)


def schema_of(kind: str, lang: str = "zh") -> dict:
    result = run("schema", kind, "--lang", lang)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.fixture(scope="module")
def case_validator():
    return jsonschema.Draft202012Validator(schema_of("case"))


@pytest.fixture(scope="module")
def determination_validator():
    return jsonschema.Draft202012Validator(schema_of("determination"))


# ---------------------------------------------------------------- template


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_untouched_template_is_undetermined_with_every_question_open(tmp_path, lang, criteria):
    path = tmp_path / "blank.yaml"
    result = run("template", "--lang", lang, "-o", path)
    assert result.exit_code == 0, result.output
    checked = run("check", path, "--format", "json")
    assert checked.exit_code == 3, checked.output
    d = json.loads(checked.stdout)
    assert d["outcome"] == "undetermined"
    assert d["next_questions"] == [f.id for f in criteria.facts]
    assert d["case"] == {"id": None, "title": None, "subject": None, "summary": None, "conduct_date": None}


def test_the_template_carries_every_question_option_and_help_as_comments(criteria):
    result = run("template")
    assert result.exit_code == 0
    source = result.stdout
    assert source.splitlines()[0] == "# yaml-language-server: $schema=case.schema.json"
    comments = "".join(line.split("#", 1)[1].strip() for line in source.splitlines() if line.lstrip().startswith("#"))
    for fact in criteria.facts:
        assert re.search(rf"^  {fact.id}:$", source, re.MULTILINE), fact.id
        for words in (fact.label["zh"], fact.question["zh"], fact.help["zh"]):
            assert words.replace(" ", "") in comments.replace(" ", "")
        for option in fact.options:
            assert option.id in comments and option.help["zh"].replace(" ", "") in comments.replace(" ", "")
    widths = [sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) for line in source.splitlines()]
    assert max(widths) <= 80  # wrapped for an editor window, Chinese characters counted double


def test_the_english_template_is_in_english():
    source = run("template", "--lang", "en").stdout
    assert "# 1. Work context (multiple choice)" in source
    assert "工作情境" not in source


def test_the_template_round_trips_when_filled_in(tmp_path):
    # Fill the blank template with the article's answers, line by line, as a person would.
    source = run("template").stdout
    article = yaml.safe_load(ARTICLE_CASE.read_text(encoding="utf-8"))
    for fact, answer in article["answers"].items():
        value = answer["value"]
        written = "[" + ", ".join(value) + "]" if isinstance(value, list) else ("是" if value is True else "否" if value is False else value)
        source, n = re.subn(rf"^  {fact}:$", f"  {fact}: {written}", source, flags=re.MULTILINE)
        assert n == 1
    source, n = re.subn(r"^  id: +#", "  id: ZG-2014-57  #", source, flags=re.MULTILINE)
    assert n == 1
    path = tmp_path / "filled.yaml"
    path.write_text(source, encoding="utf-8")
    result = run("check", path, "--format", "json")
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert (d["outcome"], d["situations_met"], d["case"]["id"]) == ("exempt", ["S2"], "ZG-2014-57")


def test_template_never_overwrites_without_force(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = run("template", "-o", path)
    assert result.exit_code == 2
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert run("template", "-o", path, "--force").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server:")


def test_template_schema_url_is_adjustable():
    source = run("template", "--schema", "https://example.org/case.schema.json").stdout
    assert source.startswith("# yaml-language-server: $schema=https://example.org/case.schema.json\n")


# ---------------------------------------------------------------- schemas


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_is_valid_against_the_case_schema(case_validator, path):
    case_validator.validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_the_template_is_valid_against_the_case_schema(case_validator):
    case_validator.validate(yaml.safe_load(run("template").stdout))


@pytest.mark.parametrize(
    "bad",
    [
        {"answers": {"privte_gain": "否"}},
        {"answers": {"causes": ["pilott"]}},
        {"answers": {"causes": ["pilot", "pilot"]}},
        {"answers": {"diligent": "perhaps"}},
        {"answers": {"diligent": {"value": "是", "remark": "x"}}},
        {"cases": {}},
        {"expect": {"outcome": "exmpt"}},
    ],
)
def test_the_case_schema_refuses_what_check_refuses(case_validator, bad, write, criteria):
    assert list(case_validator.iter_errors(bad))
    path = write("bad.json", json.dumps(bad, ensure_ascii=False))
    assert run("check", path).exit_code == 2


@pytest.mark.parametrize(
    "good",
    [
        {},
        {"answers": None},
        {"answers": {"diligent": " YES "}},
        {"answers": {"diligent": "不确定", "causes": "?", "context": []}},
        {"answers": {"remedied": {"note": "待核实"}}},
        # Every word of the vocabulary, the plain ones people type among them (SPEC.md).
        {"answers": {"diligent": "有", "democratic_decision": "经过", "remedied": "对", "private_gain": "没有"}},
        {"answers": {"knowingly_violated": "无", "persisted_after_prohibition": "不是", "serious_consequence": "未"}},
        {"answers": {"major_liability_accident": "不对", "diligent": "不知道", "remedied": "待核实"}},
        {"answers": {"decision_procedure_followed": {"value": "不清楚", "note": "须查会议记录"}}},
        {"case": {"id": "0755"}, "expect": {"outcome": "undetermined"}},
    ],
)
def test_the_case_schema_accepts_what_check_accepts(case_validator, good, write):
    assert list(case_validator.iter_errors(good)) == []
    path = write("good.json", json.dumps(good, ensure_ascii=False))
    assert run("check", path).exit_code in (0, 1, 3)


def test_the_case_schema_titles_come_from_the_criteria(criteria):
    schema = schema_of("case", "en")
    answers = schema["properties"]["answers"]["anyOf"][0]["properties"]
    assert list(answers) == [f.id for f in criteria.facts]
    context = answers["context"]
    assert context["title"] == "Work context"
    assert context["description"].startswith(criteria.fact_by_id["context"].question["en"])
    options = context["anyOf"][0]["anyOf"][0]["items"]["anyOf"]
    assert options[1] == {
        "const": "reform_innovation",
        "title": criteria.fact_by_id["context"].option("reform_innovation").label["en"],
        "description": criteria.fact_by_id["context"].option("reform_innovation").help["en"],
    }


@pytest.mark.parametrize("explain", [False, True])
def test_every_examples_determination_is_valid(determination_validator, explain):
    args = ["check", EXAMPLES, "--format", "json"] + (["--explain"] if explain else [])
    result = run(*args)
    assert result.exit_code == 1
    for d in json.loads(result.stdout):
        determination_validator.validate(d)
        assert ("counterfactuals" in d) == explain


def test_error_objects_are_valid(determination_validator, write):
    bad = write("bad.yaml", "answers:\n  diligent: perhaps\n")
    empty = write("empty.yaml", "")
    result = run("check", bad, empty, "--format", "jsonl")
    assert result.exit_code == 2
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 2 and all("error" in o for o in objects)
    for obj in objects:
        determination_validator.validate(obj)


def test_the_determination_schema_refuses_fields_it_does_not_name(determination_validator):
    d = json.loads(run("check", ARTICLE_CASE, "--format", "json").stdout)
    d["surprise"] = 1
    assert list(determination_validator.iter_errors(d))


def test_schema_writes_a_file_and_refuses_to_overwrite(tmp_path):
    path = tmp_path / "case.schema.json"
    assert run("schema", "-o", path).exit_code == 0
    assert json.loads(path.read_text(encoding="utf-8"))["$schema"].endswith("2020-12/schema")
    assert run("schema", "determination", "-o", path).exit_code == 2
    assert run("schema", "nonsense").exit_code == 2


def test_a_template_names_a_criteria_file_called_no_so_that_yaml_reads_it_back_as_a_name(tmp_path, monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(tmp_path)
    (tmp_path / "no").write_bytes((ROOT / "criteria.yaml").read_bytes())
    assert runner.invoke(app, ["template", "--criteria", "./no", "-o", "t.yaml"]).exit_code == 0
    assert yaml.safe_load((tmp_path / "t.yaml").read_text(encoding="utf-8"))["measures"] == ["no"]
