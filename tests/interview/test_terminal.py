"""The installed `zgrongcuo ask` in a real pseudo-terminal, typed at as a person would."""

import io
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE_CASE
from helpers import ARTICLE_ASKED

from zgrongcuo.interview.session import shown_options
from zgrongcuo.io import case_reader
from zgrongcuo.io.questions import load_measures, questions
from zgrongcuo.text.catalogue import text

if sys.platform == "win32":  # pexpect.spawn needs a POSIX pseudo-terminal
    pytest.skip("no pseudo-terminals on Windows", allow_module_level=True)
pexpect = pytest.importorskip("pexpect")

# The console script of the environment running the tests, not whatever is first on PATH.
SCRIPT = Path(sys.executable).parent / "zgrongcuo"
RESUME = re.compile(re.escape(text("ask.draft_saved", "zh", file="\0", command="\1").split("\n")[1].split("\1")[0]) + r"(zgrongcuo ask [^\r\n]+)")


def spawn(cwd, *args, command="ask", size=(40, 400)):
    """The command in a terminal of ``size`` (rows, columns); the determination is laid out for 100 columns.

    The interview lays its lines out to the terminal's width; a wide terminal
    keeps the long help texts these tests look for on one line each.
    """
    assert SCRIPT.exists(), f"the console script is not installed beside {sys.executable}"
    env = {**os.environ, "COLUMNS": str(min(size[1], 100)), "LINES": str(size[0]), "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    child = pexpect.spawn(
        str(SCRIPT), [command, *args], cwd=str(cwd), env=env, encoding="utf-8", timeout=30, dimensions=size
    )
    child.logfile_read = io.StringIO()  # the whole screen, for what a test reads after the end
    return child


def spawn_printed(cwd, command_line):
    """Run a command line the tool printed, as a person would paste it."""
    words = shlex.split(command_line)
    assert words[:2] == ["zgrongcuo", "ask"]
    return spawn(cwd, *words[2:])


def screen(child):
    return child.logfile_read.getvalue()


def typed(criteria, article, fact_id, *, notes=False):
    fact = criteria.fact_by_id[fact_id]
    answer = article.answers[fact_id]
    if fact.type == "yesno":
        word = "是" if answer.value else "否"
    else:  # numbered as the question shows them: grouped by measure when several ask it
        shown = shown_options(fact, getattr(criteria, "measures", (criteria,)), "zh")[0]
        word = ",".join(str(shown.option_ids.index(o) + 1) for o in answer.value) or "0"
    return f"{word} # {answer.note}" if notes and answer.note else word


def question(criteria, fact_id, number):
    return re.compile(rf"\[{number}/约\d+\] " + re.escape(criteria.fact_by_id[fact_id].question["zh"]))


def prompt_of(criteria, fact_id):
    return text("ask.prompt_yesno" if criteria.fact_by_id[fact_id].type == "yesno" else "ask.prompt_set", "zh")


def answer(child, criteria, article, fact_id, number, *, ask_for_help=False, notes=False):
    fact = criteria.fact_by_id[fact_id]
    child.expect(question(criteria, fact_id, number))
    child.expect_exact(prompt_of(criteria, fact_id))
    if ask_for_help:
        child.sendline("help")
        child.expect_exact(fact.help["zh"])
        child.expect_exact(prompt_of(criteria, fact_id))
    child.sendline(typed(criteria, article, fact_id, notes=notes))


def metadata(child, *values):
    for key, value in zip(("id", "title", "subject", "summary"), values, strict=True):
        child.expect_exact(text(f"ask.meta.{key}", "zh"))
        child.sendline(value)


def finish(child):
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def last_line(child):
    return screen(child).rstrip("\r\n").splitlines()[-1].strip()


@pytest.fixture(scope="module")
def article(criteria):
    return case_reader.load(str(ARTICLE_CASE), criteria)


