"""A case names its measures (SPEC "A case may name the measures..."): read, chosen, overridden, refused with a reason."""

import json
import re
import shutil

import pytest
from conftest import ARTICLE_CASE, ROOT

from zgrongcuo import batch
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.errors import CaseError
from zgrongcuo.io import case_reader, criteria_builder
from zgrongcuo.io.questions import Selection
from zgrongcuo.render.contract import RenderOptions
from zgrongcuo.render.json_output import JsonlRenderer, JsonRenderer

# The article's case, naming no measure and expecting nothing.
ARTICLE = re.sub(r"(?m)^measures:.*\n", "", ARTICLE_CASE.read_text(encoding="utf-8").split("\nexpect:")[0]) + "\n"
LIBRARY = ROOT / "tests" / "data" / "library-fines.yaml"


def read(text, selection=None, file="c.yaml"):
    case, asked = case_reader.loads_for(text.encode(), selection or Selection(), file)
    return case, [m.id for m in asked.measures]


def error_of(text, selection=None, file="c.yaml"):
    with pytest.raises(CaseError) as info:
        read(text, selection, file)
    return info.value


# ---------------------------------------------------------------- which measures a case is read against


def test_a_case_that_names_none_is_read_against_the_default():
    case, ids = read(ARTICLE)
    assert ids == ["zigui-2018"] and case.measures is None


def test_a_case_is_read_against_the_measures_it_names_in_their_order():
    case, ids = read(ARTICLE + "measures: [zigui-2018, wenze-2019]\n")
    assert ids == ["zigui-2018", "wenze-2019"] and case.measures == ("zigui-2018", "wenze-2019")
    _, ids = read("answers:\n  minor_fault: 是\nmeasures: [hubei-2020, zigui-2018]\n")
    assert ids == ["hubei-2020", "zigui-2018"]


@pytest.mark.parametrize(
    ("measure", "ids"),
    [
        ("hubei-2020", ["zigui-2018", "hubei-2020"]),  # a bundled measure: screened against it too
        ("zigui-2018", ["zigui-2018"]),  # the default already
        ("wuding-county", ["zigui-2018"]),  # a measure the tool lacks: the default alone
        ("unknown", ["zigui-2018"]),
    ],
)
def test_a_decision_under_a_bundled_measure_adds_it_when_the_case_names_none(measure, ids):
    outcome = "lighter" if measure == "hubei-2020" else "exempt" if measure == "zigui-2018" else "relief_full"
    text = ARTICLE + f"decision:\n  outcome: {outcome}\n  measure: {measure}\n"
    assert read(text)[1] == ids
    # What the file names is what it is read against, whatever its decision.
    assert read(text + "measures: [wenze-2019, zigui-2018]\n")[1] == ["wenze-2019", "zigui-2018"]


def test_a_criteria_file_is_named_by_its_path_from_the_case_files_folder(tmp_path):
    (tmp_path / "rules").mkdir()
    shutil.copy(LIBRARY, tmp_path / "rules" / "fines.yaml")
    (tmp_path / "cases").mkdir()
    path = tmp_path / "cases" / "late.yaml"
    path.write_text("answers:\n  reason: [illness]\nmeasures: [../rules/fines.yaml]\n", encoding="utf-8")
    case, ids = read(path.read_text(encoding="utf-8"), file=str(path))
    assert ids == ["library-fines"]
    assert case.measures == (str(tmp_path / "cases" / "../rules/fines.yaml"),)  # a path that works from anywhere


