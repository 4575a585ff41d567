"""`--document`: the 核实清单 and the application form from the command line, and the progress bar over a folder."""

import io
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ARTICLE_CASE, EXAMPLES
from typer.testing import CliRunner

from zgrongcuo.cli import app, common
from zgrongcuo.render.documents import Document
from zgrongcuo.text.catalogue import text

runner = CliRunner()
SCRIPT = Path(sys.executable).parent / "zgrongcuo"


def two_open(folder: Path) -> Path:
    """The article's case with whether the decision was democratic and whether it was remedied changed to 待核实."""
    case = ARTICLE_CASE.read_text(encoding="utf-8")
    for fact in ("democratic_decision", "remedied"):
        case = re.sub(rf"^  {fact}:\n    value: .*$", f"  {fact}:\n    value: 待核实", case, flags=re.MULTILINE)
    path = folder / "案件.yaml"
    path.write_text(case, encoding="utf-8")
    return path


def check(*args):
    return runner.invoke(app, ["check", *map(str, args)])


def test_the_option_offers_every_paper_there_is():
    assert common.DOCUMENTS == tuple(d.value for d in Document)


def test_the_checklist_on_the_screen_puts_the_deciding_question_first(tmp_path):
    result = check(two_open(tmp_path), "--document", "checklist")
    assert result.exit_code == 3, result.output  # the exit code is the screening's: undetermined
    page = result.stdout
    assert page.index("（一）经过民主决策程序") < page.index("党委（党组）会、班子会、村民代表会议等的会议纪要") < page.index("（一）及时补救")
    english = check(two_open(tmp_path), "--document", "checklist", "--lang", "en").stdout
    assert "(1) Went through a democratic decision procedure" in english


def test_the_word_checklist_and_the_form_are_written_where_asked(tmp_path):
    pytest.importorskip("docx")
    case = two_open(tmp_path)
    for document, name in (("checklist", "核实清单.docx"), ("application", "申请表.docx")):
        out = tmp_path / name
        result = check(case, "--document", document, "--format", "docx", "-o", out)
        assert result.exit_code == 3, result.output
        assert result.stderr == f"已写入 {out}\n"
        with zipfile.ZipFile(out) as package:
            body = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", package.read("word/document.xml").decode("utf-8")))
        assert ("核实清单" if document == "checklist" else "容错免责申请表") in body
    again = check(case, "--document", "application", "--format", "docx", "-o", tmp_path / "申请表.docx")
    assert again.exit_code == 2 and "文件已存在" in again.stderr  # nothing is overwritten unasked


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--document", "checklist", "--format", "json"], "--document checklist 没有 json 格式，可用的格式：text, markdown, docx"),
        (["--document", "application"], "--document application 没有 text 格式，可用的格式：docx"),
        (["--document", "form"], "“form”不是可选的值"),
        (["--document", "checklist", "--precedents"], "--precedents 只用于"),
    ],
)
def test_what_cannot_be_made_is_refused_with_the_reason(tmp_path, args, words):
    result = check(two_open(tmp_path), *args)
    assert result.exit_code == 2
    assert words in result.stderr and result.stdout == ""


def test_a_folder_of_checklists_one_per_case(tmp_path):
    folder = tmp_path / "清单"
    result = check(EXAMPLES, "--document", "checklist", "--format", "markdown", "-o", folder)
    assert result.exit_code == 1, result.output
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == len(list(EXAMPLES.glob("*.yaml"))) and "summary.md" not in names


def test_help_names_the_papers():
    result = runner.invoke(app, ["check", "--help"])
    assert "--document [opinion|checklist|application]" in result.stdout
    assert "checklist 核实清单" in result.stdout


# ------------------------------------------------------------ in a terminal


@pytest.mark.skipif(sys.platform == "win32", reason="no pseudo-terminals on Windows")
def test_a_folder_of_word_reports_shows_a_bar_and_says_once_what_it_wrote(tmp_path):
    pytest.importorskip("docx")
    pexpect = pytest.importorskip("pexpect")
    cases = tmp_path / "cases"
    cases.mkdir()
    for n in range(210):  # past the length a bar is drawn for
        shutil.copy(two_open(tmp_path), cases / f"case-{n:03d}.yaml")
    env = {**os.environ, "COLUMNS": "80", "LINES": "24", "NO_COLOR": "1"}
    child = pexpect.spawn(
        str(SCRIPT), ["check", "cases", "--format", "docx", "-o", "out"], cwd=str(tmp_path), env=env,
        encoding="utf-8", timeout=120, dimensions=(24, 80),
    )  # fmt: skip
    child.logfile_read = io.StringIO()
    child.expect(text("progress", "zh"))  # the bar, while the files are written
    child.expect(pexpect.EOF)
    child.close()
    screen = child.logfile_read.getvalue()
    assert child.exitstatus == 3, screen
    written = len(list((tmp_path / "out").iterdir()))
    assert written == 211  # a report per case (named -2, -3… as their ids repeat) and the summary
    assert text("wrote_count", "zh", count=written, folder="out") in screen
    assert "已写入 out/" not in screen  # not a line per file


def test_without_a_terminal_each_file_is_named_and_no_bar_is_drawn(tmp_path):
    result = check(EXAMPLES, "--format", "markdown", "-o", tmp_path / "out")
    lines = result.stderr.splitlines()
    assert len(lines) == len(list(EXAMPLES.glob("*.yaml"))) + 1 and all(line.startswith("已写入 ") for line in lines)
    assert text("progress", "zh") not in result.stderr
