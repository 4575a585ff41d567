"""`zgrongcuo ask` through CliRunner, and the interview itself through a scripted dialogue."""

import json
import stat

import pytest
from click.testing import CliRunner
from conftest import ARTICLE_CASE
from helpers import ARTICLE_ASKED, EXCLUSIONS, make_case
from hypothesis import given
from hypothesis import strategies as st

from zgrongcuo.cli import app
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.interview.dialogue import StreamDialogue
from zgrongcuo.interview.replies import BACK, HELP, Invalid, parse_reply
from zgrongcuo.interview.session import Interview
from zgrongcuo.load import case_reader
from zgrongcuo.text.catalogue import text

runner = CliRunner()

# The questions the article's case needs, in asking order: once the context
# is reform and innovation, situation 1 is out and whether the conduct
# conformed to a superior decision cannot matter; once the consequence is not
# serious, neither can whether it was remedied.
NO_META = "\n\n\n"  # Enter at the three metadata prompts


def ask(*args, input=""):
    return runner.invoke(app, ["ask", *map(str, args)], input=input)


@pytest.fixture(scope="module")
def article(criteria):
    return case_reader.load(str(ARTICLE_CASE), criteria)


def line_for(criteria, fact_id, value, note=None, lang="zh"):
    """What a person types to give ``value`` for ``fact_id``."""
    fact = criteria.fact_by_id[fact_id]
    if value is None:
        word = "?"
    elif fact.type == "yesno":
        word = ("yes" if value else "no") if lang == "en" else ("是" if value else "否")
    elif not value:
        word = "0"
    else:
        word = ",".join(str(fact.option_ids.index(o) + 1) for o in value)
    return word if note is None else f"{word} # {note}"


def lines_for(criteria, case, fact_ids, *, notes=True):
    return "".join(
        line_for(criteria, f, case.answers[f].value, case.answers[f].note if notes else None) + "\n" for f in fact_ids
    )


def headings(criteria, stderr, lang="zh"):
    """The facts whose questions the dialogue shows, in order."""
    found = []
    for line in stderr.splitlines():
        for fact in criteria.facts:
            if line.startswith("[") and line.endswith("] " + fact.question[lang]):
                found.append(fact.id)
    return found


# ================================================= the done-when of the issue


def test_the_article_case_asks_only_what_it_needs_and_is_exempt_under_situation_2(criteria, article, tmp_path):
    saved = tmp_path / "article.yaml"
    result = ask("--save", saved, "--format", "json", input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    asked = headings(criteria, result.stderr)
    assert asked == ARTICLE_ASKED
    assert set(asked) < set(article.answers)  # at most what the case needs: two of its answers are never asked for
    d = json.loads(result.stdout)
    assert (d["outcome"], d["situations_met"], d["rule"]) == ("exempt", ["S2"], 3)
    assert text("ask.done_decided", "zh") in result.stderr

    checked = runner.invoke(app, ["check", str(saved), "--format", "json"])
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout) == d  # the saved file gives the same determination, field for field
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    reread = case_reader.load(str(saved), criteria)
    for fact in ARTICLE_ASKED:
        assert reread.answers[fact].value == article.answers[fact].value
        assert reread.answers[fact].note == article.answers[fact].note


