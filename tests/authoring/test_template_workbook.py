"""The blank register an office hands out: headings, drop-down lists in the measure's words, and its notes."""

import io

import openpyxl
import pytest
from conftest import EXAMPLES, ROOT
from openpyxl.utils import get_column_letter
from workbooks import read_cases

from zgrongcuo.authoring.template_workbook import ROWS, render
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.io import case_reader
from zgrongcuo.io.questions import load_measures, questions
from zgrongcuo.model.case import META_KEYS
from zgrongcuo.text.catalogue import text

ZIGUI = questions(load_measures((None,)))
THREE = questions(load_measures(("zigui-2018", "wenze-2019", "hubei-2020")))
# Every bundled example, with the measures it is read against (the Hubei examples answer Zigui's options too).
EXAMPLE_SETS = [
    ((None,), sorted(EXAMPLES.glob("*.yaml"))),
    (("wenze-2019",), sorted((ROOT / "measures/wenze-2019/examples").glob("*.yaml"))),
    (("hubei-2020", "zigui-2018"), sorted((ROOT / "measures/hubei-2020/examples").glob("*.yaml"))),
]
template = render
FIRST = len(META_KEYS) + 2  # the first question's column: after the case's fields and the measures


def read(path, asked=ZIGUI):
    return read_cases(path, asked)


def only_case(path, asked=ZIGUI):
    [(_, case, error)] = read(path, asked)
    assert error is None, error.render("zh")
    return case




def book(asked=ZIGUI, lang="zh"):
    return openpyxl.load_workbook(io.BytesIO(render(asked, lang)))


def rules_by_column(sheet):
    out = {}
    for rule in sheet.data_validations.dataValidation:
        for ref in str(rule.sqref).split():
            out[ref.split(":")[0].rstrip("0123456789")] = rule
    return out


def test_a_heading_per_case_field_and_question_and_a_drop_down_for_each_question():
    wb = book()
    assert wb.sheetnames == ["案件登记", "填表说明", "选项"]
    sheet, lists = wb["案件登记"], wb["选项"]
    assert lists.sheet_state == "hidden" and wb["填表说明"].sheet_state == "visible"
    headings = [c.value for c in sheet[1]]
    assert headings == [text(f"meta.{k}", "zh") for k in META_KEYS] + ["办法"] + [f.label["zh"] for f in ZIGUI.facts]
    assert sheet.freeze_panes == "C2"
    rules = rules_by_column(sheet)
    for n, fact in enumerate(ZIGUI.facts, FIRST):
        rule = rules[get_column_letter(n)]
        assert rule.type == "list" and str(rule.sqref) == f"{get_column_letter(n)}2:{get_column_letter(n)}{ROWS + 1}"
        assert rule.prompt and rule.prompt.startswith(fact.question["zh"][:20])
        if fact.type == "yesno":
            assert rule.formula1 == '"是,否,不确定,待核实"' and rule.errorStyle == "stop"
        else:  # options from the hidden sheet, in the measure's words; several may be typed: only a warning
            sheet_name, cells = rule.formula1.rsplit("!", 1)
            assert sheet_name == "'选项'" and rule.errorStyle == "information"
            column = cells.split(":")[0].strip("$").rstrip("0123456789$")
            listed = [c.value for c in lists[column][1 : len(fact.options) + 1]]
            assert listed == [o.label["zh"] for o in fact.options]
    # The date and the id stay text as typed: 2014-05 a month, 0755 with its zero.
    date = get_column_letter(META_KEYS.index("conduct_date") + 1)
    assert sheet[f"{date}2"].number_format == "@" and sheet[f"A{ROWS + 1}"].number_format == "@"
    assert rules[date].prompt == text("template_xlsx.date_prompt", "zh")
    assert wb.custom_doc_props["zgrongcuo"].value == "template"


def test_the_notes_explain_each_question_in_the_measures_words():
    notes = book()["填表说明"]
    rows = [[c.value for c in row] for row in notes.iter_rows()]
    words = "\n".join(str(v) for row in rows for v in row if v)
    assert "秭归县党员干部容错免责暂行办法（试行）" in words and "“；”分隔" in words
    header = next(i for i, row in enumerate(rows) if row[0] == "序号")
    body = rows[header + 1 :]
    assert len(body) == len(ZIGUI.facts)
    for row, fact in zip(body, ZIGUI.facts, strict=True):
        assert row[1] == f"{fact.label['zh']}\n({fact.id})" and row[2] == fact.question["zh"] and row[3] == fact.help["zh"]
        assert (row[4] or "") == (fact.quote or "")
        if fact.type == "set":
            assert all(o.label["zh"] in row[5] and o.id in row[5] for o in fact.options)


