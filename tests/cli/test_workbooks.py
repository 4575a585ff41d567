"""Registers on the command line: `check 台账.xlsx`, `--sheet`, `--format xlsx`, `template --format xlsx`."""

import json
import os
import shutil
import sys

import openpyxl
import pytest
from conftest import ARTICLE_CASE, EXAMPLES
from typer.testing import CliRunner
from workbooks import register

from zgrongcuo.cli import app
from zgrongcuo.io import case_reader
from zgrongcuo.io.questions import load_measures, questions

runner = CliRunner()
ZIGUI = questions(load_measures((None,)))


def run(*args, input=None):
    return runner.invoke(app, [*map(str, args)], input=input)


def test_check_reads_each_row_of_a_register_as_a_case(tmp_path):
    path = register(tmp_path / "台账.xlsx", [
        ["序号", "案件编号", "工作情境", "失误原因", "后果", "谋取私利"],
        [1, "A", "改革创新、推进经济社会事业发展", "先行先试", "出现失误或偏差", "否"],
        [2, "B", "无", "无", "无", "否"],
        [3, "C", "改革创新", None, None, None],
    ])  # fmt: skip
    result = run("check", path, "--format", "jsonl")
    assert result.exit_code == 2  # a row that cannot be read counts as a file that cannot

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["file"] for d in lines] == [f"{path}!2", f"{path}!3", f"{path}!4"]
    assert [d.get("outcome") for d in lines] == ["undetermined", "not_eligible", None]
    assert lines[2]["error"]["line"] == 4 and lines[2]["error"]["column"] == 3 and lines[2]["error"]["key"] == "工作情境"
    assert f"{path}!C4，工作表“台账”，列“工作情境”：" in result.stderr
    assert "（是否想写“改革创新、推进经济社会事业发展”？）" in result.stderr
    assert "A（序号）" in result.stderr  # the column not read is said to be, once


def test_sheet_names_the_sheet_and_needs_a_workbook(tmp_path):
    def build(wb, ws):
        other = wb.create_sheet("二季度")
        other.append(["案件编号", "谋取私利"])
        other.append(["Q2", "是"])

    path = register(tmp_path / "r.xlsx", [["案件编号", "谋取私利"], ["Q1", "否"]], build=build)
    first = run("check", path, "--format", "json")
    assert "只读取了“台账”" in first.stderr and '"Q1"' in first.stdout
    second = run("check", path, "--sheet", "二季度", "--format", "json")
    assert second.exit_code == 1 and '"Q2"' in second.stdout and "只读取了" not in second.stderr
    wrong = run("check", path, "--sheet", "三季度")
    assert wrong.exit_code == 2 and "没有名为“三季度”的工作表；现有：台账、二季度" in wrong.stderr
    alone = run("check", ARTICLE_CASE, "--sheet", "二季度")
    assert alone.exit_code == 2 and "--sheet 只用于工作簿" in alone.stderr


