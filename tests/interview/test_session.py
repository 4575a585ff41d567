"""`zgrongcuo ask` through CliRunner, and the interview itself through a scripted dialogue."""

import json
import re
import shlex
import stat
from pathlib import Path

import pytest
from conftest import ARTICLE_CASE, ROOT
from helpers import ARTICLE_ASKED, EXCLUSIONS, make_case
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.interview.dialogue import LINE_LIMIT, StreamDialogue
from zgrongcuo.interview.replies import BACK, HELP, Invalid, parse_reply
from zgrongcuo.interview.session import Interview
from zgrongcuo.io import case_reader
from zgrongcuo.text.catalogue import text

runner = CliRunner()

# The questions the article's case needs, in asking order: once the context
# is reform and innovation, situation 1 is out and whether the conduct
# conformed to a superior decision cannot matter; once the consequence is not
# serious, neither can whether it was remedied.
NO_META = "\n\n\n\n"  # Enter at the four metadata prompts: id, title, subject, summary


@pytest.fixture(autouse=True)
def in_a_temporary_folder(tmp_path, monkeypatch):
    # Without --save the interview keeps its case in a new file in the current folder.
    monkeypatch.chdir(tmp_path)


def ask(*args, input=""):
    return runner.invoke(app, ["ask", *map(str, args)], input=input)


def printed_resume_command(stderr, lang="zh"):
    """The arguments of the resume command the tool printed (without the program's name)."""
    marker = text("ask.draft_saved", lang, file="\0", command="\1").split("\1")[0].split("\n")[-1]
    lines = [line for line in stderr.splitlines() if line.startswith(marker)]
    assert len(lines) == 1, stderr
    words = shlex.split(lines[0][len(marker) :])
    assert words[:2] == ["zgrongcuo", "ask"]
    return words[1:]


def resume(command, input=""):
    return runner.invoke(app, command, input=input)


def last_line(stderr):
    return stderr.rstrip("\n").splitlines()[-1]


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
    assert "[1/" not in result.stdout  # the dialogue is on stderr, the determination alone on stdout


def test_end_of_input_after_the_third_answer_leaves_a_draft_that_resumes_at_the_fourth(criteria, article, tmp_path):
    result = ask(input="ZG-1\n\n\n\n" + lines_for(criteria, article, ARTICLE_ASKED[:3]))
    assert result.exit_code == 2, result.output
    draft = tmp_path / "ZG-1.yaml"  # where the case was going: the draft goes there
    assert text("ask.input_ran_out", "zh") in result.stderr
    assert text("ask.draft_saved", "zh", file="ZG-1.yaml", command="zgrongcuo ask --case ZG-1.yaml") in result.stderr
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert list(case_reader.load(str(draft), criteria).answers) == ARTICLE_ASKED[:3]

    resumed = resume(printed_resume_command(result.stderr), input=lines_for(criteria, article, ARTICLE_ASKED[3:]))
    assert resumed.exit_code == 0, resumed.output
    assert headings(criteria, resumed.stderr) == ARTICLE_ASKED[3:]
    assert f"[4/约{len(ARTICLE_ASKED) + 1}] {criteria.fact_by_id[ARTICLE_ASKED[3]].question['zh']}" in resumed.stderr
    assert text("ask.meta_intro", "zh") not in resumed.stderr
    assert "(exempt)" in resumed.stdout


