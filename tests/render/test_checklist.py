"""The 核实清单: what to verify next, the deciding question first, with what it decides and the materials, in text,
Markdown and Word; one per case, into a file, a stream or a folder."""

import io
import re
import zipfile

import pytest
from conftest import ARTICLE_CASE, EXAMPLES

from zgrongcuo import batch
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.errors import UsageError
from zgrongcuo.io import case_reader
from zgrongcuo.io.questions import load_measures, questions
from zgrongcuo.render.checklist import build_checklist, markdown, plain
from zgrongcuo.render.contract import RenderOptions
from zgrongcuo.render.destination import Destination
from zgrongcuo.render.registry import OutputFormat
from zgrongcuo.text.layout import columns

ARTICLE = ARTICLE_CASE.read_text(encoding="utf-8")


def changed(text: str, fact: str, word: str) -> str:
    """``text`` (a case file) with the answer to ``fact`` written as ``word``."""
    found = re.search(rf"^  {fact}:\n    value: .*$", text, re.MULTILINE)
    assert found, fact
    return text[: found.start()] + f"  {fact}:\n    value: {word}" + text[found.end() :]


# The article's case with two answers changed to 待核实: whether the decision was taken democratically (the
# article's own note says the minutes must be checked), and whether it was remedied (which cannot matter).
TWO_OPEN = changed(changed(ARTICLE, "democratic_decision", "待核实"), "remedied", "待核实")


def determinations(text: str, *measures: str):
    chosen = load_measures(measures or (None,))
    asked = questions(chosen)
    case = case_reader.loads(text.encode("utf-8"), asked, "case.yaml")
    several = asked if len(chosen) > 1 else None
    return tuple(evaluate(m, case, explain=True, questions=several) for m in chosen)


def run(paths, fmt: str, output=None, *, document="checklist", lang="zh", measures=(None,), out=None):
    """What ``check PATHS --format FMT --document DOCUMENT [-o OUTPUT]`` does, through the library."""
    asked = questions(load_measures(measures))
    options = RenderOptions(lang, batch=batch.is_batch([str(p) for p in paths]), measures=len(asked.measures))
    said = []
    destination = Destination(OutputFormat(fmt), output, options, force=False, say=said.append, document=document)
    renderer = destination.renderer
    if out is not None:
        renderer.out = out
    for result in batch.run(batch.tasks_for([str(p) for p in paths]), asked, renderer):
        if result.failure is not None:
            renderer.failure(result.file, result.failure)
        else:
            renderer.emit(result.payload)
    renderer.close()
    assert destination.finish() == []
    return said


def test_the_first_item_is_the_question_that_decides_the_outcome_with_its_materials():
    (d,) = determinations(TWO_OPEN)
    assert d.outcome.id == "undetermined"
    view = build_checklist((d,), "zh")
    first, last = view.items
    assert (first.label, first.changes) == ("经过民主决策程序", True)
    assert first.materials[0] == "党委（党组）会、班子会、村民代表会议等的会议纪要和会议记录"
    assert "集体研究记录：议题、参会人员、表决情况和签到表" in first.materials
    (part,) = first.parts
    assert part.weight == "无论怎样回答都能定案。"
    assert part.places == ["情形二：“经过民主决策程序”，要求为“是”"]
    assert part.leads == [
        "答“是”的，符合情形二，结论为建议容错免责（免予责任追究）。",
        "答“否”的，结论为不符合容错免责的情形或条件。",
    ]
    assert first.state == "回答为“不确定”" and first.note.startswith("假设：文章没有说明")
    assert (last.label, last.changes) == ("及时补救", False)
    assert last.parts[0].weight == "按现有回答，无论怎样回答都不影响结论。"
    assert view.count == "尚无确定回答的问题共 2 个，按其回答对结论的影响排列，排在前面的先核实。"


def test_a_bottom_line_and_an_element_each_say_what_they_decide():
    (d,) = determinations(changed(changed(ARTICLE, "democratic_decision", "不确定"), "private_gain", "'?'"))
    gain, decision = build_checklist((d,), "zh").items
    assert gain.label == "谋取私利"
    assert gain.parts[0].places == ["底线：“未谋取私利”，回答为“是”即触及底线", "情形二：“没有谋取私利”，要求为“否”"]
    assert gain.parts[0].leads == [
        "答“是”的，结论为不予容错（触及底线）。",
        "答“否”的，仍不能判定，还须查明“经过民主决策程序”。",
    ]
    assert any("资金流向核查" in m for m in gain.materials)
    assert decision.parts[0].leads[0] == "答“是”的，仍不能判定，还须查明“谋取私利”。"


