"""Suggestions from a written account: cues found in sentences that a careful reader would take as findings."""

import pytest
from helpers import MEASURE

from zgrongcuo.io import criteria_builder
from zgrongcuo.io.questions import load_measures, questions
from zgrongcuo.model.criteria import Questions
from zgrongcuo.model.suggestion import Account, Evidence
from zgrongcuo.suggestion import cues as cue_module
from zgrongcuo.suggestion import matcher
from zgrongcuo.suggestion.matcher import suggest
from zgrongcuo.suggestion.sentences import Layout, cleaned

# The made-up library measure, with cues: two reasons for a late return (a list) and whether the book was damaged.
CUED = (
    MEASURE.replace(
        "          zh: 借阅人生病住院。\n          en: The borrower was in hospital.\n",
        "          zh: 借阅人生病住院。\n          en: The borrower was in hospital.\n"
        "        cues: [生病, 住院治疗, 因病]\n",
    )
    .replace(
        "          zh: 图书馆临时闭馆。\n          en: The library was closed.\n",
        "          zh: 图书馆临时闭馆。\n          en: The library was closed.\n        cues: [闭馆, 暂停开放]\n",
    )
    .replace(
        "      zh: 损坏即不予减免。\n      en: A damaged book is never waived.\n",
        "      zh: 损坏即不予减免。\n      en: A damaged book is never waived.\n"
        "    cues:\n      yes: [损坏, 破损, 撕毁…页]\n      no: [完好无损, 保存完好]\n      unless: [赔偿]\n",
    )
)


@pytest.fixture(scope="module")
def library() -> Questions:
    return Questions.single(criteria_builder.loads(CUED.encode(), "library.yaml"))


def read(text, asked, name="说明.txt", **options):
    return suggest([Account(name, tuple(text.split("\n")))], asked, **options).suggestions


def damaged(text, asked):
    """The suggested answer to the yes/no question (None: none), and whether sentences say both."""
    found = read(text, asked).get("damaged")
    return (found.value, bool(found.conflicting)) if found else (None, False)


# ------------------------------------------------------------------ what a cue says


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("经查，图书已损坏。", True),
        ("经查，图书未损坏。", False),
        ("经查，该书没有任何破损。", False),
        ("经查，该书完好无损。", False),  # a cue for 否
        ("经查，该书并非没有损坏。", True),  # two negations turn it back
        ("经查，该书并不是完好无损。", True),  # a cue for 否, turned round
        ("经查，该书被撕毁了三页。", True),  # a gap in the phrase: 撕毁…页
        ("图书损坏的问题不存在。", False),  # a negation after the cue
    ],
)
def test_a_cue_and_a_negation_before_it_in_its_clause(library, text, value):
    assert damaged(text, library) == (value, False)


@pytest.mark.parametrize(
    "text",
    [
        "借阅人是否损坏了图书？",  # a question
        "需核实借阅人是否损坏图书。",
        "馆员称，有无损坏尚待核实。",
        "借阅人自称图书没有损坏。",  # a claim
        "借阅人辩称：“书不是我损坏的。我一直保存完好。”",  # a claim in quotation marks, over two sentences
        "有读者举报该书已被损坏。",  # an allegation
        "如果图书损坏，不予减免。",  # a hypothesis
        "一旦发现损坏，应当照价赔偿。",
        "图书可能已经损坏。",  # a hedge
        "该书涉嫌被故意损坏。",
        "借阅人应当保证图书不被损坏。",  # a requirement
        "对逾期期间图书损坏的，不予减免。",  # a conditional rule (对……的，……)
        "1.因病逾期且图书未损坏的；",  # a listed situation ending in 的
        "在“图书完好无损”的前提下，可以减免。",  # a named condition in quotation marks
        "鼓励读者爱护图书，避免损坏。",  # exhortation
        "图书损坏后已照价赔偿。",  # unless: a sentence about compensation says nothing of this question
        "图书损坏，借阅人已赔偿。",  # ... in the clause or the next
        "可予减免的情形：因病逾期的；未损坏图书的；已按时续借的。",  # a list of conditions, …的；…的。
        "已按时续借的；图书未损坏的。",
        "要把图书损坏同正常磨损区分开来。",  # kinds of conduct, not this case
        "图书馆要严格检查，防止图书损坏。",  # what a body must do
        "《借阅规则》规定，图书损坏的可以不予减免。",  # what a rule provides
        "本办法所称损坏，是指图书破损或缺页。",  # a definition
        "读者和馆员都应爱护图书，广大读者损坏图书的情况时有发生。",  # readers in general, no one in particular
        "借阅人未放任图书损坏。",  # the negation bears on another verb
        "划清“完好”与“损坏”的分界线。",  # quoted names of kinds
        "看归还情况，是保存完好还是已经损坏。",  # an alternative question
        "对逾期三天的，不予减免；对图书损坏的，照价赔偿；读者保存完好的图书，免予罚款。",  # a rule goes on after ；
        "行为人往往辩称图书早已损坏。",  # the habitual and general
        "图书因不可抗力损坏的，可以减免；确因闭馆逾期，可以容错。",  # what may be tolerated
    ],
)
def test_what_is_not_a_finding_suggests_nothing(library, text):
    assert damaged(text, library) == (None, False)


