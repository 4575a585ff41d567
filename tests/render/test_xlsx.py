"""The register and its summary as a workbook: in people's words, ids last, nothing in a case running as a formula."""

import io

import openpyxl
import pytest
from conftest import ARTICLE_CASE, EXAMPLES
from helpers import S2_EXEMPT

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.errors import CaseError
from zgrongcuo.io import case_reader
from zgrongcuo.io.questions import load_measures, questions
from zgrongcuo.model.case import META_KEYS, Answer, Case, Decision
from zgrongcuo.render import register
from zgrongcuo.render.contract import RenderOptions
from zgrongcuo.render.registry import OutputFormat, make_renderer
from zgrongcuo.render.view import Tally
from zgrongcuo.render.xlsx import HOLD, XlsxRenderer
from zgrongcuo.text.catalogue import text

ZIGUI = questions(load_measures((None,)))


def workbook(determinations, lang="zh", failures=()):
    out = io.BytesIO()
    renderer = make_renderer(OutputFormat.xlsx, out, RenderOptions(lang, batch=True))
    for ds in determinations:
        renderer.determinations(ds)
    for file, error in failures:
        renderer.failure(file, error)
    renderer.close()
    return openpyxl.load_workbook(io.BytesIO(out.getvalue())), out.getvalue()


def examples(asked=ZIGUI):
    return [(evaluate(asked.primary, case_reader.load(str(p), asked)),) for p in sorted(EXAMPLES.glob("*.yaml"))]


def rows_of(sheet):
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    return rows[0], rows[1:]


def test_the_register_reads_in_chinese_with_the_ids_last():
    book, _ = workbook(examples())
    assert book.sheetnames == ["台账", "汇总"]
    header, rows = rows_of(book["台账"])
    assert header[: register.PRINTED] == ["序号", "案件编号", "标题", "当事单位或人员", "办法", "初筛结论", "符合情形", "理由", "已作决定", "与决定一致"]
    assert header[-len(register.IDS) :] == list(register.IDS)
    assert "经过民主决策程序" in header and "工作情境" in header  # a column per question, by its label
    by_id = {row[1]: dict(zip(header, row, strict=True)) for row in rows}
    article = by_id["ZG-2014-57"]
    assert article["序号"] == 8 and article["初筛结论"] == "建议容错免责（免予责任追究）"
    assert article["符合情形"] == "情形二" and article["经过民主决策程序"] == "是" and article["谋取私利"] == "否"
    assert article["工作情境"] == "改革创新、推进经济社会事业发展" and article["前提条件"] == "均满足"
    assert article["outcome_code"] == "exempt" and article["situation_ids"] == "S2" and article["measure_id"] == "zigui-2018"
    assert article["file"] == str(ARTICLE_CASE)
    open_case = by_id["DEMO-2022-003"]
    assert open_case["初筛结论"] == "信息不足，无法判定" and open_case["待查明的问题"] == "谋取私利"
    assert open_case["open_ids"] == "private_gain"
    assert not any("不确定" == v for v in article.values())


def test_the_sheet_is_frozen_filtered_fitted_and_prints_what_is_handed_in():
    book, data = workbook(examples())
    sheet = book["台账"]
    assert sheet.freeze_panes == "D2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(sheet.max_column)}{sheet.max_row}"
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    assert widths["A"] < widths["C"] <= 28 + 2  # the number narrow, the titles as wide as they are up to a bound
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.print_area == f"'台账'!$A$1:${openpyxl.utils.get_column_letter(register.PRINTED)}${sheet.max_row}"
    tall = [n for n, dim in sheet.row_dimensions.items() if dim.height]
    assert tall, "rows with wrapped text say how tall they are"
    assert book.custom_doc_props["zgrongcuo"].value == "register"


def test_english_headings_and_words():
    book, _ = workbook(examples(), lang="en")
    header, rows = rows_of(book.worksheets[0])
    assert book.sheetnames == ["Register", "Summary"]
    assert header[:3] == ["No.", "Case id", "Title"] and "Went through a democratic decision procedure" in header
    article = next(dict(zip(header, r, strict=True)) for r in rows if r[1] == "ZG-2014-57")
    assert article["Situations met"] == "S2" or article["Situations met"].startswith("Situation")
    assert article["Went through a democratic decision procedure"] == "yes"


def test_a_decision_and_whether_the_screening_agrees():
    decided = Case("d.yaml", dict.fromkeys(META_KEYS) | {"id": "D-1"}, {k: Answer(v) for k, v in S2_EXEMPT.items()})
    decided.decision = Decision("exempt", "zigui-2018", by="县委常委会", date="2018-06", label={"zh": "建议容错免责（免予责任追究）", "en": "x"}, favourable=True)
    undetermined = Case("u.yaml", dict.fromkeys(META_KEYS) | {"id": "U-1"}, {})
    undetermined.decision = Decision("exempt", "zigui-2018", label={"zh": "建议容错免责（免予责任追究）", "en": "x"}, favourable=True)
    ds = [(evaluate(ZIGUI.primary, c),) for c in (decided, undetermined)]
    book, _ = workbook(ds)
    header, rows = rows_of(book["台账"])
    one, two = (dict(zip(header, r, strict=True)) for r in rows)
    assert (one["已作决定"], one["决定机关及日期"], one["与决定一致"], one["agrees_code"]) == ("建议容错免责（免予责任追究）", "县委常委会 2018-06", "是", "yes")
    assert (two["与决定一致"], two["agrees_code"]) == ("无法对照", "not_comparable")  # undetermined (SPEC.md), as CSV says
    summary = [[c.value for c in row] for row in book["汇总"].iter_rows()]
    words = [v for row in summary for v in row if isinstance(v, str)]
    assert "与已作决定对照" in words
    tally = Tally("zh")
    for d in ds:
        tally.add(d)
    assert tally.agreement_line() in words  # the summary reads agreement from the Tally, as every summary does