def test_ctrl_c_after_the_third_answer_leaves_a_draft_that_resumes_at_the_fourth(
    criteria, article, tmp_path, monkeypatch
):
    # CliRunner cannot send a signal; the reader raises what Ctrl-C raises in a terminal.
    # (tests/interview/test_terminal.py sends a real one.)
    real_ask = StreamDialogue.ask
    answers_given = []

    def ask_then_interrupt(self, prompt):
        if len(answers_given) == 7:  # four metadata prompts, three answers
            raise KeyboardInterrupt
        answers_given.append(prompt)
        return real_ask(self, prompt)

    monkeypatch.setattr(StreamDialogue, "ask", ask_then_interrupt)
    saved = tmp_path / "case.yaml"
    result = ask("--save", saved, input="ZG-1\n\n\n\n" + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 130, result.output
    assert text("ask.interrupted", "zh") in result.stderr
    assert "Aborted" not in result.output
    assert saved.exists()  # --save named a new file: the draft goes there
    assert printed_resume_command(result.stderr) == ["ask", "--case", str(saved)]
    draft = case_reader.load(str(saved), criteria)
    assert list(draft.answers) == ARTICLE_ASKED[:3]
    assert draft.meta["id"] == "ZG-1"
    monkeypatch.setattr(StreamDialogue, "ask", real_ask)

    resumed = resume(
        [*printed_resume_command(result.stderr), "--format", "json"], input=lines_for(criteria, article, ARTICLE_ASKED[3:])
    )
    assert resumed.exit_code == 0, resumed.output
    assert headings(criteria, resumed.stderr)[0] == ARTICLE_ASKED[3]
    assert json.loads(resumed.stdout)["outcome"] == "exempt"
    assert len(case_reader.load(str(saved), criteria).answers) == len(ARTICLE_ASKED)


# ============================================ issue 11: the nine findings, one test (at least) each


def test_finding_1_a_finished_interview_without_save_is_kept_in_a_new_file_named_after_the_case_id(
    criteria, article, tmp_path
):
    (tmp_path / "ZG-2014-57.yaml").write_text("answers: {}\n", encoding="utf-8")  # an earlier file of that name
    result = ask(input="ZG-2014-57\n建房户意外伤害保险文件\n县政府办公室\n\n" + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    saved = tmp_path / "ZG-2014-57-2.yaml"  # never over the earlier one
    assert (tmp_path / "ZG-2014-57.yaml").read_text(encoding="utf-8") == "answers: {}\n"
    # Announced at the start, before the first question, and as the last line of the screen.
    before_questions = result.stderr.split("[1/")[0]
    assert text("ask.save_to", "zh", file="ZG-2014-57-2.yaml") in before_questions
    assert last_line(result.stderr) == text("ask.saved", "zh", file="ZG-2014-57-2.yaml")
    case = case_reader.load(str(saved), criteria)
    assert (case.meta["id"], case.meta["subject"]) == ("ZG-2014-57", "县政府办公室")
    assert list(case.answers) == ARTICLE_ASKED
    assert "ZG-2014-57-2.yaml" in result.stdout  # the determination names the file it came from


def test_finding_1_without_a_case_id_the_file_is_named_after_the_date_and_time(criteria, article, tmp_path):
    result = ask("--format", "json", input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    (saved,) = tmp_path.iterdir()
    assert re.fullmatch(r"zgrongcuo-\d{8}-\d{4}\.yaml", saved.name)
    assert text("ask.save_default", "zh", example=saved.name) in result.stderr.split("[1/")[0]
    assert last_line(result.stderr) == text("ask.saved", "zh", file=saved.name)
    assert json.loads(result.stdout)["file"] == saved.name


def test_finding_1_no_save_keeps_nothing_and_says_so(criteria, article, tmp_path):
    result = ask("--no-save", input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []
    assert text("ask.no_save", "zh") in result.stderr.split("[1/")[0]
    assert last_line(result.stderr) == text("ask.not_saved", "zh")


def test_finding_2_the_printed_resume_command_saves_the_finished_case(criteria, article, tmp_path):
    stopped = ask(input=NO_META + lines_for(criteria, article, ARTICLE_ASKED[:5]))
    assert stopped.exit_code == 2, stopped.output
    command = printed_resume_command(stopped.stderr)
    draft = tmp_path / command[command.index("--case") + 1]
    finished = resume(command, input=lines_for(criteria, article, ARTICLE_ASKED[5:]))
    assert finished.exit_code == 0, finished.output
    assert last_line(finished.stderr) == text("ask.updated", "zh", file=draft.name)
    assert list(case_reader.load(str(draft), criteria).answers) == ARTICLE_ASKED  # not the old answers only
    assert text("ask.draft_header", "zh", command="")[:4] not in draft.read_text(encoding="utf-8")  # a draft no more
    checked = runner.invoke(app, ["check", str(draft), "--format", "json"])
    assert json.loads(checked.stdout)["outcome"] == "exempt"


def test_finding_3_case_and_save_on_one_file_asks_nothing_first_and_every_answer_stays_on_its_question(
    criteria, article, tmp_path
):
    # The command the tool used to print. Before, "X exists. Overwrite it?" took the first answer,
    # every later one landed on the question before its own, and the outcome became not_tolerated.
    stopped = ask("--save", "x.yaml", input=NO_META + lines_for(criteria, article, ARTICLE_ASKED[:3]))
    assert stopped.exit_code == 2, stopped.output
    result = ask(
        "--case", "x.yaml", "--save", "x.yaml", "--format", "json", input=lines_for(criteria, article, ARTICLE_ASKED[3:])
    )
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == ARTICLE_ASKED[3:]
    assert json.loads(result.stdout)["outcome"] == "exempt"
    saved = case_reader.load(str(tmp_path / "x.yaml"), criteria)
    assert {f: (a.value, a.note) for f, a in saved.answers.items()} == {
        f: (article.answers[f].value, article.answers[f].note) for f in ARTICLE_ASKED
    }


def test_finding_3_another_existing_file_is_refused_before_the_first_question_without_force(criteria, article, write):
    existing = write("mine.yaml", "answers: {}\n")
    result = ask("--save", existing, input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 2, result.output
    assert text("ask.save_file_exists", "zh") in result.stderr
    assert text("ask.meta.id", "zh") not in result.stderr and "[1/" not in result.stderr  # nothing was asked
    assert existing.read_text(encoding="utf-8") == "answers: {}\n"


@pytest.mark.parametrize("stop_after", range(len(ARTICLE_ASKED)))
@pytest.mark.parametrize("options", [(), ("--save", "named.yaml"), ("--format", "json", "--lang", "en")])
def test_finding_3_every_printed_resume_command_takes_the_rest_of_the_answers_each_on_its_question(
    criteria, article, tmp_path, stop_after, options
):
    lang = "en" if "en" in options else "zh"
    typed = lambda facts: "".join(  # noqa: E731
        line_for(criteria, f, article.answers[f].value, article.answers[f].note, lang) + "\n" for f in facts
    )
    stopped = ask(*options, input="ZG-9\n\n\n\n" + typed(ARTICLE_ASKED[:stop_after]))
    assert stopped.exit_code == 2, stopped.output
    if stop_after == 0:  # only the metadata was typed: it is kept too
        assert "--case" in " ".join(printed_resume_command(stopped.stderr, lang))
    command = printed_resume_command(stopped.stderr, lang)
    result = resume(command, input=typed(ARTICLE_ASKED[stop_after:]))
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr, lang) == ARTICLE_ASKED[stop_after:]
    saved = case_reader.load(str(tmp_path / command[command.index("--case") + 1]), criteria)
    assert saved.meta["id"] == "ZG-9"
    assert {f: (a.value, a.note) for f, a in saved.answers.items()} == {
        f: (article.answers[f].value, article.answers[f].note) for f in ARTICLE_ASKED
    }
    checked = runner.invoke(app, ["check", str(tmp_path / command[command.index("--case") + 1]), "--format", "json"])
    assert (json.loads(checked.stdout)["outcome"], json.loads(checked.stdout)["situations_met"]) == ("exempt", ["S2"])


def test_finding_3_piped_answers_are_never_read_by_the_offer_to_go_on(criteria, tmp_path):
    # Outside every situation, with the bottom lines unexamined: in a terminal the tool offers to go on;
    # piped, a line is never taken as yes or no to that, and the interview stops there.
    result = ask("--no-meta", "--save", "x.yaml", "--format", "json", input="0\n是\n")
    assert result.exit_code == 1, result.output
    assert headings(criteria, result.stderr) == ["context"]
    assert text("ask.offer_prompt", "zh") not in result.stderr
    labels = text("list_sep", "zh").join(criteria.fact_by_id[f].label["zh"] for f in EXCLUSIONS)
    assert labels in result.stderr
    d = json.loads(result.stdout)
    assert d["outcome"] == "not_eligible" and d["unchecked_exclusions"] == list(EXCLUSIONS)


UNVERIFIED = (
    "answers:\n"
    "  context: [reform_innovation]\n  causes: [pilot]\n  consequences: [error]\n"
    "  democratic_decision: {value: 不确定, note: 待查阅发文时的会议记录}\n"
    "  private_gain: 否\n  diligent: 是\n  decision_procedure_followed: 是\n"
    "  knowingly_violated: 否\n  persisted_after_prohibition: 否\n  major_liability_accident: 否\n"
    "  serious_consequence: 否\n"
)


def test_finding_4_resuming_asks_an_unknown_again_with_its_earlier_answer_and_note(criteria, write):
    case = write("unverified.yaml", UNVERIFIED)
    assert runner.invoke(app, ["check", str(case)]).exit_code == 3
    result = ask("--case", case, "--format", "json", input="是\n")  # verified: there was a democratic decision
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == ["democratic_decision"]
    assert text("ask.earlier", "zh", answer="不确定") in result.stderr
    assert text("ask.earlier_note", "zh", note="待查阅发文时的会议记录") in result.stderr
    assert json.loads(result.stdout)["outcome"] == "exempt"
    answer = case_reader.load(str(case), criteria).answers["democratic_decision"]
    assert (answer.value, answer.note) == (True, "待查阅发文时的会议记录")  # the note is kept unless replaced
    assert last_line(result.stderr) == text("ask.updated", "zh", file=str(case))


def test_finding_4_an_unknown_asked_again_can_stay_unknown_and_is_asked_once(criteria, write):
    case = write("unverified.yaml", UNVERIFIED)
    result = ask("--case", case, input="\n")  # Enter keeps the earlier answer
    assert result.exit_code == 3, result.output
    assert headings(criteria, result.stderr) == ["democratic_decision"]
    assert text("ask.done_open", "zh") in result.stderr
    assert last_line(result.stderr) == text("ask.unchanged", "zh", file=str(case))
    assert case.read_text(encoding="utf-8") == UNVERIFIED  # nothing new: the file is not rewritten


def test_finding_4_a_verified_answer_can_replace_the_note(criteria, write):
    case = write("unverified.yaml", UNVERIFIED)
    result = ask("--case", case, input="否 # 2014年3月县政府常务会议纪要未列此文件\n")
    assert result.exit_code == 1, result.output
    answer = case_reader.load(str(case), criteria).answers["democratic_decision"]
    assert (answer.value, answer.note) == (False, "2014年3月县政府常务会议纪要未列此文件")


def test_finding_4_all_asks_every_unanswered_and_unknown_question(criteria, article, write):
    partial = write("partial.yaml", "answers:\n  context: [reform_innovation]\n  remedied: 不确定\n  diligent: 是\n")
    rest = [f.id for f in criteria.facts if f.id not in ("context", "diligent")]
    result = ask("--all", "--case", partial, "--format", "json", input=lines_for(criteria, article, rest))
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == rest
    assert case_reader.load(str(partial), criteria).answers["remedied"].value is True


def test_finding_4_back_reaches_the_questions_answered_before_this_session(criteria, article, write):
    draft = write("draft.yaml", "answers:\n  context: [reform_innovation]\n  causes: [pilot]\n  consequences: {value: [error], note: 见通报}\n")
    # At question 4: back to 3 (its answer and note shown), back to 2, a new answer there, Enter keeps 3.
    lines = "back\nback\n2,3\n\n" + lines_for(criteria, article, ARTICLE_ASKED[3:])
    result = ask("--case", draft, input=lines)
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == ["democratic_decision", "consequences", "causes", "consequences", *ARTICLE_ASKED[3:]]
    assert text("ask.back_to", "zh", number=3, question=criteria.fact_by_id["consequences"].question["zh"]) in result.stderr
    assert text("ask.earlier", "zh", answer="出现失误或偏差") in result.stderr
    assert text("ask.earlier_note", "zh", note="见通报") in result.stderr
    saved = case_reader.load(str(draft), criteria)
    assert saved.answers["causes"].value == ("inexperience", "pilot")
    assert (saved.answers["consequences"].value, saved.answers["consequences"].note) == (("error",), "见通报")


def test_finding_4_going_back_and_stopping_loses_no_answer(criteria, article, write):
    draft = write("draft.yaml", "answers:\n  context: [reform_innovation]\n  causes: [pilot]\n  consequences: [error]\n")
    result = ask("--case", draft, input="back\nback\n")  # then the input ends
    assert result.exit_code == 2, result.output
    assert list(case_reader.load(str(draft), criteria).answers) == ["context", "causes", "consequences"]


def _swap_folder_for_a_file(folder):
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    folder.write_text("now a file\n", encoding="utf-8")


def _unwritable(kind, tmp_path):
    if kind == "dangling link":
        (tmp_path / "link.yaml").symlink_to(tmp_path / "gone" / "case.yaml")
        return tmp_path / "link.yaml"
    if kind == "folder":
        (tmp_path / "folder.yaml").mkdir()
        return tmp_path / "folder.yaml"
    if kind == "under a file":
        (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
        return tmp_path / "notes.txt" / "case.yaml"
    if kind == "system folder":  # read-only even to the administrator, where tests may run as one
        return Path("/sys/zgrongcuo-case.yaml")
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o555)
    return readonly / "case.yaml"


@pytest.mark.parametrize("kind", ["dangling link", "folder", "under a file", "read-only folder", "system folder"])
def test_finding_5_a_save_path_that_cannot_be_written_is_refused_before_the_first_question(
    criteria, article, tmp_path, kind
):
    import os

    path = _unwritable(kind, tmp_path)
    if kind == "read-only folder" and os.access(path.parent, os.W_OK):
        pytest.skip("the tests run with privileges that write into read-only folders")
    if kind == "system folder" and (not path.parent.is_dir() or os.access(path.parent, os.W_OK)):
        pytest.skip("no read-only /sys here")
    result = ask("--save", path, input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 2, result.output
    assert str(path) in result.stderr
    assert text("ask.meta.id", "zh") not in result.stderr and "[1/" not in result.stderr  # refused before asking


def test_finding_5_a_draft_that_cannot_go_where_it_was_meant_goes_home_and_says_where(
    criteria, article, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "keep.txt").write_text("x", encoding="utf-8")
    real_ask = StreamDialogue.ask
    prompts = []

    def ask_then_lose_the_folder(self, prompt):
        prompts.append(prompt)
        if len(prompts) == 8:  # four metadata prompts, three answers: the folder is gone, then Ctrl-C
            _swap_folder_for_a_file(folder)
            raise KeyboardInterrupt
        return real_ask(self, prompt)

    monkeypatch.setattr(StreamDialogue, "ask", ask_then_lose_the_folder)
    result = ask("--save", folder / "case.yaml", input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 130, result.output
    draft = home / "case.draft.yaml"
    assert text("ask.draft_saved", "zh", file=str(draft), command=f"zgrongcuo ask --case {draft}") in result.stderr
    assert list(case_reader.load(str(draft), criteria).answers) == ARTICLE_ASKED[:3]
    monkeypatch.setattr(StreamDialogue, "ask", real_ask)
    finished = resume(printed_resume_command(result.stderr), input=lines_for(criteria, article, ARTICLE_ASKED[3:]))
    assert finished.exit_code == 0, finished.output
    assert len(case_reader.load(str(draft), criteria).answers) == len(ARTICLE_ASKED)


def test_finding_5_when_no_folder_takes_the_draft_the_answers_are_shown_to_be_copied(
    criteria, article, tmp_path, monkeypatch
):
    folder = tmp_path / "cases"
    folder.mkdir()
    home = tmp_path / "home"
    home.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    real_ask = StreamDialogue.ask
    prompts = []

    def ask_then_lose_the_folder(self, prompt):
        prompts.append(prompt)
        if len(prompts) == 6:
            _swap_folder_for_a_file(folder)
            raise EOFError
        return real_ask(self, prompt)

    monkeypatch.setattr(StreamDialogue, "ask", ask_then_lose_the_folder)
    result = ask("--no-meta", "--save", folder / "case.yaml", input=lines_for(criteria, article, ARTICLE_ASKED, notes=False))
    assert result.exit_code == 2, result.output
    assert text("ask.draft_nowhere", "zh") in result.stderr
    shown = result.stderr.split(text("ask.draft_nowhere", "zh"))[1]
    assert "context: [reform_innovation]" in shown and "democratic_decision: 是" in shown


def test_finding_6_a_note_that_would_make_the_file_too_big_is_refused_and_what_is_saved_reads_back(
    criteria, article, tmp_path
):
    limit = 2000
    long_note = "会" * 700  # 2,100 bytes in UTF-8: over the limit on its own
    lines = lines_for(criteria, article, ARTICLE_ASKED[:3], notes=False)
    lines += f"是 # {long_note}\n是 # 见会议纪要\n" + lines_for(criteria, article, ARTICLE_ASKED[4:], notes=False)
    # At a terminal the note is refused and the next line answers.
    from zgrongcuo.interview.recording import Sitting

    said: list[str] = []
    saved = tmp_path / "x.yaml"
    sitting = Sitting(criteria, make_case({}), "zh", say=said.append, report=print, save=str(saved), max_bytes=limit, meta=False)
    sitting.prepare()
    import io

    sitting.run(StreamDialogue(io.StringIO(lines), io.StringIO(), interactive=True))
    assert saved.stat().st_size <= limit
    assert runner.invoke(app, ["check", str(saved), "--max-bytes", str(limit)]).exit_code == 0
    assert case_reader.load(str(saved), criteria, max_bytes=limit).answers["democratic_decision"].note == "见会议纪要"
    # From a pipe it ends the interview, with a draft that can be read back within the limit.
    result = ask("--no-meta", "--max-bytes", limit, "--save", "y.yaml", input=lines)
    assert result.exit_code == 2, result.output
    assert text("ask.too_big", "zh", limit=limit) in result.stderr
    draft = tmp_path / "y.yaml"
    assert draft.stat().st_size <= limit and "democratic_decision" not in case_reader.load(str(draft), criteria).answers


def test_finding_6_a_line_longer_than_the_limit_is_not_taken_from_a_pipe(criteria, tmp_path):
    result = ask("--no-meta", input="2\n" + "3" * (LINE_LIMIT + 10) + "\n1\n")
    assert result.exit_code == 2, result.output
    assert text("ask.line_too_long_piped", "zh", limit=LINE_LIMIT) in result.stderr
    assert "3" * (LINE_LIMIT + 1) not in result.stderr  # nor echoed whole
    command = printed_resume_command(result.stderr)
    saved = case_reader.load(str(tmp_path / command[command.index("--case") + 1]), criteria)
    assert list(saved.answers) == ["context"]


def test_finding_6_ask_from_dev_zero_ends_in_bounded_memory(tmp_path):
    import os
    import resource
    import subprocess
    import sys
    from pathlib import Path

    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    script = Path(sys.executable).parent / "zgrongcuo"

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # before: it grew to gigabytes

    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [str(script), "ask", "--no-save"], stdin=zero, capture_output=True, cwd=tmp_path, timeout=60,
            preexec_fn=limit_memory,
        )
    assert done.returncode == 2, done.stderr.decode()[-2000:]
    assert text("ask.line_too_long_piped", "zh", limit=LINE_LIMIT) in done.stderr.decode()
    assert len(done.stderr) < 20_000
    assert list(tmp_path.iterdir()) == []  # nothing was answered: no draft


def test_finding_7_a_word_document_for_the_screen_is_refused_before_the_first_question(criteria, article):
    result = ask("--format", "docx", input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 2, result.output
    assert text("docx_needs_output", "zh") in result.stderr
    assert text("ask.meta.id", "zh") not in result.stderr
    assert result.stdout == ""


def test_finding_7_output_takes_the_determination_like_check(criteria, article, tmp_path):
    result = ask("--format", "docx", "-o", "out.docx", input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.docx").read_bytes()[:2] == b"PK"
    assert result.stdout == ""
    assert text("wrote", "zh", file="out.docx") in result.stderr
    assert last_line(result.stderr).startswith(text("ask.saved", "zh", file=""))  # the case file's line is the last

    as_json = ask("--format", "json", "-o", "out.json", input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert as_json.exit_code == 0, as_json.output
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["outcome"] == "exempt"


def test_finding_7_an_existing_output_file_is_refused_before_the_first_question(criteria, article, write):
    existing = write("out.json", "{}")
    result = ask("--format", "json", "-o", existing, input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 2, result.output
    assert text("ask.meta.id", "zh") not in result.stderr
    assert existing.read_text(encoding="utf-8") == "{}"


@pytest.mark.parametrize("word", ["help", "back", "帮助", "返回"])
def test_finding_8_help_and_back_at_the_metadata_prompts_are_never_stored(criteria, article, tmp_path, word):
    if word in ("help", "帮助"):  # help at the id and at the title prompts, each then answered
        meta = f"{word}\nZG-8\n{word}\n标题\n\n\n"
    else:  # back at the id prompt (nothing before it), and at the title prompt: the id again, Enter keeps it
        meta = f"{word}\nZG-8\n{word}\n\n标题\n\n\n"
    lines = meta + lines_for(criteria, article, ARTICLE_ASKED)
    result = ask("--save", "x.yaml", "--format", "json", input=lines)
    assert result.exit_code == 0, result.output
    case = json.loads(result.stdout)["case"]
    assert (case["id"], case["title"]) == ("ZG-8", "标题")
    if word in ("help", "帮助"):
        assert text("ask.meta_help.id", "zh") in result.stderr and text("ask.meta_help.title", "zh") in result.stderr
    else:  # back at the first prompt: nothing before it; at the second: back to the id, Enter keeps it
        assert text("ask.nothing_to_undo", "zh") in result.stderr
        assert text("ask.meta_earlier", "zh", value="ZG-8") in result.stderr


def test_finding_8_back_from_the_first_question_returns_to_the_metadata(criteria, article, tmp_path):
    lines = "ZG-8\n\n\n\nback\n案情一段\n" + lines_for(criteria, article, ARTICLE_ASKED)
    result = ask("--save", "x.yaml", "--format", "json", input=lines)
    assert result.exit_code == 0, result.output
    assert text("ask.back_to_meta", "zh") in result.stderr
    assert json.loads(result.stdout)["case"]["summary"] == "案情一段"
    assert headings(criteria, result.stderr) == ["context", *ARTICLE_ASKED]  # asked, left, then answered


def test_finding_8_back_shows_the_answer_and_note_it_goes_back_over_and_keeps_the_note(criteria, article, tmp_path):
    lines = lines_for(criteria, article, ARTICLE_ASKED[:3], notes=False) + "是 # 见3月5日党组会议纪要\nb\n\n"
    lines += lines_for(criteria, article, ARTICLE_ASKED[4:], notes=False)
    result = ask("--no-meta", "--save", "x.yaml", input=lines)
    assert result.exit_code == 0, result.output
    assert text("ask.back_to", "zh", number=4, question=criteria.fact_by_id["democratic_decision"].question["zh"]) in result.stderr
    assert text("ask.earlier", "zh", answer="是") in result.stderr
    assert text("ask.earlier_note", "zh", note="见3月5日党组会议纪要") in result.stderr
    answer = case_reader.load(str(tmp_path / "x.yaml"), criteria).answers["democratic_decision"]
    assert (answer.value, answer.note) == (True, "见3月5日党组会议纪要")


def test_finding_8_the_interview_shows_where_it_is(criteria, article):
    result = ask("--no-meta", "--no-save", input=lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    numbers = [int(m) for m in re.findall(r"^\[(\d+)/约\d+\] ", result.stderr, flags=re.M)]
    assert numbers == list(range(1, len(ARTICLE_ASKED) + 1))
    estimates = [int(m) for m in re.findall(r"^\[\d+/约(\d+)\] ", result.stderr, flags=re.M)]
    assert estimates[0] == len(criteria.facts) and estimates[-1] in (len(ARTICLE_ASKED), len(ARTICLE_ASKED) + 1)
    assert estimates == sorted(estimates, reverse=True)  # closer as branches close


def test_finding_8_the_summary_is_asked_after_the_subject_and_saved(criteria, article, tmp_path):
    summary = "县政府出台文件，要求建房户购买意外伤害保险，并将其作为建房审批的前置条件。"
    result = ask("--save", "x.yaml", input=f"ZG\n\n\n{summary}\n" + lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    prompts = [text(f"ask.meta.{k}", "zh") for k in ("id", "title", "subject", "summary")]
    positions = [result.stderr.index(p) for p in prompts]
    assert positions == sorted(positions)
    assert case_reader.load(str(tmp_path / "x.yaml"), criteria).meta["summary"] == summary
    skipped = ask("--save", "y.yaml", input=NO_META + lines_for(criteria, article, ARTICLE_ASKED))  # Enter skips it
    assert skipped.exit_code == 0, skipped.output
    assert case_reader.load(str(tmp_path / "y.yaml"), criteria).meta["summary"] is None


def test_finding_8_escape_sequences_in_piped_answers_are_echoed_escaped(criteria):
    result = ask("--no-meta", "--no-save", input="\x1b[2J\x1b]0;owned\x07\n0\n")
    assert result.exit_code == 2, result.output  # a control character from a pipe is refused, and ends it
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b[2J\\x1b]0;owned\\x07" in result.stderr
    assert text("ask.control_character", "zh") in result.stderr


def test_finding_9_the_interview_says_unknown_for_an_unknown_answer_and_not_answered_for_none(criteria, write):
    case = write("unverified.yaml", UNVERIFIED)
    result = ask("--case", case, input="\n")
    assert result.exit_code == 3, result.output
    # The file answers 11 questions, one of them unknown; two are not answered at all.
    assert text("ask.resumed", "zh", answered=11, unknown=1, unanswered=len(criteria.facts) - 11) in result.stderr
    assert text("ask.earlier", "zh", answer="不确定") in result.stderr
    assert "尚未回答" not in result.stderr and "未回答：" not in result.stderr


def test_finding_9_plain_words_answer_the_interview(criteria, article, tmp_path):
    lines = "2\n3\n1\n有\n没有\n对\n经过\n不是\n没有\n无\n不知道 # 待鉴定\n有\n"
    result = ask("--no-meta", "--save", "x.yaml", "--format", "json", input=lines)
    assert result.exit_code == 3, result.output
    assert text("ask.hint_yesno", "zh") not in result.stderr  # every word was taken
    saved = case_reader.load(str(tmp_path / "x.yaml"), criteria)
    assert saved.answers["democratic_decision"].value is True and saved.answers["private_gain"].value is False
    assert (saved.answers["serious_consequence"].value, saved.answers["serious_consequence"].note) == (None, "待鉴定")


# ====================================================================== paths


def test_back_undoes_the_previous_answer_and_asks_it_again(criteria, article, tmp_path):
    saved = tmp_path / "back.yaml"
    wrong_context = line_for(criteria, "context", ("superior_decision",))
    lines = NO_META + wrong_context + "\nback\n" + lines_for(criteria, article, ARTICLE_ASKED, notes=False)
    result = ask("--save", saved, input=lines)
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == ["context", "causes", "context", *ARTICLE_ASKED[1:]]
    assert text("ask.back_to", "zh", number=1, question=criteria.fact_by_id["context"].question["zh"]) in result.stderr
    assert case_reader.load(str(saved), criteria).answers["context"].value == ("reform_innovation",)


def test_back_at_the_first_question_says_there_is_nothing_to_undo(criteria):
    result = ask("--no-meta", "--format", "json", input="back\n0\n")
    assert result.exit_code == 1, result.output
    assert text("ask.nothing_to_undo", "zh") in result.stderr
    assert headings(criteria, result.stderr) == ["context"]


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
    result = ask("--no-meta", "--format", "json", input="help\n0\n")
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
    # At a terminal a person reads the hint and types again.
    said, ds = converse(criteria, f"{bad}\n0\n否\n")  # and no, not the bottom lines as well
    assert hint in said
    assert headings(criteria, said) == ["context"]
    assert ds[0].outcome.id == "not_eligible"


def converse(criteria, typed: str, **kwargs):
    """The interview typed at a terminal (a scripted one): what it said, and the determinations it ended with."""
    import io

    out = io.StringIO()
    dialogue = StreamDialogue(io.StringIO(typed), out, interactive=True)
    ds = Interview(criteria, make_case({}), "zh", ask_meta=False, **kwargs).run(dialogue)
    return out.getvalue(), ds


@pytest.mark.parametrize("bad", ["", "maybe", "10", "\x1b[A", "\xff\xfe"])
def test_a_reply_that_is_not_an_answer_ends_a_piped_interview_with_the_draft_kept(criteria, article, bad, tmp_path):
    # A pipe cannot read the hint: asking again would take the next line, meant for the next question.
    lines = lines_for(criteria, article, ARTICLE_ASKED[:3]) + bad + "\n" + lines_for(criteria, article, ARTICLE_ASKED[3:])
    result = ask("--no-meta", "--format", "json", input=lines.encode("utf-8", "surrogateescape") if "\xff" in bad else lines)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""  # no determination from shifted answers
    assert headings(criteria, result.stderr) == ARTICLE_ASKED[:4]
    message = [line for line in result.stderr.splitlines() if line.startswith("标准输入不是终端：第 4 题的回答")]
    assert len(message) == 1 and text("ask.hint_yesno" if "\x1b" not in bad else "ask.control_character", "zh") in message[0]
    assert "\x1b" not in result.stderr and "Traceback" not in result.output
    draft = case_reader.load(str(tmp_path / printed_resume_command(result.stderr)[2]), criteria)
    assert list(draft.answers) == ARTICLE_ASKED[:3]


def test_piped_lines_that_never_answer_end_the_interview(criteria):
    from zgrongcuo.interview.session import PIPED_LINES_WITHOUT_ANSWER

    for word in ("help", "back"):
        result = ask("--no-meta", "--no-save", input=f"{word}\n" * (PIPED_LINES_WITHOUT_ANSWER * 50))
        assert result.exit_code == 2, result.output
        assert text("ask.piped_no_answer", "zh", count=PIPED_LINES_WITHOUT_ANSWER) in result.stderr
        assert result.stderr.count(text("ask.prompt_set", "zh")) == PIPED_LINES_WITHOUT_ANSWER  # bounded, not endless
    # Answers gone back over for ever: each line answers, but the interview would never end.
    result = ask("--no-meta", "--no-save", input="1\nback\n" * 2000)
    assert result.exit_code == 2, result.output
    assert "访谈仍未结束" in result.stderr
    assert result.stderr.count("[1/") < 2000


@pytest.mark.parametrize(
    ("bad", "hint"),
    [("", "ask.hint_yesno"), ("maybe", "ask.hint_yesno"), ("1", "ask.hint_yesno"), ("yess", "ask.hint_yesno"), ("\x1b[A", "ask.control_character")],
)
def test_invalid_input_on_a_yes_no_question_is_asked_again_with_a_hint(criteria, article, bad, hint):
    lines = (
        lines_for(criteria, article, ARTICLE_ASKED[:3]) + bad + "\n" + lines_for(criteria, article, ARTICLE_ASKED[3:])
    )
    said, ds = converse(criteria, lines)
    assert text(hint, "zh") in said
    assert ds[0].outcome.id == "exempt"


def test_bytes_that_are_not_utf8_are_an_invalid_answer_not_a_crash(criteria, article):
    lines = lines_for(criteria, article, ARTICLE_ASKED[:3]).encode() + b"\xff\xfe\n"
    lines += lines_for(criteria, article, ARTICLE_ASKED[3:]).encode()
    said, ds = converse(criteria, lines.decode("utf-8", "replace"))
    assert text("ask.hint_yesno", "zh") in said and ds[0].outcome.id == "exempt"
    result = ask("--no-meta", input=lines)  # from a pipe: the interview stops, without a crash
    assert result.exit_code == 2, result.output
    assert text("ask.hint_yesno", "zh") in result.stderr and "Traceback" not in result.output


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


def test_a_complete_case_asks_nothing_and_is_left_as_it_is(criteria):
    before = ARTICLE_CASE.read_bytes()
    result = ask("--case", ARTICLE_CASE, "--format", "json")
    assert result.exit_code == 0, result.output
    assert headings(criteria, result.stderr) == []
    checked = runner.invoke(app, ["check", str(ARTICLE_CASE), "--format", "json"])
    assert json.loads(result.stdout) == json.loads(checked.stdout)
    assert ARTICLE_CASE.read_bytes() == before


def test_updating_a_hand_written_file_keeps_its_comments(criteria, article, write):
    case = write(
        "hand.yaml",
        "# 文中案例，备注区分文章原文与假设。\n# 报道没有说明是否经过民主决策程序。\n\n"
        "answers:\n  context: [reform_innovation]\n",
    )
    result = ask("--case", case, input=lines_for(criteria, article, ARTICLE_ASKED[1:]))
    assert result.exit_code == 0, result.output
    content = case.read_text(encoding="utf-8")
    assert content.startswith("# 文中案例，备注区分文章原文与假设。\n# 报道没有说明是否经过民主决策程序。\n")
    again = ask("--case", case, "--all", input=lines_for(criteria, article, ["conformed_to_superior_decision", "remedied"]))
    assert again.exit_code == 0, again.output
    content = case.read_text(encoding="utf-8")
    assert content.count("报道没有说明") == 1 and content.count("zgrongcuo ask") == 1  # nothing written twice


def test_metadata_is_asked_kept_as_text_and_skipped_with_enter(criteria, article, tmp_path):
    saved = tmp_path / "meta.yaml"
    result = ask(
        "--save", saved, "--format", "json", input="0755\nno\n\n\n" + lines_for(criteria, article, ARTICLE_ASKED)
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["case"] == {
        "id": "0755", "title": "no", "subject": None, "summary": None, "conduct_date": None
    }  # fmt: skip
    checked = runner.invoke(app, ["check", str(saved), "--format", "json"])
    assert json.loads(checked.stdout)["case"]["id"] == "0755"
    assert 'id: "0755"' in saved.read_text(encoding="utf-8")


def test_meta_asks_for_missing_metadata_also_when_resuming(criteria, article, write):
    partial = write("partial.yaml", "case:\n  title: 已有标题\nanswers:\n  context: [reform_innovation]\n")
    lines = "ZG-7\n\n\n" + lines_for(criteria, article, ARTICLE_ASKED[1:])
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


def test_force_replaces_an_existing_save_file_at_the_end_without_asking(criteria, article, write):
    existing = write("mine.yaml", "answers: {}\n")
    result = ask("--save", existing, "--force", "--no-meta", input=lines_for(criteria, article, ARTICLE_ASKED))
    assert result.exit_code == 0, result.output
    assert text("ask.save_over", "zh", file=str(existing)) in result.stderr
    assert len(case_reader.load(str(existing), criteria).answers) == len(ARTICLE_ASKED)
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600


def test_a_draft_never_replaces_a_file_before_the_end_nor_an_earlier_draft(criteria, article, write, tmp_path):
    existing = write("mine.yaml", "answers: {}\n")
    write("mine.draft.yaml", "answers: {}\n")
    result = ask("--save", existing, "--force", "--no-meta", input=lines_for(criteria, article, ARTICLE_ASKED[:2]))
    assert result.exit_code == 2, result.output
    draft = tmp_path / "mine.draft-2.yaml"
    assert list(case_reader.load(str(draft), criteria).answers) == ARTICLE_ASKED[:2]
    assert existing.read_text(encoding="utf-8") == "answers: {}\n"
    assert (tmp_path / "mine.draft.yaml").read_text(encoding="utf-8") == "answers: {}\n"
    # Resuming it still saves where the first command meant to.
    assert printed_resume_command(result.stderr) == ["ask", "--case", str(draft), "--save", str(existing), "--force"]
    finished = resume(printed_resume_command(result.stderr), input=lines_for(criteria, article, ARTICLE_ASKED[2:]))
    assert finished.exit_code == 0, finished.output
    assert len(case_reader.load(str(existing), criteria).answers) == len(ARTICLE_ASKED)


def test_a_draft_resumed_and_stopped_again_is_updated_in_place(criteria, article, tmp_path):
    first = tmp_path / "x.draft.yaml"
    first.write_text("answers:\n  context: [reform_innovation]\n", encoding="utf-8")
    result = ask("--case", first, input=lines_for(criteria, article, ARTICLE_ASKED[1:2]))
    assert result.exit_code == 2, result.output
    assert list(case_reader.load(str(first), criteria).answers) == ARTICLE_ASKED[:2]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.draft.yaml"]


def test_a_resumed_file_reached_through_a_link_is_updated_where_it_is(criteria, article, tmp_path):
    real = tmp_path / "archive" / "case.yaml"
    real.parent.mkdir()
    real.write_text("answers:\n  context: [reform_innovation]\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(real)
    result = ask("--case", "link.yaml", input=lines_for(criteria, article, ARTICLE_ASKED[1:]))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "link.yaml").is_symlink()
    assert len(case_reader.load(str(real), criteria).answers) == len(ARTICLE_ASKED)


def test_end_of_input_before_any_answer_saves_nothing(tmp_path):
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


def test_a_resumed_file_over_the_size_limit_is_refused(write):
    big = write("big.yaml", "case:\n  summary: \"" + "x" * 5000 + "\"\nanswers: {}\n")
    result = ask("--case", big, "--max-bytes", 1000)
    assert result.exit_code == 2
    assert "--max-bytes" in result.stderr


@pytest.mark.parametrize(
    "args",
    [("--save", "-"), ("--save", "a.yaml", "--no-save"), ("--save", "a.yaml", "-o", "a.yaml")],
)
def test_impossible_combinations_are_refused_before_the_first_question(args):
    result = ask(*args, input=NO_META)
    assert result.exit_code == 2, result.output
    assert text("ask.meta.id", "zh") not in result.stderr


def test_a_current_folder_that_cannot_be_written_is_refused_unless_no_save(criteria, tmp_path, monkeypatch):
    import os

    readonly = tmp_path / "ro"
    readonly.mkdir()
    readonly.chmod(0o555)
    if os.access(readonly, os.W_OK):
        pytest.skip("the tests run with privileges that write into read-only folders")
    monkeypatch.chdir(readonly)
    result = ask(input=NO_META + "0\n")
    assert result.exit_code == 2, result.output
    assert "--no-save" in result.stderr and "[1/" not in result.stderr
    assert ask("--no-save", input=NO_META + "0\n").exit_code == 1


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
    """A person at a terminal who answers each question from a dict, and the offer as told."""

    interactive = True

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
    (d,) = iv.run(dialogue)  # one measure: one determination
    return iv, d, dialogue


def answer_sets(criteria):
    def value(fact):
        if fact.type == "yesno":
            return st.sampled_from([True, False, None])
        return st.one_of(st.none(), st.lists(st.sampled_from(fact.option_ids), unique=True).map(tuple))

    return st.fixed_dictionaries({f.id: value(f) for f in criteria.facts})


def _strategy():
    from zgrongcuo.io import criteria_builder

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
    result = runner.invoke(app, ["ask", "--format", "json"], input="ZG-1\x1b[D\nZG-1\n\n\n\n" + "\n".join(["?"] * 20) + "\n")
    assert result.exit_code in (2, 3)
    assert text("ask.control_character", "zh") in result.output


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


def test_at_a_terminal_the_early_stop_offers_the_bottom_lines_and_stops_when_declined(criteria):
    iv = Interview(criteria, make_case({}), "zh", ask_meta=False)
    (d,) = iv.run(Typed("0", "否"))
    assert iv.asked == ["context"] and iv.offered and not iv.going_on
    assert d.outcome.id == "not_eligible"


def test_at_a_terminal_going_on_with_the_bottom_lines_asks_them_and_can_change_the_outcome(criteria):
    iv = Interview(criteria, make_case({}), "zh", ask_meta=False)
    (d,) = iv.run(Typed("0", "是", "否", "是 # 曾被明确告知不得这样做", "否", "否"))
    assert iv.asked == ["context", *EXCLUSIONS]
    assert d.outcome.id == "not_tolerated"
    assert iv.case.answers["knowingly_violated"].note == "曾被明确告知不得这样做"


def test_at_a_terminal_back_at_the_offer_returns_to_the_answer_that_decided(criteria):
    iv = Interview(criteria, make_case({}), "zh", ask_meta=False)
    dialogue = Typed("0", "b", "2", "3", "1", *["?"] * 10)
    (d,) = iv.run(dialogue)
    assert iv.asked[:3] == ["context", "context", "causes"]
    assert text("ask.earlier", "zh", answer=text("ask.answer.none", "zh")) in dialogue.said
    assert d.outcome.id == "undetermined"


def test_a_line_too_long_at_a_terminal_is_refused_and_asked_again(criteria):
    import io

    typed = io.StringIO("x" * (LINE_LIMIT + 5) + "\n0\n否\n")
    out = io.StringIO()
    iv = Interview(criteria, make_case({}), "zh", ask_meta=False)
    (d,) = iv.run(StreamDialogue(typed, out, interactive=True))
    assert text("ask.line_too_long", "zh", limit=LINE_LIMIT) in out.getvalue()
    assert d.outcome.id == "not_eligible" and iv.asked == ["context"]


@given(answers=_strategy(), steps_back=st.integers(0, 5))
def test_going_back_and_keeping_every_answer_ends_where_not_going_back_does(criteria, answers, steps_back):
    # Straight through, then again with `back` typed some times at the last question and Enter to keep
    # each answer on the way forward: the same answers, the same outcome.
    straight, d1, _ = interview_on(criteria, answers)
    n = len(straight.asked)
    if n < 2:
        return
    lines = [line_for(criteria, f, answers.get(f)) for f in straight.asked[:-1]]
    lines += ["back"] * steps_back + [""] * min(steps_back, n - 1) + [line_for(criteria, straight.asked[-1], answers.get(straight.asked[-1]))]
    iv = Interview(criteria, make_case({}), "zh", ask_meta=False)
    dialogue = Typed(*lines, *["否"] * 3)
    (d2,) = iv.run(dialogue)
    assert {f: a.value for f, a in iv.case.answers.items()} == {f: a.value for f, a in straight.case.answers.items()}
    assert d2.outcome is d1.outcome


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("\n", (None, "待查阅发文时的会议记录")),  # Enter keeps answer and note
        ("# 档案室无此件会议记录\n", (None, "档案室无此件会议记录")),  # a new note, the answer kept
        ("#\n", (None, None)),  # a bare # removes the note
        ("是\n", (True, "待查阅发文时的会议记录")),  # a new answer keeps the note
        ("是 #\n", (True, None)),
    ],
)
def test_at_a_question_asked_again_the_earlier_answer_and_note_are_kept_unless_replaced(criteria, write, line, expected):
    case = write("unverified.yaml", UNVERIFIED)
    result = ask("--case", case, input=line)
    assert result.exit_code in (0, 3), result.output
    answer = case_reader.load(str(case), criteria).answers["democratic_decision"]
    assert (answer.value, answer.note) == expected


def test_the_piped_example_of_the_interview_page_runs_as_written(tmp_path):
    page = (ROOT / "docs" / "interview.md").read_text(encoding="utf-8")
    line = next(x for x in page.splitlines() if x.startswith("printf ") and "ask" in x)
    typed, command = line.split(" | ")
    words = shlex.split(command)
    assert words[:2] == ["zgrongcuo", "ask"]
    result = runner.invoke(app, words[1:], input=shlex.split(typed)[1].replace("\\n", "\n"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outcome"] == "exempt"
    assert list(tmp_path.iterdir()) == []  # --no-save, as written


def test_resuming_a_case_that_records_a_decision_keeps_it(criteria, write):
    case = write(
        "decided.yaml",
        "answers:\n  context: [reform_innovation]\n"
        "decision:\n  outcome: exempt\n  measure: zigui-2018\n  by: 县委常委会\n  date: 2018-06\n",
    )
    result = ask("--case", case, "--format", "json", input="3\n1\n是\n否\n是\n是\n否\n否\n否\n否\n")
    assert result.exit_code == 0, result.output
    saved = case_reader.load(str(case), criteria)
    assert len(saved.answers) > 1  # the interview did rewrite the file
    assert (saved.decision.outcome, saved.decision.measure, saved.decision.by, saved.decision.date) == (
        "exempt",
        "zigui-2018",
        "县委常委会",
        "2018-06",
    )
    assert json.loads(result.stdout)["decision"]["by"] == "县委常委会"