def test_a_folder_leaves_its_workbooks_alone_and_other_spreadsheets_are_told_what_to_do(tmp_path):
    register(tmp_path / "结果.xlsx", [["案件编号", "谋取私利"], ["X", "否"]])
    (tmp_path / "a.yaml").write_text(ARTICLE_CASE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", tmp_path, "--format", "jsonl")
    assert result.exit_code == 0 and result.stdout.count("\n") == 1
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    refused = run("check", old)
    assert refused.exit_code == 2 and "另存为 .xlsx" in refused.stderr


def test_format_xlsx_writes_a_workbook_with_o_and_never_to_a_terminal(tmp_path):
    nothing = run("check", EXAMPLES, "--format", "xlsx")
    assert nothing.exit_code == 2 and "-o" in nothing.stderr and nothing.stdout == ""
    out = tmp_path / "台账.xlsx"
    result = run("check", EXAMPLES, "--format", "xlsx", "-o", out)
    assert result.exit_code == 1 and f"已写入 {out}" in result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["台账", "汇总"] and book["台账"].max_row == 1 + len(list(EXAMPLES.glob("*.yaml")))
    again = run("check", EXAMPLES, "--format", "xlsx", "-o", out)
    assert again.exit_code == 2 and "未覆盖" in again.stderr
    piped = run("check", ARTICLE_CASE, "--format", "xlsx", "-o", "-")  # CliRunner's stdout is a pipe
    assert piped.exit_code == 0 and piped.stdout_bytes[:2] == b"PK"
    read_back = run("check", out)
    assert read_back.exit_code == 2 and "本工具写出的初筛台账" in read_back.stderr


def test_template_xlsx_filled_in_gives_the_yaml_outcome(tmp_path):
    refused = run("template", "--format", "xlsx")
    assert refused.exit_code == 2 and "-o" in refused.stderr
    blank = tmp_path / "登记表.xlsx"
    assert run("template", "--format", "xlsx", "-o", blank).exit_code == 0
    book = openpyxl.load_workbook(blank)
    sheet = book.worksheets[0]
    headings = [c.value for c in sheet[1]]
    case = case_reader.load(str(ARTICLE_CASE), ZIGUI)
    row = [None] * len(headings)
    row[0] = case.meta["id"]
    for fact in ZIGUI.facts:
        answer = case.answers[fact.id].value
        if isinstance(answer, bool):
            words = "是" if answer else "否"
        else:
            words = "；".join(fact.option(o).label["zh"] for o in answer)
        row[headings.index(fact.label["zh"])] = words
    sheet.append(row)
    book.save(blank)
    from_sheet = run("check", blank, "--format", "json")
    from_yaml = run("check", ARTICLE_CASE, "--format", "json")
    assert from_sheet.exit_code == from_yaml.exit_code == 0

    [got] = json.loads(from_sheet.stdout)  # a register is a batch: an array
    want = json.loads(from_yaml.stdout)
    statuses = [[(s["id"], s["status"], [e["status"] for e in s["elements"]]) for s in d["situations"]] for d in (got, want)]
    assert got["outcome"] == want["outcome"] and statuses[0] == statuses[1]  # the notes are the YAML file's alone
    assert from_sheet.stderr == ""  # the template's notes sheet is not another register


def test_the_installed_command_refuses_to_write_a_workbook_into_a_terminal(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    command = shutil.which("zgrongcuo", path=os.path.dirname(sys.executable))
    if command is None:
        pytest.skip("the console script is not installed beside this interpreter")
    env = {**os.environ, "ZGRONGCUO_LANG": "zh", "COLUMNS": "80"}
    for args in (["check", str(ARTICLE_CASE), "-f", "xlsx", "-o", "-"], ["template", "-f", "xlsx", "-o", "-"]):
        child = pexpect.spawn(command, args, env=env, timeout=30)
        out = child.read()
        child.close()
        assert child.exitstatus == 2, out
        text = out.decode("utf-8")
        assert "不能输出到终端" in text and "PK" not in text


def test_a_folder_of_workbooks_only_says_how_to_read_one(tmp_path):
    register(tmp_path / "台账.xlsx", [["案件编号", "谋取私利"], ["X", "否"]])
    result = run("check", tmp_path)
    assert result.exit_code == 2 and "不会自动读取" in result.stderr and "台账.xlsx" in result.stderr


def test_the_blank_register_names_its_measures_so_check_needs_no_criteria(tmp_path):
    blank = tmp_path / "问责登记表.xlsx"
    assert run("template", "--criteria", "wenze-2019", "--format", "xlsx", "-o", blank).exit_code == 0
    book = openpyxl.load_workbook(blank)
    sheet = book.worksheets[0]
    headings = [c.value for c in sheet[1]]
    measures = headings.index("办法") + 1
    assert sheet.cell(row=2, column=measures).value == "wenze-2019"  # filled in, ready, in every row
    untouched = run("check", blank)
    assert untouched.exit_code == 2 and "表头以下没有填写任何案件" in untouched.stderr  # a measure alone is no case
    sheet.cell(row=2, column=1, value="W-1")
    book.save(blank)
    result = run("check", blank, "--format", "json")
    [d] = json.loads(result.stdout)
    assert d["criteria"]["id"] == "wenze-2019" and d["case"]["id"] == "W-1"


def test_a_registers_rows_are_checked_in_worker_processes_with_the_same_output(tmp_path, monkeypatch):
    import zgrongcuo.batch

    monkeypatch.setattr(zgrongcuo.batch, "CHUNK", 4)
    rows = [["案件编号", "办法", "工作情境", "谋取私利"]]
    for n in range(24):
        rows.append([f"R{n}", "zigui-2018" if n % 3 else "zigui-2018、wenze-2019", "改革创新、推进经济社会事业发展", "否"])
    rows[11][3] = "也许"  # a row that cannot be read, its error made in a worker
    path = register(tmp_path / "台账.xlsx", rows)
    for fmt in ("jsonl", "csv", "text"):
        one = run("check", path, "--format", fmt, "--jobs", "1")
        two = run("check", path, "--format", fmt, "--jobs", "2")
        assert one.exit_code == two.exit_code == 2
        assert one.stdout == two.stdout, fmt
        assert one.stderr == two.stderr and "台账.xlsx!D12，工作表“台账”，列“谋取私利”" in two.stderr