def test_the_article_case_in_text_prints_exempt_like_check(criteria, article):
    result = ask(input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    assert "建议容错免责（免予责任追究）  (exempt)" in result.stdout
    assert "理由：符合情形二；" in result.stdout
    assert "申请、受理、核实、认定" in result.stdout  # the reminder, as check prints it
    assert "[1] " not in result.stdout  # the dialogue is on stderr, the determination alone on stdout


def test_end_of_input_after_the_third_answer_leaves_a_draft_that_resumes_at_the_fourth(
    criteria, article, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    result = ask(input=NO_META + lines_for(criteria, article, ARTICLE_ASKED[:3]))
    assert result.exit_code == 2, result.output
    draft = tmp_path / "zgrongcuo.draft.yaml"
    assert text("ask.input_ran_out", "zh") in result.stderr
    assert (
        text("ask.draft_saved", "zh", file="zgrongcuo.draft.yaml", command="zgrongcuo ask --case zgrongcuo.draft.yaml")
        in result.stderr
    )
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert list(case_reader.load(str(draft), criteria).answers) == ARTICLE_ASKED[:3]

    resumed = ask("--case", draft, input=lines_for(criteria, article, ARTICLE_ASKED[3:]))
    assert resumed.exit_code == 0, resumed.output
    assert headings(criteria, resumed.stderr) == ARTICLE_ASKED[3:]
    assert f"[4] {criteria.fact_by_id[ARTICLE_ASKED[3]].question['zh']}" in resumed.stderr
    assert text("ask.meta_intro", "zh") not in resumed.stderr
    assert "(exempt)" in resumed.stdout


def test_ctrl_c_after_the_third_answer_leaves_a_draft_that_resumes_at_the_fourth(
    criteria, article, tmp_path, monkeypatch
):
    # CliRunner cannot send a signal; the reader raises what Ctrl-C raises in a terminal.
    # (tests/interview/test_terminal.py sends a real one.)
    monkeypatch.chdir(tmp_path)
    real_ask = StreamDialogue.ask
    answers_given = []

    def ask_then_interrupt(self, prompt):
        if len(answers_given) == 6:  # three metadata prompts, three answers
            raise KeyboardInterrupt
        answers_given.append(prompt)
        return real_ask(self, prompt)

    monkeypatch.setattr(StreamDialogue, "ask", ask_then_interrupt)
    saved = tmp_path / "case.yaml"
    result = ask("--save", saved, input="ZG-1\n\n\n" + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 130, result.output
    assert text("ask.interrupted", "zh") in result.stderr
    assert "Aborted" not in result.output
    assert saved.exists()  # --save named a new file: the draft goes there
    assert f"zgrongcuo ask --case {saved} --save {saved}" in result.stderr
    draft = case_reader.load(str(saved), criteria)
    assert list(draft.answers) == ARTICLE_ASKED[:3]
    assert draft.meta["id"] == "ZG-1"
    monkeypatch.setattr(StreamDialogue, "ask", real_ask)

    resumed = ask(
        "--case",
        saved,
        "--save",
        saved,
        "--format",
        "json",
        input="是\n" + lines_for(criteria, article, ARTICLE_ASKED[3:]),
    )
    assert resumed.exit_code == 0, resumed.output
    assert headings(criteria, resumed.stderr)[0] == ARTICLE_ASKED[3]
    assert json.loads(resumed.stdout)["outcome"] == "exempt"
    assert len(case_reader.load(str(saved), criteria).answers) == len(ARTICLE_ASKED)


# ====================================================================== paths


def test_early_stop_says_the_bottom_lines_are_unexamined_and_stops_when_declined(criteria):
    result = ask("--format", "json", input=NO_META + "0\n否\n")
    assert result.exit_code == 1, result.output
    assert headings(criteria, result.stderr) == ["context"]
    labels = text("list_sep", "zh").join(criteria.fact_by_id[f].label["zh"] for f in EXCLUSIONS)
    assert labels in result.stderr and text("ask.offer_prompt", "zh") in result.stderr
    d = json.loads(result.stdout)
    assert d["outcome"] == "not_eligible"
    assert d["unchecked_exclusions"] == list(EXCLUSIONS)


def test_going_on_with_the_bottom_lines_asks_them_and_can_change_the_outcome(criteria):
    result = ask("--format", "json", input=NO_META + "0\n是\n否\n是 # 曾被明确告知不得这样做\n否\n否\n")
    assert result.exit_code == 1, result.output
    assert headings(criteria, result.stderr) == ["context", *EXCLUSIONS]
    d = json.loads(result.stdout)
    assert d["outcome"] == "not_tolerated"
    assert d["unchecked_exclusions"] == []
    assert {e["fact"]: e["note"] for e in d["exclusions"]}["knowingly_violated"] == "曾被明确告知不得这样做"


def test_back_undoes_the_previous_answer_and_asks_it_again(criteria, article, tmp_path):
    saved = tmp_path / "back.yaml"
    wrong_context = line_for(criteria, "context", ("superior_decision",))
    lines = NO_META + wrong_context + "\nback\n" + lines_for(criteria, article, ARTICLE_ASKED, notes=False)
    result = ask("--save", saved, input=lines)
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == ["context", "causes", "context", *ARTICLE_ASKED[1:]]
    assert text("ask.back_to", "zh", label=criteria.fact_by_id["context"].label["zh"]) in result.stderr
    assert case_reader.load(str(saved), criteria).answers["context"].value == ("reform_innovation",)


def test_back_at_the_first_question_says_there_is_nothing_to_undo(criteria):
    result = ask("--no-meta", "--format", "json", input="back\n0\n否\n")
    assert result.exit_code == 1, result.output
    assert text("ask.nothing_to_undo", "zh") in result.stderr
    assert headings(criteria, result.stderr) == ["context"]


def test_back_at_the_offer_undoes_the_answer_that_decided(criteria):
    result = ask("--no-meta", "--format", "json", input="0\nb\n2\n3\n1\n" + "?\n" * 10)
    assert result.exit_code == 3, result.output
    assert headings(criteria, result.stderr)[:3] == ["context", "context", "causes"]
    assert json.loads(result.stdout)["outcome"] == "undetermined"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_shows_the_help_text_and_the_measures_words(criteria, article, lang):
    fact = criteria.fact_by_id["democratic_decision"]
    lines = lines_for(criteria, article, ARTICLE_ASKED[:3]) + "h\n" + lines_for(criteria, article, ARTICLE_ASKED[3:])
    result = ask("--lang", lang, "--no-meta", input=lines)
    assert result.exit_code == 0, result.output
    assert fact.help[lang] in result.stderr
    assert f"“{fact.quote}”" in result.stderr
    assert criteria.bases[fact.basis][lang] in result.stderr
    assert headings(criteria, result.stderr, lang) == ARTICLE_ASKED  # help is not an answer


def test_help_on_a_multiple_choice_question_explains_every_option(criteria):
    fact = criteria.fact_by_id["context"]
    result = ask("--no-meta", "--format", "json", input="help\n0\n否\n")
    assert result.exit_code == 1, result.output
    for option in fact.options:
        assert option.help["zh"] in result.stderr
        assert f"“{option.quote}”" in result.stderr


@pytest.mark.parametrize(
    ("bad", "hint"),
    [
        ("", text("ask.hint_set", "zh")),
        ("maybe", text("ask.bad_choice", "zh", word="maybe")),
        ("10", text("ask.bad_number", "zh", number="10", last=9)),
        ("0,2", text("ask.none_with_others", "zh")),
        ("# only a note", text("ask.hint_set", "zh")),
        ("2；x", text("ask.bad_choice", "zh", word="x")),
    ],
)
def test_invalid_input_on_a_multiple_choice_question_is_asked_again_with_a_hint(criteria, bad, hint):
    result = ask("--no-meta", "--format", "json", input=f"{bad}\n0\n否\n")
    assert result.exit_code == 1, result.output
    assert hint in result.stderr
    assert headings(criteria, result.stderr) == ["context"]
    assert json.loads(result.stdout)["outcome"] == "not_eligible"


@pytest.mark.parametrize(
    ("bad", "hint"),
    [("", "ask.hint_yesno"), ("maybe", "ask.hint_yesno"), ("1", "ask.hint_yesno"), ("yess", "ask.hint_yesno"), ("\x1b[A", "ask.control_character")],
)
def test_invalid_input_on_a_yes_no_question_is_asked_again_with_a_hint(criteria, article, bad, hint):
    lines = (
        lines_for(criteria, article, ARTICLE_ASKED[:3]) + bad + "\n" + lines_for(criteria, article, ARTICLE_ASKED[3:])
    )
    result = ask("--no-meta", input=lines)
    assert result.exit_code == 0, result.output
    assert text(hint, "zh") in result.stderr
    assert "Traceback" not in result.output


def test_bytes_that_are_not_utf8_are_an_invalid_answer_not_a_crash(criteria, article):
    lines = lines_for(criteria, article, ARTICLE_ASKED[:3]).encode() + b"\xff\xfe\n"
    lines += lines_for(criteria, article, ARTICLE_ASKED[3:]).encode()
    result = ask("--no-meta", input=lines)
    assert result.exit_code == 0, result.output
    assert text("ask.hint_yesno", "zh") in result.stderr


def test_all_asks_every_question_for_a_complete_record(criteria, article, tmp_path):
    saved = tmp_path / "all.yaml"
    every = [f.id for f in criteria.facts]
    result = ask("--all", "--save", saved, "--format", "json", input=NO_META + lines_for(criteria, article, every))
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == every
    assert text("ask.done_all", "zh") in result.stderr
    assert json.loads(result.stdout)["outcome"] == "exempt"
    assert list(case_reader.load(str(saved), criteria).answers) == every


def test_all_with_a_case_asks_only_what_the_file_leaves_unanswered(criteria, article, write):
    partial = write("partial.yaml", "answers:\n  context: [reform_innovation]\n  remedied: 否\n")
    rest = [f.id for f in criteria.facts if f.id not in ("context", "remedied")]
    result = ask("--all", "--case", partial, "--format", "json", input=lines_for(criteria, article, rest))
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == rest


def test_case_resume_asks_only_what_is_still_open(criteria, article, write):
    partial = write(
        "partial.yaml",
        "case:\n  id: ZG-9\nanswers:\n  context: [reform_innovation]\n  causes: [pilot]\n  consequences: {value: [error], note: 见通报}\n",
    )
    result = ask("--case", partial, "--format", "json", input=lines_for(criteria, article, ARTICLE_ASKED[3:]))
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == ARTICLE_ASKED[3:]
    d = json.loads(result.stdout)
    assert d["case"]["id"] == "ZG-9" and d["file"] == str(partial)
    assert {e["fact"]: e["note"] for s in d["situations"] for e in s["elements"]}["consequences"] == "见通报"


def test_a_complete_case_asks_nothing(criteria):
    result = ask("--case", ARTICLE_CASE, "--format", "json")
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == []
    checked = runner.invoke(app, ["check", str(ARTICLE_CASE), "--format", "json"])
    assert json.loads(result.stdout) == json.loads(checked.stdout)


def test_metadata_is_asked_kept_as_text_and_skipped_with_enter(criteria, article, tmp_path):
    saved = tmp_path / "meta.yaml"
    result = ask(
        "--save", saved, "--format", "json", input="0755\nno\n\n" + lines_for(criteria, article, ARTICLE_ASKED)
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["case"] == {"id": "0755", "title": "no", "subject": None, "summary": None}
    checked = runner.invoke(app, ["check", str(saved), "--format", "json"])
    assert json.loads(checked.stdout)["case"]["id"] == "0755"
    assert 'id: "0755"' in saved.read_text(encoding="utf-8")


def test_meta_asks_for_missing_metadata_also_when_resuming(criteria, article, write):
    partial = write("partial.yaml", "case:\n  title: 已有标题\nanswers:\n  context: [reform_innovation]\n")
    lines = "ZG-7\n\n" + lines_for(criteria, article, ARTICLE_ASKED[1:])
    result = ask("--case", partial, "--meta", "--format", "json", input=lines)
    assert result.exit_code == 0, result.output
    assert text("ask.meta.title", "zh") not in result.stderr  # what the file has is not asked again
    case = json.loads(result.stdout)["case"]
    assert (case["id"], case["title"], case["subject"]) == ("ZG-7", "已有标题", None)


def test_a_note_after_the_hash_is_kept(criteria, article, tmp_path):
    saved = tmp_path / "note.yaml"
    lines = lines_for(criteria, article, ARTICLE_ASKED[:3], notes=False) + "是 # 见3月5日党组会议纪要\n"
    lines += lines_for(criteria, article, ARTICLE_ASKED[4:], notes=False)
    result = ask("--no-meta", "--save", saved, "--format", "markdown", input=lines)
    assert result.exit_code == 0, result.output
    answer = case_reader.load(str(saved), criteria).answers["democratic_decision"]
    assert (answer.value, answer.note) == (True, "见3月5日党组会议纪要")
    assert "| 经过民主决策程序 | “是” | 见3月5日党组会议纪要 |" in result.stdout  # the report's answers table


def test_unknown_answers_end_undetermined_with_exit_3(criteria, tmp_path):
    saved = tmp_path / "open.yaml"
    result = ask("--no-meta", "--save", saved, "--format", "json", input="?\n" * 13)
    assert result.exit_code == 3, result.output
    assert text("ask.done_open", "zh") in result.stderr
    d = json.loads(result.stdout)
    assert d["outcome"] == "undetermined" and d["next_questions"]
    reread = case_reader.load(str(saved), criteria)
    assert reread.answers and all(a.value is None for a in reread.answers.values())  # asked, answered unknown


def test_english_interview_and_file(criteria, article, tmp_path):
    saved = tmp_path / "en.yaml"
    lines = "".join(line_for(criteria, f, article.answers[f].value, lang="en") + "\n" for f in ARTICLE_ASKED)
    result = ask("--lang", "en", "--no-meta", "--save", saved, input=lines)
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr, "en") == ARTICLE_ASKED
    assert "Why: Situation 2 met;" in result.stdout
    content = saved.read_text(encoding="utf-8")
    assert "democratic_decision: yes" in content and "是" not in content.split("answers:")[1]


def test_save_as_json(criteria, article, tmp_path):
    saved = tmp_path / "case.json"
    result = ask("--no-meta", "--save", saved, "--format", "json", input=lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    assert json.loads(saved.read_text(encoding="utf-8"))["answers"]["causes"]["value"] == ["pilot"]
    checked = runner.invoke(app, ["check", str(saved), "--format", "json"])
    assert json.loads(checked.stdout) == json.loads(result.stdout)


# ============================================================ never overwrite


def test_an_existing_save_file_is_not_overwritten_when_the_user_says_no(write):
    existing = write("mine.yaml", "answers: {}\n")
    result = ask("--save", existing, input="否\n")
    assert result.exit_code == 2, result.output
    assert existing.read_text(encoding="utf-8") == "answers: {}\n"
    assert text("ask.overwrite_prompt", "zh", file=str(existing)) in result.stderr


def test_an_existing_save_file_is_overwritten_when_the_user_confirms(criteria, article, write):
    existing = write("mine.yaml", "answers: {}\n")
    result = ask("--save", existing, "--no-meta", input="是\n" + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    assert len(case_reader.load(str(existing), criteria).answers) == len(ARTICLE_ASKED)


def test_force_overwrites_without_asking(criteria, article, write):
    existing = write("mine.yaml", "answers: {}\n")
    result = ask("--save", existing, "--force", "--no-meta", input=lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    assert text("ask.overwrite_prompt", "zh", file=str(existing)) not in result.stderr
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600


def test_a_draft_never_overwrites_the_save_file_or_an_earlier_draft(criteria, article, write, tmp_path):
    existing = write("mine.yaml", "answers: {}\n")
    write("mine.draft.yaml", "answers: {}\n")
    result = ask("--save", existing, "--no-meta", input="是\n" + lines_for(criteria, article, ARTICLE_ASKED[:2]))
    assert result.exit_code == 2, result.output
    draft = tmp_path / "mine.draft-2.yaml"
    assert list(case_reader.load(str(draft), criteria).answers) == ARTICLE_ASKED[:2]
    assert existing.read_text(encoding="utf-8") == "answers: {}\n"
    assert (tmp_path / "mine.draft.yaml").read_text(encoding="utf-8") == "answers: {}\n"


def test_a_draft_resumed_and_stopped_again_goes_beside_it(criteria, article, tmp_path):
    first = tmp_path / "x.draft.yaml"
    first.write_text("answers:\n  context: [reform_innovation]\n", encoding="utf-8")
    result = ask("--case", first, input=lines_for(criteria, article, ARTICLE_ASKED[1:2]))
    assert result.exit_code == 2, result.output
    assert (tmp_path / "x.draft-2.yaml").exists()


def test_end_of_input_before_any_answer_saves_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = ask(input="")
    assert result.exit_code == 2, result.output
    assert text("ask.nothing_to_save", "zh") in result.stderr
    assert list(tmp_path.iterdir()) == []


# ====================================================================== usage


def test_case_from_standard_input_is_refused():
    result = ask("--case", "-")
    assert result.exit_code == 2
    assert "--case" in result.stderr


def test_a_broken_case_file_exits_2_naming_the_line(write):
    broken = write("broken.yaml", "answers:\n  contxt: [reform_innovation]\n")
    result = ask("--case", broken)
    assert result.exit_code == 2
    assert f"{broken}:2" in result.stderr and "context" in result.stderr
    assert "Traceback" not in result.output


def test_save_to_a_folder_is_refused(tmp_path):
    result = ask("--save", tmp_path)
    assert result.exit_code == 2


# ======================================================== the interview itself


@pytest.mark.parametrize(
    ("fact", "line", "expected"),
    [
        ("democratic_decision", "是", (True, None)),
        ("democratic_decision", "Y", (True, None)),
        ("democratic_decision", "no", (False, None)),
        ("democratic_decision", "否 # 无会议记录", (False, "无会议记录")),
        ("democratic_decision", "不确定＃待核实", (None, "待核实")),
        ("democratic_decision", "？", (None, None)),
        ("democratic_decision", "是 #", (True, None)),
        ("causes", "1,3", (("bold_performance", "pilot"), None)),
        ("causes", "3，1", (("bold_performance", "pilot"), None)),
        ("causes", "３ 2、3", (("inexperience", "pilot"), None)),
        ("causes", "pilot", (("pilot",), None)),
        ("causes", "0", ((), None)),
        ("causes", "无 # 都不沾边", ((), "都不沾边")),
        ("causes", "?", (None, None)),
        ("causes", "2 # 见 #3 号文", (("inexperience",), "见 #3 号文")),
        # The plain words of SPEC.md at a yes/no question ...
        ("democratic_decision", "有", (True, None)),
        ("democratic_decision", "经过 # 见纪要", (True, "见纪要")),
        ("democratic_decision", "对", (True, None)),
        ("democratic_decision", "没有", (False, None)),
        ("democratic_decision", "无", (False, None)),
        ("democratic_decision", "不是", (False, None)),
        ("democratic_decision", "未", (False, None)),
        ("democratic_decision", "不对", (False, None)),
        ("democratic_decision", "不知道", (None, None)),
        ("democratic_decision", "不清楚", (None, None)),
        ("democratic_decision", "待核实 # 档案室", (None, "档案室")),
        # ... and at a multiple-choice question, where 无 and 没有 mean none of them.
        ("causes", "没有", ((), None)),
        ("causes", "不知道", (None, None)),
        ("causes", "待核实", (None, None)),
    ],
)
def test_replies_are_read_as_answers_with_notes(criteria, fact, line, expected):
    answer = parse_reply(criteria.fact_by_id[fact], line)
    assert (answer.value, answer.note) == expected


@pytest.mark.parametrize(
    ("line", "expected"), [("help", HELP), ("H", HELP), ("帮助", HELP), ("back", BACK), ("b # x", BACK), ("返回", BACK)]
)
def test_help_and_back_are_commands_on_any_question(criteria, line, expected):
    for fact in criteria.facts:
        assert parse_reply(fact, line) == expected


@pytest.mark.parametrize("line", ["", "  ", "1,1,x", "-1", "1.5", "0 1"])
def test_nonsense_is_invalid_never_an_exception(criteria, line):
    assert isinstance(parse_reply(criteria.fact_by_id["causes"], line), Invalid)


class Scripted:
    """A dialogue that answers each question from a dict, and the offer as told."""

    def __init__(self, criteria, answers, *, go_on):
        self.criteria, self.answers, self.go_on = criteria, answers, go_on
        self.interview = None
        self.open_when_asked = []

    def say(self, line):
        pass

    def ask(self, prompt):
        iv = self.interview
        if prompt == text("ask.offer_prompt", iv.lang):
            return "是" if self.go_on else "否"
        fact = iv.asked[-1]
        d = evaluate(self.criteria, iv.case)
        self.open_when_asked.append(fact in d.next_questions or (iv.going_on and fact in d.unchecked_exclusions))
        return line_for(self.criteria, fact, self.answers.get(fact))


def interview_on(criteria, answers, *, go_on=False, everything=False):
    iv = Interview(criteria, make_case({}), "zh", everything=everything, ask_meta=False)
    dialogue = Scripted(criteria, answers, go_on=go_on)
    dialogue.interview = iv
    return iv, iv.run(dialogue), dialogue


def answer_sets(criteria):
    def value(fact):
        if fact.type == "yesno":
            return st.sampled_from([True, False, None])
        return st.one_of(st.none(), st.lists(st.sampled_from(fact.option_ids), unique=True).map(tuple))

    return st.fixed_dictionaries({f.id: value(f) for f in criteria.facts})


def _strategy():
    from zgrongcuo.load import criteria_builder

    return answer_sets(criteria_builder.load())


@given(answers=_strategy(), go_on=st.booleans())
def test_the_interview_asks_only_open_questions_and_agrees_with_check(criteria, answers, go_on):
    iv, d, dialogue = interview_on(criteria, answers, go_on=go_on)
    assert all(dialogue.open_when_asked)
    assert len(iv.asked) == len(set(iv.asked))  # no question twice
    full = evaluate(criteria, make_case({k: v for k, v in answers.items() if v is not None}))
    if not d.decided:
        assert not full.decided
        assert all(f in iv.case.answers for f in d.next_questions)  # stopped only when nothing open was left
    elif full.decided:
        assert d.outcome.favourable == full.outcome.favourable
        if d.outcome.favourable or go_on:
            assert d.outcome is full.outcome
    # What the interview ends with is what check says on the answers it gathered.
    assert evaluate(criteria, iv.case).outcome is d.outcome


@given(answers=_strategy())
def test_all_asks_every_question_once_and_equals_check(criteria, answers):
    iv, d, _ = interview_on(criteria, answers, everything=True)
    assert iv.asked == [f.id for f in criteria.facts]
    full = evaluate(criteria, make_case({k: v for k, v in answers.items() if v is not None}))
    assert d.outcome is full.outcome



def test_control_characters_are_asked_again_never_saved(criteria):
    reply = parse_reply(criteria.fact_by_id["diligent"], "是\x1b[D # 备注")
    assert isinstance(reply, Invalid)
    assert reply.msg_id == "ask.control_character"
    result = runner.invoke(app, ["ask", "--format", "json"], input="ZG-1\x1b[D\nZG-1\n\n\n" + "\n".join(["?"] * 20) + "\n")
    assert result.exit_code in (2, 3)
    assert text("ask.control_character", "zh") in result.output