def test_given_measures_override_the_file_with_a_notice_only_where_they_differ():
    given = Selection(("wenze-2019", "zigui-2018"))
    case, ids = read(ARTICLE + "measures: [zigui-2018]\n", given)
    assert ids == ["wenze-2019", "zigui-2018"]
    assert case.notices == []  # about the run, not the case: not among its warnings
    [notice] = case.run_notices
    assert (notice.msg_id, notice.params) == ("measures_overridden", {"file": "c.yaml", "named": "zigui-2018"})
    same, _ = read(ARTICLE + "measures: [zigui-2018, wenze-2019]\n", given)  # the same measures, in another order
    assert same.run_notices == []
    silent, _ = read(ARTICLE, given)  # the file names none: nothing is overridden
    assert silent.notices == silent.run_notices == []
    decided, _ = read(ARTICLE + "decision:\n  outcome: lighter\n  measure: hubei-2020\n", Selection(("zigui-2018",)))
    assert [n.params["named"] for n in decided.run_notices] == ["zigui-2018, hubei-2020"]


def test_a_path_and_a_name_for_one_bundled_measure_are_the_same_measure_to_the_override(tmp_path):
    given = Selection((str(ROOT / "criteria.yaml"),))
    case, _ = read(ARTICLE + "measures: [zigui-2018]\n", given)
    assert case.notices == case.run_notices == []


# ---------------------------------------------------------------- what is refused, and where


@pytest.mark.parametrize(
    ("block", "msg_id", "key", "line"),
    [
        ("measures: zigui-2018\n", "measures_list_expected", "measures", 1),
        ("measures: []\n", "measures_empty", "measures", 1),
        ("measures:\n  - zigui-2018\n  - wenze2019\n", "unknown_measure_name", "measures[2]", 3),
        ("measures: [zigui-2018, ./nowhere.yaml]\n", "measure_file_missing", "measures[2]", 1),
        ("measures:\n  - wenze-2019\n  - wenze-2019\n", "measure_named_twice", "measures[2]", 3),
        ("measures: [{name: zigui-2018}]\n", "wrong_type", "measures[1]", 1),
        ("measures: [/etc/passwd]\n", "measure_not_criteria_file", "measures[1]", 1),  # never read as criteria
        ("measures: [/dev/zero]\n", "measure_not_criteria_file", "measures[1]", 1),
        ("measures: [./sub.yaml/]\n", "measure_not_criteria_file", "measures[1]", 1),
    ],
)
def test_errors_name_the_file_line_and_key(block, msg_id, key, line):
    error = error_of(ARTICLE + block)
    first = ARTICLE.count("\n") + 1
    assert (error.msg_id, error.file, error.key, error.line) == (msg_id, "c.yaml", key, first + line - 1)


def test_an_unknown_name_suggests_the_bundled_one():
    error = error_of(ARTICLE + "measures: [wenze2019]\n")
    assert error.suggestion == "wenze-2019"
    assert "wenze-2019" in error.render("zh") and "zigui-2018" in error.render("zh")


def test_a_bundled_measure_named_again_by_its_path_is_named_twice(tmp_path):
    shutil.copy(ROOT / "criteria.yaml", tmp_path / "zigui.yaml")
    path = tmp_path / "c.yaml"
    error = error_of(ARTICLE + "measures: [zigui-2018, zigui.yaml]\n", file=str(path))
    assert (error.msg_id, error.key, error.params["measure"]) == ("measure_same_twice", "measures[2]", "zigui-2018")
    assert error.params["name"] == "zigui.yaml" and error.params["first"] == "zigui-2018"  # as written


def test_a_measure_that_does_not_speak_the_language_is_refused_at_its_key(tmp_path):
    import re

    zh_only = LIBRARY.read_text(encoding="utf-8").replace("languages: [zh, en]", "languages: [zh]")
    zh_only = re.sub(r"\n *en: [^\n]*", "", zh_only)  # every English text out
    (tmp_path / "zh.yaml").write_text(zh_only, encoding="utf-8")
    text = "answers:\n  reason: [illness]\nmeasures: [zh.yaml]\n"
    error = error_of(text, Selection(lang="en"), file=str(tmp_path / "c.yaml"))
    assert (error.msg_id, error.key) == ("measure_language", "measures[1]")
    assert read(text, Selection(lang="zh"), file=str(tmp_path / "c.yaml"))[1] == ["library-fines"]


