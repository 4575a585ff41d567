"""`zgrongcuo ask` with several measures: one interview over the union of their questions, every determination at the end."""

import functools
import json
import shlex

import pytest
from conftest import ARTICLE_CASE
from helpers import ARTICLE_ASKED, make_case
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.interview.session import Interview, shown_options
from zgrongcuo.io import case_reader
from zgrongcuo.io.questions import load_measures, questions
from zgrongcuo.model.case import blank_case
from zgrongcuo.text.catalogue import text

runner = CliRunner()

TWO = ("--criteria", "zigui-2018", "--criteria", "wenze-2019")
NO_META_DATED = "\n" * 5  # Enter at id, title, subject, summary and, wenze-2019 having dates, the date of the conduct
# Only Zigui asks these: once Zigui is decided, none of them can change anything.
ZIGUI_ONLY = (
    "conformed_to_superior_decision",
    "democratic_decision",
    "decision_procedure_followed",
    "major_liability_accident",
    "serious_consequence",
)
# The article's case under both, answered as a staffer would: 改革创新 (Zigui's option) for the context, and, asked
# the regulation's own options next, 推进改革. Zigui's questions follow as alone; the regulation, under Article 17(1),
# needs nothing they do not ask.
REFORM = "推进改革 # 文件是推进农村建房管理改革的先行先试"
ARTICLE_BOTH_ASKED = ["context", "context@wenze-2019", *ARTICLE_ASKED[1:]]
# Answered "none of them" under the regulation instead, Article 17 is out and Article 18 decides.
ARTICLE_NONE_ASKED = ["context", "context@wenze-2019", *ARTICLE_ASKED[1:], "remedied"]


@pytest.fixture(autouse=True)
def in_a_temporary_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def two():
    return questions(load_measures(("zigui-2018", "wenze-2019")))


@pytest.fixture(scope="module")
def article(two):
    return case_reader.load(str(ARTICLE_CASE), two)


def ask(*args, input=""):
    return runner.invoke(app, ["ask", *map(str, args)], input=input)


def check(*args):
    return runner.invoke(app, ["check", *map(str, args)])


def line_for(asked, fact_id, value, note=None):
    """What a person types to give ``value`` for ``fact_id``, the options numbered as the question shows them."""
    fact = asked.fact_by_id[fact_id]
    if value is None:
        word = "?"
    elif fact.type == "yesno":
        word = "是" if value else "否"
    elif not value:
        word = "0"
    else:
        shown = shown_options(fact, asked.measures, "zh")[0]
        word = ",".join(str(shown.option_ids.index(o) + 1) for o in value)
    return word if note is None else f"{word} # {note}"


def article_lines(asked, article, fact_ids):
    """The lines for these facts; a follow-up ("context@wenze-2019") answered 推进改革, in the person's words."""
    out = ""
    for f in fact_ids:
        out += (REFORM if "@" in f else line_for(asked, f, article.answers[f].value, article.answers[f].note)) + "\n"
    return out


def headings(asked, stderr):
    """The questions shown, in order ("fact", or "fact@measure" for a follow-up), and the numbers they were shown with."""
    found = []
    lines = stderr.splitlines()
    for n, line in enumerate(lines):
        if not line.startswith("["):
            continue
        for fact in asked.facts:
            if line.endswith("] " + fact.question["zh"]):
                found.append((fact.id, int(line[1 : line.index("/")])))
        for m in asked.measures:  # a follow-up: the measure, then its own words for the question
            if line.endswith("] " + text("ask.follow_up", "zh", measure=m.name("zh"))):
                [fact] = [f for f in m.facts if f.question["zh"] == lines[n + 1]]
                found.append((f"{fact.id}@{m.id}", int(line[1 : line.index("/")])))
    return found


