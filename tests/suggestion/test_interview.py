"""The interview with suggested answers: each shown with its sentences, Enter takes it, anything else replaces it."""

import pytest
from helpers import make_case

from zgrongcuo.interview import suggestions
from zgrongcuo.interview.session import Interview
from zgrongcuo.io import case_reader, case_writer
from zgrongcuo.model.suggestion import Evidence, Suggestion
from zgrongcuo.text.catalogue import text


class Typed:
    """A person at a terminal typing the given lines, whatever is asked; what was said is kept."""

    interactive = True

    def __init__(self, *lines):
        self.lines, self.said = list(lines), []

    def say(self, line):
        self.said.append(line)

    def ask(self, prompt):
        self.said.append(prompt)
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)


PILOT = Evidence("该项工作属于加强农村个人建房管理过程中的先行先试。", "zigui.txt", True)
ERROR = Evidence("违反了国家有关减轻农民负担规定精神。", "zigui.txt", True)


def suggested_case(**extra):
    case = make_case({"context": ("reform_innovation",)})
    case.suggested = {
        "causes": Suggestion(("pilot",), (PILOT,)),
        "consequences": Suggestion(("error",), (ERROR,)),
        **extra,
    }
    return case


def test_enter_takes_the_suggestion_with_a_note_naming_its_evidence(criteria):
    iv = Interview(criteria, suggested_case(), "zh", ask_meta=False)
    dialogue = Typed("", "", "是", "否", "是", "是", "否", "否", "否", "否")
    iv.run(dialogue)
    assert iv.case.answers["causes"].value == ("pilot",)
    assert iv.case.answers["causes"].note == "原文：“该项工作属于加强农村个人建房管理过程中的先行先试。”（来源：zigui.txt）"
    assert iv.case.answers["consequences"].value == ("error",)
    assert iv.case.suggested == {}  # confirmed: they left suggested
    said = "\n".join(dialogue.said)
    assert text("ask.suggested", "zh", answer="先行先试") in said
    assert "原文：“该项工作属于加强农村个人建房管理过程中的先行先试。”（来源：zigui.txt）" in said
    assert iv.changed


def test_another_answer_replaces_the_suggestion_and_typing_the_same_confirms_it(criteria):
    iv = Interview(criteria, suggested_case(), "zh", ask_meta=False)
    iv.run(Typed("2", "1", "是", "否", "是", "是", "否", "否", "否", "否"))
    assert iv.case.answers["causes"].value == ("inexperience",)
    assert iv.case.answers["causes"].note is None  # the person's own answer
    assert iv.case.answers["consequences"].note.startswith("原文：")  # typed as suggested
    assert iv.case.suggested == {}


def test_typing_a_suggestions_options_by_their_shown_numbers_keeps_its_evidence():
    # Two measures: the list is shown grouped by measure, in another order than the union's the suggestion keeps.
    from zgrongcuo.io.questions import load_measures, questions

    both = questions(load_measures(["zigui-2018", "wenze-2019"]))
    case = make_case({"context": ("reform_innovation",)})
    case.suggested = {"causes": Suggestion(("bold_performance", "pilot"), (PILOT,))}
    iv = Interview(both, case, "zh", ask_meta=False)
    iv.run(Typed("1", "4,2", *["?"] * 20))  # the national measure's own context; then causes, shown: 1 缺乏经验, 2 先行先试, …, 4 大胆履职
    assert iv.case.answers["causes"].value == ("bold_performance", "pilot")
    assert iv.case.answers["causes"].note.startswith("原文：")  # typed as suggested: from the same sentences


def test_a_note_typed_with_enter_joins_the_evidence(criteria):
    iv = Interview(criteria, suggested_case(), "zh", ask_meta=False)
    iv.run(Typed("# 已核对会议纪要", *["?"] * 12))
    assert iv.case.answers["causes"].value == ("pilot",)
    assert iv.case.answers["causes"].note.endswith(" 已核对会议纪要")
    assert iv.case.answers["causes"].note.startswith("原文：")


def test_sentences_both_ways_are_shown_and_nothing_is_taken_by_enter(criteria):
    contrary = Suggestion(
        None,
        conflicting=(Evidence("未谋取私利。", "a.txt", False), Evidence("收受好处。", "b.txt", True)),
    )
    iv = Interview(criteria, suggested_case(private_gain=contrary), "zh", ask_meta=False)
    dialogue = Typed("", "", "是", "", "否", *["否"] * 10)
    iv.run(dialogue)
    said = "\n".join(dialogue.said)
    assert text("ask.suggested_conflict", "zh") in said
    assert "  表明“否”：“未谋取私利。”（来源：a.txt）" in said
    assert "  表明“是”：“收受好处。”（来源：b.txt）" in said
    assert text("ask.hint_yesno", "zh") in said  # Enter at it is not an answer
    assert iv.case.answers["private_gain"].value is False
    assert iv.case.answers["private_gain"].note is None
    assert "private_gain" not in iv.case.suggested


def test_a_question_made_moot_is_not_asked_and_its_suggestion_stays(criteria):
    # Once no situation can be met, whether anyone gained cannot change the outcome: it is not asked.
    moot = Suggestion(False, (Evidence("经查，未谋取私利。", "a.txt", False),))
    case = make_case({})
    case.suggested = {"private_gain": moot}
    iv = Interview(criteria, case, "zh", ask_meta=False)
    iv.run(Typed("0", "否"))
    assert "private_gain" not in iv.asked
    assert iv.case.suggested == {"private_gain": moot}


def test_back_and_help_work_at_a_suggested_question(criteria):
    iv = Interview(criteria, suggested_case(), "zh", ask_meta=False)
    dialogue = Typed("help", "", "back", "", "", *["?"] * 12)
    iv.run(dialogue)
    said = "\n".join(dialogue.said)
    assert text("ask.help_heading", "zh", help=criteria.fact_by_id["causes"].help["zh"]) in said
    assert iv.asked[:3] == ["causes", "consequences", "causes"]
    # Asked again after going back: the confirmed answer is kept by Enter, with its note.
    assert iv.case.answers["causes"].note.startswith("原文：")


def test_the_answers_and_the_rest_of_the_suggestions_read_back(criteria):
    iv = Interview(criteria, suggested_case(remedied=Suggestion(True, (Evidence("已挽回损失。", None, True),))), "zh", ask_meta=False)
    iv.run(Typed("", "", "是", "否", "是", "是", "否", "否", "否", "否"))
    data = case_writer.dumps(iv.case, criteria, lang="zh")
    back = case_reader.loads(data.encode(), criteria, "x.yaml")
    assert back.answers["causes"].note == iv.case.answers["causes"].note
    assert set(back.suggested) == set(iv.case.suggested)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_note_names_each_file_once_after_its_sentences(lang):
    note = suggestions.note(
        (Evidence("甲。", "a.txt", True), Evidence("乙。", "a.txt", True), Evidence("丙。", "b.docx", True)), lang
    )
    if lang == "zh":
        assert note == "原文：“甲。”“乙。”（来源：a.txt）；“丙。”（来源：b.docx）"
    else:
        assert note == 'Source: "甲。""乙。" (a.txt); "丙。" (b.docx)'


def test_what_a_file_says_is_shown_escaped(criteria):
    hostile = Suggestion(True, (Evidence("已挽回\x1b[2J损失\u202e。", "a\x1b].txt", True),))
    lines = suggestions.lines(criteria.fact_by_id["remedied"], hostile, "zh")
    assert not any("\x1b" in line or "\u202e" in line for line in lines)
