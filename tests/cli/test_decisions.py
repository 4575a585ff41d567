"""Decided cases: the decision beside the screening, whether they agree, and how often over a folder."""

import csv
import io
import json

import jsonschema
import pytest
from conftest import ARTICLE_CASE
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.errors import CaseError
from zgrongcuo.io import case_reader, criteria_builder

runner = CliRunner()
ARTICLE = ARTICLE_CASE.read_text(encoding="utf-8").split("\nexpect:")[0] + "\n"  # exempt under Zigui, situation 2


def run(*args):
    return runner.invoke(app, [*map(str, args)])


def decided(outcome, measure="zigui-2018", extra=""):
    return ARTICLE + f"decision:\n  outcome: {outcome}\n  measure: {measure}\n  by: 县委常委会\n  date: 2018年6月\n{extra}"


@pytest.fixture(scope="module")
def zigui():
    return criteria_builder.load("zigui-2018")


# ---------------------------------------------------------------- reading the block


def test_the_block_is_read_with_its_text_as_written(zigui):
    case = case_reader.loads(decided("exempt", extra="  source: https://example.org/a\n  note: 据报道\n").encode(), zigui, "a.yaml")
    d = case.decision
    assert (d.outcome, d.measure, d.by, d.date, d.source, d.note) == (
        "exempt", "zigui-2018", "县委常委会", "2018年6月", "https://example.org/a", "据报道"
    )  # fmt: skip
    assert d.favourable is True and d.known is True and d.label["zh"].startswith("建议容错免责")


@pytest.mark.parametrize(
    ("block", "key", "line_offset"),
    [
        ("decision:\n  outcome: exmpt\n  measure: zigui-2018\n", "decision.outcome", 1),
        ("decision:\n  outcome: undetermined\n  measure: zigui-2018\n", "decision.outcome", 1),
        ("decision:\n  outcome: exempt\n  measure: zigui-2018\n  decider: 县委\n", "decision.decider", 3),
        ("decision:\n  outcome: exempt\n", "decision", 1),  # the block, where it starts
        ("decision:\n  outcome: exempt\n  measure: 秭归办法\n", "decision.measure", 2),
        ("decision:\n  outcome: exempt\n  measure: hubei-2022\n", "decision.outcome", 1),
    ],
)
def test_errors_name_the_file_line_and_key(zigui, block, key, line_offset):
    text = ARTICLE + block
    first = text.count("\n", 0, text.index("\ndecision:") + 1) + 1
    with pytest.raises(CaseError) as info:
        case_reader.loads(text.encode(), zigui, "d.yaml")
    error = info.value
    assert (error.file, error.key) == ("d.yaml", key)
    assert error.line == first + line_offset


def test_an_unknown_outcome_names_the_measures_own_and_suggests_one(zigui):
    with pytest.raises(CaseError) as info:
        case_reader.loads((ARTICLE + "decision:\n  outcome: exmpt\n  measure: zigui-2018\n").encode(), zigui, "d.yaml")
    message = info.value.render("en")
    assert "measure zigui-2018 has no outcome 'exmpt'" in message and "did you mean 'exempt'" in message


def test_a_bundled_measure_not_selected_still_checks_the_outcome(zigui):
    ok = case_reader.loads(decided("spared_or_exempt", "hubei-2020").encode(), zigui, "d.yaml")
    assert ok.decision.known and ok.decision.favourable and ok.decision.measure_name["zh"] == "湖北疫情防控指导意见（2020）"
    with pytest.raises(CaseError):
        case_reader.loads(decided("exempted", "hubei-2020").encode(), zigui, "d.yaml")


def test_a_measure_the_tool_lacks_takes_a_generic_outcome_and_a_warning_only_where_it_may_be_a_slip(zigui):
    case = case_reader.loads(decided("relief_partial", "yidu-2022").encode(), zigui, "d.yaml")
    assert case.decision.known is False and case.decision.favourable is True
    assert case.notices == []  # a generic outcome under another measure is what the file should say: nothing to warn
    close = case_reader.loads(decided("relief_full", "zigui-2108").encode(), zigui, "d.yaml")
    assert close.notices[0].msg_id == "decision_measure_close" and close.notices[0].params["hint"] == "zigui-2018"


def test_a_date_that_is_not_a_date_is_kept_as_written(zigui):
    case = case_reader.loads(decided("exempt").replace("2018年6月", "二〇一八年夏").encode(), zigui, "d.yaml")
    assert case.decision.date == "二〇一八年夏"


# ---------------------------------------------------------------- agreement