def test_the_summary_counts_by_measure_outcome_and_situation():
    ds = examples()
    book, _ = workbook(ds, failures=[("broken.yaml", CaseError("empty_file", file="broken.yaml"))])
    summary = [[c.value for c in row] for row in book["汇总"].iter_rows()]
    assert summary[0][0] == "容错免责初筛汇总" and summary[1][0].startswith(f"共 {len(ds) + 1} 件")
    measure_row = next(r for r in summary if r and r[0] == "秭归县办法（2018）")
    favourable = sum(1 for (d,) in ds if d.outcome.favourable)
    assert measure_row[1:5] == [len(ds), favourable, sum(1 for (d,) in ds if d.outcome.favourable is False), sum(1 for (d,) in ds if d.outcome.favourable is None)]
    exempt = next(r for r in summary if r and r[0] == "建议容错免责（免予责任追究）")
    assert exempt[1] == sum(1 for (d,) in ds if d.outcome.id == "exempt")
    assert any(r and r[0] == "无法读取" and r[1] == 1 for r in summary)
    assert any(r and isinstance(r[0], str) and r[0].startswith("情形二：") for r in summary)
    header, rows = rows_of(book["台账"])
    failed = dict(zip(header, rows[-1], strict=True))
    assert failed["初筛结论"] == "无法读取" and failed["outcome_code"] == "error" and "文件为空" in failed["理由"]
    assert failed["标题"] == "broken.yaml"


@pytest.mark.parametrize("title", ["=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2", "@SUM(A1)", "=1+1"])
def test_nothing_a_case_says_becomes_a_formula(title):
    case = Case("f.yaml", dict.fromkeys(META_KEYS) | {"id": title, "title": title, "subject": title}, {})
    book, data = workbook([(evaluate(ZIGUI.primary, case),)])
    header, rows = rows_of(book["台账"])
    cells = dict(zip(header, book["台账"][2], strict=True))
    for name in ("案件编号", "标题", "当事单位或人员"):
        assert cells[name].value == title and cells[name].data_type == "s" and cells[name].quotePrefix
    assert b"<f>" not in data and b"<f " not in data


def test_hostile_text_is_escaped_and_never_breaks_the_workbook():
    title = "标题\u202e反转\x1b[2J" + "长" * 40_000
    case = Case("h\udcff.yaml", dict.fromkeys(META_KEYS) | {"title": title}, {})
    book, _ = workbook([(evaluate(ZIGUI.primary, case),)])
    header, rows = rows_of(book["台账"])
    cells = dict(zip(header, rows[0], strict=True))
    assert cells["标题"].startswith("标题\\u202e反转\\x1b[2J") and len(cells["标题"]) <= 32_767
    assert cells["file"] == "h\\udcff.yaml"


def test_rows_are_written_as_they_come_and_memory_stays_flat():
    import gc
    import sys

    determination = evaluate(ZIGUI.primary, case_reader.load(str(ARTICLE_CASE), ZIGUI))
    renderer = XlsxRenderer(io.BytesIO(), RenderOptions("zh", batch=True))
    written = 0

    def blocks_after(cases):
        """Memory blocks Python holds once ``cases`` cases are written (what a longer batch would add to)."""
        nonlocal written
        for _ in range(written, cases):
            renderer.determination(determination)
        written = cases
        gc.collect()
        assert not renderer.ledger.held and len(renderer.ledger.sheet.ws.row_dimensions) <= 1 and not renderer.tally.rows
        return sys.getallocatedblocks()

    # The columns are measured and the first rows written after HOLD rows; from then on rows are streamed, and
    # the XML writer's buffers fill within some hundreds of rows more. Counted after that, rows add nothing.
    first = blocks_after(HOLD + 700)
    later = blocks_after(HOLD + 1700)
    renderer.close()
    # A row kept would keep some forty blocks (its cells' text alone): a thousand rows, forty thousand.
    assert later - first < 500, (first, later)


def test_a_workbook_never_goes_to_a_terminal_and_needs_o(monkeypatch):
    from zgrongcuo.errors import UsageError
    from zgrongcuo.render.destination import Destination

    options = RenderOptions("zh")
    with pytest.raises(UsageError) as raised:
        Destination(OutputFormat.xlsx, None, options, force=False, say=print)
    assert raised.value.msg_id == "binary_needs_output"
    assert "-o" in raised.value.message("zh")
    assert OutputFormat.xlsx.binary and not OutputFormat.xlsx.is_report


def test_the_register_columns_are_the_catalogues():
    assert all(text(f"register.col.{name}", "zh") for name in register.READABLE)
    assert len(set(register.headings("zh"))) == len(register.READABLE)