def test_text_puts_the_deciding_question_first_and_fits_the_width():
    (d,) = determinations(TWO_OPEN)
    for lang, width in (("zh", 60), ("en", 72)):
        page = plain(build_checklist((d,), lang), width)
        assert all(columns(line) <= width for line in page.splitlines()), lang
    page = plain(build_checklist((d,), "zh"), 60)
    assert page.index("（一）经过民主决策程序") < page.index("二、不影响结论的问题") < page.index("（一）及时补救")
    assert "  核实材料：\n    1. 党委（党组）会、班子会、村民代表会议等的会议纪要和会\n       议记录\n" in page
    english = plain(build_checklist((d,), "en"), 100)
    assert "(1) Went through a democratic decision procedure" in english
    assert "Whatever the answer, it decides the case." in english
    assert "Minutes and records of the Party committee" in english


def test_markdown_lists_the_items_with_their_fields():
    (d,) = determinations(TWO_OPEN)
    page = markdown(build_checklist((d,), "zh"))
    assert page.startswith("# 关于ZG-2014-57 建房户意外伤害保险文件（秭政办发〔2014〕57号）容错免责问题的核实清单\n")
    assert "### （一）经过民主决策程序\n\n- **问题**：相关决策是否经过民主决策程序？\n" in page
    assert "- **核实材料**：\n  1. 党委（党组）会、班子会、村民代表会议等的会议纪要和会议记录\n" in page
    assert page.index("## 一、可能改变结论的问题") < page.index("## 二、不影响结论的问题") < page.index("## 三、说明")


def test_a_case_with_every_answer_given_has_nothing_to_verify():
    (d,) = determinations(ARTICLE)
    view = build_checklist((d,), "zh")
    assert view.items == [] and view.count == "各问题均已有确定回答，没有需要核实的问题。"
    assert "一、说明" in plain(view)


def test_a_decided_case_lists_the_bottom_line_that_could_change_it():
    text = changed(changed(ARTICLE, "context", "[]"), "private_gain", "待核实")
    (d,) = determinations(text)
    assert d.outcome.id == "not_eligible"
    (gain,) = build_checklist((d,), "zh").items
    assert gain.parts[0].weight == "有的回答会改变结论。"
    assert gain.parts[0].leads == ["答“是”的，结论变为不予容错（触及底线）。", "答“否”的，结论不变。"]


def test_under_several_measures_each_question_comes_once_saying_what_it_decides_under_each():
    text = changed(ARTICLE, "private_gain", "待核实").replace("expect:\n  measure: zigui-2018\n", "expect:\n  - measure: zigui-2018\n").replace(
        "  outcome: exempt\n  situations: [S2]\n", "    outcome: exempt\n"
    )
    ds = determinations(text, "zigui-2018", "wenze-2019")
    view = build_checklist(ds, "zh")
    labels = [item.label for item in view.items]
    assert len(labels) == len(set(labels)) and labels[0] == "谋取私利"
    weights = view.items[0].parts
    assert [p.measure for p in weights] == ["秭归县办法（2018）", "问责条例第十七、十八条（2019）"]
    assert view.outcomes[1].startswith("依据问责条例第十七、十八条（2019）初筛：")
    page = plain(view, 100)
    assert "作用：依据秭归县办法（2018），无论怎样回答都能定案。" in page


def test_the_command_writes_a_word_checklist_on_a4_with_the_standard_margins(tmp_path):
    pytest.importorskip("docx")
    case = tmp_path / "case.yaml"
    case.write_text(TWO_OPEN, encoding="utf-8")
    out = tmp_path / "核实清单.docx"
    said = run([case], "docx", str(out))
    assert said == [f"已写入 {out}"]
    with zipfile.ZipFile(out) as package:
        document = package.read("word/document.xml").decode("utf-8")
    assert 'w:w="11906" w:h="16838"' in document  # A4 portrait
    margins = dict(re.findall(r'w:(\w+)="(\d+)"', re.search(r"<w:pgMar\b[^>]*>", document).group(0)))
    assert {k: round(int(margins[k]) / 1440 * 25.4) for k in ("top", "bottom", "left", "right")} == {
        "top": 37, "bottom": 35, "left": 28, "right": 26,
    }  # fmt: skip
    body = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", document))
    assert body.index("（一）经过民主决策程序") < body.index("会议纪要") < body.index("（一）及时补救")
    for code in ("democratic_decision", "undetermined", "S2", ".yaml", "zgrongcuo"):
        assert code not in body, code