def printed_resume_command(stderr):
    marker = text("ask.draft_saved", "zh", file="\0", command="\1").split("\1")[0].split("\n")[-1]
    lines = [line for line in stderr.splitlines() if line.startswith(marker)]
    assert len(lines) == 1, stderr
    words = shlex.split(lines[0][len(marker) :])
    assert words[:2] == ["zgrongcuo", "ask"]
    return words[1:]


# ============================================================ the whole interview


def test_the_article_case_under_two_measures_ends_with_both_determinations_and_a_file_check_reads_alike(
    two, article, tmp_path
):
    typed = article_lines(two, article, ARTICLE_BOTH_ASKED)
    result = ask(*TWO, "--save", "article.yaml", "--format", "json", input="ZG-2014-57\n\n\n\n2014-06-01\n" + typed)
    assert result.exit_code == 0, result.output
    asked = headings(two, result.stderr)
    assert [f for f, _ in asked] == ARTICLE_BOTH_ASKED
    assert [n for _, n in asked] == list(range(1, len(ARTICLE_BOTH_ASKED) + 1))
    assert text("ask.done_decided_several", "zh") in result.stderr
    ds = json.loads(result.stdout)
    assert [(d["criteria"]["id"], d["outcome"]) for d in ds] == [("zigui-2018", "exempt"), ("wenze-2019", "exempt")]
    assert ds[0]["situations_met"] == ["S2"] and ds[1]["situations_met"] == ["A17-1a"]
    # The regulation came into force in 2019: the conduct of 2014 is flagged under it, not under Zigui's measure.
    assert ds[0]["warnings"] == [] and "2014-06-01" in ds[1]["warnings"][0]

    checked = check("article.yaml", *TWO, "--format", "json")
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout) == ds  # the same determinations, field for field
    saved = case_reader.load(str(tmp_path / "article.yaml"), two)
    assert list(saved.answers) == ARTICLE_ASKED  # every answer, none dropped
    for fact in ARTICLE_ASKED[1:]:
        assert (saved.answers[fact].value, saved.answers[fact].note) == (
            article.answers[fact].value,
            article.answers[fact].note,
        )
    # One list for both: Zigui's option, and the regulation's from its follow-up, with both notes.
    context = saved.answers["context"]
    assert context.value == ("reform_innovation", "reform")
    assert context.note == article.answers["context"].note + "；文件是推进农村建房管理改革的先行先试"
    assert saved.meta["conduct_date"] == "2014-06-01"
    assert saved.measures == ("zigui-2018", "wenze-2019")  # the file says what it was answered for
    # Either measure alone cannot read it: each holds answers only the other asks.
    assert check("article.yaml", "--criteria", "zigui-2018").exit_code == 2
    assert check("article.yaml", "--criteria", "wenze-2019").exit_code == 2


def test_text_output_is_what_check_prints_for_several_measures_with_and_without_detail(two, article):
    typed = article_lines(two, article, ARTICLE_BOTH_ASKED)
    plain = ask(*TWO, "--save", "a.yaml", input=NO_META_DATED + typed)
    assert plain.exit_code == 0, plain.output
    assert plain.stdout == check("a.yaml", *TWO).stdout
    assert text("compare.heading", "zh") in plain.stdout  # the comparison first, as check prints it

    detailed = ask(*TWO, "--save", "b.yaml", "--detail", input=NO_META_DATED + typed)
    assert detailed.exit_code == 0, detailed.output
    assert detailed.stdout == check("b.yaml", *TWO, "--detail").stdout
    assert detailed.stdout != plain.stdout.replace("a.yaml", "b.yaml")


