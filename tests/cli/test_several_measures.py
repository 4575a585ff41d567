"""One case, several measures: one file answers them all, each measure reads what it asks, side by side."""

import csv
import io
import json

import jsonschema
import pytest
from conftest import ARTICLE_CASE, EXAMPLES, ROOT
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.errors import CriteriaError, UsageError
from zgrongcuo.io import case_reader, criteria_builder
from zgrongcuo.io.questions import load_measures, questions

runner = CliRunner()
BOTH = ("--criteria", "zigui-2018", "--criteria", "wenze-2019")
WENZE_EXAMPLE = ROOT / "measures" / "wenze-2019" / "examples" / "a17-3-epidemic-investment-exempt.yaml"


def run(*args, **kwargs):
    return runner.invoke(app, [*map(str, args)], **kwargs)


@pytest.fixture(scope="module")
def asked():
    return questions(load_measures(("zigui-2018", "wenze-2019", "hubei-2020")))


# ---------------------------------------------------------------- the questions together


def test_a_shared_list_offers_the_union_of_the_options_each_meaning_one_thing(asked):
    context = asked.fact_by_id["context"]
    assert {"superior_decision", "wrong_superior_decision", "reform_innovation", "epidemic_control"} <= set(
        context.option_ids
    )
    assert len(context.option_ids) == len(set(context.option_ids))
    # The Zigui measure's questions come first, in its order; the others' new ones after.
    zigui = criteria_builder.load("zigui-2018")
    assert [f.id for f in asked.facts][: len(zigui.facts)] == [f.id for f in zigui.facts]


def test_a_shared_id_of_two_kinds_is_an_error_naming_the_file_line_and_key():
    import re

    source = (ROOT / "tests" / "data" / "library-fines.yaml").read_text(encoding="utf-8")
    # The made-up measure's yes/no question `damaged`, renamed to the id of Zigui's list `context`.
    clash = criteria_builder.loads(re.sub(r"\bdamaged\b", "context", source).encode(), "clash.yaml")
    assert clash.fact_by_id["context"].type == "yesno"
    zigui = criteria_builder.load("zigui-2018")
    with pytest.raises(CriteriaError) as info:
        questions((zigui, clash))
    error = info.value
    assert error.file == "clash.yaml" and error.line == 44 and error.key == "facts.context"
    assert "zigui-2018" in error.render("zh")


def test_the_same_measure_twice_is_a_usage_error():
    with pytest.raises(UsageError):
        load_measures(("zigui-2018", str(ROOT / "criteria.yaml")))
    result = run("check", ARTICLE_CASE, "--criteria", "wenze-2019", "--criteria", "wenze-2019")
    assert result.exit_code == 2 and "选了两次" in result.stderr


def test_a_zigui_case_checked_under_the_national_regulation_alone_says_which_measure_to_add():
    result = run("check", ARTICLE_CASE, "--criteria", "wenze-2019")
    assert result.exit_code == 2
    assert "reform_innovation" in result.stderr and "--criteria zigui-2018" in result.stderr
    assert f"{ARTICLE_CASE}:" in result.stderr  # file and line


def test_an_id_no_selected_measure_knows_is_an_error_with_a_suggestion(write):
    case = write("typo.yaml", "answers:\n  remedid: 是\n")
    result = run("check", case, *BOTH, "--lang", "en")
    assert result.exit_code == 2
    assert "unknown question 'remedid'" in result.stderr and "did you mean 'remedied'" in result.stderr
    unknown = write("other.yaml", "answers:\n  minor_fault: 是\n")  # Hubei's question
    result = run("check", unknown, *BOTH, "--lang", "en")
    assert result.exit_code == 2 and "--criteria hubei-2020" in result.stderr


# ---------------------------------------------------------------- each measure reads what it asks