def test_a_whole_interview_in_a_terminal(criteria, article, tmp_path):
    child = spawn(tmp_path, "--save", "article.yaml")
    child.expect_exact(text("ask.save_to", "zh", file="article.yaml"))
    metadata(child, "ZG-2014-57", "", "", "")
    for number, fact_id in enumerate(ARTICLE_ASKED, 1):
        # A person asks for help once.
        answer(child, criteria, article, fact_id, number, ask_for_help=fact_id == "democratic_decision")
    child.expect_exact(text("ask.done_decided", "zh"))
    child.expect_exact("符合情形二")  # the reason, then the outcome on the last line (styled in parts)
    child.expect_exact("结论：")
    child.expect_exact("建议容错免责（免予责任追究）")
    child.expect_exact("(exempt)")
    assert finish(child) == 0
    assert last_line(child) == text("ask.saved", "zh", file="article.yaml")
    saved = case_reader.load(str(tmp_path / "article.yaml"), criteria)
    assert list(saved.answers) == ARTICLE_ASKED
    assert saved.meta["id"] == "ZG-2014-57"


def test_finishing_without_save_keeps_the_case_in_a_file_named_after_its_id(criteria, article, tmp_path):
    child = spawn(tmp_path)
    child.expect_exact(text("ask.save_default", "zh", example="zgrongcuo-")[:20])
    metadata(child, "ZG-2014-57", "建房户意外伤害保险文件", "", "")
    child.expect_exact(text("ask.save_to", "zh", file="ZG-2014-57.yaml"))  # before the first question
    for number, fact_id in enumerate(ARTICLE_ASKED, 1):
        answer(child, criteria, article, fact_id, number)
    child.expect_exact("(exempt)")
    assert finish(child) == 0
    # The screen ends with the saved file's path, below the outcome.
    assert last_line(child) == text("ask.saved", "zh", file="ZG-2014-57.yaml")
    shown = screen(child)
    assert shown.rindex("(exempt)") < shown.rindex(text("ask.saved", "zh", file="ZG-2014-57.yaml"))
    saved = case_reader.load(str(tmp_path / "ZG-2014-57.yaml"), criteria)
    assert list(saved.answers) == ARTICLE_ASKED


def test_ctrl_c_then_the_printed_resume_command(criteria, article, tmp_path):
    child = spawn(tmp_path)
    metadata(child, "", "", "", "")
    for number, fact_id in enumerate(ARTICLE_ASKED[:3], 1):
        answer(child, criteria, article, fact_id, number)
    child.expect(question(criteria, ARTICLE_ASKED[3], 4))
    child.expect_exact(text("ask.prompt_yesno", "zh"))
    child.sendintr()
    child.expect_exact(text("ask.interrupted", "zh"))
    child.expect(RESUME)
    command = child.match.group(1)
    assert finish(child) == 130
    assert last_line(child).endswith(command.strip())  # the resume command is the last line, nothing after it
    draft = tmp_path / shlex.split(command)[3]
    assert list(case_reader.load(str(draft), criteria).answers) == ARTICLE_ASKED[:3]

    child = spawn_printed(tmp_path, command)
    for number, fact_id in enumerate(ARTICLE_ASKED[3:], 4):
        answer(child, criteria, article, fact_id, number)
    child.expect_exact("(exempt)")
    assert finish(child) == 0
    shown = screen(child)
    assert shown.index("[4/") < shown.index("[5/")
    assert not any(criteria.fact_by_id[f].question["zh"] in shown for f in ARTICLE_ASKED[:3])
    assert last_line(child) == text("ask.updated", "zh", file=draft.name)
    assert list(case_reader.load(str(draft), criteria).answers) == ARTICLE_ASKED  # the resume saved it


@pytest.mark.parametrize("how", ["window closed", "SIGTERM"])
def test_closing_the_terminal_window_keeps_the_answers_as_a_draft(criteria, article, tmp_path, how):
    import signal

    child = spawn(tmp_path)
    metadata(child, "ZG-H", "", "", "")
    for number, fact_id in enumerate(ARTICLE_ASKED[:4], 1):
        answer(child, criteria, article, fact_id, number, notes=True)
    child.expect(question(criteria, ARTICLE_ASKED[4], 5))
    child.expect_exact(text("ask.prompt_yesno", "zh"))
    if how == "window closed":  # the terminal goes away: reading fails and SIGHUP comes, in either order
        os.close(child.child_fd)
        _, status = os.waitpid(child.pid, 0)
        child.closed, child.terminated = True, True
        assert os.waitstatus_to_exitcode(status) in (2, 130)
    else:
        child.kill(signal.SIGTERM)
        child.expect_exact(text("ask.interrupted", "zh"))
        assert finish(child) == 143  # SIGTERM's own code, as every other command ends with it; the draft is kept
    draft = case_reader.load(str(tmp_path / "ZG-H.yaml"), criteria)
    assert {f: (a.value, a.note) for f, a in draft.answers.items()} == {
        f: (article.answers[f].value, article.answers[f].note) for f in ARTICLE_ASKED[:4]
    }