def test_a_measure_decided_at_its_follow_up_is_asked_nothing_more(two):
    # 推进改革 is the regulation's option only: Zigui's measure is asked its own options, and answered none of them,
    # it is not eligible whatever follows: the questions only it asks are never put.
    typed = "推进改革\n0\n" + line_for(two, "causes", ("inexperience",)) + "\n" + line_for(two, "consequences", ("error",))
    result = ask(*TWO, "--no-meta", "--no-save", "--format", "json", input=typed + "\n否\n否\n否\n")
    assert result.exit_code == 1, result.output  # one outcome unfavourable: exit 1 over both
    asked = headings(two, result.stderr)
    assert [f for f, _ in asked] == [
        "context",
        "context@zigui-2018",
        "causes",
        "consequences",
        "private_gain",
        "knowingly_violated",
        "persisted_after_prohibition",
    ]
    assert [n for _, n in asked] == list(range(1, 8))
    assert not set(ZIGUI_ONLY) & {f for f, _ in asked}
    ds = json.loads(result.stdout)
    assert [(d["criteria"]["id"], d["outcome"]) for d in ds] == [("zigui-2018", "not_eligible"), ("wenze-2019", "exempt")]
    assert ds[0]["unchecked_exclusions"] == ["major_liability_accident"]
    # The bottom line left open is named, with the outcome it was left open under; a pipe is not asked to go on.
    outcome = text("ask.offer_outcome", "zh", measure="秭归县办法（2018）", outcome="不符合容错免责的情形或条件", code="not_eligible")
    assert text("ask.offer_several_piped", "zh", outcomes=outcome, facts="重大责任事故", count=1) in result.stderr


def test_exit_code_is_chosen_over_every_determination(two, article):
    # Zigui's measure decides exempt; the regulation, none of its options for the context and Article 18 answered
    # unknown, cannot decide.
    typed = line_for(two, "context", ("reform_innovation",)) + "\n0\n" + article_lines(two, article, ARTICLE_ASKED[1:])
    typed += "?\n?\n?\n"
    result = ask(*TWO, "--no-meta", "--no-save", "--format", "json", input=typed)
    assert result.exit_code == 3, result.output
    ds = json.loads(result.stdout)
    assert [d["outcome"] for d in ds] == ["exempt", "undetermined"]
    assert text("ask.done_open_several", "zh", measures="问责条例第十七、十八条（2019）") in result.stderr


def test_all_asks_every_question_of_the_union_once_in_the_unions_order(two):
    iv = Interview(two, blank_case(), "zh", everything=True, ask_meta=False)
    answers = {f.id: (f.option_ids[:1] if f.type == "set" else False) for f in two.facts}
    ds = iv.run(Scripted(iv, answers))
    assert iv.asked == [f.id for f in two.facts]
    assert len(two.facts) > len(two.measures[0].facts)
    full = make_case(answers)
    assert [d.outcome for d in ds] == [evaluate(m, full).outcome for m in two.measures]


def test_a_shared_list_shows_the_union_of_its_options_grouped_by_measure_and_help_gives_each_measures_words(two):
    result = ask(*TWO, "--no-meta", "--no-save", input="help\n")
    assert result.exit_code == 2, result.output  # the input ran out after help
    context, groups = shown_options(two.fact_by_id["context"], two.measures, "zh")
    assert [g.heading for g in groups] == [
        text("ask.group", "zh", measures="秭归县办法（2018）"),
        text("ask.group", "zh", measures="问责条例第十七、十八条（2019）"),
    ]
    assert [g.measures for g in groups] == [("zigui-2018",), ("wenze-2019",)]
    lines = result.stderr.splitlines()
    for group in groups:
        assert group.heading in lines
    for number, option in enumerate(context.options, 1):
        assert text("ask.group_option", "zh", number=number, label=option.label["zh"]) in lines
    assert set(context.option_ids) == set(two.fact_by_id["context"].option_ids)
    for name in ("秭归县办法（2018）", "问责条例第十七、十八条（2019）"):
        assert text("ask.help_measure", "zh", measure=name) in result.stderr
    assert text("ask.help_basis", "zh", basis="条例原文") in result.stderr  # the regulation's basis, in its words
    # Which options only one of the measures reads.
    assert text("ask.help_option_measures", "zh", measures="问责条例第十七、十八条（2019）") in result.stderr
    assert text("ask.help_option_measures", "zh", measures="秭归县办法（2018）") in result.stderr