@pytest.mark.parametrize(
    "text",
    [
        "在借阅人未按时续借的情况下发现图书损坏。",  # a negation far off in the clause
        "借阅人未归还的这一批图书损坏。",  # a negation bearing on a modifier
        "没有按时归还、损坏。",  # a negation in an earlier item of a list
        "没有造成严重损坏。",  # a negation bearing on a degree
        "经查，未发现图书损坏。",  # not found is not found not to be
    ],
)
def test_a_negation_that_may_not_reach_the_cue_leaves_it_open(library, text):
    assert damaged(text, library) == (None, False)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("经查，该书损坏或被撕毁三页。", True),  # both parts show damage: one of them happened, damage either way
        ("经查，该书损坏或者遗失。", None),  # one of the two: damage is not said
        ("经查，借阅人遗失或损坏了该书。", None),
        ("经查，该书没有损坏或遗失。", False),  # denied, an alternative denies each part
        ("经查，该书或许已经损坏。", None),  # 或许 is a hedge, not an alternative
    ],
)
def test_one_part_of_an_alternative_is_not_said_to_hold(library, text, value):
    assert damaged(text, library) == (value, False)


def test_a_list_option_in_an_alternative_needs_the_other_part_too(library):
    assert "reason" not in read("经查，逾期是因闭馆或者家中有事。", library)
    assert read("经查，逾期是因生病或住院治疗。", library)["reason"].value == ("illness",)
    assert read("经查，逾期是因病或闭馆。", library).get("reason") is None


def test_falling_short_turns_a_yes_no_answer_round_but_not_an_option(library):
    assert damaged("经查，图书保存完好不到位。", library) == (True, False)
    assert read("经查，该馆闭馆不力。", library)["reason"].value == ("closure",)


def test_in_a_list_the_items_own_negation_decides(library):
    assert damaged("未逾期、未损坏。", library) == (False, False)
    assert damaged("已逾期、已损坏。", library) == (True, False)


def test_a_claim_ends_where_the_finding_begins(library):
    assert damaged("借阅人辩称图书完好，但经查，图书已损坏。", library) == (True, False)


def test_a_longer_cue_wins_over_the_shorter_one_inside_it(library):
    # 完好无损 holds 损 only; 并不是完好无损 holds 完好无损 and nothing shorter of the same question.
    found = read("该书完好无损。", library)["damaged"]
    assert (found.value, len(found.evidence)) == (False, 1)


def test_a_phrase_with_a_gap_stays_within_its_clause(library):
    assert damaged("该书被撕毁，共三页。", library) == (None, False)


# ------------------------------------------------------------------ both ways, and what is kept


def test_evidence_both_ways_suggests_nothing_and_keeps_both_sentences(library):
    text = "馆员检查后认定图书已损坏。\n借阅人归还时，图书保存完好。"
    found = read(text, library)["damaged"]
    assert found.value is None and not found.proposes
    assert found.conflicting == (
        Evidence("馆员检查后认定图书已损坏。", "说明.txt", True),
        Evidence("借阅人归还时，图书保存完好。", "说明.txt", False),
    )