def test_resuming_to_fill_in_an_unknown_once_verified(criteria, article, tmp_path):
    case = tmp_path / "case.yaml"
    answers = {f: article.answers[f] for f in ARTICLE_ASKED}
    lines = ["answers:"]
    for fact_id, a in answers.items():
        if fact_id == "democratic_decision":
            lines.append("  democratic_decision: {value: 待核实, note: 须查阅发文时的会议记录}")
        elif isinstance(a.value, tuple):
            lines.append(f"  {fact_id}: [{', '.join(a.value)}]")
        else:
            lines.append(f"  {fact_id}: {'是' if a.value else '否'}")
    case.write_text("\n".join(lines) + "\n", encoding="utf-8")
    child = spawn(tmp_path, "--case", "case.yaml")
    child.expect_exact(text("ask.resumed", "zh", answered=11, unknown=1, unanswered=2))
    child.expect(question(criteria, "democratic_decision", 11))
    child.expect_exact(text("ask.earlier", "zh", answer="不确定"))
    child.expect_exact(text("ask.earlier_note", "zh", note="须查阅发文时的会议记录"))
    child.expect_exact(text("ask.prompt_yesno", "zh"))
    child.sendline("help")  # help still works at a question asked again
    child.expect_exact(criteria.fact_by_id["democratic_decision"].help["zh"])
    child.sendline("经过")
    child.expect_exact("(exempt)")
    assert finish(child) == 0
    assert last_line(child) == text("ask.updated", "zh", file="case.yaml")
    verified = case_reader.load(str(case), criteria).answers["democratic_decision"]
    assert (verified.value, verified.note) == (True, "须查阅发文时的会议记录")


