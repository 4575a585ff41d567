"""`zgrongcuo suggest` and `zgrongcuo ask --from`: written accounts in, drafts and confirmed answers out."""

import json

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.io import case_reader, criteria_builder

runner = CliRunner()
ARTICLE = ROOT / "tests" / "sources" / "zigui-2018-simplified.txt"
CRITERIA = criteria_builder.load()


def suggest(*args, input=None):
    return runner.invoke(app, ["suggest", *map(str, args)], input=input)


@pytest.fixture(autouse=True)
def in_a_temporary_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_the_article_is_read_into_a_draft_with_its_two_suggestions(tmp_path):
    result = suggest(ARTICLE, "-o", "draft.yaml")
    assert result.exit_code == 0, result.output
    assert "失误原因：建议“先行先试”" in result.stdout
    assert "后果：建议“出现失误或偏差”" in result.stdout
    assert "共 13 个问题：2 个有原文依据的建议，11 个仍需回答。" in result.stdout
    assert "不是认定" in result.stdout
    assert "已写入 draft.yaml" in result.stderr
    case = case_reader.load(str(tmp_path / "draft.yaml"), CRITERIA)
    assert case.answers == {}
    assert {f: s.value for f, s in case.suggested.items()} == {"causes": ("pilot",), "consequences": ("error",)}
    assert case.suggested["causes"].evidence[0].source == "zigui-2018-simplified.txt"
    assert case.meta["summary"].endswith("（摘自 zigui-2018-simplified.txt）")
    assert "democratic_decision" not in case.suggested and "private_gain" not in case.suggested


def test_the_draft_is_never_written_over_a_file_unasked(tmp_path):
    (tmp_path / "draft.yaml").write_text("keep", encoding="utf-8")
    result = suggest(ARTICLE, "-o", "draft.yaml")
    assert result.exit_code == 2
    assert (tmp_path / "draft.yaml").read_text(encoding="utf-8") == "keep"
    assert suggest(ARTICLE, "-o", "draft.yaml", "--force").exit_code == 0


def test_an_account_is_never_replaced_by_its_draft(tmp_path):
    text = tmp_path / "说明.txt"
    text.write_text("经查，张某未谋取私利。", encoding="utf-8")
    result = suggest(text, "-o", text, "--force")
    assert result.exit_code == 2
    assert text.read_text(encoding="utf-8") == "经查，张某未谋取私利。"