def test_several_measures_ask_each_question_once_and_long_option_lists_fit():
    wb = book(THREE)
    headings = [c.value for c in wb.worksheets[0][1]]
    assert len(headings) == FIRST - 1 + len(THREE.facts) and len(set(headings)) == len(headings)
    context = THREE.fact_by_id["context"]
    assert [c.value for c in wb["选项"]["A"]][1:] == [o.label["zh"] for o in context.options]
    # In English the list is longer than the 255 characters a validation can hold itself: the sheet holds it.
    assert len(",".join(o.label["en"] for o in context.options)) > 255
    english = book(THREE, "en")
    assert [c.value for c in english["Options"]["A"]][1:] == [o.label["en"] for o in context.options]


def test_in_english():
    wb = book(lang="en")
    assert wb.sheetnames == ["Cases", "How to fill it in", "Options"]
    rules = rules_by_column(wb.worksheets[0])
    first_yes_no = next(n for n, f in enumerate(ZIGUI.facts, FIRST) if f.type == "yesno")
    assert rules[get_column_letter(first_yes_no)].formula1 == '"yes,no,unknown"'


# ---------------------------------------------------------- filled in and read back by check


def cell_words(fact, answer, sep="；"):
    """An answer as a person types it in the template: Chinese words and the options' labels."""
    value = answer.value
    if value is None:
        return "不确定"
    if isinstance(value, bool):
        return "是" if value else "否"
    if not value:
        return "无"
    return sep.join(fact.option(o).label["zh"] for o in value)


@pytest.mark.parametrize(("specs", "files"), EXAMPLE_SETS, ids=["zigui-2018", "wenze-2019", "hubei-2020"])
def test_the_template_filled_with_every_example_reads_back_to_the_same_determinations(tmp_path, specs, files):
    asked = questions(load_measures(specs))
    book = openpyxl.load_workbook(io.BytesIO(template(asked, "zh")))
    sheet = book.worksheets[0]
    cases = [case_reader.load(str(path), asked) for path in files]
    assert len(cases) >= 6
    for row, case in enumerate(cases, 2):
        for column, key in enumerate(META_KEYS, 1):
            sheet.cell(row=row, column=column, value=case.meta.get(key))
        for column, fact in enumerate(asked.facts, FIRST):
            if fact.id in case.answers:  # every other row separates options as people do: 、 and ；
                words = cell_words(fact, case.answers[fact.id], "；" if row % 2 else "、")
                sheet.cell(row=row, column=column, value=words)
    path = tmp_path / "filled.xlsx"
    book.save(path)
    rows = read(path, asked)
    assert [label for label, _, _ in rows] == [f"{path}!{n}" for n in range(2, len(cases) + 2)]
    for (label, again, error), case in zip(rows, cases, strict=True):
        assert error is None, error.render("zh")
        assert again.meta == case.meta
        assert {f: a.value for f, a in again.answers.items()} == {f: a.value for f, a in case.answers.items()}
        assert again.notices == []  # the template's notes sheet is not "another sheet"
        for measure in asked.measures:
            want, got = evaluate(measure, case, questions=asked), evaluate(measure, again, questions=asked)
            assert (got.outcome.id, got.situations_met, got.next_questions) == (
                want.outcome.id, want.situations_met, want.next_questions,
            ), (label, measure.id)  # fmt: skip


def test_the_english_template_reads_back_too(tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(template(ZIGUI, "en")))
    sheet = book.worksheets[0]
    headings = [c.value for c in sheet[1]]
    assert headings[0] == "Case id" and "Went through a democratic decision procedure" in headings
    context, causes = ZIGUI.fact_by_id["context"], ZIGUI.fact_by_id["causes"]
    row = dict.fromkeys(headings)
    row.update({
        "Case id": "EN-1", text("meta.conduct_date", "en"): "2014-05",
        context.label["en"]: context.option("reform_innovation").label["en"],
        causes.label["en"]: "; ".join(causes.option(o).label["en"] for o in ("pilot", "inexperience")),
        "Went through a democratic decision procedure": "yes", "Private gain sought": "unknown",
    })  # fmt: skip
    sheet.append(list(row.values()))
    path = tmp_path / "en.xlsx"
    book.save(path)
    case = only_case(path)
    assert case.meta["id"] == "EN-1" and case.meta["conduct_date"] == "2014-05"
    assert case.answers["context"].value == ("reform_innovation",)
    assert case.answers["causes"].value == ("pilot", "inexperience")
    assert case.answers["democratic_decision"].value is True and case.answers["private_gain"].value is None


def test_the_headings_the_template_writes_are_those_the_reader_knows():
    from zgrongcuo.io.sheet_reader import headings, normal

    known = headings(ZIGUI)
    for lang in ("zh", "en"):
        book = openpyxl.load_workbook(io.BytesIO(template(ZIGUI, lang)))
        for cell in book.worksheets[0][1]:
            assert normal(cell.value) in known, cell.value
