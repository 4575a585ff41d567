"""`zgrongcuo check` through CliRunner: formats, languages, batches and exit codes."""

import csv
import io
import json
import shutil

import pytest
from conftest import ARTICLE_CASE, EXAMPLES
from typer.testing import CliRunner

from zgrongcuo import __version__
from zgrongcuo.cli import app
from zgrongcuo.render.registry import OutputFormat

runner = CliRunner()

SPEC_FIELDS = [
    "file",
    "case",
    "lang",
    "tool_version",
    "criteria",
    "outcome",
    "outcome_label",
    "rule",
    "situations",
    "preconditions",
    "exclusions",
    "next_questions",
    "unchecked_exclusions",
]
ELEMENT_FIELDS = {"fact", "status", "answer", "note", "reason"}


def check(*args, input=None):
    return runner.invoke(app, ["check", *map(str, args)], input=input)


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"zgrongcuo {__version__}"


def test_the_article_case_in_text():
    result = check(ARTICLE_CASE)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.rstrip().splitlines()[-1] == "结论：建议容错免责（免予责任追究）  (exempt)"
    assert "理由：符合情形二；前提条件均满足；未触及底线；后果严重为“否”。" in out
    assert "情形二  各项要件均符合。" in out
    assert "申请、受理、核实、认定" in out  # the reminder, as the next step
    # The line naming the file and the measure wraps where the checkout's path is long.
    assert "秭归县党员干部容错免责暂行办法（试行）（2018.1）" in "".join(out.split())
    assert "Traceback" not in result.output


def test_the_article_case_in_detail():
    result = check(ARTICLE_CASE, "--detail")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "建议容错免责（免予责任追究）" in out and "(exempt)" in out
    assert "经过民主决策程序" in out  # an element's reason
    assert "没有谋取私利" in out  # the measure's quoted words
    assert "申请、受理、核实、认定" in out  # the reminder
    assert "版本 2018.1" in out


def test_the_article_case_in_english():
    result = check(ARTICLE_CASE, "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.rstrip().splitlines()
    assert lines[-1] == "Outcome: Tolerance recommended (exempt from liability)  (exempt)"
    assert lines[-2].startswith("Why: Situation 2 met; every precondition is met")
    assert "Situations" in result.stdout
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in lines[-1] + lines[-2])


def test_json_carries_every_fixed_field():
    result = check(ARTICLE_CASE, "--format", "json")
    assert result.exit_code == 0
    d = json.loads(result.stdout)
    assert list(d)[: len(SPEC_FIELDS)] == SPEC_FIELDS
    assert d["file"] == str(ARTICLE_CASE)
    assert d["case"]["id"] == "ZG-2014-57"
    assert set(d["case"]) == {"id", "title", "subject", "summary", "conduct_date"}
    assert d["lang"] == "zh" and d["tool_version"] == __version__
    assert set(d["criteria"]) >= {"title", "version", "sha256"} and len(d["criteria"]["sha256"]) == 64
    assert (d["outcome"], d["outcome_label"], d["rule"]) == ("exempt", "建议容错免责（免予责任追究）", 3)
    assert [s["id"] for s in d["situations"]] == ["S1", "S2", "S3", "S4", "S5"]
    s2 = d["situations"][1]
    assert s2["status"] == "met" and s2["basis"] == "zigui" and s2["quote"].startswith("2.")
    for element in s2["elements"] + d["preconditions"] + d["exclusions"]:
        assert set(element) >= ELEMENT_FIELDS
        assert element["status"] in {"met", "not_met", "unknown"}
    causes = next(e for e in s2["elements"] if e["fact"] == "causes")
    assert causes["answer"] == ["pilot"]
    assert causes["note"] and causes["note"] in causes["reason"]
    assert [e["fact"] for e in d["exclusions"]] == [
        "private_gain",
        "knowingly_violated",
        "persisted_after_prohibition",
        "major_liability_accident",
    ]
    assert all(e["status"] == "not_met" and e["answer"] is False for e in d["exclusions"])
    assert d["next_questions"] == [] and d["unchecked_exclusions"] == []


def test_undetermined_lists_open_questions_and_exits_3(write):
    path = write("open.yaml", "answers:\n  context: [reform_innovation]\n")
    result = check(path, "--format", "json")
    assert result.exit_code == 3
    d = json.loads(result.stdout)
    assert d["outcome"] == "undetermined" and d["rule"] is None
    assert d["next_questions"][0] == "causes"
    assert "context" not in d["next_questions"]
    assert d["unchecked_exclusions"] == [
        "private_gain",
        "knowingly_violated",
        "persisted_after_prohibition",
        "major_liability_accident",
    ]
    text = check(path)
    assert text.exit_code == 3
    assert "尚待回答的问题" in text.stdout