def test_json_gives_one_determination_per_measure_with_what_it_set_aside():
    result = run("check", ARTICLE_CASE, *BOTH, "--format", "json")
    assert result.exit_code == 0  # exempt and mitigated are both favourable
    zigui, wenze = json.loads(result.stdout)
    assert (zigui["criteria"]["id"], wenze["criteria"]["id"]) == ("zigui-2018", "wenze-2019")
    assert zigui["outcome"] == "exempt" and zigui["unused_answers"] == [] and zigui["unused_options"] == {}
    assert "democratic_decision" in wenze["unused_answers"] and "serious_consequence" in wenze["unused_answers"]
    assert wenze["unused_options"] == {"context": ["reform_innovation"]}
    # The regulation reads the list as the options it has: none of them.
    [context] = [e for s in wenze["situations"] for e in s["elements"] if e["fact"] == "context"][:1]
    assert context["answer"] == []


def test_the_exit_code_is_chosen_over_every_determination(write):
    exempt_both = run("check", WENZE_EXAMPLE, "--criteria", "wenze-2019", "--format", "json")
    assert exempt_both.exit_code == 0
    # The regulation's example is outside Zigui's five situations: unfavourable there.
    both = run("check", WENZE_EXAMPLE, "--criteria", "wenze-2019", "--criteria", "zigui-2018", "--format", "json")
    outcomes = [d["outcome"] for d in json.loads(both.stdout)]
    assert outcomes[0] == "exempt" and outcomes[1] in ("not_eligible", "undetermined")
    assert both.exit_code == (1 if outcomes[1] == "not_eligible" else 3)


