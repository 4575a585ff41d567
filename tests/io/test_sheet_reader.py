"""A register kept in a workbook, read as cases: one row a case, checked as case files are, errors at their cells."""

import datetime
import io
from pathlib import Path

from conftest import EXAMPLES
from workbooks import read_cases, register, saved_value, with_part

from zgrongcuo import batch
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.errors import SheetError
from zgrongcuo.io import case_reader
from zgrongcuo.io.questions import load_measures, questions
from zgrongcuo.io.sheet_reader import read_register

ZIGUI = questions(load_measures((None,)))


def read(path, asked=ZIGUI, **options):
    return read_cases(path, asked, **options)


def only_case(path, asked=ZIGUI, **options):
    [(label, case, error)] = read(path, asked, **options)
    assert error is None, error.render("zh")
    return case


def error_at(path, asked=ZIGUI, **options) -> SheetError:
    rows = read(path, asked, **options)
    errors = [error for _, _, error in rows if error is not None]
    assert errors, rows
    return errors[0]


# ---------------------------------------------------------- headings and cells as offices write them


def test_a_register_as_an_office_keeps_it(tmp_path):
    rows = [
        ["2024年容错免责案件台账"],  # a title above the headings, merged across them
        ["序号", "案件编号", "标题", "工作情境", "失误原因", "后果", "经过民主决策程序", "谋取私利", "勤勉尽责",
         "经过民主决策程序备注", "行为发生日期（YYYY-MM-DD）", "联系电话"],
        [1, "ZG-1", "试点", "改革创新、推进经济社会事业发展", "先行先试，缺乏经验", "出现失误或偏差", "是", "否", "有",
         "会议纪要可查", "2014-05-01", "123"],
        [None] * 12,  # an empty row between cases
        [2, 755, "日期格式", "无", "不确定", None, None, None, None, None, None, None],
    ]  # fmt: skip

    def build(wb, ws):
        ws.merge_cells("A1:L1")
        ws["K5"] = datetime.datetime(2014, 5, 1)

    path = register(tmp_path / "台账.xlsx", rows, build=build)
    [(first, one, e1), (second, two, e2)] = read(path)
    assert e1 is None and e2 is None
    assert first.endswith("台账.xlsx!3") and second.endswith("台账.xlsx!5")
    assert one.meta["id"] == "ZG-1" and one.meta["conduct_date"] == "2014-05-01"
    assert one.answers["context"].value == ("reform_innovation",)  # a label that holds 、 itself
    assert one.answers["causes"].value == ("pilot", "inexperience")
    assert one.answers["democratic_decision"].value is True and one.answers["democratic_decision"].note == "会议纪要可查"
    assert one.answers["diligent"].value is True  # 有, as in case files
    assert "conformed_to_superior_decision" not in one.answers  # no column: not answered
    assert two.meta["id"] == "755" and two.meta["conduct_date"] == "2014-05-01"  # a number and a date, as shown
    assert two.answers["context"].value == () and two.answers["causes"].value is None
    assert "consequences" not in two.answers  # an empty cell is not answered, as an absent key
    [notice] = one.notices
    assert notice.msg_id == "sheet_columns_ignored" and "A（序号）" in notice.params["columns"]
    assert "L（联系电话）" in notice.params["columns"]


def test_headings_by_id_and_in_english(tmp_path):
    path = register(tmp_path / "ids.xlsx", [
        ["id", "Title", "context", "Causes of the error", "consequences", "Subject (unit or person)"],
        ["X-1", "t", "reform_innovation", "pilot；Inexperience", "error", "某县"],
    ])  # fmt: skip
    case = only_case(path)
    assert case.meta["title"] == "t" and case.meta["subject"] == "某县"
    assert case.answers["causes"].value == ("pilot", "inexperience")


def test_a_formula_gives_the_value_excel_saved(tmp_path):
    path = register(tmp_path / "f.xlsx", [["案件编号", "谋取私利"], ["A", '=IF(1=1,"否","是")']])
    saved_value(path, "B2", "否", "str")
    assert only_case(path).answers["private_gain"].value is False


def test_a_formula_without_a_saved_value_is_an_error_at_its_cell(tmp_path):
    path = register(tmp_path / "f.xlsx", [["案件编号", "谋取私利"], ["A", "=B3"]])
    error = error_at(path)
    assert error.msg_id == "sheet_formula_unsaved"
    assert error.render("zh").startswith(f"{path}!B2，工作表“台账”，列“谋取私利”：")