def test_a_list_gets_the_options_shown_and_none_said_not_to_hold(library):
    found = read("借阅人因病住院治疗，未能按时归还。图书馆并未闭馆。", library)["reason"]
    assert found.value == ("illness",)
    assert {e.option for e in found.evidence} == {"illness"}
    assert read("图书馆并未闭馆。", library) == {}  # a closed list: the text does not say what else


def test_an_option_shown_both_ways_is_left_out_and_its_sentences_kept(library):
    found = read("借阅人因病逾期。当周图书馆闭馆。另据通知，当周图书馆未闭馆。", library)["reason"]
    assert found.value == ("illness",)
    assert [(e.option, e.says) for e in found.conflicting] == [("closure", True), ("closure", False)]


def test_evidence_is_the_sentence_as_written_with_its_file(library):
    found = read("  一、基本情况\n经查，借阅人生病住院（有病历为证），逾期三天。  ", library, name="情况说明.docx")
    (evidence,) = found["reason"].evidence
    assert evidence == Evidence("经查，借阅人生病住院（有病历为证），逾期三天。", "情况说明.docx", True, "illness")


def test_a_long_sentence_is_shown_around_its_cue(library):
    long = "甲" * 400 + "借阅人生病" + "乙" * 400 + "。"
    (evidence,) = read(long, library)["reason"].evidence
    assert "借阅人生病" in evidence.text
    assert evidence.text.startswith("……") and evidence.text.endswith("……")
    assert len(evidence.text) < matcher.LONG_SENTENCE


def test_evidence_is_kept_to_a_few_sentences(library):
    text = "".join(f"第{i}次检查，图书已损坏。" for i in range(10))
    found = read(text, library)["damaged"]
    assert found.value is True and len(found.evidence) == matcher.MAX_EVIDENCE
    assert found.evidence[0].text == "第0次检查，图书已损坏。"


def test_answered_questions_get_no_suggestion(library):
    assert "damaged" not in suggest([Account("a", ("图书已损坏。",))], library, answered={"damaged"}).suggestions


def test_several_accounts_each_named(library):
    accounts = [Account("a.txt", ("借阅人生病。",)), Account("b.docx", ("图书已损坏。",))]
    found = suggest(accounts, library).suggestions
    assert found["reason"].evidence[0].source == "a.txt"
    assert found["damaged"].evidence[0].source == "b.docx"


def test_sentences_across_accounts_can_conflict(library):
    accounts = [Account("a.txt", ("图书已损坏。",)), Account("b.txt", ("图书保存完好。",))]
    found = suggest(accounts, library).suggestions["damaged"]
    assert [e.source for e in found.conflicting] == ["a.txt", "b.txt"]


# ------------------------------------------------------------------ text as it comes


def test_invisible_characters_neither_hide_a_cue_nor_reach_the_evidence(library):
    text = "经查，图书已损\u200b坏\u202e。"
    found = read(text, library)["damaged"]
    assert found.value is True
    assert found.evidence[0].text == "经查，图书已损坏。"


def test_sentences_end_at_marks_and_line_breaks_and_closing_quotes():
    layout = Layout(("他说：“已经损坏。”随后离开！是否赔偿？未定；另见附件", "第二段……”完"))
    assert [s.text for s in layout.sentences] == [
        "他说：“已经损坏。”", "随后离开！", "是否赔偿？", "未定；", "另见附件", "第二段……”", "完",
    ]  # fmt: skip


def test_cleaning_keeps_line_breaks_and_drops_controls():
    assert cleaned("a\r\nb\tc\x1b[2Jd\u2066e") == "a\nb c[2Jde"


def test_a_text_of_nothing_but_cues_stops_at_the_bound(library, monkeypatch):
    monkeypatch.setattr(cue_module, "MAX_HITS", 500)
    reading = suggest([Account("a", ("损坏" * 5000,))], library)
    assert reading.stopped
    assert reading.found <= 500


def test_any_number_of_clauses_joined_by_semicolons_is_read(library):
    # A rule goes on over ；-joined clauses: they are walked back in a loop, however many there are.
    text = "借阅人于2020年办证；" * 3000 + "经查，图书已损坏。"
    assert damaged(text, library) == (True, False)
    assert damaged("对逾期三天的，不予减免；" + "另有规定；" * 3000 + "图书损坏的，照价赔偿。", library) == (None, False)