def test_unfavourable_reached_with_bottom_lines_unexamined_says_so(write):
    path = write("out.yaml", "answers:\n  context: []\n  causes: []\n  consequences: []\n")
    result = check(path)
    assert result.exit_code == 1
    assert "不符合容错免责的情形或条件" in result.stdout
    assert "底线情形未查明：" in result.stdout
    assert "谋取私利" in result.stdout


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("zigui-2014-57-insurance.yaml", 0),
        ("s3-employment-subsidy-mitigated.yaml", 0),
        ("s1-tender-to-relative-not-tolerated.yaml", 1),
        ("none-routine-stockpiling-loss-not-eligible.yaml", 1),
        ("s2-collective-shares-loss-beyond-tolerance.yaml", 1),
        ("s4-legacy-housing-title-undetermined.yaml", 3),
    ],
)
def test_exit_code_per_outcome(name, code):
    result = check(EXAMPLES / name, "--format", "json")
    assert result.exit_code == code


def test_a_mixed_folder_gives_one_jsonl_line_each_and_the_aggregate_code(tmp_path, write):
    folder = tmp_path / "batch"
    shutil.copytree(EXAMPLES, folder)
    (folder / "zz-broken.yaml").write_text("answers:\n  diligent: perhaps\n", encoding="utf-8")
    result = check(folder, "--format", "jsonl")
    assert result.exit_code == 2  # a file that cannot be loaded outranks the outcomes
    lines = result.stdout.splitlines()
    files = sorted(p for p in folder.iterdir())
    assert len(lines) == len(files)
    objects = [json.loads(line) for line in lines]
    assert [o["file"] for o in objects] == [str(p) for p in files]
    broken = objects[-1]
    assert broken == {
        "file": str(folder / "zz-broken.yaml"),
        "error": {"message": broken["error"]["message"], "line": 2, "column": 13, "key": "answers.diligent"},
    }
    assert "zz-broken.yaml:2:13" in result.stderr
    (folder / "zz-broken.yaml").unlink()
    assert check(folder, "--format", "jsonl").exit_code == 1  # unfavourable outranks undetermined


def test_json_is_an_array_for_several_cases():
    result = check(ARTICLE_CASE, EXAMPLES / "s3-employment-subsidy-mitigated.yaml", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["outcome"] for d in data] == ["exempt", "mitigated"]
    folder = check(EXAMPLES, "--format", "json")
    assert isinstance(json.loads(folder.stdout), list)


def test_csv_for_spreadsheets():
    result = check(EXAMPLES, "--format", "csv")
    assert result.exit_code == 1
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows[0] == [
        "文件", "案件编号", "标题", "当事单位或人员", "办法", "结论代码", "结论", "符合情形", "待答问题",
        "已作决定", "决定依据", "与决定一致",
        "办法名称", "符合情形（名称）", "待答问题（名称）", "已作决定（文字）", "与决定是否一致（文字）",
    ]  # fmt: skip
    by_file = {r[0]: r for r in rows[1:]}
    article = by_file[str(ARTICLE_CASE)]
    assert article[1] == "ZG-2014-57" and article[3].startswith("2014年县政府文件的起草者和审批者")
    assert article[4:8] == ["zigui-2018", "exempt", "建议容错免责（免予责任追究）", "S2"]
    assert article[12:] == ["秭归县办法（2018）", "情形二", "", "", ""]  # the ids again, in words, last
    undetermined = by_file[str(EXAMPLES / "s4-legacy-housing-title-undetermined.yaml")]
    assert undetermined[5:12] == ["undetermined", "信息不足，无法判定", "S4", "private_gain", "", "", ""]
    assert undetermined[12:] == ["秭归县办法（2018）", "情形四", "谋取私利", "", ""]
    english = check(EXAMPLES, "--format", "csv", "--lang", "en")
    english_rows = list(csv.reader(io.StringIO(english.stdout.removeprefix("\ufeff"))))
    assert english_rows[0] == [
        "file", "case_id", "title", "subject", "measure", "outcome", "label", "situations_met", "open_questions",
        "decision", "decision_measure", "agrees",
        "measure_name", "situations_named", "open_named", "decision_label", "agrees_label",
    ]  # fmt: skip
    assert {r[0]: r for r in english_rows[1:]}[str(ARTICLE_CASE)][12:14] == ["Zigui measure (2018)", "Situation 2"]


def test_text_batch_ends_with_a_summary():
    result = check(EXAMPLES)
    assert result.exit_code == 1
    assert "汇总" in result.stdout
    assert "共 8 件" in result.stdout


def test_stdin():
    result = check("-", "--format", "json", input=ARTICLE_CASE.read_text(encoding="utf-8"))
    assert result.exit_code == 0
    d = json.loads(result.stdout)
    assert d["file"] == "-" and d["outcome"] == "exempt"