def test_a_formula_from_another_workbook_is_refused_even_with_a_saved_value(tmp_path):
    path = register(tmp_path / "f.xlsx", [["案件编号", "谋取私利"], ["A", "=[1]Sheet1!A1"]])
    saved_value(path, "B2", "否", "str")
    error = error_at(path)
    assert error.msg_id == "sheet_formula_external" and error.line == 2 and error.column == 2


def test_a_cell_showing_an_error_value_is_not_an_answer(tmp_path):
    path = register(tmp_path / "f.xlsx", [["案件编号", "谋取私利"], ["A", "=NA()"]])
    saved_value(path, "B2", "#N/A", "e")
    assert error_at(path).msg_id == "sheet_error_value"


def test_a_unit_merged_down_its_cases_gives_each_its_value(tmp_path):
    def build(wb, ws):
        ws.merge_cells("B2:B4")

    path = register(tmp_path / "m.xlsx", [["案件编号", "当事单位或人员"], ["1", "某镇"], ["2"], ["3"], ["4", "某县"]], build=build)
    subjects = [case.meta["subject"] for _, case, _ in read(path)]
    assert subjects == ["某镇", "某镇", "某镇", "某县"]


def test_a_value_merged_across_questions_is_an_error(tmp_path):
    def build(wb, ws):
        ws.merge_cells("B2:C2")

    path = register(tmp_path / "m.xlsx", [["案件编号", "谋取私利", "勤勉尽责"], ["1", "否"]], build=build)
    error = error_at(path)
    assert error.msg_id == "sheet_merged_across" and error.params["cells"] == "B2:C2"


def test_headings_over_two_rows_are_refused_with_the_reason(tmp_path):
    def build(wb, ws):
        ws.merge_cells("A1:A2")

    path = register(tmp_path / "m.xlsx", [["案件编号", "失误原因"], [None, "大胆履职"], ["1", "先行先试"]], build=build)
    assert error_at(path).msg_id == "sheet_heading_rows"


def test_hidden_rows_are_read_and_said_to_be(tmp_path):
    def build(wb, ws):
        ws.row_dimensions[3].hidden = True

    path = register(tmp_path / "h.xlsx", [["案件编号", "谋取私利"], ["1", "否"], ["2", "是"]], build=build)
    rows = read(path)
    assert [case.meta["id"] for _, case, _ in rows] == ["1", "2"]
    assert [n.msg_id for n in rows[0][1].notices] == ["sheet_hidden_rows"]
    assert rows[0][1].notices[0].params["rows"] == "3"


def test_a_column_without_a_heading_is_said_not_to_be_read(tmp_path):
    path = register(tmp_path / "u.xlsx", [["案件编号", None, "谋取私利"], ["1", None, "否"], ["2", "写在这里", "是"]])
    rows = read(path)
    assert rows[0][1].notices == []
    [notice] = rows[1][1].notices
    assert notice.msg_id == "sheet_unheaded" and notice.params["column"] == "B" and notice.params["row"] == 3


def test_several_sheets_the_first_visible_is_read_and_sheet_names_another(tmp_path):
    def build(wb, ws):
        ws.sheet_state = "hidden"
        second = wb.create_sheet("二季度")
        second.append(["案件编号", "谋取私利"])
        second.append(["Q2-1", "否"])
        third = wb.create_sheet("三季度")
        third.append(["案件编号", "谋取私利"])
        third.append(["Q3-1", "是"])

    path = register(tmp_path / "s.xlsx", [["案件编号"], ["hidden"]], build=build)
    first = only_case(path)
    assert first.meta["id"] == "Q2-1"
    assert [n.msg_id for n in first.notices] == ["sheet_first_only"] and first.notices[0].params["count"] == 2
    named = only_case(path, sheet="三季度")
    assert named.meta["id"] == "Q3-1" and named.notices == []
    error = error_at(path, sheet="三季")
    assert error.msg_id == "sheet_not_found" and error.suggestion == "三季度"


