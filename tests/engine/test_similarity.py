"""Similarity of decided cases: identical first, deciding answers weigh more, unknowns are neutral."""

import copy
import json

import pytest
import yaml
from conftest import ARTICLE_CASE, EXAMPLES
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.engine.precedents import nearest
from zgrongcuo.engine.similarity import BACKGROUND, DECIDING, PRIOR, Weigher, deciding_features, features
from zgrongcuo.io import case_reader, criteria_builder
from zgrongcuo.io.questions import questions

runner = CliRunner()
ARTICLE = ARTICLE_CASE.read_text(encoding="utf-8").split("\nexpect:")[0] + "\n"


@pytest.fixture(scope="module")
def zigui():
    return criteria_builder.load("zigui-2018")


@pytest.fixture(scope="module")
def asked(zigui):
    return questions((zigui, criteria_builder.load("hubei-2020"), criteria_builder.load("wenze-2019")))


BASE = yaml.safe_load(ARTICLE)  # the article's case: metadata and answers (values with notes)


def case_text(changes=None, decision=True, **meta):
    """The article's case as JSON text, with some answers changed (None: left out) and, by default, a decision."""
    doc = copy.deepcopy(BASE)
    doc["case"].update(meta)
    for fact, value in (changes or {}).items():
        if value is None:
            doc["answers"].pop(fact, None)
        else:
            doc["answers"][fact] = value
    if decision:
        doc["decision"] = {"outcome": "exempt", "measure": "zigui-2018"} if decision is True else decision
    return json.dumps(doc, ensure_ascii=False)


def load(asked, text, name="x.json"):
    return case_reader.loads(text.encode(), asked, name)


def test_the_measures_rules_decide_which_answers_weigh(zigui):
    deciding = deciding_features([zigui])
    assert ("democratic_decision", "") in deciding and ("private_gain", "") in deciding
    assert ("context", "reform_innovation") in deciding and ("context", "superior_decision") in deciding
    assert ("minor_fault", "") not in deciding  # a question of another measure
    weigher = Weigher([zigui])
    assert weigher.weight(("democratic_decision", "")) == DECIDING and weigher.weight(("minor_fault", "")) == BACKGROUND


def test_identical_first_then_an_irrelevant_difference_then_a_deciding_one(zigui, asked):
    me = load(asked, case_text({"minor_fault": "否"}, decision=False), "me.json")
    identical = load(asked, case_text({"minor_fault": "否"}), "a.json")
    irrelevant = load(asked, case_text({"minor_fault": "是"}), "b.json")  # a question no Zigui rule tests
    deciding = load(asked, case_text({"minor_fault": "否", "democratic_decision": "否"}), "c.json")
    found = nearest(me, [deciding, irrelevant, identical], [zigui], asked.fact_by_id, top=3)
    assert [m.case.file for m in found.matches] == ["a.json", "b.json", "c.json"]
    near, mid, far = (m.comparison for m in found.matches)
    assert near.differing == () and mid.differing == (("minor_fault", ""),) and far.differing == (("democratic_decision", ""),)
    assert mid.similarity - far.similarity == pytest.approx((DECIDING - BACKGROUND) / (far.compared + PRIOR))


def test_an_unknown_answer_is_neither_agreement_nor_disagreement(zigui, asked):
    weigher = Weigher([zigui])
    mine = features(load(asked, case_text()), asked.fact_by_id)
    known = features(load(asked, case_text({"democratic_decision": "否"})), asked.fact_by_id)
    unknown = features(load(asked, case_text({"democratic_decision": "不确定"})), asked.fact_by_id)
    absent = features(load(asked, case_text({"democratic_decision": None})), asked.fact_by_id)
    a, b, c = weigher.compare(mine, known), weigher.compare(mine, unknown), weigher.compare(mine, absent)
    assert (b.agreeing, b.compared, b.differing) == (c.agreeing, c.compared, c.differing)  # 不确定 and 未回答 alike
    assert b.agreeing == a.agreeing and b.compared == a.compared - DECIDING  # left out, not counted either way
    assert b.similarity > a.similarity
    # Unknown on this side too: a case with no answers compares nothing and sits at one half.
    assert weigher.compare({}, mine).similarity == 0.5