def test_gb18030_files_load_with_a_warning(write):
    path = write("gbk.yaml", ARTICLE_CASE.read_text(encoding="utf-8").encode("gb18030"))
    result = check(path, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["outcome"] == "exempt"
    assert "GB18030" in result.stderr
    assert json.loads(result.stdout)["warnings"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("answers:\n  privte_gain: 否\n", "bad.yaml:2:3，键 answers.privte_gain：未知的问题“privte_gain”（是否想写“private_gain”？）。"),
        ("answers:\n  diligent: 是\n  diligent: 否\n", "bad.yaml:3:3，键 answers.diligent：键“diligent”重复（第一次出现在第 2 行）。"),
        ("answers: !!python/object/apply:os.system [ls]\n", "bad.yaml:1:10，键 answers：不允许使用 YAML 标签"),
        ("answers:\n\tdiligent: 是\n", "bad.yaml:2:1：YAML 不允许用制表符（Tab）缩进"),
        ("", "bad.yaml：文件为空。"),
    ],
)
def test_bad_input_is_one_paragraph_with_file_and_line(write, content, fragment):
    path = write("bad.yaml", content)
    result = check(path)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.output


def test_bad_input_in_english(write):
    path = write("bad.yaml", "answers:\n  causes: [pilott]\n")
    result = check(path, "--lang", "en")
    assert result.exit_code == 2
    assert "bad.yaml:2:12, key answers.causes[1]: question 'causes' has no option 'pilott' (did you mean 'pilot'?)." in result.stderr


def test_missing_file_and_empty_folder(tmp_path):
    result = check(tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr and "文件不存在" in result.stderr
    (tmp_path / "empty").mkdir()
    result = check(tmp_path / "empty")
    assert result.exit_code == 2
    assert "没有案件文件" in result.stderr


def test_usage_errors_exit_2():
    assert runner.invoke(app, ["check"]).exit_code == 2
    assert check(ARTICLE_CASE, "--format", "xml").exit_code == 2
    assert check(ARTICLE_CASE, "--lang", "fr").exit_code == 2
    assert check("-", "-").exit_code == 2
    result = check(ARTICLE_CASE, "--criteria", "no-such-measure")
    assert result.exit_code == 2
    assert "no-such-measure" in result.stderr


def test_internal_errors_apologise_and_exit_70(monkeypatch):
    import zgrongcuo.engine.evaluation

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(zgrongcuo.engine.evaluation, "evaluate", broken)
    result = check(ARTICLE_CASE)
    assert result.exit_code == 70
    assert "内部出错" in result.stderr and "RuntimeError: boom" in result.stderr
    assert "Traceback" not in result.stderr
    debug = runner.invoke(app, ["--debug", "check", str(ARTICLE_CASE)])
    assert debug.exit_code == 70
    assert "Traceback" in debug.stderr


def test_every_output_format_has_a_renderer_that_keeps_the_contract():
    from zgrongcuo.render.contract import Renderer, RenderOptions
    from zgrongcuo.render.registry import document_format, make_renderer, renderer_class

    for member in OutputFormat:
        cls = renderer_class(member)
        assert issubclass(cls, Renderer) and cls.emit is not Renderer.emit, member
        renderer = make_renderer(member, io.BytesIO() if member.binary else io.StringIO(), RenderOptions("zh", batch=True))
        assert isinstance(renderer, cls)
        if member.is_report:
            module = document_format(member)
            assert module.SUFFIX.startswith(".") and callable(module.document) and callable(module.summary_document)


def test_stdin_json_with_tabs_and_stdin_flow_yaml():
    as_json = '{\n\t"answers": {\n\t\t"context": ["reform_innovation"]\n\t}\n}\n'
    result = check("-", "--format", "json", input=as_json)
    assert result.exit_code == 3
    assert json.loads(result.stdout)["file"] == "-"
    flow_yaml = "{answers: {context: [], causes: [], consequences: []}}\n"
    result = check("-", "--format", "json", input=flow_yaml)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["outcome"] == "not_eligible"


def test_jobs_give_the_same_output_line_for_line(tmp_path, monkeypatch):
    import zgrongcuo.batch

    monkeypatch.setattr(zgrongcuo.batch, "CHUNK", 4)
    folder = tmp_path / "many"
    folder.mkdir()
    sources = sorted(EXAMPLES.glob("*.yaml"))
    for n in range(24):
        shutil.copy(sources[n % len(sources)], folder / f"case-{n:03d}.yaml")
    (folder / "case-010.yaml").write_text("answers:\n  diligent: perhaps\n", encoding="utf-8")
    for fmt in ("jsonl", "csv", "text"):
        one = check(folder, "--format", fmt, "--jobs", "1")
        two = check(folder, "--format", fmt, "--jobs", "2")
        assert one.exit_code == two.exit_code == 2
        assert one.stdout == two.stdout, fmt
        assert one.stderr == two.stderr
    all_cores = check(folder, "--format", "jsonl", "--jobs", "0")
    assert all_cores.exit_code == 2 and all_cores.stdout == one_jsonl(folder)


def one_jsonl(folder):
    return check(folder, "--format", "jsonl").stdout


def test_errors_survive_the_trip_from_a_worker():
    import pickle

    from zgrongcuo.errors import CaseError

    error = CaseError("unknown_option", file="a.yaml", line=3, column=5, key="answers.causes[1]", name="x", fact="causes")
    error.suggestion = "pilot"
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is CaseError
    assert copy.render("zh") == error.render("zh") and copy.to_json("en") == error.to_json("en")


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path, monkeypatch):
    import zgrongcuo.render.progress

    monkeypatch.setattr(zgrongcuo.render.progress, "PROGRESS_FROM", 3)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(4):
        shutil.copy(ARTICLE_CASE, folder / f"case-{n:03d}.yaml")
    result = check(folder)
    assert result.exit_code == 0
    assert result.stderr == ""