def test_rows_with_nothing_in_a_known_column_are_passed_over(tmp_path):
    path = register(tmp_path / "e.xlsx", [["序号", "案件编号", "谋取私利"], [1], [2, "A", "否"], [3], [None, "  "]])
    assert [case.meta["id"] for _, case, _ in read(path)] == ["A"]
    empty = register(tmp_path / "none.xlsx", [["序号", "案件编号", "谋取私利"], [1], [2]])
    assert error_at(empty).msg_id == "sheet_no_rows"


def test_a_sheet_without_known_headings_says_what_headings_are(tmp_path):
    path = register(tmp_path / "n.xlsx", [["序号", "姓名", "单位"], [1, "张三", "某局"]])
    error = error_at(path)
    assert error.msg_id == "sheet_no_heading" and "经过民主决策程序" in error.render("zh")


# ---------------------------------------------------------- errors name the cell, the sheet and the heading


def test_an_unknown_answer_word_names_the_cell_and_the_heading_with_a_suggestion(tmp_path):
    path = register(tmp_path / "台账.xlsx", [["案件编号", "标题", "谋取私利"], ["A", "t", "是"], ["B", "t", "not sure"]])
    rows = read(path)
    assert rows[0][2] is None
    error = rows[1][2]
    assert rows[1][0] == f"{path}!3"
    assert error.msg_id == "bad_yesno" and (error.line, error.column, error.key) == (3, 3, "谋取私利")
    assert error.render("zh").startswith(f"{path}!C3，工作表“台账”，列“谋取私利”：")
    assert error.to_json("zh")["key"] == "谋取私利"


def test_an_unknown_option_suggests_the_label_that_begins_with_it(tmp_path):
    path = register(tmp_path / "o.xlsx", [["案件编号", "工作情境"], ["A", "改革创新"]])
    error = error_at(path)
    assert error.msg_id == "unknown_option" and error.suggestion == "改革创新、推进经济社会事业发展"
    assert "（是否想写“改革创新、推进经济社会事业发展”？）" in error.render("zh")


def test_a_repeated_option_and_a_bad_date_are_the_case_files_errors(tmp_path):
    path = register(tmp_path / "r.xlsx", [["案件编号", "失误原因", "行为发生日期"], ["A", "先行先试、pilot", None], ["B", None, "2014年5月"]])
    first, second = (e for _, _, e in read(path))
    assert first.msg_id == "repeated_option" and first.column == 2
    assert second.msg_id == "bad_conduct_date" and second.column == 3


def test_a_heading_close_to_a_known_one_is_an_error_not_a_silent_skip(tmp_path):
    path = register(tmp_path / "c.xlsx", [["案件编号", "工作情景"], ["A", "改革创新、推进经济社会事业发展"]])
    error = error_at(path)
    assert error.msg_id == "sheet_unknown_heading" and error.suggestion == "工作情境" and error.line == 1


def test_two_columns_for_one_question_are_an_error(tmp_path):
    path = register(tmp_path / "d.xlsx", [["案件编号", "谋取私利", "private_gain"], ["A", "否", "是"]])
    error = error_at(path)
    assert error.msg_id == "sheet_heading_twice" and error.params["first"] == "B"


def test_control_characters_in_a_cell_are_refused_as_in_case_files(tmp_path):
    # XML holds no C0 control character, and an escape such as _x001B_ is read as the text it is; a C1
    # control (U+009B, the terminal's one-byte CSI) it holds, and a case file refuses it: so does a register.
    path = register(tmp_path / "x.xlsx", [["案件编号", "标题"], ["A", "标题\x9b2J"]])
    error = error_at(path)
    assert error.msg_id == "control_in_text" and error.column == 2


def test_errors_travel_to_worker_processes_and_back():
    import pickle

    error = SheetError("bad_yesno", file="a.xlsx", line=3, column=4, key="谋取私利", sheet="台账", value="x")
    again = pickle.loads(pickle.dumps(error))
    assert again.render("en") == error.render("en") == "a.xlsx!D3, sheet '台账', column '谋取私利': " + error.message("en")


# ---------------------------------------------------------- what is read, and what is not