def test_a_list_counts_each_option_chosen_or_not(zigui, asked):
    mine = features(load(asked, '{"answers": {"context": ["reform_innovation"]}}'), asked.fact_by_id)
    assert mine[("context", "reform_innovation")] is True and mine[("context", "superior_decision")] is False
    assert len([f for f in mine if f[0] == "context"]) == len(asked.fact_by_id["context"].option_ids)


def test_ties_go_to_the_earlier_file_and_top_keeps_the_best(zigui, asked):
    me = load(asked, case_text(decision=False), "me.json")
    same = [load(asked, case_text(), f"{n}.json") for n in range(6)]
    found = nearest(me, same, [zigui], asked.fact_by_id, top=3)
    assert [m.case.file for m in found.matches] == ["0.json", "1.json", "2.json"] and [m.rank for m in found.matches] == [1, 2, 3]
    assert (found.read, found.decided) == (6, 6)


def test_undecided_cases_and_the_case_itself_are_passed_over(zigui, asked, tmp_path):
    path = tmp_path / "me.json"
    path.write_text(case_text(), encoding="utf-8")
    me = case_reader.load(str(path), asked)
    undecided = load(asked, case_text(decision=False), "u.json")
    found = nearest(me, [case_reader.load(str(path), asked), undecided], [zigui], asked.fact_by_id, top=5)
    assert found.matches == [] and (found.read, found.decided) == (2, 0)


# ---------------------------------------------------------------- the command


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a-same.json").write_text(case_text(id="ARC-1"), encoding="utf-8")
    other = case_text({"democratic_decision": "否"}, {"outcome": "not_eligible", "measure": "zigui-2018"}, id="ARC-2")
    (folder / "b-other.json").write_text(other, encoding="utf-8")
    (folder / "c-undecided.json").write_text(case_text(decision=False, id="ARC-3"), encoding="utf-8")
    return folder


def run(*args):
    return runner.invoke(app, [*map(str, args)])


def test_similar_in_a_folder_as_json(archive):
    result = run("similar", ARTICLE_CASE, "--in", archive, "--format", "json", "--criteria", "zigui-2018", "--lang", "en")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["read"], data["decided"], data["library"], data["measures"]) == (3, 2, False, ["zigui-2018"])
    first, second = data["results"]
    assert (first["case"]["id"], first["rank"], first["differences"]) == ("ARC-1", 1, [])
    assert second["case"]["id"] == "ARC-2" and second["similarity"] < first["similarity"]
    [difference] = second["differences"]
    assert (difference["fact"], difference["this"], difference["that"]) == ("democratic_decision", "“yes”", "“no”")
    assert second["decision"]["outcome"] == "not_eligible" and second["decision"]["favourable"] is False


def test_similar_in_text_and_markdown(archive):
    out = run("similar", ARTICLE_CASE, "--in", archive, "--top", "1").stdout
    assert "1. ARC-1" in out and "ARC-2" not in out and "相似度" in out
    assert "判定规则加权" in out  # says how it was weighed
    md = run("similar", ARTICLE_CASE, "--in", archive, "--format", "markdown").stdout
    assert md.startswith("# 与 ZG-2014-57") and "## 2. ARC-2" in md and "经过民主决策程序：本案“是”，该案“否”" in md


def test_a_file_that_cannot_be_read_is_reported_and_the_rest_compared(archive):
    (archive / "d-broken.yaml").write_text("answers: [\n", encoding="utf-8")
    result = run("similar", ARTICLE_CASE, "--in", archive, "--format", "json")
    assert result.exit_code == 2
    assert "d-broken.yaml" in result.stderr
    assert len(json.loads(result.stdout)["results"]) == 2


def test_nothing_decided_says_so(tmp_path):
    (tmp_path / "x.json").write_text(case_text(decision=False), encoding="utf-8")
    result = run("similar", ARTICLE_CASE, "--in", tmp_path)
    assert result.exit_code == 0 and "没有找到已作决定的案件（共读取 1 件）" in result.stdout


def test_help_explains_the_measure_in_chinese_and_english():
    flat = "".join(run("similar", "--help").stdout.split())
    assert "相似度=（相同项的权重+1）÷（比较项的权重+2）" in flat and "不计入" in flat
    english = " ".join(run("similar", "--help", "--lang", "en").stdout.split())
    assert "(weight alike + 1) / (weight compared + 2)" in english


# ---------------------------------------------------------------- the published library