def test_back_crosses_from_one_measures_questions_to_the_shared_ones_and_reopens_a_decided_measure(two, tmp_path):
    both = line_for(two, "context", ("reform_innovation", "reform"))  # 改革创新 (Zigui's) and 推进改革 (the regulation's)
    causes, consequences = line_for(two, "causes", ("inexperience",)), line_for(two, "consequences", ("error",))
    typed = f"推进改革\n0\n{causes}\n{consequences}\nback\nback\nback\nback\n{both}\n\n\n"
    result = ask(*TWO, "--no-meta", "--save", "c.yaml", input=typed)
    assert result.exit_code == 2, result.output  # the answers ran out: a draft
    asked = [f for f, _ in headings(two, result.stderr)]
    # Back from the regulation's first own question to the context: with 改革创新 added, Zigui's measure has its own
    # option, so its follow-up is not asked again; open again, it asks its own next question, democratic_decision.
    assert asked == [
        "context",
        "context@zigui-2018",
        "causes",
        "consequences",
        "private_gain",
        "consequences",
        "causes",
        "context@zigui-2018",
        "context",
        "causes",
        "consequences",
        "democratic_decision",
    ]
    draft = case_reader.load(str(tmp_path / "c.yaml"), two)
    assert {f: a.value for f, a in draft.answers.items()} == {
        "context": ("reform_innovation", "reform"),
        "causes": ("inexperience",),
        "consequences": ("error",),
    }


def test_the_date_of_the_conduct_is_asked_only_when_a_measure_has_dates():
    def meta(*names):
        return Interview(questions(load_measures(names)), blank_case(), "zh").meta_keys

    assert "conduct_date" not in meta("zigui-2018")
    assert "conduct_date" not in meta("zigui-2018", "hubei-2020")  # neither says when it was in force
    assert "conduct_date" in meta("zigui-2018", "wenze-2019")
    assert "conduct_date" in meta("wenze-2019", "zigui-2018")


# ============================================================ drafts and resuming


def test_the_draft_names_its_measures_and_resumes_with_them_at_the_fifth(two, article, tmp_path):
    result = ask(*TWO, input="ZG-1\n\n\n\n\n" + article_lines(two, article, ARTICLE_BOTH_ASKED[:4]))
    assert result.exit_code == 2, result.output
    command = printed_resume_command(result.stderr)
    assert command == ["ask", "--case", "ZG-1.yaml"]  # no --criteria: the draft says which measures it was asked for
    draft = (tmp_path / "ZG-1.yaml").read_text(encoding="utf-8")
    assert shlex.join(["zgrongcuo", *command]) in draft  # the draft's own header says how to go on
    assert "measures: [zigui-2018, wenze-2019]" in draft.splitlines()

    resumed = runner.invoke(app, [*command, "--format", "json"], input=article_lines(two, article, ARTICLE_BOTH_ASKED[4:]))
    assert resumed.exit_code == 0, resumed.output
    asked = headings(two, resumed.stderr)
    assert [f for f, _ in asked] == ARTICLE_BOTH_ASKED[4:]  # the follow-up was answered: it is not asked again
    assert asked[0][1] == 4  # numbered after the three answers the file holds (the follow-up is within the first)
    assert [d["outcome"] for d in json.loads(resumed.stdout)] == ["exempt", "exempt"]
    saved = case_reader.load(str(tmp_path / "ZG-1.yaml"), two)
    assert set(saved.answers) == set(ARTICLE_ASKED)