def test_a_folder_gets_one_checklist_per_case_and_no_summary(tmp_path):
    folder = tmp_path / "清单"
    said = run([EXAMPLES], "markdown", str(folder))
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == len(list(EXAMPLES.glob("*.yaml"))) and "summary.md" not in names
    assert "ZG-2014-57.md" in names and len(said) == len(names)
    assert (folder / "ZG-2014-57.md").read_text(encoding="utf-8").count("没有需要核实的问题") == 1


def test_text_for_several_cases_follows_one_after_another():
    out = io.StringIO()
    run([EXAMPLES], "text", out=out)
    page = out.getvalue()
    cases = len(list(EXAMPLES.glob("*.yaml")))
    assert page.count("、说明\n") == cases and page.count("\n" + "─" * 40 + "\n\n") == cases - 1


@pytest.mark.parametrize(("document", "fmt"), [("checklist", "json"), ("checklist", "html"), ("application", "markdown")])
def test_a_format_the_paper_does_not_come_in_is_refused_before_anything_is_done(document, fmt):
    with pytest.raises(UsageError) as info:
        Destination(OutputFormat(fmt), None, RenderOptions("zh"), force=False, say=print, document=document)
    assert info.value.msg_id == "document_format"
    assert f"--document {document} 没有 {fmt} 格式" in info.value.render("zh")


def test_what_a_case_file_says_is_shown_not_obeyed():
    note = "    note: 假设：文章没有说明文件出台前是否经过民主决策程序。"
    assert note in TWO_OPEN
    line = TWO_OPEN[TWO_OPEN.index(note) : TWO_OPEN.index("\n", TWO_OPEN.index(note))]
    hostile = TWO_OPEN.replace(line, '    note: "见\\u202e附件 [链接](javascript:x) **粗** <b>"', 1)
    (d,) = determinations(hostile)
    view = build_checklist((d,), "zh")
    text_page, md_page = plain(view, 80), markdown(view)
    for page in (text_page, md_page):
        assert "\u202e" not in page and "\\u202e" in page  # the override shown as its escape, not obeyed
    assert "\\*\\*粗\\*\\*" in md_page and "\\[链接\\]" in md_page and "<b>" not in md_page


def test_a_question_only_suggested_is_open_and_shows_the_suggestion_with_its_sentence():
    unanswered = re.sub(r"  (democratic_decision|private_gain):\n    value: .*\n    note: .*\n", "", ARTICLE)
    text_ = unanswered.replace(
        "\nexpect:",
        '\nsuggested:\n  democratic_decision: {value: 是, evidence: "该文件经县政府常务会议集体研究", from: 情况说明.docx}\n'
        "  private_gain:\n    conflicting:\n"
        '      - {value: 否, evidence: "未发现谋取私利", from: 情况说明.docx}\n'
        '      - {value: 是, evidence: "为亲属承揽保险业务牟利", from: 举报信.txt}\n\nexpect:',
    )
    (d,) = determinations(text_)
    assert d.outcome.id == "undetermined"  # a suggestion is not an answer
    view = build_checklist((d,), "zh")
    gain, decision = view.items
    assert decision.label == "经过民主决策程序"
    assert decision.state == "未回答；书面材料建议回答为“是”，尚未确认"
    assert decision.suggested == ["原文：“该文件经县政府常务会议集体研究”（来源：情况说明.docx）"]
    assert gain.state == "未回答；书面材料的说法不一，未作建议"
    assert gain.suggested == [
        "表明“否”：“未发现谋取私利”（来源：情况说明.docx）",
        "表明“是”：“为亲属承揽保险业务牟利”（来源：举报信.txt）",
    ]
    page = plain(view, 100)
    assert "  书面材料：原文：“该文件经县政府常务会议集体研究”（来源：情况说明.docx）" in page
