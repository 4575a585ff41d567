"""For policy authors: `criteria show`, `criteria test` and `diff`, through CliRunner."""

import json
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import ARTICLE_CASE, EXAMPLES, ROOT
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.cli.authors import REPORT_FORMATS, SHOW_FORMATS

runner = CliRunner()
CRITERIA = ROOT / "criteria.yaml"

# One element of situation 2, as written in criteria.yaml, and the same element narrowed:
# "缺乏经验、先行先试" read as "and" instead of "or".
S2_CAUSES = "      - fact: causes\n        has_any: [inexperience, pilot]\n        quote: 因缺乏经验、先行先试\n"
S2_CAUSES_NARROWED = "      - fact: causes\n        has_all: [inexperience, pilot]\n        quote: 因缺乏经验、先行先试\n"


def run(*args, input=None):
    return runner.invoke(app, [*map(str, args)], input=input)


@pytest.fixture
def edited(tmp_path):
    """A copy of criteria.yaml with one element of situation 2 changed."""
    text = CRITERIA.read_text(encoding="utf-8")
    assert text.count(S2_CAUSES) == 1
    path = tmp_path / "criteria-edited.yaml"
    path.write_text(text.replace(S2_CAUSES, S2_CAUSES_NARROWED), encoding="utf-8")
    return path


# ================================================================ criteria show


def test_show_draws_the_measure_in_plain_words():
    result = run("criteria", "show")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("秭归县党员干部容错免责暂行办法（试行）")
    # A situation, an element in words and as written, its quote and basis.
    assert "S2 情形二" in out
    assert "经过民主决策程序：要求为“是”" in out and "fact: democratic_decision, is: yes" in out
    assert "“没有谋取私利” — 依据：办法原文" in out
    assert "依据：解释" in out and "备注：把“缺乏经验、先行先试”读作“或”" in out
    # Bottom lines are worded as bottom lines.
    assert "谋取私利：回答为“是”即触及底线" in out
    # Rules in order, their conditions with references kept as written.
    positions = [out.index(f"判定规则 {n}：") for n in range(1, 6)]
    assert positions == sorted(positions)
    assert "触及任一底线  exclusions: any" in out
    assert "并非：满足条件“eligible”  not: ref: eligible" in out
    assert "preconditions: all" in out and "situations: any" in out
    assert "申请、受理、核实、认定" in out


def test_show_in_english():
    result = run("criteria", "show", "--lang", "en")
    assert result.exit_code == 0
    out = result.stdout
    assert "Outcome rule 1: Not tolerated (a bottom line is touched)" in out
    assert "Went through a democratic decision procedure: required: “yes”" in out
    assert "basis: text of the measure" in out
    assert "要求为" not in out


def test_show_markdown_for_documentation():
    result = run("criteria", "show", str(CRITERIA), "--format", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# 秭归县党员干部容错免责暂行办法（试行）"
    assert "## 情形 `situations`" in lines
    assert any(line.startswith("### S5 情形五") for line in lines)
    assert "- 经过民主决策程序：要求为“是” `fact: democratic_decision, is: yes`" in lines
    assert "    - 并非：满足条件“eligible” `not: ref: eligible`" not in lines  # rule 2's condition is at the top of its list
    assert "- 条件：并非：满足条件“eligible” `not: ref: eligible`" in lines
    assert "─" not in result.stdout  # no tree drawing


def test_show_markdown_escapes_markup(tmp_path):
    text = CRITERIA.read_text(encoding="utf-8").replace("zh: 工作情境\n", "zh: 工作*情境*_[x]\n", 1)
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("criteria", "show", path, "-f", "markdown")
    assert result.exit_code == 0
    assert r"工作\*情境\*\_\[x\]" in result.stdout


@pytest.mark.parametrize("fmt", SHOW_FORMATS)
def test_every_show_format_is_drawn(fmt):
    result = run("criteria", "show", "wenze-2019", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "A17-3" in result.stdout and "不可抗力" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["criteria", "show", "no-such.yaml"], "no-such.yaml"),
        (["criteria", "show", "wenze-2091"], "wenze-2019"),  # a near bundled name is suggested
        (["criteria", "show", "--lang", "fr"], "fr"),
        (["criteria", "show", "--format", "pdf"], "pdf"),
    ],
)
def test_show_refuses_what_it_cannot_show(args, fragment):
    result = run(*args)
    assert result.exit_code == 2
    assert fragment in result.output
    assert "Traceback" not in result.output


# ================================================================ criteria test


def test_the_shipped_examples_pass():
    result = run("criteria", "test", EXAMPLES)
    assert result.exit_code == 0, result.output
    assert "共 8 件：通过 8，未通过 0，跳过 0，无法读取 0。" in result.stdout