def test_a_progress_bar_on_a_terminal_for_long_text_batches(monkeypatch):
    import sys

    from zgrongcuo.render.progress import progress as _progress
    from zgrongcuo.render.progress import wanted as _wants_progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert not _wants_progress(OutputFormat.jsonl)  # never for machine-readable output
    assert _wants_progress(OutputFormat.text)
    with _progress(None, "zh") as advance:
        advance()
    assert sys.stderr.getvalue() == ""
    with _progress(500, "zh") as advance:
        for _ in range(500):
            advance()
    assert "核查中" in sys.stderr.getvalue()


_IMPORTED = """
import sys
from zgrongcuo.cli import main
sys.argv = ["zgrongcuo", *sys.argv[1:]]
try:
    main()
except SystemExit as exit:
    code = exit.code
print("\\n" + " ".join(sorted(m for m in sys.modules if m.startswith("zgrongcuo.cli."))), file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        (["check", str(ARTICLE_CASE), "--format", "json"], {"process", "root", "framework", "common", "check"}),
        (["--debug", "check", "--format", "jsonl", str(EXAMPLES)], {"process", "root", "framework", "common", "check"}),
        (["criteria", "show", "--format", "markdown"], {"process", "root", "framework", "common", "authors"}),
        (["check", "--help"], {"process", "root", "framework", "common", "check"}),
        (["--version"], {"process", "root", "framework"}),
        # the list of commands needs them all
        (["--help"], {"process", "root", "framework", "common", "check", "ask", "similar", "suggest", "authors", "bundle"}),
        (["suggest", "--help"], {"process", "root", "framework", "common", "suggest"}),
        (["no-such-command"], {"process", "root", "framework", "common"}),
    ],
)
def test_the_console_script_imports_only_the_command_it_runs_and_behaves_as_the_app(argv, modules):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _IMPORTED, *argv], capture_output=True, text=True, timeout=60)
    imported = done.stderr.rstrip("\n").rpartition("\n")[2].split()
    assert {m.removeprefix("zgrongcuo.cli.") for m in imported} == modules
    in_process = runner.invoke(app, argv)
    if "--help" in argv:  # CliRunner lays help out 80 columns wide, Click elsewhere at most 78
        assert "".join(done.stdout.split()) == "".join(in_process.stdout.split())
    else:
        assert done.stdout == in_process.stdout


def test_csv_cells_that_would_be_formulas_stay_text(write):
    path = write("x.yaml", 'case:\n  id: "-1"\n  title: "=HYPERLINK(\\"http://x\\")"\nanswers:\n  context: []\n')
    result = check(path, "--format", "csv")
    assert result.exit_code == 1
    [row] = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))[1:]
    assert row[1:3] == ["'-1", "'=HYPERLINK(\"http://x\")"]
    json_result = check(path, "--format", "json")
    assert json.loads(json_result.stdout)["case"]["title"] == '=HYPERLINK("http://x")'  # only CSV marks it


def test_explain_gives_a_folder_of_json_reports_what_it_gives_standard_output(tmp_path):
    case = str(EXAMPLES / "none-routine-stockpiling-loss-not-eligible.yaml")
    runner = CliRunner()
    printed = json.loads(runner.invoke(app, ["check", case, "--format", "json", "--explain"]).stdout)
    assert runner.invoke(app, ["check", case, "--format", "json", "--explain", "-o", f"{tmp_path}/reports/"]).exit_code == 1
    [written] = (tmp_path / "reports").iterdir()
    assert json.loads(written.read_text(encoding="utf-8"))["counterfactuals"] == printed["counterfactuals"] != []