@pytest.mark.parametrize(
    ("criteria", "line", "key", "measure"),
    [
        (("--criteria", "zigui-2018"), 5, "answers.superior_decision_clearly_unlawful", "wenze-2019"),
        ((), 5, "answers.superior_decision_clearly_unlawful", "wenze-2019"),  # the default measure alone
        (("--criteria", "wenze-2019"), 3, "answers.context[1]", "zigui-2018"),  # Zigui's option comes first
    ],
)
def test_resuming_with_fewer_measures_fails_before_any_question_and_loses_nothing(
    two, tmp_path, criteria, line, key, measure
):
    case = tmp_path / "both.yaml"
    content = (
        "# 两个办法的回答\n"
        "answers:\n"
        "  context: [reform_innovation]\n"
        "  democratic_decision: {value: 是, note: 见会议纪要}\n"
        "  superior_decision_clearly_unlawful: 否\n"
    )
    case.write_bytes(content.encode("utf-8"))
    before = sorted(p.name for p in tmp_path.iterdir())
    result = ask("--case", case.name, *criteria, input="是\n否\n")
    assert result.exit_code == 2, result.output
    assert f"both.yaml:{line}:" in result.stderr
    assert key in result.stderr
    assert f"--criteria {measure}" in result.stderr
    assert "[1/" not in result.stderr  # refused before the first question
    assert case.read_bytes() == content.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no draft, nothing rewritten
    assert set(case_reader.load(str(case), two).answers) == {"context", "democratic_decision", "superior_decision_clearly_unlawful"}


def test_resuming_an_option_of_a_measure_not_named_fails_naming_the_option(tmp_path):
    case = tmp_path / "reform.yaml"
    case.write_text("answers:\n  context: [reform_innovation, reform]\n", encoding="utf-8")
    result = ask("--case", case.name, "--criteria", "zigui-2018")
    assert result.exit_code == 2, result.output
    assert "reform.yaml:2:" in result.stderr and "answers.context[2]" in result.stderr
    assert "--criteria wenze-2019" in result.stderr
    assert case.read_text(encoding="utf-8") == "answers:\n  context: [reform_innovation, reform]\n"


# ============================================================ --quiet


def test_quiet_silences_check_s_notices_but_not_the_interview(two, article, tmp_path):
    case = tmp_path / "gb.yaml"
    case.write_bytes("case:\n  title: 建房户保险\nanswers:\n  context: [reform_innovation]\n".encode("gb18030"))
    # The file names no measure: its context was not answered with the regulation's options in view, so the
    # regulation is asked its own first.
    rest = "0\n" + article_lines(two, article, ARTICLE_NONE_ASKED[2:])
    gb_warning = text("read_as_gb18030", "zh", file="gb.yaml")
    wrote = text("wrote", "zh", file="out.json")

    loud = ask("--case", case.name, *TWO, "--no-save", "-o", "out.json", "--format", "json", input=rest)
    assert loud.exit_code == 0, loud.output
    assert gb_warning in loud.stderr and wrote in loud.stderr

    quiet = ask("--case", case.name, *TWO, "--no-save", "-o", "out.json", "--force", "--quiet", "--format", "json", input=rest)
    assert quiet.exit_code == 0, quiet.output
    assert gb_warning not in quiet.stderr and wrote not in quiet.stderr
    assert len(headings(two, quiet.stderr)) == len(ARTICLE_NONE_ASKED) - 1  # the questions are still shown
    assert text("ask.not_saved", "zh") in quiet.stderr
    assert [d["outcome"] for d in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))] == ["exempt", "mitigated"]


def test_an_interrupted_quiet_detailed_interview_resumes_with_the_same_options(two, article):
    result = ask(*TWO, "--no-meta", "--detail", "--quiet", input=article_lines(two, article, ARTICLE_ASKED[:2]))
    assert result.exit_code == 2, result.output
    command = printed_resume_command(result.stderr)
    assert command[3:] == ["--detail", "--quiet"]


# ============================================================ the interview itself, on any answers


