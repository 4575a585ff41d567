"""The application form (容错免责申请表): a plain table on A4, prefilled from a case file."""

import re
import zipfile

import pytest
from test_checklist import ARTICLE, changed, determinations, run

from zgrongcuo.render.application import build_application

docx = pytest.importorskip("docx")


def form(tmp_path, text: str, *measures: str, lang: str = "zh"):
    case = tmp_path / "case.yaml"
    case.write_text(text, encoding="utf-8")
    out = tmp_path / "申请表.docx"
    run([case], "docx", str(out), document="application", lang=lang, measures=measures or (None,))
    return out


def table_of(path):
    (table,) = docx.Document(str(path)).tables
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:  # a merged cell is met once per grid column it spans
            if not cells or cell._tc is not cells[-1][0]:
                cells.append((cell._tc, cell.text))
        rows.append([value for _, value in cells])
    return rows


def test_the_form_is_prefilled_from_the_article_s_case(tmp_path):
    rows = table_of(form(tmp_path, ARTICLE))
    assert rows[0] == ["申请人", "2014年县政府文件的起草者和审批者（含时任县法制办主任黎建国）", "案件编号", "ZG-2014-57"]
    assert rows[1] == ["工作单位及职务", ""]  # the case file does not say: left for a person to fill in
    assert rows[2] == ["申请事项", "建房户意外伤害保险文件（秭政办发〔2014〕57号）"]
    assert rows[3] == ["行为发生日期", "", "适用办法", "《秭归县党员干部容错免责暂行办法（试行）》"]
    assert rows[4][0] == "行为及经过" and rows[4][1].startswith("县纪委在调查")
    label, situations = rows[5]
    assert label == "申请适用的情形（办法原文）"
    assert situations.startswith("情形二：改革创新中经民主决策、未谋私利")
    assert "原文：2.在改革创新和推进经济社会事业发展中,经过民主决策程序,没有谋取私利" in situations
    label, reasons = rows[6]
    assert label == "申请理由"
    assert "1. “在改革创新和推进经济社会事业发展中”：工作情境为“改革创新、推进经济社会事业发展”。（文章原文：" in reasons
    assert "2. “经过民主决策程序”：经过民主决策程序为“是”。（假设：" in reasons
    assert reasons.endswith("前提条件均满足；底线均未触及。")
    assert rows[7:9] == [["各项回答及备注"], ["问题", "回答", "备注"]]
    answers = rows[9:22]
    assert [r[0] for r in answers][:3] == ["工作情境", "失误原因", "后果"] and len(answers) == 13
    assert answers[4][:2] == ["经过民主决策程序", "“是”"] and answers[4][2].startswith("假设：")
    assert [r[0] for r in rows[-3:]] == ["申请人签字", "所在单位（党组织）意见", "受理机关意见"]
    assert rows[-1][1].endswith("（盖章）\n年　　月　　日")


def test_a4_with_the_standard_margins_and_a_table_across_the_text_block(tmp_path):
    out = form(tmp_path, ARTICLE)
    with zipfile.ZipFile(out) as package:
        document = package.read("word/document.xml").decode("utf-8")
    assert 'w:w="11906" w:h="16838"' in document
    margins = dict(re.findall(r'w:(\w+)="(\d+)"', re.search(r"<w:pgMar\b[^>]*>", document).group(0)))
    assert (margins["top"], margins["bottom"], margins["left"], margins["right"]) == ("2098", "1984", "1587", "1474")
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', document)]
    assert len(widths) == 4 and abs(sum(widths) / 1440 * 25.4 - 156) < 1
    body = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", document))
    assert body.startswith("容错免责申请表") and "请按受理机关规定的表式调整后使用" in body
    for code in ("S2", "exempt", "private_gain", ".yaml"):
        assert code not in body, code


def test_while_no_situation_is_met_the_open_ones_are_claimed_as_still_to_be_established():
    (d,) = determinations(changed(ARTICLE, "democratic_decision", "待核实"))
    view = build_application((d,), "zh")
    (claim,) = view.claims
    assert claim.open and claim.name.startswith("情形二")
    assert "“经过民主决策程序”：经过民主决策程序为“不确定”。" in claim.reasons[1]


def test_a_case_outside_every_situation_says_so():
    (d,) = determinations(changed(ARTICLE, "context", "[]"))
    view = build_application((d,), "zh")
    assert view.claims == [] and view.none_claimed == ["按所填回答，不符合秭归县办法（2018）所列的任何情形。"]


def test_several_measures_claim_under_each_and_every_question_is_listed_once(tmp_path):
    text = ARTICLE.replace("expect:\n  measure: zigui-2018\n  outcome: exempt\n  situations: [S2]\n", "")
    rows = table_of(form(tmp_path, text, "zigui-2018", "wenze-2019"))
    situations = dict(r[:2] for r in rows if len(r) == 2)["申请适用的情形（办法原文）"]
    assert "依据秭归县办法（2018），情形二" in situations
    # Remedied: Article 18(1) of the national regulation is met.
    assert "依据问责条例第十七、十八条（2019），第十八条第（一）项：及时补救" in situations
    start = rows.index(["问题", "回答", "备注"]) + 1
    questions = [r[0] for r in rows[start:] if len(r) == 3]
    assert len(questions) == len(set(questions)) and "积极配合调查、主动承担责任" in questions


def test_the_form_in_english(tmp_path):
    rows = table_of(form(tmp_path, ARTICLE, lang="en"))
    assert rows[0][0] == "Applicant" and rows[1] == ["Unit and post", ""]
    assert rows[6][1].startswith("1. “在改革创新和推进经济社会事业发展中”: Work context, “Reform and innovation")
    assert rows[7:9] == [["Answers and notes"], ["Question", "Answer", "Note"]]