def test_the_report_as_json():
    result = run("criteria", "test", EXAMPLES, "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert (report["total"], report["passed"], report["failed"], report["skipped"], report["load_error"]) == (8, 8, 0, 0, 0)
    assert report["criteria"]["id"] == "zigui-2018" and len(report["criteria"]["sha256"]) == 64
    article = next(r for r in report["results"] if r["file"] == str(ARTICLE_CASE))
    assert article == {
        "file": str(ARTICLE_CASE),
        "case": {"id": "ZG-2014-57", "title": article["case"]["title"]},
        "measure": "zigui-2018",
        "status": "passed",
        "expected": {"outcome": "exempt", "situations": ["S2"]},
        "actual": {"outcome": "exempt", "situations": ["S2"], "next_questions": []},
        "differences": [],
        "reasons": [],
        "error": None,
    }


def test_an_edited_element_of_situation_2_names_the_failing_example_and_why(edited):
    """The issue's first half of "done when"."""
    result = run("criteria", "test", EXAMPLES, "--criteria", edited)
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert f"✗ {ARTICLE_CASE}" in out
    assert "结论：预期 建议容错免责（免予责任追究） (exempt)，实际 不符合容错免责的情形或条件 (not_eligible)" in out
    assert "符合的情形：预期 S2，实际 （无）" in out
    assert "情形 S2 不符合：失误原因：回答为“先行先试”；要求包括“缺乏经验”、“先行先试”全部。" in out
    assert "共 8 件：通过 7，未通过 1" in out

    report = json.loads(run("criteria", "test", EXAMPLES, "--criteria", edited, "-f", "json").stdout)
    failed = [r for r in report["results"] if r["status"] == "failed"]
    assert [r["file"] for r in failed] == [str(ARTICLE_CASE)]
    assert failed[0]["differences"] == [
        {"field": "outcome", "expected": "exempt", "actual": "not_eligible"},
        {"field": "situations", "expected": ["S2"], "actual": []},
    ]


def test_files_without_expect_are_skipped_and_a_suite_of_none_is_refused(tmp_path, write):
    bare = write("bare.yaml", "answers:\n  diligent: 是\n")
    result = run("criteria", "test", bare)
    assert result.exit_code == 2
    assert "没有可运行的测试" in result.stderr
    shutil.copy(ARTICLE_CASE, tmp_path / "article.yaml")
    result = run("criteria", "test", tmp_path)
    assert result.exit_code == 0, result.output
    assert "通过 1，未通过 0，跳过 1" in result.stdout


def test_expected_open_questions_and_situations_in_any_order(write):
    undetermined = (EXAMPLES / "s4-legacy-housing-title-undetermined.yaml").read_text(encoding="utf-8")
    assert undetermined.count("  next_questions: [private_gain]\n") == 1
    ok = write("ok.yaml", undetermined)
    wrong = write("wrong.yaml", undetermined.replace("next_questions: [private_gain]", "next_questions: [diligent]"))
    both = write("both.yaml", "answers:\n  context: [historical_issue, high_risk_work]\n  causes: [touching_vested_interests, proactive]\n"
                 "  consequences: [loss]\nexpect:\n  situations: [S5, S4]\n")
    result = run("criteria", "test", ok, both, "-f", "json")
    assert result.exit_code == 0, result.output
    result = run("criteria", "test", ok, wrong, "-f", "json")
    assert result.exit_code == 1
    [failed] = [r for r in json.loads(result.stdout)["results"] if r["status"] == "failed"]
    assert failed["differences"] == [{"field": "next_questions", "expected": ["diligent"], "actual": ["private_gain"]}]


def test_a_file_that_cannot_be_loaded_exits_2_and_the_rest_are_still_run(tmp_path):
    shutil.copy(ARTICLE_CASE, tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("answers:\n  diligent: perhaps\n", encoding="utf-8")
    result = run("criteria", "test", tmp_path, "-f", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [r["status"] for r in report["results"]] == ["passed", "load_error"]
    assert report["results"][1]["error"]["key"] == "answers.diligent"
    assert "b.yaml:2" in result.stderr


def test_an_expectation_naming_an_unknown_outcome_is_a_load_error(write):
    path = write("typo.yaml", "expect:\n  outcome: exmept\n")
    result = run("criteria", "test", path)
    assert result.exit_code == 2
    assert "exempt" in result.stderr  # did you mean


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_every_report_format_is_written(fmt, edited):
    assert run("criteria", "test", EXAMPLES, "--format", fmt).exit_code == 0
    assert run("diff", CRITERIA, edited, EXAMPLES, "--format", fmt).exit_code == 1


# ========================================================================= diff


def test_diff_of_identical_criteria_changes_nothing():
    result = run("diff", CRITERIA, CRITERIA, EXAMPLES)
    assert result.exit_code == 0, result.output
    assert "没有案件的结论或符合情形发生变化。" in result.stdout
    assert "共 8 件：有变化 0，无变化 8，无法读取 0。" in result.stdout


def test_diff_lists_the_cases_an_edit_flips_with_the_reason_and_a_count(edited):
    """The issue's second half of "done when"."""
    result = run("diff", CRITERIA, edited, EXAMPLES)
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert str(ARTICLE_CASE) in out
    assert "建议容错免责（免予责任追究） (exempt) → 不符合容错免责的情形或条件 (not_eligible)" in out
    assert "情形 S2：符合 → 不符合" in out
    assert "情形 S2 要件（符合 → 不符合）失误原因：回答为“先行先试”" in out
    assert "exempt → not_eligible: 1" in out
    assert "共 8 件：有变化 1，无变化 7" in out

    data = json.loads(run("diff", CRITERIA, edited, EXAMPLES, "--format", "json").stdout)
    assert (data["total"], data["changed"], data["unchanged"], data["errors"]) == (8, 1, 7, 0)
    assert data["transitions"] == [{"from": "exempt", "to": "not_eligible", "count": 1}]
    [case] = data["cases"]
    assert case["file"] == str(ARTICLE_CASE)
    assert case["old"] == {"outcome": "exempt", "situations_met": ["S2"], "rule": 3}
    assert case["new"] == {"outcome": "not_eligible", "situations_met": [], "rule": 2}
    assert [(r["where"], r["situation"], r["fact"], r["old"], r["new"]) for r in case["reasons"]] == [
        ("situation", "S2", None, "met", "not_met"),
        ("element", "S2", "causes", "met", "not_met"),
    ]


def test_diff_counts_each_transition(tmp_path):
    # Rule 4 asks for "not remedied" instead of "remedied": the two serious, remedied
    # cases (an example and a made-up one) are left undetermined, the serious
    # unremedied example is now mitigated.
    text = CRITERIA.read_text(encoding="utf-8")
    rule4 = "        - fact: remedied\n          is: yes\n"
    assert text.count(rule4) == 1
    (tmp_path / "new.yaml").write_text(text.replace(rule4, "        - fact: remedied\n          is: no\n"), encoding="utf-8")
    cases = tmp_path / "cases"
    shutil.copytree(EXAMPLES, cases)
    serious = ARTICLE_CASE.read_text(encoding="utf-8").replace("  serious_consequence:\n    value: 否", "  serious_consequence:\n    value: 是")
    (cases / "zz-serious.yaml").write_text(serious.replace("outcome: exempt", "outcome: mitigated"), encoding="utf-8")
    result = run("diff", CRITERIA, tmp_path / "new.yaml", cases, "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["transitions"] == [
        {"from": "mitigated", "to": "undetermined", "count": 2},
        {"from": "beyond_tolerance", "to": "mitigated", "count": 1},
    ]
    assert all(c["reasons"] == [] for c in data["cases"])  # the statuses are alike: the rules changed
    text_out = run("diff", CRITERIA, tmp_path / "new.yaml", cases, "--lang", "en").stdout
    assert "mitigated → undetermined: 2" in text_out and "beyond_tolerance → mitigated: 1" in text_out
    assert "situations and elements judged alike; the outcome rules differ" in text_out


def test_diff_says_when_a_case_loads_under_one_criteria_only():
    result = run("diff", CRITERIA, "wenze-2019", ARTICLE_CASE, "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    [failure] = data["failures"]
    # The question is shared; the Zigui option is not one of the national regulation's.
    assert failure["old"] is None and failure["new"]["key"] == "answers.context.value[1]"
    assert "--criteria zigui-2018" in failure["new"]["message"]
    text_out = run("diff", CRITERIA, "wenze-2019", ARTICLE_CASE).stdout
    assert "按新标准无法读取" in text_out and "按旧标准无法读取" not in text_out


def test_diff_of_a_broken_case_and_of_broken_criteria(write):
    broken = write("broken.yaml", "answers: [\n")
    result = run("diff", CRITERIA, CRITERIA, broken)
    assert result.exit_code == 2
    assert "YAML" in result.stdout
    missing = run("diff", CRITERIA, "no-such.yaml", ARTICLE_CASE)
    assert missing.exit_code == 2 and "no-such.yaml" in missing.stderr


# ============================================================== start-up discipline

_IN_PROCESS = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from zgrongcuo.cli import app

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            code = app(sys.argv[1:], standalone_mode=False)
        except SystemExit as exc:
            code = exc.code
    print(json.dumps({"code": code, "rich": "rich" in sys.modules}))
    """
)


@pytest.mark.parametrize(
    ("args", "code", "rich"),
    [
        (["criteria", "show", "--format", "markdown"], 0, False),
        (["criteria", "test", str(EXAMPLES), "--format", "json"], 0, False),
        (["diff", str(CRITERIA), str(CRITERIA), str(EXAMPLES), "--format", "json"], 0, False),
        (["criteria", "show"], 0, True),  # proves the probe sees Rich at all
    ],
    ids=["show-markdown", "test-json", "diff-json", "show-text"],
)
def test_markdown_and_json_reports_do_not_import_rich(args, code, rich):
    result = subprocess.run([sys.executable, "-c", _IN_PROCESS, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {"code": code, "rich": rich}
