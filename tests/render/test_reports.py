"""Reports (Markdown, HTML, Word), folders of them, the batch summary, and --explain."""

import json
import shutil
import sys
from html.parser import HTMLParser

import pytest
from conftest import ARTICLE_CASE, EXAMPLES
from typer.testing import CliRunner

from zgrongcuo.cli import app

runner = CliRunner()

NO_DEMOCRATIC_DECISION = ARTICLE_CASE.read_text(encoding="utf-8").replace(
    "  democratic_decision:\n    value: 是\n", "  democratic_decision:\n    value: 否\n"
)
assert NO_DEMOCRATIC_DECISION != ARTICLE_CASE.read_text(encoding="utf-8")
ISSUE_SENTENCE = "若经过民主决策程序为“是”（现为“否”），则符合情形二，结论为建议容错免责（免予责任追究）。"


def check(*args, input=None):
    return runner.invoke(app, ["check", *map(str, args)], input=input)


class Page(HTMLParser):
    """The text of a page, its tags, and whether it reaches outside itself."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.text, self.tags, self.outside = [], [], []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and "://" in value:
                self.outside.append(value)

    def handle_data(self, data):
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def docx_text(path) -> str:
    docx = pytest.importorskip("docx")
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture
def no_dd(write):
    return write("zg-no-dd.yaml", NO_DEMOCRATIC_DECISION)


# ------------------------------------------------------- the done-when case


def test_text_shows_that_a_democratic_decision_would_make_it_exempt(no_dd):
    result = check(no_dd)
    assert result.exit_code == 1
    out = result.stdout
    assert "不符合容错免责的情形或条件" in out
    assert "结论所依据的认定" in out
    flat = "".join(line.strip().lstrip("•").strip() for line in out.splitlines())
    assert ISSUE_SENTENCE in flat
    assert "结论为建议容错免责（免予责任追究）。" in flat


def test_json_explain_lists_counterfactuals(no_dd):
    result = check(no_dd, "--format", "json", "--explain")
    assert result.exit_code == 1
    d = json.loads(result.stdout)
    first = d["counterfactuals"][0]
    assert first["changes"] == [{"fact": "democratic_decision", "from": False, "to": True}]
    assert first["outcome"] == "exempt" and first["situations_met"] == ["S2"] and first["bottom_line"] is False
    assert first["text"].startswith(ISSUE_SENTENCE)
    assert all(cf["outcome"] in ("exempt", "mitigated") for cf in d["counterfactuals"])


def test_json_and_jsonl_stay_lean_without_explain(no_dd):
    assert "counterfactuals" not in json.loads(check(no_dd, "--format", "json").stdout)
    lines = check(EXAMPLES, "--format", "jsonl").stdout.splitlines()
    assert lines and all("counterfactuals" not in json.loads(line) for line in lines)
    explained = [json.loads(line) for line in check(EXAMPLES, "--format", "jsonl", "--explain").stdout.splitlines()]
    assert all("counterfactuals" in d for d in explained)
    assert all(d["counterfactuals"] == [] for d in explained if d["favourable"])


def test_undetermined_json_explain_gives_each_deciding_answer():
    result = check(EXAMPLES / "s4-legacy-housing-title-undetermined.yaml", "--format", "json", "--explain", "--lang", "en")
    assert result.exit_code == 3
    d = json.loads(result.stdout)
    got = {(c["changes"][0]["fact"], c["changes"][0]["to"]): c["outcome"] for c in d["counterfactuals"]}
    assert got == {("private_gain", True): "not_tolerated", ("private_gain", False): "exempt"}
    assert all(c["bottom_line"] for c in d["counterfactuals"])


# --------------------------------------------------------------- one report


def test_markdown_report(no_dd):
    result = check(no_dd, "--format", "markdown")
    assert result.exit_code == 1
    md = result.stdout
    assert md.startswith("# 关于ZG-2014-57 建房户意外伤害保险文件")
    for heading in ("## 一、案件基本情况", "## 二、对照分析", "## 三、初筛意见", "## 四、程序说明", "### 结论所依据的认定"):
        assert heading in md
    assert "### （二）情形二：" in md and "：不符合" in md
    assert "> 理由：不符合任何一种情形。" in md
    assert "经过民主决策程序：回答为“否”；要求为“是”。" in md  # a reason
    assert ISSUE_SENTENCE in md
    assert "申请、受理、核实、认定" in md
    assert "标准文件 sha256：" in md and "生成时间：" in md
    assert "| 经过民主决策程序 | “否” | 假设：" in md  # answers with their notes


def test_markdown_escapes_what_the_user_wrote(write):
    path = write("x.yaml", "case:\n  id: A|B\n  title: '*bold* <b>x</b>'\nanswers:\n  context: []\n  causes: []\n  consequences: []\n")
    md = check(path, "--format", "markdown").stdout
    assert "A\\|B" in md and "\\*bold\\* \\<b\\>x\\</b\\>" in md


def test_html_report_is_self_contained_and_escaped(write):
    path = write(
        "x.yaml",
        NO_DEMOCRATIC_DECISION.replace("  id: ZG-2014-57\n", "  id: ZG-2014-57\n  subject: <script>alert(1)</script>\n", 1).replace(
            "  subject: 2014年", "  # subject: 2014年"
        ),
    )
    result = check(path, "--format", "html")
    assert result.exit_code == 1, result.output
    source = result.stdout
    assert "<script>" not in source and "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    page = Page(source)
    assert page.tags[:1] == ["html"] and "style" in page.tags and "table" in page.tags
    assert page.outside == []
    text = page.all_text
    assert "不符合容错免责的情形或条件" in text and "(not_eligible)" in text
    for name in ("情形一：", "情形二：", "情形三：", "情形四：", "情形五："):
        assert name in text
    assert "理由：不符合任何一种情形。" in text
    assert "经过民主决策程序：回答为“否”；要求为“是”。" in text
    assert "没有谋取私利" in text  # quoted words of the measure
    assert ISSUE_SENTENCE in text
    assert "版本 2018.1" in text and "标准文件 sha256：" in text and "生成时间：" in text
    assert "<script>alert(1)</script>" in text  # shown as text, not run


def test_docx_report_reads_back(no_dd, tmp_path):
    pytest.importorskip("docx")
    out = tmp_path / "opinion.docx"
    result = check(no_dd, "--format", "docx", "-o", out)
    assert result.exit_code == 1, result.output
    assert "已写入" in result.stderr
    text = docx_text(out)
    lines = text.splitlines()
    assert lines[0].startswith("关于ZG-2014-57") and lines[0].endswith("的容错免责初筛意见（草稿）") and "问题容错" not in lines[0]
    order = [text.index(h) for h in ("一、案件基本情况", "二、对照分析", "三、初筛意见", "四、程序说明")]
    assert order == sorted(order)
    assert "（二）情形二：" in text and "（六）前提条件" in text and "（七）底线（排除情形）" in text
    assert "初筛结论：不符合容错免责的情形或条件。" in text and "理由：不符合任何一种情形。" in text
    assert "not_eligible" not in text and str(no_dd) not in text and "S2" not in text  # a Chinese draft: no codes, no paths
    assert ISSUE_SENTENCE in text
    assert "申请、受理、核实、认定" in text
    import docx

    title = docx.Document(str(out)).paragraphs[0]
    assert title.style.name == "Title" and title.style.font.size.pt == 22  # the title in 二号


def test_docx_never_goes_to_a_terminal_or_unnamed_batch(monkeypatch):
    pytest.importorskip("docx")
    result = check(ARTICLE_CASE, "--format", "docx")
    assert result.exit_code == 2
    assert "-o" in result.stderr
    result = check(EXAMPLES, "--format", "docx")
    assert result.exit_code == 2
    assert "文件夹" in result.stderr


def test_docx_into_a_pipe_with_dash(tmp_path):
    pytest.importorskip("docx")
    result = runner.invoke(app, ["check", str(ARTICLE_CASE), "--format", "docx", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes[:2] == b"PK"  # a zip container, as .docx files are
    out = tmp_path / "piped.docx"
    out.write_bytes(result.stdout_bytes)
    assert "建议容错免责（免予责任追究）" in docx_text(out)


def test_docx_without_python_docx_says_how_to_install(monkeypatch, tmp_path):
    # python-docx is a dependency; an install that lost it (--no-deps, a broken environment) is told to reinstall.
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now raises ImportError
    result = check(ARTICLE_CASE, "--format", "docx", "-o", tmp_path / "x.docx", "--lang", "en")
    assert result.exit_code == 2
    assert "reinstall the tool (pip install zgrongcuo)" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.docx").exists()


def test_a_single_report_file_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "r.md"
    out.write_text("mine", encoding="utf-8")
    result = check(ARTICLE_CASE, "--format", "markdown", "-o", out)
    assert result.exit_code == 2
    assert "已存在" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    assert check(ARTICLE_CASE, "--format", "markdown", "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# 关于ZG-2014-57")


# ------------------------------------------------------------------ batches


@pytest.mark.parametrize("fmt", ["markdown", "html", "docx"])
def test_a_batch_writes_one_report_per_case_and_a_summary(tmp_path, fmt):
    if fmt == "docx":
        pytest.importorskip("docx")
    folder = tmp_path / "reports"
    result = check(EXAMPLES, "--format", fmt, "-o", folder)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    suffix = {"markdown": ".md", "html": ".html", "docx": ".docx"}[fmt]
    written = sorted(p.name for p in folder.iterdir())
    ids = ["DEMO-2018-026", "DEMO-2019-014", "DEMO-2019-031", "DEMO-2020-007", "DEMO-2020-042", "DEMO-2021-019", "DEMO-2022-003", "ZG-2014-57"]
    assert written == sorted([f"{i}{suffix}" for i in ids] + [f"summary{suffix}"])
    article = folder / f"ZG-2014-57{suffix}"
    if fmt == "docx":
        text = docx_text(article)
    elif fmt == "html":
        text = Page(article.read_text(encoding="utf-8")).all_text
    else:
        text = article.read_text(encoding="utf-8")
    assert "建议容错免责（免予责任追究）" in text and ("exempt" in text) == (fmt != "docx")
    assert "经过民主决策程序：回答为“是”；要求为“是”。" in text
    assert "假设：文章没有说明" in text  # the note on an assumed answer
    summary = folder / f"summary{suffix}"
    summary_text = docx_text(summary) if fmt == "docx" else summary.read_text(encoding="utf-8")
    assert "共 8 件" in summary_text and "按结论统计" in summary_text and "按符合情形统计" in summary_text
    assert "建房户意外伤害保险文件" in summary_text  # each case's title
    if fmt != "docx":
        assert f"ZG-2014-57{suffix}" in summary_text
    assert (folder / f"ZG-2014-57{suffix}").stat().st_mode & 0o077 == 0  # owner-only, like every file we write

    again = check(EXAMPLES, "--format", fmt, "-o", folder)
    assert again.exit_code == 2
    assert again.stderr.count("已存在") == 9
    assert check(EXAMPLES, "--format", fmt, "-o", folder, "--force").exit_code == 1


def test_report_names_fall_back_to_the_file_and_never_collide(tmp_path, write):
    folder = tmp_path / "in"
    write("in/a.yaml", "case:\n  id: 'X/1:?'\nanswers:\n  context: []\n  causes: []\n  consequences: []\n")
    write("in/b.yaml", "case:\n  id: 'X/1:?'\nanswers:\n  context: []\n  causes: []\n  consequences: []\n")
    write("in/无编号.yaml", "answers:\n  context: []\n  causes: []\n  consequences: []\n")
    write("in/summary.yaml", "answers:\n  context: []\n")
    out = tmp_path / "out"
    result = check(folder, "--format", "markdown", "-o", out)
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(["X-1.md", "X-1-2.md", "summary-2.md", "summary.md", "无编号.md"])


def test_a_batch_into_an_existing_file_is_refused(tmp_path):
    target = tmp_path / "file.md"
    target.write_text("x", encoding="utf-8")
    result = check(EXAMPLES, "--format", "markdown", "-o", target)
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "x"


def test_a_load_failure_is_counted_in_the_summary(tmp_path):
    folder = tmp_path / "cases"
    shutil.copytree(EXAMPLES, folder)
    (folder / "zz-broken.yaml").write_text("answers:\n  diligent: perhaps\n", encoding="utf-8")
    out = tmp_path / "out"
    result = check(folder, "--format", "html", "-o", out)
    assert result.exit_code == 2
    source = (out / "summary.html").read_text(encoding="utf-8")
    text = Page(source).all_text
    assert "共 9 件" in text and "无法读取" in text
    # The table of cases names each case's title and subject, and says in its row why a file failed.
    for heading in ("案件编号", "标题", "当事单位或人员", "结论", "说明"):
        assert f"<th>{heading}</th>" in source
    assert "建房户意外伤害保险文件（秭政办发〔2014〕57号）" in text and "某街道办事处主任" in text
    failed = next(row for row in source.split("<tr>") if "zz-broken.yaml" in row)
    assert "“perhaps”不是有效的答案" in failed and 'class="outcome o-unfav"' in failed
    assert '<body class="wide">' in source and "table-layout:fixed" in source  # the page may use the window's width


def test_markdown_batch_to_standard_output_ends_with_the_summary():
    result = check(EXAMPLES, "--format", "markdown", "--lang", "en")
    assert result.exit_code == 1
    md = result.stdout
    assert md.count("\n# Screening opinion on fault tolerance (draft): ") == 7 and md.startswith("# Screening opinion")
    summary = md[md.index("# Fault-tolerance screening summary") :]
    assert "8 cases:" in summary and "## By outcome" in summary and "## By situation met" in summary


def test_html_batch_to_standard_output_is_one_page():
    result = check(EXAMPLES, "--format", "html")
    assert result.exit_code == 1
    page = Page(result.stdout)
    assert page.tags.count("html") == 1 and page.tags.count("article") == 8
    assert "容错免责初筛汇总" in page.all_text


def test_text_batch_summary_counts_by_outcome_and_situation_with_bars():
    result = check(EXAMPLES)
    assert result.exit_code == 1
    out = result.stdout
    tail = out[out.index("按结论统计") :]
    assert "按符合情形统计" in tail and "█" in tail
    rows = {line.split("│")[1].strip(): line for line in tail.splitlines() if line.startswith("│") and line.split("│")[1].strip()}
    assert rows["建议容错免责（免予责任追究）"].split("│")[2].strip() == "3"
    assert rows["情形二"].split("│")[2].strip() == "2"
    # the largest count has the longest bar
    assert rows["建议容错免责（免予责任追究）"].count("█") > rows["建议减轻责任追究"].count("█") > 0


def test_text_output_can_go_to_a_file(tmp_path):
    out = tmp_path / "r.txt"
    result = check(ARTICLE_CASE, "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert "建议容错免责（免予责任追究）" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_document_formats_start_without_rich_or_python_docx(fmt):
    import subprocess

    from test_packaging import _CHECK_IN_PROCESS

    probe = _CHECK_IN_PROCESS.replace('"rich": "rich" in sys.modules', '"rich": "rich" in sys.modules or "docx" in sys.modules')
    result = subprocess.run([sys.executable, "-c", probe, fmt, str(ARTICLE_CASE)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    assert got["code"] == 0 and "建议容错免责" in got["out"]
    assert got["rich"] is False