def test_a_case_file_gets_its_suggestions_in_place_with_force_and_keeps_its_answers(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text("case:\n  summary: 该项目经党委会集体研究，张某未谋取私利。\nanswers:\n  private_gain: 是\n", encoding="utf-8")
    result = suggest(case, "-o", case, "--force")
    assert result.exit_code == 0, result.output
    back = case_reader.load(str(case), CRITERIA)
    assert back.answers["private_gain"].value is True  # an answer stays an answer: no suggestion over it
    assert set(back.suggested) == {"democratic_decision"}
    assert "已回答的问题不再建议" in result.stdout


CASE_OF_TWO_MEASURES = (
    "measures: [zigui-2018, wenze-2019]\n"
    "case:\n  summary: 经查，该同志已经履职尽责，因疫情等不可抗力造成损失。\n"
    "answers:\n  inadvertent: 是\n"  # a question of wenze-2019 alone
)


def test_a_case_file_is_read_against_the_measures_it_names_as_check_reads_it(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text(CASE_OF_TWO_MEASURES, encoding="utf-8")
    result = suggest(case, "-o", "d.yaml")
    assert result.exit_code == 0, result.output
    assert "不可抗力" in result.stdout  # a cue of wenze-2019 found: its questions were asked
    checked = runner.invoke(app, ["check", "d.yaml", "--format", "json"])
    assert [d["criteria"]["id"] for d in json.loads(checked.stdout)] == ["zigui-2018", "wenze-2019"]
    drafted = (tmp_path / "d.yaml").read_text(encoding="utf-8")
    assert "measures: [zigui-2018, wenze-2019]" in drafted and "inadvertent:" in drafted
    folder = tmp_path / "材料"
    folder.mkdir()
    (folder / "c.yaml").write_text(CASE_OF_TWO_MEASURES, encoding="utf-8")
    batch = suggest(folder, "-o", "out")
    assert batch.exit_code == 0, batch.output
    assert "measures: [zigui-2018, wenze-2019]" in (tmp_path / "out" / "c.yaml").read_text(encoding="utf-8")
    overridden = suggest(case, "--criteria", "zigui-2018")  # --criteria overrides, and a wenze answer is refused
    assert overridden.exit_code == 2 and "inadvertent" in overridden.stderr


@pytest.mark.parametrize(("fmt", "parse"), [("yaml", None), ("json", json.loads)])
def test_the_draft_itself_can_go_to_standard_output(fmt, parse):
    result = suggest(ARTICLE, "--format", fmt)
    assert result.exit_code == 0, result.output
    data = result.stdout.encode("utf-8")
    back = case_reader.loads(data, CRITERIA, f"x.{fmt}")
    assert set(back.suggested) == {"causes", "consequences"}
    if parse is not None:
        assert parse(result.stdout)["suggested"]["causes"]["value"] == ["pilot"]


def test_standard_input_is_an_account():
    result = suggest("-", "--format", "yaml", input="经查，张某未谋取私利。")
    assert result.exit_code == 0, result.output
    back = case_reader.loads(result.stdout.encode(), CRITERIA, "x.yaml")
    assert back.suggested["private_gain"].value is False
    assert back.suggested["private_gain"].evidence[0].source == "-"


def test_several_measures_share_a_question_and_the_english_output(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("经查，该同志已经履职尽责，因疫情等不可抗力造成损失。", encoding="utf-8")
    result = suggest(text, "--criteria", "zigui-2018", "--criteria", "wenze-2019", "--lang", "en", "-o", "d.yaml")
    assert result.exit_code == 0, result.output
    assert 'Diligent: suggested “yes”' in result.stdout
    asked = __import__("zgrongcuo.io.questions", fromlist=["x"])
    qs = asked.questions(asked.load_measures(["zigui-2018", "wenze-2019"]))
    back = case_reader.load(str(tmp_path / "d.yaml"), qs)
    assert back.suggested["causes"].value == ("force_majeure",)
    assert back.suggested["consequences"].value == ("loss",)
    assert back.measures == ("zigui-2018", "wenze-2019")  # so that ask --case and check need no --criteria
    checked = runner.invoke(app, ["check", str(tmp_path / "d.yaml"), "--format", "json"])
    assert [d["criteria"]["id"] for d in json.loads(checked.stdout)] == ["zigui-2018", "wenze-2019"]


def test_without_criteria_the_draft_names_no_measures(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("经查，张某未谋取私利。", encoding="utf-8")
    assert suggest(text, "-o", "d.yaml").exit_code == 0
    assert case_reader.load(str(tmp_path / "d.yaml"), CRITERIA).measures is None


def test_a_folder_makes_a_draft_of_each_account(tmp_path):
    folder = tmp_path / "材料"
    folder.mkdir()
    (folder / "a.txt").write_text("经查，张某未谋取私利。", encoding="utf-8")
    (folder / "a.md").write_text("# 说明\n该项目经**党委会**集体研究。", encoding="utf-8")
    (folder / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)  # not read: not an account's suffix
    (folder / "bad.txt").write_bytes(b"\0\0\0")
    result = suggest(folder, "-o", "out")
    assert result.exit_code == 2  # one account could not be read; the others were
    assert "bad.txt" in result.stderr
    drafts = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert drafts == ["a-2.yaml", "a.yaml"]
    assert "共 2 件：建议 2 个，说法不一 0 个" in result.stdout


def test_a_folder_is_given_alone_and_as_text():
    assert suggest(".", ARTICLE).exit_code == 2
    result = suggest(".", "--format", "json")
    assert result.exit_code == 2 and "--format" in result.stderr


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("x.pdf", b"%PDF-1.4", "PDF"),
        ("x.docx", b"PK\x03\x04broken", ".docx"),
        ("x.txt", b"\xff\xff\xff\xff", "GB18030"),
        ("missing.txt", None, "不存在"),
    ],
)
def test_an_unreadable_account_is_a_message_and_exit_2_never_a_traceback(tmp_path, name, data, message):
    if data is not None:
        (tmp_path / name).write_bytes(data)
    result = suggest(tmp_path / name)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_hostile_words_in_an_account_do_not_reach_the_terminal(tmp_path):
    text = tmp_path / "x\x1b[31m.txt"
    text.write_text("经查，[bold red]张某[/]\x1b[2J未谋取\u202e私利\x07。", encoding="utf-8")
    result = suggest(text)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\x07" not in result.stdout
    assert "谋取私利：建议“否”" in result.stdout
    assert "[bold red]张某[/]" in result.stdout  # markup is shown as written, not obeyed


# ------------------------------------------------------------------ ask --from

ANSWERS = "\n".join(["", "", "", "2", "", "", "是", "否", "是", "是", "否", "否", "否", "否"]) + "\n"


def test_ask_from_the_article_reaches_exempt_with_the_evidence_in_the_notes(tmp_path):
    result = runner.invoke(app, ["ask", "--from", str(ARTICLE), "--save", "case.yaml"], input=ANSWERS)
    assert result.exit_code == 0, result.output
    assert "结论：建议容错免责（免予责任追究）" in result.stdout
    saved = case_reader.load(str(tmp_path / "case.yaml"), CRITERIA)
    assert saved.answers["causes"].note.startswith("原文：“文件将农(居)民建房时")
    assert saved.answers["causes"].note.endswith("（来源：zigui-2018-simplified.txt）")
    assert saved.answers["consequences"].note.startswith("原文：")
    assert saved.answers["democratic_decision"].note is None  # the staffer's own answer
    assert saved.suggested == {}
    assert "建议回答：先行先试（据书面材料）" in result.stderr


def test_ask_with_a_case_file_holding_suggestions_offers_them(tmp_path):
    assert suggest(ARTICLE, "-o", "draft.yaml").exit_code == 0
    answers = "\n".join(["2", "", "", "否"]) + "\n"
    result = runner.invoke(app, ["ask", "--case", "draft.yaml"], input=answers)
    assert result.exit_code == 1, result.output  # no democratic decision: not eligible
    saved = case_reader.load(str(tmp_path / "draft.yaml"), CRITERIA)
    assert saved.answers["causes"].note.startswith("原文：")
    assert "causes" not in saved.suggested


def test_ask_from_and_case_together_keep_the_answers_and_suggest_the_rest(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text("answers:\n  context: [reform_innovation]\n", encoding="utf-8")
    result = runner.invoke(app, ["ask", "--case", str(case), "--from", str(ARTICLE)], input="\n\n否\n")
    assert result.exit_code == 1, result.output
    saved = case_reader.load(str(case), CRITERIA)
    assert saved.answers["context"].value == ("reform_innovation",)
    assert saved.answers["causes"].note.startswith("原文：")


def test_check_of_a_draft_evaluates_answers_only_and_says_so(tmp_path):
    assert suggest(ARTICLE, "-o", "draft.yaml").exit_code == 0
    result = runner.invoke(app, ["check", "draft.yaml", "--format", "json"])
    assert result.exit_code == 3
    obj = json.loads(result.stdout)
    assert obj["outcome"] == "undetermined" and obj["suggested"] == 2
    text = runner.invoke(app, ["check", "draft.yaml"]).stdout
    assert "2 条建议答案尚待确认" in text.replace("\n", "")


def test_a_draft_names_a_criteria_file_as_seen_from_where_it_is_written(tmp_path):
    from conftest import ROOT as root

    (tmp_path / "crit").mkdir()
    (tmp_path / "crit" / "mine.yaml").write_bytes((root / "criteria.yaml").read_bytes())
    text = tmp_path / "a.txt"
    text.write_text("经查，张某未谋取私利。", encoding="utf-8")
    result = suggest(text, "--criteria", "crit/mine.yaml", "-o", "out/draft.yaml")
    assert result.exit_code == 0, result.output
    assert "../crit/mine.yaml" in (tmp_path / "out" / "draft.yaml").read_text(encoding="utf-8")
    checked = runner.invoke(app, ["check", "out/draft.yaml", "--format", "json"])
    assert checked.exit_code in (0, 1, 3), checked.output
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "b.txt").write_text("经查，张某未谋取私利。", encoding="utf-8")
    assert suggest("folder", "--criteria", "crit/mine.yaml", "-o", "drafts").exit_code == 0
    assert "../crit/mine.yaml" in (tmp_path / "drafts" / "b.yaml").read_text(encoding="utf-8")