class Scripted:
    """A person at a terminal answering each question from a dict, going on at the offer as told.

    Each time a question is put it notes whether, then, its answer could still change some outcome.
    """

    interactive = True

    def __init__(self, iv, answers, *, go_on=False):
        self.iv, self.answers, self.go_on = iv, answers, go_on
        self.open_when_asked = []

    def say(self, line):
        pass

    def ask(self, prompt):
        iv = self.iv
        if prompt == text("ask.offer_prompt", "zh"):
            return "是" if self.go_on else "否"
        ds = iv.evaluate(iv.case)
        if prompt == text("ask.prompt_follow_up", "zh"):  # a measure's own options: those of the answer it has
            fact, measure_id = iv.followed[-1]
            [d] = [d for d in ds if d.criteria.id == measure_id]
            self.open_when_asked.append(
                (not d.decided and fact in d.next_questions) or iv.everything
                or (iv.going_on and iv.stopped_short(d) and fact in d.unchecked_exclusions)
            )
            own = d.criteria.fact_by_id[fact].option_ids
            return ",".join(str(own.index(o) + 1) for o in self.answers.get(fact) or () if o in own) or "0"
        fact = iv.asked[-1]
        self.open_when_asked.append(
            any(fact in d.next_questions for d in ds if not d.decided)
            or (iv.going_on and any(fact in d.unchecked_exclusions for d in ds if iv.stopped_short(d)))
        )
        return line_for(iv.questions, fact, self.answers.get(fact))


@functools.cache
def _two():
    # Not a fixture: Hypothesis would print the whole of it with every falsifying example.
    return questions(load_measures(("zigui-2018", "wenze-2019")))


def _union_answers():
    asked = _two()

    def value(fact):
        if fact.type == "yesno":
            return st.sampled_from([True, False, None])
        return st.one_of(st.none(), st.lists(st.sampled_from(fact.option_ids), unique=True).map(tuple))

    return st.fixed_dictionaries({f.id: value(f) for f in asked.facts})


@given(answers=_union_answers(), go_on=st.booleans())
def test_with_two_measures_only_questions_that_can_change_an_outcome_are_asked_and_each_measure_agrees_with_check(
    answers, go_on
):
    two = _two()
    iv = Interview(two, blank_case(), "zh", ask_meta=False)
    dialogue = Scripted(iv, answers, go_on=go_on)
    ds = iv.run(dialogue)
    assert all(dialogue.open_when_asked)
    assert len(iv.asked) == len(set(iv.asked))  # no question twice, however many measures ask it
    assert len(iv.followed) == len(set(iv.followed))  # nor a measure's follow-up
    for fact, measure_id in iv.followed:  # only a measure that got none of its options from a non-empty list
        own = next(m for m in two.measures if m.id == measure_id).fact_by_id[fact].option_set
        assert answers[fact] and own.isdisjoint(answers[fact])
    full = make_case({k: v for k, v in answers.items() if v is not None})
    for criteria, d in zip(two.measures, ds, strict=True):
        assert d.criteria is criteria
        assert evaluate(criteria, iv.case).outcome is d.outcome  # what the interview ends with is what check says
        if not d.decided:
            assert all(f in iv.case.answers for f in d.next_questions)  # stopped only when nothing open was left
            continue
        whole = evaluate(criteria, full)
        if whole.decided:
            assert d.outcome.favourable == whole.outcome.favourable
            if d.outcome.favourable or go_on:
                assert d.outcome is whole.outcome


def test_the_interview_page_shows_the_refusal_of_too_few_measures_as_the_tool_prints_it(two, article):
    from conftest import ROOT

    page = (ROOT / "docs" / "interview.md").read_text(encoding="utf-8")
    block = page.split("$ zgrongcuo ask --case ZG-2014-57.yaml --criteria zigui-2018\n", 1)[1].split("\n```", 1)[0]
    # The draft the page speaks of: the context answered for both, Zigui's questions answered, then the input ends.
    typed = article_lines(two, article, ARTICLE_BOTH_ASKED[:3])
    stopped = ask(*TWO, input="ZG-2014-57\n\n\n\n\n" + typed)
    assert stopped.exit_code == 2, stopped.output
    refused = ask("--case", "ZG-2014-57.yaml", "--criteria", "zigui-2018")  # fewer measures than the draft names
    assert refused.exit_code == 2
    assert refused.stderr.rstrip("\n") == block