def test_without_in_the_published_library_is_searched_and_said_to_be_for_reference():
    result = run("similar", ARTICLE_CASE, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["library"] is True and data["decided"] >= 19
    # The article's own published decision is the nearest: the same facts, decided under the Zigui measure.
    first = data["results"][0]
    assert first["case"]["id"] == "P-2018-ZG-01" and first["decision"]["measure"] == "zigui-2018"
    assert all(r["decision"]["source"] for r in data["results"])
    text_out = run("similar", ARTICLE_CASE).stdout
    assert "仅供参照，不是裁决" in text_out and "来源：" in text_out


def test_check_and_ask_can_end_with_the_three_nearest_published_cases():
    out = run("check", ARTICLE_CASE, "--precedents").stdout
    assert "相近的公开案例（仅供参照）" in out and "3. " in out and "4. " not in out[out.index("相近的公开案例") :]
    assert out.rstrip().splitlines()[-1].startswith("结论：")  # the outcome stays last
    assert out.index("相近的公开案例") > out.index("理由：")
    for refused in (("--format", "json"), (str(EXAMPLES),)):
        result = run("check", ARTICLE_CASE, "--precedents", *refused)
        assert result.exit_code == 2 and "--precedents" in result.stderr
    answers = "\n".join(["", "", "", "", "2", "3", "1", "是", "否", "是", "是", "否", "否", "否", "否"]) + "\n"
    asked = runner.invoke(app, ["ask", "--no-save", "--precedents"], input=answers)
    assert asked.exit_code == 0, asked.output
    assert "相近的公开案例（仅供参照）" in asked.stdout and asked.stdout.rstrip().splitlines()[-1].startswith("结论：")


def test_the_case_itself_is_passed_over_under_another_name(zigui, asked, tmp_path):
    from zgrongcuo.io import precedents

    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "me.json").write_text(case_text(), encoding="utf-8")
    (folder / "other.json").write_text(case_text(), encoding="utf-8")
    (tmp_path / "link.json").symlink_to(folder / "me.json")
    for name in (str(folder / "." / "me.json"), str(tmp_path / "link.json")):
        me = case_reader.load(name, asked)
        found = nearest(me, precedents.read([str(folder)], asked), [zigui], asked.fact_by_id, top=5)
        assert [m.case.file for m in found.matches] == [str(folder / "other.json")]
        assert (found.read, found.decided) == (2, 1)
    # Read from bytes, a case has no file to be: nothing is passed over.
    me = load(asked, case_text())
    found = nearest(me, precedents.read([str(folder)], asked), [zigui], asked.fact_by_id, top=5)
    assert found.decided == 2


@pytest.mark.parametrize(("top", "expected"), [(1, ["1"]), (2, ["1", "3"]), (3, ["1", "3", "4"]), (4, ["1", "3", "4", "0"]), (6, ["1", "3", "4", "0", "2"])])
def test_ties_at_the_edge_of_the_best_go_to_the_earlier_file(zigui, asked, top, expected):
    me = load(asked, case_text(decision=False), "me.json")
    nearer, further = case_text(), case_text({"democratic_decision": "否"})
    others = [load(asked, text, f"{n}.json") for n, text in enumerate([further, nearer, further, nearer, nearer])]
    found = nearest(me, others, [zigui], asked.fact_by_id, top=top)
    assert [m.case.file for m in found.matches] == [f"{n}.json" for n in expected]
    assert [m.rank for m in found.matches] == list(range(1, len(expected) + 1))
    similarities = [m.comparison.similarity for m in found.matches]
    assert similarities == sorted(similarities, reverse=True)


def test_json_names_files_exactly_and_a_file_reached_twice_is_one_case(archive):
    # Two files that would look alike once escaped: JSON tells them apart.
    for name in ("x\x1by.json", "x\\x1by.json"):
        (archive / name).write_text(case_text({"democratic_decision": "否"}, id=None), encoding="utf-8")
    (archive / "z-link.json").symlink_to(archive / "a-same.json")  # the same decided case, linked
    result = run("similar", ARTICLE_CASE, "--in", archive, "--in", archive, "--format", "json", "--top", "20")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    files = [r["file"] for r in data["results"]]
    assert len(files) == len(set(files)) == 4 and data["read"] == 5
    assert str(archive / "x\x1by.json") in files and str(archive / "x\\x1by.json") in files
    assert [r["case"]["id"] for r in data["results"]].count("ARC-1") == 1
    assert data["case"]["file"] == str(ARTICLE_CASE)