@pytest.mark.parametrize(
    ("outcome", "measure", "agrees", "on"),
    [
        ("exempt", "zigui-2018", True, "outcome"),
        ("mitigated", "zigui-2018", False, "outcome"),  # favourable both, but not the same outcome
        ("relief_full", "yidu-2022", True, "favourable"),
        ("relief_partial", "yidu-2022", True, "favourable"),
        ("no_relief", "yidu-2022", False, "favourable"),
        ("accountable", "wenze-2019", False, "favourable"),
    ],
)
def test_json_says_whether_the_screening_agrees_and_on_what(write, outcome, measure, agrees, on):
    result = run("check", write("c.yaml", decided(outcome, measure)), "--format", "json")
    d = json.loads(result.stdout)
    assert d["outcome"] == "exempt"
    assert (d["agrees"], d["agrees_on"]) == (agrees, on)
    assert d["decision"]["outcome"] == outcome and d["decision"]["measure"] == measure
    assert d["decision"]["by"] == "县委常委会" and d["decision"]["date"] == "2018年6月"


def test_an_undetermined_screening_neither_agrees_nor_differs(write):
    text = "answers:\n  remedied: 是\ndecision:\n  outcome: exempt\n  measure: zigui-2018\n"
    d = json.loads(run("check", write("u.yaml", text), "--format", "json").stdout)
    assert d["outcome"] == "undetermined"
    assert (d["agrees"], d["agrees_on"]) == (None, None)
    assert "本初筛尚无结论，无法与决定对照。" in run("check", write("u.yaml", text)).stdout


def test_a_case_without_a_decision_has_nulls_and_validates(write):
    schema = json.loads(run("schema", "determination").stdout)
    plain = json.loads(run("check", ARTICLE_CASE, "--format", "json").stdout)
    assert (plain["decision"], plain["agrees"], plain["agrees_on"]) == (None, None, None)
    jsonschema.validate(plain, schema)
    jsonschema.validate(json.loads(run("check", write("c.yaml", decided("mitigated")), "--format", "json").stdout), schema)


def test_the_case_schema_knows_the_block():
    import yaml

    schema = json.loads(run("schema", "case").stdout)
    jsonschema.validate(yaml.safe_load(decided("relief_full", "yidu-2022")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(decided("exempt") + "  decider: x\n"), schema)


def test_text_shows_the_decision_beside_the_screening_and_ends_with_the_outcome(write):
    out = run("check", write("c.yaml", decided("mitigated", extra="  source: https://example.org/a\n"))).stdout
    assert "已作决定：县委常委会于2018年6月决定建议减轻责任追究（依据：秭归县办法（2018））。" in out
    assert "本初筛与决定不一致：本初筛为“建议容错免责（免予责任追究）”。" in out
    assert "来源：https://example.org/a" in out
    assert out.rstrip().splitlines()[-1].startswith("结论：")
    english = run("check", write("c.yaml", decided("relief_full", "yidu-2022")), "--lang", "en").stdout
    assert "Decision by 县委常委会 of 2018年6月: Relief in full (exempted) (under yidu-2022)." in english
    assert "only the direction can be compared" in english


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_reports_show_the_decision(write, fmt):
    out = run("check", write("c.yaml", decided("exempt")), "--format", fmt).stdout
    assert "已作出的决定" in out and "本初筛与决定一致（同一办法，结论相同）" in out


# ---------------------------------------------------------------- a folder of decided cases


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    cases = {
        "a.yaml": decided("exempt"),  # agrees
        "b.yaml": decided("exempt").replace("ZG-2014-57", "ZG-B"),  # agrees
        "c.yaml": decided("mitigated").replace("ZG-2014-57", "ZG-C"),  # differs
        "d.yaml": decided("relief_partial", "yidu-2022").replace("ZG-2014-57", "ZG-D"),  # agrees in direction
        "e.yaml": ARTICLE.replace("ZG-2014-57", "ZG-E"),  # no decision
    }
    for name, text in cases.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_batch_summary_counts_agreement_by_decision_and_lists_the_cases_that_differ(archive):
    out = run("check", archive).stdout
    assert "已作决定的 4 件中，初筛与决定一致 3 件、不一致 1 件、无法对照 0 件（可对照者一致率 75%）。" in out
    assert "与决定不一致的案件" in out and "ZG-C" in out
    section = out[out.index("与决定不一致的案件") :]
    assert "ZG-B" not in section and "ZG-D" not in section


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_report_summaries_count_agreement_too(archive, fmt):
    out = run("check", archive, "--format", fmt).stdout
    assert "与已作决定对照" in out and "可对照者一致率 75%" in out and "ZG-C" in out


def test_csv_carries_the_decision_and_agreement_per_row(archive):
    out = run("check", archive, "--format", "csv", "--lang", "en").stdout
    rows = {r["file"].rsplit("/", 1)[-1]: r for r in csv.DictReader(io.StringIO(out.removeprefix("\ufeff")))}
    assert [(rows[n]["decision"], rows[n]["agrees"]) for n in "abcde" for n in [f"{n}.yaml"]] == [
        ("exempt", "yes"), ("exempt", "yes"), ("mitigated", "no"), ("relief_partial", "yes"), ("", ""),
    ]  # fmt: skip
    # The same in words, last, for people who open the file in Excel (here in English, as --lang says).
    assert [rows[f"{n}.yaml"]["agrees_label"] for n in "abcde"] == ["yes", "yes", "no", "yes", ""]
    assert rows["c.yaml"]["decision_label"] and rows["e.yaml"]["decision_label"] == ""