def test_work_is_bounded_by_hits_not_by_quadratic_scans(library):
    # 200,000 characters in one sentence: every hit looks at its own clause only.
    text = "，".join(["图书保存完好"] * 40_000)
    reading = suggest([Account("a", (text,))], library)
    assert reading.found <= cue_module.MAX_HITS
    assert reading.suggestions["damaged"].value is False


# ------------------------------------------------------------------ the bundled measures

ARTICLE = "tests/sources/zigui-2018-simplified.txt"


@pytest.fixture(scope="module")
def bundled() -> Questions:
    return questions(load_measures(["zigui-2018", "wenze-2019", "hubei-2020"]))


def test_the_article_suggests_what_it_states_of_its_case_and_nothing_else(bundled):
    from conftest import ROOT

    text = (ROOT / ARTICLE).read_text(encoding="utf-8")
    for asked in (Questions.single(criteria_builder.load()), bundled):
        found = suggest([Account("zigui.txt", tuple(text.split("\n")))], asked).suggestions
        assert {f: s.value for f, s in found.items()} == {"causes": ("pilot",), "consequences": ("error",)}
        assert "先行先试" in found["causes"].evidence[0].text
        assert all("违反" in e.text for e in found["consequences"].evidence)


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("经县委常委会研究，决定对其容错免责。", "democratic_decision", None),  # the tolerance, not the case
        ("该方案经镇党委会集体研究后实施。", "democratic_decision", True),
        ("未经集体研究，由其个人拍板决定。", "democratic_decision", False),
        ("经查，张某未谋取私利。", "private_gain", False),
        ("张某辩称未谋取私利。", "private_gain", None),
        ("经查，张某没有从中收受任何好处。", "private_gain", False),
        ("该项目未造成重大损失。", "serious_consequence", False),
        ("不存在不作为、乱作为的问题。", "diligent", True),
        ("经查，该同志履职尽责不到位。", "diligent", False),  # a negation after the cue
        ("经查，邹某违反民主决策程序签订施工合同。", "democratic_decision", False),  # going against what the cue names
        ("经查，该项目未违反民主决策程序。", "democratic_decision", True),  # ... and not going against it
        ("经查，该同志绕开党委会研究擅自决定。", "democratic_decision", None),  # far from its cue: open
        ("经乡纪委调查核实，村书记优亲厚友的问题不属实。", "private_gain", False),  # found not to be so
        ("经调查，村书记谋取私利的问题查无实据。", "private_gain", None),  # not found: open
        ("经查，村书记谋取私利的问题属实。", "private_gain", True),
        ("市纪委对其予以容错，并督促其及时纠错改正。", "remedied", None),  # a directive, not what was done
        ("县纪委责令该镇限期整改到位。", "remedied", None),
        ("经查，该同志事后及时纠错改正。", "remedied", True),
        ("经市纪委常委会会议研究决定：撤销其村党总支书记职务。", "democratic_decision", None),  # the sanction's meeting
        ("经查，本人没有从中获私利。", "private_gain", False),
        ("经查，该局落实疫情防控工作不力。", "diligent", False),
    ],
)
def test_bundled_cues_read_common_wording(bundled, text, fact, value):
    found = suggest([Account("a", (text,))], bundled).suggestions.get(fact)
    assert (found.value if found else None) is value


def test_not_causing_a_major_loss_says_nothing_of_a_loss(bundled):
    found = suggest([Account("a", ("该项目未造成重大损失。",))], bundled).suggestions
    assert "consequences" not in found


@pytest.mark.parametrize("module", ["zgrongcuo.suggestion.matcher", "zgrongcuo.suggestion.draft"])
def test_the_reader_is_pure(module):
    """It reads text it is given: no YAML, no files, no terminal, no Word."""
    import subprocess
    import sys

    from conftest import UNMEASURED

    code = f"import sys, {module}; print(sorted(m for m in ('yaml', 'pathlib', 'typer', 'rich', 'docx', 'zipfile') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True, env=UNMEASURED)
    assert done.stdout.strip() == "[]"