def test_a_register_this_tool_wrote_is_not_read_as_cases(tmp_path):
    from zgrongcuo.render.contract import RenderOptions
    from zgrongcuo.render.xlsx import XlsxRenderer

    out = io.BytesIO()
    renderer = XlsxRenderer(out, RenderOptions("zh", batch=True))
    renderer.determination(evaluate(ZIGUI.primary, case_reader.load(str(EXAMPLES / "zigui-2014-57-insurance.yaml"), ZIGUI)))
    renderer.close()
    path = tmp_path / "结果.xlsx"
    path.write_bytes(out.getvalue())
    assert error_at(path).msg_id == "workbook_is_register"


def test_macros_are_never_run_and_the_cells_are_read(tmp_path):
    path = register(tmp_path / "m.xlsm", [["案件编号", "谋取私利"], ["A", "否"]])
    with_part(path, "xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not a real macro project")
    case = only_case(path)
    assert case.answers["private_gain"].value is False and [n.msg_id for n in case.notices] == ["sheet_macros"]


def test_a_check_of_a_workbook_and_a_folder_reads_rows_and_leaves_workbooks_in_folders_alone(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.yaml").write_text("case: {id: Y}\nanswers: {private_gain: 否}\n", encoding="utf-8")
    register(folder / "register.xlsx", [["案件编号", "谋取私利"], ["not read", "否"]])
    register(tmp_path / "台账.xlsx", [["案件编号", "谋取私利"], ["R1", "否"], ["R2", "是"]])
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    tasks = list(batch.tasks_for([str(folder), str(tmp_path / "台账.xlsx"), str(tmp_path / "old.xls")], asked=ZIGUI))
    assert [Path(t[0]).name for t in tasks] == ["a.yaml", "台账.xlsx!2", "台账.xlsx!3", "old.xls"]
    assert tasks[1][1].read(ZIGUI)[0].meta["id"] == "R1"  # read where cases are checked, as a file's bytes are
    assert tasks[3][2].msg_id == "workbook_other_format"
    assert batch.is_batch([str(tmp_path / "台账.xlsx")])
    results = list(batch.run(iter(tasks), ZIGUI, _Collect()))
    assert [r.failure is None for r in results] == [True, True, True, False]


class _Collect:
    """A renderer that keeps what it is given."""

    parallel = False
    explains = False

    def prepare(self, ds):
        return ds




def test_a_column_names_the_measures_of_its_row_as_a_case_file_does(tmp_path):
    from zgrongcuo.io.questions import Selection

    path = register(tmp_path / "m.xlsx", [
        ["案件编号", "办法", "谋取私利"],
        ["A", "zigui-2018、wenze-2019", "否"],
        ["B", "秭归县办法（2018）、问责条例第十七、十八条（2019）", "否"],  # by the names the register shows
        ["C", None, "否"],
        ["D", "zigui-2019", "否"],
    ])  # fmt: skip
    own = Selection()  # no --criteria: each row its own measures, else the default
    yaml = "case: {id: A}\nmeasures: [zigui-2018, wenze-2019]\nanswers: {private_gain: 否}\n".encode()
    from_file, asked = case_reader.loads_for(yaml, own, str(tmp_path / "a.yaml"))
    rows = read_cases(path, own)
    for _, case, _ in rows[:2]:
        assert case.measures == from_file.measures == ("zigui-2018", "wenze-2019")
        assert {f: a.value for f, a in case.answers.items()} == {f: a.value for f, a in from_file.answers.items()}
    assert rows[2][1].measures is None  # none named: the default, as a case file that names none
    error = rows[3][2]
    assert error.msg_id == "unknown_measure_name" and error.suggestion == "zigui-2018" and error.key == "办法"
    documents = [d for _, d, _ in read_register(str(path), own)]
    assert [q.measure_ids for q in (d.read(own)[1] for d in documents[:2])] == [asked.measure_ids] * 2


def test_every_problem_of_a_row_is_named_at_its_cell_as_a_case_files_are(tmp_path):
    path = register(tmp_path / "台账.xlsx", [["案件编号", "谋取私利", "工作情境", "行为发生日期"], ["A", "也许", "改革", "2014年"]])
    error = error_at(path)
    # In the case reader's order: the case's fields, then the answers.
    assert [(p.msg_id, p.column) for p in error.problems()] == [("bad_conduct_date", 4), ("bad_yesno", 2), ("unknown_option", 3)]
    paragraphs = error.paragraphs("zh")
    assert len(paragraphs) == 3 and all(p.startswith(f"{path}!") and "，工作表“台账”，列“" in p for p in paragraphs)