def test_a_broken_criteria_file_a_case_names_is_reported_as_itself(tmp_path):
    (tmp_path / "bad.yaml").write_text("format: 1\nid: [\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        read("answers: {}\nmeasures: [bad.yaml]\n", file=str(tmp_path / "c.yaml"))
    assert str(tmp_path / "bad.yaml") in info.value.render("en")


# ---------------------------------------------------------------- a batch of cases, each with its own measures


@pytest.fixture
def mixed(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-zigui.yaml").write_text(ARTICLE, encoding="utf-8")
    (folder / "b-two.yaml").write_text(ARTICLE + "measures: [zigui-2018, wenze-2019]\n", encoding="utf-8")
    (folder / "c-hubei.yaml").write_text("answers:\n  minor_fault: 是\nmeasures: [hubei-2020]\n", encoding="utf-8")
    return folder


def lines(folder, selection, jobs=1):
    import io

    out = io.StringIO()
    renderer = JsonlRenderer(out, RenderOptions("zh", batch=True))
    results = list(batch.run(batch.tasks_for([str(folder)]), selection, renderer, jobs=jobs))
    for r in results:
        renderer.emit(r.payload)
    return results, [(d["file"].rsplit("/", 1)[-1], d["criteria"]["id"]) for d in map(json.loads, out.getvalue().splitlines())]


def test_a_mixed_folder_screens_each_case_against_its_own_measures(mixed):
    results, got = lines(mixed, Selection())
    assert got == [
        ("a-zigui.yaml", "zigui-2018"),
        ("b-two.yaml", "zigui-2018"), ("b-two.yaml", "wenze-2019"),
        ("c-hubei.yaml", "hubei-2020"),
    ]  # fmt: skip
    assert [len(r.favourables) for r in results] == [1, 2, 1]


def test_workers_give_the_same_lines(mixed):
    for n in range(2 * batch.CHUNK):  # enough cases that two workers are started
        (mixed / f"z{n:02d}.yaml").write_text(ARTICLE + "measures: [wenze-2019, zigui-2018]\n", encoding="utf-8")
    assert lines(mixed, Selection(), jobs=2)[1] == lines(mixed, Selection())[1]


def test_given_measures_override_every_case_and_say_so_once(mixed):
    (mixed / "c-hubei.yaml").write_text("answers:\n  remedied: 是\nmeasures: [hubei-2020]\n", encoding="utf-8")
    results, got = lines(mixed, Selection(("zigui-2018", "wenze-2019")))
    assert [m for _, m in got] == ["zigui-2018", "wenze-2019"] * 3
    said = [r.file for r in results if any(n.msg_id == "measures_overridden" for n in r.notices)]
    # b-two names the same two measures: nothing is overridden there. c-hubei is the first file that differs; once.
    assert [s.rsplit("/", 1)[-1] for s in said] == ["c-hubei.yaml"]


def test_one_case_under_its_two_measures_is_a_json_array(tmp_path):
    import io

    out = io.StringIO()
    renderer = JsonRenderer(out, RenderOptions("zh"))
    path = tmp_path / "two.yaml"
    path.write_text(ARTICLE + "measures: [zigui-2018, wenze-2019]\n", encoding="utf-8")
    for r in batch.run(batch.tasks_for([str(path)]), Selection(), renderer):
        renderer.emit(r.payload)
    renderer.close()
    assert [d["criteria"]["id"] for d in json.loads(out.getvalue())] == ["zigui-2018", "wenze-2019"]


# ---------------------------------------------------------------- hints never propose another measure's id


@pytest.mark.parametrize(
    ("answers", "msg_id", "measure"),
    [
        ("  context: [collective_decision]\n", "option_of_other_measure", "wenze-2019"),
        ("  context: [wrong_superior_decision]\n", "option_of_other_measure", "wenze-2019"),
        ("  context: [decision_implementation]\n", "option_of_other_measure", "wenze-2019"),
        ("  superior_decision_clearly_unlawful: 否\n", "fact_of_other_measure", "wenze-2019"),
        ("  minor_fault: 是\n", "fact_of_other_measure", "hubei-2020"),
    ],
)
def test_an_id_of_another_bundled_measure_names_that_measure_and_suggests_no_other_id(answers, msg_id, measure):
    error = error_of("answers:\n" + answers)
    assert (error.msg_id, error.params["measure"], error.suggestion) == (msg_id, measure, None)
    message = error.render("zh")
    assert f"measures: [zigui-2018, {measure}]" in message and f"--criteria zigui-2018 --criteria {measure}" in message
    assert "是否想写" not in message


def test_a_near_miss_of_the_measures_own_id_still_gets_its_did_you_mean():
    assert error_of("answers:\n  context: [reform_inovation]\n").suggestion == "reform_innovation"
    assert error_of("answers:\n  remedid: 是\n").suggestion == "remedied"


# ---------------------------------------------------------------- decisions written in words


@pytest.mark.parametrize(
    ("outcome", "measure", "read_as"),
    [
        ("建议容错免责（免予责任追究）", "zigui-2018", "exempt"),  # the label as the tool prints it
        ("建议容错免责", "zigui-2018", "exempt"),  # without its bracketed part
        ("建议容错免责 (免予责任追究)", "zigui-2018", "exempt"),  # half-width brackets, a space
        ("不予容错", "zigui-2018", "not_tolerated"),
        ("Tolerance recommended", "zigui-2018", "exempt"),
        ("可以从轻或者减轻问责（第十八条）", "wenze-2019", "mitigated"),
        ("免予问责（第2条）", "hubei-2020", "exempt"),
        ("免责", "wuding-county", "relief_full"),  # the generic words, under a measure the tool lacks
        ("减责", "unknown", "relief_partial"),
        ("不予容错", "unknown", "no_relief"),
        ("不予减免（不予容错、问责或处分）", "unknown", "no_relief"),
    ],
)
def test_a_decision_may_give_the_outcome_in_words_read_back_to_its_id(outcome, measure, read_as):
    case, _ = read(ARTICLE + f"decision:\n  outcome: {outcome}\n  measure: {measure}\n")
    assert case.decision.outcome == read_as


def test_words_no_outcome_of_the_measure_has_are_refused_with_its_ids_and_labels():
    error = error_of(ARTICLE + "decision:\n  outcome: 免责\n  measure: hubei-2020\n")
    assert (error.msg_id, error.key) == ("unknown_decision_outcome", "decision.outcome")
    assert "exempt（免予问责（第2条））" in error.params["known"]


def test_a_decision_in_words_is_written_back_as_its_id():
    from zgrongcuo.io import case_writer

    case, asked = case_reader.loads_for(
        (ARTICLE + "decision:\n  outcome: 建议容错免责\n  measure: zigui-2018\n").encode(), Selection(), "c.yaml"
    )
    assert "  outcome: exempt\n" in case_writer.dumps(case, asked, lang="zh")


# ---------------------------------------------------------------- agreement over comparable pairs


def test_a_measure_that_does_not_apply_neither_agrees_nor_differs():
    hubei = criteria_builder.load("hubei-2020")
    assert [o.id for o in hubei.outcomes.values() if not o.applicable] == ["not_applicable"]
    text = "answers:\n  context: [emergency_response]\ndecision:\n  outcome: relief_full\n  measure: wuding-county\n"
    case, _ = read(text + "measures: [hubei-2020]\n")
    d = evaluate(hubei, case)
    assert d.outcome.id == "not_applicable" and (d.agrees, d.agrees_on) == (None, None)

    from zgrongcuo.render.csv_output import agreement
    from zgrongcuo.render.view import Tally, decision_sentences

    assert agreement(d) == "not_comparable"
    assert "本办法不适用于本案，无法与决定对照。" in decision_sentences(d, "zh")
    tally = Tally("zh")
    tally.add((d,))
    assert tally.agreement("hubei-2020")[-1][1] == (1, 0, 0, 1)
    assert "可对照者一致率 —" in tally.agreement_line("hubei-2020")