def test_jsonl_and_csv_are_cases_outermost_measures_in_the_order_given():
    files = sorted(EXAMPLES.glob("*.yaml"))
    jsonl = run("check", EXAMPLES, "--criteria", "wenze-2019", "--criteria", "zigui-2018", "--format", "jsonl")
    lines = [json.loads(line) for line in jsonl.stdout.splitlines()]
    failures = [line for line in lines if "error" in line]
    loaded = [line for line in lines if "error" not in line]
    assert len(loaded) + 2 * len(failures) >= len(files)
    assert [d["criteria"]["id"] for d in loaded] == ["wenze-2019", "zigui-2018"] * (len(loaded) // 2)
    as_csv = run("check", ARTICLE_CASE, *BOTH, "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout.removeprefix("\ufeff"))))
    assert [(r["measure"], r["outcome"]) for r in rows] == [("zigui-2018", "exempt"), ("wenze-2019", "mitigated")]


def test_jobs_give_the_same_lines_as_one_process():
    args = ("check", EXAMPLES, ROOT / "measures" / "wenze-2019" / "examples", *BOTH, "--format", "jsonl")
    one = run(*args)
    two = run(*args, "--jobs", "2")
    assert one.stdout == two.stdout and one.exit_code == two.exit_code


def test_the_determinations_validate_against_the_schema_of_several_measures():
    schema = json.loads(run("schema", "determination", *BOTH, "--criteria", "hubei-2020").stdout)
    result = run("check", ARTICLE_CASE, *BOTH, "--criteria", "hubei-2020", "--format", "json", "--explain")
    for d in json.loads(result.stdout):
        jsonschema.validate(d, schema)


def test_the_case_schema_of_several_measures_takes_their_questions_and_expectations_per_measure():
    schema = json.loads(run("schema", "case", *BOTH).stdout)
    import yaml

    for path in (ARTICLE_CASE, WENZE_EXAMPLE):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    listed = {"answers": {"context": ["wrong_superior_decision"]}, "expect": [{"measure": "wenze-2019", "outcome": "exempt"}]}
    jsonschema.validate(listed, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"case": {"conduct_date": "2018年6月"}}, schema)


def test_the_template_of_several_measures_asks_every_question_once():
    text = run("template", *BOTH, "--criteria", "hubei-2020").stdout
    for fact in ("context", "democratic_decision", "objected_to_decision", "minor_fault"):
        assert text.count(f"\n  {fact}:\n") == 1, fact


# ---------------------------------------------------------------- people's outputs


def test_text_compares_first_and_names_every_outcome_last():
    result = run("check", ARTICLE_CASE, *BOTH, "--criteria", "hubei-2020")
    out = result.stdout
    assert out.index("各办法对照") < out.index("依据 秭归县办法（2018）") < out.index("依据 问责条例第十七、十八条（2019）")
    last = out.rstrip().splitlines()[-4:]
    assert last[0] == "结论对照"
    assert "秭归县办法（2018）：建议容错免责（免予责任追究）" in last[1] and "(exempt)" in last[1]
    assert "(mitigated)" in last[2] and "(not_applicable)" in "".join(last[3:])
    # The case is named once, in the comparison; each measure says what of the file it does not read.
    assert out.count("ZG-2014-57 建房户意外伤害保险文件") == 1
    assert "本办法不问：符合上级决策部署" in out and "本办法没有这些选项：工作情境中的“改革创新" in out


def test_text_in_english_too():
    out = run("check", ARTICLE_CASE, *BOTH, "--lang", "en").stdout
    assert "Measures compared" in out and "Outcomes compared" in out and "This measure does not ask:" in out


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_report_per_case_compares_and_then_gives_each_measure(fmt):
    out = run("check", ARTICLE_CASE, *BOTH, "--format", fmt).stdout
    assert out.count("各办法对照") == 1
    assert out.index("各办法对照") < out.index("依据秭归县办法（2018）的分析") < out.index("依据问责条例第十七、十八条（2019）的分析")
    assert "（第十八条）" in out and "建议容错免责" in out


def test_a_word_draft_compares_and_then_gives_each_measure(tmp_path):
    import docx

    path = tmp_path / "case.docx"
    result = run("check", ARTICLE_CASE, *BOTH, "--format", "docx", "-o", path)
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    headings = [p for p in paragraphs if p[:2] in ("一、", "二、", "三、", "四、", "五、")]
    assert headings == [
        "一、案件基本情况", "二、各办法对照", "三、依据秭归县办法（2018）的分析",
        "四、依据问责条例第十七、十八条（2019）的分析", "五、程序说明",
    ]  # fmt: skip
    assert not any("exempt" in p or "mitigated" in p for p in paragraphs)  # a Chinese draft carries no codes


def test_a_folder_of_reports_has_one_file_per_case_and_a_summary_by_measure(tmp_path):
    out = tmp_path / "reports"
    result = run("check", ARTICLE_CASE, WENZE_EXAMPLE, *BOTH, "--format", "markdown", "-o", out)
    assert result.exit_code in (0, 1, 3), result.output
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 3 and "summary.md" in names
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "秭归县办法（2018）：按结论统计" in summary and "问责条例第十七、十八条（2019）：按结论统计" in summary
    assert "| 办法 |" in summary


def test_a_batch_summary_counts_each_measure_apart():
    out = run("check", ARTICLE_CASE, WENZE_EXAMPLE, *BOTH).stdout
    assert "共 2 件：秭归县办法（2018）：" in out and "；问责条例第十七、十八条（2019）：" in out


# ---------------------------------------------------------------- dates in force


@pytest.mark.parametrize(
    ("date", "warned", "shown"),
    [
        ("2018-06-15", "早于本办法的施行日期 2019-09-01", "早于本办法的施行日期 2019年9月1日"),  # for people, in words
        ("2019", "只写到月或年", "只写到月或年"),
        ("2019-09", None, None),
        ("2020-01-02", None, None),
    ],
)
def test_the_conduct_date_is_checked_against_each_measures_dates(write, date, warned, shown):
    source = ARTICLE_CASE.read_text(encoding="utf-8").replace("case:\n", f"case:\n  conduct_date: {date}\n", 1)
    case = write("dated.yaml", source)
    result = run("check", case, *BOTH, "--format", "json")
    zigui, wenze = json.loads(result.stdout)
    assert zigui["warnings"] == []  # the Zigui source states no dates: nothing to check against
    assert zigui["case"]["conduct_date"] == date
    if warned is None:
        assert wenze["warnings"] == []
    else:
        [warning] = wenze["warnings"]
        assert warned in warning
        assert "".join(shown.split()) in "".join(run("check", case, *BOTH).stdout.split())


def test_a_conduct_date_that_is_not_a_date_is_an_error_naming_the_line(write):
    case = write("bad.yaml", "case:\n  id: X\n  conduct_date: 2018年6月\n")
    result = run("check", case, "--lang", "en")
    assert result.exit_code == 2
    assert f"{case}:3" in result.stderr and "case.conduct_date" in result.stderr and "YYYY-MM-DD" in result.stderr


# ---------------------------------------------------------------- expectations per measure


def test_expectations_per_measure_and_their_errors(write, asked):
    case = write(
        "e.yaml",
        "answers:\n  remedied: 是\nexpect:\n  - measure: wenze-2019\n    outcome: mitigated\n  - outcome: undetermined\n",
    )
    loaded = case_reader.load(str(case), asked)
    assert loaded.expect_for("wenze-2019", primary=False).outcome == "mitigated"
    assert loaded.expect_for("zigui-2018", primary=True).outcome == "undetermined"
    assert loaded.expect_for("hubei-2020", primary=False) is None
    twice = write("twice.yaml", "expect:\n  - measure: wenze-2019\n  - measure: wenze-2019\n")
    with pytest.raises(Exception, match="两条预期|two expectations"):
        case_reader.load(str(twice), asked)
    wrong = write("wrong.yaml", "expect:\n  measure: wenze-2019\n  outcome: not_eligible\n")
    result = run("check", wrong, *BOTH, "--lang", "en")
    assert result.exit_code == 2 and "expect.outcome" in result.stderr and "not_eligible" in result.stderr
    unknown = write("unknown.yaml", "expect:\n  measure: wenze-2091\n")
    result = run("check", unknown, "--lang", "en")
    assert result.exit_code == 2 and "did you mean 'wenze-2019'" in result.stderr
    # For a bundled measure that is not selected, the expectation is kept and not checked.
    other = write("other.yaml", "expect:\n  measure: hubei-2020\n  outcome: anything\n")
    assert run("check", other, "--format", "json").exit_code == 3


def test_criteria_test_checks_each_measure_an_example_names():
    files = [ARTICLE_CASE, WENZE_EXAMPLE]
    result = run("criteria", "test", *files, "--criteria", "zigui-2018", "--criteria", "wenze-2019", "--format", "json")
    report = json.loads(result.stdout)
    # The article's case expects of the first measure (no `measure:`); the regulation's example of its own.
    assert [(r["file"], r["measure"], r["status"]) for r in report["results"]] == [
        (str(ARTICLE_CASE), "zigui-2018", "passed"),
        (str(WENZE_EXAMPLE), "wenze-2019", "passed"),
    ]
    assert result.exit_code == 0


# ---------------------------------------------------------------- criteria list


def test_criteria_list_names_every_bundled_measure_with_its_level_issuer_and_dates():
    result = run("criteria", "list", "--format", "json")
    assert result.exit_code == 0
    measures = {m["name"]: m for m in json.loads(result.stdout)}
    assert list(measures)[0] == "zigui-2018" and measures["zigui-2018"]["default"] is True
    assert set(measures) == {"zigui-2018", "wenze-2019", "hubei-2020"}
    assert [measures[n]["level"] for n in ("zigui-2018", "hubei-2020", "wenze-2019")] == ["county", "province", "national"]
    assert measures["wenze-2019"]["effective"]["from"] == "2019-09-01"
    assert measures["wenze-2019"]["effective"]["until"] is None
    assert "66laws.com" in measures["wenze-2019"]["effective"]["note"]
    for m in measures.values():
        assert m["title"] and m["issuer"] and m["source"] and m["effective"]["note"]
    text = run("criteria", "list").stdout
    assert "wenze-2019" in text and "施行：2019-09-01 至 今" in text and "来源未载明" in text