@pytest.mark.parametrize("kind", ["dangling link", "under a file", "read-only folder"])
def test_an_unwritable_save_path_is_refused_before_the_first_question(tmp_path, kind):
    if kind == "dangling link":
        (tmp_path / "case.yaml").symlink_to(tmp_path / "moved" / "case.yaml")
        target = "case.yaml"
    elif kind == "under a file":
        (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
        target = "notes.txt/case.yaml"
    else:
        (tmp_path / "ro").mkdir()
        (tmp_path / "ro").chmod(0o555)
        if os.access(tmp_path / "ro", os.W_OK):
            pytest.skip("the tests run with privileges that write into read-only folders")
        target = "ro/case.yaml"
    child = spawn(tmp_path, "--save", target)
    assert finish(child) == 2
    shown = screen(child)
    assert target in shown
    assert text("ask.meta.id", "zh") not in shown and "[1/" not in shown


def test_back_and_help_at_the_metadata_prompts(criteria, article, tmp_path):
    child = spawn(tmp_path, "--save", "x.yaml", "--format", "json")
    child.expect_exact(text("ask.meta.id", "zh"))
    child.sendline("help")
    child.expect_exact(text("ask.meta_help.id", "zh"))
    child.expect_exact(text("ask.meta.id", "zh"))
    child.sendline("ZG-1")
    child.expect_exact(text("ask.meta.title", "zh"))
    child.sendline("back")
    child.expect_exact(text("ask.meta_earlier", "zh", value="ZG-1"))
    child.expect_exact(text("ask.meta.id", "zh"))
    child.sendline("ZG-2")
    child.expect_exact(text("ask.meta.title", "zh"))
    child.sendline("标题")
    child.expect_exact(text("ask.meta.subject", "zh"))
    child.sendline("")
    child.expect_exact(text("ask.meta.summary", "zh"))
    child.sendline("help")
    child.expect_exact(text("ask.meta_help.summary", "zh")[:20])
    child.expect_exact(text("ask.meta.summary", "zh"))
    child.sendline("")
    child.expect(question(criteria, "context", 1))
    child.expect_exact(text("ask.prompt_set", "zh"))
    child.sendline("back")  # from the first question back to the metadata
    child.expect_exact(text("ask.back_to_meta", "zh"))
    child.expect_exact(text("ask.meta.summary", "zh"))
    child.sendline("一段案情")
    for number, fact_id in enumerate(ARTICLE_ASKED, 1):
        answer(child, criteria, article, fact_id, number)
    child.expect_exact('"outcome": "exempt"')
    assert finish(child) == 0
    case = case_reader.load(str(tmp_path / "x.yaml"), criteria).meta
    assert (case["id"], case["title"], case["subject"], case["summary"]) == ("ZG-2", "标题", None, "一段案情")


def test_back_over_a_question_answered_before_this_session(criteria, article, tmp_path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        "answers:\n  context: [reform_innovation]\n  causes: [inexperience]\n  consequences: {value: [error], note: 见通报}\n",
        encoding="utf-8",
    )
    child = spawn(tmp_path, "--case", "draft.yaml")
    child.expect(question(criteria, "democratic_decision", 4))
    child.expect_exact(text("ask.prompt_yesno", "zh"))
    child.sendline("back")
    child.expect_exact(text("ask.back_to", "zh", number=3, question=criteria.fact_by_id["consequences"].question["zh"]))
    child.expect(question(criteria, "consequences", 3))
    child.expect_exact(text("ask.earlier", "zh", answer="出现失误或偏差"))
    child.expect_exact(text("ask.earlier_note", "zh", note="见通报"))
    child.sendline("back")
    child.expect(question(criteria, "causes", 2))
    child.expect_exact(text("ask.earlier", "zh", answer="缺乏经验"))
    child.sendline("3")  # 先行先试, not 缺乏经验
    child.expect(question(criteria, "consequences", 3))
    child.expect_exact(text("ask.prompt_set", "zh"))
    child.sendline("")  # Enter keeps the answer and its note
    for number, fact_id in enumerate(ARTICLE_ASKED[3:], 4):
        answer(child, criteria, article, fact_id, number)
    child.expect_exact("(exempt)")
    assert finish(child) == 0
    saved = case_reader.load(str(draft), criteria)
    assert saved.answers["causes"].value == ("pilot",)
    assert (saved.answers["consequences"].value, saved.answers["consequences"].note) == (("error",), "见通报")


def test_a_word_document_is_refused_on_a_terminal_before_the_first_question(tmp_path):
    child = spawn(tmp_path, "--format", "docx")
    assert finish(child) == 2
    shown = screen(child)
    assert text("docx_needs_output", "zh")[:10] in shown
    assert text("ask.meta.id", "zh") not in shown and "PK" not in shown


def test_the_offer_to_go_on_with_the_bottom_lines_is_made_at_a_terminal(criteria, tmp_path):
    child = spawn(tmp_path, "--no-meta", "--no-save", "--format", "json")
    child.expect(question(criteria, "context", 1))
    child.expect_exact(text("ask.prompt_set", "zh"))
    child.sendline("0")
    child.expect_exact(text("ask.offer_prompt", "zh"))
    child.sendline("是")
    # Going on asks every unexamined bottom line, for the record.
    for number, (fact_id, word) in enumerate(
        [("private_gain", "有"), ("knowingly_violated", "没有"), ("persisted_after_prohibition", "否"), ("major_liability_accident", "无")], 2
    ):
        child.expect(question(criteria, fact_id, number))
        child.expect_exact(text("ask.prompt_yesno", "zh"))
        child.sendline(word)
    child.expect_exact('"outcome": "not_tolerated"')
    assert finish(child) == 1


def test_the_article_case_interviewed_interrupted_and_resumed_is_exempt_under_s2_for_check(
    criteria, article, tmp_path
):
    child = spawn(tmp_path)
    metadata(child, article.meta["id"], article.meta["title"], article.meta["subject"], article.meta["summary"])
    for number, fact_id in enumerate(ARTICLE_ASKED[:6], 1):
        answer(child, criteria, article, fact_id, number, notes=True)
    child.expect(question(criteria, ARTICLE_ASKED[6], 7))
    child.expect_exact(text("ask.prompt_yesno", "zh"))
    child.sendintr()
    child.expect(RESUME)
    command = child.match.group(1)
    assert finish(child) == 130

    child = spawn_printed(tmp_path, command)
    for number, fact_id in enumerate(ARTICLE_ASKED[6:], 7):
        answer(child, criteria, article, fact_id, number, notes=True)
    child.expect_exact("(exempt)")
    assert finish(child) == 0
    saved_name = f"{article.meta['id']}.yaml"
    assert last_line(child) == text("ask.updated", "zh", file=saved_name)

    checked = subprocess.run(
        [str(SCRIPT), "check", saved_name, "--format", "json"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
    d = json.loads(checked.stdout)
    assert (d["outcome"], d["situations_met"]) == ("exempt", ["S2"])
    assert d["case"] == {k: article.meta[k] for k in ("id", "title", "subject", "summary", "conduct_date")}
    saved = case_reader.load(str(tmp_path / saved_name), criteria)
    assert {f: (a.value, a.note) for f, a in saved.answers.items()} == {
        f: (article.answers[f].value, article.answers[f].note) for f in ARTICLE_ASKED
    }


# ------------------------------------------------------------ several measures

BOTH = ("--criteria", "zigui-2018", "--criteria", "wenze-2019")
ZIGUI, WENZE = "秭归县办法（2018）", "问责条例第十七、十八条（2019）"


@pytest.fixture(scope="module")
def two():
    return questions(load_measures(("zigui-2018", "wenze-2019")))


def number_of(shown_text, label):
    """The number the screen shows for an option, found by its words, as a person reading it finds it."""
    found = re.findall(r"(\d+)\. " + re.escape(label) + r"\r?\n", shown_text)
    assert len(found) == 1, (label, shown_text[-600:])
    return found[0]


class Staffer:
    """A 纪委 staffer answering the article's case: options chosen by their words on the screen, yes/no as the
    article states them, each answer read off the question the screen shows."""

    WORDS = {  # what the staffer reads in the article, in the options' own words
        "context": "改革创新、推进经济社会事业发展",
        "causes": "先行先试",
        "consequences": "出现失误或偏差",
    }
    FOLLOW_UP = {"context": "推进改革"}  # asked the regulation's own options: the document was a reform pilot

    def __init__(self, child, asked, article):
        self.child, self.asked, self.article = child, asked, article
        self.seen = []  # (number shown, fact id or "fact@measure")
        prompts = ("ask.prompt_set", "ask.prompt_yesno", "ask.prompt_follow_up")
        self.prompts = [text(p, "zh") for p in prompts]

    def answer_until(self, done):
        child = self.child
        while True:
            index = child.expect_exact([*self.prompts, done])
            if index == 3:
                return
            before = child.before
            heading = self.heading(before)
            number = int(heading[1 : heading.index("/")])
            if index == 2:  # a measure's own options for a list that got none of them
                fact = next(f for f in self.asked.facts if f.id in self.FOLLOW_UP and f.type == "set")
                follow_up = {m: "".join(text("ask.follow_up", "zh", measure=m.name("zh")).split()) for m in self.asked.measures}
                measure = next(m for m, words in follow_up.items() if words in heading.replace(" ", ""))
                self.seen.append((number, f"{fact.id}@{measure.id}"))
                child.sendline(number_of(before, self.FOLLOW_UP[fact.id]))
                continue
            fact = self.fact_of(heading)
            self.seen.append((number, fact.id))
            if index == 0:
                child.sendline(number_of(before, self.WORDS[fact.id]))
            else:
                child.sendline("是" if self.article.answers[fact.id].value else "否")

    @staticmethod
    def heading(before):
        """The question's heading as shown: from its [n/m] to the options, joined where the screen wrapped it."""
        lines = before.splitlines()
        start = max(i for i, line in enumerate(lines) if line.startswith("["))
        shown = []
        for line in lines[start:]:
            if not line.strip() or re.match(r"\s*\d+\. ", line) or line.rstrip().endswith("选项："):
                break  # the options begin
            shown.append(line.strip())
        return "".join(shown)

    def fact_of(self, heading):
        return next(f for f in self.asked.facts if heading.endswith("]" + "".join(f.question["zh"].split())) or heading.endswith("] " + f.question["zh"]))


def test_the_article_case_in_a_staffers_words_under_two_measures_at_80_by_24(two, tmp_path):
    """The issue's test: the two-measure interview, answered as a staffer would, reads Article 17 for the regulation."""
    article = case_reader.load(str(ARTICLE_CASE), two)
    env = {**os.environ, "COLUMNS": "80", "LINES": "24", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    child = pexpect.spawn(
        str(SCRIPT), ["ask", *BOTH, "--save", "article.yaml"], cwd=str(tmp_path), env=env, encoding="utf-8",
        timeout=30, dimensions=(24, 80),
    )  # fmt: skip
    child.logfile_read = io.StringIO()
    metadata(child, "ZG-2014-57", "", "", "")
    child.expect_exact(text("ask.meta.conduct_date", "zh"))
    child.sendline("")
    staffer = Staffer(child, two, article)
    staffer.answer_until(text("ask.done_decided_several", "zh"))
    child.expect_exact(text("compare.closing", "zh"))
    assert finish(child) == 0
    shown = screen(child)

    # The screen says which measure each group of options belongs to, and asks the regulation its own options.
    first = shown[shown.index("[1/") : shown.index("[2/")]
    assert text("ask.group", "zh", measures=ZIGUI) in first and text("ask.group", "zh", measures=WENZE) in first
    assert first.index(text("ask.group", "zh", measures=ZIGUI)) < first.index("改革创新") < first.index(
        text("ask.group", "zh", measures=WENZE)
    ) < first.index("推进改革")
    assert staffer.seen[:2] == [(1, "context"), (2, "context@wenze-2019")]
    assert [f for _, f in staffer.seen[2:]] == ARTICLE_ASKED[1:]
    assert [n for n, _ in staffer.seen] == list(range(1, len(staffer.seen) + 1))
    # The lines of the two questions fit 80 columns: nothing there is broken by the terminal's own wrapping.
    from zgrongcuo.text.layout import columns

    questions_shown = shown[shown.index("[1/") : shown.index("[3/")].splitlines()
    assert max(columns(line) for line in questions_shown) <= 80, questions_shown

    checked = subprocess.run(
        [str(SCRIPT), "check", "article.yaml", *BOTH, "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    ds = json.loads(checked.stdout)
    assert [(d["criteria"]["id"], d["outcome"], d["situations_met"]) for d in ds] == [
        ("zigui-2018", "exempt", ["S2"]),
        ("wenze-2019", "exempt", ["A17-1a"]),  # Article 17(1): an error in pushing reform, from a pilot attempt
    ]


def test_two_measures_in_a_terminal_interrupted_resumed_and_read_back_by_check(two, tmp_path):
    article = case_reader.load(str(ARTICLE_CASE), two)
    child = spawn(tmp_path, *BOTH)
    child.expect_exact(text("ask.intro_several", "zh", count=2))
    metadata(child, "ZG-2014-57", "", "", "")
    child.expect_exact(text("ask.meta.conduct_date", "zh"))  # the regulation says when it came into force
    child.sendline("2014-06-01")
    answer(child, two, article, "context", 1, notes=True)
    child.expect_exact(text("ask.follow_up", "zh", measure=WENZE))
    child.expect_exact(two.measures[1].fact_by_id["context"].question["zh"])
    child.expect_exact(text("ask.prompt_follow_up", "zh"))
    child.sendline("0")  # none of the regulation's options: Article 17 is out, Article 18 will be asked
    for number, fact_id in enumerate(ARTICLE_ASKED[1:5], 3):
        answer(child, two, article, fact_id, number, notes=True)
    assert ARTICLE_ASKED[5] == "diligent"  # a question both measures ask: help gives each one's words, each named
    child.expect(question(two, "diligent", 7))
    child.expect_exact(text("ask.prompt_yesno", "zh"))
    child.sendline("help")
    child.expect_exact(text("ask.help_measure", "zh", measure=ZIGUI))
    child.expect_exact(text("ask.help_measure", "zh", measure=WENZE))
    child.expect_exact(text("ask.prompt_yesno", "zh"))
    child.sendline(typed(two, article, "diligent", notes=True))
    child.expect(question(two, ARTICLE_ASKED[6], 8))
    child.expect_exact(text("ask.prompt_yesno", "zh"))
    child.sendintr()
    child.expect(RESUME)
    command = child.match.group(1)
    assert finish(child) == 130
    assert shlex.split(command)[2:] == ["--case", "ZG-2014-57.yaml"]  # the draft names its two measures

    child = spawn_printed(tmp_path, command)
    rest = [*ARTICLE_ASKED[6:], "remedied"]
    for number, fact_id in enumerate(rest, 7):  # numbered after the answers the file holds
        answer(child, two, article, fact_id, number, notes=True)
    child.expect_exact(text("ask.done_decided_several", "zh"))
    child.expect_exact(text("compare.closing", "zh"))  # the outcomes compared, last, as check prints them
    child.expect_exact("(exempt)")
    child.expect_exact("(mitigated)")
    assert finish(child) == 0
    assert last_line(child) == text("ask.updated", "zh", file="ZG-2014-57.yaml")
    shown = screen(child)
    assert "[7/" in shown and "[1/" not in shown  # the resumed interview starts where it stopped
    assert text("ask.prompt_follow_up", "zh") not in shown  # the regulation's reading was settled before

    checked = subprocess.run(
        [str(SCRIPT), "check", "ZG-2014-57.yaml", *BOTH, "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert [(d["criteria"]["id"], d["outcome"]) for d in json.loads(checked.stdout)] == [
        ("zigui-2018", "exempt"),
        ("wenze-2019", "mitigated"),
    ]
    saved = case_reader.load(str(tmp_path / "ZG-2014-57.yaml"), two)
    assert {f: (a.value, a.note) for f, a in saved.answers.items()} == {
        f: (article.answers[f].value, article.answers[f].note) for f in [*ARTICLE_ASKED, "remedied"]
    }
    assert saved.meta["conduct_date"] == "2014-06-01"


def test_the_offer_names_the_measure_decided_early_and_going_on_asks_only_its_bottom_line(two, tmp_path):
    child = spawn(tmp_path, *BOTH, "--no-meta", "--no-save", "--format", "json")
    steps = [
        ("context", "推进改革"),  # the regulation's option alone, in its words
        (None, "0"),  # Zigui's own options: none of them
        ("causes", "缺乏经验"),
        ("consequences", "1"),
        ("private_gain", "否"),
        ("knowingly_violated", "没有"),
        ("persisted_after_prohibition", "否"),
    ]
    for number, (fact_id, word) in enumerate(steps, 1):
        if fact_id is None:
            child.expect_exact(text("ask.prompt_follow_up", "zh"))
        else:
            child.expect(question(two, fact_id, number))
            child.expect_exact(prompt_of(two, fact_id))
        child.sendline(word)
    outcome = text("ask.offer_outcome", "zh", measure=ZIGUI, outcome="不符合容错免责的情形或条件", code="not_eligible")
    child.expect_exact(outcome)
    child.expect_exact(text("ask.offer_prompt", "zh"))
    child.sendline("是")
    child.expect(question(two, "major_liability_accident", 8))
    child.expect_exact(text("ask.prompt_yesno", "zh"))
    child.sendline("否")
    child.expect_exact('"outcome": "not_eligible"')
    child.expect_exact('"outcome": "exempt"')
    assert finish(child) == 1  # one outcome unfavourable
    shown = screen(child)
    assert not any(two.fact_by_id[f].question["zh"] in shown for f in ("democratic_decision", "serious_consequence"))


# ------------------------------------------------------------ the interview's edges, in a real terminal

LEFT, UP = "\x1b[D", "\x1b[A"


def test_a_line_can_be_edited_with_the_arrow_keys_and_recalled_with_up(criteria, tmp_path):
    if not __import__("importlib").util.find_spec("readline"):
        pytest.skip("no readline on this platform")
    child = spawn(tmp_path, "--no-meta", "--save", "edited.yaml")
    child.expect(question(criteria, "context", 1))
    child.expect_exact(prompt_of(criteria, "context"))
    child.send("3" + LEFT + LEFT + "1,")  # typed 3, went back to its start, put 1, before it
    child.sendline("")
    child.expect(question(criteria, "causes", 2))
    child.expect_exact(prompt_of(criteria, "causes"))
    child.send(UP)  # the line before, recalled
    child.sendline("")
    child.expect(question(criteria, "consequences", 3))
    child.expect_exact(prompt_of(criteria, "consequences"))
    assert text("ask.control_character", "zh") not in screen(child)  # no arrow key reached the answer
    child.sendintr()  # at the prompt, as a person would: a Ctrl-C while readline sets up its line waits for a key
    assert finish(child) == 130
    saved = case_reader.load(str(tmp_path / "edited.yaml"), criteria)
    context, causes = criteria.fact_by_id["context"], criteria.fact_by_id["causes"]
    assert saved.answers["context"].value == (context.options[0].id, context.options[2].id)
    assert saved.answers["causes"].value == (causes.options[0].id, causes.options[2].id)


def test_control_characters_from_a_pipe_are_still_refused(tmp_path):
    done = subprocess.run(
        [str(SCRIPT), "ask", "--no-meta", "--no-save"], input=(UP + "\n2\n").encode(), capture_output=True, cwd=tmp_path,
        timeout=60, env={**os.environ, "ZGRONGCUO_LANG": "zh"},
    )  # fmt: skip
    assert done.returncode == 2
    err = done.stderr.decode()
    assert text("ask.control_character", "zh") in err and "\x1b" not in err and "[2/" not in err


def test_lines_are_laid_out_for_an_80_column_terminal(criteria, article, tmp_path):
    from zgrongcuo.text.layout import columns

    child = spawn(tmp_path, size=(24, 80))
    child.expect_exact(text("ask.meta.id", "zh"))
    child.sendline("")
    metadata_rest = ("title", "subject", "summary")
    for key in metadata_rest:
        child.expect_exact(text(f"ask.meta.{key}", "zh"))
        child.sendline("")
    child.expect_exact(prompt_of(criteria, "context"))
    child.sendline("help")  # the longest texts the interview shows
    child.expect_exact(prompt_of(criteria, "context"))
    child.sendline(typed(criteria, article, "context"))
    child.expect_exact(prompt_of(criteria, "causes"))
    child.sendintr()
    finish(child)
    lines = screen(child).replace("\r\n", "\n").split("\n")
    for line in lines:
        assert columns(line) <= 80, line
        assert not line.startswith(("。", "，", "）", "”", "；")), line
    # The default file name stands whole on a line, as it is to be typed.
    assert any(re.search(r"zgrongcuo-\d{8}-\d{4}\.yaml", line) for line in lines)


def test_interrupted_among_the_case_details_the_resume_command_asks_for_the_rest(tmp_path):
    child = spawn(tmp_path)
    child.expect_exact(text("ask.meta.id", "zh"))
    child.sendline("ZG-M")
    child.expect_exact(text("ask.meta.title", "zh"))
    child.sendintr()
    child.expect(RESUME)
    command = child.match.group(1).strip()
    assert finish(child) == 130
    assert "--meta" in shlex.split(command)
    resumed = spawn_printed(tmp_path, command)
    resumed.expect_exact(text("ask.meta.title", "zh"))  # the details not given yet are asked for
    resumed.sendline("建房户意外伤害保险文件")
    resumed.expect_exact(text("ask.meta.subject", "zh"))
    resumed.sendintr()
    finish(resumed)
    assert "案件编号" not in screen(resumed).split(text("ask.meta.title", "zh"))[0]  # the id given is not asked again


def test_going_back_says_which_question_is_to_be_answered_again(criteria, article, tmp_path):
    child = spawn(tmp_path, "--no-meta", "--no-save")
    for number, fact_id in enumerate(ARTICLE_ASKED[:4], 1):
        answer(child, criteria, article, fact_id, number)
    child.expect(question(criteria, ARTICLE_ASKED[4], 5))
    child.expect_exact(prompt_of(criteria, ARTICLE_ASKED[4]))
    child.sendline("back")
    back = text("ask.back_to", "zh", number=4, question=criteria.fact_by_id["democratic_decision"].question["zh"])
    child.expect_exact(back)
    assert back.endswith("？") and "经过民主决策程序。" not in back  # a question, not what reads as its answer
    child.expect_exact(prompt_of(criteria, "democratic_decision"))
    child.sendintr()
    finish(child)
